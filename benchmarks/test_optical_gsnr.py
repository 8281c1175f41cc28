"""GSNR of every channel of a 100-span C+L link: netsim vs plain numpy, same run.

Link: 100 spans of SSMF, lengths 70-90 km (a different length each span), one EDFA per
span (gain = span loss, NF 5.5 dB); C+L plan, 2 x 128 channels of 32 GBd on a 37.5 GHz
grid (9.6 THz); 0 dBm per channel; incoherent GN model (eq. 120 of arXiv:1209.0394).

Cases, each beside its baseline in the same test:

1. ``Link.gsnr_db`` (numba channel-pair matrix computed once per fibre type, one
   matrix-vector product per span) vs a plain-numpy span loop that re-evaluates the
   n x n asinh matrix in every span, as a direct transcription of the model does
   (GNPy's ``_gn_analytic`` works this way).
2. A link whose 100 spans are all different fibres (D from 16.0 to 17.0 ps/(nm km)), so
   the matrix is recomputed in every span on both sides: netsim's numba kernel vs the
   numpy kernel, i.e. the gain of numba alone.

Both sides produce the same GSNR (checked). Run:
``pytest benchmarks/test_optical_gsnr.py --benchmark-only -s``; numba compile time is
excluded by a warm-up call.
"""

from __future__ import annotations

import numpy as np
import pytest
from timing import best_of

from netsim.optical.amplifier import ase_power_w
from netsim.optical.channel_plan import ChannelPlan
from netsim.optical.fiber import FiberSpan, Link
from netsim.optical.gn_model import nli_span_w_numpy

N_SPANS = 100
LAUNCH_DBM = 0.0


@pytest.fixture(scope="module")
def setup():
    plan = ChannelPlan.for_bands(("L", "C"), spacing_hz=37.5e9, symbol_rate_baud=32e9)
    lengths = [70.0 + (7 * i) % 21 for i in range(N_SPANS)]
    one_fiber = Link([FiberSpan(length) for length in lengths])
    many_fibers = Link(
        [FiberSpan(length, dispersion_ps_nm_km=16.0 + 0.01 * i) for i, length in enumerate(lengths)]
    )
    return plan, one_fiber, many_fibers


def _plain_numpy_gsnr_db(link, plan, launch_dbm):
    """Direct transcription: every span re-evaluates the n x n pair sum with numpy."""
    f, rs = plan.center_freq_hz, plan.symbol_rate_baud
    p = np.full(plan.n_channels, 10 ** ((launch_dbm - 30) / 10))
    ase = np.zeros_like(p)
    nli = np.zeros_like(p)
    for s in link.spans:
        nli += nli_span_w_numpy(f, rs, p, s.alpha_per_m, s.beta2_s2_per_m, s.gamma_per_w_m,
                                s.length_m)
        g = 10 ** ((s.gain_db - s.loss_db) / 10)
        p, ase, nli = p * g, ase * g, nli * g
        ase += ase_power_w(s.amplifier.noise_figure_db, s.gain_db, f, rs)
    return 10 * np.log10(p / (ase + nli))


def _many_fibers_numba(link, plan):
    sig, ase, nli = link.noise_w(plan, LAUNCH_DBM, backend="numba")
    return 10 * np.log10(sig / (ase + nli))


def _many_fibers_numpy(link, plan):
    sig, ase, nli = link.noise_w(plan, LAUNCH_DBM, backend="numpy")
    return 10 * np.log10(sig / (ase + nli))


def test_gsnr_100_span_cl_netsim(benchmark, setup):
    plan, link, _ = setup
    np.testing.assert_allclose(
        link.gsnr_db(plan, LAUNCH_DBM), _plain_numpy_gsnr_db(link, plan, LAUNCH_DBM), atol=1e-9
    )
    benchmark.group = "optical-gsnr-100span-CL"
    benchmark.pedantic(link.gsnr_db, args=(plan, LAUNCH_DBM), rounds=5, warmup_rounds=1)
    benchmark.extra_info["channels"] = plan.n_channels


def test_gsnr_100_span_cl_plain_numpy(benchmark, setup):
    plan, link, _ = setup
    benchmark.group = "optical-gsnr-100span-CL"
    benchmark.pedantic(_plain_numpy_gsnr_db, args=(link, plan, LAUNCH_DBM), rounds=3,
                       warmup_rounds=0)
    benchmark.extra_info["channels"] = plan.n_channels


def test_gsnr_100_span_cl_ratios(setup):
    plan, one_fiber, many_fibers = setup
    one_fiber.gsnr_db(plan, LAUNCH_DBM)  # warm-up: numba compiled / loaded from cache
    t_netsim = best_of(lambda: one_fiber.gsnr_db(plan, LAUNCH_DBM))
    t_plain = best_of(lambda: _plain_numpy_gsnr_db(one_fiber, plan, LAUNCH_DBM), repeats=2)
    np.testing.assert_allclose(_many_fibers_numba(many_fibers, plan),
                               _many_fibers_numpy(many_fibers, plan), atol=1e-9)
    t_nb = best_of(lambda: _many_fibers_numba(many_fibers, plan), repeats=2)
    t_np = best_of(lambda: _many_fibers_numpy(many_fibers, plan), repeats=2)
    print(
        f"\nGSNR, {N_SPANS}-span C+L link, {plan.n_channels} channels:"
        f"\n  one fibre type: netsim {t_netsim * 1e3:.1f} ms, plain numpy span loop "
        f"{t_plain * 1e3:.0f} ms, ratio {t_plain / t_netsim:.0f}x"
        f"\n  100 fibre types (matrix per span): numba {t_nb * 1e3:.0f} ms, numpy "
        f"{t_np * 1e3:.0f} ms, ratio {t_np / t_nb:.1f}x"
    )
    assert t_plain / t_netsim > 1.0
