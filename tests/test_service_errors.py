"""Every error path answers an RFC 9457 problem that names the offending field."""

from __future__ import annotations

from fractions import Fraction

import pytest

from service.problems import PROBLEM_MEDIA_TYPE, problem_from_library_error

SYM2 = {"nu": 2, "symmetry": "sym", "target": "identity"}


@pytest.fixture
def api(module_api):
    return module_api


def assert_problem(r, status: int, field: str):
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith(PROBLEM_MEDIA_TYPE)
    body = r.json()
    assert body["status"] == status
    assert body["type"].startswith("urn:gfdiagrams:problem:")
    assert body["title"] and body["detail"]
    assert body["field"] == field, body
    assert field in body["detail"]
    return body


@pytest.mark.parametrize(
    ("model", "field"),
    [
        ({"nu": 1, "symmetry": "sym", "target": "identity"}, "model.nu"),
        ({"nu": 13, "symmetry": "sym", "target": "identity"}, "model.nu"),
        ({"nu": "abc", "symmetry": "sym", "target": "identity"}, "model.nu"),
        ({"nu": "2", "symmetry": "sym", "target": "identity"}, "model.nu"),  # strict: no coercion
        ({"nu": 2.5, "symmetry": "sym", "target": "identity"}, "model.nu"),
        ({"nu": True, "symmetry": "sym", "target": "identity"}, "model.nu"),
        ({"symmetry": "sym", "target": "identity"}, "model.nu"),
        ({"nu": 2, "symmetry": "hermitian", "target": "identity"}, "model.symmetry"),
        ({"nu": 2, "symmetry": "sym", "target": "random"}, "model.target"),
        ({"nu": 2, "symmetry": "sym", "target": "identity", "rank": 3}, "model.rank"),
    ],
)
def test_bad_model_is_422_naming_the_field(api, model, field):
    for path, extra in (("/v1/series", {"s_max": 1}), ("/v1/diagrams", {"s": 1})):
        body = assert_problem(api.post(path, json={"model": model, **extra}), 422, field)
        assert body["errors"][0]["loc"] == ["body", *field.split(".")]


@pytest.mark.parametrize(
    ("patch", "field"),
    [
        ({"s_max": -1}, "s_max"),
        ({"s_max": 10**9}, "s_max"),
        ({"s_max": "3"}, "s_max"),
        ({"s_max": None}, "s_max"),
        ({"mode": "approximate"}, "mode"),
        ({"extra": 1}, "extra"),
    ],
)
def test_bad_series_fields(api, patch, field):
    assert_problem(api.post("/v1/series", json={"model": SYM2, "s_max": 1, **patch}), 422, field)


def test_missing_fields_and_wrong_body_type(api):
    assert_problem(api.post("/v1/series", json={"s_max": 1}), 422, "model")
    assert_problem(api.post("/v1/series", json={"model": SYM2}), 422, "s_max")
    assert_problem(api.post("/v1/series", json=[1, 2]), 422, "body")
    assert_problem(api.post("/v1/series", json={"model": "sym", "s_max": 1}), 422, "model")


@pytest.mark.parametrize(
    ("patch", "field"),
    [
        ({"s": -1}, "s"),
        ({"limit": 0}, "limit"),
        ({"limit": 1001}, "limit"),
        ({"offset": -5}, "offset"),
        ({"format": "png"}, "format"),
        ({"contractions": "yes"}, "contractions"),
    ],
)
def test_bad_diagrams_fields(api, patch, field):
    assert_problem(api.post("/v1/diagrams", json={"model": SYM2, "s": 1, **patch}), 422, field)


def test_over_budget_is_refused_before_work_with_the_estimate(api):
    budget = api.app.state.settings.budget_seconds
    before = api.get("/v1/info").json()["stats"].get("computations", 0)
    jobs_before = api.get("/v1/jobs").json()["total"]
    r = api.post("/v1/series", json={"model": {"nu": 12, "symmetry": "asym"}, "s_max": 100})
    body = assert_problem(r, 422, "s_max")
    assert body["type"].endswith("budget-exceeded")
    assert body["budget_seconds"] == budget
    seconds = body["estimate"]["seconds"]
    assert seconds is None or seconds > budget  # None: beyond floating point
    r = api.post("/v1/diagrams", json={"model": {"nu": 12, "symmetry": "asym"}, "s": 100})
    body = assert_problem(r, 422, "s")
    assert body["type"].endswith("budget-exceeded")
    [alt] = body["alternatives"]  # any kind with an integer cost field offers its largest fit
    assert 0 <= alt["s"] < 100 and alt["seconds"] <= budget
    for nu in (2, 3):  # growth models that overflow floating point are refused too
        r = api.post("/v1/series", json={"model": {"nu": nu, "symmetry": "asym"}, "s_max": 100})
        assert assert_problem(r, 422, "s_max")["type"].endswith("budget-exceeded")
    assert api.get("/v1/jobs").json()["total"] == jobs_before  # nothing was scheduled
    assert api.get("/v1/info").json()["stats"].get("computations", 0) == before


def test_budget_setting_is_honoured(service_settings, make_app):
    from fastapi.testclient import TestClient

    tight = service_settings.model_copy(update={"budget_seconds": 1e-9})
    with TestClient(make_app(tight)) as client:
        r = client.post("/v1/series", json={"model": SYM2, "s_max": 3})
        assert assert_problem(r, 422, "s_max")["estimate"]["seconds"] > 1e-9


def test_malformed_json_is_400_naming_body(api):
    deep = b'{"model": ' + b"[" * 20000 + b"]" * 20000 + b', "s_max": 0}'  # under 64 KiB
    for raw in (b"{", b'{"model": {"nu": 2,}}', b"\xff\xfe", b"nan", deep):
        r = api.post("/v1/series", content=raw, headers={"content-type": "application/json"})
        assert assert_problem(r, 400, "body")["type"].endswith("malformed-body")


def test_oversize_body_is_413(service_settings, make_app):
    from fastapi.testclient import TestClient

    small = service_settings.model_copy(update={"max_body_bytes": 2048})
    with TestClient(make_app(small)) as client:
        padding = {"model": SYM2, "s_max": 1, "pad": "x" * 5000}
        body = assert_problem(client.post("/v1/series", json=padding), 413, "body")
        assert body["type"].endswith("body-too-large")

        def chunks():  # no Content-Length: counted while streaming
            for _ in range(10):
                yield b" " * 1000

        r = client.post(
            "/v1/series", content=chunks(), headers={"content-type": "application/json"}
        )
        assert_problem(r, 413, "body")
        ok = client.post("/v1/series", json={"model": SYM2, "s_max": 0})
        assert ok.status_code == 200


def test_unknown_job_is_404_naming_job_id(api):
    assert_problem(api.get("/v1/jobs/0123456789abcdef"), 404, "job_id")
    assert_problem(api.delete("/v1/jobs/0123456789abcdef"), 404, "job_id")


def test_cancelling_a_finished_job_is_409(api):
    r = api.post(
        "/v1/series", json={"model": SYM2, "s_max": 0}, headers={"Prefer": "respond-async"}
    )
    job_id = r.json()["job_id"]
    for _ in range(600):
        if api.get(f"/v1/jobs/{job_id}").json()["status"] == "succeeded":
            break
    body = assert_problem(api.delete(f"/v1/jobs/{job_id}"), 409, "job_id")
    assert body["job_status"] == "succeeded"


def test_bad_query_parameters(api):
    assert_problem(api.get("/v1/jobs", params={"limit": 0}), 422, "query.limit")
    assert_problem(api.get("/v1/jobs", params={"limit": "many"}), 422, "query.limit")
    assert_problem(api.get("/v1/jobs", params={"status": "done"}), 422, "query.status")


def test_unknown_route_and_method(api):
    assert_problem(api.get("/v1/nothing"), 404, "path")
    r = api.put("/v1/series", json={})
    assert_problem(r, 405, "method")
    assert "POST" in r.headers["allow"]


def test_library_errors_map_to_problems():
    from diagrams.errors import BudgetExceeded, NotApplicable, SpecError

    spec = problem_from_library_error(SpecError("model.nu", "must be an integer in 2..12"))
    assert (spec.status, spec.field) == (422, "model.nu")
    na = problem_from_library_error(NotApplicable("mode", "Theorem 4.1 needs even nu"))
    assert (na.status, na.field, na.slug) == (422, "mode", "not-applicable")
    budget = problem_from_library_error(BudgetExceeded("s_max", Fraction(7), 5.0))
    assert (budget.status, budget.field) == (422, "s_max")
    assert budget.to_dict()["budget_seconds"] == 5.0
    assert problem_from_library_error(ValueError("x")) is None


def test_leading_mode_budget_follows_the_leading_estimate(api):
    """The leading mode is estimated on its own (not as the exact mode): SYM ν=4 at s = 25 is a
    structural recursion answered at once, ASYM ν=3 at s = 25 (the general sequential process,
    growing geometrically) is refused before any work."""
    sym4 = {"nu": 4, "symmetry": "sym", "target": "identity"}
    exact = api.post("/v1/series", json={"model": sym4, "s_max": 25})
    assert assert_problem(exact, 422, "s_max")["type"].endswith("budget-exceeded")
    r = api.post("/v1/series", json={"model": sym4, "s_max": 25, "mode": "leading"})
    assert r.status_code == 200, r.text
    assert len(r.json()["coefficients"]) == 26
    before = api.get("/v1/info").json()["stats"].get("computations", 0)
    asym3 = {"nu": 3, "symmetry": "asym", "target": "identity"}
    r = api.post("/v1/series", json={"model": asym3, "s_max": 25, "mode": "leading"})
    assert assert_problem(r, 422, "s_max")["type"].endswith("budget-exceeded")
    assert api.get("/v1/info").json()["stats"].get("computations", 0) == before


def test_budget_refusal_offers_requests_that_fit(api):
    """A refused request lists nearby requests within the budget (the library prices each), and
    an offered one is accepted: ASYM ν=3 identity at s = 12 in the leading mode (the complete
    front grows geometrically) offers a lower s_max, the first order in the target strength
    (``s_r_max = 2``, polynomial) and the extreme mode."""
    asym3 = {"nu": 3, "symmetry": "asym", "target": "identity"}
    request = {"model": asym3, "s_max": 12, "mode": "leading"}
    body = assert_problem(api.post("/v1/series", json=request), 422, "s_max")
    budget = body["budget_seconds"]
    offered = {tuple(sorted(k for k in alt if k != "seconds")): alt for alt in body["alternatives"]}
    assert set(offered) == {("s_max",), ("s_r_max",), ("mode",)}
    assert 0 < offered[("s_max",)]["s_max"] < 12
    assert offered[("s_r_max",)]["s_r_max"] == 2
    assert offered[("mode",)]["mode"] == "extreme"
    assert all(alt["seconds"] <= budget for alt in body["alternatives"])
    assert "within the budget: s_max=" in body["detail"] and "s_r_max=2 (~" in body["detail"]
    r = api.post("/v1/series", json={**request, "s_r_max": 2})
    assert r.status_code in (200, 202), r.text
    # The exact mode has one knob: the order.
    r = api.post("/v1/series", json={"model": {"nu": 12, "symmetry": "sym"}, "s_max": 100})
    [alt] = assert_problem(r, 422, "s_max")["alternatives"]
    assert sorted(alt) == ["s_max", "seconds"] and alt["seconds"] <= budget


def test_extreme_mode_over_rest(api):
    """ASYM ν=3 at s = 25 in the extreme mode is answered at once and equals the library; SYM with
    odd ν, whose front Theorem 4.1 leaves open, is refused naming the model."""
    import diagrams
    from diagrams import ModelSpec

    asym3 = {"nu": 3, "symmetry": "asym", "target": "identity"}
    r = api.post("/v1/series", json={"model": asym3, "s_max": 25, "mode": "extreme"})
    assert r.status_code == 200, r.text
    direct = diagrams.series(ModelSpec.from_dict(asym3), 25, "extreme").to_dict()
    assert r.json()["coefficients"] == direct["coefficients"] and r.json()["mode"] == "extreme"
    sym3 = {"nu": 3, "symmetry": "sym", "target": "identity"}
    r = api.post("/v1/series", json={"model": sym3, "s_max": 2, "mode": "extreme"})
    assert r.status_code == 422 and "model" in r.text


def test_a_request_that_cannot_run_is_refused_before_scheduling(api):
    """SYM with odd ν has no extreme mode: the estimate refuses it (422 naming model), also
    when the client asks for an asynchronous answer, and no job is created."""
    jobs_before = api.get("/v1/jobs").json()["total"]
    r = api.post(
        "/v1/series",
        json={"model": {"nu": 5, "symmetry": "sym"}, "s_max": 2, "mode": "extreme"},
        headers={"Prefer": "respond-async"},
    )
    assert assert_problem(r, 422, "model")["type"].endswith("not-applicable")
    assert api.get("/v1/jobs").json()["total"] == jobs_before


def test_head_is_answered_like_get_without_a_body(api):
    """RFC 9110: HEAD wherever GET is supported (health probes use it); POST-only routes still
    say which methods they allow."""
    for path in ("/", "/v1/info", "/v1/jobs", "/openapi.json"):
        get, head = api.get(path), api.head(path)
        assert head.status_code == get.status_code == 200, path
        assert head.content == b"" and head.headers["content-type"] == get.headers["content-type"]
    assert api.head("/v1/jobs/" + "0" * 32).status_code == 404
    assert api.head("/v1/series").status_code == 405


def test_settings_refuse_non_finite_numbers(monkeypatch):
    """GFD_BUDGET_SECONDS=inf used to start a server whose /v1/info then broke its own schema
    (null for a required number); every setting must be a finite number."""
    import pydantic

    from service.settings import Settings

    for name in ("GFD_BUDGET_SECONDS", "GFD_SYNC_SECONDS", "GFD_CANCEL_GRACE_SECONDS"):
        for value in ("inf", "-inf", "nan"):
            monkeypatch.setenv(name, value)
            with pytest.raises(pydantic.ValidationError, match=name[4:].lower()):
                Settings()
        monkeypatch.delenv(name)


def test_jobs_are_priced_as_the_one_process_they_run_in(api, monkeypatch):
    """The pool workers cannot fork, so a job runs in one process; the estimate used to scale
    its memory by GFD_ENGINE_WORKERS (or the core count) and refused ASYM ν=3 s_max = 7 on
    machines with ≥ 5 cores (7.0 GiB estimated for one 0.97 GiB process)."""
    from diagrams import ModelSpec, estimate_cost
    from diagrams.parallel import single_process

    monkeypatch.setenv("GFD_ENGINE_WORKERS", "8")  # stands in for an 8-core host
    model = ModelSpec(3, "asym", "identity")
    with single_process():
        one = estimate_cost(model, 7).peak_bytes
    assert one < 2 * 2**30 < estimate_cost(model, 7).peak_bytes
    body = {"model": model.to_dict(), "s_max": 7}
    r = api.post("/v1/series", json=body, headers={"Prefer": "respond-async"})
    assert r.status_code == 202, r.text
    api.delete(f"/v1/jobs/{r.json()['job_id']}")
