"""TR 38.811 V15.4.0 6.6.2: slant range eq. (6.6-3) and free-space path loss eq. (6.6-2)."""

import math

import numpy as np
import pytest

from netsim.errors import ParameterError
from netsim.space.linkbudget import free_space_path_loss_db, slant_range_m

R_E = 6371e3
C = 299_792_458.0


def test_slant_range_at_zenith_is_the_altitude():
    # alpha = 90 deg: d = sqrt(R^2 + h^2 + 2hR) - R = (R + h) - R = h.
    np.testing.assert_allclose(
        slant_range_m(90.0, [600e3, 1200e3, 35786e3]), [600e3, 1200e3, 35786e3], rtol=1e-12
    )


def test_slant_range_at_the_horizon_is_the_tangent_length():
    # alpha = 0: d = sqrt(h^2 + 2hR) = sqrt((R+h)^2 - R^2), the tangent from the ground.
    for h in (600e3, 1200e3, 35786e3):
        assert float(slant_range_m(0.0, h)) == pytest.approx(
            math.sqrt((R_E + h) ** 2 - R_E**2), rel=1e-12
        )


def test_slant_range_satisfies_the_law_of_cosines():
    # Independent check: Earth centre O, ground point G, satellite S with |OS| = R + h.
    # The angle OGS is 90 + alpha, so |OS|^2 = R^2 + d^2 - 2 R d cos(90 + alpha).
    el = np.array([5.0, 12.5, 30.0, 60.0])
    for h in (600e3, 35786e3):
        d = slant_range_m(el, h)
        lhs = (R_E + h) ** 2
        rhs = R_E**2 + d**2 + 2 * R_E * d * np.sin(np.deg2rad(el))
        np.testing.assert_allclose(lhs, rhs, rtol=1e-12)


def test_fspl_formula_is_friis_with_rounded_constant():
    # Friis: 20 log10(4 pi d f / c) = 20 log10(4 pi 1e9 / c) + 20 log10(f_GHz) + 20 log10(d_m),
    # 20 log10(4 pi 1e9 / c) = 32.4478 dB; TR 38.811 rounds it to 32.45 (+0.0022 dB).
    d = np.array([1e3, 1075.09e3, 40316.7e3])
    f = np.array([2e9, 20e9, 30e9])
    friis = 20 * np.log10(4 * np.pi * d * f / C)
    np.testing.assert_allclose(
        free_space_path_loss_db(d, f) - friis,
        32.45 - 20 * math.log10(4 * math.pi * 1e9 / C),
        atol=1e-12,
    )
    assert 32.45 - 20 * math.log10(4 * math.pi * 1e9 / C) == pytest.approx(0.0022, abs=1e-4)


def test_geo_fspl_at_12_5_deg():
    # GEO at 12.5 deg (TR 38.821 Table 6.1.3.2-1): d = 40316.7 km;
    # FSPL(20 GHz) = 32.45 + 26.0206 + 152.110 = 210.58 dB (printed 210.6 in Table 6.1.3.3-1).
    d = slant_range_m(12.5, 35786e3)
    assert float(d) == pytest.approx(40316.7e3, abs=100.0)
    assert float(free_space_path_loss_db(d, 20e9)) == pytest.approx(210.6, abs=0.05)


@pytest.mark.parametrize(
    "kwargs",
    [
        dict(elevation_deg=-1.0, altitude_m=600e3),
        dict(elevation_deg=91.0, altitude_m=600e3),
        dict(elevation_deg=30.0, altitude_m=0.0),
        dict(elevation_deg=float("nan"), altitude_m=600e3),
    ],
)
def test_slant_range_rejects_bad_input(kwargs):
    with pytest.raises(ParameterError):
        slant_range_m(**kwargs)


def test_fspl_rejects_non_positive_distance_and_names_the_field():
    with pytest.raises(ParameterError, match="distance_m"):
        free_space_path_loss_db([1e3, 0.0], 2e9)
