"""The solution catalogue: values (against independent high-precision evaluations of the paper's
own formulas), limits and thresholds the paper states, the ν=4 ascent solver against direct
quadrature and ODE integration, default selection and errors. Engine comparisons are in
``test_limits_engine.py``, simulations in ``test_limits_simulation.py``."""

from __future__ import annotations

import json
import math

import mpmath as mp
import numpy as np
import pytest

from diagrams import ModelSpec
from diagrams.errors import NotApplicable, SpecError
from diagrams.limits import taylor
from diagrams.limits.catalogue import SOLUTIONS, Params, theory_loss
from diagrams.limits.derivations import limits_for
from diagrams.limits.nu4 import I_STAR, Nu4Ascent, rho_star_theta
from diagrams.limits.special import F, F_mp, Fprime_mp

SYM2 = {"nu": 2, "symmetry": "sym", "target": "identity"}


# ---------------------------------------------------------------- reference formulas (paper)
def ref_h(w, y):
    """The paper's Narayana g.f., literally (cancels as w → 0: evaluate at high precision)."""
    if w == 0:
        return y
    return (1 - w * (y + 1) - mp.sqrt(1 - 2 * w * (y + 1) + w**2 * (y - 1) ** 2)) / (2 * w**2)


def ref_loss(sid: str, model: ModelSpec, p, H, s2, t, T):
    """eq. loss-narayana & co. as printed in the paper (ntk: the corrected rate), with enough
    digits for the cancellations of the printed forms (e^{4t/T} enters squared)."""
    with mp.workdps(100 + int(4 * abs(t) / T)):
        p, H, s2, t, T = (mp.mpf(v) for v in (p, H, s2, t, T))
        nu = model.nu
        off = p / 2 if model.target == "identity" else 0
        if sid == "sym_nu2" and model.target == "identity":
            x, y, z = -t / T, H / p, p * s2
            w = z * (1 - mp.exp(-4 * x))
            dh = y + y * y if w == 0 else mp.diff(lambda u: ref_h(u, y), w)
            return p / 2 + p**2 * s2 * (z * mp.exp(-8 * x) * dh / 2 - mp.exp(-4 * x) * ref_h(w, y))
        if sid == "sym_nu2":
            y, z = H / p, p * s2
            w = -4 * z * t / T
            dh = y + y * y if w == 0 else mp.diff(lambda u: ref_h(u, y), w)
            return p**3 * s2**2 / 2 * dh
        if sid == "free_underparameterized":
            c = (2 * nu * (nu - 1) if model.sym else 2 * (nu - 1)) * p ** (nu - 1) * s2 ** (nu - 1)
            return off + p**nu * H * s2**nu / 2 * (1 + c * t / T) ** (-mp.mpf(nu) / (nu - 1))
        if sid == "free_general_sym":
            df = taylor.double_factorial(nu - 1)
            th = 1 + df * H / p ** (mp.mpf(nu) / 2)
            c = 2 * nu * (nu - 1) * th * p ** (nu - 1) * s2 ** (nu - 1)
            return off + p**nu * H * s2**nu * th / 2 * (1 + c * t / T) ** (-mp.mpf(nu) / (nu - 1))
        if sid == "ntk":
            return (p + H * p**nu * s2**nu) / 2 * mp.exp(-2 * nu * H * s2 ** (nu - 1) * t / T)
    raise AssertionError(sid)


CASES = [
    ("sym_nu2", SYM2, (512, 256, 1 / 512, 1.0)),
    ("sym_nu2", SYM2, (64, 640, 10 / 64, 1.0)),
    ("sym_nu2", {**SYM2, "target": "zero"}, (100, 30, 0.01, 2.0)),
    (
        "free_underparameterized",
        {"nu": 3, "symmetry": "asym", "target": "zero"},
        (128, 128, 0.05, 1),
    ),
    ("free_underparameterized", {"nu": 4, "symmetry": "sym", "target": "zero"}, (30, 2, 0.1, 3.0)),
    ("free_general_sym", {"nu": 4, "symmetry": "sym", "target": "zero"}, (64, 4096, 0.01, 96.0)),
    ("ntk", {"nu": 3, "symmetry": "asym", "target": "identity"}, (20, 10**6, 1e-3, 1.0)),
]
TIMES = [0.0, 1e-14, 3e-9, 1e-6, 1e-4, 0.01, 0.3, 1.0, 7.5, 100.0]


@pytest.mark.parametrize("sid, model, pars", CASES)
def test_values_exact_to_double_precision(sid, model, pars):
    """theory_loss (stable forms, series near t = 0) vs the paper's formulas at 100 digits,
    including t → 0 where the printed forms cancel catastrophically."""
    p, H, s2, T = pars
    spec = ModelSpec.from_dict(model)
    out = theory_loss(model, {"p": p, "H": H, "sigma2": s2, "T": T}, [x * T for x in TIMES], sid)
    assert out["solution"] == sid
    for t, got in zip(out["t"], out["loss"]):
        ref = ref_loss(sid, spec, p, H, s2, t, T)
        if abs(ref) < 1e-300:
            continue
        assert got is not None
        assert abs(got - float(ref)) <= 2.5e-16 * abs(float(ref)), (t, got, float(ref))


def test_series_and_closed_form_agree_at_the_switch():
    P = Params(200, 50, 0.02, 1.0)
    model = ModelSpec(2, "sym", "identity")
    sol = SOLUTIONS["sym_nu2"]
    cut = 0.125 / sol.rate(model, P)
    for tau in (cut * (1 - 1e-9), cut * (1 + 1e-9)):
        a = sol.series_value(model, P, tau)
        with mp.workdps(40):
            b = float(sol.closed_form(model, *(mp.mpf(v) for v in (P.p, P.H, P.sigma2, tau))))
        assert a == pytest.approx(b, rel=1e-15)


@pytest.mark.parametrize("p, H", [(512, 256), (256, 256), (100, 1000), (50, 49)])
def test_sym_nu2_limit_is_the_best_rank_H_loss(p, H):
    """Section 9: lim_{t→∞} E[L(t)] = max((p − H)/2, 0)."""
    out = theory_loss(SYM2, {"p": p, "H": H, "sigma2": 1.0 / p}, [1e3, 1e5])
    assert out["solution"] == "sym_nu2"
    for v in out["loss"]:
        assert v == pytest.approx(max((p - H) / 2, 0), abs=1e-9 * p)


def test_sym_nu2_ascent_threshold_and_blowup():
    """A finding (docs/paper-notes.md): for t < 0 the ν=2 loss stays finite iff pσ² ≤
    (1+√(H/p))^{−2}, else it blows up where w = pσ²(1 − e^{4t/T}) hits the branch point."""
    p, H = 100, 25
    w_star = 1 / (1 + math.sqrt(H / p)) ** 2
    low = theory_loss(SYM2, {"p": p, "H": H, "sigma2": 0.5 * w_star / p}, [-1.0, -50.0])
    assert low["blowup_time"] is None and all(v is not None for v in low["loss"])
    high = theory_loss(SYM2, {"p": p, "H": H, "sigma2": 2 * w_star / p}, [-0.01, -10.0])
    tb = high["blowup_time"]
    assert tb == pytest.approx(0.25 * math.log(1 - 0.5), rel=1e-14)
    assert high["loss"][0] is not None and high["loss"][1] is None


# ---------------------------------------------------------------------------- ν = 4 ascent
def test_rho_star_is_the_paper_number():
    """eq. nu4-threshold: ρ* = (−16θ∫_0^{−∞}F³)^{−1} = 2.07781/θ."""
    assert rho_star_theta() == pytest.approx(2.07781, abs=5e-6)
    with mp.workdps(30):
        ref = mp.quad(lambda a: F_mp(a) ** 3, [-mp.inf, -10, -1, -0.1, -0.01, 0])
    assert I_STAR == pytest.approx(float(ref), rel=1e-14)
    for theta in (1.0, 1.75, 4.0):
        H = (theta - 1) * 64**2 / 3
        assert Nu4Ascent(64, H, 1e-3).rho_star == pytest.approx(
            2.0778094484725803 / theta, rel=1e-14
        )


def test_F_is_exact_against_its_integral():
    with mp.workdps(30):
        for a in (-1e-7, -5e-4, -2e-3, -0.05, -0.3, -2.0, -1e3):
            ref = mp.quad(lambda u, a=a: mp.exp(4 * a * u * u - u) * u, [0, mp.inf])
            refp = mp.quad(lambda u, a=a: 4 * u**3 * mp.exp(4 * a * u * u - u), [0, mp.inf])
            assert F(a) == pytest.approx(float(ref), rel=1e-15)
            assert float(Fprime_mp(a)) == pytest.approx(float(refp), rel=1e-15)
    with pytest.raises(ValueError):
        F(0.1)


def test_blowup_time_null_in_low_noise_finite_in_high_noise():
    m4 = {"nu": 4, "symmetry": "sym", "target": "identity"}
    p, H = 64, 64
    rs = 2.0778094484725803 / (1 + 3 * H / p**2)
    low = theory_loss(m4, {"p": p, "H": H, "sigma2": math.sqrt(0.5 * rs / p**3)}, [-1e3, 0.0])
    assert low["solution"] == "sym_nu4_ascent" and low["blowup_time"] is None
    assert low["loss"][0] == pytest.approx(p / 2, rel=1e-3)  # → p/2 as t → −∞
    high = theory_loss(m4, {"p": p, "H": H, "sigma2": math.sqrt(2 * rs / p**3), "T": 3.0}, [-1.0])
    tb = high["blowup_time"]
    assert tb is not None and tb < 0
    solver = Nu4Ascent(p, H, math.sqrt(2 * rs / p**3))
    assert tb == pytest.approx(3.0 * solver.tau_crit, rel=1e-15)
    # g ≍ |τ − τ_crit|^{−4/3} near the blow-up
    taus = [solver.tau_crit * (1 - d) for d in (1e-4, 1e-5)]
    vals = [solver.loss(x) - p / 2 for x in taus]
    slope = math.log(vals[1] / vals[0]) / math.log(10)
    assert slope == pytest.approx(4 / 3, abs=0.02)
    assert theory_loss(m4, high["params"], [tb * 1.0001])["loss"] == [None]


def test_nu4_solver_against_direct_quadrature():
    """τ(a) and the loss at a given a by nested adaptive quadrature (scipy ``quad``, F from the
    erfc closed form at 25 digits) — no panels, no continued fraction."""
    from scipy.integrate import quad

    p, H, s2 = 64.0, 300.0, 0.002
    solver = Nu4Ascent(p, H, s2)
    assert not solver.high_noise
    c = 16 * solver.theta * solver.rho

    def f_ref(u):
        with mp.workdps(25):
            return float(F_mp(u))

    def k_ref(u):
        return 1 - c * quad(lambda v: f_ref(v) ** 3, u, 0, epsabs=0, epsrel=1e-13, limit=200)[0]

    a = -0.05
    tau = -quad(lambda u: math.sqrt(k_ref(u)), a, 0, epsabs=0, epsrel=1e-13, limit=200)[0] / s2
    k = k_ref(a)
    y = H / p**2
    with mp.workdps(25):
        z2 = p * s2 * f_ref(a) / math.sqrt(k)
        g = y * solver.theta / 2 * z2**4 - y / 8 * p * s2**2 / k * float(Fprime_mp(a))
    ref = p / 2 + p * p * g
    assert solver.a_of_tau(tau) == pytest.approx(a, rel=1e-12)
    assert solver.loss(tau) == pytest.approx(ref, rel=1e-12)


def test_nu4_first_integral_against_the_second_order_ode():
    """ψ'' = −8θp³σ⁶ψ'⁴F³(σ²ψ), ψ(0)=0, ψ'(0)=1 integrated by scipy back to τ < 0: ψ' equals
    K(σ²ψ)^{−1/2} (the first integral eq. nu4firstint)."""
    from scipy.integrate import solve_ivp

    p, H, s2 = 32.0, 100.0, 0.005
    solver = Nu4Ascent(p, H, s2)
    assert not solver.high_noise
    c = 8 * solver.theta * p**3 * s2**3

    def rhs(t, u):
        return [u[1], -c * u[1] ** 4 * F(min(s2 * u[0], 0.0)) ** 3]

    sol = solve_ivp(rhs, (0, -2.0), [0.0, 1.0], rtol=1e-12, atol=1e-14, dense_output=True)
    for tau in (-0.1, -0.7, -2.0):
        psi, dpsi = sol.sol(tau)
        assert solver.a_of_tau(tau) == pytest.approx(s2 * psi, rel=1e-9)
        assert solver.K(s2 * psi) ** -0.5 == pytest.approx(dpsi, rel=1e-9)


def test_nu4_closed_form_has_the_characteristic_series_as_asymptotics():
    """The Borel-summed closed form vs the optimally truncated Taylor series of the
    characteristic ODEs (exact coefficients) at small τ < 0."""
    p, H, s2 = 16.0, 40.0, 0.01
    solver = Nu4Ascent(p, H, s2)
    ys = taylor.sym_nu4_identity(7)
    for tau in (-1e-3, -3e-3):
        terms = [float(y.evaluate(p, H, s2)) * tau**s / math.factorial(s) for s, y in enumerate(ys)]
        k = min(range(1, len(terms)), key=lambda i: abs(terms[i]))
        approx = p / 2 + sum(terms[:k])
        assert solver.loss(tau) == pytest.approx(approx, rel=max(1e-13, 5 * abs(terms[k] / approx)))


# ---------------------------------------------------------------------------- selection
@pytest.mark.parametrize(
    "model, pars, expected",
    [
        (
            {"nu": 3, "symmetry": "asym", "target": "zero"},
            (32, 32768, 0.01),
            "free_overparameterized",
        ),
        (
            {"nu": 3, "symmetry": "asym", "target": "zero"},
            (128, 128, 0.01),
            "free_underparameterized",
        ),
        ({"nu": 3, "symmetry": "asym", "target": "identity"}, (20, 10**6, 1e-3), "ntk"),
        ({"nu": 4, "symmetry": "sym", "target": "zero"}, (64, 4096, 0.01), "free_general_sym"),
        (SYM2, (512, 1024, 0.01 / 512), "sym_nu2"),
    ],
)
def test_default_solution_follows_the_regime(model, pars, expected):
    p, H, s2 = pars
    out = theory_loss(model, {"p": p, "H": H, "sigma2": s2}, [0.0, 0.5])
    assert out["solution"] == expected and out["in_regime"] is True


def test_not_applicable_says_why():
    with pytest.raises(NotApplicable) as err:
        theory_loss({"nu": 3, "symmetry": "sym"}, {"p": 10, "H": 10, "sigma2": 1}, [0.0])
    assert err.value.field == "model.nu"
    with pytest.raises(NotApplicable) as err:  # ASYM mean-field face C-D
        theory_loss({"nu": 2, "symmetry": "asym"}, {"p": 100, "H": 10**4, "sigma2": 1e-4}, [1.0])
    assert "C-D" in err.value.reason
    with pytest.raises(NotApplicable) as err:  # descent for ν=4 identity in face E
        theory_loss({"nu": 4, "symmetry": "sym"}, {"p": 64, "H": 64, "sigma2": 1e-3}, [1.0])
    assert err.value.field == "params"
    with pytest.raises(NotApplicable) as err:
        theory_loss(
            {"nu": 4, "symmetry": "sym"},
            {"p": 64, "H": 64, "sigma2": 1e-3},
            [1.0],
            "sym_nu4_ascent",
        )
    assert err.value.field == "t[0]"
    with pytest.raises(NotApplicable):
        theory_loss({"nu": 2, "symmetry": "sym"}, {"p": 64, "H": 64, "sigma2": 1e-3}, [1.0], "ntk")


@pytest.mark.parametrize(
    "params, t, field",
    [
        ({"p": -1, "H": 2, "sigma2": 1}, [0.0], "params.p"),
        ({"p": 1, "H": 2}, [0.0], "params.sigma2"),
        ({"p": 1, "H": 2, "sigma2": float("nan")}, [0.0], "params.sigma2"),
        ({"p": 1, "H": 2, "sigma2": 1, "x": 3}, [0.0], "params.x"),
        ({"p": 1, "H": 2, "sigma2": 1}, [0.0, float("inf")], "t[1]"),
        ({"p": 1, "H": 2, "sigma2": 1}, "0", "t"),
    ],
)
def test_bad_input_names_the_field(params, t, field):
    with pytest.raises(SpecError) as err:
        theory_loss(SYM2, params, t, "sym_nu2")
    assert err.value.field == field
    with pytest.raises(SpecError) as err:
        theory_loss(SYM2, {"p": 1, "H": 2, "sigma2": 1}, [0.0], "narayana")
    assert err.value.field == "solution"


def test_output_is_json_ready_and_deterministic():
    args = (SYM2, {"p": 100, "H": 80, "sigma2": 0.05, "T": 2}, [-0.2, 0.0, 0.1, 1.0])
    a, b = theory_loss(*args), theory_loss(*args)
    assert a == b
    assert json.loads(json.dumps(a)) == a
    assert set(a) >= {"t", "loss", "solution", "valid_for", "blowup_time"}


# ---------------------------------------------------------------------------- derivations
@pytest.mark.parametrize(
    "model, sid",
    [
        ((3, "asym", "zero"), "free_underparameterized"),
        ((4, "sym", "zero"), "free_underparameterized"),
        ((3, "asym", "zero"), "free_overparameterized"),
        ((4, "sym", "zero"), "free_overparameterized"),
        ((6, "sym", "zero"), "free_general_sym"),
        ((3, "asym", "identity"), "ntk"),
        ((2, "sym", "identity"), "sym_nu2"),
        ((2, "sym", "zero"), "sym_nu2"),
        ((4, "sym", "identity"), "sym_nu4_ascent"),
    ],
)
def test_derivation_checks_pass(model, sid):
    """Theorem 6.1 reproduces the paper's PDE, the characteristics reproduce the closed form
    (symbolically and numerically), the closed form's Taylor series obeys the recurrence, and
    for ν=2 the residue merge reproduces eq. loss-narayana2."""
    out = limits_for(ModelSpec(*model), sid)
    assert {"recurrence", "pde", "characteristics", "solution", "checks"} <= set(out)
    assert out["pde"]["latex"] and out["solution"]["latex"] and out["solution"]["valid_for"]
    assert out["checks"] and all(c["passed"] for c in out["checks"]), out["checks"]
    assert json.loads(json.dumps(out)) == out


def test_limits_for_faces():
    assert limits_for({"nu": 3, "symmetry": "asym"}, "B-C")["solution_id"] == "ntk"
    assert limits_for({"nu": 2, "symmetry": "sym"}, "E-A")["solution_id"] == "sym_nu2"
    with pytest.raises(NotApplicable):
        limits_for({"nu": 3, "symmetry": "asym"}, "C-D")


def test_ntk_rate_has_the_factor_nu():
    """The paper's (1 − e^{−ηt}) gives Y_1 = −pHσ^{2ν−2} at vertex C; the linearised flow with
    T^{−1}Θ → ηνI gives −νpHσ^{2ν−2} (compared with the engine in test_limits_engine)."""
    for nu in (2, 3, 4):
        y1 = taylor.ntk(ModelSpec(nu, "asym", "identity"), 1)[1]
        assert y1.terms[(1, 1, nu - 1)] == -nu


def test_nu4_loss_sanity_on_a_grid():
    out = theory_loss(
        {"nu": 4, "symmetry": "sym"},
        {"p": 64, "H": 64, "sigma2": 0.002},
        list(-np.logspace(-6, 3, 10)),
    )
    vals = np.array(out["loss"], dtype=float)
    # low noise: E[L] dips below p/2 at t = 0 and rises back to p/2 as t → −∞
    assert np.all(np.isfinite(vals)) and np.all(np.diff(vals) > 0) and vals[-1] < 32
