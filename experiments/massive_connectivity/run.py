"""Scenario 6 (issue 8): ITU-R M.2412 connection density, Urban Macro-mMTC, 1e5-1e8 /km^2.

An **analytical access model** (no packet-level simulation: at 1e8 devices/km^2 a TRxP
holds 7.2 million devices, far beyond what a packet-level run of every device can do),
fed by netsim's radio layer-1 link budgets. Per TRxP (one of three sectors of a site):

* Devices: density ``D`` (/km^2), TRxP area ``A = (sqrt(3)/2) ISD^2 / 3``, so
  ``N = D A`` devices, each sending one packet (32 bytes of payload) every 2 hours
  (Poisson): ``lambda = N / 7200`` packets/s (M.2412-0 7.1.3 / Table 8-4 traffic model).
* Random access (contention): the NB-IoT NPRACH as slotted ALOHA with ``M`` orthogonal
  preambles (subcarriers) per occasion every ``T_RA`` per carrier; a preamble succeeds
  if no other device picks it, ``p = exp(-G / M)`` with ``G`` the attempts per occasion
  (Poisson), and failed attempts retry after a uniform backoff, at most ``K`` attempts.
  Attempts are the fixed point ``lambda_a = lambda sum_{k<K} (1 - p)^k``
  (the standard RACH model: 3GPP TR 37.868 V11.0.0 Annex B; Abramson 1970 / Roberts
  1975 slotted ALOHA).
* Data: the 32 B payload + ``overhead_bytes`` (headers, RRC/MAC signalling of the
  early-data procedure) sent on single-tone 15 kHz resources with attenuated-Shannon
  spectral efficiency at the device's uplink SNR (TR 36.942 Annex A.1, alpha 0.6,
  no SINR floor, capped at ``se_max``): airtime ``t = bits / (15 kHz x SE)``. The carriers'
  data resources (``n_carriers x 12`` tones, less the NPRACH share) are one M/G/1 server
  pool; mean wait by Pollaczek-Khinchine, ``W = lambda E[S^2] / (2 (1 - rho))`` with
  ``S = t / n_tones`` (a pooled-server approximation).
* Uplink SNR: TR 38.901 UMa path loss (700 MHz, BS 25 m, UE 1.5 m, LOS drawn from
  Table 7.4.2-1), log-normal shadow fading (Table 7.4.1-1), indoor devices
  (TR 38.901 7.4.3 fraction, low-loss O2I), UE 23 dBm, BS antenna gain and noise figure,
  an interference margin.
* A packet is delivered within 10 s if its access delay (attempt ``k`` at
  ``(k - 1)(T_RA + E[backoff]) + T_RA / 2 + RAR``) plus ``W`` plus its airtime is at
  most 10 s. Delivered fraction = mean over devices and over the geometric attempt law.
  The density is **supported** if the delivered fraction is >= 99 % (M.2410-0 4.8).

KPIs per (configuration, density): attempt success probability, offered preamble load,
data-channel load, delivered fraction within 10 s (mean and Student-t 95 % CI over
independent link-budget drops). ``connection_density_per_km2`` = the highest density of
the grid meeting 99 %; verdicts against ``imt2020_mmtc``, ``imt2030`` and
``imt2030_upper`` (``netsim.experiment.targets``).

Usage::

    python experiments/massive_connectivity/run.py          # short grid, seconds
    python experiments/massive_connectivity/run.py --full   # finer grid, 20 drops
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from netsim.core.stats import mean_ci
from netsim.experiment.targets import TargetSpec, evaluate, expand, format_verdicts
from netsim.radio.sinr import thermal_noise_dbm
from netsim.radio.tr38901.los import draw_los
from netsim.radio.tr38901.o2i import draw_indoor, draw_o2i_loss_db
from netsim.radio.tr38901.pathloss import path_loss_db
from netsim.radio.tr38901.shadowing import shadow_fading_std_db

PACKET_INTERVAL_S = 7200.0
"""M.2412-0 7.1.3: one packet every 2 hours per device."""
PACKET_PAYLOAD_BYTES = 32.0
"""M.2412-0 Table 8-4 (Urban Macro-mMTC traffic model): 32 bytes."""
DELAY_BOUND_S = 10.0
DELIVERY_TARGET = 0.99
"""M.2410-0 4.8: 99 % of packets delivered within 10 s."""
TONE_HZ = 15e3
"""NB-IoT uplink single-tone subcarrier spacing (TS 36.211 10.1.2; also 3.75 kHz)."""
TONES_PER_CARRIER = 12
"""NB-IoT uplink: 12 x 15 kHz = 180 kHz per carrier (TS 36.211 10.1.2)."""


@dataclass(frozen=True)
class AccessConfig:
    """A radio access configuration of one TRxP."""

    name: str
    n_carriers: int = 1
    """180 kHz NB-IoT carriers per TRxP (an NR-style 10 MHz uplink ~ 50 of them)."""
    preambles_per_occasion: int = 48
    """NPRACH subcarriers per occasion and carrier (TS 36.211 10.1.6: 12, 24, 36, 48)."""
    rach_period_s: float = 0.04
    """NPRACH periodicity (TS 36.331 nprach-Periodicity: 40 ms ... 2560 ms)."""
    rach_bandwidth_fraction: float = 48 * 3.75e3 / 180e3
    """Share of a carrier's tones held by the NPRACH (48 x 3.75 kHz of 180 kHz), time
    share ``preamble duration / period`` applied in :func:`evaluate_density`."""
    preamble_duration_s: float = 0.0064
    """NPRACH format 0 preamble, 4 symbol groups x 1.6 ms, one repetition (TS 36.211)."""
    max_attempts: int = 10
    """preambleTransMax (TS 36.321 / 36.331)."""
    backoff_mean_s: float = 0.128
    """Mean uniform backoff (backoff indicator 256 ms, TS 36.321 7.2)."""
    rar_delay_s: float = 0.05
    """Preamble to Msg3 grant (RAR window and processing), assumption."""
    overhead_bytes: float = 40.0
    """Headers and early-data signalling added to the 32 B payload, assumption."""
    se_max_b_per_hz: float = 1.6
    """Cap: NB-IoT uplink QPSK at about 0.8 code rate."""
    isd_m: float = 500.0
    """M.2412-0 Urban Macro-mMTC configuration A (B: 1732 m)."""
    freq_hz: float = 700e6
    """M.2412-0 Urban Macro-mMTC carrier 700 MHz."""
    ue_power_dbm: float = 23.0
    bs_antenna_gain_dbi: float = 8.0
    bs_noise_figure_db: float = 5.0
    interference_margin_db: float = 3.0


CONFIGS = {
    "nbiot_1carrier": AccessConfig("nbiot_1carrier"),
    "nbiot_10carriers": AccessConfig("nbiot_10carriers", n_carriers=10),
    "wideband_50carriers": AccessConfig("wideband_50carriers", n_carriers=50),
}


def trxp_area_km2(isd_m: float) -> float:
    """Area of one TRxP (a third of a hexagonal site of inter-site distance ``isd_m``)."""
    return (math.sqrt(3.0) / 2.0) * (isd_m / 1000.0) ** 2 / 3.0


def slotted_aloha_success(attempts_per_occasion: np.ndarray | float, n_preambles: int):
    """P(a given attempt is alone on its preamble) = exp(-G / M), Poisson attempts."""
    return np.exp(-np.asarray(attempts_per_occasion, dtype=float) / n_preambles)


def access_fixed_point(lam_per_s: float, cfg: AccessConfig, tol: float = 1e-12):
    """Solve ``lambda_a = lambda sum_{k<K} (1 - p)^k``, ``p = exp(-lambda_a T / (M C))``.

    Returns (p, lambda_a). Damped iteration; the map is monotone so it converges.
    """
    occ_per_s = cfg.n_carriers / cfg.rach_period_s
    la = lam_per_s
    for _ in range(10_000):
        p = float(slotted_aloha_success(la / occ_per_s, cfg.preambles_per_occasion))
        q = 1.0 - p
        geo = cfg.max_attempts if q == 1.0 else (1.0 - q ** cfg.max_attempts) / p
        new = lam_per_s * geo
        if abs(new - la) <= tol * max(1.0, la):
            return p, new
        la = 0.5 * la + 0.5 * new
    return p, la


def uplink_snr_db(cfg: AccessConfig, n: int, rng: np.random.Generator) -> np.ndarray:
    """Uplink SNR (dB) over one 15 kHz tone of ``n`` devices dropped in a TRxP."""
    # uniform in the sector's hexagon area approximated by the disc of equal area,
    # with the M.2412 / TR 38.901 minimum 2D distance of 35 m for UMa
    r_eq = math.sqrt(trxp_area_km2(cfg.isd_m) * 3.0 * 1e6 / math.pi)
    d = np.sqrt(rng.uniform(35.0**2, r_eq**2, n))
    los = draw_los("UMa", d, rng)
    pl = path_loss_db("UMa", d, cfg.freq_hz, 25.0, 1.5, los)
    sf = rng.normal(0.0, 1.0, n) * shadow_fading_std_db("UMa", los)
    indoor = draw_indoor("UMa", n, rng)
    o2i = np.where(indoor, draw_o2i_loss_db("UMa", cfg.freq_hz, n, rng), 0.0)
    noise = thermal_noise_dbm(TONE_HZ, cfg.bs_noise_figure_db)
    return (cfg.ue_power_dbm + cfg.bs_antenna_gain_dbi - pl - sf - o2i - noise
            - cfg.interference_margin_db)


def evaluate_density(density_per_km2: float, cfg: AccessConfig, snr_db: np.ndarray) -> dict:
    """Delivered fraction within 10 s and the intermediate loads at one density."""
    n_dev = density_per_km2 * trxp_area_km2(cfg.isd_m)
    lam = n_dev / PACKET_INTERVAL_S
    p, lam_a = access_fixed_point(lam, cfg)
    bits = 8.0 * (PACKET_PAYLOAD_BYTES + cfg.overhead_bytes)
    se = np.minimum(0.6 * np.log2(1.0 + 10.0 ** (snr_db / 10.0)), cfg.se_max_b_per_hz)
    airtime = bits / (TONE_HZ * se)                         # s on one tone
    rach_share = cfg.rach_bandwidth_fraction * cfg.preamble_duration_s / cfg.rach_period_s
    n_tones = cfg.n_carriers * TONES_PER_CARRIER * (1.0 - rach_share)
    s = airtime / n_tones                                   # pooled service time
    rho = lam * float(s.mean())
    wait = lam * float((s**2).mean()) / (2.0 * (1.0 - rho)) if rho < 1.0 else math.inf
    k = np.arange(1, cfg.max_attempts + 1)
    acc = (k - 1) * (cfg.rach_period_s + cfg.backoff_mean_s) + cfg.rach_period_s / 2 \
        + cfg.rar_delay_s
    w_k = p * (1.0 - p) ** (k - 1)                          # success at attempt k
    ok = (acc[None, :] + wait + airtime[:, None]) <= DELAY_BOUND_S
    delivered = float((ok * w_k[None, :]).sum(axis=1).mean()) if rho < 1.0 else 0.0
    return {"devices_per_trxp": n_dev, "packets_per_s": lam, "attempts_per_s": lam_a,
            "preamble_load": lam_a * cfg.rach_period_s / cfg.n_carriers
            / cfg.preambles_per_occasion,
            "attempt_success": p, "data_load": rho, "mean_wait_s": wait,
            "airtime_p99_s": float(np.percentile(airtime, 99)),
            "delivered_within_10s": delivered}


def study(configs: list[str], densities: list[float], n_drops: int, n_devices: int,
          seed: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Runs (one row per config, density, drop) and the summary with 95 % CIs."""
    rows = []
    for ci, name in enumerate(configs):
        cfg = CONFIGS[name]
        for r, child in enumerate(np.random.SeedSequence(seed, spawn_key=(ci,)).spawn(n_drops)):
            snr = uplink_snr_db(cfg, n_devices, np.random.default_rng(child))
            for dens in densities:
                rows.append({"config": name, "density_per_km2": dens, "drop": r,
                             **evaluate_density(dens, cfg, snr)})
    runs = pd.DataFrame(rows)
    summ = []
    for (name, dens), g in runs.groupby(["config", "density_per_km2"]):
        mu, hw = mean_ci(g["delivered_within_10s"].to_numpy())
        first = g.iloc[0]
        summ.append({"config": name, "density_per_km2": dens, "n": len(g),
                     "devices_per_trxp": first["devices_per_trxp"],
                     "packets_per_s": first["packets_per_s"],
                     "attempt_success": first["attempt_success"],
                     "preamble_load": first["preamble_load"],
                     "data_load_mean": g["data_load"].mean(),
                     "delivered_mean": mu, "delivered_half_width": hw,
                     "supported": mu >= DELIVERY_TARGET})
    return runs, pd.DataFrame(summ)


def verdicts(summary: pd.DataFrame) -> dict:
    """Highest supported density per configuration and the IMT verdicts."""
    tl = expand([TargetSpec(preset="imt2020_mmtc"), TargetSpec(preset="imt2030"),
                 TargetSpec(preset="imt2030_upper")])
    tl = [t for t in tl if t.kpi == "connection_density_per_km2"]
    out, text = {}, []
    for name, g in summary.groupby("config"):
        ok = g[g["supported"]]
        dens = float(ok["density_per_km2"].max()) if len(ok) else 0.0
        vs = evaluate(tl, {"connection_density_per_km2": dens})
        out[name] = {"connection_density_per_km2": dens,
                     "verdicts": [{"target": v.target.name, "limit": v.target.value,
                                   "status": v.status, "source": v.target.source}
                                  for v in vs]}
        text.append(format_verdicts(vs, title=f"{name}: supported density {dens:.3g} /km^2"))
    return {"configs": out, "text": "\n\n".join(text)}


def plot(summary: pd.DataFrame, path: str) -> None:
    """Delivered fraction within 10 s vs density, with 95 % CIs, per configuration."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from netsim.experiment.plots import STYLE

    with plt.rc_context(STYLE):
        fig, (ax, ax2) = plt.subplots(1, 2, figsize=(11, 4.5))
        for name, g in summary.groupby("config"):
            g = g.sort_values("density_per_km2")
            ax.errorbar(g["density_per_km2"], g["delivered_mean"],
                        yerr=g["delivered_half_width"].fillna(0), marker="o", capsize=3,
                        label=name)
            line, = ax2.plot(g["density_per_km2"], g["attempt_success"], marker="o",
                             label=f"{name}: RACH attempt success")
            ax2.plot(g["density_per_km2"], g["data_load_mean"], ls="--",
                     color=line.get_color(), label=f"{name}: data-channel load")
        ax.axhline(DELIVERY_TARGET, color="k", ls="--", lw=1, label="99 % within 10 s")
        for a_ in (ax, ax2):
            for x in (1e6, 1e7, 1e8):
                a_.axvline(x, color="0.6", ls=":", lw=1)
            a_.set_xscale("log")
            a_.set_xlabel("connection density (devices/km$^2$)")
        ax.set_ylim(0, 1.02)
        ax2.set_ylim(0, 1.5)
        ax.set_ylabel("packets delivered within 10 s")
        ax2.set_ylabel("probability / load")
        ax.set_title("delivered fraction (IMT-2020 1e6, IMT-2030 1e6-1e8 dotted)")
        ax2.set_title("attempt success (solid), data load (dashed)")
        ax.legend(fontsize=8)
        ax2.legend(fontsize=7)
        fig.suptitle("Urban Macro-mMTC, 700 MHz, analytical access model")
        fig.tight_layout()
        fig.savefig(path, dpi=120)
        plt.close(fig)


SHORT_DENSITIES = [1e5, 1e6, 3e6, 1e7, 3e7, 1e8]
FULL_DENSITIES = [float(x) for x in np.logspace(5, 8.5, 22)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--full", action="store_true")
    ap.add_argument("--isd-m", type=float, default=None, help="1732 for configuration B")
    ap.add_argument("--seed", type=int, default=6)
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "results"))
    ap.add_argument("--no-plot", action="store_true")
    a = ap.parse_args(argv)
    if a.isd_m is not None:
        for k, c in list(CONFIGS.items()):
            CONFIGS[k] = replace(c, isd_m=a.isd_m)
    runs, summary = study(list(CONFIGS), FULL_DENSITIES if a.full else SHORT_DENSITIES,
                          20 if a.full else 5, 20000 if a.full else 5000, a.seed)
    os.makedirs(a.out, exist_ok=True)
    runs.to_csv(os.path.join(a.out, "runs.csv"), index=False)
    summary.to_csv(os.path.join(a.out, "summary.csv"), index=False)
    v = verdicts(summary)
    with open(os.path.join(a.out, "kpis.json"), "w", encoding="utf-8") as fh:
        json.dump({"summary": summary.to_dict(orient="records"), "verdicts": v["configs"]},
                  fh, indent=2)
    if not a.no_plot:
        plot(summary, os.path.join(a.out, "delivered_vs_density.png"))
    with pd.option_context("display.width", 200):
        print(summary.round(4).to_string(index=False))
    print(v["text"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
