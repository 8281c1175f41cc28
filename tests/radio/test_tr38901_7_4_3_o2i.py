"""O2I penetration loss of TR 38.901 V17.0.0 clause 7.4.3 (Tables 7.4.3-1, 7.4.3-2)."""

import numpy as np
import pytest

from netsim.errors import ParameterError
from netsim.radio.pathloss import (
    draw_car_penetration_loss_db,
    draw_indoor,
    draw_o2i_loss_db,
    indoor_fraction,
    material_penetration_loss_db,
    o2i_through_wall_loss_db,
)


@pytest.mark.parametrize(
    ("material", "expected"),
    # Table 7.4.3-1 at 28 GHz: 2 + 0.2*28, 23 + 0.3*28, 5 + 4*28, 4.85 + 0.12*28
    [("standard_glass", 7.6), ("irr_glass", 31.4), ("concrete", 117.0), ("wood", 8.21)],
)
def test_material_losses_28ghz(material, expected):
    assert material_penetration_loss_db(material, 28e9) == pytest.approx(expected, abs=1e-9)


def test_through_wall_low_and_high_28ghz_by_hand():
    # low:  5 - 10 log10(0.3 10^-0.76 + 0.7 10^-11.7) = 5 - 10 log10(0.05213402) = 17.82878745
    # high: 5 - 10 log10(0.7 10^-3.14 + 0.3 10^-11.7) = 5 - 10 log10(5.07105e-4) = 37.94901959
    assert o2i_through_wall_loss_db(28e9, "low") == pytest.approx(17.82878745, abs=1e-7)
    assert o2i_through_wall_loss_db(28e9, "high") == pytest.approx(37.94901959, abs=1e-7)


def test_drawn_o2i_loss_statistics():
    """Mean = PL_tw + 0.5 E[min(U1, U2)] = 17.82878745 + 0.5 * 25/3 = 21.99545412 dB;
    variance = 0.25 Var[min] + 4.4^2 = 0.25 * 25^2/18 + 19.36 = 28.04 (std 5.30 dB).
    100 000 draws: standard error of the mean 0.0167 dB; tolerance 5 sigma."""
    rng = np.random.default_rng(9)
    x = draw_o2i_loss_db("UMa", 28e9, 100000, rng, "low")
    assert x.mean() == pytest.approx(21.99545412, abs=0.084)
    assert x.std() == pytest.approx(np.sqrt(0.25 * 625 / 18 + 4.4**2), abs=0.06)


def test_car_and_indoor():
    rng = np.random.default_rng(2)
    car = draw_car_penetration_loss_db(100000, rng)  # N(9, 5): se of mean 0.0158
    assert car.mean() == pytest.approx(9.0, abs=0.08)
    assert indoor_fraction("UMa") == 0.8 and indoor_fraction("RMa") == 0.5
    ind = draw_indoor("UMi", 100000, rng)  # se sqrt(0.16/1e5) = 0.00126
    assert ind.mean() == pytest.approx(0.8, abs=0.0064)
    with pytest.raises(ParameterError):
        draw_o2i_loss_db("InH", 28e9, 10, rng)
    with pytest.raises(ParameterError):
        o2i_through_wall_loss_db(28e9, "medium")
