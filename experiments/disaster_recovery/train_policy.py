"""Train the learned SLA controller (``sla_policy``) for the disaster-recovery scenario.

The policy (:class:`netsim.control.sla.SlaPolicy`: a linear score over per-path
features, the best feasible candidate taken) is trained by the cross-entropy method of
:func:`netsim.control.sla.train_cem` (Rubinstein & Kroese 2004, ch. 4), as in
``experiments/multisegment_sla/run.py``: each candidate weight vector runs the scenario's
control part (``run_study.load_case(control_only=True)``: the space segment, the
terrestrial links, the cut and the requests; no radio cells or packet flows, which the
decisions do not depend on) on the training seeds 100..100+n-1 (each its own requests
and constellation start ``seed x 997 s``; the study evaluates seeds 0..), and scores the
mean share of intents met. The search starts from the CSPF-like weights.

By default the policy decides the restoration only (``reroute_only``: new requests are
admitted by CSPF, on the fibre): every training episode has the cut at t = 10 s, so a
policy that also admits learns to keep requests off the fibre before a cut it cannot
know of (``--placement`` trains that variant, kept for comparison).

Writes ``--out`` (default ``trained/``): ``sla_policy_dr.npz`` (8 weights) +
``sla_policy_dr.json`` (metadata) and ``learning_curve.csv`` (``--placement``: the same
names with ``_placement``).

Run: ``python experiments/disaster_recovery/train_policy.py [--iterations 8]
[--population 10] [--train-seeds 4] [--duration-s 20] [--placement]`` (about 10 minutes
on the shared 2-core machine, 4.6 CPU minutes).
"""

from __future__ import annotations

import argparse
import os
import sys
import time

import numpy as np
import pandas as pd

from netsim.control.sla import SLA_FEATURES, SlaPolicy, train_cem
from netsim.experiment.build import build

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from run_study import T0_STEP_S, load_case  # noqa: E402

TRAIN_SEED0 = 100


def episode(weights, seed: int, duration_s: float = 20.0, reroute_only: bool = True) -> float:
    """Share of intents met in one control-only run with the given weights."""
    ctl = {"name": "sla_policy", "options": {"weights": [float(w) for w in weights],
                                             "reroute_only": reroute_only}}
    scn = load_case(controller=ctl, duration_s=duration_s, t0_s=seed * T0_STEP_S,
                    control_only=True)
    ctx = build(scn, seed=seed)
    ctx.sim.run(until_s=duration_s)
    return float(ctx.state["control"].summary()["intent_met_share"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--iterations", type=int, default=8)
    ap.add_argument("--population", type=int, default=10)
    ap.add_argument("--train-seeds", type=int, default=4)
    ap.add_argument("--duration-s", type=float, default=20.0)
    ap.add_argument("--placement", action="store_true",
                    help="the policy also admits new requests (not reroute_only)")
    ap.add_argument("--out", default=os.path.join(HERE, "trained"))
    a = ap.parse_args()
    tag = "_placement" if a.placement else ""
    seeds = list(range(TRAIN_SEED0, TRAIN_SEED0 + a.train_seeds))
    t0 = time.perf_counter()

    def show(row):
        print(f"CEM iteration {row['iteration']}: population {row['mean_return']:.4f}, "
              f"elite {row['elite_return']:.4f}, incumbent {row['incumbent_return']:.4f} "
              f"({time.perf_counter() - t0:.0f} s)", file=sys.stderr, flush=True)

    init = SlaPolicy().weights
    res = train_cem(lambda w, s: episode(w, s, a.duration_s, not a.placement),
                    len(SLA_FEATURES), seeds,
                    iterations=a.iterations, population=a.population, init_mean=init,
                    init_std=1.0, rng=np.random.default_rng(12345), progress=show)
    os.makedirs(a.out, exist_ok=True)
    pol = SlaPolicy(res.mean, reroute_only=not a.placement)
    npz, meta = pol.save(
        os.path.join(a.out, f"sla_policy_dr{tag}.npz"), method="cross-entropy",
        objective="share of intents met (disaster_recovery.yaml, control part)",
        scenario="experiments/disaster_recovery/disaster_recovery.yaml",
        train_seeds=seeds, episode_duration_s=a.duration_s,
        iterations=a.iterations, population=a.population, elite_frac=0.25,
        init="CSPF-like weights (delay_over_bound -1)", init_std=1.0, rng_seed=12345,
        train_wall_s=round(time.perf_counter() - t0, 1),
        weights=dict(zip(SLA_FEATURES, map(float, res.mean))))
    pd.DataFrame(res.history).to_csv(os.path.join(a.out, f"learning_curve{tag}.csv"),
                                     index=False)
    print(f"policy written to {npz} and {meta}")
    print(dict(zip(SLA_FEATURES, np.round(res.mean, 3))))


if __name__ == "__main__":
    main()
