"""Standard plots of runs and sweeps (matplotlib, Agg backend), one shared style.

Latency CCDF, throughput CDF and throughput over time of a run; KPI versus a swept
parameter with 95% confidence-interval error bars for a sweep. Each function writes the
figure in every format asked for (PNG for screens and the HTML report, PDF for papers) and
returns the files written.
"""

from __future__ import annotations

import os

import numpy as np

__all__ = ["latency_cdf", "throughput_over_time", "throughput_cdf", "kpi_vs_param",
           "finish_figure", "STYLE"]

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
        return _finish(fig, ax, plt, path, formats, "one-way latency (ms)",
                       "P(latency > x)", "Latency CCDF per flow")


def throughput_over_time(tp_df, path: str, formats=("png",)) -> list[str]:
    """Delivered throughput per flow over time (``flow``, ``time_s``, ``throughput_bps``)."""
    plt = _plt()
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots()
        for flow, g in tp_df.groupby("flow", sort=False):
            ax.plot(g["time_s"], g["throughput_bps"] / 1e6, label=str(flow))
        return _finish(fig, ax, plt, path, formats, "time (s)", "throughput (Mb/s)",
                       "Delivered throughput per flow")


def throughput_cdf(tp_df, path: str, formats=("png",)) -> list[str]:
    """Empirical CDF of the binned per-flow throughput (``flow``, ``throughput_bps``)."""
    plt = _plt()
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots()
        for flow, g in tp_df.groupby("flow", sort=False):
            x = np.sort(g["throughput_bps"].to_numpy(dtype=float)) / 1e6
            if x.size == 0:
                continue
            ax.step(x, np.arange(1, x.size + 1) / x.size, where="post", label=str(flow))
        return _finish(fig, ax, plt, path, formats, "throughput per bin (Mb/s)",
                       "P(throughput <= x)", "Throughput CDF per flow")


def kpi_vs_param(summary_df, kpi: str, param: str, path: str, group: list[str] | None = None,
                 limit: float | None = None, formats=("png",)) -> list[str]:
    """Mean of ``kpi`` versus swept ``param`` with 95% CI error bars.

    ``summary_df`` is a sweep's ``summary.csv`` (``kpi``, ``mean``, ``half_width`` and one
    column per parameter); one line per combination of the ``group`` parameters; ``limit``
    draws a target's limit as a dashed line.
    """
    plt = _plt()
    d = summary_df[summary_df["kpi"] == kpi]
    group = [g for g in (group or []) if g != param]
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots()
        groups = d.groupby(group, sort=True) if group else [((), d)]
        for key, g in groups:
            g = g.sort_values(param)
            key = key if isinstance(key, tuple) else (key,)
            label = ", ".join(f"{k}={v:g}" if isinstance(v, float) else f"{k}={v}"
                              for k, v in zip(group, key)) or kpi
            yerr = g["half_width"].to_numpy(dtype=float)
            ax.errorbar(g[param].to_numpy(), g["mean"].to_numpy(dtype=float),
                        yerr=np.where(np.isfinite(yerr), yerr, 0.0), marker="o", capsize=3,
                        label=label)
        if limit is not None:
            ax.axhline(limit, ls="--", color="0.3", lw=1, label=f"target {limit:g}")
        ax.set_xlabel(param)
        ax.set_ylabel(kpi)
        ax.set_title(f"{kpi} (mean, 95% CI)")
        ax.legend(fontsize=8)
        return _save(fig, plt, path, formats)


def finish_figure(fig, ax, path: str, *, xlabel: str, ylabel: str, title: str,
                  formats=("png",)) -> list[str]:
    """Label the axes, add a legend (up to 12 lines), lay out, save and close a figure.

    For experiment scripts that draw under :data:`STYLE`; returns the files written
    (``path`` with each extension of ``formats``).
    """
    return _finish(fig, ax, _plt(), path, formats, xlabel, ylabel, title)


def _finish(fig, ax, plt, path, formats, xlabel, ylabel, title) -> list[str]:
    """Label the axes, add a legend when there are few enough lines, and save."""
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    if 0 < len(ax.lines) <= 12:
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
