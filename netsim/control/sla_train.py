"""Training the learned SLA path controller from a scenario file (``netsim train``).

A training file names an ordinary scenario (one with a ``control:`` section whose
``requests`` the controller decides) and the cross-entropy settings::

    name: sla_policy_dr                 # output files NAME.npz + NAME.json
    scenario: disaster_recovery.yaml    # relative to this file
    policy: {k: 4, k_hops: 4, failure_memory_s: 600.0}   # SlaPolicy set-up
    train:
      algorithm: cem
      iterations: 8
      population: 10
      elite_fraction: 0.25
      init: cspf                        # or 8 weights in SLA_FEATURES order
      init_std: 1.0
      seed: 12345                       # the CEM sampling stream
      train_seeds: {start: 100, count: 4}
      eval_seeds: {start: 0, count: 10} # optional, disjoint from train_seeds
      episode_s: 20.0                   # default: the scenario's run.duration_s
      objective: intent_met_share
      penalties: {mean_interruption_s: 0.1}
      reroute_only: true
      control_only: true
      vary_with_seed: {space.constellation.t0_s: 997.0}

One *episode* (:meth:`SlaTrainer.episode`) builds the scenario with the controller
replaced by ``sla_policy`` with the candidate weights, seeded with a training seed
(``build(scenario, seed)``; each field of ``vary_with_seed`` set to ``seed x value``),
runs it for ``episode_s`` and returns the objective: the chosen KPI of
:meth:`netsim.control.allocator.Allocator.summary` (negated for a KPI to minimise) less
``sum(weight x KPI)`` over ``penalties``. The weights are trained by
:func:`netsim.control.sla.train_cem` (Rubinstein & Kroese 2004, ch. 4).

``control_only`` (:func:`control_only_scenario`) leaves out what the controller's
decisions do not depend on: the packet flows (``traffic``), ``targets`` and ``sweep``,
and every segment section that is a *stub* for the control requests: a section that
declares its nodes and links, whose nodes are no request end, are not referred to by a
core link, an event or another section, and whose links reach the rest of the network
through one node only (a radio access network behind its backhaul node). No simple
path between two other nodes can pass through such a stub, so the controller's
candidates and decisions are the same without it; a section that does not declare its
links (``space:``) is always kept.
"""

from __future__ import annotations

import copy
import math
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

import numpy as np
from pydantic import (
    Field,
    NonNegativeFloat,
    NonNegativeInt,
    PositiveFloat,
    PositiveInt,
    ValidationError,
)

from netsim.control.sla import SLA_FEATURES, CemResult, SlaPolicy, train_cem
from netsim.errors import ParameterError, ScenarioError
from netsim.experiment import sections as _sections
from netsim.experiment.run import sha256_file
from netsim.experiment.scenario import (
    Scenario,
    Spec,
    format_validation_error,
    parse_scenario,
)
from netsim.experiment.yamlio import load_yaml

__all__ = [
    "MAXIMISE_KPIS",
    "MINIMISE_KPIS",
    "SeedRange",
    "SlaTrainSpec",
    "SlaPolicySpec",
    "SlaTrainFile",
    "SlaTrainer",
    "SlaTrainResult",
    "control_only_scenario",
    "load_sla_train",
    "sla_train_from_scenario",
]

MAXIMISE_KPIS: tuple[str, ...] = ("intent_met_share",)
"""Allocator KPIs an objective maximises."""
MINIMISE_KPIS: tuple[str, ...] = ("blocking", "dropped", "interruptions", "reroutes",
                                  "mean_interruption_s", "max_interruption_s", "unrestored")
"""Allocator KPIs an objective minimises (and that ``penalties`` may weigh)."""
_ZERO_IF_NAN = ("mean_interruption_s", "max_interruption_s")  # NaN: no outage at all


class SeedRange(Spec):
    """The seeds ``start .. start + count - 1``."""

    start: NonNegativeInt
    count: PositiveInt

    def seeds(self) -> list[int]:
        """The seeds as a list."""
        return list(range(self.start, self.start + self.count))


Seeds = SeedRange | Annotated[list[NonNegativeInt], Field(min_length=1)]


def _seed_list(s: SeedRange | list[int] | None) -> list[int]:
    if s is None:
        return []
    return s.seeds() if isinstance(s, SeedRange) else list(s)


class SlaTrainSpec(Spec):
    """The ``train:`` settings of an SLA-policy training file (see the module docstring)."""

    algorithm: Literal["cem"] = "cem"
    iterations: PositiveInt = 8
    population: Annotated[int, Field(ge=2)] = 10
    elite_fraction: Annotated[float, Field(gt=0.0, le=1.0)] = 0.25
    init: Literal["cspf"] | Annotated[list[float], Field(min_length=len(SLA_FEATURES),
                                                         max_length=len(SLA_FEATURES))] = "cspf"
    """Initial mean: ``cspf`` (``delay_over_bound`` -1, the rest 0) or the weights."""
    init_std: PositiveFloat = 1.0
    min_std: NonNegativeFloat = 0.05
    seed: NonNegativeInt = 12345
    """Seed of the CEM sampling stream (``numpy.random.default_rng(seed)``)."""
    train_seeds: Seeds = SeedRange(start=1000, count=4)
    eval_seeds: Seeds | None = None
    episode_s: PositiveFloat | None = None
    """Simulated time of one episode (s); default: the scenario's ``run.duration_s``."""
    objective: Literal[MAXIMISE_KPIS + MINIMISE_KPIS] = "intent_met_share"  # type: ignore
    penalties: dict[Literal[MINIMISE_KPIS], NonNegativeFloat] = {}  # type: ignore
    """KPI -> weight: ``weight x KPI`` is subtracted from the objective."""
    reroute_only: bool = True
    """The policy decides restorations only; CSPF admits new requests."""
    control_only: bool = True
    vary_with_seed: dict[str, float] = {}
    """Scenario field path -> factor: the field is set to ``seed x factor`` per episode."""


class SlaPolicySpec(Spec):
    """The :class:`~netsim.control.sla.SlaPolicy` set-up trained (its defaults)."""

    k: PositiveInt = 4
    k_hops: NonNegativeInt = 4
    failure_memory_s: PositiveFloat = 600.0


class SlaTrainFile(Spec):
    """A training file: policy name, scenario file, policy set-up, training settings."""

    name: str = "sla_policy"
    scenario: str
    policy: SlaPolicySpec = SlaPolicySpec()
    train: SlaTrainSpec = SlaTrainSpec()


def _validate(data: Any, source: str) -> SlaTrainFile:
    if not isinstance(data, dict):
        raise ScenarioError(f"{source}: a mapping of training settings expected")
    try:
        spec = SlaTrainFile.model_validate(data)
    except ValidationError as exc:
        raise ScenarioError(f"{source}: invalid SLA training file:\n  "
                            + "\n  ".join(format_validation_error(exc))) from None
    tr, ev = _seed_list(spec.train.train_seeds), _seed_list(spec.train.eval_seeds)
    problems = []
    if len(set(tr)) != len(tr):
        problems.append(f"train.train_seeds: {tr} is not allowed: distinct seeds expected")
    both = sorted(set(tr) & set(ev))
    if both:
        problems.append(f"train.eval_seeds: {ev} is not allowed: seeds {both} are also "
                        "training seeds (keep evaluation seeds apart)")
    if spec.train.objective in spec.train.penalties:
        problems.append(f"train.penalties.{spec.train.objective}: is not allowed: already "
                        "the objective")
    if problems:
        raise ScenarioError(f"{source}: invalid SLA training file:\n  " + "\n  ".join(problems))
    return spec


def load_sla_train(path: str | os.PathLike, data: Any = None) -> tuple[SlaTrainFile, str]:
    """Parse a training file; returns the settings and the scenario file's path.

    ``data``: the file's parsed YAML, when already read.
    """
    path = os.fspath(path)
    data = load_yaml(path) if data is None else data
    spec = _validate(data, path)
    scn = os.path.join(os.path.dirname(os.path.abspath(path)), spec.scenario)
    if not os.path.isfile(scn):
        raise ScenarioError(f"{path}: scenario: {spec.scenario!r} is not allowed: no such "
                            "file (a path relative to the training file)")
    return spec, scn


def sla_train_from_scenario(path: str | os.PathLike) -> tuple[SlaTrainFile, str]:
    """Default training settings for an ordinary scenario file ``path``."""
    path = os.fspath(path)
    return SlaTrainFile(name="sla_policy", scenario=os.path.basename(path)), path


# ------------------------------------------------------------------ control only
def _links_touching(scn: Scenario, names: set) -> list[str]:
    hits = [f"links[{i}]" for i, lk in enumerate(scn.links) if {lk.a, lk.b} & names]
    hits += [f"events[{i}]" for i, ev in enumerate(scn.events) if set(ev.link) & names]
    return hits


def _is_stub(key: str, cfg: Any, scn: Scenario, ends: set) -> bool:
    sec = _sections.get(key)
    if sec is None or sec.order >= _sections.CONTROL_ORDER or sec.nodes is None \
            or sec.links is None:
        return False
    mine = set(sec.nodes(cfg))
    if not mine or mine & ends or _links_touching(scn, mine):
        return False
    for other, ocfg in scn.sections.items():
        osec = _sections.get(other)
        if other == key or osec is None:
            continue
        if osec.nodes is not None and set(osec.nodes(ocfg)) & mine:
            return False
        if osec.links is not None and any(set(p) & mine for p in osec.links(ocfg)):
            return False
    attach = {n for pair in sec.links(cfg) for n in pair if n not in mine}
    return len(attach) <= 1


def control_only_scenario(data: dict, scn: Scenario) -> tuple[dict, list[str]]:
    """The scenario mapping without what the control decisions do not depend on.

    Parameters
    ----------
    data : dict
        The scenario's YAML mapping (not changed).
    scn : Scenario
        The same scenario, validated.

    Returns
    -------
    (dict, list of str)
        The reduced mapping and the top-level keys left out (see the module docstring).
    """
    out = copy.deepcopy(data)
    dropped = []
    if out.get("traffic"):
        out["traffic"] = []
        dropped.append("traffic")
    for key in ("targets", "sweep"):
        if key in out:
            out.pop(key)
            dropped.append(key)
    ctl = scn.sections.get("control")
    pairs = None if ctl is None or ctl.requests is None else ctl.requests.pairs
    if pairs is not None:
        ends = {n for p in pairs for n in p}
        for key, cfg in scn.sections.items():
            if key in out and _is_stub(key, cfg, scn, ends):
                out.pop(key)
                dropped.append(key)
    return out, dropped


# ------------------------------------------------------------------ trainer
@dataclass
class SlaTrainResult:
    """Outcome of :meth:`SlaTrainer.train`."""

    policy: SlaPolicy
    cem: CemResult
    init_weights: np.ndarray
    final_score: float
    """Objective of the trained weights, mean over the training seeds."""
    eval_scores: dict[str, float] = field(default_factory=dict)
    """``trained`` and ``init``: mean objective over the evaluation seeds (if any)."""
    metadata: dict[str, Any] = field(default_factory=dict)


_KEY = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def _check_parent(data: dict, path: str) -> None:
    """Raise unless every part of ``path`` but the last exists in ``data``."""
    field = f"train.vary_with_seed.{path}"
    toks = [m.group(1) if m.group(1) is not None else int(m.group(2))
            for m in _KEY.finditer(path)]
    node: Any = data
    for i, t in enumerate(toks[:-1]):
        ok = (isinstance(t, int) and isinstance(node, list) and t < len(node)) or \
            (isinstance(t, str) and isinstance(node, dict) and t in node)
        if not ok:
            raise ParameterError(field, path, "a field path of the scenario: it has no "
                                 f"{'.'.join(map(str, toks[:i + 1]))!r}")
        node = node[t]
    if not toks or not isinstance(node, dict):
        raise ParameterError(field, path, "a path to a field of a mapping of the scenario")


class SlaTrainer:
    """Episodes and CEM training of an :class:`SlaPolicy` over a scenario's control part.

    Parameters
    ----------
    spec : SlaTrainFile
        The training settings.
    scenario_path : str
        The scenario file (must have a ``control:`` section with ``requests``).
    """

    def __init__(self, spec: SlaTrainFile, scenario_path: str) -> None:
        self.spec = spec
        self.scenario_path = os.fspath(scenario_path)
        self.base_dir = os.path.dirname(os.path.abspath(self.scenario_path))
        raw = load_yaml(self.scenario_path)
        scn = parse_scenario(raw, base_dir=self.base_dir, source=self.scenario_path)
        ctl = scn.sections.get("control")
        if ctl is None or ctl.requests is None:
            raise ScenarioError(f"{self.scenario_path}: control.requests: required field is "
                                "missing: an SLA policy is trained on the requests of the "
                                "scenario's control: section")
        self.scenario = scn
        t = spec.train
        self.episode_s = float(t.episode_s if t.episode_s is not None else scn.run.duration_s)
        self.dropped: list[str] = []
        base = raw
        if t.control_only:
            base, self.dropped = control_only_scenario(raw, scn)
        self._base = base
        self.train_seeds = _seed_list(t.train_seeds)
        self.eval_seeds = _seed_list(t.eval_seeds)
        # fail early on a bad vary_with_seed path or value (as the first episode would)
        self._scenario_for(SlaPolicy().weights, self.train_seeds[0])

    def _scenario_for(self, weights: np.ndarray, seed: int) -> Scenario:
        from netsim.experiment.sweep import set_path

        data = copy.deepcopy(self._base)
        p = self.spec.policy
        data["control"]["controller"] = {"name": SlaPolicy.name, "options": {
            "weights": [float(w) for w in weights],
            "reroute_only": self.spec.train.reroute_only,
            "k": p.k, "k_hops": p.k_hops, "failure_memory_s": p.failure_memory_s}}
        data.setdefault("run", {})["duration_s"] = self.episode_s
        for path, factor in self.spec.train.vary_with_seed.items():
            _check_parent(data, path)
            set_path(data, path, float(seed * factor))
        try:
            return parse_scenario(data, base_dir=self.base_dir, source=self.scenario_path)
        except ScenarioError as exc:
            raise ScenarioError(f"train.vary_with_seed / train.episode_s: the episode's "
                                f"scenario (seed {seed}) is invalid: {exc}") from None

    def kpis(self, weights: np.ndarray, seed: int) -> dict[str, float]:
        """:meth:`Allocator.summary` of one episode with ``weights`` and ``seed``."""
        from netsim.experiment.build import build

        ctx = build(self._scenario_for(weights, seed), seed=seed)
        ctx.sim.run(until_s=self.episode_s)
        return ctx.state["control"].summary()

    def objective(self, kpis: dict[str, float], seed: int | None = None) -> float:
        """The objective of an episode's KPIs (higher is better)."""
        t = self.spec.train

        def value(k: str) -> float:
            v = float(kpis[k])
            if math.isnan(v):
                if k in _ZERO_IF_NAN:
                    return 0.0
                raise ScenarioError(f"train.objective: KPI {k!r} is undefined (NaN) in the "
                                    f"episode of seed {seed}: no request arrived; lengthen "
                                    "train.episode_s or raise the arrival rate")
            return v

        sign = 1.0 if t.objective in MAXIMISE_KPIS else -1.0
        return sign * value(t.objective) - sum(w * value(k) for k, w in t.penalties.items())

    def episode(self, weights: np.ndarray, seed: int) -> float:
        """The objective of one episode (``episode(weights, seed)`` of ``train_cem``)."""
        return self.objective(self.kpis(weights, seed), seed)

    def score(self, weights: np.ndarray, seeds: list[int]) -> float:
        """Mean objective over ``seeds``."""
        return float(np.mean([self.episode(weights, s) for s in seeds]))

    def init_weights(self) -> np.ndarray:
        """The search's initial mean."""
        init = self.spec.train.init
        return SlaPolicy().weights if init == "cspf" else np.asarray(init, dtype=float)

    def train(self, progress: Callable[[dict], None] | None = None,
              rng_seed: int | None = None, iterations: int | None = None) -> SlaTrainResult:
        """Run the cross-entropy method; returns the policy with its metadata.

        ``rng_seed`` and ``iterations`` override ``train.seed`` / ``train.iterations``.
        Same settings, same weights, bit for bit.
        """
        t = self.spec.train
        seed = t.seed if rng_seed is None else int(rng_seed)
        its = t.iterations if iterations is None else int(iterations)
        if its < 1:
            raise ParameterError("iterations", its, "an integer >= 1")
        init = self.init_weights()
        res = train_cem(self.episode, len(SLA_FEATURES), self.train_seeds, iterations=its,
                        population=t.population, elite_frac=t.elite_fraction,
                        init_mean=init, init_std=t.init_std, min_std=t.min_std,
                        rng=np.random.default_rng(seed), progress=progress)
        p = self.spec.policy
        pol = SlaPolicy(res.mean, k=p.k, k_hops=p.k_hops, failure_memory_s=p.failure_memory_s,
                        reroute_only=t.reroute_only)
        final = self.score(res.mean, self.train_seeds)
        ev: dict[str, float] = {}
        if self.eval_seeds:
            ev = {"trained": self.score(res.mean, self.eval_seeds),
                  "init": self.score(init, self.eval_seeds)}
        obj = {"kpi": t.objective, "sense": "max" if t.objective in MAXIMISE_KPIS else "min",
               "penalties": dict(t.penalties)}
        meta = {
            "name": self.spec.name, "method": "cross-entropy", "algorithm": t.algorithm,
            "scenario": self.spec.scenario,
            "scenario_name": self.scenario.name,
            "scenario_sha256": sha256_file(self.scenario_path),
            "objective": obj, "train_seeds": self.train_seeds, "eval_seeds": self.eval_seeds,
            "episode_duration_s": self.episode_s, "iterations": its,
            "population": t.population, "elite_frac": t.elite_fraction,
            "init": t.init if t.init == "cspf" else [float(w) for w in init],
            "init_std": t.init_std, "min_std": t.min_std, "rng_seed": seed,
            "control_only": t.control_only, "left_out": self.dropped,
            "vary_with_seed": dict(t.vary_with_seed),
            "init_score": float(res.history[0]["incumbent_return"]),
            "final_score": final, "eval_scores": ev,
            "weights": dict(zip(SLA_FEATURES, map(float, res.mean))),
        }
        return SlaTrainResult(pol, res, init, final, ev, meta)
