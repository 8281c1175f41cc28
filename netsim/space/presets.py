"""Named constellation presets, loaded once from ``data/constellations.json``.

Each preset carries its source (regulatory filing and a second, independent listing
where one exists) and states the Walker phasing ``F`` that netsim assumes, since
filings give altitude, inclination, planes and satellites per plane but not ``F``.

Presets: ``starlink_gen1`` (4,408 satellites, 5 shells), ``starlink_shell1`` (1,584),
``oneweb_phase1`` (720), ``kuiper`` (3,236), ``telesat_phase1`` (117), ``geo_ring3``
(3 GEO), ``o3b_meo`` (20 MEO).
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from netsim.errors import ParameterError
from netsim.space.constellation import J2000_JD, Constellation, ShellSpec, combine, walker

__all__ = ["preset", "preset_names", "preset_info", "preset_shells"]


@cache
def _data() -> dict[str, Any]:
    text = resources.files("netsim.space").joinpath("data/constellations.json").read_text()
    return json.loads(text)["presets"]


def preset_names() -> list[str]:
    """Names of the available presets."""
    return sorted(_data())


def preset_info(name: str) -> dict[str, str]:
    """Description, source and phasing note of a preset."""
    d = _get(name)
    return {k: d[k] for k in ("description", "source", "phasing_note")}


def _get(name: str) -> dict[str, Any]:
    data = _data()
    if name not in data:
        raise ParameterError(
            "preset", name, f"one of {sorted(data)}", source="netsim/space/data/constellations.json"
        )
    return data[name]


def preset_shells(name: str) -> tuple[ShellSpec, ...]:
    """The Walker shells of a preset."""
    return tuple(
        ShellSpec(
            altitude_km=float(s["altitude_km"]),
            inclination_deg=float(s["inclination_deg"]),
            planes=int(s["planes"]),
            sats_per_plane=int(s["sats_per_plane"]),
            phasing=int(s["phasing"]),
            kind=str(s["kind"]),
            name=f"{name}/{s['name']}",
        )
        for s in _get(name)["shells"]
    )


def preset(name: str, *, epoch_jd: float = J2000_JD, j2: bool = True) -> Constellation:
    """Build a preset constellation (all its shells, in file order).

    Examples
    --------
    >>> preset("starlink_gen1").count
    4408
    """
    parts = [
        walker(
            s.altitude_km,
            s.inclination_deg,
            s.planes,
            s.sats_per_plane,
            s.phasing,
            s.kind,
            raan0_deg=s.raan0_deg,
            epoch_jd=epoch_jd,
            j2=j2,
            name=s.name,
        )
        for s in preset_shells(name)
    ]
    return combine(*parts)
