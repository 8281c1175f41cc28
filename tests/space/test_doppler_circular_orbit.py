"""Doppler shift and rate for a ground user: vector forms vs closed forms and a worked example.

External reference: J. R. Miller (G3RUH), "Re: A doppler 2.4GHz question", AMSAT-BB,
22 Dec 2004: for a circular orbit over a non-rotating Earth, max range rate
``R_e W`` at the horizon and max range acceleration ``R_e R_s W^2 / (R_s - R_e)``
overhead; ISS example with W = 1.143e-3 rad/s, R_e = 6378.140 km, R_s = 6735 km:
7.290 km/s and 157 m/s^2, i.e. +-58.3 kHz and -1257 Hz/s at lambda = 0.125 m.
"""

import numpy as np
import pytest

from netsim.errors import ParameterError
from netsim.space.doppler import (
    EARTH_MU_M3_S2,
    EARTH_RADIUS_M,
    circular_orbit_doppler_hz,
    circular_orbit_max_doppler_hz,
    circular_orbit_max_doppler_rate_hz_s,
    doppler_rate_hz_s,
    doppler_shift_hz,
    range_acceleration_m_s2,
    range_rate_m_s,
    two_body_acceleration_m_s2,
)

C = 299_792_458.0


def test_g3ruh_worked_example():
    w = 1.143e-3
    re, rs = 6378.140e3, 6735e3
    mu = w**2 * rs**3  # so that sqrt(mu / rs^3) is exactly the quoted mean motion
    f = C / 0.125  # lambda = 0.125 m
    fd = circular_orbit_max_doppler_hz(f, rs - re, earth_radius_m=re, mu_m3_s2=mu)
    rate = circular_orbit_max_doppler_rate_hz_s(f, rs - re, earth_radius_m=re, mu_m3_s2=mu)
    # Printed: 7.290 km/s -> 58.3 kHz; 157 m/s^2 -> 1257 Hz/s (rounded from 157.1-157.3).
    assert float(fd) * 0.125 == pytest.approx(7290.0, abs=0.5)
    assert float(fd) == pytest.approx(58.3e3, abs=50.0)
    assert float(rate) * 0.125 == pytest.approx(157.0, abs=0.5)
    assert float(rate) == pytest.approx(1257.0, abs=4.0)


def _pass(altitude_m, t):
    """Circular equatorial orbit over a non-rotating Earth, user at (R, 0, 0), overhead at t=0."""
    r = EARTH_RADIUS_M + altitude_m
    w = np.sqrt(EARTH_MU_M3_S2 / r**3)
    ang = w * t
    pos = np.stack([r * np.cos(ang), r * np.sin(ang), 0 * t], axis=-1)
    vel = np.stack([-r * w * np.sin(ang), r * w * np.cos(ang), 0 * t], axis=-1)
    return pos, vel, np.array([EARTH_RADIUS_M, 0.0, 0.0])


def test_vector_range_rate_matches_finite_difference_and_closed_form():
    h = 600e3
    t = np.linspace(-200.0, 200.0, 9)
    pos, vel, g = _pass(h, t)
    rr = range_rate_m_s(pos, vel, g)
    # Central difference of the range (step 1 ms, error O(dt^2 * rho''') << 1e-3 m/s).
    dt = 1e-3
    p_plus, _, _ = _pass(h, t + dt)
    p_minus, _, _ = _pass(h, t - dt)
    fd = (np.linalg.norm(p_plus - g, axis=-1) - np.linalg.norm(p_minus - g, axis=-1)) / (2 * dt)
    np.testing.assert_allclose(rr, fd, atol=1e-3)
    # Closed form: |rho'| = R_E omega cos(elevation).
    d = pos - g
    el = np.degrees(np.arcsin(d[:, 0] / np.linalg.norm(d, axis=-1)))
    w = np.sqrt(EARTH_MU_M3_S2 / (EARTH_RADIUS_M + h) ** 3)
    np.testing.assert_allclose(
        np.abs(rr), EARTH_RADIUS_M * w * np.cos(np.radians(el)), rtol=1e-9, atol=1e-6
    )
    # Approaching (t < 0): positive Doppler; the closed form carries the same sign.
    fd_hz = doppler_shift_hz(2e9, rr)
    assert np.all(fd_hz[t < 0] > 0) and np.all(fd_hz[t > 0] < 0)
    np.testing.assert_allclose(
        fd_hz[t < 0], circular_orbit_doppler_hz(2e9, h, el[t < 0], approaching=True), rtol=1e-9
    )


def test_range_acceleration_and_max_doppler_rate_at_zenith():
    h = 600e3
    t = np.array([0.0, 50.0, 120.0])
    pos, vel, g = _pass(h, t)
    acc = two_body_acceleration_m_s2(pos)
    ra = range_acceleration_m_s2(pos, vel, acc, g)
    dt = 1e-2
    rr_p = range_rate_m_s(*_pass(h, t + dt)[:2], g)
    rr_m = range_rate_m_s(*_pass(h, t - dt)[:2], g)
    np.testing.assert_allclose(ra, (rr_p - rr_m) / (2 * dt), rtol=1e-6)
    # Zenith: f d(rho')/dt / c equals the closed-form maximum, and the Doppler decreases.
    rate = doppler_rate_hz_s(2e9, ra)
    assert float(-rate[0]) == pytest.approx(
        float(circular_orbit_max_doppler_rate_hz_s(2e9, h)), rel=1e-9
    )
    assert np.all(np.abs(rate) <= -rate[0] + 1e-9)


def test_leo_600_magnitudes():
    # LEO 600 km, R_E = 6371 km: omega = sqrt(mu / 6971 km^3) = 1.08473e-3 rad/s,
    # R_E omega / c = 2.3052e-5 (23.05 ppm): 46.1 kHz at 2 GHz, 461 kHz at 20 GHz.
    # Max rate R_E r omega^2 / (h c) = 2.905e-7 /s: 581 Hz/s at 2 GHz.
    ppm = float(circular_orbit_max_doppler_hz(1e6, 600e3))
    assert ppm == pytest.approx(23.05, abs=0.01)
    assert float(circular_orbit_max_doppler_hz(2e9, 600e3)) == pytest.approx(46.1e3, abs=50.0)
    assert float(circular_orbit_max_doppler_rate_hz_s(2e9, 600e3)) == pytest.approx(581.0, abs=1.0)


def test_bad_vectors_are_refused():
    with pytest.raises(ParameterError, match="sat_position_m"):
        range_rate_m_s([1.0, 2.0], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0])
    with pytest.raises(ParameterError):
        range_rate_m_s([1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [1.0, 0.0, 0.0])
