"""Contraction (MTTKRP) form of the loss and gradient, cost O(ν H p^ν) per seed.

The model tensor ``f = Σ_k ⊗_m u_k^(m)`` (eq. f_F_def) is formed as a matrix product of the
last factor with a Khatri–Rao product of the others, the residual ``E = f − F`` is taken densely,
and the gradient is the matricised-tensor-times-Khatri–Rao product

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

DEFAULT_CHUNK_BYTES = 256 * 2**20


def khatri_rao(
    factors: Sequence[Any], xp: Any = np, workspace: dict | None = None, key: str = "kr"
) -> Any:
    """Row-wise Khatri–Rao product of ``(B, h, p)`` factors → ``(B, h, p^len)``.

    The first factor's index varies slowest, matching C-order reshapes of ``f``. With a
    ``workspace`` dict the products are written into reused scratch arrays (the result then
    aliases the workspace and is only valid until the next call with the same ``key``).
    """
    out = factors[0]
    B, h = out.shape[0], out.shape[1]
    for level, fac in enumerate(factors[1:]):
        shape = (B, h, out.shape[-1], fac.shape[-1])
        buf = _scratch(workspace, f"{key}{level}", shape, out.dtype, xp)
        xp.multiply(out[:, :, :, None], fac[:, :, None, :], out=buf)
        out = buf.reshape(B, h, -1)
    return out


def _scratch(workspace: dict | None, key: str, shape: tuple, dtype: Any, xp: Any) -> Any:
    if workspace is None:
        return xp.empty(shape, dtype=dtype)
    buf = workspace.get(key)
    if buf is None or buf.shape != shape or buf.dtype != dtype:
        buf = xp.empty(shape, dtype=dtype)
        workspace[key] = buf
    return buf


def diagonal_step(p: int, nu: int) -> int:
    """Flat-index stride of the diagonal ``i_1 = … = i_ν`` of a C-ordered ``p^ν`` tensor."""
    return sum(p**j for j in range(nu))


def _chunks(H: int, rows_per_chunk: int) -> list[slice]:
    return [slice(a, min(a + rows_per_chunk, H)) for a in range(0, H, rows_per_chunk)]


def _rows_per_chunk(B: int, p: int, nu: int, itemsize: int, chunk_bytes: int) -> int:
    per_row = B * p ** (nu - 1) * itemsize * 2  # the Khatri–Rao block and its intermediate
    return max(1, chunk_bytes // max(per_row, 1))


def _contract_trailing(x: Any, v: Any) -> Any:
    """``Σ_j x[..., j] v[..., j]`` for ``x`` of shape ``(B, h, …, p)`` and ``v`` ``(B, h, p)``."""
    B, h, p = v.shape
    flat = x.reshape(B, h, -1, p)
    out = (flat @ v[:, :, :, None])[:, :, :, 0]  # NumPy or CuPy by operand type
    return out.reshape(x.shape[:-1])


def _contract_leading(x: Any, v: Any) -> Any:
    """``Σ_i x[:, :, i, …] v[..., i]`` for ``x`` of shape ``(B, h, p, …)``."""
    B, h, p = v.shape
    flat = x.reshape(B, h, p, -1)
    out = (v[:, :, None, :] @ flat)[:, :, 0, :]
    return out.reshape((B, h) + x.shape[3:])


def mttkrp_loss_and_grad(
    U: Any,
    model: ModelSpec,
    xp: Any = np,
    need_grad: bool = True,
    chunk_bytes: int = DEFAULT_CHUNK_BYTES,
    workspace: dict | None = None,
) -> tuple[Any, Any | None]:
    """Loss ``L`` (shape ``(B,)``, including ½‖F‖²) and ``∂L/∂U``, via the dense residual.

    Layout: ``f`` is kept as the ``(p, p^{ν−1})`` matrix ``f'[i_ν, (i_1..i_{ν−1})]`` so that
    ``f' = U^(ν)ᵀ K`` with ``K`` the Khatri–Rao product of the first ν−1 factors needs no
    transpose of ``K``. ASYM gradients then share work along a dimension tree:
    ``∂L/∂U^(ν) = K E_mat`` and ``M = U^(ν) E'`` (one ``Hp^ν`` matmul each), and every other
    ``∂L/∂U^(m)`` contracts ``M`` (``H p^{ν−1}`` entries) with the remaining factors by batched
    matrix–vector products — three ``Hp^ν`` matmuls in all instead of ν + 1. In SYM ``E`` is
    symmetric and ``∂L/∂U = ν K E_mat``. ``workspace`` keeps the Khatri–Rao scratch between
    calls; returned arrays never alias it.
    """
    nu = model.nu
    B, C, H, p = U.shape
    rows = _rows_per_chunk(B, p, nu, U.dtype.itemsize, chunk_bytes)
    chunks = _chunks(H, rows)
    first = [0] * (nu - 1) if model.sym else list(range(nu - 1))
    last = U[:, 0 if model.sym else nu - 1]
    last_t = xp.ascontiguousarray(xp.swapaxes(last, -1, -2))  # (B, p, H): small

    def kr_of(sl: slice) -> Any:
        return khatri_rao([U[:, j, sl] for j in first], xp, workspace)

    f_t = xp.zeros((B, p, p ** (nu - 1)), dtype=U.dtype)  # f'[i_ν, (i_1..i_{ν-1})]
    kr = None
    for sl in chunks:
        kr = kr_of(sl)
        f_t += xp.matmul(last_t[:, :, sl], kr)
    resid = f_t.reshape(B, -1)
    if model.target == "identity":  # the diagonal is the same in every index order
        resid[:, :: diagonal_step(p, nu)] -= 1.0
    loss = 0.5 * xp.sum(resid * resid, axis=-1)
    if not need_grad:
        return loss, None
    grad = xp.empty_like(U)
    if model.sym:
        # E is symmetric: f' read as a (p^{ν−1}, p) matrix is E_mat[(i_1..i_{ν−1}), i_ν]
        e_mat = resid.reshape(B, p ** (nu - 1), p)
        for sl in chunks:
            kr_sl = kr if len(chunks) == 1 else kr_of(sl)
            grad[:, 0, sl] = nu * xp.matmul(kr_sl, e_mat)
        return loss, grad
    e_t = resid.reshape(B, p, p ** (nu - 1))  # E'[i_ν, (i_1..i_{ν-1})]
    e_mat = xp.ascontiguousarray(xp.swapaxes(e_t, -1, -2))  # (B, p^{ν−1}, p): p^ν entries
    for sl in chunks:
        kr_sl = kr if len(chunks) == 1 else kr_of(sl)
        grad[:, nu - 1, sl] = xp.matmul(kr_sl, e_mat)
        h = kr_sl.shape[1]
        tree = xp.matmul(U[:, nu - 1, sl], e_t).reshape((B, h) + (p,) * (nu - 1))
        for m in range(nu - 1):
            x = tree
            for j in range(nu - 2, m, -1):  # trailing colours, last first
                x = _contract_trailing(x, U[:, j, sl])
            for j in range(m):  # then leading colours, first first
                x = _contract_leading(x, U[:, j, sl])
            grad[:, m, sl] = x
    return loss, grad


def mttkrp_flops(model: ModelSpec, p: int, H: int, batch: int = 1) -> int:
    """Floating-point operations of one :func:`mttkrp_loss_and_grad` call (2mnk per matmul)."""
    nu = model.nu
    pn = p**nu
    kr = H * sum(p**j for j in range(2, nu))  # one Khatri–Rao product of ν−1 factors
    if model.sym:
        total = 2 * (2 * H * pn) + kr + 2 * pn
    else:
        # f, ∂/∂U^(ν), the tree root M; then ν−1 chains of matrix–vector contractions
        chains = (nu - 1) * sum(2 * H * p**j for j in range(2, nu))
        total = 3 * (2 * H * pn) + kr + chains + 2 * pn
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
