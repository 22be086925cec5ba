"""A tiny retained-mode drawing: primitives in pixel coordinates, written as SVG or PNG.

Every picture of :mod:`diagrams.drawing` is first built as a :class:`Scene` (a list of
rectangles, circles, paths and texts, y pointing down as in SVG) and then serialised. The SVG
writer is deterministic: attributes in a fixed order, numbers rounded to two decimals, no
timestamps or random ids, so the same scene always gives the same bytes. The PNG writer draws
the same primitives with matplotlib's Agg backend (already a dependency) with the metadata
that would vary between runs left out.

>>> sc = Scene(40, 20)
>>> sc.add(Circle(10, 10, 5, fill="#56c7e0"))
>>> print(sc.to_svg().splitlines()[2])
<circle cx="10" cy="10" r="5" fill="#56c7e0"/>
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any
from xml.sax.saxutils import escape, quoteattr

FONT_FAMILY = "DejaVu Sans, Helvetica, Arial, sans-serif"
SVG_NS = "http://www.w3.org/2000/svg"


def fmt(x: float) -> str:
    """A number as SVG text: at most two decimals, no trailing zeros, never ``-0``.

    >>> fmt(1.0), fmt(-0.001), fmt(2.345678), fmt(10)
    ('1', '0', '2.35', '10')
    """
    text = f"{float(x):.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


@dataclass(frozen=True)
class Style:
    """Paint of a shape (SVG presentation attributes; ``None`` leaves one out)."""

    fill: str | None = None
    stroke: str | None = None
    stroke_width: float | None = None
    dash: str | None = None
    opacity: float | None = None

    def svg_attrs(self) -> list[tuple[str, str]]:
        out = []
        if self.fill is not None:
            out.append(("fill", self.fill))
        if self.stroke is not None:
            out.append(("stroke", self.stroke))
        if self.stroke_width is not None:
            out.append(("stroke-width", fmt(self.stroke_width)))
        if self.dash is not None:
            out.append(("stroke-dasharray", self.dash))
        if self.opacity is not None:
            out.append(("opacity", fmt(self.opacity)))
        return out


@dataclass(frozen=True)
class Meta:
    """Non-visual attributes: a CSS class, ``data-*`` fields and a hover title."""

    css: str | None = None
    data: tuple[tuple[str, str], ...] = ()
    title: str | None = None

    def svg_attrs(self) -> list[tuple[str, str]]:
        out = [("class", self.css)] if self.css else []
        return out + [(f"data-{k}", v) for k, v in self.data]


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    fill: str | None = None
    stroke: str | None = None
    stroke_width: float | None = None
    rx: float = 0.0
    dash: str | None = None
    opacity: float | None = None
    meta: Meta = Meta()

    def moved(self, dx: float, dy: float) -> Rect:
        return replace(self, x=self.x + dx, y=self.y + dy)


@dataclass(frozen=True)
class Circle:
    cx: float
    cy: float
    r: float
    fill: str | None = None
    stroke: str | None = None
    stroke_width: float | None = None
    dash: str | None = None
    opacity: float | None = None
    meta: Meta = Meta()

    def moved(self, dx: float, dy: float) -> Circle:
        return replace(self, cx=self.cx + dx, cy=self.cy + dy)


@dataclass(frozen=True)
class Path:
    """A path of ``("M", x, y)``, ``("L", x, y)``, ``("Q", cx, cy, x, y)`` and ``("Z",)``."""

    commands: tuple[tuple[Any, ...], ...]
    fill: str | None = "none"
    stroke: str | None = "#000000"
    stroke_width: float | None = 1.0
    dash: str | None = None
    opacity: float | None = None
    linecap: str | None = None
    meta: Meta = Meta()

    def moved(self, dx: float, dy: float) -> Path:
        cmds = []
        for c in self.commands:
            xs = [v + (dx if i % 2 == 0 else dy) for i, v in enumerate(c[1:])]
            cmds.append((c[0], *xs))
        return replace(self, commands=tuple(cmds))

    def d(self) -> str:
        return " ".join(c[0] + " ".join(fmt(v) for v in c[1:]) for c in self.commands)


@dataclass(frozen=True)
class Text:
    """A line of text; ``parts`` are ``(text, shift)`` runs, shift ``"sub"``/``"sup"``/``""``.

    ``anchor`` is ``"start"``, ``"middle"`` or ``"end"``; ``baseline`` ``"alphabetic"`` or
    ``"central"`` (vertically centred on ``y``).
    """

    x: float
    y: float
    parts: tuple[tuple[str, str], ...]
    size: float = 12.0
    fill: str = "#000000"
    anchor: str = "start"
    baseline: str = "alphabetic"
    weight: str | None = None
    meta: Meta = Meta()

    @property
    def plain(self) -> str:
        return "".join(t for t, _ in self.parts)

    def moved(self, dx: float, dy: float) -> Text:
        return replace(self, x=self.x + dx, y=self.y + dy)


Shape = Rect | Circle | Path | Text


@dataclass
class Group:
    """Shapes that belong together (one diagram, one node, one edge): an SVG ``<g>``."""

    meta: Meta = Meta()
    items: list[Shape | Group] = field(default_factory=list)

    def add(self, item: Shape | Group) -> None:
        self.items.append(item)

    def moved(self, dx: float, dy: float) -> Group:
        return Group(self.meta, [it.moved(dx, dy) for it in self.items])

    def shapes(self) -> Iterator[Shape]:
        for it in self.items:
            if isinstance(it, Group):
                yield from it.shapes()
            else:
                yield it


def text(x: float, y: float, content: str | Sequence[tuple[str, str]], **kwargs: Any) -> Text:
    """A :class:`Text` from a plain string or from ``(text, shift)`` runs."""
    parts = ((content, ""),) if isinstance(content, str) else tuple(content)
    return Text(x, y, parts, **kwargs)


class Scene(Group):
    """A picture of ``width`` × ``height`` pixels with a white (or ``background``) ground."""

    def __init__(
        self,
        width: float,
        height: float,
        meta: Meta = Meta(),
        background: str | None = "#ffffff",
        description: str | None = None,
    ) -> None:
        super().__init__(meta, [])
        self.width = width
        self.height = height
        self.background = background
        self.description = description

    # ------------------------------------------------------------------------------------ SVG
    def to_svg(self) -> str:
        """The scene as a standalone SVG document (same scene, same bytes)."""
        w, h = fmt(self.width), fmt(self.height)
        head = [("xmlns", SVG_NS), ("width", w), ("height", h), ("viewBox", f"0 0 {w} {h}")]
        head += [("font-family", FONT_FAMILY)] + self.meta.svg_attrs()
        lines = [f"<svg {_attrs(head)}>"]
        if self.description:
            lines.append(f"<desc>{escape(self.description)}</desc>")
        if self.background:
            lines.append(_element("rect", [("width", w), ("height", h)], self.background))
        for item in self.items:
            _write(item, lines)
        lines.append("</svg>")
        return "\n".join(lines) + "\n"

    # ------------------------------------------------------------------------------------ PNG
    def to_png(self, dpi: float = 96.0) -> bytes:
        """The scene drawn with matplotlib (Agg) as PNG bytes, 1 px of the scene = 1/96 inch.

        Fonts and antialiasing are matplotlib's; the SVG is the reference rendering.
        """
        from matplotlib.figure import Figure

        scale = dpi / 72.0  # matplotlib sizes are in points
        px = dpi / 96.0
        fig = Figure(figsize=(self.width / 96.0, self.height / 96.0), dpi=dpi)
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_xlim(0, self.width)
        ax.set_ylim(self.height, 0)
        ax.set_axis_off()
        if self.background:
            fig.patch.set_facecolor(self.background)
        for shape in self.shapes():
            _draw_mpl(ax, shape, px / scale)
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=dpi, metadata={"Software": None})
        return buf.getvalue()


def _attrs(pairs: Sequence[tuple[str, str]]) -> str:
    return " ".join(f"{k}={quoteattr(v)}" for k, v in pairs)


def _element(tag: str, pairs: list[tuple[str, str]], fill: str | None = None) -> str:
    if fill is not None:
        pairs = [*pairs, ("fill", fill)]
    return f"<{tag} {_attrs(pairs)}/>"


def _with_title(tag: str, pairs: list[tuple[str, str]], title: str | None) -> str:
    if title is None:
        return f"<{tag} {_attrs(pairs)}/>"
    return f"<{tag} {_attrs(pairs)}><title>{escape(title)}</title></{tag}>"


def _style(shape: Any) -> Style:
    return Style(shape.fill, shape.stroke, shape.stroke_width, shape.dash, shape.opacity)


def _write(item: Shape | Group, lines: list[str]) -> None:
    if isinstance(item, Group):
        lines.append(f"<g {_attrs(item.meta.svg_attrs())}>" if item.meta.svg_attrs() else "<g>")
        if item.meta.title:
            lines.append(f"<title>{escape(item.meta.title)}</title>")
        for sub in item.items:
            _write(sub, lines)
        lines.append("</g>")
    elif isinstance(item, Rect):
        pairs = [("x", fmt(item.x)), ("y", fmt(item.y))]
        pairs += [("width", fmt(item.w)), ("height", fmt(item.h))]
        if item.rx:
            pairs.append(("rx", fmt(item.rx)))
        pairs += _style(item).svg_attrs() + item.meta.svg_attrs()
        lines.append(_with_title("rect", pairs, item.meta.title))
    elif isinstance(item, Circle):
        pairs = [("cx", fmt(item.cx)), ("cy", fmt(item.cy)), ("r", fmt(item.r))]
        pairs += _style(item).svg_attrs() + item.meta.svg_attrs()
        lines.append(_with_title("circle", pairs, item.meta.title))
    elif isinstance(item, Path):
        pairs = [("d", item.d())] + _style(item).svg_attrs()
        if item.linecap:
            pairs.append(("stroke-linecap", item.linecap))
        pairs += item.meta.svg_attrs()
        lines.append(_with_title("path", pairs, item.meta.title))
    else:
        lines.append(_text_svg(item))


_RISE = {"": 0.0, "sub": 0.3, "sup": -0.45}  # baseline offset of a run, in em (down positive)


def _text_svg(t: Text) -> str:
    pairs = [("x", fmt(t.x)), ("y", fmt(t.y)), ("font-size", fmt(t.size))]
    if t.anchor != "start":
        pairs.append(("text-anchor", t.anchor))
    if t.baseline != "alphabetic":
        pairs.append(("dominant-baseline", t.baseline))
    if t.weight:
        pairs.append(("font-weight", t.weight))
    pairs += [("fill", t.fill)] + t.meta.svg_attrs()
    body = []
    level = 0.0
    for content, shift in t.parts:
        dy = _RISE[shift] - level
        level = _RISE[shift]
        if not dy and not shift:
            body.append(escape(content))
            continue
        extra = f' dy="{fmt(dy)}em"' if dy else ""
        if shift:
            extra += f' font-size="{fmt(t.size * 0.75)}"'
        body.append(f"<tspan{extra}>{escape(content)}</tspan>")
    title = f"<title>{escape(t.meta.title)}</title>" if t.meta.title else ""
    return f"<text {_attrs(pairs)}>{title}{''.join(body)}</text>"


# ----------------------------------------------------------------------------- matplotlib
def _mpl_color(value: str | None) -> Any:
    return "none" if value in (None, "none") else value


def _mpl_dash(dash: str | None) -> Any:
    if not dash:
        return "solid"
    nums = tuple(float(v) for v in dash.replace(",", " ").split())
    return (0, nums)


def _draw_mpl(ax: Any, shape: Shape, pt: float) -> None:
    """Draw one primitive; ``pt`` converts scene pixels to points (line widths, font sizes)."""
    from matplotlib import patches
    from matplotlib.path import Path as MplPath

    if isinstance(shape, Text):
        ha = {"start": "left", "middle": "center", "end": "right"}[shape.anchor]
        va = "center" if shape.baseline == "central" else "baseline"
        label = "".join(
            (f"$_{{\\mathrm{{{c}}}}}$" if s == "sub" else f"$^{{\\mathrm{{{c}}}}}$")
            if s
            else c.replace("$", r"\$")
            for c, s in shape.parts
        )
        ax.text(
            shape.x,
            shape.y,
            label,
            ha=ha,
            va=va,
            fontsize=shape.size * pt,
            color=shape.fill,
            fontweight=shape.weight or "normal",
        )
        return
    style = _style(shape)
    common = dict(
        facecolor=_mpl_color(style.fill),
        edgecolor=_mpl_color(style.stroke),
        linewidth=(style.stroke_width or 0) * pt if style.stroke else 0,
        linestyle=_mpl_dash(style.dash),
        alpha=style.opacity,
    )
    if isinstance(shape, Rect):
        patch = patches.FancyBboxPatch(
            (shape.x, shape.y),
            shape.w,
            shape.h,
            boxstyle=f"round,pad=0,rounding_size={shape.rx}" if shape.rx else "square,pad=0",
            **common,
        )
    elif isinstance(shape, Circle):
        patch = patches.Circle((shape.cx, shape.cy), shape.r, **common)
    else:
        verts: list[tuple[float, float]] = []
        codes: list[int] = []
        for c in shape.commands:
            if c[0] == "M":
                verts.append((c[1], c[2]))
                codes.append(MplPath.MOVETO)
            elif c[0] == "L":
                verts.append((c[1], c[2]))
                codes.append(MplPath.LINETO)
            elif c[0] == "Q":
                verts += [(c[1], c[2]), (c[3], c[4])]
                codes += [MplPath.CURVE3, MplPath.CURVE3]
            else:
                verts.append(verts[0] if verts else (0.0, 0.0))
                codes.append(MplPath.CLOSEPOLY)
        cap = {"round": "round", "square": "projecting"}.get(shape.linecap or "", "butt")
        patch = patches.PathPatch(MplPath(verts, codes), capstyle=cap, **common)
    ax.add_patch(patch)
