"""RMSA environment core: one request decided and the network state updated per step.

:class:`RmsaEnvCore` turns an :class:`netsim.optical.rmsa.RMSA` (topology, candidate paths,
modulation reach, slot grid: every DeepRMSA option named there) and a
:class:`netsim.optical.dynamic.TrafficModel` (load, holding time, truncation, rates) into
a sequential decision problem:

* the request stream of an episode is drawn exactly as
  :func:`netsim.optical.dynamic.run_replication` draws it (same generator calls in the
  same order), so the same seed gives the same requests: heuristics measured with
  :mod:`netsim.optical.dynamic` and policies measured here see common random numbers;
* before request ``i`` is decided, every lightpath whose departure time is ``<=`` its
  arrival time is released (ties in departure order by request index, as there);
* an action is a candidate path and a spectrum fit (:mod:`netsim.control.rl.kernels`);
  an action that has no free block blocks the request (Optical RL-Gym convention).

:func:`run_linear_episode` runs a whole episode under a linear scoring policy in one
compiled call (training and evaluation); :meth:`RmsaEnvCore.step` takes one step from
Python (Gymnasium wrappers, external agents).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numba
import numpy as np

from netsim.errors import ParameterError
from netsim.optical.dynamic import TrafficModel, draw_holding_times
from netsim.optical.rmsa import RMSA
from netsim.optical.spectrum import FIT_POLICIES

from .kernels import N_FEATURES, action_features, commit, release_until

__all__ = ["RequestStream", "draw_requests", "RmsaEnvCore", "run_linear_episode"]


@dataclass(frozen=True)
class RequestStream:
    """Requests of one episode (arrays of length ``n``, node indices into the RMSA graph).

    Attributes
    ----------
    src, dst : numpy.ndarray
        int64 node indices (order of ``rmsa.graph.nodes()``).
    rate_gbps : numpy.ndarray
        float64 requested rates [Gb/s].
    arrival_s, departure_s : numpy.ndarray
        float64 arrival and departure times [s].
    """

    src: np.ndarray
    dst: np.ndarray
    rate_gbps: np.ndarray
    arrival_s: np.ndarray
    departure_s: np.ndarray

    def __len__(self) -> int:
        return int(self.src.shape[0])


def draw_requests(
    traffic: TrafficModel, n_nodes: int, n: int, rng: np.random.Generator
) -> RequestStream:
    """Draw ``n`` requests in the order of :func:`netsim.optical.dynamic.run_replication`.

    Source uniform over nodes, destination uniform over the other nodes (uniform over
    ordered pairs), rate from ``traffic.rates_gbps``, exponential inter-arrival times of
    mean ``1 / traffic.arrival_rate_per_s`` and (optionally truncated) exponential
    holding times.
    """
    if traffic.pair_weights is not None:
        raise ParameterError(
            "traffic.pair_weights", "set", "None (the RL core draws uniform node pairs)"
        )
    if int(n) != n or n < 1:
        raise ParameterError("n", n, "an integer >= 1")
    src = rng.integers(0, n_nodes, n)
    dst = rng.integers(0, n_nodes - 1, n)
    dst += dst >= src
    rates = np.asarray(traffic.rates_gbps, dtype=float)
    rate = rng.choice(rates, n, p=traffic.rate_probabilities)
    inter = rng.exponential(1.0 / traffic.arrival_rate_per_s, n)
    hold = draw_holding_times(rng, n, traffic.mean_holding_time_s, traffic.holding_truncation)
    arrival = np.cumsum(inter)
    return RequestStream(
        src.astype(np.int64), dst.astype(np.int64), rate.astype(np.float64), arrival,
        arrival + hold,
    )


@numba.njit(cache=True)
def _run_linear(
    occ, conn, free_ids, heap_t, heap_key, heap_row, counters,
    pair_fib, pair_hops, pair_bits, pair_len, pair_k, n_nodes,
    src, dst, rate, arrival, departure, width, guard, fits, weights,
    blocked, chosen,
):  # pragma: no cover - compiled
    n_fits = fits.shape[0]
    k_max = pair_fib.shape[1]
    n_act = k_max * n_fits
    feats = np.zeros((n_act, weights.shape[0]), dtype=np.float64)
    valid = np.zeros(n_act, dtype=np.bool_)
    starts = np.zeros(n_act, dtype=np.int64)
    nreq = np.zeros(n_act, dtype=np.int64)
    for i in range(src.shape[0]):
        release_until(occ, conn, free_ids, heap_t, heap_key, heap_row, counters, arrival[i])
        pr = src[i] * n_nodes + dst[i]
        action_features(
            occ, pair_fib[pr], pair_hops[pr], pair_bits[pr], pair_len[pr], pair_k[pr],
            rate[i], width, guard, fits, feats, valid, starts, nreq,
        )
        best = -1
        best_score = 0.0
        for a in range(n_act):
            if not valid[a]:
                continue
            sc = 0.0
            for j in range(weights.shape[0]):
                sc += feats[a, j] * weights[j]
            if best < 0 or sc > best_score:
                best = a
                best_score = sc
        chosen[i] = best
        if best < 0:
            blocked[i] = True
            continue
        p = best // n_fits
        commit(
            occ, conn, free_ids, heap_t, heap_key, heap_row, counters,
            pair_fib[pr, p], pair_hops[pr, p], starts[best], nreq[best], departure[i], i,
        )


@numba.njit(cache=True)
def _observe(
    occ, conn, free_ids, heap_t, heap_key, heap_row, counters,
    pair_fib, pair_hops, pair_bits, pair_len, pair_k, n_nodes,
    s, d, r, t, width, guard, fits, feats, valid, starts, nreq,
):  # pragma: no cover - compiled
    release_until(occ, conn, free_ids, heap_t, heap_key, heap_row, counters, t)
    pr = s * n_nodes + d
    action_features(
        occ, pair_fib[pr], pair_hops[pr], pair_bits[pr], pair_len[pr], pair_k[pr],
        r, width, guard, fits, feats, valid, starts, nreq,
    )


@numba.njit(cache=True)
def _step(
    occ, conn, free_ids, heap_t, heap_key, heap_row, counters,
    pair_fib, pair_hops, pair_bits, pair_len, pair_k, n_nodes,
    src, dst, rate, arrival, departure, i, action, width, guard, fits, feats, valid,
    starts, nreq,
):  # pragma: no cover - compiled
    """Decide request ``i`` with ``action``, then observe request ``i + 1`` (if any)."""
    admitted = valid[action]
    if admitted:
        pr = src[i] * n_nodes + dst[i]
        p = action // fits.shape[0]
        commit(
            occ, conn, free_ids, heap_t, heap_key, heap_row, counters,
            pair_fib[pr, p], pair_hops[pr, p], starts[action], nreq[action], departure[i], i,
        )
    j = i + 1
    if j < src.shape[0]:
        _observe(
            occ, conn, free_ids, heap_t, heap_key, heap_row, counters,
            pair_fib, pair_hops, pair_bits, pair_len, pair_k, n_nodes,
            src[j], dst[j], rate[j], arrival[j], width, guard, fits, feats, valid, starts,
            nreq,
        )
    return admitted


class RmsaEnvCore:
    """Sequential RMSA decisions on an :class:`~netsim.optical.rmsa.RMSA` network.

    Parameters
    ----------
    rmsa : RMSA
        Topology, candidate paths (``k_paths``, ``path_order``), fibres
        (``directed_fibres``), grid and reach table. Only transparent allocation (no
        conversion or regeneration). Its own occupancy is not used.
    traffic : TrafficModel
        Load, holding time (``holding_truncation``), rates; uniform node pairs.
    fits : sequence of str
        Spectrum fits offered per path (``"first_fit"``, ``"best_fit"``, ``"last_fit"``).
    episode_requests : int
        Requests per episode (warm-up included: the caller decides what to measure).

    Examples
    --------
    >>> from netsim.optical.topology import load_topology
    >>> from netsim.optical.rmsa import RMSA, RmsaOptions
    >>> core = RmsaEnvCore(RMSA(load_topology("nsfnet"), RmsaOptions()),
    ...                    TrafficModel(250.0, 25.0, holding_truncation=2.0),
    ...                    episode_requests=100)
    >>> core.reset(seed=1)
    >>> core.n_actions, core.features.shape
    (10, (10, 15))
    >>> admitted, done = core.step(int(np.flatnonzero(core.valid)[0]))
    >>> admitted, done, core.index
    (True, False, 1)
    """

    def __init__(
        self,
        rmsa: RMSA,
        traffic: TrafficModel,
        *,
        fits: Sequence[str] = ("first_fit", "best_fit"),
        episode_requests: int = 10_000,
    ) -> None:
        if rmsa.options.wavelength_conversion or rmsa.options.regeneration:
            raise ParameterError(
                "rmsa.options", "conversion/regeneration", "transparent allocation only"
            )
        if len(fits) == 0 or any(f not in FIT_POLICIES for f in fits):
            raise ParameterError("fits", fits, f"a non-empty list from {sorted(FIT_POLICIES)}")
        if int(episode_requests) != episode_requests or episode_requests < 1:
            raise ParameterError("episode_requests", episode_requests, "an integer >= 1")
        self.rmsa = rmsa
        self.traffic = traffic
        self.fit_names = tuple(fits)
        self.fits = np.array([FIT_POLICIES[f] for f in fits], dtype=np.int64)
        self.episode_requests = int(episode_requests)
        self.nodes = list(rmsa.graph.nodes())
        n = len(self.nodes)
        k = rmsa.options.k_paths
        max_h = 1
        arrays = {}
        pairs = [(s, d) for s in self.nodes for d in self.nodes if s != d]
        for s, d in pairs:
            fib, hops, bits = rmsa.candidate_arrays(s, d)
            arrays[(s, d)] = (fib, hops, bits, [c.length_km for c in rmsa.candidates(s, d)])
            max_h = max(max_h, fib.shape[1])
        idx = {v: i for i, v in enumerate(self.nodes)}
        self.pair_fib = np.full((n * n, k, max_h), -1, dtype=np.int32)
        self.pair_hops = np.zeros((n * n, k), dtype=np.int32)
        self.pair_bits = np.zeros((n * n, k), dtype=np.float64)
        self.pair_len = np.zeros((n * n, k), dtype=np.float64)
        self.pair_k = np.zeros(n * n, dtype=np.int64)
        for (s, d), (fib, hops, bits, lens) in arrays.items():
            pr = idx[s] * n + idx[d]
            kk = fib.shape[0]
            self.pair_fib[pr, :kk, : fib.shape[1]] = fib
            self.pair_hops[pr, :kk] = hops
            self.pair_bits[pr, :kk] = bits
            self.pair_len[pr, :kk] = lens
            self.pair_k[pr] = kk
        self.k_paths = k
        self.n_actions = k * len(self.fits)
        self.width = float(rmsa.options.slot_width_ghz)
        self.guard = int(rmsa.options.guard_slots)
        self.max_hops = max_h
        self.occ = np.zeros((rmsa.n_fibres, rmsa.options.n_slots), dtype=np.bool_)
        self.features = np.zeros((self.n_actions, N_FEATURES), dtype=np.float64)
        self.valid = np.zeros(self.n_actions, dtype=np.bool_)
        self._starts = np.zeros(self.n_actions, dtype=np.int64)
        self._nreq = np.zeros(self.n_actions, dtype=np.int64)
        self.requests: RequestStream | None = None
        self.index = 0
        self.blocked = 0
        self._alloc_state(self.episode_requests)

    def _alloc_state(self, capacity: int) -> None:
        self.conn = np.zeros((capacity, 3 + self.max_hops), dtype=np.int64)
        self.free_ids = np.arange(capacity - 1, -1, -1, dtype=np.int64)
        self.heap_t = np.zeros(capacity, dtype=np.float64)
        self.heap_key = np.zeros(capacity, dtype=np.int64)
        self.heap_row = np.zeros(capacity, dtype=np.int64)
        self.counters = np.array([capacity, 0], dtype=np.int64)

    def _state(self) -> tuple:
        return (
            self.occ, self.conn, self.free_ids, self.heap_t, self.heap_key, self.heap_row,
            self.counters, self.pair_fib, self.pair_hops, self.pair_bits, self.pair_len,
            self.pair_k, len(self.nodes),
        )

    def _clear(self, capacity: int) -> None:
        self.occ[:] = False
        if self.conn.shape[0] < capacity:
            self._alloc_state(capacity)
        else:
            cap = self.conn.shape[0]
            self.free_ids[:] = np.arange(cap - 1, -1, -1)
            self.counters[:] = (cap, 0)

    def describe(self) -> dict:
        """JSON-serialisable set-up: RMSA options and traffic (load excluded)."""
        o = self.rmsa.options
        t = self.traffic
        return {
            "topology": self.rmsa.graph.graph.get("name", "custom"),
            "n_nodes": len(self.nodes),
            "n_fibres": self.rmsa.n_fibres,
            "n_slots": o.n_slots,
            "slot_width_ghz": o.slot_width_ghz,
            "guard_slots": o.guard_slots,
            "k_paths": o.k_paths,
            "path_order": o.path_order,
            "directed_fibres": o.directed_fibres,
            "fits": list(self.fit_names),
            "mean_holding_time_s": t.mean_holding_time_s,
            "holding_truncation": t.holding_truncation,
            "rates_gbps": [float(min(t.rates_gbps)), float(max(t.rates_gbps))],
        }

    # ------------------------------------------------------------------ stepping API
    def reset(
        self, seed: int | np.random.SeedSequence | None = None,
        requests: RequestStream | None = None,
    ) -> None:
        """Empty the network, draw the episode's requests and observe the first one."""
        if requests is None:
            requests = draw_requests(
                self.traffic, len(self.nodes), self.episode_requests,
                np.random.default_rng(seed),
            )
        self.requests = requests
        self._clear(len(requests))
        self._state_t = self._state()
        self.index = 0
        self.blocked = 0
        self._observe()

    def _observe(self) -> None:
        q, i = self.requests, self.index
        _observe(
            *self._state(), q.src[i], q.dst[i], q.rate_gbps[i], q.arrival_s[i],
            self.width, self.guard, self.fits, self.features, self.valid, self._starts,
            self._nreq,
        )

    @property
    def request(self) -> tuple[int, int, float]:
        """Current request: (source index, destination index, rate [Gb/s])."""
        q, i = self.requests, self.index
        return int(q.src[i]), int(q.dst[i]), float(q.rate_gbps[i])

    def step(self, action: int) -> tuple[bool, bool]:
        """Decide the current request with ``action`` and move to the next one.

        Returns
        -------
        (admitted, done) : tuple of bool
            ``admitted`` is False when the action has no free block (blocked request);
            ``done`` once the episode's last request is decided.
        """
        if self.requests is None:
            raise ParameterError("reset", "not called", "reset() before step()")
        if not 0 <= action < self.n_actions:
            raise ParameterError("action", action, f"0 .. {self.n_actions - 1}")
        q = self.requests
        if self.index >= len(q):
            raise ParameterError("step", "after the episode's last request", "reset() first")
        admitted = bool(_step(
            *self._state_t, q.src, q.dst, q.rate_gbps, q.arrival_s, q.departure_s,
            self.index, int(action), self.width, self.guard, self.fits, self.features,
            self.valid, self._starts, self._nreq,
        ))
        if not admitted:
            self.blocked += 1
        self.index += 1
        done = self.index >= len(q)
        return admitted, done

    # ------------------------------------------------------------------ whole episodes
    def run_linear(self, weights: np.ndarray, requests: RequestStream) -> np.ndarray:
        """Run ``requests`` from an empty network under a linear scoring policy.

        Each request takes the valid action with the highest ``features @ weights``
        (ties: lowest action index); blocked only when no action is valid.

        Returns
        -------
        numpy.ndarray
            bool ``(len(requests),)``, True where the request was blocked.
        """
        w = np.ascontiguousarray(weights, dtype=np.float64)
        if w.shape != (N_FEATURES,):
            raise ParameterError("weights", w.shape, f"shape ({N_FEATURES},)")
        self._clear(len(requests))
        self.requests = None
        blocked = np.zeros(len(requests), dtype=np.bool_)
        chosen = np.zeros(len(requests), dtype=np.int64)
        _run_linear(
            *self._state(), requests.src, requests.dst, requests.rate_gbps,
            requests.arrival_s, requests.departure_s, self.width, self.guard, self.fits, w,
            blocked, chosen,
        )
        self.last_actions = chosen
        return blocked


def run_linear_episode(
    core: RmsaEnvCore, weights: np.ndarray, seed: int | np.random.SeedSequence,
    n_requests: int, warmup_requests: int,
) -> tuple[int, int]:
    """Blocked and measured requests of one episode (warm-up discarded).

    The request stream is :func:`draw_requests` with ``default_rng(seed)``, i.e. the one
    :func:`netsim.optical.dynamic.run_replication` draws for that generator.
    """
    total = n_requests + warmup_requests
    q = draw_requests(core.traffic, len(core.nodes), total, np.random.default_rng(seed))
    b = core.run_linear(weights, q)
    return int(b[warmup_requests:].sum()), int(n_requests)
