"""Exercise 05: blocking in an optical network.

    python docs/tutorial/05_optical_blocking.py --out results/tutorial/05

Part A: one fibre link with C = 10 wavelengths (50 GHz slots, every request one slot)
under Poisson arrivals and exponential holding is an M/M/C/C loss system; its blocking
follows Erlang's B formula (Erlang 1917; Kleinrock, Queueing Systems vol. 1, eq. 3.46).
Part B: NSFNET (14 nodes, 22 links, DeepRMSA set-up: 100 x 12.5 GHz slots, 25-100 Gb/s
requests) with shortest-path first-fit (SP-FF) and k-shortest-path first-fit (KSP-FF).
``--quick`` (or NETSIM_TUTORIAL_QUICK=1) simulates fewer requests.
"""

from __future__ import annotations

import argparse
import json
import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from netsim.optical.dynamic import TrafficModel, simulate_blocking, sweep_blocking  # noqa: E402
from netsim.optical.rmsa import RMSA, RmsaOptions  # noqa: E402
from netsim.optical.topology import load_topology, topology_from_edges  # noqa: E402

CHANNELS = 10
LINK_LOADS = (3.0, 5.0, 7.0, 9.0)
NSFNET_LOADS = (150.0, 200.0, 250.0)
LEVEL = 0.99


def erlang_b(load: float, channels: int) -> float:
    """Erlang B by the recursion B(0) = 1, B(c) = A B(c-1) / (c + A B(c-1))."""
    b = 1.0
    for c in range(1, channels + 1):
        b = load * b / (c + load * b)
    return b


def single_link_rmsa(channels: int) -> RMSA:
    g = topology_from_edges(["A", "B"], [("A", "B", 80.0)])
    # one spectrum shared by both directions; 100 Gb/s fits one 50 GHz slot at 80 km
    return RMSA(g, RmsaOptions(n_slots=channels, slot_width_ghz=50.0, guard_slots=0,
                               k_paths=1, policy="sp_ff", directed_fibres=False))


def main(argv: list[str] | None = None) -> dict:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", default="results/tutorial/05")
    p.add_argument("--seed", type=int, default=5)
    p.add_argument("--quick", action="store_true",
                   default=os.environ.get("NETSIM_TUTORIAL_QUICK") == "1")
    args = p.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    n_link = 4_000 if args.quick else 20_000
    n_net, reps = (1_000, 3) if args.quick else (4_000, 5)

    link_rows = []
    for load in LINK_LOADS:
        res = simulate_blocking(single_link_rmsa(CHANNELS),
                                TrafficModel(load_erlang=load, rates_gbps=(100.0,)),
                                n_requests=n_link, warmup_requests=1_000, n_replications=10,
                                level=LEVEL, seed=args.seed)
        link_rows.append({"load_erlang": load, "blocking": res.blocking_probability,
                          "ci_half_width": res.blocking_probability_ci,
                          "erlang_b": erlang_b(load, CHANNELS)})
        print(f"link {load:4.1f} Erl: {res.blocking_probability:.4f} "
              f"+/- {res.blocking_probability_ci:.4f}, Erlang B {erlang_b(load, CHANNELS):.4f}")

    nsf = sweep_blocking(load_topology("nsfnet"),
                         {"SP-FF": RmsaOptions(policy="sp_ff"),
                          "KSP-FF": RmsaOptions(policy="ksp_ff")},
                         NSFNET_LOADS,
                         traffic={"mean_holding_time_s": 25.0, "holding_truncation": 2.0},
                         n_requests=n_net, warmup_requests=1_000, n_replications=reps,
                         seed=args.seed)
    print(nsf[["policy", "load_erlang", "blocking_probability", "blocking_probability_ci"]])

    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(8, 3.3), dpi=90)
    a = np.linspace(1.0, 10.0, 100)
    ax1.semilogy(a, [erlang_b(x, CHANNELS) for x in a], "k-", label="Erlang B, C = 10")
    ax1.errorbar([r["load_erlang"] for r in link_rows], [r["blocking"] for r in link_rows],
                 yerr=[r["ci_half_width"] for r in link_rows], fmt="o",
                 label="netsim, 99 % CI")
    ax1.set_xlabel("offered load (Erlang)")
    ax1.set_ylabel("blocking probability")
    ax1.set_title("one link, 10 wavelengths")
    ax1.legend()
    ax1.grid(alpha=0.3, which="both")
    for label, grp in nsf.groupby("policy"):
        ax2.errorbar(grp["load_erlang"], grp["blocking_probability"],
                     yerr=grp["blocking_probability_ci"], fmt="o-", label=label)
    ax2.set_xlabel("offered load (Erlang)")
    ax2.set_ylabel("blocking probability")
    ax2.set_title("NSFNET, DeepRMSA set-up")
    ax2.legend()
    ax2.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(os.path.join(args.out, "05_optical_blocking.png"))
    plt.close(fig)

    summary = {"channels": CHANNELS, "level": LEVEL, "single_link": link_rows,
               "nsfnet": nsf[["policy", "load_erlang", "blocking_probability",
                              "blocking_probability_ci"]].to_dict(orient="records")}
    with open(os.path.join(args.out, "summary.json"), "w") as f:
        json.dump(summary, f, indent=2)
    return summary


if __name__ == "__main__":
    main()
