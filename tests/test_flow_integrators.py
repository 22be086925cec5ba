"""Integrators of diagrams.flow: convergence orders, batching, time reversal, divergence."""

from __future__ import annotations

import math

import numpy as np
import pytest

from diagrams.flow.integrators import RK4, Dopri5, Euler, initial_state, integrate
from diagrams.flow.kernels import make_field
from diagrams.flow.presets import nu4_rho_star
from diagrams.flow.problem import FlowProblem, init_weights
from diagrams.model import ModelSpec

T_END = 0.5


@pytest.fixture(scope="module")
def setup() -> tuple:
    pb = FlowProblem(ModelSpec(3, "asym", "identity"), p=3, H=4, sigma2=0.5, T=1.3)
    field = make_field(pb)
    u0 = init_weights(pb, [0, 1, 2])
    reference = integrate(
        Dopri5(field, rtol=1e-13, atol=1e-15), initial_state(field, u0, 0.01), [0.0, T_END]
    )
    return field, u0, reference.final.u


def _error(field, u0, u_ref, cls, n: int) -> float:
    traj = integrate(cls(field), initial_state(field, u0, T_END / n), [0.0, T_END])
    return float(np.abs(traj.final.u - u_ref).max())


@pytest.mark.parametrize(("cls", "order"), [(Euler, 1), (RK4, 4)])
def test_fixed_step_convergence_order(setup, cls, order: int) -> None:
    field, u0, u_ref = setup
    ns = (40, 80, 160) if cls is Euler else (20, 40, 80)
    errors = [_error(field, u0, u_ref, cls, n) for n in ns]
    observed = [math.log2(a / b) for a, b in zip(errors, errors[1:])]
    assert all(abs(o - order) < 0.35 for o in observed), observed


def test_dopri5_error_follows_tolerance(setup) -> None:
    field, u0, u_ref = setup
    errors, steps = [], []
    for tol in (1e-4, 1e-6, 1e-8):
        traj = integrate(
            Dopri5(field, rtol=tol, atol=tol * 1e-2), initial_state(field, u0, 0.1), [0.0, T_END]
        )
        errors.append(float(np.abs(traj.final.u - u_ref).max()))
        steps.append(traj.final.n_steps)
    assert errors[0] > 30 * errors[1] > 900 * errors[2]
    assert errors[2] < 1e-7
    assert steps[0] < steps[1] < steps[2]
    # fifth order: 100× tighter tolerance costs about 100^(1/5) ≈ 2.5× more steps
    assert 1.5 < steps[2] / steps[1] < 4.0


def test_steps_do_not_mutate_the_state(setup) -> None:
    field, u0, _ = setup
    for cls in (Euler, RK4, Dopri5):
        state = initial_state(field, u0.copy(), 0.05)
        before = (state.u.copy(), state.loss.copy(), state.velocity.copy(), state.t)
        new = cls(field).step(state)
        assert new is not state and new.t != state.t
        np.testing.assert_array_equal(state.u, before[0])
        np.testing.assert_array_equal(state.loss, before[1])
        np.testing.assert_array_equal(state.velocity, before[2])
        assert state.t == before[3]


def test_euler_step_is_gradient_descent_with_rate_tau_over_T(setup) -> None:
    field, u0, _ = setup
    from diagrams.flow.gram import gram_loss_and_grad

    tau = 0.01
    new = Euler(field).step(initial_state(field, u0, tau))
    _, grad = gram_loss_and_grad(u0, field.problem.model)
    np.testing.assert_allclose(new.u, u0 - (tau / field.problem.T) * grad, rtol=1e-14)


@pytest.mark.parametrize("cls", [Euler, RK4, Dopri5])
def test_batched_equals_sequential(setup, cls) -> None:
    field, u0, _ = setup
    times = np.linspace(0, T_END, 6)
    batched = integrate(cls(field), initial_state(field, u0, 0.01), times)
    for b in range(u0.shape[0]):
        alone = integrate(cls(field), initial_state(field, u0[b : b + 1], 0.01), times)
        if cls is Dopri5:  # one shared adaptive step per batch: equal to within tolerance
            np.testing.assert_allclose(alone.loss[:, 0], batched.loss[:, b], rtol=1e-6)
        else:
            np.testing.assert_allclose(alone.loss[:, 0], batched.loss[:, b], rtol=1e-12)


def test_negative_time_reverses_the_flow(setup) -> None:
    field, u0, _ = setup
    forward = integrate(RK4(field), initial_state(field, u0, 0.002), [0.0, 0.1])
    back_state = initial_state(field, forward.final.u, -0.002)
    back = integrate(RK4(field), back_state, [0.0, -0.1])
    np.testing.assert_allclose(back.final.u, u0, atol=1e-10)
    # ascent raises the loss, descent lowers it
    assert np.all(np.diff(forward.loss, axis=0) < 0)
    assert np.all(np.diff(back.loss, axis=0) > 0)


def _ascent(factor: float, p: int, cls, n_steps: int = 1000):
    H = p
    theta = 1 + 3 * H / p**2
    sigma2 = math.sqrt(factor * nu4_rho_star(theta) / p**3)
    pb = FlowProblem(ModelSpec(4, "sym", "identity"), p=p, H=H, sigma2=sigma2)
    field = make_field(pb)
    t_max = -0.05 / sigma2
    u0 = init_weights(pb, range(6))
    return integrate(
        cls(field), initial_state(field, u0, t_max / n_steps), np.linspace(0, t_max, 51)
    ), t_max


@pytest.mark.parametrize("cls", [Euler, Dopri5])
def test_divergence_in_high_noise_nu4_ascent_is_detected(cls) -> None:
    """ρ = 4ρ* (Section 10, eq. nu4-threshold): every seed blows up at a finite t < 0."""
    traj, t_max = _ascent(4.0, 16, cls)
    times = traj.diverged_at
    assert np.all(np.isfinite(times)), times
    assert np.all((times < 0) & (times > t_max))
    # past its divergence time (further into t < 0) a seed is NaN, before it a finite loss
    for b, tb in enumerate(times):
        assert np.all(np.isnan(traj.loss[traj.t <= tb, b]))
        assert np.all(np.isfinite(traj.loss[traj.t > tb, b]))
    assert not bool(traj.final.alive.any())


def test_low_noise_nu4_ascent_does_not_diverge() -> None:
    """ρ = ρ*/4: the ascent converges towards u = 0 (loss → p/2), no seed diverges."""
    traj, _ = _ascent(0.25, 16, Euler)
    assert np.all(np.isnan(traj.diverged_at))
    assert np.all(traj.loss[-1] < 8.0) and np.all(traj.loss[-1] > traj.loss[0])


def test_max_steps_stops_with_nan_outputs(setup) -> None:
    field, u0, _ = setup
    traj = integrate(Euler(field), initial_state(field, u0, 0.01), [0.0, 0.05, 0.5], max_steps=10)
    assert np.all(np.isfinite(traj.loss[:2])) and np.all(np.isnan(traj.loss[2]))
