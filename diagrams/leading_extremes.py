"""The extreme Pareto-optimal terms of ``Y_s``: both ends of every level's front (Theorem 4.1),
computed by branching processes polynomial in ``s`` — for ASYM, where the whole front is not
(see :mod:`diagrams.leading`), and for SYM with even ν.

Which terms
-----------
At fixed ``s_D`` (fixed ``l``) the Pareto-optimal terms ``p^{Q(n, s_D)} H^n σ^{2l}`` lie on the
line ``q + c·n = const`` (``c = ν − 1`` ASYM, ``ν/2`` SYM even ν), for ``n = 1..n_max`` with
``n_max = s_D + 1`` except ``n_max = s + 1`` on the ASYM row ``s_D = s + 1`` (Theorem 4.1's
exception b). For a power-law scaling ``p ≍ a^{α_p}, H ≍ a^{α_H}`` the exponent of such a term is
linear in ``n``, so one of the two ends leads unless ``α_H = c·α_p`` (``H ≍ p^{ν−1}`` ASYM,
``H ≍ p^{ν/2}`` SYM): the *extreme* terms ``n = 1`` and ``n = n_max`` of every level are all the
terms that lead for any scaling off that critical line (and on it they are among the leading
ones). The middle terms need the full leading mode.

How (ASYM)
----------
Leading terms come from maximal-weight contractions, each weighted by the pairings of its
bundles (edges between one H-class and one p-class): ``Π_{bundle, colour} (m − 1)!!`` for ``m``
edges of that colour, 0 if some ``m`` is odd (see :mod:`diagrams.leading_sym`). The loss budget
``c·s_D`` fixes the contraction at both ends:

* ``n = 1``: all H-nodes form one class, which spends the whole budget, so every p-node is its
  own class. Each p-node is one bundle, described by its colour-count vector ``v``, and evolves
  alone: ``⋆D`` along one of its ``v_m`` colour-``m`` edges keeps ``v`` (``(k', i, m)`` replaces
  ``(k, i, m)``) and creates ν − 1 p-nodes with ``2e_j``; ``⋆R`` turns ``v`` into ``v + 1⃗ − 2e_m``.
  With ``F_v`` the exponential generating function of a p-node's futures (``x`` counts steps,
  ``z`` marks ``D``; atom factor times matching atom edges: ``½·2 = 1`` per ``D``, ``−1`` per ``R``)

      ∂_x F_v = Σ_m v_m (z F_v F_{2e}^{ν−1} − F_{v+1⃗−2e_m}),   F_v(0) = Π_c (v_c − 1)!!,

  and ``Σ_s (−1)^s Y_s[n = 1] x^s/s! = ½ z F_{2e}^ν − F_{1⃗}`` (first atom ``D``: ν p-nodes ``2e_m``
  once its two H-nodes are joined; ``R``: one p-node ``1⃗``).
* ``n = s_D + 1``: every H-node is its own class, so all p-nodes form one class; each H-node is
  one bundle with vector ``w``. ``⋆D`` or ``⋆R`` along a colour-``m`` edge of it turns ``w`` into
  ``w + 1⃗ − 2e_m``, and ``⋆D`` adds an H-node with ``1⃗``:

      ∂_x G_w = Σ_m w_m G_{w+1⃗−2e_m} (z G_{1⃗} − 1),
      Σ_s (−1)^s Y_s[n = s_D+1] x^s/s! = ½ z G_{1⃗}² − G_{1⃗}.

* the end ``n = s + 1`` of the row ``s_D = s + 1`` (no ``R`` atoms, so the same for both targets)
  is the over-parameterised free evolution of the appendix "Free evolutions":
  ``(−1)^s (4ν)^s / 2^{s+1}`` times ``p^ν H^{s+1} σ^{2l}``.

By colour symmetry ``F`` and ``G`` depend on the vector only up to order, which is how they are
stored. The processes were found and checked against the general sequential process
(:class:`diagrams.leading.LeadingEngine`) by a project research note (``docs/paper-notes.md``
§8); the tests compare every term wherever that process runs. SYM with even ν takes the two ends
of :func:`diagrams.leading_sym.leading_series_sym`.

Cost: the vectors have ``Σ v ≤ ν + (ν−2)s``, polynomially many, and the time grows like
``s^{ν+2}``: ``s = 25`` takes 0.01 s (ν = 2) to 0.2 s (ν = 4), ``s = 60`` 0.1 s to 50 s
(``benchmarks/results/extreme.md``).
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

from diagrams.combinatorics import double_factorial
from diagrams.cost import CostEstimate
from diagrams.egf import ZPoly, binomial_term, padd
from diagrams.errors import NotApplicable
from diagrams.model import ModelSpec
from diagrams.pareto import covered_by_theorem41, edge_count, theorem41_q
from diagrams.polynomial import Poly

Progress = Callable[[float, str], None] | None
Vector = tuple[int, ...]


def _pairings(v: Vector) -> int:
    """Wick pairings of one bundle with colour counts ``v`` (0 if a colour is odd)."""
    if any(m % 2 for m in v):
        return 0
    out = 1
    for m in v:
        out *= double_factorial(m - 1)
    return out


def _recolour(v: Vector, m: int) -> Vector:
    """``v + 1⃗ − 2e_m`` (a merge along a colour-``m`` edge of the bundle), sorted."""
    return tuple(sorted((x + 1 - 2 * (i == m) for i, x in enumerate(v)), reverse=True))


class _Process:
    """Counts ``r!·[x^r]`` of ``F_v`` (``kind = "p"``) or ``G_w`` (``kind = "h"``), extended
    lazily order by order for every vector asked."""

    def __init__(self, nu: int, with_r: bool, kind: str) -> None:
        self.nu, self.with_r, self.kind = nu, with_r, kind
        self.series: dict[Vector, list[ZPoly]] = {}
        self.pair = tuple([2] + [0] * (nu - 1))  # 2e: a new p-node's vector
        self.rainbow = tuple([1] * nu)  # 1⃗: a new H-node's vector, the R atom's p-node
        self.powers: list[list[ZPoly]] = []  # F_{2e}^k, k = 0..ν (kind "p")

    def get(self, v: Vector, r: int) -> ZPoly:
        seq = self.series.setdefault(v, [])
        while len(seq) <= r:
            t = len(seq)
            seq.append([_pairings(v)] if t == 0 else self._next(v, t - 1))
        return seq[r]

    def power(self, k: int, r: int) -> ZPoly:
        """Count ``r`` of ``F_{2e}^k``."""
        while len(self.powers) <= k:
            self.powers.append([])
        seq = self.powers[k]
        while len(seq) <= r:
            t = len(seq)
            if k == 0:
                seq.append([1] if t == 0 else [])
            else:
                lower = [self.power(k - 1, u) for u in range(t + 1)]
                pair = [self.get(self.pair, u) for u in range(t + 1)]
                seq.append(binomial_term(lower, pair, t))
        return seq[r]

    def _next(self, v: Vector, t: int) -> ZPoly:
        """Count ``t + 1`` from counts ``≤ t`` (the first step's choices). Colours with equal
        counts lead to the same vector and are taken together."""
        out: ZPoly = []
        choices: dict[Vector, int] = {}  # vector after the merge -> number of edges leading there
        for m, count in enumerate(v):
            if count:
                w = _recolour(v, m)
                choices[w] = choices.get(w, 0) + count
        if self.kind == "p":
            # ⋆D keeps v and adds ν − 1 p-nodes 2e_j, whatever the colour of the merged edge.
            own = [self.get(v, u) for u in range(t + 1)]
            rest = [self.power(self.nu - 1, u) for u in range(t + 1)]
            out = [0] + [sum(v) * c for c in binomial_term(own, rest, t)]
        for w, count in choices.items():
            if self.kind == "h":  # ⋆D moves w and adds an H-node 1⃗
                moved = [self.get(w, u) for u in range(t + 1)]
                new = [self.get(self.rainbow, u) for u in range(t + 1)]
                out = padd(out, [0] + binomial_term(moved, new, t), count)
            if self.with_r:  # ⋆R moves the vector, in both processes
                out = padd(out, self.get(w, t), -count)
        return out

    def totals(self, s: int) -> ZPoly:
        """Twice the count ``s`` of the whole series (first atom ``D`` weighs ½)."""
        if self.kind == "p":
            total = [0] + self.power(self.nu, s)
            first_r = self.get(self.rainbow, s)
        else:
            g = [self.get(self.rainbow, u) for u in range(s + 1)]
            total = [0] + binomial_term(g, g, s)
            first_r = g[s]
        return padd(total, first_r, -2) if self.with_r else total


def require_applicable(model: ModelSpec) -> None:
    """Raise :class:`NotApplicable` (naming ``model``) for SYM with odd ν."""
    if not covered_by_theorem41(model):
        raise NotApplicable(
            "model", "SYM with odd ν: Theorem 4.1 does not describe the front (use mode 'exact')"
        )


def extreme_series(model: ModelSpec, s_max: int, progress: Progress = None) -> list[Poly]:
    """The extreme Pareto-optimal terms (``n = 1`` and ``n = n_max`` at every ``s_D``) of
    ``Y_0..Y_{s_max}``, exactly.

    Raises :class:`NotApplicable` for SYM with odd ν (Theorem 4.1 does not describe its front).

    Examples
    --------
    >>> ys = extreme_series(ModelSpec(3, "asym", "identity"), 1)
    >>> ys[1].to_text()
    '(-3)*p*H*s2^2 + (-3)*p^5*H*s2^5 + (-3)*p^3*H^2*s2^5'
    """
    require_applicable(model)
    if model.sym:  # the whole front is cheap there (and cached by the leading mode)
        from diagrams.leading import leading_series

        return [_ends(y) for y in leading_series(model, s_max, progress)]
    nu = model.nu
    with_r = model.target == "identity"
    star = _Process(nu, with_r, "p")  # n = 1: one H-class, p-nodes apart
    hub = _Process(nu, with_r, "h")  # n = s_D + 1: H-nodes apart, one p-class
    out = []
    for s in range(s_max + 1):
        if progress is not None:
            progress((s / max(s_max, 1)) ** 4, f"extreme terms: order {s}/{s_max}")
        sign = -1 if s % 2 else 1
        terms: dict[tuple[int, int, int], Fraction] = {}
        for s_d, doubled in enumerate(star.totals(s)):
            if doubled:
                key = (theorem41_q(model, 1, s_d), 1, edge_count(model, s, s_d) // 2)
                terms[key] = Fraction(sign * doubled, 2)
        for s_d, doubled in enumerate(hub.totals(s)):
            if doubled:
                n = s_d + 1
                key = (theorem41_q(model, n, s_d), n, edge_count(model, s, s_d) // 2)
                terms[key] = Fraction(sign * doubled, 2)
        if s >= 1:  # the row s_D = s + 1 ends at n = s + 1 (over-parameterised free evolution)
            corner = (theorem41_q(model, s + 1, s + 1), s + 1, edge_count(model, s, s + 1) // 2)
            terms[corner] = Fraction(sign * (4 * nu) ** s, 2 ** (s + 1))
        out.append(Poly(terms))
    return out


SECONDS_AT_25 = 0.005
"""Measured (2-core machine of BENCHMARKS.md): ASYM ``s = 25`` takes about ``0.003·ν³`` s and the
time grows like ``s^{ν+2}`` (ν=3: 0.07 / 0.84 s at s = 25 / 40; ν=4: 0.21 / 3.3 / 47 s at
s = 25 / 40 / 60); this constant is about 1.5 times the fit, to err on the high side."""


def estimate_extreme_cost(model: ModelSpec, s_max: int) -> CostEstimate:
    """Estimated cost of :func:`extreme_series` (SYM: that of the structural recursion); raises
    :class:`NotApplicable` where it does not apply."""
    require_applicable(model)
    if model.sym:
        from diagrams.leading import estimate_leading_cost

        return estimate_leading_cost(model, s_max)
    nu = model.nu
    seconds = min(SECONDS_AT_25 * nu**3 * (max(s_max, 1) / 25) ** (nu + 2), 1e15)
    return CostEstimate(round(seconds, 4), 100 * 2**20, 0, s_max + 1)


def _ends(y: Poly) -> Poly:
    """Keep the terms with the smallest and the largest ``n`` at every ``l``."""
    by_l: dict[int, list[int]] = {}
    for _, n, l in y.terms:
        by_l.setdefault(l, []).append(n)
    keep = {l: (min(ns), max(ns)) for l, ns in by_l.items()}
    return Poly({key: c for key, c in y.terms.items() if key[1] in keep[key[2]]})
