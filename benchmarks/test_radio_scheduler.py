"""Radio MAC speed: 57 cells x 10 UEs, PF, 30 kHz SCS (2,000 slots per simulated second).

netsim: the radio access network in a simulation (one simpy event per slot for all 57
cells, downlink and uplink, HARQ draws; A3 evaluation every 10 ms), full-buffer UEs on
the 19-site x 3-sector UMa layout with wrap-around, 20 MHz. Reported: simulated seconds
per wall second (target >= 1, real time).

Baseline, in the same run: the very same slot loop with the scheduler kernel run by the
Python interpreter instead of numba (``schedule_slot.py_func``: the identical source on
numpy arrays), timed over fewer slots and compared per slot. Numba compile time is
excluded by a warm-up.

Run: ``pytest benchmarks/test_radio_scheduler.py --benchmark-only -s`` (or plain pytest
for the ratio test, which prints both speeds).
"""

from __future__ import annotations

import time

import numpy as np
import pytest

import netsim as ns
import netsim.radio.ran as ran_mod
from netsim.radio.layout import drop_ues, hex_layout
from netsim.radio.ran import RadioAccessNetwork
from netsim.radio.scheduler import schedule_slot

N_PER_CELL = 10
SLOT_S = 0.5e-3


def _make(seed=0, minislot_symbols=14):
    lay = hex_layout(2, 500.0, 3)
    n = lay.n_cells * N_PER_CELL
    xy = drop_ues(lay, n, np.random.default_rng(seed), min_distance_m=35.0)
    sim = ns.Simulation(seed=seed)
    net = ns.Network(sim)
    ran = RadioAccessNetwork(
        sim, net, site_names=[f"g{i}" for i in range(lay.n_sites)], cell_xy_m=lay.cell_xy_m,
        cell_site=lay.cell_site, cell_boresight_deg=lay.cell_boresight_deg,
        wrap=(500.0, 2), ue_names=[f"u{i}" for i in range(n)], ue_xy_m=xy,
        carrier_hz=3.5e9, bandwidth_hz=20e6, mu=1, n_prb=51, scenario="UMa",
        scheduler="pf", full_buffer=True, min_distance_m=35.0,
        minislot_symbols=minislot_symbols,
        handover={"offset_db": 3.0, "hysteresis_db": 1.0, "time_to_trigger_s": 0.16})
    sim.run(until_s=0.01)  # warm-up: compile / load the kernels
    return sim, ran


def _sim_seconds_per_wall_second(sim, sim_s):
    t0 = time.perf_counter()
    sim.run(until_s=sim.now_s + sim_s)
    return sim_s / (time.perf_counter() - t0)


@pytest.fixture(scope="module")
def world():
    return _make()


def test_scheduler_57_cells_x_10_ues_pf(benchmark, world):
    sim, ran = world
    benchmark.group = "radio-mac-57x10-pf"
    benchmark.pedantic(lambda: sim.run(until_s=sim.now_s + 0.25), rounds=3, warmup_rounds=1)
    benchmark.extra_info["simulated_s_per_wall_s"] = 0.25 / benchmark.stats.stats.min
    assert ran.tb_stats[:, :, 0].sum() > 0


def test_scheduler_ratio_vs_python_slot_loop(world, monkeypatch):
    sim, ran = world
    fast = max(_sim_seconds_per_wall_second(sim, 0.25) for _ in range(3))
    py_sim, _ = _make()
    monkeypatch.setattr(ran_mod, "schedule_slot", schedule_slot.py_func)
    slow = _sim_seconds_per_wall_second(py_sim, 20 * SLOT_S)  # 20 slots
    print(f"\n57 cells x 10 UEs PF: netsim {fast:.2f} simulated s per wall s "
          f"({fast / SLOT_S:.0f} slots/s); Python slot loop {slow:.4f} "
          f"({slow / SLOT_S:.0f} slots/s); ratio {fast / slow:.0f}x")
    assert fast / slow > 1.0


def test_minislot_cost_vs_slot_based():
    """Non-slot-based scheduling runs the scheduler at every mini-slot (7 per slot at
    L = 2): simulated seconds per wall second of L = 2 and L = 7 against slot-based, same
    layout and UEs, same run. The ratio is the price of the finer grid."""
    speed = {}
    for sym in (14, 7, 2):
        sim, _ = _make(minislot_symbols=sym)
        speed[sym] = max(_sim_seconds_per_wall_second(sim, 0.05) for _ in range(3))
    print(f"\n57 cells x 10 UEs PF, simulated s per wall s: slot-based {speed[14]:.2f}, "
          f"L=7 {speed[7]:.2f} ({speed[14] / speed[7]:.1f}x slower), "
          f"L=2 {speed[2]:.2f} ({speed[14] / speed[2]:.1f}x slower)")
    assert speed[2] > 0 and speed[7] > 0
