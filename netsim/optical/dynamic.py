"""Dynamic traffic on an RMSA network: blocking probability with confidence intervals.

A self-contained event loop (a heap of departures; arrivals generated in order): Poisson
arrivals, exponential holding times (optionally truncated), bit rates drawn from a set,
source/destination uniform over ordered node pairs. Each request is decided by
:meth:`netsim.optical.rmsa.RMSA.allocate` and, if admitted, released at its departure.

Reported, after discarding the warm-up requests:

* blocking probability ``BP = blocked requests / requests``;
* bandwidth blocking ratio ``BBR = blocked Gb/s / requested Gb/s``;
* 95 % (configurable) confidence intervals from independent replications or from batch
  means of one long run, with the Student t quantile (A. M. Law, "Simulation Modeling
  and Analysis", 5th ed., McGraw-Hill 2015, Sec. 9.4.1 eq. 9.2 and Sec. 9.5.3 batch
  means);
* spectrum fragmentation (:func:`netsim.optical.spectrum.fragmentation_metrics`) sampled
  at arrivals.

Load convention (DeepRMSA, Optical RL-Gym, XLRON): ``load_erlang = arrival_rate *
mean_holding_time_s`` with the mean of the *untruncated* exponential. With truncation the
offered load actually carried in the system is lower (see :func:`truncated_mean_factor`).
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
from scipy import stats

from netsim.errors import ParameterError
from netsim.optical.rmsa import RMSA, RmsaOptions
from netsim.optical.spectrum import fragmentation_metrics

__all__ = [
    "TrafficModel",
    "DynamicResult",
    "ReplicationCounts",
    "draw_holding_times",
    "truncated_mean_factor",
    "run_replication",
    "simulate_blocking",
    "confidence_interval",
    "sweep_blocking",
]


@dataclass(frozen=True)
class TrafficModel:
    """Dynamic traffic parameters.

    Parameters
    ----------
    load_erlang : float
        Offered load [Erlang] = arrival rate x mean holding time, > 0.
    mean_holding_time_s : float
        Mean of the exponential holding time [s] (any consistent time unit), > 0.
    rates_gbps : sequence of float
        Request bit rates [Gb/s], drawn uniformly (or with ``rate_probabilities``).
        Default: 25, 26, ..., 100 (DeepRMSA ``np.random.randint(25, 101)``).
    rate_probabilities : sequence of float, optional
        Probabilities of ``rates_gbps`` (sum 1).
    holding_truncation : float or None
        If set, holding times are redrawn while ``>= holding_truncation *
        mean_holding_time_s`` (rejection, DeepRMSA: 2; XLRON ``--truncate_holding_time``).
        None: plain exponential (Optical RL-Gym).
    pair_weights : mapping of (src, dst) to float, optional
        Non-uniform traffic: relative weight of each ordered node pair (pairs left out
        get no traffic), normalised to probabilities; e.g. DeepRMSA's ``trafic_dis``
        matrix with ``nonuniform = True``. None: uniform over ordered pairs.
    """

    load_erlang: float
    mean_holding_time_s: float = 1.0
    rates_gbps: Sequence[float] = tuple(float(r) for r in range(25, 101))
    rate_probabilities: Sequence[float] | None = None
    holding_truncation: float | None = None
    pair_weights: Mapping[tuple[Any, Any], float] | None = None

    def __post_init__(self) -> None:
        if not self.load_erlang > 0:
            raise ParameterError("load_erlang", self.load_erlang, "> 0")
        if not self.mean_holding_time_s > 0:
            raise ParameterError("mean_holding_time_s", self.mean_holding_time_s, "> 0")
        rates = np.asarray(self.rates_gbps, dtype=float)
        if rates.ndim != 1 or rates.size == 0 or not np.all(rates > 0):
            raise ParameterError("rates_gbps", self.rates_gbps, "a non-empty list of rates > 0")
        if self.rate_probabilities is not None:
            p = np.asarray(self.rate_probabilities, dtype=float)
            if p.shape != rates.shape or np.any(p < 0) or not math.isclose(p.sum(), 1.0):
                raise ParameterError(
                    "rate_probabilities",
                    self.rate_probabilities,
                    "one probability >= 0 per rate, summing to 1",
                )
        if self.holding_truncation is not None and not self.holding_truncation > 0:
            raise ParameterError("holding_truncation", self.holding_truncation, "> 0 or None")
        if self.pair_weights is not None:
            w = np.asarray(list(self.pair_weights.values()), dtype=float)
            if w.size == 0 or np.any(~np.isfinite(w)) or np.any(w < 0) or not w.sum() > 0:
                raise ParameterError(
                    "pair_weights", self.pair_weights, "weights >= 0 with a positive sum"
                )

    @property
    def arrival_rate_per_s(self) -> float:
        """Poisson arrival rate [1/s] = load / mean holding time."""
        return self.load_erlang / self.mean_holding_time_s


def truncated_mean_factor(truncation: float) -> float:
    """Mean of an exponential(1) conditioned on ``X < truncation``.

    ``E[X | X < c] = (1 - (1 + c) e^-c) / (1 - e^-c)`` (integrate ``x e^-x`` on [0, c]
    and divide by ``P(X < c)``). For DeepRMSA's ``c = 2``: 0.68697, i.e. the carried
    holding time, and so the effective load, is about 69 % of the nominal one.
    """
    if not truncation > 0:
        raise ParameterError("truncation", truncation, "> 0")
    c = float(truncation)
    return (1.0 - (1.0 + c) * math.exp(-c)) / (1.0 - math.exp(-c))


def draw_holding_times(
    rng: np.random.Generator, n: int, mean_s: float, truncation: float | None = None
) -> np.ndarray:
    """Exponential holding times [s], optionally truncated by rejection at ``truncation*mean``.

    DeepRMSA redraws while ``TTL == 0 or TTL >= 2 * service_time``
    (``K-SP-FF benchmark_NSFNET.py``); this does the same (zero has probability 0 in
    floating point but is rejected too).
    """
    out = rng.exponential(mean_s, n)
    if truncation is None:
        return out
    limit = truncation * mean_s
    bad = (out >= limit) | (out <= 0.0)
    while bad.any():
        out[bad] = rng.exponential(mean_s, int(bad.sum()))
        bad = (out >= limit) | (out <= 0.0)
    return out


@dataclass
class ReplicationCounts:
    """Counts of one replication, measured requests only (after the warm-up).

    Attributes
    ----------
    requests, blocked : numpy.ndarray
        int64 ``(n_batches,)``: requests and blocked requests per batch.
    requested_gbps, blocked_gbps : numpy.ndarray
        float64 ``(n_batches,)``: requested and blocked bit rate per batch [Gb/s].
    fragmentation : dict of str to float
        Means of :func:`fragmentation_metrics` over the samples.
    """

    requests: np.ndarray
    blocked: np.ndarray
    requested_gbps: np.ndarray
    blocked_gbps: np.ndarray
    fragmentation: dict[str, float] = field(default_factory=dict)


def _weighted_pairs(
    weights: Mapping[tuple[Any, Any], float],
    nodes: list[Any],
    n: int,
    rng: np.random.Generator,
) -> tuple[np.ndarray, np.ndarray]:
    index = {node: i for i, node in enumerate(nodes)}
    src, dst, w = [], [], []
    for (s, d), weight in weights.items():
        if s not in index or d not in index or s == d:
            raise ParameterError(
                "pair_weights", (s, d), "ordered pairs of distinct nodes of the topology"
            )
        src.append(index[s])
        dst.append(index[d])
        w.append(float(weight))
    p = np.asarray(w) / np.sum(w)
    pick = rng.choice(len(w), n, p=p)
    return np.asarray(src)[pick], np.asarray(dst)[pick]


def run_replication(
    rmsa: RMSA,
    traffic: TrafficModel,
    n_requests: int,
    warmup_requests: int,
    rng: np.random.Generator,
    *,
    n_batches: int = 1,
    fragmentation_every: int = 0,
) -> ReplicationCounts:
    """Run one replication from an empty network.

    Parameters
    ----------
    rmsa : RMSA
        The network; it is :meth:`~RMSA.reset` first.
    traffic : TrafficModel
    n_requests : int
        Measured requests (after the warm-up), >= n_batches.
    warmup_requests : int
        Requests simulated and discarded first, >= 0.
    rng : numpy.random.Generator
    n_batches : int
        Contiguous batches the measured requests are split into (batch means).
    fragmentation_every : int
        Sample fragmentation every this many measured arrivals (0: never).

    Returns
    -------
    ReplicationCounts
    """
    if int(n_requests) != n_requests or n_requests < 1:
        raise ParameterError("n_requests", n_requests, "an integer >= 1")
    if int(warmup_requests) != warmup_requests or warmup_requests < 0:
        raise ParameterError("warmup_requests", warmup_requests, "an integer >= 0")
    if int(n_batches) != n_batches or not 1 <= n_batches <= n_requests:
        raise ParameterError("n_batches", n_batches, f"an integer in 1 .. {n_requests}")
    rmsa.reset()
    total = warmup_requests + n_requests
    nodes = list(rmsa.graph.nodes())
    n_nodes = len(nodes)
    if traffic.pair_weights is None:
        # uniform over ordered pairs: source uniform, destination uniform over the others
        src_i = rng.integers(0, n_nodes, total)
        dst_i = rng.integers(0, n_nodes - 1, total)
        dst_i += dst_i >= src_i
    else:
        src_i, dst_i = _weighted_pairs(traffic.pair_weights, nodes, total, rng)
    rates = np.asarray(traffic.rates_gbps, dtype=float)
    rate = rng.choice(rates, total, p=traffic.rate_probabilities)
    inter = rng.exponential(1.0 / traffic.arrival_rate_per_s, total)
    hold = draw_holding_times(rng, total, traffic.mean_holding_time_s, traffic.holding_truncation)
    arrival = np.cumsum(inter)
    departure = arrival + hold

    batch_of = (np.arange(n_requests) * n_batches) // n_requests
    blocked = np.zeros(total, dtype=bool)
    frag: dict[str, list[float]] = {}
    heap: list[tuple[float, int, object]] = []
    allocate, release = rmsa.allocate, rmsa.release
    pop, push = heapq.heappop, heapq.heappush
    arrival_l, departure_l, rate_l = arrival.tolist(), departure.tolist(), rate.tolist()
    src_l = [nodes[i] for i in src_i.tolist()]
    dst_l = [nodes[i] for i in dst_i.tolist()]
    for i in range(total):
        t = arrival_l[i]
        while heap and heap[0][0] <= t:
            release(pop(heap)[2])
        alloc = allocate(src_l[i], dst_l[i], rate_l[i])
        if alloc is None:
            blocked[i] = True
        else:
            push(heap, (departure_l[i], i, alloc))
        m = i - warmup_requests
        if fragmentation_every and m >= 0 and m % fragmentation_every == 0:
            for key, value in fragmentation_metrics(rmsa.occupancy).items():
                frag.setdefault(key, []).append(value)
    measured = slice(warmup_requests, total)
    b = blocked[measured]
    r = rate[measured]
    return ReplicationCounts(
        requests=np.bincount(batch_of, minlength=n_batches).astype(np.int64),
        blocked=np.bincount(batch_of, weights=b, minlength=n_batches).astype(np.int64),
        requested_gbps=np.bincount(batch_of, weights=r, minlength=n_batches),
        blocked_gbps=np.bincount(batch_of, weights=r * b, minlength=n_batches),
        fragmentation={k: float(np.mean(v)) for k, v in frag.items()},
    )


def confidence_interval(samples: np.ndarray, level: float = 0.95) -> tuple[float, float]:
    """Mean and half-width of the Student-t confidence interval of i.i.d. samples.

    ``half = t_{1-(1-level)/2, n-1} * s / sqrt(n)`` (Law 2015, eq. 9.2).

    Parameters
    ----------
    samples : numpy.ndarray
        ``(n,)``, n >= 2.
    level : float
        Confidence level in (0, 1).
    """
    x = np.asarray(samples, dtype=float)
    if x.ndim != 1 or x.size < 2:
        raise ParameterError("samples", x.shape, "a 1-D array of >= 2 samples")
    if not 0 < level < 1:
        raise ParameterError("level", level, "in (0, 1)")
    t = stats.t.ppf(0.5 + level / 2.0, x.size - 1)
    return float(x.mean()), float(t * x.std(ddof=1) / math.sqrt(x.size))


@dataclass
class DynamicResult:
    """Blocking statistics of :func:`simulate_blocking`.

    Attributes
    ----------
    blocking_probability, blocking_probability_ci : float
        Mean and confidence half-width of the blocking probability.
    bandwidth_blocking_ratio, bandwidth_blocking_ratio_ci : float
        Mean and half-width of the bandwidth blocking ratio.
    samples_bp, samples_bbr : numpy.ndarray
        The per-replication (or per-batch) values the intervals come from.
    n_requests : int
        Measured requests in total.
    level : float
        Confidence level.
    method : str
        ``"replications"`` or ``"batch_means"``.
    fragmentation : dict of str to float
        Mean fragmentation metrics over the samples (empty if not sampled).
    """

    blocking_probability: float
    blocking_probability_ci: float
    bandwidth_blocking_ratio: float
    bandwidth_blocking_ratio_ci: float
    samples_bp: np.ndarray
    samples_bbr: np.ndarray
    n_requests: int
    level: float
    method: str
    fragmentation: dict[str, float]


def simulate_blocking(
    rmsa: RMSA,
    traffic: TrafficModel,
    *,
    n_requests: int = 10_000,
    warmup_requests: int = 3_000,
    n_replications: int = 10,
    n_batches: int = 10,
    method: str = "replications",
    level: float = 0.95,
    seed: int | np.random.SeedSequence = 0,
    fragmentation_every: int = 0,
) -> DynamicResult:
    """Blocking probability and bandwidth blocking ratio with confidence intervals.

    Parameters
    ----------
    rmsa : RMSA
        Network and policy (reset before each replication).
    traffic : TrafficModel
    n_requests : int
        Measured requests per replication (DeepRMSA: 10 000).
    warmup_requests : int
        Discarded requests at the start of each replication (DeepRMSA: 3 000).
    n_replications : int
        Independent replications (``method="replications"``, >= 2; DeepRMSA: 10).
        With ``"batch_means"`` one replication is run.
    n_batches : int
        Batches of the single run (``method="batch_means"``, >= 2).
    method : {"replications", "batch_means"}
    level : float
        Confidence level (0.95).
    seed : int or numpy.random.SeedSequence
        Root seed; replication ``r`` uses child ``r`` of ``SeedSequence(seed)``.
    fragmentation_every : int
        Sample fragmentation every this many measured arrivals (0: never).

    Returns
    -------
    DynamicResult
    """
    if method not in ("replications", "batch_means"):
        raise ParameterError("method", method, "'replications' or 'batch_means'")
    root = seed if isinstance(seed, np.random.SeedSequence) else np.random.SeedSequence(seed)
    if method == "replications":
        if int(n_replications) != n_replications or n_replications < 2:
            raise ParameterError("n_replications", n_replications, "an integer >= 2")
        runs = [
            run_replication(
                rmsa,
                traffic,
                n_requests,
                warmup_requests,
                np.random.default_rng(child),
                fragmentation_every=fragmentation_every,
            )
            for child in root.spawn(n_replications)
        ]
    else:
        if int(n_batches) != n_batches or n_batches < 2:
            raise ParameterError("n_batches", n_batches, "an integer >= 2")
        runs = [
            run_replication(
                rmsa,
                traffic,
                n_requests,
                warmup_requests,
                np.random.default_rng(root.spawn(1)[0]),
                n_batches=n_batches,
                fragmentation_every=fragmentation_every,
            )
        ]
    req = np.concatenate([r.requests for r in runs])
    blk = np.concatenate([r.blocked for r in runs])
    req_g = np.concatenate([r.requested_gbps for r in runs])
    blk_g = np.concatenate([r.blocked_gbps for r in runs])
    bp_samples = blk / req
    bbr_samples = blk_g / req_g
    bp, bp_ci = confidence_interval(bp_samples, level)
    bbr, bbr_ci = confidence_interval(bbr_samples, level)
    frag: dict[str, float] = {}
    for key in runs[0].fragmentation:
        frag[key] = float(np.mean([r.fragmentation[key] for r in runs]))
    return DynamicResult(
        blocking_probability=bp,
        blocking_probability_ci=bp_ci,
        bandwidth_blocking_ratio=bbr,
        bandwidth_blocking_ratio_ci=bbr_ci,
        samples_bp=bp_samples,
        samples_bbr=bbr_samples,
        n_requests=int(req.sum()),
        level=level,
        method=method,
        fragmentation=frag,
    )


def sweep_blocking(
    graph: nx.Graph,
    policies: Mapping[str, RmsaOptions],
    loads_erlang: Sequence[float],
    *,
    traffic: Mapping[str, Any] | None = None,
    n_requests: int = 10_000,
    warmup_requests: int = 3_000,
    n_replications: int = 10,
    level: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """Blocking versus load for several policies, as a tidy table.

    Every (policy, load) cell uses the same ``seed``, so policies are compared on the
    same arrivals (common random numbers).

    Parameters
    ----------
    graph : networkx.Graph
        Topology with ``length_km``.
    policies : mapping of str to RmsaOptions
        Label -> options (e.g. ``{"KSP-FF": RmsaOptions(policy="ksp_ff")}``).
    loads_erlang : sequence of float
        Offered loads [Erlang].
    traffic : mapping, optional
        Other :class:`TrafficModel` fields (``mean_holding_time_s``,
        ``holding_truncation``, ``rates_gbps``, ...).
    n_requests, warmup_requests, n_replications, level, seed
        As for :func:`simulate_blocking` (independent replications).

    Returns
    -------
    pandas.DataFrame
        One row per (policy, load): ``policy``, ``load_erlang``,
        ``blocking_probability``, ``blocking_probability_ci``,
        ``bandwidth_blocking_ratio``, ``bandwidth_blocking_ratio_ci``, ``n_requests``
        (``_ci`` columns are confidence half-widths at ``level``).
    """
    rows = []
    for label, options in policies.items():
        rmsa = RMSA(graph, options)
        for load in loads_erlang:
            res = simulate_blocking(
                rmsa,
                TrafficModel(load_erlang=float(load), **dict(traffic or {})),
                n_requests=n_requests,
                warmup_requests=warmup_requests,
                n_replications=n_replications,
                level=level,
                seed=seed,
            )
            rows.append(
                {
                    "policy": label,
                    "load_erlang": float(load),
                    "blocking_probability": res.blocking_probability,
                    "blocking_probability_ci": res.blocking_probability_ci,
                    "bandwidth_blocking_ratio": res.bandwidth_blocking_ratio,
                    "bandwidth_blocking_ratio_ci": res.bandwidth_blocking_ratio_ci,
                    "n_requests": res.n_requests,
                }
            )
    return pd.DataFrame(rows)
