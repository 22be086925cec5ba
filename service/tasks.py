"""Task kinds: the generic link between a REST endpoint and a library computation.

A task kind names a library callable (run in a worker process), a cost estimator (run in the
service before anything is scheduled) and the request field that drives the cost. The service
never holds mathematics: it validates, estimates, schedules, stores and serialises. A kind is
registered once, next to the router that serves it (see ``service/README.md``).
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from importlib.metadata import PackageNotFoundError, version
from typing import Any

try:
    ENGINE_VERSION = version("gfdiagrams")
except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
    ENGINE_VERSION = "0+unknown"


@dataclass(frozen=True)
class Estimate:
    """Predicted cost of one computation (from the library's cost model)."""

    seconds: float
    peak_bytes: int | None = None
    classes: int | None = None

    @classmethod
    def coerce(cls, value: Any) -> Estimate:
        """Accept a float (seconds) or an object with ``seconds``/``peak_bytes``/``classes``."""
        if isinstance(value, Estimate):
            return value
        if isinstance(value, int | float):
            return cls(float(value))
        seconds = float(value.seconds)
        return cls(seconds, getattr(value, "peak_bytes", None), getattr(value, "classes", None))

    def to_dict(self) -> dict[str, Any]:
        seconds = self.seconds if math.isfinite(self.seconds) else None
        return {"seconds": seconds, "peak_bytes": self.peak_bytes, "classes": self.classes}


@dataclass(frozen=True)
class Rendered:
    """A view's non-JSON output (e.g. GraphML text) with its media type."""

    content: str
    media_type: str


View = Callable[[Any, dict[str, Any]], Any]


@dataclass(frozen=True)
class TaskKind:
    """One kind of computation the service can schedule.

    Parameters
    ----------
    name:
        Short unique name, stored with each job (e.g. ``"series"``).
    target:
        ``"module:function"`` of the library callable ``f(params: dict, progress) -> dict``
        (JSON-serialisable result). It is imported inside the worker process only, and may
        raise :class:`diagrams.errors.SpecError` / ``NotApplicable`` / ``Cancelled``.
    estimate:
        ``f(params: dict) -> seconds | CostEstimate`` (or its ``"module:function"``), called
        in the service process before scheduling; must be cheap. May raise ``SpecError``.
    cost_field:
        The request field named when the estimate exceeds the budget (e.g. ``"s_max"``).
    view:
        Optional ``f(result, view_params) -> body`` applied when a stored result is served
        (pagination, serialisation format); returns JSON data or :class:`Rendered` text.
        Only bookkeeping, no computation.
    version:
        Bump to stop serving results stored by an older revision of the computation.
    alternatives:
        Optional ``f(params, budget_seconds, budget_bytes) -> list[dict]`` (or its
        ``"module:function"``): nearby requests that fit the budget, each a dict of the changed
        fields plus ``"seconds"``; offered with a budget refusal. Called only then; without it
        a refusal offers the largest integer value of ``cost_field`` that fits.
    """

    name: str
    target: str
    estimate: Callable[[dict[str, Any]], Any] | str
    cost_field: str
    view: View | None = None
    version: str = "1"
    alternatives: (
        Callable[[dict[str, Any], float, int | None], list[dict[str, Any]]] | str | None
    ) = None

    def estimate_cost(self, params: dict[str, Any]) -> Estimate:
        """The estimator's answer as an :class:`Estimate`."""
        estimator = self.estimate
        if isinstance(estimator, str):
            estimator = resolve_target(estimator)
        return Estimate.coerce(estimator(params))

    def affordable_alternatives(
        self, params: dict[str, Any], budget_seconds: float, budget_bytes: int | None
    ) -> list[dict[str, Any]]:
        """Nearby requests within the budget: the kind's ``alternatives``, or else, when the
        cost field holds an integer, its largest value (at most the requested one) whose
        estimate fits — found by bisection, as the estimates grow with it; a value the estimator
        rejects counts as below the field's range."""
        finder = self.alternatives
        if isinstance(finder, str):
            finder = resolve_target(finder)
        if finder is not None:
            return list(finder(params, budget_seconds, budget_bytes))
        value = params.get(self.cost_field)
        if not isinstance(value, int) or isinstance(value, bool):
            return []
        from diagrams.cost import largest_within, within_budget

        def price(candidate: int) -> float | None:
            estimate = self.estimate_cost({**params, self.cost_field: candidate})
            return within_budget(estimate, budget_seconds, budget_bytes)

        largest = largest_within(price, value)
        return [] if largest is None else [{self.cost_field: largest[0], "seconds": largest[1]}]

    def request_hash(self, params: dict[str, Any]) -> str:
        """Content address of a computation: SHA-256 of the canonical JSON of its inputs."""
        return canonical_hash(
            {"kind": self.name, "v": self.version, "engine": ENGINE_VERSION, "params": params}
        )


_REGISTRY: dict[str, TaskKind] = {}


def register(kind: TaskKind) -> TaskKind:
    """Register a task kind (idempotent for the same definition); returns it."""
    existing = _REGISTRY.get(kind.name)
    if existing is not None and existing != kind:
        raise ValueError(f"task kind {kind.name!r} is already registered differently")
    _REGISTRY[kind.name] = kind
    return kind


def get_kind(name: str) -> TaskKind:
    return _REGISTRY[name]


def registered_kinds() -> list[str]:
    return sorted(_REGISTRY)


def canonical_json(value: Any) -> str:
    """Deterministic JSON: sorted keys, no whitespace, finite numbers only."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), allow_nan=False)


def canonical_hash(value: Any) -> str:
    return hashlib.sha256(canonical_json(value).encode()).hexdigest()


def resolve_target(target: str) -> Callable[..., Any]:
    """Import ``"package.module:function"`` (used by worker processes)."""
    module_name, _, attr = target.partition(":")
    if not module_name or not attr:
        raise ValueError(f"task target {target!r} must look like 'module:function'")
    return getattr(import_module(module_name), attr)
