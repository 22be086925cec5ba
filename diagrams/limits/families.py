"""Leading (Pareto-optimal) coefficients of the loss series, indexed as in Theorem 4.1.

Theorem 4.1 (`th:pareto_front`) labels the Pareto-optimal monomials ``p^q H^n σ^{2l}`` of
``Y_s`` by ``(s_D, n)`` with ``2l = ν(s_D + 1) + (ν − 2)s`` (the edge count) and ``q = Q(n, s_D)``.
This module turns a list of :class:`~diagrams.polynomial.Poly` into the exact array
``A[s, s_D, n]`` and cuts the one- and two-index families that the catalogue's recurrences live
on (vertices and edges of the Pareto polygon, Section 5).

The data come from the engine's leading-order mode ``series(model, s_max, mode="leading")``
(:func:`leading_series`); ``source="exact"`` instead filters the exact series with
:func:`pareto_filter` — the two must agree, which the tests check.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import Any

from diagrams.errors import NotApplicable, SpecError
from diagrams.limits.discovery import CoefficientArray
from diagrams.model import ModelSpec
from diagrams.polynomial import Poly

__all__ = [
    "LeadingData",
    "leading_series",
    "pareto_filter",
    "pareto_array",
    "family",
    "FAMILIES",
]

Key3 = tuple[int, int, int]


def pareto_filter(poly: Poly) -> Poly:
    """The Pareto-optimal terms: for each σ-power ``l``, the ``(q, n)`` not dominated by another
    monomial of ``poly`` with the same ``l`` (Section 4, "Leading and Pareto-optimal terms").

    >>> y = Poly({(1, 1, 1): 1, (1, 2, 2): 1, (1, 3, 2): 1, (2, 1, 2): 1})
    >>> sorted(pareto_filter(y).terms)
    [(1, 1, 1), (1, 3, 2), (2, 1, 2)]
    """
    keep: dict[tuple[int, int, int], Fraction] = {}
    for l, terms in poly.by_sigma_power().items():
        for (q, n), c in terms.items():
            dominated = any((q2 >= q and n2 >= n and (q2, n2) != (q, n)) for (q2, n2) in terms)
            if not dominated:
                keep[(q, n, l)] = c
    return Poly(keep)


@dataclass(frozen=True)
class LeadingData:
    """Leading coefficients ``Y_0..Y_{s_max}`` of one model and where they came from."""

    model: ModelSpec
    coefficients: tuple[Poly, ...]
    offset: Poly
    source: str

    @property
    def s_max(self) -> int:
        return len(self.coefficients) - 1

    def with_offset(self) -> list[Poly]:
        """``Y_0 + ½‖F‖², Y_1, …`` — the Taylor coefficients of ``E[L(t)]`` itself."""
        out = list(self.coefficients)
        out[0] = out[0] + self.offset
        return out


@lru_cache(maxsize=32)
def leading_series(model: ModelSpec, s_max: int, source: str = "auto") -> LeadingData:
    """Leading coefficients from the engine (memoised: the inputs are immutable).

    Parameters
    ----------
    source : ``"leading"`` — the engine's leading-order mode; ``"extreme"`` — only both ends of
        every level's front (:mod:`diagrams.leading_extremes`, polynomial in ``s`` for ASYM; the
        families A, B and B+C live there); ``"exact"`` — the exact series, Pareto-filtered
        here; ``"auto"`` — leading mode when the engine has it, else exact;
        ``"naive"`` — the independent reference oracle (:mod:`diagrams.reference.naive`),
        Pareto-filtered (small ``s`` only).
    """
    from diagrams import series
    from diagrams.series import loss_offset

    if source == "auto":
        try:
            return leading_series(model, s_max, "leading")
        except ImportError:
            return leading_series(model, s_max, "exact")
    if source in ("leading", "extreme"):
        res = series(model, s_max, mode=source)
        coeffs = tuple(res.coefficients)
    elif source == "exact":
        res = series(model, s_max, mode="exact")
        coeffs = tuple(pareto_filter(c) for c in res.coefficients)
    elif source == "naive":
        from diagrams.reference import naive_series

        coeffs = tuple(pareto_filter(Poly(c)) for c in naive_series(model, s_max))
    else:
        raise SpecError("source", "must be 'leading', 'extreme', 'exact' or 'naive'")
    return LeadingData(model, coeffs, loss_offset(model), source)


def s_d_of(model: ModelSpec, s: int, l: int) -> int | None:
    """``s_D`` from ``2l = ν(s_D + 1) + (ν − 2)s``; None when not an integer."""
    num = 2 * l - (model.nu - 2) * s
    if num % model.nu:
        return None
    return num // model.nu - 1


def pareto_array(data: LeadingData, include_offset: bool = True) -> dict[Key3, Fraction]:
    """``{(s, s_D, n): coefficient}`` of the leading monomials (``q`` is dropped: it is fixed by
    ``(s_D, n)`` in Theorem 4.1; a clash raises). With ``include_offset`` the ``½‖F‖²`` term sits
    at ``(0, −1, 0)`` (it continues the vertex C family ``(s, s−1, s)`` of ASYM to ``s = 0``)."""
    out: dict[Key3, Fraction] = {}
    seen_q: dict[Key3, int] = {}
    polys = data.with_offset() if include_offset else list(data.coefficients)
    for s, poly in enumerate(polys):
        for (q, n, l), c in poly.items():
            s_d = s_d_of(data.model, s, l)
            if s_d is None:
                raise NotApplicable("series", f"σ-power {l} at s={s} fits no s_D")
            key = (s, s_d, n)
            if key in seen_q and seen_q[key] != q:
                raise NotApplicable(
                    "series", f"two leading p-powers at (s, s_D, n) = {key}: not a Pareto front"
                )
            seen_q[key] = q
            out[key] = c
    return out


def p_power(data: LeadingData) -> dict[Key3, int]:
    """``{(s, s_D, n): q}`` — the p-power of each leading monomial (to compare with Q(n, s_D))."""
    out = {}
    polys = data.with_offset()
    for s, poly in enumerate(polys):
        for (q, n, l), _ in poly.items():
            s_d = s_d_of(data.model, s, l)
            if s_d is not None:
                out[(s, s_d, n)] = q
    return out


Selector = Callable[[int, int, int], tuple[int, ...] | None]

FAMILIES: dict[str, tuple[tuple[str, ...], str, Callable[[ModelSpec], Selector]]] = {
    # name: (indices, description, selector factory)
    "A": (
        ("s",),
        "vertex A: s_D = s+1, n = 1 (flowers, free underparameterised)",
        lambda m: lambda s, sd, n: (s,) if (sd == s + 1 and n == 1) else None,
    ),
    "B": (
        ("s",),
        "vertex B: s_D = s+1, n maximal (free overparameterised)",
        lambda m: (
            lambda s, sd, n: (s,) if (sd == s + 1 and n == s + (1 if not m.sym else 2)) else None
        ),
    ),
    "C": (
        ("s",),
        "vertex C (ASYM): (n, s_D) = (s, s−1); s = 0 is the offset ½‖F‖²",
        lambda m: lambda s, sd, n: (s,) if (sd == s - 1 and n == s) else None,
    ),
    "A-B": (
        ("s", "n"),
        "edge A–B: s_D = s+1 (free evolution)",
        lambda m: lambda s, sd, n: (s, n) if sd == s + 1 else None,
    ),
    "E-A": (
        ("s", "s_D"),
        "edge E–A: n = 1 (underparameterised, with learning)",
        lambda m: lambda s, sd, n: (s, sd) if (n == 1 and sd >= 0) else None,
    ),
    "B-E": (
        ("s", "s_D"),
        "edge B–E (SYM even ν): n = s_D + 1",
        lambda m: lambda s, sd, n: (s, sd) if (n == sd + 1 and sd >= 0) else None,
    ),
    "C-D": (
        ("s", "s_D"),
        "edge C–D (ASYM): n = s_D + 1, q = 1",
        lambda m: lambda s, sd, n: (s, sd) if (n == sd + 1 and sd >= 0) else None,
    ),
    "polygon": (
        ("s", "s_D", "n"),
        "every Pareto-optimal term",
        lambda m: lambda s, sd, n: (s, sd, n) if sd >= 0 else None,
    ),
}


def family(
    data: LeadingData,
    name: str,
    *,
    egf: bool = False,
    include_offset: bool | None = None,
    symbol: str = "C",
) -> CoefficientArray:
    """The exact array of one family of leading coefficients (see :data:`FAMILIES`).

    Parameters
    ----------
    egf : divide by ``s!`` (the loss series is an exponential generating function in ``t``).
    include_offset : put ``½‖F‖²`` at ``s = 0`` (default: only for family ``"C"``).
    """
    if name not in FAMILIES:
        raise SpecError("family", f"must be one of {', '.join(FAMILIES)}")
    indices, _, factory = FAMILIES[name]
    select = factory(data.model)
    with_offset = (name == "C") if include_offset is None else include_offset
    values: dict[tuple[int, ...], Fraction] = {}
    for (s, sd, n), c in pareto_array(data, include_offset=with_offset).items():
        key = select(s, sd, n)
        if key is not None:
            values[key] = values.get(key, Fraction(0)) + c
    arr = CoefficientArray(indices, values, data.s_max, symbol)
    return arr.egf() if egf else arr


def describe(name: str) -> str:
    return FAMILIES[name][1]


def as_table(array: CoefficientArray, limit: int = 8) -> list[list[Any]]:
    """Rows ``[index…, value]`` for reports (values as exact strings)."""
    rows = []
    for k, v in sorted(array.values.items()):
        if v and k[0] <= limit:
            rows.append([*k, str(v)])
    return rows


def check_q(data: LeadingData, q_of: Callable[[int, int], int], families: Sequence[str] = ()):
    """Leading monomials whose p-power differs from ``q_of(n, s_D)`` (Theorem 4.1's Q)."""
    del families
    return [
        (key, q)
        for key, q in sorted(p_power(data).items())
        if key[1] >= 0 and q != q_of(key[2], key[1])
    ]
