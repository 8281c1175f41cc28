"""The learned RMSA policy behind the shared :class:`netsim.control.Controller` interface.

:class:`LearnedRmsaController` (registry name ``"learned_rmsa"``) decides each request
from the spectrum of an :class:`netsim.optical.rmsa.RMSA` object (given, or
``view.rmsa``): it computes the features of every (candidate path x fit) action with the
same kernel the training used, drops actions over the request's latency bound, takes
the best-scoring one and sets its block aside with ``RMSA.allocate_path``; the block is
released in :meth:`~LearnedRmsaController.on_departure`.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from netsim.control.baselines import FIBRE_DELAY_S_PER_KM
from netsim.control.controller import Controller, register_controller
from netsim.control.request import Allocation, Request
from netsim.errors import ParameterError
from netsim.optical.spectrum import FIT_POLICIES

from .kernels import N_FEATURES, action_features
from .policy import LinearPolicy, load_policy

__all__ = ["DEFAULT_POLICY", "LearnedRmsaController"]

#: Name of the shipped NSFNET policy (``netsim/control/data/``).
DEFAULT_POLICY = "nsfnet_rmsa_cem"



class LearnedRmsaController(Controller):
    """Learned (cross-entropy-method trained) RMSA controller.

    Parameters
    ----------
    policy : str or LinearPolicy
        Shipped policy name, file path (``NAME.npz`` + ``NAME.json``) or a policy.
    rmsa : netsim.optical.rmsa.RMSA, optional
        Spectrum state; default ``view.rmsa`` at each decision. Its ``path_order`` and
        ``k_paths`` must be those the policy was trained on (the shipped NSFNET policy:
        ``"hops"``, 5), else :class:`~netsim.errors.ParameterError`.

    Examples
    --------
    >>> import netsim as ns
    >>> from netsim.control import NetworkView, Request
    >>> from netsim.optical.rmsa import RMSA, RmsaOptions
    >>> from netsim.optical.topology import load_topology
    >>> rmsa = RMSA(load_topology("nsfnet"), RmsaOptions(path_order="hops"))
    >>> view = NetworkView(ns.Network(ns.Simulation(seed=1)), rmsa=rmsa)
    >>> a = LearnedRmsaController().decide(Request(1, 1, 2, capacity_bps=100e9), view)
    >>> a.admitted, a.spectrum["modulation"], a.spectrum["n_slots"]
    (True, '8QAM', 4)
    """

    name = "learned_rmsa"

    def __init__(self, policy: str | LinearPolicy = DEFAULT_POLICY, rmsa: Any = None) -> None:
        self.policy = policy if isinstance(policy, LinearPolicy) else load_policy(policy)
        self.rmsa = rmsa
        self._fits = np.array([FIT_POLICIES[f] for f in self.policy.fits], dtype=np.int64)

    def _rmsa(self, view: Any) -> Any:
        rmsa = self.rmsa if self.rmsa is not None else getattr(view, "rmsa", None)
        if rmsa is None:
            raise ParameterError("rmsa", None, "an RMSA object (given or attached to the view)")
        setup = self.policy.metadata.get("setup", {})
        for key in ("path_order", "k_paths"):
            if key in setup and getattr(rmsa.options, key) != setup[key]:
                raise ParameterError(
                    f"rmsa.options.{key}", getattr(rmsa.options, key),
                    f"{setup[key]!r}, the candidate set the policy was trained on",
                    source=str(self.policy.metadata.get("name", "policy")),
                )
        return rmsa

    def decide(self, request: Request, view: Any) -> Allocation:
        """Best-scoring valid action within the latency bound; ``rate = capacity / 1e9``.

        Rejections: ``"reach"`` (every candidate beyond reach), ``"latency"`` (every
        reachable candidate over the bound), ``"spectrum"`` (no free block).
        """
        rmsa = self._rmsa(view)
        rate_gbps = request.capacity_bps / 1e9
        cands = rmsa.candidates(request.src, request.dst)
        fib, hops, bits = rmsa.candidate_arrays(request.src, request.dst)
        k = len(cands)
        lengths = np.array([c.length_km for c in cands], dtype=np.float64)
        n_f = self._fits.shape[0]
        k_max = max(k, rmsa.options.k_paths)
        feats = np.zeros((k_max * n_f, N_FEATURES))
        valid = np.zeros(k_max * n_f, dtype=np.bool_)
        starts = np.zeros(k_max * n_f, dtype=np.int64)
        nreq = np.zeros(k_max * n_f, dtype=np.int64)
        action_features(
            rmsa.occupancy, fib, hops, bits, lengths, k, float(rate_gbps),
            float(rmsa.options.slot_width_ghz), int(rmsa.options.guard_slots), self._fits,
            feats, valid, starts, nreq,
        )
        delays = lengths * FIBRE_DELAY_S_PER_KM
        in_bound = np.repeat(delays <= request.latency_bound_s, n_f)
        in_bound = np.concatenate([in_bound, np.zeros(valid.size - in_bound.size, bool)])
        a = self.policy.act(feats, valid & in_bound)
        if a < 0:
            if not np.any(bits > 0):
                return Allocation.reject(request, "reach")
            if not np.any((bits > 0) & (delays <= request.latency_bound_s)):
                return Allocation.reject(request, "latency")
            return Allocation.reject(request, "spectrum")
        p = a // n_f
        lp = rmsa.allocate_path(request.src, request.dst, rate_gbps, int(p),
                                first_slot=int(starts[a]))
        cp = cands[p]
        spec = {"path_index": int(p), "first_slot": lp.first_slot, "n_slots": lp.n_slots,
                "modulation": lp.modulation, "length_km": cp.length_km, "lightpath": lp,
                "fit": self.policy.fits[a % n_f]}
        return Allocation.accept(request, list(cp.nodes), float(delays[p]), spectrum=spec)

    def on_departure(self, allocation: Allocation, view: Any) -> None:
        """Release the lightpath's spectrum."""
        spec = allocation.spectrum
        if spec is not None and spec["lightpath"].active:
            self._rmsa(view).release(spec["lightpath"])

    def on_link_change(self, link: Any, view: Any) -> list[Allocation]:
        """Optical lightpaths are not rerouted by this controller (returns [])."""
        return []

    def reset(self) -> None:
        """Free all spectrum of the RMSA given at construction."""
        if self.rmsa is not None:
            self.rmsa.reset()


register_controller(LearnedRmsaController.name, LearnedRmsaController)
