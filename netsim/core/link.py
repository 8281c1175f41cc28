"""Directed links: an output queue, a transmitter (store and forward) and a wire.

A hop costs one entry on simpy's heap, the packet's arrival at the next node
(serialisation ``size * 8 / rate_bps`` plus ``delay_s`` later), and one more, the end of a
transmission, while packets wait behind it. Both are callbacks on reusable objects (the
packet is its own event); no simpy process is involved.

State that may change during a run (segments drive it): ``rate_bps`` (applies from the
next packet put on the wire; the packet in transmission finishes at the old rate),
``delay_s`` (applies to packets put on the wire afterwards), ``loss_prob`` and ``up``.
When a link goes down every packet queued at it, in transmission on it or in propagation
along it is counted as lost with reason ``link_down``.
"""

from __future__ import annotations

import math
from collections import deque
from heapq import heappush
from typing import TYPE_CHECKING

from simpy.events import NORMAL

from netsim.core.packet import LossReason, Packet
from netsim.core.simulation import Callback
from netsim.errors import ParameterError

if TYPE_CHECKING:  # pragma: no cover
    from netsim.core.network import Network

__all__ = ["Link", "SCHEDULERS"]

SCHEDULERS = ("fifo", "priority")
"""Output-queue disciplines: drop-tail FIFO, or strict priority (class 0 first, FIFO
within a class, drop-tail on the shared buffer)."""

_LOSS_BLOCK = 4096


def _check_positive(field: str, value: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(
        value
    ) or value <= 0:
        raise ParameterError(field, value, "a finite number > 0")
    return float(value)


def _check_nonneg(field: str, value: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(
        value
    ) or value < 0:
        raise ParameterError(field, value, "a finite number >= 0")
    return float(value)


def _check_prob(field: str, value: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not (0.0 <= value <= 1.0):
        raise ParameterError(field, value, "a probability in [0, 1]")
    return float(value)


class Link:
    """A directed link from node ``src`` to node ``dst``.

    Parameters
    ----------
    rate_bps : float
        Transmission rate (bit/s), > 0.
    delay_s : float
        Propagation delay (s), >= 0.
    buffer_bytes, buffer_packets : int or None
        Output-queue limits, not counting the packet in transmission (None: unlimited).
        A packet that would exceed either limit is dropped (drop-tail).
    loss_prob : float
        Probability that a transmitted packet is lost on the wire, independently.
    scheduler : {"fifo", "priority"}
        Output-queue discipline.

    Links are made by :meth:`netsim.Network.add_link`. A subclass (``link_cls``) may
    replace the queue and transmitter, e.g. with a slot-based MAC: it overrides
    :meth:`send` and hands each packet on with :meth:`_launch` or loses it with
    :meth:`_drop`; everything it holds must be listed by :meth:`in_flight` and lost
    by :meth:`_fail` so the conservation invariant holds.
    """

    __slots__ = (
        "net", "index", "src", "dst", "name", "segment", "_env", "_heap", "_eid", "_sim",
        "_rate", "_bg", "_spb", "_delay", "_loss", "_up", "_buf_b", "_buf_p", "scheduler",
        "_busy", "_tx_end_s", "_fifo", "_prio", "_qlen", "_qbytes", "_q_area",
        "_q_t", "_txcb", "_arr_cbs", "_wire", "_rng", "_u", "_ui",
        "tx_packets", "tx_bytes", "busy_s", "drops", "max_qlen", "attrs",
    )

    def __init__(
        self,
        net: Network,
        index: int,
        src: str,
        dst: str,
        rate_bps: float,
        delay_s: float,
        buffer_bytes: int | None = None,
        buffer_packets: int | None = None,
        loss_prob: float = 0.0,
        scheduler: str = "fifo",
        segment: str | None = None,
        **attrs,
    ):
        self.net = net
        self.index = index
        self.src = src
        self.dst = dst
        self.name = f"{src}->{dst}"
        self.segment = segment
        self.attrs = attrs
        self._sim = net.sim
        self._env = env = net.sim.env
        self._heap = env._queue
        self._eid = env._eid
        self._rate = _check_positive("rate_bps", rate_bps)
        self._bg = 0.0
        self._spb = 8.0 / self._rate
        self._delay = _check_nonneg("delay_s", delay_s)
        self._loss = _check_prob("loss_prob", loss_prob)
        for field, lim in (("buffer_bytes", buffer_bytes), ("buffer_packets", buffer_packets)):
            if lim is not None and (isinstance(lim, bool) or not isinstance(lim, int) or lim < 0):
                raise ParameterError(field, lim, "None (unlimited) or an integer >= 0")
        self._buf_b = buffer_bytes
        self._buf_p = buffer_packets
        if scheduler not in SCHEDULERS:
            raise ParameterError("scheduler", scheduler, f"one of {SCHEDULERS}")
        self.scheduler = scheduler
        self._up = True
        self._busy = False  # an end-of-transmission event is pending
        self._tx_end_s = 0.0
        self._fifo: deque[Packet] = deque()
        self._prio: dict[int, deque[Packet]] = {}
        self._qlen = 0
        self._qbytes = 0.0
        self._q_area = 0.0
        self._q_t = 0.0
        self._txcb = Callback(self._on_tx_done)
        self._arr_cbs = [self._on_arrive]
        self._wire: dict[int, Packet] = {}
        self._rng = None
        self._u = None
        self._ui = _LOSS_BLOCK
        self.tx_packets = 0
        """Packets put on the wire (transmission started) by this link."""
        self.tx_bytes = 0.0
        """Bytes put on the wire by this link."""
        self.busy_s = 0.0
        """Time the transmitter was busy, counted at the start of each transmission (s)."""
        self.drops = dict.fromkeys(LossReason.ALL, 0)
        """Packets lost at this link, by reason."""
        self.max_qlen = 0
        """Largest number of packets waiting in the queue."""

    # -- state ------------------------------------------------------------------------
    @property
    def rate_bps(self) -> float:
        """Transmission rate (bit/s)."""
        return self._rate

    @rate_bps.setter
    def rate_bps(self, value: float) -> None:
        self._rate = _check_positive("rate_bps", value)
        if self._bg >= self._rate:  # a coupled flow-level engine re-shares it just below
            self._bg = 0.0
        self._spb = 8.0 / (self._rate - self._bg)
        self.net._link_changed(self, routing=False)  # routes follow delay, not rate

    @property
    def background_bps(self) -> float:
        """Fluid (flow-level) load carried by the link (bit/s): packets are serialised at
        ``rate_bps - background_bps``. Set by a coupled :class:`FlowLevel` engine."""
        return self._bg

    @background_bps.setter
    def background_bps(self, value: float) -> None:
        if not (isinstance(value, (int, float)) and 0.0 <= value < self._rate):
            raise ParameterError("background_bps", value,
                                 f"in [0, rate_bps = {self._rate:g}) bit/s")
        self._bg = float(value)
        self._spb = 8.0 / (self._rate - self._bg)

    @property
    def delay_s(self) -> float:
        """Propagation delay (s)."""
        return self._delay

    @delay_s.setter
    def delay_s(self, value: float) -> None:
        self._delay = _check_nonneg("delay_s", value)
        self.net._link_changed(self)

    @property
    def loss_prob(self) -> float:
        """Probability of losing a transmitted packet on the wire."""
        return self._loss

    @loss_prob.setter
    def loss_prob(self, value: float) -> None:
        self._loss = _check_prob("loss_prob", value)

    @property
    def up(self) -> bool:
        """Whether the link carries traffic."""
        return self._up

    @up.setter
    def up(self, value: bool) -> None:
        value = bool(value)
        if value == self._up:
            return
        if not value:
            self._fail()
        self._up = value
        self.net._link_changed(self)

    @property
    def queue_packets(self) -> int:
        """Packets waiting in the queue now (not counting the one in transmission)."""
        return self._qlen

    @property
    def queue_bytes(self) -> float:
        """Bytes waiting in the queue now."""
        return self._qbytes

    def in_flight(self) -> list[Packet]:
        """Packets held by this link now: queued, in transmission, in propagation."""
        pkts = list(self._fifo)
        for q in self._prio.values():
            pkts.extend(q)
        pkts.extend(self._wire.values())
        return pkts

    def mean_queue_packets(self) -> float:
        """Time-average number of packets waiting (not in service) since t = 0."""
        now = self._env._now
        if now <= 0:
            return 0.0
        return (self._q_area + self._qlen * (now - self._q_t)) / now

    def utilization(self) -> float:
        """Fraction of time the transmitter was busy since t = 0."""
        now = self._env._now
        if now <= 0:
            return 0.0
        busy = self.busy_s - max(0.0, self._tx_end_s - now)
        return busy / now

    # -- packet path (hot) ------------------------------------------------------------
    # The transmitter is busy until ``_tx_end_s``. A packet that finds it idle and the
    # queue empty is put on the wire at once: its arrival downstream is the only event
    # its hop costs. An end-of-transmission event is scheduled only while packets wait.

    def send(self, pkt: Packet) -> None:
        """A packet reaches this link's output queue."""
        if not self._up:
            self.drops[LossReason.LINK_DOWN] += 1
            self.net._lose(pkt, LossReason.LINK_DOWN)
            return
        now = self._env._now
        if not self._qlen and now >= self._tx_end_s:
            self._transmit(pkt, now)
            return
        size = pkt.size_bytes
        if (self._buf_p is not None and self._qlen >= self._buf_p) or (
            self._buf_b is not None and self._qbytes + size > self._buf_b
        ):
            self.drops[LossReason.BUFFER] += 1
            self.net._lose(pkt, LossReason.BUFFER)
            return
        self._q_area += self._qlen * (now - self._q_t)
        self._q_t = now
        self._qlen += 1
        if self._qlen > self.max_qlen:
            self.max_qlen = self._qlen
        self._qbytes += size
        if self.scheduler == "fifo":
            self._fifo.append(pkt)
        else:
            q = self._prio.get(pkt.priority)
            if q is None:
                q = self._prio[pkt.priority] = deque()
                self._prio = dict(sorted(self._prio.items()))
            q.append(pkt)
        if not self._busy:  # first packet waiting: wake up at the end of the transmission
            self._busy = True
            cb = self._txcb
            cb.callbacks = cb._fn
            heappush(self._heap, (self._tx_end_s, NORMAL, next(self._eid), cb))

    def _transmit(self, pkt: Packet, now: float) -> None:
        tx_s = pkt.size_bytes * self._spb
        end = now + tx_s
        self._tx_end_s = end
        self.busy_s += tx_s
        self.tx_packets += 1
        self.tx_bytes += pkt.size_bytes
        if self._sim.trace_enabled:
            self._sim.trace("tx_start", self.name, pkt.pid)
        if self._loss > 0.0 and self._draw() < self._loss:
            self.drops[LossReason.CHANNEL] += 1
            self.net._lose(pkt, LossReason.CHANNEL)
            return
        pkt.callbacks = self._arr_cbs
        heappush(self._heap, (end + self._delay, NORMAL, next(self._eid), pkt))
        self._wire[pkt.pid] = pkt

    def _on_tx_done(self, _cb: Callback) -> None:
        now = self._env._now
        self._q_area += self._qlen * (now - self._q_t)
        self._q_t = now
        self._qlen -= 1
        if self.scheduler == "fifo":
            nxt = self._fifo.popleft()
        else:
            for q in self._prio.values():
                if q:
                    nxt = q.popleft()
                    break
        self._qbytes -= nxt.size_bytes
        self._transmit(nxt, now)
        if self._qlen:
            cb = self._txcb
            cb.callbacks = cb._fn
            heappush(self._heap, (self._tx_end_s, NORMAL, next(self._eid), cb))
        else:
            self._busy = False

    # -- for subclasses (e.g. a radio air interface with its own MAC) -------------------
    def _launch(self, pkt: Packet, arrival_s: float) -> None:
        """Hand ``pkt`` to the next node at absolute time ``arrival_s`` (>= now).

        Until then the packet is in flight on this link (lost if the link goes down).
        """
        pkt.callbacks = self._arr_cbs
        heappush(self._heap, (arrival_s, NORMAL, next(self._eid), pkt))
        self._wire[pkt.pid] = pkt

    def _drop(self, pkt: Packet, reason: str) -> None:
        """Count ``pkt`` as lost at this link with ``reason`` (a :class:`LossReason`)."""
        self.drops[reason] = self.drops.get(reason, 0) + 1
        self.net._lose(pkt, reason)

    def _on_arrive(self, pkt: Packet) -> None:
        del self._wire[pkt.pid]
        pkt.hop += 1
        route = pkt.route
        if self._sim.trace_enabled:
            self._sim.trace("arrive", self.dst, pkt.pid)
        if pkt.hop == len(route):
            self.net._deliver(pkt)
        else:
            route[pkt.hop].send(pkt)

    def _draw(self) -> float:
        if self._ui >= _LOSS_BLOCK:
            if self._rng is None:
                self._rng = self._sim.rng(f"link:{self.name}:loss")
            self._u = self._rng.random(_LOSS_BLOCK).tolist()
            self._ui = 0
        u = self._u[self._ui]
        self._ui += 1
        return u

    def _fail(self) -> None:
        """Going down: everything the link holds is lost (reason ``link_down``)."""
        now = self._env._now
        if self._busy:  # the pending end-of-transmission entry stays queued as a no-op
            self._txcb.callbacks = []
            self._txcb = Callback(self._on_tx_done)
            self._busy = False
        if self._tx_end_s > now:  # transmission cut short
            self.busy_s -= self._tx_end_s - now
            self._tx_end_s = now
        self._q_area += self._qlen * (now - self._q_t)
        self._q_t = now
        lost = list(self._fifo)
        self._fifo.clear()
        for q in self._prio.values():
            lost.extend(q)
            q.clear()
        self._qlen = 0
        self._qbytes = 0.0
        for pkt in self._wire.values():
            pkt.callbacks = []  # its arrival entry stays queued as a no-op
            lost.append(pkt)
        self._wire.clear()
        for pkt in lost:
            self.drops[LossReason.LINK_DOWN] += 1
            self.net._lose(pkt, LossReason.LINK_DOWN)

    def __repr__(self) -> str:
        return (
            f"Link({self.name!r}, rate_bps={self._rate:g}, delay_s={self._delay:g}, "
            f"up={self._up})"
        )
