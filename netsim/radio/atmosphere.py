"""Atmospheric attenuation of radio links: gases (ITU-R P.676-13) and rain (P.838-3).

A facade over :mod:`netsim.radio.itur.p676` and :mod:`netsim.radio.itur.p838`; multiply
a specific attenuation (dB/km) by the path length in km for a terrestrial link.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from netsim.radio.itur.p676 import specific_attenuation_db_per_km, water_vapour_pressure_hpa
from netsim.radio.itur.p838 import rain_coefficients, rain_specific_attenuation_db_per_km

__all__ = [
    "gaseous_attenuation_db_per_km",
    "oxygen_attenuation_db_per_km",
    "water_vapour_attenuation_db_per_km",
    "water_vapour_pressure_hpa",
    "rain_coefficients",
    "rain_specific_attenuation_db_per_km",
]


def gaseous_attenuation_db_per_km(
    freq_hz: ArrayLike,
    pressure_hpa: ArrayLike = 1013.25,
    temperature_c: ArrayLike = 15.0,
    water_vapour_g_m3: ArrayLike = 7.5,
) -> np.ndarray | float:
    """Total gaseous specific attenuation gamma_o + gamma_w (dB/km), ITU-R P.676-13 Annex 1.

    Line-by-line oxygen and water-vapour absorption plus the dry continuum, valid
    1-1000 GHz.

    Parameters
    ----------
    freq_hz : array_like
        Frequency (Hz), 1-1000 GHz.
    pressure_hpa : array_like, default 1013.25
        Dry-air pressure p (hPa) (ITU-R validation convention; total pressure is
        p + e with e from :func:`water_vapour_pressure_hpa`).
    temperature_c : array_like, default 15.0
        Temperature (deg C).
    water_vapour_g_m3 : array_like, default 7.5
        Water-vapour density (g/m^3).

    Returns
    -------
    numpy.ndarray or float
        Specific attenuation (dB/km), broadcast shape of the inputs.

    Examples
    --------
    >>> round(gaseous_attenuation_db_per_km(60e9), 2)  # ITU-R validation: 14.778
    14.78
    """
    g_o, g_w = specific_attenuation_db_per_km(freq_hz, pressure_hpa, temperature_c,
                                              water_vapour_g_m3)
    return g_o + g_w


def oxygen_attenuation_db_per_km(
    freq_hz: ArrayLike,
    pressure_hpa: ArrayLike = 1013.25,
    temperature_c: ArrayLike = 15.0,
    water_vapour_g_m3: ArrayLike = 7.5,
) -> np.ndarray | float:
    """Dry-air (oxygen + dry continuum) part gamma_o (dB/km), ITU-R P.676-13 Annex 1.

    Parameters as :func:`gaseous_attenuation_db_per_km` (water vapour broadens the
    oxygen lines, so it enters here too).
    """
    return specific_attenuation_db_per_km(freq_hz, pressure_hpa, temperature_c,
                                          water_vapour_g_m3)[0]


def water_vapour_attenuation_db_per_km(
    freq_hz: ArrayLike,
    pressure_hpa: ArrayLike = 1013.25,
    temperature_c: ArrayLike = 15.0,
    water_vapour_g_m3: ArrayLike = 7.5,
) -> np.ndarray | float:
    """Water-vapour part gamma_w (dB/km), ITU-R P.676-13 Annex 1.

    Parameters as :func:`gaseous_attenuation_db_per_km`.
    """
    return specific_attenuation_db_per_km(freq_hz, pressure_hpa, temperature_c,
                                          water_vapour_g_m3)[1]
