"""Small exact functions shared by the engine, the closed forms and the reference oracle (Wick
pairings of a bundle, non-crossing pairings of a cycle, exact polynomial interpolation)."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from math import comb


def double_factorial(n: int) -> int:
    """``n!! = n (n − 2) (n − 4) …`` with ``(−1)!! = 0!! = 1``: ``(2k − 1)!!`` pairings of
    ``2k`` same-colour edges (Wick).

    >>> double_factorial(7), double_factorial(6), double_factorial(-1)
    (105, 48, 1)
    """
    out = 1
    while n > 1:
        out *= n
        n -= 2
    return out


def narayana(m: int, n: int) -> int:
    """Narayana number ``N(m, n) = C(m, n) C(m, n−1) / m``: non-crossing pairings of the edges of
    a ``2m``-cycle (``m`` H- and ``m`` p-nodes) whose contraction has ``n`` H-classes (appendix
    "SYM ν=2: explicit solution"); 0 outside ``1 ≤ n ≤ m``.

    >>> [narayana(4, n) for n in range(1, 5)]
    [1, 6, 6, 1]
    """
    if m < 1 or not 1 <= n <= m:
        return 0
    return comb(m, n) * comb(m, n - 1) // m


def interpolate(xs: Sequence[int], ys: Sequence[int | Fraction]) -> list[Fraction]:
    """Monomial coefficients ``[c_0, c_1, …]`` of the polynomial through ``(xs, ys)``, exactly
    (Newton divided differences, then expansion into the monomial basis).

    >>> interpolate([0, 1, 2], [1, 2, 5])
    [Fraction(1, 1), Fraction(0, 1), Fraction(1, 1)]
    """
    n = len(xs)
    table = [Fraction(y) for y in ys]
    newton = [table[0]]
    for order in range(1, n):
        table = [(table[i + 1] - table[i]) / (xs[i + order] - xs[i]) for i in range(len(table) - 1)]
        newton.append(table[0])
    coeffs = [Fraction(0)] * n
    basis = [Fraction(1)]  # Π_{i<order} (x − xs[i]) in the monomial basis
    for order in range(n):
        for d, b in enumerate(basis):
            coeffs[d] += newton[order] * b
        shifted = [Fraction(0)] + basis
        for d, b in enumerate(basis):
            shifted[d] -= xs[order] * b
        basis = shifted
    return coeffs
