"""The ``connection_density:`` scenario section: the M.2412 connection-density evaluation.

An evaluation section: it adds no node, link or event to the simulation. At build time it
evaluates :mod:`netsim.radio.connection_density` on a grid of densities and registers

- the table ``connection_density`` (one row per density: devices per TRxP, loads, attempt
  success, delivered fraction within the bound with its Student-t 95 % interval over the
  link-budget drops, ``supported``);
- the KPIs ``connection_density_per_km2`` (highest density of the grid up to which every
  point delivers >= ``delivery_target``, the quantity of the ``imt2020_mmtc``, ``imt2030``
  and ``imt2030_upper`` target presets), ``delivery_ratio_10s`` and
  ``delivery_ratio_10s_ci`` (at ``evaluation_density_per_km2``), ``rach_attempt_success``,
  ``data_channel_load`` and ``devices_per_trxp`` at that density.

Example::

    connection_density:
      isd_m: 500            # M.2412 Urban Macro-mMTC configuration A (B: 1732)
      n_carriers: 1         # 180 kHz NB-IoT carriers per TRxP
      densities_per_km2: [1.0e5, 1.0e6, 1.0e7, 1.0e8]
"""

from __future__ import annotations

import math
from typing import Annotated, Literal

import numpy as np
import pandas as pd
from pydantic import Field, PositiveFloat, PositiveInt, field_validator

from netsim.core.stats import mean_ci
from netsim.experiment.scenario import Spec
from netsim.experiment.sections import Section
from netsim.radio import connection_density as cd

__all__ = ["ConnectionDensitySpec", "SECTION", "evaluate", "RNG_STREAM"]

RNG_STREAM = "radio:connection_density"
"""Name of the random stream the link-budget drops draw from."""

_Prob = Annotated[float, Field(gt=0.0, lt=1.0)]


class ConnectionDensitySpec(Spec):
    """The ``connection_density:`` section (defaults: M.2412 Urban Macro-mMTC, config A)."""

    isd_m: PositiveFloat = 500.0
    """Inter-site distance (m): 500 (configuration A) or 1732 (configuration B)."""
    n_carriers: PositiveInt = 1
    """180 kHz NB-IoT carriers per TRxP."""
    densities_per_km2: list[PositiveFloat] = Field(
        default=[1e5, 1e6, 1e7, 1e8], min_length=1)
    """Grid of densities (devices/km^2), strictly ascending."""
    evaluation_density_per_km2: PositiveFloat = 1e6
    """Density at which ``delivery_ratio_10s`` is reported (the IMT-2020 figure)."""
    n_devices: PositiveInt = 5000
    """Devices whose link budgets are drawn per drop."""
    n_drops: int = Field(default=5, ge=2)
    """Independent link-budget drops (the 95 % intervals are over drops)."""
    delivery_target: _Prob = 0.99
    """Share of packets that must arrive within the bound (M.2412-0 7.1.3)."""
    preambles_per_occasion: Literal[12, 24, 36, 48] = 48
    """NPRACH subcarriers per occasion (TS 36.331 nprach-NumSubcarriers)."""
    rach_period_s: PositiveFloat = 0.04
    """NPRACH periodicity (TS 36.331 nprach-Periodicity, 40 ms ... 2.56 s)."""
    max_attempts: PositiveInt = 10
    """preambleTransMax."""
    overhead_bytes: float = Field(default=40.0, ge=0.0)
    """Signalling and headers added to each 32-byte packet (assumption)."""
    interference_margin_db: float = Field(default=3.0, ge=0.0, le=30.0)
    """Uplink interference from other TRxPs as a margin (dB)."""

    @field_validator("densities_per_km2")
    @classmethod
    def _ascending(cls, v: list[float]) -> list[float]:
        if any(b <= a for a, b in zip(v, v[1:])):
            raise ValueError("densities must be strictly ascending")
        return v

    def access_config(self) -> cd.AccessConfig:
        """The :class:`~netsim.radio.connection_density.AccessConfig` of this section."""
        return cd.AccessConfig.default(
            isd_m=self.isd_m, n_carriers=self.n_carriers,
            preambles_per_occasion=self.preambles_per_occasion,
            rach_period_s=self.rach_period_s, max_attempts=self.max_attempts,
            overhead_bytes=self.overhead_bytes,
            interference_margin_db=self.interference_margin_db)


def evaluate(cfg: ConnectionDensitySpec, rng: np.random.Generator
             ) -> tuple[pd.DataFrame, dict[str, float]]:
    """The ``connection_density`` table and the KPIs of a section, drawing from ``rng``."""
    acc = cfg.access_config()
    grid = list(cfg.densities_per_km2)
    points = grid + ([cfg.evaluation_density_per_km2]
                     if cfg.evaluation_density_per_km2 not in grid else [])
    per_drop: dict[float, list[dict]] = {d: [] for d in points}
    for _ in range(cfg.n_drops):
        snr = cd.uplink_snr_db(acc, cfg.n_devices, rng)
        for d in points:
            per_drop[d].append(cd.evaluate_density(d, acc, snr))
    rows = []
    for d in points:
        runs = per_drop[d]
        mu, hw = mean_ci(np.array([r["delivered_within_bound"] for r in runs]))
        first = runs[0]
        rows.append({
            "density_per_km2": d, "on_grid": d in grid, "n_drops": len(runs),
            "devices_per_trxp": first["devices_per_trxp"],
            "packets_per_s": first["packets_per_s"], "attempts_per_s": first["attempts_per_s"],
            "preamble_load": first["preamble_load"], "attempt_success": first["attempt_success"],
            "data_load": float(np.mean([r["data_load"] for r in runs])),
            "mean_wait_s": float(np.mean([r["mean_wait_s"] for r in runs])),
            "airtime_p99_s": float(np.mean([r["airtime_p99_s"] for r in runs])),
            "delivered_mean": mu, "delivered_half_width": hw,
            "supported": bool(mu >= cfg.delivery_target),
            "isd_m": cfg.isd_m, "n_carriers": cfg.n_carriers})
    table = pd.DataFrame(rows).sort_values("density_per_km2", ignore_index=True)
    on = table[table["on_grid"]]
    ev = table[table["density_per_km2"] == cfg.evaluation_density_per_km2].iloc[0]
    kpis = {
        "connection_density_per_km2": cd.supported_density(
            on["density_per_km2"], on["delivered_mean"], cfg.delivery_target),
        "delivery_ratio_10s": float(ev["delivered_mean"]),
        "delivery_ratio_10s_ci": (float(ev["delivered_half_width"])
                                  if math.isfinite(ev["delivered_half_width"]) else math.nan),
        "rach_attempt_success": float(ev["attempt_success"]),
        "data_channel_load": float(ev["data_load"]),
        "devices_per_trxp": float(ev["devices_per_trxp"]),
    }
    return table, kpis


def _build(cfg: ConnectionDensitySpec, ctx) -> None:
    table, kpis = evaluate(cfg, ctx.sim.rng(RNG_STREAM))
    ctx.state["connection_density"] = {"table": table, "kpis": kpis}
    ctx.add_table("connection_density", lambda: table)
    ctx.add_kpis(lambda: dict(kpis))


SECTION = Section("connection_density", ConnectionDensitySpec, _build, order=40)
"""Scenario section ``connection_density:`` (an evaluation section: no nodes or links)."""
