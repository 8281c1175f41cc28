"""Input validation shared by the NTN link-budget modules (raise, never clamp)."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from netsim.errors import ParameterError, ValidityRangeError

__all__ = ["as_array", "check_finite", "check_range"]


def as_array(field: str, value: ArrayLike) -> np.ndarray:
    """``value`` as a float array; raise :class:`ParameterError` if it is not numeric."""
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError) as exc:
        raise ParameterError(field, value, "a number or an array of numbers") from exc
    return arr


def check_finite(field: str, value: ArrayLike) -> np.ndarray:
    """Float array of ``value``; raise :class:`ParameterError` on NaN or infinity."""
    arr = as_array(field, value)
    if not np.all(np.isfinite(arr)):
        raise ParameterError(field, value, "finite values")
    return arr


def check_range(
    field: str,
    value: ArrayLike,
    low: float | None = None,
    high: float | None = None,
    *,
    low_inclusive: bool = True,
    high_inclusive: bool = True,
    source: str | None = None,
    validity: bool = False,
) -> np.ndarray:
    """Float array of ``value`` after checking ``low <= value <= high`` element-wise.

    Raises :class:`ValidityRangeError` when ``validity`` is true (the range is a model's
    validity range), :class:`ParameterError` otherwise (the range is physical).
    """
    arr = check_finite(field, value)
    bad = np.zeros(arr.shape, dtype=bool)
    if low is not None:
        bad |= (arr < low) if low_inclusive else (arr <= low)
    if high is not None:
        bad |= (arr > high) if high_inclusive else (arr >= high)
    if np.any(bad):
        lo = "-inf" if low is None else f"{low:g}"
        hi = "inf" if high is None else f"{high:g}"
        allowed = f"{'[' if low_inclusive else '('}{lo}, {hi}{']' if high_inclusive else ')'}"
        shown = arr[bad].ravel()[0] if arr.ndim else float(arr)
        err = ValidityRangeError if validity else ParameterError
        raise err(field, float(shown), allowed, source=source)
    return arr
