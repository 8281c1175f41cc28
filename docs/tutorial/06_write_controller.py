"""Exercise 06: write your own path controller.

    python docs/tutorial/06_write_controller.py --out results/tutorial/06

``LeastLoaded`` below is a complete controller in about twenty lines: among the k
least-delay paths that are up, have the requested capacity free and meet the latency
bound, it takes the one with the most free capacity left at its bottleneck (a
"least-loaded routing" rule; Hwang, Kurose and Towsley's LLR family). It plugs into the
same :class:`netsim.control.Allocator` as the built-in CSPF and shortest-delay
controllers. Part A checks it on one link against Erlang B (Kleinrock, Queueing Systems
vol. 1, eq. 3.46); part B compares blocking and path delay of the three controllers on
a small meshed network. ``--quick`` (or NETSIM_TUTORIAL_QUICK=1) uses fewer requests.
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
from netsim.control import Allocator, Request  # noqa: E402
from netsim.control.controller import Controller, make_controller  # noqa: E402
from netsim.control.request import Allocation  # noqa: E402
from netsim.control.view import NetworkView  # noqa: E402


class LeastLoaded(Controller):
    """Among the ``k`` least-delay feasible paths, the one with the widest bottleneck."""

    name = "least_loaded"

    def __init__(self, k: int = 3):
        self.k = k

    def decide(self, request: Request, view: NetworkView) -> Allocation:
        paths = [p for p in view.candidate_paths(request.src, request.dst, self.k)
                 if view.path_up(p)]
        if not paths:
            return Allocation.reject(request, "no_path")
        fits = [p for p in paths if view.path_free_bps(p) >= request.capacity_bps]
        if not fits:
            return Allocation.reject(request, "capacity")
        ok = [p for p in fits if view.path_delay_s(p) <= request.latency_bound_s]
        if not ok:
            return Allocation.reject(request, "latency")
        best = max(ok, key=view.path_free_bps)   # max() keeps the first (shortest) on ties
        return Allocation.accept(request, best, view.path_delay_s(best))


# --- Part A: one link, against Erlang B -------------------------------------------------

def erlang_b(load: float, servers: int) -> float:
    b = 1.0
    for n in range(1, servers + 1):
        b = load * b / (n + load * b)
    return b


def single_link_blocking(controller: Controller, n_requests: int, seed: int,
                         n_batches: int = 10, level: float = 0.99) -> dict:
    """A 1 Gb/s link, 100 Mb/s requests (10 at once), 7 Erlang offered."""
    sim = ns.Simulation(seed=seed)
    net = ns.Network(sim)
    net.add_node("a")
    net.add_node("b")
    net.add_link("a", "b", rate_bps=1e9, delay_s=1e-3, bidirectional=False)
    alloc = Allocator(net, controller)
    rng = sim.rng("tutorial:requests")
    n_warm = 500
    t = 0.0
    for i in range(n_warm + n_requests):
        t += rng.exponential(1 / 7.0)
        alloc.schedule(Request(i, "a", "b", 1e8, holding_s=float(rng.exponential(1.0)),
                               arrival_s=t))
    sim.run(until_s=t + 1.0)
    blocked = ~alloc.to_dataframe()["admitted"].to_numpy(dtype=bool)[n_warm:]
    m = len(blocked) // n_batches
    batches = blocked[: m * n_batches].reshape(n_batches, m).mean(axis=1)
    half = stats.t.ppf(0.5 + level / 2, n_batches - 1) * batches.std(ddof=1) / np.sqrt(n_batches)
    return {"blocking": float(batches.mean()), "ci_half_width": float(half),
            "erlang_b": erlang_b(7.0, 10), "level": level}


# --- Part B: a small mesh -----------------------------------------------------------------

MESH = [("A", "B", 2e-3), ("B", "C", 2e-3), ("C", "D", 2e-3), ("D", "E", 2e-3),
        ("E", "F", 2e-3), ("F", "A", 2e-3), ("A", "D", 5e-3), ("B", "E", 5e-3)]


def mesh_run(controller: Controller, rate_per_s: float, n_requests: int, seed: int) -> dict:
    sim = ns.Simulation(seed=seed)
    net = ns.Network(sim)
    for n in "ABCDEF":
        net.add_node(n)
    for a, b, d in MESH:
        net.add_link(a, b, rate_bps=10e9, delay_s=d)
    alloc = Allocator(net, controller)
    rng = sim.rng("tutorial:mesh")      # same stream for every controller: same requests
    nodes = list("ABCDEF")
    t = 0.0
    for i in range(n_requests):
        t += rng.exponential(1.0 / rate_per_s)
        s, d = rng.choice(6, size=2, replace=False)
        alloc.schedule(Request(i, nodes[s], nodes[d], capacity_bps=1e9,
                               latency_bound_s=0.012, holding_s=float(rng.exponential(1.0)),
                               arrival_s=t))
    sim.run(until_s=t + 1.0)
    df = alloc.to_dataframe()
    adm = df[df["admitted"]]
    return {"blocking": float((~df["admitted"].astype(bool)).mean()),
            "mean_delay_s": float(adm["delay_s"].mean()) if len(adm) else float("nan")}


def main(argv: list[str] | None = None) -> dict:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", default="results/tutorial/06")
    p.add_argument("--seed", type=int, default=6)
    p.add_argument("--quick", action="store_true",
                   default=os.environ.get("NETSIM_TUTORIAL_QUICK") == "1")
    args = p.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    n_link, n_mesh = (4_000, 1_500) if args.quick else (20_000, 6_000)

    part_a = single_link_blocking(LeastLoaded(), n_link, args.seed)
    print(f"one link: blocking {part_a['blocking']:.4f} +/- {part_a['ci_half_width']:.4f}, "
          f"Erlang B {part_a['erlang_b']:.4f}")

    rates = (40.0, 60.0, 80.0)
    part_b = []
    for name in ("shortest_delay", "cspf", "least_loaded"):
        for rate in rates:
            ctl = LeastLoaded() if name == "least_loaded" else make_controller(name)
            r = mesh_run(ctl, rate, n_mesh, args.seed)
            part_b.append({"controller": name, "arrival_rate_per_s": rate, **r})
            print(f"{name:<15} {rate:4.0f}/s: blocking {r['blocking']:.4f}, "
                  f"mean delay {1e3 * r['mean_delay_s']:.2f} ms")

    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(8, 3.3), dpi=90)
    for name in ("shortest_delay", "cspf", "least_loaded"):
        rows = [r for r in part_b if r["controller"] == name]
        x = [r["arrival_rate_per_s"] for r in rows]
        ax1.plot(x, [r["blocking"] for r in rows], "o-", label=name)
        ax2.plot(x, [1e3 * r["mean_delay_s"] for r in rows], "o-", label=name)
    ax1.set_xlabel("arrival rate (requests/s)")
    ax1.set_ylabel("blocking probability")
    ax2.set_xlabel("arrival rate (requests/s)")
    ax2.set_ylabel("mean admitted path delay (ms)")
    for ax in (ax1, ax2):
        ax.grid(alpha=0.3)
        ax.legend()
    fig.suptitle("6-node mesh, 10 Gb/s links, 1 Gb/s requests, bound 12 ms")
    fig.tight_layout()
    fig.savefig(os.path.join(args.out, "06_controllers.png"))
    plt.close(fig)

    summary = {"single_link": part_a, "mesh": part_b}
    with open(os.path.join(args.out, "summary.json"), "w") as f:
        json.dump(summary, f, indent=2)
    return summary


if __name__ == "__main__":
    main()
