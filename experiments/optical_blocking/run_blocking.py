"""Blocking probability versus load on NSFNET for the RMSA heuristics (DeepRMSA set-up).

Runs :func:`netsim.optical.dynamic.sweep_blocking` for SP-FF, KSP-FF (km and hop-sorted
paths), KSP-BF, KSP-LF, FF-KSP and least-loaded, one policy per worker process, writes
``blocking.csv`` (one row per policy and load, 95 % confidence half-widths) and
``blocking_vs_load.png`` with the published points of ``published_nsfnet_deeprmsa.csv``
overlaid. Every cell uses the same seed (common random numbers).

Usage::

    python experiments/optical_blocking/run_blocking.py            # ~1-2 min on 2 cores
    python experiments/optical_blocking/run_blocking.py --full     # DeepRMSA measurement:
                                                                   # 10 x (3000 + 10000),
                                                                   # and KSP-LF
    python experiments/optical_blocking/run_blocking.py --out DIR --jobs 1
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))

#: label -> RmsaOptions keyword arguments (DeepRMSA set-up: 100 slots, 1 guard, k = 5,
#: directed fibres, DeepRMSA reach table).
POLICIES: dict[str, dict] = {
    "SP-FF": {"policy": "sp_ff"},
    "KSP-FF (km)": {"policy": "ksp_ff"},
    "KSP-FF (hops)": {"policy": "ksp_ff", "path_order": "hops"},
    "KSP-BF (km)": {"policy": "ksp_bf"},
    "KSP-LF (km)": {"policy": "ksp_lf"},
    "FF-KSP (km)": {"policy": "ff_ksp"},
    "least-loaded (km)": {"policy": "least_loaded"},
}

#: Default run: KSP-LF left out, it equals KSP-FF exactly (mirror symmetry; ``--full``
#: runs it).
DEFAULT_POLICIES = tuple(k for k in POLICIES if not k.startswith("KSP-LF"))

#: Loads [Erlang]: the published points (154-210: GCN-RMSA set-up, 250: DeepRMSA) and 300.
LOADS_ERLANG = (154.0, 168.0, 182.0, 196.0, 210.0, 250.0, 300.0)

#: Traffic: DeepRMSA (25-100 Gb/s uniform, exponential holding redrawn while >= 2 x mean).
TRAFFIC = {"mean_holding_time_s": 25.0, "holding_truncation": 2.0}


def _one_policy(args: tuple) -> pd.DataFrame:
    label, opts, loads, n_requests, warmup, n_reps, seed = args
    from netsim.optical.dynamic import sweep_blocking
    from netsim.optical.rmsa import RmsaOptions
    from netsim.optical.topology import load_topology

    options = RmsaOptions(n_slots=100, slot_width_ghz=12.5, guard_slots=1, k_paths=5,
                          directed_fibres=True, **opts)
    return sweep_blocking(load_topology("nsfnet"), {label: options}, loads, traffic=TRAFFIC,
                          n_requests=n_requests, warmup_requests=warmup,
                          n_replications=n_reps, seed=seed)


def run(out_dir: str, full: bool = False, jobs: int = 2, seed: int = 1,
        loads: tuple = LOADS_ERLANG) -> pd.DataFrame:
    """Run the sweep; write ``blocking.csv`` and the plot into ``out_dir``."""
    n_req, warm, reps = (10_000, 3_000, 10) if full else (5_000, 2_000, 5)
    labels = tuple(POLICIES) if full else DEFAULT_POLICIES
    work = [(label, POLICIES[label], loads, n_req, warm, reps, seed) for label in labels]
    t0 = time.perf_counter()
    if jobs > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            parts = list(pool.map(_one_policy, work))
    else:
        parts = [_one_policy(w) for w in work]
    df = pd.concat(parts, ignore_index=True)
    df["measured_requests_per_replication"] = n_req
    df["warmup_requests"] = warm
    df["replications"] = reps
    os.makedirs(out_dir, exist_ok=True)
    df.to_csv(os.path.join(out_dir, "blocking.csv"), index=False)
    plot(df, os.path.join(out_dir, "blocking_vs_load.png"))
    print(f"{len(df)} cells in {time.perf_counter() - t0:.1f} s wall", file=sys.stderr)
    return df


def published() -> pd.DataFrame:
    """The published points (see the header of ``published_nsfnet_deeprmsa.csv``)."""
    return pd.read_csv(os.path.join(HERE, "published_nsfnet_deeprmsa.csv"), comment="#")


def plot(df: pd.DataFrame, path: str) -> str:
    """Blocking (%) versus load, 95 % CI error bars, published points overlaid."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 5.5))
    for label, g in df.groupby("policy", sort=False):
        # KSP-LF equals KSP-FF exactly (mirror symmetry of the spectrum): draw it dashed
        ls = "--" if label.startswith("KSP-LF") else "-"
        ax.errorbar(g["load_erlang"], 100 * g["blocking_probability"],
                    yerr=100 * g["blocking_probability_ci"], marker="o", ms=4, capsize=3,
                    ls=ls, label=f"netsim {label}")
    pub = published()
    styles = {("published", "KSP-FF (km)"): ("k", "x", "published KSP-FF (km)"),
              ("xlron", "KSP-FF (km)"): ("tab:gray", "s", "XLRON re-creation KSP-FF (km)"),
              ("xlron", "KSP-FF (hops)"): ("k", "d", "XLRON re-creation KSP-FF (hops)")}
    for (series, policy), (colour, marker, text) in styles.items():
        g = pub[(pub["series"] == series) & (pub["policy"] == policy)]
        ax.errorbar(g["load_erlang"], g["blocking_percent"], yerr=g["std_percent"],
                    color=colour, marker=marker, ls="none", ms=8, capsize=3, label=text,
                    mfc="none" if marker == "d" else colour)
    ax.set_yscale("log")
    ax.set_ylim(bottom=1e-2)
    ax.set_xlabel("offered load (Erlang)")
    ax.set_ylabel("blocking probability (%)")
    ax.set_title("NSFNET, DeepRMSA set-up: 100 x 12.5 GHz, 1 guard, 25-100 Gb/s, k = 5")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=7, ncol=2)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--out", default=HERE, help="output folder (default: this folder)")
    p.add_argument("--full", action="store_true", help="DeepRMSA measurement (10 x 13 000)")
    p.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args(argv)
    df = run(a.out, full=a.full, jobs=a.jobs, seed=a.seed)
    cols = ["policy", "load_erlang", "blocking_probability", "blocking_probability_ci"]
    print(df[cols].to_string(index=False))


if __name__ == "__main__":
    main()
