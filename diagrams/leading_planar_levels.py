"""ASYM ν = 2 with the identity target: the lowest levels of every Pareto front, in time
polynomial in ``s`` — the terms of ``Y_s`` with few atoms ``D_4`` (``s_D ≤ K``).

Why words
---------
For ν = 2 the Pareto-optimal terms of ``Y_s`` are ``p^q H^n σ^{2l}`` with ``q + n − l = 1`` and
``l = s_D + 1``; with ``H = y·p``, ``σ² = g/p`` they are the terms of ``p·ℓ(t)``, ``ℓ`` the planar
limit of ``E[L(t)]/p`` (:mod:`diagrams.leading_planar`, ``docs/paper-notes.md`` §8). With
``a = AᵀA``, ``b = BᵀB``, ``c = AᵀB``, ``d = BᵀA`` (H×H) the flow closes on four letters
(``T = 1``, target ``ε = 1``):

    ȧ = ḃ = c + d − ab − ba,   ċ = a + b − bc − ca,   ḋ = a + b − db − ad,
    L = ½ tr ab − tr c  (+ p/2, the offset),

so ``d^sL/dt^s`` is ``D^s`` of ``L`` for the derivation ``D`` on words given by these rules, and
``Y_s = Σ_w [D^sL]_w E tr w``. Every letter carries one ``σ²`` (``g`` in the limit), so the
level ``l`` of a term is the length of its word: the level ``l`` of every ``Y_s`` needs only the
words of length ``≤ l`` — a number of classes exponential in ``l`` but independent of ``s``.

Planar moments
--------------
In the planar limit ``G = KᵀK`` (``K = [A B]``, p×2H) is an M₂-valued Marchenko–Pastur element,
free from M₂ with scalar free cumulants ``κ_r = 2^{r−1} y^{r−1}`` (``g = 1``), and a letter is the
block ``(i, j)`` of ``G`` (``a = (0,0)``, ``b = (1,1)``, ``c = (0,1)``, ``d = (1,0)``). So
``lim tr_H w/H = 2 tr₂ E[x n₁ x n₂ ⋯ x n_k]`` with matrix units ``n_r`` (the column block of
letter ``r`` joined to the row block of the next, cyclically), and the M₂-valued moments
``E[x n₁ x ⋯ n_{k−1} x]`` follow from the first-block recursion of the free moment–cumulant
formula (the block of the first ``x`` is a chain ``1 = p₁ < ⋯ < p_r``; between consecutive
elements sit smaller moments, closed by ``tr₂``). Words are identified under rotation, the
exchange ``A ↔ B`` (``a ↔ b``, ``c ↔ d``) and transposition (reversal with ``c ↔ d``), which fix
both the flow and the trace.

Found by a project research note; equal to every Pareto term with ``l ≤ 11`` of the exact
sequential process for ``s ≤ 13`` (research runs; smaller cases in
``tests/test_leading_planar_levels.py``) and to both ends of those levels from the extreme mode
up to ``s = 25``. Cost: the classes grow about ×3.4 per level (levels ``l ≤ 9``, i.e.
``s_D ≤ 8``, to ``s = 25`` in about 25 s); the middle levels of a front stay exponential
(``docs/paper-notes.md`` §8).
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from functools import cache

from diagrams.egf import padd, pmul
from diagrams.errors import SpecError
from diagrams.model import ModelSpec
from diagrams.polynomial import Poly

Progress = Callable[[float, str], None] | None

Word = tuple[int, ...]
"""Letters ``0 = a, 1 = b, 2 = c, 3 = d``."""
YPoly = list[Fraction]
"""A polynomial in ``y`` as its coefficient list (:mod:`diagrams.egf`'s ``ZPoly`` with rational
coefficients), without trailing zeros."""
Matrix = list[list[YPoly]]
"""2×2 over polynomials in ``y``."""

BLOCK = {0: (0, 0), 1: (1, 1), 2: (0, 1), 3: (1, 0)}
RULES: dict[int, list[tuple[Word, int]]] = {
    0: [((2,), 1), ((3,), 1), ((0, 1), -1), ((1, 0), -1)],
    1: [((2,), 1), ((3,), 1), ((0, 1), -1), ((1, 0), -1)],
    2: [((0,), 1), ((1,), 1), ((1, 2), -1), ((2, 0), -1)],
    3: [((0,), 1), ((1,), 1), ((3, 1), -1), ((0, 3), -1)],
}
"""The derivation ``D``: each letter and the words (with signs) it becomes."""
_SWAP = {0: 1, 1: 0, 2: 3, 3: 2}
_TRANSPOSE = {0: 0, 1: 1, 2: 3, 3: 2}

LEVEL_SECONDS = {5: 0.15, 7: 2.0, 9: 30.0, 11: 420.0}
"""Measured wall time (one core, rounded up) of :func:`planar_low_levels` to ``s = 25`` with
levels ``l ≤`` key (0.11 / 1.6 / 24 s at 5 / 7 / 9; 11 extrapolated ×14 per two levels)."""


def applies(model: ModelSpec) -> bool:
    """Whether this module computes the model's low levels: ASYM, ν = 2, identity target."""
    return not model.sym and model.nu == 2 and model.target == "identity"


def canonical_word(word: Word) -> Word:
    """The least rotation of the word, of its ``A ↔ B`` exchange and of its transposes."""
    variants = (
        word,
        tuple(_SWAP[x] for x in word),
        tuple(_TRANSPOSE[x] for x in reversed(word)),
        tuple(_SWAP[_TRANSPOSE[x]] for x in reversed(word)),
    )
    return min(v[r:] + v[:r] for v in variants for r in range(len(word)))


def _add(p: YPoly, q: YPoly) -> YPoly:
    """``p + q`` with trailing zeros dropped (so that ``[]`` is the only zero)."""
    out = padd(p, q)
    while out and not out[-1]:
        out.pop()
    return out


def _matmul(x: Matrix, z: Matrix) -> Matrix:
    return [
        [_add(pmul(x[i][0], z[0][j]), pmul(x[i][1], z[1][j])) for j in range(2)] for i in range(2)
    ]


def _unit(i: int, j: int) -> Matrix:
    m: Matrix = [[[], []], [[], []]]
    m[i][j] = [Fraction(1)]
    return m


def _trace2(m: Matrix) -> YPoly:
    """Normalised trace ``tr₂``."""
    return [Fraction(v) / 2 for v in _add(m[0][0], m[1][1])]  # padd/pmul leave int zeros


def _cumulant(r: int) -> YPoly:
    return [Fraction(0)] * (r - 1) + [Fraction(2 ** (r - 1))]


@cache
def _moment_m2(units: tuple[tuple[int, int], ...]) -> Matrix:
    """``E[x n₁ x n₂ ⋯ n_{k−1} x]`` (M₂-valued), ``units`` the matrix units ``n_r``."""
    k = len(units) + 1
    # chains[r][p]: Σ over chains 1 = p₁ < ⋯ < p_r = p of the product of tr₂ of the gaps.
    chains: list[dict[int, YPoly]] = [{} for _ in range(k + 1)]
    chains[1][0] = [Fraction(1)]
    for r in range(2, k + 1):
        for p in range(r - 1, k):
            acc: YPoly = []
            for prev in range(r - 2, p):
                if prev not in chains[r - 1]:
                    continue
                if p == prev + 1:
                    gap = _unit(*units[prev])
                else:
                    inner = _moment_m2(units[prev + 1 : p - 1])
                    gap = _matmul(_matmul(_unit(*units[prev]), inner), _unit(*units[p - 1]))
                t = _trace2(gap)
                if t:
                    acc = _add(acc, pmul(chains[r - 1][prev], t))
            if acc:
                chains[r][p] = acc
    out: Matrix = [[[], []], [[], []]]
    identity: Matrix = [[[Fraction(1)], []], [[], [Fraction(1)]]]
    for last in range(k):
        weight: YPoly = []
        for r in range(1, k + 1):
            if last in chains[r]:
                weight = _add(weight, pmul(_cumulant(r), chains[r][last]))
        if not weight:
            continue
        tail = (
            identity
            if last == k - 1
            else _matmul(_unit(*units[last]), _moment_m2(units[last + 1 :]))
        )
        for i in range(2):
            for j in range(2):
                if tail[i][j]:
                    out[i][j] = _add(out[i][j], pmul(weight, tail[i][j]))
    return out


@cache
def planar_moment(word: Word) -> YPoly:
    """``lim tr_H(word)/H`` at ``g = 1`` as a polynomial in ``y`` (module docstring); cached
    during one :func:`planar_low_levels` — do not mutate the result."""
    k = len(word)
    units = [(BLOCK[word[r]][1], BLOCK[word[(r + 1) % k]][0]) for r in range(k)]
    value = _trace2(_matmul(_moment_m2(tuple(units[:-1])), _unit(*units[-1])))
    return [2 * v for v in value]


def _derive(poly: dict[Word, Fraction], max_length: int) -> dict[Word, Fraction]:
    """``D`` applied to a combination of word classes, keeping words of length ``≤ max_length``."""
    out: dict[Word, Fraction] = {}
    for word, c in poly.items():
        for pos, letter in enumerate(word):
            for replacement, sign in RULES[letter]:
                new = word[:pos] + replacement + word[pos + 1 :]
                if len(new) <= max_length:
                    key = canonical_word(new)
                    out[key] = out.get(key, 0) + sign * c
    return {k: v for k, v in out.items() if v}


def planar_low_levels(s_max: int, s_d_max: int, progress: Progress = None) -> list[Poly]:
    """Pareto-optimal terms of ``Y_0..Y_{s_max}`` with at most ``s_d_max`` atoms ``D_4``
    (levels ``l = s_D + 1 ≤ s_d_max + 1``) for ASYM ν = 2 with the identity target.

    >>> planar_low_levels(2, 1)[2].to_text()  # level l = 2: 3·4^{s−1}, 3·4^{s−1} − 2^s
    '(12)*p^2*H*s2^2 + (8)*p*H^2*s2^2'
    """
    if isinstance(s_max, bool) or not isinstance(s_max, int) or s_max < 0:
        raise SpecError("s_max", "must be a non-negative integer")
    if isinstance(s_d_max, bool) or not isinstance(s_d_max, int) or s_d_max < 0:
        raise SpecError("s_d_max", "must be a non-negative integer")
    max_length = s_d_max + 1
    words: dict[Word, Fraction] = {}
    for word, c in (((0, 1), Fraction(1, 2)), ((2,), Fraction(-1))):  # L = ½ tr ab − tr c
        key = canonical_word(word)
        words[key] = words.get(key, 0) + c
    out = []
    for s in range(s_max + 1):
        terms: dict[tuple[int, int, int], Fraction] = {}
        for word, c in words.items():
            l = len(word)
            if l > max_length:  # only L's own ½ tr ab at s = 0
                continue
            for power, v in enumerate(planar_moment(word)):
                if not v:
                    continue
                n = power + 1
                key = (1 + l - n, n, l)
                terms[key] = terms.get(key, 0) + c * v
        out.append(Poly({k: v for k, v in terms.items() if v}))
        if progress is not None:
            progress((s + 1) / (s_max + 1), f"planar low levels: s = {s} ({len(words)} words)")
        if s < s_max:
            words = _derive(words, max_length)
    _moment_m2.cache_clear()  # the moments are cheap next to the words; keep no global state
    planar_moment.cache_clear()
    return out


def estimate_low_levels_seconds(s_max: int, s_d_max: int) -> float:
    """Wall-time estimate of :func:`planar_low_levels`: :data:`LEVEL_SECONDS` (at ``s = 25``)
    for the first tabulated level at or above ``s_d_max + 1``, ×14 per two levels beyond, scaled
    linearly in ``s`` (``benchmarks/results/levels.md``: 14.2 / 21.2 / 27.5 s at s = 15 / 20 / 25,
    levels ≤ 9)."""
    level = s_d_max + 1
    tabulated = [k for k in sorted(LEVEL_SECONDS) if k >= level]
    if tabulated:
        at_25 = LEVEL_SECONDS[tabulated[0]]
    else:
        top = max(LEVEL_SECONDS)
        at_25 = LEVEL_SECONDS[top] * 14.0 ** ((level - top + 1) // 2)
    return max(0.05, at_25 * max(s_max, 1) / 25)
