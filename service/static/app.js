// The explorer page: forms → public API calls → tables, SVG sheets, polygons, progress, plots.
import { ApiError, compute, dotted, request, waitForJob } from "/static/api.js";
import { polygonSvg } from "/static/polygon.js";

const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));
const modelForm = $("#model-form");

// ------------------------------------------------------------------------------ helpers
function tex(element, source, display = false) {
  if (window.katex) {
    window.katex.render(source, element, { throwOnError: false, displayMode: display });
  } else {
    element.textContent = source;
  }
}

function renderStaticTex() {
  for (const e of $$(".tex[data-tex]")) tex(e, e.dataset.tex);
}

/** A form value as JSON: integers and decimals as numbers, fractions and anything else as
 *  typed (the server checks it and names the field), empty as null. */
function value(input) {
  const v = input.value.trim();
  if (v === "") return null;
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(v)) return Number(v);
  return v;
}

function field(form, name) {
  return form.elements.namedItem(name);
}

function model() {
  return {
    nu: value(field(modelForm, "model.nu")),
    symmetry: field(modelForm, "model.symmetry").value,
    target: field(modelForm, "model.target").value,
  };
}

function clearErrors(form) {
  for (const f of [form, modelForm]) {
    for (const e of $$(".field-error", f)) e.textContent = "";
    for (const e of $$(".invalid", f)) {
      e.classList.remove("invalid");
      e.removeAttribute("aria-invalid");
    }
  }
  $(".form-error", form).textContent = "";
}

function errorSlot(form, name) {
  const sel = `[data-error-for="${CSS.escape(name)}"]`;
  return $(sel, form) || $(sel, modelForm);
}

/** Show an RFC 9457 problem: each `errors[].msg` next to the field its `loc` names (the
 *  longest prefix of the dotted path that the page has), the rest under the form. */
function showProblem(form, err) {
  const problem = err instanceof ApiError ? err.problem : { detail: String(err), errors: [] };
  let items = Array.isArray(problem.errors) ? problem.errors : [];
  if (!items.length && problem.field) items = [{ loc: problem.field.split("."), msg: problem.detail }];
  let unplaced = items.length === 0;
  for (const item of items) {
    const parts = dotted(item.loc).split(".");
    let placed = false;
    while (parts.length && !placed) {
      const name = parts.join(".");
      const slot = errorSlot(form, name);
      if (slot) {
        slot.textContent = item.msg || problem.detail;
        const input = field(form, name) || field(modelForm, name);
        if (input && input.classList) {
          input.classList.add("invalid");
          input.setAttribute("aria-invalid", "true");
        }
        placed = true;
      }
      parts.pop();
    }
    unplaced = unplaced || !placed;
  }
  if (unplaced) {
    const status = problem.status ? `${problem.status} ${problem.title || ""}: ` : "";
    $(".form-error", form).textContent = `${status}${problem.detail || "request failed"}`;
  }
}

function status(id, text) {
  $(id).textContent = text;
}

function busy(button, on) {
  button.disabled = on;
  button.classList.toggle("busy", on);
}

// ------------------------------------------------------------------------------- series
async function computeSeries(event) {
  event?.preventDefault();
  const button = $("#compute-series");
  clearErrors(modelForm);
  showAlternatives(null);
  busy(button, true);
  status("#series-status", "computing…");
  const body = { model: model(), s_max: value(field(modelForm, "s_max")), mode: field(modelForm, "mode").value };
  for (const name of ["s_r_max", "s_d_max"]) {  // optional level bounds (leading mode)
    const bound = value(field(modelForm, name));
    if (bound !== null) body[name] = bound;
  }
  try {
    const result = await compute("POST", "/v1/series", body, (f, m) =>
      status("#series-status", `${Math.round(100 * f)}% ${m || ""}`));
    showSeries(result);
    status("#series-status", `Y₀ … Y${subscript(result.s_max)} computed`);
    loadDiagrams(0);
    loadPareto();
  } catch (err) {
    status("#series-status", "");
    showProblem(modelForm, err);
    if (err instanceof ApiError) showAlternatives(err.problem.alternatives);
  } finally {
    busy(button, false);
  }
}

/** A budget refusal's `alternatives` (nearby requests the server's estimates put within its
 *  budget) as buttons that change those fields and compute again. */
function showAlternatives(alternatives) {
  const box = $("#series-alternatives");
  box.replaceChildren();
  box.hidden = !Array.isArray(alternatives) || !alternatives.length;
  if (box.hidden) return;
  box.append("Within the budget: ");
  for (const alt of alternatives) {
    const changes = Object.entries(alt).filter(([k]) => k !== "seconds");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "alternative";
    button.textContent = `${changes.map(([k, v]) => `${k} = ${v}`).join(", ")} (~${Number(alt.seconds).toPrecision(2)} s)`;
    button.addEventListener("click", () => {
      for (const [k, v] of changes) field(modelForm, k).value = String(v);
      if (field(modelForm, "mode").value !== "leading") {  // level bounds are leading-only
        for (const name of ["s_r_max", "s_d_max"]) field(modelForm, name).value = "";
      }
      computeSeries();
    });
    box.append(button, " ");
  }
}

function levelsNote(result) {
  const parts = [];
  if (result.s_r_max != null) parts.push(`s_R ≤ ${result.s_r_max}`);
  if (result.s_d_max != null) parts.push(`s_D ≤ ${result.s_d_max}`);
  return parts.length ? ` with ${parts.join(", ")}` : "";
}

function subscript(n) {
  return String(n).replace(/\d/g, (d) => "₀₁₂₃₄₅₆₇₈₉"[d]);
}

function showSeries(result) {
  const table = $("#series-table");
  const tbody = $("tbody", table);
  tbody.replaceChildren();
  const row = (label, latex, cls) => {
    const tr = document.createElement("tr");
    if (cls) tr.className = cls;
    const th = document.createElement("th");
    tex(th, label);
    const td = document.createElement("td");
    td.className = "coefficient";
    td.dataset.latex = latex;
    tex(td, latex);
    tr.append(th, td);
    tbody.append(tr);
  };
  row("\\tfrac12\\|F\\|^2", result.offset_latex ?? "0", "offset");
  for (const c of result.coefficients) row(`Y_{${c.s}}`, c.latex, "order");
  table.hidden = false;
  const m = result.model;
  $("#series-hint").textContent = `${m.symmetry.toUpperCase()}, ν = ${m.nu}, ${m.target} target, ${result.mode} terms${levelsNote(result)} (exact rational coefficients).`;
}

// ----------------------------------------------------------------------------- diagrams
const sheet = { offset: 0, total: null };

async function loadDiagrams(offset = 0, event) {
  event?.preventDefault();
  const form = $("#diagrams-form");
  clearErrors(form);
  const limit = value(field(form, "limit"));
  const body = { model: model(), s: value(field(form, "s")), format: "svg", offset, limit };
  status("#diagrams-status", "drawing…");
  busy($("#show-diagrams"), true);
  try {
    const text = await compute("POST", "/v1/diagrams", body, (f) =>
      status("#diagrams-status", `enumerating… ${Math.round(100 * f)}%`), { accept: "image/svg+xml" });
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    if (doc.querySelector("parsererror")) throw new Error("the server's SVG could not be read");
    const svg = document.importNode(doc.documentElement, true);
    $("#diagram-sheet").replaceChildren(svg);
    const total = Number(svg.dataset.total ?? NaN);
    const count = Number(svg.dataset.count ?? 0);
    sheet.offset = offset;
    sheet.total = Number.isFinite(total) ? total : null;
    const last = offset + count;
    status("#diagrams-status", count
      ? `classes ${offset + 1}–${last}${sheet.total !== null ? ` of ${sheet.total}` : ""}`
      : "no classes on this page");
    $("#prev-page").disabled = offset <= 0;
    $("#next-page").disabled = sheet.total === null || last >= sheet.total;
  } catch (err) {
    status("#diagrams-status", "");
    showProblem(form, err);
  } finally {
    busy($("#show-diagrams"), false);
  }
}

function pageStep(direction) {
  const limit = value(field($("#diagrams-form"), "limit")) || 12;
  loadDiagrams(Math.max(0, sheet.offset + direction * limit));
}

// ------------------------------------------------------------------------ pareto, regime
function notAvailable(container, what, err) {
  const p = document.createElement("p");
  p.className = "unavailable";
  p.dataset.endpoint = what;
  p.textContent = `${what} is not available on this server (${err.status} ${err.problem.title || "Not Found"}).`;
  container.replaceChildren(p);
}

async function loadPareto(event) {
  event?.preventDefault();
  const form = $("#pareto-form");
  clearErrors(form);
  const s = value(field(form, "s"));
  const plot = $("#pareto-plot");
  const out = $("#regime-out");
  status("#pareto-status", "computing…");
  let polygon = null;
  try {
    const body = await compute("POST", "/v1/pareto", { model: model(), s_min: s, s_max: s });
    polygon = (body.polygons || []).find((p) => p.s === s) || (body.polygons || [])[0] || null;
    plot.replaceChildren(polygon ? polygonSvg(polygon) : document.createTextNode("no polygon"));
    if (body.note) plot.append(Object.assign(document.createElement("p"), { className: "note", textContent: body.note }));
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 405)) notAvailable(plot, "POST /v1/pareto", err);
    else {
      plot.replaceChildren();
      showProblem(form, err);
    }
  }
  try {
    const scaling = {
      alpha_p: value(field(form, "scaling.alpha_p")),
      alpha_H: value(field(form, "scaling.alpha_H")),
      alpha_sigma: value(field(form, "scaling.alpha_sigma")),
    };
    const regime = await compute("POST", "/v1/regimes", { model: model(), scaling });
    showRegime(out, regime);
    if (polygon) plot.replaceChildren(polygonSvg(polygon, regime), ...$$(".note", plot));
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 405)) notAvailable(out, "POST /v1/regimes", err);
    else {
      out.replaceChildren();
      showProblem(form, err);
    }
  }
  status("#pareto-status", "");
}

function texOf(value) {
  if (value == null) return null;
  if (typeof value === "string") return value;
  return value.latex || value.text || null;
}

function termTex(t) {
  const pow = (b, e) => (e === 0 ? "" : e === 1 ? b : `${b}^{${e}}`);
  const sig = t.sigma !== undefined ? t.sigma : 2 * (t.sigma2 ?? 0);
  return [pow("p", t.p), pow("H", t.H), pow("\\sigma", sig)].filter(Boolean).join(" ") || "1";
}

function showRegime(container, regime) {
  const dl = document.createElement("dl");
  dl.className = "regime";
  const add = (label, content, asTex = false) => {
    if (content == null || content === "" || (Array.isArray(content) && !content.length)) return;
    const dt = document.createElement("dt");
    dt.textContent = label;
    const dd = document.createElement("dd");
    if (asTex) tex(dd, content);
    else dd.textContent = content;
    dl.append(dt, dd);
  };
  add("face", regime.face ? `${regime.face} (highlighted)` : null);
  add("vertices", (regime.vertices || []).join(", "));
  add("parameterisation", regime.parameterisation);
  add("learning", regime.learning);
  add("interpretation", regime.interpretation ?? "—");
  const conditions = (regime.scaling_condition || []).map((c) => c.latex).filter(Boolean);
  if (conditions.length) add("scaling condition", conditions.join(",\\quad "), true);
  else add("scaling condition", regime.scaling_condition_text);
  add("natural T", texOf(regime.natural_T), true);
  // leading Pareto terms per order: [{s, face, terms: [{p, H, sigma2}]}] (or plain terms)
  const orders = regime.leading_terms || [];
  const chosen = value(field($("#pareto-form"), "s"));
  const shown = orders.filter((e) => e && e.s === chosen);
  for (const entry of shown.length ? shown : orders.slice(-1)) {
    if (entry && Array.isArray(entry.terms)) {
      add(`leading, s = ${entry.s}${entry.face ? ` (${entry.face})` : ""}`, entry.terms.map(termTex).join(",\\ "), true);
    } else if (entry) {
      add("leading term", termTex(entry), true);
    }
  }
  container.replaceChildren(dl);
}

// --------------------------------------------------------------------------- validation
let validationJob = null;

function setProgress(fraction, message) {
  const f = Math.max(0, Math.min(1, Number(fraction) || 0));
  $("#validation-progress").value = f;
  // floor: "100%" only once the job says it is complete
  $("#validation-percent").textContent = `${Math.floor(100 * f + 1e-9)}%`;
  if (message !== undefined) status("#validation-status", message);
}

async function runValidation(event) {
  event?.preventDefault();
  const form = $("#validation-form");
  clearErrors(form);
  const f = (name) => value(field(form, name));
  const body = {
    model: model(),
    params: { p: f("params.p"), H: f("params.H"), sigma2: f("params.sigma2"), T: f("params.T") },
    t_max: f("t_max"),
    n_steps: f("n_steps"),
    seeds: f("seeds"),
    integrator: field(form, "integrator").value,
  };
  const run = $("#run-validation");
  busy(run, true);
  setProgress(0, "submitting…");
  $("#validation-metrics").replaceChildren();
  $("#validation-plot").replaceChildren();
  try {
    const answer = await request("POST", "/v1/validations", body, { async: true });
    let job;
    if (answer.job) {
      validationJob = answer.job.job_id;
      $("#cancel-validation").disabled = false;
      job = await waitForJob(validationJob, (p, m, j) => setProgress(p, `${j.status}: ${m || ""}`));
    } else {
      job = { job_id: null, result: answer.body, progress: 1 };
    }
    setProgress(1, "succeeded");
    showMetrics(job.result);
    if (job.job_id) await showPlot(job.job_id);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404 && /validations/.test(err.problem.instance || "/v1/validations")) {
      notAvailable($("#validation-metrics"), "POST /v1/validations", err);
      setProgress(0, "");
    } else {
      const refused = err instanceof ApiError && err.status >= 400 && err.status < 500 && !validationJob;
      setProgress($("#validation-progress").value, refused ? "request refused" : "failed");
      showProblem(form, err);
    }
  } finally {
    busy(run, false);
    $("#cancel-validation").disabled = true;
    validationJob = null;
  }
}

async function cancelValidation() {
  if (!validationJob) return;
  try {
    await request("DELETE", `/v1/jobs/${encodeURIComponent(validationJob)}`);
  } catch (err) {
    showProblem($("#validation-form"), err);
  }
}

const fmtNumber = (v) =>
  typeof v !== "number" ? String(v) : Number.isInteger(v) ? String(v) : v.toPrecision(3);

/** The run's metrics: one row per theory (series, closed form) with its error measures, then
 *  the scalar facts of the run. */
function showMetrics(result) {
  const box = $("#validation-metrics");
  if (!result) return;
  const parts = [];
  const theories = Object.entries(result.metrics || {}).filter(([, v]) => v && typeof v === "object");
  if (theories.length) {
    const columns = [...new Set(theories.flatMap(([, v]) => Object.keys(v)))];
    const table = document.createElement("table");
    table.className = "metrics theories";
    const head = document.createElement("tr");
    for (const c of ["theory", ...columns]) {
      const th = document.createElement("th");
      th.textContent = c.replaceAll("_", " ");
      head.append(th);
    }
    table.append(head);
    for (const [name, v] of theories) {
      const tr = document.createElement("tr");
      tr.dataset.theory = name;
      const th = document.createElement("th");
      th.textContent = name.replaceAll("_", " ");
      tr.append(th);
      for (const c of columns) {
        const td = document.createElement("td");
        const x = v[c];
        td.textContent = x == null ? "—" : Array.isArray(x) ? x.map(fmtNumber).join(" – ") : fmtNumber(x);
        tr.append(td);
      }
      table.append(tr);
    }
    parts.push(table);
  }
  const facts = document.createElement("table");
  facts.className = "metrics";
  const add = (k, v) => {
    if (v == null || typeof v === "object") return;
    const tr = document.createElement("tr");
    const th = document.createElement("th");
    th.textContent = k;
    const td = document.createElement("td");
    td.textContent = fmtNumber(v);
    tr.append(th, td);
    facts.append(tr);
  };
  for (const [k, v] of Object.entries(result.metrics || {})) add(k.replaceAll("_", " "), v);
  add("diverged fraction", result.diverged_fraction);
  add("backend", result.backend);
  add("device", result.device);
  add("kernel", result.kernel);
  parts.push(facts);
  box.replaceChildren(...parts);
}

async function showPlot(jobId) {
  const box = $("#validation-plot");
  try {
    const { body: svgText } = await request("GET", `/v1/jobs/${encodeURIComponent(jobId)}/plot.svg`, undefined, { accept: "image/svg+xml" });
    const img = new Image();
    img.alt = "loss curves: simulated mean with its band against the theory";
    img.className = "loss-plot";
    img.src = URL.createObjectURL(new Blob([svgText], { type: "image/svg+xml" }));
    box.replaceChildren(img);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) notAvailable(box, `GET /v1/jobs/{id}/plot.svg`, err);
    else showProblem($("#validation-form"), err);
  }
}

// -------------------------------------------------------------------------------- start
async function serverInfo() {
  try {
    const { body } = await request("GET", "/v1/info");
    const backends = (body.backends || body.array_backends || []).map((b) => (typeof b === "string" ? b : b.name)).join(", ");
    $("#server-info").textContent = `gfdiagrams ${body.version ?? ""}${backends ? ` · backends: ${backends}` : ""}`;
  } catch (_) {
    $("#server-info").textContent = "server info unavailable";
  }
}

renderStaticTex();
modelForm.addEventListener("submit", computeSeries);
$("#diagrams-form").addEventListener("submit", (e) => loadDiagrams(0, e));
$("#prev-page").addEventListener("click", () => pageStep(-1));
$("#next-page").addEventListener("click", () => pageStep(1));
$("#pareto-form").addEventListener("submit", loadPareto);
$("#validation-form").addEventListener("submit", runValidation);
$("#cancel-validation").addEventListener("click", cancelValidation);
// an edited field loses its error message
for (const form of $$("form")) {
  form.addEventListener("input", (event) => {
    const name = event.target.name;
    if (!name) return;
    for (const slot of $$(`[data-error-for="${CSS.escape(name)}"]`)) slot.textContent = "";
    event.target.classList.remove("invalid");
    event.target.removeAttribute("aria-invalid");
  });
}
serverInfo();
document.body.dataset.ready = "true";
