"""The one code path every compute endpoint goes through.

``await compute(request, kind, params, view)`` answers

* 200 with the body when the result is stored, or when the engine's estimate is at most
  ``GFD_SYNC_SECONDS`` and the computation finishes within ``GFD_SYNC_WAIT_SECONDS``;
* 202 with ``{"job_id", "status", "links": {"self"}}`` (and ``Location``) otherwise, and always
  when the request carries ``Prefer: respond-async`` (RFC 7240);
* a problem (422) before any work starts when the estimate exceeds the budget.

Response headers: ``X-Request-Hash`` (the content address of the computation) and
``X-Cache: hit`` (stored result) / ``miss`` (computed now) / ``joined`` (an identical request
was already computing). ``Cache-Control: no-cache`` on the request recomputes a stored result.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import Header, Request
from fastapi.responses import JSONResponse, Response

from service.jobs import JobManager, Submission
from service.problems import PROBLEM_MEDIA_TYPE, ProblemError, problem_dict, problem_responses
from service.schemas import JobAccepted
from service.tasks import Rendered, TaskKind

JSON_MEDIA_TYPE = "application/json"


def compute_headers(
    prefer: str | None = Header(
        None,
        description="`respond-async` (RFC 7240): always answer 202 with a job reference",
        examples=["respond-async"],
    ),
    cache_control: str | None = Header(
        None, description="`no-cache`: recompute even if the result is stored"
    ),
) -> None:
    """Documents the request headers of compute endpoints (read by :func:`compute`)."""


def compute_responses(
    extra_200: dict[str, Any] | None = None,
) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` of a compute endpoint (200 comes from ``response_model``)."""
    responses: dict[int | str, dict[str, Any]] = {
        202: {
            "model": JobAccepted,
            "description": "Accepted: the work continues as a job; poll `links.self`",
            "headers": {
                "Location": {"description": "URL of the job", "schema": {"type": "string"}}
            },
            "links": {
                name: {
                    "operationId": operation,
                    "parameters": {"job_id": "$response.body#/job_id"},
                    "description": description,
                }
                for name, operation, description in (
                    ("GetJob", "get_job", "Poll the job's status, progress and result"),
                    ("CancelJob", "cancel_job", "Cancel the job"),
                )
            },
        },
        **problem_responses(400, 409, 413, 422, 500, 503),
    }
    if extra_200:
        responses[200] = extra_200
    return responses


def prefers_async(request: Request) -> bool:
    """True when a ``Prefer`` header holds the ``respond-async`` preference (RFC 7240 §4.1)."""
    for header in request.headers.getlist("prefer"):
        for preference in header.split(","):
            token = preference.split(";", 1)[0].split("=", 1)[0].strip().lower()
            if token == "respond-async":
                return True
    return False


def bypasses_store(request: Request) -> bool:
    """True for ``Cache-Control: no-cache`` (or ``no-store``) on the request."""
    value = request.headers.get("cache-control", "").lower()
    return any(d.strip() in ("no-cache", "no-store") for d in value.split(","))


def job_url(job_id: str) -> str:
    return f"/v1/jobs/{job_id}"


CACHE_HEADER = {"store": "hit", "computed": "miss", "joined": "joined"}
"""``X-Cache`` for each :attr:`Submission.source`."""


def accepted(job_id: str, status: str, preference_applied: bool, sub: Submission) -> JSONResponse:
    """202 for a job (new or joined), with the same ``X-Request-Hash`` / ``X-Cache`` headers a
    200 carries."""
    headers = {
        "Location": job_url(job_id),
        "Retry-After": "1",
        "X-Request-Hash": sub.request_hash,
        "X-Cache": CACHE_HEADER[sub.source],
    }
    if preference_applied:
        headers["Preference-Applied"] = "respond-async"
    body = {"job_id": job_id, "status": status, "links": {"self": job_url(job_id)}}
    return JSONResponse(body, status_code=202, headers=headers)


def render(kind: TaskKind, manager: JobManager, request_hash: str, view: dict[str, Any]) -> Any:
    """The endpoint body for a stored result: JSON data, or :class:`Rendered` text."""
    if kind.view is None:
        return manager.load_result(request_hash)
    return kind.view(manager.load_result(request_hash), view)


def result_response(
    kind: TaskKind, manager: JobManager, sub: Submission, view: dict[str, Any], cache: str
) -> Response:
    headers = {"X-Request-Hash": sub.request_hash, "X-Cache": cache}
    if kind.view is None:  # the stored bytes are the body: no parsing on the hot path
        body = manager.load_result_bytes(sub.request_hash)
        if body is None:  # pragma: no cover - results are never deleted while serving
            raise ProblemError(500, "result-missing", "the stored result vanished", None)
        return Response(body, media_type=JSON_MEDIA_TYPE, headers=headers)
    rendered = render(kind, manager, sub.request_hash, view)
    if isinstance(rendered, Rendered):
        return Response(rendered.content, media_type=rendered.media_type, headers=headers)
    return JSONResponse(rendered, headers=headers)


async def compute(
    request: Request, kind: TaskKind, params: dict[str, Any], view: dict[str, Any] | None = None
) -> Response:
    """Serve, join or schedule the computation ``kind(params)``; see the module docstring."""
    manager: JobManager = request.app.state.jobs
    settings = request.app.state.settings
    view = view or {}
    want_async = prefers_async(request)
    use_store = not bypasses_store(request)
    sub = await manager.submit(kind, params, view, want_job=want_async, use_store=use_store)
    if sub.job_id is None:
        return result_response(kind, manager, sub, view, "hit")
    cache = CACHE_HEADER[sub.source]
    if want_async or (sub.estimate is not None and sub.estimate.seconds > settings.sync_seconds):
        record = manager.get_job(sub.job_id)
        return accepted(sub.job_id, record.status if record else "queued", want_async, sub)
    status = await manager.wait(sub.job_id, settings.sync_wait_seconds)
    if status == "succeeded":
        return result_response(kind, manager, sub, view, cache)
    if status in (None, "queued", "running"):
        return accepted(sub.job_id, status or "running", False, sub)
    record = manager.get_job(sub.job_id)
    if record is not None and record.error is not None:
        return Response(
            json.dumps({**record.error, "instance": request.url.path}),
            status_code=record.error["status"],
            media_type=PROBLEM_MEDIA_TYPE,
        )
    body = problem_dict(
        409 if status == "cancelled" else 503,
        f"job-{status}",
        f"job_id: the computation was {status} before it finished (job {sub.job_id})",
        "job_id",
        instance=request.url.path,
        job_id=sub.job_id,
    )
    return Response(json.dumps(body), status_code=body["status"], media_type=PROBLEM_MEDIA_TYPE)


def succeeded_job_result(request: Request, job_id: str, kinds: tuple[str, ...] = ()) -> Any:
    """The stored (parsed) result of a succeeded job, for routes that re-present it.

    Raises problems naming ``job_id``: 404 for an unknown job (or one of another kind when
    ``kinds`` is given), 409 while it has not succeeded. E.g. ``GET /v1/jobs/{id}/plot.svg``.
    """
    manager: JobManager = request.app.state.jobs
    record = manager.get_job(job_id)
    if record is None or (kinds and record.kind not in kinds):
        raise ProblemError(404, "unknown-job", f"job_id: no such job {job_id!r}", "job_id")
    if record.status != "succeeded":
        raise ProblemError(
            409,
            "job-not-succeeded",
            f"job_id: job {job_id} is {record.status}, it has no result",
            "job_id",
            job_status=record.status,
        )
    return manager.load_result(record.request_hash)
