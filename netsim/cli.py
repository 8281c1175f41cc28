"""The ``netsim`` command line.

Exit codes: 0 success; 1 a run failed (or, later, a KPI target was missed); 2 bad input
(a scenario or parameter error), as argparse uses for bad usage.
"""

from __future__ import annotations

import argparse
import os
import sys

from netsim import __version__
from netsim.errors import NetsimError, ParameterError, ScenarioError

__all__ = ["main"]

EXIT_OK, EXIT_FAIL, EXIT_BAD_INPUT = 0, 1, 2


def _cmd_validate(args) -> int:
    from netsim.experiment.scenario import load_scenario

    scn = load_scenario(args.scenario)
    print(f"{args.scenario}: valid scenario {scn.name!r} (sha256 {scn.digest()[:12]})")
    return EXIT_OK


def _cmd_run(args) -> int:
    from netsim.experiment.run import format_summary, run_scenario
    from netsim.experiment.scenario import load_scenario

    scn = load_scenario(args.scenario)
    out = args.out or os.path.join("results", scn.name)
    res = run_scenario(scn, out_dir=out, seed=args.seed, progress=not args.quiet)
    print(format_summary(res))
    print(f"results written to {out}/ ({len(res.files)} files)")
    return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="netsim", description="Beyond-5G / 6G network simulator")
    p.add_argument("--version", action="version", version=f"netsim {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run", help="run a scenario and write its results")
    r.add_argument("scenario", help="scenario YAML file")
    r.add_argument("--out", help="output folder (default: results/<scenario name>)")
    r.add_argument("--seed", type=int, help="override the scenario seed")
    r.add_argument("--quiet", action="store_true", help="no progress output")
    r.set_defaults(fn=_cmd_run)
    v = sub.add_parser("validate", help="check a scenario without running it")
    v.add_argument("scenario", help="scenario YAML file")
    v.set_defaults(fn=_cmd_validate)
    return p


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``netsim`` command; returns the exit code."""
    args = _parser().parse_args(argv)
    try:
        return args.fn(args)
    except (ScenarioError, ParameterError) as exc:
        print(f"netsim: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except NetsimError as exc:
        print(f"netsim: error: {exc}", file=sys.stderr)
        return EXIT_FAIL


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
