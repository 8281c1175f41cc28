"""ROADM nodes and lightpath latency: propagation, add/drop, pass-through, OEO regeneration.

A lightpath from ROADM ``s`` to ROADM ``d`` over fibres of total length ``L`` is added
at ``s``, passes transparently through the intermediate ROADMs (or is regenerated
optical-electrical-optical at some of them) and is dropped at ``d``. Its one-way latency
is

    delay_s = L * n_g / c + 2 * t_add_drop + n_pass * t_pass + n_regen * t_oeo

with ``c = 299 792 458 m/s`` (exact, SI definition of the metre), ``n_g`` the group
index of the fibre, ``n_pass`` the intermediate ROADMs passed transparently and
``n_regen`` those where the signal is regenerated (``n_pass + n_regen = hops - 1``).

Group index: 1.4682 at 1550 nm, the effective group index of refraction of standard
single-mode fibre (ITU-T G.652.D) given in Corning's SMF-28 Ultra optical fibre product
information sheet (PI1424); ``n_g / c`` = 4.8974 us/km, the "about 4.9 us/km" of
optical latency budgets.

The node latencies (:class:`RoadmParameters`) are scenario assumptions, not values from
a standard: a transparent ROADM adds only the propagation through its wavelength
selective switches (metres of fibre, tens of ns); add/drop and OEO regeneration add the
transponder's DSP and FEC latency (microseconds to tens of microseconds); setting up a
lightpath (WSS reconfiguration, amplifier power equalisation, control plane) takes from
tens of milliseconds to minutes depending on the system. Set them for the system you
model.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from netsim.errors import ParameterError

__all__ = [
    "SPEED_OF_LIGHT_M_PER_S",
    "SSMF_GROUP_INDEX",
    "RoadmParameters",
    "propagation_delay_s",
    "lightpath_delay_s",
]

#: Speed of light in vacuum [m/s] (exact; SI brochure, 9th ed., 2019).
SPEED_OF_LIGHT_M_PER_S = 299_792_458.0

#: Effective group index of SSMF at 1550 nm (Corning SMF-28 Ultra, PI1424): 4.8974 us/km.
SSMF_GROUP_INDEX = 1.4682


def _nonneg(field: str, value: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not (
        math.isfinite(value) and value >= 0
    ):
        raise ParameterError(field, value, "a finite number >= 0")
    return float(value)


@dataclass(frozen=True)
class RoadmParameters:
    """Latency and reconfiguration parameters of the ROADMs of an optical segment.

    Parameters
    ----------
    add_drop_latency_s : float
        Latency of adding the lightpath at its source ROADM and, again, of dropping it at
        its destination (transponder DSP and FEC) [s]; counted twice per lightpath.
    pass_through_latency_s : float
        Latency of a transparent pass through an intermediate ROADM [s].
    oeo_regeneration_latency_s : float
        Latency of an OEO regeneration at an intermediate ROADM [s] (replaces the
        pass-through latency there).
    reconfiguration_time_s : float
        Time from the decision to set up (or restore) a lightpath to the lightpath
        carrying traffic [s].
    group_index : float
        Group index of the fibre (> 1); propagation takes ``group_index / c``.
    """

    add_drop_latency_s: float = 5e-6
    pass_through_latency_s: float = 0.0
    oeo_regeneration_latency_s: float = 20e-6
    reconfiguration_time_s: float = 1.0
    group_index: float = SSMF_GROUP_INDEX

    def __post_init__(self) -> None:
        for name in (
            "add_drop_latency_s",
            "pass_through_latency_s",
            "oeo_regeneration_latency_s",
            "reconfiguration_time_s",
        ):
            _nonneg(name, getattr(self, name))
        g = self.group_index
        if isinstance(g, bool) or not isinstance(g, (int, float)) or not (
            math.isfinite(g) and g >= 1.0
        ):
            raise ParameterError("group_index", g, "a finite number >= 1")

    @property
    def delay_s_per_km(self) -> float:
        """Propagation delay per km of fibre [s/km]: ``group_index * 1e3 / c``."""
        return self.group_index * 1e3 / SPEED_OF_LIGHT_M_PER_S


def propagation_delay_s(length_km: float, group_index: float = SSMF_GROUP_INDEX) -> float:
    """Propagation delay over ``length_km`` of fibre: ``L n_g / c`` [s].

    Examples
    --------
    >>> round(propagation_delay_s(1000.0) * 1e3, 4)   # 1000 km x 1.4682 / c
    4.8974
    """
    _nonneg("length_km", length_km)
    if not group_index >= 1.0:
        raise ParameterError("group_index", group_index, ">= 1")
    return float(length_km) * 1e3 * float(group_index) / SPEED_OF_LIGHT_M_PER_S


def lightpath_delay_s(
    length_km: float, hops: int, n_regenerations: int, roadm: RoadmParameters
) -> float:
    """One-way latency of a lightpath (module docstring) [s].

    Parameters
    ----------
    length_km : float
        Total fibre length of the route [km].
    hops : int
        Fibres on the route (>= 1); the route crosses ``hops - 1`` intermediate ROADMs.
    n_regenerations : int
        Intermediate ROADMs where the signal is regenerated (0 .. hops - 1).
    roadm : RoadmParameters
    """
    if isinstance(hops, bool) or int(hops) != hops or hops < 1:
        raise ParameterError("hops", hops, "an integer >= 1")
    if int(n_regenerations) != n_regenerations or not 0 <= n_regenerations <= hops - 1:
        raise ParameterError("n_regenerations", n_regenerations, f"an integer in 0 .. {hops - 1}")
    n_pass = hops - 1 - n_regenerations
    return (
        propagation_delay_s(length_km, roadm.group_index)
        + 2.0 * roadm.add_drop_latency_s
        + n_pass * roadm.pass_through_latency_s
        + n_regenerations * roadm.oeo_regeneration_latency_s
    )
