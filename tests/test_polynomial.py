"""diagrams.polynomial: the LaTeX writer equals sympy's printer; evaluation never raises."""

from __future__ import annotations

import math
from fractions import Fraction

import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from diagrams import ModelSpec, series
from diagrams.polynomial import Poly


def sympy_latex(poly: Poly) -> str:
    """The previous implementation: sympy at the edge."""
    p, H, sigma = sympy.symbols("p H sigma", positive=True)
    expr = sympy.Add(
        *(
            sympy.Rational(c.numerator, c.denominator) * p**q * H**n * sigma ** (2 * l)
            for (q, n, l), c in poly.terms.items()
        )
    )
    return sympy.latex(expr, order="lex")


monomials = st.tuples(*(st.integers(0, 5) for _ in range(3)))
coefficients = st.fractions(min_value=-50, max_value=50, max_denominator=12).filter(bool)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(monomials, coefficients, max_size=8))
def test_latex_is_sympys(terms):
    poly = Poly(terms)
    assert poly.latex() == sympy_latex(poly)


def test_latex_of_engine_series_is_sympys():
    models = [ModelSpec(2, "sym", "identity"), ModelSpec(3, "asym", "identity")]
    for model in models + [ModelSpec(4, "sym", "zero")]:
        for poly in series(model, 3).coefficients:
            assert poly.latex() == sympy_latex(poly)


def test_evaluate_is_exact_on_exact_input_and_saturates_on_floats():
    poly = Poly({(1, 1, 1): Fraction(-1), (2, 1, 2): Fraction(1, 2)})
    assert poly.evaluate(8, 4, Fraction(1, 2)) == Fraction(-16 + 32)
    assert poly.evaluate(8.0, 4.0, 0.5) == 16.0
    assert Poly({(0, 0, 400): Fraction(-1)}).evaluate(1.0, 1.0, 1e100) == -math.inf
    assert poly.evaluate(1.0, 1.0, 1e300) == math.inf
    both = Poly({(0, 0, 2): Fraction(1), (0, 0, 3): Fraction(-1)})
    assert math.isnan(both.evaluate(1.0, 1.0, 1e200))  # +inf − inf
