"""Max-min fair rate allocation (numba kernels).

The allocation is the one progressive filling reaches (Bertsekas & Gallager, *Data
Networks*, 2nd ed., 6.5.2): raise all rates together, freeze the flows of each link as it
saturates. It is computed bottleneck by bottleneck with an indexed min-heap of link fair shares
``remaining capacity / unfrozen flows``: the smallest share is the next bottleneck, its
flows are frozen at that share and the links they cross are updated. Cost
O(nnz log L) for nnz (flow, link) pairs and L links, instead of O(L) per filling level.
"""

from __future__ import annotations

import numba as nb
import numpy as np

__all__ = ["maxmin_rates", "advance_and_allocate", "link_loads"]


@nb.njit(cache=True)
def _sift_down(heap, pos, key, i, size):
    """Restore the min-heap property below position ``i`` (indexed heap of links)."""
    while True:
        c = 2 * i + 1
        if c >= size:
            return
        if c + 1 < size and key[heap[c + 1]] < key[heap[c]]:
            c += 1
        if key[heap[c]] >= key[heap[i]]:
            return
        a = heap[i]
        b = heap[c]
        heap[i] = b
        heap[c] = a
        pos[b] = i
        pos[a] = c
        i = c


@nb.njit(cache=True)
def _allocate(cap_bps, paths, plen, active, rates):
    """Max-min fair rates of the active rows of ``paths`` (padded link indices).

    Links sit in an indexed min-heap keyed by fair share. Freezing the flows of the
    bottleneck at its share ``s`` (the smallest) leaves every other link ``l`` with
    ``(rem_l - s) / (n_l - 1) >= rem_l / n_l``: shares only grow, so each update is one
    sift-down.
    """
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
    key = np.full(n_links, np.inf)
    heap = np.empty(n_links, np.int64)
    pos = np.full(n_links, -1, np.int64)
    size = 0
    for l in range(n_links):
        if cnt[l] > 0:
            key[l] = max(rem[l], 0.0) / cnt[l]
            heap[size] = l
            pos[l] = size
            size += 1
    for i in range(size // 2 - 1, -1, -1):
        _sift_down(heap, pos, key, i, size)
    frozen = np.zeros(n_slots, np.bool_)
    while size > 0:
        l = heap[0]
        share = key[l]
        if share == np.inf:
            break
        # pop the bottleneck
        size -= 1
        last = heap[size]
        heap[0] = last
        pos[last] = 0
        pos[l] = -1
        _sift_down(heap, pos, key, 0, size)
        for k in range(ptr[l], ptr[l + 1]):
            f = idx[k]
            if frozen[f]:
                continue
            frozen[f] = True
            rates[f] = share
            for j in range(plen[f]):
                l2 = paths[f, j]
                if l2 == l:
                    continue
                rem[l2] -= share
                cnt[l2] -= 1
                if pos[l2] >= 0:
                    key[l2] = max(rem[l2], 0.0) / cnt[l2] if cnt[l2] > 0 else np.inf
                    _sift_down(heap, pos, key, pos[l2], size)
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


@nb.njit(cache=True)
def link_loads(n_links, paths, plen, active, rates):
    """Total rate of the active flows on each link (bit/s)."""
    load = np.zeros(n_links)
    for f in range(paths.shape[0]):
        if active[f]:
            for j in range(plen[f]):
                load[paths[f, j]] += rates[f]
    return load


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
