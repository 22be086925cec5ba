"""End to end: uvicorn on a free loopback port, driven only through the generated client.

The client in ``openapi/client/`` is generated from the committed spec (``make client``); it is
imported from there, not installed, so this test always exercises the committed code.
"""

from __future__ import annotations

import sys
import time
from fractions import Fraction
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "openapi" / "client"))

from gfdiagrams_client import Client  # noqa: E402
from gfdiagrams_client.api.diagrams import post_diagrams  # noqa: E402
from gfdiagrams_client.api.info import get_info  # noqa: E402
from gfdiagrams_client.api.jobs import cancel_job, get_job, list_jobs  # noqa: E402
from gfdiagrams_client.api.limits import (  # noqa: E402
    post_limits,
    post_pareto,
    post_regimes,
    post_theory_loss,
)
from gfdiagrams_client.api.series import post_series  # noqa: E402
from gfdiagrams_client.api.validations import (  # noqa: E402
    get_validation_plot_png,
    get_validation_plot_svg,
    post_validation,
)
from gfdiagrams_client.models import (  # noqa: E402
    DiagramFormat,
    DiagramsRequest,
    DiagramsResponse,
    FlowParamsIn,
    JobAccepted,
    JobState,
    JobStatus,
    LimitsRequest,
    LimitsResponse,
    ModelIn,
    ParetoRequest,
    ParetoResponse,
    Problem,
    RegimeResponse,
    RegimesRequest,
    ScalingIn,
    SeriesRequest,
    SeriesResponse,
    SolutionId,
    Symmetry,
    Target,
    TaylorResult,
    TheoryLossRequest,
    TheoryLossResponse,
    TheoryParamsIn,
    ValidationKind,
    ValidationRequest,
)

pytestmark = [pytest.mark.integration]

SYM2 = ModelIn(nu=2, symmetry=Symmetry.SYM, target=Target.IDENTITY)
MEDIUM = SeriesRequest(model=ModelIn(nu=4, symmetry=Symmetry.SYM, target=Target.IDENTITY), s_max=3)
LONG = SeriesRequest(model=ModelIn(nu=4, symmetry=Symmetry.ASYM, target=Target.IDENTITY), s_max=6)


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    import sys as _sys

    _sys.path.insert(0, str(ROOT / "tests"))
    from conftest import launch_server

    data_dir = tmp_path_factory.mktemp("integration") / "var"
    server = launch_server(data_dir, {"GFD_BUDGET_SECONDS": "1e9", "GFD_BUDGET_BYTES": str(2**62)})
    try:
        with Client(base_url=server.url, timeout=60, raise_on_unexpected_status=True) as api:
            yield api
    finally:
        server.stop()


def poll(client, job_id, until, timeout=60.0):
    """Poll GET /v1/jobs/{id}; returns (last status, progress values seen)."""
    seen = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = get_job.sync(job_id, client=client)
        assert isinstance(job, JobStatus)
        seen.append(job.progress)
        if until(job):
            return job, seen
        time.sleep(0.02)
    raise AssertionError(f"job {job_id} timed out at {job.status} {job.progress}")


def test_series_direct(client):
    body = post_series.sync(client=client, body=SeriesRequest(model=SYM2, s_max=1))
    assert isinstance(body, SeriesResponse)
    y0 = {(t.p, t.h, t.sigma2): Fraction(t.coeff) for t in body.coefficients[0].terms}
    # Y_0 = ½σ⁴(p²H + pH² + pH) − pHσ²
    half = Fraction(1, 2)
    assert y0 == {(2, 1, 2): half, (1, 2, 2): half, (1, 1, 2): half, (1, 1, 1): -1}
    assert [c.s for c in body.coefficients] == [0, 1] and body.offset[0].coeff == "1/2"


def test_diagrams_pages(client):
    pages = [
        post_diagrams.sync(client=client, body=DiagramsRequest(model=SYM2, s=2, offset=o, limit=3))
        for o in (0, 3)
    ]
    assert all(isinstance(p, DiagramsResponse) for p in pages)
    full = post_diagrams.sync(client=client, body=DiagramsRequest(model=SYM2, s=2, limit=1000))
    assert [d.id for p in pages for d in p.diagrams] == [d.id for d in full.diagrams[:6]]
    assert pages[0].total == full.total == len(full.diagrams)
    # Non-JSON formats: the typed functions parse JSON only, so use the client's httpx session.
    request = DiagramsRequest(model=SYM2, s=1, format_=DiagramFormat.GRAPHML, limit=2)
    graphml = client.get_httpx_client().post("/v1/diagrams", json=request.to_dict())
    assert graphml.status_code == 200
    assert graphml.headers["content-type"].startswith("application/graphml+xml")
    page = post_diagrams.sync(client=client, body=DiagramsRequest(model=SYM2, s=1, limit=2))
    assert graphml.text.count("<node ") == sum(len(d.nodes) for d in page.diagrams)
    assert graphml.text.count("<edge ") == sum(len(d.edges) for d in page.diagrams)


def test_job_whole_life(client):
    """Submit, poll with progress, fetch the result; it equals the direct answer."""
    accepted = post_series.sync(client=client, body=MEDIUM, prefer="respond-async")
    assert (
        isinstance(accepted, JobAccepted) and accepted.links.self_ == f"/v1/jobs/{accepted.job_id}"
    )
    job, seen = poll(
        client, accepted.job_id, lambda j: j.status not in (JobState.QUEUED, JobState.RUNNING)
    )
    assert job.status == JobState.SUCCEEDED and job.progress == 1.0 and job.error is None
    assert seen == sorted(seen), "progress never goes back"
    if job.finished_at - job.started_at > 0.5:  # long enough for polling to see it move
        assert any(0 < p < 1 for p in seen), seen
    direct = post_series.sync(client=client, body=MEDIUM)
    assert isinstance(direct, SeriesResponse)
    assert job.result.to_dict() == direct.to_dict()
    listed = list_jobs.sync(client=client, limit=5)
    assert accepted.job_id in [j.job_id for j in listed.jobs]


def test_job_cancel(client):
    accepted = post_series.sync(client=client, body=LONG, prefer="respond-async")
    assert isinstance(accepted, JobAccepted)
    job, seen = poll(
        client, accepted.job_id, lambda j: j.status == JobState.RUNNING and j.progress > 0
    )
    assert 0 < job.progress < 1
    cancelled = cancel_job.sync(accepted.job_id, client=client)
    assert isinstance(cancelled, JobStatus) and cancelled.status == JobState.CANCELLED
    deadline = time.monotonic() + 10
    while get_info.sync(client=client).workers.busy:
        assert time.monotonic() < deadline, "the worker did not stop"
        time.sleep(0.05)
    again = cancel_job.sync(accepted.job_id, client=client)
    assert again.status == JobState.CANCELLED


def test_problems_through_the_client(client):
    bad = post_series.sync_detailed(client=client, body=SeriesRequest(model=ModelIn(nu=1), s_max=1))
    assert bad.status_code == 422 and isinstance(bad.parsed, Problem)
    assert bad.parsed.field == "model.nu"
    missing = get_job.sync_detailed("nope", client=client)
    assert missing.status_code == 404 and missing.parsed.field == "job_id"


def test_info(client):
    info = get_info.sync(client=client)
    assert info.limits.nu_min == 2 and info.array_backends[0].name == "numpy"
    assert info.storage.kind == "sqlite" and info.workers.processes == 1


ASYM2 = ModelIn(nu=2, symmetry=Symmetry.ASYM, target=Target.IDENTITY)


def test_pareto_and_regimes(client):
    pareto = post_pareto.sync(client=client, body=ParetoRequest(model=ASYM2, s_min=4, s_max=4))
    assert isinstance(pareto, ParetoResponse) and pareto.theorem41_applies
    assert pareto.polygons[0].shape == "pentagon"
    scaling = ScalingIn(alpha_p=1, alpha_h=2, alpha_sigma="-3/4")
    regime = post_regimes.sync(client=client, body=RegimesRequest(model=ASYM2, scaling=scaling))
    assert isinstance(regime, RegimeResponse)
    assert regime.face == "B-C" and regime.vertices == ["B", "C"]
    assert regime.interpretation == "NTK" and regime.natural_t.text == "H σ^2"


def test_limits_and_theory_loss(client):
    limits = post_limits.sync(client=client, body=LimitsRequest(model=ASYM2, face="B-C"))
    assert isinstance(limits, LimitsResponse) and limits.solution_id == SolutionId.NTK
    assert all(check.passed for check in limits.checks)
    body = TheoryLossRequest(
        model=SYM2, params=TheoryParamsIn(p=64, h=32, sigma2=0.01), t=[0.0, 1e9]
    )
    loss = post_theory_loss.sync(client=client, body=body)
    assert isinstance(loss, TheoryLossResponse) and loss.solution == SolutionId.SYM_NU2
    assert abs(loss.loss[1] - 16.0) < 1e-9  # max((p − H)/2, 0)


def test_validation_job_and_plots(client):
    request = ValidationRequest(
        model=SYM2,
        params=FlowParamsIn(p=8, h=4, sigma2=0.01),
        t_max=1.0,
        n_steps=100,
        seeds=2,
        series_order=1,
    )
    accepted = post_validation.sync(client=client, body=request, prefer="respond-async")
    assert isinstance(accepted, JobAccepted)
    job, seen = poll(
        client, accepted.job_id, lambda j: j.status not in (JobState.QUEUED, JobState.RUNNING)
    )
    assert job.status == JobState.SUCCEEDED and job.progress == 1.0 and seen == sorted(seen)
    assert job.result["kind"] == "trajectory" and len(job.result["t"]) == 101
    svg = get_validation_plot_svg.sync_detailed(accepted.job_id, client=client)
    assert svg.status_code == 200 and svg.content.lstrip().startswith(b"<?xml")
    png = get_validation_plot_png.sync_detailed(accepted.job_id, client=client)
    assert png.status_code == 200 and png.content.startswith(b"\x89PNG")
    taylor = ValidationRequest(
        kind=ValidationKind.TAYLOR,
        model=SYM2,
        params=FlowParamsIn(p=6, h=4, sigma2=0.1),
        s_max=1,
        seeds=50,
    )
    result = post_validation.sync(client=client, body=taylor)
    assert isinstance(result, TaylorResult) and all(z is not None for z in result.z)
