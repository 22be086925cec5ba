"""Command line: ``python -m diagrams series --nu 3 --symmetry asym --s-max 4 --format table``.

Sub-commands: ``series`` (the coefficients Y_s), ``expansion`` (the diagram classes of one order),
``expectation`` (E[D_{2ν}] and E[R_ν]) and ``estimate`` (the cost model).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from diagrams.cost import affordable_alternatives, estimate_cost
from diagrams.errors import DiagramsError
from diagrams.expansion import expansion
from diagrams.graph import atom_d, atom_r
from diagrams.model import SYMMETRIES, TARGETS, ModelSpec
from diagrams.series import MODES, series
from diagrams.wick import expectation


def _model_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--nu", type=int, required=True, help="tensor order ν (2..12)")
    parser.add_argument("--symmetry", choices=SYMMETRIES, default="asym")
    parser.add_argument("--target", choices=TARGETS, default="identity")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m diagrams", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p_series = sub.add_parser("series", help="expected-loss coefficients Y_0..Y_s_max")
    _model_args(p_series)
    p_series.add_argument("--s-max", type=int, required=True)
    p_series.add_argument("--mode", choices=MODES, default="exact")
    p_series.add_argument(
        "--s-r-max", type=int, default=None, help="leading mode: at most this many R atoms"
    )
    p_series.add_argument(
        "--s-d-max", type=int, default=None, help="leading mode: at most this many D atoms"
    )
    p_series.add_argument("--format", choices=("json", "table", "latex"), default="table")
    p_exp = sub.add_parser("expansion", help="diagram classes of (½D − R)^{⋆(s+1)}")
    _model_args(p_exp)
    p_exp.add_argument("--s", type=int, required=True)
    p_exp.add_argument("--format", choices=("json", "table", "dot"), default="table")
    p_exp.add_argument("--colored", action="store_true", help="list each recolouring (ASYM)")
    p_e = sub.add_parser("expectation", help="E[D_2ν] and E[R_ν]")
    _model_args(p_e)
    p_est = sub.add_parser("estimate", help="estimated cost of a series request")
    _model_args(p_est)
    p_est.add_argument("--s-max", type=int, required=True)
    p_est.add_argument("--mode", choices=MODES, default="exact")
    p_est.add_argument("--s-r-max", type=int, default=None)
    p_est.add_argument("--s-d-max", type=int, default=None)
    p_est.add_argument(
        "--budget",
        type=_positive_seconds,
        default=None,
        help="seconds: also list nearby requests whose estimates fit (alternatives)",
    )
    return parser


def _positive_seconds(text: str) -> float:
    value = float(text)
    if not value > 0:  # also refuses nan
        raise argparse.ArgumentTypeError("must be a positive number of seconds")
    return value


def _model(args: argparse.Namespace) -> ModelSpec:
    return ModelSpec(args.nu, args.symmetry, args.target)


def run(argv: Sequence[str] | None = None, out=None) -> int:
    out = out or sys.stdout
    args = build_parser().parse_args(argv)
    try:
        model = _model(args)
        if args.command == "series":
            res = series(model, args.s_max, args.mode, s_r_max=args.s_r_max, s_d_max=args.s_d_max)
            if args.format == "json":
                json.dump(res.to_dict(), out, indent=1, sort_keys=True)
                out.write("\n")
            elif args.format == "latex":
                out.write(f"\\tfrac12\\|F\\|^2 = {res.offset.latex()}\n")
                for s, y in enumerate(res.coefficients):
                    out.write(f"Y_{{{s}}} = {y.latex()}\n")
            else:
                only = "".join(
                    f", terms with {name} <= {bound}"
                    for name, bound in (("s_R", args.s_r_max), ("s_D", args.s_d_max))
                    if bound is not None
                )
                out.write(
                    f"# {model}, mode={args.mode}{only}; E[L(t)] ~ offset + Σ Y_s t^s/(T^s s!)\n"
                )
                out.write(f"offset = {res.offset.to_text()}\n")
                for s, y in enumerate(res.coefficients):
                    out.write(f"Y_{s} = {y.to_text()}\n")
        elif args.command == "expansion":
            terms = expansion(model, args.s, up_to_recoloring=not args.colored)
            if args.format == "json":
                rows = [
                    {
                        "id": t.id,
                        "coefficient": str(t.coefficient),
                        "s_D": t.s_D,
                        "s_R": t.s_R,
                        "recolorings": t.recolorings,
                        **t.diagram.to_json(),
                    }
                    for t in terms
                ]
                json.dump(rows, out, indent=1, sort_keys=True)
                out.write("\n")
            elif args.format == "dot":
                for t in terms:
                    out.write(f"// coefficient {t.coefficient}, s_D={t.s_D}, s_R={t.s_R}\n")
                    out.write(t.diagram.to_dot(f"G_{t.id}") + "\n")
            else:
                out.write(f"# {model}: {len(terms)} classes at s={args.s}\n")
                for t in terms:
                    d = t.diagram
                    out.write(
                        f"{t.id}  coeff={t.coefficient!s:>10}  s_D={t.s_D} s_R={t.s_R}  "
                        f"H={d.n_h} p={d.n_p} edges={d.num_edges}\n"
                    )
        elif args.command == "expectation":
            out.write(f"E[D_{2 * model.nu}] = {expectation(atom_d(model), model).to_text()}\n")
            out.write(f"E[R_{model.nu}] = {expectation(atom_r(model), model).to_text()}\n")
        else:
            est = estimate_cost(
                model, args.s_max, args.mode, s_r_max=args.s_r_max, s_d_max=args.s_d_max
            )
            body = est.to_dict()
            if args.budget is not None:
                body["alternatives"] = affordable_alternatives(
                    model,
                    args.s_max,
                    args.mode,
                    args.budget,
                    s_r_max=args.s_r_max,
                    s_d_max=args.s_d_max,
                )
            out.write(json.dumps(body) + "\n")
    except DiagramsError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    return 0


def main() -> None:
    raise SystemExit(run())
