"""LOS probability of 3GPP TR 38.901 V17.0.0, clause 7.4.2, Table 7.4.2-1.

Parameters of the table live in ``data/propagation/tr38901_table_7_4_2_1_los_probability.json``.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from netsim.errors import ParameterError, ValidityRangeError
from netsim.radio.tr38901.tables import LOS_PROBABILITY_TABLE, load_table

__all__ = ["los_probability", "draw_los"]

_SOURCE = "3GPP TR 38.901 V17.0.0 Table 7.4.2-1"
_OFFICE_TYPES = ("mixed", "open")


def los_probability(
    scenario: str,
    d2d_m: ArrayLike,
    h_ut_m: ArrayLike = 1.5,
    *,
    office_type: str = "mixed",
) -> np.ndarray | float:
    """Probability that a BS-UT link is LOS (TR 38.901 V17.0.0 Table 7.4.2-1).

    Parameters
    ----------
    scenario : {"UMa", "UMi", "RMa", "InH"}
        ``"UMi"`` is UMi-Street Canyon, ``"InH"`` InH-Office.
    d2d_m : array_like
        2D distance (m); for UMa, UMi and RMa the outdoor part d2D-out of an indoor UT.
    h_ut_m : array_like, default 1.5
        UT height (m); used by UMa only (C'(hUT)), where hUT <= 23 m is required.
    office_type : {"mixed", "open"}, default "mixed"
        InH-Office variant: Mixed office or Open office.

    Returns
    -------
    numpy.ndarray or float
        Pr_LOS in [0, 1], broadcast shape of ``d2d_m`` and ``h_ut_m``.

    Examples
    --------
    >>> round(los_probability("UMi", 36.0), 4)  # 18/36 + exp(-1)(1 - 18/36)
    0.6839
    """
    table = load_table(LOS_PROBABILITY_TABLE)
    d, h = np.broadcast_arrays(np.asarray(d2d_m, dtype=float), np.asarray(h_ut_m, dtype=float))
    if np.any(~(d >= 0)):
        raise ParameterError("d2d_m", float(d[~(d >= 0)].flat[0]), ">= 0", _SOURCE)
    if scenario == "RMa":
        t = table["RMa"]
        p = np.where(d <= t["d_los_m"], 1.0, np.exp(-(d - t["d_los_m"]) / t["d1_m"]))
    elif scenario in ("UMi", "UMa"):
        t = table[scenario]
        dd = np.maximum(d, t["d_los_m"])  # avoid 0-division where the first branch applies
        base = t["d1_m"] / dd + np.exp(-dd / t["d2_m"]) * (1.0 - t["d1_m"] / dd)
        if scenario == "UMa":
            if np.any(h > t["h_ut_max_m"]):
                raise ValidityRangeError(
                    "h_ut_m", float(h[h > t["h_ut_max_m"]].flat[0]),
                    f"<= {t['h_ut_max_m']:g} m", _SOURCE + " (UMa)",
                )
            c_prime = np.where(
                h <= t["h_ut_threshold_m"],
                0.0,
                (np.maximum(h - t["h_ut_threshold_m"], 0.0) / 10.0) ** 1.5,
            )
            base = base * (1.0 + c_prime * 1.25 * (dd / 100.0) ** 3 * np.exp(-dd / 150.0))
        p = np.where(d <= t["d_los_m"], 1.0, base)
    elif scenario == "InH":
        if office_type not in _OFFICE_TYPES:
            raise ParameterError("office_type", office_type, f"one of {_OFFICE_TYPES}", _SOURCE)
        t = table[f"InH_{office_type}"]
        near = np.exp(-(d - t["d_los_m"]) / t["d1_m"])
        far = t["scale"] * np.exp(-(d - t["d_mid_m"]) / t["d2_m"])
        if office_type == "mixed":  # 1.2 < d < 6.5 near; d >= 6.5 far
            p = np.where(d <= t["d_los_m"], 1.0, np.where(d < t["d_mid_m"], near, far))
        else:  # 5 < d <= 49 near; d > 49 far
            p = np.where(d <= t["d_los_m"], 1.0, np.where(d <= t["d_mid_m"], near, far))
    else:
        raise ParameterError("scenario", scenario, "one of 'UMa', 'UMi', 'RMa', 'InH'", _SOURCE)
    return float(p) if p.ndim == 0 else p


def draw_los(
    scenario: str,
    d2d_m: ArrayLike,
    rng: np.random.Generator,
    h_ut_m: ArrayLike = 1.5,
    *,
    office_type: str = "mixed",
) -> np.ndarray:
    """Draw LOS (True) / NLOS (False) per link with :func:`los_probability`.

    Parameters
    ----------
    scenario, d2d_m, h_ut_m, office_type
        As :func:`los_probability`.
    rng : numpy.random.Generator
        Random source.

    Returns
    -------
    numpy.ndarray of bool
        LOS state, broadcast shape of the inputs.
    """
    p = np.asarray(los_probability(scenario, d2d_m, h_ut_m, office_type=office_type))
    return rng.random(p.shape) < p
