"""Compare a pytest-benchmark run with a saved baseline, as ratios to same-run baselines.

Absolute times depend on the machine, so each benchmark's mean time is first divided by a
*reference measured in the same run*: the mean of the baseline benchmarks of its group
(``benchmark.group``; a baseline is a benchmark whose name matches ``--baseline-pattern``,
by default plain numpy, raw simpy, networkx or a peer library), or, for a group without one,
the geometric mean of every baseline of the run (the run's machine speed). A benchmark
regresses when its normalised time grew by more than ``--max-ratio`` over the saved run's.
A uniformly slower machine scales kernel and baseline alike and passes.

Usage (exit 0: no regression, 1: regression, 2: bad input)::

    pytest benchmarks/ --benchmark-json=baseline.json          # once, keep the file
    pytest benchmarks/ --benchmark-json=current.json           # in CI
    python benchmarks/compare.py baseline.json current.json --max-ratio 1.25
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys

__all__ = ["normalised", "compare", "main"]

DEFAULT_PATTERN = r"baseline|numpy|simpy|networkx|plain|reference|peer|gnpy|yen"


def _load(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    return data["benchmarks"]


def normalised(benchmarks: list[dict], pattern: str = DEFAULT_PATTERN) -> dict[str, float]:
    """``fullname -> mean time / same-run reference`` (see the module docstring)."""
    rx = re.compile(pattern, re.IGNORECASE)
    is_base = {b["fullname"]: bool(rx.search(b["name"])) for b in benchmarks}
    groups: dict[str, list[float]] = {}
    for b in benchmarks:
        if is_base[b["fullname"]]:
            groups.setdefault(b.get("group") or "", []).append(b["stats"]["mean"])
    every = [m for ms in groups.values() for m in ms] or [b["stats"]["mean"] for b in benchmarks]
    machine = math.exp(sum(math.log(m) for m in every) / len(every))
    out = {}
    for b in benchmarks:
        g = b.get("group") or ""
        ref = sum(groups[g]) / len(groups[g]) if g in groups and g else machine
        out[b["fullname"]] = b["stats"]["mean"] / ref
    return out


def compare(saved: list[dict], current: list[dict], max_ratio: float = 1.25,
            pattern: str = DEFAULT_PATTERN) -> list[tuple[str, float, float, float, bool]]:
    """Rows ``(name, saved_norm, current_norm, ratio, regressed)`` of common benchmarks."""
    a, b = normalised(saved, pattern), normalised(current, pattern)
    rows = []
    for name in sorted(set(a) & set(b)):
        r = b[name] / a[name]
        rows.append((name, a[name], b[name], r, r > max_ratio))
    return rows


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("saved", help="baseline pytest-benchmark JSON (--benchmark-json)")
    p.add_argument("current", help="current pytest-benchmark JSON")
    p.add_argument("--max-ratio", type=float, default=1.25,
                   help="fail when a normalised time grows by more than this factor")
    p.add_argument("--baseline-pattern", default=DEFAULT_PATTERN,
                   help="regular expression naming the same-run baseline benchmarks")
    args = p.parse_args(argv)
    if not args.max_ratio > 1.0:
        print(f"compare: error: --max-ratio={args.max_ratio!r} must be > 1", file=sys.stderr)
        return 2
    try:
        rows = compare(_load(args.saved), _load(args.current), args.max_ratio,
                       args.baseline_pattern)
    except (OSError, KeyError, ValueError) as exc:
        print(f"compare: error: {exc}", file=sys.stderr)
        return 2
    width = max([len(r[0]) for r in rows] + [9])
    print(f"{'benchmark':<{width}}  {'saved':>9}  {'current':>9}  {'ratio':>7}")
    for name, s, c, r, bad in rows:
        print(f"{name:<{width}}  {s:>9.4g}  {c:>9.4g}  {r:>7.3f}{'  REGRESSION' if bad else ''}")
    n_bad = sum(r[4] for r in rows)
    print(f"{len(rows)} benchmarks compared, {n_bad} regressed beyond x{args.max_ratio:g}")
    return 1 if n_bad else 0


if __name__ == "__main__":
    sys.exit(main())
