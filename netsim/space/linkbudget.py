"""NTN link budget: geometry, free-space loss, EIRP, G/T, CNR and achievable rate.

Sources
-------
- 3GPP TR 38.811 V15.4.0, clause 6.6.2: free-space path loss, eq. (6.6-2),
  ``FSPL(d, f) = 32.45 + 20 log10(f_GHz) + 20 log10(d_m)``, and the slant range of
  eq. (6.6-3), ``d = sqrt(R_E^2 sin^2(a) + h^2 + 2 h R_E) - R_E sin(a)`` with
  ``R_E = 6371 km``.
- 3GPP TR 38.821 V16.0.0, clause 6.1.3.3 (link budget): ``CNR = EIRP + G/T - PL - k - 10 log10(B)``
  with EIRP from the EIRP density of Table 6.1.1.1-1 and G/T from the UE parameters
  of Table 6.1.1.1-3; reproduced by :func:`tr38821_reproduction_table`.
- System noise temperature ``T = T_a + T_0 (10^(NF/10) - 1)`` with ``T_0 = 290 K``
  (IEEE noise-figure definition; the form behind the G/T of TR 38.821 Table 6.1.3.3-1).
- Shannon capacity with an SNR gap (Cioffi's gap approximation) for the achievable rate.

All functions broadcast over numpy arrays; there are no hot loops here (a few vector
operations per call), so nothing is compiled with numba.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike

from netsim.space._ntn_checks import check_finite, check_range
from netsim.space._ntn_data import ntn_csv
from netsim.units import BOLTZMANN_J_K

__all__ = [
    "EARTH_RADIUS_TR38811_M",
    "BOLTZMANN_DBW_PER_K_HZ",
    "REFERENCE_TEMPERATURE_K",
    "slant_range_m",
    "free_space_path_loss_db",
    "eirp_from_density_dbw",
    "eirp_dbw",
    "system_noise_temperature_k",
    "g_over_t_db_per_k",
    "c_over_n0_dbhz",
    "cnr_db",
    "shannon_rate_bps",
    "LinkBudget",
    "tr38821_reproduction_table",
]

EARTH_RADIUS_TR38811_M = 6_371_000.0
"""Earth radius used by TR 38.811 V15.4.0 eq. (6.6-3) for the slant range (m)."""

BOLTZMANN_DBW_PER_K_HZ = float(10.0 * np.log10(BOLTZMANN_J_K))
"""Boltzmann constant in dBW/(K Hz): -228.599 (TR 38.821 tables round it to -228.6)."""

REFERENCE_TEMPERATURE_K = 290.0
"""Reference temperature T_0 of the noise-figure definition (K)."""

_TR38811_FSPL = "TR 38.811 V15.4.0 6.6.2 eq. (6.6-2)"
_TR38811_SLANT = "TR 38.811 V15.4.0 6.6.2 eq. (6.6-3)"
_TABLE_FILE = "tr38821_table_6_1_3_3_1_link_budgets.csv"


def slant_range_m(
    elevation_deg: ArrayLike,
    altitude_m: ArrayLike,
    earth_radius_m: float = EARTH_RADIUS_TR38811_M,
) -> np.ndarray:
    """Slant range from a ground point to a platform at a given elevation and altitude.

    TR 38.811 V15.4.0, 6.6.2, eq. (6.6-3) (spherical Earth)::

        d = sqrt(R_E^2 sin^2(alpha) + h_0^2 + 2 h_0 R_E) - R_E sin(alpha)

    Parameters
    ----------
    elevation_deg : array_like
        Elevation angle ``alpha`` of the platform seen from the ground, in [0, 90] deg.
    altitude_m : array_like
        Platform altitude ``h_0`` above the sphere, > 0 m. Broadcasts with elevation.
    earth_radius_m : float
        Sphere radius ``R_E``; TR 38.811 uses 6371 km.

    Returns
    -------
    numpy.ndarray
        Slant range ``d`` in metres, broadcast shape of the inputs.

    Examples
    --------
    >>> round(float(slant_range_m(90.0, 600e3)) / 1e3, 3)
    600.0
    """
    el = check_range("elevation_deg", elevation_deg, 0.0, 90.0, source=_TR38811_SLANT)
    h = check_range("altitude_m", altitude_m, 0.0, None, low_inclusive=False, source=_TR38811_SLANT)
    check_range("earth_radius_m", earth_radius_m, 0.0, None, low_inclusive=False)
    rs = earth_radius_m * np.sin(np.deg2rad(el))
    return np.sqrt(rs * rs + h * h + 2.0 * h * earth_radius_m) - rs


def free_space_path_loss_db(distance_m: ArrayLike, freq_hz: ArrayLike) -> np.ndarray:
    """Free-space path loss, TR 38.811 V15.4.0, 6.6.2, eq. (6.6-2).

    ``FSPL(d, f_c) = 32.45 + 20 log10(f_c / 1 GHz) + 20 log10(d / 1 m)`` dB.

    Parameters
    ----------
    distance_m : array_like
        Distance (slant range) in metres, > 0.
    freq_hz : array_like
        Carrier frequency in Hz, > 0. Broadcasts with ``distance_m``.

    Returns
    -------
    numpy.ndarray
        Loss in dB.

    Examples
    --------
    >>> round(float(free_space_path_loss_db(1.0, 1e9)), 2)
    32.45
    """
    d = check_range("distance_m", distance_m, 0.0, None, low_inclusive=False, source=_TR38811_FSPL)
    f = check_range("freq_hz", freq_hz, 0.0, None, low_inclusive=False, source=_TR38811_FSPL)
    return 32.45 + 20.0 * np.log10(f / 1e9) + 20.0 * np.log10(d)


def eirp_from_density_dbw(
    eirp_density_dbw_per_mhz: ArrayLike, bandwidth_hz: ArrayLike
) -> np.ndarray:
    """EIRP of a carrier from an EIRP density: ``EIRP = D + 10 log10(B / 1 MHz)`` (dBW).

    This is how TR 38.821 Table 6.1.3.3-1 turns the satellite EIRP densities of
    Table 6.1.1.1-1 (dBW/MHz) into carrier EIRP.
    """
    dens = check_finite("eirp_density_dbw_per_mhz", eirp_density_dbw_per_mhz)
    b = check_range("bandwidth_hz", bandwidth_hz, 0.0, None, low_inclusive=False)
    return dens + 10.0 * np.log10(b / 1e6)


def eirp_dbw(
    tx_power_dbm: ArrayLike, tx_gain_dbi: ArrayLike, feeder_loss_db: ArrayLike = 0.0
) -> np.ndarray:
    """EIRP from transmit power and antenna gain: ``P_dBm - 30 + G - L_feeder`` (dBW).

    TR 38.821 Table 6.1.1.1-3 gives the UE as power (dBm) and gain (dBi); e.g. the VSAT
    2 W (33 dBm) with 43.2 dBi gives 46.2 dBW, the EIRP of Table 6.1.3.3-1.
    """
    p = check_finite("tx_power_dbm", tx_power_dbm)
    g = check_finite("tx_gain_dbi", tx_gain_dbi)
    lf = check_range("feeder_loss_db", feeder_loss_db, 0.0, None)
    return p - 30.0 + g - lf


def system_noise_temperature_k(
    antenna_temperature_k: ArrayLike,
    noise_figure_db: ArrayLike,
    ambient_temperature_k: float = REFERENCE_TEMPERATURE_K,
) -> np.ndarray:
    """System noise temperature ``T_sys = T_a + T_0 (10^(NF/10) - 1)`` (K).

    Parameters
    ----------
    antenna_temperature_k : array_like
        Antenna noise temperature ``T_a`` (K), >= 0 (TR 38.821 Table 6.1.1.1-3: 150 K
        VSAT, 290 K handheld).
    noise_figure_db : array_like
        Receiver noise figure (dB), >= 0.
    ambient_temperature_k : float
        Reference temperature ``T_0`` of the noise figure, 290 K.
    """
    ta = check_range("antenna_temperature_k", antenna_temperature_k, 0.0, None)
    nf = check_range("noise_figure_db", noise_figure_db, 0.0, None)
    check_range("ambient_temperature_k", ambient_temperature_k, 0.0, None, low_inclusive=False)
    return ta + ambient_temperature_k * (np.power(10.0, nf / 10.0) - 1.0)


def g_over_t_db_per_k(rx_gain_dbi: ArrayLike, system_noise_temperature_k: ArrayLike) -> np.ndarray:
    """Receiver figure of merit ``G/T = G - 10 log10(T_sys)`` (dB/K)."""
    g = check_finite("rx_gain_dbi", rx_gain_dbi)
    t = check_range(
        "system_noise_temperature_k", system_noise_temperature_k, 0.0, None, low_inclusive=False
    )
    return g - 10.0 * np.log10(t)


def c_over_n0_dbhz(
    eirp_dbw: ArrayLike, g_over_t_db_per_k: ArrayLike, path_loss_db: ArrayLike
) -> np.ndarray:
    """Carrier to noise density ``C/N0 = EIRP + G/T - L - k`` (dB Hz).

    ``path_loss_db`` is the total loss (free space plus atmospheric, shadowing,
    scintillation, polarisation and other losses).
    """
    e = check_finite("eirp_dbw", eirp_dbw)
    gt = check_finite("g_over_t_db_per_k", g_over_t_db_per_k)
    pl = check_finite("path_loss_db", path_loss_db)
    return e + gt - pl - BOLTZMANN_DBW_PER_K_HZ


def cnr_db(
    eirp_dbw: ArrayLike,
    g_over_t_db_per_k: ArrayLike,
    path_loss_db: ArrayLike,
    bandwidth_hz: ArrayLike,
) -> np.ndarray:
    """Carrier to noise ratio in a bandwidth, TR 38.821 6.1.3.3 (dB).

    ``CNR = EIRP + G/T - L - k - 10 log10(B)`` with ``k`` in dBW/(K Hz).

    Examples
    --------
    TR 38.821 Table 6.1.3.3-1, LEO-600 Ka downlink (30 dBW, 15.9 dB/K, 400 MHz, losses
    179.1 + 0.5 + 0.3 dB) prints 8.5 dB:

    >>> round(float(cnr_db(30.0, 15.9, 179.1 + 0.5 + 0.3, 400e6)), 2)
    8.58
    """
    b = check_range("bandwidth_hz", bandwidth_hz, 0.0, None, low_inclusive=False)
    return c_over_n0_dbhz(eirp_dbw, g_over_t_db_per_k, path_loss_db) - 10.0 * np.log10(b)


def shannon_rate_bps(
    cnr_db: ArrayLike,
    bandwidth_hz: ArrayLike,
    *,
    gap_db: float = 0.0,
    attenuation: float = 1.0,
    max_spectral_efficiency_bps_per_hz: float | None = None,
) -> np.ndarray:
    """Achievable rate from the Shannon bound with a stated SNR gap and attenuation.

    ``R = B * min(a * log2(1 + SNR / Gamma), eta_max)`` with ``Gamma = 10^(gap_db/10)``
    (Cioffi's SNR-gap approximation; ``gap_db = 0`` and ``a = 1`` give Shannon's
    capacity of the AWGN channel).

    Parameters
    ----------
    cnr_db : array_like
        Carrier to noise ratio (dB) in ``bandwidth_hz``.
    bandwidth_hz : array_like
        Bandwidth (Hz), > 0.
    gap_db : float
        SNR gap to capacity (dB), >= 0 (e.g. the distance of a coded modulation from
        the bound).
    attenuation : float
        Multiplier ``a`` in (0, 1] on the spectral efficiency (implementation and
        overhead losses, as in the "attenuated Shannon" link-to-system mappings).
    max_spectral_efficiency_bps_per_hz : float, optional
        Cap of the spectral efficiency (highest MCS); no cap when omitted.

    Returns
    -------
    numpy.ndarray
        Rate in bit/s.
    """
    snr_db = check_finite("cnr_db", cnr_db)
    b = check_range("bandwidth_hz", bandwidth_hz, 0.0, None, low_inclusive=False)
    check_range("gap_db", gap_db, 0.0, None)
    check_range("attenuation", attenuation, 0.0, 1.0, low_inclusive=False)
    eff = attenuation * np.log2(1.0 + np.power(10.0, (snr_db - gap_db) / 10.0))
    if max_spectral_efficiency_bps_per_hz is not None:
        cap = check_range(
            "max_spectral_efficiency_bps_per_hz",
            max_spectral_efficiency_bps_per_hz,
            0.0,
            None,
            low_inclusive=False,
        )
        eff = np.minimum(eff, cap)
    return b * eff


@dataclass(frozen=True)
class LinkBudget:
    """One NTN link (or an array of links) in the form of TR 38.821 Table 6.1.3.3-1.

    Every field broadcasts; pass arrays to evaluate many links in one call.

    Parameters
    ----------
    freq_hz : array_like
        Carrier frequency (Hz).
    bandwidth_hz : array_like
        Noise bandwidth of the carrier (Hz).
    eirp_dbw : array_like
        Transmit EIRP (dBW); see :func:`eirp_from_density_dbw` and :func:`eirp_dbw`.
    g_over_t_db_per_k : array_like
        Receiver G/T (dB/K); see :func:`g_over_t_db_per_k`.
    distance_m : array_like
        Slant range (m); :meth:`from_elevation` computes it from elevation and altitude.
    atmospheric_loss_db, rain_loss_db, shadow_margin_db, scintillation_loss_db, \
polarization_loss_db, additional_loss_db : array_like
        Losses (dB, >= 0) added to the free-space loss; see :mod:`netsim.space.ntn_losses`
        and :mod:`netsim.space.itur_p618` for models of each.

    Examples
    --------
    >>> lb = LinkBudget.from_elevation(
    ...     elevation_deg=30.0, altitude_m=600e3, freq_hz=20e9, bandwidth_hz=400e6,
    ...     eirp_dbw=eirp_from_density_dbw(4.0, 400e6), g_over_t_db_per_k=15.9,
    ...     atmospheric_loss_db=0.5, scintillation_loss_db=0.3)
    >>> round(float(lb.fspl_db), 1), round(float(lb.cnr_db), 1)
    (179.1, 8.6)
    """

    freq_hz: ArrayLike
    bandwidth_hz: ArrayLike
    eirp_dbw: ArrayLike
    g_over_t_db_per_k: ArrayLike
    distance_m: ArrayLike
    atmospheric_loss_db: ArrayLike = 0.0
    rain_loss_db: ArrayLike = 0.0
    shadow_margin_db: ArrayLike = 0.0
    scintillation_loss_db: ArrayLike = 0.0
    polarization_loss_db: ArrayLike = 0.0
    additional_loss_db: ArrayLike = 0.0

    def __post_init__(self) -> None:
        check_range("freq_hz", self.freq_hz, 0.0, None, low_inclusive=False)
        check_range("bandwidth_hz", self.bandwidth_hz, 0.0, None, low_inclusive=False)
        check_finite("eirp_dbw", self.eirp_dbw)
        check_finite("g_over_t_db_per_k", self.g_over_t_db_per_k)
        check_range("distance_m", self.distance_m, 0.0, None, low_inclusive=False)
        for name in (
            "atmospheric_loss_db",
            "rain_loss_db",
            "shadow_margin_db",
            "scintillation_loss_db",
            "polarization_loss_db",
            "additional_loss_db",
        ):
            check_range(name, getattr(self, name), 0.0, None)

    @classmethod
    def from_elevation(
        cls,
        *,
        elevation_deg: ArrayLike,
        altitude_m: ArrayLike,
        earth_radius_m: float = EARTH_RADIUS_TR38811_M,
        **fields: ArrayLike,
    ) -> LinkBudget:
        """Build a budget whose distance is the slant range of TR 38.811 eq. (6.6-3)."""
        return cls(distance_m=slant_range_m(elevation_deg, altitude_m, earth_radius_m), **fields)

    @property
    def fspl_db(self) -> np.ndarray:
        """Free-space path loss (dB), TR 38.811 eq. (6.6-2)."""
        return free_space_path_loss_db(self.distance_m, self.freq_hz)

    @property
    def other_losses_db(self) -> np.ndarray:
        """Sum of the losses beyond free space (dB)."""
        return (
            np.asarray(self.atmospheric_loss_db, dtype=float)
            + np.asarray(self.rain_loss_db, dtype=float)
            + np.asarray(self.shadow_margin_db, dtype=float)
            + np.asarray(self.scintillation_loss_db, dtype=float)
            + np.asarray(self.polarization_loss_db, dtype=float)
            + np.asarray(self.additional_loss_db, dtype=float)
        )

    @property
    def total_loss_db(self) -> np.ndarray:
        """Free-space plus all other losses (dB)."""
        return self.fspl_db + self.other_losses_db

    @property
    def c_over_n0_dbhz(self) -> np.ndarray:
        """Carrier to noise density (dB Hz)."""
        return c_over_n0_dbhz(self.eirp_dbw, self.g_over_t_db_per_k, self.total_loss_db)

    @property
    def cnr_db(self) -> np.ndarray:
        """Carrier to noise ratio in ``bandwidth_hz`` (dB), TR 38.821 6.1.3.3."""
        return cnr_db(self.eirp_dbw, self.g_over_t_db_per_k, self.total_loss_db, self.bandwidth_hz)

    def shannon_rate_bps(
        self,
        *,
        gap_db: float = 0.0,
        attenuation: float = 1.0,
        max_spectral_efficiency_bps_per_hz: float | None = None,
    ) -> np.ndarray:
        """Achievable rate (bit/s) from :func:`shannon_rate_bps` at this budget's CNR."""
        return shannon_rate_bps(
            self.cnr_db,
            self.bandwidth_hz,
            gap_db=gap_db,
            attenuation=attenuation,
            max_spectral_efficiency_bps_per_hz=max_spectral_efficiency_bps_per_hz,
        )


def tr38821_reproduction_table() -> pd.DataFrame:
    """Recompute the rows of TR 38.821 Table 6.1.3.3-1 and tabulate netsim vs the TR.

    For each stored row (``netsim/space/data/ntn/tr38821_table_6_1_3_3_1_link_budgets.csv``)
    netsim computes: the slant range at the row's elevation and altitude and its FSPL
    (TR 38.811 eq. 6.6-2/6.6-3); the EIRP from the Table 6.1.1.1-1 EIRP density (DL) or
    the Table 6.1.1.1-3 UE power and gain (UL); the UE G/T from its gain, antenna
    temperature and noise figure (DL; the satellite G/T printed in the row is used for UL);
    and the CNR with the row's printed atmospheric, shadowing, scintillation,
    polarisation and additional losses. Rows whose printed CNR or losses were not
    available carry NaN in the CNR columns.

    Returns
    -------
    pandas.DataFrame
        One row per case and link with columns ``case, orbit, band, link,
        elevation_deg, freq_ghz, slant_range_km, fspl_db_tr, fspl_db_netsim,
        fspl_diff_db, eirp_dbw_tr, eirp_dbw_netsim, g_over_t_db_per_k_tr,
        g_over_t_db_per_k_netsim, cnr_db_tr, cnr_db_netsim, cnr_diff_db``
        (differences are netsim minus TR).
    """
    t = ntn_csv(_TABLE_FILE)
    bw_hz = t["bandwidth_mhz"].to_numpy(float) * 1e6
    freq_hz = t["freq_ghz"].to_numpy(float) * 1e9
    dist_m = slant_range_m(
        t["elevation_deg"].to_numpy(float), t["altitude_km"].to_numpy(float) * 1e3
    )
    fspl = free_space_path_loss_db(dist_m, freq_hz)

    is_dl = (t["link"] == "DL").to_numpy()
    dens = t["tx_eirp_density_dbw_per_mhz"].to_numpy(float)
    p_dbm = t["tx_power_dbm"].to_numpy(float)
    g_tx = t["tx_gain_dbi"].to_numpy(float)
    eirp = np.where(
        is_dl,
        np.where(np.isnan(dens), np.nan, np.nan_to_num(dens) + 10.0 * np.log10(bw_hz / 1e6)),
        p_dbm - 30.0 + g_tx,
    )
    ta = t["rx_antenna_temperature_k"].to_numpy(float)
    nf = t["rx_noise_figure_db"].to_numpy(float)
    g_rx = t["rx_gain_dbi"].to_numpy(float)
    t_sys = ta + REFERENCE_TEMPERATURE_K * (np.power(10.0, nf / 10.0) - 1.0)
    gt_printed = t["g_over_t_db_per_k_printed"].to_numpy(float)
    gt = np.where(is_dl, g_rx - 10.0 * np.log10(t_sys), gt_printed)

    losses = (
        t[
            [
                "atmospheric_loss_db",
                "shadow_margin_db",
                "scintillation_loss_db",
                "polarization_loss_db",
                "additional_loss_db",
            ]
        ]
        .to_numpy(float)
        .sum(axis=1)
    )
    # NaN propagates where the TR row's losses or printed values are not stored.
    cnr = eirp + gt - (fspl + losses) - BOLTZMANN_DBW_PER_K_HZ - 10.0 * np.log10(bw_hz)
    cnr_tr = t["cnr_db_printed"].to_numpy(float)
    return pd.DataFrame(
        {
            "case": t["case"],
            "orbit": t["orbit"],
            "band": t["band"],
            "link": t["link"],
            "elevation_deg": t["elevation_deg"].to_numpy(float),
            "freq_ghz": t["freq_ghz"].to_numpy(float),
            "slant_range_km": dist_m / 1e3,
            "fspl_db_tr": t["fspl_db_printed"].to_numpy(float),
            "fspl_db_netsim": fspl,
            "fspl_diff_db": fspl - t["fspl_db_printed"].to_numpy(float),
            "eirp_dbw_tr": t["eirp_dbw_printed"].to_numpy(float),
            "eirp_dbw_netsim": eirp,
            "g_over_t_db_per_k_tr": gt_printed,
            "g_over_t_db_per_k_netsim": gt,
            "cnr_db_tr": cnr_tr,
            "cnr_db_netsim": cnr,
            "cnr_diff_db": cnr - cnr_tr,
        }
    )
