"""Two-body orbits with J2 secular drift, vectorised over satellites and times.

Model
-----
Mean Keplerian elements ``(a, e, i, RAAN, argp, M)`` drift linearly in time under the
secular part of the Earth's J2 zonal harmonic (Vallado, *Fundamentals of Astrodynamics
and Applications*, 4th ed., 2013, section 9.6, eq. 9-41)::

    n     = sqrt(mu / a^3),   p = a (1 - e^2)
    dRAAN/dt = -3/2 n J2 (R/p)^2 cos i
    dargp/dt =  3/4 n J2 (R/p)^2 (4 - 5 sin^2 i)
    dM/dt    =  n + 3/4 n J2 (R/p)^2 sqrt(1 - e^2) (3 cos^2 i - 1)

(``3 cos^2 i - 1 = 2 - 3 sin^2 i``). The semi-major axis, eccentricity and inclination
are constant; short-periodic J2 terms, drag and third bodies are not modelled. Kepler's
equation is solved by Newton iteration (Vallado, algorithm 2). Positions are given in
an inertial frame whose z axis is the Earth's rotation axis and whose x axis points to
the mean equinox; turning it into ECEF with GMST alone (``netsim.space.frames``) is the
TEME -> PEF rotation of Vallado et al., AIAA 2006-6753, so these positions can be used
wherever SGP4's TEME positions are.

Constants (WGS-84 / EGM-96 as tabulated in Vallado, 4th ed., Appendix D):
``mu = 398600.4418 km^3/s^2``, ``R = 6378.137 km``, ``J2 = 1.08262668e-3``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numba
import numpy as np
from numpy.typing import ArrayLike

from netsim.errors import ParameterError

__all__ = [
    "MU_EARTH_KM3_S2",
    "R_EARTH_EQ_KM",
    "J2_EARTH",
    "OrbitalElements",
    "orbital_period_s",
    "j2_secular_rates_rad_s",
    "sun_synchronous_inclination_deg",
    "propagate",
]

MU_EARTH_KM3_S2 = 398600.4418
"""Earth gravitational parameter (km^3/s^2), WGS-84 / EGM-96 (Vallado 4th ed., App. D)."""
R_EARTH_EQ_KM = 6378.137
"""Earth equatorial radius (km), WGS-84 (NIMA TR8350.2, Table 3.1)."""
J2_EARTH = 1.08262668e-3
"""Earth second zonal harmonic (unitless), EGM-96 (Vallado 4th ed., Appendix D)."""

_SOURCE = "Vallado, Fundamentals of Astrodynamics and Applications, 4th ed., eq. 9-41"


@dataclass(frozen=True)
class OrbitalElements:
    """Mean Keplerian elements of N satellites at a common epoch (arrays of shape (N,)).

    Attributes
    ----------
    semi_major_axis_km, eccentricity, inclination_rad, raan_rad, arg_perigee_rad,
    mean_anomaly_rad : numpy.ndarray, shape (N,)
        Elements at ``t = 0``. For a circular orbit (``eccentricity == 0``) only the sum
        ``arg_perigee_rad + mean_anomaly_rad`` (the argument of latitude) matters.
    """

    semi_major_axis_km: np.ndarray
    eccentricity: np.ndarray
    inclination_rad: np.ndarray
    raan_rad: np.ndarray
    arg_perigee_rad: np.ndarray
    mean_anomaly_rad: np.ndarray

    @classmethod
    def from_arrays(
        cls,
        semi_major_axis_km: ArrayLike,
        eccentricity: ArrayLike,
        inclination_rad: ArrayLike,
        raan_rad: ArrayLike,
        arg_perigee_rad: ArrayLike,
        mean_anomaly_rad: ArrayLike,
    ) -> OrbitalElements:
        """Validate and broadcast element arrays to a common shape (N,).

        Raises
        ------
        ParameterError
            Perigee below the Earth's equatorial radius, eccentricity outside [0, 1),
            inclination outside [0, pi], or non-finite values.
        """
        arrs = np.broadcast_arrays(
            *[
                np.atleast_1d(np.asarray(x, dtype=np.float64))
                for x in (
                    semi_major_axis_km,
                    eccentricity,
                    inclination_rad,
                    raan_rad,
                    arg_perigee_rad,
                    mean_anomaly_rad,
                )
            ]
        )
        a, e, i, raan, argp, m = (np.ascontiguousarray(x, dtype=np.float64) for x in arrs)
        if a.ndim != 1:
            raise ParameterError("elements", a.shape, "one-dimensional arrays (N,)")
        names = (
            "semi_major_axis_km",
            "eccentricity",
            "inclination_rad",
            "raan_rad",
            "arg_perigee_rad",
            "mean_anomaly_rad",
        )
        for name, x in zip(names, (a, e, i, raan, argp, m), strict=True):
            if not np.all(np.isfinite(x)):
                raise ParameterError(name, x[~np.isfinite(x)][0], "finite values")
        if np.any((e < 0.0) | (e >= 1.0)):
            raise ParameterError("eccentricity", e[(e < 0) | (e >= 1)][0], "0 <= e < 1")
        if np.any((i < 0.0) | (i > math.pi)):
            raise ParameterError("inclination_rad", i[(i < 0) | (i > math.pi)][0], "[0, pi]")
        perigee = a * (1.0 - e)
        if np.any(perigee <= R_EARTH_EQ_KM):
            raise ParameterError(
                "semi_major_axis_km",
                a[perigee <= R_EARTH_EQ_KM][0],
                f"a (1 - e) > {R_EARTH_EQ_KM} km (perigee above the Earth's surface)",
            )
        return cls(a, e, i, raan, argp, m)

    @property
    def count(self) -> int:
        """Number of satellites N."""
        return int(self.semi_major_axis_km.shape[0])

    def concatenate(self, other: OrbitalElements) -> OrbitalElements:
        """Elements of ``self`` followed by those of ``other``."""
        return OrbitalElements(
            *[
                np.concatenate([getattr(self, f), getattr(other, f)])
                for f in (
                    "semi_major_axis_km",
                    "eccentricity",
                    "inclination_rad",
                    "raan_rad",
                    "arg_perigee_rad",
                    "mean_anomaly_rad",
                )
            ]
        )


def orbital_period_s(semi_major_axis_km: ArrayLike) -> np.ndarray | float:
    """Keplerian (two-body) period ``T = 2 pi sqrt(a^3 / mu)`` in seconds.

    Source: Kepler's third law (Vallado, 4th ed., chapter 1).
    """
    a = np.asarray(semi_major_axis_km, dtype=np.float64)
    if np.any(a <= 0):
        raise ParameterError("semi_major_axis_km", a, "> 0")
    return 2.0 * np.pi * np.sqrt(a**3 / MU_EARTH_KM3_S2)


def j2_secular_rates_rad_s(
    semi_major_axis_km: ArrayLike, eccentricity: ArrayLike, inclination_rad: ArrayLike
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Secular J2 rates of RAAN, argument of perigee and mean anomaly (rad/s).

    Source: Vallado, 4th ed., eq. 9-41 (see module docstring). The mean-anomaly rate
    includes the mean motion ``n``.

    Returns
    -------
    raan_dot_rad_s, argp_dot_rad_s, mean_anomaly_dot_rad_s : numpy.ndarray
        Broadcast shape of the inputs.
    """
    a = np.asarray(semi_major_axis_km, dtype=np.float64)
    e = np.asarray(eccentricity, dtype=np.float64)
    i = np.asarray(inclination_rad, dtype=np.float64)
    n = np.sqrt(MU_EARTH_KM3_S2 / a**3)
    p = a * (1.0 - e**2)
    k = n * J2_EARTH * (R_EARTH_EQ_KM / p) ** 2
    ci = np.cos(i)
    si2 = np.sin(i) ** 2
    raan_dot = -1.5 * k * ci
    argp_dot = 0.75 * k * (4.0 - 5.0 * si2)
    m_dot = n + 0.75 * k * np.sqrt(1.0 - e**2) * (2.0 - 3.0 * si2)
    return raan_dot, argp_dot, m_dot


def sun_synchronous_inclination_deg(altitude_km: float, eccentricity: float = 0.0) -> float:
    """Inclination at which the J2 nodal regression equals the mean motion of the Sun.

    Solves ``dRAAN/dt = 360 deg / 365.2421897 d`` (one tropical year, Vallado 4th ed.,
    section 9.6) for ``cos i`` with the rate of eq. 9-41.
    """
    a = R_EARTH_EQ_KM + float(altitude_km)
    if altitude_km <= 0:
        raise ParameterError("altitude_km", altitude_km, "> 0")
    target = 2.0 * math.pi / (365.2421897 * 86400.0)
    n = math.sqrt(MU_EARTH_KM3_S2 / a**3)
    p = a * (1.0 - eccentricity**2)
    cos_i = -target / (1.5 * n * J2_EARTH * (R_EARTH_EQ_KM / p) ** 2)
    if not -1.0 <= cos_i <= 1.0:
        raise ParameterError(
            "altitude_km", altitude_km, "an altitude where a sun-synchronous orbit exists"
        )
    return math.degrees(math.acos(cos_i))


# --------------------------------------------------------------------------- kernels
@numba.njit(cache=True, parallel=True)
def _circular_kernel(
    r_km, cu0, su0, cw0, sw0, ci, si, group, g_udot, g_wdot, t_s, pos, vel, want_vel
):  # pragma: no cover - compiled
    """Circular orbits. Satellites sharing (a, i) share rates (``group``), so the
    trigonometry of the drift ``(udot t, Wdot t)`` is done once per group and time and
    combined with each satellite's initial angles by the angle-addition formulas."""
    n_t = t_s.shape[0]
    n_sat = r_km.shape[0]
    n_grp = g_udot.shape[0]
    for k in numba.prange(n_t):
        tk = t_s[k]
        cdu = np.empty(n_grp)
        sdu = np.empty(n_grp)
        cdw = np.empty(n_grp)
        sdw = np.empty(n_grp)
        for g in range(n_grp):
            du = g_udot[g] * tk
            dw = g_wdot[g] * tk
            cdu[g] = math.cos(du)
            sdu[g] = math.sin(du)
            cdw[g] = math.cos(dw)
            sdw[g] = math.sin(dw)
        for j in range(n_sat):
            g = group[j]
            cu = cu0[j] * cdu[g] - su0[j] * sdu[g]
            su = su0[j] * cdu[g] + cu0[j] * sdu[g]
            cw = cw0[j] * cdw[g] - sw0[j] * sdw[g]
            sw = sw0[j] * cdw[g] + cw0[j] * sdw[g]
            r = r_km[j]
            x = r * (cu * cw - su * ci[j] * sw)
            y = r * (cu * sw + su * ci[j] * cw)
            pos[k, j, 0] = x
            pos[k, j, 1] = y
            pos[k, j, 2] = r * su * si[j]
            if want_vel:
                ru = r * g_udot[g]
                wd = g_wdot[g]
                vel[k, j, 0] = ru * (-su * cw - cu * ci[j] * sw) - wd * y
                vel[k, j, 1] = ru * (-su * sw + cu * ci[j] * cw) + wd * x
                vel[k, j, 2] = ru * cu * si[j]


@numba.njit(cache=True, parallel=True)
def _kepler_kernel(
    a_km, ecc, inc, w0, argp0, m0, wdot, argpdot, mdot, t_s, mu, pos, vel, want_vel
):  # pragma: no cover - compiled
    """Elliptic orbits: Kepler's equation by Newton iteration per satellite and time."""
    n_t = t_s.shape[0]
    n_sat = a_km.shape[0]
    for idx in numba.prange(n_t * n_sat):
        k = idx // n_sat
        j = idx - k * n_sat
        tk = t_s[k]
        e = ecc[j]
        a = a_km[j]
        m = m0[j] + mdot[j] * tk
        m = m - 2.0 * math.pi * math.floor(m / (2.0 * math.pi))
        big_e = m if e < 0.8 else math.pi
        for _ in range(30):
            f = big_e - e * math.sin(big_e) - m
            d = f / (1.0 - e * math.cos(big_e))
            big_e -= d
            if abs(d) < 1e-13:
                break
        ce = math.cos(big_e)
        se = math.sin(big_e)
        sq = math.sqrt(1.0 - e * e)
        nu = math.atan2(sq * se, ce - e)
        r = a * (1.0 - e * ce)
        u = argp0[j] + argpdot[j] * tk + nu
        w = w0[j] + wdot[j] * tk
        cu = math.cos(u)
        su = math.sin(u)
        cw = math.cos(w)
        sw = math.sin(w)
        ci = math.cos(inc[j])
        si = math.sin(inc[j])
        x = r * (cu * cw - su * ci * sw)
        y = r * (cu * sw + su * ci * cw)
        pos[k, j, 0] = x
        pos[k, j, 1] = y
        pos[k, j, 2] = r * su * si
        if want_vel:
            n0 = math.sqrt(mu / (a * a * a))
            p = a * (1.0 - e * e)
            scale = (mdot[j] / n0) * math.sqrt(mu / p)
            cnu = math.cos(nu)
            rdot = scale * e * math.sin(nu)
            rudot = scale * (1.0 + e * cnu) + r * argpdot[j]
            wd = wdot[j]
            vel[k, j, 0] = rdot * (cu * cw - su * ci * sw) + rudot * (-su * cw - cu * ci * sw)
            vel[k, j, 0] -= wd * y
            vel[k, j, 1] = rdot * (cu * sw + su * ci * cw) + rudot * (-su * sw + cu * ci * cw)
            vel[k, j, 1] += wd * x
            vel[k, j, 2] = rdot * su * si + rudot * cu * si


def _times(t_s: ArrayLike) -> tuple[np.ndarray, bool]:
    t = np.asarray(t_s, dtype=np.float64)
    scalar = t.ndim == 0
    t = np.ascontiguousarray(np.atleast_1d(t))
    if t.ndim != 1:
        raise ParameterError("t_s", t.shape, "a scalar or a one-dimensional array of times")
    if not np.all(np.isfinite(t)):
        raise ParameterError("t_s", t[~np.isfinite(t)][0], "finite times (s)")
    return t, scalar


class _Prepared:
    """Per-element-set constants reused by every call of :func:`propagate`."""

    def __init__(self, el: OrbitalElements, j2: bool):
        a, e, i = el.semi_major_axis_km, el.eccentricity, el.inclination_rad
        if j2:
            wdot, argpdot, mdot = j2_secular_rates_rad_s(a, e, i)
        else:
            wdot = np.zeros_like(a)
            argpdot = np.zeros_like(a)
            mdot = np.sqrt(MU_EARTH_KM3_S2 / a**3)
        self.circular = bool(np.all(e == 0.0))
        self.a, self.e, self.i = a, e, i
        self.w0, self.argp0, self.m0 = el.raan_rad, el.arg_perigee_rad, el.mean_anomaly_rad
        self.wdot, self.argpdot, self.mdot = wdot, argpdot, mdot
        if self.circular:
            key = np.stack([a, i], axis=1)
            _, first, group = np.unique(key, axis=0, return_index=True, return_inverse=True)
            self.group = np.ascontiguousarray(group.reshape(-1), dtype=np.int64)
            self.g_udot = np.ascontiguousarray((argpdot + mdot)[first])
            self.g_wdot = np.ascontiguousarray(wdot[first])
            u0 = el.arg_perigee_rad + el.mean_anomaly_rad
            self.cu0, self.su0 = np.cos(u0), np.sin(u0)
            self.cw0, self.sw0 = np.cos(el.raan_rad), np.sin(el.raan_rad)
            self.ci, self.si = np.cos(i), np.sin(i)

    def run(self, t: np.ndarray, velocity: bool, out: np.ndarray | None):
        shape = (t.shape[0], self.a.shape[0], 3)
        if out is None:
            pos = np.empty(shape)
        else:
            if out.shape != shape or out.dtype != np.float64 or not out.flags.c_contiguous:
                raise ParameterError("out", out.shape, f"a C-contiguous float64 array {shape}")
            pos = out
        vel = np.empty(shape) if velocity else np.empty((1, 1, 3))
        if self.circular:
            _circular_kernel(
                self.a, self.cu0, self.su0, self.cw0, self.sw0, self.ci, self.si,
                self.group, self.g_udot, self.g_wdot, t, pos, vel, velocity,
            )  # fmt: skip
        else:
            _kepler_kernel(
                self.a, self.e, self.i, self.w0, self.argp0, self.m0,
                self.wdot, self.argpdot, self.mdot, t, MU_EARTH_KM3_S2, pos, vel, velocity,
            )  # fmt: skip
        return pos, (vel if velocity else None)


def propagate(
    elements: OrbitalElements,
    t_s: ArrayLike,
    *,
    j2: bool = True,
    velocity: bool = False,
) -> np.ndarray | tuple[np.ndarray, np.ndarray]:
    """Positions (and velocities) of every satellite at every time, inertial frame.

    Parameters
    ----------
    elements : OrbitalElements
        N satellites at the epoch ``t = 0``.
    t_s : float or array_like, shape (T,)
        Times since the epoch (s).
    j2 : bool
        Apply the secular J2 drift (Vallado 4th ed., eq. 9-41); ``False`` gives pure
        two-body motion.
    velocity : bool
        Also return velocities: the exact time derivative of the modelled motion.

    Returns
    -------
    positions_km : numpy.ndarray, shape (N, 3) for a scalar time, else (T, N, 3)
    velocities_km_s : numpy.ndarray, same shape (only if ``velocity``)
    """
    t, scalar = _times(t_s)
    pos, vel = _Prepared(elements, j2).run(t, velocity, None)
    if scalar:
        pos = pos[0]
        vel = vel[0] if vel is not None else None
    return (pos, vel) if velocity else pos
