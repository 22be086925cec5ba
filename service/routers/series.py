"""``POST /v1/series``: the offset and the coefficients ``Y_0..Y_{s_max}`` of the loss series.

``E[L(t)] ~ ½‖F‖² + Σ_s Y_s t^s / (T^s s!)`` (Theorem 3.1) with ``Y_0`` excluding the offset.
"""

from __future__ import annotations

from enum import StrEnum

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from service.compute import compute, compute_headers, compute_responses
from service.schemas import ORDER_LIMIT, ModelIn, ModelOut, PolyTerm, StrictRequest
from service.tasks import TaskKind, register

SERIES = register(
    TaskKind(
        name="series",
        target="service.engine_tasks:run_series",
        estimate="service.engine_tasks:estimate_series",
        cost_field="s_max",
        alternatives="service.engine_tasks:series_alternatives",
    )
)


class SeriesMode(StrEnum):
    """exact: full polynomials; leading: only the Pareto-optimal terms (Section 4); extreme: only
    both ends of every level's Pareto front (the terms that lead off the critical line)."""

    exact = "exact"
    leading = "leading"
    extreme = "extreme"


class SeriesRequest(StrictRequest):
    model: ModelIn
    s_max: int = Field(
        strict=True, ge=0, le=ORDER_LIMIT, description="highest order s", examples=[2]
    )
    mode: SeriesMode = Field(
        SeriesMode.exact,
        description="exact; leading (all Pareto-optimal terms); extreme (both ends of each "
        "level's Pareto front, polynomial in s for ASYM too)",
    )
    s_r_max: int | None = Field(
        None,
        strict=True,
        ge=0,
        le=ORDER_LIMIT + 1,
        description="leading mode only: keep the terms with at most this many R atoms (the "
        "power of the target). Polynomial in s for ASYM with the identity target: s_r_max < 2 "
        "(the zero-target level) for every ν, s_r_max = 2 (plus the first order in the target "
        "strength) for ν ≥ 3",
        examples=[2],
    )
    s_d_max: int | None = Field(
        None,
        strict=True,
        ge=0,
        le=ORDER_LIMIT + 1,
        description="leading mode only: keep the terms with at most this many D atoms. For "
        "ASYM ν = 2 with the identity target this is polynomial in s (the lowest levels of the "
        "planar limit; the cost grows about ×14 per two levels)",
        examples=[4],
    )


class SeriesCoefficient(BaseModel):
    s: int = Field(ge=0)
    terms: list[PolyTerm] = Field(description="Y_s as an exact polynomial in p, H, σ²")
    latex: str


class SeriesResponse(BaseModel):
    model: ModelOut
    mode: SeriesMode
    s_max: int
    s_r_max: int | None = Field(None, description="as requested (absent: every leading term)")
    s_d_max: int | None = Field(None, description="as requested (absent: every leading term)")
    offset: list[PolyTerm] = Field(description="½‖F‖²: p/2 (identity target) or 0 (zero)")
    offset_latex: str
    coefficients: list[SeriesCoefficient]


router = APIRouter(tags=["series"])


@router.post(
    "/v1/series",
    response_model=SeriesResponse,
    responses=compute_responses(),
    dependencies=[Depends(compute_headers)],
    summary="Exact coefficients Y_0..Y_s_max of the expected-loss series",
)
async def post_series(body: SeriesRequest, request: Request) -> Response:
    # Unset bounds stay out of the parameters, so the request hash of a request without them
    # is the one it had before they existed.
    return await compute(request, SERIES, body.model_dump(mode="json", exclude_none=True))
