"""Train the learned SLA controller (``sla_policy``) for the disaster-recovery scenario.

This is the ``netsim train`` call (the settings are in ``train.yaml``; see
``docs/control-learned.md``, "Training the SLA path policy with netsim train")::

    netsim train experiments/disaster_recovery/train.yaml \\
        --out experiments/disaster_recovery/trained

It trains :class:`netsim.control.sla.SlaPolicy` (a linear score over per-path features,
the best feasible candidate taken) by the cross-entropy method
(:func:`netsim.control.sla.train_cem`; Rubinstein & Kroese 2004, ch. 4): each candidate
weight vector runs the scenario's control part (``control_only``: the space segment,
the terrestrial links, the cut and the requests; no radio cells or packet flows) for
20 s on the training seeds 100..103 (each its own requests and constellation start
``seed x 997 s``; the study evaluates seeds 0..) and scores the mean share of intents
met, starting from the CSPF-like weights. The policy decides restorations only
(``reroute_only``).

``--placement`` trains the variant that also admits (``train_placement.yaml``) and
writes it into ``--out`` as ``sla_policy_dr_placement.npz`` / ``.json`` and
``learning_curve_placement.csv``.

Run: ``python experiments/disaster_recovery/train_policy.py [--placement]
[--iterations N] [--out DIR]`` (about 4-8 minutes on the shared 2-core machine).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile

from netsim.cli import main as netsim_main

HERE = os.path.dirname(os.path.abspath(__file__))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--placement", action="store_true",
                    help="the policy also admits new requests (train_placement.yaml)")
    ap.add_argument("--iterations", type=int, help="override train.iterations")
    ap.add_argument("--out", default=os.path.join(HERE, "trained"))
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args(argv)
    name = "train_placement.yaml" if a.placement else "train.yaml"
    extra = (["--iterations", str(a.iterations)] if a.iterations else []) + \
        (["--quiet"] if a.quiet else [])
    if not a.placement:
        return netsim_main(["train", os.path.join(HERE, name), "--out", a.out, *extra])
    with tempfile.TemporaryDirectory() as tmp:
        rc = netsim_main(["train", os.path.join(HERE, name), "--out", tmp, *extra])
        if rc == 0:
            os.makedirs(a.out, exist_ok=True)
            for src, dst in (("sla_policy_dr_placement.npz",) * 2,
                             ("sla_policy_dr_placement.json",) * 2,
                             ("learning_curve.csv", "learning_curve_placement.csv")):
                shutil.copyfile(os.path.join(tmp, src), os.path.join(a.out, dst))
        return rc


if __name__ == "__main__":
    sys.exit(main())
