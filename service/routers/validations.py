"""``POST /v1/validations`` and the plots of their jobs (issue 4, "Validation runs").

The request goes to :func:`diagrams.flow.validation.run_validation` in a worker process, priced
first by :func:`~diagrams.flow.validation.estimate_validation` (time and host memory); costly
runs are always jobs (202), ``Prefer: respond-async`` makes every run one. The stored request
is the library's normalised echo (presets expanded, defaults filled), so equivalent requests
share one result.

``GET /v1/jobs/{job_id}/plot.svg`` / ``.png`` draw a succeeded validation job with
:mod:`diagrams.flow.plots` (404 for an unknown job, 409 for any other job or one not finished).
"""

from __future__ import annotations

import asyncio
import threading
from collections import OrderedDict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import Response

from diagrams.flow.validation import parse_request
from service.compute import compute, compute_headers, compute_responses, succeeded_job_result
from service.jobs import JobManager
from service.problems import ProblemError, problem_responses
from service.schemas_validations import ValidationRequest, ValidationResult
from service.tasks import TaskKind, register

VALIDATION = register(
    TaskKind(
        name="validation",
        target="diagrams.flow.validation:run_validation",
        estimate="diagrams.flow.validation:estimate_validation",
        cost_field="seeds",
    )
)

PLOT_MEDIA_TYPES = {"svg": "image/svg+xml", "png": "image/png"}
PLOT_CACHE_SIZE = 32

router = APIRouter(tags=["validations"])


def normalised_request(body: ValidationRequest) -> dict[str, Any]:
    """The library's echo of the request (SpecError → 422 naming the field)."""
    raw = body.model_dump(mode="json", exclude_none=True)
    spec = parse_request(raw)
    params = spec.echo()
    if spec.kind == "taylor" and "batch_size" in raw:
        params["batch_size"] = spec.batch_size
    return params


@router.post(
    "/v1/validations",
    response_model=ValidationResult,
    responses=compute_responses(),
    dependencies=[Depends(compute_headers)],
    summary="Simulated gradient flow (or Taylor-mode Y_s) against the theory",
)
async def post_validation(body: ValidationRequest, request: Request) -> Response:
    return await compute(request, VALIDATION, normalised_request(body))


# ------------------------------------------------------------------------------------- plots
_plot_lock = threading.Lock()  # matplotlib's rc_context is process-global state
_plots: OrderedDict[tuple[str, str], bytes] = OrderedDict()


def _render(result: dict[str, Any], fmt: str, key: tuple[str, str]) -> bytes:
    from diagrams.flow.plots import validation_png, validation_svg

    with _plot_lock:
        cached = _plots.get(key)
        if cached is None:
            cached = (validation_svg if fmt == "svg" else validation_png)(result)
            _plots[key] = cached
            while len(_plots) > PLOT_CACHE_SIZE:
                _plots.popitem(last=False)
        else:
            _plots.move_to_end(key)
        return cached


async def _plot(request: Request, job_id: str, fmt: str) -> Response:
    manager: JobManager = request.app.state.jobs
    record = manager.get_job(job_id)
    if record is not None and record.kind != VALIDATION.name:
        raise ProblemError(
            409,
            "not-a-validation",
            f"job_id: job {job_id} is a {record.kind} job; only validation jobs have plots",
            "job_id",
            job_kind=record.kind,
        )
    result = succeeded_job_result(request, job_id, kinds=(VALIDATION.name,))
    assert record is not None
    body = await asyncio.to_thread(_render, result, fmt, (record.request_hash, fmt))
    return Response(body, media_type=PLOT_MEDIA_TYPES[fmt])


JobId = Annotated[str, Path(description="id of a succeeded validation job", max_length=64)]


def _plot_responses(fmt: str, description: str) -> dict[int | str, dict[str, Any]]:
    schema = {"type": "string", "format": "binary"}
    return {
        200: {"description": description, "content": {PLOT_MEDIA_TYPES[fmt]: {"schema": schema}}},
        **problem_responses(404, 409, 422, 500),
    }


@router.get(
    "/v1/jobs/{job_id}/plot.svg",
    response_class=Response,
    responses=_plot_responses("svg", "The validation plot as SVG"),
    summary="Plot of a succeeded validation job (SVG)",
)
async def get_validation_plot_svg(job_id: JobId, request: Request) -> Response:
    return await _plot(request, job_id, "svg")


@router.get(
    "/v1/jobs/{job_id}/plot.png",
    response_class=Response,
    responses=_plot_responses("png", "The validation plot as PNG"),
    summary="Plot of a succeeded validation job (PNG)",
)
async def get_validation_plot_png(job_id: JobId, request: Request) -> Response:
    return await _plot(request, job_id, "png")
