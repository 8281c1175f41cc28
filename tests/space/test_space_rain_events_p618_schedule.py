"""``space.rain_events``: a rain time series of ITU-R P.618-13 levels on the GSL budgets.

Outside numbers:
* the clear-sky CNR of a GSL is the TR 38.821 6.1.3.3 budget worked here by hand,
  ``CNR = EIRP + G/T - FSPL - 10 log10(k) - 10 log10(B)`` with TR 38.811 eq. (6.6-2)
  ``FSPL = 32.45 + 20 log10(f / 1 GHz) + 20 log10(d / 1 m)`` and Boltzmann's
  k = 1.380649e-23 J/K (SI 2019, exact), at the elevation and slant range the segment
  reports;
* rain lowers it by ``A_p``, the P.618-13 2.2.1.1 attenuation exceeded for p % of an
  average year (``netsim.space.itur_p618.rain_attenuation_db``, itself checked against
  the ITU-R validation examples in ``test_itur_p618_clause_2_2_1_1_rain.py``), so the
  Shannon rate (gap 0 dB) is ``B log2(1 + 10^((CNR - A_p) / 10))``: the SNR ratio of
  rain to clear sky is exactly ``10^(-A_p / 10)``;
* the level in force at epoch ``t = k epoch_s`` is the last step with ``at_s <= t``
  (worked below by hand for each epoch); before the first step the configured ``rain:``
  applies.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from netsim.errors import ParameterError, ScenarioError
from netsim.experiment.build import build
from netsim.experiment.scenario import parse_scenario

C_M_S = 299_792_458.0
K_DB = 10.0 * math.log10(1.380649e-23)  # -228.599 dBW/(K Hz)
# the segment's delays are range / c: range recovered to ~1e-9 relative; the rates then
# agree to float rounding of the different summation orders
REL_TOL = 1e-9

DL = {"model": "link_budget", "freq_hz": 2.0e10, "bandwidth_hz": 4.0e8, "eirp_dbw": 30.0,
      "g_over_t_db_per_k": 15.9}
UL = {"model": "link_budget", "freq_hz": 3.0e10, "bandwidth_hz": 4.0e8, "eirp_dbw": 46.2,
      "g_over_t_db_per_k": 13.0}
CLIMATE = {"rain_rate_001_mm_h": 40.0, "rain_height_km": 4.0}


def _scenario(events, configured_p=0.1, **over):
    space = {
        # 40 satellites at 550 km over the equator: one always above 25 deg at (0, 0)
        "constellation": {"walker": {"altitude_km": 550.0, "inclination_deg": 0.0,
                                     "planes": 1, "sats_per_plane": 40}},
        "ground_stations": [{"name": "gs0", "latitude_deg": 0.0, "longitude_deg": 0.0},
                            {"name": "gs1", "latitude_deg": 0.0, "longitude_deg": 5.0}],
        "epoch_s": 10.0,
        "isl": {"pattern": "none"},
        "gsl": {"uplink": {**UL, "rain": {**CLIMATE, "exceedance_percent": configured_p}},
                "downlink": {**DL, "rain": {**CLIMATE, "exceedance_percent": configured_p}}},
        "report": {"pairs": [["gs0", "gs1"]]},
        "rain_events": events,
    }
    space.update(over)
    return {"name": "rain", "run": {"duration_s": 60.0}, "space": space,
            "outputs": {"plots": False, "link_state": False}}


def _expected_rate(m, el_deg, rng_m, p):
    from netsim.space.itur_p618 import rain_attenuation_db

    fspl = 32.45 + 20 * np.log10(m["freq_hz"] / 1e9) + 20 * np.log10(rng_m)
    cnr = m["eirp_dbw"] + m["g_over_t_db_per_k"] - fspl - K_DB - 10 * math.log10(4e8)
    a = 0.0 if p is None else rain_attenuation_db(m["freq_hz"], el_deg, 0.0, 40.0, 4.0,
                                                  exceedance_percent=p)
    return 4e8 * np.log2(1.0 + 10 ** ((cnr - a) / 10.0))


NAN = math.nan
# epochs at 0, 10, ..., 50 s; each row: the events, the level in force at each epoch
# (by hand) and the table's rain_step / rain_exceedance_percent columns
CASES = [
    # no step at 0: the configured 0.1 % until the first epoch at/after 25 s (30 s);
    # 40 s is an epoch itself, so it takes the clear-sky step
    ([{"at_s": 25.0, "exceedance_percent": 1.0}, {"at_s": 40.0, "exceedance_percent": None}],
     [0.1, 0.1, 0.1, 1.0, None, None], [-1, -1, -1, 0, 1, 1], [NAN, NAN, NAN, 1.0, NAN, NAN]),
    # a step at 0 (set before the segment's first epoch), then 0.01 % from 10.5 s (20 s)
    ([{"at_s": 0.0, "exceedance_percent": None}, {"at_s": 10.5, "exceedance_percent": 0.01},
      {"at_s": 49.9, "exceedance_percent": 5.0}],
     [None, None, 0.01, 0.01, 0.01, 5.0], [0, 0, 1, 1, 1, 2], [NAN, NAN, .01, .01, .01, 5.0]),
]


@pytest.mark.parametrize("events, levels, steps, column", CASES)
def test_gsl_rates_follow_the_rain_steps(events, levels, steps, column):
    ctx = build(parse_scenario(_scenario(events)))
    seg = ctx.state["space"]
    for k, p in enumerate(levels):
        ctx.sim.run(until_s=10.0 * k + 5.0)
        s = seg.state
        assert s.t_s == pytest.approx(10.0 * k, abs=1e-9)
        assert s.gsl_station.size > 0
        el, rng_m = s.gsl_elevation_deg, s.gsl_delay_s * C_M_S
        np.testing.assert_allclose(s.gsl_up_rate_bps, _expected_rate(UL, el, rng_m, p),
                                   rtol=REL_TOL)
        np.testing.assert_allclose(s.gsl_down_rate_bps, _expected_rate(DL, el, rng_m, p),
                                   rtol=REL_TOL)
    tab = ctx.tables["space_backhaul"]()
    assert tab["t_s"].tolist() == [0.0, 10.0, 20.0, 30.0, 40.0, 50.0]
    assert tab["rain_step"].tolist() == steps
    np.testing.assert_array_equal(tab["rain_exceedance_percent"].to_numpy(), column)


def test_rain_lowers_the_rate_by_the_p618_attenuation():
    """Same geometry, clear vs 0.01 %: the SNR falls by exactly A_0.01 (dB)."""
    from netsim.space.itur_p618 import rain_attenuation_db

    out = {}
    for p in (None, 0.01):
        ctx = build(parse_scenario(_scenario([{"at_s": 0.0, "exceedance_percent": p}])))
        out[p] = ctx.state["space"].state
    clear, rain = out[None], out[0.01]
    np.testing.assert_array_equal(clear.gsl_satellite, rain.gsl_satellite)
    snr = {p: 2.0 ** (s.gsl_down_rate_bps / 4e8) - 1.0 for p, s in out.items()}
    a = rain_attenuation_db(2e10, clear.gsl_elevation_deg, 0.0, 40.0, 4.0,
                            exceedance_percent=0.01)
    assert (a > 1.0).all()  # tens of dB at 20 GHz for 40 mm/h
    np.testing.assert_allclose(10 * np.log10(snr[None] / snr[0.01]), a, rtol=1e-9)


def test_kpis_time_at_each_level():
    ctx = build(parse_scenario(_scenario(CASES[1][0])))
    ctx.sim.run(until_s=60.0)
    k = ctx.kpis[-1]()
    # epochs 0, 10 clear; 20, 30, 40 at 0.01 %; 50 at 5 % (10 s each)
    assert k["space_rain_clear_time_s"] == 20.0
    assert k["space_rain_0.01pct_time_s"] == 30.0
    assert k["space_rain_5pct_time_s"] == 10.0
    assert 0.0 <= k["space_backhaul_outage_fraction"] <= 1.0


@pytest.mark.parametrize("events, field", [
    ([{"at_s": 0.0, "exceedance_percent": 10.0}], "space.rain_events[0].exceedance_percent"),
    ([{"at_s": 0.0, "exceedance_percent": 0.0001}], "space.rain_events[0].exceedance_percent"),
    ([{"at_s": 0.0}], "space.rain_events[0].exceedance_percent"),
    ([{"at_s": -1.0, "exceedance_percent": 1.0}], "space.rain_events[0].at_s"),
    ([{"at_s": 5.0, "exceedance_percent": 1.0}, {"at_s": 5.0, "exceedance_percent": None}],
     "rain_events[1].at_s"),
    ([{"at_s": 0.0, "exceedance_percent": 1.0, "rate": 3}], "space.rain_events[0].rate"),
    ([], "space.rain_events"),
])
def test_bad_rain_events_name_the_field(events, field):
    with pytest.raises(ScenarioError) as exc:
        parse_scenario(_scenario(events))
    assert field in str(exc.value), str(exc.value)


def test_rain_events_need_a_climate():
    data = _scenario([{"at_s": 0.0, "exceedance_percent": 1.0}])
    del data["space"]["gsl"]["uplink"]["rain"]
    with pytest.raises(ScenarioError, match=r"space\.gsl\.uplink\.rain"):
        parse_scenario(data)
    data["space"]["gsl"] = {"uplink": {"model": "fixed", "rate_bps": 1e9}}
    with pytest.raises(ScenarioError, match=r"space\.rain_events"):
        parse_scenario(data)


def test_with_rain_level_checks_the_p618_range():
    from netsim.space.gsl_capacity import FixedRate, LinkBudgetRate, RainSpec
    from netsim.space.segment import with_rain_level

    m = LinkBudgetRate(2e10, 4e8, 30.0, 15.9, rain=RainSpec(40.0, 4.0, 0.01, 45.0))
    assert with_rain_level(m, 1.0).rain == RainSpec(40.0, 4.0, 1.0, 45.0)
    assert with_rain_level(m, None).rain is None
    assert with_rain_level(FixedRate(1e9), 1.0) == FixedRate(1e9)
    with pytest.raises(ParameterError, match="exceedance_percent"):
        with_rain_level(m, 6.0)
    with pytest.raises(ParameterError, match="rain"):
        with_rain_level(LinkBudgetRate(2e10, 4e8, 30.0, 15.9), 1.0)
