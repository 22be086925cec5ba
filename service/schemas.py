"""Pydantic models shared by several routers (the wire format of the API).

Field names are a public contract (see issue 3): add fields freely, never rename.
Request models reject unknown fields, and their numbers are strict (``"2"`` is not an integer).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from diagrams.model import NU_MAX, NU_MIN

# Upper bound of any order parameter accepted by the schema; the cost budget refuses far
# smaller values for most models (the estimate is returned with the refusal).
ORDER_LIMIT = 100


class Symmetry(StrEnum):
    """sym: u^(m) = u for every factor; asym: independent factors."""

    sym = "sym"
    asym = "asym"


class Target(StrEnum):
    """identity: F = δ_{i1=…=iν}; zero: free evolution."""

    identity = "identity"
    zero = "zero"


class JobState(StrEnum):
    """Life of a job: queued → running → succeeded | failed | cancelled (| interrupted)."""

    queued = "queued"
    running = "running"
    succeeded = "succeeded"
    failed = "failed"
    cancelled = "cancelled"
    interrupted = "interrupted"


class StrictRequest(BaseModel):
    """Request bodies: unknown fields are errors; numbers and booleans use ``strict=True``."""

    model_config = ConfigDict(extra="forbid")


class ModelIn(StrictRequest):
    """The model of Section 2: order ν, SYM/ASYM and target (identity δ or zero)."""

    nu: int = Field(strict=True, ge=NU_MIN, le=NU_MAX, description="tensor order ν", examples=[2])
    symmetry: Symmetry = Field(Symmetry.asym, description="sym: u^(m) = u; asym: independent")
    target: Target = Field(Target.identity, description="identity: F = δ; zero: free evolution")


class ModelOut(BaseModel):
    nu: int
    symmetry: Symmetry
    target: Target


class PolyTerm(BaseModel):
    """One term ``coeff · p^p · H^H · (σ²)^sigma2`` of an exact polynomial."""

    coeff: str = Field(pattern=r"^-?[0-9]+(/[0-9]+)?$", examples=["-1/4"])
    p: int = Field(ge=0)
    H: int = Field(ge=0)
    sigma2: int = Field(ge=0)


class JobLinks(BaseModel):
    self: str = Field(description="URL of the job resource")


class JobAccepted(BaseModel):
    """Answer 202: the work continues as a job; poll ``links.self``."""

    job_id: str
    status: JobState
    links: JobLinks


class JobProblem(BaseModel):
    """The problem-details body of a failed job (RFC 9457)."""

    model_config = ConfigDict(extra="allow")

    type: str
    title: str
    status: int
    detail: str
    field: str | None = None


class JobStatus(BaseModel):
    """A job: status, progress, and the endpoint's normal body once it succeeded."""

    job_id: str
    kind: str = Field(description="task kind, e.g. series or diagrams")
    status: JobState
    progress: float = Field(ge=0, le=1)
    message: str
    created_at: float = Field(description="Unix time")
    started_at: float | None
    finished_at: float | None
    estimate_seconds: float | None = Field(description="the engine's cost estimate")
    request: dict[str, Any] = Field(description="the normalised request")
    result: dict[str, Any] | str | None = Field(
        description="the endpoint's normal body (text for graphml/dot/svg) once succeeded"
    )
    error: JobProblem | None
    links: JobLinks


class JobSummary(BaseModel):
    job_id: str
    kind: str
    status: JobState
    progress: float = Field(ge=0, le=1)
    message: str
    created_at: float
    finished_at: float | None
    links: JobLinks


class JobList(BaseModel):
    jobs: list[JobSummary]
    total: int = Field(ge=0, description="number of jobs matching the filters")
    offset: int = Field(ge=0)
    limit: int = Field(ge=1)
