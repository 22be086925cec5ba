"""Wick contractions of a diagram as pictures need them: which nodes a pairing merges.

Section 3 ("Averaging and diagram contractions"): a Wick pairing of same-colour edges
identifies the H-endpoints and the p-endpoints of every paired edge; the contracted diagram
with ``n`` H-nodes and ``q`` p-nodes contributes ``p^q H^n σ^{2l}`` to ``E[G]`` (eq. aterm).
:func:`merge_groups` computes those node classes; :func:`contraction_monomial` the exponents.
Summed over all pairings they give the Wick expectation of :mod:`diagrams.wick`, which the
tests check (an independent route: explicit pairings here, recursive elimination there).

>>> from diagrams.graph import Diagram
>>> d = Diagram.build(2, 1, [(0, 0, 0), (0, 0, 0), (1, 0, 0), (1, 0, 0)])  # SYM D_4 with p merged
>>> contraction_monomial(d, [(0, 2), (1, 3)])  # (q, n, l): the two H-nodes merge
(1, 1, 2)
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from diagrams.errors import SpecError
from diagrams.graph import Diagram

Pairing = Sequence[tuple[int, int]]


def check_pairing(diagram: Diagram, pairing: Pairing, field: str = "contraction") -> None:
    """Raise :class:`SpecError` unless ``pairing`` pairs edges of ``diagram`` of equal colour,
    each edge at most once (a partial pairing is allowed: it shows a partial contraction)."""
    seen: set[int] = set()
    m = diagram.num_edges
    for k, pair in enumerate(pairing):
        if not (isinstance(pair, Sequence) and len(pair) == 2):
            raise SpecError(f"{field}[{k}]", "must be a pair of edge indices")
        a, b = pair
        for e in (a, b):
            if isinstance(e, bool) or not isinstance(e, int) or not 0 <= e < m:
                raise SpecError(f"{field}[{k}]", f"edge index {e!r} is not in 0..{m - 1}")
            if e in seen:
                raise SpecError(f"{field}[{k}]", f"edge {e} is paired twice")
            seen.add(e)
        if a == b:
            raise SpecError(f"{field}[{k}]", "an edge cannot be paired with itself")
        if diagram.edges[a][2] != diagram.edges[b][2]:
            raise SpecError(f"{field}[{k}]", "paired edges must have the same colour")


def merge_groups(diagram: Diagram, pairing: Pairing) -> list[list[str]]:
    """The classes of nodes identified by ``pairing`` (node names as in ``to_json``), each
    sorted, H-classes first, in order of their first node; singletons included."""
    check_pairing(diagram, pairing)
    parent = {v: v for v in _names(diagram)}

    def find(v: str) -> str:
        while parent[v] != v:
            parent[v] = parent[parent[v]]
            v = parent[v]
        return v

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb, key=_key)] = min(ra, rb, key=_key)

    for a, b in pairing:
        ha, pa, _ = diagram.edges[a]
        hb, pb, _ = diagram.edges[b]
        union(f"h{ha}", f"h{hb}")
        union(f"p{pa}", f"p{pb}")
    groups: dict[str, list[str]] = {}
    for v in _names(diagram):
        groups.setdefault(find(v), []).append(v)
    return sorted(groups.values(), key=lambda g: _key(g[0]))


def contraction_monomial(diagram: Diagram, pairing: Pairing) -> tuple[int, int, int]:
    """``(q, n, l)`` of a complete pairing: ``p^q H^n σ^{2l}`` (eq. aterm)."""
    if 2 * len(pairing) != diagram.num_edges:
        raise SpecError("contraction", "must pair every edge of the diagram")
    groups = merge_groups(diagram, pairing)
    q = sum(1 for g in groups if g[0][0] == "p")
    n = sum(1 for g in groups if g[0][0] == "h")
    return q, n, diagram.num_edges // 2


def contracted_diagram(diagram: Diagram, pairing: Pairing) -> tuple[Diagram, dict[str, str]]:
    """The diagram after the identifications of ``pairing`` (every edge kept, now between the
    merged nodes) and the map from old node names to new ones (``h0``… then ``p0``…).

    >>> d = Diagram.build(2, 1, [(0, 0, 0), (0, 0, 0), (1, 0, 0), (1, 0, 0)])
    >>> contracted_diagram(d, [(0, 2), (1, 3)])
    (Diagram(n_h=1, n_p=1, edges=((0, 0, 0), (0, 0, 0), (0, 0, 0), (0, 0, 0))), \
{'h0': 'h0', 'h1': 'h0', 'p0': 'p0'})
    """
    groups = merge_groups(diagram, pairing)
    rename: dict[str, str] = {}
    counts = {"h": 0, "p": 0}
    for g in groups:
        kind = g[0][0]
        for v in g:
            rename[v] = f"{kind}{counts[kind]}"
        counts[kind] += 1
    edges = [(int(rename[f"h{h}"][1:]), int(rename[f"p{p}"][1:]), c) for h, p, c in diagram.edges]
    order = sorted(rename, key=_key)
    return Diagram.build(counts["h"], counts["p"], edges), {v: rename[v] for v in order}


def pairings(diagram: Diagram) -> Iterator[list[tuple[int, int]]]:
    """Every complete pairing of same-colour edges (``(2k−1)!!`` of them: tiny diagrams only)."""

    def rec(rest: list[int]) -> Iterator[list[tuple[int, int]]]:
        if not rest:
            yield []
            return
        first, others = rest[0], rest[1:]
        for j, e in enumerate(others):
            if diagram.edges[e][2] == diagram.edges[first][2]:
                for tail in rec(others[:j] + others[j + 1 :]):
                    yield [(first, e), *tail]

    yield from rec(list(range(diagram.num_edges)))


def _names(diagram: Diagram) -> list[str]:
    return [f"h{k}" for k in range(diagram.n_h)] + [f"p{i}" for i in range(diagram.n_p)]


def _key(v: str) -> tuple[int, int]:
    return (0 if v[0] == "h" else 1, int(v[1:]))
