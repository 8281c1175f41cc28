"""MCS tables (TS 38.214 V17.4.0 Tables 5.1.3.1-1/-2/-3) and CQI tables (5.2.2.1-2/-3/-4):
printed cells spot-checked; the printed spectral efficiency equals Q_m * R / 1024 rounded to
4 decimals on every row (an independent check of each Q_m and R cell)."""

import numpy as np
import pytest

from netsim.errors import ParameterError
from netsim.radio.nr import cqi_table, mcs_table, tbs_table_bits


@pytest.mark.parametrize(
    "table, idx, qm, r, se",
    [
        (1, 0, 2, 120, 0.2344), (1, 9, 2, 679, 1.3262), (1, 10, 4, 340, 1.3281),
        (1, 17, 6, 438, 2.5664), (1, 28, 6, 948, 5.5547),
        (2, 0, 2, 120, 0.2344), (2, 20, 8, 682.5, 5.3320), (2, 26, 8, 916.5, 7.1602),
        (2, 27, 8, 948, 7.4063),
        (3, 0, 2, 30, 0.0586), (3, 5, 2, 99, 0.1934), (3, 15, 4, 340, 1.3281),
        (3, 28, 6, 772, 4.5234),
    ],
)
def test_mcs_cells(table, idx, qm, r, se):
    t = mcs_table(table)
    assert (t.modulation_order[idx], t.code_rate_x1024[idx], t.spectral_efficiency[idx]) == (
        qm, r, se,
    )


@pytest.mark.parametrize(
    "table, reserved, qm_reserved",
    [
        (1, range(29, 32), (2, 4, 6)),
        (2, range(28, 32), (2, 4, 6, 8)),
        (3, range(29, 32), (2, 4, 6)),
    ],
)
def test_mcs_reserved_rows(table, reserved, qm_reserved):
    t = mcs_table(table)
    assert t.index.size == 32
    assert np.all(np.isnan(t.code_rate_x1024[list(reserved)]))
    assert tuple(t.modulation_order[list(reserved)]) == qm_reserved


@pytest.mark.parametrize(
    "table, cqi, qm, r, se",
    [
        (1, 1, 2, 78, 0.1523), (1, 7, 4, 378, 1.4766), (1, 15, 6, 948, 5.5547),
        (2, 2, 2, 193, 0.3770), (2, 12, 8, 711, 5.5547), (2, 15, 8, 948, 7.4063),
        (3, 1, 2, 30, 0.0586), (3, 2, 2, 50, 0.0977), (3, 15, 6, 772, 4.5234),
    ],
)
def test_cqi_cells(table, cqi, qm, r, se):
    t = cqi_table(table)
    assert (t.modulation_order[cqi], t.code_rate_x1024[cqi], t.spectral_efficiency[cqi]) == (
        qm, r, se,
    )
    assert np.isnan(t.code_rate_x1024[0])  # CQI 0: out of range


@pytest.mark.parametrize("getter, number", [(mcs_table, n) for n in (1, 2, 3)]
                         + [(cqi_table, n) for n in (1, 2, 3)])
def test_spectral_efficiency_column_is_qm_times_rate(getter, number):
    t = getter(number)
    v = t.valid
    se = t.modulation_order[v] * t.code_rate_x1024[v] / 1024.0
    # Printed to 4 decimals: |printed - exact| <= 0.5e-4 (+ float slack).
    np.testing.assert_array_less(np.abs(t.spectral_efficiency[v] - se), 0.5e-4 + 1e-9)


def test_tbs_table_5_1_3_2_1_cells():
    t = tbs_table_bits()
    assert t.size == 93
    assert (t[0], t[33], t[34], t[53], t[92]) == (24, 384, 408, 1032, 3824)
    assert np.all(np.diff(t) > 0) and np.all(t % 8 == 0)


def test_unknown_table_raises():
    with pytest.raises(ParameterError) as exc:
        mcs_table(4)
    assert exc.value.field == "mcs_table"
    with pytest.raises(ParameterError):
        cqi_table(0)
