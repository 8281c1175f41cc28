"""Connection-density model (ITU-R M.2412-0 7.1.3, Urban Macro-mMTC) against closed forms.

Outside numbers checked (arithmetic in the comments):
- the M.2412 TRxP area A = ISD^2 sqrt(3) / 6 and C = N / A;
- slotted ALOHA (Roberts 1975): an attempt is alone on its preamble with probability
  exp(-G / M); the throughput G e^{-G} of one preamble peaks at 1/e for G = 1; and a
  Monte Carlo drop of Poisson attempts on M preambles agrees;
- the retransmission fixed point in its two closed-form limits: K = 1 (no retry) and
  K -> infinity, where the attempt load solves G e^{-G} = S, i.e. G = -W0(-S) (Lambert W);
- the Pollaczek-Khinchine mean wait of an M/D/1 queue, rho S / (2 (1 - rho));
- bad input names its field.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from netsim.errors import ParameterError
from netsim.radio import connection_density as cd


@pytest.fixture(scope="module")
def cfg():
    return cd.AccessConfig.default()


def test_parameter_file_has_a_source_and_status_for_every_value():
    p = cd.parameters()
    allowed = set(p["status_legend"])
    for group in ("m2412_urban_macro_mmtc", "nbiot_access"):
        for name, entry in p[group].items():
            assert entry["source"], name
            assert entry["unit"], name
            assert entry["status"] in allowed, name


def test_trxp_area_m2412():
    # A = ISD^2 sqrt(3)/6: 0.25 km^2 x 0.2886751 = 0.0721688 km^2 (ISD 500 m);
    # 1.732^2 = 2.999824 km^2 x 0.2886751 = 0.8659745 km^2 (ISD 1732 m)
    assert cd.trxp_area_km2(500.0) == pytest.approx(0.0721688, rel=1e-6)
    assert cd.trxp_area_km2(1732.0) == pytest.approx(0.8659745, rel=1e-6)


def test_devices_and_packet_rate_at_the_imt2020_density(cfg):
    # C = N / A: 1e6 /km^2 x 0.0721688 km^2 = 72,168.8 devices per TRxP;
    # one packet per 7200 s each: 72,168.8 / 7200 = 10.0234 packets/s
    r = cd.evaluate_density(1e6, cfg, np.full(10, 20.0))
    assert r["devices_per_trxp"] == pytest.approx(72168.8, rel=1e-5)
    assert r["packets_per_s"] == pytest.approx(10.0234, rel=1e-4)


def test_slotted_aloha_closed_forms():
    assert cd.slotted_aloha_success(48.0, 48) == pytest.approx(math.exp(-1.0), rel=1e-15)
    g = np.linspace(0.05, 4.0, 7901)
    thr = g * cd.slotted_aloha_success(g, 1)
    assert thr.max() == pytest.approx(1 / math.e, rel=1e-6)   # 0.367879
    assert g[np.argmax(thr)] == pytest.approx(1.0, abs=1e-3)


def test_slotted_aloha_against_a_monte_carlo_drop():
    # Poisson(G) attempts per occasion, each on one of M preambles at random: the share
    # of attempts alone on their preamble. G = 24, M = 48: exp(-0.5) = 0.60653.
    rng = np.random.default_rng(1)
    alone = total = 0
    for n in rng.poisson(24.0, 20000):
        picks = rng.integers(0, 48, n)
        counts = np.bincount(picks, minlength=48)
        alone += int((counts == 1).sum())
        total += n
    # about 480,000 attempts: binomial standard error sqrt(0.6 x 0.4 / 4.8e5) = 7e-4,
    # and finite-n bias of the Poisson thinning is nil (exact for Poisson totals);
    # tolerance 4 standard errors
    assert alone / total == pytest.approx(math.exp(-0.5), abs=3e-3)


def test_fixed_point_without_retries(cfg):
    # K = 1: lambda_a = lambda; G = 300 /s x 0.04 s / 48 = 0.25 -> p = exp(-0.25) = 0.778801
    p, la = cd.access_fixed_point(300.0, cfg.with_(max_attempts=1))
    assert la == pytest.approx(300.0, rel=1e-12)
    assert p == pytest.approx(0.7788008, rel=1e-6)


def test_fixed_point_with_unlimited_retries_is_lambert_w(cfg):
    # K -> infinity: every packet eventually succeeds, so the successes per preamble and
    # occasion S = G e^{-G} equal the offered packets per preamble and occasion. With
    # lambda = 120 /s, T = 0.04 s, M = 48, one carrier: S = 120 x 0.04 / 48 = 0.1, and
    # the stable (smaller) root is G = -W0(-0.1) = 0.1118326 (check: 0.1118326 x
    # e^-0.1118326 = 0.1118326 x 0.8941940 = 0.1000000), so p = e^-G = 0.8941940.
    # K = 200 leaves (1 - p)^200 ~ 1e-194 of the geometric sum out.
    p, la = cd.access_fixed_point(120.0, cfg.with_(max_attempts=200))
    assert la * 0.04 / 48 == pytest.approx(0.1118326, rel=1e-6)
    assert p == pytest.approx(0.8941940, rel=1e-6)


def test_fixed_point_solves_its_equation_for_k_10(cfg):
    lam = 300.0
    p, la = cd.access_fixed_point(lam, cfg)
    x = cfg.rach_period_s / (cfg.n_carriers * cfg.preambles_per_occasion)
    assert p == pytest.approx(math.exp(-la * x), rel=1e-12)
    assert la == pytest.approx(lam * (1 - (1 - p) ** 10) / p, rel=1e-9)


def test_md1_wait(cfg):
    # every device at 30 dB: SE = min(0.6 log2(1001), 1.6) = 1.6 b/s/Hz (the cap), so each
    # packet takes 8 x (32 + 40) = 576 bit / (15 kHz x 1.6) = 0.024 s of one tone: a
    # deterministic service. NPRACH share: (48 x 3.75 kHz / 180 kHz) x (6.4 ms / 40 ms)
    # = 0.16, leaving 12 x 0.84 = 10.08 tones: S = 0.024 / 10.08 = 2.380952e-3 s.
    # At 3e7 /km^2: lambda = 3e7 x 0.0721688 / 7200 = 300.703 /s, rho = 0.715960,
    # M/D/1 (Pollaczek-Khinchine): W = rho S / (2 (1 - rho)) = 0.715960 x 2.380952e-3
    # / (2 x 0.284040) = 1.704667e-3 / 0.568080 = 3.000753e-3 s.
    r = cd.evaluate_density(3e7, cfg, np.full(10, 30.0))
    assert r["data_load"] == pytest.approx(0.715960, rel=1e-5)
    assert r["mean_wait_s"] == pytest.approx(3.000753e-3, rel=1e-5)
    assert r["airtime_p99_s"] == pytest.approx(0.024, rel=1e-12)


def test_delivery_within_bound_at_light_and_overload(cfg):
    snr = np.full(10, 30.0)
    # 1e5 /km^2: p = 0.99916, every attempt k <= 10 arrives by 9 x 0.168 + 0.07 + 0.024
    # = 1.6 s << 10 s, so the delivered share is 1 - (1 - p)^10 = 1.0
    assert cd.evaluate_density(1e5, cfg, snr)["delivered_within_bound"] == pytest.approx(1.0)
    # 1e9 /km^2: rho = 72,168.8 x 10 / 7200 ... > 1: the data channel is overloaded
    r = cd.evaluate_density(1e9, cfg, snr)
    assert r["data_load"] > 1.0 and r["delivered_within_bound"] == 0.0


def test_uplink_snr_is_reproducible_and_finite(cfg):
    a = cd.uplink_snr_db(cfg, 500, np.random.default_rng(3))
    b = cd.uplink_snr_db(cfg, 500, np.random.default_rng(3))
    assert np.array_equal(a, b) and np.all(np.isfinite(a))


def test_supported_density_reads_the_grid():
    d = [1e5, 1e6, 1e7, 1e8]
    assert cd.supported_density(d, [1.0, 0.995, 0.98, 1.0]) == 1e6   # first miss stops it
    assert cd.supported_density(d, [0.5, 1.0, 1.0, 1.0]) == 0.0


@pytest.mark.parametrize("field, value", [("isd_m", -1.0), ("n_carriers", 0),
                                          ("indoor_fraction", 1.5), ("rach_period_s", 0.0),
                                          ("max_attempts", 2.5)])
def test_bad_access_config_names_the_field(field, value):
    with pytest.raises(ParameterError) as e:
        cd.AccessConfig.default(**{field: value})
    assert field in str(e.value)


def test_bad_inputs_name_their_field(cfg):
    with pytest.raises(ParameterError, match="isd_m"):
        cd.trxp_area_km2(0.0)
    with pytest.raises(ParameterError, match="density_per_km2"):
        cd.evaluate_density(0.0, cfg, np.zeros(3))
    with pytest.raises(ParameterError, match="nonsense"):
        cd.AccessConfig.default(nonsense=1)
    with pytest.raises(ParameterError, match="densities_per_km2"):
        cd.supported_density([1e6, 1e5], [1.0, 1.0])
