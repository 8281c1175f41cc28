"""sent == delivered + lost + in flight at every stop; link failures lose what they hold."""

from __future__ import annotations

import numpy as np
import pytest

import netsim as ns


def _ring(seed=1):
    sim = ns.Simulation(seed=seed)
    net = ns.Network(sim)
    for n in range(5):
        net.add_node(n)
    for i in range(5):
        net.add_link(i, (i + 1) % 5, rate_bps=2e6, delay_s=0.004, buffer_packets=30,
                     loss_prob=0.001)
    for i in range(5):
        net.add_flow(i, (i + 2) % 5, ns.Poisson(rate_pps=150, packet_size_bytes=1000,
                                                size_dist="exponential"), name=f"f{i}")
    return sim, net


def test_invariant_at_every_stop_with_random_failures():
    sim, net = _ring()
    rng = np.random.default_rng(0)
    t = 0.0
    for _ in range(60):
        t += float(rng.uniform(0.01, 0.2))
        sim.run(until_s=t)
        net.check_conservation()
        link = net.links[int(rng.integers(len(net.links)))]
        link.up = not link.up
    totals = net.monitor.to_dataframe("flows")
    assert totals["lost_link_down"].sum() > 0
    assert totals["lost_buffer_overflow"].sum() > 0
    assert totals["lost_channel"].sum() > 0


def test_link_down_loses_packets_in_propagation():
    # 1 Mb/s, 1000 B packets every 1 ms (8 ms serialisation is too slow: use 10 Mb/s):
    # 10 Mb/s -> 0.8 ms serialisation, 50 ms propagation, a packet every 1 ms. At t = 0.1 s
    # the packets sent in (0.1 - 50.8 ms, 0.1] are on the wire or in transmission.
    sim = ns.Simulation(seed=0)
    net = ns.Network(sim)
    net.add_node("a")
    net.add_node("b")
    link = net.add_link("a", "b", rate_bps=10e6, delay_s=0.05, bidirectional=False)
    f = net.add_flow("a", "b", ns.CBR(rate_bps=8e6, packet_size_bytes=1000))
    sim.run(until_s=0.1005)
    held = len(link.in_flight())
    # sent at 0, 1, ..., 100 ms (101 packets); delivered those sent at <= 49.7 ms (50).
    assert (f.sent, f.delivered, held) == (101, 50, 51)
    link.up = False
    assert f.lost["link_down"] == 51 and f.in_flight == 0
    sim.run(until_s=0.2)
    assert f.delivered == 50  # nothing else arrives; the no-op heap entries are harmless
    assert f.lost["no_route"] == f.sent - 101  # no other way from a to b
    net.check_conservation()


def test_default_routing_moves_to_the_other_way_round():
    sim = ns.Simulation(seed=0)
    net = ns.Network(sim)
    for n in "abcd":
        net.add_node(n)
    net.add_link("a", "b", rate_bps=1e7, delay_s=0.001)
    net.add_link("b", "d", rate_bps=1e7, delay_s=0.001)
    net.add_link("a", "c", rate_bps=1e7, delay_s=0.003)
    net.add_link("c", "d", rate_bps=1e7, delay_s=0.003)
    f = net.add_flow("a", "d", ns.CBR(rate_bps=1e6, packet_size_bytes=125))
    sim.run(until_s=0.5)
    assert f.path == ["a", "b", "d"]
    net.link("b", "d").up = False
    sim.run(until_s=1.0)
    assert f.path == ["a", "c", "d"]
    lat = f.latencies_s
    # 125 B at 10 Mb/s = 0.1 ms per hop: 2.2 ms before the cut, 6.2 ms after
    assert lat[0] == pytest.approx(2.2e-3) and lat[-1] == pytest.approx(6.2e-3)
    net.check_conservation()


def test_pinned_path_is_kept_and_lost_when_down():
    sim = ns.Simulation(seed=0)
    net = ns.Network(sim)
    for n in "abc":
        net.add_node(n)
    net.add_link("a", "b", rate_bps=1e7, delay_s=0.001)
    net.add_link("b", "c", rate_bps=1e7, delay_s=0.001)
    net.add_link("a", "c", rate_bps=1e7, delay_s=0.001)
    f = net.add_flow("a", "c", ns.CBR(rate_bps=1e6, packet_size_bytes=125), path=["a", "b", "c"])
    net.link("b", "c").up = False
    sim.run(until_s=0.1)
    # every packet dies at b -> c, except the one still on a -> b at the stop
    assert f.delivered == 0 and f.in_flight == 1 and f.lost["link_down"] == f.sent - 1
    net.set_path(f, None)  # back to default routing: direct a -> c
    sim.run(until_s=0.2)
    assert f.path == ["a", "c"] and f.delivered > 0


def test_rate_change_applies_from_next_packet():
    sim = ns.Simulation(seed=0)
    net = ns.Network(sim)
    net.add_node("a")
    net.add_node("b")
    link = net.add_link("a", "b", rate_bps=1e6, delay_s=0.0)
    f = net.add_flow("a", "b", ns.CBR(rate_bps=1e5, packet_size_bytes=125))  # every 10 ms
    sim.run(until_s=0.015)
    link.rate_bps = 2e6
    sim.run(until_s=0.05)
    # packets sent at 0 and 10 ms left at 1 Mb/s (1 ms); from 20 ms on at 2 Mb/s (0.5 ms)
    assert f.latencies_s[:3].tolist() == pytest.approx([1e-3, 1e-3, 0.5e-3])


def test_bad_parameters_name_the_field():
    sim = ns.Simulation(seed=0)
    net = ns.Network(sim)
    net.add_node("a")
    with pytest.raises(ns.ParameterError, match="b='z'"):
        net.add_link("a", "z", rate_bps=1e6, delay_s=0.0)
    net.add_node("b")
    with pytest.raises(ns.ParameterError, match=r"rate_bps=-1"):
        net.add_link("a", "b", rate_bps=-1, delay_s=0.0)
    with pytest.raises(ns.ParameterError, match=r"loss_prob=1.5"):
        net.add_link("a", "b", rate_bps=1e6, delay_s=0.0, loss_prob=1.5)
    with pytest.raises(ns.ParameterError, match="seed"):
        ns.Simulation(seed=-1)
    with pytest.raises(ns.ParameterError, match="rate_pps/rate_bps"):
        ns.Poisson()
