"""Serialise pages of diagrams (the JSON of ``POST /v1/diagrams``) as GraphML and DOT.

A page becomes one graph whose connected pieces are the diagrams: node ids are prefixed by
the diagram's position (``"3.h0"``), and each node carries ``kind`` (``H`` or ``p``) and the
class data of its diagram (``diagram`` id, ``coefficient``, ``s_D``, ``s_R``); each edge
carries its ``color`` (1-based). GraphML goes through networkx; DOT uses one cluster per
diagram so ``dot -Tsvg`` draws the page as a sheet.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

DOT_COLORS = (
    "black",
    "red3",
    "blue3",
    "green4",
    "darkorange2",
    "purple3",
    "cyan4",
    "deeppink3",
    "gold3",
    "sienna",
    "gray40",
    "olivedrab",
)


def page_graph(page: list[dict[str, Any]], first_index: int, meta: dict[str, Any]) -> nx.MultiGraph:
    """The diagrams of a page as one networkx multigraph (disjoint union)."""
    graph = nx.MultiGraph(**{k: v for k, v in meta.items() if isinstance(v, int | str)})
    for i, diagram in enumerate(page, start=first_index):
        attrs = {
            "diagram": diagram["id"],
            "index": i,
            "coefficient": diagram["coefficient"],
            "s_D": diagram["s_D"],
            "s_R": diagram["s_R"],
        }
        for node in diagram["nodes"]:
            graph.add_node(f"{i}.{node['id']}", kind=node["kind"], **attrs)
        for edge in diagram["edges"]:
            graph.add_edge(f"{i}.{edge['h']}", f"{i}.{edge['p']}", color=edge["color"])
    return graph


def to_graphml(page: list[dict[str, Any]], first_index: int, meta: dict[str, Any]) -> str:
    return "\n".join(nx.generate_graphml(page_graph(page, first_index, meta))) + "\n"


def _quote(text: object) -> str:
    return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


def to_dot(page: list[dict[str, Any]], first_index: int, meta: dict[str, Any]) -> str:
    title = ", ".join(f"{k}={v}" for k, v in meta.items() if isinstance(v, int | str))
    lines = ["graph diagrams {", f"  label={_quote(title)};", "  node [fontsize=10];"]
    for i, diagram in enumerate(page, start=first_index):
        label = f"#{i}  {diagram['coefficient']}  (s_D={diagram['s_D']}, s_R={diagram['s_R']})"
        lines.append(f"  subgraph cluster_{i} {{")
        lines.append(f"    label={_quote(label)};")
        for node in diagram["nodes"]:
            shape = "box" if node["kind"] == "H" else "circle"
            name = _quote(f"{i}.{node['id']}")
            lines.append(f"    {name} [label={_quote(node['id'])}, shape={shape}];")
        for edge in diagram["edges"]:
            color = DOT_COLORS[(edge["color"] - 1) % len(DOT_COLORS)]
            a, b = _quote(f"{i}.{edge['h']}"), _quote(f"{i}.{edge['p']}")
            lines.append(f"    {a} -- {b} [color={color}];")
        lines.append("  }")
    lines.append("}")
    return "\n".join(lines) + "\n"
