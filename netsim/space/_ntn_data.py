"""Loader of the NTN link-budget data files in ``netsim/space/data/ntn/``.

Each file carries its source and a unit per column in ``#`` comment lines at its top.
Files are read once and cached; callers get copies of the tables.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import pandas as pd

__all__ = ["ntn_csv"]

_PACKAGE = "netsim.space"


def _path(name: str):
    return resources.files(_PACKAGE).joinpath("data").joinpath("ntn").joinpath(name)


@cache
def _read_csv(name: str) -> pd.DataFrame:
    with _path(name).open("r", encoding="utf-8") as fh:
        return pd.read_csv(fh, comment="#", skipinitialspace=True)


def ntn_csv(name: str) -> pd.DataFrame:
    """Return a copy of the CSV data file ``name`` (comment lines skipped)."""
    return _read_csv(name).copy()
