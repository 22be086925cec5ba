"""Canonical forms are exact: invariant under relabelling, and separating (checked by VF2)."""

from __future__ import annotations

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st
from networkx.algorithms.isomorphism import categorical_node_match

from diagrams import ModelSpec, expansion
from diagrams.canonical import canonical_form, color_stabilizer_order, edge_orbits
from diagrams.expansion import expansion_cache


@st.composite
def diagrams_and_relabellings(draw):
    n_h = draw(st.integers(1, 4))
    n_p = draw(st.integers(1, 4))
    colors = draw(st.integers(1, 3))
    edge = st.tuples(st.integers(0, n_h - 1), st.integers(0, n_p - 1), st.integers(0, colors - 1))
    edges = draw(st.lists(edge, min_size=1, max_size=9))
    ph = draw(st.permutations(range(n_h)))
    pp = draw(st.permutations(range(n_p)))
    pc = draw(st.permutations(range(colors)))
    order = draw(st.permutations(range(len(edges))))
    return n_h, n_p, colors, edges, ph, pp, pc, order


@settings(max_examples=300, deadline=None)
@given(diagrams_and_relabellings())
def test_form_is_invariant_under_relabelling(case):
    n_h, n_p, colors, edges, ph, pp, pc, order = case
    moved = [(ph[h], pp[p], c) for h, p, c in (edges[j] for j in order)]
    assert canonical_form(n_h, n_p, edges, colors) == canonical_form(n_h, n_p, moved, colors)
    recoloured = [(h, p, pc[c]) for h, p, c in moved]
    assert canonical_form(n_h, n_p, edges, colors, True) == canonical_form(
        n_h, n_p, recoloured, colors, True
    )


def _nx(n_h, n_p, edges):
    g = nx.MultiGraph()
    g.add_nodes_from((f"h{k}", {"kind": "H"}) for k in range(n_h))
    g.add_nodes_from((f"p{i}", {"kind": "p"}) for i in range(n_p))
    for h, p, c in edges:
        g.add_edge(f"h{h}", f"p{p}", color=c)
    return g


def _same_colour_multiset(a, b):
    # networkx's categorical_multiedge_match compares *sets* of colours, which ignores
    # multiplicities of parallel edges; diagrams need multisets.
    return sorted(d["color"] for d in a.values()) == sorted(d["color"] for d in b.values())


@st.composite
def pairs_of_diagrams(draw):
    n_h = draw(st.integers(1, 3))
    n_p = draw(st.integers(1, 3))
    edge = st.tuples(st.integers(0, n_h - 1), st.integers(0, n_p - 1), st.integers(0, 1))
    m = draw(st.integers(1, 6))
    a = draw(st.lists(edge, min_size=m, max_size=m))
    b = draw(st.lists(edge, min_size=m, max_size=m))
    return n_h, n_p, a, b


@settings(max_examples=400, deadline=None)
@given(pairs_of_diagrams())
def test_forms_agree_exactly_when_vf2_finds_an_isomorphism(case):
    n_h, n_p, a, b = case
    same_form = canonical_form(n_h, n_p, a, 2) == canonical_form(n_h, n_p, b, 2)
    iso = nx.is_isomorphic(
        _nx(n_h, n_p, a),
        _nx(n_h, n_p, b),
        node_match=categorical_node_match("kind", None),
        edge_match=_same_colour_multiset,
    )
    assert same_form == iso


def test_sym_nu2_has_one_cycle_class_per_length():
    """Every SYM ν=2 diagram is a cycle (appendix "SYM ν=2"): s+2 classes at order s."""
    cache = expansion_cache(ModelSpec(2, "sym", "identity"))
    assert [len(cache.level(s)) for s in range(9)] == [s + 2 for s in range(9)]


def test_class_counts_match_the_independent_naive_engine():
    from diagrams.reference.naive import naive_expansion

    for model, s in [
        (ModelSpec(2, "asym", "identity"), 3),
        (ModelSpec(3, "asym", "identity"), 2),
        (ModelSpec(3, "sym", "zero"), 2),
        (ModelSpec(2, "sym", "identity"), 4),
    ]:
        ours = expansion(model, s, up_to_recoloring=False)
        theirs = naive_expansion(model, s)
        assert len(ours) == len(theirs)
        assert sorted(t.coefficient for t in ours) == sorted(c for _, c, _, _ in theirs)


def test_edge_orbits_of_the_atoms():
    # SYM D_4: all four edges equivalent; ASYM D_6: the two edges of each colour.
    assert edge_orbits(2, 2, [(0, 0, 0), (1, 0, 0), (0, 1, 0), (1, 1, 0)]) == [[0, 1, 2, 3]]
    d6 = sorted((h, m, m) for h in (0, 1) for m in range(3))
    assert edge_orbits(2, 3, d6, colors=3) == [[0, 3], [1, 4], [2, 5]]
    assert edge_orbits(2, 3, d6, colors=3, quotient_colors=True) == [[0, 1, 2, 3, 4, 5]]
    # Recolourings: D_6 is fixed by all 3! colour permutations; D_6⋆D_6 by two of them.
    assert color_stabilizer_order(2, 3, d6, 3) == 6
