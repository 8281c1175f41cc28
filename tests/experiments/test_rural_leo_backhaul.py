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

The day study (``day.yaml``: the space section alone, 30 s epochs, a rain event) is run
for its first hour with the rain event moved into it. Its bottleneck rates are checked
against the TR 38.821 budgets rebuilt here from the YAML's figures (``LinkBudgetRate``
with a ``RainSpec`` of the level the event prescribes at that epoch, worked by hand), at
the geometry of the Starlink shell-1 preset and the stations at each epoch: the smallest
of the path's uplink (30 GHz, at gs_rural), downlink (20 GHz, at gs_gateway) and 10 Gb/s
ISLs.
"""

from __future__ import annotations

import json
import os

import numpy as np
import pandas as pd
import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
YAML = os.path.join(ROOT, "experiments", "rural_leo_backhaul", "rural_leo_backhaul.yaml")
DAY = os.path.join(ROOT, "experiments", "rural_leo_backhaul", "day.yaml")

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


# the day's rain event moved 42,600 s earlier: epochs every 30 s from 0 to 3570 s
SHIFT_S = 42600.0
# level in force per epoch, by hand: 600/30 = 20 -> epoch 20 (600 s) at 1 %; 1800 s (epoch
# 60) at 0.1 %; 2700 s (epoch 90) at 0.01 %; 3300 s (epoch 110) at 0.1 %; the 1 % step at
# 4200 s is after the hour; clear sky (NaN) before 600 s
RAIN_BY_EPOCH = [np.nan] * 20 + [1.0] * 40 + [0.1] * 30 + [0.01] * 20 + [0.1] * 10
DEMAND_BPS = 1.3064e7  # the cell's 8 + 4 + 1 + 0.064 Mb/s
# same geometry and formulas, summed in another order: float rounding only
RATE_RTOL = 1e-9


@pytest.fixture(scope="module")
def day_short(tmp_path_factory):
    from netsim.experiment.run import run_scenario
    from netsim.experiment.scenario import parse_scenario
    from netsim.experiment.yamlio import load_yaml

    data = load_yaml(DAY)
    data["run"]["duration_s"] = 3600.0
    for e in data["space"]["rain_events"][1:]:
        e["at_s"] -= SHIFT_S
    scn = parse_scenario(data, base_dir=os.path.dirname(DAY), source="day.yaml")
    out = str(tmp_path_factory.mktemp("day"))
    res = run_scenario(scn, out, seed=0)
    return data, res, out


def test_day_short_form_verdicts_parse(day_short):
    _, _, out = day_short
    with open(os.path.join(out, "kpis.json"), encoding="utf-8") as fh:
        k = json.load(fh)
    assert {t["key"] for t in k["targets"]} == {
        "space_backhaul_delay_p99_s", "space_backhaul_rate_p5_bps",
        "space_backhaul_outage_fraction"}
    for t in k["targets"]:
        assert t["status"] in {"pass", "fail"}
        ok = t["measured"] <= t["value"] if t["op"] == "<=" else t["measured"] >= t["value"]
        assert (t["status"] == "pass") == ok
        assert t["measured"] == pytest.approx(k["kpis"][t["key"]], rel=1e-12)
    assert k["kpis"]["space_epochs"] == 120


def test_day_backhaul_table_matches_paths_and_bounds(day_short):
    _, _, out = day_short
    b = pd.read_csv(os.path.join(out, "space_backhaul.csv"))
    p = pd.read_csv(os.path.join(out, "space_paths.csv"))
    assert len(b) == len(p) == 120
    np.testing.assert_array_equal(b["delay_s"], p["delay_s"])
    np.testing.assert_array_equal(b["hops"], p["hops"])
    one = b[p["path"].str.count("sat:") == 1]
    assert ((one["delay_s"] >= 2 * GSL_MIN_S - TOL_S)
            & (one["delay_s"] <= 2 * GSL_MAX_S + TOL_S)).all()
    assert (b["rate_bps"] > 0).all() and (b["rate_bps"] <= 1e10).all()
    np.testing.assert_array_equal(b["rain_exceedance_percent"], RAIN_BY_EPOCH)


def test_day_rain_changes_gsl_rates_at_the_right_epochs(day_short):
    """Bottleneck rate per epoch = min over the path's links of the TR 38.821 budget with
    the P.618 rain level of that epoch (by hand above), rebuilt from the YAML's figures."""
    from netsim.space.ground import GroundStations
    from netsim.space.gsl_capacity import LinkBudgetRate, RainSpec
    from netsim.space.linkbudget import eirp_from_density_dbw
    from netsim.space.presets import preset

    data, _, out = day_short
    const = preset("starlink_shell1")
    names = {f"sat:{k}:{pl}:{sl}": i for i, (k, pl, sl) in enumerate(
        zip(const.shell.tolist(), const.plane.tolist(), const.slot.tolist()))}
    gs = data["space"]["ground_stations"]
    st = GroundStations.from_geodetic([g["latitude_deg"] for g in gs],
                                      [g["longitude_deg"] for g in gs],
                                      [g["altitude_m"] for g in gs], [g["name"] for g in gs])
    sidx = {n: i for i, n in enumerate(st.names)}

    def models(p):
        rain = None if np.isnan(p) else RainSpec(40.0, 4.0, p, 45.0)
        down = LinkBudgetRate(2e10, 4e8, float(eirp_from_density_dbw(4.0, 4e8)), 15.9, 0.25,
                              True, rain, rate_model="shannon", gap_db=3.0)
        up = LinkBudgetRate(3e10, 4e8, 46.2, 13.0, 0.25, True, rain, rate_model="shannon",
                            gap_db=3.0)
        return up, down

    def gsl_rate(model, g, sat_ecef):
        d = sat_ecef - st.ecef_km[g]
        rng_km = float(np.linalg.norm(d))
        el = np.degrees(np.arcsin(float(d @ st.up[g]) / rng_km))
        return float(model.rates_bps([el], [rng_km * 1e3], [st.latitude_deg[g]])[0])

    b = pd.read_csv(os.path.join(out, "space_backhaul.csv"))
    p = pd.read_csv(os.path.join(out, "space_paths.csv"))
    lowest = {}
    for (t, path, got, lvl) in zip(b["t_s"], p["path"], b["rate_bps"], RAIN_BY_EPOCH):
        pos = const.positions_ecef_km(float(t))
        up, down = models(lvl)
        nodes = path.split(" ")
        rates = []
        for a, c in zip(nodes[:-1], nodes[1:]):
            if a in sidx and c in names:
                rates.append(gsl_rate(up, sidx[a], pos[names[c]]))
            elif a in names and c in sidx:
                rates.append(gsl_rate(down, sidx[c], pos[names[a]]))
            else:
                rates.append(1e10)
        assert got == pytest.approx(min(rates), rel=RATE_RTOL), (t, lvl)
        lowest[lvl if not np.isnan(lvl) else "clear"] = min(
            lowest.get(lvl if not np.isnan(lvl) else "clear", np.inf), got)
    # heavier rain, lower floor: 0.01 % < 0.1 % < 1 % < clear sky
    assert lowest[0.01] < lowest[0.1] < lowest[1.0] < lowest["clear"]


@pytest.mark.parametrize("entry, field", [
    ({"at_s": 100.0, "exceedance_percent": 7.0}, "space.rain_events[7].exceedance_percent"),
    ({"at_s": 100.0, "exceedance_percent": 1.0}, "rain_events[7].at_s"),  # not after 48000
])
def test_day_bad_rain_event_names_the_field(entry, field):
    from netsim.errors import ScenarioError
    from netsim.experiment.scenario import parse_scenario
    from netsim.experiment.yamlio import load_yaml

    data = load_yaml(DAY)
    data["space"]["rain_events"].append(entry)
    with pytest.raises(ScenarioError) as exc:
        parse_scenario(data, base_dir=os.path.dirname(DAY), source="day.yaml")
    assert field in str(exc.value), str(exc.value)
