"""Slot-search kernels and fragmentation metrics against their definitions.

Definitions (Chatterjee, Sarma, Oki, "Routing and spectrum allocation in elastic optical
networks: a tutorial", IEEE Commun. Surveys Tuts. 17(3), 2015): a lightpath needs the
same ``n`` contiguous slots free on every fibre of its path (continuity + contiguity);
first fit takes the lowest such block, last fit the highest; best fit takes the smallest
maximal free block that can hold ``n`` (placed at its low end). The oracle below is an
independent brute-force enumeration of those definitions, not the kernel's scan.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netsim.errors import ParameterError
from netsim.optical.spectrum import (
    FIT_BEST,
    FIT_FIRST,
    FIT_LAST,
    SpectrumGrid,
    find_block,
    fit_on_path,
    fragmentation_metrics,
    free_block_stats,
    path_free_slots,
)


def _oracle(free: list[bool], n: int, fit: int) -> int:
    """Brute force over all starts and all maximal blocks."""
    starts = [s for s in range(len(free) - n + 1) if all(free[s : s + n])]
    if not starts:
        return -1
    if fit == FIT_FIRST:
        return starts[0]
    if fit == FIT_LAST:
        return starts[-1]
    blocks = []  # (size, start) of maximal free blocks
    s = 0
    while s < len(free):
        if free[s]:
            e = s
            while e < len(free) and free[e]:
                e += 1
            blocks.append((e - s, s))
            s = e
        else:
            s += 1
    return min(b for b in blocks if b[0] >= n)[1]


def test_hand_case():
    # slots: 0 1 2 3 4 5 6 7 8 9
    # free : F F F x F F x F F F   -> blocks (0,3) (4,2) (7,3)
    free = np.array([1, 1, 1, 0, 1, 1, 0, 1, 1, 1], dtype=bool)
    assert find_block(free, 2, FIT_FIRST) == 0
    assert find_block(free, 2, FIT_BEST) == 4  # the 2-slot block is the tightest
    assert find_block(free, 2, FIT_LAST) == 8  # slots 8-9
    assert find_block(free, 3, FIT_BEST) == 0  # two 3-blocks: lowest wins
    assert find_block(free, 4, FIT_FIRST) == -1
    assert find_block(free, 0, FIT_FIRST) == -1
    assert find_block(free, 11, FIT_FIRST) == -1


def test_continuity_over_fibres():
    occ = np.zeros((3, 8), dtype=bool)
    occ[0, 0:2] = True  # fibre 0 busy 0-1
    occ[1, 3:5] = True  # fibre 1 busy 3-4
    fibres = np.array([0, 1, -1], dtype=np.int32)
    free = path_free_slots(occ, fibres, 2)
    np.testing.assert_array_equal(free, [0, 0, 1, 0, 0, 1, 1, 1])
    assert fit_on_path(occ, fibres, 2, 3, FIT_FIRST) == 5
    assert fit_on_path(occ, fibres, 2, 2, FIT_FIRST) == 5
    assert fit_on_path(occ, fibres, 2, 1, FIT_BEST) == 2
    # fibre 2 is not on the path (padding ignored)
    occ[2, :] = True
    assert fit_on_path(occ, fibres, 2, 3, FIT_FIRST) == 5


@settings(max_examples=300, deadline=None)
@given(
    free=st.lists(st.booleans(), min_size=1, max_size=40),
    n=st.integers(min_value=1, max_value=8),
    fit=st.sampled_from([FIT_FIRST, FIT_BEST, FIT_LAST]),
)
def test_kernel_matches_definition(free, n, fit):
    assert find_block(np.array(free, dtype=bool), n, fit) == _oracle(free, n, fit)


def test_fragmentation_by_hand():
    occ = np.array(
        [
            [1, 0, 0, 1, 0, 1, 1, 1],  # free blocks 2 + 1: ext = 1 - 2/3
            [0, 0, 0, 0, 0, 0, 0, 0],  # one block of 8: ext = 0
            [1, 1, 1, 1, 1, 1, 1, 1],  # no free slot: excluded from ext
        ],
        dtype=bool,
    )
    n_blocks, largest, n_free = free_block_stats(occ)
    np.testing.assert_array_equal(n_blocks, [2, 1, 0])
    np.testing.assert_array_equal(largest, [2, 8, 0])
    np.testing.assert_array_equal(n_free, [3, 8, 0])
    m = fragmentation_metrics(occ)
    assert m["external_fragmentation"] == pytest.approx((1 - 2 / 3 + 0) / 2)
    assert m["free_blocks_per_fibre"] == pytest.approx(1.0)
    assert m["utilisation"] == pytest.approx(13 / 24)  # 5 + 0 + 8 busy of 24


def test_grid():
    # ITU-T G.694.1: 12.5 GHz slots; 320 x 12.5 = 4000 GHz (about the C band, 4 THz).
    g = SpectrumGrid(320, 12.5)
    assert g.bandwidth_ghz == 4000.0
    assert g.empty_occupancy(44).shape == (44, 320)
    assert SpectrumGrid.fixed(80).slot_width_ghz == 50.0
    with pytest.raises(ParameterError):
        SpectrumGrid(0, 12.5)
    with pytest.raises(ParameterError):
        SpectrumGrid(10, -1.0)
    with pytest.raises(ParameterError):
        fragmentation_metrics(np.zeros((2, 3), dtype=int))
