"""The planar-limit leading mode for ASYM ν = 2 with the zero target (diagrams.leading_planar)
against independent methods: the Pareto terms of the exact sequential process, the general
pruned leading process, brute force in the weights, Theorem 4.1's front and the extreme mode."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest

from diagrams import ModelSpec, series
from diagrams.cost import estimate_cost
from diagrams.errors import NotApplicable, SpecError
from diagrams.leading import leading_series, pareto_terms
from diagrams.leading_extremes import extreme_series
from diagrams.leading_planar import (
    applies,
    coefficient_bound,
    planar_series,
    planar_zero_series,
)
from diagrams.pareto import theorem41_terms
from diagrams.reference.bruteforce import bruteforce_series
from diagrams.sequential import sequential_series

MODEL = ModelSpec(2, "asym", "zero")


def test_equals_the_pareto_terms_of_the_exact_process():
    planar = planar_zero_series(11)
    exact = sequential_series(MODEL, 11)
    for s in range(12):
        assert planar[s] == pareto_terms(exact[s]), s


def test_equals_the_general_leading_process():
    planar = planar_zero_series(7)
    assert planar == leading_series(MODEL, 7, method="sequential")


def test_top_power_of_p_equals_brute_force_in_the_weights():
    """At H = 1 the largest power of p in Y_s is p^{s+2}, and only the front term n = 1 has it
    (every term has q + n ≤ s + 3): its coefficient is the (s+2)-th finite difference in p of
    the brute-force values at p = 1..s+3, divided by (s+2)!."""
    s = 2
    planar = planar_zero_series(s)[s]
    values = []
    for p in range(1, s + 4):
        brute = bruteforce_series(MODEL, p, 1, s)
        values.append(sum(brute[s].values(), Fraction(0)))
    deg = s + 2
    diff = values[:]
    for _ in range(deg):
        diff = [b - a for a, b in zip(diff, diff[1:])]
    assert planar.terms[(deg, 1, s + 2)] == diff[0] / math.factorial(deg)


def test_front_is_theorem_4_1_and_ends_are_the_extreme_mode():
    planar = planar_zero_series(25)
    ends = extreme_series(MODEL, 25)
    for s in (0, 1, 5, 13, 25):
        assert sorted(planar[s].terms) == sorted(theorem41_terms(MODEL, s))
        for key, value in ends[s].terms.items():
            assert planar[s].terms[key] == value, (s, key)
    # Signs: (−1)^{s_D+1} with s_D = s + 1 (Theorem 4.1's "no cancellations").
    for s in (3, 4, 25):
        assert all((c > 0) == (s % 2 == 0) for c in planar[s].terms.values())


def test_coefficients_stay_within_the_crt_bound():
    planar = planar_zero_series(12)
    for s, poly in enumerate(planar):
        total = sum(abs(c) * 2 ** (s + 1) for c in poly.terms.values())
        assert total.denominator == 1 and total <= coefficient_bound(s)


def test_series_leading_mode_uses_it_and_its_estimate():
    result = series(MODEL, 14, mode="leading")
    assert result.coefficients == planar_zero_series(14)
    est = estimate_cost(MODEL, 25, "leading")
    assert 1 < est.seconds < 120 and est.peak_bytes < 2**30


def test_applies_and_errors():
    assert applies(MODEL)
    assert not applies(ModelSpec(2, "asym", "identity"))
    assert not applies(ModelSpec(2, "sym", "zero"))
    with pytest.raises(NotApplicable):
        planar_series(ModelSpec(3, "asym", "zero"), 2)
    with pytest.raises(SpecError) as err:
        planar_zero_series(-1)
    assert err.value.field == "s_max"
