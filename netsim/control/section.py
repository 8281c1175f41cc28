"""The ``control:`` scenario section: a controller, a request generator, a reroute policy.

Example (YAML)::

    control:
      controller: {name: cspf}            # any name of netsim.control.controller_names()
      detect_s: 0.05                      # failure detection before a reroute (s)
      reroute: reroute                    # or drop
      requests:
        arrival_rate_per_s: 2.0           # Poisson arrivals
        holding_s: 30.0                   # mean holding time (s)
        holding_dist: exponential         # or fixed
        capacity_bps: [1.0e8, 5.0e8]      # drawn uniformly from this list
        latency_bound_s: [0.005, .inf]    # drawn uniformly from this list
        reliability: 0.0
        pairs: [[a, b], [b, a]]           # default: every ordered pair of nodes
        stop_s: 100.0                     # default: the end of the run

Controller options are passed as keyword arguments; an option whose name ends in
``_file`` is a path relative to the scenario file. The built
:class:`~netsim.control.allocator.Allocator` is ``ctx.state["control"]``; an RMSA object
in ``ctx.state["rmsa"]`` (set by an optical section) is shown to the controller as
``view.rmsa``. Results: the table ``control_requests`` (one row per request) and the
KPIs ``control_blocking``, ``control_intent_met_share``, ``control_mean_interruption_s``,
... (:meth:`Allocator.summary` with a ``control_`` prefix).
"""

from __future__ import annotations

import math
import os
from typing import Annotated, Any, Literal

from pydantic import Field, NonNegativeFloat, PositiveFloat

from netsim.control.allocator import REROUTE_POLICIES, Allocator
from netsim.control.controller import controller_names, make_controller
from netsim.control.request import Request
from netsim.core.simulation import Callback
from netsim.experiment import sections as _sections
from netsim.experiment.scenario import Spec

__all__ = ["SECTION", "ControlSpec", "ControllerSpec", "RequestsSpec", "build"]

NodeName = str | int


class ControllerSpec(Spec):
    """Which controller decides, with its keyword options."""

    name: str = "cspf"
    options: dict[str, Any] = {}


class RequestsSpec(Spec):
    """Poisson request arrivals."""

    arrival_rate_per_s: PositiveFloat
    holding_s: PositiveFloat
    """Mean holding time (s)."""
    holding_dist: Literal["exponential", "fixed"] = "exponential"
    capacity_bps: Annotated[list[PositiveFloat], Field(min_length=1)]
    """Capacities (bit/s), drawn uniformly."""
    latency_bound_s: Annotated[list[PositiveFloat], Field(min_length=1)] = [math.inf]
    """Latency bounds (s; ``.inf`` for none), drawn uniformly."""
    reliability: Annotated[float, Field(ge=0.0, lt=1.0)] = 0.0
    priority: Annotated[int, Field(ge=0)] = 0
    pairs: list[tuple[NodeName, NodeName]] | None = None
    start_s: NonNegativeFloat = 0.0
    stop_s: NonNegativeFloat | None = None
    max_requests: Annotated[int, Field(gt=0)] | None = None


class ControlSpec(Spec):
    """The ``control:`` section."""

    controller: ControllerSpec = ControllerSpec()
    detect_s: NonNegativeFloat = 0.05
    reroute: Literal[REROUTE_POLICIES] = "reroute"  # type: ignore[valid-type]
    requests: RequestsSpec | None = None


def _all_nodes(scenario) -> set:
    nodes = {n.name for n in scenario.nodes}
    for key, cfg in scenario.sections.items():
        sec = _sections.get(key)
        if sec is not None and sec.nodes is not None:
            nodes |= set(sec.nodes(cfg))
    return nodes


def check(cfg: ControlSpec, scenario) -> list[str]:
    """Cross-references: the controller name and the request pairs' nodes."""
    problems = []
    names = controller_names()
    if cfg.controller.name not in names:
        problems.append(f"control.controller.name: {cfg.controller.name!r} is not allowed: "
                        f"expected one of {names}")
    if cfg.requests is not None and cfg.requests.pairs is not None:
        nodes = _all_nodes(scenario)
        for i, (a, b) in enumerate(cfg.requests.pairs):
            for end, v in (("0", a), ("1", b)):
                if v not in nodes:
                    problems.append(f"control.requests.pairs[{i}][{end}]: {v!r} is not "
                                    "allowed: not a declared node")
            if a == b:
                problems.append(f"control.requests.pairs[{i}]: {[a, b]} is not allowed: "
                                "src and dst must differ")
    return problems


def _start_requests(alloc: Allocator, spec: RequestsSpec, end_s: float) -> None:
    sim = alloc.sim
    rng = sim.rng("control:requests")
    if spec.pairs is not None:
        pairs = [tuple(p) for p in spec.pairs]
    else:
        nodes = list(alloc.net.graph.nodes)
        pairs = [(a, b) for a in nodes for b in nodes if a != b]
    stop_s = end_s if spec.stop_s is None else spec.stop_s
    count = [0]

    def arrive(cb: Callback) -> None:
        now = sim.now_s
        if now > stop_s:
            return
        p = pairs[int(rng.integers(len(pairs)))]
        hold = (float(rng.exponential(spec.holding_s)) if spec.holding_dist == "exponential"
                else spec.holding_s)
        req = Request(
            count[0], p[0], p[1],
            capacity_bps=float(spec.capacity_bps[int(rng.integers(len(spec.capacity_bps)))]),
            latency_bound_s=float(
                spec.latency_bound_s[int(rng.integers(len(spec.latency_bound_s)))]),
            reliability=spec.reliability, priority=spec.priority,
            holding_s=hold, arrival_s=now,
        )
        alloc.submit(req)
        count[0] += 1
        if spec.max_requests is None or count[0] < spec.max_requests:
            sim.schedule(float(rng.exponential(1.0 / spec.arrival_rate_per_s)), cb)

    cb = Callback(arrive)
    sim.schedule(spec.start_s + float(rng.exponential(1.0 / spec.arrival_rate_per_s)), cb)


def build(cfg: ControlSpec, ctx) -> None:
    """Make the controller and allocator, start the request generator, register results."""
    base = ctx.scenario.base_dir or "."
    opts = {k: (os.path.join(base, v) if k.endswith("_file") and isinstance(v, str) else v)
            for k, v in cfg.controller.options.items()}
    ctl = make_controller(cfg.controller.name, **opts)
    alloc = Allocator(ctx.net, ctl, rmsa=ctx.state.get("rmsa"), detect_s=cfg.detect_s,
                      reroute=cfg.reroute)
    ctx.state["control"] = alloc
    if cfg.requests is not None:
        _start_requests(alloc, cfg.requests, ctx.scenario.run.duration_s)
    ctx.add_table("control_requests", alloc.to_dataframe)
    ctx.add_kpis(lambda: {f"control_{k}": v for k, v in alloc.summary().items()})


SECTION = _sections.Section("control", ControlSpec, build, check=check, order=50)
