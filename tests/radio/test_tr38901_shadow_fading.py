"""Shadow fading: sigma_SF of TR 38.901 V17.0.0 Table 7.4.1-1, decorrelation distances of
Table 7.5-6, and the exponential spatial correlation exp(-dx / d_cor)."""

import numpy as np
import pytest

from netsim.errors import ParameterError
from netsim.radio.pathloss import (
    correlated_shadow_fading_db,
    sf_decorrelation_distance_m,
    shadow_fading_std_db,
)
from netsim.radio.tr38901.shadowing import shadow_fading_grid_db


@pytest.mark.parametrize(
    ("scenario", "los", "sigma"),
    # printed cells of Table 7.4.1-1
    [("UMa", True, 4.0), ("UMa", False, 6.0), ("UMi", True, 4.0), ("UMi", False, 7.82),
     ("InH", True, 3.0), ("InH", False, 8.03)],
)
def test_sigma_sf_table_cells(scenario, los, sigma):
    assert shadow_fading_std_db(scenario, los) == sigma


def test_rma_sigma_changes_at_breakpoint():
    # dBP = 2 pi 35 1.5 3.5e9 / 3e8 = 3848.45 m: 4 dB before, 6 dB after; NLOS 8 dB
    s = shadow_fading_std_db("RMa", [True, True, False], d2d_m=[3800.0, 3900.0, 100.0],
                             freq_hz=3.5e9, h_bs_m=35.0, h_ut_m=1.5)
    np.testing.assert_array_equal(s, [4.0, 6.0, 8.0])
    with pytest.raises(ParameterError):
        shadow_fading_std_db("RMa", True)


@pytest.mark.parametrize(
    ("scenario", "state", "d"),
    # printed cells of Table 7.5-6 (SF correlation distance in the horizontal plane)
    [("UMa", "los", 37.0), ("UMa", "nlos", 50.0), ("UMa", "o2i", 7.0),
     ("UMi", "los", 10.0), ("UMi", "nlos", 13.0), ("UMi", "o2i", 7.0),
     ("RMa", "los", 37.0), ("RMa", "nlos", 120.0), ("RMa", "o2i", 120.0),
     ("InH", "los", 10.0), ("InH", "nlos", 6.0)],
)
def test_decorrelation_distance_table_cells(scenario, state, d):
    assert sf_decorrelation_distance_m(scenario, state) == d


def test_correlated_field_statistics():
    """Four points on a line at 0, 10, 37, 200 m with d_cor = 37 m (UMa LOS), sigma 4 dB.
    Expected correlations exp(-10/37) = 0.7632, exp(-1) = 0.3679, exp(-200/37) = 0.0045.
    20 000 independent fields: the standard error of a correlation estimate is
    (1 - rho^2)/sqrt(n) <= 0.0071, of the std estimate 4/sqrt(2n) = 0.02 dB; tolerance 5
    standard errors."""
    rng = np.random.default_rng(5)
    pos = np.array([[0.0, 0.0], [10.0, 0.0], [37.0, 0.0], [200.0, 0.0]])
    f = correlated_shadow_fading_db(pos, 4.0, 37.0, rng, n_fields=20000)
    assert f.shape == (4, 20000)
    np.testing.assert_allclose(f.std(axis=1), 4.0, atol=0.1)
    c = np.corrcoef(f)
    assert c[0, 1] == pytest.approx(np.exp(-10 / 37), abs=0.036)
    assert c[0, 2] == pytest.approx(np.exp(-1.0), abs=0.036)
    assert c[0, 3] == pytest.approx(np.exp(-200 / 37), abs=0.036)
    assert abs(f.mean(axis=1)).max() < 5 * 4.0 / np.sqrt(20000)


def test_correlated_field_errors():
    rng = np.random.default_rng(0)
    with pytest.raises(ParameterError):
        correlated_shadow_fading_db(np.zeros((3, 1)), 4.0, 37.0, rng)
    with pytest.raises(ParameterError):
        correlated_shadow_fading_db(np.zeros((3, 2)), 4.0, 0.0, rng)
    one = correlated_shadow_fading_db(np.zeros((3, 2)), 4.0, 37.0, rng)
    assert one.shape == (3,)
    # coincident points are fully correlated
    np.testing.assert_allclose(one, one[0], atol=1e-3)


def test_grid_field_covariance_by_circulant_embedding():
    """Grid spacing 3.7 m, d_cor = 37 m: covariance at lags of 0, 1, 5, 10 nodes along x
    and y is exp(-lag/10) (1, 0.9048, 0.6065, 0.3679); diagonal lag (3, 4) nodes = 18.5 m
    gives exp(-0.5) = 0.6065. 4000 fields, covariance pooled over 25 node pairs: the
    single-pair standard error is sqrt((1 + rho^2)/4000) <= 0.023; tolerance 0.07 (3 se)."""
    rng = np.random.default_rng(21)
    x, y, f = shadow_fading_grid_db((0.0, 90.0), (0.0, 90.0), 3.7, 37.0, rng, n_fields=4000)
    assert f.shape == (4000, x.size, y.size)
    base = f[:, 5:10, 5:10]
    for lag in (0, 1, 5, 10):
        expected = np.exp(-lag / 10.0)
        assert np.mean(base * f[:, 5 + lag:10 + lag, 5:10]) == pytest.approx(expected, abs=0.07)
        assert np.mean(base * f[:, 5:10, 5 + lag:10 + lag]) == pytest.approx(expected, abs=0.07)
    assert np.mean(base * f[:, 8:13, 9:14]) == pytest.approx(np.exp(-0.5), abs=0.07)


def test_correlated_field_grid_method_matches_model():
    """Same four points as the Cholesky test, drawn with method='grid' (nearest node of a
    d_cor/10 grid): correlations exp(-10/37) = 0.7632 and exp(-1) = 0.3679, std 4 dB;
    4000 fields, tolerance 5 standard errors (0.07 on correlations)."""
    rng = np.random.default_rng(8)
    pos = np.array([[0.0, 0.0], [10.0, 0.0], [37.0, 0.0], [200.0, 0.0]])
    f = correlated_shadow_fading_db(pos, 4.0, 37.0, rng, n_fields=4000, method="grid")
    c = np.corrcoef(f)
    assert c[0, 1] == pytest.approx(np.exp(-10 / 37), abs=0.07)
    assert c[0, 2] == pytest.approx(np.exp(-1.0), abs=0.07)
    assert c[0, 3] == pytest.approx(np.exp(-200 / 37), abs=0.07)
    np.testing.assert_allclose(f.std(axis=1), 4.0, atol=0.25)
    with pytest.raises(ParameterError):
        correlated_shadow_fading_db(pos, 4.0, 37.0, rng, method="fft")
