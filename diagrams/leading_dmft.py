"""Leading-order mode for ASYM models with ν ≥ 3 and the zero target, in polynomial time: the
dynamical mean-field (DMFT) limit of the flow at the balanced scaling.

Why a mean-field limit
----------------------
For ASYM the zero-target Pareto-optimal terms of ``Y_s`` are ``p^{Q(n)} H^n σ^{2l}`` with
``l = ν + (ν−1)s`` and ``Q(n) = 1 + (ν−1)(s+2−n)``, ``n = 1..s+1`` (Theorem 4.1, ``s_D = s+1``).
With ``ρ = pσ²``, ``y = H/p^{ν−1}`` they read ``H ρ^{ν+(ν−1)s} y^{n−1}``: at the balanced
scaling ``H ≍ p^{ν−1} ≍ σ^{−ν}`` all of them grow like ``p`` while every other term of ``Y_s`` is
smaller, so ``Y_s^{lead} = H ρ^{ν+(ν−1)s} P_s(y)`` with ``P_s`` the Taylor coefficients of the
large-p limit of ``E[L(t)]/(Hρ^ν)`` in the time ``τ = ρ^{ν−1}t`` (``docs/paper-notes.md`` §8).
For ν ≥ 3 that limit is a *melonic* one (the tensor, not the matrix, case: at fixed ``(s, n)``
the coefficients are polynomials in ν for every ν ≥ 3, while ν = 2 — the planar case of
:mod:`diagrams.leading_planar` — differs), and it is described by a closed set of equations for
a few two-time functions.

The equations (found by a project research note, cavity method)
---------------------------------------------------------------
One p-coordinate ``x(τ)`` of one colour of one H-node, normalised so that ``x(0) ~ N(0, 1)``,
is a linear Gaussian process

    ẋ(τ) = −C(τ,τ)^{ν−1} x(τ) + ∫_0^τ M(τ,s) x(s) ds − η(τ),
    E η(τ)η(τ') = y Φ(τ,τ') C(τ,τ')^{ν−1},

with ``C(τ,τ') = E x(τ)x(τ')``, ``R(τ,s)`` its propagator (``R(s,s) = 1``), and

    M = χ C^{ν−1} + (ν−1) y Φ R C^{ν−2},      χ = ρ − ρ∗χ,   ρ = ν y R C^{ν−1},
    Φ(τ,τ') = C(τ,τ')^ν − ∫_0^{τ'} χ(τ',s) C(τ,s)^ν ds − ν y ∫_0^τ Φ(τ',s) R(τ,s) C(τ,s)^{ν−1} ds,

(``(ρ∗χ)(τ,s) = ∫_s^τ ρ(τ,u) χ(u,s) du``; ``y Φ C^{ν−1}`` is the field the other H-nodes exert
through the tensor ``f``, ``χ`` their collective response, the ``(ν−1)yΦRC^{ν−2}`` term the
reaction through the other colours). Since ``dE[L]/dt = −Σ_{k,m} E|u̇_k^{(m)}|²``,

    P_0 = ½,   P_s(y) = −ν · d^{s−1}/dτ^{s−1} [∂_τ ∂_{τ'} C](τ, τ)|_0     (s ≥ 1).

The derivation is heuristic (a cavity argument, not a proof); the result is checked term by term
against the exact polynomials, which assume none of it, for ν = 3 (s ≤ 7), ν = 4 (s ≤ 6),
ν = 5 (s ≤ 6), ν = 6 (s ≤ 5), ν = 7, 8 (s ≤ 4), and against both ends of every front computed by the
independent branching processes of :mod:`diagrams.leading_extremes` up to s = 25
(``tests/test_leading_dmft.py``). With the identity target the single-site process becomes
non-linear (a ``Π_{m'≠m} x^{(m')}`` drive), which this module does not cover.

Evaluation
----------
Every function of ``(τ, τ')`` is kept as a bivariate exponential generating function truncated
at total degree ``s_max + 1``; the equations are causal, so one pass over the total degree ``d``
settles ``R`` (its ``τ``-derivative has degree ``d − 1``), then ``C``, ``Φ``, ``χ`` and ``M`` at
degree ``d``. At an integer ``y`` every EGF coefficient is an integer (binomial convolutions of
integers), so the arithmetic is exact Python integer arithmetic; ``P_s`` (degree ``s`` in ``y``)
is interpolated exactly from ``y = 0..s`` and checked at ``y = s + 1``. Cost ``O(s^4)`` integer
operations per ``y``, ``O(s^5)`` in all: ``s = 25`` in about 3 s (``BENCHMARKS.md``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from fractions import Fraction
from math import comb

from diagrams.combinatorics import interpolate
from diagrams.errors import NotApplicable, SpecError
from diagrams.model import ModelSpec
from diagrams.polynomial import Poly

Progress = Callable[[float, str], None] | None

SECONDS_AT_25 = 4.0
"""Measured one-core wall time of :func:`dmft_zero_series` at ``s_max = 25`` for ν = 4
(rounded up; ν = 3: 2.8 s, ν = 4: 3.4 s); it grows like ``s^5`` and mildly with ν."""

Grid = list[list[int]]


def applies(model: ModelSpec) -> bool:
    """Whether this module computes the model's leading terms: ASYM, ν ≥ 3, zero target."""
    return not model.sym and model.nu >= 3 and model.target == "zero"


class _EGF2:
    """Degree-by-degree operations on bivariate EGFs ``Σ a[i][j] t^i s^j/(i! j!)``."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.binom = [[comb(n, k) for k in range(n + 1)] for n in range(2 * size + 2)]

    def zeros(self) -> Grid:
        return [[0] * (self.size + 1) for _ in range(self.size + 1)]

    def product(self, a: Grid, b: Grid, d: int, out: Grid) -> None:
        """Degree-``d`` part of the pointwise product ``a(t,s)·b(t,s)`` into ``out``."""
        binom = self.binom
        for i in range(d + 1):
            j = d - i
            bi, bj = binom[i], binom[j]
            total = 0
            for i1 in range(i + 1):
                row_a, row_b, c1 = a[i1], b[i - i1], bi[i1]
                for j1 in range(j + 1):
                    x = row_a[j1]
                    if x:
                        z = row_b[j - j1]
                        if z:
                            total += c1 * bj[j1] * x * z
            out[i][j] = total

    @staticmethod
    def _pairs(a_: Grid, b_: Grid, din: int) -> Iterator[tuple[int, int, int, int, int]]:
        """Nonzero products ``a_[a][b]·b_[c][e]`` with ``a + b + c + e = din``."""
        for a in range(din + 1):
            for b in range(din - a + 1):
                x = a_[a][b]
                if not x:
                    continue
                for c in range(din - a - b + 1):
                    e = din - a - b - c
                    z = b_[c][e]
                    if z:
                        yield a, b, c, e, x * z

    def compose(self, m: Grid, g: Grid, d: int, out: Grid, sign: int = 1) -> None:
        """Add ``sign·∫_s^t m(t,u) g(u,s) du`` at degree ``d`` (inputs of degree ``d − 1``)."""
        binom = self.binom
        for a, b, c, e, xz in self._pairs(m, g, d - 1):
            k = b + c + 1
            v = sign * binom[b + c][b] * xz
            out[a + k][e] += v * binom[a + k][a]
            out[a][e + k] -= v * binom[e + k][e]

    def integrate0(
        self, a_: Grid, b_: Grid, d: int, out: Grid, sign: int = 1, swap: bool = False
    ) -> None:
        """Add ``sign·∫_0^{t'} a(t,s) b(t',s) ds`` as a function of ``(t, t')`` (of ``(t', t)``
        if ``swap``) at degree ``d`` (inputs of degree ``d − 1``)."""
        binom = self.binom
        for a, b, c, e, xz in self._pairs(a_, b_, d - 1):
            k = b + e + 1
            v = sign * binom[b + e][b] * binom[c + k][c] * xz
            if swap:
                out[c + k][a] += v
            else:
                out[a][c + k] += v

    def diagonal(self, a: Grid, d: int) -> int:
        """EGF coefficient of ``t^d/d!`` in ``a(t, t)``."""
        return sum(self.binom[d][i] * a[i][d - i] for i in range(d + 1))


def _velocity_moments(nu: int, y: int, degree: int) -> list[int]:
    """EGF coefficients ``e_0..e_{degree−2}`` of ``E ẋ(τ)² = [∂_τ∂_{τ'}C](τ,τ)`` at integer ``y``,
    from the module's equations truncated at total degree ``degree``."""
    ops = _EGF2(degree + 1)
    z = ops.zeros
    resp, corr, phi, chi = z(), z(), z(), z()  # R, C, Φ, χ
    powers = {j: z() for j in range(1, nu + 1)}  # C^j
    resp_c, noise, memory, phi_r, phi_r_c, rho = z(), z(), z(), z(), z(), z()
    inner, noise_part, phi_tail = z(), z(), z()
    self_rate = [0] * (degree + 2)  # C(τ,τ)^{ν−1}
    for d in range(degree + 1):
        # R at degree d: ∂_τ R = −C(τ,τ)^{ν−1} R + ∫_s^τ M R, with R(s, s) = 1.
        if d == 0:
            resp[0][0] = 1
        else:
            rhs = z()
            for a in range(d):
                b = d - 1 - a
                rhs[a][b] = sum(
                    ops.binom[a][i] * self_rate[i] * resp[a - i][b] for i in range(a + 1)
                )
            if d >= 2:
                ops.compose(memory, resp, d - 1, rhs, sign=-1)
            for a in range(d):
                b = d - 1 - a
                x = rhs[a][b]
                if x:
                    resp[a + 1][b] -= x
                    resp[0][a + 1 + b] += x * ops.binom[a + 1 + b][b]
        # C = R(τ,0)R(τ',0) + y ∫_0^τ∫_0^τ' R(τ,s) R(τ',s') Φ C^{ν−1}(s,s') ds ds'.
        if d >= 1:
            ops.integrate0(noise, resp, d, inner)
        if d >= 2:
            flipped = [[inner[b][a] for b in range(degree + 2)] for a in range(degree + 2)]
            ops.integrate0(flipped, resp, d, noise_part)
        for a in range(d + 1):
            corr[a][d - a] = resp[a][0] * resp[d - a][0] + y * noise_part[a][d - a]
        for a in range(d + 1):
            powers[1][a][d - a] = corr[a][d - a]
        for j in range(2, nu + 1):
            ops.product(powers[j - 1], corr, d, powers[j])
        # Φ = C^ν − ∫_0^τ' χ(τ',s) C(τ,s)^ν ds − ν y ∫_0^τ Φ(τ',s) R(τ,s) C(τ,s)^{ν−1} ds.
        if d >= 1:
            ops.integrate0(powers[nu], chi, d, phi_tail, sign=-1)
            ops.integrate0(phi, resp_c, d, phi_tail, sign=-nu * y, swap=True)
        for a in range(d + 1):
            phi[a][d - a] = powers[nu][a][d - a] + phi_tail[a][d - a]
        # χ = ρ − ρ∗χ with ρ = ν y R C^{ν−1}.
        ops.product(resp, powers[nu - 1], d, resp_c)
        for a in range(d + 1):
            rho[a][d - a] = nu * y * resp_c[a][d - a]
        if d >= 1:
            ops.compose(rho, chi, d, chi, sign=-1)
        for a in range(d + 1):
            chi[a][d - a] += rho[a][d - a]
        # Noise kernel Φ C^{ν−1}; memory M = χ C^{ν−1} + (ν−1) y Φ R C^{ν−2}.
        ops.product(phi, powers[nu - 1], d, noise)
        ops.product(chi, powers[nu - 1], d, memory)
        ops.product(phi, resp, d, phi_r)
        ops.product(phi_r, powers[nu - 2], d, phi_r_c)
        for a in range(d + 1):
            memory[a][d - a] += (nu - 1) * y * phi_r_c[a][d - a]
        self_rate[d] = ops.diagonal(powers[nu - 1], d)
    return [
        sum(ops.binom[n][a] * corr[a + 1][n - a + 1] for a in range(n + 1))
        for n in range(degree - 1)
    ]


def dmft_zero_series(nu: int, s_max: int, progress: Progress = None) -> list[Poly]:
    """Pareto-optimal terms of ``Y_0..Y_{s_max}`` for ASYM ν ≥ 3, zero target (module docstring).

    >>> dmft_zero_series(3, 1)[1].to_text()
    '(-3)*p^5*H*s2^5 + (-3)*p^3*H^2*s2^5'
    """
    if isinstance(s_max, bool) or not isinstance(s_max, int) or s_max < 0:
        raise SpecError("s_max", "must be a non-negative integer")
    if isinstance(nu, bool) or not isinstance(nu, int) or nu < 3:
        raise SpecError("model.nu", "the DMFT method needs ν ≥ 3")
    degree = s_max + 1
    ys = list(range(s_max + 2))
    values = []
    for i, y in enumerate(ys):
        values.append(_velocity_moments(nu, y, degree))
        if progress is not None:
            progress((i + 1) / len(ys), f"mean-field limit: y = {y} of {ys[-1]}")
    out = [Poly({(nu, 1, nu): Fraction(1, 2)})]
    for s in range(1, s_max + 1):
        p_s = [-nu * v[s - 1] for v in values]
        poly = interpolate(ys[: s + 1], p_s[: s + 1])
        extra = ys[s + 1]
        if sum(c * extra**i for i, c in enumerate(poly)) != p_s[s + 1]:
            raise RuntimeError(f"dmft_zero_series: P_{s} is not of degree {s} in y")
        l = nu + (nu - 1) * s
        terms = {}
        for k, c in enumerate(poly):
            if c:
                n = k + 1
                terms[(1 + (nu - 1) * (s + 2 - n), n, l)] = c
        out.append(Poly(terms))
    return out


def dmft_series(model: ModelSpec, s_max: int, progress: Progress = None) -> list[Poly]:
    """:func:`dmft_zero_series` for a model this module :func:`applies` to."""
    if not applies(model):
        raise NotApplicable("model", "the DMFT method covers ASYM ν ≥ 3 with the zero target")
    return dmft_zero_series(model.nu, s_max, progress)


def estimate_dmft_seconds(nu: int, s_max: int) -> float:
    """Wall-time estimate of :func:`dmft_zero_series`: :data:`SECONDS_AT_25` scaled by
    ``(s/25)^5`` and ``(ν + 4)/8`` (the ``ν − 1`` products of the powers of ``C``), at least
    0.05 s."""
    return max(0.05, SECONDS_AT_25 * (max(s_max, 1) / 25) ** 5 * (nu + 4) / 8)
