"""UE mobility over arrays: static, linear (constant velocity) and random waypoint.

All UEs move in one vectorised step :meth:`Mobility.advance`. Models:

- ``static``: positions never change.
- ``linear``: constant velocity ``speed_kmh`` along ``heading_deg`` (counter-clockwise
  from x); up to 1000 km/h: 500 km/h is the IMT-2020 high-speed-train class (ITU-R
  M.2410-0 5.2.4.7), 500-1000 km/h the IMT-2030 mobility range (Rec. ITU-R M.2160-0 5.2).
  Validity: the kinematics (and so handover timing) are exact at every speed. The
  Doppler of the speed enters the link abstraction only with ``radio.doppler.enabled``
  (:mod:`netsim.radio.doppler`): the OFDM inter-carrier interference of a Jakes spectrum
  with ``f_d = v f_c / c`` over the FFT window ``1 / SCS`` is added as noise to the SINR
  (Li and Cimini 2001), within ``f_d / SCS <= 0.5``. Not modelled at any speed: channel
  estimation and tracking error beyond a configured residual frequency offset, fast
  fading (the SINR is large-scale), and the Doppler of interfering cells. The 3GPP
  evaluation scenarios stop at 500 km/h (TR 38.913 V17.0.0 6.1.5 high-speed train), so
  above it SINR and BLER remain extrapolations of the large-scale model plus ICI.
  With ``wrap`` (a hexagonal layout with wrap-around) a UE leaving the cluster re-enters
  at the opposite side (:func:`netsim.radio.layout.wrap_positions`).
- ``random_waypoint``: each UE walks at ``speed_kmh`` straight to a waypoint drawn
  uniformly in the area rectangle, pauses ``pause_s``, then draws the next
  (Johnson and Maltz 1996). Waypoints come from the generator passed in.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from netsim.errors import ParameterError

__all__ = ["MOBILITY_MODELS", "MAX_SPEED_KMH", "Mobility"]

MOBILITY_MODELS = ("static", "linear", "random_waypoint")
MAX_SPEED_KMH = 1000.0
"""Highest UE speed accepted (km/h): the upper end of the IMT-2030 mobility range
(Rec. ITU-R M.2160-0 5.2: 500-1000 km/h). ITU-R M.2410-0 (IMT-2020) mobility classes stop
at 500 km/h; above it see the validity note in the module docstring."""


class Mobility:
    """Positions of N UEs and their motion.

    Parameters
    ----------
    xy_m : array_like, shape (N, 2)
        Initial positions (m).
    model : {"static", "linear", "random_waypoint"}
    speed_kmh : float or array_like (N,)
        Speed (km/h), 0..1000 (above 500: see the validity note).
    heading_deg : float or array_like (N,), optional
        Direction of motion (linear); default: drawn uniformly from ``rng``.
    area_m : tuple (x_min, y_min, x_max, y_max), optional
        Waypoint area (random waypoint); default: the bounding box of ``xy_m``.
    pause_s : float
        Pause at each waypoint (s).
    wrap : tuple (isd_m, n_rings), optional
        Fold linear movers back into a hexagonal wrap-around cluster.
    rng : numpy.random.Generator, optional
        Draws headings and waypoints.
    """

    def __init__(self, xy_m: ArrayLike, model: str = "static", speed_kmh: ArrayLike = 0.0,
                 heading_deg: ArrayLike | None = None,
                 area_m: tuple[float, float, float, float] | None = None,
                 pause_s: float = 0.0, wrap: tuple[float, int] | None = None,
                 rng: np.random.Generator | None = None):
        xy = np.array(xy_m, dtype=float)
        if xy.ndim != 2 or xy.shape[1] != 2:
            raise ParameterError("xy_m", xy.shape, "(N, 2)")
        if model not in MOBILITY_MODELS:
            raise ParameterError("model", model, f"one of {MOBILITY_MODELS}")
        n = xy.shape[0]
        v = np.broadcast_to(np.asarray(speed_kmh, dtype=float), (n,)).copy()
        if np.any(~np.isfinite(v)) or np.any(v < 0) or np.any(v > MAX_SPEED_KMH):
            bad = v[~((v >= 0) & (v <= MAX_SPEED_KMH))][:1].tolist()
            raise ParameterError("speed_kmh", bad, f"in [0, {MAX_SPEED_KMH}] km/h",
                                 "ITU-R M.2160-0 5.2 IMT-2030 mobility range")
        if pause_s < 0:
            raise ParameterError("pause_s", pause_s, ">= 0")
        self.rng = rng if rng is not None else np.random.default_rng(0)
        self.model = model
        self.xy_m = xy
        self.speed_m_s = v / 3.6
        self.wrap = wrap
        self.pause_s = float(pause_s)
        if heading_deg is None:
            heading = self.rng.uniform(0.0, 360.0, n)
        else:
            heading = np.broadcast_to(np.asarray(heading_deg, float), (n,)).copy()
        self.heading_rad = np.radians(heading)
        if area_m is None:
            lo, hi = (xy.min(0), xy.max(0)) if n else (np.zeros(2), np.ones(2))
            area_m = (lo[0], lo[1], hi[0], hi[1])
        self.area_m = tuple(float(a) for a in area_m)
        if not (self.area_m[2] >= self.area_m[0] and self.area_m[3] >= self.area_m[1]):
            raise ParameterError("area_m", area_m, "(x_min, y_min, x_max, y_max), max >= min")
        self._pause_left = np.zeros(n)
        self._wp = self._draw_waypoints(n) if model == "random_waypoint" else None

    @property
    def moving(self) -> bool:
        """Whether any UE can move."""
        return self.model != "static" and bool(np.any(self.speed_m_s > 0))

    def _draw_waypoints(self, n: int) -> np.ndarray:
        x0, y0, x1, y1 = self.area_m
        return np.column_stack([self.rng.uniform(x0, x1, n), self.rng.uniform(y0, y1, n)])

    def advance(self, dt_s: float) -> np.ndarray:
        """Move every UE by ``dt_s`` seconds; returns the new positions (N, 2)."""
        if dt_s < 0:
            raise ParameterError("dt_s", dt_s, ">= 0")
        if self.model == "linear":
            step = self.speed_m_s * dt_s
            self.xy_m[:, 0] += step * np.cos(self.heading_rad)
            self.xy_m[:, 1] += step * np.sin(self.heading_rad)
            if self.wrap is not None:
                from netsim.radio.layout import wrap_positions

                self.xy_m = wrap_positions(self.xy_m, *self.wrap)
        elif self.model == "random_waypoint":
            self._advance_rwp(dt_s)
        return self.xy_m

    def _advance_rwp(self, dt_s: float) -> None:
        t_left = np.full(self.xy_m.shape[0], float(dt_s))
        for _ in range(8):  # a few waypoints per step at most
            pausing = self._pause_left > 0
            used = np.minimum(self._pause_left, t_left)
            self._pause_left -= used
            t_left -= used
            go = (t_left > 0) & ~pausing | ((t_left > 0) & (self._pause_left <= 0))
            if not go.any():
                break
            vec = self._wp - self.xy_m
            dist = np.hypot(vec[:, 0], vec[:, 1])
            reach = self.speed_m_s * t_left
            arrive = go & (reach >= dist)
            move = go & ~arrive & (dist > 0)
            f = np.where(move, reach / np.where(dist > 0, dist, 1.0), 0.0)
            self.xy_m[move] += vec[move] * f[move, None]
            t_left[move] = 0.0
            if arrive.any():
                self.xy_m[arrive] = self._wp[arrive]
                t_left[arrive] -= np.where(self.speed_m_s[arrive] > 0,
                                           dist[arrive] / np.maximum(self.speed_m_s[arrive],
                                                                     1e-12), t_left[arrive])
                self._pause_left[arrive] = self.pause_s
                self._wp[arrive] = self._draw_waypoints(int(arrive.sum()))
            t_left[self.speed_m_s <= 0] = 0.0
