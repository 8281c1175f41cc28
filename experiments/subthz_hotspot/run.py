"""Scenario 5 (issue 8): user-rate CDF and KPI table of the sub-THz hotspot sweep.

The study itself is ``scenario.yaml`` (the ``hotspot:`` section,
``netsim.radio.hotspot_drop``); this script only reads a finished ``netsim sweep`` folder
and writes

* ``user_rate_cdf.png``: CDF of the user rates of every drop, per band and water-vapour
  density, with the IMT-2030 user-experienced-rate range (M.2160-0 5.2: 300-500 Mbit/s);
* ``kpi_table.csv``: per grid point and KPI, mean and 95 % half width (from the sweep's
  ``summary.csv``), in the units of the README (Gb/s, Mb/s, Mb/s/m^2, dB).

Usage::

    netsim sweep experiments/subthz_hotspot/scenario.yaml --out SWEEP --jobs 1
    python experiments/subthz_hotspot/run.py SWEEP --out experiments/subthz_hotspot/results_full
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import sys

import numpy as np
import pandas as pd

_P = "hotspot."
KPIS = {  # kpi -> (label, scale)
    "peak_rate_bps": ("peak rate (Gb/s)", 1e-9),
    "user_experienced_rate_bps": ("user-experienced (5 %) rate (Mb/s)", 1e-6),
    "hotspot_mean_user_rate_bps": ("mean user rate (Gb/s)", 1e-9),
    "area_traffic_capacity_bps_per_m2": ("area traffic capacity (Mb/s/m^2)", 1e-6),
    "hotspot_sinr_mean_db": ("mean SINR (dB)", 1.0),
    "hotspot_sinr_p5_db": ("5 % SINR (dB)", 1.0),
    "hotspot_los_fraction": ("LOS share of serving links", 1.0),
}


def kpi_table(sweep_dir: str) -> pd.DataFrame:
    """Mean and 95 % half width per point and KPI, scaled to the README's units."""
    s = pd.read_csv(os.path.join(sweep_dir, "summary.csv"))
    s = s[s["kpi"].isin(KPIS)].copy()
    s["label"] = s["kpi"].map(lambda k: KPIS[k][0])
    scale = s["kpi"].map(lambda k: KPIS[k][1])
    s["mean"] = s["mean"] * scale
    s["half_width"] = s["half_width"] * scale
    s = s.rename(columns={c: c[len(_P):] for c in s.columns if c.startswith(_P)})
    return s[["band", "water_vapour_g_m3", "label", "n", "mean", "half_width"]]


def user_rates(sweep_dir: str) -> dict[tuple, np.ndarray]:
    """User rates (b/s) of every run's ``hotspot_users.csv``, per (band, water vapour)."""
    out: dict[tuple, list] = {}
    for d in sorted(glob.glob(os.path.join(sweep_dir, "runs", "*"))):
        with open(os.path.join(d, "manifest.json"), encoding="utf-8") as fh:
            p = json.load(fh)["parameters"]
        key = (p[_P + "band"], float(p[_P + "water_vapour_g_m3"]))
        out.setdefault(key, []).append(
            pd.read_csv(os.path.join(d, "hotspot_users.csv"))["user_rate_bps"].to_numpy())
    return {k: np.concatenate(v) for k, v in out.items()}


def plot(samples: dict, path: str) -> None:
    """CDF of user rates per band and humidity, with the IMT-2030 range shaded."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from netsim.experiment.plots import STYLE, finish_figure

    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(7, 4.5))
        for (b, h), rates in sorted(samples.items()):
            x = np.sort(rates) / 1e9
            ax.plot(x, np.arange(1, x.size + 1) / x.size, label=f"{b}, {h:g} g/m^3")
        ax.axvspan(0.3, 0.5, color="0.85", label="IMT-2030 user-exp. rate 0.3-0.5 Gb/s")
        ax.axhline(0.05, color="k", ls=":", lw=1)
        ax.set_xscale("log")
        finish_figure(fig, ax, path, xlabel="user rate (Gb/s)", ylabel="CDF",
                      title="Sub-THz InH hotspot, full buffer, round robin")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sweep", help="a finished `netsim sweep` folder of scenario.yaml")
    ap.add_argument("--out", help="output folder (default: the sweep folder)")
    ap.add_argument("--no-plot", action="store_true")
    a = ap.parse_args(argv)
    out = a.out or a.sweep
    os.makedirs(out, exist_ok=True)
    table = kpi_table(a.sweep)
    table.to_csv(os.path.join(out, "kpi_table.csv"), index=False)
    if not a.no_plot:
        plot(user_rates(a.sweep), os.path.join(out, "user_rate_cdf.png"))
    with pd.option_context("display.width", 160, "display.max_rows", 200):
        print(table.round(3).to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
