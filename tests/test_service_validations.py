"""Contract tests of ``POST /v1/validations`` and ``GET /v1/jobs/{id}/plot.svg|png``.

A small trajectory run goes through a job's whole life (202, progress to 1, result, plots);
a Taylor-mode run is checked against the closed form of ``Y_0`` (SYM ν=2, Section 3).
"""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET

import pytest

SYM2 = {"nu": 2, "symmetry": "sym", "target": "identity"}
ASYNC = {"Prefer": "respond-async"}
SMALL = {
    "model": SYM2,
    "params": {"p": 8, "H": 4, "sigma2": 0.01},
    "t_max": 2.0,
    "n_steps": 200,
    "seeds": 4,
    "series_order": 2,
}
TAYLOR = {
    "kind": "taylor",
    "model": SYM2,
    "params": {"p": 6, "H": 4, "sigma2": 0.1},
    "s_max": 2,
    "seeds": 200,
}


@pytest.fixture
def api(module_api):
    return module_api


def poll(api, job_id, timeout=60.0):
    """Poll until the job ends; returns the last job and every progress value seen."""
    seen = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = api.get(f"/v1/jobs/{job_id}").json()
        seen.append(job["progress"])
        if job["status"] not in ("queued", "running"):
            return job, seen
        time.sleep(0.02)
    raise AssertionError(f"job {job_id} did not finish: {job}")


def test_trajectory_job_whole_life_and_its_plots(api):
    r = api.post("/v1/validations", json=SMALL, headers=ASYNC)
    assert r.status_code == 202, r.text
    job_id = r.json()["job_id"]
    assert r.headers["location"] == f"/v1/jobs/{job_id}"
    job, seen = poll(api, job_id)
    assert job["status"] == "succeeded" and job["kind"] == "validation", job
    assert job["progress"] == 1.0 and seen == sorted(seen)
    result = job["result"]
    assert result["kind"] == "trajectory" and len(result["t"]) == 201
    assert result["t"][0] == 0.0 and result["t"][-1] == 2.0
    assert result["diverged_fraction"] == 0.0 and result["backend"] == "numpy"
    # t = 0: the mean of 4 starts of L(0) agrees with ½p + Y_0 (exact: ½σ⁴(p²H+pH²+pH) − pHσ²)
    p, H, s2 = 8, 4, 0.01
    expected = p / 2 + 0.5 * s2**2 * (p * p * H + p * H * H + p * H) - p * H * s2
    assert result["theory"]["series"][0] == pytest.approx(expected, rel=1e-12)
    assert abs(result["loss_mean"][0] - expected) < 5 * result["loss_stderr"][0]
    assert result["theory"]["series_order"] == 2
    assert result["theory"]["closed_form_info"]["solution"] == "sym_nu2"
    # the normalised request is what was stored: defaults filled in
    assert job["request"]["integrator"] == "euler" and job["request"]["seed"] == 0

    svg = api.get(f"/v1/jobs/{job_id}/plot.svg")
    assert svg.status_code == 200 and svg.headers["content-type"].startswith("image/svg+xml")
    root = ET.fromstring(svg.content)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert len(list(root.iter())) > 50  # axes, band, curves
    png = api.get(f"/v1/jobs/{job_id}/plot.png")
    assert png.status_code == 200 and png.headers["content-type"] == "image/png"
    assert png.content.startswith(b"\x89PNG\r\n\x1a\n")
    assert api.get(f"/v1/jobs/{job_id}/plot.svg").content == svg.content  # deterministic

    # an equivalent request (defaults spelt out) is answered from the store
    again = api.post("/v1/validations", json={**SMALL, "integrator": "euler", "seed": 0})
    assert again.status_code == 200 and again.headers["x-cache"] == "hit"
    assert again.json() == result


def test_taylor_validation_z_scores_are_finite(api):
    r = api.post("/v1/validations", json=TAYLOR)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["kind"] == "taylor" and body["s"] == [0, 1, 2]
    p, H, s2 = 6, 4, 0.1
    y0 = 0.5 * s2**2 * (p * p * H + p * H * H + p * H) - p * H * s2  # = −1.08
    assert body["exact"][0] == pytest.approx(y0, rel=1e-12)
    assert all(z is not None for z in body["z"])
    assert max(abs(z) for z in body["z"]) < 5  # fixed seeds: deterministic
    assert body["metrics"]["n_seeds"] == 200
    for mean, se, exact, z in zip(body["mc_mean"], body["mc_stderr"], body["exact"], body["z"]):
        assert z == pytest.approx((mean - exact) / se)


def test_plot_problems(api):
    missing = api.get("/v1/jobs/nope/plot.svg")
    assert missing.status_code == 404 and missing.json()["field"] == "job_id"
    assert missing.headers["content-type"].startswith("application/problem+json")
    # a finished job of another kind has no plot
    other = api.post(
        "/v1/regimes",
        json={"model": SYM2, "scaling": {"alpha_p": 1, "alpha_H": 1, "alpha_sigma": 0}},
        headers=ASYNC,
    ).json()
    poll(api, other["job_id"])
    r = api.get(f"/v1/jobs/{other['job_id']}/plot.png")
    assert r.status_code == 409 and r.json()["field"] == "job_id", r.text
    # a validation that did not finish has no plot: cancel a long one at once
    long = {**SMALL, "n_steps": 2_000_000, "seeds": 64, "seed": 7}
    accepted = api.post("/v1/validations", json=long, headers=ASYNC)
    assert accepted.status_code == 202, accepted.text
    job_id = accepted.json()["job_id"]
    api.delete(f"/v1/jobs/{job_id}")
    job, _ = poll(api, job_id)
    assert job["status"] == "cancelled"
    r = api.get(f"/v1/jobs/{job_id}/plot.svg")
    assert r.status_code == 409 and r.json()["job_status"] == "cancelled", r.text


@pytest.mark.parametrize(
    "body, field",
    [
        ({k: v for k, v in SMALL.items() if k != "t_max"}, "t_max"),
        ({**SMALL, "t_max": 0.0}, "t_max"),
        ({**SMALL, "params": {"p": 0, "H": 4, "sigma2": 0.01}}, "params.p"),
        ({**SMALL, "params": {"p": 8, "H": 4}}, "params.sigma2"),
        ({**SMALL, "integrator": "leapfrog"}, "integrator"),
        ({**SMALL, "n_points": 500}, "n_points"),  # more output points than steps
        ({**TAYLOR, "t_max": 1.0}, "t_max"),  # not a field of a Taylor run
        ({**TAYLOR, "seeds": 1}, "seeds"),
        ({**TAYLOR, "s_max": 13}, "s_max"),
        ({"preset": "nonexistent"}, "preset"),
        ({**SMALL, "seeds": 100_000, "n_steps": 10_000_000}, "seeds"),  # over the budget
    ],
)
def test_validation_bad_input_names_the_field(api, body, field):
    r = api.post("/v1/validations", json=body)
    assert r.status_code == 422 and r.json()["field"] == field, r.text


def test_preset_expands_to_the_paper_experiment(api):
    """A preset's request is priced and normalised before anything runs (no job here)."""
    huge = {"preset": "sym2-general", "seeds": 100_000, "n_steps": 10_000_000}
    r = api.post("/v1/validations", json=huge)
    assert r.status_code == 422 and r.json()["field"] == "seeds"
    assert r.json()["estimate"]["seconds"] > 600
