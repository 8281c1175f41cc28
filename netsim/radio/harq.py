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

Non-slot-based (mini-slot) timing, :func:`minislot_timing` (PDSCH/PUSCH mapping type B,
TS 38.214 5.1.2.1 / 6.1.2.1; Rel-15 normal-CP PDSCH type-B lengths L = 2, 4, 7 of Table
5.1.2.1-1): each slot holds ``floor(14 / L)`` scheduling occasions starting at symbols
``0, L, 2L, ...`` (for L = 4 the last two symbols of a slot are not used by data).
Occasion boundaries are OFDM symbol boundaries of TS 38.211 V17.0.0 5.3.1: symbols
``0`` and ``7 * 2^mu`` of every subframe carry ``16 kappa T_c`` of extra cyclic prefix.
All timing is computed in integer multiples of T_c, so it is exact.

- PDCCH monitoring in the first symbol of every occasion (a 1-symbol CORESET, overlapping
  the first PDSCH symbol: ``d = 1`` in TS 38.214 5.3); a downlink TB in occasion j fills
  its L symbols and is decoded ``T_proc,1`` after its end, with
  ``T_proc,1 = (N1 + d_1,1)(2048 + 144) kappa 2^-mu T_c`` and d_1,1 of mapping type B
  (TS 38.214 5.3, ``data/mac/ts38214_5_3_d11_pdsch_mapping_type_b.csv``).
- Uplink: the grant in the first symbol of occasion j; the PUSCH goes in the first
  occasion starting at least ``T_sym + T_proc,2`` after the start of j (TS 38.214 6.4
  with d_2,1 = d_2,2 = 0); the gNB decodes it in ``T_proc,1`` (assumed equal to the UE's,
  d_1,1 included).
- HARQ at occasion granularity: the HARQ-ACK of a downlink TB goes in the first occasion
  starting ``T_proc,1`` after the TB end; the retransmission in the first occasion
  starting ``T_proc,2`` after that occasion ends. An uplink retransmission is granted in
  the first occasion starting ``T_proc,1`` after the PUSCH ends.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from netsim.errors import ParameterError

__all__ = [
    "KAPPA",
    "T_C_S",
    "processing_symbols",
    "processing_time_s",
    "HarqTiming",
    "harq_timing",
    "MINISLOT_SYMBOLS",
    "d11_type_b_symbols",
    "MiniSlotTiming",
    "minislot_timing",
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


# -- non-slot-based (mini-slot) scheduling ------------------------------------------------
MINISLOT_SYMBOLS = (2, 4, 7, 14)
"""Allowed ``minislot_symbols``: PDSCH mapping type B lengths of Rel-15 with normal CP
(TS 38.214 V15.x Table 5.1.2.1-1: 2, 4, 7; PUSCH type B, 6.1.2.1, allows 1..14) and 14,
slot-based scheduling (mapping type A over the whole slot)."""

_SRC_L = ("TS 38.214 5.1.2.1, Table 5.1.2.1-1 (PDSCH mapping type B, normal CP, Rel-15: "
          "L = 2, 4, 7) and 6.1.2.1 (PUSCH type B); 14 = slot-based")
_SRC_D11 = "TS 38.214 5.3 (d_1,1 for PDSCH mapping type B)"
_TC_PER_SUBFRAME = 1966080  # 1 ms / T_c = 480e3 * 4096 / 1000
_TC_LONG_CP_EXTRA = 16 * KAPPA  # TS 38.211 5.3.1: symbols 0 and 7 * 2^mu of a subframe


@lru_cache(maxsize=1)
def _d11_table() -> dict[tuple[int, int], tuple[float, float]]:
    text = resources.files("netsim.radio").joinpath(
        "data/mac/ts38214_5_3_d11_pdsch_mapping_type_b.csv").read_text()
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    return {(int(r["capability"]), int(r["l_symbols"])):
            (float(r["d11_fixed_symbols"]), float(r["d11_per_overlap_symbol"])) for r in rows}


def _check_minislot(minislot_symbols) -> int:
    if (isinstance(minislot_symbols, bool) or not isinstance(minislot_symbols, (int, np.integer))
            or int(minislot_symbols) not in MINISLOT_SYMBOLS):
        raise ParameterError("minislot_symbols", minislot_symbols,
                             "one of 2, 4, 7 (mini-slot) or 14 (slot-based)", _SRC_L)
    return int(minislot_symbols)


def d11_type_b_symbols(l_symbols: int, capability: int = 1, overlap_symbols: int = 1) -> float:
    """d_1,1 (symbols) of T_proc,1 for a PDSCH of mapping type B with ``l_symbols`` symbols.

    TS 38.214 5.3: capability 1: L >= 7: 0, L = 4: 7 - L = 3, L = 2: 3 + d; capability 2:
    L >= 7: 0, L = 2, 4: d (with a 1-symbol CORESET), where d = ``overlap_symbols`` is the
    overlap of the scheduling PDCCH with the PDSCH. ``l_symbols = 14`` (slot-based,
    mapping type A ending at the last symbol of the slot) gives 0.

    Examples
    --------
    >>> d11_type_b_symbols(2, 1), d11_type_b_symbols(4, 1), d11_type_b_symbols(4, 2)
    (4.0, 3.0, 1.0)
    """
    l_sym = _check_minislot(l_symbols)
    if capability not in (1, 2):
        raise ParameterError("capability", capability, "1 or 2", _SRC_D11)
    if l_sym == 14:
        return 0.0
    fixed, per = _d11_table()[(capability, l_sym)]
    return fixed + per * float(overlap_symbols)


@dataclass(frozen=True)
class MiniSlotTiming:
    """Occasion-level timing of the non-slot-based MAC (module docstring).

    The occasion grid repeats every ``period`` occasions (``period_s``: one slot at
    mu = 0, 0.5 ms above, the period of the long cyclic prefix); arrays are per phase
    ``j % period``.

    Attributes
    ----------
    minislot_symbols : int
        L, symbols per occasion and per TB.
    per_slot : int
        Occasions per slot, ``floor(14 / L)``.
    period : int
    period_s, slot_s, t_sym_s : float
        Grid period, slot, and the (2048 + 144)-sample symbol of TS 38.214 5.3 (s).
    start_s, end_s : ndarray (period,)
        Occasion start and TB end within the period (s).
    d11_symbols, t_proc1_s, t_proc2_s : float
        d_1,1 (symbols), T_proc,1 with d_1,1 and T_proc,2 (s).
    k2_occ, rtt_dl_occ, rtt_ul_occ : ndarray of int64 (period,)
        Occasions from a grant to its PUSCH, and between HARQ attempts (DL; UL grants),
        by phase of the occasion they start from.
    max_tx : int
    """

    minislot_symbols: int
    per_slot: int
    period: int
    period_s: float
    slot_s: float
    t_sym_s: float
    start_s: np.ndarray
    end_s: np.ndarray
    d11_symbols: float
    t_proc1_s: float
    t_proc2_s: float
    k2_occ: np.ndarray
    rtt_dl_occ: np.ndarray
    rtt_ul_occ: np.ndarray
    max_tx: int

    def occasion_start_s(self, j: int) -> float:
        """Start time (s) of occasion ``j`` (occasion 0 starts at t = 0)."""
        q, r = divmod(int(j), self.period)
        return q * self.period_s + float(self.start_s[r])

    def occasion_end_s(self, j: int) -> float:
        """End time (s) of the L symbols of occasion ``j``."""
        q, r = divmod(int(j), self.period)
        return q * self.period_s + float(self.end_s[r])


def minislot_timing(mu: int, capability: int = 1, max_tx: int = 4,
                    minislot_symbols: int = 7) -> MiniSlotTiming:
    """Timing of non-slot-based scheduling with L = ``minislot_symbols`` (2, 4 or 7).

    Examples
    --------
    >>> m = minislot_timing(1, 1, 4, 7)  # 30 kHz, two 7-symbol occasions per slot
    >>> m.per_slot, m.d11_symbols, int(m.k2_occ[0])
    (2, 0.0, 2)
    """
    l_sym = _check_minislot(minislot_symbols)
    if l_sym == 14:
        raise ParameterError("minislot_symbols", l_sym, "2, 4 or 7 (14 is slot-based: use "
                             "harq_timing)", _SRC_L)
    if isinstance(max_tx, bool) or not isinstance(max_tx, int) or not 1 <= max_tx <= 32:
        raise ParameterError("max_tx", max_tx, "an integer in [1, 32]")
    n1, n2 = processing_symbols(mu, capability)
    d11 = d11_type_b_symbols(l_sym, capability)
    tn = (2048 + 144) * KAPPA >> mu            # normal-CP symbol (T_c); 140288 / 2^mu
    half = 7 * 2**mu                            # symbols per 0.5 ms
    per_slot = 14 // l_sym
    n_slots = max(1, 2 ** (mu - 1))             # slots per grid period
    period = per_slot * n_slots
    period_tc = n_slots * _TC_PER_SUBFRAME // 2**mu

    def sym_tc(s):  # start of symbol s of the period (s <= 14 * n_slots), TS 38.211 5.3.1
        return s * tn + _TC_LONG_CP_EXTRA * (-(-s // half))

    first_sym = [(p // per_slot) * 14 + (p % per_slot) * l_sym for p in range(period)]
    start_tc = np.array([sym_tc(s) for s in first_sym], np.int64)
    end_tc = np.array([sym_tc(s + l_sym) for s in first_sym], np.int64)
    t1 = int(round((n1 + d11) * tn))
    t2 = int(round(n2 * tn))

    def at(j):
        q, r = divmod(j, period)
        return q * period_tc + int(start_tc[r]), q * period_tc + int(end_tc[r])

    def first_at_or_after(t):
        q, r = divmod(t, period_tc)
        i = int(np.searchsorted(start_tc, r, side="left"))
        return q * period + i

    k2 = np.zeros(period, np.int64)
    rtt_dl = np.zeros(period, np.int64)
    rtt_ul = np.zeros(period, np.int64)
    for p in range(period):
        s0, e0 = at(p)
        ack = first_at_or_after(e0 + t1)
        rtt_dl[p] = first_at_or_after(at(ack)[1] + t2) - p
        k2[p] = first_at_or_after(s0 + tn + t2) - p
        rtt_ul[p] = first_at_or_after(at(p + int(k2[p]))[1] + t1) - p
    return MiniSlotTiming(
        minislot_symbols=l_sym, per_slot=per_slot, period=period,
        period_s=period_tc * T_C_S, slot_s=1e-3 / 2**mu, t_sym_s=tn * T_C_S,
        start_s=start_tc * T_C_S, end_s=end_tc * T_C_S, d11_symbols=d11,
        t_proc1_s=t1 * T_C_S, t_proc2_s=t2 * T_C_S, k2_occ=k2, rtt_dl_occ=rtt_dl,
        rtt_ul_occ=rtt_ul, max_tx=max_tx)
