"""A3-event handover decisions for all UEs at once (TS 38.331 V17.0.0 5.5.4.4).

Event A3 (neighbour becomes offset better than SpCell), entering condition

    Mn + Ofn + Ocn - Hys > Mp + Ofp + Ocp + Off

with frequency/cell offsets Ofn = Ocn = Ofp = Ocp = 0 here, so a neighbour triggers when
``RSRP_n > RSRP_p + offset + hysteresis``. The condition must hold at every evaluation
for ``time_to_trigger_s`` (TS 38.331 5.5.4.1); then the UE hands over to the strongest
neighbour. Measurements are the large-scale RSRP (no layer-3 filtering; evaluations at
the segment's large-scale update interval, so the trigger time is quantised to it).
"""

from __future__ import annotations

import numpy as np

from netsim.errors import ParameterError

__all__ = ["A3Handover"]


class A3Handover:
    """A3 entering-condition tracker with time-to-trigger, vectorised over UEs.

    Parameters
    ----------
    n_ues : int
    offset_db : float
        a3-Offset (dB), -15..15 in TS 38.331.
    hysteresis_db : float
        Hysteresis (dB), 0..15.
    time_to_trigger_s : float
        TimeToTrigger (s), >= 0.
    """

    def __init__(self, n_ues: int, offset_db: float = 3.0, hysteresis_db: float = 1.0,
                 time_to_trigger_s: float = 0.16):
        if not -15.0 <= offset_db <= 15.0:
            raise ParameterError("offset_db", offset_db, "in [-15, 15] dB",
                                 "TS 38.331 a3-Offset")
        if not 0.0 <= hysteresis_db <= 15.0:
            raise ParameterError("hysteresis_db", hysteresis_db, "in [0, 15] dB",
                                 "TS 38.331 Hysteresis")
        if not time_to_trigger_s >= 0.0:
            raise ParameterError("time_to_trigger_s", time_to_trigger_s, ">= 0 s")
        self.offset_db = float(offset_db)
        self.hysteresis_db = float(hysteresis_db)
        self.time_to_trigger_s = float(time_to_trigger_s)
        self._since = np.full(n_ues, np.nan)

    def evaluate(self, now_s: float, rsrp_dbm: np.ndarray, serving: np.ndarray,
                 eligible: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Check A3 for every UE; return (UE indices, target cells) to hand over now.

        Parameters
        ----------
        rsrp_dbm : numpy.ndarray, shape (N, M)
            RSRP (or any per-cell received power on a common scale) (dBm).
        serving : numpy.ndarray of int, shape (N,)
            Serving cell per UE.
        eligible : numpy.ndarray of bool, shape (N,), optional
            UEs that may start a handover (e.g. not already in one).
        """
        n = rsrp_dbm.shape[0]
        idx = np.arange(n)
        p = rsrp_dbm[idx, serving]
        nb = rsrp_dbm.copy()
        nb[idx, serving] = -np.inf
        best = np.argmax(nb, axis=1)
        cond = nb[idx, best] > p + self.offset_db + self.hysteresis_db
        if eligible is not None:
            cond &= eligible
        self._since[~cond] = np.nan
        start = cond & np.isnan(self._since)
        self._since[start] = now_s
        fire = cond & (now_s - self._since >= self.time_to_trigger_s - 1e-12)
        ues = np.flatnonzero(fire)
        self._since[ues] = np.nan
        return ues, best[ues]
