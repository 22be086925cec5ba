"""Taylor mode of diagrams.flow: exact time derivatives of the loss at t = 0.

Checked against (i) finite differences of the simulated loss, (ii) the chain rule
dL/dt = −‖∇L‖²/T, (iii) exact Gaussian expectations by Gauss–Hermite quadrature at tiny sizes
(hand-derived Y_0, Y_1 and the engine's Y_s), (iv) Monte Carlo means within 5 standard errors
of the engine's Y_s at sizes where exact enumeration over starts is impossible.
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from diagrams.flow.integrators import Dopri5, initial_state, integrate
from diagrams.flow.kernels import make_field
from diagrams.flow.problem import FlowProblem, init_weights
from diagrams.flow.taylor import estimate_series, loss_taylor_coefficients, loss_time_derivatives
from diagrams.model import ModelSpec
from diagrams.series import series


def engine_Y(problem: FlowProblem, s_max: int) -> np.ndarray:
    res = series(problem.model, s_max)
    return np.array(
        [float(c.evaluate(problem.p, problem.H, problem.sigma2)) for c in res.coefficients]
    )


@pytest.mark.parametrize(
    "model",
    [
        ModelSpec(2, "sym", "identity"),
        ModelSpec(3, "asym", "identity"),
        ModelSpec(4, "sym", "zero"),
        ModelSpec(3, "sym", "identity"),
    ],
    ids=str,
)
def test_derivatives_equal_finite_differences_of_the_simulated_loss(model: ModelSpec) -> None:
    pb = FlowProblem(model, p=3, H=4, sigma2=0.3, T=1.7)
    field = make_field(pb)
    u0 = init_weights(pb, [0, 1])
    derivs = loss_time_derivatives(pb, u0, 3)
    hs = np.linspace(-0.01, 0.01, 11)
    losses = []
    for h in hs:
        if h == 0:
            losses.append(field.loss(u0))
            continue
        stepper = Dopri5(field, rtol=1e-13, atol=1e-15)
        losses.append(integrate(stepper, initial_state(field, u0, h), [0.0, h]).loss[-1])
    losses = np.array(losses)
    for b in range(2):
        fit = np.polynomial.polynomial.polyfit(hs, losses[:, b], 9)
        fd = [fit[s] * math.factorial(s) for s in range(4)]
        np.testing.assert_allclose(fd[:3], derivs[b, :3], rtol=1e-6)
        assert fd[3] == pytest.approx(derivs[b, 3], rel=1e-4)


@pytest.mark.parametrize("model", [ModelSpec(2, "asym", "zero"), ModelSpec(4, "sym", "identity")])
def test_first_derivative_is_minus_gradient_norm_squared_over_T(model: ModelSpec) -> None:
    pb = FlowProblem(model, p=4, H=3, sigma2=0.2, T=0.7)
    u0 = init_weights(pb, [3, 4, 5])
    loss, velocity = make_field(pb)(u0)
    derivs = loss_time_derivatives(pb, u0, 1)
    np.testing.assert_allclose(derivs[:, 0], loss, rtol=1e-13)
    np.testing.assert_allclose(
        derivs[:, 1], -pb.T * np.sum(velocity**2, axis=(1, 2, 3)), rtol=1e-12
    )
    coeffs = loss_taylor_coefficients(pb, u0, 1)
    np.testing.assert_allclose(coeffs, derivs)  # 0! = 1! = 1


# ---------------------------------------------------------------- exact expectations (quadrature)
def gauss_expectation(pb: FlowProblem, s_max: int) -> np.ndarray:
    """E over u ~ N(0, σ²) of d^sL/dt^s(0)·T^s (minus ½‖F‖² at s=0), exactly, by a tensor
    Gauss–Hermite rule: d^sL/dt^s is a polynomial of degree 2ν + s(2ν−2) in the weights."""
    degree = 2 * pb.nu + s_max * (2 * pb.nu - 2)
    n = degree // 2 + 1
    nodes, weights = np.polynomial.hermite_e.hermegauss(n)
    weights = weights / weights.sum()
    dim = pb.n_params
    points = np.array(list(itertools.product(nodes, repeat=dim))) * math.sqrt(pb.sigma2)
    w = np.prod(np.array(list(itertools.product(weights, repeat=dim))), axis=1)
    u = points.reshape(-1, pb.colors, pb.H, pb.p)
    d = loss_time_derivatives(pb, u, s_max) * np.array([pb.T**s for s in range(s_max + 1)])
    d[:, 0] -= 0.5 * pb.target_norm2
    return w @ d


def sym_Y0(nu: int, p: int, H: int, s2: float, identity: bool) -> float:
    """Hand-derived Y_0 in SYM: E[D] from χ² moments (k = k') and the Gaussian law of u_k·u_k'
    given u_k' (k ≠ k'); E[R] = pH (ν−1)!! σ^ν for even ν, 0 for odd ν."""
    rising = lambda n: math.prod(p + 2 * j for j in range(n))  # noqa: E731
    dfact = math.prod(range(nu - 1, 0, -2)) if nu % 2 == 0 else 0
    d = H * s2**nu * rising(nu) + H * (H - 1) * dfact * s2**nu * rising(nu // 2)
    r = p * H * dfact * s2 ** (nu / 2) if identity else 0.0
    return 0.5 * d - r


def sym2_Y1(p: int, H: int, s2: float) -> float:
    """Y_1 = −E‖∇L‖² = −4 E[tr W³ − 2 tr W² + tr W], W = UUᵀ (Wishart moments)."""
    tr3 = H * p * (p * p + H * H + 3 * p * H + 3 * p + 3 * H + 4) * s2**3
    tr2 = H * p * (p + H + 1) * s2**2
    return -4 * (tr3 - 2 * tr2 + H * p * s2)


@pytest.mark.parametrize(
    ("nu", "sym", "target", "p", "H", "s_max"),
    [
        (2, "sym", "identity", 1, 2, 4),
        (2, "sym", "identity", 2, 2, 3),
        (2, "asym", "identity", 2, 1, 4),
        (3, "asym", "zero", 1, 1, 4),
        (3, "sym", "identity", 1, 2, 3),
        (4, "sym", "identity", 2, 1, 3),
    ],
)
def test_quadrature_expectations_equal_hand_derivations_and_engine(
    nu: int, sym: str, target: str, p: int, H: int, s_max: int
) -> None:
    pb = FlowProblem(ModelSpec(nu, sym, target), p=p, H=H, sigma2=0.37, T=2.0)
    exact = gauss_expectation(pb, s_max)
    s2 = pb.sigma2
    if sym == "asym":
        assert exact[0] == pytest.approx(0.5 * p**nu * H * s2**nu, rel=1e-12)
    else:
        assert exact[0] == pytest.approx(sym_Y0(nu, p, H, s2, target == "identity"), rel=1e-12)
    if (nu, sym, target) == (2, "sym", "identity"):
        assert exact[1] == pytest.approx(sym2_Y1(p, H, s2), rel=1e-12)
    np.testing.assert_allclose(exact, engine_Y(pb, s_max), rtol=1e-11)


def test_sym2_Y0_example_of_the_conventions() -> None:
    """Y_0 = ½σ⁴(p²H + pH² + pH) − pHσ² (SYM ν=2, identity target)."""
    p, H, s2 = 5, 3, 0.2
    assert sym_Y0(2, p, H, s2, True) == pytest.approx(
        0.5 * s2**2 * (p * p * H + p * H * H + p * H) - p * H * s2
    )


# ------------------------------------------------------------------ Monte Carlo vs the engine
@pytest.mark.parametrize(
    ("nu", "sym", "target", "p", "H", "sigma2", "s_max", "n"),
    [
        (2, "sym", "identity", 16, 16, 1 / 16, 5, 1000),
        (3, "asym", "identity", 5, 6, 0.1, 4, 2000),
        (2, "asym", "zero", 6, 4, 0.15, 4, 2000),
        (4, "sym", "zero", 8, 6, 0.05, 3, 2000),
        (3, "sym", "identity", 8, 8, 0.1, 3, 2000),
    ],
)
def test_monte_carlo_Y_s_within_5_standard_errors_of_engine(
    nu: int, sym: str, target: str, p: int, H: int, sigma2: float, s_max: int, n: int
) -> None:
    pb = FlowProblem(ModelSpec(nu, sym, target), p=p, H=H, sigma2=sigma2, T=3.0)
    est = estimate_series(pb, s_max, range(n), batch_size=500)
    exact = engine_Y(pb, s_max)
    z = (est.mean - exact) / est.stderr
    assert np.all(np.abs(z) < 5), z
    # the check has teeth: the low orders are resolved to better than 20% of |Y_s|
    assert np.all(est.stderr[:2] < 0.2 * np.abs(exact[:2]))


def test_estimate_series_is_batch_independent() -> None:
    pb = FlowProblem(ModelSpec(2, "sym", "identity"), p=3, H=2, sigma2=0.2)
    a = estimate_series(pb, 3, range(50), batch_size=7)
    b = estimate_series(pb, 3, range(50), batch_size=50)
    np.testing.assert_allclose(a.mean, b.mean, rtol=1e-12)
    np.testing.assert_allclose(a.stderr, b.stderr, rtol=1e-9)
    with pytest.raises(ValueError):
        estimate_series(pb, 3, [1])
