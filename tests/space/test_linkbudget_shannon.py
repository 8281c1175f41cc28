"""Shannon capacity with an SNR gap (closed forms)."""

import numpy as np
import pytest

from netsim.errors import ParameterError
from netsim.space.linkbudget import shannon_rate_bps


def test_shannon_closed_forms():
    # SNR 0 dB -> log2(2) = 1 bit/s/Hz; 10*log10(3) dB -> 2; 10*log10(15) dB -> 4.
    snr = 10 * np.log10([1.0, 3.0, 15.0])
    np.testing.assert_allclose(shannon_rate_bps(snr, 1e6), [1e6, 2e6, 4e6], rtol=1e-12)


def test_gap_and_attenuation_and_cap():
    # A 3 dB gap at SNR = 10 log10(30) dB: log2(1 + 30 / 10^0.3) = log2(1 + 15.036) = 4.0033.
    r = shannon_rate_bps(10 * np.log10(30.0), 1.0, gap_db=3.0)
    assert float(r) == pytest.approx(np.log2(1 + 30 / 10**0.3))
    assert float(shannon_rate_bps(0.0, 1.0, attenuation=0.6)) == pytest.approx(0.6)
    capped = shannon_rate_bps(40.0, 1.0, max_spectral_efficiency_bps_per_hz=4.4)
    assert float(capped) == pytest.approx(4.4)


def test_rejects_bad_parameters():
    with pytest.raises(ParameterError, match="bandwidth_hz"):
        shannon_rate_bps(10.0, 0.0)
    with pytest.raises(ParameterError, match="attenuation"):
        shannon_rate_bps(10.0, 1e6, attenuation=1.5)
    with pytest.raises(ParameterError, match="gap_db"):
        shannon_rate_bps(10.0, 1e6, gap_db=-1.0)
