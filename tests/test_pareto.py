"""Pareto fronts and polygons (Sections 4–5): Theorem 4.1 against computed series, and the
polygon geometry against the paper's description of its vertices and normal.

Independent sources: the engine's exact ``diagrams.series`` and the naive reference engine
``diagrams.reference.naive`` (shares no code with the engine).
"""

from __future__ import annotations

import json
from fractions import Fraction
from functools import cache

import pytest

from diagrams import ModelSpec, NotApplicable, Poly, series
from diagrams.pareto import (
    covered_by_theorem41,
    edge_count,
    pareto_front,
    pareto_terms,
    s_d_of,
    series_fronts,
    theorem41_points,
    theorem41_terms,
)
from diagrams.polygon import computed_polygon, generic_order, labels_for, pareto_polygon
from diagrams.reference.naive import naive_series

# (nu, symmetry, s_max) — orders that the engine computes in about a second or less
ENGINE_CASES = [
    (2, "asym", 7),
    (3, "asym", 4),
    (4, "asym", 3),
    (5, "asym", 2),
    (2, "sym", 6),
    (4, "sym", 2),
    (6, "sym", 1),
]
# the naive engine is slower: smaller orders
NAIVE_CASES = [(2, "asym", 4), (3, "asym", 2), (4, "asym", 1), (2, "sym", 3), (4, "sym", 1)]


@cache
def engine_series(nu: int, symmetry: str, target: str, s_max: int) -> tuple[Poly, ...]:
    return tuple(series(ModelSpec(nu, symmetry, target), s_max).coefficients)


@cache
def reference_series(nu: int, symmetry: str, target: str, s_max: int) -> tuple[dict, ...]:
    return tuple(naive_series(ModelSpec(nu, symmetry, target), s_max))


def test_pareto_terms_paper_example():
    # Section 4: Y = pHσ² + pH²σ⁴ + pH³σ⁴ + p²Hσ⁴ — all optimal except pH²σ⁴.
    y = {(1, 1, 1): 1, (1, 2, 2): 1, (1, 3, 2): 1, (2, 1, 2): 1}
    assert pareto_terms(y) == [(1, 1, 1), (2, 1, 2), (1, 3, 2)]
    assert pareto_terms(Poly(y)) == pareto_terms(y)


def test_pareto_terms_domination_is_per_sigma_power_and_ignores_zeros():
    y = {(5, 5, 1): 1, (1, 1, 2): 3, (2, 1, 2): 0, (1, 1, 3): -2, (1, 1, 4): 0}
    # (5,5,1) does not dominate terms of other l; zero coefficients are not terms
    assert pareto_terms(y) == [(5, 5, 1), (1, 1, 2), (1, 1, 3)]
    assert pareto_front(y)[(1, 1, 3)] == -2
    # equal (q, n) cannot occur twice per l, but ties in one coordinate keep the larger other
    assert pareto_terms({(3, 1, 2): 1, (3, 2, 2): 1, (1, 2, 2): 1}) == [(3, 2, 2)]


def test_sym_nu2_y0_front_by_hand():
    # Y_0 = ½σ⁴(p²H + pH² + pH) − pHσ²: pH σ⁴ is dominated by p²Hσ⁴ and pH²σ⁴.
    y0 = engine_series(2, "sym", "identity", 0)[0]
    assert pareto_terms(y0) == [(1, 1, 1), (2, 1, 2), (1, 2, 2)]
    assert pareto_terms(y0) == theorem41_terms(ModelSpec(2, "sym", "identity"), 0)


def _check_against(model: ModelSpec, ys) -> None:
    for s, y in enumerate(ys):
        front = pareto_front(y)
        predicted = theorem41_points(model, s)
        assert list(front) == [pt.term for pt in predicted], (model, s)
        # sign of every Pareto coefficient: (−1)^{s_D+1} (no cancellations, proof of Thm 4.1)
        assert [1 if c > 0 else -1 for c in front.values()] == [pt.sign for pt in predicted]
        # l determines s_D through 2l = ν(s_D+1) + (ν−2)s
        for pt in predicted:
            assert edge_count(model, s, pt.s_d) == 2 * pt.l
            assert s_d_of(model, s, pt.l) == pt.s_d


@pytest.mark.parametrize("target", ["identity", "zero"])
@pytest.mark.parametrize(("nu", "symmetry", "s_max"), ENGINE_CASES)
def test_theorem41_matches_engine_series(nu, symmetry, s_max, target):
    model = ModelSpec(nu, symmetry, target)
    _check_against(model, engine_series(nu, symmetry, target, s_max))


@pytest.mark.parametrize("target", ["identity", "zero"])
@pytest.mark.parametrize(("nu", "symmetry", "s_max"), NAIVE_CASES)
def test_theorem41_matches_naive_reference(nu, symmetry, s_max, target):
    model = ModelSpec(nu, symmetry, target)
    _check_against(model, reference_series(nu, symmetry, target, s_max))


def test_series_fronts_uses_engine():
    model = ModelSpec(3, "asym", "identity")
    fronts = series_fronts(model, 2)
    assert [list(f) for f in fronts] == [theorem41_terms(model, s) for s in range(3)]
    assert fronts[1][(5, 1, 5)] == -3  # Y_1 ∋ −3 p⁵Hσ¹⁰ (engine and naive agree)
    assert reference_series(3, "asym", "identity", 1)[1][(5, 1, 5)] == -3


def test_theorem41_counts():
    for s in range(8):
        for nu in (2, 4, 6):
            # SYM even ν: every 0 ≤ s_D ≤ s+1, 1 ≤ n ≤ s_D+1
            assert (
                len(theorem41_terms(ModelSpec(nu, "sym", "identity"), s)) == (s + 2) * (s + 3) // 2
            )
            assert len(theorem41_terms(ModelSpec(nu, "sym", "zero"), s)) == s + 2
        for nu in (2, 3, 5):
            cols = [d for d in range(s + 2) if (s + 1 - d) % 2 == 0]
            expected = sum(d + 1 for d in cols) - 1  # minus (n, s_D) = (s+2, s+1)
            assert len(theorem41_terms(ModelSpec(nu, "asym", "identity"), s)) == expected
            assert len(theorem41_terms(ModelSpec(nu, "asym", "zero"), s)) == s + 1


def test_sym_odd_nu_is_not_covered():
    for target in ("identity", "zero"):
        model = ModelSpec(3, "sym", target)
        assert not covered_by_theorem41(model)
        with pytest.raises(NotApplicable) as err:
            theorem41_terms(model, 1)
        assert err.value.field == "model.nu"
        assert "does not cover SYM odd" in err.value.reason
    assert covered_by_theorem41(ModelSpec(3, "asym", "identity"))


# --------------------------------------------------------------------------- polygons


def _sd_n(poly, name):
    pt = next(v for v in poly.vertices if name in v.labels).point
    return (pt.s_d, pt.n)


@pytest.mark.parametrize("nu", [2, 3, 4, 7])
def test_asym_vertices_as_in_the_paper(nu):
    model = ModelSpec(nu, "asym", "identity")
    for s in range(2, 10):
        poly = pareto_polygon(model, s)
        assert _sd_n(poly, "A") == (s + 1, 1)  # edge A-B: s_D = s+1 (s_R = 0)
        assert _sd_n(poly, "B") == (s + 1, s + 1)  # (s+2, s+1) is exception b)
        assert _sd_n(poly, "C") == (s - 1, s)  # "Point C corresponds to (n, s_D) = (s, s−1)"
        # "Edge D-E: s_D = 1 for even s and s_D = 0 for odd s"; C-D on n = s_D+1, E-A on n = 1
        d = 1 if s % 2 == 0 else 0
        assert _sd_n(poly, "D") == (d, d + 1)
        assert _sd_n(poly, "E") == (d, 1)
        names = [v.name for v in poly.vertices]
        if s == 2:
            assert names == ["A", "B", "C=D", "E"]
        elif s % 2 == 0:
            assert names == ["A", "B", "C", "D", "E"]
            assert poly.to_dict()["shape"] == "pentagon"
        else:
            assert names == ["A", "B", "C", "D=E"]  # "quadrangle for odd s, D and E coincide"
            assert poly.to_dict()["shape"] == "quadrangle"
        # "Edge B-C always contains only two Pareto-optimal points: B and C"
        if s >= 3:
            assert len(poly.face("B-C").points) == 2


@pytest.mark.parametrize("nu", [2, 4, 6])
def test_sym_even_triangle(nu):
    model = ModelSpec(nu, "sym", "identity")
    for s in range(0, 8):
        poly = pareto_polygon(model, s)
        assert [v.name for v in poly.vertices] == ["A", "B", "E"]
        assert (_sd_n(poly, "A"), _sd_n(poly, "B"), _sd_n(poly, "E")) == (
            (s + 1, 1),
            (s + 1, s + 2),
            (0, 1),
        )
        assert len(poly.points) == (s + 2) * (s + 3) // 2
        # B-E: n = s_D+1; E-A: n = 1; A-B: s_D = s+1 — every point on an edge is on its line
        assert all(pt.n == pt.s_d + 1 for pt in poly.face("B-E").points)
        assert all(pt.n == 1 for pt in poly.face("E-A").points)
        assert all(pt.s_d == s + 1 for pt in poly.face("A-B").points)
        assert len(poly.face("B-E").points) == len(poly.face("E-A").points) == s + 2


def test_small_orders_degenerate():
    asym = ModelSpec(3, "asym", "identity")
    assert [v.name for v in pareto_polygon(asym, 0).vertices] == ["A=B=C=D=E"]
    assert pareto_polygon(asym, 0).dimension == 0
    assert [v.name for v in pareto_polygon(asym, 1).vertices] == ["A", "B", "C=D=E"]
    free = pareto_polygon(ModelSpec(2, "asym", "zero"), 3)
    assert free.dimension == 1 and [v.name for v in free.vertices] == ["A", "B"]
    assert [f.name for f in free.faces] == ["A", "B", "A-B"]
    assert generic_order(asym) == 4
    assert generic_order(ModelSpec(4, "sym", "identity")) == 0
    assert labels_for(ModelSpec(4, "sym", "zero")) == ("A", "B")


@pytest.mark.parametrize(
    ("nu", "symmetry", "normal"),
    [
        (2, "sym", (1, 1, Fraction(-1, 2))),
        (4, "sym", (1, 2, Fraction(-3, 4))),
        (6, "sym", (1, 3, Fraction(-5, 6))),
        (2, "asym", (1, 1, Fraction(-1, 2))),
        (3, "asym", (1, 2, Fraction(-2, 3))),
        (5, "asym", (1, 4, Fraction(-4, 5))),
    ],
)
def test_common_normal(nu, symmetry, normal):
    # (1, ν/2, (1−ν)/ν) in SYM even ν, (1, ν−1, (1−ν)/ν) in ASYM — the same for every s
    model = ModelSpec(nu, symmetry, "identity")
    for s in range(1, 7):
        poly = pareto_polygon(model, s)
        assert poly.normal == normal
        values = {sum(a * x for a, x in zip(normal, pt.coords)) for pt in poly.points}
        assert len(values) == 1  # every Pareto point of Y_s is on the plane


def test_engine_front_gives_the_same_polygon():
    for nu, symmetry, s_max in [(2, "asym", 6), (3, "asym", 4), (2, "sym", 4), (4, "sym", 2)]:
        model = ModelSpec(nu, symmetry, "identity")
        ys = engine_series(nu, symmetry, "identity", s_max)
        for s, y in enumerate(ys):
            a, b = pareto_polygon(model, s, y), computed_polygon(model, s, y)
            assert a.source == "theorem41" and b.source == "series"
            assert [v.name for v in a.vertices] == [v.name for v in b.vertices]
            assert [f.to_dict() for f in a.faces] == [f.to_dict() for f in b.faces]


def _argmax(alpha, monomials):
    vals = {m: alpha[0] * m[0] + alpha[1] * m[1] + alpha[2] * 2 * m[2] for m in monomials}
    best = max(vals.values())
    return {m for m, v in vals.items() if v == best}


@pytest.mark.parametrize(
    ("nu", "symmetry", "s_max"), [(2, "asym", 7), (3, "asym", 4), (2, "sym", 6)]
)
def test_face_witness_selects_face_among_all_monomials(nu, symmetry, s_max):
    """A face's witness scaling makes exactly its Pareto points leading among *all* the
    monomials of the exact ``Y_s`` (not only the predicted front)."""
    model = ModelSpec(nu, symmetry, "identity")
    ys = engine_series(nu, symmetry, "identity", s_max)
    for s in range(1, s_max + 1):
        poly = pareto_polygon(model, s)
        for face in poly.faces:
            alpha = face.witness
            assert alpha[0] > 0 and alpha[1] > 0
            assert _argmax(alpha, ys[s].terms) == {pt.term for pt in face.points}, face.name


def test_sym_odd_nu_front_from_series():
    model = ModelSpec(3, "sym", "identity")
    ys = reference_series(3, "sym", "identity", 2)
    eng = engine_series(3, "sym", "identity", 2)
    for s in range(3):
        assert pareto_terms(ys[s]) == pareto_terms(eng[s])
    # Y_2: s_D=1 column (q, n) = (3,1), (2,2); s_D=3 column (7,1), (5,2), (4,3) — q is not
    # affine in n (7, 5, 4), so the Pareto points are not coplanar: a polytope, not a polygon.
    assert pareto_terms(ys[2]) == [(3, 1, 4), (2, 2, 4), (7, 1, 7), (5, 2, 7), (4, 3, 7)]
    poly = computed_polygon(model, 2, ys[2])
    assert not poly.covered and poly.dimension == 3
    assert "does not cover SYM with odd" in poly.note
    assert len(poly.vertices) == 5  # every Pareto point is a vertex here
    for facet in poly.facets:
        nrm = facet["normal"]
        alpha = (nrm["alpha_p"], nrm["alpha_H"], Fraction(nrm["alpha_sigma"]))
        lead = _argmax(alpha, [pt.term for pt in poly.points])
        assert lead == {(t["p"], t["H"], t["sigma2"]) for t in facet["terms"]}
    assert any(f["growing_sizes"] for f in poly.facets)
    # Y_1: three points — a triangle, unlabelled; pareto_polygon defers to the series too
    tri = pareto_polygon(model, 1, series_poly=ys[1])
    assert tri.dimension == 2 and all(v.labels == () for v in tri.vertices)
    assert tri.source == "series" and not tri.covered
    json.dumps(tri.to_dict())
    json.dumps(poly.to_dict())


def test_polygon_rejects_a_front_that_contradicts_theorem41():
    model = ModelSpec(2, "asym", "identity")
    y = dict(engine_series(2, "asym", "identity", 2)[2].terms)
    y[(9, 9, 4)] = Fraction(1)
    with pytest.raises(AssertionError):
        pareto_polygon(model, 2, y)


def test_polygon_to_dict_is_json():
    data = pareto_polygon(ModelSpec(3, "asym", "identity"), 4).to_dict()
    text = json.dumps(data, ensure_ascii=False)
    assert data["normal"] == {"alpha_p": 1, "alpha_H": 2, "alpha_sigma": "-2/3"}
    assert [f["name"] for f in data["faces"]] == [
        "A",
        "A-B",
        "B",
        "B-C",
        "C",
        "C-D",
        "D",
        "D-E",
        "E",
        "E-A",
        "A-B-C-D-E",
    ]
    assert "H σ^4" in text
