"""Walker constellations and their propagation.

Conventions (Walker, "Satellite constellations", J. British Interplanetary Society 37,
1984, pp. 559-572; notation ``i: T/P/F``)
-------------------------------------------------------------------------------
* ``T = planes * sats_per_plane`` satellites in ``P = planes`` equally populated
  circular planes at inclination ``i``; ``F`` (``phasing``, an integer ``0 <= F < P``)
  is the relative phasing.
* RAAN of plane ``p = 0 .. P-1``: ``raan0_deg + p * 360/P`` for ``kind="delta"``
  (planes spread over the full equator) and ``raan0_deg + p * 180/P`` for
  ``kind="star"`` (polar "Walker star" / "streets of coverage": co-rotating planes over
  half the equator, with a counter-rotating seam between plane ``P-1`` and plane 0).
* Argument of latitude at the epoch of slot ``s = 0 .. S-1`` in plane ``p``:
  ``u = s * 360/S + p * F * 360/T`` (degrees): satellites in plane ``p+1`` lead those
  in plane ``p`` by ``F * 360/T``.
* Satellite index ``n = shell_offset + p * S + s``; ``plane`` and ``slot`` arrays
  give ``p`` and ``s`` for every satellite.
* Times ``t_s`` are seconds since ``epoch_jd`` (Julian date UT1, default J2000.0); the
  inertial frame is that of :mod:`netsim.space.orbits` (z = Earth's axis, x = mean
  equinox), rotated to ECEF by GMST (:mod:`netsim.space.frames`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from netsim.errors import ParameterError
from netsim.space.frames import teme_to_ecef
from netsim.space.orbits import (
    R_EARTH_EQ_KM,
    OrbitalElements,
    _Prepared,
    _times,
)

__all__ = ["ShellSpec", "Constellation", "walker", "combine"]

_WALKER_SRC = "Walker 1984, JBIS 37, i:T/P/F notation"
J2000_JD = 2451545.0


@dataclass(frozen=True)
class ShellSpec:
    """Parameters of one Walker shell (see the module docstring for conventions)."""

    altitude_km: float
    inclination_deg: float
    planes: int
    sats_per_plane: int
    phasing: int
    kind: str = "delta"
    raan0_deg: float = 0.0
    name: str = ""

    @property
    def total(self) -> int:
        """Number of satellites T of the shell."""
        return self.planes * self.sats_per_plane

    @property
    def notation(self) -> str:
        """Walker notation ``i:T/P/F`` (e.g. ``53.0:1584/72/1``)."""
        return f"{self.inclination_deg:g}:{self.total}/{self.planes}/{self.phasing}"


class Constellation:
    """A set of satellites on (J2-drifting) circular or Keplerian orbits.

    Build with :func:`walker`, :func:`combine` or :func:`netsim.space.presets.preset`.

    Attributes
    ----------
    elements : OrbitalElements
        Mean elements at ``epoch_jd``.
    plane, slot, shell : numpy.ndarray of int, shape (N,)
        Orbital plane within the shell, slot within the plane, shell index.
    shells : tuple of ShellSpec
        Specification of each shell (the index used by ``shell``).
    epoch_jd : float
        Julian date (UT1) of ``t_s = 0``.
    """

    def __init__(
        self,
        elements: OrbitalElements,
        plane: np.ndarray,
        slot: np.ndarray,
        shell: np.ndarray,
        shells: tuple[ShellSpec, ...],
        epoch_jd: float = J2000_JD,
        j2: bool = True,
    ):
        self.elements = elements
        self.plane = np.asarray(plane, dtype=np.int64)
        self.slot = np.asarray(slot, dtype=np.int64)
        self.shell = np.asarray(shell, dtype=np.int64)
        self.shells = tuple(shells)
        self.epoch_jd = float(epoch_jd)
        self.j2 = bool(j2)
        self._prep = _Prepared(elements, self.j2)

    @property
    def count(self) -> int:
        """Number of satellites N."""
        return self.elements.count

    def __len__(self) -> int:
        return self.count

    def positions_eci_km(self, t_s: ArrayLike, out: np.ndarray | None = None) -> np.ndarray:
        """Inertial positions (km): shape (N, 3) at a scalar time, (T, N, 3) for an array.

        Parameters
        ----------
        t_s : float or array_like, shape (T,)
            Seconds since ``epoch_jd``.
        out : numpy.ndarray, shape (T, N, 3), optional
            Preallocated C-contiguous float64 output (array times only).
        """
        t, scalar = _times(t_s)
        if scalar and out is not None:
            raise ParameterError("out", "given", "None for a scalar time")
        pos, _ = self._prep.run(t, False, out)
        return pos[0] if scalar else pos

    def positions_velocities_eci(self, t_s: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
        """Inertial positions (km) and velocities (km/s), shapes as positions_eci_km."""
        t, scalar = _times(t_s)
        pos, vel = self._prep.run(t, True, None)
        return (pos[0], vel[0]) if scalar else (pos, vel)

    def positions_ecef_km(self, t_s: ArrayLike) -> np.ndarray:
        """Earth-fixed positions (km) (GMST rotation, :func:`frames.teme_to_ecef`)."""
        t, scalar = _times(t_s)
        pos, _ = self._prep.run(t, False, None)
        ecef = teme_to_ecef(pos, self.epoch_jd + t / 86400.0)
        return ecef[0] if scalar else ecef

    def positions_velocities_ecef(self, t_s: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
        """Earth-fixed positions (km) and velocities (km/s) (rotating-frame velocity)."""
        t, scalar = _times(t_s)
        pos, vel = self._prep.run(t, True, None)
        r, v = teme_to_ecef(pos, self.epoch_jd + t / 86400.0, vel)
        return (r[0], v[0]) if scalar else (r, v)


def _check_int(field: str, value: object, low: int, high: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise ParameterError(field, value, "an integer", source=_WALKER_SRC)
    v = int(value)
    if v < low or (high is not None and v > high):
        hi = "" if high is None else f" and <= {high}"
        raise ParameterError(field, value, f">= {low}{hi}", source=_WALKER_SRC)
    return v


def walker(
    altitude_km: float,
    inclination_deg: float,
    planes: int,
    sats_per_plane: int,
    phasing: int,
    kind: str = "delta",
    *,
    raan0_deg: float = 0.0,
    epoch_jd: float = J2000_JD,
    j2: bool = True,
    name: str = "",
) -> Constellation:
    """A Walker delta or star constellation of circular orbits.

    Parameters
    ----------
    altitude_km : float
        Altitude above the equatorial radius 6378.137 km (``a = R + h``).
    inclination_deg : float
        Inclination in [0, 180].
    planes, sats_per_plane : int
        ``P`` and ``S`` (``T = P S``).
    phasing : int
        Walker ``F`` in ``0 .. P-1``.
    kind : {"delta", "star"}
        RAAN spread of 360 deg (delta) or 180 deg (star).
    raan0_deg : float
        RAAN of plane 0.
    epoch_jd : float
        Julian date (UT1) of ``t_s = 0``.
    j2 : bool
        Secular J2 drift (:mod:`netsim.space.orbits`).

    Returns
    -------
    Constellation

    Examples
    --------
    >>> c = walker(550.0, 53.0, 72, 22, 1)          # Starlink shell 1: 53:1584/72/1
    >>> c.positions_eci_km(0.0).shape
    (1584, 3)
    >>> c.positions_eci_km([0.0, 60.0]).shape
    (2, 1584, 3)
    """
    if kind not in ("delta", "star"):
        raise ParameterError("kind", kind, "'delta' or 'star'", source=_WALKER_SRC)
    p_count = _check_int("planes", planes, 1)
    s_count = _check_int("sats_per_plane", sats_per_plane, 1)
    f = _check_int("phasing", phasing, 0, p_count - 1)
    if not (math.isfinite(altitude_km) and altitude_km > 0):
        raise ParameterError("altitude_km", altitude_km, "> 0")
    if not 0.0 <= inclination_deg <= 180.0:
        raise ParameterError("inclination_deg", inclination_deg, "[0, 180]")
    total = p_count * s_count
    plane = np.repeat(np.arange(p_count), s_count)
    slot = np.tile(np.arange(s_count), p_count)
    spread = 360.0 if kind == "delta" else 180.0
    raan = np.deg2rad(raan0_deg + plane * spread / p_count)
    u = np.deg2rad(slot * 360.0 / s_count + plane * f * 360.0 / total)
    el = OrbitalElements.from_arrays(
        R_EARTH_EQ_KM + altitude_km, 0.0, math.radians(inclination_deg), raan, 0.0, u
    )
    spec = ShellSpec(
        float(altitude_km), float(inclination_deg), p_count, s_count, f, kind,
        float(raan0_deg), name,
    )  # fmt: skip
    return Constellation(el, plane, slot, np.zeros(total, dtype=np.int64), (spec,), epoch_jd, j2)


def combine(*constellations: Constellation) -> Constellation:
    """Concatenate constellations (same epoch and J2 setting) into one; shells renumbered."""
    if not constellations:
        raise ParameterError("constellations", (), "at least one Constellation")
    first = constellations[0]
    for c in constellations[1:]:
        if c.epoch_jd != first.epoch_jd or c.j2 != first.j2:
            raise ParameterError("epoch_jd/j2", (c.epoch_jd, c.j2), "the same for every part")
    el = first.elements
    shells = list(first.shells)
    shell_idx = [first.shell]
    for c in constellations[1:]:
        el = el.concatenate(c.elements)
        shell_idx.append(c.shell + len(shells))
        shells.extend(c.shells)
    return Constellation(
        el,
        np.concatenate([c.plane for c in constellations]),
        np.concatenate([c.slot for c in constellations]),
        np.concatenate(shell_idx),
        tuple(shells),
        first.epoch_jd,
        first.j2,
    )
