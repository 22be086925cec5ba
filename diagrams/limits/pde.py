"""Theorem 6.1 (`th:recurrence`): a recurrence on the coefficients of a generating function is a
linear PDE for the function.

If ``h(x) ~ Σ_n C_n x^n`` and ``Σ_{k∈K} C_{n+k} P_k(n+k) = 0`` for all ``n ∈ Z^d``, then

.. math:: \\sum_{k\\in K} x^{-k} P_k(x\\partial_x) h = 0,

the operator understood as ``x_1^{-k_1}⋯x_d^{-k_d} P_k(x_1∂_{x_1}, …, x_d∂_{x_d})`` (appendix
"Recurrence relations and PDEs"). :func:`recurrence_to_pde` expands the Euler operators
``θ_i = x_i∂_i`` into ordinary derivatives, clears the negative powers of ``x`` and removes the
common polynomial factor, so the free underparameterised recurrence ``sC_s = 4(1+(ν−1)s)C_{s−1}``
gives the paper's ``(1 − 4(ν−1)x) h' = 4ν h``:

>>> from diagrams.limits.recurrence import Recurrence
>>> rec = Recurrence.from_natural(("s",), {(0,): "s", (-1,): "-4*(1 + 2*s)"})   # ν = 3
>>> pde = recurrence_to_pde(rec, ("x",))
>>> pde.latex()
'\\\\left(1 - 8 x\\\\right) \\\\partial_{x} h - 12 h = 0'
>>> first = pde.first_order()
>>> first.latex()
'\\\\left(1 - 8 x\\\\right) \\\\partial_{x} h = 12 h'
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Any

from diagrams.errors import NotApplicable, SpecError
from diagrams.limits.recurrence import Recurrence

__all__ = ["LinearPDE", "FirstOrderPDE", "recurrence_to_pde", "default_variables"]

Alpha = tuple[int, ...]


def default_variables(indices: Sequence[str]) -> tuple[str, ...]:
    """``x`` for the first (time) index, then ``z``, ``y``, ``w``, ``u``, … for the others."""
    pool = ["x", "z", "y", "w", "u", "v"]
    if len(indices) > len(pool):
        return tuple(f"x{i + 1}" for i in range(len(indices)))
    return tuple(pool[: len(indices)])


def _symbols(names: Sequence[str]) -> tuple[Any, ...]:
    import sympy

    syms = sympy.symbols(tuple(names))
    return syms if isinstance(syms, tuple) else (syms,)


def _derivative_latex(variables: tuple[Any, ...], alpha: Alpha, h: str) -> str:
    import sympy

    if not any(alpha):
        return h
    parts = []
    for var, a in zip(variables, alpha):
        if a == 1:
            parts.append(f"\\partial_{{{sympy.latex(var)}}}")
        elif a > 1:
            parts.append(f"\\partial_{{{sympy.latex(var)}}}^{{{a}}}")
    return " ".join(parts) + f" {h}"


def pretty(expr: Any) -> Any:
    """Factored, with a negative constant absorbed into an additive factor: ``4z(1 − z)``
    rather than ``−4z(z − 1)``, ``1 − 8x`` rather than ``−(8x − 1)``."""
    import sympy

    f = sympy.factor(expr)
    if not f.is_Mul:
        return f
    coeff, rest = f.as_coeff_Mul()
    if coeff >= 0:
        return f
    factors = list(sympy.Mul.make_args(rest))
    for i, fac in enumerate(factors):
        flipped = sympy.expand(-fac)
        if fac.is_Add and flipped.as_coeff_Add()[0] > 0:
            factors[i] = flipped
            if -coeff != 1:
                factors.insert(0, -coeff)
            return sympy.Mul(*factors, evaluate=False) if len(factors) > 1 else factors[0]
    return f


def _is_negative(expr: Any) -> bool:
    """Whether to print ``expr`` as ``−(…)``: a negative numeric factor, or all terms negative."""
    if expr.is_Add:
        return all(t.as_coeff_Mul()[0] < 0 for t in expr.args)
    return expr.as_coeff_Mul()[0] < 0


def _term_latex(coeff: Any, body: str, first: bool) -> str:
    import sympy

    coeff = pretty(coeff)
    negative = _is_negative(coeff)
    magnitude = -coeff if negative else coeff
    if magnitude == 1:
        text = body
    elif magnitude.is_Add:
        text = f"\\left({sympy.latex(magnitude)}\\right) {body}"
    else:
        text = f"{sympy.latex(magnitude)} {body}"
    if first:
        return ("-" if negative else "") + text
    return (" - " if negative else " + ") + text


class LinearPDE:
    """``Σ_α a_α(x) ∂^α h = 0`` with polynomial ``a_α`` (sympy expressions).

    Attributes
    ----------
    variables : the sympy symbols ``x_1..x_d`` (``x_i`` pairs with the recurrence's ``i``-th index).
    coefficients : ``{α: a_α}`` with ``α`` the multi-order of the derivative.
    """

    def __init__(self, variables: tuple[Any, ...], coefficients: dict[Alpha, Any]) -> None:
        import sympy

        self.variables = tuple(variables)
        self.coefficients = {
            a: sympy.expand(c) for a, c in sorted(coefficients.items()) if sympy.expand(c) != 0
        }

    @property
    def order(self) -> int:
        return max((sum(a) for a in self.coefficients), default=0)

    def apply(self, h: Any) -> Any:
        """The operator applied to an explicit sympy expression ``h(x)``."""
        import sympy

        total = sympy.Integer(0)
        for alpha, coeff in self.coefficients.items():
            term = h
            for var, a in zip(self.variables, alpha):
                if a:
                    term = sympy.diff(term, var, a)
            total += coeff * term
        return total

    def latex(self, h: str = "h") -> str:
        order = sorted(self.coefficients, key=lambda a: (-sum(a), tuple(-x for x in a)))
        out = ""
        for i, alpha in enumerate(order):
            body = _derivative_latex(self.variables, alpha, h)
            out += _term_latex(self.coefficients[alpha], body, i == 0)
        return out + " = 0"

    def first_order(self) -> FirstOrderPDE:
        """As ``Φ(x)ᵀ∇h = φ(x) h``; raises :class:`NotApplicable` for higher order."""
        import sympy

        if self.order > 1:
            raise NotApplicable("pde", f"the PDE has order {self.order}; need a first-order one")
        d = len(self.variables)
        phi_vec = []
        for i in range(d):
            alpha = tuple(1 if j == i else 0 for j in range(d))
            phi_vec.append(self.coefficients.get(alpha, sympy.Integer(0)))
        source = -self.coefficients.get((0,) * d, sympy.Integer(0))
        return FirstOrderPDE(self.variables, tuple(phi_vec), source)

    def to_dict(self, h: str = "h") -> dict[str, Any]:
        return {
            "latex": self.latex(h),
            "order": self.order,
            "variables": [str(v) for v in self.variables],
            "coefficients": [
                {"derivative": list(a), "coefficient": str(c)}
                for a, c in sorted(self.coefficients.items())
            ],
        }


class FirstOrderPDE:
    """``Φ(x)ᵀ∇h = φ(x) h`` (Section 6, step 3).

    Parameters
    ----------
    variables : sympy symbols.
    Phi : the vector field (one sympy expression per variable).
    phi : the source coefficient.
    """

    def __init__(self, variables: tuple[Any, ...], Phi: tuple[Any, ...], phi: Any) -> None:
        import sympy

        if len(variables) != len(Phi):
            raise SpecError("pde.Phi", "needs one component per variable")
        self.variables = tuple(variables)
        self.Phi = tuple(sympy.expand(c) for c in Phi)
        self.phi = sympy.expand(phi)

    def residual(self, h: Any) -> Any:
        """``Φᵀ∇h − φh`` for an explicit ``h`` (simplified; 0 for a solution)."""
        import sympy

        expr = sum(
            (c * sympy.diff(h, v) for c, v in zip(self.Phi, self.variables)), sympy.Integer(0)
        )
        return sympy.simplify(expr - self.phi * h)

    def latex(self, h: str = "h") -> str:
        import sympy

        d = len(self.variables)
        out = ""
        first = True
        for i, coeff in enumerate(self.Phi):
            if coeff == 0:
                continue
            alpha = tuple(1 if j == i else 0 for j in range(d))
            out += _term_latex(coeff, _derivative_latex(self.variables, alpha, h), first)
            first = False
        if first:
            out = "0"
        rhs = pretty(self.phi)
        if rhs == 0:
            right = "0"
        elif rhs == 1:
            right = h
        elif rhs.is_Add:
            right = f"\\left({sympy.latex(rhs)}\\right) {h}"
        else:
            right = f"{sympy.latex(rhs)} {h}"
        return f"{out} = {right}"

    def to_dict(self, h: str = "h") -> dict[str, Any]:
        import sympy

        return {
            "latex": self.latex(h),
            "variables": [str(v) for v in self.variables],
            "Phi": [str(pretty(c)) for c in self.Phi],
            "Phi_latex": [sympy.latex(pretty(c)) for c in self.Phi],
            "phi": str(pretty(self.phi)),
            "phi_latex": sympy.latex(pretty(self.phi)),
        }


def _euler_power(operator: dict[Alpha, Any], var_index: int, variables: tuple[Any, ...]) -> dict:
    """``θ_i ∘ operator`` with ``θ_i = x_i ∂_i``, the operator as ``{α: c(x)}`` (``c ∂^α``)."""
    import sympy

    x = variables[var_index]
    out: dict[Alpha, Any] = {}
    for alpha, c in operator.items():
        # x ∂(c ∂^α h) = x (∂c) ∂^α h + x c ∂^{α+e_i} h
        dc = sympy.diff(c, x)
        if dc != 0:
            out[alpha] = out.get(alpha, 0) + x * dc
        up = tuple(a + (1 if j == var_index else 0) for j, a in enumerate(alpha))
        out[up] = out.get(up, 0) + x * c
    return out


def recurrence_to_pde(rec: Recurrence, variables: Sequence[str] | None = None) -> LinearPDE:
    """Theorem 6.1: the PDE ``Σ_k x^{−k} P_k(x∂_x) h = 0`` of the generating function
    ``h = Σ_n C_n x^n``, multiplied by the monomial that clears negative powers and divided by
    the common polynomial factor of its coefficients.

    Parameters
    ----------
    rec : the recurrence, valid for all ``n ∈ Z^d`` (the theorem's hypothesis — check it with
        :meth:`Recurrence.violations` on the data it describes).
    variables : names of ``x_1..x_d``; default :func:`default_variables`.
    """
    import sympy

    names = tuple(variables) if variables is not None else default_variables(rec.indices)
    if len(names) != rec.dim:
        raise SpecError("variables", f"need {rec.dim} names, got {len(names)}")
    xs = _symbols(names)
    total: dict[Alpha, Any] = {}
    zero = (0,) * rec.dim
    for shift in rec.shifts:
        poly = rec.theorem_poly(shift)
        weight = sympy.Mul(*(x ** (-k) for x, k in zip(xs, shift)))
        for exps, coeff in poly.items():
            op: dict[Alpha, Any] = {zero: sympy.Integer(1)}
            for i, e in enumerate(exps):
                for _ in range(e):
                    op = _euler_power(op, i, xs)
            c = sympy.Rational(coeff.numerator, coeff.denominator) * weight
            for alpha, a in op.items():
                total[alpha] = total.get(alpha, 0) + c * a
    # clear negative powers: multiply by Π x_i^{max k_i}
    clear = sympy.Mul(*(x ** max(k[i] for k in rec.shifts) for i, x in enumerate(xs)))
    polys = {a: sympy.expand(sympy.cancel(c * clear)) for a, c in total.items()}
    polys = {a: c for a, c in polys.items() if c != 0}
    if not polys:
        raise NotApplicable("recurrence", "the operator of Theorem 6.1 vanishes identically")
    common = sympy.Integer(0)
    for c in polys.values():
        common = sympy.gcd(common, c)
    common = sympy.factor(common)
    polys = {a: sympy.expand(sympy.cancel(c / common)) for a, c in polys.items()}
    # deterministic sign: the ∂_{x_1} coefficient is positive at x = 0 (the paper's
    # "(1 − …x)∂_x f = …" form); otherwise the top term's leading coefficient (lex) is positive
    time = tuple(1 if i == 0 else 0 for i in range(rec.dim))
    at_origin = polys.get(time, sympy.Integer(0)).subs({x: 0 for x in xs})
    if at_origin != 0:
        lead = at_origin
    else:
        top = sorted(polys, key=lambda a: (-sum(a), tuple(-x for x in a)))[0]
        lead = sympy.Poly(polys[top], *xs).LC()
    if lead < 0:
        polys = {a: -c for a, c in polys.items()}
    return LinearPDE(xs, polys)


def as_fraction(value: Any) -> Fraction:
    """A sympy Rational as a Fraction."""
    return Fraction(int(value.p), int(value.q))
