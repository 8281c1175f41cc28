"""Heuristic baseline controllers.

Packet-network baselines (capacity reserved on the :class:`~netsim.Network`'s links):

================== ================================================================
``shortest_delay`` least-delay path over links that are up, then admission: the path
                   must have the capacity free and meet the latency bound (no
                   constraint-aware routing)
``min_hop``        fewest-hop path over links that are up (ties: less delay), then
                   the same admission checks
``widest_shortest`` among the fewest-hop paths with the capacity free, the widest
                   (largest bottleneck free capacity); then the latency check
                   (Guerin, Orda, Williams, IEEE GLOBECOM 1997)
``cspf``           constrained shortest path first (:mod:`netsim.control.cspf`)
================== ================================================================

Optical RMSA baselines over :class:`netsim.optical.rmsa.RMSA` (the spectrum is the
resource; the path's links need not exist in the Network):

================== ================================================================
``ksp_ff``         k shortest paths in the RMSA's order (km or hops), the first with a
                   first-fit slot block (DeepRMSA's KSP-FF benchmark)
``ksp_bf``         same paths, the first with a fitting block, placed best-fit
                   (smallest fitting free block; XLRON ``best_fit``)
================== ================================================================
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from netsim.control.controller import Controller, register_controller
from netsim.control.cspf import (
    CAPACITY_TOL_BPS,
    CSPF,
    blocked_reason,
    capacity_mask,
    dijkstra_path,
    widest_shortest_path,
)
from netsim.control.request import Allocation, Request
from netsim.errors import ParameterError

if TYPE_CHECKING:  # pragma: no cover
    from netsim.control.view import NetworkView

__all__ = [
    "ShortestDelay",
    "MinHop",
    "WidestShortest",
    "CSPF",
    "KspFirstFit",
    "KspBestFit",
    "FIBRE_DELAY_S_PER_KM",
]

FIBRE_DELAY_S_PER_KM = 1.468 / 299_792.458
"""Propagation delay of standard single-mode fibre (s/km): group index 1.468 (ITU-T
G.652 fibre at 1550 nm, as commonly quoted; about 4.9 us/km) over c = 299 792.458 km/s."""


def _admit(request: Request, view: NetworkView, path: list | None) -> Allocation:
    """Admission checks on a path chosen without the constraints."""
    if path is None:
        return Allocation.reject(request, "no_path")
    if view.path_free_bps(path) + CAPACITY_TOL_BPS < request.capacity_bps:
        return Allocation.reject(request, "capacity")
    delay = view.path_delay_s(path)
    if delay > request.latency_bound_s:
        return Allocation.reject(request, "latency", best_delay_s=delay)
    return Allocation.accept(request, path, delay)


class ShortestDelay(Controller):
    """Least propagation delay over links that are up, then admission checks."""

    name = "shortest_delay"

    def decide(self, request: Request, view: NetworkView) -> Allocation:
        """See the module docstring."""
        return _admit(request, view,
                      dijkstra_path(view, request.src, request.dst, np.asarray(view.up)))


class MinHop(Controller):
    """Fewest hops over links that are up (ties: less delay), then admission checks.

    Link weight ``1 + d / (sum of all delays + 1 s)``: the fractional parts of a path sum
    to less than 1, so paths compare by hops first, then by delay.
    """

    name = "min_hop"

    def decide(self, request: Request, view: NetworkView) -> Allocation:
        """See the module docstring."""
        d = np.asarray(view.delay_s)
        w = 1.0 + d / (d.sum() + 1.0)
        return _admit(request, view,
                      dijkstra_path(view, request.src, request.dst, np.asarray(view.up), w))


class WidestShortest(Controller):
    """Widest among the fewest-hop paths with the capacity free; then the latency check."""

    name = "widest_shortest"

    def decide(self, request: Request, view: NetworkView) -> Allocation:
        """See the module docstring."""
        path = widest_shortest_path(view, request.src, request.dst,
                                    capacity_mask(view, request.capacity_bps))
        if path is None:
            return Allocation.reject(request, blocked_reason(view, request))
        delay = view.path_delay_s(path)
        if delay > request.latency_bound_s:
            return Allocation.reject(request, "latency", best_delay_s=delay)
        return Allocation.accept(request, path, delay)


class _KspRmsa(Controller):
    """k-shortest-path RMSA adapter: tries the RMSA's candidate paths in order."""

    fit = "first_fit"

    def __init__(self, rmsa: Any = None) -> None:
        self.rmsa = rmsa

    def _rmsa(self, view: NetworkView) -> Any:
        rmsa = self.rmsa if self.rmsa is not None else view.rmsa
        if rmsa is None:
            raise ParameterError("rmsa", None, "an RMSA object (given or attached to the view)")
        return rmsa

    def _delay_s(self, view: NetworkView, nodes: tuple, length_km: float) -> float:
        try:
            return view.path_delay_s(list(nodes))
        except ParameterError:  # optical hops that are not links of the Network
            return length_km * FIBRE_DELAY_S_PER_KM

    def decide(self, request: Request, view: NetworkView) -> Allocation:
        """First candidate path (in the RMSA's order) within the latency bound with a
        fitting block; ``rate_gbps = capacity_bps / 1e9``. Rejections: ``"reach"`` when
        every candidate is beyond every format's reach, ``"latency"`` when every
        reachable one is over the bound, else ``"spectrum"``."""
        rmsa = self._rmsa(view)
        rate_gbps = request.capacity_bps / 1e9
        cands = rmsa.candidates(request.src, request.dst)
        need = rmsa.slots_needed(request.src, request.dst, rate_gbps)
        reachable = in_bound = False
        for i, cp in enumerate(cands):
            if need[i] == 0:
                continue
            reachable = True
            delay = self._delay_s(view, cp.nodes, cp.length_km)
            if delay > request.latency_bound_s:
                continue
            in_bound = True
            lp = rmsa.allocate_path(request.src, request.dst, rate_gbps, i, fit=self.fit)
            if lp is not None:
                spec = {"path_index": i, "first_slot": lp.first_slot, "n_slots": lp.n_slots,
                        "modulation": lp.modulation, "length_km": cp.length_km,
                        "lightpath": lp}
                return Allocation.accept(request, list(cp.nodes), delay, spectrum=spec)
        if not reachable:
            return Allocation.reject(request, "reach")
        return Allocation.reject(request, "spectrum" if in_bound else "latency")

    def on_departure(self, allocation: Allocation, view: NetworkView) -> None:
        """Release the lightpath's spectrum."""
        spec = allocation.spectrum
        if spec is not None and spec["lightpath"].active:
            self._rmsa(view).release(spec["lightpath"])

    def on_link_change(self, link, view: NetworkView) -> list[Allocation]:
        """Optical lightpaths are not rerouted by these baselines (returns [])."""
        return []

    def reset(self) -> None:
        """Free all spectrum of the RMSA given at construction."""
        if self.rmsa is not None:
            self.rmsa.reset()


class KspFirstFit(_KspRmsa):
    """KSP-FF over an :class:`~netsim.optical.rmsa.RMSA` (``rmsa``, or ``view.rmsa``).

    Examples
    --------
    >>> import netsim as ns
    >>> from netsim.control import NetworkView, Request
    >>> from netsim.optical.rmsa import RMSA
    >>> from netsim.optical.topology import load_topology
    >>> rmsa = RMSA(load_topology("nsfnet"))
    >>> view = NetworkView(ns.Network(ns.Simulation(seed=1)), rmsa=rmsa)
    >>> a = KspFirstFit().decide(Request(1, 1, 2, capacity_bps=100e9), view)
    >>> a.spectrum["modulation"], a.spectrum["first_slot"], a.spectrum["n_slots"]
    ('8QAM', 0, 4)
    """

    name = "ksp_ff"
    fit = "first_fit"


class KspBestFit(_KspRmsa):
    """KSP best-fit over an :class:`~netsim.optical.rmsa.RMSA` (``rmsa``, or ``view.rmsa``)."""

    name = "ksp_bf"
    fit = "best_fit"


for _cls in (ShortestDelay, MinHop, WidestShortest, KspFirstFit, KspBestFit):
    register_controller(_cls.name, _cls)
