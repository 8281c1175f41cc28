"""Drive requests through a controller during a simulation: admission, reservation,
departure, rerouting after link changes, and the per-request result table.

Model
-----
* Admission: the controller's admitted path is re-checked (links up, capacity free);
  its ``capacity_bps`` is then added to the reserved capacity of every link of the path
  (:attr:`Allocator.reserved_bps`, indexed by ``link.index``). Reserved capacity is a
  booking, not traffic: packets of the packet-level engine are not affected.
* Departure after ``holding_s``: the capacity is released and the controller's
  :meth:`~netsim.control.controller.Controller.on_departure` frees anything it holds.
* A link change (``net.add_listener``): when a link goes down, every carried request
  whose path uses it is *displaced*; when a link's delay changes, every carried request
  whose path delay now exceeds its latency bound is displaced too. A displaced request's
  capacity is released at once, and the controller is asked for new paths
  (:meth:`~netsim.control.controller.Controller.on_link_change`). With
  ``reroute="reroute"`` a request that cannot be rerouted stays displaced and is
  retried at every later link change until it departs; with ``"drop"`` it is dropped.
* Interruption: a displaced request is out of service from the failure time ``t0``
  until ``max(t_decision, t0 + detect_s) + signalling``, where ``detect_s`` is the
  failure detection time and the signalling time is one round trip along the new path
  (``2 x`` its one-way delay: the RSVP-TE Path/Resv exchange that sets up a new LSP,
  RFC 3209, Sec. 1.2). Decisions are instantaneous in simulated time; the capacity of
  the new path is booked at ``t_decision``.
* Intent met (per request): admitted, never dropped nor left displaced at the end of its
  life, every path it was carried on within its latency bound when it was chosen, and
  availability ``1 - interrupted_s / life_s >= reliability``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from netsim.control.controller import Controller
from netsim.control.cspf import CAPACITY_TOL_BPS
from netsim.control.request import Allocation, Request
from netsim.control.view import NetworkView
from netsim.errors import ParameterError

if TYPE_CHECKING:  # pragma: no cover
    from netsim.core.link import Link
    from netsim.core.network import Network

__all__ = ["Allocator", "REROUTE_POLICIES", "RESULT_COLUMNS"]

REROUTE_POLICIES = ("reroute", "drop")
"""What happens to a displaced request the controller cannot reroute at once."""

RESULT_COLUMNS = (
    "id", "src", "dst", "capacity_bps", "latency_bound_s", "reliability", "priority",
    "arrival_s", "holding_s", "admitted", "reason", "path", "delay_s", "final_path",
    "max_delay_s", "interruptions", "reroutes", "interrupted_s", "life_s", "state",
    "intent_met",
)
"""Columns of :meth:`Allocator.to_dataframe`."""


@dataclass
class _Record:
    request: Request
    first: Allocation
    current: Allocation | None = None
    state: str = "rejected"  # rejected, carried, displaced, departed, dropped
    max_delay_s: float = math.nan
    latency_ok: bool = True
    outages: list[list[float]] = field(default_factory=list)  # [t0, t_restored or nan]
    reroutes: int = 0
    end_s: float = math.nan
    links: np.ndarray | None = None


class Allocator:
    """Admission, reservation, departures and rerouting for one controller.

    Parameters
    ----------
    net : Network
        The network whose links carry the reservations.
    controller : Controller
        The controller deciding every request.
    rmsa : netsim.optical.rmsa.RMSA, optional
        Optical spectrum state shown to the controller as ``view.rmsa``.
    detect_s : float
        Failure detection time before a reroute takes effect (s), >= 0.
    reroute : {"reroute", "drop"}
        See :data:`REROUTE_POLICIES`.

    Attributes
    ----------
    view : NetworkView
        The view the controller is given.

    Examples
    --------
    >>> import netsim as ns
    >>> from netsim.control import Request
    >>> from netsim.control.cspf import CSPF
    >>> sim = ns.Simulation(seed=1); net = ns.Network(sim)
    >>> for n in "ab": _ = net.add_node(n)
    >>> _ = net.add_link("a", "b", rate_bps=1e9, delay_s=0.001)
    >>> alloc = Allocator(net, CSPF())
    >>> alloc.schedule(Request(1, "a", "b", 6e8, holding_s=2.0, arrival_s=0.0))
    >>> alloc.schedule(Request(2, "a", "b", 6e8, holding_s=2.0, arrival_s=1.0))
    >>> sim.run(until_s=5.0)
    >>> df = alloc.to_dataframe()
    >>> df["admitted"].tolist(), df.loc[1, "reason"]
    ([True, False], 'capacity')
    """

    def __init__(
        self,
        net: Network,
        controller: Controller,
        *,
        rmsa: Any = None,
        detect_s: float = 0.05,
        reroute: str = "reroute",
    ) -> None:
        if not isinstance(controller, Controller):
            raise ParameterError("controller", controller, "a netsim.control.Controller")
        if isinstance(detect_s, bool) or not isinstance(detect_s, (int, float)) or not (
            math.isfinite(detect_s) and detect_s >= 0
        ):
            raise ParameterError("detect_s", detect_s, "a finite number >= 0")
        if reroute not in REROUTE_POLICIES:
            raise ParameterError("reroute", reroute, f"one of {REROUTE_POLICIES}")
        self.net = net
        self.sim = net.sim
        self.controller = controller
        self.detect_s = float(detect_s)
        self.reroute = reroute
        self._reserved = np.zeros(len(net.links))
        self._active: dict[Any, Allocation] = {}
        self._displaced: dict[Any, Allocation] = {}
        self._records: dict[Any, _Record] = {}
        self.view = NetworkView(net, self._reserved, rmsa, self._active, self._displaced)
        net.add_listener(self._on_net_event)

    # ------------------------------------------------------------------ state
    @property
    def reserved_bps(self) -> np.ndarray:
        """float64 ``(n_links,)``: reserved capacity per link (bit/s), read-only."""
        v = self._reserved.view()
        v.flags.writeable = False
        return v

    @property
    def active(self) -> dict:
        """``request id -> Allocation`` carried now (a copy)."""
        return dict(self._active)

    @property
    def displaced(self) -> dict:
        """``request id -> broken Allocation`` of requests waiting for a reroute (a copy)."""
        return dict(self._displaced)

    # ------------------------------------------------------------------ requests
    def schedule(self, request: Request) -> None:
        """Submit ``request`` at its ``arrival_s`` (>= now)."""
        if not isinstance(request, Request):
            raise ParameterError("request", request, "a netsim.control.Request")
        self.sim.call_at(request.arrival_s, lambda: self.submit(request))

    def submit(self, request: Request) -> Allocation:
        """Decide ``request`` now, reserve its path and schedule its departure.

        Returns the (checked) allocation; a path that does not fit becomes a rejection.
        """
        if not isinstance(request, Request):
            raise ParameterError("request", request, "a netsim.control.Request")
        if request.id in self._records:
            raise ParameterError("request.id", request.id, "an id not submitted before")
        alloc = self._checked(self.controller.decide(request, self.view), request)
        rec = _Record(request, alloc)
        self._records[request.id] = rec
        if alloc.admitted:
            self._carry(rec, alloc)
            if math.isfinite(request.holding_s):
                self.sim.call_in(request.holding_s, lambda: self._depart(request.id))
        return alloc

    def release(self, request_id: Any) -> None:
        """End a carried or displaced request now (an early departure)."""
        if request_id not in self._active and request_id not in self._displaced:
            raise ParameterError("request_id", request_id, "the id of a carried request")
        self._depart(request_id)

    # ------------------------------------------------------------------ internals
    def _links_of(self, alloc: Allocation) -> np.ndarray | None:
        try:
            return self.view.path_link_indices(alloc.path)
        except ParameterError:
            if alloc.spectrum is not None:
                return None  # optical hops outside the Network: the spectrum is the booking
            raise

    def _checked(self, alloc: Allocation, request: Request) -> Allocation:
        if not isinstance(alloc, Allocation) or alloc.request != request:
            raise ParameterError("controller.decide(...)", alloc,
                                 f"an Allocation for request {request.id!r}")
        if not alloc.admitted:
            return alloc
        idx = self._links_of(alloc)
        if idx is None:
            return alloc
        up = self.view.up[idx]
        free = self.view.free_bps_array[idx]
        if up.all() and (free + CAPACITY_TOL_BPS >= request.capacity_bps).all():
            return alloc
        self.controller.on_departure(alloc, self.view)
        return Allocation.reject(request, "no_path" if not up.all() else "capacity",
                                 refused_path=alloc.path)

    def _carry(self, rec: _Record, alloc: Allocation) -> None:
        idx = self._links_of(alloc)
        if idx is not None:
            self._reserved[idx] += rec.request.capacity_bps
        rec.links = idx
        rec.current = alloc
        rec.state = "carried"
        d = alloc.delay_s
        rec.max_delay_s = d if math.isnan(rec.max_delay_s) else max(rec.max_delay_s, d)
        if d > rec.request.latency_bound_s:
            rec.latency_ok = False
        self._active[rec.request.id] = alloc

    def _uncarry(self, rec: _Record) -> Allocation:
        alloc = self._active.pop(rec.request.id)
        if rec.links is not None:
            self._reserved[rec.links] -= rec.request.capacity_bps
            np.maximum(self._reserved, 0.0, out=self._reserved)
        rec.links = None
        self.controller.on_departure(alloc, self.view)
        return alloc

    def _depart(self, rid: Any) -> None:
        rec = self._records[rid]
        now = self.sim.now_s
        if rid in self._active:
            self._uncarry(rec)
            rec.state = "departed"
        elif rid in self._displaced:
            del self._displaced[rid]
            rec.state = "dropped"
        else:
            return  # already dropped
        rec.end_s = now
        for o in rec.outages:  # a restoration still under way ends with the request
            if math.isnan(o[1]) or o[1] > now:
                o[1] = now

    def _on_net_event(self, event: str, link: Link) -> None:
        if event == "add":
            n = len(self.net.links)
            if n > self._reserved.shape[0]:
                grown = np.zeros(n)
                grown[: self._reserved.shape[0]] = self._reserved
                self._reserved = grown
                self.view._set_reserved(grown)
            return
        now = self.sim.now_s
        view = self.view
        if not link.up:
            broken = [a for a in view.crossing(link)]
        else:
            broken = [a for a in view.crossing(link)
                      if view.path_delay_s(a.path) > a.request.latency_bound_s]
        for a in broken:
            rec = self._records[a.request.id]
            self._uncarry(rec)
            rec.state = "displaced"
            rec.outages.append([now, math.nan])
            self._displaced[a.request.id] = a
        new = self.controller.on_link_change(link, view)
        for alloc in new or ():
            rid = alloc.request.id if isinstance(alloc, Allocation) else None
            if rid not in self._displaced:
                raise ParameterError("controller.on_link_change(...)", alloc,
                                     "allocations for requests in view.displaced")
            rec = self._records[rid]
            alloc = self._checked(alloc, rec.request)
            if not alloc.admitted:
                continue
            del self._displaced[rid]
            self._carry(rec, alloc)
            rec.reroutes += 1
            t0 = rec.outages[-1][0]
            rec.outages[-1][1] = max(now, t0 + self.detect_s) + 2.0 * alloc.delay_s
        if self.reroute == "drop":
            for rid in list(self._displaced):
                rec = self._records[rid]
                del self._displaced[rid]
                rec.state = "dropped"
                rec.end_s = now
                rec.outages[-1][1] = now

    # ------------------------------------------------------------------ results
    def to_dataframe(self) -> pd.DataFrame:
        """One row per request submitted (columns :data:`RESULT_COLUMNS`).

        ``path``/``final_path`` are node names joined by ``">"`` (first and last path
        carried); ``interrupted_s`` is the total out-of-service time up to the end of the
        request's life (or now); ``life_s`` is from arrival to departure (or now).
        """
        now = self.sim.now_s
        rows = []
        for rid, rec in self._records.items():
            r = rec.request
            end = rec.end_s if not math.isnan(rec.end_s) else now
            life = max(end - r.arrival_s, 0.0)
            spans = _merged_outages(rec.outages, end)
            out_s = sum(t1 - t0 for t0, t1, _ in spans)
            admitted = rec.first.admitted
            state = rec.state
            avail = 1.0 - out_s / life if life > 0 else 1.0
            met = (admitted and state in ("carried", "departed") and rec.latency_ok
                   and avail >= r.reliability)
            fp = rec.current.path if rec.current is not None else None
            rows.append((
                rid, r.src, r.dst, r.capacity_bps, r.latency_bound_s, r.reliability,
                r.priority, r.arrival_s, r.holding_s, admitted, rec.first.reason,
                ">".join(map(str, rec.first.path)) if admitted else None,
                rec.first.delay_s, ">".join(map(str, fp)) if fp else None,
                rec.max_delay_s, len(spans), rec.reroutes, out_s, life, state, met,
            ))
        return pd.DataFrame(rows, columns=list(RESULT_COLUMNS))

    def summary(self) -> dict[str, float]:
        """Scalar KPIs: requests, blocking, intent-met share, reroutes, drops, the mean
        and largest interruption (s) over every outage, restored or not (an outage still
        open counts up to the end of the request's life, or now), and how many outages
        were never restored (``unrestored``). Outages that overlap in time (a reroute
        onto a link cut at the same instant) count once."""
        df = self.to_dataframe()
        n = len(df)
        now = self.sim.now_s
        durations, unrestored = [], 0
        for rec in self._records.values():
            end = rec.end_s if not math.isnan(rec.end_s) else now
            for t0, t1, restored in _merged_outages(rec.outages, end):
                durations.append(t1 - t0)
                unrestored += not restored or rec.state == "dropped"
        return {
            "requests": float(n),
            "blocking": float((~df["admitted"]).mean()) if n else math.nan,
            "intent_met_share": float(df["intent_met"].mean()) if n else math.nan,
            "interruptions": float(df["interruptions"].sum()),
            "reroutes": float(df["reroutes"].sum()),
            "dropped": float((df["state"] == "dropped").sum()),
            "mean_interruption_s": float(np.mean(durations)) if durations else math.nan,
            "max_interruption_s": float(np.max(durations)) if durations else math.nan,
            "unrestored": float(unrestored),
        }


def _merged_outages(outages, end_s):
    """Outage intervals of one request as disjoint ``(t0, t1, restored)``: open ones end
    at ``end_s``, every one is clipped to ``end_s``, and overlapping ones are merged (a
    merged interval is restored only if its last part was)."""
    spans = sorted((t0, (end_s if math.isnan(t1) else min(t1, end_s)), not math.isnan(t1))
                   for t0, t1 in outages)
    out: list[list] = []
    for t0, t1, ok in spans:
        t1 = max(t1, t0)
        if out and t0 <= out[-1][1]:
            if t1 >= out[-1][1]:
                out[-1][1] = t1
                out[-1][2] = ok
        else:
            out.append([t0, t1, ok])
    return [tuple(o) for o in out]
