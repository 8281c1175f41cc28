"""DVB-S2 / DVB-S2X MODCOD thresholds (ETSI EN 302 307-1 Table 13, EN 302 307-2 Table 20a)."""

import math

import numpy as np
import pytest

from netsim.errors import ParameterError
from netsim.space.dvbs2x import es_n0_from_cnr_db, modcod_rate_bps, modcod_table, select_modcod


def test_printed_cells_of_table_13():
    # EN 302 307-1 Table 13: QPSK 1/4 (0.490243 bit/sym, -2.35 dB), 8PSK 3/5 (1.779991, 5.50),
    # 32APSK 9/10 (4.453027, 16.05).
    t = modcod_table("DVB-S2").set_index("modcod")
    assert len(t) == 28
    assert t.loc["QPSK 1/4", "es_n0_db"] == -2.35
    assert t.loc["8PSK 3/5", "spectral_efficiency_bit_per_symbol"] == 1.779991
    assert t.loc["32APSK 9/10", "es_n0_db"] == 16.05


def test_printed_cells_of_table_20a():
    # EN 302 307-2 Table 20a: QPSK 13/45 (0.567805, -2.03 dB), 256APSK 3/4 (5.900855, 19.57).
    t = modcod_table("DVB-S2X").set_index("modcod")
    assert t.loc["QPSK 13/45", "es_n0_db"] == -2.03
    assert t.loc["256APSK 3/4", "spectral_efficiency_bit_per_symbol"] == 5.900855


def test_spectral_efficiency_is_below_modulation_times_rate():
    # eta = log2(M) * rate * (framing efficiency < 1): e.g. QPSK 1/2: 2 * 0.5 = 1 > 0.988858.
    t = modcod_table("DVB-S2")
    bits = t["modulation"].map({"QPSK": 2, "8PSK": 3, "16APSK": 4, "32APSK": 5})
    rate = t["code_rate"].map(lambda s: int(s.split("/")[0]) / int(s.split("/")[1]))
    ratio = t["spectral_efficiency_bit_per_symbol"] / (bits * rate)
    assert np.all((ratio > 0.97) & (ratio < 1.0))


def test_selection_on_thresholds():
    # At exactly 1.00 dB QPSK 1/2 closes (DVB-S2); at 0.99 dB only QPSK 2/5 (-0.30 dB).
    names, eta = select_modcod(np.array([1.00, 0.99, -3.0, 30.0]), standard="DVB-S2")
    assert list(names) == ["QPSK 1/2", "QPSK 2/5", "", "32APSK 9/10"]
    np.testing.assert_allclose(eta, [0.988858, 0.789412, 0.0, 4.453027])
    # A 1 dB margin moves the 1.00 dB case down to QPSK 2/5.
    assert str(select_modcod(1.0, margin_db=1.0, standard="DVB-S2")[0]) == "QPSK 2/5"


def test_selection_never_picks_a_dominated_modcod():
    # At 10.8 dB both 8PSK 8/9 (10.69 dB, 2.646012 bit/sym) and 16APSK 3/4 (10.21 dB,
    # 2.966728) close; the less demanding 16APSK 3/4 is also the more efficient one.
    assert str(select_modcod(10.8, standard="DVB-S2")[0]) == "16APSK 3/4"
    # At 6.5 dB: 8PSK 3/5 (5.50 dB, 1.779991) and QPSK 9/10 (6.42 dB, 1.788612) close;
    # QPSK 9/10 is (slightly) more efficient.
    assert str(select_modcod(6.5, standard="DVB-S2")[0]) == "QPSK 9/10"
    # With DVB-S2X allowed, 16APSK 1/2-L (5.97 dB, 1.972253) beats them and 8PSK 23/36
    # (6.12 dB, 1.896173) at 6.5 dB.
    assert str(select_modcod(6.5, standard="both")[0]) == "16APSK 1/2-L"


def test_rate_from_cnr():
    # 36 MHz at roll-off 0.2: Rs = 30 Msym/s; CNR 3.0 dB -> Es/N0 = 3.0 + 10 log10(1.2)
    # = 3.79 dB -> QPSK 2/3 (3.10 dB, 1.322253 bit/sym) -> 39.67 Mbit/s.
    assert float(es_n0_from_cnr_db(3.0, 0.2)) == pytest.approx(3.0 + 10 * math.log10(1.2))
    r = modcod_rate_bps(3.0, 36e6, roll_off=0.2, standard="DVB-S2")
    assert float(r) == pytest.approx(30e6 * 1.322253)


def test_bad_standard_is_named():
    with pytest.raises(ParameterError, match="standard"):
        modcod_table("DVB-T2")
