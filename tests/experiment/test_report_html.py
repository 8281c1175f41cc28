"""Reports: the pass/fail table, the figures behind each verdict, a self-contained HTML page.

Checked by parsing the output (PRACTICES 14), not byte-exact text. The browser test runs
when a ``chromium`` binary is on PATH (Debian package ``chromium``) and is skipped otherwise.
"""

from __future__ import annotations

import base64
import shutil
import subprocess
from html.parser import HTMLParser

import pytest

from netsim.cli import main

GRID = """
targets:
  - {kpi: latency_p99_s, op: "<=", value: 0.5}
  - {kpi: throughput_bps, op: ">=", value: 1.0e12}
sweep:
  # a one-value override first: it must not label the points nor be the plots' x axis
  parameters: {"links[0].delay_s": [0.002], "links[0].rate_bps": [1.0e7, 2.0e7]}
  replications: 2
"""


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.imgs, self.links, self.tables, self.rows, self.scripts = [], [], 0, [], 0
        self._row, self._cell = None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "img":
            self.imgs.append(a.get("src", ""))
        if tag in ("link", "a") and a.get("href"):
            self.links.append(a["href"])
        if tag == "script":
            self.scripts += 1
        if tag == "table":
            self.tables += 1
        if tag == "tr":
            self._row = []
        if tag in ("td", "th"):
            self._cell = ""

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._row is not None:
            self._row.append(self._cell)
            self._cell = None
        if tag == "tr":
            self.rows.append(self._row)
            self._row = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data


@pytest.fixture
def sweep_report(tiny, tmp_path):
    out = str(tmp_path / "sw")
    assert main(["sweep", tiny(GRID), "--out", out, "--jobs", "1", "--quiet"]) == 1
    assert main(["report", out, "--format", "png"]) == 0
    return tmp_path / "sw" / "report"


def test_sweep_report_tables_and_embedded_figures(sweep_report):
    page = _Page()
    page.feed((sweep_report / "report.html").read_text())
    assert page.scripts == 0 and page.links == []          # nothing external to load
    assert page.imgs and all(s.startswith("data:image/png;base64,") for s in page.imgs)
    for s in page.imgs:                                      # each is a real PNG
        assert base64.b64decode(s.split(",", 1)[1])[:8] == b"\x89PNG\r\n\x1a\n"
    verdict_rows = [r for r in page.rows if r and r[-2] in ("pass", "fail")]
    # 2 points x 2 targets; throughput >= 1 Tb/s fails at both, latency passes at both
    assert sorted(r[-2] for r in verdict_rows) == ["fail", "fail", "pass", "pass"]
    for r in verdict_rows:                                  # mean, interval and count shown
        lo, hi = (float(x) for x in r[3].strip("[]").split(","))
        assert lo <= float(r[2]) <= hi and r[4] == "2"
    # points are labelled by the varying parameter only; the fixed one is stated once
    assert sorted({r[0] for r in verdict_rows}) == ["links[0].rate_bps=1e+07",
                                                   "links[0].rate_bps=2e+07"]
    md = (sweep_report / "report.md").read_text()
    assert "2 of 4 failed" in md and "![" in md
    assert "set for every point: links[0].delay_s=0.002" in md
    assert (sweep_report / "figures" / "kpi_throughput_bps.png").is_file()


def test_run_report_and_fail_on_targets(tiny, tmp_path):
    scn = tiny('targets: [{kpi: throughput_bps, op: ">=", value: 1.0e12}]\n')
    out = tmp_path / "run"
    assert main(["run", scn, "--out", str(out), "--quiet"]) == 1
    assert main(["report", str(out)]) == 0
    assert main(["report", str(out), "--fail-on-targets"]) == 1
    figs = {p.name for p in (out / "report" / "figures").iterdir()}
    assert {"latency_ccdf.png", "latency_ccdf.pdf", "throughput_cdf.png",
            "throughput_time.png"} <= figs
    assert main(["report", str(tmp_path)]) == 2             # not a results folder


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium not installed")
def test_html_report_opens_in_headless_chromium(sweep_report):
    html = sweep_report / "report.html"
    cmd = ["chromium", "--headless", "--no-sandbox", "--disable-gpu",
           "--enable-logging=stderr", "--v=0", "--dump-dom", html.as_uri()]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    page = _Page()
    page.feed(proc.stdout)
    assert page.tables >= 2 and page.imgs
    bad = [ln for ln in proc.stderr.splitlines()
           if "Uncaught" in ln or "ERR_FILE_NOT_FOUND" in ln or "Failed to load" in ln]
    assert not bad, bad
