"""UE drop of the TR 38.901 clause 7.8.1 calibration: wrap-around, distances, heights.

- Wrap-around (TR 36.814 A.2.1.1.2): the 19-site cluster repeats on a hexagonal
  super-lattice of period sqrt(19) ISD; the distance from any point to the nearest image of
  any site is at most the covering radius of that lattice, sqrt(19) ISD / sqrt(3) =
  sqrt(19 / 3) ISD (2.517 ISD). Computed here from the closed-form shifts, independently
  of netsim.
- Minimum BS-UT 2D distance 35 m (UMa) and 10 m (UMi), TR 38.901 Table 7.2-1.
- Indoor ratio 80 % and 3D UT height 3 (nfl - 1) + 1.5 m with nfl ~ U{1..Nfl},
  Nfl ~ U{4..8} (Table 7.2-1): P(nfl = 1) = (1/5)(1/4 + 1/5 + 1/6 + 1/7 + 1/8) = 0.17704,
  P(nfl = 8) = (1/5)(1/8) = 0.025.
Statistical checks use 5 binomial standard deviations.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from netsim.radio.calibration import large_scale


def _sites_and_shifts(isd: float) -> tuple[np.ndarray, np.ndarray]:
    a1 = isd * np.array([math.cos(math.radians(30.0)), math.sin(math.radians(30.0))])
    a2 = isd * np.array([0.0, 1.0])
    sites = np.array([i * a1 + j * a2 for i in range(-2, 3) for j in range(-2, 3)
                      if max(abs(i), abs(j), abs(i + j)) <= 2])
    t0 = 3 * a1 + 2 * a2  # |t0|^2 = ISD^2 (9 + 4 + 2 * 3 * 2 * cos 60) = 19 ISD^2
    rot = [np.array([[math.cos(a), -math.sin(a)], [math.sin(a), math.cos(a)]])
           for a in np.radians(60.0 * np.arange(6))]
    shifts = np.vstack([np.zeros(2)] + [r @ t0 for r in rot])
    return sites, shifts


@pytest.mark.parametrize(("scenario", "isd", "d_min"), [("UMa", 500.0, 35.0), ("UMi", 200.0, 10.0)])
def test_wrap_around_radius_and_minimum_distance(scenario, isd, d_min):
    r = large_scale(scenario, 6e9, seed=11, n_drops=2, sf_correlation=False)
    sites, shifts = _sites_and_shifts(isd)
    assert sites.shape == (19, 2)
    assert np.allclose(np.linalg.norm(shifts[1:], axis=1), math.sqrt(19.0) * isd)
    xy = r.ue_xyz_m[:, :2]
    img = sites[None, :, None, :] + shifts[None, None, :, :]          # (1, 19, 7, 2)
    d = np.linalg.norm(xy[:, None, None, :] - img, axis=-1).min(axis=2)  # (N, 19)
    radius = math.sqrt(19.0 / 3.0) * isd
    assert d.max() <= radius + 1e-9
    assert d.max() > 0.9 * radius  # the drop reaches the far corners (it can fail)
    assert d.min() >= d_min
    # the UEs lie in the cluster: nearest site without wrap-around is within ISD / sqrt(3)
    d_plain = np.linalg.norm(xy[:, None, :] - sites[None], axis=-1).min(axis=1)
    assert d_plain.max() <= isd / math.sqrt(3.0) + 1e-9


def test_indoor_ratio_and_ue_heights():
    r = large_scale("UMi", 6e9, seed=5, n_drops=4, sf_correlation=False)
    n = r.indoor.size
    k_in = int(r.indoor.sum())
    assert abs(k_in - 0.8 * n) <= 5 * math.sqrt(n * 0.8 * 0.2)
    h = r.ue_xyz_m[:, 2]
    assert np.all(h[~r.indoor] == 1.5)
    floors = (h[r.indoor] - 1.5) / 3.0 + 1.0
    assert np.allclose(floors, np.round(floors)) and floors.min() >= 1 and floors.max() <= 8
    for nfl, p in ((1, 0.2 * (1 / 4 + 1 / 5 + 1 / 6 + 1 / 7 + 1 / 8)), (8, 0.2 / 8)):
        k = int(np.sum(np.round(floors) == nfl))
        assert abs(k - p * k_in) <= 5 * math.sqrt(k_in * p * (1 - p)), nfl


def test_inh_drop_inside_the_room():
    r = large_scale("InH", 30e9, seed=2, n_drops=1, sf_correlation=False)
    assert r.coupling_loss_db.size == 12 * 3 * 10
    assert np.all(np.abs(r.ue_xyz_m[:, 0]) <= 60.0)
    assert np.all(np.abs(r.ue_xyz_m[:, 1]) <= 25.0)
    assert np.all(r.ue_xyz_m[:, 2] == 1.0)
    assert not r.indoor.any()  # no O2I loss inside the office
