// A Pareto polygon (one entry of /v1/pareto's "polygons") drawn as in the paper's Fig. 2 and
// as diagrams.drawing.pareto draws it on the server: Pareto terms as black points in the
// (s_D, n) plane, the hull in red, the vertex letters in blue, the order in a box. The face of
// a chosen regime, when given, is underlaid in orange.

const SVG_NS = "http://www.w3.org/2000/svg";
const W = 220, H = 200, LEFT = 46, TOP = 14, RIGHT = 16, BOTTOM = 42;

function el(name, attrs = {}, text) {
  const node = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

function ticks(lo, hi) {
  const span = hi - lo;
  const step = span <= 10 ? 1 : span <= 20 ? 2 : span <= 50 ? 5 : 10;
  const out = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi; t += step) out.push(t);
  return out;
}

/** The SVG element of one polygon; `face` (a regime's face, optional) is highlighted. */
export function polygonSvg(polygon, face = null) {
  const pts = polygon.points.map((t) => ({ sd: t.s_D, n: t.H, q: t.p, l: t.sigma2 }));
  const xs = pts.map((p) => p.sd), ys = pts.map((p) => p.n);
  const xLo = Math.min(-1, Math.min(...xs) - 1), xHi = Math.max(...xs) + 1;
  const yLo = 0, yHi = Math.max(...ys) + 1;
  const sx = W / (xHi - xLo), sy = H / (yHi - yLo);
  const at = (x, y) => [LEFT + (x - xLo) * sx, TOP + (yHi - y) * sy];
  const width = LEFT + W + RIGHT, height = TOP + H + BOTTOM;
  const svg = el("svg", { xmlns: SVG_NS, width, height, viewBox: `0 0 ${width} ${height}`, class: "gfd-pareto", "data-s": polygon.s });
  svg.append(el("rect", { width, height, fill: "#ffffff" }));
  for (const t of ticks(xLo, xHi)) {
    const [x] = at(t, 0);
    svg.append(el("path", { d: `M${x} ${TOP}L${x} ${TOP + H}`, stroke: "#e6e6e6" }));
    svg.append(el("text", { x, y: TOP + H + 16, "font-size": 11, "text-anchor": "middle", fill: "#333" }, String(t).replace("-", "−")));
  }
  for (const t of ticks(yLo, yHi)) {
    const [, y] = at(0, t);
    svg.append(el("path", { d: `M${LEFT} ${y}L${LEFT + W} ${y}`, stroke: "#e6e6e6" }));
    svg.append(el("text", { x: LEFT - 7, y, "font-size": 11, "text-anchor": "end", "dominant-baseline": "central", fill: "#333" }, String(t)));
  }
  svg.append(el("rect", { x: LEFT, y: TOP, width: W, height: H, fill: "none", stroke: "#333" }));
  const xl = el("text", { x: LEFT + W / 2, y: TOP + H + 34, "font-size": 13, "text-anchor": "middle", fill: "#333" }, "s");
  xl.append(el("tspan", { dy: "0.3em", "font-size": 10 }, "D"));
  svg.append(xl);
  svg.append(el("text", { x: 14, y: TOP + H / 2, "font-size": 13, "text-anchor": "middle", "dominant-baseline": "central", fill: "#333", "font-style": "italic" }, "n"));

  const verts = polygon.vertices.map((v) => ({ name: v.labels && v.labels.length ? v.name : "", sd: v.term.s_D, n: v.term.H, labels: v.labels || [] }));
  const projected = polygon.dimension === 3;
  if (face && face.vertices && face.vertices.length) {
    const on = verts.filter((v) => v.labels.some((l) => face.vertices.includes(l)));
    if (on.length >= 2) {
      let d = on.map((v, i) => `${i ? "L" : "M"}${at(v.sd, v.n).join(" ")}`).join("");
      if (on.length > 2) d += "Z";
      svg.append(el("path", { d, fill: on.length > 2 ? "rgba(230,159,0,0.25)" : "none", stroke: "#E69F00", "stroke-width": 10, "stroke-linecap": "round", "stroke-linejoin": "round", opacity: 0.6, class: "regime-face" }));
    } else if (on.length === 1) {
      const [x, y] = at(on[0].sd, on[0].n);
      svg.append(el("circle", { cx: x, cy: y, r: 10, fill: "#E69F00", opacity: 0.6, class: "regime-face" }));
    }
  }
  if (verts.length >= 2 && !projected) {
    let d = verts.map((v, i) => `${i ? "L" : "M"}${at(v.sd, v.n).join(" ")}`).join("");
    if (verts.length > 2) d += "Z";
    svg.append(el("path", { d, fill: "none", stroke: "#D62728", "stroke-width": 2.2, class: "polygon" }));
  }
  for (const p of pts) {
    const [x, y] = at(p.sd, p.n);
    const c = el("circle", { cx: x, cy: y, r: 4.5, fill: "#000", class: "pareto-point", "data-s-d": p.sd, "data-n": p.n });
    c.append(el("title", {}, `p^${p.q} H^${p.n} σ^${2 * p.l}  (s_D = ${p.sd}, n = ${p.n})`));
    svg.append(c);
  }
  if (verts.length && !projected) {
    const cx = verts.reduce((a, v) => a + v.sd, 0) / verts.length;
    const cy = verts.reduce((a, v) => a + v.n, 0) / verts.length;
    for (const v of verts) {
      if (!v.name) continue;
      const dx = (v.sd - cx) * sx, dy = -(v.n - cy) * sy;
      const norm = Math.hypot(dx, dy) || 1;
      const [x, y] = at(v.sd, v.n);
      svg.append(el("text", { x: x + (13 * dx) / norm, y: y + (13 * dy) / norm, "font-size": 13, fill: "#1f4fd6", "text-anchor": "middle", "dominant-baseline": "central", class: "vertex-label" }, v.name));
    }
  }
  const box = `s = ${polygon.s}`;
  const bw = 14 + 7.5 * box.length;
  svg.append(el("rect", { x: LEFT + 8, y: TOP + 8, width: bw, height: 24, rx: 5, fill: "#f6ead2", stroke: "#8a8a8a" }));
  svg.append(el("text", { x: LEFT + 8 + bw / 2, y: TOP + 20, "font-size": 13, "text-anchor": "middle", "dominant-baseline": "central" }, box));
  return svg;
}
