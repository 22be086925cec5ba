"""Node positions for drawing a diagram: cycles on a circle, trees radially, the rest by stress
majorization with the fewest edge crossings, then scaled so no two nodes are closer than one unit.

The diagrams of the expansion are connected bipartite multigraphs (Section 3); their shapes
are those of the paper's Fig. 1: rings for ν = 2 (j), flowers and trees after contraction
(h, k), denser graphs in general (d–g, l). Parallel edges do not change the positions (they
are drawn as separate arcs, see :mod:`diagrams.drawing.diagram`), so the layout works on the
simple graph underneath.

Everything here is deterministic: node order is the diagram's (``h0, h1, …, p0, p1, …``), the
stress layout starts from fixed positions (seeded where random), and the final coordinates
are normalised (centred, principal axis horizontal, a fixed reflection).

>>> from diagrams.graph import Diagram
>>> pos = layout_diagram(Diagram.build(2, 2, [(0, 0, 0), (0, 1, 0), (1, 0, 0), (1, 1, 0)]))
>>> sorted(pos), round(min_distance(pos), 6)
(['h0', 'h1', 'p0', 'p1'], 1.0)
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import networkx as nx
import numpy as np

from diagrams.graph import Diagram

Point = tuple[float, float]
COMPONENT_GAP = 1.25  # units between the bounding boxes of disconnected parts
RANDOM_SEED = 20240601  # seeds the random starts of the stress layout (fixed: deterministic)
RANDOM_STARTS = 3


def node_ids(diagram: Diagram) -> list[str]:
    """The node names of :meth:`Diagram.to_json`, in the diagram's order."""
    return [f"h{k}" for k in range(diagram.n_h)] + [f"p{i}" for i in range(diagram.n_p)]


def simple_graph(diagram: Diagram) -> nx.Graph:
    """The diagram with parallel edges collapsed (``weight`` = multiplicity), nodes in order."""
    g = nx.Graph()
    g.add_nodes_from(node_ids(diagram))
    for h, p, _ in diagram.edges:
        u, v = f"h{h}", f"p{p}"
        if g.has_edge(u, v):
            g[u][v]["weight"] += 1
        else:
            g.add_edge(u, v, weight=1)
    return g


def min_distance(pos: Mapping[str, Point]) -> float:
    """The smallest distance between two positions (``inf`` for fewer than two)."""
    xy = np.array(list(pos.values()), dtype=float)
    if len(xy) < 2:
        return math.inf
    d = np.sqrt(((xy[:, None, :] - xy[None, :, :]) ** 2).sum(-1))
    d[np.diag_indices(len(xy))] = np.inf
    return float(d.min())


def layout_diagram(diagram: Diagram) -> dict[str, Point]:
    """Positions of the nodes of ``diagram`` (keys ``"h0"``…, ``"p0"``…) in layout units.

    Any two nodes are at least one unit apart; disconnected parts are placed side by side.
    """
    g = simple_graph(diagram)
    order = {v: i for i, v in enumerate(g.nodes)}
    parts = sorted(nx.connected_components(g), key=lambda c: (-len(c), min(order[v] for v in c)))
    placed: dict[str, Point] = {}
    x_cursor = 0.0
    for part in parts:
        sub = g.subgraph(sorted(part, key=order.__getitem__))
        pos = _normalised(_component_layout(sub, order), order)
        xs = [x for x, _ in pos.values()]
        shift = x_cursor - min(xs)
        for v, (x, y) in pos.items():
            placed[v] = (x + shift, y)
        x_cursor += max(xs) - min(xs) + COMPONENT_GAP
    return {v: placed[v] for v in g.nodes}


def layout_kind(diagram: Diagram) -> str:
    """Which layout :func:`layout_diagram` uses: point, tree, cycle, general or components."""
    g = simple_graph(diagram)
    if nx.number_connected_components(g) > 1:
        return "components"
    return _kind(g)


def _kind(g: nx.Graph) -> str:
    if g.number_of_nodes() == 1:
        return "point"
    if nx.is_tree(g):
        return "tree"
    if all(d == 2 for _, d in g.degree()):
        return "cycle"
    return "general"


def _component_layout(g: nx.Graph, order: Mapping[str, int]) -> dict[str, Point]:
    kind = _kind(g)
    if kind == "point":
        return {next(iter(g.nodes)): (0.0, 0.0)}
    if kind == "tree":
        return _general(g, order, _radial_tree(g, order))
    if kind == "cycle":
        return _cycle(g, order)
    return _general(g, order)


def _cycle(g: nx.Graph, order: Mapping[str, int]) -> dict[str, Point]:
    """A ring in walking order, starting from the first node (Fig. 1 j)."""
    start = min(g.nodes, key=order.__getitem__)
    walk, prev, cur = [start], None, start
    while True:
        nxt = min((v for v in g.neighbors(cur) if v != prev), key=order.__getitem__)
        if nxt == start:
            break
        walk.append(nxt)
        prev, cur = cur, nxt
    n = len(walk)
    radius = 0.5 / math.sin(math.pi / n)  # neighbours one unit apart
    phase = math.pi + math.pi / n
    return {
        v: (
            radius * math.cos(phase + 2 * math.pi * k / n),
            radius * math.sin(phase + 2 * math.pi * k / n),
        )
        for k, v in enumerate(walk)
    }


def _radial_tree(g: nx.Graph, order: Mapping[str, int]) -> dict[str, Point]:
    """Root at a centre of the tree, depth d on the circle of radius d, wedges by leaf count.

    A star (the contracted "flower" of Fig. 1 h) becomes its centre with the leaves around it;
    a path becomes a straight line.
    """
    centre = min(nx.center(g), key=lambda v: (-g.degree(v), order[v]))
    children: dict[str, list[str]] = {}
    for parent, child in nx.bfs_edges(
        g, centre, sort_neighbors=lambda vs: sorted(vs, key=order.__getitem__)
    ):
        children.setdefault(parent, []).append(child)
    leaves: dict[str, int] = {}

    def count(v: str) -> int:
        leaves[v] = sum(count(c) for c in children.get(v, [])) or 1
        return leaves[v]

    count(centre)
    pos: dict[str, Point] = {centre: (0.0, 0.0)}

    def place(v: str, lo: float, hi: float, depth: int) -> None:
        angle = lo
        for c in children.get(v, []):
            width = (hi - lo) * leaves[c] / leaves[v]
            mid = angle + width / 2
            pos[c] = ((depth + 1) * math.cos(mid), (depth + 1) * math.sin(mid))
            place(c, angle, angle + width, depth + 1)
            angle += width

    place(centre, math.pi / 2, math.pi / 2 + 2 * math.pi, 0)
    return pos


def _stress_layout(dist: np.ndarray, start: np.ndarray, rounds: int = 300) -> np.ndarray:
    """Stress majorization (Gansner, Koren & North 2004): positions whose distances match the
    graph distances ``dist``, weighted by ``dist⁻²``, improved from ``start`` by the SMACOF
    update ``X ← L_w⁺ L_X X`` until the stress stops decreasing (deterministic)."""
    n = len(dist)
    off = ~np.eye(n, dtype=bool)
    w = np.zeros_like(dist)
    w[off] = dist[off] ** -2.0
    lw = -w
    lw[np.diag_indices(n)] = w.sum(axis=1)
    lw_pinv = np.linalg.pinv(lw)
    x = start.copy()

    def stress(x: np.ndarray) -> float:
        d = np.sqrt(((x[:, None, :] - x[None, :, :]) ** 2).sum(-1))
        return float((w[off] * (d[off] - dist[off]) ** 2).sum())

    last = stress(x)
    for _ in range(rounds):
        d = np.sqrt(((x[:, None, :] - x[None, :, :]) ** 2).sum(-1))
        b = np.zeros_like(dist)
        safe = off & (d > 1e-12)
        b[safe] = -w[safe] * dist[safe] / d[safe]
        b[np.diag_indices(n)] = -b.sum(axis=1)
        x = lw_pinv @ (b @ x)
        now = stress(x)
        if last - now < 1e-6 * max(last, 1e-12):
            break
        last = now
    return x


def _circle(n: int, perm: list[int] | None = None) -> np.ndarray:
    """``n`` points on a circle of radius ``n / 2π`` (neighbours about one unit apart),
    point ``k`` of the circle given to node ``perm[k]``."""
    xy = np.zeros((n, 2))
    radius = max(n / (2 * math.pi), 0.5)
    for k, i in enumerate(perm if perm is not None else range(n)):
        xy[i] = (radius * math.cos(2 * math.pi * k / n), radius * math.sin(2 * math.pi * k / n))
    return xy


def _layered(g: nx.Graph, nodes: list[str], hub: str) -> np.ndarray:
    """Breadth-first layers from ``hub`` one unit apart (edges of a bipartite graph join
    neighbouring layers), each ordered by the barycentre heuristic in alternating sweeps."""
    index = {v: i for i, v in enumerate(nodes)}
    depth = nx.single_source_shortest_path_length(g, hub)
    layers: list[list[str]] = [[] for _ in range(max(depth.values()) + 1)]
    for v in nodes:
        layers[depth[v]].append(v)
    slot = {v: float(k) for layer in layers for k, v in enumerate(layer)}
    for sweep in range(6):
        seq = range(1, len(layers)) if sweep % 2 == 0 else range(len(layers) - 2, -1, -1)
        for li in seq:
            ref = li - 1 if sweep % 2 == 0 else li + 1
            refs = set(layers[ref])

            def bary(v: str, refs: set[str] = refs) -> tuple[float, int]:
                nb = [slot[u] for u in g.neighbors(v) if u in refs]
                return (sum(nb) / len(nb) if nb else slot[v], index[v])

            layers[li].sort(key=bary)
            slot.update({v: float(k) for k, v in enumerate(layers[li])})
    xy = np.zeros((len(nodes), 2))
    for li, layer in enumerate(layers):
        for k, v in enumerate(layer):
            xy[index[v]] = (k - (len(layer) - 1) / 2, float(li))
    return xy


def _starts(g: nx.Graph, nodes: list[str]) -> list[np.ndarray]:
    """Deterministic starts: circles in node order and in breadth-first order from the busiest
    node, the planar embedding when there is one, and seeded random positions."""
    n = len(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    hub = min(nodes, key=lambda v: (-g.degree(v), index[v]))
    order = [hub] + [
        v for _, v in nx.bfs_edges(g, hub, sort_neighbors=lambda vs: sorted(vs, key=index.get))
    ]
    starts = [_layered(g, nodes, hub), _circle(n), _circle(n, [index[v] for v in order])]
    if nx.check_planarity(g)[0]:
        planar = nx.planar_layout(g, scale=n / 4)
        starts.append(np.array([planar[v] for v in nodes], dtype=float))
    rng = np.random.default_rng(RANDOM_SEED)
    for _ in range(RANDOM_STARTS):
        starts.append(rng.uniform(-n / 4, n / 4, size=(n, 2)))
    return starts


def crossings(g: nx.Graph, pos: Mapping[str, Point]) -> int:
    """Number of pairs of straight edges without a common node that cross properly."""
    ends = [(u, v) for u, v in g.edges]
    if len(ends) < 2:
        return 0
    a = np.array([pos[u] for u, _ in ends], dtype=float)
    b = np.array([pos[v] for _, v in ends], dtype=float)
    index = {v: i for i, v in enumerate(g.nodes)}
    names = np.array([[index[u], index[v]] for u, v in ends])

    def orient(p: np.ndarray, q: np.ndarray, r: np.ndarray) -> np.ndarray:
        return (q[..., 0] - p[..., 0]) * (r[..., 1] - p[..., 1]) - (q[..., 1] - p[..., 1]) * (
            r[..., 0] - p[..., 0]
        )

    A, B = a[:, None, :], b[:, None, :]
    C, D = a[None, :, :], b[None, :, :]
    o1, o2 = orient(A, B, C), orient(A, B, D)
    o3, o4 = orient(C, D, A), orient(C, D, B)
    proper = (o1 * o2 < 0) & (o3 * o4 < 0)
    shared = (names[:, None, :, None] == names[None, :, None, :]).any(axis=(2, 3))
    return int(np.triu(proper & ~shared, 1).sum())


def _score(g: nx.Graph, pos: Mapping[str, Point]) -> tuple[int, float]:
    """Fewest crossings first, then the largest closest-pair distance per mean edge length."""
    lengths = [math.dist(pos[u], pos[v]) for u, v in g.edges]
    spread = min_distance(pos) / (sum(lengths) / len(lengths))
    return crossings(g, pos), -round(spread, 6)


def _general(
    g: nx.Graph, order: Mapping[str, int], first: Mapping[str, Point] | None = None
) -> dict[str, Point]:
    """The best, by :func:`_score`, of ``first`` (if given), the layered layout and stress
    layouts from several starts (:func:`_starts`)."""
    nodes = sorted(g.nodes, key=order.__getitem__)
    paths = dict(nx.all_pairs_shortest_path_length(g))
    dist = np.array([[float(paths[u][v]) for v in nodes] for u in nodes])
    edges = [(nodes.index(u), nodes.index(v)) for u, v in g.edges]
    best: tuple[tuple[int, float], int, dict[str, Point]] | None = None
    starts = _starts(g, nodes)
    candidates = [starts[0]] + [_stress_layout(dist, start) for start in starts]
    if first is not None:
        candidates.insert(0, np.array([first[v] for v in nodes], dtype=float))
    for k, raw in enumerate(candidates):
        xy = _spread(raw, edges)
        pos = {v: (float(xy[i, 0]), float(xy[i, 1])) for i, v in enumerate(nodes)}
        key = (_score(g, pos), k, pos)
        if best is None or key[:2] < best[:2]:
            best = key
    assert best is not None
    return best[2]


def _spread(xy: np.ndarray, edges: list[tuple[int, int]], rounds: int = 60) -> np.ndarray:
    """Push apart nodes closer than 0.6 of the median edge length, and nodes lying within 0.3
    of it on an edge they do not belong to, by small deterministic steps (the layout's shape
    is kept)."""
    xy = xy.copy()
    n = len(xy)
    ea = np.array([e[0] for e in edges])
    eb = np.array([e[1] for e in edges])
    unit = float(np.median(np.linalg.norm(xy[ea] - xy[eb], axis=1)))
    near, clear = 0.6 * unit, 0.3 * unit
    incident = np.zeros((n, len(edges)), dtype=bool)
    incident[ea, np.arange(len(edges))] = True
    incident[eb, np.arange(len(edges))] = True
    upper = np.triu(np.ones((n, n), dtype=bool), 1)
    for _ in range(rounds):
        diff = xy[None, :, :] - xy[:, None, :]  # diff[i, j] = x_j − x_i
        dist = np.linalg.norm(diff, axis=-1)
        close = upper & (dist < near)
        # node–edge: nearest point of every edge to every node
        ab = xy[eb] - xy[ea]
        t = ((xy[:, None, :] - xy[ea][None]) * ab[None]).sum(-1) / np.maximum(
            (ab**2).sum(-1), 1e-12
        )[None]
        q = xy[ea][None] + np.clip(t, 0, 1)[..., None] * ab[None]
        away = xy[:, None, :] - q
        gap = np.linalg.norm(away, axis=-1)
        onto = (~incident) & (gap < clear)
        if not close.any() and not onto.any():
            break
        step = np.zeros_like(xy)
        for i, j in zip(*np.nonzero(close)):
            d = dist[i, j]
            direction = diff[i, j] / d if d > 1e-9 else np.array([1.0, 0.0])
            push = 0.5 * (near - d) * direction
            step[i] -= push
            step[j] += push
        for i, e in zip(*np.nonzero(onto)):
            d = gap[i, e]
            direction = away[i, e] / d if d > 1e-9 else np.array([0.0, 1.0])
            step[i] += 0.5 * (clear - d) * direction
        xy += step
    return xy


def _normalised(pos: dict[str, Point], order: Mapping[str, int]) -> dict[str, Point]:
    """Centre, turn the principal axis horizontal, fix the reflection, scale to min distance 1."""
    nodes = sorted(pos, key=order.__getitem__)
    xy = np.array([pos[v] for v in nodes], dtype=float)
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    xy -= xy.mean(axis=0)
    cov = xy.T @ xy
    if abs(cov[0, 0] - cov[1, 1]) > 1e-9 * max(1.0, float(np.trace(cov))) or abs(cov[0, 1]) > 1e-9:
        angle = 0.5 * math.atan2(2 * cov[0, 1], cov[0, 0] - cov[1, 1])
        c, s = math.cos(-angle), math.sin(-angle)
        xy = xy @ np.array([[c, s], [-s, c]])
    # the first node (an H-node when there is one) on the left, and above the centre line
    if xy[0, 0] > 1e-9:
        xy[:, 0] *= -1
    if xy[0, 1] > 1e-9:
        xy[:, 1] *= -1
    d = min_distance(dict(zip(nodes, map(tuple, xy))))
    xy /= d
    xy = np.round(xy, 9) + 0.0  # no -0.0, no last-bit noise
    return {v: (float(xy[i][0]), float(xy[i][1])) for i, v in enumerate(nodes)}
