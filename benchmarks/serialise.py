"""Serialising a series response: the LaTeX of every coefficient (``Poly.latex``) against the
sympy printer it replaced (baseline in the same run, same polynomials), and the whole task
body (``service.engine_tasks.run_series``) with each.

    .venv/bin/python benchmarks/serialise.py [--repeats 3]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time

import sympy

from diagrams import ModelSpec, series
from diagrams.polynomial import Poly

CASES = [
    ("SYM ν=2 identity, leading, s ≤ 60", ModelSpec(2, "sym", "identity"), 60, "leading"),
    ("ASYM ν=3 identity, exact, s ≤ 6", ModelSpec(3, "asym", "identity"), 6, "exact"),
]


def sympy_latex(poly: Poly) -> str:
    """The previous ``Poly.latex``: build the sympy expression and print it."""
    p, H, sigma = sympy.symbols("p H sigma", positive=True)
    expr = sympy.Add(
        *(
            sympy.Rational(c.numerator, c.denominator) * p**q * H**n * sigma ** (2 * l)
            for (q, n, l), c in poly.terms.items()
        )
    )
    return sympy.latex(expr, order="lex")


def median_seconds(run, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    print(
        f"# {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, load {os.getloadavg()[0]:.2f}"
    )
    print("| case | terms | sympy LaTeX (s) | direct LaTeX (s) | ratio | same text |")
    print("|---|---|---|---|---|---|")
    for name, model, s_max, mode in CASES:
        coefficients = series(model, s_max, mode).coefficients
        terms = sum(len(y.terms) for y in coefficients)
        same = all(y.latex() == sympy_latex(y) for y in coefficients)
        old = median_seconds(lambda ys=coefficients: [sympy_latex(y) for y in ys], args.repeats)
        new = median_seconds(lambda ys=coefficients: [y.latex() for y in ys], args.repeats)
        print(f"| {name} | {terms} | {old:.3f} | {new:.4f} | {old / new:.0f}× | {same} |")


if __name__ == "__main__":
    main()
