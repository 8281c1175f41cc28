"""Packet traffic models: constant bit rate, Poisson, on/off with Pareto periods, trace replay.

A traffic model is a small validated description; :meth:`netsim.Network.add_flow` turns it
into a source that emits packets by rescheduling one callback (no simpy process). Random
models draw from the flow's own stream ``traffic:<flow name>``, in blocks.
"""

from __future__ import annotations

import csv
import math
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from netsim.core.simulation import Callback
from netsim.errors import ParameterError

if TYPE_CHECKING:  # pragma: no cover
    from netsim.core.flow import Flow
    from netsim.core.network import Network

__all__ = ["Traffic", "CBR", "Poisson", "OnOff", "TraceReplay", "SIZE_DISTRIBUTIONS"]

SIZE_DISTRIBUTIONS = ("constant", "exponential")
_BLOCK = 1024


def _pos(field: str, v: float) -> float:
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) or v <= 0:
        raise ParameterError(field, v, "a finite number > 0")
    return float(v)


class Traffic:
    """Base class of traffic models. Subclasses implement ``_make_source``."""

    def mean_rate_bps(self) -> float:  # pragma: no cover - overridden
        """Long-run mean offered rate (bit/s)."""
        raise NotImplementedError

    def _make_source(self, net: Network, flow: Flow) -> _Source:  # pragma: no cover
        raise NotImplementedError


@dataclass(frozen=True)
class CBR(Traffic):
    """Constant bit rate: packets of ``packet_size_bytes`` every ``8 * size / rate_bps`` s."""

    rate_bps: float
    packet_size_bytes: float = 1000.0

    def __post_init__(self):
        _pos("rate_bps", self.rate_bps)
        _pos("packet_size_bytes", self.packet_size_bytes)

    def mean_rate_bps(self) -> float:
        return float(self.rate_bps)

    def _make_source(self, net, flow):
        return _ConstantSource(net, flow, self.packet_size_bytes * 8.0 / self.rate_bps,
                               float(self.packet_size_bytes))


@dataclass(frozen=True)
class Poisson(Traffic):
    """Poisson packet arrivals.

    Give the arrival rate either as ``rate_pps`` (packets/s) or ``rate_bps`` (bit/s of
    offered load, from the mean size). Sizes are ``"constant"`` or ``"exponential"`` with
    mean ``packet_size_bytes`` (exponential sizes on a fixed-rate link give M/M/1 service).
    """

    rate_pps: float | None = None
    rate_bps: float | None = None
    packet_size_bytes: float = 1000.0
    size_dist: str = "constant"

    def __post_init__(self):
        if (self.rate_pps is None) == (self.rate_bps is None):
            raise ParameterError(
                "rate_pps/rate_bps", (self.rate_pps, self.rate_bps), "exactly one of the two"
            )
        if self.rate_pps is not None:
            _pos("rate_pps", self.rate_pps)
        else:
            _pos("rate_bps", self.rate_bps)
        _pos("packet_size_bytes", self.packet_size_bytes)
        if self.size_dist not in SIZE_DISTRIBUTIONS:
            raise ParameterError("size_dist", self.size_dist, f"one of {SIZE_DISTRIBUTIONS}")

    @property
    def pps(self) -> float:
        """Mean packet arrival rate (packets/s)."""
        if self.rate_pps is not None:
            return float(self.rate_pps)
        return self.rate_bps / (8.0 * self.packet_size_bytes)

    def mean_rate_bps(self) -> float:
        return self.pps * 8.0 * self.packet_size_bytes

    def _make_source(self, net, flow):
        return _PoissonSource(net, flow, self)


@dataclass(frozen=True)
class OnOff(Traffic):
    """On/off source: CBR at ``peak_rate_bps`` during on periods, silent during off periods.

    Period lengths are Pareto (shape ``shape`` > 1, means ``mean_on_s`` and
    ``mean_off_s``; scale ``x_m = mean (shape - 1) / shape``), the classic model of
    self-similar aggregate traffic (Willinger et al., IEEE/ACM ToN 5(1), 1997), or
    exponential with ``dist="exponential"``. A source starts in an on period.
    """

    peak_rate_bps: float
    mean_on_s: float
    mean_off_s: float
    packet_size_bytes: float = 1000.0
    shape: float = 1.5
    dist: str = "pareto"

    def __post_init__(self):
        _pos("peak_rate_bps", self.peak_rate_bps)
        _pos("mean_on_s", self.mean_on_s)
        _pos("mean_off_s", self.mean_off_s)
        _pos("packet_size_bytes", self.packet_size_bytes)
        if self.dist not in ("pareto", "exponential"):
            raise ParameterError("dist", self.dist, "'pareto' or 'exponential'")
        if self.dist == "pareto" and not (isinstance(self.shape, (int, float)) and self.shape > 1):
            raise ParameterError("shape", self.shape, "> 1 (a Pareto with a finite mean)")

    def mean_rate_bps(self) -> float:
        return self.peak_rate_bps * self.mean_on_s / (self.mean_on_s + self.mean_off_s)

    def _make_source(self, net, flow):
        return _OnOffSource(net, flow, self)


@dataclass(frozen=True, eq=False)
class TraceReplay(Traffic):
    """Replay packets at given times (s, relative to the flow's start) and sizes (bytes)."""

    times_s: tuple
    sizes_bytes: tuple

    def __post_init__(self):
        t = np.asarray(self.times_s, dtype=float)
        s = np.asarray(self.sizes_bytes, dtype=float)
        if t.ndim != 1 or t.shape != s.shape or t.size == 0:
            raise ParameterError(
                "times_s/sizes_bytes", (t.shape, s.shape), "two 1-D sequences of equal length > 0"
            )
        bad = np.flatnonzero(~np.isfinite(t) | (t < 0))
        if bad.size:
            raise ParameterError(f"times_s[{bad[0]}]", t[bad[0]], "a finite time >= 0")
        dec = np.flatnonzero(np.diff(t) < 0)
        if dec.size:
            raise ParameterError(
                f"times_s[{dec[0] + 1}]", t[dec[0] + 1], f">= the previous time {t[dec[0]]}"
            )
        bad = np.flatnonzero(~np.isfinite(s) | (s <= 0))
        if bad.size:
            raise ParameterError(f"sizes_bytes[{bad[0]}]", s[bad[0]], "a finite size > 0")
        object.__setattr__(self, "times_s", tuple(t.tolist()))
        object.__setattr__(self, "sizes_bytes", tuple(s.tolist()))

    @classmethod
    def from_csv(cls, path: str | os.PathLike) -> TraceReplay:
        """Read a CSV with a header and columns ``time_s`` and ``size_bytes``."""
        times, sizes = [], []
        with open(path, newline="") as fh:
            reader = csv.DictReader(fh)
            missing = {"time_s", "size_bytes"} - set(reader.fieldnames or ())
            if missing:
                raise ParameterError(
                    f"{os.fspath(path)}: columns", reader.fieldnames,
                    "a header with 'time_s' and 'size_bytes'",
                )
            for i, row in enumerate(reader, start=2):
                try:
                    times.append(float(row["time_s"]))
                    sizes.append(float(row["size_bytes"]))
                except (TypeError, ValueError):
                    raise ParameterError(
                        f"{os.fspath(path)}: line {i}", row, "numbers in time_s and size_bytes"
                    ) from None
        return cls(tuple(times), tuple(sizes))

    def mean_rate_bps(self) -> float:
        span = self.times_s[-1] - self.times_s[0]
        return 8.0 * sum(self.sizes_bytes) / span if span > 0 else math.inf

    def _make_source(self, net, flow):
        return _TraceSource(net, flow, self)


# -- sources (runtime) --------------------------------------------------------------------


class _Source:
    """Emits packets of one flow by rescheduling one callback."""

    __slots__ = ("net", "flow", "cb", "stop_s")

    def __init__(self, net, flow):
        self.net = net
        self.flow = flow
        self.stop_s = math.inf if flow.stop_s is None else flow.stop_s
        self.cb = Callback(self._fire)

    def start(self) -> None:
        self.net.sim.schedule(max(0.0, self.flow.start_s - self.net.sim.env._now) +
                              self._first_gap(), self.cb)

    def _first_gap(self) -> float:
        return 0.0

    def _fire(self, cb) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class _ConstantSource(_Source):
    """Packet k leaves at ``t0 + k * gap`` exactly (no accumulated rounding)."""

    __slots__ = ("gap", "size", "_send", "_sched", "_t0", "_k", "_env")

    def __init__(self, net, flow, gap_s, size):
        super().__init__(net, flow)
        self.gap = gap_s
        self.size = size
        self._send = net._send
        self._sched = net.sim.schedule
        self._env = net.sim.env
        self._t0 = 0.0
        self._k = 0

    def _first_gap(self):
        self._t0 = max(self.flow.start_s, self._env._now)
        return 0.0

    def _fire(self, cb):
        now = self._env._now
        if now >= self.stop_s:
            return
        self._send(self.flow, self.size)
        self._k += 1
        self._sched(self._t0 + self._k * self.gap - now, cb)


class _PoissonSource(_Source):
    __slots__ = ("rng", "mean_gap", "mean_size", "exp_size", "_g", "_s", "_i", "_send",
                 "_sched")

    def __init__(self, net, flow, spec: Poisson):
        super().__init__(net, flow)
        self.rng = net.sim.rng(f"traffic:{flow.name}")
        self.mean_gap = 1.0 / spec.pps
        self.mean_size = float(spec.packet_size_bytes)
        self.exp_size = spec.size_dist == "exponential"
        self._i = _BLOCK
        self._g = self._s = None
        self._send = net._send
        self._sched = net.sim.schedule

    def _refill(self):
        self._g = self.rng.exponential(self.mean_gap, _BLOCK).tolist()
        if self.exp_size:
            self._s = self.rng.exponential(self.mean_size, _BLOCK).tolist()
        self._i = 0

    def _first_gap(self):
        self._refill()
        g = self._g[0]
        self._i = 1
        return g

    def _fire(self, cb):
        if self.net.sim.env._now >= self.stop_s:
            return
        i = self._i
        if i >= _BLOCK:
            self._refill()
            i = 0
        self._i = i + 1
        self._send(self.flow, self._s[i] if self.exp_size else self.mean_size)
        self._sched(self._g[i], cb)


class _OnOffSource(_Source):
    __slots__ = ("rng", "spec", "gap", "on_end")

    def __init__(self, net, flow, spec: OnOff):
        super().__init__(net, flow)
        self.rng = net.sim.rng(f"traffic:{flow.name}")
        self.spec = spec
        self.gap = spec.packet_size_bytes * 8.0 / spec.peak_rate_bps
        self.on_end = 0.0

    def _period(self, mean: float) -> float:
        s = self.spec
        if s.dist == "exponential":
            return float(self.rng.exponential(mean))
        xm = mean * (s.shape - 1.0) / s.shape
        return float(xm * (1.0 + self.rng.pareto(s.shape)))

    def _first_gap(self):
        self.on_end = max(self.flow.start_s, self.net.sim.env._now) + self._period(
            self.spec.mean_on_s)
        return 0.0

    def _fire(self, cb):
        now = self.net.sim.env._now
        if now >= self.stop_s:
            return
        self.net._send(self.flow, self.spec.packet_size_bytes)
        nxt = now + self.gap
        while nxt >= self.on_end:  # the on period ends before the next packet
            nxt = self.on_end + self._period(self.spec.mean_off_s)
            self.on_end = nxt + self._period(self.spec.mean_on_s)
        self.net.sim.schedule(nxt - now, cb)


class _TraceSource(_Source):
    __slots__ = ("t0", "times", "sizes", "i")

    def __init__(self, net, flow, spec: TraceReplay):
        super().__init__(net, flow)
        self.times = spec.times_s
        self.sizes = spec.sizes_bytes
        self.i = 0
        self.t0 = 0.0

    def _first_gap(self):
        self.t0 = max(self.flow.start_s, self.net.sim.env._now)
        return self.times[0]

    def _fire(self, cb):
        now = self.net.sim.env._now
        if now >= self.stop_s:
            return
        self.net._send(self.flow, self.sizes[self.i])
        self.i += 1
        if self.i < len(self.times):
            self.net.sim.schedule(max(0.0, self.t0 + self.times[self.i] - now), cb)
