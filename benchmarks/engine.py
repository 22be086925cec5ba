"""Engine benchmark: the naive baseline against the engine on the same cases, in one run.

Every measurement runs in a fresh subprocess (cold caches), timing wall clock and peak RSS.
Part 1 compares the straightforward engine (``diagrams.reference.naive``: raw merges, WL hash +
VF2 dedupe, every pairing of every diagram) with the engine on the issue's four baseline cases
(median of ``--repeats``). Part 2 measures the engine's reach: the time to compute the whole
series ``Y_0..Y_s`` for the issue's targets, cold, one call, by both exact methods
(``classes``: expansion then Wick; ``sequential``: merges and pairings interleaved) — the
default (``auto``) is the one marked.

    .venv/bin/python benchmarks/engine.py [--repeats 3] [--quick] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time

CHILD = r"""
import json, resource, sys, time
from diagrams import ModelSpec, series
from diagrams.reference.naive import naive_series
from diagrams.sequential import sequential_series
from diagrams.series import exact_coefficient
nu, sym, target, s, which, mode = sys.argv[1:7]
model = ModelSpec(int(nu), sym, target)
t0 = time.perf_counter()
if which == "naive":
    naive_series(model, int(s))
elif which == "classes":
    [exact_coefficient(model, k, method=which) for k in range(int(s) + 1)]
elif which == "sequential":
    sequential_series(model, int(s))  # one pass gives every order
else:
    series(model, int(s), mode=mode)
wall = time.perf_counter() - t0
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
print(json.dumps({"wall": wall, "rss": max(rss, kids)}))
"""

BASELINE_CASES = [(2, "sym", 4), (2, "asym", 5), (3, "asym", 3), (4, "sym", 1)]
REACH_CASES = [
    (2, "sym", "identity", 10),
    (2, "sym", "identity", 25),
    (2, "asym", "identity", 9),
    (2, "asym", "identity", 10),
    (2, "asym", "identity", 12),
    (3, "asym", "identity", 5),
    (3, "asym", "identity", 6),
    (3, "asym", "zero", 6),
    (3, "asym", "identity", 7),
    (3, "asym", "zero", 7),
    (4, "sym", "identity", 4),
    (4, "sym", "zero", 4),
    (4, "asym", "identity", 5),
    (4, "asym", "identity", 6),
    (5, "asym", "identity", 4),
    (3, "sym", "identity", 4),
]
SKIP_CLASSES = {(3, "asym", "identity", 7), (3, "asym", "zero", 7)}
"""Cases the classes method cannot finish (memory or time); measured once each, see
``benchmarks/results/engine.md``."""


def measure(nu, sym, s, which, mode="exact", timeout=180.0, target="identity"):
    cmd = [sys.executable, "-c", CHILD, str(nu), sym, target, str(s), which, mode]
    start = time.perf_counter()
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return {
            "wall": None,
            "rss": None,
            "timeout": timeout,
            "elapsed": time.perf_counter() - start,
        }
    return json.loads(out.stdout.strip().splitlines()[-1])


def machine() -> str:
    load = os.getloadavg()
    return (
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"load average at start {load[0]:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="baseline cases only")
    parser.add_argument("--timeout", type=float, default=180.0)
    parser.add_argument("--out", default=None)
    args = parser.parse_args()
    lines = [
        f"Machine: {machine()}",
        "",
        "## Naive baseline vs engine (cold, median of repeats)",
        "",
    ]
    lines += ["| case | naive (s) | engine (s) | speed-up |", "|---|---|---|---|"]
    for nu, sym, s in BASELINE_CASES:
        naive = [
            measure(nu, sym, s, "naive", timeout=args.timeout)["wall"] for _ in range(args.repeats)
        ]
        eng = [
            measure(nu, sym, s, "engine", timeout=args.timeout)["wall"] for _ in range(args.repeats)
        ]
        n_med = statistics.median(x for x in naive if x is not None) if all(naive) else None
        e_med = statistics.median(eng)
        ratio = f"{n_med / e_med:.0f}x" if n_med else "n/a"
        lines.append(
            f"| {sym.upper()} ν={nu} s={s} | {n_med:.3f} | {e_med:.3f} | {ratio} |"
            if n_med
            else f"| {sym.upper()} ν={nu} s={s} | timeout | {e_med:.3f} | n/a |"
        )
        print(lines[-1], flush=True)
    if not args.quick:
        from diagrams import ModelSpec
        from diagrams.series import exact_method

        lines += ["", "## Reach: whole series Y_0..Y_s, exact mode, one cold call", ""]
        lines += [
            "| case | classes: wall (s) | peak RSS (MiB) | sequential: wall (s) | peak RSS (MiB) |",
            "|---|---|---|---|---|",
        ]
        for nu, sym, target, s in REACH_CASES:
            default = exact_method(ModelSpec(nu, sym, target))
            cells = []
            for which in ("classes", "sequential"):
                if which == "classes" and (nu, sym, target, s) in SKIP_CLASSES:
                    cells += ["not run", "–"]
                    continue
                r = measure(nu, sym, s, which, timeout=args.timeout, target=target)
                mark = " (default)" if which == default else ""
                if r["wall"] is None:
                    cells += [f"> {args.timeout:.0f} (stopped){mark}", "–"]
                else:
                    cells += [f"{r['wall']:.2f}{mark}", f"{r['rss'] / 2**20:.0f}"]
            lines.append(f"| {sym.upper()} ν={nu} {target} s={s} | " + " | ".join(cells) + " |")
            print(lines[-1], flush=True)
    text = "\n".join(lines) + "\n"
    if args.out:
        with open(args.out, "w") as fh:
            fh.write(text)
    print(text)


if __name__ == "__main__":
    main()
