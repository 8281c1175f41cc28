"""Rayleigh / Rician block fading with Clarke-Jakes time correlation (sum of sinusoids).

Closed forms: E|h|^2 = 1; Rayleigh power CDF 1 - exp(-x); ensemble autocorrelation
J0(2 pi f_D tau) (Clarke 1968, Jakes 1974); Rician K from moments
(Greenstein, Michelson, Erceg, IEEE Commun. Lett. 3(6), 1999: with
gamma = Var|h|^2 / E[|h|^2]^2, K = sqrt(1 - gamma) / (1 - sqrt(1 - gamma))).
Sample sizes: N independent links, so a mean over them has standard error <= 1/sqrt(N);
tolerances are ~4 standard errors and a wrong Doppler or K would exceed them.
"""

import math

import numpy as np
import pytest
from scipy.special import j0

from netsim.errors import ParameterError
from netsim.radio.fading import SumOfSinusoidsFading, block_fading_gains, max_doppler_hz

N_LINKS = 20_000  # standard error of a mean of unit-variance terms: 0.007


def test_max_doppler_500_kmh_3p5_ghz():
    # v = 500/3.6 = 138.889 m/s; f_D = 138.889 * 3.5e9 / 299792458 = 1621.49 Hz
    assert max_doppler_hz(500 / 3.6, 3.5e9) == pytest.approx(1621.49, abs=0.01)


def test_rayleigh_mean_power_and_cdf():
    h = block_fading_gains(N_LINKS, 2, 1e-3, 50.0, np.random.default_rng(11))
    p = np.abs(h[:, 0]) ** 2
    assert p.mean() == pytest.approx(1.0, abs=0.03)
    # Exponential CDF: P(p <= 1) = 1 - e^-1 = 0.6321, P(p <= 0.1) = 0.0952 (se 0.0034, 0.002)
    assert np.mean(p <= 1.0) == pytest.approx(1 - math.exp(-1), abs=0.015)
    assert np.mean(p <= 0.1) == pytest.approx(1 - math.exp(-0.1), abs=0.01)


def test_autocorrelation_is_j0():
    f_d, t_block = 100.0, 1e-3
    h = block_fading_gains(N_LINKS, 12, t_block, f_d, np.random.default_rng(5))
    for lag in (1, 2, 3, 4, 6, 8):
        r = np.mean(h[:, lag:] * np.conj(h[:, :-lag]))
        # J0(2 pi 100 Hz * lag ms) for lags 1, 2, 3, 4, 6, 8: 0.9037, 0.6425, 0.2906, -0.0550,
        # -0.4020, -0.1689 (a 10 % Doppler error moves lag 3 by ~0.1)
        assert r.real == pytest.approx(j0(2 * np.pi * f_d * lag * t_block), abs=0.03)
        assert abs(r.imag) < 0.03


def test_per_link_doppler():
    # Two groups of links at 10 Hz and 200 Hz: lag-1 (1 ms) correlation J0(0.0628) = 0.9990
    # and J0(1.2566) = 0.6425.
    f = np.r_[np.full(N_LINKS // 2, 10.0), np.full(N_LINKS // 2, 200.0)]
    h = block_fading_gains(N_LINKS, 2, 1e-3, f, np.random.default_rng(8))
    r = np.real(h[:, 1] * np.conj(h[:, 0]))
    assert r[: N_LINKS // 2].mean() == pytest.approx(j0(2 * np.pi * 10e-3), abs=0.03)
    assert r[N_LINKS // 2 :].mean() == pytest.approx(j0(2 * np.pi * 0.2), abs=0.03)


def test_rician_k_factor_and_power():
    k_db = 10.0
    h = block_fading_gains(50_000, 1, 1e-3, 30.0, np.random.default_rng(2), k_factor_db=k_db)
    p = np.abs(h[:, 0]) ** 2
    assert p.mean() == pytest.approx(1.0, abs=0.02)
    gamma = p.var() / p.mean() ** 2
    k_est = math.sqrt(1 - gamma) / (1 - math.sqrt(1 - gamma))
    # Estimator spread over seeds ~0.04 dB; Rayleigh would give K = 0 (-inf dB).
    assert 10 * math.log10(k_est) == pytest.approx(k_db, abs=0.25)


def test_gains_continue_in_time_and_are_reproducible():
    a = SumOfSinusoidsFading(4, 70.0, np.random.default_rng(1))
    b = SumOfSinusoidsFading(4, 70.0, np.random.default_rng(1))
    t = np.arange(10) * 0.5e-3
    g = a.gains(t)
    np.testing.assert_array_equal(g, b.gains(t))
    np.testing.assert_allclose(a.gains(t[5:]), g[:, :, 5:], rtol=1e-12)
    assert g.shape == (4, 1, 10)


@pytest.mark.parametrize(
    "kwargs, field",
    [
        ({"doppler_hz": -1.0}, "doppler_hz"),
        ({"rng": 42}, "rng"),
        ({"n_sinusoids": 0}, "n_sinusoids"),
        ({"k_factor_db": np.inf}, "k_factor_db"),
    ],
)
def test_errors(kwargs, field):
    args = {"n_links": 3, "doppler_hz": 10.0, "rng": np.random.default_rng(0)}
    args.update(kwargs)
    with pytest.raises(ParameterError) as exc:
        SumOfSinusoidsFading(args.pop("n_links"), args.pop("doppler_hz"), args.pop("rng"),
                             **args)
    assert exc.value.field == field
    with pytest.raises(ParameterError):
        block_fading_gains(3, 2, 0.0, 10.0, np.random.default_rng(0))
