"""Parameter sweeps with replications, confidence intervals and a stop rule.

A scenario declares its grid in a ``sweep:`` section (or the command line adds to it)::

    sweep:
      parameters:
        "links[0].rate_bps": [1.0e8, 2.0e8]
        "traffic[1].rate_bps": [5.0e7, 1.0e8]
      replications: 3

Every combination of the listed values (a Cartesian grid, in the order given) is run
``replications`` times. Replication ``r`` uses the seed
``SeedSequence(scenario seed, spawn_key=(r,)).generate_state(1, uint64) >> 1``: stable,
independent across replications, and the same at every grid point (common random numbers,
so differences between points are not blurred by seed noise).

KPI means get Student-t 95% confidence intervals over the replications
(:func:`netsim.core.stats.mean_ci`; Law & Kelton, *Simulation Modeling and Analysis*,
5th ed., 9.4.1). With a relative precision target the sweep keeps adding replications to
a point until every watched KPI's half width is under ``ci_target_pct`` % of its mean (the
sequential procedure of Law & Kelton 9.4.1), or ``max_replications`` is reached.
"""

from __future__ import annotations

import copy
import itertools
import json
import math
import os
import re
import sys
import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from pydantic import Field, PositiveInt

from netsim.core.stats import mean_ci
from netsim.errors import ParameterError, ScenarioError
from netsim.experiment.scenario import Spec, parse_scenario
from netsim.experiment.sections import Section
from netsim.experiment.store import Store
from netsim.experiment.yamlio import load_yaml

__all__ = [
    "SweepSpec", "SECTION", "replication_seed", "set_path", "parse_param", "Point",
    "SweepResult", "run_sweep", "summarise", "Progress",
]


class SweepSpec(Spec):
    """The ``sweep:`` section."""

    parameters: dict[str, list[Any]] = {}
    """Key path (``links[0].rate_bps``, ``radio.cells[1].power_dbm``) -> values."""
    replications: PositiveInt = 1
    """Replications per grid point (independent seeds)."""
    ci_target_pct: float | None = Field(default=None, gt=0)
    """Replicate until each watched KPI's 95% half width is under this % of its mean."""
    max_replications: PositiveInt = 30
    """Most replications per point under the stop rule."""
    ci_kpis: list[str] | None = None
    """KPIs the stop rule watches (default: those with targets, else every KPI)."""


def _scenario_tree(scn) -> dict:
    d = scn.model_dump(mode="json", exclude={"sections", "base_dir"})
    for k, v in scn.sections.items():
        if k != "sweep":
            d[k] = v.model_dump(mode="json")
    return d


def _check(cfg: SweepSpec, scn) -> list[str]:
    problems = []
    tree = _scenario_tree(scn)
    for key, values in cfg.parameters.items():
        if not values:
            problems.append(f"sweep.parameters.{key}: [] is not allowed: at least one value")
        try:
            _resolve(tree, key, create=False)
        except ParameterError as exc:
            problems.append(f"sweep.parameters.{key}: not a field of this scenario ({exc})")
    return problems


SECTION = Section("sweep", SweepSpec, lambda cfg, ctx: None, check=_check, order=95)
"""Scenario section ``sweep:`` (changes nothing in a single run)."""

_TOKEN = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def _tokens(path: str) -> list:
    pos, out = 0, []
    path = path.strip()
    while pos < len(path):
        if path[pos] == "." and out:
            pos += 1
        m = _TOKEN.match(path, pos)
        if m is None:
            raise ParameterError("parameter path", path, "names and [index] joined by dots, "
                                 "e.g. links[0].rate_bps")
        out.append(m.group(1) if m.group(1) is not None else int(m.group(2)))
        pos = m.end()
    if not out:
        raise ParameterError("parameter path", path, "a non-empty key path")
    return out


def _resolve(tree: Any, path: str, create: bool):
    toks = _tokens(path)
    node = tree
    for i, t in enumerate(toks[:-1]):
        nxt = toks[i + 1]
        if isinstance(t, int):
            if not isinstance(node, list) or t >= len(node):
                raise ParameterError("parameter path", path, f"an existing list index at "
                                     f"{toks[:i + 1]}")
            node = node[t]
        else:
            if not isinstance(node, dict):
                raise ParameterError("parameter path", path, f"a mapping at {toks[:i + 1]}")
            if t not in node or node[t] is None:
                if not create:
                    raise ParameterError("parameter path", path, f"an existing key {t!r}")
                node[t] = [] if isinstance(nxt, int) else {}
            node = node[t]
    last = toks[-1]
    if isinstance(last, int):
        if not isinstance(node, list) or last >= len(node):
            raise ParameterError("parameter path", path, "an existing list index")
    elif not isinstance(node, dict) or (not create and last not in node):
        raise ParameterError("parameter path", path, f"an existing key {last!r}")
    return node, last


def set_path(tree: dict, path: str, value: Any) -> dict:
    """Set ``value`` at key path ``path`` (``links[0].rate_bps``) of a scenario mapping."""
    node, last = _resolve(tree, path, create=True)
    node[last] = value
    return tree


def _scalar(text: str) -> Any:
    t = text.strip()
    for conv in (int, float):
        try:
            return conv(t)
        except ValueError:
            pass
    low = t.lower()
    if low in ("true", "false"):
        return low == "true"
    if low in ("null", "none"):
        return None
    return t


def parse_param(text: str) -> tuple[str, list[Any]]:
    """``key.path=v1,v2,...`` -> ``(key.path, [v1, v2, ...])`` (numbers, booleans, text)."""
    if "=" not in text:
        raise ParameterError("--param", text, "key.path=v1,v2,...")
    key, _, vals = text.partition("=")
    values = [_scalar(v) for v in vals.split(",") if v.strip()]
    if not key.strip() or not values:
        raise ParameterError("--param", text, "key.path=v1,v2,... with at least one value")
    _tokens(key)
    return key.strip(), values


def replication_seed(base_seed: int, replication: int) -> int:
    """Seed of replication ``replication``: a SeedSequence child of the scenario seed."""
    ss = np.random.SeedSequence(int(base_seed), spawn_key=(int(replication),))
    return int(ss.generate_state(1, dtype=np.uint64)[0] >> np.uint64(1))


@dataclass
class Point:
    """One grid point: its parameter values, validated scenario and id."""

    index: int
    params: dict[str, Any]
    raw: dict
    digest: str

    @property
    def id(self) -> str:
        return f"p{self.index:03d}-{self.digest[:10]}"

    def run_id(self, rep: int) -> str:
        return f"{self.id}-r{rep:03d}"


@dataclass
class SweepResult:
    """What a sweep produced."""

    out_dir: str
    points: list[Point]
    runs: pd.DataFrame
    summary: pd.DataFrame
    targets: pd.DataFrame
    executed: int = 0
    skipped: int = 0
    redone: list[str] = field(default_factory=list)

    @property
    def failed_targets(self) -> pd.DataFrame:
        if not len(self.targets):
            return self.targets
        return self.targets[self.targets["status"].isin(["fail", "missing"])]


class Progress:
    """A progress line on stderr: runs done, rate and estimated time left."""

    def __init__(self, total: int, enabled: bool = True, stream=None):
        self.total, self.done = total, 0
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.t0 = time.perf_counter()
        self._last = -1.0
        self._tty = hasattr(self.stream, "isatty") and self.stream.isatty()

    def step(self, n: int = 1) -> None:
        self.done += n
        now = time.perf_counter()
        if self.enabled and (self.done >= self.total or now - self._last >= (0.2 if self._tty
                                                                           else 5.0)):
            self._last = now
            self.stream.write(("\r" if self._tty else "") + self.line() + ("" if self._tty
                                                                          else "\n"))
            self.stream.flush()

    def line(self) -> str:
        el = time.perf_counter() - self.t0
        rate = self.done / el if el > 0 else 0.0
        left = (self.total - self.done) / rate if rate > 0 else math.inf
        width = 24
        fill = int(width * self.done / self.total) if self.total else width
        eta = f"{left:.0f} s" if math.isfinite(left) else "?"
        return (f"[{'#' * fill}{'.' * (width - fill)}] {self.done}/{self.total} runs  "
                f"{rate:.2f} run/s  {eta} left")

    def close(self) -> None:
        if self.enabled and self._tty:
            self.stream.write("\n")


def _points(raw: dict, params: dict[str, list], base_dir: str, source: str) -> list[Point]:
    keys = list(params)
    pts = []
    for i, combo in enumerate(itertools.product(*(params[k] for k in keys))):
        r = copy.deepcopy(raw)
        values = dict(zip(keys, combo))
        for k, v in values.items():
            try:
                set_path(r, k, v)
            except ParameterError as exc:
                raise ScenarioError(f"{source}: sweep parameter {k}: {exc}") from None
        r.setdefault("outputs", {})
        if isinstance(r["outputs"], dict):
            r["outputs"] = {**r["outputs"], "plots": False}
        label = ", ".join(f"{k}={v!r}" for k, v in values.items()) or "base scenario"
        scn = parse_scenario(r, base_dir=base_dir, source=f"{source} [{label}]")
        pts.append(Point(i, values, r, scn.digest()))
    return pts


def _ci_keys(spec: SweepSpec, targets: list) -> list[str] | None:
    if spec.ci_kpis:
        return list(spec.ci_kpis)
    if targets:
        return sorted({t.key for t in targets})
    return None


def run_sweep(
    scenario_path: str,
    out_dir: str | None = None,
    *,
    replications: int | None = None,
    params: dict[str, list] | None = None,
    jobs: int | None = None,
    scheduler: str | None = None,
    dask_workers: int | None = None,
    ci_target_pct: float | None = None,
    max_replications: int | None = None,
    progress: bool = True,
    backend=None,
) -> SweepResult:
    """Run (or resume) the sweep of a scenario file.

    Parameters
    ----------
    scenario_path : str
        Scenario YAML; its ``sweep:`` section gives the grid and replications.
    out_dir : str, optional
        Output folder (default ``results/<name>-sweep``). Finished runs found there are
        kept (their checksums verified); corrupt or partial ones are redone.
    replications, params, ci_target_pct, max_replications
        Override or extend the ``sweep:`` section (``params`` adds or replaces keys).
    jobs : int, optional
        Local worker processes (default: all cores; 1 runs in this process).
    scheduler, dask_workers
        Run on Dask distributed: a scheduler address, or a local cluster of N workers.
    backend : optional
        A ready backend (see :mod:`netsim.experiment.backends`); overrides the above.
    """
    from netsim.experiment import backends as _backends
    from netsim.experiment import targets as _targets

    raw = load_yaml(scenario_path)
    source = os.fspath(scenario_path)
    base_dir = os.path.dirname(os.path.abspath(source))
    scn = parse_scenario(raw, base_dir=base_dir, source=source)
    spec: SweepSpec = scn.sections.get("sweep", SweepSpec())
    upd: dict[str, Any] = {}
    if params:
        upd["parameters"] = {**spec.parameters, **params}
    if replications is not None:
        upd["replications"] = replications
    if ci_target_pct is not None:
        upd["ci_target_pct"] = ci_target_pct
    if max_replications is not None:
        upd["max_replications"] = max_replications
    try:
        spec = SweepSpec.model_validate({**spec.model_dump(), **upd})
    except Exception as exc:
        raise ScenarioError(f"{source}: sweep options: {exc}") from None
    if params:
        tree = _scenario_tree(scn)
        for k in params:
            try:
                _resolve(tree, k, create=False)
            except ParameterError as exc:
                raise ScenarioError(f"{source}: --param {k}: not a field of this scenario "
                                    f"({exc})") from None
    base = {k: v for k, v in raw.items() if k != "sweep"}
    points = _points(base, spec.parameters, base_dir, source)
    targets = _targets.expand(scn.sections.get("targets"))
    out_dir = out_dir or os.path.join("results", f"{scn.name}-sweep")
    store = Store(out_dir)
    store.clean_partial()
    n0 = spec.replications
    if spec.ci_target_pct is not None:
        n0 = max(n0, 2)
    plan = {"scenario": scn.name, "scenario_file": os.path.basename(source),
            "scenario_sha256": scn.digest(), "base_seed": scn.seed,
            "parameters": spec.parameters, "replications": n0,
            "ci_target_pct": spec.ci_target_pct, "max_replications": spec.max_replications,
            "points": [{"index": p.index, "id": p.id, "params": p.params,
                        "scenario_sha256": p.digest} for p in points]}
    _write_json(plan, os.path.join(out_dir, "sweep.json"))

    reps = {p.index: n0 for p in points}
    executed, skipped, redone = 0, 0, []
    done: set[str] = set()
    bar = Progress(0, enabled=progress)
    own_backend = backend is None
    try:
        while True:
            todo = []
            for p in points:
                for r in range(reps[p.index]):
                    rid = p.run_id(r)
                    if rid in done:
                        continue
                    why = store.check(rid)
                    if why is None:
                        done.add(rid)
                        skipped += 1
                        continue
                    if why != "absent":
                        redone.append(rid)
                        store.discard(rid)
                    todo.append(_task(p, r, scn.seed, base_dir, source))
            bar.total = sum(reps.values())
            bar.done = bar.total - len(todo)
            if todo:
                if backend is None:
                    backend = _backends.make_backend(jobs, scheduler, dask_workers)
                for _t, res in backend.map(todo):
                    store.write(res["run_id"], res["files"])
                    done.add(res["run_id"])
                    executed += 1
                    bar.step()
            if spec.ci_target_pct is None:
                break
            more = _more_replications(points, reps, store, spec, _ci_keys(spec, targets))
            if not more:
                break
            reps.update(more)
    finally:
        bar.close()
        if own_backend and backend is not None:
            backend.close()
    runs = _collect(points, reps, store, scn.seed)
    summary = summarise(runs, list(spec.parameters))
    tdf = _evaluate_targets(targets, summary, points, list(spec.parameters))
    for name, df in (("runs", runs), ("summary", summary), ("targets", tdf)):
        tmp = os.path.join(out_dir, f"{name}.csv.part")
        df.to_csv(tmp, index=False)
        os.replace(tmp, os.path.join(out_dir, f"{name}.csv"))
    plan["replications_done"] = {p.id: reps[p.index] for p in points}
    plan["status"] = "complete"
    _write_json(plan, os.path.join(out_dir, "sweep.json"))
    return SweepResult(out_dir, points, runs, summary, tdf, executed, skipped, redone)


def _task(p: Point, rep: int, base_seed: int, base_dir: str, source: str) -> dict:
    seed = replication_seed(base_seed, rep)
    return {"raw": p.raw, "base_dir": base_dir, "source": source, "seed": seed,
            "run_id": p.run_id(rep),
            "manifest": {"point": p.index, "point_id": p.id, "replication": rep,
                         "parameters": p.params}}


def _more_replications(points, reps, store, spec, keys) -> dict[int, int]:
    more = {}
    for p in points:
        n = reps[p.index]
        if n >= spec.max_replications:
            continue
        rows = [store.kpis(p.run_id(r)) for r in range(n)]
        df = pd.DataFrame(rows)
        watch = keys if keys is not None else list(df.columns)
        need = n
        for k in watch:
            if k not in df:
                continue
            x = pd.to_numeric(df[k], errors="coerce").dropna().to_numpy()
            if x.size < 2:
                continue
            m, hw = mean_ci(x)
            if not math.isfinite(hw):
                continue
            lim = spec.ci_target_pct / 100.0 * abs(m)
            if hw > lim:
                # half width shrinks like 1/sqrt(n): n' = n (hw / lim)^2 (Law & Kelton 9.4.1)
                est = n * (hw / lim) ** 2 if lim > 0 else spec.max_replications
                need = max(need, min(spec.max_replications, max(n + 1, math.ceil(est))))
        if need > n:
            more[p.index] = need
    return more


def _collect(points, reps, store, base_seed) -> pd.DataFrame:
    rows = []
    for p in points:
        for r in range(reps[p.index]):
            rid = p.run_id(r)
            rows.append({"run_id": rid, "point": p.index, "replication": r,
                         "seed": replication_seed(base_seed, r), **p.params,
                         **store.kpis(rid)})
    return pd.DataFrame(rows)


def summarise(runs: pd.DataFrame, param_keys: list[str],
              confidence: float = 0.95) -> pd.DataFrame:
    """Per point and KPI: n, mean, sample std, Student-t half width and interval."""
    fixed = {"run_id", "point", "replication", "seed", *param_keys}
    kpi_cols = [c for c in runs.columns if c not in fixed]
    rows = []
    for point, g in runs.groupby("point", sort=True):
        pv = {k: g.iloc[0][k] for k in param_keys}
        for k in kpi_cols:
            x = pd.to_numeric(g[k], errors="coerce").dropna().to_numpy(dtype=float)
            if not x.size:
                continue
            m, hw = mean_ci(x, confidence)
            hw_out = hw if math.isfinite(hw) else math.nan
            rows.append({"point": point, **pv, "kpi": k, "n": int(x.size), "mean": m,
                         "std": float(x.std(ddof=1)) if x.size > 1 else math.nan,
                         "half_width": hw_out, "ci_low": m - hw_out, "ci_high": m + hw_out})
    return pd.DataFrame(rows)


def _evaluate_targets(targets, summary, points, param_keys) -> pd.DataFrame:
    from netsim.experiment.targets import evaluate

    rows = []
    for p in points:
        s = summary[summary["point"] == p.index] if len(summary) else summary
        means = {r.kpi: r.mean for r in s.itertuples()}
        ci = {r.kpi: (r.half_width, r.n) for r in s.itertuples()}
        for v in evaluate(targets, means, ci):
            t = v.target
            rows.append({"point": p.index, **p.params, "target": t.name, "key": t.key,
                         "op": t.op, "limit": t.value, "mean": v.value,
                         "half_width": v.ci_half_width, "n": v.n, "status": v.status,
                         "confident": v.confident, "source": t.source})
    return pd.DataFrame(rows)


def _write_json(obj: dict, path: str) -> None:
    tmp = path + ".part"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(obj, fh, indent=2, sort_keys=True, default=str)
    os.replace(tmp, path)
