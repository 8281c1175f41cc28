"""A modulation reach table computed from the physical layer (GN-model GSNR).

The RMSA layer picks a format by path length from a :class:`ReachTable`. Here the table
comes from physics instead of a paper's fixed values: for identical transparent spans of
``span_length_km`` (SSMF, EDFA gain = span loss) and a full-load channel plan, the
incoherent GN model gives ``GSNR(N) = GSNR(1) / N`` and
:func:`netsim.optical.capacity.max_reach_spans` returns the largest ``N`` per format;
the reach is ``N * span_length_km``. A route of length ``L`` is thus treated as
``L / span_length_km`` such spans.

Each row's ``bits_per_symbol`` is the *net* information per symbol of the dual-
polarisation format after FEC, ``2 log2(M) / (1 + OH)`` (transceiver module), so that the
RMSA slot count ``ceil(rate_gbps / (bits * slot_width_ghz)) + guard`` is the spectrum of
a channel whose symbol rate carries ``rate_gbps`` (roll-off neglected).
"""

from __future__ import annotations

from netsim.errors import ParameterError
from netsim.optical.amplifier import Edfa
from netsim.optical.capacity import max_reach_spans
from netsim.optical.channel_plan import ChannelPlan
from netsim.optical.fiber import FiberSpan, Link
from netsim.optical.modulation_reach import ReachTable
from netsim.optical.transceiver import Transceiver

__all__ = ["gsnr_reach_table"]


def gsnr_reach_table(
    span_length_km: float = 80.0,
    symbol_rate_gbaud: float = 32.0,
    spacing_ghz: float = 50.0,
    band: str = "C",
    noise_figure_db: float = 5.5,
    margin_db: float = 0.0,
    fiber: str = "SSMF",
    launch_power_dbm: float | None = None,
) -> ReachTable:
    """Reach per DP format from the GN-model GSNR of identical transparent spans.

    Parameters
    ----------
    span_length_km : float
        Amplifier spacing [km].
    symbol_rate_gbaud : float
        Transceiver symbol rate [GBd].
    spacing_ghz : float
        Channel spacing of the full-load plan [GHz].
    band : str
        Band of the plan (``"C"`` or ``"L"``).
    noise_figure_db : float
        EDFA noise figure [dB].
    margin_db : float
        System margin added to every required GSNR [dB].
    fiber : str
        Catalogued fibre type.
    launch_power_dbm : float, optional
        Launch power per channel [dBm]; default the closed-form optimum of the centre
        channel (independent of the number of identical spans).

    Returns
    -------
    ReachTable
        Formats densest first, ``bits_per_symbol`` = net bits per symbol, reach [km];
        formats that close over no span, or whose reach equals a denser one's, left out.
    """
    if not span_length_km > 0:
        raise ParameterError("span_length_km", span_length_km, "> 0 km")
    if not symbol_rate_gbaud > 0:
        raise ParameterError("symbol_rate_gbaud", symbol_rate_gbaud, "> 0 GBd")
    if not spacing_ghz >= symbol_rate_gbaud:
        raise ParameterError(
            "spacing_ghz", spacing_ghz, f">= symbol_rate_gbaud = {symbol_rate_gbaud}"
        )
    plan = ChannelPlan.for_bands(band, spacing_hz=spacing_ghz * 1e9,
                                 symbol_rate_baud=symbol_rate_gbaud * 1e9)
    span = FiberSpan.of_type(fiber, span_length_km, Edfa(noise_figure_db=noise_figure_db))
    if launch_power_dbm is None:
        launch_power_dbm = Link([span]).optimum_launch_power_dbm(
            plan, channel_index=plan.n_channels // 2
        )
    trx = Transceiver(margin_db=margin_db)
    n_max = max_reach_spans(span, plan, launch_power_dbm, transceiver=trx)
    names, bits, reach = [], [], []
    for m in sorted(trx.formats, key=lambda m: -m.bits_per_symbol):
        r = n_max[m.name] * float(span_length_km)
        if r <= 0 or (reach and r <= reach[-1]):
            continue
        names.append(m.name)
        bits.append(m.bits_per_symbol / (1.0 + trx.fec.overhead))
        reach.append(r)
    if not names:
        raise ParameterError(
            "span_length_km", span_length_km, "a span over which at least DP-QPSK closes"
        )
    src = (
        f"GN-model reach: {fiber} spans of {span_length_km:g} km, NF {noise_figure_db:g} dB, "
        f"{band} band {symbol_rate_gbaud:g} GBd on {spacing_ghz:g} GHz, "
        f"{float(launch_power_dbm):.2f} dBm/ch, margin {margin_db:g} dB",
    )
    return ReachTable(tuple(names), tuple(bits), tuple(reach), src)
