"""Admissible contractions and their minimal loss — the bound behind the leading-order mode
(Theorem 4.1 and its proof in the appendix "Proof of Theorem 4.1"; see :mod:`diagrams.leading`).

A *contraction* of a diagram is a partition of its H-nodes and of its p-nodes. Its *loss* is

    loss = (number of p-nodes − number of p-classes) + c · (number of H-nodes − number of H-classes)

with ``c = ν/2`` (SYM, even ν) or ``c = ν − 1`` (ASYM): the drop of the weight ``q + c·n`` of
Theorem 4.1 caused by the identifications. A *bundle* is the set of edges between one H-class
and one p-class. The contraction is *admissible* when every bundle could be paired after
merging with some R atoms:

* SYM, even ν: every bundle has an even number of edges (merging with ``R_ν`` adds ν − 2
  parallel edges, which changes nothing);
* ASYM: the colour-parity vector of every bundle is ``0`` or the all-ones vector ``1⃗``
  (merging with ``R_ν`` over an edge of a bundle flips its parity vector by ``1⃗``).

``L_min(F)`` is the least loss of an admissible contraction of ``F`` (infinite if none). Every
perfect pairing of a diagram induces an admissible contraction (each pair lies in one bundle),
so a pairing of ``F`` loses at least ``L_min(F)``; :mod:`diagrams.leading` proves
``L_min(F ⋆ D) ≥ L_min(F) + c`` and ``L_min(F ⋆ R) = L_min(F)``.

Implementation: a p-node's *signature* under a fixed partition of the H-nodes is the vector of
its bundle parities, one field per H-class (1 bit in SYM; in ASYM ν bits reduced modulo ``1⃗``
to ν − 1 bits). A p-partition is admissible iff the signatures in each p-class XOR to zero, so
for each H-partition within the budget the p-side is a search for zero-XOR blocks. A nonzero
signature can only sit in a block of size ≥ 2, which costs at least half a unit per such node:
this prunes H-partitions early.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from diagrams.canonical import Edge
from diagrams.model import ModelSpec

Partition = tuple[tuple[int, ...], tuple[int, ...]]
"""``(h_labels, p_labels)``: the class label of every H-node and every p-node (a label is the
smallest node index of the class)."""


def weight_constant(model: ModelSpec) -> int:
    """``c`` of Theorem 4.1: the Pareto terms at fixed ``s_D`` lie on ``q + c·n = const``."""
    return model.nu // 2 if model.sym else model.nu - 1


class ContractionBound:
    """Minimal-loss admissible contractions of diagrams of one model.

    >>> from diagrams.model import ModelSpec
    >>> bound = ContractionBound(ModelSpec(2, "sym", "identity"))
    >>> d4 = [(0, 0, 0), (0, 1, 0), (1, 0, 0), (1, 1, 0)]
    >>> bound.minimal_loss(2, 2, d4)
    1
    >>> best, parts = bound.optimal(2, 2, d4, budget=1)
    >>> best, sorted(parts)
    (1, [((0, 0), (0, 1)), ((0, 1), (0, 0))])
    """

    def __init__(self, model: ModelSpec) -> None:
        if model.sym and model.nu % 2:
            raise ValueError("the contraction bound needs ASYM or SYM with even ν")
        self.model = model
        self.sym = model.sym
        self.c = weight_constant(model)
        nu = model.nu
        self.field_bits = 1 if self.sym else nu - 1
        full = (1 << nu) - 1
        top = 1 << (nu - 1)
        # Colour m as a field value: ASYM reduces e_m modulo the all-ones vector.
        self.field = (
            [1] * nu
            if self.sym
            else [(1 << m) ^ (full if (1 << m) & top else 0) for m in range(nu)]
        )

    def signatures(
        self, n_p: int, edges: Sequence[Edge], h_labels: Sequence[int], slot: Sequence[int]
    ) -> list[int]:
        """Bundle-parity signature of every p-node; ``slot[label]`` numbers the H-classes."""
        bits = self.field_bits
        sig = [0] * n_p
        for h, p, colour in edges:
            sig[p] ^= self.field[colour] << (bits * slot[h_labels[h]])
        return sig

    def _h_partitions(self, n_h: int, max_merges: int) -> Iterator[tuple[tuple[int, ...], int]]:
        """H-partitions as label tuples (label = smallest member) with at most ``max_merges``
        identifications, and their number of identifications."""
        labels = [0] * n_h

        def rec(i: int, reps: list[int], merges: int) -> Iterator[tuple[tuple[int, ...], int]]:
            if i == n_h:
                yield tuple(labels), merges
                return
            labels[i] = i
            reps.append(i)
            yield from rec(i + 1, reps, merges)
            reps.pop()
            if merges < max_merges:
                for r in list(reps):
                    labels[i] = r
                    yield from rec(i + 1, reps, merges + 1)

        yield from rec(0, [], 0)

    def optimal(
        self,
        n_h: int,
        n_p: int,
        edges: Sequence[Edge],
        budget: int,
        max_work: int | None = None,
    ) -> tuple[int | None, list[Partition]]:
        """All admissible contractions of least loss, if that loss is at most ``budget``.

        Returns ``(best, partitions)``: ``best`` is the least loss (``None`` when it exceeds
        ``budget``) and ``partitions`` lists every admissible contraction with loss ``best``.
        Raises :class:`TooMuchWork` after ``max_work`` candidate H-partitions and p-blocks.
        """
        c = self.c
        work = [0, max_work if max_work is not None else -1]
        best: int | None = None
        found: list[Partition] = []
        for h_labels, h_merges in self._h_partitions(n_h, budget // c):
            _charge(work, 1)
            rest = budget - c * h_merges
            if best is not None and c * h_merges > best:
                continue
            reps = sorted(set(h_labels))
            slot = {r: k for k, r in enumerate(reps)}
            slot_list = [0] * n_h
            for r, k in slot.items():
                slot_list[r] = k
            sig = self.signatures(n_p, edges, h_labels, slot_list)
            nonzero = [i for i in range(n_p) if sig[i]]
            if (len(nonzero) + 1) // 2 > rest:
                continue
            total = 0
            for i in nonzero:
                total ^= sig[i]
            if total:  # the blocks XOR to zero, so all of them together must too
                continue
            limit = rest if best is None else min(rest, best - c * h_merges)
            for p_loss, blocks in _zero_blocks([sig[i] for i in nonzero], limit, work):
                total = c * h_merges + p_loss
                if best is None or total < best:
                    best, found = total, []
                if total == best:
                    p_labels = list(range(n_p))
                    for block in blocks:
                        members = [nonzero[b] for b in block]
                        low = min(members)
                        for m in members:
                            p_labels[m] = low
                    found.append((h_labels, tuple(p_labels)))
        return best, found

    def minimal_loss(self, n_h: int, n_p: int, edges: Sequence[Edge], cap: int = 10**6) -> int:
        """``L_min`` by increasing the budget (raises ``ValueError`` above ``cap``)."""
        budget = 0
        while budget <= cap:
            best, _ = self.optimal(n_h, n_p, edges, budget)
            if best is not None:
                return best
            budget = 2 * budget + 1
        raise ValueError("no admissible contraction within the cap")


class TooMuchWork(Exception):
    """Listing the least-loss contractions would take longer than allowed."""


def _charge(work: list[int], amount: int) -> None:
    work[0] += amount
    if 0 <= work[1] < work[0]:
        raise TooMuchWork


def _zero_blocks(
    values: list[int], limit: int, work: list[int] | None = None
) -> Iterator[tuple[int, list[list[int]]]]:
    """Partitions of ``range(len(values))`` into minimal blocks whose values XOR to zero, with
    loss ``Σ (|block| − 1) ≤ limit``; yields ``(loss, blocks)``. All values are nonzero, so
    every block has at least two members. Every least-loss partition is among them."""
    n = len(values)
    if n == 0:
        yield 0, []
        return

    def rec(
        remaining: list[int], loss: int, blocks: list[list[int]]
    ) -> Iterator[tuple[int, list[list[int]]]]:
        if not remaining:
            yield loss, [list(b) for b in blocks]
            return
        first, others = remaining[0], remaining[1:]
        # Choose the rest of first's block: a subset of others with XOR equal to values[first].
        target = values[first]
        m = len(others)

        positions: dict[int, list[int]] = {}
        for idx, j in enumerate(others):
            positions.setdefault(values[j], []).append(idx)
        # spans[idx]: a GF(2) basis (by leading bit, largest first) of the values of
        # others[idx:], to cut branches whose missing XOR no later member can supply.
        spans: list[list[int]] = [[] for _ in range(m + 1)]
        for idx in range(m - 1, -1, -1):
            basis = list(spans[idx + 1])
            v = _reduce(values[others[idx]], basis)
            if v:
                basis.append(v)
                basis.sort(reverse=True)
            spans[idx] = basis

        def subsets(k: int, acc: int, chosen: list[int]) -> Iterator[list[int]]:
            # Blocks {first} ∪ chosen with XOR(chosen) = target, chosen in increasing position.
            # The last member is looked up by value. A member that would already complete the
            # block is never used to extend it: the block would contain a smaller zero-XOR
            # block, and splitting it off lowers the loss, so no least-loss partition has it.
            if work is not None:
                _charge(work, 1)
            need = target ^ acc
            if _reduce(need, spans[k]):
                return
            size = loss + len(chosen)
            if size + 1 <= limit:
                for idx in positions.get(need, ()):
                    if idx >= k:
                        yield [*chosen, others[idx]]
            if size + 2 <= limit:
                for idx in range(k, m):
                    j = others[idx]
                    if values[j] == need:
                        continue
                    chosen.append(j)
                    yield from subsets(idx + 1, acc ^ values[j], chosen)
                    chosen.pop()

        for chosen in subsets(0, 0, []):
            added = len(chosen)
            left = [x for x in others if x not in chosen]
            if loss + added + (len(left) + 1) // 2 > limit:
                continue
            blocks.append([first, *chosen])
            yield from rec(left, loss + added, blocks)
            blocks.pop()

    yield from rec(list(range(n)), 0, [])


def _reduce(value: int, basis: list[int]) -> int:
    """``value`` reduced by a GF(2) basis sorted by decreasing leading bit (0 iff in span)."""
    for vec in basis:
        if value ^ vec < value:
            value ^= vec
    return value


class GroupingSearch:
    """``L_min`` by grouping edges, memoised on canonical forms (exact, branch and bound).

    An admissible contraction of least loss is generated by a grouping of the edges into
    same-colour pairs and, in ASYM, *rainbows* (ν edges of distinct colours, the effect of
    merging an R atom), each group lying in one bundle: group the edges of every bundle that
    way, and conversely the identifications a grouping forces give an admissible contraction of
    at most the same loss. The search groups one edge at a time (the edge with the fewest
    distinct options), identifies the group's endpoints, removes it and recurses on the
    canonical form of what is left; nodes left without edges are dropped (they stay singletons).

    Lower bound used to prune: in a contraction where every bundle holds at least two edges,
    each connected part of the quotient is a connected graph with at most ``E/2`` bundles, so
    ``H' + P' ≤ E/2 + k`` classes survive (``k`` connected components); the loss is at least
    ``c·H + P`` minus the best weight ``c·H' + P'`` such classes can keep.
    """

    def __init__(self, model: ModelSpec) -> None:
        if model.sym and model.nu % 2:
            raise ValueError("the contraction bound needs ASYM or SYM with even ν")
        self.nu = model.nu
        self.sym = model.sym
        self.c = weight_constant(model)
        self.colors = model.colors
        self.quotient = not model.sym
        self.exact: dict[tuple, int] = {}
        self.low: dict[tuple, int] = {}
        self.rainbows: dict[tuple, int] = {}

    # A form is (n_h, n_p, edges) with every node incident to an edge.
    def lower_bound(self, edges: Sequence[Edge]) -> int:
        """The connectivity bound for any edge list (nodes are those incident to an edge)."""
        if not edges:
            return 0
        off = 1 + max(h for h, _, _ in edges)
        parent = list(range(off + 1 + max(p for _, p, _ in edges)))
        hs = set()
        ps = set()
        for h, p, _ in edges:
            hs.add(h)
            ps.add(p)
            a = h
            while parent[a] != a:
                a = parent[a]
            b = off + p
            while parent[b] != b:
                b = parent[b]
            if a != b:
                parent[a] = b
        roots = set()
        for h in hs:
            a = h
            while parent[a] != a:
                a = parent[a]
            roots.add(a)
        room = len(edges) // 2 + len(roots)
        keep_h = min(len(hs), room - 1)
        keep_p = min(len(ps), room - keep_h)
        return self.c * (len(hs) - keep_h) + (len(ps) - keep_p)

    def _parity_ok(self, edges: Sequence[Edge]) -> bool:
        if self.sym:
            return len(edges) % 2 == 0
        total = 0
        for _, _, colour in edges:
            total ^= 1 << colour
        return total in (0, (1 << self.nu) - 1)

    def floor(self, edges: Sequence[Edge]) -> int:
        """A cheap lower bound on ``L_min`` of an edge list (huge when parity rules it out)."""
        return self.lower_bound(edges) if self._parity_ok(edges) else 1 << 60

    def canon(self, edges: Sequence[Edge]) -> tuple:
        """Canonical form of an edge list, nodes without edges dropped."""
        from diagrams.canonical import canonical_form

        hs = sorted({h for h, _, _ in edges})
        ps = sorted({p for _, p, _ in edges})
        hmap = {h: i for i, h in enumerate(hs)}
        pmap = {p: i for i, p in enumerate(ps)}
        local = [(hmap[h], pmap[p], col) for h, p, col in edges]
        return canonical_form(len(hs), len(ps), local, self.colors, self.quotient)

    def _options(self, form: tuple) -> list[tuple[int, int, list[Edge]]]:
        """``(cost, is_rainbow, remaining edges)`` for every way to group the chosen edge,
        cheapest first."""
        n_h, n_p, edges = form
        by_colour: dict[int, dict[tuple[int, int], int]] = {}
        for h, p, col in edges:
            slot = by_colour.setdefault(col, {})
            slot[(h, p)] = slot.get((h, p), 0) + 1
        # Choose the edge whose pairing partners have the fewest distinct endpoints.
        best_key = None
        chosen: Edge | None = None
        for col, ends in by_colour.items():
            for (h, p), count in ends.items():
                key = (len(ends) - (count == 1), col, h, p)
                if best_key is None or key < best_key:
                    best_key, chosen = key, (h, p, col)
        assert chosen is not None
        h0, p0, col0 = chosen
        c = self.c
        groups: list[tuple[int, list[Edge]]] = []
        for (h, p), count in by_colour[col0].items():
            if (h, p) == (h0, p0) and count == 1:
                continue
            groups.append((0, [(h, p, col0)]))
        if not self.sym:
            others = [col for col in range(self.nu) if col != col0]
            if all(col in by_colour for col in others):
                combos: list[list[Edge]] = [[]]
                for col in others:
                    combos = [[*g, (h, p, col)] for g in combos for (h, p) in by_colour[col]]
                groups.extend((1, g) for g in combos)
        out: list[tuple[int, int, list[Edge]]] = []
        for rainbow, group in groups:  # noqa: B007
            rest = list(edges)
            rest.remove(chosen)
            hset = {h0}
            pset = {p0}
            for e in group:
                rest.remove(e)
                hset.add(e[0])
                pset.add(e[1])
            cost = c * (len(hset) - 1) + (len(pset) - 1)
            if len(hset) > 1 or len(pset) > 1:
                rest = [(h0 if h in hset else h, p0 if p in pset else p, col) for h, p, col in rest]
            out.append((cost, rainbow, rest))
        out.sort(key=lambda o: o[0])
        return out

    def at_most(self, form: tuple, budget: int) -> int | None:
        """``L_min(form)`` if it is at most ``budget``, else ``None`` (memoised)."""
        if not form[2]:
            return 0 if budget >= 0 else None
        exact = self.exact.get(form)
        if exact is not None:
            return exact if exact <= budget else None
        low = self.low.get(form)
        if low is None:
            low = self.floor(form[2])
            self.low[form] = low
        if low > budget:
            return None
        best: int | None = None
        best_rainbows = 0
        for cost, rainbow, rest in self._options(form):
            limit = (budget if best is None else best - 1) - cost
            if limit < 0 or (rest and self.floor(rest) > limit):
                continue
            child = self.canon(rest) if rest else (0, 0, ())
            sub = self.at_most(child, limit)
            if sub is not None:
                best = cost + sub
                best_rainbows = rainbow + self.rainbows.get(child, 0)
                if best == low:
                    break
        if best is None:
            self.low[form] = budget + 1
            return None
        self.exact[form] = best
        self.rainbows[form] = best_rainbows
        return best

    def value(self, form: tuple) -> int:
        budget = self.lower_bound(form[2])
        while True:
            got = self.at_most(form, budget)
            if got is not None:
                return got
            budget = max(2 * budget, budget + 1)
            if budget > 1 << 20:
                raise ValueError("no admissible contraction")
