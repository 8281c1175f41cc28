"""HARQ timing from TS 38.214 V17.0.0 processing times (Tables 5.3-1/-2, 6.4-1/-2),
worked by hand with T_proc = N (2048 + 144) kappa 2^-mu T_c (kappa = 64,
T_c = 1 / (480e3 * 4096) s, TS 38.211 4.1), T_slot = 1 ms / 2^mu:

RTT_DL = 2 + ceil(T_proc,1 / T_slot) + ceil(T_proc,2 / T_slot)
RTT_UL = 1 + ceil(T_proc,1 / T_slot) + K2,  K2 = ceil((T_sym + T_proc,2) / T_slot)

mu  cap  N1    N2    T_sym/T_slot  N1/14    N2/14   (N2+1)/14        -> DL UL K2
0   1    8     10    2192/30720    0.571    0.714   0.785            ->  4  3  1
1   1    10    12    (same ratio)  0.714    0.857   0.928            ->  4  3  1
2   1    17    23                  1.214    1.643   1.713            ->  6  5  2
3   1    20    36                  1.428    2.569   2.641            ->  7  6  3
1   2    4.5   5.5                 0.321    0.393   0.464            ->  4  3  1
(T_sym / T_slot = 2192 * 64 / 2^mu / 1.96608e9 / (1e-3 / 2^mu) = 0.0713542 = 1/14.0146.)
"""

from __future__ import annotations

import pytest

from netsim.errors import ParameterError
from netsim.radio.harq import harq_timing, processing_symbols, processing_time_s


@pytest.mark.parametrize("mu, cap, n1, n2, dl, ul, k2", [
    (0, 1, 8, 10, 4, 3, 1),
    (1, 1, 10, 12, 4, 3, 1),
    (2, 1, 17, 23, 6, 5, 2),
    (3, 1, 20, 36, 7, 6, 3),
    (1, 2, 4.5, 5.5, 4, 3, 1),
])
def test_rtt_from_processing_tables(mu, cap, n1, n2, dl, ul, k2):
    assert processing_symbols(mu, cap) == (n1, n2)
    h = harq_timing(mu, cap)
    assert (h.rtt_dl_slots, h.rtt_ul_slots, h.k2_slots) == (dl, ul, k2)


def test_processing_time_seconds():
    # mu = 1, N1 = 10: 10 * 2192 * 64 / 2 / (480e3 * 4096) = 356.7708 us
    assert processing_time_s(10, 1) == pytest.approx(356.7708333e-6, rel=1e-9)


def test_capability_2_undefined_for_mu3():
    with pytest.raises(ParameterError):
        processing_symbols(3, 2)
