"""The ``space:`` scenario section: validation errors name the field; a small run.

The run check compares the reported least delay of a zenith-to-zenith pair with the
closed form (up 550 km, one chord 2 a sin(pi/S), down 550 km, over c).
"""

import math
import os

import pytest
import yaml

from netsim.errors import ScenarioError
from netsim.experiment.run import run_scenario
from netsim.experiment.scenario import load_scenario, parse_scenario
from netsim.space.constellation import walker
from netsim.space.frames import ecef_to_geodetic

C_KM_S = 299792.458
EXPERIMENTS = os.path.join(os.path.dirname(__file__), "..", "..", "experiments")


def _scenario(**space):
    base = {
        "constellation": {"walker": {"altitude_km": 550.0, "inclination_deg": 0.0, "planes": 1,
                                     "sats_per_plane": 22}},
        "ground_stations": [{"name": "gs0", "latitude_deg": 0.0, "longitude_deg": 0.0},
                            {"name": "gs1", "latitude_deg": 0.0, "longitude_deg": 16.0}],
        "epoch_s": 0.5,
    }
    base.update(space)
    return {"name": "t", "run": {"duration_s": 1.0}, "space": base,
            "traffic": [{"model": "cbr", "src": "gs0", "dst": "gs1", "rate_bps": 1e5}]}


@pytest.mark.parametrize("change, field", [
    ({"min_elevation_deg": 95.0}, "space.min_elevation_deg"),
    ({"epoch_s": 0.0}, "space.epoch_s"),
    ({"constellation": {"preset": "nope"}}, "space.constellation"),
    ({"constellation": {"walker": {"altitude_km": -1.0, "inclination_deg": 0.0, "planes": 1,
                                   "sats_per_plane": 2}}},
     "space.constellation.walker.altitude_km"),
    ({"isl": {"rate_bps": -5}}, "space.isl.rate_bps"),
    ({"isl": {"pattern": "mesh"}}, "space.isl.pattern"),
    ({"gsl": {"policy": "random"}}, "space.gsl.policy"),
    ({"gsl": {"uplink": {"model": "fixed", "rate_bps": 0}}}, "space.gsl.uplink.fixed.rate_bps"),
    ({"gsl": {"uplink": {"model": "link_budget", "freq_hz": 2e10, "bandwidth_hz": 4e8,
                         "g_over_t_db_per_k": 15.9}}}, "space.gsl.uplink.link_budget"),
    ({"routing": "ospf"}, "space.routing"),
    ({"colour": "red"}, "space.colour"),
    ({"ground_stations": [{"name": "x", "latitude_deg": 91.0, "longitude_deg": 0.0}]},
     "space.ground_stations[0].latitude_deg"),
])
def test_validation_errors_name_the_field(change, field):
    with pytest.raises(ScenarioError) as exc:
        parse_scenario(_scenario(**change))
    assert field in str(exc.value), str(exc.value)


def test_cross_field_checks_name_the_field():
    with pytest.raises(ScenarioError, match="space.min_elevation_deg"):
        parse_scenario(_scenario(min_elevation_deg=5.0, gsl={"downlink": {
            "model": "link_budget", "freq_hz": 2e10, "bandwidth_hz": 4e8, "eirp_dbw": 30.0,
            "g_over_t_db_per_k": 15.9, "zenith_gas_loss_db": 0.25}}))
    with pytest.raises(ScenarioError, match="transparent"):
        parse_scenario(_scenario(payload="transparent"))
    with pytest.raises(ScenarioError, match="stations_relay"):
        parse_scenario(_scenario(stations_relay=False))
    bad = _scenario()
    bad["traffic"][0]["dst"] = "gs9"  # not a declared node
    with pytest.raises(ScenarioError, match=r"traffic\[0\].dst"):
        parse_scenario(bad)


def test_leo_backhaul_scenario_is_valid():
    scn = load_scenario(os.path.join(EXPERIMENTS, "leo_backhaul.yaml"))
    assert scn.sections["space"].constellation.preset == "starlink_shell1"


def test_small_run_reports_closed_form_path_delay(tmp_path):
    c = walker(550.0, 0.0, 1, 22, 0)
    _, lon, _ = ecef_to_geodetic(c.positions_ecef_km(0.0)[[0, 1]])
    data = _scenario(ground_stations=[
        {"name": "gs0", "latitude_deg": 0.0, "longitude_deg": float(lon[0])},
        {"name": "gs1", "latitude_deg": 0.0, "longitude_deg": float(lon[1])}])
    res = run_scenario(parse_scenario(yaml.safe_load(yaml.safe_dump(data))), str(tmp_path))
    paths = res.tables["space_paths"]
    assert list(paths.columns[:4]) == ["t_s", "src", "dst", "delay_s"]
    first = paths.iloc[0]
    a = 6378.137 + 550.0
    want = (1100.0 + 2 * a * math.sin(math.pi / 22)) / C_KM_S
    assert (first.src, first.dst) == ("gs0", "gs1")
    assert abs(first.delay_s - want) < 1e-12
    assert first.path == "gs0 sat:0:0:0 sat:0:0:1 gs1"
    assert res.kpis["space_epochs"] == 2  # t = 0 and 0.5 (the run stops before 1.0)
    assert (tmp_path / "space_paths.csv").exists()
    assert res.tables["flows"].loc[0, "delivered"] > 0
