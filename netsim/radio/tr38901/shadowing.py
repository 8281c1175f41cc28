"""Shadow fading of 3GPP TR 38.901 V17.0.0: standard deviations and spatial correlation.

The standard deviations sigma_SF are those of Table 7.4.1-1 (path loss table, log-normal
shadow fading); the decorrelation distances are those of Table 7.5-6 (correlation
distance in the horizontal plane of the SF large-scale parameter). The spatial
auto-correlation of the shadow fading is exponential, R(dx) = exp(-dx / d_cor)
(TR 38.901 clause 7.5, step 4 and clause 7.6.3.1; Gudmundson's model).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from netsim.errors import ParameterError
from netsim.radio.tr38901.pathloss import breakpoint_distance_m
from netsim.radio.tr38901.tables import PATHLOSS_TABLE, SF_DECORRELATION_TABLE, load_table

__all__ = [
    "shadow_fading_std_db",
    "sf_decorrelation_distance_m",
    "correlated_shadow_fading_db",
    "shadow_fading_grid_db",
    "MAX_CHOLESKY_POINTS",
    "MAX_GRID_POINTS",
]

_SOURCE_STD = "3GPP TR 38.901 V17.0.0 Table 7.4.1-1"
_SOURCE_COR = "3GPP TR 38.901 V17.0.0 Table 7.5-6"
_SCENARIOS = ("UMa", "UMi", "RMa", "InH")

MAX_CHOLESKY_POINTS = 4096
"""Largest number of positions :func:`correlated_shadow_fading_db` factorises at once
(the covariance matrix is N x N float64: 4096 points take 128 MiB)."""


MAX_GRID_POINTS = 1 << 22
"""Largest circulant embedding (points) :func:`shadow_fading_grid_db` builds (4 Mi points,
64 MiB of complex128)."""


def shadow_fading_grid_db(
    x_range_m: tuple[float, float],
    y_range_m: tuple[float, float],
    spacing_m: float,
    decorrelation_m: float,
    rng: np.random.Generator,
    *,
    n_fields: int = 1,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Unit-variance Gaussian field with correlation exp(-d / d_cor) on a regular grid.

    Exact on the grid nodes by circulant embedding (Dietrich and Newsam 1997; Wood and
    Chan 1994): the covariance of a grid padded to twice its size in each direction is
    diagonalised by the 2-D FFT, and the field is the FFT of complex white noise scaled
    by the square root of its eigenvalues. The (rare, tiny) negative eigenvalues of the
    embedding are set to zero.

    Parameters
    ----------
    x_range_m, y_range_m : tuple of float
        Area covered (m): (min, max) in x and y.
    spacing_m : float
        Grid spacing (m); d_cor / 10 or finer keeps nearest-node sampling faithful.
    decorrelation_m : float
        Decorrelation distance d_cor (m), TR 38.901 Table 7.5-6.
    rng : numpy.random.Generator
        Random source.
    n_fields : int, default 1
        Number of independent fields.

    Returns
    -------
    x_m : numpy.ndarray, shape (nx,)
    y_m : numpy.ndarray, shape (ny,)
    fields : numpy.ndarray, shape (n_fields, nx, ny)
        Standard-normal fields (multiply by sigma_SF in dB).
    """
    if not (spacing_m > 0 and decorrelation_m > 0):
        raise ParameterError("spacing_m", spacing_m, "> 0 with decorrelation_m > 0", _SOURCE_COR)
    x = np.arange(x_range_m[0], x_range_m[1] + spacing_m, spacing_m)
    y = np.arange(y_range_m[0], y_range_m[1] + spacing_m, spacing_m)
    mx, my = 2 * x.size, 2 * y.size
    if mx * my > MAX_GRID_POINTS:
        raise ParameterError(
            "spacing_m", spacing_m,
            f"a grid of at most {MAX_GRID_POINTS} embedded points (coarser spacing or "
            "smaller area)", _SOURCE_COR,
        )
    kx = np.minimum(np.arange(mx), mx - np.arange(mx)) * spacing_m
    ky = np.minimum(np.arange(my), my - np.arange(my)) * spacing_m
    cov = np.exp(-np.hypot(kx[:, None], ky[None, :]) / decorrelation_m)
    lam = np.maximum(np.fft.fft2(cov).real, 0.0)
    scale = np.sqrt(lam / (mx * my))
    out = np.empty((n_fields, x.size, y.size))
    for k in range((n_fields + 1) // 2):
        w = rng.standard_normal((mx, my)) + 1j * rng.standard_normal((mx, my))
        z = np.fft.fft2(scale * w)[: x.size, : y.size]
        out[2 * k] = z.real
        if 2 * k + 1 < n_fields:
            out[2 * k + 1] = z.imag
    return x, y, out


def shadow_fading_std_db(
    scenario: str,
    los: ArrayLike,
    *,
    d2d_m: ArrayLike | None = None,
    freq_hz: ArrayLike | None = None,
    h_bs_m: ArrayLike | None = None,
    h_ut_m: ArrayLike | None = None,
) -> np.ndarray | float:
    """Shadow-fading standard deviation sigma_SF (dB) of TR 38.901 Table 7.4.1-1.

    Parameters
    ----------
    scenario : {"UMa", "UMi", "RMa", "InH"}
        Scenario.
    los : array_like of bool
        LOS (True) or NLOS (False).
    d2d_m, freq_hz, h_bs_m, h_ut_m : array_like, optional
        Needed for RMa LOS only, where sigma_SF is 4 dB up to the breakpoint distance
        dBP = 2 pi hBS hUT fc / c and 6 dB beyond it.

    Returns
    -------
    numpy.ndarray or float
        sigma_SF (dB), broadcast shape of the inputs.

    Examples
    --------
    >>> shadow_fading_std_db("UMi", False)
    7.82
    """
    if scenario not in _SCENARIOS:
        raise ParameterError("scenario", scenario, f"one of {_SCENARIOS}", _SOURCE_STD)
    row = load_table(PATHLOSS_TABLE)["scenarios"][scenario]
    lo = np.asarray(los, dtype=bool)
    s_nlos = row["nlos"]["sigma_sf_db"]
    s_los = row["los"]["sigma_sf_db"]
    if scenario == "RMa":
        if d2d_m is None or freq_hz is None or h_bs_m is None or h_ut_m is None:
            raise ParameterError(
                "d2d_m", d2d_m, "d2d_m, freq_hz, h_bs_m and h_ut_m given for RMa "
                "(sigma_SF changes at the breakpoint distance)", _SOURCE_STD,
            )
        d_bp = breakpoint_distance_m("RMa", freq_hz, h_bs_m, h_ut_m)
        s_los_arr = np.where(np.asarray(d2d_m, float) <= d_bp, s_los[0], s_los[1])
        out = np.where(lo, s_los_arr, s_nlos)
    else:
        out = np.where(lo, s_los, s_nlos)
    return float(out) if np.ndim(out) == 0 else out


def sf_decorrelation_distance_m(scenario: str, state: str) -> float:
    """Shadow-fading decorrelation distance d_cor (m) of TR 38.901 Table 7.5-6.

    Parameters
    ----------
    scenario : {"UMa", "UMi", "RMa", "InH"}
        Scenario.
    state : {"los", "nlos", "o2i"}
        Link state (``"o2i"`` not defined for InH).

    Returns
    -------
    float
        Correlation distance in the horizontal plane (m).

    Examples
    --------
    >>> sf_decorrelation_distance_m("UMa", "nlos")
    50.0
    """
    table = load_table(SF_DECORRELATION_TABLE)["decorrelation_m"]
    if scenario not in table:
        raise ParameterError("scenario", scenario, f"one of {tuple(table)}", _SOURCE_COR)
    if state not in table[scenario]:
        raise ParameterError("state", state, f"one of {tuple(table[scenario])}", _SOURCE_COR)
    return float(table[scenario][state])


def correlated_shadow_fading_db(
    positions_m: ArrayLike,
    std_db: ArrayLike,
    decorrelation_m: float,
    rng: np.random.Generator,
    *,
    n_fields: int | None = None,
    method: str = "auto",
) -> np.ndarray:
    """Spatially correlated log-normal shadow fading over UE positions (dB).

    The field is zero-mean Gaussian in dB with covariance
    ``std_i std_j exp(-|p_i - p_j| / d_cor)`` (exponential auto-correlation, TR 38.901
    clause 7.5 with d_cor from Table 7.5-6). ``method="cholesky"`` draws it exactly by a
    Cholesky factor of the correlation matrix (up to :data:`MAX_CHOLESKY_POINTS`
    positions); ``method="grid"`` draws a field on a grid of spacing d_cor / 10 with
    :func:`shadow_fading_grid_db` and samples each position at its nearest node (exact
    at the nodes; positions closer than a node spacing share a value); ``"auto"`` picks
    Cholesky up to :data:`MAX_CHOLESKY_POINTS` positions and the grid beyond.

    Parameters
    ----------
    positions_m : array_like, shape (N, 2) or (N, 3)
        UE positions (m); only the horizontal (first two) coordinates are used.
    std_db : array_like, shape () or (N,)
        Standard deviation per UE (dB), e.g. from :func:`shadow_fading_std_db`.
    decorrelation_m : float
        Decorrelation distance d_cor (m), e.g. from :func:`sf_decorrelation_distance_m`.
    rng : numpy.random.Generator
        Random source.
    n_fields : int, optional
        Number of independent fields to draw over the same positions (e.g. one per
        site, links to different sites being independent). ``None`` draws one.
    method : {"auto", "cholesky", "grid"}, default "auto"
        Sampling method (see above).

    Returns
    -------
    numpy.ndarray
        Shape (N,) when ``n_fields`` is None, else (N, n_fields); shadow fading (dB).
    """
    pos = np.asarray(positions_m, dtype=float)
    if pos.ndim != 2 or pos.shape[1] < 2:
        raise ParameterError("positions_m", pos.shape, "an array of shape (N, 2) or (N, 3)")
    n = pos.shape[0]
    if method not in ("auto", "cholesky", "grid"):
        raise ParameterError("method", method, "'auto', 'cholesky' or 'grid'")
    if method == "auto":
        method = "cholesky" if n <= MAX_CHOLESKY_POINTS else "grid"
    if method == "cholesky" and n > MAX_CHOLESKY_POINTS:
        raise ParameterError(
            "positions_m", f"{n} positions", f"at most {MAX_CHOLESKY_POINTS} with "
            "method='cholesky' (use method='grid')",
        )
    if not decorrelation_m > 0:
        raise ParameterError("decorrelation_m", decorrelation_m, "> 0", _SOURCE_COR)
    std = np.broadcast_to(np.asarray(std_db, dtype=float), (n,))
    if np.any(~(std >= 0)):
        raise ParameterError("std_db", float(std[~(std >= 0)][0]), ">= 0")
    k = 1 if n_fields is None else int(n_fields)
    if k < 1:
        raise ParameterError("n_fields", n_fields, ">= 1")
    xy = pos[:, :2]
    if method == "grid":
        h = decorrelation_m / 10.0
        gx, gy, grid = shadow_fading_grid_db(
            (xy[:, 0].min(), xy[:, 0].max()), (xy[:, 1].min(), xy[:, 1].max()), h,
            decorrelation_m, rng, n_fields=k,
        )
        ix = np.clip(np.rint((xy[:, 0] - gx[0]) / h).astype(int), 0, gx.size - 1)
        iy = np.clip(np.rint((xy[:, 1] - gy[0]) / h).astype(int), 0, gy.size - 1)
        field = grid[:, ix, iy].T * std[:, None]
        return field[:, 0] if n_fields is None else field
    dist = np.sqrt(((xy[:, None, :] - xy[None, :, :]) ** 2).sum(axis=-1))
    corr = np.exp(-dist / decorrelation_m)
    corr[np.diag_indices(n)] += 1e-10  # numerical jitter for coincident positions
    chol = np.linalg.cholesky(corr)
    z = rng.standard_normal((n, k))
    field = (chol @ z) * std[:, None]
    return field[:, 0] if n_fields is None else field
