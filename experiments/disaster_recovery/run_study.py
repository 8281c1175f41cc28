"""Disaster recovery study: the learned SLA controller vs CSPF (and widest-shortest).

Runs ``disaster_recovery.yaml`` once per seed and controller: ``cspf``,
``widest_shortest`` (the other packet-network baseline of ``netsim.control``),
``sla_policy`` with the restoration policy trained for this scenario
(``trained/sla_policy_dr.npz``, made by ``train_policy.py``: it reroutes, CSPF admits)
and, for reference, ``sla_policy_placement`` (trained here to admit as well:
``trained/sla_policy_dr_placement.npz``) and ``sla_policy_multiseg`` (the policy trained
on the multi-segment SLA case, ``experiments/multisegment_sla/trained/``). Seed ``s`` draws its
own requests and starts the constellation ``s x 997 s`` later
(``space.constellation.t0_s``), so each seed sees another satellite geometry; the
training seeds (100 and up) are never evaluated. Reports per controller the mean and
Student-t 95% interval over seeds (``netsim.core.stats.mean_ci``) of: intents kept
(count, share, per latency class), restored capacity (capacity carried again after the
cut / capacity the cut hit), outage of the requests the cut hit (mean, max, and of
those rerouted at once), path delay of those requests before and after the cut, and the
probe flow's one-way latency before and after; and the paired difference of each
controller's intents kept from CSPF's. Writes ``per_seed.csv``, ``summary.csv``,
``paired.csv`` and ``disaster_recovery.png`` under ``--out``.

Run: ``python experiments/disaster_recovery/run_study.py [--seeds 10] [--duration-s 20]``.
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
TIGHT_S = 0.003
POLICY_FILE = "trained/sla_policy_dr.npz"
CONTROLLERS = {
    "cspf": {"name": "cspf", "options": {}},
    "widest_shortest": {"name": "widest_shortest", "options": {}},
    "sla_policy": {"name": "sla_policy", "options": {"policy_file": POLICY_FILE}},
    "sla_policy_placement": {"name": "sla_policy", "options": {
        "policy_file": "trained/sla_policy_dr_placement.npz"}},
    "sla_policy_multiseg": {"name": "sla_policy", "options": {
        "policy_file": "../multisegment_sla/trained/sla_policy_cem8x10.npz"}},
}


def load_case(controller: dict | None = None, duration_s: float | None = None,
              t0_s: float | None = None, control_only: bool = False):
    """The scenario with another controller, run length or constellation start.

    ``control_only`` leaves out what the controller's decisions do not depend on (the
    radio cells, the packet flows, targets, sweep, plots): the fast episodes used for
    training and the path analysis.
    """
    data = load_yaml(os.path.join(HERE, "disaster_recovery.yaml"))
    if controller is not None:
        data["control"]["controller"] = dict(controller)
    if duration_s is not None:
        data["run"]["duration_s"] = float(duration_s)
    if t0_s is not None:
        data["space"]["constellation"]["t0_s"] = float(t0_s)
    if control_only:
        for key in ("radio", "targets", "sweep"):
            data.pop(key, None)
        data["traffic"] = []
        data["outputs"]["plots"] = False
    return parse_scenario(data, base_dir=HERE, source="disaster_recovery.yaml")


def _on_fibre(path) -> bool:
    p = str(path)
    return p.startswith("region>core") or p.startswith("region>hub_b") or \
        p.endswith("core>region") or p.endswith("hub_b>region")


def request_kpis(req: pd.DataFrame, cut_s: float = CUT_S) -> dict[str, float]:
    """KPIs of the ``control_requests`` table of one run.

    Hit by the cut: admitted before ``cut_s`` on a path over fibre A or B and not
    departed before it (the fibres never fail before the cut, so the first path is the
    one carried at the cut; a request the controller placed on the microwave or the
    satellite is not hit).
    """
    met = req["intent_met"].astype(bool)
    adm = req[req["admitted"].astype(bool)]
    before = adm[adm["arrival_s"] < cut_s]
    hit = before[(before["arrival_s"] + before["holding_s"] > cut_s)
                 & before["path"].map(_on_fibre)]
    back = hit[hit["state"].isin(["carried", "departed"])]
    quick = hit[(hit["interrupted_s"] < 1.0) & (hit["reroutes"] > 0)]
    cap_hit = float(hit["capacity_bps"].sum())
    tight = req["latency_bound_s"] <= TIGHT_S + 1e-12
    return {
        "requests": float(len(req)),
        "hit_by_cut": float(len(hit)),
        "intents_kept": float(met.sum()),
        "intent_met_share": float(met.mean()),
        "intent_met_share_tight": float(met[tight].mean()) if tight.any() else np.nan,
        "intent_met_share_lax": float(met[~tight].mean()) if (~tight).any() else np.nan,
        "capacity_hit_gbps": cap_hit / 1e9,
        "restored_capacity_share": float(back["capacity_bps"].sum()) / cap_hit
        if cap_hit > 0 else np.nan,
        "restored_within_1s_share": len(quick) / len(hit) if len(hit) else np.nan,
        "mean_outage_s": float(hit["interrupted_s"].mean()) if len(hit) else np.nan,
        "max_outage_s": float(hit["interrupted_s"].max()) if len(hit) else np.nan,
        "outage_if_rerouted_at_once_s": float(quick["interrupted_s"].mean())
        if len(quick) else np.nan,
        "delay_before_ms": 1e3 * float(hit["delay_s"].mean()) if len(hit) else np.nan,
        "delay_after_ms": 1e3 * float(back["max_delay_s"].mean()) if len(back) else np.nan,
        "admitted_on_leo_before_cut": float(before["path"].str.contains("sat:").sum()),
    }


def flow_latency(lat: pd.DataFrame, cut_s: float = CUT_S) -> dict[str, float]:
    """Mean one-way latency (ms) of the probe flow before and after the cut."""
    p = lat[lat["flow"] == "probe"]
    t = p["time_s"]
    return {"probe_latency_before_ms": 1e3 * float(p.loc[t < cut_s, "latency_s"].mean()),
            "probe_latency_after_ms": 1e3 * float(p.loc[t > cut_s + 1.0, "latency_s"].mean())}


def summarise(df: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per controller and KPI: mean and 95% half width over seeds; and per controller
    the paired difference of ``intent_met_share`` from CSPF's on the same seeds."""
    summ = []
    for ctl, g in df.groupby("controller", sort=False):
        for k in df.columns.drop(["controller", "seed"]):
            x = g[k].dropna().to_numpy(float)
            m, h = mean_ci(x)
            summ.append({"controller": ctl, "kpi": k, "mean": m, "half_width_95": h,
                         "n": len(x)})
    base = df[df["controller"] == "cspf"].set_index("seed")
    paired = []
    for ctl, g in df.groupby("controller", sort=False):
        if ctl == "cspf":
            continue
        for k in ("intent_met_share", "restored_capacity_share"):
            d = (g.set_index("seed")[k] - base[k]).dropna().to_numpy(float)
            m, h = mean_ci(d)
            paired.append({"controller": ctl, "kpi": k, "minus_cspf": m,
                           "half_width_95": h, "n": len(d),
                           "seeds_better": int((d > 1e-12).sum()),
                           "seeds_worse": int((d < -1e-12).sum())})
    return pd.DataFrame(summ), pd.DataFrame(paired)


def plot(df: pd.DataFrame, path: str) -> None:
    """Bars of the main KPIs per controller with 95% intervals."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    kpis = [("intent_met_share", "intents kept (share)"),
            ("restored_capacity_share", "restored capacity (share)"),
            ("outage_if_rerouted_at_once_s", "outage, immediate reroute (s)"),
            ("delay_after_ms", "path delay after cut (ms)")]
    names = list(df["controller"].unique())
    fig, axes = plt.subplots(1, len(kpis), figsize=(13, 3.4))
    for ax, (k, label) in zip(axes, kpis):
        stats = [mean_ci(df.loc[df["controller"] == c, k].dropna().to_numpy(float))
                 for c in names]
        ax.bar(range(len(names)), [m for m, _ in stats], yerr=[h for _, h in stats],
               capsize=4, color=[f"C{i}" for i in range(len(names))])
        ax.set_xticks(range(len(names)), names, rotation=30, ha="right", fontsize=7)
        ax.set_title(label, fontsize=9)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, default=10)
    ap.add_argument("--duration-s", type=float, default=20.0)
    ap.add_argument("--controllers", nargs="+", default=list(CONTROLLERS),
                    choices=list(CONTROLLERS))
    ap.add_argument("--out", default=os.path.join(HERE, "results"))
    a = ap.parse_args()
    rows = []
    for seed in range(a.seeds):
        for ctl in a.controllers:
            scn = load_case(controller=CONTROLLERS[ctl], duration_s=a.duration_s,
                            t0_s=seed * T0_STEP_S)
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
    s, paired = summarise(df)
    s.to_csv(os.path.join(a.out, "summary.csv"), index=False)
    paired.to_csv(os.path.join(a.out, "paired.csv"), index=False)
    plot(df, os.path.join(a.out, "disaster_recovery.png"))
    with pd.option_context("display.width", 200):
        print(s.pivot(index="kpi", columns="controller", values=["mean", "half_width_95"])
              .to_string())
        print(paired.to_string(index=False))


if __name__ == "__main__":
    main()
