"""Large-scale calibration of 3GPP TR 38.901 V17.0.0 clause 7.8.1 (Table 7.8-1).

The large-scale calibration drops UEs in a multi-cell layout, computes per UE-cell link
the coupling loss (path loss + O2I penetration + shadow fading - BS and UE antenna
gains; no fast fading), attaches each UE to the cell with the least coupling loss
(largest RSRP; handover margin 0 dB) and reports two CDFs:

1. coupling loss of the serving cell (dB);
2. geometry: the wideband SIR / SINR of the serving cell when all other cells transmit
   at full power (full buffer), without noise (SIR) and with thermal noise over the
   stated bandwidth and UE noise figure (SINR).

Assumptions (``data/calibration/tr38901_table_7_8_1_large_scale.json``):

- UMa (ISD 500 m, hBS 25 m) and UMi-Street Canyon (ISD 200 m, hBS 10 m): 19 sites x 3
  sectors (boresights 30, 150, 270 deg) with wrap-around (:mod:`netsim.radio.layout`);
  UEs uniform over the cluster, at least 35 m (UMa) / 10 m (UMi) from every site;
  80 % indoor with the 3D height ``3 (nfl - 1) + 1.5 m``, ``nfl ~ U{1..Nfl}``,
  ``Nfl ~ U{4..8}`` (Table 7.2-1), outdoor UEs at 1.5 m; O2I loss of clause 7.4.3 with
  50 % low-loss and 50 % high-loss UEs (same loss towards every cell).
- InH-Office (open office): 12 sites on a 20 m grid (6 x 2) in a 120 m x 50 m room,
  hBS 3 m, 3 sectors per site, UEs uniform in the room at 1 m, no wrap-around.
- BS antenna: one panel, a column of M = 10 vertically polarised elements (Table 7.3-1
  pattern) spaced 0.5 wavelength, virtualised into one port with the electrical tilt
  weights ``w_m = exp(-j 2 pi (m - 1) d_V cos(theta_etilt)) / sqrt(M)``, theta_etilt =
  102 deg (UMa, UMi) or 110 deg (InH); peak gain 8 + 10 log10(10) = 18 dBi. UE: one
  isotropic 0 dBi element.
- BS Tx power 49 / 44 / 24 dBm (UMa / UMi / InH) at 6 GHz, 35 / 35 / 24 dBm at 30 and
  70 GHz; bandwidth 20 MHz at 6 GHz, 100 MHz at 30 and 70 GHz; UE noise figure 9 dB.
- Per UE-site link (co-sited sectors share them, TR 38.901 clause 7.5 step 4 / 7.6.3):
  LOS state (Table 7.4.2-1, with the outdoor distance d2D-out of indoor UEs), the UMa
  effective environment height hE (Table 7.4.1-1 note 1), and the shadow fading
  (Table 7.4.1-1 sigma_SF; spatially correlated over the UEs with the Table 7.5-6
  decorrelation distance of the link state, one independent field per site).

The 3GPP reference curves are the company results of R1-165974 (summarised in TR
38.901 clause 7.8.1); netsim compares against the median over the companies as
republished by the QuaDRiGa project (see ``tests/data/3gpp_calibration/``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from netsim.errors import ParameterError
from netsim.radio.antenna import (
    beamforming_gain_db,
    sector_element_gain_dbi,
    upa_steering_vectors,
)
from netsim.radio.layout import drop_ues, hex_layout, wrap_around_distances
from netsim.radio.pathloss import (
    correlated_shadow_fading_db,
    draw_los,
    o2i_through_wall_loss_db,
    path_loss_db,
    sf_decorrelation_distance_m,
    shadow_fading_std_db,
    uma_effective_environment_height_m,
)
from netsim.radio.sinr import wideband_sinr
from netsim.radio.tr38901.shadowing import MAX_CHOLESKY_POINTS
from netsim.radio.tr38901.tables import O2I_TABLE, load_table

__all__ = [
    "SCENARIOS",
    "ASSUMPTION_NAMES",
    "calibration_assumptions",
    "column_array_factor_db",
    "bs_antenna_gain_dbi",
    "sector_coupling_loss_db",
    "cdf_percentiles",
    "LargeScaleResult",
    "large_scale",
]

SCENARIOS = ("UMa", "UMi", "InH")
"""Scenarios of the TR 38.901 Table 7.8-1 large-scale calibration."""

_SOURCE = "3GPP TR 38.901 V17.0.0 clause 7.8.1, Table 7.8-1"
_TABLE = "tr38901_table_7_8_1_large_scale.json"

ASSUMPTION_NAMES = (
    "tx_power_dbm",
    "bandwidth_hz",
    "ue_noise_figure_db",
    "ue_gain_dbi",
    "electrical_tilt_zenith_deg",
    "bs_array_rows",
    "element_spacing_v_wavelengths",
    "indoor_fraction",
    "o2i_low_loss_fraction",
    "n_ue_per_cell",
    "n_drops",
    "sf_correlation",
    "shadow_fading",
    "sectors",
)
"""Keyword assumptions :func:`large_scale` accepts as overrides of Table 7.8-1."""


@cache
def _table() -> dict[str, Any]:
    path = resources.files("netsim.radio").joinpath("data", "calibration", _TABLE)
    with path.open("r", encoding="utf-8") as fh:
        return json.load(fh)


def calibration_assumptions(scenario: str, freq_hz: float, **overrides: Any) -> dict[str, Any]:
    """Resolved Table 7.8-1 assumptions for one scenario and carrier frequency.

    Parameters
    ----------
    scenario : {"UMa", "UMi", "InH"}
        Calibration scenario (``"UMi"`` is UMi-Street Canyon, ``"InH"`` InH-Office,
        open office).
    freq_hz : float
        Carrier frequency (Hz). Table 7.8-1 gives Tx power and bandwidth at 6, 30 and
        70 GHz; at any other frequency ``tx_power_dbm`` and ``bandwidth_hz`` must be
        given.
    **overrides
        Any of :data:`ASSUMPTION_NAMES`.

    Returns
    -------
    dict
        Flat dictionary of the assumptions (units in the key names).

    Examples
    --------
    >>> a = calibration_assumptions("UMa", 6e9)
    >>> a["tx_power_dbm"], a["bandwidth_hz"], a["isd_m"], a["electrical_tilt_zenith_deg"]
    (49.0, 20000000.0, 500.0, 102.0)
    """
    if scenario not in SCENARIOS:
        raise ParameterError("scenario", scenario, f"one of {SCENARIOS}", _SOURCE)
    if not (np.isfinite(freq_hz) and freq_hz > 0):
        raise ParameterError("freq_hz", freq_hz, "a finite frequency > 0 Hz", _SOURCE)
    unknown = sorted(set(overrides) - set(ASSUMPTION_NAMES))
    if unknown:
        raise ParameterError(unknown[0], overrides[unknown[0]], f"one of {ASSUMPTION_NAMES}",
                             _SOURCE)
    t = _table()
    row = t["scenarios"][scenario]
    out: dict[str, Any] = {k: v for k, v in t["common"].items() if not isinstance(v, dict)}
    out.update({k: v for k, v in row.items() if not isinstance(v, dict)})
    out["scenario"] = scenario
    out["freq_hz"] = float(freq_hz)
    out["sectors"] = len(t["common"]["sector_boresights_deg"])
    out["n_drops"] = row["default_drops"]
    out["sf_correlation"] = True
    out["shadow_fading"] = True
    key = f"{freq_hz / 1e9:g}"
    for name in ("tx_power_dbm", "bandwidth_hz"):
        table = row.get(name, t["common"].get(name))
        if name in overrides:
            out[name] = float(overrides[name])
        elif key in table:
            out[name] = float(table[key])
        else:
            raise ParameterError(
                name, None, f"a value: Table 7.8-1 gives it at {sorted(table)} GHz only "
                f"(freq_hz={freq_hz:g})", _SOURCE,
            )
    for name, value in overrides.items():
        if name in ("indoor_fraction", "o2i_low_loss_fraction") and name not in row:
            raise ParameterError(name, value, f"not an assumption of {scenario} (UEs share "
                                 "the building of the BS: no O2I loss)", _SOURCE)
        if name not in ("tx_power_dbm", "bandwidth_hz"):
            out[name] = value
    for name in ("n_ue_per_cell", "n_drops", "bs_array_rows", "sectors"):
        v = out[name]
        if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or v < 1:
            raise ParameterError(name, v, "an integer >= 1", _SOURCE)
    for name in ("indoor_fraction", "o2i_low_loss_fraction"):
        if name in out and not (0.0 <= out[name] <= 1.0):
            raise ParameterError(name, out[name], "a fraction in [0, 1]", _SOURCE)
    if not (0.0 <= out["electrical_tilt_zenith_deg"] <= 180.0):
        raise ParameterError("electrical_tilt_zenith_deg", out["electrical_tilt_zenith_deg"],
                             "a zenith angle in [0, 180] deg", _SOURCE)
    if not out["element_spacing_v_wavelengths"] > 0:
        raise ParameterError("element_spacing_v_wavelengths",
                             out["element_spacing_v_wavelengths"], "> 0", _SOURCE)
    return out


def column_array_factor_db(
    zenith_deg: ArrayLike,
    electrical_tilt_zenith_deg: float,
    n_rows: int = 10,
    spacing_v: float = 0.5,
) -> np.ndarray:
    """Gain (dB) of an electrically tilted vertical column (one port), <= 10 log10(M).

    ``AF(theta) = |sum_m w_m^* a_m(theta)|^2`` with the array response
    ``a_m = exp(j 2 pi (m - 1) d_V cos(theta))`` of :func:`netsim.radio.antenna.
    upa_steering_vectors` (TR 38.901 Eq. 7.5-22) and the port weights of the
    calibration assumptions, ``w_m = exp(j 2 pi (m - 1) d_V cos(theta_etilt)) / sqrt(M)``
    (TR 38.901 Table 7.8-1, "BS port mapping"; TR 36.897 5.2.2): the maximum, M, is at
    theta = theta_etilt.

    Parameters
    ----------
    zenith_deg : array_like
        Zenith angle of the direction in the panel frame (deg; 90 = horizon).
    electrical_tilt_zenith_deg : float
        theta_etilt (deg): 102 for 12 deg below the horizon.
    n_rows : int, default 10
        Elements M in the column.
    spacing_v : float, default 0.5
        Element spacing d_V (wavelengths).

    Returns
    -------
    numpy.ndarray
        Array gain (dB), shape of ``zenith_deg``.
    """
    th = np.asarray(zenith_deg, dtype=float)
    a = upa_steering_vectors(n_rows, 1, th.ravel(), np.zeros(th.size), spacing_v=spacing_v)
    w = upa_steering_vectors(n_rows, 1, electrical_tilt_zenith_deg, 0.0, spacing_v=spacing_v)
    gain, _ = beamforming_gain_db(w / np.sqrt(n_rows), a)
    return gain.reshape(th.shape)


def bs_antenna_gain_dbi(
    zenith_deg: ArrayLike,
    azimuth_deg: ArrayLike,
    boresight_deg: ArrayLike,
    electrical_tilt_zenith_deg: float,
    n_rows: int = 10,
    spacing_v: float = 0.5,
) -> np.ndarray:
    """Gain (dBi) of the calibration BS panel: element pattern + tilted column factor.

    ``G = G_E(theta, phi - boresight) + AF(theta)`` with the Table 7.3-1 element
    (:func:`netsim.radio.antenna.sector_element_gain_dbi`, no mechanical tilt) and
    :func:`column_array_factor_db`. Peak 8 + 10 log10(M) dBi.

    Parameters
    ----------
    zenith_deg, azimuth_deg : array_like
        Direction of the UE seen from the BS in global coordinates (deg).
    boresight_deg : array_like
        Panel bearing (deg), broadcast with the angles.
    electrical_tilt_zenith_deg : float
        theta_etilt (deg).
    n_rows, spacing_v
        As :func:`column_array_factor_db`.

    Returns
    -------
    numpy.ndarray
        Gain (dBi), broadcast shape.
    """
    elem = np.asarray(sector_element_gain_dbi(zenith_deg, azimuth_deg, boresight_deg, 0.0))
    return elem + column_array_factor_db(np.broadcast_to(np.asarray(zenith_deg, float),
                                                         elem.shape),
                                         electrical_tilt_zenith_deg, n_rows, spacing_v)


def sector_coupling_loss_db(
    scenario: str,
    freq_hz: float,
    d2d_m: ArrayLike,
    azimuth_deg: ArrayLike,
    h_bs_m: float,
    h_ut_m: ArrayLike,
    los: ArrayLike,
    *,
    boresights_deg: ArrayLike = (30.0, 150.0, 270.0),
    electrical_tilt_zenith_deg: float = 102.0,
    n_rows: int = 10,
    spacing_v: float = 0.5,
    ue_gain_dbi: float = 0.0,
    extra_loss_db: ArrayLike = 0.0,
    h_e_m: ArrayLike | None = None,
) -> np.ndarray:
    """Coupling loss (dB) UE -> every sector of every site, from site-level geometry.

    ``CL[n, s * K + k] = PL(d2D[n, s]) + extra[n, s] - G_BS(theta[n, s], phi[n, s] -
    boresight_k) - G_UE`` (TR 38.901 7.8.1 coupling loss), with the Table 7.4.1-1 path
    loss (:func:`netsim.radio.pathloss.path_loss_db`) and the BS gain of
    :func:`bs_antenna_gain_dbi`.
    The zenith angle of the UE seen from the BS is ``atan2(d2D, hUT - hBS)``.

    Parameters
    ----------
    scenario : {"UMa", "UMi", "InH"}
        Path-loss scenario.
    freq_hz : float
        Carrier frequency (Hz).
    d2d_m, azimuth_deg : array_like, shape (N, S)
        2D distance (m) and azimuth (deg) of UE n seen from site s (nearest wrap-around
        image where there is one).
    h_bs_m : float
        BS antenna height (m).
    h_ut_m : array_like, shape (N,)
        UE antenna heights (m).
    los : array_like of bool, shape (N, S)
        LOS state per UE-site link.
    boresights_deg : array_like, shape (K,)
        Sector boresights (deg); cell index ``s * K + k``.
    electrical_tilt_zenith_deg, n_rows, spacing_v
        BS column (see :func:`column_array_factor_db`).
    ue_gain_dbi : float, default 0
        UE antenna gain (dBi).
    extra_loss_db : array_like, broadcastable to (N, S), default 0
        O2I penetration loss, shadow fading (dB).
    h_e_m : array_like, optional
        UMa/UMi effective environment height (Table 7.4.1-1 note 1), shape (N, S).

    Returns
    -------
    numpy.ndarray, shape (N, S * K)
        Coupling loss (dB).
    """
    d2d = np.asarray(d2d_m, dtype=float)
    if d2d.ndim != 2:
        raise ParameterError("d2d_m", d2d.shape, "a 2-D array (N UEs, S sites)")
    hut = np.asarray(h_ut_m, dtype=float).reshape(-1, 1)
    kwargs = {} if h_e_m is None else {"h_e_m": h_e_m}
    pl = np.asarray(path_loss_db(scenario, d2d, freq_hz, h_bs_m, hut, los, **kwargs))
    site_loss = pl + np.asarray(extra_loss_db, dtype=float)
    zen = np.degrees(np.arctan2(d2d, hut - h_bs_m))
    bores = np.asarray(boresights_deg, dtype=float).reshape(-1)
    k = bores.size
    # element gain per sector (N, S * K); the column factor depends on the zenith angle
    # only, so it is computed once per site (N, S) and shared by the co-sited sectors
    elem = np.asarray(sector_element_gain_dbi(
        np.repeat(zen, k, axis=1), np.repeat(np.asarray(azimuth_deg, dtype=float), k, axis=1),
        np.tile(bores, d2d.shape[1])[None, :], 0.0))
    af = column_array_factor_db(zen, electrical_tilt_zenith_deg, n_rows, spacing_v)
    return np.repeat(site_loss - af, k, axis=1) - elem - ue_gain_dbi


def cdf_percentiles(values: ArrayLike, q: ArrayLike = (5.0, 50.0, 95.0)) -> np.ndarray:
    """Empirical CDF percentiles (linear interpolation between order statistics).

    Examples
    --------
    >>> cdf_percentiles([1.0, 2.0, 3.0, 4.0, 5.0], [50.0]).tolist()
    [3.0]
    """
    v = np.asarray(values, dtype=float)
    if v.size == 0 or not np.all(np.isfinite(v)):
        raise ParameterError("values", f"{v.size} values", "a non-empty array of finite values")
    return np.percentile(v, np.asarray(q, dtype=float))


@dataclass(frozen=True)
class LargeScaleResult:
    """Per-UE output of :func:`large_scale` (arrays of shape (N,), N = all drops).

    Attributes
    ----------
    scenario : str
    freq_hz : float
    coupling_loss_db : numpy.ndarray
        Coupling loss to the serving cell (dB, positive).
    sir_db : numpy.ndarray
        Geometry without noise: serving power over the sum from all other cells (dB).
    sinr_db : numpy.ndarray
        Geometry with thermal noise ``-174 + 10 log10(B) + NF`` dBm (dB).
    serving_cell : numpy.ndarray of int
        Serving cell index within the drop (site * sectors + sector).
    ue_xyz_m : numpy.ndarray, shape (N, 3)
        UE positions (m).
    indoor : numpy.ndarray of bool
        Indoor (O2I) UEs.
    los_serving : numpy.ndarray of bool
        LOS state of the link to the serving site.
    drop : numpy.ndarray of int
        Drop index of each UE.
    assumptions : dict
        The resolved assumptions (:func:`calibration_assumptions`).
    """

    scenario: str
    freq_hz: float
    coupling_loss_db: np.ndarray
    sir_db: np.ndarray
    sinr_db: np.ndarray
    serving_cell: np.ndarray
    ue_xyz_m: np.ndarray
    indoor: np.ndarray
    los_serving: np.ndarray
    drop: np.ndarray
    assumptions: dict = field(repr=False)

    _METRICS = ("coupling_loss_db", "sir_db", "sinr_db")

    def percentiles(self, metric: str, q: ArrayLike = (5.0, 50.0, 95.0)) -> np.ndarray:
        """CDF percentiles of ``metric`` (one of coupling_loss_db, sir_db, sinr_db)."""
        if metric not in self._METRICS:
            raise ParameterError("metric", metric, f"one of {self._METRICS}")
        return cdf_percentiles(getattr(self, metric), q)


def _draw_o2i(freq_hz: float, n: int, low_fraction: float, rng: np.random.Generator,
              d_in_max_m: float) -> tuple[np.ndarray, np.ndarray]:
    """O2I loss per UE (TR 38.901 7.4.3.1): PL_tw + 0.5 d2D-in + N(0, sigma_P^2), and d2D-in.

    d2D-in is the minimum of two U(0, d_in_max) draws; the low- or high-loss model of
    Table 7.4.3-2 is drawn per UE with probability ``low_fraction`` for low loss.
    """
    models = load_table(O2I_TABLE)["models"]
    low = rng.random(n) < low_fraction
    d_in = np.minimum(rng.uniform(0.0, d_in_max_m, n), rng.uniform(0.0, d_in_max_m, n))
    loss = np.empty(n)
    for name, mask in (("low", low), ("high", ~low)):
        m = models[name]
        loss[mask] = (o2i_through_wall_loss_db(freq_hz, name) + m["pl_in_db_per_m"] * d_in[mask]
                      + rng.normal(0.0, m["sigma_p_db"], int(mask.sum())))
    return loss, d_in


def _shadow_fading(scenario: str, xy: np.ndarray, los: np.ndarray, indoor: np.ndarray,
                   rng: np.random.Generator, correlated: bool) -> np.ndarray:
    """Shadow fading (dB) per UE-site link, shape (N, S)."""
    n, s = los.shape
    sigma = np.asarray(shadow_fading_std_db(scenario, los))
    if not correlated:
        return sigma * rng.standard_normal((n, s))
    # one unit field per (state, site), drawn only over the UEs that can be in that state
    # (indoor UEs: the O2I field; outdoor UEs: the LOS and the NLOS fields) -- the
    # restriction of a Gaussian field to a subset of points is exact, and smaller
    # Cholesky factors are cheaper
    z = np.empty((n, s))
    groups = [("los", ~indoor), ("nlos", ~indoor)]
    if scenario != "InH":
        groups.append(("o2i", indoor))
    for state, rows in groups:
        if not rows.any():
            continue
        d_cor = sf_decorrelation_distance_m(scenario, state)
        field_ = correlated_shadow_fading_db(xy[rows], 1.0, d_cor, rng, n_fields=s)
        if state == "o2i":
            z[rows] = field_
        else:
            sel = los[rows] if state == "los" else ~los[rows]
            zr = z[rows]
            zr[sel] = field_[sel]
            z[rows] = zr
    return sigma * z


def _drop_hex(a: dict, rng: np.random.Generator) -> dict[str, np.ndarray]:
    scenario = a["scenario"]
    lay = hex_layout(2, a["isd_m"], a["sectors"])
    n = a["n_ue_per_cell"] * lay.n_cells
    xy = drop_ues(lay, n, rng, min_distance_m=a["min_d2d_m"])
    geo = wrap_around_distances(xy, lay.site_xy_m, a["isd_m"], 2)
    indoor = rng.random(n) < a["indoor_fraction"]
    lo_fl, hi_fl = a["n_floors_range"]
    n_fl_bldg = rng.integers(lo_fl, hi_fl + 1, n)
    floor = np.floor(rng.random(n) * n_fl_bldg).astype(int) + 1  # U{1..Nfl}
    h_ut = np.where(indoor, a["ue_floor_height_m"] * (floor - 1) + a["ue_height_ground_floor_m"],
                    a["ue_height_outdoor_m"])
    o2i = np.zeros(n)
    d_in = np.zeros(n)
    if indoor.any():
        d_in_max = load_table(O2I_TABLE)["d2d_in_max_m"][scenario]
        o2i[indoor], d_in[indoor] = _draw_o2i(a["freq_hz"], int(indoor.sum()),
                                              a["o2i_low_loss_fraction"], rng, d_in_max)
    # LOS from the outdoor part of the distance (Table 7.4.2-1 note: d2D-out for indoor
    # UEs); d2D-in cannot exceed the BS-UE distance itself
    d_out = np.maximum(geo.distance_m - d_in[:, None], 0.0)
    los = draw_los(scenario, d_out, rng, h_ut_m=h_ut[:, None])
    h_e = (uma_effective_environment_height_m(geo.distance_m, h_ut[:, None], rng)
           if scenario == "UMa" else None)
    sf = (_shadow_fading(scenario, xy, los, indoor, rng, bool(a["sf_correlation"]))
          if a["shadow_fading"] else np.zeros(los.shape))
    cl = sector_coupling_loss_db(
        scenario, a["freq_hz"], geo.distance_m, geo.azimuth_deg, a["bs_height_m"], h_ut, los,
        boresights_deg=lay.cell_boresight_deg[: a["sectors"]],
        electrical_tilt_zenith_deg=a["electrical_tilt_zenith_deg"], n_rows=a["bs_array_rows"],
        spacing_v=a["element_spacing_v_wavelengths"], ue_gain_dbi=a["ue_gain_dbi"],
        extra_loss_db=o2i[:, None] + sf, h_e_m=h_e,
    )
    return {"cl": cl, "xyz": np.column_stack([xy, h_ut]), "indoor": indoor, "los": los}


def _inh_sites(a: dict) -> np.ndarray:
    nx, ny = a["site_grid"]
    isd = a["isd_m"]
    x = (np.arange(nx) - (nx - 1) / 2.0) * isd
    y = (np.arange(ny) - (ny - 1) / 2.0) * isd
    gx, gy = np.meshgrid(x, y)
    return np.column_stack([gx.ravel(), gy.ravel()])


def _drop_inh(a: dict, rng: np.random.Generator) -> dict[str, np.ndarray]:
    sites = _inh_sites(a)
    n = a["n_ue_per_cell"] * sites.shape[0] * a["sectors"]
    wx, wy = a["room_size_m"]
    xy = np.column_stack([rng.uniform(-wx / 2, wx / 2, n), rng.uniform(-wy / 2, wy / 2, n)])
    dx = xy[:, None, 0] - sites[None, :, 0]
    dy = xy[:, None, 1] - sites[None, :, 1]
    d2d = np.hypot(dx, dy)
    h_ut = np.full(n, float(a["ue_height_m"]))
    los = draw_los("InH", d2d, rng, office_type=a["office_type"])
    indoor = np.zeros(n, dtype=bool)  # same building as the BS: no O2I loss
    sf = (_shadow_fading("InH", xy, los, indoor, rng, bool(a["sf_correlation"]))
          if a["shadow_fading"] else np.zeros(los.shape))
    bores = np.asarray(_table()["common"]["sector_boresights_deg"])[: a["sectors"]]
    if a["sectors"] != bores.size:
        bores = (30.0 + 360.0 / a["sectors"] * np.arange(a["sectors"])) % 360.0
    cl = sector_coupling_loss_db(
        "InH", a["freq_hz"], d2d, np.degrees(np.arctan2(dy, dx)), a["bs_height_m"], h_ut, los,
        boresights_deg=bores, electrical_tilt_zenith_deg=a["electrical_tilt_zenith_deg"],
        n_rows=a["bs_array_rows"], spacing_v=a["element_spacing_v_wavelengths"],
        ue_gain_dbi=a["ue_gain_dbi"], extra_loss_db=sf,
    )
    return {"cl": cl, "xyz": np.column_stack([xy, h_ut]), "indoor": indoor, "los": los}


def large_scale(scenario: str, freq_hz: float, seed: int = 0, **assumptions: Any
                ) -> LargeScaleResult:
    """Run the TR 38.901 7.8.1 large-scale calibration for one scenario and frequency.

    Parameters
    ----------
    scenario : {"UMa", "UMi", "InH"}
        Calibration scenario (see the module docstring for the layouts).
    freq_hz : float
        Carrier frequency (Hz); 6e9, 30e9 and 70e9 are the calibration frequencies.
    seed : int, default 0
        Seed of the run's random generator (same seed, same result).
    **assumptions
        Overrides of Table 7.8-1 (:data:`ASSUMPTION_NAMES`), e.g. ``n_drops=10``,
        ``n_ue_per_cell=10``, ``sf_correlation=False`` (independent shadow fading per
        link), ``shadow_fading=False``, ``electrical_tilt_zenith_deg=100.0``,
        ``tx_power_dbm``/``bandwidth_hz`` (required outside 6/30/70 GHz).

    Returns
    -------
    LargeScaleResult
        Serving coupling loss, SIR and SINR per UE, with positions and states;
        ``result.percentiles("coupling_loss_db")`` gives the 5/50/95 % points.

    Examples
    --------
    >>> r = large_scale("UMi", 6e9, seed=1, n_drops=1)
    >>> r.coupling_loss_db.shape
    (570,)
    """
    a = calibration_assumptions(scenario, freq_hz, **assumptions)
    n_sites = 19 if a["layout"] == "hex19_wrap" else int(np.prod(a["site_grid"]))
    n_per_drop = a["n_ue_per_cell"] * n_sites * a["sectors"]
    if a["sf_correlation"] and a["shadow_fading"] and n_per_drop > MAX_CHOLESKY_POINTS:
        raise ParameterError(
            "n_ue_per_cell", a["n_ue_per_cell"],
            f"at most {MAX_CHOLESKY_POINTS} UEs per drop ({n_per_drop} asked) with "
            "sf_correlation=True (exact Cholesky fields); use more drops or "
            "sf_correlation=False", _SOURCE,
        )
    rng = np.random.default_rng(seed)
    parts = []
    for _ in range(a["n_drops"]):
        parts.append(_drop_inh(a, rng) if a["layout"] == "indoor_grid" else _drop_hex(a, rng))
    cl = np.concatenate([p["cl"] for p in parts])
    res = wideband_sinr(cl, a["tx_power_dbm"], a["bandwidth_hz"], a["ue_noise_figure_db"],
                        precision="float64")
    rows = np.arange(cl.shape[0])
    cl_serv = cl[rows, res.serving_cell]
    # SIR: serving over all other cells, in the linear domain relative to the best cell
    rel = np.power(10.0, -(cl - cl_serv[:, None]) / 10.0)
    sir = -10.0 * np.log10(rel.sum(axis=1) - 1.0)
    los = np.concatenate([p["los"] for p in parts])
    serving_site = res.serving_cell // a["sectors"]
    return LargeScaleResult(
        scenario=scenario,
        freq_hz=float(freq_hz),
        coupling_loss_db=cl_serv,
        sir_db=sir,
        sinr_db=res.sinr_db,
        serving_cell=res.serving_cell,
        ue_xyz_m=np.concatenate([p["xyz"] for p in parts]),
        indoor=np.concatenate([p["indoor"] for p in parts]),
        los_serving=los[rows, serving_site],
        drop=np.concatenate([np.full(p["cl"].shape[0], i) for i, p in enumerate(parts)]),
        assumptions=a,
    )
