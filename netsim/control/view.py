"""A read-only view of a :class:`~netsim.core.network.Network` for controllers.

A controller never changes the network: it reads the topology, each link's delay,
capacity, reserved and free capacity, load and up/down state, and (for optical links
managed by an :class:`netsim.optical.rmsa.RMSA` object) the spectrum occupancy, and
answers with an :class:`~netsim.control.request.Allocation`. Reservations are made by the
:class:`~netsim.control.allocator.Allocator` that owns the view.

Per-link arrays are indexed by ``link.index`` (the position in ``net.links``), are
refreshed lazily after a link changes (the view listens to the network), and are
read-only ``numpy`` arrays.
"""

from __future__ import annotations

import contextlib
from collections.abc import Hashable, Iterator, Mapping
from itertools import islice
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import networkx as nx
import numpy as np

from netsim.errors import ParameterError

if TYPE_CHECKING:  # pragma: no cover
    from netsim.control.request import Allocation
    from netsim.core.link import Link
    from netsim.core.network import Network

__all__ = ["NetworkView"]


def _ro(a: np.ndarray) -> np.ndarray:
    v = a.view()
    v.flags.writeable = False
    return v


class NetworkView:
    """Read-only state of a network as a controller sees it.

    Parameters
    ----------
    net : Network
        The network viewed.
    reserved_bps : numpy.ndarray, optional
        float64 ``(n_links,)``: capacity reserved on each link (bit/s), owned and updated
        by the allocator (the view reads it live; it grows with the network). Default: a
        private all-zero array.
    rmsa : netsim.optical.rmsa.RMSA, optional
        Spectrum state of the optical links, when an RMSA object manages them.
    allocations : Mapping, optional
        Live mapping ``request id -> Allocation`` of the requests being carried (owned by
        the allocator).
    displaced : Mapping, optional
        Live mapping ``request id -> Allocation`` of the requests whose path was broken
        (link down, delay over the bound) and that wait for a reroute; each value is the
        broken allocation (its capacity is already released).

    Attributes
    ----------
    net : Network
        The network (treat as read-only).
    rmsa : RMSA or None
        Optical spectrum state, or None.

    Examples
    --------
    >>> import netsim as ns
    >>> sim = ns.Simulation(seed=1); net = ns.Network(sim)
    >>> for n in "abc": _ = net.add_node(n)
    >>> _ = net.add_link("a", "b", rate_bps=1e9, delay_s=0.001)
    >>> _ = net.add_link("b", "c", rate_bps=1e9, delay_s=0.002)
    >>> view = NetworkView(net)
    >>> view.free_bps("a", "b"), view.path_delay_s(["a", "b", "c"])
    (1000000000.0, 0.003)
    """

    def __init__(
        self,
        net: Network,
        reserved_bps: np.ndarray | None = None,
        rmsa: Any = None,
        allocations: Mapping | None = None,
        displaced: Mapping | None = None,
    ) -> None:
        from netsim.core.network import Network

        if not isinstance(net, Network):
            raise ParameterError("net", net, "a netsim.Network")
        self.net = net
        self.rmsa = rmsa
        if reserved_bps is None:
            reserved_bps = np.zeros(len(net.links))
        self._reserved_src = reserved_bps
        self._allocations = MappingProxyType(allocations if allocations is not None else {})
        self._displaced = MappingProxyType(displaced if displaced is not None else {})
        self._tentative = np.zeros(0)
        self._held = False
        self._dirty = True
        self._topo_version = 0
        self._state_version = 0
        self._cand: dict[tuple[Hashable, Hashable], list[list]] = {}
        self._index: dict[tuple[Hashable, Hashable], int] = {}
        net.add_listener(self._on_net_event)
        self._refresh()

    # ------------------------------------------------------------------ bookkeeping
    def _on_net_event(self, event: str, link: Link) -> None:
        self._dirty = True
        if event == "add":
            self._topo_version += 1
            self._cand.clear()

    def _set_reserved(self, reserved_bps: np.ndarray) -> None:
        """Point the view at the allocator's (possibly grown) reservation array."""
        self._reserved_src = reserved_bps

    def _refresh(self) -> None:
        links = self.net.links
        n = len(links)
        self._links = tuple(links)
        self._delay = np.fromiter((lk._delay for lk in links), float, n)
        self._rate = np.fromiter((lk._rate for lk in links), float, n)
        self._up = np.fromiter((lk._up for lk in links), bool, n)
        if len(self._index) != n:
            self._index = {(lk.src, lk.dst): lk.index for lk in links}
            nodes = list(self.net.graph.nodes)
            self._nodes = tuple(nodes)
            self._node_index = {v: i for i, v in enumerate(nodes)}
            self._node_proxy = MappingProxyType(self._node_index)
            self._lsrc = np.fromiter((self._node_index[lk.src] for lk in links), np.int64, n)
            self._ldst = np.fromiter((self._node_index[lk.dst] for lk in links), np.int64, n)
        if self._tentative.shape[0] != n:
            t = np.zeros(n)
            t[: min(n, self._tentative.shape[0])] = self._tentative[:n]
            self._tentative = t
        self._state_version += 1
        self._dirty = False

    def _check(self) -> None:
        if self._dirty or len(self._links) != len(self.net.links):
            self._refresh()

    # ------------------------------------------------------------------ topology
    @property
    def now_s(self) -> float:
        """Current simulated time (s)."""
        return self.net.sim.now_s

    @property
    def graph(self) -> nx.DiGraph:
        """The topology (a read-only view of ``net.graph``; edge attribute ``"link"``)."""
        return nx.freeze(self.net.graph.copy(as_view=True))

    @property
    def links(self) -> tuple:
        """The links, indexed by ``link.index``."""
        self._check()
        return self._links

    @property
    def n_links(self) -> int:
        """Number of directed links."""
        return len(self.net.links)

    @property
    def nodes(self) -> tuple:
        """Node names in the order they were added (node index = position)."""
        self._check()
        return self._nodes

    @property
    def node_index(self) -> Mapping:
        """``node -> index`` into :attr:`nodes` (read-only mapping)."""
        self._check()
        return self._node_proxy

    @property
    def link_src(self) -> np.ndarray:
        """int64 ``(n_links,)``: index of each link's source node."""
        self._check()
        return _ro(self._lsrc)

    @property
    def link_dst(self) -> np.ndarray:
        """int64 ``(n_links,)``: index of each link's destination node."""
        self._check()
        return _ro(self._ldst)

    @property
    def topology_version(self) -> int:
        """Incremented when a link is added (cached structures keyed on it go stale)."""
        return self._topo_version

    @property
    def state_version(self) -> int:
        """Incremented whenever the per-link arrays are refreshed after a link change
        (delay, rate, up/down, added); reservations do not change it."""
        self._check()
        return self._state_version

    # ------------------------------------------------------------------ link state
    @property
    def delay_s(self) -> np.ndarray:
        """float64 ``(n_links,)``: propagation delay of each link (s)."""
        self._check()
        return _ro(self._delay)

    @property
    def rate_bps(self) -> np.ndarray:
        """float64 ``(n_links,)``: capacity of each link (bit/s)."""
        self._check()
        return _ro(self._rate)

    @property
    def up(self) -> np.ndarray:
        """bool ``(n_links,)``: whether each link is up."""
        self._check()
        return _ro(self._up)

    @property
    def reserved_bps(self) -> np.ndarray:
        """float64 ``(n_links,)``: capacity reserved on each link by admitted requests
        (bit/s), plus any tentative holds (see :meth:`tentative`)."""
        self._check()
        r = self._reserved_src[: len(self._links)]
        if self._held:
            return _ro(r + self._tentative)
        return _ro(r)

    @property
    def free_bps_array(self) -> np.ndarray:
        """float64 ``(n_links,)``: ``max(rate - reserved, 0)`` on links that are up, 0 on
        links that are down (bit/s). A new array."""
        if self._dirty or len(self._links) != len(self.net.links):
            self._refresh()
        n = len(self._links)
        free = self._rate - self._reserved_src[:n]
        if self._held:
            free -= self._tentative
        np.maximum(free, 0.0, out=free)
        free *= self._up
        return free

    @property
    def load(self) -> np.ndarray:
        """float64 ``(n_links,)``: reserved / rate of each link (may exceed 1 after a link's
        rate drops)."""
        self._check()
        return self.reserved_bps / self._rate

    @property
    def spectrum_occupancy(self) -> np.ndarray | None:
        """bool ``(n_fibres, n_slots)`` occupancy of the attached RMSA object (None if
        no RMSA is attached); fibre indices are ``rmsa.fibre_index[(u, v)]``."""
        return None if self.rmsa is None else self.rmsa.occupancy

    @property
    def allocations(self) -> Mapping:
        """``request id -> Allocation`` of the requests being carried (read-only)."""
        return self._allocations

    @property
    def displaced(self) -> Mapping:
        """``request id -> Allocation`` of interrupted requests waiting for a reroute; each
        value is the broken allocation (read-only)."""
        return self._displaced

    # ------------------------------------------------------------------ helpers
    def link_index(self, u: Hashable, v: Hashable) -> int:
        """Index of the link ``u -> v``."""
        self._check()
        try:
            return self._index[(u, v)]
        except (KeyError, TypeError):
            raise ParameterError("(u, v)", (u, v), "a pair of nodes joined by a link") from None

    def path_link_indices(self, path: list) -> np.ndarray:
        """int64 ``(len(path) - 1,)``: link indices along a node path."""
        if len(path) < 2:
            raise ParameterError("path", path, "at least two nodes")
        return np.array([self.link_index(u, v) for u, v in zip(path[:-1], path[1:])],
                        dtype=np.int64)

    def free_bps(self, u: Hashable, v: Hashable) -> float:
        """Free capacity of link ``u -> v`` (bit/s); 0 when it is down."""
        i = self.link_index(u, v)
        if not self._up[i]:
            return 0.0
        return float(max(self._rate[i] - self._reserved_src[i] - self._tentative[i], 0.0))

    def path_delay_s(self, path: list) -> float:
        """Sum of the propagation delays along a node path (s)."""
        return float(self._delay[self.path_link_indices(path)].sum())

    def path_free_bps(self, path: list) -> float:
        """Bottleneck free capacity along a node path (bit/s); 0 if a link is down."""
        return float(self.free_bps_array[self.path_link_indices(path)].min())

    def path_up(self, path: list) -> bool:
        """Whether every link of a node path is up."""
        return bool(self._up[self.path_link_indices(path)].all())

    def crossing(self, link: Link | int) -> list[Allocation]:
        """Carried allocations whose path uses ``link`` (a Link or a link index)."""
        idx = link if isinstance(link, (int, np.integer)) else link.index
        lk = self.net.links[int(idx)]
        out = []
        for a in self._allocations.values():
            p = a.path
            for u, v in zip(p[:-1], p[1:]):
                if u == lk.src and v == lk.dst:
                    out.append(a)
                    break
        return out

    def candidate_paths(self, src: Hashable, dst: Hashable, k: int) -> list[list]:
        """The ``k`` shortest loop-free paths by propagation delay (fewer if there are not).

        Computed once per node pair over every link, up or down, with the delays of the
        moment (Yen's algorithm via :func:`networkx.shortest_simple_paths`; J. Y. Yen,
        Management Science 17(11), 1971) and cached until a link is added. Callers check
        :meth:`path_up`, :meth:`path_free_bps` and :meth:`path_delay_s` for the current
        state. Returns a new list of node lists.
        """
        if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 1:
            raise ParameterError("k", k, "an integer >= 1")
        for name, n in (("src", src), ("dst", dst)):
            if n not in self.net.graph:
                raise ParameterError(name, n, "a node of the network")
        if src == dst:
            raise ParameterError("dst", dst, f"a node other than src={src!r}")
        self._check()
        cached = self._cand.get((src, dst))
        if cached is None or (len(cached) < k and not getattr(cached, "complete", False)):
            delay = self._delay
            gen = nx.shortest_simple_paths(
                self.net.graph, src, dst,
                weight=lambda u, v, d: delay[d["link"].index] + 1e-12,
            )
            try:
                paths = [list(p) for p in islice(gen, k)]
            except nx.NetworkXNoPath:
                paths = []
            cached = _PathList(paths)
            cached.complete = len(paths) < k
            self._cand[(src, dst)] = cached
        return [list(p) for p in cached[:k]]

    @contextlib.contextmanager
    def tentative(self) -> Iterator:
        """Hold capacity tentatively while deciding several requests in a row.

        Yields a function ``hold(path, capacity_bps)``; what it holds counts as reserved
        in this view until the ``with`` block ends. Used by
        :meth:`Controller.on_link_change` to reroute several requests consistently.
        """
        self._check()
        saved = self._tentative.copy()
        saved_held = self._held

        def hold(path: list, capacity_bps: float) -> None:
            self._tentative[self.path_link_indices(path)] += capacity_bps
            self._held = True

        try:
            yield hold
        finally:
            self._tentative = saved
            self._held = saved_held

    def __repr__(self) -> str:
        return (f"NetworkView({len(self.net.graph)} nodes, {self.n_links} links, "
                f"{len(self._allocations)} carried, t={self.now_s:g} s)")


class _PathList(list):
    complete = False

