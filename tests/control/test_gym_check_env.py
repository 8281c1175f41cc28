"""The Gymnasium environments pass ``gymnasium.utils.env_checker.check_env``.

gymnasium is an optional extra (``pip install netsim[gym]``): skipped without it.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

gym = pytest.importorskip("gymnasium")
from gymnasium.utils.env_checker import check_env  # noqa: E402

import netsim as ns  # noqa: E402
from netsim.control.rl.gym_env import PathAllocationGymEnv, RmsaGymEnv  # noqa: E402


def test_rmsa_env_check_and_mask():
    env = RmsaGymEnv(episode_requests=30)
    check_env(env, skip_render_check=True)
    obs, info = env.reset(seed=4)
    assert obs.shape == env.observation_space.shape
    assert info["action_mask"].shape == (10,) and info["action_mask"].all()  # empty net
    obs, r, term, trunc, info = env.step(0)
    assert r == 1.0 and info["admitted"] and not term and not trunc


def _net():
    sim = ns.Simulation(seed=1)
    net = ns.Network(sim)
    for n in "abcd":
        net.add_node(n)
    net.add_link("a", "b", rate_bps=10e9, delay_s=0.001)
    net.add_link("b", "c", rate_bps=10e9, delay_s=0.001)
    net.add_link("a", "d", rate_bps=10e9, delay_s=0.003)
    net.add_link("d", "c", rate_bps=10e9, delay_s=0.003)
    return net


def test_path_allocation_env_check_and_rewards():
    env = PathAllocationGymEnv(_net(), k_paths=2, load_erlang=20.0,
                               capacities_bps=[4e9], latency_bounds_s=[0.003, math.inf],
                               pairs=[("a", "c")], episode_requests=20)
    check_env(env, skip_render_check=True)
    obs, info = env.reset(seed=1)
    # candidates a-b-c (2 ms) then a-d-c (6 ms); 4 Gb/s of 10 free: ratio 2.5
    assert obs[0] == 1.0 and obs[3] == pytest.approx(2.5) and obs[9] == pytest.approx(2.5)
    assert obs[2] == pytest.approx(0.2)
    total = 0.0
    done = False
    while not done:
        mask = env.action_masks()
        a = int(np.flatnonzero(mask[:-1])[0]) if mask[:-1].any() else 2
        _, r, _, done, _ = env.step(a)
        total += r
    assert total >= 1.0
