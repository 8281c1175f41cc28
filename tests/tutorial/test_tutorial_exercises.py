"""Each exercise of the lab course (docs/tutorial/) run at a reduced size, its outputs
parsed, and its numbers compared with closed forms evaluated here, independently of the
code under test.

The scripts are run in-process (imported from their files, ``--quick``); exercise 01 runs
the ``netsim run`` command itself. Every check names its source.
"""

from __future__ import annotations

import importlib.util
import json
import math
import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TUTORIAL = os.path.join(ROOT, "docs", "tutorial")


def _load(name: str):
    path = os.path.join(TUTORIAL, f"{name}.py")
    spec = importlib.util.spec_from_file_location(f"tutorial_{name}", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _run(name: str, out_dir) -> tuple[dict, dict]:
    """Run exercise ``name`` quickly; return its returned summary and its summary.json."""
    summary = _load(name).main(["--out", str(out_dir), "--quick"])
    with open(os.path.join(out_dir, "summary.json")) as f:
        written = json.load(f)
    return summary, written


def erlang_b(load: float, servers: int) -> float:
    # Erlang B recursion (Kleinrock, Queueing Systems vol. 1, 1975, eq. 3.46):
    # B(0) = 1, B(n) = A B(n-1) / (n + A B(n-1)); printed tables give B(7 Erl, 10) = 0.0787
    b = 1.0
    for n in range(1, servers + 1):
        b = load * b / (n + load * b)
    return b


def test_erlang_b_helper_against_printed_table():
    assert erlang_b(7.0, 10) == pytest.approx(0.0787, abs=5e-5)
    assert erlang_b(1.0, 2) == pytest.approx(0.2, abs=1e-15)  # 1/2 / (2 + 1/2) by hand


# --- 01: first run ----------------------------------------------------------------------

def test_01_first_run_command_and_report(tmp_path):
    out = tmp_path / "01"
    proc = subprocess.run(
        [sys.executable, "-m", "netsim", "run", os.path.join(ROOT, "experiments",
                                                            "quickstart.yaml"),
         "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "urllc" in proc.stdout and "KPIs:" in proc.stdout
    s = _load("01_first_run").main([str(out)])
    assert s["status"] == "complete"
    # CBR 256 kb/s of 32-byte packets = 1000 packets/s for the 10 s of the scenario
    assert abs(s["urllc_sent"] - 10_000) <= 1
    # store and forward on ue->gnb->edge, by hand: 256 bit / 200 Mb/s + 0.5 ms
    # + 256 bit / 1 Gb/s + 0.05 ms = 1.28 us + 500 us + 0.256 us + 50 us = 551.536 us;
    # no packet can be faster, and at 0.1 % URLLC load some packet finds empty queues.
    floor = 256 / 2e8 + 0.5e-3 + 256 / 1e9 + 50e-6
    assert floor == pytest.approx(551.536e-6, rel=1e-12)
    assert s["urllc_latency_min_s"] == pytest.approx(floor, abs=1e-9)
    assert s["urllc_latency_p99_s"] >= floor
    # conservation (docs/core.md): sent = delivered + lost + in flight
    assert s["packets_sent"] == s["packets_delivered"] + s["lost"] + s["in_flight"]
    # the fibre cut of the scenario loses packets for reason link_down
    assert s["losses_by_reason"]["link_down"] > 0


# --- 02: path loss and SINR ---------------------------------------------------------------

def test_02_free_space_path_loss_and_single_cell_snr(tmp_path):
    s, written = _run("02_pathloss_sinr", tmp_path)
    assert written == pytest.approx(s)
    c = 299_792_458.0
    # Friis: FSPL = 20 log10(4 pi d f / c) at d = 100 m, f = 3.5 GHz:
    # 4 pi 100 3.5e9 / c = 14 671 -> 83.329 dB. With c = 3.0e8 m/s (the value TR 38.901
    # writes for its breakpoint distance) it would be 0.006 dB lower; the tolerance 0.01 dB
    # accepts either convention and nothing else.
    fspl = 20 * math.log10(4 * math.pi * 100.0 * 3.5e9 / c)
    assert s["fspl_check_db"] == pytest.approx(fspl, abs=0.01)
    assert 83.32 < s["fspl_check_db"] < 83.34
    # one cell, no antenna pattern: SNR = P - FSPL(200 m) - (-174 dBm/Hz + 10 log10 B + NF)
    # = 46 - 89.35 - (-174 + 73.01 + 9) = 48.64 dB
    noise = -174.0 + 10 * math.log10(20e6) + 9.0
    snr = 46.0 - 20 * math.log10(4 * math.pi * 200.0 * 3.5e9 / c) - noise
    assert s["snr_single_cell_db"] == pytest.approx(snr, abs=0.01)
    # the map is a real interference-limited map: sensible spread of SINR
    assert s["sinr_p5_db"] < s["sinr_p50_db"] < s["sinr_p95_db"]
    assert -15.0 < s["sinr_p5_db"] < 5.0 and 0.0 < s["share_below_0db"] < 0.5
    assert os.path.getsize(tmp_path / "02_sinr_map.png") > 1000


# --- 03: queueing ----------------------------------------------------------------------

def test_03_mm1_mean_delay_within_ci(tmp_path):
    s, written = _run("03_queueing_latency", tmp_path)
    assert written["points"] == s["points"]
    mu = 1000.0  # 8 Mb/s / (8 x 1000 bytes)
    for row in s["points"]:
        lam = row["rho"] * mu
        expected = 1.0 / (mu - lam)  # M/M/1 mean sojourn time, Kleinrock eq. 3.26
        assert row["mm1_mean_delay_s"] == pytest.approx(expected, rel=1e-12)
        assert abs(row["mean_delay_s"] - expected) <= row["ci_half_width_s"], row
        # the interval must be narrow enough to catch a wrong model (e.g. M/D/1 at
        # rho = 0.8 is 40 % lower)
        assert row["ci_half_width_s"] < 0.2 * expected
        # M/M/1 FIFO sojourn time is exponential: p99 = ln(100) / (mu - lambda);
        # sample quantile tolerance 15 %
        assert row["p99_delay_s"] == pytest.approx(math.log(100) / (mu - lam), rel=0.15)


# --- 04: LEO pass ----------------------------------------------------------------------

def test_04_leo_pass_against_closed_form_geometry(tmp_path):
    s, _ = _run("04_leo_pass", tmp_path)
    step = s["step_s"]
    r_e = 6378.137            # WGS-84 equatorial radius: the station's geocentric radius
    mu = 398600.4418          # km^3/s^2 (WGS-84 / EGM-96)
    a = r_e + 550.0
    n = math.sqrt(mu / a**3)  # mean motion, rad/s
    omega_e = 1.00273790935 * 2 * math.pi / 86400.0  # Earth rotation (GMST rate, IAU-82)
    w = n - omega_e           # prograde equatorial orbit: rate relative to the ground
    el = math.radians(10.0)
    # Earth central angle from the sub-satellite point to the 10 deg horizon:
    # lambda = arccos(R cos(el) / a) - el; the pass is 2 lambda / w (about 510 s)
    lam = math.acos(r_e * math.cos(el) / a) - el
    duration = 2 * lam / w
    assert 505.0 < duration < 515.0
    assert abs(s["pass_duration_s"] - duration) <= step + 1e-6
    # overhead pass: 90 deg, missed by at most half a step at the zenith angular rate
    # a w / h (rad/s)
    zenith_rate_deg_s = math.degrees(a * w / 550.0)
    assert 90.0 - s["max_elevation_deg"] <= 1.01 * zenith_rate_deg_s * step / 2
    # smallest slant range: the altitude, plus the chord of half a step
    theta = w * step / 2
    r_half = math.sqrt(a**2 + r_e**2 - 2 * a * r_e * math.cos(theta))
    assert 550.0 - 1e-6 <= s["min_slant_range_km"] <= r_half + 1e-6
    assert s["min_one_way_delay_s"] == pytest.approx(550e3 / 299_792_458.0, abs=1e-6)
    # largest slant range at 10 deg (TR 38.811 6.6.2): sqrt(a^2 - (R cos el)^2) - R sin el
    d_max = math.sqrt(a**2 - (r_e * math.cos(el)) ** 2) - r_e * math.sin(el)
    assert d_max - a * w * step - 1e-6 <= s["max_slant_range_km"] <= d_max + 1e-6
    assert 1 <= s["paris_visible_min"] <= s["paris_visible_max"] < 60


# --- 05: optical blocking ----------------------------------------------------------------

def test_05_single_link_blocking_matches_erlang_b(tmp_path):
    s, _ = _run("05_optical_blocking", tmp_path)
    assert s["channels"] == 10
    for row in s["single_link"]:
        b = erlang_b(row["load_erlang"], 10)
        assert row["erlang_b"] == pytest.approx(b, rel=1e-12)
        assert abs(row["blocking"] - b) <= row["ci_half_width"], row
    # the interval must be able to fail: at 7 and 9 Erlang it is tighter than 15 % of B
    for row in s["single_link"]:
        if row["load_erlang"] >= 7.0:
            assert row["ci_half_width"] < 0.15 * row["erlang_b"]
    # NSFNET: KSP-FF blocks less than SP-FF at every load (docs/optical-network.md)
    nsf = {(r["policy"], r["load_erlang"]): r["blocking_probability"] for r in s["nsfnet"]}
    for load in (150.0, 200.0, 250.0):
        assert nsf[("KSP-FF", load)] < nsf[("SP-FF", load)]


# --- 06: a controller ----------------------------------------------------------------------

def test_06_controller_hand_checked_choice():
    import netsim as ns
    from netsim.control import Allocator, Request

    mod = _load("06_write_controller")
    sim = ns.Simulation(seed=1)
    net = ns.Network(sim)
    for node in "ABCD":
        net.add_node(node)
    # A-B-D: 2 ms, bottleneck 8 Gb/s; A-C-D: 4 ms, bottleneck 10 Gb/s
    net.add_link("A", "B", rate_bps=8e9, delay_s=1e-3)
    net.add_link("B", "D", rate_bps=10e9, delay_s=1e-3)
    net.add_link("A", "C", rate_bps=10e9, delay_s=2e-3)
    net.add_link("C", "D", rate_bps=10e9, delay_s=2e-3)
    al = Allocator(net, mod.LeastLoaded())
    a1 = al.submit(Request(1, "A", "D", capacity_bps=1e9, holding_s=10.0))
    assert a1.admitted and a1.path == ["A", "C", "D"]       # widest bottleneck: 10 > 8
    assert a1.delay_s == pytest.approx(4e-3, abs=1e-15)
    # a 3 ms bound leaves only A-B-D
    a2 = al.submit(Request(2, "A", "D", capacity_bps=1e9, latency_bound_s=3e-3,
                           holding_s=10.0))
    assert a2.admitted and a2.path == ["A", "B", "D"]
    # a 1 ms bound: nothing meets it
    a3 = al.submit(Request(3, "A", "D", capacity_bps=1e9, latency_bound_s=1e-3))
    assert not a3.admitted and a3.reason == "latency"


def test_06_controller_single_link_erlang_b_and_mesh(tmp_path):
    s, _ = _run("06_write_controller", tmp_path)
    one = s["single_link"]
    # 1 Gb/s link, 100 Mb/s requests: 10 servers, 7 Erlang -> B = 0.07874
    assert one["erlang_b"] == pytest.approx(erlang_b(7.0, 10), rel=1e-12)
    assert abs(one["blocking"] - erlang_b(7.0, 10)) <= one["ci_half_width"]
    assert one["ci_half_width"] < 0.03
    mesh = {(r["controller"], r["arrival_rate_per_s"]): r for r in s["mesh"]}
    assert len(mesh) == 9
    for r in s["mesh"]:
        assert 0.0 <= r["blocking"] < 1.0
        # every admitted path is within the 12 ms bound and at least one 2 ms hop
        assert 2e-3 <= r["mean_delay_s"] <= 12e-3


# --- the pages: every relative link resolves -----------------------------------------------

def _links(md_path: str) -> list[str]:
    import re

    with open(md_path) as f:
        text = f.read()
    targets = re.findall(r"\]\(([^)\s]+)\)", text)
    return [t for t in targets if "://" not in t and not t.startswith("#")]


def test_tutorial_and_gallery_links_exist():
    pages = [os.path.join(TUTORIAL, f) for f in sorted(os.listdir(TUTORIAL))
             if f.endswith(".md")]
    pages.append(os.path.join(ROOT, "docs", "gallery.md"))
    assert len(pages) >= 8  # README, six exercises, answers, gallery
    for page in pages:
        links = _links(page)
        for target in links:
            path = os.path.normpath(os.path.join(os.path.dirname(page), target))
            assert os.path.isfile(path), f"{os.path.relpath(page, ROOT)}: missing {target}"
            # figures shown must be committed files: only the top-level results/ (where
            # `netsim run` writes by default) is git-ignored
            assert os.path.relpath(path, ROOT).split(os.sep)[0] != "results", target
    for n in range(1, 7):
        figs = [f for f in os.listdir(os.path.join(TUTORIAL, "figures"))
                if f.startswith(f"{n:02d}_")]
        assert figs, f"no figure for exercise {n:02d}"
