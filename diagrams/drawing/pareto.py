"""Pareto polygons drawn as in the paper's Fig. 2: Pareto-optimal terms of ``Y_s`` as black
points in the ``(s_D, n)`` plane, their hull as a red polygon, the vertex letters of Section 5
in blue, and the order in a box (``s = 3``).

The points and vertices come from :mod:`diagrams.polygon` (a :class:`ParetoPolygon` or its
``to_dict()`` form, as ``/v1/pareto`` returns it); nothing is computed here but the picture.
A Pareto term ``p^q H^n σ^{2l}`` is plotted at ``(s_D, n)``: within one order ``l`` fixes
``s_D`` and ``(s_D, n)`` fixes ``q`` for the models Theorem 4.1 covers, so the plane picture
is the polygon itself. For SYM with odd ν (a polytope, no letters) the picture is the
projection: the outline is drawn dashed and the figure says so.

>>> from diagrams import ModelSpec
>>> from diagrams.polygon import pareto_polygon
>>> svg = polygon_svg(pareto_polygon(ModelSpec(2, "asym", "identity"), 3))
>>> svg.count('class="pareto-point"'), svg.count('class="vertex-label"')
(8, 4)
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from diagrams.drawing.scene import Circle, Group, Meta, Path, Rect, Scene, text

POLYGON_RED = "#D62728"
LETTER_BLUE = "#1f4fd6"
AXIS = "#333333"
GRID = "#e6e6e6"
BOX_FILL, BOX_STROKE = "#f6ead2", "#8a8a8a"
PLOT_W, PLOT_H = 220.0, 200.0
LEFT, TOP, RIGHT, BOTTOM = 46.0, 14.0, 16.0, 42.0


@dataclass(frozen=True)
class _Pt:
    s_d: int
    n: int
    q: int
    l: int

    @property
    def label(self) -> str:
        return f"p^{self.q} H^{self.n} σ^{2 * self.l} (s_D = {self.s_d}, n = {self.n})"


@dataclass(frozen=True)
class _PolygonData:
    s: int
    dimension: int
    points: tuple[_Pt, ...]
    vertices: tuple[tuple[str, _Pt], ...]
    note: str | None


def _from_term(term: Mapping[str, Any]) -> _Pt:
    return _Pt(int(term["s_D"]), int(term["H"]), int(term["p"]), int(term["sigma2"]))


def _data(polygon: Any) -> _PolygonData:
    """Read a :class:`diagrams.polygon.ParetoPolygon` or its ``to_dict()``."""
    if isinstance(polygon, Mapping):
        pts = tuple(_from_term(t) for t in polygon["points"])
        verts = tuple(
            (v["name"] if v.get("labels") else "", _from_term(v["term"]))
            for v in polygon["vertices"]
        )
        return _PolygonData(
            int(polygon["s"]), int(polygon["dimension"]), pts, verts, polygon.get("note")
        )
    pts = tuple(_Pt(p.s_d, p.n, p.q, p.l) for p in polygon.points)
    verts = tuple(
        (v.name if v.labels else "", _Pt(v.point.s_d, v.point.n, v.point.q, v.point.l))
        for v in polygon.vertices
    )
    return _PolygonData(polygon.s, polygon.dimension, pts, verts, polygon.note)


def _hull(points: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Convex hull of plane integer points (monotone chain), counter-clockwise."""
    pts = sorted(set(points))
    if len(pts) <= 2:
        return pts

    def cross(o: tuple[int, int], a: tuple[int, int], b: tuple[int, int]) -> int:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[tuple[int, int]] = []
    upper: list[tuple[int, int]] = []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def _ticks(lo: int, hi: int) -> list[int]:
    span = hi - lo
    step = 1 if span <= 10 else 2 if span <= 20 else 5 if span <= 50 else 10
    first = math.ceil(lo / step) * step
    return list(range(first, hi + 1, step))


def polygon_group(polygon: Any) -> tuple[Group, float, float]:
    """The plot of one polygon at the origin, with its width and height."""
    data = _data(polygon)
    xs = [p.s_d for p in data.points] or [0]
    ys = [p.n for p in data.points] or [1]
    x_lo, x_hi = min(-1, min(xs) - 1), max(xs) + 1
    y_lo, y_hi = 0, max(ys) + 1
    sx = PLOT_W / (x_hi - x_lo)
    sy = PLOT_H / (y_hi - y_lo)

    def at(x: float, y: float) -> tuple[float, float]:
        return (LEFT + (x - x_lo) * sx, TOP + (y_hi - y) * sy)

    g = Group(Meta("pareto-polygon", (("s", str(data.s)), ("dimension", str(data.dimension)))))
    frame = Group(Meta("axes"))
    for tx in _ticks(x_lo, x_hi):
        x, _ = at(tx, 0)
        frame.add(Path((("M", x, TOP), ("L", x, TOP + PLOT_H)), stroke=GRID, stroke_width=1))
        frame.add(Path((("M", x, TOP + PLOT_H), ("L", x, TOP + PLOT_H + 4)), stroke=AXIS))
        frame.add(
            text(
                x,
                TOP + PLOT_H + 16,
                str(tx).replace("-", "\u2212"),
                size=11,
                fill=AXIS,
                anchor="middle",
            )
        )
    for ty in _ticks(y_lo, y_hi):
        _, y = at(0, ty)
        frame.add(Path((("M", LEFT, y), ("L", LEFT + PLOT_W, y)), stroke=GRID, stroke_width=1))
        frame.add(Path((("M", LEFT - 4, y), ("L", LEFT, y)), stroke=AXIS))
        frame.add(text(LEFT - 7, y, str(ty), size=11, fill=AXIS, anchor="end", baseline="central"))
    frame.add(Rect(LEFT, TOP, PLOT_W, PLOT_H, fill="none", stroke=AXIS, stroke_width=1))
    frame.add(
        text(
            LEFT + PLOT_W / 2,
            TOP + PLOT_H + 34,
            [("s", ""), ("D", "sub")],
            size=13,
            fill=AXIS,
            anchor="middle",
            meta=Meta("axis-label"),
        )
    )
    frame.add(
        text(
            14,
            TOP + PLOT_H / 2,
            "n",
            size=13,
            fill=AXIS,
            anchor="middle",
            baseline="central",
            meta=Meta("axis-label"),
        )
    )
    g.add(frame)

    corners = [(v.s_d, v.n) for _, v in data.vertices]
    projected = data.dimension == 3
    if projected:
        corners = _hull([(p.s_d, p.n) for p in data.points])
    if len(corners) >= 2:
        cmds: list[tuple[Any, ...]] = [("M", *at(*corners[0]))]
        cmds += [("L", *at(*c)) for c in corners[1:]]
        if len(corners) > 2:
            cmds.append(("Z",))
        g.add(
            Path(
                tuple(cmds),
                stroke=POLYGON_RED,
                stroke_width=2.2,
                dash="5 4" if projected else None,
                meta=Meta("polygon"),
            )
        )

    for p in sorted(set(data.points), key=lambda p: (p.s_d, p.n, p.q)):
        x, y = at(p.s_d, p.n)
        g.add(
            Circle(
                x,
                y,
                4.5,
                fill="#000000",
                meta=Meta(
                    "pareto-point",
                    (("s-d", str(p.s_d)), ("n", str(p.n)), ("p", str(p.q)), ("sigma2", str(p.l))),
                    p.label,
                ),
            )
        )

    if data.vertices and not projected:
        cx = sum(v.s_d for _, v in data.vertices) / len(data.vertices)
        cy = sum(v.n for _, v in data.vertices) / len(data.vertices)
        for name, v in data.vertices:
            if not name:
                continue
            dx, dy = v.s_d - cx, v.n - cy
            norm = math.hypot(dx * sx, dy * sy)
            ux, uy = (dx * sx / norm, -dy * sy / norm) if norm > 1e-9 else (1.0, 0.0)
            x, y = at(v.s_d, v.n)
            g.add(
                text(
                    x + 13 * ux,
                    y + 13 * uy,
                    name,
                    size=13,
                    fill=LETTER_BLUE,
                    anchor="middle",
                    baseline="central",
                    meta=Meta("vertex-label", (("s-d", str(v.s_d)), ("n", str(v.n)))),
                )
            )

    box = f"s = {data.s}"
    bw = 14 + 7.5 * len(box)
    g.add(Rect(LEFT + 8, TOP + 8, bw, 24, fill=BOX_FILL, stroke=BOX_STROKE, stroke_width=1, rx=5))
    g.add(
        text(
            LEFT + 8 + bw / 2,
            TOP + 20,
            box,
            size=13,
            fill="#000000",
            anchor="middle",
            baseline="central",
            meta=Meta("order"),
        )
    )
    height = TOP + PLOT_H + BOTTOM
    if projected:
        g.add(
            text(
                LEFT,
                height + 4,
                "projection of a polytope (SYM, odd ν): no paper letters",
                size=10,
                fill="#666666",
                meta=Meta("note"),
            )
        )
        height += 14
    return g, LEFT + PLOT_W + RIGHT, height


def polygon_scene(polygon: Any) -> Scene:
    """The :class:`~diagrams.drawing.scene.Scene` behind :func:`polygon_svg`."""
    group, width, height = polygon_group(polygon)
    data = _data(polygon)
    scene = Scene(
        width,
        height,
        Meta("gfd-pareto"),
        description=f"Pareto polygon of Y_{data.s} in the (s_D, n) plane",
    )
    scene.add(group)
    return scene


def polygon_svg(polygon: Any) -> str:
    """One Pareto polygon as a standalone SVG document, as in the paper's Fig. 2.

    Parameters
    ----------
    polygon : a :class:`diagrams.polygon.ParetoPolygon` or its ``to_dict()`` (the JSON of
        ``/v1/pareto``).

    Points are ``<circle class="pareto-point">`` with ``data-s-d``, ``data-n``, ``data-p``,
    ``data-sigma2``; the hull is ``<path class="polygon">``; letters ``<text
    class="vertex-label">``.
    """
    return polygon_scene(polygon).to_svg()


def polygons_scene(polygons: Sequence[Any]) -> Scene:
    """Several polygons side by side (one per order ``s``), like the panels of Fig. 2."""
    groups = [polygon_group(p) for p in polygons]
    width = sum(w for _, w, _ in groups) or 1.0
    height = max((h for _, _, h in groups), default=1.0)
    scene = Scene(width, height, Meta("gfd-pareto"), description="Pareto polygons")
    x = 0.0
    for g, w, _ in groups:
        scene.add(g.moved(x, 0))
        x += w
    return scene


def polygons_svg(polygons: Sequence[Any]) -> str:
    """:func:`polygons_scene` as SVG (e.g. the ``polygons`` list of ``/v1/pareto``)."""
    return polygons_scene(polygons).to_svg()
