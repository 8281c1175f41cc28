"""GMST, TEME -> ECEF and WGS-84 geodetic conversions against published examples.

References
----------
* Vallado, *Fundamentals of Astrodynamics and Applications*, 4th ed. (2013):
  Example 3-5 (GMST on 1992 Aug 20, 12:14 UT1 = 152.578787886 deg) and Example 3-3
  (r_ECEF = (6524.834, 6862.875, 6448.296) km -> geodetic latitude 34.352496 deg,
  longitude 46.4464 deg, height 5085.22 km).
* IAU SOFA, test of iauGmst82 (t_sofa_c.c): UT1 = 2400000.5 + 53736.0 ->
  GMST = 1.754174981860675096 rad.
* ``sgp4.propagation.gstime`` (peer implementation of the same IAU-82 formula).
* FFI n-vector examples 3 and 4 (Gade, J. Navigation 63, 2010; published outputs):
  6371e3*(0.9, -1, 1.1) m -> lat 39.38 deg, lon -48.01 deg, h 4702059.83 m;
  lat 1 deg, lon 2 deg, h 3 m -> (6373290.27721828, 222560.20067474, 110568.82718179) m.
"""

import math

import numpy as np
from sgp4.propagation import gstime

from netsim.space.frames import (
    ecef_to_geodetic,
    geodetic_to_ecef_km,
    gmst_rad,
    julian_date,
    look_angles,
    teme_to_ecef,
)

# Vallado rounds the Julian date of Example 3-5 to 2448855.009722 (1e-6 day ~ 3.6e-4 deg
# of Earth rotation is far larger than what we see); 1e-6 deg covers the rounding.
GMST_TOL_DEG = 1e-6


def test_julian_date_vallado_example_3_5():
    # Vallado Example 3-5: JD_UT1 = 2448855.009722
    assert abs(julian_date(1992, 8, 20, 12, 14, 0.0) - 2448855.009722) < 1e-6


def test_gmst_vallado_example_3_5():
    theta = math.degrees(gmst_rad(julian_date(1992, 8, 20, 12, 14, 0.0)))
    assert abs(theta - 152.578787886) < GMST_TOL_DEG


def test_gmst_sofa_gmst82():
    # SOFA checks to 1e-12 rad; float64 Julian date (no two-part split) limits us to ~1e-11
    assert abs(gmst_rad(2400000.5 + 53736.0) - 1.754174981860675096) < 1e-10


def test_gmst_matches_sgp4_gstime():
    jd = np.linspace(2451545.0 - 9000, 2451545.0 + 12000, 37)
    ours = gmst_rad(jd)
    ref = np.array([gstime(x) for x in jd])
    np.testing.assert_allclose(ours, ref, atol=1e-9)


def test_teme_to_ecef_rotation_and_velocity():
    jd = julian_date(2004, 4, 6, 7, 51, 28.386009)
    th = gmst_rad(jd)
    r = np.array([[7000.0, 0.0, 100.0]])
    v = np.array([[0.0, 7.5, 0.0]])
    r_e, v_e = teme_to_ecef(r, jd, v)
    # rotation by -GMST about z (polar motion neglected)
    np.testing.assert_allclose(r_e[0], [7000 * math.cos(th), -7000 * math.sin(th), 100.0])
    # a point fixed in ECEF has zero ECEF velocity: v_TEME = omega x r_TEME
    w = 7.292115146706979e-5
    v_fixed = np.array([[0.0, w * 7000.0, 0.0]])
    _, v0 = teme_to_ecef(r, jd, v_fixed)
    np.testing.assert_allclose(v0, 0.0, atol=1e-12)
    assert v_e.shape == (1, 3)
    # (T, N, 3) with a (T,) date vector
    out = teme_to_ecef(np.repeat(r[None], 3, axis=0), jd + np.array([0.0, 0.25, 0.5]))
    assert out.shape == (3, 1, 3)
    # half a sidereal day later the frame has turned by pi: x and y flip sign
    np.testing.assert_allclose(
        teme_to_ecef(r, jd + 0.5 * 0.99726956633)[0, :2], -r_e[0, :2], atol=1e-3
    )


def test_ecef_to_geodetic_vallado_example_3_3():
    lat, lon, h = ecef_to_geodetic([6524.834, 6862.875, 6448.296])
    # published to 1e-6 deg (lat), 1e-4 deg (lon), 0.01 km (h)
    assert abs(lat - 34.352496) < 2e-6
    assert abs(lon - 46.4464) < 1e-4
    assert abs(h / 1000.0 - 5085.22) < 0.01


def test_nvector_example_3_and_4():
    lat, lon, h = ecef_to_geodetic(6371.0 * np.array([0.9, -1.0, 1.1]))
    assert abs(lat - 39.38) < 0.005 and abs(lon - (-48.01)) < 0.005
    assert abs(h - 4702059.83) < 0.01  # metres, printed to 1 cm
    r = geodetic_to_ecef_km(1.0, 2.0, 3.0) * 1000.0
    np.testing.assert_allclose(r, [6373290.27721828, 222560.20067474, 110568.82718179], atol=1e-6)


def test_geodetic_round_trip_including_poles():
    lat = np.array([-90.0, -45.0, 0.0, 30.0, 89.999, 90.0])
    lon = np.array([0.0, -120.0, 10.0, 179.0, 45.0, 0.0])
    alt = np.array([0.0, 1200.0, -50.0, 550e3, 35786e3, 10.0])
    la, lo, al = ecef_to_geodetic(geodetic_to_ecef_km(lat, lon, alt))
    np.testing.assert_allclose(la, lat, atol=1e-9)
    np.testing.assert_allclose(al, alt, atol=1e-4)  # 0.1 mm
    mid = np.abs(lat) < 90
    np.testing.assert_allclose(lo[mid], lon[mid], atol=1e-9)


def test_look_angles_overhead_and_cardinal_directions():
    lat, lon = 40.0, -105.0
    up = geodetic_to_ecef_km(lat, lon, 550e3)  # 550 km straight above on the normal
    el, az, rng, _ = look_angles(lat, lon, 0.0, up)
    assert abs(el - 90.0) < 1e-9 and abs(rng - 550.0) < 1e-9
    # a point due north (higher latitude, same longitude, same height) has azimuth 0
    n = geodetic_to_ecef_km(41.0, lon, 0.0)
    e_pt = geodetic_to_ecef_km(lat, lon + 1.0, 0.0)
    _, az_n, _, _ = look_angles(lat, lon, 0.0, n)
    _, az_e, _, _ = look_angles(lat, lon, 0.0, e_pt)
    assert abs(az_n) < 1e-9 or abs(az_n - 360.0) < 1e-9
    assert abs(az_e - 90.0) < 0.5  # east, up to the curvature of the parallel


def test_range_rate_is_derivative_of_range():
    sat = np.array([7000.0, 1000.0, 2000.0])
    vel = np.array([-1.0, 7.0, 0.5])
    dt = 1e-3
    args = (48.0, 11.0, 500.0)
    _, _, r0, rr = look_angles(*args, sat, vel)
    _, _, r1, _ = look_angles(*args, sat + vel * dt)
    _, _, rm, _ = look_angles(*args, sat - vel * dt)
    # central difference, error O(dt^2 * |v|^2 / r) ~ 1e-11 km/s
    assert abs(rr - (r1 - rm) / (2 * dt)) < 1e-8
