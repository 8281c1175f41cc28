"""Blocking vs load on NSFNET (DeepRMSA set-up): heuristics and the learned controller.

Usage::

    python experiments/nsfnet_rmsa/evaluate.py [--policy NAME_OR_PATH] [--out DIR]
        [--seed 2026] [--replications 10] [--requests 10000] [--warmup 3000]

Heuristics run through :func:`netsim.optical.dynamic.simulate_blocking`; the learned
policy through :class:`netsim.control.rl.RmsaEnvCore` on the same request streams
(replication ``r`` uses child ``r`` of ``SeedSequence(seed)`` in both: common random
numbers). The evaluation seed (2026) is not one of the training seeds (training draws
from ``SeedSequence([1, 1])``, ``SeedSequence([1, 2])``, see ``train.yaml``).

Writes ``results.csv`` (one row per controller and load: BP, its 95 % CI half-width,
BBR and its CI), ``paired.csv`` (per-load paired difference learned - best heuristic
with a 95 % CI, replication by replication), ``results.md`` and ``blocking_vs_load.png``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import pandas as pd

from netsim.control.rl import RmsaEnvCore, draw_requests, load_policy
from netsim.optical.dynamic import TrafficModel, confidence_interval, simulate_blocking
from netsim.optical.rmsa import RMSA, RmsaOptions
from netsim.optical.topology import load_topology

LOADS = (150.0, 175.0, 200.0, 225.0, 250.0)
HEURISTICS = {
    "SP-FF": RmsaOptions(policy="sp_ff"),
    "KSP-FF (km)": RmsaOptions(policy="ksp_ff", path_order="km"),
    "KSP-FF (hops)": RmsaOptions(policy="ksp_ff", path_order="hops"),
    "KSP-BF (km)": RmsaOptions(policy="ksp_bf", path_order="km"),
    "least-loaded (km)": RmsaOptions(policy="least_loaded", path_order="km"),
    "FF-KSP (km)": RmsaOptions(policy="ff_ksp", path_order="km"),
    "KSP-BF (hops)": RmsaOptions(policy="ksp_bf", path_order="hops"),
    "least-loaded (hops)": RmsaOptions(policy="least_loaded", path_order="hops"),
    "FF-KSP (hops)": RmsaOptions(policy="ff_ksp", path_order="hops"),
}


def traffic(load: float) -> TrafficModel:
    """DeepRMSA code's traffic: mean holding 25, truncated at 2 x mean, 25..100 Gb/s."""
    return TrafficModel(load, 25.0, holding_truncation=2.0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--policy", default="nsfnet_rmsa_cem")
    ap.add_argument("--out", default=str(Path(__file__).parent / "results"))
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--replications", type=int, default=10)
    ap.add_argument("--requests", type=int, default=10_000)
    ap.add_argument("--warmup", type=int, default=3_000)
    ap.add_argument("--reuse-heuristics", action="store_true",
                    help="read the heuristics' per-replication samples from samples.csv")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    g = load_topology("nsfnet")
    policy = load_policy(args.policy)
    setup = policy.metadata.get("setup", {})
    learned_opts = RmsaOptions(path_order=setup.get("path_order", "km"),
                               k_paths=setup.get("k_paths", 5))
    rows, samples, srows = [], {}, []
    old = pd.read_csv(out / "samples.csv") if args.reuse_heuristics else None

    def add(name, load, bp, bbr):
        samples[(name, load)] = np.asarray(bp)
        m, h = confidence_interval(np.asarray(bp))
        mb, hb = confidence_interval(np.asarray(bbr))
        rows.append({"controller": name, "load_erlang": load, "bp": m, "bp_ci": h,
                     "bbr": mb, "bbr_ci": hb})
        srows.extend({"controller": name, "load_erlang": load, "replication": r, "bp": x,
                      "bbr": y} for r, (x, y) in enumerate(zip(bp, bbr)))
        print(f"{load:5.0f} Erl {name:18s} BP {100 * m:.3f} +/- {100 * h:.3f} %", flush=True)

    for load in LOADS:
        tr = traffic(load)
        for name, opts in HEURISTICS.items():
            sub = None if old is None else old[(old.controller == name)
                                                & (old.load_erlang == load)]
            if sub is not None and len(sub):
                add(name, load, sub.bp.to_numpy(), sub.bbr.to_numpy())
                continue
            res = simulate_blocking(RMSA(g, opts), tr, n_requests=args.requests,
                                    warmup_requests=args.warmup,
                                    n_replications=args.replications, seed=args.seed)
            add(name, load, res.samples_bp, res.samples_bbr)
        core = RmsaEnvCore(RMSA(g, learned_opts), tr, fits=policy.fits,
                           episode_requests=args.requests + args.warmup)
        bp, bbr = [], []
        for child in np.random.SeedSequence(args.seed).spawn(args.replications):
            q = draw_requests(tr, len(core.nodes), args.requests + args.warmup,
                              np.random.default_rng(child))
            b = core.run_linear(policy.weights, q)[args.warmup:]
            r = q.rate_gbps[args.warmup:]
            bp.append(b.mean())
            bbr.append((r * b).sum() / r.sum())
        add("learned (CEM)", load, bp, bbr)
    df = pd.DataFrame(rows)
    df.to_csv(out / "results.csv", index=False)
    pd.DataFrame(srows).to_csv(out / "samples.csv", index=False)

    paired = []
    for load in LOADS:
        sub = df[(df.load_erlang == load) & (df.controller != "learned (CEM)")]
        best = sub.sort_values("bp").iloc[0]["controller"]
        ksp = samples[("KSP-FF (km)", load)]
        d = samples[("learned (CEM)", load)] - samples[(best, load)]
        md, hd = confidence_interval(d)
        learned = samples[("learned (CEM)", load)].mean()
        paired.append({"load_erlang": load, "best_heuristic": best,
                       "best_heuristic_bp": samples[(best, load)].mean(),
                       "learned_bp": learned, "diff_vs_best": md, "diff_vs_best_ci": hd,
                       "reduction_vs_ksp_ff_km": 1 - learned / ksp.mean(),
                       "reduction_vs_best": 1 - learned / samples[(best, load)].mean()})
    pdf = pd.DataFrame(paired)
    pdf.to_csv(out / "paired.csv", index=False)

    table = df.pivot(index="controller", columns="load_erlang", values="bp")
    ci = df.pivot(index="controller", columns="load_erlang", values="bp_ci")
    order = list(HEURISTICS) + ["learned (CEM)"]
    lines = ["| Controller | " + " | ".join(f"{x:g} Erl" for x in LOADS) + " |",
             "|---" * (len(LOADS) + 1) + "|"]
    for name in order:
        cells = [f"{100 * table.loc[name, x]:.3f} +/- {100 * ci.loc[name, x]:.3f}"
                 for x in LOADS]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines += ["", "| Load | best heuristic | learned - best (paired, 95 % CI) [%] | "
              "reduction vs KSP-FF (km) | reduction vs best |", "|---|---|---|---|---|"]
    for p in paired:
        lines.append(f"| {p['load_erlang']:g} | {p['best_heuristic']} | "
                     f"{100 * p['diff_vs_best']:+.3f} +/- {100 * p['diff_vs_best_ci']:.3f} | "
                     f"{100 * p['reduction_vs_ksp_ff_km']:.1f} % | "
                     f"{100 * p['reduction_vs_best']:.1f} % |")
    (out / "results.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6.4, 4.4))
    for name in order:
        sub = df[df.controller == name]
        ax.errorbar(sub.load_erlang, 100 * sub.bp, yerr=100 * sub.bp_ci, capsize=3,
                    marker="o" if name.startswith("learned") else ".", label=name,
                    lw=2 if name.startswith("learned") else 1)
    ax.set_yscale("log")
    ax.set_xlabel("offered load [Erlang]")
    ax.set_ylabel("blocking probability [%] (95 % CI)")
    ax.set_title("NSFNET, DeepRMSA set-up, 10 x (3000 + 10000) requests")
    ax.legend(fontsize=8)
    ax.grid(True, which="both", alpha=0.3)
    fig.tight_layout()
    fig.savefig(out / "blocking_vs_load.png", dpi=120)


if __name__ == "__main__":
    main()
