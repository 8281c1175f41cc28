"""DVB-S2 / DVB-S2X MODCOD thresholds and the rate a link's CNR supports.

Sources
-------
- ETSI EN 302 307-1 V1.4.1, Table 13: DVB-S2 MODCODs, spectral efficiency (bit per
  symbol) and ideal Es/N0 for quasi-error-free operation (PER 1e-7, AWGN, normal
  FECFRAME, no pilots).
- ETSI EN 302 307-2 V1.1.1, Table 20a: DVB-S2X MODCODs (normal FECFRAME, AWGN).

Both tables live in ``netsim/space/data/ntn/dvbs2x_modcod_es_n0.csv``.

Relation to the link budget: with a root-raised-cosine roll-off ``r`` a carrier of
occupied bandwidth ``B`` carries ``R_s = B / (1 + r)`` symbols/s, and the CNR measured
in ``B`` relates to Es/N0 by ``Es/N0 = CNR + 10 log10(1 + r)`` (noise in ``B`` is
``(1 + r)`` times the noise in ``R_s``). The bit rate is ``R_s * eta`` for the MODCOD's
spectral efficiency ``eta`` (bit/symbol).
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike

from netsim.errors import ParameterError
from netsim.space._ntn_checks import check_finite, check_range
from netsim.space._ntn_data import ntn_csv

__all__ = ["modcod_table", "es_n0_from_cnr_db", "select_modcod", "modcod_rate_bps"]

_FILE = "dvbs2x_modcod_es_n0.csv"
Standard = Literal["DVB-S2", "DVB-S2X", "both"]


def modcod_table(standard: Standard = "both") -> pd.DataFrame:
    """The MODCOD table: ``standard, table, modcod, modulation, code_rate,
    spectral_efficiency_bit_per_symbol, es_n0_db`` (a copy)."""
    t = ntn_csv(_FILE)
    if standard == "both":
        return t
    if standard not in ("DVB-S2", "DVB-S2X"):
        raise ParameterError("standard", standard, "'DVB-S2', 'DVB-S2X' or 'both'")
    return t[t["standard"] == standard].reset_index(drop=True)


def es_n0_from_cnr_db(cnr_db: ArrayLike, roll_off: float) -> np.ndarray:
    """Es/N0 of a carrier whose CNR is measured in its occupied bandwidth ``(1 + r) R_s`` (dB)."""
    c = check_finite("cnr_db", cnr_db)
    r = check_range("roll_off", roll_off, 0.0, 1.0)
    return c + 10.0 * np.log10(1.0 + r)


def _frontier(standard: Standard) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """MODCODs on the efficient frontier, sorted by required Es/N0."""
    t = modcod_table(standard).sort_values(
        ["es_n0_db", "spectral_efficiency_bit_per_symbol"], ascending=[True, False]
    )
    es = t["es_n0_db"].to_numpy(float)
    eta = t["spectral_efficiency_bit_per_symbol"].to_numpy(float)
    names = t["modcod"].to_numpy(str)
    keep = eta > np.maximum.accumulate(np.concatenate([[-np.inf], eta[:-1]]))
    return es[keep], eta[keep], names[keep]


def select_modcod(
    es_n0_db: ArrayLike, *, margin_db: float = 0.0, standard: Standard = "both"
) -> tuple[np.ndarray, np.ndarray]:
    """Most efficient MODCOD whose required Es/N0 plus ``margin_db`` is met.

    Parameters
    ----------
    es_n0_db : array_like
        Available Es/N0 (dB).
    margin_db : float
        Link margin kept above the table's ideal threshold (dB), >= 0 (implementation
        loss, fading margin).
    standard : {'DVB-S2', 'DVB-S2X', 'both'}
        Which MODCOD set may be chosen.

    Returns
    -------
    modcod : numpy.ndarray of str
        Name of the chosen MODCOD, ``""`` where none closes.
    spectral_efficiency_bit_per_symbol : numpy.ndarray
        Its spectral efficiency; 0 where none closes.

    Examples
    --------
    >>> name, eta = select_modcod(1.0, standard="DVB-S2")
    >>> str(name), float(eta)
    ('QPSK 1/2', 0.988858)
    """
    es = check_finite("es_n0_db", es_n0_db)
    m = check_range("margin_db", margin_db, 0.0, None)
    thr, eta, names = _frontier(standard)
    # Index of the last threshold <= available Es/N0 - margin (thresholds ascending).
    idx = np.searchsorted(thr, es - m, side="right") - 1
    ok = idx >= 0
    safe = np.where(ok, idx, 0)
    out_eta = np.where(ok, eta[safe], 0.0)
    out_names = np.where(ok, names[safe], "")
    return out_names, out_eta


def modcod_rate_bps(
    cnr_db: ArrayLike,
    bandwidth_hz: ArrayLike,
    *,
    roll_off: float = 0.2,
    margin_db: float = 0.0,
    standard: Standard = "both",
) -> np.ndarray:
    """Bit rate of the best closing MODCOD on a carrier of occupied bandwidth ``B`` (bit/s).

    ``R = B / (1 + r) * eta(Es/N0)`` with ``Es/N0 = CNR + 10 log10(1 + r)``; 0 where
    no MODCOD closes.
    """
    b = check_range("bandwidth_hz", bandwidth_hz, 0.0, None, low_inclusive=False)
    r = check_range("roll_off", roll_off, 0.0, 1.0)
    _, eta = select_modcod(
        es_n0_from_cnr_db(cnr_db, roll_off), margin_db=margin_db, standard=standard
    )
    return b / (1.0 + r) * eta
