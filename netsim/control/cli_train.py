"""``netsim train FILE.yaml --out DIR``: train a learned controller.

``FILE.yaml`` is one of

- an SLA-policy training file (it has a ``scenario:`` key naming an ordinary scenario
  file, and ``train:`` settings; :mod:`netsim.control.sla_train`): trains the learned
  path controller :class:`~netsim.control.sla.SlaPolicy` on the scenario's ``control:``
  requests;
- an ordinary scenario file with a ``control:`` section (it has a ``run:`` key): the
  same with the default training settings;
- an RMSA training file (:mod:`netsim.control.rl.training_spec`): trains the learned
  RMSA controller.

SLA policy: writes to ``DIR`` ``NAME.npz`` + ``NAME.json`` (weights; settings, seeds,
scenario SHA-256, objective, scores) and ``learning_curve.csv`` (one row per CEM
iteration, written as training goes), and prints a summary.

RMSA: writes to ``DIR``: ``policy.npz`` + ``policy.json`` (the policy, no pickle; load it with
:func:`netsim.control.rl.policy.load_policy`), ``learning_curve.csv`` (one row per
iteration, written as training goes), ``validation.csv`` (the candidates the returned
policy was picked from) and ``learning_curve.png``.

The subcommand is added to the ``netsim`` parser by :func:`add_cli`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

__all__ = ["add_cli", "train_main"]


def _plot(history, out: Path, loads) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(1, 2, figsize=(10, 3.8))
    it = history["iteration"]
    ax[0].plot(it, history["cost_mean"], label="population mean")
    ax[0].plot(it, history["cost_elite"], label="elite mean")
    ax[0].plot(it, history["cost_of_mean"], label="mean weights")
    ax[0].axhline(1.0, color="k", lw=0.8, ls="--", label="prior")
    ax[0].set_xlabel("iteration")
    ax[0].set_ylabel("cost = blocked / blocked by prior")
    ax[0].legend()
    for i, load in enumerate(loads):
        ax[1].plot(it, 100 * history[f"bp_of_mean_{load:g}"], color=f"C{i}",
                   label=f"policy {load:g} Erl")
        ax[1].plot(it, 100 * history[f"bp_prior_{load:g}"], ls=":", color=f"C{i}",
                   label=f"prior {load:g} Erl")
    ax[1].set_xlabel("iteration")
    ax[1].set_ylabel("blocking probability [%] (iteration's episodes)")
    ax[1].legend(fontsize=8)
    fig.tight_layout()
    path = out / "learning_curve.png"
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path


def _sla_main(args: argparse.Namespace, data: dict) -> int:
    import pandas as pd

    from netsim.control.sla_train import SlaTrainer, load_sla_train, sla_train_from_scenario
    from netsim.errors import ParameterError

    if args.episodes is not None:
        raise ParameterError("--episodes", args.episodes,
                             "no value: it applies to RMSA training files only")
    if args.iterations is not None and args.iterations < 1:
        raise ParameterError("--iterations", args.iterations, "an integer >= 1")
    if "scenario" in data:
        spec, scn_path = load_sla_train(args.scenario, data)
    else:
        spec, scn_path = sla_train_from_scenario(args.scenario)
    trainer = SlaTrainer(spec, scn_path)
    t = spec.train
    its = t.iterations if args.iterations is None else args.iterations
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    csv = out / "learning_curve.csv"
    rows: list[dict] = []
    if not args.quiet:
        left = ", ".join(trainer.dropped) or "nothing"
        print(f"[train] SLA policy {spec.name!r} on {spec.scenario}: CEM {its} iterations x "
              f"{t.population} candidates x {len(trainer.train_seeds)} seeds, "
              f"{trainer.episode_s:g} s episodes (control_only: left out {left})",
              file=sys.stderr, flush=True)

    def progress(row: dict) -> None:
        rows.append(row)
        pd.DataFrame(rows).to_csv(csv, index=False)
        if not args.quiet:
            print(f"[train] iter {row['iteration'] + 1}/{its} population "
                  f"{row['mean_return']:.4f} elite {row['elite_return']:.4f} "
                  f"incumbent {row['incumbent_return']:.4f}", file=sys.stderr, flush=True)

    res = trainer.train(progress=progress, rng_seed=args.seed, iterations=its)
    pd.DataFrame(res.cem.history).to_csv(csv, index=False)
    npz, meta = res.policy.save(str(out / f"{spec.name}.npz"), **res.metadata)
    m = res.metadata
    print(f"SLA policy {spec.name!r} written to {npz} and {meta}")
    print(f"  objective {t.objective} on training seeds {trainer.train_seeds}: "
          f"start {m['init_score']:.4f} -> trained {res.final_score:.4f}")
    if res.eval_scores:
        print(f"  evaluation seeds {trainer.eval_seeds}: start {res.eval_scores['init']:.4f}"
              f" -> trained {res.eval_scores['trained']:.4f}")
    print("  weights: " + ", ".join(f"{k} {v:+.3f}" for k, v in m["weights"].items()))
    return 0


def train_main(args: argparse.Namespace) -> int:
    """Handler of ``netsim train``; returns the exit code (0 on success)."""
    from netsim.experiment.yamlio import load_yaml

    data = load_yaml(args.scenario)
    if isinstance(data, dict) and ("scenario" in data or "run" in data):
        return _sla_main(args, data)
    return _rmsa_main(args)


def _rmsa_main(args: argparse.Namespace) -> int:
    from netsim.control.rl.cem import train_cem
    from netsim.control.rl.policy import save_policy
    from netsim.control.rl.training_spec import load_train_scenario

    scn = load_train_scenario(args.scenario)
    cfg = scn.cem_config(seed=args.seed, iterations=args.iterations,
                         episodes_per_load=args.episodes)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    csv = out / "learning_curve.csv"
    rows: list[dict] = []
    total = cfg.n_requests + cfg.warmup_requests

    def progress(row: dict) -> None:
        import pandas as pd

        rows.append(row)
        pd.DataFrame(rows).to_csv(csv, index=False)
        if not args.quiet:
            bps = " ".join(
                f"{k[11:]}Erl={100 * v:.3f}%" for k, v in row.items()
                if k.startswith("bp_of_mean_")
            )
            print(f"[train] iter {row['iteration']}/{cfg.iterations} "
                  f"cost(mean w)={row['cost_of_mean']:.3f} elite={row['cost_elite']:.3f} "
                  f"BP {bps} ({row['elapsed_s']:.0f} s)", file=sys.stderr, flush=True)

    res = train_cem(lambda tr: scn.make_core(tr, total), scn.traffic.model, cfg,
                    progress=progress)
    res.policy.metadata["name"] = scn.name
    res.history.to_csv(csv, index=False)
    res.validation.to_csv(out / "validation.csv", index=False)
    npz, meta = save_policy(res.policy, out / "policy")
    _plot(res.history, out, cfg.loads_erlang)
    sel = res.policy.metadata["training"]["selected"]
    print(f"policy {scn.name!r} written to {npz} and {meta} (selected: {sel}, "
          f"validation cost {res.policy.metadata['training']['validation_cost']:.3f})")
    return 0


def add_cli(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add the ``train`` subcommand to the ``netsim`` parser's subparsers."""
    t = subparsers.add_parser(
        "train", help="train a learned controller (SLA path policy or RMSA; cross-entropy "
                      "method)"
    )
    t.add_argument("scenario", help="training YAML file, or a scenario with a control: "
                                    "section (see docs/control-learned.md)")
    t.add_argument("--out", required=True, help="output folder")
    t.add_argument("--seed", type=int, help="override the scenario seed (RMSA) or "
                                            "train.seed, the CEM sampling seed (SLA)")
    t.add_argument("--iterations", type=int,
                   help="override training.iterations (RMSA) or train.iterations (SLA)")
    t.add_argument("--episodes", type=int,
                   help="override training.episodes_per_load (episodes per load and iteration)")
    t.add_argument("--quiet", action="store_true", help="no progress output")
    t.set_defaults(fn=train_main)
    return t
