"""Packet-level flows: a source, a destination, a route and the flow's counters."""

from __future__ import annotations

from array import array
from typing import TYPE_CHECKING

import numpy as np

from netsim.core.packet import LossReason

if TYPE_CHECKING:  # pragma: no cover
    from netsim.core.link import Link
    from netsim.core.traffic import Traffic

__all__ = ["Flow"]


class Flow:
    """A packet flow from ``src`` to ``dst`` and what happened to its packets.

    Counters obey, at every stop of the run, ``sent == delivered + lost + in_flight``
    (see :meth:`netsim.Network.check_conservation`).

    Attributes
    ----------
    sent, delivered : int
        Packets sent by the source and delivered to the destination.
    sent_bytes, delivered_bytes : float
        The same in bytes.
    lost : dict of str to int
        Packets lost, by reason (:class:`netsim.core.packet.LossReason`).
    path : list of str or None
        Node path of the current route (None if there is none).
    pinned : bool
        True when a controller or the user installed the path; otherwise the flow
        follows the network's shortest-delay route, recomputed when the topology changes.
    """

    __slots__ = (
        "name", "src", "dst", "traffic", "priority", "start_s", "stop_s", "record",
        "route", "path", "pinned", "_ver", "sent", "sent_bytes", "delivered",
        "delivered_bytes", "lost", "_lat", "_t", "_sz", "source",
    )

    def __init__(
        self,
        name: str,
        src: str,
        dst: str,
        traffic: Traffic,
        priority: int,
        start_s: float,
        stop_s: float | None,
        record: bool,
    ):
        self.name = name
        self.src = src
        self.dst = dst
        self.traffic = traffic
        self.priority = priority
        self.start_s = start_s
        self.stop_s = stop_s
        self.record = record
        self.route: list[Link] | None = None
        self.path: list[str] | None = None
        self.pinned = False
        self._ver = -1
        self.sent = 0
        self.sent_bytes = 0.0
        self.delivered = 0
        self.delivered_bytes = 0.0
        self.lost = dict.fromkeys(LossReason.ALL, 0)
        self._lat = array("d")
        self._t = array("d")
        self._sz = array("d")
        self.source = None

    @property
    def lost_total(self) -> int:
        """Packets lost, all reasons."""
        return sum(self.lost.values())

    @property
    def in_flight(self) -> int:
        """Packets sent and neither delivered nor lost yet."""
        return self.sent - self.delivered - self.lost_total

    @property
    def latencies_s(self) -> np.ndarray:
        """One-way latency of each delivered packet, in delivery order (s)."""
        return np.frombuffer(self._lat, dtype=float) if len(self._lat) else np.empty(0)

    @property
    def delivery_times_s(self) -> np.ndarray:
        """Time each packet was delivered (s)."""
        return np.frombuffer(self._t, dtype=float) if len(self._t) else np.empty(0)

    @property
    def delivered_sizes_bytes(self) -> np.ndarray:
        """Size of each delivered packet (bytes)."""
        return np.frombuffer(self._sz, dtype=float) if len(self._sz) else np.empty(0)

    def __repr__(self) -> str:
        return (
            f"Flow({self.name!r}, {self.src!r}->{self.dst!r}, sent={self.sent}, "
            f"delivered={self.delivered}, lost={self.lost_total})"
        )
