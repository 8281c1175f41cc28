"""The netsim command line, checked by its parsed output and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
QUICKSTART = ROOT / "experiments" / "quickstart.yaml"


def netsim(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "netsim", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=600)


def test_version():
    r = netsim("--version")
    assert r.returncode == 0 and r.stdout.startswith("netsim ")


def test_validate_ok_and_bad(tmp_path):
    assert netsim("validate", str(QUICKSTART)).returncode == 0
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\nrun: {duration_s: -1}\nnodes: [{name: a}]\n"
                   "links: [{a: a, b: q, rate_bps: 1, delay_s: 0}]\n")
    r = netsim("validate", str(bad))
    assert r.returncode == 2
    assert "run.duration_s: -1" in r.stderr and "links[0].b: 'q'" in r.stderr


def test_malformed_yaml_exit_2(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: [unclosed\n")
    r = netsim("run", str(bad), "--out", str(tmp_path / "o"))
    assert r.returncode == 2 and "malformed YAML" in r.stderr


def test_quickstart_runs_and_writes_results(tmp_path):
    out = tmp_path / "qs"
    r = netsim("run", str(QUICKSTART), "--out", str(out), "--quiet")
    assert r.returncode == 0, r.stderr
    flows = pd.read_csv(out / "flows.csv").set_index("flow")
    assert set(flows.index) == {"urllc", "video", "background"}
    # the fibre cut loses packets in flight on it; nothing is unaccounted for
    assert flows["lost_link_down"].sum() > 0
    assert (flows["sent"] == flows["delivered"] + flows["lost"] + flows["in_flight"]).all()
    # URLLC: 32 B on a 200 Mb/s air link (1.28 us) + 0.5 ms, then 1 Gb/s + 50 us:
    # at least 0.5513 ms one way; priority keeps its p99 under 1 ms
    assert flows.loc["urllc", "latency_p50_s"] >= 0.000551
    assert flows.loc["urllc", "latency_p99_s"] < 0.001
    man = json.loads((out / "manifest.json").read_text())
    assert man["status"] == "complete" and man["versions"]["numpy"]
    for f in ("latency_cdf.png", "throughput.png", "links.csv", "kpis.json"):
        assert (out / f).exists(), f
    assert "urllc" in r.stdout


def test_seed_override_changes_results(tmp_path):
    scn = tmp_path / "p.yaml"
    scn.write_text("name: p\nrun: {duration_s: 1.0}\noutputs: {plots: false}\n"
                   "nodes: [{name: a}, {name: b}]\n"
                   "links: [{a: a, b: b, rate_bps: 1.0e6, delay_s: 0.001}]\n"
                   "traffic: [{model: poisson, src: a, dst: b, rate_pps: 100}]\n")
    a = netsim("run", str(scn), "--out", str(tmp_path / "a"), "--quiet")
    b = netsim("run", str(scn), "--out", str(tmp_path / "b"), "--quiet", "--seed", "1")
    c = netsim("run", str(scn), "--out", str(tmp_path / "c"), "--quiet")
    assert a.returncode == b.returncode == c.returncode == 0
    la, lb, lc = (pd.read_csv(tmp_path / x / "latency.csv")["time_s"] for x in "abc")
    assert la.equals(lc) and not la.equals(lb)
