"""Scenario files: a validated description of one simulation.

A scenario is YAML with core sections (``name``, ``seed``, ``run``, ``nodes``, ``links``,
``traffic``, ``fluid``, ``events``, ``outputs``) and optional segment sections (``radio``,
``optical``, ``space``, ``control``, ...), each validated by the model its segment
registers in :mod:`netsim.experiment.sections`. Everything is checked before anything
runs; a :class:`~netsim.errors.ScenarioError` lists every problem with its field path,
value and what is allowed.
"""

from __future__ import annotations

import hashlib
import json
import os
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    NonNegativeFloat,
    NonNegativeInt,
    PositiveFloat,
    TypeAdapter,
    ValidationError,
)

from netsim.errors import ScenarioError
from netsim.experiment import sections as _sections
from netsim.experiment.yamlio import load_yaml

__all__ = [
    "Scenario", "NodeSpec", "LinkSpec", "CbrSpec", "PoissonSpec", "OnOffSpec", "TraceSpec",
    "FluidSpec", "EventSpec", "RunSpec", "OutputSpec", "load_scenario", "parse_scenario",
    "format_validation_error",
]

NodeName = str | int
Probability = Annotated[float, Field(ge=0.0, le=1.0)]


class Spec(BaseModel):
    """Base of every scenario model: unknown fields are errors; values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)


class RunSpec(Spec):
    """How long to simulate."""

    duration_s: PositiveFloat
    """Simulated time (s)."""
    warmup_s: NonNegativeFloat = 0.0
    """Packets sent before this time are left out of latency statistics (s)."""


class OutputSpec(Spec):
    """What a run writes."""

    plots: bool = True
    """Write the latency CDF and throughput plots (PNG)."""
    latency_samples: bool = True
    """Write every delivered packet's latency (``latency.csv``)."""
    sample_queues_s: PositiveFloat | None = None
    """Record queue lengths at this interval (``queue.csv``)."""
    throughput_interval_s: PositiveFloat | None = None
    """Bin width of ``throughput.csv`` (default: duration / 100)."""
    link_state: bool = True
    """Record every link's rate, delay, loss and up state when it changes
    (``link_state.csv``, what ``netsim export`` replays). Turn off for segments that
    rewrite thousands of links every epoch (a satellite shell)."""


class NodeSpec(Spec):
    """A node. ``attrs`` are kept on the graph node."""

    name: NodeName
    segment: str | None = None
    attrs: dict[str, Any] = {}


class LinkSpec(Spec):
    """A link between two nodes (both directions unless ``bidirectional: false``)."""

    a: NodeName
    b: NodeName
    rate_bps: PositiveFloat
    delay_s: NonNegativeFloat
    buffer_bytes: NonNegativeInt | None = None
    buffer_packets: NonNegativeInt | None = None
    loss_prob: Probability = 0.0
    bidirectional: bool = True
    scheduler: Literal["fifo", "priority"] = "fifo"
    segment: str | None = None


class _FlowCommon(Spec):
    name: str | None = None
    src: NodeName
    dst: NodeName
    start_s: NonNegativeFloat = 0.0
    stop_s: NonNegativeFloat | None = None
    priority: NonNegativeInt = 0
    path: list[NodeName] | None = None
    record: bool = True


class CbrSpec(_FlowCommon):
    """Constant bit rate packets."""

    model: Literal["cbr"]
    rate_bps: PositiveFloat
    packet_size_bytes: PositiveFloat = 1000.0


class PoissonSpec(_FlowCommon):
    """Poisson packet arrivals (give ``rate_pps`` or ``rate_bps``)."""

    model: Literal["poisson"]
    rate_pps: PositiveFloat | None = None
    rate_bps: PositiveFloat | None = None
    packet_size_bytes: PositiveFloat = 1000.0
    size_dist: Literal["constant", "exponential"] = "constant"


class OnOffSpec(_FlowCommon):
    """On/off source with Pareto (or exponential) periods."""

    model: Literal["onoff"]
    peak_rate_bps: PositiveFloat
    mean_on_s: PositiveFloat
    mean_off_s: PositiveFloat
    packet_size_bytes: PositiveFloat = 1000.0
    shape: Annotated[float, Field(gt=1.0)] = 1.5
    dist: Literal["pareto", "exponential"] = "pareto"


class TraceSpec(_FlowCommon):
    """Trace replay from a CSV (``time_s``, ``size_bytes``), relative to the scenario file."""

    model: Literal["trace"]
    file: str


TrafficSpec = Annotated[
    CbrSpec | PoissonSpec | OnOffSpec | TraceSpec, Field(discriminator="model")
]


class FluidArrivalsSpec(Spec):
    """Poisson flow arrivals for the flow-level engine."""

    rate_per_s: PositiveFloat
    mean_size_bytes: PositiveFloat
    size_dist: Literal["exponential", "constant", "pareto"] = "exponential"
    pareto_shape: Annotated[float, Field(gt=1.0)] = 1.5
    pairs: list[tuple[NodeName, NodeName]] | None = None
    stop_s: NonNegativeFloat | None = None
    max_flows: Annotated[int, Field(gt=0)] | None = None


class FluidFlowSpec(Spec):
    """One flow-level flow."""

    src: NodeName
    dst: NodeName
    size_bytes: PositiveFloat
    start_s: NonNegativeFloat = 0.0
    path: list[NodeName] | None = None


class FluidSpec(Spec):
    """Flow-level (max-min fair) traffic."""

    arrivals: list[FluidArrivalsSpec] = []
    flows: list[FluidFlowSpec] = []
    max_hops: Annotated[int, Field(gt=0)] = 32
    packet_share: Annotated[float, Field(gt=0.0, lt=1.0)] | None = None
    """Couple with packet-level traffic: flow-level flows share (1 - packet_share) of
    each link; packets are served at what they leave (None: no coupling)."""


class LinkChange(Spec):
    up: bool | None = None
    rate_bps: PositiveFloat | None = None
    delay_s: NonNegativeFloat | None = None
    loss_prob: Probability | None = None


class EventSpec(Spec):
    """A scheduled change of a link's state (a fibre cut, a repair, a rate change)."""

    at_s: NonNegativeFloat
    link: tuple[NodeName, NodeName]
    set: LinkChange
    both_directions: bool = True


class Scenario(Spec):
    """A validated scenario. Segment sections are in :attr:`sections`."""

    name: str
    description: str = ""
    seed: NonNegativeInt = 0
    run: RunSpec
    nodes: list[NodeSpec] = []
    links: list[LinkSpec] = []
    traffic: list[TrafficSpec] = []
    fluid: FluidSpec | None = None
    events: list[EventSpec] = []
    outputs: OutputSpec = OutputSpec()
    sections: dict[str, Any] = {}
    """Validated segment sections by name (not a YAML key: each is a top-level key)."""
    base_dir: str = "."
    """Folder of the scenario file; relative file names are resolved against it."""

    def digest(self) -> str:
        """SHA-256 of the validated scenario (canonical JSON), for manifests."""
        data = self.model_dump(mode="json", exclude={"base_dir"})
        blob = json.dumps(data, sort_keys=True, separators=(",", ":")).encode()
        return hashlib.sha256(blob).hexdigest()


_CORE_KEYS = set(Scenario.model_fields) - {"sections", "base_dir"}
_ADAPTERS = {  # field type with its constraints (kept in FieldInfo.metadata)
    k: TypeAdapter(Annotated[Scenario.model_fields[k].annotation, Scenario.model_fields[k]])
    for k in _CORE_KEYS
}


def _path(loc) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "<root>"


def format_validation_error(exc: ValidationError, prefix: str = "") -> list[str]:
    """One line per problem: ``field.path: value -> what is allowed``."""
    lines = []
    for err in exc.errors():
        loc = list(err["loc"])
        # drop the discriminator tag pydantic inserts for tagged unions
        loc = [p for p in loc if p not in ("cbr", "poisson", "onoff", "trace")]
        field = _path(([prefix] if prefix else []) + loc)
        if err["type"] == "extra_forbidden":
            lines.append(f"{field}: unknown field (value {err['input']!r})")
        elif err["type"] == "missing":
            lines.append(f"{field}: required field is missing")
        else:
            lines.append(f"{field}: {err['input']!r} is not allowed: {err['msg']}")
    return lines


def parse_scenario(data: Any, base_dir: str = ".", source: str = "<scenario>") -> Scenario:
    """Validate a scenario given as a mapping (e.g. parsed YAML)."""
    if not isinstance(data, dict):
        raise ScenarioError(f"{source}: a scenario must be a mapping, got {type(data).__name__}")
    problems: list[str] = []
    core = {k: v for k, v in data.items() if k in _CORE_KEYS}
    extra = {k: v for k, v in data.items() if k not in _CORE_KEYS}
    sections: dict[str, Any] = {}
    for key, value in extra.items():
        section = _sections.get(key)
        if section is None:
            allowed = sorted(_CORE_KEYS | set(_sections.names()))
            problems.append(f"{key}: unknown field; allowed top-level fields: {allowed}")
            continue
        try:
            sections[key] = section.model.model_validate(value)
        except ValidationError as exc:
            problems.extend(format_validation_error(exc, prefix=key))
    # validate each core key on its own, so that every problem is reported at once and
    # cross-references are checked among the parts that are valid
    parts: dict[str, Any] = {}
    for key, value in core.items():
        try:
            parts[key] = _ADAPTERS[key].validate_python(value)
        except ValidationError as exc:
            problems.extend(format_validation_error(exc, prefix=key))
    for key in ("name", "run"):
        if key not in core:
            problems.append(f"{key}: required field is missing")
    lenient = Scenario.model_construct(**parts, sections=sections, base_dir=base_dir)
    problems.extend(_check_references(lenient))
    if "run" in parts:
        for key, cfg in sections.items():
            check = _sections.get(key).check
            if check is not None:
                problems.extend(check(cfg, lenient))
    if problems:
        raise ScenarioError(f"{source}: invalid scenario:\n  " + "\n  ".join(problems))
    return Scenario.model_validate({**core, "sections": sections, "base_dir": base_dir})


def load_scenario(path: str | os.PathLike) -> Scenario:
    """Read and validate a YAML scenario file."""
    path = os.fspath(path)
    data = load_yaml(path)
    return parse_scenario(data, base_dir=os.path.dirname(os.path.abspath(path)), source=path)


def _check_references(scn: Scenario) -> list[str]:
    """Cross-field checks pydantic cannot do field by field."""
    problems = []
    names = [n.name for n in scn.nodes]
    nodes = set()
    for i, n in enumerate(names):
        if n in nodes:
            problems.append(f"nodes[{i}].name: {n!r} is not allowed: duplicate node name")
        nodes.add(n)
    # segment sections may declare nodes of their own
    for key, cfg in scn.sections.items():
        declared = _sections.get(key).nodes
        if declared is not None:
            nodes |= set(declared(cfg))
    pairs = set()
    for i, link in enumerate(scn.links):
        for end in ("a", "b"):
            v = getattr(link, end)
            if v not in nodes:
                problems.append(f"links[{i}].{end}: {v!r} is not allowed: not a declared node")
        if link.a == link.b:
            problems.append(f"links[{i}].b: {link.b!r} is not allowed: a link joins two nodes")
        for p in [(link.a, link.b)] + ([(link.b, link.a)] if link.bidirectional else []):
            if p in pairs:
                problems.append(f"links[{i}]: {list(p)} is not allowed: duplicate link")
            pairs.add(p)
    flow_names = set()
    for i, t in enumerate(scn.traffic):
        for end in ("src", "dst"):
            v = getattr(t, end)
            if v not in nodes:
                problems.append(f"traffic[{i}].{end}: {v!r} is not allowed: not a declared node")
        if t.src == t.dst:
            problems.append(f"traffic[{i}].dst: {t.dst!r} is not allowed: equals src")
        if t.stop_s is not None and t.stop_s < t.start_s:
            problems.append(f"traffic[{i}].stop_s: {t.stop_s!r} is not allowed: < start_s")
        if t.name is not None:
            if t.name in flow_names:
                problems.append(f"traffic[{i}].name: {t.name!r} is not allowed: duplicate")
            flow_names.add(t.name)
        if isinstance(t, PoissonSpec) and (t.rate_pps is None) == (t.rate_bps is None):
            problems.append(f"traffic[{i}]: give exactly one of rate_pps and rate_bps")
        if isinstance(t, TraceSpec):
            f = os.path.join(scn.base_dir, t.file)
            if not os.path.isfile(f):
                problems.append(f"traffic[{i}].file: {t.file!r} is not allowed: no such file")
        if t.path is not None:
            problems.extend(_check_path(f"traffic[{i}].path", t.path, t.src, t.dst, pairs))
    if scn.fluid is not None:
        for i, a in enumerate(scn.fluid.arrivals):
            for j, (u, v) in enumerate(a.pairs or []):
                if u not in nodes or v not in nodes or u == v:
                    problems.append(f"fluid.arrivals[{i}].pairs[{j}]: {[u, v]!r} is not "
                                    "allowed: two different declared nodes")
        for i, f in enumerate(scn.fluid.flows):
            for end in ("src", "dst"):
                if getattr(f, end) not in nodes:
                    problems.append(f"fluid.flows[{i}].{end}: {getattr(f, end)!r} is not "
                                    "allowed: not a declared node")
    for i, ev in enumerate(scn.events):
        if tuple(ev.link) not in pairs and not _sections.declares_link(scn, tuple(ev.link)):
            problems.append(f"events[{i}].link: {list(ev.link)!r} is not allowed: no such link")
        run = getattr(scn, "run", None)
        if run is not None and ev.at_s > run.duration_s:
            problems.append(f"events[{i}].at_s: {ev.at_s!r} is not allowed: after the run "
                            f"ends (run.duration_s = {run.duration_s})")
    return problems


def _check_path(field, path, src, dst, pairs) -> list[str]:
    if len(path) < 2 or path[0] != src or path[-1] != dst:
        return [f"{field}: {path!r} is not allowed: a node path from {src!r} to {dst!r}"]
    return [f"{field}[{i}:{i + 2}]: {[u, v]!r} is not allowed: no such link"
            for i, (u, v) in enumerate(zip(path[:-1], path[1:])) if (u, v) not in pairs]
