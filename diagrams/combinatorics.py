"""Small exact counting functions shared by the engine and the closed forms (Wick pairings of a
bundle, non-crossing pairings of a cycle)."""

from __future__ import annotations

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
