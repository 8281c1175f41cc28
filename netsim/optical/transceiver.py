"""Coherent transceivers: modulation formats, FEC, required GSNR and net bit rate per channel.

Data (loaded once):

* ``data/physical/modulation_formats.json``: DP-QPSK ... DP-64QAM with the constants
  of the nearest-neighbour symbol-error approximation on the AWGN channel,
  ``P_s ~= alpha_M Q(sqrt(beta_M Es/N0))`` (Goldsmith, Wireless Communications, 2005,
  Ch. 6, Table 6.1, eqs. 6.23-6.24); Gray mapping, ``BER ~= P_s / log2 M``.
* ``data/physical/fec_schemes.json``: FEC overhead and pre-FEC BER threshold
  (7 % HD-FEC, ITU-T G.975.1 Appendix I.9: 6.69 %, BER 3.8e-3).

The GSNR of a channel (symbol-rate bandwidth) is its Es/N0 on an AWGN channel (the GN
model treats NLI as additive Gaussian noise). The required GSNR of a format is the
Es/N0 at which its pre-FEC BER equals the FEC threshold, in closed form:

    Es/N0 = [Q^-1(BER_th log2(M) / alpha_M)]^2 / beta_M,   Q^-1(x) = sqrt(2) erfcinv(2 x)

and its net bit rate is ``polarisations * log2(M) * R_s / (1 + overhead)``. These are
ideal-receiver thresholds: a real transceiver needs an implementation margin on top,
passed as ``margin_db``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from numpy.typing import ArrayLike
from scipy.special import erfc, erfcinv

from netsim.errors import ParameterError

__all__ = [
    "ModulationFormat",
    "FecScheme",
    "Transceiver",
    "modulation_formats",
    "fec_schemes",
    "pre_fec_ber",
    "required_gsnr_db",
    "net_rate_bps",
]

_DATA = Path(__file__).with_name("data") / "physical"
_FMT_SOURCE = "netsim/optical/data/physical/modulation_formats.json (Goldsmith 2005, Table 6.1)"
_FEC_SOURCE = "netsim/optical/data/physical/fec_schemes.json (ITU-T G.975.1 App. I.9)"


@dataclass(frozen=True)
class ModulationFormat:
    """A dual-polarisation M-QAM format (fields as in ``modulation_formats.json``).

    ``ser_alpha`` and ``ser_beta`` are Goldsmith's alpha_M and beta_M (Table 6.1) of
    ``P_s ~= alpha_M Q(sqrt(beta_M Es/N0))``, both dimensionless.
    """

    name: str
    constellation_size: int
    bits_per_symbol_per_polarisation: int
    polarisations: int
    ser_alpha: float
    ser_beta: float

    @property
    def bits_per_symbol(self) -> int:
        """Bits per (dual-polarisation) symbol."""
        return self.polarisations * self.bits_per_symbol_per_polarisation


@dataclass(frozen=True)
class FecScheme:
    """A FEC: ``overhead`` (fraction of payload) and pre-FEC BER threshold."""

    name: str
    overhead: float
    pre_fec_ber_threshold: float

    def __post_init__(self):
        if not (np.isfinite(self.overhead) and self.overhead >= 0):
            raise ParameterError("overhead", self.overhead, ">= 0")
        if not (0 < self.pre_fec_ber_threshold < 0.5):
            raise ParameterError("pre_fec_ber_threshold", self.pre_fec_ber_threshold, "in (0, 0.5)")


@lru_cache(maxsize=1)
def _formats() -> dict[str, ModulationFormat]:
    doc = json.loads((_DATA / "modulation_formats.json").read_text())
    return {f["name"]: ModulationFormat(**f) for f in doc["formats"]}


@lru_cache(maxsize=1)
def _fecs() -> dict[str, FecScheme]:
    doc = json.loads((_DATA / "fec_schemes.json").read_text())
    return {f["name"]: FecScheme(**f) for f in doc["schemes"]}


def modulation_formats() -> dict[str, ModulationFormat]:
    """Catalogued formats by name, in order of increasing spectral efficiency."""
    return dict(_formats())


def fec_schemes() -> dict[str, FecScheme]:
    """Catalogued FEC schemes by name."""
    return dict(_fecs())


def _format(fmt: str | ModulationFormat) -> ModulationFormat:
    if isinstance(fmt, ModulationFormat):
        return fmt
    formats = _formats()
    if fmt not in formats:
        raise ParameterError("format", fmt, f"one of {list(formats)}", source=_FMT_SOURCE)
    return formats[fmt]


def _fec(fec: str | FecScheme) -> FecScheme:
    if isinstance(fec, FecScheme):
        return fec
    fecs = _fecs()
    if fec not in fecs:
        raise ParameterError("fec", fec, f"one of {list(fecs)}", source=_FEC_SOURCE)
    return fecs[fec]


def pre_fec_ber(fmt: str | ModulationFormat, snr_db: ArrayLike) -> np.ndarray:
    """Pre-FEC BER on the AWGN channel at Es/N0 = ``snr_db``.

    ``BER = alpha_M Q(sqrt(beta_M Es/N0)) / log2 M`` (Goldsmith 2005, Table 6.1;
    Gray mapping), with ``Q(x) = erfc(x / sqrt 2) / 2``.
    """
    m = _format(fmt)
    snr = np.power(10.0, np.asarray(snr_db, dtype=float) / 10.0)
    q = 0.5 * erfc(np.sqrt(m.ser_beta * snr) / math.sqrt(2.0))
    return m.ser_alpha * q / m.bits_per_symbol_per_polarisation


def required_gsnr_db(fmt: str | ModulationFormat, fec: str | FecScheme = "HD-FEC-7") -> float:
    """GSNR (dB, symbol-rate bandwidth) at which ``fmt`` reaches the FEC's BER threshold.

    Closed-form inverse of :func:`pre_fec_ber` (see module docstring).
    """
    m, f = _format(fmt), _fec(fec)
    x = f.pre_fec_ber_threshold * m.bits_per_symbol_per_polarisation / m.ser_alpha
    if not 0 < x < 0.5:
        limit = 0.5 * m.ser_alpha / m.bits_per_symbol_per_polarisation
        raise ParameterError(
            "pre_fec_ber_threshold", f.pre_fec_ber_threshold, f"< {limit} for {m.name}"
        )
    q_inv = math.sqrt(2.0) * float(erfcinv(2.0 * x))
    return 10.0 * math.log10(q_inv**2 / m.ser_beta)


def net_rate_bps(
    fmt: str | ModulationFormat, symbol_rate_baud: float, fec: str | FecScheme = "HD-FEC-7"
) -> float:
    """Net (post-FEC) bit rate of one channel: ``pol * log2(M) * R_s / (1 + overhead)`` (b/s)."""
    if not (np.isfinite(symbol_rate_baud) and symbol_rate_baud > 0):
        raise ParameterError("symbol_rate_baud", symbol_rate_baud, "> 0 Bd")
    m, f = _format(fmt), _fec(fec)
    return m.bits_per_symbol * symbol_rate_baud / (1.0 + f.overhead)


class Transceiver:
    """A flexible coherent transceiver choosing, per channel, the densest format that closes.

    Parameters
    ----------
    formats : sequence of str or ModulationFormat, optional
        Formats it supports; default all catalogued (DP-QPSK ... DP-64QAM).
    fec : str or FecScheme
        FEC, default ``"HD-FEC-7"``.
    margin_db : float
        System / implementation margin added to every required GSNR (dB), >= 0.
    """

    def __init__(
        self,
        formats: Sequence[str | ModulationFormat] | None = None,
        fec: str | FecScheme = "HD-FEC-7",
        margin_db: float = 0.0,
    ):
        fmts = [_format(f) for f in (formats if formats is not None else _formats().values())]
        if not fmts:
            raise ParameterError("formats", formats, "at least one format")
        if not (np.isfinite(margin_db) and margin_db >= 0):
            raise ParameterError("margin_db", margin_db, ">= 0 dB")
        self.fec = _fec(fec)
        self.margin_db = float(margin_db)
        fmts.sort(key=lambda m: m.bits_per_symbol)
        self.formats = tuple(fmts)
        self.thresholds_db = np.array(
            [required_gsnr_db(m, self.fec) + self.margin_db for m in self.formats]
        )

    def select(self, gsnr_db: ArrayLike) -> np.ndarray:
        """Index into ``formats`` of the densest format with threshold <= GSNR; -1 if none."""
        g = np.asarray(gsnr_db, dtype=float)
        return np.searchsorted(self.thresholds_db, g, side="right") - 1

    def format_names(self, gsnr_db: ArrayLike) -> np.ndarray:
        """Name of the chosen format per channel (``""`` where none closes)."""
        idx = self.select(gsnr_db)
        names = np.array([m.name for m in self.formats] + [""], dtype=object)
        return names[np.where(idx < 0, len(self.formats), idx)]

    def net_rate_bps(self, gsnr_db: ArrayLike, symbol_rate_baud: ArrayLike) -> np.ndarray:
        """Net bit rate per channel (b/s) with the chosen format; 0 where none closes."""
        idx = self.select(gsnr_db)
        bits = np.array([m.bits_per_symbol for m in self.formats] + [0], dtype=float)
        b = bits[np.where(idx < 0, len(self.formats), idx)]
        return b * np.asarray(symbol_rate_baud, dtype=float) / (1.0 + self.fec.overhead)
