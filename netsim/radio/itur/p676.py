"""Specific attenuation by atmospheric gases, ITU-R P.676-13 (08/2022), Annex 1.

Line-by-line summation (Annex 1, clause 1): oxygen lines of Table 1 and water-vapour
lines of Table 2 (data files ``itu_r_p676_13_table1_oxygen.csv`` and
``itu_r_p676_13_table2_water_vapour.csv``), the dry-air continuum (Debye spectrum of
oxygen below 10 GHz and pressure-induced nitrogen attenuation above 100 GHz,
Eq. 8). Valid 1-1000 GHz.

    gamma = gamma_o + gamma_w = 0.1820 f (N''_Oxygen(f) + N''_WaterVapour(f))   (Eq. 1)

with N''_Oxygen = sum_i S_i F_i + N''_D(f) and N''_WaterVapour = sum_i S_i F_i (Eq. 2),
line strengths S_i (Eq. 3), line shapes F_i (Eq. 5), widths Delta f (Eq. 6a, 6b) and
oxygen interference correction delta (Eq. 7). ``p`` is the dry-air pressure and
``e = rho T / 216.7`` the water-vapour partial pressure (Eq. 4), as in the ITU-R
validation examples (CG-3M3J-13-ValEx).
"""

from __future__ import annotations

import math
from functools import cache

import numba
import numpy as np
from numpy.typing import ArrayLike

from netsim.errors import ParameterError, ValidityRangeError
from netsim.radio.itur.tables import P676_OXYGEN_TABLE, P676_WATER_VAPOUR_TABLE, load_csv_table

__all__ = [
    "FREQ_RANGE_HZ",
    "specific_attenuation_db_per_km",
    "water_vapour_pressure_hpa",
]

_SOURCE = "ITU-R P.676-13 Annex 1"
FREQ_RANGE_HZ = (1e9, 1000e9)
"""Frequency range of validity of Annex 1 (Hz)."""


@cache
def _line_arrays() -> tuple[np.ndarray, np.ndarray]:
    ox = load_csv_table(P676_OXYGEN_TABLE)
    wv = load_csv_table(P676_WATER_VAPOUR_TABLE)
    o = np.ascontiguousarray(
        np.stack([ox[c] for c in ("f0_ghz", "a1", "a2", "a3", "a4", "a5", "a6")], axis=1)
    )
    w = np.ascontiguousarray(
        np.stack([wv[c] for c in ("f0_ghz", "b1", "b2", "b3", "b4", "b5", "b6")], axis=1)
    )
    return o, w


@numba.njit(cache=True)
def _p676_kernel(f_ghz, p, t_k, rho, ox, wv, out_o, out_w):
    for k in range(f_ghz.shape[0]):
        f = f_ghz[k]
        th = 300.0 / t_k[k]  # theta, Eq. 3
        e = rho[k] * t_k[k] / 216.7  # Eq. 4
        pp = p[k]
        n_o = 0.0
        for i in range(ox.shape[0]):
            f0 = ox[i, 0]
            s = ox[i, 1] * 1e-7 * pp * th**3 * math.exp(ox[i, 2] * (1.0 - th))  # Eq. 3
            df = ox[i, 3] * 1e-4 * (pp * th ** (0.8 - ox[i, 4]) + 1.1 * e * th)  # Eq. 6a
            df = math.sqrt(df * df + 2.25e-6)  # Eq. 6a, Zeeman splitting
            dl = (ox[i, 5] + ox[i, 6] * th) * 1e-4 * (pp + e) * th**0.8  # Eq. 7
            fm = f0 - f
            fp = f0 + f
            shape = f / f0 * (
                (df - dl * fm) / (fm * fm + df * df) + (df - dl * fp) / (fp * fp + df * df)
            )  # Eq. 5
            n_o += s * shape
        # Dry continuum, Eq. 8 (Debye spectrum + pressure-induced nitrogen)
        d = 5.6e-4 * (pp + e) * th**0.8
        n_d = f * pp * th * th * (
            6.14e-5 / (d * (1.0 + (f / d) ** 2)) + 1.4e-12 * pp * th**1.5 / (1.0 + 1.9e-5 * f**1.5)
        )
        n_w = 0.0
        for i in range(wv.shape[0]):
            f0 = wv[i, 0]
            s = wv[i, 1] * 1e-1 * e * th**3.5 * math.exp(wv[i, 2] * (1.0 - th))  # Eq. 3
            df = wv[i, 3] * 1e-4 * (pp * th ** wv[i, 4] + wv[i, 5] * e * th ** wv[i, 6])  # 6b
            df = 0.535 * df + math.sqrt(0.217 * df * df + 2.1316e-12 * f0 * f0 / th)  # 6b
            fm = f0 - f
            fp = f0 + f
            shape = f / f0 * (df / (fm * fm + df * df) + df / (fp * fp + df * df))  # Eq. 5
            n_w += s * shape
        out_o[k] = 0.1820 * f * (n_o + n_d)  # Eq. 1
        out_w[k] = 0.1820 * f * n_w


def water_vapour_pressure_hpa(water_vapour_g_m3: ArrayLike, temperature_c: ArrayLike) -> np.ndarray:
    """Water-vapour partial pressure e = rho T / 216.7 (hPa), ITU-R P.676-13 Eq. 4."""
    t_k = np.asarray(temperature_c, dtype=float) + 273.15
    return np.asarray(water_vapour_g_m3, dtype=float) * t_k / 216.7


def specific_attenuation_db_per_km(
    freq_hz: ArrayLike,
    pressure_hpa: ArrayLike = 1013.25,
    temperature_c: ArrayLike = 15.0,
    water_vapour_g_m3: ArrayLike = 7.5,
) -> tuple[np.ndarray | float, np.ndarray | float]:
    """Oxygen and water-vapour specific attenuation (dB/km), ITU-R P.676-13 Annex 1.

    Parameters
    ----------
    freq_hz : array_like
        Frequency (Hz), 1-1000 GHz.
    pressure_hpa : array_like, default 1013.25
        Dry-air pressure p (hPa) as in Eq. 3 (the ITU-R validation convention).
    temperature_c : array_like, default 15.0
        Temperature (deg C).
    water_vapour_g_m3 : array_like, default 7.5
        Water-vapour density rho (g/m^3).

    Returns
    -------
    gamma_o, gamma_w : numpy.ndarray or float
        Oxygen (dry air, including the dry continuum) and water-vapour specific
        attenuations (dB/km), broadcast shape of the inputs.
    """
    f, p, t, rho = np.broadcast_arrays(
        np.asarray(freq_hz, dtype=float),
        np.asarray(pressure_hpa, dtype=float),
        np.asarray(temperature_c, dtype=float),
        np.asarray(water_vapour_g_m3, dtype=float),
    )
    shape = f.shape
    f, p, t, rho = (np.ascontiguousarray(a).ravel() for a in (f, p, t, rho))
    lo, hi = FREQ_RANGE_HZ
    bad = ~((f >= lo) & (f <= hi))
    if np.any(bad):
        raise ValidityRangeError("freq_hz", float(f[bad][0]), "1e9 Hz <= freq_hz <= 1e12 Hz",
                                 source=_SOURCE)
    for name, arr, ok in (
        ("pressure_hpa", p, p > 0),
        ("temperature_c", t, t > -273.15),
        ("water_vapour_g_m3", rho, rho >= 0),
    ):
        if np.any(~ok):
            allowed = {"pressure_hpa": "> 0", "temperature_c": "> -273.15",
                       "water_vapour_g_m3": ">= 0"}[name]
            raise ParameterError(name, float(arr[~ok][0]), allowed, _SOURCE)
    ox, wv = _line_arrays()
    g_o = np.empty(f.shape[0])
    g_w = np.empty(f.shape[0])
    _p676_kernel(f * 1e-9, p, t + 273.15, rho, ox, wv, g_o, g_w)
    if shape == ():
        return float(g_o[0]), float(g_w[0])
    return g_o.reshape(shape), g_w.reshape(shape)
