"""Traffic sources: counts and rates against their definitions."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import single_link

import netsim as ns
from netsim.core.stats import mean_ci


def test_cbr_packet_times():
    sim, net, _ = single_link(rate_bps=1e9)
    f = net.add_flow("a", "b", ns.CBR(rate_bps=8e5, packet_size_bytes=100), start_s=0.25,
                     stop_s=1.25)
    sim.run(until_s=2.0)
    # one 800-bit packet per ms in [0.25, 1.25): 1000 packets
    assert f.sent == 1000
    send_times = f.delivery_times_s - f.latencies_s
    np.testing.assert_allclose(np.diff(send_times), 1e-3, atol=1e-12)


def test_poisson_count_is_poisson():
    # N(T) ~ Poisson(lambda T): mean and variance both lambda T = 1000 over replications
    counts = []
    for seed in range(40):
        sim, net, _ = single_link(seed=seed, rate_bps=1e9)
        f = net.add_flow("a", "b", ns.Poisson(rate_pps=100.0))
        sim.run(until_s=10.0)
        counts.append(f.sent)
    mean, half = mean_ci(counts, 0.99)
    assert abs(mean - 1000) <= half
    assert np.var(counts, ddof=1) == pytest.approx(1000, rel=0.5)  # chi2(39): +-45% at 99%


def test_onoff_mean_rate():
    # mean rate = peak * E[on] / (E[on] + E[off]) = 1e6 * 0.1 / 0.4 = 250 kb/s
    spec = ns.OnOff(peak_rate_bps=1e6, mean_on_s=0.1, mean_off_s=0.3, dist="exponential",
                    packet_size_bytes=125)
    assert spec.mean_rate_bps() == pytest.approx(2.5e5)
    sim, net, _ = single_link(seed=4, rate_bps=1e9)
    f = net.add_flow("a", "b", spec)
    sim.run(until_s=400.0)
    assert 8 * f.sent_bytes / 400.0 == pytest.approx(2.5e5, rel=0.05)


def test_trace_replay_exact(tmp_path):
    p = tmp_path / "trace.csv"
    p.write_text("time_s,size_bytes\n0.0,100\n0.5,200\n0.75,300\n")
    sim, net, _ = single_link(rate_bps=8e5, delay_s=0.01)
    f = net.add_flow("a", "b", ns.TraceReplay.from_csv(p), start_s=1.0)
    sim.run(until_s=3.0)
    # delivery = start + t + size * 8 / 8e5 + 0.01
    assert f.delivery_times_s.tolist() == pytest.approx([1.011, 1.512, 1.763])


def test_trace_errors_name_line_and_field(tmp_path):
    p = tmp_path / "bad.csv"
    p.write_text("time_s,size_bytes\n0.0,100\nx,200\n")
    with pytest.raises(ns.ParameterError, match="line 3"):
        ns.TraceReplay.from_csv(p)
    with pytest.raises(ns.ParameterError, match=r"times_s\[1\]"):
        ns.TraceReplay((0.5, 0.1), (1, 1))
