"""Physical-layer reach table used for lightpath formats: against GNPy's GSNR.

Outside numbers: GNPy 3.0.1's GSNR per channel after one 80 km SSMF span (EDFA gain
16 dB, NF 5.5 dB, full C band 32 GBd / 50 GHz, -2 dBm per channel;
``tests/data/gnpy/gnpy_reference.json``); reach N = floor(10^((GSNR_1 - threshold)/10))
spans (GSNR(N) = GSNR(1) / N for transparent spans); net bits per symbol of a DP format
2 log2(M) x 239/255 (7 % HD-FEC, ITU-T G.975.1 App. I.9), by hand.
"""

import json
import math
from pathlib import Path

import pytest

from netsim.errors import ParameterError
from netsim.optical.physical_reach import gsnr_reach_table
from netsim.optical.transceiver import Transceiver

REF = json.loads((Path(__file__).parents[1] / "data" / "gnpy" / "gnpy_reference.json").read_text())


def test_reach_from_gnpy_one_span_gsnr():
    c1 = next(c for c in REF["cases"] if c["plan"] == "32GBd_50GHz" and c["n_spans"] == 1
              and c["launch_power_dbm"] == -2.0)
    g1 = min(c1["gsnr_db"])  # worst channel after one span
    table = gsnr_reach_table(span_length_km=80.0, launch_power_dbm=-2.0)
    t = Transceiver()
    thr = {m.name: x for m, x in zip(t.formats, t.thresholds_db)}
    assert table.formats == ("DP-64QAM", "DP-32QAM", "DP-16QAM", "DP-8QAM", "DP-QPSK")
    for name, reach in zip(table.formats, table.max_reach_km):
        n_gnpy = math.floor(10 ** ((g1 - thr[name]) / 10))
        # one span of slack where a threshold falls inside netsim's <= 0.01 dB offset
        # from GNPy at this power (see test_capacity_gnpy_links.py)
        assert abs(reach / 80.0 - n_gnpy) <= max(1, 0.01 * n_gnpy)


def test_net_bits_per_symbol_by_hand():
    table = gsnr_reach_table()
    hand = {"DP-64QAM": 12, "DP-32QAM": 10, "DP-16QAM": 8, "DP-8QAM": 6, "DP-QPSK": 4}
    for name, bits in zip(table.formats, table.bits_per_symbol):
        assert bits == pytest.approx(hand[name] * 239 / 255, rel=1e-12)


def test_bad_span_is_named():
    with pytest.raises(ParameterError) as exc:
        gsnr_reach_table(span_length_km=-1.0)
    assert exc.value.field == "span_length_km"
