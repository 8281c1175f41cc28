"""Maximum data rate, TS 38.306 V17.4.0 4.1.2, evaluated by hand.

Formula (also reproduced in public copies of 4.1.2, e.g. the nrcalculator.firebaseapp.com
and hicelltek.com NR throughput pages): rate = sum_j v * Q_m * f * (948/1024) * N_PRB * 12
/ (1e-3 / (14 * 2^mu)) * (1 - OH), OH = 0.14 / 0.18 (FR1 / FR2 DL), 0.08 / 0.10 (UL).
"""

import pytest

from netsim.errors import ParameterError
from netsim.radio.nr import max_data_rate_bps

REL = 1e-12


def test_100mhz_30khz_4_layers_256qam_fr1_dl():
    # 4 * 8 * 1 * 0.92578125 = 29.625; * 273 * 12 = 97051.5 bit per symbol time
    # / (1e-3/28) = 2,717,442,000 bit/s; * 0.86 = 2,337,000,120 bit/s (the quoted ~2.34 Gb/s)
    assert max_data_rate_bps(273, 1, 4, 8) == pytest.approx(2_337_000_120.0, rel=REL)


def test_fr2_400mhz_120khz_2_layers_64qam_dl():
    # 2 * 6 * 0.92578125 = 11.109375; * 264 * 12 = 35194.5; / (1e-3/112) = 3,941,784,000
    # * (1 - 0.18) = 3,232,262,880 bit/s
    assert max_data_rate_bps(264, 3, 2, 6, frequency_range="FR2") == pytest.approx(
        3_232_262_880.0, rel=REL
    )


def test_uplink_overhead_and_scaling_factor():
    # FR1 UL, 1 layer, 64QAM, f = 0.75, 273 PRB, mu = 1:
    # 1 * 6 * 0.75 * 0.92578125 = 4.166015625; * 3276 = 13647.8671875; * 28000 = 382,140,281.25
    # * (1 - 0.08) = 351,569,058.75 bit/s
    r = max_data_rate_bps(273, 1, 1, 6, scaling_factor=0.75, link_direction="uplink")
    assert r == pytest.approx(351_569_058.75, rel=REL)


def test_carrier_aggregation_sums_carriers():
    # FR1 DL 273 PRB @ mu 1 (2,337,000,120) + FR2 DL 264 PRB @ mu 3 (3,232,262,880)
    r = max_data_rate_bps([273, 264], [1, 3], [4, 2], [8, 6], frequency_range=["FR1", "FR2-1"])
    assert r == pytest.approx(2_337_000_120.0 + 3_232_262_880.0, rel=REL)


@pytest.mark.parametrize(
    "kwargs, field",
    [
        ({"scaling_factor": 0.5}, "scaling_factor"),
        ({"link_direction": "sidelink"}, "link_direction"),
        ({"frequency_range": "FR3"}, "frequency_range"),
    ],
)
def test_errors(kwargs, field):
    with pytest.raises(ParameterError) as exc:
        max_data_rate_bps(273, 1, 4, 8, **kwargs)
    assert exc.value.field == field


def test_bad_modulation_and_mu():
    with pytest.raises(ParameterError) as exc:
        max_data_rate_bps(273, 1, 4, 5)
    assert exc.value.field == "modulation_order"
    with pytest.raises(ParameterError) as exc:
        max_data_rate_bps(273, 7, 4, 8)
    assert exc.value.field == "mu"
