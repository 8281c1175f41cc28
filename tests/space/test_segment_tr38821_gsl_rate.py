"""GSL rates the segment puts on its links: TR 38.821 link budget at a zenith pass.

A station directly below a satellite of an equatorial 600 km ring (slant range 600 km).
Hand arithmetic, TR 38.811 V15.4.0 eq. (6.6-2) and TR 38.821 V16.0.0 6.1.3.3 with the
Ka-band LEO-600 downlink figures of TR 38.821 Table 6.1.3.3-1 (EIRP density 4 dBW/MHz
over 400 MHz, G/T 15.9 dB/K), no other losses:

* FSPL = 32.45 + 20 log10(20) + 20 log10(600e3) = 32.45 + 26.0206 + 115.5630 = 174.0336 dB
* EIRP = 4 + 10 log10(400) = 30.0206 dBW
* CNR = 30.0206 + 15.9 - 174.0336 + 228.5991 - 86.0206 = 14.4655 dB
* Shannon with a 3 dB gap: 400e6 log2(1 + 10^(1.14655)) = 1.5632e9 bit/s
* DVB-S2 (EN 302 307-1 Table 13), roll-off 0.2: Es/N0 = 14.4655 + 10 log10(1.2)
  = 15.2573 dB -> 32APSK 5/6 (threshold 14.28 dB, 4.119540 bit/symbol; 32APSK 8/9 needs
  15.69 dB) -> 400e6 / 1.2 * 4.119540 = 1.37318e9 bit/s
"""

import numpy as np

import netsim as ns
from netsim.space.adapter import SatelliteSegment
from netsim.space.constellation import walker
from netsim.space.frames import ecef_to_geodetic
from netsim.space.ground import GroundStations
from netsim.space.gsl_capacity import FixedRate, LinkBudgetRate

CNR_HAND_DB = 14.4655
RATE_TOL = 2e-4  # the hand figures carry 4-5 significant digits


def _zenith_link(model):
    c = walker(600.0, 0.0, 1, 22, 0)
    _, lon, _ = ecef_to_geodetic(c.positions_ecef_km(0.0)[[0]])
    gs = GroundStations.from_geodetic([0.0], lon, names=["gw"])
    net = ns.Network(ns.Simulation(seed=1))
    SatelliteSegment(net, c, gs, isl=None, epoch_s=1.0, uplink=FixedRate(2e8), downlink=model)
    return net


def test_shannon_rate_with_gap_on_the_downlink():
    m = LinkBudgetRate(20e9, 400e6, 30.0206, 15.9, rate_model="shannon", gap_db=3.0)
    assert abs(float(m.cnr_db([90.0], [600e3], [0.0])[0]) - CNR_HAND_DB) < 1e-3
    net = _zenith_link(m)
    assert abs(net.link("sat:0:0:0", "gw").rate_bps / 1.5632e9 - 1) < RATE_TOL
    assert net.link("gw", "sat:0:0:0").rate_bps == 2e8  # the uplink model


def test_dvbs2_modcod_rate_on_the_downlink():
    m = LinkBudgetRate(20e9, 400e6, 30.0206, 15.9, rate_model="dvbs2x", roll_off=0.2,
                       standard="DVB-S2")
    net = _zenith_link(m)
    assert abs(net.link("sat:0:0:0", "gw").rate_bps / 1.37318e9 - 1) < RATE_TOL


def test_a_gsl_whose_modcod_does_not_close_is_absent():
    # 40 dB more loss: CNR -25.5 dB, below QPSK 1/4 (-2.35 dB, EN 302 307-1 Table 13)
    m = LinkBudgetRate(20e9, 400e6, 30.0206, 15.9, additional_loss_db=40.0,
                       rate_model="dvbs2x", standard="DVB-S2")
    net = _zenith_link(m)
    assert not net.graph.has_edge("gw", "sat:0:0:0")
    assert np.isfinite(CNR_HAND_DB)
