"""RTT over time between city pairs over a LEO constellation with +Grid ISLs (Hypatia-style).

Setup (see README.md): the 100 most populous cities as ground stations, a Walker shell
with +Grid laser ISLs, GSLs to every satellite at or above the minimum elevation, state
updated every 100 ms, least-delay routing over ISLs only (no ground relays), as in
Kassing et al., "Exploring the 'Internet from space' with Hypatia", IMC 2020. For each
pair the script records

* the computed RTT: least one-way delay A -> B plus B -> A at every epoch (Hypatia's
  "computed" curve), with the epochs where the path changes;
* the packet RTT: CBR "pings" both ways through netsim's packet network, driven by the
  satellite segment (packet A -> B latency plus the latency of the B -> A packet sent
  when it arrives);
* the computed RTT when ground stations may relay (paths through the other cities).

Outputs (in --out, default ``experiments/leo_rtt/output``): ``rtt_<pair>.csv`` per pair,
``summary.csv`` and ``rtt_over_time.png``.

Run: ``python experiments/leo_rtt/run.py`` (100 s simulated by default, about a minute;
``--duration-s 200`` for Hypatia's 200 s window);
``--constellation kuiper630`` uses the Kuiper shell of Hypatia's own figure;
``--constellation kuiper630-hypatia`` rebuilds Hypatia's exact Kuiper-630 input (the TLEs
its ``main_kuiper_630.py`` generates, its +Grid numbering and its 1,260 km GSL range, as an
elevation of 25.21 deg) so that the RTT can be compared with Hypatia's published series
point by point.
"""

from __future__ import annotations

import argparse
import math
import os
import time

import numpy as np
import pandas as pd

import netsim as ns
from netsim.space.adapter import SatelliteSegment
from netsim.space.constellation import walker
from netsim.space.ground import GroundStations
from netsim.space.gsl_capacity import FixedRate
from netsim.space.isl import IslPattern, plus_grid
from netsim.space.tle import TleSet, tle_checksum
from netsim.space.topology import TopologyGenerator

HERE = os.path.dirname(os.path.abspath(__file__))
C_KM_S = 299792.458
EARTH_RADIUS_KM = 6371.0

# The pairs of Hypatia's RTT figure (snkas/hypatia paper/ns3_experiments/a_b/run_list.py):
# Rio de Janeiro - St. Petersburg, Manila - Dalian, Istanbul - Nairobi (Hypatia ids
# 1174-1229, 1173-1241, 1170-1252 = city indices 18-73, 17-85, 14-96 plus 1156 satellites).
PAIRS = [(18, 73), (17, 85), (14, 96)]
PAIR_LABELS = ["Rio-de-Janeiro_to_St-Petersburg", "Manila_to_Dalian", "Istanbul_to_Nairobi"]

CONSTELLATIONS = {
    # Starlink shell 1 (FCC 19-30): 72 x 22, 53 deg, 550 km; Hypatia uses 25 deg elevation
    "starlink550": dict(altitude_km=550.0, inclination_deg=53.0, planes=72, sats_per_plane=22,
                        phasing=1, min_elevation_deg=25.0),
    # Kuiper K1 (FCC 20-102): 34 x 34, 51.9 deg, 630 km; Hypatia uses 30 deg elevation.
    # F = 17 offsets adjacent planes by half a slot, as Hypatia's PHASE_DIFF does for
    # odd planes (not the same pattern; see README)
    "kuiper630": dict(altitude_km=630.0, inclination_deg=51.9, planes=34, sats_per_plane=34,
                      phasing=17, min_elevation_deg=30.0),
}


# Hypatia's Kuiper-630 input (snkas/hypatia paper/satellite_networks_state/main_kuiper_630.py
# and satgenpy's TLE generator, checked against the TLEs printed in
# satgenpy/tests/test_end_to_end_kuiper.py): 34 orbits x 34 satellites, inclination 51.9 deg,
# eccentricity 1e-7, argument of perigee 0, mean motion 14.80 rev/day, epoch 2000-01-01
# 00:00 UTC; RAAN = orbit * 360/34; mean anomaly = sat * 360/34, plus half a slot in odd
# orbits; catalogue number = id + 1. +Grid "isls_plus_grid" (shift 0): (o, s)-(o, s+1) and
# (o, s)-(o+1, s). GSLs up to h / sin(30 deg) = 1,260 km (flat-Earth cone); on a
# 6378.135 km sphere at 630 km that range is seen at 25.21 deg elevation.
HYPATIA_KUIPER = dict(orbits=34, per_orbit=34, inclination_deg=51.9, mean_motion_rev_day=14.80)
HYPATIA_KUIPER_MIN_ELEVATION_DEG = 25.21


def hypatia_kuiper_tles() -> str:
    """The 1,156 TLEs of Hypatia's Kuiper-630 shell (three lines each)."""
    n_o, n_s = HYPATIA_KUIPER["orbits"], HYPATIA_KUIPER["per_orbit"]
    out = []
    for o in range(n_o):
        for s in range(n_s):
            sat = o * n_s + s
            raan = o * 360.0 / n_o
            ma = s * 360.0 / n_s + (360.0 / n_s / 2.0 if o % 2 == 1 else 0.0)
            l1 = (f"1 {sat + 1:05d}U 00000ABC 00001.00000000  .00000000  00000-0  00000+0 0"
                  "    0")
            l2 = (f"2 {sat + 1:05d}  {HYPATIA_KUIPER['inclination_deg']:7.4f} {raan:8.4f} "
                  f"0000001   0.0000 {ma:8.4f} {HYPATIA_KUIPER['mean_motion_rev_day']:11.8f}"
                  "    0")
            out += [f"Kuiper-630 {sat}", l1 + str(tle_checksum(l1)), l2 + str(tle_checksum(l2))]
    return "\n".join(out) + "\n"


class HypatiaKuiperShell:
    """Hypatia's Kuiper-630 shell as a constellation (SGP4 through :class:`TleSet`)."""

    def __init__(self):
        self.tles = TleSet(hypatia_kuiper_tles())
        n_o, n_s = HYPATIA_KUIPER["orbits"], HYPATIA_KUIPER["per_orbit"]
        self.count = n_o * n_s
        self.shell = np.zeros(self.count, dtype=np.int64)
        self.plane = np.repeat(np.arange(n_o), n_s)
        self.slot = np.tile(np.arange(n_s), n_o)

    def positions_ecef_km(self, t_s):
        return self.tles.positions_ecef_km(t_s)

    def isls(self, rate_bps: float) -> IslPattern:
        n_o, n_s = HYPATIA_KUIPER["orbits"], HYPATIA_KUIPER["per_orbit"]
        pairs = []
        for o in range(n_o):
            for s in range(n_s):
                a = o * n_s + s
                pairs.append((a, o * n_s + (s + 1) % n_s))
                pairs.append((a, ((o + 1) % n_o) * n_s + s))
        p = np.sort(np.array(pairs, dtype=np.int64), axis=1)
        return IslPattern(p, rate_bps=rate_bps)


def load_cities() -> pd.DataFrame:
    return pd.read_csv(os.path.join(HERE, "cities_top100.csv"), comment="#")


def geodesic_rtt_s(lat1, lon1, lat2, lon2) -> float:
    """2 x great-circle distance on a 6371 km sphere / c (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h)) / C_KM_S


def _finite_stat(fn, x) -> float:
    """``fn`` over the finite values of ``x`` in ms (NaN if none or ``x`` is None)."""
    if x is None or not np.isfinite(x).any():
        return math.nan
    return 1e3 * float(fn(x[np.isfinite(x)]))


def packet_rtt(fwd, rev):
    """RTT of each forward packet: its latency plus that of the reverse packet sent last
    before it arrived (pings both ways at the same interval)."""
    t_f = fwd.delivery_times_s - fwd.latencies_s
    t_r = rev.delivery_times_s - rev.latencies_s
    if t_f.size == 0 or t_r.size == 0:
        return np.empty(0), np.empty(0)
    order = np.argsort(t_r)
    t_r, l_r = t_r[order], rev.latencies_s[order]
    k = np.searchsorted(t_r, fwd.delivery_times_s, side="right") - 1
    ok = k >= 0
    return t_f[ok], fwd.latencies_s[ok] + l_r[k[ok]]


def run(args) -> dict:
    if args.constellation == "kuiper630-hypatia":
        shell = HypatiaKuiperShell()
        min_el = HYPATIA_KUIPER_MIN_ELEVATION_DEG
        isl = shell.isls(rate_bps=10e9)
    else:
        spec = dict(CONSTELLATIONS[args.constellation])
        min_el = spec.pop("min_elevation_deg")
        shell = walker(**spec)
        isl = plus_grid(shell, rate_bps=10e9)
    cities = load_cities()
    names = [f"gs{i}" for i in cities["index"]]
    gs = GroundStations.from_geodetic(cities.latitude_deg, cities.longitude_deg,
                                      cities.altitude_m, names=names)
    pairs = [(f"gs{a}", f"gs{b}") for a, b in PAIRS]
    report = pairs + [(b, a) for a, b in pairs]
    sim = ns.Simulation(seed=1)
    net = ns.Network(sim)
    w0 = time.perf_counter()
    seg = SatelliteSegment(net, shell, gs, isl=isl, min_elevation_deg=min_el,
                           epoch_s=args.epoch_s, uplink=FixedRate(10e9), routing="snapshot",
                           stations_relay=False, report_pairs=report, threads=1)
    size = 64  # bytes: ping payload; 51 ns serialisation per hop at 10 Gb/s
    rate = size * 8 / args.ping_interval_s
    flows = {}
    for a, b in pairs:
        flows[(a, b)] = net.add_flow(a, b, ns.CBR(rate_bps=rate, packet_size_bytes=size))
        flows[(b, a)] = net.add_flow(b, a, ns.CBR(rate_bps=rate, packet_size_bytes=size))
    sim.run(until_s=args.duration_s)
    net.check_conservation()
    wall_packet = time.perf_counter() - w0
    table = seg.path_table()
    # the same network with ground relays, computed only (no packets)
    relay = {}
    if not args.no_relays:
        w1 = time.perf_counter()
        gen = TopologyGenerator(shell, gs, isl, min_elevation_deg=min_el, stations_relay=True,
                                threads=1)
        n = seg.epochs
        idx = {name: i for i, name in enumerate(names)}
        rows = []
        for snap in gen.snapshots(0.0, args.epoch_s, n):
            d = snap.station_delay_s
            rows.append([d[idx[a], idx[b]] + d[idx[b], idx[a]] for a, b in pairs])
        relay = {p: np.array(rows)[:, i] for i, p in enumerate(pairs)}
        wall_relay = time.perf_counter() - w1
    else:
        wall_relay = 0.0
    os.makedirs(args.out, exist_ok=True)
    summary = []
    series = {}
    for i, (a, b) in enumerate(pairs):
        ab = table[(table.src == a) & (table.dst == b)].reset_index(drop=True)
        ba = table[(table.src == b) & (table.dst == a)].reset_index(drop=True)
        rtt = ab.delay_s.to_numpy() + ba.delay_s.to_numpy()
        changed = ab.path_changed.to_numpy() | ba.path_changed.to_numpy()
        df = pd.DataFrame({"t_s": ab.t_s, "rtt_s": rtt, "path_changed": changed,
                           "hops_ab": ab.hops, "path_ab": ab.path})
        if relay:
            df["rtt_with_relays_s"] = relay[(a, b)][: len(df)]
        tag = PAIR_LABELS[i]
        df.to_csv(os.path.join(args.out, f"rtt_{tag}.csv"), index=False)
        pt, prtt = packet_rtt(flows[(a, b)], flows[(b, a)])
        series[tag] = (df, pt, prtt)
        ca, cb = cities.iloc[PAIRS[i][0]], cities.iloc[PAIRS[i][1]]
        fin = np.isfinite(rtt)
        summary.append({
            "pair": tag,
            "geodesic_rtt_ms": 1e3 * geodesic_rtt_s(ca.latitude_deg, ca.longitude_deg,
                                                    cb.latitude_deg, cb.longitude_deg),
            "min_rtt_ms": 1e3 * rtt[fin].min() if fin.any() else math.nan,
            "max_rtt_ms": 1e3 * rtt[fin].max() if fin.any() else math.nan,
            "mean_rtt_ms": 1e3 * rtt[fin].mean() if fin.any() else math.nan,
            "unreachable_epochs": int((~fin).sum()),
            "path_changes": int(changed.sum()),
            "packet_rtt_mean_ms": 1e3 * prtt.mean() if prtt.size else math.nan,
            "min_rtt_with_relays_ms": _finite_stat(np.min, relay.get((a, b))),
            "max_rtt_with_relays_ms": _finite_stat(np.max, relay.get((a, b))),
            "packets_lost": int(flows[(a, b)].lost_total + flows[(b, a)].lost_total),
        })
    summ = pd.DataFrame(summary)
    summ.to_csv(os.path.join(args.out, "summary.csv"), index=False)
    plot(series, args, os.path.join(args.out, "rtt_over_time.png"))
    return {"summary": summ, "wall_packet_s": wall_packet, "wall_relay_s": wall_relay,
            "epochs": seg.epochs, "segment_wall_s": seg.wall_s}


def plot(series, args, path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(len(series), 1, figsize=(9, 3.0 * len(series)), sharex=True)
    for ax, (tag, (df, pt, prtt)) in zip(np.atleast_1d(axes), series.items()):
        ax.step(df.t_s, 1e3 * df.rtt_s, where="post", label="computed (ISLs only)", lw=1.4)
        if prtt.size:
            ax.plot(pt, 1e3 * prtt, ".", ms=1.5, alpha=0.5, label="packets (pings both ways)")
        if "rtt_with_relays_s" in df:
            ax.step(df.t_s, 1e3 * df.rtt_with_relays_s, where="post", ls="--", lw=1.0,
                    label="computed, ground relays allowed")
        for t in df.t_s[df.path_changed]:
            ax.axvline(t, color="grey", lw=0.5, alpha=0.5)
        ax.set_title(f"{tag.replace('_', ' ')} ({args.constellation}); grey: path changes",
                     fontsize=10)
        ax.set_ylabel("RTT (ms)")
        ax.grid(alpha=0.3)
    np.atleast_1d(axes)[0].legend(fontsize=8, loc="lower right")
    np.atleast_1d(axes)[-1].set_xlabel("time (s)")
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def main(argv=None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--constellation", choices=sorted(CONSTELLATIONS) + ["kuiper630-hypatia"],
                   default="starlink550")
    p.add_argument("--duration-s", type=float, default=100.0)
    p.add_argument("--epoch-s", type=float, default=0.1)
    p.add_argument("--ping-interval-s", type=float, default=0.02)
    p.add_argument("--no-relays", action="store_true", help="skip the ground-relay series")
    p.add_argument("--out", default=os.path.join(HERE, "output"))
    args = p.parse_args(argv)
    t0 = time.perf_counter()
    res = run(args)
    pd.set_option("display.width", 200)
    print(res["summary"].to_string(index=False, float_format=lambda x: f"{x:.2f}"))
    print(f"{res['epochs']} epochs; segment updates {res['segment_wall_s']:.1f} s, packet run "
          f"{res['wall_packet_s']:.1f} s, relay series {res['wall_relay_s']:.1f} s, total "
          f"{time.perf_counter() - t0:.1f} s; results in {args.out}/")


if __name__ == "__main__":
    main()
