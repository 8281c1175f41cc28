"""ROADM / lightpath latency: propagation L n_g / c plus add/drop, pass-through, OEO.

Outside numbers: c = 299 792 458 m/s (exact, SI); n_g = 1.4682 (Corning SMF-28 Ultra
product information sheet PI1424, effective group index at 1550 nm); the "about 4.9 us/km"
rule of optical latency budgets; NSFNET link lengths of the DeepRMSA files
(``nsfnet_deeprmsa.json``: NY-MI 600, MI-UT 1950, UT-CA1 750 km).
"""

import pytest

from netsim.errors import ParameterError
from netsim.optical.roadm import (
    RoadmParameters,
    lightpath_delay_s,
    propagation_delay_s,
)

C = 299_792_458.0
REL = 1e-12  # float64 round-off of a few products


def test_group_index_gives_about_4_9_us_per_km():
    # 1.4682 * 1000 m / 299 792 458 m/s = 4.897386e-6 s/km
    assert RoadmParameters().delay_s_per_km == pytest.approx(4.897386e-6, rel=1e-6)
    # "about 4.9 us/km": within 0.1 %
    assert RoadmParameters().delay_s_per_km == pytest.approx(4.9e-6, rel=1e-3)
    assert propagation_delay_s(1000.0) == pytest.approx(1000 * 1.4682e3 / C, rel=REL)


def test_nsfnet_route_delay_by_hand():
    # NY-MI-UT-CA1: 600 + 1950 + 750 = 3300 km, 3 fibres, 2 ROADMs passed
    roadm = RoadmParameters(add_drop_latency_s=10e-6, pass_through_latency_s=1e-6)
    hand = 3300 * 1.4682e3 / C + 2 * 10e-6 + 2 * 1e-6  # 16 161.38 + 20 + 2 us
    assert hand == pytest.approx(16183.38e-6, abs=0.01e-6)
    assert lightpath_delay_s(3300.0, 3, 0, roadm) == pytest.approx(hand, rel=REL)


def test_oeo_replaces_pass_through_at_regenerators():
    roadm = RoadmParameters(add_drop_latency_s=10e-6, pass_through_latency_s=1e-6,
                            oeo_regeneration_latency_s=50e-6)
    # 3 fibres, both intermediate ROADMs regenerate: 2 x 50 us instead of 2 x 1 us
    hand = 3300 * 1.4682e3 / C + 2 * 10e-6 + 2 * 50e-6
    assert lightpath_delay_s(3300.0, 3, 2, roadm) == pytest.approx(hand, rel=REL)


@pytest.mark.parametrize(
    "kwargs, field",
    [({"reconfiguration_time_s": -1.0}, "reconfiguration_time_s"),
     ({"group_index": 0.9}, "group_index"),
     ({"add_drop_latency_s": float("nan")}, "add_drop_latency_s")],
)
def test_bad_parameters_name_the_field(kwargs, field):
    with pytest.raises(ParameterError) as exc:
        RoadmParameters(**kwargs)
    assert exc.value.field == field


def test_bad_regeneration_count():
    with pytest.raises(ParameterError) as exc:
        lightpath_delay_s(100.0, 2, 2, RoadmParameters())
    assert exc.value.field == "n_regenerations"
