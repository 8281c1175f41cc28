"""Rain specific attenuation, ITU-R P.838-3 (03/2005).

gamma_R = k R^alpha (Eq. 1), with log10 k and alpha from the curve fits of Eqs. 2 and 3
(coefficients in Tables 1-4, data file ``itu_r_p838_3_coefficients.json``) and the
path-elevation / polarisation-tilt combination of Eqs. 4 and 5. Valid 1-1000 GHz.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from netsim.errors import ParameterError, ValidityRangeError
from netsim.radio.itur.tables import P838_TABLE, load_json_table

__all__ = ["rain_coefficients", "rain_specific_attenuation_db_per_km"]

_SOURCE = "ITU-R P.838-3"


def _fit(name: str, log_f: np.ndarray) -> np.ndarray:
    t = load_json_table(P838_TABLE)[name]
    acc = t["m"] * log_f + t["c0"]
    for a, b, c in zip(t["a"], t["b"], t["c"], strict=True):
        acc = acc + a * np.exp(-(((log_f - b) / c) ** 2))
    return acc


def rain_coefficients(
    freq_hz: ArrayLike, elevation_deg: ArrayLike = 0.0, tilt_deg: ArrayLike = 0.0
) -> tuple[np.ndarray, np.ndarray]:
    """Coefficients k and alpha of ITU-R P.838-3 (Eqs. 2-5).

    Parameters
    ----------
    freq_hz : array_like
        Frequency (Hz), 1-1000 GHz.
    elevation_deg : array_like, default 0
        Path elevation angle theta (deg).
    tilt_deg : array_like, default 0
        Polarisation tilt angle tau relative to the horizontal (deg): 0 horizontal,
        90 vertical, 45 circular.

    Returns
    -------
    k, alpha : numpy.ndarray
        Broadcast shape of the inputs.
    """
    f = np.asarray(freq_hz, dtype=float)
    cfg = load_json_table(P838_TABLE)
    lo, hi = cfg["valid_freq_range_ghz"]
    bad = ~((f >= lo * 1e9) & (f <= hi * 1e9))
    if np.any(bad):
        raise ValidityRangeError("freq_hz", float(np.asarray(f)[bad].flat[0]) if f.ndim else
                                 float(f), "1e9 Hz <= freq_hz <= 1e12 Hz", source=_SOURCE)
    lf = np.log10(f * 1e-9)
    k_h = 10.0 ** _fit("k_h", lf)  # Eq. 2
    k_v = 10.0 ** _fit("k_v", lf)
    a_h = _fit("alpha_h", lf)  # Eq. 3
    a_v = _fit("alpha_v", lf)
    c = np.cos(np.radians(elevation_deg)) ** 2 * np.cos(np.radians(2.0 * np.asarray(tilt_deg)))
    k = (k_h + k_v + (k_h - k_v) * c) / 2.0  # Eq. 4
    alpha = (k_h * a_h + k_v * a_v + (k_h * a_h - k_v * a_v) * c) / (2.0 * k)  # Eq. 5
    return k, alpha


def rain_specific_attenuation_db_per_km(
    freq_hz: ArrayLike,
    rain_rate_mm_h: ArrayLike,
    elevation_deg: ArrayLike = 0.0,
    tilt_deg: ArrayLike = 0.0,
) -> np.ndarray | float:
    """Rain specific attenuation gamma_R = k R^alpha (dB/km), ITU-R P.838-3 Eq. 1.

    Parameters
    ----------
    freq_hz : array_like
        Frequency (Hz), 1-1000 GHz.
    rain_rate_mm_h : array_like
        Rain rate R (mm/h), >= 0.
    elevation_deg, tilt_deg : array_like
        Path elevation and polarisation tilt (deg), see :func:`rain_coefficients`.

    Returns
    -------
    numpy.ndarray or float
        gamma_R (dB/km), broadcast shape of the inputs.
    """
    r = np.asarray(rain_rate_mm_h, dtype=float)
    if np.any(~(r >= 0)):
        raise ParameterError("rain_rate_mm_h", float(r[~(r >= 0)].flat[0]) if r.ndim else
                             float(r), ">= 0", _SOURCE)
    k, alpha = rain_coefficients(freq_hz, elevation_deg, tilt_deg)
    out = k * r**alpha
    return float(out) if np.ndim(out) == 0 else out
