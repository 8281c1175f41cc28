"""Requests with intents and the allocations a controller makes for them.

A :class:`Request` asks for ``capacity_bps`` from ``src`` to ``dst`` for ``holding_s``
seconds, with an intent: a one-way latency bound, a reliability (availability) target
and a priority. An :class:`Allocation` is a controller's answer: a node path (plus, where
the path crosses optical links managed by an RMSA object, the spectrum block and
modulation), or a rejection with a reason from :data:`REJECT_REASONS`.

Both are immutable; a reroute makes a new :class:`Allocation` for the same request.
"""

from __future__ import annotations

import math
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any

from netsim.errors import ParameterError

__all__ = ["Request", "Allocation", "REJECT_REASONS"]

REJECT_REASONS: tuple[str, ...] = (
    "no_path",
    "capacity",
    "latency",
    "spectrum",
    "reach",
    "policy",
)
"""Why a request was rejected.

``"no_path"``
    no path of links that are up joins ``src`` to ``dst``;
``"capacity"``
    paths exist, but none has ``capacity_bps`` free on every link;
``"latency"``
    paths with enough free capacity exist, but none within ``latency_bound_s``;
``"spectrum"``
    (optical) no candidate path has a free, contiguous and continuous slot block;
``"reach"``
    (optical) every candidate path is longer than the reach of every modulation format;
``"policy"``
    the controller chose to reject (e.g. a learned policy's reject action, or an
    admission-control rule) although a feasible path may exist.
"""


def _finite_nonneg(name: str, value: Any, allow_inf: bool = False) -> float:
    ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    if ok:
        value = float(value)
        ok = value >= 0 and (allow_inf or math.isfinite(value)) and not math.isnan(value)
    if not ok:
        allowed = "a number >= 0 (inf allowed)" if allow_inf else "a finite number >= 0"
        raise ParameterError(name, value, allowed)
    return value


@dataclass(frozen=True)
class Request:
    """A request for a path with an intent.

    Parameters
    ----------
    id : int or str
        Identifier, unique within a run.
    src, dst : hashable
        End nodes (distinct).
    capacity_bps : float
        Capacity to reserve on every link of the path (bit/s), > 0.
    latency_bound_s : float
        Largest acceptable one-way propagation delay of the path (s), > 0; ``inf``:
        no bound.
    reliability : float
        Availability target in [0, 1): the share of the holding time the request must be
        carried (not interrupted by failures and reroutes). 0: only being restored
        after every interruption counts.
    priority : int
        Priority class, >= 0 (0 highest). Controllers may use it; the allocator does
        not preempt.
    holding_s : float
        Holding time (s), > 0; ``inf``: until the end of the run.
    arrival_s : float
        Arrival time (s), >= 0.

    Examples
    --------
    >>> r = Request(1, "a", "b", capacity_bps=1e9, latency_bound_s=0.01)
    >>> r.capacity_bps, r.holding_s
    (1000000000.0, inf)
    """

    id: int | str
    src: Hashable
    dst: Hashable
    capacity_bps: float
    latency_bound_s: float = math.inf
    reliability: float = 0.0
    priority: int = 0
    holding_s: float = math.inf
    arrival_s: float = 0.0

    def __post_init__(self) -> None:
        if not isinstance(self.id, (int, str)) or isinstance(self.id, bool):
            raise ParameterError("id", self.id, "an int or str")
        if self.src == self.dst:
            raise ParameterError("dst", self.dst, f"a node other than src={self.src!r}")
        cap = _finite_nonneg("capacity_bps", self.capacity_bps)
        if cap <= 0:
            raise ParameterError("capacity_bps", self.capacity_bps, "a finite number > 0")
        bound = _finite_nonneg("latency_bound_s", self.latency_bound_s, allow_inf=True)
        if bound <= 0:
            raise ParameterError("latency_bound_s", self.latency_bound_s, "> 0 (inf allowed)")
        rel = self.reliability
        if (
            isinstance(rel, bool)
            or not isinstance(rel, (int, float))
            or not (0.0 <= rel < 1.0)
        ):
            raise ParameterError("reliability", rel, "a number in [0, 1)")
        pr = self.priority
        if isinstance(pr, bool) or not isinstance(pr, int) or pr < 0:
            raise ParameterError("priority", pr, "an integer >= 0 (0 highest)")
        hold = _finite_nonneg("holding_s", self.holding_s, allow_inf=True)
        if hold <= 0:
            raise ParameterError("holding_s", self.holding_s, "> 0 (inf allowed)")
        arr = _finite_nonneg("arrival_s", self.arrival_s)
        object.__setattr__(self, "capacity_bps", cap)
        object.__setattr__(self, "latency_bound_s", bound)
        object.__setattr__(self, "reliability", float(rel))
        object.__setattr__(self, "holding_s", hold)
        object.__setattr__(self, "arrival_s", arr)

    @property
    def departure_s(self) -> float:
        """Arrival plus holding time (s)."""
        return self.arrival_s + self.holding_s


@dataclass(frozen=True)
class Allocation:
    """A controller's decision on one request.

    Parameters
    ----------
    request : Request
        The request decided.
    path : list of node or None
        Node path from ``request.src`` to ``request.dst``; None for a rejection.
    reason : str or None
        None when admitted; otherwise one of :data:`REJECT_REASONS`.
    spectrum : dict or None
        For paths over optical links managed by an RMSA object: at least
        ``{"path_index": int, "first_slot": int, "n_slots": int, "modulation": str,
        "lightpath": netsim.optical.rmsa.Allocation}`` (the lightpath is what
        :meth:`netsim.optical.rmsa.RMSA.release` takes). None otherwise.
    delay_s : float
        One-way propagation delay of the path at decision time (s); ``nan`` for a
        rejection.
    admitted : bool
        True when the request is carried on ``path``.

    Use :meth:`accept` and :meth:`reject` to build one.

    Examples
    --------
    >>> r = Request(1, "a", "b", 1e6)
    >>> Allocation.reject(r, "capacity").reason
    'capacity'
    >>> Allocation.accept(r, ["a", "b"], delay_s=0.002).admitted
    True
    """

    request: Request
    path: list | None
    reason: str | None
    spectrum: dict | None = None
    delay_s: float = math.nan
    admitted: bool = False
    info: dict = field(default_factory=dict, compare=False)
    """Free-form details a controller may add (e.g. the candidate index chosen)."""

    def __post_init__(self) -> None:
        if not isinstance(self.request, Request):
            raise ParameterError("request", self.request, "a netsim.control.Request")
        if self.admitted:
            if self.path is None or len(self.path) < 2:
                raise ParameterError("path", self.path, "a node path of >= 2 nodes when admitted")
            if self.path[0] != self.request.src or self.path[-1] != self.request.dst:
                raise ParameterError(
                    "path", self.path,
                    f"a path from {self.request.src!r} to {self.request.dst!r}",
                )
            if self.reason is not None:
                raise ParameterError("reason", self.reason, "None when admitted")
        else:
            if self.path is not None:
                raise ParameterError("path", self.path, "None for a rejection")
            if self.reason not in REJECT_REASONS:
                raise ParameterError("reason", self.reason, f"one of {REJECT_REASONS}")

    @classmethod
    def accept(
        cls,
        request: Request,
        path: list,
        delay_s: float,
        spectrum: dict | None = None,
        **info: Any,
    ) -> Allocation:
        """An admission of ``request`` on node ``path`` with one-way delay ``delay_s`` (s)."""
        return cls(request, list(path), None, spectrum, float(delay_s), True, dict(info))

    @classmethod
    def reject(cls, request: Request, reason: str, **info: Any) -> Allocation:
        """A rejection of ``request``; ``reason`` is one of :data:`REJECT_REASONS`."""
        return cls(request, None, reason, None, math.nan, False, dict(info))
