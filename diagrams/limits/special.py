"""Special functions of the catalogue, evaluated without catastrophic cancellation.

* The Narayana generating function (appendix "SYM ν=2: explicit solution")
  ``h(w, y) = (1 − w(y+1) − √(1 − 2w(y+1) + w²(y−1)²)) / (2w²)`` cancels catastrophically as
  ``w → 0`` (i.e. ``t → 0``); rationalising the numerator gives the equivalent
  ``h = 2y / (1 − w(y+1) + √D)`` that is exact to rounding on the whole real line up to the
  branch point ``w* = (1+√y)^{−2}``.
* ``F(a) = ∫_0^∞ e^{4au²−u} u du`` (appendix "SYM even-ν≥4", case ν=4), ``a ≤ 0``. Its erfc
  form ``F = −1/(8a) + (1/(32a))√(π/−a) e^{−1/(16a)} erfc(1/(4√−a))`` loses all digits as
  ``a → 0⁻``. With ``b = 1/(4√−a)``, ``F = 2b² R(b)`` where ``R = 1 − √π b erfcx(b) = K/(b+K)``
  and ``K`` is the tail of Laplace's continued fraction ``√π erfcx(b) = 1/(b + ½/(b + 1/(b +
  3/2/(b + …))))`` — no cancellation. For ``|a| ≤ 10⁻³`` the asymptotic series
  ``F ~ Σ_k (4a)^k (2k+1)!/k!`` (optimally truncated, error ``≈ e^{−1/(16|a|)} < 10⁻²⁶``) is used.

>>> round(float(narayana_h(-1.0, 1.0)), 15), round(F(-1.0), 15)
(0.381966011250105, 0.082331134216951)
"""

from __future__ import annotations

from math import factorial
from typing import Any

import numpy as np

__all__ = [
    "narayana_h",
    "narayana_dh",
    "narayana_branch_point",
    "F",
    "F_mp",
    "Fprime_mp",
    "SERIES_RADIUS",
]

SERIES_RADIUS = 1e-3
"""``|a|`` below which ``F`` and ``F'`` use their asymptotic series."""

_CF_TERMS = 200
_F_SERIES = [float(4**k * factorial(2 * k + 1) // factorial(k)) for k in range(60)]


# ---------------------------------------------------------------------------- Narayana
def narayana_h(w: Any, y: Any) -> Any:
    """``h(w, y) = Σ_{m≥0} Σ_n N_{m+1,n} w^m y^n`` (Narayana numbers), in the rationalised form
    ``2y/(1 − w(y+1) + √(1 − 2w(y+1) + w²(y−1)²))``; works for floats and mpmath numbers."""
    import mpmath as mp

    sqrt = mp.sqrt if isinstance(w, mp.mpf) or isinstance(y, mp.mpf) else np.sqrt
    disc = 1 - 2 * w * (y + 1) + w * w * (y - 1) ** 2
    return 2 * y / (1 - w * (y + 1) + sqrt(disc))


def narayana_dh(w: Any, y: Any) -> Any:
    """``∂_w h(w, y)``, in the cancellation-free form
    ``2y((y+1) + ((y+1) − w(y−1)²)/√D) / (1 − w(y+1) + √D)²`` (all terms positive for
    ``w < (1+√y)^{−2}``)."""
    import mpmath as mp

    sqrt = mp.sqrt if isinstance(w, mp.mpf) or isinstance(y, mp.mpf) else np.sqrt
    disc = 1 - 2 * w * (y + 1) + w * w * (y - 1) ** 2
    root = sqrt(disc)
    den = 1 - w * (y + 1) + root
    return 2 * y * ((y + 1) + ((y + 1) - w * (y - 1) ** 2) / root) / (den * den)


def narayana_branch_point(y: float) -> float:
    """The smallest positive zero ``(1+√y)^{−2}`` of the discriminant: the radius of convergence
    of ``h(·, y)``."""
    return 1.0 / (1.0 + np.sqrt(y)) ** 2


# ---------------------------------------------------------------------------- F(a), ν = 4
def _R_direct(b: np.ndarray) -> np.ndarray:
    from scipy.special import erfcx

    return 1.0 - np.sqrt(np.pi) * b * erfcx(b)


def _R_cf(b: np.ndarray) -> np.ndarray:
    """``R(b)`` by the continued fraction, ``b ≥ 1``; the depth is chosen from ``min b`` (200
    terms reach 10⁻¹⁶ at ``b = 1``, 100 at ``b = 1.5``, 60 beyond 2.5)."""
    if b.size == 0:
        return b
    low = float(np.min(b))
    depth = _CF_TERMS if low < 1.5 else (100 if low < 2.5 else 60)
    k = np.zeros_like(b)
    for j in range(depth, 0, -1):
        k = (0.5 * j) / (b + k)
    return k / (b + k)


def _F_series(a: np.ndarray) -> np.ndarray:
    """Asymptotic series for ``|a| ≤ 10⁻³`` by Horner; 26 terms leave < 10⁻¹⁸ (the terms keep
    decreasing up to ``k ≈ 1/(16|a|) ≥ 62``)."""
    if a.size == 0:
        return a
    top = 26 if float(np.max(-a)) > 1e-5 else 10
    total = np.full_like(a, _F_SERIES[top - 1])
    for c in reversed(_F_SERIES[: top - 1]):
        total = total * a + c
    return total


def F(a: Any) -> Any:
    """``F(a) = ∫_0^∞ e^{4au²−u} u du`` for ``a ≤ 0`` (float or array), exact to rounding.

    Raises ValueError for ``a > 0`` (the integral diverges: the ν=4 solution is gradient ascent
    only, Section 10).
    """
    arr = np.asarray(a, dtype=float)
    if np.any(arr > 0):
        raise ValueError("F(a) diverges for a > 0")
    out = np.empty_like(arr)
    small = -arr <= SERIES_RADIUS
    out[small] = _F_series(arr[small])
    big = ~small
    if np.any(big):
        b = 0.25 / np.sqrt(-arr[big])
        r = np.empty_like(b)
        cf = b >= 1.0
        r[cf] = _R_cf(b[cf])
        r[~cf] = _R_direct(b[~cf])
        out[big] = 2.0 * b * b * r
    return float(out) if np.ndim(a) == 0 else out


def _series_mp(a: Any, derivative: bool) -> Any:
    import mpmath as mp

    total = mp.mpf(0)
    power = mp.mpf(1)
    prev = None
    for k in range(200):
        if derivative:
            c = mp.mpf(4 ** (k + 1) * factorial(2 * k + 3) // factorial(k))
        else:
            c = mp.mpf(4**k * factorial(2 * k + 1) // factorial(k))
        term = c * power
        if prev is not None and abs(term) >= abs(prev):
            break
        total += term
        prev = term
        power *= a
    return total


def F_mp(a: Any) -> Any:
    """``F(a)`` with mpmath at the working precision (closed form at raised precision, or the
    asymptotic series for ``|a| ≤ 10⁻³``)."""
    import mpmath as mp

    a = mp.mpf(a)
    if a > 0:
        raise ValueError("F(a) diverges for a > 0")
    if -a <= SERIES_RADIUS:
        return _series_mp(a, False)
    b = 1 / (4 * mp.sqrt(-a))
    extra = int(2 * mp.log10(b + 1)) + 10
    with mp.workdps(mp.mp.dps + extra):
        r = 1 - mp.sqrt(mp.pi) * b * mp.exp(b * b) * mp.erfc(b)
        val = 2 * b * b * r
    return +val


def Fprime_mp(a: Any) -> Any:
    """``F'(a) = ∫_0^∞ 4u³ e^{4au²−u} du = 16b⁴(R(3 + 2b²) − 1)``, ``b = 1/(4√−a)``."""
    import mpmath as mp

    a = mp.mpf(a)
    if a > 0:
        raise ValueError("F'(a) diverges for a > 0")
    if -a <= SERIES_RADIUS:
        return _series_mp(a, True)
    b = 1 / (4 * mp.sqrt(-a))
    extra = int(4 * mp.log10(b + 1)) + 10
    with mp.workdps(mp.mp.dps + extra):
        r = 1 - mp.sqrt(mp.pi) * b * mp.exp(b * b) * mp.erfc(b)
        val = 16 * b**4 * (r * (3 + 2 * b * b) - 1)
    return +val
