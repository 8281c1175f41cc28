"""``radio.doppler`` in the radio segment: the SINR of a moving UE falls by the OFDM ICI
of its speed (Li and Cimini, IEEE Trans. Commun. 49(3) 2001; netsim.radio.doppler).

Outside numbers: at 500 km/h and 3.5 GHz, f_d = 138.889 x 3.5e9 / 299792458 = 1621.49 Hz;
with mu = 1 (SCS 30 kHz, TS 38.211 Table 4.2-1) f_d T = 0.054050. The ICI power is the
Li-Cimini integral, evaluated here with scipy.integrate.quad (~ (2 pi f_d T)^2 / 24 =
0.004805 by the series, exact 0.004792). The SINR with ICI as noise is
(1 - P) g / (1 + P g) for the SINR g of the same run without Doppler.
"""

from __future__ import annotations

import copy

import numpy as np
import pytest
from scipy.integrate import quad
from scipy.special import j0

from netsim.experiment.build import build
from netsim.experiment.scenario import parse_scenario

FD_T = (500 / 3.6) * 3.5e9 / 299_792_458.0 / 30e3  # 0.054050

BASE = {
    "name": "doppler-ran",
    "seed": 3,
    "run": {"duration_s": 0.1},
    "nodes": [{"name": "core"}, {"name": "srv"}],
    "links": [{"a": "core", "b": "srv", "rate_bps": 1e10, "delay_s": 1e-4}],
    "radio": {
        "carrier_hz": 3.5e9, "bandwidth_hz": 20e6, "numerology": 1, "scenario": "RMa",
        "los": "los", "shadow_fading": False,
        "layout": {"type": "explicit", "sites": [{"name": "gnb0", "x_m": 0.0, "y_m": 0.0},
                                                 {"name": "gnb1", "x_m": 2000.0, "y_m": 0.0}]},
        "gnb": {"height_m": 35.0},
        "ue": {"count": 2, "positions_m": [[300.0, 50.0], [400.0, -50.0]], "height_m": 3.0},
        # ue0 moves at 500 km/h, ue1 is held still by a zero speed of its own below
        "mobility": {"model": "linear", "speed_kmh": 500.0, "heading_deg": 0.0},
        "handover": {"enabled": False},
        "backhaul": {"node": "core"},
    },
    "traffic": [{"model": "cbr", "src": "srv", "dst": "ue0", "rate_bps": 1e5,
                 "packet_size_bytes": 100}],
}


def _ran(doppler: dict | None, until_s: float = 0.0):
    cfg = copy.deepcopy(BASE)
    if doppler is not None:
        cfg["radio"]["doppler"] = doppler
    ctx = build(parse_scenario(cfg))
    ran = ctx.state["radio"]
    ran.mobility.speed_m_s[1] = 0.0  # ue1 static (speeds are per UE in Mobility)
    if ran._ici_power is not None:  # speeds changed after build: recompute the ICI
        ran._ici_power = ran._doppler_ici(doppler.get("residual_cfo_fraction", 0.0))
    ran._link_quality()
    if until_s:
        ctx.sim.run(until_s=until_s)
    return ran


def _quad_ici(fd_t: float, eps: float = 0.0) -> float:
    val, _ = quad(lambda x: (1 - abs(x)) * j0(2 * np.pi * fd_t * x) * np.cos(2 * np.pi * eps * x),
                  -1.0, 1.0, points=[0.0], epsabs=1e-14)
    return 1.0 - val


def _expected_db(g_db, p):
    g = 10 ** (np.asarray(g_db) / 10)
    return 10 * np.log10((1 - p) * g / (1 + p * g))


@pytest.mark.parametrize("until_s", [0.0, 0.05])
def test_sinr_of_the_500_kmh_ue_falls_by_the_ici(until_s):
    off = _ran(None, until_s)
    on = _ran({"enabled": True}, until_s)
    p = _quad_ici(FD_T)
    assert p == pytest.approx(0.004792, rel=1e-3)
    # ue0 (moving): both directions follow (1 - P) g / (1 + P g)
    np.testing.assert_allclose(on.sinr_db[:, 0], _expected_db(off.sinr_db[:, 0], p), atol=1e-6)
    # uplink SNR ~ 24.9 dB at 300 m, near the ICI ceiling (1 - P) / P = 23.17 dB: the SINR
    # falls by 10 log10((1 + P g) / (1 - P)) ~ 4 dB
    assert off.sinr_db[1, 0] - on.sinr_db[1, 0] > 3.0
    assert on.sinr_db[1, 0] < 10 * np.log10((1 - p) / p)
    # ue1 (speed 0): unchanged
    np.testing.assert_allclose(on.sinr_db[:, 1], off.sinr_db[:, 1], atol=1e-12)
    # link adaptation follows: a lower or equal MCS where the SINR fell
    assert np.all(on.mcs[:, 0] <= off.mcs[:, 0])


def test_residual_offset_and_disabled_default():
    off = _ran(None)
    same = _ran({"enabled": False, "residual_cfo_fraction": 1.0})
    np.testing.assert_array_equal(same.sinr_db, off.sinr_db)
    cfo = _ran({"enabled": True, "residual_cfo_fraction": 1.0})
    # epsilon = 1 x f_d T: P = 1 - int (1-|x|) J0(2 pi a x) cos(2 pi a x) dx
    p = _quad_ici(FD_T, FD_T)
    np.testing.assert_allclose(cfo.sinr_db[:, 0], _expected_db(off.sinr_db[:, 0], p), atol=1e-6)
    # a pure offset of f_d T alone would give 1 - sinc^2(f_d T) ~ (pi f_d T)^2 / 3 = 0.00961;
    # the Jakes spread adds ~ (pi f_d T)^2 / 6: together ~ (pi f_d T)^2 / 2 = 0.01441 (second
    # order of the series; the fourth-order terms take ~1.1 % off at f_d T = 0.054)
    assert p == pytest.approx((np.pi * FD_T) ** 2 / 2, rel=0.02)
    assert p < (np.pi * FD_T) ** 2 / 2
