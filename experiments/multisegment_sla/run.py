"""Multi-segment SLA: CSPF vs a learned path controller on metro fibre + LEO backhaul.

Set-up (see README.md): six regional metro sites on a fibre ring with two chords
(10 Gb/s per direction, 4.9 us/km), every site also reaches a LEO backhaul (5 Gb/s per
site, 12 ms per ground-satellite leg, links tagged ``segment="space"``); fibres are cut
at random (Poisson, mean time between cuts per fibre ``--mtbf``) and repaired after an
exponential time; requests (uniform site pairs, 1 Gb/s, half with an 8 ms bound, half
with 60 ms, availability target 0.99) arrive as a Poisson process with exponential
holding times. The learned controller (:class:`netsim.control.sla.SlaPolicy`) is trained
by the cross-entropy method on training seeds (1000+) and evaluated with CSPF on
evaluation seeds (0..n-1): share of intents met, blocking, reroute interruptions, each
with a 95% confidence interval (Student t over seeds).

Run: ``python experiments/multisegment_sla/run.py [--out DIR] [--eval-seeds 10]``
(default < 2 minutes on one core); ``--policy FILE.npz`` evaluates a saved policy
instead of training.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time

import numpy as np
import pandas as pd

import netsim as ns
from netsim.control.allocator import Allocator
from netsim.control.cspf import CSPF
from netsim.control.request import Request
from netsim.control.sla import SLA_FEATURES, SlaPolicy, train_cem

HERE = os.path.dirname(os.path.abspath(__file__))
KM_DELAY_S = 4.9e-6  # fibre, group index ~1.468
SITES = [f"M{i}" for i in range(6)]
FIBRES_KM = [("M0", "M1", 400), ("M1", "M2", 600), ("M2", "M3", 500), ("M3", "M4", 450),
             ("M4", "M5", 550), ("M5", "M0", 350), ("M0", "M3", 1000), ("M1", "M4", 900)]
FIBRE_RATE_BPS = 10e9
LEO_RATE_BPS = 5e9
LEO_LEG_S = 0.012
TIGHT_S, LAX_S = 0.008, 0.060
# Student t 0.975 quantiles by degrees of freedom (tables, e.g. NIST/SEMATECH e-Handbook
# 1.3.6.7.2)
T975 = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306,
        9: 2.262, 10: 2.228, 14: 2.145, 19: 2.093, 29: 2.045}


def build_network(sim):
    net = ns.Network(sim)
    for s in SITES:
        net.add_node(s)
    net.add_node("leo")
    for a, b, km in FIBRES_KM:
        net.add_link(a, b, rate_bps=FIBRE_RATE_BPS, delay_s=km * KM_DELAY_S,
                     segment="optical")
    for s in SITES:
        net.add_link(s, "leo", rate_bps=LEO_RATE_BPS, delay_s=LEO_LEG_S, segment="space")
    return net


def run_episode(controller, seed, *, duration_s=1500.0, warmup_s=200.0, rate_per_s=0.8,
                holding_s=100.0, mtbf_s=3000.0, mttr_s=60.0, detect_s=0.05):
    """One run; returns KPIs over requests arriving after ``warmup_s``."""
    controller.reset()
    sim = ns.Simulation(seed=seed)
    net = build_network(sim)
    al = Allocator(net, controller, detect_s=detect_s)
    rq = sim.rng("sla:requests")
    pairs = [(a, b) for a in SITES for b in SITES if a != b]
    t, i = 0.0, 0
    while True:
        t += rq.exponential(1.0 / rate_per_s)
        if t >= duration_s:
            break
        a, b = pairs[int(rq.integers(len(pairs)))]
        bound = TIGHT_S if rq.random() < 0.5 else LAX_S
        al.schedule(Request(i, a, b, 1e9, latency_bound_s=bound, reliability=0.99,
                            holding_s=float(rq.exponential(holding_s)), arrival_s=t))
        i += 1
    rf = sim.rng("sla:cuts")
    for a, b, _ in FIBRES_KM:
        t = 0.0
        while True:
            t += rf.exponential(mtbf_s)
            if t >= duration_s:
                break
            rep = t + rf.exponential(mttr_s)

            def cut(a=a, b=b, up=False):
                net.link(a, b).up = up
                net.link(b, a).up = up
            sim.call_at(t, cut)
            if rep < duration_s:
                sim.call_at(rep, lambda a=a, b=b: cut(a, b, True))
            t = rep
    sim.run(until_s=duration_s)
    df = al.to_dataframe()
    df = df[df["arrival_s"] >= warmup_s]
    inter = df.loc[df["interruptions"] > 0]
    return {
        "requests": len(df),
        "intent_met": float(df["intent_met"].mean()),
        "blocking": float((~df["admitted"]).mean()),
        "blocking_tight": float((~df.loc[df["latency_bound_s"] == TIGHT_S, "admitted"]).mean()),
        "blocking_lax": float((~df.loc[df["latency_bound_s"] == LAX_S, "admitted"]).mean()),
        "interrupted_requests": float((df["interruptions"] > 0).mean()),
        "mean_interruption_s": float((inter["interrupted_s"] / inter["interruptions"]).mean())
        if len(inter) else 0.0,
        "dropped": float((df["state"] == "dropped").mean()),
    }


def ci95(x):
    x = np.asarray(x, float)
    n = len(x)
    if n < 2:
        return float(x.mean()), math.nan
    t = T975.get(n - 1, 1.96)
    return float(x.mean()), float(t * x.std(ddof=1) / math.sqrt(n))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=os.path.join(HERE, "results"))
    ap.add_argument("--eval-seeds", type=int, default=10)
    ap.add_argument("--train-seeds", type=int, default=2)
    ap.add_argument("--iterations", type=int, default=5)
    ap.add_argument("--population", type=int, default=8)
    ap.add_argument("--policy", default=None, help="evaluate this saved policy (.npz)")
    ap.add_argument("--plots", action=argparse.BooleanOptionalAction, default=True)
    args = ap.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    t_start = time.perf_counter()

    if args.policy is None:
        train_seeds = list(range(1000, 1000 + args.train_seeds))

        def episode(w, seed):
            return run_episode(SlaPolicy(w), seed, duration_s=1000.0)["intent_met"]

        def show(row):
            print(f"  CEM iteration {row['iteration']}: population {row['mean_return']:.4f}, "
                  f"elite {row['elite_return']:.4f}, incumbent {row['incumbent_return']:.4f}"
                  f" ({time.perf_counter() - t_start:.0f} s)", file=sys.stderr)

        init = SlaPolicy().weights  # start from the CSPF-like policy
        res = train_cem(episode, len(SLA_FEATURES), train_seeds, iterations=args.iterations,
                        population=args.population, init_mean=init, init_std=1.0,
                        rng=np.random.default_rng(12345), progress=show)
        policy = SlaPolicy(res.mean)
        policy.save(os.path.join(args.out, "sla_policy.npz"), train_seeds=train_seeds,
                    iterations=args.iterations, population=args.population,
                    method="cross-entropy", objective="share of intents met")
        pd.DataFrame(res.history).to_csv(os.path.join(args.out, "learning_curve.csv"),
                                         index=False)
    else:
        policy = SlaPolicy(policy_file=args.policy)
        res = None

    rows = []
    for seed in range(args.eval_seeds):
        for name, ctl in (("CSPF", CSPF()), ("AI (SlaPolicy)", policy)):
            rows.append({"controller": name, "seed": seed, **run_episode(ctl, seed)})
    df = pd.DataFrame(rows)
    df.to_csv(os.path.join(args.out, "per_seed.csv"), index=False)
    summary = {}
    for name, g in df.groupby("controller", sort=False):
        summary[name] = {k: ci95(g[k]) for k in ("intent_met", "blocking", "blocking_tight",
                                                  "blocking_lax", "interrupted_requests",
                                                  "mean_interruption_s", "dropped")}
    paired = (df[df.controller == "AI (SlaPolicy)"]["intent_met"].to_numpy()
              - df[df.controller == "CSPF"]["intent_met"].to_numpy())
    summary["AI minus CSPF (paired)"] = {"intent_met": ci95(paired)}
    summary["weights"] = dict(zip(SLA_FEATURES, map(float, policy.weights)))
    summary["wall_s"] = time.perf_counter() - t_start
    with open(os.path.join(args.out, "summary.json"), "w") as f:
        json.dump(summary, f, indent=2)
    for name in ("CSPF", "AI (SlaPolicy)"):
        s = summary[name]
        print(f"{name:16s} intents met {s['intent_met'][0]:.4f} +- {s['intent_met'][1]:.4f}"
              f"  blocking {s['blocking'][0]:.4f} +- {s['blocking'][1]:.4f}"
              f"  mean interruption {s['mean_interruption_s'][0]:.3f} s")
    m, h = summary["AI minus CSPF (paired)"]["intent_met"]
    print(f"AI - CSPF intents met (paired over {args.eval_seeds} seeds): {m:+.4f} +- {h:.4f}")
    if args.plots:
        _plots(df, res, args.out)
    print(f"wall time {summary['wall_s']:.0f} s; results in {args.out}")
    return summary


def _plots(df, res, out):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 3 if res is not None else 2, figsize=(12, 3.6))
    names = list(df["controller"].unique())
    for ax, key, label in ((axes[0], "intent_met", "share of intents met"),
                           (axes[1], "blocking", "blocking probability")):
        ms, hs = zip(*(ci95(df[df.controller == n][key]) for n in names))
        ax.bar(names, ms, yerr=hs, capsize=6, color=["tab:gray", "tab:blue"])
        ax.set_ylabel(label + " (95% CI)")
        lo = min(m - h for m, h in zip(ms, hs))
        if key == "intent_met":
            ax.set_ylim(max(0.0, lo - 0.05), 1.0)
    if res is not None:
        h = pd.DataFrame(res.history)
        axes[2].plot(h["iteration"], h["elite_return"], "o-", label="elite mean")
        axes[2].plot(h["iteration"], h["mean_return"], "s-", label="population mean")
        axes[2].set_xlabel("CEM iteration")
        axes[2].set_ylabel("intents met (training seeds)")
        axes[2].legend()
    fig.tight_layout()
    fig.savefig(os.path.join(out, "sla_results.png"), dpi=120)


if __name__ == "__main__":
    main()
