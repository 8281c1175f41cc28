"""Modulation-format thresholds: Goldsmith, Wireless Communications (2005), Ch. 6, Table 6.1.

Nearest-neighbour approximation on the AWGN channel, P_s ~= alpha_M Q(sqrt(beta_M Es/N0)),
Gray mapping BER ~= P_s / log2 M; square MQAM alpha_M = 4 (1 - 1/sqrt M), beta_M =
3 / (M - 1) (Table 6.1, eq. 6.23), non-rectangular MQAM alpha_M = 4 (eq. 6.24). FEC:
7 % HD-FEC, ITU-T G.975.1 Appendix I.9 (redundancy 255/239 - 1), threshold BER 3.8e-3.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
from scipy.stats import norm

import netsim.optical as optical_pkg
from netsim.errors import ParameterError
from netsim.optical.transceiver import (
    FecScheme,
    Transceiver,
    fec_schemes,
    modulation_formats,
    net_rate_bps,
    pre_fec_ber,
    required_gsnr_db,
)

DATA = Path(optical_pkg.__file__).parent / "data" / "physical"


@pytest.mark.parametrize(
    "name,m,square",
    [("DP-QPSK", 4, True), ("DP-8QAM", 8, False), ("DP-16QAM", 16, True),
     ("DP-32QAM", 32, False), ("DP-64QAM", 64, True)],
)
def test_data_file_constants_follow_table_6_1(name, m, square):
    rows = json.loads((DATA / "modulation_formats.json").read_text())["formats"]
    row = {f["name"]: f for f in rows}[name]
    assert row["constellation_size"] == m
    assert row["bits_per_symbol_per_polarisation"] == int(math.log2(m))
    assert row["ser_alpha"] == pytest.approx(4 * (1 - 1 / math.sqrt(m)) if square else 4.0)
    assert row["ser_beta"] == pytest.approx(3 / (m - 1))


def test_fec_overhead_is_g709_frame_redundancy():
    fec = fec_schemes()["HD-FEC-7"]
    assert fec.overhead == pytest.approx(255 / 239 - 1, rel=1e-12)  # 6.69 %
    assert fec.pre_fec_ber_threshold == 3.8e-3


# Hand values, Es/N0 at BER 3.8e-3, Q^-1 from tables of the normal distribution:
# QPSK:  BER = Q(sqrt(g));            Q^-1(3.8e-3)      = 2.6693 -> g = 7.125  =  8.53 dB
# 16QAM: BER = 0.75 Q(sqrt(g/5));     Q^-1(5.0667e-3)   = 2.5712 -> g = 33.06  = 15.19 dB
# 64QAM: BER = (3.5/6) Q(sqrt(g/21)); Q^-1(6.5143e-3)   = 2.4830 -> g = 129.47 = 21.12 dB
# 8QAM:  BER = (4/3) Q(sqrt(3g/7));   Q^-1(2.85e-3)     = 2.7646 -> g = 17.83  = 12.51 dB
# 32QAM: BER = 0.8 Q(sqrt(3g/31));    Q^-1(4.75e-3)     = 2.5935 -> g = 69.51  = 18.42 dB
# (QPSK: "FEC limit 8.53 dBQ or a BER of 3.8e-3", the usual 7 % HD-FEC limit.)
@pytest.mark.parametrize(
    "name,expected_db",
    [("DP-QPSK", 8.53), ("DP-8QAM", 12.51), ("DP-16QAM", 15.19), ("DP-32QAM", 18.42),
     ("DP-64QAM", 21.12)],
)
def test_required_gsnr_hand_values(name, expected_db):
    assert required_gsnr_db(name) == pytest.approx(expected_db, abs=0.01)


@pytest.mark.parametrize("name", list(modulation_formats()))
def test_ber_at_threshold_equals_fec_limit(name):
    # independent evaluation with scipy.stats.norm.sf as Q(x)
    f = modulation_formats()[name]
    g = 10 ** (required_gsnr_db(name) / 10)
    ber = f.ser_alpha * norm.sf(math.sqrt(f.ser_beta * g)) / f.bits_per_symbol_per_polarisation
    assert ber == pytest.approx(3.8e-3, rel=1e-9)
    assert pre_fec_ber(name, required_gsnr_db(name)) == pytest.approx(3.8e-3, rel=1e-9)


def test_net_rates_by_hand():
    # DP-16QAM at 32 GBd, 7 % HD-FEC: 2 x 4 x 32e9 x 239/255 = 239.937 Gb/s
    assert net_rate_bps("DP-16QAM", 32e9) == pytest.approx(2 * 4 * 32e9 * 239 / 255)
    # DP-QPSK at 64 GBd: 4 x 64e9 x 239/255 = 239.937 Gb/s
    assert net_rate_bps("DP-QPSK", 64e9) == pytest.approx(4 * 64e9 * 239 / 255)
    # a user FEC without overhead: raw line rate
    assert net_rate_bps("DP-64QAM", 32e9, FecScheme("none", 0.0, 1e-3)) == 12 * 32e9


def test_transceiver_picks_densest_closing_format():
    t = Transceiver(margin_db=1.0)
    # thresholds + 1 dB margin: QPSK 9.53, 8QAM 13.51, 16QAM 16.19, 32QAM 19.42, 64QAM 22.12
    g = np.array([5.0, 9.6, 13.4, 16.2, 19.5, 30.0])
    assert list(t.format_names(g)) == ["", "DP-QPSK", "DP-QPSK", "DP-16QAM", "DP-32QAM",
                                       "DP-64QAM"]
    rates = t.net_rate_bps(g, 32e9)
    np.testing.assert_allclose(rates, np.array([0, 4, 4, 8, 10, 12]) * 32e9 * 239 / 255)


def test_unknown_format_and_fec_raise():
    with pytest.raises(ParameterError):
        required_gsnr_db("DP-1024QAM")
    with pytest.raises(ParameterError):
        required_gsnr_db("DP-QPSK", fec="LDPC-99")
    with pytest.raises(ParameterError):
        Transceiver(margin_db=-1.0)
