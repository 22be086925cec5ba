"""Adapters between the engine (:mod:`diagrams`) and the job machinery: no mathematics here.

Each ``run_*`` function has the task signature ``f(params, progress) -> JSON-able dict`` and
runs inside a worker process; each ``estimate_*`` runs in the service before scheduling and
returns the engine's own cost estimate. ``params`` are the normalised request fields that
determine the result (they are also what the result is content-addressed by).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Progress = Callable[[float, str], None] | None


def _model(params: dict[str, Any]) -> Any:
    from diagrams import ModelSpec

    return ModelSpec.from_dict(params["model"])


def _estimate_cost(
    model: Any,
    s_max: int,
    mode: str,
    method: str = "auto",
    s_r_max: int | None = None,
    s_d_max: int | None = None,
) -> Any:
    from diagrams.cost import estimate_cost

    return estimate_cost(model, s_max, mode, method, s_r_max, s_d_max)


# ------------------------------------------------------------------------------ POST /v1/series
def run_series(params: dict[str, Any], progress: Progress = None) -> dict[str, Any]:
    """``diagrams.series`` serialised: offset and ``Y_0..Y_{s_max}`` with LaTeX."""
    import diagrams

    result = diagrams.series(
        _model(params),
        params["s_max"],
        params["mode"],
        progress=progress,
        s_r_max=params.get("s_r_max"),
        s_d_max=params.get("s_d_max"),
    )
    body = result.to_dict()
    body["s_max"] = params["s_max"]
    body["offset_latex"] = result.offset.latex()
    return body


def estimate_series(params: dict[str, Any]) -> Any:
    return _estimate_cost(
        _model(params),
        params["s_max"],
        params["mode"],
        s_r_max=params.get("s_r_max"),
        s_d_max=params.get("s_d_max"),
    )


def series_alternatives(
    params: dict[str, Any], budget_seconds: float, budget_bytes: int | None
) -> list[dict[str, Any]]:
    from diagrams.cost import affordable_alternatives

    return affordable_alternatives(
        _model(params),
        params["s_max"],
        params["mode"],
        budget_seconds,
        budget_bytes,
        s_r_max=params.get("s_r_max"),
        s_d_max=params.get("s_d_max"),
    )


# ---------------------------------------------------------------------------- POST /v1/diagrams
def run_diagrams(params: dict[str, Any], progress: Progress = None) -> dict[str, Any]:
    """Every class of ``(½D − R)^{⋆(s+1)}`` with coefficient and (optionally) ``E[G]``."""
    import diagrams

    model = _model(params)
    with_expectation = params["contractions"]
    share = 0.5 if with_expectation else 1.0

    def sub(fraction: float, message: str) -> None:
        if progress is not None:
            progress(share * fraction, message)

    terms = diagrams.expansion(model, params["s"], progress=sub)
    out = []
    for i, term in enumerate(terms):
        if progress is not None and with_expectation and i % 64 == 0:
            progress(0.5 + 0.5 * i / max(len(terms), 1), f"E[G] of class {i}/{len(terms)}")
        graph = term.diagram.to_json()
        expectation = None
        if with_expectation:
            expectation = diagrams.expectation(term.diagram, model).to_json()
        out.append(
            {
                "id": term.id,
                "coefficient": _fraction(term.coefficient),
                "s_D": term.s_D,
                "s_R": term.s_R,
                "recolorings": getattr(term, "recolorings", 1),
                "nodes": graph["nodes"],
                "edges": graph["edges"],
                "expectation": expectation,
            }
        )
    return {"model": model.to_dict(), "s": params["s"], "total": len(out), "diagrams": out}


def estimate_diagrams(params: dict[str, Any]) -> Any:
    # Listing the classes (and their expectations) is the class-by-class computation.
    return _estimate_cost(_model(params), params["s"], "exact", "classes")


def run_diagram_sheet(params: dict[str, Any], progress: Progress = None) -> dict[str, Any]:
    """One page of classes drawn as an SVG sheet by :mod:`diagrams.drawing`."""
    import diagrams
    from diagrams.drawing import diagram_sheet_svg

    model = _model(params)
    terms = diagrams.expansion(model, params["s"], progress=progress)
    page = terms[params["offset"] : params["offset"] + params["limit"]]
    svg = diagram_sheet_svg(page, model=model, start=params["offset"], total=len(terms))
    return {"svg": svg, "total": len(terms)}


def _fraction(value: Any) -> str:
    numerator, denominator = value.numerator, value.denominator
    return str(numerator) if denominator == 1 else f"{numerator}/{denominator}"
