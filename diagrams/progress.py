"""Progress callbacks: ``progress(fraction, message)`` with ``fraction`` in [0, 1]; a callback may
raise :class:`diagrams.errors.Cancelled` to stop the work."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[float, str], None] | None


def scaled(progress: Progress, lo: float, hi: float) -> Progress:
    """A callback that reports a sub-task's fractions on ``[lo, hi]`` of ``progress`` (clamped,
    so the outer scale stays monotone); None for None."""
    if progress is None:
        return None
    return lambda frac, msg: progress(lo + (hi - lo) * min(max(frac, 0.0), 1.0), msg)
