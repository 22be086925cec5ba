"""Gradient-flow numerics that validate the theory (Appendix "Experiments").

A batched simulator of the flow ``du/dt = −∇L/T`` (eq. gf) for SYM/ASYM models of any order
ν ≥ 2 with identity or zero target, running the same code on NumPy (CPU) and CuPy (GPU):

* :mod:`~diagrams.flow.backend` — array-module selection (``"auto" | "numpy" | "cupy"``);
* :mod:`~diagrams.flow.problem` — sizes and reproducible per-seed initial weights;
* :mod:`~diagrams.flow.gram`, :mod:`~diagrams.flow.mttkrp`, :mod:`~diagrams.flow.dense` — loss and
  gradient in the Gram form O(νH²p), the contraction form O(νHp^ν), and the naive dense form;
* :mod:`~diagrams.flow.kernels` — choice by cost and the vector field;
* :mod:`~diagrams.flow.integrators` — Euler (the paper's scheme), RK4, Dormand–Prince 5(4),
  ``step(state) -> state`` on an immutable state, negative time, divergence as data;
* :mod:`~diagrams.flow.taylor` — exact ``d^sL/dt^s(0)`` per start, Monte Carlo ``Y_s``;
* :mod:`~diagrams.flow.presets` — the paper's experiments at GPU and reduced CPU sizes;
* :mod:`~diagrams.flow.validation` — :func:`run_validation`, the service's entry point;
* :mod:`~diagrams.flow.plots` — SVG/PNG figures of validation results.
"""

from diagrams.flow.backend import Backend, resolve_backend
from diagrams.flow.integrators import RK4, Dopri5, Euler, FlowState, initial_state, integrate
from diagrams.flow.kernels import FlowField, choose_kernel, make_field
from diagrams.flow.presets import PRESETS, preset_request
from diagrams.flow.problem import FlowProblem, init_weights
from diagrams.flow.taylor import estimate_series, loss_time_derivatives
from diagrams.flow.validation import estimate_validation_cost, run_validation

__all__ = [
    "PRESETS",
    "RK4",
    "Backend",
    "Dopri5",
    "Euler",
    "FlowField",
    "FlowProblem",
    "FlowState",
    "choose_kernel",
    "estimate_series",
    "estimate_validation_cost",
    "init_weights",
    "initial_state",
    "integrate",
    "loss_time_derivatives",
    "make_field",
    "preset_request",
    "resolve_backend",
    "run_validation",
]
