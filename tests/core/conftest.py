"""Helpers for the core tests: small networks built the same way everywhere."""

from __future__ import annotations

import netsim as ns


def single_link(seed: int = 1, rate_bps: float = 1e6, delay_s: float = 0.0, **kw):
    """Two nodes ``a`` -> ``b`` joined by one directed link."""
    sim = ns.Simulation(seed=seed)
    net = ns.Network(sim)
    net.add_node("a")
    net.add_node("b")
    link = net.add_link("a", "b", rate_bps=rate_bps, delay_s=delay_s, bidirectional=False, **kw)
    return sim, net, link
