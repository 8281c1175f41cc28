"""Figures and tables of the high-speed-mobility study from its run and sweep folders.

Usage (after ``netsim run`` and ``netsim sweep`` of README.md)::

    python experiments/high_speed_mobility/plots.py results/hsm_run results/hsm_sweep \
        --baseline results/hsm_sweep_nodoppler --out experiments/high_speed_mobility/figures

``--baseline``: an optional sweep of the same points with ``radio.doppler.enabled=false``
(README.md): its SINR / MCS are tabulated beside the Doppler run's.

Writes ``latency_over_time.png`` (one-way latency of every control command and status
report of the run, handovers marked), ``tail_vs_speed.png`` (control p99.999 latency and
32-byte reliability within 5 ms per speed and interruption time, 95% intervals over
replications) and ``summary.md`` (the tables quoted in README.md), including the
user-plane gap measured at each handover: the longest time between two deliveries of the
1 kHz control flow around it, minus the 1 ms period, and the SINR / MCS of the train at
the end of each sweep point (radio_ues.csv of its runs). ``doppler_ici.png``: the OFDM
inter-carrier interference of the speed (netsim.radio.doppler) and its SIR ceiling per
numerology at the scenario's carrier.
"""

from __future__ import annotations

import argparse
import glob
import json
import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

SPEED = "radio.mobility.speed_kmh"
INTR = "radio.handover.interruption_s"
MU = "radio.numerology"
CARRIER_HZ = 3.5e9
PERIOD_S = 1e-3


def handover_gaps(run: str) -> pd.DataFrame:
    """Per handover of a run: the longest gap between control deliveries within 0.2 s."""
    lat = pd.read_csv(os.path.join(run, "latency.csv"))
    ho = pd.read_csv(os.path.join(run, "radio_handovers.csv"))
    c = lat[lat["flow"] == "control_dl"]
    t_rx = np.sort(c["time_s"].to_numpy() + c["latency_s"].to_numpy())
    rows = []
    for t in ho["time_s"]:
        w = t_rx[(t_rx > t - 0.2) & (t_rx < t + 0.2)]
        gap = float(np.diff(w).max()) if w.size > 1 else np.nan
        rows.append({"time_s": t, "max_gap_ms": gap * 1e3,
                     "interruption_ms": (gap - PERIOD_S) * 1e3})
    return pd.DataFrame(rows)


def markdown(df: pd.DataFrame, index: bool = True) -> str:
    """A DataFrame as a Markdown table (no optional dependency)."""
    d = df.reset_index() if index else df
    head = "| " + " | ".join(str(c) for c in d.columns) + " |"
    sep = "|" + "---|" * d.shape[1]
    rows = ["| " + " | ".join(f"{v:.3f}" if isinstance(v, float) else str(v) for v in r)
            + " |" for r in d.itertuples(index=False)]
    return "\n".join([head, sep, *rows]) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("run")
    ap.add_argument("sweep")
    ap.add_argument("--out", default="figures")
    ap.add_argument("--baseline", default=None,
                    help="sweep folder of the same points without Doppler")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)

    lat = pd.read_csv(os.path.join(a.run, "latency.csv"))
    ho = pd.read_csv(os.path.join(a.run, "radio_handovers.csv"))
    fig, ax = plt.subplots(figsize=(9, 3.4), dpi=100)
    for flow in ("control_dl", "status_ul"):
        g = lat[lat["flow"] == flow]
        ax.plot(g["time_s"], g["latency_s"] * 1e3, ".", ms=1.5, label=flow)
    for t in ho["time_s"]:
        ax.axvline(t, color="grey", lw=0.8, ls=":")
    ax.axhline(5.0, color="k", ls="--", lw=1, label="5 ms (TS 22.186 remote driving)")
    ax.set_yscale("log")
    ax.set_xlabel("time (s); dotted: handovers")
    ax.set_ylabel("one-way latency (ms)")
    ax.set_title("500 km/h, 30 ms handover interruption")
    ax.legend(fontsize=8, markerscale=6)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(os.path.join(a.out, "latency_over_time.png"))

    s = pd.read_csv(os.path.join(a.sweep, "summary.csv"))
    fig, axs = plt.subplots(1, 2, figsize=(9, 3.4), dpi=100)
    for ((mu, intr), g), m in zip(s.groupby([MU, INTR]), ("o", "s", "^", "v")):
        for ax, kpi, scale in ((axs[0], "latency_p99_999_s@control_dl", 1e3),
                               (axs[1], "reliability_32B_5ms@control_dl", 1.0)):
            k = g[g["kpi"] == kpi].sort_values(SPEED)
            ax.errorbar(k[SPEED], k["mean"] * scale, yerr=k["half_width"] * scale,
                        fmt=m + "-", capsize=3,
                        label=f"mu = {mu:g}, interruption {intr * 1e3:g} ms")
    axs[0].axhline(5.0, color="k", ls="--", lw=1)
    axs[0].set_ylabel("control p99.999 latency (ms)")
    axs[0].set_yscale("log")
    axs[1].axhline(1 - 1e-5, color="k", ls="--", lw=1)
    axs[1].set_ylabel("P(32 B within 5 ms)")
    for ax in axs:
        ax.set_xlabel("speed (km/h)")
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(os.path.join(a.out, "tail_vs_speed.png"))

    kpis = ["radio_handovers", "latency_p99_s@control_dl", "latency_p99_999_s@control_dl",
            "reliability_32B_5ms@control_dl", "latency_p99_999_s@status_ul",
            "packet_loss_ratio", "mobility_interruption_time_s"]
    s = s[s["kpi"].isin(kpis)].copy()
    s["cell"] = s.apply(lambda r: f"{r['mean']:.6g} ± {r['half_width']:.2g}", axis=1)
    tab = s.pivot_table(index=[SPEED, MU, INTR], columns="kpi", values="cell",
                        aggfunc="first")
    n = int(s["n"].iloc[0])
    gaps = handover_gaps(a.run)
    ici = doppler_table()
    doppler_figure(os.path.join(a.out, "doppler_ici.png"))
    ues = final_radio_state(a.sweep)
    if a.baseline:
        base = final_radio_state(a.baseline).drop(columns="ul_throughput_mbps")
        ues = ues.merge(base, on=["speed_kmh", "mu"], suffixes=("", "_no_doppler"))
    with open(os.path.join(a.out, "summary.md"), "w") as fh:
        fh.write(f"Sweep (mean ± 95% half width over n = {n} replications):\n\n")
        fh.write(markdown(tab[[k for k in kpis if k in tab]]) + "\n")
        fh.write("Run: user-plane gap of the control flow at each handover:\n\n")
        fh.write(markdown(gaps, index=False) + "\n")
        fh.write(f"Doppler ICI at {CARRIER_HZ / 1e9:g} GHz (Jakes, ideal frequency tracking; "
                 "netsim.radio.doppler):\n\n")
        fh.write(markdown(ici, index=False) + "\n")
        fh.write("Sweep: the train's SINR and MCS at the end of each run (radio_ues.csv; "
                 "replication 0, interruption 0 ms):\n\n")
        fh.write(markdown(ues, index=False))
    print(f"wrote {a.out}/latency_over_time.png, tail_vs_speed.png, doppler_ici.png, "
          "summary.md")


def doppler_table(speeds_kmh=(120.0, 500.0, 1000.0), mus=(0, 1, 2, 3)) -> pd.DataFrame:
    """f_d, f_d T, P_ICI and the SIR ceiling (1 - P) / P per speed and numerology."""
    from netsim.radio.doppler import ici_power, ici_power_jakes_small, max_doppler_hz

    rows = []
    for v in speeds_kmh:
        fd = float(max_doppler_hz(v / 3.6, CARRIER_HZ))
        for mu in mus:
            fdt = fd / (15e3 * 2**mu)
            p = float(ici_power(fdt))
            rows.append({"speed_kmh": v, "f_d_hz": round(fd, 1), "mu": mu,
                         "scs_khz": 15 * 2**mu, "f_d_T": round(fdt, 4),
                         "P_ICI": f"{p:.3e}",
                         "(2 pi f_d T)^2/24": (f"{float(ici_power_jakes_small(fdt)):.3e}"
                                               if fdt <= 0.1 else "n/a (f_d T > 0.1)"),
                         "SIR ceiling dB": round(10 * np.log10((1 - p) / p), 2)})
    return pd.DataFrame(rows)


def doppler_figure(path: str) -> None:
    """SIR ceiling (1 - P_ICI) / P_ICI against speed for mu = 0..3 at CARRIER_HZ."""
    from netsim.radio.doppler import ici_power, max_doppler_hz

    v = np.linspace(10.0, 1000.0, 200)
    fig, ax = plt.subplots(figsize=(5.5, 3.4), dpi=100)
    for mu in range(4):
        p = ici_power(max_doppler_hz(v / 3.6, CARRIER_HZ) / (15e3 * 2**mu))
        ax.plot(v, 10 * np.log10((1 - p) / p), label=f"mu = {mu} ({15 * 2**mu} kHz)")
    for x in (500.0, 1000.0):
        ax.axvline(x, color="grey", lw=0.8, ls=":")
    ax.set_xlabel("speed (km/h)")
    ax.set_ylabel("SIR ceiling (1 - P_ICI) / P_ICI (dB)")
    ax.set_title(f"OFDM ICI, Jakes Doppler, {CARRIER_HZ / 1e9:g} GHz")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path)


def final_radio_state(sweep: str) -> pd.DataFrame:
    """SINR / MCS of the train at the end of replication 0 of each 0 ms sweep point."""
    with open(os.path.join(sweep, "sweep.json")) as fh:
        points = json.load(fh)["points"]
    rows = []
    for pt in points:
        prm = pt["params"]
        if prm.get(INTR, 0.0) != 0.0:
            continue
        runs = sorted(glob.glob(os.path.join(sweep, "runs", pt["id"] + "-r*")))
        if not runs:
            continue
        u = pd.read_csv(os.path.join(runs[0], "radio_ues.csv")).iloc[0]
        rows.append({"speed_kmh": prm[SPEED], "mu": prm[MU],
                     "sinr_dl_db": round(float(u["sinr_dl_db"]), 2),
                     "sinr_ul_db": round(float(u["sinr_ul_db"]), 2),
                     "mcs_dl": int(u["mcs_dl"]), "mcs_ul": int(u["mcs_ul"]),
                     "ul_throughput_mbps": round(float(u["throughput_ul_bps"]) / 1e6, 3)})
    return pd.DataFrame(rows).sort_values(["speed_kmh", "mu"])


if __name__ == "__main__":
    main()
