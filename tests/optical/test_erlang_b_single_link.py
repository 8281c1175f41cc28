"""Single link with C wavelengths under Poisson load reproduces the Erlang-B formula.

A link of C channels (fixed 50 GHz grid, every request 1 slot, no guard) with Poisson
arrivals and exponential holding is an M/M/C/C loss system, whose blocking probability
is Erlang's B formula (A. K. Erlang 1917; recursion B(0) = 1,
B(c) = A B(c-1) / (c + A B(c-1)), e.g. ITU-T E.520 / Kleinrock, "Queueing Systems" vol. 1,
1975, eq. 3.46). The recursion is evaluated here, independently of the code under test.

Acceptance: the simulated blocking probability's 95 % confidence interval (independent
replications, Student t) contains B. The run is seeded, so the check is deterministic; to
make sure the test can fail, the interval must also be narrower than 10 % of B.
"""

from __future__ import annotations

import pytest

from netsim.optical.dynamic import TrafficModel, simulate_blocking
from netsim.optical.rmsa import RMSA, RmsaOptions
from netsim.optical.topology import topology_from_edges


def erlang_b(load: float, channels: int) -> float:
    b = 1.0
    for c in range(1, channels + 1):
        b = load * b / (c + load * b)
    return b


def _link_rmsa(channels: int, directed: bool) -> RMSA:
    g = topology_from_edges(["A", "B"], [("A", "B", 80.0)])
    # 100 Gb/s at 16QAM (80 km <= 625 km) on a 50 GHz slot: ceil(100/200) = 1 slot.
    opts = RmsaOptions(
        n_slots=channels,
        slot_width_ghz=50.0,
        guard_slots=0,
        k_paths=1,
        policy="sp_ff",
        directed_fibres=directed,
    )
    return RMSA(g, opts)


def test_erlang_b_recursion_table_value():
    # Printed Erlang-B tables: A = 7 Erl, C = 10 channels -> B = 0.0787.
    assert erlang_b(7.0, 10) == pytest.approx(0.0787, abs=5e-5)


@pytest.mark.parametrize(("load", "channels"), [(7.0, 10), (15.0, 20)])
def test_single_shared_link(load, channels):
    # One spectrum for both directions: one M/M/C/C queue with the whole load.
    res = simulate_blocking(
        _link_rmsa(channels, directed=False),
        TrafficModel(load_erlang=load, rates_gbps=(100.0,)),
        n_requests=15_000,
        warmup_requests=1_000,
        n_replications=10,
        seed=11,
    )
    b = erlang_b(load, channels)
    assert abs(res.blocking_probability - b) <= res.blocking_probability_ci
    assert res.blocking_probability_ci < 0.1 * b
    # one rate only: bandwidth blocking ratio = blocking probability
    assert res.bandwidth_blocking_ratio == pytest.approx(res.blocking_probability)


def test_directed_fibres_split_the_load():
    # Each direction is its own fibre: two M/M/C/C queues with half the load each
    # (ordered pairs A->B and B->A equally likely). A = 6 Erl total, C = 5: B(3, 5).
    res = simulate_blocking(
        _link_rmsa(5, directed=True),
        TrafficModel(load_erlang=6.0, rates_gbps=(100.0,)),
        n_requests=15_000,
        warmup_requests=1_000,
        n_replications=10,
        seed=5,
    )
    b = erlang_b(3.0, 5)
    assert abs(res.blocking_probability - b) <= res.blocking_probability_ci
    assert res.blocking_probability_ci < 0.1 * b
