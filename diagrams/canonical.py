"""Exact canonical forms and automorphisms of diagrams (Appendix "Loss expansion and diagram
calculus": diagrams are bipartite edge-coloured multigraphs).

A diagram with ``n_h`` H-nodes, ``n_p`` p-nodes and coloured (multi-)edges is encoded as a
vertex-coloured simple graph that BLISS (through python-igraph) labels canonically:

* H-nodes get vertex colour 0 and p-nodes vertex colour 1;
* each edge becomes a vertex adjacent to its H-node and its p-node, so parallel edges stay
  distinct vertices and the multigraph becomes simple;
* with ``quotient_colors=False`` an edge-vertex of colour ``m`` gets vertex colour ``2 + m``
  (isomorphism must preserve edge colours);
* with ``quotient_colors=True`` (ASYM, where the loss is invariant under permuting the ν
  colours) every edge-vertex gets vertex colour 2 and is joined to one of ν extra
  "colour vertices" (vertex colour 3); BLISS may then permute colour vertices, i.e. colours, and
  the canonical form is that of the diagram's class up to recolouring.

The canonical form is returned as ``(n_h, n_p, edges)`` with ``edges`` a sorted tuple of
``(h, p, colour)`` in canonical node and colour numbering. Two diagrams have equal forms iff
they are isomorphic (up to recolouring when quotienting). Cost: one BLISS call, in practice
O(V log V) for these sparse graphs.

Notes
-----
``igraph.Graph.canonical_permutation`` returns a list whose entry ``i`` is the vertex placed at
canonical position ``i``; read the other way round, forms of isomorphic diagrams differ (the tests
relabel diagrams at random and count classes to pin the direction, ``tests/test_canonical.py``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import igraph

Edge = tuple[int, int, int]
Form = tuple[int, int, tuple[Edge, ...]]


def _encode(
    n_h: int, n_p: int, edges: Sequence[Edge], colors: int, quotient_colors: bool
) -> tuple[igraph.Graph, list[int], int]:
    base = n_h + n_p
    m = len(edges)
    pairs: list[tuple[int, int]] = []
    vcolor = [0] * n_h + [1] * n_p
    if quotient_colors:
        color_base = base + m
        for j, (h, p, c) in enumerate(edges):
            v = base + j
            pairs.append((h, v))
            pairs.append((n_h + p, v))
            pairs.append((v, color_base + c))
        vcolor += [2] * m + [3] * colors
        total = base + m + colors
    else:
        for j, (h, p, c) in enumerate(edges):
            v = base + j
            pairs.append((h, v))
            pairs.append((n_h + p, v))
            vcolor.append(2 + c)
        total = base + m
    return igraph.Graph(n=total, edges=pairs), vcolor, total


def compact(edges: Sequence[Edge]) -> Form:
    """An edge list with its nodes renumbered ``0..`` in increasing order, nodes without edges
    dropped, edges sorted (a normal form of the labelled graph, not a canonical one)."""
    hs = sorted({h for h, _, _ in edges})
    ps = sorted({p for _, p, _ in edges})
    hmap = {h: k for k, h in enumerate(hs)}
    pmap = {p: k for k, p in enumerate(ps)}
    return (len(hs), len(ps), tuple(sorted([(hmap[h], pmap[p], c) for h, p, c in edges])))


def canonical_form(
    n_h: int,
    n_p: int,
    edges: Sequence[Edge],
    colors: int = 1,
    quotient_colors: bool = False,
    kinds: int = 1,
) -> Form:
    """Canonical form of a diagram.

    Parameters
    ----------
    n_h, n_p : numbers of H-nodes and p-nodes (nodes are ``0..n_h-1`` and ``0..n_p-1``).
    edges : ``(h, p, colour)`` triples, colours ``0..colors-1``; parallel edges allowed.
    colors : number of edge colours (ν in ASYM, 1 in SYM).
    quotient_colors : canonical form up to permutations of the colours.
    kinds : edges of several kinds (e.g. open and pending edges of :mod:`diagrams.sequential`)
        are written with colour code ``kind·colors + colour``; isomorphisms preserve kinds, and a
        colour permutation acts on the colours of every kind alike.

    Returns
    -------
    ``(n_h, n_p, edges)`` with ``edges`` sorted, in canonical numbering.

    Examples
    --------
    >>> a = canonical_form(2, 1, [(0, 0, 0), (1, 0, 1)], colors=2, quotient_colors=True)
    >>> b = canonical_form(2, 1, [(1, 0, 0), (0, 0, 1)], colors=2, quotient_colors=True)
    >>> a == b
    True
    """
    if colors == 1:
        quotient_colors = False
    # Parallel copies of one edge collapse into a single "bundle" vertex whose vertex colour
    # records the multiplicity (and the edge colour when colours are not quotiented).
    bundles = Counter(edges)
    base = n_h + n_p
    nb = len(bundles)
    pairs: list[tuple[int, int]] = []
    add = pairs.extend
    vcolor = [0] * n_h + [1] * n_p
    v = base
    if quotient_colors:
        # Colour vertices get vertex colour 2 and come right after the p-nodes in canonical
        # order; bundles get 3 and up (kind and multiplicity).
        split = _kind_and_colour(colors, kinds)
        color_base = base + nb
        for (h, p, c), k in bundles.items():
            kind, colour = split[c]
            add(((h, v), (n_h + p, v), (v, color_base + colour)))
            vcolor.append(2 + kinds * k - kind)
            v += 1
        vcolor += [2] * colors
        total = color_base + colors
    else:
        codes = colors * kinds
        for (h, p, c), k in bundles.items():
            add(((h, v), (n_h + p, v)))
            vcolor.append(2 + c + codes * k)
            v += 1
        total = base + nb
    labelling = igraph.GraphBase(total, pairs).canonical_permutation(color=vcolor)
    # labelling[i] is the vertex at canonical position i. BLISS keeps vertex colours in
    # increasing order along the canonical labelling, so positions 0..n_h−1 hold the H-nodes,
    # the next n_p the p-nodes and (quotienting) the next ``colors`` the colour vertices.
    h_rank = [0] * n_h
    for i in range(n_h):
        h_rank[labelling[i]] = i
    p_rank = [0] * n_p
    for i in range(n_p):
        p_rank[labelling[n_h + i] - n_h] = i
    if quotient_colors:
        c_rank = [0] * colors
        for i in range(colors):
            c_rank[labelling[base + i] - color_base] = i
        code = [kind * colors + c_rank[colour] for kind, colour in split]
        new_edges = [(h_rank[h], p_rank[p], code[c]) for h, p, c in edges]
    else:
        new_edges = [(h_rank[h], p_rank[p], c) for h, p, c in edges]
    new_edges.sort()
    return (n_h, n_p, tuple(new_edges))


_SPLITS: dict[tuple[int, int], tuple[tuple[int, int], ...]] = {}


def _kind_and_colour(colors: int, kinds: int) -> tuple[tuple[int, int], ...]:
    """``(kind, colour)`` of every colour code ``kind·colors + colour`` (a look-up table)."""
    table = _SPLITS.get((colors, kinds))
    if table is None:
        table = _SPLITS[(colors, kinds)] = tuple(divmod(c, colors) for c in range(colors * kinds))
    return table


def edge_orbits(
    n_h: int, n_p: int, edges: Sequence[Edge], colors: int = 1, quotient_colors: bool = False
) -> list[list[int]]:
    """Orbits of the edges under the diagram's automorphism group.

    Merging a diagram along edges of one orbit gives isomorphic results (Appendix
    "Loss expansion and diagram calculus", merging), so the expansion merges once per orbit and
    multiplies by the orbit size. Returns lists of edge indices, each sorted, ordered by their
    first element.

    >>> edge_orbits(2, 2, [(0, 0, 0), (1, 0, 0), (0, 1, 0), (1, 1, 0)])
    [[0, 1, 2, 3]]
    """
    if colors == 1:
        quotient_colors = False
    graph, vcolor, _ = _encode(n_h, n_p, edges, colors, quotient_colors)
    base = n_h + n_p
    m = len(edges)
    parent = list(range(m))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for gen in graph.automorphism_group(color=vcolor):
        for j in range(m):
            k = gen[base + j] - base
            a, b = find(j), find(k)
            if a != b:
                parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = {}
    for j in range(m):
        groups.setdefault(find(j), []).append(j)
    return sorted(groups.values())


def color_stabilizer_order(n_h: int, n_p: int, edges: Sequence[Edge], colors: int) -> int:
    """Order of the group of colour permutations realised by automorphisms of the uncoloured
    class; ``colors! / order`` is the number of distinct recolourings of the diagram."""
    if colors == 1:
        return 1
    from sympy.combinatorics import Permutation, PermutationGroup

    graph, vcolor, _ = _encode(n_h, n_p, edges, colors, True)
    start = n_h + n_p + len(edges)
    gens = []
    for gen in graph.automorphism_group(color=vcolor):
        image = [gen[start + c] - start for c in range(colors)]
        if image != list(range(colors)):
            gens.append(Permutation(image))
    if not gens:
        return 1
    return int(PermutationGroup(gens).order())
