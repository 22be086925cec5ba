"""``POST /v1/limits``: the derivation of a limiting loss curve (Section 6 and the appendices).

``{"model", "face"}`` or ``{"model", "solution"}`` → :func:`diagrams.limits.derivations.limits_for`:
the recurrence of the leading coefficients, its PDE by Theorem 6.1, the characteristics, the
closed-form solution with ``valid_for``, and the checks that re-derive each step.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from service.compute import compute, compute_headers, compute_responses
from service.problems import ProblemError
from service.schemas_limits import LimitsRequest, LimitsResponse
from service.tasks import TaskKind, register

# Seconds of one derivation in a fresh worker (sympy's first use included), measured on the
# 2-core dev machine under load and rounded up; later calls in the same worker are cached.
DERIVATION_SECONDS = {"sym_nu2": 8.0, "free_general_sym": 4.5}
DEFAULT_DERIVATION_SECONDS = 1.5


def _model(params: dict[str, Any]) -> Any:
    from diagrams.model import ModelSpec

    return ModelSpec.from_dict(params["model"])


def run_limits(params: dict[str, Any], progress: Any = None) -> dict[str, Any]:
    """Task: :func:`diagrams.limits.derivations.limits_for` of the request."""
    from diagrams.limits.derivations import limits_for

    key = params.get("solution") or params["face"]
    return limits_for(_model(params), key, params["engine_s_max"])


def solution_of(params: dict[str, Any]) -> str:
    """The catalogue id the request derives; raises NotApplicable (422) when there is none."""
    from diagrams.limits.catalogue import get_solution
    from diagrams.limits.derivations import _solution_for_face

    model = _model(params)
    sid = params.get("solution") or _solution_for_face(model, params["face"])
    get_solution(sid).check_model(model)
    return sid


def estimate_limits(params: dict[str, Any]) -> float:
    """The derivation's measured cost, plus the engine's when its coefficients are checked."""
    seconds = DERIVATION_SECONDS.get(solution_of(params), DEFAULT_DERIVATION_SECONDS)
    if params["engine_s_max"] > 0:
        from diagrams.limits.derivations import engine_check_cost

        seconds += engine_check_cost(_model(params), params["engine_s_max"])
    return seconds


LIMITS = register(
    TaskKind(
        name="limits",
        target="service.routers.limits:run_limits",
        estimate=estimate_limits,
        cost_field="engine_s_max",
    )
)

router = APIRouter(tags=["limits"])


@router.post(
    "/v1/limits",
    response_model=LimitsResponse,
    responses=compute_responses(),
    dependencies=[Depends(compute_headers)],
    summary="Recurrence, PDE (Theorem 6.1), characteristics and solution of a limiting loss",
)
async def post_limits(body: LimitsRequest, request: Request) -> Response:
    if (body.face is None) == (body.solution is None):
        raise ProblemError(
            422,
            "invalid-field",
            "face: give exactly one of face (of the Pareto polygon) or solution (a catalogue id)",
            "face",
        )
    params: dict[str, Any] = {
        "model": body.model.model_dump(mode="json"),
        "engine_s_max": body.engine_s_max,
    }
    if body.solution is not None:
        params["solution"] = body.solution.value
    else:
        params["face"] = body.face
    return await compute(request, LIMITS, params)
