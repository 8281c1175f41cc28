"""Control layer: requests with intents, a controller interface, baselines, allocation.

Public surface (see ``docs/control.md``):

* :class:`Request`, :class:`Allocation`, :data:`REJECT_REASONS` (``request.py``);
* :class:`Controller`, :func:`make_controller`, :func:`register_controller`
  (``controller.py``);
* :class:`NetworkView` (``view.py``): the read-only network state a controller sees;
* loaded on first use: :class:`Allocator` (``allocator.py``), the baselines
  :class:`ShortestDelay`, :class:`MinHop`, :class:`WidestShortest`, :class:`CSPF`,
  :class:`KspFirstFit`, :class:`KspBestFit` (``baselines.py``, ``cspf.py``) and the
  learned :class:`SlaPolicy` (``sla.py``).
"""

import importlib

from netsim.control.controller import (
    Controller,
    controller_names,
    make_controller,
    register_controller,
)
from netsim.control.request import REJECT_REASONS, Allocation, Request
from netsim.control.view import NetworkView

__all__ = [
    "Request",
    "Allocation",
    "REJECT_REASONS",
    "Controller",
    "make_controller",
    "register_controller",
    "controller_names",
    "NetworkView",
    "Allocator",
    "ShortestDelay",
    "MinHop",
    "WidestShortest",
    "CSPF",
    "KspFirstFit",
    "KspBestFit",
    "SlaPolicy",
]

_LAZY = {
    "Allocator": "netsim.control.allocator",
    "ShortestDelay": "netsim.control.baselines",
    "MinHop": "netsim.control.baselines",
    "WidestShortest": "netsim.control.baselines",
    "CSPF": "netsim.control.cspf",
    "KspFirstFit": "netsim.control.baselines",
    "KspBestFit": "netsim.control.baselines",
    "SlaPolicy": "netsim.control.sla",
}


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'netsim.control' has no attribute {name!r}")
