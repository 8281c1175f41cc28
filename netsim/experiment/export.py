"""Export a simulated link's or path's state over time for a testbed emulator.

Two formats:

- **Mahimahi link trace** (``mm-link``; Netravali et al., USENIX ATC 2015, and the
  ``mm-link(1)`` manual page): one line per delivery opportunity of one 1500-byte packet,
  holding the opportunity's time in integer milliseconds from the start; several lines may
  share a millisecond; ``mm-link`` repeats the file when it reaches its end. A link of rate
  ``r(t)`` (0 while down) offers its ``k``-th opportunity when the delivered bits
  ``integral_0^t r`` first reach ``k * 12000``; the line is that instant rounded up to the
  millisecond. A constant 12 Mb/s link therefore gives ``1, 2, 3, ...`` (one per ms).
- **tc netem script** (``tc-netem(8)``, Linux iproute2): a POSIX shell script that sets
  ``delay``, ``jitter``, ``loss`` and ``rate`` on an interface's root qdisc and changes them
  at the simulated instants (``tc qdisc replace`` once, then ``sleep`` and ``tc qdisc
  change``). A link that is down is ``loss 100%``.

State comes from a run's ``link_state.csv`` (rate, delay, loss and up of every directed
link at each change, written by :func:`netsim.experiment.run.run_scenario`). A path (a
flow's route from ``flows.csv``) combines its links: rate = the smallest rate (0 if any
link is down), delay = the sum of delays, loss = ``1 - prod(1 - p)``. For a flow, netem's
jitter is the standard deviation of the flow's measured one-way latency in each interval
(queueing variation; from ``latency.csv``), its delay the path's propagation delay.
"""

from __future__ import annotations

import json
import math
import os

import numpy as np
import pandas as pd

from netsim.errors import ParameterError

__all__ = ["MTU_BYTES", "link_schedule", "path_schedule", "mahimahi_trace", "netem_script",
           "export"]

MTU_BYTES = 1500
"""Bytes per Mahimahi delivery opportunity (mm-link(1))."""

_COLS = ["time_s", "rate_bps", "delay_s", "loss_prob", "up"]


def link_schedule(link_state: pd.DataFrame, link: str) -> pd.DataFrame:
    """State of directed link ``link`` (``"A->B"``) at each change (``time_s``, ...)."""
    d = link_state[link_state["link"] == link]
    if not len(d):
        raise ParameterError("--link", link, f"one of {sorted(set(link_state['link']))}")
    d = d.sort_values("time_s", kind="stable").drop_duplicates("time_s", keep="last")
    return d[_COLS].reset_index(drop=True)


def path_schedule(link_state: pd.DataFrame, links: list[str]) -> pd.DataFrame:
    """Combined state of a path of directed links (min rate, summed delay, combined loss)."""
    scheds = [link_schedule(link_state, k) for k in links]
    times = np.unique(np.concatenate([s["time_s"].to_numpy() for s in scheds]))
    rows = []
    for t in times:
        rate, delay, keep, up = math.inf, 0.0, 1.0, True
        for s in scheds:
            i = np.searchsorted(s["time_s"].to_numpy(), t, side="right") - 1
            if i < 0:  # link not yet present: the path does not exist yet
                up = False
                continue
            r = s.iloc[i]
            rate = min(rate, float(r["rate_bps"]))
            delay += float(r["delay_s"])
            keep *= 1.0 - float(r["loss_prob"])
            up = up and bool(r["up"])
        rows.append((float(t), rate if math.isfinite(rate) else 0.0, delay, 1.0 - keep, up))
    return pd.DataFrame(rows, columns=_COLS)


def mahimahi_trace(schedule: pd.DataFrame, duration_s: float,
                   mtu_bytes: float = MTU_BYTES) -> np.ndarray:
    """Delivery-opportunity times (integer ms) of a link following ``schedule``.

    Parameters
    ----------
    schedule : pandas.DataFrame
        ``time_s``, ``rate_bps``, ``up`` at each change (state holds until the next row).
    duration_s : float
        Length of the trace (s).

    Returns
    -------
    numpy.ndarray of int64, shape (n,)
        Non-decreasing millisecond timestamps, one per ``mtu_bytes`` opportunity.
    """
    if not duration_s > 0:
        raise ParameterError("duration_s", duration_s, "> 0")
    bits_per_op = 8.0 * mtu_bytes
    t = schedule["time_s"].to_numpy(dtype=float)
    rate = np.where(schedule["up"].to_numpy(dtype=bool),
                    schedule["rate_bps"].to_numpy(dtype=float), 0.0)
    ends = np.append(t[1:], duration_s)
    out = []
    done_bits = 0.0  # bits deliverable before the current segment
    for t0, t1, r in zip(t, ends, rate):
        t1 = min(t1, duration_s)
        if t1 <= t0 or r <= 0:
            continue
        seg_bits = r * (t1 - t0)
        # opportunities k with done_bits < k*b <= done_bits + seg_bits (1e-9 relative slack
        # so an exact multiple at a segment end is not lost to rounding)
        k_lo = math.floor(done_bits / bits_per_op + 1e-9) + 1
        k_hi = math.floor((done_bits + seg_bits) / bits_per_op + 1e-9)
        if k_hi >= k_lo:
            k = np.arange(k_lo, k_hi + 1, dtype=float)
            times_ms = (t0 + (k * bits_per_op - done_bits) / r) * 1e3
            out.append(np.ceil(times_ms - 1e-6).astype(np.int64))
        done_bits += seg_bits
    if not out:
        raise ParameterError("trace", "no delivery opportunity",
                             "a link that is up with a rate > 0 during the trace")
    return np.concatenate(out)


def _fmt_rate(rate_bps: float) -> str:
    return f"{max(rate_bps, 1.0):.0f}bit"


def netem_script(schedule: pd.DataFrame, duration_s: float, device: str = "eth0",
                 jitter_s: np.ndarray | None = None, title: str = "") -> str:
    """A shell script replaying ``schedule`` with ``tc qdisc ... netem``.

    ``jitter_s`` (same length as ``schedule``) adds a jitter to each step's delay.
    """
    lines = ["#!/bin/sh", f"# netsim export: {title}".rstrip(),
             "# Replays delay, jitter, loss and rate with Linux tc-netem(8); run as root.",
             "# Usage: sh THIS_SCRIPT [DEVICE]; the schedule times are simulated seconds.",
             "set -e", f'DEV="${{1:-{device}}}"']
    t = schedule["time_s"].to_numpy(dtype=float)
    prev = 0.0
    for i, r in enumerate(schedule.itertuples(index=False)):
        if r.time_s >= duration_s:
            break
        if i > 0 and r.time_s > prev:
            lines.append(f"sleep {r.time_s - prev:.6f}")
        prev = r.time_s
        delay_ms = 1e3 * float(r.delay_s)
        parts = [f"delay {delay_ms:.6f}ms"]
        if jitter_s is not None and np.isfinite(jitter_s[i]) and jitter_s[i] > 0:
            parts.append(f"{1e3 * float(jitter_s[i]):.6f}ms")
        loss = 100.0 if not r.up else 100.0 * float(r.loss_prob)
        parts.append(f"loss {loss:.6g}%")
        if r.up and r.rate_bps > 0:
            parts.append(f"rate {_fmt_rate(float(r.rate_bps))}")
        verb = "replace" if i == 0 else "change"
        lines.append(f'tc qdisc {verb} dev "$DEV" root netem ' + " ".join(parts))
    if len(t) and duration_s > prev:
        lines.append(f"sleep {duration_s - prev:.6f}")
    lines.append('tc qdisc del dev "$DEV" root')
    return "\n".join(lines) + "\n"


def _resample(schedule: pd.DataFrame, interval_s: float, duration_s: float) -> pd.DataFrame:
    grid = np.arange(0.0, duration_s, interval_s)
    idx = np.searchsorted(schedule["time_s"].to_numpy(), grid, side="right") - 1
    idx = np.clip(idx, 0, None)
    out = schedule.iloc[idx].reset_index(drop=True).copy()
    out["time_s"] = grid
    return out


def export(results_dir: str, link: str | None = None, flow: str | None = None,
           fmt: str = "mahimahi", out: str | None = None, interval_s: float | None = None,
           device: str = "eth0", duration_s: float | None = None) -> list[str]:
    """Write a Mahimahi trace or a netem script for a link or a flow of a run folder."""
    if (link is None) == (flow is None):
        raise ParameterError("--link/--flow", (link, flow), "exactly one of them")
    if fmt not in ("mahimahi", "netem"):
        raise ParameterError("--format", fmt, "mahimahi or netem")
    ls_path = os.path.join(results_dir, "link_state.csv")
    if not os.path.isfile(ls_path):
        raise ParameterError("RESULTS_DIR", results_dir, "a run folder with link_state.csv "
                             "(written by netsim run)")
    ls = pd.read_csv(ls_path)
    if duration_s is None:
        with open(os.path.join(results_dir, "manifest.json"), encoding="utf-8") as fh:
            duration_s = float(json.load(fh)["simulated_s"])
    jitter = None
    if link is not None:
        sched = link_schedule(ls, link)
        label = f"link {link}"
    else:
        flows = pd.read_csv(os.path.join(results_dir, "flows.csv"), keep_default_na=False)
        row = flows[flows["flow"].astype(str) == flow]
        if not len(row) or not row.iloc[0]["path"]:
            raise ParameterError("--flow", flow, f"one of {sorted(flows['flow'].astype(str))} "
                                 "with a route")
        nodes = str(row.iloc[0]["path"]).split("-")
        links = [f"{a}->{b}" for a, b in zip(nodes[:-1], nodes[1:])]
        sched = path_schedule(ls, links)
        label = f"flow {flow} over {'-'.join(nodes)}"
        lat_path = os.path.join(results_dir, "latency.csv")
        if fmt == "netem" and os.path.isfile(lat_path):
            if interval_s is None:
                tp = os.path.join(results_dir, "throughput.csv")
                tdf = pd.read_csv(tp) if os.path.isfile(tp) else None
                steps = np.diff(np.unique(tdf["time_s"])) if tdf is not None else []
                interval_s = float(steps[0]) if len(steps) else duration_s / 100.0
            lat = pd.read_csv(lat_path)
            lat = lat[lat["flow"].astype(str) == flow]
            sched = _resample(sched, interval_s, duration_s)
            b = np.floor(lat["time_s"].to_numpy() / interval_s).astype(int)
            std = pd.Series(lat["latency_s"].to_numpy()).groupby(b).std(ddof=0)
            jitter = np.array([std.get(i, np.nan) for i in range(len(sched))])
    if fmt == "netem" and interval_s is not None and jitter is None:
        sched = _resample(sched, interval_s, duration_s)
    safe = "".join(c if c.isalnum() or c in "_-" else "_" for c in (link or flow))
    if out is None:
        os.makedirs(os.path.join(results_dir, "export"), exist_ok=True)
        out = os.path.join(results_dir, "export",
                           f"{safe}.{'mahimahi' if fmt == 'mahimahi' else 'netem.sh'}")
    tmp = out + ".part"
    if fmt == "mahimahi":
        ms = mahimahi_trace(sched, duration_s)
        with open(tmp, "w", encoding="ascii") as fh:
            fh.write("\n".join(map(str, ms.tolist())) + "\n")
    else:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(netem_script(sched, duration_s, device, jitter, title=label))
    os.replace(tmp, out)
    return [out]
