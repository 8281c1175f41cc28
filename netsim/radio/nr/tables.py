"""NR link-layer tables, loaded once from the CSV/JSON files in ``netsim/radio/data/nr``.

Each table is a data file carrying its source in a header comment (DESIGN.md, practice 2):

- TS 38.211 V17.4.0 Tables 4.2-1, 4.3.2-1, 4.3.2-2 (numerologies, slot configuration);
- TS 38.101-1 / 38.101-2 V17.8.0 Table 5.3.2-1 (maximum transmission bandwidth N_RB);
- TS 38.214 V17.4.0 Tables 5.1.3.1-1/-2/-3 (MCS), 5.2.2.1-2/-3/-4 (CQI),
  5.1.3.2-1 (TBS for N_info <= 3824), 5.1.3.2-2 (TB scaling);
- TS 38.306 V17.4.0 clause 4.1.2 (max data rate constants);
- the AWGN SINR at 10 % BLER per CQI and the BLER slope (see :mod:`netsim.radio.nr.bler`).
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from netsim.errors import ParameterError

__all__ = [
    "DATA_DIR",
    "ModulationCodingTable",
    "mcs_table",
    "cqi_table",
    "tbs_table_bits",
    "tb_scaling_factor",
    "slot_configuration",
    "nrb_table",
    "max_data_rate_constants",
    "awgn_sinr_10pct_bler_anchor",
    "bler_slope_constants",
    "MCS_TABLES",
    "CQI_TABLES",
]

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "nr"
"""Folder of the NR data files."""

MCS_TABLES = {
    1: ("ts38214_table_5_1_3_1_1_mcs_qam64.csv", "TS 38.214 Table 5.1.3.1-1"),
    2: ("ts38214_table_5_1_3_1_2_mcs_qam256.csv", "TS 38.214 Table 5.1.3.1-2"),
    3: ("ts38214_table_5_1_3_1_3_mcs_qam64_lowse.csv", "TS 38.214 Table 5.1.3.1-3"),
}
"""MCS table number -> (data file, source table)."""

CQI_TABLES = {
    1: ("ts38214_table_5_2_2_1_2_cqi_table1.csv", "TS 38.214 Table 5.2.2.1-2"),
    2: ("ts38214_table_5_2_2_1_3_cqi_table2.csv", "TS 38.214 Table 5.2.2.1-3"),
    3: ("ts38214_table_5_2_2_1_4_cqi_table3.csv", "TS 38.214 Table 5.2.2.1-4"),
}
"""CQI table number -> (data file, source table)."""


def _read_csv(name: str) -> dict[str, list[str]]:
    """Read a commented CSV file of ``DATA_DIR`` into columns of strings."""
    with open(DATA_DIR / name, newline="", encoding="utf-8") as fh:
        rows = [line for line in fh if line.strip() and not line.startswith("#")]
    reader = csv.reader(rows)
    header = next(reader)
    cols: dict[str, list[str]] = {h: [] for h in header}
    for row in reader:
        for h, v in zip(header, row, strict=True):
            cols[h].append(v.strip())
    return cols


def _floats(values: list[str]) -> np.ndarray:
    return np.array([float(v) if v else np.nan for v in values], dtype=np.float64)


def _ints(values: list[str]) -> np.ndarray:
    return np.array([int(v) if v else 0 for v in values], dtype=np.int64)


@dataclass(frozen=True)
class ModulationCodingTable:
    """One MCS or CQI table of TS 38.214.

    Attributes
    ----------
    source : str
        The table of TS 38.214 it reproduces.
    index : ndarray of int, shape (n,)
        MCS index I_MCS or CQI index.
    modulation_order : ndarray of int, shape (n,)
        Q_m (bit/symbol); 0 where the table has none (CQI 0).
    code_rate_x1024 : ndarray of float, shape (n,)
        Target code rate R x 1024; NaN for reserved MCS rows and CQI 0.
    spectral_efficiency : ndarray of float, shape (n,)
        Spectral efficiency as printed (bit/s/Hz, 4 decimals); NaN where absent.
    """

    source: str
    index: np.ndarray
    modulation_order: np.ndarray
    code_rate_x1024: np.ndarray
    spectral_efficiency: np.ndarray

    @property
    def valid(self) -> np.ndarray:
        """Boolean mask of rows with a code rate (not reserved, not 'out of range')."""
        return ~np.isnan(self.code_rate_x1024)


def _check_table(number: Any, tables: dict, field: str) -> tuple[str, str]:
    if number not in tables:
        raise ParameterError(field, number, f"one of {sorted(tables)}", source="TS 38.214")
    return tables[number]


@cache
def mcs_table(number: int = 1) -> ModulationCodingTable:
    """MCS index table ``number`` (1, 2, 3) of TS 38.214 5.1.3.1 (Tables 5.1.3.1-1/-2/-3)."""
    fname, source = _check_table(number, MCS_TABLES, "mcs_table")
    c = _read_csv(fname)
    return ModulationCodingTable(
        source=source,
        index=_ints(c["mcs_index"]),
        modulation_order=_ints(c["modulation_order"]),
        code_rate_x1024=_floats(c["code_rate_x1024"]),
        spectral_efficiency=_floats(c["spectral_efficiency"]),
    )


@cache
def cqi_table(number: int = 1) -> ModulationCodingTable:
    """CQI table ``number`` (1, 2, 3) of TS 38.214 5.2.2.1 (Tables 5.2.2.1-2/-3/-4)."""
    fname, source = _check_table(number, CQI_TABLES, "cqi_table")
    c = _read_csv(fname)
    return ModulationCodingTable(
        source=source,
        index=_ints(c["cqi_index"]),
        modulation_order=_ints(c["modulation_order"]),
        code_rate_x1024=_floats(c["code_rate_x1024"]),
        spectral_efficiency=_floats(c["spectral_efficiency"]),
    )


@cache
def tbs_table_bits() -> np.ndarray:
    """TS 38.214 Table 5.1.3.2-1: the 93 TBS values (bit) for N_info <= 3824, ascending."""
    c = _read_csv("ts38214_table_5_1_3_2_1_tbs.csv")
    out = _ints(c["tbs_bits"])
    out.setflags(write=False)
    return out


@cache
def _tb_scaling() -> dict[float, int]:
    c = _read_csv("ts38214_table_5_1_3_2_2_tb_scaling.csv")
    return {float(s): int(f) for f, s in zip(c["tb_scaling_field"], c["scaling_factor"])}


def tb_scaling_factor() -> tuple[float, ...]:
    """Allowed TB scaling factors S of TS 38.214 Table 5.1.3.2-2 (1, 0.5, 0.25)."""
    return tuple(_tb_scaling())


@cache
def slot_configuration() -> dict[tuple[int, str], tuple[int, int, int]]:
    """TS 38.211 Tables 4.3.2-1/-2: ``(mu, cp) -> (n_symb_slot, n_slot_frame, n_slot_subframe)``."""
    c = _read_csv("ts38211_table_4_3_2_slot_configuration.csv")
    out = {}
    for mu, cp, ns, nf, nsf in zip(
        c["mu"], c["cyclic_prefix"], c["n_symb_slot"], c["n_slot_frame"], c["n_slot_subframe"]
    ):
        out[(int(mu), cp)] = (int(ns), int(nf), int(nsf))
    return out


@cache
def nrb_table() -> dict[tuple[str, int, int], int]:
    """TS 38.101-1/-2 Table 5.3.2-1: ``(frequency_range, scs_khz, bandwidth_mhz) -> N_RB``."""
    c = _read_csv("ts38101_table_5_3_2_1_nrb.csv")
    return {
        (fr, int(s), int(b)): int(n)
        for fr, s, b, n in zip(c["frequency_range"], c["scs_khz"], c["bandwidth_mhz"], c["n_rb"])
    }


@cache
def max_data_rate_constants() -> dict[str, Any]:
    """TS 38.306 4.1.2 constants (R_max, overheads, allowed scaling factors)."""
    with open(DATA_DIR / "ts38306_4_1_2_max_data_rate.json", encoding="utf-8") as fh:
        return json.load(fh)


@cache
def awgn_sinr_10pct_bler_anchor() -> tuple[np.ndarray, np.ndarray]:
    """(spectral efficiency, SINR dB at BLER 0.1) of CQI table 1 in AWGN (MathWorks hCQISelect)."""
    c = _read_csv("matlab_hcqiselect_awgn_sinr_10pct_bler.csv")
    se, s = _floats(c["spectral_efficiency"]), _floats(c["sinr_db"])
    se.setflags(write=False)
    s.setflags(write=False)
    return se, s


@cache
def bler_slope_constants() -> dict[str, Any]:
    """Logistic BLER slope (1/dB) and the AWGN points it was fitted to (ns-3 5G-LENA)."""
    with open(DATA_DIR / "bler_logistic_slope.json", encoding="utf-8") as fh:
        return json.load(fh)
