"""Contract tests of the REST endpoints with real values (TestClient, real engine, real workers).

Checked against closed forms from the paper and against direct engine calls, so the service
layer (validation, scheduling, storage, serialisation) is what is under test.
"""

from __future__ import annotations

import time
from fractions import Fraction

import networkx as nx
import pytest

import diagrams
from diagrams import ModelSpec

SYM2 = {"nu": 2, "symmetry": "sym", "target": "identity"}


@pytest.fixture
def api(module_api):
    return module_api


ASYM3 = {"nu": 3, "symmetry": "asym", "target": "identity"}


def _terms(poly_json):
    """A polynomial as {(p, H, sigma2): Fraction} (order-free comparison)."""
    return {(t["p"], t["H"], t["sigma2"]): Fraction(t["coeff"]) for t in poly_json}


def test_series_sym_nu2_y0_is_the_closed_form(api):
    r = api.post("/v1/series", json={"model": SYM2, "s_max": 0})
    assert r.status_code == 200, r.text
    body = r.json()
    # Y_0 = ½σ⁴(p²H + pH² + pH) − pHσ²  (Section 3, SYM ν=2, identity target)
    assert _terms(body["coefficients"][0]["terms"]) == {
        (2, 1, 2): Fraction(1, 2),
        (1, 2, 2): Fraction(1, 2),
        (1, 1, 2): Fraction(1, 2),
        (1, 1, 1): Fraction(-1),
    }
    assert body["offset"] == [{"coeff": "1/2", "p": 1, "H": 0, "sigma2": 0}]  # ½‖δ‖² = p/2
    assert body["model"] == SYM2 and body["mode"] == "exact" and body["s_max"] == 0
    assert [c["s"] for c in body["coefficients"]] == [0]
    assert "sigma" in body["coefficients"][0]["latex"]
    assert r.headers["x-cache"] == "miss" and len(r.headers["x-request-hash"]) == 64


@pytest.mark.parametrize("nu", [2, 3, 4])
def test_series_asym_y0_is_half_e_d(api, nu):
    """ASYM: E[D_2ν] = p^ν H σ^2ν and E[R_ν] = 0, so Y_0 = ½ p^ν H σ^2ν."""
    model = {"nu": nu, "symmetry": "asym", "target": "identity"}
    body = api.post("/v1/series", json={"model": model, "s_max": 0}).json()
    assert _terms(body["coefficients"][0]["terms"]) == {(nu, 1, nu): Fraction(1, 2)}


def test_series_equals_the_engine_byte_for_byte(api):
    """The body is the engine's own serialisation, in the engine's term order."""
    for model, s_max, mode in [(SYM2, 2, "exact"), (ASYM3, 2, "exact")]:
        r = api.post("/v1/series", json={"model": model, "s_max": s_max, "mode": mode})
        assert r.status_code == 200, r.text
        direct = diagrams.series(ModelSpec.from_dict(model), s_max, mode).to_dict()
        body = r.json()
        assert body["offset"] == direct["offset"]
        assert body["coefficients"] == direct["coefficients"]


def test_zero_target_has_no_offset(api):
    model = {"nu": 2, "symmetry": "sym", "target": "zero"}
    body = api.post("/v1/series", json={"model": model, "s_max": 1}).json()
    assert body["offset"] == []
    # free evolution: L = ½D_4, so Y_0 = ½E[D_4] = ½σ⁴(p²H + pH² + pH)
    assert _terms(body["coefficients"][0]["terms"]) == {
        (2, 1, 2): Fraction(1, 2),
        (1, 2, 2): Fraction(1, 2),
        (1, 1, 2): Fraction(1, 2),
    }


def test_stored_result_is_served_identically(api):
    model = {"nu": 5, "symmetry": "sym", "target": "zero"}  # asked by no other test here
    request = {"model": model, "s_max": 1}
    first = api.post("/v1/series", json=request)
    reordered = {"s_max": 1, "model": {"target": "zero", "nu": 5, "symmetry": "sym"}}
    second = api.post("/v1/series", json=reordered)
    assert first.headers["x-cache"] == "miss" and second.headers["x-cache"] == "hit"
    assert first.content == second.content
    assert first.headers["x-request-hash"] == second.headers["x-request-hash"]
    defaults = api.post("/v1/series", json={**request, "mode": "exact"})  # explicit default
    assert defaults.headers["x-cache"] == "hit"
    fresh = api.post("/v1/series", json=request, headers={"Cache-Control": "no-cache"})
    assert fresh.headers["x-cache"] == "miss" and fresh.json() == first.json()


def test_diagrams_s0_are_the_atoms(api):
    r = api.post("/v1/diagrams", json={"model": SYM2, "s": 0})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["total"] == 2 and body["s"] == 0
    by_coeff = {d["coefficient"]: d for d in body["diagrams"]}
    assert set(by_coeff) == {"-1", "1/2"}  # (½D_4 − R_2)^{⋆1}
    d4, r2 = by_coeff["1/2"], by_coeff["-1"]
    assert (d4["s_D"], d4["s_R"], r2["s_D"], r2["s_R"]) == (1, 0, 0, 1)
    # E[D_4] = (p²H + pH² + pH)σ⁴ (SYM); R_2 has one H-node, one p-node, two edges: E = pHσ²
    assert _terms(d4["expectation"]) == {(2, 1, 2): 1, (1, 2, 2): 1, (1, 1, 2): 1}
    assert _terms(r2["expectation"]) == {(1, 1, 1): 1}
    assert len(d4["edges"]) == 4 and {n["kind"] for n in d4["nodes"]} == {"H", "p"}


def test_diagrams_match_the_engine_and_sum_to_the_series(api):
    """Σ_G c_G E[G] over the listed classes equals (−1)^s Y_s."""
    model, s = ASYM3, 2
    body = api.post("/v1/diagrams", json={"model": model, "s": s, "limit": 1000}).json()
    terms = diagrams.expansion(ModelSpec.from_dict(model), s)
    assert body["total"] == len(terms) == len(body["diagrams"])
    assert [d["id"] for d in body["diagrams"]] == [t.id for t in terms]
    total: dict = {}
    for d in body["diagrams"]:
        for key, value in _terms(d["expectation"]).items():
            total[key] = total.get(key, 0) + Fraction(d["coefficient"]) * value
    y = api.post("/v1/series", json={"model": model, "s_max": s}).json()["coefficients"][s]
    expected = {k: (-1) ** s * v for k, v in _terms(y["terms"]).items()}
    assert {k: v for k, v in total.items() if v} == expected


def test_diagrams_pagination(api):
    request = {"model": ASYM3, "s": 2}
    full = api.post("/v1/diagrams", json={**request, "limit": 1000}).json()
    total = full["total"]
    assert total > 5
    pages, offset = [], 0
    while offset < total:
        page = api.post("/v1/diagrams", json={**request, "offset": offset, "limit": 4}).json()
        assert page["total"] == total and page["offset"] == offset and page["limit"] == 4
        assert len(page["diagrams"]) == min(4, total - offset)
        pages.extend(page["diagrams"])
        offset += 4
    assert pages == full["diagrams"]
    beyond = api.post("/v1/diagrams", json={**request, "offset": total + 10}).json()
    assert beyond["diagrams"] == [] and beyond["total"] == total
    no_e = api.post("/v1/diagrams", json={**request, "contractions": False, "limit": 3}).json()
    assert [d["expectation"] for d in no_e["diagrams"]] == [None, None, None]
    assert [d["id"] for d in no_e["diagrams"]] == [d["id"] for d in full["diagrams"][:3]]


def test_diagrams_graphml_and_dot(api):
    request = {"model": SYM2, "s": 1, "offset": 1, "limit": 2}
    js = api.post("/v1/diagrams", json=request).json()
    r = api.post("/v1/diagrams", json={**request, "format": "graphml"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/graphml+xml")
    graph = nx.parse_graphml(r.text, force_multigraph=True)
    assert graph.number_of_nodes() == sum(len(d["nodes"]) for d in js["diagrams"])
    assert graph.number_of_edges() == sum(len(d["edges"]) for d in js["diagrams"])
    assert nx.number_connected_components(graph) == len(js["diagrams"])
    assert {graph.nodes[n]["diagram"] for n in graph} == {d["id"] for d in js["diagrams"]}
    dot = api.post("/v1/diagrams", json={**request, "format": "dot"})
    assert dot.headers["content-type"].startswith("text/vnd.graphviz")
    assert dot.text.startswith("graph diagrams {") and dot.text.count("subgraph cluster_") == 2
    assert dot.text.count(" -- ") == sum(len(d["edges"]) for d in js["diagrams"])


def test_diagrams_svg_is_drawn_or_refused_naming_format(api):
    from service.routers.diagrams import svg_available

    r = api.post("/v1/diagrams", json={"model": SYM2, "s": 0, "format": "svg"})
    if svg_available():
        assert r.status_code == 200 and r.headers["content-type"].startswith("image/svg+xml")
        assert "<svg" in r.text
    else:
        assert r.status_code == 422 and r.json()["field"] == "format"


def _wait(api, job_id, timeout=60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = api.get(f"/v1/jobs/{job_id}").json()
        if job["status"] not in ("queued", "running"):
            return job
        time.sleep(0.05)
    raise AssertionError(f"job {job_id} did not finish: {job}")


def test_prefer_respond_async_gives_a_job_with_the_normal_body(api):
    request = {"model": ASYM3, "s_max": 1}
    r = api.post("/v1/series", json=request, headers={"Prefer": "respond-async"})
    assert r.status_code == 202, r.text
    assert r.headers["preference-applied"] == "respond-async"
    accepted = r.json()
    assert accepted["links"]["self"] == f"/v1/jobs/{accepted['job_id']}" == r.headers["location"]
    job = _wait(api, accepted["job_id"])
    assert job["status"] == "succeeded" and job["progress"] == 1.0 and job["error"] is None
    assert job["kind"] == "series" and job["request"]["s_max"] == 1
    assert job["result"] == api.post("/v1/series", json=request).json()
    # also for a stored result, and for a paginated view of diagrams
    again = api.post("/v1/series", json=request, headers={"Prefer": "wait=5, respond-async"})
    assert again.status_code == 202 and _wait(api, again.json()["job_id"])["status"] == "succeeded"
    view = {"model": SYM2, "s": 1, "offset": 1, "limit": 1}
    dj = api.post("/v1/diagrams", json=view, headers={"Prefer": "respond-async"}).json()
    assert _wait(api, dj["job_id"])["result"] == api.post("/v1/diagrams", json=view).json()
    gj = api.post(
        "/v1/diagrams", json={**view, "format": "dot"}, headers={"prefer": "respond-async"}
    )
    assert _wait(api, gj.json()["job_id"])["result"].startswith("graph diagrams {")


def test_jobs_listing_and_pagination(api):
    before = api.get("/v1/jobs").json()["total"]
    ids = []
    for s_max in range(4):
        r = api.post(
            "/v1/series", json={"model": SYM2, "s_max": s_max}, headers={"Prefer": "respond-async"}
        )
        ids.append(r.json()["job_id"])
    for job_id in ids:
        _wait(api, job_id)
    listing = api.get("/v1/jobs", params={"limit": 4}).json()
    assert listing["total"] == before + 4 and [j["job_id"] for j in listing["jobs"]] == ids[::-1]
    page = api.get("/v1/jobs", params={"limit": 3, "offset": 2}).json()
    assert [j["job_id"] for j in page["jobs"]][:2] == ids[::-1][2:]
    assert page["total"] == before + 4 and len(page["jobs"]) == min(3, before + 2)
    succeeded = api.get("/v1/jobs", params={"status": "succeeded", "limit": 1000}).json()
    assert set(ids) <= {j["job_id"] for j in succeeded["jobs"]}
    assert all(j["status"] == "succeeded" for j in succeeded["jobs"])
    assert (
        api.get("/v1/jobs", params={"kind": "series", "limit": 1}).json()["jobs"][0]["job_id"]
        == ids[-1]
    )


def test_info(api):
    info = api.get("/v1/info").json()
    assert info["version"] and info["limits"]["nu_min"] == 2 and info["limits"]["nu_max"] == 12
    assert info["array_backends"][0]["name"] == "numpy"
    assert info["storage"]["kind"] == "sqlite"
    assert info["storage"]["data_dir"] == str(api.app.state.settings.data_dir.resolve())
    assert {"series", "diagrams"} <= set(info["task_kinds"])
    assert info["workers"]["processes"] == 1
    assert {"json", "graphml", "dot"} <= set(info["formats"])


def test_leading_mode_equals_the_engine(api):
    pytest.importorskip("diagrams.leading", reason="the engine's leading-order mode is not in yet")
    request = {"model": SYM2, "s_max": 3, "mode": "leading"}
    r = api.post("/v1/series", json=request)
    assert r.status_code == 200, r.text
    direct = diagrams.series(ModelSpec.from_dict(SYM2), 3, "leading").to_dict()
    assert r.json()["coefficients"] == direct["coefficients"] and r.json()["mode"] == "leading"


def test_svg_sheet_pages(api):
    from service.routers.diagrams import svg_available

    if not svg_available():
        pytest.skip("diagrams.drawing is not installed")
    request = {"model": ASYM3, "s": 1, "format": "svg", "limit": 2}
    first = api.post("/v1/diagrams", json=request)
    second = api.post("/v1/diagrams", json={**request, "offset": 2})
    assert first.status_code == second.status_code == 200
    assert first.text != second.text and first.text.lstrip().startswith(("<svg", "<?xml"))
    empty = api.post("/v1/diagrams", json={**request, "offset": 10**6})
    assert empty.status_code == 200 and "<svg" in empty.text


def test_series_s_r_max_selects_levels_and_is_validated(api):
    """Leading mode with at most two R atoms: ASYM ν=3 identity through the first-order
    mean-field method, the engine's bytes; with another mode a 422 naming ``s_r_max``."""
    model = {"nu": 3, "symmetry": "asym", "target": "identity"}
    r = api.post("/v1/series", json={"model": model, "s_max": 4, "mode": "leading", "s_r_max": 2})
    assert r.status_code == 200, r.text
    direct = diagrams.series(ModelSpec.from_dict(model), 4, "leading", s_r_max=2).to_dict()
    assert r.json()["coefficients"] == direct["coefficients"] and r.json()["s_r_max"] == 2
    bad = api.post("/v1/series", json={"model": model, "s_max": 2, "s_r_max": 2})
    assert bad.status_code == 422 and bad.json()["field"] == "s_r_max", bad.text
    negative = api.post(
        "/v1/series", json={"model": model, "s_max": 2, "mode": "leading", "s_r_max": -2}
    )
    assert negative.status_code == 422 and "s_r_max" in negative.text


def test_series_s_d_max_selects_the_low_levels(api):
    """ASYM ν=2 identity, leading terms with at most four D atoms: the planar low levels."""
    model = {"nu": 2, "symmetry": "asym", "target": "identity"}
    body = {"model": model, "s_max": 20, "mode": "leading", "s_d_max": 4}
    r = api.post("/v1/series", json=body)
    assert r.status_code == 200, r.text
    direct = diagrams.series(ModelSpec.from_dict(model), 20, "leading", s_d_max=4).to_dict()
    assert r.json()["coefficients"] == direct["coefficients"] and r.json()["s_d_max"] == 4
    bad = api.post("/v1/series", json={"model": model, "s_max": 2, "s_d_max": 1, "mode": "extreme"})
    assert bad.status_code == 422 and bad.json()["field"] == "s_d_max", bad.text


def test_series_request_hash_ignores_unset_bounds(api):
    """A request without the level bounds hashes as it did before they existed: explicit nulls
    and absent fields are the same request."""
    model = {"nu": 2, "symmetry": "asym", "target": "zero"}
    plain = api.post("/v1/series", json={"model": model, "s_max": 1})
    nulls = api.post(
        "/v1/series", json={"model": model, "s_max": 1, "s_r_max": None, "s_d_max": None}
    )
    assert plain.status_code == nulls.status_code == 200
    assert plain.headers["x-request-hash"] == nulls.headers["x-request-hash"]
    assert nulls.headers["x-cache"] == "hit"
    # the parameters before the bounds existed: model, s_max, mode
    from service.routers.series import SERIES

    before = {"model": model, "s_max": 1, "mode": "exact"}
    assert plain.headers["x-request-hash"] == SERIES.request_hash(before)
