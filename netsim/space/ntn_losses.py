"""Additional NTN losses of 3GPP TR 38.811: gases, scintillation, clutter, shadowing, polarisation.

Sources
-------
- TR 38.811 V15.4.0, 6.6.4: attenuation by atmospheric gases along a slant path,
  ``PL_A = A_zenith(f) / sin(alpha)`` for elevations from 10 to 90 deg (the zenith
  attenuation comes from ITU-R P.676; pass it in, see :func:`gas_loss_slant_db`).
- TR 38.811 V15.4.0, 6.6.6.1.4: ionospheric scintillation loss below 6 GHz,
  ``PL_IS = A_IS(f) / sqrt(2)``, ``A_IS(f) = A_IS(4 GHz) (f / 4 GHz)^-1.5``.
- TR 38.811 V15.4.0, 6.6.6.2.1, Table 6.6.6.2.1-1: tropospheric scintillation loss per
  elevation (20 GHz, 99 %), used above 6 GHz (data file
  ``tr38811_table_6_6_6_2_1_1_tropospheric_scintillation.csv``).
- TR 38.811 V15.4.0, 6.6.2, Tables 6.6.2-1/-2/-3: shadow-fading standard deviation and
  clutter loss per scenario, band and elevation (data file
  ``tr38811_table_6_6_2_shadow_fading_clutter_loss.csv``).
- Polarisation mismatch: the polarisation loss factor ``|cos psi|^2`` of two linear
  polarisations at angle ``psi`` (antenna theory, e.g. Balanis, Antenna Theory, 2-12);
  circular to linear is 3.01 dB. TR 38.821 Table 6.1.3.3-1 uses 0 dB.

Tables are looked up at their printed elevations (10 deg steps): ``method="nearest"``
quantises the elevation to the nearest printed row, as the ns-3 and Sionna NTN
implementations do; ``method="linear"`` interpolates between rows. Elevations below
10 deg are outside the tables and raise :class:`~netsim.errors.ValidityRangeError`.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
from numpy.typing import ArrayLike
from scipy.special import ndtri

from netsim.errors import ParameterError
from netsim.space._ntn_checks import check_range
from netsim.space._ntn_data import ntn_csv

__all__ = [
    "IONOSPHERIC_SCINTILLATION_LIMIT_HZ",
    "gas_loss_slant_db",
    "ionospheric_scintillation_loss_db",
    "tropospheric_scintillation_loss_db",
    "scintillation_loss_db",
    "clutter_loss_db",
    "shadow_fading_std_db",
    "shadow_margin_db",
    "polarization_mismatch_loss_db",
    "CIRCULAR_TO_LINEAR_LOSS_DB",
]

IONOSPHERIC_SCINTILLATION_LIMIT_HZ = 6e9
"""TR 38.811 6.6.6: ionospheric scintillation below 6 GHz, tropospheric above."""

CIRCULAR_TO_LINEAR_LOSS_DB = float(10.0 * np.log10(2.0))
"""Loss between a circularly and a linearly polarised antenna, 10 log10(2) dB."""

_SCINT_FILE = "tr38811_table_6_6_6_2_1_1_tropospheric_scintillation.csv"
_SFCL_FILE = "tr38811_table_6_6_2_shadow_fading_clutter_loss.csv"
_SCINT_SRC = "TR 38.811 V15.4.0 Table 6.6.6.2.1-1"
_SFCL_SRC = "TR 38.811 V15.4.0 Tables 6.6.2-1 to 6.6.2-3"
_SCENARIOS = {
    "dense_urban": "dense_urban",
    "urban": "urban",
    "suburban": "suburban_rural",
    "rural": "suburban_rural",
    "suburban_rural": "suburban_rural",
}
_BANDS = ("S", "Ka")

Method = Literal["nearest", "linear"]


def _lookup(
    x_deg: np.ndarray, grid_deg: np.ndarray, values: np.ndarray, method: str, source: str
) -> np.ndarray:
    check_range("elevation_deg", x_deg, grid_deg[0], grid_deg[-1], source=source, validity=True)
    if method == "linear":
        return np.interp(x_deg, grid_deg, values)
    if method == "nearest":
        # Round half up to the next printed row (10 deg steps): 15 -> 20, 25 -> 30.
        step = grid_deg[1] - grid_deg[0]
        idx = np.floor((x_deg - grid_deg[0]) / step + 0.5).astype(int)
        return values[np.clip(idx, 0, len(grid_deg) - 1)]
    raise ParameterError("method", method, "'nearest' or 'linear'")


def gas_loss_slant_db(zenith_loss_db: ArrayLike, elevation_deg: ArrayLike) -> np.ndarray:
    """Gaseous attenuation along a slant path, TR 38.811 V15.4.0 6.6.4.

    ``PL_A(alpha, f) = A_zenith(f) / sin(alpha)``, valid for 10 <= alpha <= 90 deg.

    Parameters
    ----------
    zenith_loss_db : array_like
        Zenith (vertical path) gaseous attenuation at the carrier (dB), >= 0: from
        ITU-R P.676 (Annex 1 integration or Annex 2 equivalent heights), e.g. the radio
        segment's atmosphere model, or a table figure.
    elevation_deg : array_like
        Elevation (deg), within [10, 90].

    Returns
    -------
    numpy.ndarray
        Slant-path gaseous loss (dB).
    """
    az = check_range("zenith_loss_db", zenith_loss_db, 0.0, None)
    el = check_range(
        "elevation_deg", elevation_deg, 10.0, 90.0, source="TR 38.811 V15.4.0 6.6.4", validity=True
    )
    return az / np.sin(np.deg2rad(el))


def ionospheric_scintillation_loss_db(
    freq_hz: ArrayLike, peak_to_peak_4ghz_db: float = 1.1
) -> np.ndarray:
    """Ionospheric scintillation loss, TR 38.811 V15.4.0 6.6.6.1.4.

    ``PL_IS = A_IS(f) / sqrt(2)`` with ``A_IS(f) = A_IS(4 GHz) * (f / 4 GHz)^-1.5``.

    Parameters
    ----------
    freq_hz : array_like
        Carrier frequency (Hz), in (0, 6 GHz] where ionospheric scintillation applies.
    peak_to_peak_4ghz_db : float
        Peak-to-peak fluctuation ``A_IS`` at 4 GHz (dB). The default 1.1 dB gives
        ``6.22 f_GHz^-1.5`` dB (the constant of the ns-3 NTN model) and 2.2 dB at 2 GHz,
        the S-band scintillation loss of TR 38.821 Table 6.1.3.3-1.
    """
    f = check_range(
        "freq_hz",
        freq_hz,
        0.0,
        IONOSPHERIC_SCINTILLATION_LIMIT_HZ,
        low_inclusive=False,
        source="TR 38.811 V15.4.0 6.6.6.1.4",
        validity=True,
    )
    a4 = check_range("peak_to_peak_4ghz_db", peak_to_peak_4ghz_db, 0.0, None)
    return a4 * np.power(f / 4e9, -1.5) / np.sqrt(2.0)


def tropospheric_scintillation_loss_db(
    elevation_deg: ArrayLike, method: Method = "nearest"
) -> np.ndarray:
    """Tropospheric scintillation loss of TR 38.811 V15.4.0 Table 6.6.6.2.1-1 (dB).

    The table holds measurements at 20 GHz (99 % probability) for elevations 10 to
    90 deg; netsim applies it to carriers above 6 GHz as TR 38.821 does for Ka band.
    """
    t = ntn_csv(_SCINT_FILE)
    el = np.asarray(elevation_deg, dtype=float)
    return _lookup(
        el, t["elevation_deg"].to_numpy(float), t["loss_db"].to_numpy(float), method, _SCINT_SRC
    )


def scintillation_loss_db(
    freq_hz: ArrayLike, elevation_deg: ArrayLike, method: Method = "nearest"
) -> np.ndarray:
    """Scintillation loss: ionospheric below 6 GHz, tropospheric table above (dB).

    TR 38.811 V15.4.0 6.6.6 (the split at 6 GHz follows its clauses 6.6.6.1 and 6.6.6.2).
    """
    f = check_range("freq_hz", freq_hz, 0.0, None, low_inclusive=False)
    el = np.asarray(elevation_deg, dtype=float)
    f_b, el_b = np.broadcast_arrays(f, el)
    out = np.empty(f_b.shape, dtype=float)
    low = f_b <= IONOSPHERIC_SCINTILLATION_LIMIT_HZ
    # The ionospheric term does not depend on elevation, but the elevation must still
    # be a real elevation angle.
    check_range("elevation_deg", el_b, 0.0, 90.0)
    if np.any(low):
        out[low] = ionospheric_scintillation_loss_db(f_b[low])
    if np.any(~low):
        out[~low] = tropospheric_scintillation_loss_db(el_b[~low], method)
    return out if out.ndim else out[()]


def _sfcl_column(scenario: str, band: str, what: str, los: bool | None = None) -> tuple:
    key = _SCENARIOS.get(scenario)
    if key is None:
        raise ParameterError("scenario", scenario, f"one of {sorted(_SCENARIOS)}", source=_SFCL_SRC)
    if band not in _BANDS:
        raise ParameterError("band", band, "'S' or 'Ka'", source=_SFCL_SRC)
    t = ntn_csv(_SFCL_FILE)
    t = t[t["scenario"] == key]
    prefix = band.lower()
    if what == "cl":
        col = f"{prefix}_nlos_cl_db"
    else:
        col = f"{prefix}_{'los' if los else 'nlos'}_sf_std_db"
    return t["elevation_deg"].to_numpy(float), t[col].to_numpy(float)


def clutter_loss_db(
    scenario: str, band: str, elevation_deg: ArrayLike, method: Method = "nearest"
) -> np.ndarray:
    """NLOS clutter loss of TR 38.811 V15.4.0 Tables 6.6.2-1/-2/-3 (dB).

    Parameters
    ----------
    scenario : {'dense_urban', 'urban', 'suburban', 'rural'}
        Suburban and rural share Table 6.6.2-3.
    band : {'S', 'Ka'}
        Frequency band of the table column.
    elevation_deg : array_like
        Elevation (deg), within [10, 90].
    method : {'nearest', 'linear'}
        Lookup between the printed 10 deg rows.

    Notes
    -----
    The clutter loss applies to NLOS links only; LOS links have none (TR 38.811 6.6.2).
    """
    grid, vals = _sfcl_column(scenario, band, "cl")
    return _lookup(np.asarray(elevation_deg, dtype=float), grid, vals, method, _SFCL_SRC)


def shadow_fading_std_db(
    scenario: str, band: str, los: bool, elevation_deg: ArrayLike, method: Method = "nearest"
) -> np.ndarray:
    """Shadow-fading standard deviation of TR 38.811 V15.4.0 Tables 6.6.2-1/-2/-3 (dB)."""
    grid, vals = _sfcl_column(scenario, band, "sf", los=bool(los))
    return _lookup(np.asarray(elevation_deg, dtype=float), grid, vals, method, _SFCL_SRC)


def shadow_margin_db(sigma_db: ArrayLike, outage_probability: ArrayLike) -> np.ndarray:
    """Log-normal shadowing margin ``M = sigma * Q^-1(p)`` for an outage probability ``p`` (dB).

    With TR 38.811 shadow fading modelled as a zero-mean normal variable in dB of
    standard deviation ``sigma``, the margin exceeded with probability ``p`` is
    ``sigma * Phi^-1(1 - p)``; e.g. ``p = 0.1`` gives ``1.2816 sigma``.
    """
    s = check_range("sigma_db", sigma_db, 0.0, None)
    p = check_range(
        "outage_probability",
        outage_probability,
        0.0,
        1.0,
        low_inclusive=False,
        high_inclusive=False,
    )
    return s * ndtri(1.0 - p)


def polarization_mismatch_loss_db(mismatch_angle_deg: ArrayLike) -> np.ndarray:
    """Loss between two linear polarisations at angle ``psi``: ``-20 log10|cos psi|`` (dB).

    ``psi`` in [0, 90) deg; at 90 deg the loss is infinite and is refused.
    """
    psi = check_range("mismatch_angle_deg", mismatch_angle_deg, 0.0, 90.0, high_inclusive=False)
    return -20.0 * np.log10(np.abs(np.cos(np.deg2rad(psi))))
