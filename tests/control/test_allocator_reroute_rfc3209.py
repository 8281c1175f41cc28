"""Rerouting after a fibre cut: the hand-computed alternative and the exact interruption.

Ring A-B-C-D-A, every link 10 Gb/s, delays A-B 1 ms, B-C 1 ms, C-D 3 ms, D-A 2 ms.
A request A->C takes A-B-C (2 ms; A-D-C is 5 ms). At t0 = 10 s the fibre A-B is cut
(both directions). The allocator's interruption model: out of service from t0 until
max(t_decision, t0 + detect_s) + 2 x (new path delay) (failure detection, then one
RSVP-TE Path/Resv round trip along the new LSP, RFC 3209 Sec. 1.2).
"""

import math

import pytest

import netsim as ns
from netsim.control import Request
from netsim.control.allocator import Allocator
from netsim.control.cspf import CSPF

TIME_TOL_S = 1e-12  # sums of a handful of decimal times


def _ring():
    sim = ns.Simulation(seed=3)
    net = ns.Network(sim)
    for n in "ABCD":
        net.add_node(n)
    for a, b, d in [("A", "B", 1e-3), ("B", "C", 1e-3), ("C", "D", 3e-3), ("D", "A", 2e-3)]:
        net.add_link(a, b, rate_bps=1e10, delay_s=d)
    return sim, net


def _cut(sim, net, a, b, at_s, up=False):
    def fn():
        net.link(a, b).up = up
        net.link(b, a).up = up
    sim.call_at(at_s, fn)


def test_reroute_to_hand_computed_alternative():
    sim, net = _ring()
    al = Allocator(net, CSPF(), detect_s=0.05)
    al.schedule(Request(1, "A", "C", 1e9, holding_s=100.0, arrival_s=1.0))
    _cut(sim, net, "A", "B", 10.0)
    sim.run(until_s=50.0)
    row = al.to_dataframe().iloc[0]
    assert row["path"] == "A>B>C"
    assert row["final_path"] == "A>D>C"
    assert row["interruptions"] == 1 and row["reroutes"] == 1
    # 0.05 s detection + 2 x (2 ms + 3 ms) = 0.06 s
    assert row["interrupted_s"] == pytest.approx(0.06, abs=TIME_TOL_S)
    # capacity moved: A-B free again, A-D and D-C hold 1 Gb/s
    r = al.reserved_bps
    assert r[net.link("A", "B").index] == 0.0
    assert r[net.link("A", "D").index] == 1e9 and r[net.link("D", "C").index] == 1e9
    assert bool(row["intent_met"])


def test_wait_for_repair_when_alternative_breaks_the_bound():
    # bound 4 ms: A-D-C (5 ms) is not acceptable; the request waits for the repair at 20 s
    sim, net = _ring()
    al = Allocator(net, CSPF(), detect_s=0.05)
    al.schedule(Request(1, "A", "C", 1e9, latency_bound_s=4e-3, reliability=0.9,
                        holding_s=100.0, arrival_s=1.0))
    _cut(sim, net, "A", "B", 10.0)
    _cut(sim, net, "A", "B", 20.0, up=True)
    sim.run(until_s=200.0)
    row = al.to_dataframe().iloc[0]
    assert row["final_path"] == "A>B>C"
    # 20 s (repair) - 10 s + 2 x 2 ms = 10.004 s out of a 100 s life
    assert row["interrupted_s"] == pytest.approx(10.004, abs=TIME_TOL_S)
    assert row["life_s"] == pytest.approx(100.0, abs=TIME_TOL_S)
    # availability 1 - 10.004 / 100 = 0.89996 < reliability 0.9: intent not met
    assert not bool(row["intent_met"])
    assert al.summary()["mean_interruption_s"] == pytest.approx(10.004, abs=TIME_TOL_S)


def test_drop_policy_and_release():
    sim, net = _ring()
    al = Allocator(net, CSPF(), reroute="drop")
    al.schedule(Request(1, "A", "C", 1e9, latency_bound_s=4e-3, holding_s=100.0))
    _cut(sim, net, "B", "C", 10.0)
    sim.run(until_s=200.0)
    row = al.to_dataframe().iloc[0]
    assert row["state"] == "dropped" and not bool(row["intent_met"])
    assert (al.reserved_bps == 0).all()
    # arrival 0, cut at 10 s: dropped at once, no restoration time counted
    assert row["interrupted_s"] == 0.0
    assert row["life_s"] == pytest.approx(10.0, abs=TIME_TOL_S)


def test_no_capacity_on_alternative_stays_displaced():
    sim, net = _ring()
    al = Allocator(net, CSPF())
    al.schedule(Request(1, "A", "C", 6e9, holding_s=math.inf, arrival_s=0.0))
    al.schedule(Request(2, "A", "D", 6e9, holding_s=math.inf, arrival_s=0.5))  # fills A-D
    _cut(sim, net, "A", "B", 10.0)
    sim.run(until_s=30.0)
    df = al.to_dataframe().set_index("id")
    assert df.loc[1, "state"] == "displaced"
    assert df.loc[1, "interrupted_s"] == pytest.approx(20.0, abs=TIME_TOL_S)
    assert not bool(df.loc[1, "intent_met"])
    assert bool(df.loc[2, "intent_met"])


def test_overlapping_outages_count_once_and_open_ones_run_to_the_end():
    # A request displaced at t = 1 s by a cut and rerouted onto a link cut at the same
    # instant gets two outage records, [1, 1.058] and [1, 1.052]: one interruption of
    # 58 ms, not 110 ms. An outage never restored runs to the end of the life (t = 5 s).
    import math

    from netsim.control.allocator import _merged_outages

    spans = _merged_outages([[1.0, 1.058], [1.0, 1.052]], end_s=5.0)
    assert spans == [(1.0, 1.058, True)]
    spans = _merged_outages([[1.0, 1.058], [3.0, math.nan]], end_s=5.0)
    assert spans == [(1.0, 1.058, True), (3.0, 5.0, False)]
    assert sum(t1 - t0 for t0, t1, _ in spans) == pytest.approx(2.058)
