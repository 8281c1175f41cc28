"""Fibre capacity of a span / band / format configuration, and the ``fibre_capacity:`` section.

"Does one fibre of ``length_km`` in ``span_length_km`` SSMF spans carry 10 Tb/s in the C
(or C+L) band, and with which formats?" :func:`fibre_capacity` answers it for one
configuration with the GN model (:class:`netsim.optical.fiber.Link`,
:func:`netsim.optical.capacity.capacity`, docs/optical-physical.md):

* ``ceil(length_km / span_length_km)`` identical transparent spans (EDFA gain = span
  loss, noise figure ``noise_figure_db``);
* a full-load channel plan over the band (:meth:`ChannelPlan.for_bands`, band edges from
  GNPy 3.0.1 ``bands.json``), ``symbol_rate`` on ``spacing`` (ITU-T G.694.1 grid);
* every channel at the closed-form GN optimum launch power of the centre channel
  (Poggiolini et al., J. Lightw. Technol. 32(4), 2014, eq. 41-42);
* an adaptive transceiver (DP-QPSK ... DP-64QAM, 7 % HD-FEC, ``margin_db``) choosing the
  densest format each channel closes; the net fibre rate is the sum;
* for each fixed format, the fibre rate if every channel used it (0 if one channel
  does not close), and its reach in spans (:func:`netsim.optical.capacity.max_reach_spans`);
* the longest multiple of the span length over which the adaptive fibre still carries
  ``target_rate_bps``: for transparent spans at a fixed launch power the incoherent GN
  model gives ``GSNR(N) = GSNR(1) / N`` exactly (Poggiolini 2014, eq. 120 with
  incoherent accumulation), and the optimum launch power does not depend on N, so the
  rate at N spans follows from the one-span GSNR without re-running the model.

The scenario section ``fibre_capacity:`` evaluates one configuration per run (a sweep
over span length, length, band, channel plan and margin is the full study) and adds the
tables ``fibre_channels`` and ``fibre_formats`` and the ``fibre_*`` KPIs (below).
Deterministic: there is no random input.

Not modelled: stimulated Raman scattering (several dB of tilt over C+L: the C+L numbers
are optimistic), transceiver noise, ROADM filtering.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd
from pydantic import Field, PositiveFloat, field_validator

from netsim.errors import ParameterError
from netsim.experiment.scenario import Spec
from netsim.experiment.sections import Section
from netsim.optical.capacity import CapacityResult, capacity, max_reach_spans
from netsim.optical.channel_plan import ChannelPlan
from netsim.optical.fiber import Link
from netsim.optical.transceiver import Transceiver, net_rate_bps

__all__ = [
    "BANDS", "SPAN_LENGTH_RANGE_KM", "LENGTH_RANGE_KM", "FibreCapacity", "parse_channel_plan",
    "band_plan", "rate_vs_spans_bps", "fibre_capacity", "FibreCapacitySpec", "build",
    "SECTION",
]

BANDS: dict[str, tuple[str, ...]] = {"C": ("C",), "L": ("L",), "C+L": ("L", "C")}
"""Band names of the study -> bands of ``data/physical/bands.json`` they fill."""

SPAN_LENGTH_RANGE_KM = (10.0, 200.0)
"""Span lengths the study accepts (km). Above 200 km an EDFA would need > 40 dB of gain
(0.2 dB/km SSMF): unrepeatered links use Raman amplification or remote pumps, not
modelled; below 10 km the amplifier chain is not a realistic design."""

LENGTH_RANGE_KM = (1.0, 20_000.0)
"""Link lengths the study accepts (km): up to half the Earth's circumference."""

_PLAN = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*GBd\s*/\s*(\d+(?:\.\d+)?)\s*GHz\s*$")


def parse_channel_plan(text: str) -> tuple[float, float]:
    """``"64GBd/75GHz"`` -> ``(symbol_rate_baud, spacing_hz)`` = ``(64e9, 75e9)``.

    Raises :class:`ParameterError` (field ``channel_plan``) for another form or a symbol
    rate wider than the spacing (the channel would overlap its neighbours).
    """
    m = _PLAN.match(str(text))
    if m is None:
        raise ParameterError("channel_plan", text, "'<symbol rate>GBd/<spacing>GHz', "
                             "e.g. '64GBd/75GHz'")
    rs, sp = float(m.group(1)) * 1e9, float(m.group(2)) * 1e9
    if not 0 < rs <= sp:
        raise ParameterError("channel_plan", text, "0 < symbol rate <= spacing "
                             "(ITU-T G.694.1: a channel fits its grid slot)")
    return rs, sp


def band_plan(band: str, symbol_rate_baud: float, spacing_hz: float) -> ChannelPlan:
    """Full-load channel plan over ``band`` (``"C"``, ``"L"`` or ``"C+L"``)."""
    if band not in BANDS:
        raise ParameterError("band", band, f"one of {sorted(BANDS)}")
    return ChannelPlan.for_bands(BANDS[band], spacing_hz=spacing_hz,
                                 symbol_rate_baud=symbol_rate_baud)


def _check_range(field: str, value: float, lo: float, hi: float, why: str) -> None:
    if not (math.isfinite(value) and lo <= value <= hi):
        raise ParameterError(field, value, f"{lo:g} to {hi:g} km ({why})")


def rate_vs_spans_bps(gsnr_one_span_db: np.ndarray, symbol_rate_baud: float,
                      transceiver: Transceiver, n_spans: np.ndarray) -> np.ndarray:
    """Adaptive net fibre rate (b/s) after each of ``n_spans`` identical transparent spans.

    Uses ``GSNR_ch(N) = GSNR_ch(1) / N`` (incoherent GN model, transparent spans, launch
    power fixed; Poggiolini 2014 eq. 120), i.e. ``GSNR_ch(1) [dB] - 10 log10 N``.

    Parameters
    ----------
    gsnr_one_span_db : ndarray, shape (n_channels,)
    n_spans : ndarray of int, shape (k,)

    Returns
    -------
    ndarray, shape (k,)
    """
    n = np.asarray(n_spans, dtype=float)
    g = np.asarray(gsnr_one_span_db, dtype=float)[None, :] - 10.0 * np.log10(n)[:, None]
    return transceiver.net_rate_bps(g, symbol_rate_baud).sum(axis=1)


@dataclass(frozen=True)
class FibreCapacity:
    """One configuration's capacity (see :func:`fibre_capacity`)."""

    band: str
    span_length_km: float
    length_km: float
    n_spans: int
    symbol_rate_baud: float
    spacing_hz: float
    margin_db: float
    target_rate_bps: float
    result: CapacityResult
    """Per-channel GSNR, format and rates (:class:`netsim.optical.capacity.CapacityResult`)."""
    formats: pd.DataFrame
    """Per format: required GSNR with margin, closes on every channel, fixed-format fibre
    rate (b/s), reach in spans and km."""
    reach_km_at_target: float
    """Longest multiple of the span length carrying ``target_rate_bps`` (km; 0: none)."""

    @property
    def net_rate_bps(self) -> float:
        return self.result.total_rate_bps

    @property
    def carries_target(self) -> bool:
        return self.result.carries(self.target_rate_bps)

    def kpis(self) -> dict[str, float]:
        """Scalar KPIs (``fibre_*``); SI units as suffixes."""
        r = self.result
        out = {
            "fibre_capacity_bps": r.total_rate_bps,
            "fibre_shannon_rate_bps": r.total_shannon_rate_bps,
            "fibre_carries_target": float(self.carries_target),
            "fibre_target_rate_bps": self.target_rate_bps,
            "fibre_reach_km_at_target": self.reach_km_at_target,
            "fibre_n_spans": float(self.n_spans),
            "fibre_n_channels": float(r.center_freq_hz.size),
            "fibre_launch_power_dbm": float(r.launch_power_dbm[0]),
            "fibre_gsnr_min_db": float(r.gsnr_db.min()),
            "fibre_gsnr_max_db": float(r.gsnr_db.max()),
            "fibre_channels_not_closing": float(np.sum(r.format == "")),
        }
        for row in self.formats.itertuples():
            key = row.format.lower().replace("-", "_")
            out[f"fibre_fixed_{key}_rate_bps"] = float(row.fixed_fibre_rate_bps)
        return out


def fibre_capacity(
    span_length_km: float,
    length_km: float,
    band: str = "C",
    symbol_rate_baud: float = 64e9,
    spacing_hz: float = 75e9,
    margin_db: float = 1.0,
    noise_figure_db: float = 5.5,
    fiber: str = "SSMF",
    target_rate_bps: float = 10e12,
) -> FibreCapacity:
    """GN-model capacity of one fibre configuration.

    Parameters
    ----------
    span_length_km : float
        Span length (km), within :data:`SPAN_LENGTH_RANGE_KM`.
    length_km : float
        Link length (km), within :data:`LENGTH_RANGE_KM`; ``ceil(length / span)`` spans
        (at least one), so the modelled link may be up to one span longer.
    band : {"C", "L", "C+L"}
    symbol_rate_baud, spacing_hz : float
        Channel symbol rate (Bd) and grid spacing (Hz).
    margin_db : float
        Transceiver margin added to every required GSNR (dB), >= 0.
    noise_figure_db : float
        EDFA noise figure (dB).
    fiber : str
        A catalogued fibre type (``fiber_types.json``).
    target_rate_bps : float
        The rate the fibre should carry (b/s), > 0.

    Examples
    --------
    >>> fc = fibre_capacity(span_length_km=80.0, length_km=400.0, band="C",
    ...                     symbol_rate_baud=32e9, spacing_hz=50e9)
    >>> fc.n_spans, fc.carries_target
    (5, True)
    """
    _check_range("span_length_km", span_length_km, *SPAN_LENGTH_RANGE_KM,
                 "EDFA-amplified SSMF spans; see SPAN_LENGTH_RANGE_KM")
    _check_range("length_km", length_km, *LENGTH_RANGE_KM, "terrestrial to transoceanic")
    if not (math.isfinite(target_rate_bps) and target_rate_bps > 0):
        raise ParameterError("target_rate_bps", target_rate_bps, "> 0 b/s")
    plan = band_plan(band, symbol_rate_baud, spacing_hz)
    n_spans = max(1, math.ceil(length_km / span_length_km - 1e-9))
    trx = Transceiver(margin_db=margin_db)
    link = Link.uniform(n_spans=n_spans, span_length_km=span_length_km, fiber=fiber,
                        noise_figure_db=noise_figure_db)
    res = capacity(link, plan, transceiver=trx)
    # one-span GSNR at the same (N-independent) launch power -> rate after N spans
    one = Link([link.spans[0]])
    g1 = one.gsnr_db(plan, res.launch_power_dbm)
    reach = max_reach_spans(link.spans[0], plan, res.launch_power_dbm, trx)
    n_max = max(reach.values()) if reach else 0
    n_grid = np.arange(1, max(n_max, 1) + 1)
    ok = rate_vs_spans_bps(g1, symbol_rate_baud, trx, n_grid) >= target_rate_bps
    reach_km = float(n_grid[ok].max() * span_length_km) if ok.any() else 0.0
    g_min = float(res.gsnr_db.min())
    rows = []
    for f, thr in zip(trx.formats, trx.thresholds_db):
        closes = g_min >= thr
        rows.append({
            "format": f.name, "required_gsnr_db": float(thr), "closes_all_channels": closes,
            "fixed_fibre_rate_bps": plan.n_channels * net_rate_bps(f, symbol_rate_baud,
                                                                   trx.fec) if closes else 0.0,
            "reach_spans": reach[f.name], "reach_km": reach[f.name] * span_length_km,
        })
    return FibreCapacity(band, float(span_length_km), float(length_km), n_spans,
                         float(symbol_rate_baud), float(spacing_hz), float(margin_db),
                         float(target_rate_bps), res, pd.DataFrame(rows), reach_km)


# ---------------------------------------------------------------------------------------
# scenario section


class FibreCapacitySpec(Spec):
    """The ``fibre_capacity:`` section: one fibre configuration per run.

    ``fibre_capacity: {span_length_km: 80, length_km: 2000, band: C,
    channel_plan: 64GBd/75GHz, margin_db: 1.0}``
    """

    span_length_km: float = Field(80.0, ge=SPAN_LENGTH_RANGE_KM[0],
                                  le=SPAN_LENGTH_RANGE_KM[1])
    """Span length (km), 10-200 (EDFA spans)."""
    length_km: float = Field(ge=LENGTH_RANGE_KM[0], le=LENGTH_RANGE_KM[1])
    """Link length (km); ``ceil(length / span)`` identical spans."""
    band: Literal["C", "L", "C+L"] = "C"
    channel_plan: str = "64GBd/75GHz"
    """``<symbol rate>GBd/<spacing>GHz`` (e.g. 32GBd/50GHz, 64GBd/75GHz)."""
    margin_db: float = Field(1.0, ge=0.0)
    """Transceiver margin on every required GSNR (dB)."""
    noise_figure_db: PositiveFloat = 5.5
    """EDFA noise figure (dB)."""
    fiber: Literal["SSMF"] = "SSMF"
    target_rate_bps: PositiveFloat = 10e12
    """Rate the fibre should carry (b/s); sets ``fibre_carries_target`` and the reach KPI."""

    @field_validator("channel_plan")
    @classmethod
    def _plan(cls, v: str) -> str:
        try:
            parse_channel_plan(v)
        except ParameterError as exc:
            raise ValueError(str(exc)) from None
        return v


def build(cfg: FibreCapacitySpec, ctx) -> None:
    """Evaluate the configuration and register its tables and KPIs (no network elements)."""
    rs, sp = parse_channel_plan(cfg.channel_plan)
    fc = fibre_capacity(cfg.span_length_km, cfg.length_km, cfg.band, rs, sp, cfg.margin_db,
                        cfg.noise_figure_db, cfg.fiber, cfg.target_rate_bps)
    ctx.state["fibre_capacity"] = fc
    ctx.add_table("fibre_channels", fc.result.to_dataframe)
    ctx.add_table("fibre_formats", lambda: fc.formats.copy())
    ctx.add_kpis(fc.kpis)


SECTION = Section("fibre_capacity", FibreCapacitySpec, build, order=25)
"""Scenario section ``fibre_capacity:``."""
