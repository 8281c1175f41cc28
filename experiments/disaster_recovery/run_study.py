"""Disaster recovery study: CSPF vs the learned SLA controller over several seeds.

Runs ``disaster_recovery.yaml`` once per seed and controller (``cspf`` and
``sla_policy`` with the policy trained in ``experiments/multisegment_sla/trained/``).
Seed ``s`` draws its own requests and starts the constellation ``s x 997 s`` later
(``space.constellation.t0_s``), so each seed sees another satellite geometry. Reports per
controller the mean and Student-t 95% interval over seeds (``netsim.core.stats.mean_ci``)
of: outage of the requests the cut hit (mean and max), share restored within 1 s, intents
kept, restored capacity (capacity carried again after the cut / capacity the cut hit),
path delay of those requests before and after the cut, and the probe flow's one-way
latency before and after. Writes ``per_seed.csv``, ``summary.csv`` and
``disaster_recovery.png`` under ``--out``.

Run: ``python experiments/disaster_recovery/run_study.py [--seeds 10] [--duration-s 30]``.
"""

from __future__ import annotations

import argparse
import os

import numpy as np
import pandas as pd

from netsim.core.stats import mean_ci
from netsim.experiment.run import run_scenario
from netsim.experiment.scenario import parse_scenario
from netsim.experiment.yamlio import load_yaml

HERE = os.path.dirname(os.path.abspath(__file__))
CUT_S = 10.0
T0_STEP_S = 997.0
CONTROLLERS = {
    "cspf": {"name": "cspf", "options": {}},
    "sla_policy": {"name": "sla_policy", "options": {
        "policy_file": "../multisegment_sla/trained/sla_policy_cem8x10.npz"}},
}


def load_case(controller: dict | None = None, duration_s: float | None = None,
              t0_s: float | None = None):
    """The scenario with another controller, run length or constellation start."""
    data = load_yaml(os.path.join(HERE, "disaster_recovery.yaml"))
    if controller is not None:
        data["control"]["controller"] = dict(controller)
    if duration_s is not None:
        data["run"]["duration_s"] = float(duration_s)
    if t0_s is not None:
        data["space"]["constellation"]["t0_s"] = float(t0_s)
    return parse_scenario(data, base_dir=HERE, source="disaster_recovery.yaml")


def request_kpis(req: pd.DataFrame) -> dict[str, float]:
    """KPIs of the ``control_requests`` table of one run (the cut hits every request
    carried at ``CUT_S``: they all ride fibre A before it)."""
    adm = req[req["admitted"].astype(bool)]
    hit = adm[adm["interruptions"] > 0]
    back = hit[hit["state"].isin(["carried", "departed"])]
    quick = hit[hit["interrupted_s"] < 1.0]
    cap_hit = float(hit["capacity_bps"].sum())
    return {
        "requests": float(len(req)),
        "hit_by_cut": float(len(hit)),
        "intents_kept": float(req["intent_met"].astype(bool).sum()),
        "intent_met_share": float(req["intent_met"].astype(bool).mean()),
        "restored_capacity_share": float(back["capacity_bps"].sum()) / cap_hit
        if cap_hit > 0 else np.nan,
        "restored_within_1s_share": len(quick) / len(hit) if len(hit) else np.nan,
        "mean_outage_s": float(hit["interrupted_s"].mean()) if len(hit) else np.nan,
        "max_outage_s": float(hit["interrupted_s"].max()) if len(hit) else np.nan,
        "outage_if_rerouted_at_once_s": float(quick["interrupted_s"].mean())
        if len(quick) else np.nan,
        "delay_before_ms": 1e3 * float(hit["delay_s"].mean()),
        "delay_after_ms": 1e3 * float(back["max_delay_s"].mean()) if len(back) else np.nan,
    }


def flow_latency(lat: pd.DataFrame, cut_s: float = CUT_S) -> dict[str, float]:
    """Mean one-way latency (ms) of the probe flow before and after the cut."""
    p = lat[lat["flow"] == "probe"]
    t = p["time_s"]
    return {"probe_latency_before_ms": 1e3 * float(p.loc[t < cut_s, "latency_s"].mean()),
            "probe_latency_after_ms": 1e3 * float(p.loc[t > cut_s + 1.0, "latency_s"].mean())}


def plot(df: pd.DataFrame, path: str) -> None:
    """Bars of the main KPIs per controller with 95% intervals."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    kpis = [("intent_met_share", "intents kept (share)"),
            ("restored_capacity_share", "restored capacity (share)"),
            ("outage_if_rerouted_at_once_s", "outage, immediate reroute (s)"),
            ("delay_after_ms", "path delay after cut (ms)")]
    fig, axes = plt.subplots(1, len(kpis), figsize=(12, 3))
    for ax, (k, label) in zip(axes, kpis):
        names = sorted(df["controller"].unique())
        stats = [mean_ci(df.loc[df["controller"] == c, k].dropna().to_numpy(float))
                 for c in names]
        ax.bar(names, [m for m, _ in stats], yerr=[h for _, h in stats], capsize=4,
               color=["#4477aa", "#ee6677"][:len(names)])
        ax.set_title(label, fontsize=9)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, default=10)
    ap.add_argument("--duration-s", type=float, default=30.0)
    ap.add_argument("--out", default=os.path.join(HERE, "results"))
    a = ap.parse_args()
    rows = []
    for seed in range(a.seeds):
        for ctl, spec in CONTROLLERS.items():
            scn = load_case(controller=spec, duration_s=a.duration_s, t0_s=seed * T0_STEP_S)
            out = os.path.join(a.out, "runs", f"{ctl}-s{seed}")
            run_scenario(scn, out, seed=seed)
            req = pd.read_csv(os.path.join(out, "control_requests.csv"))
            lat = pd.read_csv(os.path.join(out, "latency.csv"))
            row = {"controller": ctl, "seed": seed}
            row.update(request_kpis(req))
            row.update(flow_latency(lat))
            rows.append(row)
            print(f"{ctl} seed {seed}: kept {row['intents_kept']:.0f}/{row['requests']:.0f}, "
                  f"restored {row['restored_capacity_share']:.2f}", flush=True)
    df = pd.DataFrame(rows)
    os.makedirs(a.out, exist_ok=True)
    df.to_csv(os.path.join(a.out, "per_seed.csv"), index=False)
    summ = []
    for ctl, g in df.groupby("controller"):
        for k in df.columns.drop(["controller", "seed"]):
            x = g[k].dropna().to_numpy(float)
            m, h = mean_ci(x)
            summ.append({"controller": ctl, "kpi": k, "mean": m, "half_width_95": h,
                         "n": len(x)})
    s = pd.DataFrame(summ)
    s.to_csv(os.path.join(a.out, "summary.csv"), index=False)
    plot(df, os.path.join(a.out, "disaster_recovery.png"))
    print(s.pivot(index="kpi", columns="controller", values=["mean", "half_width_95"])
          .to_string())


if __name__ == "__main__":
    main()
