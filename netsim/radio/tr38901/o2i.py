"""Outdoor-to-indoor (O2I) penetration loss of 3GPP TR 38.901 V17.0.0, clause 7.4.3.

Building penetration (7.4.3.1): PL = PL_b + PL_tw + PL_in + N(0, sigma_P^2), with
PL_tw = 5 - 10 log10(sum_i p_i 10^(-L_material_i / 10)) from Table 7.4.3-1 materials and
the low-/high-loss mixes of Table 7.4.3-2, PL_in = 0.5 d2D-in, d2D-in the minimum of two
U(0, 25 m) draws (UMa, UMi) or U(0, 10 m) (RMa). Car penetration (7.4.3.2):
N(9 dB, 5 dB). Indoor UE fractions from Tables 7.2-1 and 7.2-3. Parameters live in
``data/propagation/tr38901_clause_7_4_3_o2i.json``.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from netsim.errors import ParameterError
from netsim.radio.tr38901.tables import O2I_TABLE, load_table

__all__ = [
    "material_penetration_loss_db",
    "o2i_through_wall_loss_db",
    "draw_o2i_loss_db",
    "draw_car_penetration_loss_db",
    "indoor_fraction",
    "draw_indoor",
]

_SOURCE = "3GPP TR 38.901 V17.0.0 clause 7.4.3"


def _freq_ghz(freq_hz: ArrayLike) -> np.ndarray:
    f = np.asarray(freq_hz, dtype=float)
    if np.any(~(f > 0)):
        raise ParameterError("freq_hz", float(f[~(f > 0)].flat[0]) if f.ndim else float(f), "> 0")
    return f * 1e-9


def material_penetration_loss_db(material: str, freq_hz: ArrayLike) -> np.ndarray | float:
    """Material penetration loss L = a + b f (dB, f in GHz), TR 38.901 Table 7.4.3-1.

    Parameters
    ----------
    material : {"standard_glass", "irr_glass", "concrete", "wood"}
        Material.
    freq_hz : array_like
        Frequency (Hz).

    Returns
    -------
    numpy.ndarray or float
        Loss (dB).

    Examples
    --------
    >>> material_penetration_loss_db("concrete", 3.5e9)  # 5 + 4 * 3.5
    19.0
    """
    mats = load_table(O2I_TABLE)["material_loss_db"]
    if material not in mats:
        raise ParameterError("material", material, f"one of {tuple(mats)}", _SOURCE)
    out = mats[material]["a"] + mats[material]["b"] * _freq_ghz(freq_hz)
    return float(out) if np.ndim(out) == 0 else out


def _model(model: str) -> dict:
    models = load_table(O2I_TABLE)["models"]
    if model not in models:
        raise ParameterError("model", model, f"one of {tuple(models)}", _SOURCE)
    return models[model]


def o2i_through_wall_loss_db(freq_hz: ArrayLike, model: str = "low") -> np.ndarray | float:
    """Through-wall loss PL_tw (dB) of TR 38.901 Table 7.4.3-2.

    Low loss: ``5 - 10 log10(0.3 10^(-L_glass/10) + 0.7 10^(-L_concrete/10))``;
    high loss: ``5 - 10 log10(0.7 10^(-L_IRRglass/10) + 0.3 10^(-L_concrete/10))``.

    Parameters
    ----------
    freq_hz : array_like
        Frequency (Hz).
    model : {"low", "high"}, default "low"
        O2I building penetration model.

    Returns
    -------
    numpy.ndarray or float
        PL_tw (dB).
    """
    m = _model(model)
    acc = 0.0
    for material, weight in m["materials"].items():
        acc = acc + weight * 10.0 ** (-np.asarray(material_penetration_loss_db(material, freq_hz))
                                      / 10.0)
    out = m["constant_db"] - 10.0 * np.log10(acc)
    return float(out) if np.ndim(out) == 0 else out


def draw_o2i_loss_db(
    scenario: str,
    freq_hz: float,
    size: int | tuple[int, ...],
    rng: np.random.Generator,
    model: str = "low",
) -> np.ndarray:
    """Draw O2I building penetration losses PL_tw + PL_in + N(0, sigma_P^2) (dB).

    Parameters
    ----------
    scenario : {"UMa", "UMi", "RMa"}
        Sets the d2D-in range (min of two U(0, 25 m), or of two U(0, 10 m) for RMa).
    freq_hz : float
        Carrier frequency (Hz).
    size : int or tuple of int
        Number (shape) of UEs.
    rng : numpy.random.Generator
        Random source.
    model : {"low", "high"}, default "low"
        Table 7.4.3-2 model (RMa uses the low-loss model only, clause 7.4.3.1).

    Returns
    -------
    numpy.ndarray
        Loss (dB), shape ``size``.
    """
    table = load_table(O2I_TABLE)
    if scenario not in table["d2d_in_max_m"]:
        raise ParameterError("scenario", scenario, f"one of {tuple(table['d2d_in_max_m'])}",
                             _SOURCE)
    m = _model(model)
    d_max = table["d2d_in_max_m"][scenario]
    d_in = np.minimum(rng.uniform(0.0, d_max, size), rng.uniform(0.0, d_max, size))
    return (
        o2i_through_wall_loss_db(freq_hz, model)
        + m["pl_in_db_per_m"] * d_in
        + rng.normal(0.0, m["sigma_p_db"], size)
    )


def draw_car_penetration_loss_db(
    size: int | tuple[int, ...], rng: np.random.Generator, mean_db: float | None = None
) -> np.ndarray:
    """Draw car penetration losses N(mu, 5 dB) of TR 38.901 clause 7.4.3.2 (mu = 9 dB).

    Parameters
    ----------
    size : int or tuple of int
        Number (shape) of UEs.
    rng : numpy.random.Generator
        Random source.
    mean_db : float, optional
        Mean (dB); 9 dB by default, 20 dB is the clause's option for metallized windows.

    Returns
    -------
    numpy.ndarray
        Loss (dB).
    """
    car = load_table(O2I_TABLE)["car_penetration"]
    mu = car["mean_db"] if mean_db is None else mean_db
    return rng.normal(mu, car["sigma_db"], size)


def indoor_fraction(scenario: str) -> float:
    """Fraction of indoor UEs (TR 38.901 Tables 7.2-1 and 7.2-3): 0.8 UMa/UMi, 0.5 RMa.

    Examples
    --------
    >>> indoor_fraction("UMa")
    0.8
    """
    table = load_table(O2I_TABLE)["indoor_fraction"]
    if scenario not in table:
        raise ParameterError("scenario", scenario, f"one of {tuple(table)}", _SOURCE)
    return float(table[scenario])


def draw_indoor(
    scenario: str, size: int | tuple[int, ...], rng: np.random.Generator
) -> np.ndarray:
    """Draw indoor (True) / outdoor (False) UE states with :func:`indoor_fraction`."""
    return rng.random(size) < indoor_fraction(scenario)
