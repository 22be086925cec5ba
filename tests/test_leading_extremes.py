"""Extreme Pareto terms (diagrams.leading_extremes): both ends of every level's front, by
branching processes polynomial in s — checked against the general sequential process and the
exact mode wherever those run, and against Theorem 4.1 and the free-evolution recurrences at
s = 25."""

from __future__ import annotations

from fractions import Fraction

import pytest

from diagrams import ModelSpec, series
from diagrams.cost import estimate_cost
from diagrams.errors import NotApplicable
from diagrams.leading import LeadingEngine, leading_series, pareto_terms
from diagrams.leading_extremes import extreme_series
from diagrams.pareto import theorem41_terms
from diagrams.polynomial import Poly
from diagrams.series import exact_coefficient


def ends(terms) -> set[tuple[int, int, int]]:
    """The monomials with the smallest and the largest n at every l."""
    by_l: dict[int, list[int]] = {}
    for _, n, l in terms:
        by_l.setdefault(l, []).append(n)
    return {(q, n, l) for q, n, l in terms if n in (min(by_l[l]), max(by_l[l]))}


def restrict(poly: Poly) -> Poly:
    keep = ends(poly.terms)
    return Poly({k: c for k, c in poly.terms.items() if k in keep})


AGAINST_SEQUENTIAL = [
    (ModelSpec(2, "asym", "identity"), 8),
    (ModelSpec(2, "asym", "zero"), 9),
    (ModelSpec(3, "asym", "identity"), 5),
    (ModelSpec(3, "asym", "zero"), 5),
    (ModelSpec(4, "asym", "identity"), 4),
    (ModelSpec(4, "asym", "zero"), 4),
]


@pytest.mark.slow
@pytest.mark.parametrize(
    "model, s_max", AGAINST_SEQUENTIAL, ids=[str(m) for m, _ in AGAINST_SEQUENTIAL]
)
def test_extreme_terms_equal_the_ends_of_the_sequential_process(model, s_max):
    """Every extreme term, coefficient included, equals the end of the front that the general
    process (which assumes none of the structure) computes — in both directions."""
    engine = LeadingEngine(model)
    engine.run(s_max)
    fast = extreme_series(model, s_max)
    for s in range(s_max + 1):
        assert fast[s] == restrict(engine.results[s]), (model, s)


@pytest.mark.parametrize(
    "model, s_max",
    [(ModelSpec(3, "asym", "identity"), 3), (ModelSpec(2, "asym", "zero"), 5)],
    ids=str,
)
def test_extreme_terms_equal_the_ends_of_the_exact_front(model, s_max):
    fast = extreme_series(model, s_max)
    for s in range(s_max + 1):
        assert fast[s] == restrict(pareto_terms(exact_coefficient(model, s))), s


@pytest.mark.parametrize("nu", [2, 3, 4])
@pytest.mark.parametrize("target", ["identity", "zero"])
def test_extreme_terms_at_s_25_are_the_ends_of_theorem_4_1(nu, target):
    """Exactly the ends of Theorem 4.1's predicted front (with the ASYM exceptions), every
    coefficient with the sign (−1)^{s_D+1}."""
    model = ModelSpec(nu, "asym", target)
    ys = extreme_series(model, 25)
    for s in (0, 1, 2, 7, 24, 25):
        assert set(ys[s].terms) == ends(theorem41_terms(model, s)), s
        for (_, _, l), coeff in ys[s].terms.items():
            s_d = (2 * l - (nu - 2) * s) // nu - 1
            assert (coeff > 0) == (s_d % 2 == 1), (s, l)


@pytest.mark.parametrize("nu", [2, 3, 4])
def test_free_extremes_follow_the_flower_and_overparameterised_laws(nu):
    """Appendix "Free evolutions": n = 1 (flowers) F_s = 4(1+(ν−1)s) F_{s−1}; the largest n,
    s + 1, has (4ν)^s — with (−1)^s 2^{s+1} Y_s the counts."""
    ys = extreme_series(ModelSpec(nu, "asym", "zero"), 25)
    flower = Fraction(1)
    for s, y in enumerate(ys):
        if s:
            flower *= 4 * (1 + (nu - 1) * s)
        by_n = {n: c * (-1) ** s * 2 ** (s + 1) for (_, n, _), c in y.terms.items()}
        assert by_n[1] == flower
        if s:
            assert by_n[s + 1] == (4 * nu) ** s and set(by_n) == {1, s + 1}


def test_identity_target_n1_column_starts_like_the_exact_series():
    """The n = 1 column of the identity target involves R atoms (vectors with all colours): its
    s_D = 0 terms are −E[R_ν^{⋆(s+1)}]'s, e.g. ASYM ν=2: Y_1 ∋ +pHσ² (R⋆R)."""
    y1 = extreme_series(ModelSpec(2, "asym", "identity"), 1)[1]
    assert (
        y1.terms[(1, 1, 1)]
        == pareto_terms(exact_coefficient(ModelSpec(2, "asym", "identity"), 1)).terms[(1, 1, 1)]
    )


@pytest.mark.parametrize("nu", [2, 4])
def test_sym_extremes_are_the_ends_of_the_structural_front(nu):
    model = ModelSpec(nu, "sym", "identity")
    full = leading_series(model, 12)
    for s, y in enumerate(extreme_series(model, 12)):
        assert y == restrict(full[s])


def test_series_extreme_mode_and_its_estimate():
    model = ModelSpec(3, "asym", "identity")
    res = series(model, 25, mode="extreme")
    assert res.mode == "extreme" and len(res.coefficients) == 26
    assert res.offset.terms == {(1, 0, 0): Fraction(1, 2)}
    assert res.to_dict()["mode"] == "extreme"
    assert estimate_cost(model, 25, "extreme").seconds < 5
    assert estimate_cost(model, 60, "extreme").seconds > estimate_cost(model, 25, "extreme").seconds
    with pytest.raises(NotApplicable):
        series(ModelSpec(3, "sym", "identity"), 2, mode="extreme")


@pytest.mark.parametrize("nu", [2, 3, 4])
def test_ntk_vertices_are_extreme_terms_to_s_25(nu):
    """Vertices B and C of the ASYM polygon, ½(p + Hp^νσ^{2ν}) e^{−2νHσ^{2(ν−1)}t/T} (the NTK
    regime, diagrams.limits.taylor.ntk — computed from the closed form, not the engine), are
    terms of the n = s_D + 1 column and the corner, coefficient for coefficient."""
    from diagrams.limits import taylor

    model = ModelSpec(nu, "asym", "identity")
    closed = taylor.ntk(model, 25)
    ys = extreme_series(model, 25)
    for s in range(26):
        for term, coeff in closed[s].terms.items():
            assert ys[s].terms[term] == coeff, (s, term)
