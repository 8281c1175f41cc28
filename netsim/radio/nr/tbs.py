"""Transport block size (TBS) determination, TS 38.214 5.1.3.2 (PDSCH) and 6.1.4.2 (PUSCH).

Sources
-------
- 3GPP TS 38.214 V17.4.0, 5.1.3.2 (steps 1-4), Table 5.1.3.2-1 (TBS for N_info <= 3824),
  Table 5.1.3.2-2 (TB scaling S); 6.1.4.2 applies the same procedure to PUSCH.
- 3GPP TS 38.212 V17.4.0, 7.2.2 / 6.2.2 (LDPC base graph selection) and 5.2.2 (code block
  segmentation: K_cb = 8448 for base graph 1, 3840 for base graph 2).

The procedure is evaluated exactly: every intermediate value (N_RE, S, R = I/1024 with I a
multiple of 1/2, Q_m, v) is a dyadic rational well below 2^53, so float64 holds N_info
without rounding and the floor/round/ceil steps give the integers of the specification.
"""

from __future__ import annotations

import math

import numba
import numpy as np
from numpy.typing import ArrayLike

from netsim.errors import ParameterError
from netsim.radio.nr.tables import mcs_table as _mcs_table
from netsim.radio.nr.tables import tb_scaling_factor, tbs_table_bits

__all__ = [
    "MAX_N_PRB",
    "MODULATION_ORDERS",
    "transport_block_size",
    "ldpc_base_graph",
    "code_block_count",
]

MAX_N_PRB = 275
"""Largest PRB allocation (TS 38.331 maxNrofPhysicalResourceBlocks)."""
MODULATION_ORDERS = (1, 2, 4, 6, 8, 10)
"""Q_m values of TS 38.214 (pi/2-BPSK on PUSCH .. 1024QAM)."""
_X_OVERHEAD = (0, 6, 12, 18)
_SRC = "TS 38.214 5.1.3.2"


@numba.njit(cache=True, inline="always")
def _floor_log2(x: float) -> int:
    # frexp: x = m * 2**e with 0.5 <= m < 1, hence floor(log2(x)) = e - 1 exactly.
    return math.frexp(x)[1] - 1


@numba.njit(cache=True)
def _tbs_one(n_re_prime, n_prb, qm, r_x1024, layers, scaling, table):
    # Step 1: N_RE = min(156, N'_RE) * n_PRB.
    n_re = min(156, n_re_prime) * n_prb
    # Step 2: N_info = S * N_RE * R * Q_m * v (exact in float64, see module docstring).
    n_info = scaling * n_re * (r_x1024 / 1024.0) * qm * layers
    if n_info <= 3824.0:
        # Step 3: n = max(3, floor(log2 N_info) - 6); N'_info = max(24, 2^n floor(N_info / 2^n));
        # TBS = the smallest Table 5.1.3.2-1 value not less than N'_info.
        n = max(3, _floor_log2(n_info) - 6)
        p = 2.0**n
        n_info_p = max(24.0, p * math.floor(n_info / p))
        return table[np.searchsorted(table, n_info_p)]
    # Step 4: n = floor(log2(N_info - 24)) - 5;
    # N'_info = max(3840, 2^n round((N_info - 24) / 2^n)), ties rounded up.
    n = _floor_log2(n_info - 24.0) - 5
    p = 2.0**n
    n_info_p = max(3840.0, p * math.floor((n_info - 24.0) / p + 0.5))
    if r_x1024 <= 256.0:  # R <= 1/4
        c = math.ceil((n_info_p + 24.0) / 3816.0)
        return int(8.0 * c * math.ceil((n_info_p + 24.0) / (8.0 * c)) - 24.0)
    if n_info_p > 8424.0:
        c = math.ceil((n_info_p + 24.0) / 8424.0)
        return int(8.0 * c * math.ceil((n_info_p + 24.0) / (8.0 * c)) - 24.0)
    return int(8.0 * math.ceil((n_info_p + 24.0) / 8.0) - 24.0)


@numba.njit(cache=True, parallel=True)
def _tbs_kernel(n_re_prime, n_prb, qm, r_x1024, layers, scaling, table):
    out = np.empty(n_prb.size, dtype=np.int64)
    for i in numba.prange(n_prb.size):
        out[i] = _tbs_one(
            n_re_prime[i], n_prb[i], qm[i], r_x1024[i], layers[i], scaling[i], table
        )
    return out


def _first_bad(mask: np.ndarray, values: np.ndarray):
    mask, values = np.broadcast_arrays(np.atleast_1d(mask), np.atleast_1d(values))
    return values.ravel()[np.argmax(mask.ravel())].item()


def _check_int(name: str, arr: np.ndarray, lo: int, hi: int, source: str) -> np.ndarray:
    a = np.asarray(arr)
    if a.dtype.kind == "b" or (a.dtype.kind == "f" and np.any(a != np.floor(a))):
        raise ParameterError(name, a.ravel()[0].item(), f"integers in {lo}..{hi}", source)
    if a.dtype.kind not in "iuf":
        raise ParameterError(name, a, f"integers in {lo}..{hi}", source)
    bad = (a < lo) | (a > hi)
    if np.any(bad):
        raise ParameterError(name, _first_bad(bad, a), f"integers in {lo}..{hi}", source)
    return a.astype(np.int64)


def _check_in(name: str, arr: ArrayLike, allowed: tuple, source: str) -> np.ndarray:
    a = np.asarray(arr, dtype=np.float64)
    bad = ~np.isin(a, np.asarray(allowed, dtype=np.float64))
    if np.any(bad):
        raise ParameterError(name, _first_bad(bad, a), f"one of {allowed}", source)
    return a


def _mcs_lookup(mcs_index: ArrayLike, table: int) -> tuple[np.ndarray, np.ndarray]:
    t = _mcs_table(table)
    idx = _check_int("mcs_index", mcs_index, 0, int(t.index[-1]), t.source)
    valid = t.valid[idx]
    if not np.all(valid):
        last = int(t.index[t.valid][-1])
        raise ParameterError(
            "mcs_index",
            _first_bad(~valid, idx),
            f"0..{last} (higher indices are reserved for retransmissions)",
            t.source,
        )
    return t.modulation_order[idx], t.code_rate_x1024[idx]


def transport_block_size(
    n_prb: ArrayLike,
    mcs_index: ArrayLike | None = None,
    *,
    mcs_table: int = 1,
    n_symbols: ArrayLike = 14,
    n_dmrs_re_per_prb: ArrayLike = 12,
    n_overhead_re_per_prb: ArrayLike = 0,
    n_layers: ArrayLike = 1,
    tb_scaling: ArrayLike = 1.0,
    modulation_order: ArrayLike | None = None,
    code_rate_x1024: ArrayLike | None = None,
) -> np.ndarray | int:
    """Transport block size in bits, TS 38.214 5.1.3.2 (also PUSCH, 6.1.4.2), exact integers.

    Step 1: ``N'_RE = 12 * N_symb - N_DMRS - N_oh``, ``N_RE = min(156, N'_RE) * n_PRB``.
    Step 2: ``N_info = S * N_RE * R * Q_m * v``.
    Step 3 (``N_info <= 3824``): quantise to ``N'_info`` and take the smallest entry of
    Table 5.1.3.2-1 not below it. Step 4 (``N_info > 3824``): quantise, then
    ``TBS = 8 C ceil((N'_info + 24) / (8 C)) - 24`` with ``C = ceil((N'_info + 24) / 3816)``
    if ``R <= 1/4``, ``C = ceil((N'_info + 24) / 8424)`` if ``N'_info > 8424``, else ``C = 1``.

    All array arguments broadcast against each other.

    Parameters
    ----------
    n_prb : int or array of int
        Allocated PRBs n_PRB, 1..275.
    mcs_index : int or array of int, optional
        I_MCS in ``mcs_table``; reserved indices raise. Give either ``mcs_index`` or both
        ``modulation_order`` and ``code_rate_x1024``.
    mcs_table : {1, 2, 3}
        TS 38.214 Table 5.1.3.1-1 (64QAM), -2 (256QAM) or -3 (64QAM low SE).
    n_symbols : int or array of int
        N_symb^sh, OFDM symbols of the allocation in the slot, 1..14 (default: a full slot).
    n_dmrs_re_per_prb : int or array of int
        N_DMRS^PRB, DM-RS REs per PRB in the allocation including CDM groups without data
        (default 12: one DM-RS symbol, configuration type 1, both CDM groups).
    n_overhead_re_per_prb : {0, 6, 12, 18}
        N_oh^PRB, the higher-layer xOverhead.
    n_layers : int or array of int
        v, 1..8 (one codeword carries at most 4 layers; pass the per-codeword layers).
    tb_scaling : {1, 0.5, 0.25}
        S of Table 5.1.3.2-2 (P-RNTI / RA-RNTI only; 1 otherwise).
    modulation_order : int or array of int, optional
        Q_m, one of 1, 2, 4, 6, 8, 10, instead of an MCS index.
    code_rate_x1024 : float or array, optional
        Target code rate R x 1024 in (0, 1024), instead of an MCS index.

    Returns
    -------
    int or ndarray of int64
        TBS (bit); a Python int when every input is a scalar, else the broadcast shape.

    Raises
    ------
    ParameterError
        Any input outside the ranges above, or ``N'_RE <= 0``.

    Examples
    --------
    >>> transport_block_size(6, modulation_order=2, code_rate_x1024=102.4,
    ...                      n_symbols=12, n_dmrs_re_per_prb=6)
    160
    >>> transport_block_size(273, 27, mcs_table=2, n_layers=4)
    1277992
    """
    if mcs_index is not None:
        if modulation_order is not None or code_rate_x1024 is not None:
            raise ParameterError(
                "mcs_index", mcs_index,
                "None when modulation_order and code_rate_x1024 are given", _SRC,
            )
        qm, r = _mcs_lookup(mcs_index, mcs_table)
    else:
        if modulation_order is None or code_rate_x1024 is None:
            raise ParameterError(
                "mcs_index", None,
                "an MCS index, or both modulation_order and code_rate_x1024", _SRC,
            )
        qm = _check_in("modulation_order", modulation_order, MODULATION_ORDERS, "TS 38.214 5.1.3.1")
        r = np.asarray(code_rate_x1024, dtype=np.float64)
        bad = ~((r > 0) & (r < 1024))
        if np.any(bad):
            raise ParameterError("code_rate_x1024", _first_bad(bad, r), "0 < R x 1024 < 1024", _SRC)

    n_prb_a = _check_int("n_prb", n_prb, 1, MAX_N_PRB, _SRC)
    n_symb = _check_int("n_symbols", n_symbols, 1, 14, _SRC)
    n_dmrs = _check_int("n_dmrs_re_per_prb", n_dmrs_re_per_prb, 0, 168, _SRC)
    n_oh = _check_in("n_overhead_re_per_prb", n_overhead_re_per_prb, _X_OVERHEAD, _SRC)
    layers = _check_int("n_layers", n_layers, 1, 8, _SRC)
    s = _check_in("tb_scaling", tb_scaling, tb_scaling_factor(), "TS 38.214 Table 5.1.3.2-2")

    arrays = np.broadcast_arrays(n_prb_a, n_symb, n_dmrs, n_oh, layers, s, qm, r)
    shape = arrays[0].shape
    n_prb_b, n_symb_b, n_dmrs_b, n_oh_b, layers_b, s_b, qm_b, r_b = (
        np.ascontiguousarray(a).ravel() for a in arrays
    )
    n_re_prime = 12 * n_symb_b - n_dmrs_b - n_oh_b.astype(np.int64)
    bad = n_re_prime <= 0
    if np.any(bad):
        raise ParameterError(
            "n_dmrs_re_per_prb", _first_bad(bad, n_dmrs_b),
            "< 12 * n_symbols - n_overhead_re_per_prb (N'_RE > 0)", _SRC,
        )
    out = _tbs_kernel(
        n_re_prime.astype(np.float64),
        n_prb_b.astype(np.float64),
        qm_b.astype(np.float64),
        r_b.astype(np.float64),
        layers_b.astype(np.float64),
        s_b.astype(np.float64),
        tbs_table_bits().astype(np.float64),
    )
    if shape == ():
        return int(out[0])
    return out.reshape(shape)


def ldpc_base_graph(tbs_bits: ArrayLike, code_rate_x1024: ArrayLike) -> np.ndarray | int:
    """LDPC base graph (1 or 2) of a transport block, TS 38.212 7.2.2 (DL-SCH) / 6.2.2 (UL-SCH).

    Base graph 2 if ``A <= 292``, or ``A <= 3824`` and ``R <= 0.67``, or ``R <= 0.25``;
    base graph 1 otherwise (A = TBS in bits, R = target code rate).

    Parameters
    ----------
    tbs_bits : int or array of int
        Transport block size A (bit), > 0.
    code_rate_x1024 : float or array
        Target code rate R x 1024.

    Returns
    -------
    int or ndarray of int64
    """
    a = np.asarray(tbs_bits)
    r = np.asarray(code_rate_x1024, dtype=np.float64) / 1024.0
    if np.any(a <= 0):
        raise ParameterError("tbs_bits", _first_bad(a <= 0, a), "> 0", "TS 38.212 7.2.2")
    bg2 = (a <= 292) | ((a <= 3824) & (r <= 0.67)) | (r <= 0.25)
    out = np.where(bg2, 2, 1).astype(np.int64)
    return int(out) if out.ndim == 0 else out


def code_block_count(tbs_bits: ArrayLike, base_graph: ArrayLike) -> np.ndarray | int:
    """Number of LDPC code blocks C, TS 38.212 5.2.2 (and the CRC of 5.1 / 7.2.1).

    ``B = A + L`` with the TB CRC ``L = 24`` if ``A > 3824`` else 16; ``K_cb = 8448`` (base
    graph 1) or 3840 (base graph 2); ``C = 1`` if ``B <= K_cb`` else
    ``ceil(B / (K_cb - 24))``.

    Parameters
    ----------
    tbs_bits : int or array of int
        Transport block size A (bit), > 0.
    base_graph : {1, 2} or array
        LDPC base graph, e.g. from :func:`ldpc_base_graph`.

    Returns
    -------
    int or ndarray of int64
    """
    a = np.asarray(tbs_bits, dtype=np.int64)
    bg = np.asarray(base_graph)
    if np.any(a <= 0):
        raise ParameterError("tbs_bits", _first_bad(a <= 0, a), "> 0", "TS 38.212 5.2.2")
    if np.any((bg != 1) & (bg != 2)):
        raise ParameterError("base_graph", _first_bad((bg != 1) & (bg != 2), bg), "1 or 2",
                             "TS 38.212 5.2.2")
    b = a + np.where(a > 3824, 24, 16)
    k_cb = np.where(bg == 1, 8448, 3840)
    c = np.where(b <= k_cb, 1, -(-b // (k_cb - 24)))
    c = c.astype(np.int64)
    return int(c) if c.ndim == 0 else c
