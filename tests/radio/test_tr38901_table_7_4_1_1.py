"""TR 38.901 V17.0.0 Table 7.4.1-1 path loss against outside numbers.

1. ns-3's published test vectors (src/propagation/test/
   three-gpp-propagation-loss-model-test-suite.cc, nsnam/ns-3-dev): received power for
   0 dBm transmitted, shadowing off, BS at (0, 0, hBS), UT at (d, 0, 1.5), 5 GHz; ns-3
   asserts them with tolerance 5e-2 dB, we use the same.
2. The table's formulas evaluated by hand at chosen points (arithmetic in comments).
"""

import math

import numpy as np
import pytest

from netsim.errors import ParameterError, ValidityRangeError
from netsim.radio.pathloss import (
    breakpoint_distance_m,
    path_loss_db,
    uma_effective_environment_height_m,
)

NS3_TOL_DB = 5e-2  # the tolerance of the ns-3 test suite itself

# (scenario, h_bs_m, d2d_m, los, expected received power dBm at 0 dBm tx), f = 5 GHz
NS3_VECTORS = [
    ("RMa", 35.0, 10.0, True, -77.3784), ("RMa", 35.0, 100.0, True, -87.2965),
    ("RMa", 35.0, 1000.0, True, -108.5577), ("RMa", 35.0, 10000.0, True, -140.3896),
    ("RMa", 35.0, 10.0, False, -77.3784), ("RMa", 35.0, 100.0, False, -95.7718),
    ("RMa", 35.0, 1000.0, False, -133.5223), ("RMa", 35.0, 5000.0, False, -160.5169),
    ("UMa", 25.0, 10.0, True, -72.9380), ("UMa", 25.0, 100.0, True, -86.2362),
    ("UMa", 25.0, 1000.0, True, -109.7252), ("UMa", 25.0, 5000.0, True, -137.6794),
    ("UMa", 25.0, 10.0, False, -82.5131), ("UMa", 25.0, 100.0, False, -106.1356),
    ("UMa", 25.0, 1000.0, False, -144.7641), ("UMa", 25.0, 5000.0, False, -172.0753),
    ("UMi", 10.0, 10.0, True, -69.8591), ("UMi", 10.0, 100.0, True, -88.4122),
    ("UMi", 10.0, 1000.0, True, -119.3114), ("UMi", 10.0, 5000.0, True, -147.2696),
    ("UMi", 10.0, 10.0, False, -76.7563), ("UMi", 10.0, 100.0, False, -107.9432),
    ("UMi", 10.0, 1000.0, False, -143.1886), ("UMi", 10.0, 5000.0, False, -167.8617),
    ("InH", 3.0, 1.0, True, -50.8072), ("InH", 3.0, 10.0, True, -63.7630),
    ("InH", 3.0, 50.0, True, -75.7750), ("InH", 3.0, 100.0, True, -80.9802),
    ("InH", 3.0, 1.0, False, -50.8072), ("InH", 3.0, 10.0, False, -73.1894),
    ("InH", 3.0, 50.0, False, -99.7824), ("InH", 3.0, 100.0, False, -111.3062),
]


@pytest.mark.parametrize(("scenario", "h_bs", "d2d", "los", "pr_dbm"), NS3_VECTORS)
def test_ns3_three_gpp_propagation_loss_vectors(scenario, h_bs, d2d, los, pr_dbm):
    pl = path_loss_db(scenario, d2d, 5e9, h_bs, 1.5, los)
    assert pl == pytest.approx(-pr_dbm, abs=NS3_TOL_DB)


def test_ns3_vectors_vectorised_in_one_call():
    """The same vectors evaluated as arrays per scenario (broadcasting path)."""
    for scenario in ("RMa", "UMa", "UMi", "InH"):
        rows = [r for r in NS3_VECTORS if r[0] == scenario]
        d = np.array([r[2] for r in rows])
        los = np.array([r[3] for r in rows])
        pl = path_loss_db(scenario, d, 5e9, rows[0][1], 1.5, los)
        np.testing.assert_allclose(pl, [-r[4] for r in rows], atol=NS3_TOL_DB)


HAND_TOL_DB = 1e-6  # hand arithmetic below is carried to >= 1e-8 dB


def test_uma_los_pl1_28ghz_by_hand():
    # dBP' = 4 (25-1)(1.5-1) 28e9 / 3e8 = 4480 m > d2D = 1000 m -> PL1
    # d3D = sqrt(1000^2 + 23.5^2) = 1000.27608689; log10 = 3.00011989
    # PL1 = 28 + 22 * 3.00011989 + 20 log10(28) = 28 + 66.00263750 + 28.94316063 = 122.94579813
    assert path_loss_db("UMa", 1000.0, 28e9, 25.0, 1.5, True) == pytest.approx(
        122.94579813, abs=HAND_TOL_DB
    )


def test_uma_los_pl2_beyond_breakpoint_by_hand():
    # dBP' = 4 * 24 * 0.5 * 3.5e9 / 3e8 = 560 m < d2D = 1000 m -> PL2
    # PL2 = 28 + 40 log10(1000.27608689) + 20 log10(3.5) - 9 log10(560^2 + 23.5^2)
    #     = 28 + 120.00479546 + 10.88136089 - 9 log10(314152.25) (= 49.47426157)
    #     = 109.41189477
    assert path_loss_db("UMa", 1000.0, 3.5e9, 25.0, 1.5, True) == pytest.approx(
        109.41189477, abs=HAND_TOL_DB
    )
    assert breakpoint_distance_m("UMa", 3.5e9, 25.0, 1.5) == pytest.approx(560.0)


def test_umi_nlos_28ghz_by_hand():
    # d3D = sqrt(200^2 + 8.5^2) = 200.18054351; log10 = 2.30142186
    # PL'NLOS = 22.4 + 35.3 * 2.30142186 + 21.3 log10(28) = 22.4 + 81.24019181 + 30.82446607
    #         = 134.46465787; PL_LOS (PL1, dBP' = 1680 m) = 32.4 + 21*2.30142186 + 28.94316063
    #         = 109.67301977; NLOS = max(.) = 134.46465787
    assert path_loss_db("UMi", 200.0, 28e9, 10.0, 1.5, False) == pytest.approx(
        134.46465787, abs=HAND_TOL_DB
    )


def test_rma_nlos_by_hand():
    # d3D = sqrt(2000^2 + 33.5^2) = 2000.28054282, W = 20, h = 5, hBS = 35, hUT = 1.5, 3.5 GHz
    # PL' = 161.04 - 7.1 log10(20) [9.23731297] + 7.5 log10(5) [5.24227503]
    #       - (24.37 - 3.7 (5/35)^2) log10(35) [37.51234535]
    #       + (43.42 - 3.1 log10(35)) (log10(d3D) - 3) [11.63216229]
    #       + 20 log10(3.5) [10.88136089] - (3.2 log10(17.625)^2 - 4.97) [-0.00091905]
    #     = 142.04705894 (> PL_LOS), so PL_NLOS = 142.04705894
    assert path_loss_db("RMa", 2000.0, 3.5e9, 35.0, 1.5, False) == pytest.approx(
        142.04705894, abs=HAND_TOL_DB
    )


def test_rma_los_pl2_by_hand():
    # dBP = 2 pi 35 1.5 3.5e9 / 3e8 = 3848.45100065 m < d2D = 8000 m -> PL2
    # PL1(dBP) = 20 log10(40 pi 3848.451 3.5/3) [115.02885230] + 0.03*5^1.72 log10(dBP)
    #            [1.71345800] - 0.044*5^1.72 [0.70094039] + 0.002 log10(5) dBP [5.37990363]
    #          = 121.42127354
    # PL2 = 121.42127354 + 40 log10(8000.07014032 / 3848.451) [12.71231333] = 134.13358687
    assert path_loss_db("RMa", 8000.0, 3.5e9, 35.0, 1.5, True) == pytest.approx(
        134.13358687, abs=HAND_TOL_DB
    )


def test_inh_nlos_28ghz_by_hand():
    # d3D = sqrt(30^2 + 2^2) = 30.06659276; log10 = 1.47808422
    # PL' = 17.3 + 38.3 * 1.47808422 + 24.9 log10(28) = 109.94486042
    # PL_LOS = 32.4 + 17.3 * 1.47808422 + 20 log10(28) = 86.91401755 -> NLOS = 109.94486042
    assert path_loss_db("InH", 30.0, 28e9, 3.0, 1.0, False) == pytest.approx(
        109.94486042, abs=HAND_TOL_DB
    )


def test_fspl_sub_thz_closed_form():
    # Friis: 20 log10(4 pi 100 m 140e9 / 299792458) = 115.37034394 dB
    assert path_loss_db("FSPL", 100.0, 140e9, 1.5, 1.5, True) == pytest.approx(
        115.37034394, abs=HAND_TOL_DB
    )


def test_sub_thz_extrapolation_evaluates_the_same_formula():
    # UMi LOS at 140 GHz (outside the 0.5-100 GHz range, so only with the flag):
    # dBP' = 4 * 9 * 0.5 * 140e9 / 3e8 = 8400 m > 50 m -> PL1
    # d3D = sqrt(50^2 + 8.5^2) = 50.71735403; PL1 = 32.4 + 21 * 1.70515659 + 20 log10(140)
    #     = 32.4 + 35.80828835 + 42.92256071 = 111.13084906
    with pytest.raises(ValidityRangeError):
        path_loss_db("UMi", 50.0, 140e9, 10.0, 1.5, True)
    assert path_loss_db("UMi", 50.0, 140e9, 10.0, 1.5, True, allow_extrapolation=True) == (
        pytest.approx(111.13084906, abs=HAND_TOL_DB)
    )


def test_nlos_never_below_los():
    d = np.geomspace(10.0, 5000.0, 200)
    for sc, hb in (("UMa", 25.0), ("UMi", 10.0), ("RMa", 35.0)):
        los = path_loss_db(sc, d, 3.5e9, hb, 1.5, True)
        nlos = path_loss_db(sc, d, 3.5e9, hb, 1.5, False)
        assert np.all(nlos >= los)


def test_broadcasting_mixed_shapes_match_elementwise():
    """(N, 1) UE heights with (N, M) distances and (M,) LOS flags: every element equals
    the scalar evaluation."""
    rng = np.random.default_rng(1)
    d = rng.uniform(10.0, 4000.0, (4, 3))
    h_ut = np.array([[1.5], [5.0], [10.0], [22.5]])
    los = np.array([True, False, True])
    pl = path_loss_db("UMa", d, 28e9, 25.0, h_ut, los)
    for i in range(4):
        for j in range(3):
            assert pl[i, j] == path_loss_db("UMa", d[i, j], 28e9, 25.0, h_ut[i, 0], los[j])
    with pytest.raises(ParameterError):
        path_loss_db("UMa", d, 28e9, 25.0, np.ones(5) * 1.5, True)


def test_broadcasting_shapes():
    d = np.array([[50.0], [100.0], [200.0]])
    f = np.array([3.5e9, 28e9])
    pl = path_loss_db("UMa", d, f, 25.0, 1.5, np.array([True, False]))
    assert pl.shape == (3, 2)
    assert pl[1, 0] == pytest.approx(path_loss_db("UMa", 100.0, 3.5e9, 25.0, 1.5, True))


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"scenario": "UMa", "d2d_m": 5.0}, "d2d_m (LOS)"),
        ({"scenario": "UMa", "freq_hz": 140e9}, "freq_hz"),
        ({"scenario": "RMa", "freq_hz": 40e9, "h_bs_m": 35.0}, "freq_hz"),
        ({"scenario": "UMa", "h_bs_m": 30.0}, "h_bs_m"),
        ({"scenario": "UMi", "h_ut_m": 30.0, "h_bs_m": 10.0}, "h_ut_m"),
        ({"scenario": "RMa", "h_bs_m": 35.0, "d2d_m": 6000.0, "los": False}, "d2d_m (NLOS)"),
        ({"scenario": "InH", "h_bs_m": 3.0, "d2d_m": 200.0}, "d3d_m (LOS)"),
    ],
)
def test_validity_range_errors_name_field_and_table(kwargs, field):
    args = {"scenario": "UMa", "d2d_m": 100.0, "freq_hz": 3.5e9, "h_bs_m": 25.0,
            "h_ut_m": 1.5, "los": True}
    args.update(kwargs)
    with pytest.raises(ValidityRangeError) as exc:
        path_loss_db(**args)
    assert exc.value.field == field
    assert "Table 7.4.1-1" in str(exc.value)
    # the documented extension flag evaluates the same formulas instead
    assert math.isfinite(path_loss_db(**args, allow_extrapolation=True))


def test_rma_building_and_street_ranges():
    with pytest.raises(ValidityRangeError):
        path_loss_db("RMa", 100.0, 3.5e9, 35.0, 1.5, False, h_building_m=60.0)
    with pytest.raises(ValidityRangeError):
        path_loss_db("RMa", 100.0, 3.5e9, 35.0, 1.5, False, street_width_m=2.0)


def test_bad_inputs_raise_parameter_error():
    with pytest.raises(ParameterError):
        path_loss_db("UMx", 100.0, 3.5e9, 25.0, 1.5, True)
    with pytest.raises(ParameterError):
        path_loss_db("UMa", -1.0, 3.5e9, 25.0, 1.5, True)
    with pytest.raises(ParameterError):
        path_loss_db("UMa", 100.0, 3.5e9, 25.0, 1.5, True, h_e_m=2.0)  # hE >= hUT


def test_effective_height_changes_breakpoint():
    # hE = 12 m, hUT = 20 m: dBP' = 4 (25-12)(20-12) 3.5e9/3e8 = 4853.33 m, vs 2 * 4 * 24 * 19 ...
    assert breakpoint_distance_m("UMa", 3.5e9, 25.0, 20.0, 12.0) == pytest.approx(
        4 * 13 * 8 * 3.5e9 / 3e8
    )


def test_uma_effective_height_distribution():
    """Note 1: hUT < 13 m -> hE = 1 m always; hUT = 22.5 m, d2D = 200 m -> P(hE = 1) =
    1/(1 + C), C = (0.95)^1.5 * 1.25 * 2^3 * exp(-4/3) = 0.92596 * 10 * 0.26360 = 2.44085,
    so P(hE = 1) = 0.29063; otherwise hE uniform on {12, 15, 18, 21}."""
    rng = np.random.default_rng(11)
    assert np.all(uma_effective_environment_height_m(np.full(1000, 300.0), 10.0, rng) == 1.0)
    n = 40000
    he = uma_effective_environment_height_m(np.full(n, 200.0), 22.5, rng)
    p1 = np.mean(he == 1.0)
    # binomial standard error sqrt(0.29 * 0.71 / 40000) = 0.0023; 5 sigma
    assert p1 == pytest.approx(0.29063, abs=0.0115)
    assert set(np.unique(he)) == {1.0, 12.0, 15.0, 18.0, 21.0}
