"""Diagrams drawn in the paper's visual language (Fig. 1): H-nodes as yellow squares, p-nodes
as cyan circles, edges coloured by their colour index, parallel edges as separate arcs.

:func:`diagram_svg` draws one diagram, optionally with a Wick contraction on top (Section 3,
"Averaging and diagram contractions"): nodes that the pairing merges get grey halos tagged with
the node they become, paired edges are joined by dashed links, the contracted diagram is drawn
beside it and, for a complete pairing, its monomial ``p^q H^n σ^{2l}`` underneath.
:func:`diagram_sheet_svg` draws a page of :class:`~diagrams.expansion.ExpansionTerm` s — one
cell per isomorphism class of ``(½D − R)^{⋆(s+1)}`` labelled with its coefficient, ``s_D`` and
``s_R`` — which is what ``POST /v1/diagrams`` with ``format=svg`` returns.

Edge colours are the Okabe–Ito palette of :data:`diagrams.graph.DOT_COLORS` (colour-blind
safe), by colour index; SYM diagrams have one colour. Node boxes never overlap: the layout
keeps nodes one unit apart and a unit is wider than the diagonal of a node box.

>>> from diagrams import ModelSpec, atom_d
>>> svg = diagram_svg(atom_d(ModelSpec(3, "asym", "identity")))
>>> svg.count('class="node node-H"'), svg.count('class="node node-p"'), svg.count('class="edge"')
(2, 3, 6)
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from diagrams.drawing.contraction import (
    Pairing,
    check_pairing,
    contracted_diagram,
    merge_groups,
)
from diagrams.drawing.layout import Point, layout_diagram
from diagrams.drawing.scene import Circle, Group, Meta, Path, Rect, Scene, Text, text
from diagrams.graph import DOT_COLORS, Diagram
from diagrams.model import ModelSpec

H_FILL, H_STROKE = "#f2d024", "#8a7300"  # the yellow of Diagram.to_dot
P_FILL, P_STROKE = "#56c7e0", "#1f6f82"  # the cyan of Diagram.to_dot
NODE_HALF = 8.0  # half the side of an H square = radius of a p circle (px)
UNIT = 44.0  # px per layout unit (closest node centres); > 2·√2·NODE_HALF: boxes never touch
MARGIN = 14.0
EDGE_WIDTH = 1.8
ARC_STEP = 11.0  # px between the bulges of neighbouring parallel arcs
ARC_ROOM = 13.0  # px of node distance each parallel arc asks for
MERGE_COLOR = "#8c8c8c"
TEXT_COLOR = "#222222"
MUTED = "#666666"
MINUS = "\u2212"
TITLE_CHAR_WIDTH = 8.4  # generous width of one 14 px bold character, to size the sheet


def edge_color(color: int) -> str:
    """The palette colour of a 0-based colour index."""
    return DOT_COLORS[color % len(DOT_COLORS)]


def format_fraction(value: Fraction | int | str) -> str:
    """``-1/2`` with a typographic minus: ``−1/2``.

    >>> format_fraction(Fraction(-3, 4))
    '−3/4'
    """
    return str(Fraction(value)).replace("-", MINUS)


@dataclass(frozen=True)
class DrawnDiagram:
    """A diagram drawn at the origin: its group, size and the pixel position of every node."""

    group: Group
    width: float
    height: float
    nodes: Mapping[str, Point]


def _arcs(a: Point, b: Point, count: int) -> list[tuple[tuple[Any, ...], ...]]:
    """``count`` path command lists from ``a`` to ``b``: a fan of quadratic arcs, symmetric
    about the straight line (which is one of them when ``count`` is odd)."""
    (x0, y0), (x1, y1) = a, b
    dx, dy = x1 - x0, y1 - y0
    length = math.hypot(dx, dy) or 1.0
    nx_, ny_ = -dy / length, dx / length
    step = min(ARC_STEP, 0.8 * length / max(count, 1))
    mx, my = (x0 + x1) / 2, (y0 + y1) / 2
    out = []
    for k in range(count):
        bulge = (k - (count - 1) / 2) * step  # offset of the curve's midpoint
        if abs(bulge) < 1e-9:
            out.append((("M", x0, y0), ("L", x1, y1)))
        else:
            cx, cy = mx + 2 * bulge * nx_, my + 2 * bulge * ny_
            out.append((("M", x0, y0), ("Q", cx, cy, x1, y1)))
    return out


def _midpoint(commands: tuple[tuple[Any, ...], ...]) -> Point:
    (_, x0, y0), last = commands
    if last[0] == "L":
        return ((x0 + last[1]) / 2, (y0 + last[2]) / 2)
    _, cx, cy, x1, y1 = last
    return (0.25 * x0 + 0.5 * cx + 0.25 * x1, 0.25 * y0 + 0.5 * cy + 0.25 * y1)


def draw_diagram(
    diagram: Diagram,
    contraction: Pairing | None = None,
    unit: float = UNIT,
) -> DrawnDiagram:
    """Lay out and draw ``diagram`` with its top-left corner at the origin.

    Parameters
    ----------
    diagram : the diagram.
    contraction : optional Wick pairing ``[(e, e'), …]`` of edge indices into
        ``diagram.edges`` (same colour, each edge once; may be partial) to overlay.
    unit : pixels per layout unit (the closest two node centres are ``unit`` apart).
    """
    if contraction is not None:
        check_pairing(diagram, contraction)
    pos_units = layout_diagram(diagram)
    multiplicity: dict[tuple[int, int], int] = {}
    for h, p, _ in diagram.edges:
        multiplicity[h, p] = multiplicity.get((h, p), 0) + 1
    unit = max(unit, ARC_ROOM * max(multiplicity.values(), default=1))
    xs = [x for x, _ in pos_units.values()]
    ys = [y for _, y in pos_units.values()]
    pad = MARGIN + NODE_HALF + ARC_STEP
    pos = {
        v: ((x - min(xs)) * unit + pad, (y - min(ys)) * unit + pad)
        for v, (x, y) in pos_units.items()
    }
    width = (max(xs) - min(xs)) * unit + 2 * pad
    height = (max(ys) - min(ys)) * unit + 2 * pad

    group = Group(Meta("diagram-graph"))
    edges_by_pair: dict[tuple[int, int], list[int]] = {}
    for index, (h, p, _) in enumerate(diagram.edges):
        edges_by_pair.setdefault((h, p), []).append(index)
    edge_paths: dict[int, tuple[tuple[Any, ...], ...]] = {}
    for (h, p), indices in sorted(edges_by_pair.items()):
        for index, commands in zip(indices, _arcs(pos[f"h{h}"], pos[f"p{p}"], len(indices))):
            edge_paths[index] = commands

    overlay = Group(Meta("contraction"))
    if contraction is not None:
        _, rename = contracted_diagram(diagram, contraction)
        for members in merge_groups(diagram, contraction):
            if len(members) < 2:
                continue
            into = rename[members[0]]
            halo = Group(Meta("merge", (("nodes", " ".join(members)), ("into", into))))
            for v in members:
                x, y = pos[v]
                halo.add(
                    Circle(
                        x,
                        y,
                        NODE_HALF + 5,
                        fill="none",
                        stroke=MERGE_COLOR,
                        stroke_width=3,
                        opacity=0.8,
                    )
                )
                halo.add(
                    text(
                        x + NODE_HALF + 3,
                        y - NODE_HALF - 2,
                        into,
                        size=9,
                        fill=MUTED,
                        meta=Meta("merge-tag"),
                    )
                )
            overlay.add(halo)
        group.add(overlay)

    edges = Group(Meta("edges"))
    for index, (h, p, c) in enumerate(diagram.edges):
        edges.add(
            Path(
                edge_paths[index],
                stroke=edge_color(c),
                stroke_width=EDGE_WIDTH,
                meta=Meta(
                    "edge",
                    (("h", f"h{h}"), ("p", f"p{p}"), ("color", str(c + 1))),
                    f"h{h} – p{p}, colour {c + 1}",
                ),
            )
        )
    group.add(edges)

    if contraction is not None:
        for a, b in contraction:
            ma, mb = _midpoint(edge_paths[a]), _midpoint(edge_paths[b])
            overlay_link = Path(
                (("M", *ma), ("L", *mb)),
                stroke="#333333",
                stroke_width=1.2,
                dash="3 3",
                meta=Meta("wick-pair", (("edges", f"{a} {b}"),)),
            )
            group.add(overlay_link)

    nodes = Group(Meta("nodes"))
    for v, (x, y) in pos.items():
        if v[0] == "h":
            nodes.add(
                Rect(
                    x - NODE_HALF,
                    y - NODE_HALF,
                    2 * NODE_HALF,
                    2 * NODE_HALF,
                    fill=H_FILL,
                    stroke=H_STROKE,
                    stroke_width=1.2,
                    meta=Meta("node node-H", (("id", v),), f"H-node {v}"),
                )
            )
        else:
            nodes.add(
                Circle(
                    x,
                    y,
                    NODE_HALF,
                    fill=P_FILL,
                    stroke=P_STROKE,
                    stroke_width=1.2,
                    meta=Meta("node node-p", (("id", v),), f"p-node {v}"),
                )
            )
    group.add(nodes)
    return DrawnDiagram(group, width, height, pos)


def _monomial_runs(q: int, n: int, l: int) -> list[tuple[str, str]]:
    runs: list[tuple[str, str]] = []
    for name, e in (("p", q), ("H", n)):
        if e:
            runs.append((name, ""))
            if e != 1:
                runs.append((str(e), "sup"))
    runs.append(("σ", ""))
    runs.append((str(2 * l), "sup"))
    return runs


def diagram_svg(
    diagram: Diagram,
    contraction: Pairing | None = None,
    label: str | None = None,
    unit: float = UNIT,
) -> str:
    """One diagram as a standalone SVG document (deterministic: same input, same bytes).

    Parameters
    ----------
    diagram : the diagram (:class:`diagrams.graph.Diagram`).
    contraction : optional Wick pairing of edge indices to overlay (see :func:`draw_diagram`);
        a complete pairing also writes its monomial ``p^q H^n σ^{2l}`` (eq. aterm) below.
    label : optional caption under the drawing.
    unit : pixels between the two closest node centres.
    """
    return diagram_scene(diagram, contraction, label, unit).to_svg()


def diagram_scene(
    diagram: Diagram,
    contraction: Pairing | None = None,
    label: str | None = None,
    unit: float = UNIT,
) -> Scene:
    """The :class:`~diagrams.drawing.scene.Scene` behind :func:`diagram_svg`."""
    drawn = draw_diagram(diagram, contraction, unit)
    parts: list[tuple[Group, float, float]] = [(drawn.group, drawn.width, drawn.height)]
    captions: list[Text] = []
    if contraction is not None:
        merged, _ = contracted_diagram(diagram, contraction)
        after = draw_diagram(merged, unit=unit)
        arrow = Group(Meta("arrow"))
        arrow.add(Path((("M", 4, 0), ("L", 30, 0)), stroke=MUTED, stroke_width=1.5))
        arrow.add(Path((("M", 24, -5), ("L", 30, 0), ("L", 24, 5)), stroke=MUTED, stroke_width=1.5))
        parts.append((arrow, 34.0, 0.0))
        parts.append((Group(Meta("contracted"), [after.group]), after.width, after.height))
        if 2 * len(contraction) == diagram.num_edges:
            q, n = merged.n_p, merged.n_h
            runs = [("contracted: ", ""), *_monomial_runs(q, n, diagram.num_edges // 2)]
            captions.append(
                text(0, 0, runs, size=12, fill=TEXT_COLOR, anchor="middle", meta=Meta("monomial"))
            )
    if label:
        captions.append(
            text(0, 0, label, size=12, fill=TEXT_COLOR, anchor="middle", meta=Meta("label"))
        )
    body_w = sum(w for _, w, _ in parts)
    body_h = max(h for _, _, h in parts)
    width = max(body_w, 160.0 if captions else 0.0)
    height = body_h + 18 * len(captions)
    scene = Scene(
        width,
        height,
        Meta("gfd-diagram"),
        description=f"diagram with {diagram.n_h} H-nodes, {diagram.n_p} p-nodes, "
        f"{diagram.num_edges} edges",
    )
    x = (width - body_w) / 2
    for group, w, h in parts:
        scene.add(group.moved(x, (body_h - h) / 2 if h else body_h / 2))
        x += w
    for k, cap in enumerate(captions):
        scene.add(cap.moved(width / 2, body_h + 18 * k + 4))
    return scene


# ------------------------------------------------------------------------------------ sheet
def _model_text(model: ModelSpec) -> str:
    target = "identity target" if model.target == "identity" else "zero target"
    return f"{model.symmetry.upper()}, ν = {model.nu}, {target}"


def diagram_sheet_scene(
    terms: Sequence[Any],
    model: ModelSpec | None = None,
    columns: int = 4,
    start: int = 0,
    total: int | None = None,
    title: str | None = None,
    unit: float = UNIT,
) -> Scene:
    """The :class:`~diagrams.drawing.scene.Scene` behind :func:`diagram_sheet_svg`."""
    if isinstance(columns, bool) or not isinstance(columns, int) or columns < 1:
        from diagrams.errors import SpecError

        raise SpecError("columns", "must be a positive integer")
    drawn = [draw_diagram(t.diagram, unit=unit) for t in terms]
    has_recolorings = any(getattr(t, "recolorings", 1) > 1 for t in terms)
    label_h = 40.0 + (14.0 if has_recolorings else 0.0)
    cell_w = max([d.width for d in drawn] + [150.0]) + 12
    cols = max(1, min(columns, len(terms)))
    rows = math.ceil(len(terms) / cols) if terms else 0
    # each row as tall as its tallest diagram
    row_h = [
        max([d.height for d in drawn[r * cols : (r + 1) * cols]] + [60.0]) + label_h
        for r in range(rows)
    ]
    row_y = [sum(row_h[:r]) for r in range(rows)]
    if title is None:
        title = _sheet_title(terms, model, start, total)
    head = 34.0
    plain = "".join(t for t, _ in title) if not isinstance(title, str) else title
    width = max(cols * cell_w, 360.0, 24 + TITLE_CHAR_WIDTH * len(plain))
    height = head + sum(row_h) + (30.0 if not terms else 8.0)
    data = [("start", str(start)), ("count", str(len(terms)))]
    if total is not None:
        data.append(("total", str(total)))
    scene = Scene(width, height, Meta("gfd-diagram-sheet", tuple(data)), description=plain)
    scene.add(text(12, 22, title, size=14, fill=TEXT_COLOR, weight="bold", meta=Meta("title")))
    if not terms:
        scene.add(
            text(12, head + 18, "no diagrams on this page", size=12, fill=MUTED, meta=Meta("empty"))
        )
    for k, (term, d) in enumerate(zip(terms, drawn)):
        row, col = divmod(k, cols)
        x0, y0, cell_h = col * cell_w, head + row_y[row], row_h[row]
        coeff = Fraction(term.coefficient)
        recol = getattr(term, "recolorings", 1)
        cell = Group(
            Meta(
                "diagram",
                (
                    ("index", str(start + k)),
                    ("id", str(term.id)),
                    ("coefficient", str(coeff)),
                    ("s-d", str(term.s_D)),
                    ("s-r", str(term.s_R)),
                    ("recolorings", str(recol)),
                ),
            )
        )
        cell.add(
            Rect(
                x0 + 3,
                y0 + 3,
                cell_w - 6,
                cell_h - 6,
                fill="#fbfbf8",
                stroke="#dddddd",
                stroke_width=1,
                rx=6,
            )
        )
        cell.add(d.group.moved(x0 + (cell_w - d.width) / 2, y0 + (cell_h - label_h - d.height) / 2))
        ty = y0 + cell_h - label_h + 14
        cell.add(text(x0 + 12, ty, f"#{start + k + 1}", size=11, fill=MUTED, meta=Meta("number")))
        cell.add(
            text(
                x0 + cell_w / 2,
                ty,
                format_fraction(coeff),
                size=14,
                fill=TEXT_COLOR,
                anchor="middle",
                weight="bold",
                meta=Meta("coefficient"),
            )
        )
        runs = [
            ("s", ""),
            ("D", "sub"),
            (f" = {term.s_D},  s", ""),
            ("R", "sub"),
            (f" = {term.s_R}", ""),
        ]
        cell.add(
            text(
                x0 + cell_w / 2,
                ty + 17,
                runs,
                size=12,
                fill=TEXT_COLOR,
                anchor="middle",
                meta=Meta("counts"),
            )
        )
        if recol > 1:
            cell.add(
                text(
                    x0 + cell_w / 2,
                    ty + 32,
                    f"sum over {recol} recolourings",
                    size=10,
                    fill=MUTED,
                    anchor="middle",
                    meta=Meta("recolorings"),
                )
            )
        scene.add(cell)
    return scene


def _sheet_title(
    terms: Sequence[Any], model: ModelSpec | None, start: int, total: int | None
) -> list[tuple[str, str]]:
    runs: list[tuple[str, str]] = []
    if terms:
        s = terms[0].s_D + terms[0].s_R - 1
        runs += [("(½D − R)", ""), (f"⋆{s + 1}", "sup"), (f", s = {s}", "")]
    if model is not None:
        runs.append(((" · " if runs else "") + _model_text(model), ""))
    if terms:
        span = f"classes {start + 1}–{start + len(terms)}"
        runs.append(((" · " if runs else "") + span + (f" of {total}" if total else ""), ""))
    return runs or [("diagrams", "")]


def diagram_sheet_svg(
    terms: Sequence[Any],
    model: ModelSpec | None = None,
    columns: int = 4,
    start: int = 0,
    total: int | None = None,
    title: str | None = None,
) -> str:
    """One page of expansion terms as one SVG sheet (the ``format=svg`` of ``/v1/diagrams``).

    Parameters
    ----------
    terms : :class:`~diagrams.expansion.ExpansionTerm` s (anything with ``diagram``,
        ``coefficient``, ``s_D``, ``s_R``, ``id`` and optionally ``recolorings``).
    model : the model, named in the title when given.
    columns : cells per row.
    start : index of the first term in the whole expansion (for the cell numbers).
    total : number of classes in the whole expansion (for the title).
    title : replaces the generated title.

    Each cell is a ``<g class="diagram">`` with ``data-coefficient``, ``data-s-d``, ``data-s-r``
    and ``data-id`` and shows the coefficient, ``s_D`` and ``s_R`` as text.
    """
    return diagram_sheet_scene(terms, model, columns, start, total, title).to_svg()
