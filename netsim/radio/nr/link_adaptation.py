"""SINR -> CQI / MCS selection at a target BLER (10 % for eMBB, 1e-5 for URLLC).

The rule: among the entries of a TS 38.214 CQI table (5.2.2.1-2/-3/-4) or MCS table
(5.1.3.1-1/-2/-3) whose model BLER at the given SINR does not exceed the target
(:mod:`netsim.radio.nr.bler`), pick the one with the highest spectral efficiency
(ties: the highest index). This is the CQI definition of TS 38.214 5.2.2.1 ("highest CQI
index ... with a transport block error probability not exceeding 0.1", or 1e-5 with
CQI table 3) applied to the model. Nothing meets the target: CQI 0 ("out of range"),
MCS -1.

For URLLC use ``target_bler=1e-5`` with ``cqi_table=3`` / ``mcs_table=3`` (low-SE tables).
Selection is vectorised: one ``searchsorted`` over a sorted threshold list per call.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from netsim.errors import ParameterError
from netsim.radio.nr.bler import cqi_sinr_threshold_db, mcs_sinr_threshold_db
from netsim.radio.nr.tables import cqi_table as _cqi_table
from netsim.radio.nr.tables import mcs_table as _mcs_table

__all__ = ["select_cqi", "select_mcs", "selection_thresholds"]


def selection_thresholds(
    thresholds_db: np.ndarray, spectral_efficiency: np.ndarray, none_index: int
) -> tuple[np.ndarray, np.ndarray]:
    """Sorted SINR thresholds and the best index reachable at each.

    Parameters
    ----------
    thresholds_db : ndarray, shape (n,)
        SINR needed by entry i (NaN: entry unusable).
    spectral_efficiency : ndarray, shape (n,)
        Spectral efficiency of entry i.
    none_index : int
        Index returned below the lowest threshold.

    Returns
    -------
    sorted_thresholds_db : ndarray, shape (m,)
    best_index : ndarray of int64, shape (m + 1,)
        ``best_index[j]`` is the choice when exactly the j lowest thresholds are met.
    """
    ok = ~np.isnan(thresholds_db)
    idx = np.flatnonzero(ok)
    order = np.lexsort((idx, thresholds_db[idx]))
    idx = idx[order]
    th = thresholds_db[idx]
    best = np.empty(idx.size + 1, dtype=np.int64)
    best[0] = none_index
    cur, cur_se = none_index, -np.inf
    for j, i in enumerate(idx):
        se = spectral_efficiency[i]
        if se > cur_se or (se == cur_se and i > cur):
            cur, cur_se = int(i), se
        best[j + 1] = cur
    return th, best


def _select(sinr_db: ArrayLike, th: np.ndarray, best: np.ndarray) -> np.ndarray | int:
    s = np.asarray(sinr_db, dtype=np.float64)
    if np.any(np.isnan(s)):
        raise ParameterError("sinr_db", sinr_db, "finite values or +-inf (no NaN)", "TS 38.214")
    out = best[np.searchsorted(th, s, side="right")]
    return int(out) if out.ndim == 0 else out


def select_cqi(
    sinr_db: ArrayLike,
    cqi_table: int = 1,
    target_bler: float = 0.1,
    slope_per_db: float | None = None,
) -> np.ndarray | int:
    """CQI index (0..15) for each SINR at ``target_bler`` (TS 38.214 5.2.2.1 on the model).

    Parameters
    ----------
    sinr_db : float or array
        Effective (AWGN-equivalent) SINR (dB).
    cqi_table : {1, 2, 3}
        TS 38.214 Table 5.2.2.1-2, -3 or -4.
    target_bler : float
        0.1 (eMBB) or 1e-5 (URLLC, with table 3), any value in (0, 1).
    slope_per_db : float, optional
        Logistic BLER slope (default :data:`netsim.radio.nr.bler.DEFAULT_SLOPE_PER_DB`).

    Returns
    -------
    int or ndarray of int64
        CQI; 0 = out of range.

    Examples
    --------
    >>> select_cqi([-10.0, 7.1, 25.0])
    array([ 0,  8, 15])
    """
    t = _cqi_table(cqi_table)
    th = cqi_sinr_threshold_db(cqi_table, target_bler, slope_per_db)
    se = np.nan_to_num(t.spectral_efficiency, nan=-1.0)
    return _select(sinr_db, *selection_thresholds(th, se, 0))


def select_mcs(
    sinr_db: ArrayLike,
    mcs_table: int = 1,
    target_bler: float = 0.1,
    slope_per_db: float | None = None,
) -> np.ndarray | int:
    """MCS index for each SINR at ``target_bler``; -1 where no MCS meets the target.

    Parameters
    ----------
    sinr_db : float or array
        Effective (AWGN-equivalent) SINR (dB).
    mcs_table : {1, 2, 3}
        TS 38.214 Table 5.1.3.1-1, -2 or -3.
    target_bler : float
        In (0, 1).
    slope_per_db : float, optional
        Logistic BLER slope.

    Returns
    -------
    int or ndarray of int64
    """
    t = _mcs_table(mcs_table)
    th = mcs_sinr_threshold_db(mcs_table, target_bler, slope_per_db)
    se = np.where(t.valid, t.modulation_order * np.nan_to_num(t.code_rate_x1024) / 1024.0, -1.0)
    return _select(sinr_db, *selection_thresholds(th, se, -1))
