"""The ``optical:`` scenario section: validation names the field; a run end to end.

Outside numbers: NSFNET km lengths (DeepRMSA ``K-SP-FF benchmark_NSFNET.py``); the
restoration route NY-PA-IL-NE-CO-UT-CA1 (3750 km) when MI-UT is cut, summed by hand in
``test_segment_fibre_cut_restoration.py``; CBR arithmetic.
"""

import copy
import os

import pytest

from netsim.errors import ScenarioError
from netsim.experiment.run import run_scenario
from netsim.experiment.scenario import load_scenario, parse_scenario

BASE = {
    "name": "opt",
    "run": {"duration_s": 3.0},
    "optical": {
        "topology": "nsfnet",
        "roadm": {"reconfiguration_time_s": 0.5},
        "lightpaths": [{"name": "lp", "src": "NY", "dst": "CA1", "rate_gbps": 100}],
        "events": [{"at_s": 1.0, "action": "cut", "fibre": ["MI", "UT"]}],
    },
    "traffic": [{"name": "f", "model": "cbr", "src": "NY", "dst": "CA1",
                 "rate_bps": 1.0e7, "packet_size_bytes": 1250}],
    "events": [{"at_s": 2.5, "link": ["NY", "CA1"], "set": {"loss_prob": 0.0}}],
}


def _errors(mutate) -> str:
    data = copy.deepcopy(BASE)
    mutate(data)
    with pytest.raises(ScenarioError) as exc:
        parse_scenario(data)
    return str(exc.value)


@pytest.mark.parametrize(
    "mutate, expected",
    [
        (lambda d: d["optical"]["lightpaths"][0].update(src="XX"),
         "optical.lightpaths[0].src: 'XX' is not allowed"),
        (lambda d: d["optical"]["lightpaths"][0].update(rate_gbps=-5),
         "optical.lightpaths[0].rate_gbps"),
        (lambda d: d["optical"]["lightpaths"][0].update(rate_gbps="auto"),
         "optical.lightpaths[0].rate_gbps: 'auto' is not allowed"),
        (lambda d: d["optical"]["roadm"].update(reconfiguration_time_s=-1),
         "optical.roadm.reconfiguration_time_s"),
        (lambda d: d["optical"]["roadm"].update(colour="red"),
         "optical.roadm.colour: unknown field"),
        (lambda d: d["optical"]["rmsa"].update(policy="random") if "rmsa" in d["optical"]
         else d["optical"].update(rmsa={"policy": "random"}),
         "optical.rmsa.policy"),
        (lambda d: d["optical"]["events"][0].update(fibre=["NY", "CA1"]),
         "optical.events[0].fibre: ['NY', 'CA1'] is not allowed: no such fibre"),
        (lambda d: d["optical"]["events"][0].update(at_s=9.0),
         "optical.events[0].at_s"),
        (lambda d: d["optical"].update(topology="atlantis"), "optical.topology"),
        (lambda d: d["optical"]["lightpaths"].append(
            {"src": "CA1", "dst": "NY", "rate_gbps": 10}), "optical.lightpaths[1]"),
        (lambda d: d["traffic"][0].update(dst="Gotham"), "traffic[0].dst: 'Gotham'"),
    ],
)
def test_validation_errors_name_the_field(mutate, expected):
    assert expected in _errors(mutate)


def test_explicit_fibres_are_validated():
    def mutate(d):
        d["optical"].pop("topology")
        d["optical"]["nodes"] = ["A", "B"]
        d["optical"]["fibres"] = [{"a": "A", "b": "B", "length_km": 10},
                                  {"a": "B", "b": "Z", "length_km": 5}]
    assert "optical.fibres[1].b: 'Z' is not allowed" in _errors(mutate)

    def negative(d):
        d["optical"].pop("topology")
        d["optical"]["nodes"] = ["A", "B"]
        d["optical"]["fibres"] = [{"a": "A", "b": "B", "length_km": -10}]
    assert "optical.fibres[0].length_km" in _errors(negative)


def test_section_declares_roadms_and_lightpath_links():
    scn = parse_scenario(copy.deepcopy(BASE))  # traffic and events refer to them
    assert scn.sections["optical"].lightpaths[0].src == "NY"


def test_scenario_run_cut_restoration_and_conservation(tmp_path):
    res = run_scenario(parse_scenario(copy.deepcopy(BASE)), out_dir=str(tmp_path))
    out = res.tables["optical_outages"]
    assert list(out["result"]) == ["restored"]
    assert out["up_at_s"].iloc[0] == 1.0 + 0.5
    assert out["route_after"].iloc[0] == "NY-PA-IL-NE-CO-UT-CA1"
    flows = res.tables["flows"]
    lost_down = int(flows["lost_link_down"].iloc[0])
    # 10 Mb/s of 1250 B = one packet per ms; 16.17 ms of propagation -> 16 or 17 in flight
    assert lost_down in (16, 17)
    assert lost_down == res.kpis["optical_packets_lost_at_cuts"]
    # 0.5 s without any NY -> CA1 link: 500 packets without a route
    assert abs(int(flows["lost_no_route"].iloc[0]) - 500) <= 1
    # conservation (run_scenario also calls net.check_conservation, which raises)
    row = flows.iloc[0]
    assert row["sent"] == row["delivered"] + row["lost"] + row["in_flight"]
    assert row["lost"] == lost_down + row["lost_no_route"]
    assert res.kpis["optical_outage_total_s"] == pytest.approx(0.5)
    assert os.path.exists(tmp_path / "optical_lightpaths.csv")
    assert os.path.exists(tmp_path / "optical_outages.csv")


def test_shipped_optical_core_scenario_validates():
    here = os.path.dirname(__file__)
    path = os.path.join(here, "..", "..", "experiments", "optical_core.yaml")
    scn = load_scenario(path)
    assert len(scn.sections["optical"].lightpaths) == 9


def test_core_nodes_attach_to_roadms():
    # core links may end at ROADMs (segments build before core links); a core node
    # named like a ROADM is reused
    data = copy.deepcopy(BASE)
    data["nodes"] = [{"name": "host"}]
    data["links"] = [{"a": "host", "b": "NY", "rate_bps": 1.0e9, "delay_s": 1.0e-4}]
    data["traffic"][0]["src"] = "host"
    res = run_scenario(parse_scenario(data))
    assert res.tables["flows"]["path"].iloc[0] == "host-NY-CA1"
    data["nodes"] = [{"name": "host"}, {"name": "NY"}]
    data["links"] = [{"a": "host", "b": "NY", "rate_bps": 1.0e9, "delay_s": 1.0e-4}]
    data["traffic"][0]["src"] = "host"
    res = run_scenario(parse_scenario(data))
    flows = res.tables["flows"]
    assert flows["path"].iloc[0] == "host-NY-CA1"
    assert int(flows["delivered"].iloc[0]) > 0


def test_on_demand_and_teardown_from_yaml():
    data = copy.deepcopy(BASE)
    data["optical"]["events"] = []
    data["optical"]["lightpaths"].append(
        {"name": "od", "src": "NJ", "dst": "DC", "rate_gbps": 40, "at_s": 0.5,
         "teardown_at_s": 2.0})
    res = run_scenario(parse_scenario(data))
    lps = res.tables["optical_lightpaths"].set_index("lightpath")
    # set up at 0.5 s, up after the 0.5 s reconfiguration time, torn down at 2 s
    assert lps.loc["od", "up_since_s"] == 0.5 + 0.5
    assert lps.loc["od", "state"] == "torn_down"
    assert lps.loc["lp", "state"] == "up" and lps.loc["lp", "up_since_s"] == 0.0
