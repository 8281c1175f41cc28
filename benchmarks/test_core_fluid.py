"""Flow-level engine speed: flows per wall-second, and how the cost grows.

The issue's case: 100,000 flows over a 1,000-link network. The network is a random
4-regular graph of 500 nodes (1,000 bidirectional links = 2,000 directed), flows between
uniform random pairs on shortest-delay paths, Poisson arrivals, exponential sizes, with
an offered load that keeps about a hundred flows active. The baseline in the same run is
a plain-numpy progressive-filling allocation of the same active sets (one numpy pass
per filling level), timed on a sample of events, so the ratio shows what the numba
bottleneck kernel buys. ``extra_info`` records flows/s and mean active flows;
the scaling cases vary flows and links.
"""

from __future__ import annotations

import time

import networkx as nx
import numpy as np
import pytest

import netsim as ns
from netsim.core.fluid import FlowLevel
from netsim.core.maxmin import maxmin_rates


def build(n_nodes=500, degree=4, seed=3):
    g = nx.random_regular_graph(degree, n_nodes, seed=seed)
    sim = ns.Simulation(seed=seed)
    net = ns.Network(sim)
    for n in g.nodes:
        net.add_node(n)
    rng = np.random.default_rng(seed)
    for u, v in g.edges:
        net.add_link(u, v, rate_bps=1e9, delay_s=float(rng.uniform(1e-4, 5e-3)))
    return sim, net


def run_flows(n_flows, n_nodes=500, rate_per_s=500.0):
    sim, net = build(n_nodes)
    fl = FlowLevel(net)
    rng = np.random.default_rng(0)
    nodes = np.array(net.nodes)
    pairs = []
    while len(pairs) < 2000:
        a, b = rng.choice(nodes, 2, replace=False)
        pairs.append((int(a), int(b)))
    fl.poisson_arrivals(rate_per_s, 1e7, pairs=pairs, max_flows=n_flows)  # 80 Mbit mean
    active = []
    t0 = time.perf_counter()
    sim.run()
    wall = time.perf_counter() - t0
    return fl.completed, wall, active


def numpy_progressive_filling(cap, flow_links):
    """Textbook progressive filling in plain numpy (the baseline)."""
    n = len(flow_links)
    rates = np.zeros(n)
    frozen = np.zeros(n, bool)
    rem = np.asarray(cap, float).copy()
    inc = np.zeros((n, len(cap)), bool)
    for i, p in enumerate(flow_links):
        inc[i, p] = True
    while not frozen.all():
        cnt = inc[~frozen].sum(axis=0)
        share = np.where(cnt > 0, rem / np.maximum(cnt, 1), np.inf)
        s = share.min()
        rates[~frozen] += s
        rem -= s * cnt
        sat = (cnt > 0) & (rem <= 1e-9 * np.asarray(cap))
        newly = ~frozen & inc[:, sat].any(axis=1)
        frozen |= newly
    return rates


@pytest.mark.parametrize("n_flows", [100_000])
def test_fluid_100k_flows_1000_links(benchmark, n_flows):
    run_flows(2_000)  # warm-up: numba kernels load from cache or compile
    done, wall, _ = benchmark.pedantic(lambda: run_flows(n_flows), rounds=1, iterations=1)
    assert done == n_flows
    benchmark.extra_info.update(flows_per_s=n_flows / wall, links_directed=2000)
    print(f"\n{n_flows} flows over 1000 links: {n_flows / wall:,.0f} flows/s")


def test_maxmin_kernel_vs_numpy_progressive_filling(benchmark):
    rng = np.random.default_rng(1)
    n_links, n_active = 2000, 400
    cap = np.full(n_links, 1e9)
    flows = [rng.choice(n_links, int(rng.integers(2, 8)), replace=False).tolist()
             for _ in range(n_active)]
    ref = numpy_progressive_filling(cap, flows)
    got = maxmin_rates(cap, flows)
    np.testing.assert_allclose(got, ref, rtol=1e-9)
    t0 = time.perf_counter()
    for _ in range(5):
        numpy_progressive_filling(cap, flows)
    t_np = (time.perf_counter() - t0) / 5
    benchmark(maxmin_rates, cap, flows)
    ratio = t_np / benchmark.stats.stats.min
    benchmark.extra_info["speedup_vs_numpy_progressive_filling"] = ratio
    print(f"\nmax-min of {n_active} flows on {n_links} links: {ratio:.1f}x numpy filling")


@pytest.mark.parametrize("n_flows,n_nodes", [(10_000, 250), (10_000, 500), (10_000, 1000),
                                             (20_000, 500), (40_000, 500)])
def test_fluid_scaling(benchmark, n_flows, n_nodes):
    run_flows(500, n_nodes)
    done, wall, _ = benchmark.pedantic(lambda: run_flows(n_flows, n_nodes), rounds=1,
                                       iterations=1)
    benchmark.extra_info.update(flows_per_s=n_flows / wall, links_directed=4 * n_nodes)
