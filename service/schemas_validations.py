"""Wire format of ``POST /v1/validations`` (issue 4): simulated gradient flow against the theory.

One request model serves both kinds (``"trajectory"``, the default, and ``"taylor"``); which
fields apply to which kind, the defaults and the presets are the library's
(:func:`diagrams.flow.validation.parse_request`), which names the offending field on error.
The result models describe :func:`diagrams.flow.validation.run_validation`'s output.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field

from diagrams.flow.backend import BACKENDS, DTYPES
from diagrams.flow.integrators import INTEGRATORS
from diagrams.flow.kernels import KERNELS
from diagrams.flow.presets import PRESETS, SIZES
from diagrams.flow.validation import (
    KINDS,
    MAX_POINTS,
    MAX_SEEDS,
    MAX_STEPS,
    MAX_TAYLOR_ORDER,
    OUTPUTS,
)
from service.schemas import ModelIn, StrictRequest
from service.schemas_limits import SolutionId


def _enum(name: str, values: Any, doc: str) -> type[StrEnum]:
    enum = StrEnum(name, {v: v for v in values})  # type: ignore[misc]
    enum.__doc__ = doc
    return enum


ValidationKind = _enum("ValidationKind", KINDS, "trajectory: simulate E[L(t)]; taylor: Y_s by MC")
Preset = _enum("Preset", PRESETS, "A named experiment of the paper (its fields are defaults).")
PresetSize = _enum("PresetSize", SIZES, "cpu: reduced sizes for 2 cores; gpu: the paper's sizes")
Integrator = _enum("Integrator", INTEGRATORS, "euler: the paper's scheme; rk4; dopri5 (adaptive)")
BackendChoice = _enum("BackendChoice", BACKENDS, "auto: CuPy when a CUDA device is present")
Dtype = _enum("Dtype", DTYPES, "floating-point precision of the simulation")
Kernel = _enum("Kernel", KERNELS, "loss/gradient form; auto picks the cheapest")
OutputGrid = _enum("OutputGrid", OUTPUTS, "spacing of the output times")

Finite = Annotated[float, Field(strict=True, allow_inf_nan=False)]


class FlowParamsIn(StrictRequest):
    """Concrete sizes: ``p``, rank ``H``, initial variance ``σ²`` and time scale ``T``."""

    p: int = Field(strict=True, ge=1, le=2**20, description="size p", examples=[8])
    H: int = Field(strict=True, ge=1, le=2**24, description="rank H", examples=[4])
    sigma2: Finite = Field(gt=0, description="initial variance σ²", examples=[0.01])
    T: Finite = Field(1.0, gt=0, description="time scale T of du/dt = −(1/T)∇L")


class ValidationRequest(StrictRequest):
    """A validation run. Unset fields take the preset's value, else the library's default."""

    kind: ValidationKind = Field(ValidationKind("trajectory"), description="what to validate")
    preset: Preset | None = Field(None, description="start from a named experiment")
    size: PresetSize | None = Field(None, description="preset size (default cpu)")
    description: str | None = Field(None, max_length=500, description="free text, echoed")
    model: ModelIn | None = Field(None, description="required unless a preset gives it")
    params: FlowParamsIn | None = Field(None, description="required unless a preset gives it")
    seeds: int | None = Field(
        None, strict=True, ge=1, le=MAX_SEEDS, description="independent starts (taylor: ≥ 2)"
    )
    seed: int | None = Field(None, strict=True, ge=0, le=2**32 - 1, description="first seed")
    backend: BackendChoice | None = None
    dtype: Dtype | None = None
    # trajectory
    t_max: Finite | None = Field(
        None, description="trajectory: final time ≠ 0 (negative: gradient ascent)"
    )
    n_steps: int | None = Field(
        None, strict=True, ge=1, le=MAX_STEPS, description="trajectory: integration steps"
    )
    integrator: Integrator | None = None
    kernel: Kernel | None = None
    output: OutputGrid | None = None
    n_points: int | None = Field(
        None, strict=True, ge=2, le=MAX_POINTS, description="trajectory: output times"
    )
    series_order: Annotated[int, Field(strict=True, ge=0, le=30)] | Literal["auto"] | None = Field(
        None, description="trajectory: order of the engine series (auto: the highest cheap one)"
    )
    solution: SolutionId | None = Field(None, description="trajectory: closed form to compare")
    rtol: Finite | None = Field(None, gt=0, description="dopri5 relative tolerance")
    atol: Finite | None = Field(None, gt=0, description="dopri5 absolute tolerance")
    divergence_factor: Finite | None = Field(
        None, gt=0, description="a start diverges when its loss grows by this factor"
    )
    # taylor
    s_max: int | None = Field(
        None, strict=True, ge=0, le=MAX_TAYLOR_ORDER, description="taylor: highest order s"
    )
    batch_size: int | None = Field(
        None, strict=True, ge=1, le=MAX_SEEDS, description="taylor: starts per batch"
    )


class Comparison(BaseModel):
    """Simulation against one theory curve, where that theory is meaningful."""

    n_points: int
    t_range: list[float]
    max_rel_err: float
    mean_rel_err: float
    max_scaled_err: float = Field(description="largest error relative to the curve's scale")
    max_abs_z: float | None


class TrajectoryMetrics(BaseModel):
    series: Comparison | None
    closed_form: Comparison | None


class TrajectoryTheory(BaseModel):
    series: list[float | None] = Field(description="the truncated engine series on the grid")
    series_order: int
    series_coefficients: list[float | None] = Field(description="Y_0..Y_order at these sizes")
    series_meaningful_until: float | None
    closed_form: list[float | None] | None = Field(description="the catalogue's curve, if any")
    closed_form_info: dict[str, Any] = Field(description="solution, valid_for, … or reason")


class Discretisation(BaseModel):
    """Whether the time steps resolved the gradient flow: along it dL/dt = −T‖du/dt‖², and the
    relative defect of that balance over the run (worst seed) is O(dt²) when they do."""

    energy_balance_error: float | None
    tolerance: float
    resolved: bool | None


class TrajectoryResult(BaseModel):
    kind: Literal["trajectory"]
    request: dict[str, Any] = Field(description="the normalised request, as run")
    t: list[float | None]
    loss_mean: list[float | None]
    loss_stderr: list[float | None]
    alive_fraction: list[float | None]
    diverged_fraction: float
    divergence_times: list[float | None]
    offset: float = Field(description="½‖F‖²")
    theory: TrajectoryTheory
    metrics: TrajectoryMetrics
    backend: str
    device: str
    kernel: str
    dtype: str
    discretisation: Discretisation
    warnings: list[str] = Field(description="e.g. steps too large to resolve the flow")
    performance: dict[str, Any] = Field(description="wall time, steps/s, GFLOP/s")


class TaylorMetrics(BaseModel):
    max_abs_z: float | None = Field(description="over the orders whose z is reliable")
    z_reliable: list[bool] = Field(
        description="per order: n ≥ 10·kurtosis, i.e. the standard error is trustworthy"
    )
    n_seeds: int
    rel_err: list[float | None]


class TaylorResult(BaseModel):
    kind: Literal["taylor"]
    request: dict[str, Any]
    s: list[int]
    mc_mean: list[float | None] = Field(description="Monte Carlo mean of T^s d^sL/dt^s(0)")
    mc_stderr: list[float | None]
    exact: list[float | None] = Field(description="the engine's Y_s at these sizes")
    z: list[float | None] = Field(description="(mc_mean − exact) / mc_stderr")
    kurtosis: list[float | None] = Field(description="sample kurtosis m₄/m₂² per order")
    offset: float
    warnings: list[str] = Field(description="e.g. heavy-tailed orders with unreliable z")
    metrics: TaylorMetrics
    backend: str
    device: str
    dtype: str
    performance: dict[str, Any]


ValidationResult = Annotated[TrajectoryResult | TaylorResult, Field(discriminator="kind")]
