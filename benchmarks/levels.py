"""Level methods of the leading mode for the identity target (ASYM): the first order in the
target strength for ν ≥ 3 (``s_r_max=2``, ``diagrams.leading_dmft``) and the lowest levels of
the planar limit for ν = 2 (``s_d_max=K``, ``diagrams.leading_planar_levels``).

Baseline in the same run: the complete leading terms (Pareto terms of the exact sequential
process), filtered to the same levels, at an order both reach; the level method is timed there
too (ratio) and then at s = 15, 20, 25. Every measurement is a cold subprocess (wall clock and
peak RSS).

    .venv/bin/python benchmarks/levels.py [--out FILE]
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
from diagrams import ModelSpec
from diagrams.leading import at_most, leading_series
nu, s, s_r, s_d, baseline = (int(x) for x in sys.argv[1:6])
model = ModelSpec(nu, "asym", "identity")
s_r, s_d = (s_r if s_r >= 0 else None), (s_d if s_d >= 0 else None)
t0 = time.perf_counter()
if baseline:
    full = leading_series(model, s)
    out = [at_most(model, t, y, s_r, s_d) for t, y in enumerate(full)]
else:
    out = leading_series(model, s, s_r_max=s_r, s_d_max=s_d)
wall = time.perf_counter() - t0
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
terms = sum(len(y.terms) for y in out)
digest = hash(tuple(tuple(sorted(y.terms.items())) for y in out)) & 0xFFFFFFFF
print(json.dumps({"wall": wall, "rss": rss, "terms": terms, "digest": digest}))
"""

# (ν, s_r_max, s_d_max, order reached by the baseline too)
CASES = [(3, 2, -1, 6), (4, 2, -1, 5), (2, -1, 4, 11), (2, -1, 6, 11), (2, -1, 8, 11)]
ORDERS = [15, 20, 25]


def measure(nu: int, s: int, s_r: int, s_d: int, baseline: bool, budget: float) -> dict:
    cmd = [sys.executable, "-c", CHILD, str(nu), str(s), str(s_r), str(s_d), str(int(baseline))]
    env = {**os.environ, "PYTHONHASHSEED": "0"}  # the digest compares the two methods' terms
    try:
        out = subprocess.run(
            cmd, capture_output=True, text=True, timeout=budget, check=True, env=env
        )
    except subprocess.TimeoutExpired:
        return {"wall": None}
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--budget", type=float, default=120.0, help="seconds per call")
    parser.add_argument("--out", default=None)
    args = parser.parse_args()
    load = os.getloadavg()[0]
    started = time.time()
    lines = [
        f"Command: `.venv/bin/python benchmarks/levels.py {' '.join(sys.argv[1:])}`".rstrip(),
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, load average at start {load:.2f}",
        "",
        "| ASYM identity, levels | baseline s | complete + filter (s) | level method (s) "
        "| ratio | same terms | level method at s = 15 / 20 / 25 (s) | terms at 25 "
        "| peak RSS at 25 (MiB) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for nu, s_r, s_d, s_b in CASES:
        base = measure(nu, s_b, s_r, s_d, True, args.budget)
        fast = measure(nu, s_b, s_r, s_d, False, args.budget)
        walls, last = [], None
        for s in ORDERS:
            last = measure(nu, s, s_r, s_d, False, args.budget)
            walls.append("> budget" if last["wall"] is None else f"{last['wall']:.2f}")
        levels = f"s_R ≤ {s_r}" if s_r >= 0 else f"s_D ≤ {s_d}"
        ratio = base["wall"] / fast["wall"] if base["wall"] and fast["wall"] else None
        same = base.get("digest") == fast.get("digest") and base.get("digest") is not None
        end = (
            f"{last['terms']} | {last['rss'] / 2**20:.0f}" if last["wall"] is not None else "– | –"
        )
        lines.append(
            f"| ν={nu}, {levels} | {s_b} | {base['wall'] or float('nan'):.2f} | "
            f"{fast['wall'] or float('nan'):.2f} | {ratio or float('nan'):.3g}× | "
            f"{'yes' if same else 'NO'} | {' / '.join(walls)} | {end} |"
        )
        print(lines[-1], flush=True)
    lines += ["", f"Total benchmark time: {time.time() - started:.0f} s"]
    text = "\n".join(lines) + "\n"
    if args.out:
        with open(args.out, "w") as fh:
            fh.write(text)
    print(text)


if __name__ == "__main__":
    main()
