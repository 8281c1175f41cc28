"""TR 38.811 V15.4.0 6.6.4 (gases) and 6.6.6 (scintillation) as used by TR 38.821."""

import numpy as np
import pytest

from netsim.errors import ParameterError, ValidityRangeError
from netsim.space.ntn_losses import (
    gas_loss_slant_db,
    ionospheric_scintillation_loss_db,
    scintillation_loss_db,
    tropospheric_scintillation_loss_db,
)


def test_table_6_6_6_2_1_1_printed_cells():
    # TR 38.811 Table 6.6.6.2.1-1 (20 GHz, 99 %): 10 deg 1.08 dB, 20 deg 0.48, 30 deg 0.30,
    # 50 deg 0.17 dB.
    np.testing.assert_allclose(
        tropospheric_scintillation_loss_db([10, 20, 30, 50]), [1.08, 0.48, 0.30, 0.17]
    )


def test_ka_scintillation_at_30_deg_is_the_tr38821_figure():
    # TR 38.821 Table 6.1.3.3-1, LEO Ka rows at 30 deg: scintillation loss 0.3 dB.
    assert float(scintillation_loss_db(20e9, 30.0)) == pytest.approx(0.3)
    assert float(scintillation_loss_db(30e9, 30.0)) == pytest.approx(0.3)


def test_s_band_ionospheric_scintillation_is_the_tr38821_figure():
    # TR 38.811 6.6.6.1.4: PL = A_IS(4 GHz) (f/4)^-1.5 / sqrt(2); with 1.1 dB at 4 GHz:
    # 1.1 * 2^1.5 / sqrt(2) = 1.1 * 2 = 2.2 dB at 2 GHz = TR 38.821 Table 6.1.3.3-1 S band.
    assert float(ionospheric_scintillation_loss_db(2e9)) == pytest.approx(2.2, abs=1e-12)
    assert float(scintillation_loss_db(2e9, 30.0)) == pytest.approx(2.2, abs=1e-12)
    # f^-1.5 law: halving the frequency multiplies the loss by 2^1.5.
    ratio = ionospheric_scintillation_loss_db(1e9) / ionospheric_scintillation_loss_db(2e9)
    assert float(ratio) == pytest.approx(2**1.5)


def test_nearest_and_linear_lookup():
    # 12.5 deg (GEO, TR 38.821): nearest printed row 10 deg -> 1.08 dB; linear
    # 1.08 + 0.25 (0.48 - 1.08) = 0.93 dB. 15 deg rounds up to the 20 deg row.
    assert float(tropospheric_scintillation_loss_db(12.5)) == pytest.approx(1.08)
    assert float(tropospheric_scintillation_loss_db(12.5, "linear")) == pytest.approx(0.93)
    assert float(tropospheric_scintillation_loss_db(15.0)) == pytest.approx(0.48)


def test_below_the_table_is_out_of_validity_range():
    with pytest.raises(ValidityRangeError, match="elevation_deg"):
        tropospheric_scintillation_loss_db(5.0)
    with pytest.raises(ParameterError, match="method"):
        tropospheric_scintillation_loss_db(30.0, "cubic")


def test_ionospheric_model_refused_above_6_ghz():
    with pytest.raises(ValidityRangeError):
        ionospheric_scintillation_loss_db(20e9)


def test_mixed_bands_broadcast():
    out = scintillation_loss_db(np.array([2e9, 20e9]), np.array([30.0, 10.0]))
    np.testing.assert_allclose(out, [2.2, 1.08])


def test_gas_cosecant_law():
    # TR 38.811 6.6.4: PL_A = A_zenith / sin(alpha). TR 38.821 prints 0.5 dB at 30 deg
    # for LEO Ka, i.e. A_zenith = 0.25 dB; at zenith the loss is A_zenith itself.
    assert float(gas_loss_slant_db(0.25, 30.0)) == pytest.approx(0.5)
    assert float(gas_loss_slant_db(0.25, 90.0)) == pytest.approx(0.25)
    with pytest.raises(ValidityRangeError):
        gas_loss_slant_db(0.25, 9.0)
