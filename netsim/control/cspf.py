"""Constrained shortest path first (CSPF) and the path kernels of the baselines.

CSPF as in MPLS-TE (RFC 3209 explicit routes computed by CSPF; the constrained-Dijkstra
procedure of E. Osborne, A. Simha, "Traffic Engineering with MPLS", Cisco Press 2002,
ch. 4): prune every link that is down or has less free capacity than the request, run
Dijkstra on propagation delay over what is left, and admit the path if its delay meets
the latency bound. The least-delay pruned path is the least-delay path meeting the
capacity constraint, so when its delay exceeds the bound no path meets both, and the
rejection reason is exact:

* no path over links that are up: ``"no_path"``;
* paths over links that are up, none with the capacity free: ``"capacity"``;
* a path with the capacity, but its delay exceeds the bound: ``"latency"``.

The hot path is a numba Dijkstra over a compressed sparse row (CSR) adjacency built
once per topology from :class:`~netsim.control.view.NetworkView` (networkx stays the
topology model). Ties in delay go to the path with fewer hops (each link weighs its delay
plus 1e-12 s, as :meth:`netsim.Network.shortest_path`).
"""

from __future__ import annotations

import math
import weakref
from typing import TYPE_CHECKING

import numba
import numpy as np

from netsim.control.array_heap import heap_pop, heap_push
from netsim.control.controller import Controller, register_controller
from netsim.control.request import Allocation, Request
from netsim.errors import ParameterError

if TYPE_CHECKING:  # pragma: no cover
    from netsim.control.view import NetworkView

__all__ = [
    "CSPF",
    "CsrTopology",
    "csr_topology",
    "dijkstra_path",
    "widest_shortest_path",
    "capacity_mask",
    "CAPACITY_TOL_BPS",
]

CAPACITY_TOL_BPS = 1e-6
"""A link fits a request when ``free_bps + CAPACITY_TOL_BPS >= capacity_bps`` (absorbs
floating-point residue of reserve/release sums; 1 micro-bit/s is far below any rate)."""

TIE_S = 1e-12
"""Added to each link's delay so that, between equal delays, fewer hops win (s)."""


class CsrTopology:
    """Out-adjacency of a view's links in CSR form.

    Attributes
    ----------
    indptr : numpy.ndarray
        int64 ``(n_nodes + 1,)``; node ``u``'s out-links are ``link[indptr[u]:indptr[u+1]]``.
    head : numpy.ndarray
        int64 ``(n_links,)``: destination node index of each CSR entry.
    tail : numpy.ndarray
        int64 ``(n_links,)``: source node index of each CSR entry.
    link : numpy.ndarray
        int64 ``(n_links,)``: link index (``link.index``) of each CSR entry.
    version : int
        The view's ``topology_version`` it was built for.
    """

    __slots__ = ("indptr", "head", "tail", "link", "version", "n_links")

    def __init__(self, view: NetworkView) -> None:
        src, dst = view.link_src, view.link_dst
        n_nodes = len(view.nodes)
        order = np.argsort(src, kind="stable")
        self.indptr = np.zeros(n_nodes + 1, dtype=np.int64)
        np.cumsum(np.bincount(src, minlength=n_nodes), out=self.indptr[1:])
        self.head = np.ascontiguousarray(dst[order])
        self.tail = np.ascontiguousarray(src[order])
        self.link = order.astype(np.int64)
        self.version = view.topology_version
        self.n_links = len(src)


# Per-view caches, kept here rather than as attributes of the view (another module's
# object); an entry goes when its view is garbage-collected.
_CSR_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_DELAY_WEIGHT_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def csr_topology(view: NetworkView) -> CsrTopology:
    """The CSR adjacency of ``view`` (cached per view until a link is added)."""
    c = _CSR_CACHE.get(view)
    if c is None or c.version != view.topology_version or c.n_links != view.n_links:
        c = CsrTopology(view)
        _CSR_CACHE[view] = c
    return c


@numba.njit(cache=True)
def _dijkstra(indptr, head, link, weight, allowed, src, dst, bound):  # pragma: no cover
    """Dijkstra from src, stopping when dst is settled or every label exceeds ``bound``
    (lazy-deletion binary heap in preallocated arrays)."""
    n = indptr.shape[0] - 1
    dist = np.full(n, np.inf)
    pred = np.full(n, -1, dtype=np.int64)
    done = np.zeros(n, dtype=np.bool_)
    cap = head.shape[0] + 1
    hk = np.empty(cap)
    hv = np.empty(cap, dtype=np.int64)
    dist[src] = 0.0
    size = heap_push(hk, None, hv, 0, 0.0, 0, src)
    while size > 0:
        d, _, u, size = heap_pop(hk, None, hv, size)
        if done[u]:
            continue
        done[u] = True
        if u == dst:
            break
        for j in range(indptr[u], indptr[u + 1]):
            e = link[j]
            if not allowed[e]:
                continue
            v = head[j]
            nd = d + weight[e]
            if nd < dist[v] and nd <= bound:
                dist[v] = nd
                pred[v] = j
                size = heap_push(hk, None, hv, size, nd, 0, v)
    return dist[dst], pred


@numba.njit(cache=True)
def _widest_shortest(indptr, head, link, free, allowed, src, dst):  # pragma: no cover
    n = indptr.shape[0] - 1
    hop = np.full(n, -1, dtype=np.int64)
    width = np.full(n, -1.0)
    pred = np.full(n, -1, dtype=np.int64)
    queue = np.empty(n, dtype=np.int64)
    hop[src] = 0
    width[src] = np.inf
    queue[0] = src
    qh, qt = 0, 1
    while qh < qt:  # BFS: hop counts over allowed links
        u = queue[qh]
        qh += 1
        for j in range(indptr[u], indptr[u + 1]):
            e = link[j]
            if allowed[e] and hop[head[j]] < 0:
                hop[head[j]] = hop[u] + 1
                queue[qt] = head[j]
                qt += 1
    for i in range(qt):  # widest over the BFS layers, nodes in BFS order
        u = queue[i]
        for j in range(indptr[u], indptr[u + 1]):
            e = link[j]
            v = head[j]
            if allowed[e] and hop[v] == hop[u] + 1:
                w = min(width[u], free[e])
                if w > width[v]:
                    width[v] = w
                    pred[v] = j
    return hop[dst], pred


@numba.njit(cache=True)
def _unwind(tail, link, pred, src, dst):  # pragma: no cover - compiled
    """Node indices and link indices of the path ending at ``dst`` (pred: CSR entry)."""
    n = 0
    v = dst
    while v != src:
        n += 1
        v = tail[pred[v]]
    nodes = np.empty(n + 1, dtype=np.int64)
    links = np.empty(n, dtype=np.int64)
    v = dst
    nodes[n] = dst
    for i in range(n - 1, -1, -1):
        j = pred[v]
        links[i] = link[j]
        v = tail[j]
        nodes[i] = v
    return nodes, links


def _search(view, src, dst, allowed, weight, bound):
    """(node list, link index array) of the least-weight path, or (None, None)."""
    topo = csr_topology(view)
    s, d = _node_indices(view, src, dst)
    if weight is None:
        weight = _delay_weight(view)
    dist, pred = _dijkstra(topo.indptr, topo.head, topo.link, weight,
                           np.ascontiguousarray(allowed), s, d, float(bound))
    if not np.isfinite(dist):
        return None, None
    idx, links = _unwind(topo.tail, topo.link, pred, s, d)
    nodes = view.nodes
    return [nodes[i] for i in idx], links


def capacity_mask(view: NetworkView, capacity_bps: float) -> np.ndarray:
    """bool ``(n_links,)``: links up with at least ``capacity_bps`` free."""
    return view.free_bps_array + CAPACITY_TOL_BPS >= capacity_bps


def _node_indices(view: NetworkView, src, dst) -> tuple[int, int]:
    ni = view.node_index
    try:
        return ni[src], ni[dst]
    except (KeyError, TypeError):
        for name, n in (("src", src), ("dst", dst)):
            if n not in ni:
                raise ParameterError(name, n, "a node of the network") from None
        raise  # pragma: no cover


def _delay_weight(view: NetworkView) -> np.ndarray:
    key = (view.state_version, view.n_links)
    c = _DELAY_WEIGHT_CACHE.get(view)
    if c is None or c[0] != key:
        c = (key, view.delay_s + TIE_S)
        _DELAY_WEIGHT_CACHE[view] = c
    return c[1]


def dijkstra_path(
    view: NetworkView,
    src,
    dst,
    allowed: np.ndarray,
    weight: np.ndarray | None = None,
    bound: float = math.inf,
) -> list | None:
    """Least-weight node path over the ``allowed`` links (None if none).

    Parameters
    ----------
    allowed : numpy.ndarray
        bool ``(n_links,)``.
    weight : numpy.ndarray, optional
        float64 ``(n_links,)`` >= 0; default: delay + :data:`TIE_S`.
    bound : float
        Labels above ``bound`` are not expanded: a path heavier than ``bound`` is
        reported as None (prunes the search for latency-bounded requests).
    """
    return _search(view, src, dst, allowed, weight, bound)[0]


def widest_shortest_path(view: NetworkView, src, dst, allowed: np.ndarray) -> list | None:
    """Among the fewest-hop paths over ``allowed`` links, the one with the largest
    bottleneck free capacity (widest-shortest path: R. Guerin, A. Orda, D. Williams,
    "QoS routing mechanisms and OSPF extensions", IEEE GLOBECOM 1997, Sec. 3); ties go
    to the first found in node-insertion order. None if ``dst`` is unreachable."""
    topo = csr_topology(view)
    s, d = _node_indices(view, src, dst)
    hop, pred = _widest_shortest(topo.indptr, topo.head, topo.link, view.free_bps_array,
                                 np.ascontiguousarray(allowed), s, d)
    if hop < 0:
        return None
    nodes = view.nodes
    return [nodes[i] for i in _unwind(topo.tail, topo.link, pred, s, d)[0]]


def blocked_reason(view: NetworkView, request: Request) -> str:
    """``"no_path"`` if no path of links that are up joins the pair, else ``"capacity"``."""
    p = dijkstra_path(view, request.src, request.dst, np.asarray(view.up))
    return "no_path" if p is None else "capacity"


class CSPF(Controller):
    """Constrained shortest path first: least-delay path with the capacity free on every
    link, admitted if within the latency bound (see the module docstring for the
    procedure and the rejection reasons).

    Examples
    --------
    >>> import netsim as ns
    >>> from netsim.control import NetworkView, Request
    >>> sim = ns.Simulation(seed=1); net = ns.Network(sim)
    >>> for n in "abc": _ = net.add_node(n)
    >>> _ = net.add_link("a", "c", rate_bps=1e9, delay_s=0.001)
    >>> _ = net.add_link("a", "b", rate_bps=1e10, delay_s=0.002)
    >>> _ = net.add_link("b", "c", rate_bps=1e10, delay_s=0.002)
    >>> CSPF().decide(Request(1, "a", "c", 2e9), NetworkView(net)).path
    ['a', 'b', 'c']
    """

    name = "cspf"

    def decide(self, request: Request, view: NetworkView) -> Allocation:
        """Least-delay path meeting capacity and latency, or the exact rejection reason."""
        mask = capacity_mask(view, request.capacity_bps)
        bound = request.latency_bound_s
        # the search is pruned at the bound (+ the hop tie-breaks); only a rejection
        # needs the unpruned searches that tell "latency", "capacity" and "no_path" apart
        path, links = _search(view, request.src, request.dst, mask, None,
                              bound * (1 + 1e-9) + 1e-9)
        if path is not None:
            delay = float(view.delay_s[links].sum())
            if delay <= bound:
                return Allocation.accept(request, path, delay)
        path = dijkstra_path(view, request.src, request.dst, mask)
        if path is None:
            return Allocation.reject(request, blocked_reason(view, request))
        return Allocation.reject(request, "latency", best_delay_s=view.path_delay_s(path))


register_controller(CSPF.name, CSPF)
