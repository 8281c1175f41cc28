"""Reproduce the 3GPP TR 38.901 clause 7.8.1 large-scale calibration with netsim.

Usage::

    python experiments/radio_calibration/run.py --out OUT_DIR [--seed 0] [--drops N]
        [--freqs 6 30] [--scenarios UMa UMi InH] [--independent-sf]

Writes to OUT_DIR:
- ``calibration_<scenario>.png``: CDFs of the serving coupling loss and of the geometry
  (SIR, and SINR with noise dashed) per carrier frequency, with the 3GPP reference
  percentiles (R1-165974 company median, 5 % to 95 %) as markers;
- ``percentiles.csv``: netsim and reference values at 5, 50 and 95 % and their difference;
- ``percentiles.md``: the same as a Markdown table (pasted into README.md).

The default run (UMa, UMi, InH at 6 and 30 GHz, Table 7.8-1 drops with spatially
correlated shadow fading) takes well under a minute on two cores.
"""

from __future__ import annotations

import argparse
import csv
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from netsim.radio.calibration import large_scale  # noqa: E402

REF = Path(__file__).resolve().parents[2] / "tests" / "data" / "3gpp_calibration" / \
    "r1_165974_large_scale_median.csv"
LEVELS = (5, 50, 95)
COLOURS = {6: "tab:blue", 30: "tab:red", 70: "k"}


def load_reference(path: Path = REF) -> dict[tuple[str, int, str, int], float]:
    """Reference percentiles keyed by (scenario, freq_ghz, metric, percentile)."""
    with path.open(encoding="utf-8") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return {(r["scenario"], int(r["freq_ghz"]), r["metric"], int(r["percentile"])):
                float(r["value_db"]) for r in rows}


def _ecdf(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    xs = np.sort(x)
    return xs, 100.0 * np.arange(1, xs.size + 1) / xs.size


def main(argv: list[str] | None = None) -> list[dict]:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True, type=Path, help="output folder")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--drops", type=int, default=None,
                    help="drops per case (default: Table 7.8-1 data file, ~2,900 UEs)")
    ap.add_argument("--freqs", type=int, nargs="+", default=[6, 30], choices=[6, 30, 70])
    ap.add_argument("--scenarios", nargs="+", default=["UMa", "UMi", "InH"],
                    choices=["UMa", "UMi", "InH"])
    ap.add_argument("--independent-sf", action="store_true",
                    help="independent shadow fading per link instead of correlated fields")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    ref = load_reference()
    rows: list[dict] = []
    t_all = time.perf_counter()
    for sc in args.scenarios:
        fig, (ax_cl, ax_g) = plt.subplots(1, 2, figsize=(12, 4.8))
        for f in args.freqs:
            kw = {"sf_correlation": not args.independent_sf}
            if args.drops:
                kw["n_drops"] = args.drops
            t0 = time.perf_counter()
            r = large_scale(sc, f * 1e9, seed=args.seed, **kw)
            dt = time.perf_counter() - t0
            c = COLOURS[f]
            ax_cl.plot(*_ecdf(r.coupling_loss_db), color=c, label=f"netsim {f} GHz")
            ax_g.plot(*_ecdf(r.sir_db), color=c, label=f"netsim SIR {f} GHz")
            ax_g.plot(*_ecdf(r.sinr_db), color=c, ls=":", lw=1, label=f"netsim SINR {f} GHz")
            q = np.arange(5, 100, 5)
            ax_cl.plot([ref[(sc, f, "coupling_loss_db", p)] for p in q], q, "o", color=c,
                       mfc="none", label=f"3GPP R1-165974 {f} GHz")
            ax_g.plot([ref[(sc, f, "geometry_sir_db", p)] for p in q], q, "o", color=c,
                      mfc="none", label=f"3GPP R1-165974 {f} GHz")
            for metric, ref_metric in (("coupling_loss_db", "coupling_loss_db"),
                                       ("sir_db", "geometry_sir_db")):
                got = r.percentiles(metric, LEVELS)
                for p, g in zip(LEVELS, got):
                    rv = ref[(sc, f, ref_metric, p)]
                    rows.append({"scenario": sc, "freq_ghz": f, "metric": metric,
                                 "percentile": p, "netsim_db": round(float(g), 2),
                                 "reference_db": rv, "diff_db": round(float(g) - rv, 2),
                                 "n_ue": r.coupling_loss_db.size, "run_s": round(dt, 2)})
            print(f"{sc:3s} {f:2d} GHz: {r.coupling_loss_db.size} UEs in {dt:.1f} s; "
                  f"CL 5/50/95 % {np.round(r.percentiles('coupling_loss_db'), 1)}, "
                  f"SIR {np.round(r.percentiles('sir_db'), 1)}")
        ax_cl.set(xlabel="coupling loss, serving cell (dB)", ylabel="CDF (%)",
                  title=f"{sc}: coupling loss")
        ax_g.set(xlabel="geometry (dB)", ylabel="CDF (%)", title=f"{sc}: geometry",
                 xlim=(-10, 35))
        for ax in (ax_cl, ax_g):
            ax.grid(True, alpha=0.4)
            ax.legend(fontsize=7, loc="lower right")
        fig.tight_layout()
        fig.savefig(args.out / f"calibration_{sc}.png", dpi=110)
        plt.close(fig)
    with (args.out / "percentiles.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    lines = ["| scenario | f (GHz) | metric | % | netsim (dB) | 3GPP ref (dB) | diff (dB) |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    lines += [f"| {r['scenario']} | {r['freq_ghz']} | {r['metric']} | {r['percentile']} | "
              f"{r['netsim_db']:.1f} | {r['reference_db']:.1f} | {r['diff_db']:+.1f} |"
              for r in rows]
    (args.out / "percentiles.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"total {time.perf_counter() - t_all:.1f} s; max |diff| "
          f"{max(abs(r['diff_db']) for r in rows):.2f} dB; written to {args.out}")
    return rows


if __name__ == "__main__":
    main()
