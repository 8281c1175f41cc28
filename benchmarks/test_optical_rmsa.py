"""RMSA decisions per second on NSFNET (320 slots, k = 5), netsim numba vs plain numpy.

Both sides use the same precomputed candidate paths and the same loaded spectrum state
(taken from a dynamic run), and do the same work per request: choose path, modulation
and first-fit block (KSP-FF), commit it, release it (so the state stays the same). The
only difference is the slot search: netsim's numba kernel (``select_candidate``) vs a
plain numpy first fit (``any`` over the path's fibres + ``sliding_window_view``).

A third case times whole environment steps of the dynamic simulation (arrival, the
departures due before it, the decision and the state update), the figure issue 6 sets
against XLRON's ~15k steps/s on one CPU core.

Run: ``pytest benchmarks/test_optical_rmsa.py --benchmark-only -s``; numba compile time
is excluded by a warm-up call before timing.
"""

from __future__ import annotations

import numpy as np
import pytest
from timing import best_of

from netsim.optical.dynamic import TrafficModel, run_replication
from netsim.optical.rmsa import RMSA, RmsaOptions
from netsim.optical.topology import load_topology

N_SLOTS = 320
K = 5
N_REQ = 2_000
LOAD_ERLANG = 600.0  # enough to load 320-slot fibres (some blocking, some fragmentation)


@pytest.fixture(scope="module")
def setup():
    g = load_topology("nsfnet")
    rmsa = RMSA(g, RmsaOptions(n_slots=N_SLOTS, k_paths=K, policy="ksp_ff"))
    traffic = TrafficModel(load_erlang=LOAD_ERLANG, mean_holding_time_s=25.0)
    # load the network: after a replication the occupancy holds the lightpaths still live
    rng = np.random.default_rng(7)
    run_replication(rmsa, traffic, 3_000, 0, rng)
    snapshot = rmsa.occupancy.copy()
    nodes = list(g.nodes())
    pairs = [(s, d) for s in nodes for d in nodes if s != d]
    idx = rng.integers(0, len(pairs), N_REQ)
    requests = [
        (pairs[i][0], pairs[i][1], float(r)) for i, r in zip(idx, rng.integers(25, 101, N_REQ))
    ]
    cand = {}  # baseline's copy of the same candidate paths: fibre lists and bits/symbol
    for pair in pairs:
        fibres, hops, bits = rmsa.candidate_arrays(*pair)
        cand[pair] = ([fibres[p, :h] for p, h in enumerate(hops)], bits)
    return rmsa, snapshot, requests, cand


def _netsim_decisions(rmsa, requests):
    allocate, release = rmsa.allocate, rmsa.release
    for s, d, r in requests:
        a = allocate(s, d, r)
        if a is not None:
            release(a)


def _numpy_first_fit(occ, fibres_list, bits, rate, width, guard):
    for p, fibres in enumerate(fibres_list):
        if bits[p] <= 0:
            continue
        n = int(np.ceil(rate / (bits[p] * width) - 1e-9)) + guard
        free = ~occ[fibres].any(axis=0)
        fits = np.lib.stride_tricks.sliding_window_view(free, n).all(axis=1)
        hit = np.flatnonzero(fits)
        if hit.size:
            return p, int(hit[0]), n
    return -1, -1, 0


def _numpy_decisions(occ, cand, requests, width=12.5, guard=1):
    for s, d, r in requests:
        fibres_list, bits = cand[(s, d)]
        p, start, n = _numpy_first_fit(occ, fibres_list, bits, r, width, guard)
        if p >= 0:
            f = fibres_list[p]
            occ[f, start : start + n] = True
            occ[f, start : start + n] = False


def _restore(rmsa, snapshot):
    rmsa._occ[:] = snapshot  # benchmark set-up: same loaded state for every round


def _same_choices(rmsa, snapshot, cand, requests):
    _restore(rmsa, snapshot)
    for s, d, r in requests[:300]:
        a = rmsa.allocate(s, d, r)
        fibres_list, bits = cand[(s, d)]
        p, start, n = _numpy_first_fit(snapshot, fibres_list, bits, r, 12.5, 1)
        assert (p, start, n) == ((a.path_index, a.first_slot, a.n_slots) if a else (-1, -1, 0))
        if a is not None:
            rmsa.release(a)


def test_rmsa_decisions_netsim(benchmark, setup):
    rmsa, snapshot, requests, cand = setup
    _same_choices(rmsa, snapshot, cand, requests)
    _restore(rmsa, snapshot)
    _netsim_decisions(rmsa, requests[:50])  # warm-up (numba compiled and cached)
    benchmark.group = "optical-rmsa-decisions"
    benchmark.pedantic(_netsim_decisions, args=(rmsa, requests), rounds=5, warmup_rounds=1)
    benchmark.extra_info["decisions_per_round"] = N_REQ


def test_rmsa_decisions_numpy(benchmark, setup):
    _, snapshot, requests, cand = setup
    occ = snapshot.copy()
    benchmark.group = "optical-rmsa-decisions"
    benchmark.pedantic(_numpy_decisions, args=(occ, cand, requests), rounds=5, warmup_rounds=1)
    benchmark.extra_info["decisions_per_round"] = N_REQ


def test_rmsa_decisions_ratio(setup):
    rmsa, snapshot, requests, cand = setup
    _restore(rmsa, snapshot)
    _netsim_decisions(rmsa, requests[:50])
    t_netsim = best_of(lambda: _netsim_decisions(rmsa, requests))
    occ = snapshot.copy()
    t_numpy = best_of(lambda: _numpy_decisions(occ, cand, requests))
    ratio = t_numpy / t_netsim
    print(
        f"\nRMSA KSP-FF decisions on NSFNET, {N_SLOTS} slots, k={K}: "
        f"netsim {N_REQ / t_netsim:,.0f}/s, plain numpy {N_REQ / t_numpy:,.0f}/s, "
        f"ratio {ratio:.1f}x"
    )
    assert ratio > 1.0


def test_rmsa_env_steps(benchmark, setup):
    rmsa = setup[0]
    traffic = TrafficModel(load_erlang=LOAD_ERLANG, mean_holding_time_s=25.0)
    n = 10_000

    def run():
        run_replication(rmsa, traffic, n, 0, np.random.default_rng(1))

    run()
    benchmark.group = "optical-rmsa-env-steps"
    benchmark.pedantic(run, rounds=3, warmup_rounds=0)
    steps = n / benchmark.stats.stats.min
    benchmark.extra_info["env_steps_per_s"] = steps
    print(f"\nRMSA environment steps on NSFNET, {N_SLOTS} slots, k={K}: {steps:,.0f}/s")
