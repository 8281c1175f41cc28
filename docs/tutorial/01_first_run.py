"""Exercise 01: run the quickstart scenario and read its report.

Run the scenario from the command line first::

    netsim run experiments/quickstart.yaml --out results/tutorial/01

then read what it wrote with this script::

    python docs/tutorial/01_first_run.py results/tutorial/01

The script prints one line per flow, compares the URLLC flow's fastest packet with the
latency floor worked out by hand (serialisation + propagation on each hop, store and
forward), and writes ``summary.json`` into the results folder.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil

import pandas as pd

# The URLLC path of experiments/quickstart.yaml: ue -> gnb -> edge.
# (rate_bps, delay_s) of each hop, as written in the scenario file.
URLLC_HOPS = [(2.0e8, 0.0005), (1.0e9, 0.00005)]
URLLC_PACKET_BYTES = 32


def latency_floor_s(hops: list[tuple[float, float]], size_bytes: int) -> float:
    """Store and forward: each hop adds 8 size / rate (serialisation) + its delay."""
    return sum(8.0 * size_bytes / rate + delay for rate, delay in hops)


def main(argv: list[str] | None = None) -> dict:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("results", help="folder written by `netsim run ... --out`")
    p.add_argument("--figures", default=None,
                   help="copy the run's plots into this folder (tutorial figures)")
    args = p.parse_args(argv)

    with open(os.path.join(args.results, "manifest.json")) as f:
        manifest = json.load(f)
    with open(os.path.join(args.results, "kpis.json")) as f:
        kpis = json.load(f)["kpis"]
    flows = pd.read_csv(os.path.join(args.results, "flows.csv"))
    latency = pd.read_csv(os.path.join(args.results, "latency.csv"))

    print(f"run status: {manifest['status']}, seed {manifest['seed']}")
    for r in flows.itertuples():
        print(f"{r.flow:<11} sent {r.sent:>7}  delivered {r.delivered:>7}  "
              f"lost {r.lost:>5} (buffer {r.lost_buffer_overflow}, link down "
              f"{r.lost_link_down}, channel {r.lost_channel})  "
              f"mean {1e3 * r.latency_mean_s:.3f} ms  p99 {1e3 * r.latency_p99_s:.3f} ms")

    floor = latency_floor_s(URLLC_HOPS, URLLC_PACKET_BYTES)
    fastest = float(latency.loc[latency["flow"] == "urllc", "latency_s"].min())
    print(f"URLLC latency floor by hand {1e3 * floor:.6f} ms, fastest packet "
          f"{1e3 * fastest:.6f} ms")
    urllc = flows.set_index("flow").loc["urllc"]
    summary = {
        "status": manifest["status"],
        "urllc_sent": int(urllc["sent"]),
        "urllc_latency_min_s": fastest,
        "urllc_latency_floor_s": floor,
        "urllc_latency_p99_s": float(urllc["latency_p99_s"]),
        "losses_by_reason": {
            reason: int(flows[f"lost_{reason}"].sum())
            for reason in ("buffer_overflow", "link_down", "channel", "no_route")
        },
        "packets_sent": int(kpis["packets_sent"]),
        "packets_delivered": int(kpis["packets_delivered"]),
        "in_flight": int(flows["in_flight"].sum()),
        "lost": int(flows["lost"].sum()),
    }
    with open(os.path.join(args.results, "summary.json"), "w") as f:
        json.dump(summary, f, indent=2)
    if args.figures:
        os.makedirs(args.figures, exist_ok=True)
        for name in ("latency_cdf.png", "throughput.png"):
            shutil.copyfile(os.path.join(args.results, name),
                            os.path.join(args.figures, f"01_{name}"))
    return summary


if __name__ == "__main__":
    main()
