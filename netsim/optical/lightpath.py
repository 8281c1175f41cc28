"""Lightpaths as core ``Network`` links; fibre cuts, restoration and repair (layer 3).

:class:`OpticalSegment` owns a fibre topology and its flex-grid spectrum (a
:class:`RestorableRMSA`) and keeps, for every lightpath it sets up, one directed
:class:`netsim.core.link.Link` per direction between the end ROADMs:

* ``rate_bps``: the requested client rate, or with ``rate_gbps=None`` ("auto") the net
  rate of the densest transceiver format the route allows at the transceiver's symbol
  rate (``2 log2(M) R_s / (1 + OH)``, :func:`netsim.optical.transceiver.net_rate_bps`);
* ``delay_s``: :func:`netsim.optical.roadm.lightpath_delay_s` of its route (length x
  group index / c, add/drop, pass-through and OEO latencies).

A bidirectional lightpath is two allocations when fibres are directed (the reverse on
the same candidate path, at the same slots if free), one allocation for both directions
when a link's spectrum is shared. The lightpath is the unit of failure and restoration.

Fibre cut (:meth:`OpticalSegment.cut_fibre`): every lightpath with spectrum on the fibre
(either direction: a cable cut takes both) is taken down at once (its links go down, so
every packet they hold is lost with reason ``link_down``), its spectrum is released, the
fibre's spectrum is marked unusable, and restoration runs RMSA again at once on the
remaining fibres (the k shortest paths of the surviving topology, see
:class:`RestorableRMSA`). A lightpath that finds spectrum reserves
it and comes back up ``reconfiguration_time_s`` later with the new route's delay (and,
in auto mode, the new format's rate); one that is blocked stays down. Repair
(:meth:`OpticalSegment.repair_fibre`) frees the fibre and retries every lightpath that is
down (again taking ``reconfiguration_time_s``); restored lightpaths are not reverted.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import pandas as pd

from netsim.core.link import Link as NetLink
from netsim.core.network import Network
from netsim.core.packet import LossReason
from netsim.core.simulation import Simulation
from netsim.errors import ParameterError
from netsim.optical.paths import CandidatePath, k_shortest_paths
from netsim.optical.rmsa import RMSA, Allocation, RmsaOptions
from netsim.optical.roadm import RoadmParameters, lightpath_delay_s
from netsim.optical.transceiver import modulation_formats, net_rate_bps

__all__ = ["RestorableRMSA", "Outage", "Lightpath", "OpticalSegment"]


class RestorableRMSA(RMSA):
    """An :class:`RMSA` whose fibres can fail.

    A failed fibre's slots are all marked occupied, so no policy can use it; and while
    any fibre is cut, the candidate paths of a node pair are recomputed (k shortest by
    the RMSA's path order, Yen) on the surviving topology the first time the pair is
    looked up, so restoration searches the k best routes that still exist. When every
    fibre is repaired the original candidates return. A pair left with no route keeps
    its original candidates, all over cut fibres: every request between them blocks.

    Built on the public extension points of :class:`RMSA`: :meth:`RMSA.set_slots` (cut
    fibres' slots), :meth:`RMSA.update_candidates` / :meth:`RMSA.set_candidate_paths` /
    :meth:`RMSA.restore_candidate_paths` (rerouting).
    """

    def __init__(self, graph: nx.Graph, options: RmsaOptions | None = None) -> None:
        super().__init__(graph, options)
        self._failed: set[int] = set()
        self._failed_edges: set[frozenset] = set()
        self._fresh: set[tuple[Any, Any]] = set()
        self._live: list[Allocation] = []
        self._releases = 0

    def fibre_ids(self, a: Any, b: Any) -> list[int]:
        """Spectrum arrays of the cable ``a``-``b``: both directions (or the shared one)."""
        if not self.graph.has_edge(a, b):
            raise ParameterError("fibre", [a, b], "two ROADMs joined by a fibre of the topology")
        return sorted({self.fibre_index[(a, b)], self.fibre_index[(b, a)]})

    def is_failed(self, a: Any, b: Any) -> bool:
        """Whether the fibre ``a``-``b`` is cut."""
        return bool(set(self.fibre_ids(a, b)) & self._failed)

    @property
    def failed_fibres(self) -> list[tuple[Any, Any]]:
        """The cut fibres, as ``(a, b)`` pairs."""
        return [tuple(e) for e in self._failed_edges]

    def fail_fibre(self, a: Any, b: Any) -> None:
        """Mark the fibre ``a``-``b`` cut: none of its slots can be allocated.

        Allocations still holding slots on it (e.g. a controller's) stay active; their
        owner must release them. Slots they free while the fibre is cut stay unusable.
        """
        ids = self.fibre_ids(a, b)
        if set(ids) & self._failed:
            raise ParameterError("fibre", [a, b], "a fibre that is not cut already")
        for f in ids:
            self.set_slots(f, True)
            self._failed.add(f)
        self._failed_edges.add(frozenset((a, b)))
        self._refresh()

    def repair_fibre(self, a: Any, b: Any) -> None:
        """Return the cut fibre ``a``-``b`` to service: its slots are free again except
        those of allocations that are still active on it."""
        ids = self.fibre_ids(a, b)
        if not set(ids) <= self._failed:
            raise ParameterError("fibre", [a, b], "a fibre that is cut")
        for f in ids:
            self.set_slots(f, False)
            self._failed.discard(f)
        self._live = [al for al in self._live if al.active]
        for al in self._live:
            for s in al.segments:
                hit = [f for f in s.fibres.tolist() if f in ids]
                if hit:
                    self.set_slots(hit, True, s.first_slot, s.n_slots)
        self._failed_edges.discard(frozenset((a, b)))
        self._refresh()

    def allocate(self, src: Any, dst: Any, rate_gbps: float) -> Allocation | None:
        """As :meth:`RMSA.allocate`; the allocation is remembered for repairs."""
        res = super().allocate(src, dst, rate_gbps)
        if res is not None:
            self._live.append(res)
        return res

    def allocate_path(self, src: Any, dst: Any, rate_gbps: float, path_index: int,
                      first_slot: int | None = None, fit: str = "first_fit") -> Allocation | None:
        """As :meth:`RMSA.allocate_path`; the allocation is remembered for repairs."""
        res = super().allocate_path(src, dst, rate_gbps, path_index, first_slot, fit)
        if res is not None:
            self._live.append(res)
        return res

    def release(self, allocation: Allocation) -> None:
        """As :meth:`RMSA.release`; slots of cut fibres stay unusable."""
        super().release(allocation)
        if self._failed:
            self.set_slots(sorted(self._failed), True)
        self._releases += 1
        if self._releases % 256 == 0:  # forget released allocations now and then
            self._live = [al for al in self._live if al.active]

    def _refresh(self) -> None:
        self.restore_candidate_paths()
        self._fresh.clear()

    def update_candidates(self, src: Any, dst: Any) -> None:
        """While a fibre is cut, replace the candidates of ``(src, dst)`` and ``(dst, src)``
        (once per cut or repair) by the k shortest paths of the surviving topology; a pair
        left with no route keeps its original candidates."""
        if not self._failed_edges or (src, dst) in self._fresh:
            return
        alive = self.graph.copy()
        alive.remove_edges_from(tuple(e) for e in self._failed_edges)
        if nx.has_path(alive, src, dst):
            fwd = k_shortest_paths(alive, src, dst, self.paths_per_pair, self.options.path_order)
            rev = [CandidatePath(p.nodes[::-1], p.length_km, p.hops) for p in fwd]
            self.set_candidate_paths(src, dst, fwd)
            self.set_candidate_paths(dst, src, rev)
        self._fresh.update(((src, dst), (dst, src)))

    def reset(self) -> None:
        """Free all spectrum except that of cut fibres."""
        super().reset()
        self._live = []
        for f in self._failed:
            self.set_slots(f, True)


@dataclass
class Outage:
    """One outage of a lightpath (a row of :meth:`OpticalSegment.outages_table`)."""

    lightpath: str
    cause: str
    down_at_s: float
    route_before: tuple
    length_km_before: float
    delay_s_before: float
    packets_lost_link_down: int
    up_at_s: float = math.nan
    result: str = "down"
    route_after: tuple = ()
    length_km_after: float = math.nan
    delay_s_after: float = math.nan
    rate_bps_after: float = math.nan
    attempts: int = 0

    def outage_s(self, now_s: float) -> float:
        """Time down [s] (until ``now_s`` while still down)."""
        end = self.up_at_s if not math.isnan(self.up_at_s) else now_s
        return end - self.down_at_s


@dataclass
class Lightpath:
    """A lightpath between two ROADMs and its core-network links.

    Attributes
    ----------
    name, src, dst : str / node
    rate_gbps : float or None
        Requested rate [Gb/s]; None: auto (densest format the route allows).
    bidirectional : bool
    state : {"up", "pending", "down", "torn_down"}
        ``pending``: spectrum reserved, waiting for the reconfiguration time.
    allocations : list of Allocation
        Forward (and reverse, directed fibres) allocations while reserved.
    links : list of netsim.core.link.Link
        Forward link, then the reverse one if bidirectional.
    rate_bps : float
        Rate of its links [b/s].
    up_since_s : float
        When the links last came up [s] (NaN: never).
    """

    name: str
    src: Any
    dst: Any
    rate_gbps: float | None
    bidirectional: bool
    state: str = "down"
    allocations: list[Allocation] = field(default_factory=list)
    links: list[NetLink] = field(default_factory=list)
    rate_bps: float = math.nan
    modulation: str = ""
    route: tuple = ()
    length_km: float = math.nan
    delay_s: list[float] = field(default_factory=list)
    created_s: float = 0.0
    outages: list[Outage] = field(default_factory=list)
    setup_blocked: bool = False
    up_since_s: float = math.nan
    _gen: int = 0

    @property
    def up(self) -> bool:
        return self.state == "up"


class OpticalSegment:
    """The optical transport segment: ROADMs, fibres, spectrum and lightpaths.

    Parameters
    ----------
    sim : netsim.Simulation
    net : netsim.Network
        ROADM nodes are added to it (a node already present with the same name is
        reused).
    graph : networkx.Graph
        Fibre topology with ``length_km`` on every edge (node ids are the ROADM names).
    options : RmsaOptions, optional
        Spectrum and RMSA options.
    roadm : RoadmParameters, optional
    symbol_rate_gbaud : float
        Transceiver symbol rate for auto-rate lightpaths [GBd].
    name : str
        Segment name stored on links and nodes.

    Examples
    --------
    >>> import netsim as ns
    >>> from netsim.optical.topology import load_topology
    >>> sim = ns.Simulation(seed=1); net = ns.Network(sim)
    >>> seg = OpticalSegment(sim, net, load_topology("nsfnet"))
    >>> lp = seg.setup_lightpath(13, 14, 100.0, immediate=True)   # NJ-DC, 150 km
    >>> round(net.link(13, 14).delay_s * 1e6, 3)   # 150 km x 4.89739 us/km + 2 x 5 us
    744.608
    """

    def __init__(
        self,
        sim: Simulation,
        net: Network,
        graph: nx.Graph,
        options: RmsaOptions | None = None,
        roadm: RoadmParameters | None = None,
        *,
        symbol_rate_gbaud: float = 32.0,
        name: str = "optical",
    ) -> None:
        self.sim = sim
        self.net = net
        self.name = name
        self.roadm = roadm or RoadmParameters()
        self.rmsa = RestorableRMSA(graph, options)
        if not symbol_rate_gbaud > 0:
            raise ParameterError("symbol_rate_gbaud", symbol_rate_gbaud, "> 0 GBd")
        self.symbol_rate_gbaud = float(symbol_rate_gbaud)
        self.lightpaths: dict[str, Lightpath] = {}
        self._by_pair: dict[tuple[Any, Any], str] = {}
        self.cuts: list[tuple[float, Any, Any, str]] = []
        for node in graph.nodes:
            if node in net.graph:
                net.graph.nodes[node]["roadm"] = True
            else:
                net.add_node(node, segment=name, roadm=True)

    # ------------------------------------------------------------------ helpers
    @property
    def graph(self) -> nx.Graph:
        return self.rmsa.graph

    def _auto_formats(self) -> list[str]:
        known = modulation_formats()
        fmts = [f for f in self.rmsa.reach_table.formats if f in known]
        if not fmts:
            raise ParameterError(
                "rate_gbps",
                "auto",
                "a reach table of transceiver formats (modulation model 'gsnr')",
            )
        return fmts

    def _directions(self, lp: Lightpath) -> list[tuple[Any, Any]]:
        return [(lp.src, lp.dst), (lp.dst, lp.src)] if lp.bidirectional else [(lp.src, lp.dst)]

    def _allocate_pair(self, lp: Lightpath, rate_gbps: float) -> list[Allocation] | None:
        rmsa = self.rmsa
        fwd = rmsa.allocate(lp.src, lp.dst, rate_gbps)
        if fwd is None:
            return None
        if not lp.bidirectional or not rmsa.options.directed_fibres:
            return [fwd]
        rev = None
        if len(fwd.segments) == 1:
            rev = rmsa.allocate_path(lp.dst, lp.src, rate_gbps, fwd.path_index,
                                     first_slot=fwd.first_slot)
            if rev is None:
                rev = rmsa.allocate_path(lp.dst, lp.src, rate_gbps, fwd.path_index)
        else:  # regenerated / converted: let the policy place the reverse direction
            rev = rmsa.allocate(lp.dst, lp.src, rate_gbps)
        if rev is None:
            rmsa.release(fwd)
            return None
        return [fwd, rev]

    def _allocate(self, lp: Lightpath) -> tuple[list[Allocation], float] | None:
        """RMSA for ``lp``: (allocations, link rate [b/s]) or None if blocked."""
        if lp.rate_gbps is not None:
            allocs = self._allocate_pair(lp, lp.rate_gbps)
            return None if allocs is None else (allocs, lp.rate_gbps * 1e9)
        table = self.rmsa.reach_table
        bits = dict(zip(table.formats, table.bits_per_symbol))
        for fmt in self._auto_formats():  # densest first
            rate_bps = net_rate_bps(fmt, self.symbol_rate_gbaud * 1e9)
            allocs = self._allocate_pair(lp, rate_bps / 1e9)
            if allocs is None:
                continue
            weakest = min((s.modulation for a in allocs for s in a.segments), key=bits.get)
            if weakest == fmt:
                return allocs, rate_bps
            for a in allocs:
                self.rmsa.release(a)
        return None

    def _delay(self, alloc: Allocation) -> float:
        return lightpath_delay_s(
            alloc.path.length_km, alloc.path.hops, len(alloc.segments) - 1, self.roadm
        )

    def _apply(self, lp: Lightpath, allocs: list[Allocation], rate_bps: float) -> None:
        lp.allocations = allocs
        lp.rate_bps = rate_bps
        fwd = allocs[0]
        lp.route = fwd.path.nodes
        lp.length_km = fwd.path.length_km
        lp.modulation = "+".join(s.modulation for s in fwd.segments)
        rev = allocs[1] if len(allocs) > 1 else None
        lp.delay_s = [self._delay(fwd)] + ([self._delay(rev or fwd)] if lp.bidirectional else [])

    def _release(self, lp: Lightpath) -> None:
        for a in lp.allocations:
            self.rmsa.release(a)
        lp.allocations = []

    def _links_down(self, lp: Lightpath) -> int:
        before = sum(k.drops[LossReason.LINK_DOWN] for k in lp.links)
        for k in lp.links:
            k.up = False
        return sum(k.drops[LossReason.LINK_DOWN] for k in lp.links) - before

    def _bring_up(self, lp: Lightpath, gen: int) -> None:
        if gen != lp._gen or lp.state != "pending":
            return
        for k, d in zip(lp.links, lp.delay_s):
            k.rate_bps = lp.rate_bps
            k.delay_s = d
            k.up = True
        lp.state = "up"
        lp.up_since_s = self.sim.now_s
        if lp.outages and math.isnan(lp.outages[-1].up_at_s):
            o = lp.outages[-1]
            o.up_at_s = self.sim.now_s
            o.result = "restored" if o.result == "restoring" else "restored_after_repair"
            o.route_after = lp.route
            o.length_km_after = lp.length_km
            o.delay_s_after = lp.delay_s[0]
            o.rate_bps_after = lp.rate_bps

    def _plan(self, lp: Lightpath, *, after_repair: bool = False) -> bool:
        """Re-run RMSA for a down lightpath; up after the reconfiguration time."""
        res = self._allocate(lp)
        if lp.outages and math.isnan(lp.outages[-1].up_at_s):
            lp.outages[-1].attempts += 1
        if res is None:
            lp.state = "down"
            return False
        self._apply(lp, *res)
        lp.state = "pending"
        lp._gen += 1
        if lp.outages and math.isnan(lp.outages[-1].up_at_s):
            lp.outages[-1].result = "restoring_after_repair" if after_repair else "restoring"
        gen = lp._gen
        self.sim.call_in(self.roadm.reconfiguration_time_s, lambda: self._bring_up(lp, gen))
        return True

    # ------------------------------------------------------------------ public API
    def setup_lightpath(
        self,
        src: Any,
        dst: Any,
        rate_gbps: float | None = None,
        *,
        name: str | None = None,
        bidirectional: bool = True,
        immediate: bool = False,
    ) -> Lightpath:
        """Set up a lightpath and its core-network link(s).

        Parameters
        ----------
        src, dst : node
            End ROADMs.
        rate_gbps : float or None
            Client rate [Gb/s]; None: auto, the net rate of the densest format the route
            allows at :attr:`symbol_rate_gbaud` (needs a reach table of transceiver
            formats, see :func:`netsim.optical.physical_reach.gsnr_reach_table`).
        name : str, optional
            Default ``"src-dst"``.
        bidirectional : bool
            One link per direction.
        immediate : bool
            Up at once (a static, pre-provisioned lightpath); otherwise the links come up
            ``reconfiguration_time_s`` later.

        Returns
        -------
        Lightpath
            ``state`` is ``"down"`` and ``setup_blocked`` True if RMSA blocked it; its
            links then exist but are down.
        """
        for fld, node in (("src", src), ("dst", dst)):
            if node not in self.graph:
                raise ParameterError(fld, node, "a ROADM of the optical topology")
        if src == dst:
            raise ParameterError("dst", dst, f"a ROADM other than src={src!r}")
        if rate_gbps is not None and not (
            isinstance(rate_gbps, (int, float)) and math.isfinite(rate_gbps) and rate_gbps > 0
        ):
            raise ParameterError("rate_gbps", rate_gbps, "> 0 Gb/s or None (auto)")
        if rate_gbps is None:
            self._auto_formats()
        name = f"{src}-{dst}" if name is None else str(name)
        if name in self.lightpaths and self.lightpaths[name].state != "torn_down":
            raise ParameterError("name", name, "a lightpath name not in use")
        lp = Lightpath(name, src, dst, None if rate_gbps is None else float(rate_gbps),
                       bool(bidirectional), created_s=self.sim.now_s)
        for pair in self._directions(lp):
            other = self._by_pair.get(pair)
            if other in self.lightpaths and self.lightpaths[other].state != "torn_down":
                raise ParameterError(
                    "dst", dst, f"a pair without a lightpath ({other!r} joins {pair})"
                )
        res = self._allocate(lp)
        placeholder = (
            lp.rate_gbps * 1e9 if lp.rate_gbps is not None
            else net_rate_bps(self._auto_formats()[-1], self.symbol_rate_gbaud * 1e9)
        )
        lp.links = self.declare_links(src, dst, name=name, bidirectional=bidirectional,
                                      rate_bps=placeholder)
        self.lightpaths[name] = lp
        if res is None:
            lp.state = "down"
            lp.setup_blocked = True
            return lp
        self._apply(lp, *res)
        lp.state = "pending"
        lp._gen += 1
        if immediate:
            self._bring_up(lp, lp._gen)
        else:
            gen = lp._gen
            self.sim.call_in(self.roadm.reconfiguration_time_s, lambda: self._bring_up(lp, gen))
        return lp

    def declare_links(
        self,
        src: Any,
        dst: Any,
        *,
        name: str | None = None,
        bidirectional: bool = True,
        rate_bps: float = 1e9,
    ) -> list[NetLink]:
        """Create (down) the core link(s) a lightpath ``src``-``dst`` will use.

        Lets traffic and events refer to a lightpath set up later in the run. Links that
        this segment created before are reused; a core link it did not create is an
        error.

        Returns
        -------
        list of netsim.core.link.Link
            Forward link, then the reverse one if ``bidirectional``.
        """
        name = f"{src}-{dst}" if name is None else str(name)
        pairs = [(src, dst), (dst, src)] if bidirectional else [(src, dst)]
        out = []
        for pair in pairs:
            if self.net.graph.has_edge(*pair):
                if pair not in self._by_pair:
                    raise ParameterError(
                        "dst", pair[1], f"a pair without a core link not made by the segment {pair}"
                    )
                link = self.net.link(*pair)
            else:
                link = self.net.add_link(*pair, rate_bps=rate_bps, delay_s=0.0,
                                         bidirectional=False, segment=self.name, lightpath=name)
                link.up = False
            self._by_pair[pair] = name
            out.append(link)
        return out

    def teardown_lightpath(self, name: str) -> None:
        """Release a lightpath's spectrum and take its links down."""
        lp = self.lightpaths.get(name)
        if lp is None or lp.state == "torn_down":
            raise ParameterError("name", name, "an active lightpath")
        self._release(lp)
        self._links_down(lp)
        lp._gen += 1
        lp.state = "torn_down"

    def cut_fibre(self, a: Any, b: Any) -> list[str]:
        """Cut the fibre ``a``-``b`` (both directions) and start restoration.

        Returns
        -------
        list of str
            Names of the lightpaths it took down.
        """
        ids = set(self.rmsa.fibre_ids(a, b))
        if self.rmsa.is_failed(a, b):
            raise ParameterError("fibre", [a, b], "a fibre that is not cut already")
        now = self.sim.now_s
        hit = [
            lp for lp in self.lightpaths.values()
            if any(ids.intersection(s.fibres.tolist()) for al in lp.allocations
                   for s in al.segments)
        ]
        for lp in hit:
            route, length = lp.route, lp.length_km
            delay = lp.delay_s[0] if lp.delay_s else math.nan
            was_up = lp.state == "up"
            self._release(lp)
            lp._gen += 1
            lost = self._links_down(lp)
            if was_up or not lp.outages or not math.isnan(lp.outages[-1].up_at_s):
                lp.outages.append(Outage(lp.name, f"cut {a}-{b}", now, route, length, delay, lost))
            else:  # a restoration in progress is hit again: same outage goes on
                lp.outages[-1].packets_lost_link_down += lost
            lp.state = "down"
        self.rmsa.fail_fibre(a, b)
        self.cuts.append((now, a, b, "cut"))
        for lp in hit:
            self._plan(lp)
        return [lp.name for lp in hit]

    def repair_fibre(self, a: Any, b: Any) -> list[str]:
        """Repair the fibre ``a``-``b``; retry every lightpath that is down.

        Returns
        -------
        list of str
            Names of the lightpaths that found spectrum (up after the reconfiguration
            time).
        """
        self.rmsa.repair_fibre(a, b)
        self.cuts.append((self.sim.now_s, a, b, "repair"))
        return [lp.name for lp in self.lightpaths.values()
                if lp.state == "down" and self._plan(lp, after_repair=True)]

    # ------------------------------------------------------------------ results
    def lightpaths_table(self) -> pd.DataFrame:
        """One row per lightpath: route, format, slots, rate, delay, outages, state."""
        now = self.sim.now_s
        rows = []
        for lp in self.lightpaths.values():
            a = lp.allocations[0] if lp.allocations else None
            total = sum(o.outage_s(now) for o in lp.outages)
            span = now - lp.created_s
            rows.append({
                "lightpath": lp.name, "src": lp.src, "dst": lp.dst, "state": lp.state,
                "setup_blocked": lp.setup_blocked,
                "rate_bps": lp.rate_bps, "modulation": lp.modulation,
                "route": "-".join(map(str, lp.route)), "length_km": lp.length_km,
                "hops": len(lp.route) - 1 if lp.route else 0,
                "first_slot": a.first_slot if a else -1, "n_slots": a.n_slots if a else 0,
                "delay_s": lp.delay_s[0] if lp.delay_s else math.nan,
                "delay_s_reverse": lp.delay_s[1] if len(lp.delay_s) > 1 else math.nan,
                "created_s": lp.created_s, "up_since_s": lp.up_since_s,
                "n_outages": len(lp.outages), "outage_s": total,
                "availability": 1.0 - total / span if span > 0 else math.nan,
                "packets_lost_link_down": sum(k.drops[LossReason.LINK_DOWN] for k in lp.links),
            })
        return pd.DataFrame(rows)

    def outages_table(self) -> pd.DataFrame:
        """One row per outage: cause, times, result, route and delay before and after."""
        now = self.sim.now_s
        cols = ["lightpath", "cause", "down_at_s", "up_at_s", "outage_s", "result", "attempts",
                "route_before", "route_after", "length_km_before", "length_km_after",
                "delay_s_before", "delay_s_after", "rate_bps_after", "packets_lost_link_down"]
        rows = []
        for lp in self.lightpaths.values():
            for o in lp.outages:
                rows.append({
                    "lightpath": o.lightpath, "cause": o.cause, "down_at_s": o.down_at_s,
                    "up_at_s": o.up_at_s, "outage_s": o.outage_s(now), "result": o.result,
                    "attempts": o.attempts, "route_before": "-".join(map(str, o.route_before)),
                    "route_after": "-".join(map(str, o.route_after)),
                    "length_km_before": o.length_km_before, "length_km_after": o.length_km_after,
                    "delay_s_before": o.delay_s_before, "delay_s_after": o.delay_s_after,
                    "rate_bps_after": o.rate_bps_after,
                    "packets_lost_link_down": o.packets_lost_link_down,
                })
        return pd.DataFrame(rows, columns=cols)

    def kpis(self) -> dict[str, float]:
        """Scalar KPIs: lightpaths up, setups blocked, outages, restorations, outage time."""
        now = self.sim.now_s
        lps = list(self.lightpaths.values())
        outages = [o for lp in lps for o in lp.outages]
        restored = [o for o in outages if not math.isnan(o.up_at_s)]
        times = [o.outage_s(now) for o in outages]
        return {
            "optical_lightpaths": float(len(lps)),
            "optical_lightpaths_up": float(sum(lp.up for lp in lps)),
            "optical_setups_blocked": float(sum(lp.setup_blocked for lp in lps)),
            "optical_outages": float(len(outages)),
            "optical_restored": float(len(restored)),
            "optical_still_down": float(len(outages) - len(restored)),
            "optical_outage_total_s": float(sum(times)),
            "optical_outage_mean_s": float(sum(times) / len(times)) if times else 0.0,
            "optical_packets_lost_at_cuts": float(
                sum(o.packets_lost_link_down for o in outages)
            ),
        }
