"""Exact polynomials in p, H and σ² — the values of Theorem 3.1 (`th:polycoeff`).

A :class:`Poly` maps exponent triples ``(q, n, l)`` to exact rational coefficients and means
``Σ coeff · p^q · H^n · (σ²)^l``. It serialises to the project's wire format, a list of terms
``{"coeff": "a/b", "p": q, "H": n, "sigma2": l}`` sorted deterministically.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import Any

from diagrams.errors import SpecError

Monomial = tuple[int, int, int]


def _fraction_string(value: Fraction) -> str:
    return (
        str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"
    )


def parse_fraction(text: object, field: str) -> Fraction:
    """Parse ``"a/b"``, ``"-3"`` or an int exactly; never evaluates the string.

    >>> parse_fraction("-1/4", "coeff")
    Fraction(-1, 4)
    """
    if isinstance(text, bool):
        raise SpecError(field, "must be an exact rational like '3' or '-1/4'")
    if isinstance(text, int):
        return Fraction(text)
    if not isinstance(text, str) or len(text) > 200:
        raise SpecError(field, "must be an exact rational like '3' or '-1/4'")
    num, sep, den = text.strip().partition("/")
    try:
        if not _is_int(num) or (sep and not _is_int(den)):
            raise ValueError
        value = Fraction(int(num), int(den) if sep else 1)
    except (ValueError, ZeroDivisionError):
        raise SpecError(field, f"{text!r} is not an exact rational like '-1/4'") from None
    return value


def _is_int(text: str) -> bool:
    body = text[1:] if text[:1] in "+-" else text
    return body.isdigit() and body.isascii()


def _float_pow(x: Any, k: int) -> float:
    """``float(x)**k``, ±inf where it leaves the float range (Python raises there)."""
    x = float(x)
    try:
        return x**k
    except OverflowError:
        return math.copysign(math.inf, x) if k % 2 else math.inf


class Poly:
    """An immutable exact polynomial in p, H, σ².

    >>> y0 = Poly({(2, 1, 2): Fraction(1, 2), (1, 1, 1): -1})
    >>> y0.evaluate(2, 1, 1)
    Fraction(0, 1)
    >>> y0.to_json()[0]  # sorted by σ-power, then descending p, H powers
    {'coeff': '-1', 'p': 1, 'H': 1, 'sigma2': 1}
    """

    __slots__ = ("_terms", "_hash")

    def __init__(self, terms: Mapping[Monomial, Fraction | int] | None = None) -> None:
        clean: dict[Monomial, Fraction] = {}
        for key, value in (terms or {}).items():
            value = Fraction(value)
            if value:
                clean[tuple(key)] = value  # type: ignore[index]
        self._terms = dict(sorted(clean.items(), key=lambda kv: _sort_key(kv[0])))
        self._hash: int | None = None

    @property
    def terms(self) -> dict[Monomial, Fraction]:
        return dict(self._terms)

    def items(self) -> Iterable[tuple[Monomial, Fraction]]:
        return self._terms.items()

    def __bool__(self) -> bool:
        return bool(self._terms)

    def __len__(self) -> int:
        return len(self._terms)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Poly):
            return self._terms == other._terms
        if isinstance(other, int) and other == 0:
            return not self._terms
        return NotImplemented

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(tuple(self._terms.items()))
        return self._hash

    def __add__(self, other: Poly) -> Poly:
        out = dict(self._terms)
        for key, value in other._terms.items():
            out[key] = out.get(key, Fraction(0)) + value
        return Poly(out)

    def __neg__(self) -> Poly:
        return Poly({k: -v for k, v in self._terms.items()})

    def __sub__(self, other: Poly) -> Poly:
        return self + (-other)

    def scale(self, factor: Fraction | int) -> Poly:
        return Poly({k: v * factor for k, v in self._terms.items()})

    def __mul__(self, other: Poly) -> Poly:
        out: dict[Monomial, Fraction] = {}
        for (q1, n1, l1), a in self._terms.items():
            for (q2, n2, l2), b in other._terms.items():
                key = (q1 + q2, n1 + n2, l1 + l2)
                out[key] = out.get(key, Fraction(0)) + a * b
        return Poly(out)

    def __repr__(self) -> str:
        return f"Poly({self.to_text()})"

    def evaluate(self, p: Any, H: Any, sigma2: Any) -> Any:
        """Value at numbers (exact for ints/Fractions, float otherwise; a float term beyond the
        float range is ±inf, so a sum may be inf or nan, never an exception).

        >>> Poly({(1, 0, 400): 1}).evaluate(2.0, 1.0, 1e100)
        inf
        """
        exact = all(isinstance(x, int | Fraction) for x in (p, H, sigma2))
        total: Any = 0
        for (q, n, l), c in self._terms.items():
            if exact:
                total += c * p**q * H**n * sigma2**l
            else:
                total += float(c) * _float_pow(p, q) * _float_pow(H, n) * _float_pow(sigma2, l)
        return total

    def by_sigma_power(self) -> dict[int, dict[tuple[int, int], Fraction]]:
        """Group as ``{l: {(q, n): coeff}}`` — the σ²-power determines s_D (Section 4)."""
        out: dict[int, dict[tuple[int, int], Fraction]] = {}
        for (q, n, l), c in self._terms.items():
            out.setdefault(l, {})[(q, n)] = c
        return out

    def to_json(self) -> list[dict[str, Any]]:
        return [
            {"coeff": _fraction_string(c), "p": q, "H": n, "sigma2": l}
            for (q, n, l), c in self._terms.items()
        ]

    @classmethod
    def from_json(cls, terms: Iterable[Mapping[str, Any]], field: str = "terms") -> Poly:
        out: dict[Monomial, Fraction] = {}
        for i, term in enumerate(terms):
            key = []
            for name in ("p", "H", "sigma2"):
                value = term.get(name)
                if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                    raise SpecError(f"{field}[{i}].{name}", "must be a non-negative integer")
                key.append(value)
            mono = (key[0], key[1], key[2])
            out[mono] = out.get(mono, Fraction(0)) + parse_fraction(
                term.get("coeff"), f"{field}[{i}].coeff"
            )
        return cls(out)

    def to_text(self) -> str:
        if not self._terms:
            return "0"
        parts = []
        for (q, n, l), c in self._terms.items():
            factors = [
                f"{name}^{e}" if e > 1 else name for name, e in (("p", q), ("H", n), ("s2", l)) if e
            ]
            parts.append("*".join([f"({_fraction_string(c)})", *factors]))
        return " + ".join(parts)

    def to_sympy(self) -> Any:
        import sympy

        p, H, s2 = sympy.symbols("p H sigma2", positive=True)
        return sympy.Add(
            *(
                sympy.Rational(c.numerator, c.denominator) * p**q * H**n * s2**l
                for (q, n, l), c in self._terms.items()
            )
        )

    def latex(self) -> str:
        r"""LaTeX with σ² written as ``\sigma^{2l}``: exactly what
        ``sympy.latex(Σ c·p^q·H^n·σ^{2l}, order="lex")`` prints (tests compare the two), written
        directly — sympy took 0.3 ms per term, which dominated large responses.

        >>> Poly({(1, 1, 1): Fraction(-1), (2, 1, 2): Fraction(1, 2)}).latex()
        '\\frac{H p^{2} \\sigma^{4}}{2} - H p \\sigma^{2}'
        """
        if not self._terms:
            return "0"
        out = []
        # sympy's lex order over the symbols sorted by name: H, p, sigma (powers descending)
        for (q, n, l), c in sorted(
            self._terms.items(), key=lambda kv: (-kv[0][1], -kv[0][0], -kv[0][2])
        ):
            factors = [
                name if k == 1 else f"{name}^{{{k}}}"
                for name, k in (("H", n), ("p", q), ("\\sigma", 2 * l))
                if k
            ]
            mono = " ".join(factors)
            a, b = abs(c.numerator), c.denominator
            head = mono if a == 1 and mono else " ".join(x for x in (str(a), mono) if x)
            term = head if b == 1 else f"\\frac{{{head}}}{{{b}}}"
            if not out:
                out.append(f"- {term}" if c < 0 else term)
            else:
                out.append(f" - {term}" if c < 0 else f" + {term}")
        return "".join(out)


def _sort_key(mono: Monomial) -> tuple[int, int, int]:
    q, n, l = mono
    return (l, -q, -n)


ZERO = Poly()
