"""Taylor mode: exact ``d^sL/dt^s(0)`` per start by propagating Taylor coefficients of ``u(t)``.

Write ``u(t) = Σ_n a_n t^n``. The flow (eq. gf) is polynomial in ``u``, so in the Gram form
(:mod:`~diagrams.flow.gram`) every intermediate — ``G^(m)(t) = U^(m)(t) U^(m)(t)ᵀ``, Hadamard
products of Gram matrices, the gradient — is a power series whose ``n``-th coefficient is a
finite Cauchy sum of lower coefficients. The recursion

    a_{n+1} = −[∂L/∂u]_n / (T (n + 1))

therefore gives every ``a_n`` exactly (up to rounding), and with them the loss coefficients
``L_s``; ``d^sL/dt^s(0) = s! L_s``. Averaged over i.i.d. starts this is a Monte Carlo estimate
of ``Y_s = T^s E[d^sL/dt^s(0)]`` (Section 3, eq. lossexp) with a standard error: an independent
check of the diagram engine at sizes where exact enumeration is impossible.
"""

from __future__ import annotations

import gc
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from diagrams.flow.backend import to_numpy
from diagrams.flow.gram import exclusive_products
from diagrams.flow.problem import FlowProblem, init_weights


class Jet:
    """A power series whose coefficients are computed on demand and cached.

    ``rule(n)`` returns coefficient ``n`` and may read coefficients ``< n`` of this jet and
    coefficients ``≤ n`` of other jets.

    >>> geometric = Jet(lambda n: 1.0)
    >>> sq = cauchy(geometric, geometric, lambda a, b: a * b)   # 1/(1-t)² = Σ (n+1) t^n
    >>> [sq[n] for n in range(4)]
    [1.0, 2.0, 3.0, 4.0]
    """

    def __init__(self, rule: Callable[[int], Any]) -> None:
        self._rule = rule
        self._coeffs: list[Any] = []

    def __getitem__(self, n: int) -> Any:
        while len(self._coeffs) <= n:
            self._coeffs.append(self._rule(len(self._coeffs)))
        return self._coeffs[n]


def cauchy(a: Jet, b: Jet, op: Callable[[Any, Any], Any]) -> Jet:
    """The product series ``Σ_n (Σ_{i+j=n} op(a_i, b_j)) t^n`` for a bilinear ``op``."""

    def rule(n: int) -> Any:
        total = op(a[0], b[n])
        for i in range(1, n + 1):
            total = total + op(a[i], b[n - i])
        return total

    return Jet(rule)


def gram_jet(a: Jet, xp: Any) -> Jet:
    """``A(t) A(t)ᵀ`` using the symmetry of the Cauchy sum (half the matmuls)."""

    def rule(n: int) -> Any:
        total = None
        for i in range((n + 1) // 2):
            prod = xp.matmul(a[i], xp.swapaxes(a[n - i], -1, -2))
            prod = prod + xp.swapaxes(prod, -1, -2)
            total = prod if total is None else total + prod
        if n % 2 == 0:
            mid = xp.matmul(a[n // 2], xp.swapaxes(a[n // 2], -1, -2))
            total = mid if total is None else total + mid
        return total

    return Jet(rule)


def _hadamard(a: Jet, b: Jet) -> Jet:
    return cauchy(a, b, lambda x, y: x * y)


def _power_jet(a: Jet, k: int) -> Jet:
    out = a
    for _ in range(k - 1):
        out = _hadamard(out, a)
    return out


def loss_taylor_coefficients(problem: FlowProblem, U0: Any, s_max: int, xp: Any = np) -> Any:
    """Taylor coefficients ``L_0..L_{s_max}`` of ``L(u(t))`` for each start in ``U0``.

    ``U0`` has shape ``(B, C, H, p)``; returns shape ``(B, s_max + 1)`` on the backend.
    ``L_0`` includes ½‖F‖².
    """
    model, nu, T = problem.model, problem.nu, problem.T
    identity = model.target == "identity"
    colors = problem.colors
    grad_jet: list[Jet] = []

    def u_rule(m: int) -> Callable[[int], Any]:
        def rule(n: int) -> Any:
            if n == 0:
                return U0[:, m]
            return grad_jet[m][n - 1] * (-1.0 / (T * n))

        return rule

    us = [Jet(u_rule(m)) for m in range(colors)]
    grams = [gram_jet(u, xp) for u in us]
    matmul = xp.matmul
    if model.sym:
        g_pow = _power_jet(grams[0], nu - 1)
        d_jet = _hadamard(g_pow, grams[0])
        u_pow = _power_jet(us[0], nu - 1) if identity else None
        r_jet = _hadamard(u_pow, us[0]) if identity else None
        gm = cauchy(g_pow, us[0], matmul)

        def sym_grad(n: int) -> Any:
            g = gm[n] - u_pow[n] if identity else gm[n]
            return nu * g

        grad_jet.append(Jet(sym_grad))
    else:
        g_excl = exclusive_products(grams, _hadamard)
        d_jet = _hadamard(g_excl[0], grams[0])
        if identity:
            u_excl = exclusive_products(us, _hadamard)
            r_jet = _hadamard(u_excl[0], us[0])
        else:
            u_excl, r_jet = None, None
        for m in range(colors):
            gm = cauchy(g_excl[m], us[m], matmul)
            ue = u_excl[m] if identity else None
            grad_jet.append(Jet(lambda n, gm=gm, ue=ue: gm[n] - ue[n] if ue is not None else gm[n]))

    out = []
    for s in range(s_max + 1):
        value = 0.5 * xp.sum(d_jet[s], axis=(-2, -1))
        if identity:
            value = value - xp.sum(r_jet[s], axis=(-2, -1))
            if s == 0:
                value = value + 0.5 * problem.target_norm2
        out.append(value)
    return xp.stack(out, axis=-1)


def loss_time_derivatives(problem: FlowProblem, U0: Any, s_max: int, xp: Any = np) -> Any:
    """``d^sL/dt^s(0)`` for ``s = 0..s_max`` per start: ``s! L_s`` (shape ``(B, s_max+1)``)."""
    coeffs = loss_taylor_coefficients(problem, U0, s_max, xp)
    fact = xp.asarray([float(math.factorial(s)) for s in range(s_max + 1)], dtype=coeffs.dtype)
    return coeffs * fact


@dataclass(frozen=True)
class SeriesEstimate:
    """Monte Carlo estimate of ``Y_0..Y_{s_max}`` (``Y_0`` without ½‖F‖²).

    Attributes
    ----------
    mean, stderr: ``(s_max + 1,)`` sample mean and its standard error ``std / √n``.
    n: number of starts.
    kurtosis: ``(s_max + 1,)`` sample kurtosis ``m₄/m₂²`` (3 for a Gaussian). ``d^sL/dt^s(0)`` is
        a polynomial of degree about ``2ν + 2(ν−1)s`` in Gaussian weights, so it is heavy-tailed
        at large ``s``; the relative error of ``stderr`` is about ``√((kurtosis − 1)/n)``, and
        ``stderr`` (hence a z-score) is trustworthy only for ``n ≫ kurtosis``. The sample
        kurtosis itself underestimates a heavy tail, so this is a necessary check, not a
        sufficient one.
    """

    mean: np.ndarray
    stderr: np.ndarray
    n: int
    kurtosis: np.ndarray | None = None

    def reliable(self, factor: float = 10.0) -> np.ndarray:
        """Orders whose standard error is estimated within about 30 %: ``n ≥ factor·kurtosis``."""
        if self.kurtosis is None:
            return np.ones(self.mean.shape, dtype=bool)
        return np.isfinite(self.kurtosis) & (self.n >= factor * self.kurtosis)


def estimate_series(
    problem: FlowProblem,
    s_max: int,
    seeds: Sequence[int],
    xp: Any = np,
    dtype: str = "float64",
    batch_size: int = 256,
    progress: Callable[[float, str], None] | None = None,
) -> SeriesEstimate:
    """Monte Carlo ``Y_s = T^s E[d^sL/dt^s(0)]`` from Taylor mode over i.i.d. starts.

    Starts are drawn per seed by :func:`~diagrams.flow.problem.init_weights` and processed in
    batches of ``batch_size``. Sums are accumulated in float64 on the host.
    """
    seeds = list(seeds)
    if len(seeds) < 2:
        raise ValueError("need at least two seeds for a standard error")
    scale = np.array([problem.T**s for s in range(s_max + 1)])
    sums = np.zeros((4, s_max + 1))  # Σ (d − shift)^k, k = 1..4
    shift = None
    for start in range(0, len(seeds), batch_size):
        chunk = seeds[start : start + batch_size]
        U0 = init_weights(problem, chunk, xp, dtype)
        d = to_numpy(loss_time_derivatives(problem, U0, s_max, xp)).astype(np.float64) * scale
        d[:, 0] -= 0.5 * problem.target_norm2
        if shift is None:  # shifted sums keep the variance accurate
            shift = d.mean(axis=0)
        gc.collect()  # the batch's jets form reference cycles: free them before the next batch
        centred = d - shift
        for k in range(4):
            sums[k] += (centred ** (k + 1)).sum(axis=0)
        if progress is not None:
            progress(min(1.0, (start + len(chunk)) / len(seeds)), f"{start + len(chunk)} starts")
    n = len(seeds)
    mu = sums[0] / n  # mean of the shifted values
    raw2, raw3, raw4 = sums[1] / n, sums[2] / n, sums[3] / n
    m2 = np.maximum(raw2 - mu**2, 0.0)
    m4 = raw4 - 4 * mu * raw3 + 6 * mu**2 * raw2 - 3 * mu**4
    var = m2 * n / (n - 1)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        kurtosis = np.where(m2 > 0, m4 / m2**2, np.nan)
    return SeriesEstimate(mean=mu + shift, stderr=np.sqrt(var / n), n=n, kurtosis=kurtosis)
