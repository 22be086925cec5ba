"""Contract tests of ``POST /v1/pareto`` and ``POST /v1/regimes`` with real values.

Pareto fronts are checked against the engine's exact series (the Pareto-optimal monomials of
``Y_s`` read off :func:`diagrams.series`, an independent route from Theorem 4.1), regimes
against the paper's tables (Section 5, appendix "Extreme regimes").
"""

from __future__ import annotations

import pytest

import diagrams
from diagrams import ModelSpec
from diagrams.pareto import pareto_terms

ASYM2 = {"nu": 2, "symmetry": "asym", "target": "identity"}
SYM2 = {"nu": 2, "symmetry": "sym", "target": "identity"}
SYM3 = {"nu": 3, "symmetry": "sym", "target": "identity"}


@pytest.fixture
def api(module_api):
    return module_api


def _terms(points):
    return sorted((t["p"], t["H"], t["sigma2"]) for t in points)


def test_pareto_fronts_equal_the_engine_series(api):
    r = api.post("/v1/pareto", json={"model": ASYM2, "s_min": 0, "s_max": 3, "verify": True})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["theorem41_applies"] and body["verified_against_series"] and body["note"] is None
    assert [p["s"] for p in body["polygons"]] == [0, 1, 2, 3]
    ys = diagrams.series(ModelSpec.from_dict(ASYM2), 3).coefficients
    for polygon in body["polygons"]:
        assert _terms(polygon["points"]) == sorted(pareto_terms(ys[polygon["s"]]))


def test_pareto_asym_pentagon_and_quadrangle(api):
    """ASYM: pentagon A..E at even s, quadrangle (D and E coincide) at odd s (Section 5)."""
    body = api.post("/v1/pareto", json={"model": ASYM2, "s_min": 4, "s_max": 5}).json()
    even, odd = body["polygons"]
    assert even["shape"] == "pentagon" and [v["name"] for v in even["vertices"]] == list("ABCDE")
    assert odd["shape"] == "quadrangle" and "D=E" in [v["name"] for v in odd["vertices"]]
    # vertex A of Y_4: the pure-D diagram s_D = s+1 = 5, n = 1: p^{1+(ν−1)(s_D+1−n)} H σ^{2l}
    a = next(v for v in even["vertices"] if v["name"] == "A")["term"]
    assert (a["p"], a["H"], a["sigma2"], a["s_D"], a["s_R"]) == (6, 1, 6, 5, 0)
    assert even["normal"] == {"alpha_p": 1, "alpha_H": 1, "alpha_sigma": "-1/2"}
    regimes = {f["name"]: f for f in body["regimes"]}
    assert regimes["B-C"]["interpretation"] == "NTK"
    assert regimes["B-C"]["natural_T"]["text"] == "H σ^2"
    assert body["generic_order"] == 4


def test_pareto_sym_nu2_triangle(api):
    body = api.post("/v1/pareto", json={"model": SYM2, "s_max": 0}).json()
    (polygon,) = body["polygons"]
    # Y_0 = ½σ⁴(p²H + pH² + pH) − pHσ²: all but pHσ⁴ are Pareto-optimal
    assert _terms(polygon["points"]) == [(1, 1, 1), (1, 2, 2), (2, 1, 2)]
    assert polygon["shape"] == "triangle"
    assert sorted(v["name"] for v in polygon["vertices"]) == ["A", "B", "E"]


def test_pareto_sym_odd_nu_says_theorem_41_does_not_cover_it(api):
    r = api.post("/v1/pareto", json={"model": SYM3, "s_min": 0, "s_max": 1})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["theorem41_applies"] is False and "Theorem 4.1 does not cover" in body["note"]
    assert body["regimes"] == [] and body["generic_order"] is None
    ys = diagrams.series(ModelSpec.from_dict(SYM3), 1).coefficients
    for polygon in body["polygons"]:
        assert polygon["source"] == "series"
        assert _terms(polygon["points"]) == sorted(pareto_terms(ys[polygon["s"]]))


@pytest.mark.parametrize(
    "body, field",
    [
        ({"model": ASYM2, "s_min": 3, "s_max": 2}, "s_min"),
        ({"model": ASYM2, "s_max": -1}, "s_max"),
        ({"model": ASYM2, "s_max": "2"}, "s_max"),
        ({"model": {"nu": 1}, "s_max": 2}, "model.nu"),
        ({"model": ASYM2}, "s_max"),
    ],
)
def test_pareto_bad_input_names_the_field(api, body, field):
    r = api.post("/v1/pareto", json=body)
    assert r.status_code == 422 and r.json()["field"] == field, r.text


def test_regime_ntk_face_of_asym_nu2(api):
    """σ² ≍ 1/√(pH) with H ≍ p²: the NTK edge B–C, natural time T ≍ Hσ² (Table asym)."""
    scaling = {"alpha_p": 1, "alpha_H": 2, "alpha_sigma": "-3/4"}
    r = api.post("/v1/regimes", json={"model": ASYM2, "scaling": scaling})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["face"] == "B-C" and body["vertices"] == ["B", "C"]
    assert body["interpretation"] == "NTK" and body["natural_T"]["text"] == "H σ^2"
    assert body["scaling"] == {"alpha_p": "1", "alpha_H": "2", "alpha_sigma": "-3/4"}
    assert [x["s"] for x in body["leading_terms"]] == list(range(7))
    # Y_1's Pareto points pHσ², p³Hσ⁶, p²H²σ⁶ score α·(q, n, 2l) = 3/2, 1/2, 3/2: a tie on B–C
    y1 = body["leading_terms"][1]["terms"]
    assert _terms(y1) == [(1, 1, 1), (2, 2, 3)]
    # the same scaling as decimals is the same request (exact normalisation)
    again = {"alpha_p": "1.0", "alpha_H": 2.0, "alpha_sigma": -0.75}
    r2 = api.post("/v1/regimes", json={"model": ASYM2, "scaling": again})
    assert r2.headers["x-request-hash"] == r.headers["x-request-hash"]
    assert r2.headers["x-cache"] == "hit" and r2.json() == body


def test_regime_of_a_concrete_model(api):
    """p = 100, H = 10⁴, Hσ² = 1: the mean-field edge C–D (docstring of classify_params)."""
    params = {"p": 100, "H": 10**4, "sigma2": "1/10000"}
    body = api.post("/v1/regimes", json={"model": ASYM2, "params": params}).json()
    assert body["face"] == "C-D" and body["interpretation"] == "Mean-field"
    assert body["params"] == {"p": "100", "H": "10000", "sigma2": "1/10000"}
    assert body["tolerance"] == "1/4"
    assert body["alpha_estimate"]["alpha_H"] == pytest.approx(1.0)
    assert body["alpha_estimate"]["alpha_p"] == pytest.approx(0.5)
    assert {d["edge"] for d in body["decisions"]} == {"A-B", "B-C", "C-D", "D-E", "E-A"}


@pytest.mark.parametrize(
    "body, field",
    [
        ({"model": ASYM2}, "scaling"),
        (
            {
                "model": ASYM2,
                "scaling": {"alpha_p": 1, "alpha_H": 1, "alpha_sigma": 0},
                "params": {"p": 2, "H": 2, "sigma2": 1},
            },
            "scaling",
        ),
        ({"model": ASYM2, "scaling": {"alpha_p": 0, "alpha_H": 1, "alpha_sigma": 0}}, None),
        ({"model": ASYM2, "scaling": {"alpha_p": "1+1", "alpha_H": 1, "alpha_sigma": 0}}, None),
        ({"model": ASYM2, "scaling": {"alpha_p": True, "alpha_H": 1, "alpha_sigma": 0}}, None),
        ({"model": ASYM2, "scaling": {"alpha_p": "1/0", "alpha_H": 1, "alpha_sigma": 0}}, None),
        ({"model": ASYM2, "params": {"p": 100, "H": 100, "sigma2": 0}}, "params.sigma2"),
        (
            {
                "model": ASYM2,
                "scaling": {"alpha_p": 1, "alpha_H": 1, "alpha_sigma": 0},
                "tolerance": "1/4",
            },
            "tolerance",
        ),
        ({"model": SYM3, "scaling": {"alpha_p": 1, "alpha_H": 1, "alpha_sigma": 0}}, "model.nu"),
    ],
)
def test_regimes_bad_input_names_the_field(api, body, field):
    r = api.post("/v1/regimes", json=body)
    assert r.status_code == 422, r.text
    problem = r.json()
    assert problem["field"] == (field or "scaling.alpha_p"), problem
    assert r.headers["content-type"].startswith("application/problem+json")
