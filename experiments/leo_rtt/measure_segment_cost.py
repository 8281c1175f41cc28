"""Cost per epoch of the satellite segment at mega-constellation scale.

Starlink shell 1 (1,584 satellites, +Grid), 100 stations at random latitudes in
[-53, 53] deg, 25 deg, 100 ms epochs, one numba thread, 100 snapshot-routed flows.
Measured in the same run: the segment's epoch (geometry, GSLs, rates, trees, Network
update) split into its parts, the whole simulation per epoch, the baseline
``TopologyGenerator`` epoch (all-pairs station paths, no Network), and one networkx
shortest path through the core (the cost of core routing per flow per epoch).

Run: ``python experiments/leo_rtt/measure_segment_cost.py [--epochs 100] [--stations 100]``
"""

from __future__ import annotations

import argparse
import time

import numpy as np

import netsim as ns
from netsim.space.adapter import SatelliteSegment
from netsim.space.constellation import walker
from netsim.space.ground import GroundStations
from netsim.space.isl import plus_grid
from netsim.space.topology import TopologyGenerator


def main(argv=None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--epochs", type=int, default=100)
    p.add_argument("--stations", type=int, default=100)
    p.add_argument("--planes", type=int, default=72)
    args = p.parse_args(argv)
    shell = walker(550.0, 53.0, args.planes, 22, 1)
    rng = np.random.default_rng(3)
    g = args.stations
    lat = np.rad2deg(np.arcsin(rng.uniform(-0.8, 0.8, g)))
    gs = GroundStations.from_geodetic(lat, rng.uniform(-180, 180, g),
                                      names=[f"gs{i}" for i in range(g)])
    isl = plus_grid(shell)
    n_ep = args.epochs
    gen = TopologyGenerator(shell, gs, isl, min_elevation_deg=25.0, threads=1)
    it = gen.snapshots(0.0, 0.1, n_ep + 5)
    for _ in range(5):
        next(it)
    t = time.perf_counter()
    for _ in it:
        pass
    base = (time.perf_counter() - t) / n_ep

    sim = ns.Simulation(1)
    net = ns.Network(sim)
    t = time.perf_counter()
    seg = SatelliteSegment(net, shell, gs, isl=isl, epoch_s=0.1, routing="snapshot",
                           stations_relay=False, threads=1)
    cons = time.perf_counter() - t
    for i in range(g):
        net.add_flow(f"gs{i}", f"gs{(i + g // 3) % g}",
                     ns.CBR(rate_bps=8000.0, packet_size_bytes=100), record=False)
    sim.run(until_s=0.45)
    acc = dict.fromkeys(("compute", "_routes", "_apply", "_pin_flows"), 0.0)
    for name in acc:
        fn = getattr(seg, name)

        def timed(*a, _fn=fn, _name=name, **k):
            t0 = time.perf_counter()
            r = _fn(*a, **k)
            acc[_name] += time.perf_counter() - t0
            return r

        setattr(seg, name, timed)
    e0, seg.wall_s = seg.epochs, 0.0
    t = time.perf_counter()
    sim.run(until_s=0.45 + n_ep * 0.1)
    total = time.perf_counter() - t
    n = seg.epochs - e0
    t = time.perf_counter()
    for i in range(20):
        net.shortest_path(f"gs{i}", f"gs{(i + g // 3) % g}")
    nx_s = (time.perf_counter() - t) / 20
    print(f"{shell.count} satellites, {g} stations, {len(net.links)} directed links; "
          f"construction {cons:.2f} s")
    print(f"baseline TopologyGenerator epoch (all-pairs paths): {1e3 * base:.1f} ms")
    print(f"segment epoch: {1e3 * seg.wall_s / n:.1f} ms = " + ", ".join(
        f"{k.strip('_')} {1e3 * v / n:.1f} ms" for k, v in acc.items()))
    print(f"simulation per epoch ({g} snapshot-routed flows, 10 packets/s each): "
          f"{1e3 * total / n:.1f} ms; segment / generator = {seg.wall_s / n / base:.2f}")
    print(f"core routing: one networkx shortest path {1e3 * nx_s:.1f} ms per flow per epoch")


if __name__ == "__main__":
    main()
