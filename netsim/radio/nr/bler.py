"""AWGN block error rate (BLER) model per modulation and coding scheme.

Model (documented approximation, not a 3GPP procedure)
-------------------------------------------------------
1. Anchor: the SINR at which BLER = 0.1 for each CQI of TS 38.214 Table 5.2.2.1-2, from the
   MathWorks 5G Toolbox helper ``hCQISelect.m`` (default ``SINRTable``: link simulations,
   AWGN, SISO, CSI reference resource of TS 38.214 5.2.2.5), stored in
   ``data/nr/matlab_hcqiselect_awgn_sinr_10pct_bler.csv``.
2. Any MCS or CQI with spectral efficiency SE gets its 10 % BLER SINR ``s10(SE)`` by linear
   interpolation of the anchor in SE. Outside the anchor's SE range (0.1523..5.5547 bit/s/Hz:
   the low-SE entries of the URLLC tables, 256QAM) the SINR follows the Shannon bound with the
   gap of the nearest anchor point: ``s10(SE) = 10 log10(2^SE - 1) + gap_end`` (dB).
3. BLER curve: logistic in dB, ``BLER(s) = 1 / (1 + 9 exp(k (s - s10)))``, so that
   ``BLER(s10) = 0.1`` exactly; slope ``k = 11.9 / dB`` fitted to the ns-3 5G-LENA AWGN
   table of an LDPC code block of 3840 bit (``data/nr/bler_logistic_slope.json``).
   The SINR for another target T is ``s10 + ln((1/T - 1) / 9) / k``; for T = 1e-5 this is
   ``s10 + 0.78 dB``. Short blocks have gentler slopes: pass a smaller ``slope_per_db``.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from netsim.errors import ParameterError
from netsim.radio.nr.tables import (
    awgn_sinr_10pct_bler_anchor,
    bler_slope_constants,
    cqi_table,
    mcs_table,
)

__all__ = [
    "DEFAULT_SLOPE_PER_DB",
    "awgn_sinr_10pct_bler_db",
    "sinr_for_bler_db",
    "bler_awgn",
    "mcs_sinr_threshold_db",
    "cqi_sinr_threshold_db",
    "mcs_bler",
]

DEFAULT_SLOPE_PER_DB: float = float(bler_slope_constants()["slope_per_db"]["value"])
"""Logistic BLER slope (1/dB) fitted to ns-3 5G-LENA AWGN data (see module docstring)."""

_SRC = "netsim AWGN BLER model (MathWorks hCQISelect SINRTable + ns-3 5G-LENA slope)"


def _slope(slope_per_db: float | None) -> float:
    k = DEFAULT_SLOPE_PER_DB if slope_per_db is None else float(slope_per_db)
    if not k > 0:
        raise ParameterError("slope_per_db", slope_per_db, "> 0", _SRC)
    return k


def _check_target(target_bler: ArrayLike) -> np.ndarray:
    t = np.asarray(target_bler, dtype=np.float64)
    if np.any(~((t > 0) & (t < 1))):
        raise ParameterError("target_bler", target_bler, "0 < target_bler < 1", _SRC)
    return t


def awgn_sinr_10pct_bler_db(spectral_efficiency: ArrayLike) -> np.ndarray:
    """SINR (dB) at which BLER = 0.1 in AWGN for a scheme of spectral efficiency SE.

    Linear interpolation in SE of the hCQISelect anchor; Shannon bound plus the end gap
    outside it (module docstring, steps 1-2).

    Parameters
    ----------
    spectral_efficiency : float or array
        Q_m * R (bit/s/Hz), > 0.

    Returns
    -------
    ndarray
        dB, same shape.
    """
    se = np.asarray(spectral_efficiency, dtype=np.float64)
    if np.any(~(se > 0)):
        raise ParameterError("spectral_efficiency", spectral_efficiency, "> 0", _SRC)
    se_a, s_a = awgn_sinr_10pct_bler_anchor()
    shannon = 10.0 * np.log10(np.expm1(se * np.log(2.0)))
    gap_lo = s_a[0] - 10.0 * np.log10(2.0 ** se_a[0] - 1.0)
    gap_hi = s_a[-1] - 10.0 * np.log10(2.0 ** se_a[-1] - 1.0)
    inside = np.interp(se, se_a, s_a)
    above = np.where(se > se_a[-1], shannon + gap_hi, inside)
    return np.where(se < se_a[0], shannon + gap_lo, above)


def sinr_for_bler_db(
    spectral_efficiency: ArrayLike, target_bler: ArrayLike = 0.1, slope_per_db: float | None = None
) -> np.ndarray:
    """SINR (dB) at which the model's BLER equals ``target_bler``.

    ``s10(SE) + ln((1/T - 1) / 9) / k`` (module docstring, step 3).
    """
    t = _check_target(target_bler)
    k = _slope(slope_per_db)
    return awgn_sinr_10pct_bler_db(spectral_efficiency) + np.log((1.0 / t - 1.0) / 9.0) / k


def bler_awgn(
    sinr_db: ArrayLike, spectral_efficiency: ArrayLike, slope_per_db: float | None = None
) -> np.ndarray:
    """Model BLER of a scheme of spectral efficiency SE at ``sinr_db`` (AWGN).

    ``BLER = 1 / (1 + 9 exp(k (sinr_db - s10(SE))))``; arrays broadcast.
    """
    k = _slope(slope_per_db)
    s = np.asarray(sinr_db, dtype=np.float64)
    x = np.clip(k * (s - awgn_sinr_10pct_bler_db(spectral_efficiency)), -700.0, 700.0)
    return 1.0 / (1.0 + 9.0 * np.exp(x))


def mcs_sinr_threshold_db(
    mcs_table_number: int = 1, target_bler: float = 0.1, slope_per_db: float | None = None
) -> np.ndarray:
    """SINR (dB) needed by each MCS of a TS 38.214 table to meet ``target_bler``.

    Returns
    -------
    ndarray, shape (32,)
        Indexed by I_MCS; NaN for reserved indices.
    """
    t = mcs_table(mcs_table_number)
    out = np.full(t.index.size, np.nan)
    se = t.modulation_order[t.valid] * t.code_rate_x1024[t.valid] / 1024.0
    out[t.valid] = sinr_for_bler_db(se, target_bler, slope_per_db)
    return out


def cqi_sinr_threshold_db(
    cqi_table_number: int = 1, target_bler: float = 0.1, slope_per_db: float | None = None
) -> np.ndarray:
    """SINR (dB) needed by each CQI of a TS 38.214 table to meet ``target_bler``.

    Returns
    -------
    ndarray, shape (16,)
        Indexed by CQI; NaN for CQI 0 (out of range).
    """
    t = cqi_table(cqi_table_number)
    out = np.full(t.index.size, np.nan)
    se = t.modulation_order[t.valid] * t.code_rate_x1024[t.valid] / 1024.0
    out[t.valid] = sinr_for_bler_db(se, target_bler, slope_per_db)
    return out


def mcs_bler(
    sinr_db: ArrayLike,
    mcs_index: ArrayLike,
    mcs_table_number: int = 1,
    slope_per_db: float | None = None,
) -> np.ndarray:
    """Model BLER of MCS ``mcs_index`` (TS 38.214 table ``mcs_table_number``) at ``sinr_db``.

    Arrays broadcast. Reserved MCS indices raise ``ParameterError``.
    """
    t = mcs_table(mcs_table_number)
    idx = np.asarray(mcs_index)
    if idx.dtype.kind not in "iu" or np.any((idx < 0) | (idx > t.index[-1])) or not np.all(
        t.valid[idx]
    ):
        raise ParameterError(
            "mcs_index", mcs_index, f"non-reserved indices of {t.source}", t.source
        )
    se = t.modulation_order[idx] * t.code_rate_x1024[idx] / 1024.0
    return bler_awgn(sinr_db, se, slope_per_db)
