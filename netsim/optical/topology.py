"""Optical network topologies: shipped data sets and validated JSON / GML loaders.

A topology is an undirected :class:`networkx.Graph` whose edges carry the fibre length
``length_km`` (the length the RMSA literature simulates). Graph attributes keep the
name, the source references and the notes of the data file, so a result can always be
traced back to the published topology it was computed on.

Shipped topologies (``netsim/optical/data/topologies/*.json``; each file lists its
sources in its ``source`` field):

========== ============================ ======= ======= ==========================
name       file                         nodes   links   used by
========== ============================ ======= ======= ==========================
nsfnet     nsfnet_deeprmsa.json         14      22      DeepRMSA (Chen et al., JLT
                                                        2019), Optical RL-Gym, XLRON
cost239    cost239_deeprmsa.json        11      26      DeepRMSA (doubled lengths)
jpn12      jpn12.json                   12      17      rsa-rl
jpn48      jpn48.json                   48      82      MaskRSA / XLRON
usnet      usnet_gcnrnn.json            24      43      GCN-RMSA (Xu et al., JLT 2022)
usnet_ptrnet usnet_ptrnet.json          24      43      PtrNet-RSA
========== ============================ ======= ======= ==========================

The JSON format (the shipped one)::

    {"name": "...", "directed": false, "source": [...], "notes": [...],
     "nodes": [{"id": 1, "label": "WA"}, ...],
     "edges": [{"u": 1, "v": 2, "length_km": 1050}, ...]}

GML files (e.g. from the Internet Topology Zoo) are read with :func:`networkx.read_gml`;
edge lengths come from an edge attribute (``length_km`` by default) or, on request, from
the great-circle distance between the nodes' ``Latitude`` / ``Longitude``.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from netsim.errors import ParameterError

__all__ = [
    "SHIPPED_TOPOLOGIES",
    "available_topologies",
    "load_topology",
    "load_topology_json",
    "load_topology_gml",
    "topology_from_edges",
    "EARTH_MEAN_RADIUS_KM",
]

#: Short names of the shipped topologies -> file stem under ``data/topologies/``.
SHIPPED_TOPOLOGIES: Mapping[str, str] = {
    "nsfnet": "nsfnet_deeprmsa",
    "nsfnet_deeprmsa": "nsfnet_deeprmsa",
    "cost239": "cost239_deeprmsa",
    "cost239_deeprmsa": "cost239_deeprmsa",
    "jpn12": "jpn12",
    "jpn48": "jpn48",
    "usnet": "usnet_gcnrnn",
    "usnet_gcnrnn": "usnet_gcnrnn",
    "usnet_ptrnet": "usnet_ptrnet",
}

#: Mean Earth radius R1 = 6371.0088 km (IUGG; H. Moritz, "Geodetic Reference System
#: 1980", Bulletin Geodesique 54(3), 1980), used for great-circle lengths from GML
#: coordinates.
EARTH_MEAN_RADIUS_KM = 6371.0088


def available_topologies() -> list[str]:
    """Names accepted by :func:`load_topology` (sorted)."""
    return sorted(SHIPPED_TOPOLOGIES)


def load_topology(name_or_path: str | os.PathLike[str], **gml_options: Any) -> nx.Graph:
    """Load a shipped topology by name, or a JSON / GML file by path.

    Parameters
    ----------
    name_or_path : str or path-like
        A shipped name (see :data:`SHIPPED_TOPOLOGIES`, case-insensitive, e.g.
        ``"nsfnet"``) or the path of a ``.json`` or ``.gml`` file.
    **gml_options
        Passed to :func:`load_topology_gml` for ``.gml`` files.

    Returns
    -------
    networkx.Graph
        Undirected graph; every edge has ``length_km`` (float, > 0).

    Raises
    ------
    ParameterError
        Unknown name, unsupported file type, or a file that fails validation.

    Examples
    --------
    >>> g = load_topology("nsfnet")
    >>> g.number_of_nodes(), g.number_of_edges()
    (14, 22)
    >>> g.edges[1, 2]["length_km"]
    1050.0
    """
    key = str(name_or_path)
    if key.lower() in SHIPPED_TOPOLOGIES:
        stem = SHIPPED_TOPOLOGIES[key.lower()]
        ref = resources.files("netsim.optical").joinpath("data", "topologies", f"{stem}.json")
        with resources.as_file(ref) as path:
            return load_topology_json(path)
    path = Path(name_or_path)
    suffix = path.suffix.lower()
    if suffix == ".json":
        return load_topology_json(path)
    if suffix == ".gml":
        return load_topology_gml(path, **gml_options)
    raise ParameterError(
        "name_or_path",
        key,
        f"one of {available_topologies()} or a path ending in .json or .gml",
    )


def _positive_length(value: Any, field: str, where: str) -> float:
    try:
        length = float(value)
    except (TypeError, ValueError):
        raise ParameterError(field, value, "a number of km > 0", source=where) from None
    if not math.isfinite(length) or length <= 0.0:
        raise ParameterError(field, value, "a finite length in km > 0", source=where)
    return length


def topology_from_edges(
    nodes: list[Any],
    edges: list[tuple[Any, Any, float]],
    *,
    name: str = "topology",
    where: str = "<edges>",
    node_attrs: Mapping[Any, Mapping[str, Any]] | None = None,
) -> nx.Graph:
    """Build and validate a topology from node ids and ``(u, v, length_km)`` triples.

    Checks: every edge end is a listed node, no self-loop, no duplicate edge (``u-v``
    and ``v-u`` are the same undirected link), every length finite and > 0, and the
    graph connected.

    Parameters
    ----------
    nodes : list
        Node ids (hashable), unique.
    edges : list of (u, v, length_km)
        Undirected links with their length [km].
    name : str
        Graph name (``graph.graph["name"]``).
    where : str
        Origin named in error messages (a file name).
    node_attrs : mapping, optional
        Extra attributes per node id.

    Returns
    -------
    networkx.Graph
    """
    graph = nx.Graph(name=name)
    for i, node in enumerate(nodes):
        if node in graph:
            raise ParameterError(f"nodes[{i}].id", node, "unique node ids", source=where)
        graph.add_node(node, **dict((node_attrs or {}).get(node, {})))
    for i, (u, v, length) in enumerate(edges):
        for end, value in (("u", u), ("v", v)):
            if value not in graph:
                raise ParameterError(
                    f"edges[{i}].{end}", value, "the id of a node listed in 'nodes'", source=where
                )
        if u == v:
            raise ParameterError(f"edges[{i}].v", v, f"a node other than u={u!r}", source=where)
        if graph.has_edge(u, v):
            raise ParameterError(
                f"edges[{i}]",
                (u, v),
                "at most one link per node pair (u-v and v-u are the same link)",
                source=where,
            )
        graph.add_edge(u, v, length_km=_positive_length(length, f"edges[{i}].length_km", where))
    if graph.number_of_nodes() < 2:
        raise ParameterError("nodes", len(nodes), "at least 2 nodes", source=where)
    if not nx.is_connected(graph):
        parts = sorted((sorted(c, key=str) for c in nx.connected_components(graph)), key=len)
        raise ParameterError(
            "edges",
            f"{len(parts)} components, smallest {parts[0]}",
            "a connected graph",
            source=where,
        )
    return graph


def load_topology_json(path: str | os.PathLike[str]) -> nx.Graph:
    """Load and validate a topology in netsim's JSON format (see module docstring).

    Parameters
    ----------
    path : path-like
        The ``.json`` file.

    Returns
    -------
    networkx.Graph
        With graph attributes ``name``, ``source`` and ``notes`` copied from the file.

    Raises
    ------
    ParameterError
        Malformed JSON, a missing field, an unknown node, a duplicate edge, a length
        that is not > 0, ``directed: true``, or a disconnected graph; the message names
        the file and the field.
    """
    path = Path(path)
    where = path.name
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ParameterError("json", str(exc), "valid JSON", source=where) from None
    if not isinstance(data, dict):
        raise ParameterError("json", type(data).__name__, "a JSON object", source=where)
    for field in ("nodes", "edges"):
        if not isinstance(data.get(field), list):
            raise ParameterError(field, data.get(field), "a list", source=where)
    if data.get("directed", False):
        raise ParameterError(
            "directed",
            data["directed"],
            "false (links are undirected; choose directed fibres in the RMSA options)",
            source=where,
        )
    nodes: list[Any] = []
    attrs: dict[Any, dict[str, Any]] = {}
    for i, node in enumerate(data["nodes"]):
        if not isinstance(node, dict) or "id" not in node:
            raise ParameterError(f"nodes[{i}]", node, "an object with an 'id'", source=where)
        nodes.append(node["id"])
        attrs[node["id"]] = {k: v for k, v in node.items() if k != "id"}
    edges: list[tuple[Any, Any, float]] = []
    for i, edge in enumerate(data["edges"]):
        if not isinstance(edge, dict):
            raise ParameterError(f"edges[{i}]", edge, "an object", source=where)
        for field in ("u", "v", "length_km"):
            if field not in edge:
                raise ParameterError(
                    f"edges[{i}].{field}", None, "present (u, v, length_km)", source=where
                )
        edges.append((edge["u"], edge["v"], edge["length_km"]))
    graph = topology_from_edges(
        nodes, edges, name=str(data.get("name", path.stem)), where=where, node_attrs=attrs
    )
    graph.graph["source"] = data.get("source", [])
    graph.graph["notes"] = data.get("notes", [])
    return graph


def _great_circle_km(lat1_deg: float, lon1_deg: float, lat2_deg: float, lon2_deg: float) -> float:
    """Haversine great-circle distance on a sphere of radius EARTH_MEAN_RADIUS_KM [km].

    R. W. Sinnott, "Virtues of the Haversine", Sky and Telescope 68(2), p. 159, 1984.
    """
    p1, p2 = math.radians(lat1_deg), math.radians(lat2_deg)
    dp, dl = p2 - p1, math.radians(lon2_deg - lon1_deg)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2.0 * EARTH_MEAN_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def load_topology_gml(
    path: str | os.PathLike[str],
    *,
    length_attr: str = "length_km",
    lengths_from_coordinates: bool = False,
    label: str | None = "label",
) -> nx.Graph:
    """Load and validate a GML topology.

    Parameters
    ----------
    path : path-like
        The ``.gml`` file.
    length_attr : str
        Edge attribute holding the link length [km].
    lengths_from_coordinates : bool
        If true, ignore ``length_attr`` and use the great-circle distance between the
        nodes' ``Latitude`` / ``Longitude`` [deg] (Internet Topology Zoo convention).
    label : str or None
        Node attribute used as node id (networkx's ``read_gml`` ``label``); ``None``
        keeps the GML integer ids.

    Returns
    -------
    networkx.Graph

    Raises
    ------
    ParameterError
        Unreadable GML, duplicate edges (a multigraph), a missing or non-positive length,
        missing coordinates, or a disconnected graph.
    """
    path = Path(path)
    where = path.name
    try:
        raw = nx.read_gml(path, label=label)
    except nx.NetworkXError as exc:
        raise ParameterError(
            "gml", str(exc), "a valid GML graph without duplicate edges", source=where
        ) from None
    if raw.is_multigraph():
        seen: set[frozenset[Any]] = set()
        for u, v in raw.edges():
            key = frozenset((u, v))
            if key in seen:
                raise ParameterError("edge", (u, v), "at most one link per node pair", source=where)
            seen.add(key)
    edges: list[tuple[Any, Any, float]] = []
    for u, v, data in raw.edges(data=True):
        if lengths_from_coordinates:
            coords = []
            for node in (u, v):
                nd = raw.nodes[node]
                if "Latitude" not in nd or "Longitude" not in nd:
                    raise ParameterError(
                        f"node {node!r}.Latitude/Longitude", None, "present", source=where
                    )
                coords.extend((float(nd["Latitude"]), float(nd["Longitude"])))
            length: Any = _great_circle_km(*coords)
        else:
            if length_attr not in data:
                raise ParameterError(
                    f"edge ({u!r}, {v!r}).{length_attr}",
                    None,
                    "present, or lengths_from_coordinates=True",
                    source=where,
                )
            length = data[length_attr]
        edges.append((u, v, length))
    attrs = {n: dict(d) for n, d in raw.nodes(data=True)}
    graph = topology_from_edges(
        list(raw.nodes()),
        edges,
        name=str(raw.graph.get("name", path.stem)),
        where=where,
        node_attrs=attrs,
    )
    graph.graph["source"] = [f"GML file {where}"]
    graph.graph["notes"] = []
    return graph
