"""M/M/c/c on one link: blocking against the Erlang-B formula.

A 1 Gb/s link takes requests of 100 Mb/s, so it holds c = 10 at once. Poisson arrivals
(rate 7 /s) with exponential holding (mean 1 s) offer A = 7 Erlang. Blocking is
Erlang B (A. K. Erlang 1917; ITU-T E.521 / Kleinrock, Queueing Systems vol. 1, eq. 3.46),
computed here by the standard recursion B(0) = 1, B(n) = A B(n-1) / (n + A B(n-1)),
independent of netsim: B(7, 10) = 0.07874.

The simulated blocking (10 000 requests after a 500-request warm-up, 10 batch means)
must contain the formula in its 99% confidence interval (Student t, 9 dof: 3.250).
"""

import numpy as np

import netsim as ns
from netsim.control import Request
from netsim.control.allocator import Allocator
from netsim.control.cspf import CSPF

T99_9DOF = 3.250  # Student t quantile 0.995, 9 degrees of freedom


def erlang_b(a, c):
    b = 1.0
    for n in range(1, c + 1):
        b = a * b / (n + a * b)
    return b


def test_erlang_b_recursion_value():
    # hand check of the recursion at a small point: B(1, 1) = 1/2, B(1, 2) = 1/5
    assert erlang_b(1.0, 1) == 0.5 and abs(erlang_b(1.0, 2) - 0.2) < 1e-15
    assert abs(erlang_b(7.0, 10) - 0.07874) < 5e-6


def test_single_link_blocking_matches_erlang_b():
    sim = ns.Simulation(seed=2024)
    net = ns.Network(sim)
    net.add_node("a")
    net.add_node("b")
    net.add_link("a", "b", rate_bps=1e9, delay_s=1e-3, bidirectional=False)
    al = Allocator(net, CSPF())
    rng = np.random.default_rng(99)
    n_warm, n = 500, 10_000
    t = 0.0
    for i in range(n_warm + n):
        t += rng.exponential(1 / 7.0)
        al.schedule(Request(i, "a", "b", 1e8, holding_s=float(rng.exponential(1.0)),
                            arrival_s=t))
    sim.run(until_s=t + 1.0)
    blocked = ~al.to_dataframe()["admitted"].to_numpy()[n_warm:]
    batches = blocked.reshape(10, -1).mean(axis=1)
    mean = batches.mean()
    half = T99_9DOF * batches.std(ddof=1) / np.sqrt(10)
    expected = erlang_b(7.0, 10)
    assert abs(mean - expected) <= half, (mean, half, expected)
    assert half < 0.025  # the interval is tight enough to catch a wrong model
