"""Scenario 4 (issue 8): which span lengths, bands and formats carry 10 Tb/s per fibre?

A physics-level study on netsim's optical layer (``netsim.optical.capacity``, GN model,
docs/optical-physical.md): for every combination of

* span length (km) and link length (km; ``ceil(length / span)`` identical SSMF spans,
  EDFA gain = span loss, NF 5.5 dB),
* band (C: 191.3-196.1 THz, C+L: plus 186.1-190.9 THz),
* channel plan (32 GBd on 50 GHz, 64 GBd on 75 GHz),

it computes the GSNR of every channel at the closed-form optimum launch power, the
densest DP format each channel closes (7 % HD-FEC, a margin), the total net rate and
the Shannon bound ``2 R_s log2(1 + GSNR)``, and for each fixed format the fibre rate
``n_channels x net rate`` if every channel closes with it. The verdict: does the fibre
carry 10 Tb/s (net, with the adaptive transceiver)?

Deterministic (no random input): no confidence intervals are needed.

Usage::

    python experiments/optical_10tbps/run.py            # short grid, seconds
    python experiments/optical_10tbps/run.py --full     # full grid
    python experiments/optical_10tbps/run.py --out DIR  # default: results/ beside this file
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys

import pandas as pd

from netsim.optical.capacity import capacity
from netsim.optical.channel_plan import ChannelPlan
from netsim.optical.fiber import Link
from netsim.optical.transceiver import Transceiver, net_rate_bps

TARGET_BPS = 10e12
"""The scenario's target: 10 Tb/s net per fibre."""

PLANS = {"32GBd/50GHz": (32e9, 50e9), "64GBd/75GHz": (64e9, 75e9)}
BANDS = {"C": ("C",), "C+L": ("L", "C")}

SHORT = {"span_km": [80.0, 100.0], "length_km": [400.0, 2000.0, 4000.0, 8000.0],
         "band": ["C", "C+L"], "plan": ["32GBd/50GHz", "64GBd/75GHz"], "margin_db": [1.0]}
FULL = {"span_km": [50.0, 80.0, 100.0, 120.0],
        "length_km": [80.0, 400.0, 1000.0, 2000.0, 4000.0, 8000.0],
        "band": ["C", "C+L"], "plan": ["32GBd/50GHz", "64GBd/75GHz"],
        "margin_db": [0.0, 1.0, 3.0]}


def study(grid: dict) -> pd.DataFrame:
    """One row per grid point: rates, formats and the 10 Tb/s verdict."""
    rows = []
    for band in grid["band"]:
        for plan_name in grid["plan"]:
            rs, spacing = PLANS[plan_name]
            plan = ChannelPlan.for_bands(BANDS[band], spacing_hz=spacing, symbol_rate_baud=rs)
            for span_km in grid["span_km"]:
                for length_km in grid["length_km"]:
                    n_spans = max(1, math.ceil(length_km / span_km - 1e-9))
                    link = Link.uniform(n_spans=n_spans, span_length_km=span_km)
                    for margin in grid["margin_db"]:
                        trx = Transceiver(margin_db=margin)
                        res = capacity(link, plan, transceiver=trx)
                        row = {
                            "band": band, "plan": plan_name, "span_km": span_km,
                            "length_km": length_km, "n_spans": n_spans, "margin_db": margin,
                            "n_channels": plan.n_channels,
                            "launch_power_dbm": float(res.launch_power_dbm[0]),
                            "gsnr_min_db": float(res.gsnr_db.min()),
                            "gsnr_max_db": float(res.gsnr_db.max()),
                            "net_rate_tbps": res.total_rate_bps / 1e12,
                            "shannon_tbps": res.total_shannon_rate_bps / 1e12,
                            "formats": json.dumps(res.format_counts()),
                            "carries_10tbps": res.carries(TARGET_BPS),
                        }
                        g_min = float(res.gsnr_db.min())
                        for f, thr in zip(trx.formats, trx.thresholds_db):
                            ok = g_min >= thr
                            rate = plan.n_channels * net_rate_bps(f, rs) if ok else 0.0
                            row[f"fixed_{f.name}_tbps"] = rate / 1e12
                        rows.append(row)
    return pd.DataFrame(rows)


def verdict(df: pd.DataFrame) -> dict:
    """Summary KPIs and the target verdict of the study."""
    out = {"target_bps": TARGET_BPS, "n_points": int(len(df)),
           "n_points_carrying_10tbps": int(df["carries_10tbps"].sum())}
    for band in sorted(df["band"].unique()):
        sub = df[df["band"] == band]
        out[f"max_net_rate_tbps_{band}"] = float(sub["net_rate_tbps"].max())
        ok = sub[sub["carries_10tbps"]]
        out[f"max_length_km_10tbps_{band}"] = float(ok["length_km"].max()) if len(ok) else 0.0
    out["verdict"] = ("pass" if out["n_points_carrying_10tbps"] > 0 else "fail")
    return out


def reach_table(df: pd.DataFrame) -> pd.DataFrame:
    """Per band, plan, span length and margin: the longest studied length carrying 10 Tb/s."""
    rows = []
    for key, g in df.groupby(["band", "plan", "span_km", "margin_db"]):
        ok = g[g["carries_10tbps"]]
        rows.append(dict(zip(["band", "plan", "span_km", "margin_db"], key),
                         max_length_km_10tbps=float(ok["length_km"].max()) if len(ok) else 0.0,
                         net_rate_tbps_at_max=float(ok.sort_values("length_km")[
                             "net_rate_tbps"].iloc[-1]) if len(ok) else 0.0))
    return pd.DataFrame(rows)


def plot(df: pd.DataFrame, path: str) -> None:
    """Net rate (solid) and Shannon bound (dotted) vs length, per band and plan."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from netsim.experiment.plots import STYLE

    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(7, 4.5))
        margin = sorted(df["margin_db"].unique())[len(df["margin_db"].unique()) // 2]
        span = 80.0 if 80.0 in set(df["span_km"]) else float(df["span_km"].iloc[0])
        sub = df[(df["margin_db"] == margin) & (df["span_km"] == span)]
        for (band, plan_name), g in sub.groupby(["band", "plan"]):
            g = g.sort_values("length_km")
            line, = ax.plot(g["length_km"], g["net_rate_tbps"], marker="o",
                            label=f"{band}, {plan_name} (net)")
            ax.plot(g["length_km"], g["shannon_tbps"], ls=":", color=line.get_color())
        ax.axhline(TARGET_BPS / 1e12, color="k", ls="--", lw=1, label="10 Tb/s target")
        ax.set_xscale("log")
        ax.set_xlabel("link length (km)")
        ax.set_ylabel("fibre capacity (Tb/s)")
        ax.set_title(f"{span:g} km SSMF spans, margin {margin:g} dB (dotted: Shannon bound)")
        ax.legend(fontsize=8)
        fig.tight_layout()
        fig.savefig(path, dpi=120)
        plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--full", action="store_true", help="run the full grid")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "results"))
    ap.add_argument("--no-plot", action="store_true")
    a = ap.parse_args(argv)
    os.makedirs(a.out, exist_ok=True)
    df = study(FULL if a.full else SHORT)
    df.to_csv(os.path.join(a.out, "capacity.csv"), index=False)
    kpis = verdict(df)
    reach = reach_table(df)
    reach.to_csv(os.path.join(a.out, "reach_10tbps.csv"), index=False)
    with open(os.path.join(a.out, "kpis.json"), "w", encoding="utf-8") as fh:
        json.dump(kpis, fh, indent=2)
    if not a.no_plot:
        plot(df, os.path.join(a.out, "capacity_vs_length.png"))
    cols = ["band", "plan", "span_km", "length_km", "margin_db", "gsnr_min_db",
            "net_rate_tbps", "shannon_tbps", "carries_10tbps"]
    with pd.option_context("display.width", 160, "display.max_rows", 500):
        print(df[cols].round(2).to_string(index=False))
        print(reach.to_string(index=False))
    print(json.dumps(kpis, indent=2))
    return 0 if kpis["verdict"] == "pass" else 1


if __name__ == "__main__":
    sys.exit(main())
