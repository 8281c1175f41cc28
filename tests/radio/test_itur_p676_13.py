"""ITU-R P.676-13 Annex 1 specific attenuation against ITU-R validation data.

Reference values: ITU-R Study Group 3 validation examples CG-3M3J-13-ValEx-Rev8.3.0.xlsx,
sheet "P.676-13 SpAtt" (p = 1013.25 hPa dry air, T = 288.15 K, rho = 7.5 g/m^3), as
reproduced in ITU-Rpy test/test_data/676/ITURP676-13_gamma.csv and
test/test_itu676_13.py. ITU-Rpy checks them to 4-5 decimals; we ask 1e-9 relative
(the same closed-form line sum in double precision).
"""

import numpy as np
import pytest

from netsim.errors import ParameterError, ValidityRangeError
from netsim.radio.atmosphere import (
    gaseous_attenuation_db_per_km,
    oxygen_attenuation_db_per_km,
    water_vapour_attenuation_db_per_km,
    water_vapour_pressure_hpa,
)

REL_TOL = 1e-9

# f (GHz), gamma_o (dB/km), gamma_w (dB/km), gamma total (dB/km)
ITU_VALEX_SPATT = [
    (12.0, 0.00869826406877357, 0.00953538822024593, 0.0182336522889695),
    (20.0, 0.0118835504778076, 0.0970473048151117, 0.108930855292919),
    (60.0, 14.6234747964861, 0.154841841, 14.7783166374861),
    (90.0, 0.0388697110724235, 0.341973394, 0.380843105072424),
    (130.0, 0.0415090835995228, 0.751844704, 0.793353787599523),
]


@pytest.mark.parametrize(("f_ghz", "g_o", "g_w", "g"), ITU_VALEX_SPATT)
def test_itu_validation_examples(f_ghz, g_o, g_w, g):
    f = f_ghz * 1e9
    assert oxygen_attenuation_db_per_km(f, 1013.25, 15.0, 7.5) == pytest.approx(g_o, rel=REL_TOL)
    # the spreadsheet prints gamma_w at 60, 90, 130 GHz to 9 decimals only
    assert water_vapour_attenuation_db_per_km(f, 1013.25, 15.0, 7.5) == pytest.approx(
        g_w, rel=1e-8, abs=1e-9
    )
    assert gaseous_attenuation_db_per_km(f) == pytest.approx(g, rel=1e-8)


def test_vectorised_matches_scalar():
    f = np.array([r[0] for r in ITU_VALEX_SPATT]) * 1e9
    np.testing.assert_allclose(gaseous_attenuation_db_per_km(f),
                               [r[3] for r in ITU_VALEX_SPATT], rtol=1e-8)


def test_oxygen_complex_peak_near_60ghz():
    """P.676-13 Fig. 1 (standard atmosphere): the 60 GHz oxygen complex peaks at about
    15 dB/km at sea level, between 59 and 61 GHz."""
    f = np.linspace(55e9, 66e9, 1101)
    g = oxygen_attenuation_db_per_km(f)
    peak_f = f[np.argmax(g)]
    assert 59e9 < peak_f < 61e9
    assert 14.0 < g.max() < 16.5


def test_water_vapour_line_22ghz():
    """The 22.235080 GHz water-vapour line (Table 2, line 1). At 1013 hPa it is pressure
    broadened (Delta f ~ 3 GHz) and the f / f0 factor plus the far wings of the higher
    lines push the local maximum of gamma_w up to ~22.7 GHz; at 10 hPa dry pressure the line
    is narrow (Delta f ~ 0.2 GHz, mostly self-broadening) and the maximum sits on the line
    centre."""
    f = np.linspace(21e9, 23.5e9, 25001)
    g_sea = water_vapour_attenuation_db_per_km(f)
    assert 22.2e9 < f[np.argmax(g_sea)] < 22.8e9
    assert 0.15 < g_sea.max() < 0.22  # P.676-13 Fig. 1: ~0.2 dB/km at 7.5 g/m^3
    g_low = water_vapour_attenuation_db_per_km(f, 10.0, 15.0, 7.5)
    assert f[np.argmax(g_low)] == pytest.approx(22.23508e9, abs=0.01e9)
    # and the 183.31 GHz line dwarfs it (P.676-13 Fig. 1: ~28 dB/km at 7.5 g/m^3)
    assert 20.0 < water_vapour_attenuation_db_per_km(183.31e9) < 35.0


def test_dry_air_has_no_water_vapour_attenuation():
    assert water_vapour_attenuation_db_per_km(60e9, 1013.25, 15.0, 0.0) == 0.0


def test_water_vapour_pressure_eq4():
    # e = rho T / 216.7 = 7.5 * 288.15 / 216.7 = 2161.125 / 216.7 = 9.97288879 hPa
    # (the ITU ValEx sheet prints 9.97289)
    assert water_vapour_pressure_hpa(7.5, 15.0) == pytest.approx(9.97288879, rel=1e-9)


def test_validity_range():
    with pytest.raises(ValidityRangeError) as exc:
        gaseous_attenuation_db_per_km(0.5e9)
    assert exc.value.field == "freq_hz"
    with pytest.raises(ValidityRangeError):
        gaseous_attenuation_db_per_km(1.1e12)
    assert gaseous_attenuation_db_per_km(1e12) > 0  # upper edge included
    with pytest.raises(ParameterError):
        gaseous_attenuation_db_per_km(60e9, water_vapour_g_m3=-1.0)
    with pytest.raises(ParameterError):
        gaseous_attenuation_db_per_km(60e9, pressure_hpa=0.0)
