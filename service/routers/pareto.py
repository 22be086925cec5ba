"""``POST /v1/pareto``: Pareto polygons of ``Y_s`` for ``s = s_min..s_max`` and the regime table.

The body is :func:`diagrams.regimes.pareto_summary`: polygons with the paper's vertex letters,
common normal and faces with the table columns (Sections 4–5). For SYM with odd ν Theorem 4.1
does not apply: the fronts come from the engine's exact series and ``note`` says so.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from service.compute import compute, compute_headers, compute_responses
from service.problems import ProblemError
from service.schemas_limits import ParetoRequest, ParetoResponse
from service.tasks import TaskKind, register

# Measured cost of pareto_summary per order s, ~1e-5 s·(s+1)² (ASYM ν=12, s ≤ 100, 2-core
# dev machine); doubled to err high. Orders read from the engine add its own estimate.
SECONDS_PER_POINT = 2.5e-5
BASE_SECONDS = 0.05


def _model(params: dict[str, Any]) -> Any:
    from diagrams.model import ModelSpec

    return ModelSpec.from_dict(params["model"])


def run_pareto(params: dict[str, Any], progress: Any = None) -> dict[str, Any]:
    """Task: :func:`diagrams.regimes.pareto_summary` of the request (worker process)."""
    from diagrams.regimes import pareto_summary

    return pareto_summary(
        _model(params), params["s_min"], params["s_max"], params["verify"], progress
    )


def estimate_pareto(params: dict[str, Any]) -> float:
    """Polygon bookkeeping plus, when fronts are read off the series, the engine's estimate."""
    from diagrams.cost import estimate_cost
    from diagrams.errors import SpecError
    from diagrams.pareto import covered_by_theorem41

    model = _model(params)
    s_min, s_max = params["s_min"], params["s_max"]
    if s_min > s_max:  # the router refuses it first; this keeps budget offers valid
        raise SpecError("s_min", "must be <= s_max")
    seconds = BASE_SECONDS + SECONDS_PER_POINT * sum((s + 1) ** 2 for s in range(s_min, s_max + 1))
    if params["verify"] or not covered_by_theorem41(model):
        seconds += float(estimate_cost(model, s_max).seconds)
    return seconds


PARETO = register(
    TaskKind(
        name="pareto",
        target="service.routers.pareto:run_pareto",
        estimate=estimate_pareto,
        cost_field="s_max",
    )
)

router = APIRouter(tags=["limits"])


@router.post(
    "/v1/pareto",
    response_model=ParetoResponse,
    responses=compute_responses(),
    dependencies=[Depends(compute_headers)],
    summary="Pareto polygons of Y_s for s in s_min..s_max, with the regime table",
)
async def post_pareto(body: ParetoRequest, request: Request) -> Response:
    if body.s_min > body.s_max:
        raise ProblemError(
            422, "invalid-field", "s_min: must be <= s_max", "s_min", s_max=body.s_max
        )
    return await compute(request, PARETO, body.model_dump(mode="json"))
