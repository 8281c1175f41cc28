"""Fibre span constants, channel plans and input validation.

Outside numbers: Agrawal, Nonlinear Fiber Optics (5th ed.), eq. (1.2.11)
beta2 = -D lambda^2 / (2 pi c); the effective-length definition of Poggiolini 2014;
GNPy 3.0.1's C-band channel count at 50 GHz (its example spectral information,
f_min 191.35 THz, f_max 196.1 THz: ``automatic_nch`` = 96 channels).
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from netsim.errors import ParameterError
from netsim.optical.channel_plan import ChannelPlan, band_edges_hz
from netsim.optical.fiber import FiberSpan, Link, fiber_type


def test_ssmf_defaults_and_derived_constants():
    s = FiberSpan.of_type("SSMF", 80.0)
    assert (s.attenuation_db_per_km, s.dispersion_ps_nm_km, s.gamma_per_w_km,
            s.effective_area_um2) == (0.2, 16.7, 1.27, 80.0)
    assert s.loss_db == pytest.approx(16.0)
    assert s.gain_db == pytest.approx(16.0)  # default EDFA gain = span loss
    # beta2 = -16.7e-6 s/m^2 x (1550e-9 m)^2 / (2 pi x 299792458 m/s) = -2.1300e-26 s^2/m
    assert s.beta2_s2_per_m == pytest.approx(-16.7e-6 * 1550e-9**2 / (2 * math.pi * 299792458))
    assert s.beta2_s2_per_m * 1e27 == pytest.approx(-21.30, abs=0.01)  # ps^2/km
    # alpha = 0.2/4.3429 /km; L_eff = (1 - 10^-1.6) / alpha = 21.17 km
    assert s.effective_length_m / 1e3 == pytest.approx(21.17, abs=0.01)
    assert fiber_type("SSMF")["gamma_per_w_km"] == 1.27


def test_c_band_plan_matches_gnpy_channel_count():
    f_min, f_max = band_edges_hz("C")
    assert (f_min, f_max) == (191.3e12, 196.1e12)
    plan = ChannelPlan.for_bands("C", 50e9, 32e9)
    assert plan.n_channels == 96
    assert plan.center_freq_hz[0] == pytest.approx(191.325e12)
    assert plan.occupied_bandwidth_hz == pytest.approx(4.8e12)
    cl = ChannelPlan.for_bands(("C", "L"), 50e9, 32e9)
    assert cl.n_channels == 192 and cl.occupied_bandwidth_hz == pytest.approx(9.6e12)
    assert np.all(np.diff(cl.center_freq_hz) > 0)


@pytest.mark.parametrize(
    "kwargs",
    [dict(length_km=-1.0), dict(length_km=80.0, attenuation_db_per_km=0.0),
     dict(length_km=80.0, gamma_per_w_km=float("inf"))],
)
def test_bad_span_parameters_raise(kwargs):
    with pytest.raises(ParameterError):
        FiberSpan(**kwargs)


def test_bad_plans_and_inputs_raise():
    with pytest.raises(ParameterError):
        ChannelPlan([193.0e12, 193.02e12], 32e9, 50e9)  # 32 GBd channels 20 GHz apart
    with pytest.raises(ParameterError):
        ChannelPlan([193.1e12, 193.0e12], 32e9, 50e9)  # unsorted
    with pytest.raises(ParameterError):
        band_edges_hz("S")
    with pytest.raises(ParameterError):
        fiber_type("unobtainium")
    with pytest.raises(ParameterError):
        Link([])
    link = Link.uniform(2)
    plan = ChannelPlan.for_bands("C", 50e9, 32e9)
    with pytest.raises(ParameterError):
        link.gsnr_db(plan, np.zeros(5))  # wrong shape
    with pytest.raises(ParameterError):
        link.gsnr_db(plan, float("nan"))
    with pytest.raises(ParameterError):
        link.noise_w(plan, 0.0, backend="cuda")
    with pytest.raises(ParameterError):
        link.optimum_launch_power_dbm(plan, method="guess")
    with pytest.raises(ParameterError):
        Link.uniform(0)
    with pytest.raises(ParameterError):
        Link.uniform(2, nli_accumulation="partly")


def test_numba_and_numpy_backends_agree():
    plan = ChannelPlan.for_bands(("L", "C"), 75e9, 64e9)
    link = Link([FiberSpan(70.0 + i) for i in range(5)])
    a = link.noise_w(plan, 1.0, backend="numba")
    b = link.noise_w(plan, 1.0, backend="numpy")
    for x, y in zip(a, b):
        np.testing.assert_allclose(x, y, rtol=1e-10)
