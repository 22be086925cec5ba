"""Leading (Pareto-optimal) terms of SYM models with even ν by structural recursions — the
fast path of the leading-order mode (Theorem 4.1, its proof in the appendix "Proof of
Theorem 4.1", the proposition of Appendix "General free evolutions for SYM with even ν ≥ 4" and
Appendix "SYM ν=2: explicit solution").

Conventions as in :mod:`diagrams.leading`: ``Y_s = (−1)^s Σ`` over merge histories (first atom,
then ``s`` merges, each along an edge of the current diagram and one of the atom's
same-colour edges) and perfect pairings of the final diagram, of ``Π factor(A_t) · p^q H^n
σ^{2l}`` with ``factor(D) = ½``, ``factor(R) = −1``. A pairing is *leading* when its weight
``q + (ν/2)·n`` is the largest one at its ``s_D``; it then induces a *leading contraction*, and
the pairings inducing a given contraction are those pairing each *bundle* (the edges between one
H-class and one p-class; one colour in SYM) within itself: ``Π_bundles (b − 1)!!`` of them
(a pairing compatible with a leading contraction cannot induce a strictly finer one, whose
weight would be larger).

ν ≥ 4: bundle branching
-----------------------
Leading contractions of a history are built step by step, and each step acts on one bundle:

* first atom ``D``: ``k' ~ k`` with the ν p-nodes apart (``n = 1``), or ``k'`` apart with the
  p-nodes paired (``n = 2``, ``(ν−1)!!`` ways); either way ν bundles of size 2;
  first atom ``R``: one bundle of size ν, ``n = 1``;
* ``⋆R`` along an edge of a bundle of size ``b``: the contraction is unchanged (same nodes; ``R``
  adds ``ν − 2`` parallel edges, parities of bundles are what admissibility sees) and the bundle
  grows to ``b + ν − 2``;
* ``⋆D`` along an edge ``(k, i)`` of a bundle ``B``: the n-retaining step (``k' ~ k``; ``(k', i)``
  takes the place of the consumed edge in ``B``; ``(k, i_j), (k', i_j)`` form ν−1 new bundles) or
  the n-increasing step (``k'`` apart, ``{i_1, …, i_{ν−1}, i}`` paired, ``(ν−1)!!`` ways; the
  edge ``(k, i_{m*})`` with ``i_{m*} ~ i`` takes the place of the consumed edge in ``B``; ν/2
  bundles at ``k'`` and ``ν/2 − 1`` at ``k``). Either way ``B`` keeps its size and ν − 1 new
  bundles of size 2 appear.

That these are *all* leading contractions is the "commutativity of mergers and contractions"
of Appendix "SYM even-ν ≥ 4" (its key observation, with the bundle multiplicities ``r_m``; the
proposition of Appendix "General free evolutions" proves it without ``R``: its case 3 — ``k'``
joining a third H-class — is never leading for ν ≥ 4). With the identity target the trailing
``R`` merges of the optimality proof only grow bundles, which keeps every parity. The test suite
checks the result against the exact polynomials, the general sequential process
(:class:`diagrams.leading.LeadingEngine`, which assumes none of this) and the Taylor series of
the appendix's characteristic ODEs (:func:`diagrams.limits.taylor.sym_nu4_identity`).

Since both ``D`` steps change the bundles identically, the ``n``-dependence factorises: the
leading terms of ``Y_s`` at ``s_D`` are ``(−1)^s B(s, s_D) · y(1 + (ν−1)!! y)^{s_D}`` with ``y^n``
standing for ``p^{Q(n, s_D)} H^n σ^{2l}``. Bundles evolve independently, so ``B`` follows from
exponential generating functions: with ``G_b(x, z)`` the EGF (``x`` counts steps, ``z`` marks
``D`` steps) of the futures of one bundle of size ``b`` and its descendants,

    ∂_x G_b = b (ν z G_b G_2^{ν−1} − ν G_{b+ν−2}),   G_b(0) = (b − 1)!!,

(``½ · 2ν`` per ``D``: the atom's factor times its ``2ν`` edges; ``−1 · ν`` per ``R``) and
``Σ_s B(s, ·) x^s/s! = ½ z G_2^ν − G_ν`` (no ``R`` terms for the zero target) — the appendix's
characteristic system ``ż_m = mν(z_{m+ν−2} − θ z_2^{ν−1} z_m)`` read for one bundle. For the zero
target this is the closed form ``½ z (1 − 2ν(ν−1) z x)^{−ν/(ν−1)}``. Cost: ``O(s^5)`` integer
operations, under a second for ``s = 40``.

ν = 2: cycles
-------------
Every diagram of the SYM ν=2 expansion is one cycle: ``⋆D`` lengthens it by two edges, ``⋆R``
leaves it as it is (Appendix "SYM ν=2"). A history weighs ``½`` (first ``D``: 4-cycle) or ``−1``
(first ``R``: 2-cycle), times ``½·4·2m = 4m`` per ``⋆D`` and ``−1·2·2m = −4m`` per ``⋆R`` on a
``2m``-cycle; this is ``M_{s,s_D}`` of eq. loss-narayana. The leading contractions of a cycle with
``m`` H- and ``m`` p-nodes are those whose pair graph is a tree, i.e. the non-crossing pairings of
its edges, and ``N(m, n) = C(m, n) C(m, n−1) / m`` of them (Narayana) have ``n`` H-classes
(``q = m + 1 − n``).
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from math import comb

from diagrams.combinatorics import double_factorial, narayana
from diagrams.egf import ZPoly, binomial_term, padd
from diagrams.model import ModelSpec
from diagrams.pareto import edge_count, theorem41_q
from diagrams.polynomial import Poly

Progress = Callable[[float, str], None] | None


def applies(model: ModelSpec) -> bool:
    """Whether a structural recursion of this module covers the model (SYM, even ν)."""
    return model.sym and model.nu % 2 == 0


def bundle_weights(nu: int, with_r: bool, s_max: int, progress: Progress = None) -> list[ZPoly]:
    """``B(s, ·)`` for ``s = 0..s_max`` as polynomials in ``z`` with ``2·B`` integral (the first
    ``D`` weighs ½): entry ``s`` lists ``2·B(s, s_D)`` by ``s_D``.

    >>> bundle_weights(4, False, 2)  # free SYM ν=4: 2·B(s, s+1) = C_{1s}/2^s
    [[0, 1], [0, 0, 32], [0, 0, 0, 1792]]
    >>> bundle_weights(4, True, 0)  # −E[R_4] = −3pHσ⁴ and ½E[D_8]'s leading part, doubled
    [[-6, 1]]
    """
    if nu < 4 or nu % 2:
        raise ValueError("bundle branching needs even ν ≥ 4")
    step = nu - 2
    sizes = [2 + j * step for j in range(s_max + 2)]  # bundle sizes that can occur
    # series[b][r]: r! [x^r] G_b, computed order by order.
    series: dict[int, list[ZPoly]] = {b: [[double_factorial(b - 1)]] for b in sizes}
    powers: list[list[ZPoly]] = [[[1]] + [[] for _ in range(s_max)]]  # r! [x^r] G_2^k
    powers += [[[1]] for _ in range(nu)]
    for r in range(s_max):
        if progress is not None:  # the work per order grows like r^4: report by that share
            progress((r / s_max) ** 5, f"bundle recursion: order {r + 1}/{s_max}")
        # G_2^k up to order r (G_2 is known up to order r).
        for k in range(1, nu + 1):
            if len(powers[k]) <= r:
                powers[k].append(binomial_term(powers[k - 1], series[2], r))
        for j, b in enumerate(sizes):
            if r >= s_max + 1 - j:  # this size cannot matter at the orders asked
                continue
            grow = binomial_term(series[b], powers[nu - 1], r)
            nxt = [0] + [nu * b * v for v in grow]
            if with_r:
                nxt = padd(nxt, series[b + step][r], -nu * b)
            series[b].append(nxt)
    for k in range(1, nu + 1):
        while len(powers[k]) <= s_max:
            powers[k].append(binomial_term(powers[k - 1], series[2], len(powers[k])))
    out: list[ZPoly] = []
    for s in range(s_max + 1):
        total = [0] + powers[nu][s]  # ½ z G_2^ν, doubled
        if with_r:
            total = padd(total, series[nu][s], -2)
        out.append(total)
    return out


def cycle_weights(s_max: int, with_r: bool = True) -> list[ZPoly]:
    """SYM ν=2: ``2 M_{s, s_D}`` (histories weighted by atom factors) for ``s = 0..s_max``;
    without ``R`` atoms (zero target) only the ``D`` histories.

    >>> cycle_weights(1)
    [[-2, 1], [8, -16, 8]]
    >>> cycle_weights(1, with_r=False)
    [[0, 1], [0, 0, 8]]
    """
    # First atom R (s_D = 0, weight −1) or D (s_D = 1, weight ½), doubled.
    level: ZPoly = [-2 if with_r else 0, 1]
    out = [list(level)]
    for _ in range(s_max):
        nxt = [0] * (len(level) + 1)
        for s_d, w in enumerate(level):
            m = s_d + 1  # the cycle has 2m edges
            if with_r:
                nxt[s_d] -= 4 * m * w  # ⋆R
            nxt[s_d + 1] += 4 * m * w  # ⋆D
        level = nxt
        out.append(list(level))
    return out


def leading_series_sym(model: ModelSpec, s_max: int, progress: Progress = None) -> list[Poly]:
    """Leading terms of ``Y_0..Y_{s_max}`` for SYM with even ν (see the module docstring).

    >>> ys = leading_series_sym(ModelSpec(2, "sym", "identity"), 1)
    >>> ys[0].to_text()
    '(-1)*p*H*s2 + (1/2)*p^2*H*s2^2 + (1/2)*p*H^2*s2^2'
    """
    if not applies(model):
        raise ValueError("structural recursions cover SYM with even ν only")
    nu = model.nu
    with_r = model.target == "identity"
    if nu == 2:
        weights = cycle_weights(s_max, with_r)
    else:
        weights = bundle_weights(nu, with_r, s_max, progress)
    pairings = double_factorial(nu - 1)
    out = []
    for s, by_d in enumerate(weights):
        sign = -1 if s % 2 else 1
        terms: dict[tuple[int, int, int], Fraction] = {}
        for s_d, doubled in enumerate(by_d):
            if not doubled:
                continue
            l = edge_count(model, s, s_d) // 2
            for n in range(1, s_d + 2):
                if nu == 2:
                    count = narayana(s_d + 1, n)
                else:  # y (1 + (ν−1)!! y)^{s_D}
                    count = comb(s_d, n - 1) * pairings ** (n - 1)
                terms[(theorem41_q(model, n, s_d), n, l)] = Fraction(sign * doubled * count, 2)
        out.append(Poly(terms))
    return out
