"""One gradient-flow problem of Section 2 at concrete sizes, and its random initial weights.

Weights are stored as one array ``U`` of shape ``(B, C, H, p)``: ``B`` seeds (the batch axis),
``C`` colours (``C = ν`` in ASYM, ``C = 1`` in SYM where ``u^(1) = … = u^(ν) = u``, eq. sym),
``H`` rank terms and ``p`` indices, so ``U[b, m, k, i] = u^(m)_{k,i}`` of eq. (f_F_def).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from diagrams.errors import SpecError
from diagrams.model import ModelSpec


def _positive_int(value: Any, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < 1:
        raise SpecError(field, f"must be a positive integer, got {value!r}")
    return int(value)


def _positive_float(value: Any, field: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | np.floating | np.integer):
        raise SpecError(field, f"must be a positive number, got {value!r}")
    x = float(value)
    if not math.isfinite(x) or x <= 0:
        raise SpecError(field, f"must be a positive finite number, got {value!r}")
    return x


@dataclass(frozen=True)
class FlowProblem:
    """Model and sizes: order-ν CP model of rank ``H`` on ``p^ν`` tensors, init variance σ².

    The flow is ``du/dt = −(1/T) ∂L/∂u`` (eq. gf) with the loss of eq. (loss).

    >>> pb = FlowProblem(ModelSpec(2, "sym", "identity"), p=4, H=3, sigma2=0.1)
    >>> pb.colors, pb.target_norm2
    (1, 4.0)
    """

    model: ModelSpec
    p: int
    H: int
    sigma2: float
    T: float = 1.0

    def __post_init__(self) -> None:
        if not isinstance(self.model, ModelSpec):
            raise SpecError("model", "must be a ModelSpec")
        object.__setattr__(self, "p", _positive_int(self.p, "params.p"))
        object.__setattr__(self, "H", _positive_int(self.H, "params.H"))
        object.__setattr__(self, "sigma2", _positive_float(self.sigma2, "params.sigma2"))
        object.__setattr__(self, "T", _positive_float(self.T, "params.T"))

    @classmethod
    def from_dict(cls, model: ModelSpec, params: Mapping[str, Any]) -> FlowProblem:
        """Build from ``{"p", "H", "sigma2", "T"}`` (T defaults to 1), naming bad fields."""
        if not isinstance(params, Mapping):
            raise SpecError("params", "must be an object with p, H, sigma2, T")
        unknown = set(params) - {"p", "H", "sigma2", "T"}
        if unknown:
            raise SpecError(f"params.{sorted(unknown)[0]}", "unknown field")
        for key in ("p", "H", "sigma2"):
            if key not in params:
                raise SpecError(f"params.{key}", "is required")
        return cls(model, params["p"], params["H"], params["sigma2"], params.get("T", 1.0))

    @property
    def nu(self) -> int:
        return self.model.nu

    @property
    def colors(self) -> int:
        """Number of independent factor matrices: ν in ASYM, 1 in SYM."""
        return self.model.colors

    @property
    def target_norm2(self) -> float:
        """‖F‖²: ``p`` for the identity target (eq. idtarget), 0 for free evolution."""
        return float(self.p) if self.model.target == "identity" else 0.0

    @property
    def n_params(self) -> int:
        return self.colors * self.H * self.p

    def to_dict(self) -> dict[str, Any]:
        return {"p": self.p, "H": self.H, "sigma2": self.sigma2, "T": self.T}


def init_weights(
    problem: FlowProblem, seeds: Sequence[int], xp: Any = np, dtype: str = "float64"
) -> Any:
    """Initial weights ``u ~ N(0, σ²)`` i.i.d., one independent stream per seed.

    Each seed's weights are drawn on the host by ``numpy.random.default_rng(seed)`` in float64
    and only then moved to ``xp`` and cast, so the same seed gives the same start on every
    backend and in every batch composition (batched runs equal sequential runs).

    Returns an array of shape ``(len(seeds), C, H, p)``.
    """
    shape = (problem.colors, problem.H, problem.p)
    sigma = math.sqrt(problem.sigma2)
    host = np.empty((len(seeds), *shape), dtype=np.float64)
    for b, seed in enumerate(seeds):
        host[b] = np.random.default_rng(int(seed)).standard_normal(shape) * sigma
    return xp.asarray(host, dtype=dtype)
