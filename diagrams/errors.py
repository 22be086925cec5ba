"""The library's one exception hierarchy.

The service maps each class to an HTTP problem-details response in one place
(`service/problems.py`); the library never knows about HTTP.
"""

from __future__ import annotations


class DiagramsError(Exception):
    """Base class of every error the library raises on purpose."""


class SpecError(DiagramsError, ValueError):
    """A user-supplied value is invalid.

    Parameters
    ----------
    field:
        Dotted path of the offending field, e.g. ``"model.nu"`` or ``"s_max"``.
    reason:
        Human-readable reason, e.g. ``"must be an integer in 2..12"``.
    """

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


class BudgetExceeded(DiagramsError):
    """A request's estimated cost exceeds the allowed budget; nothing was started.

    Attributes
    ----------
    field: the request field that drives the cost (e.g. ``"s_max"``).
    estimate: the :class:`diagrams.cost.CostEstimate` that was refused.
    budget_seconds: the budget it was compared with.
    """

    def __init__(self, field: str, estimate: object, budget_seconds: float) -> None:
        super().__init__(
            f"{field}: estimated cost {estimate} exceeds the budget of {budget_seconds:g} s"
        )
        self.field = field
        self.estimate = estimate
        self.budget_seconds = budget_seconds


class Cancelled(DiagramsError):
    """Raised from inside a computation when its progress callback asks it to stop."""


class NotApplicable(DiagramsError):
    """A formula or solution does not apply to the given model or regime (with the reason)."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason
