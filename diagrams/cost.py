"""Cost estimates for engine requests, so callers can refuse work that will not finish.

The model is empirical (see ``BENCHMARKS.md``): the number of isomorphism classes per merge
level grows roughly geometrically with a ratio that itself grows slowly, and the time per class
grows with the diagram size. The estimator computes the cheap low levels of the expansion for
real (they are cached and reused by the computation itself), measures the time per class there,
and extrapolates level by level:

* ``classes(s+1) = classes(s) · ratio(s)``, ``ratio(s+1) = ratio(s) · drift`` where ``ratio`` and
  ``drift`` are fitted on the last measured levels (``drift ≥ 1``);
* ``seconds(s) = classes(s) · t_class · (edges(s) / edges(k))²`` with ``t_class`` the measured
  merge + Wick time per class at the last measured level ``k`` (measured levels count with
  their measured times: a separate worker process recomputes them);
* memory ``≈ classes · (bytes per class)`` for the largest level plus the Wick memo (measured
  about three memo entries per top-level class).

Estimates are meant to be right within a small factor; they err on the high side.

Where the exact mode runs the sequential process (:func:`diagrams.series.exact_method`: ASYM
with ν ≤ 4, SYM with ν = 3, 4) the estimate is
:func:`diagrams.sequential.estimate_sequential_cost` instead: the process run for real on small
orders and extrapolated geometrically.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from diagrams.errors import SpecError
from diagrams.expansion import expansion_cache
from diagrams.model import ModelSpec
from diagrams.series import (
    exact_coefficient,
    exact_method,
    validate_level_bounds,
    validate_mode,
    validate_order,
)

# Low levels are computed for real to calibrate, until one of these limits is reached.
CALIBRATION_CLASSES = 1500
CALIBRATION_SECONDS = 0.4
BYTES_PER_EDGE = 72
BYTES_PER_CLASS = 400
MEMO_PER_CLASS = 3.0
MAX_CLASSES = 10**15


@dataclass(frozen=True)
class CostEstimate:
    """Estimated wall time (s), peak memory (bytes) and largest class count of a request."""

    seconds: float
    peak_bytes: int
    classes: int
    measured_levels: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def __str__(self) -> str:
        return f"~{self.seconds:.3g} s, ~{self.peak_bytes / 2**20:.3g} MiB, ~{self.classes} classes"


@dataclass
class _Calibration:
    counts: list[int]
    seconds: list[float]


_CALIBRATIONS: dict[ModelSpec, _Calibration] = {}


def _calibrate(model: ModelSpec) -> _Calibration:
    """Compute low levels for real while the next one is predicted to stay within budget."""
    cal = _CALIBRATIONS.get(model)
    if cal is not None:
        return cal
    cache = expansion_cache(model)
    counts: list[int] = []
    seconds: list[float] = []
    s = 0
    while s <= 40:
        start = time.process_time()
        level = cache.level(s)
        exact_coefficient(model, s, method="classes")
        seconds.append(time.process_time() - start)
        counts.append(len(level))
        ratio = counts[-1] / counts[-2] if len(counts) >= 2 else 4.0
        predicted_next = seconds[-1] * max(ratio, 1.0) * 2.0
        if counts[-1] > CALIBRATION_CLASSES or sum(seconds) + predicted_next > CALIBRATION_SECONDS:
            break
        s += 1
    cal = _CALIBRATIONS[model] = _Calibration(counts, seconds)
    return cal


def small_run_times(
    run: Callable[[int], object], limit: float = 0.15, total: float = 0.4
) -> list[float]:
    """Cold wall times of ``run(s)`` for ``s = 0, 1, …`` until one takes more than ``limit``
    seconds or all together more than ``total`` (calibration of the process-based estimates)."""
    times: list[float] = []
    for s in range(0, 40):
        start = time.perf_counter()
        run(s)
        times.append(time.perf_counter() - start)
        if times[-1] > limit or sum(times) > total:
            break
    return times


def edges_at(model: ModelSpec, s: int) -> int:
    """Largest edge count at level ``s``: ``2l = ν(s_D+1) + (ν−2)s`` at ``s_D = s+1``."""
    return model.nu * (s + 2) + (model.nu - 2) * s


def estimate_cost(
    model: ModelSpec,
    s_max: int,
    mode: str = "exact",
    method: str = "auto",
    s_r_max: int | None = None,
    s_d_max: int | None = None,
) -> CostEstimate:
    """Estimated cost of ``series(model, s_max, mode, s_r_max=…, s_d_max=…)``; with
    ``method="classes"`` that of the
    class-by-class computation, which is also what ``expansion(model, s_max)`` (plus the
    expectations of its classes) costs. ``method`` is one of
    :data:`diagrams.series.EXACT_METHODS` and only matters for the exact mode.

    Examples
    --------
    >>> est = estimate_cost(ModelSpec(2, "sym", "identity"), 3)
    >>> est.seconds < 1
    True
    """
    s_max = validate_order(s_max, "s_max")
    validate_mode(mode)
    validate_level_bounds(mode, s_r_max, s_d_max)
    if mode == "extreme":
        from diagrams.leading_extremes import estimate_extreme_cost

        return estimate_extreme_cost(model, s_max)
    if mode == "leading":
        try:
            from diagrams.leading import estimate_leading_cost
        except ImportError:
            pass
        else:
            return estimate_leading_cost(model, s_max, s_r_max, s_d_max)
    if exact_method(model, method) == "sequential":
        from diagrams.sequential import estimate_sequential_cost

        return estimate_sequential_cost(model, s_max)
    cal = _calibrate(model)
    counts = list(cal.counts)
    k = len(counts) - 1
    if len(counts) >= 3 and counts[-2] > 0 and counts[-3] > 0:
        ratio = counts[-1] / counts[-2]
        drift = max(1.0, ratio / (counts[-2] / counts[-3]))
    elif len(counts) >= 2 and counts[-2] > 0:
        ratio, drift = counts[-1] / counts[-2], 1.2
    else:
        ratio, drift = 4.0, 1.2
    drift = min(drift, 1.5)
    while len(counts) <= s_max:
        ratio = min(ratio * drift, 1e6)
        # Saturate far beyond any budget instead of overflowing.
        counts.append(min(int(counts[-1] * max(ratio, 1.0)) + 1, MAX_CLASSES))
    per_class = cal.seconds[k] / max(cal.counts[k], 1)
    seconds = sum(cal.seconds[: s_max + 1])
    for s in range(k + 1, s_max + 1):
        growth = (edges_at(model, s) / edges_at(model, k)) ** 2
        seconds += counts[s] * per_class * growth
    biggest = max(counts[: s_max + 1])
    peak = int(
        biggest * (BYTES_PER_CLASS + BYTES_PER_EDGE * edges_at(model, s_max)) * (1 + MEMO_PER_CLASS)
    )
    return CostEstimate(
        seconds=round(min(seconds, 1e15), 4),
        peak_bytes=peak + 80 * 2**20,
        classes=biggest,
        measured_levels=min(k, s_max) + 1,
    )


def within_budget(
    estimate: Any, budget_seconds: float, budget_bytes: int | None = None
) -> float | None:
    """The estimate's seconds if it fits the budget (time, and memory when given), else None."""
    over_bytes = budget_bytes is not None and (estimate.peak_bytes or 0) > budget_bytes
    return estimate.seconds if estimate.seconds <= budget_seconds and not over_bytes else None


def largest_within(price: Callable[[int], float | None], high: int) -> tuple[int, float] | None:
    """The largest ``v ≤ high`` with ``price(v)`` not None, and that price, by bisection:
    ``price`` is monotone (estimates grow with ``v``); a value it rejects (``ValueError`` — a
    :class:`SpecError` — or ``OverflowError``) counts as below the field's range."""

    def over(value: int) -> bool:
        try:
            return price(value) is None
        except (ValueError, OverflowError):
            return False

    low, top = -1, high + 1  # low fits or is rejected (or −1), top is over the budget
    while top - low > 1:
        mid = (low + top) // 2
        if over(mid):
            top = mid
        else:
            low = mid
    if low < 0:
        return None
    try:
        seconds = price(low)
    except (ValueError, OverflowError):
        return None
    return None if seconds is None else (low, seconds)


def affordable_alternatives(
    model: ModelSpec,
    s_max: int,
    mode: str = "exact",
    budget_seconds: float = 600.0,
    budget_bytes: int | None = None,
    s_r_max: int | None = None,
    s_d_max: int | None = None,
) -> list[dict[str, Any]]:
    """Requests close to a refused ``series(model, s_max, mode, s_r_max=…, s_d_max=…)`` whose
    estimates fit the budget, for a refusal to offer: each is a dict of the changed parameters
    plus ``"seconds"`` (the estimate).

    In order: the largest ``s_max`` (at most the requested one) that fits with everything else
    unchanged; in the leading mode
    for ASYM with the identity target, at the same ``s_max``, the largest ``s_r_max`` and the
    largest ``s_d_max`` that fit (the polynomial level methods of
    :func:`diagrams.leading.level_method`, e.g. ``s_r_max = 2`` for ν ≥ 3), and the extreme mode
    (both ends of every level's front). Every candidate is priced by :func:`estimate_cost`
    itself, so a suggestion is refused again only if the estimate changes.

    Examples
    --------
    >>> model = ModelSpec(3, "asym", "identity")
    >>> [sorted(alt.items())[0] for alt in affordable_alternatives(model, 25, "leading", 60.0)]
    [('s_max', 6), ('s_r_max', 2), ('mode', 'extreme')]
    """
    s_max = validate_order(s_max, "s_max")
    if not budget_seconds > 0:
        raise SpecError("budget_seconds", "must be a positive number of seconds")

    def fits(order: int, **changes: Any) -> float | None:
        params = {"mode": mode, "s_r_max": s_r_max, "s_d_max": s_d_max, **changes}
        return within_budget(estimate_cost(model, order, **params), budget_seconds, budget_bytes)

    found: list[dict[str, Any]] = []
    largest = largest_within(fits, s_max)
    if largest is not None:
        found.append({"s_max": largest[0], "seconds": largest[1]})
    if mode == "leading" and not model.sym and model.target == "identity":
        from diagrams.leading import normalised_bounds

        for field, current in (("s_r_max", s_r_max), ("s_d_max", s_d_max)):
            start = s_max if current is None else min(current - 1, s_max)
            seen = set()
            for value in range(start, -1, -1):
                bounds = {"s_r_max": s_r_max, "s_d_max": s_d_max, field: value}
                key = normalised_bounds(model, s_max, bounds["s_r_max"], bounds["s_d_max"])
                if key in seen:
                    continue
                seen.add(key)
                seconds = fits(s_max, **{field: value})
                if seconds is not None:
                    found.append({field: key[0 if field == "s_r_max" else 1], "seconds": seconds})
                    break
    if mode == "leading" and not model.sym:
        seconds = fits(s_max, mode="extreme", s_r_max=None, s_d_max=None)
        if seconds is not None:
            found.append({"mode": "extreme", "seconds": seconds})
    return found
