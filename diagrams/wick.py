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
        """Pair one edge with each same-colour partner (grouped by endpoints) and recurse."""
        n_h, n_p, edges = form
        if len(edges) == 2:
            (h1, p1, c1), (h2, p2, c2) = edges
            if c1 != c2:
                return {}
            return {(1, 1): 1}
        # Pick the colour with the fewest edges, and in it an edge at the node of least degree.
        by_colour: dict[int, list[int]] = {}
        for j, (_, _, c) in enumerate(edges):
            by_colour.setdefault(c, []).append(j)
        colour = min(by_colour, key=lambda c: (len(by_colour[c]), c))
        members = by_colour[colour]
        j0 = members[0]
        h0, p0, _ = edges[j0]
        partners: dict[tuple[int, int], int] = {}
        seen_self = False
        for j in members:
            if j == j0:
                continue
            key = (edges[j][0], edges[j][1])
            if key == (h0, p0) and not seen_self:
                seen_self = True
            partners[key] = partners.get(key, 0) + 1
        total: PQ = {}
        for (h1, p1), multiplicity in partners.items():
            removed_one = False
            rest: list[Edge] = []
            skipped_j0 = False
            for e in edges:
                if not skipped_j0 and e == (h0, p0, colour):
                    skipped_j0 = True
                    continue
                if not removed_one and e == (h1, p1, colour):
                    removed_one = True
                    continue
                h, p, c = e
                rest.append((h0 if h == h1 else h, p0 if p == p1 else p, c))
            # Identifying h1 into h0 (p1 into p0) removes one node of each kind when distinct.
            value = self._split(n_h, n_p, rest)
            # _split counts nodes that lost all edges, including the emptied h1/p1 slots;
            # correct for slots that were merged away rather than left isolated.
            dq = -1 if p1 != p0 else 0
            dn = -1 if h1 != h0 else 0
            for key, v in value.items():
                k2 = (key[0] + dq, key[1] + dn)
                total[k2] = total.get(k2, 0) + v * multiplicity
        return {k: v for k, v in total.items() if v}


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
