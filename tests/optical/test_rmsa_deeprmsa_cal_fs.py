"""Modulation by reach and slot count against DeepRMSA's ``cal_FS``.

github.com/xiaoliangchenUCD/DeepRMSA, ``K-SP-FF benchmark_NSFNET.py``::

    if path_len <= 625:    num_FS = ceil(bandwidth / (4 * 12.5)) + 1
    elif path_len <= 1250: num_FS = ceil(bandwidth / (3 * 12.5)) + 1
    elif path_len <= 2500: num_FS = ceil(bandwidth / (2 * 12.5)) + 1
    else:                  num_FS = ceil(bandwidth / (1 * 12.5)) + 1

The expected slot counts below are that formula evaluated by hand.
"""

from __future__ import annotations

import math

import pytest

from netsim.errors import ParameterError
from netsim.optical.modulation_reach import (
    ReachTable,
    deeprmsa_reach_table,
    slots_for_rate,
)
from netsim.optical.rmsa import RMSA, RmsaOptions
from netsim.optical.topology import load_topology


def test_table_cells():
    t = deeprmsa_reach_table()
    assert t.formats == ("16QAM", "8QAM", "QPSK", "BPSK")
    assert t.bits_per_symbol == (4.0, 3.0, 2.0, 1.0)
    assert t.max_reach_km == (625.0, 1250.0, 2500.0, math.inf)
    assert t.source


@pytest.mark.parametrize(
    ("length_km", "fmt"),
    [
        (0.0, "16QAM"),
        (625.0, "16QAM"),  # "<= 625": inclusive
        (625.5, "8QAM"),
        (1250.0, "8QAM"),
        (1250.1, "QPSK"),
        (2500.0, "QPSK"),
        (2500.1, "BPSK"),
        (9000.0, "BPSK"),
    ],
)
def test_select_boundaries(length_km, fmt):
    t = deeprmsa_reach_table()
    assert t.formats[t.select(length_km)] == fmt


@pytest.mark.parametrize(
    ("rate", "bits", "expected"),
    [
        (25, 4, 2),  # ceil(25/50)=1, +1
        (100, 4, 3),  # ceil(100/50)=2, +1
        (100, 3, 4),  # ceil(2.667)=3, +1
        (75, 3, 3),  # ceil(75/37.5)=2 exactly, +1
        (100, 2, 5),  # ceil(100/25)=4, +1
        (51, 2, 4),  # ceil(2.04)=3, +1
        (100, 1, 9),  # ceil(8)=8, +1
        (26, 1, 4),  # ceil(2.08)=3, +1
    ],
)
def test_slots_deeprmsa(rate, bits, expected):
    assert slots_for_rate(rate, bits, 12.5, 1) == expected


def test_fixed_grid_one_slot():
    # 50 GHz fixed grid, 100 Gb/s at 4 b/symbol: ceil(100/200) = 1 slot, no guard.
    assert slots_for_rate(100, 4, 50.0, 0) == 1


@pytest.mark.parametrize("bad", [0.0, -5.0])
def test_slots_rejects(bad):
    with pytest.raises(ParameterError):
        slots_for_rate(bad, 4, 12.5, 1)


def test_table_validation():
    with pytest.raises(ParameterError):
        ReachTable(("a", "b"), (2.0, 3.0), (100.0, 200.0))  # bits must decrease
    with pytest.raises(ParameterError):
        ReachTable(("a", "b"), (3.0, 2.0), (200.0, 100.0))  # reach must increase
    t = ReachTable(("a",), (2.0,), (500.0,))
    assert t.select(600.0) == -1


def test_nsfnet_first_paths_and_slots():
    # NSFNET (DeepRMSA lengths). 1->2 is the direct link, 1050 km: 8QAM.
    # 1->14 shortest by km: 1-8-9-13-14 = 2400 + 750 + 300 + 150 = 3600 km: BPSK.
    # 13->12 shortest: 13-14-12 = 150 + 300 = 450 km (direct link 13-12 does not exist;
    #   13-9-12 = 600 km): 16QAM.
    rmsa = RMSA(load_topology("nsfnet"), RmsaOptions())
    c = rmsa.candidates(1, 14)[0]
    assert c.nodes == (1, 8, 9, 13, 14) and c.length_km == 3600.0
    c = rmsa.candidates(13, 12)[0]
    assert c.nodes == (13, 14, 12) and c.length_km == 450.0
    assert rmsa.slots_needed(1, 2, 100.0)[0] == 4  # ceil(100/37.5)+1
    assert rmsa.slots_needed(1, 14, 100.0)[0] == 9  # ceil(100/12.5)+1
    assert rmsa.slots_needed(13, 12, 100.0)[0] == 3  # ceil(100/50)+1
    a = rmsa.allocate(1, 14, 100.0)
    assert (a.modulation, a.first_slot, a.n_slots, a.path_index) == ("BPSK", 0, 9, 0)
    # the directed fibres 1->8, 8->9, 9->13, 13->14 are busy on slots 0-8, reverse ones free
    occ = rmsa.occupancy
    for u, v in [(1, 8), (8, 9), (9, 13), (13, 14)]:
        assert occ[rmsa.fibre_index[(u, v)], :9].all()
        assert not occ[rmsa.fibre_index[(v, u)]].any()
    assert occ.sum() == 4 * 9
    rmsa.release(a)
    assert not rmsa.occupancy.any()
