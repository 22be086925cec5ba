"""Leading-order mode (diagrams.leading): exact Pareto-optimal terms of Y_s without the full
polynomial, checked against the exact mode, against the paper's closed forms beyond the exact
mode's reach, and its bound (diagrams.leading_bound) against brute force."""

from __future__ import annotations

import random
from fractions import Fraction
from itertools import product
from math import comb

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diagrams import ModelSpec, Poly, leading_sym, series
from diagrams.errors import Cancelled, SpecError
from diagrams.leading import LeadingEngine, leading_coefficient, leading_series, pareto_terms
from diagrams.leading_bound import ContractionBound, GroupingSearch, weight_constant
from diagrams.pareto import theorem41_terms
from diagrams.series import exact_coefficient

# (model, largest s checked against the exact mode): every s the exact mode does in a few
# seconds on the project machine.
AGAINST_EXACT = [
    (ModelSpec(2, "sym", "identity"), 12),
    (ModelSpec(2, "sym", "zero"), 12),
    (ModelSpec(4, "sym", "identity"), 3),
    (ModelSpec(4, "sym", "zero"), 3),
    (ModelSpec(2, "asym", "identity"), 9),
    (ModelSpec(2, "asym", "zero"), 11),
    (ModelSpec(3, "asym", "identity"), 4),
    (ModelSpec(3, "asym", "zero"), 5),
    (ModelSpec(4, "asym", "identity"), 4),
    (ModelSpec(4, "asym", "zero"), 4),
]


@pytest.mark.slow
@pytest.mark.parametrize("model, s_max", AGAINST_EXACT, ids=[str(m) for m, _ in AGAINST_EXACT])
def test_leading_equals_pareto_terms_of_exact_mode(model, s_max):
    """The whole point: the leading mode returns exactly the Pareto-optimal terms (with their
    coefficients) of the exact Y_s, for every s both modes compute."""
    got = LeadingEngine(model)
    got.run(s_max)
    for s in range(s_max + 1):
        want = pareto_terms(exact_coefficient(model, s))
        assert got.results[s] == want, (model, s)


STRUCTURAL_AGAINST_EXACT = [(m, s) for m, s in AGAINST_EXACT if m.sym]


@pytest.mark.parametrize(
    "model, s_max", STRUCTURAL_AGAINST_EXACT, ids=[str(m) for m, _ in STRUCTURAL_AGAINST_EXACT]
)
def test_structural_recursions_equal_pareto_terms_of_exact_mode(model, s_max):
    """SYM with even ν: the bundle branching (ν ≥ 4) and cycle (ν = 2) recursions of
    diagrams.leading_sym give the exact mode's Pareto terms."""
    ys = leading_sym.leading_series_sym(model, s_max)
    for s in range(s_max + 1):
        assert ys[s] == pareto_terms(exact_coefficient(model, s)), (model, s)


# Beyond the exact mode: the general sequential process is the independent check.
STRUCTURAL_AGAINST_SEQUENTIAL = [
    (ModelSpec(2, "sym", "identity"), 14),
    (ModelSpec(4, "sym", "identity"), 4),
    (ModelSpec(4, "sym", "zero"), 5),
    (ModelSpec(6, "sym", "identity"), 2),
    (ModelSpec(6, "sym", "zero"), 3),
    (ModelSpec(8, "sym", "zero"), 2),
]


@pytest.mark.slow
@pytest.mark.parametrize(
    "model, s_max",
    STRUCTURAL_AGAINST_SEQUENTIAL,
    ids=[str(m) for m, _ in STRUCTURAL_AGAINST_SEQUENTIAL],
)
def test_structural_recursions_equal_the_sequential_process(model, s_max):
    """The structural recursion rests on the appendix's case analysis (no third-class ``k'``
    for ν ≥ 4, trailing R merges only grow bundles); the sequential process assumes none of
    it and must agree term by term."""
    sequential = LeadingEngine(model)
    sequential.run(s_max)
    fast = leading_sym.leading_series_sym(model, s_max)
    for s in range(s_max + 1):
        assert fast[s] == sequential.results[s], (model, s)


def test_structural_recursion_equals_the_characteristic_odes_taylor_series():
    """Appendix "SYM even-ν ≥ 4": the Taylor series of its characteristic ODEs
    ż_m = 4m(z_{m+2} − θ z_2³ z_m) (computed in diagrams.limits.taylor, not from the engine) has
    exactly the leading terms of the bundle branching recursion (SYM ν=4, identity)."""
    from diagrams.limits import taylor

    s_max = 10
    model = ModelSpec(4, "sym", "identity")
    odes = taylor.sym_nu4_identity(s_max)
    fast = leading_sym.leading_series_sym(model, s_max)
    for s in range(s_max + 1):
        assert pareto_terms(odes[s]) == fast[s], s


def test_auto_method_uses_the_structural_recursion_for_sym_even_nu():
    model = ModelSpec(4, "sym", "identity")
    assert leading_series(model, 3) == leading_sym.leading_series_sym(model, 3)
    assert leading_series(model, 2, method="sequential") == leading_series(model, 2)
    with pytest.raises(SpecError) as err:
        leading_series(model, 2, method="closed")
    assert err.value.field == "method"


@pytest.mark.parametrize(
    "model, s_max",
    [(ModelSpec(2, "asym", "identity"), 7), (ModelSpec(3, "asym", "zero"), 4)],
    ids=str,
)
def test_auto_method_for_asym_is_the_exact_front_and_agrees_with_the_pruned_process(model, s_max):
    from diagrams.sequential import sequential_series

    auto = leading_series(model, s_max)
    assert auto == [pareto_terms(y) for y in sequential_series(model, s_max)]
    assert auto == leading_series(model, s_max, method="sequential")


@pytest.mark.parametrize("nu", [4, 6])
def test_free_sym_even_nu_general_recurrence_at_large_order(nu):
    """Proposition of Appendix "General free evolutions for SYM with even ν ≥ 4":
    C_{ns} = 2ν(2(ν−1)s+2)[(ν−1)!! C_{n−1,s−1} + C_{n,s−1}], C_{10} = 1, C_{20} = (ν−1)!!, with
    (−1)^s C_{ns}/2^{s+1} the leading coefficient at n; checked up to s = 30."""
    s_max = 30
    ys = leading_series(ModelSpec(nu, "sym", "zero"), s_max)
    df = leading_sym.double_factorial(nu - 1)
    prev = {1: 1, 2: df}
    for s, y in enumerate(ys):
        got = {n: c * (-1) ** s * 2 ** (s + 1) for (_, n, _), c in y.terms.items()}
        if s:
            want = {
                n: 2 * nu * (2 * (nu - 1) * s + 2) * (df * prev.get(n - 1, 0) + prev.get(n, 0))
                for n in range(1, s + 3)
            }
            assert got == want, s
            prev = want
        else:
            assert got == prev


def test_series_leading_mode_matches_leading_coefficient():
    model = ModelSpec(3, "asym", "identity")
    res = series(model, 3, mode="leading")
    assert res.mode == "leading"
    assert res.coefficients == [leading_coefficient(model, s) for s in range(4)]
    assert res.coefficients == leading_series(model, 3)


@pytest.mark.parametrize(
    "model, s_max",
    [
        (ModelSpec(2, "sym", "identity"), 16),
        (ModelSpec(2, "asym", "identity"), 9),
        (ModelSpec(3, "asym", "zero"), 5),
        (ModelSpec(4, "sym", "zero"), 4),
        (ModelSpec(2, "sym", "identity"), 30),
        (ModelSpec(4, "sym", "identity"), 30),
        (ModelSpec(6, "sym", "identity"), 25),
    ],
    ids=str,
)
def test_front_is_theorem_4_1_beyond_exact_reach(model, s_max):
    """Theorem 4.1's exponents (with the ASYM exceptions), at orders the exact mode does not
    reach; signs are (−1)^{s_D+1} (all terms of one level share the sign of (−1)^{s+s_R})."""
    ys = leading_series(model, s_max)
    for s, y in enumerate(ys):
        assert sorted(y.terms) == sorted(theorem41_terms(model, s))
        nu = model.nu
        for (_, _, l), coeff in y.terms.items():
            s_d = (2 * l - (nu - 2) * s) // nu - 1
            assert (coeff > 0) == (s_d % 2 == 1), (s, l, coeff)


def _narayana(m: int, n: int) -> int:
    return comb(m, n) * comb(m, n - 1) // m


def test_sym_nu2_leading_terms_are_narayana_times_cycle_multiplicities():
    """Appendix "SYM ν=2": E[(½D_4 − R_2)^{⋆(s+1)}] ~ Σ M_{s,s_D} N_{s_D+1,n} p^{s_D+2−n} H^n
    σ^{2(s_D+1)} with M_{0,0} = −1, M_{0,1} = ½, M_{s,s_D} = −4(s_D+1)M_{s−1,s_D} +
    4 s_D M_{s−1,s_D−1}; with Y_s = (−1)^s E[…] this fixes the sign of every leading term."""
    s_max = 18
    ys = leading_series(ModelSpec(2, "sym", "identity"), s_max, method="sequential")
    m = {(0, 0): Fraction(-1), (0, 1): Fraction(1, 2)}
    for s in range(1, s_max + 1):
        for sd in range(s + 2):
            m[(s, sd)] = -4 * (sd + 1) * m.get((s - 1, sd), 0) + 4 * sd * m.get((s - 1, sd - 1), 0)
    for s, y in enumerate(ys):
        want = {
            (sd + 2 - n, n, sd + 1): (-1) ** s * m[(s, sd)] * _narayana(sd + 1, n)
            for sd in range(s + 2)
            for n in range(1, sd + 2)
        }
        assert y.terms == want, s


@pytest.mark.parametrize(
    "model, s_max",
    [
        (ModelSpec(2, "sym", "zero"), 18),
        (ModelSpec(4, "sym", "zero"), 4),
        (ModelSpec(2, "asym", "zero"), 9),
        (ModelSpec(3, "asym", "zero"), 5),
        (ModelSpec(4, "asym", "zero"), 4),
    ],
    ids=str,
)
def test_free_evolution_flower_and_overparameterised_recurrences(model, s_max):
    """Appendix "Underparameterized/Overparameterized free evolutions". With F_s the n = 1
    coefficient of E[D^{⋆(s+1)}] = (−2)^s·2·Y_s: F_s = 4(1+(ν−1)s)F_{s−1} (ASYM; ×ν in SYM
    even ν), F_0 = 1. The largest-n term: ASYM n = s+1 with coefficient (4ν)^s; SYM n = s+2 with
    G_s = 4ν(ν−1)!!(1+(ν−1)s)G_{s−1}, G_0 = (ν−1)!!."""
    nu = model.nu
    ys = leading_series(model, s_max)
    dfact = 1
    for k in range(nu - 1, 0, -2):
        dfact *= k
    flower = Fraction(1)
    over = Fraction(dfact) if model.sym else Fraction(1)
    for s, y in enumerate(ys):
        if s:
            flower *= 4 * (1 + (nu - 1) * s) * (nu if model.sym else 1)
            over *= 4 * nu * dfact * (1 + (nu - 1) * s) if model.sym else 4 * nu
        scale = (-1) ** s * 2 ** (s + 1)  # E[D^{⋆(s+1)}] = (−1)^s 2^{s+1} Y_s
        by_n = {n: c * scale for (_, n, _), c in y.terms.items()}
        assert by_n[1] == flower, s
        top = s + 2 if model.sym else s + 1
        if s or model.sym:
            assert max(by_n) == top
            assert by_n[top] == over, s


def test_sym_odd_nu_falls_back_to_the_exact_front():
    """SYM with odd ν is outside Theorem 4.1: the mode keeps the Pareto terms of the exact Y_s."""
    model = ModelSpec(3, "sym", "identity")
    for s in range(3):
        assert leading_coefficient(model, s) == pareto_terms(exact_coefficient(model, s))


def test_orders_at_or_below_a_computed_horizon_are_cached():
    model = ModelSpec(2, "asym", "zero")
    high = leading_coefficient(model, 6)
    calls = []
    assert (
        leading_coefficient(model, 4, lambda f, m: calls.append(f)) == leading_series(model, 4)[4]
    )
    assert leading_coefficient(model, 6) == high
    assert calls == []


def test_bad_order_is_rejected():
    model = ModelSpec(2, "sym", "identity")
    for bad in (-1, True, 1.5, "3"):
        with pytest.raises(SpecError) as err:
            leading_coefficient(model, bad)
        assert err.value.field == "s"
    with pytest.raises(SpecError):
        leading_series(model, -2)


def test_progress_is_reported_and_cancellation_stops_the_work():
    seen: list[float] = []
    LeadingEngine(ModelSpec(3, "asym", "zero")).run(3, lambda f, m: seen.append(f))
    assert seen and all(0.0 <= f <= 1.0 for f in seen)

    def stop(fraction: float, message: str) -> None:
        raise Cancelled

    with pytest.raises(Cancelled):
        LeadingEngine(ModelSpec(2, "asym", "identity")).run(5, stop)


# --------------------------------------------------------------------------- the bound


def _random_diagram(rng: random.Random, colours: int, nu: int) -> tuple[int, int, list]:
    n_h, n_p = rng.randint(1, 3), rng.randint(1, 4)
    m = rng.randint(1, 4)
    edges = [(rng.randrange(n_h), rng.randrange(n_p), rng.randrange(colours)) for _ in range(m)]
    # Every node gets an edge (canonical forms and the grouping search drop isolated nodes).
    edges += [(h, rng.randrange(n_p), rng.randrange(colours)) for h in range(n_h)]
    edges += [(rng.randrange(n_h), p, rng.randrange(colours)) for p in range(n_p)]
    # Make the colour parities admissible (even counts per colour, or all odd in ASYM).
    parity = [sum(1 for e in edges if e[2] == j) % 2 for j in range(colours)]
    if colours == 1 or 0 < sum(parity) < colours:
        edges += [(0, 0, j) for j in range(colours) if parity[j]]
    return n_h, n_p, edges


def _pairing_losses(n_h: int, n_p: int, edges: list, c: int):
    """Loss of the contraction induced by every perfect same-colour pairing (brute force)."""

    def pairings(rest: list[int]):
        if not rest:
            yield []
            return
        first = rest[0]
        for j in rest[1:]:
            if edges[first][2] == edges[j][2]:
                for tail in pairings([x for x in rest[1:] if x != j]):
                    yield [(first, j), *tail]

    for pairing in pairings(list(range(len(edges)))):
        parent = {("h", h): ("h", h) for h in range(n_h)} | {("p", p): ("p", p) for p in range(n_p)}

        def find(x, parent=parent):
            while parent[x] != x:
                x = parent[x]
            return x

        for a, b in pairing:
            for kind, k in (("h", 0), ("p", 1)):
                x, y = find((kind, edges[a][k])), find((kind, edges[b][k]))
                if x != y:
                    parent[x] = y
        h_cls = len({find(("h", h)) for h in range(n_h)})
        p_cls = len({find(("p", p)) for p in range(n_p)})
        yield (n_p - p_cls) + c * (n_h - h_cls)


MODELS_BOUND = [ModelSpec(2, "sym"), ModelSpec(4, "sym"), ModelSpec(2, "asym"), ModelSpec(3)]


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 10**6), which=st.integers(0, len(MODELS_BOUND) - 1))
def test_bound_methods_agree_and_lemma_holds(seed, which):
    """L_min by listing contractions = L_min by the grouping search; and the Lemma of
    diagrams.leading: L_min(F⋆D) = L_min(F) + c, L_min(F⋆R) = L_min(F) (≥ is what the proof
    shows; = holds because contracting k' into k always costs exactly c)."""
    model = MODELS_BOUND[which]
    rng = random.Random(seed)
    listing, search = ContractionBound(model), GroupingSearch(model)
    c = weight_constant(model)
    n_h, n_p, edges = _random_diagram(rng, model.colors, model.nu)
    base = listing.minimal_loss(n_h, n_p, edges)
    assert search.value(search.canon(edges)) == base
    h, p, m = edges[rng.randrange(len(edges))]
    rest = [e for e in edges]
    rest.remove((h, p, m))
    colour = (lambda j: 0) if model.sym else (lambda j: j)
    others = [j for j in range(model.nu) if (j != m if not model.sym else j > 0)]
    after_r = rest + [(h, p, colour(j)) for j in others]
    after_d = rest + [(n_h, p, m)]
    for k, j in enumerate(others):
        after_d += [(h, n_p + k, colour(j)), (n_h, n_p + k, colour(j))]
    assert listing.minimal_loss(n_h, n_p, after_r) == base
    assert listing.minimal_loss(n_h + 1, n_p + len(others), after_d) == base + c


@pytest.mark.parametrize("model", MODELS_BOUND, ids=str)
def test_bound_is_below_every_pairing(model):
    """Brute force over all perfect pairings of small diagrams: every pairing loses at least
    L_min; in SYM the best pairing loses exactly L_min (no R atoms are needed to pair)."""
    rng = random.Random(7)
    listing = ContractionBound(model)
    c = weight_constant(model)
    checked = 0
    for _ in range(150):
        n_h, n_p, edges = _random_diagram(rng, model.colors, model.nu)
        if len(edges) % 2 or len(edges) > 10:
            continue
        losses = list(_pairing_losses(n_h, n_p, edges, c))
        if not losses:
            continue
        checked += 1
        bound = listing.minimal_loss(n_h, n_p, edges)
        assert bound <= min(losses)
        if model.sym:
            assert bound == min(losses)
    assert checked > 10


def test_atoms_have_the_potential_of_theorem_4_1():
    """L_min(D) = c and L_min(R) = 0: the initial potential Φ = X + L_min is 0."""
    for model in MODELS_BOUND:
        c = weight_constant(model)
        listing = ContractionBound(model)
        colour = (lambda j: 0) if model.sym else (lambda j: j)
        d = [(h, j, colour(j)) for h, j in product((0, 1), range(model.nu))]
        r = [(0, 0, colour(j)) for j in range(model.nu)]
        assert listing.minimal_loss(2, model.nu, d) == c
        assert listing.minimal_loss(1, 1, r) == 0


def test_pareto_terms_keeps_undominated_monomials():
    y = Poly({(1, 1, 1): 1, (1, 2, 2): 1, (1, 3, 2): 1, (2, 1, 2): 1})
    assert sorted(pareto_terms(y).terms) == [(1, 1, 1), (1, 3, 2), (2, 1, 2)]


def test_leading_cost_estimates():
    """Structural recursions are estimated as cheap at s = 25 and far below the exact mode's
    estimate; the sequential process's estimate grows with s and stays finite."""
    from diagrams.cost import estimate_cost
    from diagrams.leading import estimate_leading_cost

    sym4 = ModelSpec(4, "sym", "identity")
    assert estimate_cost(sym4, 25, "leading").seconds < 1
    assert estimate_cost(sym4, 25, "exact").seconds > 1e3
    asym3 = ModelSpec(3, "asym", "identity")
    times = [estimate_leading_cost(asym3, s).seconds for s in (4, 8, 12, 25)]
    assert times == sorted(times) and times[-1] > 3600
    assert estimate_cost(asym3, 25, "leading") == estimate_leading_cost(asym3, 25)


def test_structural_recursion_reports_progress_and_can_be_cancelled():
    seen = []

    def progress(fraction, message):
        seen.append(fraction)
        if len(seen) == 3:
            raise Cancelled()

    with pytest.raises(Cancelled):
        leading_sym.leading_series_sym(ModelSpec(4, "sym", "identity"), 12, progress)
    assert seen == sorted(seen) and all(0 <= f <= 1 for f in seen)
