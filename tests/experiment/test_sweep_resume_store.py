"""Results store: a sweep killed by SIGTERM resumes and loses nothing; corrupt runs are redone.

The reference is the same sweep run without interruption: the resumed sweep must hold
every run exactly once with bit-identical KPIs (each run's numbers depend only on its
scenario and seed, DESIGN.md "Reproducibility").
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pandas as pd
import pytest

from netsim.experiment.store import Store
from netsim.experiment.sweep import run_sweep

REPS = """
sweep:
  parameters: {"traffic[1].rate_bps": [2.0e6, 3.0e6]}
  replications: 5
"""


def _complete(out):
    runs = os.path.join(out, "runs")
    if not os.path.isdir(runs):
        return []
    return [d for d in os.listdir(runs) if not d.startswith(".")]


def _sweep_cmd(scn, out):
    return [sys.executable, "-m", "netsim.cli", "sweep", scn, "--out", out, "--jobs", "1",
            "--quiet", "--no-fail"]


@pytest.mark.slow  # a Dask cluster / two subprocesses: ~10 s unloaded
def test_sigterm_midway_then_resume_has_every_run_once(tiny, tmp_path):
    scn = tiny(REPS, duration=0.6)
    out = str(tmp_path / "killed")
    proc = subprocess.Popen(_sweep_cmd(scn, out), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while len(_complete(out)) < 2 and time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
    proc.send_signal(signal.SIGTERM)
    proc.communicate(timeout=60)
    n_before = len(_complete(out))
    assert proc.returncode != 0, "the sweep finished before it could be interrupted"
    assert 2 <= n_before < 10
    # resume
    done = subprocess.run(_sweep_cmd(scn, out), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "already done" in done.stdout
    runs = pd.read_csv(os.path.join(out, "runs.csv"))
    assert len(runs) == 10 and runs["run_id"].is_unique
    assert sorted(_complete(out)) == sorted(runs["run_id"])
    store = Store(out)
    assert all(store.is_complete(r) for r in runs["run_id"])
    # nothing lost or changed: identical to an uninterrupted sweep
    ref = run_sweep(scn, str(tmp_path / "ref"), jobs=1, progress=False)
    cols = ["run_id", "seed", "throughput_bps", "latency_mean_s", "packets_sent"]
    pd.testing.assert_frame_equal(
        runs[cols].sort_values("run_id").reset_index(drop=True),
        ref.runs[cols].sort_values("run_id").reset_index(drop=True), check_exact=True)


def test_corrupt_or_partial_run_is_redone(tiny, tmp_path):
    scn = tiny("sweep: {replications: 3}\n")
    out = str(tmp_path / "o")
    first = run_sweep(scn, out, jobs=1, progress=False)
    assert first.executed == 3
    ids = sorted(first.runs["run_id"])
    # 1) truncate a result table; 2) a manifest still saying "running"; 3) a leftover temp dir
    flows = os.path.join(out, "runs", ids[0], "flows.csv")
    with open(flows, "r+b") as fh:
        fh.truncate(10)
    man_path = os.path.join(out, "runs", ids[1], "manifest.json")
    man = json.load(open(man_path))
    man["status"] = "running"
    json.dump(man, open(man_path, "w"))
    os.makedirs(os.path.join(out, "runs", f".{ids[2]}.tmp-999"))
    store = Store(out)
    assert store.check(ids[0]) == "flows.csv checksum mismatch"
    assert store.check(ids[1]) == "manifest not complete"
    again = run_sweep(scn, out, jobs=1, progress=False)
    assert sorted(again.redone) == ids[:2]
    assert again.executed == 2 and again.skipped == 1
    assert not [d for d in os.listdir(os.path.join(out, "runs")) if d.startswith(".")]
    pd.testing.assert_frame_equal(first.runs, again.runs, check_exact=True)
