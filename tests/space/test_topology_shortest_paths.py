"""Time-varying topology against closed forms and scipy's Dijkstra.

References
----------
* Propagation delay = length / c, c = 299 792 458 m/s (SI exact).
* Peer: ``scipy.sparse.csgraph.dijkstra`` on the same links.
* Closed-form paths on an equatorial ring: up 550 km, an ISL chord 2 a sin(pi/S),
  down 550 km.
"""

import math

import numpy as np
import pytest
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra

from netsim.errors import ParameterError
from netsim.space.constellation import walker
from netsim.space.frames import ecef_to_geodetic, look_angles
from netsim.space.ground import GroundStations
from netsim.space.isl import plus_grid
from netsim.space.topology import TopologyGenerator, link_changes

C_KM_S = 299792.458
DELAY_TOL_S = 1e-12  # float64 sums of ~10 delays of ~1e-3 s
# with tree reuse (path_tolerance_s = 1e-12 s per link) a delay may exceed the least
# one by hops * 1e-12 s; paths here have < 40 hops
REUSE_TOL_S = 40 * 1e-12


def _stations_under(c, sats, t_s=0.0):
    lat, lon, _ = ecef_to_geodetic(c.positions_ecef_km(t_s)[sats])
    return GroundStations.from_geodetic(lat, lon)


def test_overhead_bent_pipe_and_one_isl_hop():
    c = walker(550.0, 0.0, 1, 22, 0)
    a = 6378.137 + 550.0
    gs = _stations_under(c, [0, 0, 1])
    snap = TopologyGenerator(c, gs, plus_grid(c), min_elevation_deg=25.0).snapshot(0.0)
    # two stations under satellite 0: up and down 550 km
    assert abs(snap.station_delay_s[0, 1] - 2 * 550.0 / C_KM_S) < 1e-9
    # under satellites 0 and 1: 550 + 2 a sin(pi/22) + 550 km
    hop = 2 * a * math.sin(math.pi / 22)
    assert abs(snap.station_delay_s[0, 2] - (1100.0 + hop) / C_KM_S) < 1e-9
    n = c.count
    assert snap.path(0, 2) == [n + 0, 0, 1, n + 2]
    assert snap.path(2, 0) == [n + 2, 1, 0, n + 0]
    # without ISLs the stations under different satellites cannot reach each other
    bent = TopologyGenerator(c, gs, None, min_elevation_deg=25.0).snapshot(0.0)
    assert math.isinf(bent.station_delay_s[0, 2]) and bent.path(0, 2) == []


def test_regenerative_processing_and_bent_pipe_ground_relay():
    c = walker(550.0, 0.0, 1, 22, 0)
    a = 6378.137 + 550.0
    hop = 2 * a * math.sin(math.pi / 22)
    proc = 2e-3
    gs = _stations_under(c, [0, 0, 1])
    gen = TopologyGenerator(c, gs, plus_grid(c), min_elevation_deg=25.0, processing_delay_s=proc)
    snap = gen.snapshot(0.0)
    # one satellite traversed: + proc; two satellites: + 2 proc
    assert abs(snap.station_delay_s[0, 1] - (2 * 550.0 / C_KM_S + proc)) < 1e-9
    assert abs(snap.station_delay_s[0, 2] - ((1100.0 + hop) / C_KM_S + 2 * proc)) < 1e-9
    # bent pipe through a ground relay halfway between satellites 0 and 1 (equator, on the
    # ellipsoid's equatorial radius): up 550, down and up over the relay's slant range to
    # satellites 360/44 deg of arc away, down 550
    lat0, lon0, _ = ecef_to_geodetic(c.positions_ecef_km(0.0)[[0, 1]])
    mid = lon0[0] + ((lon0[1] - lon0[0] + 180.0) % 360.0 - 180.0) / 2
    gs2 = GroundStations.from_geodetic([0.0, 0.0, 0.0], [lon0[0], mid, lon0[1]])
    re = 6378.137
    theta = math.radians(360.0 / 44)
    slant = math.sqrt(re**2 + a**2 - 2 * re * a * math.cos(theta))
    relay = TopologyGenerator(c, gs2, None, min_elevation_deg=10.0, stations_relay=True)
    s2 = relay.snapshot(0.0)
    assert abs(s2.station_delay_s[0, 2] - (1100.0 + 2 * slant) / C_KM_S) < 1e-9
    assert s2.path(0, 2) == [c.count + 0, 0, c.count + 1, 1, c.count + 2]
    # without relaying the same stations cannot reach each other
    direct = TopologyGenerator(c, gs2, None, min_elevation_deg=10.0).snapshot(0.0)
    assert math.isinf(direct.station_delay_s[0, 2])
    with pytest.raises(ParameterError, match="processing_delay_s"):
        TopologyGenerator(c, gs, None, processing_delay_s=-1.0)


@pytest.fixture(scope="module")
def shell_snapshot():
    c = walker(550.0, 53.0, 24, 16, 1)
    rng = np.random.default_rng(11)
    lat = rng.uniform(-50, 50, 12)
    lon = rng.uniform(-180, 180, 12)
    gs = GroundStations.from_geodetic(lat, lon)
    isl = plus_grid(c)
    return c, gs, isl


def _scipy_reference(snap, relay, proc_s=0.0):
    n, g = snap.n_satellites, snap.n_stations
    if relay:
        rows = np.r_[snap.isl_pairs[:, 0], n + snap.gsl_station]
        cols = np.r_[snap.isl_pairs[:, 1], snap.gsl_satellite]
        w = np.r_[snap.isl_delay_s, snap.gsl_delay_s]
        m = csr_matrix((w, (rows, cols)), shape=(n + g, n + g))
        return dijkstra(m, directed=False, indices=np.arange(n, n + g))[:, n:]
    # stations as end points: directed copies, sources n..n+g-1 and sinks n+g..n+2g-1
    rows = np.r_[snap.isl_pairs[:, 0], snap.isl_pairs[:, 1], n + snap.gsl_station,
                 snap.gsl_satellite]  # fmt: skip
    cols = np.r_[snap.isl_pairs[:, 1], snap.isl_pairs[:, 0], snap.gsl_satellite,
                 n + g + snap.gsl_station]  # fmt: skip
    w = np.r_[snap.isl_delay_s, snap.isl_delay_s, snap.gsl_delay_s, snap.gsl_delay_s]
    w = w + np.where(rows < n, proc_s, 0.0)  # on-board delay when leaving a satellite
    m = csr_matrix((w, (rows, cols)), shape=(n + 2 * g, n + 2 * g))
    d = dijkstra(m, directed=True, indices=np.arange(n, n + g))[:, n + g :]
    np.fill_diagonal(d, 0.0)
    return d


@pytest.mark.parametrize("relay", [False, True])
def test_station_delays_match_scipy_dijkstra(shell_snapshot, relay):
    c, gs, isl = shell_snapshot
    gen = TopologyGenerator(c, gs, isl, min_elevation_deg=20.0, stations_relay=relay)
    for snap in gen.snapshots(100.0, 30.0, 3):
        ref = _scipy_reference(snap, relay)
        fin = np.isfinite(ref)
        np.testing.assert_array_equal(fin, np.isfinite(snap.station_delay_s))
        np.testing.assert_allclose(snap.station_delay_s[fin], ref[fin], rtol=0, atol=DELAY_TOL_S)
        # every path's links add up to its delay; no transit through a station unless relay
        w = {}
        for (a, b), d in zip(snap.isl_pairs, snap.isl_delay_s, strict=True):
            w[(a, b)] = w[(b, a)] = d
        for s, j, d in zip(snap.gsl_station, snap.gsl_satellite, snap.gsl_delay_s, strict=True):
            w[(c.count + s, j)] = w[(j, c.count + s)] = d
        for i in range(gs.count):
            for k in range(gs.count):
                p = snap.path(i, k)
                if i == k or not p:
                    continue
                total = sum(w[(p[m], p[m + 1])] for m in range(len(p) - 1))
                assert abs(total - snap.station_delay_s[i, k]) < DELAY_TOL_S
                if not relay:
                    assert all(node < c.count for node in p[1:-1])


@pytest.mark.parametrize("tol_s, proc_s", [(0.0, 0.0), (1e-12, 0.0), (1e-12, 5e-4)])
def test_tree_reuse_between_100ms_epochs_matches_scipy(shell_snapshot, tol_s, proc_s):
    c, gs, isl = shell_snapshot
    gen = TopologyGenerator(
        c, gs, isl, min_elevation_deg=20.0, path_tolerance_s=tol_s, processing_delay_s=proc_s
    )
    for snap in gen.snapshots(500.0, 0.1, 12):
        ref = _scipy_reference(snap, relay=False, proc_s=proc_s)
        fin = np.isfinite(ref)
        np.testing.assert_array_equal(fin, np.isfinite(snap.station_delay_s))
        err = snap.station_delay_s[fin] - ref[fin]
        assert err.min() > -DELAY_TOL_S  # never shorter than the least delay
        assert err.max() < (REUSE_TOL_S if tol_s > 0 else DELAY_TOL_S)
        for i, k in ((0, 5), (3, 11)):  # reused trees still give valid paths
            p = snap.path(i, k)
            assert not p or (p[0] == c.count + i and p[-1] == c.count + k)
    assert gen.trees_reused > 0 and gen.trees_computed >= gs.count


def test_gsl_delays_are_slant_range_over_c(shell_snapshot):
    c, gs, isl = shell_snapshot
    snap = TopologyGenerator(c, gs, isl, min_elevation_deg=20.0).snapshot(250.0)
    sat = c.positions_ecef_km(250.0)
    for g in range(gs.count):
        el, _, rng, _ = look_angles(gs.latitude_deg[g], gs.longitude_deg[g], 0.0, sat)
        mine = snap.gsl_station == g
        np.testing.assert_array_equal(np.sort(snap.gsl_satellite[mine]), np.nonzero(el >= 20.0)[0])
        np.testing.assert_allclose(
            snap.gsl_delay_s[mine], rng[snap.gsl_satellite[mine]] / C_KM_S, rtol=1e-13
        )


def test_link_changes_reconstruct_next_snapshot(shell_snapshot):
    c, gs, isl = shell_snapshot
    gen = TopologyGenerator(c, gs, isl, min_elevation_deg=20.0)
    a, b = list(gen.snapshots(0.0, 60.0, 2))
    ch = link_changes(a, b)
    assert len(ch.gsl_added) + len(ch.gsl_removed) > 0  # satellites move 450 km in 60 s
    before = {tuple(x) for x in np.stack([a.gsl_station, a.gsl_satellite], 1)}
    after = {tuple(x) for x in np.stack([b.gsl_station, b.gsl_satellite], 1)}
    rebuilt = (before - {tuple(x) for x in ch.gsl_removed}) | {tuple(x) for x in ch.gsl_added}
    assert rebuilt == after


def test_generator_bad_input(shell_snapshot):
    c, gs, isl = shell_snapshot
    with pytest.raises(ParameterError, match="min_elevation_deg"):
        TopologyGenerator(c, gs, isl, min_elevation_deg=-1.0)
    gen = TopologyGenerator(c, gs, isl)
    with pytest.raises(ParameterError, match="epoch_s"):
        next(gen.snapshots(0.0, 0.0, 3))
    with pytest.raises(ParameterError, match="dst_station"):
        gen.snapshot(0.0).path(0, 99)
    with pytest.raises(ParameterError, match="threads"):
        TopologyGenerator(c, gs, isl, threads=0)


def test_one_thread_gives_the_same_snapshot(shell_snapshot):
    c, gs, isl = shell_snapshot
    a = TopologyGenerator(c, gs, isl, min_elevation_deg=20.0).snapshot(42.0)
    b = TopologyGenerator(c, gs, isl, min_elevation_deg=20.0, threads=1).snapshot(42.0)
    np.testing.assert_array_equal(a.station_delay_s, b.station_delay_s)
    np.testing.assert_array_equal(a.predecessor, b.predecessor)
