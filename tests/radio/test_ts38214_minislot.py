"""Non-slot-based (mini-slot) scheduling: TS 38.214 5.1.2.1 (mapping type B), 5.3 (d_1,1),
6.4, 5.1.3.2 (TBS with N_symb^sh = L), worked by hand and checked against simulated runs.

Frame timing (TS 38.211 V17.0.0 4.1, 5.3.1): T_c = 1 / (480e3 * 4096) s, kappa = 64;
one symbol for processing purposes T_sym = (2048 + 144) kappa 2^-mu T_c =
71.354167 us (mu 0), 35.677083 us (mu 1), 17.838542 us (mu 2). Symbols 0 and 7 * 2^mu of
each subframe carry 16 kappa T_c = 0.5208 us of extra cyclic prefix, which the windows
below (in whole symbols) leave out: it is the tolerance ``CP_EXTRA_S`` per 0.5 ms.

Processing (TS 38.214 V17.0.0 Tables 5.3-1/5.3-2, 6.4-1/6.4-2), in symbols:
  N1 cap 1: 8, 10, 17 (mu 0, 1, 2); cap 2: 3, 4.5, 9
  N2 cap 1: 10, 12, 23;             cap 2: 5, 5.5, 11
d_1,1 for PDSCH mapping type B (TS 38.214 5.3), PDCCH in a 1-symbol CORESET at the start
of the mini-slot, overlapping the PDSCH by d = 1 symbol:
  cap 1: L = 7: 0; L = 4: 7 - L = 3; L = 2: 3 + d = 4
  cap 2: L = 7: 0; L = 4: d = 1;     L = 2: d = 1
  T1 = N1 + d_1,1 (symbols).

Occasions (PDCCH monitoring at every mini-slot): symbols 0, L, 2L, ... of each slot:
  L = 2: every 2 symbols (gap 2); L = 7: 0, 7 (gap 7); L = 4: 0, 4, 8 (gaps 6, 4, 4:
  symbols 12-13 carry no data).
Downlink: a packet waits for the next occasion, fills L symbols, is decoded T1 after:
  window [L + T1, max_gap + L + T1].
Uplink: grant in the first symbol of occasion g (at symbol s_g), PUSCH in the first
occasion starting at least 1 + N2 symbols after s_g (p), decoded T1 after its end:
  latency from an arrival just before g: (p - s_g) + L + T1; just after the previous
  occasion: add the gap before g. Window [min over g, max over g].

Worked out (symbols; "->" is the first occasion at or after the threshold):

L = 2 (p - s_g = 1 + N2 rounded up to even):
  mu0 c1: T1 = 8 + 4 = 12; DL [2 + 12, 4 + 12] = [14, 16]; UL 11 -> 12: [12 + 2 + 12, +2] = [26, 28]
  mu0 c2: T1 = 3 + 1 = 4;  DL [6, 8];   UL 6 -> 6:     [6 + 2 + 4, +2] = [12, 14]
  mu1 c1: T1 = 10 + 4 = 14; DL [16, 18]; UL 13 -> 14:  [14 + 2 + 14, +2] = [30, 32]
  mu1 c2: T1 = 4.5 + 1 = 5.5; DL [7.5, 9.5]; UL 6.5 -> 8: [8 + 2 + 5.5, +2] = [15.5, 17.5]
  mu2 c1: T1 = 17 + 4 = 21; DL [23, 25]; UL 24 -> 24:  [24 + 2 + 21, +2] = [47, 49]
  mu2 c2: T1 = 9 + 1 = 10;  DL [12, 14]; UL 12 -> 12:  [12 + 2 + 10, +2] = [24, 26]
L = 7 (occasions at 0, 7, 14, 21, 28, ...):
  mu0 c1: T1 = 8;   DL [7 + 8, 14 + 8] = [15, 22]; UL 11 -> 14: [14 + 7 + 8, +7] = [29, 36]
  mu0 c2: T1 = 3;   DL [10, 17];   UL 6 -> 7:     [7 + 7 + 3, +7] = [17, 24]
  mu1 c1: T1 = 10;  DL [17, 24];   UL 13 -> 14:   [14 + 7 + 10, +7] = [31, 38]
  mu1 c2: T1 = 4.5; DL [11.5, 18.5]; UL 6.5 -> 7: [7 + 7 + 4.5, +7] = [18.5, 25.5]
  mu2 c1: T1 = 17;  DL [24, 31];   UL 24 -> 28:   [28 + 7 + 17, +7] = [52, 59]
  mu2 c2: T1 = 9;   DL [16, 23];   UL 12 -> 14:   [14 + 7 + 9, +7] = [30, 37]
  (from s_g = 7 the thresholds and offsets are the same: e.g. mu2 c1 31 -> 35.)
L = 4 (occasions at 0, 4, 8, 14, 18, 22, 28, 32, 36, ...; DL [4 + T1, 10 + T1]):
  mu0 c1: T1 = 8 + 3 = 11;  DL [15, 21]; UL s_g + 11: 0: 11 -> 14, 4: 15 -> 18, 8: 19 -> 22
          (p - s_g = 14 for all): [14 + 4 + 11, 6 + 29] = [29, 35]
  mu0 c2: T1 = 3 + 1 = 4;   DL [8, 14];  UL s_g + 6: 0: 6 -> 8 (8), 4: 10 -> 14 (10),
          8: 14 -> 14 (6); latencies 8+4+4 = 16, 18, 14; with gaps 6+16 = 22, 4+18 = 22,
          4+14 = 18: [14, 22]
  mu1 c1: T1 = 10 + 3 = 13; DL [17, 23]; UL s_g + 13 -> +14 for all g: [31, 37]
  mu1 c2: T1 = 4.5 + 1 = 5.5; DL [9.5, 15.5]; UL s_g + 6.5: 0 -> 8 (8), 4 -> 14 (10),
          8 -> 18 (10); latencies 17.5, 19.5, 19.5; with gaps 23.5, 23.5, 23.5: [17.5, 23.5]
  mu2 c1: T1 = 17 + 3 = 20; DL [24, 30]; UL s_g + 24: 0: 24 -> 28 (28), 4: 28 -> 28 (24),
          8: 32 -> 32 (24); latencies 52, 48, 48; with gaps 58, 52, 52: [48, 58]
  mu2 c2: T1 = 9 + 1 = 10;  DL [14, 20]; UL s_g + 12 -> +14 for all g: [28, 34]

(At a tie, e.g. mu2 c1 L = 4 from s_g = 8, the occasion at symbol 32 qualifies: it starts
after one more long-CP symbol than s_g does, so at least T_sym + T_proc,2 later.)
"""

from __future__ import annotations

import numpy as np
import pytest

import netsim as ns
from netsim.errors import ParameterError
from netsim.radio.harq import d11_type_b_symbols, minislot_timing
from netsim.radio.ran import RadioAccessNetwork
from netsim.radio.scheduler import tbs_grid_bits

T_C_S = 1.0 / (480e3 * 4096)                              # TS 38.211 4.1
T_SYM_S = {mu: (2048 + 144) * 64 * 2.0**-mu * T_C_S for mu in (0, 1, 2)}
CP_EXTRA_S = 16 * 64 * T_C_S                              # 0.5208 us per 0.5 ms

# (L, mu, capability): (DL window, UL window) in symbols, worked out in the docstring
WINDOWS_SYM = {
    (2, 0, 1): ((14, 16), (26, 28)), (2, 0, 2): ((6, 8), (12, 14)),
    (2, 1, 1): ((16, 18), (30, 32)), (2, 1, 2): ((7.5, 9.5), (15.5, 17.5)),
    (2, 2, 1): ((23, 25), (47, 49)), (2, 2, 2): ((12, 14), (24, 26)),
    (4, 0, 1): ((15, 21), (29, 35)), (4, 0, 2): ((8, 14), (14, 22)),
    (4, 1, 1): ((17, 23), (31, 37)), (4, 1, 2): ((9.5, 15.5), (17.5, 23.5)),
    (4, 2, 1): ((24, 30), (48, 58)), (4, 2, 2): ((14, 20), (28, 34)),
    (7, 0, 1): ((15, 22), (29, 36)), (7, 0, 2): ((10, 17), (17, 24)),
    (7, 1, 1): ((17, 24), (31, 38)), (7, 1, 2): ((11.5, 18.5), (18.5, 25.5)),
    (7, 2, 1): ((24, 31), (52, 59)), (7, 2, 2): ((16, 23), (30, 37)),
}
MAX_GAP_SYM = {2: 2, 4: 6, 7: 7}

# 1000 Poisson probes per direction: the chance that none arrives within 5 % of the
# longest gap of its edge (the gap is 6/14 of the time for L = 4) is at most
# (1 - 0.05 * 6 / 14)^1000 < 1e-9, so the sample extremes lie that close to the bounds.
EDGE_FRACTION = 0.05
PROBE_RATE_PPS = 4000.0
DURATION_S = 0.25


def _run(mu: int, cap: int, minislot: int):
    sim = ns.Simulation(seed=11)
    net = ns.Network(sim)
    net.add_node("srv")
    RadioAccessNetwork(sim, net, site_names=["gnb"], cell_xy_m=[[0.0, 0.0]], cell_site=[0],
                       ue_names=["ue"], ue_xy_m=[[100.0, 0.0]], carrier_hz=3.5e9,
                       bandwidth_hz=20e6, mu=mu, n_prb=24, scenario="UMa", los="los",
                       shadow_fading=False, fixed_sinr_db=40.0, capability=cap, max_tx=1,
                       minislot_symbols=minislot)
    net.add_link("gnb", "srv", rate_bps=1e12, delay_s=0.0)  # 32 B: 2.6e-10 s
    traffic = ns.Poisson(rate_pps=PROBE_RATE_PPS, packet_size_bytes=32)
    dl = net.add_flow("srv", "ue", traffic, start_s=1e-3, stop_s=DURATION_S)
    ul = net.add_flow("ue", "srv", traffic, start_s=1e-3, stop_s=DURATION_S)
    sim.run(until_s=DURATION_S + 0.01)
    net.check_conservation()
    return np.asarray(dl.latencies_s), np.asarray(ul.latencies_s)


@pytest.mark.parametrize("minislot, mu, cap", sorted(WINDOWS_SYM))
def test_first_transmission_window(minislot, mu, cap):
    lat_dl, lat_ul = _run(mu, cap, minislot)
    t_sym = T_SYM_S[mu]
    edge = EDGE_FRACTION * MAX_GAP_SYM[minislot] * t_sym
    for lat, (lo_sym, hi_sym) in zip((lat_dl, lat_ul), WINDOWS_SYM[(minislot, mu, cap)]):
        assert lat.size > 800
        lo, hi = lo_sym * t_sym, hi_sym * t_sym
        # long-CP extensions inside a window of length hi: one per 0.5 ms, plus one
        cp = (np.floor(hi / 0.5e-3) + 2) * CP_EXTRA_S
        assert lo - 1e-9 <= lat.min() <= lo + cp + edge
        assert hi - edge <= lat.max() <= hi + cp


def test_harq_rtt_by_hand():
    # mu 1, capability 2, L = 7 (T1 = 4.5, T2 = 5.5 symbols; occasions at 0, 7, 14, ...):
    # DL TB in occasion 0 ends at 7; + T1 -> 11.5: HARQ-ACK in the occasion at 14, which
    # ends at 21; + T2 -> 26.5: retransmission at 28 = occasion 4 -> RTT 4 occasions.
    # UL grant at 0: 1 + N2 = 6.5 -> PUSCH at 7 (K2 = 1 occasion), ends at 14; + T1 ->
    # 18.5: new grant at 21 = occasion 3 -> RTT 3 occasions.
    m = minislot_timing(1, 2, 4, 7)
    assert m.rtt_dl_occ.tolist() == [4, 4]
    assert m.rtt_ul_occ.tolist() == [3, 3]
    assert m.k2_occ.tolist() == [1, 1]
    # mu 0, capability 1, L = 2 (T1 = 12, T2 = 10): DL TB at 0 ends at 2; + 12 -> ACK at 14
    # (ends 16); + 10 -> 26 = occasion 13. UL: PUSCH at 12 (K2 = 6), ends at 14; + 12 ->
    # grant at 26 = occasion 13.
    m = minislot_timing(0, 1, 4, 2)
    assert set(m.rtt_dl_occ.tolist()) == {13}
    assert set(m.rtt_ul_occ.tolist()) == {13}
    assert set(m.k2_occ.tolist()) == {6}


@pytest.mark.parametrize("cap, length, d11", [
    (1, 2, 4.0), (1, 4, 3.0), (1, 7, 0.0), (2, 2, 1.0), (2, 4, 1.0), (2, 7, 0.0), (1, 14, 0.0)])
def test_d11_type_b(cap, length, d11):
    # TS 38.214 5.3 with d = 1 overlapping PDCCH symbol (docstring)
    assert d11_type_b_symbols(length, cap) == d11


@pytest.mark.parametrize("length, tbs", [(2, 152), (4, 480), (7, 984)])
def test_tbs_minislot(length, tbs):
    # TS 38.214 5.1.3.2, MCS 10 of Table 5.1.3.1-1 (Q_m = 4, R = 340/1024), 10 PRB, one
    # layer, N_DMRS^PRB = 12 (one type-B DM-RS symbol), N_oh = 0:
    #  L = 2: N'_RE = 12*2 - 12 = 12;  N_RE = 120; N_info = 120*340/1024*4 = 159.375;
    #         n = max(3, floor(log2 159.375) - 6) = 3; N'_info = 8 floor(159.375/8) = 152;
    #         Table 5.1.3.2-1: smallest >= 152 is 152.
    #  L = 4: N'_RE = 36; N_RE = 360; N_info = 478.125; n = 3; N'_info = 8*59 = 472 -> 480.
    #  L = 7: N'_RE = 72; N_RE = 720; N_info = 956.25; n = 3; N'_info = 8*119 = 952 -> 984.
    assert tbs_grid_bits(10, 1, n_symbols=length)[10, 10] == tbs


def test_ran_uses_minislot_tbs():
    sim = ns.Simulation(seed=1)
    net = ns.Network(sim)
    ran = RadioAccessNetwork(sim, net, site_names=["gnb"], cell_xy_m=[[0.0, 0.0]],
                             cell_site=[0], ue_names=["ue"], ue_xy_m=[[100.0, 0.0]],
                             carrier_hz=3.5e9, bandwidth_hz=20e6, mu=1, n_prb=24,
                             scenario="UMa", los="los", shadow_fading=False,
                             fixed_sinr_db=40.0, minislot_symbols=4)
    assert ran.tbs_bits[10, 10] == 480  # the hand-worked value above


@pytest.mark.parametrize("bad", [3, 1, 5, 6, 13, 0, "7", True])
def test_bad_minislot_symbols_raise(bad):
    with pytest.raises(ParameterError) as err:
        minislot_timing(1, 1, 4, bad)
    assert err.value.field == "minislot_symbols"
    assert "Table 5.1.2.1-1" in err.value.source
    assert "2, 4, 7" in err.value.allowed
    sim = ns.Simulation(seed=1)
    with pytest.raises(ParameterError):
        RadioAccessNetwork(sim, ns.Network(sim), site_names=["gnb"], cell_xy_m=[[0.0, 0.0]],
                           cell_site=[0], ue_names=["ue"], ue_xy_m=[[100.0, 0.0]],
                           carrier_hz=3.5e9, bandwidth_hz=20e6, mu=1, n_prb=24,
                           scenario="UMa", los="los", minislot_symbols=bad)
