"""Reproduction of 3GPP TR 38.821 V16.0.0 Table 6.1.3.3-1 (link budgets results).

Reference rows (inputs and printed results) are stored, with their sources, in
``netsim/space/data/ntn/tr38821_table_6_1_3_3_1_link_budgets.csv``; provenance notes are
in ``tests/data/3gpp_tr38821/README.md``. Each test recomputes the printed column from
the row's inputs with netsim and compares.
"""

import math

import numpy as np
import pytest

from netsim.space.linkbudget import (
    BOLTZMANN_DBW_PER_K_HZ,
    LinkBudget,
    cnr_db,
    eirp_from_density_dbw,
    g_over_t_db_per_k,
    system_noise_temperature_k,
    tr38821_reproduction_table,
)

# The TR prints every figure to 0.1 dB: a printed value stands for an interval of
# +-0.05 dB, and a CNR is a sum of about six such rounded terms plus its own rounding.
# 0.1 dB holds every row with printed CNR (largest deviation 0.063 dB, SC9 UL).
CNR_TOL_DB = 0.1
# A single rounded printed term (FSPL, EIRP, G/T): half a unit of the last digit.
TERM_TOL_DB = 0.05 + 1e-9


@pytest.fixture(scope="module")
def table():
    return tr38821_reproduction_table()


def test_every_row_with_printed_cnr_is_reproduced(table):
    rows = table[~np.isnan(table["cnr_db_tr"])]
    assert len(rows) == 4  # SC6 DL/UL (LEO-600 Ka), SC9 DL/UL (LEO-600 S)
    assert np.all(np.abs(rows["cnr_diff_db"]) <= CNR_TOL_DB), rows[["case", "link", "cnr_diff_db"]]


def test_fspl_of_every_row_matches_the_printed_value(table):
    # GEO at 12.5 deg, LEO-600 and LEO-1200 at 30 deg; S band (2 GHz) and Ka (20/30 GHz).
    assert len(table) == 12
    assert np.all(np.abs(table["fspl_diff_db"]) <= TERM_TOL_DB), table[
        ["case", "link", "fspl_diff_db"]
    ]


def test_eirp_and_g_over_t_match_printed_values(table):
    e = table[~np.isnan(table["eirp_dbw_tr"])]
    assert np.all(np.abs(e["eirp_dbw_netsim"] - e["eirp_dbw_tr"]) <= TERM_TOL_DB)
    g = table[~np.isnan(table["g_over_t_db_per_k_tr"])]
    assert np.all(np.abs(g["g_over_t_db_per_k_netsim"] - g["g_over_t_db_per_k_tr"]) <= TERM_TOL_DB)


def test_ue_g_over_t_from_table_6_1_1_1_3():
    # VSAT: 39.7 dBi, T_a = 150 K, NF = 1.2 dB:
    # T = 150 + 290 (10^0.12 - 1) = 150 + 290 * 0.318257 = 242.29 K -> 23.843 dBK
    # G/T = 39.7 - 23.843 = 15.857 -> printed 15.9 dB/K (Table 6.1.3.3-1, Ka DL).
    t = system_noise_temperature_k(150.0, 1.2)
    assert float(t) == pytest.approx(242.2946, abs=1e-3)
    assert float(g_over_t_db_per_k(39.7, t)) == pytest.approx(15.9, abs=TERM_TOL_DB)
    # Handheld: 0 dBi, T_a = 290 K, NF = 7 dB: T = 290 * 10^0.7 = 1453.4 K -> -31.6 dB/K.
    t = system_noise_temperature_k(290.0, 7.0)
    assert float(t) == pytest.approx(290.0 * 10**0.7, rel=1e-12)
    assert float(g_over_t_db_per_k(0.0, t)) == pytest.approx(-31.6, abs=TERM_TOL_DB)


def test_sc6_downlink_by_hand():
    # LEO-600, Ka DL, 30 deg (TR 38.821 Table 6.1.3.3-1 row SC6 DL, printed CNR 8.5 dB):
    # EIRP = 4 dBW/MHz + 10 log10(400) = 30.021 dBW; G/T = 15.857 dB/K (above);
    # d = sqrt(6371^2 sin^2 30 + 600^2 + 2*600*6371) - 6371 sin 30 = 1075.09 km;
    # FSPL = 32.45 + 20 log10(20) + 20 log10(1.07509e6) = 179.099 dB;
    # CNR = 30.021 + 15.857 - (179.099 + 0.5 + 0.3) + 228.599 - 86.021 = 8.556 dB.
    lb = LinkBudget.from_elevation(
        elevation_deg=30.0,
        altitude_m=600e3,
        freq_hz=20e9,
        bandwidth_hz=400e6,
        eirp_dbw=eirp_from_density_dbw(4.0, 400e6),
        g_over_t_db_per_k=g_over_t_db_per_k(39.7, system_noise_temperature_k(150.0, 1.2)),
        atmospheric_loss_db=0.5,
        scintillation_loss_db=0.3,
    )
    assert float(lb.distance_m) == pytest.approx(1075.09e3, abs=10.0)
    assert float(lb.cnr_db) == pytest.approx(8.556, abs=2e-3)
    assert float(lb.cnr_db) == pytest.approx(8.5, abs=CNR_TOL_DB)


def test_boltzmann_constant_in_db():
    # 10 log10(1.380649e-23) = -228.5991 dBW/(K Hz); TR 38.821 uses -228.6.
    assert BOLTZMANN_DBW_PER_K_HZ == pytest.approx(-228.5991, abs=1e-4)


def test_link_budget_broadcasts_over_arrays():
    # The four LEO-600 rows at once must equal the row-by-row values of cnr_db.
    el = np.array([30.0, 30.0])
    lb = LinkBudget.from_elevation(
        elevation_deg=el,
        altitude_m=600e3,
        freq_hz=np.array([20e9, 2e9]),
        bandwidth_hz=np.array([400e6, 30e6]),
        eirp_dbw=np.array([30.0, 48.8]),
        g_over_t_db_per_k=np.array([15.9, -31.6]),
        atmospheric_loss_db=np.array([0.5, 0.1]),
        shadow_margin_db=np.array([0.0, 3.0]),
        scintillation_loss_db=np.array([0.3, 2.2]),
    )
    ref = [
        float(cnr_db(30.0, 15.9, float(lb.fspl_db[0]) + 0.8, 400e6)),
        float(cnr_db(48.8, -31.6, float(lb.fspl_db[1]) + 5.3, 30e6)),
    ]
    np.testing.assert_allclose(lb.cnr_db, ref, atol=1e-12)
    assert lb.cnr_db.shape == (2,)


def test_c_over_n0_and_cnr_differ_by_bandwidth():
    lb = LinkBudget(
        freq_hz=2e9, bandwidth_hz=30e6, eirp_dbw=48.8, g_over_t_db_per_k=-31.6, distance_m=1075.09e3
    )
    assert float(lb.c_over_n0_dbhz - lb.cnr_db) == pytest.approx(10 * math.log10(30e6))
