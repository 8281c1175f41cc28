"""Cross-entropy-method policy search for the linear RMSA policy, in the simulator.

The noisy cross-entropy method (CEM) as used for reinforcement learning by I. Szita and
A. Lorincz, "Learning Tetris using the noisy cross-entropy method", Neural Computation
18(12), 2006 (Sec. 2-3): keep a diagonal Gaussian over the policy weights; each
iteration sample ``population`` weight vectors, run each on the same episodes (common
random numbers), refit the Gaussian's mean and standard deviation to the ``elite``
fraction with the lowest cost and add a decaying noise term to the deviation so the
search does not collapse early.

The return of an episode is minus the number of blocked requests (after the warm-up);
the cost of a weight vector is the mean over the training loads of
``(blocked + 1) / (blocked by the initial policy + 1)`` on the same episodes, so that
every load weighs the same whatever its blocking level.

The search starts from a prior policy (by default the hop-count-first-fit heuristic
written as weights), and the returned policy is the best of the prior and the
iteration means on a separate set of validation episodes, so it is never worse than
the prior on those episodes.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from netsim.errors import ParameterError
from netsim.optical.dynamic import TrafficModel

from .env_core import RmsaEnvCore, draw_requests
from .kernels import ACTION_FEATURES, N_FEATURES
from .policy import LinearPolicy

__all__ = ["PRIOR_POLICIES", "prior_weights", "CemConfig", "CemResult", "train_cem"]

#: Heuristics written as weights of the linear policy (fits: first_fit, best_fit).
PRIOR_POLICIES: dict[str, dict[str, float]] = {
    # candidates in their RMSA order, first fit (KSP-FF)
    "ksp_ff": {"path_rank": -1.0, "is_best_fit": -10.0},
    # candidates in their RMSA order, best fit (KSP-BF)
    "ksp_bf": {"path_rank": -1.0, "is_best_fit": 0.1},
    # fewest hops first (ties: RMSA order), first fit (KSP-FF with paths by hops)
    "hops_ff": {"hops_per_10": -10.0, "path_rank": -0.1, "is_best_fit": -0.05},
    # zero weights: the first valid action
    "zero": {},
}


def prior_weights(name: str) -> np.ndarray:
    """Weight vector of a named prior (:data:`PRIOR_POLICIES`)."""
    if name not in PRIOR_POLICIES:
        raise ParameterError("prior", name, f"one of {sorted(PRIOR_POLICIES)}")
    w = np.zeros(N_FEATURES)
    for k, v in PRIOR_POLICIES[name].items():
        w[ACTION_FEATURES.index(k)] = v
    return w


@dataclass(frozen=True)
class CemConfig:
    """Cross-entropy-method settings.

    Parameters
    ----------
    iterations : int
        CEM iterations (>= 1).
    population : int
        Weight vectors sampled per iteration (>= 2).
    elite_fraction : float
        Fraction of the population refitted to, in (0, 1].
    init_std : float
        Initial standard deviation of every weight.
    noise_std : float
        Extra deviation added after each refit, decaying linearly to 0 over the run
        (Szita & Lorincz 2006, "decreasing noise").
    loads_erlang : sequence of float
        Training loads; one cost term per load.
    episodes_per_load : int
        Episodes per load and iteration (common to the whole population).
    n_requests, warmup_requests : int
        Measured and discarded requests per episode.
    validation_episodes : int
        Episodes per load used to pick the returned policy among the prior and the
        iteration means.
    prior : str
        Starting mean (:data:`PRIOR_POLICIES`).
    seed : int
        Root seed: iteration ``i`` uses children of ``SeedSequence([seed, 1])``,
        validation of ``SeedSequence([seed, 2])``, sampling of ``SeedSequence([seed, 3])``.
    """

    iterations: int = 30
    population: int = 24
    elite_fraction: float = 0.25
    init_std: float = 1.0
    noise_std: float = 0.2
    loads_erlang: Sequence[float] = (200.0, 250.0)
    episodes_per_load: int = 2
    n_requests: int = 6000
    warmup_requests: int = 2000
    validation_episodes: int = 4
    prior: str = "hops_ff"
    seed: int = 0

    def __post_init__(self) -> None:
        for name in ("iterations", "episodes_per_load", "n_requests", "validation_episodes"):
            v = getattr(self, name)
            if int(v) != v or v < 1:
                raise ParameterError(name, v, "an integer >= 1")
        if int(self.population) != self.population or self.population < 2:
            raise ParameterError("population", self.population, "an integer >= 2")
        if int(self.warmup_requests) != self.warmup_requests or self.warmup_requests < 0:
            raise ParameterError("warmup_requests", self.warmup_requests, "an integer >= 0")
        if not 0 < self.elite_fraction <= 1:
            raise ParameterError("elite_fraction", self.elite_fraction, "in (0, 1]")
        if not self.init_std > 0:
            raise ParameterError("init_std", self.init_std, "> 0")
        if not self.noise_std >= 0:
            raise ParameterError("noise_std", self.noise_std, ">= 0")
        if len(self.loads_erlang) == 0 or any(not x > 0 for x in self.loads_erlang):
            raise ParameterError("loads_erlang", self.loads_erlang, "a non-empty list of > 0")
        prior_weights(self.prior)


@dataclass
class CemResult:
    """Output of :func:`train_cem`.

    Attributes
    ----------
    policy : LinearPolicy
        The selected policy (metadata filled).
    history : pandas.DataFrame
        One row per iteration: ``iteration``, ``cost_mean`` / ``cost_elite`` /
        ``cost_best`` (population), ``cost_of_mean`` (the mean weights), ``std_mean``,
        ``bp_of_mean_<load>`` (blocking probability of the mean weights per load),
        ``bp_prior_<load>``, ``elapsed_s``.
    validation : pandas.DataFrame
        Candidates (prior, iteration means) and their validation blocking per load.
    """

    policy: LinearPolicy
    history: pd.DataFrame
    validation: pd.DataFrame = field(default_factory=pd.DataFrame)


def _blocked(core_by_load, weights, streams, warmup) -> np.ndarray:
    """Blocked measured requests, ``(n_loads, n_episodes)``."""
    out = np.zeros((len(streams), len(streams[0])), dtype=np.int64)
    for li, core in enumerate(core_by_load):
        for e, q in enumerate(streams[li]):
            out[li, e] = int(core.run_linear(weights, q)[warmup:].sum())
    return out


def train_cem(
    make_core: Callable[[TrafficModel], RmsaEnvCore],
    traffic: Callable[[float], TrafficModel],
    config: CemConfig,
    *,
    progress: Callable[[dict], None] | None = None,
) -> CemResult:
    """Train a :class:`LinearPolicy` by the noisy cross-entropy method.

    Parameters
    ----------
    make_core : callable
        ``TrafficModel -> RmsaEnvCore`` (the network set-up).
    traffic : callable
        ``load_erlang -> TrafficModel``.
    config : CemConfig
    progress : callable, optional
        Called after each iteration with that iteration's history row.

    Returns
    -------
    CemResult
    """
    cores = [make_core(traffic(load)) for load in config.loads_erlang]
    n_nodes = len(cores[0].nodes)
    total = config.n_requests + config.warmup_requests
    it_seeds = np.random.SeedSequence([config.seed, 1]).spawn(config.iterations)
    val_seed = np.random.SeedSequence([config.seed, 2])
    rng = np.random.default_rng(np.random.SeedSequence([config.seed, 3]))

    def streams_for(ss: np.random.SeedSequence, n_ep: int) -> list[list]:
        children = ss.spawn(len(cores) * n_ep)
        return [
            [
                draw_requests(core.traffic, n_nodes, total, np.random.default_rng(
                    children[li * n_ep + e]))
                for e in range(n_ep)
            ]
            for li, core in enumerate(cores)
        ]

    w_prior = prior_weights(config.prior)
    mean = w_prior.copy()
    std = np.full(N_FEATURES, config.init_std)
    n_elite = max(1, int(round(config.elite_fraction * config.population)))
    rows = []
    means = [w_prior.copy()]
    t0 = time.perf_counter()
    for it in range(config.iterations):
        streams = streams_for(it_seeds[it], config.episodes_per_load)
        ref = _blocked(cores, w_prior, streams, config.warmup_requests).sum(axis=1)

        def cost(w, ref=ref, streams=streams):
            b = _blocked(cores, w, streams, config.warmup_requests).sum(axis=1)
            return float(np.mean((b + 1.0) / (ref + 1.0))), b

        samples = mean + std * rng.standard_normal((config.population, N_FEATURES))
        costs = np.array([cost(w)[0] for w in samples])
        order = np.argsort(costs, kind="stable")
        elite = samples[order[:n_elite]]
        mean = elite.mean(axis=0)
        decay = 1.0 - it / max(1, config.iterations)
        std = elite.std(axis=0) + config.noise_std * decay
        means.append(mean.copy())
        c_mean, b_mean = cost(mean)
        row = {
            "iteration": it + 1,
            "cost_mean": float(costs.mean()),
            "cost_elite": float(costs[order[:n_elite]].mean()),
            "cost_best": float(costs[order[0]]),
            "cost_of_mean": c_mean,
            "std_mean": float(std.mean()),
        }
        n_meas = config.episodes_per_load * config.n_requests
        for li, load in enumerate(config.loads_erlang):
            row[f"bp_of_mean_{load:g}"] = float(b_mean[li] / n_meas)
            row[f"bp_prior_{load:g}"] = float(ref[li] / n_meas)
        row["elapsed_s"] = time.perf_counter() - t0
        rows.append(row)
        if progress is not None:
            progress(row)

    # choose among the prior and the iteration means on separate validation episodes
    vstreams = streams_for(val_seed, config.validation_episodes)
    vrows = []
    n_meas = config.validation_episodes * config.n_requests
    ref_v = _blocked(cores, w_prior, vstreams, config.warmup_requests).sum(axis=1)
    best_i, best_c = 0, np.inf
    for i, w in enumerate(means):
        b = ref_v if i == 0 else _blocked(cores, w, vstreams, config.warmup_requests).sum(axis=1)
        c = float(np.mean((b + 1.0) / (ref_v + 1.0)))
        vr = {"candidate": "prior" if i == 0 else f"mean_iter_{i}", "cost": c}
        for li, load in enumerate(config.loads_erlang):
            vr[f"bp_{load:g}"] = float(b[li] / n_meas)
        vrows.append(vr)
        if c < best_c - 1e-12:
            best_i, best_c = i, c
    validation = pd.DataFrame(vrows)
    meta = {
        "training": {
            "algorithm": "noisy cross-entropy method (Szita & Lorincz 2006)",
            "config": {
                k: (list(v) if isinstance(v, tuple | list) else v)
                for k, v in config.__dict__.items()
            },
            "selected": validation["candidate"].iloc[best_i],
            "validation_cost": best_c,
            "elapsed_s": time.perf_counter() - t0,
        },
        "setup": cores[0].describe(),
    }
    policy = LinearPolicy(means[best_i], cores[0].fit_names, meta)
    return CemResult(policy, pd.DataFrame(rows), validation)
