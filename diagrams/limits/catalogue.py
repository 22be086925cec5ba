"""The catalogue of explicit large-size loss curves (Sections 7–10 and their appendices).

Solution ids (a contract of the API):

``free_underparameterized``
    Point A of the free evolution (ASYM, SYM even ν): a power law with exponent ``−ν/(ν−1)``.
``free_overparameterized``
    Point B: ASYM exponential ``e^{−2νσ^{2(ν−1)}Ht/T}``; SYM even ν a power law.
``free_general_sym``
    Edge A–B, SYM even ν ≥ 4: the boxed formula of the free-evolution appendix.
``ntk``
    ASYM identity, face B–C and vertex C: ``½(p + Hp^νσ^{2ν}) e^{−2νHσ^{2(ν−1)}t/T}``
    (derived here — the paper's ``1 − e^{−ηt}`` misses the factor ν, ``docs/paper-notes.md``).
``sym_nu2``
    SYM ν=2, the whole polygon: identity target eq. ``loss-narayana``; zero target its free
    counterpart ``(p³σ⁴/2) ∂_1h(−4pσ²t/T, H/p)``.
``sym_nu4_ascent``
    SYM ν=4 identity, ``t ≤ 0``: the Borel-summed solution of Section 10 with its low/high-noise
    threshold ``p³σ⁴ < ρ* = (16θI*)^{−1}``.

:func:`theory_loss` evaluates a curve; :func:`limits_for` (in :mod:`diagrams.limits.derivations`)
gives its derivation. Values are exact to double precision: closed forms are evaluated with
mpmath at a precision raised until two evaluations agree to 10⁻¹⁸ (so the catastrophic
cancellations of the closed forms — ``h(w, y)`` as ``w → 0``, ``F(a)`` as ``a → 0``, ``p/2 + p²σ²Ψ``
late in training — cost digits of working precision, not of the result), and for
``|t|/T`` below ``1/(8·rate)`` the exact Taylor series (:mod:`diagrams.limits.taylor`) is summed
instead; the ν=4 curve comes from Gauss–Legendre quadrature of cancellation-free integrands
(:mod:`diagrams.limits.nu4`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import Any

from diagrams.errors import NotApplicable, SpecError
from diagrams.limits import taylor
from diagrams.limits.special import narayana_branch_point, narayana_dh, narayana_h
from diagrams.model import ModelSpec
from diagrams.polynomial import Poly

__all__ = [
    "SOLUTIONS",
    "Params",
    "Solution",
    "get_solution",
    "default_solution",
    "theory_loss",
    "MAX_TIMES",
]

MAX_TIMES = 20000
"""Most time points one :func:`theory_loss` call accepts."""

SERIES_TERMS = 28
SERIES_FRACTION = 0.125  # use the Taylor series while |τ|·rate ≤ 1/8


# ------------------------------------------------------------------------------ parameters
@dataclass(frozen=True)
class Params:
    """``p, H, σ², T`` of a concrete model (positive, finite)."""

    p: float
    H: float
    sigma2: float
    T: float

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], field: str = "params") -> Params:
        if not isinstance(data, Mapping):
            raise SpecError(field, "must be an object with p, H, sigma2, T")
        unknown = set(data) - {"p", "H", "sigma2", "T"}
        if unknown:
            raise SpecError(f"{field}.{sorted(unknown)[0]}", "unknown field")
        values = {}
        for name in ("p", "H", "sigma2", "T"):
            if name not in data:
                if name == "T":
                    values[name] = 1.0
                    continue
                raise SpecError(f"{field}.{name}", "is required")
            values[name] = _positive(data[name], f"{field}.{name}")
        return cls(**values)

    def to_dict(self) -> dict[str, float]:
        return {"p": self.p, "H": self.H, "sigma2": self.sigma2, "T": self.T}


def _positive(value: Any, field: str) -> float:
    if isinstance(value, bool):
        raise SpecError(field, "must be a positive number")
    if isinstance(value, str):
        from diagrams.regimes import parse_exact

        value = parse_exact(value, field)
    try:
        x = float(value)
    except (TypeError, ValueError, OverflowError):
        raise SpecError(field, "must be a positive number") from None
    if not math.isfinite(x) or x <= 0:
        raise SpecError(field, "must be a positive finite number")
    return x


def _times(t: Any) -> list[float]:
    if isinstance(t, str | bytes) or not isinstance(t, Sequence):
        raise SpecError("t", "must be a list of numbers")
    if len(t) > MAX_TIMES:
        raise SpecError("t", f"at most {MAX_TIMES} time points")
    out = []
    for i, v in enumerate(t):
        if isinstance(v, bool) or not isinstance(v, int | float | Fraction):
            raise SpecError(f"t[{i}]", "must be a number")
        x = float(v)
        if not math.isfinite(x):
            raise SpecError(f"t[{i}]", "must be finite")
        out.append(x)
    return out


# ------------------------------------------------------------------------------ evaluation
def _mp(x: float) -> Any:
    import mpmath as mp

    return mp.mpf(x)


def _stable(fn: Any, *args: Any) -> Any:
    """``fn`` at mpmath precision raised until two runs (``d`` and ``d+24`` digits) agree to
    ``10⁻¹⁸`` relative; ``None`` passes through (a point beyond a blow-up)."""
    import mpmath as mp

    dps = 30
    while True:
        with mp.workdps(dps):
            a = fn(*args)
        with mp.workdps(dps + 24):
            b = fn(*args)
        if a is None or b is None:
            return None
        if b != 0 and abs(a - b) <= mp.mpf(10) ** -18 * abs(b):
            return b
        if dps > 2400:  # an exact zero, or cancellation beyond 2400 digits
            return b
        dps *= 2


def _poly_mp(poly: Poly, p: Any, H: Any, s2: Any) -> Any:
    import mpmath as mp

    total = mp.mpf(0)
    for (q, n, l), c in poly.items():
        total += mp.mpf(c.numerator) / c.denominator * p**q * H**n * s2**l
    return total


# ------------------------------------------------------------------------------ solutions
class Solution:
    """One catalogue entry. Subclasses give the closed form, its Taylor coefficients, the
    model/regime conditions and the natural rate (inverse time scale in units of ``1/T``)."""

    id: str = ""
    title: str = ""
    reference: str = ""
    faces: tuple[str, ...] = ()
    directions: tuple[str, ...] = ("descent",)
    """Which time directions the formula describes (as its :meth:`valid_for` says): gradient
    descent ``t ≥ 0`` and/or gradient ascent ``t ≤ 0`` (down to :meth:`blowup_tau`)."""

    def time_range(self, model: ModelSpec, P: Params) -> tuple[float | None, float | None]:
        """``(t_min, t_max)`` where the formula holds (None: unbounded), in units of ``t``."""
        low: float | None = 0.0
        if "ascent" in self.directions:
            blow = self.blowup_tau(model, P)
            low = None if blow is None else blow * P.T
        high = None if "descent" in self.directions else 0.0
        return low, high

    # -- applicability ------------------------------------------------------------------
    def check_model(self, model: ModelSpec) -> None:
        """Raise :class:`NotApplicable` (field ``model…``) when the formula is not for ``model``."""
        raise NotImplementedError

    def valid_for(self, model: ModelSpec) -> str:
        raise NotImplementedError

    def family(self, model: ModelSpec) -> str:
        """Which leading coefficients it predicts: a Pareto family name of
        :mod:`diagrams.limits.families` or ``"B+C"``."""
        raise NotImplementedError

    def faces_for(self, model: ModelSpec) -> tuple[str, ...]:
        """Faces of the Pareto polygon (names as in :mod:`diagrams.regimes`) it covers."""
        return self.faces

    # -- numbers ------------------------------------------------------------------------
    def taylor(self, model: ModelSpec, s_max: int) -> list[Poly]:
        """Exact ``Y_0..Y_{s_max}`` predicted (``Y_0`` without ``½‖F‖²``)."""
        raise NotImplementedError

    def rate(self, model: ModelSpec, P: Params) -> float:
        """Inverse natural time scale (the series in ``τ = t/T`` converges for
        ``|τ| < 1/rate``)."""
        raise NotImplementedError

    def closed_form(self, model: ModelSpec, p: Any, H: Any, s2: Any, tau: Any) -> Any:
        """``E[L]`` at ``τ = t/T`` (mpmath numbers in and out), None beyond a blow-up."""
        raise NotImplementedError

    def blowup_tau(self, model: ModelSpec, P: Params) -> float | None:
        """``τ < 0`` where gradient ascent blows up, None when it does not."""
        return None

    def offset(self, model: ModelSpec) -> float:
        return 0.5 if model.target == "identity" else 0.0

    def series_value(self, model: ModelSpec, P: Params, tau: float) -> float | None:
        import mpmath as mp

        coeffs = _taylor_cached(self.id, model, SERIES_TERMS)
        with mp.workdps(40):
            p, H, s2, x = _mp(P.p), _mp(P.H), _mp(P.sigma2), _mp(tau)
            total = self.offset(model) * p
            term = mp.mpf(1)
            for s, poly in enumerate(coeffs):
                if s:
                    term = term * x / s
                total += _poly_mp(poly, p, H, s2) * term
            return _finite(total)

    def loss(self, model: ModelSpec, P: Params, taus: Sequence[float]) -> list[float | None]:
        rate = self.rate(model, P)
        cut = SERIES_FRACTION / rate if rate > 0 else math.inf
        blow = self.blowup_tau(model, P)
        out: list[float | None] = []
        for tau in taus:
            if blow is not None and tau <= blow:
                out.append(None)
            elif abs(tau) <= cut:
                out.append(self.series_value(model, P, tau))
            else:
                v = _stable(self.closed_form, model, _mp(P.p), _mp(P.H), _mp(P.sigma2), _mp(tau))
                out.append(_finite(v))
        return out


def _finite(v: Any) -> float | None:
    """A float, or None when there is no finite double (past a blow-up, or overflow)."""
    if v is None:
        return None
    x = float(v)
    return x if math.isfinite(x) else None


@lru_cache(maxsize=64)
def _taylor_cached(sid: str, model: ModelSpec, s_max: int) -> tuple[Poly, ...]:
    return tuple(SOLUTIONS[sid].taylor(model, s_max))


def _even_sym_or_asym(model: ModelSpec, sid: str) -> None:
    if model.sym and model.nu % 2:
        raise NotApplicable(
            "model.nu",
            f"{sid}: SYM with odd ν is not covered (Theorem 4.1 describes no Pareto front for "
            "it); see docs/recurrences.md for what the discovery finds there",
        )


def _power(base: Any, exponent: Any) -> Any:
    import mpmath as mp

    if base <= 0:
        return None
    return mp.exp(exponent * mp.log(base))


class FreeUnderparameterized(Solution):
    id = "free_underparameterized"
    directions = ("descent", "ascent")
    title = "Free evolution, underparameterised (point A)"
    reference = "Section 7, eq. free-underparam-loss; appendix 'Underparameterized free evolutions'"
    faces = ("A",)

    def check_model(self, model: ModelSpec) -> None:
        _even_sym_or_asym(model, self.id)

    def _c(self, model: ModelSpec) -> int:
        return 2 * (model.nu - 1) * (model.nu if model.sym else 1)

    def valid_for(self, model: ModelSpec) -> str:
        nu = model.nu
        cond = f"H << p^{nu - 1}" if not model.sym else f"H << p^{nu // 2}"
        noise = (
            "" if model.target == "zero" else f", p^{nu - 1} sigma^{nu} >> 1 (target negligible)"
        )
        return (
            f"{cond}{noise} (vertex A: flowers with one H-node); t >= 0, and t > -T/c before "
            f"the ascent blow-up, c = {self._c(model)} p^{nu - 1} sigma^{2 * (nu - 1)}"
        )

    def family(self, model: ModelSpec) -> str:
        return "A"

    def taylor(self, model: ModelSpec, s_max: int) -> list[Poly]:
        return taylor.free_underparameterized(model, s_max)

    def rate(self, model: ModelSpec, P: Params) -> float:
        return self._c(model) * P.p ** (model.nu - 1) * P.sigma2 ** (model.nu - 1)

    def closed_form(self, model, p, H, s2, tau):
        nu = model.nu
        c = self._c(model) * p ** (nu - 1) * s2 ** (nu - 1)
        base = _power(1 + c * tau, -_mp(nu) / (nu - 1))
        if base is None:
            return None
        return self.offset(model) * p + p**nu * H * s2**nu / 2 * base

    def blowup_tau(self, model, P):
        return -1.0 / self.rate(model, P)


class FreeOverparameterized(Solution):
    id = "free_overparameterized"
    title = "Free evolution, overparameterised (point B)"
    reference = "Section 7; appendix 'Overparameterized free evolutions'"
    faces = ("B",)

    def check_model(self, model: ModelSpec) -> None:
        _even_sym_or_asym(model, self.id)

    def _c(self, model: ModelSpec) -> int:
        nu = model.nu
        return 2 * nu * taylor.double_factorial(nu - 1) * (nu - 1) if model.sym else 2 * nu

    def valid_for(self, model: ModelSpec) -> str:
        nu = model.nu
        if model.sym:
            cond = f"H >> p^{nu // 2}"
            law = "power law"
        else:
            cond = f"H >> p^{nu - 1}"
            law = "exponential decay"
        noise = (
            ""
            if model.target == "zero"
            else (
                f", p^{nu - 1} H sigma^{2 * nu} >> 1 (B alone; B-C is 'ntk')"
                if not model.sym
                else f", p^{nu - 2} H^2 sigma^{2 * nu} >> 1"
            )
        )
        return f"{cond}{noise} (vertex B, {law}); t >= 0"

    def family(self, model: ModelSpec) -> str:
        return "B"

    def taylor(self, model: ModelSpec, s_max: int) -> list[Poly]:
        return taylor.free_overparameterized(model, s_max)

    def rate(self, model: ModelSpec, P: Params) -> float:
        nu = model.nu
        if model.sym:
            return self._c(model) * P.p ** (nu / 2 - 1) * P.H * P.sigma2 ** (nu - 1)
        return self._c(model) * P.H * P.sigma2 ** (nu - 1)

    def closed_form(self, model, p, H, s2, tau):
        import mpmath as mp

        nu = model.nu
        if model.sym:
            df = taylor.double_factorial(nu - 1)
            c = self._c(model) * p ** (mp.mpf(nu) / 2 - 1) * H * s2 ** (nu - 1)
            base = _power(1 + c * tau, -_mp(nu) / (nu - 1))
            if base is None:
                return None
            amp = df * p ** (mp.mpf(nu) / 2) * H**2 * s2**nu / 2
            return self.offset(model) * p + amp * base
        c = self._c(model) * H * s2 ** (nu - 1)
        return self.offset(model) * p + p**nu * H * s2**nu / 2 * mp.exp(-c * tau)

    def blowup_tau(self, model, P):
        return -1.0 / self.rate(model, P) if model.sym else None


class FreeGeneralSym(Solution):
    id = "free_general_sym"
    title = "Free evolution, SYM even ν ≥ 4, the whole edge A–B"
    reference = "Section 7; appendix 'General free evolutions for SYM with even ν≥4' (boxed)"
    faces = ("A", "A-B", "B")

    def check_model(self, model: ModelSpec) -> None:
        if not model.sym or model.nu % 2 or model.nu < 4:
            raise NotApplicable(
                "model",
                "free_general_sym is for SYM with even ν ≥ 4 (ν = 2 is 'sym_nu2': the recurrence "
                "of the appendix does not hold there)",
            )

    def valid_for(self, model: ModelSpec) -> str:
        nu = model.nu
        noise = (
            "any H/p^{nu/2}"
            if model.target == "zero"
            else f"p^{nu - 1} sigma^{nu} >> 1 and p^{nu - 2} H^2 sigma^{2 * nu} >> 1"
        ).replace("{nu/2}", str(nu // 2))
        return f"{noise} (edge A-B and its vertices: free evolution); t >= 0"

    def family(self, model: ModelSpec) -> str:
        return "A-B"

    def taylor(self, model: ModelSpec, s_max: int) -> list[Poly]:
        return taylor.free_general_sym(model, s_max)

    def _theta(self, model, p, H):
        return 1 + taylor.double_factorial(model.nu - 1) * H / p ** (model.nu / 2)

    def rate(self, model: ModelSpec, P: Params) -> float:
        nu = model.nu
        return 2 * nu * (nu - 1) * self._theta(model, P.p, P.H) * (P.p * P.sigma2) ** (nu - 1)

    def closed_form(self, model, p, H, s2, tau):
        import mpmath as mp

        nu = model.nu
        theta = 1 + taylor.double_factorial(nu - 1) * H / p ** (mp.mpf(nu) / 2)
        c = 2 * nu * (nu - 1) * theta * (p * s2) ** (nu - 1)
        base = _power(1 + c * tau, -_mp(nu) / (nu - 1))
        if base is None:
            return None
        return self.offset(model) * p + p**nu * H * s2**nu * theta / 2 * base

    def blowup_tau(self, model, P):
        return -1.0 / self.rate(model, P)


class NTK(Solution):
    id = "ntk"
    title = "NTK (linearised) regime, ASYM identity target (face B–C, vertex C)"
    reference = "Section 8, Proposition 8.1; appendix 'NTK limit' (rate corrected, see notes)"
    faces = ("B", "B-C", "C")

    def check_model(self, model: ModelSpec) -> None:
        if model.sym:
            raise NotApplicable(
                "model.symmetry",
                "no NTK regime in SYM: the polygon has no vertex C (Section 8)",
            )
        if model.target != "identity":
            raise NotApplicable(
                "model.target",
                "the NTK solution is for the identity target; for the zero target use "
                "free_overparameterized (the same decay)",
            )

    def valid_for(self, model: ModelSpec) -> str:
        nu = model.nu
        return (
            f"H sigma^{nu} >> 1 and H/p^{nu - 1} >> 1 (vertices B, C and edge B-C; "
            f"T ~ H sigma^{2 * nu - 2}); t >= 0"
        )

    def family(self, model: ModelSpec) -> str:
        return "B+C"

    def taylor(self, model: ModelSpec, s_max: int) -> list[Poly]:
        return taylor.ntk(model, s_max)

    def rate(self, model: ModelSpec, P: Params) -> float:
        return 2 * model.nu * P.H * P.sigma2 ** (model.nu - 1)

    def closed_form(self, model, p, H, s2, tau):
        import mpmath as mp

        nu = model.nu
        return (p + H * p**nu * s2**nu) / 2 * mp.exp(-2 * nu * H * s2 ** (nu - 1) * tau)

    def offset(self, model: ModelSpec) -> float:
        return 0.5


class SymNu2(Solution):
    id = "sym_nu2"
    directions = ("descent", "ascent")
    title = "SYM ν=2: the general (Narayana) solution on the whole polygon"
    reference = (
        "Section 9, eqs. loss-narayana, loss-narayana2; appendix 'SYM ν=2: explicit solution'"
    )
    faces = ("A", "A-B", "B", "B-E", "E", "E-A", "A-B-E")

    def check_model(self, model: ModelSpec) -> None:
        if not model.sym or model.nu != 2:
            raise NotApplicable("model", "sym_nu2 is for SYM with ν = 2")

    def valid_for(self, model: ModelSpec) -> str:
        if model.target == "zero":
            return (
                "any p, H, sigma2 at large size (the whole edge A-B); t >= 0, and t above the "
                "ascent blow-up -T w*/(4 p sigma^2), w* = (1+sqrt(H/p))^-2"
            )
        return (
            "any p, H, sigma2 at large size (the whole triangle A-B-E); t >= 0, and for t < 0 "
            "down to the blow-up T ln(1 - w*/(p sigma^2))/4 when p sigma^2 > w* = (1+sqrt(H/p))^-2"
        )

    def family(self, model: ModelSpec) -> str:
        return "polygon" if model.target == "identity" else "A-B"

    def taylor(self, model: ModelSpec, s_max: int) -> list[Poly]:
        if model.target == "identity":
            return taylor.sym_nu2_identity(s_max)
        return taylor.sym_nu2_zero(s_max)

    def rate(self, model: ModelSpec, P: Params) -> float:
        z = P.p * P.sigma2
        w_star = narayana_branch_point(P.H / P.p)
        return 4.0 * (1.0 + z / w_star) + 8.0

    def closed_form(self, model, p, H, s2, tau):
        import mpmath as mp

        y, z = H / p, p * s2
        w_star = 1 / (1 + mp.sqrt(y)) ** 2
        if model.target == "zero":
            w = -4 * z * tau
            if w >= w_star:
                return None
            return p**3 * s2**2 / 2 * narayana_dh(w, y)
        e = mp.exp(4 * tau)  # e^{-4x}, x = −τ
        w = -z * mp.expm1(4 * tau)  # z(1 − e^{−4x})
        if w >= w_star:
            return None
        psi = e * (z * e * narayana_dh(w, y) / 2 - narayana_h(w, y))
        return p / 2 + p * p * s2 * psi

    def blowup_tau(self, model, P):
        z = P.p * P.sigma2
        w_star = narayana_branch_point(P.H / P.p)
        if model.target == "zero":
            return -w_star / (4 * z)
        if z <= w_star:
            return None
        return 0.25 * math.log1p(-w_star / z)


class SymNu4Ascent(Solution):
    id = "sym_nu4_ascent"
    directions = ("ascent",)
    title = "SYM ν=4, identity target, gradient ascent (t ≤ 0)"
    reference = "Section 10, eqs. nu4-loss, nu4-1st-int, nu4-threshold; appendix 'SYM even-ν≥4'"
    faces = ("A", "A-B", "B", "B-E", "E", "E-A", "A-B-E")

    def check_model(self, model: ModelSpec) -> None:
        if not model.sym or model.nu != 4 or model.target != "identity":
            raise NotApplicable("model", "sym_nu4_ascent is for SYM, ν = 4, identity target")

    def valid_for(self, model: ModelSpec) -> str:
        return (
            "any p, H, sigma2 at large size (the whole triangle A-B-E), gradient ascent t <= 0 "
            "only; low noise p^3 sigma^4 < rho* = 2.0778094/theta (theta = 1 + 3H/p^2): finite "
            "for all t <= 0; high noise: blows up at blowup_time"
        )

    def family(self, model: ModelSpec) -> str:
        return "polygon"

    def taylor(self, model: ModelSpec, s_max: int) -> list[Poly]:
        return taylor.sym_nu4_identity(s_max)

    def rate(self, model: ModelSpec, P: Params) -> float:
        return 0.0

    def solver(self, P: Params):
        from diagrams.limits.nu4 import Nu4Ascent

        return Nu4Ascent(P.p, P.H, P.sigma2)

    def blowup_tau(self, model, P):
        return self.solver(P).tau_crit

    def loss(self, model, P, taus):
        bad = [i for i, x in enumerate(taus) if x > 0]
        if bad:
            raise NotApplicable(
                f"t[{bad[0]}]",
                "the ν=4 solution holds for gradient ascent only (t <= 0); the paper leaves "
                "gradient descent open",
            )
        solver = self.solver(P)
        return [_finite(solver.loss(x)) for x in taus]


SOLUTIONS: dict[str, Solution] = {
    s.id: s
    for s in (
        FreeUnderparameterized(),
        FreeOverparameterized(),
        FreeGeneralSym(),
        NTK(),
        SymNu2(),
        SymNu4Ascent(),
    )
}


def get_solution(solution: str) -> Solution:
    if not isinstance(solution, str) or solution not in SOLUTIONS:
        raise SpecError("solution", f"must be one of {', '.join(SOLUTIONS)}")
    return SOLUTIONS[solution]


# ------------------------------------------------------------------------------ regimes
def classified_face(model: ModelSpec, P: Params) -> str | None:
    """The face of the Pareto polygon that ``(p, H, σ²)`` selects (:mod:`diagrams.regimes`)."""
    from diagrams.regimes import classify_params

    if model.sym and model.nu % 2:
        return None
    return classify_params(model, P.p, P.H, P.sigma2).name


def default_solution(model: ModelSpec, P: Params, taus: Sequence[float]) -> tuple[str, str]:
    """``(solution id, face)`` of the catalogue entry whose regime contains the parameters.

    Raises
    ------
    NotApplicable
        With the reason, when no catalogue entry covers the model, its regime or the times.
    """
    if model.sym and model.nu % 2:
        raise NotApplicable(
            "model.nu",
            "SYM with odd ν: Theorem 4.1 gives no Pareto polygon and the paper no solution",
        )
    if min(P.p, P.H) < 1:
        raise NotApplicable("params", "p and H must be >= 1 to place the model in a regime")
    face = classified_face(model, P)
    ascent = bool(taus) and all(x <= 0 for x in taus)
    if model.sym and model.nu == 2:
        return "sym_nu2", face or ""
    if model.sym and model.nu == 4 and model.target == "identity" and ascent:
        return "sym_nu4_ascent", face or ""
    order = ["free_general_sym", "ntk", "free_underparameterized", "free_overparameterized"]
    for sid in order:
        sol = SOLUTIONS[sid]
        try:
            sol.check_model(model)
        except NotApplicable:
            continue
        if face in sol.faces_for(model):
            return sid, face or ""
    if model.sym and model.nu == 4 and model.target == "identity":
        why = (
            f"SYM ν=4 with the identity target in face {face}: only gradient ascent (all t <= 0, "
            "sym_nu4_ascent) is solved, or the free-evolution faces A, A-B, B"
        )
    elif not model.sym and face == "A-B":
        why = (
            f"ASYM free evolution at finite H/p^{model.nu - 1} (face A-B) has no closed form in "
            "the paper; only the extremes A (free_underparameterized) and B "
            "(free_overparameterized) — see docs/recurrences.md for the discovered recurrence data"
        )
    else:
        why = f"no catalogue solution covers face {face} of this model (rich learning regimes)"
    raise NotApplicable("params", why)


def theory_loss(
    model: ModelSpec | Mapping[str, Any],
    params: Params | Mapping[str, Any],
    t: Sequence[float],
    solution: str | None = None,
) -> dict[str, Any]:
    """The limiting loss curve ``E[L(t)]`` of one catalogue entry.

    Parameters
    ----------
    model : a :class:`ModelSpec` or its dict.
    params : ``{"p", "H", "sigma2", "T"}`` (``T`` defaults to 1).
    t : times (``t/T`` is what matters).
    solution : a catalogue id; default: the one whose regime contains ``params``.

    Returns
    -------
    dict
        ``{"t", "loss", "solution", "valid_for", "t_range", "blowup_time", "face", "model",
        "params", "title", "reference"}`` (JSON-ready; ``loss[i]`` is None past a blow-up,
        ``blowup_time`` is None when there is none; ``t_range = [t_min, t_max]`` is where the
        formula holds, None for unbounded).

    >>> out = theory_loss({"nu": 2, "symmetry": "sym"}, {"p": 64, "H": 32, "sigma2": 0.01},
    ...                   [0.0, 1e9])
    >>> out["solution"], round(out["loss"][1], 9)        # → max((p − H)/2, 0)
    ('sym_nu2', 16.0)
    """
    if not isinstance(model, ModelSpec):
        model = ModelSpec.from_dict(model)
    P = params if isinstance(params, Params) else Params.from_dict(params)
    times = _times(t)
    taus = [x / P.T for x in times]
    if solution is None:
        sid, face = default_solution(model, P, taus)
    else:
        sid = get_solution(solution).id
        face = None
        try:
            face = classified_face(model, P) if min(P.p, P.H) >= 1 else None
        except NotApplicable:
            face = None
    sol = SOLUTIONS[sid]
    sol.check_model(model)
    values = sol.loss(model, P, taus)
    blow = sol.blowup_tau(model, P)
    return {
        "model": model.to_dict(),
        "params": P.to_dict(),
        "solution": sid,
        "title": sol.title,
        "reference": sol.reference,
        "valid_for": sol.valid_for(model),
        "t_range": list(sol.time_range(model, P)),
        "face": face,
        "in_regime": None if face is None else face in sol.faces_for(model),
        "t": times,
        "loss": values,
        "blowup_time": None if blow is None else blow * P.T,
    }
