"""GN-model closed forms of Poggiolini, J. Lightw. Technol. 32(4), 2014 (arXiv:1209.0394).

Checks netsim's per-channel NLI sum (eq. 120) and link budget against the paper's
closed forms, evaluated here independently with ``math``: single-channel / Nyquist-WDM
NLI, cubic scaling of NLI with power, the optimum launch power
P_opt = (P_ASE / (2 eta))^(1/3) with P_ASE = 2 P_NLI there, and incoherent accumulation
over transparent spans.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from netsim.optical.amplifier import Edfa
from netsim.optical.channel_plan import ChannelPlan
from netsim.optical.fiber import FiberSpan, Link
from netsim.optical.gn_model import (
    coherence_factor,
    nli_span_w,
    nli_span_w_numpy,
    nyquist_wdm_eta_per_w2,
)

C = 299_792_458.0
SPAN = FiberSpan(length_km=80.0)


def _hand_single_channel_eta(rate_baud):
    """(8/27) g^2 L_eff^2 asinh(pi^2/2 |b2| L_a R^2) / (pi |b2| L_a R^2), by hand.

    alpha = 0.2 / (10 log10 e) / 1000 = 4.60517e-5 1/m; L_eff = (1 - e^-3.684) / alpha
    = 21169 m; L_a = 1/alpha = 21715 m; |beta2| = 16.7e-6 * 1550e-9^2 / (2 pi c)
    = 2.1300e-26 s^2/m; gamma = 1.27e-3 1/(W m).
    """
    alpha = 0.2 / (10 * math.log10(math.e)) / 1000
    l_eff = (1 - math.exp(-alpha * 80e3)) / alpha
    l_a = 1 / alpha
    b2 = 16.7e-6 * (1550e-9) ** 2 / (2 * math.pi * C)
    gamma = 1.27e-3
    x = 0.5 * math.pi**2 * b2 * l_a * rate_baud**2
    return (8 / 27) * gamma**2 * l_eff**2 * math.asinh(x) / (math.pi * b2 * l_a * rate_baud**2)


@pytest.mark.parametrize("kernel", [nli_span_w, nli_span_w_numpy], ids=["numba", "numpy"])
@pytest.mark.parametrize("rate_baud", [32e9, 64e9])
def test_single_channel_nli_equals_closed_form(kernel, rate_baud):
    p_w = 1e-3
    nli = kernel(np.array([193.4e12]), np.array([rate_baud]), np.array([p_w]),
                 SPAN.alpha_per_m, SPAN.beta2_s2_per_m, SPAN.gamma_per_w_m, SPAN.length_m)
    assert nli[0] == pytest.approx(_hand_single_channel_eta(rate_baud) * p_w**3, rel=1e-12)


def test_hand_values_of_span_constants():
    # L_eff = 21169 m, beta2 = -2.1300e-26 s^2/m (see _hand_single_channel_eta)
    assert SPAN.effective_length_m == pytest.approx(21169.0, abs=1.0)
    assert SPAN.beta2_s2_per_m == pytest.approx(-2.1300e-26, rel=1e-4)


@pytest.mark.parametrize("n_channels", [11, 51, 151])
def test_nyquist_wdm_centre_channel_matches_closed_form(n_channels):
    # Nyquist-WDM comb (spacing = symbol rate): the per-channel sum of eq. (120)
    # telescopes to 2 asinh(a B_WDM / 2) - asinh(a R / 2) (a = pi^2 |b2| L_a R), which
    # tends to the Nyquist closed form asinh(pi^2/2 |b2| L_a B_WDM^2) for large
    # arguments; [P14] quotes the two as agreeing to within a few percent.
    rate = 32e9
    f = 193.4e12 + rate * (np.arange(n_channels) - n_channels // 2)
    p = np.full(n_channels, 1e-3)
    nli = nli_span_w(f, np.full(n_channels, rate), p, SPAN.alpha_per_m, SPAN.beta2_s2_per_m,
                     SPAN.gamma_per_w_m, SPAN.length_m)[n_channels // 2]
    eta = nyquist_wdm_eta_per_w2(n_channels * rate, rate, SPAN.alpha_per_m,
                                 SPAN.beta2_s2_per_m, SPAN.gamma_per_w_m, SPAN.length_m)
    assert abs(10 * math.log10(nli / (eta * 1e-9))) < 0.05  # dB


def test_nli_is_cubic_in_power():
    plan = ChannelPlan.for_bands("C", 50e9, 32e9)
    link = Link.uniform(5)
    _, _, n0 = link.noise_w(plan, 0.0)
    _, _, n3 = link.noise_w(plan, 3.0)
    # +3 dB per channel -> NLI x 10^(0.9) (cubic): ratio 7.943
    np.testing.assert_allclose(n3 / n0, 10 ** 0.9, rtol=1e-10)


@pytest.mark.parametrize("channel", [0, 47, 95])
def test_optimum_power_one_third_rule(channel):
    # The closed form holds for a uniform launch power: channel i's optimum P_i, applied
    # to every channel, makes channel i's ASE twice its NLI.
    plan = ChannelPlan.for_bands("C", 50e9, 32e9)
    link = Link.uniform(10)
    p_opt = link.optimum_launch_power_dbm(plan)[channel]  # closed form
    sig, ase, nli = link.noise_w(plan, p_opt)
    # at P_opt: P_ASE = 2 P_NLI (d/dP of P/(A + eta P^3) = 0  <=>  A = 2 eta P^3)
    assert ase[channel] == pytest.approx(2 * nli[channel], rel=1e-9)
    # ... and GSNR = SNR_ASE - 10 log10(3/2) = SNR_ASE - 1.761 dB
    b = link.budget(plan, p_opt)
    assert b.snr_ase_db[channel] - b.gsnr_db[channel] == pytest.approx(10 * math.log10(1.5))
    # the numerical maximisation of the channel's GSNR lands on the closed form
    p_num = link.optimum_launch_power_dbm(plan, method="numeric", channel_index=channel)
    assert p_num == pytest.approx(p_opt, abs=0.01)


def test_incoherent_accumulation_over_transparent_spans():
    # identical transparent spans: ASE and NLI both add once per span -> GSNR(N) = GSNR(1)/N
    plan = ChannelPlan.for_bands("C", 50e9, 32e9)
    g1 = Link.uniform(1).gsnr_db(plan, 1.0)
    g25 = Link.uniform(25).gsnr_db(plan, 1.0)
    np.testing.assert_allclose(g1 - g25, 10 * math.log10(25), atol=1e-9)


def test_gain_below_span_loss_lowers_next_span_power():
    # an EDFA 3 dB short of the span loss halves the power into span 2: its NLI is
    # (1/2)^3 of span 1's, and the receiver sees the signal 3 dB lower
    plan = ChannelPlan.for_bands("C", 50e9, 32e9)
    short = FiberSpan(80.0, amplifier=Edfa(gain_db=13.0))
    last = FiberSpan(80.0)
    sig, _, nli = Link([short, last]).noise_w(plan, 0.0)
    _, _, nli1 = Link([FiberSpan(80.0)]).noise_w(plan, 0.0)
    np.testing.assert_allclose(sig, 10 ** (-0.3) * 1e-3, rtol=1e-12)
    # span-1 NLI is attenuated 3 dB with the signal; span-2 NLI is 1/8 at -3 dB power
    expected = nli1 * 10 ** (-0.3) + nli1 * 10 ** (-0.9)
    np.testing.assert_allclose(nli, expected, rtol=1e-9)


def test_coherence_factor_hand_value():
    # Poggiolini, J. Lightw. Technol. 30(24), 2012, eq. (22), 80 km SSMF, B = 32 GHz:
    # x = pi^2/2 |b2| L_a B^2 = 4.9348 x 2.1300e-26 x 21715 x 1.024e21 = 2.337;
    # asinh(2.337) = 1.585; 6 L_a / (L_s asinh) = 6 x 21715 / (80000 x 1.585) = 1.0275;
    # epsilon = 0.3 ln(2.0275) = 0.212
    eps = coherence_factor(32e9, SPAN.alpha_per_m, SPAN.beta2_s2_per_m, SPAN.length_m)
    assert eps == pytest.approx(0.212, abs=0.001)


def test_coherent_spm_single_channel_grows_as_n_to_one_plus_epsilon():
    # single channel (NLI = SPM only): P_NLI(N) = N^(1 + epsilon) P_NLI(1) ([P12] eq. 22)
    plan = ChannelPlan([193.4e12], 32e9, 50e9)
    _, _, n1 = Link.uniform(1, nli_accumulation="coherent_spm").noise_w(plan, 0.0)
    _, _, n20 = Link.uniform(20, nli_accumulation="coherent_spm").noise_w(plan, 0.0)
    eps = coherence_factor(32e9, SPAN.alpha_per_m, SPAN.beta2_s2_per_m, SPAN.length_m)
    assert n20[0] == pytest.approx(20 ** (1 + eps) * n1[0], rel=1e-12)
    # incoherent: N^1
    _, _, i20 = Link.uniform(20).noise_w(plan, 0.0)
    assert i20[0] == pytest.approx(20 * n1[0], rel=1e-12)


def test_coherent_spm_changes_only_the_spm_part_in_wdm():
    # 96 channels: XPM dominates, so the coherent SPM term raises NLI by less than
    # N^epsilon but by more than nothing
    plan = ChannelPlan.for_bands("C", 50e9, 32e9)
    _, _, inc = Link.uniform(20).noise_w(plan, 0.0)
    _, _, coh = Link.uniform(20, nli_accumulation="coherent_spm").noise_w(plan, 0.0)
    ratio = coh / inc
    assert np.all(ratio > 1.0) and np.all(ratio < 20 ** 0.212)
