"""Doppler at high speed and the inter-carrier interference (ICI) it causes in OFDM.

Models (SI units inside; every function is vectorised over numpy arrays):

- Maximum Doppler frequency ``f_d = v f_c / c`` (first order in v / c; the same
  definition as TR 38.901 V17.0.0 7.5 step 11 and 7.7.2, ``f_D = v / lambda_0``).
- High-speed-train (HST) LOS Doppler shift ``f_s(t) = f_d cos(theta(t))`` of the HST
  propagation conditions of the 3GPP conformance specifications (TS 36.101 / TS 36.104
  Annex B.3, carried to NR in TS 38.101-4 and TS 38.104 Annex B.3)::

      cos theta(t) = (Ds/2 - v t) / sqrt(Dmin^2 + (Ds/2 - v t)^2),   0 <= t <= Ds/v
      cos theta(t) = (-1.5 Ds + v t) / sqrt(Dmin^2 + (-1.5 Ds + v t)^2),  Ds/v < t <= 2Ds/v
      cos theta(t) = cos theta(t mod (2 Ds / v)),                      t > 2 Ds / v

  with Ds the distance between two base stations and Dmin the distance of the base
  stations from the track. (Checked against the peer implementation of srsRAN 4G,
  ``lib/src/phy/channel/hst.c``, which writes the same law with period 2 Ds / v.)
- ICI power of OFDM in a wide-sense stationary time-varying channel, normalised to the
  received power of one subcarrier, for an FFT window ``T = 1 / SCS`` and a channel
  time correlation ``r(tau)`` (Li and Cimini, "Bounds on the interchannel interference of
  OFDM in time-varying impairments", IEEE Trans. Commun. 49(3), 2001, pp. 401-404;
  Russell and Stueber, "Interchannel interference analysis of OFDM in a mobile
  environment", IEEE VTC 1995, pp. 820-824)::

      P_ICI = 1 - integral_{-1}^{1} (1 - |x|) Re r(x T) dx

  * Clarke / Jakes spectrum (isotropic scattering): ``r(tau) = J0(2 pi f_d tau)``;
  * a residual carrier-frequency offset ``epsilon`` (fraction of the SCS) multiplies
    ``r`` by ``exp(j 2 pi epsilon tau / T)``; alone it gives the closed form
    ``P_ICI = 1 - sinc^2(epsilon)`` (sinc(x) = sin(pi x) / (pi x); Moose, IEEE Trans.
    Commun. 42(10), 1994; Pollet, Van Bladel and Moeneclaey, IEEE Trans. Commun.
    43(2/3/4), 1995), small-offset form ``(pi epsilon)^2 / 3``;
  * both together: ``r(tau) = J0(2 pi f_d tau) exp(j 2 pi epsilon tau / T)``, i.e.
    ``P_ICI = 1 - integral (1 - |x|) J0(2 pi f_d T x) cos(2 pi epsilon x) dx``.

  Small-argument forms, from the Taylor series of the integrand (a = 2 pi f_d T):
  Jakes ``P_ICI = a^2 / 24 - a^4 / 960 + ...`` so ``P_ICI ~ (pi f_d T)^2 / 6``; the
  Li-Cimini bound over every Doppler spectrum limited to |f| <= f_d is
  ``P_ICI <= a^2 / 12 = (pi f_d T)^2 / 3``, reached by a pure shift of f_d (the CFO case).
- Effective SINR: the ICI is Gaussian-like noise, the useful power shrinks by
  ``1 - P_ICI`` (all subcarriers loaded with equal power, so the ICI a subcarrier
  receives equals the power it leaks)::

      SINR_eff = (1 - P_ICI) S / (N + I + P_ICI S) = (1 - P_ICI) g / (1 + P_ICI g)

  with ``g = S / (N + I)`` the SINR without Doppler: an SIR ceiling of
  ``(1 - P_ICI) / P_ICI``. Interfering cells' ICI only moves their power between
  subcarriers, so I is unchanged (full-buffer interference).

Validity: the integral is evaluated for ``f_d T <= 0.5`` and ``|epsilon| <= 0.5``
(:data:`MAX_FD_T`, :data:`MAX_CFO_FRACTION`). Beyond half a subcarrier spacing a
frequency offset is an integer subcarrier shift plus a fraction (a synchronisation
failure, not ICI), and the ICI is no longer a small perturbation that a noise-like link
abstraction can carry. The small-argument forms are accepted for ``f_d T <= 0.1`` and
``|epsilon| <= 0.1``, where their relative error is below 1 % (next series term over the
first: ``(pi f_d T)^2 / 10`` for Jakes, ``2 (pi epsilon)^2 / 15`` for the offset).
The model assumes an infinite number of subcarriers (continuous-time analysis of Li and
Cimini) and no ICI cancellation at the receiver.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike
from scipy.special import j0

from netsim.errors import ParameterError, ValidityRangeError
from netsim.units import SPEED_OF_LIGHT_M_S

__all__ = [
    "MAX_FD_T",
    "MAX_CFO_FRACTION",
    "MAX_SMALL_ARGUMENT",
    "max_doppler_hz",
    "hst_doppler_shift_hz",
    "ici_power",
    "ici_power_jakes_small",
    "ici_power_cfo",
    "ici_power_cfo_small",
    "ici_power_ofdm",
    "effective_sinr_db",
]

MAX_FD_T = 0.5
"""Largest normalised Doppler ``f_d T`` (``f_d / SCS``) accepted by :func:`ici_power`."""
MAX_CFO_FRACTION = 0.5
"""Largest ``|epsilon|`` (frequency offset over the SCS): beyond it the offset is an
integer subcarrier shift (see the module docstring)."""
MAX_SMALL_ARGUMENT = 0.1
"""Largest ``f_d T`` or ``|epsilon|`` of the small-argument forms (relative error < 1 %)."""

_SRC_ICI = "Li & Cimini, IEEE Trans. Commun. 49(3) 2001 (ICI of OFDM, T = 1/SCS)"
_SRC_HST = "TS 36.101 / TS 38.101-4 Annex B.3 high-speed-train Doppler shift"

# Gauss-Legendre nodes on [0, 1] for the smooth, even integrand of the ICI integral:
# with a = 2 pi f_d T <= pi and 2 pi |epsilon| <= pi the integrand is entire and of low
# degree on the scale of 64 nodes, so the rule is exact to double precision.
_GL_X, _GL_W = np.polynomial.legendre.leggauss(64)
_GL_X = 0.5 * (_GL_X + 1.0)
_GL_W = 0.5 * _GL_W


def _check_range(field: str, x: np.ndarray, hi: float, source: str,
                 signed: bool = False) -> None:
    v = np.abs(x) if signed else x
    bad = ~np.isfinite(x) | (v > hi) | ((x < 0) if not signed else False)
    if np.any(bad):
        val = np.asarray(x)[bad].ravel()[:1].tolist()
        allowed = f"|{field}| <= {hi}" if signed else f"0 <= {field} <= {hi}"
        raise ValidityRangeError(field, val, allowed, source)


def max_doppler_hz(speed_m_s: ArrayLike, carrier_hz: ArrayLike) -> np.ndarray:
    """Maximum Doppler frequency ``f_d = v f_c / c`` (Hz).

    Parameters
    ----------
    speed_m_s : array_like
        Speed of the UE relative to the base station's environment (m/s), >= 0.
    carrier_hz : array_like
        Carrier frequency (Hz), > 0.

    Returns
    -------
    numpy.ndarray
        ``f_d`` (Hz), broadcast shape of the inputs. Source: TR 38.901 V17.0.0 7.7.2
        (``f_D = v / lambda_0``, first order in v / c).
    """
    v = np.asarray(speed_m_s, float)
    fc = np.asarray(carrier_hz, float)
    if np.any(~np.isfinite(v) | (v < 0)):
        raise ParameterError("speed_m_s", v[~(v >= 0)].ravel()[:1].tolist(), ">= 0 m/s")
    if np.any(~np.isfinite(fc) | (fc <= 0)):
        raise ParameterError("carrier_hz", fc[~(fc > 0)].ravel()[:1].tolist(), "> 0 Hz")
    return v * fc / SPEED_OF_LIGHT_M_S


def hst_doppler_shift_hz(t_s: ArrayLike, max_doppler_hz: float, speed_m_s: float,
                         ds_m: float, dmin_m: float) -> np.ndarray:
    """LOS Doppler shift of the 3GPP high-speed-train scenario ``f_s(t) = f_d cos theta(t)``.

    Parameters
    ----------
    t_s : array_like
        Time (s), >= 0; the law repeats with period ``2 Ds / v``.
    max_doppler_hz : float
        ``f_d`` (Hz), e.g. from :func:`max_doppler_hz`.
    speed_m_s : float
        Train speed ``v`` (m/s), > 0.
    ds_m : float
        ``Ds``: distance between two base stations (m), > 0.
    dmin_m : float
        ``Dmin``: distance of the base stations from the railway track (m), > 0.

    Returns
    -------
    numpy.ndarray
        ``f_s(t)`` (Hz): +f_d approaching a base station, -f_d leaving it. Source: TS 36.101
        Annex B.3 (and TS 38.101-4 / TS 38.104 Annex B.3 for NR), equations of cos theta(t)
        in the module docstring.
    """
    t = np.asarray(t_s, float)
    for field, val in (("speed_m_s", speed_m_s), ("ds_m", ds_m), ("dmin_m", dmin_m)):
        if not (np.isfinite(val) and val > 0):
            raise ParameterError(field, val, "> 0", _SRC_HST)
    if np.any(~np.isfinite(t) | (t < 0)):
        raise ParameterError("t_s", t[~(t >= 0)].ravel()[:1].tolist(), ">= 0 s", _SRC_HST)
    tm = np.mod(t, 2.0 * ds_m / speed_m_s)
    first = tm <= ds_m / speed_m_s
    u = np.where(first, 0.5 * ds_m - speed_m_s * tm, -1.5 * ds_m + speed_m_s * tm)
    return max_doppler_hz * u / np.sqrt(dmin_m * dmin_m + u * u)


def ici_power(fd_t: ArrayLike, cfo_fraction: ArrayLike = 0.0) -> np.ndarray:
    """ICI power (fraction of the received power) of OFDM in a Jakes channel with a
    residual frequency offset, exact integral.

    ``P_ICI = 1 - integral_{-1}^{1} (1 - |x|) J0(2 pi f_d T x) cos(2 pi epsilon x) dx``
    (Li and Cimini 2001, general time-correlation form; Jakes correlation J0; see the
    module docstring). ``cfo_fraction = 0`` gives the Russell-Stueber / Li-Cimini Jakes ICI;
    ``fd_t = 0`` gives ``1 - sinc^2(epsilon)``.

    Parameters
    ----------
    fd_t : array_like
        Normalised maximum Doppler ``f_d T = f_d / SCS``, in [0, 0.5].
    cfo_fraction : array_like
        Residual carrier-frequency offset over the SCS ``epsilon``, ``|epsilon| <= 0.5``.

    Returns
    -------
    numpy.ndarray
        ``P_ICI`` in [0, 1), broadcast shape of the inputs.
    """
    a = np.asarray(fd_t, float)
    e = np.asarray(cfo_fraction, float)
    _check_range("fd_t", a, MAX_FD_T, _SRC_ICI)
    _check_range("cfo_fraction", e, MAX_CFO_FRACTION, _SRC_ICI, signed=True)
    a, e = np.broadcast_arrays(a, e)
    # evaluate each distinct (f_d T, epsilon) once: UEs of a scenario share few speeds
    pairs, inv = np.unique(a.ravel() + 1j * e.ravel(), return_inverse=True)
    ua, ue = pairs.real[:, None], pairs.imag[:, None]
    x = _GL_X[None, :]
    # 2 * integral_0^1 (1 - x) [1 - J0(2 pi a x) cos(2 pi e x)] dx; integral (1-|x|) = 1
    f = 1.0 - j0(2.0 * np.pi * ua * x) * np.cos(2.0 * np.pi * ue * x)
    p = 2.0 * np.sum(_GL_W * (1.0 - x) * f, axis=-1)
    # rounding only: the integrand is >= 0
    return np.maximum(p, 0.0)[inv.ravel()].reshape(a.shape)


def ici_power_jakes_small(fd_t: ArrayLike) -> np.ndarray:
    """Leading term of the Jakes ICI for small ``f_d T``: ``(2 pi f_d T)^2 / 24``.

    Equal to ``(pi f_d T)^2 / 6``, half the Li-Cimini bound ``(2 pi f_d T)^2 / 12`` that holds
    for any Doppler spectrum limited to ``f_d`` (the Jakes spectrum has mean-square Doppler
    ``f_d^2 / 2``). Accepted for ``f_d T <= 0.1`` (relative error < 1 %).
    """
    a = np.asarray(fd_t, float)
    _check_range("fd_t", a, MAX_SMALL_ARGUMENT, _SRC_ICI + ", small-argument form")
    return (2.0 * np.pi * a) ** 2 / 24.0


def ici_power_cfo(cfo_fraction: ArrayLike) -> np.ndarray:
    """ICI power of a pure frequency offset ``epsilon`` (fraction of the SCS), static
    channel: ``1 - sinc^2(epsilon)`` (Moose 1994; Pollet et al. 1995). ``|epsilon| <= 0.5``."""
    e = np.asarray(cfo_fraction, float)
    _check_range("cfo_fraction", e, MAX_CFO_FRACTION, _SRC_ICI, signed=True)
    return 1.0 - np.sinc(e) ** 2


def ici_power_cfo_small(cfo_fraction: ArrayLike) -> np.ndarray:
    """Small-offset ICI of a frequency offset: ``(pi epsilon)^2 / 3`` (Pollet et al. 1995),
    accepted for ``|epsilon| <= 0.1`` (relative error < 1 %)."""
    e = np.asarray(cfo_fraction, float)
    _check_range("cfo_fraction", e, MAX_SMALL_ARGUMENT,
                 _SRC_ICI + ", small-argument form", signed=True)
    return (np.pi * e) ** 2 / 3.0


def ici_power_ofdm(speed_m_s: ArrayLike, carrier_hz: ArrayLike, scs_hz: ArrayLike,
                   residual_cfo_fraction: ArrayLike = 0.0) -> np.ndarray:
    """ICI power of an OFDM link of a UE moving at ``speed_m_s`` (Jakes spectrum).

    ``f_d T = v f_c / (c SCS)`` and a residual offset ``epsilon = rho f_d T``: ``rho``
    (``residual_cfo_fraction``, in [0, 1]) is the fraction of the maximum Doppler shift
    that the receiver's frequency tracking leaves uncorrected (0: ideal tracking; 1: a LOS
    shift of f_d left whole, the HST worst case ``cos theta = 1``). Returns
    :func:`ici_power` ``(f_d T, rho f_d T)``.
    """
    rho = np.asarray(residual_cfo_fraction, float)
    if np.any(~np.isfinite(rho) | (rho < 0) | (rho > 1)):
        raise ParameterError("residual_cfo_fraction", rho.ravel()[:1].tolist(), "in [0, 1]")
    scs = np.asarray(scs_hz, float)
    if np.any(~np.isfinite(scs) | (scs <= 0)):
        raise ParameterError("scs_hz", scs.ravel()[:1].tolist(), "> 0 Hz")
    fd_t = max_doppler_hz(speed_m_s, carrier_hz) / scs
    return ici_power(fd_t, rho * fd_t)


def effective_sinr_db(sinr_db: ArrayLike, ici: ArrayLike) -> np.ndarray:
    """SINR with the ICI as noise: ``(1 - P) g / (1 + P g)`` in dB (module docstring).

    Parameters
    ----------
    sinr_db : array_like
        SINR without Doppler ``g = S / (N + I)`` (dB); -inf stays -inf.
    ici : array_like
        ``P_ICI`` in [0, 1).
    """
    p = np.asarray(ici, float)
    if np.any(~np.isfinite(p) | (p < 0) | (p >= 1)):
        raise ParameterError("ici", p[~((p >= 0) & (p < 1))].ravel()[:1].tolist(), "in [0, 1)")
    g = 10.0 ** (np.asarray(sinr_db, float) / 10.0)
    with np.errstate(divide="ignore"):
        return 10.0 * np.log10((1.0 - p) * g / (1.0 + p * g))
