"""RFC 9457 problem details: the one error body of the service, for every 4xx and 5xx.

Every problem names the offending field in ``field`` (a dotted path such as ``"model.nu"``,
``"body"`` for an unreadable body, ``"job_id"`` for an unknown job) and, for validation
failures, lists each finding in ``errors: [{"loc", "msg", "type"}]``. The library's error
hierarchy (:mod:`diagrams.errors`) is mapped to problems here and nowhere else.
"""

from __future__ import annotations

import logging
import math
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from diagrams.errors import BudgetExceeded, NotApplicable, SpecError

log = logging.getLogger("service")

PROBLEM_MEDIA_TYPE = "application/problem+json"
TYPE_PREFIX = "urn:gfdiagrams:problem:"


class ProblemItem(BaseModel):
    """One validation finding."""

    loc: list[str | int] = Field(description="Path of the offending value, e.g. body.model.nu")
    msg: str
    type: str = "value_error"


class RefusedEstimate(BaseModel):
    """The cost estimate a budget refusal was based on."""

    seconds: float | None = Field(description="estimated wall time; null beyond floating point")
    peak_bytes: int | None = None
    classes: int | None = None


class Alternative(BaseModel):
    """A nearby request within the budget: the fields to change (as further members, e.g.
    ``s_max``, ``s_r_max``, ``mode``) and its estimated time."""

    model_config = ConfigDict(extra="allow")

    seconds: float = Field(description="estimated wall time of the changed request")


class Problem(BaseModel):
    """An RFC 9457 problem details object (media type ``application/problem+json``)."""

    model_config = ConfigDict(extra="allow")

    type: str = Field(description="URI identifying the kind of problem")
    title: str
    status: int = Field(ge=400, le=599)
    detail: str
    instance: str | None = Field(None, description="Path of the request that failed")
    field: str | None = Field(
        None, description="Dotted path of the offending request field (null for server faults)"
    )
    errors: list[ProblemItem] = Field(default_factory=list)
    estimate: RefusedEstimate | None = Field(
        None, description="budget refusals: the estimate that was refused"
    )
    budget_seconds: float | None = Field(None, description="budget refusals: the time budget")
    budget_bytes: int | None = Field(None, description="memory refusals: the memory budget")
    alternatives: list[Alternative] | None = Field(
        None,
        description="budget refusals: nearby requests whose estimates fit the budget, each the "
        "changed fields plus `seconds` (e.g. a lower s_max, or a level bound s_r_max)",
    )


class ProblemError(Exception):
    """Raise anywhere in the service to answer with a problem body.

    Parameters
    ----------
    status: HTTP status code (4xx or 5xx).
    slug: short kind of problem; becomes ``type = urn:gfdiagrams:problem:<slug>``.
    detail: human-readable explanation naming the field and the reason.
    field: dotted path of the offending field.
    extra: further members of the problem object (e.g. ``estimate``).
    """

    def __init__(
        self,
        status: int,
        slug: str,
        detail: str,
        field: str | None,
        errors: list[dict[str, Any]] | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.slug = slug
        self.detail = detail
        self.field = field
        self.errors = errors
        self.extra = extra

    def offer_alternatives(self, alternatives: list[dict[str, Any]]) -> None:
        """Add nearby requests that fit (``alternatives`` member, and named in ``detail``)."""
        if not alternatives:
            return
        self.extra["alternatives"] = alternatives
        offers = ", ".join(
            " ".join(f"{k}={v}" for k, v in alt.items() if k != "seconds")
            + f" (~{alt['seconds']:.3g} s)"
            for alt in alternatives
        )
        self.detail = f"{self.detail}; within the budget: {offers}"
        self.args = (self.detail,)

    def to_dict(self, instance: str | None = None) -> dict[str, Any]:
        return problem_dict(
            self.status, self.slug, self.detail, self.field, self.errors, instance, **self.extra
        )


def _finite(value: Any) -> Any:
    """JSON has no infinities: replace non-finite floats by None, recursively."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(v) for v in value]
    return value


def problem_dict(
    status: int,
    slug: str,
    detail: str,
    field: str | None,
    errors: list[dict[str, Any]] | None = None,
    instance: str | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """Build the JSON body of a problem; ``errors`` defaults to one item for ``field``."""
    if errors is None:
        errors = []
        if field is not None:
            errors = [{"loc": field_loc(field), "msg": detail, "type": slug}]
    body = {
        "type": TYPE_PREFIX + slug,
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "instance": instance,
        "field": field,
        "errors": errors,
    }
    body.update(extra)
    return _finite(body)


def field_loc(field: str) -> list[str | int]:
    """``"model.nu"`` → ``["body", "model", "nu"]`` (request-body fields)."""
    if field in ("body", "job_id") or field.startswith(("query.", "path.", "header.")):
        return field.split(".")
    return ["body", *field.split(".")]


def problem_response(body: dict[str, Any], headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(
        body, status_code=body["status"], media_type=PROBLEM_MEDIA_TYPE, headers=headers
    )


def problem_from_library_error(err: Exception) -> ProblemError | None:
    """Map an exception of :mod:`diagrams.errors` to a problem (None if it is not one)."""
    if isinstance(err, SpecError):
        return ProblemError(422, "invalid-field", f"{err.field}: {err.reason}", err.field)
    if isinstance(err, NotApplicable):
        return ProblemError(422, "not-applicable", f"{err.field}: {err.reason}", err.field)
    if isinstance(err, BudgetExceeded):
        return budget_problem(err.field, err.estimate, err.budget_seconds)
    return None


def budget_problem(field: str, estimate: Any, budget_seconds: float) -> ProblemError:
    seconds = getattr(estimate, "seconds", estimate)
    try:
        seconds = float(seconds)
    except (TypeError, ValueError, OverflowError):
        seconds = None
    est = {
        "seconds": seconds,
        "peak_bytes": getattr(estimate, "peak_bytes", None),
        "classes": getattr(estimate, "classes", None),
    }
    shown = f"{seconds:.3g} s" if seconds is not None else "unbounded"
    return ProblemError(
        422,
        "budget-exceeded",
        f"{field}: the estimated cost ({shown}) exceeds this server's budget of "
        f"{budget_seconds:g} s; lower {field}",
        field,
        estimate=est,
        budget_seconds=budget_seconds,
    )


def _validation_items(exc: RequestValidationError) -> list[dict[str, Any]]:
    items = []
    for err in exc.errors():
        loc = [x if isinstance(x, int) else str(x) for x in err.get("loc", ())]
        items.append({"loc": loc, "msg": str(err.get("msg", "invalid")), "type": err["type"]})
    return items


def _dotted(loc: list[str | int]) -> str:
    parts = [str(x) for x in loc]
    if parts and parts[0] == "body":
        parts = parts[1:]
    return ".".join(parts) or "body"


def _malformed_body(request: Request) -> JSONResponse:
    body = problem_dict(
        400,
        "malformed-body",
        "body: the request body is not valid JSON",
        "body",
        [{"loc": ["body"], "msg": "not valid JSON", "type": "json_invalid"}],
        request.url.path,
    )
    return problem_response(body)


async def _on_validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    items = _validation_items(exc)
    if any(item["type"] == "json_invalid" for item in items):
        return _malformed_body(request)
    first = items[0] if items else {"loc": ["body"], "msg": "invalid"}
    field = _dotted(first["loc"])
    if first["loc"] and first["loc"][0] in ("query", "path", "header"):
        field = ".".join(str(x) for x in first["loc"])
    body = problem_dict(
        422, "validation-error", f"{field}: {first['msg']}", field, items, request.url.path
    )
    return problem_response(body)


async def _on_problem(request: Request, exc: ProblemError) -> JSONResponse:
    return problem_response(exc.to_dict(request.url.path))


async def _on_library_error(request: Request, exc: Exception) -> JSONResponse:
    problem = problem_from_library_error(exc)
    if problem is None:  # pragma: no cover - registered only for mapped classes
        return await _on_unexpected(request, exc)
    return problem_response(problem.to_dict(request.url.path))


async def _on_http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    status = exc.status_code
    if status == 404:
        slug, field, detail = "not-found", "path", f"path: no resource at {request.url.path}"
    elif status == 405:
        slug, field = "method-not-allowed", "method"
        detail = f"method: {request.method} is not allowed on {request.url.path}"
    elif status == 413:
        slug, field, detail = "body-too-large", "body", str(exc.detail)
    elif status == 400:  # FastAPI could not parse the body (e.g. JSON nested too deeply)
        return _malformed_body(request)
    else:
        slug, field, detail = "http-error", None, str(exc.detail)
    errors = [{"loc": [field], "msg": detail, "type": slug}] if field else []
    body = problem_dict(status, slug, detail, field, errors, request.url.path)
    return problem_response(body, headers=getattr(exc, "headers", None))


async def _on_unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error on %s %s", request.method, request.url.path)
    body = problem_dict(
        500,
        "internal-error",
        f"internal error ({type(exc).__name__}); the server log has the details",
        None,
        None,
        request.url.path,
    )
    return problem_response(body)


def install_problem_handlers(app: FastAPI) -> None:
    """Make every error response of ``app`` a problem-details body."""
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(ProblemError, _on_problem)
    for cls in (SpecError, NotApplicable, BudgetExceeded):
        app.add_exception_handler(cls, _on_library_error)
    app.add_exception_handler(StarletteHTTPException, _on_http_error)
    app.add_exception_handler(Exception, _on_unexpected)


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entries documenting problem bodies for the given statuses."""
    out: dict[int | str, dict[str, Any]] = {}
    for status in statuses:
        out[status] = {"model": Problem, "description": HTTPStatus(status).phrase}
    return out


def use_problem_media_type(openapi: dict[str, Any]) -> dict[str, Any]:
    """Document every 4xx/5xx body as ``application/problem+json`` (in place; returns it)."""
    for path_item in openapi.get("paths", {}).values():
        for operation in path_item.values():
            for status, response in operation.get("responses", {}).items():
                content = response.get("content")
                if str(status)[0] in "45" and content and "application/json" in content:
                    content[PROBLEM_MEDIA_TYPE] = content.pop("application/json")
    return openapi
