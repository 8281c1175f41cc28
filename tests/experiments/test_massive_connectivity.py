"""Scenario 6 (issue 8): M.2412 connection density with an analytical access model.

Outside numbers checked:
- the connection-density closed form: a TRxP of a 3-sector hexagonal site with ISD
  500 m covers (sqrt(3)/2) 0.5^2 / 3 = 0.0721688 km^2, so 1e6 devices/km^2 is 72,169
  devices per TRxP, each sending a packet every 7200 s (M.2412-0 7.1.3): 10.023 packets/s;
- slotted ALOHA (Roberts 1975): a preamble carries a success with probability
  exp(-G/M) per attempt; the per-preamble throughput G e^{-G} peaks at 1/e for G = 1;
- the retransmission fixed point lambda_a = lambda sum_{k<K} (1 - p)^k (TR 37.868 Annex B
  style), checked by substitution, and with K = 1 lambda_a = lambda exactly;
- the Pollaczek-Khinchine mean wait of an M/D/1 queue, rho S / (2 (1 - rho)).
"""

from __future__ import annotations

import importlib.util
import json
import math
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]
EXP = ROOT / "experiments" / "massive_connectivity"


@pytest.fixture(scope="module")
def mod():
    spec = importlib.util.spec_from_file_location("exp_mmtc", EXP / "run.py")
    m = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = m            # dataclasses resolve annotations through it
    spec.loader.exec_module(m)
    return m


def test_connection_density_closed_form(mod):
    area = mod.trxp_area_km2(500.0)
    assert area == pytest.approx(math.sqrt(3) / 2 * 0.25 / 3, rel=1e-12)   # 0.0721688
    cfg = mod.CONFIGS["nbiot_1carrier"]
    snr = np.full(100, 20.0)
    r = mod.evaluate_density(1e6, cfg, snr)
    assert r["devices_per_trxp"] == pytest.approx(72168.78, rel=1e-6)
    assert r["packets_per_s"] == pytest.approx(72168.78 / 7200.0, rel=1e-6)  # 10.023 /s


def test_slotted_aloha_closed_forms(mod):
    assert mod.slotted_aloha_success(48.0, 48) == pytest.approx(math.exp(-1.0))
    g = np.linspace(0.05, 4.0, 800)
    thr = g * mod.slotted_aloha_success(g, 1)
    assert thr.max() == pytest.approx(1 / math.e, rel=1e-4)
    assert g[np.argmax(thr)] == pytest.approx(1.0, abs=0.01)


def test_access_fixed_point(mod):
    cfg = mod.CONFIGS["nbiot_1carrier"]
    lam = 300.0
    p, la = mod.access_fixed_point(lam, cfg)
    occ = cfg.n_carriers / cfg.rach_period_s
    assert p == pytest.approx(math.exp(-la / occ / cfg.preambles_per_occasion), rel=1e-9)
    assert la == pytest.approx(lam * (1 - (1 - p) ** cfg.max_attempts) / p, rel=1e-9)
    p1, la1 = mod.access_fixed_point(lam, replace(cfg, max_attempts=1))
    assert la1 == pytest.approx(lam)
    # one attempt only: G = 300 x 0.04 / 48 = 0.25 -> p = exp(-0.25) = 0.7788
    assert p1 == pytest.approx(math.exp(-0.25), rel=1e-9)


def test_md1_wait(mod):
    cfg = mod.CONFIGS["nbiot_1carrier"]
    snr = np.full(10, 30.0)           # constant SNR -> deterministic service (M/D/1)
    r = mod.evaluate_density(3e7, cfg, snr)
    bits = 8 * (32 + cfg.overhead_bytes)
    se = min(0.6 * math.log2(1 + 1e3), cfg.se_max_b_per_hz)
    rach_share = cfg.rach_bandwidth_fraction * cfg.preamble_duration_s / cfg.rach_period_s
    s = bits / (15e3 * se) / (12 * (1 - rach_share))
    rho = r["packets_per_s"] * s
    assert r["data_load"] == pytest.approx(rho, rel=1e-9)
    assert r["mean_wait_s"] == pytest.approx(rho * s / (2 * (1 - rho)), rel=1e-9)


def test_short_run_verdicts_parse(mod, tmp_path):
    assert mod.main(["--out", str(tmp_path), "--no-plot"]) == 0
    k = json.loads((tmp_path / "kpis.json").read_text())
    assert set(k["verdicts"]) == set(mod.CONFIGS)
    for v in k["verdicts"].values():
        assert {t["status"] for t in v["verdicts"]} <= {"pass", "fail"}
        assert v["connection_density_per_km2"] in mod.SHORT_DENSITIES + [0.0]
        # a verdict is consistent with its number: 1e6 passes iff density >= 1e6
        imt2020 = [t for t in v["verdicts"] if t["target"].startswith("imt2020_mmtc")][0]
        assert (imt2020["status"] == "pass") == (v["connection_density_per_km2"] >= 1e6)
    # more carriers never support fewer devices
    d = {n: v["connection_density_per_km2"] for n, v in k["verdicts"].items()}
    assert d["nbiot_1carrier"] <= d["nbiot_10carriers"] <= d["wideband_50carriers"]
