"""Benchmark of the gradient-flow kernels (diagrams.flow) against a naive dense-einsum flow.

One explicit-Euler step of the batched flow (loss, gradient, update) for three problems,
8 seeds each, float64, NumPy on the CPU:

  (a) SYM  ν=2, p=256, H=256      (b) ASYM ν=3, p=32, H=1024      (c) SYM ν=4, p=64, H=2048

"project" is the kernel diagrams.flow chooses by cost (Gram or MTTKRP form, see
diagrams/flow/kernels.py); "naive" is the same step written literally with ``numpy.einsum``
(default ``optimize=False``): the model tensor f ∈ (R^p)^{⊗ν} and the residual are materialised
densely and each gradient is one einsum (diagrams/flow/dense.py). Both run in the same process;
times are medians of repeats; the speed-up is naive time / project time. The naive step of (c)
would take minutes (H·p⁴ ≈ 3·10¹⁰ terms per einsum per seed), so by default it is timed on one
seed and a slice of the rank axis and scaled linearly (both einsum loops are exactly linear in
the number of seeds and of rank rows; a shorter inner loop only makes the naive code look
faster, so the scaled speed-up is conservative); ``--full-naive`` times it whole.

Before timing, the project's and the naive step are checked to agree on the same seeds.

Usage (single-threaded BLAS is recommended on a shared machine: multi-threaded OpenBLAS on
small stacked matmuls degrades by orders of magnitude when the cores are oversubscribed)::

    OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/flow.py [--repeats 5] [--full-naive]
        [--write PATH]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from diagrams.flow.dense import dense_flops, dense_loss_and_grad  # noqa: E402
from diagrams.flow.integrators import Euler, initial_state  # noqa: E402
from diagrams.flow.kernels import make_field  # noqa: E402
from diagrams.flow.problem import FlowProblem, init_weights  # noqa: E402
from diagrams.model import ModelSpec  # noqa: E402

SEEDS = 8
TAU = 1e-3  # Euler step τ (the value does not affect the cost)
CASES = [
    ("a", ModelSpec(2, "sym", "identity"), 256, 256),
    ("b", ModelSpec(3, "asym", "identity"), 32, 1024),
    ("c", ModelSpec(4, "sym", "identity"), 64, 2048),
]
NAIVE_SLICE = {"c": (1, 128)}  # (seeds, rank rows) timed for the naive step by default


def median_time(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def matmul_rate(n: int = 2048, repeats: int = 3) -> float:
    a = np.random.default_rng(0).standard_normal((n, n))
    a @ a
    return 2 * n**3 / median_time(lambda: a @ a, repeats) / 1e9


def naive_step(U, model: ModelSpec, tau: float, T: float):
    loss, grad = dense_loss_and_grad(U, model, np)
    return U - (tau / T) * grad, loss


def machine() -> dict[str, str]:
    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    blas = "unknown"
    try:
        cfg = np.show_config(mode="dicts")
        info = cfg.get("Build Dependencies", {}).get("blas", {})
        blas = f"{info.get('name', '?')} {info.get('version', '')}".strip()
    except Exception:
        pass
    env = ", ".join(f"{k}={v}" for k, v in sorted(os.environ.items()) if k.startswith("OPENBLAS"))
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "blas": blas,
        "openblas_env": env or "(none set)",
        "load": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def run(repeats: int, full_naive: bool) -> tuple[list[dict], dict]:
    rows = []
    info = machine()
    info["matmul_gflops"] = f"{matmul_rate():.1f}"
    for name, model, p, H in CASES:
        pb = FlowProblem(model, p=p, H=H, sigma2=1.0 / p, T=1.0)
        field = make_field(pb, np, "auto", batch=SEEDS)
        U = init_weights(pb, range(SEEDS))
        stepper = Euler(field)
        state = initial_state(field, U, TAU)
        # correctness first: the project's step equals the naive step on the same seeds
        n_seeds, rows_h = (SEEDS, H) if full_naive else NAIVE_SLICE.get(name, (SEEDS, H))
        check = FlowProblem(model, p=p, H=rows_h, sigma2=1.0 / p)
        u_small = init_weights(check, range(n_seeds))
        field_small = make_field(check, np, field.kernel)
        ours = Euler(field_small).step(initial_state(field_small, u_small, TAU))
        naive_u, naive_loss = naive_step(u_small, model, TAU, 1.0)
        np.testing.assert_allclose(ours.u, naive_u, rtol=1e-9, atol=1e-12)
        np.testing.assert_allclose(
            initial_state(field_small, u_small, TAU).loss, naive_loss, rtol=1e-10
        )
        # project: one Euler step = one field evaluation + update (state stays immutable)
        stepper.step(state)  # warm-up (workspace allocation)
        t_ours = median_time(lambda s=stepper, x=state: s.step(x), repeats)
        flops = field.flops(SEEDS)
        # naive: same step, dense einsum
        naive_repeats = 3 if rows_h * n_seeds * p**model.nu < 5e8 else 1
        t_naive_part = median_time(
            lambda u=u_small, m=model: naive_step(u, m, TAU, 1.0), naive_repeats
        )
        scale = (SEEDS / n_seeds) * (H / rows_h)
        t_naive = t_naive_part * scale
        rows.append(
            {
                "case": name,
                "model": str(model),
                "p": p,
                "H": H,
                "kernel": field.kernel,
                "t_ours": t_ours,
                "steps_per_s": 1 / t_ours,
                "gflops": flops / t_ours / 1e9,
                "t_naive": t_naive,
                "naive_gflops": dense_flops(model, p, H, SEEDS) / t_naive / 1e9,
                "naive_note": "measured" if scale == 1 else f"1 seed × {rows_h} rows, ×{scale:g}",
                "speedup": t_naive / t_ours,
            }
        )
        print(f"  ({name}) done: {t_ours * 1e3:.1f} ms vs {t_naive:.2f} s", file=sys.stderr)
    return rows, info


def table(rows: list[dict], info: dict, command: str) -> str:
    lines = [
        f"Command: `{command}`  ",
        f"Machine: {info['cpu']}, {info['cores']} cores (shared; load average at start "
        f"{info['load']}), Python {info['python']}, NumPy {info['numpy']} ({info['blas']}), "
        f"{info['openblas_env']}. Measured dense matmul rate (2048², float64): "
        f"{info['matmul_gflops']} GFLOP/s.",
        "",
        "| case | model | p | H | kernel | project: ms/step | steps/s | GFLOP/s "
        "| naive einsum: s/step | naive GFLOP/s | naive timing | speed-up |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| ({r['case']}) | {r['model']} | {r['p']} | {r['H']} | {r['kernel']} "
            f"| {r['t_ours'] * 1e3:.1f} | {r['steps_per_s']:.2f} | {r['gflops']:.1f} "
            f"| {r['t_naive']:.3g} | {r['naive_gflops']:.2f} | {r['naive_note']} "
            f"| **{r['speedup']:.0f}×** |"
        )
    return "\n".join(lines) + "\n"


def theory_table(path: Path) -> str:
    """Compare simulated preset curves (``gpu_presets.json`` of gpu_check.sh) with the theory."""
    import json

    from diagrams.flow.validation import attach_theory

    sims = json.loads(path.read_text())
    lines = [
        "| preset | p | H | seeds | closed form | max scaled err | mean rel err "
        "| series order | series max abs z | diverged |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, sim in sims.items():
        res = attach_theory(sim)
        req, cf, se = res["request"], res["metrics"]["closed_form"], res["metrics"]["series"]
        info = res["theory"]["closed_form_info"]

        def fmt(x: float | None, spec: str = ".3g") -> str:
            return "—" if x is None else format(x, spec)

        lines.append(
            f"| {name} | {req['params']['p']} | {req['params']['H']} | {req['seeds']} "
            f"| {info.get('solution') or '—'} | {fmt(cf and cf['max_scaled_err'])} "
            f"| {fmt(cf and cf['mean_rel_err'])} | {res['theory']['series_order']} "
            f"| {fmt(se and se['max_abs_z'], '.2f')} | {res['diverged_fraction']:.0%} |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--full-naive", action="store_true")
    parser.add_argument("--write", type=Path, default=None, help="write the table to this file")
    parser.add_argument(
        "--theory-for",
        type=Path,
        default=None,
        help="instead: compare gpu_check.sh's gpu_presets.json with the theory",
    )
    args = parser.parse_args()
    if args.theory_for:
        print(theory_table(args.theory_for))
        return
    threads = os.environ.get("OPENBLAS_NUM_THREADS")
    command = (f"OPENBLAS_NUM_THREADS={threads} " if threads else "") + "python benchmarks/flow.py"
    command += " --full-naive" if args.full_naive else ""
    rows, info = run(args.repeats, args.full_naive)
    text = table(rows, info, command)
    print(text)
    if args.write:
        args.write.write_text(text)


if __name__ == "__main__":
    main()
