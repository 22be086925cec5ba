"""Theorem 6.1 (recurrence → PDE) and the method of characteristics, on the paper's examples
and on generic recurrences checked against truncated power series."""

from __future__ import annotations

from fractions import Fraction
from math import comb, factorial

import pytest
import sympy

from diagrams.errors import NotApplicable, SpecError
from diagrams.limits import Characteristics, Recurrence, recurrence_to_pde
from diagrams.limits.pde import FirstOrderPDE
from diagrams.limits.recurrence import evaluate_poly

x, y, z = sympy.symbols("x y z")


def series_of(values: dict, variables, top: int):
    """Σ C_n x^n truncated to time order ≤ top."""
    return sympy.Add(
        *(
            sympy.Rational(v.numerator, v.denominator)
            * sympy.Mul(*(var**e for var, e in zip(variables, k)))
            for k, v in values.items()
            if k[0] <= top
        )
    )


# ---------------------------------------------------------------------------- Recurrence
def test_natural_and_theorem_forms_agree():
    # s C_s − 4(1+2s) C_{s−1} = 0  ⇔  P_0(m) = m, P_{−1}(m) = −4(1 + 2(m+1))
    rec = Recurrence.from_natural(("s",), {(0,): "s", (-1,): "-4*(1 + 2*s)"})
    assert rec.theorem_poly((0,)) == {(1,): 1}
    assert rec.theorem_poly((-1,)) == {(0,): -12, (1,): -8}
    assert rec.natural_poly((-1,)) == {(0,): -4, (1,): -8}
    seq = {(0,): Fraction(1)}
    for s in range(1, 8):
        seq[(s,)] = seq[(s - 1,)] * 4 * (1 + 2 * s) / s
    assert rec.violations(lambda n: seq.get(n, Fraction(0)), [(s,) for s in range(-2, 8)]) == []
    seq[(5,)] += 1
    assert [
        n for n, _ in rec.violations(lambda n: seq.get(n, Fraction(0)), [(s,) for s in range(8)])
    ] == [(5,), (6,)]


def test_recurrence_must_hold_at_the_boundary():
    """The raw (non-EGF) flower numbers satisfy C_s = −2(s+1)C_{s−1} only for s ≥ 1: at s = 0
    the zero padding breaks it, which is why Theorem 6.1 is applied to C_s/s!."""
    raw = {(0,): Fraction(1, 2)}
    for s in range(1, 7):
        raw[(s,)] = -2 * (s + 1) * raw[(s - 1,)]
    value = lambda n: raw.get(n, Fraction(0))  # noqa: E731
    rec = Recurrence.from_natural(("s",), {(0,): "1", (-1,): "2*(s + 1)"})
    bad = rec.violations(value, [(s,) for s in range(-1, 7)])
    assert bad == [((0,), Fraction(1, 2))]
    egf = {k: v / factorial(k[0]) for k, v in raw.items()}
    rec_egf = Recurrence.from_natural(("s",), {(0,): "s", (-1,): "2*(s + 1)"})
    assert rec_egf.violations(lambda n: egf.get(n, Fraction(0)), [(s,) for s in range(-1, 7)]) == []


def test_normalized_equality_and_latex_are_deterministic():
    a = Recurrence.from_natural(
        ("s", "s_D"), {(0, 0): "s", (-1, 0): "4*(s_D+1)", (-1, -1): "-4*s_D"}
    )
    b = Recurrence.from_natural(
        ("s", "s_D"), {(0, 0): "-3*s", (-1, 0): "-12*(s_D+1)", (-1, -1): "12*s_D"}
    )
    assert a == b and hash(a) == hash(b)
    assert a.latex() == (
        "s C_{s,s_{D}} + 4 \\left(s_{D} + 1\\right) C_{s - 1,s_{D}} "
        "- 4 s_{D} C_{s - 1,s_{D} - 1} = 0"
    )
    assert a.to_dict() == b.normalized().to_dict()


def test_bad_recurrences_are_rejected():
    with pytest.raises(SpecError):
        Recurrence(("s",), {(0, 0): {(1,): 1}})
    with pytest.raises(SpecError):
        Recurrence(("s",), {(0,): {(0,): 0}})


# ---------------------------------------------------------------------------- Theorem 6.1
def test_theorem_free_underparameterised_ode():
    """Appendix 'Free evolutions': sC_s = 4(1+(ν−1)s)C_{s−1} ⇒ f' = 4(νf + x(ν−1)f')."""
    for nu in (2, 3, 5):
        rec = Recurrence.from_natural(("s",), {(0,): "s", (-1,): f"-4*(1 + {nu - 1}*s)"})
        pde = recurrence_to_pde(rec).first_order()
        assert sympy.simplify(pde.Phi[0] - (1 - 4 * (nu - 1) * x)) == 0
        assert sympy.simplify(pde.phi - 4 * nu) == 0


def test_theorem_sym_nu2_pde_matches_paper():
    """Appendix 'SYM ν=2': M recurrence ⇒ (∂_x + 4z(1−z)∂_z) f = 4(z−1) f."""
    rec = Recurrence.from_natural(
        ("s", "s_D"), {(0, 0): "s", (-1, 0): "4*(s_D + 1)", (-1, -1): "-4*s_D"}
    )
    pde = recurrence_to_pde(rec).first_order()
    assert [sympy.expand(c) for c in pde.Phi] == [1, sympy.expand(4 * z * (1 - z))]
    assert sympy.simplify(pde.phi - 4 * (z - 1)) == 0
    assert pde.latex("f") == (
        "\\partial_{x} f + 4 z \\left(1 - z\\right) \\partial_{z} f = 4 \\left(z - 1\\right) f"
    )


def test_theorem_free_general_sym_matches_eq_egf_ode():
    """eq. EGF-ode: [1 − 4ν(ν−1)(1+(ν−1)!!y)x]∂_x f = 4ν²(1+(ν−1)!!y) f, ν = 4, 6."""
    for nu, df in ((4, 3), (6, 15)):
        rec = Recurrence.from_natural(
            ("s", "n"),
            {
                (0, 0): "s",
                (-1, -1): f"-{4 * nu * df}*({nu - 1}*s + 1)",
                (-1, 0): f"-{4 * nu}*({nu - 1}*s + 1)",
            },
        )
        pde = recurrence_to_pde(rec, ("x", "y")).first_order()
        theta = 1 + df * y
        assert sympy.simplify(pde.Phi[0] - (1 - 4 * nu * (nu - 1) * theta * x)) == 0
        assert pde.Phi[1] == 0
        assert sympy.simplify(pde.phi - 4 * nu**2 * theta) == 0


@pytest.mark.parametrize(
    "coeffs, initial",
    [
        # a second-order (in the Euler operator) recurrence: (s+1)² C_{s+1} ... shifted
        ({(0,): "s**2", (-1,): "-(2*s - 1)*(s + 3)"}, {(0,): Fraction(1)}),
        # three terms
        ({(0,): "s", (-1,): "-(s + 2)", (-2,): "3"}, {(0,): Fraction(1)}),
    ],
)
def test_theorem_operator_annihilates_the_series(coeffs, initial):
    """Independent check of Theorem 6.1: generate C from the recurrence, build the truncated
    series, apply the computed operator — every coefficient below the truncation vanishes."""
    rec = Recurrence.from_natural(("s",), coeffs)
    vals = dict(initial)
    p0 = rec.theorem_poly((0,))
    for s in range(1, 14):
        acc = Fraction(0)
        for k in rec.shifts:
            if k == (0,):
                continue
            m = (s + k[0],)
            if m[0] >= 0:
                acc += vals.get(m, Fraction(0)) * evaluate_poly(rec.theorem_poly(k), m)
        vals[(s,)] = -acc / evaluate_poly(p0, (s,))
    assert rec.violations(lambda n: vals.get(n, Fraction(0)), [(s,) for s in range(-3, 14)]) == []
    pde = recurrence_to_pde(rec)
    h = series_of(vals, (x,), 13)
    out = sympy.expand(pde.apply(h))
    for j in range(0, 10):
        assert out.coeff(x, j) == 0


def test_theorem_two_dimensional_operator_annihilates_the_narayana_series():
    """The structural Narayana recurrence n(n+1)N_{m,n+1} = (m−n)(m−n+1)N_{m,n} as a PDE in y."""
    rec = Recurrence.from_natural(
        ("m", "n"), {(0, 0): "n*(n - 1)", (0, -1): "-(m - n + 1)*(m - n + 2)"}
    )
    vals = {
        (m, n): Fraction(comb(m, n) * comb(m, n - 1), m)
        for m in range(1, 9)
        for n in range(1, m + 1)
    }
    assert (
        rec.violations(
            lambda k: vals.get(k, Fraction(0)), [(m, n) for m in range(1, 9) for n in range(-1, 11)]
        )
        == []
    )
    pde = recurrence_to_pde(rec, ("z", "y"))
    h = series_of(vals, (z, y), 8)
    out = sympy.Poly(sympy.expand(pde.apply(h)), z, y)
    assert all(e[0] > 8 or c == 0 for e, c in out.terms())


# ---------------------------------------------------------------------------- characteristics
def test_characteristics_sym_nu2_closed_form_and_first_integral():
    pde = FirstOrderPDE((x, z), (1, 4 * z * (1 - z)), 4 * (z - 1))
    ch = Characteristics(pde)
    f = ch.closed_form(z / 2 - 1)
    paper = (2 * (z - 1) * sympy.exp(4 * x) - z) / (2 * (z - (z - 1) * sympy.exp(4 * x)) ** 2)
    assert sympy.simplify(f - paper) == 0
    (first_integral,) = ch.first_integrals()
    # constant along dz/dx = 4z(1−z): its x-derivative along the flow vanishes
    flow = sympy.diff(first_integral, x) + 4 * z * (1 - z) * sympy.diff(first_integral, z)
    assert sympy.simplify(flow) == 0
    pts = [{"x": -0.3, "z": 0.5}, {"x": 0.1, "z": 0.2}, {"x": -1.0, "z": 0.9}]
    numeric = ch.solve_numeric(lambda d: d["z"] / 2 - 1, pts)
    for pt, val in zip(pts, numeric):
        exact = float(paper.subs({x: pt["x"], z: pt["z"]}))
        assert val == pytest.approx(exact, rel=1e-10)


def test_characteristics_parametric_variable_and_ode_case():
    pde = FirstOrderPDE((x, y), (1 - 48 * (1 + 3 * y) * x, 0), 64 * (1 + 3 * y))
    ch = Characteristics(pde)
    assert [str(v) for v in ch.parameters] == ["y"] and ch.active == ()
    f = ch.closed_form(y + 3 * y**2)
    assert (
        sympy.simplify(f - (y + 3 * y**2) * (1 - 48 * (1 + 3 * y) * x) ** sympy.Rational(-4, 3))
        == 0
    )
    val = ch.solve_numeric(lambda d: d["y"] + 3 * d["y"] ** 2, [{"x": -0.2, "y": 0.5}])[0]
    assert val == pytest.approx(float(f.subs({x: -0.2, y: 0.5})), rel=1e-10)


def test_characteristics_without_closed_form_still_solves_numerically():
    """dz/dx = z² + x has no separable form: no closed form, but the numerical solution along
    characteristics satisfies the PDE (checked by finite differences)."""
    pde = FirstOrderPDE((x, z), (1, z**2 + x), z)
    ch = Characteristics(pde)
    assert ch.closed_form(z) is None

    def h(xx, zz):
        return ch.solve_numeric(lambda d: d["z"], [{"x": xx, "z": zz}], rtol=1e-13, atol=1e-15)[0]

    x0, z0, eps = -0.3, 0.4, 1e-5
    dx = (h(x0 + eps, z0) - h(x0 - eps, z0)) / (2 * eps)
    dz = (h(x0, z0 + eps) - h(x0, z0 - eps)) / (2 * eps)
    assert dx + (z0**2 + x0) * dz == pytest.approx(z0 * h(x0, z0), rel=1e-6)


def test_characteristics_needs_a_time_component():
    with pytest.raises(NotApplicable):
        Characteristics(FirstOrderPDE((x, z), (0, z), 1))
