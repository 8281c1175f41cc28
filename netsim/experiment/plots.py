"""Standard plots of a run (matplotlib, Agg backend): latency CDF and throughput."""

from __future__ import annotations

import os

import numpy as np

__all__ = ["latency_cdf", "throughput_over_time", "STYLE"]

STYLE = {
    "figure.figsize": (6.4, 4.0), "figure.dpi": 120, "axes.grid": True, "grid.alpha": 0.3,
    "axes.spines.top": False, "axes.spines.right": False, "legend.frameon": False,
    "font.size": 10,
}
"""Shared rcParams of netsim figures."""


def _plt():
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    return plt


def latency_cdf(latency_df, path: str, formats=("png",)) -> list[str]:
    """Empirical CCDF of one-way latency per flow (log axes show the tail to p99.999).

    ``latency_df`` has columns ``flow`` and ``latency_s``. Returns the files written.
    """
    plt = _plt()
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots()
        for flow, g in latency_df.groupby("flow", sort=False):
            x = np.sort(g["latency_s"].to_numpy()) * 1e3
            if x.size == 0:
                continue
            ccdf = 1.0 - np.arange(x.size) / x.size
            ax.step(x, ccdf, where="post", label=str(flow))
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("one-way latency (ms)")
        ax.set_ylabel("P(latency > x)")
        ax.set_title("Latency CCDF per flow")
        if len(ax.lines) <= 12 and ax.lines:
            ax.legend(fontsize=8)
        return _save(fig, plt, path, formats)


def throughput_over_time(tp_df, path: str, formats=("png",)) -> list[str]:
    """Delivered throughput per flow over time (``flow``, ``time_s``, ``throughput_bps``)."""
    plt = _plt()
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots()
        for flow, g in tp_df.groupby("flow", sort=False):
            ax.plot(g["time_s"], g["throughput_bps"] / 1e6, label=str(flow))
        ax.set_xlabel("time (s)")
        ax.set_ylabel("throughput (Mb/s)")
        ax.set_title("Delivered throughput per flow")
        if len(ax.lines) <= 12 and ax.lines:
            ax.legend(fontsize=8)
        return _save(fig, plt, path, formats)


def _save(fig, plt, path, formats) -> list[str]:
    fig.tight_layout()
    out = []
    for fmt in formats:
        f = f"{os.path.splitext(path)[0]}.{fmt}"
        fig.savefig(f)
        out.append(f)
    plt.close(fig)
    return out
