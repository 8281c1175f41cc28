"""Scenario 5 (issue 8): the 140 / 300 GHz indoor hotspot against IMT-2030.

Outside numbers checked:
- ITU-R P.676-13 specific attenuation: the ITU-R SG3 validation example at 130 GHz
  (CG-3M3J-13-ValEx-Rev8.3.0, sheet "P.676-13 SpAtt": 0.793353787599523 dB/km) and the
  standard-atmosphere curve of P.676-13 Fig. 1 read at 140 and 300 GHz (about 1 and about
  5 dB/km; figure-reading tolerance below), and that 140 GHz sits in the window where
  water vapour, not oxygen, dominates;
- free-space path loss (ITU-R P.525-4 eq. 2, FSPL = 32.45 + 20 log10 f_GHz + 20 log10 d_m
  - 60 for d in metres) against TR 38.901 Table 7.4.1-1 InH-Office LOS evaluated by hand
  beyond 100 GHz with the extrapolation flag (and the error without it), and the gaseous
  loss of a 10 m link added to it;
- the array gain of an N-element UPA on a DFT grid direction, 10 log10(N);
- TR 36.942 Annex A.1 attenuated Shannon at chosen SINRs and the TS 38.306 4.1.2 cap
  (8 x 948/1024 b/s/Hz, OH = 0.18), which bounds the peak rate:
  2 layers x 8 GHz x 0.82 x 7.40625 = 97.17 Gb/s at 140 GHz.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest

from netsim.errors import ParameterError, ScenarioError, ValidityRangeError
from netsim.experiment.run import run_scenario
from netsim.experiment.scenario import load_scenario, parse_scenario
from netsim.experiment.yamlio import load_yaml
from netsim.radio import hotspot_drop as hd

ROOT = Path(__file__).resolve().parents[2]
YAML = ROOT / "experiments" / "subthz_hotspot" / "scenario.yaml"
CAP_140_BPS = 2 * 8e9 * 0.82 * 7.40625      # = 97.17e9
CAP_300_BPS = 2 * 16e9 * 0.82 * 7.40625     # = 194.34e9


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


def test_inh_los_at_140ghz_is_free_space_like_plus_absorption():
    from netsim.radio.atmosphere import gaseous_attenuation_db_per_km
    from netsim.radio.tr38901.pathloss import path_loss_db

    # InH-Office LOS: PL = 32.4 + 17.3 log10(d3D) + 20 log10(fc_GHz).
    # d2D = sqrt(10^2 - 2^2) so d3D = 10 m (hBS 3, hUT 1): 32.4 + 17.3 + 42.923 = 92.623 dB
    d2d = math.sqrt(100.0 - 4.0)
    hand = 32.4 + 17.3 + 20 * math.log10(140.0)
    got = path_loss_db("InH", d2d, 140e9, 3.0, 1.0, True, allow_extrapolation=True)
    assert got == pytest.approx(hand, abs=1e-9)
    # free space (P.525-4): 32.45 + 20 log10(140000 MHz) + 20 log10(0.01 km)
    # = 32.45 + 102.923 - 40 = 95.373 dB; the InH LOS exponent 1.73 < 2 (waveguiding) makes
    # it 2.75 dB less at 10 m, and the two intercepts (1 m) agree within 0.05 dB
    fspl = 32.45 + 20 * math.log10(140e3) + 20 * math.log10(0.01)
    assert fspl - got == pytest.approx(2.75, abs=0.01)
    # over the 10 m link, P.676 absorption adds ~0.92 dB/km x 0.01 km = 0.009 dB
    assert gaseous_attenuation_db_per_km(140e9) * 0.01 < 0.015
    with pytest.raises(ValidityRangeError):
        path_loss_db("InH", d2d, 140e9, 3.0, 1.0, True)


def test_dft_beam_gain_closed_form():
    from netsim.radio.antenna import beamforming_gain_db, dft_codebook, upa_steering_vectors

    # a UE straight below the ceiling panel: u = dx/d = 0, v = dy/d = 0 -> boresight
    th, ph = hd.panel_angles(np.array([0.0]), np.array([0.0]), np.array([-2.0]))
    assert th[0] == pytest.approx(90.0) and ph[0] == pytest.approx(0.0)
    a = upa_steering_vectors(16, 16, th, ph)
    g, _ = beamforming_gain_db(dft_codebook(16, 16), a)
    assert g[0] == pytest.approx(10 * math.log10(256), abs=1e-9)        # 24.08 dB


def test_attenuated_shannon_points():
    se_max, oh = hd.se_max_and_overhead()
    assert se_max == pytest.approx(8 * 948 / 1024) and oh == pytest.approx(0.18)
    se = hd.attenuated_shannon_se(np.array([20.0, -11.0, 60.0]), se_max)
    # 0.6 log2(1 + 100) = 0.6 x 6.6582 = 3.9949 ; below -10 dB: 0 ; 60 dB: capped
    assert se[0] == pytest.approx(0.6 * math.log2(101.0), rel=1e-12)
    assert se[1] == 0.0 and se[2] == pytest.approx(7.40625)


def test_inh_layout_table():
    lay = hd.inh_office_layout()
    # TR 38.901 Table 7.2-2: 120 m x 50 m, 12 BSs at ISD 20 m, BS 3 m, UT 1 m
    assert (lay["room_x_m"], lay["room_y_m"]) == (120.0, 50.0)
    assert lay["ap_xy_m"].shape == (12, 2)
    assert np.diff(np.unique(lay["ap_xy_m"][:, 0])).tolist() == [20.0] * 5
    assert np.diff(np.unique(lay["ap_xy_m"][:, 1])).tolist() == [20.0]


@pytest.fixture(scope="module")
def short_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("subthz")
    return run_scenario(load_scenario(YAML), str(out)), out


def test_short_yaml_verdicts_parse(short_run):
    res, out = short_run
    st = {v.target.name: v.status for v in res.verdicts}
    assert set(st.values()) <= {"pass", "fail", "n/a"}
    for preset in ("imt2030", "imt2030_upper"):
        for kpi in ("peak_rate_bps", "user_experienced_rate_bps",
                    "area_traffic_capacity_bps_per_m2"):
            assert st[f"{preset}: {kpi}"] in ("pass", "fail")
        assert st[f"{preset}: connection_density_per_km2"] == "n/a"
    saved = json.loads((out / "kpis.json").read_text())
    assert {t["status"] for t in saved["targets"]} <= {"pass", "fail", "n/a"}
    users = res.tables["hotspot_users"]
    assert len(users) == 120 and (out / "hotspot_users.csv").is_file()
    k = res.kpis
    # peak bounded by layers x B x (1 - OH) x SE_max = 97.17 Gb/s; a UE a few metres from
    # an AP in LOS has SINR far above the 37 dB the cap needs, so the bound is reached
    assert k["peak_rate_bps"] == pytest.approx(CAP_140_BPS, rel=1e-9)
    assert k["user_experienced_rate_bps"] == pytest.approx(
        np.percentile(users["user_rate_bps"], 5), rel=1e-12)
    assert k["user_experienced_rate_bps"] < k["hotspot_mean_user_rate_bps"]
    # area capacity: sum of user rates over 6000 m^2
    assert k["area_traffic_capacity_bps_per_m2"] == pytest.approx(
        users["user_rate_bps"].sum() / 6000.0, rel=1e-12)


def test_replications_differ_by_seed():
    scn = load_scenario(YAML)
    rng_a = run_scenario(scn, seed=1).tables["hotspot_users"]["x_m"].to_numpy()
    rng_b = run_scenario(scn, seed=2).tables["hotspot_users"]["x_m"].to_numpy()
    assert not np.array_equal(rng_a, rng_b)


def test_300ghz_peak_cap_small_drop():
    band = hd.HotspotBand.preset("300GHz")
    d = hd.drop_hotspot(band, np.random.default_rng(3), ues_per_ap=2, n_slots=2)
    assert d.full_rate_bps.max() <= CAP_300_BPS * (1 + 1e-12)
    # round robin: a user's rate is its full rate over its AP's user count
    k = np.bincount(d.serving, minlength=12)[d.serving]
    assert np.allclose(d.user_rate_bps * k, d.full_rate_bps)


def _raw(**hs):
    raw = load_yaml(str(YAML))
    raw.pop("sweep")
    raw["hotspot"] = {**raw["hotspot"], **hs}
    return raw


@pytest.mark.parametrize("field, value", [("carrier_hz", 600e9), ("carrier_hz", 1e8),
                                          ("ues_per_ap", 0), ("water_vapour_g_m3", -1.0),
                                          ("band", "60GHz"), ("layers", 9),
                                          ("beam_width", 3)])
def test_bad_input_names_the_field(field, value):
    with pytest.raises(ScenarioError, match=rf"hotspot\.{field}"):
        parse_scenario(_raw(**{field: value}))


def test_bad_input_library():
    with pytest.raises(ValidityRangeError) as e:
        hd.HotspotBand(600e9, 8e9, 24.0, 10.0, (16, 16), 16)
    assert e.value.field == "carrier_hz" and "P.1238" in e.value.source
    with pytest.raises(ParameterError) as e:
        hd.drop_hotspot(hd.HotspotBand.preset("140GHz"), np.random.default_rng(0),
                        water_vapour_g_m3=-1.0)
    assert e.value.field == "water_vapour_g_m3"
