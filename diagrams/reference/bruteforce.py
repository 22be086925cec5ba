"""Exact brute-force oracle: the loss as a polynomial in the weights, differentiated along the flow.

This module knows nothing about diagrams. At tiny integer sizes ``(p, H)`` it

1. builds ``L(u) = ½ Σ_{i_1..i_ν} (f_{i_1..i_ν} − F_{i_1..i_ν})²`` (eq. ``loss``, with ``f`` the
   rank-``H`` CP decomposition of eq. ``f_F_def``) as an exact sparse polynomial in the
   ``p·H·ν`` (ASYM) or ``p·H`` (SYM) weights ``u_{k,i}^{(m)}``;
2. applies the gradient-flow derivative of eq. ``dgdt`` with ``T = 1``,
   ``G ↦ −Σ_u ∂G/∂u · ∂L/∂u``, ``s`` times, so the result is ``T^s d^sL/dt^s``;
3. averages with the exact moments of independent centred Gaussians,
   ``E[u^{2k}] = (2k−1)!! σ^{2k}`` (odd moments vanish).

The result ``Y_s`` (Section 3: ``Y_s = T^s E[d^sL/dt^s(0)]``, with ``Y_0`` excluding the
constant ``½‖F‖²``) is a polynomial in ``σ²`` with exact rational coefficients. It is the
independent oracle that the diagram engine and :mod:`diagrams.reference.naive` are tested
against: nothing here is shared with them.

Representation
--------------
A polynomial is a ``dict`` mapping a *packed monomial* to an ``int`` coefficient. The packed
monomial is a Python ``int`` holding the exponent of variable ``j`` in bits
``[w·j, w·(j+1))``, where the field width ``w`` is wide enough for the largest total degree
that can occur, so multiplying monomials is adding their keys and ``∂/∂u_j`` is subtracting
``1 << w·j``. Coefficients stay integers by working with ``2L`` and rescaling at the end:
``G̃_s := 2^{s+1} T^s d^sL/dt^s`` obeys ``G̃_s = −Σ_j ∂_j G̃_{s−1} · ∂_j(2L)``, ``G̃_0 = 2L``.

Cost
----
Step ``s`` costs about ``N · |G̃_{s−1}| · |∂(2L)|`` dictionary updates, where ``N`` is the
number of weights and ``|·|`` counts monomials; ``|G̃_s|`` is at most the number of
monomials of degree ``2ν + s(2ν − 2)`` in ``N`` variables. The last step never builds
``G̃_{s_max}``: it accumulates only monomials with all-even exponents (the only ones with a
nonzero mean). The polynomials stay sparse (``2L`` has 46 monomials at SYM ν=2 p=H=3), so tiny
sizes are cheap. Measured on the project machine (one core, Python 3.11), ``s`` up to:

==============================  =======  ==============================  =======
case                            time     case                            time
==============================  =======  ==============================  =======
SYM ν=2 p=H=2, s≤3              1 ms     ASYM ν=3 p=H=2, s≤3             0.1 s
ASYM ν=2 p=H=2, s≤3             7 ms     ASYM ν=3 p=H=2, s≤4             1.5 s
ASYM ν=2 p=H=2, s≤5             50 ms    ASYM ν=4 p=H=2, s≤2             60 ms
ASYM ν=3 p=H=2, s≤2             10 ms    ASYM ν=4 p=H=2, s≤3             1.9 s
SYM ν=4 p=H=2, s≤2              1 ms     ASYM ν=4 p=3 H=2, s≤2           1.8 s
==============================  =======  ==============================  =======

Growth is roughly ×10–×30 per unit of ``s`` and steep in ``p·H`` for ASYM ν ≥ 3.
:func:`bruteforce_polynomial` evaluates a whole grid: SYM ν=2 s=3 takes 1.7 s, ASYM ν=2 s=3
about 30 s, ASYM ν=4 s=1 about 55 s.
"""

from __future__ import annotations

import itertools
from fractions import Fraction

from diagrams.combinatorics import interpolate
from diagrams.errors import SpecError
from diagrams.model import ModelSpec

__all__ = [
    "bruteforce_series",
    "bruteforce_polynomial",
    "bruteforce_loss_offset",
    "loss_polynomial",
]

# A packed sparse polynomial: packed monomial -> integer coefficient.
_Poly = dict[int, int]


def _check_sizes(p: object, H: object, s_max: object = 0) -> None:
    for name, value, lo in (("p", p, 1), ("H", H, 1), ("s_max", s_max, 0)):
        if isinstance(value, bool) or not isinstance(value, int) or value < lo:
            raise SpecError(name, f"must be an integer >= {lo}, got {value!r}")


class _Layout:
    """Index map of the weights ``u_{k,i}^{(m)}`` and the bit layout of packed monomials."""

    def __init__(self, model: ModelSpec, p: int, H: int, max_degree: int) -> None:
        self.model = model
        self.p, self.H = p, H
        self.colors = model.colors
        self.n_vars = self.colors * H * p
        self.width = max(2, max_degree.bit_length() + 1)
        self.mask = (1 << self.width) - 1
        # All-ones in the lowest bit of every field: detects odd exponents in one AND.
        self.low_bits = sum(1 << (self.width * j) for j in range(self.n_vars))

    def var(self, m: int, k: int, i: int) -> int:
        """Index of ``u_{k,i}^{(m)}`` (``m`` is ignored in SYM, where all colours coincide)."""
        color = 0 if self.model.sym else m
        return (color * self.H + k) * self.p + i

    def unit(self, j: int) -> int:
        return 1 << (self.width * j)

    def exponents(self, mono: int) -> list[tuple[int, int]]:
        """``[(j, e_j)]`` for the variables that occur in a packed monomial."""
        out = []
        j = 0
        w, mask = self.width, self.mask
        while mono:
            e = mono & mask
            if e:
                out.append((j, e))
            mono >>= w
            j += 1
        return out


def _add_into(acc: _Poly, mono: int, coeff: int) -> None:
    new = acc.get(mono, 0) + coeff
    if new:
        acc[mono] = new
    else:
        acc.pop(mono, None)


def _mul(a: _Poly, b: _Poly) -> _Poly:
    out: _Poly = {}
    get = out.get
    for ma, ca in a.items():
        for mb, cb in b.items():
            key = ma + mb
            out[key] = get(key, 0) + ca * cb
    return {k: v for k, v in out.items() if v}


def _target(model: ModelSpec, idx: tuple[int, ...]) -> int:
    """``F_{i_1..i_ν}``: the identity tensor ``δ_{i_1=…=i_ν}`` (eq. ``idtarget``) or zero."""
    if model.target == "zero":
        return 0
    return 1 if all(i == idx[0] for i in idx) else 0


def _twice_loss(layout: _Layout) -> _Poly:
    """``2L = Σ_idx (f_idx − F_idx)²`` as a packed polynomial, constant term included."""
    model, p, H = layout.model, layout.p, layout.H
    total: _Poly = {}
    for idx in itertools.product(range(p), repeat=model.nu):
        residual: _Poly = {}
        for k in range(H):
            mono = 0
            for m, i in enumerate(idx):
                mono += layout.unit(layout.var(m, k, i))
            _add_into(residual, mono, 1)
        target = _target(model, idx)
        if target:
            _add_into(residual, 0, -target)
        for mono, coeff in _mul(residual, residual).items():
            _add_into(total, mono, coeff)
    return total


def _gradient(layout: _Layout, poly: _Poly) -> list[_Poly]:
    """``[∂poly/∂u_j for j in range(N)]``."""
    grads: list[_Poly] = [{} for _ in range(layout.n_vars)]
    for mono, coeff in poly.items():
        for j, e in layout.exponents(mono):
            g = grads[j]
            key = mono - layout.unit(j)
            g[key] = g.get(key, 0) + coeff * e
    return grads


def _flow_step(layout: _Layout, poly: _Poly, grad_loss: list[_Poly], even_only: bool) -> _Poly:
    """``−Σ_j ∂_j poly · ∂_j(2L)``; with ``even_only`` keep only all-even-exponent monomials."""
    out: _Poly = {}
    get = out.get
    low = layout.low_bits
    for j, g in enumerate(_gradient(layout, poly)):
        dl = list(grad_loss[j].items())
        for ma, ca in g.items():
            for mb, cb in dl:
                key = ma + mb
                if even_only and key & low:
                    continue
                out[key] = get(key, 0) - ca * cb
    return {k: v for k, v in out.items() if v}


def _double_factorial_odd(e: int) -> int:
    """``(e − 1)!!`` for even ``e`` (the Gaussian moment ``E[u^e]`` at ``σ = 1``)."""
    out = 1
    for t in range(e - 1, 0, -2):
        out *= t
    return out


def _gaussian_mean(layout: _Layout, poly: _Poly) -> dict[int, int]:
    """``E[poly]`` as ``{σ²-power: integer coefficient}`` for iid ``N(0, σ²)`` weights."""
    out: dict[int, int] = {}
    low = layout.low_bits
    for mono, coeff in poly.items():
        if mono & low:
            continue  # some exponent is odd: zero mean
        moment, degree = 1, 0
        for _, e in layout.exponents(mono):
            moment *= _double_factorial_odd(e)
            degree += e
        half = degree // 2
        out[half] = out.get(half, 0) + coeff * moment
    return {k: v for k, v in out.items() if v}


def _validate(model: ModelSpec) -> None:
    if not isinstance(model, ModelSpec):
        raise SpecError("model", "must be a diagrams.model.ModelSpec")


def loss_polynomial(model: ModelSpec, p: int, H: int) -> dict[tuple[int, ...], Fraction]:
    """The loss ``L(u)`` as ``{exponent tuple over the weights: coefficient}``.

    The weights are ordered ``u_{k,i}^{(m)}`` with index ``(m·H + k)·p + i`` (``m`` dropped in
    SYM). Mainly for inspection and tests.

    >>> sorted(loss_polynomial(ModelSpec(2, "sym", "identity"), 1, 1).items())
    [((0,), Fraction(1, 2)), ((2,), Fraction(-1, 1)), ((4,), Fraction(1, 2))]
    """
    _validate(model)
    _check_sizes(p, H)
    layout = _Layout(model, p, H, 2 * model.nu)
    out = {}
    for mono, coeff in _twice_loss(layout).items():
        exps = [0] * layout.n_vars
        for j, e in layout.exponents(mono):
            exps[j] = e
        out[tuple(exps)] = Fraction(coeff, 2)
    return out


def bruteforce_loss_offset(model: ModelSpec, p: int) -> Fraction:
    """``½‖F‖²``, the weight-independent part of ``L`` (``p/2`` identity, ``0`` zero target).

    Computed as the constant term of the brute-force loss polynomial.

    >>> bruteforce_loss_offset(ModelSpec(3, "asym", "identity"), 4)
    Fraction(2, 1)
    """
    _validate(model)
    _check_sizes(p, 1)
    layout = _Layout(model, p, 1, 2 * model.nu)
    return Fraction(_twice_loss(layout).get(0, 0), 2)


def bruteforce_series(model: ModelSpec, p: int, H: int, s_max: int) -> list[dict[int, Fraction]]:
    """Exact ``Y_s = T^s E[d^sL/dt^s(0)]`` for ``s = 0..s_max`` at integer sizes ``p``, ``H``.

    Parameters
    ----------
    model:
        The model (ν, symmetry, target).
    p, H:
        Target size and model rank (tiny: the cost grows steeply, see the module docstring).
    s_max:
        Highest time derivative.

    Returns
    -------
    list of dict
        Entry ``s`` maps a power ``l`` of ``σ²`` to the exact coefficient of ``(σ²)^l`` in
        ``Y_s``. ``Y_0`` excludes the offset ``½‖F‖²`` (see :func:`bruteforce_loss_offset`).

    Examples
    --------
    SYM ν=2 identity at p=H=1: ``Y_0 = ½·3σ⁴ − σ²`` (Section 3 example with p=H=1).

    >>> bruteforce_series(ModelSpec(2, "sym", "identity"), 1, 1, 0)
    [{1: Fraction(-1, 1), 2: Fraction(3, 2)}]
    """
    _validate(model)
    _check_sizes(p, H, s_max)
    nu = model.nu
    layout = _Layout(model, p, H, 2 * nu + s_max * (2 * nu - 2))
    loss2 = _twice_loss(layout)
    grad_loss = _gradient(layout, loss2)
    results: list[dict[int, Fraction]] = []
    current = dict(loss2)
    current.pop(0, None)  # Y_0 excludes ½‖F‖²
    for s in range(s_max + 1):
        if s > 0:
            current = _flow_step(layout, current, grad_loss, even_only=(s == s_max))
        scale = 2 ** (s + 1)
        mean = _gaussian_mean(layout, current)
        results.append({k: Fraction(v, scale) for k, v in sorted(mean.items())})
    return results


def bruteforce_polynomial(
    model: ModelSpec, s: int, q_max: int | None = None, n_max: int | None = None
) -> dict[tuple[int, int, int], Fraction]:
    """The whole polynomial ``Y_s(p, H, σ²)`` from brute force, by exact interpolation.

    ``Y_s`` vanishes at ``p = 0`` (no weights) and at ``H = 0`` (constant loss), so it is
    ``p·H`` times a polynomial of degree ``< q_max`` in ``p`` and ``< n_max`` in ``H``. The
    default bounds are the node counts of the largest diagram of Section 4,
    ``q ≤ ν + s(ν−1)`` and ``n ≤ s + 2``; :func:`bruteforce_series` is evaluated on the grid
    ``p = 1..q_max``, ``H = 1..n_max`` and interpolated exactly, so the cost is that of the
    largest grid point (see the module docstring: only tiny ``ν`` and ``s`` are practical).

    Returns ``{(q, n, l): coefficient}`` meaning ``coefficient · p^q H^n (σ²)^l``.

    >>> y0 = bruteforce_polynomial(ModelSpec(2, "sym", "zero"), 0)
    >>> sorted((k, str(v)) for k, v in y0.items())
    [((1, 1, 2), '1/2'), ((1, 2, 2), '1/2'), ((2, 1, 2), '1/2')]
    """
    _validate(model)
    _check_sizes(1, 1, s)
    q_max = model.nu + s * (model.nu - 1) if q_max is None else q_max
    n_max = s + 2 if n_max is None else n_max
    _check_sizes(q_max, n_max)
    ps, hs = list(range(1, q_max + 1)), list(range(1, n_max + 1))
    values = {(p, H): bruteforce_series(model, p, H, s)[s] for p in ps for H in hs}
    powers = sorted({l for v in values.values() for l in v})
    out: dict[tuple[int, int, int], Fraction] = {}
    for l in powers:
        # Per H: coefficients in p of Y/(pH); then each coefficient interpolated in H.
        by_h = [
            interpolate(ps, [values[(p, H)].get(l, Fraction(0)) / (p * H) for p in ps]) for H in hs
        ]
        for q in range(q_max):
            for n, c in enumerate(interpolate(hs, [row[q] for row in by_h])):
                if c:
                    out[(q + 1, n + 1, l)] = c
    return dict(sorted(out.items()))
