"""Ground stations: visibility above a minimum elevation, satellite selection, handovers.

Geometry
--------
Elevation is measured from the station's geodetic horizontal (WGS-84 ellipsoid normal,
:mod:`netsim.space.frames`), slant range is the straight-line distance. The maximum
slant range at a minimum elevation ``e`` for a circular orbit of altitude ``h`` over a
spherical Earth of radius ``R`` is (law of cosines in the Earth-centre / station /
satellite triangle; the form used by 3GPP TR 38.811 V15.4.0, section 6.6.2, for the
slant range ``d`` at elevation ``alpha``)::

    d_max = sqrt((R + h)^2 - (R cos e)^2) - R sin e

Selection policies (one serving satellite per station)
------------------------------------------------------
* ``"highest_elevation"``: the visible satellite with the largest elevation;
* ``"nearest"``: the visible satellite with the shortest slant range;
* ``"longest_visibility"``: the visible satellite that stays visible for the most
  following epochs of the window given (ties: highest elevation).

With ``sticky=True`` (:func:`serving_satellites`) a station keeps its satellite while it
stays visible and applies the policy only when it must hand over.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numba
import numpy as np
from numpy.typing import ArrayLike

from netsim.errors import ParameterError
from netsim.space.frames import geodetic_to_ecef_km

__all__ = [
    "GroundStations",
    "max_slant_range_km",
    "visibility",
    "select_satellite",
    "serving_satellites",
    "handover_events",
    "POLICIES",
]

POLICIES = ("highest_elevation", "nearest", "longest_visibility")


def max_slant_range_km(
    altitude_km: ArrayLike, min_elevation_deg: ArrayLike, earth_radius_km: float = 6371.0
) -> np.ndarray | float:
    """Largest slant range at which a satellite at ``altitude_km`` is seen above the
    minimum elevation, spherical Earth (closed form in the module docstring)."""
    h = np.asarray(altitude_km, dtype=np.float64)
    e = np.deg2rad(np.asarray(min_elevation_deg, dtype=np.float64))
    if np.any(h <= 0):
        raise ParameterError("altitude_km", altitude_km, "> 0")
    if np.any((e < 0) | (e > np.pi / 2)):
        raise ParameterError("min_elevation_deg", min_elevation_deg, "[0, 90]")
    r = earth_radius_km
    d = np.sqrt((r + h) ** 2 - (r * np.cos(e)) ** 2) - r * np.sin(e)
    return float(d) if d.ndim == 0 else d


@dataclass(frozen=True)
class GroundStations:
    """G ground stations at WGS-84 geodetic positions.

    Attributes
    ----------
    latitude_deg, longitude_deg, altitude_m : numpy.ndarray, shape (G,)
    names : tuple of str
    ecef_km : numpy.ndarray, shape (G, 3)
        Earth-fixed positions (km).
    up : numpy.ndarray, shape (G, 3)
        Unit ellipsoid normals (local vertical).
    """

    latitude_deg: np.ndarray
    longitude_deg: np.ndarray
    altitude_m: np.ndarray
    names: tuple[str, ...]
    ecef_km: np.ndarray
    up: np.ndarray

    @classmethod
    def from_geodetic(
        cls,
        latitude_deg: ArrayLike,
        longitude_deg: ArrayLike,
        altitude_m: ArrayLike = 0.0,
        names: list[str] | None = None,
    ) -> GroundStations:
        """Stations from geodetic coordinates (validated)."""
        lat, lon, alt = (
            np.atleast_1d(np.asarray(x, dtype=np.float64))
            for x in np.broadcast_arrays(latitude_deg, longitude_deg, altitude_m)
        )
        if lat.ndim != 1 or lat.size == 0:
            raise ParameterError("latitude_deg", lat.shape, "a non-empty 1-D array")
        if np.any(np.abs(lat) > 90) or not np.all(np.isfinite(lat)):
            raise ParameterError("latitude_deg", lat, "finite values in [-90, 90]")
        if not np.all(np.isfinite(lon)):
            raise ParameterError("longitude_deg", lon, "finite values")
        if names is None:
            names = [f"gs{i}" for i in range(lat.size)]
        if len(names) != lat.size:
            raise ParameterError("names", len(names), f"{lat.size} names")
        phi = np.deg2rad(lat)
        lam = np.deg2rad(lon)
        up = np.stack([np.cos(phi) * np.cos(lam), np.cos(phi) * np.sin(lam), np.sin(phi)], 1)
        ecef = geodetic_to_ecef_km(lat, lon, alt)
        return cls(lat.copy(), lon.copy(), alt.copy(), tuple(names), ecef, np.ascontiguousarray(up))

    @property
    def count(self) -> int:
        """Number of stations G."""
        return int(self.latitude_deg.shape[0])


@numba.njit(cache=True)
def _look_kernel(st, up, sat, sin_el, rng):  # pragma: no cover - compiled
    for g in range(st.shape[0]):
        for j in range(sat.shape[0]):
            dx = sat[j, 0] - st[g, 0]
            dy = sat[j, 1] - st[g, 1]
            dz = sat[j, 2] - st[g, 2]
            d = math.sqrt(dx * dx + dy * dy + dz * dz)
            rng[g, j] = d
            sin_el[g, j] = (dx * up[g, 0] + dy * up[g, 1] + dz * up[g, 2]) / d


def visibility(
    stations: GroundStations, sat_ecef_km: np.ndarray, min_elevation_deg: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Elevation, slant range and visibility of every satellite from every station.

    Parameters
    ----------
    stations : GroundStations
    sat_ecef_km : numpy.ndarray, shape (N, 3)
        Satellite Earth-fixed positions at one instant (km).
    min_elevation_deg : float
        Minimum elevation in [0, 90].

    Returns
    -------
    elevation_deg, slant_range_km : numpy.ndarray, shape (G, N)
    visible : numpy.ndarray of bool, shape (G, N)
    """
    if not 0.0 <= min_elevation_deg <= 90.0:
        raise ParameterError("min_elevation_deg", min_elevation_deg, "[0, 90]")
    sat = np.ascontiguousarray(sat_ecef_km, dtype=np.float64)
    if sat.ndim != 2 or sat.shape[1] != 3:
        raise ParameterError("sat_ecef_km", sat.shape, "shape (N, 3)")
    sin_el = np.empty((stations.count, sat.shape[0]))
    rng = np.empty_like(sin_el)
    _look_kernel(stations.ecef_km, stations.up, sat, sin_el, rng)
    el = np.rad2deg(np.arcsin(np.clip(sin_el, -1.0, 1.0)))
    return el, rng, el >= min_elevation_deg


def _remaining_epochs(visible_window: np.ndarray) -> np.ndarray:
    """Consecutive epochs (from the first) each pair stays visible: (K, G, N) -> (G, N)."""
    run = np.cumprod(visible_window, axis=0, dtype=np.int64)
    return run.sum(axis=0)


def select_satellite(
    policy: str,
    elevation_deg: np.ndarray,
    slant_range_km: np.ndarray,
    visible: np.ndarray,
    visible_window: np.ndarray | None = None,
) -> np.ndarray:
    """Serving satellite of every station at one epoch (-1 where none is visible).

    Parameters
    ----------
    policy : {"highest_elevation", "nearest", "longest_visibility"}
    elevation_deg, slant_range_km, visible : numpy.ndarray, shape (G, N)
        From :func:`visibility`.
    visible_window : numpy.ndarray of bool, shape (K, G, N), optional
        Visibility at this epoch and the K-1 following ones; required for
        ``"longest_visibility"``.
    """
    if policy not in POLICIES:
        raise ParameterError("policy", policy, f"one of {POLICIES}")
    any_vis = visible.any(axis=1)
    if policy == "highest_elevation":
        score = np.where(visible, elevation_deg, -np.inf)
    elif policy == "nearest":
        score = np.where(visible, -slant_range_km, -np.inf)
    else:
        if visible_window is None:
            raise ParameterError("visible_window", None, "a (K, G, N) array for this policy")
        remaining = _remaining_epochs(visible_window)
        # lexicographic: remaining epochs first, then elevation (in [-90, 90])
        score = np.where(visible, remaining * 1000.0 + elevation_deg, -np.inf)
    best = np.argmax(score, axis=1)
    return np.where(any_vis, best, -1)


def serving_satellites(
    stations: GroundStations,
    sat_ecef_km: np.ndarray,
    min_elevation_deg: float,
    policy: str = "highest_elevation",
    *,
    sticky: bool = False,
) -> np.ndarray:
    """Serving satellite of every station at every epoch.

    Parameters
    ----------
    sat_ecef_km : numpy.ndarray, shape (T, N, 3)
        Satellite Earth-fixed positions at T epochs.
    sticky : bool
        Keep the serving satellite while it stays visible; re-select by ``policy``
        only when it sets.

    Returns
    -------
    numpy.ndarray of int64, shape (T, G)
        Satellite index, -1 where no satellite is visible. For
        ``"longest_visibility"`` the window is the rest of the epochs given.
    """
    pos = np.asarray(sat_ecef_km, dtype=np.float64)
    if pos.ndim != 3:
        raise ParameterError("sat_ecef_km", pos.shape, "shape (T, N, 3)")
    looks = [visibility(stations, pos[k], min_elevation_deg) for k in range(pos.shape[0])]
    vis_all = np.stack([v for _, _, v in looks])
    out = np.full((pos.shape[0], stations.count), -1, dtype=np.int64)
    prev = np.full(stations.count, -1, dtype=np.int64)
    g_idx = np.arange(stations.count)
    for k, (el, rng, vis) in enumerate(looks):
        window = vis_all[k:] if policy == "longest_visibility" else None
        sel = select_satellite(policy, el, rng, vis, window)
        if sticky:
            keep = (prev >= 0) & vis[g_idx, np.maximum(prev, 0)]
            sel = np.where(keep, prev, sel)
        out[k] = sel
        prev = sel
    return out


def handover_events(serving: np.ndarray) -> np.ndarray:
    """Handover events from a (T, G) serving-satellite table.

    Returns
    -------
    numpy.ndarray, structured, fields ``epoch`` (int64), ``station`` (int64),
    ``from_sat`` (int64, -1 for an acquisition), ``to_sat`` (int64, -1 for a loss),
    sorted by epoch then station.
    """
    s = np.asarray(serving, dtype=np.int64)
    if s.ndim != 2:
        raise ParameterError("serving", s.shape, "shape (T, G)")
    k, g = np.nonzero(s[1:] != s[:-1])
    ev = np.empty(k.size, dtype=[("epoch", "i8"), ("station", "i8"), ("from_sat", "i8"),
                                 ("to_sat", "i8")])  # fmt: skip
    ev["epoch"] = k + 1
    ev["station"] = g
    ev["from_sat"] = s[k, g]
    ev["to_sat"] = s[k + 1, g]
    return ev
