"""``POST /v1/theory/loss``: a limiting loss curve ``E[L(t)]`` of the solution catalogue.

``{"model", "params": {"p", "H", "sigma2", "T"}, "t": [...], "solution"?}`` →
:func:`diagrams.limits.catalogue.theory_loss`. Without ``solution`` the catalogue picks the one
whose regime contains ``params``; when none does, the answer is a 422 problem naming the field
and saying why (``NotApplicable``), before any work is scheduled.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from diagrams.errors import SpecError
from diagrams.limits.catalogue import Params
from service.compute import compute, compute_headers, compute_responses
from service.schemas_limits import TheoryLossRequest, TheoryLossResponse
from service.tasks import TaskKind, register

# Seconds per time point (mpmath at a precision raised until stable; worst cases measured on
# the 2-core dev machine, rounded up), and a fixed part for the first use of the series.
SECONDS_PER_POINT = {"sym_nu2": 0.025, "sym_nu4_ascent": 0.02, "free_general_sym": 0.008}
DEFAULT_SECONDS_PER_POINT = 0.002
BASE_SECONDS = 0.3


def _inputs(params: dict[str, Any]) -> tuple[Any, Params]:
    from diagrams.model import ModelSpec

    return ModelSpec.from_dict(params["model"]), Params.from_dict(params["params"])


def run_theory_loss(params: dict[str, Any], progress: Any = None) -> dict[str, Any]:
    """Task: :func:`diagrams.limits.catalogue.theory_loss` of the request."""
    from diagrams.limits.catalogue import theory_loss

    model, P = _inputs(params)
    try:
        return theory_loss(model, P, params["t"], params["solution"])
    except ArithmeticError as err:  # e.g. p^(ν−1) beyond double range in a rate
        raise SpecError(
            "params",
            f"these sizes are outside the range the solution can be evaluated in double "
            f"precision ({type(err).__name__}: {err})",
        ) from None


def solution_of(params: dict[str, Any]) -> str:
    """The catalogue id that will be evaluated (NotApplicable → 422 when there is none)."""
    from diagrams.limits.catalogue import default_solution, get_solution

    model, P = _inputs(params)
    if params["solution"] is None:
        return default_solution(model, P, [x / P.T for x in params["t"]])[0]
    solution = get_solution(params["solution"])
    solution.check_model(model)
    return solution.id


def estimate_theory_loss(params: dict[str, Any]) -> float:
    per_point = SECONDS_PER_POINT.get(solution_of(params), DEFAULT_SECONDS_PER_POINT)
    return BASE_SECONDS + per_point * len(params["t"])


THEORY_LOSS = register(
    TaskKind(
        name="theory_loss",
        target="service.routers.theory:run_theory_loss",
        estimate=estimate_theory_loss,
        cost_field="t",
    )
)

router = APIRouter(tags=["limits"])


@router.post(
    "/v1/theory/loss",
    response_model=TheoryLossResponse,
    responses=compute_responses(),
    dependencies=[Depends(compute_headers)],
    summary="The limiting expected loss E[L(t)] of a catalogue solution",
)
async def post_theory_loss(body: TheoryLossRequest, request: Request) -> Response:
    model = body.model.model_dump(mode="json")
    normalised = Params.from_dict(body.params.model_dump()).to_dict()
    params = {
        "model": model,
        "params": normalised,
        "t": [float(x) for x in body.t],
        "solution": None if body.solution is None else body.solution.value,
    }
    return await compute(request, THEORY_LOSS, params)
