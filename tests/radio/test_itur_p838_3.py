"""ITU-R P.838-3 rain specific attenuation against ITU-R validation data.

Reference rows: ITU-Rpy test/test_data/838/ITURP838-3_rain_specific_attenuation.csv
(from the ITU-R SG3 validation examples): elevation, frequency, rain rate, tilt, k, alpha,
gamma_R. The values are printed to 8 decimals (k, alpha, most gamma_R) or 7 (some
gamma_R): tolerance half a unit of the last printed digit.
"""

import pytest

from netsim.errors import ParameterError, ValidityRangeError
from netsim.radio.atmosphere import rain_coefficients, rain_specific_attenuation_db_per_km

ABS_TOL_8 = 5e-9  # half a unit in the 8th decimal
ABS_TOL_7 = 5e-8  # half a unit in the 7th decimal (gamma_R printed with 7 in some rows)

# el (deg), f (GHz), R (mm/h), tau (deg), k, alpha, gamma_R (dB/km)
ROWS = [
    (31.07699124, 14.25, 26.48052, 0, 0.03975488, 1.12418043, 1.58130839),
    (40.232036, 14.25, 33.936232, 0, 0.04007624, 1.11804138, 2.06173213),
    (46.35969261, 14.25, 27.13586832, 0, 0.04030344, 1.11376017, 1.5920842),
    (31.07699124, 29, 26.48052, 0, 0.22106804, 0.95320005, 5.02180189),
    (22.27833468, 29, 50.639304, 0, 0.22168203, 0.95543001, 9.42430244),
    (52.67898486, 29, 78.2994993, 0, 0.21923716, 0.9464763, 13.59290086),
    (48.24117054, 14.25, 63.62668149, 90, 0.04226474, 1.07871664, 3.72901264),
    (85.80459566, 14.25, 99.13558978, 90, 0.04133039, 1.09499629, 6.34064598),
    (20.14335809, 29, 42.91007183, 90, 0.21298877, 0.92265917, 6.83364556),
    (85.80459566, 29, 99.13558978, 90, 0.21737148, 0.93950825, 16.3183686),
]


@pytest.mark.parametrize(("el", "f", "r", "tau", "k", "alpha", "gamma"), ROWS)
def test_itu_validation_rows(el, f, r, tau, k, alpha, gamma):
    kk, aa = rain_coefficients(f * 1e9, el, tau)
    assert kk == pytest.approx(k, abs=ABS_TOL_8)
    assert aa == pytest.approx(alpha, abs=ABS_TOL_8)
    assert rain_specific_attenuation_db_per_km(f * 1e9, r, el, tau) == pytest.approx(
        gamma, abs=ABS_TOL_7
    )


def test_errors():
    with pytest.raises(ValidityRangeError):
        rain_specific_attenuation_db_per_km(0.5e9, 10.0)
    with pytest.raises(ParameterError):
        rain_specific_attenuation_db_per_km(30e9, -1.0)
    assert rain_specific_attenuation_db_per_km(30e9, 0.0) == 0.0
