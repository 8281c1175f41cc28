"""Fibre cuts: lightpaths go down, packets in flight are lost (link_down), restoration.

Outside numbers: the NSFNET km lengths of DeepRMSA's ``K-SP-FF benchmark_NSFNET.py``
(shipped ``nsfnet_deeprmsa.json``); the route NY -> CA1 and its alternative when MI-UT is
cut, summed by hand; c and n_g = 1.4682 (Corning SMF-28 Ultra); CBR arithmetic.

NY -> CA1 routes by km (hand-summed): NY-MI-UT-CA1 600+1950+750 = 3300;
NY-PA-IL-NE-CO-UT-CA1 300+750+750+600+600+750 = 3750; NY-DC-NJ-MI-UT-CA1
300+150+750+1950+750 = 3900; NY-PA-NJ-MI-UT-CA1 300+300+750+1950+750 = 4050. Without
MI-UT the shortest is NY-PA-IL-NE-CO-UT-CA1 (3750 km, 5 intermediate ROADMs); the next
ones avoiding MI-UT (NY-PA-GA-NE-CO-UT-CA1 = 4350, NY-DC-TX-CA2-CA1 = 4500) are longer.
"""

import math

import pytest

import netsim as ns
from netsim.core.packet import LossReason
from netsim.errors import ParameterError
from netsim.optical.lightpath import OpticalSegment
from netsim.optical.rmsa import RmsaOptions
from netsim.optical.roadm import RoadmParameters
from netsim.optical.segment import OpticalSpec, optical_graph
from netsim.optical.topology import topology_from_edges

C = 299_792_458.0
S_PER_KM = 1.4682e3 / C
T_RECONF = 0.25
REL = 1e-12


def _nsfnet():
    sim = ns.Simulation(seed=5)
    net = ns.Network(sim)
    roadm = RoadmParameters(add_drop_latency_s=10e-6, pass_through_latency_s=1e-6,
                            reconfiguration_time_s=T_RECONF)
    seg = OpticalSegment(sim, net, optical_graph(OpticalSpec(topology="nsfnet")),
                         RmsaOptions(n_slots=320), roadm)
    return sim, net, seg


def test_cut_loses_packets_in_flight_and_restores_on_the_alternative_route():
    sim, net, seg = _nsfnet()
    seg.setup_lightpath("NY", "CA1", 100.0, name="lp", immediate=True)
    # 100 Mb/s of 1250-byte packets: one every 100 us
    flow = net.add_flow("NY", "CA1", ns.CBR(rate_bps=1e8, packet_size_bytes=1250))
    sim.call_at(1.0, lambda: seg.cut_fibre("MI", "UT"))
    sim.run(until_s=2.0)
    net.check_conservation()  # sent == delivered + lost + in flight

    # in flight at the cut: sent in the last delay + transmission time
    # (16 183.38 us + 0.1 us) / 100 us = 161.8 -> 161 or 162 packets
    assert flow.lost[LossReason.LINK_DOWN] in (161, 162)
    # no other NY -> CA1 link while it is down: 0.25 s / 100 us = 2500 packets, no route
    assert abs(flow.lost[LossReason.NO_ROUTE] - 2500) <= 1

    out = seg.outages_table()
    assert len(out) == 1
    row = out.iloc[0]
    assert row["result"] == "restored"
    assert row["down_at_s"] == 1.0 and row["up_at_s"] == 1.0 + T_RECONF
    assert row["outage_s"] == pytest.approx(T_RECONF, abs=1e-15)
    assert row["route_before"] == "NY-MI-UT-CA1"
    assert row["route_after"] == "NY-PA-IL-NE-CO-UT-CA1"
    assert row["length_km_after"] == 3750.0
    hand_after = 3750 * S_PER_KM + 2 * 10e-6 + 5 * 1e-6
    assert row["delay_s_after"] == pytest.approx(hand_after, rel=REL)
    for a, b in (("NY", "CA1"), ("CA1", "NY")):
        assert net.link(a, b).up
        assert net.link(a, b).delay_s == pytest.approx(hand_after, rel=REL)
    assert row["packets_lost_link_down"] == flow.lost[LossReason.LINK_DOWN]
    # packets after restoration take the new delay
    lat = flow.latencies_s
    assert float(lat[-1]) == pytest.approx(hand_after + 1250 * 8 / 100e9, rel=1e-9)
    k = seg.kpis()
    assert k["optical_outages"] == 1 and k["optical_restored"] == 1
    assert k["optical_outage_total_s"] == pytest.approx(T_RECONF, abs=1e-15)


def test_lightpath_not_over_the_cut_is_untouched():
    sim, net, seg = _nsfnet()
    seg.setup_lightpath("NJ", "DC", 100.0, immediate=True)
    assert seg.cut_fibre("MI", "UT") == []
    assert net.link("NJ", "DC").up
    assert seg.outages_table().empty


def _line():
    # A -100 km- B -50 km- C: B-C is a bridge
    g = topology_from_edges(["A", "B", "C"], [("A", "B", 100.0), ("B", "C", 50.0)])
    sim = ns.Simulation(seed=1)
    net = ns.Network(sim)
    seg = OpticalSegment(sim, net, g, RmsaOptions(n_slots=40),
                         RoadmParameters(reconfiguration_time_s=T_RECONF))
    return sim, net, seg


def test_cut_with_no_alternative_leaves_the_link_down_until_repair():
    sim, net, seg = _line()
    seg.setup_lightpath("A", "C", 100.0, name="ac", immediate=True)
    flow = net.add_flow("A", "C", ns.CBR(rate_bps=1e8, packet_size_bytes=1000))
    sim.call_at(1.0, lambda: seg.cut_fibre("B", "C"))
    sim.run(until_s=3.0)
    assert not net.link("A", "C").up and not net.link("C", "A").up
    net.check_conservation()
    # in flight: (150 km x 4.897386 us/km + 2 x 5 us + 0.08 us) / 80 us = 9.3 -> 9 or 10
    assert flow.lost[LossReason.LINK_DOWN] in (9, 10)
    row = seg.outages_table().iloc[0]
    assert row["result"] == "down" and math.isnan(row["up_at_s"])
    assert row["outage_s"] == pytest.approx(2.0)  # still down at the end: 3.0 - 1.0
    assert seg.kpis()["optical_still_down"] == 1
    # repair at 3 s: retried, up after the reconfiguration time
    sim.call_at(3.0, lambda: seg.repair_fibre("B", "C"))
    sim.run(until_s=4.0)
    assert net.link("A", "C").up
    row = seg.outages_table().iloc[0]
    assert row["result"] == "restored_after_repair"
    assert row["up_at_s"] == 3.0 + T_RECONF
    net.check_conservation()


def test_cut_during_restoration_and_bad_calls():
    sim, net, seg = _nsfnet()
    seg.setup_lightpath("NY", "CA1", 100.0, name="lp", immediate=True)
    sim.call_at(1.0, lambda: seg.cut_fibre("MI", "UT"))
    # the restoration route NY-PA-IL-NE-CO-UT-CA1 is cut before it comes up. Without
    # MI-UT and IL-NE (every one of the 5 intact-topology candidates is hit), the
    # shortest is NY-PA-GA-NE-CO-UT-CA1 = 300+750+1350+600+600+750 = 4350 km (next:
    # NY-PA-IL-WA-CA1, NY-DC-TX-CA2-CA1, NY-PA-GA-TX-CA2-CA1, all 4500 km)
    sim.call_at(1.1, lambda: seg.cut_fibre("IL", "NE"))
    sim.run(until_s=2.0)
    out = seg.outages_table()
    assert len(out) == 1  # one outage, two attempts
    assert out.iloc[0]["attempts"] == 2
    assert out.iloc[0]["up_at_s"] == 1.1 + T_RECONF
    assert out.iloc[0]["route_after"] == "NY-PA-GA-NE-CO-UT-CA1"
    assert out.iloc[0]["length_km_after"] == 4350.0
    with pytest.raises(ParameterError):
        seg.cut_fibre("MI", "UT")  # already cut
    with pytest.raises(ParameterError):
        seg.cut_fibre("NY", "CA1")  # no such fibre
    with pytest.raises(ParameterError):
        seg.repair_fibre("NJ", "DC")  # not cut
    # repairs bring back the intact candidates (no reversion of the lightpath)
    seg.repair_fibre("MI", "UT")
    seg.repair_fibre("IL", "NE")
    assert seg.rmsa.candidates("NY", "CA1")[0].nodes == ("NY", "MI", "UT", "CA1")


def test_foreign_allocations_survive_cut_and_repair():
    # an allocation made directly on the segment's RMSA (e.g. by a controller) over NJ-DC
    sim, net, seg = _nsfnet()
    rmsa = seg.rmsa
    a = rmsa.allocate("NJ", "DC", 100.0)  # 150 km: 16QAM, ceil(100/50) + 1 = 3 slots
    f = rmsa.fibre_index[("NJ", "DC")]
    assert a.n_slots == 3 and a.first_slot == 0
    seg.cut_fibre("NJ", "DC")
    assert rmsa.occupancy[f].all()
    b = rmsa.allocate("NJ", "PA", 50.0)
    rmsa.release(b)
    assert rmsa.occupancy[f].all()  # releases elsewhere do not free the cut fibre
    seg.repair_fibre("NJ", "DC")
    assert rmsa.occupancy[f, 0:3].all() and not rmsa.occupancy[f, 3:].any()
    rmsa.release(a)
    assert not rmsa.occupancy[f].any()
