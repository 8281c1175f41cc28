"""EDFA ASE noise, P_ASE = NF h nu G B (Desurvire 1994, Ch. 2; GNPy Edfa.noise_profile)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from netsim.errors import ParameterError
from netsim.optical.amplifier import Edfa, ase_power_w
from netsim.optical.channel_plan import ChannelPlan
from netsim.optical.fiber import FiberSpan, Link

H = 6.62607015e-34


def test_ase_at_known_gain_and_nf():
    # NF 5 dB (3.1623), G 20 dB (100), nu 193.1 THz, B 12.5 GHz:
    # h nu = 1.27949e-19 J; x 3.16228 x 100 x 12.5e9 = 5.0577e-7 W = -32.96 dBm,
    # the "-58 dBm + NF + G in 0.1 nm" rule of thumb (h nu x 12.5 GHz = -58.0 dBm).
    p = ase_power_w(5.0, 20.0, 193.1e12, 12.5e9)
    assert p == pytest.approx(5.0577e-7, rel=1e-4)
    assert 10 * math.log10(p) + 30 == pytest.approx(-58.0 + 5.0 + 20.0, abs=0.05)


def test_link_osnr_rule_of_thumb():
    # N transparent spans, launch P: OSNR_0.1nm = P - (-58 + NF + G) - 10 log10 N (dB)
    # = 0 + 58 - 5.5 - 16 - 10 = 26.5 dB for 10 spans of 80 km at 0 dBm (h nu B = -57.95 dBm at
    # 193.4 THz, so within 0.15 dB over the band); exact: h nu B at each channel frequency.
    plan = ChannelPlan.for_bands("C", 50e9, 32e9)
    osnr = Link.uniform(10).osnr_db(plan, 0.0)
    f = plan.center_freq_hz
    exact = -10 * np.log10(10 * 10 ** 0.55 * 10 ** 1.6 * H * f * 12.5e9 / 1e-3)
    np.testing.assert_allclose(osnr, exact, atol=1e-9)
    assert np.all(np.abs(osnr - 26.5) < 0.15)


def test_bad_amplifier_parameters_raise():
    with pytest.raises(ParameterError):
        Edfa(gain_db=-1.0)
    with pytest.raises(ParameterError):
        Edfa(noise_figure_db=float("nan"))
    with pytest.raises(ParameterError):
        FiberSpan(80.0, dispersion_ps_nm_km=0.0)
