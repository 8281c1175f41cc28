"""Snapshot drops of a (sub-THz) indoor hotspot, and the ``hotspot:`` scenario section.

A full-buffer, geometry-SINR capacity study in the style of an ITU-R / 3GPP system-level
evaluation; no packets are simulated. One drop (:func:`drop_hotspot`):

1. Layout: TR 38.901 V17.0.0 Table 7.2-2 / Figure 7.2-1 InH-Office, a 120 m x 50 m floor
   with 12 ceiling access points (APs) on a 20 m grid at 3 m
   (``data/hotspot/tr38901_table_7_2_2_inh_office.json``); ``ues_per_ap x 12`` UEs
   dropped uniformly at 1 m.
2. Path loss: InH-Office LOS/NLOS (TR 38.901 Table 7.4.1-1), LOS drawn from Table 7.4.2-1
   (mixed office). The table is valid for 0.5-100 GHz; above 100 GHz it is evaluated with
   ``allow_extrapolation=True`` (measured InH path-loss exponents at 140 GHz are close to
   those at 28/73 GHz, Ju et al., IEEE JSAC 39(6), 2021). No shadow fading.
3. Gaseous absorption: ITU-R P.676-13 Annex 1 (:mod:`netsim.radio.atmosphere`) at 15 C,
   1013.25 hPa and ``water_vapour_g_m3``, times the 3D distance.
4. Beamforming: each AP a ``rows x cols`` UPA of TR 38.901 7.3 elements facing the floor,
   beam from a 2-D DFT codebook (TS 38.214 5.2.2.2.1 Type I grid,
   :func:`netsim.radio.antenna.dft_codebook`); the UE an ideal beam towards its serving
   AP with gain ``10 log10(N_ue)``. Interference from every other AP through the beam it
   points at one of its own UEs (drawn uniformly per slot), received with the UE's
   average sidelobe gain of 0 dB (a unit-norm beam averaged over directions).
5. SINR: best server, full buffer (:func:`netsim.radio.sinr.wideband_sinr`); rate per slot
   ``layers x B x (1 - OH) x SE``, SE the attenuated Shannon bound
   ``min(0.6 log2(1 + SINR), SE_max)``, 0 below -10 dB (3GPP TR 36.942 V17.0.0 Annex
   A.1), SE_max = 8 x 948/1024 (256QAM at R_max) and OH the FR2 downlink overhead 0.18
   (TS 38.306 4.1.2, ``data/nr/ts38306_4_1_2_max_data_rate.json``).
6. Users: each AP serves its UEs round robin, so a user's rate is its full-resource rate
   over the number of UEs of its AP, averaged over ``n_slots`` interference draws.

KPIs of a run (:func:`hotspot_kpis`, Report ITU-R M.2410-0 definitions, names shared with
the ``imt2020_*`` / ``imt2030*`` target presets): ``peak_rate_bps`` (highest full-resource
rate of one UE: all resources to one station, error free, 4.1), ``user_experienced_rate_bps``
(5th percentile of the user rates of all the run's drops, 4.3),
``area_traffic_capacity_bps_per_m2`` (sum of user rates / floor area, mean over drops,
4.6), plus ``hotspot_*`` diagnostics (mean user rate, mean and 5 % SINR, LOS share,
specific attenuation).
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from importlib import resources
from typing import Literal

import numpy as np
import pandas as pd
from pydantic import Field, NonNegativeFloat, PositiveFloat, PositiveInt, model_validator

from netsim.errors import ParameterError, ValidityRangeError
from netsim.experiment.scenario import Spec
from netsim.experiment.sections import Section
from netsim.radio.antenna import (
    beamforming_gain_db,
    dft_codebook,
    element_gain_dbi,
    upa_steering_vectors,
)
from netsim.radio.atmosphere import gaseous_attenuation_db_per_km
from netsim.radio.nr.tables import max_data_rate_constants
from netsim.radio.sinr import wideband_sinr
from netsim.radio.tr38901.los import draw_los
from netsim.radio.tr38901.pathloss import path_loss_db

__all__ = [
    "CARRIER_RANGE_HZ", "ATT_SHANNON_ALPHA", "ATT_SHANNON_SINR_MIN_DB", "HotspotBand",
    "HotspotDrop", "inh_office_layout", "band_presets", "se_max_and_overhead",
    "attenuated_shannon_se", "panel_angles", "drop_hotspot", "hotspot_kpis", "HotspotSpec",
    "build", "SECTION",
]

CARRIER_RANGE_HZ = (0.5e9, 450e9)
"""Carriers the hotspot model accepts (Hz): the InH-Office path loss of TR 38.901 Table
7.4.1-1 from 0.5 GHz, extrapolated above its 100 GHz limit up to 450 GHz, the upper end of
ITU-R P.1238-10 (indoor propagation, 300 MHz-450 GHz)."""

ATT_SHANNON_ALPHA = 0.6
ATT_SHANNON_SINR_MIN_DB = -10.0
"""TR 36.942 V17.0.0 Annex A.1 attenuated Shannon bound: alpha and SINR_min (dB)."""


def _data(name: str) -> dict:
    text = resources.files("netsim.radio").joinpath(f"data/hotspot/{name}").read_text(
        encoding="utf-8")
    return json.loads(text)


@functools.lru_cache(maxsize=1)
def inh_office_layout() -> dict:
    """TR 38.901 Table 7.2-2 InH-Office layout (room size, AP grid, heights; metres)."""
    d = _data("tr38901_table_7_2_2_inh_office.json")
    d["ap_xy_m"] = np.array([(x, y) for y in d["bs_y_m"] for x in d["bs_x_m"]])
    return d


@functools.lru_cache(maxsize=1)
def band_presets() -> dict[str, dict]:
    """The study's 140 / 300 GHz band assumptions (``data/hotspot/subthz_hotspot_bands.json``)."""
    return _data("subthz_hotspot_bands.json")["bands"]


@functools.lru_cache(maxsize=1)
def se_max_and_overhead() -> tuple[float, float]:
    """SE_max = 8 bit x R_max (256QAM) and the FR2 downlink overhead (TS 38.306 4.1.2)."""
    c = max_data_rate_constants()
    return 8.0 * c["r_max"]["value_x1024"] / 1024.0, float(c["overhead"]["FR2"]["downlink"])


@dataclass(frozen=True)
class HotspotBand:
    """Radio parameters of one hotspot band (units in the field names)."""

    carrier_hz: float
    bandwidth_hz: float
    tx_power_dbm: float
    noise_figure_db: float
    ap_array: tuple[int, int]
    ue_array_elements: int
    layers: int = 2

    def __post_init__(self):
        lo, hi = CARRIER_RANGE_HZ
        if not (math.isfinite(self.carrier_hz) and lo <= self.carrier_hz <= hi):
            raise ValidityRangeError("carrier_hz", self.carrier_hz, f"{lo:g} to {hi:g} Hz",
                                     source="TR 38.901 Table 7.4.1-1 (InH), extrapolated "
                                            "to ITU-R P.1238-10's 450 GHz")
        if not (math.isfinite(self.bandwidth_hz) and self.bandwidth_hz > 0):
            raise ParameterError("bandwidth_hz", self.bandwidth_hz, "> 0 Hz")
        if len(self.ap_array) != 2 or min(self.ap_array) < 1:
            raise ParameterError("ap_array", self.ap_array, "[rows, columns], each >= 1")
        if self.ue_array_elements < 1:
            raise ParameterError("ue_array_elements", self.ue_array_elements, ">= 1")
        if not 1 <= self.layers <= 8:
            raise ParameterError("layers", self.layers, "1 to 8 (TS 38.214 5.1: up to 8 "
                                 "downlink layers)")

    @classmethod
    def preset(cls, name: str) -> HotspotBand:
        """A band of :func:`band_presets` (``"140GHz"`` or ``"300GHz"``)."""
        p = band_presets()
        if name not in p:
            raise ParameterError("band", name, f"one of {sorted(p)}")
        d = dict(p[name])
        d["ap_array"] = tuple(d["ap_array"])
        return cls(**d)


def attenuated_shannon_se(sinr_db: np.ndarray, se_max: float) -> np.ndarray:
    """TR 36.942 Annex A.1: 0 below SINR_min, ``0.6 log2(1 + SINR)`` capped at ``se_max``.

    Parameters
    ----------
    sinr_db : array_like
    se_max : float
        Highest spectral efficiency (b/s/Hz).
    """
    s = np.asarray(sinr_db, dtype=float)
    se = ATT_SHANNON_ALPHA * np.log2(1.0 + 10.0 ** (s / 10.0))
    return np.where(s < ATT_SHANNON_SINR_MIN_DB, 0.0, np.minimum(se, se_max))


def panel_angles(dx_m: np.ndarray, dy_m: np.ndarray,
                 dz_m: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Local (zenith, azimuth) in degrees seen from a ceiling panel facing down.

    The panel's local x axis (boresight) is global -z, local y is global y and local z is
    global x, so the UPA direction cosines are ``u = cos(theta') = dx/d`` and
    ``v = sin(theta') sin(phi') = dy/d`` (TR 38.901 7.1 local coordinates).
    """
    d = np.sqrt(dx_m**2 + dy_m**2 + dz_m**2)
    th = np.degrees(np.arccos(np.clip(dx_m / d, -1.0, 1.0)))
    ph = np.degrees(np.arctan2(dy_m / d, -dz_m / d))
    return th, ph


@dataclass(frozen=True)
class HotspotDrop:
    """One drop's per-UE results; arrays of shape (n_ues,) unless stated."""

    ue_xy_m: np.ndarray
    """UE positions (n_ues, 2) (m)."""
    serving: np.ndarray
    """Serving AP index."""
    los: np.ndarray
    """LOS to the serving AP."""
    sinr_db: np.ndarray
    """SINR per slot (n_slots, n_ues) (dB)."""
    full_rate_bps: np.ndarray
    """Rate with all the AP's resources (b/s), averaged over slots."""
    user_rate_bps: np.ndarray
    """Round-robin user rate (b/s): full rate / UEs of the serving AP."""
    atmospheric_db_per_km: float
    area_m2: float


def drop_hotspot(band: HotspotBand, rng: np.random.Generator, ues_per_ap: int = 10,
                 n_slots: int = 8, water_vapour_g_m3: float = 7.5) -> HotspotDrop:
    """One snapshot drop of the InH-Office hotspot (see the module docstring).

    Parameters
    ----------
    band : HotspotBand
    rng : numpy.random.Generator
        Draws UE positions, LOS states and, per slot, the UE each AP beams at.
    ues_per_ap : int
        UEs per AP on average (``ues_per_ap x 12`` UEs uniform on the floor), >= 1.
    n_slots : int
        Interference draws averaged per drop, >= 1.
    water_vapour_g_m3 : float
        Water-vapour density for P.676 (g/m^3), >= 0.
    """
    if int(ues_per_ap) != ues_per_ap or ues_per_ap < 1:
        raise ParameterError("ues_per_ap", ues_per_ap, "an integer >= 1")
    if int(n_slots) != n_slots or n_slots < 1:
        raise ParameterError("n_slots", n_slots, "an integer >= 1")
    if not (math.isfinite(water_vapour_g_m3) and water_vapour_g_m3 >= 0):
        raise ParameterError("water_vapour_g_m3", water_vapour_g_m3, ">= 0 g/m^3")
    lay = inh_office_layout()
    ap = lay["ap_xy_m"]
    m = ap.shape[0]
    n = int(ues_per_ap) * m
    ue = np.column_stack([rng.uniform(0, lay["room_x_m"], n),
                          rng.uniform(0, lay["room_y_m"], n)])
    h_bs, h_ut = lay["bs_height_m"], lay["ut_height_m"]
    dx = ue[:, None, 0] - ap[None, :, 0]
    dy = ue[:, None, 1] - ap[None, :, 1]
    dz = np.full_like(dx, h_ut - h_bs)
    d2d = np.hypot(dx, dy)
    d3d = np.sqrt(d2d**2 + dz**2)
    los = draw_los("InH", d2d, rng)
    pl = path_loss_db("InH", d2d, band.carrier_hz, h_bs, h_ut, los,
                      allow_extrapolation=band.carrier_hz > 100e9)
    atm = float(gaseous_attenuation_db_per_km(band.carrier_hz,
                                              water_vapour_g_m3=water_vapour_g_m3))
    pl = pl + atm * d3d / 1000.0
    th, ph = panel_angles(dx, dy, dz)
    nr, nc = band.ap_array
    a = upa_steering_vectors(nr, nc, th.ravel(), ph.ravel()).reshape(n, m, nr * nc)
    cb = dft_codebook(nr, nc)
    elem = np.asarray(element_gain_dbi(th.ravel(), ph.ravel())).reshape(n, m)
    best_db, beam = beamforming_gain_db(cb, a.reshape(n * m, -1))
    best_db, beam = best_db.reshape(n, m), beam.reshape(n, m)
    g_ue_db = 10.0 * math.log10(band.ue_array_elements)
    cl_best = pl - elem - best_db - g_ue_db
    serving = np.argmin(cl_best, axis=1)
    k_per_ap = np.bincount(serving, minlength=m)
    active = k_per_ap > 0
    se_max, oh = se_max_and_overhead()
    rate_sum = np.zeros(n)
    sinr_all = np.empty((int(n_slots), n))
    rows = np.arange(n)
    for s in range(int(n_slots)):
        # each AP points its beam at one of its own UEs (uniformly); idle APs are silent
        target = np.array([rng.choice(np.flatnonzero(serving == j)) if active[j] else 0
                           for j in range(m)])
        w = cb[beam[target, np.arange(m)]]                       # (m, N_el)
        g_int = np.abs(np.einsum("nme,me->nm", a, w.conj())) ** 2
        cl = pl - elem - 10.0 * np.log10(np.maximum(g_int, 1e-30))  # UE sidelobe 0 dB
        cl[rows, serving] = cl_best[rows, serving]
        cl[:, ~active] = 1e4                                      # idle APs: no power
        sinr = wideband_sinr(cl, band.tx_power_dbm, band.bandwidth_hz, band.noise_figure_db,
                             precision="float64").sinr_db
        sinr_all[s] = sinr
        rate_sum += band.layers * band.bandwidth_hz * (1 - oh) * attenuated_shannon_se(
            sinr, se_max)
    full_rate = rate_sum / n_slots
    return HotspotDrop(ue, serving, los[rows, serving], sinr_all, full_rate,
                       full_rate / k_per_ap[serving], atm,
                       float(lay["room_x_m"] * lay["room_y_m"]))


def hotspot_kpis(drops: list[HotspotDrop]) -> dict[str, float]:
    """KPIs over the drops of a run (M.2410-0 names; see the module docstring)."""
    if not drops:
        raise ParameterError("drops", drops, "at least one drop")
    user = np.concatenate([d.user_rate_bps for d in drops])
    sinr = np.concatenate([d.sinr_db.ravel() for d in drops])
    return {
        "peak_rate_bps": float(max(d.full_rate_bps.max() for d in drops)),
        "user_experienced_rate_bps": float(np.percentile(user, 5)),
        "area_traffic_capacity_bps_per_m2": float(np.mean(
            [d.user_rate_bps.sum() / d.area_m2 for d in drops])),
        "hotspot_mean_user_rate_bps": float(user.mean()),
        "hotspot_sinr_mean_db": float(sinr.mean()),
        "hotspot_sinr_p5_db": float(np.percentile(sinr, 5)),
        "hotspot_los_fraction": float(np.mean(np.concatenate([d.los for d in drops]))),
        "hotspot_atmospheric_db_per_km": float(drops[0].atmospheric_db_per_km),
    }


def _users_table(drops: list[HotspotDrop]) -> pd.DataFrame:
    parts = []
    for i, d in enumerate(drops):
        parts.append(pd.DataFrame({
            "drop": i, "ue": np.arange(d.serving.size), "x_m": d.ue_xy_m[:, 0],
            "y_m": d.ue_xy_m[:, 1], "serving_ap": d.serving, "los": d.los,
            "sinr_mean_db": d.sinr_db.mean(axis=0), "full_rate_bps": d.full_rate_bps,
            "user_rate_bps": d.user_rate_bps}))
    return pd.concat(parts, ignore_index=True)


# ---------------------------------------------------------------------------------------
# scenario section


class HotspotSpec(Spec):
    """The ``hotspot:`` section: ``drops`` snapshot drops per run.

    ``band`` names a preset (:func:`band_presets`); any radio field given overrides it.
    Without ``band`` every radio field (``carrier_hz`` ... ``ue_array_elements``) is needed.
    """

    band: Literal["140GHz", "300GHz"] | None = "140GHz"
    carrier_hz: float | None = Field(None, ge=CARRIER_RANGE_HZ[0], le=CARRIER_RANGE_HZ[1])
    """Carrier (Hz), 0.5-450 GHz (InH path loss extrapolated above 100 GHz)."""
    bandwidth_hz: PositiveFloat | None = None
    tx_power_dbm: float | None = None
    """AP transmit power over the band (dBm)."""
    noise_figure_db: NonNegativeFloat | None = None
    ap_array: tuple[PositiveInt, PositiveInt] | None = None
    """AP uniform planar array [rows, columns]."""
    ue_array_elements: PositiveInt | None = None
    layers: int | None = Field(None, ge=1, le=8)
    ues_per_ap: PositiveInt = 10
    """UEs per AP on average (x 12 APs per drop)."""
    drops: PositiveInt = 1
    """Drops per run (a sweep's replications add drops with independent seeds)."""
    n_slots: PositiveInt = 8
    """Interference draws per drop."""
    water_vapour_g_m3: NonNegativeFloat = 7.5
    """Water-vapour density for ITU-R P.676 (g/m^3)."""

    @model_validator(mode="after")
    def _complete(self):
        missing = [k for k in _RADIO_FIELDS if getattr(self, k) is None]
        if self.band is None and missing:
            raise ValueError(f"without a band preset give {missing}")
        return self

    def resolved_band(self) -> HotspotBand:
        """The preset overridden by the fields given."""
        d = dict(band_presets()[self.band]) if self.band is not None else {}
        d.update({k: getattr(self, k) for k in _RADIO_FIELDS if getattr(self, k) is not None})
        d["ap_array"] = tuple(int(x) for x in d["ap_array"])
        return HotspotBand(**d)


_RADIO_FIELDS = ("carrier_hz", "bandwidth_hz", "tx_power_dbm", "noise_figure_db", "ap_array",
                 "ue_array_elements", "layers")


def build(cfg: HotspotSpec, ctx) -> None:
    """Run the drops (stream ``radio:hotspot``) and register the table and KPIs."""
    band = cfg.resolved_band()
    rng = ctx.sim.rng("radio:hotspot")
    drops = [drop_hotspot(band, rng, cfg.ues_per_ap, cfg.n_slots, cfg.water_vapour_g_m3)
             for _ in range(cfg.drops)]
    ctx.state["hotspot"] = drops
    ctx.add_table("hotspot_users", lambda: _users_table(drops))
    ctx.add_kpis(lambda: hotspot_kpis(drops))


SECTION = Section("hotspot", HotspotSpec, build, order=15)
"""Scenario section ``hotspot:``."""
