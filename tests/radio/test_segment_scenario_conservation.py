"""The ``radio:`` scenario section: validation, build, slot-aligned delivery, conservation.

- Conservation (DESIGN.md): ``sent == delivered + lost + in flight`` for every flow at any
  time, counting the packets the air links hold, through handovers (links moving between
  sites), HARQ residual losses (reason ``channel``) and an air link going down.
- Slot alignment (TS 38.211 4.3.2, TS 38.214 5.3): every downlink packet is delivered at
  ``(k + 1) T_slot + T_proc,1`` for an integer slot k.
"""

from __future__ import annotations

import copy
import os

import numpy as np
import pytest

from netsim.errors import ScenarioError
from netsim.experiment.build import build
from netsim.experiment.scenario import load_scenario, parse_scenario

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

BASE = {
    "name": "radio-test",
    "seed": 2,
    "run": {"duration_s": 1.0},
    "nodes": [{"name": "core"}, {"name": "srv"}],
    "links": [{"a": "core", "b": "srv", "rate_bps": 1e10, "delay_s": 1e-4}],
    "radio": {
        "carrier_hz": 3.5e9, "bandwidth_hz": 20e6, "numerology": 1, "scenario": "UMa",
        "layout": {"type": "hexagonal", "n_rings": 1, "isd_m": 500.0},
        "ue": {"count": 8, "min_distance_m": 35.0},
        "mobility": {"model": "linear", "speed_kmh": 500.0},
        "handover": {"time_to_trigger_s": 0.04, "interruption_s": 0.02},
        "mac": {"target_bler": 0.5, "max_tx": 1},
        "backhaul": {"node": "core"},
    },
    "traffic": [
        {"model": "poisson", "src": f"ue{i}", "dst": "srv", "rate_bps": 2e6,
         "packet_size_bytes": 700} for i in range(4)
    ] + [
        {"model": "cbr", "src": "srv", "dst": f"ue{i}", "rate_bps": 2e6,
         "packet_size_bytes": 900} for i in range(4, 8)
    ],
}


def test_example_scenario_validates_and_declares_nodes():
    scn = load_scenario(os.path.join(ROOT, "experiments", "radio_cell.yaml"))
    from netsim.radio.segment import nodes

    names = nodes(scn.sections["radio"])
    assert names[:7] == [f"gnb{i}" for i in range(7)] and names[-1] == "ue11"


def test_conservation_through_handover_harq_loss_and_link_down():
    ctx = build(parse_scenario(copy.deepcopy(BASE)))
    sim, net, ran = ctx.sim, ctx.net, ctx.state["radio"]
    held_seen = 0
    for t in np.arange(0.1, 1.01, 0.1):
        sim.run(until_s=float(t))
        rows = net.check_conservation()
        held_seen += sum(r[3] for r in rows.values())
        if abs(t - 0.5) < 1e-9:  # an air link fails: what it holds is lost (link_down)
            ran.link_of("ue0", "ul").up = False
    lost = {k: sum(f.lost[k] for f in net.flows.values()) for k in ("channel", "link_down")}
    assert held_seen > 0  # the checks ran with packets inside the air links
    assert len(ran.handovers) > 0  # 500 km/h UEs crossed cells
    assert lost["channel"] > 0  # max_tx = 1 at a 50% BLER target: residual losses
    net.check_conservation()


def test_downlink_delivery_on_the_slot_grid():
    cfg = copy.deepcopy(BASE)
    cfg["radio"]["mobility"] = {"model": "static"}
    cfg["radio"]["mac"] = {"target_bler": 0.1}
    ctx = build(parse_scenario(cfg))
    ctx.sim.run(until_s=0.5)
    t_slot = 0.5e-3
    t_proc1 = 10 * 2192 * 64 / 2 / (480e3 * 4096)  # N1 = 10 symbols at mu = 1
    n = 0
    for name in ("flow4", "flow5", "flow6", "flow7"):
        t = np.asarray(ctx.net.flows[name]._t)
        # arrival at the UE = delivery (the UE is the destination)
        k = (t - t_proc1) / t_slot
        np.testing.assert_allclose(k, np.round(k), atol=1e-6)
        n += t.size
    assert n > 100


def test_core_link_may_end_at_a_site():
    # segments are built before core links, so a core link may end at a gNB site
    cfg = copy.deepcopy(BASE)
    cfg["links"] = cfg["links"] + [{"a": "gnb0", "b": "srv", "rate_bps": 1e9, "delay_s": 0.0}]
    parse_scenario(cfg)


@pytest.mark.parametrize("patch, message", [
    ({"radio": {"backhaul": {"node": "nowhere"}}}, "radio.backhaul.node"),
    ({"radio": {"ue": {"count": 2, "positions_m": [[0.0, 50.0]]}}}, "radio.ue.positions_m"),
    ({"radio": {"bandwidth_hz": 7e6}}, "radio.bandwidth_hz"),
    ({"radio": {"mobility": {"model": "linear", "speed_kmh": 1200.0}}}, "speed_kmh"),
])
def test_invalid_sections_are_reported(patch, message):
    cfg = copy.deepcopy(BASE)
    for key, value in patch.items():
        if key == "radio":
            cfg["radio"].update(value)
        else:
            cfg[key] = cfg[key] + value
    with pytest.raises(ScenarioError, match=message.replace(".", r"\.")):
        parse_scenario(cfg)
