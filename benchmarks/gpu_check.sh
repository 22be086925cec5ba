#!/usr/bin/env bash
# One prepared, self-checking GPU run of the gradient-flow simulator (diagrams.flow).
#
# Installs nothing: needs only Python 3.11+ with NumPy and CuPy (as a CUDA machine offers) and
# this checkout; the engine's own dependencies (networkx, igraph, sympy) are not needed.
#
#   1. device ceilings: measured copy bandwidth (vs the H200's ≈4.3 TB/s) and FP64/FP32
#      matmul rates;
#   2. CuPy against NumPy on the same seeds: loss and gradient of every kernel for ν = 2, 3, 4,
#      SYM/ASYM, identity/zero target; Euler/RK4/Dopri5 trajectories (also backwards in time);
#      Taylor-mode derivatives; the first step of each benchmark case at full size (one seed).
#      Any mismatch → "FAIL" and exit status 1;
#   3. a table of time per Euler step, achieved GFLOP/s and estimated GB/s against those
#      ceilings for the CPU benchmark's cases (a) (b) (c) and the paper-size presets;
#   4. the paper-size presets simulated end to end (diagrams.flow.validation.simulate); the
#      curves go to $OUT/gpu_presets.json (if $OUT is set) for the host to compare with the
#      theory: `python benchmarks/flow.py --theory-for gpu_presets.json`.
#
# Usage:  bash benchmarks/gpu_check.sh            (PYTHON=... to pick the interpreter)
#         GPU_CHECK_CPU_SELFTEST=1 bash benchmarks/gpu_check.sh
#             runs the same script with NumPy standing in for CuPy at small sizes, to check
#             the script itself on a machine without a GPU.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"
if [[ -z "${GPU_CHECK_CPU_SELFTEST:-}" ]] && ! "$PY" -c "import cupy, numpy; assert cupy.cuda.runtime.getDeviceCount() > 0" 2>/dev/null; then
    echo "gpu_check: CuPy with a CUDA device is not available to $PY" >&2
    exit 2
fi
command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,memory.total,driver_version,clocks.max.sm --format=csv,noheader || true

exec "$PY" - <<'PYEOF'
import importlib, json, math, os, platform, statistics, sys, time, types

sys.path.insert(0, os.getcwd())
try:  # the full package when its dependencies are here; else only what diagrams.flow needs
    import diagrams  # noqa: F401
except ImportError:
    stub = types.ModuleType("diagrams")
    stub.__path__ = [os.path.join(os.getcwd(), "diagrams")]
    sys.modules["diagrams"] = stub

import numpy as np

from diagrams.flow.integrators import RK4, Dopri5, Euler, initial_state, integrate
from diagrams.flow.kernels import choose_kernel, kernel_flops, kernel_traffic_bytes, make_field
from diagrams.flow.presets import PRESETS, preset_request
from diagrams.flow.problem import FlowProblem, init_weights
from diagrams.flow.taylor import loss_time_derivatives
from diagrams.flow.validation import simulate
from diagrams.model import ModelSpec

SELFTEST = bool(os.environ.get("GPU_CHECK_CPU_SELFTEST"))
if SELFTEST:
    xp, name = np, "numpy (self-test stand-in for cupy)"
    def sync():
        pass
else:
    import cupy as xp
    dev = xp.cuda.Device()
    props = xp.cuda.runtime.getDeviceProperties(dev.id)
    name = props["name"].decode() if isinstance(props["name"], bytes) else props["name"]
    def sync():
        xp.cuda.Device().synchronize()

def host(a):
    return a.get() if hasattr(a, "get") else np.asarray(a)

failures = []
def check(label, ok, detail=""):
    print(f"  [{'ok' if ok else 'FAIL'}] {label} {detail}")
    if not ok:
        failures.append(label)

def timed(fn, repeats):
    fn(); sync()
    times = []
    for _ in range(repeats):
        sync(); t0 = time.perf_counter(); fn(); sync()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)

print(f"device: {name}; python {platform.python_version()}, numpy {np.__version__}"
      + ("" if SELFTEST else f", cupy {xp.__version__}"))

# ------------------------------------------------------------------ 1. device ceilings
print("\n1. ceilings")
n_bytes = (64 if SELFTEST else 2048) * 2**20
a = xp.ones(n_bytes // 8); b = xp.empty_like(a)
t_copy = timed(lambda: xp.copyto(b, a), 10)
copy_gbs = 2 * n_bytes / t_copy / 1e9
n = 1024 if SELFTEST else 8192
ceil = {"copy_GBs": copy_gbs}
for dt in ("float64", "float32"):
    m = xp.ones((n, n), dtype=dt)
    ceil[f"matmul_{dt}_GFs"] = 2 * n**3 / timed(lambda: m @ m, 5) / 1e9
print(f"  copy {copy_gbs:,.0f} GB/s (H200 spec ≈ 4,300 GB/s); "
      f"matmul fp64 {ceil['matmul_float64_GFs']:,.0f} GFLOP/s, "
      f"fp32 {ceil['matmul_float32_GFs']:,.0f} GFLOP/s ({n}², measured)")
del a, b, m

# ------------------------------------------------------------------ 2. correctness
print("\n2. CuPy vs NumPy on the same seeds")
models = [ModelSpec(nu, s, t) for nu in (2, 3, 4) for s in ("sym", "asym") for t in ("identity", "zero")]
worst = 0.0
for model in models:
    pb = FlowProblem(model, p=5, H=7, sigma2=0.2, T=1.3)
    u_h = init_weights(pb, [1, 2, 3]); u_d = init_weights(pb, [1, 2, 3], xp)
    for kernel in ("gram", "mttkrp"):
        lh, gh = make_field(pb, np, kernel)(u_h)
        ld, gd = make_field(pb, xp, kernel)(u_d)
        err = max(np.max(np.abs(host(ld) - lh) / np.abs(lh)),
                  np.max(np.abs(host(gd) - gh)) / np.max(np.abs(gh)))
        worst = max(worst, err)
check("loss and gradient, 12 models × 2 kernels", worst < 1e-11, f"(max rel err {worst:.1e})")
worst = 0.0
for model in (ModelSpec(3, "asym", "identity"), ModelSpec(4, "sym", "zero"), ModelSpec(2, "sym", "identity")):
    pb = FlowProblem(model, p=4, H=6, sigma2=0.3)
    for cls, span, tol in ((Euler, 0.3, 1e-10), (RK4, 0.3, 1e-10), (Dopri5, 0.3, 1e-6), (RK4, -0.05, 1e-10)):
        out = []
        for mod in (np, xp):
            f = make_field(pb, mod)
            st = initial_state(f, init_weights(pb, [4, 5], mod), span / 60)
            out.append(integrate(cls(f), st, np.linspace(0, span, 7)).loss)
        same = np.allclose(out[1], out[0], rtol=tol, equal_nan=True)  # NaN: diverged in both
        check(f"{cls.__name__} trajectory {model} t→{span}", same)
for model in (ModelSpec(3, "asym", "identity"), ModelSpec(4, "sym", "identity")):
    pb = FlowProblem(model, p=4, H=5, sigma2=0.3)
    dh = loss_time_derivatives(pb, init_weights(pb, [7, 8]), 4)
    dd = host(loss_time_derivatives(pb, init_weights(pb, [7, 8], xp), 4, xp))
    check(f"Taylor-mode d^sL/dt^s, s ≤ 4, {model}", np.allclose(dd, dh, rtol=1e-9))

CASES = [("a", ModelSpec(2, "sym", "identity"), 256, 256),
         ("b", ModelSpec(3, "asym", "identity"), 32, 1024),
         ("c", ModelSpec(4, "sym", "identity"), 64, 2048)]
if SELFTEST:
    CASES = [(c, m, p // 4, H // 8) for c, m, p, H in CASES]
for case, model, p, H in CASES:
    pb = FlowProblem(model, p=p, H=H, sigma2=1.0 / p)
    kernel = choose_kernel(model, p, H, 8)
    lh, gh = make_field(pb, np, kernel)(init_weights(pb, [0]))
    ld, gd = make_field(pb, xp, kernel)(init_weights(pb, [0], xp))
    err = float(np.max(np.abs(host(gd) - gh)) / np.max(np.abs(gh)))
    check(f"({case}) full-size first step, {kernel}", err < 1e-10 and np.allclose(host(ld), lh, rtol=1e-11),
          f"(gradient rel err {err:.1e})")

# ------------------------------------------------------------------ 3. performance table
print("\n3. time per Euler step (8 seeds, float64)")
perf_cases = [(f"({c})", m, p, H) for c, m, p, H in CASES]
for pname in ("sym2-narayana-H1024", "asym3-free-over", "sym4-free-over", "sym4-ascent-high-noise"):
    r = preset_request(pname, "cpu" if SELFTEST else "gpu")
    perf_cases.append((pname, ModelSpec.from_dict(r["model"]), r["params"]["p"], r["params"]["H"]))
rows = []
hdr = "| case | model | p | H | kernel | ms/step | GFLOP/s | % fp64 matmul | est. GB/s | % copy |"
print(hdr); print("|" + "---|" * 10)
for label, model, p, H in perf_cases:
    pb = FlowProblem(model, p=p, H=H, sigma2=1.0 / p)
    f = make_field(pb, xp, "auto", batch=8)
    st = initial_state(f, init_weights(pb, range(8), xp), 1e-4)
    stepper = Euler(f)
    t_step = timed(lambda: stepper.step(st), 10)
    gflops = kernel_flops(f.kernel, model, p, H, 8) / t_step / 1e9
    gbs = kernel_traffic_bytes(f.kernel, model, p, H, 8) / t_step / 1e9
    row = {"case": label, "model": str(model), "p": p, "H": H, "kernel": f.kernel,
           "ms_per_step": t_step * 1e3, "gflops": gflops, "gbs": gbs,
           "pct_matmul": 100 * gflops / ceil["matmul_float64_GFs"], "pct_copy": 100 * gbs / copy_gbs}
    rows.append(row)
    print(f"| {label} | {model} | {p} | {H} | {f.kernel} | {row['ms_per_step']:.3f} | {gflops:,.0f} "
          f"| {row['pct_matmul']:.0f}% | {gbs:,.0f} | {row['pct_copy']:.0f}% |")
    del f, st

# ------------------------------------------------------------------ 4. paper-size presets
print("\n4. paper-size presets (simulation only; theory is attached on the host)")
sims = {}
for pname in PRESETS:
    req = preset_request(pname, "cpu" if SELFTEST else "gpu")
    req.update(backend="numpy" if SELFTEST else "cupy", seeds=req["seeds"])
    t0 = time.perf_counter()
    res = simulate(req)
    wall = time.perf_counter() - t0
    sims[pname] = res
    last = res["loss_mean"][-1]
    print(f"  {pname:24s} p={req['params']['p']:4d} H={req['params']['H']:6d} {res['kernel']:6s} "
          f"{res['performance']['steps']:6d} steps {wall:7.2f} s  L(0)={res['loss_mean'][0]:.4g} "
          f"L(end)={'—' if last is None else f'{last:.4g}'} diverged={res['diverged_fraction']:.0%}")
    check(f"{pname} finished", all(v is not None for v in res["loss_mean"][:1]))

out_dir = os.environ.get("OUT")
if out_dir:
    with open(os.path.join(out_dir, "gpu_presets.json"), "w") as fh:
        json.dump(sims, fh)
    with open(os.path.join(out_dir, "gpu_check.json"), "w") as fh:
        json.dump({"device": name, "ceilings": ceil, "rows": rows, "failures": failures}, fh, indent=1)
    print(f"\nwrote {out_dir}/gpu_presets.json and {out_dir}/gpu_check.json")

print("\nRESULT:", "FAIL " + ", ".join(failures) if failures else "all checks passed")
sys.exit(1 if failures else 0)
PYEOF
