"""Plot a day of LEO passes with a rain event from a ``netsim run`` of ``day.yaml``.

Reads the run folder's ``space_backhaul.csv`` (per epoch: the least-delay
gs_rural -> gs_gateway path's one-way delay and bottleneck rate, and the rain level the
scenario's ``space.rain_events`` put in force) and draws ``day.png``: the delay, and the
rate with the rain event shaded.

Run::

    netsim run experiments/rural_leo_backhaul/day.yaml --out results/day
    python experiments/rural_leo_backhaul/plot_day.py results/day   # -> results/day/day.png
"""

from __future__ import annotations

import argparse
import os

import pandas as pd


def plot(df: pd.DataFrame, path: str) -> None:
    """Delay (top) and bottleneck rate with the rain steps shaded (bottom) to ``path``."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (a1, a2) = plt.subplots(2, 1, figsize=(9, 5), sharex=True)
    h = df["t_s"] / 3600.0
    a1.plot(h, 1e3 * df["delay_s"], lw=0.8)
    a1.set_ylabel(f"one-way delay,\n{df['src'].iloc[0]}-{df['dst'].iloc[0]} (ms)")
    a2.plot(h, df["rate_bps"] / 1e9, lw=0.8, label="path bottleneck rate")
    rainy = df["rain_exceedance_percent"].notna()
    if rainy.any():
        lv = df.loc[rainy, "rain_exceedance_percent"]
        a2.fill_between(h, 0, df["rate_bps"].max() / 1e9, where=rainy, color="0.85",
                        label=f"rain event (P.618, {lv.max():g} % -> {lv.min():g} %)")
    a2.set_ylabel("rate (Gb/s)")
    a2.set_xlabel("time (h)")
    a2.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("run", help="output folder of `netsim run day.yaml`")
    ap.add_argument("--out", default=None, help="figure path (default: RUN/day.png)")
    ap.add_argument("--pair", default=None, help="SRC,DST (default: the first reported pair)")
    a = ap.parse_args()
    df = pd.read_csv(os.path.join(a.run, "space_backhaul.csv"))
    if a.pair:
        src, dst = a.pair.split(",")
    else:
        src, dst = df["src"].iloc[0], df["dst"].iloc[0]
    df = df[(df["src"] == src) & (df["dst"] == dst)].reset_index(drop=True)
    out = a.out or os.path.join(a.run, "day.png")
    plot(df, out)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
