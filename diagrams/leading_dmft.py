"""Leading-order mode for ASYM models with ν ≥ 3 and the zero target, in polynomial time: the
dynamical mean-field (DMFT) limit of the flow at the balanced scaling; for the identity target,
the same limit to first order in the target strength (the levels ``s_R ≤ 2``).

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
(``tests/test_leading_dmft.py``).

Identity target: the first order in the target strength
-------------------------------------------------------
With ``F = δ`` the site process gains the same-site drive ``κ(τ) Π_{m'≠m} x^{(m')}`` with
``κ = γ − y d``, ``d = E Π_m x^{(m)}``, and ``Φ = Φ_f + y d d'`` (``Φ_f`` obeys the equation above
with ``d = 0``, and feeds the noise); ``P_s(y, γ)`` is even in ``γ`` (flip one colour), the
coefficient of ``γ^{s_R}`` being the level of ``s_R`` atoms ``R_ν``. The process is then
non-linear, and no polynomial evaluation of it is known (``docs/paper-notes.md`` §8); to first
order in ``ε = γ²`` only one-loop pieces enter. With ``G`` the zero-target propagator, ``C`` its
covariance and ``k = 1 − y d₁``:

    d = γ d₁,   d₁(τ) = ν ∫_0^τ G(τ,u) k(u) C(τ,u)^{ν−1} du,
    C → C + ε S_C,   S_C = A + B + Bᵀ,
        A(τ,τ') = ∫_0^τ∫_0^{τ'} G(τ,u)k(u) G(τ',u')k(u') C(u,u')^{ν−1} du du',
        B(τ,τ') = (ν−1) ∫_0^τ du G(τ,u)k(u) ∫_0^u dv G(u,v)k(v) C(u,v)^{ν−2} C(τ',v),
    R → G + ε ΔR,   ΔR(τ,s) = (ν−1) ∫_s^τ du G(τ,u)k(u) ∫_s^u dv G(u,v)k(v) C(u,v)^{ν−2} G(v,s),

and every other equation is carried in dual numbers ``a + εb`` (:func:`dmft_first_order_series`:
the levels ``s_R = 0, 2`` of every ``Y_s``, ``O(s^5)``, s = 25 in about 10 s). Found by a project
research note; checked against every ``s_R ≤ 2`` term of the exact polynomials (ν = 3, s ≤ 7;
ν = 4, s ≤ 5; ν = 5, s ≤ 4; ν = 6, 7, s ≤ 3), an interior term at s = 8 (ν = 3, exact site
process), and both ends of both levels from the extreme mode up to s = 25. The levels
``s_R ≥ 4`` (non-melonic site graphs) are not covered.

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

FIRST_ORDER_S_R = 2
"""The identity target's first level below the zero-target one: ``Y_s``'s terms with two
``R_ν`` atoms (``γ²``; ``s_R`` is even, the site process being odd in each colour)."""


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

    def product(self, a: Grid, b: Grid, d: int, out: Grid, sign: int = 1) -> None:
        """Add ``sign`` times the degree-``d`` part of ``a(t,s)·b(t,s)`` to ``out``."""
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
            if total:
                out[i][j] += sign * total

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

    def left0(self, a_: Grid, b_: Grid, d: int, out: Grid, sign: int = 1) -> None:
        """Add ``sign·∫_0^t a(t,u) b(u,t') du`` at degree ``d`` (inputs of degree ``d − 1``)."""
        binom = self.binom
        for i, j, k, e, xz in self._pairs(a_, b_, d - 1):
            n = i + j + k + 1
            out[n][e] += sign * binom[j + k][j] * binom[n][i] * xz

    def times_right(self, a: Grid, k: list[int]) -> Grid:
        """``a(t,u)·k(u)`` for a univariate EGF ``k``."""
        binom, size = self.binom, self.size
        out = self.zeros()
        for i in range(size + 1):
            for j in range(size + 1 - i):
                out[i][j] = sum(binom[j][j1] * a[i][j1] * k[j - j1] for j1 in range(j + 1))
        return out


Dual = list[Grid]
"""A grid per order in ``ε = γ²``: ``[zero part]`` or ``[zero part, ε part]``."""


def _mean_field(
    nu: int, y: int, degree: int, sources: tuple[Grid, Grid] | None = None
) -> tuple[_EGF2, Grid, Grid, list[list[int]]]:
    """The module's equations truncated at total degree ``degree``, at integer ``y``.

    Without ``sources``: the zero target. With ``sources = (S_C, ΔR)``: every function is carried
    to first order in ``ε = γ²`` (dual numbers ``a + εb``), ``S_C`` added to ``C`` and ``ΔR`` to
    ``R`` in the ``ε`` part (:func:`_first_order_sources`). Returns the EGF operations, the
    zero-order ``R`` and ``C``, and per order in ``ε`` the EGF coefficients ``e_0..e_{degree−2}``
    of ``E ẋ(τ)² = [∂_τ∂_{τ'}C](τ,τ)``."""
    ops = _EGF2(degree + 1)
    binom = ops.binom
    parts = (0, 1) if sources is not None else (0,)

    def dual() -> Dual:
        return [ops.zeros() for _ in parts]

    def mul(a: Dual, b: Dual, d: int, out: Dual) -> None:
        ops.product(a[0], b[0], d, out[0])
        if sources is not None:
            ops.product(a[0], b[1], d, out[1])
            ops.product(a[1], b[0], d, out[1])

    def bilinear(
        op: Callable[..., None], a: Dual, b: Dual, d: int, out: Dual, **kw: object
    ) -> None:
        op(a[0], b[0], d, out[0], **kw)
        if sources is not None:
            op(a[0], b[1], d, out[1], **kw)
            op(a[1], b[0], d, out[1], **kw)

    prop, resp, corr, phi, chi = dual(), dual(), dual(), dual(), dual()  # G, R, C, Φ, χ
    powers = {j: dual() for j in range(1, nu + 1)}  # C^j
    resp_c, noise, memory, phi_r, phi_r_c, rho = dual(), dual(), dual(), dual(), dual(), dual()
    inner, noise_part, phi_tail = dual(), dual(), dual()
    self_rate = [[0] * (degree + 2) for _ in parts]  # C(τ,τ)^{ν−1}
    for d in range(degree + 1):
        # G at degree d: ∂_τ G = −C(τ,τ)^{ν−1} G + ∫_s^τ M G, with G(s, s) = 1.
        if d == 0:
            prop[0][0][0] = 1
        else:
            rhs = dual()
            for a in range(d):
                b = d - 1 - a
                for p in parts:  # Σ_{q+r=p} rate_q · G_r
                    rhs[p][a][b] = sum(
                        binom[a][i] * self_rate[q][i] * prop[p - q][a - i][b]
                        for q in range(p + 1)
                        for i in range(a + 1)
                    )
            if d >= 2:
                bilinear(ops.compose, memory, prop, d - 1, rhs, sign=-1)
            for p in parts:
                for a in range(d):
                    b = d - 1 - a
                    x = rhs[p][a][b]
                    if x:
                        prop[p][a + 1][b] -= x
                        prop[p][0][a + 1 + b] += x * binom[a + 1 + b][b]
        # R = G (+ ε ΔR): the response of the non-linear site adds the source.
        for p in parts:
            for a in range(d + 1):
                resp[p][a][d - a] = prop[p][a][d - a]
        if sources is not None:
            for a in range(d + 1):
                resp[1][a][d - a] += sources[1][a][d - a]
        # C = G(τ,0)G(τ',0) + y ∫_0^τ∫_0^τ' G(τ,s) G(τ',s') Φ C^{ν−1}(s,s') ds ds' (+ ε S_C).
        if d >= 1:
            bilinear(ops.integrate0, noise, prop, d, inner)
        if d >= 2:
            span = range(degree + 2)
            flipped = [[[g[b][a] for b in span] for a in span] for g in inner]
            bilinear(ops.integrate0, flipped, prop, d, noise_part)
        for a in range(d + 1):
            corr[0][a][d - a] = prop[0][a][0] * prop[0][d - a][0] + y * noise_part[0][a][d - a]
            if sources is not None:
                corr[1][a][d - a] = (
                    prop[0][a][0] * prop[1][d - a][0]
                    + prop[1][a][0] * prop[0][d - a][0]
                    + y * noise_part[1][a][d - a]
                    + sources[0][a][d - a]
                )
        for p in parts:
            for a in range(d + 1):
                powers[1][p][a][d - a] = corr[p][a][d - a]
        for j in range(2, nu + 1):
            mul(powers[j - 1], corr, d, powers[j])
        # Φ = C^ν − ∫_0^τ' χ(τ',s) C(τ,s)^ν ds − ν y ∫_0^τ Φ(τ',s) R(τ,s) C(τ,s)^{ν−1} ds.
        if d >= 1:
            bilinear(ops.integrate0, powers[nu], chi, d, phi_tail, sign=-1)
            bilinear(ops.integrate0, phi, resp_c, d, phi_tail, sign=-nu * y, swap=True)
        for p in parts:
            for a in range(d + 1):
                phi[p][a][d - a] = powers[nu][p][a][d - a] + phi_tail[p][a][d - a]
        # χ = ρ − ρ∗χ with ρ = ν y R C^{ν−1}.
        mul(resp, powers[nu - 1], d, resp_c)
        for p in parts:
            for a in range(d + 1):
                rho[p][a][d - a] = nu * y * resp_c[p][a][d - a]
        if d >= 1:
            bilinear(ops.compose, rho, chi, d, chi, sign=-1)
        for p in parts:
            for a in range(d + 1):
                chi[p][a][d - a] += rho[p][a][d - a]
        # Noise kernel Φ C^{ν−1}; memory M = χ C^{ν−1} + (ν−1) y Φ R C^{ν−2}.
        mul(phi, powers[nu - 1], d, noise)
        mul(chi, powers[nu - 1], d, memory)
        mul(phi, resp, d, phi_r)
        mul(phi_r, powers[nu - 2], d, phi_r_c)
        for p in parts:
            for a in range(d + 1):
                memory[p][a][d - a] += (nu - 1) * y * phi_r_c[p][a][d - a]
            self_rate[p][d] = ops.diagonal(powers[nu - 1][p], d)
    moments = [
        [sum(binom[n][a] * c[a + 1][n - a + 1] for a in range(n + 1)) for n in range(degree - 1)]
        for c in corr
    ]
    return ops, resp[0], corr[0], moments


def _first_order_sources(
    nu: int, y: int, degree: int, ops: _EGF2, prop: Grid, corr: Grid
) -> tuple[Grid, Grid]:
    """The ``ε = γ²`` sources ``(S_C, ΔR)`` of the identity target's site process, from the
    zero-order propagator ``G`` and covariance ``C`` (module docstring, "Identity target")."""
    z = ops.zeros
    binom = ops.binom
    powers = {1: corr}
    for j in range(2, nu):
        powers[j] = z()
        for d in range(degree + 1):
            ops.product(powers[j - 1], corr, d, powers[j])
    g_c = z()  # G C^{ν−1}
    for d in range(degree + 1):
        ops.product(prop, powers[nu - 1], d, g_c)
    # d₁(τ) = ν ∫_0^τ G(τ,u) k(u) C(τ,u)^{ν−1} du with k = 1 − y d₁ (κ = γ k + O(γ³)).
    d1 = [0] * (degree + 2)
    k = [0] * (degree + 2)
    k[0] = 1
    for n in range(1, degree + 1):
        total = 0
        for i in range(n):
            for j in range(n - i):
                f = g_c[i][j]
                if f and k[n - 1 - i - j]:
                    total += binom[n][i] * binom[n - 1 - i][j] * f * k[n - 1 - i - j]
        d1[n] = nu * total
        k[n] = -y * d1[n]
    g_k = ops.times_right(prop, k)  # G(τ,u) k(u)
    vertex = z()  # G(u,v) k(v) C(u,v)^{ν−2}
    for d in range(degree + 1):
        ops.product(g_k, powers[nu - 2], d, vertex)
    tree = z()  # ∫_0^τ' C^{ν−1}(u,s) G(τ',s) k(s) ds
    loop = z()  # ∫_0^τ' C(τ,s) vertex(τ',s) ds
    chain = z()  # ∫_s^u vertex(u,v) G(v,s) dv
    for d in range(1, degree + 1):
        ops.integrate0(powers[nu - 1], g_k, d, tree)
        ops.integrate0(corr, vertex, d, loop)
        ops.compose(vertex, prop, d, chain)
    loop_t = [[loop[b][a] for b in range(degree + 2)] for a in range(degree + 2)]
    both, one, d_resp = z(), z(), z()
    for d in range(1, degree + 1):
        ops.left0(g_k, tree, d, both)
        ops.left0(g_k, loop_t, d, one, sign=nu - 1)
        ops.compose(g_k, chain, d, d_resp, sign=nu - 1)
    s_corr = z()
    for a in range(degree + 1):
        for b in range(degree + 1 - a):
            s_corr[a][b] = both[a][b] + one[a][b] + one[b][a]
    return s_corr, d_resp


def _levels(
    nu: int,
    s_max: int,
    orders: Callable[[int, int], list[list[int]]],
    levels: tuple[int, ...],
    what: str,
    progress: Progress,
) -> list[Poly]:
    """The Pareto terms of ``Y_0..Y_{s_max}`` on the levels ``s_R ∈ levels``: ``orders(y,
    degree)`` gives, per level, the EGF coefficients of ``E ẋ²`` at integer ``y``; the level
    ``s_R`` of ``P_s`` (degree ``min(s_D, s)`` in ``y``, ``n ≤ s_D + 1`` and ``n ≤ s + 1``) is
    interpolated exactly from ``y = 0, 1, …`` and checked at every remaining ``y ≤ s_max + 1``."""
    if isinstance(s_max, bool) or not isinstance(s_max, int) or s_max < 0:
        raise SpecError("s_max", "must be a non-negative integer")
    if isinstance(nu, bool) or not isinstance(nu, int) or nu < 3:
        raise SpecError("model.nu", "the DMFT method needs ν ≥ 3")
    ys = list(range(s_max + 2))
    values = []
    for i, y in enumerate(ys):
        values.append(orders(y, s_max + 1))
        if progress is not None:
            progress((i + 1) / len(ys), f"{what}: y = {y} of {ys[-1]}")
    out = [Poly({(nu, 1, nu): Fraction(1, 2)})]
    for s in range(1, s_max + 1):
        terms: dict[tuple[int, int, int], Fraction] = {}
        for part, s_r in enumerate(levels):
            s_d = s + 1 - s_r
            if s_d < 0:
                continue
            p_s = [-nu * v[part][s - 1] for v in values]
            degree = min(s_d, s)
            poly = interpolate(ys[: degree + 1], p_s[: degree + 1])
            for extra, value in zip(ys[degree + 1 :], p_s[degree + 1 :]):
                if sum(c * extra**i for i, c in enumerate(poly)) != value:
                    raise RuntimeError(f"{what}: level s_R={s_r} of P_{s} exceeds degree {degree}")
            l = (nu * (s_d + 1) + (nu - 2) * s) // 2
            for k, c in enumerate(poly):
                if c:
                    n = k + 1
                    terms[(1 + (nu - 1) * (s_d + 1 - n), n, l)] = c
        out.append(Poly(terms))
    return out


def dmft_zero_series(nu: int, s_max: int, progress: Progress = None) -> list[Poly]:
    """Pareto-optimal terms of ``Y_0..Y_{s_max}`` for ASYM ν ≥ 3, zero target (module docstring).

    >>> dmft_zero_series(3, 1)[1].to_text()
    '(-3)*p^5*H*s2^5 + (-3)*p^3*H^2*s2^5'
    """

    def orders(y: int, degree: int) -> list[list[int]]:
        return _mean_field(nu, y, degree)[3]

    return _levels(nu, s_max, orders, (0,), "mean-field limit", progress)


def dmft_first_order_series(nu: int, s_max: int, progress: Progress = None) -> list[Poly]:
    """Pareto-optimal terms of ``Y_0..Y_{s_max}`` with at most two ``R_ν`` atoms (``s_R ≤ 2``)
    for ASYM ν ≥ 3 with the identity target: ``P_s(y, γ) = Q_{s,0}(y) + γ² Q_{s,1}(y) + O(γ⁴)``,
    the zero-target level and the first order in the target strength (module docstring,
    "Identity target"). The levels ``s_R ≥ 4`` are not computed (:data:`FIRST_ORDER_S_R`).

    >>> dmft_first_order_series(3, 1)[1].to_text()
    '(-3)*p*H*s2^2 + (-3)*p^5*H*s2^5 + (-3)*p^3*H^2*s2^5'
    """

    def orders(y: int, degree: int) -> list[list[int]]:
        ops, prop, corr, _ = _mean_field(nu, y, degree)
        sources = _first_order_sources(nu, y, degree, ops, prop, corr)
        return _mean_field(nu, y, degree, sources)[3]

    levels = (0, FIRST_ORDER_S_R)
    return _levels(nu, s_max, orders, levels, "mean-field limit to first order in γ²", progress)


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
