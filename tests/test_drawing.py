"""Drawings (diagrams.drawing): parsed SVG, not pixel hashes.

Node and edge counts, colours and labels are read back from the SVG with xml.etree and compared
with the diagram / expansion term / Pareto polygon that was drawn; node boxes are checked for
overlaps on every shape family the paper shows (rings, flowers, trees, dense diagrams) up to 40
nodes; the same input must give the same bytes, also in a fresh interpreter with another hash
seed. The contraction overlay's node classes are checked against Wick's theorem: summed over all
pairings, the monomials of the contracted diagrams give diagrams.expectation (computed by the
engine's independent recursive elimination).
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from fractions import Fraction
from pathlib import Path

import networkx as nx
import pytest

from diagrams import Diagram, ModelSpec, atom_d, atom_r, expansion, expectation
from diagrams.drawing import (
    contraction_monomial,
    diagram_png,
    diagram_sheet_svg,
    diagram_svg,
    merge_groups,
    pairings,
    polygon_svg,
    polygons_svg,
)
from diagrams.drawing.contraction import contracted_diagram
from diagrams.drawing.diagram import format_fraction
from diagrams.drawing.layout import crossings, layout_diagram, layout_kind, simple_graph
from diagrams.errors import SpecError
from diagrams.graph import DOT_COLORS
from diagrams.polygon import pareto_polygon

ROOT = Path(__file__).resolve().parents[1]
NS = {"svg": "http://www.w3.org/2000/svg"}
SYM2 = ModelSpec(2, "sym", "identity")
ASYM3 = ModelSpec(3, "asym", "identity")


# --------------------------------------------------------------------------------- helpers
def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    return root


def by_class(root: ET.Element, css: str) -> list[ET.Element]:
    return [e for e in root.iter() if css in (e.get("class") or "").split()]


def node_boxes(root: ET.Element) -> list[tuple[float, float, float, float]]:
    boxes = []
    for e in by_class(root, "node"):
        if e.tag.endswith("rect"):
            x, y = float(e.get("x")), float(e.get("y"))
            boxes.append((x, y, x + float(e.get("width")), y + float(e.get("height"))))
        else:
            cx, cy, r = float(e.get("cx")), float(e.get("cy")), float(e.get("r"))
            boxes.append((cx - r, cy - r, cx + r, cy + r))
    return boxes


def assert_no_overlap(root: ET.Element, gap: float = 2.0) -> None:
    boxes = node_boxes(root)
    width, height = float(root.get("width")), float(root.get("height"))
    for x0, y0, x1, y1 in boxes:
        assert 0 <= x0 and x1 <= width and 0 <= y0 and y1 <= height, "node outside the picture"
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            apart = a[2] + gap <= b[0] or b[2] + gap <= a[0] or a[3] + gap <= b[1]
            apart = apart or b[3] + gap <= a[1]
            assert apart, f"node boxes {a} and {b} overlap"


# ------------------------------------------------------------------------------ generators
def cycle(k: int) -> Diagram:
    """The ν = 2 ring with k H-nodes and k p-nodes (Fig. 1 j)."""
    return Diagram.build(
        k, k, [(i, i, 0) for i in range(k)] + [(i, (i + 1) % k, 0) for i in range(k)]
    )


def flower(petals: int, centre: str = "H", edges_per_petal: int = 2) -> Diagram:
    """One node with ``petals`` leaves, each joined by parallel edges (Fig. 1 h)."""
    e = [(0, i, 0) for i in range(petals) for _ in range(edges_per_petal)]
    if centre == "H":
        return Diagram.build(1, petals, e)
    return Diagram.build(petals, 1, [(i, 0, 0) for _, i, _ in e])


def random_tree(n: int, seed: int) -> Diagram:
    rng = random.Random(seed)
    tree = nx.random_labeled_tree(n, seed=seed) if hasattr(nx, "random_labeled_tree") else None
    if tree is None:  # pragma: no cover - older networkx
        tree = nx.random_tree(n, seed=seed)
    side = nx.bipartite.color(tree)
    hs = sorted(v for v in tree if side[v] == 0)
    ps = sorted(v for v in tree if side[v] == 1)
    hi, pi = {v: k for k, v in enumerate(hs)}, {v: k for k, v in enumerate(ps)}
    edges = []
    for u, v in tree.edges:
        h, p = (u, v) if side[u] == 0 else (v, u)
        edges += [(hi[h], pi[p], rng.randrange(3))] * rng.randint(1, 3)
    return Diagram.build(len(hs), len(ps), edges)


def random_dense(n_h: int, n_p: int, extra: int, seed: int, colours: int = 3) -> Diagram:
    """A connected bipartite multigraph: a random spanning tree plus ``extra`` random edges."""
    rng = random.Random(seed)
    nodes = [("h", k) for k in range(n_h)] + [("p", i) for i in range(n_p)]
    rng.shuffle(nodes)
    edges = []
    hs = [v for v in nodes if v[0] == "h"]
    ps = [v for v in nodes if v[0] == "p"]
    linked_h, linked_p = [hs[0]], []
    for v in ps + hs[1:]:
        if v[0] == "p":
            edges.append((rng.choice(linked_h)[1], v[1], rng.randrange(colours)))
            linked_p.append(v)
        else:
            edges.append((v[1], rng.choice(linked_p)[1], rng.randrange(colours)))
            linked_h.append(v)
    for _ in range(extra):
        edges.append((rng.randrange(n_h), rng.randrange(n_p), rng.randrange(colours)))
    return Diagram.build(n_h, n_p, edges)


FAMILIES = {
    **{f"cycle{k}": cycle(k) for k in (2, 3, 5, 8, 13, 20)},
    **{f"flowerH{k}": flower(k) for k in (1, 3, 7, 16, 39)},
    **{f"flowerP{k}": flower(k, "p", 3) for k in (4, 20)},
    **{f"tree{n}-{s}": random_tree(n, s) for n, s in ((9, 1), (25, 2), (40, 3), (40, 4))},
    **{
        f"dense{h}x{p}-{s}": random_dense(h, p, x, s)
        for h, p, x, s in (
            (3, 5, 4, 1),
            (8, 12, 15, 2),
            (15, 25, 30, 3),
            (20, 20, 60, 4),
            (10, 30, 25, 5),
        )
    },
    "two-parts": Diagram.build(2, 2, [(0, 0, 0), (0, 0, 0), (1, 1, 0), (1, 1, 1)]),
    "isolated": Diagram.build(2, 1, [(0, 0, 0), (0, 0, 0)]),
}


# ------------------------------------------------------------------------------- diagrams
@pytest.mark.parametrize("model", [SYM2, ASYM3, ModelSpec(4, "sym", "identity")], ids=str)
def test_atoms_counts_and_colours(model: ModelSpec) -> None:
    for atom in (atom_d(model), atom_r(model)):
        root = parse(diagram_svg(atom))
        assert len(by_class(root, "node-H")) == atom.n_h
        assert len(by_class(root, "node-p")) == atom.n_p
        assert all(e.tag.endswith("rect") for e in by_class(root, "node-H"))
        assert all(e.tag.endswith("circle") for e in by_class(root, "node-p"))
        edges = by_class(root, "edge")
        assert len(edges) == atom.num_edges
        drawn = Counter((e.get("data-h"), e.get("data-p"), int(e.get("data-color"))) for e in edges)
        want = Counter((f"h{h}", f"p{p}", c + 1) for h, p, c in atom.edges)
        assert drawn == want
        for e in edges:
            assert e.get("stroke") == DOT_COLORS[int(e.get("data-color")) - 1]


def test_parallel_edges_are_separate_arcs() -> None:
    r4 = atom_r(ModelSpec(4, "asym", "identity"))  # one H, one p, four parallel edges
    root = parse(diagram_svg(r4))
    paths = [e.get("d") for e in by_class(root, "edge")]
    assert len(paths) == 4 and len(set(paths)) == 4
    assert sum("Q" in d for d in paths) == 4  # even count: no straight middle arc
    r3 = parse(diagram_svg(atom_r(ASYM3)))
    assert sorted("Q" in e.get("d") for e in by_class(r3, "edge")) == [False, True, True]
    colours = {e.get("stroke") for e in by_class(r3, "edge")}
    assert colours == set(DOT_COLORS[:3])


def test_layout_kinds_follow_the_shapes() -> None:
    assert layout_kind(cycle(6)) == "cycle"
    assert layout_kind(flower(5)) == "tree"
    assert layout_kind(random_tree(20, 7)) == "tree"
    assert layout_kind(random_dense(8, 12, 15, 2)) == "general"
    assert layout_kind(FAMILIES["two-parts"]) == "components"


def test_rings_and_trees_are_drawn_without_crossings() -> None:
    for name in ("cycle13", "cycle20", "flowerH16", "tree40-3", "tree25-2"):
        d = FAMILIES[name]
        assert crossings(simple_graph(d), layout_diagram(d)) == 0, name
    # a ring is a regular polygon: all its nodes at the same distance from the centre
    pos = layout_diagram(cycle(8))
    cx = sum(x for x, _ in pos.values()) / 16
    cy = sum(y for _, y in pos.values()) / 16
    radii = {round(((x - cx) ** 2 + (y - cy) ** 2) ** 0.5, 6) for x, y in pos.values()}
    assert len(radii) == 1


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_no_overlapping_nodes_up_to_40(name: str) -> None:
    d = FAMILIES[name]
    assert d.n_h + d.n_p <= 40
    root = parse(diagram_svg(d))
    assert len(by_class(root, "node")) == d.n_h + d.n_p
    assert len(by_class(root, "edge")) == d.num_edges
    assert_no_overlap(root)
    # readable size: a 40-node diagram still fits a page
    assert float(root.get("width")) <= 1600 and float(root.get("height")) <= 1600


@pytest.mark.parametrize(
    "model,s",
    [
        (SYM2, 3),
        (ASYM3, 1),
        (ModelSpec(4, "sym", "identity"), 1),
        (ModelSpec(2, "asym", "zero"), 2),
    ],
    ids=str,
)
def test_expansion_terms_drawn_without_overlap(model: ModelSpec, s: int) -> None:
    for term in expansion(model, s):
        root = parse(diagram_svg(term.diagram))
        assert_no_overlap(root)


def test_same_input_same_bytes_also_in_a_fresh_interpreter() -> None:
    terms = expansion(ASYM3, 1)
    sheet = diagram_sheet_svg(terms, model=ASYM3)
    assert sheet == diagram_sheet_svg(expansion(ASYM3, 1), model=ASYM3)
    dense = FAMILIES["dense15x25-3"]
    code = (
        "import sys\n"
        "from diagrams import ModelSpec, expansion\n"
        "from diagrams.drawing import diagram_sheet_svg, diagram_svg\n"
        "from tests.test_drawing import FAMILIES\n"
        "m = ModelSpec(3, 'asym', 'identity')\n"
        "sys.stdout.write(diagram_sheet_svg(expansion(m, 1), model=m))\n"
        "sys.stdout.write('\\x00' + diagram_svg(FAMILIES['dense15x25-3']))\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout
    other_sheet, other_dense = out.split("\x00")
    assert other_sheet == sheet
    assert other_dense == diagram_svg(dense)


def test_png_via_agg() -> None:
    png = diagram_png(cycle(4))
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert png == diagram_png(cycle(4))
    width = int.from_bytes(png[16:20], "big")
    assert width == round(float(parse(diagram_svg(cycle(4))).get("width")))


# --------------------------------------------------------------------------------- sheets
def test_sheet_cells_carry_coefficient_and_counts() -> None:
    terms = expansion(SYM2, 1)
    root = parse(diagram_sheet_svg(terms, model=SYM2, start=0, total=len(terms)))
    cells = by_class(root, "diagram")
    assert len(cells) == len(terms)
    for cell, term in zip(cells, terms):
        assert cell.get("data-id") == term.id
        assert Fraction(cell.get("data-coefficient")) == term.coefficient
        assert (int(cell.get("data-s-d")), int(cell.get("data-s-r"))) == (term.s_D, term.s_R)
        (coeff,) = by_class(cell, "coefficient")
        assert "".join(coeff.itertext()) == format_fraction(term.coefficient)
        (counts,) = by_class(cell, "counts")
        assert "".join(counts.itertext()) == f"sD = {term.s_D},  sR = {term.s_R}"
        assert len(by_class(cell, "node")) == term.diagram.n_h + term.diagram.n_p
        assert len(by_class(cell, "edge")) == term.diagram.num_edges
        assert_no_overlap_in(cell)
    (title,) = by_class(root, "title")
    assert "SYM, ν = 2, identity target" in "".join(title.itertext())
    assert f"of {len(terms)}" in "".join(title.itertext())
    # the coefficients drawn are the engine's: Σ over classes at s = 0 is (½·1 − 1) per class
    assert [Fraction(c.get("data-coefficient")) for c in cells] == [t.coefficient for t in terms]


def assert_no_overlap_in(cell: ET.Element) -> None:
    boxes = node_boxes(cell)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]


def test_sheet_columns_numbering_recolourings_and_empty_page() -> None:
    terms = expansion(ASYM3, 1)
    root = parse(diagram_sheet_svg(terms[1:], model=ASYM3, columns=1, start=1, total=3))
    cells = by_class(root, "diagram")
    assert [c.get("data-index") for c in cells] == ["1", "2"]
    assert ["".join(by_class(c, "number")[0].itertext()) for c in cells] == ["#2", "#3"]
    ys = [float(by_class(c, "coefficient")[0].get("y")) for c in cells]
    assert ys[1] > ys[0]  # one column: the second cell is below the first
    for c, t in zip(cells, terms[1:]):
        assert int(c.get("data-recolorings")) == t.recolorings
        if t.recolorings > 1:
            assert str(t.recolorings) in "".join(by_class(c, "recolorings")[0].itertext())
    empty = parse(diagram_sheet_svg([], model=ASYM3))
    assert by_class(empty, "diagram") == [] and by_class(empty, "empty")
    with pytest.raises(SpecError) as err:
        diagram_sheet_svg(terms, columns=0)
    assert err.value.field == "columns"


def test_service_svg_format_returns_the_sheet(api) -> None:
    body = {"model": SYM2.to_dict(), "s": 2, "format": "svg", "offset": 1, "limit": 2}
    r = api.post("/v1/diagrams", json=body)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("image/svg+xml")
    cells = by_class(parse(r.text), "diagram")
    terms = expansion(SYM2, 2)
    assert [c.get("data-id") for c in cells] == [t.id for t in terms[1:3]]


# ------------------------------------------------------------------------------ contraction
@pytest.mark.parametrize(
    "model,s", [(SYM2, 0), (SYM2, 1), (ASYM3, 0), (ModelSpec(2, "asym", "identity"), 1)], ids=str
)
def test_contraction_classes_reproduce_wick(model: ModelSpec, s: int) -> None:
    """Σ over complete pairings of p^q H^n (from the merged node classes) = E[G] / σ^{2l}."""
    for term in expansion(model, s, up_to_recoloring=False):
        d = term.diagram
        total: Counter = Counter()
        for pairing in pairings(d):
            q, n, l = contraction_monomial(d, pairing)
            assert 2 * l == d.num_edges
            total[(q, n, l)] += 1
        want = {k: v for k, v in expectation(d, model).terms.items() if v}
        assert {k: Fraction(v) for k, v in total.items()} == want


def test_contraction_overlay() -> None:
    d8 = atom_d(ModelSpec(4, "sym", "identity"))  # D_8: two H-nodes, four p-nodes
    # pair h0's and h1's edges at p0 and p1: the H-nodes merge; pair p2–p3 edges at each H
    pairing = [(0, 4), (1, 5), (2, 3), (6, 7)]
    assert merge_groups(d8, pairing) == [["h0", "h1"], ["p0"], ["p1"], ["p2", "p3"]]
    merged, rename = contracted_diagram(d8, pairing)
    assert (merged.n_h, merged.n_p, merged.num_edges) == (1, 3, 8)
    assert rename == {"h0": "h0", "h1": "h0", "p0": "p0", "p1": "p1", "p2": "p2", "p3": "p2"}
    root = parse(diagram_svg(d8, contraction=pairing))
    halos = by_class(root, "merge")
    assert sorted(h.get("data-nodes") for h in halos) == ["h0 h1", "p2 p3"]
    assert len(by_class(root, "wick-pair")) == 4
    (after,) = by_class(root, "contracted")
    assert len(by_class(after, "node")) == 4 and len(by_class(after, "edge")) == 8
    (mono,) = by_class(root, "monomial")
    assert "".join(mono.itertext()) == "contracted: p3Hσ8"
    with pytest.raises(SpecError) as err:
        diagram_svg(atom_d(ASYM3), contraction=[(0, 1)])  # colours 1 and 2
    assert err.value.field == "contraction[0]"
    with pytest.raises(SpecError):
        diagram_svg(d8, contraction=[(0, 4), (4, 5)])
    with pytest.raises(SpecError):
        diagram_svg(d8, contraction=[(0, 99)])


# -------------------------------------------------------------------------------- polygons
@pytest.mark.parametrize(
    "model,s,letters",
    [
        (ModelSpec(2, "asym", "identity"), 3, {"A", "B", "C", "D=E"}),
        (ModelSpec(2, "asym", "identity"), 4, {"A", "B", "C", "D", "E"}),
        (ModelSpec(4, "sym", "identity"), 3, {"A", "B", "E"}),
        (ModelSpec(3, "asym", "zero"), 2, {"A", "B"}),
    ],
    ids=str,
)
def test_polygon_points_hull_and_letters(model: ModelSpec, s: int, letters: set[str]) -> None:
    poly = pareto_polygon(model, s)
    svg = polygon_svg(poly)
    assert svg == polygon_svg(poly.to_dict())  # the /v1/pareto JSON draws the same
    root = parse(svg)
    pts = by_class(root, "pareto-point")
    drawn = sorted(
        (int(e.get("data-s-d")), int(e.get("data-n")), int(e.get("data-p"))) for e in pts
    )
    assert drawn == sorted({(p.s_d, p.n, p.q) for p in poly.points})
    labels = by_class(root, "vertex-label")
    assert {"".join(e.itertext()) for e in labels} == letters
    # the red outline passes through the drawn vertex points, in the polygon's order
    centre = {
        (int(e.get("data-s-d")), int(e.get("data-n"))): (e.get("cx"), e.get("cy")) for e in pts
    }
    (outline,) = by_class(root, "polygon")
    corners = [
        tuple(c.split())
        for c in outline.get("d").replace("Z", "").replace("M", "L").split("L")
        if c.strip()
    ]
    assert corners == [centre[(v.point.s_d, v.point.n)] for v in poly.vertices]
    assert outline.get("d").endswith("Z") == (len(poly.vertices) > 2)
    (order,) = by_class(root, "order")
    assert "".join(order.itertext()) == f"s = {s}"


def test_polygon_panels_side_by_side() -> None:
    model = ModelSpec(2, "asym", "identity")
    root = parse(polygons_svg([pareto_polygon(model, s) for s in (3, 4)]))
    panels = by_class(root, "pareto-polygon")
    assert [p.get("data-s") for p in panels] == ["3", "4"]
