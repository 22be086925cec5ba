"""The two independent oracles (brute force in the weights, naive diagram engine) against the
paper's facts and against each other.

Paper references: Section 3 (merging, eq. ``lossstarexp``), Appendix "Loss expansion and diagram
calculus" (``E[D_4]``, ``E[D_6]``, ``E[D_{2ν}]``, the ``D_6⋆D_6`` and ``D_6⋆R_3`` examples).
"""

from __future__ import annotations

import itertools
from collections import Counter
from fractions import Fraction
from functools import cache

import numpy as np
import pytest

from diagrams.errors import SpecError
from diagrams.model import ModelSpec
from diagrams.reference.bruteforce import (
    bruteforce_loss_offset,
    bruteforce_polynomial,
    bruteforce_series,
    loss_polynomial,
)
from diagrams.reference.naive import (
    RawDiagram,
    atoms,
    classify,
    isomorphic,
    naive_expansion,
    naive_series,
    raw_merges,
    wick_expectation,
)

F = Fraction


@cache
def _naive(nu: int, symmetry: str, target: str, s_max: int):
    return naive_series(ModelSpec(nu, symmetry, target), s_max)


def _evaluate(poly: dict[tuple[int, int, int], Fraction], p: int, H: int) -> dict[int, Fraction]:
    """A ``(q, n, l)`` polynomial at integer ``p, H``, as ``{l: coefficient of (σ²)^l}``."""
    out: dict[int, Fraction] = {}
    for (q, n, l), c in poly.items():
        out[l] = out.get(l, F(0)) + c * p**q * H**n
    return {l: c for l, c in sorted(out.items()) if c}


def _d_atom(nu: int, symmetry: str) -> RawDiagram:
    return atoms(ModelSpec(nu, symmetry, "zero"))[0][0]


# --- the paper's facts -----------------------------------------------------------------------


def test_e_d4_sym() -> None:
    """E[D_4] = (p²H + pH² + pH)σ⁴ (SYM): Wick on the diagram and brute force (2·Y_0, zero F)."""
    expected = {(2, 1, 2): 1, (1, 2, 2): 1, (1, 1, 2): 1}
    assert wick_expectation(_d_atom(2, "sym")) == expected
    brute = bruteforce_polynomial(ModelSpec(2, "sym", "zero"), 0)
    assert {k: 2 * v for k, v in brute.items()} == expected


@pytest.mark.parametrize("nu", [2, 3, 4])
def test_e_d2nu_asym(nu: int) -> None:
    """E[D_{2ν}] = p^ν H σ^{2ν} (ASYM): one pairing, which contracts the two H-nodes."""
    expected = {(nu, 1, nu): 1}
    assert wick_expectation(_d_atom(nu, "asym")) == expected
    brute = bruteforce_polynomial(ModelSpec(nu, "asym", "zero"), 0)
    assert {k: 2 * v for k, v in brute.items()} == expected


def test_e_d6_sym() -> None:
    """E[D_6] (SYM ν=3) = (p³ + 6p² + 8p)Hσ⁶ — NOT the paper's (p³ + 5p² + 9p)Hσ⁶.

    Closed form: D_6 = ‖f‖² with f = Σ_k u_k^{⊗3}; cross terms k ≠ k' are odd in u_k, so
    E[D_6] = H·E[‖u‖⁶] = H·p(p+2)(p+4)σ⁶ (third moment of σ²χ²_p). Both sum to 15 pairings at
    p = 1, but at p = 2, H = 1: E[(a² + b²)³] = 15 + 9 + 9 + 15 = 48 = 2³ + 6·2² + 8·2, while
    2³ + 5·2² + 9·2 = 46. The appendix formula is a typo.
    """
    expected = {(3, 1, 3): 1, (2, 1, 3): 6, (1, 1, 3): 8}
    assert wick_expectation(_d_atom(3, "sym")) == expected
    brute = bruteforce_polynomial(ModelSpec(3, "sym", "zero"), 0)
    assert {k: 2 * v for k, v in brute.items()} == expected
    assert bruteforce_series(ModelSpec(3, "sym", "zero"), 2, 1, 0) == [{3: F(48, 2)}]
    paper = {(3, 1, 3): 1, (2, 1, 3): 5, (1, 1, 3): 9}
    assert sum(paper.values()) == sum(expected.values()) == 15  # same number of pairings
    assert _evaluate(paper, 2, 1) != _evaluate(expected, 2, 1)


def test_y0_sym_nu2_identity() -> None:
    """Y_0 = ½σ⁴(p²H + pH² + pH) − pHσ² (SYM ν=2, identity target; offset p/2 excluded)."""
    half = F(1, 2)
    expected = {(1, 1, 1): F(-1), (1, 1, 2): half, (1, 2, 2): half, (2, 1, 2): half}
    model = ModelSpec(2, "sym", "identity")
    assert _naive(2, "sym", "identity", 0)[0] == expected
    assert bruteforce_polynomial(model, 0) == expected
    assert bruteforce_series(model, 2, 3, 0) == [{1: F(-6), 2: F(18)}]


@pytest.mark.parametrize("symmetry", ["sym", "asym"])
@pytest.mark.parametrize("nu", [2, 3, 4])
def test_loss_offset(nu: int, symmetry: str) -> None:
    """½‖F‖² = p/2 for the identity target and 0 for the zero target."""
    for p in (1, 2, 3):
        assert bruteforce_loss_offset(ModelSpec(nu, symmetry, "identity"), p) == F(p, 2)
        assert bruteforce_loss_offset(ModelSpec(nu, symmetry, "zero"), p) == 0


def test_d6_star_d6_appendix_example() -> None:
    """ASYM ν=3: D_6⋆D_6 = 4·(L6⋆L6) + 8 recoloured, i.e. 12 raw merges in 3 classes of 4."""
    d6 = _d_atom(3, "asym")
    merges = list(raw_merges(d6, d6))
    assert len(merges) == 12
    for g in merges:
        assert (g.n_h, g.n_p, len(g.edges)) == (3, 5, 10)
    classes = classify(merges)
    assert sorted(mult for _, mult in classes) == [4, 4, 4]
    # The three classes are recolourings of one another: equal once colours are forgotten.
    plain = [RawDiagram(g.n_h, g.n_p, tuple((h, q, 0) for h, q, _ in g.edges)) for g, _ in classes]
    assert all(isomorphic(plain[0], other) for other in plain[1:])


def test_d6_star_r3_appendix_example() -> None:
    """ASYM ν=3: D_6⋆R_3 = 2·(L6⋆L3) + 4 recoloured, i.e. 6 raw merges in 3 classes of 2."""
    (d6, _, _, _), (r3, _, _, _) = atoms(ModelSpec(3, "asym", "identity"))
    merges = list(raw_merges(d6, r3))
    assert len(merges) == 6
    for g in merges:
        assert (g.n_h, g.n_p, len(g.edges)) == (2, 3, 7)
    classes = classify(merges)
    assert sorted(mult for _, mult in classes) == [2, 2, 2]
    plain = [RawDiagram(g.n_h, g.n_p, tuple((h, q, 0) for h, q, _ in g.edges)) for g, _ in classes]
    assert all(isomorphic(plain[0], other) for other in plain[1:])


# --- hand-computed brute-force values (no diagrams at all) -----------------------------------


def test_bruteforce_by_hand_sym_nu2_single_weight() -> None:
    """p=H=1 SYM ν=2: L = ½(u²−1)², dL/dt = −L′², d²L/dt² = 2L′²L″ (T = 1)."""
    series = bruteforce_series(ModelSpec(2, "sym", "identity"), 1, 1, 2)
    assert series[0] == {1: F(-1), 2: F(3, 2)}  # E[½u⁴ − u²]
    assert series[1] == {1: F(-4), 2: F(24), 3: F(-60)}  # −4E[u⁶ − 2u⁴ + u²]
    # 2L′²L″ = 16u²(u² − 1)²(3u² − 1) = 48u⁸ − 112u⁶ + 80u⁴ − 16u².
    assert series[2] == {1: F(-16), 2: F(240), 3: F(-1680), 4: F(5040)}


def test_bruteforce_by_hand_asym_nu2_two_weights() -> None:
    """p=H=1 ASYM ν=2: L = ½(ab−1)², dL/dt = −(a² + b²)(ab − 1)²."""
    series = bruteforce_series(ModelSpec(2, "asym", "identity"), 1, 1, 1)
    assert series[0] == {2: F(1, 2)}  # E[½a²b² − ab]
    assert series[1] == {1: F(-2), 3: F(-6)}  # −E[a⁴b² + a²b⁴ + a² + b² − …]


@pytest.mark.parametrize(
    ("nu", "symmetry", "p", "H"), [(2, "sym", 3, 2), (3, "asym", 2, 2), (4, "sym", 2, 3)]
)
def test_loss_polynomial_matches_tensor_loss(nu: int, symmetry: str, p: int, H: int) -> None:
    """The weight polynomial equals ½‖f − F‖² computed from the CP tensor at random weights."""
    model = ModelSpec(nu, symmetry, "identity")
    poly = loss_polynomial(model, p, H)
    rng = np.random.default_rng(7)
    colors = model.colors
    u = rng.normal(size=(colors, H, p))
    factors = [u[0 if model.sym else m] for m in range(nu)]
    f = np.zeros((p,) * nu)
    for k in range(H):
        term = factors[0][k]
        for m in range(1, nu):
            term = np.multiply.outer(term, factors[m][k])
        f += term
    target = np.zeros((p,) * nu)
    for i in range(p):
        target[(i,) * nu] = 1.0
    direct = 0.5 * np.sum((f - target) ** 2)
    flat = u.reshape(-1)
    value = sum(float(c) * np.prod(flat ** np.array(e)) for e, c in poly.items())
    assert value == pytest.approx(direct, rel=1e-12)


# --- the naive engine on its own -------------------------------------------------------------


def _raw_mass(model: ModelSpec, s: int) -> Fraction:
    """Σ over all raw merge sequences of the product of atom coefficients, counted from the
    per-colour edge numbers alone (a merge over colour m has e_m·a_m choices)."""
    xs = [(Counter(c for _, _, c in g.edges), coeff) for g, coeff, _, _ in atoms(model)]
    level: Counter = Counter()
    for counts, coeff in xs:
        level[tuple(sorted(counts.items()))] += coeff
    for _ in range(s):
        nxt: Counter = Counter()
        for key, weight in level.items():
            counts = dict(key)
            for atom_counts, coeff in xs:
                for m, a in atom_counts.items():
                    ways = counts.get(m, 0) * a
                    if ways:
                        new = Counter(counts)
                        new.update(atom_counts)
                        new[m] -= 2
                        nxt[tuple(sorted((k, v) for k, v in new.items() if v))] += (
                            weight * coeff * ways
                        )
        level = nxt
    return sum(level.values(), F(0))


@pytest.mark.parametrize(
    ("nu", "symmetry", "target", "s"),
    [(2, "sym", "identity", 3), (2, "asym", "identity", 3), (3, "asym", "identity", 2),
     (3, "sym", "zero", 2), (4, "asym", "identity", 1)],
)  # fmt: skip
def test_expansion_keeps_every_raw_merge(nu: int, symmetry: str, target: str, s: int) -> None:
    """Deduplication loses nothing: Σ_G c_G equals the weighted number of raw merges."""
    model = ModelSpec(nu, symmetry, target)
    terms = naive_expansion(model, s)
    assert sum(c for _, c, _, _ in terms) == _raw_mass(model, s)
    for edges, _, s_d, s_r in terms:
        assert s_d + s_r == s + 1
        assert len(edges) == 2 * nu * s_d + nu * s_r - 2 * s  # Section 4 edge count


def _brute_canonical(edges: tuple, n_h: int, n_p: int) -> tuple:
    return min(
        tuple(sorted((ph[h], pp[q], c) for h, q, c in edges))
        for ph in itertools.permutations(range(n_h))
        for pp in itertools.permutations(range(n_p))
    )


@pytest.mark.parametrize(
    ("nu", "symmetry", "s"), [(2, "asym", 2), (2, "sym", 3), (3, "sym", 1), (2, "asym", 1)]
)
def test_expansion_classes_are_distinct(nu: int, symmetry: str, s: int) -> None:
    """Classes found by WL-hash + VF2 are pairwise non-isomorphic (brute-force canonical form)."""
    terms = naive_expansion(ModelSpec(nu, symmetry, "identity"), s)
    forms = set()
    for edges, _, _, _ in terms:
        n_h = 1 + max(h for h, _, _ in edges)
        n_p = 1 + max(q for _, q, _ in edges)
        forms.add(_brute_canonical(edges, n_h, n_p))
    assert len(forms) == len(terms)


def test_sym_nu2_diagrams_are_cycles() -> None:
    """SYM ν=2: all diagrams are 2-regular and connected (single cycles): s + 2 classes."""
    for s in range(4):
        terms = naive_expansion(ModelSpec(2, "sym", "identity"), s)
        assert len(terms) == s + 2
        assert sorted(len(e) for e, _, _, _ in terms) == [2 * k for k in range(1, s + 3)]


def test_zero_expansion_has_only_d() -> None:
    terms = naive_expansion(ModelSpec(3, "asym", "zero"), 2)
    assert all(s_r == 0 and s_d == 3 for _, _, s_d, s_r in terms)


# --- the two oracles agree -------------------------------------------------------------------

AGREEMENT = [
    # (nu, symmetry, s_max, (p, H) points)
    (2, "sym", 3, [(1, 1), (2, 1), (1, 2), (2, 2), (3, 2), (2, 3), (3, 3)]),
    (2, "asym", 3, [(1, 1), (2, 1), (1, 2), (2, 2), (3, 2), (2, 3)]),
    (3, "asym", 2, [(1, 1), (2, 1), (1, 2), (2, 2), (3, 2), (2, 3)]),
    (3, "sym", 2, [(1, 1), (2, 1), (1, 2), (2, 2), (3, 2), (2, 3), (3, 3)]),
    (4, "sym", 1, [(1, 1), (2, 1), (1, 2), (2, 2), (3, 2), (2, 3), (3, 3)]),
    (4, "asym", 2, [(1, 1), (2, 1), (1, 2), (2, 2)]),
]


@pytest.mark.parametrize("target", ["identity", "zero"])
@pytest.mark.parametrize(("nu", "symmetry", "s_max", "points"), AGREEMENT)
def test_oracles_agree_pointwise(
    nu: int, symmetry: str, target: str, s_max: int, points: list
) -> None:
    """naive_series at integer (p, H) equals bruteforce_series, whole polynomials in σ²."""
    series = _naive(nu, symmetry, target, s_max)
    model = ModelSpec(nu, symmetry, target)
    for p, H in points:
        brute = bruteforce_series(model, p, H, s_max)
        for s in range(s_max + 1):
            assert _evaluate(series[s], p, H) == brute[s], (str(model), p, H, s)


@pytest.mark.parametrize("target", ["identity", "zero"])
@pytest.mark.parametrize(
    ("nu", "symmetry", "s"),
    [(2, "sym", 1), (2, "sym", 2), (2, "sym", 3), (2, "asym", 1), (2, "asym", 2),
     (3, "asym", 1), (3, "sym", 1), (4, "sym", 1)],
)  # fmt: skip
def test_oracles_agree_as_polynomials(nu: int, symmetry: str, target: str, s: int) -> None:
    """The whole Y_s(p, H, σ²), interpolated exactly from brute force, equals naive_series."""
    model = ModelSpec(nu, symmetry, target)
    assert bruteforce_polynomial(model, s) == _naive(nu, symmetry, target, s)[s]


DEEP = [
    (2, "sym", 5, [(2, 2), (3, 2), (2, 3), (3, 3)]),
    (2, "asym", 5, [(2, 2), (3, 2), (2, 3)]),
    (3, "asym", 3, [(2, 2), (2, 1), (1, 2), (3, 1)]),
]


@pytest.mark.slow
@pytest.mark.parametrize("target", ["identity", "zero"])
@pytest.mark.parametrize(("nu", "symmetry", "s_max", "points"), DEEP)
def test_oracles_agree_deeper(
    nu: int, symmetry: str, target: str, s_max: int, points: list
) -> None:
    """As far as the naive engine goes in about a second: SYM/ASYM ν=2 s=5, ASYM ν=3 s=3."""
    series = _naive(nu, symmetry, target, s_max)
    model = ModelSpec(nu, symmetry, target)
    for p, H in points:
        brute = bruteforce_series(model, p, H, s_max)
        for s in range(s_max + 1):
            assert _evaluate(series[s], p, H) == brute[s], (str(model), p, H, s)


# --- input checking --------------------------------------------------------------------------


def test_bad_inputs_name_the_field() -> None:
    model = ModelSpec(2, "sym", "identity")
    with pytest.raises(SpecError) as err:
        bruteforce_series(model, 0, 1, 1)
    assert err.value.field == "p"
    with pytest.raises(SpecError) as err:
        bruteforce_series(model, 1, 1, -1)
    assert err.value.field == "s_max"
    with pytest.raises(SpecError) as err:
        naive_series(model, 1.5)  # type: ignore[arg-type]
    assert err.value.field == "s_max"
    with pytest.raises(SpecError) as err:
        naive_expansion({"nu": 2}, 1)  # type: ignore[arg-type]
    assert err.value.field == "model"


def test_progress_is_reported() -> None:
    seen: list[float] = []
    naive_series(ModelSpec(2, "asym", "identity"), 2, progress=lambda f, msg: seen.append(f))
    assert seen and seen[-1] == 1.0 and all(0.0 <= f <= 1.0 for f in seen)
