"""AWGN BLER model and SINR -> CQI / MCS selection (netsim.radio.nr.bler, link_adaptation).

Outside numbers: the MathWorks 5G Toolbox hCQISelect.m default SINRTable (SINR for BLER 0.1,
AWGN, SISO, TS 38.214 Table 5.2.2.1-2) and the ns-3 5G-LENA AWGN BLER points of
nr-eesm-t1.cc (MCS 4 of table 1, code block 3840 bit); closed forms of the logistic curve
and the Shannon bound.
"""

import math

import numpy as np
import pytest

from netsim.errors import ParameterError
from netsim.radio.nr import (
    DEFAULT_SLOPE_PER_DB,
    awgn_sinr_10pct_bler_db,
    bler_awgn,
    cqi_sinr_threshold_db,
    cqi_table,
    mcs_bler,
    mcs_sinr_threshold_db,
    select_cqi,
    select_mcs,
    sinr_for_bler_db,
)

# hCQISelect.m: SINRTable = [-5.84 -4.20 -2.08 -0.23 1.66 3.08 5.03 7.02 9.01 10.99 12.99
#                            15.01 16.51 18.49 19.99] for CQI 1..15.
MATLAB_SINR90PC_DB = [-5.84, -4.20, -2.08, -0.23, 1.66, 3.08, 5.03, 7.02, 9.01, 10.99, 12.99,
                      15.01, 16.51, 18.49, 19.99]
MARGIN_DB = 0.02  # anchor SE is printed to 4 decimals: shifts thresholds by < 0.001 dB


@pytest.mark.parametrize("cqi", range(1, 16))
def test_cqi_table1_at_10pct_matches_matlab(cqi):
    s = MATLAB_SINR90PC_DB[cqi - 1]
    assert select_cqi(s + MARGIN_DB) == cqi
    assert select_cqi(s - MARGIN_DB) == cqi - 1


def test_threshold_is_bler_0_1():
    th = cqi_sinr_threshold_db(1)
    np.testing.assert_allclose(th[1:], MATLAB_SINR90PC_DB, atol=1e-3)
    se = cqi_table(1).spectral_efficiency[1:]
    np.testing.assert_allclose(bler_awgn(th[1:], se), 0.1, rtol=0.01)


def test_slope_reproduces_lena_points():
    # Least squares of ln(1/BLER - 1) on SINR over the 5G-LENA points (1.73, 0.6107143),
    # (1.965, 0.1336713), (2.2, 0.0058): logits -0.4504, 1.8684, 5.1446; mean SINR 1.965;
    # slope = 0.235 * (5.1446 + 0.4504) / (2 * 0.235**2) = 11.90 / dB.
    s = np.array([1.73, 1.965, 2.2])
    b = np.array([0.6107143, 0.1336713, 0.0058])
    y = np.log(1 / b - 1)
    slope = np.sum((s - s.mean()) * (y - y.mean())) / np.sum((s - s.mean()) ** 2)
    assert slope == pytest.approx(11.90, abs=0.01)
    assert pytest.approx(slope, abs=0.01) == DEFAULT_SLOPE_PER_DB


def test_logistic_closed_forms():
    # BLER(s10 + d) = 1 / (1 + 9 exp(k d)): d = 0 -> 0.1; d = ln(9)/k -> 1/82; d -> -inf -> 1.
    k = DEFAULT_SLOPE_PER_DB
    se = 2.7305
    s10 = awgn_sinr_10pct_bler_db(se)
    assert s10 == pytest.approx(10.99, abs=1e-3)  # CQI 10 of hCQISelect
    assert bler_awgn(s10, se) == pytest.approx(0.1, rel=1e-12)
    assert bler_awgn(s10 + math.log(9) / k, se) == pytest.approx(1 / 82, rel=1e-12)
    assert bler_awgn(-50.0, se) == pytest.approx(1.0, abs=1e-12)


def test_urllc_1e5_threshold():
    # s(1e-5) = s10 + ln((1e5 - 1) / 9) / 11.9 = s10 + 9.3157 / 11.9 = s10 + 0.7828 dB
    se = 0.3770
    assert sinr_for_bler_db(se, 1e-5) == pytest.approx(-2.08 + 0.7828, abs=2e-3)
    assert bler_awgn(sinr_for_bler_db(se, 1e-5), se) == pytest.approx(1e-5, rel=1e-9)


def test_shannon_gap_extension_above_anchor():
    # 256QAM R = 948/1024: SE = 7.40625 > 5.5547 (last anchor, 19.99 dB)
    # gap = 19.99 - 10 log10(2^5.5547 - 1) = 19.99 - 16.628 = 3.362 dB
    # s10 = 10 log10(2^7.40625 - 1) + 3.362 = 22.269 + 3.362 = 25.63 dB
    gap = 19.99 - 10 * math.log10(2**5.5547 - 1)
    expected = 10 * math.log10(2**7.40625 - 1) + gap
    assert expected == pytest.approx(25.63, abs=0.01)
    assert awgn_sinr_10pct_bler_db(7.40625) == pytest.approx(expected, abs=1e-9)
    # and below: QPSK R = 30/1024, SE = 0.05859375 < 0.1523 (first anchor, -5.84 dB)
    gap_lo = -5.84 - 10 * math.log10(2**0.1523 - 1)
    expected_lo = 10 * math.log10(2**0.05859375 - 1) + gap_lo
    assert awgn_sinr_10pct_bler_db(0.05859375) == pytest.approx(expected_lo, abs=1e-9)


def test_select_mcs_monotone_and_limits():
    s = np.linspace(-15, 35, 2001)
    for table, top in ((1, 28), (2, 27), (3, 28)):
        m = select_mcs(s, table)
        se = np.array([mcs_table_se(table, i) for i in m])
        assert np.all(np.diff(se) >= 0)  # spectral efficiency never drops with SINR
        assert m[0] == -1 and m[-1] == top


def mcs_table_se(table, i):
    from netsim.radio.nr import mcs_table

    if i < 0:
        return 0.0
    t = mcs_table(table)
    return t.modulation_order[i] * t.code_rate_x1024[i] / 1024


def test_selected_mcs_meets_target_and_next_does_not():
    rng = np.random.default_rng(3)
    s = rng.uniform(-5, 25, 5000)
    for target in (0.1, 1e-5):
        m = select_mcs(s, 1, target)
        ok = m >= 0
        assert np.all(mcs_bler(s[ok], m[ok], 1) <= target * (1 + 1e-9))
        nxt = np.minimum(m[ok] + 1, 28)
        higher = (nxt > m[ok]) & (nxt != 17)  # 17 has a lower SE than 16 (Table 5.1.3.1-1)
        assert np.all(mcs_bler(s[ok][higher], nxt[higher], 1) > target)


def test_urllc_needs_more_sinr():
    th_embb = mcs_sinr_threshold_db(3, 0.1)
    th_urllc = mcs_sinr_threshold_db(3, 1e-5)
    v = ~np.isnan(th_embb)
    np.testing.assert_allclose(th_urllc[v] - th_embb[v], math.log(99999 / 9) / 11.9, rtol=1e-9)
    assert select_cqi(0.0, 3, 1e-5) < select_cqi(0.0, 3, 0.1)


def test_vectorised_equals_scalar():
    s = np.array([-7.0, -1.0, 4.2, 11.3, 18.0, 30.0])
    v = select_mcs(s, 2)
    assert [select_mcs(float(x), 2) for x in s] == list(v)


def test_errors():
    with pytest.raises(ParameterError) as exc:
        select_mcs(3.0, 1, 0.0)
    assert exc.value.field == "target_bler"
    with pytest.raises(ParameterError) as exc:
        select_cqi(np.nan)
    assert exc.value.field == "sinr_db"
    with pytest.raises(ParameterError) as exc:
        mcs_bler(3.0, 29)
    assert exc.value.field == "mcs_index"
    with pytest.raises(ParameterError) as exc:
        bler_awgn(3.0, 1.0, slope_per_db=-1)
    assert exc.value.field == "slope_per_db"
