"""Numerologies, slot and symbol timing: TS 38.211 V17.4.0 4.1, 4.2 (Table 4.2-1),
4.3.2 (Tables 4.3.2-1, 4.3.2-2), 5.3.1; mini-slots: TS 38.214 V15 Table 5.1.2.1-1."""

import numpy as np
import pytest

from netsim.errors import ParameterError
from netsim.radio.nr import (
    T_C_S,
    mini_slot_duration_s,
    numerology,
    slot_duration_s,
    subcarrier_spacing_hz,
    symbol_durations_s,
)

# T_c = 1 / (480e3 * 4096) s = 1 / 1.96608e9 s (TS 38.211 4.1).
TC = 1.0 / 1.96608e9
REL = 1e-12  # float64 rounding of sums of ~30 terms


def test_basic_time_unit():
    assert T_C_S == pytest.approx(TC, rel=REL)


@pytest.mark.parametrize(
    "mu, scs_hz, n_slot_subframe, n_slot_frame",
    # Table 4.2-1: 15 * 2^mu kHz; Table 4.3.2-1: 2^mu slots/subframe, 10 * 2^mu slots/frame.
    [(0, 15e3, 1, 10), (1, 30e3, 2, 20), (2, 60e3, 4, 40), (3, 120e3, 8, 80),
     (4, 240e3, 16, 160), (5, 480e3, 32, 320), (6, 960e3, 64, 640)],
)
def test_table_4_2_1_and_4_3_2_1(mu, scs_hz, n_slot_subframe, n_slot_frame):
    n = numerology(mu)
    assert n.scs_hz == scs_hz == subcarrier_spacing_hz(mu)
    assert n.symbols_per_slot == 14
    assert n.slots_per_subframe == n_slot_subframe
    assert n.slots_per_frame == n_slot_frame
    assert n.slot_duration_s == pytest.approx(1e-3 / n_slot_subframe, rel=REL)
    assert slot_duration_s(mu) == n.slot_duration_s


def test_table_4_3_2_2_extended_cp():
    n = numerology(2, "extended")
    assert (n.symbols_per_slot, n.slots_per_frame, n.slots_per_subframe) == (12, 40, 4)


def test_symbol_durations_mu0_by_hand():
    # 5.3.1, mu = 0: N_u = 2048*64 = 131072 T_c; N_CP = 144*64 = 9216 T_c, plus 16*64 = 1024
    # for l = 0 and l = 7. Long symbol 141312 T_c = 71.875 us; others 140288 T_c = 71.3542 us.
    d = symbol_durations_s(0)
    assert d.size == 14
    assert d[0] == pytest.approx(141312 * TC, rel=REL) == pytest.approx(71.875e-6, rel=REL)
    assert d[7] == pytest.approx(141312 * TC, rel=REL)
    assert d[1] == pytest.approx(140288 * TC, rel=REL)
    assert np.sum(d) == pytest.approx(1e-3, rel=REL)


def test_symbol_durations_mu6_by_hand():
    # mu = 6: N_u = 2048 T_c, N_CP = 144 T_c, long CP 144 + 1024 = 1168 T_c at l = 0, 448.
    d = symbol_durations_s(6)
    assert d.size == 14 * 64
    assert d[0] == pytest.approx(3216 * TC, rel=REL)
    assert d[448] == pytest.approx(3216 * TC, rel=REL)
    assert d[1] == pytest.approx(2192 * TC, rel=REL)
    assert np.count_nonzero(d > d[1] * 1.01) == 2
    assert np.sum(d) == pytest.approx(1e-3, rel=REL)


def test_symbol_durations_extended_by_hand():
    # mu = 2 extended: (2048 + 512) * 16 T_c = 40960 T_c = 20.8333 us, 48 per subframe.
    d = symbol_durations_s(2, "extended")
    assert d.size == 48
    np.testing.assert_allclose(d, 40960 * TC, rtol=REL)


def test_mini_slot_durations_by_hand():
    # mu = 1: N_u = 65536 T_c; symbol 0 has CP 144*32 + 1024 = 5632, the others 4608 T_c.
    # 2 symbols from 0: 71168 + 70144 = 141312 T_c; 7 from 0: 71168 + 6*70144 = 492032 T_c;
    # 4 from 2: 4 * 70144 = 280576 T_c.
    assert mini_slot_duration_s(1, 2) == pytest.approx(141312 * TC, rel=REL)
    assert mini_slot_duration_s(1, 7) == pytest.approx(492032 * TC, rel=REL)
    assert mini_slot_duration_s(1, 4, start_symbol=2) == pytest.approx(280576 * TC, rel=REL)


@pytest.mark.parametrize(
    "call, field",
    [
        (lambda: numerology(7), "mu"),
        (lambda: numerology(-1), "mu"),
        (lambda: numerology(1, "extended"), "mu"),
        (lambda: numerology(2, "long"), "cyclic_prefix"),
        (lambda: mini_slot_duration_s(1, 3), "n_symbols"),
        (lambda: mini_slot_duration_s(1, 7, start_symbol=8), "start_symbol"),
    ],
)
def test_errors(call, field):
    with pytest.raises(ParameterError) as exc:
        call()
    assert exc.value.field == field
