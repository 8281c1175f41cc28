"""Unit conversions and physical constants (SI), applied only at the edges.

Constants are CODATA 2018 exact or recommended values.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

__all__ = [
    "SPEED_OF_LIGHT_M_S",
    "BOLTZMANN_J_K",
    "PLANCK_J_S",
    "db_to_linear",
    "linear_to_db",
    "dbm_to_w",
    "w_to_dbm",
    "ghz_to_hz",
]

SPEED_OF_LIGHT_M_S = 299_792_458.0
"""Speed of light in vacuum (m/s), exact (SI 2019)."""
BOLTZMANN_J_K = 1.380649e-23
"""Boltzmann constant (J/K), exact (SI 2019)."""
PLANCK_J_S = 6.62607015e-34
"""Planck constant (J s), exact (SI 2019)."""


def db_to_linear(x_db: ArrayLike) -> np.ndarray | float:
    """Power ratio in dB -> linear ratio: ``10 ** (x_db / 10)``."""
    return np.power(10.0, np.asarray(x_db, dtype=float) / 10.0)


def linear_to_db(x: ArrayLike) -> np.ndarray | float:
    """Linear power ratio -> dB: ``10 log10(x)``."""
    return 10.0 * np.log10(np.asarray(x, dtype=float))


def dbm_to_w(p_dbm: ArrayLike) -> np.ndarray | float:
    """Power in dBm -> W."""
    return np.power(10.0, (np.asarray(p_dbm, dtype=float) - 30.0) / 10.0)


def w_to_dbm(p_w: ArrayLike) -> np.ndarray | float:
    """Power in W -> dBm."""
    return 10.0 * np.log10(np.asarray(p_w, dtype=float)) + 30.0


def ghz_to_hz(f_ghz: ArrayLike) -> np.ndarray | float:
    """Frequency in GHz -> Hz."""
    return np.asarray(f_ghz, dtype=float) * 1e9
