"""Link capacity from physics: GSNR per channel -> modulation format -> net bit rate, summed.

``capacity(link, plan, launch_power_dbm)`` answers "does this 80 km x N link carry
10 Tb/s?": it computes the GSNR of every channel of the plan (:class:`Link`, GN model),
lets a :class:`Transceiver` pick the densest format whose required GSNR (plus margin)
the channel meets, and sums the net rates. ``max_reach_spans`` gives, per format, the
largest number of identical transparent spans over which every channel still closes.

Also reported, as an upper bound, the Shannon rate of the AWGN channel with the same
GSNR, ``2 R_s log2(1 + GSNR)`` (two polarisations; C. E. Shannon, Bell Syst. Tech. J.
27, 1948), which probabilistic shaping approaches.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from netsim.errors import ParameterError
from netsim.optical.channel_plan import ChannelPlan
from netsim.optical.fiber import FiberSpan, Link
from netsim.optical.transceiver import Transceiver

__all__ = ["CapacityResult", "capacity", "max_reach_spans"]


@dataclass(frozen=True)
class CapacityResult:
    """Per-channel breakdown of a link's capacity; arrays of shape (n_channels,).

    Attributes
    ----------
    center_freq_hz, gsnr_db : ndarray
        Channel frequencies (Hz) and GSNR (dB, symbol-rate bandwidth).
    format : ndarray of str
        Chosen modulation format per channel (``""``: the channel does not close).
    net_rate_bps : ndarray
        Net (post-FEC) bit rate per channel (b/s).
    shannon_rate_bps : ndarray
        ``2 R_s log2(1 + GSNR)`` per channel (b/s), an upper bound.
    launch_power_dbm : ndarray
        Launch power per channel used (dBm).
    """

    center_freq_hz: np.ndarray
    gsnr_db: np.ndarray
    format: np.ndarray
    net_rate_bps: np.ndarray
    shannon_rate_bps: np.ndarray
    launch_power_dbm: np.ndarray

    @property
    def total_rate_bps(self) -> float:
        """Sum of the net rates of all channels (b/s)."""
        return float(self.net_rate_bps.sum())

    @property
    def total_shannon_rate_bps(self) -> float:
        return float(self.shannon_rate_bps.sum())

    def carries(self, rate_bps: float) -> bool:
        """True if the total net rate is at least ``rate_bps``."""
        return self.total_rate_bps >= rate_bps

    def format_counts(self) -> dict[str, int]:
        """Number of channels per chosen format (``""``: not closing)."""
        names, counts = np.unique(self.format.astype(str), return_counts=True)
        return {str(n): int(c) for n, c in zip(names, counts)}

    def to_dataframe(self):
        """The per-channel breakdown as a pandas DataFrame (one row per channel)."""
        import pandas as pd

        return pd.DataFrame(
            {
                "center_freq_hz": self.center_freq_hz,
                "launch_power_dbm": self.launch_power_dbm,
                "gsnr_db": self.gsnr_db,
                "format": self.format,
                "net_rate_bps": self.net_rate_bps,
                "shannon_rate_bps": self.shannon_rate_bps,
            }
        )


def capacity(
    link: Link,
    plan: ChannelPlan,
    launch_power_dbm: ArrayLike | None = None,
    transceiver: Transceiver | None = None,
) -> CapacityResult:
    """Total and per-channel capacity of ``link`` carrying ``plan``.

    Parameters
    ----------
    link : Link
    plan : ChannelPlan
    launch_power_dbm : float or array_like, optional
        Launch power per channel (dBm). Default: the closed-form GN optimum of each
        channel, ``(P_ASE / (2 eta))^(1/3)``, applied as one uniform power (that of the
        centre channel).
    transceiver : Transceiver, optional
        Default ``Transceiver()`` (all formats, 7 % HD-FEC, no margin).

    Examples
    --------
    >>> from netsim.optical.fiber import Link
    >>> from netsim.optical.channel_plan import ChannelPlan
    >>> from netsim.optical.capacity import capacity
    >>> plan = ChannelPlan.for_bands(("L", "C"), spacing_hz=50e9, symbol_rate_baud=32e9)
    >>> res = capacity(Link.uniform(n_spans=20), plan)
    >>> res.carries(10e12), res.format_counts()["DP-16QAM"] > 0
    (True, True)
    """
    if transceiver is None:
        transceiver = Transceiver()
    if launch_power_dbm is None:
        launch_power_dbm = link.optimum_launch_power_dbm(plan, channel_index=plan.n_channels // 2)
    p_dbm = np.broadcast_to(np.asarray(launch_power_dbm, dtype=float), (plan.n_channels,)).copy()
    g = link.gsnr_db(plan, p_dbm)
    rs = plan.symbol_rate_baud
    return CapacityResult(
        center_freq_hz=plan.center_freq_hz.copy(),
        gsnr_db=g,
        format=transceiver.format_names(g),
        net_rate_bps=transceiver.net_rate_bps(g, rs),
        shannon_rate_bps=2.0 * rs * np.log2(1.0 + 10.0 ** (g / 10.0)),
        launch_power_dbm=p_dbm,
    )


def max_reach_spans(
    span: FiberSpan,
    plan: ChannelPlan,
    launch_power_dbm: ArrayLike,
    transceiver: Transceiver | None = None,
) -> dict[str, int]:
    """Largest number of identical spans over which every channel closes, per format.

    For transparent spans (amplifier gain = span loss) the incoherent GN model gives
    ``GSNR(N) = GSNR(1) / N`` exactly (ASE and NLI both add per span at the same
    powers), so ``N_max = floor(10^((min_ch GSNR(1) - threshold) / 10))``.

    Returns
    -------
    dict
        Format name -> number of spans (0 if even one span does not close).
    """
    if transceiver is None:
        transceiver = Transceiver()
    if span.amplifier is None or abs(span.gain_db - span.loss_db) > 1e-12:
        raise ParameterError(
            "span.amplifier.gain_db",
            span.gain_db,
            f"equal to the span loss {span.loss_db} dB (transparent span)",
        )
    g1 = float(np.min(Link([span]).gsnr_db(plan, launch_power_dbm)))
    out = {}
    for m, thr in zip(transceiver.formats, transceiver.thresholds_db):
        # small tolerance so an exact GSNR(1) / N == threshold counts as closing
        out[m.name] = int(np.floor(10.0 ** ((g1 - thr) / 10.0) * (1 + 1e-12)))
    return out
