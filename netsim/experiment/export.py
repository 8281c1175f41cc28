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
link at each change, written by :func:`netsim.experiment.run.run_scenario`). A path
combines its links: rate = the smallest rate (0 if any link is down), delay = the sum of
delays, loss = ``1 - prod(1 - p)``.

A flow's path follows its **route history** (``routes.csv``: the route at each change,
recorded by :class:`netsim.experiment.run.RouteRecorder`): the flow's schedule is the
concatenation over time of the schedules of the route in force (the first route is taken
back to t = 0; a run folder without ``routes.csv`` falls back to the final route of
``flows.csv``). Per netem step, with ``lo``/``hi`` the :data:`BASE_QUANTILE` /
:data:`SPREAD_QUANTILE` quantiles of the flow's one-way latency of the packets *sent* in
the step (``latency.csv``):

- ``jitter J = (hi - lo) / 2`` and ``delay D = base + J``, so that netem's jitter
  without a distribution table (uniform in ``D +- J``: ``tabledist()`` in the Linux
  kernel's ``net/sched/sch_netem.c``) spans ``[base, base + hi - lo]`` and never
  undercuts the base;
- ``base`` is the route's summed link delay (``delay="links"``) or the measured ``lo``
  (``delay="measured"``: the minimum one-way latency, for a MAC-driven link whose
  ``delay_s`` is only nominal). ``delay="auto"`` (default) measures where the route holds
  a link flagged ``mac`` in ``link_state.csv`` (a :class:`~netsim.core.link.Link`
  subclass overriding ``send``, e.g. the radio ``AirLink``) and sums link delays elsewhere.
  A step without samples takes the nearest earlier step's measurement (else the next's).
"""

from __future__ import annotations

import json
import math
import os
import warnings

import numpy as np
import pandas as pd

from netsim.errors import ParameterError

__all__ = ["MTU_BYTES", "BASE_QUANTILE", "SPREAD_QUANTILE", "DELAY_MODES", "link_schedule",
           "path_schedule", "route_history", "flow_schedule", "measured_delay",
           "mahimahi_trace", "netem_script", "export"]

MTU_BYTES = 1500
"""Bytes per Mahimahi delivery opportunity (mm-link(1))."""

BASE_QUANTILE = 0.0
"""Quantile of a step's measured one-way latency taken as its base delay (0: minimum)."""

SPREAD_QUANTILE = 0.99
"""Upper quantile of a step's measured latency: jitter = (this - base quantile) / 2."""

DELAY_MODES = ("auto", "measured", "links")
"""``--delay`` choices: measured on routes with a MAC link / always measured / link sums."""

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
        if jitter_s is not None and np.isfinite(jitter_s[i]) and round(1e3 * jitter_s[i], 6):
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


def route_history(results_dir: str, flow: str) -> pd.DataFrame:
    """Routes of ``flow`` over the run: ``time_s`` and ``links`` (list of directed links).

    From ``routes.csv`` (the route at each change; the first one is taken back to t = 0,
    an empty list is "no route"); a run folder without it (written before route tables
    existed) gives the final route of ``flows.csv`` from t = 0.
    """
    rpath = os.path.join(results_dir, "routes.csv")
    if os.path.isfile(rpath):
        r = pd.read_csv(rpath, keep_default_na=False)
        r = r[r["flow"].astype(str) == flow]
        if len(r):
            r = r.sort_values("time_s", kind="stable").drop_duplicates("time_s", keep="last")
            out = pd.DataFrame({"time_s": r["time_s"].astype(float).to_numpy(),
                                "links": [json.loads(x) for x in r["links"]]})
            out.loc[0, "time_s"] = 0.0
            return out
    flows = pd.read_csv(os.path.join(results_dir, "flows.csv"), keep_default_na=False)
    row = flows[flows["flow"].astype(str) == flow]
    if not len(row) or not row.iloc[0]["path"]:
        raise ParameterError("--flow", flow, f"one of {sorted(flows['flow'].astype(str))} "
                             "with a route")
    nodes = str(row.iloc[0]["path"]).split("-")
    return pd.DataFrame({"time_s": [0.0],
                         "links": [[f"{a}->{b}" for a, b in zip(nodes[:-1], nodes[1:])]]})


def flow_schedule(link_state: pd.DataFrame, routes: pd.DataFrame) -> pd.DataFrame:
    """Path state of a flow following its route history.

    Parameters
    ----------
    link_state : pandas.DataFrame
        ``link_state.csv``.
    routes : pandas.DataFrame
        :func:`route_history` (``time_s`` ascending, ``links``).

    Returns
    -------
    pandas.DataFrame
        ``time_s, rate_bps, delay_s, loss_prob, up`` as :func:`path_schedule`, the route's
        schedule within each route's interval, plus ``mac`` (the route holds a link flagged
        ``mac`` in ``link_state``) and ``route`` (index into ``routes``).
    """
    mac_links = (set(link_state.loc[link_state["mac"].astype(bool), "link"])
                 if "mac" in link_state else set())
    t_routes = routes["time_s"].to_numpy(dtype=float)
    ends = np.append(t_routes[1:], math.inf)
    pieces = []
    for i, (t0, t1, links) in enumerate(zip(t_routes, ends, routes["links"])):
        down = pd.DataFrame([(t0, 0.0, 0.0, 0.0, False)], columns=_COLS)
        if not links:  # no route: nothing gets through
            piece = down
        else:
            s = path_schedule(link_state, list(links))
            at = s[s["time_s"] <= t0].tail(1).assign(time_s=t0)
            inside = s[(s["time_s"] > t0) & (s["time_s"] < t1)]
            piece = pd.concat([at if len(at) else down, inside])
        pieces.append(piece.assign(mac=bool(mac_links.intersection(links or [])), route=i))
    out = pd.concat(pieces, ignore_index=True)
    return out.drop_duplicates("time_s", keep="last").reset_index(drop=True)


def measured_delay(latency: pd.DataFrame, times_s: np.ndarray,
                   q_lo: float = BASE_QUANTILE, q_hi: float = SPREAD_QUANTILE
                   ) -> tuple[np.ndarray, np.ndarray]:
    """Low and high quantiles of the one-way latency of the packets sent in each step.

    Parameters
    ----------
    latency : pandas.DataFrame
        One flow's rows of ``latency.csv`` (``time_s`` of delivery, ``latency_s``); a
        packet belongs to the step holding its send time ``time_s - latency_s``.
    times_s : numpy.ndarray, shape (n,)
        Ascending step starts (s); the last step runs to the end.

    Returns
    -------
    (lo_s, hi_s) : numpy.ndarray, shape (n,) each
        NaN for a step without samples.
    """
    for name, q in (("q_lo", q_lo), ("q_hi", q_hi)):
        if not 0.0 <= q <= 1.0:
            raise ParameterError(name, q, "a quantile in [0, 1]")
    if q_hi < q_lo:
        raise ParameterError("q_hi", q_hi, f">= q_lo ({q_lo})")
    lat = latency["latency_s"].to_numpy(dtype=float)
    sent = latency["time_s"].to_numpy(dtype=float) - lat
    step = np.searchsorted(np.asarray(times_s, dtype=float), sent + 1e-12, side="right") - 1
    g = pd.Series(lat).groupby(np.clip(step, 0, None))
    lo = g.quantile(q_lo)
    hi = g.quantile(q_hi)
    n = len(times_s)
    return (np.array([lo.get(i, np.nan) for i in range(n)]),
            np.array([hi.get(i, np.nan) for i in range(n)]))


def _fill(x: np.ndarray) -> np.ndarray:
    return pd.Series(x).ffill().bfill().to_numpy()


def _steps(schedule: pd.DataFrame, interval_s: float | None, duration_s: float) -> pd.DataFrame:
    """``schedule`` at its change instants and, if given, a fixed grid of ``interval_s``."""
    t = schedule["time_s"].to_numpy(dtype=float)
    grid = np.arange(0.0, duration_s, interval_s) if interval_s else np.empty(0)
    # instants closer than 1 ns (a grid point and a change at the same time) are one step
    times = np.unique(np.round(np.concatenate([t[t < duration_s], grid, [0.0]]), 9))
    idx = np.clip(np.searchsorted(t, times + 5e-10, side="right") - 1, 0, None)
    out = schedule.iloc[idx].reset_index(drop=True).copy()
    out["time_s"] = times
    return out


def _flow_delay(sched: pd.DataFrame, lat: pd.DataFrame | None, mode: str, flow: str,
                q_lo: float, q_hi: float) -> tuple[pd.DataFrame, np.ndarray | None]:
    """Set each step's netem delay (base + J) and return the jitter J (see module doc)."""
    if lat is None or not len(lat):
        if mode == "measured":
            raise ParameterError("--delay", mode, f"links: flow {flow!r} has no latency "
                                 "samples (outputs.latency_samples: true records them)")
        if mode == "auto" and sched["mac"].any():
            warnings.warn(f"flow {flow!r} crosses a MAC link but has no latency samples: "
                          "its delay is the links' nominal delay_s", stacklevel=3)
        return sched, None
    lo, hi = measured_delay(lat, sched["time_s"].to_numpy(), q_lo, q_hi)
    lo, hi = _fill(lo), _fill(hi)
    jitter = (hi - lo) / 2.0
    measured = np.full(len(sched), mode == "measured") | (
        (mode == "auto") & sched["mac"].to_numpy(dtype=bool))
    base = np.where(measured, lo, sched["delay_s"].to_numpy(dtype=float))
    sched = sched.copy()
    sched["delay_s"] = base + jitter
    return sched, jitter


def export(results_dir: str, link: str | None = None, flow: str | None = None,
           fmt: str = "mahimahi", out: str | None = None, interval_s: float | None = None,
           device: str = "eth0", duration_s: float | None = None, delay: str = "auto",
           q_lo: float = BASE_QUANTILE, q_hi: float = SPREAD_QUANTILE) -> list[str]:
    """Write a Mahimahi trace or a netem script for a link or a flow of a run folder.

    Parameters
    ----------
    results_dir : str
        A run's output folder (``link_state.csv``, ``manifest.json``; for a flow also
        ``routes.csv``, ``flows.csv``, ``latency.csv``).
    link, flow : str
        Exactly one: a directed link ``"A->B"`` or a flow name (its route history).
    fmt : {"mahimahi", "netem"}
    interval_s : float, optional
        netem: also step on this grid (s); default: state changes only for a link, and
        state changes plus the ``throughput.csv`` bin grid for a flow.
    duration_s : float, optional
        Length of the trace (s); default the run's simulated time.
    delay : {"auto", "measured", "links"}
        A flow's netem delay (module docstring); ignored for a link and for Mahimahi
        (capacity only).
    q_lo, q_hi : float
        Quantiles of a step's measured latency giving its base and spread.

    Returns
    -------
    list of str
        The file written.
    """
    if (link is None) == (flow is None):
        raise ParameterError("--link/--flow", (link, flow), "exactly one of them")
    if fmt not in ("mahimahi", "netem"):
        raise ParameterError("--format", fmt, "mahimahi or netem")
    if delay not in DELAY_MODES:
        raise ParameterError("--delay", delay, " or ".join(DELAY_MODES))
    if interval_s is not None and not interval_s > 0:
        raise ParameterError("--interval-s", interval_s, "> 0")
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
        if fmt == "netem" and interval_s is not None:
            sched = _steps(sched, interval_s, duration_s)
    else:
        routes = route_history(results_dir, flow)
        sched = flow_schedule(ls, routes)
        label = f"flow {flow}, {len(routes)} route(s), delay {delay}"
        if fmt == "netem":
            if interval_s is None:
                tp = os.path.join(results_dir, "throughput.csv")
                steps = np.diff(np.unique(pd.read_csv(tp)["time_s"])) \
                    if os.path.isfile(tp) else []
                interval_s = float(steps[0]) if len(steps) else None
            sched = _steps(sched, interval_s, duration_s)
            lat_path = os.path.join(results_dir, "latency.csv")
            lat = None
            if os.path.isfile(lat_path):
                lat = pd.read_csv(lat_path)
                lat = lat[lat["flow"].astype(str) == flow]
            sched, jitter = _flow_delay(sched, lat, delay, flow, q_lo, q_hi)
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
