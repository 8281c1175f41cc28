"""Emulator export: Mahimahi link traces (mm-link(1)) and tc-netem(8) scripts.

Mahimahi: each line is one delivery opportunity for a 1500-byte packet (12000 bits) at an
integer millisecond; "a link that can pass one MTU-sized packet per millisecond (12 Mbps)"
(mahimahi-traces README, mm-link(1)). Hand-computed cases:
- 12 Mb/s for 1 s: 12000 bits/ms -> exactly one opportunity per ms: 1, 2, ..., 1000;
- 24 Mb/s for 0.1 s: two per ms: 1, 1, 2, 2, ..., 100, 100;
- 12 Mb/s for 0.5 s then 6 Mb/s: 500 opportunities by 0.5 s, then one per 12000 / 6e6 s =
  2 ms: 502, 504, ..., 1000;
- 12 Mb/s with the link down from 0.2 s to 0.3 s: 1..200 then 301..1000 (no opportunity
  while down, the count resumes where it stopped).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from netsim.cli import main
from netsim.experiment.export import mahimahi_trace, netem_script, path_schedule


def _sched(rows):
    return pd.DataFrame(rows, columns=["time_s", "rate_bps", "delay_s", "loss_prob", "up"])


def test_constant_12mbps_is_one_opportunity_per_ms():
    ms = mahimahi_trace(_sched([(0.0, 12e6, 0.0, 0.0, True)]), 1.0)
    assert ms.tolist() == list(range(1, 1001))


def test_24mbps_is_two_per_ms():
    ms = mahimahi_trace(_sched([(0.0, 24e6, 0.0, 0.0, True)]), 0.1)
    assert ms.tolist() == [k for k in range(1, 101) for _ in range(2)]


def test_rate_change_and_outage():
    ms = mahimahi_trace(_sched([(0.0, 12e6, 0, 0, True), (0.5, 6e6, 0, 0, True)]), 1.0)
    assert ms.tolist() == list(range(1, 501)) + list(range(502, 1001, 2))
    ms = mahimahi_trace(_sched([(0.0, 12e6, 0, 0, True), (0.2, 12e6, 0, 0, False),
                                (0.3, 12e6, 0, 0, True)]), 1.0)
    assert ms.tolist() == list(range(1, 201)) + list(range(301, 1001))


def test_path_combines_min_rate_sum_delay_and_loss():
    ls = pd.DataFrame([
        (0.0, "a->b", "a", "b", 1e8, 0.001, 0.01, True),
        (0.0, "b->c", "b", "c", 5e7, 0.002, 0.02, True),
        (1.0, "b->c", "b", "c", 5e7, 0.002, 0.02, False),
    ], columns=["time_s", "link", "src", "dst", "rate_bps", "delay_s", "loss_prob", "up"])
    s = path_schedule(ls, ["a->b", "b->c"])
    assert s["time_s"].tolist() == [0.0, 1.0]
    assert s["rate_bps"].iloc[0] == 5e7
    assert s["delay_s"].iloc[0] == pytest.approx(0.003, abs=1e-15)
    assert s["loss_prob"].iloc[0] == pytest.approx(1 - 0.99 * 0.98, abs=1e-15)  # 0.0298
    assert s["up"].tolist() == [True, False]


def _netem_cmds(text):
    return [ln.split() for ln in text.splitlines() if ln and not ln.startswith("#")]


def test_netem_script_schedule():
    s = _sched([(0.0, 12e6, 0.010, 0.001, True), (0.5, 6e6, 0.010, 0.001, True),
                (0.8, 6e6, 0.010, 0.001, False)])
    cmds = _netem_cmds(netem_script(s, 1.0, jitter_s=np.array([0.002, np.nan, np.nan])))
    tc = [c for c in cmds if c[0] == "tc"]
    sleeps = [float(c[1]) for c in cmds if c[0] == "sleep"]
    assert tc[0][:3] == ["tc", "qdisc", "replace"] and tc[1][2] == "change"
    first = " ".join(tc[0])
    assert "delay 10.000000ms 2.000000ms" in first          # 10 ms, 2 ms jitter
    assert "loss 0.1%" in first and "rate 12000000bit" in first
    assert "rate 6000000bit" in " ".join(tc[1])
    assert "loss 100%" in " ".join(tc[2]) and "rate" not in " ".join(tc[2])
    assert tc[-1][:3] == ["tc", "qdisc", "del"]
    assert sleeps == pytest.approx([0.5, 0.3, 0.2], abs=1e-9)


EXPORT_SCN = """\
name: exp
seed: 2
run: {duration_s: 1.0}
outputs: {plots: false}
nodes: [{name: a}, {name: b}, {name: c}]
links:
  - {a: a, b: b, rate_bps: 1.2e7, delay_s: 0.001}
  - {a: b, b: c, rate_bps: 2.4e7, delay_s: 0.002, loss_prob: 0.01}
traffic: [{name: f, model: cbr, src: a, dst: c, rate_bps: 1.0e6, packet_size_bytes: 500}]
events:
  - {at_s: 0.5, link: [a, b], set: {rate_bps: 6.0e6}}
"""


def test_cli_export_from_a_run(tmp_path):
    scn = tmp_path / "e.yaml"
    scn.write_text(EXPORT_SCN)
    out = tmp_path / "run"
    assert main(["run", str(scn), "--out", str(out), "--quiet"]) == 0
    mm = tmp_path / "ab.trace"
    assert main(["export", str(out), "--link", "a->b", "--format", "mahimahi",
                 "--out", str(mm)]) == 0
    lines = [int(x) for x in mm.read_text().split()]
    # 12 Mb/s until 0.5 s then 6 Mb/s (the scheduled event): see module docstring
    assert lines == list(range(1, 501)) + list(range(502, 1001, 2))
    sh = tmp_path / "f.sh"
    assert main(["export", str(out), "--flow", "f", "--format", "netem", "--out", str(sh),
                 "--interval-s", "0.25"]) == 0
    tc = [c for c in _netem_cmds(sh.read_text()) if c[0] == "tc" and c[2] != "del"]
    assert len(tc) == 4  # one per 0.25 s step
    first = " ".join(tc[0])
    # path a->b->c: delay 1 + 2 = 3 ms, loss 1 %, bottleneck 12 Mb/s, later 6 Mb/s
    assert "delay 3.000000ms" in first and "loss 1%" in first and "rate 12000000bit" in first
    assert "rate 6000000bit" in " ".join(tc[2])
    assert main(["export", str(out), "--link", "x->y", "--format", "netem"]) == 2
