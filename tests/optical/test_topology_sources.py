"""Shipped topologies against the published files they come from, and loader validation.

Sources read for the expected numbers (each file's ``source`` field cites them):

* NSFNET: github.com/xiaoliangchenUCD/DeepRMSA ``K-SP-FF benchmark_NSFNET.py``,
  ``linkmap`` (44 directed entries, LINK_NUM = 44, NODE_NUM = 14), e.g.
  ``linkmap[1][2] = (0, 1050)``, ``linkmap[7][10] = (21, 1350)``,
  ``linkmap[13][14] = (40, 150)``, ``linkmap[1][8] = (2, 2400)``.
* COST239: DeepRMSA ``Cost_239.m``: ``topology(1,2)=450*2``, ``topology(1,8)=1310*2``,
  ``topology(10,11)=320*2``; 26 entries.
* JPN12: github.com/Optical-Networks-Group/rsa-rl ``rsarl/networks/topology/jpn12.py``:
  17 weighted edges, ``(0, 3, 1257)``, ``(2, 3, 48)``, ``(10, 11, 912)``.
* JPN48: github.com/micdoh/XLRON ``xlron/data/topologies/jpn48_undirected.json``: 48
  nodes, 82 links, ``0-1 476``, ``42-47 758``, ``25-26 10``.
* USNET (GCN-RMSA lengths): XLRON ``usnet_gcnrnn_undirected.json``: 24 nodes, 43 links,
  ``1-2 252``, ``11-19 648``, ``23-24 180``.
"""

from __future__ import annotations

import json
import math
from importlib import resources

import networkx as nx
import pytest

from netsim.errors import ParameterError
from netsim.optical.topology import (
    EARTH_MEAN_RADIUS_KM,
    available_topologies,
    load_topology,
    load_topology_gml,
    load_topology_json,
)

CASES = [
    # name, nodes, links, [(u, v, km) from the source file]
    ("nsfnet", 14, 22, [(1, 2, 1050), (7, 10, 1350), (13, 14, 150), (1, 8, 2400), (4, 11, 1950)]),
    ("cost239", 11, 26, [(1, 2, 900), (1, 8, 2620), (10, 11, 640)]),
    ("jpn12", 12, 17, [(0, 3, 1257), (2, 3, 48), (10, 11, 912)]),
    ("jpn48", 48, 82, [(0, 1, 476), (42, 47, 758), (25, 26, 10)]),
    ("usnet", 24, 43, [(1, 2, 252), (11, 19, 648), (23, 24, 180)]),
]


@pytest.mark.parametrize(("name", "n_nodes", "n_links", "lengths"), CASES)
def test_shipped_counts_and_lengths(name, n_nodes, n_links, lengths):
    g = load_topology(name)
    assert g.number_of_nodes() == n_nodes
    assert g.number_of_edges() == n_links
    assert nx.is_connected(g)
    for u, v, km in lengths:
        assert g.edges[u, v]["length_km"] == km
    assert g.graph["source"], "the file must carry its sources"


def test_nsfnet_directed_fibre_count_matches_deeprmsa_link_num():
    # DeepRMSA: LINK_NUM = 44 directed fibres on 22 undirected links.
    assert 2 * load_topology("NSFNET").number_of_edges() == 44


def test_cost239_base_lengths_are_half():
    # Cost_239.m multiplies every base length by 2; the file keeps both.
    ref = resources.files("netsim.optical") / "data/topologies/cost239_deeprmsa.json"
    data = json.loads(ref.read_text())
    assert all(e["length_km"] == 2 * e["length_km_base"] for e in data["edges"])


def test_available_names():
    names = available_topologies()
    for n in ("nsfnet", "cost239", "jpn12", "jpn48", "usnet", "usnet_ptrnet"):
        assert n in names


def _write(tmp_path, obj, name="t.json"):
    p = tmp_path / name
    p.write_text(json.dumps(obj))
    return p


GOOD = {
    "name": "tri",
    "directed": False,
    "nodes": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
    "edges": [
        {"u": "a", "v": "b", "length_km": 10},
        {"u": "b", "v": "c", "length_km": 20},
    ],
}


def test_json_good(tmp_path):
    g = load_topology(_write(tmp_path, GOOD))
    assert g.edges["b", "c"]["length_km"] == 20.0


@pytest.mark.parametrize(
    ("edit", "field"),
    [
        (lambda d: d["edges"].append({"u": "a", "v": "z", "length_km": 5}), "edges[2].v"),
        (lambda d: d["edges"].append({"u": "c", "v": "a", "length_km": -5}), "edges[2].length_km"),
        (lambda d: d["edges"].append({"u": "c", "v": "a", "length_km": 0}), "edges[2].length_km"),
        (lambda d: d["edges"].append({"u": "b", "v": "a", "length_km": 3}), "edges[2]"),
        (lambda d: d["edges"].append({"u": "a", "v": "a", "length_km": 3}), "edges[2].v"),
        (lambda d: d["edges"].append({"u": "a", "v": "c"}), "edges[2].length_km"),
        (lambda d: d["nodes"].append({"id": "d"}), "edges"),
        (lambda d: d.update(directed=True), "directed"),
        (lambda d: d["nodes"].append({"id": "a"}), "nodes[3].id"),
    ],
)
def test_json_invalid_names_file_and_field(tmp_path, edit, field):
    data = json.loads(json.dumps(GOOD))
    edit(data)
    with pytest.raises(ParameterError) as exc:
        load_topology_json(_write(tmp_path, data, "bad.json"))
    assert exc.value.field == field
    assert exc.value.source == "bad.json"


def test_unknown_name():
    with pytest.raises(ParameterError):
        load_topology("arpanet-not-shipped")


GML = """graph [
  name "line"
  node [ id 0 label "x" Latitude 0.0 Longitude 0.0 ]
  node [ id 1 label "y" Latitude 0.0 Longitude 90.0 ]
  node [ id 2 label "z" Latitude 90.0 Longitude 0.0 ]
  edge [ source 0 target 1 length_km 12.5 ]
  edge [ source 1 target 2 length_km 7 ]
]
"""


def test_gml_lengths_from_attribute(tmp_path):
    p = tmp_path / "line.gml"
    p.write_text(GML)
    g = load_topology(p)
    assert g.edges["x", "y"]["length_km"] == 12.5
    assert g.number_of_edges() == 2


def test_gml_lengths_from_coordinates(tmp_path):
    # A quarter of a great circle: pi/2 * R = 1.5707963 * 6371.0088 km = 10007.557 km.
    p = tmp_path / "line.gml"
    p.write_text(GML)
    g = load_topology_gml(p, lengths_from_coordinates=True)
    quarter = math.pi / 2 * EARTH_MEAN_RADIUS_KM
    assert g.edges["x", "y"]["length_km"] == pytest.approx(quarter, rel=1e-12)
    assert g.edges["y", "z"]["length_km"] == pytest.approx(quarter, rel=1e-12)
    assert quarter == pytest.approx(10007.557, abs=1e-3)


def test_gml_missing_length(tmp_path):
    p = tmp_path / "bad.gml"
    p.write_text(GML.replace("length_km 7", "weight 7"))
    with pytest.raises(ParameterError) as exc:
        load_topology_gml(p)
    assert "length_km" in exc.value.field and exc.value.source == "bad.gml"


def test_gml_duplicate_edge(tmp_path):
    p = tmp_path / "dup.gml"
    p.write_text(GML.replace("]\n]", "]\n  edge [ source 1 target 0 length_km 3 ]\n]"))
    with pytest.raises(ParameterError) as exc:
        load_topology_gml(p)
    assert exc.value.source == "dup.gml"


def test_gml_disconnected(tmp_path):
    p = tmp_path / "disc.gml"
    p.write_text(GML.replace("  edge [ source 1 target 2 length_km 7 ]\n", ""))
    with pytest.raises(ParameterError) as exc:
        load_topology_gml(p)
    assert exc.value.field == "edges"
