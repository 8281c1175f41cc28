"""Doppler and OFDM inter-carrier interference (netsim.radio.doppler) against outside numbers.

Sources:
- maximum Doppler ``f_d = v f_c / c`` (TR 38.901 V17.0.0 7.7.2, ``f_D = v / lambda_0``);
- ICI of OFDM in a Jakes channel, Li and Cimini, IEEE Trans. Commun. 49(3) 2001
  (continuous form ``1 - int_{-1}^{1} (1 - |x|) J0(2 pi f_d T x) dx``) and Russell and
  Stueber, VTC 1995 (the discrete form over N subcarriers, used here as an independent
  derivation that converges to the continuous one);
- ICI of a frequency offset ``1 - sinc^2(epsilon)``, small form ``(pi epsilon)^2 / 3``
  (Pollet, Van Bladel and Moeneclaey, IEEE Trans. Commun. 1995; Moose 1994);
- the HST LOS Doppler shift of TS 36.101 / TS 38.101-4 Annex B.3 (cos theta(t) law),
  evaluated by hand.
The module evaluates its integral with a fixed Gauss-Legendre rule; the tests use
``scipy.integrate.quad`` (adaptive), series expansions and finite-N sums instead.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy.integrate import quad
from scipy.special import j0

from netsim.errors import ParameterError, ValidityRangeError
from netsim.radio.doppler import (
    effective_sinr_db,
    hst_doppler_shift_hz,
    ici_power,
    ici_power_cfo,
    ici_power_cfo_small,
    ici_power_jakes_small,
    ici_power_ofdm,
    max_doppler_hz,
)

C = 299_792_458.0
REL_QUAD = 1e-9  # quad reaches ~1e-12 absolute on this smooth integrand; P >= 1e-4 here


def _quad_ici(fd_t: float, eps: float = 0.0) -> float:
    """Li-Cimini form, integrated adaptively over [-1, 1] (independent of the module)."""
    val, _ = quad(lambda x: (1 - abs(x)) * j0(2 * np.pi * fd_t * x) * np.cos(2 * np.pi * eps * x),
                  -1.0, 1.0, points=[0.0], epsabs=1e-14, epsrel=1e-13)
    return 1.0 - val


def test_max_doppler_500_kmh_at_3_5_ghz_by_hand():
    # v = 500 / 3.6 = 138.8889 m/s; f_d = 138.8889 x 3.5e9 / 299792458 = 1621.49 Hz
    # (1620.4 Hz with c rounded to 3e8)
    assert max_doppler_hz(500 / 3.6, 3.5e9) == pytest.approx(1621.49, abs=0.01)
    # 1000 km/h at 28 GHz: 277.778 x 28e9 / 299792458 = 25943.9 Hz
    assert max_doppler_hz(1000 / 3.6, 28e9) == pytest.approx(25943.9, abs=0.1)
    with pytest.raises(ParameterError):
        max_doppler_hz(-1.0, 3.5e9)


@pytest.mark.parametrize("fd_t", [1e-3, 0.01, 0.054, 0.108, 0.2, 0.3, 0.5])
def test_jakes_ici_matches_adaptive_quadrature(fd_t):
    assert ici_power(fd_t) == pytest.approx(_quad_ici(fd_t), rel=REL_QUAD)


@pytest.mark.parametrize("fd_t,eps", [(0.05, 0.01), (0.1, 0.05), (0.2, 0.2), (0.5, -0.5)])
def test_jakes_with_frequency_offset_matches_quadrature(fd_t, eps):
    assert ici_power(fd_t, eps) == pytest.approx(_quad_ici(fd_t, eps), rel=REL_QUAD)


def test_jakes_ici_matches_russell_stueber_discrete_sum():
    # finite N: desired power = (1/N^2) sum_{n,m} J0(2 pi f_d T (n - m) / N), the
    # discrete-time form; it tends to the continuous integral as 1/N^2
    n = 512
    k = np.arange(-(n - 1), n)
    for fd_t in (0.054, 0.108, 0.216):
        desired = np.sum((n - np.abs(k)) * j0(2 * np.pi * fd_t * k / n)) / n**2
        assert ici_power(fd_t) == pytest.approx(1 - desired, rel=1e-4)


def test_small_argument_series():
    # J0(z) = 1 - z^2/4 + z^4/64 - ...; int_{-1}^{1} (1-|x|) x^2 dx = 1/6,
    # int (1-|x|) x^4 dx = 1/15, so P = a^2/24 - a^4/960 + ... with a = 2 pi f_d T
    for fd_t in (0.001, 0.01, 0.05, 0.1):
        a = 2 * np.pi * fd_t
        assert ici_power(fd_t) == pytest.approx(a**2 / 24 - a**4 / 960, rel=1e-4 * (1 + a**2))
        # the leading term: within 1 % for f_d T <= 0.1 (relative error a^2/40 = 0.99 %)
        assert ici_power_jakes_small(fd_t) == pytest.approx(a**2 / 24, rel=1e-12)
        assert ici_power_jakes_small(fd_t) == pytest.approx(ici_power(fd_t), rel=0.01)
    # by hand: f_d T = 0.05: (2 pi 0.05)^2 / 24 = 0.0986960 / 24 = 0.00411234
    assert ici_power_jakes_small(0.05) == pytest.approx(0.00411234, rel=1e-5)
    with pytest.raises(ValidityRangeError):
        ici_power_jakes_small(0.2)


def test_li_cimini_bound_and_jakes_half_of_it():
    # Li & Cimini: for any Doppler spectrum limited to f_d, P_ICI <= (2 pi f_d T)^2 / 12;
    # a pure shift of f_d reaches it for small f_d T; Jakes (mean-square Doppler f_d^2/2)
    # gives half of it
    fd_t = np.array([0.005, 0.02, 0.05, 0.1, 0.2, 0.4])
    bound = (2 * np.pi * fd_t) ** 2 / 12
    p = ici_power(fd_t)
    assert np.all(p <= bound)
    assert p[0] / bound[0] == pytest.approx(0.5, rel=1e-3)
    assert ici_power(0.0, 0.005) / bound[0] == pytest.approx(1.0, rel=1e-3)


def test_frequency_offset_closed_forms():
    # epsilon = 0.5: 1 - (sin(pi/2) / (pi/2))^2 = 1 - 4 / pi^2 = 0.594715
    assert ici_power_cfo(0.5) == pytest.approx(1 - 4 / np.pi**2, rel=1e-12)
    assert ici_power(0.0, 0.5) == pytest.approx(0.594715, rel=1e-6)
    # epsilon = 0.1: 1 - (sin(0.1 pi) / (0.1 pi))^2 = 1 - (0.309017 / 0.314159)^2
    #              = 1 - 0.983632^2 = 0.032468
    assert ici_power_cfo(0.1) == pytest.approx(0.032468, rel=1e-4)
    # Pollet et al.: (pi epsilon)^2 / 3 = 0.0328987 at 0.1 (1.3 % above the exact value,
    # next term 2 (pi eps)^4 / 45 = 0.00044)
    assert ici_power_cfo_small(0.1) == pytest.approx(0.0328987, rel=1e-5)
    assert ici_power_cfo_small(0.02) == pytest.approx(ici_power_cfo(0.02), rel=2e-3)
    with pytest.raises(ValidityRangeError):
        ici_power_cfo(0.6)


def test_monotonic_in_speed_and_scs():
    v = np.array([0.0, 30.0, 120.0, 350.0, 500.0, 1000.0]) / 3.6
    p = ici_power_ofdm(v, 3.5e9, 30e3)
    assert p[0] == 0.0 and np.all(np.diff(p) > 0)
    scs = np.array([15e3, 30e3, 60e3, 120e3])
    q = ici_power_ofdm(500 / 3.6, 3.5e9, scs)
    assert np.all(np.diff(q) < 0)
    # doubling the SCS at twice the speed keeps f_d T and the ICI
    assert ici_power_ofdm(1000 / 3.6, 3.5e9, 30e3) == pytest.approx(
        ici_power_ofdm(500 / 3.6, 3.5e9, 15e3), rel=1e-12)
    # a residual offset adds ICI
    assert ici_power_ofdm(500 / 3.6, 3.5e9, 30e3, 0.5) > ici_power_ofdm(500 / 3.6, 3.5e9, 30e3)
    with pytest.raises(ValidityRangeError):  # 1000 km/h, 28 GHz, 15 kHz: f_d T = 1.73
        ici_power_ofdm(1000 / 3.6, 28e9, 15e3)


def test_effective_sinr_by_hand():
    # g = 30 dB = 1000, P = 0.01: 0.99 x 1000 / (1 + 10) = 90 -> 19.5424 dB
    assert effective_sinr_db(30.0, 0.01) == pytest.approx(10 * np.log10(90.0), abs=1e-9)
    # SIR ceiling (1 - P) / P for g -> infinity: P = 0.01 -> 99 -> 19.9564 dB
    assert effective_sinr_db(200.0, 0.01) == pytest.approx(10 * np.log10(99.0), abs=1e-9)
    assert effective_sinr_db(10.0, 0.0) == pytest.approx(10.0, abs=1e-12)
    assert effective_sinr_db(-np.inf, 0.01) == -np.inf


def test_hst_doppler_shift_by_hand():
    # Ds = 1000 m, Dmin = 50 m, v = 100 m/s, f_d = 1000 Hz; period 2 Ds / v = 20 s
    args = dict(max_doppler_hz=1000.0, speed_m_s=100.0, ds_m=1000.0, dmin_m=50.0)
    # t = 0: 500 / sqrt(50^2 + 500^2) = 500 / 502.494 = 0.995037
    # t = 2: (500 - 200) / sqrt(2500 + 90000) = 300 / 304.138 = 0.986394
    # t = 5: 0; t = 12 (second branch): (-1500 + 1200) / 304.138 = -0.986394
    # t = 15: 0; t = 22 = 2 + period: as t = 2
    t = np.array([0.0, 2.0, 5.0, 12.0, 15.0, 22.0])
    want = 1000.0 * np.array([0.995037, 0.986394, 0.0, -0.986394, 0.0, 0.986394])
    np.testing.assert_allclose(hst_doppler_shift_hz(t, **args), want, atol=1e-3)
    # continuous at t = Ds / v (both branches give -Ds/2 / sqrt(Dmin^2 + Ds^2/4))
    a = hst_doppler_shift_hz(np.array([10.0 - 1e-9, 10.0 + 1e-9]), **args)
    assert a[0] == pytest.approx(a[1], abs=1e-3) and a[0] == pytest.approx(-995.037, abs=1e-3)
    with pytest.raises(ParameterError):
        hst_doppler_shift_hz(1.0, 1000.0, 0.0, 1000.0, 50.0)
