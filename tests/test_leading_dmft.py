"""The mean-field leading mode for ASYM ν ≥ 3 with the zero target, and the identity target to
first order in the target strength (diagrams.leading_dmft)
against independent methods: the Pareto terms of the exact polynomials, the general pruned
leading process, Theorem 4.1's front, and both ends of every front from the branching
processes of the extreme mode."""

from __future__ import annotations

import pytest

from diagrams import ModelSpec, series
from diagrams.cost import estimate_cost
from diagrams.errors import NotApplicable, SpecError
from diagrams.leading import at_most, leading_series, pareto_terms
from diagrams.leading_dmft import (
    applies,
    dmft_first_order_series,
    dmft_series,
    dmft_zero_series,
)
from diagrams.leading_extremes import extreme_series
from diagrams.pareto import s_d_of, theorem41_terms
from diagrams.series import exact_orders


@pytest.mark.parametrize(("nu", "s_max"), [(3, 5), (4, 4), (5, 3), (6, 4), (8, 4)])
def test_equals_the_pareto_terms_of_the_exact_polynomials(nu, s_max):
    model = ModelSpec(nu, "asym", "zero")
    exact = exact_orders(model, s_max)
    dmft = dmft_zero_series(nu, s_max)
    for s in range(s_max + 1):
        assert dmft[s] == pareto_terms(exact[s]), (nu, s)


def test_equals_the_general_leading_process():
    model = ModelSpec(3, "asym", "zero")
    assert dmft_zero_series(3, 5) == leading_series(model, 5, method="sequential")


@pytest.mark.parametrize(("nu", "s_max"), [(3, 25), (4, 20)])
def test_front_is_theorem_4_1_and_ends_are_the_extreme_mode(nu, s_max):
    model = ModelSpec(nu, "asym", "zero")
    dmft = dmft_zero_series(nu, s_max)
    ends = extreme_series(model, s_max)
    for s in range(s_max + 1):
        assert sorted(dmft[s].terms) == sorted(theorem41_terms(model, s)), s
        for key, value in ends[s].terms.items():
            assert dmft[s].terms[key] == value, (s, key)
    # All terms of one level share the sign (−1)^s (s_R = 0: no cancellations).
    for s in (3, 4, s_max):
        assert all((c > 0) == (s % 2 == 0) for c in dmft[s].terms.values())


def test_series_leading_mode_uses_it_and_its_estimate():
    model = ModelSpec(4, "asym", "zero")
    result = series(model, 12, mode="leading")
    assert result.coefficients == dmft_zero_series(4, 12)
    est = estimate_cost(model, 25, "leading")
    assert 0.5 < est.seconds < 60 and est.peak_bytes < 2**30


def test_applies_and_errors():
    assert applies(ModelSpec(3, "asym", "zero"))
    assert applies(ModelSpec(7, "asym", "zero"))
    assert not applies(ModelSpec(2, "asym", "zero"))
    assert not applies(ModelSpec(3, "asym", "identity"))
    assert not applies(ModelSpec(4, "sym", "zero"))
    with pytest.raises(NotApplicable):
        dmft_series(ModelSpec(3, "asym", "identity"), 2)
    with pytest.raises(SpecError) as err:
        dmft_zero_series(3, -1)
    assert err.value.field == "s_max"
    with pytest.raises(SpecError) as err:
        dmft_zero_series(2, 3)
    assert err.value.field == "model.nu"


# --------------------------------------------------------------- identity target, first order
@pytest.mark.parametrize(("nu", "s_max"), [(3, 5), (4, 4), (5, 3)])
def test_first_order_equals_the_exact_polynomials_on_its_levels(nu, s_max):
    """Every Pareto term with s_R ≤ 2 of the exact polynomials, and nothing else."""
    model = ModelSpec(nu, "asym", "identity")
    exact = exact_orders(model, s_max)
    first = dmft_first_order_series(nu, s_max)
    for s in range(s_max + 1):
        assert first[s] == at_most(model, s, pareto_terms(exact[s]), 2), (nu, s)


@pytest.mark.parametrize(("nu", "s_max"), [(3, 25), (4, 16)])
def test_first_order_front_and_ends_are_the_extreme_mode(nu, s_max):
    """Theorem 4.1's front on the levels s_R = 0, 2; their two ends from the independent
    branching processes; the s_R = 0 level is the zero target's leading terms."""
    model = ModelSpec(nu, "asym", "identity")
    first = dmft_first_order_series(nu, s_max)
    ends = extreme_series(model, s_max)
    zero = dmft_zero_series(nu, s_max)
    for s in range(s_max + 1):
        front = {k for k in theorem41_terms(model, s) if s + 1 - s_d_of(model, s, k[2]) <= 2}
        assert set(first[s].terms) == front, s
        for key, value in ends[s].terms.items():
            if key in front:
                assert first[s].terms[key] == value, (s, key)
        assert at_most(model, s, first[s], 0) == zero[s], s


def test_s_r_max_through_series_and_its_estimate():
    model = ModelSpec(3, "asym", "identity")
    result = series(model, 6, mode="leading", s_r_max=2)
    assert result.s_r_max == 2 and result.to_dict(latex=False)["s_r_max"] == 2
    assert result.coefficients == dmft_first_order_series(3, 6)
    # s_r_max = 0 keeps the zero-target level; a filter of the complete leading terms elsewhere.
    assert series(model, 4, "leading", s_r_max=0).coefficients == dmft_zero_series(3, 4)
    sym = ModelSpec(2, "sym", "identity")
    full = series(sym, 4, "leading").coefficients
    assert series(sym, 4, "leading", s_r_max=2).coefficients == [
        at_most(sym, s, y, 2) for s, y in enumerate(full)
    ]
    est = estimate_cost(model, 25, "leading", s_r_max=2)
    assert 1 < est.seconds < 60
    assert estimate_cost(model, 25, "leading").seconds > 3600  # the whole front: not polynomial
    with pytest.raises(SpecError, match="s_r_max"):
        series(model, 2, "exact", s_r_max=2)
    with pytest.raises(SpecError, match="s_r_max"):
        series(model, 2, "leading", s_r_max=-1)
    with pytest.raises(SpecError, match="s_r_max"):
        estimate_cost(model, 2, "extreme", s_r_max=0)
