"""Pareto-optimal monomials of the loss coefficients ``Y_s`` and Theorem 4.1's prediction of them.

Section 4 ("Leading and Pareto-optimal terms"): a monomial ``c·p^q H^n σ^{2l}`` of ``Y_s`` is
*Pareto-optimal* if no other monomial of ``Y_s`` with the same ``l`` has ``(q', n') ≥ (q, n)``
componentwise with ``(q', n') ≠ (q, n)``.  Every monomial that is leading for some power-law
scaling ``p ≍ a^{α_p}, H ≍ a^{α_H}, σ ≍ a^{α_σ}`` with ``α_p, α_H > 0`` is Pareto-optimal.

Theorem 4.1 (``th:pareto_front``, identity target): the Pareto-optimal terms of ``Y_s`` are
``p^{Q(n, s_D)} H^n σ^{ν(s_D+1)+(ν−2)s}`` for ``0 ≤ s_D ≤ s+1`` and ``1 ≤ n ≤ s_D+1`` with

* SYM, even ν: ``Q = 1 + (ν−1)s_D − ν(n−1)/2`` — all of them occur;
* ASYM: ``Q = 1 + (ν−1)(s_D+1−n)`` — except a) odd ``s_R = s+1−s_D`` and
  b) ``(n, s_D) = (s+2, s+1)``.

Here ``s_D``/``s_R`` count the atoms ``D_{2ν}``/``R_ν`` merged into the diagram, and
``2l = 2νs_D + νs_R − 2s = ν(s_D+1) + (ν−2)s`` is its number of edges, so ``l`` fixes ``s_D``.

Zero target (free evolution, Section 7): the loss is ``½D_{2ν}`` alone, so every diagram of
``Y_s`` is a pure ``D``-merger, ``s_D = s+1``, ``s_R = 0``.  The appendix's proof covers this
case verbatim: its optimality bounds ``q ≤ Q(n, s_D)`` hold for every diagram, and its
realising constructions for ``s_D = s+1`` use no ``R_ν`` (SYM even ν: start from ``D_{2ν}``
with its two H-nodes kept apart and p-nodes paired, ``(n, q) = (2, ν/2)``, or joined,
``(1, ν)``, then apply the n-retaining / n-increasing steps; ASYM: the contracted ring
diagram for ``n ≤ s_D``).  Hence the Pareto terms are the ``s_D = s+1`` column alone:
``n = 1..s+2`` in SYM even ν and ``n = 1..s+1`` in ASYM (``n = s+2`` is exception b).

Coefficient signs (from the proof, "no cancellations"): every diagram with given
``(s, s_D, n)`` contributes with the sign of ``(−1)^{s_R}`` to ``E[(½D−R)^{⋆(s+1)}]``, so in
``Y_s = (−1)^s E[…]`` a Pareto coefficient has sign ``(−1)^{s+s_R} = (−1)^{s_D+1}``.

SYM with odd ν is not covered by the theorem ("analysed elsewhere"): its fronts must be
computed from the exact series (:func:`series_fronts`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from diagrams.errors import NotApplicable, SpecError
from diagrams.model import ModelSpec

Term = tuple[int, int, int]
"""``(q, n, l)``: the monomial ``p^q H^n (σ²)^l`` (the key format of :class:`diagrams.Poly`)."""

__all__ = [
    "ParetoPoint",
    "Term",
    "covered_by_theorem41",
    "edge_count",
    "pareto_front",
    "pareto_terms",
    "s_d_of",
    "series_fronts",
    "theorem41_points",
    "theorem41_q",
    "theorem41_terms",
]


def _items(poly: object) -> Iterable[tuple[Term, Any]]:
    """The ``((q, n, l), coeff)`` pairs of a :class:`diagrams.Poly` or any such mapping."""
    terms = getattr(poly, "terms", poly)
    if not isinstance(terms, Mapping):
        raise SpecError("poly", "must be a Poly or a mapping (q, n, l) -> coefficient")
    for key, coeff in terms.items():
        if not (isinstance(key, tuple) and len(key) == 3):
            raise SpecError("poly", f"key {key!r} is not a triple (q, n, l)")
        yield (int(key[0]), int(key[1]), int(key[2])), coeff


def pareto_front(poly: object) -> dict[Term, Any]:
    """The Pareto-optimal monomials of ``poly`` with their coefficients (Section 4).

    Zero coefficients are ignored.  Keys are sorted by ``(l, n, q)``.

    >>> pareto_front({(1, 1, 2): 1, (1, 2, 2): 1, (1, 3, 2): 1, (2, 1, 2): 1, (1, 1, 1): 1})
    {(1, 1, 1): 1, (2, 1, 2): 1, (1, 3, 2): 1}
    """
    by_l: dict[int, dict[tuple[int, int], Any]] = {}
    for (q, n, l), coeff in _items(poly):
        if coeff:
            by_l.setdefault(l, {})[(q, n)] = coeff
    front: dict[Term, Any] = {}
    for l in sorted(by_l):
        group = by_l[l]
        # sort by n descending, then q descending: a point is dominated iff some earlier point
        # (n' ≥ n) has q' ≥ q.
        best_q: int | None = None
        kept: list[tuple[int, int]] = []
        for q, n in sorted(group, key=lambda qn: (-qn[1], -qn[0])):
            if best_q is None or q > best_q:
                kept.append((q, n))
                best_q = q
        for q, n in sorted(kept, key=lambda qn: qn[1]):
            front[(q, n, l)] = group[(q, n)]
    return front


def pareto_terms(poly: object) -> list[Term]:
    """The Pareto-optimal monomials ``(q, n, l)`` of ``Y_s`` (Section 4), sorted by ``(l, n, q)``.

    Accepts a :class:`diagrams.Poly` or any mapping ``(q, n, l) -> coefficient``.

    The paper's example ``pHσ² + pH²σ⁴ + pH³σ⁴ + p²Hσ⁴``: all but ``pH²σ⁴`` are optimal.

    >>> pareto_terms({(1, 1, 1): 1, (1, 2, 2): 1, (1, 3, 2): 1, (2, 1, 2): 1})
    [(1, 1, 1), (2, 1, 2), (1, 3, 2)]
    """
    return list(pareto_front(poly))


@dataclass(frozen=True, order=True)
class ParetoPoint:
    """One Pareto-optimal monomial ``p^q H^n σ^{2l}`` of ``Y_s`` with its diagram counts.

    ``s_d``/``s_r`` are the numbers of ``D_{2ν}``/``R_ν`` atoms merged (``s_d + s_r = s+1``),
    read off ``l`` by :func:`s_d_of`.  ``sign`` is the sign of its coefficient in ``Y_s``
    (Theorem 4.1's proof: ``(−1)^{s_D+1}``), or ``None`` when not known.
    """

    l: int
    n: int
    q: int
    s: int
    s_d: int
    sign: int | None = None

    @property
    def s_r(self) -> int:
        return self.s + 1 - self.s_d

    @property
    def term(self) -> Term:
        return (self.q, self.n, self.l)

    @property
    def coords(self) -> tuple[int, int, int]:
        """``(q, n, 2l)``: the exponents of ``p``, ``H`` and ``σ`` (the paper's plot axes)."""
        return (self.q, self.n, 2 * self.l)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "p": self.q,
            "H": self.n,
            "sigma2": self.l,
            "s_D": self.s_d,
            "s_R": self.s_r,
        }
        if self.sign is not None:
            out["sign"] = self.sign
        return out


def edge_count(model: ModelSpec, s: int, s_d: int) -> int:
    """``2l = ν(s_D+1) + (ν−2)s``: the edges of a diagram in ``(½D−R)^{⋆(s+1)}`` (Section 4)."""
    return model.nu * (s_d + 1) + (model.nu - 2) * s


def s_d_of(model: ModelSpec, s: int, l: int) -> int:
    """Invert :func:`edge_count`: the number ``s_D`` of ``D_{2ν}`` atoms of a term ``σ^{2l}``.

    >>> s_d_of(ModelSpec(2, "asym", "identity"), 3, 5)
    4
    """
    num = 2 * l - model.nu - (model.nu - 2) * s
    if num % model.nu:
        raise ValueError(f"σ^{2 * l} is not an edge count of order s={s} for ν={model.nu}")
    return num // model.nu


def covered_by_theorem41(model: ModelSpec) -> bool:
    """Theorem 4.1 covers ASYM (any ν) and SYM with even ν; not SYM with odd ν."""
    return not (model.sym and model.nu % 2)


def _check_order(s: object, field: str = "s") -> int:
    if isinstance(s, bool) or not isinstance(s, int) or s < 0:
        raise SpecError(field, f"must be an integer >= 0, got {s!r}")
    return s


def theorem41_q(model: ModelSpec, n: int, s_d: int) -> int:
    """``Q(n, s_D)`` of Theorem 4.1: the power of ``p`` of the Pareto term with ``n`` H-classes."""
    if model.sym:
        return 1 + (model.nu - 1) * s_d - model.nu * (n - 1) // 2
    return 1 + (model.nu - 1) * (s_d + 1 - n)


def theorem41_points(model: ModelSpec, s: int) -> list[ParetoPoint]:
    """Theorem 4.1's Pareto-optimal terms of ``Y_s``, with ``s_D``, ``s_R`` and sign.

    For the zero target only the ``s_D = s+1`` column survives (see the module docstring).
    Sorted by ``(l, n)``.

    Raises
    ------
    NotApplicable
        For SYM with odd ν (field ``model.nu``): Theorem 4.1 does not cover it.

    >>> [pt.term for pt in theorem41_points(ModelSpec(2, "sym", "identity"), 0)]
    [(1, 1, 1), (2, 1, 2), (1, 2, 2)]
    """
    s = _check_order(s)
    if not covered_by_theorem41(model):
        raise NotApplicable("model.nu", "Theorem 4.1 does not cover SYM odd ν")
    lowest = s + 1 if model.target == "zero" else 0
    out = []
    for s_d in range(lowest, s + 2):
        s_r = s + 1 - s_d
        if not model.sym and s_r % 2:  # exception a): odd number of R_ν atoms
            continue
        l2 = edge_count(model, s, s_d)
        for n in range(1, s_d + 2):
            if not model.sym and (n, s_d) == (s + 2, s + 1):  # exception b)
                continue
            q = theorem41_q(model, n, s_d)
            sign = 1 if (s_d + 1) % 2 == 0 else -1
            out.append(ParetoPoint(l=l2 // 2, n=n, q=q, s=s, s_d=s_d, sign=sign))
    return sorted(out)


def theorem41_terms(model: ModelSpec, s: int) -> list[Term]:
    """Theorem 4.1's predicted Pareto-optimal monomials ``(q, n, l)`` of ``Y_s``.

    Same order as :func:`pareto_terms`, so the two lists can be compared directly.

    >>> theorem41_terms(ModelSpec(2, "asym", "identity"), 1)
    [(1, 1, 1), (3, 1, 3), (2, 2, 3)]
    """
    return [pt.term for pt in theorem41_points(model, s)]


def points_of_front(model: ModelSpec, s: int, poly: object) -> list[ParetoPoint]:
    """The Pareto-optimal terms of a computed ``Y_s`` as :class:`ParetoPoint` (with signs)."""
    out = []
    for (q, n, l), coeff in pareto_front(poly).items():
        sign = 1 if coeff > 0 else -1
        out.append(ParetoPoint(l=l, n=n, q=q, s=s, s_d=s_d_of(model, s, l), sign=sign))
    return sorted(out)


def series_fronts(
    model: ModelSpec,
    s_max: int,
    mode: str = "exact",
    progress: Callable[[float, str], None] | None = None,
) -> list[dict[Term, Fraction]]:
    """Pareto fronts (with coefficients) of the engine's ``Y_0..Y_{s_max}``.

    Computed from :func:`diagrams.series` — the only source for SYM with odd ν.
    """
    from diagrams.series import series

    result = series(model, s_max, mode=mode, progress=progress)
    return [pareto_front(poly) for poly in result.coefficients]
