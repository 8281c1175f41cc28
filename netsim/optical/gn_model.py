"""Incoherent GN model of fibre nonlinear interference (NLI): per-span kernels and closed forms.

Sources
-------
[P14] P. Poggiolini, "The GN-model of fiber non-linear propagation and its applications",
      J. Lightw. Technol. 32(4), 694-721, 2014; extended version arXiv:1209.0394.
      The per-channel closed form used here is eq. (120) of arXiv:1209.0394 (the
      equation GNPy 3.0.1 cites for its ``gn_model_analytic`` method): for channel
      ``i`` of a WDM comb, at the input of one span,

          P_NLI,i = (16/27) gamma^2 P_i sum_k (2 - delta_ik) (P_k / R_k)^2 psi_ik

          psi_ik = L_eff^2 / (4 pi |beta2| L_eff,a)
                   * [asinh(pi^2 |beta2| L_eff,a R_i (df_ik + R_k/2))
                      - asinh(pi^2 |beta2| L_eff,a R_i (df_ik - R_k/2))]

      with df_ik = f_k - f_i, R the symbol rates (Nyquist channels, signal bandwidth =
      symbol rate), L_eff = (1 - exp(-alpha L)) / alpha and L_eff,a = 1 / alpha
      (alpha the power attenuation coefficient; [P14] writes L_eff,a = 1/(2 alpha) with
      alpha the field coefficient). For a single channel (k = i only) it reduces to the
      textbook closed form (8/27) gamma^2 G^3 L_eff^2 asinh(pi^2/2 |beta2| L_eff,a R^2)
      / (pi |beta2| L_eff,a) of [P14] (the Nyquist-WDM formula with B_WDM = R).
      NLI of successive spans adds incoherently (power sum, [P14] Sec. on incoherent
      accumulation, coherence factor epsilon = 0), as GNPy does.
[AGR] G. P. Agrawal, Nonlinear Fiber Optics, 5th ed., 2013, eq. (1.2.11):
      D = -(2 pi c / lambda^2) beta2.
[P12] P. Poggiolini, "The GN model of non-linear propagation in uncompensated coherent
      optical systems", J. Lightw. Technol. 30(24), 3857-3879, 2012, eq. (22): coherence
      factor epsilon = (3/10) ln(1 + (6 / L_s) L_eff,a / asinh(pi^2/2 |beta2| L_eff,a B^2)),
      NLI over N identical spans growing as N^(1 + epsilon).
[S19] D. Semrau, R. I. Killey, P. Bayvel, "A closed-form approximation of the Gaussian
      noise model in the presence of inter-channel stimulated Raman scattering",
      J. Lightw. Technol. 37(9), 2019: applies N^epsilon to the SPM term only, with B the
      channel's own bandwidth, XPM accumulating incoherently.

The kernels take SI arrays and return NLI power (W) in each channel's symbol-rate
bandwidth, referred to the span input. The O(n^2) part, the channel-pair matrix of asinh
differences, depends on the fibre only through |beta2| / alpha (not on the span length
or the powers): :func:`psi_matrix` computes it with numba (half of it when all symbol
rates are equal, as it is then symmetric) and a link reuses it for every span of the
same fibre type; a span then costs one matrix-vector product. :func:`psi_matrix_numpy`
computes the same matrix with numpy and is the benchmark's baseline.
"""

from __future__ import annotations

import math

import numba
import numpy as np
from numpy.typing import ArrayLike

from netsim.units import SPEED_OF_LIGHT_M_S

__all__ = [
    "alpha_per_m",
    "beta2_s2_per_m",
    "coherence_factor",
    "effective_length_m",
    "nli_prefactor_per_w2",
    "nli_span_w",
    "nli_span_w_numpy",
    "psi_matrix",
    "psi_matrix_numpy",
    "nyquist_wdm_eta_per_w2",
    "optimum_power_closed_form_w",
]

_SPM_WEIGHT = 16.0 / 27.0  # [P14] eq. (120): XPM pairs weigh 2 x this


def alpha_per_m(attenuation_db_per_km: ArrayLike) -> np.ndarray | float:
    """Power attenuation coefficient (1/m) from dB/km: ``a_dB / (10 log10 e) / 1000``."""
    return np.asarray(attenuation_db_per_km, dtype=float) / (10.0 * math.log10(math.e)) / 1e3


def beta2_s2_per_m(
    dispersion_ps_nm_km: ArrayLike, wavelength_m: float = 1550e-9
) -> np.ndarray | float:
    """Group-velocity dispersion beta2 (s^2/m) from D (ps/(nm km)), [AGR] eq. (1.2.11).

    ``beta2 = -D lambda^2 / (2 pi c)``; 16.7 ps/(nm km) at 1550 nm gives
    -2.13e-26 s^2/m (-21.3 ps^2/km).
    """
    d_s_per_m2 = np.asarray(dispersion_ps_nm_km, dtype=float) * 1e-6  # ps/(nm km) -> s/m^2
    return -d_s_per_m2 * wavelength_m**2 / (2.0 * math.pi * SPEED_OF_LIGHT_M_S)


def effective_length_m(alpha_per_m: ArrayLike, length_m: ArrayLike) -> np.ndarray | float:
    """Effective length ``(1 - exp(-alpha L)) / alpha`` (m), [P14]."""
    a = np.asarray(alpha_per_m, dtype=float)
    length = np.asarray(length_m, dtype=float)
    return -np.expm1(-a * length) / a


def _asinh_scale(alpha_per_m: float, beta2_s2_per_m: float) -> float:
    """pi^2 |beta2| L_eff,a, the scale of the asinh arguments of eq. (120) (s^2/m * m)."""
    return math.pi**2 * abs(beta2_s2_per_m) / alpha_per_m


def nli_prefactor_per_w2(
    alpha_per_m: float, beta2_s2_per_m: float, gamma_per_w_m: float, length_m: float
) -> float:
    """(16/27) gamma^2 L_eff^2 / (4 pi |beta2| L_eff,a), the span factor of eq. (120) (Hz^2/W^2).

    ``prefactor * P_i * sum_k W_ik (P_k / R_k)^2`` is the NLI power in W.
    """
    abs_b2 = abs(beta2_s2_per_m)
    l_eff = -math.expm1(-alpha_per_m * length_m) / alpha_per_m
    l_a = 1.0 / alpha_per_m
    return _SPM_WEIGHT * gamma_per_w_m**2 * l_eff**2 / (4.0 * math.pi * abs_b2 * l_a)


@numba.njit(cache=True)
def _psi_kernel(freq_hz, rate_baud, c, out):
    # general plan: W_ik = (2 - delta_ik) [asinh(c R_i (df + R_k/2)) - asinh(c R_i (df - R_k/2))]
    n = freq_hz.size
    for i in range(n):
        ri = rate_baud[i]
        for k in range(n):
            rk = rate_baud[k]
            df = freq_hz[k] - freq_hz[i]
            psi = math.asinh(c * ri * (df + 0.5 * rk)) - math.asinh(c * ri * (df - 0.5 * rk))
            out[i, k] = psi if k == i else 2.0 * psi


@numba.njit(cache=True)
def _psi_kernel_equal_rates(freq_hz, rate, c, out):
    # all symbol rates equal: W is symmetric (swap i, k and use asinh(-x) = -asinh(x)),
    # so only the upper triangle is evaluated
    n = freq_hz.size
    cr = c * rate
    for i in range(n):
        out[i, i] = 2.0 * math.asinh(0.5 * cr * rate)
        for k in range(i + 1, n):
            df = freq_hz[k] - freq_hz[i]
            w = 2.0 * (math.asinh(cr * (df + 0.5 * rate)) - math.asinh(cr * (df - 0.5 * rate)))
            out[i, k] = w
            out[k, i] = w


def psi_matrix(
    freq_hz: np.ndarray, rate_baud: np.ndarray, alpha_per_m: float, beta2_s2_per_m: float
) -> np.ndarray:
    """Channel-pair matrix W of eq. (120), numba kernel.

    ``W_ik = (2 - delta_ik) [asinh(pi^2 |b2| L_a R_i (f_k - f_i + R_k/2))
    - asinh(pi^2 |b2| L_a R_i (f_k - f_i - R_k/2))]``. It depends on the fibre only through
    ``|beta2| / alpha`` (not on the span length), so spans of one fibre type share it.

    Returns
    -------
    ndarray, shape (n, n)
    """
    f = np.ascontiguousarray(freq_hz, dtype=np.float64)
    r = np.ascontiguousarray(rate_baud, dtype=np.float64)
    out = np.empty((f.size, f.size))
    c = _asinh_scale(alpha_per_m, beta2_s2_per_m)
    if np.all(r == r[0]):
        _psi_kernel_equal_rates(f, float(r[0]), c, out)
    else:
        _psi_kernel(f, r, c, out)
    return out


def psi_matrix_numpy(
    freq_hz: np.ndarray, rate_baud: np.ndarray, alpha_per_m: float, beta2_s2_per_m: float
) -> np.ndarray:
    """Plain-numpy twin of :func:`psi_matrix` (the benchmark's baseline)."""
    c = _asinh_scale(alpha_per_m, beta2_s2_per_m)
    df = freq_hz[None, :] - freq_hz[:, None]
    ri = rate_baud[:, None]
    rk = rate_baud[None, :]
    psi = np.arcsinh(c * ri * (df + 0.5 * rk)) - np.arcsinh(c * ri * (df - 0.5 * rk))
    return (2.0 - np.eye(freq_hz.size)) * psi


def nli_span_w(
    freq_hz: np.ndarray,
    rate_baud: np.ndarray,
    power_w: np.ndarray,
    alpha_per_m: float,
    beta2_s2_per_m: float,
    gamma_per_w_m: float,
    length_m: float,
    psi: np.ndarray | None = None,
) -> np.ndarray:
    """NLI power (W) generated in one span, per channel, referred to the span input.

    [P14] eq. (120) (see module docstring):
    ``P_NLI,i = prefactor * P_i * sum_k W_ik (P_k / R_k)^2`` with W from :func:`psi_matrix`
    (numba) and the prefactor from :func:`nli_prefactor_per_w2`.

    Parameters
    ----------
    freq_hz, rate_baud, power_w : ndarray, shape (n,)
        Channel centre frequencies (Hz), symbol rates (Bd) and launch powers (W) at the
        span input.
    alpha_per_m : float
        Power attenuation coefficient (1/m).
    beta2_s2_per_m : float
        Group-velocity dispersion (s^2/m); its magnitude is used.
    gamma_per_w_m : float
        Nonlinear coefficient (1/(W m)).
    length_m : float
        Span length (m).
    psi : ndarray, shape (n, n), optional
        A precomputed :func:`psi_matrix` for this plan and fibre.

    Returns
    -------
    ndarray, shape (n,)
        NLI power in each channel's symbol-rate bandwidth (W).
    """
    if psi is None:
        psi = psi_matrix(freq_hz, rate_baud, alpha_per_m, beta2_s2_per_m)
    pref = nli_prefactor_per_w2(alpha_per_m, beta2_s2_per_m, gamma_per_w_m, length_m)
    return pref * power_w * (psi @ (power_w / rate_baud) ** 2)


def nli_span_w_numpy(
    freq_hz: np.ndarray,
    rate_baud: np.ndarray,
    power_w: np.ndarray,
    alpha_per_m: float,
    beta2_s2_per_m: float,
    gamma_per_w_m: float,
    length_m: float,
) -> np.ndarray:
    """Plain-numpy twin of :func:`nli_span_w` (n x n matrix recomputed on every call)."""
    psi = psi_matrix_numpy(freq_hz, rate_baud, alpha_per_m, beta2_s2_per_m)
    pref = nli_prefactor_per_w2(alpha_per_m, beta2_s2_per_m, gamma_per_w_m, length_m)
    return pref * power_w * (psi @ (power_w / rate_baud) ** 2)


def coherence_factor(
    bandwidth_hz: ArrayLike, alpha_per_m: float, beta2_s2_per_m: float, span_length_m: float
) -> np.ndarray | float:
    """Coherence factor epsilon of SPM accumulation over spans, [P12] eq. (22) as used in [S19].

    ``epsilon = (3/10) ln(1 + (6 / L_s) L_eff,a / asinh(pi^2/2 |beta2| L_eff,a B^2))``,
    L_eff,a = 1/alpha. For 80 km SSMF and B = 32 GHz: epsilon = 0.212.
    """
    b = np.asarray(bandwidth_hz, dtype=float)
    l_a = 1.0 / alpha_per_m
    x = 0.5 * math.pi**2 * abs(beta2_s2_per_m) * l_a * b**2
    return 0.3 * np.log1p(6.0 * l_a / (span_length_m * np.arcsinh(x)))


def nyquist_wdm_eta_per_w2(
    bandwidth_hz: float,
    rate_baud: float,
    alpha_per_m: float,
    beta2_s2_per_m: float,
    gamma_per_w_m: float,
    length_m: float,
) -> float:
    """NLI efficiency eta = P_NLI / P^3 (1/W^2) of the centre channel of a Nyquist-WDM comb.

    [P14] Nyquist-WDM closed form, one span:
    ``G_NLI = (8/27) gamma^2 G^3 L_eff^2 asinh(pi^2/2 |beta2| L_eff,a B_WDM^2)
    / (pi |beta2| L_eff,a)`` with G = P / R, integrated over the channel's bandwidth
    R: ``eta = G_NLI R / P^3``. For ``bandwidth_hz == rate_baud`` it is the
    single-channel (SPM only) case.
    """
    abs_b2 = abs(beta2_s2_per_m)
    l_eff = float(effective_length_m(alpha_per_m, length_m))
    l_a = 1.0 / alpha_per_m
    return (
        (8.0 / 27.0)
        * gamma_per_w_m**2
        * l_eff**2
        * math.asinh(0.5 * math.pi**2 * abs_b2 * l_a * bandwidth_hz**2)
        / (math.pi * abs_b2 * l_a * rate_baud**2)
    )


def optimum_power_closed_form_w(ase_w: ArrayLike, eta_per_w2: ArrayLike) -> np.ndarray | float:
    """Launch power maximising ``P / (P_ASE + eta P^3)``: ``(P_ASE / (2 eta))^(1/3)`` (W).

    [P14] (optimum launch power of the GN model); at this power P_ASE = 2 P_NLI and
    the GSNR is 10 log10(2/3) = 1.76 dB below the ASE-only SNR.
    """
    return np.cbrt(np.asarray(ase_w, dtype=float) / (2.0 * np.asarray(eta_per_w2, dtype=float)))
