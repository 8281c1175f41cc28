"""Exercise 03: queueing and latency on one link, against the M/M/1 queue.

    python docs/tutorial/03_queueing_latency.py --out results/tutorial/03

A Poisson packet stream with exponentially distributed sizes (mean 1000 bytes) crosses
one 8 Mb/s link with no propagation delay and an unlimited buffer: an M/M/1 queue with
service rate mu = 1000 packets/s. For each load rho = lambda / mu the script measures
the mean sojourn time (queueing + transmission) with a 99 % confidence interval from
batch means, and compares it with 1 / (mu - lambda) (Kleinrock, Queueing Systems vol. 1,
1975, eq. 3.26). ``--quick`` (or NETSIM_TUTORIAL_QUICK=1) simulates less time.
"""

from __future__ import annotations

import argparse
import json
import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from scipy import stats  # noqa: E402

import netsim as ns  # noqa: E402

LINK_RATE_BPS = 8e6
MEAN_SIZE_BYTES = 1000.0
MU_PER_S = LINK_RATE_BPS / (8 * MEAN_SIZE_BYTES)  # 1000 packets/s
LOADS = (0.2, 0.4, 0.6, 0.8)
N_BATCHES = 20
LEVEL = 0.99


def run_mm1(rho: float, duration_s: float, seed: int) -> np.ndarray:
    """Latencies (s) of the packets sent after the warm-up, in delivery order (on one FIFO
    link, the sending order)."""
    sim = ns.Simulation(seed=seed)
    net = ns.Network(sim)
    net.add_node("a")
    net.add_node("b")
    net.add_link("a", "b", rate_bps=LINK_RATE_BPS, delay_s=0.0, bidirectional=False)
    net.add_flow("a", "b", ns.Poisson(rate_bps=rho * LINK_RATE_BPS,
                                      packet_size_bytes=MEAN_SIZE_BYTES,
                                      size_dist="exponential"))
    sim.run(until_s=duration_s)
    lat = net.monitor.to_dataframe("latency", warmup_s=0.05 * duration_s)
    return lat.sort_values("time_s")["latency_s"].to_numpy()


def batch_means_ci(x: np.ndarray, n_batches: int, level: float) -> tuple[float, float]:
    """Mean and Student-t half-width from ``n_batches`` contiguous batch means."""
    m = len(x) // n_batches
    b = x[: m * n_batches].reshape(n_batches, m).mean(axis=1)
    t = stats.t.ppf(0.5 + level / 2, n_batches - 1)
    return float(b.mean()), float(t * b.std(ddof=1) / np.sqrt(n_batches))


def main(argv: list[str] | None = None) -> dict:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", default="results/tutorial/03")
    p.add_argument("--seed", type=int, default=3)
    p.add_argument("--quick", action="store_true",
                   default=os.environ.get("NETSIM_TUTORIAL_QUICK") == "1")
    args = p.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    duration_s = 60.0 if args.quick else 300.0

    rows = []
    samples = {}
    for rho in LOADS:
        lat = run_mm1(rho, duration_s, args.seed)
        mean, half = batch_means_ci(lat, N_BATCHES, LEVEL)
        lam = rho * MU_PER_S
        rows.append({"rho": rho, "packets": int(len(lat)), "mean_delay_s": mean,
                     "ci_half_width_s": half, "p99_delay_s": float(np.quantile(lat, 0.99)),
                     "mm1_mean_delay_s": 1.0 / (MU_PER_S - lam)})
        samples[rho] = lat
        print(f"rho {rho:.1f}: mean {1e3 * mean:.3f} +/- {1e3 * half:.3f} ms, "
              f"M/M/1 {1e3 / (MU_PER_S - lam):.3f} ms ({len(lat)} packets)")

    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(8, 3.3), dpi=90)
    r = np.linspace(0.05, 0.9, 100)
    ax1.plot(r, 1e3 / (MU_PER_S * (1 - r)), "k-", label="M/M/1: 1/(mu - lambda)")
    ax1.errorbar([x["rho"] for x in rows], [1e3 * x["mean_delay_s"] for x in rows],
                 yerr=[1e3 * x["ci_half_width_s"] for x in rows], fmt="o",
                 label="netsim, 99 % CI")
    ax1.set_xlabel("load rho")
    ax1.set_ylabel("mean delay (ms)")
    ax1.legend()
    ax1.grid(alpha=0.3)
    rho = LOADS[-1]
    lat = np.sort(samples[rho])
    ccdf = 1.0 - np.arange(len(lat)) / len(lat)
    ax2.semilogy(1e3 * lat, ccdf, label=f"netsim, rho = {rho}")
    tt = np.linspace(0, lat[-1], 100)
    ax2.semilogy(1e3 * tt, np.exp(-(MU_PER_S * (1 - rho)) * tt), "k--",
                 label="exp(-(mu - lambda) t)")
    ax2.set_xlabel("delay t (ms)")
    ax2.set_ylabel("P(delay > t)")
    ax2.set_ylim(1e-4, 1.1)
    ax2.legend()
    ax2.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(os.path.join(args.out, "03_mm1_delay.png"))
    plt.close(fig)

    summary = {"mu_per_s": MU_PER_S, "level": LEVEL, "n_batches": N_BATCHES,
               "duration_s": duration_s, "points": rows}
    with open(os.path.join(args.out, "summary.json"), "w") as f:
        json.dump(summary, f, indent=2)
    return summary


if __name__ == "__main__":
    main()
