"""Latency of one packet on an idle cell = slot alignment + TS 38.214 processing time.

Hand closed form (TS 38.211 V17.0.0 4.1, 4.3.2; TS 38.214 V17.0.0 5.3, 6.4):
  T_c = 1 / (480e3 * 4096) s, kappa = 64, one symbol for processing purposes is
  (2048 + 144) kappa 2^-mu T_c; T_slot = 1 ms / 2^mu.

mu = 1 (30 kHz), capability 1: N1 = 10 symbols (Table 5.3-1), N2 = 12 (Table 6.4-1)
  T_sym = 2192 * 64 / 2 / 1.96608e9 = 35.677083 us
  T_proc,1 = 10 T_sym = 356.77083 us;  T_proc,2 = 12 T_sym = 428.125 us
  K2 = ceil((T_sym + T_proc,2) / T_slot) = ceil(463.80 / 500) = 1
mu = 0 (15 kHz), capability 1: N1 = 8, N2 = 10
  T_sym = 2192 * 64 / 1.96608e9 = 71.354167 us; T_proc,1 = 570.8333 us;
  K2 = ceil(11 * 71.354 / 1000) = ceil(0.785) = 1

A packet reaching the gNB (downlink) or UE (uplink) buffer at t0 = 1.3 ms (not on a slot
boundary) goes in the next slot k = ceil(t0 / T_slot):
  DL: delivered at (k + 1) T_slot + T_proc,1
  UL: granted in slot k, PUSCH in slot k + K2, delivered at (k + K2 + 1) T_slot + T_proc,1
mu = 1: k = 3 -> DL 2.0 + 0.35677083 ms = 2.35677083 ms; UL 2.5 + 0.35677 = 2.85677083 ms
mu = 0: k = 2 -> DL 3.0 + 0.57083333 ms = 3.57083333 ms; UL 4.0 + 0.57083 = 4.57083333 ms
The SINR is fixed at 40 dB so the first attempt succeeds (model BLER < 1e-30).
"""

from __future__ import annotations

import pytest

import netsim as ns
from netsim.radio.ran import RadioAccessNetwork

T0_S = 1.3e-3
BACKHAUL_RATE_BPS = 1e12  # serialisation of 100 B: 8e-10 s
TOL_S = 1e-9  # float time arithmetic and the backhaul serialisation above


def _one_packet(mu: int, direction: str) -> float:
    sim = ns.Simulation(seed=3)
    net = ns.Network(sim)
    net.add_node("srv")
    RadioAccessNetwork(sim, net, site_names=["gnb"], cell_xy_m=[[0.0, 0.0]], cell_site=[0],
                       ue_names=["ue"], ue_xy_m=[[100.0, 0.0]], carrier_hz=3.5e9,
                       bandwidth_hz=20e6, mu=mu, n_prb=51 if mu == 1 else 106,
                       scenario="UMa", los="los", shadow_fading=False, fixed_sinr_db=40.0)
    net.add_link("gnb", "srv", rate_bps=BACKHAUL_RATE_BPS, delay_s=0.0)
    src, dst = ("srv", "ue") if direction == "dl" else ("ue", "srv")
    flow = net.add_flow(src, dst, ns.CBR(rate_bps=800.0, packet_size_bytes=100),
                        start_s=T0_S, stop_s=T0_S + 1e-6)
    sim.run(until_s=0.02)
    assert flow.sent == 1 and flow.delivered == 1
    net.check_conservation()
    return float(flow.latencies_s[0])


@pytest.mark.parametrize("mu, direction, delivered_s", [
    (1, "dl", 2.35677083333e-3),
    (1, "ul", 2.85677083333e-3),
    (0, "dl", 3.57083333333e-3),
    (0, "ul", 4.57083333333e-3),
])
def test_idle_cell_latency_closed_form(mu, direction, delivered_s):
    assert _one_packet(mu, direction) == pytest.approx(delivered_s - T0_S, abs=TOL_S)
