"""The discrete-event core: simulation, network, links, packets, traffic, monitors, engines."""

from netsim.core.flow import Flow
from netsim.core.link import Link
from netsim.core.monitor import Monitor
from netsim.core.network import ConservationError, Network
from netsim.core.packet import LossReason, Packet
from netsim.core.simulation import Callback, Simulation
from netsim.core.traffic import CBR, OnOff, Poisson, TraceReplay, Traffic

__all__ = [
    "Simulation", "Callback", "Network", "Link", "Flow", "Packet", "LossReason",
    "Monitor", "ConservationError", "Traffic", "CBR", "Poisson", "OnOff", "TraceReplay",
]
