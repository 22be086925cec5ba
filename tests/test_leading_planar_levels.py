"""The lowest levels of the ASYM ν = 2 identity-target fronts (diagrams.leading_planar_levels)
against independent methods: the Pareto terms of the exact sequential process, both ends of
every level from the branching processes of the extreme mode, Theorem 4.1's front, and the
closed forms of the two lowest levels."""

from __future__ import annotations

import pytest

from diagrams import ModelSpec, series
from diagrams.cost import estimate_cost
from diagrams.errors import SpecError
from diagrams.leading import at_most, leading_series
from diagrams.leading_extremes import extreme_series
from diagrams.leading_planar_levels import applies, canonical_word, planar_low_levels
from diagrams.pareto import s_d_of, theorem41_terms

MODEL = ModelSpec(2, "asym", "identity")


def test_equals_the_pareto_terms_of_the_exact_process():
    s_max = 9
    exact = leading_series(MODEL, s_max)  # Pareto terms of the exact sequential process
    for s_d_max in (0, 3, 6):
        low = planar_low_levels(s_max, s_d_max)
        for s in range(s_max + 1):
            assert low[s] == at_most(MODEL, s, exact[s], s_d_max=s_d_max), (s_d_max, s)


def test_front_and_ends_to_s_25():
    s_max, s_d_max = 25, 5
    low = planar_low_levels(s_max, s_d_max)
    ends = extreme_series(MODEL, s_max)
    for s in range(s_max + 1):
        front = {k for k in theorem41_terms(MODEL, s) if s_d_of(MODEL, s, k[2]) <= s_d_max}
        assert set(low[s].terms) == front, s
        for key, value in ends[s].terms.items():
            if key in front:
                assert low[s].terms[key] == value, (s, key)


def test_closed_forms_of_the_two_lowest_levels():
    """l = 1: −2^s pHσ² (s odd; l ≡ s mod 2); l = 2: 3·4^{s−1} p²Hσ⁴ + (3·4^{s−1} − 2^s) pH²σ⁴."""
    low = planar_low_levels(25, 1)
    for s in range(1, 26):
        if s % 2:
            assert low[s].terms == {(1, 1, 1): -(2**s)}, s
        else:
            assert low[s].terms == {(2, 1, 2): 3 * 4 ** (s - 1), (1, 2, 2): 3 * 4 ** (s - 1) - 2**s}


def test_canonical_word_respects_the_symmetries():
    word = (0, 2, 1, 3, 3)
    images = [word[2:] + word[:2], tuple({0: 1, 1: 0, 2: 3, 3: 2}[x] for x in word)]
    images.append(tuple({0: 0, 1: 1, 2: 3, 3: 2}[x] for x in reversed(word)))
    assert {canonical_word(w) for w in images} == {canonical_word(word)}
    assert canonical_word((0, 1)) != canonical_word((2, 3))


def test_series_s_d_max_estimate_and_errors():
    result = series(MODEL, 12, "leading", s_d_max=4)
    assert result.coefficients == planar_low_levels(12, 4) and result.to_dict()["s_d_max"] == 4
    assert 0.01 < estimate_cost(MODEL, 25, "leading", s_d_max=8).seconds < 60
    assert estimate_cost(MODEL, 25, "leading", s_d_max=14).seconds > 600
    # elsewhere s_d_max filters the complete leading terms
    zero = ModelSpec(2, "asym", "zero")
    assert series(zero, 6, "leading", s_d_max=3).coefficients == [
        at_most(zero, s, y, s_d_max=3) for s, y in enumerate(leading_series(zero, 6))
    ]
    assert applies(MODEL) and not applies(zero) and not applies(ModelSpec(2, "sym", "identity"))
    with pytest.raises(SpecError, match="s_d_max"):
        series(MODEL, 3, "extreme", s_d_max=2)
    with pytest.raises(SpecError, match="s_d_max"):
        planar_low_levels(3, -1)


def test_the_zero_target_level_of_the_identity_target():
    """s_R = 0 terms are those of D-only diagrams, blind to the target: the zero target's leading
    terms (planar method here), equal to the filtered complete identity-target terms."""
    complete = leading_series(MODEL, 9)
    level = leading_series(MODEL, 9, s_r_max=0)
    assert level == [at_most(MODEL, s, y, s_r_max=0) for s, y in enumerate(complete)]
    zero = ModelSpec(2, "asym", "zero")
    assert series(MODEL, 15, "leading", s_r_max=1).coefficients == leading_series(zero, 15)
    assert estimate_cost(MODEL, 25, "leading", s_r_max=0).seconds < 60


def test_equivalent_bounds_choose_the_same_method():
    """Odd s_r_max (s_R is even for ASYM identity), bounds above s_max + 1 (they keep every
    term) and bounds on the zero target are normalised before a method is chosen."""
    nu3 = ModelSpec(3, "asym", "identity")
    assert estimate_cost(nu3, 20, "leading", s_r_max=3).seconds == pytest.approx(
        estimate_cost(nu3, 20, "leading", s_r_max=2).seconds
    )
    assert leading_series(nu3, 4, s_r_max=3) == leading_series(nu3, 4, s_r_max=2)
    assert estimate_cost(MODEL, 3, "leading", s_d_max=20).seconds == pytest.approx(
        estimate_cost(MODEL, 3, "leading").seconds
    )
    assert leading_series(MODEL, 3, s_d_max=20) == leading_series(MODEL, 3)
    zero = ModelSpec(2, "asym", "zero")
    assert leading_series(zero, 4, s_r_max=0) == leading_series(zero, 4)
