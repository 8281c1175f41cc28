"""Sweeps: grid x replications, seeds, Student-t intervals, local processes vs Dask.

The confidence interval is checked against the Student t quantile t_{0.975, 2} =
4.302652729911275 (printed in every t table, e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2;
Law & Kelton, Simulation Modeling and Analysis, 5th ed., 9.4.1): for 3 replications the
half width is 4.3027 * s / sqrt(3).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from netsim.experiment.backends import DaskBackend, LocalBackend
from netsim.experiment.sweep import parse_param, replication_seed, run_sweep, set_path

GRID = """
sweep:
  parameters:
    "links[0].rate_bps": [1.0e7, 2.0e7]
    "traffic[1].rate_bps": [2.0e6, 4.0e6]
  replications: 3
"""

T_0975_2 = 4.302652729911275  # Student t, 0.975 quantile, 2 degrees of freedom


def _numbers(res) -> pd.DataFrame:
    cols = ["run_id", "seed", "throughput_bps", "latency_mean_s", "packets_sent"]
    return res.runs[cols].sort_values("run_id").reset_index(drop=True)


def test_grid_seeds_and_student_t(tiny, tmp_path):
    res = run_sweep(tiny(GRID), str(tmp_path / "out"), jobs=1, progress=False)
    # 2 x 2 grid, 3 replications each
    assert len(res.points) == 4 and len(res.runs) == 12
    assert res.runs.groupby("point").size().tolist() == [3, 3, 3, 3]
    # replication seeds: SeedSequence(5, spawn_key=(r,)) children, the same at every point
    expect = [int(np.random.SeedSequence(5, spawn_key=(r,)).generate_state(1, np.uint64)[0]
                  >> np.uint64(1)) for r in range(3)]
    assert [replication_seed(5, r) for r in range(3)] == expect
    for _, g in res.runs.groupby("point"):
        assert g.sort_values("replication")["seed"].tolist() == expect
    assert len(set(expect)) == 3
    # Student-t half width of one KPI at one point, from the t table
    g = res.runs[res.runs["point"] == 0]["throughput_bps"].to_numpy()
    s = res.summary
    row = s[(s["point"] == 0) & (s["kpi"] == "throughput_bps")].iloc[0]
    hw = T_0975_2 * np.std(g, ddof=1) / math.sqrt(3)
    assert row["n"] == 3
    assert row["mean"] == pytest.approx(g.mean(), rel=1e-12)
    assert row["half_width"] == pytest.approx(hw, rel=1e-9)
    # the swept values reached the runs: offered Poisson load ~ 2 and 4 Mb/s (+ 64 kb/s probe)
    load = res.summary[res.summary["kpi"] == "throughput_bps"].set_index("point")["mean"]
    assert load[0] == pytest.approx(2.064e6, rel=0.15)
    assert load[1] == pytest.approx(4.064e6, rel=0.15)


@pytest.mark.slow  # a Dask cluster / two subprocesses: ~10 s unloaded
def test_local_processes_and_dask_give_identical_numbers(tiny, tmp_path):
    distributed = pytest.importorskip("distributed")
    scn = tiny(GRID)
    local = LocalBackend(jobs=2)
    try:
        a = run_sweep(scn, str(tmp_path / "local"), backend=local, progress=False)
    finally:
        local.close()
    dask = DaskBackend(workers=2)
    try:
        assert isinstance(dask.client, distributed.Client)
        b = run_sweep(scn, str(tmp_path / "dask"), backend=dask, progress=False)
    finally:
        dask.close()
    assert a.executed == b.executed == 12
    pd.testing.assert_frame_equal(_numbers(a), _numbers(b), check_exact=True)
    pd.testing.assert_frame_equal(a.summary, b.summary, check_exact=True)


def test_stop_rule_adds_replications_until_half_width_small(tiny, tmp_path):
    extra = "sweep: {ci_target_pct: 2.0, max_replications: 8, ci_kpis: [throughput_bps]}\n"
    res = run_sweep(tiny(extra), str(tmp_path / "o"), jobs=1, progress=False)
    row = res.summary[res.summary["kpi"] == "throughput_bps"].iloc[0]
    n = int(row["n"])
    assert 2 <= n <= 8
    # either the precision target is met or the cap was reached
    assert row["half_width"] <= 0.02 * row["mean"] or n == 8


def test_param_paths():
    tree = {"links": [{"rate_bps": 1.0}], "radio": {"cells": [{"p": 1}]}}
    set_path(tree, "links[0].rate_bps", 2.0)
    set_path(tree, "radio.cells[0].p", 3)
    assert tree["links"][0]["rate_bps"] == 2.0 and tree["radio"]["cells"][0]["p"] == 3
    assert parse_param("links[0].rate_bps=1e8,2.5e8") == ("links[0].rate_bps", [1e8, 2.5e8])
    assert parse_param("outputs.plots=true")[1] == [True]
