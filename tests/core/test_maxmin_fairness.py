"""Flow-level engine against max-min fairness by hand and processor sharing in closed form."""

from __future__ import annotations

import pytest
from conftest import single_link

import netsim as ns
from netsim.core.fluid import FlowLevel
from netsim.core.maxmin import maxmin_rates
from netsim.core.stats import batch_means_ci


def test_maxmin_textbook_network_by_hand():
    # Progressive filling (Bertsekas & Gallager, Data Networks, 6.5.2) on three links
    # A = 10, B = 4, C = 6 with flows f1: A,B  f2: B  f3: A,C  f4: C  f5: A.
    # Fair shares: A 10/3, B 4/2 = 2, C 6/2 = 3 -> B saturates first: f1 = f2 = 2.
    # Then A has 8 left for f3, f5 (share 4), C 6 for f3, f4 (share 3) -> C: f3 = f4 = 3.
    # Then A has 5 left for f5 alone: f5 = 5.
    rates = maxmin_rates([10.0, 4.0, 6.0], [[0, 1], [1], [0, 2], [2], [0]])
    assert rates.tolist() == pytest.approx([2.0, 2.0, 3.0, 3.0, 5.0])


def test_maxmin_parking_lot():
    # Parking lot: one long flow over n links of capacity 1, one short flow per link.
    # Every link is shared by two flows: all rates are 1/2 (B&G example 6.5).
    n = 5
    rates = maxmin_rates([1.0] * n, [list(range(n))] + [[i] for i in range(n)])
    assert rates.tolist() == pytest.approx([0.5] * (n + 1))


def test_fluid_engine_rates_follow_link_capacity():
    # The same textbook network built as a Network; the long-lived flows' rates must be the
    # hand-computed allocation (in Mb/s), then change when link B's rate doubles:
    # B = 8: shares A 10/3, B 4, C 3 -> C first: f3 = f4 = 3; then A: 7 for f1, f5
    # (3.5 each), B: 8 for f1, f2 -> A binds: f1 = f5 = 3.5, f2 = 4.5.
    sim = ns.Simulation(seed=0)
    net = ns.Network(sim)
    for n in ["s", "x", "y", "z", "w"]:
        net.add_node(n)
    net.add_link("s", "x", rate_bps=10e6, delay_s=0.0, bidirectional=False)  # A
    b = net.add_link("x", "y", rate_bps=4e6, delay_s=0.0, bidirectional=False)  # B
    net.add_link("x", "z", rate_bps=6e6, delay_s=0.0, bidirectional=False)  # C
    net.add_link("w", "x", rate_bps=100e6, delay_s=0.0, bidirectional=False)
    fl = FlowLevel(net)
    big = 1e12
    ids = [fl.add_flow("s", "y", big, path=["s", "x", "y"]),
           fl.add_flow("x", "y", big),
           fl.add_flow("s", "z", big, path=["s", "x", "z"]),
           fl.add_flow("w", "z", big, path=["w", "x", "z"]),
           fl.add_flow("s", "x", big)]
    sim.run(until_s=1.0)
    r = fl.rates_bps()
    assert [r[i] / 1e6 for i in ids] == pytest.approx([2, 2, 3, 3, 5])
    b.rate_bps = 8e6
    sim.run(until_s=2.0)
    r = fl.rates_bps()
    assert [r[i] / 1e6 for i in ids] == pytest.approx([3.5, 4.5, 3, 3, 3.5])
    b.up = False  # flows over a down link stall at rate 0; the others take what is left
    r = fl.rates_bps()
    assert [r[i] / 1e6 for i in ids] == pytest.approx([0, 0, 3, 3, 7])


def test_fluid_two_flows_completion_times():
    # Two 1 Mbit flows on a 1 Mb/s link, the second starts at 0.5 s: the first runs
    # alone at 1 Mb/s for 0.5 s (0.5 Mbit left), then both at 0.5 Mb/s; the first ends
    # at 1.5 s, the second has 0.5 Mbit left and ends alone at 2.0 s.
    sim, net, _ = single_link(rate_bps=1e6)
    fl = FlowLevel(net)
    fl.add_flow("a", "b", 125_000)
    fl.add_flow("a", "b", 125_000, start_s=0.5)
    sim.run()
    df = fl.to_dataframe().sort_values("flow")
    assert df["end_s"].tolist() == pytest.approx([1.5, 2.0])
    assert df["fct_s"].tolist() == pytest.approx([1.5, 1.5])


@pytest.mark.parametrize("rho,n_flows", [
    (0.5, 60_000), pytest.param(0.8, 200_000, marks=pytest.mark.slow)])
def test_processor_sharing_mean_fct(rho, n_flows):
    # M/G/1-PS: E[T] = E[S] / (C (1 - rho)) (Kleinrock, Queueing Systems II, 4.4),
    # exponential sizes, mean 10 kB on a 1 Mb/s bottleneck: E[S]/C = 80 ms.
    C, mean_size = 1e6, 10_000.0
    expected = 8 * mean_size / C / (1 - rho)
    sim, net, _ = single_link(seed=21, rate_bps=C)
    fl = FlowLevel(net)
    fl.poisson_arrivals(rho * C / (8 * mean_size), mean_size, max_flows=n_flows)
    sim.run()
    df = fl.to_dataframe().sort_values("start_s")
    fct = df["fct_s"].to_numpy()[n_flows // 20:]
    mean, half = batch_means_ci(fct, 30, 0.99)
    assert half / mean < 0.08
    assert abs(mean - expected) <= half, (mean, half, expected)
