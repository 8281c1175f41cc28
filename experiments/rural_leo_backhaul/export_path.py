"""Export the rural end-to-end path, following the satellite route epoch by epoch.

``netsim export --flow NAME`` replays the flow's route *at the end of the run*; over a
LEO backhaul the route changes with every pass, so this script rebuilds the route for
each epoch: the flow's terrestrial ends from ``flows.csv`` (e.g. ``ue0 gnb_rural
gs_rural`` and ``gs_gateway server``) around the epoch's least-delay satellite path from
``space_paths.csv``. Within an epoch the path state is combined from ``link_state.csv``
by :func:`netsim.experiment.export.path_schedule` (min rate, summed delay, combined
loss); the pieces are joined and written with
:func:`netsim.experiment.export.mahimahi_trace` and
:func:`netsim.experiment.export.netem_script` (jitter per step: the standard deviation of
the flow's measured one-way latency in the step).

Run: ``python experiments/rural_leo_backhaul/export_path.py RESULTS_DIR --flow probe
[--interval-s 1.0] [--dev eth1]``; writes ``RESULTS_DIR/export/<flow>.path.mahimahi`` and
``<flow>.path.netem.sh``.
"""

from __future__ import annotations

import argparse
import json
import os

import numpy as np
import pandas as pd

from netsim.experiment.export import mahimahi_trace, netem_script, path_schedule

STATIONS = ("gs_rural", "gs_gateway")


def following_schedule(results_dir: str, flow: str) -> pd.DataFrame:
    """Path state of ``flow`` with the satellite part following ``space_paths.csv``."""
    flows = pd.read_csv(os.path.join(results_dir, "flows.csv"), keep_default_na=False)
    nodes = str(flows.loc[flows["flow"].astype(str) == flow, "path"].iloc[0]).split("-")
    a, b = (nodes.index(s) for s in STATIONS)
    first, last = min(a, b), max(a, b)
    head, tail = nodes[:first], nodes[last + 1:]
    reverse = a > b  # the flow crosses gateway -> rural: reverse the reported path
    sp = pd.read_csv(os.path.join(results_dir, "space_paths.csv"))
    ls = pd.read_csv(os.path.join(results_dir, "link_state.csv"))
    groups = dict(tuple(ls.groupby("link")))
    ends = np.append(sp["t_s"].to_numpy()[1:], np.inf)
    pieces = []
    for (t0, path), t1 in zip(sp[["t_s", "path"]].itertuples(index=False), ends):
        sat = str(path).split(" ") if isinstance(path, str) and path else []
        if reverse:
            sat = sat[::-1]
        route = head + sat + tail
        links = [f"{u}->{v}" for u, v in zip(route[:-1], route[1:])]
        if not sat or any(k not in groups for k in links):
            pieces.append(pd.DataFrame([(t0, 0.0, 0.0, 0.0, False)],
                                       columns=["time_s", "rate_bps", "delay_s",
                                                "loss_prob", "up"]))
            continue
        s = path_schedule(pd.concat([groups[k] for k in links]), links)
        at = s[s["time_s"] <= t0].tail(1).assign(time_s=t0)
        inside = s[(s["time_s"] > t0) & (s["time_s"] < t1)]
        pieces.append(pd.concat([at, inside]))
    out = pd.concat(pieces, ignore_index=True)
    return out.drop_duplicates("time_s", keep="last").reset_index(drop=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("results_dir")
    ap.add_argument("--flow", default="probe")
    ap.add_argument("--interval-s", type=float, default=1.0)
    ap.add_argument("--dev", default="eth0")
    a = ap.parse_args()
    with open(os.path.join(a.results_dir, "manifest.json"), encoding="utf-8") as fh:
        duration_s = float(json.load(fh)["simulated_s"])
    sched = following_schedule(a.results_dir, a.flow)
    # netem steps at a fixed interval: the state at each grid time
    grid = np.arange(0.0, duration_s, a.interval_s)
    i = np.clip(np.searchsorted(sched["time_s"].to_numpy(), grid, side="right") - 1, 0, None)
    step = sched.iloc[i].reset_index(drop=True).assign(time_s=grid)
    lat = pd.read_csv(os.path.join(a.results_dir, "latency.csv"))
    lat = lat[lat["flow"].astype(str) == a.flow]
    b = np.floor(lat["time_s"].to_numpy() / a.interval_s).astype(int)
    std = pd.Series(lat["latency_s"].to_numpy()).groupby(b).std(ddof=0)
    jitter = np.array([std.get(k, np.nan) for k in range(len(step))])
    os.makedirs(os.path.join(a.results_dir, "export"), exist_ok=True)
    base = os.path.join(a.results_dir, "export", f"{a.flow}.path")
    ms = mahimahi_trace(sched, duration_s)
    with open(base + ".mahimahi", "w", encoding="ascii") as fh:
        fh.write("\n".join(map(str, ms.tolist())) + "\n")
    with open(base + ".netem.sh", "w", encoding="utf-8") as fh:
        fh.write(netem_script(step, duration_s, a.dev, jitter,
                              title=f"flow {a.flow}, satellite route per epoch"))
    print(f"wrote {base}.mahimahi ({len(ms)} opportunities) and {base}.netem.sh "
          f"({len(step)} steps)")


if __name__ == "__main__":
    main()
