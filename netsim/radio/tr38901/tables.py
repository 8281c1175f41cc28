"""Loaders for the TR 38.901 tables stored under ``netsim/radio/data/propagation/``.

Each table is a JSON file that names its source (document, version, clause, table) and
the unit of every field. Files are read once and cached; callers must not mutate the
returned dictionaries.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

__all__ = [
    "PATHLOSS_TABLE",
    "LOS_PROBABILITY_TABLE",
    "SF_DECORRELATION_TABLE",
    "O2I_TABLE",
    "ANTENNA_TABLE",
    "load_table",
]

PATHLOSS_TABLE = "tr38901_table_7_4_1_1_pathloss.json"
"""TR 38.901 V17.0.0 Table 7.4.1-1 (path loss models)."""
LOS_PROBABILITY_TABLE = "tr38901_table_7_4_2_1_los_probability.json"
"""TR 38.901 V17.0.0 Table 7.4.2-1 (LOS probability)."""
SF_DECORRELATION_TABLE = "tr38901_table_7_5_6_sf_decorrelation.json"
"""TR 38.901 V17.0.0 Table 7.5-6 (shadow-fading decorrelation distances)."""
O2I_TABLE = "tr38901_clause_7_4_3_o2i.json"
"""TR 38.901 V17.0.0 clause 7.4.3 (O2I penetration loss, Tables 7.4.3-1 and 7.4.3-2)."""
ANTENNA_TABLE = "tr38901_table_7_3_1_antenna.json"
"""TR 38.901 V17.0.0 Table 7.3-1 (antenna element radiation pattern)."""


@cache
def load_table(name: str) -> dict[str, Any]:
    """Return the parsed JSON table ``name`` from ``netsim/radio/data/propagation/``.

    Parameters
    ----------
    name : str
        File name, one of the module constants (e.g. :data:`PATHLOSS_TABLE`).

    Returns
    -------
    dict
        The table; shared and cached, do not mutate.
    """
    path = resources.files("netsim.radio").joinpath("data").joinpath("propagation").joinpath(name)
    with path.open("r", encoding="utf-8") as fh:
        return json.load(fh)
