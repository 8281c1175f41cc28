"""Event-trace fingerprints of reference scenarios (as OMNeT++'s fingerprint tests do).

Each reference scenario's ordered stream of (time, event kind, node, packet id) records
is hashed (SHA-256). Any change of the engine's behaviour changes a fingerprint.
Updating one is a deliberate, reviewed act: run

    NETSIM_UPDATE_FINGERPRINTS=1 pytest tests/core/test_event_fingerprints.py

and commit tests/data/fingerprints/core.json with a message that says why the event
order changed. (Fingerprints depend on numpy's PCG64 and its distribution samplers;
a numpy release that changes them would change these hashes too.)
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import netsim as ns

DATA = Path(__file__).parent.parent / "data" / "fingerprints" / "core.json"


def chain_mm1():
    """3-hop chain, Poisson with exponential sizes, finite buffer, loss on one hop."""
    sim = ns.Simulation(seed=42, trace=True)
    net = ns.Network(sim)
    for i in range(4):
        net.add_node(f"n{i}")
    net.add_link("n0", "n1", rate_bps=1e6, delay_s=1e-3, buffer_packets=8)
    net.add_link("n1", "n2", rate_bps=8e5, delay_s=2e-3, loss_prob=0.01)
    net.add_link("n2", "n3", rate_bps=1e6, delay_s=1e-3, buffer_bytes=6000)
    net.add_flow("n0", "n3", ns.Poisson(rate_pps=90, packet_size_bytes=1000,
                                        size_dist="exponential"))
    net.add_flow("n1", "n3", ns.CBR(rate_bps=2e5, packet_size_bytes=500))
    sim.run(until_s=5.0)
    return sim


def priority_with_failure():
    """Strict priority, on/off and trace traffic, a link cut and repair with rerouting."""
    sim = ns.Simulation(seed=7, trace=True)
    net = ns.Network(sim)
    for n in "abcd":
        net.add_node(n)
    net.add_link("a", "b", rate_bps=2e6, delay_s=1e-3, scheduler="priority", buffer_packets=20)
    net.add_link("b", "d", rate_bps=2e6, delay_s=1e-3)
    net.add_link("a", "c", rate_bps=2e6, delay_s=4e-3)
    net.add_link("c", "d", rate_bps=2e6, delay_s=4e-3)
    net.add_flow("a", "d", ns.CBR(rate_bps=3e5, packet_size_bytes=200), priority=0)
    net.add_flow("a", "d", ns.OnOff(peak_rate_bps=3e6, mean_on_s=0.05, mean_off_s=0.1),
                 priority=1)
    net.add_flow("a", "d", ns.TraceReplay((0.0, 0.01, 0.5, 0.51), (1500, 1500, 40, 40)),
                 priority=2, start_s=1.0)
    sim.call_at(1.0, lambda: setattr(net.link("b", "d"), "up", False))
    sim.call_at(2.0, lambda: setattr(net.link("b", "d"), "up", True))
    sim.run(until_s=3.0)
    return sim


REFERENCE = {"chain_mm1": chain_mm1, "priority_with_failure": priority_with_failure}


@pytest.mark.parametrize("name", sorted(REFERENCE))
def test_fingerprint(name):
    sim = REFERENCE[name]()
    got = {"sha256": sim.fingerprint(), "events": sim.trace_events}
    stored = json.loads(DATA.read_text()) if DATA.exists() else {}
    if os.environ.get("NETSIM_UPDATE_FINGERPRINTS"):
        stored[name] = got
        DATA.parent.mkdir(parents=True, exist_ok=True)
        DATA.write_text(json.dumps(stored, indent=2, sort_keys=True) + "\n")
        pytest.skip(f"fingerprint of {name} updated")
    assert name in stored, f"no stored fingerprint for {name}: see this module's docstring"
    assert got == stored[name], (
        f"event trace of {name!r} changed: {got} != stored {stored[name]}. If the change "
        "is intended, update the fingerprints as this module's docstring says."
    )


def test_fingerprint_is_sensitive_and_repeatable():
    a = chain_mm1().fingerprint()
    assert a == chain_mm1().fingerprint()
    sim = ns.Simulation(seed=42, trace="log")
    net = ns.Network(sim)
    net.add_node(0)
    net.add_node(1)
    net.add_link(0, 1, rate_bps=1e6, delay_s=1e-3)
    net.add_flow(0, 1, ns.CBR(rate_bps=8e3, packet_size_bytes=1))
    sim.run(until_s=0.0025)
    # packets at 0, 1 ms, 2 ms; each: send, tx_start, arrive (+1.008 ms), deliver
    kinds = [k for _, k, _, _ in sim.trace_log]
    assert kinds == ["send", "tx_start", "send", "tx_start", "arrive", "deliver", "send",
                     "tx_start", "arrive", "deliver"]
