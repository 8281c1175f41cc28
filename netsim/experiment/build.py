"""Build a simulation from a validated scenario."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from netsim.core import CBR, Network, OnOff, Poisson, Simulation, TraceReplay
from netsim.core.fluid import FlowLevel
from netsim.experiment import sections as _sections
from netsim.experiment.scenario import (
    CbrSpec,
    OnOffSpec,
    PoissonSpec,
    Scenario,
    TraceSpec,
)

__all__ = ["BuildContext", "build"]


@dataclass
class BuildContext:
    """What a built scenario consists of; segment sections extend it while building."""

    scenario: Scenario
    sim: Simulation
    net: Network
    fluid: FlowLevel | None = None
    tables: dict[str, Callable[[], Any]] = field(default_factory=dict)
    """Extra result tables: name -> function returning a DataFrame at the end."""
    kpis: list[Callable[[], dict[str, float]]] = field(default_factory=list)
    """Functions returning named scalar KPIs at the end of the run."""
    state: dict[str, Any] = field(default_factory=dict)
    """Objects sections share (e.g. ``state["radio"]`` for the radio segment)."""

    def add_table(self, name: str, fn: Callable[[], Any]) -> None:
        """Register a result table computed at the end of the run."""
        self.tables[name] = fn

    def add_kpis(self, fn: Callable[[], dict[str, float]]) -> None:
        """Register a function returning named scalar KPIs at the end of the run."""
        self.kpis.append(fn)


def _traffic(spec, base_dir: str):
    if isinstance(spec, CbrSpec):
        return CBR(rate_bps=spec.rate_bps, packet_size_bytes=spec.packet_size_bytes)
    if isinstance(spec, PoissonSpec):
        return Poisson(rate_pps=spec.rate_pps, rate_bps=spec.rate_bps,
                       packet_size_bytes=spec.packet_size_bytes, size_dist=spec.size_dist)
    if isinstance(spec, OnOffSpec):
        return OnOff(peak_rate_bps=spec.peak_rate_bps, mean_on_s=spec.mean_on_s,
                     mean_off_s=spec.mean_off_s, packet_size_bytes=spec.packet_size_bytes,
                     shape=spec.shape, dist=spec.dist)
    if isinstance(spec, TraceSpec):
        return TraceReplay.from_csv(os.path.join(base_dir, spec.file))
    raise TypeError(spec)  # pragma: no cover - the schema admits no other model


def build(scn: Scenario, seed: int | None = None) -> BuildContext:
    """Make the simulation, network, segments, traffic and events of ``scn``."""
    sim = Simulation(seed=scn.seed if seed is None else seed)
    net = Network(sim)
    ctx = BuildContext(scn, sim, net)
    for n in scn.nodes:
        attrs = dict(n.attrs)
        if n.segment is not None:
            attrs["segment"] = n.segment
        net.add_node(n.name, **attrs)
    # segments (order < 50) first, so core links may end at the nodes they create; then
    # the core links; then control-like sections (order >= 50) that see every link
    order = sorted(scn.sections, key=lambda k: (_sections.get(k).order, k))
    for key in [k for k in order if _sections.get(k).order < _sections.CONTROL_ORDER]:
        _sections.get(key).build(scn.sections[key], ctx)
    for k in scn.links:
        net.add_link(k.a, k.b, rate_bps=k.rate_bps, delay_s=k.delay_s,
                     buffer_bytes=k.buffer_bytes, loss_prob=k.loss_prob,
                     bidirectional=k.bidirectional, buffer_packets=k.buffer_packets,
                     scheduler=k.scheduler, segment=k.segment)
    for key in [k for k in order if _sections.get(k).order >= _sections.CONTROL_ORDER]:
        _sections.get(key).build(scn.sections[key], ctx)
    for i, t in enumerate(scn.traffic):
        net.add_flow(t.src, t.dst, _traffic(t, scn.base_dir), start_s=t.start_s,
                     stop_s=t.stop_s, priority=t.priority,
                     name=t.name if t.name is not None else f"flow{i}", path=t.path,
                     record=t.record)
    if scn.fluid is not None:
        fl = ctx.fluid or FlowLevel(net, max_hops=scn.fluid.max_hops,
                                    packet_share=scn.fluid.packet_share)
        ctx.fluid = fl
        for i, a in enumerate(scn.fluid.arrivals):
            fl.poisson_arrivals(a.rate_per_s, a.mean_size_bytes, pairs=a.pairs,
                                size_dist=a.size_dist, stop_s=a.stop_s,
                                max_flows=a.max_flows, pareto_shape=a.pareto_shape,
                                stream=f"fluid:arrivals:{i}")
        for f in scn.fluid.flows:
            fl.add_flow(f.src, f.dst, f.size_bytes, start_s=f.start_s, path=f.path)
    for ev in scn.events:
        _schedule_change(ctx, ev)
    if scn.outputs.sample_queues_s is not None:
        net.monitor.sample_queues(scn.outputs.sample_queues_s)
    return ctx


def _schedule_change(ctx: BuildContext, ev) -> None:
    a, b = ev.link
    changes = ev.set.model_dump(exclude_none=True)

    def apply():
        pairs = [(a, b), (b, a)] if ev.both_directions else [(a, b)]
        for u, v in pairs:
            if not ctx.net.graph.has_edge(u, v):
                continue
            link = ctx.net.link(u, v)
            for attr, value in changes.items():
                setattr(link, attr, value)

    ctx.sim.call_at(ev.at_s, apply)
