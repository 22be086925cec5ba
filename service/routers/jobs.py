"""``/v1/jobs``: status, progress, result and cancellation of computations."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request

from service.compute import job_url, render
from service.jobs import JobManager
from service.problems import ProblemError, problem_responses
from service.schemas import JobList, JobState, JobStatus
from service.storage import JobRecord
from service.tasks import Rendered, get_kind

router = APIRouter(tags=["jobs"])

JobId = Annotated[str, Path(description="id returned by a 202 answer", max_length=64)]


def _manager(request: Request) -> JobManager:
    return request.app.state.jobs


def _not_found(job_id: str) -> ProblemError:
    return ProblemError(404, "unknown-job", f"job_id: no job with id {job_id!r}", "job_id")


def _result(manager: JobManager, record: JobRecord) -> Any:
    if record.status != "succeeded":
        return None
    try:
        kind = get_kind(record.kind)
        rendered = render(kind, manager, record.request_hash, record.view)
    except KeyError:  # pragma: no cover - result of an unknown kind
        return None
    return rendered.content if isinstance(rendered, Rendered) else rendered


def job_status(manager: JobManager, record: JobRecord) -> dict[str, Any]:
    request_body = {**record.params, **record.view}
    return {
        "job_id": record.job_id,
        "kind": record.kind,
        "status": record.status,
        "progress": record.progress,
        "message": record.message,
        "created_at": record.created_at,
        "started_at": record.started_at,
        "finished_at": record.finished_at,
        "estimate_seconds": record.estimate_seconds,
        "request": request_body,
        "result": _result(manager, record),
        "error": record.error,
        "links": {"self": job_url(record.job_id)},
    }


@router.get(
    "/v1/jobs/{job_id}",
    response_model=JobStatus,
    responses=problem_responses(404, 422, 500),
    summary="A job's status, progress and (once succeeded) result",
)
async def get_job(job_id: JobId, request: Request) -> dict[str, Any]:
    manager = _manager(request)
    record = manager.get_job(job_id)
    if record is None:
        raise _not_found(job_id)
    return job_status(manager, record)


@router.delete(
    "/v1/jobs/{job_id}",
    response_model=JobStatus,
    responses=problem_responses(404, 409, 422, 500),
    summary="Cancel a job (the computation stops unless another job shares it)",
)
async def cancel_job(job_id: JobId, request: Request) -> dict[str, Any]:
    manager = _manager(request)
    record = await manager.cancel(job_id)
    if record is None:
        raise _not_found(job_id)
    if record.status != "cancelled":
        raise ProblemError(
            409,
            "job-finished",
            f"job_id: job {job_id} already finished with status {record.status!r}",
            "job_id",
            job_status=record.status,
        )
    return job_status(manager, record)


@router.get(
    "/v1/jobs",
    response_model=JobList,
    responses=problem_responses(422, 500),
    summary="Recent jobs, newest first",
)
async def list_jobs(
    request: Request,
    limit: Annotated[
        int | None,
        Query(ge=1, le=1000, description="page size (default: the GFD_JOBS_PAGE_LIMIT setting)"),
    ] = None,
    offset: Annotated[int, Query(ge=0, le=2**31)] = 0,
    status: JobState | None = None,
    kind: Annotated[str | None, Query(max_length=64)] = None,
) -> dict[str, Any]:
    manager = _manager(request)
    if limit is None:
        limit = request.app.state.settings.jobs_page_limit
    records, total = manager.store.list_jobs(limit, offset, status, kind)
    jobs = [
        {
            "job_id": r.job_id,
            "kind": r.kind,
            "status": r.status,
            "progress": r.progress,
            "message": r.message,
            "created_at": r.created_at,
            "finished_at": r.finished_at,
            "links": {"self": job_url(r.job_id)},
        }
        for r in records
    ]
    return {"jobs": jobs, "total": total, "offset": offset, "limit": limit}
