"""Exact Taylor coefficients of the catalogue's loss curves as polynomials in ``p, H, σ²``.

``E[L(t)] ~ ½‖F‖² + Σ_s Y_s t^s/(T^s s!)``: each function here returns the ``Y_s`` that a
catalogue solution predicts (``Y_0`` without the offset), so they can be compared term by term
with the engine's leading-order coefficients ``series(model, s_max, mode="leading")`` (the
"Taylor check" of every catalogue entry). They are computed from the closed forms' own
ingredients — binomial series, exponentials, Narayana numbers, the Taylor recursion of the
ν=4 characteristic ODEs — never from the engine.
"""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache
from math import comb, factorial

from diagrams.combinatorics import double_factorial, narayana
from diagrams.model import ModelSpec
from diagrams.polynomial import Poly

__all__ = [
    "double_factorial",
    "rising",
    "free_underparameterized",
    "free_overparameterized",
    "free_general_sym",
    "ntk",
    "sym_nu2_identity",
    "sym_nu2_zero",
    "sym_nu4_identity",
    "narayana",
    "narayana_M",
]


def rising(a: Fraction, s: int) -> Fraction:
    """Pochhammer ``(a)_s = a(a+1)⋯(a+s−1)``."""
    out = Fraction(1)
    for i in range(s):
        out *= a + i
    return out


def _power_law(s: int, amplitude: Fraction, rate: Fraction, exponent: Fraction) -> Fraction:
    """``s!·[τ^s] A(1 + rτ)^{−e} = A(−r)^s (e)_s``."""
    return amplitude * (-rate) ** s * rising(exponent, s)


def free_underparameterized(model: ModelSpec, s_max: int) -> list[Poly]:
    """Point A: ``½p^νHσ^{2ν}(1 + c p^{ν−1}σ^{2(ν−1)}t/T)^{−ν/(ν−1)}``, ``c = 2(ν−1)`` (ASYM) or
    ``2ν(ν−1)`` (SYM even ν) — Section 7, eq. ``free-underparam-loss``."""
    nu = model.nu
    c = Fraction(2 * (nu - 1) * (nu if model.sym else 1))
    e = Fraction(nu, nu - 1)
    return [
        Poly({(nu + (nu - 1) * s, 1, nu + (nu - 1) * s): _power_law(s, Fraction(1, 2), c, e)})
        for s in range(s_max + 1)
    ]


def free_overparameterized(model: ModelSpec, s_max: int) -> list[Poly]:
    """Point B. ASYM: ``½p^νHσ^{2ν} e^{−2νσ^{2(ν−1)}Ht/T}``; SYM even ν:
    ``½(ν−1)!! p^{ν/2}H²σ^{2ν}(1 + 2ν(ν−1)!!(ν−1)p^{ν/2−1}Hσ^{2(ν−1)}t/T)^{−ν/(ν−1)}``."""
    nu = model.nu
    out = []
    for s in range(s_max + 1):
        l = nu + (nu - 1) * s
        if model.sym:
            df = double_factorial(nu - 1)
            amp = Fraction(df, 2)
            coeff = _power_law(s, amp, Fraction(2 * nu * df * (nu - 1)), Fraction(nu, nu - 1))
            out.append(Poly({(nu // 2 + (nu // 2 - 1) * s, 2 + s, l): coeff}))
        else:
            out.append(Poly({(nu, 1 + s, l): Fraction(1, 2) * (-2 * nu) ** s}))
    return out


def free_general_sym(model: ModelSpec, s_max: int) -> list[Poly]:
    """Edge A–B, SYM even ν ≥ 4 (boxed formula of the free-evolution appendix):
    ``½p^νHσ^{2ν}θ'(1 + 2ν(ν−1)θ' p^{ν−1}σ^{2(ν−1)}t/T)^{−ν/(ν−1)}``, ``θ' = 1 + (ν−1)!!H/p^{ν/2}``.
    ``[τ^s]`` is ``binom(−e, s)(2ν(ν−1))^s θ'^{s+1}`` and ``θ'^{s+1}`` is expanded binomially."""
    nu = model.nu
    df = double_factorial(nu - 1)
    e = Fraction(nu, nu - 1)
    out = []
    for s in range(s_max + 1):
        base = _power_law(s, Fraction(1, 2), Fraction(2 * nu * (nu - 1)), e)
        terms = {}
        for j in range(s + 2):
            q = nu + (nu - 1) * s - nu * j // 2
            terms[(q, 1 + j, nu + (nu - 1) * s)] = base * comb(s + 1, j) * df**j
        out.append(Poly(terms))
    return out


def ntk(model: ModelSpec, s_max: int) -> list[Poly]:
    """Vertices B and C, ASYM identity: ``E[L] = ½(p + Hp^νσ^{2ν}) e^{−2νHσ^{2(ν−1)}t/T}``
    (derived in ``docs/paper-notes.md``; the offset ``p/2`` is removed from ``Y_0``)."""
    nu = model.nu
    out = []
    for s in range(s_max + 1):
        c = Fraction(1, 2) * (-2 * nu) ** s
        l = (nu - 1) * s
        terms = {(nu, 1 + s, nu + l): c}
        if s > 0:
            terms[(1, s, l)] = c
        out.append(Poly(terms))
    return out


@lru_cache(maxsize=8)
def narayana_M(s_max: int, target: str) -> dict[tuple[int, int], Fraction]:
    """``M_{s,s_D}``: coefficient of the circular diagram with ``2(s_D+1)`` edges in
    ``(½D_4 − R_2)^{⋆(s+1)}`` (identity target) or ``(½D_4)^{⋆(s+1)}`` (zero target), from
    the paper's recurrence ``M_{s,s_D} = −4(s_D+1)M_{s−1,s_D} + 4s_D M_{s−1,s_D−1}`` (the first
    term, a merge with ``−R_2``, is absent for the zero target)."""
    m: dict[tuple[int, int], Fraction] = {(0, 1): Fraction(1, 2)}
    if target == "identity":
        m[(0, 0)] = Fraction(-1)
    for s in range(1, s_max + 1):
        for sd in range(0, s + 2):
            v = 4 * sd * m.get((s - 1, sd - 1), Fraction(0))
            if target == "identity":
                v += -4 * (sd + 1) * m.get((s - 1, sd), Fraction(0))
            if v:
                m[(s, sd)] = v
    return m


def _nu2(s_max: int, target: str) -> list[Poly]:
    m = narayana_M(s_max, target)
    out = []
    for s in range(s_max + 1):
        terms = {}
        for sd in range(0, s + 2):
            c = m.get((s, sd), Fraction(0))
            if not c:
                continue
            for n in range(1, sd + 2):
                terms[(sd + 2 - n, n, sd + 1)] = (-1) ** s * c * narayana(sd + 1, n)
        out.append(Poly(terms))
    return out


def sym_nu2_identity(s_max: int) -> list[Poly]:
    """SYM ν=2 identity: ``E[L] − p/2 = p²σ²Ψ(−t/T, H/p, pσ²)``, eq. ``loss-narayana``;
    ``Y_s = (−1)^s Σ_{s_D,n} M_{s,s_D} N_{s_D+1,n} p^{s_D+2−n} H^n σ^{2(s_D+1)}``."""
    return _nu2(s_max, "identity")


def sym_nu2_zero(s_max: int) -> list[Poly]:
    """SYM ν=2 free evolution (all of edge A–B): ``E[L] = (p³σ⁴/2) ∂_1h(−4pσ²t/T, H/p)``."""
    return _nu2(s_max, "zero")


def sym_nu4_identity(s_max: int) -> list[Poly]:
    """SYM ν=4 identity from the characteristic ODEs of the appendix "SYM even-ν≥4":
    ``ż_m = 4m(z_{m+2} − θ z_2³ z_m)``, ``z_m(0) = (m−1)!! pσ^m`` (even ``m``),
    ``E[L] = p/2 + p²·y(θz_2(τ)⁴/2 − z_4(τ))`` with ``τ = t/T``, ``y = H/p²``, ``θ = 1 + 3y``.

    The Taylor coefficients are exact Laurent polynomials in ``p`` (``θ`` has ``p^{−2}``), the
    final ``Y_s`` are polynomials. This is the formal series that the Borel-summed closed form of
    :mod:`diagrams.limits.nu4` represents.
    """
    return list(_nu4_taylor(s_max))


Laurent = dict[tuple[int, int, int], Fraction]


def _mul(a: Laurent, b: Laurent) -> Laurent:
    out: Laurent = {}
    for (q1, n1, l1), c1 in a.items():
        for (q2, n2, l2), c2 in b.items():
            k = (q1 + q2, n1 + n2, l1 + l2)
            out[k] = out.get(k, Fraction(0)) + c1 * c2
    return {k: v for k, v in out.items() if v}


def _add(a: Laurent, b: Laurent, scale: Fraction = Fraction(1)) -> Laurent:
    out = dict(a)
    for k, v in b.items():
        out[k] = out.get(k, Fraction(0)) + scale * v
    return {k: v for k, v in out.items() if v}


@lru_cache(maxsize=4)
def _nu4_taylor(s_max: int) -> tuple[Poly, ...]:
    theta: Laurent = {(0, 0, 0): Fraction(1), (-2, 1, 0): Fraction(3)}
    y: Laurent = {(-2, 1, 0): Fraction(1)}
    top = 4 + 2 * (s_max + 1)
    # a[m][j]: Taylor coefficient of τ^j in z_m (Laurent in p, H, σ²)
    a: dict[int, list[Laurent]] = {
        m: [{(1, 0, m // 2): Fraction(double_factorial(m - 1))}]
        for m in range(2, top + 2 * s_max + 3, 2)
    }

    def series_product(x: list[Laurent], z: list[Laurent], j: int) -> Laurent:
        out: Laurent = {}
        for i in range(j + 1):
            if i < len(x) and j - i < len(z):
                out = _add(out, _mul(x[i], z[j - i]))
        return out

    for j in range(s_max):
        # z_2³ up to order j (needs a[2][0..j])
        z2sq = [series_product(a[2], a[2], i) for i in range(j + 1)]
        z2_cubed = [series_product(z2sq, a[2], i) for i in range(j + 1)]
        for m in sorted(a):
            if m + 2 not in a or len(a[m + 2]) <= j:
                continue
            prod = series_product(z2_cubed, a[m], j)
            inner = _add(a[m + 2][j], _mul(theta, prod), Fraction(-1))
            a[m].append({k: v * Fraction(4 * m, j + 1) for k, v in inner.items()})
    # g(τ) = y (θ z_2⁴/2 − z_4)
    z2sq = [series_product(a[2], a[2], i) for i in range(s_max + 1)]
    z2_4 = [series_product(z2sq, z2sq, i) for i in range(s_max + 1)]
    out = []
    for s in range(s_max + 1):
        g = _add(_mul(theta, {k: v / 2 for k, v in z2_4[s].items()}), a[4][s], Fraction(-1))
        g = _mul(y, g)
        terms = {(q + 2, n, l): v * factorial(s) for (q, n, l), v in g.items()}
        if any(k[0] < 0 for k in terms):
            raise ArithmeticError("negative p-power in the ν=4 Taylor coefficients")
        out.append(Poly(terms))
    return tuple(out)
