"""Scenario 4 (issue 8): plots and the reach table of the fibre-capacity sweep.

The study itself is ``fibre_capacity.yaml`` (the ``fibre_capacity:`` section,
``netsim.optical.fibre_capacity_study``); this script only reads a finished
``netsim sweep`` folder and writes

* ``capacity_vs_length.png``: net fibre rate (solid) and Shannon bound (dotted) against the
  link length, per band and channel plan, for one span length and margin;
* ``reach_10tbps.csv``: per band, channel plan, span length and margin, the longest
  studied length carrying the target, and the exact reach in whole spans
  (KPI ``fibre_reach_km_at_target``).

Usage::

    netsim sweep experiments/optical_10tbps/fibre_capacity.yaml --out SWEEP --jobs 1
    python experiments/optical_10tbps/run.py SWEEP --out experiments/optical_10tbps/results_full
"""

from __future__ import annotations

import argparse
import os
import sys

import pandas as pd

_P = "fibre_capacity."
KEYS = ["band", "channel_plan", "span_length_km", "margin_db"]


def load_runs(sweep_dir: str) -> pd.DataFrame:
    """The sweep's ``runs.csv`` with the ``fibre_capacity.`` prefix dropped from columns."""
    df = pd.read_csv(os.path.join(sweep_dir, "runs.csv"))
    return df.rename(columns={c: c[len(_P):] for c in df.columns if c.startswith(_P)})


def reach_table(df: pd.DataFrame) -> pd.DataFrame:
    """Per band, plan, span length and margin: longest studied length carrying the target."""
    rows = []
    for key, g in df.groupby(KEYS):
        ok = g[g["fibre_carries_target"] > 0].sort_values("length_km")
        rows.append(dict(zip(KEYS, key),
                         max_length_km_studied=float(ok["length_km"].max()) if len(ok) else 0.0,
                         net_rate_tbps_at_max=float(ok["fibre_capacity_bps"].iloc[-1] / 1e12)
                         if len(ok) else 0.0,
                         reach_km_exact=float(g["fibre_reach_km_at_target"].iloc[0])))
    return pd.DataFrame(rows)


def plot(df: pd.DataFrame, path: str, span_km: float = 80.0, margin_db: float = 1.0) -> None:
    """Net rate (solid) and Shannon bound (dotted) vs length, per band and plan."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from netsim.experiment.plots import STYLE, finish_figure

    target_tbps = float(df["fibre_target_rate_bps"].iloc[0]) / 1e12
    sub = df[(df["span_length_km"] == span_km) & (df["margin_db"] == margin_db)]
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(7, 4.5))
        for (band, plan), g in sub.groupby(["band", "channel_plan"]):
            g = g.sort_values("length_km")
            line, = ax.plot(g["length_km"], g["fibre_capacity_bps"] / 1e12, marker="o",
                            label=f"{band}, {plan} (net)")
            ax.plot(g["length_km"], g["fibre_shannon_rate_bps"] / 1e12, ls=":",
                    color=line.get_color())
        ax.axhline(target_tbps, color="k", ls="--", lw=1, label=f"{target_tbps:g} Tb/s target")
        ax.set_xscale("log")
        finish_figure(fig, ax, path, xlabel="link length (km)",
                      ylabel="fibre capacity (Tb/s)",
                      title=f"{span_km:g} km SSMF spans, margin {margin_db:g} dB "
                            "(dotted: Shannon bound)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sweep", help="a finished `netsim sweep` folder of fibre_capacity.yaml")
    ap.add_argument("--out", help="output folder (default: the sweep folder)")
    ap.add_argument("--no-plot", action="store_true")
    a = ap.parse_args(argv)
    out = a.out or a.sweep
    os.makedirs(out, exist_ok=True)
    df = load_runs(a.sweep)
    reach = reach_table(df)
    reach.to_csv(os.path.join(out, "reach_10tbps.csv"), index=False)
    if not a.no_plot:
        plot(df, os.path.join(out, "capacity_vs_length.png"))
    with pd.option_context("display.width", 160, "display.max_rows", 500):
        print(reach.to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
