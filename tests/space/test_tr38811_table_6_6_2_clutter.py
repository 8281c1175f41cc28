"""TR 38.811 V15.4.0 6.6.2, Tables 6.6.2-1/-2/-3: shadow fading and clutter loss."""

import pytest

from netsim.errors import ParameterError
from netsim.space.ntn_losses import (
    CIRCULAR_TO_LINEAR_LOSS_DB,
    clutter_loss_db,
    polarization_mismatch_loss_db,
    shadow_fading_std_db,
    shadow_margin_db,
)


def test_printed_cells():
    # Table 6.6.2-1 (dense urban) 10 deg: S band NLOS CL 34.3 dB, Ka NLOS CL 44.3 dB,
    # S band LOS sigma 3.5 dB; Table 6.6.2-3 (suburban/rural) 90 deg: Ka NLOS CL 16.8 dB;
    # Table 6.6.2-2 (urban): sigma 4 dB (LOS) and 6 dB (NLOS) at every elevation.
    assert float(clutter_loss_db("dense_urban", "S", 10.0)) == pytest.approx(34.3)
    assert float(clutter_loss_db("dense_urban", "Ka", 10.0)) == pytest.approx(44.3)
    assert float(shadow_fading_std_db("dense_urban", "S", True, 10.0)) == pytest.approx(3.5)
    assert float(clutter_loss_db("rural", "Ka", 90.0)) == pytest.approx(16.8)
    assert float(shadow_fading_std_db("urban", "Ka", False, 47.0)) == pytest.approx(6.0)
    assert float(shadow_fading_std_db("urban", "S", True, 47.0)) == pytest.approx(4.0)


def test_unknown_scenario_or_band_is_named():
    with pytest.raises(ParameterError, match="scenario"):
        clutter_loss_db("indoor", "S", 30.0)
    with pytest.raises(ParameterError, match="band"):
        clutter_loss_db("urban", "Ku", 30.0)


def test_shadow_margin_is_a_normal_quantile():
    # Normal quantiles (any statistics table): z(0.90) = 1.28155, z(0.99) = 2.32635.
    assert float(shadow_margin_db(4.0, 0.10)) == pytest.approx(4.0 * 1.28155, abs=1e-4)
    assert float(shadow_margin_db(1.0, 0.01)) == pytest.approx(2.32635, abs=1e-5)
    with pytest.raises(ParameterError):
        shadow_margin_db(4.0, 0.0)


def test_polarization_losses():
    # -20 log10(cos 45 deg) = 10 log10(2) = 3.0103 dB; aligned: 0 dB.
    assert float(polarization_mismatch_loss_db(45.0)) == pytest.approx(3.0103, abs=1e-4)
    assert float(polarization_mismatch_loss_db(0.0)) == 0.0
    assert CIRCULAR_TO_LINEAR_LOSS_DB == pytest.approx(3.0103, abs=1e-4)
    with pytest.raises(ParameterError):
        polarization_mismatch_loss_db(90.0)
