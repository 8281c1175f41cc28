"""Scenario 6 (issue 8): the M.2412 connection-density study through the experiment layer.

Runs the short form of ``experiments/massive_connectivity/scenario.yaml`` (section
``connection_density:``, no packet traffic) and checks that its verdicts parse and agree
with its numbers; checks the section's table against the closed form of M.2412-0 7.1.3
(C = N / A, A = ISD^2 sqrt(3) / 6: 1e6 /km^2 x 0.0721688 km^2 = 72,168.8 devices, 10.0234
packets/s at one packet per 7200 s); and that bad section input fails naming its field.
The model's own closed-form checks are in tests/radio/test_connection_density_m2412.py.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pandas as pd
import pytest

from netsim.errors import ScenarioError
from netsim.experiment.run import run_scenario
from netsim.experiment.scenario import load_scenario, parse_scenario
from netsim.experiment.yamlio import load_yaml

ROOT = Path(__file__).resolve().parents[2]
EXP = ROOT / "experiments" / "massive_connectivity"
SCENARIO = EXP / "scenario.yaml"


@pytest.fixture(scope="module")
def short_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("mmtc")
    res = run_scenario(load_scenario(str(SCENARIO)), str(out))
    return res, out


def test_short_run_verdicts_parse(short_run):
    res, out = short_run
    k = json.loads((out / "kpis.json").read_text())
    statuses = {t["name"]: t["status"] for t in k["targets"]}
    assert set(statuses.values()) <= {"pass", "fail", "n/a"}
    assert len(statuses) == 4
    dens = k["kpis"]["connection_density_per_km2"]
    assert dens in (0.0, 1e5, 1e6, 1e7, 1e8)
    # each connection-density verdict agrees with its number
    for t in k["targets"]:
        if t["kpi"] == "connection_density_per_km2":
            assert (t["status"] == "pass") == (dens >= t["value"]), t["name"]
            assert t["measured"] == dens
    imt2020 = [t for t in k["targets"] if t["preset"] == "imt2020_mmtc"][0]
    assert imt2020["source"] == "Report ITU-R M.2410-0 clause 4.8"
    assert 0.0 <= k["kpis"]["delivery_ratio_10s"] <= 1.0
    man = json.loads((out / "manifest.json").read_text())
    assert man["status"] == "complete" and "connection_density.csv" in man["files"]


def test_no_packet_traffic_is_needed(short_run):
    res, _ = short_run
    assert len(res.tables["flows"]) == 0
    assert "packets_sent" not in res.kpis


def test_section_table_closed_form(short_run):
    res, out = short_run
    t = pd.read_csv(out / "connection_density.csv")
    row = t[t["density_per_km2"] == 1e6].iloc[0]
    assert row["devices_per_trxp"] == pytest.approx(72168.8, rel=1e-5)
    assert row["packets_per_s"] == pytest.approx(10.0234, rel=1e-4)
    # a hundred times the density: a hundred times the devices
    row8 = t[t["density_per_km2"] == 1e8].iloc[0]
    assert row8["devices_per_trxp"] == pytest.approx(7216878, rel=1e-6)
    # the delivered fraction falls with density and the verdict matches the 99 % rule
    assert list(t["delivered_mean"]) == sorted(t["delivered_mean"], reverse=True)
    assert all((t["delivered_mean"] >= 0.99) == t["supported"])


def test_same_seed_same_numbers(short_run):
    res, _ = short_run
    again = run_scenario(load_scenario(str(SCENARIO)))
    assert again.kpis == res.kpis


def test_sweep_section_is_valid():
    raw = load_yaml(str(SCENARIO))
    scn = parse_scenario(raw, base_dir=str(EXP))
    grid = scn.sections["sweep"].parameters
    assert grid["connection_density.isd_m"] == [500.0, 1732.0]
    dens = grid["connection_density.densities_per_km2"][0]
    assert dens[0] == 1e5 and dens[-1] > 1e8 and all(isinstance(d, float) for d in dens)


def _scenario(**section):
    return {"name": "cd", "run": {"duration_s": 1.0}, "connection_density": section}


@pytest.mark.parametrize("section, field", [
    ({"densites_per_km2": [1e6]}, "connection_density.densites_per_km2"),
    ({"densities_per_km2": [1e6, -1.0]}, "connection_density.densities_per_km2[1]"),
    ({"densities_per_km2": [1e6, 0.0]}, "connection_density.densities_per_km2[1]"),
    ({"densities_per_km2": [1e7, 1e6]}, "connection_density.densities_per_km2"),
    ({"isd_m": 0}, "connection_density.isd_m"),
    ({"n_drops": 1}, "connection_density.n_drops"),
    ({"preambles_per_occasion": 50}, "connection_density.preambles_per_occasion"),
])
def test_bad_section_input_names_the_field(section, field):
    with pytest.raises(ScenarioError) as e:
        parse_scenario(_scenario(**section))
    assert field in str(e.value)


def test_plot_script_reads_a_sweep_folder(short_run, tmp_path):
    # the study script only reads runs/*/connection_density.csv and manifest.json
    _, out = short_run
    run = tmp_path / "sweep" / "runs" / "p000-r000"
    run.mkdir(parents=True)
    for name in ("connection_density.csv",):
        (run / name).write_bytes((out / name).read_bytes())
    man = json.loads((out / "manifest.json").read_text())
    man["replication"] = 0
    (run / "manifest.json").write_text(json.dumps(man))
    spec = importlib.util.spec_from_file_location("mmtc_study", EXP / "run.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert mod.main([str(tmp_path / "sweep"), "--out", str(tmp_path / "fig")]) == 0
    assert (tmp_path / "fig" / "delivered_vs_density.png").stat().st_size > 0
    table = (tmp_path / "fig" / "study.md").read_text()
    assert "| 500 | 1 |" in table
