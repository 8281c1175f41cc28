"""Rural LEO backhaul over a day of satellite passes, with a Ka-band rain event.

Builds the ``space:`` section of ``rural_leo_backhaul.yaml`` alone (the radio cell and the
packet flows would cost a day of slots; their figures come from the short run) and steps
the constellation over ``--hours`` at ``--epoch-s``. After each epoch it reads the
least-delay station-to-station path the segment reports (``space_paths``) and the rates
of that path's links, i.e. the backhaul's one-way delay and bottleneck rate.

Rain time series: the scenario's link budgets use ITU-R P.618-13 2.2.1.1 rain attenuation
"exceeded for p % of an average year" (``netsim.space.itur_p618``). A rain event is
played as a sequence of such levels: before and after it the sky is clear (no rain
term); during it p steps 1 % -> 0.1 % -> 0.01 % -> 0.1 % -> 1 % (``RAIN_EVENT``),
applied by replacing the segment's GSL rate models (``LinkBudgetRate`` with another
``RainSpec``) at the step instants. Writes ``day.csv`` (per epoch: ``t_s, delay_s,
hops, rate_bps, rain_p``), ``day_summary.json`` and ``day.png``.

Run: ``python experiments/rural_leo_backhaul/run_day.py [--hours 24] [--epoch-s 30]``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os

import numpy as np
import pandas as pd

from netsim.core.simulation import Callback
from netsim.experiment.build import build
from netsim.experiment.scenario import parse_scenario
from netsim.experiment.yamlio import load_yaml
from netsim.space.gsl_capacity import RainSpec

HERE = os.path.dirname(os.path.abspath(__file__))
# (start offset from the event start in s, exceedance percent; None = clear sky)
RAIN_EVENT = [(0.0, 1.0), (1200.0, 0.1), (2100.0, 0.01), (2700.0, 0.1), (3600.0, 1.0),
              (4800.0, None)]


def load_space_only(hours: float, epoch_s: float):
    """The scenario without radio, traffic, targets and sweep, run for ``hours``."""
    data = load_yaml(os.path.join(HERE, "rural_leo_backhaul.yaml"))
    for k in ("radio", "traffic", "targets", "sweep"):
        data.pop(k, None)
    data["run"] = {"duration_s": 3600.0 * hours}
    data["outputs"] = {"plots": False, "link_state": False}
    data["space"]["epoch_s"] = float(epoch_s)
    for d in ("downlink", "uplink"):
        data["space"]["gsl"][d].pop("rain", None)  # clear sky outside the event
    return parse_scenario(data, base_dir=HERE, source="rural_leo_backhaul.yaml")


def rain_models(clear: tuple, p: float | None, rain: dict) -> tuple:
    """The clear-sky (uplink, downlink) GSL models with P.618 rain exceeded for ``p`` %."""
    spec = None if p is None else RainSpec(rain["rain_rate_001_mm_h"],
                                           rain["rain_height_km"], exceedance_percent=p)
    return tuple(dataclasses.replace(m, rain=spec) for m in clear)


def run(hours: float, epoch_s: float, event_start_s: float) -> pd.DataFrame:
    scn = load_space_only(hours, epoch_s)
    rain = load_yaml(os.path.join(HERE, "rural_leo_backhaul.yaml"))["space"]["gsl"][
        "downlink"]["rain"]
    ctx = build(scn)
    sim, net, seg = ctx.sim, ctx.net, ctx.state["space"]
    clear = (seg.uplink, seg.downlink)
    state = {"p": None}

    def set_rain(p):
        def apply():
            state["p"] = p
            seg.uplink, seg.downlink = rain_models(clear, p, rain)
        return apply

    for off, p in RAIN_EVENT:
        # just before an epoch, so that epoch's rates use the new level
        sim.call_at(max(event_start_s + off - 1e-6, 0.0), set_rain(p))
    rows = []

    def sample(cb: Callback) -> None:
        paths = seg._paths
        if paths:
            t, _, _, delay, hops, _, path = paths[-1]
            nodes = path.split(" ") if isinstance(path, str) and path else []
            rate = min((net.link(a, b).rate_bps for a, b in zip(nodes[:-1], nodes[1:])),
                       default=0.0)
            rows.append((t, delay, hops, rate, np.nan if state["p"] is None else state["p"]))
        sim.schedule(epoch_s, cb)

    sim.schedule(epoch_s / 2, Callback(sample))  # half an epoch after each update
    sim.run(until_s=scn.run.duration_s)
    return pd.DataFrame(rows, columns=["t_s", "delay_s", "hops", "rate_bps", "rain_p"])


def plot(df: pd.DataFrame, path: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (a1, a2) = plt.subplots(2, 1, figsize=(9, 5), sharex=True)
    h = df["t_s"] / 3600.0
    a1.plot(h, 1e3 * df["delay_s"], lw=0.8)
    a1.set_ylabel("one-way delay,\ngs_rural-gs_gateway (ms)")
    a2.plot(h, df["rate_bps"] / 1e9, lw=0.8, label="path bottleneck rate")
    rainy = df["rain_p"].notna()
    a2.fill_between(h, 0, df["rate_bps"].max() / 1e9, where=rainy, color="0.85",
                    label="rain event (P.618, 1 % -> 0.01 %)")
    a2.set_ylabel("rate (Gb/s)")
    a2.set_xlabel("time (h)")
    a2.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--hours", type=float, default=24.0)
    ap.add_argument("--epoch-s", type=float, default=30.0)
    ap.add_argument("--event-start-h", type=float, default=None,
                    help="start of the rain event (h; default: the middle of the run)")
    ap.add_argument("--out", default=os.path.join(HERE, "results", "day"))
    a = ap.parse_args()
    start = 3600.0 * (a.hours / 2 if a.event_start_h is None else a.event_start_h)
    df = run(a.hours, a.epoch_s, start)
    os.makedirs(a.out, exist_ok=True)
    df.to_csv(os.path.join(a.out, "day.csv"), index=False)
    ok = df["delay_s"].notna() & (df["rate_bps"] > 0)
    summ = {"epochs": int(len(df)), "available_share": float(ok.mean()),
            "delay_ms_p50": 1e3 * float(df.loc[ok, "delay_s"].median()),
            "delay_ms_p99": 1e3 * float(df.loc[ok, "delay_s"].quantile(0.99)),
            "delay_ms_max": 1e3 * float(df.loc[ok, "delay_s"].max()),
            "rate_gbps_clear_mean": float(df.loc[ok & df["rain_p"].isna(), "rate_bps"]
                                          .mean()) / 1e9}
    for p in (1.0, 0.1, 0.01):
        sel = ok & (df["rain_p"] == p)
        summ[f"rate_gbps_rain_{p:g}pct_mean"] = (float(df.loc[sel, "rate_bps"].mean()) / 1e9
                                                 if sel.any() else float("nan"))
        summ[f"outage_share_rain_{p:g}pct"] = (float((df.loc[df["rain_p"] == p, "rate_bps"]
                                                      <= 0).mean())
                                               if (df["rain_p"] == p).any() else float("nan"))
    with open(os.path.join(a.out, "day_summary.json"), "w", encoding="utf-8") as fh:
        json.dump(summ, fh, indent=1)
    plot(df, os.path.join(a.out, "day.png"))
    print(json.dumps(summ, indent=1))


if __name__ == "__main__":
    main()
