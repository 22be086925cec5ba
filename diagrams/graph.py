"""Diagrams: bipartite edge-coloured multigraphs of H-nodes and p-nodes (Section 3, Appendix
"Loss expansion and diagram calculus", eq. gendiagpoly).

A :class:`Diagram` stands for the weight polynomial that sums, over all index assignments of its
nodes (H-nodes range over 1..H, p-nodes over 1..p), the product of the weights
``u^{(colour)}_{k,i}`` of its edges. Nodes are numbered ``0..n_h-1`` and ``0..n_p-1``; colours are
``0..ν-1`` internally (always 0 in SYM) and 1-based on the wire, as in the paper.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

import networkx as nx

from diagrams.canonical import Edge, canonical_form
from diagrams.model import ModelSpec


@dataclass(frozen=True)
class Diagram:
    """A diagram ``(n_h, n_p, edges)``; ``edges`` is a sorted tuple of ``(h, p, colour)``.

    >>> d = Diagram(2, 1, ((0, 0, 0), (0, 0, 0), (1, 0, 0), (1, 0, 0)))  # SYM D_4
    >>> d.num_edges, d.sigma2_power
    (4, 2)
    """

    n_h: int
    n_p: int
    edges: tuple[Edge, ...]

    @classmethod
    def build(cls, n_h: int, n_p: int, edges: Any) -> Diagram:
        return cls(n_h, n_p, tuple(sorted(tuple(e) for e in edges)))

    @property
    def num_edges(self) -> int:
        return len(self.edges)

    @property
    def sigma2_power(self) -> int:
        """Each Wick pair of edges gives one σ² (eq. aterm); odd edge counts have E = 0."""
        return len(self.edges) // 2

    def canonical(self, model: ModelSpec, up_to_recoloring: bool = True) -> Diagram:
        """The canonical representative of this diagram's isomorphism class."""
        form = canonical_form(
            self.n_h, self.n_p, self.edges, model.colors, up_to_recoloring and not model.sym
        )
        return Diagram(*form)

    def class_id(self) -> str:
        """A short stable id of a diagram already in canonical form (hash of the form)."""
        text = f"{self.n_h};{self.n_p};" + ",".join(f"{h}.{p}.{c}" for h, p, c in self.edges)
        return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()

    def to_json(self) -> dict[str, Any]:
        """``{"nodes": [{"id", "kind"}], "edges": [{"h", "p", "color"}]}``, colours 1-based."""
        nodes = [{"id": f"h{k}", "kind": "H"} for k in range(self.n_h)]
        nodes += [{"id": f"p{i}", "kind": "p"} for i in range(self.n_p)]
        edges = [{"h": f"h{h}", "p": f"p{p}", "color": c + 1} for h, p, c in self.edges]
        return {"nodes": nodes, "edges": edges}

    def to_networkx(self) -> nx.MultiGraph:
        graph = nx.MultiGraph()
        for k in range(self.n_h):
            graph.add_node(f"h{k}", kind="H")
        for i in range(self.n_p):
            graph.add_node(f"p{i}", kind="p")
        for h, p, c in self.edges:
            graph.add_edge(f"h{h}", f"p{p}", color=c + 1)
        return graph

    def to_graphml(self) -> str:
        return "\n".join(nx.generate_graphml(self.to_networkx()))

    def to_dot(self, name: str = "G") -> str:
        lines = [f"graph {name} {{"]
        for k in range(self.n_h):
            lines.append(f'  h{k} [shape=box, style=filled, fillcolor="#f2d024", label="H"];')
        for i in range(self.n_p):
            lines.append(f'  p{i} [shape=circle, style=filled, fillcolor="#56c7e0", label="p"];')
        for h, p, c in self.edges:
            lines.append(
                f'  h{h} -- p{p} [color="{DOT_COLORS[c % len(DOT_COLORS)]}", label="{c + 1}"];'
            )
        lines.append("}")
        return "\n".join(lines)


# Okabe–Ito colour-blind-safe palette.
DOT_COLORS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")


def atom_d(model: ModelSpec) -> Diagram:
    """D_{2ν}: H-nodes k, k' and p-nodes i_1..i_ν with edges (k, i_m, m), (k', i_m, m) (Fig. 1a)."""
    colour = (lambda m: 0) if model.sym else (lambda m: m)
    edges = [(h, m, colour(m)) for h in (0, 1) for m in range(model.nu)]
    return Diagram.build(2, model.nu, edges)


def atom_r(model: ModelSpec) -> Diagram:
    """R_ν, identity target: one H-node, one p-node, ν parallel edges (eq. rnuidtarget)."""
    colour = (lambda m: 0) if model.sym else (lambda m: m)
    return Diagram.build(1, 1, [(0, 0, colour(m)) for m in range(model.nu)])
