// The public API as the page uses it: JSON requests, RFC 9457 problems, jobs with progress.
// Nothing here knows about the page; app.js builds the interface on top.

/** An error answer of the API: `problem` is its RFC 9457 body (or one made up for a failure
 *  that never reached the server). */
export class ApiError extends Error {
  constructor(problem, status) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.problem = problem;
    this.status = status;
  }
}

async function problemOf(response) {
  const type = response.headers.get("content-type") || "";
  if (type.includes("json")) {
    try {
      return await response.json();
    } catch (_) {
      /* fall through */
    }
  }
  const text = await response.text().catch(() => "");
  return { title: response.statusText, status: response.status, detail: text || response.statusText, errors: [] };
}

/**
 * One request. Resolves to `{status, body, job}`: `job` is set for a 202 answer (a job
 * reference), `body` otherwise (parsed JSON, or text for SVG and other media types).
 * Rejects with ApiError for every 4xx/5xx and for network failures.
 */
export async function request(method, path, body, { async = false, accept = "application/json" } = {}) {
  const headers = { Accept: `${accept}, application/problem+json` };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (async) headers.Prefer = "respond-async";
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (err) {
    throw new ApiError({ title: "Network error", detail: `the server did not answer (${err.message})`, errors: [] }, 0);
  }
  if (!response.ok) throw new ApiError(await problemOf(response), response.status);
  const type = response.headers.get("content-type") || "";
  const payload = type.includes("json") ? await response.json() : await response.text();
  if (response.status === 202) return { status: 202, job: payload };
  return { status: response.status, body: payload };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Poll GET /v1/jobs/{id} until the job ends; `onProgress(fraction, message, job)` sees every
 * state. Resolves to the final job (status "succeeded"); rejects with ApiError carrying the
 * job's problem when it failed, was cancelled or interrupted.
 */
export async function waitForJob(jobId, onProgress = () => {}, { interval = 250 } = {}) {
  for (;;) {
    const { body: job } = await request("GET", `/v1/jobs/${encodeURIComponent(jobId)}`);
    onProgress(job.progress ?? 0, job.message || job.status, job);
    if (job.status === "succeeded") return job;
    if (["failed", "cancelled", "interrupted"].includes(job.status)) {
      const problem = job.error || { title: job.status, detail: `the job was ${job.status}`, errors: [] };
      throw new ApiError(problem, problem.status || 500);
    }
    await sleep(interval);
  }
}

/** A compute request answered directly (200) or through a job (202): the body either way. */
export async function compute(method, path, body, onProgress = () => {}, options = {}) {
  const answer = await request(method, path, body, options);
  if (answer.job === undefined) return answer.body;
  const job = await waitForJob(answer.job.job_id, onProgress);
  return job.result;
}

/** `["body", "model", "nu"]` → `"model.nu"`. */
export function dotted(loc) {
  const parts = (loc || []).map(String);
  if (parts[0] === "body") parts.shift();
  return parts.join(".") || "body";
}
