"""``POST /v1/regimes``: the learning regime (face of the Pareto polygon) of a scaling or a model.

``{"model", "scaling": {"alpha_p", "alpha_H", "alpha_sigma"}}`` →
:func:`diagrams.regimes.classify_scaling`; ``{"model", "params": {"p", "H", "sigma2"}}`` →
:func:`diagrams.regimes.classify_params`. Numbers may be exact fraction strings; they are read
by :func:`diagrams.regimes.parse_exact` (a regular expression, never evaluated) and hashed in
that exact form, so ``0.5`` and ``"1/2"`` are the same request.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from diagrams.regimes import DEFAULT_TOLERANCE, parse_exact
from service.compute import compute, compute_headers, compute_responses
from service.problems import ProblemError
from service.schemas_limits import RegimeResponse, RegimesRequest
from service.tasks import TaskKind, register

# A classification reads one small polygon per order 0..6 (~1 ms measured); err high.
CLASSIFY_SECONDS = 0.05


def _text(value: Any) -> str:
    num, den = value.numerator, value.denominator
    return str(num) if den == 1 else f"{num}/{den}"


def run_regimes(params: dict[str, Any], progress: Any = None) -> dict[str, Any]:
    """Task: :func:`classify_scaling` or :func:`classify_params` of the request, as a dict."""
    from diagrams.model import ModelSpec
    from diagrams.regimes import classify_params, classify_scaling

    model = ModelSpec.from_dict(params["model"])
    if "scaling" in params:
        a = params["scaling"]
        regime = classify_scaling(model, a["alpha_p"], a["alpha_H"], a["alpha_sigma"])
    else:
        x = params["params"]
        regime = classify_params(model, x["p"], x["H"], x["sigma2"], params["tolerance"])
    return regime.to_dict()


def estimate_regimes(params: dict[str, Any]) -> float:
    return CLASSIFY_SECONDS


REGIMES = register(
    TaskKind(
        name="regimes",
        target="service.routers.regimes:run_regimes",
        estimate=estimate_regimes,
        cost_field="model",
    )
)

router = APIRouter(tags=["limits"])


def _exact_fields(values: dict[str, Any], prefix: str) -> dict[str, str]:
    """Each value as its exact rational text (SpecError naming ``prefix.name`` otherwise)."""
    return {k: _text(parse_exact(v, f"{prefix}.{k}")) for k, v in values.items()}


@router.post(
    "/v1/regimes",
    response_model=RegimeResponse,
    responses=compute_responses(),
    dependencies=[Depends(compute_headers)],
    summary="The learning regime (face of the Pareto polygon) of a scaling or a concrete model",
)
async def post_regimes(body: RegimesRequest, request: Request) -> Response:
    if (body.scaling is None) == (body.params is None):
        raise ProblemError(
            422,
            "invalid-field",
            "scaling: give exactly one of scaling (a power-law family) or params (a model)",
            "scaling",
        )
    params: dict[str, Any] = {"model": body.model.model_dump(mode="json")}
    if body.scaling is not None:
        if body.tolerance is not None:
            raise ProblemError(
                422, "invalid-field", "tolerance: only applies to params", "tolerance"
            )
        params["scaling"] = _exact_fields(body.scaling.model_dump(), "scaling")
    else:
        assert body.params is not None
        params["params"] = _exact_fields(body.params.model_dump(), "params")
        tolerance = DEFAULT_TOLERANCE if body.tolerance is None else body.tolerance
        params["tolerance"] = _text(parse_exact(tolerance, "tolerance"))
    return await compute(request, REGIMES, params)
