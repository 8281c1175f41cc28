"""Flex-grid spectrum: slot grid, occupancy arrays and the numba slot-search kernels.

Spectrum model (ITU-T G.694.1 (10/2020), clause 7: flexible DWDM grid, 12.5 GHz slot
width granularity; the fixed grid of clause 6, e.g. 50 GHz, is the special case of one
slot per channel). Occupancy is a ``numpy`` bool array of shape ``(n_fibres, n_slots)``,
``True`` where a slot is in use. A lightpath occupies the same contiguous block of slots
on every fibre of its path (spectrum *continuity* and *contiguity*); guard-band slots are
counted in the block (DeepRMSA convention: one guard slot per request).

Fit policies over a path's common free slots (the AND of its fibres):

* first fit: lowest-indexed block that fits;
* last fit: highest-indexed block that fits;
* best fit: the smallest maximal free block that fits, placed at its low end (ties: the
  lowest block).

References: first/last fit as surveyed in B. C. Chatterjee, N. Sarma, E. Oki, "Routing
and spectrum allocation in elastic optical networks: a tutorial", IEEE Commun. Surveys
Tuts. 17(3), 2015, Sec. V; best fit (smallest fitting block) as in XLRON's
``best_fit`` heuristic (M. Doherty, A. Beghelli, "XLRON", OFC 2024; github.com/micdoh/XLRON).
"""

from __future__ import annotations

from dataclasses import dataclass

import numba
import numpy as np

from netsim.errors import ParameterError
from netsim.optical.modulation_reach import slots_kernel

__all__ = [
    "FIT_FIRST",
    "FIT_BEST",
    "FIT_LAST",
    "FIT_POLICIES",
    "SpectrumGrid",
    "path_free_slots",
    "find_block",
    "fit_on_path",
    "select_candidate",
    "free_block_stats",
    "fragmentation_metrics",
    "candidate_features",
    "CANDIDATE_FEATURES",
    "ORDER_PATH_FIRST",
    "ORDER_SPECTRUM_FIRST",
    "ORDER_LEAST_LOADED",
]

FIT_FIRST = 0
FIT_BEST = 1
FIT_LAST = 2
#: Fit policy names -> kernel codes.
FIT_POLICIES = {"first_fit": FIT_FIRST, "best_fit": FIT_BEST, "last_fit": FIT_LAST}

#: Try candidate paths in order; take the first path with a fitting block.
ORDER_PATH_FIRST = 0
#: Search every candidate path and take the best block over all of them (first fit:
#: lowest start slot; last fit: highest end slot; best fit: smallest block); ties go to
#: the earlier path.
ORDER_SPECTRUM_FIRST = 1
#: Optical RL-Gym ``least_loaded_path_first_fit``: among the paths with a first-fit
#: block, the one whose path has the most free slots in common; ties to the earlier path.
ORDER_LEAST_LOADED = 2


@dataclass(frozen=True)
class SpectrumGrid:
    """A spectrum grid of ``n_slots`` slots of ``slot_width_ghz``.

    Parameters
    ----------
    n_slots : int
        Number of slots per fibre, >= 1.
    slot_width_ghz : float
        Slot width [GHz], > 0 (12.5 GHz: ITU-T G.694.1 flexible grid; 50 or 100 GHz:
        the fixed grid).

    Examples
    --------
    >>> SpectrumGrid(320, 12.5).bandwidth_ghz
    4000.0
    >>> SpectrumGrid.fixed(80, 50.0).n_slots
    80
    """

    n_slots: int = 320
    slot_width_ghz: float = 12.5

    def __post_init__(self) -> None:
        if int(self.n_slots) != self.n_slots or self.n_slots < 1:
            raise ParameterError("n_slots", self.n_slots, "an integer >= 1")
        if not self.slot_width_ghz > 0:
            raise ParameterError("slot_width_ghz", self.slot_width_ghz, "> 0")

    @classmethod
    def fixed(cls, n_channels: int, spacing_ghz: float = 50.0) -> SpectrumGrid:
        """Fixed WDM grid (ITU-T G.694.1 clause 6): one slot per channel."""
        return cls(n_channels, spacing_ghz)

    @property
    def bandwidth_ghz(self) -> float:
        """Total bandwidth [GHz]."""
        return self.n_slots * self.slot_width_ghz

    def empty_occupancy(self, n_fibres: int) -> np.ndarray:
        """All-free occupancy array, bool, shape ``(n_fibres, n_slots)``."""
        if n_fibres < 1:
            raise ParameterError("n_fibres", n_fibres, ">= 1")
        return np.zeros((n_fibres, self.n_slots), dtype=np.bool_)


@numba.njit(cache=True)
def path_free_slots(occupancy, fibres, n_hops):  # pragma: no cover - compiled
    """Common free slots of a path: AND over its fibres of ``~occupancy``.

    Parameters
    ----------
    occupancy : numpy.ndarray
        bool, ``(n_fibres, n_slots)``.
    fibres : numpy.ndarray
        int, fibre indices of the path (padded; only the first ``n_hops`` are read).
    n_hops : int

    Returns
    -------
    numpy.ndarray
        bool, ``(n_slots,)``, True where the slot is free on every fibre.
    """
    n_slots = occupancy.shape[1]
    free = np.ones(n_slots, dtype=np.bool_)
    for h in range(n_hops):
        row = occupancy[fibres[h]]
        for s in range(n_slots):
            if row[s]:
                free[s] = False
    return free


@numba.njit(cache=True)
def find_block(free, n_req, fit):  # pragma: no cover - compiled
    """Start slot of a block of ``n_req`` free slots chosen by ``fit``; -1 if none.

    Parameters
    ----------
    free : numpy.ndarray
        bool, ``(n_slots,)``.
    n_req : int
        Block size in slots, >= 1.
    fit : int
        FIT_FIRST, FIT_BEST or FIT_LAST.
    """
    n = free.shape[0]
    if n_req <= 0 or n_req > n:
        return -1
    if fit == FIT_FIRST:
        run = 0
        for s in range(n):
            if free[s]:
                run += 1
                if run >= n_req:
                    return s - n_req + 1
            else:
                run = 0
        return -1
    if fit == FIT_LAST:
        run = 0
        for s in range(n - 1, -1, -1):
            if free[s]:
                run += 1
                if run >= n_req:
                    return s
            else:
                run = 0
        return -1
    # best fit: smallest maximal free block with size >= n_req
    best_start = -1
    best_size = n + 1
    s = 0
    while s < n:
        if free[s]:
            b = s
            while s < n and free[s]:
                s += 1
            size = s - b
            if size >= n_req and size < best_size:
                best_size = size
                best_start = b
                if size == n_req:
                    return best_start
        else:
            s += 1
    return best_start


@numba.njit(cache=True)
def fit_on_path(occupancy, fibres, n_hops, n_req, fit):  # pragma: no cover - compiled
    """Start slot of a continuous, contiguous block on a path; -1 if none fits."""
    return find_block(path_free_slots(occupancy, fibres, n_hops), n_req, fit)


@numba.njit(cache=True)
def _block_size_at(free, start):  # pragma: no cover - compiled
    """Size of the maximal free block containing ``start``."""
    n = free.shape[0]
    b = start
    while b > 0 and free[b - 1]:
        b -= 1
    e = start
    while e < n and free[e]:
        e += 1
    return e - b


@numba.njit(cache=True)
def select_candidate(
    occupancy,
    path_fibres,
    path_hops,
    path_bits,
    rate_gbps,
    slot_width_ghz,
    guard_slots,
    fit,
    order,
):  # pragma: no cover - compiled
    """Choose a candidate path and a slot block for one request.

    Parameters
    ----------
    occupancy : numpy.ndarray
        bool, ``(n_fibres, n_slots)``.
    path_fibres : numpy.ndarray
        int32, ``(k, max_hops)``: fibre indices per candidate path, padded with -1.
    path_hops : numpy.ndarray
        int32, ``(k,)``: hops per path.
    path_bits : numpy.ndarray
        float64, ``(k,)``: bits per symbol of each path's modulation; 0 = unreachable.
    rate_gbps : float
        Requested rate [Gb/s].
    slot_width_ghz : float
        Slot width [GHz].
    guard_slots : int
        Guard slots added per request.
    fit : int
        FIT_FIRST, FIT_BEST or FIT_LAST.
    order : int
        ORDER_PATH_FIRST, ORDER_SPECTRUM_FIRST or ORDER_LEAST_LOADED.

    Returns
    -------
    (path_index, start_slot, n_slots) : tuple of int
        ``path_index`` is -1 when the request is blocked.
    """
    k = path_fibres.shape[0]
    best_p = -1
    best_s = -1
    best_n = 0
    best_key = 1 << 30
    best_load = -1
    for p in range(k):
        bits = path_bits[p]
        if bits <= 0.0:
            continue
        n_req = slots_kernel(rate_gbps, bits, slot_width_ghz, guard_slots)
        free = path_free_slots(occupancy, path_fibres[p], path_hops[p])
        start = find_block(free, n_req, fit)
        if start < 0:
            continue
        if order == ORDER_PATH_FIRST:
            return p, start, n_req
        if order == ORDER_LEAST_LOADED:
            n_free = 0
            for s in range(free.shape[0]):
                if free[s]:
                    n_free += 1
            if n_free > best_load:
                best_load = n_free
                best_p, best_s, best_n = p, start, n_req
            continue
        # spectrum first: compare blocks across paths
        if fit == FIT_FIRST:
            key = start
        elif fit == FIT_LAST:
            key = free.shape[0] - (start + n_req)
        else:
            key = _block_size_at(free, start)
        if key < best_key:
            best_key = key
            best_p, best_s, best_n = p, start, n_req
    return best_p, best_s, best_n


#: Columns of :func:`candidate_features`, in order.
CANDIDATE_FEATURES = (
    "slots_needed",
    "first_fit_start",
    "first_fit_block_size",
    "free_slots",
    "free_blocks",
    "mean_free_block_size",
)


@numba.njit(cache=True)
def candidate_features(
    occupancy, path_fibres, path_hops, path_bits, rate_gbps, slot_width_ghz, guard_slots
):  # pragma: no cover - compiled
    """Per-candidate-path spectrum features (the DeepRMSA state, one row per path).

    DeepRMSA (Chen et al., J. Lightw. Technol. 37(16), 2019, Sec. III-B; code
    ``Deep_RMSA_A3C.py``: "For each path: 1) FS needed, 2) starting index and size of M
    available FS-blocks, 3) average size, total available FS on the path") with M = 1.

    Parameters
    ----------
    occupancy, path_fibres, path_hops, path_bits, rate_gbps, slot_width_ghz, guard_slots
        As for :func:`select_candidate`.

    Returns
    -------
    numpy.ndarray
        float64 ``(k, 6)``, columns :data:`CANDIDATE_FEATURES`: slots needed (0 if the
        path is beyond every reach), first-fit start slot (-1 if none), size of the free
        block holding it (0 if none), common free slots on the path, number of maximal
        free blocks, their mean size (0 if none).
    """
    k = path_fibres.shape[0]
    out = np.zeros((k, 6), dtype=np.float64)
    for p in range(k):
        free = path_free_slots(occupancy, path_fibres[p], path_hops[p])
        n_req = np.int64(0)
        if path_bits[p] > 0.0:
            n_req = slots_kernel(rate_gbps, path_bits[p], slot_width_ghz, guard_slots)
        start = np.int64(-1)
        if n_req > 0:
            start = find_block(free, n_req, FIT_FIRST)
        n_free = 0
        n_blocks = 0
        prev = False
        for s in range(free.shape[0]):
            if free[s]:
                n_free += 1
                if not prev:
                    n_blocks += 1
            prev = free[s]
        out[p, 0] = n_req
        out[p, 1] = start
        out[p, 2] = _block_size_at(free, start) if start >= 0 else 0
        out[p, 3] = n_free
        out[p, 4] = n_blocks
        out[p, 5] = n_free / n_blocks if n_blocks > 0 else 0.0
    return out


@numba.njit(cache=True)
def free_block_stats(occupancy):  # pragma: no cover - compiled
    """Per fibre: number of maximal free blocks, largest free block, free slots.

    Parameters
    ----------
    occupancy : numpy.ndarray
        bool, ``(n_fibres, n_slots)``.

    Returns
    -------
    (n_blocks, largest_block, n_free) : tuple of numpy.ndarray
        int64, each ``(n_fibres,)``.
    """
    n_f, n_s = occupancy.shape
    n_blocks = np.zeros(n_f, dtype=np.int64)
    largest = np.zeros(n_f, dtype=np.int64)
    n_free = np.zeros(n_f, dtype=np.int64)
    for f in range(n_f):
        run = 0
        for s in range(n_s):
            if not occupancy[f, s]:
                if run == 0:
                    n_blocks[f] += 1
                run += 1
                n_free[f] += 1
                if run > largest[f]:
                    largest[f] = run
            else:
                run = 0
    return n_blocks, largest, n_free


def fragmentation_metrics(occupancy: np.ndarray) -> dict[str, float]:
    """Spectrum fragmentation of an occupancy array, averaged over fibres.

    * ``external_fragmentation``: mean over fibres with free spectrum of
      ``1 - largest_free_block / free_slots`` (0: all free slots in one block; towards
      1: free spectrum scattered in small blocks). Definition as in the fragmentation
      metrics reviewed by Chatterjee, Sarma and Oki, IEEE Commun. Surveys Tuts. 17(3),
      2015, Sec. VI.
    * ``free_blocks_per_fibre``: mean number of maximal free blocks per fibre.
    * ``utilisation``: share of occupied slots over all fibres.

    Parameters
    ----------
    occupancy : numpy.ndarray
        bool, ``(n_fibres, n_slots)``.

    Returns
    -------
    dict of str to float

    Examples
    --------
    >>> occ = np.array([[1, 0, 0, 1, 0, 1, 1, 1]], dtype=bool)  # free blocks of 2 and 1
    >>> round(fragmentation_metrics(occ)["external_fragmentation"], 4)  # 1 - 2/3
    0.3333
    """
    occ = np.asarray(occupancy)
    if occ.ndim != 2 or occ.dtype != np.bool_:
        raise ParameterError("occupancy", f"{occ.dtype} {occ.shape}", "a 2-D bool array")
    n_blocks, largest, n_free = free_block_stats(occ)
    has_free = n_free > 0
    ext = 1.0 - largest[has_free] / n_free[has_free]
    return {
        "external_fragmentation": float(ext.mean()) if ext.size else 0.0,
        "free_blocks_per_fibre": float(n_blocks.mean()),
        "utilisation": float(1.0 - n_free.sum() / occ.size),
    }
