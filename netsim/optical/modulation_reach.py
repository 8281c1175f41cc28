"""Modulation format by transparent reach, and the number of spectrum slots a request needs.

The RMSA literature picks, for each candidate path, the most spectrally efficient
modulation format whose maximum transparent reach covers the path length, and sizes the
request as

    n_slots = ceil(rate_gbps / (bits_per_symbol * slot_width_ghz)) + guard_slots

(DeepRMSA, Chen et al., J. Lightw. Technol. 37(16), 2019; code ``cal_FS`` in
``K-SP-FF benchmark_NSFNET.py`` of github.com/xiaoliangchenUCD/DeepRMSA). The reach
table is data (``data/modulation/reach_deeprmsa.json``), loaded once.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numba
import numpy as np

from netsim.errors import ParameterError

__all__ = [
    "ReachTable",
    "load_reach_table",
    "deeprmsa_reach_table",
    "slots_for_rate",
    "slots_kernel",
]

#: Absolute tolerance on rate / (bits * width) before the ceiling, so that a quotient
#: that is an integer in exact arithmetic (100 / (4 * 12.5) = 2) is not rounded up by
#: floating-point noise.
_CEIL_TOL = 1e-9


@numba.njit(cache=True)
def slots_kernel(rate_gbps, bits_per_symbol, slot_width_ghz, guard_slots):  # pragma: no cover
    """Unchecked ``ceil(rate / (bits * width)) + guard`` for compiled callers (int64)."""
    return np.int64(np.ceil(rate_gbps / (bits_per_symbol * slot_width_ghz) - _CEIL_TOL)) + (
        guard_slots
    )


def slots_for_rate(
    rate_gbps: float, bits_per_symbol: float, slot_width_ghz: float, guard_slots: int
) -> int:
    """Slots one request occupies: ``ceil(rate / (bits * width)) + guard``.

    DeepRMSA ``cal_FS`` (github.com/xiaoliangchenUCD/DeepRMSA,
    ``K-SP-FF benchmark_NSFNET.py``), with the slot width and guard as parameters.

    Parameters
    ----------
    rate_gbps : float
        Requested bit rate [Gb/s], > 0.
    bits_per_symbol : float
        Bits per symbol of the modulation format, > 0.
    slot_width_ghz : float
        Slot width [GHz], > 0.
    guard_slots : int
        Guard-band slots added to each request, >= 0.

    Returns
    -------
    int

    Examples
    --------
    >>> slots_for_rate(100.0, 3, 12.5, 1)   # ceil(100 / 37.5) + 1 = 3 + 1
    4
    """
    if not rate_gbps > 0:
        raise ParameterError("rate_gbps", rate_gbps, "> 0")
    if not bits_per_symbol > 0:
        raise ParameterError("bits_per_symbol", bits_per_symbol, "> 0")
    if not slot_width_ghz > 0:
        raise ParameterError("slot_width_ghz", slot_width_ghz, "> 0")
    if guard_slots < 0:
        raise ParameterError("guard_slots", guard_slots, ">= 0")
    return int(
        slots_kernel(
            float(rate_gbps), float(bits_per_symbol), float(slot_width_ghz), int(guard_slots)
        )
    )


@dataclass(frozen=True)
class ReachTable:
    """Modulation formats with their bits per symbol and maximum transparent reach.

    Rows are ordered from the most efficient (shortest reach) to the least efficient
    (longest reach); :meth:`select` returns the first row whose reach covers the path.

    Parameters
    ----------
    formats : tuple of str
        Format names.
    bits_per_symbol : tuple of float
        Bits per symbol per format (strictly decreasing).
    max_reach_km : tuple of float
        Maximum path length [km] per format, inclusive (strictly increasing; ``inf``
        for no limit).
    source : tuple of str
        Where the table comes from.
    """

    formats: tuple[str, ...]
    bits_per_symbol: tuple[float, ...]
    max_reach_km: tuple[float, ...]
    source: tuple[str, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        n = len(self.formats)
        if n == 0 or len(self.bits_per_symbol) != n or len(self.max_reach_km) != n:
            raise ParameterError(
                "formats", self.formats, "a non-empty table with one bits and reach per format"
            )
        for i in range(n):
            if not self.bits_per_symbol[i] > 0:
                raise ParameterError(f"bits_per_symbol[{i}]", self.bits_per_symbol[i], "> 0")
            if not self.max_reach_km[i] > 0:
                raise ParameterError(f"max_reach_km[{i}]", self.max_reach_km[i], "> 0")
            if i and not self.max_reach_km[i] > self.max_reach_km[i - 1]:
                raise ParameterError(
                    f"max_reach_km[{i}]", self.max_reach_km[i], "strictly increasing reach"
                )
            if i and not self.bits_per_symbol[i] < self.bits_per_symbol[i - 1]:
                raise ParameterError(
                    f"bits_per_symbol[{i}]",
                    self.bits_per_symbol[i],
                    "strictly decreasing bits per symbol (longer reach, lower order)",
                )

    @property
    def longest_reach_km(self) -> float:
        """Largest reach of any format [km] (``inf`` if one format has no limit)."""
        return float(self.max_reach_km[-1])

    def select(self, length_km: float) -> int:
        """Index of the format used on a path of ``length_km``; -1 if none reaches.

        Parameters
        ----------
        length_km : float
            Transparent path length [km], >= 0.
        """
        if not length_km >= 0:
            raise ParameterError("length_km", length_km, ">= 0")
        for i, reach in enumerate(self.max_reach_km):
            if length_km <= reach:
                return i
        return -1

    @classmethod
    def from_json(cls, path: str | os.PathLike[str]) -> ReachTable:
        """Read a table in the format of ``data/modulation/reach_deeprmsa.json``."""
        path = Path(path)
        data = json.loads(path.read_text(encoding="utf-8"))
        rows = data.get("formats")
        if not isinstance(rows, list) or not rows:
            raise ParameterError("formats", rows, "a non-empty list", source=path.name)
        names, bits, reach = [], [], []
        for i, row in enumerate(rows):
            for key in ("format", "bits_per_symbol", "max_reach_km"):
                if key not in row:
                    raise ParameterError(f"formats[{i}].{key}", None, "present", source=path.name)
            names.append(str(row["format"]))
            bits.append(float(row["bits_per_symbol"]))
            r = row["max_reach_km"]
            reach.append(math.inf if r is None else float(r))
        return cls(tuple(names), tuple(bits), tuple(reach), tuple(data.get("source", ())))


def load_reach_table(name_or_path: str | os.PathLike[str]) -> ReachTable:
    """Load a shipped reach table by name (``"deeprmsa"``) or a JSON file by path."""
    if str(name_or_path) == "deeprmsa":
        return deeprmsa_reach_table()
    return ReachTable.from_json(name_or_path)


@lru_cache(maxsize=1)
def deeprmsa_reach_table() -> ReachTable:
    """The DeepRMSA table: 16QAM <= 625 km, 8QAM <= 1250, QPSK <= 2500, else BPSK.

    Loaded once from ``data/modulation/reach_deeprmsa.json``.

    Examples
    --------
    >>> t = deeprmsa_reach_table()
    >>> t.formats[t.select(1050.0)]
    '8QAM'
    """
    ref = resources.files("netsim.optical").joinpath("data", "modulation", "reach_deeprmsa.json")
    with resources.as_file(ref) as path:
        return ReachTable.from_json(path)
