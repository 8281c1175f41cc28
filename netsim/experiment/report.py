"""Reports of a run or a sweep: Markdown and a self-contained HTML page.

``write_report(results_dir)`` reads a results folder (a ``netsim run`` folder with
``kpis.json``, or a ``netsim sweep`` folder with ``sweep.json``), draws the figures
(:mod:`netsim.experiment.plots`, PNG and PDF) and writes ``report.md`` (figures linked) and
``report.html`` (figures embedded as base64 PNG, inline CSS, no scripts, no external
resource) with the pass/fail table of the KPI targets and the figures behind each verdict:
the measured value or replication mean, its 95% confidence interval and the count.
"""

from __future__ import annotations

import base64
import html
import json
import math
import os
from datetime import datetime, timezone

import pandas as pd

from netsim.experiment import plots

__all__ = ["write_report"]

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:1000px;
margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
table{border-collapse:collapse;margin:1em 0;font-size:0.9em}
th,td{border:1px solid #ccc;padding:0.3em 0.6em;text-align:right}
th{background:#f3f3f3} td.l,th.l{text-align:left}
.pass{color:#0a6b2d;font-weight:600}.fail,.missing{color:#b00020;font-weight:600}
.na{color:#777} figure{margin:1.5em 0} img{max-width:100%} code{background:#f5f5f5}
"""


def _fmt(x, digits: int = 6) -> str:
    if x is None:
        return ""
    try:
        xf = float(x)
    except (TypeError, ValueError):
        return str(x)
    if math.isnan(xf):
        return ""
    return f"{xf:.{digits}g}"


def _read_json(path: str) -> dict:
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def _run_figures(run_dir: str, fig_dir: str, formats, prefix: str = "") -> list[tuple]:
    figs = []
    lat = os.path.join(run_dir, "latency.csv")
    tp = os.path.join(run_dir, "throughput.csv")
    if os.path.isfile(lat):
        df = pd.read_csv(lat)
        if len(df):
            f = plots.latency_cdf(df, os.path.join(fig_dir, f"{prefix}latency_ccdf.png"),
                                  formats)
            figs.append((f[0], "One-way latency CCDF per flow (log scales)."))
    if os.path.isfile(tp):
        df = pd.read_csv(tp)
        if len(df):
            f = plots.throughput_cdf(df, os.path.join(fig_dir, f"{prefix}throughput_cdf.png"),
                                     formats)
            figs.append((f[0], "CDF of the per-flow throughput in each time bin."))
            f = plots.throughput_over_time(
                df, os.path.join(fig_dir, f"{prefix}throughput_time.png"), formats)
            figs.append((f[0], "Delivered throughput per flow over time."))
    return figs


def _table(headers: list[str], rows: list[list], left: int = 1) -> tuple[str, str]:
    """(markdown, html) of a table; the first ``left`` columns are left-aligned."""
    md = ["| " + " | ".join(headers) + " |", "|" + "|".join(
        ":--" if i < left else "--:" for i in range(len(headers))) + "|"]
    md += ["| " + " | ".join(str(c).replace("|", "/") for c in r) + " |" for r in rows]
    h = ["<table><thead><tr>" + "".join(
        f'<th class="{"l" if i < left else ""}">{html.escape(c)}</th>'
        for i, c in enumerate(headers)) + "</tr></thead><tbody>"]
    for r in rows:
        cells = []
        for i, c in enumerate(r):
            cls = "l" if i < left else ""
            text = str(c)
            if text.lower() in ("pass", "fail", "missing", "n/a"):
                cls += " " + ("na" if text == "n/a" else text.lower())
            cells.append(f'<td class="{cls.strip()}">{html.escape(text)}</td>')
        h.append("<tr>" + "".join(cells) + "</tr>")
    h.append("</tbody></table>")
    return "\n".join(md), "\n".join(h)


def _verdict_rows_run(targets: list[dict]) -> list[list]:
    return [[t["name"], t["key"], _fmt(t.get("measured")), "", "1",
             f"{t['op']} {_fmt(t['value'])}", t["status"], t.get("source", "")]
            for t in targets]


def _verdict_rows_sweep(tdf: pd.DataFrame, params: list[str]) -> list[list]:
    rows = []
    for r in tdf.to_dict("records"):
        pv = ", ".join(f"{k}={_fmt(r[k])}" for k in params)
        status = r["status"]
        ci = ""
        if r.get("half_width") is not None and not pd.isna(r.get("half_width")):
            ci = f"[{_fmt(r['mean'] - r['half_width'])}, {_fmt(r['mean'] + r['half_width'])}]"
        note = " (CI overlaps limit)" if str(r.get("confident")) == "False" else ""
        rows.append([pv or "-", r["target"], _fmt(r["mean"]), ci, _fmt(r.get("n"), 3),
                     f"{r['op']} {_fmt(r['limit'])}", status + note if note else status,
                     r.get("source", "")])
    return rows


def write_report(results_dir: str, out_dir: str | None = None,
                 formats: tuple[str, ...] = ("png", "pdf")) -> dict:
    """Write ``report.md`` and ``report.html`` for a run or sweep folder.

    Returns a dict with the paths (``markdown``, ``html``, ``figures``) and ``failed``
    (the number of failed or missing targets).
    """
    from netsim.errors import ParameterError

    if "png" not in formats:
        formats = ("png", *formats)
    out_dir = out_dir or os.path.join(results_dir, "report")
    fig_dir = os.path.join(out_dir, "figures")
    os.makedirs(fig_dir, exist_ok=True)
    sweep_json = os.path.join(results_dir, "sweep.json")
    kpis_json = os.path.join(results_dir, "kpis.json")
    md: list[str] = []
    hb: list[str] = []
    figs: list[tuple] = []
    failed = 0
    verdict_head = ["point" if os.path.isfile(sweep_json) else "target", "target / KPI",
                    "value (mean)", "95% CI", "n", "limit", "verdict", "source"]
    if os.path.isfile(sweep_json):
        plan = _read_json(sweep_json)
        title = f"netsim sweep report: {plan['scenario']}"
        # label points by the parameters that vary; one-value overrides go in the intro
        grid = plan.get("parameters", {})
        params = [k for k, v in grid.items() if len(v) > 1]
        fixed = [f"{k}={_fmt(v[0]) if not isinstance(v[0], list) else f'[{len(v[0])} values]'}"
                 for k, v in grid.items() if len(v) == 1]
        fixed_txt = f" (set for every point: {', '.join(fixed)})" if fixed else ""
        summ = pd.read_csv(os.path.join(results_dir, "summary.csv"))
        tpath = os.path.join(results_dir, "targets.csv")
        tdf = pd.read_csv(tpath, keep_default_na=False, na_values=[""]) \
            if os.path.isfile(tpath) and os.path.getsize(tpath) > 1 else pd.DataFrame()
        intro = (f"Scenario `{plan['scenario']}` (sha256 `{plan['scenario_sha256'][:12]}`), "
                 f"{len(plan['points'])} grid points over {', '.join(params) or 'no parameter'}"
                 f"{fixed_txt}"
                 f", replications per point: {plan.get('replications_done', {})}. "
                 "Values are replication means with Student-t 95% confidence intervals.")
        sections = [("KPI targets", _verdict_rows_sweep(tdf, params) if len(tdf) else [])]
        if len(tdf):
            failed = int(tdf["status"].isin(["fail", "missing"]).sum())
        keys = list(dict.fromkeys(tdf["key"])) if len(tdf) else []
        keys = [k for k in keys if k in set(summ["kpi"])] if len(summ) else []
        keys += [k for k in ("latency_p99_s", "throughput_bps") if k in set(summ["kpi"])
                 and k not in keys]
        if params and len(summ):
            for k in keys:
                lim = None
                if len(tdf):
                    m = tdf[tdf["key"] == k]
                    lim = float(m["limit"].iloc[0]) if len(m) else None
                safe = "".join(c if c.isalnum() or c in "_-" else "_" for c in k)
                f = plots.kpi_vs_param(summ, k, params[0],
                                       os.path.join(fig_dir, f"kpi_{safe}.png"),
                                       group=params[1:], limit=lim, formats=formats)
                figs.append((f[0], f"{k} versus {params[0]}: replication means with 95% "
                                   "confidence intervals" + (f"; dashed: target {lim:g}"
                                                             if lim is not None else "")))
        first = [p["id"] for p in plan["points"]][:1]
        for pid in first:
            run_dir = os.path.join(results_dir, "runs", f"{pid}-r000")
            if os.path.isdir(run_dir):
                for f, cap in _run_figures(run_dir, fig_dir, formats, prefix=f"{pid}_"):
                    figs.append((f, f"{cap} Point {pid}, replication 0."))
        kpi_rows = []
        if len(summ):
            for r in summ.to_dict("records"):
                pv = ", ".join(f"{k}={_fmt(r[k])}" for k in params)
                kpi_rows.append([pv or "-", r["kpi"], _fmt(r["mean"]), _fmt(r["half_width"], 3),
                                 str(int(r["n"]))])
        kpi_table = (["point", "KPI", "mean", "±95% CI", "n"], kpi_rows, 2)
    elif os.path.isfile(kpis_json):
        data = _read_json(kpis_json)
        man = _read_json(os.path.join(results_dir, "manifest.json"))
        title = f"netsim run report: {man.get('scenario')}"
        intro = (f"Scenario `{man.get('scenario')}` (sha256 "
                 f"`{str(man.get('scenario_sha256'))[:12]}`), seed {man.get('seed')}, "
                 f"{_fmt(man.get('simulated_s'))} s simulated. A single run: no "
                 "confidence interval (run a sweep with replications for one).")
        targets = data.get("targets", [])
        failed = sum(t["status"] in ("fail", "missing") for t in targets)
        sections = [("KPI targets", _verdict_rows_run(targets))]
        figs += _run_figures(results_dir, fig_dir, formats)
        kpi_table = (["KPI", "value"], [[k, _fmt(v)] for k, v in sorted(
            data.get("kpis", {}).items())], 1)
    else:
        raise ParameterError("RESULTS_DIR", results_dir,
                             "a folder written by netsim run (kpis.json) or netsim sweep "
                             "(sweep.json)")

    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    md += [f"# {title}", "", f"_Generated {stamp}._", "", intro, ""]
    hb += [f"<h1>{html.escape(title)}</h1>", f"<p><em>Generated {stamp}.</em></p>",
           f"<p>{html.escape(intro)}</p>"]
    for name, rows in sections:
        md += [f"## {name}", ""]
        hb.append(f"<h2>{html.escape(name)}</h2>")
        if rows:
            m, h = _table(verdict_head, rows, left=2)
            verdict = f"**{failed} of {len(rows)} failed.**" if failed else \
                f"All {len(rows)} met or not applicable."
            md += [verdict, "", m, ""]
            hb += [f"<p><strong>{html.escape(verdict.strip('*'))}</strong></p>", h]
        else:
            md += ["No targets in the scenario.", ""]
            hb.append("<p>No targets in the scenario.</p>")
    head, rows, left = kpi_table
    m, h = _table(head, rows, left=left)
    md += ["## KPIs", "", m, ""]
    hb += ["<h2>KPIs</h2>", h]
    if figs:
        md += ["## Figures", ""]
        hb.append("<h2>Figures</h2>")
    for path, cap in figs:
        rel = os.path.relpath(path, out_dir)
        md += [f"![{cap}]({rel})", "", f"*{cap}* (PDF: `{os.path.splitext(rel)[0]}.pdf`)"
               if "pdf" in formats else f"*{cap}*", ""]
        with open(path, "rb") as fh:
            b64 = base64.b64encode(fh.read()).decode("ascii")
        hb.append(f'<figure><img alt="{html.escape(cap)}" src="data:image/png;base64,{b64}">'
                  f"<figcaption>{html.escape(cap)}</figcaption></figure>")
    md_path = os.path.join(out_dir, "report.md")
    html_path = os.path.join(out_dir, "report.html")
    with open(md_path + ".part", "w", encoding="utf-8") as fh:
        fh.write("\n".join(md) + "\n")
    os.replace(md_path + ".part", md_path)
    page = ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>\n"
            + "\n".join(hb) + "\n</body></html>\n")
    with open(html_path + ".part", "w", encoding="utf-8") as fh:
        fh.write(page)
    os.replace(html_path + ".part", html_path)
    return {"markdown": md_path, "html": html_path, "figures": [f for f, _ in figs],
            "failed": failed}
