"""RMSA environment steps per second on NSFNET (DeepRMSA set-up), one CPU core.

A step is: release the lightpaths due before the request's arrival, compute the
features of all 10 actions (5 km-shortest paths x first/best fit), choose, commit the
block and schedule its departure. Three cases on the same request stream (250 Erlang,
mean holding 25 truncated at 2x, 3000 requests):

* ``core_step``: :meth:`netsim.control.rl.RmsaEnvCore.step` driven from Python with a
  first-valid-action rule (the cost an external agent pays per step, without its own
  inference);
* ``compiled_episode``: the whole episode under the linear policy in one numba call
  (``RmsaEnvCore.run_linear``, what training uses);
* ``baseline``: the plain KSP-FF loop of :func:`netsim.optical.dynamic.run_replication`
  (heuristic decisions only, no features), measured in the same run.

XLRON (Doherty et al.) reports about 15 000 steps/s on one CPU core for this problem;
the ratios to the baseline are the figures to keep (the development machine is shared).

Run: ``pytest benchmarks/test_control_rmsa_env.py --benchmark-only -s``.
"""

from __future__ import annotations

import time

import numpy as np
import pytest

from netsim.control.rl import RmsaEnvCore, draw_requests
from netsim.control.rl.cem import prior_weights
from netsim.optical.dynamic import TrafficModel, run_replication
from netsim.optical.rmsa import RMSA, RmsaOptions
from netsim.optical.topology import load_topology

N_REQ = 3_000
SEED = 11


@pytest.fixture(scope="module")
def setup():
    g = load_topology("nsfnet")
    tr = TrafficModel(250.0, 25.0, holding_truncation=2.0)
    core = RmsaEnvCore(RMSA(g, RmsaOptions()), tr, episode_requests=N_REQ)
    q = draw_requests(tr, 14, N_REQ, np.random.default_rng(SEED))
    w = prior_weights("hops_ff")
    core.run_linear(w, q)  # warm-up: numba compile / cache load
    _step_episode(core, q)
    return g, tr, core, q, w


def _step_episode(core, q):
    core.reset(requests=q)
    done = False
    valid = core.valid
    while not done:
        _, done = core.step(int(valid.argmax()))


def _baseline(g, tr):
    run_replication(RMSA(g, RmsaOptions(policy="ksp_ff")), tr, N_REQ, 0,
                    np.random.default_rng(SEED))


def _rate(fn, *args, repeats=3):
    best = np.inf
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn(*args)
        best = min(best, time.perf_counter() - t0)
    return N_REQ / best


def test_env_core_step(benchmark, setup):
    _, _, core, q, _ = setup
    benchmark.group = "control-rmsa-env-steps"
    benchmark.pedantic(_step_episode, args=(core, q), rounds=3, warmup_rounds=1)
    benchmark.extra_info["steps_per_round"] = N_REQ


def test_env_compiled_episode(benchmark, setup):
    _, _, core, q, w = setup
    benchmark.group = "control-rmsa-env-steps"
    benchmark.pedantic(core.run_linear, args=(w, q), rounds=5, warmup_rounds=1)
    benchmark.extra_info["steps_per_round"] = N_REQ


def test_env_baseline_dynamic_ksp_ff(benchmark, setup):
    g, tr, _, _, _ = setup
    benchmark.group = "control-rmsa-env-steps"
    benchmark.pedantic(_baseline, args=(g, tr), rounds=3, warmup_rounds=1)
    benchmark.extra_info["steps_per_round"] = N_REQ


def test_env_steps_ratio(setup):
    """Print steps/s of the three cases and their ratios to the baseline."""
    g, tr, core, q, w = setup
    base = _rate(_baseline, g, tr)
    step = _rate(_step_episode, core, q)
    comp = _rate(core.run_linear, w, q)
    print(f"\nRMSA env steps/s on NSFNET: Python step API {step:,.0f}, compiled episode "
          f"{comp:,.0f}, baseline KSP-FF loop {base:,.0f}; ratios "
          f"{step / base:.2f}x / {comp / base:.2f}x (XLRON, 1 CPU core: ~15,000)")
    assert step > 0 and comp > 0 and base > 0
