"""The ``control:`` scenario section: validation errors name the field, and a run
produces the request table whose blocking on one link matches Erlang B.

One link of 1 Gb/s, requests of 250 Mb/s (c = 4), arrivals 2 /s, holding 1 s:
A = 2 Erlang, B(2, 4) = (2^4/4!) / (1 + 2 + 2 + 4/3 + 2/3) = 0.6667 / 7.0 = 0.09524.
"""

import math

import pytest

from netsim.errors import ScenarioError
from netsim.experiment.run import run_scenario
from netsim.experiment.scenario import parse_scenario

BASE = {
    "name": "control-one-link",
    "seed": 4,
    "run": {"duration_s": 2000.0},
    "outputs": {"plots": False, "latency_samples": False},
    "nodes": [{"name": "a"}, {"name": "b"}],
    "links": [{"a": "a", "b": "b", "rate_bps": 1e9, "delay_s": 0.001,
               "bidirectional": False}],
}


def test_bad_controller_and_pair_are_named():
    bad = dict(BASE, control={"controller": {"name": "nope"},
                              "requests": {"arrival_rate_per_s": 1.0, "holding_s": 1.0,
                                           "capacity_bps": [1e8], "pairs": [["a", "zz"]]}})
    with pytest.raises(ScenarioError) as e:
        parse_scenario(bad)
    msg = str(e.value)
    assert "control.controller.name" in msg and "'nope'" in msg
    assert "control.requests.pairs[0][1]" in msg and "'zz'" in msg


def test_run_blocking_erlang_b(tmp_path):
    scn = parse_scenario(dict(BASE, control={
        "controller": {"name": "cspf"},
        "requests": {"arrival_rate_per_s": 2.0, "holding_s": 1.0, "capacity_bps": [2.5e8],
                     "pairs": [["a", "b"]]}}))
    res = run_scenario(scn, out_dir=str(tmp_path))
    df = res.tables["control_requests"]
    n = len(df)
    assert 3600 < n < 4400  # Poisson(4000)
    expected = (2**4 / 24) / (1 + 2 + 2 + 4 / 3 + 2 / 3)
    blocking = res.kpis["control_blocking"]
    # binomial standard error at n ~ 4000 is 0.0046; 4 sigma (+ correlation slack)
    assert abs(blocking - expected) < 4 * math.sqrt(expected * (1 - expected) / n) + 0.01
    assert (tmp_path / "control_requests.csv").exists()
