"""Learning regimes (Section 5, appendix "Extreme regimes"): the derived tables against the
paper's tables, exact classification of scalings, and placement of concrete models.

The paper's table rows are typed in *here only* (as exponent vectors in ν) and compared with
what :mod:`diagrams.polygon` derives from the Pareto points.
"""

from __future__ import annotations

import json
from fractions import Fraction
from functools import cache

import pytest

from diagrams import ModelSpec, NotApplicable, SpecError, series
from diagrams.polygon import format_monomial, generic_order, pareto_polygon
from diagrams.regimes import classify_params, classify_scaling, parse_exact, regime_table

INF, ZERO, ASYMP = "infinity", "zero", "asymp"


def _paper_rows(model: ModelSpec):
    """Tables ``tab:extremal_simplices_asym`` / ``tab:extremal_simplices_both`` as data:
    face -> (conditions [(exponents of p, H, σ), relation], natural T, parameterisation,
    learning, interpretation)."""
    nu = model.nu
    balance = (nu - 1, -1, 0) if not model.sym else (nu, -2, 0)  # H ≍ p^{ν−1} / H² ≍ p^ν
    if not model.sym:
        return {
            # A–B: H ≍ p^{ν−1}, p^{ν−1}σ^ν → ∞; T = Hσ^{2ν−2}
            "A-B": (
                [(balance, ASYMP), ((nu - 1, 0, nu), INF)],
                (0, 1, 2 * nu - 2),
                "Balanced",
                "No",
                "Free evolution",
            ),
            # B–C: p^{ν−1}Hσ^{2ν} ≍ 1, Hσ^ν → ∞; T = Hσ^{2ν−2}
            "B-C": (
                [((nu - 1, 1, 2 * nu), ASYMP), ((0, 1, nu), INF)],
                (0, 1, 2 * nu - 2),
                "Over-",
                "Lazy",
                "NTK",
            ),
            # C: p^{ν−1}Hσ^{2ν} → 0, Hσ^ν → ∞
            "C": (
                [((nu - 1, 1, 2 * nu), ZERO), ((0, 1, nu), INF)],
                (0, 1, 2 * nu - 2),
                "Over-",
                "Lazy",
                "NTK, f(0) ≡ 0",
            ),
            # C–D: Hσ^ν ≍ 1, H/p^{ν−1} → ∞; T = σ^{ν−2}
            "C-D": (
                [((0, 1, nu), ASYMP), (balance, ZERO)],
                (0, 0, nu - 2),
                "Over-",
                "Rich",
                "Mean-field",
            ),
            # D–E: H ≍ p^{ν−1}, Hσ^ν → 0
            "D-E": (
                [(balance, ASYMP), ((0, 1, nu), ZERO)],
                (0, 0, nu - 2),
                "Balanced",
                "Rich",
                None,
            ),
            # E–A: p^{ν−1}σ^ν ≍ 1, H/p^{ν−1} → 0
            "E-A": (
                [((nu - 1, 0, nu), ASYMP), (balance, INF)],
                (0, 0, nu - 2),
                "Under-",
                "Rich",
                None,
            ),
        }
    return {
        # A–B: H² ≍ p^ν, p^{ν−1}σ^ν → ∞; T = p^{ν−1}σ^{2ν−2}
        "A-B": (
            [(balance, ASYMP), ((nu - 1, 0, nu), INF)],
            (nu - 1, 0, 2 * nu - 2),
            "Balanced",
            "No",
            "Free evolution",
        ),
        # B–E: p^{ν−2}H²σ^{2ν} ≍ 1, H²/p^ν → ∞; T = σ^{ν−2}
        "B-E": (
            [((nu - 2, 2, 2 * nu), ASYMP), (balance, ZERO)],
            (0, 0, nu - 2),
            "Over-",
            "Rich",
            "Mean-field",
        ),
        # E: p^{ν−2}H²σ^{2ν} → 0, p^{ν−1}σ^ν → 0
        "E": (
            [((nu - 2, 2, 2 * nu), ZERO), ((nu - 1, 0, nu), ZERO)],
            (0, 0, nu - 2),
            "Agnostic",
            "Rich",
            None,
        ),
        # E–A: p^{ν−1}σ^ν ≍ 1, H²/p^ν → 0
        "E-A": (
            [((nu - 1, 0, nu), ASYMP), (balance, INF)],
            (0, 0, nu - 2),
            "Under-",
            "Rich",
            None,
        ),
    }


def _holds(conditions, alpha) -> bool:
    """Whether a scaling α meets conditions ``[(exponents, relation)]``, exactly."""
    for e, rel in conditions:
        v = sum(a * x for a, x in zip(alpha, e))
        if (rel == ASYMP and v != 0) or (rel == INF and v <= 0) or (rel == ZERO and v >= 0):
            return False
    return True


def _ours(face):
    return [(c.exponents, c.relation) for c in face.scaling_condition]


def _grid(nu: int):
    """Scalings α = (1, α_H, α_σ) on a rational grid fine enough to land on every face:
    α_H = j/4, α_σ = k/(8ν) hit the lines of all the conditions above."""
    for j in range(1, 25):
        for k in range(-24 * nu, 16 * nu + 1):
            yield (Fraction(1), Fraction(j, 4), Fraction(k, 8 * nu))


MODELS = [(2, "asym"), (3, "asym"), (4, "asym"), (5, "asym"), (2, "sym"), (4, "sym"), (6, "sym")]


@pytest.mark.parametrize(("nu", "symmetry"), MODELS)
def test_derived_table_agrees_with_the_paper(nu, symmetry):
    """Every row of the paper's tables: our derived scaling condition selects exactly the same
    scalings on the grid (they agree as sets of α, even where the paper states a different but
    equivalent strict condition), and the other columns agree."""
    model = ModelSpec(nu, symmetry, "identity")
    table = {f.name: f for f in regime_table(model)}
    rows = _paper_rows(model)
    hits = dict.fromkeys(rows, 0)
    for alpha in _grid(nu):
        for name, (paper_conditions, *_rest) in rows.items():
            paper = _holds(paper_conditions, alpha)
            assert paper == _holds(_ours(table[name]), alpha), (name, alpha)
            hits[name] += paper
    assert all(hits.values()), hits  # the grid reaches every row
    for name, (_, t_paper, param, learning, interpretation) in rows.items():
        face = table[name]
        # natural T: the paper's choice is one of ours or equal to it modulo the face's "≍"
        diff = tuple(Fraction(a) - b for a, b in zip(face.natural_t, t_paper))
        eqs = [c.exponents for c in face.scaling_condition if c.relation == ASYMP]
        assert _in_span(diff, eqs), (name, face.natural_t, t_paper)
        assert (face.parameterisation, face.learning, face.interpretation) == (
            param,
            learning,
            interpretation,
        ), name


def _in_span(v, basis) -> bool:
    if all(x == 0 for x in v):
        return True
    if len(basis) == 1:
        b = basis[0]
        return all(v[i] * b[j] == v[j] * b[i] for i in range(3) for j in range(3))
    return False


def test_natural_t_is_the_papers_choice_where_unambiguous():
    t = {
        f.name: format_monomial(f.natural_t) for f in regime_table(ModelSpec(3, "asym", "identity"))
    }
    assert t["A-B"] == "H σ^4"  # paper: T ≍ Hσ^{2ν−2} (or equivalently p^{ν−1}σ^{2ν−2})
    assert t["B-C"] == t["C"] == "H σ^4"
    assert t["C-D"] == t["D-E"] == t["E-A"] == "σ"  # σ^{ν−2}
    sym = {
        f.name: format_monomial(f.natural_t) for f in regime_table(ModelSpec(4, "sym", "identity"))
    }
    assert sym["A-B"] == "p^3 σ^6" and sym["B-E"] == sym["E"] == sym["E-A"] == "σ^2"
    # ν = 2: the mean-field and rich regimes need no rescaling of T (σ^0 = 1)
    assert (
        format_monomial(classify_scaling(ModelSpec(2, "sym", "identity"), 1, 2, -1).face.natural_t)
        == "1"
    )


@pytest.mark.parametrize(("nu", "symmetry"), MODELS)
def test_classify_scaling_is_the_face_whose_conditions_hold(nu, symmetry):
    """On the grid exactly one face's derived conditions hold, and it is the classification
    (ties exact: the grid lands on edges and on the common normal)."""
    model = ModelSpec(nu, symmetry, "identity")
    table = regime_table(model)
    seen = set()
    for alpha in _grid(nu):
        holding = [f.name for f in table if _holds(_ours(f), alpha)]
        assert len(holding) == 1, (alpha, holding)
        got = classify_scaling(model, *alpha, orders=())
        assert got.name == holding[0]
        seen.add(got.name)
    assert seen == {f.name for f in table}  # every face, the whole polygon included


@cache
def _ys(nu, symmetry, target, s_max):
    return tuple(series(ModelSpec(nu, symmetry, target), s_max).coefficients)


@pytest.mark.parametrize(
    ("nu", "symmetry", "s_max"), [(2, "asym", 7), (3, "asym", 4), (4, "sym", 2)]
)
def test_leading_terms_are_the_argmax_of_the_exact_series(nu, symmetry, s_max):
    """The leading terms a classification reports are the maximisers of α·(q, n, 2l) over all
    monomials of the engine's exact ``Y_s`` (an independent check of the whole chain)."""
    model = ModelSpec(nu, symmetry, "identity")
    ys = _ys(nu, symmetry, "identity", s_max)
    for face in regime_table(model):
        alpha = face.witness
        regime = classify_scaling(model, *alpha, orders=range(s_max + 1))
        assert regime.name == face.name
        for lead in regime.leading:
            vals = {
                m: alpha[0] * m[0] + alpha[1] * m[1] + alpha[2] * 2 * m[2] for m in ys[lead.s].terms
            }
            best = max(vals.values())
            assert {pt.term for pt in lead.points} == {m for m, v in vals.items() if v == best}


def test_paper_examples_asym_nu2():
    model = ModelSpec(2, "asym", "identity")
    # NTK initialisation σ² ≍ 1/√(pH) with H/p → ∞ (p ≍ a, H ≍ a², σ² ≍ a^{−3/2})
    ntk = classify_scaling(model, 1, 2, "-3/4")
    assert (ntk.name, ntk.face.interpretation, ntk.face.learning) == ("B-C", "NTK", "Lazy")
    assert format_monomial(ntk.face.natural_t) == "H σ^2"  # "T ≍ Hσ² is natural for ν = 2"
    # at large s only B and C lead: s_R ∈ {0, 2}
    assert {pt.s_r for pt in ntk.leading[-1].points} == {0, 2}
    # smaller initialisation, still H σ^ν → ∞: point C, NTK from a zero model
    c = classify_scaling(model, 1, 2, "-7/8")
    assert (c.name, c.face.interpretation) == ("C", "NTK, f(0) ≡ 0")
    assert {pt.s_r for pt in c.leading[-1].points} == {2}
    # mean-field σ² ≍ 1/H with H/p → ∞
    mf = classify_scaling(model, 1, 2, -1)
    assert (mf.name, mf.face.interpretation) == ("C-D", "Mean-field")
    # large initialisation at H ≍ p: free evolution A-B (s_R = 0 throughout)
    free = classify_scaling(model, 1, 1, 1)
    assert (free.name, free.face.interpretation) == ("A-B", "Free evolution")
    assert all(pt.s_r == 0 for lead in free.leading for pt in lead.points)
    # H ≍ p and small σ: D-E, the critically overparameterised small-initialisation regime
    assert classify_scaling(model, 1, 1, -2).name == "D-E"
    # the special joint scaling p ≍ H ≍ σ^{−2}: all Pareto monomials lead — the whole polygon
    whole = classify_scaling(model, 1, 1, "-1/2")
    assert whole.name == "A-B-C-D-E" and whole.face.dimension == 2
    assert len(whole.leading[4].points) == len(pareto_polygon(model, 4).points)
    # at odd s the D-E regime has a single leading term, the coincident vertex D=E
    de = classify_scaling(model, 1, 1, -2, orders=(4, 5))
    assert [x.face for x in de.leading] == ["D-E", "D=E"]


def test_paper_examples_sym():
    nu2 = ModelSpec(2, "sym", "identity")
    # mean-field σ² ≍ 1/H, H/p → ∞ (Edge B-E); σ² ≍ 1/p, p/H → ∞ (Edge E-A, p and H swapped)
    assert classify_scaling(nu2, 1, 2, -1).name == "B-E"
    assert classify_scaling(nu2, 2, 1, -1).name == "E-A"
    # small initialisation: Point E (saddle-to-saddle); no NTK regime exists in SYM
    e = classify_scaling(nu2, 1, 1, -2)
    assert (e.name, e.face.parameterisation) == ("E", "Agnostic")
    assert all(f.learning != "Lazy" for f in regime_table(nu2))
    nu4 = ModelSpec(4, "sym", "identity")
    # balanced H ≍ p^{ν/2} with huge σ: free evolution
    assert classify_scaling(nu4, 1, 2, 1).face.interpretation == "Free evolution"
    assert classify_scaling(nu4, 1, 3, -1).name == "B-E"  # p²H²σ⁸ = a^{2+6−8} ≍ 1


def test_zero_target_regimes():
    model = ModelSpec(4, "sym", "zero")
    assert [f.name for f in regime_table(model)] == ["A", "B", "A-B"]
    r = classify_scaling(model, 1, 2, 0)  # H ≍ p^{ν/2}
    assert (r.name, r.face.interpretation, r.face.learning) == ("A-B", "Free evolution", "No")
    assert classify_scaling(model, 1, 3, 0).name == "B"
    assert classify_scaling(model, 1, 1, 5).name == "A"
    assert classify_scaling(ModelSpec(3, "asym", "zero"), 1, 2, -1).name == "A-B"


def test_classify_params_exact_families_match_classify_scaling():
    """A member ``p = 2^{12}, H = 2^{12α_H}, σ² = 2^{24α_σ}`` of an exact power family with
    tolerance 0 is classified exactly as the family (ties are exact)."""
    for nu, symmetry in [(2, "asym"), (3, "asym"), (4, "sym")]:
        model = ModelSpec(nu, symmetry, "identity")
        for face in regime_table(model):
            alpha = face.witness
            # scale α so that 12α_H and 24α_σ are integers (α_p stays the unit)
            den = 1
            for a in alpha:
                den = max(den, a.denominator)
            if den > 6:
                continue
            p, H, s2 = 2**12, Fraction(2) ** (12 * alpha[1]), Fraction(2) ** (24 * alpha[2])
            assert classify_params(model, p, H, s2, tolerance=0).name == face.name
        # and the grid, which lands on the faces' lines exactly
        for alpha in list(_grid(nu))[::37]:
            if (12 * alpha[1]).denominator == 1 and (24 * alpha[2]).denominator == 1:
                p, H, s2 = 2**12, 2 ** int(12 * alpha[1]), Fraction(2) ** int(24 * alpha[2])
                assert classify_params(model, p, H, s2, tolerance=0).name == (
                    classify_scaling(model, *alpha, orders=()).name
                )


def test_classify_params_tolerance():
    model = ModelSpec(2, "asym", "identity")
    # p = 100, H = 10⁴, σ² = 3·10⁻⁴: Hσ² = 3 is "≍ 1" within a^{1/4} = 10 (a = max(p, H))
    r = classify_params(model, 100, 10**4, "3/10000")
    assert r.name == "C-D" and r.face.interpretation == "Mean-field"
    assert any(d["condition"] == "H σ^2 ≍ 1" for d in r.decisions)
    assert r.alpha_estimate[0] == pytest.approx(0.5)
    assert r.natural_t_value == pytest.approx(1.0)  # T ≍ σ^{ν−2} = 1 for ν = 2
    # exactly: Hσ² = 3 > 1 and pHσ⁴ = 0.09 < 1 — Point C
    assert classify_params(model, 100, 10**4, "3/10000", tolerance=0).name == "C"
    # an exact tie without tolerance: Hσ² = 1
    assert classify_params(model, 100, 10**4, "1/10000", tolerance=0).name == "C-D"
    # NTK: p = 50, H = 5000, σ² = 1/√(pH) = 1/500 (given as a float)
    ntk = classify_params(model, 50, 5000, 0.002)
    assert ntk.name == "B-C"
    assert ntk.natural_t_value == pytest.approx(5000 * 0.002)  # T ≍ Hσ²
    # balanced, huge initialisation; underparameterised critical initialisation
    assert classify_params(model, 100, 100, 1).name == "A-B"
    assert classify_params(model, 1000, 10, "1/1000").name == "E-A"
    data = ntk.to_dict()
    json.dumps(data, ensure_ascii=False)
    assert data["face"] == "B-C" and data["vertices"] == ["B", "C"]
    assert data["params"] == {"p": "50", "H": "5000", "sigma2": "1/500"}


def test_to_dict_of_a_scaling_regime():
    r = classify_scaling(ModelSpec(3, "asym", "identity"), "1", 3, "-11/12", orders=(4, 5))
    data = json.loads(json.dumps(r.to_dict(), ensure_ascii=False))
    assert data["face"] == "C"  # p²Hσ⁶ = a^{2+3−11/2} → 0, Hσ³ = a^{3−11/4} → ∞
    assert data["scaling"] == {"alpha_p": "1", "alpha_H": "3", "alpha_sigma": "-11/12"}
    assert data["natural_T"]["text"] == "H σ^4"
    assert [x["s"] for x in data["leading_terms"]] == [4, 5]
    assert data["leading_terms"][0]["terms"] == [
        {"p": 1, "H": 4, "sigma2": 8, "s_D": 3, "s_R": 2, "sign": 1}
    ]


def test_errors():
    asym = ModelSpec(2, "asym", "identity")
    with pytest.raises(SpecError) as err:
        classify_scaling(asym, 0, 1, 0)
    assert err.value.field == "scaling.alpha_p"
    with pytest.raises(SpecError) as err:
        classify_scaling(asym, 1, "-1/2", 0)
    assert err.value.field == "scaling.alpha_H"
    for bad in ("2**3", "1/0", "__import__('os')", "nan", True, float("inf"), None, "1e99999"):
        with pytest.raises(SpecError):
            parse_exact(bad, "scaling.alpha_sigma")
    assert parse_exact("1e-3", "x") == Fraction(1, 1000)
    assert parse_exact(" 7/-1 ".replace("-", ""), "x") == 7
    with pytest.raises(SpecError) as err:
        classify_params(asym, 10, 10, 0)
    assert err.value.field == "params.sigma2"
    with pytest.raises(SpecError) as err:
        classify_params(asym, 1, 1, 1)
    assert err.value.field == "params"
    with pytest.raises(SpecError) as err:
        classify_params(asym, 10, 10, 1, tolerance=2)
    assert err.value.field == "tolerance"
    for target in ("identity", "zero"):
        with pytest.raises(NotApplicable) as na:
            classify_scaling(ModelSpec(3, "sym", target), 1, 1, 0)
        assert na.value.field == "model.nu"
        with pytest.raises(NotApplicable):
            classify_params(ModelSpec(5, "sym", target), 10, 10, 1)
        with pytest.raises(NotApplicable):
            regime_table(ModelSpec(3, "sym", target))
    assert generic_order(asym) == 4


def test_pareto_summary():
    from diagrams.regimes import pareto_summary

    d = pareto_summary(ModelSpec(2, "asym", "identity"), 0, 5, verify=True)
    json.dumps(d, ensure_ascii=False)
    assert d["theorem41_applies"] and d["verified_against_series"]
    assert [p["shape"] for p in d["polygons"]] == [
        "point",
        "triangle",
        "quadrangle",  # s = 2: C and D coincide
        "quadrangle",
        "pentagon",
        "quadrangle",
    ]
    assert [r["name"] for r in d["regimes"]][:4] == ["A", "A-B", "B", "B-C"]
    odd = pareto_summary(ModelSpec(3, "sym", "identity"), 1, 2)
    assert not odd["theorem41_applies"] and odd["regimes"] == []
    assert "does not cover SYM with odd" in odd["note"]
    assert [p["dimension"] for p in odd["polygons"]] == [2, 3]
    with pytest.raises(SpecError):
        pareto_summary(ModelSpec(2, "asym", "identity"), 3, 2)
