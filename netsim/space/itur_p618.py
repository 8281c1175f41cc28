"""Rain attenuation on Earth-space paths: ITU-R P.618-13, 2.2.1.1, with P.838-3 coefficients.

Sources
-------
- Recommendation ITU-R P.618-13 (12/2017), Annex 1, 2.2.1.1 "Calculation of long-term
  rain attenuation statistics from point rainfall rate", steps 1 to 10: slant path
  below the rain height, horizontal and vertical adjustment factors ``r_0.01`` and
  ``nu_0.01``, ``A_0.01`` and its scaling to other exceedance percentages
  ``0.001 % <= p <= 5 %``.
- Recommendation ITU-R P.838-3 (03/2005): specific attenuation ``gamma_R = k R^alpha``
  with ``k`` and ``alpha`` for the path elevation and polarisation tilt, taken from the
  radio segment (:func:`netsim.radio.atmosphere.rain_coefficients`).

The rain height ``h_R`` (ITU-R P.839: ``h_0 + 0.36 km``) and the 0.01 % rain rate
``R_0.01`` (ITU-R P.837) are inputs: netsim ships no global maps.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from netsim.radio.atmosphere import rain_coefficients
from netsim.space._ntn_checks import check_range

__all__ = ["EFFECTIVE_EARTH_RADIUS_P618_KM", "rain_attenuation_db"]

EFFECTIVE_EARTH_RADIUS_P618_KM = 8500.0
"""Effective Earth radius of P.618-13 step 2 for elevations below 5 deg (km)."""

_P618 = "ITU-R P.618-13 2.2.1.1"


def rain_attenuation_db(
    freq_hz: ArrayLike,
    elevation_deg: ArrayLike,
    latitude_deg: ArrayLike,
    rain_rate_001_mm_h: ArrayLike,
    rain_height_km: ArrayLike,
    station_height_km: ArrayLike = 0.0,
    exceedance_percent: ArrayLike = 0.01,
    polarization_tilt_deg: ArrayLike = 45.0,
) -> np.ndarray:
    """Rain attenuation exceeded for ``p`` % of an average year, ITU-R P.618-13 2.2.1.1.

    Steps (P.618-13 Annex 1, 2.2.1.1): (2) slant path length below the rain height,
    ``L_s = (h_R - h_s) / sin(theta)`` for ``theta >= 5 deg``, else the curved-Earth form
    with ``R_e = 8500 km``; (3) ``L_G = L_s cos(theta)``; (5) ``gamma_R = k R_0.01^alpha``;
    (6) ``r_0.01 = 1 / (1 + 0.78 sqrt(L_G gamma_R / f) - 0.38 (1 - exp(-2 L_G)))``;
    (7) ``zeta = atan((h_R - h_s) / (L_G r_0.01))``, ``L_R = L_G r_0.01 / cos(theta)`` if
    ``zeta > theta`` else ``(h_R - h_s) / sin(theta)``; ``chi = 36 - |phi|`` for
    ``|phi| < 36 deg`` else 0;
    ``nu_0.01 = 1 / (1 + sqrt(sin theta) (31 (1 - exp(-theta / (1 + chi))) sqrt(L_R gamma_R)
    / f^2 - 0.45))``; (8) ``L_E = L_R nu_0.01``; (9) ``A_0.01 = gamma_R L_E``;
    (10) ``A_p = A_0.01 (p / 0.01)^-(0.655 + 0.033 ln p - 0.045 ln A_0.01 - beta (1 - p)
    sin theta)`` with ``beta`` from the latitude, elevation and ``p`` (f in GHz, lengths
    in km, angles of ``exp(-theta/(1+chi))`` in degrees).

    Parameters
    ----------
    freq_hz : array_like
        Frequency (Hz); P.618-13 states the method for 1 to 55 GHz.
    elevation_deg : array_like
        Path elevation ``theta`` (deg), (0, 90].
    latitude_deg : array_like
        Earth-station latitude ``phi`` (deg), [-90, 90].
    rain_rate_001_mm_h : array_like
        Point rainfall rate exceeded for 0.01 % of an average year ``R_0.01`` (mm/h,
        integration time 1 min), ITU-R P.837; 0 gives 0 dB.
    rain_height_km : array_like
        Rain height ``h_R`` above mean sea level (km), ITU-R P.839 (``h_0 + 0.36``).
    station_height_km : array_like
        Earth-station height above mean sea level ``h_s`` (km). Where ``h_R <= h_s``
        the attenuation is 0 dB (step 2).
    exceedance_percent : array_like
        Percentage of an average year ``p``, [0.001, 5] %.
    polarization_tilt_deg : array_like
        Polarisation tilt ``tau`` for P.838 (deg); 45 for circular.

    Returns
    -------
    numpy.ndarray
        Attenuation ``A_p`` (dB).
    """
    f = check_range("freq_hz", freq_hz, 1e9, 55e9, source=_P618, validity=True)
    theta = check_range("elevation_deg", elevation_deg, 0.0, 90.0, low_inclusive=False)
    phi = check_range("latitude_deg", latitude_deg, -90.0, 90.0)
    r001 = check_range("rain_rate_001_mm_h", rain_rate_001_mm_h, 0.0, None)
    h_r = _check_height("rain_height_km", rain_height_km)
    h_s = _check_height("station_height_km", station_height_km)
    p = check_range(
        "exceedance_percent", exceedance_percent, 0.001, 5.0, source=_P618, validity=True
    )
    tau = check_range("polarization_tilt_deg", polarization_tilt_deg, -90.0, 180.0)

    f, theta, phi, r001, h_r, h_s, p, tau = np.broadcast_arrays(
        f, theta, phi, r001, h_r, h_s, p, tau
    )
    f_ghz = f / 1e9
    sin_t = np.sin(np.deg2rad(theta))
    cos_t = np.cos(np.deg2rad(theta))
    dh = h_r - h_s
    wet = (dh > 0.0) & (r001 > 0.0)
    dh_pos = np.where(wet, dh, 1.0)  # placeholder where dry; masked at the end

    # Step 2: slant path length below the rain height.
    l_s = np.where(
        theta >= 5.0,
        dh_pos / sin_t,
        2.0 * dh_pos / (np.sqrt(sin_t**2 + 2.0 * dh_pos / EFFECTIVE_EARTH_RADIUS_P618_KM) + sin_t),
    )
    # Step 3: horizontal projection.
    l_g = l_s * cos_t
    # Step 5: specific attenuation.
    r_pos = np.where(wet, r001, 1.0)
    k, alpha = rain_coefficients(f, theta, tau)
    gamma_r = k * np.power(r_pos, alpha)
    # Step 6: horizontal reduction factor.
    r_001 = 1.0 / (1.0 + 0.78 * np.sqrt(l_g * gamma_r / f_ghz) - 0.38 * (1.0 - np.exp(-2.0 * l_g)))
    # Step 7: vertical adjustment factor.
    zeta_deg = np.rad2deg(np.arctan2(dh_pos, l_g * r_001))
    l_r = np.where(zeta_deg > theta, l_g * r_001 / cos_t, dh_pos / sin_t)
    chi = np.where(np.abs(phi) < 36.0, 36.0 - np.abs(phi), 0.0)
    nu_001 = 1.0 / (
        1.0
        + np.sqrt(sin_t)
        * (31.0 * (1.0 - np.exp(-(theta / (1.0 + chi)))) * np.sqrt(l_r * gamma_r) / f_ghz**2 - 0.45)
    )
    # Steps 8-9: effective path length and A_0.01.
    a_001 = gamma_r * l_r * nu_001
    # Step 10: scaling to p.
    abs_phi = np.abs(phi)
    beta = np.where(
        (p >= 1.0) | (abs_phi >= 36.0),
        0.0,
        np.where(
            theta >= 25.0,
            -0.005 * (abs_phi - 36.0),
            -0.005 * (abs_phi - 36.0) + 1.8 - 4.25 * sin_t,
        ),
    )
    exponent = -(0.655 + 0.033 * np.log(p) - 0.045 * np.log(a_001) - beta * (1.0 - p) * sin_t)
    a_p = a_001 * np.power(p / 0.01, exponent)
    out = np.where(wet, a_p, 0.0)
    return out if out.ndim else out[()]


def _check_height(field: str, value: ArrayLike) -> np.ndarray:
    """Heights above mean sea level (km): finite and within [-0.5, 100] km."""
    return check_range(field, value, -0.5, 100.0)
