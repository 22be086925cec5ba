"""Naive dense reference: materialise ``f ∈ (R^p)^{⊗ν}`` with one ``einsum`` per term.

This is eq. (loss) written literally — the model tensor and the residual are built densely,
and each gradient is one ``einsum`` contraction of the residual with the other factors. It is
the independent check of :mod:`~diagrams.flow.gram` and :mod:`~diagrams.flow.mttkrp` at tiny
sizes and the baseline of ``benchmarks/flow.py``; it needs ``O(B p^ν)`` memory.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from diagrams.model import ModelSpec

_INDEX_LETTERS = "ijlmnopqrstu"  # p-indices (b = batch, k = rank are reserved)


def dense_target(p: int, nu: int, identity: bool, xp: Any = np, dtype: str = "float64") -> Any:
    """The target tensor ``F`` of eq. (idtarget) (or zero), shape ``(p,)*ν``."""
    F = xp.zeros((p,) * nu, dtype=dtype)
    if identity:
        idx = xp.arange(p)
        F[(idx,) * nu] = 1.0
    return F


def dense_loss_and_grad(
    U: Any, model: ModelSpec, xp: Any = np, need_grad: bool = True, optimize: bool = False
) -> tuple[Any, Any | None]:
    """Loss (shape ``(B,)``) and gradient by dense ``einsum`` (``optimize=False``: naive loops)."""
    nu = model.nu
    B, C, H, p = U.shape
    letters = _INDEX_LETTERS[:nu]
    factors = [U[:, 0] if model.sym else U[:, m] for m in range(nu)]
    spec_in = ",".join(f"bk{c}" for c in letters)
    f = xp.einsum(f"{spec_in}->b{letters}", *factors, optimize=optimize)
    resid = f - dense_target(p, nu, model.target == "identity", xp, U.dtype)
    loss = 0.5 * xp.sum(resid.reshape(B, -1) ** 2, axis=-1)
    if not need_grad:
        return loss, None
    colors = [0] if model.sym else range(nu)
    grads = []
    for m in colors:
        others = [j for j in range(nu) if j != m]
        spec = f"b{letters}," + ",".join(f"bk{letters[j]}" for j in others)
        g = xp.einsum(
            f"{spec}->bk{letters[m]}", resid, *[factors[j] for j in others], optimize=optimize
        )
        grads.append(nu * g if model.sym else g)
    return loss, xp.stack(grads, axis=1)


def dense_flops(model: ModelSpec, p: int, H: int, batch: int = 1) -> int:
    """Operations of the naive evaluation: ν per summand (ν−1 products, one add) per einsum."""
    nu = model.nu
    n_grad = 1 if model.sym else nu
    return batch * (1 + n_grad) * nu * H * p**nu
