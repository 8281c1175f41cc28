"""netsim's GN-model link budget against GNPy 3.0.1 (Telecom Infra Project).

Reference numbers: ``tests/data/gnpy/gnpy_reference.json``, produced by GNPy's own
propagation (``designed_network`` + ``transmission_simulation``, NLI method
``gn_model_analytic`` = eq. 120 of arXiv:1209.0394, Raman off) with the script
``tests/data/gnpy/make_gnpy_reference.py`` (provenance only; never imported here).
Links: 1, 5 and 20 spans of 80 km SSMF (0.2 dB/km, D 16.7 ps/(nm km), gamma 1.27
1/(W km)), one EDFA per span (gain = span loss = 16 dB, NF 5.5 dB); full C band at
32 GBd / 50 GHz (96 channels) and 64 GBd / 75 GHz (63 channels), 3-4 launch powers; and
a mixed-rate comb (41 x 32 GBd, 21 x 64 GBd at +3 dB, 10 x 90 GBd at +4.5 dB) over 1 and
10 spans, which exercises netsim's general (unequal-rate) kernel and per-channel powers.

Known, explained differences between the two codes (both switched off or undone in the
like-for-like tests, measured in the raw tests):

1. GNPy scales gamma with frequency, gamma(f) = 2 pi n2 f / (c A_eff(f)) (+-3 % over the
   C band, recorded per channel as ``gnpy_gamma_per_w_km``); netsim keeps gamma constant.
   Effect on SNR_NLI: within +-0.3 dB across the band.
2. GNPy books NLI as a power transfer out of the channel (its ``add_nli`` scales the
   signal and ASE fractions by 1 - P_NLI/P_ch) and evaluates each span's NLI on the
   total channel power (signal + ASE + NLI); the textbook GN model that netsim follows
   keeps the signal undepleted. To first order GNPy's GSNR is then
   GSNR_netsim - 1 (linear), i.e. netsim is higher by 10 log10(1 + 1/GSNR); the
   depletion is at most the NLI share of the channel power, 10 log10(1 + 1/SNR_NLI).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from netsim.optical.amplifier import ase_power_w
from netsim.optical.channel_plan import ChannelPlan
from netsim.optical.fiber import FiberSpan, Link
from netsim.optical.gn_model import nli_span_w, nli_span_w_numpy

REF = json.loads((Path(__file__).parents[1] / "data" / "gnpy" / "gnpy_reference.json").read_text())
CASES = REF["cases"]
IDS = [f"{c['plan']}-{c['n_spans']}sp-{c['launch_power_dbm']:+g}dBm" for c in CASES]
#: one case per plan and launch power at the first span (kernel tests)
FIRST_SPAN = [i for i, c in enumerate(CASES) if c["n_spans"] == 1]
INPUTS = REF["inputs"]

#: Per-span kernels with GNPy's per-channel gamma applied: the reference is stored with
#: 10 significant digits and gamma with 8 decimals (relative 1e-8), so 1e-6 is loose.
KERNEL_RTOL = 1e-6
#: Without GNPy's gamma(f): (gamma(f)/gamma_ref)^2 spans 0.948..1.071 over the C band,
#: i.e. -0.23..+0.30 dB; 0.35 dB bounds it.
GAMMA_SCALING_TOL_DB = 0.35
#: End-to-end, raw: the project's target, held for launch powers up to 4 dB above
#: netsim's optimum (beyond that GNPy's NLI depletion of the signal exceeds 0.5 dB).
RAW_GSNR_TOL_DB = 0.5
RAW_MAX_DB_ABOVE_OPTIMUM = 4.0
#: End-to-end, like for like (GNPy gamma(f) applied to netsim's NLI, GNPy's depletion
#: undone to first order): residual second-order bookkeeping (NLI computed on
#: signal+noise power) stays below 0.3 dB even 6 dB above the optimum.
LIKE_FOR_LIKE_TOL_DB = 0.3
#: OSNR (ASE only) agrees to numerical noise plus GNPy's depletion of the signal.
OSNR_BASE_TOL_DB = 0.01


def _plan(c):
    return ChannelPlan(c["frequency_hz"], c["symbol_rate_baud"], c["spacing_hz"])


def _launch_dbm(c):
    """Per-channel launch power (mixed-rate cases) or the uniform one."""
    return np.asarray(c.get("launch_power_dbm_per_channel", c["launch_power_dbm"]), float)


def _link(c):
    span = FiberSpan(
        length_km=INPUTS["span_length_km"],
        attenuation_db_per_km=INPUTS["attenuation_db_per_km"],
        dispersion_ps_nm_km=INPUTS["dispersion_ps_nm_km"],
        gamma_per_w_km=INPUTS["gamma_per_w_km_at_ref"],
    )
    return Link([span] * c["n_spans"])


def _gamma_ratio2(c):
    return (np.asarray(c["gnpy_gamma_per_w_km"]) / INPUTS["gamma_per_w_km_at_ref"]) ** 2


@pytest.mark.parametrize("kernel", [nli_span_w, nli_span_w_numpy], ids=["numba", "numpy"])
@pytest.mark.parametrize("c", [CASES[i] for i in FIRST_SPAN], ids=[IDS[i] for i in FIRST_SPAN])
def test_span_nli_equals_gnpy_gn_analytic(c, kernel):
    # GNPy NliSolver.compute_nli of fibre 1 at the launch power, vs netsim's eq. (120)
    # with GNPy's per-channel gamma (NLI_i is proportional to gamma_i^2 in GNPy).
    span = _link(c).spans[0]
    f = np.asarray(c["frequency_hz"])
    p = np.broadcast_to(10 ** ((_launch_dbm(c) - 30) / 10), f.shape)
    rs = np.broadcast_to(np.asarray(c["symbol_rate_baud"], float), f.shape)
    ours = kernel(f, rs, p, span.alpha_per_m, span.beta2_s2_per_m, span.gamma_per_w_m,
                  span.length_m)
    np.testing.assert_allclose(ours * _gamma_ratio2(c), c["first_span_nli_w"], rtol=KERNEL_RTOL)
    # and without GNPy's gamma(f) scaling: the difference is that scaling only
    diff_db = 10 * np.log10(ours / np.asarray(c["first_span_nli_w"]))
    assert np.max(np.abs(diff_db)) <= GAMMA_SCALING_TOL_DB


@pytest.mark.parametrize("c", [CASES[i] for i in FIRST_SPAN], ids=[IDS[i] for i in FIRST_SPAN])
def test_amplifier_ase_equals_gnpy_noise_profile(c):
    # GNPy Edfa.noise_profile: h nu R NF at the amplifier input = NF h nu G R / G.
    g_db = c["amplifier_gain_db"][0]
    ours = ase_power_w(c["amplifier_nf_db"], g_db, c["frequency_hz"], c["symbol_rate_baud"])
    np.testing.assert_allclose(ours / 10 ** (g_db / 10), c["first_amp_ase_input_w"], rtol=1e-8)


@pytest.fixture(scope="module")
def optimum_dbm():
    out = {}
    for c in CASES:
        key = (c["plan"], c["n_spans"])
        if key not in out:
            plan = _plan(c)
            out[key] = _link(c).optimum_launch_power_dbm(plan, channel_index=plan.n_channels // 2)
    return out


@pytest.mark.parametrize("c", CASES, ids=IDS)
def test_gsnr_raw_within_half_db_of_gnpy(c, optimum_dbm):
    if c["launch_power_dbm"] > optimum_dbm[(c["plan"], c["n_spans"])] + RAW_MAX_DB_ABOVE_OPTIMUM:
        pytest.skip("more than 4 dB above the optimum: covered by the like-for-like test")
    g = _link(c).gsnr_db(_plan(c), _launch_dbm(c))
    assert np.max(np.abs(g - np.asarray(c["gsnr_db"]))) <= RAW_GSNR_TOL_DB


@pytest.mark.parametrize("c", CASES, ids=IDS)
def test_gsnr_like_for_like_with_gnpy(c):
    sig, ase, nli = _link(c).noise_w(_plan(c), _launch_dbm(c))
    g_ours = 10 * np.log10(sig / (ase + nli * _gamma_ratio2(c)))
    g_gnpy_undepleted = 10 * np.log10(10 ** (np.asarray(c["gsnr_db"]) / 10) + 1.0)
    assert np.max(np.abs(g_ours - g_gnpy_undepleted)) <= LIKE_FOR_LIKE_TOL_DB


@pytest.mark.parametrize("c", CASES, ids=IDS)
def test_osnr_01nm_and_snr_nli_match_gnpy(c):
    b = _link(c).budget(_plan(c), _launch_dbm(c))
    snr_nli_gnpy = np.asarray(c["snr_nli_db"])
    depletion_db = 10 * np.log10(1 + 10 ** (-snr_nli_gnpy / 10))
    d_osnr = b.osnr_01nm_db - np.asarray(c["osnr_ase_01nm_db"])
    assert np.all(np.abs(d_osnr) <= OSNR_BASE_TOL_DB + depletion_db)
    # SNR_NLI: netsim with GNPy's gamma(f) vs GNPy, up to the same depletion bound plus
    # GNPy's NLI evaluated on signal+ASE power (3 x the ASE share of the channel power)
    snr_nli_ours = b.snr_nli_db - 10 * np.log10(_gamma_ratio2(c))
    ase_share_db = 3 * 10 * np.log10(1 + 10 ** (-np.asarray(c["osnr_ase_db"]) / 10))
    assert np.all(np.abs(snr_nli_ours - snr_nli_gnpy)
                  <= OSNR_BASE_TOL_DB + depletion_db + ase_share_db)
