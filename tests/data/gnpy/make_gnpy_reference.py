"""Generate GNPy reference GSNR numbers for netsim's GN-model tests.

Provenance script, NOT imported by the tests. Run it in a separate virtual
environment that has GNPy installed (``pip install gnpy``); netsim does not depend
on GNPy. It writes ``gnpy_reference.json`` beside this file.

What it does
------------
For each reference link (N identical spans of SSMF followed by one EDFA each,
transceiver -> [fibre -> EDFA] x N -> transceiver, no ROADM, no booster), and for
each channel plan and launch power, it builds a GNPy topology and equipment
library in memory, lets GNPy's own ``designed_network`` + ``transmission_simulation``
(the functions behind ``gnpy-transmission-example``) propagate the full comb, and
records, per channel, what the receiving transceiver reports:

* ``gsnr_db``          : ``Transceiver.snr`` (GSNR in the symbol-rate bandwidth, dB)
* ``osnr_ase_db``      : ``Transceiver.osnr_ase`` (ASE-only SNR in the symbol-rate bandwidth, dB)
* ``osnr_ase_01nm_db`` : ``Transceiver.osnr_ase_01nm`` (OSNR in 12.5 GHz = 0.1 nm, dB)
* ``snr_nli_db``       : ``Transceiver.osnr_nli`` (NLI-only SNR in the symbol-rate bandwidth, dB)

and, to test the span kernels without GNPy's end-to-end bookkeeping, the raw outputs
of GNPy's physics functions in the first span of the link (recorded by wrapping them,
not changing them):

* ``first_span_nli_w``       : ``NliSolver.compute_nli`` of fibre 1 (W per channel,
  symbol-rate bandwidth, at the fibre input; its input power is the launch power)
* ``first_amp_ase_input_w``  : ``Edfa.noise_profile`` of EDFA 1 (W per channel,
  symbol-rate bandwidth, referred to the amplifier input, i.e. ``h nu R NF``)

GNPy's end-to-end bookkeeping differs from the textbook GN model in two ways worth
knowing when reading the numbers: NLI is treated as a power transfer out of the
channel (``SpectralInformation.add_nli`` scales the signal and ASE fractions by
``1 - P_NLI / P_ch``), and each span's NLI is computed from the total channel power
(signal + ASE + NLI) rather than the signal power.

Like-for-like settings (so that GNPy runs the same physics netsim models):

* ``sim_params``: Raman (SRS) off, NLI method ``gn_model_analytic`` (GNPy's
  implementation of eq. 120 of arXiv:1209.0394, the incoherent GN closed form).
* Amplifiers in gain mode (``power_mode`` false) with ``gain_target`` equal to the
  span loss, tilt 0, out VOA 0, ``fixed_gain`` model (constant NF ``nf0``).
* Fibre: single ``loss_coef`` (no frequency dependence), dispersion without slope
  (GNPy then keeps beta2 constant), ``gamma`` given at GNPy's reference wavelength
  1550 nm; GNPy still scales gamma with frequency as ``2 pi n2 f / (c A_eff(f))``
  (1.236 to 1.314 1/(W km) over 191.35-196.1 THz), which netsim does not: recorded
  per channel as ``gnpy_gamma_per_w_km``.
* Connector losses 0, transceiver ``tx_osnr`` 100 dB (negligible), no system margin.

Cases: the full C band at 32 GBd / 50 GHz and at 64 GBd / 75 GHz over 1, 5 and 20 spans,
and a mixed-rate comb (``mixed_32_64_90GBd``: 32, 64 and 90 GBd channels with
3 / 4.5 dB higher launch power for the wider ones, entered as a GNPy
``initial_spectrum``; per-channel symbol rates and launch powers are recorded).
"""

from __future__ import annotations

import json
import logging
import platform
from copy import deepcopy
from pathlib import Path

import gnpy
import numpy as np
from gnpy.core import elements
from gnpy.core.parameters import SimParams
from gnpy.tools.json_io import _spectrum_from_json, load_eqpt_topo_from_json
from gnpy.tools.worker_utils import designed_network, transmission_simulation

try:  # GNPy version string
    from importlib.metadata import version

    GNPY_VERSION = version("gnpy")
except Exception:  # pragma: no cover
    GNPY_VERSION = getattr(gnpy, "__version__", "unknown")

logging.disable(logging.WARNING)

SPAN_LENGTH_KM = 80.0
ATTENUATION_DB_PER_KM = 0.2
DISPERSION_S_PER_M2 = 16.7e-6  # 16.7 ps/(nm km)
GAMMA_PER_W_M = 1.27e-3  # 1.27 1/(W km)
NF_DB = 5.5
REF_WAVELENGTH_M = 1550e-9  # GNPy FiberParams default reference wavelength (gamma, beta2)

CASES_SPANS = [1, 5, 20]
PLANS = [
    # name, baud rate, spacing, f_min, f_max, launch powers
    ("32GBd_50GHz", 32e9, 50e9, 191.35e12, 196.1e12, [-2.0, 0.0, 2.0, 4.0]),
    ("64GBd_75GHz", 64e9, 75e9, 191.4e12, 196.1e12, [0.0, 3.0, 6.0]),
]


def equipment_json(baud_rate, spacing, f_min, f_max, power_dbm):
    return {
        "Edfa": [
            {
                "type_variety": "netsim_ref_fixed_nf",
                "type_def": "fixed_gain",
                "gain_flatmax": 30,
                "gain_min": 5,
                "p_max": 40,
                "nf0": NF_DB,
                "allowed_for_design": True,
            }
        ],
        "Fiber": [
            {
                "type_variety": "SSMF_ref",
                "dispersion": DISPERSION_S_PER_M2,
                "gamma": GAMMA_PER_W_M,
                "pmd_coef": 1.265e-15,
            }
        ],
        "RamanFiber": [],
        "Span": [
            {
                "power_mode": False,
                "delta_power_range_db": [0, 0, 0.5],
                "max_fiber_lineic_loss_for_raman": 0.25,
                "target_extended_gain": 2.5,
                "max_length": 150,
                "length_units": "km",
                "max_loss": 28,
                "padding": 0,
                "EOL": 0,
                "con_in": 0,
                "con_out": 0,
            }
        ],
        "Roadm": [
            {
                "target_pch_out_db": -20,
                "add_drop_osnr": 100,
                "pmd": 0,
                "pdl": 0,
                "restrictions": {"preamp_variety_list": [], "booster_variety_list": []},
            }
        ],
        "SI": [
            {
                "f_min": f_min,
                "f_max": f_max,
                "baud_rate": baud_rate,
                "spacing": spacing,
                "power_dbm": power_dbm,
                "power_range_db": [0, 0, 1],
                "tx_power_dbm": power_dbm,
                "roll_off": 0.15,
                "tx_osnr": 100,
                "sys_margins": 0,
                "use_si_channel_count_for_design": True,
            }
        ],
        "Transceiver": [
            {
                "type_variety": "ref_trx",
                "frequency": {"min": 191.0e12, "max": 196.5e12},
                "mode": [
                    {
                        "format": "ref",
                        "baud_rate": baud_rate,
                        "OSNR": 10,
                        "bit_rate": 100e9,
                        "roll_off": 0.15,
                        "tx_osnr": 100,
                        "min_spacing": spacing,
                        "cost": 1,
                    }
                ],
            }
        ],
    }


def topology_json(n_spans):
    span_loss_db = SPAN_LENGTH_KM * ATTENUATION_DB_PER_KM
    els = [{"uid": "trx A", "type": "Transceiver"}]
    conns = []
    prev = "trx A"
    for i in range(n_spans):
        fib = f"fiber {i + 1}"
        amp = f"edfa {i + 1}"
        els.append(
            {
                "uid": fib,
                "type": "Fiber",
                "type_variety": "SSMF_ref",
                "params": {
                    "length": SPAN_LENGTH_KM,
                    "length_units": "km",
                    "loss_coef": ATTENUATION_DB_PER_KM,
                    "con_in": 0,
                    "con_out": 0,
                    "att_in": 0,
                },
            }
        )
        els.append(
            {
                "uid": amp,
                "type": "Edfa",
                "type_variety": "netsim_ref_fixed_nf",
                "operational": {
                    "gain_target": span_loss_db,
                    "tilt_target": 0,
                    "out_voa": 0,
                    "delta_p": None,
                },
            }
        )
        conns += [{"from_node": prev, "to_node": fib}, {"from_node": fib, "to_node": amp}]
        prev = amp
    els.append({"uid": "trx B", "type": "Transceiver"})
    conns.append({"from_node": prev, "to_node": "trx B"})
    return {"elements": els, "connections": conns}


_RECORD = {}


def _install_recorders():
    """Wrap GNPy's NLI and ASE functions to record their first output of a propagation."""
    orig_nli = elements.NliSolver.compute_nli
    orig_ase = elements.Edfa.noise_profile

    def nli_wrapper(spectral_info, srs, fiber):
        out = orig_nli(spectral_info, srs, fiber)
        _RECORD.setdefault("nli", np.array(out, dtype=float))
        return out

    def ase_wrapper(self, spectral_info):
        out = orig_ase(self, spectral_info)
        _RECORD.setdefault("ase", np.array(out, dtype=float))
        return out

    elements.NliSolver.compute_nli = staticmethod(nli_wrapper)
    elements.Edfa.noise_profile = ase_wrapper


# Mixed-rate comb (GNPy initial_spectrum partitions, same roll-off): 41 x 32 GBd on 50 GHz,
# 21 x 64 GBd on 75 GHz (+3 dB), 10 x 90 GBd on 100 GHz (+4.5 dB), no overlaps.
MIXED_NAME = "mixed_32_64_90GBd"
MIXED_SPANS = [1, 10]
MIXED_POWERS = [0.0, 2.0]


def mixed_spectrum(p_dbm):
    return [
        {"f_min": 191.35e12, "f_max": 193.35e12, "baud_rate": 32e9, "slot_width": 50e9,
         "roll_off": 0.15, "tx_osnr": 100, "tx_power_dbm": p_dbm},
        {"f_min": 193.4625e12, "f_max": 194.9625e12, "baud_rate": 64e9, "slot_width": 75e9,
         "roll_off": 0.15, "tx_osnr": 100, "tx_power_dbm": p_dbm + 3.0},
        {"f_min": 195.05e12, "f_max": 195.95e12, "baud_rate": 90e9, "slot_width": 100e9,
         "roll_off": 0.15, "tx_osnr": 100, "tx_power_dbm": p_dbm + 4.5},
    ]


def run_case(n_spans, plan, mixed=False):
    name, baud, spacing, f_min, f_max, powers = plan
    out = []
    for p_dbm in powers:
        SimParams.set_params(
            {"raman_params": {"flag": False}, "nli_params": {"method": "gn_model_analytic"}}
        )
        eqpt = equipment_json(baud, spacing, f_min, f_max, p_dbm)
        equipment, network = load_eqpt_topo_from_json(eqpt, deepcopy(topology_json(n_spans)))
        spectrum = _spectrum_from_json(mixed_spectrum(p_dbm)) if mixed else None
        network, req, ref_req = designed_network(
            equipment, network, "trx A", "trx B", args_power=p_dbm, no_insert_edfas=True,
            initial_spectrum=spectrum,
        )
        _RECORD.clear()
        path, _, _, infos = transmission_simulation(equipment, network, req, ref_req)
        rx = path[-1]
        fibers = [e for e in path if isinstance(e, elements.Fiber)]
        amps = [e for e in path if isinstance(e, elements.Edfa)]
        freq = np.asarray(infos.frequency, dtype=float)
        gamma = np.asarray(fibers[0].gamma(freq), dtype=float) * 1e3
        extra = {}
        if mixed:
            extra = {
                "symbol_rate_baud": np.asarray(infos.baud_rate, float).tolist(),
                "launch_power_dbm_per_channel": np.round(
                    10 * np.log10(np.asarray(infos.tx_power, float)) + 30, 9).tolist(),
                "spectrum_partitions": mixed_spectrum(p_dbm),
            }
        out.append(
            {
                "plan": name,
                "n_spans": n_spans,
                "launch_power_dbm": p_dbm,
                "symbol_rate_baud": baud,
                "spacing_hz": spacing,
                "n_channels": int(freq.size),
                "amplifier_gain_db": [float(a.effective_gain) for a in amps][:1],
                "amplifier_nf_db": float(np.mean(amps[0].nf)),
                "frequency_hz": freq.tolist(),
                "gnpy_gamma_per_w_km": [round(float(g), 8) for g in gamma],
                "gsnr_db": np.round(np.asarray(rx.snr, float), 6).tolist(),
                "osnr_ase_db": np.round(np.asarray(rx.osnr_ase, float), 6).tolist(),
                "osnr_ase_01nm_db": np.round(np.asarray(rx.osnr_ase_01nm, float), 6).tolist(),
                "snr_nli_db": np.round(np.asarray(rx.osnr_nli, float), 6).tolist(),
                "first_span_nli_w": [float(f"{x:.9e}") for x in _RECORD["nli"]],
                "first_amp_ase_input_w": [float(f"{x:.9e}") for x in _RECORD["ase"]],
                **extra,
            }
        )
    return out


def main():
    _install_recorders()
    cases = []
    for plan in PLANS:
        for n in CASES_SPANS:
            cases += run_case(n, plan)
    mixed_plan = (MIXED_NAME, 32e9, 50e9, 191.35e12, 196.1e12, MIXED_POWERS)
    for n in MIXED_SPANS:
        cases += run_case(n, mixed_plan, mixed=True)
    doc = {
        "source": "GNPy (Telecom Infra Project, oopt-gnpy), propagation through "
        "gnpy.tools.worker_utils.designed_network + transmission_simulation",
        "gnpy_version": GNPY_VERSION,
        "python_version": platform.python_version(),
        "numpy_version": np.__version__,
        "generator": "make_gnpy_reference.py (this folder)",
        "sim_params": {
            "raman_params": {"flag": False},
            "nli_params": {"method": "gn_model_analytic"},
        },
        "inputs": {
            "span_length_km": SPAN_LENGTH_KM,
            "attenuation_db_per_km": ATTENUATION_DB_PER_KM,
            "dispersion_ps_nm_km": DISPERSION_S_PER_M2 * 1e6,
            "gamma_per_w_km_at_ref": GAMMA_PER_W_M * 1e3,
            "gamma_ref_wavelength_m": REF_WAVELENGTH_M,
            "amplifier": "fixed_gain EDFA after every span, gain = span loss, NF below",
            "noise_figure_db": NF_DB,
            "roll_off": 0.15,
            "tx_osnr_db": 100,
            "connector_losses_db": 0,
        },
        "units": {
            "frequency_hz": "Hz",
            "gsnr_db": "dB, signal in symbol-rate bandwidth",
            "osnr_ase_db": "dB, ASE only, symbol-rate bandwidth",
            "osnr_ase_01nm_db": "dB, ASE only, 12.5 GHz (0.1 nm) reference bandwidth",
            "snr_nli_db": "dB, NLI only, symbol-rate bandwidth",
            "first_span_nli_w": "W, NLI of fibre 1, symbol-rate bandwidth, at fibre input",
            "first_amp_ase_input_w": "W, ASE of EDFA 1, symbol-rate bandwidth, at its input",
            "gnpy_gamma_per_w_km": "1/(W km), GNPy's frequency-scaled gamma per channel",
        },
        "cases": cases,
    }
    path = Path(__file__).with_name("gnpy_reference.json")
    path.write_text(json.dumps(doc, indent=1) + "\n")
    print(f"wrote {path} with {len(cases)} cases, GNPy {GNPY_VERSION}")


if __name__ == "__main__":
    main()
