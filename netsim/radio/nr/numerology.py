"""NR numerologies, slot and OFDM-symbol timing, and mini-slots.

Sources
-------
- 3GPP TS 38.211 V17.4.0, 4.1 (T_c, kappa), 4.2 Table 4.2-1 (mu = 0..6, SCS = 15 kHz * 2^mu,
  cyclic prefix), 4.3.2 Tables 4.3.2-1/-2 (symbols per slot, slots per frame and subframe),
  5.3.1 (OFDM symbol and cyclic-prefix lengths in units of T_c).
- 3GPP TS 38.214 V15.x, 5.1.2.1 Table 5.1.2.1-1: PDSCH mapping type B ("mini-slot")
  durations L in {2, 4, 7} symbols for normal cyclic prefix.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from netsim.errors import ParameterError
from netsim.radio.nr.tables import slot_configuration

__all__ = [
    "T_C_S",
    "KAPPA",
    "MINI_SLOT_SYMBOLS",
    "Numerology",
    "numerology",
    "subcarrier_spacing_hz",
    "slot_duration_s",
    "symbol_durations_s",
    "mini_slot_duration_s",
]

_DELTA_F_MAX_HZ = 480e3
_N_F = 4096
T_C_S = 1.0 / (_DELTA_F_MAX_HZ * _N_F)
"""Basic NR time unit T_c = 1 / (480 kHz * 4096) s (TS 38.211 4.1)."""
KAPPA = 64
"""kappa = T_s / T_c = 64 (TS 38.211 4.1)."""
MINI_SLOT_SYMBOLS = (2, 4, 7)
"""PDSCH mapping type B durations, normal CP (TS 38.214 V15 Table 5.1.2.1-1)."""

_SUBFRAME_S = 1e-3
_SRC_NUM = "TS 38.211 Table 4.2-1 / Tables 4.3.2-1, 4.3.2-2"


@dataclass(frozen=True)
class Numerology:
    """One NR numerology (TS 38.211 4.2, 4.3.2).

    Attributes
    ----------
    mu : int
        Subcarrier spacing configuration, 0..6.
    cyclic_prefix : str
        ``"normal"`` or ``"extended"`` (extended only for mu = 2).
    scs_hz : float
        Subcarrier spacing 15 kHz * 2^mu (Hz).
    symbols_per_slot : int
        14 (normal CP) or 12 (extended CP).
    slots_per_subframe : int
        2^mu.
    slots_per_frame : int
        10 * 2^mu.
    slot_duration_s : float
        1 ms / 2^mu (s).
    """

    mu: int
    cyclic_prefix: str
    scs_hz: float
    symbols_per_slot: int
    slots_per_subframe: int
    slots_per_frame: int
    slot_duration_s: float

    @property
    def mean_symbol_duration_s(self) -> float:
        """Slot duration / symbols per slot (s); the T_s^mu of TS 38.306 4.1.2 for normal CP."""
        return self.slot_duration_s / self.symbols_per_slot

    def symbol_durations_s(self) -> np.ndarray:
        """Durations (s) of every OFDM symbol of one subframe, CP included; see
        :func:`symbol_durations_s`."""
        return symbol_durations_s(self.mu, self.cyclic_prefix)


def _check_mu(mu: int, cyclic_prefix: str) -> tuple[int, int, int]:
    table = slot_configuration()
    if cyclic_prefix not in ("normal", "extended"):
        raise ParameterError("cyclic_prefix", cyclic_prefix, "'normal' or 'extended'", _SRC_NUM)
    valid_mu = sorted({m for m, _ in table})
    if isinstance(mu, bool) or not isinstance(mu, (int, np.integer)) or int(mu) not in valid_mu:
        raise ParameterError("mu", mu, f"an integer in {valid_mu}", _SRC_NUM)
    key = (int(mu), cyclic_prefix)
    if key not in table:
        allowed = sorted(m for m, cp in table if cp == cyclic_prefix)
        raise ParameterError("mu", mu, f"one of {allowed} for {cyclic_prefix} CP", _SRC_NUM)
    return table[key]


def numerology(mu: int, cyclic_prefix: str = "normal") -> Numerology:
    """The numerology ``mu`` (0..6) of TS 38.211 Table 4.2-1 with its slot configuration.

    Parameters
    ----------
    mu : int
        Subcarrier spacing configuration 0..6 (15, 30, 60, 120, 240, 480, 960 kHz).
    cyclic_prefix : {"normal", "extended"}
        Extended CP exists only for mu = 2 (Table 4.2-1).

    Returns
    -------
    Numerology

    Raises
    ------
    ParameterError
        ``mu`` outside 0..6, or extended CP with mu != 2.

    Examples
    --------
    >>> n = numerology(1)
    >>> n.scs_hz, n.slots_per_subframe, n.slot_duration_s
    (30000.0, 2, 0.0005)
    """
    n_symb, n_frame, n_sub = _check_mu(mu, cyclic_prefix)
    mu = int(mu)
    return Numerology(
        mu=mu,
        cyclic_prefix=cyclic_prefix,
        scs_hz=15e3 * 2.0**mu,
        symbols_per_slot=n_symb,
        slots_per_subframe=n_sub,
        slots_per_frame=n_frame,
        slot_duration_s=_SUBFRAME_S / n_sub,
    )


def subcarrier_spacing_hz(mu: int) -> float:
    """Subcarrier spacing 15 kHz * 2^mu (Hz), TS 38.211 Table 4.2-1."""
    return numerology(mu).scs_hz


def slot_duration_s(mu: int) -> float:
    """Slot duration 1 ms / 2^mu (s), TS 38.211 4.3.2."""
    return numerology(mu).slot_duration_s


def symbol_durations_s(mu: int, cyclic_prefix: str = "normal") -> np.ndarray:
    """Durations of the OFDM symbols of one subframe, cyclic prefix included.

    TS 38.211 5.3.1: symbol l of a subframe lasts ``(N_u + N_CP,l) * T_c`` with
    ``N_u = 2048 kappa 2^-mu``; ``N_CP,l = 512 kappa 2^-mu`` (extended CP),
    ``144 kappa 2^-mu + 16 kappa`` for l = 0 and l = 7 * 2^mu (normal CP, the first symbol
    of each half subframe), ``144 kappa 2^-mu`` otherwise (normal CP).

    Parameters
    ----------
    mu : int
        Numerology 0..6.
    cyclic_prefix : {"normal", "extended"}

    Returns
    -------
    ndarray, shape (symbols_per_slot * 2^mu,)
        Seconds; they sum to exactly 1 ms.
    """
    n_symb, _, n_sub = _check_mu(mu, cyclic_prefix)
    mu = int(mu)
    n_l = n_symb * n_sub
    n_u = 2048 * KAPPA * 2.0**-mu
    if cyclic_prefix == "extended":
        n_cp = np.full(n_l, 512 * KAPPA * 2.0**-mu)
    else:
        n_cp = np.full(n_l, 144 * KAPPA * 2.0**-mu)
        n_cp[[0, 7 * 2**mu]] += 16 * KAPPA
    return (n_u + n_cp) * T_C_S


def mini_slot_duration_s(
    mu: int, n_symbols: int, start_symbol: int = 0, *, allowed_symbols=MINI_SLOT_SYMBOLS
) -> float:
    """Duration (s) of a mini-slot (PDSCH mapping type B) of ``n_symbols`` OFDM symbols.

    The duration is the sum of the exact symbol durations of :func:`symbol_durations_s`
    (normal CP) from ``start_symbol`` (index within the slot, 0..13) in slot 0 of a subframe,
    so a mini-slot holding the first symbol of a half subframe includes its longer CP.

    Parameters
    ----------
    mu : int
        Numerology 0..6.
    n_symbols : int
        Mini-slot length; one of ``allowed_symbols`` (default 2, 4, 7: TS 38.214 V15
        Table 5.1.2.1-1, PDSCH mapping type B, normal CP).
    start_symbol : int
        First symbol within the slot; ``start_symbol + n_symbols <= 14``.
    allowed_symbols : tuple of int
        Lengths accepted (pass e.g. ``range(2, 14)`` for the Rel-16 type B lengths).

    Returns
    -------
    float
        Seconds.
    """
    if n_symbols not in tuple(allowed_symbols):
        raise ParameterError(
            "n_symbols", n_symbols, f"one of {tuple(allowed_symbols)}", "TS 38.214 Table 5.1.2.1-1"
        )
    if not 0 <= start_symbol <= 14 - n_symbols:
        raise ParameterError(
            "start_symbol", start_symbol, f"0..{14 - n_symbols} (mini-slot within one slot)",
            "TS 38.214 5.1.2.1",
        )
    d = symbol_durations_s(mu, "normal")
    return float(np.sum(d[start_symbol : start_symbol + n_symbols]))
