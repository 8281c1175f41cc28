"""The ``radio:`` scenario section: gNB sites, UEs, carrier, MAC, mobility, handover.

Builds a :class:`netsim.radio.ran.RadioAccessNetwork`: it declares the gNB site nodes
and UE nodes (so ``traffic`` may refer to them), adds the backhaul links from every site
to a core node (``backhaul``), and the air links between each UE and its serving site.
See ``docs/radio-segment.md`` for the field reference.

Segment sections are built before the core ``links:``, so a core link may end at a
site (e.g. a per-site fronthaul); ``radio.backhaul`` links every site to one node at once.
"""

from __future__ import annotations

from typing import Annotated, Literal

import numpy as np
from pydantic import Field, NonNegativeFloat, PositiveFloat

from netsim.experiment.scenario import Spec
from netsim.experiment.sections import Section

__all__ = [
    "SECTION",
    "RadioSpec",
    "HexLayoutSpec",
    "ExplicitLayoutSpec",
    "SiteSpec",
    "GnbSpec",
    "UeSpec",
    "MobilitySpec",
    "MacSpec",
    "HandoverSpec",
    "BackhaulSpec",
    "DopplerSpec",
    "nodes",
    "links",
    "check",
    "build",
]


class SiteSpec(Spec):
    """One explicitly placed gNB site."""

    name: str
    x_m: float
    y_m: float
    sectors: Literal[1, 3] = 1
    """1: one omnidirectional cell; 3: three sectors at ``first_boresight_deg + 0/120/240``."""
    first_boresight_deg: float = 30.0


class HexLayoutSpec(Spec):
    """Hexagonal sites (TR 38.901 Table 7.8-1), optionally with wrap-around."""

    type: Literal["hexagonal"]
    n_rings: Annotated[int, Field(ge=0, le=4)] = 2
    """Rings around the centre site: 2 gives 19 sites."""
    isd_m: PositiveFloat = 500.0
    """Inter-site distance (m): 200 UMi, 500 UMa, 1732 RMa (TR 38.901 Table 7.8-1)."""
    sectors: Literal[1, 3] = 3
    wrap_around: bool = True
    site_prefix: str = "gnb"
    """Sites are named ``<prefix>0``, ``<prefix>1``, ... (centre first, then by ring)."""


class ExplicitLayoutSpec(Spec):
    """Sites at given positions."""

    type: Literal["explicit"]
    sites: Annotated[list[SiteSpec], Field(min_length=1)]


LayoutSpec = Annotated[HexLayoutSpec | ExplicitLayoutSpec, Field(discriminator="type")]


class GnbSpec(Spec):
    """gNB radio parameters (all cells)."""

    tx_power_dbm: float = 46.0
    """Transmit power per cell over the carrier (dBm); TR 38.901 Table 7.8-1 UMa: 46 dBm
    at 20 MHz (scale with bandwidth)."""
    height_m: PositiveFloat = 25.0
    noise_figure_db: NonNegativeFloat = 5.0
    downtilt_deg: float = 12.0


class UeSpec(Spec):
    """UE drop."""

    count: Annotated[int, Field(ge=1, le=100000)]
    prefix: str = "ue"
    """UEs are named ``<prefix>0``, ``<prefix>1``, ..."""
    positions_m: list[tuple[float, float]] | None = None
    """Explicit positions (m), ``count`` of them; default: a uniform drop."""
    area_m: tuple[float, float, float, float] | None = None
    """Drop rectangle (x_min, y_min, x_max, y_max) (m); default: the hexagonal cluster,
    or the bounding box of explicit sites grown by 100 m."""
    min_distance_m: NonNegativeFloat = 10.0
    """Minimum 2-D distance to any site at the drop, and the distance the path loss is
    evaluated at for UEs that come nearer (TR 38.901 Table 7.8-1: 35 m UMa, 10 m UMi)."""
    indoor_fraction: Annotated[float, Field(ge=0.0, le=1.0)] = 0.0
    """Share of indoor UEs (TR 38.901 Table 7.8-1 calibration: 0.8); O2I loss per 7.4.3."""
    o2i_model: Literal["low", "high"] = "low"
    height_m: PositiveFloat = 1.5
    tx_power_dbm: float = 23.0
    noise_figure_db: NonNegativeFloat = 9.0


class MobilitySpec(Spec):
    """UE motion."""

    model: Literal["static", "linear", "random_waypoint"] = "static"
    speed_kmh: Annotated[float, Field(ge=0.0, le=1000.0)] = 3.0
    """UE speed (km/h): up to 500 (IMT-2020, ITU-R M.2410-0) or 1000 (IMT-2030 range,
    Rec. ITU-R M.2160-0 5.2; the Doppler ICI of the speed enters the SINR only with
    ``doppler.enabled``: see :mod:`netsim.radio.mobility`)."""
    heading_deg: float | None = None
    """Linear motion direction (deg, counter-clockwise from x); default: random per UE."""
    pause_s: NonNegativeFloat = 0.0


class MacSpec(Spec):
    """Scheduler, link adaptation and HARQ."""

    scheduler: Literal["pf", "rr"] = "pf"
    pf_window_slots: Annotated[float, Field(ge=1.0)] = 100.0
    mcs_table: Literal[1, 2, 3] = 1
    target_bler: Annotated[float, Field(gt=0.0, lt=1.0)] = 0.1
    """10% for eMBB; 1e-5 for URLLC (with ``mcs_table: 3``)."""
    max_tx: Annotated[int, Field(ge=1, le=32)] = 4
    processing_capability: Literal[1, 2] = 1
    minislot_symbols: int = 14
    """Symbols per scheduling occasion and TB: 14, slot-based (mapping type A, the
    default); 2, 4 or 7, non-slot-based (mini-slot, PDSCH/PUSCH mapping type B, TS 38.214
    Table 5.1.2.1-1 and 6.1.2.1, Rel-15 normal CP), scheduled at every mini-slot with the
    T_proc,1 d_1,1 of TS 38.214 5.3 (:func:`netsim.radio.harq.minislot_timing`)."""
    full_buffer: bool = False
    """Every UE has an infinite backlog in both directions (capacity studies; packets
    of flows are then not carried by the MAC)."""
    ul_interference_margin_db: NonNegativeFloat = 0.0


class HandoverSpec(Spec):
    """A3 handover (TS 38.331 5.5.4.4)."""

    enabled: bool = True
    offset_db: Annotated[float, Field(ge=-15.0, le=15.0)] = 3.0
    hysteresis_db: Annotated[float, Field(ge=0.0, le=15.0)] = 1.0
    time_to_trigger_s: NonNegativeFloat = 0.16
    interruption_s: NonNegativeFloat = 0.03
    """UE not scheduled for this long after a handover (packets wait, none lost)."""


class DopplerSpec(Spec):
    """OFDM inter-carrier interference of the UE speed (:mod:`netsim.radio.doppler`).

    When enabled, every SINR update adds the ICI power of a Jakes channel with maximum
    Doppler ``v f_c / c`` over the FFT window ``1 / SCS`` as noise:
    ``SINR = (1 - P) S / (N + I + P S)`` (Li and Cimini 2001). Off by default: results and
    fingerprints of existing scenarios do not change."""

    enabled: bool = False
    residual_cfo_fraction: Annotated[float, Field(ge=0.0, le=1.0)] = 0.0
    """Fraction of the maximum Doppler shift left by the UE's frequency tracking as a
    carrier-frequency offset (0: ideal tracking; 1: a LOS shift of f_d left whole)."""


class BackhaulSpec(Spec):
    """Links from every gNB site to one core node."""

    node: str | int
    rate_bps: PositiveFloat = 1e10
    delay_s: NonNegativeFloat = 1e-4


class RadioSpec(Spec):
    """The ``radio:`` section."""

    carrier_hz: PositiveFloat = 3.5e9
    bandwidth_hz: PositiveFloat = 20e6
    numerology: Annotated[int, Field(ge=0, le=3)] = 1
    """mu: 15 kHz x 2^mu subcarriers; 0..3 (the processing-time tables' range)."""
    frequency_range: Literal["FR1", "FR2-1", "FR2-2"] = "FR1"
    scenario: Literal["UMa", "UMi", "RMa", "InH", "FSPL"] = "UMa"
    los: Literal["probabilistic", "los", "nlos"] = "probabilistic"
    shadow_fading: bool = True
    layout: LayoutSpec
    gnb: GnbSpec = GnbSpec()
    ue: UeSpec
    mobility: MobilitySpec = MobilitySpec()
    mac: MacSpec = MacSpec()
    handover: HandoverSpec = HandoverSpec()
    update_interval_s: PositiveFloat = 0.01
    """Large-scale update (movement, path loss, SINR, MCS) and A3 evaluation period (s)."""
    backhaul: BackhaulSpec | None = None
    doppler: DopplerSpec = DopplerSpec()
    """Doppler inter-carrier interference (off by default; see ``docs/radio-doppler.md``)."""


def _site_names(cfg: RadioSpec) -> list[str]:
    lay = cfg.layout
    if isinstance(lay, ExplicitLayoutSpec):
        return [s.name for s in lay.sites]
    n = 3 * lay.n_rings * lay.n_rings + 3 * lay.n_rings + 1
    return [f"{lay.site_prefix}{i}" for i in range(n)]


def _ue_names(cfg: RadioSpec) -> list[str]:
    return [f"{cfg.ue.prefix}{i}" for i in range(cfg.ue.count)]


def nodes(cfg: RadioSpec) -> list[str]:
    """Node names the section creates: gNB sites, then UEs."""
    return _site_names(cfg) + _ue_names(cfg)


def links(cfg: RadioSpec) -> list[tuple]:
    """Directed backhaul links the section creates (air links depend on the run)."""
    if cfg.backhaul is None:
        return []
    out = []
    for s in _site_names(cfg):
        out += [(s, cfg.backhaul.node), (cfg.backhaul.node, s)]
    return out


def check(cfg: RadioSpec, scn) -> list[str]:
    """Cross-references: node names, backhaul node, UE positions, bandwidth, numerology."""
    problems = []
    mine = nodes(cfg)
    if len(set(mine)) != len(mine):
        problems.append("radio: site and UE names are not all distinct")
    core = {n.name for n in scn.nodes}
    clash = sorted(set(mine) & core, key=str)
    if clash:
        problems.append(f"radio: {clash[:5]!r} is not allowed: radio node names are "
                        "also declared in nodes")
    if cfg.backhaul is not None and cfg.backhaul.node not in core:
        problems.append(f"radio.backhaul.node: {cfg.backhaul.node!r} is not allowed: not a "
                        "node declared in nodes")
    if cfg.ue.positions_m is not None and len(cfg.ue.positions_m) != cfg.ue.count:
        problems.append(f"radio.ue.positions_m: {len(cfg.ue.positions_m)} positions is not "
                        f"allowed: give ue.count = {cfg.ue.count}")
    try:
        _n_prb(cfg)
    except Exception as exc:  # noqa: BLE001 - reported as a scenario problem
        problems.append(f"radio.bandwidth_hz: {exc}")
    if cfg.mac.minislot_symbols != 14:
        from netsim.errors import ParameterError
        from netsim.radio.harq import minislot_timing

        try:
            minislot_timing(cfg.numerology, cfg.mac.processing_capability, cfg.mac.max_tx,
                            cfg.mac.minislot_symbols)
        except ParameterError as exc:
            problems.append(f"radio.mac.{exc}")
    return problems


def _n_prb(cfg: RadioSpec) -> int:
    from netsim.radio.nr import max_transmission_bandwidth_rb

    return int(max_transmission_bandwidth_rb(cfg.bandwidth_hz, 15e3 * 2**cfg.numerology,
                                             cfg.frequency_range))


def _cells(cfg: RadioSpec):
    """(site xy (S, 2), cell xy (M, 2), cell site (M,), boresights (M,) or None, wrap)."""
    from netsim.radio.layout import hex_layout

    lay = cfg.layout
    if isinstance(lay, HexLayoutSpec):
        h = hex_layout(lay.n_rings, lay.isd_m, lay.sectors)
        bore = h.cell_boresight_deg if lay.sectors > 1 else None
        wrap = (lay.isd_m, lay.n_rings) if lay.wrap_around else None
        return h.site_xy_m, h.cell_xy_m, h.cell_site, bore, wrap, h
    sites = np.array([(s.x_m, s.y_m) for s in lay.sites], float)
    cell_xy, cell_site, bore = [], [], []
    for i, s in enumerate(lay.sites):
        for k in range(s.sectors):
            cell_xy.append(sites[i])
            cell_site.append(i)
            bore.append((s.first_boresight_deg + 120.0 * k) % 360.0 if s.sectors == 3 else
                        np.nan)
    bore_a = np.array(bore)
    if np.isnan(bore_a).any():
        if not np.isnan(bore_a).all():
            from netsim.errors import ParameterError

            raise ParameterError("radio.layout.sites[].sectors", [s.sectors for s in lay.sites],
                                 "all 1 or all 3")
        bore_a = None
    return sites, np.array(cell_xy), np.array(cell_site), bore_a, None, None


def build(cfg: RadioSpec, ctx) -> None:
    """Create the radio access network of ``cfg`` in ``ctx.net``."""
    from netsim.radio.layout import drop_ues
    from netsim.radio.mobility import Mobility
    from netsim.radio.ran import RadioAccessNetwork

    sim, net = ctx.sim, ctx.net
    sites, cell_xy, cell_site, bore, wrap, hexl = _cells(cfg)
    rng = sim.rng("radio:drop:positions")
    n = cfg.ue.count
    if cfg.ue.positions_m is not None:
        ue_xy = np.array(cfg.ue.positions_m, float)
    elif cfg.ue.area_m is None and hexl is not None:
        ue_xy = drop_ues(hexl, n, rng, min(cfg.ue.min_distance_m, 0.49 * hexl.isd_m))
    else:
        if cfg.ue.area_m is not None:
            x0, y0, x1, y1 = cfg.ue.area_m
        else:
            x0, y0 = sites.min(0) - 100.0
            x1, y1 = sites.max(0) + 100.0
        ue_xy = np.empty((0, 2))
        while ue_xy.shape[0] < n:
            cand = np.column_stack([rng.uniform(x0, x1, 2 * n), rng.uniform(y0, y1, 2 * n)])
            dmin = np.hypot(cand[:, None, 0] - sites[None, :, 0],
                            cand[:, None, 1] - sites[None, :, 1]).min(1)
            ue_xy = np.vstack([ue_xy, cand[dmin >= cfg.ue.min_distance_m]])
        ue_xy = ue_xy[:n]
    area = cfg.ue.area_m
    if area is None:
        lo, hi = ue_xy.min(0), ue_xy.max(0)
        area = (lo[0], lo[1], hi[0], hi[1])
    m = cfg.mobility
    mob = Mobility(ue_xy, m.model, m.speed_kmh, m.heading_deg, area, m.pause_s,
                   wrap=wrap if m.model == "linear" else None,
                   rng=sim.rng("radio:mobility"))
    indoor = sim.rng("radio:drop:indoor").random(n) < cfg.ue.indoor_fraction
    ho = cfg.handover
    ran = RadioAccessNetwork(
        sim, net, site_names=_site_names(cfg), cell_xy_m=cell_xy, cell_site=cell_site,
        ue_names=_ue_names(cfg), ue_xy_m=ue_xy, carrier_hz=cfg.carrier_hz,
        bandwidth_hz=cfg.bandwidth_hz, mu=cfg.numerology, n_prb=_n_prb(cfg),
        cell_boresight_deg=bore, wrap=wrap, scenario=cfg.scenario, los=cfg.los,
        shadow_fading=cfg.shadow_fading, indoor=indoor, o2i_model=cfg.ue.o2i_model,
        h_bs_m=cfg.gnb.height_m, h_ut_m=cfg.ue.height_m, downtilt_deg=cfg.gnb.downtilt_deg,
        min_distance_m=cfg.ue.min_distance_m, tx_power_dbm=cfg.gnb.tx_power_dbm,
        ue_tx_power_dbm=cfg.ue.tx_power_dbm, ue_noise_figure_db=cfg.ue.noise_figure_db,
        gnb_noise_figure_db=cfg.gnb.noise_figure_db,
        ul_interference_margin_db=cfg.mac.ul_interference_margin_db,
        scheduler=cfg.mac.scheduler, pf_window_slots=cfg.mac.pf_window_slots,
        mcs_table=cfg.mac.mcs_table, target_bler=cfg.mac.target_bler, max_tx=cfg.mac.max_tx,
        capability=cfg.mac.processing_capability, minislot_symbols=cfg.mac.minislot_symbols,
        update_interval_s=cfg.update_interval_s,
        mobility=mob,
        handover=None if not ho.enabled else {
            "offset_db": ho.offset_db, "hysteresis_db": ho.hysteresis_db,
            "time_to_trigger_s": ho.time_to_trigger_s, "interruption_s": ho.interruption_s},
        full_buffer=cfg.mac.full_buffer,
        doppler_residual_cfo=(cfg.doppler.residual_cfo_fraction if cfg.doppler.enabled
                              else None))
    if cfg.backhaul is not None:
        for s in _site_names(cfg):
            net.add_link(s, cfg.backhaul.node, rate_bps=cfg.backhaul.rate_bps,
                         delay_s=cfg.backhaul.delay_s, segment="radio")
    ctx.state["radio"] = ran
    ctx.add_table("radio_ues", ran.ue_table)
    ctx.add_table("radio_handovers", ran.handover_table)
    ctx.add_kpis(ran.kpis)


SECTION = Section("radio", RadioSpec, build, check=check, nodes=nodes, links=links, order=10)
"""The ``radio:`` scenario section."""
