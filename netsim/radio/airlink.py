"""The air link: a :class:`~netsim.core.link.Link` whose queue is served by the NR MAC.

One ``AirLink`` per UE and direction (uplink UE -> gNB, downlink gNB -> UE). It keeps
the UE's buffer of packets; the radio access network's per-slot scheduler
(:class:`netsim.radio.ran.RadioAccessNetwork`) takes bytes from the head of it in
transport blocks (segmentation: a packet may span several TBs, a TB several packets).
Once every byte of a packet is in TBs whose HARQ outcome is drawn, the packet is handed
on at the time its last TB is decoded, or lost with reason ``"channel"`` at the time the
last attempt of a TB carrying part of it fails (residual HARQ loss).

Everything the link holds is listed by :meth:`in_flight`: queued packets (waiting or
partly scheduled), packets in HARQ (on the wire) and packets whose loss falls due later.
After a handover the old link forwards what it held, and what still reaches it, to the
UE's new link (lossless handover with data forwarding), then goes down.
"""

from __future__ import annotations

from collections import deque

from netsim.core.link import Link
from netsim.core.packet import LossReason, Packet

__all__ = ["AirLink"]


class AirLink(Link):
    """Air interface of one UE in one direction (made by the radio access network).

    Extra constructor keywords (through ``Network.add_link(..., link_cls=AirLink)``):
    ``ran`` (the :class:`~netsim.radio.ran.RadioAccessNetwork`), ``ue`` (UE index) and
    ``direction`` (0 downlink, 1 uplink). ``rate_bps`` and ``delay_s`` are nominal
    (used by routing only): the MAC sets the real timing.
    """

    __slots__ = ("ran", "ue", "direction", "_q", "_pending", "forward_to")

    def __init__(self, *args, ran=None, ue: int = 0, direction: int = 0, **kwargs):
        super().__init__(*args, **kwargs)
        self.ran = ran
        self.ue = int(ue)
        self.direction = int(direction)
        self._q: deque[list] = deque()  # [packet, unassigned bytes, lost, time due]
        self._pending: dict[int, Packet] = {}
        self.forward_to: AirLink | None = None

    # -- packets in -------------------------------------------------------------------
    def send(self, pkt: Packet) -> None:
        """A packet reaches the UE's MAC buffer in this direction."""
        if not self._up:
            if self.forward_to is not None:  # after a handover: data forwarding
                self.forward_to.send(pkt)
                return
            self._drop(pkt, LossReason.LINK_DOWN)
            return
        size = pkt.size_bytes
        if (self._buf_p is not None and self._qlen >= self._buf_p) or (
            self._buf_b is not None and self._qbytes + size > self._buf_b
        ):
            self._drop(pkt, LossReason.BUFFER)
            return
        self._q.append([pkt, float(size), False, 0.0])
        self._qlen += 1
        if self._qlen > self.max_qlen:
            self.max_qlen = self._qlen
        self._qbytes += size
        self.ran._enqueue(self.direction, self.ue, float(size))

    # -- the MAC hands bytes to transport blocks ----------------------------------------
    def _assign(self, nbytes: float, ok: bool, t_due_s: float) -> None:
        """``nbytes`` from the head of the queue went into a TB decoded (``ok``) or lost
        at ``t_due_s``."""
        q = self._q
        while nbytes > 1e-9 and q:
            e = q[0]
            take = e[1] if e[1] <= nbytes else nbytes
            e[1] -= take
            nbytes -= take
            if not ok:
                e[2] = True
            if t_due_s > e[3]:
                e[3] = t_due_s
            if e[1] <= 1e-9:
                q.popleft()
                pkt = e[0]
                self._qlen -= 1
                self._qbytes -= pkt.size_bytes
                self.tx_packets += 1
                self.tx_bytes += pkt.size_bytes
                if e[2]:
                    self._pending[pkt.pid] = pkt
                    self.ran._loss_due(self, pkt, e[3])
                else:
                    self._launch(pkt, e[3])

    def _expire(self, pkt: Packet) -> None:
        """A packet's residual HARQ loss falls due now."""
        if self._pending.pop(pkt.pid, None) is not None:
            self._drop(pkt, LossReason.CHANNEL)

    # -- handover -----------------------------------------------------------------------
    def _move_to(self, new: AirLink) -> None:
        """Hand everything held to ``new`` (the UE's link to its new gNB), then go down."""
        new._q.extend(self._q)
        new._qlen += self._qlen
        new._qbytes += self._qbytes
        self._q.clear()
        self._qlen = 0
        self._qbytes = 0.0
        for pid, pkt in self._wire.items():  # decoded later, at the time already drawn
            pkt.callbacks = new._arr_cbs
            new._wire[pid] = pkt
        self._wire.clear()
        for pid, pkt in self._pending.items():
            new._pending[pid] = pkt
            self.ran._reown(pkt, new)
        self._pending.clear()
        self.forward_to = new
        new.forward_to = None
        self.up = False

    # -- core contract ------------------------------------------------------------------
    def in_flight(self) -> list[Packet]:
        """Packets held: queued, in HARQ, or with a loss falling due."""
        out = [e[0] for e in self._q]
        out.extend(self._wire.values())
        out.extend(self._pending.values())
        return out

    def _fail(self) -> None:
        """Going down: everything held is lost (reason ``link_down``)."""
        lost = [e[0] for e in self._q]
        if self.ran is not None and self.ran._link(self.direction, self.ue) is self:
            self.ran._flush(self.direction, self.ue)
        self._q.clear()
        self._qlen = 0
        self._qbytes = 0.0
        for pkt in self._wire.values():
            pkt.callbacks = []
            lost.append(pkt)
        self._wire.clear()
        lost.extend(self._pending.values())
        self._pending.clear()
        for pkt in lost:
            self._drop(pkt, LossReason.LINK_DOWN)
