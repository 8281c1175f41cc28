"""Small statistics helpers shared by monitors and tests: quantiles and confidence intervals."""

from __future__ import annotations

import math

import numpy as np
from scipy import stats as _st

__all__ = ["QUANTILES", "quantile_columns", "mean_ci", "batch_means_ci"]

QUANTILES = {"p50": 0.5, "p90": 0.9, "p99": 0.99, "p99_9": 0.999, "p99_999": 0.99999}
"""Latency quantiles reported for every flow (column name -> probability)."""


def quantile_columns(x: np.ndarray, prefix: str = "latency_", suffix: str = "_s") -> dict:
    """Mean and the :data:`QUANTILES` of ``x`` as named columns (NaN when ``x`` is empty).

    Quantiles use numpy's default (linear interpolation of order statistics); a p99.999
    needs well over 1e5 samples to be more than the sample maximum.
    """
    out = {f"{prefix}mean{suffix}": float(np.mean(x)) if x.size else math.nan}
    if x.size:
        qs = np.quantile(x, list(QUANTILES.values()))
        out.update({f"{prefix}{k}{suffix}": float(v) for k, v in zip(QUANTILES, qs)})
    else:
        out.update({f"{prefix}{k}{suffix}": math.nan for k in QUANTILES})
    return out


def mean_ci(x, confidence: float = 0.95) -> tuple[float, float]:
    """Sample mean and Student-t half width of its ``confidence`` interval (i.i.d. ``x``)."""
    x = np.asarray(x, dtype=float)
    n = x.size
    if n < 2:
        return (float(x.mean()) if n else math.nan), math.inf
    half = _st.t.ppf(0.5 + confidence / 2, n - 1) * x.std(ddof=1) / math.sqrt(n)
    return float(x.mean()), float(half)


def batch_means_ci(x, n_batches: int = 30, confidence: float = 0.95) -> tuple[float, float]:
    """Mean of a correlated series and its batch-means confidence half width.

    The series is cut into ``n_batches`` equal consecutive batches whose means are
    treated as i.i.d. (Law & Kelton, *Simulation Modeling and Analysis*, 9.5.3).
    """
    x = np.asarray(x, dtype=float)
    m = x.size // n_batches
    if m < 1:
        return mean_ci(x, confidence)
    b = x[: m * n_batches].reshape(n_batches, m).mean(axis=1)
    return mean_ci(b, confidence)
