"""k shortest paths against exhaustive enumeration (Yen 1971's definition).

The oracle lists every simple path with :func:`networkx.all_simple_paths` and sorts it
by total length (or by hops, then length): the k shortest loop-free paths by definition.
Only the sorted lengths are compared, since equal-length paths may come in either order.
"""

from __future__ import annotations

import networkx as nx
import pytest

from netsim.errors import ParameterError
from netsim.optical.paths import all_pairs_k_shortest_paths, k_shortest_paths
from netsim.optical.topology import load_topology

PAIRS = [(1, 14), (2, 11), (7, 3), (13, 12)]


def _all(g, s, d):
    out = []
    for p in nx.all_simple_paths(g, s, d):
        km = sum(g.edges[u, v]["length_km"] for u, v in zip(p[:-1], p[1:]))
        out.append((len(p) - 1, km))
    return out


@pytest.mark.parametrize(("s", "d"), PAIRS)
def test_km_order_matches_enumeration(s, d):
    g = load_topology("nsfnet")
    expected = sorted(km for _, km in _all(g, s, d))[:5]
    got = [p.length_km for p in k_shortest_paths(g, s, d, 5, order="km")]
    assert got == expected


@pytest.mark.parametrize(("s", "d"), PAIRS)
def test_hop_order_matches_enumeration(s, d):
    g = load_topology("nsfnet")
    expected = sorted(_all(g, s, d))[:5]
    got = [(p.hops, p.length_km) for p in k_shortest_paths(g, s, d, 5, order="hops")]
    assert got == expected


def test_all_pairs_reverse_and_count():
    g = load_topology("nsfnet")
    paths = all_pairs_k_shortest_paths(g, 5)
    assert len(paths) == 14 * 13  # ordered pairs
    for (s, d), fwd in paths.items():
        assert len(fwd) == 5
        assert [p.nodes[::-1] for p in paths[(d, s)]] == [p.nodes for p in fwd]
        assert all(p.nodes[0] == s and p.nodes[-1] == d for p in fwd)
    # 1->14: 3600 km (1-8-9-13-14) then 3750 km (1-8-9-12-14); see DeepRMSA NSF lengths
    assert [p.length_km for p in paths[(1, 14)][:2]] == [3600.0, 3750.0]


def test_errors():
    g = load_topology("nsfnet")
    with pytest.raises(ParameterError):
        k_shortest_paths(g, 1, 99, 3)
    with pytest.raises(ParameterError):
        k_shortest_paths(g, 1, 1, 3)
    with pytest.raises(ParameterError):
        k_shortest_paths(g, 1, 2, 0)
    with pytest.raises(ParameterError):
        k_shortest_paths(g, 1, 2, 3, order="weight")
