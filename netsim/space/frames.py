"""Reference frames: TEME/ECI -> ECEF, ECEF <-> WGS-84 geodetic, topocentric look angles.

Models and sources
------------------
* Time: Julian date (UT1) from a calendar date, Vallado, *Fundamentals of Astrodynamics
  and Applications*, 4th ed., 2013, algorithm 14 (valid 1900-2100).
* Earth rotation: Greenwich mean sidereal time, IAU-1982 model (Aoki et al. 1982),
  Vallado 4th ed., eq. 3-47::

      GMST(s) = 67310.54841 + (876600 h + 8640184.812866) T
                + 0.093104 T^2 - 6.2e-6 T^3,   T = (JD_UT1 - 2451545.0) / 36525

  The TEME -> ECEF rotation is a rotation about z by ``-GMST``; polar motion is
  neglected (so "ECEF" here is Vallado's PEF frame, which differs from ITRF by the
  polar motion, a few metres on the ground). This is the rotation that SGP4's TEME
  output calls for (Vallado et al., "Revisiting Spacetrack Report #3", AIAA 2006-6753,
  section on TEME). The Earth's rotation rate is ``7.292115146706979e-5 rad/s``
  (the value Vallado uses with the IAU-76/FK5 reduction, length-of-day excess = 0).
* Ellipsoid: WGS-84, ``a = 6378.137 km``, ``1/f = 298.257223563``
  (NIMA TR8350.2, 3rd ed., Table 3.1). Geodetic -> ECEF: Vallado section 3.2 (site
  coordinates);
  ECEF -> geodetic: fixed-point iteration on the latitude (Vallado algorithm 12),
  iterated to below 1e-12 rad.
* Look angles: topocentric east-north-up frame at the station; azimuth clockwise from
  north, elevation above the local (geodetic) horizontal (Vallado section 4.4).
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike

from netsim.errors import ParameterError

__all__ = [
    "WGS84_A_KM",
    "WGS84_F",
    "OMEGA_EARTH_RAD_S",
    "julian_date",
    "gmst_rad",
    "teme_to_ecef",
    "geodetic_to_ecef_km",
    "ecef_to_geodetic",
    "look_angles",
]

WGS84_A_KM = 6378.137
"""WGS-84 semi-major axis (km), NIMA TR8350.2 Table 3.1."""
WGS84_F = 1.0 / 298.257223563
"""WGS-84 flattening, NIMA TR8350.2 Table 3.1."""
WGS84_E2 = WGS84_F * (2.0 - WGS84_F)
OMEGA_EARTH_RAD_S = 7.292115146706979e-5
"""Earth rotation rate (rad/s) used with GMST (Vallado 4th ed., IAU-76/FK5, LOD = 0)."""

_J2000_JD = 2451545.0


def julian_date(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: float = 0.0
) -> float:
    """Julian date of a (UT1) calendar date, Vallado 4th ed., algorithm 14.

    Valid from 1900 March 1 to 2100 February 28 (the algorithm's range).
    """
    if not 1900 <= year <= 2100:
        raise ParameterError("year", year, "1900..2100", source="Vallado 4th ed., algorithm 14")
    if not 1 <= month <= 12:
        raise ParameterError("month", month, "1..12")
    jd = (
        367.0 * year
        - math.floor(7 * (year + math.floor((month + 9) / 12.0)) * 0.25)
        + math.floor(275 * month / 9.0)
        + day
        + 1721013.5
    )
    return jd + ((second / 60.0 + minute) / 60.0 + hour) / 24.0


def gmst_rad(jd_ut1: ArrayLike) -> np.ndarray | float:
    """Greenwich mean sidereal time (rad, in [0, 2 pi)), IAU-1982 model.

    Source: Vallado 4th ed., eq. 3-47 (see module docstring).

    Parameters
    ----------
    jd_ut1 : float or array_like
        Julian date in UT1.
    """
    jd = np.asarray(jd_ut1, dtype=np.float64)
    t = (jd - _J2000_JD) / 36525.0
    sec = 67310.54841 + (876600.0 * 3600.0 + 8640184.812866) * t + 0.093104 * t**2 - 6.2e-6 * t**3
    theta = np.mod(np.deg2rad(sec / 240.0), 2.0 * np.pi)
    return float(theta) if theta.ndim == 0 else theta


def teme_to_ecef(
    r_teme_km: ArrayLike, jd_ut1: ArrayLike, v_teme_km_s: ArrayLike | None = None
) -> np.ndarray | tuple[np.ndarray, np.ndarray]:
    """Rotate TEME (or netsim ECI) vectors to the Earth-fixed frame (PEF, see module doc).

    Parameters
    ----------
    r_teme_km : array_like, shape (..., 3) or (T, N, 3)
        Positions (km).
    jd_ut1 : float or array_like, shape (T,)
        Julian date(s) UT1; with shape (T,), ``r_teme_km`` must have shape (T, N, 3).
    v_teme_km_s : array_like, optional
        Velocities (km/s), same shape; the Earth-fixed velocity is
        ``R v - omega x r_ecef`` (transport theorem; polar motion neglected).

    Returns
    -------
    r_ecef_km : numpy.ndarray
    v_ecef_km_s : numpy.ndarray (only if ``v_teme_km_s`` is given)
    """
    r = np.asarray(r_teme_km, dtype=np.float64)
    theta = np.asarray(gmst_rad(jd_ut1), dtype=np.float64)
    if r.shape[-1] != 3:
        raise ParameterError("r_teme_km", r.shape, "shape (..., 3)")
    if theta.ndim == 1:
        if r.ndim != 3 or r.shape[0] != theta.shape[0]:
            raise ParameterError("r_teme_km", r.shape, f"shape ({theta.shape[0]}, N, 3)")
        c = np.cos(theta)[:, None]
        s = np.sin(theta)[:, None]
    else:
        c = np.cos(theta)
        s = np.sin(theta)
    out = np.empty_like(r)
    out[..., 0] = c * r[..., 0] + s * r[..., 1]
    out[..., 1] = -s * r[..., 0] + c * r[..., 1]
    out[..., 2] = r[..., 2]
    if v_teme_km_s is None:
        return out
    v = np.asarray(v_teme_km_s, dtype=np.float64)
    vo = np.empty_like(v)
    vo[..., 0] = c * v[..., 0] + s * v[..., 1] + OMEGA_EARTH_RAD_S * out[..., 1]
    vo[..., 1] = -s * v[..., 0] + c * v[..., 1] - OMEGA_EARTH_RAD_S * out[..., 0]
    vo[..., 2] = v[..., 2]
    return out, vo


def geodetic_to_ecef_km(
    latitude_deg: ArrayLike, longitude_deg: ArrayLike, altitude_m: ArrayLike = 0.0
) -> np.ndarray:
    """WGS-84 geodetic coordinates -> ECEF position (km), Vallado 4th ed., section 3.2.

    Returns an array of shape ``broadcast_shape + (3,)``.
    """
    lat = np.asarray(latitude_deg, dtype=np.float64)
    if np.any(np.abs(lat) > 90.0):
        raise ParameterError("latitude_deg", lat, "[-90, 90]")
    phi = np.deg2rad(lat)
    lam = np.deg2rad(np.asarray(longitude_deg, dtype=np.float64))
    h = np.asarray(altitude_m, dtype=np.float64) / 1000.0
    sphi = np.sin(phi)
    c_e = WGS84_A_KM / np.sqrt(1.0 - WGS84_E2 * sphi**2)
    s_e = c_e * (1.0 - WGS84_E2)
    x = (c_e + h) * np.cos(phi) * np.cos(lam)
    y = (c_e + h) * np.cos(phi) * np.sin(lam)
    z = (s_e + h) * sphi
    return np.stack(np.broadcast_arrays(x, y, z), axis=-1)


def ecef_to_geodetic(r_ecef_km: ArrayLike) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """ECEF position (km) -> WGS-84 geodetic latitude (deg), longitude (deg), altitude (m).

    Fixed-point iteration of Vallado 4th ed., algorithm 12, until the latitude changes by
    less than 1e-12 rad (at most 50 iterations; converges in < 10 above 1 km).
    """
    r = np.asarray(r_ecef_km, dtype=np.float64)
    if r.shape[-1] != 3:
        raise ParameterError("r_ecef_km", r.shape, "shape (..., 3)")
    x, y, z = r[..., 0], r[..., 1], r[..., 2]
    rho = np.hypot(x, y)
    lon = np.arctan2(y, x)
    phi = np.arctan2(z, rho * (1.0 - WGS84_E2))
    for _ in range(50):
        c_e = WGS84_A_KM / np.sqrt(1.0 - WGS84_E2 * np.sin(phi) ** 2)
        new = np.arctan2(z + c_e * WGS84_E2 * np.sin(phi), rho)
        done = np.all(np.abs(new - phi) < 1e-12)
        phi = new
        if done:
            break
    c_e = WGS84_A_KM / np.sqrt(1.0 - WGS84_E2 * np.sin(phi) ** 2)
    cphi = np.cos(phi)
    # away from the poles use rho / cos(phi); near them use z / sin(phi) (Vallado alg. 12)
    with np.errstate(divide="ignore", invalid="ignore"):
        h_eq = rho / cphi - c_e
        h_pol = z / np.sin(phi) - c_e * (1.0 - WGS84_E2)
    h = np.where(np.abs(cphi) > 1e-3, h_eq, h_pol)
    return np.rad2deg(phi), np.rad2deg(lon), h * 1000.0


def look_angles(
    station_lat_deg: float,
    station_lon_deg: float,
    station_alt_m: float,
    sat_ecef_km: ArrayLike,
    sat_vel_ecef_km_s: ArrayLike | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray | None]:
    """Elevation, azimuth, slant range and range rate of satellites from one ground point.

    Parameters
    ----------
    station_lat_deg, station_lon_deg, station_alt_m : float
        WGS-84 geodetic position of the ground point.
    sat_ecef_km : array_like, shape (..., 3)
        Satellite positions in ECEF (km).
    sat_vel_ecef_km_s : array_like, shape (..., 3), optional
        Satellite velocities in ECEF (km/s); needed for the range rate.

    Returns
    -------
    elevation_deg, azimuth_deg, slant_range_km : numpy.ndarray, shape (...)
        Azimuth in [0, 360) clockwise from north (Vallado 4th ed., section 4.4).
    range_rate_km_s : numpy.ndarray or None
        ``d(slant range)/dt``, positive when receding (None without velocities).
    """
    st = geodetic_to_ecef_km(station_lat_deg, station_lon_deg, station_alt_m)
    rho = np.asarray(sat_ecef_km, dtype=np.float64) - st
    phi = math.radians(station_lat_deg)
    lam = math.radians(station_lon_deg)
    east = np.array([-math.sin(lam), math.cos(lam), 0.0])
    north = np.array(
        [-math.sin(phi) * math.cos(lam), -math.sin(phi) * math.sin(lam), math.cos(phi)]
    )
    up = np.array([math.cos(phi) * math.cos(lam), math.cos(phi) * math.sin(lam), math.sin(phi)])
    e = rho @ east
    n = rho @ north
    u = rho @ up
    rng = np.sqrt(e * e + n * n + u * u)
    el = np.rad2deg(np.arcsin(u / rng))
    az = np.mod(np.rad2deg(np.arctan2(e, n)), 360.0)
    rr = None
    if sat_vel_ecef_km_s is not None:
        v = np.asarray(sat_vel_ecef_km_s, dtype=np.float64)
        rr = np.sum(rho * v, axis=-1) / rng
    return el, az, rng, rr
