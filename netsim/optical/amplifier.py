"""Erbium-doped fibre amplifier (EDFA): gain and ASE noise from the noise figure.

ASE power of one amplifier, both polarisations, in a reference bandwidth B:

    P_ASE = NF h nu G B            (NF, G linear)

This is the noise-figure form of P_ASE = 2 n_sp h nu (G - 1) B with
NF = 2 n_sp (G - 1) / G (high-gain limit NF = 2 n_sp), see E. Desurvire, Erbium-Doped
Fiber Amplifiers, Wiley 1994, Ch. 2, and Poggiolini, J. Lightw. Technol. 32(4), 2014
(ASE of an amplified span). GNPy 3.0.1 uses the same expression
(``Edfa.noise_profile``: ``h * baud_rate * frequency * NF``, referred to the amplifier
input, i.e. ``NF h nu B`` before the gain ``G``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from netsim.errors import ParameterError
from netsim.units import PLANCK_J_S

__all__ = ["Edfa", "ase_power_w"]


def ase_power_w(
    noise_figure_db: ArrayLike, gain_db: ArrayLike, freq_hz: ArrayLike, bandwidth_hz: ArrayLike
) -> np.ndarray:
    """ASE power (W) at an amplifier output in ``bandwidth_hz``: ``NF h nu G B``.

    Parameters
    ----------
    noise_figure_db, gain_db : array_like
        Noise figure and gain (dB).
    freq_hz : array_like
        Optical frequency nu (Hz).
    bandwidth_hz : array_like
        Reference bandwidth B (Hz): the symbol rate for an SNR, 12.5 GHz for an OSNR
        in 0.1 nm.
    """
    nf = np.power(10.0, np.asarray(noise_figure_db, dtype=float) / 10.0)
    g = np.power(10.0, np.asarray(gain_db, dtype=float) / 10.0)
    return nf * PLANCK_J_S * np.asarray(freq_hz, dtype=float) * g * np.asarray(bandwidth_hz, float)


@dataclass(frozen=True)
class Edfa:
    """An EDFA with a flat gain and noise figure.

    Parameters
    ----------
    gain_db : float or None
        Gain (dB). ``None`` (default) sets the gain equal to the loss of the span the
        amplifier follows (transparent span).
    noise_figure_db : float
        Noise figure (dB), default 5.5 dB (GNPy 3.0.1 example library, ``std_fixed_gain``
        ``nf0``). Applied to every band the channel plan covers (a C+L line is modelled
        as one amplifier per band with the same NF and gain).
    """

    gain_db: float | None = None
    noise_figure_db: float = 5.5

    def __post_init__(self):
        if self.gain_db is not None and (not np.isfinite(self.gain_db) or self.gain_db < 0):
            raise ParameterError("gain_db", self.gain_db, ">= 0 dB or None (= span loss)")
        if not np.isfinite(self.noise_figure_db) or self.noise_figure_db < 0:
            raise ParameterError("noise_figure_db", self.noise_figure_db, "finite, >= 0 dB")
