"""Packet-level engine speed: packets per wall-second beside a bare simpy M/M/1.

Baseline (same run): the textbook simpy M/M/1 (a ``Store`` and two processes, one
source and one server, pre-drawn exponential times), 100k packets at rho = 0.9.
netsim cases (the issue's set-up): chains of 1 and 3 hops of 100 Mb/s links with 2 ms
delay, 1000-byte packets at constant spacing (99.9% load), and an M/M/1 link at
rho = 0.9 (Poisson arrivals, exponential sizes). Each case reports packets delivered
per wall-second and its ratio to the baseline in ``extra_info``. For reference, ns-3
3.44 (C++) runs the same chains at about 130k (1 hop) and 53k (3 hops) packets/s on
this class of machine (figures quoted in the issue, not measured here).

``NETSIM_BENCH_ASSERT=1`` fails the 1-hop case below 1.0x the baseline (the issue's
target); off by default because single measurements on a shared machine are noisy.
"""

from __future__ import annotations

import os
import time

import numpy as np
import pytest
import simpy

import netsim as ns

N = 100_000
_BASE: dict[str, float] = {}


def simpy_mm1(n=N, rho=0.9, seed=1):
    """Minimal hand-written simpy M/M/1: a Store and two processes."""
    env = simpy.Environment()
    store = simpy.Store(env)
    rng = np.random.default_rng(seed)
    inter = rng.exponential(1.0 / rho, n).tolist()
    service = rng.exponential(1.0, n).tolist()
    done = [0]

    def source():
        for i in range(n):
            yield env.timeout(inter[i])
            yield store.put(i)

    def server():
        while True:
            i = yield store.get()
            yield env.timeout(service[i])
            done[0] += 1

    env.process(source())
    env.process(server())
    env.run()
    return done[0]


def netsim_chain(hops, n=N):
    sim = ns.Simulation(seed=1)
    net = ns.Network(sim)
    for i in range(hops + 1):
        net.add_node(i)
    for i in range(hops):
        net.add_link(i, i + 1, rate_bps=100e6, delay_s=0.002, bidirectional=False)
    gap = 1000 * 8 / (100e6 * 0.999)
    f = net.add_flow(0, hops, ns.CBR(rate_bps=100e6 * 0.999, packet_size_bytes=1000),
                     stop_s=n * gap - gap / 2, record=True)
    sim.run()
    return f.delivered


def netsim_mm1(n=N, rho=0.9):
    sim = ns.Simulation(seed=1)
    net = ns.Network(sim)
    net.add_node("a")
    net.add_node("b")
    net.add_link("a", "b", rate_bps=8e6, delay_s=0.0, bidirectional=False)  # mu = 1000/s
    lam = rho * 1000.0
    f = net.add_flow("a", "b", ns.Poisson(rate_pps=lam, packet_size_bytes=1000,
                                          size_dist="exponential"), stop_s=n / lam)
    sim.run()
    return f.delivered


def _rate(fn, repeat=3):
    best = np.inf
    count = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        count = fn()
        best = min(best, time.perf_counter() - t0)
    return count / best


def baseline_pps() -> float:
    if "simpy" not in _BASE:
        _BASE["simpy"] = _rate(simpy_mm1)
    return _BASE["simpy"]


def test_baseline_simpy_mm1(benchmark):
    delivered = benchmark.pedantic(simpy_mm1, rounds=3, iterations=1)
    assert delivered == N
    benchmark.extra_info["packets_per_s"] = N / benchmark.stats.stats.min


@pytest.mark.parametrize("case", ["chain1", "chain3", "mm1"])
def test_netsim_packets_per_second(benchmark, case):
    fn = {"chain1": lambda: netsim_chain(1), "chain3": lambda: netsim_chain(3),
          "mm1": netsim_mm1}[case]
    fn()  # warm-up (imports, caches)
    delivered = benchmark.pedantic(fn, rounds=3, iterations=1)
    assert delivered > 0.9 * N
    pps = delivered / benchmark.stats.stats.min
    ratio = pps / baseline_pps()
    benchmark.extra_info.update(packets_per_s=pps, ratio_to_simpy_mm1=ratio)
    print(f"\n{case}: {pps:,.0f} packets/s = {ratio:.2f}x bare simpy M/M/1")
    if case == "chain1" and os.environ.get("NETSIM_BENCH_ASSERT"):
        assert ratio >= 1.0
