"""Coupling loss of the TR 38.901 clause 7.8.1 calibration at hand-computed points.

Each expected value is evaluated here from the printed formulas, independently of netsim:
- path loss: 3GPP TR 38.901 V17.0.0 Table 7.4.1-1 (UMa LOS PL1, UMi-Street Canyon NLOS,
  InH-Office LOS);
- BS antenna: Table 7.3-1 element (theta_3dB = phi_3dB = 65 deg, SLA_V = A_max = 30 dB,
  G_E,max = 8 dBi) plus the electrically tilted 10-element column of Table 7.8-1, whose
  gain is the Dirichlet kernel ``sin^2(M x / 2) / (M sin^2(x / 2))`` with
  ``x = 2 pi d_V (cos(theta) - cos(theta_etilt))`` (closed form of the sum of the port
  weights times the array response).
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from netsim.errors import ParameterError
from netsim.radio.calibration import (
    bs_antenna_gain_dbi,
    calibration_assumptions,
    column_array_factor_db,
    large_scale,
    sector_coupling_loss_db,
)

TOL_DB = 1e-6  # the same closed forms evaluated in float64; rounding only


def _element_dbi(theta_deg: float, phi_deg: float) -> float:
    """TR 38.901 Table 7.3-1, written out from the table."""
    phi = (phi_deg + 180.0) % 360.0 - 180.0
    a_v = -min(12.0 * ((theta_deg - 90.0) / 65.0) ** 2, 30.0)
    a_h = -min(12.0 * (phi / 65.0) ** 2, 30.0)
    return 8.0 - min(-(a_v + a_h), 30.0)


def _dirichlet_db(theta_deg: float, tilt_deg: float, m: int = 10, d_v: float = 0.5) -> float:
    x = 2.0 * math.pi * d_v * (math.cos(math.radians(theta_deg)) - math.cos(math.radians(tilt_deg)))
    if abs(math.sin(x / 2.0)) < 1e-15:
        return 10.0 * math.log10(m)
    return 10.0 * math.log10(math.sin(m * x / 2.0) ** 2 / (m * math.sin(x / 2.0) ** 2))


def test_column_gain_peak_and_horizon():
    # peak at theta = theta_etilt: |sum w_m^* a_m|^2 = M = 10 -> 10 dB
    assert column_array_factor_db(102.0, 102.0) == pytest.approx(10.0, abs=TOL_DB)
    # horizon, tilt 102 deg: x = pi (0 - cos 102) = 0.65317 rad;
    # sin^2(3.26584) / (10 sin^2(0.32658)) = 0.015358 / (10 * 0.102919) -> -18.26 dB
    assert _dirichlet_db(90.0, 102.0) == pytest.approx(-18.26, abs=0.01)
    for theta in (60.0, 90.0, 95.0, 110.0, 135.0, 170.0):
        assert column_array_factor_db(theta, 102.0) == pytest.approx(_dirichlet_db(theta, 102.0),
                                                                     abs=TOL_DB)
    assert column_array_factor_db(100.0, 110.0, n_rows=4) == pytest.approx(
        _dirichlet_db(100.0, 110.0, m=4), abs=TOL_DB)


def test_bs_gain_on_the_electrical_boresight():
    # the element is not mechanically tilted: at theta = 102 deg it is 12 deg off its
    # vertical boresight, A_V = -12 (12/65)^2 = -0.40899 dB; G = 8 - 0.40899 + 10
    assert bs_antenna_gain_dbi(102.0, 30.0, 30.0, 102.0) == pytest.approx(17.59101, abs=1e-5)
    # 120 deg off in azimuth: A_H = -30 (cap), A = -30 -> element -22 dBi; + column 10 dB
    assert bs_antenna_gain_dbi(102.0, 150.0, 30.0, 102.0) == pytest.approx(-12.0, abs=TOL_DB)


def test_uma_los_ue_on_the_sector_boresight():
    # UMa, 6 GHz, hBS 25 m, hUT 1.5 m, UE 12 deg below the horizon along azimuth 30 deg:
    # d2D = 23.5 / tan(12 deg) = 110.560 m, d3D = 23.5 / sin(12 deg) = 113.027 m.
    # dBP' = 4 (25 - 1)(1.5 - 1) 6e9 / 3e8 = 960 m > d2D -> PL1 = 28 + 22 log10(d3D)
    # + 20 log10(6) = 28 + 45.170 + 15.563 = 88.733 dB.
    d2d = 23.5 / math.tan(math.radians(12.0))
    d3d = math.hypot(d2d, 23.5)
    pl = 28.0 + 22.0 * math.log10(d3d) + 20.0 * math.log10(6.0)
    assert pl == pytest.approx(88.733, abs=1e-3)
    g_bore = _element_dbi(102.0, 0.0) + 10.0          # 17.591 dBi
    g_back = _element_dbi(102.0, 120.0) + 10.0        # -12 dBi (sectors 150 and 270 deg)
    cl = sector_coupling_loss_db("UMa", 6e9, [[d2d]], [[30.0]], 25.0, [1.5], [[True]],
                                 electrical_tilt_zenith_deg=102.0)
    assert cl.shape == (1, 3)
    np.testing.assert_allclose(cl[0], [pl - g_bore, pl - g_back, pl - g_back], atol=TOL_DB)
    assert cl[0, 0] == pytest.approx(71.142, abs=1e-3)


def test_umi_nlos_indoor_ue_with_extra_losses():
    # UMi-Street Canyon, 30 GHz, hBS 10 m, UE on the 4th floor hUT = 3 (4 - 1) + 1.5 = 10.5 m
    # (above the BS: zenith < 90 deg), d2D = 80 m, azimuth 200 deg (sector 150: phi = 50).
    # d3D = sqrt(80^2 + 0.5^2); hE = 1 m: dBP' = 4 * 9 * 9.5 * 30e9 / 3e8 = 34200 m.
    # PL_LOS = 32.4 + 21 log10(d3D) + 20 log10(30); PL'_NLOS = 35.3 log10(d3D) + 22.4
    # + 21.3 log10(30) - 0.3 (10.5 - 1.5); PL = max of the two.
    # extra = O2I 20 dB + shadow fading 3.5 dB.
    d2d, hut, az = 80.0, 10.5, 200.0
    d3d = math.hypot(d2d, hut - 10.0)
    pl_los = 32.4 + 21.0 * math.log10(d3d) + 20.0 * math.log10(30.0)
    pl_nlos = 35.3 * math.log10(d3d) + 22.4 + 21.3 * math.log10(30.0) - 0.3 * (hut - 1.5)
    pl = max(pl_los, pl_nlos)
    theta = math.degrees(math.atan2(d2d, hut - 10.0))  # 89.64 deg
    exp = [pl + 23.5 - _element_dbi(theta, az - b) - _dirichlet_db(theta, 102.0)
           for b in (30.0, 150.0, 270.0)]
    cl = sector_coupling_loss_db("UMi", 30e9, [[d2d]], [[az]], 10.0, [hut], [[False]],
                                 extra_loss_db=[[23.5]])
    np.testing.assert_allclose(cl[0], exp, atol=TOL_DB)


def test_inh_los_under_the_ceiling():
    # InH-Office, 6 GHz, hBS 3 m, hUT 1 m, d2D = 5 m: d3D = sqrt(29) = 5.385 m,
    # PL_LOS = 32.4 + 17.3 log10(d3D) + 20 log10(6) = 32.4 + 12.650 + 15.563 = 60.613 dB;
    # zenith = 90 + atan(2 / 5) = 111.80 deg, close to the 110 deg electrical tilt.
    d3d = math.sqrt(29.0)
    pl = 32.4 + 17.3 * math.log10(d3d) + 20.0 * math.log10(6.0)
    assert pl == pytest.approx(60.613, abs=1e-3)
    theta = 90.0 + math.degrees(math.atan2(2.0, 5.0))
    exp = [pl - _element_dbi(theta, 40.0 - b) - _dirichlet_db(theta, 110.0)
           for b in (30.0, 150.0, 270.0)]
    cl = sector_coupling_loss_db("InH", 6e9, [[5.0]], [[40.0]], 3.0, [1.0], [[True]],
                                 electrical_tilt_zenith_deg=110.0)
    np.testing.assert_allclose(cl[0], exp, atol=TOL_DB)


def test_table_7_8_1_assumptions():
    # Table 7.8-1 (second transcription: MATLAB getBwDowntiltPtx): UMa 49 dBm at 6 GHz,
    # 35 dBm at 30 GHz; UMi 44 / 35 dBm; InH 24 dBm; 20 / 100 MHz; NF 9 dB
    assert calibration_assumptions("UMa", 6e9)["tx_power_dbm"] == 49.0
    assert calibration_assumptions("UMa", 30e9)["tx_power_dbm"] == 35.0
    assert calibration_assumptions("UMi", 6e9)["tx_power_dbm"] == 44.0
    assert calibration_assumptions("InH", 70e9)["tx_power_dbm"] == 24.0
    a = calibration_assumptions("UMi", 30e9)
    assert (a["bandwidth_hz"], a["ue_noise_figure_db"], a["isd_m"], a["min_d2d_m"]) == (
        100e6, 9.0, 200.0, 10.0)
    assert calibration_assumptions("InH", 6e9)["electrical_tilt_zenith_deg"] == 110.0


def test_bad_input_raises():
    with pytest.raises(ParameterError, match="scenario"):
        large_scale("RMa", 6e9)
    with pytest.raises(ParameterError, match="tx_power_dbm"):
        large_scale("UMa", 3.5e9)  # Table 7.8-1 has no Tx power at 3.5 GHz
    with pytest.raises(ParameterError, match="n_drop"):
        large_scale("UMa", 6e9, n_drop=3)  # misspelt assumption
    with pytest.raises(ParameterError, match="indoor_fraction"):
        large_scale("UMa", 6e9, indoor_fraction=1.5)
    with pytest.raises(ParameterError, match="indoor_fraction"):
        large_scale("InH", 6e9, indoor_fraction=0.5)  # no O2I in the office layout
    with pytest.raises(ParameterError, match="n_drops"):
        large_scale("UMa", 6e9, n_drops=0)
    with pytest.raises(ParameterError, match="n_ue_per_cell"):
        large_scale("UMa", 6e9, n_ue_per_cell=100, n_drops=1)  # > 4096 indoor UEs per drop
