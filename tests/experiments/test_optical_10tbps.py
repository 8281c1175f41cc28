"""Scenario 4 (issue 8): the 10 Tb/s fibre-capacity study and the cell-aggregation scenario.

Outside numbers checked:
- channel counts of the C and L bands (GNPy 3.0.1 band edges 191.3-196.1 THz and
  186.1-190.9 THz, 4.8 THz each; ITU-T G.694.1 flexible grid): 96 channels at 50 GHz,
  64 at 75 GHz per band;
- the closed-form GN optimum (Poggiolini, J. Lightw. Technol. 32(4), 2014, eq. 41-43): at
  the optimum launch power P_NLI = P_ASE / 2, so GSNR = SNR_ASE / 1.5, with the ASE power
  worked by hand (N NF h nu G R_s) and the Shannon bound 2 R_s log2(1 + GSNR) from it;
- the net rate of a fibre whose channels all run DP-QPSK with 7 % HD-FEC (G.975.1 I.9,
  overhead 255/239 - 1): 96 x 2 pol x 2 bit x 32 GBd x 239/255 = 11.517 Tb/s;
- the transparent-span law of the incoherent GN model at a fixed launch power
  (Poggiolini 2014, eq. 120 and clause 9): GSNR(N) = GSNR(1) / N, so 5 -> 25 spans
  costs 10 log10(5) = 6.990 dB;
- the probe latency of the aggregation scenario from fibre length x group index 1.4682
  (4.8974 us/km) plus the link delays;
- the lightpath net rates of DP-64QAM/32QAM/16QAM at 64 GBd with 7 % HD-FEC.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest

from netsim.errors import ParameterError, ScenarioError
from netsim.experiment.run import run_scenario
from netsim.experiment.scenario import load_scenario, parse_scenario
from netsim.experiment.yamlio import load_yaml
from netsim.optical.fibre_capacity_study import fibre_capacity

ROOT = Path(__file__).resolve().parents[2]
EXP = ROOT / "experiments" / "optical_10tbps"
YAML = EXP / "fibre_capacity.yaml"
PLANCK_J_S = 6.62607015e-34  # exact (SI 2019)


@pytest.fixture(scope="module")
def short_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("opt10t")
    return run_scenario(load_scenario(YAML), str(out)), out


def test_band_channel_counts():
    from netsim.optical.channel_plan import ChannelPlan

    # 4.8 THz / 50 GHz = 96 ; 4.8 THz / 75 GHz = 64 (per band)
    assert ChannelPlan.for_bands("C", 50e9, 32e9).n_channels == 96
    assert ChannelPlan.for_bands(("L", "C"), 50e9, 32e9).n_channels == 192
    assert ChannelPlan.for_bands("C", 75e9, 64e9).n_channels == 64
    assert ChannelPlan.for_bands(("L", "C"), 75e9, 64e9).n_channels == 128


def test_short_yaml_runs_and_verdicts_parse(short_run):
    res, out = short_run
    assert res.verdicts and {v.status for v in res.verdicts} <= {"pass", "fail"}
    saved = json.loads((out / "kpis.json").read_text())
    assert [t["status"] for t in saved["targets"]] == [v.status for v in res.verdicts]
    assert saved["targets"][0]["kpi"] == "fibre_capacity_bps"
    # 2000 km / 80 km = 25 spans; 64 channels of 64 GBd on 75 GHz in the C band
    assert res.kpis["fibre_n_spans"] == 25 and res.kpis["fibre_n_channels"] == 64
    assert (out / "fibre_channels.csv").is_file() and (out / "fibre_formats.csv").is_file()
    # the verdict agrees with the KPI it judges
    ok = res.kpis["fibre_capacity_bps"] >= 1e13
    assert res.verdicts[0].status == ("pass" if ok else "fail")
    assert res.kpis["fibre_carries_target"] == float(ok)
    assert res.kpis["fibre_shannon_rate_bps"] >= res.kpis["fibre_capacity_bps"]


def test_gsnr_at_closed_form_optimum_by_hand(short_run):
    res, _ = short_run
    ch = res.tables["fibre_channels"].iloc[64 // 2]   # the channel whose optimum is used
    # ASE power over R_s of 25 transparent 80 km spans (EDFA gain = span loss, ASE =
    # NF h nu G B per amplifier, as GNPy): nu = 193.7375 THz (channel 32 of the C plan,
    # 191.3 THz + 37.5 GHz + 32 x 75 GHz), h nu = 1.28372e-19 J, x 64e9 Bd = 8.2158e-9,
    # x NF 10^0.55 = 3.5481 -> 2.9151e-8, x G 10^1.6 = 39.811 -> 1.16053e-6,
    # x 25 spans = 2.9013e-5 W = -15.374 dBm.
    assert ch["center_freq_hz"] == pytest.approx(191.3e12 + 37.5e9 + 32 * 75e9, rel=1e-12)
    p_ase_w = 25 * 10**0.55 * PLANCK_J_S * ch["center_freq_hz"] * 10**1.6 * 64e9
    assert 10 * math.log10(p_ase_w * 1e3) == pytest.approx(-15.374, abs=1e-3)
    # at the closed-form optimum P_NLI = P_ASE / 2 (Poggiolini 2014 eq. 42), so
    # GSNR = P / (1.5 P_ASE): with P = 0.697 dBm, SNR_ASE = 16.071 dB, GSNR = 14.310 dB.
    # The identity holds whatever eta is, so the launch power is read from the run.
    p_w = 10 ** (ch["launch_power_dbm"] / 10) / 1e3
    gsnr_hand = p_w / (1.5 * p_ase_w)
    assert ch["gsnr_db"] == pytest.approx(10 * math.log10(gsnr_hand), abs=1e-9)
    # Shannon bound of the channel, two polarisations: 2 x 64e9 x log2(1 + 26.98) = 615.2 Gb/s
    assert ch["shannon_rate_bps"] == pytest.approx(2 * 64e9 * math.log2(1 + gsnr_hand),
                                                   rel=1e-12)


def test_all_qpsk_fibre_rate():
    # 4000 km of 80 km spans, C band, 32 GBd: every channel closes DP-QPSK only
    fc = fibre_capacity(80.0, 4000.0, "C", 32e9, 50e9, margin_db=1.0)
    assert fc.result.format_counts() == {"DP-QPSK": 96}
    # 96 x 4 bit x 32e9 Bd x 239/255 = 11.5170 Tb/s (hand arithmetic)
    expected = 96 * 4 * 32e9 * 239 / 255
    assert fc.net_rate_bps == pytest.approx(expected, rel=1e-9)
    row = fc.formats.set_index("format").loc["DP-QPSK"]
    assert row["fixed_fibre_rate_bps"] == pytest.approx(expected, rel=1e-9)


def test_gsnr_span_scaling_and_reach():
    g = {n: fibre_capacity(80.0, 80.0 * n, "C", 32e9, 50e9).result.gsnr_db.min()
         for n in (5, 25)}
    # 5 -> 25 spans: GSNR ratio 5 = 6.990 dB. The launch power is the closed-form optimum,
    # independent of N for identical spans (ASE and NLI both scale with N), so the law
    # holds exactly; 1e-6 dB allows float rounding only.
    assert g[5] - g[25] == pytest.approx(10 * math.log10(5), abs=1e-6)
    # the reach KPI (from GSNR(1)/N) agrees with full evaluations one span either side
    fc = fibre_capacity(100.0, 1000.0, "C+L", 64e9, 75e9, margin_db=1.0)
    n = int(fc.reach_km_at_target / 100.0)
    assert n >= 1
    assert fibre_capacity(100.0, 100.0 * n, "C+L", 64e9, 75e9, 1.0).carries_target
    assert not fibre_capacity(100.0, 100.0 * (n + 1), "C+L", 64e9, 75e9, 1.0).carries_target


def test_sweep_short_grid(tmp_path):
    from netsim.experiment.sweep import run_sweep

    res = run_sweep(str(YAML), str(tmp_path), jobs=1, progress=False,
                    params={"fibre_capacity.span_length_km": [80.0],
                            "fibre_capacity.length_km": [400.0, 8000.0],
                            "fibre_capacity.band": ["C"],
                            "fibre_capacity.channel_plan": ["64GBd/75GHz"],
                            "fibre_capacity.margin_db": [1.0]})
    t = pd.read_csv(tmp_path / "targets.csv")
    st = dict(zip(t["fibre_capacity.length_km"], t["status"]))
    # 400 km = 5 spans closes DP-32QAM or better on every channel (>= 64 x 599.8 Gb/s);
    # 8000 km = 100 spans closes nothing with 1 dB margin (6000 km is the QPSK reach)
    assert st == {400.0: "pass", 8000.0: "fail"}
    assert len(res.runs) == 2


def _raw(**fc):
    raw = load_yaml(str(YAML))
    raw.pop("sweep")
    raw["fibre_capacity"] = {**raw["fibre_capacity"], **fc}
    return raw


@pytest.mark.parametrize("field, value", [("span_length_km", 500.0),
                                          ("span_length_km", 0.0),
                                          ("length_km", -1.0),
                                          ("channel_plan", "64GBd/50GHz"),
                                          ("band", "S"),
                                          ("colour", "blue")])
def test_bad_input_names_the_field(field, value):
    with pytest.raises(ScenarioError, match=rf"fibre_capacity\.{field}"):
        parse_scenario(_raw(**{field: value}))


def test_bad_input_library():
    with pytest.raises(ParameterError) as e:
        fibre_capacity(span_length_km=250.0, length_km=1000.0)
    assert e.value.field == "span_length_km" and "200" in e.value.allowed
    with pytest.raises(ParameterError) as e:
        fibre_capacity(span_length_km=80.0, length_km=1000.0, band="S")
    assert e.value.field == "band"


def test_aggregation_scenario_short_run(tmp_path):
    scn = load_scenario(str(EXP / "aggregation.yaml"))
    res = run_scenario(scn, str(tmp_path))
    assert res.verdicts and {v.status for v in res.verdicts} <= {"pass", "fail"}
    saved = json.loads((tmp_path / "kpis.json").read_text())
    assert {t["status"] for t in saved["targets"]} <= {"pass", "fail"}
    # one-way probe latency over HUB3: 1200 km x 4.8974 us/km (c / 1.4682) = 5876.9 us,
    # + 2 x 5 us ROADM add/drop + 50 us cell link + 1 us CORE-dc = 5937.9 us, plus the
    # serialisation of 1250 B = 10,000 bit per hop. Hybrid coupling (fluid.packet_share
    # = 0.01, docs/core.md): on a link busy with flows a probe is serialised at the 1 %
    # the flows leave: 10,000 / (0.01 x 100e9) = 10 us on the 100 GbE cell link,
    # 10,000 / (0.01 R) on the HUB3 lightpath of rate R, 10,000 / (0.01 x 1.6e12) = 0.625
    # us on the CORE-dc port; idle, the same at the full rates (< 0.2 us in all).
    c_km_per_s = 299_792.458
    hand_s = 1200 / (c_km_per_s / 1.4682) + 10e-6 + 50e-6 + 1e-6
    lp = res.tables["optical_lightpaths"].set_index("lightpath")
    r_hub3 = float(lp.loc["hub3-core", "rate_bps"])
    busy_s = 1e4 / (0.01 * 100e9) + 1e4 / (0.01 * r_hub3) + 1e4 / (0.01 * 1.6e12)
    p99 = res.kpis["latency_p99_s@probe_hub3"]
    assert hand_s - 1e-6 <= p99 <= hand_s + busy_s + 1e-6
    # the 20 Gb/s of flows offered per cell keep the cell link busy well over 1 % of the
    # time, so the p99 probe sees at least the busy cell link's 10 us (uncoupled: 0.1 us)
    assert p99 >= hand_s + 9e-6
    # net rates of 64 GBd DP formats, 7 % HD-FEC: bits/symbol x 64e9 x 239/255
    table = {"DP-64QAM": 12, "DP-32QAM": 10, "DP-16QAM": 8, "DP-8QAM": 6, "DP-QPSK": 4}
    for _, row in lp.iterrows():
        assert row["rate_bps"] == pytest.approx(table[row["modulation"]] * 64e9 * 239 / 255,
                                                rel=1e-9)
    assert res.kpis["fluid_flows_completed"] > 100
