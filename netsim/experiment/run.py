"""Run a scenario: build, simulate, gather tables and KPIs, write results.

Results go to an output folder as each is ready: CSV tables, a ``manifest.json``
(netsim and package versions, scenario hash, seed, status) and plots. The manifest is
written first with ``status: "running"`` and rewritten with ``"complete"`` at the end,
so a folder left by an interrupted run is recognisable and never mistaken for a result.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import os
import platform
import sys
import time
from dataclasses import dataclass, field
from importlib import metadata
from typing import Any

import numpy as np
import pandas as pd

from netsim.core.link import Link
from netsim.experiment.build import build
from netsim.experiment.scenario import Scenario

__all__ = ["RunResult", "run_scenario", "manifest", "write_table", "format_summary",
           "sha256_file", "LinkStateRecorder", "RouteRecorder"]

_PACKAGES = ("netsim", "numpy", "numba", "simpy", "networkx", "scipy", "pandas",
             "pydantic", "matplotlib", "pyyaml")


@dataclass
class RunResult:
    """Tables and KPIs of one run."""

    scenario: Scenario
    seed: int
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    kpis: dict[str, float] = field(default_factory=dict)
    wall_s: float = 0.0
    files: list[str] = field(default_factory=list)
    verdicts: list = field(default_factory=list)
    """Target verdicts (:class:`netsim.experiment.targets.Verdict`), if the scenario has any."""

    @property
    def failed_targets(self) -> list:
        """Verdicts that failed (or whose KPI is missing)."""
        return [v for v in self.verdicts if v.failed]


def sha256_file(path: str) -> str:
    """SHA-256 of a file's bytes (hex)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


class LinkStateRecorder:
    """Records every directed link's rate, delay, loss and up state when it changes.

    Rows (``time_s``, ``link``, ``src``, ``dst``, ``rate_bps``, ``delay_s``, ``loss_prob``,
    ``up``, ``mac``) are added at the start for every link and then whenever the network reports a
    change (``Network.add_listener``) that alters one of these values. ``loss_prob`` is read
    at those instants (the core does not announce loss changes on their own). This table is
    what ``netsim export`` turns into Mahimahi traces and ``tc netem`` scripts.

    ``mac`` is True for a link whose class overrides :meth:`netsim.core.link.Link.send`
    (a segment MAC such as the radio ``AirLink``): its timing is set by the MAC and its
    ``rate_bps``/``delay_s`` are nominal, so ``netsim export`` takes such a path's delay
    from the flow's measured latency.
    """

    def __init__(self, net):
        self.net = net
        self.rows: list[tuple] = []
        self._last: dict[int, tuple] = {}
        for link in net.links:
            self._record(link)
        net.add_listener(self._on_event)

    def _on_event(self, _event: str, link) -> None:
        self._record(link)

    def _record(self, link) -> None:
        state = (float(link.rate_bps), float(link.delay_s), float(link.loss_prob),
                 bool(link.up))
        key = id(link)
        if self._last.get(key) == state:
            return
        self._last[key] = state
        mac = type(link).send is not Link.send
        self.rows.append((self.net.sim.now_s, link.name, link.src, link.dst, *state, mac))

    def finish(self) -> None:
        """Pick up loss changes not announced by the core (state at the end of the run)."""
        for link in self.net.links:
            self._record(link)

    def to_dataframe(self) -> pd.DataFrame:
        return pd.DataFrame(self.rows, columns=["time_s", "link", "src", "dst", "rate_bps",
                                                "delay_s", "loss_prob", "up", "mac"])


class RouteRecorder:
    """Records each packet flow's route whenever it changes (``routes.csv``).

    Rows (``time_s``, ``flow``, ``path``, ``links``): the instant the route was installed,
    the flow, its node path joined by ``-`` (as in ``flows.csv``; empty: no route) and its
    directed links as a JSON list of link names (``["a->b", "b->c"]``). A default-routed
    flow recomputes its route lazily, at its first packet after a link change
    (:meth:`netsim.Network.add_route_listener`), so ``time_s`` is when the flow's packets
    actually started to take the route; a pinned path (``set_path``, e.g. by a controller)
    is recorded when installed. ``netsim export --flow`` follows this table.
    """

    def __init__(self, net):
        self.net = net
        self.rows: list[tuple] = []
        self._last: dict[str, tuple] = {}
        for flow in net.flows.values():
            if flow.path:  # pinned before the run started
                self._on_route(flow)
        net.add_route_listener(self._on_route)

    def _on_route(self, flow) -> None:
        path = tuple(flow.path) if flow.path else ()
        if self._last.get(flow.name) == path:
            return
        self._last[flow.name] = path
        links = [f"{u}->{v}" for u, v in zip(path[:-1], path[1:])]
        self.rows.append((self.net.sim.now_s, flow.name, "-".join(map(str, path)),
                          json.dumps(links)))

    def to_dataframe(self) -> pd.DataFrame:
        return pd.DataFrame(self.rows, columns=["time_s", "flow", "path", "links"])


@functools.lru_cache(maxsize=1)
def _versions() -> tuple:
    """Installed versions of netsim and its main dependencies (read once per process)."""
    out = []
    for p in _PACKAGES:
        try:
            out.append((p, metadata.version(p)))
        except metadata.PackageNotFoundError:  # pragma: no cover
            out.append((p, None))
    return tuple(out)


def manifest(scn: Scenario, seed: int, **extra: Any) -> dict:
    """Provenance of a run: versions, scenario hash, seed, platform."""
    return {
        "scenario": scn.name, "scenario_sha256": scn.digest(), "seed": seed,
        "python": sys.version.split()[0], "platform": platform.platform(),
        "versions": dict(_versions()), **extra,
    }


def write_table(df: pd.DataFrame, path: str) -> str:
    """Write a table as CSV atomically (a temporary file renamed into place)."""
    tmp = path + ".part"
    df.to_csv(tmp, index=False)
    os.replace(tmp, path)
    return path


def _write_json(obj: dict, path: str) -> None:
    tmp = path + ".part"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(obj, fh, indent=2, sort_keys=True, default=str)
    os.replace(tmp, path)


def run_scenario(
    scn: Scenario,
    out_dir: str | None = None,
    seed: int | None = None,
    progress: bool = False,
    extra_manifest: dict | None = None,
) -> RunResult:
    """Build and run ``scn``; write results to ``out_dir`` if given.

    Parameters
    ----------
    seed : int, optional
        Overrides the scenario's seed.
    progress : bool
        Print progress (simulated time, wall time) to stderr.
    extra_manifest : dict, optional
        More provenance for ``manifest.json`` (a sweep's parameters and replication).

    The manifest of a complete run lists every file written with its SHA-256
    (``files_sha256``), so a truncated or altered file is detected later.
    """
    extra_manifest = dict(extra_manifest or {})
    seed = scn.seed if seed is None else int(seed)
    t0 = time.perf_counter()
    if out_dir is not None:
        os.makedirs(out_dir, exist_ok=True)
        _write_json(manifest(scn, seed, status="running", **extra_manifest),
                    os.path.join(out_dir, "manifest.json"))
    ctx = build(scn, seed=seed)
    sim, net = ctx.sim, ctx.net
    recorder = LinkStateRecorder(net) if scn.outputs.link_state else None
    routes = RouteRecorder(net) if scn.outputs.link_state else None
    duration = scn.run.duration_s
    steps = 20 if progress else 1
    for k in range(1, steps + 1):
        sim.run(until_s=duration * k / steps)
        if progress:
            print(f"\r  simulated {sim.now_s:.4g}/{duration:g} s  "
                  f"wall {time.perf_counter() - t0:.1f} s", end="", file=sys.stderr)
    if progress:
        print(file=sys.stderr)
    net.check_conservation()
    if recorder is not None:
        recorder.finish()
    mon = net.monitor
    warm = scn.run.warmup_s
    tables = {"flows": mon.to_dataframe("flows", warmup_s=warm),
              "links": mon.to_dataframe("links")}
    if net.flows:
        tables["throughput"] = mon.to_dataframe(
            "throughput", interval_s=scn.outputs.throughput_interval_s)
        if scn.outputs.latency_samples or scn.outputs.plots:
            tables["latency"] = mon.to_dataframe("latency", warmup_s=warm)
    if scn.outputs.sample_queues_s is not None:
        tables["queue"] = mon.to_dataframe("queue")
    if ctx.fluid is not None:
        tables["fct"] = ctx.fluid.to_dataframe()
    if recorder is not None:
        tables["link_state"] = recorder.to_dataframe()
    if routes is not None and net.flows:
        tables["routes"] = routes.to_dataframe()
    for name, fn in ctx.tables.items():
        tables[name] = fn()
    kpis = _core_kpis(tables)
    for fn in ctx.kpis:
        kpis.update(fn())
    verdicts = []
    if "targets" in scn.sections:
        from netsim.experiment import targets as _targets

        tlist = _targets.expand(scn.sections["targets"])
        kpis.update(_targets.derived_kpis(tlist, tables))
        verdicts = _targets.evaluate(tlist, kpis)
    res = RunResult(scn, seed, tables, kpis, time.perf_counter() - t0, verdicts=verdicts)
    if out_dir is not None:
        for name, df in tables.items():
            if name == "latency" and not scn.outputs.latency_samples:
                continue
            res.files.append(write_table(df, os.path.join(out_dir, f"{name}.csv")))
        if scn.outputs.plots:
            from netsim.experiment import plots

            if "latency" in tables and len(tables["latency"]):
                res.files += plots.latency_cdf(tables["latency"],
                                               os.path.join(out_dir, "latency_cdf.png"))
            if "throughput" in tables and len(tables["throughput"]):
                res.files += plots.throughput_over_time(tables["throughput"],
                                                        os.path.join(out_dir, "throughput.png"))
        _write_json({"kpis": kpis, "targets": [_verdict_json(v) for v in verdicts]},
                    os.path.join(out_dir, "kpis.json"))
        res.files.append(os.path.join(out_dir, "kpis.json"))
        names = [os.path.basename(f) for f in res.files]
        _write_json(manifest(scn, seed, status="complete", wall_s=res.wall_s,
                             simulated_s=sim.now_s, files=names,
                             files_sha256={n: sha256_file(f) for n, f in zip(names, res.files)},
                             **extra_manifest),
                    os.path.join(out_dir, "manifest.json"))
    return res


def _verdict_json(v) -> dict:
    t = v.target
    return {"name": t.name, "kpi": t.kpi, "key": t.key, "op": t.op, "value": t.value,
            "flow": t.flow, "preset": t.preset, "source": t.source,
            "definition": t.definition, "latency_bound_s": t.latency_bound_s,
            "packet_size_bytes": t.packet_size_bytes, "status": v.status,
            "measured": None if math.isnan(v.value) else v.value}


def _core_kpis(tables: dict[str, pd.DataFrame]) -> dict[str, float]:
    """Scenario-wide KPIs from the core tables.

    Besides packet counts, loss, latency quantiles and total throughput:
    ``user_plane_latency_s`` is the mean one-way latency of every delivered packet (the
    M.2410-0 4.7.1 quantity when the scenario carries an unloaded probe flow; select it with
    a target's ``flow:``); ``user_experienced_rate_bps`` the 5th percentile of the per-flow
    throughputs (M.2410-0 4.3: 5% point of the user throughput CDF); ``peak_rate_bps`` the
    largest throughput any single flow reached in one bin of the ``throughput`` table.
    """
    kpis: dict[str, float] = {}
    flows = tables["flows"]
    if len(flows):
        sent = int(flows["sent"].sum())
        kpis["packets_sent"] = sent
        kpis["packets_delivered"] = int(flows["delivered"].sum())
        kpis["packet_loss_ratio"] = float(flows["lost"].sum() / sent) if sent else float("nan")
        if "latency" in tables and len(tables["latency"]):
            lat = tables["latency"]["latency_s"].to_numpy()
            for name, q in (("latency_p50_s", 0.5), ("latency_p99_s", 0.99),
                            ("latency_p99_999_s", 0.99999)):
                kpis[name] = float(pd.Series(lat).quantile(q))
            kpis["latency_mean_s"] = float(lat.mean())
            kpis["user_plane_latency_s"] = kpis["latency_mean_s"]
        kpis["throughput_bps"] = float(flows["throughput_bps"].sum())
        tp = flows["throughput_bps"].dropna().to_numpy()
        if tp.size:
            kpis["user_experienced_rate_bps"] = float(np.percentile(tp, 5))
        if "throughput" in tables and len(tables["throughput"]):
            kpis["peak_rate_bps"] = float(tables["throughput"]["throughput_bps"].max())
    if "fct" in tables and len(tables["fct"]):
        kpis["fluid_flows_completed"] = int(len(tables["fct"]))
        kpis["fct_mean_s"] = float(tables["fct"]["fct_s"].mean())
    return kpis


def format_summary(res: RunResult) -> str:
    """A short plain-text summary: one line per flow, then the KPIs."""
    flows = res.tables["flows"]
    lines = [f"scenario {res.scenario.name!r}  seed {res.seed}  "
             f"simulated {res.scenario.run.duration_s:g} s in {res.wall_s:.2f} s wall"]
    if len(flows):
        head = (f"{'flow':<14}{'path':<28}{'sent':>9}{'deliv':>9}{'loss%':>8}"
                f"{'mean ms':>9}{'p99 ms':>9}{'p99.999':>9}{'Mb/s':>9}")
        lines += [head, "-" * len(head)]
        for r in flows.itertuples():
            lines.append(
                f"{str(r.flow)[:13]:<14}{str(r.path)[:27]:<28}{r.sent:>9d}{r.delivered:>9d}"
                f"{100 * r.loss_ratio:>8.3f}{1e3 * r.latency_mean_s:>9.3f}"
                f"{1e3 * r.latency_p99_s:>9.3f}{1e3 * r.latency_p99_999_s:>9.3f}"
                f"{r.throughput_bps / 1e6:>9.3f}"
            )
    if res.kpis:
        lines.append("KPIs: " + ", ".join(f"{k}={v:.6g}" for k, v in res.kpis.items()))
    return "\n".join(lines)
