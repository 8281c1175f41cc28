"""The learned policy behind the shared controller interface (``make_controller``).

NSFNET node 1 -> 2 (WA -> CA1): shortest path 1050 km, 8QAM (<= 1250 km, DeepRMSA
``cal_FS``), 100 Gb/s: ceil(100 / 37.5) + 1 guard = 4 slots; delay at a fibre group
index of 1.468: 1050 km x 1.468 / 299792.458 km/s = 5.1415 ms.
"""

from __future__ import annotations

import pytest

import netsim as ns
from netsim.control import NetworkView, Request, make_controller
from netsim.errors import ParameterError
from netsim.optical.rmsa import RMSA, RmsaOptions
from netsim.optical.topology import load_topology


def _view():
    # the shipped policy was trained on the 5 hop-shortest candidates
    rmsa = RMSA(load_topology("nsfnet"), RmsaOptions(path_order="hops"))
    return rmsa, NetworkView(ns.Network(ns.Simulation(seed=1)), rmsa=rmsa)


def test_decide_and_release():
    rmsa, view = _view()
    ctl = make_controller("learned_rmsa")
    a = ctl.decide(Request(1, 1, 2, capacity_bps=100e9), view)
    assert a.admitted
    assert a.spectrum["modulation"] == "8QAM" and a.spectrum["n_slots"] == 4
    assert a.spectrum["length_km"] == pytest.approx(1050.0)
    assert a.delay_s == pytest.approx(1050 * 1.468 / 299_792.458, rel=1e-9)
    assert rmsa.occupancy.sum() == 4 * (len(a.path) - 1)
    ctl.on_departure(a, view)
    assert rmsa.occupancy.sum() == 0


def test_latency_rejection():
    _, view = _view()
    ctl = make_controller("learned_rmsa")
    # 1 ms is under every candidate's delay (the shortest, 1050 km, needs 5.14 ms)
    a = ctl.decide(Request(2, 1, 2, capacity_bps=100e9, latency_bound_s=1e-3), view)
    assert not a.admitted and a.reason == "latency"


def test_candidate_set_mismatch_is_an_error():
    rmsa = RMSA(load_topology("nsfnet"), RmsaOptions(path_order="km"))
    view = NetworkView(ns.Network(ns.Simulation(seed=1)), rmsa=rmsa)
    with pytest.raises(ParameterError, match="path_order"):
        make_controller("learned_rmsa").decide(Request(3, 1, 2, capacity_bps=1e11), view)


def test_adapter_blocks_the_same_requests_as_the_core():
    # the adapter (RMSA.allocate_path per decision, Python departures) and the compiled
    # core (numba heap) must make the same decisions on the same request stream
    import heapq

    import numpy as np

    from netsim.control.rl import RmsaEnvCore, draw_requests, load_policy
    from netsim.optical.dynamic import TrafficModel

    tr = TrafficModel(250.0, 25.0, holding_truncation=2.0)
    rmsa, view = _view()
    nodes = list(rmsa.graph.nodes())
    q = draw_requests(tr, len(nodes), 2500, np.random.default_rng(21))
    core = RmsaEnvCore(RMSA(load_topology("nsfnet"), RmsaOptions(path_order="hops")), tr,
                       episode_requests=2500)
    blocked_core = core.run_linear(load_policy("nsfnet_rmsa_cem").weights, q)
    ctl = make_controller("learned_rmsa")
    heap, blocked = [], []
    for i in range(2500):
        while heap and heap[0][0] <= q.arrival_s[i]:
            ctl.on_departure(heapq.heappop(heap)[2], view)
        a = ctl.decide(Request(i, nodes[q.src[i]], nodes[q.dst[i]],
                               capacity_bps=q.rate_gbps[i] * 1e9), view)
        blocked.append(not a.admitted)
        if a.admitted:
            heapq.heappush(heap, (q.departure_s[i], i, a))
    assert blocked_core.sum() > 0
    assert np.array_equal(np.array(blocked), blocked_core)
