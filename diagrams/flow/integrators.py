"""Time integrators for the batched gradient flow, each behind ``step(state) -> state``.

The state is explicit and immutable (:class:`FlowState`; nothing is updated in place) and every
integrator receives the array module through its :class:`~diagrams.flow.kernels.FlowField`,
so the same code runs on NumPy and CuPy. Integrators:

* :class:`Euler` — the paper's scheme (Appendix "Experiments"): ``u ← u − (τ/T) ∂_u L``;
* :class:`RK4` — classical fourth order, fixed step;
* :class:`Dopri5` — Dormand–Prince 5(4) with embedded error control and FSAL.

A negative step integrates backwards in time, i.e. gradient *ascent* (Section 10). A seed whose
loss becomes non-finite or exceeds ``divergence_factor × max(L(0), ½‖F‖², tiny)`` is marked
diverged at that time and frozen; the others continue. Divergence is data, not an exception.

Energy balance. Along the exact flow ``dL/dt = ∂L/∂u · u̇ = −T‖u̇‖²``, so every accepted step
can be checked against the trapezoid rule ``ΔL ≈ −T h (‖v_k‖² + ‖v_{k+1}‖²)/2`` (error
``O(h³)``). Each state accumulates, per seed, ``Σ |ΔL − that|`` and ``Σ |that|``; their ratio
(:attr:`Trajectory.energy_balance`) is small (``O(h²)``) where the steps resolve the flow and of
order one where they do not — an oscillating Euler iteration, or a fixed-step scheme stuck at a
spurious fixed point (``ΔL = 0`` with ``v ≠ 0``). It is what tells a too-large fixed step from a
wrong theory.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from diagrams.flow.kernels import FlowField

DEFAULT_DIVERGENCE_FACTOR = 1e6


@dataclass(frozen=True)
class FlowState:
    """Immutable integrator state for a batch of ``B`` seeds.

    Attributes
    ----------
    t: current time (shared by the batch).
    u: weights, shape ``(B, C, H, p)``.
    loss: ``L(u)`` per seed, shape ``(B,)``.
    velocity: ``du/dt = −∂L/∂u / T`` at ``u`` (zero for diverged seeds).
    alive: ``(B,)`` booleans, False once a seed has diverged.
    diverged_at: ``(B,)`` time of divergence, NaN while alive.
    threshold: ``(B,)`` loss level above which a seed counts as diverged.
    dt: signed step size (fixed integrators) or next trial step (adaptive).
    n_evals, n_steps, n_rejected: counters of field evaluations and accepted/rejected steps.
    speed2: ``(B,)`` ``‖velocity‖²`` per seed.
    balance_defect, balance_scale: ``(B,)`` energy-balance sums (module docstring).
    """

    t: float
    u: Any
    loss: Any
    velocity: Any
    alive: Any
    diverged_at: Any
    threshold: Any
    dt: float
    n_evals: int = 1
    n_steps: int = 0
    n_rejected: int = 0
    speed2: Any = None
    balance_defect: Any = None
    balance_scale: Any = None


def initial_state(
    field: FlowField, u0: Any, dt: float, divergence_factor: float = DEFAULT_DIVERGENCE_FACTOR
) -> FlowState:
    """Evaluate the field at ``u0`` and set per-seed divergence thresholds."""
    xp = field.xp
    loss, vel = field(u0)
    floor = max(0.5 * field.problem.target_norm2, 1e-300)
    threshold = divergence_factor * xp.maximum(xp.abs(loss), floor)
    alive = xp.isfinite(loss)
    nan = xp.full(loss.shape, xp.nan, dtype=loss.dtype)
    velocity = xp.where(alive[:, None, None, None], vel, 0.0)
    zero = xp.zeros(loss.shape, dtype=loss.dtype)
    return FlowState(
        t=0.0,
        u=u0,
        loss=loss,
        velocity=velocity,
        alive=alive,
        diverged_at=xp.where(alive, nan, 0.0),
        threshold=threshold,
        dt=float(dt),
        speed2=_speed2(xp, velocity),
        balance_defect=zero,
        balance_scale=zero,
    )


def _speed2(xp: Any, velocity: Any) -> Any:
    return xp.sum(velocity * velocity, axis=(1, 2, 3))


def _advance(
    field: FlowField, state: FlowState, u_new: Any, t_new: float, evals: int, **changes: Any
) -> FlowState:
    """Accept ``u_new`` for alive seeds, evaluate there, and detect divergence."""
    xp = field.xp
    mask = state.alive[:, None, None, None]
    u_new = xp.where(mask, u_new, state.u)
    loss, vel = field(u_new)
    bad = state.alive & (~xp.isfinite(loss) | (loss > state.threshold))
    alive = state.alive & ~bad
    keep = alive[:, None, None, None]
    velocity = xp.where(keep, vel, 0.0)
    speed2 = _speed2(xp, velocity)
    # energy balance of the step (module docstring); h = t_new − t, signed
    predicted = -field.problem.T * (t_new - state.t) * 0.5 * (state.speed2 + speed2)
    defect = xp.where(alive, xp.abs(loss - state.loss - predicted), 0.0)
    return replace(
        state,
        t=t_new,
        u=xp.where(keep, u_new, state.u),
        loss=xp.where(alive, loss, xp.where(bad, loss, state.loss)),
        velocity=velocity,
        speed2=speed2,
        balance_defect=state.balance_defect + defect,
        balance_scale=state.balance_scale + xp.where(alive, xp.abs(predicted), 0.0),
        alive=alive,
        diverged_at=xp.where(bad, t_new, state.diverged_at),
        n_evals=state.n_evals + evals,
        n_steps=state.n_steps + 1,
        **changes,
    )


def _clamped(state: FlowState, t_stop: float | None) -> tuple[float, float]:
    """Step size towards ``t_stop`` (never past it) and the landing time."""
    dt = state.dt
    if t_stop is None:
        return dt, state.t + dt
    remaining = t_stop - state.t
    if abs(remaining) <= abs(dt) * (1 + 1e-9):
        return remaining, t_stop
    return dt, state.t + dt


@dataclass(frozen=True)
class Euler:
    """Explicit Euler, ``u_{k+1} = u_k + τ·v(u_k)`` — gradient descent with rate ``τ/T``."""

    field: FlowField
    order: int = 1

    def step(self, state: FlowState, t_stop: float | None = None) -> FlowState:
        h, t_new = _clamped(state, t_stop)
        return _advance(self.field, state, state.u + h * state.velocity, t_new, 1)


@dataclass(frozen=True)
class RK4:
    """Classical fourth-order Runge–Kutta with a fixed step."""

    field: FlowField
    order: int = 4

    def step(self, state: FlowState, t_stop: float | None = None) -> FlowState:
        h, t_new = _clamped(state, t_stop)
        f, u = self.field, state.u
        k1 = state.velocity
        k2 = f(u + (h / 2) * k1)[1]
        k3 = f(u + (h / 2) * k2)[1]
        k4 = f(u + h * k3)[1]
        u_new = u + (h / 6) * (k1 + 2 * k2 + 2 * k3 + k4)
        return _advance(f, state, u_new, t_new, 4)


# Dormand–Prince 5(4) tableau (Dormand & Prince 1980; Hairer–Nørsett–Wanner II.5)
_A = (
    (),
    (1 / 5,),
    (3 / 40, 9 / 40),
    (44 / 45, -56 / 15, 32 / 9),
    (19372 / 6561, -25360 / 2187, 64448 / 6561, -212 / 729),
    (9017 / 3168, -355 / 33, 46732 / 5247, 49 / 176, -5103 / 18656),
    (35 / 384, 0.0, 500 / 1113, 125 / 192, -2187 / 6784, 11 / 84),
)
_B5 = (35 / 384, 0.0, 500 / 1113, 125 / 192, -2187 / 6784, 11 / 84, 0.0)
_B4 = (5179 / 57600, 0.0, 7571 / 16695, 393 / 640, -92097 / 339200, 187 / 2100, 1 / 40)
_E = tuple(b5 - b4 for b5, b4 in zip(_B5, _B4))


@dataclass(frozen=True)
class Dopri5:
    """Adaptive Dormand–Prince 5(4): one shared step for the batch, error per seed.

    The step is accepted when every alive seed's RMS scaled error ``‖e / (atol + rtol|u|)‖``
    is ≤ 1. If the step would have to fall below ``dt_min`` (a finite-time blow-up), the seeds
    that still fail are marked diverged at the current time and the rest continue.
    """

    field: FlowField
    rtol: float = 1e-8
    atol: float = 1e-10
    dt_min: float = 1e-12
    max_rejects: int = 1000
    order: int = 5

    def _stages(self, state: FlowState, h: float) -> tuple[Any, Any]:
        f, u, xp = self.field, state.u, self.field.xp
        ks = [state.velocity]
        for i in range(1, 7):
            incr = sum((a * k for a, k in zip(_A[i], ks) if a != 0.0), xp.zeros_like(u))
            ks.append(f(u + h * incr)[1])
        u_new = u + h * sum((b * k for b, k in zip(_B5, ks) if b != 0.0), xp.zeros_like(u))
        err = h * sum((e * k for e, k in zip(_E, ks)), xp.zeros_like(u))
        return u_new, err

    def _error_norm(self, state: FlowState, u_new: Any, err: Any) -> Any:
        xp = self.field.xp
        scale = self.atol + self.rtol * xp.maximum(xp.abs(state.u), xp.abs(u_new))
        ratio = err / scale
        norm = xp.sqrt(xp.mean(ratio * ratio, axis=(1, 2, 3)))
        norm = xp.where(xp.isfinite(norm), norm, xp.inf)
        return xp.where(state.alive, norm, 0.0)

    def step(self, state: FlowState, t_stop: float | None = None) -> FlowState:
        xp = self.field.xp
        rejected = 0
        while True:
            h, t_new = _clamped(state, t_stop)
            u_new, err = self._stages(state, h)
            norm = self._error_norm(state, u_new, err)
            worst = float(xp.max(norm)) if norm.size else 0.0
            if worst <= 1.0:
                factor = 5.0 if worst == 0.0 else min(5.0, max(0.2, 0.9 * worst**-0.2))
                # after a step shortened to land on t_stop, keep the unclamped proposal
                next_dt = h * factor if h == state.dt else state.dt * min(factor, 1.0)
                return _advance(
                    self.field,
                    state,
                    u_new,
                    t_new,
                    6,
                    dt=next_dt,
                    n_rejected=state.n_rejected + rejected,
                )
            rejected += 1
            shrink = max(0.2, 0.9 * worst**-0.2) if math.isfinite(worst) else 0.2
            new_dt = h * shrink
            if abs(new_dt) >= self.dt_min and rejected <= self.max_rejects:
                state = replace(state, dt=new_dt)
                continue
            # a finite-time blow-up: the failing seeds diverge here, the others go on
            failing = norm > 1.0
            state = replace(
                state,
                alive=state.alive & ~failing,
                diverged_at=xp.where(failing, state.t, state.diverged_at),
                velocity=xp.where(failing[:, None, None, None], 0.0, state.velocity),
                speed2=xp.where(failing, 0.0, state.speed2),
                dt=math.copysign(max(abs(h), self.dt_min), h),
            )


INTEGRATORS = {"euler": Euler, "rk4": RK4, "dopri5": Dopri5}


@dataclass(frozen=True)
class Trajectory:
    """Output of :func:`integrate` on a time grid (host NumPy arrays).

    Attributes
    ----------
    t: ``(n,)`` output times.
    loss: ``(n, B)`` loss per seed; NaN once a seed has diverged.
    diverged_at: ``(B,)`` divergence time per seed, NaN if it never diverged.
    final: the last :class:`FlowState` (device arrays).
    """

    t: np.ndarray
    loss: np.ndarray
    diverged_at: np.ndarray
    final: FlowState

    @property
    def energy_balance(self) -> np.ndarray:
        """``(B,)`` relative energy-balance defect per seed (module docstring); NaN for seeds
        that diverged or never moved."""
        from diagrams.flow.backend import to_numpy

        defect = to_numpy(self.final.balance_defect).astype(float)
        scale = to_numpy(self.final.balance_scale).astype(float)
        alive = to_numpy(self.final.alive).astype(bool)
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = np.where(alive & (scale > 0), defect / scale, np.nan)
        return ratio


def integrate(
    integrator: Any,
    state: FlowState,
    t_out: Any,
    progress: Any = None,
    max_steps: int | None = None,
) -> Trajectory:
    """Advance ``state`` through the increasing (or, backwards, decreasing) times ``t_out``.

    ``t_out[0]`` must equal ``state.t``. Steps are clamped to land exactly on each output time.
    ``progress(fraction, message)`` is called about a hundred times; it may raise
    :class:`~diagrams.errors.Cancelled`. ``max_steps`` bounds the number of accepted steps;
    when it is reached the remaining outputs are NaN.
    """
    from diagrams.flow.backend import to_numpy

    xp = integrator.field.xp
    t_out = [float(t) for t in t_out]
    n = len(t_out)
    B = state.loss.shape[0]
    losses = np.full((n, B), np.nan)
    record = xp.where(state.alive, state.loss, xp.nan)
    losses[0] = to_numpy(record)
    span = abs(t_out[-1] - t_out[0]) or 1.0
    next_report = 0.0
    with np.errstate(over="ignore", invalid="ignore"):
        for j in range(1, n):
            while state.t != t_out[j]:
                if max_steps is not None and state.n_steps >= max_steps:
                    return Trajectory(np.asarray(t_out), losses, _div(state), state)
                state = integrator.step(state, t_stop=t_out[j])
                if progress is not None:
                    frac = abs(state.t - t_out[0]) / span
                    if frac >= next_report:
                        progress(min(frac, 1.0), f"t = {state.t:.4g}")
                        next_report = frac + 0.01
            losses[j] = to_numpy(xp.where(state.alive, state.loss, xp.nan))
    return Trajectory(np.asarray(t_out), losses, _div(state), state)


def _div(state: FlowState) -> np.ndarray:
    from diagrams.flow.backend import to_numpy

    return to_numpy(state.diverged_at).astype(float)
