"""Contraction (MTTKRP) form of the loss and gradient, cost O(ν H p^ν) per seed.

The model tensor ``f = Σ_k ⊗_m u_k^(m)`` (eq. f_F_def) is formed as a matrix product of a
Khatri–Rao product with the last factor, the residual ``E = f − F`` is taken densely, and the
gradient is the matricised-tensor-times-Khatri–Rao product

    ∂L/∂u^(m)_{k,i} = Σ_{i_1..i_ν, i_m = i} E_{i_1..i_ν} Π_{m'≠m} u^(m')_{k,i_m'},

times ν in SYM (where ``E`` is symmetric). This is the cheaper form when ``H ≫ p^{ν−1}``
(e.g. the overparameterised free ASYM runs of Section 7). The rank axis is processed in
chunks so the Khatri–Rao blocks stay below ``chunk_bytes``: like the paper's batched loss
(eq. batchloss) the result is exact, only the memory is bounded.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from diagrams.model import ModelSpec

DEFAULT_CHUNK_BYTES = 64 * 2**20


def khatri_rao(factors: Sequence[Any]) -> Any:
    """Row-wise Khatri–Rao product of ``(B, h, p)`` factors → ``(B, h, p^len)``.

    The first factor's index varies slowest, matching C-order reshapes of ``f``.
    """
    out = factors[0]
    B, h = out.shape[0], out.shape[1]
    for fac in factors[1:]:
        out = (out[:, :, :, None] * fac[:, :, None, :]).reshape(B, h, -1)
    return out


def diagonal_step(p: int, nu: int) -> int:
    """Flat-index stride of the diagonal ``i_1 = … = i_ν`` of a C-ordered ``p^ν`` tensor."""
    return sum(p**j for j in range(nu))


def _chunks(H: int, rows_per_chunk: int) -> list[slice]:
    return [slice(a, min(a + rows_per_chunk, H)) for a in range(0, H, rows_per_chunk)]


def _rows_per_chunk(B: int, p: int, nu: int, itemsize: int, chunk_bytes: int) -> int:
    per_row = B * p ** (nu - 1) * itemsize * 2  # the Khatri–Rao block and one temporary
    return max(1, chunk_bytes // max(per_row, 1))


def mttkrp_loss_and_grad(
    U: Any,
    model: ModelSpec,
    xp: Any = np,
    need_grad: bool = True,
    chunk_bytes: int = DEFAULT_CHUNK_BYTES,
) -> tuple[Any, Any | None]:
    """Loss ``L`` (shape ``(B,)``, including ½‖F‖²) and ``∂L/∂U``, via the dense residual."""
    nu = model.nu
    B, C, H, p = U.shape
    rows = _rows_per_chunk(B, p, nu, U.dtype.itemsize, chunk_bytes)
    chunks = _chunks(H, rows)
    # f as a (B, p^(ν-1), p) matrix: rows index (i_1..i_{ν-1}), columns i_ν
    f = xp.zeros((B, p ** (nu - 1), p), dtype=U.dtype)
    for sl in chunks:
        if model.sym:
            kr = khatri_rao([U[:, 0, sl]] * (nu - 1))
            last = U[:, 0, sl]
        else:
            kr = khatri_rao([U[:, m, sl] for m in range(nu - 1)])
            last = U[:, nu - 1, sl]
        f += xp.matmul(xp.ascontiguousarray(xp.swapaxes(kr, -1, -2)), last)
    resid = f.reshape(B, -1)
    if model.target == "identity":
        resid[:, :: diagonal_step(p, nu)] -= 1.0
    loss = 0.5 * xp.sum(resid * resid, axis=-1)
    if not need_grad:
        return loss, None
    grad = xp.empty_like(U)
    resid_t = resid.reshape((B,) + (p,) * nu)
    if model.sym:
        # E is symmetric, so contracting all but the last index gives the gradient
        e_mat = resid.reshape(B, p ** (nu - 1), p)
        for sl in chunks:
            kr = khatri_rao([U[:, 0, sl]] * (nu - 1))
            grad[:, 0, sl] = nu * xp.matmul(kr, e_mat)
        return loss, grad
    for m in range(nu):
        others = [j for j in range(nu) if j != m]
        # E with axis m moved last, matricised to (B, p^(ν-1), p)
        e_mat = xp.moveaxis(resid_t, 1 + m, -1).reshape(B, p ** (nu - 1), p)
        for sl in chunks:
            kr = khatri_rao([U[:, j, sl] for j in others])
            grad[:, m, sl] = xp.matmul(kr, e_mat)
    return loss, grad


def mttkrp_flops(model: ModelSpec, p: int, H: int, batch: int = 1) -> int:
    """Floating-point operations of one :func:`mttkrp_loss_and_grad` call (2mnk per matmul)."""
    nu = model.nu
    pn = p**nu
    kr = H * sum(p**j for j in range(2, nu))  # one Khatri–Rao product of ν−1 factors
    n_grad = 1 if model.sym else nu
    total = (1 + n_grad) * (2 * H * pn + kr) + 2 * pn
    return batch * total


def mttkrp_bytes(
    model: ModelSpec,
    p: int,
    H: int,
    batch: int = 1,
    itemsize: int = 8,
    chunk_bytes: int = DEFAULT_CHUNK_BYTES,
) -> int:
    """Peak temporary memory: the dense residual (twice, for the moved axes) and one chunk."""
    return batch * itemsize * 3 * p**model.nu + min(
        chunk_bytes, batch * H * p ** (model.nu - 1) * itemsize * 2
    )
