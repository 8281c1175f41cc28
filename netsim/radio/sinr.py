"""Wideband SINR engine: coupling loss -> best-server association -> SINR.

For N UEs and M cells with coupling loss CL[n, m] (dB: path loss + shadow fading +
penetration loss - antenna gains, the "coupling loss" of the TR 38.901 clause 7.8
calibration), transmit powers P[m] (dBm) and thermal noise N0 (dBm), the engine returns
per UE the serving cell ``s = argmax_m (P[m] - CL[n, m])`` (best server: highest
received power) and the downlink wideband geometry under full-buffer interference

    SINR[n] = S / (sum_{m != s} R[n, m] + N0),   R[n, m] = 10^((P[m] - CL[n, m]) / 10)

(all cells transmit at full power all the time, the TR 38.901 calibration
assumption). Thermal noise is ``-174 dBm/Hz + 10 log10(B) + NF``
(TR 38.901 Table 7.8-1 / TR 36.814 A.2.1.1).

The kernel (``numba.njit(parallel=True)``, blocks of rows split across threads) works
in the linear domain in float32 and makes two vectorised passes per UE row. Pass 1
converts dB to linear by an exponent-split exp2: the integer part of
``t = log2(P_rx / 1 mW)`` is written into the float32 exponent bits, the fractional
part goes through a degree-6 Chebyshev-fitted polynomial (relative error < 3e-7, i.e.
< 2e-6 dB), instead of a libm ``exp`` call per pair (which LLVM cannot vectorise without
SVML). Pass 2 forms the powers, their float64 total and the argmax as an integer max
over (float32 bit pattern, index) keys; S / (I + N) is formed in float64. There is no
log per pair; the two dB outputs per UE use the same exponent-bits trick in reverse
(log2 of the mantissa by a degree-11 polynomial, error < 1e-8 dB), vectorised over the
block. A float64 path with ``math.exp`` and ``math.log10`` is kept for reference
(``precision="float64"``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numba
import numpy as np
from llvmlite import ir as llvm_ir
from numba import prange, types
from numba.extending import intrinsic
from numpy.typing import ArrayLike

from netsim.errors import ParameterError

__all__ = [
    "THERMAL_NOISE_DBM_PER_HZ",
    "thermal_noise_dbm",
    "SinrResult",
    "wideband_sinr",
    "coupling_loss_db",
]

THERMAL_NOISE_DBM_PER_HZ = -174.0
"""Thermal noise density (dBm/Hz) of the TR 38.901 / TR 36.814 evaluation assumptions."""

_BLOCK_ROWS = 256

# Constants of the numerical method (not of a standard), typed as literals so results
# are bit-reproducible across platforms:
# 2^f on [0, 1]: power-series form of a degree-6 Chebyshev least-squares fit
# (numpy.polynomial.Chebyshev.fit on 2001 points), relative error < 3e-7 in float32.
_C0, _C1, _C2, _C3, _C4, _C5, _C6 = (
    np.float32(c)
    for c in (
        1.0, 0.693146824836731, 0.24023109674453735, 0.05547893047332764,
        0.00968616921454668, 0.001238247030414641, 0.00021871340868528932,
    )
)
# log2(1 + u) on u in [0, 1]: power-series form of a degree-11 Chebyshev fit (4001
# points), absolute error < 1e-9.
_L0, _L1, _L2, _L3, _L4, _L5, _L6, _L7, _L8, _L9, _L10, _L11 = (
    5.638340905278483e-10, 1.4426949490845267, -0.7213438303095737, 0.48083363345581026,
    -0.36005324494976465, 0.28487551301085745, -0.2261400741986254, 0.16729166116545868,
    -0.10441043179519513, 0.048820588392821725, -0.014628188644620708, 0.002059424629238433,
)
_DB_PER_OCTAVE = 10.0 * math.log10(2.0)
_I52 = np.int64(52)
_EXP_MASK = np.int64(0x7FF)
_I1023 = np.int64(1023)
_MANT_MASK = np.int64(0xFFFFFFFFFFFFF)
_ONE_BITS = np.int64(0x3FF0000000000000)
_LOG2_10_OVER_10 = np.float32(math.log2(10.0) / 10.0)
_T_MIN = np.float32(-126.0)
_T_MAX = np.float32(127.0)
_I127 = np.int32(127)
_I23 = np.int32(23)
_I32 = np.int64(32)
_MASK32 = np.int64(0xFFFFFFFF)
_LN10_OVER_10 = math.log(10.0) / 10.0


# fastmath without 'nnan'/'ninf', so that the range check in the kernel sees NaN and inf
_FASTMATH = {"nsz", "arcp", "contract", "afn", "reassoc"}


@intrinsic
def _bits_to_f32(typingctx, x):
    """Reinterpret the bits of an int32 as a float32 (LLVM bitcast, vectorisable)."""
    if x != types.int32:
        return None

    def codegen(context, builder, signature, args):
        return builder.bitcast(args[0], llvm_ir.FloatType())

    return types.float32(types.int32), codegen


@intrinsic
def _f32_to_bits(typingctx, x):
    """Reinterpret the bits of a float32 as an int32 (LLVM bitcast, vectorisable)."""
    if x != types.float32:
        return None

    def codegen(context, builder, signature, args):
        return builder.bitcast(args[0], llvm_ir.IntType(32))

    return types.int32(types.float32), codegen


@intrinsic
def _f64_to_bits(typingctx, x):
    """Reinterpret the bits of a float64 as an int64 (LLVM bitcast, vectorisable)."""
    if x != types.float64:
        return None

    def codegen(context, builder, signature, args):
        return builder.bitcast(args[0], llvm_ir.IntType(64))

    return types.int64(types.float64), codegen


@intrinsic
def _bits_to_f64(typingctx, x):
    """Reinterpret the bits of an int64 as a float64 (LLVM bitcast, vectorisable)."""
    if x != types.int64:
        return None

    def codegen(context, builder, signature, args):
        return builder.bitcast(args[0], llvm_ir.DoubleType())

    return types.float64(types.int64), codegen


@numba.njit(fastmath=_FASTMATH, cache=True, inline="always")
def _fast_db(x):
    """10 log10(x) for a positive normal float64: exponent bits + polynomial log2 of the
    mantissa (error < 1e-8 dB)."""
    bits = _f64_to_bits(x)
    e = ((bits >> _I52) & _EXP_MASK) - _I1023
    mant = _bits_to_f64((bits & _MANT_MASK) | _ONE_BITS)
    u = mant - 1.0
    lg = _L0 + u * (_L1 + u * (_L2 + u * (_L3 + u * (_L4 + u * (_L5 + u * (_L6 + u * (
        _L7 + u * (_L8 + u * (_L9 + u * (_L10 + u * _L11))))))))))
    return (np.float64(e) + lg) * _DB_PER_OCTAVE


@numba.njit(parallel=True, fastmath=_FASTMATH, cache=True)
def _sinr_kernel_f32(cl, ptx, noise_mw, serving, sinr_db, rx_dbm, n_bad):
    n, m = cl.shape
    nblk = (n + _BLOCK_ROWS - 1) // _BLOCK_ROWS
    for b in prange(nblk):
        ibuf = np.empty(m, np.int32)
        fbuf = np.empty(m, np.float32)
        for r in range(b * _BLOCK_ROWS, min(n, (b + 1) * _BLOCK_ROWS)):
            # pass 1 (vectorised, float32): t = log2 of the received power (mW);
            # 2^t = 2^i 2^f, the exponent bits of 2^i into ibuf, 2^f by polynomial
            bad = np.int32(0)
            for j in range(m):
                t = (ptx[j] - cl[r, j]) * _LOG2_10_OVER_10
                bad += np.int32(not ((t >= _T_MIN) and (t <= _T_MAX)))  # NaN, inf, range
                t = min(max(t, _T_MIN), _T_MAX)
                fl = np.floor(t)
                f = t - fl
                fbuf[j] = _C0 + f * (_C1 + f * (_C2 + f * (_C3 + f * (_C4 + f * (_C5 + f * _C6)))))
                ibuf[j] = (np.int32(fl) + _I127) << _I23
            # pass 2 (vectorised): linear power g, float64 total, and the argmax as an
            # integer max over keys (bits(g) << 32 | (m - j)): positive floats order like
            # their bit patterns, and among equal powers the smallest index wins
            tot = 0.0
            best_key = np.int64(0)
            for j in range(m):
                g = fbuf[j] * _bits_to_f32(ibuf[j])
                tot += g
                best_key = max(best_key, (np.int64(_f32_to_bits(g)) << _I32) | np.int64(m - j))
            k = m - np.int64(best_key & _MASK32)
            best = _bits_to_f32(np.int32(best_key >> _I32))
            serving[r] = k
            rx_dbm[r] = best  # linear here, converted below
            sinr_db[r] = best / (tot - best + noise_mw)
            n_bad[r] = bad
        # vectorised dB conversion of the block's outputs (two logs per UE)
        for r in range(b * _BLOCK_ROWS, min(n, (b + 1) * _BLOCK_ROWS)):
            sinr_db[r] = _fast_db(sinr_db[r])
            rx_dbm[r] = _fast_db(rx_dbm[r])


@numba.njit(parallel=True, cache=True)
def _sinr_kernel_f64(cl, ptx, noise_mw, serving, sinr_db, rx_dbm, n_bad):
    n, m = cl.shape
    for r in prange(n):
        tot = 0.0
        best = -1.0
        k = 0
        bad = 0
        for j in range(m):
            x = ptx[j] - cl[r, j]
            bad += not math.isfinite(x)
            g = math.exp(x * _LN10_OVER_10)
            tot += g
            if g > best:
                best = g
                k = j
        serving[r] = k
        rx_dbm[r] = 10.0 * math.log10(best)
        sinr_db[r] = 10.0 * math.log10(best / (tot - best + noise_mw))
        n_bad[r] = bad


def thermal_noise_dbm(
    bandwidth_hz: ArrayLike, noise_figure_db: ArrayLike = 0.0
) -> np.ndarray | float:
    """Thermal noise power ``-174 dBm/Hz + 10 log10(B) + NF`` (dBm).

    Examples
    --------
    >>> round(thermal_noise_dbm(20e6, 9.0), 2)  # -174 + 73.01 + 9
    -91.99
    """
    b = np.asarray(bandwidth_hz, dtype=float)
    if np.any(~(b > 0)):
        raise ParameterError("bandwidth_hz", float(np.atleast_1d(b)[~(np.atleast_1d(b) > 0)][0]),
                             "> 0")
    out = THERMAL_NOISE_DBM_PER_HZ + 10.0 * np.log10(b) + np.asarray(noise_figure_db, float)
    return float(out) if np.ndim(out) == 0 else out


@dataclass(frozen=True)
class SinrResult:
    """Per-UE output of :func:`wideband_sinr` (arrays of shape (N,)).

    Attributes
    ----------
    serving_cell : numpy.ndarray of int
        Index of the best server (highest received power).
    sinr_db : numpy.ndarray
        Wideband SINR (geometry) under full-buffer interference (dB).
    rx_power_dbm : numpy.ndarray
        Received power from the serving cell (dBm).
    """

    serving_cell: np.ndarray
    sinr_db: np.ndarray
    rx_power_dbm: np.ndarray


def wideband_sinr(
    coupling_loss_db: ArrayLike,
    tx_power_dbm: ArrayLike,
    bandwidth_hz: float,
    noise_figure_db: float,
    *,
    precision: str = "float32",
) -> SinrResult:
    """Best-server association and full-buffer wideband SINR for N UEs x M cells.

    Parameters
    ----------
    coupling_loss_db : array_like, shape (N, M)
        Coupling loss UE n - cell m (dB, positive = loss).
    tx_power_dbm : array_like, shape () or (M,)
        Transmit power of each cell over ``bandwidth_hz`` (dBm).
    bandwidth_hz : float
        Bandwidth (Hz) of the noise.
    noise_figure_db : float
        UE noise figure (dB).
    precision : {"float32", "float64"}, default "float32"
        ``float32``: the linear-domain kernel on float32 inputs (received powers and
        SINR to about 1e-5 dB; the interference total and S / (I + N) in float64).
        ``float64``: reference kernel with one ``exp`` per pair.

    Returns
    -------
    SinrResult
        Serving cell, SINR (dB) and serving received power (dBm) per UE.

    Examples
    --------
    >>> r = wideband_sinr([[100.0, 110.0]], 46.0, 10e6, 9.0)  # S=-54, I=-64 dBm
    >>> int(r.serving_cell[0]), round(float(r.sinr_db[0]), 2)
    (0, 10.0)
    """
    if precision not in ("float32", "float64"):
        raise ParameterError("precision", precision, "'float32' or 'float64'")
    dt = np.float32 if precision == "float32" else np.float64
    cl = np.ascontiguousarray(coupling_loss_db, dtype=dt)
    if cl.ndim != 2 or cl.shape[1] < 1:
        raise ParameterError("coupling_loss_db", cl.shape, "a 2-D array (N UEs, M cells), M >= 1")
    ptx_in = np.asarray(tx_power_dbm, dtype=dt)
    if ptx_in.ndim > 1 or ptx_in.size not in (1, cl.shape[1]):
        raise ParameterError("tx_power_dbm", ptx_in.shape, f"a scalar or shape ({cl.shape[1]},)")
    ptx = np.ascontiguousarray(np.broadcast_to(ptx_in.reshape(-1), (cl.shape[1],)))
    noise_mw = 10.0 ** (thermal_noise_dbm(bandwidth_hz, noise_figure_db) / 10.0)
    n = cl.shape[0]
    serving = np.empty(n, np.int64)
    sinr_db = np.empty(n, np.float64)
    rx_dbm = np.empty(n, np.float64)
    n_bad = np.zeros(n, np.int32)
    if precision == "float32":
        _sinr_kernel_f32(cl, ptx, float(noise_mw), serving, sinr_db, rx_dbm, n_bad)
    else:
        _sinr_kernel_f64(cl, ptx, float(noise_mw), serving, sinr_db, rx_dbm, n_bad)
    if n_bad.any():
        row = int(np.flatnonzero(n_bad)[0])
        raise ParameterError(
            f"coupling_loss_db[{row}]", cl[row][~np.isfinite(cl[row])][:1].tolist() or "row",
            "finite values giving received powers tx_power_dbm - coupling_loss_db within "
            "[-379, 382] dBm (float32 exponent range; use precision='float64' beyond)",
        )
    return SinrResult(serving_cell=serving, sinr_db=sinr_db, rx_power_dbm=rx_dbm)


def coupling_loss_db(
    ue_xyz_m: ArrayLike,
    cell_xyz_m: ArrayLike,
    scenario: str,
    freq_hz: float,
    los: ArrayLike,
    *,
    cell_boresight_deg: ArrayLike | None = None,
    cell_downtilt_deg: ArrayLike = 0.0,
    ue_gain_dbi: float = 0.0,
    extra_loss_db: ArrayLike = 0.0,
    **model_params: object,
) -> np.ndarray:
    """Coupling loss (dB), shape (N, M), from UE and cell positions.

    ``CL = PL(scenario) + extra_loss - G_cell(direction) - G_UE``, with the path loss of
    :func:`netsim.radio.pathloss.path_loss_db` and, when boresights are given, the
    3GPP element gain of the cell panel towards the UE
    (:func:`netsim.radio.antenna.sector_element_gain_dbi`).

    Parameters
    ----------
    ue_xyz_m : array_like, shape (N, 3)
        UE positions (m); z is the UT antenna height.
    cell_xyz_m : array_like, shape (M, 3)
        Cell (BS antenna) positions (m); z is the BS antenna height.
    scenario : str
        Path-loss scenario (see :func:`netsim.radio.pathloss.path_loss_db`).
    freq_hz : float
        Carrier frequency (Hz).
    los : array_like of bool, broadcastable to (N, M)
        LOS state per link.
    cell_boresight_deg : array_like, shape (M,), optional
        Panel bearing of each cell (deg); None: isotropic 0 dBi cells.
    cell_downtilt_deg : array_like, default 0
        Mechanical downtilt of each cell panel (deg, positive below the horizon).
    ue_gain_dbi : float, default 0
        UE antenna gain (dBi).
    extra_loss_db : array_like, broadcastable to (N, M), default 0
        Further losses (shadow fading, O2I penetration, ...).
    **model_params
        Passed to :func:`netsim.radio.pathloss.path_loss_db`.
    """
    from netsim.radio.antenna import sector_element_gain_dbi
    from netsim.radio.pathloss import path_loss_db

    ue = np.asarray(ue_xyz_m, dtype=float)
    cell = np.asarray(cell_xyz_m, dtype=float)
    if ue.ndim != 2 or ue.shape[1] != 3:
        raise ParameterError("ue_xyz_m", ue.shape, "(N, 3)")
    if cell.ndim != 2 or cell.shape[1] != 3:
        raise ParameterError("cell_xyz_m", cell.shape, "(M, 3)")
    dx = ue[:, None, 0] - cell[None, :, 0]
    dy = ue[:, None, 1] - cell[None, :, 1]
    d2d = np.hypot(dx, dy)
    h_ut = np.broadcast_to(ue[:, None, 2], d2d.shape)
    h_bs = np.broadcast_to(cell[None, :, 2], d2d.shape)
    pl = np.asarray(path_loss_db(scenario, d2d, freq_hz, h_bs, h_ut, los, **model_params))
    cl = pl + np.asarray(extra_loss_db, dtype=float) - ue_gain_dbi
    if cell_boresight_deg is not None:
        az = np.degrees(np.arctan2(dy, dx))
        zen = np.degrees(np.arctan2(d2d, h_ut - h_bs))  # zenith of the UE seen from the BS
        bore = np.broadcast_to(np.asarray(cell_boresight_deg, float), (cell.shape[0],))
        tilt = np.broadcast_to(np.asarray(cell_downtilt_deg, float), (cell.shape[0],))
        cl = cl - np.asarray(sector_element_gain_dbi(zen, az, bore[None, :], tilt[None, :]))
    return cl
