"""Wire format of the large-size-limit endpoints: ``/v1/pareto``, ``/v1/regimes``, ``/v1/limits``
and ``/v1/theory/loss`` (issue 5). Field names are a contract: add fields, never rename.

The bodies are the library's own ``to_dict()`` output (:mod:`diagrams.regimes`,
:mod:`diagrams.polygon`, :mod:`diagrams.limits`); these models describe them for the OpenAPI
document and the generated client. Exponents and coefficients that may be fractions are exact
strings (``"-1/2"``) or integers, never floats.
"""

from __future__ import annotations

import math
import re
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, PlainValidator, WithJsonSchema

from diagrams.limits.catalogue import MAX_TIMES, SOLUTIONS
from service.schemas import ORDER_LIMIT, ModelIn, ModelOut, StrictRequest

# ------------------------------------------------------------------------------ exact numbers
EXACT_PATTERN = r"^\s*[+-]?((\d{1,60}/\d{1,60})|((\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,3})?))\s*$"
_EXACT_RE = re.compile(EXACT_PATTERN)


def _exact_number(value: Any) -> int | float | str:
    """Accept an integer, a finite float or a decimal/fraction string (never evaluated)."""
    if isinstance(value, bool):
        raise ValueError("must be a number or an exact fraction string like '-1/2'")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("must be finite")
        return value
    if isinstance(value, str) and len(value) <= 128 and _EXACT_RE.fullmatch(value):
        return value
    raise ValueError("must be a number or an exact fraction string like '-1/2' or '0.25'")


ExactNumber = Annotated[
    int | float | str,
    PlainValidator(_exact_number),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer"},
                {"type": "number"},
                {"type": "string", "maxLength": 128, "pattern": EXACT_PATTERN},
            ],
            "description": "a number, or an exact decimal/fraction string such as '-1/2'",
        }
    ),
]
"""A rational input: read exactly by :func:`diagrams.regimes.parse_exact` (floats by their
shortest decimal form), so ties between faces are decided in exact arithmetic."""

Fraction = Annotated[int | str, Field(description="an integer or an exact fraction 'a/b'")]


# ------------------------------------------------------------------------------ Pareto points
class ParetoTerm(BaseModel):
    """A Pareto-optimal monomial ``p^p H^H (σ²)^sigma2`` of ``Y_s`` and its diagram counts."""

    p: int = Field(description="exponent q of p")
    H: int = Field(description="exponent n of H")
    sigma2: int = Field(description="exponent l of σ² (2l edges)")
    s_D: int = Field(ge=0, description="D_2ν atoms merged")
    s_R: int = Field(ge=0, description="R_ν atoms merged")
    sign: int | None = Field(None, description="sign of its coefficient in Y_s (±1)")


class Monomial(BaseModel):
    """Exponents of ``p^p H^H σ^sigma`` (integers or exact fractions)."""

    p: Fraction
    H: Fraction
    sigma: Fraction = Field(description="exponent of σ (not σ²)")


class ScalingCondition(BaseModel):
    """``monomial ≍ 1``, ``→ ∞`` or ``→ 0`` (one column entry of the paper's regime tables)."""

    monomial: Monomial
    relation: str = Field(description="≍ 1, → ∞ or → 0")
    text: str
    latex: str


class NaturalT(BaseModel):
    """The natural time scale ``T`` of a regime, as a monomial."""

    monomial: Monomial
    text: str
    latex: str


class Alphas(BaseModel):
    """Exponents ``(α_p, α_H, α_σ)`` of ``p ≍ a^α_p, H ≍ a^α_H, σ ≍ a^α_σ``."""

    alpha_p: Fraction
    alpha_H: Fraction
    alpha_sigma: Fraction


class FaceOut(BaseModel):
    """A face of the Pareto polygon with the paper's table columns, derived from the polygon."""

    name: str = Field(description="letters joined by '-' in the paper's order, e.g. 'B-C'")
    labels: list[str] = Field(description="every paper letter on the face")
    vertices: list[str] = Field(description="the face's vertices (names)")
    dimension: int = Field(ge=0, le=3)
    scaling_condition: list[ScalingCondition]
    scaling_condition_text: str
    natural_T: NaturalT | None = Field(description="null where this order does not fix it")
    natural_T_equivalents: list[str]
    parameterisation: str | None = Field(description="Over-, Under-, Balanced or Agnostic")
    learning: str | None = Field(description="No, Lazy or Rich")
    interpretation: str | None = Field(description="e.g. NTK, Mean-field; null is the '—'")
    leading_terms: list[ParetoTerm] = Field(description="the Pareto points on the face")
    witness_scaling: Alphas | None = Field(description="an exact scaling selecting this face")


class VertexOut(BaseModel):
    name: str = Field(description="paper letters joined by '=' when they coincide (e.g. 'D=E')")
    labels: list[str]
    term: ParetoTerm


class PolygonOut(BaseModel):
    """The Pareto polygon of ``Y_s`` (Section 5)."""

    model: ModelOut
    s: int = Field(ge=0)
    source: str = Field(description="theorem41 (Theorem 4.1) or series (the engine's Y_s)")
    theorem41_applies: bool
    note: str | None
    points: list[ParetoTerm] = Field(description="every Pareto-optimal term of Y_s")
    dimension: int = Field(ge=0, le=3)
    shape: str = Field(description="point, segment, triangle, quadrangle, pentagon, polytope…")
    vertices: list[VertexOut]
    normal: Alphas | None = Field(description="the common normal, scaled to α_p = 1")
    faces: list[FaceOut]
    facets: list[dict[str, Any]] = Field(
        description="dimension 3 only (SYM odd ν): facets with normal and terms"
    )


# ------------------------------------------------------------------------------ /v1/pareto
class ParetoRequest(StrictRequest):
    model: ModelIn
    s_min: int = Field(0, strict=True, ge=0, le=ORDER_LIMIT, description="lowest order s")
    s_max: int = Field(
        strict=True, ge=0, le=ORDER_LIMIT, description="highest order s", examples=[4]
    )
    verify: bool = Field(
        False,
        strict=True,
        description="also compute the engine's exact Y_s and check every front against "
        "Theorem 4.1 (costly for large s_max)",
    )


class ParetoResponse(BaseModel):
    model: ModelOut
    theorem41_applies: bool = Field(description="false for SYM with odd ν")
    verified_against_series: bool
    note: str | None = Field(description="why there are no labels/regimes (SYM odd ν)")
    polygons: list[PolygonOut] = Field(description="one per s = s_min..s_max")
    generic_order: int | None = Field(description="order whose polygon gives the regime table")
    regimes: list[FaceOut] = Field(description="every face of the generic polygon (the table)")


# ------------------------------------------------------------------------------ /v1/regimes
class ScalingIn(StrictRequest):
    """``p ≍ a^α_p, H ≍ a^α_H, σ ≍ a^α_σ`` (α_p, α_H > 0)."""

    alpha_p: ExactNumber
    alpha_H: ExactNumber
    alpha_sigma: ExactNumber


class RegimeParamsIn(StrictRequest):
    """A concrete model ``(p, H, σ²)``."""

    p: ExactNumber
    H: ExactNumber
    sigma2: ExactNumber


class RegimesRequest(StrictRequest):
    """Exactly one of ``scaling`` (a power-law family) or ``params`` (a concrete model)."""

    model: ModelIn
    scaling: ScalingIn | None = Field(None, description="classify a power-law scaling")
    params: RegimeParamsIn | None = Field(None, description="classify a concrete model")
    tolerance: ExactNumber | None = Field(
        None,
        description="params only: a monomial within a^±tolerance of 1 counts as ≍ 1 "
        "(a = max(p, H); default 1/4)",
    )


class LeadingAtOrder(BaseModel):
    s: int = Field(ge=0)
    face: str = Field(description="the face of this order's polygon the leading terms fill")
    terms: list[ParetoTerm]


class EdgeDecision(BaseModel):
    """How one edge condition of the polygon was decided for a concrete model."""

    edge: str
    condition: str
    monomial: str
    value: float | None
    log_ratio: float


class AlphaEstimate(BaseModel):
    alpha_p: float
    alpha_H: float
    alpha_sigma: float


class RegimeResponse(BaseModel):
    model: ModelOut
    face: str = Field(description="e.g. 'B-C'", examples=["B-C"])
    vertices: list[str] = Field(description="paper letters of the face", examples=[["B", "C"]])
    dimension: int = Field(ge=0, le=2)
    interpretation: str | None = Field(description="e.g. NTK; null where the paper has '—'")
    natural_T: NaturalT | None
    natural_T_equivalents: list[str]
    parameterisation: str | None
    learning: str | None
    scaling_condition: list[ScalingCondition]
    scaling_condition_text: str
    leading_terms: list[LeadingAtOrder] = Field(description="leading Pareto terms per order s")
    generic_order: int
    scaling: Alphas | None = Field(None, description="the scaling classified (exact)")
    params: dict[str, str] | None = Field(None, description="the model classified (exact)")
    tolerance: str | None = None
    alpha_estimate: AlphaEstimate | None = None
    natural_T_value: float | None = None
    decisions: list[EdgeDecision] | None = None


# ------------------------------------------------------------------------------ /v1/limits
SolutionId = StrEnum("SolutionId", {sid: sid for sid in SOLUTIONS})  # type: ignore[misc]
SolutionId.__doc__ = "A catalogue solution (Sections 7–10), see diagrams.limits.catalogue."

FACE_PATTERN = r"^([A-E](=[A-E])*(-[A-E](=[A-E])*){0,4}|polygon)$"


class LimitsRequest(StrictRequest):
    """Exactly one of ``face`` or ``solution``."""

    model: ModelIn
    face: str | None = Field(
        None,
        max_length=32,
        pattern=FACE_PATTERN,
        description="a face of the Pareto polygon (A, B-C, …, or 'polygon')",
        examples=["B-C"],
    )
    solution: SolutionId | None = Field(None, description="a catalogue solution id")
    engine_s_max: int = Field(
        0,
        strict=True,
        ge=0,
        le=12,
        description="when > 0, also check the solution against the engine's leading "
        "coefficients Y_0..Y_engine_s_max (costly for ν ≥ 3)",
    )


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class RecurrenceOut(_Open):
    """The recurrence of the coefficients (Theorem 6.1's input); more fields per solution."""

    latex: str


class PdeOut(_Open):
    """The PDE of the generating function (Theorem 6.1's output)."""

    latex: str


class SolutionOut(_Open):
    latex: str
    valid_for: str


class Check(BaseModel):
    name: str
    passed: bool | None = Field(
        description="true / false; null when the data cannot decide (e.g. too few engine orders "
        "to determine a recurrence — raise engine_s_max)"
    )
    detail: str


class LimitsResponse(BaseModel):
    solution_id: SolutionId
    title: str
    reference: str = Field(description="where the paper has it")
    model: ModelOut
    faces: list[str] = Field(description="faces of the polygon the solution covers")
    generating_function: dict[str, Any] | None = None
    recurrence: RecurrenceOut
    pde: PdeOut
    characteristics: dict[str, Any] = Field(description="characteristic ODEs, first integrals")
    solution: SolutionOut
    checks: list[Check] = Field(description="each step re-derived and compared")
    merge: dict[str, Any] | None = None


# ------------------------------------------------------------------------------ /v1/theory/loss
MAX_TIME_POINTS = min(MAX_TIMES, 500)
"""Time points per request: 500 doubles in full precision (~13 KB of JSON) fit well inside the
body cap (``GFD_MAX_BODY_BYTES``, 64 KiB by default), so a too-long list is a 422 naming ``t``
rather than a 413; more points take several requests."""

PositiveFloat = Annotated[float, Field(strict=True, gt=0, allow_inf_nan=False)]


class TheoryParamsIn(StrictRequest):
    p: PositiveFloat = Field(description="size p", examples=[64])
    H: PositiveFloat = Field(description="rank H", examples=[32])
    sigma2: PositiveFloat = Field(description="initial variance σ²", examples=[0.01])
    T: PositiveFloat = Field(1.0, description="time scale T (only t/T matters)")


class TheoryLossRequest(StrictRequest):
    model: ModelIn
    params: TheoryParamsIn
    t: list[Annotated[float, Field(strict=True, allow_inf_nan=False)]] = Field(
        min_length=1,
        max_length=MAX_TIME_POINTS,
        description="times (negative: gradient ascent)",
        examples=[[0.0, 1.0, 10.0]],
    )
    solution: SolutionId | None = Field(
        None, description="default: the solution whose regime contains params, else 422"
    )


class TheoryParamsOut(BaseModel):
    p: float
    H: float
    sigma2: float
    T: float


class TheoryLossResponse(BaseModel):
    model: ModelOut
    params: TheoryParamsOut
    solution: SolutionId
    title: str
    reference: str
    valid_for: str
    t_range: list[float | None] = Field(
        description="[t_min, t_max] where the formula holds (null: unbounded): t ≥ 0 for "
        "descent-only solutions, down to the blow-up for those that also cover gradient ascent"
    )
    face: str | None = Field(description="the face the params select (null if none)")
    in_regime: bool | None = Field(description="whether that face is one the solution covers")
    t: list[float]
    loss: list[float | None] = Field(description="E[L(t)]; null past a blow-up")
    blowup_time: float | None = Field(
        description="sym_nu4_ascent/sym_nu2: the finite negative critical time, or null"
    )
