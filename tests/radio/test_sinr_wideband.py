"""Wideband SINR engine: a tiny case by hand and an independent plain-numpy version."""

import math

import numpy as np
import pytest

from netsim.errors import ParameterError
from netsim.radio.sinr import coupling_loss_db, thermal_noise_dbm, wideband_sinr

# float32 kernel: the exp2 polynomial is good to 3e-7 relative (1.3e-6 dB) and float32
# rounding of the input adds ~1e-5 dB at 150 dB; SINR up to ~40 dB keeps < 1e-3 dB.
F32_TOL_DB = 1e-3


def test_thermal_noise_by_hand():
    # -174 + 10 log10(20e6) + 9 = -174 + 73.0103 + 9 = -91.9897 dBm
    assert thermal_noise_dbm(20e6, 9.0) == pytest.approx(-91.98970004, abs=1e-8)


@pytest.mark.parametrize("precision", ["float32", "float64"])
def test_three_cells_by_hand(precision):
    """UE 0: CL = [100, 110, 120] dB, P = 46 dBm, B = 10 MHz, NF = 9 dB.
    Received: -54, -64, -74 dBm -> 3.98107e-6, 3.98107e-7, 3.98107e-8 mW.
    N = -174 + 70 + 9 = -95 dBm = 3.16228e-10 mW.
    SINR = 3.98107e-6 / (3.98107e-7 + 3.98107e-8 + 3.16228e-10 = 4.38234e-7) = 9.08435
    -> 9.58294 dB.
    UE 1: CL = [130, 90, 90.5] dB: serving cell 1 (-44 dBm = 3.98107e-5 mW), interferers
    -84 dBm (3.98107e-9) and -44.5 dBm (3.54813e-5), plus noise: SINR = 3.98107e-5 /
    3.54856e-5 = 1.12188 -> 0.49947 dB."""
    cl = np.array([[100.0, 110.0, 120.0], [130.0, 90.0, 90.5]])
    r = wideband_sinr(cl, 46.0, 10e6, 9.0, precision=precision)
    np.testing.assert_array_equal(r.serving_cell, [0, 1])
    s0 = 10 ** -5.4 / (10 ** -6.4 + 10 ** -7.4 + 10 ** -9.5)
    s1 = 10 ** -4.4 / (10 ** -8.4 + 10 ** -4.45 + 10 ** -9.5)
    np.testing.assert_allclose(r.sinr_db, [10 * math.log10(s0), 10 * math.log10(s1)],
                               atol=F32_TOL_DB)
    np.testing.assert_allclose(r.sinr_db, [9.58294, 0.49947], atol=2e-5)
    np.testing.assert_allclose(r.rx_power_dbm, [-54.0, -44.0], atol=F32_TOL_DB)


def _numpy_reference(cl_db, ptx_dbm, noise_dbm):
    """Independent float64 implementation: received power matrix, argmax, sums."""
    rx = 10.0 ** ((np.asarray(ptx_dbm)[None, :] - cl_db) / 10.0)
    serving = np.argmax(rx, axis=1)
    s = rx[np.arange(rx.shape[0]), serving]
    i = rx.sum(axis=1) - s
    return serving, 10 * np.log10(s / (i + 10 ** (noise_dbm / 10)))


@pytest.mark.parametrize(("n", "m"), [(3000, 57), (500, 1000), (7, 1)])
def test_against_independent_numpy(n, m):
    rng = np.random.default_rng(n + m)
    cl = rng.uniform(70.0, 150.0, (n, m))
    ptx = rng.uniform(40.0, 49.0, m)
    s_ref, q_ref = _numpy_reference(cl, ptx, thermal_noise_dbm(20e6, 7.0))
    for precision, tol in (("float32", F32_TOL_DB), ("float64", 1e-9)):
        r = wideband_sinr(cl, ptx, 20e6, 7.0, precision=precision)
        np.testing.assert_array_equal(r.serving_cell, s_ref)
        np.testing.assert_allclose(r.sinr_db, q_ref, atol=tol)


def test_noise_limited_and_interference_limited_extremes():
    """UE 0: isolated cell (interferers 200 dB weaker), SINR = SNR = -54 - (-95) = 41 dB.
    UE 1: SNR 121 dB; the float64 denominator keeps the float32 path within 1e-3 dB.
    UE 2: two equal strongest cells, SINR = S / (S + N) just below 0 dB; the tie goes to
    the lower index."""
    cl = np.array([[100.0, 300.0, 310.0], [20.0, 330.0, 330.0], [90.0, 90.0, 150.0]])
    for precision in ("float32", "float64"):
        r = wideband_sinr(cl, 46.0, 10e6, 9.0, precision=precision)
        s_ref, q_ref = _numpy_reference(cl, np.full(3, 46.0), thermal_noise_dbm(10e6, 9.0))
        np.testing.assert_array_equal(r.serving_cell, [0, 0, 0])
        np.testing.assert_allclose(r.sinr_db, q_ref, atol=F32_TOL_DB)
    # UE 1: S = 26 dBm, N = -95 dBm, interferers -284 dBm: SINR = 121 dB
    assert r.sinr_db[1] == pytest.approx(121.0, abs=1e-6)


def test_errors():
    with pytest.raises(ParameterError):
        wideband_sinr(np.array([100.0, 120.0]), 46.0, 10e6, 9.0)
    with pytest.raises(ParameterError) as exc:
        wideband_sinr(np.array([[100.0, np.nan]]), 46.0, 10e6, 9.0)
    assert "coupling_loss_db[0]" in str(exc.value)
    with pytest.raises(ParameterError):
        wideband_sinr(np.array([[100.0, 500.0]]), 46.0, 10e6, 9.0)  # below float32 range
    # float64 path accepts it
    r = wideband_sinr(np.array([[100.0, 500.0]]), 46.0, 10e6, 9.0, precision="float64")
    assert r.serving_cell[0] == 0
    with pytest.raises(ParameterError):
        wideband_sinr(np.array([[100.0]]), 46.0, 10e6, 9.0, precision="float16")
    with pytest.raises(ParameterError):
        thermal_noise_dbm(0.0)
    with pytest.raises(ParameterError):
        wideband_sinr(np.array([[100.0, 120.0]]), [46.0, 46.0, 46.0], 10e6, 9.0)


def test_coupling_loss_from_positions():
    """Two UMa cells 500 m apart, isotropic; UE at 100 m from cell 0 (LOS both).
    CL equals the Table 7.4.1-1 path loss; with sector panels the element gain
    (8 dBi on boresight, -22 dBi behind) is subtracted."""
    from netsim.radio.pathloss import path_loss_db

    ue = np.array([[100.0, 0.0, 1.5]])
    cells = np.array([[0.0, 0.0, 25.0], [500.0, 0.0, 25.0]])
    cl = coupling_loss_db(ue, cells, "UMa", 3.5e9, True)
    np.testing.assert_allclose(cl[0], [path_loss_db("UMa", 100.0, 3.5e9, 25.0, 1.5, True),
                                       path_loss_db("UMa", 400.0, 3.5e9, 25.0, 1.5, True)])
    # panels: cell 0 faces +x (0 deg), cell 1 faces +x too (UE behind it at 180 deg)
    cl_s = coupling_loss_db(ue, cells, "UMa", 3.5e9, True, cell_boresight_deg=[0.0, 0.0])
    # UE seen from cell 0 at zenith 90 + atan(23.5/100) = 103.22 deg: A_V = -12 (13.22/65)^2
    a_v = -12 * (math.degrees(math.atan2(23.5, 100.0)) / 65) ** 2
    assert cl[0, 0] - cl_s[0, 0] == pytest.approx(8.0 + a_v, abs=1e-9)
    assert cl[0, 1] - cl_s[0, 1] == pytest.approx(-22.0, abs=1e-9)
    r = wideband_sinr(cl_s, 46.0, 20e6, 9.0)
    assert r.serving_cell[0] == 0
