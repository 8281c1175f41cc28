"""The ``netsim`` command line.

Commands: ``run``, ``validate``, ``sweep``, ``report``, ``export`` (and ``train`` when the
control package provides it).

Exit codes: 0 success; 1 a run failed or a KPI target was missed (``--no-fail`` keeps 0
for missed targets); 2 bad input (a scenario or parameter error), as argparse uses for bad
usage.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import os
import signal
import sys

from netsim import __version__
from netsim.errors import NetsimError, ParameterError, ScenarioError

__all__ = ["main", "EXIT_OK", "EXIT_FAIL", "EXIT_BAD_INPUT"]

EXIT_OK, EXIT_FAIL, EXIT_BAD_INPUT = 0, 1, 2


def _cmd_validate(args) -> int:
    scn = _load_with_overrides(args.scenario, args.param)
    print(f"{args.scenario}: valid scenario {scn.name!r} (sha256 {scn.digest()[:12]})")
    return EXIT_OK


def _load_with_overrides(path: str, params: list[str] | None):
    """The scenario at ``path`` with ``key.path=value`` overrides applied before validation."""
    from netsim.experiment.scenario import load_scenario, parse_scenario

    if not params:
        return load_scenario(path)
    from netsim.experiment.sweep import parse_param, set_path
    from netsim.experiment.yamlio import load_yaml

    data = load_yaml(path)
    done = []
    for text in params:
        key, values = parse_param(text)
        if len(values) != 1:
            raise ParameterError("--param", text,
                                 "key.path=value, one value (netsim sweep runs several)")
        set_path(data, key, values[0])
        done.append(f"{key}={values[0]!r}")
    return parse_scenario(data, base_dir=os.path.dirname(os.path.abspath(path)),
                          source=f"{path} [{', '.join(done)}]")


def _cmd_run(args) -> int:
    from netsim.experiment.run import format_summary, run_scenario
    from netsim.experiment.targets import format_verdicts

    scn = _load_with_overrides(args.scenario, args.param)
    out = args.out or os.path.join("results", scn.name)
    res = run_scenario(scn, out_dir=out, seed=args.seed, progress=not args.quiet)
    print(format_summary(res))
    print(f"results written to {out}/ ({len(res.files)} files)")
    if res.verdicts:
        print()
        print(format_verdicts(res.verdicts, title="KPI targets"))
    if res.failed_targets and not args.no_fail:
        return EXIT_FAIL
    return EXIT_OK


def _cmd_sweep(args) -> int:
    from netsim.experiment.sweep import parse_param, run_sweep

    params = dict(parse_param(p) for p in (args.param or []))
    ci = None
    if args.ci_target is not None:
        text = args.ci_target.strip().rstrip("%")
        try:
            ci = float(text)
        except ValueError:
            raise ParameterError("--ci-target", args.ci_target, "a percentage, e.g. 5%") from None
        if not ci > 0:
            raise ParameterError("--ci-target", args.ci_target, "> 0 %")
    res = run_sweep(args.scenario, args.out, replications=args.replications, params=params,
                    jobs=args.jobs, scheduler=args.scheduler, dask_workers=args.dask_workers,
                    ci_target_pct=ci, max_replications=args.max_replications,
                    progress=not args.quiet)
    n_runs = len(res.runs)
    print(f"sweep: {len(res.points)} points, {n_runs} runs ({res.executed} run now, "
          f"{res.skipped} already done, {len(res.redone)} redone) -> {res.out_dir}/")
    _print_sweep_targets(res)
    if len(res.failed_targets) and not args.no_fail:
        return EXIT_FAIL
    return EXIT_OK


def _print_sweep_targets(res) -> None:
    t = res.targets
    if not len(t):
        return
    print("\nKPI targets (mean over replications, 95% CI half width)")
    for p in res.points:
        values = ", ".join(f"{k}={v:g}" if isinstance(v, float) else f"{k}={v}"
                           for k, v in p.params.items()) or "base scenario"
        print(f"  point {p.index}: {values}")
    head = f"{'point':<7}{'target':<44}{'mean':>12}{'±CI':>11}{'limit':>14}  verdict"
    print(head)
    print("-" * len(head))
    for r in t.itertuples():
        mean = "-" if r.mean != r.mean else f"{r.mean:.5g}"
        hw = "" if r.half_width is None or r.half_width != r.half_width else f"{r.half_width:.3g}"
        status = r.status.upper() if r.status in ("fail", "missing") else r.status
        if r.confident is False:
            status += " (CI overlaps limit)"
        print(f"{r.point:<7}{str(r.target)[:43]:<44}{mean:>12}{hw:>11}"
              f"{r.op + ' ' + format(r.limit, 'g'):>14}  {status}")
    nf = len(res.failed_targets)
    print(f"{len(t) - nf}/{len(t)} point-targets met or not applicable; {nf} failed")


def _cmd_report(args) -> int:
    from netsim.experiment.report import write_report

    out = write_report(args.results, args.out, formats=tuple(args.format or ("png", "pdf")))
    print(f"report written: {out['markdown']} and {out['html']}")
    return EXIT_FAIL if out["failed"] and args.fail_on_targets else EXIT_OK


def _cmd_export(args) -> int:
    from netsim.experiment.export import export

    files = export(args.results, link=args.link, flow=args.flow, fmt=args.format,
                   out=args.out, interval_s=args.interval_s, device=args.dev,
                   duration_s=args.duration_s, delay=args.delay)
    for f in files:
        print(f"wrote {f}")
    return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="netsim", description="Beyond-5G / 6G network simulator")
    p.add_argument("--version", action="version", version=f"netsim {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run", help="run a scenario and write its results")
    r.add_argument("scenario", help="scenario YAML file")
    r.add_argument("--out", help="output folder (default: results/<scenario name>)")
    r.add_argument("--seed", type=int, help="override the scenario seed")
    r.add_argument("--param", action="append", metavar="KEY.PATH=VALUE",
                   help="override one scenario field, e.g. run.duration_s=60 (repeatable)")
    r.add_argument("--quiet", action="store_true", help="no progress output")
    r.add_argument("--no-fail", action="store_true",
                   help="exit 0 even when a KPI target is missed")
    r.set_defaults(fn=_cmd_run)
    v = sub.add_parser("validate", help="check a scenario without running it")
    v.add_argument("scenario", help="scenario YAML file")
    v.add_argument("--param", action="append", metavar="KEY.PATH=VALUE",
                   help="override one scenario field before checking (repeatable)")
    v.set_defaults(fn=_cmd_validate)

    s = sub.add_parser("sweep", help="run a parameter grid with replications (resumable)")
    s.add_argument("scenario", help="scenario YAML file (its sweep: section gives the grid)")
    s.add_argument("--out", help="output folder (default: results/<scenario name>-sweep)")
    s.add_argument("--replications", type=int, help="replications per grid point")
    s.add_argument("--param", action="append", metavar="KEY.PATH=V1,V2,...",
                   help="sweep this scenario field over these values (repeatable)")
    g = s.add_mutually_exclusive_group()
    g.add_argument("--jobs", type=int, help="local worker processes (default: all cores)")
    g.add_argument("--scheduler", metavar="tcp://HOST:PORT", help="a Dask scheduler")
    g.add_argument("--dask-workers", type=int, metavar="N", help="a local Dask cluster")
    s.add_argument("--ci-target", metavar="X%",
                   help="replicate until each KPI's 95%% half width < X%% of its mean")
    s.add_argument("--max-replications", type=int, metavar="M",
                   help="most replications per point under --ci-target (default 30)")
    s.add_argument("--quiet", action="store_true", help="no progress bar")
    s.add_argument("--no-fail", action="store_true",
                   help="exit 0 even when a KPI target is missed")
    s.set_defaults(fn=_cmd_sweep)

    rp = sub.add_parser("report", help="write a Markdown and HTML report of a results folder")
    rp.add_argument("results", help="a run's or a sweep's output folder")
    rp.add_argument("--out", help="report folder (default: RESULTS/report)")
    rp.add_argument("--format", action="append", choices=["png", "pdf"],
                    help="figure formats (default: png and pdf)")
    rp.add_argument("--fail-on-targets", action="store_true",
                    help="exit 1 when the results miss a target")
    rp.set_defaults(fn=_cmd_report)

    ex = sub.add_parser("export", help="export a link's or flow's state for an emulator")
    ex.add_argument("results", help="a run's output folder (or a sweep's run folder)")
    which = ex.add_mutually_exclusive_group(required=True)
    which.add_argument("--link", metavar="A->B", help="a directed link")
    which.add_argument("--flow", metavar="NAME",
                       help="a flow (its path, following the route history routes.csv)")
    ex.add_argument("--format", required=True, choices=["mahimahi", "netem"])
    ex.add_argument("--out", help="output file (default: in RESULTS/export/)")
    ex.add_argument("--interval-s", type=float, default=None,
                    help="netem: also step on this grid (default: state changes only; "
                         "with --flow, also the throughput table's bin width)")
    ex.add_argument("--duration-s", type=float, default=None,
                    help="length of the trace (default: the run's simulated time)")
    ex.add_argument("--dev", default="eth0", help="netem: network interface (default eth0)")
    ex.add_argument("--delay", default="auto", choices=["auto", "measured", "links"],
                    help="netem with --flow: base delay from the flow's measured minimum "
                         "one-way latency (measured), the route's summed link delays "
                         "(links), or measured only on routes with a MAC (radio) link "
                         "(auto, default)")
    ex.set_defaults(fn=_cmd_export)

    if importlib.util.find_spec("netsim.control.cli_train") is not None:
        importlib.import_module("netsim.control.cli_train").add_cli(sub)
    return p


def _on_sigterm(signum, _frame):  # pragma: no cover - exercised by a subprocess test
    raise SystemExit(128 + signum)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``netsim`` command; returns the exit code."""
    args = _parser().parse_args(argv)
    if args.command == "sweep" and signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        # SIGTERM unwinds the sweep so its worker processes are stopped; finished runs
        # are already in the store and the next invocation resumes.
        signal.signal(signal.SIGTERM, _on_sigterm)
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
