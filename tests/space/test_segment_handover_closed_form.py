"""GSL selection policies and handover instants against the closed-form pass geometry.

An equatorial ring of 22 satellites at 550 km (two-body, no J2) and a station on the
equator below satellite 0 at t = 0. In the equatorial plane the WGS-84 normal is radial,
so the geometry is planar and exact:

* the ring moves east relative to the ground at w = 360/T - 360.98564736629/86400 deg/s
  with T = 2 pi sqrt(a^3 / mu) (a = 6378.137 + 550 km, mu = 398600.4418 km^3/s^2;
  T = 5738.99 s, w = 0.058551 deg/s; GMST rate of IAU-82, Vallado eq. 3-47);
* highest elevation: satellite 21 (16.36 deg behind) becomes higher than satellite 0
  when satellite 0 is half a slot (180/22 deg) east of the station: t* = (180/22) / w
  = 139.7 s;
* sticky: satellite 0 is kept until its elevation drops below 25 deg, at the Earth
  central angle lambda = acos(R cos(25 deg) / a) - 25 deg (law of sines in the
  centre-station-satellite triangle): t_set = lambda / w = 144.4 s.
"""

import math

import numpy as np
import pytest

import netsim as ns
from netsim.space.adapter import SatelliteSegment
from netsim.space.constellation import walker
from netsim.space.frames import ecef_to_geodetic
from netsim.space.ground import GroundStations

R_KM = 6378.137
A_KM = R_KM + 550.0
MU = 398600.4418
T_S = 2 * math.pi * math.sqrt(A_KM**3 / MU)
W_DEG_S = 360.0 / T_S - 360.98564736629 / 86400.0
T_STAR_S = (180.0 / 22) / W_DEG_S
LAMBDA_DEG = math.degrees(math.acos(R_KM * math.cos(math.radians(25.0)) / A_KM)) - 25.0
T_SET_S = LAMBDA_DEG / W_DEG_S
EPOCH_S = 0.5
T0_S = 130.0


def _handovers(sticky):
    c = walker(550.0, 0.0, 1, 22, 0, j2=False)
    _, lon, _ = ecef_to_geodetic(c.positions_ecef_km(0.0)[[0]])
    gs = GroundStations.from_geodetic([0.0], lon, names=["gs"])
    sim = ns.Simulation(seed=1)
    seg = SatelliteSegment(ns.Network(sim), c, gs, isl=None, epoch_s=EPOCH_S, t0_s=T0_S,
                           policy="highest_elevation", sticky=sticky)
    sim.run(until_s=20.0)
    return seg.handover_table()


@pytest.mark.parametrize("sticky, t_expected", [(False, T_STAR_S), (True, T_SET_S)])
def test_first_handover_at_the_closed_form_instant(sticky, t_expected):
    assert 139.0 < T_STAR_S < 140.5 and 144.0 < T_SET_S < 145.0  # the numbers above
    ho = _handovers(sticky)
    first = ho.iloc[0]
    assert (first.station, first.from_sat, first.to_sat) == ("gs", "sat:0:0:0", "sat:0:0:21")
    t = T0_S + first.t_s
    # the first epoch at or after the instant; 1e-6 s covers float rounding of times
    assert t_expected - 1e-6 <= t < t_expected + EPOCH_S, (t, t_expected)
    assert len(ho) == 1
    assert np.isfinite(t)
