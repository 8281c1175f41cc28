"""WDM channel plans: centre frequencies, symbol rates and grid spacing of a channel comb.

Band edges come from ``data/physical/bands.json`` (GNPy 3.0.1 multiband example:
C 191.3-196.1 THz, L 186.1-190.9 THz), loaded once. Channels are laid on a grid
whose spacing is a multiple of the ITU-T G.694.1 (10/2020) flexible-grid granularity
(12.5 GHz slot width, 6.25 GHz centre-frequency granularity); the first channel
centre is half a spacing above the band's lower edge, as GNPy's ``f_min``/``spacing``
convention does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from numpy.typing import ArrayLike

from netsim.errors import ParameterError

__all__ = ["ChannelPlan", "band_edges_hz"]

_DATA = Path(__file__).with_name("data") / "physical" / "bands.json"
_BANDS_SOURCE = "netsim/optical/data/physical/bands.json (GNPy 3.0.1 multiband example)"


@lru_cache(maxsize=1)
def _bands() -> dict[str, tuple[float, float]]:
    doc = json.loads(_DATA.read_text())
    return {b["name"]: (float(b["f_min_hz"]), float(b["f_max_hz"])) for b in doc["bands"]}


def band_edges_hz(band: str) -> tuple[float, float]:
    """Lower and upper edge (Hz) of an amplification band (``"C"`` or ``"L"``).

    Source: ``data/physical/bands.json``.
    """
    bands = _bands()
    if band not in bands:
        raise ParameterError("band", band, f"one of {sorted(bands)}", source=_BANDS_SOURCE)
    return bands[band]


@dataclass(frozen=True)
class ChannelPlan:
    """A comb of WDM channels.

    Parameters
    ----------
    center_freq_hz : array_like, shape (n,)
        Channel centre frequencies (Hz), strictly increasing.
    symbol_rate_baud : float or array_like, shape (n,)
        Symbol rate of each channel (Bd). The signal bandwidth used by the GN model
        and for SNR is the symbol rate (Nyquist-shaped channels).
    spacing_hz : float
        Grid spacing (Hz) the plan was laid out with (informative; the GN model
        uses the actual centre frequencies).

    Raises
    ------
    ParameterError
        On empty plans, non-positive rates, unsorted frequencies or channels that
        overlap (symbol rate wider than the distance to a neighbour).
    """

    center_freq_hz: np.ndarray
    symbol_rate_baud: np.ndarray
    spacing_hz: float

    def __init__(self, center_freq_hz: ArrayLike, symbol_rate_baud: ArrayLike, spacing_hz: float):
        f = np.atleast_1d(np.asarray(center_freq_hz, dtype=float))
        if f.ndim != 1 or f.size == 0 or not np.all(np.isfinite(f)) or np.any(f <= 0):
            raise ParameterError(
                "center_freq_hz", center_freq_hz, "a non-empty 1-D array of > 0 Hz"
            )
        if f.size > 1 and np.any(np.diff(f) <= 0):
            raise ParameterError("center_freq_hz", "unsorted", "strictly increasing frequencies")
        rs = np.broadcast_to(np.asarray(symbol_rate_baud, dtype=float), f.shape).copy()
        if not np.all(np.isfinite(rs)) or np.any(rs <= 0):
            raise ParameterError("symbol_rate_baud", symbol_rate_baud, "> 0 Bd")
        if not np.isfinite(spacing_hz) or spacing_hz <= 0:
            raise ParameterError("spacing_hz", spacing_hz, "> 0 Hz")
        if f.size > 1:
            gap = np.diff(f)
            need = 0.5 * (rs[1:] + rs[:-1])
            if np.any(need > gap * (1 + 1e-12)):
                raise ParameterError(
                    "symbol_rate_baud",
                    float(rs.max()),
                    "<= the distance between neighbouring channel centres (no spectral overlap)",
                )
        f.setflags(write=False)
        rs.setflags(write=False)
        object.__setattr__(self, "center_freq_hz", f)
        object.__setattr__(self, "symbol_rate_baud", rs)
        object.__setattr__(self, "spacing_hz", float(spacing_hz))

    @property
    def n_channels(self) -> int:
        """Number of channels."""
        return int(self.center_freq_hz.size)

    @property
    def occupied_bandwidth_hz(self) -> float:
        """Total spectrum the plan occupies (Hz): ``n_channels * spacing_hz``."""
        return self.n_channels * self.spacing_hz

    @classmethod
    def uniform(
        cls, f_min_hz: float, f_max_hz: float, spacing_hz: float, symbol_rate_baud: float
    ) -> ChannelPlan:
        """Channels every ``spacing_hz`` filling ``[f_min_hz, f_max_hz]``.

        The first centre is at ``f_min_hz + spacing_hz / 2`` and the last at or below
        ``f_max_hz - spacing_hz / 2``, so every channel slot lies inside the range.
        """
        if not (np.isfinite(f_min_hz) and np.isfinite(f_max_hz)) or f_max_hz <= f_min_hz:
            raise ParameterError("f_max_hz", f_max_hz, f"> f_min_hz = {f_min_hz}")
        if not np.isfinite(spacing_hz) or spacing_hz <= 0:
            raise ParameterError("spacing_hz", spacing_hz, "> 0 Hz")
        n = int(np.floor((f_max_hz - f_min_hz) / spacing_hz + 1e-9))
        if n < 1:
            raise ParameterError(
                "spacing_hz", spacing_hz, f"<= f_max_hz - f_min_hz = {f_max_hz - f_min_hz}"
            )
        f = f_min_hz + spacing_hz * (np.arange(n) + 0.5)
        return cls(f, symbol_rate_baud, spacing_hz)

    @classmethod
    def for_bands(
        cls,
        bands: str | tuple[str, ...] = "C",
        spacing_hz: float = 50e9,
        symbol_rate_baud: float = 32e9,
    ) -> ChannelPlan:
        """A full-load plan over one or more bands, e.g. ``("L", "C")`` for C+L.

        Band edges come from ``data/physical/bands.json``; the default C band
        (191.3-196.1 THz, 4.8 THz) holds 96 channels at 50 GHz.
        """
        names = (bands,) if isinstance(bands, str) else tuple(bands)
        parts = [cls.uniform(*band_edges_hz(b), spacing_hz, symbol_rate_baud) for b in names]
        f = np.sort(np.concatenate([p.center_freq_hz for p in parts]))
        return cls(f, symbol_rate_baud, spacing_hz)
