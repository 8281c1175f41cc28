"""The simulation: a simpy environment, named random streams and an event trace.

netsim schedules its own work as plain callbacks on simpy's event queue (no process per
packet); user code may still run ordinary simpy processes on :attr:`Simulation.env`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from heapq import heappush
from typing import Any

import numpy as np
import simpy
from simpy.events import NORMAL

from netsim.core.rng import make_generator
from netsim.errors import ParameterError

__all__ = ["Simulation", "Callback"]


class Callback:
    """A reusable simpy event that calls ``fn(self)`` when processed.

    It duck-types :class:`simpy.events.Event` for ``Environment.step`` (``callbacks`` and
    ``_ok``), so scheduling one costs a single heap push and no generator resumption. The
    same object may be scheduled again once it has been processed.
    """

    __slots__ = ("callbacks", "_fn", "data")
    _ok = True  # read by simpy.Environment.step; a Callback never fails

    def __init__(self, fn: Callable[[Callback], Any], data: Any = None):
        self._fn = [fn]
        self.callbacks = None
        self.data = data


class Simulation:
    """A discrete-event simulation run.

    Parameters
    ----------
    seed : int
        Scenario seed (>= 0). Every component draws from its own stream
        ``rng(name)`` derived from this seed and the stream's name.
    trace : bool or "log"
        Hash the ordered stream of (time, event kind, node, packet id) records into a
        SHA-256 fingerprint (:meth:`fingerprint`); ``"log"`` also keeps the records in
        :attr:`trace_log`. Costs a little speed.

    Examples
    --------
    >>> sim = Simulation(seed=7)
    >>> sim.run(until_s=1.5)
    >>> sim.now_s
    1.5
    """

    def __init__(self, seed: int = 0, trace: bool | str = False):
        if not isinstance(seed, (int, np.integer)) or isinstance(seed, bool) or seed < 0:
            raise ParameterError("seed", seed, "an integer >= 0")
        self.seed = int(seed)
        self.env = simpy.Environment()
        self._rngs: dict[str, np.random.Generator] = {}
        self.trace_enabled = bool(trace)
        self._hash = hashlib.sha256() if trace else None
        self.trace_events = 0
        if trace not in (False, True, "log"):
            raise ParameterError("trace", trace, "False, True or 'log'")
        self.trace_log: list[tuple[float, str, str, int]] | None = (
            [] if trace == "log" else None)

    # -- time -------------------------------------------------------------------------
    @property
    def now_s(self) -> float:
        """Current simulated time (s)."""
        return float(self.env.now)

    def run(self, until_s: float | None = None) -> None:
        """Run until simulated time ``until_s`` (s), or until no event is left."""
        if until_s is not None:
            if not np.isfinite(until_s) or until_s < self.env.now:
                raise ParameterError(
                    "until_s", until_s, f"a finite time >= now ({self.env.now} s)"
                )
            if until_s == self.env.now:
                return
        self.env.run(until=until_s)

    def schedule(self, delay_s: float, cb: Callback) -> None:
        """Schedule a :class:`Callback` ``delay_s`` seconds from now (no checks: hot path)."""
        cb.callbacks = cb._fn
        env = self.env
        heappush(env._queue, (env._now + delay_s, NORMAL, next(env._eid), cb))

    def call_in(self, delay_s: float, fn: Callable[[], Any]) -> Callback:
        """Call ``fn()`` after ``delay_s`` seconds (s >= 0); returns the scheduled event."""
        if not delay_s >= 0:
            raise ParameterError("delay_s", delay_s, ">= 0")
        cb = Callback(lambda _cb: fn())
        self.schedule(delay_s, cb)
        return cb

    def call_at(self, time_s: float, fn: Callable[[], Any]) -> Callback:
        """Call ``fn()`` at absolute simulated time ``time_s`` (>= now)."""
        if not time_s >= self.env.now:
            raise ParameterError("time_s", time_s, f">= now ({self.env.now} s)")
        return self.call_in(time_s - self.env.now, fn)

    # -- randomness -------------------------------------------------------------------
    def rng(self, name: str) -> np.random.Generator:
        """The generator of stream ``name`` (created on first use, then the same object).

        Streams are independent of one another and of the order they are created in.
        """
        g = self._rngs.get(name)
        if g is None:
            if not isinstance(name, str) or not name:
                raise ParameterError("name", name, "a non-empty string")
            g = self._rngs[name] = make_generator(self.seed, name)
        return g

    # -- trace ------------------------------------------------------------------------
    def trace(self, kind: str, node: str, packet_id: int) -> None:
        """Append one (time, kind, node, packet id) record to the event trace."""
        t = self.env._now
        self._hash.update(f"{t:.9e}|{kind}|{node}|{packet_id}\n".encode())
        self.trace_events += 1
        if self.trace_log is not None:
            self.trace_log.append((t, kind, node, packet_id))

    def fingerprint(self) -> str:
        """SHA-256 hex digest of the ordered event trace so far (needs ``trace=True``)."""
        if self._hash is None:
            raise ParameterError("trace", False, "True to compute a fingerprint")
        return self._hash.hexdigest()
