"""Capacity of ground-satellite links (GSLs) from their geometry, per epoch.

Two models, both evaluated on arrays of links at once (one call per epoch):

* :class:`FixedRate`: the same rate on every link (a user figure).
* :class:`LinkBudgetRate`: the NTN link budget of 3GPP TR 38.821 V16.0.0 clause
  6.1.3.3 (``CNR = EIRP + G/T - L - k - 10 log10 B``) with the losses of
  TR 38.811 V15.4.0 clause 6.6 (free space eq. (6.6-2) on the actual slant range,
  slant-path gases 6.6.4, scintillation 6.6.6) and optional rain (ITU-R P.618-13
  2.2.1.1), turned into a rate either by Shannon's bound with a stated SNR gap or by
  the best closing DVB-S2/S2X MODCOD (ETSI EN 302 307-1 Table 13, EN 302 307-2
  Table 20a). The formulas live in :mod:`netsim.space.linkbudget`,
  :mod:`netsim.space.ntn_losses`, :mod:`netsim.space.itur_p618` and
  :mod:`netsim.space.dvbs2x`; this module only chains them.

A link whose rate is 0 (no MODCOD closes) cannot carry traffic: the satellite segment
treats it as absent for that epoch.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from netsim.errors import ParameterError
from netsim.space.dvbs2x import modcod_rate_bps
from netsim.space.itur_p618 import rain_attenuation_db
from netsim.space.linkbudget import cnr_db, free_space_path_loss_db, shannon_rate_bps
from netsim.space.ntn_losses import gas_loss_slant_db, scintillation_loss_db

__all__ = ["FixedRate", "LinkBudgetRate", "RainSpec", "RATE_MODELS"]

RATE_MODELS = ("shannon", "dvbs2x")
"""How :class:`LinkBudgetRate` maps CNR to rate."""


def _finite(field: str, value: float, low: float | None = None, strict: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ParameterError(field, value, "a finite number")
    if low is not None and (value <= low if strict else value < low):
        raise ParameterError(field, value, f"{'>' if strict else '>='} {low}")
    return float(value)


@dataclass(frozen=True)
class FixedRate:
    """Every GSL has the same rate ``rate_bps`` (bit/s, > 0)."""

    rate_bps: float

    def __post_init__(self) -> None:
        _finite("rate_bps", self.rate_bps, 0.0, strict=True)

    min_elevation_deg = 0.0
    """Lowest elevation the model accepts (deg)."""

    def rates_bps(
        self, elevation_deg: ArrayLike, distance_m: ArrayLike, latitude_deg: ArrayLike
    ) -> np.ndarray:
        """Rate of each link (bit/s), shape of ``distance_m``."""
        return np.full(np.shape(distance_m), self.rate_bps)


@dataclass(frozen=True)
class RainSpec:
    """Rain attenuation of ITU-R P.618-13 2.2.1.1 exceeded for ``exceedance_percent``.

    ``rain_rate_001_mm_h`` (ITU-R P.837) and ``rain_height_km`` (ITU-R P.839) are
    inputs; netsim ships no global maps.
    """

    rain_rate_001_mm_h: float
    rain_height_km: float
    exceedance_percent: float = 0.01
    polarization_tilt_deg: float = 45.0


@dataclass(frozen=True)
class LinkBudgetRate:
    """GSL rate from the TR 38.821 link budget at each link's elevation and range.

    Parameters
    ----------
    freq_hz, bandwidth_hz : float
        Carrier frequency and noise bandwidth (Hz).
    eirp_dbw : float
        Transmit EIRP (dBW) (e.g. :func:`netsim.space.linkbudget.eirp_from_density_dbw`).
    g_over_t_db_per_k : float
        Receiver G/T (dB/K).
    zenith_gas_loss_db : float
        Zenith gaseous attenuation (dB) scaled by ``1/sin(elevation)``
        (TR 38.811 6.6.4; valid 10-90 deg); 0 switches it off.
    scintillation : bool
        Add TR 38.811 6.6.6 scintillation (ionospheric below 6 GHz, the 20 GHz
        tropospheric table above; 10-90 deg above 6 GHz).
    rain : RainSpec, optional
        Add ITU-R P.618-13 rain attenuation at each station's latitude.
    shadow_margin_db, polarization_loss_db, additional_loss_db : float
        Fixed losses (dB, >= 0), as in TR 38.821 Table 6.1.3.3-1.
    rate_model : {"shannon", "dvbs2x"}
        ``"shannon"``: ``B log2(1 + CNR / gap)`` times ``attenuation`` (capped at
        ``max_spectral_efficiency_bps_per_hz``); ``"dvbs2x"``: the best closing
        DVB-S2/S2X MODCOD with ``margin_db``, ``B / (1 + roll_off) * eta``.

    Examples
    --------
    TR 38.821 LEO-600 Ka downlink at 30 deg (30 dBW, 15.9 dB/K, 400 MHz, 0.5 dB gases,
    0.3 dB scintillation, CNR 8.6 dB):

    >>> m = LinkBudgetRate(20e9, 400e6, 30.0, 15.9, zenith_gas_loss_db=0.25, scintillation=True)
    >>> round(float(m.cnr_db([30.0], [1075.1e3], [0.0])[0]), 1)
    8.6
    >>> round(float(m.rates_bps([30.0], [1075.1e3], [0.0])[0]) / 1e9, 2)  # 400 MHz log2(1+7.2)
    1.21
    """

    freq_hz: float
    bandwidth_hz: float
    eirp_dbw: float
    g_over_t_db_per_k: float
    zenith_gas_loss_db: float = 0.0
    scintillation: bool = False
    rain: RainSpec | None = None
    shadow_margin_db: float = 0.0
    polarization_loss_db: float = 0.0
    additional_loss_db: float = 0.0
    rate_model: str = "shannon"
    gap_db: float = 0.0
    attenuation: float = 1.0
    max_spectral_efficiency_bps_per_hz: float | None = None
    roll_off: float = 0.2
    margin_db: float = 0.0
    standard: str = "both"

    def __post_init__(self) -> None:
        _finite("freq_hz", self.freq_hz, 0.0, strict=True)
        _finite("bandwidth_hz", self.bandwidth_hz, 0.0, strict=True)
        _finite("eirp_dbw", self.eirp_dbw)
        _finite("g_over_t_db_per_k", self.g_over_t_db_per_k)
        for f in ("zenith_gas_loss_db", "shadow_margin_db", "polarization_loss_db",
                  "additional_loss_db", "gap_db", "margin_db"):
            _finite(f, getattr(self, f), 0.0)
        if self.rate_model not in RATE_MODELS:
            raise ParameterError("rate_model", self.rate_model, f"one of {RATE_MODELS}")

    @property
    def min_elevation_deg(self) -> float:
        """Lowest elevation the chosen loss models accept (deg): 10 with gases or
        tropospheric scintillation (TR 38.811 6.6.4, Table 6.6.6.2.1-1), else 0."""
        trop = self.scintillation and self.freq_hz > 6e9
        return 10.0 if (self.zenith_gas_loss_db > 0.0 or trop) else 0.0

    def cnr_db(
        self, elevation_deg: ArrayLike, distance_m: ArrayLike, latitude_deg: ArrayLike
    ) -> np.ndarray:
        """CNR of each link (dB), TR 38.821 6.1.3.3 with the losses configured."""
        el = np.asarray(elevation_deg, dtype=float)
        loss = free_space_path_loss_db(distance_m, self.freq_hz)
        loss = loss + self.shadow_margin_db + self.polarization_loss_db + self.additional_loss_db
        if self.zenith_gas_loss_db > 0.0:
            loss = loss + gas_loss_slant_db(self.zenith_gas_loss_db, el)
        if self.scintillation:
            loss = loss + scintillation_loss_db(self.freq_hz, el)
        if self.rain is not None:
            r = self.rain
            loss = loss + rain_attenuation_db(
                self.freq_hz, el, latitude_deg, r.rain_rate_001_mm_h, r.rain_height_km,
                exceedance_percent=r.exceedance_percent,
                polarization_tilt_deg=r.polarization_tilt_deg,
            )  # fmt: skip
        return cnr_db(self.eirp_dbw, self.g_over_t_db_per_k, loss, self.bandwidth_hz)

    def rates_bps(
        self, elevation_deg: ArrayLike, distance_m: ArrayLike, latitude_deg: ArrayLike
    ) -> np.ndarray:
        """Rate of each link (bit/s; 0 where no MODCOD closes)."""
        cnr = self.cnr_db(elevation_deg, distance_m, latitude_deg)
        if self.rate_model == "shannon":
            return shannon_rate_bps(
                cnr, self.bandwidth_hz, gap_db=self.gap_db, attenuation=self.attenuation,
                max_spectral_efficiency_bps_per_hz=self.max_spectral_efficiency_bps_per_hz,
            )  # fmt: skip
        return modcod_rate_bps(cnr, self.bandwidth_hz, roll_off=self.roll_off,
                               margin_db=self.margin_db, standard=self.standard)
