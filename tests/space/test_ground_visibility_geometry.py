"""Ground-station visibility, selection policies and handovers.

References
----------
* Maximum slant range at minimum elevation e over a spherical Earth (R = 6371 km):
  d = sqrt((R + h)^2 - (R cos e)^2) - R sin e (law of cosines; 3GPP TR 38.811 V15.4.0,
  section 6.6.2). 3GPP TR 38.821 (V16.1.0, section 4.2, reference scenario parameters,
  row "Max distance between satellite and user equipment at min elevation angle")
  tabulates it: 1,932 km for LEO-600, 3,131 km for LEO-1200 and 40,581 km for GEO,
  all at 10 deg.
* Starlink shell 1 (550 km) at 25 deg: sqrt(6921^2 - (6371 cos 25)^2) - 6371 sin 25
  = sqrt(47900241 - 33340079.7) - 2692.50 = 3815.78 - 2692.50 = 1123.28 km.
"""

import math

import numpy as np
import pytest

from netsim.errors import ParameterError
from netsim.space.constellation import walker
from netsim.space.frames import look_angles
from netsim.space.ground import (
    GroundStations,
    handover_events,
    max_slant_range_km,
    select_satellite,
    serving_satellites,
    visibility,
)

TABLE_TOL_KM = 0.5  # the TR prints whole kilometres


@pytest.mark.parametrize(
    "alt_km, el_deg, published_km",
    [
        (600.0, 10.0, 1932.0),
        (1200.0, 10.0, 3131.0),
        (35786.0, 10.0, 40581.0),
        (550.0, 25.0, 1123.3),
    ],
)
def test_max_slant_range_published(alt_km, el_deg, published_km):
    assert abs(max_slant_range_km(alt_km, el_deg) - published_km) < TABLE_TOL_KM


def test_max_slant_range_limits():
    # at 90 deg the range is the altitude; at 0 deg it is the horizon distance
    assert abs(max_slant_range_km(550.0, 90.0) - 550.0) < 1e-9
    assert abs(max_slant_range_km(550.0, 0.0) - math.sqrt(6921.0**2 - 6371.0**2)) < 1e-9
    with pytest.raises(ParameterError, match="min_elevation_deg"):
        max_slant_range_km(550.0, 95.0)


def test_visible_satellites_lie_within_max_slant_range():
    c = walker(550.0, 53.0, 72, 22, 1)
    gs = GroundStations.from_geodetic([0.0, 45.0, -30.0], [0.0, 10.0, 150.0])
    sat = c.positions_ecef_km(600.0)
    el, rng, vis = visibility(gs, sat, 25.0)
    assert vis.any(axis=1).all()
    # a WGS-84 station is 0-21 km below the 6371 km sphere and the satellites are
    # 550 km above the equatorial radius, so allow the ellipsoid's 22 km of slack
    assert rng[vis].max() < max_slant_range_km(550.0, 25.0) + 22.0
    # agreement with the independent per-station routine of netsim.space.frames
    for g in range(gs.count):
        el2, _, rng2, _ = look_angles(gs.latitude_deg[g], gs.longitude_deg[g], 0.0, sat)
        np.testing.assert_allclose(el[g], el2, atol=1e-9)
        np.testing.assert_allclose(rng[g], rng2, atol=1e-9)


def test_selection_policies_on_hand_made_arrays():
    el = np.array([[30.0, 60.0, 45.0, 10.0]])
    rng = np.array([[900.0, 700.0, 650.0, 2000.0]])
    vis = el >= 25.0
    assert select_satellite("highest_elevation", el, rng, vis)[0] == 1
    assert select_satellite("nearest", el, rng, vis)[0] == 2
    window = np.array([[[1, 1, 1, 0]], [[1, 0, 1, 0]], [[1, 0, 0, 0]]], dtype=bool)
    assert select_satellite("longest_visibility", el, rng, vis, window)[0] == 0
    none = np.zeros_like(vis)
    assert select_satellite("nearest", el, rng, none)[0] == -1
    with pytest.raises(ParameterError, match="policy"):
        select_satellite("random", el, rng, vis)


def test_handover_events_and_sticky_policy():
    serving = np.array([[3, -1], [3, 5], [4, 5], [4, -1]])
    ev = handover_events(serving)
    assert ev.tolist() == [(1, 1, -1, 5), (2, 0, 3, 4), (3, 1, 5, -1)]
    c = walker(550.0, 53.0, 72, 22, 1)
    gs = GroundStations.from_geodetic([47.0], [8.0])
    t = np.arange(0.0, 600.0, 10.0)
    pos = c.positions_ecef_km(t)
    greedy = serving_satellites(gs, pos, 25.0, "highest_elevation")
    sticky = serving_satellites(gs, pos, 25.0, "highest_elevation", sticky=True)
    longest = serving_satellites(gs, pos, 25.0, "longest_visibility")
    # a sticky station hands over no more often than a greedy one
    assert len(handover_events(sticky)) <= len(handover_events(greedy))
    # every served satellite is visible at its epoch
    for sel in (greedy, sticky, longest):
        for k in range(t.size):
            _, _, vis = visibility(gs, pos[k], 25.0)
            assert sel[k, 0] == -1 or vis[0, sel[k, 0]]
