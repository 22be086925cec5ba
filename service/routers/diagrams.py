"""``POST /v1/diagrams``: the isomorphism classes of ``(½D − R)^{⋆(s+1)}``, paginated.

Formats: ``json`` (default), ``graphml``, ``dot`` (one page of diagrams as one graph file) and
``svg`` (a drawn sheet, from :mod:`diagrams.drawing`, when that module is installed).
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from typing import Any, Literal

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from service.compute import compute, compute_headers, compute_responses
from service.graph_formats import to_dot, to_graphml
from service.problems import ProblemError
from service.schemas import ORDER_LIMIT, ModelIn, ModelOut, PolyTerm, StrictRequest
from service.tasks import Rendered, TaskKind, register

PAGE_LIMIT = 1000
MEDIA_TYPES = {
    "graphml": "application/graphml+xml",
    "dot": "text/vnd.graphviz",
    "svg": "image/svg+xml",
}


def _page(result: dict[str, Any], view: dict[str, Any]) -> Any:
    offset, limit, fmt = view["offset"], view["limit"], view["format"]
    page = result["diagrams"][offset : offset + limit]
    meta = {**result["model"], "s": result["s"], "total": result["total"], "offset": offset}
    if fmt == "graphml":
        return Rendered(to_graphml(page, offset, meta), MEDIA_TYPES["graphml"])
    if fmt == "dot":
        return Rendered(to_dot(page, offset, meta), MEDIA_TYPES["dot"])
    return {
        "model": result["model"],
        "s": result["s"],
        "total": result["total"],
        "offset": offset,
        "limit": limit,
        "diagrams": page,
    }


def _sheet(result: dict[str, Any], view: dict[str, Any]) -> Rendered:
    return Rendered(result["svg"], MEDIA_TYPES["svg"])


DIAGRAMS = register(
    TaskKind(
        name="diagrams",
        target="service.engine_tasks:run_diagrams",
        estimate="service.engine_tasks:estimate_diagrams",
        cost_field="s",
        view=_page,
    )
)
DIAGRAM_SHEET = register(
    TaskKind(
        name="diagram_sheet",
        version="2",  # 2: sheets titled with the model and numbered from the page offset
        target="service.engine_tasks:run_diagram_sheet",
        estimate="service.engine_tasks:estimate_diagrams",
        cost_field="s",
        view=_sheet,
    )
)


@cache
def svg_available() -> bool:
    """Whether the drawing module of the library is installed."""
    try:
        from diagrams.drawing import diagram_sheet_svg  # noqa: F401
    except ImportError:
        return False
    return True


class DiagramFormat(StrEnum):
    """json (paginated body), graphml / dot (one page as one graph file), svg (drawn sheet)."""

    json = "json"
    graphml = "graphml"
    dot = "dot"
    svg = "svg"


class DiagramsRequest(StrictRequest):
    model: ModelIn
    s: int = Field(
        strict=True, ge=0, le=ORDER_LIMIT, description="order: s + 1 atoms merged", examples=[1]
    )
    format: DiagramFormat = DiagramFormat.json
    offset: int = Field(0, strict=True, ge=0, le=2**31, description="index of the first class")
    limit: int = Field(100, strict=True, ge=1, le=PAGE_LIMIT, description="classes per page")
    contractions: bool = Field(
        True, strict=True, description="include each class's Wick expectation E[G]"
    )


class NodeOut(BaseModel):
    id: str
    kind: Literal["H", "p"]


class EdgeOut(BaseModel):
    h: str
    p: str
    color: int = Field(ge=1, description="1-based colour (always 1 in SYM)")


class DiagramOut(BaseModel):
    id: str = Field(description="stable id of the isomorphism class")
    coefficient: str = Field(description="exact coefficient in (½D − R)^{⋆(s+1)}")
    s_D: int = Field(ge=0)
    s_R: int = Field(ge=0)
    recolorings: int = Field(1, ge=1, description="ASYM: colourings the class stands for")
    nodes: list[NodeOut]
    edges: list[EdgeOut]
    expectation: list[PolyTerm] | None = Field(description="E[G] (null unless contractions)")


class DiagramsResponse(BaseModel):
    model: ModelOut
    s: int
    total: int = Field(ge=0, description="number of classes at this order")
    offset: int
    limit: int
    diagrams: list[DiagramOut]


_text = {"schema": {"type": "string"}}
OK_RESPONSE = {
    "description": "One page of classes in the requested format",
    "content": {"application/json": {}, **{m: _text for m in MEDIA_TYPES.values()}},
}

router = APIRouter(tags=["diagrams"])


@router.post(
    "/v1/diagrams",
    response_model=DiagramsResponse,
    responses=compute_responses(OK_RESPONSE),
    dependencies=[Depends(compute_headers)],
    summary="The diagram classes of (½D − R)^⋆(s+1), paginated",
)
async def post_diagrams(body: DiagramsRequest, request: Request) -> Response:
    model = body.model.model_dump(mode="json")
    if body.format is DiagramFormat.svg:
        if not svg_available():
            raise ProblemError(
                422,
                "format-unavailable",
                "format: svg drawing is not available on this server (diagrams.drawing is not "
                "installed); use json, graphml or dot",
                "format",
            )
        params = {"model": model, "s": body.s, "offset": body.offset, "limit": body.limit}
        return await compute(request, DIAGRAM_SHEET, params)
    params = {"model": model, "s": body.s, "contractions": body.contractions}
    view = {"offset": body.offset, "limit": body.limit, "format": body.format.value}
    return await compute(request, DIAGRAMS, params, view)
