"""Gram form of the loss and its gradient, cost O(ν H² p) per seed (no ``p^ν`` tensor).

With ``G^(m) = U^(m) U^(m)ᵀ`` (an ``H×H`` Gram matrix per colour), eq. (loss3terms) reads

    L = ½ Σ_kk' Π_m G^(m)_kk' − Σ_ki Π_m u^(m)_ki + ½‖F‖²,

the three terms being ½D_{2ν}, R_ν and ½‖F‖² of eq. (loss_D_R_decomposition). Its gradient is

    ∂L/∂U^(m) = (∘_{m'≠m} G^(m')) U^(m) − ∘_{m'≠m} U^(m')          (ASYM)
    ∂L/∂U     = ν ( G^{∘(ν−1)} U − U^{∘(ν−1)} )                    (SYM)

(``∘`` is the Hadamard product; the ``R`` terms are absent for the zero target). Every
function takes the array module ``xp`` and the batched weights ``U`` of shape ``(B, C, H, p)``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from diagrams.model import ModelSpec


def exclusive_products(factors: Sequence[Any], mul: Callable[[Any, Any], Any]) -> list[Any]:
    """``[Π_{j≠m} factors[j] for m]`` by prefix and suffix products, without division.

    ``mul`` is any associative, commutative product (Hadamard product of arrays, Cauchy
    product of truncated series, …). Needs ``len(factors) ≥ 2``.

    >>> exclusive_products([2, 3, 5], lambda a, b: a * b)
    [15, 10, 6]
    """
    n = len(factors)
    if n < 2:
        raise ValueError("need at least two factors")
    prefix = [factors[0]]
    for j in range(1, n - 1):
        prefix.append(mul(prefix[-1], factors[j]))
    suffix = [factors[n - 1]]
    for j in range(n - 2, 0, -1):
        suffix.append(mul(factors[j], suffix[-1]))
    suffix.reverse()  # suffix[j-1] = Π_{i≥j} factors[i] for j = 1..n-1
    out = [suffix[0]]
    for m in range(1, n - 1):
        out.append(mul(prefix[m - 1], suffix[m]))
    out.append(prefix[n - 2])
    return out


def _buffer(workspace: dict | None, key: str, shape: tuple, dtype: Any, xp: Any) -> Any:
    """A scratch array from ``workspace`` (reused across calls while its shape fits)."""
    if workspace is None:
        return xp.empty(shape, dtype=dtype)
    buf = workspace.get(key)
    if buf is None or buf.shape != shape or buf.dtype != dtype:
        buf = xp.empty(shape, dtype=dtype)
        workspace[key] = buf
    return buf


def _pair_sum(xp: Any, a: Any, b: Any) -> Any:
    """``Σ_{kk'} a_kk' b_kk'`` per batch entry, without an ``H×H`` temporary."""
    return xp.einsum("...ij,...ij->...", a, b)


def _power(a: Any, k: int) -> Any:
    """Elementwise ``a**k`` for an integer ``k ≥ 1`` by repeated multiplication (fresh array)."""
    out = a * a if k > 1 else a
    for _ in range(k - 2):
        out *= a
    return out


def gram_loss_and_grad(
    U: Any,
    model: ModelSpec,
    xp: Any = np,
    need_grad: bool = True,
    workspace: dict | None = None,
) -> tuple[Any, Any | None]:
    """Loss ``L`` (shape ``(B,)``, including ½‖F‖²) and ``∂L/∂U`` (shape of ``U``).

    One batched matmul forms all Gram matrices, one more applies them; the rest is
    elementwise and done in place on scratch arrays. ``workspace`` (a dict owned by the caller)
    keeps the ``H×H`` scratch arrays alive between calls, which saves re-allocating and
    re-faulting hundreds of MB per step; the returned arrays never alias it.
    ``need_grad=False`` skips the second matmul.
    """
    nu = model.nu
    identity = model.target == "identity"
    B, C, H, p = U.shape
    offset = 0.5 * p if identity else 0.0
    gram = _buffer(workspace, "gram", (B, C, H, H), U.dtype, xp)
    # a contiguous transpose keeps NumPy's stacked matmul on its BLAS path (a strided view of
    # a thin p-column matrix falls back to a loop ~10× slower)
    xp.matmul(U, xp.ascontiguousarray(xp.swapaxes(U, -1, -2)), out=gram)
    if model.sym:
        g = gram[:, 0]
        if nu == 2:
            g_pow = g
        else:
            g_pow = _buffer(workspace, "power", (B, H, H), U.dtype, xp)
            xp.multiply(g, g, out=g_pow)
            for _ in range(nu - 3):
                xp.multiply(g_pow, g, out=g_pow)
        loss = 0.5 * _pair_sum(xp, g_pow, g) + offset
        u = U[:, 0]
        u_pow = _power(u, nu - 1) if identity else None
        if identity:
            loss = loss - xp.sum(u_pow * u, axis=(-2, -1))
        if not need_grad:
            return loss, None
        grad = xp.matmul(g_pow, u)
        if identity:
            grad -= u_pow
        grad *= nu
        return loss, grad[:, None]
    # ASYM: excl[:, m] = ∘_{m'≠m} G^(m'), written straight into one scratch array
    excl = _buffer(workspace, "excl", (B, C, H, H), U.dtype, xp)
    for m in range(nu):
        others = [j for j in range(nu) if j != m]
        if len(others) == 1:
            excl[:, m] = gram[:, others[0]]
            continue
        xp.multiply(gram[:, others[0]], gram[:, others[1]], out=excl[:, m])
        for j in others[2:]:
            xp.multiply(excl[:, m], gram[:, j], out=excl[:, m])
    loss = 0.5 * _pair_sum(xp, excl[:, 0], gram[:, 0]) + offset
    if identity:
        us = [U[:, m] for m in range(nu)]
        u_excl = exclusive_products(us, lambda a, b: a * b)
        loss = loss - xp.sum(u_excl[0] * us[0], axis=(-2, -1))
    if not need_grad:
        return loss, None
    grad = xp.matmul(excl, U)
    if identity:
        grad -= xp.stack(u_excl, axis=1)
    return loss, grad


def gram_flops(model: ModelSpec, p: int, H: int, batch: int = 1) -> int:
    """Floating-point operations of one :func:`gram_loss_and_grad` call (2mnk per matmul)."""
    nu, C = model.nu, model.colors
    identity = model.target == "identity"
    matmuls = 2 * (2 * H * H * p) * C
    if model.sym:
        hadamard = (nu - 2 + 2) * H * H + ((nu + 3) * H * p if identity else H * p)
    else:
        hadamard = (nu * (nu - 2) + 2) * H * H + ((4 * nu - 4) * H * p if identity else 0)
    return batch * (matmuls + hadamard)


def gram_bytes(model: ModelSpec, p: int, H: int, batch: int = 1, itemsize: int = 8) -> int:
    """Peak temporary memory of one call: the Gram matrices and their exclusive products."""
    C = model.colors
    n_hh = C * 3 if not model.sym else 3  # gram, exclusive products (+ prefix/suffix), stack
    return batch * itemsize * (n_hh * H * H + 3 * C * H * p)
