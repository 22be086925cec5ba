"""Leading-order mode: only the Pareto-optimal terms of ``Y_s`` (Section 4, Theorem 4.1),
exactly, without the full polynomial.

What is computed
----------------
By Theorem 4.1 the Pareto-optimal terms of ``Y_s`` at a given ``σ^{2l}`` (equivalently a given
``s_D``, since ``2l = ν(s_D+1) + (ν−2)s``) are exactly the terms of largest weight
``w = q + c·n``, with ``c = ν/2`` (SYM, even ν) or ``c = ν−1`` (ASYM), and that largest weight is
``W(s_D) = 1 + c + (ν−1)s_D``. This module returns, for every ``s_D``, all terms of ``Y_s`` with
``w = W(s_D)``, with their exact coefficients; levels whose terms all vanish (ASYM with odd
``s_R``) are absent. All contributions to one level share the sign ``(−1)^{s+s_R}``, so nothing
cancels. For SYM with odd ν (where the paper leaves the front open) the mode falls back to the
exact polynomial and keeps its Pareto-optimal terms (:func:`pareto_terms`): correct, but not
cheaper.

Bookkeeping
-----------
``Y_s = (−1)^s Σ`` over merge histories (an atom ``A_0`` and ``s`` merges ``⋆A_t``, each along
an edge of the current diagram and a same-colour edge of the atom) and over perfect pairings of
the final diagram, of ``Π_t factor(A_t) · p^q H^n σ^{2l}``, with ``factor(D) = ½`` and
``factor(R) = −1`` (Section 3, eq. lossstarexp). A history with ``d`` atoms D and final
contraction ``(q, n)`` has raw weight ``1 + c(d+1) + (ν−1)d`` before any identification; every
identification of two p-classes costs 1 and of two H-classes costs ``c``. Writing ``L`` for the
total cost, ``w = 1 + c + (ν−1)d + c·d − L``, so the term is leading iff ``L = c·d``. Put
``X = L − c·d`` (the *excess*).

Normal-ordered sequential process
---------------------------------
Merges are applied one at a time. A final pair of edges is formed when its younger edge is
created: each new edge is either paired at once with a same-colour edge that is still *open*
(identifying their endpoints), or left open (it will be consumed by a later merge or paired with
a later edge). Every (history, pairing) is produced exactly once. Nodes without open edges can
never change again and are *closed* (counted into ``n`` and ``q``). The state after a step is
the open graph ``O`` (canonical form) and ``d``; its value maps ``n_closed`` to the summed
integer weight of the histories (atom multiplicities and signs included, the ``½`` of each D
kept as ``2^{−d}``). States are deduplicated after every step.

Why the pruning is exact
------------------------
``L_min(F)`` is the least loss of an *admissible* contraction of a diagram ``F``
(:mod:`diagrams.leading_bound`: every bundle pairable after merging some R atoms).

Lemma. ``L_min(F ⋆ R) = L_min(F)`` and ``L_min(F ⋆ D) ≥ L_min(F) + c`` for every diagram ``F``
and every merge.

Proof. ``F ⋆ R`` along ``e = (k, i, m)`` has the same nodes, and the bundle containing ``e``
changes by ``ν−2`` edges (SYM, even) or by the parity vector ``1⃗`` (ASYM): the admissible
contractions are the same. ``F' = F ⋆ D`` along ``e`` adds an H-node ``k'``, p-nodes ``i_j``
(``j ≠ m``) and replaces ``e`` by ``(k', i, m)``, ``(k, i_j, j)``, ``(k', i_j, j)``. Let ``Q'`` be
an admissible contraction of ``F'`` and ``Q`` its restriction to the nodes of ``F``; order the
nodes of ``F`` first, so that the loss of ``Q'`` is the loss of ``Q`` plus ``c`` for ``k'`` if its
class holds an older node, plus 1 for each ``i_j`` whose class holds an older node.
(A) ``k' ~ k``: ``k'`` costs ``c``; the two edges ``(k, i_j)``, ``(k', i_j)`` lie in one bundle
with one colour, ``(k', i, m)`` lies in the bundle of ``e``; so ``Q`` is admissible for ``F`` and
``loss(Q) ≤ loss(Q') − c``. (B1) ``k'`` alone in its class: its ν edges go to the ν endpoints
``i, i_j``. ASYM: they have distinct colours, so the bundles at ``k'`` are admissible only if all
endpoints share one class, and the ν−1 nodes ``i_j`` cost ``ν−1 = c``; the bundle of ``e``
changes by ``(1⃗ − e_m) ⊕ e_m = 1⃗``, so ``Q`` is admissible. SYM: the endpoints fall into classes
holding an even number of them each, so at most ν/2 classes, and the ``i_j`` cost at least
``ν/2 = c``; every bundle at ``k``'s class changes by an even number of edges. (B2) ``k'`` joins an
older class other than ``k``'s: ``k'`` costs ``c``. Let the endpoints lie in ``r ≤ ν`` classes, of
which ``r_old`` hold older nodes; the ``i_j`` cost at least ``(ν−1) − (r − r_old)``. Let ``Q`` be
the restriction with those ``r_old`` classes merged (cost ``r_old − 1``): then
``loss(Q) ≤ loss(Q') − c − ν + r ≤ loss(Q') − c``, and ``Q`` is admissible, because each bundle
of ``Q`` is an XOR (sum) of admissible bundles of ``Q'`` corrected by the removed edges at ``k'``
(``1⃗``, resp. ν edges) and at ``k`` (``(1⃗ − e_m) ⊕ e_m``, resp. ν−2 edges). ∎

Consequence (Theorem 4.1's optimality part, and the pruning). Let a state have excess ``X`` and
open graph ``O``. Its future is a diagram ``O ⋆ (atoms)`` with ``D_fut`` atoms D and a perfect
pairing, whose loss is at least ``L_min(O ⋆ atoms) ≥ L_min(O) + c·D_fut``; hence the final
excess is at least ``Φ = X + L_min(O)``. The initial atom has ``Φ = 0`` (``L_min(D) = c``,
``L_min(R) = 0``, ``X = −c`` resp. 0), and ``Φ`` never decreases (pairing the edges of one bundle
of an admissible contraction keeps it admissible). So the final excess is ``≥ 0`` — the bound
of Theorem 4.1 — and a history reaches a leading term iff ``Φ`` stays 0 at every step. The
process therefore keeps only steps with ``Φ = 0``: a merge ``G = O ⋆ A`` must have
``L_min(G) = L_min(O) + c[A = D]`` (always true for D: contract ``k'`` into ``k``), and the
pairings chosen in the step must identify only nodes that some *least-loss* admissible
contraction of ``G`` identifies (then ``L_min`` of the new open graph is ``L_min(G)`` minus the
cost paid). These conditions are necessary and sufficient for ``Φ = 0``, so no history that
reaches a leading term is dropped, and every final state has excess exactly 0.

Horizon. A non-empty state with ``Φ = 0`` can be closed (all its open edges consumed or paired
with ``Φ`` kept at 0) in ``μ(O)`` steps, and then in any larger number (a D merged along an open
edge, ``k'`` contracted into ``k`` and its new edges paired among themselves, is a step with
``Φ = 0`` that returns an isomorphic open graph). Computing up to ``s_max`` keeps only states
with ``μ(O) ≤ s_max − t``: ``μ`` is bounded above by an explicit closing schedule
(:meth:`LeadingEngine._closing_steps`), below as follows, and computed by a memoised search in
between. A step adds ``k`` new edges (``2ν−1`` for D, ``ν−1`` for R), consumes one and forms
``P`` pairs, each holding a new edge; it lowers the number of open edges by
``g = 1 + 2P − k``, and with ``Φ = 0`` its cost is ``λ = c[D] + u`` where
``u = L_min(O_t) − L_min(O_{t+1})``, so ``Σ_t g_t = |O|`` and ``Σ_t u_t = L_min(O)`` over a
closing. Bound on ``g`` per step: R: ``P ≤ ν−1``, so ``g ≤ ν`` (and ``u = λ ≥ 0``). D along
``(k, i)``, new ``k'`` and ``i_j``: a new edge pairs with an older edge only if its new
endpoints join older classes (``k'`` costs ``c``, each ``i_j`` 1); with ``J`` the number of
``i_j`` joining older classes, if ``k'`` joins an older class then ``P ≤ ν + J`` and
``u ≥ J``; if not, in ASYM ``P ≤ J`` (distinct colours) and ``u ≥ J − c``, and in SYM the
edges at ``k'`` pair only among themselves and the other pairs are counted per class of the
endpoints (classes of new ``i_j`` only cost ``size − 1``), which gives the same. In every case
``g ≤ 2 + 2u``. Hence ``|O| ≤ 2·#D + ν·#R + 2 L_min(O)`` and
``μ(O) ≥ ⌈(|O| − 2 L_min(O)) / a⌉`` with ``a = ν`` (``a = 2`` for the zero target, which has no
R), besides ``μ(O) ≥ ⌈|O|/2ν⌉`` (``g ≤ 1 + k``).

Cost and reach are measured in ``benchmarks/results/leading.md``: the number of open graphs
that do reach a leading term grows geometrically with ``s`` (about ×2.8 per order for ASYM
ν=3), so the reach is far below ``s = 25`` for ν ≥ 3. For SYM with even ν the public functions
use the structural recursions of :mod:`diagrams.leading_sym` instead (``method="auto"``) and keep
this process as their independent check (``method="sequential"``). For ASYM the two ends of
every front (all terms that lead off the critical line ``H ≍ p^{ν−1}``) are polynomial too:
:mod:`diagrams.leading_extremes` (``series(..., mode="extreme")``), and so is the whole front
of the zero target: the planar limit for ν = 2 (:mod:`diagrams.leading_planar`), the mean-field
limit for ν ≥ 3 (:mod:`diagrams.leading_dmft`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import NamedTuple

from diagrams.canonical import Edge, Form, canonical_form, compact, edge_orbits
from diagrams.cost import CostEstimate, small_run_times
from diagrams.errors import SpecError
from diagrams.leading_bound import (
    ContractionBound,
    GroupingSearch,
    TooMuchWork,
    weight_constant,
)
from diagrams.leading_dmft import (
    FIRST_ORDER_S_R,
    dmft_first_order_series,
    dmft_series,
    estimate_dmft_seconds,
)
from diagrams.leading_dmft import applies as dmft_applies
from diagrams.leading_planar import applies as planar_applies
from diagrams.leading_planar import estimate_planar_seconds, planar_series
from diagrams.leading_planar_levels import applies as planar_levels_applies
from diagrams.leading_planar_levels import estimate_low_levels_seconds, planar_low_levels
from diagrams.leading_sym import applies as structural_applies
from diagrams.leading_sym import leading_series_sym
from diagrams.model import ModelSpec
from diagrams.pareto import (
    covered_by_theorem41,
    edge_count,
    pareto_front,
    s_d_of,
    theorem41_q,
    theorem41_terms,
)
from diagrams.polynomial import Poly

Progress = Callable[[float, str], None] | None

EMPTY: Form = (0, 0, ())


@dataclass
class Step:
    """One step with ``Φ = 0`` from an open graph: the child (relabelled edge list ``raw``,
    canonical ``form`` once computed), ``Δd``, ``Δn_closed``, the integer weight (atom
    multiplicities, orbit size and sign) and the child's ``L_min``."""

    edges: int
    raw: Form
    dd: int
    dn: int
    factor: int
    lmin: int
    form: Form | None = None


applies = covered_by_theorem41
"""Whether Theorem 4.1 describes the Pareto front (ASYM any ν; SYM even ν)."""


def pareto_terms(poly: Poly) -> Poly:
    """The Pareto-optimal terms of a polynomial (Section 4), as a :class:`Poly`.

    >>> y = Poly({(1, 1, 1): 1, (1, 2, 2): 1, (1, 3, 2): 1, (2, 1, 2): 1})
    >>> sorted(pareto_terms(y).terms)
    [(1, 1, 1), (1, 3, 2), (2, 1, 2)]
    """
    return Poly(pareto_front(poly))


class LeadingEngine:
    """The sequential process of one model (ASYM, or SYM with even ν); caches transitions and
    closing times of open graphs across calls."""

    def __init__(self, model: ModelSpec) -> None:
        if not applies(model):
            raise ValueError("leading engine needs ASYM or SYM with even ν")
        self.model = model
        self.nu = model.nu
        self.sym = model.sym
        self.c = weight_constant(model)
        self.colors = model.colors
        self.quotient = not model.sym
        self.with_r = model.target == "identity"
        # Same-colour edges of the atom a merge may use (all equivalent under Aut(atom)).
        self.mult_d, self.mult_r = (2 * self.nu, self.nu) if self.sym else (2, 1)
        self.bound = ContractionBound(model)
        self.search = GroupingSearch(model)
        self.lmin: dict[Form, int] = {EMPTY: 0}
        self.trans: dict[Form, tuple[int, list[Step]]] = {}
        self.mu_exact: dict[Form, int] = {EMPTY: 0}
        self.mu_low: dict[Form, int] = {}
        self.upper: dict[Form, int | None] = {}
        # Sizes (n_h, n_p, budget) at which listing contractions exceeded LIST_WORK.
        self.too_big: list[tuple[int, int, int]] = []
        self.initial = self._initial_states()
        self.results: dict[int, Poly] = {}
        self.horizon = -1
        self.level_sizes: list[int] = []

    # ----------------------------------------------------------------------------- steps
    def _canon(self, n_h: int, n_p: int, edges: list[Edge]) -> Form:
        return canonical_form(n_h, n_p, edges, self.colors, self.quotient)

    def _atom_edges(self, atom: str) -> tuple[int, int, list[Edge]]:
        col = (lambda m: 0) if self.sym else (lambda m: m)
        if atom == "D":
            return 2, self.nu, [(h, m, col(m)) for h in (0, 1) for m in range(self.nu)]
        return 1, 1, [(0, 0, col(m)) for m in range(self.nu)]

    def _initial_states(self) -> dict[tuple[Form, int], dict[int, int]]:
        """States after the first atom and its pairings (the ``s = 0`` level)."""
        out: dict[tuple[Form, int], dict[int, int]] = {}
        atoms = [("D", 1, 1)] + ([("R", 0, -1)] if self.with_r else [])
        for atom, d, factor in atoms:
            n_h, n_p, edges = self._atom_edges(atom)
            budget = self.search.value(self._strip(edges))
            children: dict = {}
            self._pairings(n_h, n_p, [], edges, budget, children)
            for (raw, dn), (mult, child_lmin) in children.items():
                form = self.child_form(Step(len(raw[2]), raw, 0, dn, 1, child_lmin))
                slot = out.setdefault((form, d), {})
                slot[dn] = slot.get(dn, 0) + factor * mult
        return out

    def _pairings(
        self,
        n_h: int,
        n_p: int,
        old: list[Edge],
        new: list[Edge],
        budget: int,
        out: dict[tuple[Form, int], list[int]],
        cap: int | None = None,
    ) -> None:
        """Enumerate the pairing decisions for the ``new`` edges of ``G = old + new`` that keep
        ``Φ = 0``; add ``(child, n_closed increment) → [multiplicity, L_min(child)]`` into
        ``out``, the child as a relabelled (not yet canonical) open graph. Children with more
        than ``cap`` open edges are not generated (each decision changes the count by ±1).

        ``budget`` is ``L_min(G)`` (by the Lemma, ``L_min(O) + c`` after a D and ``L_min(O)``
        after an R). A pairing that costs ``δ`` in total keeps ``Φ = 0`` iff the open graph left
        has ``L_min = budget − δ``; by the Lemma it is never less, so one bounded search per
        decision (:class:`GroupingSearch`, memoised) decides it.
        """
        search = self.search
        c = self.c
        # Few candidate contractions: list the least-loss ones once and filter them per
        # decision; otherwise ask the memoised search about each partial open graph.
        parts = None
        if cap is not None and len(old) - len(new) > cap:
            return
        size = (n_h, n_p, budget)
        if not any(all(a >= b for a, b in zip(size, big)) for big in self.too_big):
            try:
                work = LIST_WORK.get(self.nu, LIST_WORK_DEFAULT)
                best, parts = self.bound.optimal(n_h, n_p, old + new, budget, work)
            except TooMuchWork:
                self.too_big.append(size)
            else:
                if best != budget:
                    raise AssertionError(f"L_min(G) = {best}, expected {budget}")

        total_new = len(new)

        def rec(
            opened: list[Edge], k: int, hrep: list[int], prep: list[int], paid: int, keep: list
        ) -> None:
            if cap is not None and len(opened) - (total_new - k) > cap:
                return
            if k == total_new:
                raw = compact([(hrep[h], prep[p], col) for h, p, col in opened])
                key = (raw, len(set(hrep)) - raw[0])
                slot = out.get(key)
                if slot is None:
                    out[key] = [1, budget - paid]
                else:
                    slot[0] += 1
                return
            edge = new[k]
            rec([*opened, edge], k + 1, hrep, prep, paid, keep)
            h0, p0, col0 = edge
            for j, (h1, p1, col1) in enumerate(opened):
                if col1 != col0:
                    continue
                a, b = hrep[h0], hrep[h1]
                x, y = prep[p0], prep[p1]
                cost = (c if a != b else 0) + (1 if x != y else 0)
                left = budget - paid - cost
                if left < 0:
                    continue
                rest = opened[:j] + opened[j + 1 :]
                h2 = hrep if a == b else [a if v == b else v for v in hrep]
                p2 = prep if x == y else [x if v == y else v for v in prep]
                if parts is not None:
                    sub = [q for q in keep if q[0][a] == q[0][b] and q[1][x] == q[1][y]]
                    if not sub:
                        continue
                else:
                    sub = keep
                    edges = [(h2[h], p2[p], col) for h, p, col in rest]
                    edges += [(h2[h], p2[p], col) for h, p, col in new[k + 1 :]]
                    if search.floor(edges) > left:
                        continue
                    if search.at_most(search.canon(edges), left) is None:
                        continue
                rec(rest, k + 1, h2, p2, paid + cost, sub)

        rec(list(old), 0, list(range(n_h)), list(range(n_p)), 0, parts or [])

    def _strip(self, edges: list[Edge]) -> Form:
        """Canonical form of an edge list, dropping nodes without edges."""
        hs = sorted({h for h, _, _ in edges})
        ps = sorted({p for _, p, _ in edges})
        hmap = {h: k for k, h in enumerate(hs)}
        pmap = {p: k for k, p in enumerate(ps)}
        return self._canon(len(hs), len(ps), [(hmap[h], pmap[p], col) for h, p, col in edges])

    def transitions(self, form: Form, steps: int) -> list[Step]:
        """The steps with ``Φ = 0`` from open graph ``form`` whose child may still close in
        ``steps`` steps (at most ``2ν·steps`` open edges), memoised for the largest ``steps``
        asked so far. Children are kept as relabelled edge lists and put in canonical form
        only when first needed (:meth:`child_form`)."""
        cached = self.trans.get(form)
        if cached is not None and cached[0] >= steps:
            return cached[1]
        cap = 2 * self.nu * steps
        n_h, n_p, edges = form
        lmin = self.lmin[form]
        col = (lambda m: 0) if self.sym else (lambda m: m)
        acc: dict[tuple[Form, int, int], list[int]] = {}

        def add(children: dict, dd: int, weight: int) -> None:
            for (raw, dn), (mult, child_lmin) in children.items():
                slot = acc.get((raw, dd, dn))
                if slot is None:
                    acc[(raw, dd, dn)] = [mult * weight, child_lmin]
                else:
                    slot[0] += mult * weight

        for orbit in edge_orbits(n_h, n_p, edges, self.colors, self.quotient):
            j = orbit[0]
            h, p, m = edges[j]
            rest = list(edges[:j] + edges[j + 1 :])
            # G ⋆ D along edge j: new H-node n_h, new p-nodes n_p.., edges to k=h and k'=n_h.
            new: list[Edge] = []
            nxt = n_p
            for mm in range(self.nu):
                if (self.sym and mm == 0) or (not self.sym and mm == m):
                    continue
                new += [(h, nxt, col(mm)), (n_h, nxt, col(mm))]
                nxt += 1
            new.append((n_h, p, m))
            children: dict = {}
            self._pairings(n_h + 1, nxt, rest, new, lmin + self.c, children, cap)
            add(children, 1, len(orbit) * self.mult_d)
            if self.with_r:
                new = [
                    (h, p, col(mm))
                    for mm in range(self.nu)
                    if (self.sym and mm > 0) or (not self.sym and mm != m)
                ]
                children = {}
                self._pairings(n_h, n_p, rest, new, lmin, children, cap)
                add(children, 0, -len(orbit) * self.mult_r)
        out = [
            Step(len(raw[2]), raw, dd, dn, factor, child_lmin)
            for (raw, dd, dn), (factor, child_lmin) in acc.items()
            if factor
        ]
        out.sort(key=lambda t: (t.edges, t.raw, t.dd, t.dn))
        self.trans[form] = (steps, out)
        return out

    def child_form(self, step: Step) -> Form:
        """The canonical form of a step's child (computed once, recording its ``L_min``)."""
        form = step.form
        if form is None:
            n_h, n_p, edges = step.raw
            form = step.form = self._canon(n_h, n_p, list(edges))
            known = self.lmin.setdefault(form, step.lmin)
            if known != step.lmin:
                raise AssertionError("inconsistent L_min for one open graph")
        return form

    def _too_long(self, step: Step, steps: int) -> bool:
        """Cheap test that the child cannot close in ``steps`` steps (a step removes at most
        2ν open edges); an empty child closes only in 0 steps."""
        return 2 * self.nu * steps < step.edges if step.edges else steps != 0

    # ------------------------------------------------------------------ closing time μ
    def _closing_steps(self, form: Form) -> int | None:
        """An upper bound on ``μ(form)`` from an explicit schedule: group the open edges as a
        least-loss grouping of :class:`GroupingSearch` does (pairs and, in ASYM, rainbows) and
        close each pair with one D (``k'`` contracted into ``k``, its new edges paired among
        themselves, the continuation edge paired with the partner) and each rainbow with one R
        (its ν−1 new edges paired with the rainbow's other edges). Every step keeps ``Φ = 0``
        and the identifications are those of the grouping."""
        cached = self.upper.get(form)
        if cached is not None or form in self.upper:
            return cached
        edges = form[2]
        if self.search.at_most(form, self.lmin[form]) is None:
            raise AssertionError("open graph above its recorded L_min")
        rainbows = 0 if self.sym else self.search.rainbows.get(form, 0)
        result: int | None
        if rainbows and not self.with_r:
            result = None
        else:
            result = (len(edges) - self.nu * rainbows) // 2 + rainbows
        self.upper[form] = result
        return result

    def _closing_floor(self, form: Form) -> int:
        """A lower bound on ``μ(form)``: ``⌈|O| / 2ν⌉`` and ``⌈(|O| − 2 L_min(O)) / a⌉`` with
        ``a = ν`` if R atoms are available, else 2 (see the module docstring, "Horizon")."""
        edges = len(form[2])
        a = self.nu if self.with_r else 2
        return max(-(-edges // (2 * self.nu)), -(-(edges - 2 * self.lmin[form]) // a))

    def closable(self, form: Form, steps: int) -> bool:
        """Whether the state can be closed in exactly ``steps`` steps keeping ``Φ = 0``."""
        if not form[2]:
            return steps == 0
        if steps <= 0:
            return False
        exact = self.mu_exact.get(form)
        if exact is not None:
            return exact <= steps
        low = max(self.mu_low.get(form, 0), self._closing_floor(form))
        if low > steps:
            return False
        upper = self._closing_steps(form)
        if upper is not None and upper <= steps:
            if upper == low:
                self.mu_exact[form] = upper
            return True
        for step in self.transitions(form, steps - 1):
            if self._too_long(step, steps - 1):
                continue
            if self.closable(self.child_form(step), steps - 1):
                return True
        self.mu_low[form] = steps + 1
        return False

    # ------------------------------------------------------------------------ levels
    def run(self, s_max: int, progress: Progress = None) -> None:
        """Compute the leading terms of ``Y_0..Y_{s_max}`` into :attr:`results`.

        A level maps each open graph to ``{d: {n_closed: weight}}``; the steps of an open graph
        that can still close in time are looked up once per level, whatever ``d``.
        """
        if s_max <= self.horizon:
            return
        level: dict[Form, dict[int, dict[int, int]]] = {}
        for (form, d), values in self.initial.items():
            if not form[2] or self.closable(form, s_max):
                level.setdefault(form, {})[d] = dict(values)
        results: dict[int, Poly] = {0: self._final_terms(0, level)}
        sizes = [sum(len(by_d) for by_d in level.values())]
        for t in range(1, s_max + 1):
            if progress is not None:
                progress((t - 1) / s_max, f"leading terms: step {t}/{s_max}, {sizes[-1]} states")
            nxt: dict[Form, dict[int, dict[int, int]]] = {}
            remaining = s_max - t
            for done, (form, by_d) in enumerate(level.items()):
                if progress is not None and done % 200 == 199:
                    progress((t - 1 + done / len(level)) / s_max, f"step {t}: {done}/{len(level)}")
                if not form[2]:
                    continue
                for step in self.transitions(form, remaining):
                    if step.edges and (
                        self._too_long(step, remaining)
                        or not self.closable(self.child_form(step), remaining)
                    ):
                        continue
                    child = nxt.setdefault(self.child_form(step), {})
                    dn, factor = step.dn, step.factor
                    for d, values in by_d.items():
                        slot = child.setdefault(d + step.dd, {})
                        for n_closed, count in values.items():
                            key = n_closed + dn
                            slot[key] = slot.get(key, 0) + count * factor
            level = {}
            for form, by_d in nxt.items():
                kept = {d: {n: v for n, v in vals.items() if v} for d, vals in by_d.items()}
                kept = {d: vals for d, vals in kept.items() if vals}
                if kept:
                    level[form] = kept
            results[t] = self._final_terms(t, level)
            sizes.append(sum(len(by_d) for by_d in level.values()))
        for t, poly in results.items():
            # All terms of one level share a sign, so none cancel; the leading terms are the
            # Pareto front only if they fill the whole line of Theorem 4.1 (else a lighter term
            # off the line could be undominated). Check it rather than assume it.
            if sorted(poly.terms) != sorted(theorem41_terms(self.model, t)):
                raise AssertionError(f"leading terms of Y_{t} differ from Theorem 4.1's front")
        self.results = results
        self.horizon = s_max
        # States (open graph, d) kept after each step: each of them reaches a leading term of
        # Y_{s_max} (or is a final state of a lower order), so these are the states any
        # computation organised this way has to visit.
        self.level_sizes = sizes

    def _final_terms(self, s: int, level: dict[Form, dict[int, dict[int, int]]]) -> Poly:
        terms: dict[tuple[int, int, int], Fraction] = {}
        sign = -1 if s % 2 else 1
        for d, values in level.get(EMPTY, {}).items():
            l = edge_count(self.model, s, d) // 2
            for n, count in values.items():
                key = (theorem41_q(self.model, n, d), n, l)
                terms[key] = terms.get(key, Fraction(0)) + Fraction(sign * count, 2**d)
        return Poly(terms)


LIST_WORK = {2: 600}
"""Work allowed for listing the least-loss contractions of a merged graph outright (by ν,
default :data:`LIST_WORK_DEFAULT`); above it the pairing decisions query the memoised
:class:`GroupingSearch` instead. Measured: for ν = 2 the open graphs are long pinched cycles
with many least-loss contractions, and queries win; for ν ≥ 3 listing wins."""
LIST_WORK_DEFAULT = 6000


_ENGINES: dict[ModelSpec, LeadingEngine] = {}
_STRUCTURAL: dict[ModelSpec, list[Poly]] = {}
_PLANAR: dict[ModelSpec, list[Poly]] = {}
_DMFT: dict[ModelSpec, list[Poly]] = {}

METHODS = ("auto", "sequential")
"""``auto``: the structural recursions of :mod:`diagrams.leading_sym` for SYM with even ν; the
planar limit of :mod:`diagrams.leading_planar` for ASYM ν = 2 with the zero target; the
mean-field limit of :mod:`diagrams.leading_dmft` for ASYM ν ≥ 3 with the zero target; for other
ASYM where the exact mode runs the exact sequential process (:func:`diagrams.series.exact_method`,
ν ≤ 4), the Pareto-optimal terms of its exact polynomials — measured faster than this module's
process, whose pruning pays less than the exact one's shared settling: ASYM ν=3 s=7 43 s against
191 s, ν=2 s=11 6.9 s against 31 s (``BENCHMARKS.md``); this module's process otherwise.
``sequential``: always this module's process (the general algorithm, kept as the independent
check of the others)."""


def engine(model: ModelSpec) -> LeadingEngine:
    eng = _ENGINES.get(model)
    if eng is None:
        eng = _ENGINES[model] = LeadingEngine(model)
    return eng


def _polynomial_method(
    cache: dict[ModelSpec, list[Poly]],
    compute: Callable[[ModelSpec, int, Progress], list[Poly]],
    model: ModelSpec,
    s_max: int,
    progress: Progress = None,
) -> list[Poly]:
    """Leading terms from a polynomial-time method (:mod:`diagrams.leading_sym`,
    :mod:`diagrams.leading_planar`, :mod:`diagrams.leading_dmft`), checked against Theorem
    4.1's front and cached per model.
    Polynomial cost: recompute exactly the order asked, never guess ahead."""
    cached = cache.get(model)
    if cached is None or len(cached) <= s_max:
        cached = cache[model] = _checked_front(model, compute(model, s_max, progress))
    return cached[: s_max + 1]


def _through_exact(model: ModelSpec) -> bool:
    """Whether ``auto`` takes the Pareto terms of the exact sequential process (see METHODS)."""
    from diagrams.series import exact_method

    return not model.sym and exact_method(model) == "sequential"


def _pareto_of_exact(model: ModelSpec, s_max: int, progress: Progress = None) -> list[Poly]:
    """Pareto-optimal terms of the exact polynomials, checked against Theorem 4.1's front."""
    from diagrams.sequential import sequential_series

    return _checked_front(
        model, [pareto_terms(y) for y in sequential_series(model, s_max, progress)]
    )


def _checked_front(model: ModelSpec, polys: list[Poly]) -> list[Poly]:
    """``polys``, after checking that their terms fill Theorem 4.1's front at every order."""
    return _checked_levels(model, polys, None, None)


def _method(method: str) -> str:
    if method not in METHODS:
        raise SpecError("method", f"must be one of {', '.join(METHODS)}")
    return method


def validate_atom_bound(value: object, name: str) -> int | None:
    """``None`` or an order-like integer: the bound ``s_r_max`` / ``s_d_max`` on atoms kept."""
    if value is None:
        return None
    from diagrams.series import validate_order

    return validate_order(value, name)


def at_most(
    model: ModelSpec, s: int, poly: Poly, s_r_max: int | None = None, s_d_max: int | None = None
) -> Poly:
    """The terms of ``Y_s`` with at most ``s_r_max`` atoms ``R_ν`` and at most ``s_d_max`` atoms
    ``D_{2ν}`` (``s_D`` from the power of σ, ``s_R = s + 1 − s_D``)."""

    def kept(l: int) -> bool:
        s_d = s_d_of(model, s, l)
        return (s_r_max is None or s + 1 - s_d <= s_r_max) and (s_d_max is None or s_d <= s_d_max)

    return Poly({k: c for k, c in poly.terms.items() if kept(k[2])})


class LevelMethod(NamedTuple):
    """A polynomial-time method for some whole levels of the fronts, for one ``s_max``."""

    compute: Callable[[Progress], list[Poly]]  # progress -> Y_0..Y_{s_max} on (at least) them
    seconds: float  # estimated wall time


def normalised_bounds(
    model: ModelSpec, s_max: int, s_r_max: int | None, s_d_max: int | None
) -> tuple[int | None, int | None]:
    """Equivalent, canonical bounds: ``None`` where a bound keeps every term up to ``s_max``
    (``s_D ≤ s + 1`` and ``s_R ≤ s + 1``; no ``R`` atoms at all with the zero target), and for
    ASYM with the identity target ``s_r_max`` rounded down to even (``s_R`` is even there)."""
    if s_d_max is not None and s_d_max >= s_max + 1:
        s_d_max = None
    if s_r_max is not None and (s_r_max >= s_max + 1 or model.target == "zero"):
        s_r_max = None
    if s_r_max is not None and not model.sym:
        s_r_max -= s_r_max % 2
    return s_r_max, s_d_max


def level_method(
    model: ModelSpec, s_max: int, s_r_max: int | None, s_d_max: int | None
) -> LevelMethod | None:
    """A polynomial-time method that returns every requested level completely (and possibly
    more), for bounds already :func:`normalised_bounds`, or ``None``: ASYM with the identity
    target and ``s_r_max = 0`` — the zero-target level (``s_R = 0``: D atoms only, whose
    expectations do not see the target, i.e. the zero target's leading terms); ASYM ν ≥ 3 with
    the identity target and ``s_r_max = 2`` — the first order in the target strength
    (:func:`diagrams.leading_dmft.dmft_first_order_series`); ASYM ν = 2 with the identity target
    and ``s_d_max`` — the lowest levels of the planar limit
    (:func:`diagrams.leading_planar_levels.planar_low_levels`), when its estimate is below that
    of the complete leading terms (it grows ×14 per two levels but only linearly in s)."""
    if model.sym or model.target != "identity":
        return None
    if s_r_max == 0:
        zero = ModelSpec(model.nu, "asym", "zero")
        return LevelMethod(
            lambda progress: leading_series(zero, s_max, progress),
            estimate_leading_cost(zero, s_max).seconds,
        )
    if model.nu >= 3 and s_r_max == FIRST_ORDER_S_R:
        nu = model.nu
        return LevelMethod(
            lambda progress: dmft_first_order_series(nu, s_max, progress),
            FIRST_ORDER_COST_RATIO * estimate_dmft_seconds(nu, s_max),
        )
    if planar_levels_applies(model) and s_d_max is not None:
        bound, seconds = s_d_max, estimate_low_levels_seconds(s_max, s_d_max)
        if seconds < estimate_leading_cost(model, s_max).seconds:
            return LevelMethod(lambda progress: planar_low_levels(s_max, bound, progress), seconds)
    return None


def _checked_levels(
    model: ModelSpec, polys: list[Poly], s_r_max: int | None, s_d_max: int | None
) -> list[Poly]:
    """The requested levels of ``polys`` (all of them with no bounds), after checking that they
    fill Theorem 4.1's front on those levels at every order."""
    out = []
    for t, poly in enumerate(polys):
        kept = at_most(model, t, poly, s_r_max, s_d_max)
        whole = Poly(dict.fromkeys(theorem41_terms(model, t), 1))
        if sorted(kept.terms) != sorted(at_most(model, t, whole, s_r_max, s_d_max).terms):
            raise AssertionError(f"terms of Y_{t} on the requested levels differ from the front")
        out.append(kept)
    return out


def leading_series(
    model: ModelSpec,
    s_max: int,
    progress: Progress = None,
    method: str = "auto",
    s_r_max: int | None = None,
    s_d_max: int | None = None,
) -> list[Poly]:
    """Leading (Pareto-optimal) terms of ``Y_0..Y_{s_max}`` in one pass.

    ``s_r_max`` / ``s_d_max`` keep only the terms with at most that many atoms ``R_ν`` (the
    power of the target; ``s_R`` is even for ASYM with the identity target, 0 for the zero
    target) /
    ``D_{2ν}`` (``σ^{2l}`` with ``2l = ν(s_D+1) + (ν−2)s``). Where :func:`level_method` has a
    polynomial-time method for those levels (ASYM identity: ν ≥ 3 with ``s_r_max ≤ 2``, the
    first order in the target strength; ν = 2 with ``s_d_max``, the lowest levels of the planar
    limit, where cheaper) it is used; otherwise the complete leading terms are computed and
    filtered.

    Examples
    --------
    >>> ys = leading_series(ModelSpec(2, "sym", "identity"), 1)
    >>> ys[0].to_text()
    '(-1)*p*H*s2 + (1/2)*p^2*H*s2^2 + (1/2)*p*H^2*s2^2'
    >>> leading_series(ModelSpec(3, "asym", "identity"), 1, s_r_max=0)[1].to_text()
    '(-3)*p^5*H*s2^5 + (-3)*p^3*H^2*s2^5'
    """
    if isinstance(s_max, bool) or not isinstance(s_max, int) or s_max < 0:
        raise SpecError("s_max", "must be a non-negative integer")
    s_r_max, s_d_max = normalised_bounds(
        model,
        s_max,
        validate_atom_bound(s_r_max, "s_r_max"),
        validate_atom_bound(s_d_max, "s_d_max"),
    )
    if s_r_max is not None or s_d_max is not None:
        levels = level_method(model, s_max, s_r_max, s_d_max) if _method(method) == "auto" else None
        if levels is not None:
            return _checked_levels(model, levels.compute(progress), s_r_max, s_d_max)
        full = leading_series(model, s_max, progress, method)
        return [at_most(model, s, poly, s_r_max, s_d_max) for s, poly in enumerate(full)]
    if not applies(model):
        from diagrams.series import exact_orders

        return [pareto_terms(poly) for poly in exact_orders(model, s_max, progress)]
    if _method(method) == "auto" and structural_applies(model):
        return _polynomial_method(_STRUCTURAL, leading_series_sym, model, s_max, progress)
    if method == "auto" and planar_applies(model):
        return _polynomial_method(_PLANAR, planar_series, model, s_max, progress)
    if method == "auto" and dmft_applies(model):
        return _polynomial_method(_DMFT, dmft_series, model, s_max, progress)
    if method == "auto" and _through_exact(model):
        return _pareto_of_exact(model, s_max, progress)
    eng = engine(model)
    eng.run(s_max, progress)
    return [eng.results[s] for s in range(s_max + 1)]


def leading_coefficient(
    model: ModelSpec, s: int, progress: Progress = None, method: str = "auto"
) -> Poly:
    """The Pareto-optimal terms of ``Y_s`` with exact coefficients (Theorem 4.1).

    Parameters
    ----------
    model : SYM with even ν uses the structural recursions of :mod:`diagrams.leading_sym`
        (polynomial in ``s``); ASYM ν = 2 with the zero target the planar limit of
        :mod:`diagrams.leading_planar` (polynomial in ``s``); ASYM ν ≥ 3 with the zero target
        the mean-field limit of :mod:`diagrams.leading_dmft` (polynomial in ``s``); other ASYM
        with ν ≤ 4 the Pareto-optimal terms of the exact
        sequential process (:mod:`diagrams.sequential`), other ASYM the sequential process of
        this module; SYM with odd ν falls back to the exact polynomial and keeps its
        Pareto-optimal terms.
    s : the order.
    progress : optional callback ``(fraction, message)``; it may raise ``Cancelled``.
    method : ``"auto"`` or ``"sequential"`` (see :data:`METHODS`).

    Notes
    -----
    One pass computes every order up to its horizon, so the results are cached per model and a
    call for an order at or below the largest one computed so far is free.

    Examples
    --------
    >>> leading_coefficient(ModelSpec(2, "asym", "zero"), 1).to_text()
    '(-2)*p^3*H*s2^3 + (-2)*p^2*H^2*s2^3'
    """
    if isinstance(s, bool) or not isinstance(s, int) or s < 0:
        raise SpecError("s", "must be a non-negative integer")
    return leading_series(model, s, progress, method)[s]


FIRST_ORDER_COST_RATIO = 5.0
"""Wall time of :func:`diagrams.leading_dmft.dmft_first_order_series` over that of the
zero-target method at the same ``(ν, s)``: one plain pass, the sources, and one pass in dual
numbers, measured
×4.6 (ν = 3) and ×4.5 (ν = 4) at ``s = 25`` (``BENCHMARKS.md``), rounded up."""

STRUCTURAL_SECONDS_AT_40 = 1.0
"""Measured wall time of the structural recursion up to ``s = 40`` (ν = 4, identity, 2-core
machine of BENCHMARKS.md), rounded up; it scales like ``s^5``."""


def estimate_leading_cost(
    model: ModelSpec, s_max: int, s_r_max: int | None = None, s_d_max: int | None = None
) -> CostEstimate:
    """Estimated cost of ``leading_series(model, s_max, s_r_max=…, s_d_max=…)``.

    Where :func:`level_method` applies, its measured model (the first-order mean-field method:
    :data:`FIRST_ORDER_COST_RATIO` times the zero-target one; the planar low levels:
    :func:`diagrams.leading_planar_levels.estimate_low_levels_seconds`); otherwise that of the
    complete leading terms.

    SYM with even ν: the structural recursion, ``O(s^5)`` integer work scaled from a measured
    figure. ASYM ν = 2 with the zero target: the planar method, ``s^6`` scaled from a measured
    figure (:func:`diagrams.leading_planar.estimate_planar_seconds`). ASYM ν ≥ 3 with the zero
    target: the mean-field method, ``s^5`` scaled from a measured figure
    (:func:`diagrams.leading_dmft.estimate_dmft_seconds`). Other ASYM with ν ≤ 4
    (Pareto terms of the exact process): the exact sequential
    process's estimate (:func:`diagrams.sequential.estimate_sequential_cost`). Other ASYM: this
    module's process is run for real on small orders (cold engines, while a run stays under
    about 0.4 s) and its time is extrapolated geometrically with the last measured ratio (at
    least 2 per order). SYM with odd ν: the exact mode's estimate.
    """
    from diagrams.cost import estimate_cost

    s_r_max, s_d_max = normalised_bounds(
        model,
        s_max,
        validate_atom_bound(s_r_max, "s_r_max"),
        validate_atom_bound(s_d_max, "s_d_max"),
    )
    levels = level_method(model, s_max, s_r_max, s_d_max)
    if levels is not None:
        return CostEstimate(round(levels.seconds, 4), 200 * 2**20, 0, 0)
    if not applies(model):
        return estimate_cost(model, s_max, "exact")
    if structural_applies(model):
        seconds = STRUCTURAL_SECONDS_AT_40 * (max(s_max, 1) / 40) ** 5 * (model.nu / 4)
        return CostEstimate(round(seconds, 4), 80 * 2**20, 0, s_max + 1)
    if planar_applies(model):
        # Arrays of (s+3) × N × N(s+2) float64, N = 2s+5, four of them: ≈ 75 MiB at s = 25.
        n = 2 * s_max + 5
        arrays = 4 * (s_max + 3) * n * n * (s_max + 2) * 8
        return CostEstimate(round(estimate_planar_seconds(s_max), 4), 100 * 2**20 + arrays, 0, 0)
    if dmft_applies(model):
        # About twenty (s+3)² grids of Python integers: a few MiB even at s = 50.
        seconds = estimate_dmft_seconds(model.nu, s_max)
        return CostEstimate(round(seconds, 4), 100 * 2**20, 0, 0)
    if _through_exact(model):
        from diagrams.sequential import estimate_sequential_cost

        return estimate_sequential_cost(model, s_max)
    times = _sequential_calibration(model)
    k = len(times) - 1
    if s_max <= k:
        return CostEstimate(round(times[s_max], 4), 100 * 2**20, 0, s_max + 1)
    ratio = max(2.0, times[k] / max(times[k - 1], 1e-4)) if k >= 1 else 4.0
    seconds = min(times[k] * ratio ** (s_max - k), 1e15)
    # Memory follows the memoised open graphs: 15–25 MiB per second of work measured
    # (benchmarks/results/leading.md: ASYM ν=2..4, 10–31 s, 250–460 MiB); the upper end is used.
    peak = int(min(100 * 2**20 + seconds * 25 * 2**20, 2**62))
    return CostEstimate(round(seconds, 4), peak, 0, k + 1)


_CALIBRATION: dict[ModelSpec, list[float]] = {}


def _sequential_calibration(model: ModelSpec) -> list[float]:
    """Cold wall times of the sequential process for ``s = 0, 1, …`` while each stays small."""
    cached = _CALIBRATION.get(model)
    if cached is None:
        cached = _CALIBRATION[model] = small_run_times(lambda s: LeadingEngine(model).run(s))
    return cached
