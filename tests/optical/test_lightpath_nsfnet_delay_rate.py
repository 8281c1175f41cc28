"""Lightpaths as core links on NSFNET: delay from route length, rate from the format.

Outside numbers:
* NSFNET km lengths as printed in DeepRMSA ``K-SP-FF benchmark_NSFNET.py`` (shipped
  ``nsfnet_deeprmsa.json``): NY-MI 600, MI-UT 1950, UT-CA1 750, NJ-DC 150, WA-CA1 1050;
* c = 299 792 458 m/s, n_g = 1.4682 (Corning SMF-28 Ultra, PI1424);
* net rate of a DP format = 2 log2(M) R_s / (1 + OH), OH = 255/239 - 1 (ITU-T G.975.1
  App. I.9), evaluated by hand below;
* DeepRMSA ``cal_FS``: slots = ceil(rate / (bits x 12.5 GHz)) + 1 guard; reach 16QAM
  625 km, 8QAM 1250, QPSK 2500, BPSK beyond.
"""

import math

import pytest

import netsim as ns
from netsim.errors import ParameterError
from netsim.optical.lightpath import OpticalSegment
from netsim.optical.physical_reach import gsnr_reach_table
from netsim.optical.rmsa import RmsaOptions
from netsim.optical.roadm import RoadmParameters
from netsim.optical.segment import OpticalSpec, optical_graph

C = 299_792_458.0
US_PER_KM = 1.4682e3 / C  # s/km
REL = 1e-12


def _segment(**opts):
    sim = ns.Simulation(seed=3)
    net = ns.Network(sim)
    roadm = RoadmParameters(add_drop_latency_s=10e-6, pass_through_latency_s=1e-6,
                            reconfiguration_time_s=0.25)
    seg = OpticalSegment(sim, net, optical_graph(OpticalSpec(topology="nsfnet")),
                         RmsaOptions(n_slots=320, **opts), roadm)
    return sim, net, seg


def test_ny_ca1_link_delay_and_rate_by_hand():
    sim, net, seg = _segment()
    lp = seg.setup_lightpath("NY", "CA1", 100.0, immediate=True)
    # shortest NY -> CA1 by km: NY-MI-UT-CA1 = 600 + 1950 + 750 = 3300 km
    assert lp.route == ("NY", "MI", "UT", "CA1")
    hand = 3300 * US_PER_KM + 2 * 10e-6 + 2 * 1e-6  # 16 183.38 us
    for a, b in (("NY", "CA1"), ("CA1", "NY")):
        link = net.link(a, b)
        assert link.up
        assert link.delay_s == pytest.approx(hand, rel=REL)
        assert link.rate_bps == 100e9
    # 3300 km > 2500 km: BPSK; ceil(100 / (1 x 12.5)) + 1 = 9 slots
    assert lp.modulation == "BPSK" and lp.allocations[0].n_slots == 9


def test_packet_latency_over_the_lightpath():
    sim, net, seg = _segment()
    seg.setup_lightpath("NJ", "DC", 40.0, immediate=True)
    flow = net.add_flow("NJ", "DC", ns.CBR(rate_bps=1e6, packet_size_bytes=1000))
    sim.run(until_s=0.1)
    # 150 km x 4.897386 us/km + 2 x 10 us (no intermediate ROADM) + 1000 B x 8 / 40 Gb/s
    hand = 150 * US_PER_KM + 20e-6 + 8000 / 40e9
    assert float(flow.latencies_s[0]) == pytest.approx(hand, rel=1e-9)
    assert flow.delivered > 0


def test_auto_rate_is_the_net_rate_of_the_format():
    # the GN-model reach table (netsim's physical layer, checked against GNPy in
    # test_capacity_gnpy_links.py): 64QAM 400 km, 32QAM 800, 16QAM 1760, ...
    table = gsnr_reach_table()
    sim, net, seg = _segment(reach_table=table)
    # NJ-DC, 150 km: DP-64QAM; 2 x 6 bit x 32 GBd x 239 / 255 = 359.906 Gb/s
    lp = seg.setup_lightpath("NJ", "DC", None, immediate=True)
    assert lp.modulation == "DP-64QAM"
    assert net.link("NJ", "DC").rate_bps == pytest.approx(12 * 32e9 * 239 / 255, rel=1e-12)
    assert net.link("NJ", "DC").rate_bps == pytest.approx(359.906e9, abs=1e6)
    # one 32 GBd carrier: ceil(32 / 12.5) = 3 slots + 1 guard
    assert lp.allocations[0].n_slots == math.ceil(32 / 12.5) + 1 == 4
    # WA-CA1, 1050 km (800 < 1050 <= 1760): DP-16QAM, 2 x 4 x 32 x 239/255 = 239.937 Gb/s
    lp2 = seg.setup_lightpath("WA", "CA1", None, immediate=True)
    assert lp2.modulation == "DP-16QAM"
    assert net.link("CA1", "WA").rate_bps == pytest.approx(239.937e9, abs=1e6)


def test_auto_rate_needs_transceiver_formats():
    sim, net, seg = _segment()  # DeepRMSA reach table: no DP formats
    with pytest.raises(ParameterError) as exc:
        seg.setup_lightpath("NJ", "DC", None)
    assert exc.value.field == "rate_gbps"


def test_regeneration_adds_oeo_latency():
    sim = ns.Simulation(seed=3)
    net = ns.Network(sim)
    roadm = RoadmParameters(add_drop_latency_s=10e-6, pass_through_latency_s=1e-6,
                            oeo_regeneration_latency_s=50e-6)
    seg = OpticalSegment(sim, net, optical_graph(OpticalSpec(topology="nsfnet")),
                         RmsaOptions(n_slots=320, regeneration=True), roadm)
    lp = seg.setup_lightpath("NY", "CA1", 100.0, immediate=True)
    # greedy transparent pieces <= 2500 km on NY-MI-UT-CA1 (600, 1950, 750):
    # NY-MI 600 | MI-UT 1950 | UT-CA1 750 -> regenerated at MI and UT
    assert [s.length_km for s in lp.allocations[0].segments] == [600.0, 1950.0, 750.0]
    hand = 3300 * US_PER_KM + 2 * 10e-6 + 2 * 50e-6
    assert net.link("NY", "CA1").delay_s == pytest.approx(hand, rel=REL)


def test_on_demand_setup_takes_the_reconfiguration_time():
    sim, net, seg = _segment()
    sim.call_at(0.5, lambda: seg.setup_lightpath("NJ", "DC", 100.0, name="lp"))
    sim.run(until_s=0.7)
    assert not net.link("NJ", "DC").up
    sim.run(until_s=1.0)
    assert net.link("NJ", "DC").up and net.link("DC", "NJ").up
    assert seg.lightpaths["lp"].up_since_s == 0.5 + 0.25


def test_one_lightpath_per_pair():
    sim, net, seg = _segment()
    seg.setup_lightpath("NJ", "DC", 100.0, immediate=True)
    with pytest.raises(ParameterError):
        seg.setup_lightpath("DC", "NJ", 100.0, immediate=True)
    with pytest.raises(ParameterError) as exc:
        seg.setup_lightpath("NJ", "XX", 100.0)
    assert exc.value.field == "dst"
