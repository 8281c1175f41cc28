"""Per-slot scheduler kernel against closed forms: full-buffer goodput, RR/PF shares, HARQ.

- Full-buffer goodput of one UE (TS 38.214 5.1.3.2 TBS, worked by hand below):
  ``TBS x slots/s x (1 - BLER)``: every TB is sent until decoded or max_tx attempts, each
  attempt using the slot; with i.i.d. attempts the decoded TBs per slot is (1 - BLER).
- Proportional fair with equal rates gives round robin's equal shares; with two UEs of
  different rates, PF gives each 1/2 of the slots (Jalali, Padovani, Pankaj, VTC 2000;
  Kelly 1997: PF maximises sum log throughput, i.e. equal time shares for full-buffer
  UEs with static rates).
- HARQ residual TB loss with i.i.d. attempts is ``BLER^max_tx``.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from netsim.radio.scheduler import PF, RR, schedule_slot, tbs_grid_bits

N_PRB = 51  # 20 MHz at 30 kHz SCS, TS 38.101-1 Table 5.3.2-1


def _run(n_slots, cells_of_ue, mcs, bler, kind=PF, max_tx=4, rtt=(4, 3), seed=1,
         directions=(0,)):
    """Full-buffer UEs; returns (delivered bits (2, N), tb_stats (2, N, 2), served slots)."""
    cells_of_ue = np.asarray(cells_of_ue, np.int64)
    n = cells_of_ue.size
    m = int(cells_of_ue.max()) + 1
    order = np.argsort(cells_of_ue, kind="stable")
    ptr = np.concatenate([[0], np.cumsum(np.bincount(cells_of_ue, minlength=m))])
    mcs_a = np.full((2, n), -1, np.int64)
    bler_a = np.ones((2, n))
    for d in directions:
        mcs_a[d] = mcs
        bler_a[d] = bler
    tbs = tbs_grid_bits(N_PRB)
    buf = np.full((2, n), np.inf)
    avg = np.zeros((2, n))
    last = np.zeros((2, n), np.int64)
    ring = max_tx * max(rtt) + 1
    res = np.zeros((2, m, ring), np.int64)
    rng = np.random.default_rng(seed)
    u_pos = np.zeros(1, np.int64)
    rec = np.zeros((2, n), bool)
    dbits = np.zeros((2, n))
    stats = np.zeros((2, n, 2), np.int64)
    out = (np.zeros(2 * n, np.int64), np.zeros(2 * n, np.int64), np.zeros(2 * n),
           np.zeros(2 * n, np.int64))
    active = np.ones(n, bool)
    block = rng.random(1 << 16)
    for k in range(n_slots):
        if block.size - u_pos[0] < 2 * n * max_tx:
            block = rng.random(1 << 16)
            u_pos[0] = 0
        schedule_slot(k, kind, ptr.astype(np.int64), order.astype(np.int64), active, mcs_a,
                      bler_a, N_PRB, tbs, buf, avg, last, res, np.array(rtt, np.int64),
                      max_tx, 0.01, block, u_pos, rec, dbits, stats, *out)
    return dbits, stats, tbs


def _tbs_by_hand_mcs16_51prb() -> int:
    # TS 38.214 5.1.3.2, MCS 16 of Table 5.1.3.1-1: Qm = 4, R = 658/1024; 51 PRBs,
    # 14 symbols, 12 DM-RS REs/PRB, no xOverhead, 1 layer.
    n_re = min(156, 12 * 14 - 12) * 51  # 7956
    n_info = n_re * 658 / 1024 * 4  # 20449.41
    n = math.floor(math.log2(n_info - 24)) - 5  # 9
    n_info_q = max(3840, 2**n * round((n_info - 24) / 2**n))  # 512 * 40 = 20480
    c = math.ceil((n_info_q + 24) / 8424)  # R > 1/4, N'_info > 8424 -> C = 3
    return 8 * c * math.ceil((n_info_q + 24) / (8 * c)) - 24  # 20496


def test_tbs_hand_value_matches_grid():
    assert _tbs_by_hand_mcs16_51prb() == 20496
    assert tbs_grid_bits(N_PRB)[16, N_PRB] == 20496


@pytest.mark.parametrize("bler", [0.0, 0.1, 0.3])
def test_full_buffer_goodput_tbs_times_slots_times_1_minus_bler(bler):
    n_slots = 20000  # 10 s at 2000 slots/s
    dbits, _, _ = _run(n_slots, [0], [16], [bler])
    rate = dbits[0, 0] / (n_slots * 0.5e-3)
    expect = _tbs_by_hand_mcs16_51prb() * 2000 * (1 - bler)  # 40.99, 36.89, 28.69 Mb/s
    # decoded TBs ~ binomial-like over ~n_slots trials: relative sd <= sqrt(p/((1-p) n))
    # = 0.5% at BLER 0.3; 1.5% is 3 sd
    assert rate == pytest.approx(expect, rel=0.015 if bler else 1e-12)


@pytest.mark.parametrize("kind", [RR, PF])
def test_equal_rates_equal_shares(kind):
    n_slots = 6000
    dbits, stats, _ = _run(n_slots, [0, 0, 0], [16, 16, 16], [0.0, 0.0, 0.0], kind=kind)
    share = stats[0, :, 0] / stats[0, :, 0].sum()
    # each of 3 UEs gets 1/3 of the slots (RR exactly; PF to within a few slots)
    np.testing.assert_allclose(share, 1 / 3, atol=0.003)


def test_pf_two_users_different_rates_half_the_time_each():
    n_slots = 20000
    mcs = [4, 20]  # very different rates (TBS 5,000 vs 28,000 bit class)
    dbits, stats, tbs = _run(n_slots, [0, 0], mcs, [0.0, 0.0], kind=PF)
    share = stats[0, :, 0] / n_slots
    np.testing.assert_allclose(share, 0.5, atol=0.005)  # PF: 1/2 of the time each
    # so each gets half its single-user rate
    rate = dbits[0] / (n_slots * 0.5e-3)
    np.testing.assert_allclose(rate, 0.5 * tbs[mcs, N_PRB] * 2000, rtol=0.01)


@pytest.mark.parametrize("p, max_tx", [(0.3, 3), (0.5, 2)])
def test_harq_residual_loss_bler_power_max_tx(p, max_tx):
    # 100 cells with one full-buffer UE each, 3000 slots: ~3e5 / E[attempts] TBs
    n_cells = 100
    _, stats, _ = _run(3000, np.arange(n_cells), [16] * n_cells, [p] * n_cells,
                       max_tx=max_tx, seed=7)
    tbs = stats[0, :, 0].sum()
    lost = stats[0, :, 1].sum()
    expect = p**max_tx  # 0.027, 0.25
    sd = math.sqrt(expect * (1 - expect) / tbs)
    assert abs(lost / tbs - expect) < 4 * sd  # 4 sd: fails if e.g. BLER^(max_tx - 1)
    # goodput per slot is still (1 - p): attempts and retransmissions share the slots
    assert stats[0, :, 0].sum() * (1 - expect) / (3000 * n_cells) == pytest.approx(
        1 - p, rel=0.01)
