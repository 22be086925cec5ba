"""Recurrence discovery by exact rational linear algebra, on arrays with known recurrences
(generated here from the paper's recurrences and from closed forms) and on arrays without."""

from __future__ import annotations

import random
from fractions import Fraction
from math import comb, factorial

import pytest

from diagrams.errors import NotApplicable, SpecError
from diagrams.limits import CoefficientArray, Recurrence, find_recurrences
from diagrams.limits.derivations import generate
from diagrams.limits.taylor import narayana, narayana_M


def test_rediscovers_the_free_flower_recurrence_from_its_numbers():
    """sC_s = 4(1+(ν−1)s)C_{s−1}, rediscovered from the product formula for C_s."""
    for nu in (2, 3, 4):
        values = {}
        for s in range(8):
            prod = Fraction(1)
            for j in range(1, s + 1):
                prod *= 4 * (1 + (nu - 1) * j)
            values[(s,)] = prod / factorial(s)
        res = find_recurrences(CoefficientArray(("s",), values, 7))
        paper = Recurrence.from_natural(("s",), {(0,): "s", (-1,): f"-4*(1 + {nu - 1}*s)"})
        assert res.primary == paper
        assert res.verified and res.checked_orders == [7]
        zero_padded = {**values, (-1,): Fraction(0)}
        assert res.primary.violations(zero_padded.__getitem__, [(0,)]) == []


def test_rediscovers_the_sym_nu2_M_recurrence_and_its_boundary():
    m = narayana_M(8, "identity")
    arr = CoefficientArray(("s", "s_D"), {k: v / factorial(k[0]) for k, v in m.items()}, 8)
    res = find_recurrences(arr)
    paper = Recurrence.from_natural(
        ("s", "s_D"), {(0, 0): "s", (-1, 0): "4*(s_D + 1)", (-1, -1): "-4*s_D"}
    )
    assert res.primary == paper
    assert res.recurrences == [paper]
    # without 1/s! the relation breaks at s = 0, so the search returns a different one
    raw = CoefficientArray(("s", "s_D"), dict(m), 8)
    assert find_recurrences(raw).primary != paper


def test_rediscovers_the_free_general_sym_C_ns_recurrence():
    nu, df = 4, 3
    rec = Recurrence.from_natural(
        ("s", "n"),
        {
            (0, 0): "s",
            (-1, -1): f"-{4 * nu * df}*({nu - 1}*s + 1)",
            (-1, 0): f"-{4 * nu}*({nu - 1}*s + 1)",
        },
    )
    values = generate(rec, {(0, 1): Fraction(1), (0, 2): Fraction(df)}, 5)
    res = find_recurrences(CoefficientArray(("s", "n"), values, 5))
    assert res.primary == rec


def test_structural_recurrence_in_the_second_index():
    """The Narayana numbers N_{m,n}: a relation in n alone is reported as structural."""
    vals = {(m - 1, n): Fraction(narayana(m, n)) for m in range(1, 10) for n in range(1, m + 1)}
    res = find_recurrences(CoefficientArray(("s", "n"), vals, 8), max_degree=3)
    narayana_rec = Recurrence.from_natural(
        ("s", "n"), {(0, 0): "n*(n - 1)", (0, -1): "-(s - n + 2)*(s - n + 3)"}
    )
    assert narayana_rec in res.structural
    assert all(
        r.violations(lambda k: vals.get(k, Fraction(0)), list(vals)) == [] for r in res.recurrences
    )


def test_catalan_boundary_forces_the_factor_s():
    """(s+1)C_s = 2(2s−1)C_{s−1} fails at s = 0 (C_0 = 1, C_{−1} = 0); the relation valid on all
    of Z — the one Theorem 6.1 needs — carries an extra factor s."""
    cat = {(s,): Fraction(comb(2 * s, s), s + 1) for s in range(10)}
    res = find_recurrences(CoefficientArray(("s",), cat, 9))
    assert res.primary == Recurrence.from_natural(
        ("s",), {(0,): "s*(s + 1)", (-1,): "-2*s*(2*s - 1)"}
    )
    naive = Recurrence.from_natural(("s",), {(0,): "s + 1", (-1,): "-2*(2*s - 1)"})
    assert naive.violations(lambda n: cat.get(n, Fraction(0)), [(0,), (1,), (5,)]) == [
        ((0,), Fraction(1))
    ]


def test_random_numbers_have_no_recurrence():
    rng = random.Random(7)
    vals = {(s,): Fraction(rng.randint(-1000, 1000), rng.randint(1, 50)) for s in range(10)}
    with pytest.raises(NotApplicable):
        find_recurrences(CoefficientArray(("s",), vals, 9), max_degree=2)


def test_a_relation_that_breaks_after_the_fit_is_discarded():
    """C_s = 2^s for s ≤ 6, then off: the fit on s ≤ 6 finds C_s = 2C_{s−1}, the check on
    s = 7, 8 rejects it, and nothing else fits."""
    vals = {(s,): Fraction(2**s) for s in range(7)}
    vals[(7,)] = Fraction(129)
    vals[(8,)] = Fraction(3)
    with pytest.raises(NotApplicable):
        find_recurrences(CoefficientArray(("s",), vals, 8), s_fit=6, max_degree=1, max_radius=1)


def test_input_validation():
    arr = CoefficientArray(("s",), {(0,): Fraction(1), (1,): Fraction(2)}, 1)
    with pytest.raises(SpecError):
        find_recurrences(arr, s_fit=1)
    with pytest.raises(SpecError):
        CoefficientArray(("s",), {(3,): Fraction(1)}, 2)
    with pytest.raises(NotApplicable):
        CoefficientArray(("s",), {}, 3).support_box()


def test_discovery_result_is_json_ready():
    import json

    m = narayana_M(6, "zero")
    arr = CoefficientArray(("s", "s_D"), {k: v / factorial(k[0]) for k, v in m.items()}, 6)
    res = find_recurrences(arr)
    out = res.to_dict()
    assert json.loads(json.dumps(out)) == out
    # on the diagonal support s_D = s + 1 the paper's 4 s_D and 4(s+1) are the same relation
    paper = Recurrence.from_natural(("s", "s_D"), {(0, 0): "s", (-1, -1): "-4*s_D"})
    assert paper.violations(arr, [k for k in arr.values]) == []
    assert res.verified and len(res.primary.shifts) == 2
