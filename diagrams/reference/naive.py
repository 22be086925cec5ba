"""The straightforward diagram engine: the baseline and second oracle of the series ``Y_s``.

It follows Section 3 and Appendix "Loss expansion and diagram calculus" of the paper literally,
with no cleverness beyond deduplicating isomorphic diagrams after each merge level:

1. the atoms ``D_{2ν}`` and ``R_ν`` (eq. ``rnuidtarget``) form ``X = ½D_{2ν} − R_ν``
   (``X = ½D_{2ν}`` for the zero target);
2. ``X^{⋆(k+1)} = X^{⋆k} ⋆ X`` (left-nested, eq. ``lossstarexp``): every *raw merge* of a
   diagram ``G`` with an atom ``G'`` picks an edge of ``G`` and an edge of ``G'`` of the same
   colour, removes both and identifies their H-nodes and their p-nodes;
3. raw merges are grouped into isomorphism classes: a Weisfeiler–Lehman hash
   (:func:`networkx.weisfeiler_lehman_graph_hash`) buckets them and an exact VF2 test
   (:func:`networkx.is_isomorphic`) decides inside a bucket, so only truly isomorphic
   diagrams are ever merged;
4. ``E[G]`` by Wick's theorem (eq. ``aterm1``): every perfect pairing of same-colour edges,
   its nodes contracted with a union-find, contributes ``p^q H^n σ^{2l}``;
5. ``Y_s = (−1)^s Σ_G c_G E[G]`` (sign convention of Section 3: ``Y_s = T^s E[d^sL/dt^s(0)]``).

Nothing here is shared with the engine modules (``graph``, ``canonical``, ``expansion``,
``wick``, ``series``, ``polynomial``): the point of this module is independence. The cost is
dominated by step 4 (``Π_m (2c_m − 1)!!`` pairings for ``2c_m`` edges of colour ``m``), so
SYM ν=2 s≈4, ASYM ν=2 s≈5, ASYM ν=3 s≈3 and SYM ν=4 s=1 are about as far as it goes.

Diagrams are ``(n_h, n_p, edges)`` with ``edges`` a sorted tuple of ``(h, p, colour)``,
H-nodes ``0..n_h−1``, p-nodes ``0..n_p−1``, colours ``0..ν−1`` in ASYM and ``0`` in SYM.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from fractions import Fraction
from typing import NamedTuple

import networkx as nx
from networkx.algorithms.isomorphism import categorical_edge_match, categorical_node_match

from diagrams.errors import SpecError
from diagrams.model import ModelSpec

__all__ = [
    "RawDiagram",
    "atoms",
    "raw_merges",
    "isomorphic",
    "classify",
    "wick_expectation",
    "naive_expansion",
    "naive_series",
]

Edge = tuple[int, int, int]
Progress = Callable[[float, str], None] | None


class RawDiagram(NamedTuple):
    """A labelled bipartite coloured multigraph: ``n_h`` H-nodes, ``n_p`` p-nodes, edges."""

    n_h: int
    n_p: int
    edges: tuple[Edge, ...]


def _diagram(n_h: int, n_p: int, edges: list[Edge] | tuple[Edge, ...]) -> RawDiagram:
    return RawDiagram(n_h, n_p, tuple(sorted(edges)))


def atoms(model: ModelSpec) -> list[tuple[RawDiagram, Fraction, int, int]]:
    """``X = ½D_{2ν} − R_ν`` as ``[(diagram, coefficient, s_D, s_R)]`` (``½D_{2ν}`` if zero target).

    ``D_{2ν}``: H-nodes ``k, k'`` and p-nodes ``i_m`` with edges ``(k, i_m, m)``, ``(k', i_m, m)``.
    ``R_ν`` (identity target): one H-node and one p-node joined by ``ν`` edges, one per colour.

    >>> [(d.edges, c) for d, c, _, _ in atoms(ModelSpec(2, "sym", "identity"))]
    [(((0, 0, 0), (0, 1, 0), (1, 0, 0), (1, 1, 0)), Fraction(1, 2)), \
(((0, 0, 0), (0, 0, 0)), Fraction(-1, 1))]
    """
    nu = model.nu
    color = (lambda m: 0) if model.sym else (lambda m: m)
    d = _diagram(2, nu, [(k, m, color(m)) for k in (0, 1) for m in range(nu)])
    out = [(d, Fraction(1, 2), 1, 0)]
    if model.target == "identity":
        r = _diagram(1, 1, [(0, 0, color(m)) for m in range(nu)])
        out.append((r, Fraction(-1), 0, 1))
    return out


def raw_merges(g1: RawDiagram, g2: RawDiagram) -> Iterator[RawDiagram]:
    """Every raw merge ``G_1 ⋆ G_2``, one per ordered pair of same-colour edges (with repeats).

    >>> d6 = atoms(ModelSpec(3, "asym", "identity"))[0][0]
    >>> sum(1 for _ in raw_merges(d6, d6))
    12
    """
    for a, (ha, pa, ca) in enumerate(g1.edges):
        for b, (hb, pb, cb) in enumerate(g2.edges):
            if ca != cb:
                continue
            h_map, p_map = [0] * g2.n_h, [0] * g2.n_p
            nxt = g1.n_h
            for h in range(g2.n_h):
                if h == hb:
                    h_map[h] = ha
                else:
                    h_map[h], nxt = nxt, nxt + 1
            nxt_p = g1.n_p
            for q in range(g2.n_p):
                if q == pb:
                    p_map[q] = pa
                else:
                    p_map[q], nxt_p = nxt_p, nxt_p + 1
            edges = [e for i, e in enumerate(g1.edges) if i != a]
            edges += [(h_map[h], p_map[q], c) for i, (h, q, c) in enumerate(g2.edges) if i != b]
            yield _diagram(nxt, nxt_p, edges)


def _to_networkx(g: RawDiagram) -> nx.Graph:
    """Simple-graph encoding: node attr ``kind``; edge attr ``label`` = colour multiset."""
    graph = nx.Graph()
    graph.add_nodes_from((("h", h), {"kind": "H"}) for h in range(g.n_h))
    graph.add_nodes_from((("p", q), {"kind": "p"}) for q in range(g.n_p))
    bundles: dict[tuple[int, int], list[int]] = defaultdict(list)
    for h, q, c in g.edges:
        bundles[(h, q)].append(c)
    for (h, q), colors in bundles.items():
        graph.add_edge(("h", h), ("p", q), label=",".join(map(str, sorted(colors))))
    return graph


_NODE_MATCH = categorical_node_match("kind", None)
_EDGE_MATCH = categorical_edge_match("label", None)


def isomorphic(g1: RawDiagram, g2: RawDiagram) -> bool:
    """Exact isomorphism of diagrams (node kinds and coloured edge multiplicities kept)."""
    if (g1.n_h, g1.n_p, len(g1.edges)) != (g2.n_h, g2.n_p, len(g2.edges)):
        return False
    return nx.is_isomorphic(
        _to_networkx(g1), _to_networkx(g2), node_match=_NODE_MATCH, edge_match=_EDGE_MATCH
    )


class _Classes:
    """Isomorphism classes with accumulated coefficients: WL-hash buckets, exact VF2 inside."""

    def __init__(self) -> None:
        # (s_D, n_h, n_p, n_edges, wl_hash) -> list of [diagram, nx graph, coefficient]
        self.buckets: dict[tuple, list[list]] = {}
        self.order: list[tuple[tuple, int]] = []

    def add(self, g: RawDiagram, coeff: Fraction, s_d: int) -> None:
        graph = _to_networkx(g)
        wl = nx.weisfeiler_lehman_graph_hash(
            graph, node_attr="kind", edge_attr="label", iterations=3
        )
        key = (s_d, g.n_h, g.n_p, len(g.edges), wl)
        bucket = self.buckets.setdefault(key, [])
        for entry in bucket:
            if entry[0].edges == g.edges or nx.is_isomorphic(
                entry[1], graph, node_match=_NODE_MATCH, edge_match=_EDGE_MATCH
            ):
                entry[2] += coeff
                return
        bucket.append([g, graph, coeff])
        self.order.append((key, len(bucket) - 1))

    def items(self) -> Iterator[tuple[RawDiagram, Fraction, int]]:
        """Classes with nonzero coefficient, in first-seen order: ``(diagram, coeff, s_D)``."""
        for key, pos in self.order:
            g, _, coeff = self.buckets[key][pos]
            if coeff:
                yield g, coeff, key[0]


def classify(diagrams: list[RawDiagram]) -> list[tuple[RawDiagram, int]]:
    """Group diagrams into exact isomorphism classes: ``[(representative, multiplicity)]``."""
    classes = _Classes()
    for g in diagrams:
        classes.add(g, Fraction(1), 0)
    return [(g, int(c)) for g, c, _ in classes.items()]


def wick_expectation(g: RawDiagram) -> dict[tuple[int, int, int], int]:
    """``E[G]`` by Wick's theorem: ``{(q, n, l): number of pairings}`` for ``p^q H^n σ^{2l}``.

    Every perfect pairing of same-colour edges is enumerated; paired edges identify their
    H-nodes and their p-nodes (union-find), leaving ``q`` p-nodes and ``n`` H-nodes.

    >>> d4 = atoms(ModelSpec(2, "sym", "zero"))[0][0]
    >>> sorted(wick_expectation(d4).items())
    [((1, 1, 2), 1), ((1, 2, 2), 1), ((2, 1, 2), 1)]
    """
    edges = sorted(g.edges, key=lambda e: e[2])
    counts = Counter(c for _, _, c in edges)
    if any(v % 2 for v in counts.values()):
        return {}
    n_h = g.n_h
    parent = list(range(n_h + g.n_p))
    size = [1] * (n_h + g.n_p)
    comps = [n_h, g.n_p]  # components among H-nodes, among p-nodes
    result: Counter = Counter()
    used = [False] * len(edges)
    l_half = len(edges) // 2

    def find(x: int) -> int:
        while parent[x] != x:
            x = parent[x]
        return x

    def union(x: int, y: int, kind: int, undo: list) -> None:
        rx, ry = find(x), find(y)
        if rx == ry:
            return
        if size[rx] < size[ry]:
            rx, ry = ry, rx
        parent[ry] = rx
        size[rx] += size[ry]
        comps[kind] -= 1
        undo.append((rx, ry, kind))

    def rollback(undo: list) -> None:
        for rx, ry, kind in reversed(undo):
            parent[ry] = ry
            size[rx] -= size[ry]
            comps[kind] += 1

    def recurse(start: int) -> None:
        while start < len(edges) and used[start]:
            start += 1
        if start == len(edges):
            result[(comps[1], comps[0], l_half)] += 1
            return
        used[start] = True
        h0, p0, c0 = edges[start]
        for j in range(start + 1, len(edges)):
            hj, pj, cj = edges[j]
            if cj != c0:
                break
            if used[j]:
                continue
            used[j] = True
            undo: list = []
            union(h0, hj, 0, undo)
            union(n_h + p0, n_h + pj, 1, undo)
            recurse(start + 1)
            rollback(undo)
            used[j] = False
        used[start] = False

    recurse(0)
    return dict(result)


def _check(model: ModelSpec, s: int, field: str) -> None:
    if not isinstance(model, ModelSpec):
        raise SpecError("model", "must be a diagrams.model.ModelSpec")
    if isinstance(s, bool) or not isinstance(s, int) or s < 0:
        raise SpecError(field, f"must be an integer >= 0, got {s!r}")


def _levels(model: ModelSpec, s_max: int, progress: Progress) -> Iterator[list]:
    """Yield ``[(diagram, coefficient, s_D, s_R)]`` for ``X^{⋆(s+1)}``, ``s = 0..s_max``."""
    xs = atoms(model)
    current = [(g, c, s_d) for g, c, s_d, _ in xs]
    for s in range(s_max + 1):
        if s > 0:
            classes = _Classes()
            for idx, (g, c, s_d) in enumerate(current):
                for atom, ca, sda, _ in xs:
                    for merged in raw_merges(g, atom):
                        classes.add(merged, c * ca, s_d + sda)
                if progress is not None and idx % 64 == 0:
                    progress(s / (s_max + 1), f"merging level {s}: {idx}/{len(current)}")
            current = list(classes.items())
        yield [(g, c, s_d, s + 1 - s_d) for g, c, s_d in current]


def naive_expansion(model: ModelSpec, s: int) -> list[tuple[tuple[Edge, ...], Fraction, int, int]]:
    """``(½D_{2ν} − R_ν)^{⋆(s+1)}`` as ``[(edges, coefficient, s_D, s_R)]`` over iso. classes.

    The coefficient carries the ``½^{s_D}``, ``(−1)^{s_R}`` and the merge multiplicity, but
    not the ``(−1)^s`` of ``Y_s``. Nodes are labelled ``0..n_h−1`` / ``0..n_p−1`` (no diagram
    has isolated nodes). Order: by ``(s_D, n_h, n_p, edges)``.

    >>> [(e, str(c)) for e, c, _, _ in naive_expansion(ModelSpec(2, "asym", "zero"), 0)]
    [(((0, 0, 0), (0, 1, 1), (1, 0, 0), (1, 1, 1)), '1/2')]
    """
    _check(model, s, "s")
    *_, level = _levels(model, s, None)
    rows = sorted(level, key=lambda t: (t[2], t[0].n_h, t[0].n_p, t[0].edges))
    return [(g.edges, c, s_d, s_r) for g, c, s_d, s_r in rows]


def naive_series(
    model: ModelSpec, s_max: int, progress: Progress = None
) -> list[dict[tuple[int, int, int], Fraction]]:
    """``Y_s`` for ``s = 0..s_max`` as ``{(q, n, l): coefficient}`` meaning ``c·p^q H^n (σ²)^l``.

    ``Y_s = T^s E[d^sL/dt^s(0)] = (−1)^s E[(½D_{2ν} − R_ν)^{⋆(s+1)}]``; ``Y_0`` excludes
    ``½‖F‖²``. ``progress(fraction, message)`` is called now and then and may raise
    :class:`diagrams.errors.Cancelled` to stop.

    >>> y0 = naive_series(ModelSpec(2, "sym", "identity"), 0)[0]
    >>> sorted((k, str(v)) for k, v in y0.items())
    [((1, 1, 1), '-1'), ((1, 1, 2), '1/2'), ((1, 2, 2), '1/2'), ((2, 1, 2), '1/2')]
    """
    _check(model, s_max, "s_max")
    out: list[dict[tuple[int, int, int], Fraction]] = []
    for s, level in enumerate(_levels(model, s_max, progress)):
        acc: dict[tuple[int, int, int], Fraction] = defaultdict(Fraction)
        sign = -1 if s % 2 else 1
        for idx, (g, c, _, _) in enumerate(level):
            for key, count in wick_expectation(g).items():
                acc[key] += sign * c * count
            if progress is not None and idx % 64 == 0:
                progress((s + 1) / (s_max + 1), f"Wick level {s}: {idx}/{len(level)}")
        out.append({k: v for k, v in sorted(acc.items()) if v})
    if progress is not None:
        progress(1.0, "done")
    return out
