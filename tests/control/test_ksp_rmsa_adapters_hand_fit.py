"""KSP first-fit / best-fit adapters over the optical RMSA, on a hand-checkable grid.

Two nodes, one 100 km link (16QAM: 4 bit/symbol in the DeepRMSA reach table, <= 625 km),
7 slots of 12.5 GHz, one guard slot. Slots per request = ceil(rate / (4 x 12.5)) + 1:
100 Gb/s -> 3, 50 Gb/s -> 2 (DeepRMSA, X. Chen et al., JLT 37(16), 2019, Sec. V).

A (100G) -> slots 0-2, B (50G) -> 3-4; A leaves: free blocks [0-2] (3) and [5-6] (2).
A new 50G request: first fit -> slot 0; best fit (smallest fitting block) -> slot 5.
"""

import networkx as nx
import pytest

import netsim as ns
from netsim.control import NetworkView, Request
from netsim.control.allocator import Allocator
from netsim.control.baselines import FIBRE_DELAY_S_PER_KM, KspBestFit, KspFirstFit
from netsim.optical.rmsa import RMSA, RmsaOptions


def _setup():
    g = nx.Graph()
    g.add_edge("x", "y", length_km=100.0)
    rmsa = RMSA(g, RmsaOptions(n_slots=7, k_paths=1))
    view = NetworkView(ns.Network(ns.Simulation(seed=1)), rmsa=rmsa)
    return rmsa, view


@pytest.mark.parametrize("cls,expected_slot", [(KspFirstFit, 0), (KspBestFit, 5)])
def test_fit_after_release(cls, expected_slot):
    rmsa, view = _setup()
    ctl = cls()
    a = ctl.decide(Request(1, "x", "y", 100e9), view)
    b = ctl.decide(Request(2, "x", "y", 50e9), view)
    assert (a.spectrum["first_slot"], a.spectrum["n_slots"]) == (0, 3)
    assert (b.spectrum["first_slot"], b.spectrum["n_slots"]) == (3, 2)
    assert a.spectrum["modulation"] == "16QAM"
    ctl.on_departure(a, view)
    c = ctl.decide(Request(3, "x", "y", 50e9), view)
    assert c.spectrum["first_slot"] == expected_slot
    # 100 km x 4.9 us/km (group index 1.468)
    assert c.delay_s == pytest.approx(100 * FIBRE_DELAY_S_PER_KM, rel=1e-12)
    assert c.delay_s == pytest.approx(4.896e-4, rel=1e-3)


def test_rejections():
    rmsa, view = _setup()
    ctl = KspFirstFit()
    assert ctl.decide(Request(1, "x", "y", 50e9, latency_bound_s=1e-4), view).reason == "latency"
    ctl.decide(Request(2, "x", "y", 100e9), view)  # 0-2
    ctl.decide(Request(3, "x", "y", 100e9), view)  # 3-5
    assert ctl.decide(Request(4, "x", "y", 50e9), view).reason == "spectrum"  # 1 slot left


def test_allocator_releases_spectrum_at_departure():
    rmsa, _ = _setup()
    sim = ns.Simulation(seed=1)
    al = Allocator(ns.Network(sim), KspFirstFit(), rmsa=rmsa)
    al.schedule(Request(1, "x", "y", 100e9, holding_s=1.0, arrival_s=0.5))
    sim.run(until_s=1.0)
    assert rmsa.occupancy.sum() == 3
    sim.run(until_s=2.0)
    assert rmsa.occupancy.sum() == 0
    assert al.to_dataframe()["intent_met"].tolist() == [True]
