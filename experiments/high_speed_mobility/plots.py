"""Figures and tables of the high-speed-mobility study from its run and sweep folders.

Usage (after ``netsim run`` and ``netsim sweep`` of README.md)::

    python experiments/high_speed_mobility/plots.py results/hsm_run results/hsm_sweep \
        --out experiments/high_speed_mobility/figures

Writes ``latency_over_time.png`` (one-way latency of every control command and status
report of the run, handovers marked), ``tail_vs_speed.png`` (control p99.999 latency and
32-byte reliability within 5 ms per speed and interruption time, 95% intervals over
replications) and ``summary.md`` (the tables quoted in README.md), including the
user-plane gap measured at each handover: the longest time between two deliveries of the
1 kHz control flow around it, minus the 1 ms period.
"""

from __future__ import annotations

import argparse
import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

SPEED = "radio.mobility.speed_kmh"
INTR = "radio.handover.interruption_s"
PERIOD_S = 1e-3


def handover_gaps(run: str) -> pd.DataFrame:
    """Per handover of a run: the longest gap between control deliveries within 0.2 s."""
    lat = pd.read_csv(os.path.join(run, "latency.csv"))
    ho = pd.read_csv(os.path.join(run, "radio_handovers.csv"))
    c = lat[lat["flow"] == "control_dl"]
    t_rx = np.sort(c["time_s"].to_numpy() + c["latency_s"].to_numpy())
    rows = []
    for t in ho["time_s"]:
        w = t_rx[(t_rx > t - 0.2) & (t_rx < t + 0.2)]
        gap = float(np.diff(w).max()) if w.size > 1 else np.nan
        rows.append({"time_s": t, "max_gap_ms": gap * 1e3,
                     "interruption_ms": (gap - PERIOD_S) * 1e3})
    return pd.DataFrame(rows)


def markdown(df: pd.DataFrame, index: bool = True) -> str:
    """A DataFrame as a Markdown table (no optional dependency)."""
    d = df.reset_index() if index else df
    head = "| " + " | ".join(str(c) for c in d.columns) + " |"
    sep = "|" + "---|" * d.shape[1]
    rows = ["| " + " | ".join(f"{v:.3f}" if isinstance(v, float) else str(v) for v in r)
            + " |" for r in d.itertuples(index=False)]
    return "\n".join([head, sep, *rows]) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("run")
    ap.add_argument("sweep")
    ap.add_argument("--out", default="figures")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)

    lat = pd.read_csv(os.path.join(a.run, "latency.csv"))
    ho = pd.read_csv(os.path.join(a.run, "radio_handovers.csv"))
    fig, ax = plt.subplots(figsize=(9, 3.4), dpi=100)
    for flow in ("control_dl", "status_ul"):
        g = lat[lat["flow"] == flow]
        ax.plot(g["time_s"], g["latency_s"] * 1e3, ".", ms=1.5, label=flow)
    for t in ho["time_s"]:
        ax.axvline(t, color="grey", lw=0.8, ls=":")
    ax.axhline(5.0, color="k", ls="--", lw=1, label="5 ms (TS 22.186 remote driving)")
    ax.set_yscale("log")
    ax.set_xlabel("time (s); dotted: handovers")
    ax.set_ylabel("one-way latency (ms)")
    ax.set_title("500 km/h, 30 ms handover interruption")
    ax.legend(fontsize=8, markerscale=6)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(os.path.join(a.out, "latency_over_time.png"))

    s = pd.read_csv(os.path.join(a.sweep, "summary.csv"))
    fig, axs = plt.subplots(1, 2, figsize=(9, 3.4), dpi=100)
    for (intr, g), m in zip(s.groupby(INTR), ("o", "s")):
        for ax, kpi, scale in ((axs[0], "latency_p99_999_s@control_dl", 1e3),
                               (axs[1], "reliability_32B_5ms@control_dl", 1.0)):
            k = g[g["kpi"] == kpi].sort_values(SPEED)
            ax.errorbar(k[SPEED], k["mean"] * scale, yerr=k["half_width"] * scale,
                        fmt=m + "-", capsize=3, label=f"interruption {intr * 1e3:g} ms")
    axs[0].axhline(5.0, color="k", ls="--", lw=1)
    axs[0].set_ylabel("control p99.999 latency (ms)")
    axs[0].set_yscale("log")
    axs[1].axhline(1 - 1e-5, color="k", ls="--", lw=1)
    axs[1].set_ylabel("P(32 B within 5 ms)")
    for ax in axs:
        ax.set_xlabel("speed (km/h)")
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(os.path.join(a.out, "tail_vs_speed.png"))

    kpis = ["radio_handovers", "latency_p99_s@control_dl", "latency_p99_999_s@control_dl",
            "reliability_32B_5ms@control_dl", "latency_p99_999_s@status_ul",
            "packet_loss_ratio", "mobility_interruption_time_s"]
    s = s[s["kpi"].isin(kpis)].copy()
    s["cell"] = s.apply(lambda r: f"{r['mean']:.6g} ± {r['half_width']:.2g}", axis=1)
    tab = s.pivot_table(index=[SPEED, INTR], columns="kpi", values="cell", aggfunc="first")
    n = int(s["n"].iloc[0])
    gaps = handover_gaps(a.run)
    with open(os.path.join(a.out, "summary.md"), "w") as fh:
        fh.write(f"Sweep (mean ± 95% half width over n = {n} replications):\n\n")
        fh.write(markdown(tab[[k for k in kpis if k in tab]]) + "\n")
        fh.write("Run: user-plane gap of the control flow at each handover:\n\n")
        fh.write(markdown(gaps, index=False))
    print(f"wrote {a.out}/latency_over_time.png, tail_vs_speed.png, summary.md")


if __name__ == "__main__":
    main()
