"""Contract tests of ``POST /v1/limits`` and ``POST /v1/theory/loss`` with real values.

Numbers are checked against closed forms of the paper worked by hand here: the SYM ν=2 limit
``max((p − H)/2, 0)`` (Section 9), the Pareto terms of ``Y_0`` at ``t = 0``, the NTK decay
``e^{−2νHσ^{2(ν−1)}t/T}`` and the ν=4 ascent threshold ``ρ* = 2.07781/θ`` (Section 10).
"""

from __future__ import annotations

import math
import time

import pytest

ASYM2 = {"nu": 2, "symmetry": "asym", "target": "identity"}
SYM2 = {"nu": 2, "symmetry": "sym", "target": "identity"}
SYM4 = {"nu": 4, "symmetry": "sym", "target": "identity"}
RHO_STAR_THETA = 2.07781  # the paper's value of ρ*·θ


@pytest.fixture
def api(module_api):
    return module_api


def wait_until_finished(api, job_id, timeout=60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = api.get(f"/v1/jobs/{job_id}").json()
        if job["status"] not in ("queued", "running"):
            return job
        time.sleep(0.05)
    raise AssertionError(f"job {job_id} did not finish: {job}")


# ------------------------------------------------------------------------------ /v1/limits
def test_limits_of_the_ntk_face(api):
    r = api.post("/v1/limits", json={"model": ASYM2, "face": "B-C"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["solution_id"] == "ntk" and "B-C" in body["faces"]
    assert body["pde"]["latex"] == "\\partial_{x} f - 4 f = 0"  # C_s = 4^s/s!: f' = 4f
    assert body["solution"]["latex"] == "f = e^{4 x}"
    assert body["recurrence"]["latex"] and body["characteristics"]
    assert body["checks"] and all(c["passed"] for c in body["checks"]), body["checks"]
    by_id = api.post("/v1/limits", json={"model": ASYM2, "solution": "ntk"}).json()
    assert by_id == body


def test_limits_checked_against_the_engine(api):
    body = api.post(
        "/v1/limits", json={"model": ASYM2, "solution": "ntk", "engine_s_max": 3}
    ).json()
    names = {c["name"]: c["passed"] for c in body["checks"]}
    assert names["taylor_equals_engine"] and names["recurrence_holds_on_engine_numbers"]


def test_limits_nu4_threshold(api):
    r = api.post("/v1/limits", json={"model": SYM4, "solution": "sym_nu4_ascent"})
    assert r.status_code == 200, r.text
    (check,) = r.json()["checks"]
    assert check["name"] == "threshold" and check["passed"] and "2.07781" in check["detail"]


@pytest.mark.parametrize(
    "body, field, status",
    [
        ({"model": ASYM2}, "face", 422),
        ({"model": ASYM2, "face": "B-C", "solution": "ntk"}, "face", 422),
        ({"model": ASYM2, "solution": "narayana"}, "solution", 422),
        ({"model": ASYM2, "face": "X"}, "face", 422),
        ({"model": ASYM2, "face": "D"}, "face", 422),  # rich regime: no catalogue entry
        ({"model": ASYM2, "solution": "sym_nu2"}, "model", 422),  # SYM only
        ({"model": {"nu": 3, "symmetry": "sym"}, "face": "A"}, "model.nu", 422),
        ({"model": ASYM2, "solution": "ntk", "engine_s_max": 13}, "engine_s_max", 422),
    ],
)
def test_limits_bad_input_names_the_field(api, body, field, status):
    r = api.post("/v1/limits", json=body)
    assert r.status_code == status and r.json()["field"] == field, r.text


# ------------------------------------------------------------------------------ /v1/theory/loss
@pytest.mark.parametrize("p, H", [(64, 32), (32, 64)])
def test_sym_nu2_loss_tends_to_max_of_half_p_minus_h_and_zero(api, p, H):
    sigma2 = 0.01
    r = api.post(
        "/v1/theory/loss",
        json={"model": SYM2, "params": {"p": p, "H": H, "sigma2": sigma2}, "t": [0.0, 1e9]},
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["solution"] == "sym_nu2" and body["t"] == [0.0, 1e9]
    at_zero, at_infinity = body["loss"]
    assert at_infinity == pytest.approx(max((p - H) / 2, 0), abs=1e-9)
    # t = 0: ½p plus the Pareto terms of Y_0 = ½σ⁴(p²H + pH² + pH) − pHσ² (pHσ⁴ is not one)
    assert at_zero == pytest.approx(
        p / 2 + sigma2**2 * (p * p * H + p * H * H) / 2 - p * H * sigma2
    )


def test_ntk_loss_is_the_corrected_exponential(api):
    """ASYM identity on B–C: ½(p + Hp^νσ^{2ν}) e^{−2νHσ^{2(ν−1)} t/T} (rate with the factor ν)."""
    p, H, sigma2, T = 100.0, 10**4, 1e-3, 2.0
    times = [0.0, 0.01, 0.05]
    body = api.post(
        "/v1/theory/loss",
        json={"model": ASYM2, "params": {"p": p, "H": H, "sigma2": sigma2, "T": T}, "t": times},
    ).json()
    assert body["solution"] == "ntk" and body["face"] in ("B-C", "C")
    for t, value in zip(times, body["loss"]):
        expected = 0.5 * (p + H * p**2 * sigma2**2) * math.exp(-2 * 2 * H * sigma2 * t / T)
        assert value == pytest.approx(expected, rel=1e-12)


def test_sym_nu4_ascent_blowup_time_null_below_the_threshold_finite_above(api):
    p, H = 16, 16
    theta = 1 + 3 * H / p**2
    times = [0.0, -0.001, -0.01]
    answers = {}
    for factor in (0.9, 1.1):
        sigma2 = math.sqrt(factor * RHO_STAR_THETA / theta / p**3)  # p³σ⁴ = factor · ρ*
        r = api.post(
            "/v1/theory/loss",
            json={
                "model": SYM4,
                "params": {"p": p, "H": H, "sigma2": sigma2},
                "t": times,
                "solution": "sym_nu4_ascent",
            },
        )
        assert r.status_code == 200, r.text
        answers[factor] = r.json()
    assert answers[0.9]["blowup_time"] is None
    assert all(v is not None and v > 0 for v in answers[0.9]["loss"])
    blowup = answers[1.1]["blowup_time"]
    assert blowup is not None and math.isfinite(blowup) and blowup < 0
    # t = 0: ½p + the Pareto terms of the engine's Y_0 = ½p⁴Hσ⁸ + 3/2 p²H²σ⁸ − 3pHσ⁴ + …
    # (−E[R_4] = −pH·E[u⁴] = −3pHσ⁴), i.e. ½p⁴Hσ⁸θ − 3pHσ⁴
    for factor, body in answers.items():
        sigma2 = body["params"]["sigma2"]
        y0 = 0.5 * p**4 * H * sigma2**4 * theta - 3 * p * H * sigma2**2
        assert body["loss"][0] == pytest.approx(p / 2 + y0, rel=1e-9), factor


def test_theory_loss_not_applicable_is_a_422_naming_the_field(api):
    # ASYM ν=2 with H ≍ p², Hσ² ≍ 1 is the mean-field edge C–D: no catalogue solution
    params = {"p": 100, "H": 10**4, "sigma2": 1e-4}
    r = api.post("/v1/theory/loss", json={"model": ASYM2, "params": params, "t": [0.0, 1.0]})
    assert r.status_code == 422, r.text
    problem = r.json()
    assert problem["field"] == "params" and "C-D" in problem["detail"]
    assert problem["type"].endswith("not-applicable")
    # refused before any work: also with Prefer: respond-async there is no job
    r = api.post(
        "/v1/theory/loss",
        json={"model": ASYM2, "params": params, "t": [0.0, 1.0]},
        headers={"Prefer": "respond-async"},
    )
    assert r.status_code == 422 and r.json()["field"] == "params"
    # the ν=4 solution holds for ascent only: t > 0 is named
    r = api.post(
        "/v1/theory/loss",
        json={
            "model": SYM4,
            "params": {"p": 16, "H": 16, "sigma2": 0.01},
            "t": [0.0, 0.5],
            "solution": "sym_nu4_ascent",
        },
    )
    assert r.status_code == 422 and r.json()["field"] == "t[1]", r.text


@pytest.mark.parametrize(
    "body, field",
    [
        ({"model": SYM2, "params": {"p": 64, "H": 32, "sigma2": 0.01}, "t": []}, "t"),
        ({"model": SYM2, "params": {"p": 64, "H": 32, "sigma2": -1}, "t": [0]}, "params.sigma2"),
        ({"model": SYM2, "params": {"p": 64, "H": 32}, "t": [0]}, "params.sigma2"),
        ({"model": SYM2, "params": {"p": 64, "H": 32, "sigma2": 0.1}, "t": ["x"]}, "t.0"),
        (
            {"model": SYM2, "params": {"p": 64, "H": 32, "sigma2": 0.1}, "t": [0], "solution": "x"},
            "solution",
        ),
        (
            {
                "model": ASYM2,
                "params": {"p": 64, "H": 32, "sigma2": 0.1},
                "t": [0],
                "solution": "sym_nu2",
            },
            "model",
        ),
        (
            {
                "model": {"nu": 3, "symmetry": "sym"},
                "params": {"p": 8, "H": 8, "sigma2": 0.1},
                "t": [0],
            },
            "model.nu",
        ),
    ],
)
def test_theory_loss_bad_input_names_the_field(api, body, field):
    r = api.post("/v1/theory/loss", json=body)
    assert r.status_code == 422 and r.json()["field"] == field, r.text


def test_many_time_points_become_a_job(api):
    """The estimate (per-point cost) turns a long grid into a job that finishes with the body."""
    times = [i * 0.01 for i in range(200)]
    r = api.post(
        "/v1/theory/loss",
        json={"model": SYM2, "params": {"p": 64, "H": 32, "sigma2": 0.01}, "t": times},
        headers={"Prefer": "respond-async"},
    )
    assert r.status_code == 202, r.text
    job = wait_until_finished(api, r.json()["job_id"])
    assert job["status"] == "succeeded" and job["progress"] == 1.0
    assert job["kind"] == "theory_loss" and len(job["result"]["loss"]) == 200
    assert job["estimate_seconds"] > 2  # 200 points of the Narayana curve: always a job


def test_asym_engine_checks_to_the_largest_order_are_not_refused(api):
    """ASYM ν=3: the engine check of the NTK solution at engine_s_max = 12 is budgeted by the
    extreme mode (polynomial in s), not by the exponential leading mode."""
    asym3 = {"nu": 3, "symmetry": "asym", "target": "identity"}
    r = api.post("/v1/limits", json={"model": asym3, "solution": "ntk", "engine_s_max": 12})
    assert r.status_code == 200, r.text
    checks = {c["name"]: c["passed"] for c in r.json()["checks"]}
    assert checks["taylor_equals_engine"] and checks["recurrence_holds_on_engine_numbers"]
