"""KPI targets: the ``targets:`` scenario section, ITU-R presets and pass/fail verdicts.

A scenario lists targets, each either one comparison or a preset::

    targets:
      - {kpi: latency_p99_s, op: "<=", value: 0.001}
      - {kpi: throughput_bps, op: ">=", value: 1.0e8, flow: video}
      - {kpi: reliability, op: ">=", value: 0.99999, latency_bound_s: 0.001,
         packet_size_bytes: 32, flow: urllc}
      - {preset: imt2020_urllc, flow: urllc}

Presets are the ITU-R IMT-2020 minimum requirements (Report ITU-R M.2410-0, 11/2017,
clause 4) and the IMT-2030 capability ranges (Recommendation ITU-R M.2160-0, 11/2023,
clause 5.2), stored with their definitions and clauses in ``data/itu_targets.json``.

A target with ``flow:`` is evaluated on that flow's row of the ``flows`` table (KPI key
``kpi@flow``); a ``reliability`` target on the success probability of packets no larger
than ``packet_size_bytes`` delivered within ``latency_bound_s`` (M.2410, 4.10). An explicit
target whose KPI the run does not produce is a failure (``missing``); a preset's target whose
KPI the scenario cannot produce (connection density, mobility, ...) is ``n/a`` and does not
fail the run.
"""

from __future__ import annotations

import functools
import json
import math
import operator
from dataclasses import dataclass
from importlib import resources
from typing import Any, Literal

import numpy as np
from pydantic import ConfigDict, PositiveFloat, RootModel

from netsim.experiment.scenario import Spec
from netsim.experiment.sections import Section

__all__ = [
    "TargetSpec", "TargetsSpec", "Target", "Verdict", "SECTION", "presets", "expand",
    "evaluate", "derived_kpis", "reliability", "format_verdicts", "OPS",
]

OPS = {"<=": operator.le, "<": operator.lt, ">=": operator.ge, ">": operator.gt,
       "==": operator.eq}
"""Comparison operators a target may use."""

# KPIs that can be computed per flow from the ``flows`` table: kpi -> column
_FLOW_COLUMNS = {
    "latency_mean_s": "latency_mean_s", "user_plane_latency_s": "latency_mean_s",
    "latency_p50_s": "latency_p50_s", "latency_p90_s": "latency_p90_s",
    "latency_p99_s": "latency_p99_s", "latency_p99_9_s": "latency_p99_9_s",
    "latency_p99_999_s": "latency_p99_999_s", "throughput_bps": "throughput_bps",
    "packet_loss_ratio": "loss_ratio",
}


class TargetSpec(Spec):
    """One target: ``kpi`` ``op`` ``value``, or a ``preset`` name."""

    kpi: str | None = None
    op: Literal["<=", "<", ">=", ">", "=="] | None = None
    value: float | None = None
    preset: str | None = None
    flow: str | None = None
    """Evaluate on this flow only (a ``traffic[].name``)."""
    latency_bound_s: PositiveFloat | None = None
    """Reliability: latency bound a packet must meet (s)."""
    packet_size_bytes: PositiveFloat | None = None
    """Reliability: packets no larger than this count (bytes)."""
    name: str | None = None
    """Label in reports (default: the KPI expression)."""


class TargetsSpec(RootModel[list[TargetSpec]]):
    """The ``targets:`` section: a list of :class:`TargetSpec`."""

    model_config = ConfigDict(frozen=True)


@dataclass(frozen=True)
class Target:
    """A resolved comparison ``kpi op value`` with where it comes from."""

    kpi: str
    op: str
    value: float
    name: str
    flow: str | None = None
    latency_bound_s: float | None = None
    packet_size_bytes: float | None = None
    preset: str | None = None
    source: str = ""
    definition: str = ""

    @property
    def key(self) -> str:
        """Name of the KPI in a run's KPI dictionary."""
        k = self.kpi
        if k == "reliability":
            k = f"reliability_{self.packet_size_bytes:g}B_{self.latency_bound_s * 1e3:g}ms"
        return f"{k}@{self.flow}" if self.flow is not None else k


@dataclass(frozen=True)
class Verdict:
    """Outcome of one target: ``status`` is ``pass``, ``fail``, ``missing`` or ``n/a``."""

    target: Target
    status: str
    value: float = math.nan
    ci_half_width: float | None = None
    n: int = 1
    confident: bool | None = None
    """For a mean over replications: whether the whole 95% interval is on the verdict's side."""

    @property
    def failed(self) -> bool:
        return self.status in ("fail", "missing")


@functools.lru_cache(maxsize=1)
def presets() -> dict[str, dict]:
    """The preset table (``data/itu_targets.json``), loaded once."""
    text = resources.files("netsim.experiment").joinpath("data/itu_targets.json").read_text(
        encoding="utf-8")
    return json.loads(text)["presets"]


def _check(cfg: TargetsSpec, scn) -> list[str]:
    problems = []
    flows = {t.name for t in scn.traffic if t.name is not None}
    flows |= {f"flow{i}" for i, t in enumerate(scn.traffic) if t.name is None}
    for i, t in enumerate(cfg.root):
        where = f"targets[{i}]"
        if t.preset is not None:
            if t.kpi is not None or t.op is not None or t.value is not None:
                problems.append(f"{where}: give either preset or kpi/op/value, not both")
            if t.preset not in presets():
                problems.append(f"{where}.preset: {t.preset!r} is not allowed: one of "
                                f"{sorted(presets())}")
        elif t.kpi is None or t.op is None or t.value is None:
            problems.append(f"{where}: give kpi, op and value (or a preset)")
        elif t.kpi == "reliability" and (t.latency_bound_s is None
                                         or t.packet_size_bytes is None):
            problems.append(f"{where}: a reliability target needs latency_bound_s and "
                            "packet_size_bytes (Report ITU-R M.2410-0, 4.10)")
        if t.flow is not None and t.flow not in flows:
            problems.append(f"{where}.flow: {t.flow!r} is not allowed: one of {sorted(flows)}")
    return problems


def _build(cfg, ctx) -> None:  # targets change nothing in the simulation
    ctx.state["targets"] = expand(cfg)


SECTION = Section("targets", TargetsSpec, _build, check=_check, order=90)
"""Scenario section ``targets:``."""


def expand(cfg: TargetsSpec | list | None) -> list[Target]:
    """Resolve presets into a flat list of :class:`Target`."""
    if cfg is None:
        return []
    items = cfg.root if isinstance(cfg, TargetsSpec) else cfg
    out: list[Target] = []
    for t in items:
        if t.preset is not None:
            p = presets()[t.preset]
            for d in p["targets"]:
                out.append(Target(
                    kpi=d["kpi"], op=d["op"], value=float(d["value"]),
                    name=f"{t.preset}: {d['kpi']}", flow=t.flow,
                    latency_bound_s=d.get("latency_bound_s"),
                    packet_size_bytes=d.get("packet_size_bytes"), preset=t.preset,
                    source=f"{p['short']} clause {d['clause']}",
                    definition=d["definition"]))
        else:
            out.append(Target(
                kpi=t.kpi, op=t.op, value=float(t.value),
                name=t.name or f"{t.kpi}{'@' + t.flow if t.flow else ''} {t.op} {t.value:g}",
                flow=t.flow, latency_bound_s=t.latency_bound_s,
                packet_size_bytes=t.packet_size_bytes, source="scenario"))
    return out


def reliability(flows, latency, latency_bound_s: float, packet_size_bytes: float,
                flow: str | None = None) -> float:
    """Success probability of a packet within a latency bound (M.2410-0, 4.10).

    For each flow whose delivered packets are all no larger than ``packet_size_bytes``:
    ``p_f = (1 - lost / (sent - in_flight)) * P(latency <= bound | delivered)``; the result is
    the mean of ``p_f`` weighted by packets sent. NaN when no flow qualifies.

    Parameters
    ----------
    flows, latency : pandas.DataFrame
        The run's ``flows`` and ``latency`` tables.
    """
    num = den = 0.0
    if latency is None or not len(latency):
        return math.nan
    for name, g in latency.groupby("flow", sort=False):
        if flow is not None and name != flow:
            continue
        if float(g["size_bytes"].max()) > packet_size_bytes:
            continue
        row = flows[flows["flow"] == name]
        if not len(row):
            continue
        r = row.iloc[0]
        done = float(r["sent"] - r["in_flight"])
        if done <= 0:
            continue
        within = float(np.mean(g["latency_s"].to_numpy() <= latency_bound_s))
        num += float(r["sent"]) * (1.0 - float(r["lost"]) / done) * within
        den += float(r["sent"])
    return num / den if den > 0 else math.nan


def derived_kpis(targets: list[Target], tables: dict) -> dict[str, float]:
    """KPIs that the targets need beyond the run's own: per-flow values and reliability."""
    out: dict[str, float] = {}
    flows = tables.get("flows")
    for t in targets:
        if t.kpi == "reliability":
            v = reliability(flows, tables.get("latency"), t.latency_bound_s,
                            t.packet_size_bytes, flow=t.flow)
            if not math.isnan(v):
                out[t.key] = v
        elif t.flow is not None and flows is not None and t.kpi in _FLOW_COLUMNS:
            row = flows[flows["flow"] == t.flow]
            if len(row):
                v = float(row.iloc[0][_FLOW_COLUMNS[t.kpi]])
                if not math.isnan(v):
                    out[t.key] = v
        elif t.flow is not None and t.kpi == "peak_rate_bps" and "throughput" in tables:
            tp = tables["throughput"]
            g = tp[tp["flow"] == t.flow]
            if len(g):
                out[t.key] = float(g["throughput_bps"].max())
    return out


def evaluate(targets: list[Target], kpis: dict[str, Any],
             ci: dict[str, tuple[float, int]] | None = None) -> list[Verdict]:
    """Verdicts of ``targets`` on ``kpis`` (means when ``ci`` gives half widths and counts).

    ``ci`` maps a KPI key to ``(half_width, n)`` of its 95% interval over replications; the
    verdict compares the mean, and ``confident`` says whether the whole interval agrees.
    """
    out = []
    for t in targets:
        v = kpis.get(t.key)
        if v is None or (isinstance(v, float) and math.isnan(v)):
            out.append(Verdict(t, "n/a" if t.preset is not None else "missing"))
            continue
        v = float(v)
        ok = OPS[t.op](v, t.value)
        hw, n, conf = None, 1, None
        if ci is not None and t.key in ci:
            hw, n = ci[t.key]
            if hw is not None and math.isfinite(hw):
                lo, hi = v - hw, v + hw
                conf = (OPS[t.op](lo, t.value) and OPS[t.op](hi, t.value)) if ok else \
                    not (OPS[t.op](lo, t.value) or OPS[t.op](hi, t.value))
        out.append(Verdict(t, "pass" if ok else "fail", v, hw, n, conf))
    return out


def format_verdicts(verdicts: list[Verdict], title: str = "") -> str:
    """A plain-text pass/fail table."""
    if not verdicts:
        return ""
    lines = [title] if title else []
    head = f"{'target':<44}{'value':>14}{'±95% CI':>12}{'limit':>14}  verdict"
    lines += [head, "-" * len(head)]
    for v in verdicts:
        t = v.target
        val = "-" if math.isnan(v.value) else f"{v.value:.6g}"
        hw = "" if v.ci_half_width is None else f"{v.ci_half_width:.3g}"
        status = v.status.upper() if v.failed else v.status
        if v.confident is False:
            status += " (CI overlaps limit)"
        lines.append(f"{t.name[:43]:<44}{val:>14}{hw:>12}{t.op + ' ' + format(t.value, 'g'):>14}"
                     f"  {status}")
    n_fail = sum(v.failed for v in verdicts)
    lines.append(f"{len(verdicts) - n_fail}/{len(verdicts)} targets met or not applicable; "
                 f"{n_fail} failed")
    return "\n".join(lines)
