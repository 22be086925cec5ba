"""Derivations of the catalogue entries: recurrence → PDE (Theorem 6.1) → characteristics →
closed form, each step computed here and checked (the payload of ``POST /v1/limits``).

For every entry the generating function follows the paper's normalisation (documented in
``generating_function``); the recurrence is the paper's — :mod:`diagrams.limits.discovery`
rediscovers it from the engine's numbers (``tests/test_limits_engine.py``,
``docs/recurrences.md``). The PDE is *computed* from the recurrence by
:func:`diagrams.limits.pde.recurrence_to_pde`, the closed form *computed* by
:class:`diagrams.limits.characteristics.Characteristics`, and ``checks`` compares every computed
object with the paper's and with independent evaluations.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import Any

from diagrams.errors import NotApplicable, SpecError
from diagrams.limits.catalogue import SOLUTIONS, get_solution
from diagrams.limits.characteristics import Characteristics
from diagrams.limits.pde import FirstOrderPDE, recurrence_to_pde
from diagrams.limits.recurrence import Recurrence
from diagrams.limits.taylor import double_factorial
from diagrams.model import ModelSpec
from diagrams.pareto import s_d_of

__all__ = ["GFSpec", "gf_spec", "limits_for", "generate", "FACE_TO_SOLUTION"]


@dataclass(frozen=True)
class GFSpec:
    """A generating function ``h`` of the paper, its recurrence, initial data and known solution.

    ``normalisation`` says how ``C`` is read off the loss coefficients ``Y_s`` (family of
    Pareto terms, sign/power-of-2 and ``1/s!``): ``array_from_leading`` implements it.
    """

    solution: str
    recurrence: Recurrence
    variables: tuple[str, ...]
    initial: str  # h(0, ·), sympy text in the non-time variables
    closed_form: str  # the paper's h, sympy text
    paper_pde: tuple[tuple[str, ...], str]  # (Φ components, φ) as in the paper
    loss_latex: str
    substitution_latex: str
    normalisation: str
    family: str
    scale_base: Fraction  # C = scale_base^s · Y / (s!·scale_const)
    scale_const: Fraction
    include_offset: bool = False


def _rec(indices, coeffs, symbol="C") -> Recurrence:
    return Recurrence.from_natural(indices, coeffs, symbol)


def gf_spec(solution: str, model: ModelSpec) -> GFSpec:
    """The generating-function data of one catalogue entry for ``model``."""
    sol = get_solution(solution)
    sol.check_model(model)
    nu = model.nu
    df = double_factorial(nu - 1)
    e = f"{nu}/{nu - 1}"
    if solution == "free_underparameterized":
        k = 4 * nu if model.sym else 4
        return GFSpec(
            solution,
            _rec(("s",), {(0,): "s", (-1,): f"-{k}*(1 + {nu - 1}*s)"}),
            ("x",),
            "1",
            f"(1 - {k * (nu - 1)}*x)**(-{e})",
            (("1 - " + f"{k * (nu - 1)}*x",), f"{k * nu}"),
            r"\mathbb E[L(t)] \sim \tfrac12\|F\|^2 + \tfrac12 p^{\nu} H \sigma^{2\nu} f(x)",
            r"x = -p^{\nu-1}\sigma^{2(\nu-1)} t/(2T)",
            "C_s = (number of flower pairings in D^{*(s+1)})/s! = 2(-2)^s Y_s[A]/s!",
            "A",
            Fraction(-2),
            Fraction(1, 2),
        )
    if solution == "free_overparameterized":
        if model.sym:
            k = 4 * nu * df
            return GFSpec(
                solution,
                _rec(("s",), {(0,): "s", (-1,): f"-{k}*(1 + {nu - 1}*s)"}),
                ("x",),
                "1",
                f"(1 - {k * (nu - 1)}*x)**(-{e})",
                ((f"1 - {k * (nu - 1)}*x",), f"{k * nu}"),
                r"\mathbb E[L(t)] \sim \tfrac12\|F\|^2 + \tfrac{(\nu-1)!!}{2} p^{\nu/2} H^2"
                r" \sigma^{2\nu} f(x)",
                r"x = -p^{\nu/2-1} H \sigma^{2(\nu-1)} t/(2T)",
                "C_s = 2(-2)^s Y_s[B]/((nu-1)!! s!)",
                "B",
                Fraction(-2),
                Fraction(df, 2),
            )
        return GFSpec(
            solution,
            _rec(("s",), {(0,): "s", (-1,): f"-{4 * nu}"}),
            ("x",),
            "1",
            f"exp({4 * nu}*x)",
            (("1",), f"{4 * nu}"),
            r"\mathbb E[L(t)] \sim \tfrac12\|F\|^2 + \tfrac12 p^{\nu} H \sigma^{2\nu} f(x)",
            r"x = -H \sigma^{2(\nu-1)} t/(2T)",
            "C_s = E[D^{*(s+1)}][B]/s! = 2(-2)^s Y_s[B]/s!",
            "B",
            Fraction(-2),
            Fraction(1, 2),
        )
    if solution == "free_general_sym":
        k = 4 * nu
        return GFSpec(
            solution,
            _rec(
                ("s", "n"),
                {
                    (0, 0): "s",
                    (-1, -1): f"-{k * df}*({nu - 1}*s + 1)",
                    (-1, 0): f"-{k}*({nu - 1}*s + 1)",
                },
            ),
            ("x", "y"),
            f"y + {df}*y**2",
            f"(y + {df}*y**2)*(1 - {k * (nu - 1)}*(1 + {df}*y)*x)**(-{e})",
            ((f"1 - {k * (nu - 1)}*(1 + {df}*y)*x", "0"), f"{k * nu}*(1 + {df}*y)"),
            r"\mathbb E[L(t)] \sim \tfrac12\|F\|^2 + \tfrac12 p^{3\nu/2}\sigma^{2\nu} f(x, y)",
            r"x = -p^{\nu-1}\sigma^{2(\nu-1)} t/(2T),\ y = H/p^{\nu/2}",
            "C_{s,n} = (Pareto pairings of D^{*(s+1)} with n H-nodes)/s! = 2(-2)^s Y_s[A-B, n]/s!",
            "A-B",
            Fraction(-2),
            Fraction(1, 2),
        )
    if solution == "ntk":
        return GFSpec(
            solution,
            _rec(("s",), {(0,): "s", (-1,): f"-{2 * nu}"}),
            ("x",),
            "1",
            f"exp({2 * nu}*x)",
            (("1",), f"{2 * nu}"),
            r"\mathbb E[L(t)] \sim \tfrac12\left(p + H p^{\nu}\sigma^{2\nu}\right) f(x)",
            r"x = -H\sigma^{2(\nu-1)} t/T",
            "C_s = (-1)^s Y_s[C]/(s!/2), Y_0[C] := p/2 = the offset (the same for B with "
            "H p^nu sigma^{2nu}/2)",
            "C",
            Fraction(-1),
            Fraction(1, 2),
            include_offset=True,
        )
    if solution == "sym_nu2":
        if model.target == "identity":
            return GFSpec(
                solution,
                _rec(
                    ("s", "s_D"),
                    {(0, 0): "s", (-1, 0): "4*(s_D + 1)", (-1, -1): "-4*s_D"},
                ),
                ("x", "z"),
                "z/2 - 1",
                "(2*(z - 1)*exp(4*x) - z)/(2*(z - (z - 1)*exp(4*x))**2)",
                (("1", "4*z*(1 - z)"), "4*(z - 1)"),
                r"\mathbb E[L(t)] \sim \tfrac p2 + p^2\sigma^2 \Psi(-t/T, H/p, p\sigma^2),\ "
                r"\Psi(x,y,z) = \tfrac{z e^{-8x}}{2}\partial_1 h(w, y) - e^{-4x} h(w, y),\ "
                r"w = z(1-e^{-4x})",
                r"f(x,z) = \sum_{s,s_D} \tfrac{M_{s,s_D}}{s!} x^s z^{s_D},\ "
                r"\Psi = \tfrac{1}{2\pi i}\oint h(\zeta, y) f(x, z/\zeta)\tfrac{d\zeta}{\zeta}",
                "C_{s,s_D} = M_{s,s_D}/s! = (-1)^s Y_s[n=1, s_D]/s! (Y_s[n, s_D] = "
                "(-1)^s M_{s,s_D} N_{s_D+1,n})",
                "E-A",
                Fraction(-1),
                Fraction(1),
            )
        return GFSpec(
            solution,
            _rec(("s", "s_D"), {(0, 0): "s", (-1, -1): "-4*s_D"}),
            ("x", "z"),
            "z/2",
            "z/(2*(1 - 4*x*z)**2)",
            (("1", "-4*z**2"), "4*z"),
            r"\mathbb E[L(t)] \sim p^2\sigma^2 \Psi(-t/T, H/p, p\sigma^2),\ "
            r"\Psi(x, y, z) = \tfrac z2 \partial_1 h(4xz, y)",
            r"f(x,z) = \sum_{s} \tfrac{M_{s,s+1}}{s!} x^s z^{s+1},\ "
            r"\Psi = \tfrac{1}{2\pi i}\oint h(\zeta, y) f(x, z/\zeta)\tfrac{d\zeta}{\zeta}",
            "C_{s,s_D} = M_{s,s_D}/s! = (-1)^s Y_s[n=1, s_D]/s!",
            "E-A",
            Fraction(-1),
            Fraction(1),
        )
    raise NotApplicable("solution", f"{solution} has no finite-dimensional recurrence/PDE")


def array_from_leading(spec: GFSpec, data: Any):
    """The paper-normalised array ``C = base^s · Y/(s!·const)`` from engine leading coefficients
    (a :class:`~diagrams.limits.families.LeadingData`)."""
    from diagrams.limits.discovery import CoefficientArray
    from diagrams.limits.families import family

    arr = family(data, spec.family, egf=True, include_offset=spec.include_offset)
    values = {k: v * spec.scale_base ** k[0] / spec.scale_const for k, v in arr.values.items() if v}
    return CoefficientArray(arr.indices, values, arr.s_max, "C")


def generate(rec: Recurrence, initial: dict[tuple[int, ...], Fraction], s_max: int) -> dict:
    """Run a recurrence forward in the time index from the ``s = 0`` row.

    Needs the zero shift to be the only shift with time component 0 and its polynomial to be
    non-zero at every generated point.
    """
    from diagrams.limits.recurrence import evaluate_poly

    zero = (0,) * rec.dim
    if any(k[0] == 0 and k != zero for k in rec.shifts):
        raise NotApplicable("recurrence", "implicit in the time index")
    values = {k: Fraction(v) for k, v in initial.items() if v}
    p0 = rec.theorem_poly(zero)
    span = max(1, max(max(abs(c) for c in k[1:]) for k in rec.shifts) if rec.dim > 1 else 1)
    for s in range(1, s_max + 1):
        prev = [k for k in values if k[0] >= s - max(-k2[0] for k2 in rec.shifts)]
        if rec.dim == 1:
            points = [(s,)]
        else:
            lo = [min(k[i] for k in prev) - span for i in range(1, rec.dim)]
            hi = [max(k[i] for k in prev) + span for i in range(1, rec.dim)]
            from itertools import product

            points = [(s, *rest) for rest in product(*(range(a, b + 1) for a, b in zip(lo, hi)))]
        for n in points:
            acc = Fraction(0)
            for k in rec.shifts:
                if k == zero:
                    continue
                m = tuple(a + b for a, b in zip(n, k))
                c = values.get(m)
                if c:
                    acc += c * evaluate_poly(rec.theorem_poly(k), m)
            lead = evaluate_poly(p0, n)
            if lead == 0:
                if acc:
                    raise ArithmeticError(f"recurrence inconsistent at {n}")
                continue
            v = -acc / lead
            if v:
                values[n] = v
    return values


def _sympy_locals(variables):
    import sympy

    syms = sympy.symbols(variables)
    syms = syms if isinstance(syms, tuple) else (syms,)
    return dict(zip(variables, syms)), syms


def _coefficients_of(expr, syms, s_max: int) -> dict[tuple[int, ...], Fraction]:
    """Taylor coefficients of ``expr`` in the time symbol (first) to ``s_max``, polynomial in
    the others."""
    import sympy

    x = syms[0]
    series = sympy.series(expr, x, 0, s_max + 1).removeO()
    out = {}
    for s in range(s_max + 1):
        c = sympy.expand(series.coeff(x, s))
        if len(syms) == 1:
            if c != 0:
                out[(s,)] = Fraction(int(c.p), int(c.q))
            continue
        poly = sympy.Poly(c, *syms[1:])
        for exps, v in poly.terms():
            out[(s, *exps)] = Fraction(int(v.p), int(v.q))
    return {k: v for k, v in out.items() if v}


def _ratio_constant(a, b) -> bool:
    """Whether the first-order PDEs ``a`` and ``b`` agree up to one common factor."""
    import sympy

    pairs = list(zip(a, b))
    ratios = [sympy.simplify(u / v) for u, v in pairs if sympy.simplify(v) != 0]
    zeros_ok = all(sympy.simplify(u) == 0 for u, v in pairs if sympy.simplify(v) == 0)
    if not ratios:
        return zeros_ok
    return zeros_ok and all(sympy.simplify(r - ratios[0]) == 0 for r in ratios)


def _check(name: str, passed: bool | None, detail: str) -> dict[str, Any]:
    """One check of a derivation; ``passed`` is None when the data cannot decide it."""
    return {"name": name, "passed": None if passed is None else bool(passed), "detail": detail}


@lru_cache(maxsize=64)
def _derive(solution: str, model: ModelSpec, engine_s_max: int) -> dict[str, Any]:
    import sympy

    sol = SOLUTIONS[solution]
    if solution == "sym_nu4_ascent":
        return _derive_nu4(model, engine_s_max)
    spec = gf_spec(solution, model)
    local, syms = _sympy_locals(spec.variables)
    pde_general = recurrence_to_pde(spec.recurrence, spec.variables)
    pde = pde_general.first_order()
    ch = Characteristics(pde)
    initial = sympy.sympify(spec.initial, locals=local)
    closed_paper = sympy.sympify(spec.closed_form, locals=local)
    derived = ch.closed_form(initial)
    checks = []
    paper_phi = FirstOrderPDE(
        syms,
        tuple(sympy.sympify(c, locals=local) for c in spec.paper_pde[0]),
        sympy.sympify(spec.paper_pde[1], locals=local),
    )
    checks.append(
        _check(
            "theorem_6_1_pde",
            _ratio_constant((*pde.Phi, pde.phi), (*paper_phi.Phi, paper_phi.phi)),
            f"Theorem 6.1 applied to the recurrence gives {pde.latex('f')}; "
            f"paper: {paper_phi.latex('f')}",
        )
    )
    same = derived is not None and sympy.simplify(derived - closed_paper) == 0
    checks.append(
        _check(
            "characteristics_closed_form",
            same,
            "closed form from the characteristics "
            + ("equals the paper's" if same else f"{derived} vs the paper's {closed_paper}"),
        )
    )
    s_chk = 6
    if len(syms) == 1:
        row0 = {(0,): Fraction(int(initial.p), int(initial.q))}
    else:
        row0 = _coefficients_of(initial, syms, 0)
    gen = generate(spec.recurrence, row0, s_chk)
    taylor_cf = _coefficients_of(closed_paper, syms, s_chk)
    checks.append(
        _check(
            "closed_form_taylor_equals_recurrence",
            gen == taylor_cf,
            f"Taylor coefficients of the closed form through x^{s_chk} vs the recurrence run "
            "from the initial data",
        )
    )
    # numeric characteristics vs closed form at sample points
    pts = _sample_points(spec)
    f0 = sympy.lambdify(syms[1:], initial, "math") if len(syms) > 1 else None

    def init_fn(d, f0=f0, names=spec.variables[1:]):
        return float(f0(*[d[n] for n in names])) if f0 is not None else float(initial)

    numeric = ch.solve_numeric(init_fn, pts)
    exact = [float(closed_paper.subs({s: pt[str(s)] for s in syms})) for pt in pts]
    err = max(abs(a - b) / abs(b) for a, b in zip(numeric, exact))
    checks.append(
        _check(
            "numeric_characteristics",
            err < 1e-8,
            f"scipy integration along characteristics at {len(pts)} points: max relative "
            f"deviation from the closed form {err:.2e}",
        )
    )
    merge = None
    if solution == "sym_nu2":
        merge = _narayana_merge(model, closed_paper, syms)
        checks.append(merge["check"])
    if engine_s_max:
        checks.extend(_engine_checks(solution, model, spec, engine_s_max))
    out = {
        "solution_id": solution,
        "title": sol.title,
        "reference": sol.reference,
        "model": model.to_dict(),
        "faces": list(sol.faces_for(model)),
        "generating_function": {
            "variables": list(spec.variables),
            "normalisation": spec.normalisation,
            "loss_latex": spec.loss_latex,
            "substitution_latex": spec.substitution_latex,
        },
        "recurrence": spec.recurrence.to_dict(),
        "pde": {
            **pde_general.to_dict("f"),
            "first_order": pde.to_dict("f"),
            "theorem": "Theorem 6.1: sum_k x^{-k} P_k(x d/dx) f = 0",
        },
        "characteristics": {**ch.to_dict(), "initial_condition": str(initial)},
        "solution": {
            "latex": f"f = {sympy.latex(closed_paper)}",
            "derived_latex": None if derived is None else f"f = {sympy.latex(derived)}",
            "loss_latex": spec.loss_latex,
            "valid_for": sol.valid_for(model),
        },
        "checks": checks,
    }
    if merge is not None:
        out["merge"] = {k: v for k, v in merge.items() if k != "check"}
    return out


def _sample_points(spec: GFSpec) -> list[dict[str, float]]:
    """Points with ``x < 0`` (``t > 0``: gradient descent), where every entry is regular."""
    names = spec.variables
    xs = (-0.2, -0.05, -0.004)
    if len(names) == 1:
        return [{names[0]: v} for v in xs]
    other = (0.4, 0.15, 0.8) if names[1] == "z" else (0.7, 0.2, 1.5)
    return [{names[0]: a, names[1]: b} for a, b in zip(xs, other)]


def _narayana_merge(model: ModelSpec, f_closed, syms) -> dict[str, Any]:
    """``Ψ = Res_ζ h(ζ, y) f(x, z/ζ)/ζ`` at the pole that vanishes with ``z`` (appendix, "Merging
    the two g.f.'s"), compared with the paper's final formula."""
    import sympy

    x, z = syms
    y, zeta = sympy.symbols("y zeta")
    h = sympy.Function("h")
    integrand = sympy.together(f_closed.subs(z, z / zeta) / zeta)
    num, den = sympy.fraction(sympy.factor(integrand))
    roots = sympy.roots(sympy.Poly(den, zeta))
    pole, mult = None, 0
    for r, m in roots.items():
        if sympy.simplify(r.subs(z, 0)) == 0 and r != 0:
            pole, mult = r, m
    if pole is None:
        return {"check": _check("narayana_merge", False, "no small pole found")}
    g = sympy.cancel(integrand * (zeta - pole) ** mult) * h(zeta, y)
    res = sympy.diff(g, zeta, mult - 1).subs(zeta, pole) / sympy.factorial(mult - 1)
    w = sympy.Symbol("w")
    if model.target == "identity":
        wv = z * (1 - sympy.exp(-4 * x))
        paper = z * sympy.exp(-8 * x) / 2 * sympy.Subs(
            sympy.Derivative(h(w, y), w), w, wv
        ) - sympy.exp(-4 * x) * h(wv, y)
    else:
        wv = 4 * x * z
        paper = z / 2 * sympy.Subs(sympy.Derivative(h(w, y), w), w, wv)
    hh = (1 - w * (y + 1) - sympy.sqrt(1 - 2 * w * (y + 1) + w**2 * (y - 1) ** 2)) / (2 * w**2)
    concrete = sympy.Lambda((w, y), hh)
    diff_expr = (res - paper).doit().replace(h, concrete).doit()
    vals = {x: sympy.Rational(-1, 10), z: sympy.Rational(1, 5), y: sympy.Rational(3, 4)}
    num_diff = abs(complex(sympy.N(diff_expr.subs(vals), 30)))
    ok = sympy.simplify((res - paper).doit()) == 0 or num_diff < 1e-25
    return {
        "pole": str(pole),
        "multiplicity": int(mult),
        "psi_latex": sympy.latex(sympy.simplify(res.doit())),
        "check": _check(
            "narayana_merge",
            ok,
            "residue of h(ζ,y) f(x,z/ζ)/ζ at ζ = " + str(pole) + " equals the paper's Ψ "
            f"(difference at a sample point {num_diff:.1e})",
        ),
    }


def engine_source(model: ModelSpec) -> str:
    """Where the engine checks of a derivation take their coefficients: every ASYM solution of
    the catalogue (families A, B, B+C) lies at the ends of the fronts, which the extreme mode
    computes in time polynomial in ``s``; SYM uses the leading mode (its structural recursion
    for even ν)."""
    return "leading" if model.sym else "extreme"


def engine_check_cost(model: ModelSpec, s_max: int) -> float:
    """Estimated seconds of the engine coefficients a derivation checks against."""
    from diagrams.cost import estimate_cost

    return float(estimate_cost(model, s_max, engine_source(model)).seconds)


def _engine_checks(solution: str, model: ModelSpec, spec: GFSpec, s_max: int) -> list[dict]:
    from diagrams.limits.discovery import find_recurrences
    from diagrams.limits.families import leading_series

    out = []
    data = leading_series(model, s_max, source=engine_source(model))
    source = data.source
    sol = SOLUTIONS[solution]
    pred = sol.taylor(model, s_max)
    fam = sol.family(model)
    ok = True
    for s in range(s_max + 1):
        got = data.coefficients[s].terms
        want = pred[s].terms
        if fam == "A-B":  # the free evolution: the level s_D = s + 1 (no R atom) of the front
            got = {k: v for k, v in got.items() if s_d_of(model, s, k[2]) == s + 1}
        if fam in ("polygon", "A-B") and solution in ("sym_nu2", "free_general_sym"):
            ok = ok and got == want
        else:
            ok = ok and all(got.get(k) == v for k, v in want.items())
    out.append(
        _check(
            "taylor_equals_engine",
            ok,
            f"the closed form's Taylor coefficients Y_0..Y_{s_max} vs the engine ({source})",
        )
    )
    arr = array_from_leading(spec, data)
    viol = spec.recurrence.violations(
        lambda n: arr(n) if n[0] >= 0 else Fraction(0),
        [k for k in _window(arr)],
    )
    out.append(
        _check(
            "recurrence_holds_on_engine_numbers",
            not viol,
            f"the paper's recurrence on the engine's {spec.family} coefficients, s <= {s_max}"
            + ("" if not viol else f": fails at {viol[0][0]}"),
        )
    )
    try:
        disc = find_recurrences(arr, max_degree=3)
        found = disc.primary == spec.recurrence or spec.recurrence in disc.recurrences
        detail = f"discovered {disc.primary.latex()} (fit s <= {disc.s_fit})"
    except NotApplicable as err:  # too few orders to determine a recurrence: undecided
        found, detail = None, f"inconclusive: {err}; raise engine_s_max"
    out.append(_check("recurrence_rediscovered", found, detail))
    return out


def _window(arr):
    from itertools import product

    box = arr.support_box()
    ranges = [range(0, arr.s_max + 1)] + [range(lo - 2, hi + 3) for lo, hi in box[1:]]
    return list(product(*ranges))


def _derive_nu4(model: ModelSpec, engine_s_max: int) -> dict[str, Any]:
    from diagrams.limits.nu4 import I_STAR, rho_star_theta
    from diagrams.limits.taylor import sym_nu4_identity

    sol = SOLUTIONS["sym_nu4_ascent"]
    checks = [
        _check(
            "threshold",
            abs(rho_star_theta() - 2.07781) < 5e-6,
            f"rho* theta = 1/(16 I*) = {rho_star_theta():.10f}, I* = int_(-inf)^0 F^3 = "
            f"{I_STAR:.16f} (paper: 2.07781)",
        )
    ]
    if engine_s_max:
        from diagrams.limits.families import leading_series

        data = leading_series(model, engine_s_max, source="auto")
        pred = sym_nu4_identity(engine_s_max)
        ok = all(data.coefficients[s] == pred[s] for s in range(engine_s_max + 1))
        checks.append(
            _check(
                "characteristic_series_equals_engine",
                ok,
                f"Taylor coefficients of the characteristic ODE solution = all leading terms "
                f"of Y_0..Y_{engine_s_max}",
            )
        )
    return {
        "solution_id": "sym_nu4_ascent",
        "title": sol.title,
        "reference": sol.reference,
        "model": model.to_dict(),
        "faces": list(sol.faces),
        "generating_function": {
            "variables": ["x", "y", "z_2", "z_3", "..."],
            "normalisation": "C_{s,n,r} = M_{s,n,r}/s!, M the coefficient of Pareto-optimal "
            "contracted diagrams with n H-nodes and edge multiplicities r",
            "loss_latex": r"\mathbb E[L(t)] \sim \tfrac p2 + p^{2} g(-t/T, H/p^{2}, "
            r"\mathbf z_{p,\sigma}),\ \mathbf z_{p,\sigma} = (p\sigma^2, 0, 3p\sigma^4, 0, "
            r"15 p\sigma^6, \dots)",
            "substitution_latex": r"y = H/p^2,\ \theta = 1 + 3y",
        },
        "recurrence": {
            "latex": r"sC_{s,n,\mathbf r} = \nu\Big(2(r_2-(\nu-1))+\sum_{m\ge3} m r_m\Big)"
            r"\Big(C_{s-1,n,\mathbf r-(\nu-1)\mathbf e_2}+(\nu-1)!!\,C_{s-1,n-1,\mathbf r-"
            r"(\nu-1)\mathbf e_2}\Big) - \nu\sum_{m\ge\nu}(m-\nu+2)(r_{m-\nu+2}+1)"
            r"C_{s-1,n,\mathbf r-\mathbf e_m+\mathbf e_{m-\nu+2}}",
            "source": "paper (appendix 'SYM even-nu>=4'); its consequence, the series below, "
            "is checked against the engine",
        },
        "pde": {
            "latex": r"\Big(\partial_x + \nu\sum_{m\ge2} m\,(z_{m+\nu-2} - \theta z_2^{\nu-1} "
            r"z_m)\,\partial_{z_m}\Big) g = 0",
            "initial_condition": r"g(0, y, \mathbf z) = y\big(\tfrac{\theta}{2} z_2^{\nu} - "
            r"z_\nu\big)",
        },
        "characteristics": {
            "odes": [r"\dot z_m = 4m\,(z_{m+2} - \theta z_2^3 z_m)", r"\dot x = 1"],
            "first_integrals": [
                r"\dot\psi^{-2} - 16\theta p^3\sigma^4 \int_0^{\sigma^2\psi} F^3 = 1",
            ],
            "borel": r"z_2 = p\sigma^2\phi F(\sigma^2\psi),\ F(a) = \int_0^\infty "
            r"e^{4au^2-u}u\,du,\ \phi = \dot\psi",
        },
        "solution": {
            "latex": r"g = \tfrac{y\theta}{2}\big(p\sigma^2\phi F(\sigma^2\psi)\big)^4 - "
            r"\tfrac y8 p\sigma^4\phi^2 F'(\sigma^2\psi),\ \phi^{-2} = 1 + 16\theta p^3"
            r"\sigma^4\int_0^{\sigma^2\psi}F^3,\ \psi' = \phi",
            "valid_for": sol.valid_for(model),
            "threshold_latex": r"p^3\sigma^4 < \rho^* = \big(-16\theta\int_0^{-\infty}F^3"
            r"\big)^{-1} = 2.0778094/\theta",
        },
        "checks": checks,
    }


FACE_TO_SOLUTION: dict[str, dict[str, str]] = {
    "asym": {
        "A": "free_underparameterized",
        "B": "free_overparameterized",
        "B-C": "ntk",
        "C": "ntk",
    },
    "sym": {
        "A": "free_underparameterized",
        "B": "free_overparameterized",
        "A-B": "free_general_sym",
    },
}


def limits_for(model: ModelSpec | dict, face_or_solution: str, engine_s_max: int = 0) -> dict:
    """The derivation of one catalogue entry (by id) or of the entry for a polygon face.

    Parameters
    ----------
    model : the model (``ModelSpec`` or dict).
    face_or_solution : a solution id of :data:`diagrams.limits.catalogue.SOLUTIONS` or a face
        name (``"A"``, ``"B-C"``, …).
    engine_s_max : when > 0, also check against the engine's leading coefficients to this order
        (costly for ν ≥ 3).
    """
    if not isinstance(model, ModelSpec):
        model = ModelSpec.from_dict(model)
    if not isinstance(face_or_solution, str):
        raise SpecError("face", "must be a face name or a solution id")
    if (
        isinstance(engine_s_max, bool)
        or not isinstance(engine_s_max, int)
        or not (0 <= engine_s_max <= 12)
    ):
        raise SpecError("engine_s_max", "must be an integer in 0..12")
    if face_or_solution in SOLUTIONS:
        sid = face_or_solution
    else:
        sid = _solution_for_face(model, face_or_solution)
    SOLUTIONS[sid].check_model(model)
    return _derive(sid, model, engine_s_max)


def _solution_for_face(model: ModelSpec, face: str) -> str:
    if model.sym and model.nu == 2:
        return "sym_nu2"
    if model.sym and model.nu % 2:
        raise NotApplicable("model.nu", "SYM with odd ν: no Pareto polygon, no catalogue entry")
    if model.sym and model.nu == 4 and model.target == "identity" and face in ("A-B-E", "polygon"):
        return "sym_nu4_ascent"
    table = FACE_TO_SOLUTION["sym" if model.sym else "asym"]
    if face in table:
        sid = table[face]
        if model.sym and model.nu >= 4 and face in ("A", "B") and model.target == "zero":
            return sid
        return sid
    raise NotApplicable(
        "face",
        f"no catalogue solution for face {face!r} of {model}: solved faces are "
        f"{', '.join(sorted(table))}"
        + (" and the whole polygon (ν=2, ν=4 ascent)" if model.sym else ""),
    )
