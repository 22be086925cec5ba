"""The paper's closed forms and recurrences, checked on the engine's exact coefficients."""

from __future__ import annotations

from fractions import Fraction
from math import comb, factorial

import pytest

from diagrams import ModelSpec, expansion, series


def _double_factorial(n: int) -> int:
    return 1 if n <= 0 else n * _double_factorial(n - 2)


@pytest.mark.parametrize(
    ("nu", "symmetry", "s_max"), [(2, "asym", 6), (3, "asym", 4), (2, "sym", 8), (4, "sym", 3)]
)
def test_free_underparameterised_flowers(nu, symmetry, s_max):
    """Flowers (appendix "Free evolutions"): with C_0 = 1 and s·C_s = k(1+(ν−1)s)C_{s−1}, k = 4
    (ASYM) or 4ν (SYM), the term p^{ν+(ν−1)s} H σ^{2(ν+(ν−1)s)} of Y_s is (−1)^s C_s s!/2^{s+1}."""
    k = 4 if symmetry == "asym" else 4 * nu
    ys = series(ModelSpec(nu, symmetry, "zero"), s_max).coefficients
    c = Fraction(1)
    for s in range(s_max + 1):
        if s:
            c = c * k * (1 + (nu - 1) * s) / s
        q = nu + (nu - 1) * s
        assert ys[s].terms[(q, 1, q)] == (-1) ** s * c * factorial(s) / 2 ** (s + 1)


@pytest.mark.parametrize(("nu", "s_max"), [(2, 6), (3, 4), (4, 3)])
def test_free_overparameterised_asym(nu, s_max):
    """E[D^{⋆(s+1)}] ~ (4ν)^s p^ν H^{s+1} σ^{2(νs+ν−s)} (appendix "Free evolutions")."""
    ys = series(ModelSpec(nu, "asym", "zero"), s_max).coefficients
    for s in range(s_max + 1):
        l = nu * s + nu - s
        assert ys[s].terms[(nu, s + 1, l)] == Fraction((-1) ** s * (4 * nu) ** s, 2 ** (s + 1))
        assert not any(n > s + 1 for (_, n, _) in ys[s].terms)  # Theorem 4.1 exception b)


@pytest.mark.parametrize(("nu", "s_max"), [(4, 3), (6, 2)])
def test_free_sym_even_nu_recurrence(nu, s_max):
    """C_{ns} = 2ν(2(ν−1)s+2)[(ν−1)!! C_{n−1,s−1} + C_{n,s−1}] (eq. freesymnucrec), where
    (−1)^s C_{ns}/2^{s+1} is the coefficient of p^{ν+(ν−1)s−ν(n−1)/2} H^n σ^{2(ν+(ν−1)s)} in Y_s.

    The proof's text says 2ν(2(ν−1)s+1); the proposition's +2 is the one the numbers obey.
    """
    ys = series(ModelSpec(nu, "sym", "zero"), s_max).coefficients
    df = _double_factorial(nu - 1)

    def c(n: int, s: int) -> Fraction:
        q = nu + (nu - 1) * s - nu * (n - 1) // 2
        l = nu + (nu - 1) * s
        return ys[s].terms.get((q, n, l), Fraction(0)) * (-1) ** s * 2 ** (s + 1)

    assert (c(1, 0), c(2, 0)) == (1, df)
    for s in range(1, s_max + 1):
        for n in range(1, s + 3):
            expected = 2 * nu * (2 * (nu - 1) * s + 2) * (df * c(n - 1, s - 1) + c(n, s - 1))
            assert c(n, s) == expected, (n, s)


def _narayana(m: int, n: int) -> int:
    return comb(m, n) * comb(m, n - 1) // m


def test_sym_nu2_narayana_leading_terms():
    """SYM ν=2 (appendix "SYM ν=2"): the classes are the cycles G_{s_D} with coefficients
    M_{s,s_D}, M_{s,s_D} = −4(s_D+1)M_{s−1,s_D} + 4 s_D M_{s−1,s_D−1}, and the leading terms of
    (−1)^s Y_s are Σ M_{s,s_D} N_{s_D+1,n} p^{s_D+2−n} H^n σ^{2(s_D+1)}."""
    model = ModelSpec(2, "sym", "identity")
    s_max = 8
    ys = series(model, s_max).coefficients
    m = {(0, 0): Fraction(-1), (0, 1): Fraction(1, 2)}
    for s in range(s_max + 1):
        if s:
            for sd in range(s + 2):
                m[(s, sd)] = -4 * (sd + 1) * m.get((s - 1, sd), 0) + 4 * sd * m.get(
                    (s - 1, sd - 1), 0
                )
        by_sd = {t.s_D: t.coefficient for t in expansion(model, s)}
        assert by_sd == {sd: m[(s, sd)] for sd in range(s + 2) if m[(s, sd)]}
        for sd in range(s + 2):
            for n in range(1, sd + 2):
                term = ys[s].terms.get((sd + 2 - n, n, sd + 1), Fraction(0))
                assert term == (-1) ** s * m[(s, sd)] * _narayana(sd + 1, n)
