"""YAML schema of a training scenario for the learned RMSA controller (pydantic, strict).

Example (``experiments/nsfnet_rmsa/train.yaml``)::

    name: nsfnet_rmsa_cem
    seed: 1
    network: {topology: nsfnet, k_paths: 5, path_order: km, directed_fibres: true,
              n_slots: 100, slot_width_ghz: 12.5, guard_slots: 1}
    traffic: {mean_holding_time_s: 25.0, holding_truncation: 2.0,
              rate_min_gbps: 25, rate_max_gbps: 100}
    fits: [first_fit, best_fit]
    training: {loads_erlang: [200, 250], iterations: 30, population: 24}

Unknown keys are errors (``extra="forbid"``); every field has the DeepRMSA default.
"""

from __future__ import annotations

from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, PositiveFloat, PositiveInt, ValidationError

from netsim.errors import ScenarioError
from netsim.optical.dynamic import TrafficModel
from netsim.optical.rmsa import RMSA, RmsaOptions
from netsim.optical.topology import load_topology

from .cem import CemConfig
from .env_core import RmsaEnvCore

__all__ = ["NetworkSpec", "TrafficSpec", "TrainingSpec", "TrainScenario", "load_train_scenario"]


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class NetworkSpec(_Spec):
    """Optical network set-up (see :class:`netsim.optical.rmsa.RmsaOptions`)."""

    topology: str = "nsfnet"
    k_paths: PositiveInt = 5
    path_order: Literal["km", "hops"] = "km"
    directed_fibres: bool = True
    n_slots: PositiveInt = 100
    slot_width_ghz: PositiveFloat = 12.5
    guard_slots: int = Field(1, ge=0)

    def rmsa(self) -> RMSA:
        """A fresh :class:`RMSA` of this set-up."""
        return RMSA(
            load_topology(self.topology),
            RmsaOptions(
                n_slots=self.n_slots, slot_width_ghz=self.slot_width_ghz,
                guard_slots=self.guard_slots, k_paths=self.k_paths,
                path_order=self.path_order, directed_fibres=self.directed_fibres,
            ),
        )


class TrafficSpec(_Spec):
    """Dynamic traffic (see :class:`netsim.optical.dynamic.TrafficModel`); rates are the
    integers ``rate_min_gbps .. rate_max_gbps`` drawn uniformly (DeepRMSA 25..100)."""

    mean_holding_time_s: PositiveFloat = 25.0
    holding_truncation: PositiveFloat | None = 2.0
    rate_min_gbps: PositiveInt = 25
    rate_max_gbps: PositiveInt = 100

    def model(self, load_erlang: float) -> TrafficModel:
        """The traffic model at ``load_erlang``."""
        if self.rate_max_gbps < self.rate_min_gbps:
            raise ScenarioError(
                f"traffic.rate_max_gbps = {self.rate_max_gbps}: must be >= rate_min_gbps "
                f"= {self.rate_min_gbps}"
            )
        return TrafficModel(
            load_erlang, self.mean_holding_time_s,
            rates_gbps=tuple(float(r) for r in range(self.rate_min_gbps,
                                                     self.rate_max_gbps + 1)),
            holding_truncation=self.holding_truncation,
        )


class TrainingSpec(_Spec):
    """Cross-entropy-method settings (see :class:`netsim.control.rl.cem.CemConfig`)."""

    algorithm: Literal["cem"] = "cem"
    loads_erlang: list[PositiveFloat] = Field(default_factory=lambda: [200.0, 250.0],
                                              min_length=1)
    iterations: PositiveInt = 30
    population: int = Field(24, ge=2)
    elite_fraction: float = Field(0.25, gt=0, le=1)
    init_std: PositiveFloat = 1.0
    noise_std: float = Field(0.2, ge=0)
    episodes_per_load: PositiveInt = 2
    n_requests: PositiveInt = 6000
    warmup_requests: int = Field(2000, ge=0)
    validation_episodes: PositiveInt = 4
    prior: Literal["hops_ff", "ksp_ff", "ksp_bf", "zero"] = "hops_ff"


class TrainScenario(_Spec):
    """A training scenario: network, traffic, action fits, training settings, seed."""

    name: str = "rmsa_policy"
    seed: int = 0
    network: NetworkSpec = Field(default_factory=NetworkSpec)
    traffic: TrafficSpec = Field(default_factory=TrafficSpec)
    fits: list[Literal["first_fit", "best_fit", "last_fit"]] = Field(
        default_factory=lambda: ["first_fit", "best_fit"], min_length=1)
    training: TrainingSpec = Field(default_factory=TrainingSpec)

    def cem_config(self, seed: int | None = None, **overrides) -> CemConfig:
        """The :class:`CemConfig` of this scenario (``seed`` and fields overridable)."""
        t = self.training.model_dump(exclude={"algorithm"})
        t["loads_erlang"] = tuple(t["loads_erlang"])
        t.update({k: v for k, v in overrides.items() if v is not None})
        return CemConfig(seed=self.seed if seed is None else seed, **t)

    def make_core(self, traffic: TrafficModel, episode_requests: int = 1) -> RmsaEnvCore:
        """An environment core of this set-up for ``traffic``."""
        return RmsaEnvCore(self.network.rmsa(), traffic, fits=tuple(self.fits),
                           episode_requests=episode_requests)


def load_train_scenario(path: str) -> TrainScenario:
    """Parse and validate a training YAML file; errors name the file and the fields."""
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except FileNotFoundError:
        raise ScenarioError(f"{path}: no such file") from None
    except yaml.YAMLError as exc:
        raise ScenarioError(f"{path}: malformed YAML: {exc}") from None
    if not isinstance(data, dict):
        raise ScenarioError(f"{path}: a mapping of training settings expected")
    try:
        return TrainScenario.model_validate(data)
    except ValidationError as exc:
        lines = [
            f"  {'.'.join(str(p) for p in e['loc'])}: {e['msg']} (got {e.get('input')!r})"
            for e in exc.errors()
        ]
        raise ScenarioError(f"{path}: invalid training scenario:\n" + "\n".join(lines)) from None
