"""Maximum transmission bandwidth configuration N_RB per channel bandwidth and SCS.

Sources: 3GPP TS 38.101-1 V17.8.0 Table 5.3.2-1 (FR1, 410-7125 MHz) and TS 38.101-2 V17.8.0
Table 5.3.2-1 (FR2-1, 24.25-52.6 GHz; FR2-2, 52.6-71 GHz with 480 and 960 kHz SCS), stored in
``data/nr/ts38101_table_5_3_2_1_nrb.csv``.
"""

from __future__ import annotations

from netsim.errors import ParameterError
from netsim.radio.nr.tables import nrb_table

__all__ = ["FREQUENCY_RANGES", "max_transmission_bandwidth_rb", "supported_bandwidths_hz"]

FREQUENCY_RANGES = ("FR1", "FR2-1", "FR2-2")
"""Frequency ranges of the tables; ``"FR2"`` is accepted as an alias of ``"FR2-1"``."""

_SRC = {
    "FR1": "TS 38.101-1 Table 5.3.2-1",
    "FR2-1": "TS 38.101-2 Table 5.3.2-1",
    "FR2-2": "TS 38.101-2 Table 5.3.2-1",
}


def _fr(frequency_range: str) -> str:
    fr = "FR2-1" if frequency_range == "FR2" else frequency_range
    if fr not in FREQUENCY_RANGES:
        raise ParameterError(
            "frequency_range", frequency_range, f"one of {FREQUENCY_RANGES} (or 'FR2')",
            "TS 38.101-1 / 38.101-2",
        )
    return fr


def _khz(value_hz: float, field: str, src: str) -> int:
    khz = float(value_hz) / 1e3
    if not khz > 0 or abs(khz - round(khz)) > 1e-9:
        raise ParameterError(field, value_hz, "a positive whole number of kHz", src)
    return int(round(khz))


def supported_bandwidths_hz(scs_hz: float, frequency_range: str = "FR1") -> tuple[float, ...]:
    """Channel bandwidths (Hz) that TS 38.101 Table 5.3.2-1 lists for ``scs_hz`` in the range."""
    fr = _fr(frequency_range)
    scs = _khz(scs_hz, "scs_hz", _SRC[fr])
    table = nrb_table()
    scs_allowed = sorted({s for f, s, _ in table if f == fr})
    if scs not in scs_allowed:
        raise ParameterError(
            "scs_hz", scs_hz, f"one of {[s * 1e3 for s in scs_allowed]} Hz in {fr}", _SRC[fr]
        )
    return tuple(sorted(b * 1e6 for f, s, b in table if f == fr and s == scs))


def max_transmission_bandwidth_rb(
    bandwidth_hz: float, scs_hz: float, frequency_range: str = "FR1"
) -> int:
    """Maximum transmission bandwidth configuration N_RB (TS 38.101-1/-2 Table 5.3.2-1).

    Parameters
    ----------
    bandwidth_hz : float
        UE channel bandwidth (Hz), e.g. ``100e6``.
    scs_hz : float
        Subcarrier spacing (Hz): 15, 30, 60 kHz (FR1); 60, 120 kHz (FR2-1);
        120, 480, 960 kHz (FR2-2).
    frequency_range : {"FR1", "FR2-1", "FR2-2", "FR2"}
        ``"FR2"`` means FR2-1.

    Returns
    -------
    int
        N_RB (resource blocks).

    Raises
    ------
    ParameterError
        Naming ``frequency_range``, ``scs_hz`` (SCS not defined in the range) or
        ``bandwidth_hz`` (N/A in the table for that SCS), with the allowed values.

    Examples
    --------
    >>> max_transmission_bandwidth_rb(100e6, 30e3)
    273
    >>> max_transmission_bandwidth_rb(400e6, 120e3, "FR2-1")
    264
    """
    fr = _fr(frequency_range)
    allowed = supported_bandwidths_hz(scs_hz, fr)
    bw = _khz(bandwidth_hz, "bandwidth_hz", _SRC[fr])
    scs = _khz(scs_hz, "scs_hz", _SRC[fr])
    if bw % 1000 != 0 or (bw // 1000) * 1e6 not in allowed:
        raise ParameterError(
            "bandwidth_hz",
            bandwidth_hz,
            f"one of {[f'{b / 1e6:g} MHz' for b in allowed]} for SCS {scs} kHz in {fr}",
            _SRC[fr],
        )
    return nrb_table()[(fr, scs, bw // 1000)]
