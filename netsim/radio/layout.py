"""Hexagonal multi-site layouts with wrap-around (TR 38.901 clause 7.8 / TR 36.814 A.2.1.1).

The system-level evaluation layout of TR 38.901 V17.0.0 Table 7.8-1 (and TR 36.814
V9.2.0 Figure A.2.1.1-1) is a hexagonal grid of 19 sites (the centre site and two rings
of 6 and 12), each with 3 sectors whose panel boresights point at 30, 150 and 270 deg
(azimuth counted counter-clockwise from the x axis). With those boresights the sector
cells tile the plane when neighbouring sites lie at 30 + 60 k deg, at a distance equal
to the inter-site distance (ISD).

Wrap-around (TR 36.814 A.2.1.1.2; R1-050833): the 19-site cluster is surrounded by six
copies of itself, shifted by ``T_k = R_60k ((R + 1) a_1 + R a_2)`` where ``a_1, a_2``
are the site-lattice vectors at 30 and 90 deg and ``R`` the number of rings; ``|T_k| =
sqrt(3 R^2 + 3 R + 1) ISD`` (``sqrt(19) ISD`` for two rings). A UE sees every cell at
the nearest of its seven images, so every cell of the cluster has a full ring of
interferers.

Public API (kept stable; the calibration module uses it)
--------------------------------------------------------
``hex_layout(n_rings=2, isd_m=500.0, sectors=3)`` -> :class:`HexLayout`
``wrap_around_shifts_m(n_rings, isd_m)`` -> (7, 2) shifts (the first is zero)
``wrap_around_distances(ue_xy_m, cell_xy_m, isd_m, n_rings=2)`` -> :class:`WrapAround`
``wrap_positions(xy_m, isd_m, n_rings=2)`` -> positions folded into the cluster
``drop_ues(layout, n_ues, rng, min_distance_m=0.0)`` -> uniform UE drop in the cluster
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike

from netsim.errors import ParameterError

__all__ = [
    "HexLayout",
    "WrapAround",
    "hex_layout",
    "wrap_around_shifts_m",
    "wrap_around_distances",
    "wrap_positions",
    "drop_ues",
]

_SRC = "TR 38.901 V17.0.0 Table 7.8-1; TR 36.814 V9.2.0 A.2.1.1"


def _unit(deg: float) -> np.ndarray:
    r = np.radians(deg)
    return np.array([np.cos(r), np.sin(r)])


@dataclass(frozen=True)
class HexLayout:
    """Sites and sector cells of a hexagonal layout.

    Attributes
    ----------
    site_xy_m : numpy.ndarray, shape (S, 2)
        Site positions (m); site 0 is at the origin, then ring 1, ring 2, ... each ring
        ordered by increasing azimuth.
    cell_xy_m : numpy.ndarray, shape (M, 2)
        Position of each sector cell's antenna (the site position), M = S * sectors.
    cell_site : numpy.ndarray of int, shape (M,)
        Site index of each cell (cell ``m`` is sector ``m % sectors`` of site
        ``m // sectors``).
    cell_boresight_deg : numpy.ndarray, shape (M,)
        Panel boresight azimuth of each cell (deg, counter-clockwise from x).
    isd_m : float
        Inter-site distance (m).
    n_rings : int
        Number of rings around the centre site.
    sectors : int
        Sectors per site.
    """

    site_xy_m: np.ndarray
    cell_xy_m: np.ndarray
    cell_site: np.ndarray
    cell_boresight_deg: np.ndarray
    isd_m: float
    n_rings: int
    sectors: int

    @property
    def n_sites(self) -> int:
        """Number of sites S (``3 R^2 + 3 R + 1``)."""
        return int(self.site_xy_m.shape[0])

    @property
    def n_cells(self) -> int:
        """Number of cells M = S * sectors."""
        return int(self.cell_xy_m.shape[0])


class WrapAround(NamedTuple):
    """Per UE-cell pair geometry towards the nearest wrap-around image of the cell.

    Attributes
    ----------
    distance_m : numpy.ndarray, shape (N, M)
        2-D distance (m).
    azimuth_deg : numpy.ndarray, shape (N, M)
        Azimuth of the UE as seen from the cell image (deg, counter-clockwise from x,
        in (-180, 180]).
    dx_m, dy_m : numpy.ndarray, shape (N, M)
        UE position minus cell-image position (m).
    image : numpy.ndarray of int, shape (N, M)
        Index of the image used (0: the cluster itself, 1..6: the shifted copies of
        :func:`wrap_around_shifts_m`).
    """

    distance_m: np.ndarray
    azimuth_deg: np.ndarray
    dx_m: np.ndarray
    dy_m: np.ndarray
    image: np.ndarray


def _check_rings_isd(n_rings: int, isd_m: float) -> None:
    if isinstance(n_rings, bool) or not isinstance(n_rings, (int, np.integer)) or n_rings < 0:
        raise ParameterError("n_rings", n_rings, "an integer >= 0", _SRC)
    if not (np.isfinite(isd_m) and isd_m > 0):
        raise ParameterError("isd_m", isd_m, "a finite distance > 0 m", _SRC)


def _site_positions(n_rings: int, isd_m: float) -> np.ndarray:
    a1, a2 = isd_m * _unit(30.0), isd_m * _unit(90.0)
    pts: list[tuple[int, float, np.ndarray]] = []
    for i in range(-n_rings, n_rings + 1):
        for j in range(-n_rings, n_rings + 1):
            ring = max(abs(i), abs(j), abs(i + j))  # hex distance in axial coordinates
            if ring <= n_rings:
                p = i * a1 + j * a2
                ang = 0.0
                if ring:
                    ang = round(float(np.degrees(np.arctan2(p[1], p[0]))) - 30.0, 6) % 360.0
                pts.append((ring, ang, p))
    pts.sort(key=lambda t: (t[0], t[1]))
    return np.array([p for _, _, p in pts], dtype=float)


def hex_layout(n_rings: int = 2, isd_m: float = 500.0, sectors: int = 3,
               first_boresight_deg: float = 30.0) -> HexLayout:
    """Hexagonal layout of ``3 R^2 + 3 R + 1`` sites with ``sectors`` cells each.

    Parameters
    ----------
    n_rings : int, default 2
        Rings of sites around the centre (2 gives the 19-site layout of TR 38.901
        Table 7.8-1).
    isd_m : float, default 500
        Inter-site distance (m): 200 m UMi, 500 m UMa, 1732 m RMa (TR 38.901 Table 7.8-1).
    sectors : int, default 3
        Sectors per site; boresights ``first_boresight_deg + k 360 / sectors``.
    first_boresight_deg : float, default 30
        Boresight of sector 0 (deg).

    Returns
    -------
    HexLayout

    Examples
    --------
    >>> lay = hex_layout()
    >>> lay.n_sites, lay.n_cells, lay.cell_boresight_deg[:3].tolist()
    (19, 57, [30.0, 150.0, 270.0])
    """
    _check_rings_isd(n_rings, isd_m)
    if isinstance(sectors, bool) or not isinstance(sectors, (int, np.integer)) or sectors < 1:
        raise ParameterError("sectors", sectors, "an integer >= 1", _SRC)
    sites = _site_positions(int(n_rings), float(isd_m))
    bores = (first_boresight_deg + 360.0 / sectors * np.arange(sectors)) % 360.0
    return HexLayout(
        site_xy_m=sites,
        cell_xy_m=np.repeat(sites, sectors, axis=0),
        cell_site=np.repeat(np.arange(sites.shape[0]), sectors),
        cell_boresight_deg=np.tile(bores, sites.shape[0]),
        isd_m=float(isd_m),
        n_rings=int(n_rings),
        sectors=int(sectors),
    )


def wrap_around_shifts_m(n_rings: int = 2, isd_m: float = 500.0) -> np.ndarray:
    """The seven image shifts (m) of the wrap-around: zero, then ``T_k``, k = 0..5.

    ``T_0 = (R + 1) a_1 + R a_2`` with ``a_1 = ISD (cos 30, sin 30)``,
    ``a_2 = ISD (0, 1)``, and ``T_k`` its rotation by ``60 k`` deg
    (TR 36.814 A.2.1.1.2); ``|T_k| = sqrt(3 R^2 + 3 R + 1) ISD``.
    """
    _check_rings_isd(n_rings, isd_m)
    t0 = (n_rings + 1) * isd_m * _unit(30.0) + n_rings * isd_m * _unit(90.0)
    out = np.zeros((7, 2))
    for k in range(6):
        c, s = np.cos(np.radians(60.0 * k)), np.sin(np.radians(60.0 * k))
        out[k + 1] = (c * t0[0] - s * t0[1], s * t0[0] + c * t0[1])
    return out


def wrap_around_distances(
    ue_xy_m: ArrayLike, cell_xy_m: ArrayLike, isd_m: float, n_rings: int = 2
) -> WrapAround:
    """2-D distance and direction from each cell's nearest wrap-around image to each UE.

    Parameters
    ----------
    ue_xy_m : array_like, shape (N, 2) (or (N, 3): z ignored)
        UE positions (m), inside the cluster.
    cell_xy_m : array_like, shape (M, 2) (or (M, 3))
        Cell positions (m) of the layout (``HexLayout.cell_xy_m``).
    isd_m : float
        Inter-site distance (m).
    n_rings : int, default 2
        Rings of the layout.

    Returns
    -------
    WrapAround
        Distance, azimuth, offsets and image index per (UE, cell), shape (N, M).
    """
    ue = np.asarray(ue_xy_m, dtype=float)
    cell = np.asarray(cell_xy_m, dtype=float)
    if ue.ndim != 2 or ue.shape[1] not in (2, 3):
        raise ParameterError("ue_xy_m", ue.shape, "(N, 2) or (N, 3)")
    if cell.ndim != 2 or cell.shape[1] not in (2, 3):
        raise ParameterError("cell_xy_m", cell.shape, "(M, 2) or (M, 3)")
    shifts = wrap_around_shifts_m(n_rings, isd_m)
    # dx[n, m, k] = ue[n] - (cell[m] + shift[k])
    dx = ue[:, None, None, 0] - cell[None, :, None, 0] - shifts[None, None, :, 0]
    dy = ue[:, None, None, 1] - cell[None, :, None, 1] - shifts[None, None, :, 1]
    d2 = dx * dx + dy * dy
    img = np.argmin(d2, axis=2)
    dxs = np.take_along_axis(dx, img[..., None], axis=2)[..., 0]
    dys = np.take_along_axis(dy, img[..., None], axis=2)[..., 0]
    return WrapAround(
        distance_m=np.hypot(dxs, dys),
        azimuth_deg=np.degrees(np.arctan2(dys, dxs)),
        dx_m=dxs,
        dy_m=dys,
        image=img,
    )


def wrap_positions(xy_m: ArrayLike, isd_m: float, n_rings: int = 2) -> np.ndarray:
    """Fold positions back into the cluster (for UEs that move out of it).

    A point belongs to the image whose nearest site is closest; the point is shifted by
    minus that image's shift (:func:`wrap_around_shifts_m`). Points inside the cluster
    are returned unchanged.
    """
    p = np.array(xy_m, dtype=float, copy=True)
    if p.ndim != 2 or p.shape[1] < 2:
        raise ParameterError("xy_m", p.shape, "(N, 2) or (N, 3)")
    sites = _site_positions(int(n_rings), float(isd_m))
    shifts = wrap_around_shifts_m(n_rings, isd_m)
    for _ in range(3):  # a point can be at most a few cluster widths out after one step
        img_sites = sites[None, :, :] + shifts[:, None, :]  # (7, S, 2)
        d2 = ((p[:, None, None, :2] - img_sites[None]) ** 2).sum(-1)  # (N, 7, S)
        k = np.argmin(d2.min(axis=2), axis=1)
        if not k.any():
            break
        p[:, :2] -= shifts[k]
    return p


def drop_ues(layout: HexLayout, n_ues: int, rng: np.random.Generator,
             min_distance_m: float = 0.0) -> np.ndarray:
    """Drop ``n_ues`` UEs uniformly over the cluster (the union of the site hexagons).

    Each UE picks a site uniformly, then a point uniform in that site's hexagon
    (circumradius ``ISD / sqrt(3)``, flat sides facing the neighbours), redrawn while it
    is closer than ``min_distance_m`` to the site (TR 38.901 Table 7.8-1 minimum BS-UT
    distance, e.g. 35 m UMa, 10 m UMi). Draws come from ``rng`` only.

    Returns
    -------
    numpy.ndarray, shape (n_ues, 2)
        UE positions (m).
    """
    if isinstance(n_ues, bool) or not isinstance(n_ues, (int, np.integer)) or n_ues < 0:
        raise ParameterError("n_ues", n_ues, "an integer >= 0")
    r_c = layout.isd_m / np.sqrt(3.0)  # hexagon circumradius
    if not (0.0 <= min_distance_m < 0.5 * layout.isd_m):
        raise ParameterError("min_distance_m", min_distance_m, f"in [0, {0.5 * layout.isd_m})")
    out = np.empty((n_ues, 2))
    filled = 0
    # the site hexagon has vertices at 0, 60, ... deg (neighbours at 30 + 60 k deg):
    # inside iff |x| <= r_c, and the two slanted side pairs hold
    while filled < n_ues:
        m = max(16, 2 * (n_ues - filled))
        x = rng.uniform(-r_c, r_c, m)
        y = rng.uniform(-r_c * np.sqrt(3) / 2, r_c * np.sqrt(3) / 2, m)
        inside = np.abs(y) * (1 / np.sqrt(3)) + np.abs(x) * 1.0 <= r_c
        inside &= np.hypot(x, y) >= min_distance_m
        x, y = x[inside], y[inside]
        take = min(len(x), n_ues - filled)
        site = rng.integers(0, layout.n_sites, take)
        out[filled:filled + take, 0] = layout.site_xy_m[site, 0] + x[:take]
        out[filled:filled + take, 1] = layout.site_xy_m[site, 1] + y[:take]
        filled += take
    return out
