"""Approximate maximum NR data rate, TS 38.306 V17.4.0 clause 4.1.2.

``rate = sum_j v_layers^(j) * Q_m^(j) * f^(j) * R_max * N_PRB^(BW(j),mu) * 12 / T_s^mu
* (1 - OH^(j))`` with ``R_max = 948/1024``, ``T_s^mu = 1e-3 / (14 * 2^mu)`` s (average OFDM
symbol duration, normal CP) and OH = 0.14 (FR1 DL), 0.18 (FR2 DL), 0.08 (FR1 UL),
0.10 (FR2 UL). The constants are in ``data/nr/ts38306_4_1_2_max_data_rate.json``.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from netsim.errors import ParameterError
from netsim.radio.nr.tables import max_data_rate_constants

__all__ = ["max_data_rate_bps"]

_SRC = "TS 38.306 4.1.2"
_DIRECTIONS = ("downlink", "uplink")


def max_data_rate_bps(
    n_prb: ArrayLike,
    mu: ArrayLike,
    n_layers: ArrayLike,
    modulation_order: ArrayLike,
    *,
    scaling_factor: ArrayLike = 1.0,
    frequency_range: str | list[str] = "FR1",
    link_direction: str = "downlink",
) -> float:
    """Maximum data rate (bit/s) summed over aggregated carriers, TS 38.306 4.1.2.

    Each array argument holds one value per carrier j (scalars broadcast); the result is
    the sum over carriers.

    Parameters
    ----------
    n_prb : int or array of int
        N_PRB^(BW(j),mu), the maximum RB allocation of the carrier (TS 38.101 Table 5.3.2-1,
        see :func:`netsim.radio.nr.max_transmission_bandwidth_rb`), 1..275.
    mu : int or array of int
        Numerology 0..6.
    n_layers : int or array of int
        v_Layers, 1..8.
    modulation_order : int or array of int
        Q_m, one of 1, 2, 4, 6, 8, 10.
    scaling_factor : float or array
        f^(j), one of 1, 0.8, 0.75, 0.4.
    frequency_range : str or list of str
        ``"FR1"``, ``"FR2"``, ``"FR2-1"`` or ``"FR2-2"`` (FR2-x use the FR2 overhead), per carrier.
    link_direction : {"downlink", "uplink"}

    Returns
    -------
    float
        bit/s.

    Examples
    --------
    100 MHz at 30 kHz SCS (273 PRB), 4 layers, 256QAM, FR1 downlink:

    >>> round(max_data_rate_bps(273, 1, 4, 8) / 1e6, 1)
    2337.0
    """
    k = max_data_rate_constants()
    if link_direction not in _DIRECTIONS:
        raise ParameterError("link_direction", link_direction, f"one of {_DIRECTIONS}", _SRC)
    fr_list = [frequency_range] if isinstance(frequency_range, str) else list(frequency_range)
    oh_list = []
    for fr in fr_list:
        if fr not in ("FR1", "FR2", "FR2-1", "FR2-2"):
            raise ParameterError(
                "frequency_range", fr, "'FR1', 'FR2', 'FR2-1' or 'FR2-2'", _SRC
            )
        oh_list.append(k["overhead"]["FR1" if fr == "FR1" else "FR2"][link_direction])
    oh = np.asarray(oh_list, dtype=np.float64)
    if oh.size == 1:
        oh = oh[0]

    n_prb_a = np.asarray(n_prb)
    mu_a = np.asarray(mu)
    v = np.asarray(n_layers)
    qm = np.asarray(modulation_order)
    f = np.asarray(scaling_factor, dtype=np.float64)
    for name, a, lo, hi in (("n_prb", n_prb_a, 1, 275), ("mu", mu_a, 0, 6), ("n_layers", v, 1, 8)):
        bad = (a < lo) | (a > hi) | (a != np.floor(a))
        if np.any(bad):
            raise ParameterError(name, a[bad].ravel()[0].item() if a.ndim else a.item(),
                                 f"integers in {lo}..{hi}", _SRC)
    bad = ~np.isin(qm, (1, 2, 4, 6, 8, 10))
    if np.any(bad):
        raise ParameterError("modulation_order", qm, "one of (1, 2, 4, 6, 8, 10)", _SRC)
    allowed_f = tuple(k["scaling_factor_allowed"]["values"])
    if np.any(~np.isin(f, allowed_f)):
        raise ParameterError("scaling_factor", scaling_factor, f"one of {allowed_f}", _SRC)

    r_max = k["r_max"]["value_x1024"] / 1024.0
    t_s = 1e-3 / (k["symbols_per_subframe_normal_cp"]["value"] * 2.0**mu_a)
    rate = v * qm * f * r_max * n_prb_a * 12 / t_s * (1.0 - oh)
    return float(np.sum(rate))
