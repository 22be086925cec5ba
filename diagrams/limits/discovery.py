"""Recurrence discovery: exact linear recurrences with polynomial coefficients from numbers.

Given an array of exact coefficients ``C_n`` (``n = (s, n_2, …)``, the first index the time
order ``s``, zero outside its support, complete for ``s ≤ s_max``), look for

.. math:: \\sum_{k \\in K} C_{n+k} P_k(n+k) = 0 \\quad \\forall n \\in \\mathbb Z^d

with ``K`` a box of non-positive shifts ``{−r..0}^d`` and ``deg P_k ≤ D``. The unknown
coefficients of the ``P_k`` solve a homogeneous linear system with one equation per point ``n``
(boundary points included — Theorem 6.1 needs the relation on all of ``Z^d``). The system is
solved exactly over ℚ (sympy ``DomainMatrix`` nullspace). The search runs through ``(r, D)`` in
increasing size and stops at the first non-trivial solution; it fits on orders ``s ≤ s_fit`` only
and then checks every solution on the orders ``s_fit < s ≤ s_max`` that were not used.

>>> from fractions import Fraction
>>> from math import factorial
>>> a = {(s,): Fraction(4**s * factorial(2*s), factorial(s)**2 * factorial(s)) for s in range(11)}
>>> res = find_recurrences(CoefficientArray(("s",), a, s_max=10), s_fit=8)
>>> res.recurrences[0].latex(), res.verified
('s^{2} C_{s} - 8 \\\\left(2 s - 1\\\\right) C_{s - 1} = 0', True)
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from itertools import combinations, product
from math import factorial
from typing import Any

from diagrams.errors import NotApplicable, SpecError
from diagrams.limits.recurrence import Index, Recurrence

__all__ = ["CoefficientArray", "Discovery", "find_recurrences", "monomials"]


@dataclass(frozen=True)
class CoefficientArray:
    """Exact coefficients ``C_n``, complete (zero where absent) for time index ``s ≤ s_max``.

    Attributes
    ----------
    indices : index names, the first one the time order.
    values : ``{index tuple: Fraction}``; absent entries with ``s ≤ s_max`` are 0.
    s_max : the highest complete order.
    symbol : LaTeX name of the array.
    """

    indices: tuple[str, ...]
    values: Mapping[Index, Fraction]
    s_max: int
    symbol: str = "C"

    def __post_init__(self) -> None:
        for key in self.values:
            if len(key) != len(self.indices):
                raise SpecError("values", f"index {key} does not match {self.indices}")
            if key[0] > self.s_max:
                raise SpecError("values", f"index {key} beyond s_max={self.s_max}")

    def __call__(self, index: Index) -> Fraction:
        if index[0] > self.s_max:
            raise KeyError(f"order {index[0]} beyond s_max={self.s_max}")
        return Fraction(self.values.get(tuple(index), 0))

    def support_box(self) -> list[tuple[int, int]]:
        keys = [k for k, v in self.values.items() if v]
        if not keys:
            raise NotApplicable("values", "the array is identically zero")
        return [
            (min(k[i] for k in keys), max(k[i] for k in keys)) for i in range(len(self.indices))
        ]

    def egf(self) -> CoefficientArray:
        """``C_n / s!`` — the exponential generating function's coefficients in the time index
        (the loss series ``Σ Y_s t^s/(T^s s!)`` is one)."""
        return CoefficientArray(
            self.indices,
            {k: Fraction(v) / factorial(k[0]) for k, v in self.values.items()},
            self.s_max,
            self.symbol,
        )

    def scaled(self, base: Fraction | int, weights: Index, symbol: str | None = None):
        """``base^{⟨weights, n⟩} C_n`` (e.g. the paper's ``(−2)^s`` normalisations)."""
        base = Fraction(base)
        return CoefficientArray(
            self.indices,
            {
                k: Fraction(v) * base ** sum(w * i for w, i in zip(weights, k))
                for k, v in self.values.items()
            },
            self.s_max,
            symbol or self.symbol,
        )

    def restricted(self, s_max: int) -> CoefficientArray:
        return CoefficientArray(
            self.indices,
            {k: v for k, v in self.values.items() if k[0] <= s_max},
            s_max,
            self.symbol,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "indices": list(self.indices),
            "symbol": self.symbol,
            "s_max": self.s_max,
            "values": [
                {"index": list(k), "value": _frac_str(Fraction(v))}
                for k, v in sorted(self.values.items())
                if v
            ],
        }


def _frac_str(v: Fraction) -> str:
    return str(v.numerator) if v.denominator == 1 else f"{v.numerator}/{v.denominator}"


def monomials(d: int, degree: int) -> list[tuple[int, ...]]:
    """Exponent tuples of total degree ≤ ``degree`` in ``d`` variables (graded lex order)."""
    out = [e for e in product(range(degree + 1), repeat=d) if sum(e) <= degree]
    return sorted(out, key=lambda e: (sum(e), tuple(-x for x in e)))


@dataclass
class Discovery:
    """The outcome of :func:`find_recurrences`.

    Attributes
    ----------
    recurrences : the minimal-support recurrences that move the time index (the ones Theorem 6.1
        turns into a PDE in the time variable); sparsest first, deterministic.
    structural : minimal-support recurrences in the other indices only (e.g. the Narayana
        recurrence in ``n``), found at the same ``(r, D)``; may be empty.
    shift_radius, degree : the ``(r, D)`` at which the search stopped.
    s_fit : orders used in the fit (``s ≤ s_fit``).
    checked_orders : orders not used in the fit, on which every reported recurrence was checked
        (all of them hold there: unverified candidates are discarded and logged in ``searched``).
    equations, unknowns : size of the linear system of the primary recurrence.
    searched : ``(r, D, support size, nullity, discarded)`` for every system solved.
    """

    array: CoefficientArray
    recurrences: list[Recurrence]
    structural: list[Recurrence]
    shift_radius: int
    degree: int
    s_fit: int
    checked_orders: list[int]
    equations: int
    unknowns: int
    searched: list[tuple[int, int, int, int, int]] = field(default_factory=list)

    @property
    def verified(self) -> bool:
        """True when at least one order beyond the fit was available for the check."""
        return bool(self.checked_orders)

    @property
    def primary(self) -> Recurrence:
        return self.recurrences[0]

    def to_dict(self) -> dict[str, Any]:
        return {
            "indices": list(self.array.indices),
            "symbol": self.array.symbol,
            "recurrences": [r.to_dict() for r in self.recurrences],
            "structural": [r.to_dict() for r in self.structural],
            "shift_radius": self.shift_radius,
            "degree": self.degree,
            "fit_orders": f"s <= {self.s_fit}",
            "checked_orders": self.checked_orders,
            "verified": self.verified,
            "equations": self.equations,
            "unknowns": self.unknowns,
            "searched": [
                {"radius": r, "degree": d, "support": k, "nullity": n, "discarded": x}
                for r, d, k, n, x in self.searched
            ],
        }


def _points(array: CoefficientArray, radius: int, s_top: int) -> Iterator[Index]:
    """Every ``n`` whose equation can involve a non-zero ``C_{n+k}``, ``k ∈ {−r..0}^d``, with all
    ``(n+k)_s ≤ s_top``."""
    box = array.support_box()
    ranges = [range(0, s_top + 1)]
    for lo, hi in box[1:]:
        ranges.append(range(lo, hi + radius + 1))
    yield from product(*ranges)


def _system(
    array: CoefficientArray, shifts: list[Index], degree: int, radius: int, s_top: int
) -> tuple[list[list[Fraction]], list[tuple[Index, tuple[int, ...]]]]:
    d = len(array.indices)
    monos = monomials(d, degree)
    columns = [(k, e) for k in shifts for e in monos]
    rows: list[list[Fraction]] = []
    for n in _points(array, radius, s_top):
        row: list[Fraction] = []
        nonzero = False
        for k, e in columns:
            point = tuple(a + b for a, b in zip(n, k))
            c = array(point) if point[0] >= 0 else Fraction(0)
            if c:
                val = c
                for coord, power in zip(point, e):
                    if power:
                        val *= coord**power
                row.append(val)
                nonzero = nonzero or bool(val)
            else:
                row.append(Fraction(0))
        if nonzero:
            rows.append(row)
    return rows, columns


def _nullspace(rows: list[list[Fraction]], ncols: int) -> list[list[Fraction]]:
    from sympy import QQ
    from sympy.polys.matrices import DomainMatrix

    if not rows:
        return [[Fraction(int(i == j)) for i in range(ncols)] for j in range(ncols)]
    mat = DomainMatrix(
        [[QQ(v.numerator, v.denominator) for v in row] for row in rows], (len(rows), ncols), QQ
    )
    null = mat.nullspace().to_Matrix()
    out = []
    for i in range(null.rows):
        out.append([Fraction(int(v.p), int(v.q)) for v in null.row(i)])
    return out


def _sparse_span(null: list[list[Fraction]]) -> list[list[Fraction]]:
    """The basis plus, for a nullspace of dimension ``k ≤ 3``, every vector of the span with
    ``k − 1`` chosen coordinates eliminated — the sparsest representatives are among them."""
    k = len(null)
    if k <= 1 or k > 3:
        return null
    ncols = len(null[0])
    support = [i for i in range(ncols) if any(v[i] for v in null)]
    out = list(null)
    for cols in combinations(support, k - 1):
        # solve Σ_j a_j null[j][c] = 0 for c in cols, a ≠ 0 (1-dim generically)
        rows = [[null[j][c] for j in range(k)] for c in cols]
        for a in _nullspace(rows, k):
            vec = [sum(a[j] * null[j][i] for j in range(k)) for i in range(ncols)]
            if any(vec):
                out.append(vec)
    return out


def _nonzeros(rec: Recurrence) -> int:
    return sum(len(rec.theorem_poly(k)) for k in rec.shifts)


def _to_recurrence(
    vec: list[Fraction], columns: list[tuple[Index, tuple[int, ...]]], array: CoefficientArray
) -> Recurrence:
    terms: dict[Index, dict[tuple[int, ...], Fraction]] = {}
    for (k, e), c in zip(columns, vec):
        if c:
            terms.setdefault(k, {})[e] = c
    # shift so that the largest time shift is 0 (a pure relabelling of n)
    top = max(k[0] for k in terms)
    tops = [max(k[i] for k in terms) for i in range(len(array.indices))]
    tops[0] = top
    shifted = {tuple(a - b for a, b in zip(k, tops)): p for k, p in terms.items()}
    return Recurrence(array.indices, shifted, array.symbol).normalized()


def _supports(d: int, radius: int, max_subsets_box: int = 8) -> Iterator[list[Index]]:
    """Shift sets inside ``{−r..0}^d`` by increasing size (all subsets of size ≥ 2 for small
    boxes; the whole box otherwise)."""
    box = sorted(product(range(-radius, 1), repeat=d), reverse=True)
    if len(box) > max_subsets_box:
        yield box
        return
    for size in range(2, len(box) + 1):
        for subset in combinations(box, size):
            yield list(subset)


def find_recurrences(
    array: CoefficientArray,
    *,
    s_fit: int | None = None,
    max_radius: int = 2,
    max_degree: int = 4,
    max_unknowns: int = 160,
) -> Discovery:
    """Search the smallest ``(r, D)`` with a verified recurrence (see module docstring).

    For each ``(r, D)`` (cheapest first) every shift set inside the box is tried by increasing
    size; each nullspace vector becomes a candidate, is checked on the orders not used in the fit
    and discarded if it fails. The search stops at the first ``(r, D)`` with a verified recurrence
    that moves the time index, and returns the minimal-support ones (plus minimal-support
    recurrences in the other indices found on the way).

    Parameters
    ----------
    array : the exact coefficients.
    s_fit : fit on ``s ≤ s_fit`` (default ``s_max − 1``), check on ``s_fit < s ≤ s_max``.
    max_radius, max_degree : search limits for the shift box and the polynomial degree.
    max_unknowns : skip systems with more unknowns.

    Raises
    ------
    NotApplicable
        When no verified recurrence exists within the limits.
    """
    s_fit = array.s_max - 1 if s_fit is None else s_fit
    if not 0 <= s_fit < array.s_max:
        raise SpecError("s_fit", f"must be in 0..{array.s_max - 1} (one order is kept to check)")
    fit = array.restricted(s_fit)
    value = _safe(array)
    d = len(array.indices)
    searched: list[tuple[int, int, int, int, int]] = []
    candidates = sorted(
        ((r, deg) for r in range(1, max_radius + 1) for deg in range(0, max_degree + 1)),
        key=lambda rd: ((rd[0] + 1) ** d * len(monomials(d, rd[1])), rd[0], rd[1]),
    )
    largest: tuple[int, int, int, int] | None = None  # (radius, degree, unknowns, equations)
    for radius, degree in candidates:
        check_points = [n for n in _points(array, radius, array.s_max) if n[0] > s_fit]
        timed: list[Recurrence] = []
        other: list[Recurrence] = []
        timed_size = other_size = None
        size_of_system = (0, 0)
        for shifts in _supports(d, radius):
            size = len(shifts)
            if timed_size is not None and size > timed_size and (other_size is not None or d == 1):
                break
            moves_time = len({k[0] for k in shifts}) > 1
            if moves_time and timed_size is not None and size > timed_size:
                continue
            if not moves_time and other_size is not None and size > other_size:
                continue
            rows, columns = _system(fit, shifts, degree, radius, s_fit)
            if len(columns) > max_unknowns or len(rows) < len(columns):
                continue
            if largest is None or len(columns) > largest[2]:
                largest = (radius, degree, len(columns), len(rows))
            null = _nullspace(rows, len(columns))
            discarded = 0
            for vec in _sparse_span(null):
                rec = _to_recurrence(vec, columns, array)
                if rec.violations(value, check_points):
                    discarded += 1
                    continue
                if len({k[0] for k in rec.shifts}) > 1:
                    if rec not in timed:
                        timed.append(rec)
                        timed_size = len(rec.shifts)
                        if size_of_system == (0, 0):
                            size_of_system = (len(rows), len(columns))
                elif rec not in other:
                    other.append(rec)
                    other_size = len(rec.shifts)
            if null:
                searched.append((radius, degree, size, len(null), discarded))
        if timed:
            if d > 1 and not other:
                other = _structural(fit, value, array, s_fit, max_radius, max_degree, max_unknowns)

            def order(r: Recurrence) -> tuple:
                return (len(r.shifts), r.degree(), _nonzeros(r), r.text())

            return Discovery(
                array=array,
                recurrences=sorted(timed, key=order),
                structural=sorted(other, key=order),
                shift_radius=radius,
                degree=degree,
                s_fit=s_fit,
                checked_orders=list(range(s_fit + 1, array.s_max + 1)),
                equations=size_of_system[0],
                unknowns=size_of_system[1],
                searched=searched,
            )
    tried = (
        "no system was determined by the data"
        if largest is None
        else f"largest determined system: shifts in {{-{largest[0]}..0}}^{d}, degree "
        f"{largest[1]}, {largest[2]} unknowns, {largest[3]} equations"
    )
    raise NotApplicable(
        "array",
        f"no linear recurrence with shifts in {{-{max_radius}..0}}^{d} and degree <= "
        f"{max_degree} fits orders s <= {s_fit} and holds through s = {array.s_max} ({tried})",
    )


def _structural(fit, value, array, s_fit, max_radius, max_degree, max_unknowns):
    """The minimal recurrences among the non-time indices only (shifts with time component 0),
    searched separately up to ``max_degree`` (e.g. the Narayana relation in ``n``)."""
    d = len(array.indices)
    for radius in range(1, max_radius + 1):
        for degree in range(0, max_degree + 1):
            check_points = [n for n in _points(array, radius, array.s_max) if n[0] > s_fit]
            found: list[Recurrence] = []
            for rest in _supports(d - 1, radius):
                shifts = [(0, *k) for k in rest]
                rows, columns = _system(fit, shifts, degree, radius, s_fit)
                if len(columns) > max_unknowns or len(rows) < len(columns):
                    continue
                for vec in _sparse_span(_nullspace(rows, len(columns))):
                    rec = _to_recurrence(vec, columns, array)
                    if not rec.violations(value, check_points) and rec not in found:
                        found.append(rec)
                if found:
                    return found
    return []


def _safe(array: CoefficientArray):
    """``C`` with zero padding at negative time (and KeyError beyond ``s_max``)."""

    def value(index: Index) -> Fraction:
        if index[0] < 0:
            return Fraction(0)
        return array(index)

    return value
