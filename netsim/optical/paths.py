"""Candidate paths: k shortest loop-free paths by length (km) or by hop count.

Yen's algorithm (J. Y. Yen, "Finding the k shortest loopless paths in a network",
Management Science 17(11), pp. 712-716, 1971) as implemented by
:func:`networkx.shortest_simple_paths`, run once per node pair and stored.

Path orders:

* ``"km"``: increasing total length ``length_km`` (DeepRMSA, Optical RL-Gym, XLRON with
  ``--weight=weight``);
* ``"hops"``: increasing hop count, ties broken by length. Implemented as Yen with edge
  weight ``1 + length_km / (total_length_km + 1)``: the fractional parts of a path sum to
  less than 1, so the order is lexicographic in (hops, km). XLRON's default
  (``weight=None``) also orders by hops.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice
from typing import Any

import networkx as nx

from netsim.errors import ParameterError

__all__ = ["PATH_ORDERS", "CandidatePath", "k_shortest_paths", "all_pairs_k_shortest_paths"]

#: Accepted path orders.
PATH_ORDERS = ("km", "hops")


@dataclass(frozen=True)
class CandidatePath:
    """One candidate path.

    Attributes
    ----------
    nodes : tuple
        Node ids from source to destination.
    length_km : float
        Sum of the links' ``length_km`` [km].
    hops : int
        Number of links.
    """

    nodes: tuple[Any, ...]
    length_km: float
    hops: int


def _path_length_km(graph: nx.Graph, nodes: list[Any]) -> float:
    return float(sum(graph.edges[u, v]["length_km"] for u, v in zip(nodes[:-1], nodes[1:])))


def _check(graph: nx.Graph, k: int, order: str) -> None:
    if int(k) != k or k < 1:
        raise ParameterError("k", k, "an integer >= 1")
    if order not in PATH_ORDERS:
        raise ParameterError("order", order, f"one of {PATH_ORDERS}")
    if graph.is_directed():
        raise ParameterError("graph", "DiGraph", "an undirected networkx.Graph")


def _weight_fn(graph: nx.Graph, order: str) -> str:
    if order == "km":
        return "length_km"
    total = sum(d["length_km"] for _, _, d in graph.edges(data=True))
    for _, _, d in graph.edges(data=True):
        d["_hop_km_weight"] = 1.0 + d["length_km"] / (total + 1.0)
    return "_hop_km_weight"


def k_shortest_paths(
    graph: nx.Graph, src: Any, dst: Any, k: int, order: str = "km"
) -> list[CandidatePath]:
    """Up to ``k`` shortest loop-free paths from ``src`` to ``dst``.

    Parameters
    ----------
    graph : networkx.Graph
        Topology with ``length_km`` on every edge.
    src, dst : hashable
        Distinct node ids.
    k : int
        Number of paths, >= 1 (fewer are returned if fewer exist).
    order : {"km", "hops"}
        Sort key (see module docstring).

    Returns
    -------
    list of CandidatePath
    """
    _check(graph, k, order)
    for field, node in (("src", src), ("dst", dst)):
        if node not in graph:
            raise ParameterError(field, node, "a node of the topology")
    if src == dst:
        raise ParameterError("dst", dst, f"a node other than src={src!r}")
    work = graph.copy() if order == "hops" else graph
    weight = _weight_fn(work, order)
    paths = islice(nx.shortest_simple_paths(work, src, dst, weight=weight), k)
    return [CandidatePath(tuple(p), _path_length_km(graph, p), len(p) - 1) for p in paths]


def all_pairs_k_shortest_paths(
    graph: nx.Graph, k: int, order: str = "km"
) -> dict[tuple[Any, Any], list[CandidatePath]]:
    """k shortest paths for every ordered node pair, computed once.

    Yen is run for each unordered pair; the reverse direction uses the same paths
    reversed (the graph is undirected, so lengths are equal).

    Parameters
    ----------
    graph : networkx.Graph
    k : int
    order : {"km", "hops"}

    Returns
    -------
    dict
        ``(src, dst) -> list of CandidatePath``, for all ordered pairs ``src != dst``.
    """
    _check(graph, k, order)
    work = graph.copy() if order == "hops" else graph
    weight = _weight_fn(work, order)
    nodes = list(graph.nodes())
    out: dict[tuple[Any, Any], list[CandidatePath]] = {}
    for i, s in enumerate(nodes):
        for d in nodes[i + 1 :]:
            fwd = [
                CandidatePath(tuple(p), _path_length_km(graph, p), len(p) - 1)
                for p in islice(nx.shortest_simple_paths(work, s, d, weight=weight), k)
            ]
            out[(s, d)] = fwd
            out[(d, s)] = [CandidatePath(p.nodes[::-1], p.length_km, p.hops) for p in fwd]
    return out
