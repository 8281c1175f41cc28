"""Exercise 02: path loss against distance, and a downlink SINR map.

    python docs/tutorial/02_pathloss_sinr.py --out results/tutorial/02

Part A plots free-space (Friis) and 3GPP TR 38.901 UMa path loss (LOS and NLOS,
Table 7.4.1-1) at 3.5 GHz. Part B draws the downlink SINR map of seven three-sector
sites (500 m inter-site distance, UMa NLOS, 46 dBm per sector, 20 MHz, 9 dB UE noise
figure). Writes ``summary.json`` and two PNGs; ``--quick`` (or NETSIM_TUTORIAL_QUICK=1)
uses a coarser map.
"""

from __future__ import annotations

import argparse
import json
import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from netsim.radio.pathloss import path_loss_db  # noqa: E402
from netsim.radio.sinr import coupling_loss_db, wideband_sinr  # noqa: E402

FREQ_HZ = 3.5e9
ISD_M = 500.0
H_BS_M = 25.0
H_UT_M = 1.5
TX_POWER_DBM = 46.0
BANDWIDTH_HZ = 20e6
NOISE_FIGURE_DB = 9.0


def hex_sites(isd_m: float) -> np.ndarray:
    """Centre site and the first ring of six, (7, 2) in metres."""
    ang = np.deg2rad(30.0 + 60.0 * np.arange(6))
    ring = isd_m * np.column_stack([np.cos(ang), np.sin(ang)])
    return np.vstack([[0.0, 0.0], ring])


def main(argv: list[str] | None = None) -> dict:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", default="results/tutorial/02")
    p.add_argument("--quick", action="store_true",
                   default=os.environ.get("NETSIM_TUTORIAL_QUICK") == "1")
    args = p.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)

    # --- Part A: path loss against distance --------------------------------------
    d = np.geomspace(10.0, 5000.0, 200)
    fspl = path_loss_db("FSPL", d, FREQ_HZ, h_bs_m=H_BS_M, h_ut_m=H_UT_M, los=True)
    uma_los = path_loss_db("UMa", d, FREQ_HZ, h_bs_m=H_BS_M, h_ut_m=H_UT_M, los=True)
    uma_nlos = path_loss_db("UMa", d, FREQ_HZ, h_bs_m=H_BS_M, h_ut_m=H_UT_M, los=False)
    fig, ax = plt.subplots(figsize=(5, 3.4), dpi=90)
    ax.semilogx(d, fspl, label="free space (Friis)")
    ax.semilogx(d, uma_los, label="UMa LOS")
    ax.semilogx(d, uma_nlos, label="UMa NLOS")
    ax.set_xlabel("2-D distance (m)")
    ax.set_ylabel("path loss (dB)")
    ax.set_title("3.5 GHz, h_BS 25 m, h_UT 1.5 m")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(os.path.join(args.out, "02_pathloss.png"))
    plt.close(fig)

    # a link with both ends 1.5 m high: d3D = d2D, the distance the student checks by hand
    check_d_m = 100.0
    fspl_check = float(path_loss_db("FSPL", check_d_m, FREQ_HZ, 1.5, 1.5, True))
    # one isolated cell without antenna pattern: SNR = P - PL - noise
    snr_d_m = 200.0
    cl_one = coupling_loss_db([[snr_d_m, 0.0, 1.5]], [[0.0, 0.0, 1.5]], "FSPL", FREQ_HZ, True)
    snr_one = float(wideband_sinr(cl_one, TX_POWER_DBM, BANDWIDTH_HZ, NOISE_FIGURE_DB,
                                  precision="float64").sinr_db[0])

    # --- Part B: SINR map --------------------------------------------------------
    n = 50 if args.quick else 160
    half = 1.2 * ISD_M
    xs = np.linspace(-half, half, n)
    gx, gy = np.meshgrid(xs, xs)
    ue = np.column_stack([gx.ravel(), gy.ravel(), np.full(gx.size, H_UT_M)])
    sites = hex_sites(ISD_M)
    cells = np.column_stack([np.repeat(sites, 3, axis=0), np.full(21, H_BS_M)])
    boresight = np.tile([30.0, 150.0, 270.0], 7)
    cl = coupling_loss_db(ue, cells, "UMa", FREQ_HZ, False, cell_boresight_deg=boresight,
                          cell_downtilt_deg=12.0, allow_extrapolation=True)
    res = wideband_sinr(cl, TX_POWER_DBM, BANDWIDTH_HZ, NOISE_FIGURE_DB)
    sinr = res.sinr_db.reshape(n, n)
    fig, ax = plt.subplots(figsize=(5, 4.2), dpi=90)
    im = ax.pcolormesh(xs, xs, sinr, cmap="viridis", vmin=-10, vmax=30, shading="auto")
    ax.plot(sites[:, 0], sites[:, 1], "k^", ms=6)
    ax.set_aspect("equal")
    ax.set_xlabel("x (m)")
    ax.set_ylabel("y (m)")
    ax.set_title("downlink SINR, 21 cells, UMa NLOS", fontsize=10)
    fig.colorbar(im, ax=ax, label="SINR (dB)")
    fig.tight_layout()
    fig.savefig(os.path.join(args.out, "02_sinr_map.png"))
    plt.close(fig)

    summary = {
        "freq_hz": FREQ_HZ,
        "fspl_check_distance_m": check_d_m,
        "fspl_check_db": fspl_check,
        "snr_single_cell_distance_m": snr_d_m,
        "snr_single_cell_db": snr_one,
        "tx_power_dbm": TX_POWER_DBM,
        "bandwidth_hz": BANDWIDTH_HZ,
        "noise_figure_db": NOISE_FIGURE_DB,
        "uma_nlos_minus_los_at_1km_db": float(
            np.interp(1000.0, d, uma_nlos) - np.interp(1000.0, d, uma_los)),
        "sinr_map_points": int(n * n),
        "sinr_p5_db": float(np.percentile(sinr, 5)),
        "sinr_p50_db": float(np.percentile(sinr, 50)),
        "sinr_p95_db": float(np.percentile(sinr, 95)),
        "share_below_0db": float((sinr < 0).mean()),
    }
    with open(os.path.join(args.out, "summary.json"), "w") as f:
        json.dump(summary, f, indent=2)
    print(json.dumps(summary, indent=2))
    return summary


if __name__ == "__main__":
    main()
