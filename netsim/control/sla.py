"""A learned path controller for multi-segment SLA allocation, and its trainer.

:class:`SlaPolicy` scores the ``k`` least-delay candidate paths of a request with a
linear function of per-path features (:data:`SLA_FEATURES`) and takes the best feasible
one (links up, capacity free, delay within the bound). When no candidate is feasible it
falls back to :class:`~netsim.control.cspf.CSPF` (which also gives the exact rejection
reason), so it never rejects a request CSPF would admit for lack of a candidate. With
all weights zero but a negative delay weight it behaves like CSPF restricted to the
candidates.

Candidates: the ``k`` least-delay paths plus the ``k_hops`` fewest-hop paths.

The weights are trained in the simulator by the cross-entropy method (R. Y. Rubinstein,
D. P. Kroese, "The Cross-Entropy Method", Springer 2004, ch. 4: sample a Gaussian
population of parameter vectors, keep the elite fraction by episode return, refit mean
and standard deviation): :func:`train_cem`, numpy only. Policies are saved as ``.npz``
(weights) plus a JSON sidecar (metadata); no pickle.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Callable, Sequence
from itertools import islice
from typing import TYPE_CHECKING, Any

import networkx as nx
import numpy as np

from netsim.control.controller import Controller, register_controller
from netsim.control.cspf import CAPACITY_TOL_BPS, CSPF
from netsim.control.request import Allocation, Request
from netsim.errors import ParameterError

if TYPE_CHECKING:  # pragma: no cover
    from netsim.control.view import NetworkView
    from netsim.core.link import Link

__all__ = ["SLA_FEATURES", "SlaPolicy", "train_cem", "CemResult"]

SLA_FEATURES: tuple[str, ...] = (
    "delay_over_bound",
    "satellite_share",
    "headroom",
    "mean_load",
    "hops",
    "failures",
    "lax_x_satellite",
    "lax_x_headroom",
)
"""Per-candidate features, in weight order.

``delay_over_bound``
    path delay / latency bound (0 for an unbounded request), in [0, 1] when feasible;
``satellite_share``
    share of the path's links whose ``segment`` is ``"space"`` (or whose link ``attrs``
    has ``satellite=True``);
``headroom``
    smallest ``(free - capacity) / rate`` over the path's links after admission;
``mean_load``
    mean reserved / rate over the path's links before admission;
``hops``
    number of links / 4;
``failures``
    sum over the path's links of their failure counts, each failure weighted
    ``exp(-age / failure_memory_s)``;
``lax_x_satellite``, ``lax_x_headroom``
    the two features above times the request's laxity ``1 - 10 ms / bound`` clipped to
    [0, 1] (0 for bounds up to 10 ms, 1 for no bound).
"""

_LAX_REF_S = 0.010


class SlaPolicy(Controller):
    """Linear scoring over the ``k`` least-delay candidate paths (see module docstring).

    Parameters
    ----------
    weights : array-like, optional
        ``(len(SLA_FEATURES),)`` weights; default: CSPF-like (``delay_over_bound`` -1).
    k : int
        Least-delay candidate paths per node pair (:meth:`NetworkView.candidate_paths`),
        >= 1.
    k_hops : int
        Fewest-hop candidate paths added to them (ties by delay), >= 0: they bring in
        short-hop, long-delay alternatives (a satellite backhaul) that the least-delay
        ones leave out.
    failure_memory_s : float
        Time constant of the failure history (s), > 0.
    policy_file : str, optional
        A ``.npz`` saved by :meth:`save`; overrides ``weights``, ``k``, ``k_hops``,
        ``failure_memory_s`` and ``reroute_only``.
    reroute_only : bool
        Score candidates only when rerouting displaced requests
        (:meth:`on_link_change`); new arrivals are admitted by CSPF. A restoration-only
        controller: its admissions (and the latency before a failure) are CSPF's.

    Examples
    --------
    >>> p = SlaPolicy()
    >>> float(dict(zip(SLA_FEATURES, p.weights))["delay_over_bound"])
    -1.0
    """

    name = "sla_policy"

    def __init__(
        self,
        weights: Sequence[float] | None = None,
        k: int = 4,
        k_hops: int = 4,
        failure_memory_s: float = 600.0,
        policy_file: str | None = None,
        reroute_only: bool = False,
    ) -> None:
        meta: dict[str, Any] = {}
        if policy_file is not None:
            weights, meta = self._read(policy_file)
            k = int(meta.get("k", k))
            k_hops = int(meta.get("k_hops", k_hops))
            failure_memory_s = float(meta.get("failure_memory_s", failure_memory_s))
            reroute_only = bool(meta.get("reroute_only", reroute_only))
        if not isinstance(reroute_only, (bool, np.bool_)):
            raise ParameterError("reroute_only", reroute_only, "true or false")
        if weights is None:
            weights = np.zeros(len(SLA_FEATURES))
            weights[0] = -1.0
        w = np.asarray(weights, dtype=float)
        if w.shape != (len(SLA_FEATURES),) or not np.isfinite(w).all():
            raise ParameterError("weights", weights,
                                 f"{len(SLA_FEATURES)} finite numbers ({SLA_FEATURES})")
        if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 1:
            raise ParameterError("k", k, "an integer >= 1")
        if not (isinstance(failure_memory_s, (int, float)) and failure_memory_s > 0):
            raise ParameterError("failure_memory_s", failure_memory_s, "a number > 0")
        self.weights = w
        if isinstance(k_hops, bool) or not isinstance(k_hops, (int, np.integer)) or k_hops < 0:
            raise ParameterError("k_hops", k_hops, "an integer >= 0")
        self.k = int(k)
        self.k_hops = int(k_hops)
        self.failure_memory_s = float(failure_memory_s)
        self.reroute_only = bool(reroute_only)
        self._rerouting = False
        self.meta = meta
        self._fallback = CSPF()
        self.reset()

    # ------------------------------------------------------------------ state
    def reset(self) -> None:
        """Forget the failure history and cached candidates."""
        self._fail_t: dict[int, list[float]] = {}
        self._cand: dict[tuple, list[np.ndarray]] = {}
        self._paths: dict[tuple, list[list]] = {}
        self._sat: np.ndarray | None = None
        self._view_id: int | None = None

    def _prepare(self, view: NetworkView) -> None:
        key = (id(view), view.topology_version)
        if self._view_id != key:
            self._cand.clear()
            self._paths.clear()
            self._sat = np.array([
                1.0 if (lk.segment == "space" or lk.attrs.get("satellite", False)) else 0.0
                for lk in view.links])
            self._view_id = key

    def _candidates(self, view: NetworkView, src, dst) -> tuple[list[list], list[np.ndarray]]:
        pair = (src, dst)
        if pair not in self._cand:
            paths = view.candidate_paths(src, dst, self.k)
            if self.k_hops:
                d = np.asarray(view.delay_s)
                w = 1.0 + d / (d.sum() + 1.0)  # hops first, then delay
                gen = nx.shortest_simple_paths(view.net.graph, src, dst,
                                               weight=lambda u, v, e: w[e["link"].index])
                try:
                    for p in islice(gen, self.k_hops):
                        if list(p) not in paths:
                            paths.append(list(p))
                except nx.NetworkXNoPath:
                    pass
            self._paths[pair] = paths
            self._cand[pair] = [view.path_link_indices(p) for p in paths]
        return self._paths[pair], self._cand[pair]

    def _failure_weight(self, now: float, n_links: int) -> np.ndarray:
        f = np.zeros(n_links)
        for i, times in self._fail_t.items():
            if i < n_links:
                f[i] = sum(math.exp(-(now - t) / self.failure_memory_s) for t in times)
        return f

    # ------------------------------------------------------------------ features
    def features(self, request: Request, view: NetworkView) -> tuple[list[list], np.ndarray,
                                                                     np.ndarray]:
        """Candidate paths, their features ``(n, len(SLA_FEATURES))`` and feasibility
        ``(n,)`` bool (links up, capacity free, delay within the bound)."""
        self._prepare(view)
        paths, idxs = self._candidates(view, request.src, request.dst)
        n = len(paths)
        phi = np.zeros((n, len(SLA_FEATURES)))
        ok = np.zeros(n, dtype=bool)
        if n == 0:
            return paths, phi, ok
        delay, rate = view.delay_s, view.rate_bps
        free = view.free_bps_array
        reserved = view.reserved_bps
        fails = self._failure_weight(view.now_s, view.n_links) if self._fail_t else None
        bound = request.latency_bound_s
        lax = 1.0 if math.isinf(bound) else min(max(1.0 - _LAX_REF_S / bound, 0.0), 1.0)
        cap = request.capacity_bps
        for j, idx in enumerate(idxs):
            d = float(delay[idx].sum())
            fr = free[idx]
            sat = float(self._sat[idx].mean())
            head = float(((fr - cap) / rate[idx]).min())
            phi[j] = (
                0.0 if math.isinf(bound) else d / bound,
                sat,
                head,
                float((reserved[idx] / rate[idx]).mean()),
                len(idx) / 4.0,
                0.0 if fails is None else float(fails[idx].sum()),
                lax * sat,
                lax * head,
            )
            ok[j] = (fr + CAPACITY_TOL_BPS >= cap).all() and d <= bound
        return paths, phi, ok

    def decide(self, request: Request, view: NetworkView) -> Allocation:
        """Best-scoring feasible candidate; else the CSPF decision (always CSPF's for a
        new arrival when ``reroute_only``)."""
        if self.reroute_only and not self._rerouting:
            return self._fallback.decide(request, view)
        paths, phi, ok = self.features(request, view)
        if ok.any():
            score = phi @ self.weights
            score[~ok] = -np.inf
            j = int(np.argmax(score))
            return Allocation.accept(request, paths[j], view.path_delay_s(paths[j]),
                                     candidate=j)
        return self._fallback.decide(request, view)

    def on_link_change(self, link: Link, view: NetworkView) -> list[Allocation]:
        """Record a failure of ``link`` (both directions count), then reroute the
        displaced requests with :meth:`decide` (the base class procedure)."""
        if not link.up:
            self._fail_t.setdefault(link.index, []).append(view.now_s)
        self._rerouting = True
        try:
            return super().on_link_change(link, view)
        finally:
            self._rerouting = False

    # ------------------------------------------------------------------ files
    def save(self, path: str, **metadata: Any) -> tuple[str, str]:
        """Write ``path`` (``.npz``: weights) and ``path`` with ``.json`` (metadata).

        Returns the two file names.
        """
        base = path[:-4] if path.endswith(".npz") else path
        np.savez(base + ".npz", weights=self.weights)
        meta = {"controller": self.name, "features": list(SLA_FEATURES), "k": self.k,
                "k_hops": self.k_hops, "reroute_only": self.reroute_only,
                "failure_memory_s": self.failure_memory_s, **metadata}
        with open(base + ".json", "w") as f:
            json.dump(meta, f, indent=2, sort_keys=True)
        return base + ".npz", base + ".json"

    @staticmethod
    def _read(path: str) -> tuple[np.ndarray, dict]:
        base = path[:-4] if path.endswith(".npz") else path
        if not os.path.exists(base + ".npz"):
            raise ParameterError("policy_file", path, "an existing .npz written by save()")
        with np.load(base + ".npz", allow_pickle=False) as z:
            w = np.array(z["weights"], dtype=float)
        meta = {}
        if os.path.exists(base + ".json"):
            with open(base + ".json") as f:
                meta = json.load(f)
            if list(meta.get("features", SLA_FEATURES)) != list(SLA_FEATURES):
                raise ParameterError("policy_file", path,
                                     f"a policy over the features {SLA_FEATURES}")
        return w, meta

    @classmethod
    def load(cls, path: str) -> SlaPolicy:
        """A policy from files written by :meth:`save`."""
        return cls(policy_file=path)


class CemResult:
    """Outcome of :func:`train_cem`.

    Attributes
    ----------
    mean : numpy.ndarray
        Final mean of the search distribution (the trained parameters).
    history : list of dict
        Per iteration: ``iteration``, ``mean_return`` (population), ``elite_return``
        (mean over the elite), ``incumbent_return`` (the previous mean, kept as the
        population's first member), ``std`` (mean of the standard deviations).
    """

    def __init__(self, mean: np.ndarray, history: list[dict]) -> None:
        self.mean = mean
        self.history = history


def train_cem(
    episode: Callable[[np.ndarray, int], float],
    n_params: int,
    seeds: Sequence[int],
    *,
    iterations: int = 10,
    population: int = 12,
    elite_frac: float = 0.25,
    init_mean: Sequence[float] | None = None,
    init_std: float = 1.0,
    min_std: float = 0.05,
    rng: np.random.Generator | None = None,
    progress: Callable[[dict], None] | None = None,
) -> CemResult:
    """Cross-entropy method for continuous optimisation with Gaussian sampling
    (Rubinstein & Kroese 2004, ch. 4): maximise ``episode(params, seed)``.

    Each iteration draws ``population`` parameter vectors from N(mean, std^2), scores
    each by its mean return over ``seeds`` (the same seeds for all: common random
    numbers), keeps the best ``elite_frac`` and refits mean and standard deviation
    (floored at ``min_std``).

    Parameters
    ----------
    episode : callable
        ``episode(params, seed) -> float`` (higher is better).
    n_params : int
        Length of the parameter vector.
    seeds : sequence of int
        Training seeds (keep them apart from evaluation seeds).
    rng : numpy.random.Generator, optional
        Sampling stream (default: ``default_rng(0)``).
    progress : callable, optional
        Called with each iteration's history row.
    """
    if int(n_params) != n_params or n_params < 1:
        raise ParameterError("n_params", n_params, "an integer >= 1")
    if len(seeds) < 1:
        raise ParameterError("seeds", seeds, "at least one seed")
    if not 0 < elite_frac <= 1:
        raise ParameterError("elite_frac", elite_frac, "in (0, 1]")
    if population < 2:
        raise ParameterError("population", population, "an integer >= 2")
    rng = rng if rng is not None else np.random.default_rng(0)
    mean = np.zeros(n_params) if init_mean is None else np.asarray(init_mean, float).copy()
    std = np.full(n_params, float(init_std))
    n_elite = max(1, int(round(population * elite_frac)))

    def score(p: np.ndarray) -> float:
        return float(np.mean([episode(p, s) for s in seeds]))

    history = []
    for it in range(iterations):
        pop = mean + std * rng.standard_normal((population, n_params))
        pop[0] = mean  # keep the incumbent in the population
        ret = np.array([score(p) for p in pop])
        elite = pop[np.argsort(ret)[::-1][:n_elite]]
        mean = elite.mean(axis=0)
        std = np.maximum(elite.std(axis=0), min_std)
        row = {"iteration": it, "mean_return": float(ret.mean()),
               "elite_return": float(np.sort(ret)[::-1][:n_elite].mean()),
               "incumbent_return": float(ret[0]), "std": float(std.mean())}
        history.append(row)
        if progress is not None:
            progress(row)
    return CemResult(mean, history)


register_controller(SlaPolicy.name, SlaPolicy)
