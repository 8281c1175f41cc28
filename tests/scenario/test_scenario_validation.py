"""Scenario validation: every error names the field path, the value and what is allowed."""

from __future__ import annotations

import copy
import textwrap

import pytest

from netsim.errors import ScenarioError
from netsim.experiment.run import run_scenario
from netsim.experiment.scenario import load_scenario, parse_scenario

BASE = {
    "name": "t",
    "seed": 1,
    "run": {"duration_s": 1.0},
    "nodes": [{"name": "a"}, {"name": "b"}],
    "links": [{"a": "a", "b": "b", "rate_bps": 1e6, "delay_s": 0.001}],
    "traffic": [{"model": "cbr", "src": "a", "dst": "b", "rate_bps": 1e5}],
}


def _bad(**patch):
    d = copy.deepcopy(BASE)
    for path, value in patch.items():
        target = d
        keys = path.split("__")
        for k in keys[:-1]:
            target = target[int(k)] if k.isdigit() else target[k]
        last = keys[-1]
        if value is KeyError:
            del target[last]
        elif last.isdigit():
            target[int(last)] = value
        else:
            target[last] = value
    with pytest.raises(ScenarioError) as exc:
        parse_scenario(d)
    return str(exc.value)


def test_valid_scenario_parses_and_hashes_stably():
    a = parse_scenario(copy.deepcopy(BASE))
    b = parse_scenario(copy.deepcopy(BASE))
    assert a.digest() == b.digest()
    assert a.links[0].bidirectional is True


@pytest.mark.parametrize("patch,expect", [
    ({"links__0__rate_bps": -5}, "links[0].rate_bps: -5 is not allowed"),
    ({"links__0__b": "zz"}, "links[0].b: 'zz' is not allowed: not a declared node"),
    ({"links__0__loss_prob": 2}, "links[0].loss_prob: 2 is not allowed"),
    ({"links__0__colour": "red"}, "links[0].colour: unknown field"),
    ({"traffic__0__model": "magic"}, "traffic[0]"),
    ({"traffic__0__dst": "a"}, "traffic[0].dst: 'a' is not allowed: equals src"),
    ({"run__duration_s": 0}, "run.duration_s: 0 is not allowed"),
    ({"run": KeyError}, "run: required field is missing"),
    ({"flavour": 1}, "flavour: unknown field; allowed top-level fields"),
    ({"seed": -3}, "seed: -3 is not allowed"),
    ({"nodes__1__name": "a"}, "nodes[1].name: 'a' is not allowed: duplicate node name"),
])
def test_errors_name_field_value_and_rule(patch, expect):
    assert expect in _bad(**patch)


def test_all_problems_are_listed_at_once():
    msg = _bad(links__0__rate_bps=-1, traffic__0__rate_bps=0)
    assert "links[0].rate_bps" in msg and "traffic[0].rate_bps" in msg


def test_malformed_yaml_names_line(tmp_path):
    p = tmp_path / "bad.yaml"
    p.write_text("name: x\nrun: {duration_s: 1\nnodes: []\n")
    with pytest.raises(ScenarioError, match=r"malformed YAML at line \d+, column \d+"):
        load_scenario(p)


def test_duplicate_yaml_key_is_an_error(tmp_path):
    p = tmp_path / "dup.yaml"
    p.write_text("name: x\nseed: 1\nseed: 2\nrun: {duration_s: 1}\n")
    with pytest.raises(ScenarioError, match="line 3: duplicate key 'seed'"):
        load_scenario(p)


def test_event_on_missing_link_and_after_end():
    d = copy.deepcopy(BASE)
    d["events"] = [{"at_s": 5.0, "link": ["a", "c"], "set": {"up": False}}]
    with pytest.raises(ScenarioError) as exc:
        parse_scenario(d)
    assert "events[0].link" in str(exc.value) and "events[0].at_s: 5.0" in str(exc.value)


def test_run_from_yaml_writes_results(tmp_path):
    p = tmp_path / "s.yaml"
    p.write_text(textwrap.dedent("""
        name: tiny
        seed: 3
        run: {duration_s: 2.0}
        outputs: {plots: false}
        nodes: [{name: a}, {name: b}]
        links: [{a: a, b: b, rate_bps: 1.0e6, delay_s: 0.002}]
        traffic:
          - {name: f, model: cbr, src: a, dst: b, rate_bps: 8.0e4, packet_size_bytes: 100}
        events:
          - {at_s: 1.0, link: [a, b], set: {delay_s: 0.004}}
    """))
    res = run_scenario(load_scenario(p), out_dir=str(tmp_path / "out"))
    lat = res.tables["latency"]["latency_s"].to_numpy()
    # 100 B at 1 Mb/s = 0.8 ms + 2 ms before t = 1 s, + 4 ms after
    assert lat[0] == pytest.approx(2.8e-3) and lat[-1] == pytest.approx(4.8e-3)
    assert res.tables["flows"]["sent"].iloc[0] == 200
    import json
    man = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert man["status"] == "complete" and man["seed"] == 3
    assert man["scenario_sha256"] == load_scenario(p).digest()
