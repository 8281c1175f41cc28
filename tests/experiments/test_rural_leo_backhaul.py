"""Scenario 3 (rural LEO backhaul): the short form runs; delays within altitude/c bounds.

Outside numbers (Starlink shell 1, 550 km, 25 deg minimum elevation):
* one GSL's one-way delay lies between 550 km / c = 1.8346 ms (zenith) and
  1123.3 km / c = 3.7469 ms (slant range at 25 deg: sqrt((R+h)^2 - (R cos e)^2) - R sin e,
  R = 6371 km: sqrt(6921^2 - 5774.1^2) - 2692.5 = 1123.3 km), so a station-to-station
  path over one satellite takes 3.669-7.494 ms and over n satellites at least 3.669 ms;
* the probe's one-way latency is at least that zenith bound plus the terrestrial parts of
  the YAML: backhaul 4.9 us (1 km) + fibre 98 us (20 km) + air interface (> 0);
* a Mahimahi trace holds one line per 1500-byte delivery opportunity (mm-link(1)); a
  path's rate is its smallest link's, at most the 10 Gb/s fibre, so over T seconds it has
  at most 10e9 x T / 12000 lines; the route-following export has exactly
  floor(integral of rate dt / 12000) lines.
"""

from __future__ import annotations

import json
import os

import pandas as pd
import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
YAML = os.path.join(ROOT, "experiments", "rural_leo_backhaul", "rural_leo_backhaul.yaml")

C_M_S = 299_792_458.0
GSL_MIN_S = 550e3 / C_M_S       # 1.8346 ms
GSL_MAX_S = 1123.3e3 / C_M_S    # 3.7469 ms
# each link delay lags its geometry by <= delay_resolution_s = 1e-5 s (two GSLs: 2e-5 s);
# plus < 1e-5 s for the WGS84 station radius at 38-39 N vs the spherical R of the bounds
TOL_S = 3e-5


@pytest.fixture(scope="module")
def short_run(tmp_path_factory):
    from netsim.experiment.run import run_scenario
    from netsim.experiment.scenario import parse_scenario
    from netsim.experiment.yamlio import load_yaml

    data = load_yaml(YAML)
    data["run"]["duration_s"] = 20.0
    data["outputs"]["plots"] = False
    scn = parse_scenario(data, base_dir=os.path.dirname(YAML), source="rural_leo_backhaul")
    out = str(tmp_path_factory.mktemp("rural"))
    res = run_scenario(scn, out, seed=0)
    return res, out


def test_verdicts_parse(short_run):
    res, out = short_run
    with open(os.path.join(out, "kpis.json"), encoding="utf-8") as fh:
        k = json.load(fh)
    assert {t["key"] for t in k["targets"]} == {"latency_p99_s@probe", "throughput_bps@dl_video"}
    for t in k["targets"]:
        assert t["status"] in {"pass", "fail"}
        # the verdict agrees with the measured value and the limit
        ok = t["measured"] <= t["value"] if t["op"] == "<=" else t["measured"] >= t["value"]
        assert (t["status"] == "pass") == ok
        assert t["measured"] == pytest.approx(k["kpis"][t["key"]], rel=1e-12)


def test_space_path_delay_within_altitude_bounds(short_run):
    _, out = short_run
    p = pd.read_csv(os.path.join(out, "space_paths.csv"))
    assert len(p) == 20
    sats = p["path"].str.count("sat:")
    one = p[sats == 1]
    assert ((one["delay_s"] >= 2 * GSL_MIN_S - TOL_S)
            & (one["delay_s"] <= 2 * GSL_MAX_S + TOL_S)).all()
    assert (p["delay_s"] >= 2 * GSL_MIN_S - TOL_S).all()


def test_probe_latency_above_zenith_bound(short_run):
    _, out = short_run
    lat = pd.read_csv(os.path.join(out, "latency.csv"))
    probe = lat[lat["flow"] == "probe"]["latency_s"]
    assert len(probe) > 0
    floor = 2 * GSL_MIN_S + 4.9e-6 + 98e-6
    assert probe.min() > floor - TOL_S


def test_export_mahimahi_and_netem(short_run):
    from netsim.experiment.export import export

    _, out = short_run
    paths = export(out, flow="probe", fmt="mahimahi")
    paths = paths if isinstance(paths, (list, tuple)) else [paths]
    lines = open(paths[0], encoding="utf-8").read().split()
    t = [int(x) for x in lines]
    assert t == sorted(t) and t[0] >= 1
    # path rate <= the 10 Gb/s fibre: at most 10e9 x 20 s / 12000 bit opportunities
    assert len(t) <= 10e9 * 20.0 / 12000 + 1


def test_export_path_follows_satellite_route(short_run):
    """The path ``netsim export --flow`` follows (the route history ``routes.csv``) is up
    at every epoch with a delay above the zenith bound, and its Mahimahi trace holds
    floor(integral of rate dt / 12000 bit) lines (mm-link(1): one line per 1500-byte
    delivery opportunity)."""
    import numpy as np

    from netsim.experiment.export import flow_schedule, mahimahi_trace, route_history

    _, out = short_run
    ls = pd.read_csv(os.path.join(out, "link_state.csv"))
    sched = flow_schedule(ls, route_history(out, "probe"))
    sp = pd.read_csv(os.path.join(out, "space_paths.csv"))
    t = sched["time_s"].to_numpy()
    at_epochs = np.searchsorted(t, sp["t_s"].to_numpy(), side="right") - 1
    rows = sched.iloc[at_epochs]
    assert rows["up"].all() and (rows["rate_bps"] > 0).all()
    assert (rows["delay_s"] >= 2 * GSL_MIN_S + 4.9e-6 + 98e-6 - TOL_S).all()
    duration = 20.0
    ends = np.append(t[1:], duration)
    bits = float(np.sum(np.where(sched["up"], sched["rate_bps"], 0.0) * (ends - t)))
    lines = mahimahi_trace(sched, duration)
    assert len(lines) == pytest.approx(bits / 12000.0, abs=1.0)
