"""RMSA policies, options and the Allocation lifecycle on hand-built networks.

Each expected choice follows from the policy definitions (module docstring of
``netsim.optical.rmsa``; DeepRMSA SP-FF / KSP-FF; XLRON ``ksp_ff`` vs ``ff_ksp``;
Optical RL-Gym ``least_loaded_path_first_fit``) worked out by hand on a small graph.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from netsim.errors import ParameterError
from netsim.optical.rmsa import RMSA, RmsaOptions
from netsim.optical.topology import load_topology, topology_from_edges


def _triangle():
    # A-B 100 km, B-C 100 km, A-C 300 km. A->C: path 0 = A-B-C (200 km), path 1 = A-C.
    return topology_from_edges(
        ["A", "B", "C"], [("A", "B", 100.0), ("B", "C", 100.0), ("A", "C", 300.0)]
    )


def _opts(**kw):
    base = dict(n_slots=10, slot_width_ghz=12.5, guard_slots=1, k_paths=2)
    base.update(kw)
    return RmsaOptions(**base)


def _busy(rmsa, u, v, slots):
    rmsa._occ[rmsa.fibre_index[(u, v)], slots] = True  # test set-up only


# A 100 Gb/s request on paths <= 625 km uses 16QAM: ceil(100/50) + 1 = 3 slots.


def test_sp_ff_blocks_where_ksp_ff_routes_around():
    sp = RMSA(_triangle(), _opts(policy="sp_ff"))
    ksp = RMSA(_triangle(), _opts(policy="ksp_ff"))
    for r in (sp, ksp):
        _busy(r, "A", "B", slice(0, 10))
    assert sp.allocate("A", "C", 100.0) is None
    a = ksp.allocate("A", "C", 100.0)
    assert a.path.nodes == ("A", "C") and a.path_index == 1
    assert (a.first_slot, a.n_slots) == (0, 3)


def test_fit_policies_on_path():
    # A->C path 0 (A-B, B-C). Common free: A-B busy 3, B-C busy 7 ->
    # free blocks [0-2] (3), [4-6] (3), [8-9] (2). Request 2 slots (25 Gb/s: ceil(0.5)+1).
    for policy, start in (("ksp_ff", 0), ("ksp_bf", 8), ("ksp_lf", 8)):
        r = RMSA(_triangle(), _opts(policy=policy))
        _busy(r, "A", "B", [3])
        _busy(r, "B", "C", [7])
        a = r.allocate("A", "C", 25.0)
        assert a.path_index == 0 and a.n_slots == 2 and a.first_slot == start, policy


def test_last_fit_takes_top_slots():
    r = RMSA(_triangle(), _opts(policy="ksp_lf"))
    a = r.allocate("A", "B", 100.0)
    assert (a.first_slot, a.n_slots) == (7, 3)  # slots 7, 8, 9


def test_spectrum_first_vs_path_first():
    # Path 0 (A-B-C) has its first free block at 5; path 1 (A-C) is free from 0.
    for policy, path, start in (("ksp_ff", 0, 5), ("ff_ksp", 1, 0)):
        r = RMSA(_triangle(), _opts(policy=policy))
        _busy(r, "A", "B", slice(0, 5))
        a = r.allocate("A", "C", 100.0)
        assert (a.path_index, a.first_slot) == (path, start), policy


def test_best_fit_across_paths():
    # bf_ksp: path 0 common free = slots 0-5 (6), path 1 free block of exactly 3 at 7-9.
    r = RMSA(_triangle(), _opts(policy="bf_ksp"))
    _busy(r, "B", "C", slice(6, 10))
    _busy(r, "A", "C", slice(0, 7))
    a = r.allocate("A", "C", 100.0)
    assert (a.path_index, a.first_slot) == (1, 7)


def test_least_loaded():
    # Path 0 has 4 free slots (0-3), path 1 has 6 (4-9): both fit 3 slots; least loaded
    # takes path 1 at its first-fit slot 4, KSP-FF takes path 0.
    for policy, path, start in (("least_loaded", 1, 4), ("ksp_ff", 0, 0)):
        r = RMSA(_triangle(), _opts(policy=policy))
        _busy(r, "A", "B", slice(4, 10))
        _busy(r, "A", "C", slice(0, 4))
        a = r.allocate("A", "C", 100.0)
        assert (a.path_index, a.first_slot) == (path, start), policy


def test_directed_vs_shared_fibres():
    g = load_topology("nsfnet")
    assert RMSA(g, RmsaOptions(directed_fibres=True)).n_fibres == 44
    shared = RMSA(g, RmsaOptions(directed_fibres=False, k_paths=1))
    assert shared.n_fibres == 22
    a = shared.allocate(1, 2, 100.0)
    b = shared.allocate(2, 1, 100.0)
    # one spectrum for both directions: the reverse request sits after the first
    assert (a.first_slot, b.first_slot) == (0, 4)
    directed = RMSA(g, RmsaOptions(k_paths=1))
    a = directed.allocate(1, 2, 100.0)
    b = directed.allocate(2, 1, 100.0)
    assert (a.first_slot, b.first_slot) == (0, 0)


def test_guard_slots_and_width_options():
    r = RMSA(_triangle(), _opts(guard_slots=0, slot_width_ghz=50.0))
    assert r.allocate("A", "B", 100.0).n_slots == 1  # ceil(100 / (4*50)) = 1


def test_wavelength_conversion():
    # A-B busy on 0-3 and B-C busy on 4-7 (8 slots): no common block of 3 on A-B-C, and
    # A-C (300 km) is removed by using k=1. With conversion each fibre has its own block.
    def build(conv):
        r = RMSA(_triangle(), _opts(n_slots=8, k_paths=1, wavelength_conversion=conv))
        _busy(r, "A", "B", slice(0, 4))
        _busy(r, "B", "C", slice(4, 8))
        return r

    assert build(False).allocate("A", "C", 100.0) is None
    r = build(True)
    a = r.allocate("A", "C", 100.0)
    assert [(s.first_slot, s.n_slots) for s in a.segments] == [(4, 3), (0, 3)]
    r.release(a)
    assert r.occupancy.sum() == 8


def test_regeneration_splits_long_path():
    # Line A-B-C-D of 3 x 1000 km = 3000 km > 2500: transparent -> BPSK, 100/12.5 + 1 = 9.
    # With regeneration (reach 2500 km, greedy): A-B-C 2000 km (QPSK, 100/25 + 1 = 5) and
    # C-D 1000 km (8QAM, ceil(100/37.5) + 1 = 4).
    g = topology_from_edges(
        list("ABCD"), [("A", "B", 1000.0), ("B", "C", 1000.0), ("C", "D", 1000.0)]
    )
    plain = RMSA(g, RmsaOptions(n_slots=20))
    a = plain.allocate("A", "D", 100.0)
    assert (a.modulation, a.n_slots) == ("BPSK", 9)
    regen = RMSA(g, RmsaOptions(n_slots=20, regeneration=True))
    a = regen.allocate("A", "D", 100.0)
    assert [(s.modulation, s.n_slots, s.length_km) for s in a.segments] == [
        ("QPSK", 5, 2000.0),
        ("8QAM", 4, 1000.0),
    ]


def test_allocate_path_action():
    r = RMSA(_triangle(), _opts())
    a = r.allocate_path("A", "C", 100.0, path_index=1, first_slot=4)
    assert (a.path.nodes, a.first_slot, a.n_slots) == (("A", "C"), 4, 3)
    assert r.allocate_path("A", "C", 100.0, path_index=1, first_slot=5) is None  # overlap
    assert r.allocate_path("A", "C", 100.0, path_index=1, first_slot=8) is None  # past end
    b = r.allocate_path("A", "C", 100.0, path_index=1, fit="last_fit")
    assert b.first_slot == 7
    np.testing.assert_array_equal(r.path_free_slots("A", "C", 1), [1] * 4 + [0] * 6)


def test_release_errors_and_reset():
    r = RMSA(_triangle(), _opts())
    a = r.allocate("A", "B", 100.0)
    r.release(a)
    with pytest.raises(ParameterError):
        r.release(a)
    b = r.allocate("A", "B", 100.0)
    r.reset()
    with pytest.raises(ParameterError):
        r.release(b)
    other = RMSA(_triangle(), _opts())
    with pytest.raises(ParameterError):
        other.release(r.allocate("A", "B", 100.0))


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        (dict(policy="random_fit"), "policy"),
        (dict(path_order="length"), "path_order"),
        (dict(k_paths=0), "k_paths"),
        (dict(guard_slots=-1), "guard_slots"),
        (dict(n_slots=0), "n_slots"),
        (dict(policy="least_loaded", wavelength_conversion=True), "policy"),
        (dict(regeneration=True, regenerator_reach_km=-1.0), "regenerator_reach_km"),
    ],
)
def test_option_errors(kwargs, field):
    with pytest.raises(ParameterError) as exc:
        RmsaOptions(**kwargs)
    assert exc.value.field == field


def test_graph_errors():
    g = nx.Graph()
    g.add_edge("A", "B", length_km=10.0)
    g.add_edge("C", "D", length_km=10.0)
    with pytest.raises(ParameterError):
        RMSA(g)  # disconnected
    g.add_edge("B", "C", length_km=-1.0)
    with pytest.raises(ParameterError) as exc:
        RMSA(g)
    assert "length_km" in exc.value.field


def test_request_errors():
    r = RMSA(_triangle(), _opts())
    with pytest.raises(ParameterError) as exc:
        r.allocate("A", "Z", 100.0)
    assert exc.value.field == "dst"
    with pytest.raises(ParameterError):
        r.allocate("A", "A", 100.0)
    with pytest.raises(ParameterError) as exc:
        r.allocate("A", "B", 0.0)
    assert exc.value.field == "rate_gbps"
    with pytest.raises(ValueError, match="read-only"):
        r.occupancy[0, 0] = True  # the public view is read-only


def test_candidate_features_by_hand():
    # A->C, 10 slots. Path 0 (A-B-C, 200 km, 16QAM): A-B busy 3, B-C busy 7 -> common free
    # blocks [0-2], [4-6], [8-9]: 8 free slots in 3 blocks, mean 8/3. 100 Gb/s needs
    # ceil(100/50)+1 = 3 slots; first fit at 0 in a block of 3.
    # Path 1 (A-C, 300 km, 16QAM): busy 0-7 -> one free block [8-9]: 2 slots, no fit.
    r = RMSA(_triangle(), _opts())
    _busy(r, "A", "B", [3])
    _busy(r, "B", "C", [7])
    _busy(r, "A", "C", slice(0, 8))
    f = r.candidate_features("A", "C", 100.0)
    np.testing.assert_allclose(f[0], [3, 0, 3, 8, 3, 8 / 3])
    np.testing.assert_allclose(f[1], [3, -1, 0, 2, 1, 2])


@pytest.mark.parametrize(
    "opts",
    [
        RmsaOptions(n_slots=40, policy="ksp_ff"),
        RmsaOptions(n_slots=40, policy="bf_ksp", directed_fibres=False),
        RmsaOptions(n_slots=40, policy="least_loaded", path_order="hops"),
        RmsaOptions(n_slots=40, policy="ksp_lf", wavelength_conversion=True),
        RmsaOptions(n_slots=40, policy="ksp_bf", regeneration=True),
    ],
)
def test_no_double_booking_random_sequence(opts):
    # Invariant of spectrum assignment: the occupancy is exactly the union of the live
    # allocations' blocks, and no slot of a fibre is held by two allocations.
    g = load_topology("nsfnet")
    r = RMSA(g, opts)
    rng = np.random.default_rng(9)
    nodes = list(g.nodes())
    live = []
    for _ in range(600):
        if live and rng.random() < 0.4:
            r.release(live.pop(int(rng.integers(len(live)))))
        else:
            s, d = rng.choice(nodes, 2, replace=False)
            a = r.allocate(int(s), int(d), float(rng.integers(25, 101)))
            if a is not None:
                live.append(a)
    count = np.zeros(r.occupancy.shape, dtype=int)
    for a in live:
        assert a.path.nodes[0] == a.src and a.path.nodes[-1] == a.dst
        for seg in a.segments:
            count[seg.fibres, seg.first_slot : seg.first_slot + seg.n_slots] += 1
    assert count.max() <= 1
    np.testing.assert_array_equal(count > 0, r.occupancy)
    for a in live:
        r.release(a)
    assert not r.occupancy.any()
