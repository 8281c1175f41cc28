"""netsim: Beyond-5G / 6G network simulation framework.

>>> import netsim as ns
>>> sim = ns.Simulation(seed=7)
>>> net = ns.Network(sim)
"""

from __future__ import annotations

from netsim.core import (
    CBR,
    Flow,
    Link,
    LossReason,
    Network,
    OnOff,
    Packet,
    Poisson,
    Simulation,
    TraceReplay,
    Traffic,
)
from netsim.errors import NetsimError, ParameterError, ScenarioError, ValidityRangeError

__version__ = "0.1.0"
__all__ = [
    "__version__", "Simulation", "Network", "Link", "Flow", "Packet", "LossReason",
    "Traffic", "CBR", "Poisson", "OnOff", "TraceReplay",
    "NetsimError", "ParameterError", "ScenarioError", "ValidityRangeError",
]
