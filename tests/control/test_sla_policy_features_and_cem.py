"""The learned SLA controller: hand-computed features, feasibility, file round trip, and
the cross-entropy method on a function whose maximum is known in closed form.

Graph: a-b fibre 10 Gb/s 2 ms, b-c fibre 10 Gb/s 2 ms, a-s and s-c satellite
(segment "space") 5 Gb/s 12 ms. Request a->c, 1 Gb/s, bound 40 ms, with 4 Gb/s already
reserved on a-b. Candidates: a-b-c (4 ms) and a-s-c (24 ms).
  fibre path:     delay/bound = 0.004/0.04 = 0.1; satellite share 0;
                  headroom = min((6-1)/10, (10-1)/10) = 0.5; mean load = (0.4 + 0)/2 = 0.2;
                  hops/4 = 0.5; laxity = 1 - 0.010/0.040 = 0.75.
  satellite path: 0.024/0.04 = 0.6; share 1; headroom (5-1)/5 = 0.8; load 0; hops 0.5;
                  lax x share = 0.75; lax x headroom = 0.6.
"""

import numpy as np
import pytest

import netsim as ns
from netsim.control import NetworkView, Request
from netsim.control.sla import SLA_FEATURES, SlaPolicy, train_cem

FEATURE_TOL = 1e-12  # a few float operations on decimal inputs


@pytest.fixture
def view():
    sim = ns.Simulation(seed=1)
    net = ns.Network(sim)
    for n in "abcs":
        net.add_node(n)
    net.add_link("a", "b", rate_bps=1e10, delay_s=0.002)
    net.add_link("b", "c", rate_bps=1e10, delay_s=0.002)
    net.add_link("a", "s", rate_bps=5e9, delay_s=0.012, segment="space")
    net.add_link("s", "c", rate_bps=5e9, delay_s=0.012, segment="space")
    reserved = np.zeros(len(net.links))
    reserved[net.link("a", "b").index] = 4e9
    return NetworkView(net, reserved_bps=reserved)


def test_features_by_hand(view):
    pol = SlaPolicy(k=2, k_hops=0)
    paths, phi, ok = pol.features(Request(1, "a", "c", 1e9, latency_bound_s=0.04), view)
    assert paths == [["a", "b", "c"], ["a", "s", "c"]]
    f = dict(zip(SLA_FEATURES, phi[0]))
    s = dict(zip(SLA_FEATURES, phi[1]))
    expected_f = {"delay_over_bound": 0.1, "satellite_share": 0.0, "headroom": 0.5,
                  "mean_load": 0.2, "hops": 0.5, "failures": 0.0, "lax_x_satellite": 0.0,
                  "lax_x_headroom": 0.375}
    expected_s = {"delay_over_bound": 0.6, "satellite_share": 1.0, "headroom": 0.8,
                  "mean_load": 0.0, "hops": 0.5, "failures": 0.0, "lax_x_satellite": 0.75,
                  "lax_x_headroom": 0.6}
    for k in SLA_FEATURES:
        assert f[k] == pytest.approx(expected_f[k], abs=FEATURE_TOL), k
        assert s[k] == pytest.approx(expected_s[k], abs=FEATURE_TOL), k
    assert ok.tolist() == [True, True]


def test_choice_follows_weights_and_feasibility(view):
    r = Request(1, "a", "c", 1e9, latency_bound_s=0.04)
    assert SlaPolicy(k=2).decide(r, view).path == ["a", "b", "c"]  # CSPF-like default
    w = np.zeros(len(SLA_FEATURES))
    w[SLA_FEATURES.index("satellite_share")] = 1.0
    assert SlaPolicy(w, k=2).decide(r, view).path == ["a", "s", "c"]
    # bound 20 ms: the 24 ms satellite path is infeasible whatever the weights
    r2 = Request(2, "a", "c", 1e9, latency_bound_s=0.02)
    assert SlaPolicy(w, k=2).decide(r2, view).path == ["a", "b", "c"]
    # 7 Gb/s: neither candidate has it (6 Gb/s free on a-b, 5 on the satellite) -> CSPF
    assert SlaPolicy(w, k=2).decide(Request(3, "a", "c", 7e9), view).reason == "capacity"


def test_save_load_round_trip(tmp_path):
    w = np.arange(len(SLA_FEATURES)) / 7.0
    npz, js = SlaPolicy(w, k=3, k_hops=1).save(str(tmp_path / "p.npz"), note="x")
    back = SlaPolicy.load(npz)
    assert np.array_equal(back.weights, w) and back.k == 3 and back.k_hops == 1
    assert back.meta["note"] == "x"
    with pytest.raises(ValueError, match="weights"):
        SlaPolicy([1.0, 2.0])


def test_cem_finds_known_maximum():
    # f(x) = -|x - (1, -2, 0.5)|^2 + noise-free: maximum at (1, -2, 0.5)
    target = np.array([1.0, -2.0, 0.5])
    res = train_cem(lambda p, s: -float(((p - target) ** 2).sum()), 3, [0], iterations=30,
                    population=40, elite_frac=0.2, init_std=2.0, min_std=1e-3,
                    rng=np.random.default_rng(3))
    # tolerance 0.05: far below the initial spread (2.0), well above the 1e-3 std floor
    np.testing.assert_allclose(res.mean, target, atol=0.05)
    assert res.history[-1]["elite_return"] > res.history[0]["elite_return"]


def test_reroute_only_admits_as_cspf_and_reroutes_by_the_weights(view, tmp_path):
    """``reroute_only``: an arrival gets CSPF's path (the 4 ms fibre, least delay) even
    with weights that prefer the satellite; a displaced request, rerouted in
    ``on_link_change``, gets the weights' choice (the satellite). The flag survives the
    policy file."""
    from netsim.control import Allocation, NetworkView

    w = np.zeros(len(SLA_FEATURES))
    w[SLA_FEATURES.index("satellite_share")] = 1.0
    r = Request(1, "a", "c", 1e9, latency_bound_s=0.04)
    pol = SlaPolicy(w, k=2, reroute_only=True)
    assert pol.decide(r, view).path == ["a", "b", "c"]
    assert SlaPolicy(w, k=2).decide(r, view).path == ["a", "s", "c"]  # flag off
    broken = Allocation.accept(r, ["a", "b", "c"], delay_s=0.004)
    net = view.net
    moved = pol.on_link_change(net.link("a", "b"),
                               NetworkView(net, reserved_bps=view.reserved_bps,
                                           displaced={1: broken}))
    assert [a.path for a in moved] == [["a", "s", "c"]]
    assert pol.decide(Request(2, "a", "c", 1e9, latency_bound_s=0.04),
                      view).path == ["a", "b", "c"]  # back to admitting as CSPF
    npz, _ = pol.save(str(tmp_path / "p.npz"))
    assert SlaPolicy.load(npz).reroute_only is True
