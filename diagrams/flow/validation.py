"""Validation runs: simulated gradient flow against the theory, as one JSON-in, JSON-out call.

:func:`run_validation` is the single entry point of ``POST /v1/validations``; the service only
forwards the request, the progress callback and the result. Two kinds:

``"trajectory"`` (default) — integrate the flow for ``seeds`` independent starts and compare
``E[L(t)]`` with the truncated series of the engine (eq. lossexp) and, when the solution
catalogue has one for the model, its closed form. Request fields::

    kind        "trajectory"
    preset      optional name from diagrams.flow.presets (its fields are defaults);
    size        "cpu" | "gpu": which preset size (default "cpu")
    model       {"nu", "symmetry", "target"}
    params      {"p", "H", "sigma2", "T"}            (T defaults to 1)
    t_max       float ≠ 0; negative = gradient ascent
    n_steps     int: fixed steps (euler, rk4) / output resolution and first trial step (dopri5)
    seeds       int ≥ 1 number of starts; seed (int ≥ 0, default 0) is the first seed
    integrator  "euler" (default; the paper's scheme) | "rk4" | "dopri5"
    backend     "auto" (default) | "numpy" | "cupy";  dtype "float64" (default) | "float32"
    kernel      "auto" (default) | "gram" | "mttkrp" | "dense"
    output      "linear" (default) | "log": spacing of the n_points output times
    n_points    int ≥ 2 (default min(n_steps, 200) + 1)
    series_order  int ≥ 0 or "auto" (default: highest order ≤ 6 the engine estimates at ≤ 2 s)
    solution    optional name of a closed-form solution in the catalogue
    rtol, atol  dopri5 tolerances;  divergence_factor  (default 1e6)
    blas_threads  host BLAS threads for the NumPy backend (default 1; 0 = library default)

Result: ``t``, ``loss_mean``, ``loss_stderr`` (over the seeds not yet diverged),
``alive_fraction``, ``diverged_fraction``, ``divergence_times``, ``theory`` (``closed_form``,
``series`` on the grid, with their order/solution and reasons when absent), ``metrics``
(relative errors where each theory is meaningful), ``backend``, ``device``, ``kernel``,
``discretisation`` (``energy_balance_error``, ``tolerance``, ``resolved``: whether the time
steps resolve the flow, from ``dL/dt = −T‖u̇‖²``), ``warnings`` (e.g. an unresolved run, whose
differences from the theory are then no evidence against it), ``performance`` (wall time,
steps/s, achieved GFLOP/s; the only non-deterministic part).

``"taylor"`` — Monte Carlo estimates of ``Y_s = T^s E[d^sL/dt^s(0)]`` from exact per-start
derivatives (:mod:`~diagrams.flow.taylor`) with standard errors, against the engine's exact
``Y_s``: fields ``model``, ``params``, ``s_max`` (0..12), ``seeds`` (≥ 2), ``seed``, ``backend``,
``dtype``, ``blas_threads``, ``batch_size``. Result: ``s``, ``mc_mean``, ``mc_stderr``, ``exact``,
``z``, ``kurtosis`` (per order; z-scores of heavy-tailed orders are unreliable and flagged in
``metrics.z_reliable`` and ``warnings``), ``metrics``.

Invalid input raises :class:`~diagrams.errors.SpecError` naming the field (e.g. ``params.p``).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from diagrams.errors import NotApplicable, SpecError
from diagrams.flow.backend import Backend, blas_threads, check_dtype, resolve_backend
from diagrams.flow.integrators import (
    DEFAULT_DIVERGENCE_FACTOR,
    INTEGRATORS,
    Dopri5,
    initial_state,
    integrate,
)
from diagrams.flow.kernels import KERNELS, choose_kernel, kernel_bytes, kernel_flops, make_field
from diagrams.flow.presets import SIZES, preset_request
from diagrams.flow.problem import FlowProblem, init_weights
from diagrams.flow.taylor import estimate_series
from diagrams.model import ModelSpec
from diagrams.progress import scaled

if TYPE_CHECKING:  # the engine stays optional for a simulation-only machine
    from diagrams.cost import CostEstimate

Progress = Callable[[float, str], None] | None

KINDS = ("trajectory", "taylor")
OUTPUTS = ("linear", "log")
MAX_SEEDS = 100_000
MAX_STEPS = 10_000_000
MAX_POINTS = 2001
MAX_TAYLOR_ORDER = 12
MAX_SERIES_ORDER = 6
SERIES_BUDGET_SECONDS = 2.0
SERIES_TOLERANCE = 2e-2  # meaningful while the last two terms are ≤ 2% of the predicted change
ENERGY_BALANCE_TOLERANCE = 0.1
"""Largest relative energy-balance defect (:mod:`diagrams.flow.integrators`) of a run whose
steps resolve the gradient flow; above it the result warns that the simulated loss is the time
stepping's, not the flow's. For Euler the defect is about ``h·λ/2`` (``λ`` the curvature along
the path), so 0.1 means ``hλ ≈ 0.2``. Measured: the presets (the paper's Euler steps) 5e-4 to
0.051; the SYM ν=2 example with dt = 1 that stalls or oscillates: 1.0 (Euler), 1.5 (RK4);
dopri5 on it: 1.2e-3."""
MEMORY_LIMIT = {"numpy": 4 * 2**30, "cupy": 64 * 2**30}
BASE_BYTES = 150 * 2**20  # the worker process itself (interpreter, numpy, the engine)
KURTOSIS_FACTOR = 10.0
"""A Taylor-mode z-score counts only where ``n ≥ KURTOSIS_FACTOR·kurtosis`` (standard error
within about 30 %; :class:`~diagrams.flow.taylor.SeriesEstimate`). Measured: SYM ν=3 identity,
p=3, H=2, σ²=0.2, 30 disjoint sets of 300 starts gave mean z² 0.87 / 1.85 / 6.8 / 41 / 406 /
6806 at s = 0..5 — the sample kurtosis there is 23 / 74 / 133 / 178 / 209 / 231, so only s = 0
passes."""
# Effective throughput for cost estimates: deliberately conservative (BENCHMARKS: flow.md).
FLOP_RATE = {"numpy": 3e9, "cupy": 5e12}
EVAL_OVERHEAD_S = {"numpy": 100e-6, "cupy": 150e-6}

_TRAJECTORY_FIELDS = {
    "kind",
    "preset",
    "size",
    "description",
    "model",
    "params",
    "t_max",
    "n_steps",
    "seeds",
    "seed",
    "integrator",
    "backend",
    "dtype",
    "kernel",
    "output",
    "n_points",
    "series_order",
    "solution",
    "rtol",
    "atol",
    "divergence_factor",
    "blas_threads",
}
_TAYLOR_FIELDS = {
    "kind",
    "preset",
    "size",
    "description",
    "model",
    "params",
    "s_max",
    "seeds",
    "seed",
    "backend",
    "dtype",
    "batch_size",
    "blas_threads",
}


# --------------------------------------------------------------------------- request parsing
def _int(value: Any, field: str, lo: int, hi: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        raise SpecError(field, f"must be an integer in {lo}..{hi}")
    if not lo <= int(value) <= hi:
        raise SpecError(field, f"must be an integer in {lo}..{hi}, got {value}")
    return int(value)


def _float(value: Any, field: str, positive: bool = False, nonzero: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | np.integer | np.floating):
        raise SpecError(field, "must be a number")
    x = float(value)
    if not math.isfinite(x):
        raise SpecError(field, "must be finite")
    if positive and x <= 0:
        raise SpecError(field, f"must be positive, got {value}")
    if nonzero and x == 0:
        raise SpecError(field, "must be non-zero")
    return x


def _choice(value: Any, field: str, options: tuple[str, ...]) -> str:
    if value not in options:
        raise SpecError(field, f"must be one of {', '.join(options)}")
    return value


@dataclass(frozen=True)
class ValidationSpec:
    """A checked validation request (see the module docstring for the fields)."""

    kind: str
    model: ModelSpec
    problem: FlowProblem
    seeds: int
    seed: int
    backend: str
    dtype: str
    # trajectory
    t_max: float = 1.0
    n_steps: int = 1
    integrator: str = "euler"
    kernel: str = "auto"
    output: str = "linear"
    n_points: int = 2
    series_order: int | None = None
    solution: str | None = None
    rtol: float = 1e-8
    atol: float = 1e-10
    divergence_factor: float = DEFAULT_DIVERGENCE_FACTOR
    blas_threads: int = 1
    # taylor
    s_max: int = 4
    batch_size: int = 256

    def echo(self) -> dict[str, Any]:
        """The normalised request, as it was run."""
        out: dict[str, Any] = {
            "kind": self.kind,
            "model": self.model.to_dict(),
            "params": self.problem.to_dict(),
            "seeds": self.seeds,
            "seed": self.seed,
            "backend": self.backend,
            "dtype": self.dtype,
            "blas_threads": self.blas_threads,
        }
        if self.kind == "taylor":
            out.update(s_max=self.s_max)
            return out
        out.update(
            t_max=self.t_max,
            n_steps=self.n_steps,
            integrator=self.integrator,
            kernel=self.kernel,
            output=self.output,
            n_points=self.n_points,
            series_order=self.series_order if self.series_order is not None else "auto",
            solution=self.solution,
            divergence_factor=self.divergence_factor,
        )
        if self.integrator == "dopri5":
            out.update(rtol=self.rtol, atol=self.atol)
        return out


def parse_request(request: Mapping[str, Any]) -> ValidationSpec:
    """Check a validation request and fill in defaults (presets first, then explicit fields)."""
    if not isinstance(request, Mapping):
        raise SpecError("request", "must be an object")
    req: dict[str, Any] = {}
    if request.get("preset") is not None:
        size = _choice(request.get("size", "cpu"), "size", SIZES)
        if not isinstance(request["preset"], str):
            raise SpecError("preset", "must be a string")
        req.update(preset_request(request["preset"], size))
        if "params" in request and isinstance(request["params"], Mapping):
            request = {**request, "params": {**req["params"], **request["params"]}}
    req.update(request)
    kind = _choice(req.get("kind", "trajectory"), "kind", KINDS)
    allowed = _TAYLOR_FIELDS if kind == "taylor" else _TRAJECTORY_FIELDS
    for key in req:
        if key not in allowed and not (key in _TRAJECTORY_FIELDS and "preset" in request):
            raise SpecError(key, f"unknown field for kind {kind!r}")
    if "model" not in req:
        raise SpecError("model", "is required")
    model = ModelSpec.from_dict(req["model"])
    if "params" not in req:
        raise SpecError("params", "is required")
    problem = FlowProblem.from_dict(model, req["params"])
    dtype = check_dtype(req.get("dtype", "float64"))
    _check_float_range(problem, dtype)
    backend = _choice(req.get("backend", "auto"), "backend", ("auto", "numpy", "cupy"))
    seed = _int(req.get("seed", 0), "seed", 0, 2**32 - 1)
    threads = _int(req.get("blas_threads", 1), "blas_threads", 0, 1024)
    common = dict(
        model=model,
        problem=problem,
        seed=seed,
        backend=backend,
        dtype=dtype,
        blas_threads=threads,
    )
    if kind == "taylor":
        return ValidationSpec(
            kind="taylor",
            seeds=_int(req.get("seeds", 1000), "seeds", 2, MAX_SEEDS),
            s_max=_int(req.get("s_max", 4), "s_max", 0, MAX_TAYLOR_ORDER),
            batch_size=_int(req.get("batch_size", 256), "batch_size", 1, MAX_SEEDS),
            **common,
        )
    if "t_max" not in req:
        raise SpecError("t_max", "is required")
    t_max = _float(req["t_max"], "t_max", nonzero=True)
    n_steps = _int(req.get("n_steps", 1000), "n_steps", 1, MAX_STEPS)
    default_points = min(n_steps, 200) + 1
    n_points = _int(req.get("n_points", default_points), "n_points", 2, MAX_POINTS)
    integrator = _choice(req.get("integrator", "euler"), "integrator", tuple(INTEGRATORS))
    if integrator != "dopri5" and n_points > n_steps + 1:
        raise SpecError("n_points", f"must be at most n_steps + 1 = {n_steps + 1}")
    order = req.get("series_order", "auto")
    series_order = None if order in ("auto", None) else _int(order, "series_order", 0, 30)
    solution = req.get("solution")
    if solution is not None and not isinstance(solution, str):
        raise SpecError("solution", "must be a string or null")
    tight = dtype == "float64"
    return ValidationSpec(
        kind="trajectory",
        seeds=_int(req.get("seeds", 8), "seeds", 1, MAX_SEEDS),
        t_max=t_max,
        n_steps=n_steps,
        integrator=integrator,
        kernel=_choice(req.get("kernel", "auto"), "kernel", KERNELS),
        output=_choice(req.get("output", "linear"), "output", OUTPUTS),
        n_points=n_points,
        series_order=series_order,
        solution=solution,
        rtol=_float(req.get("rtol", 1e-8 if tight else 1e-5), "rtol", positive=True),
        atol=_float(req.get("atol", 1e-10 if tight else 1e-7), "atol", positive=True),
        divergence_factor=_float(
            req.get("divergence_factor", DEFAULT_DIVERGENCE_FACTOR),
            "divergence_factor",
            positive=True,
        ),
        **common,
    )


# ----------------------------------------------------------------------------- grids, stats
def output_steps(n_steps: int, n_points: int, output: str) -> np.ndarray:
    """Step indices of the output times: ``n_points`` (or fewer, deduplicated) in 0..n_steps.

    >>> output_steps(10, 6, "linear").tolist()
    [0, 2, 4, 6, 8, 10]
    >>> output_steps(1000, 5, "log").tolist()
    [0, 1, 10, 100, 1000]
    """
    if output == "log":
        idx = np.rint(np.geomspace(1, n_steps, n_points - 1)).astype(np.int64)
        idx = np.concatenate([[0], idx])
    else:
        idx = np.rint(np.linspace(0, n_steps, n_points)).astype(np.int64)
    return np.unique(idx)


def _json_list(values: Any) -> list[float | None]:
    return [float(v) if math.isfinite(v) else None for v in np.asarray(values, dtype=float)]


def seed_statistics(loss: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Mean, standard error and alive count per time over the finite entries of ``(n, B)``."""
    finite = np.isfinite(loss)
    count = finite.sum(axis=1)
    safe = np.where(finite, loss, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = safe.sum(axis=1) / count
        dev = np.where(finite, loss - mean[:, None], 0.0)
        var = (dev**2).sum(axis=1) / (count - 1)
        stderr = np.sqrt(var / count)
    mean = np.where(count > 0, mean, np.nan)
    stderr = np.where(count > 1, stderr, np.nan)
    return mean, stderr, count


def _comparison(
    t: np.ndarray, mean: np.ndarray, stderr: np.ndarray, theory: np.ndarray, mask: np.ndarray
) -> dict[str, Any] | None:
    mask = mask & np.isfinite(theory) & np.isfinite(mean)
    if not mask.any():
        return None
    rel = np.abs(mean[mask] - theory[mask]) / np.maximum(np.abs(theory[mask]), 1e-300)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.abs(mean[mask] - theory[mask]) / stderr[mask]
    z = z[np.isfinite(z)]
    scale = float(np.abs(theory[mask]).max())
    return {
        "n_points": int(mask.sum()),
        "t_range": [float(t[mask].min()), float(t[mask].max())],
        "max_rel_err": float(rel.max()),
        "mean_rel_err": float(rel.mean()),
        # error relative to the curve's scale: meaningful where the loss itself tends to 0
        "max_scaled_err": float(np.abs(mean[mask] - theory[mask]).max() / max(scale, 1e-300)),
        "max_abs_z": float(z.max()) if z.size else None,
    }


# ------------------------------------------------------------------------------- theory parts
def choose_series_order(model: ModelSpec, requested: int | None) -> tuple[int, float]:
    """Order of the engine series to use and its estimated seconds.

    An explicit ``requested`` order is used as is. ``None`` ("auto") takes the highest order
    ``≤ MAX_SERIES_ORDER`` whose engine cost estimate stays within ``SERIES_BUDGET_SECONDS``.
    """
    from diagrams.cost import estimate_cost

    if requested is not None:
        return requested, float(estimate_cost(model, requested).seconds)
    best, seconds = 0, float(estimate_cost(model, 0).seconds)
    for s in range(1, MAX_SERIES_ORDER + 1):
        est = float(estimate_cost(model, s).seconds)
        if est > SERIES_BUDGET_SECONDS:
            break
        best, seconds = s, est
    return best, seconds


def series_values(problem: FlowProblem, s_max: int, progress: Progress = None) -> np.ndarray:
    """``Y_0..Y_{s_max}`` of the engine (:func:`diagrams.series`) at this problem's sizes."""
    from diagrams.series import series

    res = series(problem.model, s_max, progress=progress)
    return np.array(
        [float(c.evaluate(problem.p, problem.H, problem.sigma2)) for c in res.coefficients]
    )


def series_curve(
    problem: FlowProblem, coefficients: np.ndarray, t: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Truncated ``½‖F‖² + Σ_s Y_s (t/T)^s / s!`` on ``t`` and a mask of meaningful points.

    A point counts as meaningful while the last two retained terms (a proxy for the truncation
    error) are at most ``SERIES_TOLERANCE`` of the change the series predicts since ``t = 0``;
    the mask is the contiguous stretch from ``t = 0`` where this holds.
    """
    x = np.asarray(t, dtype=float) / problem.T
    terms = np.array([c * x**s / math.factorial(s) for s, c in enumerate(coefficients)])
    total = 0.5 * problem.target_norm2 + terms.sum(axis=0)
    if len(coefficients) < 2:
        return total, x == 0
    tail = np.abs(terms[-2:]).max(axis=0)
    change = np.abs(terms[1:].sum(axis=0))
    ok = (x == 0) | (tail <= SERIES_TOLERANCE * change)
    mask = np.cumprod(ok).astype(bool)
    return total, mask


def closed_form_curve(spec: ValidationSpec, t: np.ndarray) -> dict[str, Any]:
    """The catalogue's closed form on ``t`` (``loss`` None with a ``reason`` when absent)."""
    try:
        from diagrams.limits.catalogue import theory_loss
    except ImportError:
        return {"loss": None, "reason": "the solution catalogue is not available"}
    try:
        res = theory_loss(
            spec.model, spec.problem.to_dict(), [float(x) for x in t], solution=spec.solution
        )
    except NotApplicable as err:
        return {"loss": None, "reason": err.reason}
    except SpecError as err:
        if err.field.startswith("solution"):
            raise SpecError("solution", err.reason) from None
        raise
    loss = np.array([np.nan if v is None else float(v) for v in res["loss"]])
    extra = (
        "solution",
        "valid_for",
        "t_range",
        "face",
        "in_regime",
        "blowup_time",
        "title",
        "reference",
    )
    return {"loss": loss, **{key: res.get(key) for key in extra}}


def _valid_mask(t: np.ndarray, t_range: Any) -> np.ndarray:
    """The times inside the solution's ``t_range = [t_min, t_max]`` (None: unbounded)."""
    mask = np.ones(t.shape, dtype=bool)
    if isinstance(t_range, list | tuple) and len(t_range) == 2:
        lo, hi = t_range
        if isinstance(lo, int | float):
            mask &= t >= lo
        if isinstance(hi, int | float):
            mask &= t <= hi
    return mask


# ------------------------------------------------------------------------------ cost, memory
def _bytes_per_seed(spec: ValidationSpec, kernel: str) -> int:
    """One start's share of a trajectory run: the kernel's temporaries plus the integrator's
    copies of the weights."""
    itemsize = 8 if spec.dtype == "float64" else 4
    pb = spec.problem
    return kernel_bytes(kernel, spec.model, pb.p, pb.H, 1, itemsize) + 12 * pb.n_params * itemsize


def _batch_limit(backend: str) -> int:
    """Memory one batch of starts may use: the backend's limit, less the process on the host."""
    return MEMORY_LIMIT[backend] - (BASE_BYTES if backend == "numpy" else 0)


def _group_size(spec: ValidationSpec, backend: str, kernel: str) -> int:
    """Seeds per batch such that the kernel's temporaries fit in the backend's memory."""
    per_seed = _bytes_per_seed(spec, kernel)
    limit = _batch_limit(backend)
    if per_seed > limit:
        raise SpecError(
            "params.H",
            f"one start needs ~{per_seed / 2**30:.3g} GiB with the {kernel} kernel; "
            f"the limit on {backend} is {limit / 2**30:.3g} GiB",
        )
    return max(1, min(spec.seeds, limit // per_seed))


def _evals_per_step(integrator: str) -> float:
    return {"euler": 1.0, "rk4": 4.0, "dopri5": 12.0}[integrator]


def _taylor_bytes_per_start(spec: ValidationSpec) -> int:
    """Peak memory of one start in Taylor mode: every coefficient of every H×H and H×p series
    stays cached (:class:`~diagrams.flow.taylor.Jet`). Measured (tracemalloc, ν = 2..4, both
    symmetries, p = 2..16, H = 16..64, s = 4..8): ``(1.7 … 5.0)·itemsize·(s+1)·C·(H² + Hp)``;
    ``ν + 1.5`` bounds the factor."""
    pb = spec.problem
    itemsize = 8 if spec.dtype == "float64" else 4
    series = (spec.s_max + 1) * pb.colors * (pb.H * pb.H + pb.H * pb.p)
    return int((pb.nu + 1.5) * itemsize * series) + 8 * pb.n_params


def _taylor_batch(spec: ValidationSpec, backend: str) -> int:
    """Starts per Taylor-mode batch: the requested ``batch_size``, lowered so that a batch fits
    the backend's memory limit."""
    per_start = _taylor_bytes_per_start(spec)
    limit = _batch_limit(backend)
    if per_start > limit:
        raise SpecError(
            "params.H",
            f"one start needs ~{per_start / 2**30:.3g} GiB in Taylor mode at s_max = "
            f"{spec.s_max}; the limit on {backend} is {limit / 2**30:.3g} GiB",
        )
    return max(1, min(spec.batch_size, spec.seeds, limit // per_start))


def estimate_validation(request: Mapping[str, Any]) -> CostEstimate:
    """Estimated wall seconds and peak memory of :func:`run_validation` for ``request``
    (validates it first).

    Simulation: evaluations × (kernel operations / an effective rate + a per-evaluation
    overhead), with conservative rates per backend; plus the engine's own estimate for the
    series (or the exact ``Y_s`` of a Taylor run). Host memory: the process plus, on NumPy, one
    batch of starts (the seed group of :func:`_group_size`, or :func:`_taylor_batch`); on CuPy
    the batches live in device memory, which those functions bound. Raises :class:`SpecError`
    for bad input.
    """
    from diagrams.cost import CostEstimate, estimate_cost

    spec = parse_request(request)
    backend = resolve_backend(spec.backend).name
    pb = spec.problem
    on_host = 1 if backend == "numpy" else 0
    if spec.kind == "taylor":
        S = spec.s_max
        batch = _taylor_batch(spec, backend)
        # Cauchy sums: ~S²/2 Gram matmuls and ~(ν+2)·S²/2 Hadamard products per colour; the
        # Hadamard part is memory-bound (weight 4, measured: H = 256..1024 with p = 2 took
        # 1.7–3.3× the pure operation count)
        work = 2 * pb.H**2 * pb.p + 4 * (pb.nu + 2) * pb.H**2
        flops = spec.seeds * pb.colors * (S + 1) ** 2 * work
        overhead = math.ceil(spec.seeds / batch) * (S + 1) ** 2 * (pb.nu + 4) * 2e-4
        seconds = (
            flops / FLOP_RATE[backend] + overhead + float(estimate_cost(spec.model, S).seconds)
        )
        peak = BASE_BYTES + on_host * batch * _taylor_bytes_per_start(spec)
        return CostEstimate(seconds, peak, 0, 0)
    kernel = spec.kernel
    if kernel == "auto":
        kernel = choose_kernel(spec.model, pb.p, pb.H, spec.seeds)
    group = _group_size(spec, backend, kernel)
    evals = spec.n_steps * _evals_per_step(spec.integrator)
    flops = kernel_flops(kernel, spec.model, pb.p, pb.H, spec.seeds)
    groups = math.ceil(spec.seeds / group)
    sim = evals * (flops / FLOP_RATE[backend] + groups * EVAL_OVERHEAD_S[backend])
    _, series_seconds = choose_series_order(spec.model, spec.series_order)
    peak = BASE_BYTES + on_host * group * _bytes_per_seed(spec, kernel)
    return CostEstimate(sim + series_seconds, peak, 0, 0)


def estimate_validation_cost(request: Mapping[str, Any]) -> float:
    """Estimated wall seconds of :func:`run_validation` (:func:`estimate_validation`)."""
    return estimate_validation(request).seconds


# -------------------------------------------------------------------------------- the runs
def _check_float_range(problem: FlowProblem, dtype: str) -> None:
    """Refuse sizes whose initial loss scale ``½p^νHσ^{2ν}`` (``E[D_{2ν}]``, ASYM) exceeds the
    square root of the dtype's largest number: a run, its gradients and the series' terms would
    overflow (tiny scales only underflow to zero, which the run survives)."""
    digits = (
        problem.nu * math.log10(problem.p)
        + math.log10(problem.H)
        + problem.nu * math.log10(problem.sigma2)
    )
    limit = math.log10(np.finfo(dtype).max) / 2
    if digits > limit:
        raise SpecError(
            "params.sigma2",
            f"the initial loss scale p^ν H σ^(2ν) ≈ 1e{digits:.0f} is beyond what a {dtype} "
            f"run can represent with its derivatives (≤ 1e{limit:.0f}); choose sizes closer "
            "to the balanced scaling",
        )


def _simulate(
    spec: ValidationSpec, be: Backend, progress: Progress
) -> tuple[np.ndarray, np.ndarray, np.ndarray, dict[str, Any]]:
    pb = spec.problem
    kernel = spec.kernel
    if kernel == "auto":
        kernel = choose_kernel(spec.model, pb.p, pb.H, spec.seeds)
    group = _group_size(spec, be.name, kernel)
    field = make_field(pb, be.xp, kernel)
    idx = output_steps(spec.n_steps, spec.n_points, spec.output)
    dt = spec.t_max / spec.n_steps
    t_out = idx * dt
    t_out[-1] = spec.t_max
    seeds = list(range(spec.seed, spec.seed + spec.seeds))
    losses, div_times, balances = [], [], []
    n_evals = n_steps = n_rejected = 0
    ops = 0.0
    start = time.perf_counter()
    for g in range(0, len(seeds), group):
        chunk = seeds[g : g + group]
        u0 = init_weights(pb, chunk, be.xp, spec.dtype)
        if spec.integrator == "dopri5":
            stepper = Dopri5(field, rtol=spec.rtol, atol=spec.atol, dt_min=1e-12 * abs(spec.t_max))
        else:
            stepper = INTEGRATORS[spec.integrator](field)
        state = initial_state(field, u0, dt, spec.divergence_factor)
        lo, hi = g / len(seeds), (g + len(chunk)) / len(seeds)
        traj = integrate(
            stepper,
            state,
            t_out,
            progress=scaled(progress, lo, hi),
            max_steps=100 * spec.n_steps + 10_000,
        )
        losses.append(traj.loss)
        div_times.append(traj.diverged_at)
        balances.append(traj.energy_balance)
        n_evals += traj.final.n_evals
        ops += field.flops(len(chunk)) * traj.final.n_evals
        n_steps += traj.final.n_steps
        n_rejected += traj.final.n_rejected
    be.synchronize()
    wall = time.perf_counter() - start
    groups = math.ceil(len(seeds) / group)
    perf = {
        "wall_seconds": wall,
        "steps": n_steps // groups,
        # steps of the whole ensemble (all seed groups) per second
        "steps_per_second": n_steps / groups / wall if wall > 0 else None,
        "field_evaluations": n_evals,
        "rejected_steps": n_rejected,
        "achieved_gflops": ops / wall / 1e9 if wall > 0 else None,
        "seed_groups": groups,
    }
    return (
        t_out,
        np.concatenate(losses, axis=1),
        np.concatenate(div_times),
        {"kernel": kernel, "energy_balance": np.concatenate(balances), **perf},
    )


def discretisation_report(spec: ValidationSpec, balance: np.ndarray) -> tuple[dict, list[str]]:
    """Whether the time steps resolved the flow (energy balance, worst seed) and the warnings a
    result then carries."""
    finite = balance[np.isfinite(balance)]
    worst = float(finite.max()) if finite.size else None
    resolved = None if worst is None else worst <= ENERGY_BALANCE_TOLERANCE
    report = {
        "energy_balance_error": worst,
        "tolerance": ENERGY_BALANCE_TOLERANCE,
        "resolved": resolved,
    }
    warnings = []
    if resolved is False:
        advice = (
            "use integrator 'dopri5'" if spec.integrator != "dopri5" else "tighten rtol and atol"
        )
        warnings.append(
            f"the time steps do not resolve the gradient flow (energy balance off by "
            f"{worst:.2g} > {ENERGY_BALANCE_TOLERANCE:g}): the simulated loss is the "
            f"discretisation's, so its differences from the theory are not evidence against "
            f"it; raise n_steps (dt = t_max/n_steps = {spec.t_max / spec.n_steps:.3g}) or "
            f"{advice}"
        )
    return report, warnings


def simulate(request: Mapping[str, Any], progress: Progress = None) -> dict[str, Any]:
    """The simulation half of a ``"trajectory"`` validation: no engine, no catalogue.

    Returns the result fields ``request``, ``t``, ``loss_mean``, ``loss_stderr``,
    ``alive_fraction``, ``diverged_fraction``, ``divergence_times``, ``offset``, ``backend``,
    ``device``, ``kernel``, ``dtype``, ``discretisation`` (energy balance of the steps, see
    :func:`discretisation_report`), ``warnings`` and ``performance``; :func:`attach_theory` adds
    the rest.
    This split lets a GPU machine without the engine's dependencies simulate, and the host
    compare with the theory afterwards.
    """
    spec = parse_request(request)
    if spec.kind != "trajectory":
        raise SpecError("kind", "simulate() runs trajectory requests only")
    be = resolve_backend(spec.backend)
    with blas_threads(be, spec.blas_threads):
        t, loss, div_times, perf = _simulate(spec, be, progress)
    discretisation, warnings = discretisation_report(spec, perf.pop("energy_balance"))
    mean, stderr, alive = seed_statistics(loss)
    div = div_times[np.isfinite(div_times)]
    return {
        "kind": "trajectory",
        "request": spec.echo(),
        "t": _json_list(t),
        "loss_mean": _json_list(mean),
        "loss_stderr": _json_list(stderr),
        "alive_fraction": _json_list(alive / spec.seeds),
        "diverged_fraction": float(div.size / spec.seeds),
        "divergence_times": _json_list(np.sort(div)[:: int(np.sign(spec.t_max))]),
        "offset": 0.5 * spec.problem.target_norm2,
        "backend": be.name,
        "device": be.device,
        "kernel": perf.pop("kernel"),
        "dtype": spec.dtype,
        "discretisation": discretisation,
        "warnings": warnings,
        "performance": perf,
    }


def attach_theory(result: dict[str, Any], progress: Progress = None) -> dict[str, Any]:
    """Add ``theory`` and ``metrics`` to a :func:`simulate` result (returns a new dict)."""
    spec = parse_request(result["request"])
    pb = spec.problem
    t = np.array(result["t"], dtype=float)
    mean = np.array([np.nan if v is None else v for v in result["loss_mean"]], dtype=float)
    stderr = np.array([np.nan if v is None else v for v in result["loss_stderr"]], dtype=float)
    order, _ = choose_series_order(spec.model, spec.series_order)
    coeffs = series_values(pb, order, progress)
    series_loss, series_mask = series_curve(pb, coeffs, t)
    closed = closed_form_curve(spec, t)
    metrics: dict[str, Any] = {
        "series": _comparison(t, mean, stderr, series_loss, series_mask),
        "closed_form": None,
    }
    warnings = list(result.get("warnings", []))
    if closed["loss"] is not None:
        inside = _valid_mask(t, closed.get("t_range"))
        metrics["closed_form"] = _comparison(t, mean, stderr, closed["loss"], inside)
        if not inside.all():
            lo, hi = closed.get("t_range")
            warnings.append(
                f"the closed form ({closed.get('solution')}) holds for t in "
                f"[{'-inf' if lo is None else f'{lo:.3g}'}, {'inf' if hi is None else f'{hi:.3g}'}]"
                f"; {int((~inside).sum())} of {inside.size} times lie outside and are not "
                "compared"
            )
    theory = {
        "series": _json_list(series_loss),
        "series_order": order,
        "series_coefficients": _json_list(coeffs),
        "series_meaningful_until": float(t[series_mask][-1]) if series_mask.any() else None,
        "closed_form": None if closed["loss"] is None else _json_list(closed["loss"]),
        "closed_form_info": {k: v for k, v in closed.items() if k != "loss"},
    }
    return {**result, "theory": theory, "metrics": metrics, "warnings": warnings}


def _run_trajectory(spec: ValidationSpec, progress: Progress) -> dict[str, Any]:
    # theory first (the engine's series is bounded by its own cost estimate), then simulate
    order, _ = choose_series_order(spec.model, spec.series_order)
    series_values(spec.problem, order, scaled(progress, 0.0, 0.05))  # cached by the engine
    result = simulate(spec.echo(), scaled(progress, 0.05, 0.95))
    result = attach_theory(result)
    if progress is not None:
        progress(1.0, "done")
    return result


def _run_taylor(spec: ValidationSpec, progress: Progress) -> dict[str, Any]:
    be = resolve_backend(spec.backend)
    pb = spec.problem
    seeds = range(spec.seed, spec.seed + spec.seeds)
    start = time.perf_counter()
    batch = _taylor_batch(spec, be.name)
    est = estimate_series(
        pb, spec.s_max, seeds, be.xp, spec.dtype, batch, scaled(progress, 0.0, 0.7)
    )
    wall = time.perf_counter() - start
    exact = series_values(pb, spec.s_max, scaled(progress, 0.7, 1.0))
    with np.errstate(divide="ignore", invalid="ignore"):
        z = (est.mean - exact) / est.stderr
    z_json = _json_list(z)
    reliable = est.reliable(KURTOSIS_FACTOR)
    finite_z = [abs(v) for v, ok in zip(z_json, reliable) if v is not None and ok]
    warnings = []
    if not reliable.all():
        orders = ", ".join(str(s) for s in np.flatnonzero(~reliable))
        warnings.append(
            f"orders s = {orders}: d^sL/dt^s(0) is heavy-tailed (sample kurtosis above "
            f"n/{KURTOSIS_FACTOR:g} = {est.n / KURTOSIS_FACTOR:.3g}), so their standard errors "
            "and z-scores are unreliable and left out of max_abs_z; use more seeds or a "
            "lower s_max"
        )
    if progress is not None:
        progress(1.0, "done")
    return {
        "kind": "taylor",
        "request": spec.echo(),
        "s": list(range(spec.s_max + 1)),
        "mc_mean": _json_list(est.mean),
        "mc_stderr": _json_list(est.stderr),
        "exact": _json_list(exact),
        "z": z_json,
        "kurtosis": _json_list(est.kurtosis),
        "offset": 0.5 * pb.target_norm2,
        "warnings": warnings,
        "metrics": {
            "max_abs_z": max(finite_z) if finite_z else None,
            "z_reliable": [bool(ok) for ok in reliable],
            "n_seeds": est.n,
            "rel_err": _json_list(np.abs(est.mean - exact) / np.maximum(np.abs(exact), 1e-300)),
        },
        "backend": be.name,
        "device": be.device,
        "dtype": spec.dtype,
        "performance": {"wall_seconds": wall},
    }


def run_validation(request: Mapping[str, Any], progress: Progress = None) -> dict[str, Any]:
    """Run one validation request (module docstring) and return its JSON-ready result.

    ``progress(fraction, message)`` is called as the work advances and may raise
    :class:`~diagrams.errors.Cancelled` to stop it. Raises :class:`SpecError` for bad input.
    """
    spec = parse_request(request)
    with blas_threads(resolve_backend(spec.backend), spec.blas_threads):
        if spec.kind == "taylor":
            return _run_taylor(spec, progress)
        return _run_trajectory(spec, progress)
