"""Gymnasium environments for the path-allocation decisions (optional extra: ``gymnasium``).

* :class:`RmsaGymEnv`: dynamic RMSA on an :class:`netsim.optical.rmsa.RMSA` network (the
  NSFNET DeepRMSA set-up by default); one step decides one request with a (candidate
  path x spectrum fit) action; the observation is the feature matrix of
  :mod:`netsim.control.rl.kernels` and the validity mask, flattened.
* :class:`PathAllocationGymEnv`: capacity-and-latency path allocation over a core
  :class:`netsim.Network` (any segments): requests with a capacity and a latency bound
  arrive (Poisson, exponential holding); the action picks one of ``k`` precomputed
  candidate paths (least delay first) or rejects.

Both expose ``action_masks()`` (the convention of sb3-contrib's ``MaskablePPO``) and put
the mask in ``info["action_mask"]``. Episodes end by truncation after a fixed number of
requests (the underlying processes have no terminal state).

gymnasium is imported when this module is imported; install the extra with
``pip install netsim[gym]``.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence
from itertools import islice
from typing import Any

import gymnasium as gym
import networkx as nx
import numpy as np
from gymnasium import spaces

from netsim.errors import ParameterError
from netsim.optical.dynamic import TrafficModel, draw_holding_times
from netsim.optical.rmsa import RMSA, RmsaOptions
from netsim.optical.topology import load_topology

from .env_core import RmsaEnvCore, draw_requests
from .kernels import N_FEATURES

__all__ = ["RmsaGymEnv", "PathAllocationGymEnv"]


class RmsaGymEnv(gym.Env):
    """Dynamic RMSA as a Gymnasium environment.

    Parameters
    ----------
    rmsa : RMSA, optional
        Network set-up; default: NSFNET with DeepRMSA options
        (:class:`~netsim.optical.rmsa.RmsaOptions` defaults).
    traffic : TrafficModel, optional
        Default: 250 Erlang, mean holding 25, truncated at 2x mean (DeepRMSA's code).
    fits : sequence of str
        Spectrum fits per path; action ``p * len(fits) + f``.
    episode_requests : int
        Requests per episode.
    blocked_reward : float
        Reward of a blocked request (admitted: +1; DeepRMSA uses +1 / -1).

    Notes
    -----
    Observation: float32 ``(n_actions * (N_FEATURES + 1),)``: the feature rows of every
    action (zeros for invalid ones) then the validity mask. An action without a free
    block blocks the request.
    """

    metadata = {"render_modes": []}

    def __init__(
        self,
        rmsa: RMSA | None = None,
        traffic: TrafficModel | None = None,
        fits: Sequence[str] = ("first_fit", "best_fit"),
        episode_requests: int = 1000,
        blocked_reward: float = -1.0,
    ) -> None:
        rmsa = rmsa or RMSA(load_topology("nsfnet"), RmsaOptions())
        traffic = traffic or TrafficModel(250.0, 25.0, holding_truncation=2.0)
        self.core = RmsaEnvCore(rmsa, traffic, fits=fits, episode_requests=episode_requests)
        self.blocked_reward = float(blocked_reward)
        n = self.core.n_actions
        self.action_space = spaces.Discrete(n)
        self.observation_space = spaces.Box(
            -np.inf, np.inf, shape=(n * (N_FEATURES + 1),), dtype=np.float32
        )

    def _obs(self) -> np.ndarray:
        c = self.core
        return np.concatenate([c.features.ravel(), c.valid]).astype(np.float32)

    def _info(self) -> dict[str, Any]:
        s, d, r = self.core.request
        return {"action_mask": self.core.valid.copy(), "src": s, "dst": d, "rate_gbps": r,
                "blocked": self.core.blocked}

    def action_masks(self) -> np.ndarray:
        """Bool mask of the actions that have a free block."""
        return self.core.valid.copy()

    def reset(self, *, seed: int | None = None, options: dict | None = None):
        super().reset(seed=seed)
        c = self.core
        c.reset(requests=draw_requests(c.traffic, len(c.nodes), c.episode_requests,
                                       self.np_random))
        return self._obs(), self._info()

    def step(self, action):
        admitted, done = self.core.step(int(action))
        reward = 1.0 if admitted else self.blocked_reward
        if done:
            info = {"action_mask": np.zeros(self.core.n_actions, dtype=bool),
                    "blocked": self.core.blocked}
            obs = np.zeros(self.observation_space.shape, dtype=np.float32)
        else:
            obs, info = self._obs(), self._info()
        info["admitted"] = admitted
        return obs, reward, False, done, info


class PathAllocationGymEnv(gym.Env):
    """Capacity and latency-bound path allocation over a :class:`netsim.Network`.

    Parameters
    ----------
    net : netsim.Network
        Topology; each link's ``rate_bps`` is its capacity, ``delay_s`` its delay (links
        that are down are not used). Read once at construction.
    k_paths : int
        Candidate paths per ordered node pair (least total delay first, Yen via
        ``networkx.shortest_simple_paths``).
    load_erlang : float
        Offered load (arrival rate x mean holding time).
    capacities_bps : sequence of float
        Request capacities, drawn uniformly.
    latency_bounds_s : sequence of float
        Request latency bounds, drawn uniformly.
    mean_holding_time_s : float
    episode_requests : int
    pairs : sequence of (src, dst), optional
        Ordered node pairs requests are drawn from (uniformly); default all pairs.

    Notes
    -----
    Action ``i < k``: candidate ``i``; action ``k``: reject. Reward: +1 admitted on a
    path that meets the latency bound and has the capacity free; 0 for a reject; -1 for
    choosing a path that is missing, full or over the bound (the request is lost).
    Observation float32 ``(k * 6 + 1,)``: per candidate ``[exists, delay / bound,
    hops / 10, bottleneck free / capacity, fits capacity, meets bound]`` (bottleneck
    ratio capped at 10 by definition of the feature) then ``capacity / largest link
    rate``.
    """

    metadata = {"render_modes": []}

    def __init__(
        self,
        net: Any,
        k_paths: int = 3,
        load_erlang: float = 10.0,
        capacities_bps: Sequence[float] = (1e9,),
        latency_bounds_s: Sequence[float] = (math.inf,),
        mean_holding_time_s: float = 1.0,
        episode_requests: int = 200,
        pairs: Sequence[tuple[Any, Any]] | None = None,
    ) -> None:
        if int(k_paths) != k_paths or k_paths < 1:
            raise ParameterError("k_paths", k_paths, "an integer >= 1")
        if not load_erlang > 0 or not mean_holding_time_s > 0:
            raise ParameterError("load_erlang/mean_holding_time_s",
                                 (load_erlang, mean_holding_time_s), "> 0")
        if len(capacities_bps) == 0 or any(not c > 0 for c in capacities_bps):
            raise ParameterError("capacities_bps", capacities_bps, "a non-empty list of > 0")
        if len(latency_bounds_s) == 0 or any(not b > 0 for b in latency_bounds_s):
            raise ParameterError("latency_bounds_s", latency_bounds_s,
                                 "a non-empty list of > 0")
        g = nx.DiGraph()
        self._link_rate: list[float] = []
        index: dict[tuple[Any, Any], int] = {}
        for lk in net.links:
            if not lk.up:
                continue
            index[(lk.src, lk.dst)] = len(self._link_rate)
            self._link_rate.append(float(lk.rate_bps))
            g.add_edge(lk.src, lk.dst, delay_s=float(lk.delay_s))
        self.k = int(k_paths)
        nodes = list(net.graph.nodes())
        self.pairs = list(pairs) if pairs is not None else [
            (s, d) for s in nodes for d in nodes if s != d]
        if not self.pairs:
            raise ParameterError("pairs", pairs, "at least one ordered node pair")
        self._paths: dict[tuple[Any, Any], list[tuple[list, np.ndarray, float]]] = {}
        for s, d in self.pairs:
            cands = []
            if s in g and d in g and nx.has_path(g, s, d):
                for p in islice(nx.shortest_simple_paths(g, s, d, weight="delay_s"), self.k):
                    links = np.array([index[(a, b)] for a, b in zip(p[:-1], p[1:])])
                    delay = float(sum(g.edges[a, b]["delay_s"] for a, b in zip(p[:-1], p[1:])))
                    cands.append((p, links, delay))
            self._paths[(s, d)] = cands
        self.rate = np.array(self._link_rate)
        self.free = self.rate.copy()
        self.load_erlang = float(load_erlang)
        self.mean_holding_time_s = float(mean_holding_time_s)
        self.capacities = np.asarray(capacities_bps, dtype=float)
        self.bounds = np.asarray(latency_bounds_s, dtype=float)
        self.episode_requests = int(episode_requests)
        self.action_space = spaces.Discrete(self.k + 1)
        self.observation_space = spaces.Box(0.0, np.inf, shape=(self.k * 6 + 1,),
                                            dtype=np.float32)
        self._max_rate = float(self.rate.max()) if self.rate.size else 1.0

    # ------------------------------------------------------------------ internals
    def _draw(self) -> None:
        rng = self.np_random
        n = self.episode_requests
        self._pair = rng.integers(0, len(self.pairs), n)
        self._cap = rng.choice(self.capacities, n)
        self._bound = rng.choice(self.bounds, n)
        inter = rng.exponential(self.mean_holding_time_s / self.load_erlang, n)
        self._arr = np.cumsum(inter)
        self._dep = self._arr + draw_holding_times(rng, n, self.mean_holding_time_s)

    def _advance(self) -> None:
        t = self._arr[self._i]
        while self._heap and self._heap[0][0] <= t:
            _, _, links, cap = heapq.heappop(self._heap)
            self.free[links] += cap

    def _features(self) -> tuple[np.ndarray, np.ndarray]:
        i = self._i
        cap, bound = self._cap[i], self._bound[i]
        obs = np.zeros(self.k * 6 + 1, dtype=np.float32)
        ok = np.zeros(self.k + 1, dtype=bool)
        ok[self.k] = True
        for j, (p, links, delay) in enumerate(self._paths[self.pairs[self._pair[i]]]):
            free = float(self.free[links].min())
            fits = free >= cap - 1e-9 * cap
            meets = delay <= bound
            obs[j * 6: j * 6 + 6] = (
                1.0, delay / bound if math.isfinite(bound) else 0.0, (len(p) - 1) / 10.0,
                min(free / cap, 10.0), float(fits), float(meets),
            )
            ok[j] = fits and meets
        obs[-1] = cap / self._max_rate
        return obs, ok

    def _obs_info(self) -> tuple[np.ndarray, dict]:
        obs, self._mask = self._features()
        i = self._i
        s, d = self.pairs[self._pair[i]]
        return obs, {"action_mask": self._mask.copy(), "src": s, "dst": d,
                     "capacity_bps": float(self._cap[i]),
                     "latency_bound_s": float(self._bound[i])}

    def action_masks(self) -> np.ndarray:
        """Bool mask: candidate paths with the capacity free within the bound, and reject."""
        return self._mask.copy()

    # ------------------------------------------------------------------ API
    def reset(self, *, seed: int | None = None, options: dict | None = None):
        super().reset(seed=seed)
        self.free = self.rate.copy()
        self._heap: list = []
        self._i = 0
        self._draw()
        self._advance()
        return self._obs_info()

    def step(self, action):
        a = int(action)
        if not 0 <= a <= self.k:
            raise ParameterError("action", a, f"0 .. {self.k}")
        i = self._i
        if a == self.k:
            reward = 0.0
        elif self._mask[a]:
            p, links, _ = self._paths[self.pairs[self._pair[i]]][a]
            self.free[links] -= self._cap[i]
            heapq.heappush(self._heap, (self._dep[i], i, links, self._cap[i]))
            reward = 1.0
        else:
            reward = -1.0
        self._i += 1
        done = self._i >= self.episode_requests
        if done:
            obs = np.zeros(self.observation_space.shape, dtype=np.float32)
            self._mask = np.zeros(self.k + 1, dtype=bool)
            info = {"action_mask": self._mask.copy()}
        else:
            self._advance()
            obs, info = self._obs_info()
        return obs, reward, False, done, info
