"""Time-varying topology: epochs per second for a Starlink shell, +Grid ISLs, 100 stations.

Every epoch (100 ms apart) computes satellite positions, the usable ISLs, the ground
links above 25 deg and the least-delay paths between every pair of stations (Dijkstra
from each station, stations as end points). The issue's target: 2,000 epochs in under
60 s on 2 cores for the 1,584-satellite shell (Starlink shell 1, 53:1584/72/1, 550 km)
with 100 stations.

Baseline in the same run: the same epoch written with plain numpy (broadcast ISL and
visibility geometry) and ``scipy.sparse.csgraph.dijkstra`` from the stations (directed
copies of the stations so that they are end points only), on the same positions.

netsim keeps a station's shortest-path tree from one epoch to the next while it stays
optimal (checked exactly, see ``netsim.space.topology``); the first epochs of a run
compute every tree, so the cost per epoch falls as the run gets longer.

A third case measures how the netsim cost grows with satellites and stations.

Run: ``pytest benchmarks/test_space_topology.py --benchmark-only -s``; numba compile
time is excluded by warm-up calls.
"""

from __future__ import annotations

import math
import time

import numba
import numpy as np
import pytest
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra

from netsim.space.constellation import walker
from netsim.space.ground import GroundStations
from netsim.space.isl import plus_grid
from netsim.space.topology import TopologyGenerator

N_EPOCHS = 50
EPOCH_S = 0.1
MIN_EL_DEG = 25.0
C_KM_S = 299792.458


def _stations(g: int, seed: int = 5) -> GroundStations:
    rng = np.random.default_rng(seed)
    s = math.sin(math.radians(60.0))
    lat = np.degrees(np.arcsin(rng.uniform(-s, s, g)))  # uniform on the sphere, |lat| < 60
    lon = rng.uniform(-180.0, 180.0, g)
    return GroundStations.from_geodetic(lat, lon)


@pytest.fixture(scope="module")
def setup():
    c = walker(550.0, 53.0, 72, 22, 1)
    gs = _stations(100)
    gen = TopologyGenerator(c, gs, plus_grid(c), min_elevation_deg=MIN_EL_DEG)
    list(gen.snapshots(0.0, EPOCH_S, 2))  # warm-up
    return c, gs, gen


def _run(gen, n=N_EPOCHS):
    last = None
    for snap in gen.snapshots(0.0, EPOCH_S, n):
        last = snap
    return last


def _numpy_scipy_epoch(c, gs, pairs, pos):
    n, g = c.count, gs.count
    d = pos[pairs[:, 1]] - pos[pairs[:, 0]]
    length = np.linalg.norm(d, axis=1)
    tt = np.clip(-np.einsum("ij,ij->i", pos[pairs[:, 0]], d) / length**2, 0.0, 1.0)
    closest = np.linalg.norm(pos[pairs[:, 0]] + tt[:, None] * d, axis=1)
    ok = closest >= 6371.0 + 80.0
    rel = pos[None, :, :] - gs.ecef_km[:, None, :]
    rng = np.linalg.norm(rel, axis=2)
    sin_el = np.einsum("gnk,gk->gn", rel, gs.up) / rng
    st, sat = np.nonzero(sin_el >= math.sin(math.radians(MIN_EL_DEG)))
    gd = rng[st, sat] / C_KM_S
    idl = length[ok] / C_KM_S
    p = pairs[ok]
    rows = np.r_[p[:, 0], p[:, 1], n + st, sat]
    cols = np.r_[p[:, 1], p[:, 0], sat, n + g + st]
    w = np.r_[idl, idl, gd, gd]
    m = csr_matrix((w, (rows, cols)), shape=(n + 2 * g, n + 2 * g))
    return dijkstra(m, directed=True, indices=np.arange(n, n + g))[:, n + g :]


def _run_baseline(c, gs, pairs, n=N_EPOCHS):
    ts = np.arange(n) * EPOCH_S
    pos = c.positions_ecef_km(ts)
    out = None
    for k in range(n):
        out = _numpy_scipy_epoch(c, gs, pairs, pos[k])
    return out


def test_topology_epochs_netsim(benchmark, setup):
    _, _, gen = setup
    benchmark.group = "space-topology-1584sats-100gs"
    benchmark.pedantic(_run, args=(gen,), rounds=3, warmup_rounds=0)
    per_epoch = benchmark.stats.stats.min / N_EPOCHS
    benchmark.extra_info["epoch_ms"] = per_epoch * 1e3
    benchmark.extra_info["extrapolated_2000_epochs_s"] = per_epoch * 2000


def test_topology_epochs_numpy_scipy(benchmark, setup):
    c, gs, gen = setup
    benchmark.group = "space-topology-1584sats-100gs"
    benchmark.pedantic(_run_baseline, args=(c, gs, gen.isl.pairs), rounds=1, warmup_rounds=0)
    benchmark.extra_info["epoch_ms"] = benchmark.stats.stats.min / N_EPOCHS * 1e3


def test_topology_ratio_and_extrapolation(setup):
    c, gs, gen = setup
    per_thread = {}
    for th in sorted({1, numba.get_num_threads()}):
        g2 = TopologyGenerator(c, gs, gen.isl, min_elevation_deg=MIN_EL_DEG, threads=th)
        t0 = time.perf_counter()
        last = _run(g2)
        per_thread[th] = (time.perf_counter() - t0) / N_EPOCHS
    t_netsim = min(per_thread.values())
    reuse = g2.trees_reused / (g2.trees_reused + g2.trees_computed)
    n_base = 10
    t0 = time.perf_counter()
    ref = _run_baseline(c, gs, gen.isl.pairs, n_base)
    t_base = (time.perf_counter() - t0) / n_base
    # same answer at the last common epoch (the baseline's diagonal is a round trip)
    snap = next(gen.snapshots((n_base - 1) * EPOCH_S, EPOCH_S, 1))
    off = ~np.eye(gs.count, dtype=bool)
    np.testing.assert_allclose(snap.station_delay_s[off], ref[off], atol=1e-12)
    print(
        f"\ntopology, 1584 satellites (+Grid, {len(last.isl_pairs)} ISLs), 100 stations, "
        f"{len(last.gsl_station)} GSLs: netsim {t_netsim * 1e3:.2f} ms/epoch "
        f"(2,000 epochs: {t_netsim * 2000:.1f} s), numpy+scipy "
        f"{t_base * 1e3:.2f} ms/epoch, ratio {t_base / t_netsim:.1f}x; "
        + ", ".join(f"{k} thread(s): {v * 1e3:.2f} ms/epoch" for k, v in per_thread.items())
        + f"; shortest-path trees reused {reuse:.0%}"
    )
    assert t_base / t_netsim > 1.0


def test_topology_scaling():
    """ms per epoch over 20 epochs (100 ms) on one thread, so that the shape of the
    growth is not hidden by thread scheduling on a shared machine."""
    rows = []
    for planes, spp in ((36, 22), (72, 22), (72, 44)):
        c = walker(550.0, 53.0, planes, spp, 1)
        for g in (25, 100, 200):
            gen = TopologyGenerator(
                c, _stations(g), plus_grid(c), min_elevation_deg=MIN_EL_DEG, threads=1
            )
            list(gen.snapshots(0.0, EPOCH_S, 1))
            n = 20
            t0 = time.perf_counter()
            _run(gen, n)
            rows.append((c.count, g, (time.perf_counter() - t0) / n * 1e3))
    print("\nsatellites stations ms/epoch (1 thread)")
    for r in rows:
        print(f"{r[0]:10d} {r[1]:8d} {r[2]:9.2f}")
    assert all(r[2] > 0 for r in rows)
