"""Named presets reproducing the paper's experiments (Appendix "Experiments", Sections 7–10).

Each preset is a complete validation request (see :mod:`diagrams.flow.validation`) at two
sizes: ``"gpu"`` — the paper's sizes, for a CUDA device — and ``"cpu"`` — reduced sizes that
run in seconds on two CPU cores with the same dimensionless parameters (``H/p``, ``pσ²``,
``H/p^{ν/2}``, ``ρ = p³σ⁴`` …), so the theory curves are the same functions.

* ``sym2-narayana-H{1024,512,256}`` — SYM ν=2, p=512, σ²=10⁻²/p, T=1 (Fig. Nu2-sym-main,
  eq. loss-narayana).
* ``sym2-noisy-under``, ``sym2-noisy-over``, ``sym2-lownoise-under``, ``sym2-general`` — the four
  ν=2 scenarios of Appendix "SYM ν=2" (T=1; H/p and pσ² as listed there).
* ``asym3-free-over`` (p=32, H=p³) and ``asym3-free-under`` (p=H=128) — Fig. t3_free_over_under,
  normalised to E[L(0)]=1 and unit decay rate.
* ``sym4-free-under``, ``sym4-free-over`` — Appendix "Free SYM ν=4": E[L(0)]=1, c=1/4.
* ``sym4-ascent-low-noise``, ``sym4-ascent-high-noise`` — Section 10: ρ = p³σ⁴ at ¼ and 2 times
  the threshold ρ* of eq. (nu4-threshold), gradient ascent (t < 0) to ``t = −0.05/σ²`` (the
  theory's blow-up at 2ρ* is near ``−0.017/σ²``). Finite-size caveat: a seed diverges as soon as
  its largest rank-one component is unstable, and the component norms fluctuate by a relative
  ``O(√(2 log H / p))`` (≈50% at p=64), so at moderate p seeds diverge before the mean-field
  blow-up time, and some diverge even somewhat below ρ* (at ρ*/2, half the seeds at p=16..64).
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

from diagrams.errors import SpecError

SIZES = ("cpu", "gpu")


@lru_cache(maxsize=1)
def nu4_threshold_integral() -> float:
    """``J = ∫_{−∞}^0 F(a)³ da`` with ``F(a) = ∫_0^∞ e^{4au²−u} u du`` (Section 10).

    Uses the erfc form of ``F`` from Appendix "SYM even ν ≥ 4", with ``erfcx`` for stability.

    >>> round(nu4_threshold_integral(), 6)
    0.03008
    """
    import numpy as np
    from scipy import integrate, special

    def F(a: float) -> float:
        if a == 0.0:
            return 1.0
        s = math.sqrt(-a)
        return -1 / (8 * a) + 1 / (32 * a) * math.sqrt(math.pi / -a) * special.erfcx(1 / (4 * s))

    value, _ = integrate.quad(lambda a: F(a) ** 3, -np.inf, 0.0, limit=200)
    return float(value)


def nu4_rho_star(theta: float) -> float:
    """The ascent threshold ``ρ* = (16 θ J)^{-1}`` of eq. (nu4-threshold), ``θ = 1 + 3H/p²``."""
    return 1.0 / (16.0 * theta * nu4_threshold_integral())


def _request(
    nu: int,
    sym: str,
    target: str,
    p: int,
    H: int,
    sigma2: float,
    T: float,
    t_max: float,
    n_steps: int,
    seeds: int,
    output: str = "linear",
) -> dict[str, Any]:
    return {
        "kind": "trajectory",
        "model": {"nu": nu, "symmetry": sym, "target": target},
        "params": {"p": p, "H": H, "sigma2": sigma2, "T": T},
        "t_max": t_max,
        "n_steps": n_steps,
        "seeds": seeds,
        "integrator": "euler",
        "output": output,
    }


def _sym2(
    p: int, H: int, p_sigma2: float, t_max: float, n_steps: int, seeds: int, output: str = "linear"
) -> dict[str, Any]:
    return _request(2, "sym", "identity", p, H, p_sigma2 / p, 1.0, t_max, n_steps, seeds, output)


def _asym3_free(p: int, H: int, regime: str, seeds: int) -> dict[str, Any]:
    sigma2 = (2.0 / (p**3 * H)) ** (1 / 3)  # E[L(0)] = ½ p³ H σ⁶ = 1
    if regime == "over":  # E[L]/E[L0] = exp(−2νσ⁴H t/T): unit rate
        T = 6.0 * sigma2**2 * H
        return _request(3, "asym", "zero", p, H, sigma2, T, 6.0, 300, seeds)
    T = 4.0 * p**2 * sigma2**2  # (1 + 2(ν−1)p²σ⁴ t/T)^{-3/2} = (1 + t)^{-3/2}
    return _request(3, "asym", "zero", p, H, sigma2, T, 100.0, 4000, seeds, "log")


def _sym4_free(p: int, H: int, seeds: int) -> dict[str, Any]:
    theta = 1.0 + 3.0 * H / p**2
    sigma2 = (2.0 / (p**4 * H * theta)) ** 0.25  # E[L(0)] ≈ ½ p⁴Hσ⁸ θ = 1
    T = 24.0 * theta * p**3 * sigma2**3 / 0.25  # c = 24 θ p³σ⁶/T = 1/4
    return _request(4, "sym", "zero", p, H, sigma2, T, 100.0, 4000, seeds, "log")


def _sym4_ascent(p: int, H: int, factor: float, seeds: int) -> dict[str, Any]:
    theta = 1.0 + 3.0 * H / p**2
    rho = factor * nu4_rho_star(theta)
    sigma2 = math.sqrt(rho / p**3)
    return _request(4, "sym", "identity", p, H, sigma2, 1.0, -0.05 / sigma2, 2000, seeds)


_BUILDERS: dict[str, tuple[Any, Any, str]] = {
    # name: (gpu builder, cpu builder, note)
    **{
        f"sym2-narayana-H{H}": (
            lambda H=H: _sym2(512, H, 1e-2, 3.0, 600, 8),
            lambda H=H: _sym2(32, H // 16, 1e-2, 3.0, 600, 8),
            f"SYM ν=2, p=512, H={H}, σ²=10⁻²/p, T=1 (Fig. Nu2-sym-main); cpu: p=32, H={H // 16}",
        )
        for H in (1024, 512, 256)
    },
    "sym2-noisy-under": (
        lambda: _sym2(256, 64, 16.0, 1.0, 2000, 8, "log"),
        lambda: _sym2(32, 8, 16.0, 1.0, 2000, 8, "log"),
        "SYM ν=2 noisy underparameterised: H/p=1/4, pσ²=16, T=1",
    ),
    "sym2-noisy-over": (
        lambda: _sym2(256, 2048, 10.0, 1.0, 4000, 8, "log"),
        lambda: _sym2(16, 128, 10.0, 1.0, 4000, 8, "log"),
        "SYM ν=2 noisy overparameterised: H/p=8, pσ²=10, T=1",
    ),
    "sym2-lownoise-under": (
        lambda: _sym2(256, 32, 1e-2, 3.0, 600, 8),
        lambda: _sym2(32, 4, 1e-2, 3.0, 600, 8),
        "SYM ν=2 low-noise underparameterised: H/p=1/8, pσ²=10⁻², T=1",
    ),
    "sym2-general": (
        lambda: _sym2(256, 256, 1.0, 3.0, 600, 8),
        lambda: _sym2(32, 32, 1.0, 3.0, 600, 8),
        "SYM ν=2 general scenario: H/p=1, pσ²=1, T=1",
    ),
    "asym3-free-over": (
        lambda: _asym3_free(32, 32768, "over", 8),
        lambda: _asym3_free(6, 216, "over", 8),
        "free ASYM ν=3 overparameterised, H=p³ (Fig. t3_free_over_under left)",
    ),
    "asym3-free-under": (
        lambda: _asym3_free(128, 128, "under", 8),
        lambda: _asym3_free(16, 16, "under", 8),
        "free ASYM ν=3 underparameterised, p=H (Fig. t3_free_over_under right)",
    ),
    "sym4-free-under": (
        lambda: _sym4_free(128, 32, 8),
        lambda: _sym4_free(32, 8, 8),
        "free SYM ν=4 underparameterised, H ≪ p², E[L(0)]=1, c=1/4 (Fig. app_free_evo left)",
    ),
    "sym4-free-over": (
        lambda: _sym4_free(16, 8192, 8),
        lambda: _sym4_free(6, 144, 8),
        "free SYM ν=4 overparameterised, H ≫ p², E[L(0)]=1, c=1/4 (Fig. app_free_evo right)",
    ),
    "sym4-ascent-low-noise": (
        lambda: _sym4_ascent(256, 256, 0.25, 10),
        lambda: _sym4_ascent(16, 16, 0.25, 8),
        "SYM ν=4 gradient ascent below the threshold, ρ = ρ*/4 (Fig. nu4_ascent)",
    ),
    "sym4-ascent-high-noise": (
        lambda: _sym4_ascent(256, 256, 2.0, 10),
        lambda: _sym4_ascent(16, 16, 2.0, 8),
        "SYM ν=4 gradient ascent above the threshold, ρ = 2ρ* (Fig. nu4_ascent)",
    ),
}

PRESETS = tuple(_BUILDERS)


def preset_request(name: str, size: str = "cpu", field: str = "preset") -> dict[str, Any]:
    """The validation request of preset ``name`` at ``size`` (``"cpu"`` or ``"gpu"``).

    >>> r = preset_request("sym2-general")
    >>> r["model"], r["params"]["p"], r["params"]["H"]
    ({'nu': 2, 'symmetry': 'sym', 'target': 'identity'}, 32, 32)
    """
    if name not in _BUILDERS:
        raise SpecError(field, f"unknown preset {name!r}; one of {', '.join(PRESETS)}")
    if size not in SIZES:
        raise SpecError("size", f"must be one of {', '.join(SIZES)}")
    gpu, cpu, note = _BUILDERS[name]
    request = (gpu if size == "gpu" else cpu)()
    request["description"] = note
    return request


def describe_presets() -> list[dict[str, Any]]:
    """Name, description and both sizes' requests of every preset (for listings)."""
    return [
        {
            "name": n,
            "description": _BUILDERS[n][2],
            "cpu": preset_request(n, "cpu"),
            "gpu": preset_request(n, "gpu"),
        }
        for n in PRESETS
    ]
