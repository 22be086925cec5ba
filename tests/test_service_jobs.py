"""Jobs: restart persistence, de-duplication under concurrency, cancellation, interruption."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi import Request
from fastapi.testclient import TestClient

SYM2 = {"nu": 2, "symmetry": "sym", "target": "identity"}
# A request that runs for many seconds on this machine (it is cancelled or interrupted early).
LONG = {"model": {"nu": 4, "symmetry": "asym", "target": "identity"}, "s_max": 6}
ASYNC = {"Prefer": "respond-async"}


@pytest.fixture
def settings(service_settings):
    """No budget refusals here: LONG must be accepted (it never runs to the end)."""
    return service_settings.model_copy(update={"budget_seconds": 1e12, "budget_bytes": 2**62})


@pytest.fixture
def api(settings, make_app):
    with TestClient(make_app(settings)) as client:
        yield client


def wait_for(client, job_id, predicate, timeout=60.0):
    deadline = time.monotonic() + timeout
    job = None
    while time.monotonic() < deadline:
        job = client.get(f"/v1/jobs/{job_id}").json()
        if predicate(job):
            return job
        if finished(job):
            raise AssertionError(f"job {job_id} finished without reaching the state: {job}")
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting on job {job_id}: {job}")


def finished(job):
    return job["status"] not in ("queued", "running")


def test_results_and_jobs_survive_a_restart(settings, make_app):
    request = {"model": SYM2, "s_max": 3}
    with TestClient(make_app(settings)) as first:
        original = first.post("/v1/series", json=request)
        assert original.status_code == 200 and original.headers["x-cache"] == "miss"
        job_id = first.post("/v1/series", json={**request, "s_max": 2}, headers=ASYNC).json()[
            "job_id"
        ]
        wait_for(first, job_id, finished)
    with TestClient(make_app(settings)) as second:  # same data directory
        again = second.post("/v1/series", json=request)
        assert again.status_code == 200 and again.headers["x-cache"] == "hit"
        assert again.content == original.content
        job = second.get(f"/v1/jobs/{job_id}").json()
        assert job["status"] == "succeeded" and job["result"]["s_max"] == 2
        assert second.get("/v1/jobs").json()["total"] == 2
        assert second.get("/v1/info").json()["stats"].get("computations", 0) == 0


def test_running_job_is_interrupted_and_queued_job_requeued_after_restart(settings, make_app):
    with TestClient(make_app(settings)) as first:
        long_id = first.post("/v1/series", json=LONG, headers=ASYNC).json()["job_id"]
        wait_for(first, long_id, lambda j: j["status"] == "running")
        queued_id = first.post(
            "/v1/series", json={"model": SYM2, "s_max": 1}, headers=ASYNC
        ).json()["job_id"]
        assert first.get(f"/v1/jobs/{queued_id}").json()["status"] == "queued"  # one worker
    with TestClient(make_app(settings)) as second:
        job = second.get(f"/v1/jobs/{long_id}").json()
        assert job["status"] == "interrupted" and job["result"] is None
        assert "interrupted" in job["message"]
        requeued = wait_for(second, queued_id, finished)
        assert requeued["status"] == "succeeded" and requeued["result"]["s_max"] == 1


def test_queued_jobs_that_shared_a_computation_share_it_after_restart(settings, make_app):
    """Three pages of one expansion join one computation; stopped while queued behind a long
    job, they are requeued as one computation (each was computed again before), and every job
    gets its own page."""
    pages = [
        {"model": {"nu": 3, "symmetry": "asym", "target": "zero"}, "s": 3, "limit": 1, "offset": k}
        for k in range(3)
    ]
    with TestClient(make_app(settings)) as first:
        long_id = first.post("/v1/series", json=LONG, headers=ASYNC).json()["job_id"]
        wait_for(first, long_id, lambda j: j["status"] == "running")
        answers = [first.post("/v1/diagrams", json=page, headers=ASYNC) for page in pages]
        assert [a.headers["x-cache"] for a in answers] == ["miss", "joined", "joined"]
        ids = [a.json()["job_id"] for a in answers]
    with TestClient(make_app(settings)) as second:
        jobs = [wait_for(second, job_id, finished) for job_id in ids]
        assert {j["status"] for j in jobs} == {"succeeded"}
        assert [j["result"]["offset"] for j in jobs] == [0, 1, 2]
        stats = second.get("/v1/info").json()["stats"]
        assert stats["requeued"] == 1 and stats["requeued_joined"] == 2
        assert stats["computations"] == 1


def test_jobs_page_limit_setting_is_the_default_page_size(settings, make_app):
    with TestClient(make_app(settings.model_copy(update={"jobs_page_limit": 2}))) as client:
        for s_max in range(3):
            client.post("/v1/series", json={"model": SYM2, "s_max": s_max}, headers=ASYNC)
        page = client.get("/v1/jobs").json()
        assert page["limit"] == 2 and len(page["jobs"]) == 2 and page["total"] == 3
        assert len(client.get("/v1/jobs", params={"limit": 3}).json()["jobs"]) == 3


def test_identical_concurrent_requests_compute_once(settings, make_app):
    settings = settings.model_copy(update={"workers": 2})
    request = {"model": {"nu": 3, "symmetry": "sym", "target": "identity"}, "s_max": 3}
    with TestClient(make_app(settings)) as client:
        with ThreadPoolExecutor(16) as pool:
            responses = list(pool.map(lambda _: client.post("/v1/series", json=request), range(16)))
        assert {r.status_code for r in responses} == {200}
        assert len({r.content for r in responses}) == 1
        sources = sorted(r.headers["x-cache"] for r in responses)
        assert sources.count("miss") == 1, sources
        stats = client.get("/v1/info").json()["stats"]
        assert stats["computations"] == 1
        assert stats.get("joined", 0) + stats.get("store_hits", 0) == 15
        # asynchronous duplicates share the computation too
        other = {**request, "s_max": 2}
        ids = {
            client.post("/v1/series", json=other, headers=ASYNC).json()["job_id"] for _ in range(5)
        }
        for job_id in ids:
            assert wait_for(client, job_id, finished)["status"] == "succeeded"
        assert client.get("/v1/info").json()["stats"]["computations"] == 2


def test_cancellation_stops_the_computation(api):
    job_id = api.post("/v1/series", json=LONG, headers=ASYNC).json()["job_id"]
    running = wait_for(api, job_id, lambda j: j["status"] == "running" and j["progress"] > 0)
    assert 0 < running["progress"] < 1 and running["message"]
    started = time.monotonic()
    r = api.delete(f"/v1/jobs/{job_id}")
    assert r.status_code == 200 and r.json()["status"] == "cancelled"
    # the worker is free again within the grace period (+ polling slack) ...
    info = wait_for_info(api, lambda i: i["workers"]["busy"] == 0, timeout=10)
    assert info["stats"]["cancelled"] == 1
    assert time.monotonic() - started < 10
    # ... and serves new work; the cancelled job stays cancelled, with no result stored
    ok = api.post("/v1/series", json={"model": SYM2, "s_max": 1})
    assert ok.status_code == 200
    job = api.get(f"/v1/jobs/{job_id}").json()
    assert job["status"] == "cancelled" and job["result"] is None
    assert api.delete(f"/v1/jobs/{job_id}").json()["status"] == "cancelled"  # idempotent


def test_a_joined_202_reports_the_running_computation(api):
    """A second identical request while the first computes gets its own job, answered 202 with
    the computation's actual status (running, not a hard-coded 'queued') and the same headers a
    200 carries: X-Cache joined and the request hash."""
    first = api.post("/v1/series", json=LONG, headers=ASYNC)
    assert first.headers["x-cache"] == "miss" and len(first.headers["x-request-hash"]) == 64
    wait_for(api, first.json()["job_id"], lambda j: j["status"] == "running")
    second = api.post("/v1/series", json=LONG)  # no Prefer: the estimate alone makes it a 202
    assert second.status_code == 202 and second.json()["status"] == "running"
    assert second.headers["x-cache"] == "joined"
    assert second.headers["x-request-hash"] == first.headers["x-request-hash"]
    assert "preference-applied" not in second.headers
    for job in (first.json(), second.json()):
        api.delete(f"/v1/jobs/{job['job_id']}")
    wait_for_info(api, lambda i: i["workers"]["busy"] == 0)


def test_cancelling_a_queued_job_never_starts_it(api):
    long_id = api.post("/v1/series", json=LONG, headers=ASYNC).json()["job_id"]
    wait_for(api, long_id, lambda j: j["status"] == "running")
    queued = api.post("/v1/series", json={"model": SYM2, "s_max": 2}, headers=ASYNC).json()
    assert api.delete(f"/v1/jobs/{queued['job_id']}").json()["status"] == "cancelled"
    assert api.delete(f"/v1/jobs/{long_id}").json()["status"] == "cancelled"
    wait_for_info(api, lambda i: i["workers"]["busy"] == 0 and i["workers"]["queued"] == 0)
    job = api.get(f"/v1/jobs/{queued['job_id']}").json()
    assert job["status"] == "cancelled" and job["started_at"] is None


def wait_for_info(api, predicate, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        info = api.get("/v1/info").json()
        if predicate(info):
            return info
        time.sleep(0.05)
    raise AssertionError(f"timed out: {info}")


@pytest.mark.slow
def test_killed_server_reports_interrupted_job_and_keeps_results(start_server, tmp_path):
    """A crash (SIGKILL) mid-job: the next process on the same data dir says interrupted."""
    import signal

    import httpx

    data_dir = tmp_path / "crash"
    unlimited = {"GFD_BUDGET_SECONDS": "1e12", "GFD_BUDGET_BYTES": str(2**62)}
    first = start_server(data_dir, unlimited)
    stored = httpx.post(first.url + "/v1/series", json={"model": SYM2, "s_max": 2}, timeout=60)
    assert stored.status_code == 200
    job_id = httpx.post(first.url + "/v1/series", json=LONG, headers=ASYNC).json()["job_id"]
    deadline = time.monotonic() + 60
    while httpx.get(f"{first.url}/v1/jobs/{job_id}").json()["status"] != "running":
        assert time.monotonic() < deadline
        time.sleep(0.05)
    first.stop(signal.SIGKILL)
    second = start_server(data_dir)
    job = httpx.get(f"{second.url}/v1/jobs/{job_id}").json()
    assert job["status"] == "interrupted"
    again = httpx.post(second.url + "/v1/series", json={"model": SYM2, "s_max": 2}, timeout=60)
    assert again.headers["x-cache"] == "hit" and again.content == stored.content


def test_one_process_per_data_directory(settings, make_app):
    with TestClient(make_app(settings)) as first:
        with pytest.raises(RuntimeError, match="another gfdiagrams service"):
            with TestClient(make_app(settings)):
                pass
        assert first.get("/v1/info").status_code == 200
    with TestClient(make_app(settings)) as again:  # released at shutdown
        assert again.get("/v1/info").status_code == 200


def test_succeeded_job_result_helper_for_derived_routes(settings, make_app):
    """The helper other routers use to re-present a job's result (e.g. plots)."""
    from service.compute import succeeded_job_result

    app = make_app(settings)

    @app.get("/test/jobs/{job_id}/s_max")
    async def s_max_of(job_id: str, request: Request) -> int:
        return succeeded_job_result(request, job_id, kinds=("series",))["s_max"]

    with TestClient(app) as client:
        done = client.post("/v1/series", json={"model": SYM2, "s_max": 1}, headers=ASYNC).json()
        wait_for(client, done["job_id"], finished)
        assert client.get(f"/test/jobs/{done['job_id']}/s_max").json() == 1
        assert client.get("/test/jobs/nope/s_max").json()["field"] == "job_id"
        long_id = client.post("/v1/series", json=LONG, headers=ASYNC).json()["job_id"]
        r = client.get(f"/test/jobs/{long_id}/s_max")
        assert r.status_code == 409 and r.json()["job_status"] in ("queued", "running")
        client.delete(f"/v1/jobs/{long_id}")
