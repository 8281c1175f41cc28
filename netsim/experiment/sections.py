"""Segment sections of a scenario: how each segment plugs into scenarios and runs.

A segment (radio, optical, space, control, ...) adds a top-level scenario key by
exposing a :class:`Section` and listing it in :data:`SECTIONS` (``name -> "module:attr"``,
imported lazily). The core scenario schema never changes when a segment is added.

A section has
- ``model``: a pydantic model of its YAML (use :class:`netsim.experiment.scenario.Spec`
  as the base so unknown fields are errors);
- ``build(cfg, ctx)``: segments (``order`` < 50) are built after the core nodes and
  before the core links, so core links may end at nodes a segment creates; sections of
  ``order`` >= 50 (control) after the core links; all before the traffic. It
  adds its nodes, links and processes through ``ctx.net`` / ``ctx.sim`` and may register
  result tables with ``ctx.add_table(name, fn)``;
- optionally ``check(cfg, scenario) -> list[str]`` for cross-references, ``nodes(cfg)``
  returning the node names it will create (so links and traffic may refer to them),
  and ``links(cfg)`` returning the directed (a, b) pairs it will create.
Sections build in ``order`` (lower first; segments 10-30, control 50).
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

__all__ = ["Section", "SECTIONS", "CONTROL_ORDER", "get", "names", "declares_link"]

CONTROL_ORDER = 50
"""Sections of this order or more are built after the core links."""


@dataclass(frozen=True)
class Section:
    """How a segment's scenario section is validated and built."""

    name: str
    model: type
    build: Callable[[Any, Any], None]
    check: Callable[[Any, Any], list[str]] | None = None
    nodes: Callable[[Any], Iterable] | None = None
    links: Callable[[Any], Iterable[tuple]] | None = None
    order: int = 20


SECTIONS: dict[str, str] = {
    "radio": "netsim.radio.segment:SECTION",
    "hotspot": "netsim.radio.hotspot_drop:SECTION",
    "optical": "netsim.optical.segment:SECTION",
    "space": "netsim.space.segment:SECTION",
    "connection_density": "netsim.radio.connection_density_section:SECTION",
    "fibre_capacity": "netsim.optical.fibre_capacity_study:SECTION",
    "control": "netsim.control.section:SECTION",
    "targets": "netsim.experiment.targets:SECTION",
    "sweep": "netsim.experiment.sweep:SECTION",
}
"""Top-level scenario keys of the segments: name -> "module:attribute" of a Section."""


def names() -> list[str]:
    """Names of the registered sections whose module is installed."""
    return sorted(k for k, v in SECTIONS.items()
                  if importlib.util.find_spec(v.split(":")[0]) is not None)


def get(name: str) -> Section | None:
    """The section registered under ``name`` (imported on first use), or None."""
    target = SECTIONS.get(name)
    if target is None or importlib.util.find_spec(target.split(":")[0]) is None:
        return None
    module, attr = target.split(":")
    return getattr(importlib.import_module(module), attr)


def declares_link(scenario, pair: tuple) -> bool:
    """Whether a segment section of ``scenario`` will create the directed link ``pair``."""
    for key, cfg in scenario.sections.items():
        sec = get(key)
        if sec is not None and sec.links is not None and pair in set(sec.links(cfg)):
            return True
    return False
