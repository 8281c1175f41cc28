"""A3 handover (TS 38.331 V17.0.0 5.5.4.4) for a UE moving between two UMa LOS sites.

Geometry: omni sites at x = 0 and x = 800 m (h_BS = 25 m), a UE at h_UT = 1.5 m moving
along the x axis from x0 = 380 m (served by the site at 0, the nearer) at 360 km/h
(100 m/s). Equal powers, no shadowing.

TR 38.901 V17.0.0 Table 7.4.1-1, UMa LOS below the breakpoint:
  PL1 = 28.0 + 22 log10(d3D) + 20 log10(fc / GHz),
  d'_BP = 4 h'_BS h'_UT fc / c = 4 * 24 * 0.5 * 3.5e9 / 299792458 = 560.4 m (h_E = 1 m).
A3 entering condition with Ofn = Ocn = Ofp = Ocp = 0:
  RSRP_n - Hys > RSRP_p + Off  <=>  PL_p - PL_n > Off + Hys = 3 + 1 = 4 dB
  <=>  22 log10(d3D_p / d3D_n) > 4  <=>  d3D_p / d3D_n > 10^(4/22) = 1.519911
solved below by bisection on x (both d2D stay in [10 m, d'_BP]): x* = 482.83 m,
t* = (x* - 380) / 100 = 1.028 s.
The handover executes when the condition has held for TimeToTrigger at every
evaluation (every update_interval_s = 10 ms): t_HO in [t* + TTT, t* + TTT + 10 ms].
"""

from __future__ import annotations

import math

import numpy as np
import pytest

import netsim as ns
from netsim.radio.handover import A3Handover
from netsim.radio.mobility import Mobility
from netsim.radio.ran import RadioAccessNetwork

X0_M = 380.0
SPEED_KMH = 360.0
TTT_S = 0.1
DT_S = 0.01
H_BS, H_UT = 25.0, 1.5


def _crossing_x_m() -> float:
    ratio = 10 ** (4.0 / 22.0)  # 1.519911

    def g(x):
        d_p = math.hypot(x, H_BS - H_UT)
        d_n = math.hypot(800.0 - x, H_BS - H_UT)
        return d_p / d_n - ratio

    lo, hi = 400.0, 600.0  # g(400) < 0 < g(600)
    for _ in range(80):
        mid = 0.5 * (lo + hi)
        lo, hi = (mid, hi) if g(mid) < 0 else (lo, mid)
    return 0.5 * (lo + hi)


def test_breakpoint_bound_holds_at_crossing():
    x = _crossing_x_m()
    d_bp = 4 * 24.0 * 0.5 * 3.5e9 / 299792458.0
    assert x == pytest.approx(482.83, abs=0.01)
    assert 10.0 <= x <= d_bp and 10.0 <= 800.0 - x <= d_bp


def _build(interruption_s=0.03):
    sim = ns.Simulation(seed=5)
    net = ns.Network(sim)
    net.add_node("srv")
    mob = Mobility([[X0_M, 0.0]], "linear", SPEED_KMH, heading_deg=0.0)
    ran = RadioAccessNetwork(
        sim, net, site_names=["gnb0", "gnb1"], cell_xy_m=[[0.0, 0.0], [800.0, 0.0]],
        cell_site=[0, 1], ue_names=["ue"], ue_xy_m=[[X0_M, 0.0]], carrier_hz=3.5e9,
        bandwidth_hz=20e6, mu=1, n_prb=51, scenario="UMa", los="los", shadow_fading=False,
        h_bs_m=H_BS, h_ut_m=H_UT, update_interval_s=DT_S, mobility=mob,
        handover={"offset_db": 3.0, "hysteresis_db": 1.0, "time_to_trigger_s": TTT_S,
                  "interruption_s": interruption_s})
    for g in ("gnb0", "gnb1"):
        net.add_link(g, "srv", rate_bps=1e10, delay_s=1e-4)
    return sim, net, ran


def test_a3_triggers_at_hand_computed_crossing_plus_ttt():
    sim, net, ran = _build()
    flow = net.add_flow("ue", "srv", ns.CBR(rate_bps=400_000, packet_size_bytes=100))
    dl = net.add_flow("srv", "ue", ns.CBR(rate_bps=400_000, packet_size_bytes=100))
    sim.run(until_s=3.0)
    assert len(ran.handovers) == 1
    t_ho, _, src, dst = ran.handovers[0]
    assert (src, dst) == (0, 1)
    t_star = (_crossing_x_m() - X0_M) / (SPEED_KMH / 3.6)  # 1.028 s
    assert t_star + TTT_S - 1e-9 <= t_ho <= t_star + TTT_S + DT_S + 1e-9
    # the air links moved: routes now go through gnb1
    assert flow.path == ["ue", "gnb1", "srv"] and dl.path == ["srv", "gnb1", "ue"]
    assert not net.link("ue", "gnb0").up and net.link("ue", "gnb1").up
    # packets that arrived during the 30 ms interruption waited, none was lost
    assert flow.lost_total == 0 and dl.lost_total == 0
    lat = np.asarray(flow.latencies_s)
    assert lat.max() >= 0.03 - 0.0015  # the packets sent just after t_HO waited it out
    net.check_conservation()


def test_a3_time_to_trigger_resets_when_condition_lapses():
    a3 = A3Handover(1, offset_db=3.0, hysteresis_db=1.0, time_to_trigger_s=0.05)
    serving = np.array([0])
    good = np.array([[-80.0, -75.9]])  # neighbour 4.1 dB better: condition holds
    bad = np.array([[-80.0, -76.1]])  # 3.9 dB: does not
    t = 0.0
    for rsrp in (good, good, good, bad) + (good,) * 8:
        ues, _ = a3.evaluate(t, rsrp, serving)
        assert len(ues) == 0 or t >= 0.08 - 1e-12
        if len(ues):
            break
        t += 0.01
    # lapsed at t = 0.03, restarted at 0.04, fires at 0.04 + 0.05 = 0.09
    assert len(ues) == 1 and t == pytest.approx(0.09)
