"""Two-line element sets: strict parsing and vectorised SGP4 propagation.

Parsing checks the fixed-column format of the NORAD two-line element set (CelesTrak,
"NORAD Two-Line Element Set Format", T.S. Kelso; Hoots & Roehrich, Spacetrack Report #3,
1980): 69 characters per line, line numbers ``1`` and ``2``, the modulo-10 checksum in
column 69 (digits count their value, ``-`` counts 1, everything else 0), matching
catalogue numbers and numeric fields. Every error is a
:class:`netsim.errors.ParameterError` naming the input line number and what is wrong.

Propagation uses the ``sgp4`` library (Vallado's SGP4, AIAA 2006-6753) through its
vectorised :class:`sgp4.api.SatrecArray` with the WGS-72 constants the TLEs are fitted
with. Positions are in the TEME frame; see :mod:`netsim.space.frames` for TEME -> ECEF.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike
from sgp4.api import WGS72, Satrec, SatrecArray

from netsim.errors import ParameterError
from netsim.space.frames import teme_to_ecef

__all__ = ["TleRecord", "TleSet", "parse_tle", "tle_checksum"]

_SRC = "NORAD two-line element set format (CelesTrak, Kelso)"

# (name, first column, last column) 1-based inclusive, and a parser
_LINE1_FIELDS = (
    ("catalogue number", 3, 7, "int5"),
    ("epoch year", 19, 20, "int"),
    ("epoch day", 21, 32, "float"),
    ("first derivative of mean motion", 34, 43, "float"),
    ("second derivative of mean motion", 45, 52, "exp"),
    ("BSTAR drag term", 54, 61, "exp"),
    ("element set number", 65, 68, "int"),
)
_LINE2_FIELDS = (
    ("catalogue number", 3, 7, "int5"),
    ("inclination (deg)", 9, 16, "float"),
    ("RAAN (deg)", 18, 25, "float"),
    ("eccentricity", 27, 33, "int"),
    ("argument of perigee (deg)", 35, 42, "float"),
    ("mean anomaly (deg)", 44, 51, "float"),
    ("mean motion (rev/day)", 53, 63, "float"),
    ("revolution number", 64, 68, "int"),
)


def tle_checksum(line: str) -> int:
    """Modulo-10 checksum of the first 68 columns (digits by value, ``-`` as 1)."""
    total = 0
    for ch in line[:68]:
        if ch.isdigit():
            total += int(ch)
        elif ch == "-":
            total += 1
    return total % 10


@dataclass(frozen=True)
class TleRecord:
    """One parsed element set: its name (or ``""``) and its two lines."""

    name: str
    line1: str
    line2: str


def _err(lineno: int, what: str, value: object, allowed: str) -> ParameterError:
    return ParameterError(f"TLE line {lineno} ({what})", value, allowed, source=_SRC)


def _check_field(text: str, lineno: int, name: str, c0: int, c1: int, kind: str) -> None:
    raw = text[c0 - 1 : c1]
    s = raw.strip()
    ok = True
    if kind == "int5":
        # Alpha-5 catalogue numbers: a letter then four digits
        ok = s.isdigit() or (len(s) == 5 and s[0].isalpha() and s[1:].isdigit())
    elif kind == "int":
        ok = s == "" or s.lstrip("-").isdigit()
    elif kind == "float":
        try:
            float(s)
        except ValueError:
            ok = False
    elif kind == "exp":  # implied decimal point and exponent, e.g. " 28098-4" / "-11606-4"
        body = s.replace("+", "-", 1) if s[-2:-1] == "+" else s
        mant, _, expo = body.rpartition("-") if "-" in body[1:] else (body, "", "0")
        ok = mant.lstrip("-").isdigit() and expo.isdigit()
    if not ok:
        raise _err(lineno, f"field '{name}', columns {c0}-{c1}", raw, "a number in that format")


def _check_line(text: str, lineno: int, expected: str) -> None:
    if len(text) != 69:
        raise _err(lineno, "length", len(text), "exactly 69 characters")
    if text[0] != expected or text[1] != " ":
        raise _err(lineno, "line number, column 1", text[:2], f"'{expected} '")
    if not text[68].isdigit():
        raise _err(lineno, "checksum, column 69", text[68], "a digit")
    want = tle_checksum(text)
    if int(text[68]) != want:
        raise _err(lineno, "checksum, column 69", int(text[68]), f"{want} (modulo-10 sum)")
    fields = _LINE1_FIELDS if expected == "1" else _LINE2_FIELDS
    for name, c0, c1, kind in fields:
        _check_field(text, lineno, name, c0, c1, kind)


def parse_tle(text: str) -> list[TleRecord]:
    """Parse two- or three-line element sets (an optional name line before each pair).

    Parameters
    ----------
    text : str
        The element sets, one line each; blank lines are skipped, trailing white space is
        removed.

    Raises
    ------
    ParameterError
        ``field`` is ``"TLE line <n> (<what>)"`` where ``<n>`` counts lines of ``text``
        from 1 and ``<what>`` is ``length``, ``checksum``, ``line number``, a field name
        or ``catalogue number`` mismatch.
    """
    lines = [(i + 1, ln.rstrip()) for i, ln in enumerate(text.splitlines())]
    lines = [(i, ln) for i, ln in lines if ln.strip()]
    out: list[TleRecord] = []
    k = 0
    while k < len(lines):
        name = ""
        no, ln = lines[k]
        if not ln.startswith("1 "):
            if ln.startswith("2 "):
                raise _err(no, "line number, column 1", ln[:2], "'1 ' before a line 2")
            name = ln[2:].strip() if ln.startswith("0 ") else ln.strip()
            k += 1
            if k >= len(lines):
                raise _err(no, "missing lines", name, "a name line followed by lines 1 and 2")
        no1, l1 = lines[k]
        _check_line(l1, no1, "1")
        if k + 1 >= len(lines):
            raise _err(no1, "missing line 2", "end of input", "a line 2 after every line 1")
        no2, l2 = lines[k + 1]
        _check_line(l2, no2, "2")
        if l1[2:7] != l2[2:7]:
            raise _err(no2, "catalogue number, columns 3-7", l2[2:7], f"'{l1[2:7]}' as on line 1")
        out.append(TleRecord(name, l1, l2))
        k += 2
    if not out:
        raise ParameterError("tle", text[:40], "at least one element set", source=_SRC)
    return out


class TleSet:
    """Satellites from element sets, propagated together with SGP4 (TEME frame).

    Parameters
    ----------
    records : list of TleRecord, or str
        Parsed records, or the text to parse with :func:`parse_tle`.
    epoch_jd : float, optional
        Julian date (UTC) of ``t_s = 0``; default: the earliest TLE epoch of the set.
    """

    def __init__(self, records: list[TleRecord] | str, epoch_jd: float | None = None):
        if isinstance(records, str):
            records = parse_tle(records)
        self.records = list(records)
        self._sats = [Satrec.twoline2rv(r.line1, r.line2, WGS72) for r in self.records]
        for rec, sat in zip(self.records, self._sats, strict=True):
            if sat.error != 0:
                raise ParameterError(
                    f"TLE {rec.name or rec.line1[2:7]}", sat.error, "SGP4 initialisation ok"
                )
        self._array = SatrecArray(self._sats)
        epochs = np.array([s.jdsatepoch + s.jdsatepochF for s in self._sats])
        self.epoch_jd = float(epochs.min()) if epoch_jd is None else float(epoch_jd)
        self.names = [r.name or r.line1[2:7].strip() for r in self.records]

    @property
    def count(self) -> int:
        """Number of satellites N."""
        return len(self._sats)

    def positions_velocities_teme(self, t_s: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
        """TEME positions (km) and velocities (km/s) at times since ``epoch_jd``.

        Returns arrays of shape (N, 3) for a scalar time, else (T, N, 3).

        Raises
        ------
        ParameterError
            If SGP4 reports an error (e.g. decay) for any satellite at any time.
        """
        t = np.asarray(t_s, dtype=np.float64)
        scalar = t.ndim == 0
        t = np.atleast_1d(t)
        whole = np.floor(self.epoch_jd)
        frac = (self.epoch_jd - whole) + t / 86400.0
        jd = np.full(t.shape, whole)
        err, r, v = self._array.sgp4(jd, frac)
        if np.any(err):
            n, k = np.argwhere(err)[0]
            raise ParameterError(
                f"t_s[{k}] for satellite {self.names[n]}", float(t[k]),
                f"a time SGP4 can propagate (error code {int(err[n, k])})",
                source="sgp4.api.SGP4_ERRORS",
            )  # fmt: skip
        r = np.ascontiguousarray(np.swapaxes(r, 0, 1))
        v = np.ascontiguousarray(np.swapaxes(v, 0, 1))
        if scalar:
            return r[0], v[0]
        return r, v

    def positions_teme_km(self, t_s: ArrayLike) -> np.ndarray:
        """TEME positions (km): (N, 3) at a scalar time, (T, N, 3) for an array."""
        return self.positions_velocities_teme(t_s)[0]

    def positions_ecef_km(self, t_s: ArrayLike) -> np.ndarray:
        """Earth-fixed positions (km), TEME rotated by GMST (:mod:`netsim.space.frames`).

        The TLE's Julian date (UTC) is used as UT1: ``|UT1 - UTC| < 0.9 s``, so the
        frame may be turned by up to 0.9 s of Earth rotation (at most 0.42 km on the
        equator). Shapes as :meth:`positions_teme_km`; with ``count`` this lets a
        ``TleSet`` drive :class:`netsim.space.topology.TopologyGenerator`.
        """
        t = np.asarray(t_s, dtype=np.float64)
        r = self.positions_teme_km(t)
        return teme_to_ecef(r, self.epoch_jd + t / 86400.0)
