"""The satellite segment: a constellation's links in a packet :class:`~netsim.Network`.

:class:`SatelliteSegment` adds one node per satellite (``"sat:<shell>:<plane>:<slot>"``)
and per ground station (the station's name) and owns the inter-satellite links (ISLs)
and ground-satellite links (GSLs) between them. One simulation event per epoch
(``epoch_s``, e.g. 100 ms) recomputes, vectorised over the whole constellation:

1. satellite Earth-fixed positions (the constellation's propagator);
2. ISL lengths and usability (:func:`netsim.space.isl.isl_lengths_km`);
3. GSLs: satellites at or above the minimum elevation of each station (the compiled
   kernel of :mod:`netsim.space.topology`), then the selection policy: ``"all"``
   (every visible satellite, as Hypatia, Kassing et al., IMC 2020),
   ``"highest_elevation"`` or ``"nearest"`` (one serving satellite per station;
   ``sticky`` keeps it until it sets);
4. GSL rates from a capacity model (:mod:`netsim.space.gsl_capacity`);
5. least-delay trees from the stations that need them (the compiled Dijkstra of
   :mod:`netsim.space.topology`, with tree reuse between epochs);

and then writes the result into the Network: a link that appears for the first time
is added (``add_link``), one that vanishes is set down (the core loses the packets it
holds, reason ``link_down``), one that reappears is set up again, and the delay and
rate of every present link are updated where they changed.

Delays: ``length / c`` (c = 299 792 458 m/s) on every link. A regenerative payload
adds ``processing_delay_s`` to every link that leaves a satellite (so once per
satellite a packet crosses, as in :class:`netsim.space.topology.TopologyGenerator`); a
transparent (bent-pipe) payload has no ISLs and no processing, and paths relay through
ground stations.

Routing: ``"core"`` leaves the flows to the Network's shortest-delay routing, which
reacts to every change (and may pass through any node, ground stations included);
``"snapshot"`` pins every flow between two stations of the segment to the segment's
least-delay path of the epoch (with or without ground relays), which costs a few
microseconds per flow per epoch instead of a Dijkstra run in networkx.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

import numba
import numpy as np

from netsim.core.network import Network
from netsim.core.simulation import Callback
from netsim.errors import ParameterError
from netsim.space.ground import GroundStations
from netsim.space.gsl_capacity import FixedRate
from netsim.space.isl import IslPattern, isl_lengths_km
from netsim.space.topology import least_delay_trees, link_graph_csr, visible_gsl_links
from netsim.units import SPEED_OF_LIGHT_M_S

__all__ = ["SatelliteSegment", "EpochState", "POLICIES", "PAYLOADS", "ROUTINGS",
           "satellite_node_names"]

POLICIES = ("all", "highest_elevation", "nearest")
"""GSL selection policies of the segment."""
PAYLOADS = ("regenerative", "transparent")
"""Satellite payloads: regenerative (on-board processing, ISLs allowed) or transparent
(bent pipe: no ISLs, no processing, ground relays)."""
ROUTINGS = ("core", "snapshot")
"""Who routes flows between stations: the core, or the segment's snapshot paths."""

_C_KM_S = SPEED_OF_LIGHT_M_S / 1000.0


def satellite_node_names(constellation) -> list[str]:
    """Network node names of the satellites: ``"sat:<shell>:<plane>:<slot>"``."""
    return [f"sat:{k}:{p}:{s}" for k, p, s in zip(
        np.asarray(constellation.shell).tolist(), np.asarray(constellation.plane).tolist(),
        np.asarray(constellation.slot).tolist())]


@dataclass(frozen=True)
class EpochState:
    """What the segment computed at one epoch (arrays; satellites ``0..N-1``).

    Attributes
    ----------
    t_s : float
        Simulated time of the epoch (s).
    isl_usable : numpy.ndarray of bool, shape (E,)
        Which candidate ISLs are usable.
    isl_delay_s : numpy.ndarray, shape (E,)
        Propagation delay ``length / c`` of every candidate ISL (s).
    gsl_station, gsl_satellite : numpy.ndarray of int64, shape (L,)
        Present GSLs after the selection policy and the capacity model.
    gsl_delay_s, gsl_elevation_deg : numpy.ndarray, shape (L,)
        Propagation delay ``slant range / c`` (s) and elevation (deg).
    gsl_up_rate_bps, gsl_down_rate_bps : numpy.ndarray, shape (L,)
        Rates station -> satellite and satellite -> station.
    serving : numpy.ndarray of int64, shape (G,)
        Serving satellite of each station (single-satellite policies; -1 if none or
        for policy ``"all"``).
    """

    t_s: float
    isl_usable: np.ndarray
    isl_delay_s: np.ndarray
    gsl_station: np.ndarray
    gsl_satellite: np.ndarray
    gsl_delay_s: np.ndarray
    gsl_elevation_deg: np.ndarray
    gsl_up_rate_bps: np.ndarray
    gsl_down_rate_bps: np.ndarray
    serving: np.ndarray


class SatelliteSegment:
    """A constellation's ISLs and GSLs, kept true in a Network epoch by epoch.

    Parameters
    ----------
    net : netsim.Network
    constellation : netsim.space.constellation.Constellation
        Anything with ``count``, ``shell``, ``plane``, ``slot`` and
        ``positions_ecef_km(t_s)`` ((T, N, 3) for an array of times).
    stations : GroundStations
        Ground stations; their ``names`` become node names (an existing node of that
        name is reused).
    isl : IslPattern or None
        Candidate ISLs (e.g. :func:`netsim.space.isl.plus_grid`) with their laser rate;
        None for no ISLs.
    min_elevation_deg : float
        Minimum elevation of a GSL, [0, 90] deg.
    epoch_s : float
        Time between topology updates (s), > 0.
    t0_s : float
        Constellation time (s since its ``epoch_jd``) at the segment's first epoch (its
        construction; simulated time 0 in a scenario). Epoch ``k`` is at simulated time
        ``start + k * epoch_s`` and constellation time ``t0_s + k * epoch_s``.
    policy : {"all", "highest_elevation", "nearest"}
        GSL selection; ``sticky`` keeps a serving satellite until it sets.
    uplink, downlink : FixedRate or LinkBudgetRate
        Rate models station -> satellite and satellite -> station (``downlink``
        defaults to ``uplink``). A GSL whose rate is 0 in either direction is absent.
    payload : {"regenerative", "transparent"}
        See the module docstring.
    processing_delay_s : float
        On-board processing of a regenerative payload, added once per satellite (s).
    routing : {"core", "snapshot"}
        See the module docstring.
    stations_relay : bool or None
        Whether least-delay paths may pass through ground stations. ``None``: True for
        core routing (the core may route through any node) and transparent payloads,
        else False. False is not allowed with core routing.
    report_pairs : list of (str, str)
        Station pairs whose least delay and path are recorded every epoch
        (:meth:`path_table`).
    isl_buffer_packets, gsl_buffer_packets : int or None
        Output-queue limits of the links (None: unlimited).
    delay_resolution_s : float
        A link's delay is rewritten only when it moved by more than this (s); 0 (the
        default) rewrites every change.
    threads : int or None
        Numba threads for the per-station kernels (None: numba's setting).
    batch : int
        Epochs whose positions are computed in one vectorised call.
    """

    def __init__(
        self,
        net: Network,
        constellation,
        stations: GroundStations,
        *,
        isl: IslPattern | None,
        min_elevation_deg: float = 25.0,
        epoch_s: float = 0.1,
        t0_s: float = 0.0,
        policy: str = "all",
        sticky: bool = False,
        uplink=None,
        downlink=None,
        payload: str = "regenerative",
        processing_delay_s: float = 0.0,
        routing: str = "core",
        stations_relay: bool | None = None,
        report_pairs=(),
        isl_buffer_packets: int | None = None,
        gsl_buffer_packets: int | None = None,
        delay_resolution_s: float = 0.0,
        threads: int | None = None,
        batch: int = 64,
    ):
        if not isinstance(net, Network):
            raise ParameterError("net", net, "a netsim.Network")
        if not (isinstance(min_elevation_deg, (int, float)) and 0.0 <= min_elevation_deg <= 90.0):
            raise ParameterError("min_elevation_deg", min_elevation_deg, "[0, 90] deg")
        if not (isinstance(epoch_s, (int, float)) and math.isfinite(epoch_s) and epoch_s > 0):
            raise ParameterError("epoch_s", epoch_s, "a finite time > 0 s")
        if not (isinstance(t0_s, (int, float)) and math.isfinite(t0_s)):
            raise ParameterError("t0_s", t0_s, "a finite time (s)")
        if policy not in POLICIES:
            raise ParameterError("policy", policy, f"one of {POLICIES}")
        if payload not in PAYLOADS:
            raise ParameterError("payload", payload, f"one of {PAYLOADS}")
        if routing not in ROUTINGS:
            raise ParameterError("routing", routing, f"one of {ROUTINGS}")
        if not (math.isfinite(processing_delay_s) and processing_delay_s >= 0.0):
            raise ParameterError("processing_delay_s", processing_delay_s, ">= 0 s")
        if not (math.isfinite(delay_resolution_s) and delay_resolution_s >= 0.0):
            raise ParameterError("delay_resolution_s", delay_resolution_s, ">= 0 s")
        if payload == "transparent":
            if isl is not None and isl.pairs.size:
                raise ParameterError("isl", "ISLs", "None with a transparent (bent-pipe) payload")
            if processing_delay_s != 0.0:
                raise ParameterError("processing_delay_s", processing_delay_s,
                                     "0 with a transparent (bent-pipe) payload")
        if stations_relay is None:
            stations_relay = routing == "core" or payload == "transparent"
        if routing == "core" and not stations_relay:
            raise ParameterError("stations_relay", stations_relay,
                                 "True with routing 'core' (the core may route through any "
                                 "node); use routing 'snapshot' for paths without relays")
        if threads is not None and not 1 <= threads <= numba.config.NUMBA_NUM_THREADS:
            raise ParameterError("threads", threads,
                                 f"None or 1 .. {numba.config.NUMBA_NUM_THREADS}")
        uplink = FixedRate(1e9) if uplink is None else uplink
        downlink = uplink if downlink is None else downlink
        for field, m in (("uplink", uplink), ("downlink", downlink)):
            if not hasattr(m, "rates_bps"):
                raise ParameterError(field, m, "a FixedRate or LinkBudgetRate")
            if min_elevation_deg < m.min_elevation_deg:
                raise ParameterError(
                    "min_elevation_deg", min_elevation_deg,
                    f">= {m.min_elevation_deg} deg for the {field} loss models "
                    "(TR 38.811 6.6.4 and Table 6.6.6.2.1-1 start at 10 deg)")
        self.net = net
        self.sim = net.sim
        self.constellation = constellation
        self.stations = stations
        self.n_sat = n_sat = int(constellation.count)
        self.n_st = n_st = stations.count
        if isl is None:
            isl = IslPattern(np.empty((0, 2), dtype=np.int64))
        if isl.pairs.size and isl.pairs.max() >= n_sat:
            raise ParameterError("isl.pairs", int(isl.pairs.max()), f"< {n_sat}")
        self.isl = isl
        self.min_elevation_deg = float(min_elevation_deg)
        self.epoch_s = float(epoch_s)
        self.t0_s = float(t0_s)
        self.policy = policy
        self.sticky = bool(sticky)
        self.uplink, self.downlink = uplink, downlink
        self.payload = payload
        self.processing_delay_s = float(processing_delay_s)
        self.routing = routing
        self.stations_relay = bool(stations_relay)
        self.delay_resolution_s = float(delay_resolution_s)
        self.threads = threads
        self.batch = int(batch)
        self.sat_names = satellite_node_names(constellation)
        self.station_names = list(stations.names)
        self._st_index = {n: g for g, n in enumerate(self.station_names)}
        if len(self._st_index) != n_st:
            raise ParameterError("stations.names", self.station_names, "unique names")
        self.report_pairs = []
        for i, (a, b) in enumerate(report_pairs):
            for end, v in (("0", a), ("1", b)):
                if v not in self._st_index:
                    raise ParameterError(f"report_pairs[{i}][{end}]", v, "a station name")
            if a == b:
                raise ParameterError(f"report_pairs[{i}]", (a, b), "two different stations")
            self.report_pairs.append((self._st_index[a], self._st_index[b]))
        self._bufs = {"isl": isl_buffer_packets, "gsl": gsl_buffer_packets}
        for name in self.sat_names:
            net.add_node(name, segment="space", kind="satellite")
        for name in self.station_names:
            if name not in net.graph:
                net.add_node(name, segment="space", kind="ground_station")
        # link slots: ISL e -> slot e; GSLs get slots E, E+1, ... on first appearance
        n_isl = isl.pairs.shape[0]
        self._n_isl = n_isl
        self._fwd: list = [None] * n_isl
        self._rev: list = [None] * n_isl
        self._up = np.zeros(n_isl, dtype=bool)
        self._made = np.zeros(n_isl, dtype=bool)
        self._dfwd = np.full(n_isl, np.nan)
        self._drev = np.full(n_isl, np.nan)
        self._rfwd = np.full(n_isl, np.nan)
        self._rrev = np.full(n_isl, np.nan)
        self._gsl_slot = np.full(n_st * n_sat, -1, dtype=np.int64)
        self._slot_pair = [(int(a), int(b)) for a, b in isl.pairs.tolist()]
        # kernels' buffers
        self._sin_min_el = math.sin(math.radians(min_elevation_deg))
        self._buf_sat = np.empty((n_st, n_sat), dtype=np.int64)
        self._buf_rng = np.empty((n_st, n_sat))
        self._counts = np.empty(n_st, dtype=np.int64)
        self._serving = np.full(n_st, -1, dtype=np.int64)
        self._set_sources({g for g, _ in self.report_pairs})
        self._flip = 0
        self._prev_pred = None
        self.pred = None
        """Predecessor table of the last epoch's trees, (sources, N + G) int32."""
        self.station_delay_s = None
        """Least delays of the last epoch from each source station, (sources, G) (s)."""
        self._pos_t = None
        self._pos = None
        self._k = 0
        self._t_start = self.sim.now_s
        # records
        self.epochs = 0
        self.links_created = 0
        self._churn: list[tuple] = []
        self._paths: list[tuple] = []
        self._last_path: dict[tuple, tuple] = {}
        self._handovers: list[tuple] = []
        self._managed: set[str] = set()
        self.wall_s = 0.0
        """Wall-clock time spent in the epoch updates (s)."""
        self.state: EpochState | None = None
        """The last epoch's :class:`EpochState`."""
        self._cb = Callback(self._on_epoch)
        self._update()
        if routing == "snapshot":  # pin flows added after construction at t = now
            self.sim.schedule(0.0, Callback(lambda _cb: self._pin_flows()))
        self.sim.schedule(self.epoch_s, self._cb)

    # ------------------------------------------------------------------ geometry
    def _positions(self, k: int) -> np.ndarray:
        """Satellite ECEF positions (km) at epoch ``k`` (computed in batches)."""
        if self._pos_t is None or not self._pos_t <= k < self._pos_t + len(self._pos):
            ks = np.arange(k, k + self.batch)
            self._pos = self.constellation.positions_ecef_km(self.t0_s + ks * self.epoch_s)
            self._pos_t = k
        return np.ascontiguousarray(self._pos[k - self._pos_t])

    def compute(self, t_s: float, sat: np.ndarray) -> EpochState:
        """Links of one epoch from satellite ECEF positions ``sat`` (N, 3) km.

        Pure computation apart from the sticky serving satellites it remembers.
        """
        length, ok = isl_lengths_km(self.isl, sat)
        st = self.stations
        g_st, g_sat, g_rng = visible_gsl_links(sat, st.ecef_km, st.up, self._sin_min_el,
                                               self._buf_sat, self._buf_rng, self._counts)
        dvec = sat[g_sat] - st.ecef_km[g_st]
        sin_el = np.einsum("ij,ij->i", dvec, st.up[g_st]) / g_rng
        el = np.rad2deg(np.arcsin(np.clip(sin_el, -1.0, 1.0)))
        serving = np.full(self.n_st, -1, dtype=np.int64)
        if self.policy != "all" and g_st.size:
            score = el if self.policy == "highest_elevation" else -g_rng
            # best per station: sort by (station, -score) and take the first of each run
            order = np.lexsort((-score, g_st))
            first = order[np.r_[True, g_st[order][1:] != g_st[order][:-1]]]
            serving[g_st[first]] = g_sat[first]
            if self.sticky:
                prev = self._serving
                key = g_st * self.n_sat + g_sat
                still = np.isin(np.arange(self.n_st) * self.n_sat + prev, key) & (prev >= 0)
                serving = np.where(still, prev, serving)
            keep = serving[g_st] == g_sat
            g_st, g_sat, g_rng, el = g_st[keep], g_sat[keep], g_rng[keep], el[keep]
        lat = st.latitude_deg[g_st]
        d_m = g_rng * 1e3
        up = self.uplink.rates_bps(el, d_m, lat) if g_st.size else np.empty(0)
        down = self.downlink.rates_bps(el, d_m, lat) if g_st.size else np.empty(0)
        closes = (up > 0) & (down > 0)
        if not closes.all():
            g_st, g_sat, g_rng, el = g_st[closes], g_sat[closes], g_rng[closes], el[closes]
            up, down = up[closes], down[closes]
            if self.policy != "all":
                serving = np.full(self.n_st, -1, dtype=np.int64)
                serving[g_st] = g_sat
        return EpochState(float(t_s), ok, length / _C_KM_S, g_st, g_sat, g_rng / _C_KM_S,
                          el, up, down, serving)

    def _set_sources(self, stations: set) -> None:
        """Track least-delay trees from these station indices (forgets reusable trees)."""
        self._sources_st = np.array(sorted(stations), dtype=np.int64)
        self._src_row = {int(g): i for i, g in enumerate(self._sources_st)}
        n_src, n_nodes = self._sources_st.size, self.n_sat + self.n_st
        self._order = np.empty((2, n_src, n_nodes), dtype=np.int32)
        self._n_done = np.zeros((2, n_src), dtype=np.int64)
        self._prev_pred = None

    def _snapshot_flows(self) -> list:
        """Flows the segment routes (snapshot routing): not pinned by anyone else, both
        ends stations of the segment."""
        idx = self._st_index
        out = []
        for flow in self.net.flows.values():
            if flow.name not in self._managed:
                if flow.pinned or flow.src not in idx or flow.dst not in idx:
                    continue
                self._managed.add(flow.name)
            out.append(flow)
        return out

    def _routes(self, s: EpochState) -> None:
        """Least-delay trees from the source stations (compiled Dijkstra, tree reuse)."""
        if self._sources_st.size == 0:
            return
        n_nodes = self.n_sat + self.n_st
        indptr, indices, weights = link_graph_csr(n_nodes, self.n_sat, self.isl.pairs,
                                                  s.isl_usable, s.isl_delay_s, s.gsl_station,
                                                  s.gsl_satellite, s.gsl_delay_s)
        n_src = self._sources_st.size
        dist = np.empty((n_src, self.n_st))
        pred = np.empty((n_src, n_nodes), dtype=np.int32)
        self._flip = 1 - self._flip
        reused = np.empty(n_src, dtype=np.bool_)
        have_prev = self._prev_pred is not None
        no_transit = n_nodes if self.stations_relay else self.n_sat
        least_delay_trees(
            indptr, indices, weights, self._sources_st + self.n_sat, no_transit, self.n_sat,
            self.processing_delay_s, 1e-12, self._prev_pred if have_prev else pred,
            self._order[1 - self._flip], self._n_done[1 - self._flip], have_prev, dist, pred,
            self._order[self._flip], self._n_done[self._flip], reused,
        )  # fmt: skip
        self._prev_pred = pred
        self.pred, self.station_delay_s = pred, dist

    def path(self, src: str, dst: str) -> list[str]:
        """Node names of the last epoch's least-delay path between two stations
        (``[]`` if unreachable); ``src`` must be a source the segment tracks (a station
        of ``report_pairs``, or any station with snapshot routing)."""
        g, h = self._st_index[src], self._st_index[dst]
        return [self._node_name(v) for v in self._path_ids(g, h)]

    def _path_ids(self, g: int, h: int) -> list[int]:
        row = self._src_row.get(g)
        if row is None:
            raise ParameterError("src", self.station_names[g], "a tracked source station")
        if not np.isfinite(self.station_delay_s[row, h]):
            return []
        pred = self.pred[row]
        node, end = self.n_sat + h, self.n_sat + g
        out = [node]
        while node != end:
            node = int(pred[node])
            out.append(node)
        return out[::-1]

    def _node_name(self, v: int) -> str:
        return self.sat_names[v] if v < self.n_sat else self.station_names[v - self.n_sat]

    # ------------------------------------------------------------------ network
    def _grow(self, extra: int) -> None:
        pad = np.full(extra, np.nan)
        self._up = np.concatenate([self._up, np.zeros(extra, dtype=bool)])
        self._made = np.concatenate([self._made, np.zeros(extra, dtype=bool)])
        self._dfwd = np.concatenate([self._dfwd, pad])
        self._drev = np.concatenate([self._drev, pad])
        self._rfwd = np.concatenate([self._rfwd, pad])
        self._rrev = np.concatenate([self._rrev, pad])
        self._fwd += [None] * extra
        self._rev += [None] * extra

    def _apply(self, s: EpochState) -> tuple[int, int, int]:
        """Write the epoch into the Network; returns (created, set down, set up)."""
        net = self.net
        proc = self.processing_delay_s
        n_isl = self._n_isl
        # slots of present links and their target state
        isl_slots = np.flatnonzero(s.isl_usable)
        keys = s.gsl_station * self.n_sat + s.gsl_satellite
        gslot = self._gsl_slot[keys]
        new = np.flatnonzero(gslot < 0)
        if new.size:
            first = len(self._fwd)
            gslot[new] = first + np.arange(new.size)
            self._gsl_slot[keys[new]] = gslot[new]
            self._grow(new.size)
            self._slot_pair += [(int(a), int(b)) for a, b in
                                zip(s.gsl_station[new].tolist(), s.gsl_satellite[new].tolist())]
        slots = np.concatenate([isl_slots, gslot])
        dfwd = np.concatenate([s.isl_delay_s[isl_slots] + proc, s.gsl_delay_s])
        drev = np.concatenate([s.isl_delay_s[isl_slots] + proc, s.gsl_delay_s + proc])
        r_isl = np.full(isl_slots.size, self.isl.rate_bps)
        rfwd = np.concatenate([r_isl, s.gsl_up_rate_bps])
        rrev = np.concatenate([r_isl, s.gsl_down_rate_bps])
        present = np.zeros(len(self._fwd), dtype=bool)
        present[slots] = True
        # 1) links that vanish: down (their packets are lost, reason link_down)
        down = np.flatnonzero(self._up & ~present)
        for k in down.tolist():
            self._fwd[k].up = False
            self._rev[k].up = False
        self._up[down] = False
        # 2) first appearances: add links
        fwd, rev = self._fwd, self._rev
        created = 0
        is_new = ~self._made[slots]
        for i in np.flatnonzero(is_new).tolist():
            k = int(slots[i])
            a, b = self._slot_pair[k]
            if k < n_isl:
                na, nb, buf = self.sat_names[a], self.sat_names[b], self._bufs["isl"]
                kind = "isl"
            else:
                na, nb, buf = self.station_names[a], self.sat_names[b], self._bufs["gsl"]
                kind = "gsl"
            link = net.add_link(na, nb, rate_bps=float(rfwd[i]), delay_s=float(dfwd[i]),
                                buffer_packets=buf, segment="space", kind=kind)
            back = net.link(nb, na)
            back.rate_bps = float(rrev[i])
            back.delay_s = float(drev[i])
            fwd[k], rev[k] = link, back
            self._dfwd[k], self._drev[k] = dfwd[i], drev[i]
            self._rfwd[k], self._rrev[k] = rfwd[i], rrev[i]
            self._up[k] = True
            self._made[k] = True
            created += 1
        # 3) delays and rates that moved
        res = self.delay_resolution_s
        cmp = slots[~is_new] if created else slots
        sel = ~is_new if created else slice(None)
        dfwd, drev, rfwd, rrev = dfwd[sel], drev[sel], rfwd[sel], rrev[sel]
        for arr, new_v, links, attr in (
            (self._dfwd, dfwd, fwd, "delay_s"), (self._drev, drev, rev, "delay_s"),
            (self._rfwd, rfwd, fwd, "rate_bps"), (self._rrev, rrev, rev, "rate_bps"),
        ):
            tol = res if attr == "delay_s" else 0.0
            moved = np.flatnonzero(~(np.abs(arr[cmp] - new_v) <= tol))
            if moved.size:
                ks = cmp[moved]
                for k, v in zip(ks.tolist(), new_v[moved].tolist()):
                    setattr(links[k], attr, v)
                arr[ks] = new_v[moved]
        # 4) links that reappear: up (after their state was refreshed)
        back_up = cmp[~self._up[cmp]]
        for k in back_up.tolist():
            fwd[k].up = True
            rev[k].up = True
        self._up[back_up] = True
        self.links_created += created
        return created, int(down.size), int(back_up.size)

    def _pin_flows(self, recompute: bool = True) -> None:
        idx = self._st_index
        flows = self._snapshot_flows()
        need = {idx[f.src] for f in flows}
        if not need <= set(self._src_row):  # new sources: trees from them too
            self._set_sources(need | set(self._src_row))
            if recompute:
                self._routes(self.state)
        for flow in flows:
            ids = self._path_ids(idx[flow.src], idx[flow.dst])
            self.net.set_path(flow, [self._node_name(v) for v in ids] if ids else None)

    # ------------------------------------------------------------------ epochs
    def _update(self) -> None:
        w0 = time.perf_counter()
        k = self._k
        t_sim = round(self.sim.now_s, 12)
        sat = self._positions(k)
        if self.threads is not None:
            saved = numba.get_num_threads()
            numba.set_num_threads(self.threads)
        try:
            s = self.compute(t_sim, sat)
            if self.routing == "snapshot":
                need = {self._st_index[f.src] for f in self._snapshot_flows()}
                if not need <= set(self._src_row):
                    self._set_sources(need | set(self._src_row))
            self._routes(s)
        finally:
            if self.threads is not None:
                numba.set_num_threads(saved)
        if self.policy != "all":
            changed = np.flatnonzero(s.serving != self._serving)
            if self.epochs:
                for g in changed.tolist():
                    self._handovers.append((t_sim, self.station_names[g],
                                            self._sat_label(self._serving[g]),
                                            self._sat_label(s.serving[g])))
            self._serving = s.serving
        created, n_down, n_up = self._apply(s)
        self.state = s
        if self.routing == "snapshot":
            self._pin_flows(recompute=False)
        for g, h in self.report_pairs:
            ids = self._path_ids(g, h)
            d = float(self.station_delay_s[self._src_row[g], h])
            key = (g, h)
            path = tuple(ids)
            changed = key in self._last_path and self._last_path[key] != path
            self._last_path[key] = path
            self._paths.append((t_sim, self.station_names[g], self.station_names[h],
                                d if math.isfinite(d) else math.nan, max(len(ids) - 1, 0),
                                changed, " ".join(self._node_name(v) for v in ids)))
        self._churn.append((t_sim, int(s.isl_usable.sum()), int(s.gsl_station.size),
                            created, n_down, n_up))
        self.epochs += 1
        self._k = k + 1
        self.wall_s += time.perf_counter() - w0

    def _sat_label(self, j: int) -> str:
        return self.sat_names[j] if j >= 0 else ""

    def _on_epoch(self, cb: Callback) -> None:
        self._update()
        # absolute epoch times k * epoch_s (no drift from summing epoch_s)
        self.sim.schedule(self._t_start + self._k * self.epoch_s - self.sim.env.now, cb)

    # ------------------------------------------------------------------ results
    @property
    def start_s(self) -> float:
        """Simulated time of epoch 0 (s): epoch ``k`` is computed at
        ``start_s + k * epoch_s``."""
        return self._t_start

    @property
    def next_epoch(self) -> int:
        """Index of the next epoch to compute (the epochs computed so far)."""
        return self._k

    def path_rows(self, start: int = 0) -> list[tuple]:
        """Rows of :meth:`path_table` recorded so far, from row ``start`` on.

        A list of tuples in the table's column order (``t_s, src, dst, delay_s, hops,
        path_changed, path``), for readers that consume the rows incrementally without
        building a DataFrame each time.
        """
        return self._paths[start:]

    def path_table(self):
        """Per epoch and reported pair: ``t_s, src, dst, delay_s`` (one-way least
        delay, processing included; NaN if unreachable), ``hops``, ``path_changed``
        and ``path`` (node names)."""
        import pandas as pd

        return pd.DataFrame(self._paths, columns=["t_s", "src", "dst", "delay_s", "hops",
                                                  "path_changed", "path"])

    def churn_table(self):
        """Per epoch: usable ISLs, present GSLs, links created, set down, set up again
        (counted in bidirectional pairs)."""
        import pandas as pd

        return pd.DataFrame(self._churn, columns=["t_s", "isl_up", "gsl_up", "links_created",
                                                  "links_down", "links_up_again"])

    def handover_table(self):
        """Serving-satellite changes: ``t_s, station, from_sat, to_sat`` (``""`` for
        acquisition or loss); empty with policy ``"all"``."""
        import pandas as pd

        return pd.DataFrame(self._handovers, columns=["t_s", "station", "from_sat", "to_sat"])

    def links(self) -> list:
        """Every directed Link the segment owns (both directions of each pair)."""
        return [x for pair in zip(self._fwd, self._rev) for x in pair if x is not None]

    def kpis(self) -> dict[str, float]:
        """Counts over the run: epochs, links created, links set down / up, handovers,
        path changes of the reported pairs, packets lost on the segment's links because
        a link went down."""
        churn = self.churn_table()
        paths = self.path_table()
        lost = sum(link.drops.get("link_down", 0) for link in self.links())
        return {
            "space_epochs": float(self.epochs),
            "space_links_created": float(self.links_created),
            "space_links_down": float(churn["links_down"].sum()),
            "space_links_up_again": float(churn["links_up_again"].sum()),
            "space_handovers": float(len(self._handovers)),
            "space_path_changes": float(paths["path_changed"].sum()) if len(paths) else 0.0,
            "space_lost_link_down": float(lost),
        }
