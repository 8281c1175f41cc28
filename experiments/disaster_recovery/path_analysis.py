"""How many restoration choices does the controller have after the cut?

Runs the scenario with the ``sla_policy`` controller (default: its CSPF-like weights,
or ``--policy FILE``) wrapped so that every
decision it takes after the cut is logged: the number of candidate paths it scores, how
many are feasible (links up, capacity free, delay within the bound), how many distinct
*bottlenecks* the feasible ones use (the set of their non-ISL, non-terrestrial-core
links: gateway-satellite links and the microwave relay, if any), and whether its choice
has the same bottleneck links as CSPF's choice in the same state.

Run: ``python experiments/disaster_recovery/path_analysis.py [--yaml FILE] [--seeds 3]
[--duration-s 14]``; prints one row per seed and a total.
"""

from __future__ import annotations

import argparse
import os

import pandas as pd

from netsim.control.cspf import CSPF
from netsim.control.sla import SlaPolicy
from netsim.experiment.build import build
from netsim.experiment.scenario import parse_scenario
from netsim.experiment.yamlio import load_yaml

HERE = os.path.dirname(os.path.abspath(__file__))
CUT_S = 10.0


def _bottleneck(path) -> tuple:
    """The links of ``path`` that limit a restoration: every hop touching a ground
    gateway or a relay site (not satellite-satellite ISLs, not the intact city links)."""
    hops = list(zip(path[:-1], path[1:]))
    out = []
    for a, b in hops:
        sa, sb = str(a).startswith("sat:"), str(b).startswith("sat:")
        if sa and sb:
            continue  # ISL: 10 Gb/s laser, never the bottleneck here
        if {str(a), str(b)} <= {"core", "dc"}:
            continue
        out.append((str(a), str(b)))
    return tuple(out)


def analyse(yaml_path: str, seed: int, duration_s: float, policy_file: str | None) -> list:
    data = load_yaml(yaml_path)
    data["run"]["duration_s"] = duration_s
    data.pop("radio", None)  # the decisions do not depend on the packet flows
    data["traffic"] = []
    data.pop("targets", None)
    data["space"]["constellation"]["t0_s"] = seed * 997.0
    opts = {} if policy_file is None else {"policy_file": os.path.abspath(policy_file)}
    data["control"]["controller"] = {"name": "sla_policy", "options": opts}
    scn = parse_scenario(data, base_dir=os.path.dirname(yaml_path), source=yaml_path)
    ctx = build(scn, seed=seed)
    ctl: SlaPolicy = ctx.state["control"].controller
    cspf = CSPF()
    log = []
    decide = ctl.decide

    def logged(request, view):
        new = decide(request, view)
        if view.now_s >= CUT_S:
            paths, _, ok = ctl.features(request, view)
            feas = [p for p, o in zip(paths, ok) if o]
            ref = cspf.decide(request, view)
            log.append({
                "seed": seed, "t_s": view.now_s, "request": request.id,
                "capacity_bps": request.capacity_bps,
                "bound_ms": 1e3 * request.latency_bound_s,
                "candidates": len(paths), "feasible": len(feas),
                "feasible_bottlenecks": len({_bottleneck(p) for p in feas}),
                "same_as_cspf": (not new.admitted and not ref.admitted) or (
                    new.admitted and ref.admitted
                    and _bottleneck(new.path) == _bottleneck(ref.path)),
            })
        return new

    ctl.decide = logged
    ctx.sim.run(until_s=duration_s)
    return log


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--yaml", default=os.path.join(HERE, "disaster_recovery.yaml"))
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--duration-s", type=float, default=14.0)
    ap.add_argument("--policy", default=None,
                    help="sla_policy weights file (default: the CSPF-like weights)")
    a = ap.parse_args()
    rows = []
    for s in range(a.seeds):
        rows += analyse(a.yaml, s, a.duration_s, a.policy)
    df = pd.DataFrame(rows)
    if df.empty:
        print("no decision after the cut")
        return
    at_cut = df[df["t_s"] < CUT_S + 0.5]  # the reroutes at the cut (detection 50 ms)
    g = at_cut.groupby("seed").agg(reroutes_at_cut=("request", "size"),
                                   candidates=("candidates", "mean"),
                                   feasible_mean=("feasible", "mean"),
                                   bottlenecks_mean=("feasible_bottlenecks", "mean"),
                                   bottlenecks_max=("feasible_bottlenecks", "max"))
    print(g.to_string())
    for label, d in (("at the cut", at_cut), ("all decisions after the cut (retries "
                                              "of waiting requests included)", df)):
        print(f"{label}: {len(d)} decisions; share with 0 feasible paths "
              f"{(d.feasible == 0).mean():.3f}, with 1 feasible bottleneck "
              f"{(d.feasible_bottlenecks == 1).mean():.3f}, with >= 2 "
              f"{(d.feasible_bottlenecks >= 2).mean():.3f}; same bottleneck as CSPF "
              f"{d.same_as_cspf.mean():.3f}")

if __name__ == "__main__":
    main()
