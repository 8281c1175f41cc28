"""Flow-level (fluid) engine: flows with a size share link capacity max-min fairly.

Between events every active flow is served at its max-min fair rate over the current
link capacities (a link that is down has capacity 0, so its flows stall). At each event
(a flow arrives or completes, a link changes) one numba call advances every flow,
retires finished ones and re-allocates rates; one simpy event is pending at a time, at
the next completion. This is the model of processor-sharing links and TCP-like
bandwidth sharing at flow scale (Massoulié & Roberts, "Bandwidth sharing: objectives and
algorithms", IEEE/ACM ToN 10(3), 2002).
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Hashable, Sequence
from typing import TYPE_CHECKING

import networkx as nx
import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra

from netsim.core.maxmin import advance_and_allocate, link_loads
from netsim.core.simulation import Callback
from netsim.errors import ParameterError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from netsim.core.network import Network

__all__ = ["FlowLevel"]

_REL_TOL = 1e-9  # a flow is done when less than this fraction of its size remains


class FlowLevel:
    """The flow-level engine of a :class:`~netsim.Network`.

    Parameters
    ----------
    net : Network
        The network whose links carry the flows (their ``rate_bps`` is the capacity).
    max_hops : int
        Longest path a flow may take (sets the width of the path table).

    Examples
    --------
    >>> import netsim as ns
    >>> sim = ns.Simulation(seed=1); net = ns.Network(sim)
    >>> for n in "abc": _ = net.add_node(n)
    >>> _ = net.add_link("a", "b", rate_bps=1e6, delay_s=0.0)
    >>> _ = net.add_link("b", "c", rate_bps=1e6, delay_s=0.0)
    >>> fl = FlowLevel(net)
    >>> _ = fl.add_flow("a", "c", size_bytes=125_000)        # 1 Mbit
    >>> _ = fl.add_flow("a", "b", size_bytes=125_000)
    >>> sim.run()
    >>> fl.to_dataframe()["fct_s"].round(6).tolist()           # share 1 Mb/s, then alone
    [2.0, 2.0]
    """

    def __init__(self, net: Network, max_hops: int = 32,
                 packet_share: float | None = None):
        if packet_share is not None and not (
                isinstance(packet_share, (int, float)) and 0.0 < packet_share < 1.0):
            raise ParameterError("packet_share", packet_share, "None or in (0, 1)")
        self.packet_share = packet_share
        """Coupling with packet-level traffic (None: none). Flow-level flows share
        ``(1 - packet_share) * rate_bps`` of each link max-min fairly; their total rate on a
        link is its ``background_bps``, and packets are served at the rest,
        ``rate_bps - background_bps >= packet_share * rate_bps``."""
        self.net = net
        self.sim = net.sim
        self.max_hops = int(max_hops)
        n = 64
        self._paths = np.zeros((n, self.max_hops), np.int64)
        self._plen = np.zeros(n, np.int64)
        self._active = np.zeros(n, np.bool_)
        self._rem = np.zeros(n)
        self._rates = np.zeros(n)
        self._tol = np.zeros(n)
        self._finished = np.zeros(n, np.int64)
        self._meta: list = [None] * n  # slot -> (id, src, dst, size_bytes, start_s)
        self._free = list(range(n - 1, -1, -1))
        self._cap = np.zeros(0)
        self._sync_caps()
        self._t_last = self.sim.env.now
        self._pending: Callback | None = None
        self._route_cache: dict = {}
        self._trees: dict = {}
        self._route_ver = -1
        self._n = 0
        self.n_active = 0
        # completed flows
        self._done_id = array("q")
        self._done_size = array("d")
        self._done_start = array("d")
        self._done_end = array("d")
        self._done_src: list = []
        self._done_dst: list = []
        net.add_listener(self._on_link)
        net.monitor.fluid = self

    # -- public -----------------------------------------------------------------------
    def add_flow(
        self,
        src: Hashable,
        dst: Hashable,
        size_bytes: float,
        start_s: float | None = None,
        path: Sequence[Hashable] | None = None,
    ) -> int:
        """Add a flow of ``size_bytes`` from ``src`` to ``dst`` starting at ``start_s``
        (default: now); its path is ``path`` or the shortest-delay route. Returns its id."""
        if not (isinstance(size_bytes, (int, float)) and math.isfinite(size_bytes)
                and size_bytes > 0):
            raise ParameterError("size_bytes", size_bytes, "a finite number > 0")
        for field, node in (("src", src), ("dst", dst)):
            if node not in self.net.graph:
                raise ParameterError(field, node, "an existing node")
        if src == dst:
            raise ParameterError("dst", dst, f"a node other than src={src!r}")
        links = self._links_of(src, dst, path)
        fid = self._n
        self._n += 1
        now = self.sim.env.now
        if start_s is None or start_s <= now:
            if start_s is not None and start_s < now:
                raise ParameterError("start_s", start_s, f">= now ({now} s)")
            self._arrive(fid, src, dst, float(size_bytes), links)
        else:
            self.sim.call_at(start_s, lambda: self._arrive(fid, src, dst, float(size_bytes),
                                                            links))
        return fid

    def poisson_arrivals(
        self,
        rate_per_s: float,
        mean_size_bytes: float,
        pairs: Sequence[tuple[Hashable, Hashable]] | None = None,
        size_dist: str = "exponential",
        stop_s: float | None = None,
        max_flows: int | None = None,
        pareto_shape: float = 1.5,
        stream: str = "fluid:arrivals",
    ) -> None:
        """Generate flows: Poisson arrivals at ``rate_per_s``, sizes ``"exponential"``,
        ``"constant"`` or ``"pareto"`` (shape ``pareto_shape``) with mean
        ``mean_size_bytes``, each between a pair drawn uniformly from ``pairs`` (default:
        every ordered pair of nodes joined by a directed path), until ``stop_s`` or
        ``max_flows`` flows."""
        for field, v in (("rate_per_s", rate_per_s), ("mean_size_bytes", mean_size_bytes)):
            if not (isinstance(v, (int, float)) and math.isfinite(v) and v > 0):
                raise ParameterError(field, v, "a finite number > 0")
        if size_dist not in ("exponential", "constant", "pareto"):
            raise ParameterError("size_dist", size_dist,
                                 "one of 'exponential', 'constant', 'pareto'")
        if size_dist == "pareto" and not pareto_shape > 1:
            raise ParameterError("pareto_shape", pareto_shape, "> 1")
        if pairs is None:  # every ordered pair joined by a directed path
            g = self.net.graph
            pairs = [(a, b) for a in g for b in sorted(nx.descendants(g, a), key=str)]
        pairs = list(pairs)
        if not pairs:
            raise ParameterError("pairs", pairs, "at least one (src, dst) pair")
        rng = self.sim.rng(stream)
        state = {"left": math.inf if max_flows is None else int(max_flows)}
        stop = math.inf if stop_s is None else float(stop_s)

        def size():
            if size_dist == "exponential":
                return float(rng.exponential(mean_size_bytes))
            if size_dist == "pareto":
                xm = mean_size_bytes * (pareto_shape - 1) / pareto_shape
                return float(xm * (1.0 + rng.pareto(pareto_shape)))
            return float(mean_size_bytes)

        def fire(cb):
            if self.sim.env.now >= stop or state["left"] <= 0:
                return
            state["left"] -= 1
            a, b = pairs[int(rng.integers(len(pairs)))]
            self.add_flow(a, b, size())
            self.sim.schedule(float(rng.exponential(1.0 / rate_per_s)), cb)

        self.sim.schedule(float(rng.exponential(1.0 / rate_per_s)), Callback(fire))

    def rates_bps(self) -> dict[int, float]:
        """Current rate of each active flow (flow id -> bit/s)."""
        self._advance()
        return {self._meta[s][0]: float(self._rates[s]) for s in np.flatnonzero(self._active)}

    @property
    def completed(self) -> int:
        """Number of flows completed so far."""
        return len(self._done_id)

    def to_dataframe(self) -> pd.DataFrame:
        """Completed flows: id, src, dst, size, start, end and completion time (s)."""
        import pandas as pd

        start = np.frombuffer(self._done_start, dtype=float) if self.completed else np.empty(0)
        end = np.frombuffer(self._done_end, dtype=float) if self.completed else np.empty(0)
        return pd.DataFrame({
            "flow": np.frombuffer(self._done_id, dtype=np.int64) if self.completed
            else np.empty(0, np.int64),
            "src": self._done_src, "dst": self._done_dst,
            "size_bytes": np.frombuffer(self._done_size, dtype=float) if self.completed
            else np.empty(0),
            "start_s": start, "end_s": end, "fct_s": end - start,
        })

    # -- internals --------------------------------------------------------------------
    def _capacity(self, link) -> float:
        if not link.up:
            return 0.0
        if self.packet_share is None:
            return link.rate_bps
        return (1.0 - self.packet_share) * link.rate_bps

    def _sync_caps(self) -> None:
        self._cap = np.array([self._capacity(k) for k in self.net.links], dtype=float)
        self._bg = np.zeros(self._cap.size)

    def _on_link(self, event: str, link) -> None:
        if event == "add" or link.index >= self._cap.size:
            self._sync_caps()
            return
        cap = self._capacity(link)
        if cap != self._cap[link.index]:
            self._advance()
            self._cap[link.index] = cap
            self._reallocate()

    def _links_of(self, src, dst, path) -> np.ndarray:
        if path is not None:
            path = list(path)
            if path[0] != src or path[-1] != dst:
                raise ParameterError("path", path, f"a path from {src!r} to {dst!r}")
            links = self.net.path_links(path)
        else:
            key = (src, dst)
            cached = self._route_cache.get(key)
            if cached is not None and self._route_ver == self.net._ver:
                return cached
            links = self._shortest_links(src, dst)
            if links is None:
                raise ParameterError("(src, dst)", key, "a pair joined by a path of links up")
        if len(links) > self.max_hops:
            raise ParameterError("path", len(links), f"at most max_hops={self.max_hops} links")
        arr = np.array([k.index for k in links], dtype=np.int64)
        if path is None:
            self._route_cache[(src, dst)] = arr
        return arr

    def _shortest_links(self, src, dst):
        """Shortest-delay route over links that are up (ties: fewer hops), from a
        shortest-path tree per source computed with scipy's Dijkstra and cached until
        the topology changes."""
        net = self.net
        if self._route_ver != net._ver:
            self._route_cache.clear()
            self._trees.clear()
            self._route_ver = net._ver
            nodes = list(net.graph.nodes)
            self._node_idx = {n: i for i, n in enumerate(nodes)}
            up = [k for k in net.links if k.up]
            rows = np.array([self._node_idx[k.src] for k in up], dtype=np.int64)
            cols = np.array([self._node_idx[k.dst] for k in up], dtype=np.int64)
            w = np.array([k.delay_s + 1e-12 for k in up])  # > 0: scipy drops zeros
            self._csr = csr_matrix((w, (rows, cols)), shape=(len(nodes), len(nodes)))
            self._edge_link = {(int(r), int(c)): k for r, c, k in zip(rows, cols, up)}
        si, di = self._node_idx[src], self._node_idx[dst]
        pred = self._trees.get(si)
        if pred is None:
            _, pred = dijkstra(self._csr, indices=si, return_predecessors=True)
            self._trees[si] = pred
        if pred[di] < 0:
            return None
        links = []
        v = di
        while v != si:
            u = int(pred[v])
            links.append(self._edge_link[(u, v)])
            v = u
        links.reverse()
        return links

    def _grow(self) -> None:
        n = self._paths.shape[0]
        m = 2 * n
        self._paths = np.vstack([self._paths, np.zeros((n, self.max_hops), np.int64)])
        for name in ("_plen", "_active", "_rem", "_rates", "_tol", "_finished"):
            a = getattr(self, name)
            setattr(self, name, np.concatenate([a, np.zeros(n, a.dtype)]))
        self._meta.extend([None] * n)
        self._free.extend(range(m - 1, n - 1, -1))

    def _arrive(self, fid, src, dst, size_bytes, links) -> None:
        self._advance(realloc=False)
        if not self._free:
            self._grow()
        s = self._free.pop()
        k = links.size
        self._paths[s, :k] = links
        self._plen[s] = k
        self._rem[s] = 8.0 * size_bytes
        self._tol[s] = 8.0 * size_bytes * _REL_TOL
        self._rates[s] = 0.0
        self._active[s] = True
        self._meta[s] = (fid, src, dst, size_bytes, self.sim.env.now)
        self.n_active += 1
        self._reallocate()

    def _advance(self, realloc: bool = True) -> None:
        """Serve every flow from the last event to now; retire finished flows."""
        now = self.sim.env.now
        dt = now - self._t_last
        self._t_last = now
        if realloc or dt > 0:
            self._step(dt)

    def _reallocate(self) -> None:
        self._step(0.0)

    def _step(self, dt: float) -> None:
        # completions closer than ~1e4 ulps of the clock are due now (else time would
        # stall: now + dt == now for dt below one ulp)
        eps = 2.3e-12 * max(1.0, abs(self.sim.env.now))
        n, nxt, _slot = advance_and_allocate(dt, self._cap, self._paths, self._plen,
                                             self._active, self._rem, self._rates, self._tol,
                                             eps, self._finished)
        if n:
            now = self.sim.env.now
            for s in self._finished[:n].tolist():
                fid, src, dst, size, start = self._meta[s]
                self._done_id.append(fid)
                self._done_size.append(size)
                self._done_start.append(start)
                self._done_end.append(now)
                self._done_src.append(src)
                self._done_dst.append(dst)
                self._meta[s] = None
                self._free.append(s)
            self.n_active -= n
        if self.packet_share is not None:
            self._publish_background()
        if self._pending is not None:
            self._pending.callbacks = []  # cancel: stays queued as a no-op
            self._pending = None
        if nxt != math.inf:
            cb = self._pending = Callback(self._on_completion)
            self.sim.schedule(nxt, cb)

    def _publish_background(self) -> None:
        """Tell each link its total flow-level rate (packets get the rest)."""
        bg = link_loads(self._cap.size, self._paths, self._plen, self._active, self._rates)
        links = self.net.links
        for i in np.flatnonzero(bg != self._bg).tolist():
            links[i].background_bps = float(bg[i])
        self._bg = bg

    def _on_completion(self, cb: Callback) -> None:
        self._pending = None
        self._advance()
