"""Reserve/release conservation: at every instant the reserved capacity of each link
equals the sum of ``capacity_bps`` of the requests carried over it, and it is zero once
every request has left (bookkeeping identity checked against an independent tally)."""

import numpy as np
import pytest

import netsim as ns
from netsim.control import Request
from netsim.control.allocator import Allocator
from netsim.control.baselines import CSPF, WidestShortest

# sums of a few hundred multiples of 1e8 bit/s: float error far below 1 bit/s
CAP_TOL_BPS = 1e-3


@pytest.mark.parametrize("ctl", [CSPF, WidestShortest])
def test_reserved_equals_carried(ctl):
    sim = ns.Simulation(seed=11)
    net = ns.Network(sim)
    for i in range(6):
        net.add_node(i)
    for a, b in [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (5, 0), (0, 3), (1, 4)]:
        net.add_link(a, b, rate_bps=1e9, delay_s=1e-3 * (1 + (a + b) % 3))
    al = Allocator(net, ctl())
    rng = np.random.default_rng(5)
    t = 0.0
    for i in range(400):
        t += rng.exponential(0.02)
        s, d = rng.choice(6, 2, replace=False)
        al.schedule(Request(i, int(s), int(d), float(rng.choice([1e8, 3e8, 5e8])),
                            holding_s=float(rng.exponential(1.0)), arrival_s=t))
    sim.call_at(5.0, lambda: setattr(net.link(0, 1), "up", False))
    sim.call_at(9.0, lambda: setattr(net.link(0, 1), "up", True))
    checks = []

    def check():
        tally = np.zeros(len(net.links))
        for a in al.active.values():
            for u, v in zip(a.path[:-1], a.path[1:]):
                tally[net.link(u, v).index] += a.request.capacity_bps
        np.testing.assert_allclose(al.reserved_bps, tally, atol=CAP_TOL_BPS, rtol=0)
        assert (al.reserved_bps <= 1e9 + CAP_TOL_BPS).all()
        checks.append(len(al.active))

    for k in range(1, 60):
        sim.call_at(k * 0.5, check)
    sim.run(until_s=100.0)
    assert max(checks) > 3  # the checks saw a loaded network
    assert not al.active
    np.testing.assert_allclose(al.reserved_bps, 0.0, atol=CAP_TOL_BPS)
    df = al.to_dataframe()
    assert len(df) == 400 and df["admitted"].any() and (~df["admitted"]).any()
