"""The ``optical:`` scenario section: ROADMs, fibres, spectrum, RMSA, lightpaths, cuts.

YAML (every field optional except a topology and the lightpaths' ends)::

    optical:
      topology: nsfnet            # a shipped topology (load_topology), or:
      # nodes: [A, B, C]
      # fibres: [{a: A, b: B, length_km: 80}, ...]
      node_names: label           # shipped topologies: node label (WA, CA1, ...) or id
      spectrum: {n_slots: 320, slot_width_ghz: 12.5, guard_slots: 1}
      rmsa: {policy: ksp_ff, k_paths: 5, path_order: km, directed_fibres: true}
      modulation: {model: reach}  # DeepRMSA reach table; or model: gsnr (GN model)
      roadm: {add_drop_latency_s: 5.0e-6, pass_through_latency_s: 0.0,
              oeo_regeneration_latency_s: 2.0e-5, reconfiguration_time_s: 1.0,
              group_index: 1.4682}
      lightpaths:
        - {src: NY, dst: CA1, rate_gbps: 100}           # static: up at t = 0
        - {src: WA, dst: IL, rate_gbps: auto, at_s: 2}  # on demand: set up at 2 s
      events:
        - {at_s: 5.0, action: cut, fibre: [NE, IL]}
        - {at_s: 8.0, action: repair, fibre: [NE, IL]}

The section declares its ROADM names (``nodes``) and the directed lightpath pairs
(``links``) so that core ``traffic`` and ``events`` may refer to them. It builds an
:class:`netsim.optical.lightpath.OpticalSegment` (``ctx.state["optical"]``; its spectrum,
a :class:`~netsim.optical.lightpath.RestorableRMSA`, is ``ctx.state["rmsa"]`` for the
control section) and adds the
tables ``optical_lightpaths`` and ``optical_outages`` and ``optical_*`` KPIs.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Any, Literal

import networkx as nx
from pydantic import Field, NonNegativeFloat, NonNegativeInt, PositiveFloat, PositiveInt

from netsim.errors import ParameterError
from netsim.experiment.scenario import Spec
from netsim.experiment.sections import Section
from netsim.optical.lightpath import OpticalSegment
from netsim.optical.modulation_reach import ReachTable, load_reach_table
from netsim.optical.physical_reach import gsnr_reach_table
from netsim.optical.rmsa import POLICIES, RmsaOptions
from netsim.optical.roadm import SSMF_GROUP_INDEX, RoadmParameters
from netsim.optical.topology import available_topologies, load_topology, topology_from_edges

__all__ = [
    "FibreSpec", "SpectrumSpec", "RmsaSpec", "ModulationSpec", "RoadmSpec", "LightpathSpec",
    "OpticalEventSpec", "OpticalSpec", "optical_graph", "reach_table", "build", "check",
    "nodes", "links", "SECTION",
]

NodeName = str | int
Policy = Literal[tuple(POLICIES)]  # type: ignore[valid-type]


class FibreSpec(Spec):
    """A fibre (a cable: one fibre per direction) between two ROADMs."""

    a: NodeName
    b: NodeName
    length_km: PositiveFloat


class SpectrumSpec(Spec):
    """Flex-grid spectrum per fibre (default: 320 x 12.5 GHz = the 4 THz C band)."""

    n_slots: PositiveInt = 320
    slot_width_ghz: PositiveFloat = 12.5
    guard_slots: NonNegativeInt = 1


class RmsaSpec(Spec):
    """RMSA policy and options (:class:`netsim.optical.rmsa.RmsaOptions`)."""

    policy: Policy = "ksp_ff"
    k_paths: PositiveInt = 5
    path_order: Literal["km", "hops"] = "km"
    directed_fibres: bool = True
    wavelength_conversion: bool = False
    regeneration: bool = False
    regenerator_reach_km: PositiveFloat | None = None


class ModulationSpec(Spec):
    """How a route's modulation format is chosen.

    ``reach``: a reach table (``reach_table``: ``deeprmsa`` or a JSON file);
    ``gsnr``: the reach per DP format from the GN-model GSNR of identical spans
    (:func:`netsim.optical.physical_reach.gsnr_reach_table`); needed for
    ``rate_gbps: auto``.
    """

    model: Literal["reach", "gsnr"] = "reach"
    reach_table: str = "deeprmsa"
    span_length_km: PositiveFloat = 80.0
    symbol_rate_gbaud: PositiveFloat = 32.0
    spacing_ghz: PositiveFloat = 50.0
    band: Literal["C", "L"] = "C"
    noise_figure_db: NonNegativeFloat = 5.5
    margin_db: NonNegativeFloat = 0.0
    launch_power_dbm: float | None = None


class RoadmSpec(Spec):
    """ROADM latencies and reconfiguration time (:class:`RoadmParameters`)."""

    add_drop_latency_s: NonNegativeFloat = 5e-6
    pass_through_latency_s: NonNegativeFloat = 0.0
    oeo_regeneration_latency_s: NonNegativeFloat = 20e-6
    reconfiguration_time_s: NonNegativeFloat = 1.0
    group_index: Annotated[float, Field(ge=1.0)] = SSMF_GROUP_INDEX


class LightpathSpec(Spec):
    """A lightpath: static (no ``at_s``: up at t = 0) or set up on demand at ``at_s``."""

    name: str | None = None
    src: NodeName
    dst: NodeName
    rate_gbps: PositiveFloat | Literal["auto"]
    bidirectional: bool = True
    at_s: NonNegativeFloat | None = None
    teardown_at_s: NonNegativeFloat | None = None


class OpticalEventSpec(Spec):
    """A fibre cut or repair at ``at_s``."""

    at_s: NonNegativeFloat
    action: Literal["cut", "repair"]
    fibre: tuple[NodeName, NodeName]


class OpticalSpec(Spec):
    """The ``optical:`` section."""

    topology: str | None = None
    node_names: Literal["label", "id"] = "label"
    nodes: list[NodeName] | None = None
    fibres: list[FibreSpec] | None = None
    spectrum: SpectrumSpec = SpectrumSpec()
    rmsa: RmsaSpec = RmsaSpec()
    modulation: ModulationSpec = ModulationSpec()
    roadm: RoadmSpec = RoadmSpec()
    lightpaths: list[LightpathSpec] = []
    events: list[OpticalEventSpec] = []


# ---------------------------------------------------------------------------- helpers
def _graph_uncached(cfg: OpticalSpec) -> nx.Graph:
    if (cfg.topology is None) == (cfg.nodes is None and cfg.fibres is None):
        raise ParameterError(
            "optical.topology", cfg.topology,
            f"exactly one of a shipped topology {available_topologies()} or nodes + fibres",
        )
    if cfg.topology is not None:
        if cfg.topology.lower() not in available_topologies():
            raise ParameterError("optical.topology", cfg.topology,
                                 f"one of {available_topologies()}")
        g = load_topology(cfg.topology)
        if cfg.node_names == "label":
            labels = {n: d.get("label") for n, d in g.nodes(data=True)}
            if all(v is not None for v in labels.values()) and len(set(labels.values())) == len(
                labels
            ):
                g = nx.relabel_nodes(g, labels)
        return g
    if not cfg.nodes or not cfg.fibres:
        raise ParameterError("optical.fibres", cfg.fibres, "nodes and fibres both given")
    try:
        return topology_from_edges(
            list(cfg.nodes), [(f.a, f.b, f.length_km) for f in cfg.fibres], name="optical"
        )
    except ParameterError as exc:
        fld = exc.field.replace("edges", "fibres").replace(".u", ".a").replace(".v", ".b")
        raise ParameterError(f"optical.{fld}", exc.value, exc.allowed) from None


@lru_cache(maxsize=32)
def _graph_from_json(blob: str) -> nx.Graph:
    return _graph_uncached(OpticalSpec.model_validate_json(blob))


def _graph_cached(cfg: OpticalSpec) -> nx.Graph:
    # pydantic models holding lists are not hashable: cache on the canonical JSON
    return _graph_from_json(cfg.model_dump_json(include={"topology", "node_names", "nodes",
                                                         "fibres"}))


def optical_graph(cfg: OpticalSpec) -> nx.Graph:
    """The fibre topology of ``cfg`` (a copy; node ids are the ROADM names)."""
    return _graph_cached(cfg).copy()


def reach_table(cfg: OpticalSpec) -> ReachTable:
    """The modulation reach table ``cfg.modulation`` asks for."""
    m = cfg.modulation
    if m.model == "reach":
        return load_reach_table(m.reach_table)
    return gsnr_reach_table(
        span_length_km=m.span_length_km, symbol_rate_gbaud=m.symbol_rate_gbaud,
        spacing_ghz=m.spacing_ghz, band=m.band, noise_figure_db=m.noise_figure_db,
        margin_db=m.margin_db, launch_power_dbm=m.launch_power_dbm,
    )


def _rmsa_options(cfg: OpticalSpec, table: ReachTable | None) -> RmsaOptions:
    r, s = cfg.rmsa, cfg.spectrum
    return RmsaOptions(
        n_slots=s.n_slots, slot_width_ghz=s.slot_width_ghz, guard_slots=s.guard_slots,
        k_paths=r.k_paths, path_order=r.path_order, policy=r.policy,
        directed_fibres=r.directed_fibres, reach_table=table,
        wavelength_conversion=r.wavelength_conversion, regeneration=r.regeneration,
        regenerator_reach_km=r.regenerator_reach_km,
    )


def _name(i: int, lp: LightpathSpec) -> str:
    return lp.name if lp.name is not None else f"{lp.src}-{lp.dst}"


# ---------------------------------------------------------------------------- section API
def nodes(cfg: OpticalSpec) -> list:
    """ROADM names the section creates (empty if the topology is invalid: see check)."""
    try:
        return list(_graph_cached(cfg).nodes)
    except ParameterError:
        return []


def links(cfg: OpticalSpec) -> list[tuple]:
    """Directed (a, b) pairs of the lightpaths' core links."""
    out = []
    for lp in cfg.lightpaths:
        out.append((lp.src, lp.dst))
        if lp.bidirectional:
            out.append((lp.dst, lp.src))
    return out


def check(cfg: OpticalSpec, scenario: Any) -> list[str]:
    """Cross-field checks: topology, lightpath ends and pairs, events, options."""
    problems: list[str] = []
    try:
        g = _graph_cached(cfg)
    except ParameterError as exc:
        return [f"{exc.field}: {exc.value!r} is not allowed: {exc.allowed}"]
    duration = scenario.run.duration_s
    try:
        table = reach_table(cfg)
        _rmsa_options(cfg, table)
    except (ParameterError, OSError) as exc:
        fld = getattr(exc, "field", "reach_table")
        problems.append(f"optical.rmsa.{fld}: {getattr(exc, 'value', '')!r} is not allowed: "
                        f"{getattr(exc, 'allowed', exc)}")
    pairs: dict[tuple, int] = {}
    names: set[str] = set()
    for i, lp in enumerate(cfg.lightpaths):
        where = f"optical.lightpaths[{i}]"
        for end in ("src", "dst"):
            v = getattr(lp, end)
            if v not in g:
                problems.append(f"{where}.{end}: {v!r} is not allowed: not a ROADM of the "
                                f"optical topology ({sorted(map(str, g.nodes))})")
        if lp.src == lp.dst:
            problems.append(f"{where}.dst: {lp.dst!r} is not allowed: equals src")
        if lp.rate_gbps == "auto" and cfg.modulation.model != "gsnr":
            problems.append(f"{where}.rate_gbps: 'auto' is not allowed: needs "
                            "optical.modulation.model: gsnr")
        name = _name(i, lp)
        if name in names:
            problems.append(f"{where}.name: {name!r} is not allowed: duplicate lightpath name")
        names.add(name)
        for p in [(lp.src, lp.dst)] + ([(lp.dst, lp.src)] if lp.bidirectional else []):
            if p in pairs:
                problems.append(f"{where}: {list(p)!r} is not allowed: lightpaths[{pairs[p]}] "
                                "already joins this pair (one lightpath per direction)")
            pairs[p] = i
        if lp.at_s is not None and lp.at_s > duration:
            problems.append(f"{where}.at_s: {lp.at_s!r} is not allowed: after the run ends")
        if lp.teardown_at_s is not None and lp.teardown_at_s < (lp.at_s or 0.0):
            problems.append(f"{where}.teardown_at_s: {lp.teardown_at_s!r} is not allowed: "
                            "before the set-up")
    for i, ev in enumerate(cfg.events):
        a, b = ev.fibre
        if not g.has_edge(a, b):
            problems.append(f"optical.events[{i}].fibre: {[a, b]!r} is not allowed: no such "
                            "fibre in the optical topology")
        if ev.at_s > duration:
            problems.append(f"optical.events[{i}].at_s: {ev.at_s!r} is not allowed: after the "
                            f"run ends (run.duration_s = {duration})")
    core_pairs = {(k.a, k.b) for k in scenario.links} | {
        (k.b, k.a) for k in scenario.links if k.bidirectional}
    for p, i in pairs.items():
        if p in core_pairs:
            problems.append(f"optical.lightpaths[{i}]: {list(p)!r} is not allowed: a core link "
                            "already joins this pair")
    return problems


def build(cfg: OpticalSpec, ctx: Any) -> None:
    """Make the optical segment, its lightpaths and events; register tables and KPIs."""
    table = reach_table(cfg)
    r = cfg.roadm
    seg = OpticalSegment(
        ctx.sim, ctx.net, optical_graph(cfg), _rmsa_options(cfg, table),
        RoadmParameters(add_drop_latency_s=r.add_drop_latency_s,
                        pass_through_latency_s=r.pass_through_latency_s,
                        oeo_regeneration_latency_s=r.oeo_regeneration_latency_s,
                        reconfiguration_time_s=r.reconfiguration_time_s,
                        group_index=r.group_index),
        symbol_rate_gbaud=cfg.modulation.symbol_rate_gbaud,
    )
    ctx.state["optical"] = seg
    ctx.state["rmsa"] = seg.rmsa  # the spectrum the control section shows as view.rmsa
    sim = ctx.sim
    for i, lp in enumerate(cfg.lightpaths):
        rate = None if lp.rate_gbps == "auto" else float(lp.rate_gbps)
        name = _name(i, lp)

        def setup(lp=lp, rate=rate, name=name, immediate=False):
            seg.setup_lightpath(lp.src, lp.dst, rate, name=name,
                                bidirectional=lp.bidirectional, immediate=immediate)

        if lp.at_s is None:
            setup(immediate=True)
        else:
            seg.declare_links(lp.src, lp.dst, name=name, bidirectional=lp.bidirectional,
                              rate_bps=(rate or 100.0) * 1e9)
            sim.call_at(lp.at_s, setup)
        if lp.teardown_at_s is not None:
            sim.call_at(lp.teardown_at_s, lambda name=name: seg.teardown_lightpath(name))
    for ev in cfg.events:
        fn = seg.cut_fibre if ev.action == "cut" else seg.repair_fibre
        sim.call_at(ev.at_s, lambda fn=fn, ev=ev: fn(*ev.fibre))
    ctx.add_table("optical_lightpaths", seg.lightpaths_table)
    ctx.add_table("optical_outages", seg.outages_table)
    ctx.add_kpis(seg.kpis)


SECTION = Section("optical", OpticalSpec, build, check=check, nodes=nodes, links=links,
                  order=20)
"""The ``optical:`` scenario section."""
