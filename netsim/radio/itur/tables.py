"""Loaders for the ITU-R tables stored under ``netsim/radio/data/propagation/``.

CSV tables carry their source and column units in ``#`` header lines; JSON tables in
``source`` and ``units`` fields. Each file is read once and cached.
"""

from __future__ import annotations

import io
import json
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

__all__ = [
    "P676_OXYGEN_TABLE",
    "P676_WATER_VAPOUR_TABLE",
    "P838_TABLE",
    "load_csv_table",
    "load_json_table",
]

P676_OXYGEN_TABLE = "itu_r_p676_13_table1_oxygen.csv"
"""ITU-R P.676-13 Annex 1 Table 1 (oxygen lines)."""
P676_WATER_VAPOUR_TABLE = "itu_r_p676_13_table2_water_vapour.csv"
"""ITU-R P.676-13 Annex 1 Table 2 (water-vapour lines)."""
P838_TABLE = "itu_r_p838_3_coefficients.json"
"""ITU-R P.838-3 Tables 1-4 (rain k and alpha coefficients)."""


def _read_text(name: str) -> str:
    path = resources.files("netsim.radio").joinpath("data").joinpath("propagation").joinpath(name)
    return path.read_text(encoding="utf-8")


@cache
def load_csv_table(name: str) -> np.ndarray:
    """Return the CSV table ``name`` as a read-only structured array (named columns)."""
    body = "\n".join(
        line for line in _read_text(name).splitlines() if not line.lstrip().startswith("#")
    )
    arr = np.genfromtxt(io.StringIO(body), delimiter=",", names=True)
    arr.setflags(write=False)
    return arr


@cache
def load_json_table(name: str) -> dict[str, Any]:
    """Return the parsed JSON table ``name`` (shared and cached: do not mutate)."""
    return json.loads(_read_text(name))
