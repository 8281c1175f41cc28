"""``netsim train SCENARIO.yaml --out DIR``: train the learned RMSA controller.

Writes to ``DIR``: ``policy.npz`` + ``policy.json`` (the policy, no pickle; load it with
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


def train_main(args: argparse.Namespace) -> int:
    """Handler of ``netsim train``; returns the exit code (0 on success)."""
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
        "train", help="train the learned RMSA controller (cross-entropy method)"
    )
    t.add_argument("scenario", help="training YAML file (see docs/control-learned.md)")
    t.add_argument("--out", required=True, help="output folder")
    t.add_argument("--seed", type=int, help="override the scenario seed")
    t.add_argument("--iterations", type=int, help="override training.iterations")
    t.add_argument("--episodes", type=int,
                   help="override training.episodes_per_load (episodes per load and iteration)")
    t.add_argument("--quiet", action="store_true", help="no progress output")
    t.set_defaults(fn=train_main)
    return t
