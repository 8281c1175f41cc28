"""Orbit propagation against closed forms.

References
----------
* Kepler's third law, T = 2 pi sqrt(a^3 / mu), and the vis-viva equation
  v^2 = mu (2/r - 1/a) (Vallado 4th ed., chapter 1), with mu = 398600.4418 km^3/s^2
  (WGS-84 / EGM-96).
* Secular J2 rates, Vallado 4th ed., eq. 9-41, evaluated by hand below.
* Landsat 8: sun-synchronous orbit at 705 km altitude, inclination 98.2 deg (USGS,
  Landsat 8 Data Users Handbook, section 1).
"""

import math

import numpy as np
import pytest

from netsim.errors import ParameterError
from netsim.space.constellation import walker
from netsim.space.orbits import (
    OrbitalElements,
    j2_secular_rates_rad_s,
    orbital_period_s,
    propagate,
    sun_synchronous_inclination_deg,
)

MU = 398600.4418  # km^3/s^2, WGS-84 (NIMA TR8350.2 Table 3.1 gives 3.986004418e14 m^3/s^2)


def test_walker_orbit_closes_after_kepler_period():
    c = walker(550.0, 53.0, 4, 5, 1, j2=False)
    a = 6378.137 + 550.0
    # 2 pi sqrt(6928.137^3 / 398600.4418) = 2 pi * 913.3922 s = 5738.99 s (95.65 min)
    period = 2 * math.pi * math.sqrt(a**3 / MU)
    assert abs(period - 5738.99) < 0.01
    assert abs(orbital_period_s(a) - period) < 1e-9
    r0 = c.positions_eci_km(0.0)
    r1 = c.positions_eci_km(period)
    rh = c.positions_eci_km(period / 2)
    # back to the start within 1 mm, and at half a period on the opposite side
    np.testing.assert_allclose(r1, r0, atol=1e-6)
    np.testing.assert_allclose(rh, -r0, atol=1e-6)
    np.testing.assert_allclose(np.linalg.norm(r0, axis=1), a, rtol=1e-14)


def test_circular_speed_and_elliptic_vis_viva():
    a, e = 26560.0, 0.7  # a Molniya-like orbit
    el = OrbitalElements.from_arrays(a, e, math.radians(63.4), 0.3, math.radians(270), 0.0)
    t = np.linspace(0.0, 43000.0, 50)
    r, v = propagate(el, t, j2=False, velocity=True)
    rn = np.linalg.norm(r[:, 0], axis=1)
    vn = np.linalg.norm(v[:, 0], axis=1)
    np.testing.assert_allclose(vn**2, MU * (2 / rn - 1 / a), rtol=1e-12)
    # perigee at t = 0 (mean anomaly 0): r = a (1 - e)
    assert abs(rn[0] - a * (1 - e)) < 1e-8
    assert rn.max() <= a * (1 + e) + 1e-8
    # angular momentum |r x v| = sqrt(mu a (1 - e^2)) is conserved
    h = np.linalg.norm(np.cross(r[:, 0], v[:, 0]), axis=1)
    np.testing.assert_allclose(h, math.sqrt(MU * a * (1 - e * e)), rtol=1e-12)
    # circular: v = sqrt(mu / a)
    c = walker(1200.0, 87.9, 3, 4, 0, "star", j2=False)
    _, vc = c.positions_velocities_eci(100.0)
    np.testing.assert_allclose(np.linalg.norm(vc, axis=1), math.sqrt(MU / (6378.137 + 1200)))


def test_j2_nodal_regression_by_hand():
    # Starlink shell 1: a = 6928.137 km, i = 53 deg, e = 0
    # n = sqrt(398600.4418 / 6928.137^3) = 1.0948237e-3 rad/s
    # k = n J2 (R/a)^2 = 1.0948237e-3 * 1.08262668e-3 * (6378.137/6928.137)^2 = 1.0045641e-6
    # dRAAN/dt = -1.5 k cos 53deg = -1.5 * 1.0045641e-6 * 0.6018150 = -9.06847e-7 rad/s
    #          = -4.4892 deg/day
    wdot, argpdot, mdot = j2_secular_rates_rad_s(6928.137, 0.0, math.radians(53.0))
    assert abs(math.degrees(wdot) * 86400 - (-4.4892)) < 5e-4
    # dargp/dt = 0.75 k (4 - 5 sin^2 53) = 0.75 * 1.0045641e-6 * (4 - 5 * 0.637819)
    #          = 0.75 * 1.0045641e-6 * 0.810906 = 6.10956e-7 rad/s
    assert abs(argpdot - 6.10956e-7) < 1e-11
    # at the critical inclination 63.435 deg the perigee is frozen (4 - 5 sin^2 i = 0)
    _, ad, _ = j2_secular_rates_rad_s(26560.0, 0.7, math.asin(math.sqrt(0.8)))
    assert abs(ad) < 1e-20


def test_propagated_node_follows_j2_rate():
    c = walker(550.0, 53.0, 1, 1, 0)
    # the satellite starts on the ascending node (RAAN 0, u = 0); find its ascending
    # equator crossing nearest one day later and read the node's right ascension there
    t = np.linspace(86400.0 - 3000.0, 86400.0 + 3000.0, 6001)
    r = c.positions_eci_km(t)[:, 0]
    k = np.nonzero((r[:-1, 2] < 0) & (r[1:, 2] >= 0))[0][0]
    lo, hi = t[k], t[k + 1]
    for _ in range(60):  # bisection on z(t) = 0
        mid = 0.5 * (lo + hi)
        lo, hi = (mid, hi) if c.positions_eci_km(mid)[0, 2] < 0 else (lo, mid)
    x, y, _ = c.positions_eci_km(lo)[0]
    node_deg = math.degrees(math.atan2(y, x))
    # regression over the elapsed time (lo, not exactly one day)
    assert abs(node_deg - (-4.4892) * lo / 86400.0) < 1e-3


def test_sun_synchronous_inclination_landsat8():
    assert abs(sun_synchronous_inclination_deg(705.0) - 98.2) < 0.05
    with pytest.raises(ParameterError):
        sun_synchronous_inclination_deg(10000.0)  # no SSO above ~5,970 km


def test_velocity_is_time_derivative_with_j2():
    c = walker(560.0, 97.6, 6, 58, 1)
    t = 1234.5
    _, v = c.positions_velocities_eci(t)
    dt = 1e-2
    fd = (c.positions_eci_km(t + dt) - c.positions_eci_km(t - dt)) / (2 * dt)
    # central difference truncation ~ |a| dt^2 / 6 ~ 1e-9 km/s
    np.testing.assert_allclose(v, fd, atol=1e-7)


def test_bad_elements_raise():
    with pytest.raises(ParameterError, match="semi_major_axis_km"):
        OrbitalElements.from_arrays(6000.0, 0.0, 0.0, 0.0, 0.0, 0.0)
    with pytest.raises(ParameterError, match="eccentricity"):
        OrbitalElements.from_arrays(7000.0, 1.2, 0.0, 0.0, 0.0, 0.0)
    with pytest.raises(ParameterError, match="t_s"):
        walker(550.0, 53.0, 2, 2, 0).positions_eci_km(np.nan)
