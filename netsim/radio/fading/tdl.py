"""Tapped delay line (TDL) channel models TDL-A..E, TR 38.901 V17.0.0 7.7.2 and 7.7.3.

Tables 7.7.2-1..5 are the data files ``data/fading/tr38901_table_7_7_2_*_tdl_*.csv``
(normalised delay, power in dB, fading type per tap). Delays are scaled to a desired RMS
delay spread by ``tau_n = tau_n,model * DS_desired`` (7.7.3, Eq. 7.7-1); example DS values
are Table 7.7.3-1. TDL-D and TDL-E have a LOS (specular) first tap: its K factor is the
ratio of the LOS power to the Rayleigh power of tap 1 (13.3 dB and 22 dB, 7.7.2).

The taps fade independently, each by :class:`~netsim.radio.fading.SumOfSinusoidsFading`
(Clarke/Jakes time correlation at the UE's maximum Doppler, classical Doppler spectrum as
TR 38.901 7.7.2 assumes for the TDL models).
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from numpy.typing import ArrayLike

from netsim.errors import ParameterError
from netsim.radio.fading.sum_of_sinusoids import DEFAULT_N_SINUSOIDS, SumOfSinusoidsFading

__all__ = [
    "TDL_MODELS",
    "TdlProfile",
    "tdl_profile",
    "tdl_example_delay_spread_s",
    "tdl_tap_gains",
    "frequency_response",
]

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "fading"
TDL_MODELS = ("TDL-A", "TDL-B", "TDL-C", "TDL-D", "TDL-E")
"""Models of TR 38.901 Tables 7.7.2-1..5."""
_FILES = {
    "TDL-A": "tr38901_table_7_7_2_1_tdl_a.csv",
    "TDL-B": "tr38901_table_7_7_2_2_tdl_b.csv",
    "TDL-C": "tr38901_table_7_7_2_3_tdl_c.csv",
    "TDL-D": "tr38901_table_7_7_2_4_tdl_d.csv",
    "TDL-E": "tr38901_table_7_7_2_5_tdl_e.csv",
}
_SRC = "TR 38.901 7.7.2, Tables 7.7.2-1..5"


def _read(name: str) -> dict[str, list[str]]:
    with open(DATA_DIR / name, newline="", encoding="utf-8") as fh:
        rows = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    reader = csv.reader(rows)
    header = next(reader)
    cols: dict[str, list[str]] = {h: [] for h in header}
    for row in reader:
        for h, v in zip(header, row, strict=True):
            cols[h].append(v.strip())
    return cols


@cache
def _table(model: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    c = _read(_FILES[model])
    tap = np.array([int(v) for v in c["tap"]])
    d = np.array([float(v) for v in c["normalized_delay"]])
    p = np.array([float(v) for v in c["power_db"]])
    los = np.array([v == "LOS" for v in c["fading"]])
    for a in (tap, d, p, los):
        a.setflags(write=False)
    return tap, d, p, los


@cache
def _example_ds() -> dict[str, float]:
    c = _read("tr38901_table_7_7_3_1_delay_spread.csv")
    return {m: float(v) * 1e-9 for m, v in zip(c["model"], c["delay_spread_ns"])}


def tdl_example_delay_spread_s(name: str) -> float:
    """Example RMS delay spread (s) of TR 38.901 Table 7.7.3-1.

    ``name`` in ``"very_short"`` (10 ns), ``"short"`` (30), ``"nominal"`` (100),
    ``"long"`` (300), ``"very_long"`` (1000 ns).
    """
    table = _example_ds()
    if name not in table:
        raise ParameterError("name", name, f"one of {tuple(table)}", "TR 38.901 Table 7.7.3-1")
    return table[name]


@dataclass(frozen=True)
class TdlProfile:
    """A TDL power delay profile scaled to a delay spread.

    Attributes
    ----------
    model : str
        ``"TDL-A"`` .. ``"TDL-E"``.
    tap : ndarray of int, shape (P,)
        Tap number of each path as in the table (LOS and Rayleigh parts of tap 1 share 1).
    delay_s : ndarray, shape (P,)
        Scaled delays (s).
    power_db : ndarray, shape (P,)
        Path powers as tabulated (dB).
    power_linear : ndarray, shape (P,)
        Linear path powers, normalised to sum 1 when ``normalized`` (else as tabulated).
    los : ndarray of bool, shape (P,)
        True for the specular (LOS) path.
    normalized : bool
    """

    model: str
    tap: np.ndarray
    delay_s: np.ndarray
    power_db: np.ndarray
    power_linear: np.ndarray
    los: np.ndarray
    normalized: bool

    @property
    def k_factor_db(self) -> float | None:
        """K factor of tap 1: LOS power over the Rayleigh power of tap 1 (dB); None if NLOS."""
        if not self.los.any():
            return None
        first = (self.tap == 1) & ~self.los
        return float(self.power_db[self.los][0] - self.power_db[first][0])

    @property
    def rms_delay_spread_s(self) -> float:
        """RMS delay spread (s) of the profile (second central moment of the power delays)."""
        p = self.power_linear / self.power_linear.sum()
        mean = np.sum(p * self.delay_s)
        return float(np.sqrt(np.sum(p * (self.delay_s - mean) ** 2)))


def tdl_profile(model: str, delay_spread_s: float, *, normalize: bool = True) -> TdlProfile:
    """TDL-A..E of TR 38.901 Tables 7.7.2-1..5 scaled to ``delay_spread_s`` (7.7.3).

    Parameters
    ----------
    model : {"TDL-A", "TDL-B", "TDL-C", "TDL-D", "TDL-E"}
    delay_spread_s : float
        Desired RMS delay spread DS_desired (s), > 0 (e.g. 100e-9; Table 7.7.3-1 examples via
        :func:`tdl_example_delay_spread_s`).
    normalize : bool
        Scale the linear powers to sum 1 (default), so the channel has unit mean power.

    Returns
    -------
    TdlProfile

    Examples
    --------
    >>> p = tdl_profile("TDL-D", 30e-9)
    >>> round(p.k_factor_db, 1), p.delay_s.size
    (13.3, 14)
    """
    if model not in _FILES:
        raise ParameterError("model", model, f"one of {TDL_MODELS}", _SRC)
    if not (np.isfinite(delay_spread_s) and delay_spread_s > 0):
        raise ParameterError("delay_spread_s", delay_spread_s, "> 0", "TR 38.901 7.7.3")
    tap, d, p, los = _table(model)
    lin = 10.0 ** (p / 10.0)
    if normalize:
        lin = lin / lin.sum()
    return TdlProfile(
        model=model,
        tap=tap,
        delay_s=d * float(delay_spread_s),
        power_db=p,
        power_linear=lin,
        los=los,
        normalized=normalize,
    )


def tdl_tap_gains(
    profile: TdlProfile,
    n_links: int,
    t_s: ArrayLike,
    doppler_hz: ArrayLike,
    rng: np.random.Generator,
    *,
    los_aoa_rad: float = math.pi / 4,
    n_sinusoids: int = DEFAULT_N_SINUSOIDS,
) -> np.ndarray:
    """Complex path gains of a TDL channel at times ``t_s``.

    Rayleigh paths: independent Clarke/Jakes processes scaled by sqrt(power). The LOS path:
    a unit phasor with random initial phase and Doppler ``f_D cos(los_aoa_rad)``, scaled by
    sqrt(power).

    Parameters
    ----------
    profile : TdlProfile
    n_links : int
        Independent links.
    t_s : float or array, shape (T,)
        Times (s).
    doppler_hz : float or array, shape (n_links,)
        Maximum Doppler per link (Hz).
    rng : numpy.random.Generator
    los_aoa_rad, n_sinusoids :
        As in :class:`~netsim.radio.fading.SumOfSinusoidsFading`.

    Returns
    -------
    ndarray of complex128, shape (n_links, P, T)
    """
    # Diffuse processes for every path; the LOS paths are then replaced by pure phasors.
    n_p = profile.delay_s.size
    proc = SumOfSinusoidsFading(
        n_links, doppler_hz, rng, n_paths=n_p, los_aoa_rad=los_aoa_rad, n_sinusoids=n_sinusoids
    )
    t = np.atleast_1d(np.asarray(t_s, dtype=np.float64))
    g = proc.gains(t)
    if profile.los.any():
        phi0 = rng.uniform(0.0, 2.0 * np.pi, (n_links, int(profile.los.sum())))
        f_los = proc.doppler_hz * math.cos(los_aoa_rad)
        g[:, profile.los, :] = np.exp(
            1j * (2.0 * np.pi * f_los[:, None, None] * t[None, None, :] + phi0[:, :, None])
        )
    return g * np.sqrt(profile.power_linear)[None, :, None]


def frequency_response(
    tap_gains: np.ndarray, delay_s: ArrayLike, freq_hz: ArrayLike
) -> np.ndarray:
    """Channel frequency response ``H(f) = sum_p a_p exp(-j 2 pi f tau_p)``.

    Parameters
    ----------
    tap_gains : ndarray, shape (N, P, T)
        From :func:`tdl_tap_gains`.
    delay_s : array, shape (P,)
        Path delays (s), e.g. ``profile.delay_s``.
    freq_hz : array, shape (F,)
        Frequencies relative to the carrier (Hz), e.g. subcarrier offsets.

    Returns
    -------
    ndarray of complex128, shape (N, F, T)
    """
    a = np.asarray(tap_gains)
    tau = np.asarray(delay_s, dtype=np.float64)
    f = np.atleast_1d(np.asarray(freq_hz, dtype=np.float64))
    if a.ndim != 3 or a.shape[1] != tau.size:
        raise ParameterError(
            "tap_gains", a.shape, f"shape (N, {tau.size}, T) matching delay_s", "TR 38.901 7.7.2"
        )
    phase = np.exp(-2j * np.pi * f[:, None] * tau[None, :])  # (F, P)
    return np.einsum("fp,npt->nft", phase, a)
