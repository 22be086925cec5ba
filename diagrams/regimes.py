"""Learning regimes: which face of the Pareto polygon a scaling or a concrete model selects.

Section 5 and appendix "Extreme regimes": under ``p ≍ a^{α_p}, H ≍ a^{α_H}, σ ≍ a^{α_σ}``
the leading monomials of every ``Y_s`` are the Pareto points maximising
``α_p q + α_H n + 2α_σ l``; they fill one face of the Pareto polygon, and that face is the
*extreme learning regime* (the rows of tables ``tab:extremal_simplices_asym`` and
``tab:extremal_simplices_both``).  The regime table is read off the polygon of the generic
order :func:`diagrams.polygon.generic_order` (the first order at which every paper letter
sits on its own vertex; all larger orders have the same normal fan), so nothing in it is
typed in.  Ties are decided in exact rational arithmetic.

A concrete model ``(p, H, σ²)`` is placed by :func:`classify_params`, see there.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from diagrams.errors import NotApplicable, SpecError
from diagrams.model import ModelSpec
from diagrams.pareto import ParetoPoint, covered_by_theorem41, theorem41_points
from diagrams.polygon import (
    Condition,
    Face,
    ParetoPolygon,
    format_monomial,
    generic_order,
    pareto_polygon,
    primitive_vector,
)

__all__ = [
    "DEFAULT_ORDERS",
    "DEFAULT_TOLERANCE",
    "Regime",
    "classify_params",
    "classify_scaling",
    "parse_exact",
    "pareto_summary",
    "regime_table",
]

DEFAULT_ORDERS = tuple(range(0, 7))
"""Orders ``s`` for which a classification lists the leading terms."""

DEFAULT_TOLERANCE = Fraction(1, 4)
"""``τ`` of :func:`classify_params`: a monomial within ``a^{±τ}`` of 1 counts as ``≍ 1``."""

_DECIMAL = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,3})?")
_RATIO = re.compile(r"[+-]?\d{1,60}/\d{1,60}")


def parse_exact(value: object, field: str) -> Fraction:
    """An exact rational from an int, a float (its shortest decimal form), a ``Fraction``,
    or a string ``"3"``, ``"-1/2"``, ``"0.25"``, ``"1e-3"`` — parsed by regular expression,
    never evaluated.

    >>> parse_exact("-1/2", "scaling.alpha_sigma"), parse_exact(0.1, "x")
    (Fraction(-1, 2), Fraction(1, 10))
    """
    if isinstance(value, bool):
        raise SpecError(field, "must be a number or an exact fraction string like '-1/2'")
    if isinstance(value, int | Fraction):
        return Fraction(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise SpecError(field, "must be finite")
        return Fraction(repr(value))
    if isinstance(value, str) and len(value) <= 128:
        text = value.strip()
        if _RATIO.fullmatch(text):
            num, den = text.split("/")
            if int(den) == 0:
                raise SpecError(field, "division by zero")
            return Fraction(int(num), int(den))
        if _DECIMAL.fullmatch(text):
            return Fraction(text)
    raise SpecError(field, f"{value!r} is not a number or an exact fraction like '-1/2'")


def _require_covered(model: ModelSpec) -> None:
    if not covered_by_theorem41(model):
        raise NotApplicable(
            "model.nu",
            "Theorem 4.1 does not cover SYM odd ν, so there is no polygon with the paper's "
            "regimes; use the computed Pareto fronts instead",
        )


def regime_table(model: ModelSpec) -> list[Face]:
    """Every face of the generic Pareto polygon with its derived table columns.

    Order: A, A-B, B, B-C, C, …, E-A, then the whole polygon.

    >>> table = regime_table(ModelSpec(2, "sym", "identity"))
    >>> [(f.name, f.interpretation) for f in table][3:6]
    [('B-E', 'Mean-field'), ('E', None), ('E-A', None)]
    """
    _require_covered(model)
    return list(pareto_polygon(model, generic_order(model)).faces)


@dataclass(frozen=True)
class LeadingAtOrder:
    """The leading monomials of ``Y_s`` in a regime, and the face of that order's polygon."""

    s: int
    face: str
    points: tuple[ParetoPoint, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"s": self.s, "face": self.face, "terms": [pt.to_dict() for pt in self.points]}


@dataclass(frozen=True)
class Regime:
    """The result of a classification (:func:`classify_scaling` / :func:`classify_params`).

    ``face`` is the generic face (with the table columns); ``leading`` lists, per order, the
    leading Pareto monomials of ``Y_s`` and the face of that order's polygon they fill (at
    low or odd orders letters may coincide, e.g. ``D=E``).  ``decisions`` (concrete models
    only) records how each edge condition of the polygon was decided.
    """

    model: ModelSpec
    face: Face
    generic_order: int
    leading: tuple[LeadingAtOrder, ...]
    scaling: tuple[Fraction, Fraction, Fraction] | None = None
    params: dict[str, Fraction] | None = None
    tolerance: Fraction | None = None
    alpha_estimate: tuple[float, float, float] | None = None
    natural_t_value: float | None = None
    decisions: tuple[dict[str, Any], ...] = ()

    @property
    def name(self) -> str:
        return self.face.name

    def to_dict(self) -> dict[str, Any]:
        face = self.face.to_dict()
        out: dict[str, Any] = {
            "model": self.model.to_dict(),
            "face": face["name"],
            "vertices": face["labels"],
            "dimension": face["dimension"],
            "interpretation": face["interpretation"],
            "natural_T": face["natural_T"],
            "natural_T_equivalents": face["natural_T_equivalents"],
            "parameterisation": face["parameterisation"],
            "learning": face["learning"],
            "scaling_condition": face["scaling_condition"],
            "scaling_condition_text": face["scaling_condition_text"],
            "leading_terms": [x.to_dict() for x in self.leading],
            "generic_order": self.generic_order,
        }
        if self.scaling is not None:
            out["scaling"] = dict(
                zip(("alpha_p", "alpha_H", "alpha_sigma"), (_text(a) for a in self.scaling))
            )
        if self.params is not None:
            out["params"] = {k: _text(v) for k, v in self.params.items()}
            out["tolerance"] = _text(self.tolerance) if self.tolerance is not None else None
            out["alpha_estimate"] = (
                None
                if self.alpha_estimate is None
                else dict(zip(("alpha_p", "alpha_H", "alpha_sigma"), self.alpha_estimate))
            )
            out["natural_T_value"] = self.natural_t_value
            out["decisions"] = list(self.decisions)
        return out


def _text(x: Fraction | None) -> str | None:
    if x is None:
        return None
    return str(x.numerator) if x.denominator == 1 else f"{x.numerator}/{x.denominator}"


def _dot(a: Any, b: Any) -> Any:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def _leading(model: ModelSpec, alpha: Any, orders: Any) -> tuple[LeadingAtOrder, ...]:
    out = []
    for s in orders:
        if isinstance(s, bool) or not isinstance(s, int) or s < 0:
            raise SpecError("orders", f"must be integers >= 0, got {s!r}")
        pts = theorem41_points(model, s)
        values = [_dot(alpha, pt.coords) for pt in pts]
        best = max(values)
        lead = tuple(pt for pt, v in zip(pts, values) if v == best)
        poly = pareto_polygon(model, s)
        terms = {pt.term for pt in lead}
        name = next(f.name for f in poly.faces if {pt.term for pt in f.points} == terms)
        out.append(LeadingAtOrder(s, name, lead))
    return tuple(out)


def _face_by_vertices(poly: ParetoPolygon, names: set[str]) -> Face:
    for f in poly.faces:
        if set(f.vertices) == names:
            return f
    raise AssertionError(f"no face with vertices {sorted(names)}")  # pragma: no cover


def classify_scaling(
    model: ModelSpec,
    alpha_p: object,
    alpha_H: object,
    alpha_sigma: object,
    orders: Any = DEFAULT_ORDERS,
) -> Regime:
    """The extreme regime of the power-law scaling ``p ≍ a^{α_p}, H ≍ a^{α_H}, σ ≍ a^{α_σ}``.

    The face is the set of vertices of the generic polygon maximising ``α·(q, n, 2l)``,
    compared exactly (``α`` may be given as ints, Fractions, floats read as their shortest
    decimal, or strings like ``"-1/2"``).  ``α_p`` and ``α_H`` must be positive (growing
    sizes, Section 4).

    >>> r = classify_scaling(ModelSpec(2, "asym", "identity"), 1, 2, "-3/4")  # σ² ≍ 1/√(pH)
    >>> r.name, r.face.interpretation, format_monomial(r.face.natural_t)
    ('B-C', 'NTK', 'H σ^2')
    """
    _require_covered(model)
    alpha = (
        parse_exact(alpha_p, "scaling.alpha_p"),
        parse_exact(alpha_H, "scaling.alpha_H"),
        parse_exact(alpha_sigma, "scaling.alpha_sigma"),
    )
    for name, value in zip(("alpha_p", "alpha_H"), alpha[:2]):
        if value <= 0:
            raise SpecError(f"scaling.{name}", "must be > 0 (p and H grow, Section 4)")
    s_ref = generic_order(model)
    poly = pareto_polygon(model, s_ref)
    values = [_dot(alpha, v.point.coords) for v in poly.vertices]
    best = max(values)
    names = {v.name for v, val in zip(poly.vertices, values) if val == best}
    face = _face_by_vertices(poly, names)
    return Regime(
        model=model,
        face=face,
        generic_order=s_ref,
        leading=_leading(model, alpha, orders),
        scaling=alpha,  # type: ignore[arg-type]
    )


def _squared_monomial(direction: tuple[int, int, int], p: Fraction, H: Fraction, s2: Fraction):
    """``m(d)² = p^{2d_p} H^{2d_H} (σ²)^{d_σ}`` exactly (``σ`` itself may be irrational)."""
    return p ** (2 * direction[0]) * H ** (2 * direction[1]) * s2 ** direction[2]


def _log(x: Fraction) -> float:
    """``log x`` for a positive rational of any size (no float overflow)."""
    return math.log(x.numerator) - math.log(x.denominator)


def _abs_log_at_most(m2: Fraction, a: Fraction, tau: Fraction) -> bool:
    """``|log m| ≤ τ log a`` for ``m = √m2``, i.e. ``m2^{±den} ≤ a^{2·num}`` — exact, with a
    float shortcut away from the boundary."""
    lhs = abs(_log(m2))
    rhs = 2 * float(tau) * _log(a)
    if abs(lhs - rhs) > 1e-9 * max(1.0, rhs):
        return lhs < rhs
    big = m2 if m2 >= 1 else 1 / m2
    return big**tau.denominator <= a ** (2 * tau.numerator)


def classify_params(
    model: ModelSpec,
    p: object,
    H: object,
    sigma2: object,
    tolerance: object = DEFAULT_TOLERANCE,
    orders: Any = DEFAULT_ORDERS,
) -> Regime:
    """The regime of a concrete model ``(p, H, σ²)``.

    A single model has no limit, so it is read as one member of a power-law family with
    large parameter ``a = max(p, H)``: its exponents are ``α = (log p, log H, ½ log σ²)/log a``
    (reported as ``alpha_estimate``).  Each edge of the generic polygon, from vertex ``V`` to
    ``W``, gives the monomial ``m = p^{d_p} H^{d_H} σ^{d_σ}`` with ``d`` the primitive vector of
    ``W − V``; it is decided as

    * ``≍ 1`` if ``a^{−τ} ≤ m ≤ a^{τ}`` (``τ = tolerance``, default 1/4),
    * ``→ ∞`` (``W`` leads ``V``) if ``m > a^{τ}``, ``→ 0`` if ``m < a^{−τ}``,

    in exact arithmetic (``σ`` enters squared).  The regime is the face whose defining
    conditions (``≍`` inside it, the right direction on the two edges leaving it) are all met,
    preferring the face with the most ``≍`` conditions (a tie within tolerance is a tie), then
    the one whose ``≍`` monomials are closest to 1.  With ``tolerance = 0`` this is exactly
    :func:`classify_scaling` at ``α`` above.

    >>> classify_params(ModelSpec(2, "asym", "identity"), 100, 10**4, "1/10000").name  # Hσ²=1
    'C-D'
    """
    _require_covered(model)
    pv = parse_exact(p, "params.p")
    hv = parse_exact(H, "params.H")
    s2 = parse_exact(sigma2, "params.sigma2")
    tau = parse_exact(tolerance, "tolerance")
    for name, value in (("p", pv), ("H", hv)):
        if value < 1:
            raise SpecError(f"params.{name}", "must be >= 1")
    if s2 <= 0:
        raise SpecError("params.sigma2", "must be > 0")
    if not 0 <= tau < 1 or tau.denominator > 1000:
        raise SpecError("tolerance", "must be a rational in [0, 1) with denominator <= 1000")
    a = max(pv, hv)
    if a <= 1:
        raise SpecError("params", "p or H must exceed 1 (a = max(p, H) is the large parameter)")
    log_a = _log(a)
    alpha_est = (_log(pv) / log_a, _log(hv) / log_a, 0.5 * _log(s2) / log_a)
    s_ref = generic_order(model)
    poly = pareto_polygon(model, s_ref)
    xs = [v.point.coords for v in poly.vertices]
    k = len(xs)
    n_edges = 0 if k == 1 else (1 if k == 2 else k)
    signs: list[int] = []
    sizes: list[Fraction] = []
    decisions = []
    for i in range(n_edges):
        v, w = xs[i], xs[(i + 1) % k]
        raw = (w[0] - v[0], w[1] - v[1], w[2] - v[2])
        m2 = _squared_monomial(primitive_vector(raw), pv, hv, s2)  # m(W − V)²
        sign = 0 if _abs_log_at_most(m2, a, tau) else (1 if m2 > 1 else -1)
        signs.append(sign)
        sizes.append(m2 if m2 >= 1 else 1 / m2)
        if sign == 0:
            cond = Condition.make(raw, "asymp")
        else:
            cond = Condition.make(raw if sign > 0 else tuple(-x for x in raw), "infinity")
        log_m = 0.5 * _log(_squared_monomial(cond.exponents, pv, hv, s2))
        decisions.append(
            {
                "edge": f"{poly.vertices[i].name}-{poly.vertices[(i + 1) % k].name}",
                "condition": cond.text,
                "monomial": format_monomial(cond.exponents),
                "value": math.exp(log_m) if abs(log_m) < 700 else None,
                "log_ratio": log_m / log_a,
            }
        )
    face = _pick_face(poly, signs, sizes)
    nat = None
    if face.natural_t is not None:
        t_exp = face.natural_t
        log_t = (
            float(t_exp[0]) * _log(pv)
            + float(t_exp[1]) * _log(hv)
            + float(t_exp[2]) * 0.5 * _log(s2)
        )
        nat = math.exp(log_t) if abs(log_t) < 700 else None
    alpha_for_leading = _face_alpha(face)
    return Regime(
        model=model,
        face=face,
        generic_order=s_ref,
        leading=_leading(model, alpha_for_leading, orders),
        params={"p": pv, "H": hv, "sigma2": s2},
        tolerance=tau,
        alpha_estimate=alpha_est,
        natural_t_value=nat,
        decisions=tuple(decisions),
    )


def _face_alpha(face: Face) -> tuple[Fraction, Fraction, Fraction]:
    if face.witness is None:  # pragma: no cover - every generic face has a witness
        raise AssertionError(f"face {face.name} has no witness scaling")
    return face.witness  # type: ignore[return-value]


def _pick_face(poly: ParetoPolygon, signs: list[int], sizes: list[Fraction]) -> Face:
    """The face whose conditions the decided edge signs meet (see :func:`classify_params`).

    ``signs[i]`` is the sign of ``α·(x_{i+1} − x_i)`` along the cycle (0 within tolerance).
    """
    k = len(poly.vertices)
    names = [v.name for v in poly.vertices]
    if k == 1:
        return poly.faces[0]
    candidates: list[tuple[int, Fraction, int, Face]] = []
    for order, f in enumerate(poly.faces):
        idx = sorted(names.index(n) for n in f.vertices)
        if k == 2:
            c = signs[0]  # sign of α·(B − A) on the segment
            internal = [0] if len(idx) == 2 else []
            ok = c == 0 if len(idx) == 2 else (c <= 0 if idx == [0] else c >= 0)
        elif len(idx) == k:
            internal = list(range(k))
            ok = all(c == 0 for c in signs)
        else:
            # the face's vertices are consecutive along the cycle: find its first one
            first = next(i for i in idx if (i - 1) % k not in idx)
            last = (first + len(idx) - 1) % k
            internal = [(first + j) % k for j in range(len(idx) - 1)]
            ok = (
                all(signs[e] == 0 for e in internal)
                and signs[(first - 1) % k] >= 0
                and signs[last] <= 0
            )
        if ok:
            closeness = max((sizes[e] for e in internal), default=Fraction(1))
            candidates.append((-len(internal), closeness, order, f))
    if not candidates:  # pragma: no cover - the exact face always qualifies
        raise AssertionError(f"no face matches the edge signs {signs}")
    return min(candidates, key=lambda c: (c[0], c[1], c[2]))[3]


def pareto_summary(
    model: ModelSpec,
    s_min: int,
    s_max: int,
    verify: bool = False,
    progress: Any = None,
) -> dict[str, Any]:
    """Pareto polygons for ``s = s_min..s_max`` and the regime table, as one JSON-ready dict.

    Models covered by Theorem 4.1 take their polygons from the theorem (``verify=True`` also
    computes the engine's exact ``Y_s`` and checks every front against it).  SYM with odd ν is
    not covered: its fronts are read off the engine's exact series, the regime table is empty
    and ``note`` says why.  ``progress(fraction, message)`` is passed to the engine.
    """
    for name, value in (("s_min", s_min), ("s_max", s_max)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise SpecError(name, f"must be an integer >= 0, got {value!r}")
    if s_min > s_max:
        raise SpecError("s_min", "must be <= s_max")
    covered = covered_by_theorem41(model)
    ys = None
    if verify or not covered:
        from diagrams.series import series

        ys = series(model, s_max, progress=progress).coefficients
    polygons = []
    for s in range(s_min, s_max + 1):
        poly = pareto_polygon(model, s, None if ys is None else ys[s])
        polygons.append(poly.to_dict())
    out: dict[str, Any] = {
        "model": model.to_dict(),
        "theorem41_applies": covered,
        "verified_against_series": ys is not None and covered,
        "note": None
        if covered
        else (
            "Theorem 4.1 does not cover SYM with odd ν: the fronts below are computed from "
            "the engine's exact series; the paper gives no polygon labels or regimes for it."
        ),
        "polygons": polygons,
        "generic_order": generic_order(model) if covered else None,
        "regimes": [f.to_dict() for f in regime_table(model)] if covered else [],
    }
    return out
