"""Pictures of the diagram calculus: diagrams, sheets of expansion terms and Pareto polygons.

Deterministic SVG (same input, same bytes) in the paper's visual language (Fig. 1, Fig. 2);
PNG through matplotlib's Agg backend. Loss curves of validation runs are drawn by
:mod:`diagrams.flow.plots`.

>>> from diagrams import ModelSpec, expansion
>>> sheet = diagram_sheet_svg(expansion(ModelSpec(2, "sym", "identity"), 0))
>>> sheet.count('class="diagram"')
2
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from diagrams.drawing.contraction import contraction_monomial, merge_groups, pairings
from diagrams.drawing.diagram import (
    diagram_scene,
    diagram_sheet_scene,
    diagram_sheet_svg,
    diagram_svg,
)
from diagrams.drawing.layout import layout_diagram
from diagrams.drawing.pareto import polygon_scene, polygon_svg, polygons_scene, polygons_svg
from diagrams.drawing.scene import Scene
from diagrams.graph import Diagram

__all__ = [
    "Scene",
    "contraction_monomial",
    "diagram_png",
    "diagram_scene",
    "diagram_sheet_png",
    "diagram_sheet_scene",
    "diagram_sheet_svg",
    "diagram_svg",
    "layout_diagram",
    "merge_groups",
    "pairings",
    "polygon_png",
    "polygon_scene",
    "polygon_svg",
    "polygons_scene",
    "polygons_svg",
]


def diagram_png(diagram: Diagram, dpi: float = 96.0, **kwargs: Any) -> bytes:
    """:func:`diagram_svg` as PNG bytes (matplotlib Agg)."""
    return diagram_scene(diagram, **kwargs).to_png(dpi)


def diagram_sheet_png(terms: Sequence[Any], dpi: float = 96.0, **kwargs: Any) -> bytes:
    """:func:`diagram_sheet_svg` as PNG bytes (matplotlib Agg)."""
    return diagram_sheet_scene(terms, **kwargs).to_png(dpi)


def polygon_png(polygon: Any, dpi: float = 96.0) -> bytes:
    """:func:`polygon_svg` as PNG bytes (matplotlib Agg)."""
    return polygon_scene(polygon).to_png(dpi)
