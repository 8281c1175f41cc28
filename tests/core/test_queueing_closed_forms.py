"""Packet engine against closed forms of queueing theory.

Each test simulates one queue long enough that the confidence interval of the estimate
is narrow (its relative half width is asserted, so the test can fail), then requires the
closed form to lie inside the run's own 99% interval. Latency samples are correlated:
intervals come from batch means (Law & Kelton, 9.5.3) or independent replications.
"""

from __future__ import annotations

import numpy as np
import pytest
from conftest import single_link

import netsim as ns
from netsim.core.stats import batch_means_ci, mean_ci

MEAN_SIZE_BYTES = 125.0  # 1000 bit
RATE_BPS = 1e6           # so the service rate is mu = 1000 packets/s
MU = RATE_BPS / (8 * MEAN_SIZE_BYTES)
CONF = 0.99
MAX_REL_HALF_WIDTH = 0.05  # the run must be long enough to resolve 5%


def _sojourn(rho, n_packets, size_dist, seed):
    sim, net, _ = single_link(seed=seed, rate_bps=RATE_BPS)
    lam = rho * MU
    f = net.add_flow("a", "b", ns.Poisson(rate_pps=lam, packet_size_bytes=MEAN_SIZE_BYTES,
                                          size_dist=size_dist))
    sim.run(until_s=n_packets / lam)
    lat = f.latencies_s
    return lat[lat.size // 20:]  # drop the first 5% (start from an empty queue)


@pytest.mark.parametrize("rho,n_packets,max_rel", [
    (0.5, 200_000, MAX_REL_HALF_WIDTH),
    # at rho = 0.9 the waiting times are strongly correlated: 1e6 packets resolve 8%
    pytest.param(0.9, 1_000_000, 0.08, marks=pytest.mark.slow),
])
def test_mm1_mean_sojourn(rho, n_packets, max_rel):
    # M/M/1: E[T] = 1 / (mu - lambda) (Kleinrock, Queueing Systems I, eq. 3.26)
    expected = 1.0 / (MU - rho * MU)
    mean, half = batch_means_ci(_sojourn(rho, n_packets, "exponential", seed=11), 30, CONF)
    assert half / mean < max_rel
    assert abs(mean - expected) <= half, (mean, half, expected)


def test_md1_pollaczek_khinchine():
    # M/D/1: E[T] = 1/mu + rho / (2 mu (1 - rho)) (Pollaczek-Khinchine mean-value formula
    # with E[S^2] = 1/mu^2). rho = 0.8: 1 ms + 2 ms = 3 ms.
    rho = 0.8
    expected = 1.0 / MU + rho / (2 * MU * (1 - rho))
    assert expected == pytest.approx(0.003)
    mean, half = batch_means_ci(_sojourn(rho, 300_000, "constant", seed=5), 30, CONF)
    assert half / mean < MAX_REL_HALF_WIDTH
    assert abs(mean - expected) <= half, (mean, half, expected)


@pytest.mark.parametrize("rho,K", [(0.9, 5), (1.5, 3)])
def test_mm1k_loss_probability(rho, K):
    # M/M/1/K blocking (PASTA): P_K = (1 - rho) rho^K / (1 - rho^(K+1)).
    # K counts the packet in service, so the queue holds K - 1 packets.
    expected = (1 - rho) * rho**K / (1 - rho ** (K + 1))
    ratios = []
    for seed in range(10):
        sim, net, link = single_link(seed=100 + seed, rate_bps=RATE_BPS, buffer_packets=K - 1)
        f = net.add_flow("a", "b", ns.Poisson(rate_pps=rho * MU, packet_size_bytes=MEAN_SIZE_BYTES,
                                              size_dist="exponential"))
        sim.run(until_s=20_000 / (rho * MU))
        assert f.lost["buffer_overflow"] == link.drops["buffer_overflow"]
        ratios.append(f.lost["buffer_overflow"] / f.sent)
    mean, half = mean_ci(ratios, CONF)
    assert half / mean < MAX_REL_HALF_WIDTH
    assert abs(mean - expected) <= half, (mean, half, expected)


def test_strict_priority_cobham():
    # Non-preemptive priority M/G/1 (Cobham 1954; Kleinrock, Queueing Systems II, 3.6):
    # W_q,k = R / ((1 - sigma_{k-1}) (1 - sigma_k)), R = sum_i lambda_i E[S_i^2] / 2.
    # Exponential service, mu = 1000/s, rho1 = 0.3, rho2 = 0.5: R = 0.8 / mu = 0.8 ms,
    # E[T1] = 0.8/0.7 + 1 = 2.142857 ms, E[T2] = 0.8/(0.7*0.2) + 1 = 6.714286 ms.
    sim, net, _ = single_link(seed=3, rate_bps=RATE_BPS, scheduler="priority")
    hi = net.add_flow("a", "b", ns.Poisson(rate_pps=300.0, packet_size_bytes=MEAN_SIZE_BYTES,
                                           size_dist="exponential"), priority=0, name="hi")
    lo = net.add_flow("a", "b", ns.Poisson(rate_pps=500.0, packet_size_bytes=MEAN_SIZE_BYTES,
                                           size_dist="exponential"), priority=1, name="lo")
    sim.run(until_s=800.0)
    for flow, expected in ((hi, 2.142857e-3), (lo, 6.714286e-3)):
        lat = flow.latencies_s[flow.latencies_s.size // 20:]
        mean, half = batch_means_ci(lat, 30, CONF)
        assert half / mean < MAX_REL_HALF_WIDTH
        assert abs(mean - expected) <= half, (flow.name, mean, half, expected)


def test_little_law_on_queue():
    # Little's law for the waiting room: E[N_q] = lambda E[W_q]; M/M/1 at rho = 0.7:
    # E[N_q] = rho^2 / (1 - rho) = 1.6333 (Kleinrock eq. 3.25 minus rho).
    rho = 0.7
    sim, net, link = single_link(seed=9, rate_bps=RATE_BPS)
    net.add_flow("a", "b", ns.Poisson(rate_pps=rho * MU, packet_size_bytes=MEAN_SIZE_BYTES,
                                      size_dist="exponential"))
    sim.run(until_s=300.0)
    assert link.mean_queue_packets() == pytest.approx(rho**2 / (1 - rho), rel=0.05)
    assert link.utilization() == pytest.approx(rho, rel=0.02)


def test_tandem_deterministic_latency():
    # Store and forward over 3 hops, no queueing (CBR below the rate): each hop adds
    # serialisation 1000 B * 8 / 100 Mb/s = 80 us and propagation 2 ms: 6.24 ms in all.
    sim = ns.Simulation(seed=0)
    net = ns.Network(sim)
    for i in range(4):
        net.add_node(i)
    for i in range(3):
        net.add_link(i, i + 1, rate_bps=100e6, delay_s=0.002)
    f = net.add_flow(0, 3, ns.CBR(rate_bps=50e6, packet_size_bytes=1000))
    sim.run(until_s=0.1)
    assert f.delivered == pytest.approx(0.1 / 160e-6 - 6.24e-3 / 160e-6, abs=1)
    np.testing.assert_allclose(f.latencies_s, 3 * (80e-6 + 0.002), rtol=0, atol=1e-12)


def test_tandem_bottleneck_queue_grows_at_rate_difference():
    # CBR at 2 Mb/s into a 1 Mb/s hop: the backlog grows by 1 Mb/s, i.e. 125 packets
    # of 1000 B per second; after 10 s about 1250 packets wait (fluid limit).
    sim = ns.Simulation(seed=0)
    net = ns.Network(sim)
    for n in "abc":
        net.add_node(n)
    net.add_link("a", "b", rate_bps=10e6, delay_s=0.0)
    slow = net.add_link("b", "c", rate_bps=1e6, delay_s=0.0)
    net.add_flow("a", "c", ns.CBR(rate_bps=2e6, packet_size_bytes=1000))
    sim.run(until_s=10.0)
    assert slow.queue_packets == pytest.approx(1250, abs=2)
