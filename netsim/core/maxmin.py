"""Max-min fair rate allocation (numba kernels).

The allocation is the one progressive filling reaches (Bertsekas & Gallager, *Data
Networks*, 2nd ed., 6.5.2): raise all rates together, freeze the flows of each link as it
saturates. It is computed bottleneck by bottleneck with a heap of link fair shares
``remaining capacity / unfrozen flows``: the smallest share is the next bottleneck, its
flows are frozen at that share and the links they cross are updated. Cost
O(nnz log nnz) for nnz (flow, link) pairs, instead of O(links) per filling level.
"""

from __future__ import annotations

import heapq

import numba as nb
import numpy as np

__all__ = ["maxmin_rates", "advance_and_allocate"]


@nb.njit(cache=True)
def _allocate(cap_bps, paths, plen, active, rates):
    """Max-min fair rates of the active rows of ``paths`` (padded link indices)."""
    n_links = cap_bps.shape[0]
    n_slots = paths.shape[0]
    rem = cap_bps.copy()
    cnt = np.zeros(n_links, np.int64)
    for f in range(n_slots):
        if active[f]:
            for j in range(plen[f]):
                cnt[paths[f, j]] += 1
    # link -> flows incidence (CSR)
    ptr = np.zeros(n_links + 1, np.int64)
    for l in range(n_links):
        ptr[l + 1] = ptr[l] + cnt[l]
    fill = ptr[:-1].copy()
    idx = np.empty(ptr[n_links], np.int64)
    for f in range(n_slots):
        if active[f]:
            for j in range(plen[f]):
                l = paths[f, j]
                idx[fill[l]] = f
                fill[l] += 1
    ver = np.zeros(n_links, np.int64)
    heap = [(0.0, 0, 0)]
    heap.pop()
    for l in range(n_links):
        if cnt[l] > 0:
            heap.append((max(rem[l], 0.0) / cnt[l], 0, l))
    heapq.heapify(heap)
    frozen = np.zeros(n_slots, np.bool_)
    while heap:
        share, v, l = heapq.heappop(heap)
        if v != ver[l] or cnt[l] == 0:
            continue  # stale entry
        for k in range(ptr[l], ptr[l + 1]):
            f = idx[k]
            if frozen[f]:
                continue
            frozen[f] = True
            rates[f] = share
            for j in range(plen[f]):
                l2 = paths[f, j]
                rem[l2] -= share
                cnt[l2] -= 1
                ver[l2] += 1
                if cnt[l2] > 0 and l2 != l:
                    heapq.heappush(heap, (max(rem[l2], 0.0) / cnt[l2], ver[l2], l2))
    for f in range(n_slots):
        if not active[f]:
            rates[f] = 0.0


@nb.njit(cache=True)
def advance_and_allocate(dt_s, cap_bps, paths, plen, active, rem_bits, rates, tol_bits,
                         time_eps_s, finished):
    """Advance active flows by ``dt_s`` at their current rates, retire those done, and
    re-allocate max-min fair rates.

    A flow is done when at most ``tol_bits`` remain or it would finish within
    ``time_eps_s`` (a few ulps of the clock: below that, time cannot advance).

    Writes the slots of finished flows into ``finished`` and returns ``(n_finished,
    next_dt_s, next_slot)``: the time until the next completion at the new rates (inf if
    none) and its slot.
    """
    n = 0
    for f in range(paths.shape[0]):
        if active[f]:
            rem_bits[f] -= rates[f] * dt_s
            if rem_bits[f] <= tol_bits[f] or rem_bits[f] <= rates[f] * time_eps_s:
                rem_bits[f] = 0.0
                active[f] = False
                finished[n] = f
                n += 1
    _allocate(cap_bps, paths, plen, active, rates)
    best = np.inf
    slot = -1
    for f in range(paths.shape[0]):
        if active[f] and rates[f] > 0.0:
            t = rem_bits[f] / rates[f]
            if t < best:
                best = t
                slot = f
    return n, best, slot


def maxmin_rates(cap_bps, flow_links) -> np.ndarray:
    """Max-min fair rates (bit/s) of flows over links.

    Parameters
    ----------
    cap_bps : array_like, shape (L,)
        Link capacities (bit/s).
    flow_links : sequence of sequences of int
        For each flow, the indices of the links it crosses.

    Examples
    --------
    Two links of 1 and 2 bit/s; flow 0 crosses both, flow 1 the first, flow 2 the
    second:

    >>> maxmin_rates([1.0, 2.0], [[0, 1], [0], [1]]).tolist()
    [0.5, 0.5, 1.5]
    """
    cap = np.asarray(cap_bps, dtype=np.float64)
    n = len(flow_links)
    hops = max((len(p) for p in flow_links), default=1)
    paths = np.zeros((n, max(hops, 1)), np.int64)
    plen = np.zeros(n, np.int64)
    for i, p in enumerate(flow_links):
        paths[i, : len(p)] = p
        plen[i] = len(p)
    rates = np.zeros(n)
    _allocate(cap, paths, plen, plen > 0, rates)
    rates[plen == 0] = np.inf
    return rates
