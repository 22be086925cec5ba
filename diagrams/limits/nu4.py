"""SYM ν=4 with the identity target, gradient ascent (Section 10, appendix "SYM even-ν≥4",
subsection "The case ν=4").

With ``τ = t/T ≤ 0``, ``θ = 1 + 3H/p²``, ``y = H/p²``, ``ρ = p³σ⁴`` and ``a = σ²ψ``:

.. math::
    E[L(t)] \\sim \\tfrac p2 + p^2 g,\\qquad
    g = \\tfrac{y\\theta}{2}\\big(p\\sigma^2\\phi F(a)\\big)^4 - \\tfrac y8 p\\sigma^4\\phi^2 F'(a),

    \\phi^{-2} = K(a) := 1 + 16\\theta\\rho\\int_0^{a} F^3,\\qquad
    \\tau = \\sigma^{-2}\\int_0^{a}\\sqrt{K(a')}\\,da'

(the first integral eq. ``nu4firstint`` with ``ψ' = φ``, so ``dτ = dψ/φ``). ``K`` stays positive
for all ``a ≤ 0`` iff ``ρ < ρ* = (16θ I*)^{−1}``, ``I* = ∫_{−∞}^0 F³ = 0.0300797554106534…``
(eq. ``nu4-threshold``; ``ρ*θ = 2.0778094484725…``). Otherwise ``K`` vanishes at ``a_crit`` and the
solution blows up at the finite ``τ_crit = τ(a_crit) < 0``.

Numerics: composite 24-point Gauss–Legendre quadrature on panels graded geometrically towards the
non-analytic point ``a = 0`` and towards ``a_crit`` (where ``√K`` has a square-root zero), ``F``
from :func:`diagrams.limits.special.F` (cancellation-free). In the high-noise case ``K`` is
integrated from ``a_crit`` (``K(a) = 16θρ∫_{a_crit}^a F³``) so it keeps its relative accuracy as
``a → a_crit``. ``τ ↦ a`` is inverted by safeguarded Newton steps inside one panel.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from diagrams.errors import NotApplicable
from diagrams.limits.special import F, Fprime_mp

__all__ = ["Nu4Ascent", "I_STAR", "rho_star_theta"]

_NODES, _WEIGHTS = np.polynomial.legendre.leggauss(24)
_W0 = 1.0 / 256.0  # first panel [−W0, 0]
_RATIO = 1.5  # geometric grading
_FAR = 1e9  # |a| where the integral of F³ is cut (tail added analytically)


def _gl(f, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """``∫_lo^hi f`` for arrays of intervals (24-point Gauss–Legendre each)."""
    lo = np.asarray(lo, dtype=float)
    hi = np.asarray(hi, dtype=float)
    half = 0.5 * (hi - lo)
    mid = 0.5 * (hi + lo)
    x = mid[..., None] + half[..., None] * _NODES
    return half * np.sum(_WEIGHTS * f(x), axis=-1)


def _F3(a: np.ndarray) -> np.ndarray:
    v = F(a)
    return v * v * v


def _graded(lo: float, toward_lo: bool) -> np.ndarray:
    """Ascending breakpoints on ``[lo, 0]``: geometric (ratio 1.5) away from 0 starting at
    ``−W0``, and — when ``toward_lo`` — geometric away from ``lo`` starting at ``10⁻¹⁵|lo|``, so
    every panel is at most half as wide as its distance to a singular end."""
    pts = {lo, 0.0}
    d = _W0
    while d < -lo:
        pts.add(-d)
        d *= _RATIO
    if toward_lo:
        d = 1e-15 * abs(lo)
        while d < -lo / 2:
            pts.add(lo + d)
            d *= _RATIO
    return np.array(sorted(pts))


@lru_cache(maxsize=1)
def _integral_F3_to_minus_infinity() -> float:
    """``I* = ∫_{−∞}^0 F³`` (panels to ``−10⁹`` plus the tail ``∫ (8|a|)^{−3} = 1/(1024 A²)``)."""
    pts = [0.0, -_W0]
    while pts[-1] > -_FAR:
        pts.append(pts[-1] * _RATIO)
    pts_arr = np.array(pts)
    parts = _gl(_F3, pts_arr[1:], pts_arr[:-1])
    tail = 1.0 / (1024.0 * pts_arr[-1] ** 2)
    return float(np.sum(np.sort(parts)) + tail)


I_STAR = _integral_F3_to_minus_infinity()
"""``∫_{−∞}^0 F(u)³ du`` (``≈ 0.0300797554106535``)."""


def rho_star_theta() -> float:
    """``ρ*·θ = 1/(16 I*)`` (``≈ 2.07781``): the threshold of eq. ``nu4-threshold`` times θ."""
    return 1.0 / (16.0 * I_STAR)


@dataclass
class Nu4Ascent:
    """The ν=4 gradient-ascent solution at fixed ``p, H, σ²`` (times in units of ``T``)."""

    p: float
    H: float
    sigma2: float

    def __post_init__(self) -> None:
        self.y = self.H / self.p**2
        self.theta = 1.0 + 3.0 * self.y
        self.rho = self.p**3 * self.sigma2**2
        self.c = 16.0 * self.theta * self.rho
        self.rho_star = rho_star_theta() / self.theta
        self.high_noise = self.rho >= self.rho_star
        self.a_crit = self._find_a_crit() if self.high_noise else None
        self._build(self.a_crit if self.high_noise else -1.0)

    # ---------------------------------------------------------------- G and K
    def _G0(self, a: np.ndarray) -> np.ndarray:
        """``∫_0^a F³`` (≤ 0), by panels from 0."""
        a = np.atleast_1d(np.asarray(a, dtype=float))
        out = np.empty_like(a)
        for i, val in enumerate(a):
            if val == 0.0:
                out[i] = 0.0
                continue
            pts = [0.0]
            d = _W0
            while -d > val:
                pts.append(-d)
                d *= _RATIO
            pts.append(val)
            arr = np.array(pts)
            out[i] = -float(np.sum(_gl(_F3, arr[1:], arr[:-1])))
        return out

    def _find_a_crit(self) -> float:
        """Root of ``1 + c∫_0^a F³ = 0`` (exists iff ``c I* ≥ 1``)."""
        target = -1.0 / self.c
        if self.c * I_STAR == 1.0:
            return -np.inf
        lo, hi = -1.0, 0.0
        while self._G0(lo)[0] > target:
            hi, lo = lo, lo * 4.0
            if lo < -_FAR:
                return -np.inf
        a = 0.5 * (lo + hi)
        for _ in range(200):
            g = self._G0(a)[0] - target
            if g > 0:
                hi = a
            else:
                lo = a
            f3 = float(_F3(np.array(a)))
            step = a - g / f3
            a = step if lo < step < hi else 0.5 * (lo + hi)
            if hi - lo < 1e-16 * abs(a) or abs(g) < 1e-18 * abs(target):
                break
        return float(a)

    def _build(self, a_lo: float) -> None:
        """Panels on ``[a_lo, 0]`` with cumulative ``∫F³`` (from the reference end) and ``τ``."""
        if np.isinf(a_lo):
            raise NotApplicable("params", "ρ = ρ* exactly: the blow-up time is −∞")
        pts = _graded(a_lo, toward_lo=self.high_noise)
        self._pts = pts  # ascending: pts[0] = a_lo, pts[-1] = 0
        f3_parts = _gl(_F3, pts[:-1], pts[1:])
        if self.high_noise:
            # K(a) = c ∫_{a_crit}^a F³, accumulated from a_crit upwards
            self._k_at = self.c * np.concatenate([[0.0], np.cumsum(f3_parts)])
        else:
            # K(a) = 1 − c ∫_a^0 F³, accumulated from 0 downwards
            rev = np.concatenate([[0.0], np.cumsum(f3_parts[::-1])])[::-1]
            self._k_at = 1.0 - self.c * rev
        self._f3_parts = f3_parts
        tau_parts = np.array(
            [
                _gl(lambda x, j=j: np.sqrt(self._K_in_panel(j, x)), pts[j], pts[j + 1])
                for j in range(len(pts) - 1)
            ]
        )
        tau_rev = np.concatenate([[0.0], np.cumsum(tau_parts[::-1])])[::-1]
        self._tau_at = -tau_rev / self.sigma2  # τ at pts (≤ 0, increasing)

    def _K_in_panel(self, j: int, x: np.ndarray) -> np.ndarray:
        """``K`` at points ``x`` inside panel ``[pts[j], pts[j+1]]``."""
        left = self._pts[j]
        inner = _gl(_F3, np.full(np.shape(x), left), x)
        return self._k_at[j] + self.c * inner

    def _extend(self, tau_min: float) -> None:
        """Low noise: extend the panels until ``τ(a_lo) ≤ tau_min``."""
        while self._tau_at[0] > tau_min:
            a_lo = self._pts[0] * 4.0
            self._build(a_lo)

    # ---------------------------------------------------------------- τ ↔ a
    @property
    def tau_crit(self) -> float | None:
        """``τ_crit = t_crit/T`` (high noise), None in low noise."""
        return float(self._tau_at[0]) if self.high_noise else None

    def a_of_tau(self, tau: float) -> float:
        if tau > 0:
            raise NotApplicable("t", "the ν=4 solution holds for gradient ascent only (t ≤ 0)")
        if tau == 0:
            return 0.0
        if self.high_noise and tau <= self._tau_at[0]:
            raise NotApplicable("t", "beyond the blow-up time")
        if not self.high_noise:
            self._extend(tau)
        j = int(np.searchsorted(self._tau_at, tau, side="right")) - 1
        j = min(max(j, 0), len(self._pts) - 2)
        lo, hi = self._pts[j], self._pts[j + 1]
        tau_lo = self._tau_at[j]

        def tau_at(a: float) -> float:
            part = _gl(lambda x: np.sqrt(self._K_in_panel(j, x)), np.array(lo), np.array(a))
            return float(tau_lo + part / self.sigma2)

        a = lo + (hi - lo) * (tau - tau_lo) / (self._tau_at[j + 1] - tau_lo)
        a_lo, a_hi = lo, hi
        for _ in range(100):
            r = tau_at(a) - tau
            if r > 0:
                a_hi = a
            else:
                a_lo = a
            slope = float(np.sqrt(self._K_in_panel(j, np.array(a)))) / self.sigma2
            nxt = a - r / slope if slope > 0 else 0.5 * (a_lo + a_hi)
            if not a_lo <= nxt <= a_hi:
                nxt = 0.5 * (a_lo + a_hi)
            if abs(nxt - a) <= 2e-16 * abs(a) or a_hi - a_lo <= 2e-16 * abs(a):
                a = nxt
                break
            a = nxt
        return float(a)

    def K(self, a: float) -> float:
        j = int(np.searchsorted(self._pts, a, side="right")) - 1
        j = min(max(j, 0), len(self._pts) - 2)
        return float(self._K_in_panel(j, np.array(a)))

    # ---------------------------------------------------------------- the loss
    def loss(self, tau: float) -> float | None:
        """``E[L]`` at ``τ = t/T ≤ 0``; None beyond the blow-up (high noise)."""
        import mpmath as mp

        if self.high_noise and tau <= self._tau_at[0]:
            return None
        a = self.a_of_tau(tau)
        k = self.K(a) if a != 0.0 else 1.0
        with mp.workdps(30):
            phi2 = 1 / mp.mpf(k)
            fa = mp.mpf(F(a))
            fpa = Fprime_mp(a)
            p, s2, y = mp.mpf(self.p), mp.mpf(self.sigma2), mp.mpf(self.y)
            z2 = p * s2 * mp.sqrt(phi2) * fa
            g = y * self.theta / 2 * z2**4 - y / 8 * p * s2**2 * phi2 * fpa
            return float(p / 2 + p * p * g)
