"""diagrams.flow.validation (the service's entry point), presets and plots."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from diagrams.errors import Cancelled, SpecError
from diagrams.flow.backend import cupy_available
from diagrams.flow.plots import validation_png, validation_svg
from diagrams.flow.presets import PRESETS, nu4_rho_star, preset_request
from diagrams.flow.validation import (
    attach_theory,
    estimate_validation_cost,
    output_steps,
    parse_request,
    run_validation,
    seed_statistics,
    simulate,
)

SYM2 = {"nu": 2, "symmetry": "sym", "target": "identity"}


def small_request(**changes) -> dict:
    request = {
        "model": {"nu": 3, "symmetry": "asym", "target": "identity"},
        "params": {"p": 4, "H": 5, "sigma2": 0.1, "T": 1.0},
        "t_max": 0.5,
        "n_steps": 50,
        "seeds": 4,
        "backend": "numpy",
        "series_order": 2,
    }
    request.update(changes)
    return request


# -------------------------------------------------------------------------- input validation
@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"params": {"p": 0, "H": 5, "sigma2": 0.1}}, "params.p"),
        ({"params": {"p": 4, "sigma2": 0.1}}, "params.H"),
        ({"params": {"p": 4, "H": 5, "sigma2": -1.0}}, "params.sigma2"),
        ({"params": {"p": 4, "H": 5, "sigma2": 0.1, "T": "1"}}, "params.T"),
        ({"params": {"p": 4, "H": 5, "sigma2": 0.1, "q": 1}}, "params.q"),
        ({"model": {"nu": 1, "symmetry": "sym"}}, "model.nu"),
        ({"model": {"nu": 2, "symmetry": "diag"}}, "model.symmetry"),
        ({"t_max": 0.0}, "t_max"),
        ({"t_max": float("nan")}, "t_max"),
        ({"n_steps": 0}, "n_steps"),
        ({"seeds": 0}, "seeds"),
        ({"seeds": True}, "seeds"),
        ({"integrator": "leapfrog"}, "integrator"),
        ({"backend": "tpu"}, "backend"),
        ({"dtype": "float16"}, "dtype"),
        ({"kernel": "fft"}, "kernel"),
        ({"output": "sqrt"}, "output"),
        ({"n_points": 500}, "n_points"),
        ({"series_order": -1}, "series_order"),
        ({"solution": 3}, "solution"),
        ({"kind": "movie"}, "kind"),
        ({"colour": "red"}, "colour"),
        ({"preset": "no-such-preset"}, "preset"),
        ({"blas_threads": -1}, "blas_threads"),
        ({"params": {"p": 100000, "H": 100000, "sigma2": 0.1}}, "params.H"),
    ],
)
def test_bad_input_names_the_field(changes: dict, field: str) -> None:
    with pytest.raises(SpecError) as err:
        estimate_validation_cost(small_request(**changes))
    assert err.value.field == field


@pytest.mark.parametrize("kind", ["trajectory", "taylor"])
def test_sizes_beyond_the_float_range_are_refused_naming_sigma2(kind: str) -> None:
    """σ² = 1e100 at p = 8, H = 4 (loss scale 1e202) used to end in an OverflowError (HTTP 500)."""
    request = {"kind": kind, "model": SYM2, "params": {"p": 8, "H": 4, "sigma2": 1e100}}
    if kind == "trajectory":
        request.update(t_max=1.0, n_steps=10)
    with pytest.raises(SpecError) as err:
        parse_request(request)
    assert err.value.field == "params.sigma2"
    with pytest.raises(SpecError):  # float32 has a smaller range
        parse_request({**request, "params": {"p": 8, "H": 4, "sigma2": 1e12}, "dtype": "float32"})
    parse_request({**request, "params": {"p": 8, "H": 4, "sigma2": 1e-200}})  # only underflows


def test_taylor_batches_fit_the_memory_limit_and_the_estimate_says_so(monkeypatch) -> None:
    """Taylor mode keeps every series coefficient of a batch: the batch is lowered to fit the
    backend's memory limit (one request used 9 GB before), the estimate reports the host
    memory, and a start that cannot fit at all is refused naming params.H."""
    from diagrams.flow import validation

    request = {
        "kind": "taylor",
        "model": {"nu": 2, "symmetry": "asym", "target": "identity"},
        "params": {"p": 2, "H": 768, "sigma2": 0.1},
        "s_max": 8,
        "seeds": 64,
    }
    spec = parse_request(request)
    per_start = validation._taylor_bytes_per_start(spec)
    batch = validation._taylor_batch(spec, "numpy")
    assert batch < 64 and batch * per_start <= validation.MEMORY_LIMIT["numpy"]
    est = validation.estimate_validation(request)
    assert est.peak_bytes <= 4 * 2**30 and est.seconds == estimate_validation_cost(request)
    monkeypatch.setitem(validation.MEMORY_LIMIT, "numpy", validation.BASE_BYTES + per_start // 2)
    with pytest.raises(SpecError) as err:
        validation.estimate_validation(request)
    assert err.value.field == "params.H"


def test_missing_fields_and_taylor_bounds() -> None:
    for missing in ("model", "params", "t_max"):
        request = small_request()
        del request[missing]
        with pytest.raises(SpecError) as err:
            parse_request(request)
        assert err.value.field == missing
    taylor = {"kind": "taylor", "model": SYM2, "params": {"p": 3, "H": 2, "sigma2": 0.1}}
    for changes, field in [
        ({"s_max": 13}, "s_max"),
        ({"seeds": 1}, "seeds"),
        ({"t_max": 1}, "t_max"),
    ]:
        with pytest.raises(SpecError) as err:
            parse_request({**taylor, **changes})
        assert err.value.field == field
    with pytest.raises(SpecError) as err:
        parse_request("not a mapping")  # type: ignore[arg-type]
    assert err.value.field == "request"


@pytest.mark.skipif(cupy_available(), reason="checks the refusal when CuPy is absent")
def test_asking_for_cupy_without_a_device_is_a_spec_error() -> None:
    with pytest.raises(SpecError) as err:
        run_validation(small_request(backend="cupy"))
    assert err.value.field == "backend"


def test_cost_estimate_grows_with_the_work() -> None:
    base = estimate_validation_cost(small_request())
    assert 0 < base < 30
    assert estimate_validation_cost(small_request(n_steps=5000)) > 5 * base - 1
    assert estimate_validation_cost(small_request(integrator="rk4")) > base
    big = {
        "model": SYM2,
        "params": {"p": 512, "H": 1024, "sigma2": 1e-5},
        "t_max": 3,
        "n_steps": 10_000,
        "seeds": 64,
        "backend": "numpy",
        "series_order": 2,
    }
    assert estimate_validation_cost(big) > 100  # such a run would be refused by a 100 s budget
    taylor = {
        "kind": "taylor",
        "model": SYM2,
        "params": {"p": 3, "H": 2, "sigma2": 0.1},
        "s_max": 3,
        "seeds": 100,
        "backend": "numpy",
    }
    assert 0 < estimate_validation_cost(taylor) < 30


# ------------------------------------------------------------------------------- helpers
def test_output_grids() -> None:
    assert output_steps(600, 201, "linear").tolist() == list(range(0, 601, 3))
    log = output_steps(4000, 50, "log")
    assert log[0] == 0 and log[1] == 1 and log[-1] == 4000 and np.all(np.diff(log) > 0)


def test_seed_statistics_ignore_diverged_seeds() -> None:
    loss = np.array([[1.0, 3.0, 5.0], [2.0, np.nan, 4.0], [np.nan, np.nan, np.nan]])
    mean, stderr, alive = seed_statistics(loss)
    assert mean[:2].tolist() == [3.0, 3.0] and np.isnan(mean[2])
    assert stderr[0] == pytest.approx(2 / math.sqrt(3))
    assert alive.tolist() == [3, 2, 0]


# ----------------------------------------------------------------------------------- runs
def test_trajectory_result_is_complete_json_and_checks_the_series() -> None:
    calls: list[float] = []
    result = run_validation(small_request(), progress=lambda f, m: calls.append(f))
    text = json.dumps(result, allow_nan=False)  # strict JSON: no NaN/inf anywhere
    assert json.loads(text)["kind"] == "trajectory"
    for key in (
        "t",
        "loss_mean",
        "loss_stderr",
        "diverged_fraction",
        "theory",
        "metrics",
        "backend",
        "device",
    ):
        assert key in result
    n = len(result["t"])
    assert n == 51 and len(result["loss_mean"]) == n and len(result["theory"]["series"]) == n
    assert result["t"][0] == 0.0 and result["t"][-1] == 0.5
    assert result["backend"] == "numpy" and result["device"] == "cpu"
    assert result["theory"]["series_order"] == 2
    assert result["diverged_fraction"] == 0.0
    assert result["discretisation"]["resolved"] is True and result["warnings"] == []
    # at t = 0 the series is Y_0 + ½‖F‖² exactly: the 4-seed mean agrees within 5 s.e.
    m0, se0, y0 = result["loss_mean"][0], result["loss_stderr"][0], result["theory"]["series"][0]
    assert abs(m0 - y0) < 5 * se0
    assert y0 == pytest.approx(2.0 + 0.5 * 4**3 * 5 * 0.1**3)  # p/2 + ½p^νHσ^{2ν}
    assert result["metrics"]["series"]["max_abs_z"] < 5
    assert calls and calls == sorted(calls) and calls[-1] == 1.0


@pytest.mark.parametrize("integrator", ["euler", "rk4"])
def test_steps_that_do_not_resolve_the_flow_are_reported(integrator: str) -> None:
    """SYM ν=2 to t = 1000 in steps dt = 1: Euler oscillates (3.04, 2.88, 3.16, …) and RK4 stalls
    at a spurious fixed point (3.46), where the flow goes to (p − H)/2 = 2. The energy balance
    dL/dt = −T‖u̇‖² exposes both (defects of order one), and the result says the differences
    from the theory are then no evidence against it; dopri5 and small Euler steps resolve it."""
    base = {
        "model": SYM2,
        "params": {"p": 8, "H": 4, "sigma2": 0.01},
        "seeds": 4,
        "t_max": 1000.0,
        "n_points": 5,
    }
    coarse = run_validation({**base, "integrator": integrator, "n_steps": 1000})
    assert abs(coarse["loss_mean"][-1] - 2.0) > 0.5  # visibly wrong
    report = coarse["discretisation"]
    assert report["resolved"] is False and report["energy_balance_error"] > 0.5
    [warning] = coarse["warnings"]
    assert "do not resolve" in warning and "n_steps" in warning
    for fine in ({"integrator": "dopri5"}, {"integrator": "euler", "n_steps": 100_000}):
        result = run_validation({**base, **fine})
        assert result["loss_mean"][-1] == pytest.approx(2.0, abs=1e-6)
        assert result["discretisation"]["resolved"] is True and result["warnings"] == []


def test_closed_form_is_compared_only_where_it_holds() -> None:
    """The NTK solution holds for t ≥ 0 only: on a gradient-ascent run its curve is not compared
    (only t = 0 is inside) and the result says so; sym_nu2 also covers ascent down to its
    blow-up, so a short ascent run is compared at every point."""
    ntk = run_validation(
        {
            "model": {"nu": 2, "symmetry": "asym", "target": "identity"},
            "params": {"p": 8, "H": 2000, "sigma2": 0.0079},
            "t_max": -0.03,
            "n_steps": 30,
            "n_points": 7,
            "seeds": 2,
            "integrator": "rk4",
        }
    )
    assert ntk["theory"]["closed_form_info"]["solution"] == "ntk"
    assert ntk["theory"]["closed_form_info"]["t_range"] == [0.0, None]
    assert ntk["metrics"]["closed_form"]["n_points"] == 1
    assert any("not compared" in w for w in ntk["warnings"])
    sym = run_validation(
        {
            "model": SYM2,
            "params": {"p": 64, "H": 32, "sigma2": 0.01},
            "t_max": -0.05,
            "n_steps": 50,
            "n_points": 6,
            "seeds": 2,
            "integrator": "rk4",
        }
    )
    low, high = sym["theory"]["closed_form_info"]["t_range"]
    assert low < -0.05 and high is None
    assert sym["metrics"]["closed_form"]["n_points"] == 6 and sym["warnings"] == []


def test_simulation_and_theory_halves_compose_to_the_full_run() -> None:
    """What a GPU machine without the engine runs (simulate) plus what the host adds later
    (attach_theory) is the same result as one run_validation call."""
    request = small_request(blas_threads=0)
    whole = run_validation(request)
    halves = attach_theory(json.loads(json.dumps(simulate(request))))
    for key in ("t", "loss_mean", "loss_stderr", "theory", "metrics", "request", "kernel"):
        assert halves[key] == whole[key], key
    with pytest.raises(SpecError) as err:
        simulate({"kind": "taylor", "model": SYM2, "params": {"p": 3, "H": 2, "sigma2": 0.1}})
    assert err.value.field == "kind"


def test_seed_groups_under_a_memory_limit_give_the_same_result(monkeypatch) -> None:
    from diagrams.flow import validation

    whole = run_validation(small_request(seeds=5))
    limit = validation.BASE_BYTES + 20_000  # ~2 starts per group
    monkeypatch.setitem(validation.MEMORY_LIMIT, "numpy", limit)
    grouped = run_validation(small_request(seeds=5))
    assert grouped["performance"]["seed_groups"] == 3
    assert whole["performance"]["seed_groups"] == 1
    np.testing.assert_allclose(grouped["loss_mean"], whole["loss_mean"], rtol=1e-13)
    np.testing.assert_allclose(grouped["loss_stderr"], whole["loss_stderr"], rtol=1e-10)


def test_progress_can_cancel() -> None:
    def stop(fraction: float, message: str) -> None:
        if fraction > 0.3:
            raise Cancelled("stop")

    with pytest.raises(Cancelled):
        run_validation(small_request(n_steps=400), progress=stop)


@pytest.mark.parametrize("integrator", ["euler", "rk4", "dopri5"])
def test_integrators_agree_through_the_entry_point(integrator: str) -> None:
    ref = run_validation(small_request(integrator="dopri5", n_steps=10))
    res = run_validation(small_request(integrator=integrator, n_steps=400, n_points=11))
    tol = 5e-3 if integrator == "euler" else 1e-6
    np.testing.assert_allclose(res["loss_mean"], ref["loss_mean"], rtol=tol)


@pytest.mark.parametrize(
    "changes", [{"dtype": "float32"}, {"kernel": "dense"}, {"kernel": "mttkrp"}]
)
def test_float32_and_every_kernel_through_the_entry_point(changes: dict) -> None:
    ref = run_validation(small_request())
    res = run_validation(small_request(**changes))
    assert res["kernel"] == changes.get("kernel", ref["kernel"])
    tol = 1e-5 if changes.get("dtype") == "float32" else 1e-12
    np.testing.assert_allclose(res["loss_mean"], ref["loss_mean"], rtol=tol)


def test_taylor_kind_reports_z_scores_against_the_engine() -> None:
    result = run_validation(
        {
            "kind": "taylor",
            "model": SYM2,
            "params": {"p": 6, "H": 5, "sigma2": 0.1},
            "s_max": 4,
            "seeds": 800,
            "backend": "numpy",
        }
    )
    json.dumps(result, allow_nan=False)
    assert result["s"] == [0, 1, 2, 3, 4]
    p, H, s2 = 6, 5, 0.1
    assert result["exact"][0] == pytest.approx(
        0.5 * s2**2 * (p * p * H + p * H * H + p * H) - p * H * s2
    )
    assert all(abs(z) < 5 for z in result["z"])
    assert result["metrics"]["max_abs_z"] < 5
    assert len(result["kurtosis"]) == 5 and result["metrics"]["z_reliable"][0]


def test_taylor_z_scores_of_heavy_tailed_orders_are_flagged() -> None:
    """SYM ν=3, p=3, H=2, σ²=0.2 with 300 starts: d^sL/dt^s(0) is so heavy-tailed at s ≥ 1 that
    its z-scores reached |z| = 345 against a correct engine (30 disjoint seed sets). Those orders
    are flagged (sample kurtosis above n/10), left out of max_abs_z, and the result warns;
    the kurtosis is computed by the shifted-sums formula (checked against numpy here)."""
    from diagrams.flow.problem import FlowProblem, init_weights
    from diagrams.flow.taylor import estimate_series, loss_time_derivatives
    from diagrams.model import ModelSpec

    request = {
        "kind": "taylor",
        "model": {"nu": 3, "symmetry": "sym", "target": "identity"},
        "params": {"p": 3, "H": 2, "sigma2": 0.2},
        "s_max": 5,
        "seeds": 300,
        "seed": 100_000,
    }
    result = run_validation(request)
    assert result["metrics"]["z_reliable"] == [True] + [False] * 5
    assert result["metrics"]["max_abs_z"] == pytest.approx(abs(result["z"][0]))
    [warning] = result["warnings"]
    assert "orders s = 1, 2, 3, 4, 5" in warning and "heavy-tailed" in warning
    pb = FlowProblem(ModelSpec(3, "sym", "identity"), 3, 2, 0.2)
    seeds = list(range(100_000, 100_300))
    d = loss_time_derivatives(pb, init_weights(pb, seeds), 5)
    centred = d - d.mean(axis=0)
    want = (centred**4).mean(axis=0) / (centred**2).mean(axis=0) ** 2
    got = estimate_series(pb, 5, seeds, batch_size=64).kurtosis
    np.testing.assert_allclose(got, want, rtol=1e-8)


def test_gradient_ascent_run_reports_divergence_as_data() -> None:
    p = H = 16
    sigma2 = math.sqrt(4 * nu4_rho_star(1 + 3 * H / p**2) / p**3)
    result = run_validation(
        {
            "model": {"nu": 4, "symmetry": "sym", "target": "identity"},
            "params": {"p": p, "H": H, "sigma2": sigma2},
            "t_max": -0.05 / sigma2,
            "n_steps": 1000,
            "seeds": 6,
            "backend": "numpy",
            "series_order": 1,
        }
    )
    assert result["diverged_fraction"] == 1.0
    times = result["divergence_times"]
    assert len(times) == 6 and all(-0.05 / sigma2 < t < 0 for t in times)
    assert times == sorted(times, reverse=True)  # in order of occurrence
    assert result["loss_mean"][-1] is None and result["alive_fraction"][-1] == 0.0
    json.dumps(result, allow_nan=False)


# --------------------------------------------------- SYM ν=2 against the closed form (Sec. 9)
def narayana_loss(t: np.ndarray, p: int, H: int, sigma2: float, T: float = 1.0) -> np.ndarray:
    """E[L(t)] ~ p/2 + p²σ²Ψ(−t/T, H/p, pσ²), eqs. (loss-narayana)–(loss-narayana2),
    transcribed independently of the solution catalogue (valid for t > 0 away from 0)."""
    x, y, z = -np.asarray(t) / T, H / p, p * sigma2

    def h(w):
        S = np.sqrt(1 - 2 * w * (y + 1) + w * w * (y - 1) ** 2)
        return (1 - w * (y + 1) - S) / (2 * w * w)

    def dh(w):
        S = np.sqrt(1 - 2 * w * (y + 1) + w * w * (y - 1) ** 2)
        N = 1 - w * (y + 1) - S
        dN = -(y + 1) - (-(y + 1) + w * (y - 1) ** 2) / S
        return (dN * w - 2 * N) / (2 * w**3)

    w = z * (1 - np.exp(-4 * x))
    psi = z * np.exp(-8 * x) * dh(w) / 2 - np.exp(-4 * x) * h(w)
    return p / 2 + p * p * sigma2 * psi


def _scaled_error(p: int) -> tuple[float, dict]:
    result = run_validation(
        {
            "model": SYM2,
            "params": {"p": p, "H": p, "sigma2": 1e-2 / p},
            "t_max": 3.0,
            "n_steps": 600,
            "n_points": 61,
            "seeds": 16,
            "backend": "numpy",
            "series_order": 3,
        }
    )
    t = np.array(result["t"])
    mean = np.array(result["loss_mean"], dtype=float)
    late = t >= 0.1
    theory = narayana_loss(t[late], p, p, 1e-2 / p)
    return float(np.abs(mean[late] - theory).max() / np.abs(theory).max()), result


def test_reduced_sym2_run_tracks_the_closed_form_within_finite_size_error() -> None:
    """H/p = 1, pσ² = 10⁻² (Fig. Nu2-sym-main at reduced p). The closed form keeps only the
    Pareto-leading terms; the dropped ones are suppressed by 1/p or 1/H (e.g. exact
    Y_0 = ½σ⁴pH(p + H + 1) − pHσ² vs its leading part without the +1), so at size p the mean
    curve may deviate by O(1/p) of its scale, plus Monte Carlo error over 16 seeds and the
    Euler error O(τ) = O(0.005). We require the scaled error ≤ 1/p and that it shrinks
    from p = 8 to p = 32 (measured: ≈0.031 and ≈0.006)."""
    err8, _ = _scaled_error(8)
    err32, result = _scaled_error(32)
    assert err32 <= 1 / 32
    assert err32 < 0.5 * err8
    # the entry point compares with the catalogue's closed form when the catalogue is present
    closed = result["theory"]["closed_form"]
    if closed is not None:
        assert result["theory"]["closed_form_info"]["solution"] == "sym_nu2"
        t = np.array(result["t"])
        late = t >= 0.1
        np.testing.assert_allclose(
            np.array(closed, dtype=float)[late],
            narayana_loss(t[late], 32, 32, 1e-2 / 32),
            rtol=1e-6,
        )
        assert result["metrics"]["closed_form"]["max_scaled_err"] <= 1 / 32


# ------------------------------------------------------------------------- presets, plots
def test_every_preset_is_a_valid_request_at_both_sizes() -> None:
    assert len(PRESETS) == 13
    for name in PRESETS:
        for size in ("cpu", "gpu"):
            request = preset_request(name, size)
            spec = parse_request(request)
            assert spec.kind == "trajectory"
        cpu, gpu = preset_request(name, "cpu"), preset_request(name, "gpu")
        assert cpu["params"]["p"] < gpu["params"]["p"]
        assert cpu["model"] == gpu["model"]
    # the paper's SYM ν=2 sizes
    for H in (1024, 512, 256):
        gpu = preset_request(f"sym2-narayana-H{H}", "gpu")["params"]
        assert (gpu["p"], gpu["H"], gpu["T"]) == (512, H, 1.0)
        assert gpu["sigma2"] == pytest.approx(1e-2 / 512)
    # explicit fields override the preset's
    spec = parse_request({"preset": "sym2-general", "seeds": 3, "params": {"p": 8}})
    assert spec.seeds == 3 and spec.problem.p == 8 and spec.problem.H == 32


def test_nu4_threshold_constant() -> None:
    """ρ* = (16θJ)⁻¹ with J = ∫_{−∞}^0 F³; check J by direct double quadrature of F."""
    from scipy import integrate

    def F(a: float) -> float:
        return integrate.quad(lambda u: math.exp(4 * a * u * u - u) * u, 0, math.inf)[0]

    J = integrate.quad(lambda a: F(a) ** 3, -50, 0, limit=200)[0]
    J += integrate.quad(lambda a: (-1 / (8 * a)) ** 3, -math.inf, -50)[0]  # F(a) ~ −1/(8a)
    assert nu4_rho_star(1.0) == pytest.approx(1 / (16 * J), rel=1e-3)


def test_cpu_preset_runs_and_plots() -> None:
    result = run_validation({"preset": "sym2-lownoise-under", "series_order": 3})
    assert result["request"]["params"]["p"] == 32
    svg = validation_svg(result)
    assert svg.startswith(b"<?xml") and b"<svg" in svg
    assert validation_svg(result) == svg  # deterministic
    png = validation_png(result)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"


def test_plots_of_log_grid_ascent_and_taylor_results() -> None:
    free = run_validation(
        small_request(
            model={"nu": 3, "symmetry": "asym", "target": "zero"},
            output="log",
            n_points=20,
            t_max=5.0,
            n_steps=100,
        )
    )
    assert b"<svg" in validation_svg(free)
    p = H = 16
    sigma2 = math.sqrt(4 * nu4_rho_star(1.2) / p**3)
    ascent = run_validation(
        {
            "model": {"nu": 4, "symmetry": "sym", "target": "identity"},
            "params": {"p": p, "H": H, "sigma2": sigma2},
            "t_max": -0.05 / sigma2,
            "n_steps": 300,
            "seeds": 3,
            "backend": "numpy",
            "series_order": 1,
        }
    )
    assert validation_png(ascent)[:4] == b"\x89PNG"
    taylor = run_validation(
        {
            "kind": "taylor",
            "model": SYM2,
            "params": {"p": 3, "H": 2, "sigma2": 0.1},
            "s_max": 3,
            "seeds": 50,
            "backend": "numpy",
        }
    )
    assert b"<svg" in validation_svg(taylor)
