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
        self, n_h: int, n_p: int, edges: Sequence[Edge], budget: int
    ) -> tuple[int | None, list[Partition]]:
        """All admissible contractions of least loss, if that loss is at most ``budget``.

        Returns ``(best, partitions)``: ``best`` is the least loss (``None`` when it exceeds
        ``budget``) and ``partitions`` lists every admissible contraction with loss ``best``.
        """
        c = self.c
        best: int | None = None
        found: list[Partition] = []
        for h_labels, h_merges in self._h_partitions(n_h, budget // c):
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
            limit = rest if best is None else min(rest, best - c * h_merges)
            for p_loss, blocks in _zero_blocks([sig[i] for i in nonzero], limit):
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


def _zero_blocks(values: list[int], limit: int) -> Iterator[tuple[int, list[list[int]]]]:
    """Partitions of ``range(len(values))`` into blocks whose values XOR to zero, with loss
    ``Σ (|block| − 1) ≤ limit``; yields ``(loss, blocks)``. All values are nonzero, so every
    block has at least two members."""
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

        def subsets(k: int, acc: int, chosen: list[int]) -> Iterator[list[int]]:
            if acc == target and chosen:
                yield list(chosen)
            if k == m or loss + len(chosen) + 1 > limit:
                return
            for j in range(k, m):
                chosen.append(others[j])
                yield from subsets(j + 1, acc ^ values[others[j]], chosen)
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
