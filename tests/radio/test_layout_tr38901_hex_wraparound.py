"""19-site hexagonal layout and wrap-around (TR 38.901 V17.0.0 Table 7.8-1; TR 36.814
V9.2.0 A.2.1.1, Figure A.2.1.1-2), checked against hexagonal-lattice geometry.

- 19 sites = 1 + 6 + 12; ring 1 at ISD; ring 2 at 2 ISD (6 sites) and sqrt(3) ISD (6).
- 3 sectors per site at boresights 30, 150, 270 deg -> 57 cells.
- Wrap-around shifts have length sqrt(3 R^2 + 3 R + 1) ISD = sqrt(19) ISD for R = 2, and
  the 7 images tile the plane: with wrap-around every site has exactly 6 neighbours at
  ISD, 6 at sqrt(3) ISD and 6 at 2 ISD (the 18 others of the cluster), like the centre.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from netsim.errors import ParameterError
from netsim.radio.layout import (
    drop_ues,
    hex_layout,
    wrap_around_distances,
    wrap_around_shifts_m,
    wrap_positions,
)

ISD = 500.0
REL = 1e-9  # float arithmetic


def test_sites_rings_and_sectors():
    lay = hex_layout(2, ISD, 3)
    assert lay.n_sites == 19 and lay.n_cells == 57
    r = np.hypot(*lay.site_xy_m.T) / ISD
    np.testing.assert_allclose(r[0], 0.0, atol=1e-12)
    np.testing.assert_allclose(r[1:7], 1.0, rtol=REL)
    np.testing.assert_allclose(np.sort(r[7:]), [math.sqrt(3)] * 6 + [2.0] * 6, rtol=REL)
    assert lay.cell_boresight_deg[:3].tolist() == [30.0, 150.0, 270.0]
    # ring-1 neighbours lie at 30 + 60 k deg (the 3-sector tiling of TR 36.814 Fig. A.2.1.1-2)
    ang = np.sort(np.degrees(np.arctan2(lay.site_xy_m[1:7, 1], lay.site_xy_m[1:7, 0])) % 360)
    np.testing.assert_allclose(ang, [30, 90, 150, 210, 270, 330], atol=1e-9)
    assert hex_layout(1, ISD).n_sites == 7


def test_wrap_shift_length_sqrt19_isd():
    s = wrap_around_shifts_m(2, ISD)
    assert s.shape == (7, 2) and np.all(s[0] == 0)
    np.testing.assert_allclose(np.hypot(*s[1:].T), math.sqrt(19) * ISD, rtol=REL)


def test_every_site_sees_a_full_hexagonal_neighbourhood_with_wrap_around():
    lay = hex_layout(2, ISD, 1)
    d = wrap_around_distances(lay.site_xy_m, lay.site_xy_m, ISD, 2).distance_m / ISD
    expect = np.sort([0.0] + [1.0] * 6 + [math.sqrt(3)] * 6 + [2.0] * 6)
    for row in d:
        np.testing.assert_allclose(np.sort(row), expect, atol=1e-9)


def test_without_wrap_an_edge_site_misses_neighbours():
    # the check above would fail without wrap-around (site 7 is on ring 2)
    lay = hex_layout(2, ISD, 1)
    d = np.hypot(*(lay.site_xy_m[7] - lay.site_xy_m).T) / ISD
    assert np.sum(np.isclose(d, 1.0)) < 6


def test_drop_inside_cluster_and_min_distance():
    lay = hex_layout(2, ISD, 3)
    ue = drop_ues(lay, 4000, np.random.default_rng(1), min_distance_m=35.0)
    d = np.hypot(ue[:, None, 0] - lay.site_xy_m[None, :, 0],
                 ue[:, None, 1] - lay.site_xy_m[None, :, 1])
    assert d.min() >= 35.0
    assert d.min(axis=1).max() <= ISD / math.sqrt(3) + 1e-9  # inside a site hexagon
    # uniform over 19 equal hexagons: each site gets 1/19 of the UEs (4 sd binomial)
    counts = np.bincount(d.argmin(axis=1), minlength=19)
    sd = math.sqrt(4000 * (1 / 19) * (18 / 19))
    assert np.all(np.abs(counts - 4000 / 19) < 4 * sd)
    np.testing.assert_array_equal(wrap_positions(ue, ISD), ue)  # already inside


def test_wrap_positions_fold_shifted_points_back():
    lay = hex_layout(2, ISD, 3)
    ue = drop_ues(lay, 200, np.random.default_rng(2))
    s = wrap_around_shifts_m(2, ISD)
    np.testing.assert_allclose(wrap_positions(ue + s[2], ISD), ue, atol=1e-6)


def test_bad_input_raises():
    with pytest.raises(ParameterError):
        hex_layout(-1)
    with pytest.raises(ParameterError):
        hex_layout(2, isd_m=0.0)
