"""Time-varying topology of a constellation with ISLs and ground stations.

At every epoch the generator computes, in compiled code:

1. satellite Earth-fixed positions (:class:`netsim.space.constellation.Constellation`);
2. the usable ISLs of an :class:`netsim.space.isl.IslPattern` (range and line-of-sight
   limits) and their one-way delays ``length / c``;
3. the ground-satellite links (GSLs): every satellite a station sees at or above the
   minimum elevation, as in Hypatia (Kassing et al., "Exploring the 'Internet from
   space' with Hypatia", IMC 2020), with delays ``slant range / c``;
4. shortest (least-delay) paths between every pair of stations: Dijkstra's algorithm
   (indexed binary heap) run from each station only, in parallel over stations.
   By default stations are end points only (a path may not pass through a third
   station); ``stations_relay=True`` lets stations forward (ground relays).

Tree reuse between epochs: before running Dijkstra for a station, the generator
re-evaluates that station's tree of the previous epoch on the new delays and keeps it
when every tree link still exists and no link shortens a path by more than
``path_tolerance_s`` (Bellman's optimality conditions). Between 100 ms epochs most trees
survive, which is where most of the speed comes from; the check is exact, so a result
never depends on whether a tree was reused beyond that tolerance.

Satellite payloads: ``processing_delay_s`` is added once per satellite on a path
(regenerative payload); 0 models a transparent (bent-pipe) payload.

Propagation at ``c = 299 792 458 m/s`` (SI exact, :mod:`netsim.units`) in vacuum for
every link; the atmosphere's excess delay (centimetres) is neglected.

Node numbering: satellites ``0 .. N-1``, stations ``N .. N+G-1``.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

import numba
import numpy as np

from netsim.errors import ParameterError
from netsim.space.ground import GroundStations
from netsim.space.isl import IslPattern, isl_lengths_km
from netsim.units import SPEED_OF_LIGHT_M_S

__all__ = [
    "TopologySnapshot",
    "TopologyGenerator",
    "LinkChanges",
    "link_changes",
    "visible_gsl_links",
    "link_graph_csr",
    "least_delay_trees",
]

_C_KM_S = SPEED_OF_LIGHT_M_S / 1000.0


# --------------------------------------------------------------------------- kernels
@numba.njit(cache=True, parallel=True)
def visible_gsl_links(
    sat_ecef_km, station_ecef_km, station_up, sin_min_elevation, buf_sat, buf_rng, counts
):  # pragma: no cover
    """Every (station, satellite) pair at or above a station's minimum elevation.

    Compiled, parallel over stations. A satellite is visible when the sine of its
    elevation, ``(r_sat - r_st) . u_up / |r_sat - r_st|``, is at least
    ``sin_min_elevation`` (the Hypatia GSL rule, Kassing et al., IMC 2020).

    Parameters
    ----------
    sat_ecef_km : numpy.ndarray
        float64 ``(N, 3)``, satellite Earth-fixed positions [km].
    station_ecef_km, station_up : numpy.ndarray
        float64 ``(G, 3)``: station positions [km] and local-up unit vectors
        (:class:`netsim.space.ground.GroundStations` ``ecef_km`` and ``up``).
    sin_min_elevation : float
        Sine of the minimum elevation.
    buf_sat, buf_rng, counts : numpy.ndarray
        Work buffers: int64 ``(G, N)``, float64 ``(G, N)``, int64 ``(G,)``.

    Returns
    -------
    station, satellite : numpy.ndarray
        int64 ``(L,)``, ordered by station then satellite index.
    range_km : numpy.ndarray
        float64 ``(L,)``, slant range [km].
    """
    n_g = station_ecef_km.shape[0]
    n_s = sat_ecef_km.shape[0]
    for g in numba.prange(n_g):
        sx, sy, sz = station_ecef_km[g, 0], station_ecef_km[g, 1], station_ecef_km[g, 2]
        ux, uy, uz = station_up[g, 0], station_up[g, 1], station_up[g, 2]
        m = 0
        for j in range(n_s):
            dx = sat_ecef_km[j, 0] - sx
            dy = sat_ecef_km[j, 1] - sy
            dz = sat_ecef_km[j, 2] - sz
            dot = dx * ux + dy * uy + dz * uz
            if dot < 0.0 and sin_min_elevation >= 0.0:
                continue
            d = math.sqrt(dx * dx + dy * dy + dz * dz)
            if dot >= sin_min_elevation * d:
                buf_sat[g, m] = j
                buf_rng[g, m] = d
                m += 1
        counts[g] = m
    total = 0
    for g in range(n_g):
        total += counts[g]
    g_st = np.empty(total, dtype=np.int64)
    g_sat = np.empty(total, dtype=np.int64)
    g_rng = np.empty(total)
    k = 0
    for g in range(n_g):
        for i in range(counts[g]):
            g_st[k] = g
            g_sat[k] = buf_sat[g, i]
            g_rng[k] = buf_rng[g, i]
            k += 1
    return g_st, g_sat, g_rng


@numba.njit(cache=True)
def link_graph_csr(
    n_nodes, n_sat, pairs, isl_ok, isl_delay, g_st, g_sat, g_delay
):  # pragma: no cover
    """The undirected link graph of an epoch (ISLs and GSLs, both ways) as CSR arrays.

    Node numbering: satellites ``0 .. N-1``, stations ``N .. N+G-1``.

    Parameters
    ----------
    n_nodes, n_sat : int
        ``N + G`` and ``N``.
    pairs : numpy.ndarray
        int ``(E, 2)``, candidate ISLs (satellite indices).
    isl_ok : numpy.ndarray
        bool ``(E,)``, usable ISLs (the others are left out).
    isl_delay : numpy.ndarray
        float64 ``(E,)``, ISL weights (delays [s]).
    g_st, g_sat : numpy.ndarray
        int ``(L,)``, GSLs: station index (``0 .. G-1``) and satellite index.
    g_delay : numpy.ndarray
        float64 ``(L,)``, GSL weights (delays [s]).

    Returns
    -------
    indptr : numpy.ndarray
        int64 ``(N + G + 1,)``; the neighbours of node ``u`` are entries
        ``indptr[u] .. indptr[u + 1] - 1``.
    indices, weights : numpy.ndarray
        int64 and float64, ``(2 (E_usable + L),)``: neighbour and link weight.
    """
    deg = np.zeros(n_nodes + 1, dtype=np.int64)
    for e in range(pairs.shape[0]):
        if isl_ok[e]:
            deg[pairs[e, 0] + 1] += 1
            deg[pairs[e, 1] + 1] += 1
    for k in range(g_st.shape[0]):
        deg[n_sat + g_st[k] + 1] += 1
        deg[g_sat[k] + 1] += 1
    indptr = np.cumsum(deg)
    fill = indptr[:-1].copy()
    indices = np.empty(indptr[-1], dtype=np.int64)
    weights = np.empty(indptr[-1])
    for e in range(pairs.shape[0]):
        if isl_ok[e]:
            a = pairs[e, 0]
            b = pairs[e, 1]
            indices[fill[a]] = b
            weights[fill[a]] = isl_delay[e]
            fill[a] += 1
            indices[fill[b]] = a
            weights[fill[b]] = isl_delay[e]
            fill[b] += 1
    for k in range(g_st.shape[0]):
        s = n_sat + g_st[k]
        j = g_sat[k]
        indices[fill[s]] = j
        weights[fill[s]] = g_delay[k]
        fill[s] += 1
        indices[fill[j]] = s
        weights[fill[j]] = g_delay[k]
        fill[j] += 1
    return indptr, indices, weights


@numba.njit(cache=True)
def _dijkstra_one(
    indptr, indices, weights, src, no_transit_from, n_sat, hop_s, d, p, order
):  # pragma: no cover
    """Dijkstra from ``src`` with a binary heap indexed by node (decrease-key; Cormen et
    al., *Introduction to Algorithms*, 3rd ed., sections 6.5 and 24.3). Fills distances
    ``d``, predecessors ``p`` and the settling order ``order``; returns how many nodes
    were settled. Nodes ``>= no_transit_from`` other than ``src`` are not expanded;
    leaving a satellite (node ``< n_sat``) costs ``hop_s`` more (on-board processing)."""
    n_nodes = indptr.shape[0] - 1
    for v in range(n_nodes):
        d[v] = np.inf
        p[v] = -1
    pos = np.full(n_nodes, -1, dtype=np.int32)  # heap slot; -1: not reached, -2: settled
    hv = np.empty(n_nodes, dtype=np.int32)
    size = 1
    hv[0] = src
    pos[src] = 0
    d[src] = 0.0
    n_done = 0
    while size > 0:
        u = hv[0]
        pos[u] = -2
        order[n_done] = u
        n_done += 1
        size -= 1
        if size > 0:  # move the last leaf to the root and sift it down
            lv = hv[size]
            lk = d[lv]
            i = 0
            while True:
                c = 2 * i + 1
                if c >= size:
                    break
                if c + 1 < size and d[hv[c + 1]] < d[hv[c]]:
                    c += 1
                if d[hv[c]] < lk:
                    hv[i] = hv[c]
                    pos[hv[i]] = i
                    i = c
                else:
                    break
            hv[i] = lv
            pos[lv] = i
        if u >= no_transit_from and u != src:
            continue
        du = d[u] + hop_s if u < n_sat else d[u]
        for k in range(indptr[u], indptr[u + 1]):
            v = indices[k]
            if pos[v] == -2:
                continue
            nd = du + weights[k]
            if nd < d[v]:
                d[v] = nd
                p[v] = u
                i = pos[v]
                if i == -1:
                    i = size
                    size += 1
                while i > 0:  # sift up (insert or decrease-key)
                    par = (i - 1) >> 1
                    if d[hv[par]] > nd:
                        hv[i] = hv[par]
                        pos[hv[i]] = i
                        i = par
                    else:
                        break
                hv[i] = v
                pos[v] = i
    return n_done


@numba.njit(cache=True)
def _tree_still_shortest(
    indptr, indices, weights, src, no_transit_from, n_sat, hop_s, p, order, n_done, tol, d
):  # pragma: no cover
    """Re-evaluate a previous shortest-path tree on new link delays.

    Distances are summed down the tree in its old settling order (parents before
    children). The tree is kept if every tree link still exists and no link improves a
    distance by more than ``tol`` (Bellman's optimality conditions, Cormen et al.,
    3rd ed., lemma 24.17 and section 24.4): every tree distance is then within
    ``hops * tol`` of the least delay. Returns False as soon as a condition fails.
    """
    n_nodes = indptr.shape[0] - 1
    for v in range(n_nodes):
        d[v] = np.inf
    d[src] = 0.0
    for m in range(1, n_done):
        v = order[m]
        u = p[v]
        found = False
        for k in range(indptr[v], indptr[v + 1]):
            if indices[k] == u:
                d[v] = (d[u] + hop_s if u < n_sat else d[u]) + weights[k]
                found = True
                break
        if not found:
            return False
    for u in range(n_nodes):
        du = d[u]
        if du == np.inf or (u >= no_transit_from and u != src):
            continue
        if u < n_sat:
            du += hop_s
        for k in range(indptr[u], indptr[u + 1]):
            if du + weights[k] < d[indices[k]] - tol:
                return False
    return True


@numba.njit(cache=True, parallel=True)
def least_delay_trees(
    indptr, indices, weights, sources, no_transit_from, n_sat, hop_s, tol,
    prev_pred, prev_order, prev_n, have_prev, station_dist, pred, order, n_done, reused,
):  # fmt: skip  # pragma: no cover
    """Least-delay trees from every source, in parallel over sources, reusing the
    previous epoch's tree of a source where it is still optimal (within ``tol``).

    Dijkstra with an indexed binary heap (Cormen et al., *Introduction to Algorithms*,
    3rd ed., sections 6.5 and 24.3); tree reuse by Bellman's optimality conditions
    (lemma 24.17), see the module docstring.

    Parameters
    ----------
    indptr, indices, weights : numpy.ndarray
        The graph, as :func:`link_graph_csr` returns it (``n_nodes = N + G``).
    sources : numpy.ndarray
        int64 ``(S,)``, source nodes.
    no_transit_from : int
        Nodes ``>= no_transit_from`` other than the source are not expanded (``N``:
        stations are end points only; ``n_nodes``: every node forwards).
    n_sat : int
        ``N``; leaving a satellite costs ``hop_s`` more.
    hop_s : float
        Per-satellite processing delay [s].
    tol : float
        Tree-reuse tolerance [s].
    prev_pred, prev_order, prev_n : numpy.ndarray
        The previous call's ``pred``, ``order`` and ``n_done`` (read only when
        ``have_prev``; any array of the right type otherwise).
    have_prev : bool
        Whether a previous tree exists for every source.
    station_dist : numpy.ndarray
        float64 ``(S, G)``, out: ``station_dist[s, g]`` is the least delay from source
        ``s`` to station ``g`` (node ``n_nodes - G + g``) [s], inf if unreachable.
    pred, order : numpy.ndarray
        int32 ``(S, n_nodes)``, out: predecessor of each node (-1: none) and settling
        order of each tree.
    n_done : numpy.ndarray
        int64 ``(S,)``, out: nodes settled per tree.
    reused : numpy.ndarray
        bool ``(S,)``, out: whether the previous tree was kept.
    """
    n_nodes = indptr.shape[0] - 1
    n_st = station_dist.shape[1]
    for si in numba.prange(sources.shape[0]):
        src = sources[si]
        d = np.empty(n_nodes)
        if have_prev and _tree_still_shortest(
            indptr, indices, weights, src, no_transit_from, n_sat, hop_s, prev_pred[si],
            prev_order[si], prev_n[si], tol, d,
        ):  # fmt: skip
            pred[si, :] = prev_pred[si]
            order[si, :] = prev_order[si]
            n_done[si] = prev_n[si]
            reused[si] = True
        else:
            n_done[si] = _dijkstra_one(
                indptr,
                indices,
                weights,
                src,
                no_transit_from,
                n_sat,
                hop_s,
                d,
                pred[si],
                order[si],
            )
            reused[si] = False
        for g in range(n_st):
            station_dist[si, g] = d[n_nodes - n_st + g]


# --------------------------------------------------------------------------- API
@dataclass(frozen=True)
class TopologySnapshot:
    """Network state at one epoch.

    Attributes
    ----------
    t_s : float
        Time since the constellation epoch (s).
    n_satellites, n_stations : int
    isl_pairs : numpy.ndarray of int64, shape (E, 2)
        Usable ISLs (satellite indices).
    isl_delay_s : numpy.ndarray, shape (E,)
        One-way propagation delay of each usable ISL.
    isl_rate_bps : float
        Capacity of every ISL.
    gsl_station, gsl_satellite : numpy.ndarray of int64, shape (L,)
        Ground-satellite links (station index, satellite index).
    gsl_delay_s : numpy.ndarray, shape (L,)
    station_delay_s : numpy.ndarray, shape (G, G)
        Least one-way delay between stations (``inf`` if unreachable).
    predecessor : numpy.ndarray of int32, shape (G, N + G)
        Predecessor of every node on the least-delay tree of each source station
        (-1 for the source and unreachable nodes).
    """

    t_s: float
    n_satellites: int
    n_stations: int
    isl_pairs: np.ndarray
    isl_delay_s: np.ndarray
    isl_rate_bps: float
    gsl_station: np.ndarray
    gsl_satellite: np.ndarray
    gsl_delay_s: np.ndarray
    station_delay_s: np.ndarray
    predecessor: np.ndarray

    def path(self, src_station: int, dst_station: int) -> list[int]:
        """Node ids on the least-delay path (stations as ``N + g``); ``[]`` if none."""
        n = self.n_satellites
        for name, g in (("src_station", src_station), ("dst_station", dst_station)):
            if not 0 <= g < self.n_stations:
                raise ParameterError(name, g, f"0 .. {self.n_stations - 1}")
        if not np.isfinite(self.station_delay_s[src_station, dst_station]):
            return []
        pred = self.predecessor[src_station]
        node = n + dst_station
        out = [node]
        while node != n + src_station:
            node = int(pred[node])
            out.append(node)
        return out[::-1]


@dataclass(frozen=True)
class LinkChanges:
    """Links added and removed between two snapshots (pairs of node ids, sorted)."""

    isl_added: np.ndarray
    isl_removed: np.ndarray
    gsl_added: np.ndarray
    gsl_removed: np.ndarray


def _pair_keys(a: np.ndarray, b: np.ndarray, n: int) -> np.ndarray:
    return a.astype(np.int64) * n + b.astype(np.int64)


def link_changes(prev: TopologySnapshot, cur: TopologySnapshot) -> LinkChanges:
    """ISLs and GSLs that appear or vanish from ``prev`` to ``cur``.

    GSL pairs are returned as (station index, satellite index).
    """
    n = prev.n_satellites + prev.n_stations
    ki_p = _pair_keys(prev.isl_pairs[:, 0], prev.isl_pairs[:, 1], n)
    ki_c = _pair_keys(cur.isl_pairs[:, 0], cur.isl_pairs[:, 1], n)
    kg_p = _pair_keys(prev.gsl_station, prev.gsl_satellite, n)
    kg_c = _pair_keys(cur.gsl_station, cur.gsl_satellite, n)

    def unpack(keys: np.ndarray) -> np.ndarray:
        return np.stack([keys // n, keys % n], axis=1)

    return LinkChanges(
        unpack(np.setdiff1d(ki_c, ki_p)),
        unpack(np.setdiff1d(ki_p, ki_c)),
        unpack(np.setdiff1d(kg_c, kg_p)),
        unpack(np.setdiff1d(kg_p, kg_c)),
    )


class TopologyGenerator:
    """Snapshots of ISLs, GSLs and station-to-station shortest paths over time.

    Parameters
    ----------
    constellation : netsim.space.constellation.Constellation
        Anything with ``count`` and ``positions_ecef_km(t_s)`` ((T, N, 3) for arrays).
    stations : GroundStations
    isl : IslPattern or None
        Candidate ISLs; ``None`` for a bent-pipe network without ISLs.
    min_elevation_deg : float
        Minimum elevation of a GSL, in [0, 90].
    stations_relay : bool
        Let paths pass through stations (ground relays). With ``isl=None`` this is a
        bent-pipe network: every satellite hop goes down to a station and up again.
    processing_delay_s : float
        On-board delay added at every satellite a path passes through (a regenerative
        payload's demodulation, switching and re-modulation); 0 for a transparent
        (bent-pipe) payload. It is added to ``station_delay_s``, not to link delays.
    path_tolerance_s : float
        A station's shortest-path tree of the previous epoch is kept while no link
        shortens any of its paths by more than this (0: only while exactly optimal);
        every reported delay is then within ``hops * path_tolerance_s`` of the least
        delay (see module docstring). The default, 1 ps (0.3 mm of light travel), only
        absorbs the rounding between paths that are equal by symmetry.
    threads : int or None
        Threads for the per-station loops (``None``: numba's current setting). On a
        machine shared with other jobs one thread is often faster, since parallel
        threads wait for each other's time slices.
    batch : int
        Epochs whose positions are computed in one vectorised call.

    Examples
    --------
    >>> from netsim.space.constellation import walker
    >>> from netsim.space.isl import plus_grid
    >>> c = walker(550.0, 53.0, 72, 22, 1)
    >>> gs = GroundStations.from_geodetic([48.86, 40.71], [2.35, -74.01], names=["PAR", "NYC"])
    >>> gen = TopologyGenerator(c, gs, plus_grid(c), min_elevation_deg=25.0)
    >>> snap = gen.snapshot(0.0)
    >>> bool(0.0195 < snap.station_delay_s[0, 1] < 0.04)  # great circle 5,837 km: 19.5 ms
    True
    """

    def __init__(
        self,
        constellation,
        stations: GroundStations,
        isl: IslPattern | None,
        *,
        min_elevation_deg: float = 25.0,
        stations_relay: bool = False,
        processing_delay_s: float = 0.0,
        path_tolerance_s: float = 1e-12,
        threads: int | None = None,
        batch: int = 64,
    ):
        if not 0.0 <= min_elevation_deg <= 90.0:
            raise ParameterError("min_elevation_deg", min_elevation_deg, "[0, 90]")
        if not (math.isfinite(processing_delay_s) and processing_delay_s >= 0.0):
            raise ParameterError("processing_delay_s", processing_delay_s, ">= 0")
        if not path_tolerance_s >= 0.0:
            raise ParameterError("path_tolerance_s", path_tolerance_s, ">= 0")
        if batch < 1:
            raise ParameterError("batch", batch, ">= 1")
        if threads is not None and not 1 <= threads <= numba.config.NUMBA_NUM_THREADS:
            raise ParameterError(
                "threads", threads, f"None or 1 .. {numba.config.NUMBA_NUM_THREADS}"
            )
        self.threads = threads
        self.constellation = constellation
        self.stations = stations
        self.n_sat = int(constellation.count)
        if isl is None:
            isl = IslPattern(np.empty((0, 2), dtype=np.int64))
        if isl.pairs.size and isl.pairs.max() >= self.n_sat:
            raise ParameterError("isl.pairs", int(isl.pairs.max()), f"< {self.n_sat}")
        self.isl = isl
        self.min_elevation_deg = float(min_elevation_deg)
        self.stations_relay = bool(stations_relay)
        self.batch = int(batch)
        self.path_tolerance_s = float(path_tolerance_s)
        self.processing_delay_s = float(processing_delay_s)
        n_nodes = self.n_sat + stations.count
        self._prev_pred: np.ndarray | None = None
        self._order_bufs = np.empty((2, stations.count, n_nodes), dtype=np.int32)
        self._n_bufs = np.zeros((2, stations.count), dtype=np.int64)
        self._flip = 0
        self.trees_reused = 0
        """Shortest-path trees kept from the previous epoch (a counter)."""
        self.trees_computed = 0
        """Shortest-path trees computed by Dijkstra (a counter)."""
        self._sin_min_el = math.sin(math.radians(min_elevation_deg))
        self._buf_sat = np.empty((stations.count, self.n_sat), dtype=np.int64)
        self._buf_rng = np.empty((stations.count, self.n_sat))
        self._counts = np.empty(stations.count, dtype=np.int64)
        self._sources = np.arange(self.n_sat, self.n_sat + stations.count, dtype=np.int64)

    def _from_positions(self, t_s: float, sat: np.ndarray) -> TopologySnapshot:
        if self.threads is None:
            return self._epoch(t_s, sat)
        saved = numba.get_num_threads()
        numba.set_num_threads(self.threads)
        try:
            return self._epoch(t_s, sat)
        finally:
            numba.set_num_threads(saved)

    def _epoch(self, t_s: float, sat: np.ndarray) -> TopologySnapshot:
        isl = self.isl
        length, ok = isl_lengths_km(isl, sat)
        g_st, g_sat, g_rng = visible_gsl_links(
            sat, self.stations.ecef_km, self.stations.up, self._sin_min_el,
            self._buf_sat, self._buf_rng, self._counts,
        )  # fmt: skip
        isl_delay = length / _C_KM_S
        g_delay = g_rng / _C_KM_S
        n_nodes = self.n_sat + self.stations.count
        indptr, indices, weights = link_graph_csr(
            n_nodes, self.n_sat, isl.pairs, ok, isl_delay, g_st, g_sat, g_delay
        )
        n_src = self._sources.shape[0]
        station_dist = np.empty((n_src, n_src))
        pred = np.empty((n_src, n_nodes), dtype=np.int32)  # kept by the snapshot
        # settling orders: internal, double-buffered
        self._flip = 1 - self._flip
        order = self._order_bufs[self._flip]
        n_done = self._n_bufs[self._flip]
        reused = np.empty(n_src, dtype=np.bool_)
        no_transit = n_nodes if self.stations_relay else self.n_sat
        have_prev = self._prev_pred is not None
        prev_pred = self._prev_pred if have_prev else pred  # placeholder when not read
        least_delay_trees(
            indptr, indices, weights, self._sources, no_transit, self.n_sat,
            self.processing_delay_s, self.path_tolerance_s, prev_pred,
            self._order_bufs[1 - self._flip], self._n_bufs[1 - self._flip], have_prev,
            station_dist, pred, order, n_done, reused,
        )  # fmt: skip
        self._prev_pred = pred
        self.trees_reused += int(reused.sum())
        self.trees_computed += int(n_src - reused.sum())
        return TopologySnapshot(
            t_s=float(t_s),
            n_satellites=self.n_sat,
            n_stations=self.stations.count,
            isl_pairs=isl.pairs[ok],
            isl_delay_s=isl_delay[ok],
            isl_rate_bps=isl.rate_bps,
            gsl_station=g_st,
            gsl_satellite=g_sat,
            gsl_delay_s=g_delay,
            station_delay_s=station_dist,
            predecessor=pred,
        )

    def snapshot(self, t_s: float) -> TopologySnapshot:
        """The topology at one time (s since the constellation epoch)."""
        sat = np.ascontiguousarray(self.constellation.positions_ecef_km(float(t_s)))
        return self._from_positions(t_s, sat)

    def snapshots(self, t0_s: float, epoch_s: float, count: int) -> Iterator[TopologySnapshot]:
        """Snapshots at ``t0_s + k * epoch_s`` for ``k = 0 .. count-1``."""
        if not epoch_s > 0:
            raise ParameterError("epoch_s", epoch_s, "> 0")
        if count < 1:
            raise ParameterError("count", count, ">= 1")
        for start in range(0, count, self.batch):
            ks = np.arange(start, min(count, start + self.batch))
            ts = t0_s + ks * epoch_s
            pos = self.constellation.positions_ecef_km(ts)
            for j, t in enumerate(ts):
                yield self._from_positions(float(t), np.ascontiguousarray(pos[j]))
