"""Scenario 5 (issue 8): a 140 GHz / 300 GHz indoor hotspot against the IMT-2030 ranges.

A physics-level (snapshot, full-buffer) experiment built on netsim's radio layer 1; no
packets are simulated. Per drop and band:

1. Layout: TR 38.901 V17.0.0 Table 7.2-2 InH-Office, a 120 m x 50 m floor with 12 ceiling
   access points (APs) on a 20 m grid at 3 m; UEs dropped uniformly at 1 m, ``ues_per_ap``
   per AP on average (TR 38.802 / M.2412 indoor hotspot practice).
2. Path loss: InH-Office LOS/NLOS (TR 38.901 Table 7.4.1-1) with LOS drawn from Table
   7.4.2-1 (mixed office). The table is valid for 0.5-100 GHz: beyond 100 GHz it is
   evaluated with ``allow_extrapolation=True`` (the documented extension flag; measured
   InH path-loss exponents at 140 GHz are close to those at 28/73 GHz, Ju et al., IEEE
   JSAC 39(6), 2021, which is why this extrapolation is commonly used). Shadow fading is
   not drawn (geometry SINR).
3. Atmospheric absorption: ITU-R P.676-13 Annex 1 (netsim.radio.atmosphere) at 15 C,
   1013.25 hPa, ``water_vapour_g_m3`` (7.5 g/m^3 default) times the 3D distance.
4. Beamforming: AP = ``ap_array`` UPA of TR 38.901 7.3 elements (8 dBi, 65 deg), panel
   facing the floor, beam chosen from a 2-D DFT codebook (TS 38.214 5.2.2.2.1 Type I
   grid, :func:`netsim.radio.antenna.dft_codebook`); UE = ideal beam towards its serving
   AP with gain ``10 log10(N_ue)``; interference from every other AP through the beam it
   points at one of its own UEs (drawn uniformly per slot), received with the UE's
   average sidelobe gain of 0 dB (a unit-norm beam averaged over directions).
5. SINR: best server, full buffer (:func:`netsim.radio.sinr.wideband_sinr`); rate per
   slot ``layers x B x (1 - OH) x SE``, SE = attenuated Shannon ``min(0.6 log2(1 + SINR),
   SE_max)``, 0 below -10 dB (3GPP TR 36.942 V17.0.0 Annex A.1, alpha = 0.6,
   SINR_min = -10 dB), SE_max = 8 x 948/1024 = 7.41 b/s/Hz (256QAM at R_max, TS 38.306
   4.1.2), OH = 0.18 (TS 38.306 4.1.2, FR2 downlink).
6. Users: each AP serves its UEs round robin, so a user's rate is its full-resource rate
   over the number of UEs of its AP, averaged over ``n_slots`` interference draws.

KPIs per drop: ``peak_rate_bps`` (highest single-UE full-resource rate: M.2410-0 4.1
style, all resources to one station, error free), ``user_experienced_rate_bps``
(5th percentile of user rates, M.2410-0 4.3), ``area_traffic_capacity_bps_per_m2``
(sum of user rates / floor area, M.2410-0 4.6), mean and 5 % SINR. Means over drops with
Student-t 95 % intervals (``netsim.core.stats.mean_ci``); verdicts against the
``imt2030`` and ``imt2030_upper`` presets (M.2160-0 5.2) with ``netsim.experiment.targets``.

Usage::

    python experiments/subthz_hotspot/run.py             # short: 5 drops per band
    python experiments/subthz_hotspot/run.py --full      # 40 drops, both bands, 2 humidities
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from dataclasses import dataclass

import numpy as np
import pandas as pd

from netsim.core.stats import mean_ci
from netsim.experiment.targets import TargetSpec, evaluate, expand, format_verdicts
from netsim.radio.antenna import (
    beamforming_gain_db,
    dft_codebook,
    element_gain_dbi,
    upa_steering_vectors,
)
from netsim.radio.atmosphere import gaseous_attenuation_db_per_km
from netsim.radio.nr.tables import max_data_rate_constants
from netsim.radio.sinr import wideband_sinr
from netsim.radio.tr38901.los import draw_los
from netsim.radio.tr38901.pathloss import path_loss_db

FLOOR_X_M, FLOOR_Y_M = 120.0, 50.0
"""TR 38.901 V17.0.0 Table 7.2-2 (InH-Office): 120 m x 50 m."""
AP_HEIGHT_M, UE_HEIGHT_M = 3.0, 1.0
"""TR 38.901 Table 7.2-2: BS (ceiling) height 3 m; UT height 1 m."""
AP_X_M = np.arange(10.0, 120.0, 20.0)
AP_Y_M = np.array([15.0, 35.0])
"""12 APs at 20 m inter-site distance (TR 38.901 Table 7.2-2)."""

ATT_SHANNON_ALPHA = 0.6
ATT_SHANNON_SINR_MIN_DB = -10.0
"""TR 36.942 V17.0.0 Annex A.1 attenuated Shannon (alpha, SINR_min)."""


def _se_max_and_overhead() -> tuple[float, float]:
    """SE_max = 8 bits x R_max (256QAM) and FR2 DL overhead, TS 38.306 4.1.2 (data file)."""
    c = max_data_rate_constants()
    return 8.0 * c["r_max"]["value_x1024"] / 1024.0, float(c["overhead"]["FR2"]["downlink"])


@dataclass(frozen=True)
class Band:
    """One sub-THz configuration (assumptions stated in the README)."""

    name: str
    freq_hz: float
    bandwidth_hz: float
    tx_power_dbm: float
    noise_figure_db: float
    ap_array: tuple[int, int]
    ue_array_elements: int
    layers: int = 2


BANDS = {
    "140GHz": Band("140GHz", 140e9, 8e9, 24.0, 10.0, (16, 16), 16),
    "300GHz": Band("300GHz", 300e9, 16e9, 20.0, 12.0, (32, 32), 64),
}


def attenuated_shannon_se(sinr_db: np.ndarray, se_max: float) -> np.ndarray:
    """TR 36.942 Annex A.1: 0 below SINR_min, alpha log2(1 + SINR), capped at ``se_max``."""
    s = np.asarray(sinr_db, dtype=float)
    se = ATT_SHANNON_ALPHA * np.log2(1.0 + 10.0 ** (s / 10.0))
    return np.where(s < ATT_SHANNON_SINR_MIN_DB, 0.0, np.minimum(se, se_max))


def _panel_angles(dx: np.ndarray, dy: np.ndarray, dz: np.ndarray) -> tuple[np.ndarray, ...]:
    """Local (zenith, azimuth) in a ceiling panel facing down (boresight = -z global).

    The panel's local x axis (boresight) is global -z, local y is global y and local z is
    global x, so the UPA direction cosines are u = cos(theta') = dx/d and
    v = sin(theta') sin(phi') = dy/d (TR 38.901 7.1 local coordinates).
    """
    d = np.sqrt(dx**2 + dy**2 + dz**2)
    th = np.degrees(np.arccos(np.clip(dx / d, -1.0, 1.0)))
    ph = np.degrees(np.arctan2(dy / d, -dz / d))
    return th, ph


def drop(band: Band, rng: np.random.Generator, ues_per_ap: int = 10, n_slots: int = 8,
         water_vapour_g_m3: float = 7.5) -> dict:
    """One drop: per-UE SINR and rates; returns the drop's KPIs and per-UE arrays."""
    ap = np.array([(x, y) for y in AP_Y_M for x in AP_X_M])
    m = ap.shape[0]
    n = ues_per_ap * m
    ue = np.column_stack([rng.uniform(0, FLOOR_X_M, n), rng.uniform(0, FLOOR_Y_M, n)])
    dx = ue[:, None, 0] - ap[None, :, 0]
    dy = ue[:, None, 1] - ap[None, :, 1]
    dz = np.full_like(dx, UE_HEIGHT_M - AP_HEIGHT_M)
    d2d = np.hypot(dx, dy)
    d3d = np.sqrt(d2d**2 + dz**2)
    los = draw_los("InH", d2d, rng)
    pl = path_loss_db("InH", d2d, band.freq_hz, AP_HEIGHT_M, UE_HEIGHT_M, los,
                      allow_extrapolation=band.freq_hz > 100e9)
    atm = gaseous_attenuation_db_per_km(band.freq_hz, water_vapour_g_m3=water_vapour_g_m3)
    pl = pl + atm * d3d / 1000.0
    th, ph = _panel_angles(dx, dy, dz)
    nr, nc = band.ap_array
    a = upa_steering_vectors(nr, nc, th.ravel(), ph.ravel()).reshape(n, m, nr * nc)
    cb = dft_codebook(nr, nc)
    elem = np.asarray(element_gain_dbi(th.ravel(), ph.ravel())).reshape(n, m)
    best_db, beam = beamforming_gain_db(cb, a.reshape(n * m, -1))
    best_db, beam = best_db.reshape(n, m), beam.reshape(n, m)
    g_ue_db = 10.0 * math.log10(band.ue_array_elements)
    cl_best = pl - elem - best_db - g_ue_db
    serving = np.argmin(cl_best, axis=1)
    k_per_ap = np.bincount(serving, minlength=m)
    se_max, oh = _se_max_and_overhead()
    rate_sum = np.zeros(n)
    sinr_all = []
    for _ in range(n_slots):
        # each AP points its beam at one of its own UEs (uniformly); idle APs are silent
        active = k_per_ap > 0
        target = np.array([rng.choice(np.flatnonzero(serving == j)) if active[j] else 0
                           for j in range(m)])
        w = cb[beam[target, np.arange(m)]]                       # (m, N_el)
        g_int = np.abs(np.einsum("nme,me->nm", a, w.conj())) ** 2
        g_int_db = 10.0 * np.log10(np.maximum(g_int, 1e-30))
        cl = pl - elem - g_int_db                                 # UE sidelobe gain 0 dB
        cl[np.arange(n), serving] = cl_best[np.arange(n), serving]
        cl[:, ~active] = 1e4                                      # idle APs: no power
        res = wideband_sinr(cl, band.tx_power_dbm, band.bandwidth_hz, band.noise_figure_db,
                            precision="float64")
        sinr = res.sinr_db
        sinr_all.append(sinr)
        rate_sum += band.layers * band.bandwidth_hz * (1 - oh) * attenuated_shannon_se(
            sinr, se_max)
    full_rate = rate_sum / n_slots                               # all resources to the UE
    user_rate = full_rate / k_per_ap[serving]
    sinr_all = np.concatenate(sinr_all)
    area = FLOOR_X_M * FLOOR_Y_M
    return {
        "peak_rate_bps": float(full_rate.max()),
        "user_experienced_rate_bps": float(np.percentile(user_rate, 5)),
        "mean_user_rate_bps": float(user_rate.mean()),
        "area_traffic_capacity_bps_per_m2": float(user_rate.sum() / area),
        "sinr_mean_db": float(sinr_all.mean()),
        "sinr_p5_db": float(np.percentile(sinr_all, 5)),
        "los_fraction": float(los[np.arange(n), serving].mean()),
        "atmospheric_db_per_km": float(atm),
        "_user_rate": user_rate,
        "_sinr": sinr_all,
    }


KPIS = ["peak_rate_bps", "user_experienced_rate_bps", "mean_user_rate_bps",
        "area_traffic_capacity_bps_per_m2", "sinr_mean_db", "sinr_p5_db", "los_fraction",
        "atmospheric_db_per_km"]


def study(bands: list[str], n_drops: int, seed: int, ues_per_ap: int,
          humidities: list[float]) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    """Runs, summary (mean and 95 % CI per band) and per-UE samples."""
    rows, samples = [], {}
    for b in bands:
        for h in humidities:
            # common random numbers: the same drops for every humidity of a band, so the
            # humidity comparison is not blurred by drop noise
            ss = np.random.SeedSequence(seed, spawn_key=(list(BANDS).index(b),))
            rates, sinrs = [], []
            for r, child in enumerate(ss.spawn(n_drops)):
                k = drop(BANDS[b], np.random.default_rng(child), ues_per_ap,
                         water_vapour_g_m3=h)
                rates.append(k.pop("_user_rate"))
                sinrs.append(k.pop("_sinr"))
                rows.append({"band": b, "water_vapour_g_m3": h, "drop": r, **k})
            samples[(b, h)] = (np.concatenate(rates), np.concatenate(sinrs))
    runs = pd.DataFrame(rows)
    summ = []
    for (b, h), g in runs.groupby(["band", "water_vapour_g_m3"]):
        for k in KPIS:
            mu, hw = mean_ci(g[k].to_numpy())
            summ.append({"band": b, "water_vapour_g_m3": h, "kpi": k, "n": len(g),
                         "mean": mu, "half_width": hw})
    return runs, pd.DataFrame(summ), samples


def verdicts(summary: pd.DataFrame) -> dict:
    """Verdicts of the imt2030 / imt2030_upper presets per band (M.2160-0 5.2)."""
    tl = expand([TargetSpec(preset="imt2030"), TargetSpec(preset="imt2030_upper")])
    out, text = {}, []
    for (b, h), g in summary.groupby(["band", "water_vapour_g_m3"]):
        kp = dict(zip(g["kpi"], g["mean"]))
        ci = {k: (hw, n) for k, hw, n in zip(g["kpi"], g["half_width"], g["n"])}
        vs = evaluate(tl, kp, ci)
        key = f"{b}@{h:g}gm3"
        out[key] = [{"target": v.target.name, "kpi": v.target.kpi, "limit": v.target.value,
                     "value": v.value, "half_width": v.ci_half_width, "status": v.status,
                     "confident": v.confident, "source": v.target.source} for v in vs]
        text.append(format_verdicts(vs, title=f"{b}, water vapour {h:g} g/m^3"))
    return {"verdicts": out, "text": "\n\n".join(text)}


def plot(samples: dict, path: str) -> None:
    """CDF of user rates per band, with the IMT-2030 user-experienced-rate range."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from netsim.experiment.plots import STYLE

    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(7, 4.5))
        for (b, h), (rates, _) in sorted(samples.items()):
            x = np.sort(rates) / 1e9
            ax.plot(x, np.arange(1, x.size + 1) / x.size, label=f"{b}, {h:g} g/m^3")
        ax.axvspan(0.3, 0.5, color="0.85", label="IMT-2030 user-exp. rate 0.3-0.5 Gb/s")
        ax.axhline(0.05, color="k", ls=":", lw=1)
        ax.set_xscale("log")
        ax.set_xlabel("user rate (Gb/s)")
        ax.set_ylabel("CDF")
        ax.set_title("Sub-THz InH hotspot, full buffer, round robin")
        ax.legend(fontsize=8)
        fig.tight_layout()
        fig.savefig(path, dpi=120)
        plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--full", action="store_true", help="40 drops, 7.5 and 15 g/m^3")
    ap.add_argument("--drops", type=int, default=None)
    ap.add_argument("--ues-per-ap", type=int, default=10)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--band", action="append", choices=list(BANDS))
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "results"))
    ap.add_argument("--no-plot", action="store_true")
    a = ap.parse_args(argv)
    n_drops = a.drops or (40 if a.full else 5)
    hums = [7.5, 15.0] if a.full else [7.5]
    runs, summary, samples = study(a.band or list(BANDS), n_drops, a.seed, a.ues_per_ap, hums)
    os.makedirs(a.out, exist_ok=True)
    runs.to_csv(os.path.join(a.out, "runs.csv"), index=False)
    summary.to_csv(os.path.join(a.out, "summary.csv"), index=False)
    v = verdicts(summary)
    with open(os.path.join(a.out, "kpis.json"), "w", encoding="utf-8") as fh:
        json.dump({"summary": summary.to_dict(orient="records"),
                   "verdicts": v["verdicts"]}, fh, indent=2)
    if not a.no_plot:
        plot(samples, os.path.join(a.out, "user_rate_cdf.png"))
    with pd.option_context("display.width", 160):
        print(summary.to_string(index=False))
    print(v["text"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
