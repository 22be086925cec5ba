"""Exact ``Y_s`` by the normal-ordered sequential process: merges and Wick pairings interleaved
(Section 3, eq. lossstarexp; Appendix "Loss expansion and diagram calculus").

Bookkeeping
-----------
``Y_s = (−1)^s Σ`` over merge histories (an atom ``A_0`` and ``s`` merges ``⋆A_t``, each along an
edge of the current diagram and a same-colour edge of the atom) and over perfect pairings of the
final diagram, of ``Π_t factor(A_t) · p^q H^n σ^{2l}`` with ``factor(D) = ½``,
``factor(R) = −1``. A pair of final edges is formed when its *younger* edge is created: each new
edge is paired at once with a same-colour edge that is still *open*, or left open (to be
consumed by a later merge or paired with a later edge). Every (history, pairing) is produced
exactly once, so the sum can be taken step by step over *states*: the open graph (canonical
form, nodes of identified classes merged), with, per state, a polynomial counting the closed
nodes — a node without open edges can never change again (``q`` p-classes, ``n`` H-classes) —
and the number ``d`` of D atoms so far. :mod:`diagrams.leading` runs the same process restricted
to the Pareto front; this module keeps every pairing.

One decision at a time
----------------------
A merge creates ``2ν−1`` (D) or ``ν−1`` (R) new edges. They enter the state as *pending* edges
(a second edge kind in the canonical form) and are decided one per micro-step: opened, or paired
with an open edge of its colour (partners with the same endpoints give the same result and are
counted once with multiplicity). The value of a state does not depend on the order in which
pending edges are decided, so the order is chosen per canonical state: first an edge at the
H-node with the most open edges, then the edge with the fewest options (distinct partners, and
opening). Measured on ASYM ν=3 s=6, identity target: 120 869 decisions with the fewest options
alone, 73 228 with the H-node first (5.8 s against 8.7 s in one process; zero target 49 529
against 25 381); ν=4 s=5 121 163 against 72 301. Two new edges of one step pair when the first
is opened and the second decided against it.

Horizon
-------
With ``r`` merges left, a merge lowers the number of open edges of each colour by at most 2
(ASYM: D along colour ``m`` consumes one colour-``m`` edge and creates one, and two of every
other colour; R consumes one and creates one of every other colour), in SYM by at most ``2ν`` in
all. A state with more than ``2r`` open edges of some colour (``2νr`` in SYM) can never close and
is dropped; a pending edge can lower the count by at most one, so micro-states are dropped on the
same bound with pending edges subtracted. Measured on ASYM ν=3 up to s=6: every state kept does
reach the end, so the bound is exact there.

Every micro-state is put in canonical form, also those with pending edges left, and the
micro-states of all the states a process handles in one step are settled together, each
carrying its summed value: isomorphic micro-states are decided once whichever state and path
they come from. Measured on ASYM ν=3 s=6 (one process, before the decision order above):
settling each state alone 13.9 s, all together 9.1 s; keying micro-states by their labelled
form instead of the canonical one 3.2× slower.

Cost
----
The states themselves are few (ASYM ν=3, s=7: at most 7 133 at one step) but each fans out
into tens of merges and hundreds of micro-states; the work is the canonical labelling of those
(≈ 17 µs a call, BLISS through python-igraph; about half the time at s=6) and the Python around
it. Each step's states are split over the cores (:mod:`diagrams.parallel`; micro-states are
then merged within a share only). Measured against the class-by-class engine in
``benchmarks/results/engine.md``.
"""

from __future__ import annotations

import math
import time
from bisect import insort
from collections import Counter
from collections.abc import Callable, Sequence
from fractions import Fraction
from functools import partial

from diagrams.canonical import Edge, Form, canonical_form, compact, edge_orbits
from diagrams.cost import CostEstimate
from diagrams.errors import SpecError
from diagrams.model import ModelSpec
from diagrams.parallel import engine_workers, planned_workers, sum_over_items
from diagrams.pareto import edge_count
from diagrams.polynomial import Poly

Progress = Callable[[float, str], None] | None

EMPTY: Form = (0, 0, ())

# A value is {packed (d, q, n): integer weight}; packing makes a shift one integer addition.
CHUNKS_PER_WORKER = 1
"""Shares per worker and step: fewer, larger shares merge more micro-states (less work);
more shares report progress (and notice cancellation) more often when the step is spread over
forked workers (in-process steps report every :data:`TICK_EVERY` decisions anyway). Measured
on the largest step of ASYM ν=3 s=6: 98 272 decisions in two strided shares, 119 414 in four
(78 869 in one); ASYM ν=3 s=7 on 2 cores: 38 s with one share per worker, 48 s with two."""

DECISION_TIME_GROWTH = 1.3
"""Growth per order of the time one pending-edge decision takes (larger open graphs, more
children), in :func:`estimate_sequential_cost`. Measured in one process: ASYM ν=2 61 → 111 µs
for s = 8 → 12 (1.16 per order), ν=3 63 → 81 µs (s = 5 → 6), ν=4 62 → 86 µs (s = 4 → 5), SYM
ν=3 65 → 95 µs (s = 4 → 5), SYM ν=4 74 → 116 µs (s = 3 → 4)."""

RATIO_GROWTH_BOUNDS = (1.0, 1.35)
"""Bounds on the per-order growth of the ratio of decision counts between consecutive orders
(measured: ASYM ν=2 2.27, 2.18, …, 2.10, slowly falling; ν=3 3.4, 4.2, 4.9, 5.8, 6.5; ν=4 4.2,
5.6, 7.1, 9.4; SYM ν=3 5.2, 5.3, 5.9, 6.2, 6.1)."""

CALIBRATION_DECISIONS = 2100
"""The cost estimate's calibration runs the orders ``s = 0, 1, …`` until one makes more than this
many pending-edge decisions. Decision counts are deterministic, so which orders are measured does
not depend on the machine's load (a wall-time limit did: under load it stopped an order early and
the longer extrapolation overestimated ASYM ν=3 s=7 at 2 300 s instead of 60 s). The last run
takes 0.1–0.8 s on the 2-core machine (ASYM ν=2..4, SYM ν=3, 4), as with the former 0.15-s limit
on an idle machine; the orders measured are the same except SYM ν=3 identity (one fewer)."""

CALIBRATION_SECONDS = 5.0
"""Safety cap on the calibration's total wall time (reached only on a badly overloaded machine)."""

TICK_EVERY = 256
"""Pending-edge decisions between two progress reports inside an in-process step (≈ 20 ms of
work at ASYM ν=3; the service's workers forward at most one report per 0.1 s, so long steps
show as steady progress and cancel within a fraction of a second)."""

CANON_CACHE_SIZE = 400_000
"""Relabelled (micro-)states whose canonical forms are kept; the cache is emptied when full."""

BITS = 12
MASK = (1 << BITS) - 1


def pack(d: int, q: int, n: int) -> int:
    return (d << (2 * BITS)) | (q << BITS) | n


def unpack(key: int) -> tuple[int, int, int]:
    return key >> (2 * BITS), (key >> BITS) & MASK, key & MASK


class SequentialProcess:
    """The exact sequential process of one model, up to a horizon ``s_max``."""

    def __init__(self, model: ModelSpec, max_workers: int | None = None) -> None:
        self.model = model
        self.max_workers = max_workers  # None: diagrams.parallel.engine_workers()
        # Progress inside a step, only when the step runs in this process (it may raise
        # Cancelled); shares run by forked workers report between shares only.
        self._tick: Callable[[str], None] | None = None
        self.decisions = 0  # pending-edge decisions made in this process (the estimate's work)
        self.nu = model.nu
        self.sym = model.sym
        self.colors = model.colors
        self.quotient = not model.sym
        self.with_r = model.target == "identity"
        # Same-colour edges of the atom a merge may use (all equivalent under Aut(atom)).
        self.mult_d, self.mult_r = (2 * self.nu, self.nu) if self.sym else (2, 1)
        self._canon_cache: dict[tuple[int, tuple[Edge, ...]], Form] = {}

    # --------------------------------------------------------------------- helpers
    def _limit(self, remaining: int) -> int:
        """Most open edges per colour (ASYM) or in all (SYM) that ``remaining`` merges close."""
        return 2 * self.nu * remaining if self.sym else 2 * remaining

    def _fits(self, edges: Sequence[Edge], remaining: int) -> bool:
        """Whether a (micro-)state may still close: open minus pending edges, per colour."""
        colors = self.colors
        count = [0] * colors
        for _, _, c in edges:
            if c < colors:
                count[c] += 1
            else:
                count[c - colors] -= 1
        return max(count) <= self._limit(remaining)

    def _normalise(self, edges: list[Edge], n_h: int, n_p: int) -> tuple[Form, int, int]:
        """Canonical form of the nodes that still have edges, and the numbers of p- and
        H-nodes (of ``n_p``, ``n_h``) left without edges."""
        if not edges:
            return EMPTY, n_p, n_h
        used_h, used_p, raw = compact(edges)
        return self._lookup(used_h, used_p, list(raw)), n_p - used_p, n_h - used_h

    def _atom(self, atom: str) -> tuple[int, int, list[Edge]]:
        """An atom with all its edges pending."""
        nu, colors = self.nu, self.colors
        col = (lambda m: colors) if self.sym else (lambda m: colors + m)
        if atom == "D":
            return 2, nu, [(h, m, col(m)) for h in (0, 1) for m in range(nu)]
        return 1, 1, [(0, 0, col(m)) for m in range(nu)]

    def _merges(self, form: Form, remaining: int) -> dict[Form, dict[int, int]]:
        """The micro-states right after merging an atom into the open graph ``form``: every
        edge orbit, D and R, new edges pending; ``{form: {packed (Δd, Δq, Δn): weight}}``."""
        n_h, n_p, edges = form
        nu, colors, sym = self.nu, self.colors, self.sym
        pend = (lambda mm: colors) if sym else (lambda mm: colors + mm)
        out: dict[Form, dict[int, int]] = {}

        def add(child: list[Edge], n_h2: int, n_p2: int, dd: int, weight: int) -> None:
            if not self._fits(child, remaining):
                return
            f, dq, dn = self._normalise(child, n_h2, n_p2)
            slot = out.setdefault(f, {})
            key = pack(dd, dq, dn)
            slot[key] = slot.get(key, 0) + weight

        for orbit in edge_orbits(n_h, n_p, edges, colors, self.quotient):
            j = orbit[0]
            h, p, m = edges[j]
            rest = list(edges[:j] + edges[j + 1 :])
            # G ⋆ D along edge j: new H-node n_h, new p-nodes n_p.., edges to k=h and k'=n_h.
            new: list[Edge] = []
            nxt = n_p
            for mm in range(nu):
                if (sym and mm == 0) or (not sym and mm == m):
                    continue
                new += [(h, nxt, pend(mm)), (n_h, nxt, pend(mm))]
                nxt += 1
            new.append((n_h, p, pend(m)))
            add(rest + new, n_h + 1, nxt, 1, len(orbit) * self.mult_d)
            if self.with_r:
                new = [
                    (h, p, pend(mm))
                    for mm in range(nu)
                    if (sym and mm > 0) or (not sym and mm != m)
                ]
                add(rest + new, n_h, n_p, 0, -len(orbit) * self.mult_r)
        return out

    def _decide(self, form: Form, remaining: int) -> tuple[list[tuple[Form, int, int]], bool]:
        """One micro-step: a pending edge is opened or paired; returns
        ``([(child, packed (0, Δq, Δn), multiplicity)], whether no pending edge is left)``.

        The edge decided is one at the H-node with the most open edges, among those the one
        with the fewest options (distinct partners, plus opening when the horizon allows it,
        see the module docstring). Children are relabelled here directly: only the partner's
        endpoints (merged into the decided edge's) and a class left without edges disappear.
        """
        n_h, n_p, edges = form
        colors = self.colors
        bundles = Counter(edges)
        partners: list[list[tuple[int, int, int]]] = [[] for _ in range(colors)]
        count = [0] * colors
        open_at = [0] * n_h
        deg_h = [0] * n_h
        deg_p = [0] * n_p
        pending = []
        for (h, p, c), k in bundles.items():
            deg_h[h] += k
            deg_p[p] += k
            if c < colors:
                partners[c].append((h, p, k))
                count[c] += k
                open_at[h] += k
            else:
                pending.append((h, p, c))
                count[c - colors] -= k
        limit = self._limit(remaining)
        can_open = [limit - x >= 2 for x in count]
        chosen = min(
            pending,
            key=lambda e: (
                -open_at[e[0]],
                len(partners[e[2] - colors]) + can_open[e[2] - colors],
                e,
            ),
        )
        finished = len(pending) == 1 and bundles[chosen] == 1
        h0, p0, c0 = chosen
        colour = c0 - colors
        rest = list(edges)
        rest.remove(chosen)
        out: list[tuple[Form, int, int]] = []
        lookup = self._lookup
        if can_open[colour]:
            child = rest.copy()
            insort(child, (h0, p0, colour))
            out.append((lookup(n_h, n_p, child), 0, 1))
        if not partners[colour]:
            return out, finished
        # Degrees once the decided edge is gone.
        deg_h[h0] -= 1
        deg_p[p0] -= 1
        for h1, p1, mult in partners[colour]:
            child = list(rest)
            child.remove((h1, p1, colour))
            # Edges left at the merged classes once the decided edge and its partner are gone.
            left_h = deg_h[h0] + deg_h[h1] - 1 if h1 != h0 else deg_h[h0] - 1
            left_p = deg_p[p0] + deg_p[p1] - 1 if p1 != p0 else deg_p[p0] - 1
            hmap = _squeeze(n_h, h1, h0, left_h == 0)
            pmap = _squeeze(n_p, p1, p0, left_p == 0)
            new_h = n_h - (h1 != h0) - (left_h == 0)
            new_p = n_p - (p1 != p0) - (left_p == 0)
            if hmap is not None or pmap is not None:
                hm = hmap or range(n_h)
                pm = pmap or range(n_p)
                child = [(hm[h], pm[p], c) for h, p, c in child]
                child.sort()
            out.append((lookup(new_h, new_p, child), pack(0, left_p == 0, left_h == 0), mult))
        return out, finished

    def _lookup(self, n_h: int, n_p: int, edges: list[Edge]) -> Form:
        """Canonical form of a relabelled (micro-)state whose nodes all have edges (cached)."""
        if not edges:
            return EMPTY
        key = (n_h, tuple(edges))
        form = self._canon_cache.get(key)
        if form is None:
            if len(self._canon_cache) >= CANON_CACHE_SIZE:
                self._canon_cache.clear()
            form = canonical_form(n_h, n_p, edges, self.colors, self.quotient, kinds=2)
            self._canon_cache[key] = form
        return form

    def settle(
        self, micro: dict[Form, dict[int, int]], remaining: int
    ) -> dict[Form, dict[int, int]]:
        """Decide all pending edges; ``{open graph: {packed shift: weight}}``."""
        done: dict[Form, dict[int, int]] = {}
        decided = 0
        while micro:
            nxt: dict[Form, dict[int, int]] = {}
            for form, shifts in micro.items():
                decided += 1
                if self._tick is not None and decided % TICK_EVERY == 0:
                    self._tick(f"{decided} pending-edge decisions")
                children, finished = self._decide(form, remaining)
                into = done if finished else nxt
                for child, shift, mult in children:
                    _add_shifted(into, child, shifts, shift, mult)
            micro = nxt
        self.decisions += decided
        return done

    def transitions(self, form: Form, remaining: int) -> dict[Form, dict[int, int]]:
        """One merge step from the open graph ``form``: ``{child: {packed shift: weight}}``."""
        return self.settle(self._merges(form, remaining), remaining)

    def initial(self, s_max: int) -> dict[Form, dict[int, int]]:
        """States after the first atom and its pairings (level ``s = 0``)."""
        micro: dict[Form, dict[int, int]] = {}
        atoms = [("D", 1, 1)] + ([("R", 0, -1)] if self.with_r else [])
        for atom, d, factor in atoms:
            n_h, n_p, edges = self._atom(atom)
            f, dq, dn = self._normalise(edges, n_h, n_p)
            _add_shifted(micro, f, {pack(d, dq, dn): factor}, 0, 1)
        return self.settle(micro, s_max)

    def step_share(
        self, remaining: int, items: Sequence[tuple[Form, dict[int, int]]]
    ) -> dict[tuple[Form, int], int]:
        """The next level's contributions of some states, flattened to
        ``{(child, packed (d, q, n)): weight}`` so that shares add up.

        The micro-states of all these states are settled together, each carrying its summed
        value: isomorphic micro-states reached from different parents are decided once
        (measured 1.5× faster than settling each parent alone, ASYM ν=3 s=6).
        """
        micro: dict[Form, dict[int, int]] = {}
        for form, values in items:
            for child, shifts in self._merges(form, remaining).items():
                for shift, weight in shifts.items():
                    _add_shifted(micro, child, values, shift, weight)
        out: dict[tuple[Form, int], int] = {}
        for child, values in self.settle(micro, remaining).items():
            for key, value in values.items():
                if value:
                    out[(child, key)] = value
        return out

    # ------------------------------------------------------------------------ levels
    def run(self, s_max: int, progress: Progress = None) -> list[Poly]:
        """``Y_0..Y_{s_max}`` exactly (every order at once: a state closes at any level)."""
        level = self.initial(s_max)
        results = [self._final(0, level)]
        for t in range(1, s_max + 1):
            remaining = s_max - t
            items = [(f, v) for f, v in level.items() if f[2]]
            self._tick = None
            if progress is not None and planned_workers(len(items), 40, self.max_workers) <= 1:
                self._tick = _step_ticker(progress, t, s_max)
            flat = sum_over_items(
                partial(_step_share, self, remaining),
                items,
                None if progress is None else _sub_progress(progress, t, s_max),
                f"sequential process: step {t}/{s_max}, {len(items)} states",
                min_items_per_worker=40,
                chunks_per_worker=CHUNKS_PER_WORKER,
                max_workers=self.max_workers,
            )
            self._tick = None
            level = {}
            for (child, key), value in flat.items():
                if value:
                    slot = level.setdefault(child, {})
                    slot[key] = value
            results.append(self._final(t, level))
        return results

    def _final(self, s: int, level: dict[Form, dict[int, int]]) -> Poly:
        terms: dict[tuple[int, int, int], Fraction] = {}
        sign = -1 if s % 2 else 1
        for key, count in level.get(EMPTY, {}).items():
            d, q, n = unpack(key)
            mono = (q, n, edge_count(self.model, s, d) // 2)
            terms[mono] = terms.get(mono, Fraction(0)) + Fraction(sign * count, 2**d)
        return Poly(terms)


def _squeeze(n: int, old: int, into: int, closed: bool) -> list[int] | None:
    """New ids of nodes ``0..n-1`` when ``old`` is merged into ``into`` and, if ``closed``,
    their class disappears too (``None``: nothing moves). An entry for a vanished id is never
    read."""
    if old == into:
        if not closed:
            return None
        return [i - (i > into) for i in range(n)]
    if closed:
        return [i - (i > old) - (i > into) for i in range(n)]
    new = [i - (i > old) for i in range(n)]
    new[old] = new[into]
    return new


def _add_shifted(
    into: dict[Form, dict[int, int]], form: Form, values: dict[int, int], shift: int, mult: int
) -> None:
    slot = into.get(form)
    if slot is None:
        into[form] = {key + shift: value * mult for key, value in values.items()}
        return
    for key, value in values.items():
        k = key + shift
        slot[k] = slot.get(k, 0) + value * mult


def _step_share(
    process: SequentialProcess, remaining: int, items: Sequence[tuple[Form, dict[int, int]]]
) -> dict[tuple[Form, int], int]:
    return process.step_share(remaining, items)


def _step_ticker(
    progress: Callable[[float, str], None], t: int, s_max: int
) -> Callable[[str], None]:
    def tick(message: str) -> None:
        progress((t - 1) / s_max, f"sequential process: step {t}/{s_max}, {message}")

    return tick


def _sub_progress(progress: Callable[[float, str], None], t: int, s_max: int) -> Progress:
    def sub(fraction: float, message: str) -> None:
        progress((t - 1 + fraction) / s_max, message)

    return sub


_RESULTS: dict[ModelSpec, list[Poly]] = {}


def sequential_series(model: ModelSpec, s_max: int, progress: Progress = None) -> list[Poly]:
    """``Y_0..Y_{s_max}`` exactly by the sequential process (see the module docstring).

    One pass gives every order up to its horizon; results are cached per model, so a call at or
    below the largest ``s_max`` computed so far is free.

    Examples
    --------
    >>> sequential_series(ModelSpec(2, "sym", "identity"), 0)[0].to_text()
    '(-1)*p*H*s2 + (1/2)*p^2*H*s2^2 + (1/2)*p*H^2*s2^2 + (1/2)*p*H*s2^2'
    """
    if isinstance(s_max, bool) or not isinstance(s_max, int) or s_max < 0:
        raise SpecError("s_max", "must be a non-negative integer")
    cached = _RESULTS.get(model)
    if cached is None or len(cached) <= s_max:
        cached = _RESULTS[model] = SequentialProcess(model).run(s_max, progress)
    return cached[: s_max + 1]


_CALIBRATION: dict[ModelSpec, tuple[list[float], list[int]]] = {}


def _calibration(model: ModelSpec) -> tuple[list[float], list[int]]:
    """Cold wall times and pending-edge decision counts of the process for ``s_max = 0, 1, …``
    until a run makes more than :data:`CALIBRATION_DECISIONS` decisions. In-process: estimates
    are also asked inside the service's threaded web server, where forking worker processes
    could deadlock."""
    cached = _CALIBRATION.get(model)
    if cached is None:
        times: list[float] = []
        decisions: list[int] = []
        for s in range(40):
            process = SequentialProcess(model, max_workers=1)
            start = time.perf_counter()
            process.run(s)
            times.append(time.perf_counter() - start)
            decisions.append(process.decisions)
            if decisions[-1] > CALIBRATION_DECISIONS or sum(times) > CALIBRATION_SECONDS:
                break
        cached = _CALIBRATION[model] = (times, decisions)
    return cached


def estimate_sequential_cost(model: ModelSpec, s_max: int) -> CostEstimate:
    """Estimated cost of :func:`sequential_series` (``model``, ``s_max``).

    The process is run for real on small orders (cold, in one process, until a run makes more
    than :data:`CALIBRATION_DECISIONS` decisions), counting its pending-edge decisions — the unit
    of its work, and deterministic, unlike the times. The count is extrapolated with the last
    ratio between consecutive orders, itself growing per order as it did over the last two (within
    :data:`RATIO_GROWTH_BOUNDS`), and the time per decision of the last run grows by
    :data:`DECISION_TIME_GROWTH` per order. One process is modelled: the service's workers
    run the process in-process; two cores measured 1.1–1.4× faster.

    Checked against cold runs (in one process, then on 2 cores; ``BENCHMARKS.md``): ASYM ν=2
    s = 12 / 13 estimated 18 / 51 s (10.3 / – s; 9.3 / 23 s), ν=3 s = 6 / 7 5.8 / 62 s
    (5.4 / – s; 3.9 / 39 s), ν=4 s = 5 / 6 4.7 / 70 s (5.3 / – s; 4.0 / 59 s), SYM ν=4
    s = 4 / 5 3.2 / 36 s (3.5 / 40 s in the service; 2.8 / 28 s), SYM ν=3 s = 5 7.7 s
    (8.1 s; 5.5 s): within a factor of 2.2, mostly above. The time-ratio extrapolation used
    before was off by up to 40× (ASYM ν=2 s = 13: 890 s for 23 s), because the small runs'
    times are too noisy for their ratios.
    Memory: the canonical-form cache is bounded by :data:`CANON_CACHE_SIZE` entries per
    process (≈ 2.3 KB each at s = 7, ASYM ν = 3), which dominates; estimated from the time
    until the cache is full. ``classes`` is 0: the process never lists the expansion's classes.
    """
    times, decisions = _calibration(model)
    k = len(times) - 1
    if s_max <= k:
        seconds = times[s_max]
    else:
        ratio = decisions[k] / max(decisions[k - 1], 1) if k >= 1 else 8.0
        growth = 1.2
        if k >= 2:
            before = decisions[k - 1] / max(decisions[k - 2], 1)
            low, high = RATIO_GROWTH_BOUNDS
            growth = min(max(ratio / max(before, 1e-9), low), high)
        log_seconds = math.log(max(times[k], 1e-9))  # decisions[k] at times[k] / decisions[k]
        for j in range(1, s_max - k + 1):
            log_seconds += math.log(max(ratio, 1.0)) + j * math.log(growth)
            log_seconds += math.log(DECISION_TIME_GROWTH)
        seconds = min(math.exp(min(log_seconds, 700.0)), 1e15)
    # Measured: ASYM ν=3 s=7, 97 s on 2 workers, ≈ 0.9 GiB per worker with a full cache.
    per_process = min(CANON_CACHE_SIZE * 2300, seconds * 40 * 2**20)
    peak = int(min(120 * 2**20 + engine_workers() * per_process, 2**62))
    return CostEstimate(round(seconds, 4), peak, 0, k + 1)
