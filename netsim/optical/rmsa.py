"""Routing, modulation and spectrum assignment (RMSA) on a flex-grid optical network.

:class:`RMSA` holds a topology, its precomputed candidate paths and the spectrum
occupancy of every fibre, and decides requests one at a time:
``allocate(src, dst, rate_gbps) -> Allocation | None`` and ``release(allocation)``.

Every modelling choice that moves published blocking figures is a named option of
:class:`RmsaOptions`: directed fibres or one shared spectrum per link, path order (km or
hops), number of candidate paths, slot width, number of slots, guard slots, the reach
table, the policy, wavelength conversion and regeneration.

Policies (``RmsaOptions.policy``):

================ ===============================================================
``sp_ff``        shortest path (first candidate), first fit
``ksp_ff``       k shortest paths in order, first path with a first-fit block
``ksp_bf``       k shortest paths in order, first path with a fitting block, best fit
``ksp_lf``       k shortest paths in order, first path with a fitting block, last fit
``ff_ksp``       first fit over all k paths: lowest start slot wins (ties: earlier path)
``bf_ksp``       best fit over all k paths: smallest fitting free block wins
``lf_ksp``       last fit over all k paths: highest end slot wins
``least_loaded`` among paths with a first-fit block, the one with most free slots
                 in common along the path (Optical RL-Gym
                 ``least_loaded_path_first_fit``)
================ ===============================================================

Sources: SP-FF / KSP-FF as benchmarked in DeepRMSA (X. Chen et al., J. Lightw. Technol.
37(16), 2019, Sec. V; ``K-SP-FF benchmark_NSFNET.py``); path-first vs spectrum-first
orders as in XLRON's heuristics (``ksp_ff`` vs ``ff_ksp``, github.com/micdoh/XLRON);
modulation by reach and slot count: :mod:`netsim.optical.modulation_reach`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

import networkx as nx
import numpy as np

from netsim.errors import ParameterError
from netsim.optical.modulation_reach import ReachTable, deeprmsa_reach_table, slots_for_rate
from netsim.optical.paths import PATH_ORDERS, CandidatePath, all_pairs_k_shortest_paths
from netsim.optical.spectrum import (
    FIT_BEST,
    FIT_FIRST,
    FIT_LAST,
    FIT_POLICIES,
    ORDER_LEAST_LOADED,
    ORDER_PATH_FIRST,
    ORDER_SPECTRUM_FIRST,
    SpectrumGrid,
    candidate_features,
    find_block,
    fit_on_path,
    path_free_slots,
    select_candidate,
)

__all__ = ["POLICIES", "RmsaOptions", "Segment", "Allocation", "RMSA"]

#: policy name -> (fit code, search order code, uses only the first path)
POLICIES: dict[str, tuple[int, int, bool]] = {
    "sp_ff": (FIT_FIRST, ORDER_PATH_FIRST, True),
    "ksp_ff": (FIT_FIRST, ORDER_PATH_FIRST, False),
    "ksp_bf": (FIT_BEST, ORDER_PATH_FIRST, False),
    "ksp_lf": (FIT_LAST, ORDER_PATH_FIRST, False),
    "ff_ksp": (FIT_FIRST, ORDER_SPECTRUM_FIRST, False),
    "bf_ksp": (FIT_BEST, ORDER_SPECTRUM_FIRST, False),
    "lf_ksp": (FIT_LAST, ORDER_SPECTRUM_FIRST, False),
    "least_loaded": (FIT_FIRST, ORDER_LEAST_LOADED, False),
}


@dataclass(frozen=True)
class RmsaOptions:
    """Options of an :class:`RMSA` instance (defaults: the DeepRMSA NSFNET set-up).

    Parameters
    ----------
    n_slots : int
        Spectrum slots per fibre (DeepRMSA: 100).
    slot_width_ghz : float
        Slot width [GHz] (12.5: ITU-T G.694.1 flex grid; 50: fixed grid).
    guard_slots : int
        Guard-band slots added to every request (DeepRMSA: 1).
    k_paths : int
        Candidate paths per node pair (DeepRMSA: 5). ``sp_ff`` uses only the first.
    path_order : {"km", "hops"}
        Candidate path order (DeepRMSA: km).
    policy : str
        One of :data:`POLICIES`.
    directed_fibres : bool
        True: each direction of a link is its own fibre with its own spectrum (DeepRMSA,
        XLRON ``*_directed``: 44 fibres on NSFNET). False: one spectrum per link shared
        by both directions (Optical RL-Gym).
    reach_table : ReachTable or None
        Modulation reach table; None: the DeepRMSA table.
    wavelength_conversion : bool
        Full spectrum conversion at every node: each fibre of the path gets its own
        block (contiguity kept, continuity dropped). Path-first policies only.
    regeneration : bool
        OEO regeneration: a path is cut at nodes into transparent segments no longer than
        ``regenerator_reach_km`` (greedy, longest first segment); each segment gets its
        own modulation (from its length) and its own block. Path-first policies only.
    regenerator_reach_km : float or None
        Longest transparent segment with ``regeneration`` [km]; None: the longest
        finite reach of the table (2500 km for DeepRMSA's QPSK).
    """

    n_slots: int = 100
    slot_width_ghz: float = 12.5
    guard_slots: int = 1
    k_paths: int = 5
    path_order: str = "km"
    policy: str = "ksp_ff"
    directed_fibres: bool = True
    reach_table: ReachTable | None = field(default=None, compare=False)
    wavelength_conversion: bool = False
    regeneration: bool = False
    regenerator_reach_km: float | None = None

    def __post_init__(self) -> None:
        SpectrumGrid(self.n_slots, self.slot_width_ghz)  # validates both
        if int(self.guard_slots) != self.guard_slots or self.guard_slots < 0:
            raise ParameterError("guard_slots", self.guard_slots, "an integer >= 0")
        if int(self.k_paths) != self.k_paths or self.k_paths < 1:
            raise ParameterError("k_paths", self.k_paths, "an integer >= 1")
        if self.path_order not in PATH_ORDERS:
            raise ParameterError("path_order", self.path_order, f"one of {PATH_ORDERS}")
        if self.policy not in POLICIES:
            raise ParameterError("policy", self.policy, f"one of {sorted(POLICIES)}")
        if (self.wavelength_conversion or self.regeneration) and (
            POLICIES[self.policy][1] != ORDER_PATH_FIRST
        ):
            raise ParameterError(
                "policy",
                self.policy,
                "a path-first policy (sp_ff, ksp_ff, ksp_bf, ksp_lf) with "
                "wavelength_conversion or regeneration",
            )
        if self.regenerator_reach_km is not None and not self.regenerator_reach_km > 0:
            raise ParameterError("regenerator_reach_km", self.regenerator_reach_km, "> 0")

    @property
    def grid(self) -> SpectrumGrid:
        """The spectrum grid of these options."""
        return SpectrumGrid(self.n_slots, self.slot_width_ghz)


class Segment(NamedTuple):
    """A transparent piece of an allocation: fibres sharing one slot block.

    Attributes
    ----------
    fibres : numpy.ndarray
        int, fibre indices (see :attr:`RMSA.fibres`).
    first_slot : int
        First slot of the block (guard slots included in the block).
    n_slots : int
        Block size in slots, guard slots included.
    modulation : str
        Modulation format name.
    length_km : float
        Transparent length the modulation was chosen for [km].
    """

    fibres: np.ndarray
    first_slot: int
    n_slots: int
    modulation: str
    length_km: float


class Allocation:
    """A lightpath set up by :meth:`RMSA.allocate`.

    Attributes
    ----------
    src, dst : hashable
        End nodes.
    rate_gbps : float
        Requested rate [Gb/s].
    path_index : int
        Index of the chosen candidate path.
    path : CandidatePath
        The chosen path.
    segments : tuple of Segment
        One segment without conversion/regeneration.
    active : bool
        False once released.
    """

    __slots__ = ("src", "dst", "rate_gbps", "path_index", "path", "segments", "active", "_token")

    def __init__(
        self,
        src: Any,
        dst: Any,
        rate_gbps: float,
        path_index: int,
        path: CandidatePath,
        segments: tuple[Segment, ...],
        token: object = None,
    ) -> None:
        self.src = src
        self.dst = dst
        self.rate_gbps = rate_gbps
        self.path_index = path_index
        self.path = path
        self.segments = segments
        self.active = True
        self._token = token

    @property
    def first_slot(self) -> int:
        """First slot of the (first) segment."""
        return self.segments[0].first_slot

    @property
    def n_slots(self) -> int:
        """Slots of the (first) segment, guard slots included."""
        return self.segments[0].n_slots

    @property
    def modulation(self) -> str:
        """Modulation of the (first) segment."""
        return self.segments[0].modulation

    def __repr__(self) -> str:
        segs = ", ".join(f"{s.modulation}@{s.first_slot}+{s.n_slots}" for s in self.segments)
        return (
            f"Allocation({self.src!r}->{self.dst!r}, {self.rate_gbps} Gb/s, "
            f"path {self.path_index} {self.path.length_km:g} km, [{segs}])"
        )


class _Candidates(NamedTuple):
    paths: list[CandidatePath]
    fibres: np.ndarray  # int32 (k, max_hops), -1 padded
    hops: np.ndarray  # int32 (k,)
    bits: np.ndarray  # float64 (k,)
    modulations: list[str]
    # per path: list of (fibres int32 array, bits, modulation, length_km); only with
    # conversion or regeneration
    segments: list[list[tuple[np.ndarray, float, str, float]]] | None


class RMSA:
    """Flex-grid optical network state and RMSA decisions.

    Parameters
    ----------
    graph : networkx.Graph
        Undirected topology with ``length_km`` on every edge (see
        :func:`netsim.optical.topology.load_topology`).
    options : RmsaOptions, optional

    Attributes
    ----------
    fibres : list of tuple
        Fibre index -> ``(u, v)``. With ``directed_fibres`` both ``(u, v)`` and
        ``(v, u)`` exist; otherwise one per link, as listed in ``graph.edges``.
    fibre_index : dict
        ``(u, v) -> fibre index`` (both orientations map to the same fibre when the
        spectrum is shared).
    paths_per_pair : int
        Candidate paths computed per node pair (1 for ``sp_ff``, else ``k_paths``).

    Examples
    --------
    >>> from netsim.optical.topology import load_topology
    >>> rmsa = RMSA(load_topology("nsfnet"), RmsaOptions(n_slots=100, k_paths=5))
    >>> a = rmsa.allocate(1, 2, 100.0)    # WA -> CA1, 1050 km: 8QAM, ceil(100/37.5)+1 = 4
    >>> a.modulation, a.first_slot, a.n_slots
    ('8QAM', 0, 4)
    >>> rmsa.release(a)
    """

    def __init__(self, graph: nx.Graph, options: RmsaOptions | None = None) -> None:
        if not isinstance(graph, nx.Graph) or graph.is_directed() or graph.is_multigraph():
            raise ParameterError("graph", type(graph).__name__, "an undirected networkx.Graph")
        for u, v, d in graph.edges(data=True):
            if "length_km" not in d or not d["length_km"] > 0:
                raise ParameterError(
                    f"graph.edges[{u!r}, {v!r}].length_km", d.get("length_km"), "> 0"
                )
        if graph.number_of_nodes() < 2 or not nx.is_connected(graph):
            raise ParameterError("graph", "disconnected", "a connected graph with >= 2 nodes")
        self.graph = graph
        self.options = options or RmsaOptions()
        self.reach_table = self.options.reach_table or deeprmsa_reach_table()
        fit, order, single = POLICIES[self.options.policy]
        self._fit, self._order = fit, order
        self._segmented = self.options.wavelength_conversion or self.options.regeneration

        self.fibres: list[tuple[Any, Any]] = []
        self.fibre_index: dict[tuple[Any, Any], int] = {}
        for u, v in graph.edges():
            if self.options.directed_fibres:
                for a, b in ((u, v), (v, u)):
                    self.fibre_index[(a, b)] = len(self.fibres)
                    self.fibres.append((a, b))
            else:
                self.fibre_index[(u, v)] = self.fibre_index[(v, u)] = len(self.fibres)
                self.fibres.append((u, v))
        self._occ = self.options.grid.empty_occupancy(len(self.fibres))
        self._token = object()

        self.paths_per_pair = 1 if single else self.options.k_paths
        all_paths = all_pairs_k_shortest_paths(
            graph, self.paths_per_pair, self.options.path_order
        )
        self._base_cand: dict[tuple[Any, Any], _Candidates] = {
            pair: self._build_candidates(paths) for pair, paths in all_paths.items()
        }
        self._cand = self._base_cand  # copied on the first set_candidate_paths

    # ------------------------------------------------------------------ building
    def _path_fibres(self, nodes: tuple[Any, ...]) -> np.ndarray:
        return np.array(
            [self.fibre_index[(a, b)] for a, b in zip(nodes[:-1], nodes[1:])], dtype=np.int32
        )

    def _modulation(self, length_km: float) -> tuple[float, str]:
        i = self.reach_table.select(length_km)
        if i < 0:
            return 0.0, ""
        return float(self.reach_table.bits_per_symbol[i]), self.reach_table.formats[i]

    def _transparent_pieces(self, path: CandidatePath) -> list[tuple[int, int, float]]:
        """(first hop, end hop, length_km) of each transparent segment."""
        nodes = path.nodes
        hop_len = [
            float(self.graph.edges[a, b]["length_km"]) for a, b in zip(nodes[:-1], nodes[1:])
        ]
        if not self.options.regeneration:
            return [(0, len(hop_len), path.length_km)]
        reach = self.options.regenerator_reach_km
        if reach is None:
            finite = [r for r in self.reach_table.max_reach_km if np.isfinite(r)]
            reach = max(finite) if finite else np.inf
        pieces = []
        start, acc = 0, 0.0
        for h, length in enumerate(hop_len):
            if h > start and acc + length > reach:
                pieces.append((start, h, acc))
                start, acc = h, 0.0
            acc += length
        pieces.append((start, len(hop_len), acc))
        return pieces

    def _build_candidates(self, paths: list[CandidatePath]) -> _Candidates:
        k = len(paths)
        max_hops = max(p.hops for p in paths)
        fib = np.full((k, max_hops), -1, dtype=np.int32)
        hops = np.zeros(k, dtype=np.int32)
        bits = np.zeros(k, dtype=np.float64)
        mods = []
        segs: list[list[tuple[np.ndarray, float, str, float]]] | None = (
            [] if self._segmented else None
        )
        for i, p in enumerate(paths):
            f = self._path_fibres(p.nodes)
            fib[i, : p.hops] = f
            hops[i] = p.hops
            bits[i], name = self._modulation(p.length_km)
            mods.append(name)
            if segs is not None:
                pieces = []
                for a, b, length in self._transparent_pieces(p):
                    pb, pname = self._modulation(length)
                    if self.options.wavelength_conversion:
                        pieces.extend((f[h : h + 1], pb, pname, length) for h in range(a, b))
                    else:
                        pieces.append((f[a:b], pb, pname, length))
                segs.append(pieces)
        return _Candidates(paths, fib, hops, bits, mods, segs)

    # ------------------------------------------------------------------ queries
    @property
    def occupancy(self) -> np.ndarray:
        """Read-only view of the occupancy, bool ``(n_fibres, n_slots)``."""
        view = self._occ.view()
        view.flags.writeable = False
        return view

    @property
    def n_fibres(self) -> int:
        """Number of fibres (spectrum arrays)."""
        return len(self.fibres)

    def _lookup(self, src: Any, dst: Any) -> _Candidates:
        try:
            known = (src, dst) in self._cand
        except TypeError:  # unhashable node
            known = False
        if not known:
            self._check_pair(src, dst)
        self.update_candidates(src, dst)
        return self._cand[(src, dst)]

    def _check_pair(self, src: Any, dst: Any) -> None:
        """Raise ParameterError unless ``(src, dst)`` are two distinct nodes."""
        try:
            if (src, dst) in self._base_cand:
                return
        except TypeError:
            pass
        for name, node in (("src", src), ("dst", dst)):
            if node not in self.graph:
                raise ParameterError(name, node, "a node of the topology")
        raise ParameterError("dst", dst, f"a node other than src={src!r}")

    # ------------------------------------------------------------------ extension points
    def update_candidates(self, src: Any, dst: Any) -> None:
        """Hook run each time the candidates of the pair ``(src, dst)`` are about to be used.

        The base class keeps the candidates computed at construction and does nothing. A
        subclass overrides it to replace them lazily with :meth:`set_candidate_paths`
        (e.g. :class:`netsim.optical.lightpath.RestorableRMSA` reroutes around cut
        fibres). ``src`` and ``dst`` are already checked to be distinct nodes.
        """

    def set_candidate_paths(self, src: Any, dst: Any, paths: list[CandidatePath]) -> None:
        """Replace the candidate paths of the ordered pair ``(src, dst)``.

        Fibre arrays, modulation formats (and transparent segments with conversion or
        regeneration) are derived from ``paths`` as at construction. Allocations already
        made keep their spectrum. :meth:`restore_candidate_paths` undoes every
        replacement.

        Parameters
        ----------
        src, dst : hashable
            Distinct nodes of the topology.
        paths : list of CandidatePath
            At least one path from ``src`` to ``dst`` over edges of :attr:`graph`, in
            the order the policies should try them.
        """
        self._check_pair(src, dst)
        if not paths:
            raise ParameterError("paths", paths, f"at least one path {src!r} -> {dst!r}")
        for p in paths:
            if p.nodes[0] != src or p.nodes[-1] != dst or any(
                not self.graph.has_edge(a, b) for a, b in zip(p.nodes[:-1], p.nodes[1:])
            ):
                raise ParameterError(
                    "paths", p.nodes, f"a path {src!r} -> {dst!r} over edges of the graph"
                )
        if self._cand is self._base_cand:
            self._cand = dict(self._base_cand)
        self._cand[(src, dst)] = self._build_candidates(list(paths))

    def restore_candidate_paths(self) -> None:
        """Return every node pair to the candidate paths computed at construction."""
        self._cand = self._base_cand

    def set_slots(
        self, fibres: Any, occupied: bool, first_slot: int = 0, n_slots: int | None = None
    ) -> None:
        """Mark a block of slots occupied (unusable) or free on some fibres.

        Outside any allocation: no :class:`Allocation` records it and :meth:`release`
        never undoes it. Used to model a failed fibre (every slot occupied) and its
        repair; an allocation's own spectrum is changed with :meth:`allocate` and
        :meth:`release` only.

        Parameters
        ----------
        fibres : int or sequence of int
            Fibre indices (see :attr:`fibres`).
        occupied : bool
            True: occupied; False: free.
        first_slot : int
            First slot of the block.
        n_slots : int or None
            Block size in slots; None: up to the last slot.
        """
        n = self._occ.shape[1]
        end = n if n_slots is None else first_slot + n_slots
        if not 0 <= first_slot <= end <= n:
            raise ParameterError(
                "first_slot, n_slots", (first_slot, n_slots), f"a block within 0 .. {n}"
            )
        self._occ[fibres, first_slot:end] = bool(occupied)

    def candidates(self, src: Any, dst: Any) -> list[CandidatePath]:
        """The precomputed candidate paths from ``src`` to ``dst``, in order."""
        return list(self._lookup(src, dst).paths)

    def candidate_arrays(self, src: Any, dst: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Arrays for kernels: fibres ``(k, max_hops)`` int32 (-1 padded), hops ``(k,)``
        int32, bits per symbol ``(k,)`` float64 (0 = unreachable). Do not modify."""
        c = self._lookup(src, dst)
        return c.fibres, c.hops, c.bits

    def slots_needed(self, src: Any, dst: Any, rate_gbps: float) -> np.ndarray:
        """Slots (guard included) a request needs on each candidate path; 0 = unreachable.

        Returns
        -------
        numpy.ndarray
            int64, ``(k,)``.
        """
        self._check_rate(rate_gbps)
        c = self._lookup(src, dst)
        w, g = self.options.slot_width_ghz, self.options.guard_slots
        return np.array(
            [slots_for_rate(rate_gbps, b, w, g) if b > 0 else 0 for b in c.bits], dtype=np.int64
        )

    def candidate_features(self, src: Any, dst: Any, rate_gbps: float) -> np.ndarray:
        """Spectrum features of each candidate path for a request (RL observations).

        Returns
        -------
        numpy.ndarray
            float64 ``(k, 6)``; columns
            :data:`netsim.optical.spectrum.CANDIDATE_FEATURES`.
        """
        self._check_rate(rate_gbps)
        c = self._lookup(src, dst)
        return candidate_features(
            self._occ,
            c.fibres,
            c.hops,
            c.bits,
            float(rate_gbps),
            self.options.slot_width_ghz,
            self.options.guard_slots,
        )

    def path_free_slots(self, src: Any, dst: Any, path_index: int) -> np.ndarray:
        """Free-slot mask common to all fibres of one candidate path, bool ``(n_slots,)``."""
        c = self._lookup(src, dst)
        self._check_path_index(c, path_index)
        return path_free_slots(self._occ, c.fibres[path_index], c.hops[path_index])

    @staticmethod
    def _check_rate(rate_gbps: float) -> None:
        if not rate_gbps > 0:
            raise ParameterError("rate_gbps", rate_gbps, "> 0")

    @staticmethod
    def _check_path_index(c: _Candidates, path_index: int) -> None:
        if not 0 <= path_index < len(c.paths):
            raise ParameterError("path_index", path_index, f"0 .. {len(c.paths) - 1}")

    # ------------------------------------------------------------------ decisions
    def allocate(self, src: Any, dst: Any, rate_gbps: float) -> Allocation | None:
        """Route, choose modulation and assign spectrum for one request.

        Parameters
        ----------
        src, dst : hashable
            Distinct node ids.
        rate_gbps : float
            Requested bit rate [Gb/s], > 0.

        Returns
        -------
        Allocation or None
            None when the request is blocked (no candidate path has a fitting block).
        """
        if not rate_gbps > 0:
            raise ParameterError("rate_gbps", rate_gbps, "> 0")
        c = self._lookup(src, dst)
        if self._segmented:
            return self._allocate_segmented(src, dst, rate_gbps, c)
        p, start, n = select_candidate(
            self._occ,
            c.fibres,
            c.hops,
            c.bits,
            float(rate_gbps),
            self.options.slot_width_ghz,
            self.options.guard_slots,
            self._fit,
            self._order,
        )
        if p < 0:
            return None
        f = c.fibres[p, : c.hops[p]]
        self._occ[f, start : start + n] = True
        path = c.paths[p]
        return Allocation(
            src,
            dst,
            rate_gbps,
            int(p),
            path,
            (Segment(f, int(start), int(n), c.modulations[p], path.length_km),),
            self._token,
        )

    def _allocate_segmented(
        self, src: Any, dst: Any, rate_gbps: float, c: _Candidates
    ) -> Allocation | None:
        w, g = self.options.slot_width_ghz, self.options.guard_slots
        for p, pieces in enumerate(c.segments or []):
            chosen = []
            for fibres, bits, name, length in pieces:
                if bits <= 0:
                    break
                n = slots_for_rate(rate_gbps, bits, w, g)
                start = fit_on_path(self._occ, fibres, fibres.shape[0], n, self._fit)
                if start < 0:
                    break
                chosen.append(Segment(fibres, int(start), n, name, length))
            else:
                for s in chosen:
                    self._occ[s.fibres, s.first_slot : s.first_slot + s.n_slots] = True
                return Allocation(src, dst, rate_gbps, p, c.paths[p], tuple(chosen), self._token)
        return None

    def allocate_path(
        self,
        src: Any,
        dst: Any,
        rate_gbps: float,
        path_index: int,
        first_slot: int | None = None,
        fit: str = "first_fit",
    ) -> Allocation | None:
        """Allocate on a given candidate path (the action of an RL agent).

        Transparent (no conversion / regeneration) allocation on candidate
        ``path_index``, at ``first_slot`` if given, else where ``fit`` puts it.

        Returns
        -------
        Allocation or None
            None if the block is not free, runs past the last slot, or the path is
            beyond the reach of every format.
        """
        self._check_rate(rate_gbps)
        c = self._lookup(src, dst)
        self._check_path_index(c, path_index)
        if fit not in FIT_POLICIES:
            raise ParameterError("fit", fit, f"one of {sorted(FIT_POLICIES)}")
        n = int(self.slots_needed(src, dst, rate_gbps)[path_index])
        if n == 0:
            return None
        free = path_free_slots(self._occ, c.fibres[path_index], c.hops[path_index])
        if first_slot is None:
            start = int(find_block(free, n, FIT_POLICIES[fit]))
            if start < 0:
                return None
        else:
            start = int(first_slot)
            if start < 0 or start + n > free.shape[0] or not free[start : start + n].all():
                return None
        f = c.fibres[path_index, : c.hops[path_index]]
        self._occ[f, start : start + n] = True
        path = c.paths[path_index]
        return Allocation(
            src,
            dst,
            rate_gbps,
            path_index,
            path,
            (Segment(f, start, n, c.modulations[path_index], path.length_km),),
            self._token,
        )

    def release(self, allocation: Allocation) -> None:
        """Free the spectrum of an active allocation.

        Raises
        ------
        ParameterError
            If the allocation was already released.
        """
        if not allocation.active:
            raise ParameterError("allocation", allocation, "an active (not released) allocation")
        if allocation._token is not self._token:
            raise ParameterError(
                "allocation", allocation, "an allocation made by this RMSA since its last reset"
            )
        for s in allocation.segments:
            self._occ[s.fibres, s.first_slot : s.first_slot + s.n_slots] = False
        allocation.active = False

    def reset(self) -> None:
        """Free all spectrum; allocations made before can no longer be released."""
        self._occ[:] = False
        self._token = object()
