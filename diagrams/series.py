"""The expected-loss series ``E[L(t)] ~ ½‖F‖² + Σ_s Y_s t^s / (T^s s!)`` (eq. lossexp,
Theorem 3.1) with ``Y_s = T^s E[d^sL/dt^s(0)] = (−1)^s E[(½D_{2ν} − R_ν)^{⋆(s+1)}]``.

``Y_0`` excludes the offset ``½‖F‖²`` (``p/2`` for the identity target, 0 for the zero target).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Literal

from diagrams.errors import SpecError
from diagrams.expansion import expansion_cache, s_d_of
from diagrams.model import ModelSpec
from diagrams.polynomial import Poly
from diagrams.progress import scaled
from diagrams.wick import evaluator

Mode = Literal["exact", "leading", "extreme"]
MODES = ("exact", "leading", "extreme")
Progress = Callable[[float, str], None] | None


@dataclass(frozen=True)
class SeriesResult:
    """The offset and the coefficients ``Y_0..Y_{s_max}`` of one model."""

    model: ModelSpec
    mode: Mode
    offset: Poly
    coefficients: list[Poly] = field(default_factory=list)
    s_r_max: int | None = None
    """``None``, or the largest number of ``R_ν`` atoms of the kept leading terms."""
    s_d_max: int | None = None
    """``None``, or the largest number of ``D_{2ν}`` atoms of the kept leading terms."""

    def to_dict(self, latex: bool = True) -> dict[str, Any]:
        return {
            "model": self.model.to_dict(),
            "mode": self.mode,
            **({"s_r_max": self.s_r_max} if self.s_r_max is not None else {}),
            **({"s_d_max": self.s_d_max} if self.s_d_max is not None else {}),
            "offset": self.offset.to_json(),
            "coefficients": [
                {"s": s, "terms": y.to_json(), **({"latex": y.latex()} if latex else {})}
                for s, y in enumerate(self.coefficients)
            ],
        }


def loss_offset(model: ModelSpec) -> Poly:
    """``½‖F‖²``: ``p/2`` for the identity target, 0 for free evolution."""
    return Poly({(1, 0, 0): Fraction(1, 2)}) if model.target == "identity" else Poly()


def validate_order(value: object, name: str, maximum: int = 1000) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise SpecError(name, "must be an integer")
    if not 0 <= value <= maximum:
        raise SpecError(name, f"must be between 0 and {maximum}, got {value}")
    return value


def validate_mode(mode: object) -> None:
    """Raise :class:`SpecError` (field ``mode``) unless ``mode`` is one of :data:`MODES`."""
    if mode not in MODES:
        raise SpecError("mode", "must be 'exact', 'leading' or 'extreme'")


def validate_level_bounds(mode: str, s_r_max: object, s_d_max: object) -> None:
    """``s_r_max`` / ``s_d_max`` (at most that many atoms R / D) belong to the leading mode."""
    for name, bound in (("s_r_max", s_r_max), ("s_d_max", s_d_max)):
        if bound is not None and mode != "leading":
            raise SpecError(name, "applies to the leading mode only")


EXACT_METHODS = ("auto", "classes", "sequential")
"""How the exact mode computes ``Y_s``. ``classes``: every isomorphism class of the expansion
(:mod:`diagrams.expansion`) times its Wick expectation (:mod:`diagrams.wick`); ``sequential``:
merges and pairings interleaved (:mod:`diagrams.sequential`); ``auto``: the faster of the two for
the model (:func:`exact_method`). Both give the same polynomials (tested)."""


def exact_method(model: ModelSpec, method: str = "auto") -> str:
    """The method ``auto`` stands for: the sequential process for ASYM with ν ≤ 4 and for SYM
    with ν = 3, 4; classes otherwise.

    Measured, cold, 2 cores (``benchmarks/results/engine.md``; both methods give the same
    polynomials): ASYM ν=3 s=7 takes about 38 s sequentially and is out of the classes' reach
    (≈ 1.1 M classes); ASYM ν=3 s=6 4.3 s against 55 s; ASYM ν=4 s=6 59 s against more than
    240 s; ASYM ν=2 s=12 10 s against 29 s. SYM ν=4 s=4 2.7 s against 7.7 s, s=5 28 s against
    more than 150 s (zero target 8.8 s against 70 s); SYM ν=3 s=5 5.5 s against 14 s (zero
    2.2 s against 9.1 s). Classes stay ahead for SYM ν=2 (s=18: 1.2 s against 1.7 s), SYM ν ≥ 5
    (ν=5 s=4: 54 s against more than 100 s; ν=6 s=3 5.1 s against 7.7 s) and ASYM ν ≥ 5
    (ν=5 s=5: 15.6 s against 19.4 s).
    """
    if method not in EXACT_METHODS:
        raise SpecError("method", f"must be one of {', '.join(EXACT_METHODS)}")
    if method != "auto":
        return method
    if model.sym:
        return "sequential" if model.nu in (3, 4) else "classes"
    return "sequential" if model.nu <= 4 else "classes"


def exact_orders(model: ModelSpec, s_max: int, progress: Progress = None) -> list[Poly]:
    """``[exact_coefficient(model, s) for s ≤ s_max]``, with one progress scale over all orders;
    the sequential process computes them all in one pass."""
    if exact_method(model) == "sequential":
        from diagrams.sequential import sequential_series

        return sequential_series(model, s_max, progress)
    out = []
    for s in range(s_max + 1):
        sub = None
        if progress is not None:

            def sub(fraction: float, message: str, s: int = s) -> None:
                progress((s + fraction) / (s_max + 1), message)

        out.append(exact_coefficient(model, s, sub))
    return out


def exact_coefficient(
    model: ModelSpec, s: int, progress: Progress = None, method: str = "auto"
) -> Poly:
    """``Y_s`` exactly.

    ``classes``: ``Y_s = (−1)^s Σ_G N_G (−1)^{s_R} 2^{−s_D} E[G]`` over the classes of the
    level-``s`` expansion; sums are kept as integers scaled by ``2^{s+1}`` and divided once at
    the end. ``sequential``: :func:`diagrams.sequential.sequential_series` (all orders up to
    ``s`` in one pass, cached per model).
    """
    if exact_method(model, method) == "sequential":
        from diagrams.sequential import sequential_series

        return sequential_series(model, s, progress)[s]
    # one monotone scale: the merges, then the expectations
    level = expansion_cache(model).level(s, scaled(progress, 0.0, 0.5))
    forms = list(level)
    values = evaluator(model).evaluate_many(forms, scaled(progress, 0.5, 1.0))
    sums: dict[tuple[int, int, int], int] = {}
    for form, pq in zip(forms, values):
        if not pq:
            continue
        s_d = s_d_of(model, s, len(form[2]))
        s_r = s + 1 - s_d
        l = len(form[2]) // 2
        weight = (-1 if (s + s_r) % 2 else 1) * level[form] * 2 ** (s + 1 - s_d)
        for (q, n), v in pq.items():
            key = (q, n, l)
            sums[key] = sums.get(key, 0) + weight * v
    scale = Fraction(1, 2 ** (s + 1))
    return Poly({key: value * scale for key, value in sums.items()})


def series(
    model: ModelSpec,
    s_max: int,
    mode: Mode = "exact",
    progress: Progress = None,
    s_r_max: int | None = None,
    s_d_max: int | None = None,
) -> SeriesResult:
    """The offset and ``Y_0..Y_{s_max}``.

    Parameters
    ----------
    model : the model spec (Section 2).
    s_max : the highest order.
    mode : ``"exact"`` — full polynomials; ``"leading"`` — only the Pareto-optimal terms
        (Section 4), computed without the full polynomial (see :mod:`diagrams.leading`);
        ``"extreme"`` — only the two ends of every level's Pareto front, the terms that lead for
        every scaling off the critical line (see :mod:`diagrams.leading_extremes`; polynomial in
        ``s`` for ASYM as well).
    progress : optional callback ``(fraction, message)``; it may raise ``Cancelled``.
    s_r_max : leading mode only: keep the terms with at most that many ``R_ν`` atoms (the power
        of the target). Polynomial in ``s`` for ASYM with the identity target: ``s_r_max < 2``
        (the zero-target level) for every ν, ``s_r_max = 2`` (plus the first order in the target
        strength) for ν ≥ 3 (:func:`diagrams.leading_dmft.dmft_first_order_series`).
    s_d_max : leading mode only: keep the terms with at most that many ``D_{2ν}`` atoms. For
        ASYM ν = 2 with the identity target it is polynomial in ``s`` (the lowest levels of the
        planar limit, :func:`diagrams.leading_planar_levels.planar_low_levels`; the cost grows
        about ×14 per two levels).

    Examples
    --------
    >>> res = series(ModelSpec(2, "sym", "identity"), 0)
    >>> res.coefficients[0].to_text()
    '(-1)*p*H*s2 + (1/2)*p^2*H*s2^2 + (1/2)*p*H^2*s2^2 + (1/2)*p*H*s2^2'
    """
    s_max = validate_order(s_max, "s_max")
    validate_mode(mode)
    validate_level_bounds(mode, s_r_max, s_d_max)
    if mode == "extreme":  # one pass over all orders
        from diagrams.leading_extremes import extreme_series

        coefficients = extreme_series(model, s_max, progress)
    elif mode == "leading":  # one pass (every method computes all orders up to s_max)
        from diagrams.leading import leading_series

        coefficients = leading_series(model, s_max, progress, s_r_max=s_r_max, s_d_max=s_d_max)
    else:
        coefficients = exact_orders(model, s_max, progress)
    if progress is not None:
        progress(1.0, "done")
    return SeriesResult(model, mode, loss_offset(model), coefficients, s_r_max, s_d_max)
