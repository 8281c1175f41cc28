"""Doppler shift and Doppler rate between a satellite and a ground user.

Sources
-------
- Doppler shift of a one-way link: ``f_d = -f_c * (d rho / dt) / c`` with ``rho`` the
  range (first-order in ``v / c``), as used for the NTN Doppler characterisation of
  3GPP TR 38.811 V15.4.0, 5.3.1.3 and 5.3.4.3.
- Its rate: ``d f_d / dt = -f_c * (d^2 rho / dt^2) / c`` with
  ``d^2 rho / dt^2 = (|v_rel|^2 + r_rel . a_rel - (d rho/dt)^2) / rho``
  (differentiate ``rho^2 = r_rel . r_rel`` twice).
- Circular orbit, ground user in the orbital plane, non-rotating Earth (closed form):
  ``d rho / dt = -/+ R_E omega cos(eps)`` and, at zenith,
  ``d^2 rho / dt^2 = R_E r omega^2 / (r - R_E)``, with ``omega = sqrt(mu / r^3)``,
  ``r = R_E + h`` and ``eps`` the elevation (the same forms appear in G3RUH's note on
  LEO Doppler rates, AMSAT-BB, Dec. 2004).

Frames: positions, velocities and accelerations must all be in one frame. In an
Earth-fixed frame (ECEF) a ground user has zero velocity, but the satellite's
acceleration then includes the frame's Coriolis and centrifugal terms; in an inertial
frame (ECI) the ground velocity is ``omega_E x r_ground``. The caller supplies arrays
from the orbit propagator (``netsim.space.orbits`` / ``frames``).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from netsim.errors import ParameterError
from netsim.space._ntn_checks import check_finite, check_range
from netsim.units import SPEED_OF_LIGHT_M_S

__all__ = [
    "EARTH_MU_M3_S2",
    "EARTH_RADIUS_M",
    "range_rate_m_s",
    "range_acceleration_m_s2",
    "doppler_shift_hz",
    "doppler_rate_hz_s",
    "two_body_acceleration_m_s2",
    "circular_orbit_doppler_hz",
    "circular_orbit_max_doppler_hz",
    "circular_orbit_max_doppler_rate_hz_s",
]

EARTH_MU_M3_S2 = 3.986004418e14
"""Earth's gravitational parameter GM (m^3/s^2), WGS 84 / IERS value."""

EARTH_RADIUS_M = 6_371_000.0
"""Mean Earth radius (m); the radius TR 38.811 uses for its NTN geometry."""


def _vec(field: str, value: ArrayLike) -> np.ndarray:
    arr = check_finite(field, value)
    if arr.ndim == 0 or arr.shape[-1] != 3:
        raise ParameterError(field, f"array of shape {arr.shape}", "an array of shape (..., 3)")
    return arr


def range_rate_m_s(
    sat_position_m: ArrayLike,
    sat_velocity_m_s: ArrayLike,
    ground_position_m: ArrayLike,
    ground_velocity_m_s: ArrayLike = (0.0, 0.0, 0.0),
) -> np.ndarray:
    """Rate of change of the satellite-to-ground range ``d rho / dt`` (m/s).

    Parameters
    ----------
    sat_position_m, sat_velocity_m_s : array_like, shape (..., 3)
        Satellite position (m) and velocity (m/s).
    ground_position_m, ground_velocity_m_s : array_like, shape (..., 3)
        Ground-user position and velocity in the same frame (zero velocity in ECEF).

    Returns
    -------
    numpy.ndarray, shape (...)
        Range rate (m/s); negative while the satellite approaches.
    """
    r = _vec("sat_position_m", sat_position_m) - _vec("ground_position_m", ground_position_m)
    v = _vec("sat_velocity_m_s", sat_velocity_m_s) - _vec(
        "ground_velocity_m_s", ground_velocity_m_s
    )
    rho = np.linalg.norm(r, axis=-1)
    if np.any(rho <= 0.0):
        raise ParameterError(
            "sat_position_m", "coincident with ground_position_m", "distinct positions"
        )
    return np.einsum("...i,...i->...", r, v) / rho


def range_acceleration_m_s2(
    sat_position_m: ArrayLike,
    sat_velocity_m_s: ArrayLike,
    sat_acceleration_m_s2: ArrayLike,
    ground_position_m: ArrayLike,
    ground_velocity_m_s: ArrayLike = (0.0, 0.0, 0.0),
    ground_acceleration_m_s2: ArrayLike = (0.0, 0.0, 0.0),
) -> np.ndarray:
    """Second derivative of the range ``d^2 rho / dt^2`` (m/s^2).

    ``(|v_rel|^2 + r_rel . a_rel - (d rho/dt)^2) / rho``; all vectors in one frame, shape
    (..., 3). For a satellite in an inertial frame :func:`two_body_acceleration_m_s2`
    gives its acceleration.
    """
    r = _vec("sat_position_m", sat_position_m) - _vec("ground_position_m", ground_position_m)
    v = _vec("sat_velocity_m_s", sat_velocity_m_s) - _vec(
        "ground_velocity_m_s", ground_velocity_m_s
    )
    a = _vec("sat_acceleration_m_s2", sat_acceleration_m_s2) - _vec(
        "ground_acceleration_m_s2", ground_acceleration_m_s2
    )
    rho = np.linalg.norm(r, axis=-1)
    rho_dot = np.einsum("...i,...i->...", r, v) / rho
    return (
        np.einsum("...i,...i->...", v, v) + np.einsum("...i,...i->...", r, a) - rho_dot**2
    ) / rho


def doppler_shift_hz(freq_hz: ArrayLike, range_rate_m_s: ArrayLike) -> np.ndarray:
    """Doppler shift ``f_d = -f_c (d rho/dt) / c`` (Hz); positive while approaching."""
    f = check_range("freq_hz", freq_hz, 0.0, None, low_inclusive=False)
    rr = check_finite("range_rate_m_s", range_rate_m_s)
    return -f * rr / SPEED_OF_LIGHT_M_S


def doppler_rate_hz_s(freq_hz: ArrayLike, range_acceleration_m_s2: ArrayLike) -> np.ndarray:
    """Rate of the Doppler shift ``d f_d / dt = -f_c (d^2 rho/dt^2) / c`` (Hz/s)."""
    f = check_range("freq_hz", freq_hz, 0.0, None, low_inclusive=False)
    ra = check_finite("range_acceleration_m_s2", range_acceleration_m_s2)
    return -f * ra / SPEED_OF_LIGHT_M_S


def two_body_acceleration_m_s2(
    position_m: ArrayLike, mu_m3_s2: float = EARTH_MU_M3_S2
) -> np.ndarray:
    """Point-mass gravity ``-mu r / |r|^3`` (m/s^2) at inertial positions of shape (..., 3)."""
    r = _vec("position_m", position_m)
    n = np.linalg.norm(r, axis=-1, keepdims=True)
    return -mu_m3_s2 * r / n**3


def _circular(altitude_m: ArrayLike, earth_radius_m: float, mu_m3_s2: float):
    h = check_range("altitude_m", altitude_m, 0.0, None, low_inclusive=False)
    check_range("earth_radius_m", earth_radius_m, 0.0, None, low_inclusive=False)
    r = earth_radius_m + h
    omega = np.sqrt(mu_m3_s2 / r**3)
    return h, r, omega


def circular_orbit_doppler_hz(
    freq_hz: ArrayLike,
    altitude_m: ArrayLike,
    elevation_deg: ArrayLike,
    *,
    approaching: bool = True,
    earth_radius_m: float = EARTH_RADIUS_M,
    mu_m3_s2: float = EARTH_MU_M3_S2,
) -> np.ndarray:
    """Doppler shift for a circular orbit seen from a user in the orbital plane (Hz).

    ``f_d = +/- f_c R_E omega cos(eps) / c`` (non-rotating Earth): the line-of-sight
    component of the orbital velocity is ``R_E omega cos(eps)`` at any altitude.

    Parameters
    ----------
    freq_hz : array_like
        Carrier (Hz).
    altitude_m : array_like
        Orbit altitude above the sphere (m).
    elevation_deg : array_like
        Elevation of the satellite (deg), [0, 90].
    approaching : bool
        Sign: positive shift while the satellite rises, negative while it sets.
    """
    f = check_range("freq_hz", freq_hz, 0.0, None, low_inclusive=False)
    el = check_range("elevation_deg", elevation_deg, 0.0, 90.0)
    _, _, omega = _circular(altitude_m, earth_radius_m, mu_m3_s2)
    shift = f * earth_radius_m * omega * np.cos(np.deg2rad(el)) / SPEED_OF_LIGHT_M_S
    return shift if approaching else -shift


def circular_orbit_max_doppler_hz(
    freq_hz: ArrayLike,
    altitude_m: ArrayLike,
    *,
    min_elevation_deg: ArrayLike = 0.0,
    earth_radius_m: float = EARTH_RADIUS_M,
    mu_m3_s2: float = EARTH_MU_M3_S2,
) -> np.ndarray:
    """Largest Doppler magnitude over a pass above ``min_elevation_deg`` (Hz).

    ``f_c R_E omega cos(eps_min) / c``; at 0 deg this is ``f_c R_E omega / c``.
    """
    return circular_orbit_doppler_hz(
        freq_hz, altitude_m, min_elevation_deg, earth_radius_m=earth_radius_m, mu_m3_s2=mu_m3_s2
    )


def circular_orbit_max_doppler_rate_hz_s(
    freq_hz: ArrayLike,
    altitude_m: ArrayLike,
    *,
    earth_radius_m: float = EARTH_RADIUS_M,
    mu_m3_s2: float = EARTH_MU_M3_S2,
) -> np.ndarray:
    """Largest Doppler rate magnitude, reached at zenith of an overhead pass (Hz/s).

    ``f_c R_E r omega^2 / ((r - R_E) c)``; the Doppler decreases there, so the signed
    rate is the negative of this value.
    """
    f = check_range("freq_hz", freq_hz, 0.0, None, low_inclusive=False)
    h, r, omega = _circular(altitude_m, earth_radius_m, mu_m3_s2)
    return f * earth_radius_m * r * omega**2 / (h * SPEED_OF_LIGHT_M_S)
