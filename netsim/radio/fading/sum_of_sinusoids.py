"""Rayleigh and Rician fading with Clarke/Jakes time correlation, by sum of sinusoids.

Model
-----
Clarke's isotropic-scattering model evaluated as a sum of ``M`` sinusoids with random
arrival angles and phases (the "statistical" sum-of-sinusoids simulator; Clarke, Bell Syst.
Tech. J. 47(6), 1968; Jakes, *Microwave Mobile Communications*, 1974, ch. 1; Patzold,
*Mobile Fading Channels*, 2002, ch. 5)::

    g(t) = M^-1/2 * sum_m exp(j (2 pi f_D cos(alpha_m) t + phi_m)),
    alpha_m, phi_m ~ U[0, 2 pi) independent, one draw per link.

Over the ensemble of links ``E[g(t) g*(t + tau)] = E[exp(-j 2 pi f_D tau cos alpha)]
= J0(2 pi f_D tau)`` exactly for any M, and ``E|g|^2 = 1``; g is complex Gaussian in the
limit of large M (``E|g|^4 = 2 - 1/M``, Rayleigh: 2). Rician fading adds a specular
component (TR 38.901 7.7.6 / Rice)::

    h(t) = sqrt(K / (K + 1)) exp(j (2 pi f_D cos(theta_LOS) t + phi_0)) + sqrt(1 / (K + 1)) g(t)

so that ``E|h|^2 = 1`` and the K factor is the ratio of specular to diffuse power.
Block fading samples h at the start of each block (constant within a block).
"""

from __future__ import annotations

import math

import numba
import numpy as np
from numpy.typing import ArrayLike

from netsim.errors import ParameterError
from netsim.units import SPEED_OF_LIGHT_M_S

__all__ = [
    "DEFAULT_N_SINUSOIDS",
    "SumOfSinusoidsFading",
    "block_fading_gains",
    "max_doppler_hz",
]

DEFAULT_N_SINUSOIDS = 32
"""Sinusoids per fading process (E|g|^4 = 2 - 1/32: Rayleigh to within 1.6 %)."""

_SRC = "Clarke/Jakes sum-of-sinusoids fading"


def max_doppler_hz(speed_m_s: ArrayLike, freq_hz: ArrayLike) -> np.ndarray:
    """Maximum Doppler shift ``f_D = v f / c`` (Hz) of a UE moving at ``speed_m_s``."""
    v = np.asarray(speed_m_s, dtype=np.float64)
    f = np.asarray(freq_hz, dtype=np.float64)
    if np.any(v < 0):
        raise ParameterError("speed_m_s", speed_m_s, ">= 0", _SRC)
    if np.any(~(f > 0)):
        raise ParameterError("freq_hz", freq_hz, "> 0", _SRC)
    return v * f / SPEED_OF_LIGHT_M_S


@numba.njit(cache=True, parallel=True)
def _sos_kernel(f_d_hz, cos_alpha, phi, t_s):
    # f_d_hz (N,), cos_alpha/phi (N, P, M), t_s (T,) -> (N, P, T) complex128
    n, p, m = cos_alpha.shape
    nt = t_s.size
    out = np.empty((n, p, nt), dtype=np.complex128)
    norm = 1.0 / math.sqrt(m)
    for i in numba.prange(n):
        w = 2.0 * math.pi * f_d_hz[i]
        for q in range(p):
            for k in range(nt):
                re = 0.0
                im = 0.0
                for s in range(m):
                    arg = w * cos_alpha[i, q, s] * t_s[k] + phi[i, q, s]
                    re += math.cos(arg)
                    im += math.sin(arg)
                out[i, q, k] = complex(re * norm, im * norm)
    return out


class SumOfSinusoidsFading:
    """Independent Rayleigh/Rician fading processes for ``n_links`` links x ``n_paths`` paths.

    The random angles and phases are drawn once, at construction, from ``rng``; the object
    is immutable afterwards and :meth:`gains` evaluates the processes at any times, so
    successive calls continue the same realisation.

    Parameters
    ----------
    n_links : int
        Number of independent links (e.g. UEs), >= 1.
    doppler_hz : float or array, shape (n_links,)
        Maximum Doppler shift f_D per link (Hz), >= 0 (:func:`max_doppler_hz`).
    rng : numpy.random.Generator
        Source of the random angles and phases.
    n_paths : int
        Independent paths per link (TDL taps), >= 1.
    k_factor_db : float or array, shape (n_paths,), optional
        Rician K factor (dB) per path; None or -inf: Rayleigh.
    los_aoa_rad : float
        Angle theta_LOS between the motion and the specular path: its Doppler is
        ``f_D cos(theta_LOS)`` (default pi/4).
    n_sinusoids : int
        M, sinusoids per diffuse process (default 32).
    """

    def __init__(
        self,
        n_links: int,
        doppler_hz: ArrayLike,
        rng: np.random.Generator,
        *,
        n_paths: int = 1,
        k_factor_db: ArrayLike | None = None,
        los_aoa_rad: float = math.pi / 4,
        n_sinusoids: int = DEFAULT_N_SINUSOIDS,
    ):
        if not isinstance(rng, np.random.Generator):
            raise ParameterError("rng", rng, "a numpy.random.Generator", _SRC)
        for name, val in (("n_links", n_links), ("n_paths", n_paths), ("n_sinusoids", n_sinusoids)):
            if isinstance(val, bool) or not isinstance(val, (int, np.integer)) or val < 1:
                raise ParameterError(name, val, "an integer >= 1", _SRC)
        f_d = np.broadcast_to(np.asarray(doppler_hz, dtype=np.float64), (n_links,)).copy()
        if np.any(~(f_d >= 0)) or np.any(~np.isfinite(f_d)):
            raise ParameterError("doppler_hz", doppler_hz, "finite values >= 0", _SRC)
        if k_factor_db is None:
            k_lin = np.zeros(n_paths)
        else:
            k_db = np.broadcast_to(np.asarray(k_factor_db, dtype=np.float64), (n_paths,))
            if np.any(np.isnan(k_db)) or np.any(k_db == np.inf):
                raise ParameterError("k_factor_db", k_factor_db, "finite dB values or -inf", _SRC)
            k_lin = np.where(np.isneginf(k_db), 0.0, 10.0 ** (k_db / 10.0))
        self.n_links = int(n_links)
        self.n_paths = int(n_paths)
        self.doppler_hz = f_d
        self.k_factor_linear = k_lin
        self.los_aoa_rad = float(los_aoa_rad)
        shape = (self.n_links, self.n_paths, int(n_sinusoids))
        self._cos_alpha = np.cos(rng.uniform(0.0, 2.0 * np.pi, shape))
        self._phi = rng.uniform(0.0, 2.0 * np.pi, shape)
        self._phi_los = rng.uniform(0.0, 2.0 * np.pi, (self.n_links, self.n_paths))
        for a in (self.doppler_hz, self.k_factor_linear, self._cos_alpha, self._phi, self._phi_los):
            a.setflags(write=False)

    def gains(self, t_s: ArrayLike) -> np.ndarray:
        """Complex gains at times ``t_s``.

        Parameters
        ----------
        t_s : float or array, shape (T,)
            Times (s).

        Returns
        -------
        ndarray of complex128, shape (n_links, n_paths, T)
            Unit mean power per path.
        """
        t = np.atleast_1d(np.asarray(t_s, dtype=np.float64))
        if t.ndim != 1 or np.any(~np.isfinite(t)):
            raise ParameterError("t_s", t_s, "a finite scalar or 1-D array of times", _SRC)
        g = _sos_kernel(self.doppler_hz, self._cos_alpha, self._phi, t)
        k = self.k_factor_linear
        if np.any(k > 0):
            f_los = self.doppler_hz * math.cos(self.los_aoa_rad)
            los = np.exp(
                1j * (2.0 * np.pi * f_los[:, None, None] * t[None, None, :]
                      + self._phi_los[:, :, None])
            )
            g = (np.sqrt(k / (k + 1.0))[None, :, None] * los
                 + np.sqrt(1.0 / (k + 1.0))[None, :, None] * g)
        return g


def block_fading_gains(
    n_links: int,
    n_blocks: int,
    block_duration_s: float,
    doppler_hz: ArrayLike,
    rng: np.random.Generator,
    *,
    k_factor_db: float | None = None,
    los_aoa_rad: float = math.pi / 4,
    n_sinusoids: int = DEFAULT_N_SINUSOIDS,
) -> np.ndarray:
    """Rayleigh (or Rician) block-fading gains with Jakes time correlation.

    Block k holds ``h(k * block_duration_s)`` of :class:`SumOfSinusoidsFading`, so the
    correlation between blocks j and k is ``J0(2 pi f_D |j - k| T)`` (Rayleigh).

    Parameters
    ----------
    n_links : int
        Links (UEs).
    n_blocks : int
        Blocks (e.g. slots).
    block_duration_s : float
        T, block length (s), > 0.
    doppler_hz : float or array, shape (n_links,)
        Maximum Doppler per link (Hz).
    rng : numpy.random.Generator
    k_factor_db : float, optional
        Rician K (dB); None: Rayleigh.
    los_aoa_rad, n_sinusoids :
        As in :class:`SumOfSinusoidsFading`.

    Returns
    -------
    ndarray of complex128, shape (n_links, n_blocks)
        Unit mean power; ``abs(h)**2`` is the power gain.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> block_fading_gains(3, 4, 0.5e-3, 100.0, rng).shape
    (3, 4)
    """
    if not block_duration_s > 0:
        raise ParameterError("block_duration_s", block_duration_s, "> 0", _SRC)
    if isinstance(n_blocks, bool) or not isinstance(n_blocks, (int, np.integer)) or n_blocks < 1:
        raise ParameterError("n_blocks", n_blocks, "an integer >= 1", _SRC)
    proc = SumOfSinusoidsFading(
        n_links, doppler_hz, rng, k_factor_db=k_factor_db, los_aoa_rad=los_aoa_rad,
        n_sinusoids=n_sinusoids,
    )
    return proc.gains(np.arange(n_blocks) * float(block_duration_s))[:, 0, :]
