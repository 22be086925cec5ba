"""The method of characteristics for ``Φ(x)ᵀ∇h = φ(x) h`` (Section 6, eq. ``char``).

Along an integral curve ``dx/dτ = Φ(x)`` the solution obeys ``d ln h/dτ = φ``, so

.. math:: h(x(\\tau_0)) = h(x(\\tau_1))\\, e^{-\\int_{\\tau_0}^{\\tau_1}\\phi(x(\\tau))d\\tau}.

The first variable is the "time" ``x`` on whose hyperplane ``x = 0`` the initial data
``h(0, ·)`` are given (the generating function at ``t = 0``). Variables with ``Φ_i ≡ 0`` are
parameters (constant along characteristics, e.g. ``y = H/p^{ν/2}`` in the free SYM evolution).

:class:`Characteristics` gives the characteristic ODEs, first integrals, the closed-form solution
when sympy finds one (:meth:`Characteristics.closed_form`), and always a numerical solution by
integrating the characteristic ODEs with scipy (:meth:`Characteristics.solve_numeric`).

>>> import sympy
>>> x, z = sympy.symbols("x z")
>>> from diagrams.limits.pde import FirstOrderPDE
>>> pde = FirstOrderPDE((x, z), (1, 4 * z * (1 - z)), 4 * (z - 1))   # SYM ν=2, appendix
>>> ch = Characteristics(pde)
>>> ch.first_integrals_latex()
['\\\\frac{z e^{- 4 x}}{z - 1}']
>>> sol = ch.closed_form(z / 2 - 1)
>>> sympy.simplify(sol - (2*(z - 1)*sympy.exp(4*x) - z) / (2*(z - (z - 1)*sympy.exp(4*x))**2))
0
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from diagrams.errors import NotApplicable, SpecError
from diagrams.limits.pde import FirstOrderPDE, pretty

__all__ = ["Characteristics"]


class Characteristics:
    """Characteristic curves of a first-order linear PDE ``Φᵀ∇h = φh``.

    Parameters
    ----------
    pde : the PDE; its first variable is the time-like one and ``Φ_1`` must not vanish
        identically.
    """

    def __init__(self, pde: FirstOrderPDE) -> None:
        import sympy

        self.pde = pde
        self.time = pde.variables[0]
        if sympy.simplify(pde.Phi[0]) == 0:
            raise NotApplicable("pde", "Φ has no component along the time variable")
        self.parameters = tuple(
            v for v, c in zip(pde.variables[1:], pde.Phi[1:]) if sympy.simplify(c) == 0
        )
        self.active = tuple(
            v for v, c in zip(pde.variables[1:], pde.Phi[1:]) if sympy.simplify(c) != 0
        )
        self._phi_of = dict(zip(pde.variables, pde.Phi))
        self._closed: dict[Any, Any] = {}

    # ------------------------------------------------------------------ the ODEs
    def odes_latex(self) -> list[str]:
        """``dx_i/dτ = Φ_i`` and ``d ln h/dτ = φ``."""
        import sympy

        out = [
            f"\\frac{{d{sympy.latex(v)}}}{{d\\tau}} = {sympy.latex(pretty(c))}"
            for v, c in zip(self.pde.variables, self.pde.Phi)
        ]
        out.append(f"\\frac{{d\\ln h}}{{d\\tau}} = {sympy.latex(pretty(self.pde.phi))}")
        return out

    def _slope(self, v: Any) -> Any:
        """``dv/dx`` along characteristics."""
        import sympy

        return sympy.cancel(self._phi_of[v] / self.pde.Phi[0])

    # ------------------------------------------------------------------ first integrals
    def _separable(self, v: Any) -> tuple[Any, Any] | None:
        """``dv/dx = A(x)·B(v)`` (parameters allowed) → ``(A, B)``, else None."""
        import sympy

        slope = self._slope(v)
        others = [w for w in self.active if w != v]
        if any(slope.has(w) for w in others):
            return None
        sep = sympy.separatevars(slope, symbols=[self.time, v], dict=True)
        if not sep:
            return None
        a = sep.get(self.time, sympy.Integer(1)) * sep.get("coeff", sympy.Integer(1))
        b = sep.get(v, sympy.Integer(1))
        return a, b

    def first_integrals(self) -> list[Any]:
        """Functions constant along characteristics: the parameters, and for each active
        variable with a separable slope ``dv/dx = A(x)B(v)`` the quantity
        ``exp(∫dv/B − ∫A dx)`` (simplified; sympy at the edge)."""
        import sympy

        out = list(self.parameters)
        for v in self.active:
            sep = self._separable(v)
            if sep is None:
                continue
            a, b = sep
            q = sympy.expand(sympy.integrate(1 / b, v) - sympy.integrate(a, self.time))
            # scale so that the logarithms have integer coefficients (no fractional powers)
            scale = 1
            for lg in q.atoms(sympy.log):
                c = q.coeff(lg)
                if c.is_Rational:
                    scale = sympy.ilcm(scale, c.q)
            out.append(sympy.simplify(sympy.exp(sympy.expand_log(scale * q, force=True))))
        return out

    def first_integrals_latex(self) -> list[str]:
        import sympy

        return [
            sympy.latex(sympy.simplify(i)) for i in self.first_integrals()[len(self.parameters) :]
        ]

    # ------------------------------------------------------------------ closed form
    def _backward_point(self) -> dict[Any, Any] | None:
        """The foot ``v_1(x, v)`` at ``x = 0`` of the characteristic through ``(x, v)``."""
        import sympy

        foot: dict[Any, Any] = {}
        for v in self.active:
            sep = self._separable(v)
            if sep is None:
                return None
            a, b = sep
            q = sympy.integrate(1 / b, v)
            shift = sympy.integrate(a, (self.time, 0, self.time))
            v1 = sympy.Dummy("v1")
            # Q(v1) = Q(v) − ∫_0^x A; for log-type Q solve the exponentiated form instead
            if q.has(sympy.log):
                eq = sympy.Eq(sympy.exp(q.subs(v, v1)), sympy.exp(q - shift))
            else:
                eq = sympy.Eq(q.subs(v, v1), q - shift)
            try:
                roots = sympy.solve(eq, v1)
            except NotImplementedError:
                return None
            roots = [r for r in roots if sympy.simplify(r.subs(self.time, 0) - v) == 0]
            if len(roots) != 1:
                return None
            foot[v] = sympy.simplify(roots[0])
        return foot

    def _log_potential(self) -> Any | None:
        """A function ``U`` with ``Φᵀ∇U = φ`` of one variable (time or an active one)."""
        import sympy

        phi = self.pde.phi
        # U(x): needs φ/Φ_x free of active variables
        ratio = sympy.cancel(phi / self.pde.Phi[0])
        if not any(ratio.has(v) for v in self.active):
            return self._real_logs(sympy.integrate(ratio, self.time))
        for v in self.active:
            ratio = sympy.cancel(phi / self._phi_of[v])
            if ratio.has(self.time) or any(ratio.has(w) for w in self.active if w != v):
                continue
            return sympy.integrate(ratio, v)
        return None

    def _real_logs(self, expr: Any) -> Any:
        """Replace ``log(g)`` by ``log(−g)`` when ``g < 0`` at ``x = 0`` (same derivative, but
        real near the initial hyperplane — keeps sympy off the principal branch of ``(−1)^a``)."""
        import sympy

        subs = {}
        for lg in expr.atoms(sympy.log):
            g = lg.args[0]
            at0 = sympy.expand(g.subs(self.time, 0))
            if at0.is_number and at0 < 0:
                subs[lg] = sympy.log(sympy.expand(-g))
        return expr.subs(subs)

    def closed_form(self, initial: Any) -> Any | None:
        """``h(x, ·)`` in closed form for the initial data ``h(0, ·) = initial``, or None when
        sympy cannot integrate the characteristics. The result is verified: it satisfies the PDE
        and the initial condition (sympy ``simplify``), otherwise None."""
        import sympy

        key = sympy.srepr(initial)
        if key in self._closed:
            return self._closed[key]
        result = None
        foot = self._backward_point() if self.active else {}
        potential = self._log_potential()
        if foot is not None and potential is not None:
            at_foot = {self.time: 0, **foot}
            u_here = potential
            u_foot = potential.subs(at_foot, simultaneous=True)
            h0 = initial.subs(foot, simultaneous=True)
            candidate = sympy.simplify(
                h0 * sympy.exp(sympy.expand_log(u_here - u_foot, force=True))
            )
            ok_pde = sympy.simplify(self.pde.residual(candidate)) == 0
            ok_init = sympy.simplify(candidate.subs(self.time, 0) - initial) == 0
            if ok_pde and ok_init:
                result = candidate
        self._closed[key] = result
        return result

    # ------------------------------------------------------------------ numerics
    def solve_numeric(
        self,
        initial: Callable[[Mapping[str, float]], float],
        points: Sequence[Mapping[str, float]],
        rtol: float = 1e-12,
        atol: float = 1e-14,
    ) -> list[float]:
        """``h`` at each point by integrating the characteristic through it back to ``x = 0``.

        Parameters
        ----------
        initial : ``h(0, ·)`` as a function of ``{variable name: value}`` (time omitted).
        points : ``{variable name: value}`` for every variable.
        """
        import numpy as np
        import sympy
        from scipy.integrate import solve_ivp

        names = [str(v) for v in self.pde.variables]
        out = []
        for point in points:
            missing = [n for n in names if n not in point]
            if missing:
                raise SpecError(f"points.{missing[0]}", "is required")
            params = {v: point[str(v)] for v in self.parameters}
            slopes = [sympy.cancel(self._slope(v)).subs(params) for v in self.active]
            rate = sympy.cancel(self.pde.phi / self.pde.Phi[0]).subs(params)
            f = sympy.lambdify((self.time, *self.active), [*slopes, rate], "numpy")

            def rhs(x: float, y: Any, f: Any = f) -> Any:
                vals = f(x, *y[:-1])
                return np.array([float(v) for v in vals])

            x0 = float(point[str(self.time)])
            y0 = np.array([float(point[str(v)]) for v in self.active] + [0.0])
            if x0 == 0.0:
                end = y0
            else:
                sol = solve_ivp(rhs, (x0, 0.0), y0, method="DOP853", rtol=rtol, atol=atol)
                if not sol.success:
                    raise NotApplicable(
                        "points", f"characteristic integration failed: {sol.message}"
                    )
                end = sol.y[:, -1]
            foot = {str(v): float(end[i]) for i, v in enumerate(self.active)}
            foot.update({str(v): float(val) for v, val in params.items()})
            # ln h(x0) − ln h(0) = ∫_0^{x0} φ/Φ_x dx = −(value accumulated from x0 back to 0)
            out.append(float(initial(foot) * np.exp(-end[-1])))
        return out

    def to_dict(self) -> dict[str, Any]:
        import sympy

        return {
            "time": str(self.time),
            "parameters": [str(v) for v in self.parameters],
            "active": [str(v) for v in self.active],
            "odes": self.odes_latex(),
            "first_integrals": self.first_integrals_latex(),
            "first_integrals_text": [
                str(sympy.simplify(i)) for i in self.first_integrals()[len(self.parameters) :]
            ],
        }
