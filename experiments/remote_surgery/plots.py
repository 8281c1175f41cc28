"""Figures and the verdict table of the remote-surgery study from its sweep folders.

Usage (after the two sweeps of README.md)::

    python experiments/remote_surgery/plots.py results/remote_surgery_fr1 \
        results/remote_surgery_fr2 --out experiments/remote_surgery/figures

Writes ``radio_p99999_by_config.png`` (radio-part p99.999 latency of the UL and DL probes
per configuration, 95% intervals over replications, the 1 ms limit dashed),
``radio_p99999_vs_minislot.png`` (the same against the mini-slot length L, one line per
numerology and UE capability; L = 14 is slot-based) and ``verdicts.md`` (the
per-configuration verdict table quoted in README.md).
"""

from __future__ import annotations

import argparse
import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

MINISLOT = "radio.mac.minislot_symbols"
TARGETS = ["radio UL p99.999 <= 1 ms", "radio DL p99.999 <= 1 ms",
           "radio UL reliability 32 B / 1 ms", "radio DL reliability 32 B / 1 ms",
           "haptic UL e2e p99.999 <= 5 ms", "haptic DL e2e p99.999 <= 5 ms",
           "video e2e p99.999 <= 5 ms"]


def load(folder: str, band: str) -> pd.DataFrame:
    """targets.csv of one sweep with a configuration label per point."""
    t = pd.read_csv(os.path.join(folder, "targets.csv"))
    if "radio.mac.processing_capability" not in t:
        t["radio.mac.processing_capability"] = 1
    if MINISLOT not in t:
        t[MINISLOT] = 14
    t["band"] = band

    def label(r):
        cap = int(r["radio.mac.processing_capability"])
        ms = int(r[MINISLOT])
        out = (f"{band} mu{int(r['radio.numerology'])} cap{cap} "
               + ("slot" if ms == 14 else f"L{ms}"))
        for key, short in (("radio.mac.target_bler", "BLER"), ("radio.mac.max_tx", "tx")):
            if key in r:  # axes of earlier sweeps
                out += f" {short}{r[key]:g}"
        return out

    t["config"] = t.apply(label, axis=1)
    return t


def verdict_table(t: pd.DataFrame) -> str:
    """Markdown table: one row per configuration, mean ± half width and verdict."""
    rows = []
    for cfg, g in t.groupby("config", sort=False):
        g = g.set_index("target")
        cells = []
        for name in TARGETS:
            r = g.loc[name]
            scale, unit = (1e3, " ms") if "p99.999" in name else (1.0, "")
            cells.append(f"{r['mean'] * scale:.4g}{unit} ± {r['half_width'] * scale:.2g}"
                         f" **{r['status']}**")
        ok = all(g.loc[name, "status"] == "pass" for name in TARGETS)
        rows.append(f"| {cfg} (n={int(g['n'].iloc[0])}) | " + " | ".join(cells)
                    + f" | {'**meets all**' if ok else 'no'} |")
    head = "| configuration | " + " | ".join(TARGETS) + " | all targets |"
    sep = "|" + "---|" * (len(TARGETS) + 2)
    return "\n".join([head, sep, *rows]) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("fr1")
    ap.add_argument("fr2")
    ap.add_argument("--out", default="figures")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    t = pd.concat([load(a.fr1, "FR1"), load(a.fr2, "FR2")], ignore_index=True)
    with open(os.path.join(a.out, "verdicts.md"), "w") as fh:
        fh.write(verdict_table(t))
    configs = list(dict.fromkeys(t["config"]))
    fig, ax = plt.subplots(figsize=(11, 4.2), dpi=100)
    for name, marker, dx in (("radio UL p99.999 <= 1 ms", "o", -0.15),
                             ("radio DL p99.999 <= 1 ms", "s", 0.15)):
        g = t[t["target"] == name].set_index("config").loc[configs]
        x = [i + dx for i in range(len(configs))]
        m, h = g["mean"] * 1e3, g["half_width"] * 1e3
        lower = h.where(h < 0.9 * m, 0.9 * m)  # log axis: clip the interval above 0
        ax.errorbar(x, m, yerr=[lower, h], fmt=marker, ms=4,
                    capsize=2, label=name.split(" <=")[0])
    ax.axhline(1.0, ls="--", color="k", lw=1, label="target 1 ms")
    ax.set_xticks(range(len(configs)))
    ax.set_xticklabels(configs, rotation=90, fontsize=7)
    ax.set_yscale("log")
    ax.set_ylabel("one-way latency p99.999 (ms)")
    ax.set_title("Radio part (UE <-> gNB probe): mean of replications, 95% CI")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(os.path.join(a.out, "radio_p99999_by_config.png"))
    plot_vs_minislot(t, os.path.join(a.out, "radio_p99999_vs_minislot.png"))
    print(f"wrote {a.out}/radio_p99999_by_config.png, radio_p99999_vs_minislot.png and "
          f"{a.out}/verdicts.md")


def plot_vs_minislot(t: pd.DataFrame, path: str) -> None:
    """UL and DL probe p99.999 against the mini-slot length, a line per band, mu, cap."""
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.2), dpi=100, sharey=True)
    for ax, name in zip(axes, ("radio UL p99.999 <= 1 ms", "radio DL p99.999 <= 1 ms")):
        g = t[t["target"] == name]
        keys = ["band", "radio.numerology", "radio.mac.processing_capability"]
        for (band, mu, cap), line in g.groupby(keys):
            line = line.sort_values(MINISLOT)
            ax.errorbar(line[MINISLOT], line["mean"] * 1e3, yerr=line["half_width"] * 1e3,
                        marker="o", ms=4, capsize=2, label=f"{band} mu{mu} cap{cap}")
        ax.axhline(1.0, ls="--", color="k", lw=1)
        ax.set_xticks([2, 4, 7, 14])
        ax.set_xticklabels(["2", "4", "7", "14\n(slot)"])
        ax.set_xlabel("symbols per TB / scheduling occasion (mini-slot length L)")
        ax.set_title(name.split(" <=")[0] + " (1 ms dashed)")
        ax.grid(alpha=0.3)
    axes[0].set_ylabel("one-way latency p99.999 (ms)")
    axes[1].legend(fontsize=7, ncol=2)
    fig.tight_layout()
    fig.savefig(path)


if __name__ == "__main__":
    main()
