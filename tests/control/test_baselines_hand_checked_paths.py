"""Baseline controllers on a small graph whose answers are derived by hand.

Graph (every link bidirectional; rate, one-way delay):

    A-B 1 Gb/s 1.0 ms    B-D 1 Gb/s 1.0 ms    (A-B-D: 2 hops, 2.0 ms, 1 Gb/s wide)
    A-C 10 Gb/s 1.5 ms   C-D 10 Gb/s 1.5 ms   (A-C-D: 2 hops, 3.0 ms, 10 Gb/s wide)
    A-E 5 Gb/s 1.2 ms    E-D 5 Gb/s 1.2 ms    (A-E-D: 2 hops, 2.4 ms, 5 Gb/s wide)
    A-D 1 Gb/s 5.0 ms                         (A-D:   1 hop,  5.0 ms, 1 Gb/s wide)
    F: isolated node

Shortest delay: A-B-D (2.0 < 2.4 < 3.0 < 5.0 ms). Min hop: A-D (1 hop).
Widest-shortest (Guerin/Orda/Williams 1997) for 2 Gb/s: prune A-D, A-B, B-D (1 Gb/s);
fewest hops left = 2 (A-C-D, A-E-D); widest = A-C-D (10 > 5 Gb/s).
CSPF for 2 Gb/s: least delay among A-C-D (3.0) and A-E-D (2.4) = A-E-D.
"""

import math

import networkx as nx
import pytest

import netsim as ns
from netsim.control import NetworkView, Request
from netsim.control.baselines import CSPF, MinHop, ShortestDelay, WidestShortest

# delays are sums of two binary fractions: 1e-15 s absorbs float rounding only
DELAY_TOL_S = 1e-15


@pytest.fixture
def view():
    sim = ns.Simulation(seed=1)
    net = ns.Network(sim)
    for n in "ABCDEF":
        net.add_node(n)
    for a, b, r, d in [("A", "B", 1e9, 1e-3), ("B", "D", 1e9, 1e-3), ("A", "C", 1e10, 1.5e-3),
                       ("C", "D", 1e10, 1.5e-3), ("A", "E", 5e9, 1.2e-3),
                       ("E", "D", 5e9, 1.2e-3), ("A", "D", 1e9, 5e-3)]:
        net.add_link(a, b, rate_bps=r, delay_s=d)
    return NetworkView(net)


def test_small_request_each_baseline(view):
    r = Request(1, "A", "D", 0.5e9)
    assert ShortestDelay().decide(r, view).path == ["A", "B", "D"]
    assert MinHop().decide(r, view).path == ["A", "D"]
    assert WidestShortest().decide(r, view).path == ["A", "D"]  # 1 hop fits 0.5 Gb/s
    a = CSPF().decide(r, view)
    assert a.path == ["A", "B", "D"]
    assert a.delay_s == pytest.approx(2.0e-3, abs=DELAY_TOL_S)


def test_networkx_agrees_on_unconstrained_paths(view):
    g = nx.Graph()
    for u, v, d in [("A", "B", 1.0), ("B", "D", 1.0), ("A", "C", 1.5), ("C", "D", 1.5),
                    ("A", "E", 1.2), ("E", "D", 1.2), ("A", "D", 5.0)]:
        g.add_edge(u, v, w=d)
    r = Request(1, "A", "D", 0.5e9)
    assert ShortestDelay().decide(r, view).path == nx.dijkstra_path(g, "A", "D", weight="w")
    assert len(MinHop().decide(r, view).path) - 1 == nx.shortest_path_length(g, "A", "D")


def test_two_gbps(view):
    r = Request(2, "A", "D", 2e9)
    assert ShortestDelay().decide(r, view).reason == "capacity"  # A-B-D is 1 Gb/s wide
    assert MinHop().decide(r, view).reason == "capacity"  # A-D is 1 Gb/s wide
    assert WidestShortest().decide(r, view).path == ["A", "C", "D"]
    assert CSPF().decide(r, view).path == ["A", "E", "D"]


def test_latency_bounds(view):
    # bound 2.5 ms: CSPF's A-E-D (2.4 ms) fits; widest-shortest's A-C-D (3.0 ms) does not
    r = Request(3, "A", "D", 2e9, latency_bound_s=2.5e-3)
    assert CSPF().decide(r, view).path == ["A", "E", "D"]
    assert WidestShortest().decide(r, view).reason == "latency"
    # bound 2.0 ms: the least-delay 2 Gb/s path is 2.4 ms -> latency
    r = Request(4, "A", "D", 2e9, latency_bound_s=2.0e-3)
    assert CSPF().decide(r, view).reason == "latency"


def test_capacity_and_no_path(view):
    assert CSPF().decide(Request(5, "A", "D", 6e9), view).path == ["A", "C", "D"]
    assert CSPF().decide(Request(6, "A", "D", 11e9), view).reason == "capacity"
    for ctl in (CSPF(), ShortestDelay(), MinHop(), WidestShortest()):
        assert ctl.decide(Request(7, "A", "F", 1.0), view).reason == "no_path"


def test_down_links_are_avoided(view):
    view.net.link("A", "C").up = False
    assert CSPF().decide(Request(8, "A", "D", 6e9), view).reason == "capacity"
    view.net.link("A", "B").up = False
    assert ShortestDelay().decide(Request(9, "A", "D", 1.0), view).path == ["A", "E", "D"]
    for u, v in [("A", "D"), ("A", "E")]:
        view.net.link(u, v).up = False
    assert CSPF().decide(Request(10, "A", "D", 1.0), view).reason == "no_path"
    assert math.isnan(CSPF().decide(Request(11, "A", "D", 1.0), view).delay_s)
