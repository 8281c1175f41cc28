"""Experiment layer overhead: a 4-run sweep through the results store beside the bare runs.

Baseline (same run): ``run_scenario`` called 4 times in a loop with no output folder (the
simulation work alone). The sweep adds validation per grid point, writing each run's CSV
tables and manifest with SHA-256 checksums, atomic renames and the summary. The ratio
sweep / baseline is recorded in ``extra_info`` (it should stay close to 1 for runs that are
not trivially short).
"""

from __future__ import annotations

import shutil
import tempfile

import pytest

from netsim.experiment.run import run_scenario
from netsim.experiment.scenario import parse_scenario
from netsim.experiment.sweep import replication_seed, run_sweep
from netsim.experiment.yamlio import load_yaml

SCN = """\
name: bench
seed: 3
run: {duration_s: 0.5}
outputs: {plots: false}
nodes: [{name: a}, {name: b}, {name: c}]
links:
  - {a: a, b: b, rate_bps: 1.0e7, delay_s: 0.001}
  - {a: b, b: c, rate_bps: 1.0e8, delay_s: 0.0005}
traffic:
  - {name: load, model: poisson, src: a, dst: c, rate_bps: 5.0e6, packet_size_bytes: 1000}
sweep: {parameters: {"links[0].rate_bps": [1.0e7, 2.0e7]}, replications: 2}
"""
_T: dict[str, float] = {}


@pytest.fixture(scope="module")
def scenario_file(tmp_path_factory):
    p = tmp_path_factory.mktemp("bench") / "bench.yaml"
    p.write_text(SCN)
    run_sweep(str(p), str(p.parent / "warm"), jobs=1, progress=False)  # warm caches
    return str(p)


def test_baseline_run_scenario_loop(benchmark, scenario_file):
    raw = load_yaml(scenario_file)
    raw.pop("sweep")
    scns = []
    for rate in (1.0e7, 2.0e7):
        r = dict(raw, links=[dict(raw["links"][0], rate_bps=rate), raw["links"][1]])
        scns.append(parse_scenario(r))

    def loop():
        for s in scns:
            for rep in range(2):
                run_scenario(s, seed=replication_seed(3, rep))

    benchmark.group = "experiment-sweep-4-runs"
    benchmark.pedantic(loop, rounds=3, iterations=1)
    _T["base"] = benchmark.stats.stats.mean


def test_sweep_inline_with_store(benchmark, scenario_file):
    def sweep():
        out = tempfile.mkdtemp()
        try:
            run_sweep(scenario_file, out, jobs=1, progress=False)
        finally:
            shutil.rmtree(out)

    benchmark.group = "experiment-sweep-4-runs"
    benchmark.pedantic(sweep, rounds=3, iterations=1)
    if "base" in _T:
        benchmark.extra_info["ratio_to_bare_runs"] = benchmark.stats.stats.mean / _T["base"]
