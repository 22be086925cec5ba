"""Leading-order mode reach: the largest ``s`` whose leading terms ``Y_0..Y_s`` one cold call
computes within the budget (default 60 s), per model, next to the exact mode's reach measured
in the same run. SYM models with even ν use the structural recursions of
``diagrams.leading_sym`` (``method="auto"``); their reach is probed at s = 25, 50, 100, 200, and
the general sequential process (``method="sequential"``) is measured next to it as the baseline.

Every measurement runs in a fresh subprocess (cold caches, wall clock and peak RSS); ``s`` grows
by one from a per-model start until a run exceeds the budget (it is then stopped). The leading
mode is timed through ``diagrams.leading.leading_series(model, s)`` (one pass up to ``s``); the
exact mode through ``diagrams.series(model, s)``.

    .venv/bin/python benchmarks/leading.py [--budget 60] [--quick] [--out FILE] [--no-exact]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time

CHILD = r"""
import json, resource, sys, time
from diagrams import ModelSpec, series
from diagrams.leading import engine, leading_series
from diagrams.leading_sym import applies
nu, sym, target, s, mode = sys.argv[1:6]
model = ModelSpec(int(nu), sym, target)
t0 = time.perf_counter()
extra = {}
if mode in ("leading", "sequential"):
    method = "sequential" if mode == "sequential" else "auto"
    leading_series(model, int(s), method=method)
    if method == "sequential" or not applies(model):
        eng = engine(model)
        extra = {"open_graphs": len(eng.trans), "states": eng.level_sizes}
    else:
        extra = {"open_graphs": 0, "states": [0]}
elif mode == "extreme":
    series(model, int(s), mode="extreme")
    extra = {"open_graphs": 0, "states": [0]}
else:
    series(model, int(s), mode="exact")
wall = time.perf_counter() - t0
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
print(json.dumps({"wall": wall, "rss": max(rss, kids), **extra}))
"""

# (ν, symmetry, target, first s to try for the leading mode, first s for the exact mode):
# a little below the reach measured before, to keep the run short (a start that does not fit
# the budget is reported as "< start").
MODELS = [
    (2, "sym", "identity", 23, 23),
    (2, "sym", "zero", 23, 23),
    (4, "sym", "identity", 4, 3),
    (4, "sym", "zero", 4, 3),
    (2, "asym", "identity", 9, 9),
    (2, "asym", "zero", 10, 10),
    (3, "asym", "identity", 5, 4),
    (3, "asym", "zero", 5, 4),
    (4, "asym", "identity", 4, 4),
    (4, "asym", "zero", 4, 4),
]
QUICK_STARTS = {2: 6, 3: 2, 4: 2}


def measure(nu: int, sym: str, target: str, s: int, mode: str, budget: float) -> dict:
    cmd = [sys.executable, "-c", CHILD, str(nu), sym, target, str(s), mode]
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=budget, check=True)
    except subprocess.TimeoutExpired:
        return {"wall": None}
    return json.loads(out.stdout.strip().splitlines()[-1])


GROWTH: list[str] = []


STRUCTURAL_ORDERS = [25, 50, 100, 200]


def structural_reach(nu: int, sym: str, target: str, budget: float):
    """Largest of :data:`STRUCTURAL_ORDERS` within budget and its measurement; walls by order."""
    best, walls = None, {}
    for s in STRUCTURAL_ORDERS:
        result = measure(nu, sym, target, s, "leading", budget)
        print(f"  leading  {sym.upper()} ν={nu} {target:8s} s={s}: {result}", flush=True)
        if result["wall"] is None or result["wall"] > budget:
            break
        best, walls[s] = (s, result), result["wall"]
    return best, walls


EXTREME_ORDERS = [25, 40, 60]


def extreme_rows(budget: float) -> list[str]:
    """ASYM ``mode="extreme"`` (both ends of every front) at :data:`EXTREME_ORDERS`."""
    rows = []
    for nu, sym, target, _, _ in MODELS:
        if sym != "asym":
            continue
        walls = []
        for s in EXTREME_ORDERS:
            result = measure(nu, sym, target, s, "extreme", budget)
            print(f"  extreme  ASYM ν={nu} {target:8s} s={s}: {result}", flush=True)
            if result["wall"] is None or result["wall"] > budget:
                walls.append(f"> {budget:g}")
                break
            walls.append(f"{result['wall']:.2f}")
        walls += ["–"] * (len(EXTREME_ORDERS) - len(walls))
        rows.append(f"| ASYM ν={nu} {target} | {' / '.join(walls)} |")
    return rows


def reach(nu: int, sym: str, target: str, start: int, mode: str, budget: float):
    """``(largest s within budget, its measurement, next s)``; ``start`` must fit."""
    best = None
    s = start
    while True:
        result = measure(nu, sym, target, s, mode, budget)
        print(f"  {mode:8s} {sym.upper()} ν={nu} {target:8s} s={s}: {result}", flush=True)
        if result["wall"] is None or result["wall"] > budget:
            return (best[0], best[1], s) if best else (None, None, s)
        if mode != "exact" and result["states"] != [0]:
            GROWTH.append(
                f"| {sym.upper()} ν={nu} {target} | {s} | {result['wall']:.1f} | "
                f"{max(result['states'])} | {' '.join(map(str, result['states']))} |"
            )
        best = (s, result)
        s += 1


def machine() -> str:
    load = os.getloadavg()
    return (
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"load average at start {load[0]:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--budget", type=float, default=60.0, help="seconds per call")
    parser.add_argument("--quick", action="store_true", help="budget 5 s (smoke test)")
    parser.add_argument("--no-exact", action="store_true", help="skip the exact-mode reach")
    parser.add_argument("--out", default=None)
    parser.add_argument(
        "--only-extreme", action="store_true", help="only the extreme-mode table (ASYM)"
    )
    args = parser.parse_args()
    budget = 5.0 if args.quick else args.budget
    if args.only_extreme:
        orders = " / ".join(f"s={s}" for s in EXTREME_ORDERS)
        text = "\n".join(
            [
                f"Command: `.venv/bin/python benchmarks/leading.py {' '.join(sys.argv[1:])}`",
                f"Machine: {machine()}",
                "",
                f"| model | extreme mode: wall (s) at {orders} |",
                "|---|---|",
                *extreme_rows(budget),
            ]
        )
        if args.out:
            with open(args.out, "w") as fh:
                fh.write(text + "\n")
        print(text)
        return
    started = time.time()
    lines = [
        f"Command: `.venv/bin/python benchmarks/leading.py {' '.join(sys.argv[1:])}`".rstrip(),
        f"Machine: {machine()}",
        f"Budget: {budget:g} s per cold call (one subprocess per measurement)",
        "",
        "| model | leading: largest s | wall (s) | peak RSS (MiB) | open graphs | "
        "exact: largest s | wall (s) |",
        "|---|---|---|---|---|---|---|",
    ]
    structural_rows = []
    for nu, sym, target, start_leading, start_exact in MODELS:
        if args.quick:
            start_leading = start_exact = QUICK_STARTS[nu]
        if sym == "sym" and nu % 2 == 0:
            best, walls = structural_reach(nu, sym, target, budget)
            seq_s, seq_r, _ = reach(nu, sym, target, start_leading, "sequential", budget)
            seq = f"{seq_s} ({seq_r['wall']:.1f} s)" if seq_r else f"< {start_leading}"
            wall_of = " / ".join(
                f"{walls[s]:.2f}" if s in walls else "–" for s in STRUCTURAL_ORDERS
            )
            top = f"≥ {best[0]}" if best else "–"
            structural_rows.append(
                f"| SYM ν={nu} {target} | {wall_of} | {top} | "
                f"{best[1]['rss'] / 2**20:.0f} | {seq} |"
                if best
                else f"| SYM ν={nu} {target} | – | – | – | {seq} |"
            )
            s_l, r_l = seq_s, seq_r
        else:
            s_l, r_l, _ = reach(nu, sym, target, start_leading, "leading", budget)
        if args.no_exact:
            s_e, r_e = None, None
        else:
            s_e, r_e, _ = reach(nu, sym, target, start_exact, "exact", budget)
        name = f"{sym.upper()} ν={nu} {target}"
        lead = (
            f"{s_l} | {r_l['wall']:.1f} | {r_l['rss'] / 2**20:.0f} | {r_l['open_graphs']}"
            if r_l
            else f"< {start_leading} | – | – | –"
        )
        if args.no_exact:
            exact = "– | –"
        elif r_e:
            exact = f"{s_e} | {r_e['wall']:.1f}"
        else:
            exact = f"< {start_exact} | –"
        lines.append(f"| {name} | {lead} | {exact} |")
        print(lines[-1], flush=True)
    orders = " / ".join(f"s={s}" for s in STRUCTURAL_ORDERS)
    lines += [
        "",
        'SYM with even ν, structural recursion (`method="auto"`) against the general sequential',
        'process (`method="sequential"`, the baseline; its reach is also the leading column',
        "above for these rows):",
        "",
        f"| model | wall (s) at {orders} | reach | peak RSS (MiB) | sequential: largest s |",
        "|---|---|---|---|---|",
        *structural_rows,
        "",
        "States kept after each step (open graph and s_D so far; every one of them reaches a",
        "leading term), per leading-mode run:",
        "",
        "| model | s | wall (s) | peak states | states after steps 0..s |",
        "|---|---|---|---|---|",
        *GROWTH,
        "",
        f"Total benchmark time: {time.time() - started:.0f} s",
    ]
    text = "\n".join(lines) + "\n"
    if args.out:
        with open(args.out, "w") as fh:
            fh.write(text)
    print(text)


if __name__ == "__main__":
    main()
