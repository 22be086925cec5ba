"""Wick expectations ``E[G]`` of diagrams (Section 3 "Averaging and diagram contractions";
Appendix "Loss expansion and diagram calculus", eqs. aterm, aterm1).

With ``u ~ N(0, σ²)`` i.i.d., ``E[G]`` sums, over all pairings of same-colour edges, the monomial
``p^q H^n σ^{2l}``, where ``q`` and ``n`` count the p- and H-nodes left after identifying the
endpoints of paired edges, and ``2l`` is the number of edges.

Instead of enumerating pairings, one edge ``e`` is paired at a time (Wick's theorem in its
recursive form ``E[u_e · rest] = Σ_{e'} E[u_e u_{e'}] E[rest \\ e']``): the pair is removed and
its endpoints identified. Nodes left without edges are stripped into a factor ``p`` or ``H``,
and the value of what is left is memoised under its canonical form (disjoint parts are not
factorised: their edges pair across parts). Partners ``e'`` with the same endpoints
give the same contraction and are counted once with multiplicity.

Values are dicts ``{(q, n): int}``; the σ² power is half the edge count.
"""

from __future__ import annotations

from collections.abc import Sequence

from diagrams.canonical import Edge, Form, canonical_form
from diagrams.graph import Diagram
from diagrams.model import ModelSpec
from diagrams.polynomial import Poly

PQ = dict[tuple[int, int], int]


def _shift(a: PQ, dq: int, dn: int, factor: int = 1) -> PQ:
    return {(q + dq, n + dn): v * factor for (q, n), v in a.items()}


class WickEvaluator:
    """Memoised Wick expectations for one model (colours and recolouring symmetry)."""

    def __init__(self, model: ModelSpec) -> None:
        self.model = model
        self.colors = model.colors
        self.quotient = not model.sym
        self.memo: dict[Form, PQ] = {}

    def expectation_pq(self, n_h: int, n_p: int, edges: Sequence[Edge]) -> PQ:
        """``E[G] / σ^{2l}`` as ``{(q, n): int}`` for any (possibly disconnected) diagram."""
        if len(edges) % 2:
            return {}
        # Parity per colour: a colour with an odd number of edges cannot be paired.
        if self.colors > 1:
            counts = [0] * self.colors
            for _, _, c in edges:
                counts[c] ^= 1
            if any(counts):
                return {}
        return self._split(n_h, n_p, edges)

    def expectation_of_form(self, form: Form) -> PQ:
        """Like :meth:`expectation_pq` for a canonical form without isolated nodes (as the
        expansion produces): skips re-labelling, and does not memoise the top level, which the
        expansion never asks for twice."""
        edges = form[2]
        if len(edges) % 2:
            return {}
        if self.colors > 1:
            counts = [0] * self.colors
            for _, _, c in edges:
                counts[c] ^= 1
            if any(counts):
                return {}
        value = self.memo.get(form)
        return value if value is not None else self._eliminate(form)

    def _split(self, n_h: int, n_p: int, edges: Sequence[Edge]) -> PQ:
        """Strip nodes without edges into a factor ``p^a H^b`` and look up the rest.

        Disjoint parts are *not* factorised: their edges are the same Gaussian variables and
        pair across parts, so ``E[G_1 ∪ G_2] ≠ E[G_1] E[G_2]`` in general.
        """
        if not edges:
            return {(n_p, n_h): 1}
        hs = sorted({h for h, _, _ in edges})
        ps = sorted({p for _, p, _ in edges})
        if self.colors > 1:
            counts = [0] * self.colors
            for _, _, c in edges:
                counts[c] ^= 1
            if any(counts):
                return {}
        hmap = {h: i for i, h in enumerate(hs)}
        pmap = {p: i for i, p in enumerate(ps)}
        local = [(hmap[h], pmap[p], c) for h, p, c in edges]
        form = canonical_form(len(hs), len(ps), local, self.colors, self.quotient)
        value = self.memo.get(form)
        if value is None:
            value = self._eliminate(form)
            self.memo[form] = value
        return _shift(value, n_p - len(ps), n_h - len(hs))

    def _eliminate(self, form: Form) -> PQ:
        """Pair one edge with each same-colour partner (grouped by endpoints) and recurse.

        The edge is chosen to minimise the branching: the number of distinct endpoint pairs
        among its same-colour partners (measured: 2.2x fewer canonical calls than taking the
        first edge of the rarest colour, ASYM ν=3 s=5).
        """
        n_h, n_p, edges = form
        if len(edges) == 2:
            return {(1, 1): 1} if edges[0][2] == edges[1][2] else {}
        h0, p0, colour = _least_branching_edge(edges)
        partners: dict[tuple[int, int], int] = {}
        for h, p, c in edges:
            if c == colour:
                partners[(h, p)] = partners.get((h, p), 0) + 1
        partners[(h0, p0)] -= 1  # the chosen edge itself
        total: PQ = {}
        for (h1, p1), multiplicity in partners.items():
            if not multiplicity:
                continue
            rest = list(edges)
            rest.remove((h0, p0, colour))
            rest.remove((h1, p1, colour))
            if h1 != h0 or p1 != p0:
                rest = [(h0 if h == h1 else h, p0 if p == p1 else p, c) for h, p, c in rest]
            value = self._split(n_h, n_p, rest)
            # Identifying h1 into h0 (p1 into p0) removes a node: _split would count its
            # emptied slot as an isolated node, so take it back.
            dq = -1 if p1 != p0 else 0
            dn = -1 if h1 != h0 else 0
            for (q, n), v in value.items():
                key = (q + dq, n + dn)
                total[key] = total.get(key, 0) + v * multiplicity
        return {k: v for k, v in total.items() if v}


def _least_branching_edge(edges: Sequence[Edge]) -> Edge:
    """The edge whose same-colour partners have the fewest distinct endpoint pairs."""
    groups: dict[int, dict[tuple[int, int], int]] = {}
    for h, p, c in edges:
        g = groups.setdefault(c, {})
        g[(h, p)] = g.get((h, p), 0) + 1
    best: tuple[int, int, Edge] | None = None
    for c, pairs in groups.items():
        size = sum(pairs.values())
        distinct = len(pairs)
        for (h, p), count in pairs.items():
            branching = distinct - (count == 1)
            key = (branching, size, (h, p, c))
            if best is None or key < best:
                best = key
    assert best is not None
    return best[2]


_EVALUATORS: dict[ModelSpec, WickEvaluator] = {}


def evaluator(model: ModelSpec) -> WickEvaluator:
    ev = _EVALUATORS.get(model)
    if ev is None:
        ev = _EVALUATORS[model] = WickEvaluator(model)
    return ev


def expectation(diagram: Diagram, model: ModelSpec) -> Poly:
    """``E[G]`` as an exact polynomial in p, H, σ² (identity or zero target: no hyper-edges).

    Examples
    --------
    >>> from diagrams.graph import atom_d
    >>> sym2 = ModelSpec(2, "sym", "identity")
    >>> expectation(atom_d(sym2), sym2).to_text()
    '(1)*p*H*s2^2 + (1)*p^2*H*s2^2 + (1)*p*H^2*s2^2'

    Notes
    -----
    Exponential in the number of edges in the worst case; the memo on canonical forms of
    connected, partially contracted diagrams makes the expansion's diagrams share work.
    """
    for h, p, c in diagram.edges:
        if not (0 <= h < diagram.n_h and 0 <= p < diagram.n_p and 0 <= c < model.colors):
            raise ValueError(f"edge {(h, p, c)} does not fit the diagram or the model's colours")
    pq = evaluator(model).expectation_pq(diagram.n_h, diagram.n_p, diagram.edges)
    l = diagram.sigma2_power
    return Poly({(q, n, l): v for (q, n), v in pq.items()})
