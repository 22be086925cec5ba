"""Recurrence discovery on the engine's leading coefficients: the runs behind
``docs/recurrences.md``.

``python -m diagrams.limits.report`` prints a Markdown table per case: the family of Pareto terms,
the normalisation, the orders used for the fit and for the check, the recurrence found (with
the paper's, when it has one) and the structural relations in the other indices.
``--only NAME`` runs one case, ``--list`` lists them.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

from diagrams.errors import NotApplicable
from diagrams.limits.derivations import array_from_leading, gf_spec
from diagrams.limits.discovery import CoefficientArray, Discovery, find_recurrences
from diagrams.limits.families import LeadingData, family, leading_series
from diagrams.limits.recurrence import Recurrence
from diagrams.model import ModelSpec

__all__ = ["CASES", "Case", "run_case", "main"]


@dataclass(frozen=True)
class Case:
    name: str
    model: ModelSpec
    s_max: int
    family: str
    normalisation: str
    build: Callable[[LeadingData], CoefficientArray]
    paper: Recurrence | None = None
    max_degree: int = 4
    max_radius: int = 2
    note: str = ""
    source: str = "auto"  # "exact" where the exact series is the faster engine path


def _paper(solution: str, model: ModelSpec) -> Callable[[LeadingData], CoefficientArray]:
    return lambda d: array_from_leading(gf_spec(solution, model), d)


def _egf(name: str, base: int = -2) -> Callable[[LeadingData], CoefficientArray]:
    def build(d: LeadingData) -> CoefficientArray:
        arr = family(d, name, egf=True)
        return arr.scaled(base, (1,) + (0,) * (len(arr.indices) - 1))

    return build


def _rec(indices, coeffs) -> Recurrence:
    return Recurrence.from_natural(indices, coeffs)


def _column(name: str, n: int) -> Callable[[LeadingData], CoefficientArray]:
    def build(d: LeadingData) -> CoefficientArray:
        arr = _egf(name)(d)
        vals = {(k[0],): v for k, v in arr.values.items() if k[1] == n}
        return CoefficientArray(("s",), vals, arr.s_max)

    return build


A2, A3 = ModelSpec(2, "asym", "zero"), ModelSpec(3, "asym", "zero")
S2, S4 = ModelSpec(2, "sym", "zero"), ModelSpec(4, "sym", "zero")
S2I, S4I = ModelSpec(2, "sym", "identity"), ModelSpec(4, "sym", "identity")
A2I, A3I = ModelSpec(2, "asym", "identity"), ModelSpec(3, "asym", "identity")
S3 = ModelSpec(3, "sym", "zero")

CASES: list[Case] = [
    # ---- the paper's recurrences
    Case(
        "free-flowers-asym2",
        A2,
        8,
        "A",
        "C_s = 2(-2)^s Y_s[A]/s!",
        _paper("free_underparameterized", A2),
        _rec(("s",), {(0,): "s", (-1,): "-4*(1 + s)"}),
    ),
    Case(
        "free-flowers-asym3",
        A3,
        5,
        "A",
        "C_s = 2(-2)^s Y_s[A]/s!",
        _paper("free_underparameterized", A3),
        _rec(("s",), {(0,): "s", (-1,): "-4*(1 + 2*s)"}),
    ),
    Case(
        "free-flowers-sym2",
        S2,
        8,
        "A",
        "C_s = 2(-2)^s Y_s[A]/s!",
        _paper("free_underparameterized", S2),
        _rec(("s",), {(0,): "s", (-1,): "-8*(1 + s)"}),
    ),
    Case(
        "free-flowers-sym4",
        S4,
        4,
        "A",
        "C_s = 2(-2)^s Y_s[A]/s!",
        _paper("free_underparameterized", S4),
        _rec(("s",), {(0,): "s", (-1,): "-16*(1 + 3*s)"}),
    ),
    Case(
        "free-over-asym3",
        A3,
        5,
        "B",
        "C_s = 2(-2)^s Y_s[B]/s!",
        _paper("free_overparameterized", A3),
        _rec(("s",), {(0,): "s", (-1,): "-12"}),
    ),
    Case(
        "free-over-sym4",
        S4,
        4,
        "B",
        "C_s = 2(-2)^s Y_s[B]/(3 s!)",
        _paper("free_overparameterized", S4),
        _rec(("s",), {(0,): "s", (-1,): "-48*(1 + 3*s)"}),
    ),
    Case(
        "ntk-C-asym3",
        A3I,
        5,
        "C",
        "C_s = 2(-1)^s Y_s[C]/s! (Y_0[C] = p/2)",
        _paper("ntk", A3I),
        _rec(("s",), {(0,): "s", (-1,): "-6"}),
    ),
    Case(
        "ntk-B-asym3",
        A3I,
        5,
        "B",
        "C_s = 2(-1)^s Y_s[B]/s!",
        _egf("B", -1),
        _rec(("s",), {(0,): "s", (-1,): "-6"}),
    ),
    Case(
        "sym2-M",
        S2I,
        9,
        "E-A",
        "C_{s,s_D} = M_{s,s_D}/s! = (-1)^s Y_s[n=1]/s!",
        _paper("sym_nu2", S2I),
        _rec(("s", "s_D"), {(0, 0): "s", (-1, 0): "4*(s_D + 1)", (-1, -1): "-4*s_D"}),
    ),
    Case(
        "sym2-narayana",
        S2I,
        8,
        "polygon/E-A",
        "Y_s[s_D, n]/Y_s[s_D, 1] (s = 8)",
        lambda d: _narayana_ratio(d),
        _rec(("m", "n"), {(0, 0): "n*(n - 1)", (0, -1): "-(m - n + 1)*(m - n + 2)"}),
        note="the second index of the Narayana numbers N_{m,n}, m = s_D + 1",
    ),
    Case(
        "free-general-sym4",
        S4,
        4,
        "A-B",
        "C_{s,n} = 2(-2)^s Y_s[A-B, n]/s!",
        _paper("free_general_sym", S4),
        _rec(("s", "n"), {(0, 0): "s", (-1, -1): "-48*(3*s + 1)", (-1, 0): "-16*(3*s + 1)"}),
    ),
    # ---- cases the paper does not treat
    Case(
        "free-sym2-edge",
        S2,
        9,
        "A-B",
        "C_{s,n} = 2(-2)^s Y_s[A-B, n]/s!",
        _egf("A-B"),
        note="SYM ν=2 free evolution at finite H/p (the paper gives it only as an extreme case "
        "of eq. loss-narayana)",
    ),
    Case(
        "free-asym2-edge",
        A2,
        14,
        "A-B",
        "C_{s,n} = 2(-2)^s Y_s[A-B, n]/s!",
        _egf("A-B"),
        max_degree=6,
        note="ASYM ν=2 free evolution at finite H/p",
        source="exact",
    ),
    Case(
        "free-asym2-n2",
        A2,
        14,
        "A-B, n=2",
        "C_s = 2(-2)^s Y_s[A-B, n=2]/s!",
        _column("A-B", 2),
        max_degree=6,
        max_radius=3,
        source="exact",
    ),
    Case(
        "free-asym2-n3",
        A2,
        14,
        "A-B, n=3",
        "C_s = 2(-2)^s Y_s[A-B, n=3]/s!",
        _column("A-B", 3),
        max_degree=6,
        max_radius=3,
        source="exact",
    ),
    Case(
        "free-asym3-edge",
        A3,
        5,
        "A-B",
        "C_{s,n} = 2(-2)^s Y_s[A-B, n]/s!",
        _egf("A-B"),
        max_degree=3,
        note="ASYM ν=3 free evolution at finite H/p²",
    ),
    Case(
        "asym2-EA",
        A2I,
        9,
        "E-A",
        "C_{s,s_D} = (-1)^s Y_s[n=1]/s!",
        _egf("E-A", -1),
        max_degree=4,
        note="ASYM ν=2, identity target, n = 1 (underparameterised, learning)",
    ),
    Case(
        "sym4-EA",
        S4I,
        4,
        "E-A",
        "C_{s,s_D} = (-1)^s Y_s[n=1]/s!",
        _egf("E-A", -1),
        max_degree=3,
        note="SYM ν=4, identity target, n = 1",
    ),
    Case(
        "free-sym3-flowers",
        S3,
        4,
        "A",
        "C_s = 2(-2)^s Y_s[n=1, s_D=s+1]/s!",
        _egf("A"),
        note="SYM odd ν=3 (no Pareto theorem): the n = 1 flower terms",
    ),
]


def _narayana_ratio(d: LeadingData) -> CoefficientArray:
    from diagrams.limits.families import pareto_array

    arr = pareto_array(d, include_offset=False)
    s = d.s_max
    vals = {}
    for (ss, sd, n), c in arr.items():
        if ss == s and sd >= 0:
            vals[(sd + 1, n)] = c / arr[(s, sd, 1)]
    return CoefficientArray(("m", "n"), vals, max(k[0] for k in vals))


@dataclass
class Result:
    case: Case
    source: str
    seconds: float
    discovery: Discovery | None
    error: str | None

    def row(self) -> str:
        c = self.case
        if self.discovery is None:
            found = f"none — {self.error}"
            fit = "—"
            match = "—"
            struct = "—"
        else:
            d = self.discovery
            found = " ; ".join(f"${r.latex()}$" for r in d.recurrences[:2])
            fit = f"s ≤ {d.s_fit} / checked s = {', '.join(map(str, d.checked_orders))}"
            known = d.recurrences + d.structural
            match = "—" if c.paper is None else ("yes" if c.paper in known else "**no**")
            struct = " ; ".join(f"${r.latex()}$" for r in d.structural[:2]) or "—"
        return (
            f"| {c.name} | {c.model} | {c.family} | {c.normalisation} | {fit} | {found} | "
            f"{struct} | {match} | {self.source}, {self.seconds:.1f} s |"
        )


def run_case(case: Case) -> Result:
    start = time.perf_counter()
    data = leading_series(case.model, case.s_max, case.source)
    arr = case.build(data)
    try:
        disc = find_recurrences(
            arr, max_degree=case.max_degree, max_radius=case.max_radius, max_unknowns=400
        )
        err = None
    except NotApplicable as e:
        disc, err = None, e.reason
    return Result(case, data.source, time.perf_counter() - start, disc, err)


HEADER = (
    "| case | model | family | normalisation | orders (fit / check) | recurrence found | "
    "structural | = paper | source, time |\n|---|---|---|---|---|---|---|---|---|"
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m diagrams.limits.report")
    parser.add_argument("--only", action="append", help="run only these cases")
    parser.add_argument("--list", action="store_true", help="list the cases")
    args = parser.parse_args(argv)
    if args.list:
        for c in CASES:
            print(f"{c.name}: {c.model}, s <= {c.s_max}, {c.family} {c.note}")
        return 0
    chosen = [c for c in CASES if not args.only or c.name in args.only]
    print(HEADER)
    for case in chosen:
        print(run_case(case).row(), flush=True)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

_ = Fraction  # exact arithmetic is used through the arrays
