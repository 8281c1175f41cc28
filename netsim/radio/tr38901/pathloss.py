"""Path loss of 3GPP TR 38.901 V17.0.0, clause 7.4.1, Table 7.4.1-1.

Scenarios ``"UMa"``, ``"UMi"`` (UMi-Street Canyon), ``"RMa"``, ``"InH"`` (InH-Office),
each LOS and NLOS (NLOS = max(PL_LOS, PL'_NLOS) as the table defines), plus ``"FSPL"``
(free-space path loss, Friis). The coefficients live in
``data/propagation/tr38901_table_7_4_1_1_pathloss.json``; the numeric core is one
numba kernel over flat arrays; :func:`path_loss_db` validates and broadcasts.

Validity ranges of the table (carrier frequency, 2D/3D distance, BS and UT heights,
RMa building height and street width) are enforced: a value outside raises
:class:`netsim.errors.ValidityRangeError` naming the field, the value, the range and the
table. ``allow_extrapolation=True`` evaluates the same formulas outside those ranges
(e.g. sub-THz carriers above 100 GHz, other BS heights); the result is then outside the
standard and is the caller's responsibility.
"""

from __future__ import annotations

import math
from functools import cache

import numba
import numpy as np
from numpy.typing import ArrayLike

from netsim.errors import ParameterError, ValidityRangeError
from netsim.radio.tr38901.tables import PATHLOSS_TABLE, load_table
from netsim.units import SPEED_OF_LIGHT_M_S

__all__ = [
    "SCENARIOS",
    "path_loss_db",
    "breakpoint_distance_m",
    "uma_effective_environment_height_m",
]

SCENARIOS = ("UMa", "UMi", "RMa", "InH", "FSPL")
"""Scenario names accepted by :func:`path_loss_db`."""

_SOURCE = "3GPP TR 38.901 V17.0.0 Table 7.4.1-1"

# Kernel model kinds.
_KIND_URBAN = 0  # UMa, UMi-Street Canyon: dual slope with effective heights
_KIND_INH = 1  # InH-Office: single slope
_KIND_RMA = 2  # RMa
_KIND_FSPL = 3  # free space (Friis)

# Layout of the coefficient vector handed to the kernel (filled from the JSON table).
# Urban / InH:  0 a, 1 b1, 2 c, 3 b2, 4 d_bp, 5 nlos a, 6 nlos b, 7 nlos c, 8 nlos h, 9 c_bp
# RMa LOS:      0 fspl_const, 1 k1, 2 k1_max, 3 k2, 4 k2_max, 5 k3, 6 hexp, 7 b2
# RMa NLOS:     10 a, 11 w, 12 h, 13 hbs_a, 14 hbs_b, 15 d_a, 16 d_b, 17 c, 18 ut_a,
#               19 ut_b, 20 ut_c;  9 c_bp
_NCOEF = 21


@cache
def _scenario_coefficients(scenario: str) -> tuple[int, np.ndarray]:
    table = load_table(PATHLOSS_TABLE)
    coef = np.zeros(_NCOEF)
    coef[9] = table["breakpoint_c_m_s"]
    if scenario == "FSPL":
        coef[9] = SPEED_OF_LIGHT_M_S
        return _KIND_FSPL, coef
    row = table["scenarios"][scenario]
    los = row["los"]["coefficients"]
    nlos = row["nlos"]["coefficients"]
    if scenario == "RMa":
        for i, k in enumerate(("fspl_const", "k1", "k1_max", "k2", "k2_max", "k3", "hexp", "b2")):
            coef[i] = los[k]
        for i, k in enumerate(
            ("a", "w", "h", "hbs_a", "hbs_b", "d_a", "d_b", "c", "ut_a", "ut_b", "ut_c")
        ):
            coef[10 + i] = nlos[k]
        return _KIND_RMA, coef
    coef[0], coef[1], coef[2] = los["a"], los["b1"], los["c"]
    coef[3], coef[4] = los.get("b2", los["b1"]), los.get("d_bp", 0.0)
    coef[5], coef[6], coef[7], coef[8] = nlos["a"], nlos["b"], nlos["c"], nlos["h"]
    return (_KIND_INH if scenario == "InH" else _KIND_URBAN), coef


@numba.njit(cache=True, inline="always")
def _rma_pl1(coef, d3d, f_ghz, h_bld):
    hx = h_bld ** coef[6]
    return (
        20.0 * math.log10(coef[0] * math.pi * d3d * f_ghz / 3.0)
        + min(coef[1] * hx, coef[2]) * math.log10(d3d)
        - min(coef[3] * hx, coef[4])
        + coef[5] * math.log10(h_bld) * d3d
    )


@numba.njit(parallel=True, cache=True)
def _path_loss_kernel(kind, coef, d2d_a, h_bs_a, h_ut_a, f_hz_a, los_a, h_e_a, h_bld_a,
                      width_a, out):
    """Path loss (dB) per element (TR 38.901 Table 7.4.1-1).

    Every input is a flat array of length ``out.shape[0]`` or of length 1 (broadcast).
    """
    c_bp = coef[9]
    for i in numba.prange(out.shape[0]):
        i = np.int64(i)  # keep int64 arithmetic in the index clamps below
        d2d = d2d_a[min(i, d2d_a.shape[0] - 1)]
        h_bs = h_bs_a[min(i, h_bs_a.shape[0] - 1)]
        h_ut = h_ut_a[min(i, h_ut_a.shape[0] - 1)]
        f_hz = f_hz_a[min(i, f_hz_a.shape[0] - 1)]
        los = los_a[min(i, los_a.shape[0] - 1)]
        dh = h_bs - h_ut
        d3d = math.sqrt(d2d * d2d + dh * dh)
        f_ghz = f_hz * 1e-9
        lf = math.log10(f_ghz)
        if kind == _KIND_FSPL:
            # Friis: PL = 20 log10(4 pi d3D f / c)
            out[i] = 20.0 * math.log10(4.0 * math.pi * d3d * f_hz / c_bp)
            continue
        if kind == _KIND_RMA:
            h_bld = h_bld_a[min(i, h_bld_a.shape[0] - 1)]
            # Note 5: dBP = 2 pi hBS hUT fc / c (fc in Hz)
            d_bp = 2.0 * math.pi * h_bs * h_ut * f_hz / c_bp
            if d2d <= d_bp:
                pl_los = _rma_pl1(coef, d3d, f_ghz, h_bld)
            else:
                # PL2 = PL1(dBP) + 40 log10(d3D / dBP)
                pl_los = _rma_pl1(coef, d_bp, f_ghz, h_bld) + coef[7] * math.log10(d3d / d_bp)
            if los:
                out[i] = pl_los
            else:
                width = width_a[min(i, width_a.shape[0] - 1)]
                pl_n = (
                    coef[10]
                    - coef[11] * math.log10(width)
                    + coef[12] * math.log10(h_bld)
                    - (coef[13] - coef[14] * (h_bld / h_bs) ** 2) * math.log10(h_bs)
                    + (coef[15] - coef[16] * math.log10(h_bs)) * (math.log10(d3d) - 3.0)
                    + coef[17] * lf
                    - (coef[18] * math.log10(coef[19] * h_ut) ** 2 - coef[20])
                )
                out[i] = max(pl_los, pl_n)
            continue
        ld = math.log10(d3d)
        if kind == _KIND_INH:
            pl_los = coef[0] + coef[1] * ld + coef[2] * lf
        else:
            h_e = h_e_a[min(i, h_e_a.shape[0] - 1)]
            # Note 1: dBP' = 4 hBS' hUT' fc / c, with h' = h - hE
            d_bp = 4.0 * (h_bs - h_e) * (h_ut - h_e) * f_hz / c_bp
            if d2d <= d_bp:
                pl_los = coef[0] + coef[1] * ld + coef[2] * lf
            else:
                pl_los = (
                    coef[0]
                    + coef[3] * ld
                    + coef[2] * lf
                    - coef[4] * math.log10(d_bp * d_bp + dh * dh)
                )
        if los:
            out[i] = pl_los
        else:
            pl_n = coef[5] + coef[6] * ld + coef[7] * lf - coef[8] * (h_ut - 1.5)
            out[i] = max(pl_los, pl_n)


def _flat(a: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """Length-1 array for a single value, else the contiguous flattened broadcast."""
    if a.size == 1:
        return np.ascontiguousarray(a.reshape(1))
    if a.shape != shape:
        a = np.broadcast_to(a, shape)
    return np.ascontiguousarray(a).reshape(-1)


def _check_range(
    name: str, arr: np.ndarray, lo: float, hi: float, unit: str, src: str,
    mask: np.ndarray | None = None,
) -> None:
    bad = (arr < lo) | (arr > hi)
    if mask is not None:
        bad = bad & mask
    if np.any(bad):
        value = np.broadcast_to(arr, bad.shape)[bad].flat[0]
        allowed = f"{lo:g} {unit} <= {name} <= {hi:g} {unit}" if lo != hi else f"{lo:g} {unit}"
        raise ValidityRangeError(
            name, float(value), allowed + " (or allow_extrapolation=True, outside the standard)",
            source=src,
        )


def _check_positive(name: str, arr: np.ndarray, strict: bool = True) -> None:
    bad = ~(arr > 0) if strict else ~(arr >= 0)
    if np.any(bad):
        raise ParameterError(
            name, float(arr[bad].flat[0]), "> 0" if strict else ">= 0 (and not NaN)", _SOURCE
        )


def breakpoint_distance_m(
    scenario: str, freq_hz: ArrayLike, h_bs_m: ArrayLike, h_ut_m: ArrayLike, h_e_m: ArrayLike = 1.0
) -> np.ndarray | float:
    """Breakpoint distance of TR 38.901 Table 7.4.1-1 (notes 1 and 5).

    Parameters
    ----------
    scenario : {"UMa", "UMi", "RMa"}
        Scenario.
    freq_hz : array_like
        Carrier frequency (Hz).
    h_bs_m, h_ut_m : array_like
        BS and UT antenna heights (m).
    h_e_m : array_like, default 1.0
        Effective environment height (m), UMa and UMi only.

    Returns
    -------
    numpy.ndarray or float
        ``dBP' = 4 (hBS - hE)(hUT - hE) fc / c`` for UMa/UMi (note 1),
        ``dBP = 2 pi hBS hUT fc / c`` for RMa (note 5); c = 3.0e8 m/s as the table says.
    """
    c = load_table(PATHLOSS_TABLE)["breakpoint_c_m_s"]
    f = np.asarray(freq_hz, dtype=float)
    hb = np.asarray(h_bs_m, dtype=float)
    hu = np.asarray(h_ut_m, dtype=float)
    if scenario == "RMa":
        out = 2.0 * np.pi * hb * hu * f / c
    elif scenario in ("UMa", "UMi"):
        he = np.asarray(h_e_m, dtype=float)
        out = 4.0 * (hb - he) * (hu - he) * f / c
    else:
        raise ParameterError("scenario", scenario, "one of 'UMa', 'UMi', 'RMa'", _SOURCE)
    return float(out) if np.ndim(out) == 0 else out


def uma_effective_environment_height_m(
    d2d_m: ArrayLike, h_ut_m: ArrayLike, rng: np.random.Generator
) -> np.ndarray:
    """Draw the UMa effective environment height hE (TR 38.901 Table 7.4.1-1, note 1).

    hE = 1 m with probability 1 / (1 + C(d2D, hUT)); otherwise hE is drawn from the
    discrete uniform distribution uniform(12, 15, ..., hUT - 1.5). C = 0 for hUT < 13 m;
    C = ((hUT - 13)/10)^1.5 g(d2D) for 13 m <= hUT <= 23 m, with g(d2D) = 0 for
    d2D <= 18 m and (5/4)(d2D/100)^3 exp(-d2D/150) otherwise.

    Parameters
    ----------
    d2d_m, h_ut_m : array_like
        2D BS-UT distance (m) and UT height (m), broadcast together; hUT <= 23 m.
    rng : numpy.random.Generator
        Random source.

    Returns
    -------
    numpy.ndarray
        hE (m), broadcast shape of the inputs.
    """
    d, h = np.broadcast_arrays(np.asarray(d2d_m, float), np.asarray(h_ut_m, float))
    _check_range("h_ut_m", h, 0.0, 23.0, "m", _SOURCE + " note 1")
    g = np.where(d > 18.0, 1.25 * (d / 100.0) ** 3 * np.exp(-d / 150.0), 0.0)
    c = np.where(h >= 13.0, (np.maximum(h - 13.0, 0.0) / 10.0) ** 1.5 * g, 0.0)
    he = np.ones(d.shape)
    alt = rng.random(d.shape) >= 1.0 / (1.0 + c)
    # number of grid values 12, 15, ..., <= hUT - 1.5 (at least one, 12 m)
    n_vals = np.maximum(np.floor((h - 1.5 - 12.0) / 3.0).astype(int) + 1, 1)
    pick = 12.0 + 3.0 * np.floor(rng.random(d.shape) * n_vals)
    he[alt] = pick[alt]
    return he


def path_loss_db(
    scenario: str,
    d2d_m: ArrayLike,
    freq_hz: ArrayLike,
    h_bs_m: ArrayLike,
    h_ut_m: ArrayLike,
    los: ArrayLike,
    *,
    h_e_m: ArrayLike | None = None,
    h_building_m: ArrayLike | None = None,
    street_width_m: ArrayLike | None = None,
    allow_extrapolation: bool = False,
) -> np.ndarray | float:
    """Basic path loss (dB, no shadow fading) per TR 38.901 V17.0.0 Table 7.4.1-1.

    Parameters
    ----------
    scenario : {"UMa", "UMi", "RMa", "InH", "FSPL"}
        ``"UMi"`` is UMi-Street Canyon, ``"InH"`` InH-Office; ``"FSPL"`` is free space
        ``20 log10(4 pi d3D f / c)`` (valid at any frequency, ``los`` ignored).
    d2d_m : array_like
        2D (ground) distance BS-UT (m).
    freq_hz : array_like
        Carrier frequency (Hz).
    h_bs_m, h_ut_m : array_like
        BS and UT antenna heights (m); the 3D distance is
        ``sqrt(d2D^2 + (hBS - hUT)^2)``.
    los : array_like of bool
        True for LOS, False for NLOS (NLOS returns ``max(PL_LOS, PL'_NLOS)``).
    h_e_m : array_like, optional
        Effective environment height hE (m), UMa and UMi; default 1 m (note 1). Draw the
        stochastic UMa hE with :func:`uma_effective_environment_height_m`.
    h_building_m, street_width_m : array_like, optional
        RMa average building height h and street width W (m); defaults 5 m and 20 m.
    allow_extrapolation : bool, default False
        Evaluate the formulas outside the table's validity ranges (frequency,
        distances, heights) instead of raising. Outside the standard: use for
        sub-THz studies and other explicit extensions only.

    Returns
    -------
    numpy.ndarray or float
        Path loss (dB), the broadcast shape of the array inputs (a float for scalars).

    Raises
    ------
    ValidityRangeError
        An input lies outside the table's validity range (field, value, range, table).
    ParameterError
        Unknown scenario, or a non-physical input (distance < 0, height <= 0, ...).

    Examples
    --------
    >>> round(path_loss_db("UMa", 100.0, 3.5e9, 25.0, 1.5, True), 2)
    83.14
    """
    if scenario not in SCENARIOS:
        raise ParameterError("scenario", scenario, f"one of {SCENARIOS}", _SOURCE)
    kind, coef = _scenario_coefficients(scenario)
    table = load_table(PATHLOSS_TABLE)
    row = table["scenarios"].get(scenario, {})
    he_default = row.get("h_e_default_m", 1.0)
    args = [
        np.asarray(d2d_m, dtype=float),
        np.asarray(freq_hz, dtype=float),
        np.asarray(h_bs_m, dtype=float),
        np.asarray(h_ut_m, dtype=float),
        np.asarray(los, dtype=bool),
        np.asarray(he_default if h_e_m is None else h_e_m, dtype=float),
        np.asarray(row.get("h_building_default_m", 5.0) if h_building_m is None else h_building_m,
                   dtype=float),
        np.asarray(row.get("street_width_default_m", 20.0) if street_width_m is None
                   else street_width_m, dtype=float),
    ]
    try:
        shape = np.broadcast_shapes(*(a.shape for a in args))
    except ValueError as exc:
        raise ParameterError("array inputs", [a.shape for a in args],
                             "shapes that broadcast together") from exc
    d2d, f, hb, hu, lo, he, hbld, w = (_flat(a, shape) for a in args)
    _check_positive("d2d_m", d2d, strict=False)
    _check_positive("freq_hz", f)
    _check_positive("h_bs_m", hb)
    _check_positive("h_ut_m", hu)
    if kind == _KIND_FSPL:
        d3d = np.sqrt(d2d**2 + (hb - hu) ** 2)
        _check_positive("d3d_m", d3d)
    else:
        src = f"{_SOURCE} ({scenario})"
        if kind == _KIND_URBAN:
            bad_he = he >= np.minimum(hu, hb)
            if np.any(bad_he):
                bad = np.broadcast_to(he, bad_he.shape)[bad_he].flat[0]
                raise ParameterError("h_e_m", float(bad), "< h_ut_m and < h_bs_m", src + " note 1")
        if kind == _KIND_RMA:
            _check_positive("h_building_m", hbld)
            _check_positive("street_width_m", w)
        if kind == _KIND_INH:
            d3d = np.sqrt(d2d**2 + (hb - hu) ** 2)
            _check_positive("d3d_m", d3d)
        if not allow_extrapolation:
            lo_f, hi_f = row["freq_range_ghz"]
            _check_range("freq_hz", f, lo_f * 1e9, hi_f * 1e9, "Hz", src)
            if "h_bs_range_m" in row:
                b0, b1 = row["h_bs_range_m"]
                _check_range("h_bs_m", hb, b0, b1, "m", src)
                u0, u1 = row["h_ut_range_m"]
                _check_range("h_ut_m", hu, u0, u1, "m", src)
            if kind == _KIND_RMA:
                _check_range("h_building_m", hbld, *row["h_building_range_m"], "m", src)
                _check_range("street_width_m", w, *row["street_width_range_m"], "m", src)
            for state, mask in (("los", lo), ("nlos", ~lo)):
                rng_row = row[state]
                if "d2d_range_m" in rng_row:
                    _check_range(f"d2d_m ({state.upper()})", d2d, *rng_row["d2d_range_m"],
                                 "m", src, mask)
                else:
                    _check_range(f"d3d_m ({state.upper()})", d3d, *rng_row["d3d_range_m"],
                                 "m", src, mask)
    out = np.empty(math.prod(shape))
    _path_loss_kernel(kind, coef, d2d, hb, hu, f, lo, he, hbld, w, out)
    if shape == ():
        return float(out[0])
    return out.reshape(shape)
