"""Pareto polygons (Section 5, Fig. 2, appendix "Extreme regimes"): geometry, labels, faces.

For an order ``s`` the Pareto-optimal monomials ``p^q H^n σ^{2l}`` of ``Y_s``
(:mod:`diagrams.pareto`) are points ``x = (q, n, 2l)`` — the exponents of ``p``, ``H`` and
``σ``.  Under the power-law scaling ``p ≍ a^{α_p}, H ≍ a^{α_H}, σ ≍ a^{α_σ}`` (eq.
``alphascaling``) a monomial scales as ``a^{α·x}``; the *leading* monomials maximise ``α·x``.
The Pareto polygon is the convex hull of the points; for each ``α`` the leading monomials are
the Pareto points on one face of it.  Everything below is computed from the points in exact
integer/rational arithmetic:

* the hull (a polygon, segment or point; a polytope for SYM odd ν) and its common normal;
* the paper's vertex labels (:data:`LABEL_FUNCTIONALS`, the only convention typed in here);
* for every face: its scaling condition (equalities ``m ≍ 1`` spanning the face, strict
  conditions ``m → ∞`` against the neighbouring vertices), the natural time scale ``T``,
  parameterisation, learning and interpretation — the columns of the paper's tables
  ``tab:extremal_simplices_asym`` / ``tab:extremal_simplices_both``, derived as documented in
  :func:`pareto_polygon`.

The derived tables agree with the paper's; ``tests/test_regimes.py`` checks every row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache
from itertools import combinations
from math import gcd
from typing import Any

from diagrams.errors import NotApplicable, SpecError
from diagrams.model import ModelSpec
from diagrams.pareto import (
    ParetoPoint,
    covered_by_theorem41,
    points_of_front,
    theorem41_points,
    theorem41_terms,
)

Vec = tuple[Any, Any, Any]
"""Exponents of ``(p, H, σ)`` (ints or Fractions)."""

__all__ = [
    "LABEL_FUNCTIONALS",
    "Condition",
    "Face",
    "ParetoPolygon",
    "Vertex",
    "computed_polygon",
    "format_monomial",
    "generic_order",
    "labels_for",
    "pareto_polygon",
    "primitive_vector",
]

# The paper's vertex names (Fig. 2 and Section 5), as maximisers of a linear functional
# g_D·s_D + g_n·n over the Pareto points of one order s (s_D = number of D_{2ν} atoms, n = power
# of H).  Each is the unique maximiser for every s (checked in the tests):
#   A: the s_R = 0 column (largest σ-power) with the fewest H-nodes, (s_D, n) = (s+1, 1);
#   B: the most H-nodes, in the s_R = 0 column: (s+1, s+2) in SYM, (s+1, s+1) in ASYM;
#   C: (ASYM) the top of the line n = s_D+1 next to B: (s_D, n) = (s−1, s) ("Point C");
#   D: (ASYM) the column of largest s_R (s_D = 1 for even s, 0 for odd s) with the most H-nodes;
#   E: the column of largest s_R with n = 1 — (0, 1) in SYM; (1, 1) or (0, 1) in ASYM.
LABEL_FUNCTIONALS: dict[str, tuple[int, int]] = {
    "A": (1, -1),
    "B": (0, 1),
    "C": (-2, 3),
    "D": (-2, 1),
    "E": (-1, -1),  # ASYM; in SYM (-1, 0) — the same vertex would not be unique there
}
_E_SYM = (-1, 0)

_REL_TEXT = {"asymp": "≍ 1", "infinity": "→ ∞", "zero": "→ 0"}
_FLIP = {"asymp": "asymp", "infinity": "zero", "zero": "infinity"}


def labels_for(model: ModelSpec) -> tuple[str, ...]:
    """The paper's vertex letters for a model, in the paper's (cyclic) order.

    SYM even ν: triangle A, B, E; ASYM: A, B, C, D, E; zero target (free evolution): the
    segment A–B (the ``s_R = 0`` edge is all that remains).
    """
    if model.target == "zero":
        return ("A", "B")
    if model.sym:
        return ("A", "B", "E")
    return ("A", "B", "C", "D", "E")


# --------------------------------------------------------------------------- exact vectors


def _sub(a: Vec, b: Vec) -> Vec:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def _add(a: Vec, b: Vec) -> Vec:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def _mul(c: Any, a: Vec) -> Vec:
    return (c * a[0], c * a[1], c * a[2])


def _dot(a: Vec, b: Vec) -> Any:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def _cross(a: Vec, b: Vec) -> Vec:
    return (
        a[1] * b[2] - a[2] * b[1],
        a[2] * b[0] - a[0] * b[2],
        a[0] * b[1] - a[1] * b[0],
    )


def _is_zero(a: Vec) -> bool:
    return a[0] == 0 and a[1] == 0 and a[2] == 0


def primitive_vector(a: Vec) -> tuple[int, int, int]:
    """The shortest integer vector with the direction of ``a`` (rational entries allowed)."""
    fr = [Fraction(x) for x in a]
    den = 1
    for x in fr:
        den = den * x.denominator // gcd(den, x.denominator)
    ints = [int(x * den) for x in fr]
    g = 0
    for x in ints:
        g = gcd(g, abs(x))
    if g == 0:
        raise ValueError("zero vector has no direction")
    return (ints[0] // g, ints[1] // g, ints[2] // g)


def _in_span(v: Vec, basis: list[Vec]) -> bool:
    """Whether ``v`` lies in the linear span of ``basis`` (≤ 3 vectors, exact)."""
    basis = [b for b in basis if not _is_zero(b)]
    if _is_zero(v):
        return True
    if not basis:
        return False
    if len(basis) == 1:
        return _is_zero(_cross(v, basis[0]))
    normal = None
    for a, b in combinations(basis, 2):
        c = _cross(a, b)
        if not _is_zero(c):
            normal = c
            break
    if normal is None:  # all basis vectors parallel
        return _is_zero(_cross(v, basis[0]))
    if any(_dot(normal, b) != 0 for b in basis):  # basis spans all of R^3
        return True
    return _dot(normal, v) == 0


def _complement_basis(directions: list[Vec]) -> list[Vec]:
    """An integer basis of the orthogonal complement of ``span(directions)``."""
    units: list[Vec] = [(1, 0, 0), (0, 1, 0), (0, 0, 1)]
    dirs = [d for d in directions if not _is_zero(d)]
    if not dirs:
        return units
    d0 = dirs[0]
    others = [d for d in dirs[1:] if not _is_zero(_cross(d0, d))]
    if others:
        return [primitive_vector(_cross(d0, others[0]))]
    out: list[Vec] = []
    for u in units:
        c = _cross(d0, u)
        if not _is_zero(c) and not _in_span(c, out):
            out.append(primitive_vector(c))
        if len(out) == 2:
            break
    return out


def _growth_direction(complement: list[Vec]) -> Vec | None:
    """A vector of ``span(complement)`` with positive p- and H-components, if there is one.

    Adding it to a scaling ``α`` leaves the leading face unchanged (it is orthogonal to the
    polygon) but makes ``α_p, α_H > 0`` — the paper's growing sizes.
    """
    candidates: list[Vec] = []
    for c in complement:
        candidates += [c, _mul(-1, c)]
    for a, b in combinations(complement, 2):
        for i in (-2, -1, 1, 2):
            for j in (-2, -1, 1, 2):
                candidates.append(_add(_mul(i, a), _mul(j, b)))
    for c in candidates:
        if c[0] > 0 and c[1] > 0:
            return c
    return None


def _hull_2d(pts: list[Vec], normal: Vec) -> list[Vec]:
    """Vertices (strictly convex, cyclic) of coplanar points, by projecting along ``normal``."""
    drop = next(k for k in (2, 0, 1) if normal[k] != 0)
    keep = [k for k in range(3) if k != drop]
    proj = sorted({(pt[keep[0]], pt[keep[1]]): pt for pt in pts}.items())

    def turn(o: tuple, a: tuple, b: tuple) -> Any:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list = []
    for item in proj:
        while len(lower) >= 2 and turn(lower[-2][0], lower[-1][0], item[0]) <= 0:
            lower.pop()
        lower.append(item)
    upper: list = []
    for item in reversed(proj):
        while len(upper) >= 2 and turn(upper[-2][0], upper[-1][0], item[0]) <= 0:
            upper.pop()
        upper.append(item)
    return [pt for _, pt in lower[:-1] + upper[:-1]]


def _affine_shape(pts: list[Vec]) -> tuple[int, list[Vec], Vec | None]:
    """``(dimension, directions, normal)`` of the affine hull of distinct points."""
    base = pts[0]
    dirs = [_sub(p, base) for p in pts[1:]]
    d0 = next((d for d in dirs if not _is_zero(d)), None)
    if d0 is None:
        return 0, [], None
    normal = next((_cross(d0, d) for d in dirs if not _is_zero(_cross(d0, d))), None)
    if normal is None:
        return 1, [d0], None
    if any(_dot(normal, d) != 0 for d in dirs):
        return 3, dirs, None
    return 2, [d0, next(d for d in dirs if not _is_zero(_cross(d0, d)))], normal


# --------------------------------------------------------------------------- presentation


def _num(x: Any) -> int | str:
    x = Fraction(x)
    return x.numerator if x.denominator == 1 else f"{x.numerator}/{x.denominator}"


def _power(name: str, e: Fraction, latex: bool) -> str:
    if e == 1:
        return name
    if latex:
        return f"{name}^{{{_num(e)}}}"
    return f"{name}^{_num(e)}" if e.denominator == 1 else f"{name}^({_num(e)})"


def format_monomial(exponents: Vec, latex: bool = False) -> str:
    """``p^a H^b σ^c`` as text (``"p^2 / (H σ^4)"``) or LaTeX (``"\\frac{p^{2}}{H \\sigma^{4}}"``).

    >>> format_monomial((1, -1, 0)), format_monomial((0, 1, 2), latex=True)
    ('p / H', 'H \\\\sigma^{2}')
    """
    names = ("p", "H", "\\sigma" if latex else "σ")
    top = [_power(nm, Fraction(e), latex) for nm, e in zip(names, exponents) if e > 0]
    bottom = [_power(nm, -Fraction(e), latex) for nm, e in zip(names, exponents) if e < 0]
    num = " ".join(top) if top else "1"
    if not bottom:
        return num
    den = " ".join(bottom)
    if latex:
        return f"\\frac{{{num}}}{{{den}}}"
    return f"{num} / ({den})" if len(bottom) > 1 else f"{num} / {den}"


def _monomial_dict(exponents: Vec) -> dict[str, int | str]:
    return {"p": _num(exponents[0]), "H": _num(exponents[1]), "sigma": _num(exponents[2])}


@dataclass(frozen=True)
class Condition:
    """One scaling condition ``p^a H^b σ^c ≍ 1`` / ``→ ∞`` / ``→ 0``.

    Normalised: the exponents are coprime integers whose first non-zero one is positive.
    """

    exponents: tuple[int, int, int]
    relation: str  # "asymp" | "infinity" | "zero"

    @classmethod
    def make(cls, direction: Vec, relation: str) -> Condition:
        """``m(direction) ≍ 1`` or ``→ ∞``, normalised (the sign flip turns ∞ into 0)."""
        e = primitive_vector(direction)
        first = next(x for x in e if x != 0)
        if first < 0:
            return cls((-e[0], -e[1], -e[2]), _FLIP[relation])
        return cls(e, relation)

    @property
    def growth(self) -> tuple[int, int, int]:
        """The direction ``d`` with ``α·d > 0`` (strict) or ``= 0`` (``≍``) in α-space."""
        if self.relation == "zero":
            return (-self.exponents[0], -self.exponents[1], -self.exponents[2])
        return self.exponents

    @property
    def text(self) -> str:
        return f"{format_monomial(self.exponents)} {_REL_TEXT[self.relation]}"

    @property
    def latex(self) -> str:
        rel = {"asymp": "\\asymp 1", "infinity": "\\to \\infty", "zero": "\\to 0"}[self.relation]
        return f"{format_monomial(self.exponents, latex=True)} {rel}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "monomial": _monomial_dict(self.exponents),
            "relation": _REL_TEXT[self.relation],
            "text": self.text,
            "latex": self.latex,
        }


@dataclass(frozen=True)
class Vertex:
    """A hull vertex: its Pareto point and the paper letters that sit on it (``D=E``…)."""

    point: ParetoPoint
    labels: tuple[str, ...]

    @property
    def name(self) -> str:
        return "=".join(self.labels) if self.labels else format_monomial(self.point.coords)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "labels": list(self.labels), "term": self.point.to_dict()}


@dataclass(frozen=True)
class Face:
    """A face of the Pareto polygon at one order ``s`` with the paper's table columns.

    Attributes
    ----------
    name : letters joined by ``-`` in the paper's order (``"B-C"``, ``"E-A"``, ``"A-B-E"``);
        coinciding letters are joined by ``=`` (``"D=E"`` at odd s in ASYM).
    labels : every paper letter on the face, in the paper's order.
    dimension : 0 (vertex), 1 (edge) or 2 (the whole polygon).
    points : the Pareto points on the face — the leading terms of ``Y_s`` in this regime.
    scaling_condition : equalities (``≍ 1``, spanning the face) then strict conditions.
    natural_t : exponents of the natural time scale ``T`` (``None`` where the face's letters
        move apart at higher orders, so this order alone does not fix it).
    natural_t_equivalents : every ``T`` the face's vertices give (equal under its ``≍``).
    parameterisation : "Over-", "Under-", "Balanced" or "Agnostic".
    learning : "No", "Lazy" or "Rich"; interpretation : e.g. "NTK" or ``None`` (the "—").
    witness : an exact scaling ``α = (α_p, α_H, α_σ)`` with ``α_p = 1`` selecting this face.
    """

    name: str
    labels: tuple[str, ...]
    vertices: tuple[str, ...]
    dimension: int
    points: tuple[ParetoPoint, ...]
    scaling_condition: tuple[Condition, ...]
    natural_t: Vec | None
    natural_t_equivalents: tuple[Vec, ...]
    parameterisation: str | None
    learning: str | None
    interpretation: str | None
    witness: tuple[Fraction, Fraction, Fraction] | None
    normal_cone: tuple[Vec, ...] = field(repr=False, default=())

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "labels": list(self.labels),
            "vertices": list(self.vertices),
            "dimension": self.dimension,
            "scaling_condition": [c.to_dict() for c in self.scaling_condition],
            "scaling_condition_text": ", ".join(c.text for c in self.scaling_condition),
            "natural_T": None
            if self.natural_t is None
            else {
                "monomial": _monomial_dict(self.natural_t),
                "text": format_monomial(self.natural_t),
                "latex": format_monomial(self.natural_t, latex=True),
            },
            "natural_T_equivalents": [format_monomial(t) for t in self.natural_t_equivalents],
            "parameterisation": self.parameterisation,
            "learning": self.learning,
            "interpretation": self.interpretation,
            "leading_terms": [pt.to_dict() for pt in self.points],
            "witness_scaling": None
            if self.witness is None
            else dict(zip(("alpha_p", "alpha_H", "alpha_sigma"), map(_num, self.witness))),
        }


@dataclass(frozen=True)
class ParetoPolygon:
    """The Pareto polygon of ``Y_s`` (Section 5).

    ``dimension`` is 2 for the paper's polygons, 1 for the zero target (segment A–B) and at
    ``s = 0`` in ASYM a single point; 3 (a polytope, ``facets`` filled, no labels) can only
    occur for SYM odd ν, which Theorem 4.1 does not cover.  ``normal`` is the common normal
    ``(α_p, α_H, α_σ)`` scaled to ``α_p = 1`` (dimension 2 only).
    """

    model: ModelSpec
    s: int
    source: str  # "theorem41" | "series"
    covered: bool
    points: tuple[ParetoPoint, ...]
    dimension: int
    vertices: tuple[Vertex, ...]
    normal: tuple[Fraction, Fraction, Fraction] | None
    faces: tuple[Face, ...]
    facets: tuple[dict[str, Any], ...] = ()
    note: str | None = None

    def face(self, name: str) -> Face:
        for f in self.faces:
            if f.name == name:
                return f
        raise KeyError(name)

    def to_dict(self) -> dict[str, Any]:
        return {
            "model": self.model.to_dict(),
            "s": self.s,
            "source": self.source,
            "theorem41_applies": self.covered,
            "note": self.note,
            "points": [pt.to_dict() for pt in self.points],
            "dimension": self.dimension,
            "shape": _shape_name(self.dimension, len(self.vertices)),
            "vertices": [v.to_dict() for v in self.vertices],
            "normal": None
            if self.normal is None
            else dict(zip(("alpha_p", "alpha_H", "alpha_sigma"), map(_num, self.normal))),
            "faces": [f.to_dict() for f in self.faces],
            "facets": list(self.facets),
        }


def _shape_name(dim: int, k: int) -> str:
    if dim == 0:
        return "point"
    if dim == 1:
        return "segment"
    if dim == 3:
        return "polytope"
    return {3: "triangle", 4: "quadrangle", 5: "pentagon"}.get(k, f"{k}-gon")


# --------------------------------------------------------------------------- labelling


def _label_points(model: ModelSpec, pts: list[ParetoPoint]) -> dict[str, ParetoPoint]:
    """Place each of the paper's letters on its Pareto point (see :data:`LABEL_FUNCTIONALS`)."""
    out = {}
    for label in labels_for(model):
        g_d, g_n = _E_SYM if (label == "E" and model.sym) else LABEL_FUNCTIONALS[label]
        values = [g_d * pt.s_d + g_n * pt.n for pt in pts]
        best = max(values)
        winners = [pt for pt, v in zip(pts, values) if v == best]
        if len(winners) != 1:
            raise AssertionError(f"label {label} is not a unique vertex at s={pts[0].s}")
        out[label] = winners[0]
    return out


def generic_order(model: ModelSpec) -> int:
    """The smallest ``s`` at which all the paper's letters sit on distinct vertices, at ``s``
    and at ``s + 2`` (ASYM: 4, the first pentagon; SYM even ν: 0; zero target: 1 or 0).

    Faces at this order have the shape of every larger order of the same parity, so the
    regime table (:mod:`diagrams.regimes`) is read off it.
    """
    if not covered_by_theorem41(model):
        raise NotApplicable("model.nu", "Theorem 4.1 does not cover SYM odd ν")
    k = len(labels_for(model))
    for s in range(0, 12):
        if all(
            len({pt.term for pt in _label_points(model, theorem41_points(model, t)).values()}) == k
            for t in (s, s + 2)
        ):
            return s
    raise AssertionError("no generic order found")  # pragma: no cover


# --------------------------------------------------------------------------- faces


def _n_direction(model: ModelSpec, s: int, pts: list[ParetoPoint]) -> Vec | None:
    """``∂x/∂n`` at fixed ``l``: one more H-node in a Pareto term of the same σ-power."""
    for t_pts in (pts, theorem41_points(model, s + 1) if covered_by_theorem41(model) else []):
        by_l: dict[int, list[ParetoPoint]] = {}
        for pt in t_pts:
            by_l.setdefault(pt.l, []).append(pt)
        for group in by_l.values():
            if len(group) >= 2:
                a, b = group[0], group[1]
                return _mul(Fraction(1, b.n - a.n), _sub(b.coords, a.coords))
    return None


def _sign_over_cone(gens: list[Vec], u: Vec) -> int | None:
    """Sign of ``α·u`` on the relative interior of ``cone(gens)``: ±1, 0, or None (mixed)."""
    signs = {(_dot(g, u) > 0) - (_dot(g, u) < 0) for g in gens}
    signs.discard(0)
    if not signs:
        return 0
    return signs.pop() if len(signs) == 1 else None


def _parameterisation(gens: list[Vec], directions: list[Vec], u: Vec | None) -> str | None:
    """Over-/Under-/Balanced/Agnostic: the sign of ``α·∂x/∂n`` on the face's normal cone.

    ``α·∂x/∂n > 0`` means an extra H-node raises a term (``H ≫ p^{ν−1}`` in ASYM,
    ``H² ≫ p^ν`` in SYM): over-parameterised; ``< 0`` under-, ``= 0`` balanced; a cone on
    which it takes both signs is agnostic (Point E in SYM).
    """
    if u is None:
        return None
    if not _in_span(u, directions):
        return "Agnostic"
    sign = _sign_over_cone(gens, u)
    return {1: "Over-", -1: "Under-", 0: "Balanced", None: "Agnostic"}[sign]


def _learning(labels: tuple[str, ...], now: dict, later: dict) -> str | None:
    """No / Lazy / Rich from the number ``s_R`` of target atoms in the face's terms.

    No: every leading term has ``s_R = 0`` (the target never enters); Lazy ("weak learning"):
    ``s_R`` stays bounded as ``s`` grows (it is the same at ``s`` and ``s+2`` at every
    vertex); Rich: it grows with ``s``.  ``s_R`` is affine on a face, so vertices suffice.
    """
    if not labels:
        return None
    if all(now[x].s_r == 0 and later[x].s_r == 0 for x in labels):
        return "No"
    if all(now[x].s_r == later[x].s_r for x in labels):
        return "Lazy"
    return "Rich"


def _interpretation(
    learning: str | None, param: str | None, dim: int, points: list[ParetoPoint]
) -> str | None:
    """The paper's interpretation column as a function of the derived columns (Section 5).

    No learning: free evolution (the target never enters, Edge A–B).  Lazy: the linearised
    (NTK) regime; when no leading term is target-free (``s_R = 0``) the initial model is
    negligible: "NTK, f(0) ≡ 0" (Point C).  A rich over-parameterised edge: mean-field
    (Edges B–E and C–D).  Everything else: ``None`` (the tables' "—").
    """
    if learning == "No":
        return "Free evolution"
    if learning == "Lazy":
        return "NTK" if any(pt.s_r == 0 for pt in points) else "NTK, f(0) ≡ 0"
    if learning == "Rich" and param == "Over-" and dim == 1:
        return "Mean-field"
    return None


def _simplest(ts: list[Vec]) -> Vec:
    return min(
        ts,
        key=lambda t: (sum(1 for x in t if x != 0), sum(abs(Fraction(x)) for x in t)),
    )


def _witness(gens: list[Vec], complement: list[Vec]) -> tuple[Fraction, ...] | None:
    alpha: Vec = (0, 0, 0)
    for g in gens:
        alpha = _add(alpha, primitive_vector(g))
    grow = _growth_direction(complement)
    if grow is None:
        return None
    t = 0
    while not (alpha[0] + t * grow[0] > 0 and alpha[1] + t * grow[1] > 0):
        t += 1
    alpha = _add(alpha, _mul(t, grow))
    return tuple(Fraction(a) / Fraction(alpha[0]) for a in alpha)  # type: ignore[return-value]


def _build_faces(
    model: ModelSpec,
    s: int,
    pts: list[ParetoPoint],
    cycle: list[Vertex],
    dim: int,
    normal: Vec | None,
    directions: list[Vec],
    later: dict[str, ParetoPoint] | None,
) -> list[Face]:
    k = len(cycle)
    xs = [v.point.coords for v in cycle]
    complement = _complement_basis(directions)
    u = _n_direction(model, s, pts)
    now = {lab: v.point for v in cycle for lab in v.labels}

    # (members, normal-cone generators, equality directions, strict growth directions)
    specs: list[tuple[list[int], list[Vec], list[Vec], list[Vec]]] = []
    if dim == 0:
        specs.append(([0], [], [], []))
    elif dim == 1:
        a, b = xs
        specs += [
            ([0], [_sub(a, b)], [], [_sub(a, b)]),
            ([1], [_sub(b, a)], [], [_sub(b, a)]),
            ([0, 1], [], [_sub(b, a)], []),
        ]
    else:
        assert normal is not None
        outward = []
        for i in range(k):
            e = _sub(xs[(i + 1) % k], xs[i])
            nv = _cross(normal, e)
            other = xs[(i + 2) % k]
            if _dot(nv, _sub(other, xs[i])) > 0:
                nv = _mul(-1, nv)
            outward.append(nv)
        for i in range(k):
            prev_x, next_x = xs[(i - 1) % k], xs[(i + 1) % k]
            specs.append(
                (
                    [i],
                    [outward[(i - 1) % k], outward[i]],
                    [],
                    [_sub(xs[i], prev_x), _sub(xs[i], next_x)],
                )
            )
            j = (i + 1) % k
            specs.append(
                (
                    [i, j],
                    [outward[i]],
                    [_sub(xs[j], xs[i])],
                    [_sub(xs[i], prev_x), _sub(xs[j], xs[(i + 2) % k])],
                )
            )
        specs.append((list(range(k)), [], [_sub(xs[1], xs[0]), _sub(xs[0], xs[-1])], []))

    faces = []
    for members, gens, eqs, stricts in specs:
        verts = [cycle[i] for i in members]
        labels = tuple(lab for lab in labels_for(model) if any(lab in v.labels for v in verts))
        member_x = [xs[i] for i in members]
        on_face = [pt for pt in pts if _on_face(pt.coords, member_x, gens, complement)]
        conds = [Condition.make(d, "asymp") for d in eqs]
        conds += [Condition.make(d, "infinity") for d in stricts]
        conds = list(dict.fromkeys(conds))
        face_dirs = [_sub(x, member_x[0]) for x in member_x[1:]]
        natural_t, equivalents = None, ()
        learning = None
        if later is not None and labels:
            ts = [_mul(Fraction(1, 2), _sub(later[x].coords, now[x].coords)) for x in labels]
            ts = list(dict.fromkeys(ts))
            equivalents = tuple(ts)
            if all(_in_span(_sub(t, ts[0]), face_dirs) for t in ts):
                natural_t = _simplest(ts)
            learning = _learning(labels, now, later)
        param = _parameterisation(gens, directions, u)
        names = [v.name for v in verts]
        faces.append(
            Face(
                name="-".join(names),
                labels=labels,
                vertices=tuple(names),
                dimension=min(len(members) - 1, 2),
                points=tuple(on_face),
                scaling_condition=tuple(conds),
                natural_t=natural_t,
                natural_t_equivalents=equivalents,
                parameterisation=param,
                learning=learning,
                interpretation=_interpretation(learning, param, min(len(members) - 1, 2), on_face),
                witness=_witness(gens, complement),
                normal_cone=tuple(gens),
            )
        )
    return faces


def _on_face(x: Vec, member_x: list[Vec], gens: list[Vec], complement: list[Vec]) -> bool:
    """Whether a Pareto point lies on the face: it maximises ``α·x`` for the face's α."""
    alpha: Vec = (0, 0, 0)
    for g in gens:
        alpha = _add(alpha, g)
    return _dot(alpha, x) == _dot(alpha, member_x[0])


# --------------------------------------------------------------------------- polygons


def _polygon_from_points(
    model: ModelSpec, s: int, pts: list[ParetoPoint], source: str, note: str | None
) -> ParetoPolygon:
    covered = covered_by_theorem41(model)
    coords = list(dict.fromkeys(pt.coords for pt in pts))
    by_coords = {pt.coords: pt for pt in pts}
    dim, directions, normal = _affine_shape(coords)
    if dim == 3:
        return _polytope(model, s, pts, source, note)
    if dim == 0:
        hull = coords[:1]
    elif dim == 1:
        d = directions[0]
        hull = [min(coords, key=lambda x: _dot(d, x)), max(coords, key=lambda x: _dot(d, x))]
    else:
        assert normal is not None
        hull = _hull_2d(coords, normal)
    labels = _label_points(model, pts) if covered else {}
    vertices = []
    for x in hull:
        labs = tuple(lab for lab in labels_for(model) if covered and labels[lab].coords == x)
        vertices.append(Vertex(by_coords[x], labs))
    if covered:
        placed = {lab for v in vertices for lab in v.labels}
        if placed != set(labels_for(model)) or any(not v.labels for v in vertices):
            raise AssertionError(f"labels {sorted(placed)} do not match the hull at s={s}")
        order = labels_for(model)
        # rotate to start at A and orient so that letters increase along the cycle
        start = next(i for i, v in enumerate(vertices) if "A" in v.labels)
        vertices = vertices[start:] + vertices[:start]
        if len(vertices) > 2 and order.index(vertices[1].labels[0]) > order.index(
            vertices[-1].labels[0]
        ):
            vertices = [vertices[0], *reversed(vertices[1:])]
    later = _label_points(model, theorem41_points(model, s + 2)) if covered else None
    faces = _build_faces(model, s, pts, vertices, dim, normal, directions, later)
    norm = None
    if normal is not None:
        prim = primitive_vector(normal)
        if prim[0] != 0:
            norm = tuple(Fraction(x, prim[0]) for x in prim)
    return ParetoPolygon(
        model=model,
        s=s,
        source=source,
        covered=covered,
        points=tuple(pts),
        dimension=dim,
        vertices=tuple(vertices),
        normal=norm,  # type: ignore[arg-type]
        faces=tuple(faces),
        note=note,
    )


def _polytope(
    model: ModelSpec, s: int, pts: list[ParetoPoint], source: str, note: str | None
) -> ParetoPolygon:
    """A 3-dimensional hull (SYM odd ν): its vertices and facets, by exact brute force."""
    coords = list(dict.fromkeys(pt.coords for pt in pts))
    facets: dict[tuple[int, int, int], tuple[Any, frozenset]] = {}
    for a, b, c in combinations(coords, 3):
        nv = _cross(_sub(b, a), _sub(c, a))
        if _is_zero(nv):
            continue
        vals = [_dot(nv, x) for x in coords]
        top = _dot(nv, a)
        if all(v <= top for v in vals) or all(v >= top for v in vals):
            if not all(v <= top for v in vals):
                nv = _mul(-1, nv)
            prim = primitive_vector(nv)
            on = frozenset(x for x in coords if _dot(prim, x) == _dot(prim, a))
            facets[prim] = (_dot(prim, a), on)
    verts = sorted({x for _, on in facets.values() for x in on if _is_vertex(x, on)})
    by_coords = {pt.coords: pt for pt in pts}
    facet_list = []
    for prim, (_, on) in sorted(facets.items()):
        facet_list.append(
            {
                "normal": dict(zip(("alpha_p", "alpha_H", "alpha_sigma"), prim)),
                "growing_sizes": prim[0] > 0 and prim[1] > 0,
                "terms": [by_coords[x].to_dict() for x in sorted(on)],
            }
        )
    return ParetoPolygon(
        model=model,
        s=s,
        source=source,
        covered=False,
        points=tuple(pts),
        dimension=3,
        vertices=tuple(Vertex(by_coords[x], ()) for x in verts),
        normal=None,
        faces=(),
        facets=tuple(facet_list),
        note=note,
    )


def _is_vertex(x: Vec, on: frozenset) -> bool:
    """Whether ``x`` is a vertex of the planar convex set ``on`` (not between two others)."""
    pts = list(on)
    dim, _, normal = _affine_shape(pts)
    if dim < 2 or normal is None:
        if dim == 1:
            d = _sub(pts[1], pts[0]) if pts[1] != pts[0] else None
            if d is None:
                return True
            vals = [_dot(d, p) for p in pts]
            return _dot(d, x) in (min(vals), max(vals))
        return True
    return x in _hull_2d(pts, normal)


_SYM_ODD_NOTE = (
    "Theorem 4.1 does not cover SYM with odd ν; this front is computed from the engine's exact "
    "series and carries no paper labels or regime table."
)


def pareto_polygon(model: ModelSpec, s: int, series_poly: object | None = None) -> ParetoPolygon:
    """The Pareto polygon of ``Y_s`` with the paper's labels and every face's table columns.

    Parameters
    ----------
    model : the model (identity or zero target).
    s : the order.
    series_poly : ``Y_s`` as a :class:`diagrams.Poly` or mapping.  Required for SYM odd ν
        (Theorem 4.1 does not cover it; the front is read off it).  For the other models the
        polygon comes from Theorem 4.1 and, if given, ``Y_s``'s Pareto front must equal it.

    Notes
    -----
    Columns are derived, not typed in:

    * scaling condition — equalities ``m(x_j − x_i) ≍ 1`` along the face and strict
      ``m(x_face − x_neighbour) → ∞`` towards the adjacent vertices (``m(x) = p^{x_1} H^{x_2}
      σ^{x_3}``): exactly the ``α`` whose leading terms are the face's points;
    * natural ``T`` — "balancing the base of power s": ``T = m((x_V(s+2) − x_V(s))/2)`` for a
      vertex ``V`` of the face, so ``Y_s/T^s`` stays of order one along the face;
    * parameterisation, learning, interpretation — see ``_parameterisation``, ``_learning`` and
      ``_interpretation``.

    >>> poly = pareto_polygon(ModelSpec(2, "asym", "identity"), 4)
    >>> [v.name for v in poly.vertices], poly.face("B-C").interpretation
    (['A', 'B', 'C', 'D', 'E'], 'NTK')
    """
    if isinstance(s, bool) or not isinstance(s, int) or s < 0:
        raise SpecError("s", f"must be an integer >= 0, got {s!r}")
    if not covered_by_theorem41(model):
        if series_poly is None:
            from diagrams.series import series

            series_poly = series(model, s).coefficients[s]
        return computed_polygon(model, s, series_poly)
    if series_poly is not None:
        got = [pt.term for pt in points_of_front(model, s, series_poly)]
        if got != theorem41_terms(model, s):
            raise AssertionError(f"Y_{s}'s Pareto front {got} differs from Theorem 4.1")
    return _theorem41_polygon(model, s)


@lru_cache(maxsize=256)
def _theorem41_polygon(model: ModelSpec, s: int) -> ParetoPolygon:
    return _polygon_from_points(model, s, theorem41_points(model, s), "theorem41", None)


def computed_polygon(model: ModelSpec, s: int, series_poly: object) -> ParetoPolygon:
    """The hull of the Pareto front read off a computed ``Y_s`` (no Theorem 4.1 involved).

    For the models Theorem 4.1 covers this reproduces :func:`pareto_polygon` (a test checks
    it); for SYM odd ν it is the only way, and the result says so in ``note``.
    """
    pts = points_of_front(model, s, series_poly)
    if not pts:
        raise SpecError("series_poly", f"Y_{s} is zero")
    covered = covered_by_theorem41(model)
    note = None if covered else _SYM_ODD_NOTE
    if not covered:
        return _unlabelled(model, s, pts, note)
    return _polygon_from_points(model, s, pts, "series", note)


def _unlabelled(model: ModelSpec, s: int, pts: list[ParetoPoint], note: str) -> ParetoPolygon:
    coords = list(dict.fromkeys(pt.coords for pt in pts))
    dim, directions, normal = _affine_shape(coords)
    if dim == 3:
        return _polytope(model, s, pts, "series", note)
    by_coords = {pt.coords: pt for pt in pts}
    if dim == 0:
        hull = coords[:1]
    elif dim == 1:
        d = directions[0]
        hull = [min(coords, key=lambda x: _dot(d, x)), max(coords, key=lambda x: _dot(d, x))]
    else:
        assert normal is not None
        hull = _hull_2d(coords, normal)
    vertices = [Vertex(by_coords[x], ()) for x in hull]
    faces = _build_faces(model, s, pts, vertices, dim, normal, directions, None)
    norm = None
    if normal is not None:
        prim = primitive_vector(normal)
        if prim[0] != 0:
            norm = tuple(Fraction(x, prim[0]) for x in prim)
    return ParetoPolygon(
        model=model,
        s=s,
        source="series",
        covered=False,
        points=tuple(pts),
        dimension=dim,
        vertices=tuple(vertices),
        normal=norm,  # type: ignore[arg-type]
        faces=tuple(faces),
        note=note,
    )
