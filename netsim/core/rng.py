"""Named random streams: one scenario seed, one independent stream per component.

A stream is ``numpy.random.SeedSequence(seed, spawn_key=key(name))`` where ``key`` is a
stable hash (BLAKE2b) of the stream's name, so adding a stream never changes the draws of
another, and the same (seed, name) gives the same numbers on every machine and run.
"""

from __future__ import annotations

import hashlib

import numpy as np

__all__ = ["stream_key", "make_generator"]


def stream_key(name: str) -> tuple[int, int]:
    """Stable 128-bit spawn key of a stream name (two 64-bit words)."""
    digest = hashlib.blake2b(name.encode("utf-8"), digest_size=16).digest()
    return (int.from_bytes(digest[:8], "little"), int.from_bytes(digest[8:], "little"))


def make_generator(seed: int, name: str) -> np.random.Generator:
    """A PCG64 generator for stream ``name`` under scenario ``seed``."""
    ss = np.random.SeedSequence(entropy=int(seed), spawn_key=stream_key(name))
    return np.random.Generator(np.random.PCG64(ss))
