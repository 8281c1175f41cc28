"""Base-station antennas: 3GPP element pattern, sectors and uniform planar arrays.

- Element: radiation power pattern of 3GPP TR 38.901 V17.0.0 Table 7.3-1 (data file
  ``tr38901_table_7_3_1_antenna.json``): 65 deg half-power beamwidths, SLA_V = 30 dB,
  A_max = 30 dB, G_E,max = 8 dBi.
- Orientation: global-to-local angle transformation of TR 38.901 clause 7.1.3
  (Eqs. 7.1-7 and 7.1-8) for a panel with bearing alpha and mechanical downtilt beta
  (slant gamma = 0).
- Sectors: three sectors per site with boresights 30, 150 and 270 deg (the hexagonal
  layout of TR 38.901 clause 7.8 calibration, Figure/Table 7.8-1, inherited from
  TR 36.814).
- Uniform planar array (UPA): elements on the local y-z plane spaced d_h, d_v
  wavelengths; the array response uses the location vector and spherical unit vector
  of TR 38.901 Eq. 7.5-22 (phase 2 pi r_hat . d / lambda). Beams are taken from an
  oversampled 2-D DFT codebook (the Type I single-panel structure of TS 38.214
  clause 5.2.2.2.1: v_{l,m} = kron of two oversampled DFT vectors), the beam that
  maximises the gain is selected per direction, and the beamforming gain is
  |w^H a|^2 with ||w|| = 1 and unit-modulus a (at most the number of elements).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from netsim.errors import ParameterError
from netsim.radio.tr38901.tables import ANTENNA_TABLE, load_table

__all__ = [
    "element_pattern_db",
    "element_gain_dbi",
    "gcs_to_lcs_deg",
    "sector_boresights_deg",
    "sector_element_gain_dbi",
    "upa_steering_vectors",
    "dft_codebook",
    "beamforming_gain_db",
    "array_gain_dbi",
]

_SOURCE = "3GPP TR 38.901 V17.0.0 Table 7.3-1"


def _wrap180(x: np.ndarray) -> np.ndarray:
    return (x + 180.0) % 360.0 - 180.0


def element_pattern_db(zenith_deg: ArrayLike, azimuth_deg: ArrayLike) -> np.ndarray | float:
    """Relative element pattern A(theta'', phi'') (dB, <= 0), TR 38.901 Table 7.3-1.

    ``A = -min(-(A_V + A_H), A_max)`` with
    ``A_V = -min(12 ((theta - 90)/theta_3dB)^2, SLA_V)`` and
    ``A_H = -min(12 (phi/phi_3dB)^2, A_max)``.

    Parameters
    ----------
    zenith_deg : array_like
        Local zenith angle theta'' (deg), 0 to 180; 90 is the boresight elevation.
    azimuth_deg : array_like
        Local azimuth phi'' (deg) from boresight; wrapped to [-180, 180).

    Returns
    -------
    numpy.ndarray or float
        Attenuation relative to the maximum (dB), broadcast shape.
    """
    t = load_table(ANTENNA_TABLE)
    th = np.asarray(zenith_deg, dtype=float)
    ph = _wrap180(np.asarray(azimuth_deg, dtype=float))
    a_v = -np.minimum(12.0 * ((th - 90.0) / t["theta_3db_deg"]) ** 2, t["sla_v_db"])
    a_h = -np.minimum(12.0 * (ph / t["phi_3db_deg"]) ** 2, t["a_max_db"])
    out = -np.minimum(-(a_v + a_h), t["a_max_db"])
    return float(out) if np.ndim(out) == 0 else out


def element_gain_dbi(zenith_deg: ArrayLike, azimuth_deg: ArrayLike) -> np.ndarray | float:
    """Element gain G_E,max + A(theta'', phi'') (dBi), TR 38.901 Table 7.3-1.

    Examples
    --------
    >>> element_gain_dbi(90.0, 0.0)
    8.0
    >>> element_gain_dbi(90.0, 32.5)  # half the 65 deg HPBW: 8 - 3
    5.0
    """
    out = load_table(ANTENNA_TABLE)["g_e_max_dbi"] + np.asarray(
        element_pattern_db(zenith_deg, azimuth_deg)
    )
    return float(out) if np.ndim(out) == 0 else out


def gcs_to_lcs_deg(
    zenith_deg: ArrayLike, azimuth_deg: ArrayLike, bearing_deg: ArrayLike, downtilt_deg: ArrayLike
) -> tuple[np.ndarray, np.ndarray]:
    """Global -> local angles for a panel rotated by bearing alpha and downtilt beta.

    TR 38.901 clause 7.1.3, Eqs. 7.1-7 and 7.1-8 with slant gamma = 0:
    ``theta' = arccos(cos(beta) cos(theta) + sin(beta) cos(phi - alpha) sin(theta))``,
    ``phi' = arg(cos(beta) sin(theta) cos(phi - alpha) - sin(beta) cos(theta)
    + j sin(phi - alpha) sin(theta))``. A positive beta tilts the boresight below the
    horizon (boresight at global zenith 90 + beta).

    Returns
    -------
    zenith_lcs_deg, azimuth_lcs_deg : numpy.ndarray
    """
    th = np.radians(zenith_deg)
    dphi = np.radians(np.asarray(azimuth_deg, float) - np.asarray(bearing_deg, float))
    b = np.radians(downtilt_deg)
    cos_t = np.cos(b) * np.cos(th) + np.sin(b) * np.cos(dphi) * np.sin(th)
    th_l = np.degrees(np.arccos(np.clip(cos_t, -1.0, 1.0)))
    ph_l = np.degrees(
        np.arctan2(np.sin(dphi) * np.sin(th), np.cos(b) * np.sin(th) * np.cos(dphi)
                   - np.sin(b) * np.cos(th))
    )
    return th_l, ph_l


def sector_boresights_deg(n_sectors: int = 3, first_deg: float = 30.0) -> np.ndarray:
    """Sector boresight azimuths (deg): ``first_deg + k 360 / n_sectors``.

    The default gives 30, 150 and 270 deg, the three-sector hexagonal site of the
    TR 38.901 clause 7.8 calibration layout.
    """
    if n_sectors < 1:
        raise ParameterError("n_sectors", n_sectors, ">= 1")
    return (first_deg + 360.0 / n_sectors * np.arange(n_sectors)) % 360.0


def sector_element_gain_dbi(
    zenith_deg: ArrayLike,
    azimuth_deg: ArrayLike,
    boresight_deg: ArrayLike,
    downtilt_deg: ArrayLike = 0.0,
) -> np.ndarray | float:
    """Element gain (dBi) towards global direction (zenith, azimuth) of a sector panel.

    Rotates the direction into the panel's local frame (:func:`gcs_to_lcs_deg`) and
    evaluates :func:`element_gain_dbi`.
    """
    th_l, ph_l = gcs_to_lcs_deg(zenith_deg, azimuth_deg, boresight_deg, downtilt_deg)
    return element_gain_dbi(th_l, ph_l)


def upa_steering_vectors(
    n_rows: int,
    n_cols: int,
    zenith_deg: ArrayLike,
    azimuth_deg: ArrayLike,
    spacing_v: float = 0.5,
    spacing_h: float = 0.5,
) -> np.ndarray:
    """Array response of an n_rows x n_cols UPA in the local y-z plane (unit modulus).

    Element (m, n) sits at z = m d_v, y = n d_h wavelengths; its phase is
    ``2 pi (m d_v cos(theta) + n d_h sin(theta) sin(phi))`` (TR 38.901 Eq. 7.5-22).

    Parameters
    ----------
    n_rows, n_cols : int
        Elements per column (vertical) and per row (horizontal).
    zenith_deg, azimuth_deg : array_like, shape (P,)
        Local directions (deg).
    spacing_v, spacing_h : float, default 0.5
        Element spacings (wavelengths).

    Returns
    -------
    numpy.ndarray, complex, shape (P, n_rows * n_cols)
        Row-major element order (m * n_cols + n).
    """
    th = np.radians(np.atleast_1d(np.asarray(zenith_deg, dtype=float)))
    ph = np.radians(np.atleast_1d(np.asarray(azimuth_deg, dtype=float)))
    m = np.arange(n_rows)
    n = np.arange(n_cols)
    u = spacing_v * np.cos(th)  # vertical spatial frequency (cycles per element)
    v = spacing_h * np.sin(th) * np.sin(ph)
    av = np.exp(2j * np.pi * u[:, None] * m[None, :])
    ah = np.exp(2j * np.pi * v[:, None] * n[None, :])
    return (av[:, :, None] * ah[:, None, :]).reshape(th.shape[0], n_rows * n_cols)


def dft_codebook(
    n_rows: int, n_cols: int, oversampling_v: int = 1, oversampling_h: int = 1
) -> np.ndarray:
    """Oversampled 2-D DFT codebook, beams normalised to unit norm.

    Beam (k1, k2) is ``kron(a_v(k1), a_h(k2)) / sqrt(N)`` with
    ``a_v(k1)[m] = exp(j 2 pi m k1 / (O1 N1))`` and ``a_h(k2)[n] = exp(j 2 pi n k2 /
    (O2 N2))`` (the oversampled DFT beams of TS 38.214 clause 5.2.2.2.1, Type I).

    Returns
    -------
    numpy.ndarray, complex, shape (O1 N1 * O2 N2, n_rows * n_cols)
    """
    for name, val in (("n_rows", n_rows), ("n_cols", n_cols), ("oversampling_v", oversampling_v),
                      ("oversampling_h", oversampling_h)):
        if int(val) < 1:
            raise ParameterError(name, val, ">= 1")
    k1 = np.arange(oversampling_v * n_rows)
    k2 = np.arange(oversampling_h * n_cols)
    av = np.exp(2j * np.pi * np.outer(k1, np.arange(n_rows)) / (oversampling_v * n_rows))
    ah = np.exp(2j * np.pi * np.outer(k2, np.arange(n_cols)) / (oversampling_h * n_cols))
    cb = (av[:, None, :, None] * ah[None, :, None, :]).reshape(k1.size * k2.size, -1)
    return cb / np.sqrt(n_rows * n_cols)


def beamforming_gain_db(
    codebook: np.ndarray, steering: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Best-beam gain ``max_k |w_k^H a|^2`` (dB) and the beam index per direction.

    Parameters
    ----------
    codebook : numpy.ndarray, shape (K, N)
        Unit-norm beams (e.g. :func:`dft_codebook`).
    steering : numpy.ndarray, shape (P, N)
        Unit-modulus array responses (e.g. :func:`upa_steering_vectors`).

    Returns
    -------
    gain_db : numpy.ndarray, shape (P,)
        Beamforming gain (dB), at most 10 log10(N).
    beam : numpy.ndarray of int, shape (P,)
        Index of the selected beam.
    """
    if codebook.shape[1] != steering.shape[1]:
        raise ParameterError("steering", steering.shape, f"(P, {codebook.shape[1]})")
    power = np.abs(steering @ codebook.conj().T) ** 2
    beam = np.argmax(power, axis=1)
    return 10.0 * np.log10(power[np.arange(power.shape[0]), beam]), beam


def array_gain_dbi(
    zenith_deg: ArrayLike,
    azimuth_deg: ArrayLike,
    n_rows: int,
    n_cols: int,
    *,
    oversampling_v: int = 1,
    oversampling_h: int = 1,
    spacing_v: float = 0.5,
    spacing_h: float = 0.5,
) -> tuple[np.ndarray, np.ndarray]:
    """Gain (dBi) of a UPA of 3GPP elements steered by DFT-codebook beam selection.

    Element gain (:func:`element_gain_dbi`) plus the best-beam gain
    (:func:`beamforming_gain_db`), in the panel's local frame.

    Returns
    -------
    gain_dbi : numpy.ndarray, shape (P,)
    beam : numpy.ndarray of int, shape (P,)
    """
    th = np.atleast_1d(np.asarray(zenith_deg, dtype=float))
    ph = np.atleast_1d(np.asarray(azimuth_deg, dtype=float))
    th, ph = np.broadcast_arrays(th, ph)
    a = upa_steering_vectors(n_rows, n_cols, th.ravel(), ph.ravel(), spacing_v, spacing_h)
    bf_db, beam = beamforming_gain_db(dft_codebook(n_rows, n_cols, oversampling_v,
                                                   oversampling_h), a)
    return np.asarray(element_gain_dbi(th.ravel(), ph.ravel())) + bf_db, beam
