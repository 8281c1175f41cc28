"""Satellite segment link delays and end-to-end packet delays against closed forms.

References
----------
* Propagation at c = 299 792 458 m/s (SI exact).
* Zenith pass: a station directly below a satellite at altitude h has slant range h,
  so the GSL delay is h / c (TR 38.811 V15.4.0 eq. (6.6-3) at 90 deg elevation).
* Satellites of one circular plane of S satellites on radius a are 2 pi / S apart in
  argument of latitude: the chord is 2 a sin(pi / S) (Walker 1984).
* Store-and-forward: a packet of B bytes on a link of rate R waits B * 8 / R on each
  link (serialisation) before propagating.
* Peer: netsim.space.topology.TopologyGenerator (tested against closed forms and
  scipy's Dijkstra in test_topology_shortest_paths.py) for the least delay at the
  epoch a packet is sent.
"""

import math

import numpy as np
import pytest

import netsim as ns
from netsim.space.adapter import SatelliteSegment
from netsim.space.constellation import walker
from netsim.space.frames import ecef_to_geodetic
from netsim.space.ground import GroundStations
from netsim.space.gsl_capacity import FixedRate
from netsim.space.isl import plus_grid
from netsim.space.topology import TopologyGenerator

C_KM_S = 299792.458
RE_EQ_KM = 6378.137  # WGS-84 equatorial radius: walker altitudes are above it
# float64 sums of a few delays of ~1e-3 s, and positions from the propagator that put
# the satellite 550 km above the equator to ~1e-9 km: 1e-12 s is 0.3 mm
TOL_S = 1e-12


def _ring_and_stations(sats, sats_per_plane=22):
    c = walker(550.0, 0.0, 1, sats_per_plane, 0)
    lat, lon, _ = ecef_to_geodetic(c.positions_ecef_km(0.0)[sats])
    names = [f"gs{i}" for i in range(len(sats))]
    return c, GroundStations.from_geodetic(np.zeros(len(sats)), lon, names=names)


def test_zenith_gsl_delay_is_altitude_over_c_and_isl_is_chord_over_c():
    c, gs = _ring_and_stations([0, 1])
    sim = ns.Simulation(seed=1)
    net = ns.Network(sim)
    seg = SatelliteSegment(net, c, gs, isl=plus_grid(c, rate_bps=1e9), min_elevation_deg=25.0,
                           epoch_s=1.0, uplink=FixedRate(1e8))
    # zenith: 550 km / c = 1.834597e-3 s
    for g, s in (("gs0", "sat:0:0:0"), ("gs1", "sat:0:0:1")):
        assert abs(net.link(g, s).delay_s - 550.0 / C_KM_S) < TOL_S
        assert abs(net.link(s, g).delay_s - 550.0 / C_KM_S) < TOL_S
        assert net.link(g, s).rate_bps == 1e8
    # same-plane neighbours: 2 a sin(pi/22) / c with a = 6378.137 + 550 km
    a = RE_EQ_KM + 550.0
    chord_s = 2 * a * math.sin(math.pi / 22) / C_KM_S  # 1969.7 km -> 6.5703e-3 s
    for j in range(22):
        k = (j + 1) % 22
        link = net.link(f"sat:0:0:{j}", f"sat:0:0:{k}")
        assert abs(link.delay_s - chord_s) < TOL_S
        assert link.rate_bps == 1e9
    # no GSL from gs0 to sat 1 (16.4 deg of arc away: below 25 deg elevation)
    assert not net.graph.has_edge("gs0", "sat:0:0:1")
    assert seg.epochs == 1


def test_regenerative_processing_is_added_once_per_satellite():
    c, gs = _ring_and_stations([0, 1])
    net = ns.Network(ns.Simulation(seed=1))
    proc = 1e-3
    SatelliteSegment(net, c, gs, isl=plus_grid(c), epoch_s=1.0, processing_delay_s=proc)
    # links leaving a satellite carry the processing delay, links leaving a station not
    assert abs(net.link("gs0", "sat:0:0:0").delay_s - 550.0 / C_KM_S) < TOL_S
    assert abs(net.link("sat:0:0:0", "gs0").delay_s - (550.0 / C_KM_S + proc)) < TOL_S
    a = RE_EQ_KM + 550.0
    chord_s = 2 * a * math.sin(math.pi / 22) / C_KM_S
    assert abs(net.link("sat:0:0:0", "sat:0:0:1").delay_s - (chord_s + proc)) < TOL_S


@pytest.mark.parametrize("routing", ["core", "snapshot"])
def test_cbr_packet_delay_equals_closed_form_path_plus_serialisation(routing):
    # gs0 under satellite 0, gs1 under satellite 1 at t = 0: the only path is
    # up 550 km, one chord, down 550 km
    c, gs = _ring_and_stations([0, 1])
    sim = ns.Simulation(seed=1)
    net = ns.Network(sim)
    proc = 2e-4
    SatelliteSegment(net, c, gs, isl=plus_grid(c, rate_bps=1e9), epoch_s=1.0,
                     uplink=FixedRate(1e8), downlink=FixedRate(5e7), processing_delay_s=proc,
                     routing=routing)
    flow = net.add_flow("gs0", "gs1", ns.CBR(rate_bps=1e6, packet_size_bytes=1000),
                        stop_s=0.05)  # 125 packets/s: t = 0, 8, ..., 48 ms
    sim.run(until_s=0.1)
    a = RE_EQ_KM + 550.0
    prop = (550.0 + 2 * a * math.sin(math.pi / 22) + 550.0) / C_KM_S + 2 * proc
    ser = 8000 / 1e8 + 8000 / 1e9 + 8000 / 5e7  # up, ISL, down: 80 + 8 + 160 us
    assert flow.path == ["gs0", "sat:0:0:0", "sat:0:0:1", "gs1"]
    assert flow.pinned == (routing == "snapshot")
    lat = flow.latencies_s
    assert flow.delivered == 7 and np.all(np.abs(lat - (prop + ser)) < TOL_S)


def test_cbr_delay_equals_topology_snapshot_delay_at_send_time():
    # A Walker-delta shell with +Grid; packets sent mid-epoch (t = k + 0.5 s, epochs of
    # 1 s) take the least-delay path of epoch k; their latency is the snapshot's least
    # delay plus one serialisation per hop.
    c = walker(550.0, 53.0, 24, 16, 1)
    gs = GroundStations.from_geodetic([51.5, 40.7], [-0.1, -74.0], names=["lon", "nyc"])
    isl = plus_grid(c, rate_bps=1e10)
    proc = 1e-4
    sim = ns.Simulation(seed=2)
    net = ns.Network(sim)
    SatelliteSegment(net, c, gs, isl=isl, min_elevation_deg=10.0, epoch_s=1.0,
                     uplink=FixedRate(1e10), processing_delay_s=proc)
    flow = net.add_flow("lon", "nyc", ns.CBR(rate_bps=800.0, packet_size_bytes=100),
                        start_s=0.5)
    sim.run(until_s=40.0)
    gen = TopologyGenerator(c, gs, isl, min_elevation_deg=10.0, stations_relay=True,
                            processing_delay_s=proc, path_tolerance_s=0.0, threads=1)
    snaps = list(gen.snapshots(0.0, 1.0, 40))
    ser = 800 / 1e10  # 100 bytes at 10 Gb/s on every link
    sent_t = 0.5 + np.arange(flow.delivered)
    assert flow.delivered >= 38
    for t, lat in zip(sent_t, flow.latencies_s):
        snap = snaps[int(t)]
        hops = len(snap.path(0, 1)) - 1
        want = snap.station_delay_s[0, 1] + hops * ser
        assert abs(lat - want) < 1e-11, (t, lat, want)
