"""UE mobility against kinematics: displacement = v t; speed limit 1000 km/h (the upper
end of the IMT-2030 mobility range, Rec. ITU-R M.2160-0 5.2; ITU-R M.2410-0 5.2.4.7
IMT-2020 classes go to 500 km/h); random waypoint stays in its area and moves at v."""

from __future__ import annotations

import math

import numpy as np
import pytest

from netsim.errors import ParameterError
from netsim.radio.mobility import Mobility


def test_linear_displacement_is_speed_times_time():
    m = Mobility([[0.0, 0.0], [10.0, 5.0]], "linear", [500.0, 3.6], heading_deg=[0.0, 90.0])
    for _ in range(100):
        m.advance(0.01)
    # 500 km/h = 138.888.. m/s for 1 s; 3.6 km/h = 1 m/s north
    np.testing.assert_allclose(m.xy_m, [[500 / 3.6, 0.0], [10.0, 6.0]], atol=1e-9)


def test_speed_limit():
    Mobility([[0.0, 0.0]], "linear", 500.0)
    Mobility([[0.0, 0.0]], "linear", 1000.0)
    with pytest.raises(ParameterError):
        Mobility([[0.0, 0.0]], "linear", 1000.1)
    with pytest.raises(ParameterError):
        Mobility([[0.0, 0.0]], "teleport", 1.0)


def test_random_waypoint_speed_and_area():
    rng = np.random.default_rng(4)
    n = 200
    m = Mobility(rng.uniform(0, 100, (n, 2)), "random_waypoint", 36.0,
                 area_m=(0.0, 0.0, 100.0, 100.0), rng=rng)
    path = np.zeros(n)
    prev = m.xy_m.copy()
    for _ in range(50):
        m.advance(0.1)
        assert np.all((m.xy_m >= -1e-9) & (m.xy_m <= 100 + 1e-9))
        path += np.hypot(*(m.xy_m - prev).T)
        prev = m.xy_m.copy()
    # no pauses: the straight-line distance covered per step is at most v dt (turns at
    # waypoints shorten it); most steps are straight, so the mean is close to v t = 50 m
    assert np.all(path <= 50.0 + 1e-6)
    assert path.mean() > 0.9 * 50.0
    assert math.isclose(m.speed_m_s[0], 10.0)
