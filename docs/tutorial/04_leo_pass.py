"""Exercise 04: a LEO satellite pass over a ground station.

    python docs/tutorial/04_leo_pass.py --out results/tutorial/04

Part A follows one satellite on a circular equatorial orbit at 550 km (no J2) over a
station on the equator, and measures the pass above 10 degrees elevation: its duration,
its maximum elevation, the smallest slant range and the one-way propagation delay.
These have closed forms (spherical geometry; TR 38.811 6.6.2 for the slant range), so
you can check them by hand. Part B counts the Starlink shell 1 satellites (550 km,
53 deg, 72 x 22) that Paris sees above 25 degrees over ten minutes.
``--quick`` (or NETSIM_TUTORIAL_QUICK=1) uses coarser time steps.
"""

from __future__ import annotations

import argparse
import json
import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from netsim.space.constellation import walker  # noqa: E402
from netsim.space.ground import GroundStations, visibility  # noqa: E402

ALTITUDE_KM = 550.0
MIN_ELEVATION_DEG = 10.0
C_M_S = 299_792_458.0


def pass_table(step_s: float) -> dict:
    sat = walker(ALTITUDE_KM, 0.0, 1, 1, 0, j2=False, name="equatorial")
    station = GroundStations.from_geodetic([0.0], [0.0], names=["EQ"])
    t = np.arange(0.0, 8000.0, step_s)          # more than one synodic period
    ecef = sat.positions_ecef_km(t)             # (T, 1, 3)
    el = np.empty(len(t))
    rng = np.empty(len(t))
    for k in range(len(t)):
        e, r, _ = visibility(station, ecef[k], 0.0)
        el[k], rng[k] = e[0, 0], r[0, 0]
    above = el >= MIN_ELEVATION_DEG
    # the first complete pass: rising edge, then setting edge
    rise = np.flatnonzero(~above[:-1] & above[1:])
    sets = np.flatnonzero(above[:-1] & ~above[1:])
    i0 = rise[0] + 1
    i1 = sets[sets > rise[0]][0]
    window = slice(i0, i1 + 1)
    return {
        "t": t, "elevation": el, "range": rng, "window": window,
        "duration_s": float(t[i1] - t[i0] + step_s),
        "max_elevation_deg": float(el[window].max()),
        "min_slant_range_km": float(rng[window].min()),
        "max_slant_range_km": float(rng[window].max()),
    }


def main(argv: list[str] | None = None) -> dict:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", default="results/tutorial/04")
    p.add_argument("--quick", action="store_true",
                   default=os.environ.get("NETSIM_TUTORIAL_QUICK") == "1")
    args = p.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    step_s = 2.0 if args.quick else 0.5

    ps = pass_table(step_s)
    w = ps["window"]
    t_pass = ps["t"][w] - ps["t"][w][0]

    # Part B: Starlink shell 1 seen from Paris
    shell = walker(550.0, 53.0, 72, 22, 1)
    paris = GroundStations.from_geodetic([48.86], [2.35], names=["PAR"])
    tb = np.arange(0.0, 600.0, 30.0 if args.quick else 5.0)
    ecef = shell.positions_ecef_km(tb)
    n_vis = np.empty(len(tb), int)
    best_el = np.empty(len(tb))
    for k in range(len(tb)):
        e, _, vis = visibility(paris, ecef[k], 25.0)
        n_vis[k] = int(vis.sum())
        best_el[k] = float(e.max())

    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(8, 3.3), dpi=90)
    ax1.plot(t_pass, ps["elevation"][w], label="elevation (deg)")
    ax1.set_xlabel("time since rise above 10 deg (s)")
    ax1.set_ylabel("elevation (deg)")
    ax1b = ax1.twinx()
    ax1b.plot(t_pass, 1e3 * ps["range"][w] * 1e3 / C_M_S, "C1--")
    ax1b.set_ylabel("one-way delay (ms)", color="C1")
    ax1.set_title("equatorial 550 km pass over (0, 0)")
    ax1.grid(alpha=0.3)
    ax2.step(tb / 60.0, n_vis, where="post", label="satellites above 25 deg")
    ax2.set_xlabel("time (min)")
    ax2.set_ylabel("visible satellites")
    ax2b = ax2.twinx()
    ax2b.plot(tb / 60.0, best_el, "C1.", ms=3)
    ax2b.set_ylabel("highest elevation (deg)", color="C1")
    ax2.set_title("Starlink shell 1 from Paris")
    ax2.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(os.path.join(args.out, "04_leo_pass.png"))
    plt.close(fig)

    summary = {
        "altitude_km": ALTITUDE_KM,
        "min_elevation_deg": MIN_ELEVATION_DEG,
        "step_s": step_s,
        "pass_duration_s": ps["duration_s"],
        "max_elevation_deg": ps["max_elevation_deg"],
        "min_slant_range_km": ps["min_slant_range_km"],
        "max_slant_range_km": ps["max_slant_range_km"],
        "min_one_way_delay_s": ps["min_slant_range_km"] * 1e3 / C_M_S,
        "paris_visible_mean": float(n_vis.mean()),
        "paris_visible_min": int(n_vis.min()),
        "paris_visible_max": int(n_vis.max()),
    }
    with open(os.path.join(args.out, "summary.json"), "w") as f:
        json.dump(summary, f, indent=2)
    print(json.dumps(summary, indent=2))
    return summary


if __name__ == "__main__":
    main()
