"""The ``space:`` scenario section: a constellation, ground stations and their links.

Example (YAML)::

    space:
      constellation: {preset: starlink_shell1}        # or walker: {...}
      ground_stations:
        - {name: gs_paris, latitude_deg: 48.86, longitude_deg: 2.35}
        - {name: gs_nyc, latitude_deg: 40.71, longitude_deg: -74.01}
      min_elevation_deg: 25
      epoch_s: 0.1
      isl: {pattern: plus_grid, rate_bps: 1.0e10}
      gsl:
        policy: all
        uplink: {model: fixed, rate_bps: 1.0e9}
      report: {pairs: [[gs_paris, gs_nyc]]}

The section adds the satellites (``sat:<shell>:<plane>:<slot>``) and the ground
stations (their names; declared by :func:`nodes` so traffic may use them; a station
also listed under the scenario's ``nodes:`` is reused, which a core link to it needs,
since core links are built before segment sections) to the Network and runs a
:class:`netsim.space.adapter.SatelliteSegment`. It registers the tables ``space_paths``
(per epoch and reported pair: least one-way delay, hops, path change), ``space_links``
(per epoch: usable ISLs, GSLs, links created, set down, set up again) and
``space_handovers``, and KPIs ``space_*``.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, NonNegativeFloat, NonNegativeInt, PositiveFloat, model_validator

from netsim.errors import ParameterError
from netsim.experiment.scenario import Spec
from netsim.experiment.sections import Section
from netsim.space.adapter import SatelliteSegment
from netsim.space.constellation import walker
from netsim.space.ground import GroundStations
from netsim.space.gsl_capacity import FixedRate, LinkBudgetRate, RainSpec
from netsim.space.isl import plus_grid
from netsim.space.presets import preset, preset_names

__all__ = [
    "SECTION", "SpaceSpec", "ConstellationSpec", "WalkerSpec", "GroundStationSpec",
    "IslSpec", "GslSpec", "FixedRateSpec", "LinkBudgetSpec", "RainModelSpec", "ReportSpec",
    "nodes", "build", "make_segment",
]

Elevation = Annotated[float, Field(ge=0.0, le=90.0)]


class WalkerSpec(Spec):
    """A Walker shell ``i:T/P/F`` (conventions of :mod:`netsim.space.constellation`)."""

    altitude_km: PositiveFloat
    inclination_deg: Annotated[float, Field(ge=0.0, le=180.0)]
    planes: Annotated[int, Field(ge=1)]
    sats_per_plane: Annotated[int, Field(ge=1)]
    phasing: NonNegativeInt = 0
    kind: Literal["delta", "star"] = "delta"
    raan0_deg: float = 0.0

    @model_validator(mode="after")
    def _phasing(self):
        if self.phasing >= self.planes:
            raise ValueError(f"phasing must be in 0 .. planes-1 = {self.planes - 1}")
        return self


class ConstellationSpec(Spec):
    """Give ``preset`` (a name of :func:`netsim.space.presets.preset_names`) or ``walker``."""

    preset: str | None = None
    walker: WalkerSpec | None = None
    j2: bool = True
    """Secular J2 drift on (False: two-body)."""
    t0_s: float = 0.0
    """Constellation time (s since its epoch) at simulated time 0."""

    @model_validator(mode="after")
    def _one(self):
        if (self.preset is None) == (self.walker is None):
            raise ValueError("give exactly one of 'preset' and 'walker'")
        if self.preset is not None and self.preset not in preset_names():
            raise ValueError(f"preset {self.preset!r} is not one of {preset_names()}")
        return self


class GroundStationSpec(Spec):
    """A ground station (gateway or terminal) at a WGS-84 position."""

    name: str
    latitude_deg: Annotated[float, Field(ge=-90.0, le=90.0)]
    longitude_deg: Annotated[float, Field(ge=-180.0, le=360.0)]
    altitude_m: float = 0.0


class IslSpec(Spec):
    """Inter-satellite links."""

    pattern: Literal["plus_grid", "none"] = "plus_grid"
    rate_bps: PositiveFloat = 10e9
    """Laser ISL rate (bit/s), the same on every link."""
    max_range_km: PositiveFloat | None = None
    min_grazing_altitude_km: NonNegativeFloat = 80.0
    seam: Literal["link", "cut"] = "link"
    buffer_packets: NonNegativeInt | None = None


class FixedRateSpec(Spec):
    """The same rate on every GSL."""

    model: Literal["fixed"]
    rate_bps: PositiveFloat


class RainModelSpec(Spec):
    """ITU-R P.618-13 rain attenuation inputs (P.837 rain rate, P.839 rain height)."""

    rain_rate_001_mm_h: NonNegativeFloat
    rain_height_km: float
    exceedance_percent: Annotated[float, Field(ge=0.001, le=5.0)] = 0.01
    polarization_tilt_deg: float = 45.0


class LinkBudgetSpec(Spec):
    """TR 38.821 6.1.3.3 link budget at each GSL's elevation and range, then a rate.

    Give the EIRP as ``eirp_dbw`` or as ``eirp_density_dbw_per_mhz`` (times the
    bandwidth, as TR 38.821 Table 6.1.3.3-1 does).
    """

    model: Literal["link_budget"]
    freq_hz: PositiveFloat
    bandwidth_hz: PositiveFloat
    eirp_dbw: float | None = None
    eirp_density_dbw_per_mhz: float | None = None
    g_over_t_db_per_k: float
    zenith_gas_loss_db: NonNegativeFloat = 0.0
    scintillation: bool = False
    rain: RainModelSpec | None = None
    shadow_margin_db: NonNegativeFloat = 0.0
    polarization_loss_db: NonNegativeFloat = 0.0
    additional_loss_db: NonNegativeFloat = 0.0
    rate_model: Literal["shannon", "dvbs2x"] = "shannon"
    gap_db: NonNegativeFloat = 0.0
    attenuation: Annotated[float, Field(gt=0.0, le=1.0)] = 1.0
    max_spectral_efficiency_bps_per_hz: PositiveFloat | None = None
    roll_off: Annotated[float, Field(ge=0.0, le=1.0)] = 0.2
    margin_db: NonNegativeFloat = 0.0
    standard: Literal["DVB-S2", "DVB-S2X", "both"] = "both"

    @model_validator(mode="after")
    def _eirp(self):
        if (self.eirp_dbw is None) == (self.eirp_density_dbw_per_mhz is None):
            raise ValueError("give exactly one of 'eirp_dbw' and 'eirp_density_dbw_per_mhz'")
        return self


RateSpec = Annotated[FixedRateSpec | LinkBudgetSpec, Field(discriminator="model")]


class GslSpec(Spec):
    """Ground-satellite links."""

    policy: Literal["all", "highest_elevation", "nearest"] = "all"
    sticky: bool = False
    uplink: RateSpec = FixedRateSpec(model="fixed", rate_bps=1e9)
    """Rate model station -> satellite."""
    downlink: RateSpec | None = None
    """Rate model satellite -> station (default: as ``uplink``)."""
    buffer_packets: NonNegativeInt | None = None


class ReportSpec(Spec):
    """What the section records."""

    pairs: list[tuple[str, str]] | None = None
    """Station pairs whose least delay and path are tabulated every epoch (default: the
    station pairs of the scenario's traffic)."""


class SpaceSpec(Spec):
    """The ``space:`` section."""

    constellation: ConstellationSpec
    ground_stations: Annotated[list[GroundStationSpec], Field(min_length=1)]
    min_elevation_deg: Elevation = 25.0
    epoch_s: PositiveFloat = 0.1
    isl: IslSpec = IslSpec()
    gsl: GslSpec = GslSpec()
    payload: Literal["regenerative", "transparent"] = "regenerative"
    processing_delay_s: NonNegativeFloat = 0.0
    routing: Literal["core", "snapshot"] = "core"
    stations_relay: bool | None = None
    report: ReportSpec = ReportSpec()
    delay_resolution_s: NonNegativeFloat = 0.0
    """Rewrite a link's delay only when it moved by more than this (s); 0: every change."""
    threads: Annotated[int, Field(ge=1)] | None = None

    @model_validator(mode="after")
    def _consistent(self):
        names = [g.name for g in self.ground_stations]
        dup = sorted({n for n in names if names.count(n) > 1})
        if dup:
            raise ValueError(f"ground_stations: duplicate names {dup}")
        if self.payload == "transparent":
            if self.isl.pattern != "none":
                raise ValueError("payload 'transparent' (bent pipe) needs isl.pattern 'none'")
            if self.processing_delay_s != 0.0:
                raise ValueError("payload 'transparent' needs processing_delay_s 0")
        if self.routing == "core" and self.stations_relay is False:
            raise ValueError("stations_relay false needs routing 'snapshot' (core routing "
                             "may pass through any node)")
        for i, (a, b) in enumerate(self.report.pairs or []):
            for v in (a, b):
                if v not in names:
                    raise ValueError(f"report.pairs[{i}]: {v!r} is not a ground station")
        return self


def nodes(cfg: SpaceSpec) -> list[str]:
    """Ground-station node names the section creates (satellites are not listed)."""
    return [g.name for g in cfg.ground_stations]


def _rate_model(spec, min_elevation_deg: float, field: str):
    if spec is None:
        return None
    if isinstance(spec, FixedRateSpec):
        return FixedRate(spec.rate_bps)
    from netsim.space.linkbudget import eirp_from_density_dbw

    eirp = spec.eirp_dbw
    if eirp is None:
        eirp = float(eirp_from_density_dbw(spec.eirp_density_dbw_per_mhz, spec.bandwidth_hz))
    rain = None if spec.rain is None else RainSpec(
        spec.rain.rain_rate_001_mm_h, spec.rain.rain_height_km, spec.rain.exceedance_percent,
        spec.rain.polarization_tilt_deg)
    return LinkBudgetRate(
        spec.freq_hz, spec.bandwidth_hz, float(eirp), spec.g_over_t_db_per_k,
        spec.zenith_gas_loss_db, spec.scintillation, rain, spec.shadow_margin_db,
        spec.polarization_loss_db, spec.additional_loss_db, spec.rate_model, spec.gap_db,
        spec.attenuation, spec.max_spectral_efficiency_bps_per_hz, spec.roll_off,
        spec.margin_db, spec.standard,
    )  # fmt: skip


def _check(cfg: SpaceSpec, scenario) -> list[str]:
    problems = []
    for field, spec in (("uplink", cfg.gsl.uplink), ("downlink", cfg.gsl.downlink)):
        try:
            m = _rate_model(spec, cfg.min_elevation_deg, field)
        except ParameterError as exc:
            problems.append(f"space.gsl.{field}.{exc.field}: {exc.value!r} is not allowed: "
                            f"expected {exc.allowed}")
            continue
        if m is not None and cfg.min_elevation_deg < m.min_elevation_deg:
            problems.append(
                f"space.min_elevation_deg: {cfg.min_elevation_deg!r} is not allowed: the "
                f"gsl.{field} loss models need >= {m.min_elevation_deg} deg (TR 38.811 6.6.4, "
                "Table 6.6.6.2.1-1)")
    for i, g in enumerate(cfg.ground_stations):
        if g.name.startswith("sat:"):
            problems.append(f"space.ground_stations[{i}].name: {g.name!r} is not allowed: "
                            "the 'sat:' prefix is reserved for satellites")
    return problems


def make_segment(cfg: SpaceSpec, net, report_pairs=None) -> SatelliteSegment:
    """A :class:`SatelliteSegment` on ``net`` from a validated section."""
    c = cfg.constellation
    if c.preset is not None:
        const = preset(c.preset, j2=c.j2)
    else:
        w = c.walker
        const = walker(w.altitude_km, w.inclination_deg, w.planes, w.sats_per_plane, w.phasing,
                       w.kind, raan0_deg=w.raan0_deg, j2=c.j2)
    gs = cfg.ground_stations
    stations = GroundStations.from_geodetic(
        [g.latitude_deg for g in gs], [g.longitude_deg for g in gs],
        [g.altitude_m for g in gs], names=[g.name for g in gs])
    isl = None
    if cfg.isl.pattern == "plus_grid":
        isl = plus_grid(const, seam=cfg.isl.seam,
                        max_range_km=cfg.isl.max_range_km or float("inf"),
                        min_grazing_altitude_km=cfg.isl.min_grazing_altitude_km,
                        rate_bps=cfg.isl.rate_bps)
    pairs = cfg.report.pairs if report_pairs is None else report_pairs
    return SatelliteSegment(
        net, const, stations, isl=isl, min_elevation_deg=cfg.min_elevation_deg,
        epoch_s=cfg.epoch_s, t0_s=c.t0_s, policy=cfg.gsl.policy, sticky=cfg.gsl.sticky,
        uplink=_rate_model(cfg.gsl.uplink, cfg.min_elevation_deg, "uplink"),
        downlink=_rate_model(cfg.gsl.downlink, cfg.min_elevation_deg, "downlink"),
        payload=cfg.payload, processing_delay_s=cfg.processing_delay_s,
        routing=cfg.routing, stations_relay=cfg.stations_relay, report_pairs=pairs or (),
        isl_buffer_packets=cfg.isl.buffer_packets, gsl_buffer_packets=cfg.gsl.buffer_packets,
        delay_resolution_s=cfg.delay_resolution_s, threads=cfg.threads,
    )  # fmt: skip


def build(cfg: SpaceSpec, ctx) -> None:
    """Add the segment to ``ctx.net``; register its tables and KPIs."""
    pairs = cfg.report.pairs
    if pairs is None:
        names = set(nodes(cfg))
        pairs = []
        for t in ctx.scenario.traffic:
            p = (t.src, t.dst)
            if t.src in names and t.dst in names and p not in pairs:
                pairs.append(p)
    seg = make_segment(cfg, ctx.net, pairs)
    ctx.state["space"] = seg
    ctx.add_table("space_paths", seg.path_table)
    ctx.add_table("space_links", seg.churn_table)
    ctx.add_table("space_handovers", seg.handover_table)
    ctx.add_kpis(seg.kpis)


SECTION = Section(name="space", model=SpaceSpec, build=build, check=_check, nodes=nodes,
                  order=30)
"""The ``space:`` scenario section."""
