"""Bad input fails early naming field, value and what is allowed (DESIGN.md, Conventions)."""

import math

import pytest

import netsim as ns
from netsim.control import Allocation, NetworkView, Request
from netsim.control.cspf import CSPF
from netsim.errors import ParameterError


@pytest.mark.parametrize("kwargs,field", [
    ({"capacity_bps": 0.0}, "capacity_bps"),
    ({"capacity_bps": math.inf}, "capacity_bps"),
    ({"latency_bound_s": -1.0}, "latency_bound_s"),
    ({"reliability": 1.0}, "reliability"),
    ({"priority": -1}, "priority"),
    ({"holding_s": 0.0}, "holding_s"),
    ({"arrival_s": math.nan}, "arrival_s"),
    ({"dst": "a"}, "dst"),
])
def test_request_fields(kwargs, field):
    args = {"id": 1, "src": "a", "dst": "b", "capacity_bps": 1e6, **kwargs}
    with pytest.raises(ParameterError) as e:
        Request(**args)
    assert e.value.field == field


def test_allocation_consistency():
    r = Request(1, "a", "b", 1e6)
    with pytest.raises(ParameterError, match="reason"):
        Allocation.reject(r, "because")
    with pytest.raises(ParameterError, match="path"):
        Allocation.accept(r, ["b", "a"], 0.001)
    assert Allocation.reject(r, "latency").path is None


def test_unknown_node_is_named():
    sim = ns.Simulation(seed=1)
    net = ns.Network(sim)
    net.add_node("a")
    net.add_node("b")
    net.add_link("a", "b", rate_bps=1e9, delay_s=1e-3)
    with pytest.raises(ParameterError) as e:
        CSPF().decide(Request(1, "a", "zz", 1e6), NetworkView(net))
    assert e.value.field == "dst" and e.value.value == "zz"
