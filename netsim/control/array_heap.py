"""Binary min-heap in preallocated numpy arrays, for numba kernels.

A heap of ``size`` entries lives in parallel arrays of the same length (the capacity):
``keys`` float64, ``ties`` int64 and ``values`` int64. Entries are ordered by
``(key, tie)`` lexicographically; ``value`` is carried along (a node, a table row).
``ties=None`` orders by key alone: numba compiles that case without the tie-break
(the ``is None`` branches are pruned at compile time). The caller keeps ``size`` and
must not push beyond the capacity (no check in compiled code).

Both operations are the textbook ones (Cormen et al., *Introduction to Algorithms*,
3rd ed., section 6.5: MIN-HEAP-INSERT sifts the new entry up, HEAP-EXTRACT-MIN moves
the last entry to the root and sifts it down), O(log size). Users:
:mod:`netsim.control.cspf` (Dijkstra with lazy deletion, ``ties=None``) and
:mod:`netsim.control.rl.kernels` (departures by time, ties by request index as in
:func:`netsim.optical.dynamic.run_replication`).

Examples
--------
>>> import numpy as np
>>> keys, ties, values = np.empty(4), np.empty(4, np.int64), np.empty(4, np.int64)
>>> n = 0
>>> for k, t, v in ((2.0, 0, 20), (1.0, 1, 11), (1.0, 0, 10)):
...     n = heap_push(keys, ties, values, n, k, t, v)
>>> key, tie, value, n = heap_pop(keys, ties, values, n)
>>> float(key), int(tie), int(value), n
(1.0, 0, 10, 2)
"""

from __future__ import annotations

import numba

__all__ = ["heap_push", "heap_pop"]


@numba.njit(cache=True, inline="always")
def heap_push(keys, ties, values, size, key, tie, value):  # pragma: no cover - compiled
    """Insert the entry ``(key, tie, value)`` into a heap of ``size`` entries.

    Parameters
    ----------
    keys, values : numpy.ndarray
        float64, int64 ``(capacity,)``; capacity > ``size``.
    ties : numpy.ndarray or None
        int64 ``(capacity,)``; None: entries are ordered by key alone (``tie`` is
        ignored; compiled without the tie-break, no array to keep).
    size : int
        Entries in the heap before the push.
    key : float
    tie : int
        Second sort key, for equal ``key``.
    value : int
        Payload.

    Returns
    -------
    int
        The new size, ``size + 1``.
    """
    i = size
    keys[i] = key
    if ties is not None:
        ties[i] = tie
    values[i] = value
    while i > 0:
        parent = (i - 1) >> 1
        if ties is None:
            if keys[parent] <= keys[i]:
                break
        elif keys[parent] < keys[i] or (keys[parent] == keys[i] and ties[parent] <= ties[i]):
            break
        keys[parent], keys[i] = keys[i], keys[parent]
        if ties is not None:
            ties[parent], ties[i] = ties[i], ties[parent]
        values[parent], values[i] = values[i], values[parent]
        i = parent
    return size + 1


@numba.njit(cache=True, inline="always")
def heap_pop(keys, ties, values, size):  # pragma: no cover - compiled
    """Remove the smallest entry (by ``(key, tie)``) of a heap of ``size > 0`` entries.

    Parameters
    ----------
    keys, ties, values : numpy.ndarray
        The heap's arrays (see :func:`heap_push`; ``ties`` may be None).
    size : int
        Entries in the heap, > 0.

    Returns
    -------
    key : float
    tie : int
        The removed entry's tie (0 when ``ties`` is None).
    value : int
    size : int
        The new size, ``size - 1``.
    """
    key, value = keys[0], values[0]
    tie = 0
    size -= 1
    keys[0] = keys[size]
    if ties is not None:
        tie = ties[0]
        ties[0] = ties[size]
    values[0] = values[size]
    i = 0
    while True:
        left = 2 * i + 1
        if left >= size:
            break
        c = left
        right = left + 1
        if ties is None:
            if right < size and keys[right] < keys[left]:
                c = right
            if keys[i] <= keys[c]:
                break
        else:
            if right < size and (
                keys[right] < keys[left]
                or (keys[right] == keys[left] and ties[right] < ties[left])
            ):
                c = right
            if keys[i] < keys[c] or (keys[i] == keys[c] and ties[i] <= ties[c]):
                break
        keys[i], keys[c] = keys[c], keys[i]
        if ties is not None:
            ties[i], ties[c] = ties[c], ties[i]
        values[i], values[c] = values[c], values[i]
        i = c
    return key, tie, value, size
