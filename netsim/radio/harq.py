"""NR processing times and HARQ timing of the slot-based MAC (TS 38.214 5.3, 6.4).

Processing times (TS 38.214 V17.0.0 5.3 and 6.4, with d_1,1 = d_2,1 = d_2,2 = 0):

    T_proc,1 = N1 (2048 + 144) kappa 2^-mu T_c      (PDSCH decoding -> HARQ-ACK)
    T_proc,2 = N2 (2048 + 144) kappa 2^-mu T_c      (PDCCH grant -> PUSCH)

with ``kappa = 64``, ``T_c = 1 / (480e3 * 4096)`` s (TS 38.211 4.1) and N1, N2 in symbols
from Tables 5.3-1/5.3-2 and 6.4-1/6.4-2 (``data/mac/ts38214_processing_times.csv``).

Timing model of the MAC (slot granularity; a TB occupies one whole slot):

- Downlink TB in slot k: decoded at ``(k + 1) T_slot + T_proc,1``; its HARQ-ACK goes in
  PUCCH in slot ``k + 1 + ceil(T_proc,1 / T_slot)``; the gNB, taken to need
  ``T_proc,2`` to prepare a retransmission (an assumption: 38.214 does not set gNB
  processing times), retransmits in slot
  ``k + RTT_DL``, ``RTT_DL = 2 + ceil(T_proc,1 / T_slot) + ceil(T_proc,2 / T_slot)``.
- Uplink grant in PDCCH in the first symbol of slot k: PUSCH in slot ``k + K2``,
  ``K2 = ceil((T_sym + T_proc,2) / T_slot)`` (first PUSCH symbol not earlier than
  T_proc,2 after the end of the PDCCH, 38.214 6.4); the gNB decodes it in
  ``T_proc,1`` (assumed equal to the UE's) and sends a new grant for a retransmission
  in slot ``k + K2 + 1 + ceil(T_proc,1 / T_slot)``, so ``RTT_UL = 1 + ceil(T_proc,1 /
  T_slot) + K2`` slots between PUSCH attempts.
- A TB is lost (residual loss) after ``max_tx`` failed attempts; attempts fail
  independently with the BLER of the chosen MCS at the current SINR (no combining gain).
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from netsim.errors import ParameterError

__all__ = [
    "KAPPA",
    "T_C_S",
    "processing_symbols",
    "processing_time_s",
    "HarqTiming",
    "harq_timing",
]

KAPPA = 64
"""kappa = T_s / T_c (TS 38.211 4.1)."""
T_C_S = 1.0 / (480e3 * 4096)
"""Basic time unit T_c (s), TS 38.211 4.1."""

_SRC = "TS 38.214 V17.0.0 Tables 5.3-1, 5.3-2, 6.4-1, 6.4-2"


@lru_cache(maxsize=1)
def _table() -> dict[int, dict[str, float | None]]:
    text = resources.files("netsim.radio").joinpath(
        "data/mac/ts38214_processing_times.csv").read_text()
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    out = {}
    for r in rows:
        out[int(r["mu"])] = {k: (float(v) if v else None) for k, v in r.items() if k != "mu"}
    return out


def processing_symbols(mu: int, capability: int = 1) -> tuple[float, float]:
    """(N1, N2) in OFDM symbols for numerology ``mu`` and UE processing ``capability``.

    Examples
    --------
    >>> processing_symbols(1, 1)   # TS 38.214 Table 5.3-1 and Table 6.4-1, mu = 1
    (10.0, 12.0)
    """
    t = _table()
    if mu not in t:
        raise ParameterError("mu", mu, f"one of {sorted(t)}", _SRC)
    if capability not in (1, 2):
        raise ParameterError("capability", capability, "1 or 2", _SRC)
    n1 = t[mu][f"n1_cap{capability}_symbols"]
    n2 = t[mu][f"n2_cap{capability}_symbols"]
    if n1 is None or n2 is None:
        raise ParameterError("capability", capability, f"1 (capability 2 is not defined for "
                             f"mu = {mu})", _SRC)
    return float(n1), float(n2)


def processing_time_s(n_symbols: float, mu: int) -> float:
    """``N (2048 + 144) kappa 2^-mu T_c`` (s), TS 38.214 5.3 / 6.4."""
    return n_symbols * (2048 + 144) * KAPPA * 2.0 ** (-mu) * T_C_S


@dataclass(frozen=True)
class HarqTiming:
    """Slot-level timing of the MAC (see the module docstring for the formulas).

    Attributes
    ----------
    slot_s : float
        Slot duration (s).
    t_proc1_s, t_proc2_s : float
        T_proc,1 and T_proc,2 (s).
    rtt_dl_slots, rtt_ul_slots : int
        Slots between successive HARQ attempts of one TB.
    k2_slots : int
        Slots from an uplink grant to its PUSCH.
    max_tx : int
        Maximum transmissions per TB (first + retransmissions).
    """

    slot_s: float
    t_proc1_s: float
    t_proc2_s: float
    rtt_dl_slots: int
    rtt_ul_slots: int
    k2_slots: int
    max_tx: int


def _ceil_div(a: float, b: float) -> int:
    return int(math.ceil(a / b - 1e-9))


def harq_timing(mu: int, capability: int = 1, max_tx: int = 4) -> HarqTiming:
    """HARQ timing for numerology ``mu``, processing ``capability`` and ``max_tx``.

    Examples
    --------
    >>> h = harq_timing(1, 1)  # 30 kHz: T_proc,1 = 10 symbols, T_proc,2 = 12 symbols
    >>> h.rtt_dl_slots, h.rtt_ul_slots, h.k2_slots
    (4, 3, 1)
    """
    if isinstance(max_tx, bool) or not isinstance(max_tx, int) or not 1 <= max_tx <= 32:
        raise ParameterError("max_tx", max_tx, "an integer in [1, 32]")
    n1, n2 = processing_symbols(mu, capability)
    slot = 1e-3 / 2**mu
    t1 = processing_time_s(n1, mu)
    t2 = processing_time_s(n2, mu)
    t_sym = processing_time_s(1.0, mu)
    k2 = _ceil_div(t_sym + t2, slot)
    return HarqTiming(
        slot_s=slot,
        t_proc1_s=t1,
        t_proc2_s=t2,
        rtt_dl_slots=2 + _ceil_div(t1, slot) + _ceil_div(t2, slot),
        rtt_ul_slots=1 + _ceil_div(t1, slot) + k2,
        k2_slots=k2,
        max_tx=max_tx,
    )
