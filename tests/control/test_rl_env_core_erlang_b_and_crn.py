"""The RL environment core against closed forms and against the committed event loop.

1. Erlang B: one link of C slots, every request one slot (50 GHz slots, 100 Gb/s at
   16QAM: ceil(100 / (4 x 50)) = 1, no guard), Poisson arrivals, exponential holding:
   an M/M/C/C loss system whose blocking is Erlang's B formula (recursion
   B(0) = 1, B(c) = A B(c-1) / (c + A B(c-1)); Kleinrock, "Queueing Systems" vol. 1,
   1975, eq. 3.46), evaluated here independently of the code.
2. Common random numbers: for the same seed the core draws the same requests as
   ``netsim.optical.dynamic.run_replication`` (a separate, heap-in-Python event loop),
   so a linear policy that encodes KSP-FF / KSP-BF blocks exactly the same requests.
"""

from __future__ import annotations

import numpy as np
import pytest

from netsim.control.rl import ACTION_FEATURES, RmsaEnvCore, draw_requests
from netsim.control.rl.cem import prior_weights
from netsim.errors import ParameterError
from netsim.optical.dynamic import TrafficModel, confidence_interval, run_replication
from netsim.optical.rmsa import RMSA, RmsaOptions
from netsim.optical.topology import load_topology, topology_from_edges


def erlang_b(load: float, channels: int) -> float:
    b = 1.0
    for c in range(1, channels + 1):
        b = load * b / (c + load * b)
    return b


def test_erlang_b_recursion_printed_value():
    # Printed Erlang-B tables: A = 7 Erl, C = 10 -> B = 0.0787.
    assert erlang_b(7.0, 10) == pytest.approx(0.0787, abs=5e-5)


def test_single_link_blocking_is_erlang_b():
    g = topology_from_edges(["A", "B"], [("A", "B", 80.0)])
    rmsa = RMSA(g, RmsaOptions(n_slots=10, slot_width_ghz=50.0, guard_slots=0, k_paths=1,
                               directed_fibres=False))
    tr = TrafficModel(7.0, rates_gbps=(100.0,))
    core = RmsaEnvCore(rmsa, tr, episode_requests=21_000)
    w = prior_weights("ksp_ff")
    bp = []
    for child in np.random.SeedSequence(5).spawn(10):
        q = draw_requests(tr, 2, 21_000, np.random.default_rng(child))
        bp.append(core.run_linear(w, q)[1000:].mean())
    m, h = confidence_interval(np.array(bp))
    b = erlang_b(7.0, 10)  # 0.0787
    assert abs(m - b) <= h
    assert h < 0.1 * b  # the interval is tight enough for the test to fail


@pytest.mark.parametrize(("order", "policy", "prior"), [
    ("km", "ksp_ff", "ksp_ff"), ("hops", "ksp_ff", "ksp_ff"), ("km", "ksp_bf", "ksp_bf"),
])
def test_same_blocked_requests_as_optical_dynamic(order, policy, prior):
    g = load_topology("nsfnet")
    tr = TrafficModel(250.0, 25.0, holding_truncation=2.0)
    ref = run_replication(RMSA(g, RmsaOptions(policy=policy, path_order=order)), tr,
                          3000, 500, np.random.default_rng(9), n_batches=1)
    core = RmsaEnvCore(RMSA(g, RmsaOptions(path_order=order)), tr, episode_requests=3500)
    q = draw_requests(tr, 14, 3500, np.random.default_rng(9))
    blocked = core.run_linear(prior_weights(prior), q)
    assert int(blocked[500:].sum()) == int(ref.blocked.sum())
    assert ref.blocked.sum() > 0


def test_step_api_equals_compiled_episode():
    g = load_topology("nsfnet")
    tr = TrafficModel(250.0, 25.0, holding_truncation=2.0)
    core = RmsaEnvCore(RMSA(g, RmsaOptions()), tr, episode_requests=1500)
    w = prior_weights("hops_ff")
    q = draw_requests(tr, 14, 1500, np.random.default_rng(3))
    blocked = core.run_linear(w, q)
    core.reset(requests=q)
    done, stepped = False, []
    while not done:
        s = np.where(core.valid, core.features @ w, -np.inf)
        a = int(np.argmax(s)) if core.valid.any() else 0
        admitted, done = core.step(a)
        stepped.append(not admitted)
    assert np.array_equal(np.array(stepped), blocked)
    assert core.blocked == int(blocked.sum())
    with pytest.raises(ParameterError, match="step"):
        core.step(0)
    core.reset(requests=q)
    with pytest.raises(ParameterError, match="action"):
        core.step(10)


def test_feature_names_are_unique():
    assert len(set(ACTION_FEATURES)) == len(ACTION_FEATURES)
