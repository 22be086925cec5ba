"""Engine benchmark: the naive baseline against the engine on the same cases, in one run.

Every measurement runs in a fresh subprocess (cold caches), timing wall clock and peak RSS.
Part 1 compares the straightforward engine (``diagrams.reference.naive``: raw merges, WL hash +
VF2 dedupe, every pairing of every diagram) with the engine on the issue's four baseline cases
(median of ``--repeats``). Part 2 measures the engine's reach: the time to compute the whole
series ``Y_0..Y_s`` for the issue's targets, cold, one call.

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
nu, sym, target, s, which, mode = sys.argv[1:7]
model = ModelSpec(int(nu), sym, target)
t0 = time.perf_counter()
if which == "naive":
    naive_series(model, int(s))
else:
    series(model, int(s), mode=mode)
wall = time.perf_counter() - t0
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
print(json.dumps({"wall": wall, "rss": max(rss, kids)}))
"""

BASELINE_CASES = [(2, "sym", 4), (2, "asym", 5), (3, "asym", 3), (4, "sym", 1)]
REACH_CASES = [
    (2, "sym", 10),
    (2, "sym", 25),
    (2, "asym", 9),
    (2, "asym", 10),
    (3, "asym", 5),
    (3, "asym", 6),
    (3, "asym", 7),
    (4, "sym", 4),
    (4, "asym", 5),
    (3, "sym", 4),
]


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
        lines += ["", "## Reach: whole series Y_0..Y_s, exact mode, one cold call", ""]
        lines += ["| case | wall (s) | peak RSS (MiB) |", "|---|---|---|"]
        for nu, sym, s in REACH_CASES:
            r = measure(nu, sym, s, "engine", timeout=args.timeout)
            if r["wall"] is None:
                lines.append(f"| {sym.upper()} ν={nu} s={s} | > {args.timeout:.0f} (stopped) | – |")
            else:
                lines.append(
                    f"| {sym.upper()} ν={nu} s={s} | {r['wall']:.2f} | {r['rss'] / 2**20:.0f} |"
                )
            print(lines[-1], flush=True)
    text = "\n".join(lines) + "\n"
    if args.out:
        with open(args.out, "w") as fh:
            fh.write(text)
    print(text)


if __name__ == "__main__":
    main()
