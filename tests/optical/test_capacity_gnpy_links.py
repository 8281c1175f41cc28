"""Link capacity (GSNR -> format -> net rate) on the GNPy reference links.

Outside numbers: GNPy 3.0.1's GSNR per channel (``tests/data/gnpy/gnpy_reference.json``,
see ``test_gnpy_gn_model_reference.py``) and hand arithmetic of the net rates
(``2 log2(M) R_s / (1 + 16/239)``, 7 % HD-FEC, ITU-T G.975.1 App. I.9).
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest

from netsim.errors import ParameterError
from netsim.optical.amplifier import Edfa
from netsim.optical.capacity import capacity, max_reach_spans
from netsim.optical.channel_plan import ChannelPlan
from netsim.optical.fiber import FiberSpan, Link
from netsim.optical.transceiver import Transceiver

REF = json.loads((Path(__file__).parents[1] / "data" / "gnpy" / "gnpy_reference.json").read_text())


def _case(plan, n_spans, p_dbm):
    return next(c for c in REF["cases"] if c["plan"] == plan and c["n_spans"] == n_spans
                and c["launch_power_dbm"] == p_dbm)


@pytest.mark.parametrize(
    "n_spans,p_dbm,fmt,bits",
    [(1, -2.0, "DP-64QAM", 12), (5, -2.0, "DP-64QAM", 12), (20, -2.0, "DP-16QAM", 8)],
)
def test_c_band_capacity_matches_gnpy_gsnr_and_hand_total(n_spans, p_dbm, fmt, bits):
    # GNPy's GSNR puts every one of the 96 channels (32 GBd, 50 GHz) in the same format
    # as netsim; total = 96 x bits x 32e9 x 239/255 (1 span: 34.55 Tb/s; 20 spans: 23.03 Tb/s)
    c = _case("32GBd_50GHz", n_spans, p_dbm)
    t = Transceiver()
    assert set(t.format_names(np.asarray(c["gsnr_db"]))) == {fmt}
    plan = ChannelPlan(c["frequency_hz"], c["symbol_rate_baud"], c["spacing_hz"])
    res = capacity(Link.uniform(n_spans), plan, p_dbm, t)
    assert res.format_counts() == {fmt: 96}
    assert res.total_rate_bps == pytest.approx(96 * bits * 32e9 * 239 / 255, rel=1e-12)
    assert res.carries(10e12)


def test_shannon_rate_by_hand():
    # one channel at 32 GBd: 2 x 32e9 x log2(1 + GSNR)
    plan = ChannelPlan([193.4e12], 32e9, 50e9)
    res = capacity(Link.uniform(3), plan, 0.0)
    g = 10 ** (res.gsnr_db[0] / 10)
    assert res.shannon_rate_bps[0] == pytest.approx(2 * 32e9 * math.log2(1 + g))
    df = res.to_dataframe()
    assert list(df.columns)[:3] == ["center_freq_hz", "launch_power_dbm", "gsnr_db"]


@pytest.mark.parametrize("plan_name,p_dbm", [("32GBd_50GHz", -2.0), ("64GBd_75GHz", 0.0)])
def test_max_reach_agrees_with_gnpy(plan_name, p_dbm):
    # reach from GNPy's 1-span GSNR (worst channel), N = floor(10^((G1 - thr)/10)),
    # which GNPy's own 5- and 20-span results confirm (GSNR(N) = GSNR(1) - 10 log10 N
    # to 0.02 dB at this power); netsim's reach may differ by one span where a
    # threshold falls within netsim's 0.01 dB offset from GNPy at this power.
    c1 = _case(plan_name, 1, p_dbm)
    g1 = min(c1["gsnr_db"])
    c20 = _case(plan_name, 20, p_dbm)
    assert min(c20["gsnr_db"]) == pytest.approx(g1 - 10 * math.log10(20), abs=0.1)
    plan = ChannelPlan(c1["frequency_hz"], c1["symbol_rate_baud"], c1["spacing_hz"])
    t = Transceiver()
    ours = max_reach_spans(FiberSpan(80.0), plan, p_dbm, t)
    for m, thr in zip(t.formats, t.thresholds_db):
        n_gnpy = math.floor(10 ** ((g1 - thr) / 10))
        assert abs(ours[m.name] - n_gnpy) <= max(1, 0.01 * n_gnpy)


def test_ten_tbps_question_c_plus_l():
    # C+L (192 x 32 GBd at 50 GHz): at 20 spans (1600 km) every channel closes DP-16QAM
    # (GNPy: 20-span C-band GSNR >= 15.65 dB at -2 dBm, threshold 15.19 dB),
    # 192 x 8 x 32e9 x 239/255 = 46.07 Tb/s >= 10 Tb/s
    plan = ChannelPlan.for_bands(("L", "C"), 50e9, 32e9)
    res = capacity(Link.uniform(20), plan, -2.0)
    assert res.format_counts() == {"DP-16QAM": 192}
    assert res.total_rate_bps == pytest.approx(192 * 8 * 32e9 * 239 / 255)
    assert res.carries(10e12) and not res.carries(50e12)


def test_reach_needs_transparent_spans():
    with pytest.raises(ParameterError):
        max_reach_spans(FiberSpan(80.0, amplifier=Edfa(gain_db=10.0)),
                        ChannelPlan.for_bands("C", 50e9, 32e9), 0.0)
