"""The network: nodes and directed links in a networkx graph, flows and their routes."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Any

import networkx as nx

from netsim.core.flow import Flow
from netsim.core.link import Link
from netsim.core.monitor import Monitor
from netsim.core.packet import LossReason, Packet
from netsim.core.simulation import Simulation
from netsim.core.traffic import Traffic
from netsim.errors import NetsimError, ParameterError

__all__ = ["Network", "ConservationError"]


class ConservationError(NetsimError, AssertionError):
    """``sent == delivered + lost + in flight`` does not hold for a flow (a bug)."""


class Network:
    """Nodes, directed links and flows of one simulation.

    The topology is a :class:`networkx.DiGraph` (:attr:`graph`); each edge's ``"link"``
    attribute is its :class:`~netsim.core.link.Link`. Flows follow the shortest-delay
    route over links that are up (recomputed when a link changes, i.e. ideal routing
    with instant convergence) unless a path is installed with :meth:`set_path`.

    Examples
    --------
    >>> import netsim as ns
    >>> sim = ns.Simulation(seed=1)
    >>> net = ns.Network(sim)
    >>> _ = net.add_node("a"); _ = net.add_node("b")
    >>> link = net.add_link("a", "b", rate_bps=1e6, delay_s=0.01)
    >>> flow = net.add_flow("a", "b", ns.CBR(rate_bps=1e5, packet_size_bytes=125))
    >>> sim.run(until_s=1.0)
    >>> flow.delivered, round(float(flow.latencies_s[0]), 6)
    (99, 0.011)
    """

    def __init__(self, sim: Simulation):
        if not isinstance(sim, Simulation):
            raise ParameterError("sim", sim, "a netsim.Simulation")
        self.sim = sim
        self.graph = nx.DiGraph()
        self.links: list[Link] = []
        self.flows: dict[str, Flow] = {}
        self.monitor = Monitor(self)
        self._pid = 0
        self._ver = 0
        self._listeners: list = []
        self._route_listeners: list = []

    # -- topology ---------------------------------------------------------------------
    def add_node(self, name: Hashable, **attrs: Any) -> Hashable:
        """Add a node; ``attrs`` are kept on the graph node (e.g. ``segment="radio"``)."""
        if name in self.graph:
            raise ParameterError("name", name, "a node name not used yet")
        if not isinstance(name, (str, int)) or isinstance(name, bool):
            raise ParameterError("name", name, "a str or int")
        self.graph.add_node(name, **attrs)
        return name

    def add_link(
        self,
        a: Hashable,
        b: Hashable,
        rate_bps: float,
        delay_s: float,
        buffer_bytes: int | None = None,
        loss_prob: float = 0.0,
        bidirectional: bool = True,
        *,
        buffer_packets: int | None = None,
        scheduler: str = "fifo",
        segment: str | None = None,
        link_cls: type[Link] = Link,
        **attrs: Any,
    ) -> Link:
        """Add a link from ``a`` to ``b`` (and, if ``bidirectional``, an identical one back).

        Returns the ``a -> b`` link; the reverse one is ``net.link(b, a)``. See
        :class:`~netsim.core.link.Link` for the parameters; ``link_cls`` is a subclass
        of it to use instead (extra keyword arguments go to its constructor).
        """
        for field, node in (("a", a), ("b", b)):
            if node not in self.graph:
                raise ParameterError(field, node, "an existing node (add_node first)")
        if a == b:
            raise ParameterError("b", b, f"a node other than a={a!r} (no self-loops)")
        pairs = [(a, b), (b, a)] if bidirectional else [(a, b)]
        for u, v in pairs:
            if self.graph.has_edge(u, v):
                raise ParameterError("b", v, f"a node not yet linked from {u!r}")
        made = []
        for u, v in pairs:
            link = link_cls(self, len(self.links), u, v, rate_bps, delay_s, buffer_bytes,
                            buffer_packets, loss_prob, scheduler, segment, **attrs)
            self.links.append(link)
            self.graph.add_edge(u, v, link=link)
            made.append(link)
        self._ver += 1
        for link in made:
            for fn in self._listeners:
                fn("add", link)
        return made[0]

    def link(self, a: Hashable, b: Hashable) -> Link:
        """The link from ``a`` to ``b``."""
        try:
            return self.graph.edges[a, b]["link"]
        except KeyError:
            raise ParameterError("(a, b)", (a, b), "a pair of nodes joined by a link") from None

    @property
    def nodes(self) -> list:
        """Node names, in the order they were added."""
        return list(self.graph.nodes)

    def add_listener(self, fn) -> None:
        """Call ``fn(event, link)`` when a link is added or changes (used by engines)."""
        self._listeners.append(fn)

    def add_route_listener(self, fn) -> None:
        """Call ``fn(flow)`` when a flow's route is (re)computed or pinned (the route a
        flow's packets take from then on; used by the experiment layer's route table)."""
        self._route_listeners.append(fn)

    def _link_changed(self, link: Link, routing: bool = True) -> None:
        """A link's state changed; ``routing``: in a way that can change routes (delay,
        up/down), which makes default-routed flows recompute their path lazily."""
        if routing:
            self._ver += 1
        for fn in self._listeners:
            fn("change", link)

    # -- routing ----------------------------------------------------------------------
    def shortest_path(self, src: Hashable, dst: Hashable, weight: str = "delay_s") -> list | None:
        """Shortest path from ``src`` to ``dst`` over links that are up (None if none).

        ``weight`` is ``"delay_s"`` (propagation delay; ties broken by fewer hops) or
        ``"hops"``.
        """
        if weight == "delay_s":
            def w(u, v, d):
                link = d["link"]
                return link._delay + 1e-12 if link._up else None
        elif weight == "hops":
            def w(u, v, d):
                return 1.0 if d["link"]._up else None
        else:
            raise ParameterError("weight", weight, "'delay_s' or 'hops'")
        try:
            return nx.dijkstra_path(self.graph, src, dst, weight=w)
        except nx.NetworkXNoPath:
            return None

    def path_links(self, path: Iterable[Hashable]) -> list[Link]:
        """The links along a node path; raises if two consecutive nodes are not linked."""
        path = list(path)
        if len(path) < 2:
            raise ParameterError("path", path, "at least two nodes")
        out = []
        for i, (u, v) in enumerate(zip(path[:-1], path[1:])):
            if not self.graph.has_edge(u, v):
                raise ParameterError(f"path[{i}:{i + 2}]", [u, v], "two nodes joined by a link")
            out.append(self.graph.edges[u, v]["link"])
        return out

    def set_path(self, flow: Flow | str, path: Iterable[Hashable] | None) -> None:
        """Install (pin) a node path for ``flow``; ``None`` returns it to default routing.

        Packets already sent keep the route they were sent on.
        """
        flow = self.flows[flow] if isinstance(flow, str) else flow
        if path is None:
            flow.pinned = False
            flow._ver = -1
            return
        path = list(path)
        if path[0] != flow.src or path[-1] != flow.dst:
            raise ParameterError("path", path, f"a path from {flow.src!r} to {flow.dst!r}")
        flow.route = self.path_links(path)
        flow.path = path
        flow.pinned = True
        for fn in self._route_listeners:
            fn(flow)

    def _route(self, flow: Flow) -> None:
        flow.path = self.shortest_path(flow.src, flow.dst)
        flow.route = self.path_links(flow.path) if flow.path else None
        flow._ver = self._ver
        for fn in self._route_listeners:
            fn(flow)

    # -- flows ------------------------------------------------------------------------
    def add_flow(
        self,
        src: Hashable,
        dst: Hashable,
        traffic: Traffic,
        start_s: float = 0.0,
        stop_s: float | None = None,
        priority: int = 0,
        name: str | None = None,
        path: Iterable[Hashable] | None = None,
        record: bool = True,
    ) -> Flow:
        """Add a packet flow from ``src`` to ``dst`` driven by a traffic model.

        Parameters
        ----------
        traffic : Traffic
            :class:`~netsim.CBR`, :class:`~netsim.Poisson`, :class:`~netsim.OnOff` or
            :class:`~netsim.TraceReplay`.
        start_s, stop_s : float
            The source sends in ``[start_s, stop_s)`` (s); ``stop_s=None``: until the end.
        priority : int
            Priority class (0 highest) for strict-priority queues.
        path : list of node, optional
            A pinned node path; default: shortest-delay routing.
        record : bool
            Keep per-packet latency samples (needed for quantiles and plots).
        """
        for field, node in (("src", src), ("dst", dst)):
            if node not in self.graph:
                raise ParameterError(field, node, "an existing node")
        if src == dst:
            raise ParameterError("dst", dst, f"a node other than src={src!r}")
        if not isinstance(traffic, Traffic):
            raise ParameterError("traffic", traffic, "a netsim traffic model (CBR, Poisson, ...)")
        name = name if name is not None else f"flow{len(self.flows)}"
        if name in self.flows:
            raise ParameterError("name", name, "a flow name not used yet")
        if not (isinstance(start_s, (int, float)) and start_s >= self.sim.env.now):
            raise ParameterError("start_s", start_s, f"a time >= now ({self.sim.env.now} s)")
        if stop_s is not None and not (isinstance(stop_s, (int, float)) and stop_s >= start_s):
            raise ParameterError("stop_s", stop_s, f"None or a time >= start_s ({start_s} s)")
        if isinstance(priority, bool) or not isinstance(priority, int) or priority < 0:
            raise ParameterError("priority", priority, "an integer >= 0 (0 is highest)")
        flow = Flow(name, src, dst, traffic, priority, float(start_s),
                    None if stop_s is None else float(stop_s), bool(record))
        self.flows[name] = flow
        if path is not None:
            self.set_path(flow, path)
        flow.source = traffic._make_source(self, flow)
        flow.source.start()
        return flow

    # -- packet events (hot) ----------------------------------------------------------
    def _send(self, flow: Flow, size_bytes: float) -> None:
        pid = self._pid
        self._pid = pid + 1
        flow.sent += 1
        flow.sent_bytes += size_bytes
        if flow._ver != self._ver and not flow.pinned:
            self._route(flow)
        sim = self.sim
        route = flow.route
        pkt = Packet(pid, flow, size_bytes, sim.env._now, flow.priority, route)
        if sim.trace_enabled:
            sim.trace("send", flow.src, pid)
        if route is None:
            self._lose(pkt, LossReason.NO_ROUTE)
            return
        route[0].send(pkt)

    def _deliver(self, pkt: Packet) -> None:
        flow = pkt.flow
        flow.delivered += 1
        flow.delivered_bytes += pkt.size_bytes
        if flow.record:
            now = self.sim.env._now
            flow._lat.append(now - pkt.created_s)
            flow._t.append(now)
            flow._sz.append(pkt.size_bytes)
        if self.sim.trace_enabled:
            self.sim.trace("deliver", flow.dst, pkt.pid)

    def _lose(self, pkt: Packet, reason: str) -> None:
        pkt.flow.lost[reason] += 1
        if self.sim.trace_enabled:
            node = pkt.route[pkt.hop].src if pkt.route else pkt.flow.src
            self.sim.trace("lost:" + reason, node, pkt.pid)

    # -- checks -----------------------------------------------------------------------
    def check_conservation(self) -> dict[str, tuple[int, int, int, int]]:
        """Check ``sent == delivered + lost + in flight`` for every flow, counting the
        packets actually held by links; returns ``{flow: (sent, delivered, lost, in
        flight)}`` or raises :class:`ConservationError`."""
        held: dict[str, int] = dict.fromkeys(self.flows, 0)
        for link in self.links:
            for pkt in link.in_flight():
                held[pkt.flow.name] += 1
        out = {}
        for name, f in self.flows.items():
            row = (f.sent, f.delivered, f.lost_total, held[name])
            if f.sent != f.delivered + f.lost_total + held[name] or f.in_flight != held[name]:
                raise ConservationError(
                    f"flow {name!r}: sent={f.sent} != delivered={f.delivered} + "
                    f"lost={f.lost_total} + in flight={held[name]}"
                )
            out[name] = row
        return out
