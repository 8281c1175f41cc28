"""Inter-satellite links: the +Grid pattern, range and line-of-sight limits, laser rate.

+Grid (Wood, "Internetworking with satellite constellations", PhD thesis, Univ. of
Surrey, 2001; used by Hypatia, Kassing et al., IMC 2020): every satellite
links to the satellites ahead and behind in its own plane and to the satellites in the
same slot of the two adjacent planes, four links in all.

Seam handling
-------------
* Walker delta: the planes close a full circle of RAAN, so plane ``P-1`` neighbours
  plane 0. With the phasing of :mod:`netsim.space.constellation`, slot ``s`` of plane
  ``P`` would sit at the phase of slot ``s + F`` of plane 0, so the seam link joins
  ``(P-1, s)`` to ``(0, (s + F) mod S)``: the same relative geometry as every other
  inter-plane link. ``seam="cut"`` leaves those links out.
* Walker star: planes ``P-1`` and 0 are counter-rotating (the "seam" of a polar
  constellation), whose links would sweep at twice the orbital speed; no links are made
  across it.

A link is usable at an instant when its length is at most ``max_range_km`` and the line
of sight stays above ``min_grazing_altitude_km`` over the spherical Earth of radius
6371.0 km (mean radius, IUGG); the default 80 km keeps beams out of the mesosphere, an
assumption to be set per study.

Laser rate: a constant ``rate_bps`` per link (a user parameter; no optical link budget
is computed here).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numba
import numpy as np

from netsim.errors import ParameterError

__all__ = ["EARTH_MEAN_RADIUS_KM", "IslPattern", "plus_grid", "isl_lengths_km"]

EARTH_MEAN_RADIUS_KM = 6371.0
"""Mean Earth radius (km) for line-of-sight tests (IUGG mean radius R1 = 6371.0088 km)."""


@dataclass(frozen=True)
class IslPattern:
    """A fixed set of candidate ISLs and the limits that decide which are usable.

    Attributes
    ----------
    pairs : numpy.ndarray of int64, shape (E, 2)
        Satellite index pairs, ``pairs[:, 0] < pairs[:, 1]``.
    max_range_km : float
        Longest usable link (km); ``inf`` for no limit.
    min_grazing_altitude_km : float
        Lowest altitude the line of sight may pass over the mean-radius Earth (km).
    rate_bps : float
        Capacity of each usable link (bit/s).
    """

    pairs: np.ndarray
    max_range_km: float = math.inf
    min_grazing_altitude_km: float = 80.0
    rate_bps: float = 10e9

    def __post_init__(self):
        p = np.asarray(self.pairs, dtype=np.int64)
        if p.ndim != 2 or p.shape[1] != 2:
            raise ParameterError("pairs", p.shape, "shape (E, 2)")
        if not self.max_range_km > 0:
            raise ParameterError("max_range_km", self.max_range_km, "> 0")
        if not self.rate_bps > 0:
            raise ParameterError("rate_bps", self.rate_bps, "> 0")
        if not self.min_grazing_altitude_km >= 0:
            raise ParameterError("min_grazing_altitude_km", self.min_grazing_altitude_km, ">= 0")
        object.__setattr__(self, "pairs", np.ascontiguousarray(p))

    def degree(self, n_satellites: int) -> np.ndarray:
        """Number of candidate links of every satellite, shape (n_satellites,)."""
        return np.bincount(self.pairs.ravel(), minlength=n_satellites)


def plus_grid(
    constellation,
    *,
    seam: str = "link",
    max_range_km: float = math.inf,
    min_grazing_altitude_km: float = 80.0,
    rate_bps: float = 10e9,
) -> IslPattern:
    """+Grid ISLs within every shell of a Walker constellation.

    Parameters
    ----------
    constellation : netsim.space.constellation.Constellation
        Uses its ``plane``, ``slot``, ``shell`` arrays and ``shells`` specs.
    seam : {"link", "cut"}
        Walker delta: link across the seam (see module docstring) or not.
        Walker star shells never link across their counter-rotating seam.
    max_range_km, min_grazing_altitude_km, rate_bps : float
        See :class:`IslPattern`.
    """
    if seam not in ("link", "cut"):
        raise ParameterError("seam", seam, "'link' or 'cut'")
    pairs = []
    offset = 0
    for spec in constellation.shells:
        n_p, n_s, f = spec.planes, spec.sats_per_plane, spec.phasing
        idx = offset + np.arange(n_p * n_s).reshape(n_p, n_s)
        if n_s >= 2:
            nxt = np.roll(idx, -1, axis=1)
            cols = n_s if n_s > 2 else 1
            pairs.append(np.stack([idx[:, :cols].ravel(), nxt[:, :cols].ravel()], axis=1))
        if n_p >= 2:
            pairs.append(np.stack([idx[:-1].ravel(), idx[1:].ravel()], axis=1))
            if spec.kind == "delta" and seam == "link" and n_p > 2:
                last = idx[-1]
                first = np.roll(idx[0], -f)
                pairs.append(np.stack([last, first], axis=1))
        offset += n_p * n_s
    if offset != constellation.count:
        raise ParameterError("constellation", constellation.count, "Walker shells only")
    p = np.concatenate(pairs) if pairs else np.empty((0, 2), dtype=np.int64)
    p = np.unique(np.sort(p, axis=1), axis=0)
    p = p[p[:, 0] != p[:, 1]]
    return IslPattern(p, max_range_km, min_grazing_altitude_km, rate_bps)


@numba.njit(cache=True)
def _isl_kernel(pos, pairs, max_range_km, min_radius_km, length, usable):  # pragma: no cover
    for e in range(pairs.shape[0]):
        a = pairs[e, 0]
        b = pairs[e, 1]
        dx = pos[b, 0] - pos[a, 0]
        dy = pos[b, 1] - pos[a, 1]
        dz = pos[b, 2] - pos[a, 2]
        d2 = dx * dx + dy * dy + dz * dz
        d = math.sqrt(d2)
        length[e] = d
        # closest approach of the segment a->b to the Earth's centre
        tt = -(pos[a, 0] * dx + pos[a, 1] * dy + pos[a, 2] * dz) / d2 if d2 > 0 else 0.0
        tt = min(1.0, max(0.0, tt))
        cx = pos[a, 0] + tt * dx
        cy = pos[a, 1] + tt * dy
        cz = pos[a, 2] + tt * dz
        usable[e] = d <= max_range_km and (cx * cx + cy * cy + cz * cz) >= min_radius_km**2


def isl_lengths_km(pattern: IslPattern, positions_km: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Length (km) and usability (bool) of every candidate link at one instant.

    Parameters
    ----------
    pattern : IslPattern
    positions_km : numpy.ndarray, shape (N, 3)
        Satellite positions in any Earth-centred frame (km).
    """
    pos = np.ascontiguousarray(positions_km, dtype=np.float64)
    length = np.empty(pattern.pairs.shape[0])
    usable = np.empty(pattern.pairs.shape[0], dtype=np.bool_)
    _isl_kernel(
        pos, pattern.pairs, pattern.max_range_km,
        EARTH_MEAN_RADIUS_KM + pattern.min_grazing_altitude_km, length, usable,
    )  # fmt: skip
    return length, usable
