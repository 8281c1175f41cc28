"""``netsim export --flow`` follows the flow's route history and its measured latency.

Outside references:
- Mahimahi link trace (mm-link(1), mahimahi-traces README): one line per delivery
  opportunity of one 1500-byte packet (12000 bits), so a path of rate r for T seconds
  holds r * T / 12000 lines.
- tc-netem(8) / Linux ``net/sched/sch_netem.c`` ``tabledist()``: ``delay D J`` without a
  distribution table draws each packet's delay uniformly in ``D +- J``; the exporter sets
  ``D - J`` to the base delay and ``D + J`` to base + the measured spread
  (netsim.experiment.export module docstring).
- Hand-worked paths: a -> b -> d (1 ms + 2 ms, bottleneck 12 Mb/s) until the b -> d link
  goes down at 0.5 s, then a -> c -> d (4 ms + 5 ms, bottleneck 6 Mb/s). A 125-byte
  (1000-bit) packet with no queueing takes the propagation delays plus one transmission
  time per hop: 3 ms + 1000/24e6 + 1000/12e6 s = 3.125 ms, then 9 ms + 1000/6e6 +
  1000/48e6 s = 9.1875 ms.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import numpy as np
import pandas as pd
import pytest

from netsim.cli import main

NETEM_RES_S = 1e-9
"""The script prints delays in ms with 6 decimals: 1 ns resolution."""

REROUTE = """\
name: reroute
seed: 2
run: {duration_s: 1.0}
outputs: {plots: false}
nodes: [{name: a}, {name: b}, {name: c}, {name: d}]
links:
  - {a: a, b: b, rate_bps: 2.4e7, delay_s: 0.001}
  - {a: b, b: d, rate_bps: 1.2e7, delay_s: 0.002}
  - {a: a, b: c, rate_bps: 6.0e6, delay_s: 0.004}
  - {a: c, b: d, rate_bps: 4.8e7, delay_s: 0.005}
traffic: [{name: f, model: cbr, src: a, dst: d, rate_bps: 1.0e5, packet_size_bytes: 125}]
events:
  - {at_s: 0.5, link: [b, d], set: {up: false}}
"""

RADIO = """\
name: radio_export
seed: 4
run: {duration_s: 1.0}
outputs: {plots: false}
nodes: [{name: core}, {name: srv}]
links:
  - {a: core, b: srv, rate_bps: 1.0e10, delay_s: 0.0001}
radio:
  carrier_hz: 3.5e9
  bandwidth_hz: 2.0e7
  numerology: 1
  scenario: UMa
  layout: {type: explicit, sites: [{name: gnb0, x_m: 0.0, y_m: 0.0, sectors: 1}]}
  ue: {count: 1, positions_m: [[100.0, 0.0]], min_distance_m: 35.0, indoor_fraction: 0.0}
  mobility: {model: static}
  handover: {enabled: false}
  backhaul: {node: core}
traffic:
  - {name: dl, model: poisson, src: srv, dst: ue0, rate_bps: 256000, packet_size_bytes: 32}
"""


def _run(tmp_path, text, name):
    scn = tmp_path / f"{name}.yaml"
    scn.write_text(text)
    out = tmp_path / name
    assert main(["run", str(scn), "--out", str(out), "--quiet", "--no-fail"]) == 0
    return out


def _netem_steps(text):
    """(start time s, delay s, jitter s, command) of each tc step, times from the sleeps."""
    t, steps = 0.0, []
    for ln in text.splitlines():
        w = ln.split()
        if not w or w[0].startswith("#"):
            continue
        if w[0] == "sleep":
            t += float(w[1])
        elif w[0] == "tc" and w[2] in ("replace", "change"):
            i = w.index("delay")
            delay = float(w[i + 1].removesuffix("ms")) * 1e-3
            jit = float(w[i + 2].removesuffix("ms")) * 1e-3 if w[i + 2].endswith("ms") else 0.0
            steps.append((round(t, 9), delay, jit, ln))
    return steps


def _check_sh(path):
    sh = shutil.which("sh")
    if sh is not None:  # POSIX syntax check (sh -n parses without running)
        assert subprocess.run([sh, "-n", str(path)]).returncode == 0


@pytest.fixture(scope="module")
def reroute(tmp_path_factory):
    return _run(tmp_path_factory.mktemp("reroute"), REROUTE, "reroute")


def test_route_table_records_the_switch(reroute):
    r = pd.read_csv(reroute / "routes.csv")
    r = r[r["flow"] == "f"]
    assert r["path"].tolist() == ["a-b-d", "a-c-d"]
    assert json.loads(r["links"].iloc[1]) == ["a->c", "c->d"]
    # lazy rerouting: the first packet sent at or after the 0.5 s cut (CBR: every 10 ms)
    t_sw = float(r["time_s"].iloc[1])
    assert 0.5 <= t_sw <= 0.5 + 0.01 + 1e-9


def test_netem_delays_follow_the_route(reroute, tmp_path):
    sh = tmp_path / "f.netem.sh"
    assert main(["export", str(reroute), "--flow", "f", "--format", "netem",
                 "--interval-s", "0.25", "--out", str(sh)]) == 0
    _check_sh(sh)
    steps = _netem_steps(sh.read_text())
    t_sw = float(pd.read_csv(reroute / "routes.csv")["time_s"].iloc[-1])
    before = [s for s in steps if s[0] < 0.5]
    after = [s for s in steps if s[0] >= t_sw]
    assert before and after
    for _, d, j, cmd in before:  # a->b->d: 1 ms + 2 ms, 12 Mb/s bottleneck
        assert d - j == pytest.approx(0.001 + 0.002, abs=NETEM_RES_S)
        assert "rate 12000000bit" in cmd and "loss 0%" in cmd
    for _, d, j, cmd in after:  # a->c->d: 4 ms + 5 ms, 6 Mb/s bottleneck
        assert d - j == pytest.approx(0.004 + 0.005, abs=NETEM_RES_S)
        assert "rate 6000000bit" in cmd

    # --delay measured: the base is the minimum one-way latency (module docstring)
    assert main(["export", str(reroute), "--flow", "f", "--format", "netem",
                 "--interval-s", "0.25", "--delay", "measured", "--out", str(sh)]) == 0
    steps = _netem_steps(sh.read_text())
    for t, d, j, _ in steps:
        if t < 0.5:
            assert d - j == pytest.approx(0.003 + 1000 / 24e6 + 1000 / 12e6, abs=NETEM_RES_S)
        elif t >= t_sw:
            assert d - j == pytest.approx(0.009 + 1000 / 6e6 + 1000 / 48e6, abs=NETEM_RES_S)


def test_mahimahi_lines_per_route_interval(reroute, tmp_path):
    mm = tmp_path / "f.mahimahi"
    assert main(["export", str(reroute), "--flow", "f", "--format", "mahimahi",
                 "--out", str(mm)]) == 0
    ms = np.array([int(x) for x in mm.read_text().split()])
    t_sw = float(pd.read_csv(reroute / "routes.csv")["time_s"].iloc[-1])
    # [0, 0.5 s): 12e6 b/s x 0.5 s / 12000 b = 500 lines; [0.5 s, t_sw): the old route is
    # down (0 lines); [t_sw, 1 s): 6e6 b/s x (1 - t_sw) s / 12000 b
    assert int(np.sum(ms <= 500)) == 500
    assert int(np.sum(ms > 500)) == int(np.floor(6e6 * (1.0 - t_sw) / 12000 + 1e-9))
    assert np.all(np.diff(ms) >= 0)


def test_radio_delay_is_the_measured_latency(tmp_path):
    out = _run(tmp_path, RADIO, "radio")
    ls = pd.read_csv(out / "link_state.csv")
    assert ls.loc[ls["link"] == "gnb0->ue0", "mac"].all()      # AirLink: MAC timing
    assert not ls.loc[ls["link"] == "srv->core", "mac"].any()
    sh = tmp_path / "dl.netem.sh"
    assert main(["export", str(out), "--flow", "dl", "--format", "netem",
                 "--interval-s", "0.25", "--out", str(sh)]) == 0
    _check_sh(sh)
    steps = _netem_steps(sh.read_text())
    assert len(steps) == 4
    lat = pd.read_csv(out / "latency.csv")
    lat = lat[lat["flow"] == "dl"]
    sent = lat["time_s"].to_numpy() - lat["latency_s"].to_numpy()
    starts = [s[0] for s in steps] + [1.0]
    for (t0, d, j, _), t1 in zip(steps, starts[1:]):
        x = lat["latency_s"].to_numpy()[(sent >= t0) & (sent < t1)]
        assert len(x) > 50
        # netem's uniform D +- J spans [min, p99] of the packets sent in the step
        assert d - j == pytest.approx(np.min(x), abs=NETEM_RES_S)
        assert d + j == pytest.approx(np.quantile(x, 0.99), abs=2 * NETEM_RES_S)
    # the nominal link delays alone (--delay links) undercut the measured minimum: the
    # MAC adds slot alignment and processing (TS 38.214 5.3) on top of the nominal slot
    nominal = sum(float(ls.loc[ls["link"] == k, "delay_s"].iloc[0])
                  for k in ("srv->core", "core->gnb0", "gnb0->ue0"))
    assert main(["export", str(out), "--flow", "dl", "--format", "netem",
                 "--interval-s", "0.25", "--delay", "links", "--out", str(sh)]) == 0
    for _, d, j, _ in _netem_steps(sh.read_text()):
        assert d - j == pytest.approx(nominal, abs=NETEM_RES_S)
        assert nominal < float(lat["latency_s"].min())


def test_measured_delay_without_samples_is_refused(reroute, tmp_path):
    shutil.copytree(reroute, tmp_path / "nolat")
    (tmp_path / "nolat" / "latency.csv").unlink()
    assert main(["export", str(tmp_path / "nolat"), "--flow", "f", "--format", "netem",
                 "--delay", "measured"]) == 2
