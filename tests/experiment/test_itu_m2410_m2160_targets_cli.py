"""KPI targets, ITU-R presets, and the command line's exit codes.

Closed form used: a CBR flow of 32-byte packets, far below the link rate, over one link of
rate R = 1 Mb/s and propagation delay d = 0.5 ms has every packet's one-way latency equal to
d + 8 * 32 / R = 0.0005 + 0.000256 = 0.000756 s (no queueing: a packet every 4 ms at
64 kb/s leaves an empty queue). So latency_p99_s = 0.000756 exactly (float rounding only),
reliability within 1 ms = 1 and within 0.7 ms = 0.

Preset values are checked against Report ITU-R M.2410-0 (11/2017) clause 4 and
Recommendation ITU-R M.2160-0 (11/2023) clause 5.2 as printed.
"""

from __future__ import annotations

import json
import os

import pytest

from netsim.cli import main
from netsim.experiment.targets import presets

LAT_S = 0.0005 + 8 * 32 / 1.0e6  # 0.000756 s, see module docstring
ABS_TOL_S = 1e-12  # float rounding of the event times

ONE_LINK = """\
name: closed_form
seed: 1
run: {duration_s: 0.5}
outputs: {plots: false}
nodes: [{name: a}, {name: b}]
links: [{a: a, b: b, rate_bps: 1.0e6, delay_s: 0.0005}]
traffic: [{name: ctl, model: cbr, src: a, dst: b, rate_bps: 64000, packet_size_bytes: 32}]
targets:
%s
"""


def _scn(tmp_path, targets: str, name="t.yaml") -> str:
    p = tmp_path / name
    p.write_text(ONE_LINK % targets)
    return str(p)


def test_passing_targets_exit_0_and_values(tmp_path, capsys):
    scn = _scn(tmp_path, """\
  - {kpi: latency_p99_s, op: "<=", value: 0.001}
  - {kpi: reliability, op: ">=", value: 0.99999, latency_bound_s: 0.001,
     packet_size_bytes: 32, flow: ctl}
  - {preset: imt2020_urllc, flow: ctl}
""")
    out = tmp_path / "o"
    assert main(["run", scn, "--out", str(out), "--quiet"]) == 0
    k = json.load(open(out / "kpis.json"))
    assert k["kpis"]["latency_p99_s"] == pytest.approx(LAT_S, abs=ABS_TOL_S)
    assert k["kpis"]["user_plane_latency_s@ctl"] == pytest.approx(LAT_S, abs=ABS_TOL_S)
    assert k["kpis"]["reliability_32B_1ms@ctl"] == 1.0
    status = {t["name"]: t["status"] for t in k["targets"]}
    assert status["imt2020_urllc: mobility_interruption_time_s"] == "n/a"
    assert status["imt2020_urllc: reliability"] == "pass"
    text = capsys.readouterr().out
    assert "KPI targets" in text and "0 failed" in text


def test_failing_target_exits_1_unless_no_fail(tmp_path, capsys):
    scn = _scn(tmp_path, """\
  - {kpi: latency_p99_s, op: "<=", value: 0.0007}
  - {kpi: reliability, op: ">=", value: 0.99999, latency_bound_s: 0.0007,
     packet_size_bytes: 32}
""")
    out = tmp_path / "o"
    assert main(["run", scn, "--out", str(out), "--quiet"]) == 1
    k = json.load(open(out / "kpis.json"))
    assert [t["status"] for t in k["targets"]] == ["fail", "fail"]
    assert k["kpis"]["reliability_32B_0.7ms"] == 0.0
    assert "FAIL" in capsys.readouterr().out
    assert main(["run", scn, "--out", str(out), "--quiet", "--no-fail"]) == 0


def test_missing_kpi_of_explicit_target_fails(tmp_path):
    scn = _scn(tmp_path, '  - {kpi: blocking_probability, op: "<=", value: 0.01}\n')
    assert main(["run", scn, "--out", str(tmp_path / "o"), "--quiet"]) == 1


def test_sweep_exit_code_follows_targets(tmp_path, capsys):
    scn = _scn(tmp_path, '  - {kpi: latency_p99_s, op: "<=", value: 0.0007}\n')
    with open(scn, "a") as fh:
        fh.write("sweep: {replications: 2}\n")
    args = ["sweep", scn, "--out", str(tmp_path / "sw"), "--jobs", "1", "--quiet"]
    assert main(args) == 1
    assert main(args + ["--no-fail"]) == 0
    assert "2 already done" in capsys.readouterr().out


@pytest.mark.parametrize("targets, field", [
    ('  - {kpi: latency_p99_s, op: "=<", value: 0.001}\n', "targets[0].op"),
    ("  - {preset: imt2040}\n", "targets[0].preset"),
    ('  - {kpi: latency_p99_s, op: "<=", value: 1, flow: nope}\n', "targets[0].flow"),
    ('  - {kpi: reliability, op: ">=", value: 0.9}\n', "targets[0]"),
])
def test_bad_targets_exit_2_with_field_path(tmp_path, capsys, targets, field):
    scn = _scn(tmp_path, targets)
    assert main(["run", scn, "--out", str(tmp_path / "o"), "--quiet"]) == 2
    assert field in capsys.readouterr().err


def test_bad_sweep_parameter_exits_2_with_field_path(tmp_path, capsys):
    scn = _scn(tmp_path, '  - {kpi: latency_p99_s, op: "<=", value: 0.001}\n')
    rc = main(["sweep", scn, "--param", "links[3].rate_bps=1,2", "--jobs", "1",
               "--out", str(tmp_path / "o"), "--quiet"])
    assert rc == 2
    assert "links[3].rate_bps" in capsys.readouterr().err
    rc = main(["sweep", scn, "--param", "links[0].rate_bps=-5", "--jobs", "1",
               "--out", str(tmp_path / "o"), "--quiet"])
    err = capsys.readouterr().err
    assert rc == 2 and "links[0].rate_bps" in err and "-5" in err


def _t(preset, kpi):
    return [t for t in presets()[preset]["targets"] if t["kpi"] == kpi]


def test_m2410_clause_4_values():
    # M.2410-0 4.1: peak data rate DL 20 Gbit/s, UL 10 Gbit/s
    assert _t("imt2020_embb", "peak_rate_bps")[0]["value"] == 20e9
    assert _t("imt2020_embb", "peak_rate_ul_bps")[0]["value"] == 10e9
    # 4.3: user experienced data rate DL 100 Mbit/s, UL 50 Mbit/s (Dense Urban - eMBB)
    assert _t("imt2020_embb", "user_experienced_rate_bps")[0]["value"] == 100e6
    assert _t("imt2020_embb", "user_experienced_rate_ul_bps")[0]["value"] == 50e6
    # 4.6: area traffic capacity 10 Mbit/s/m^2 (Indoor Hotspot - eMBB)
    assert _t("imt2020_embb", "area_traffic_capacity_bps_per_m2")[0]["value"] == 10e6
    # 4.7.1: user plane latency 4 ms eMBB, 1 ms URLLC
    assert _t("imt2020_embb", "user_plane_latency_s")[0]["value"] == 0.004
    assert _t("imt2020_urllc", "user_plane_latency_s")[0]["value"] == 0.001
    # 4.8: connection density 10^6 per km^2
    assert _t("imt2020_mmtc", "connection_density_per_km2")[0]["value"] == 1e6
    # 4.10: reliability 1 - 10^-5 for 32 bytes within 1 ms
    r = _t("imt2020_urllc", "reliability")[0]
    assert (r["value"], r["packet_size_bytes"], r["latency_bound_s"]) == (1 - 1e-5, 32, 0.001)
    # 4.11 mobility up to 500 km/h; 4.12 mobility interruption time 0 ms
    assert _t("imt2020_embb", "mobility_speed_kmh")[0]["value"] == 500
    assert _t("imt2020_urllc", "mobility_interruption_time_s")[0]["value"] == 0


def test_m2160_ranges():
    # M.2160-0 5.2: peak 50-200 Gbit/s; user experienced 300-500 Mbit/s; latency 0.1-1 ms;
    # reliability 1-10^-5 to 1-10^-7; connection density 10^6-10^8 /km^2;
    # mobility 500-1000 km/h; area traffic capacity 30-50 Mbit/s/m^2
    expect = {"peak_rate_bps": (50e9, 200e9), "user_experienced_rate_bps": (300e6, 500e6),
              "user_plane_latency_s": (1e-4, 1e-3), "reliability": (1 - 1e-5, 1 - 1e-7),
              "connection_density_per_km2": (1e6, 1e8), "mobility_speed_kmh": (500, 1000),
              "area_traffic_capacity_bps_per_m2": (30e6, 50e6)}
    for kpi, (lo, hi) in expect.items():
        t = _t("imt2030", kpi)[0]
        assert tuple(t["range"]) == pytest.approx((lo, hi), rel=1e-12)
        least = hi if t["op"] == "<=" else lo
        most = lo if t["op"] == "<=" else hi
        assert t["value"] == pytest.approx(least, rel=1e-12)
        assert _t("imt2030_upper", kpi)[0]["value"] == pytest.approx(most, rel=1e-12)
    for p in presets().values():
        for t in p["targets"]:
            assert t["definition"] and t["clause"]


def test_validate_and_missing_file_exit_codes(tmp_path, capsys):
    assert main(["validate", os.fspath(tmp_path / "nope.yaml")]) == 2
    assert "no such file" in capsys.readouterr().err
