"""Leading-order mode for ASYM ν = 2 with the zero target (free evolution, Section 7), in
polynomial time: the planar limit of the flow, evaluated with free probability.

Why the planar limit
--------------------
For ν = 2 the zero-target Pareto-optimal terms of ``Y_s`` are ``p^{q} H^n σ^{2l}`` with
``l = s + 2`` and ``q + n − l = 1`` (Theorem 4.1, ``s_D = s + 1``). With ``H = y·p`` and
``σ² = g/p`` they are exactly the terms that survive ``Y_s/p`` as ``p → ∞``, so
``Σ_s Y_s^{lead} t^s/s! = p·ℓ(t; y, g)`` with ``ℓ`` the large-p limit of ``E[L(t)]/p``
(``docs/paper-notes.md`` §8: the generating function of the merge histories is the flow itself).
The zero target is homogeneous (every term has ``l = s + 2``), so ``g = 1`` below.

The closed form (derived by a project research note)
----------------------------------------------------
``A, B`` are p×H; the flow is ``Ȧ = −ABᵀB``, ``Ḃ = −BAᵀA`` (T = 1). With ``P = AᵀA``,
``R = BᵀB``, ``Δ = P − R`` is conserved and ``S = P + R`` obeys the matrix Riccati equation
``Ṡ = Δ² − S²``. It linearises (``S = ẊX⁻¹``, ``Ẍ = Δ²X``): ``X = cosh(Δt)(1 + T S_0)`` with
``T = tanh(Δt)/Δ``. As ``L = ½ tr PR = −⅛ d/dt tr S`` and ``tr_H = y·p·τ``,

    ℓ(t) = −(y/8) d/dt [ τ(Δ tanh Δt) + τ(U S_0 (1 + T S_0)⁻¹) ],   U = sech²(Δt),

where in the planar limit ``a = P_0`` and ``b = R_0`` are free Marchenko–Pastur elements (free
cumulants ``κ_n = λ α^n``, ``λ = 1/y``, ``α = y``), ``S_0 = a + b``, ``Δ = a − b``.

Evaluating τ in polynomial time
-------------------------------
Expanding ``T`` and ``U`` in powers of ``Δ`` and ``t``, every word of ``U S_0 (−T S_0)^m`` is
read by a weighted automaton with ``N = 2D + 3`` states (position ``j ≤ D`` inside a
``U``- or ``T``-segment of ``Δ`` letters, and an end state; ``D = s_max + 1``): a ``Δ`` letter
moves ``j → j+1`` with weight ``±t`` (``−`` for ``b``), an ``S_0`` letter closes a segment at
even ``j`` with weight ``U_{j/2}`` resp. ``−T_{j/2} t``. For free ``a, b`` the trace of a word is
the sum over non-crossing partitions with one-colour blocks of the product of free cumulants;
splitting by the block of the first letter gives, for the matrix ``M`` of path sums
(weight × trace),

    M = I + Σ_{c ∈ {a,b}} λ L_c,   L_c = α T_c M (I + L_c)

(``T_c`` the transition matrix of letter ``c``) — an operator-valued fixed point, solved degree by
degree in ``t`` (only the ``U``-prefix rows depend on the same degree; three passes settle them).
``τ(Δ tanh Δt)`` takes the moments of ``Δ`` (free cumulants ``λα^n(1 + (−1)^n)``).

Exactness
---------
All arithmetic is integer arithmetic modulo primes ``p < 2^21``, done in float64 matrix
products, which are exact while every partial sum stays below ``2^53`` (the prime bound is chosen
for that). The values at ``y = 1..s_max+3`` are interpolated exactly in ``y`` mod p. The result
is then recovered by the Chinese remainder theorem from an *a priori* bound, not a guess:
``2^{s+1}·Y_s`` has integer coefficients (``s + 1`` atoms ``½D``), and the sum of their absolute
values is at most the number of (merge history, pairing) pairs,
``Π_{t<s} 2(4 + 2t) · (2s + 3)!!`` (``4 + 2t`` edges before merge ``t``, two matching atom edges,
``(2s+3)!!`` pairings of the ``4 + 2s`` final edges). Primes are taken until their product
exceeds twice that bound; one further prime must agree (a guard against implementation errors,
raised as ``RuntimeError`` if it ever fails).

Checked against the Pareto-optimal terms of the exact sequential process term by term for
``s ≤ 16`` (research run) and in ``tests/test_leading_planar.py``. Cost: ``O(s^5)`` per prime and
``O(s)`` primes; ``s = 25`` in about 15 s on one core (``BENCHMARKS.md``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from fractions import Fraction

import numpy as np

from diagrams.combinatorics import double_factorial
from diagrams.errors import NotApplicable, SpecError
from diagrams.model import ModelSpec
from diagrams.polynomial import Poly

Progress = Callable[[float, str], None] | None

SECONDS_AT_25 = 16.0
"""Measured one-core wall time of :func:`planar_zero_series` at ``s_max = 25`` (rounded up); it
grows like ``s^6`` (``O(s^5)`` per prime, ``O(s)`` primes)."""


def applies(model: ModelSpec) -> bool:
    """Whether this module computes the model's leading terms: ASYM, ν = 2, zero target."""
    return not model.sym and model.nu == 2 and model.target == "zero"


def _primes_below(limit: int) -> Iterator[int]:
    """Odd primes below ``limit``, largest first."""
    n = limit - 1 if limit % 2 == 0 else limit - 2
    while n > 2:
        if all(n % q for q in range(3, math.isqrt(n) + 1, 2)):
            yield n
        n -= 2


def _tanh_sech_coefficients(k_max: int) -> tuple[list[Fraction], list[Fraction]]:
    """``tanh(x)/x = Σ T_k x^{2k}`` and ``sech²(x) = Σ U_k x^{2k}``, exactly, ``k ≤ k_max``."""
    n = 2 * k_max + 3
    fact = [1]
    for i in range(1, n + 2):
        fact.append(fact[-1] * i)
    sinh = [Fraction(1, fact[i]) if i % 2 else Fraction(0) for i in range(n)]
    cosh = [Fraction(1, fact[i]) if i % 2 == 0 else Fraction(0) for i in range(n)]
    tanh = [Fraction(0)] * n
    for i in range(n):
        tanh[i] = sinh[i] - sum((tanh[j] * cosh[i - j] for j in range(i)), Fraction(0))
    t_coef = [tanh[2 * k + 1] for k in range(k_max + 1)]
    tanh2 = [sum((tanh[j] * tanh[i - j] for j in range(i + 1)), Fraction(0)) for i in range(n)]
    u_coef = [(1 if k == 0 else 0) - tanh2[2 * k] for k in range(k_max + 1)]
    return t_coef, u_coef


def _mod(x: Fraction, p: int) -> int:
    return (x.numerator % p) * pow(x.denominator % p, -1, p) % p


def _delta_moments(y: int, n: int) -> list[int]:
    """Moments ``m_0..m_n`` of ``Δ = a − b`` (``a, b`` free Marchenko–Pastur, ``g = 1``: free
    cumulants ``κ_k = y^{k−1}(1 + (−1)^k)``), from ``m_k = Σ_j κ_j [z^{k−j}] M(z)^j``."""
    kappa = [0] + [y ** (k - 1) * (1 + (-1) ** k) for k in range(1, n + 1)]
    m = [1] + [0] * n
    for k in range(1, n + 1):
        total = 0
        power = [1] + [0] * k
        for j in range(1, k + 1):
            power = [sum(power[i] * m[r - i] for i in range(r + 1)) for r in range(k - j + 1)]
            power += [0] * j
            if kappa[j]:
                total += kappa[j] * power[k - j]
        m[k] = total
    return m


def _trace_s_mod(
    d_max: int, ys: list[int], p: int, t_coef: list[Fraction], u_coef: list[Fraction]
) -> list[list[int]]:
    """Taylor coefficients ``t^0..t^{d_max}`` of ``τ(S(t))`` mod ``p``, one list per ``y``."""
    n_y = len(ys)
    pv = float(p)
    lam = np.array([pow(y, -1, p) for y in ys], dtype=np.float64).reshape(n_y, 1, 1)
    alpha = np.array([y % p for y in ys], dtype=np.float64).reshape(n_y, 1, 1)
    size = 2 * d_max + 3
    u0, t0, end = 0, d_max + 1, 2 * d_max + 2

    def md(x: np.ndarray) -> np.ndarray:
        return np.fmod(x, pv)

    def mm(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        return np.fmod(np.matmul(a, b), pv)

    even = list(range(0, d_max + 1, 2))
    u_close = np.array([_mod(u_coef[j // 2], p) for j in even], dtype=np.float64)
    t_close = np.array([_mod(-t_coef[j // 2], p) for j in even], dtype=np.float64)
    u_close = np.broadcast_to(u_close.reshape(1, len(even), 1), (n_y, len(even), 1))
    t_close = np.broadcast_to(t_close.reshape(1, len(even), 1), (n_y, len(even), 1))
    u_even = np.array(even)
    t_even = t0 + np.array(even)

    def transitions(m_cur: np.ndarray, m_prev: np.ndarray | None, sign: int) -> np.ndarray:
        """``T_c M`` at the current degree: Δ letters (degree + 1, from ``m_prev``) and the
        closing S_0 letters (same degree for U-segments, degree + 1 for T-segments)."""
        x = np.zeros((n_y, size, size))
        if m_prev is not None:
            step_u = m_prev[:, 1 : d_max + 1, :]
            step_t = m_prev[:, t0 + 1 : t0 + d_max + 1, :]
            x[:, 0:d_max, :] = step_u if sign > 0 else md(pv - step_u)
            x[:, t0 : t0 + d_max, :] = step_t if sign > 0 else md(pv - step_t)
            closing = (m_prev[:, end, :] + m_prev[:, t0, :])[:, None, :]
            x[:, t_even, :] = md(x[:, t_even, :] + md(t_close * closing))
        closing = (m_cur[:, end, :] + m_cur[:, t0, :])[:, None, :]
        x[:, u_even, :] = md(x[:, u_even, :] + md(u_close * closing))
        return x

    eye = np.broadcast_to(np.eye(size), (n_y, size, size)).copy()
    # X_c[i] (column block i) and L_c[j] (row block d_max − j), for the convolutions.
    x_all = {c: np.zeros((n_y, size, size * (d_max + 1))) for c in "ab"}
    l_rev = {c: np.zeros((n_y, size * (d_max + 1), size)) for c in "ab"}
    m_prev = None
    out = np.zeros((n_y, d_max + 1))
    for d in range(d_max + 1):
        conv: dict[str, np.ndarray | float] = {}
        for c in "ab":
            if d >= 2:
                left = x_all[c][:, :, size : d * size]
                right = l_rev[c][:, (d_max - d + 1) * size : d_max * size, :]
                conv[c] = mm(left, right)
            else:
                conv[c] = 0.0
        m_d = eye.copy() if d == 0 else np.zeros((n_y, size, size))
        l_d = {c: np.zeros((n_y, size, size)) for c in "ab"}
        for _ in range(4 if d == 0 else 3):
            for c, sign in (("a", 1), ("b", -1)):
                x_d = transitions(m_d, m_prev, sign)
                x_all[c][:, :, d * size : (d + 1) * size] = x_d
                acc = x_d + conv[c] + mm(x_all[c][:, :, 0:size], l_d[c])
                if d >= 1:
                    acc = acc + mm(x_d, l_rev[c][:, d_max * size : (d_max + 1) * size, :])
                l_d[c] = md(alpha * md(acc))
            m_d = md((eye if d == 0 else 0.0) + lam * l_d["a"] + lam * l_d["b"])
        for c in "ab":
            l_rev[c][:, (d_max - d) * size : (d_max - d + 1) * size, :] = l_d[c]
        out[:, d] = m_d[:, u0, end]
        m_prev = m_d
    result = []
    for yi, y in enumerate(ys):
        moments = _delta_moments(y, d_max + 3)
        extra = [Fraction(0)] * (d_max + 1)  # τ(Δ tanh Δt) = Σ_k T_k t^{2k+1} m_{2k+2}
        for k in range(d_max + 1):
            if 2 * k + 1 <= d_max:
                extra[2 * k + 1] += t_coef[k] * moments[2 * k + 2]
        result.append([(int(out[yi, d]) + _mod(extra[d], p)) % p for d in range(d_max + 1)])
    return result


def _interpolate_mod(xs: list[int], values: list[int], p: int) -> list[int]:
    """Coefficients (lowest first) of the polynomial through ``(xs, values)`` mod ``p``."""
    n = len(xs)
    coef = list(values)
    for j in range(1, n):
        for i in range(n - 1, j - 1, -1):
            coef[i] = (coef[i] - coef[i - 1]) * pow(xs[i] - xs[i - j], -1, p) % p
    poly = [0] * n
    for i in range(n - 1, -1, -1):
        new = [0] * n
        for k in range(n - 1):
            new[k + 1] = (new[k + 1] + poly[k]) % p
            new[k] = (new[k] - xs[i] * poly[k]) % p
        new[0] = (new[0] + coef[i]) % p
        poly = new
    return poly


def coefficient_bound(s: int) -> int:
    """Bound on the sum of the absolute coefficients of ``2^{s+1}·Y_s`` (zero target, ν = 2):
    merge histories times pairings, ``Π_{t<s} 2(4 + 2t) · (2s + 3)!!``."""
    return math.prod(2 * (4 + 2 * t) for t in range(s)) * double_factorial(2 * s + 3)


def _scaled_polys_mod(
    s_max: int, p: int, t_coef: list[Fraction], u_coef: list[Fraction]
) -> list[list[int]]:
    """For each ``s``: the coefficients in ``y`` of ``2^{s+1}·Y_s^{lead}/p`` mod ``p``."""
    d_max = s_max + 1
    ys = list(range(1, s_max + 4))
    traces = _trace_s_mod(d_max, ys, p, t_coef, u_coef)
    inv8 = pow(8, -1, p)
    polys = []
    for s in range(s_max + 1):
        # Y_s^{lead}(y)/p = s!·[t^s] ℓ = −(y/8)·s!·(s+1)·[t^{s+1}] τS.
        scale = math.factorial(s) * (s + 1) * 2 ** (s + 1) % p
        values = [(-y) * traces[yi][s + 1] % p * scale % p * inv8 % p for yi, y in enumerate(ys)]
        polys.append(_interpolate_mod(ys, values, p))
    return polys


def planar_zero_series(s_max: int, progress: Progress = None) -> list[Poly]:
    """Pareto-optimal terms of ``Y_0..Y_{s_max}`` for ASYM ν = 2, zero target (module docstring).

    >>> planar_zero_series(2)[2].to_text()
    '(12)*p^4*H*s2^4 + (28)*p^3*H^2*s2^4 + (8)*p^2*H^3*s2^4'
    """
    if isinstance(s_max, bool) or not isinstance(s_max, int) or s_max < 0:
        raise SpecError("s_max", "must be a non-negative integer")
    d_max = s_max + 1
    size = 2 * d_max + 3
    # Exact float64 products: a sum of d_max·size products below p² must stay below 2^52.
    limit = 2**21
    while d_max * size * float(limit) ** 2 >= 2.0**52:
        limit //= 2
    need = 2 * coefficient_bound(s_max) + 1  # the bound grows with s
    t_coef, u_coef = _tanh_sech_coefficients(d_max + 2)
    primes: list[int] = []
    residues: list[list[list[int]]] = []
    modulus = 1
    supply = _primes_below(limit)
    while modulus <= need:
        p = next(supply)
        residues.append(_scaled_polys_mod(s_max, p, t_coef, u_coef))
        primes.append(p)
        modulus *= p
        if progress is not None:
            bits = need.bit_length()
            progress(min(modulus.bit_length() / bits, 0.99), f"planar limit: prime {len(primes)}")
    check = next(supply)
    check_polys = _scaled_polys_mod(s_max, check, t_coef, u_coef)
    out = []
    for s in range(s_max + 1):
        terms: dict[tuple[int, int, int], Fraction] = {}
        l = s + 2
        for n in range(s + 3):
            value = 0
            for p, res in zip(primes, residues):
                part = modulus // p
                value += res[s][n] * part * pow(part, -1, p)
            value %= modulus
            if value > modulus // 2:
                value -= modulus
            if value % check != check_polys[s][n]:
                raise RuntimeError(f"planar_zero_series: check prime disagrees at s={s}, n={n}")
            if value:
                terms[(1 + l - n, n, l)] = Fraction(value, 2 ** (s + 1))
        out.append(Poly(terms))
    return out


def planar_series(model: ModelSpec, s_max: int, progress: Progress = None) -> list[Poly]:
    """:func:`planar_zero_series` for a model this module :func:`applies` to."""
    if not applies(model):
        raise NotApplicable("model", "the planar method covers ASYM ν = 2 with the zero target")
    return planar_zero_series(s_max, progress)


def estimate_planar_seconds(s_max: int) -> float:
    """Wall-time estimate of :func:`planar_zero_series`: :data:`SECONDS_AT_25` scaled by
    ``(s/25)^6``, at least 0.05 s."""
    return max(0.05, SECONDS_AT_25 * (max(s_max, 1) / 25) ** 6)
