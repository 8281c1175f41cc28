"""Action features of the RL core worked out by hand on a small line network.

Slot counts follow DeepRMSA ``cal_FS`` (Chen et al., JLT 2019; code
``K-SP-FF benchmark_NSFNET.py``): slots = ceil(rate / (bits x 12.5)) + 1 guard, format by
path length (16QAM <= 625 km, 8QAM <= 1250, QPSK <= 2500, BPSK beyond).
"""

from __future__ import annotations

import pytest

from netsim.control.rl import ACTION_FEATURES, RmsaEnvCore
from netsim.optical.dynamic import TrafficModel
from netsim.optical.rmsa import RMSA, RmsaOptions
from netsim.optical.topology import load_topology, topology_from_edges

F = {name: i for i, name in enumerate(ACTION_FEATURES)}


def _features(core, s, d, rate):
    from netsim.control.rl.kernels import action_features

    pr = s * len(core.nodes) + d
    action_features(core.occ, core.pair_fib[pr], core.pair_hops[pr], core.pair_bits[pr],
                    core.pair_len[pr], core.pair_k[pr], rate, core.width, core.guard,
                    core.fits, core.features, core.valid, core._starts, core._nreq)
    return core.features, core.valid, core._starts, core._nreq


def test_line_network_by_hand():
    # A - B - C, 400 km + 400 km; one path A->C of 800 km: 8QAM (3 bits/symbol).
    g = topology_from_edges(["A", "B", "C"], [("A", "B", 400.0), ("B", "C", 400.0)])
    core = RmsaEnvCore(RMSA(g, RmsaOptions(n_slots=20, k_paths=2)),
                       TrafficModel(1.0), episode_requests=10)
    fa = core.rmsa.fibre_index[("A", "B")]
    fb = core.rmsa.fibre_index[("B", "C")]
    # A->B fibre: slots 0-2 and 10 used; B->C fibre: slots 4-5 used
    core.occ[fa, [0, 1, 2, 10]] = True
    core.occ[fb, [4, 5]] = True
    # 100 Gb/s at 8QAM: ceil(100 / 37.5) + 1 = 3 + 1 = 4 slots
    feats, valid, starts, nreq = _features(core, 0, 2, 100.0)
    # common free slots: 3, 6-9, 11-19 -> 1 + 4 + 9 = 14 free, 3 blocks, largest 9
    assert valid[0] and valid[1] and not valid[2:].any()
    assert nreq[0] == 4 and nreq[1] == 4
    assert starts[0] == 6  # first fit: first run of 4 free slots is 6-9
    assert starts[1] == 6  # best fit: smallest block >= 4 is 6-9 (size 4)
    row = feats[0]
    assert row[F["hops_per_10"]] == pytest.approx(0.2)
    assert row[F["length_per_1000km"]] == pytest.approx(0.8)
    assert row[F["slots_needed_per_10"]] == pytest.approx(0.4)
    assert row[F["resource_per_100"]] == pytest.approx(2 * 4 / 100)
    assert row[F["start_slot_frac"]] == pytest.approx(6 / 20)
    assert row[F["end_slot_frac"]] == pytest.approx(10 / 20)
    assert row[F["path_free_frac"]] == pytest.approx(14 / 20)
    assert row[F["path_largest_block_frac"]] == pytest.approx(9 / 20)
    assert row[F["path_blocks_per_10"]] == pytest.approx(0.3)
    assert row[F["leftover_frac"]] == pytest.approx(0.0)  # block 6-9 filled exactly
    # A->B fibre: slot 5 free, slot 10 used -> one side free: 0;
    # B->C fibre: slot 5 used, slot 10 free -> 0.  Sum 0.
    assert row[F["blocks_created_per_10"]] == pytest.approx(0.0)
    # fibre free slots: A->B 20 - 4 = 16, B->C 20 - 2 = 18: min 16, mean 17
    assert row[F["bottleneck_free_frac"]] == pytest.approx(16 / 20)
    assert row[F["mean_fibre_free_frac"]] == pytest.approx(17 / 20)
    assert row[F["is_best_fit"]] == 0.0 and feats[1, F["is_best_fit"]] == 1.0
    # 25 Gb/s: ceil(25 / 37.5) + 1 = 2 slots; first fit 3? slot 3 alone is 1 slot -> 6;
    # best fit: blocks 3 (1), 6-9 (4), 11-19 (9): smallest >= 2 is 6-9 -> 6 as well.
    feats, valid, starts, nreq = _features(core, 0, 2, 25.0)
    assert nreq[0] == 2 and starts[0] == 6 and starts[1] == 6
    assert feats[0, F["leftover_frac"]] == pytest.approx(2 / 20)
    # the allocation 6-7 leaves 8-9 free: A->B left slot 5 free (split) but right slot 8
    # free too -> +1; B->C slot 5 used, slot 8 free -> 0.  Sum +1.
    assert feats[0, F["blocks_created_per_10"]] == pytest.approx(0.1)


def test_nsfnet_wa_to_ca1_deeprmsa_slots():
    # NSFNET node 1 -> 2 (WA -> CA1), shortest path 1050 km: 8QAM,
    # 100 Gb/s: ceil(100 / 37.5) + 1 = 4 slots, first fit at 0 on an empty network.
    core = RmsaEnvCore(RMSA(load_topology("nsfnet"), RmsaOptions()), TrafficModel(1.0),
                       episode_requests=10)
    idx = core.nodes.index
    feats, valid, starts, nreq = _features(core, idx(1), idx(2), 100.0)
    assert feats[0, F["length_per_1000km"]] == pytest.approx(1.05)
    assert nreq[0] == 4 and starts[0] == 0
    assert feats[0, F["path_free_frac"]] == 1.0
    # BPSK has no reach limit: all 5 candidates x 2 fits are valid on an empty network
    assert valid.sum() == 10
