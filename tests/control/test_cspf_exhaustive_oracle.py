"""CSPF against an exhaustive oracle: every simple path enumerated by networkx.

The oracle (independent of netsim's kernels) lists all simple paths with
``networkx.all_simple_paths``, keeps those whose every link is up with the capacity
free, and takes the least delay; if that exceeds the latency bound the answer is
"latency"; with no capacity-feasible path it is "capacity" when some path of up links
exists, else "no_path" (the CSPF definition, RFC 3209 / Osborne & Simha ch. 4).
"""

import networkx as nx
import numpy as np
import pytest

import netsim as ns
from netsim.control import NetworkView, Request
from netsim.control.cspf import CSPF

# CSPF adds 1e-12 s per hop as a tie-break; paths have < 10 hops
DELAY_TOL_S = 1e-11


def _oracle(g, links, src, dst, cap, bound):
    best = None
    any_up = False
    for p in nx.all_simple_paths(g, src, dst):
        lk = [links[(u, v)] for u, v in zip(p[:-1], p[1:])]
        if not all(x.up for x in lk):
            continue
        any_up = True
        if min(x.rate_bps for x in lk) < cap:
            continue
        d = sum(x.delay_s for x in lk)
        if best is None or d < best:
            best = d
    if best is None:
        return ("capacity" if any_up else "no_path"), None
    return ("latency", best) if best > bound else (None, best)


@pytest.mark.parametrize("seed", range(6))
def test_random_graphs(seed):
    rng = np.random.default_rng(seed)
    sim = ns.Simulation(seed=seed)
    net = ns.Network(sim)
    n = 8
    for i in range(n):
        net.add_node(i)
    g = nx.gnp_random_graph(n, 0.4, seed=seed)
    for u, v in g.edges:
        net.add_link(u, v, rate_bps=float(rng.choice([1e9, 2e9, 5e9])),
                     delay_s=float(rng.uniform(1e-3, 5e-3)))
    for lk in net.links:
        if rng.random() < 0.15:
            lk.up = False
    view = NetworkView(net)
    links = {(lk.src, lk.dst): lk for lk in net.links}
    dg = net.graph
    checked = 0
    for src in range(n):
        for dst in range(n):
            if src == dst:
                continue
            cap = float(rng.choice([0.5e9, 1.5e9, 3e9, 6e9]))
            bound = float(rng.uniform(2e-3, 12e-3))
            reason, best = _oracle(dg, links, src, dst, cap, bound)
            a = CSPF().decide(Request(0, src, dst, cap, latency_bound_s=bound), view)
            assert a.reason == reason, (src, dst, cap, bound)
            if reason is None:
                assert a.delay_s == pytest.approx(best, abs=DELAY_TOL_S)
                assert view.path_free_bps(a.path) >= cap
            checked += reason is None
    assert checked > 5  # the draw exercises admissions, not only rejections
