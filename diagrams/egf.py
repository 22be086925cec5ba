"""Exponential generating functions of merge histories, as exact count sequences.

The structural recursions of the leading-order mode (:mod:`diagrams.leading_sym`,
:mod:`diagrams.leading_extremes`) follow parts of a diagram that evolve independently; the merges
of independent parts interleave, so their generating functions in the number of steps ``x`` are
exponential and multiply. A series is kept as its *counts* ``A[r] = r!·[x^r] A`` — exact integers
— and each count is a polynomial in ``z`` (``z`` marks ``D`` atoms) stored as its coefficient
list (index = power).
"""

from __future__ import annotations

from math import comb

ZPoly = list[int]
"""A polynomial in ``z`` as its coefficient list (index = power)."""


def padd(a: ZPoly, b: ZPoly, scale: int = 1) -> ZPoly:
    """``a + scale·b``.

    >>> padd([1, 2], [0, 0, 3], -1)
    [1, 2, -3]
    """
    if len(a) < len(b):
        a = a + [0] * (len(b) - len(a))
    return [x + scale * (b[i] if i < len(b) else 0) for i, x in enumerate(a)]


def pmul(a: ZPoly, b: ZPoly) -> ZPoly:
    """``a·b``.

    >>> pmul([1, 1], [1, 1])
    [1, 2, 1]
    """
    if not a or not b:
        return []
    out = [0] * (len(a) + len(b) - 1)
    for i, x in enumerate(a):
        if x:
            for j, y in enumerate(b):
                out[i + j] += x * y
    return out


def binomial_term(a: list[ZPoly], b: list[ZPoly], r: int) -> ZPoly:
    """Count ``r`` of the product of two series: ``Σ_k C(r, k) a[k] b[r−k]`` (the interleavings
    of two independent parts' steps).

    >>> binomial_term([[1], [1]], [[1], [1]], 1)  # e^x · e^x = e^{2x}
    [2]
    """
    out: ZPoly = []
    for k in range(r + 1):
        x, y = a[k], b[r - k]
        if not x or not y:
            continue
        weight = comb(r, k)
        need = len(x) + len(y) - 1
        if len(out) < need:
            out.extend([0] * (need - len(out)))
        for i, xi in enumerate(x):
            if xi:
                f = weight * xi
                for j, yj in enumerate(y):
                    out[i + j] += f * yj
    return out
