"""Compiled kernels of the RMSA environment core: action features, commit, departures.

State of one episode lives in plain numpy arrays so that a whole episode can run in one
``numba.njit`` call (training) and a single step can be taken from Python (Gymnasium):

* ``occ`` bool ``(n_fibres, n_slots)``: spectrum occupancy (True = used);
* ``conn`` int64 ``(capacity, 3 + max_hops)``: active lightpaths, one row each:
  ``[n_hops, first_slot, n_slots, fibre_0, fibre_1, ...]``; ``free_ids`` int64 stack of
  unused rows with its top in ``counters[0]``;
* a binary min-heap of departures: ``heap_t`` float64 and ``heap_key`` int64
  (request index, the tie-break of :func:`netsim.optical.dynamic.run_replication`) and
  ``heap_row`` int64 (the ``conn`` row), with its size in ``counters[1]``
  (:mod:`netsim.control.array_heap`).

Actions: candidate path ``p`` (0..k-1) with spectrum fit ``f`` (index into the
configured fits), action index ``p * n_fits + f``.

Features of an action (:data:`ACTION_FEATURES`, one row per action, zero for invalid
actions) follow the DeepRMSA state (Chen et al., J. Lightw. Technol. 37(16), 2019,
Sec. III-B: slots needed, first-fit index and block size, free slots, number and mean
size of free blocks on the path) extended by what the allocation does to the spectrum
(leftover of the chosen free block, free blocks created or removed on the path's fibres,
the path's bottleneck and mean fibre load) and the path's resource use
(hops x slots, the quantity minimised by "minimum resource" RMSA heuristics).
"""

from __future__ import annotations

import numba

from netsim.control.array_heap import heap_pop, heap_push
from netsim.optical.modulation_reach import slots_kernel
from netsim.optical.spectrum import FIT_BEST, find_block, path_free_slots

__all__ = ["ACTION_FEATURES", "N_FEATURES", "action_features", "commit", "release_until"]

#: Names of the feature columns of :func:`action_features`, in order (with their scale).
ACTION_FEATURES: tuple[str, ...] = (
    "path_rank",  # candidate index / (k - 1)
    "hops_per_10",  # hops / 10
    "length_per_1000km",  # path length [km] / 1000
    "slots_needed_per_10",  # slots incl. guard / 10
    "resource_per_100",  # hops x slots / 100
    "start_slot_frac",  # first slot / n_slots
    "end_slot_frac",  # (first slot + slots) / n_slots
    "path_free_frac",  # common free slots on the path / n_slots
    "path_largest_block_frac",  # largest common free block / n_slots
    "path_blocks_per_10",  # number of common free blocks / 10
    "leftover_frac",  # (chosen free block size - slots) / n_slots
    "blocks_created_per_10",  # sum over fibres of free blocks created (+1 split, -1 filled)
    "bottleneck_free_frac",  # min over the path's fibres of free slots / n_slots
    "mean_fibre_free_frac",  # mean over the path's fibres of free slots / n_slots
    "is_best_fit",  # 1 for the best-fit action of a path, else 0
)

#: Number of feature columns.
N_FEATURES = len(ACTION_FEATURES)


@numba.njit(cache=True)
def action_features(
    occ,
    fibres,
    hops,
    bits,
    lengths_km,
    n_paths,
    rate_gbps,
    slot_width_ghz,
    guard_slots,
    fits,
    feats,
    valid,
    starts,
    nreq,
):  # pragma: no cover - compiled
    """Fill the features, validity, start slot and slot count of every action.

    Parameters
    ----------
    occ : numpy.ndarray
        bool ``(n_fibres, n_slots)``.
    fibres : numpy.ndarray
        int32 ``(k, max_hops)``, -1 padded (see ``RMSA.candidate_arrays``).
    hops, bits, lengths_km : numpy.ndarray
        ``(k,)``: hops, bits per symbol (0 = beyond reach), length [km] per path.
    n_paths : int
        Candidate paths of this pair (<= k; rows beyond are invalid).
    rate_gbps, slot_width_ghz : float
    guard_slots : int
    fits : numpy.ndarray
        int64 ``(n_fits,)``: fit codes (``netsim.optical.spectrum.FIT_*``).
    feats : numpy.ndarray
        float64 ``(k_max * n_fits, N_FEATURES)``, written.
    valid : numpy.ndarray
        bool ``(k_max * n_fits,)``, written.
    starts, nreq : numpy.ndarray
        int64 ``(k_max * n_fits,)``, written: first slot and slots of each action.
    """
    n_fits = fits.shape[0]
    n_act = feats.shape[0]
    k_max = n_act // n_fits
    n_slots = occ.shape[1]
    feats[:, :] = 0.0
    valid[:] = False
    starts[:] = -1
    nreq[:] = 0
    for p in range(min(n_paths, k_max)):
        if bits[p] <= 0.0:
            continue
        n = slots_kernel(rate_gbps, bits[p], slot_width_ghz, guard_slots)
        free = path_free_slots(occ, fibres[p], hops[p])
        n_free = 0
        n_blocks = 0
        largest = 0
        run = 0
        for s in range(n_slots):
            if free[s]:
                n_free += 1
                run += 1
                if run == 1:
                    n_blocks += 1
                if run > largest:
                    largest = run
            else:
                run = 0
        bott = n_slots
        mean_free = 0.0
        for h in range(hops[p]):
            row = occ[fibres[p, h]]
            c = 0
            for s in range(n_slots):
                if not row[s]:
                    c += 1
            mean_free += c
            if c < bott:
                bott = c
        mean_free /= hops[p]
        for fi in range(n_fits):
            a = p * n_fits + fi
            start = find_block(free, n, fits[fi])
            if start < 0:
                continue
            # the common free block holding the allocation
            b = start
            while b > 0 and free[b - 1]:
                b -= 1
            e = start + n
            while e < n_slots and free[e]:
                e += 1
            # free blocks created on each fibre: split (+1) or filled exactly (-1)
            created = 0
            for h in range(hops[p]):
                row = occ[fibres[p, h]]
                left = start > 0 and not row[start - 1]
                right = start + n < n_slots and not row[start + n]
                if left and right:
                    created += 1
                elif not left and not right:
                    created -= 1
            valid[a] = True
            starts[a] = start
            nreq[a] = n
            feats[a, 0] = p / (k_max - 1) if k_max > 1 else 0.0
            feats[a, 1] = hops[p] / 10.0
            feats[a, 2] = lengths_km[p] / 1000.0
            feats[a, 3] = n / 10.0
            feats[a, 4] = hops[p] * n / 100.0
            feats[a, 5] = start / n_slots
            feats[a, 6] = (start + n) / n_slots
            feats[a, 7] = n_free / n_slots
            feats[a, 8] = largest / n_slots
            feats[a, 9] = n_blocks / 10.0
            feats[a, 10] = (e - b - n) / n_slots
            feats[a, 11] = created / 10.0
            feats[a, 12] = bott / n_slots
            feats[a, 13] = mean_free / n_slots
            feats[a, 14] = 1.0 if fits[fi] == FIT_BEST else 0.0


@numba.njit(cache=True)
def release_until(occ, conn, free_ids, heap_t, heap_key, heap_row, counters, t):  # pragma: no cover
    """Release every lightpath whose departure time is ``<= t``; returns how many."""
    released = 0
    while counters[1] > 0 and heap_t[0] <= t:
        _, _, row, counters[1] = heap_pop(heap_t, heap_key, heap_row, counters[1])
        h = conn[row, 0]
        s = conn[row, 1]
        n = conn[row, 2]
        for j in range(h):
            f = conn[row, 3 + j]
            for x in range(s, s + n):
                occ[f, x] = False
        free_ids[counters[0]] = row
        counters[0] += 1
        released += 1
    return released


@numba.njit(cache=True)
def commit(
    occ, conn, free_ids, heap_t, heap_key, heap_row, counters, fibres_p, hops_p, start, n,
    departure, key,
):  # pragma: no cover - compiled
    """Occupy ``[start, start + n)`` on the path's fibres and schedule its departure.

    Returns False (and changes nothing) if the connection table is full.
    """
    if counters[0] == 0:
        return False
    counters[0] -= 1
    row = free_ids[counters[0]]
    conn[row, 0] = hops_p
    conn[row, 1] = start
    conn[row, 2] = n
    for j in range(hops_p):
        f = fibres_p[j]
        conn[row, 3 + j] = f
        for x in range(start, start + n):
            occ[f, x] = True
    counters[1] = heap_push(heap_t, heap_key, heap_row, counters[1], departure, key, row)
    return True
