"""The merge expansion ``(½D_{2ν} − R_ν)^{⋆(s+1)}`` as isomorphism classes (Section 3,
eq. lossstarexp; Appendix "Loss expansion and diagram calculus", diagram merging).

``d/dt G = −(1/T) G ⋆ L`` for any diagram polynomial ``G``, so the s-th time derivative of ``L`` is
``(−1/T)^s`` times the left-nested power ``X^{⋆(s+1)} = (…(X ⋆ X) ⋆ X…) ⋆ X`` with
``X = ½D_{2ν} − R_ν`` (``X = ½D_{2ν}`` for the zero target). Merging ``G ⋆ A`` with an atom ``A``
removes a same-colour edge from each and identifies their H-nodes and their p-nodes.

A class at level ``s`` is stored as its canonical form with a positive integer ``N``: the number
of merge paths that produce it. Its coefficient is ``N · (½)^{s_D} · (−1)^{s_R}``, where ``s_D``
is fixed by the edge count ``2l = ν(s_D+1) + (ν−2)s`` (Section 4). Only one edge per automorphism
orbit is merged, with the orbit size as multiplicity, and classes are merged at every level.
In ASYM the classes are taken up to recolouring (the loss is invariant under permuting colours).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from functools import partial

from diagrams.canonical import Edge, Form, canonical_form, color_stabilizer_order, edge_orbits
from diagrams.errors import SpecError
from diagrams.graph import Diagram, atom_d, atom_r
from diagrams.model import ModelSpec
from diagrams.parallel import sum_over_items

Progress = Callable[[float, str], None] | None


@dataclass(frozen=True)
class ExpansionTerm:
    """One isomorphism class in ``(½D − R)^{⋆(s+1)}`` with its exact coefficient.

    ``recolorings`` is the number of distinct colourings the class stands for (ASYM); the
    coefficient of each coloured diagram is ``coefficient / recolorings``.
    """

    diagram: Diagram
    coefficient: Fraction
    s_D: int
    s_R: int
    recolorings: int = 1

    @property
    def id(self) -> str:
        return self.diagram.class_id()


def s_d_of(model: ModelSpec, s: int, num_edges: int) -> int:
    """``s_D`` from ``2l = ν(s_D+1) + (ν−2)s`` (Section 4, counting edges)."""
    s_d, rem = divmod(num_edges - (model.nu - 2) * s, model.nu)
    assert rem == 0, "edge count inconsistent with the merge rules"
    return s_d - 1


def _form(model: ModelSpec, n_h: int, n_p: int, edges: list[Edge]) -> Form:
    return canonical_form(n_h, n_p, edges, model.colors, not model.sym)


def merge_d(model: ModelSpec, form: Form, j: int) -> Form:
    """``G ⋆ D_{2ν}`` along edge ``j`` of ``G`` and a same-colour edge of ``D`` (all such edges of D
    are equivalent under Aut(D)). Adds one H-node and ν−1 p-nodes."""
    n_h, n_p, edges = form
    h, p, c = edges[j]
    rest = list(edges[:j] + edges[j + 1 :])
    new_h = n_h
    nu = model.nu
    if model.sym:
        new_ps = [p] + [n_p + m for m in range(nu - 1)]
        rest += [(h, q, 0) for q in new_ps[1:]]
        rest += [(new_h, q, 0) for q in new_ps]
    else:
        slots = {}
        nxt = n_p
        for m in range(nu):
            if m == c:
                slots[m] = p
            else:
                slots[m] = nxt
                nxt += 1
                rest.append((h, slots[m], m))
        rest += [(new_h, slots[m], m) for m in range(nu)]
    return _form(model, n_h + 1, n_p + nu - 1, rest)


def merge_r(model: ModelSpec, form: Form, j: int) -> Form:
    """``G ⋆ R_ν`` along edge ``j``: adds ν−1 edges parallel to it, of the other colours."""
    n_h, n_p, edges = form
    h, p, c = edges[j]
    rest = list(edges[:j] + edges[j + 1 :])
    colours = [0] * (model.nu - 1) if model.sym else [m for m in range(model.nu) if m != c]
    rest += [(h, p, m) for m in colours]
    return _form(model, n_h, n_p, rest)


def _atom_multiplicities(model: ModelSpec) -> tuple[int, int]:
    """Same-colour edges of D and R that a merge may use (all equivalent under Aut(atom))."""
    if model.sym:
        return 2 * model.nu, model.nu
    return 2, 1


class ExpansionCache:
    """The levels ``X^{⋆(s+1)}``, s = 0, 1, …, of one model, each ``{form: N}``; computed once."""

    def __init__(self, model: ModelSpec) -> None:
        self.model = model
        d = atom_d(model)
        level0: dict[Form, int] = {_form(model, d.n_h, d.n_p, list(d.edges)): 1}
        if model.target == "identity":
            r = atom_r(model)
            level0[_form(model, r.n_h, r.n_p, list(r.edges))] = 1
        self.levels: list[dict[Form, int]] = [level0]

    def level(self, s: int, progress: Progress = None) -> dict[Form, int]:
        while len(self.levels) <= s:
            self.levels.append(self._next_level(len(self.levels), progress))
        return self.levels[s]

    def _next_level(self, s: int, progress: Progress) -> dict[Form, int]:
        previous = self.levels[s - 1]
        return sum_over_items(
            partial(merge_classes, self.model),
            list(previous.items()),
            progress,
            f"merging level {s} ({len(previous)} classes)",
            min_items_per_worker=4000,
        )


def merge_classes(model: ModelSpec, classes: list[tuple[Form, int]]) -> dict[Form, int]:
    """``Σ N_G · (G ⋆ X)`` over some classes, merging once per edge orbit of each ``G``."""
    mult_d, mult_r = _atom_multiplicities(model)
    with_r = model.target == "identity"
    out: dict[Form, int] = {}
    for form, count in classes:
        for orbit in edge_orbits(form[0], form[1], form[2], model.colors, not model.sym):
            j = orbit[0]
            weight = count * len(orbit)
            key = merge_d(model, form, j)
            out[key] = out.get(key, 0) + weight * mult_d
            if with_r:
                key = merge_r(model, form, j)
                out[key] = out.get(key, 0) + weight * mult_r
    return out


_CACHES: dict[ModelSpec, ExpansionCache] = {}


def expansion_cache(model: ModelSpec) -> ExpansionCache:
    cache = _CACHES.get(model)
    if cache is None:
        cache = _CACHES[model] = ExpansionCache(model)
    return cache


def coefficient(model: ModelSpec, s: int, form: Form, count: int) -> tuple[Fraction, int, int]:
    """``(coefficient, s_D, s_R)`` of a class with ``count`` merge paths at level ``s``."""
    s_d = s_d_of(model, s, len(form[2]))
    s_r = s + 1 - s_d
    return Fraction(count * (-1) ** s_r, 2**s_d), s_d, s_r


def expansion(
    model: ModelSpec, s: int, progress: Progress = None, up_to_recoloring: bool = True
) -> list[ExpansionTerm]:
    """The classes of ``(½D_{2ν} − R_ν)^{⋆(s+1)}`` with exact coefficients.

    Parameters
    ----------
    model : the model spec.
    s : the order (``s + 1`` atoms merged).
    up_to_recoloring : ASYM only. When False, each class is listed once per distinct recolouring,
        as in the paper's Appendix examples (``D_6⋆D_6 = 4·(…) + 8 recolored``).

    Returns
    -------
    list of :class:`ExpansionTerm`, sorted by (s_D, number of nodes, canonical form).

    Examples
    --------
    >>> terms = expansion(ModelSpec(2, "sym", "identity"), 0)
    >>> [(str(t.coefficient), t.s_D, t.s_R) for t in terms]
    [('-1', 0, 1), ('1/2', 1, 0)]

    Notes
    -----
    Cost grows roughly geometrically in ``s`` (see ``BENCHMARKS.md``); one BLISS call per raw
    merge of an orbit representative.
    """
    if isinstance(s, bool) or not isinstance(s, int) or s < 0:
        raise SpecError("s", "must be a non-negative integer")
    level = expansion_cache(model).level(s, progress)
    terms = []
    for form, count in level.items():
        coeff, s_d, s_r = coefficient(model, s, form, count)
        diagram = Diagram(*form)
        if model.sym:
            terms.append(ExpansionTerm(diagram, coeff, s_d, s_r))
            continue
        n_colourings = _recolorings(model, form)
        if up_to_recoloring:
            terms.append(ExpansionTerm(diagram, coeff, s_d, s_r, n_colourings))
        else:
            for coloured in _distinct_recolorings(model, form):
                terms.append(ExpansionTerm(coloured, coeff / n_colourings, s_d, s_r))
    terms.sort(key=lambda t: (t.s_D, t.diagram.n_h + t.diagram.n_p, t.diagram.n_h, t.diagram.edges))
    return terms


def _recolorings(model: ModelSpec, form: Form) -> int:
    from math import factorial

    return factorial(model.nu) // color_stabilizer_order(form[0], form[1], form[2], model.nu)


def _distinct_recolorings(model: ModelSpec, form: Form) -> list[Diagram]:
    from itertools import permutations

    seen: dict[Form, None] = {}
    for perm in permutations(range(model.nu)):
        edges = [(h, p, perm[c]) for h, p, c in form[2]]
        seen.setdefault(canonical_form(form[0], form[1], edges, model.colors, False))
    return [Diagram(*f) for f in sorted(seen)]
