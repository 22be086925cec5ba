"""Choice of loss/gradient kernel by cost, and the flow's vector field ``du/dt = −∇L/T``.

Kernels: ``"gram"`` (:mod:`~diagrams.flow.gram`, O(νH²p)), ``"mttkrp"``
(:mod:`~diagrams.flow.mttkrp`, O(νHp^ν)) and ``"dense"`` (:mod:`~diagrams.flow.dense`, the naive
reference). ``"auto"`` takes the cheaper of the first two by operation count, among those whose
temporaries fit in the memory limit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from diagrams.errors import SpecError
from diagrams.flow.dense import dense_flops, dense_loss_and_grad
from diagrams.flow.gram import gram_bytes, gram_flops, gram_loss_and_grad
from diagrams.flow.mttkrp import mttkrp_bytes, mttkrp_flops, mttkrp_loss_and_grad
from diagrams.flow.problem import FlowProblem
from diagrams.model import ModelSpec

KERNELS = ("auto", "gram", "mttkrp", "dense")
DEFAULT_MEMORY_LIMIT = 8 * 2**30


def kernel_flops(kernel: str, model: ModelSpec, p: int, H: int, batch: int = 1) -> int:
    """Operation count of one loss-and-gradient evaluation with ``kernel``."""
    return {"gram": gram_flops, "mttkrp": mttkrp_flops, "dense": dense_flops}[kernel](
        model, p, H, batch
    )


def kernel_bytes(
    kernel: str, model: ModelSpec, p: int, H: int, batch: int = 1, itemsize: int = 8
) -> int:
    """Peak temporary memory of one evaluation with ``kernel`` (an estimate)."""
    if kernel == "gram":
        return gram_bytes(model, p, H, batch, itemsize)
    if kernel == "mttkrp":
        return mttkrp_bytes(model, p, H, batch, itemsize)
    return batch * itemsize * (H * p ** (model.nu - 1) + 2 * p**model.nu)


# Weights of memory-bound elementwise work relative to one matmul flop, measured on the CPU
# with single-threaded BLAS (benchmarks/results/flow.md): in-place Hadamard products on H×H
# arrays are cheap; Khatri–Rao outer products with short inner dimensions are not.
GRAM_ELEMENT_WEIGHT = 2
KHATRI_RAO_ELEMENT_WEIGHT = 30


def kernel_cost(kernel: str, model: ModelSpec, p: int, H: int, batch: int = 1) -> float:
    """Relative time of one evaluation: flops plus weighted elementwise traffic.

    Used only to choose between kernels; :func:`kernel_flops` is what GFLOP/s figures count.
    """
    nu = model.nu
    flops = kernel_flops(kernel, model, p, H, batch)
    if kernel == "gram":
        return flops + GRAM_ELEMENT_WEIGHT * batch * model.colors * nu * H * H
    if kernel == "mttkrp":
        kr = 2 * H * sum(p**j for j in range(2, nu))  # Khatri–Rao products (+ a recompute)
        dense = 3 * p**nu  # passes over f and the residual
        return flops + KHATRI_RAO_ELEMENT_WEIGHT * batch * (kr + dense)
    return float(flops)


def kernel_traffic_bytes(
    kernel: str, model: ModelSpec, p: int, H: int, batch: int = 1, itemsize: int = 8
) -> int:
    """Approximate device-memory traffic (bytes read + written) of one evaluation.

    Counts the large arrays only: in the Gram form each ``H×H`` array pass (the Gram write,
    the Hadamard products, the loss reduction and the second matmul's read); in the contraction
    form the Khatri–Rao blocks (written, then read by two matmuls) and the dense ``p^ν`` passes.
    Used to express achieved bandwidth against the device's copy ceiling.
    """
    nu, C = model.nu, model.colors
    if kernel == "gram":
        passes = (2 + 3 * (nu - 2) + 2 + 1) if model.sym else (1 + 3 * nu * (nu - 2) + 2 + 1)
        elements = C * passes * H * H if not model.sym else passes * H * H
    elif kernel == "mttkrp":
        kr = sum(H * p**j for j in range(2, nu))
        elements = 3 * kr + 8 * p**nu
    else:
        elements = (2 + (1 if model.sym else nu)) * p**nu
    return batch * itemsize * int(elements)


def choose_kernel(
    model: ModelSpec,
    p: int,
    H: int,
    batch: int = 1,
    itemsize: int = 8,
    memory_limit: int = DEFAULT_MEMORY_LIMIT,
) -> str:
    """The cheaper (by :func:`kernel_cost`) of ``"gram"`` and ``"mttkrp"`` that fits in memory.

    >>> choose_kernel(ModelSpec(3, "asym", "zero"), p=8, H=512)   # H = p³ ≫ p²
    'mttkrp'
    >>> choose_kernel(ModelSpec(4, "sym", "identity"), p=64, H=2048)
    'gram'
    """
    fits = [
        k
        for k in ("gram", "mttkrp")
        if kernel_bytes(k, model, p, H, batch, itemsize) <= memory_limit
    ]
    candidates = fits or ["gram", "mttkrp"]
    return min(candidates, key=lambda k: kernel_cost(k, model, p, H, batch))


@dataclass(frozen=True)
class FlowField:
    """The vector field of eq. (gf): ``__call__(U) -> (L(U), −∂L/∂U / T)`` for a batch.

    Attributes
    ----------
    problem: the model and sizes.
    xp: array module (``numpy`` or ``cupy``).
    kernel: ``"gram" | "mttkrp" | "dense"`` (resolve ``"auto"`` with :func:`make_field`).
    workspace: scratch arrays reused between evaluations (so one field serves one thread).
    """

    problem: FlowProblem
    xp: Any
    kernel: str
    workspace: dict = field(default_factory=dict, compare=False, repr=False)

    def _eval(self, U: Any, need_grad: bool) -> tuple[Any, Any]:
        model = self.problem.model
        if self.kernel == "gram":
            return gram_loss_and_grad(U, model, self.xp, need_grad, self.workspace)
        if self.kernel == "mttkrp":
            return mttkrp_loss_and_grad(U, model, self.xp, need_grad, workspace=self.workspace)
        return dense_loss_and_grad(U, model, self.xp, need_grad)

    def __call__(self, U: Any) -> tuple[Any, Any]:
        loss, grad = self._eval(U, True)
        grad *= -1.0 / self.problem.T
        return loss, grad

    def loss(self, U: Any) -> Any:
        """The loss alone (one Gram matmul, no gradient)."""
        return self._eval(U, False)[0]

    def flops(self, batch: int) -> int:
        return kernel_flops(self.kernel, self.problem.model, self.problem.p, self.problem.H, batch)


def make_field(
    problem: FlowProblem,
    xp: Any = np,
    kernel: str = "auto",
    batch: int = 1,
    itemsize: int = 8,
    field: str = "kernel",
) -> FlowField:
    """Build a :class:`FlowField`, resolving ``kernel="auto"`` by :func:`choose_kernel`."""
    if kernel not in KERNELS:
        raise SpecError(field, f"must be one of {', '.join(KERNELS)}")
    if kernel == "auto":
        kernel = choose_kernel(problem.model, problem.p, problem.H, batch, itemsize)
    return FlowField(problem, xp, kernel)
