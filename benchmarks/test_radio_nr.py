"""NR link layer speed: TBS and MCS selection for 1e6 UEs vs plain-Python baselines.

netsim: ``transport_block_size`` (numba kernel over arrays) and ``select_mcs`` (one
``searchsorted``) on 1,000,000 UEs. Baselines, in the same run: a plain-Python loop over the
TS 38.214 5.1.3.2 steps (``math`` only) and a plain-Python threshold scan per UE, timed on
20,000 UEs and compared per UE. The baselines also check the kernel's output on their
subset. Numba compile time is excluded by a warm-up call.

Run: ``pytest benchmarks/test_radio_nr.py --benchmark-only -s`` (or plain pytest for the ratio
tests, which print the per-UE speed-up).
"""

from __future__ import annotations

import bisect
import math

import numpy as np
import pytest
from timing import best_of

from netsim.radio.nr import mcs_table, select_mcs, tbs_table_bits, transport_block_size
from netsim.radio.nr.bler import mcs_sinr_threshold_db

N_UE = 1_000_000
N_BASE = 20_000


@pytest.fixture(scope="module")
def ues():
    rng = np.random.default_rng(0)
    n_prb = rng.integers(1, 274, N_UE)
    mcs = rng.integers(0, 29, N_UE)
    layers = rng.integers(1, 5, N_UE)
    sinr = rng.uniform(-10, 30, N_UE)
    transport_block_size(n_prb[:10], mcs[:10], n_layers=layers[:10])  # warm-up (compile)
    return n_prb, mcs, layers, sinr


def _tbs_python(n_prb, mcs, layers, qm_t, r_t, table):
    out = []
    for p, m, v in zip(n_prb, mcs, layers):
        qm, r = qm_t[m], r_t[m] / 1024.0
        n_info = min(156, 12 * 14 - 12) * p * r * qm * v
        if n_info <= 3824:
            n = max(3, int(math.floor(math.log2(n_info))) - 6)
            nip = max(24, 2**n * math.floor(n_info / 2**n))
            out.append(table[bisect.bisect_left(table, nip)])
            continue
        n = int(math.floor(math.log2(n_info - 24))) - 5
        nip = max(3840, 2**n * math.floor((n_info - 24) / 2**n + 0.5))
        if r <= 0.25:
            c = math.ceil((nip + 24) / 3816)
        elif nip > 8424:
            c = math.ceil((nip + 24) / 8424)
        else:
            c = 1
        out.append(int(8 * c * math.ceil((nip + 24) / (8 * c)) - 24))
    return out


def _select_python(sinr, th, se):
    order = sorted((t, i) for i, t in enumerate(th) if t == t)
    out = []
    for s in sinr:
        best, best_se = -1, -1.0
        for t, i in order:
            if t > s:
                break
            if se[i] >= best_se:
                best, best_se = i, se[i]
        out.append(best)
    return out


def test_tbs_netsim_1e6(benchmark, ues):
    n_prb, mcs, layers, _ = ues
    benchmark.group = "nr-tbs-per-ue"
    benchmark.pedantic(transport_block_size, args=(n_prb, mcs), kwargs={"n_layers": layers},
                       rounds=3, warmup_rounds=1)
    benchmark.extra_info["ues_per_s"] = N_UE / benchmark.stats.stats.min


def test_tbs_ratio_vs_plain_python(ues):
    n_prb, mcs, layers, _ = ues
    t = mcs_table(1)
    qm_t, r_t = t.modulation_order.tolist(), t.code_rate_x1024.tolist()
    table = tbs_table_bits().tolist()
    sub = (n_prb[:N_BASE].tolist(), mcs[:N_BASE].tolist(), layers[:N_BASE].tolist())
    ref = _tbs_python(*sub, qm_t, r_t, table)
    got = transport_block_size(n_prb, mcs, n_layers=layers)
    np.testing.assert_array_equal(got[:N_BASE], ref)
    t_net = best_of(lambda: transport_block_size(n_prb, mcs, n_layers=layers)) / N_UE
    t_py = best_of(lambda: _tbs_python(*sub, qm_t, r_t, table), repeats=2) / N_BASE
    print(f"\nTBS: netsim {1 / t_net:.3g} UE/s, plain Python {1 / t_py:.3g} UE/s, "
          f"ratio {t_py / t_net:.0f}x")
    assert t_py / t_net > 1.0


def test_select_mcs_netsim_1e6(benchmark, ues):
    sinr = ues[3]
    benchmark.group = "nr-select-mcs-per-ue"
    benchmark.pedantic(select_mcs, args=(sinr,), rounds=3, warmup_rounds=1)
    benchmark.extra_info["ues_per_s"] = N_UE / benchmark.stats.stats.min


def test_select_mcs_ratio_vs_plain_python(ues):
    sinr = ues[3]
    t = mcs_table(1)
    th = mcs_sinr_threshold_db(1).tolist()
    se = np.where(t.valid, t.modulation_order * np.nan_to_num(t.code_rate_x1024) / 1024, -1)
    sub = sinr[:N_BASE].tolist()
    ref = _select_python(sub, th, se.tolist())
    np.testing.assert_array_equal(select_mcs(sinr)[:N_BASE], ref)
    t_net = best_of(lambda: select_mcs(sinr)) / N_UE
    t_py = best_of(lambda: _select_python(sub, th, se.tolist()), repeats=2) / N_BASE
    print(f"\nselect_mcs: netsim {1 / t_net:.3g} UE/s, plain Python {1 / t_py:.3g} UE/s, "
          f"ratio {t_py / t_net:.0f}x")
    assert t_py / t_net > 1.0
