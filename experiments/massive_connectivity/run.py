"""Figure and tables of the connection-density study from its sweep folder.

The study itself runs through the experiment layer (``scenario.yaml``, section
``connection_density:``)::

    netsim sweep experiments/massive_connectivity/scenario.yaml --out results/mmtc-sweep
    python experiments/massive_connectivity/run.py results/mmtc-sweep \
        --out experiments/massive_connectivity/figures

Writes ``delivered_vs_density.png`` (delivered fraction within 10 s against density, mean
and 95 % interval over the replications' drops, per ISD and carrier count; RACH attempt
success and data-channel load beside it) and ``study.md`` (the supported density and the
binding limit per configuration, the table quoted in README.md).
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import sys

import pandas as pd

ISD = "connection_density.isd_m"
CARRIERS = "connection_density.n_carriers"


def load(folder: str) -> pd.DataFrame:
    """Every run's ``connection_density.csv`` with its replication number."""
    frames = []
    for run in sorted(glob.glob(os.path.join(folder, "runs", "*"))):
        path = os.path.join(run, "connection_density.csv")
        if not os.path.exists(path):
            continue
        with open(os.path.join(run, "manifest.json"), encoding="utf-8") as fh:
            man = json.load(fh)
        if man.get("status") != "complete":
            continue
        df = pd.read_csv(path)
        df["replication"] = man["replication"]
        frames.append(df)
    if not frames:
        raise SystemExit(f"no complete connection_density runs under {folder}/runs")
    return pd.concat(frames, ignore_index=True)


def summary(df: pd.DataFrame) -> pd.DataFrame:
    """Mean over replications per (ISD, carriers, density)."""
    g = df[df["on_grid"]].groupby(["isd_m", "n_carriers", "density_per_km2"])
    out = g.agg(delivered=("delivered_mean", "mean"), delivered_min=("delivered_mean", "min"),
                attempt_success=("attempt_success", "mean"), data_load=("data_load", "mean"),
                devices_per_trxp=("devices_per_trxp", "first"), n=("replication", "nunique"))
    return out.reset_index()


def study_table(s: pd.DataFrame, target: float = 0.99) -> str:
    """Markdown: supported density and what limits the next grid point."""
    lines = ["| ISD (m) | carriers | supported density (/km²) | devices per TRxP | "
             "next point: attempt success / data load / delivered |", "|---|---|---|---|---|"]
    for (isd, nc), g in s.groupby(["isd_m", "n_carriers"]):
        g = g.sort_values("density_per_km2").reset_index(drop=True)
        ok = (g["delivered"] >= target).to_numpy()
        i = len(ok) if ok.all() else int(ok.argmin())
        sup = g["density_per_km2"].iloc[i - 1] if i > 0 else 0.0
        dev = g["devices_per_trxp"].iloc[i - 1] if i > 0 else 0.0
        nxt = ("top of grid" if i == len(g) else
               f"{g['attempt_success'].iloc[i]:.3g} / {g['data_load'].iloc[i]:.3g} / "
               f"{g['delivered'].iloc[i]:.3g}")
        top = ">= " if i == len(g) else ""
        lines.append(f"| {isd:g} | {nc:d} | {top}{sup:.4g} | {dev:.3g} | {nxt} |")
    return "\n".join(lines)


def plot(df: pd.DataFrame, s: pd.DataFrame, path: str) -> None:
    """Delivered fraction, attempt success and data load against density."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from netsim.experiment.plots import STYLE

    with plt.rc_context(STYLE):
        fig, (ax, ax2) = plt.subplots(1, 2, figsize=(11, 4.5))
        for (isd, nc), g in s.groupby(["isd_m", "n_carriers"]):
            g = g.sort_values("density_per_km2")
            ls = "-" if isd < 1000 else "--"
            line, = ax.plot(g["density_per_km2"], g["delivered"], marker="o", ls=ls,
                            label=f"ISD {isd:g} m, {nc} x 180 kHz")
            ax2.plot(g["density_per_km2"], g["attempt_success"], ls=ls, marker=".",
                     color=line.get_color())
            ax2.plot(g["density_per_km2"], g["data_load"], ls=":", color=line.get_color())
        ax.axhline(0.99, color="k", ls="--", lw=1, label="99 % within 10 s")
        for a_ in (ax, ax2):
            for x in (1e6, 1e7, 1e8):
                a_.axvline(x, color="0.6", ls=":", lw=1)
            a_.set_xscale("log")
            a_.set_xlabel("connection density (devices/km$^2$)")
        ax.set_ylim(0, 1.02)
        ax2.set_ylim(0, 1.5)
        ax.set_ylabel("packets delivered within 10 s")
        ax2.set_ylabel("RACH attempt success (marked) / data load (dotted)")
        ax.set_title("delivered within 10 s (dotted: 1e6, 1e7, 1e8)")
        ax.legend(fontsize=7)
        fig.suptitle(f"M.2412 Urban Macro-mMTC, 700 MHz, analytical access model "
                     f"({int(s['n'].max())} replications)")
        fig.tight_layout()
        fig.savefig(path, dpi=120)
        plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sweep", help="output folder of `netsim sweep scenario.yaml`")
    ap.add_argument("--out", default=None, help="figure folder (default: SWEEP/figures)")
    a = ap.parse_args(argv)
    out = a.out or os.path.join(a.sweep, "figures")
    os.makedirs(out, exist_ok=True)
    df = load(a.sweep)
    s = summary(df)
    plot(df, s, os.path.join(out, "delivered_vs_density.png"))
    table = study_table(s)
    with open(os.path.join(out, "study.md"), "w", encoding="utf-8") as fh:
        fh.write(table + "\n")
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
