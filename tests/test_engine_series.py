"""The engine's Y_s against the two independent oracles, and internal consistency."""

from __future__ import annotations

from fractions import Fraction

import pytest

from diagrams import ModelSpec, Poly, expansion, expectation, series
from diagrams.reference.bruteforce import bruteforce_polynomial, bruteforce_series
from diagrams.reference.naive import naive_series

MODELS_VS_NAIVE = [
    (ModelSpec(2, "sym", "identity"), 4),
    (ModelSpec(2, "sym", "zero"), 4),
    (ModelSpec(2, "asym", "identity"), 4),
    (ModelSpec(2, "asym", "zero"), 4),
    (ModelSpec(3, "asym", "identity"), 2),
    (ModelSpec(3, "asym", "zero"), 2),
    (ModelSpec(3, "sym", "identity"), 2),
    (ModelSpec(3, "sym", "zero"), 1),
    (ModelSpec(4, "sym", "identity"), 1),
    (ModelSpec(4, "asym", "identity"), 2),
    (ModelSpec(5, "asym", "identity"), 1),
]


@pytest.mark.parametrize(("model", "s_max"), MODELS_VS_NAIVE, ids=str)
def test_whole_polynomials_equal_the_naive_engine(model, s_max):
    ours = series(model, s_max).coefficients
    theirs = naive_series(model, s_max)
    for s in range(s_max + 1):
        assert ours[s] == Poly(theirs[s]), f"s={s}"


@pytest.mark.parametrize(
    ("model", "s_max"),
    [
        (ModelSpec(2, "sym", "identity"), 3),
        (ModelSpec(2, "asym", "identity"), 2),
        (ModelSpec(2, "asym", "zero"), 2),
        (ModelSpec(3, "sym", "identity"), 1),
        (ModelSpec(3, "asym", "identity"), 1),
    ],
    ids=str,
)
def test_whole_polynomials_equal_brute_force_in_the_weights(model, s_max):
    for s in range(s_max + 1):
        assert series(model, s).coefficients[s] == Poly(bruteforce_polynomial(model, s))


@pytest.mark.parametrize(
    ("model", "p", "H", "s_max"),
    [
        (ModelSpec(2, "sym", "identity"), 2, 2, 3),
        (ModelSpec(2, "asym", "identity"), 2, 2, 3),
        (ModelSpec(3, "asym", "identity"), 2, 1, 3),
        (ModelSpec(3, "asym", "zero"), 1, 2, 3),
        (ModelSpec(4, "sym", "identity"), 1, 2, 2),
        (ModelSpec(4, "asym", "identity"), 1, 1, 2),
        (ModelSpec(3, "sym", "identity"), 2, 1, 2),
    ],
    ids=str,
)
def test_values_at_tiny_sizes_equal_brute_force(model, p, H, s_max):
    ours = series(model, s_max).coefficients
    theirs = bruteforce_series(model, p, H, s_max)
    for s in range(s_max + 1):
        by_l: dict[int, Fraction] = {}
        for (q, n, l), c in ours[s].items():
            by_l[l] = by_l.get(l, Fraction(0)) + c * p**q * H**n
        assert {l: v for l, v in by_l.items() if v} == {l: v for l, v in theirs[s].items() if v}


@pytest.mark.parametrize(
    ("model", "s"),
    [(ModelSpec(3, "asym", "identity"), 3), (ModelSpec(4, "sym", "identity"), 2)],
    ids=str,
)
def test_expansion_times_expectations_gives_the_series(model, s):
    """Σ_G c_G E[G] over the public expansion equals (−1)^s Y_s, also colour by colour."""
    for recoloured in (True, False):
        total = Poly()
        for term in expansion(model, s, up_to_recoloring=recoloured):
            total = total + expectation(term.diagram, model).scale(term.coefficient)
        assert total.scale((-1) ** s) == series(model, s).coefficients[s]


def test_appendix_merge_multiplicities_asym_nu3():
    """D_6⋆D_6 = 4·G + 8 recoloured, D_6⋆R_3 = 2·G' + 4 recoloured (Appendix B examples).

    At s=1, X⋆X with X = ½D − R: a D⋆D class has coefficient ¼·(merges); D⋆R and R⋆D both
    produce the D-R classes, coefficient −½·(merges of D⋆R + merges of R⋆D).
    """
    terms = expansion(ModelSpec(3, "asym", "identity"), 1, up_to_recoloring=False)
    dd = [t for t in terms if t.s_D == 2]
    dr = [t for t in terms if t.s_D == 1 and t.s_R == 1]
    assert len(dd) == 3 and all(t.coefficient * 4 == 4 for t in dd)
    assert len(dr) == 3 and all(-t.coefficient * 2 == 2 + 2 for t in dr)
    assert all((t.diagram.n_h, t.diagram.n_p, t.diagram.num_edges) == (3, 5, 10) for t in dd)
    assert all((t.diagram.n_h, t.diagram.n_p, t.diagram.num_edges) == (2, 3, 7) for t in dr)
    grouped = expansion(ModelSpec(3, "asym", "identity"), 1)
    assert sorted((t.recolorings, str(t.coefficient)) for t in grouped) == [
        (3, "-6"),
        (3, "3"),
        (3, "3"),
    ]


def test_edge_count_rule_and_sign_convention():
    """2l = ν(s_D+1) + (ν−2)s and Y_1 ≈ −4pHσ² + … for SYM ν=2 (−E‖∇R‖² at small σ)."""
    for term in expansion(ModelSpec(3, "asym", "identity"), 3):
        assert term.diagram.num_edges == 3 * (term.s_D + 1) + 3
    y1 = series(ModelSpec(2, "sym", "identity"), 1).coefficients[1]
    assert y1.terms[(1, 1, 1)] == -4


def test_offsets():
    assert series(ModelSpec(2, "sym", "identity"), 0).offset == Poly({(1, 0, 0): Fraction(1, 2)})
    assert series(ModelSpec(3, "asym", "zero"), 0).offset == Poly()


def test_progress_reaches_one_and_cancellation_stops():
    from diagrams import Cancelled

    seen = []
    series(ModelSpec(2, "asym", "identity"), 5, progress=lambda f, m: seen.append(f))
    assert seen[-1] == 1.0 and all(0 <= f <= 1 for f in seen)
    for model in (ModelSpec(2, "sym", "identity"), ModelSpec(6, "asym", "identity")):
        # the class-by-class method: merges then expectations, on one monotone scale
        fractions: list[float] = []
        series(model, 3, progress=lambda f, m, out=fractions: out.append(f))
        assert fractions == sorted(fractions) and fractions[-1] == 1.0, fractions

    def stop(fraction, message):
        raise Cancelled("stop")

    with pytest.raises(Cancelled):
        series(ModelSpec(5, "asym", "identity"), 4, progress=stop)


def test_bad_orders_are_refused_with_the_field():
    from diagrams import SpecError

    for bad in (-1, 1.5, "3", True, 10**6):
        with pytest.raises(SpecError) as err:
            series(ModelSpec(2, "sym"), bad)
        assert err.value.field == "s_max"


def test_cost_estimates_grow_and_never_overflow():
    from diagrams import estimate_cost

    model = ModelSpec(2, "asym", "identity")
    for method in ("classes", "sequential"):
        small, big, huge = (estimate_cost(model, s, method=method) for s in (3, 12, 1000))
        # Absolute seconds depend on what this process has cached already; the ordering not.
        assert small.seconds < big.seconds <= huge.seconds
        assert huge.to_dict()["seconds"] <= 1e15
        assert 0 < small.peak_bytes <= big.peak_bytes <= huge.peak_bytes
        if method == "classes":
            assert huge.classes >= big.classes > small.classes
