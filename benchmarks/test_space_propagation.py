"""Satellite positions per second: netsim's numba propagator vs sgp4's SatrecArray.

Both sides propagate the same 4,408 satellites (the five Starlink Gen1 shells, preset
``starlink_gen1``) at the same 1,000 times (10 s apart): netsim with its circular +
secular-J2 kernel, sgp4 with satellites initialised by ``Satrec.sgp4init`` from the
same mean elements (no drag) and propagated by the vectorised ``SatrecArray.sgp4``.
The two models differ (SGP4 adds short-periodic terms), so this compares cost for
the same output size, not accuracy. The issue's target: netsim >= 20x SatrecArray for
Walker shells.

Run: ``pytest benchmarks/test_space_propagation.py --benchmark-only -s``; numba compile
time is excluded by a warm-up call.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from sgp4.api import WGS72, Satrec, SatrecArray
from timing import best_of

from netsim.space.presets import preset

N_T = 1_000
STEP_S = 10.0
EPOCH_JD = 2460000.5  # 2023-02-24 00:00 UT


@pytest.fixture(scope="module")
def setup():
    c = preset("starlink_gen1", epoch_jd=EPOCH_JD)
    el = c.elements
    sats = []
    for k in range(c.count):
        s = Satrec()
        n_rad_min = math.sqrt(398600.4418 / el.semi_major_axis_km[k] ** 3) * 60.0
        s.sgp4init(
            WGS72, "i", k + 1, EPOCH_JD - 2433281.5, 0.0, 0.0, 0.0, 0.0,
            float(el.arg_perigee_rad[k]), float(el.inclination_rad[k]),
            float(el.mean_anomaly_rad[k]), n_rad_min, float(el.raan_rad[k]),
        )  # fmt: skip
        sats.append(s)
    arr = SatrecArray(sats)
    t_s = np.arange(N_T) * STEP_S
    jd = np.full(N_T, EPOCH_JD)
    fr = t_s / 86400.0
    return c, arr, t_s, jd, fr


def test_positions_netsim(benchmark, setup):
    c, _, t_s, _, _ = setup
    c.positions_eci_km(t_s[:2])  # warm-up
    benchmark.group = "space-positions-4408x1000"
    benchmark.pedantic(c.positions_eci_km, args=(t_s,), rounds=5, warmup_rounds=1)
    benchmark.extra_info["positions_per_s"] = c.count * N_T / benchmark.stats.stats.min


def test_positions_sgp4_satrecarray(benchmark, setup):
    c, arr, _, jd, fr = setup
    benchmark.group = "space-positions-4408x1000"
    benchmark.pedantic(arr.sgp4, args=(jd, fr), rounds=1, warmup_rounds=0)
    benchmark.extra_info["positions_per_s"] = c.count * N_T / benchmark.stats.stats.min


def test_positions_ratio(setup):
    c, arr, t_s, jd, fr = setup
    c.positions_eci_km(t_s[:2])
    out = np.empty((N_T, c.count, 3))
    t_netsim = best_of(lambda: c.positions_eci_km(t_s))
    t_prealloc = best_of(lambda: c.positions_eci_km(t_s, out=out))
    c.positions_velocities_eci(t_s[:2])
    t_pv = best_of(lambda: c.positions_velocities_eci(t_s))  # SGP4 also returns velocities
    t_sgp4 = best_of(lambda: arr.sgp4(jd, fr), repeats=1)  # ~3-5 s a call
    e, r, _ = arr.sgp4(jd[:1], fr[:1])
    assert not e.any()
    # same satellites: at the epoch the two models agree to a few km (SGP4 mean-element
    # conversion and short-periodic terms)
    assert np.abs(r[:, 0, :] - c.positions_eci_km(0.0)).max() < 30.0
    n = c.count * N_T
    ratio = t_sgp4 / t_netsim
    print(
        f"\npositions of {c.count} satellites x {N_T} times: netsim {n / t_netsim:.3g}/s "
        f"({n / t_prealloc:.3g}/s into a preallocated array, {n / t_pv:.3g}/s with "
        f"velocities), sgp4 SatrecArray {n / t_sgp4:.3g}/s (with velocities), "
        f"ratio {ratio:.1f}x, {t_sgp4 / t_pv:.1f}x with velocities (target >= 20x)"
    )
    assert ratio > 1.0
