"""Scenario 5 (issue 8): the 140 / 300 GHz indoor hotspot against IMT-2030.

Outside numbers checked:
- ITU-R P.676-13 specific attenuation: the ITU-R SG3 validation example at 130 GHz
  (CG-3M3J-13-ValEx-Rev8.3.0, sheet "P.676-13 SpAtt": 0.793353787599523 dB/km) and the
  standard-atmosphere curve of P.676-13 Fig. 1 read at 140 and 300 GHz (about 1 and about
  5 dB/km; figure-reading tolerance below), and that 140 GHz sits in the window where
  water vapour, not oxygen, dominates;
- TR 38.901 Table 7.4.1-1 InH-Office LOS formula evaluated by hand beyond 100 GHz with
  the extrapolation flag (and the error without it);
- the array gain of an N-element UPA on a DFT grid direction, 10 log10(N);
- TR 36.942 Annex A.1 attenuated Shannon at chosen SINRs and the TS 38.306 4.1.2 cap
  (8 x 948/1024 b/s/Hz, OH = 0.18), which bounds the peak rate:
  2 layers x 8 GHz x 0.82 x 7.40625 = 97.17 Gb/s at 140 GHz.
"""

from __future__ import annotations

import importlib.util
import json
import math
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]
EXP = ROOT / "experiments" / "subthz_hotspot"


def _load():
    spec = importlib.util.spec_from_file_location("exp_subthz", EXP / "run.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod          # dataclasses resolve annotations through it
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def mod():
    return _load()


def test_p676_absorption_at_sub_thz():
    from netsim.radio.atmosphere import (
        gaseous_attenuation_db_per_km,
        oxygen_attenuation_db_per_km,
        water_vapour_attenuation_db_per_km,
    )

    # ITU-R validation example, 130 GHz, 1013.25 hPa, 15 C, 7.5 g/m^3 (printed value)
    assert gaseous_attenuation_db_per_km(130e9) == pytest.approx(0.793353787599523, rel=1e-8)
    # P.676-13 Fig. 1 (curve A, 7.5 g/m^3), read by eye on its log axis: ~1 dB/km at
    # 140 GHz, ~5 dB/km at 300 GHz. A figure reading on a log scale is good to about a
    # factor 1.5, which is the tolerance.
    g140 = gaseous_attenuation_db_per_km(140e9)
    g300 = gaseous_attenuation_db_per_km(300e9)
    assert 1.0 / 1.5 < g140 < 1.0 * 1.5
    assert 5.0 / 1.5 < g300 < 5.0 * 1.5
    # in the 140 GHz window water vapour dominates oxygen (P.676-13 Fig. 1, curve B dry
    # air is ~0.02 dB/km there)
    assert water_vapour_attenuation_db_per_km(140e9) > 10 * oxygen_attenuation_db_per_km(140e9)
    # over a 20 m indoor link the gaseous loss is below 0.02 dB at 140 GHz, ~0.1 dB at 300
    assert g140 * 0.02 < 0.03 and g300 * 0.02 < 0.2


def test_inh_extrapolated_path_loss():
    from netsim.errors import ValidityRangeError
    from netsim.radio.tr38901.pathloss import path_loss_db

    # InH-Office LOS: PL = 32.4 + 17.3 log10(d3D) + 20 log10(fc_GHz)
    # d2D = sqrt(10^2 - 2^2) so d3D = 10 m (hBS 3, hUT 1): 32.4 + 17.3 + 20 log10(140)
    d2d = math.sqrt(100.0 - 4.0)
    hand = 32.4 + 17.3 + 20 * math.log10(140.0)        # = 92.62 dB
    got = path_loss_db("InH", d2d, 140e9, 3.0, 1.0, True, allow_extrapolation=True)
    assert got == pytest.approx(hand, abs=1e-9)
    with pytest.raises(ValidityRangeError):
        path_loss_db("InH", d2d, 140e9, 3.0, 1.0, True)


def test_dft_beam_gain_closed_form(mod):
    from netsim.radio.antenna import beamforming_gain_db, dft_codebook, upa_steering_vectors

    # a UE straight below the ceiling panel at x offset 0: u = dx/d = 0, v = dy/d = 0
    th, ph = mod._panel_angles(np.array([0.0]), np.array([0.0]), np.array([-2.0]))
    assert th[0] == pytest.approx(90.0) and ph[0] == pytest.approx(0.0)  # boresight
    a = upa_steering_vectors(16, 16, th, ph)
    g, _ = beamforming_gain_db(dft_codebook(16, 16), a)
    assert g[0] == pytest.approx(10 * math.log10(256), abs=1e-9)        # 24.08 dB


def test_attenuated_shannon_points(mod):
    se_max, oh = mod._se_max_and_overhead()
    assert se_max == pytest.approx(8 * 948 / 1024) and oh == pytest.approx(0.18)
    se = mod.attenuated_shannon_se(np.array([20.0, -11.0, 60.0]), se_max)
    # 0.6 log2(1 + 100) = 0.6 x 6.6582 = 3.9949 ; below -10 dB: 0 ; 60 dB: capped
    assert se[0] == pytest.approx(0.6 * math.log2(101.0), rel=1e-12)
    assert se[1] == 0.0 and se[2] == pytest.approx(7.40625)


def test_short_run_verdicts_parse(mod, tmp_path):
    assert mod.main(["--drops", "2", "--ues-per-ap", "4", "--out", str(tmp_path),
                     "--no-plot"]) == 0
    k = json.loads((tmp_path / "kpis.json").read_text())
    assert set(k["verdicts"]) == {"140GHz@7.5gm3", "300GHz@7.5gm3"}
    for vs in k["verdicts"].values():
        st = {v["kpi"]: v["status"] for v in vs}
        assert set(st.values()) <= {"pass", "fail", "n/a"}
        for kpi in ("peak_rate_bps", "user_experienced_rate_bps",
                    "area_traffic_capacity_bps_per_m2"):
            assert st[kpi] in ("pass", "fail")
        assert st["connection_density_per_km2"] == "n/a"
    s = {(r["band"], r["kpi"]): r["mean"] for r in k["summary"]}
    # peak bounded by layers x B x (1 - OH) x SE_max: 2 x 8e9 x 0.82 x 7.40625 = 97.17e9
    cap140 = 2 * 8e9 * 0.82 * 7.40625
    cap300 = 2 * 16e9 * 0.82 * 7.40625
    assert s[("140GHz", "peak_rate_bps")] <= cap140 * (1 + 1e-12)
    assert s[("300GHz", "peak_rate_bps")] <= cap300 * (1 + 1e-12)
    # a UE a few metres from an AP in LOS has SINR far above the 37 dB needed for the cap
    assert s[("140GHz", "peak_rate_bps")] == pytest.approx(cap140, rel=1e-9)
    assert s[("140GHz", "user_experienced_rate_bps")] < s[("140GHz", "mean_user_rate_bps")]
