"""Linear recurrences with polynomial coefficients — the input of Theorem 6.1 (`th:recurrence`).

A :class:`Recurrence` on an array ``C_n`` (``n ∈ Z^d``, zero outside its support) is stored in the
theorem's form

.. math:: \\sum_{k \\in K} C_{n+k} P_k(n+k) = 0 \\quad \\forall n \\in \\mathbb Z^d,

with exact rational polynomials ``P_k``. The same relation in the usual "natural" form
``Σ_k c_k(n) C_{n+k} = 0`` has ``c_k(n) = P_k(n + k)``; :meth:`Recurrence.from_natural` converts.
Validity for *all* ``n ∈ Z^d`` (boundary included) is what the theorem needs (appendix
"Recurrence relations and PDEs"): :meth:`Recurrence.violations` checks exactly that on a window.

>>> rec = Recurrence.from_natural(("s",), {(0,): "s", (-1,): "-4*(1 + 2*s)"})
>>> rec.latex()
's C_{s} - 4 \\\\left(2 s + 1\\\\right) C_{s - 1} = 0'
>>> rec.polynomial((-1,))   # P_{-1}(m) = c_{-1}(m + 1)
'-8*s - 12'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from fractions import Fraction
from functools import reduce
from math import gcd
from typing import Any

from diagrams.errors import SpecError

Index = tuple[int, ...]
Exponents = tuple[int, ...]
PolyDict = dict[Exponents, Fraction]

__all__ = ["Recurrence", "Index", "evaluate_poly"]


def evaluate_poly(poly: Mapping[Exponents, Fraction], point: Index) -> Fraction:
    """Exact value of ``Σ c_e · point^e``."""
    total = Fraction(0)
    for exps, coeff in poly.items():
        term = coeff
        for value, e in zip(point, exps):
            if e:
                term *= value**e
        total += term
    return total


def _shift_poly(poly: Mapping[Exponents, Fraction], shift: Index) -> PolyDict:
    """The polynomial ``m ↦ poly(m + shift)`` (exact binomial expansion)."""
    from math import comb

    out: PolyDict = {}
    for exps, coeff in poly.items():
        partial: dict[Exponents, Fraction] = {(): coeff}
        for var, e in enumerate(exps):
            nxt: dict[Exponents, Fraction] = {}
            for head, c in partial.items():
                for j in range(e + 1):
                    val = c * comb(e, j) * Fraction(shift[var]) ** (e - j)
                    if val:
                        key = (*head, j)
                        nxt[key] = nxt.get(key, Fraction(0)) + val
            partial = nxt
        for key, c in partial.items():
            out[key] = out.get(key, Fraction(0)) + c
    return {k: v for k, v in out.items() if v}


def _sympy_to_polydict(expr: Any, symbols: tuple[Any, ...]) -> PolyDict:
    import sympy

    poly = sympy.Poly(sympy.expand(expr), *symbols)
    out: PolyDict = {}
    for exps, coeff in poly.terms():
        if not coeff.is_Rational:
            raise SpecError("recurrence", f"coefficient {coeff} is not rational")
        out[tuple(int(e) for e in exps)] = Fraction(int(coeff.p), int(coeff.q))
    return {k: v for k, v in out.items() if v}


class Recurrence:
    """``Σ_{k∈K} C_{n+k} P_k(n+k) = 0`` for all ``n ∈ Z^d`` (Theorem 6.1 form).

    Parameters
    ----------
    indices : names of the ``d`` indices, e.g. ``("s",)`` or ``("s", "s_D")``; they are also the
        variables of the polynomials ``P_k``.
    terms : ``{shift k: {exponent tuple: Fraction}}`` — the polynomial ``P_k`` of each shift.
    symbol : the array's name in LaTeX (``C`` by default).
    """

    __slots__ = ("indices", "_terms", "symbol")

    def __init__(
        self,
        indices: Iterable[str],
        terms: Mapping[Index, Mapping[Exponents, Fraction | int]],
        symbol: str = "C",
    ) -> None:
        self.indices = tuple(indices)
        d = len(self.indices)
        clean: dict[Index, PolyDict] = {}
        for shift, poly in terms.items():
            if len(shift) != d:
                raise SpecError("recurrence.shift", f"{shift} does not have {d} components")
            p = {tuple(e): Fraction(c) for e, c in poly.items() if Fraction(c)}
            for e in p:
                if len(e) != d:
                    raise SpecError("recurrence.exponents", f"{e} does not have {d} components")
            if p:
                clean[tuple(shift)] = p
        if not clean:
            raise SpecError("recurrence", "all polynomial coefficients vanish")
        self._terms = {k: dict(sorted(v.items())) for k, v in sorted(clean.items())}
        self.symbol = symbol

    # ------------------------------------------------------------------ constructors
    @classmethod
    def from_natural(
        cls,
        indices: Iterable[str],
        coefficients: Mapping[Index, str | Any],
        symbol: str = "C",
    ) -> Recurrence:
        """Build from ``Σ_k c_k(n) C_{n+k} = 0``; ``c_k`` are sympy expressions or trusted
        (library-internal) strings in the index names — never pass user input here."""
        import sympy

        indices = tuple(indices)
        syms = sympy.symbols(indices)
        syms = syms if isinstance(syms, tuple) else (syms,)
        local = dict(zip(indices, syms))
        terms: dict[Index, PolyDict] = {}
        for shift, expr in coefficients.items():
            e = sympy.sympify(expr, locals=local) if isinstance(expr, str) else expr
            natural = _sympy_to_polydict(e, syms)
            # P_k(m) = c_k(m − k)
            terms[tuple(shift)] = _shift_poly(natural, tuple(-k for k in shift))
        return cls(indices, terms, symbol)

    # ------------------------------------------------------------------ access
    @property
    def dim(self) -> int:
        return len(self.indices)

    @property
    def shifts(self) -> tuple[Index, ...]:
        return tuple(self._terms)

    def theorem_poly(self, shift: Index) -> PolyDict:
        """``P_k`` as ``{exponents: Fraction}``."""
        return dict(self._terms[tuple(shift)])

    def natural_poly(self, shift: Index) -> PolyDict:
        """``c_k(n) = P_k(n + k)`` as ``{exponents: Fraction}``."""
        return _shift_poly(self._terms[tuple(shift)], tuple(shift))

    def degree(self) -> int:
        return max(sum(e) for poly in self._terms.values() for e in poly)

    def _sympy_symbols(self) -> tuple[Any, ...]:
        import sympy

        syms = sympy.symbols(self.indices)
        return syms if isinstance(syms, tuple) else (syms,)

    def _to_sympy(self, poly: Mapping[Exponents, Fraction]) -> Any:
        import sympy

        syms = self._sympy_symbols()
        return sympy.Add(
            *(
                sympy.Rational(c.numerator, c.denominator)
                * sympy.Mul(*(s**e for s, e in zip(syms, exps)))
                for exps, c in poly.items()
            )
        )

    def polynomial(self, shift: Index, form: str = "theorem") -> str:
        """Deterministic text of ``P_k`` (``form="theorem"``) or ``c_k`` (``"natural"``)."""
        poly = self.theorem_poly(shift) if form == "theorem" else self.natural_poly(shift)
        return str(self._to_sympy(poly))

    # ------------------------------------------------------------------ algebra
    def normalized(self) -> Recurrence:
        """Scaled to coprime integer coefficients, the first shift's leading coefficient > 0."""
        coeffs = [c for poly in self._terms.values() for c in poly.values()]
        den = reduce(lambda a, b: a * b // gcd(a, b), (c.denominator for c in coeffs), 1)
        num = reduce(gcd, (abs(int(c * den)) for c in coeffs), 0) or 1
        first = self._terms[self.shifts[-1]]
        sign = 1 if first[max(first)] > 0 else -1
        factor = Fraction(sign * den, num)
        return Recurrence(
            self.indices,
            {k: {e: c * factor for e, c in p.items()} for k, p in self._terms.items()},
            self.symbol,
        )

    def rescaled(self, weights: Index, base: Fraction, symbol: str | None = None) -> Recurrence:
        """The recurrence of ``C'_n = base^{⟨weights, n⟩} C_n`` (a change of normalisation).

        ``C_{n+k} = base^{-⟨w, n+k⟩} C'_{n+k}``; multiplying through by ``base^{⟨w, n⟩}`` gives
        ``P'_k = base^{-⟨w, k⟩} P_k``.
        """
        base = Fraction(base)
        out = {}
        for k, p in self._terms.items():
            f = base ** (-sum(w * kk for w, kk in zip(weights, k)))
            out[k] = {e: c * f for e, c in p.items()}
        return Recurrence(self.indices, out, symbol or self.symbol)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Recurrence):
            return NotImplemented
        a, b = self.normalized(), other.normalized()
        return a.indices == b.indices and a._terms == b._terms

    def __hash__(self) -> int:
        n = self.normalized()
        return hash((n.indices, tuple((k, tuple(p.items())) for k, p in n._terms.items())))

    def __repr__(self) -> str:
        return f"Recurrence({self.text()})"

    # ------------------------------------------------------------------ checking
    def residual(self, value: Callable[[Index], Fraction], n: Index) -> Fraction:
        """``Σ_k C_{n+k} P_k(n+k)`` at one point ``n``; ``value`` gives ``C`` (0 off support)."""
        total = Fraction(0)
        for k, poly in self._terms.items():
            point = tuple(a + b for a, b in zip(n, k))
            c = value(point)
            if c:
                total += c * evaluate_poly(poly, point)
        return total

    def violations(
        self, value: Callable[[Index], Fraction], points: Iterable[Index]
    ) -> list[tuple[Index, Fraction]]:
        """The points of ``points`` where the recurrence fails, with the residual."""
        out = []
        for n in points:
            r = self.residual(value, n)
            if r:
                out.append((tuple(n), r))
        return out

    # ------------------------------------------------------------------ output
    def _index_latex(self, shift: Index) -> str:
        import sympy

        syms = self._sympy_symbols()
        return ",".join(sympy.latex(s + k) for s, k in zip(syms, shift))

    def latex(self) -> str:
        """``Σ_k c_k(n) C_{n+k} = 0`` with ``c_k(n) = P_k(n+k)`` factored."""
        import sympy

        parts: list[tuple[bool, str]] = []
        for shift in sorted(self._terms, reverse=True):
            expr = sympy.factor(self._to_sympy(self.natural_poly(shift)))
            target = f"{self.symbol}_{{{self._index_latex(shift)}}}"
            negative = expr.as_coeff_Mul()[0] < 0
            magnitude = -expr if negative else expr
            if magnitude == 1:
                text = target
            elif magnitude.is_Add:
                text = f"\\left({sympy.latex(magnitude)}\\right) {target}"
            else:
                text = f"{sympy.latex(magnitude)} {target}"
            parts.append((negative, text))
        out = ""
        for i, (negative, text) in enumerate(parts):
            if i == 0:
                out = ("-" if negative else "") + text
            else:
                out += f" {'-' if negative else '+'} {text}"
        return out + " = 0"

    def text(self) -> str:
        """Plain text of the natural form, e.g. ``s*C[s] + (-8*s - 4)*C[s-1] = 0``."""
        import sympy

        syms = self._sympy_symbols()
        parts = []
        for shift in sorted(self._terms, reverse=True):
            expr = sympy.factor(self._to_sympy(self.natural_poly(shift)))
            idx = ",".join(str(s + k) for s, k in zip(syms, shift))
            parts.append(f"({expr})*{self.symbol}[{idx}]")
        return " + ".join(parts) + " = 0"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready and deterministic."""
        return {
            "indices": list(self.indices),
            "symbol": self.symbol,
            "latex": self.latex(),
            "text": self.text(),
            "terms": [
                {
                    "shift": list(k),
                    "P": self.polynomial(k, "theorem"),
                    "c": self.polynomial(k, "natural"),
                }
                for k in sorted(self._terms, reverse=True)
            ],
        }
