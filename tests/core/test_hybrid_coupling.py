"""Packet level and flow level in one run: flow-level load sets the packets' service rate.

With ``FlowLevel(net, packet_share=phi)`` flow-level flows share ``(1 - phi) C`` of a
link of capacity ``C`` max-min fairly and packets are served at what they leave,
``C - R_fluid``. Check against a pure packet-level run: a Poisson probe (exponential
sizes) beside a long-lived flow-level flow that takes ``R = (1 - phi) C`` sees an M/M/1
queue of rate ``(C - R) / S``; the same probe beside a *packet-level* Poisson background
of rate ``R`` sees an M/M/1 queue of rate ``C / S`` and total load ``lambda + R / S``.
Both have the mean sojourn ``1 / ((C - R) / S - lambda)`` (Kleinrock, Queueing Systems I,
eq. 3.26), so the coupled run must match the pure packet-level run and the closed form.
"""

from __future__ import annotations

import pytest

import netsim as ns
from netsim.core.fluid import FlowLevel
from netsim.core.stats import batch_means_ci

C = 2e6            # link capacity (bit/s)
S = 125.0          # mean packet size (bytes): 1000 bit
PHI = 0.5          # packets keep half the link: R = 1 Mb/s of flow-level load
LAM = 700.0        # probe packets/s: rho = 0.7 of what the packets have
EXPECTED = 1.0 / ((C * PHI) / (8 * S) - LAM)  # 1 / (1000 - 700) s = 3.333 ms


def _probe(net):
    return net.add_flow("a", "b", ns.Poisson(rate_pps=LAM, packet_size_bytes=S,
                                             size_dist="exponential"), name="probe")


def _net(seed):
    sim = ns.Simulation(seed=seed)
    net = ns.Network(sim)
    net.add_node("a")
    net.add_node("b")
    link = net.add_link("a", "b", rate_bps=C, delay_s=0.0, bidirectional=False)
    return sim, net, link


def test_coupled_run_matches_pure_packet_run_and_closed_form():
    sim, net, link = _net(seed=5)
    fl = FlowLevel(net, packet_share=PHI)
    fl.add_flow("a", "b", size_bytes=1e15)  # an elephant that never ends
    probe = _probe(net)
    sim.run(until_s=400.0)
    assert link.background_bps == pytest.approx((1 - PHI) * C)
    hybrid, h_half = batch_means_ci(probe.latencies_s[1000:], 30, 0.99)

    sim, net, _ = _net(seed=5)
    probe = _probe(net)
    net.add_flow("a", "b", ns.Poisson(rate_bps=(1 - PHI) * C, packet_size_bytes=S,
                                      size_dist="exponential"), name="background")
    sim.run(until_s=400.0)
    packet, p_half = batch_means_ci(probe.latencies_s[1000:], 30, 0.99)

    for mean, half in ((hybrid, h_half), (packet, p_half)):
        assert half / mean < 0.08
        assert abs(mean - EXPECTED) <= half, (mean, half, EXPECTED)
    assert abs(hybrid - packet) <= h_half + p_half


def test_packets_get_the_link_back_when_flows_finish():
    # a 1 Mbit flow-level flow at (1 - phi) C = 1 Mb/s ends at t = 1 s; a 1000-bit packet
    # sent at 0.5 s is serialised at C - 1 Mb/s = 1 Mb/s (1 ms), one at 1.5 s at 2 Mb/s
    sim, net, link = _net(seed=0)
    fl = FlowLevel(net, packet_share=PHI)
    fl.add_flow("a", "b", size_bytes=125_000)
    f = net.add_flow("a", "b", ns.TraceReplay((0.5, 1.5), (125, 125)))
    sim.run(until_s=2.0)
    assert fl.to_dataframe()["end_s"].tolist() == pytest.approx([1.0])
    assert f.latencies_s.tolist() == pytest.approx([1e-3, 0.5e-3])
    assert link.background_bps == 0.0


def test_packet_share_is_validated():
    sim, net, _ = _net(seed=0)
    with pytest.raises(ns.ParameterError, match="packet_share"):
        FlowLevel(net, packet_share=1.0)
