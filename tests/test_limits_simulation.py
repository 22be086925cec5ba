"""(c) of the catalogue: reduced-size gradient-flow simulations (:mod:`diagrams.flow`) track the
limiting curves. Sizes are small (p ≤ 32), so the tolerances allow the O(1/p) finite-size
corrections; each check is also sharp enough to reject the obvious wrong alternative (e.g. the
NTK rate without the factor ν). Total ≈ 20 s on 2 cores."""

from __future__ import annotations

import math

import numpy as np
import pytest

validation = pytest.importorskip("diagrams.flow.validation")


def run(nu, sym, target, p, H, sigma2, T, t_max, n_steps, *, seeds=8, output="linear", sol=None):
    request = {
        "kind": "trajectory",
        "model": {"nu": nu, "symmetry": sym, "target": target},
        "params": {"p": p, "H": H, "sigma2": sigma2, "T": T},
        "t_max": t_max,
        "n_steps": n_steps,
        "seeds": seeds,
        "seed": 1,
        "integrator": "rk4",
        "output": output,
        "n_points": 41,
        "series_order": 0,
    }
    if sol:
        request["solution"] = sol
    out = validation.run_validation(request)
    t = np.array(out["t"], dtype=float)
    mean = np.array([np.nan if v is None else v for v in out["loss_mean"]], dtype=float)
    theory = out["theory"]["closed_form"]
    assert theory is not None, out["theory"]["closed_form_info"]
    theory = np.array([np.nan if v is None else v for v in theory], dtype=float)
    return t, mean, theory, out


def scaled_error(mean, theory):
    ok = np.isfinite(mean) & np.isfinite(theory)
    return float(np.max(np.abs(mean[ok] - theory[ok])) / np.max(np.abs(theory[ok])))


def test_sym_nu2_general_scenario_tracks_narayana():
    """Appendix 'Experiments', SYM ν=2 general scenario (H/p = 1, pσ² = 1) at p = 64 (the
    exact E[L(0)] exceeds the limit by pHσ⁴/2 = 1/2, i.e. 1.6%)."""
    t, mean, theory, out = run(2, "sym", "identity", 64, 64, 1 / 64, 1.0, 3.0, 600)
    assert out["theory"]["closed_form_info"]["solution"] == "sym_nu2"
    assert scaled_error(mean, theory) < 0.03
    assert theory[-1] < 0.05 * theory[0]  # learns: the limit max((p−H)/2, 0) = 0


def test_sym_nu2_noisy_underparameterised_tracks_narayana():
    t, mean, theory, _ = run(2, "sym", "identity", 32, 8, 16 / 32, 1.0, 1.0, 2000, output="log")
    assert scaled_error(mean, theory) < 0.06
    assert theory[-1] == pytest.approx(12.0, rel=0.05)  # → (p − H)/2


def test_ntk_rate_has_the_factor_nu():
    """ASYM ν=2 at face B–C (pHσ⁴ = 1, Hσ² ≈ 11, H/p = 128): the simulated loss decays at the
    rate 2νHσ²/T of the derived solution, not at the paper's 2Hσ²/T."""
    p, H = 8, 1024
    s2 = math.sqrt(1 / (p * H))
    T = H * s2
    t, mean, theory, out = run(2, "asym", "identity", p, H, s2, T, 1.5, 300)
    assert out["theory"]["closed_form_info"]["solution"] == "ntk"
    assert scaled_error(mean, theory) < 0.12
    late = t > 0.3
    rate = -np.polyfit(t[late], np.log(mean[late]), 1)[0]
    assert rate == pytest.approx(2 * 2 * H * s2 / T, rel=0.12)
    assert abs(rate - 2 * H * s2 / T) > 1.0


def test_free_asym_underparameterised_power_law():
    """Free ASYM ν=3, p = H = 16 (Fig. t3_free_over_under right, reduced)."""
    p = H = 16
    s2 = (2.0 / (p**3 * H)) ** (1 / 3)
    T = 4.0 * p**2 * s2**2
    t, mean, theory, out = run(3, "asym", "zero", p, H, s2, T, 30.0, 3000, output="log")
    assert out["theory"]["closed_form_info"]["solution"] == "free_underparameterized"
    assert scaled_error(mean, theory) < 0.12
    tail = t > 5
    slope = np.polyfit(np.log(t[tail]), np.log(mean[tail]), 1)[0]
    assert slope == pytest.approx(-1.5, abs=0.2)  # exponent −ν/(ν−1)


def test_nu4_ascent_low_noise_returns_to_p_over_2():
    """SYM ν=4 gradient ascent below the threshold (ρ = ρ*/4) at p = H = 16."""
    p = H = 16
    theta = 1 + 3 * H / p**2
    rho = 0.25 * 2.0778094484725803 / theta
    s2 = math.sqrt(rho / p**3)
    t, mean, theory, out = run(4, "sym", "identity", p, H, s2, 1.0, -0.05 / s2, 1000)
    info = out["theory"]["closed_form_info"]
    assert info["solution"] == "sym_nu4_ascent" and info["blowup_time"] is None
    assert scaled_error(mean, theory) < 0.005
    assert out["diverged_fraction"] == 0.0


def test_free_asym_overparameterised_exponential():
    """Free ASYM ν=2, H/p = 64 (point B): E[L] = ½p²Hσ⁴ e^{−4Hσ²t/T}, an exponential, not a
    power law (Section 7's contrast with SYM)."""
    p, H = 8, 512
    s2 = math.sqrt(2.0 / (p**2 * H))  # E[L(0)] = 1
    T = 4 * H * s2  # unit rate
    t, mean, theory, out = run(2, "asym", "zero", p, H, s2, T, 4.0, 400)
    assert out["theory"]["closed_form_info"]["solution"] == "free_overparameterized"
    assert scaled_error(mean, theory) < 0.05
    late = t > 1
    rate = -np.polyfit(t[late], np.log(mean[late]), 1)[0]
    assert rate == pytest.approx(1.0, rel=0.1)
