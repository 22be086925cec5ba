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


def _power(a: Any, k: int) -> Any:
    """Elementwise ``a**k`` for an integer ``k ≥ 1`` by repeated multiplication."""
    out = a
    for _ in range(k - 1):
        out = out * a
    return out


def gram_loss_and_grad(
    U: Any, model: ModelSpec, xp: Any = np, need_grad: bool = True
) -> tuple[Any, Any | None]:
    """Loss ``L`` (shape ``(B,)``, including ½‖F‖²) and ``∂L/∂U`` (shape of ``U``).

    One batched matmul forms all Gram matrices, one more applies them; the rest is
    elementwise. ``need_grad=False`` skips the second matmul.
    """
    nu = model.nu
    identity = model.target == "identity"
    p = U.shape[-1]
    gram = xp.matmul(U, xp.swapaxes(U, -1, -2))  # (B, C, H, H)
    offset = 0.5 * p if identity else 0.0
    if model.sym:
        g = gram[:, 0]
        g_pow = _power(g, nu - 1)
        loss = 0.5 * xp.sum(g_pow * g, axis=(-2, -1)) + offset
        u = U[:, 0]
        u_pow = _power(u, nu - 1) if identity else None
        if identity:
            loss = loss - xp.sum(u_pow * u, axis=(-2, -1))
        if not need_grad:
            return loss, None
        grad = xp.matmul(g_pow, u)
        if identity:
            grad = grad - u_pow
        return loss, (nu * grad)[:, None]
    grams = [gram[:, m] for m in range(nu)]
    excl = exclusive_products(grams, lambda a, b: a * b)
    loss = 0.5 * xp.sum(excl[0] * grams[0], axis=(-2, -1)) + offset
    if identity:
        us = [U[:, m] for m in range(nu)]
        u_excl = exclusive_products(us, lambda a, b: a * b)
        loss = loss - xp.sum(u_excl[0] * us[0], axis=(-2, -1))
    if not need_grad:
        return loss, None
    grad = xp.matmul(xp.stack(excl, axis=1), U)
    if identity:
        grad = grad - xp.stack(u_excl, axis=1)
    return loss, grad


def gram_flops(model: ModelSpec, p: int, H: int, batch: int = 1) -> int:
    """Floating-point operations of one :func:`gram_loss_and_grad` call (2mnk per matmul)."""
    C = model.colors
    matmuls = 2 * (2 * H * H * p) * C
    if model.sym:
        hadamard = (model.nu - 1) * H * H + 2 * H * H + 2 * (model.nu - 1) * H * p
    else:
        hadamard = (3 * (model.nu - 2) + 2) * H * H + (3 * (model.nu - 2) + 2) * H * p
    return batch * (matmuls + hadamard)


def gram_bytes(model: ModelSpec, p: int, H: int, batch: int = 1, itemsize: int = 8) -> int:
    """Peak temporary memory of one call: the Gram matrices and their exclusive products."""
    C = model.colors
    n_hh = C * 3 if not model.sym else 3  # gram, exclusive products (+ prefix/suffix), stack
    return batch * itemsize * (n_hh * H * H + 3 * C * H * p)
