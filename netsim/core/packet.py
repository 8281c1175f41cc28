"""Packets: slotted objects that are also their own simpy events.

A packet in propagation is pushed on simpy's heap as itself (it duck-types
:class:`simpy.events.Event`), so a hop costs no event allocation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from netsim.core.flow import Flow
    from netsim.core.link import Link

__all__ = ["Packet", "LossReason"]


class LossReason:
    """Names of the reasons a packet is lost (the ``lost_*`` columns of results)."""

    BUFFER = "buffer_overflow"
    """Drop-tail: the output queue was full when the packet arrived."""
    LINK_DOWN = "link_down"
    """The link was down when the packet reached it, or went down while it was queued,
    in transmission or in propagation."""
    CHANNEL = "channel"
    """Lost on the link with the link's ``loss_prob`` (bit errors, residual BLER)."""
    NO_ROUTE = "no_route"
    """No path from the flow's source to its destination when the packet was sent."""

    ALL = (BUFFER, LINK_DOWN, CHANNEL, NO_ROUTE)


class Packet:
    """One packet.

    Attributes
    ----------
    pid : int
        Network-wide packet id, in order of creation.
    flow : Flow
        The flow that sent it.
    size_bytes : float
        Size on the wire (bytes).
    created_s : float
        Time it was sent by the source (s).
    priority : int
        Priority class; 0 is served first by strict-priority queues.
    route : list of Link
        The links it crosses (fixed when it is sent: source routing).
    hop : int
        Index in ``route`` of the link it is on or queued at.
    """

    __slots__ = ("callbacks", "pid", "flow", "size_bytes", "created_s", "priority", "route", "hop")
    _ok = True  # read by simpy.Environment.step

    def __init__(
        self,
        pid: int,
        flow: Flow,
        size_bytes: float,
        created_s: float,
        priority: int,
        route: list[Link],
    ):
        self.callbacks = None
        self.pid = pid
        self.flow = flow
        self.size_bytes = size_bytes
        self.created_s = created_s
        self.priority = priority
        self.route = route
        self.hop = 0

    def __repr__(self) -> str:
        return (
            f"Packet(pid={self.pid}, flow={self.flow.name!r}, size_bytes={self.size_bytes}, "
            f"created_s={self.created_s:.9g}, hop={self.hop})"
        )
