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
``space_handovers``, and KPIs ``space_*``. With report pairs it also registers
``space_backhaul`` (per epoch and pair: one-way delay, hops and bottleneck rate of the
least-delay path, and the rain level in force) and the KPIs ``space_backhaul_*`` /
``space_rain_*`` over the first pair (:class:`BackhaulMonitor`).

A rain time series (``rain_events``) replays ITU-R P.618-13 rain levels over the run::

    space:
      gsl:
        downlink: {model: link_budget, ..., rain: {rain_rate_001_mm_h: 40.0,
                                                   rain_height_km: 4.0}}
      rain_events:                     # from each instant on, on every link-budget GSL
        - {at_s: 0.0, exceedance_percent: null}       # clear sky (no rain term)
        - {at_s: 43200.0, exceedance_percent: 1.0}    # P.618 level exceeded 1 % of a year
        - {at_s: 44400.0, exceedance_percent: 0.01}
        - {at_s: 45000.0, exceedance_percent: null}

Each step replaces the GSL rate models by the configured ones with the rain term at the
step's exceedance (the climate, ``rain_rate_001_mm_h``, ``rain_height_km`` and the
polarisation tilt, comes from each model's ``rain:``); the first epoch at or after
``at_s`` uses it. Before the first step the models are as configured.
"""

from __future__ import annotations

import dataclasses
import math
from typing import Annotated, Literal

import numpy as np
from pydantic import (
    Field,
    NonNegativeFloat,
    NonNegativeInt,
    PositiveFloat,
    field_validator,
    model_validator,
)

from netsim.core.simulation import Callback
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
    "RainEventSpec", "BackhaulMonitor", "with_rain_level", "rain_steps",
    "P618_EXCEEDANCE_RANGE_PCT", "nodes", "build", "make_segment",
]

P618_EXCEEDANCE_RANGE_PCT = (0.001, 5.0)
"""Exceedance percentages ITU-R P.618-13 2.2.1.1 step 10 scales ``A_0.01`` to (%)."""

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
    min_rate_bps: NonNegativeFloat = 0.0
    """An epoch whose least-delay path has a bottleneck rate below this (bit/s), or no
    path, counts as outage in ``space_backhaul_outage_fraction`` (0: only no path or a
    zero rate)."""


class RainEventSpec(Spec):
    """One step of a rain time series: from ``at_s`` on, ITU-R P.618-13 rain attenuation
    exceeded for ``exceedance_percent`` % of an average year on every link-budget GSL
    (``null``: clear sky, no rain term)."""

    at_s: NonNegativeFloat
    """Simulated time (s) from which the level applies (the first epoch at or after it)."""
    exceedance_percent: float | None
    """P.618 exceedance (%), 0.001-5 (P.618-13 2.2.1.1 step 10), or null for clear sky."""

    @field_validator("exceedance_percent")
    @classmethod
    def _p618_range(cls, v):
        lo, hi = P618_EXCEEDANCE_RANGE_PCT
        if v is not None and not lo <= v <= hi:
            raise ValueError(f"{v!r} % is outside the ITU-R P.618-13 2.2.1.1 step 10 validity "
                             f"range {lo}-{hi} % (null: clear sky)")
        return v


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
    rain_events: Annotated[list[RainEventSpec], Field(min_length=1)] | None = None
    """Rain time series (module docstring); None: the GSL models as configured all along."""

    @model_validator(mode="after")
    def _consistent(self):
        for i in range(1, len(self.rain_events or ())):
            t0, t1 = self.rain_events[i - 1].at_s, self.rain_events[i].at_s
            if not t1 > t0:
                raise ValueError(f"rain_events[{i}].at_s: {t1!r} is not after "
                                 f"rain_events[{i - 1}].at_s = {t0!r} (times must increase)")
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
    if cfg.rain_events:
        budgets = [(f, m) for f, m in (("uplink", cfg.gsl.uplink), ("downlink", cfg.gsl.downlink))
                   if isinstance(m, LinkBudgetSpec)]
        if not budgets:
            problems.append("space.rain_events: is not allowed without a link_budget GSL model "
                            "(space.gsl.uplink/downlink): rain does not change a fixed rate")
        for f, m in budgets:
            if m.rain is None:
                problems.append(
                    f"space.gsl.{f}.rain: None is not allowed with space.rain_events: give the "
                    "rain climate (rain_rate_001_mm_h, rain_height_km) the events scale")
    for i, g in enumerate(cfg.ground_stations):
        if g.name.startswith("sat:"):
            problems.append(f"space.ground_stations[{i}].name: {g.name!r} is not allowed: "
                            "the 'sat:' prefix is reserved for satellites")
    return problems


def _configured_models(cfg: SpaceSpec) -> tuple:
    """(uplink, downlink) GSL rate models as configured (downlink None: as uplink)."""
    up = _rate_model(cfg.gsl.uplink, cfg.min_elevation_deg, "uplink")
    down = _rate_model(cfg.gsl.downlink, cfg.min_elevation_deg, "downlink")
    return up, down


def with_rain_level(model, exceedance_percent: float | None):
    """``model`` with its ITU-R P.618-13 rain term at another exceedance level.

    The mechanism of ``space.rain_events``: a :class:`LinkBudgetRate` is copied with its
    ``rain`` replaced by the same climate (``rain_rate_001_mm_h``, ``rain_height_km``,
    polarisation tilt) at ``exceedance_percent`` (None: no rain term, clear sky); any
    other model (:class:`FixedRate`, None) is returned unchanged.

    Parameters
    ----------
    model : LinkBudgetRate, FixedRate or None
        The configured model; a ``LinkBudgetRate`` must carry a ``rain`` (the climate)
        when a level is given.
    exceedance_percent : float or None
        P.618-13 2.2.1.1 exceedance, 0.001-5 %, or None.

    Returns
    -------
    The model for that level.
    """
    if not isinstance(model, LinkBudgetRate):
        return model
    if exceedance_percent is None:
        return dataclasses.replace(model, rain=None)
    lo, hi = P618_EXCEEDANCE_RANGE_PCT
    if not lo <= exceedance_percent <= hi:
        raise ParameterError("exceedance_percent", exceedance_percent, f"{lo} .. {hi} %",
                             source="ITU-R P.618-13 2.2.1.1 step 10")
    if model.rain is None:
        raise ParameterError("rain", None, "a RainSpec (the climate the level scales)",
                             source="ITU-R P.618-13 2.2.1.1")
    rain = dataclasses.replace(model.rain, exceedance_percent=float(exceedance_percent))
    return dataclasses.replace(model, rain=rain)


def rain_steps(events, t_start_s: float, epoch_s: float) -> list[tuple[int, float | None]]:
    """``(first epoch index, exceedance %)`` of each rain step: the first epoch at or after
    its ``at_s`` (epoch ``k`` at ``t_start_s + k * epoch_s``; 1e-9 epochs of rounding slack)."""
    out = []
    for e in events:
        k = math.ceil((e.at_s - t_start_s) / epoch_s - 1e-9)
        out.append((max(k, 0), e.exceedance_percent))
    return out


def _step_at(steps: list, k: int) -> int:
    """Index of the rain step in force at epoch ``k`` (-1: before the first)."""
    i = -1
    for j, (kj, _) in enumerate(steps):
        if kj <= k:
            i = j
    return i


class BackhaulMonitor:
    """Per epoch, the reported pairs' least-delay path: one-way delay, hops and bottleneck
    rate; and the player of a rain time series.

    One simulation event per epoch, half an epoch after the segment's update (the links
    then hold that epoch's rates): it records the rows of the epoch (the path of
    ``space_paths`` and the smallest ``rate_bps`` of its links) and, where the rain step
    of the next epoch differs, replaces the segment's ``uplink`` / ``downlink`` models by
    :func:`with_rain_level` of the configured ones.

    Parameters
    ----------
    seg : SatelliteSegment
        The segment, just built (its first epoch done, at the level of step 0 if that
        step starts there: :func:`make_segment` sets it).
    models : (uplink, downlink)
        The configured GSL rate models (downlink None: as uplink).
    steps : list of (int, float or None)
        :func:`rain_steps` (empty: no rain time series).
    min_rate_bps : float
        Outage threshold of :meth:`kpis` (bit/s).
    """

    def __init__(self, seg: SatelliteSegment, models: tuple, steps=(),
                 min_rate_bps: float = 0.0):
        self.seg = seg
        self._models = models
        self._steps = list(steps)
        self.min_rate_bps = float(min_rate_bps)
        self.step = _step_at(self._steps, seg.epochs - 1)
        """Index of the rain step in force (-1: the configured models)."""
        self._rows: list[tuple] = []
        self._seen = 0
        self._n = 0
        self._t0 = seg.start_s
        seg.sim.schedule(0.5 * seg.epoch_s, Callback(self._on_sample))

    def _level(self) -> float:
        return math.nan if self.step < 0 or self._steps[self.step][1] is None else float(
            self._steps[self.step][1])

    def _collect(self) -> None:
        seg, net = self.seg, self.seg.net
        lvl = self._level()
        rows = seg.path_rows(self._seen)
        for t, a, b, d, hops, _, path in rows:
            nodes = path.split(" ") if path else []
            rate = min((net.link(u, v).rate_bps for u, v in zip(nodes[:-1], nodes[1:])),
                       default=0.0)
            self._rows.append((t, a, b, d, hops, rate, self.step, lvl))
        self._seen += len(rows)

    def _on_sample(self, cb: Callback) -> None:
        seg = self.seg
        self._collect()
        i = _step_at(self._steps, seg.next_epoch)  # the step of the next epoch
        if i != self.step:
            p = self._steps[i][1]
            up, down = self._models
            seg.uplink = with_rain_level(up, p)
            seg.downlink = with_rain_level(up if down is None else down, p)
            self.step = i
        self._n += 1
        seg.sim.schedule(self._t0 + (self._n + 0.5) * seg.epoch_s - seg.sim.env.now, cb)

    def table(self):
        """Per epoch and reported pair: ``t_s, src, dst, delay_s`` (one-way, NaN if no
        path), ``hops``, ``rate_bps`` (the path's smallest link rate; 0 if no path),
        ``rain_step`` (index in ``rain_events``; -1 before the first) and
        ``rain_exceedance_percent`` (that step's level; NaN: clear sky or no step)."""
        import pandas as pd

        self._collect()
        return pd.DataFrame(self._rows, columns=["t_s", "src", "dst", "delay_s", "hops",
                                                 "rate_bps", "rain_step",
                                                 "rain_exceedance_percent"])

    def kpis(self) -> dict[str, float]:
        """Over the run, for the first reported pair: ``space_backhaul_delay_{mean,p99,
        max}_s`` (epochs with a path), ``space_backhaul_rate_{mean,p5,min}_bps`` (0 where
        no path), ``space_backhaul_outage_fraction`` / ``_time_s`` (no path or rate below
        ``min_rate_bps``), and per rain level of the time series ``space_rain_<l>_time_s``
        and ``space_backhaul_rate_mean_bps_rain_<l>`` (``<l>``: ``clear`` or e.g.
        ``0.01pct``)."""
        seg = self.seg
        if not seg.report_pairs:
            return {}
        df = self.table()
        g, h = seg.report_pairs[0]
        df = df[(df["src"] == seg.station_names[g]) & (df["dst"] == seg.station_names[h])]
        if not len(df):
            return {}
        d = df["delay_s"].to_numpy(dtype=float)
        r = df["rate_bps"].to_numpy(dtype=float)
        has = np.isfinite(d) & (r > 0)
        r = np.where(has, r, 0.0)
        out = {}
        if has.any():
            out["space_backhaul_delay_mean_s"] = float(d[has].mean())
            out["space_backhaul_delay_p99_s"] = float(np.percentile(d[has], 99))
            out["space_backhaul_delay_max_s"] = float(d[has].max())
        out["space_backhaul_rate_mean_bps"] = float(r.mean())
        out["space_backhaul_rate_p5_bps"] = float(np.percentile(r, 5))
        out["space_backhaul_rate_min_bps"] = float(r.min())
        outage = ~has | (r < self.min_rate_bps)
        out["space_backhaul_outage_fraction"] = float(outage.mean())
        out["space_backhaul_outage_time_s"] = float(outage.sum() * seg.epoch_s)
        steps = df["rain_step"].to_numpy()
        for p in dict.fromkeys(p for _, p in self._steps):
            label = "clear" if p is None else f"{p:g}pct"
            m = np.isin(steps, [j for j, (_, q) in enumerate(self._steps) if q == p])
            out[f"space_rain_{label}_time_s"] = float(m.sum() * seg.epoch_s)
            if m.any():
                out[f"space_backhaul_rate_mean_bps_rain_{label}"] = float(r[m].mean())
        return out


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
    up, down = _configured_models(cfg)
    if cfg.rain_events:  # the segment computes its first epoch now: the level in force then
        steps = rain_steps(cfg.rain_events, net.sim.now_s, cfg.epoch_s)
        i = _step_at(steps, 0)
        if i >= 0:
            up, down = with_rain_level(up, steps[i][1]), with_rain_level(down, steps[i][1])
    return SatelliteSegment(
        net, const, stations, isl=isl, min_elevation_deg=cfg.min_elevation_deg,
        epoch_s=cfg.epoch_s, t0_s=c.t0_s, policy=cfg.gsl.policy, sticky=cfg.gsl.sticky,
        uplink=up, downlink=down,
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
    steps = rain_steps(cfg.rain_events or (), ctx.sim.now_s, cfg.epoch_s)
    if seg.report_pairs or steps:
        mon = BackhaulMonitor(seg, _configured_models(cfg), steps, cfg.report.min_rate_bps)
        ctx.state["space_backhaul"] = mon
        if seg.report_pairs:
            ctx.add_table("space_backhaul", mon.table)
            ctx.add_kpis(mon.kpis)


SECTION = Section(name="space", model=SpaceSpec, build=build, check=_check, nodes=nodes,
                  order=30)
"""The ``space:`` scenario section."""
