"""Service latency under load versus the bare engine call (loopback only, bounded in time).

Starts ``uvicorn service.app:app`` on a free loopback port with a fresh data directory, then
drives it with ``--clients`` concurrent asyncio clients for ``--seconds`` per scenario:

* ``stored``: one request whose result is already stored (served from SQLite);
* ``fresh``: small series requests (``s_max = 1``, one model per client: ν 2..9 × sym/asym ×
  identity/zero) sent with ``Cache-Control: no-cache``, so every request is computed in a worker
  process (the engine's in-process caches are warm after the first call, as in the baseline).

The baseline is the bare engine call of the same requests in this process (``series(...)``
+ ``to_dict()``), sequentially. Each scenario is repeated ``--repeats`` times; the table shows
the median over repeats of p50 / p99 and of throughput, and the service/engine ratios.

Usage: ``.venv/bin/python benchmarks/load.py [--seconds 5] [--repeats 3] [--write PATH]``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

STORED = {"model": {"nu": 2, "symmetry": "sym", "target": "identity"}, "s_max": 4}
FRESH = [
    {"model": {"nu": nu, "symmetry": sym, "target": target}, "s_max": 1}
    for nu in range(2, 10)
    for sym in ("sym", "asym")
    for target in ("identity", "zero")
]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(data_dir: Path, workers: int) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "GFD_DATA_DIR": str(data_dir), "GFD_WORKERS": str(workers)}
    cmd = [sys.executable, "-m", "uvicorn", "service.app:app", "--host", "127.0.0.1"]
    cmd += ["--port", str(port), "--log-level", "warning", "--no-access-log"]
    process = subprocess.Popen(cmd, cwd=ROOT, env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/v1/info", timeout=2).status_code == 200:
                return process, url
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("server did not start")


async def run_clients(
    url: str, clients: int, seconds: float, requests: list[dict], headers: dict[str, str]
) -> tuple[list[float], int]:
    """``clients`` loops posting their request until ``seconds`` pass; latencies in seconds."""
    latencies: list[float] = []
    errors = 0
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, timeout=120, limits=limits) as http:
        stop_at = time.perf_counter() + seconds

        async def client(i: int) -> None:
            nonlocal errors
            body = requests[i % len(requests)]
            while time.perf_counter() < stop_at:
                start = time.perf_counter()
                r = await http.post("/v1/series", json=body, headers=headers)
                elapsed = time.perf_counter() - start
                if r.status_code == 200:
                    latencies.append(elapsed)
                else:
                    errors += 1

        await asyncio.gather(*(client(i) for i in range(clients)))
    return latencies, errors


def engine_latencies(requests: list[dict], seconds: float) -> list[float]:
    """The bare engine call (series + serialisation), sequentially, for ``seconds``."""
    import diagrams
    from diagrams import ModelSpec

    for body in requests:  # warm the engine's caches, as the workers' are after one call
        diagrams.series(ModelSpec.from_dict(body["model"]), body["s_max"]).to_dict()
    latencies = []
    stop_at = time.perf_counter() + seconds
    i = 0
    while time.perf_counter() < stop_at:
        body = requests[i % len(requests)]
        start = time.perf_counter()
        diagrams.series(ModelSpec.from_dict(body["model"]), body["s_max"]).to_dict()
        latencies.append(time.perf_counter() - start)
        i += 1
    return latencies


def summarise(runs: list[tuple[list[float], float]]) -> dict[str, float]:
    """Median over repeats of p50, p99 (ms) and throughput (requests/s)."""
    return {
        "p50": statistics.median(percentile(lat, 0.50) for lat, _ in runs) * 1e3,
        "p99": statistics.median(percentile(lat, 0.99) for lat, _ in runs) * 1e3,
        "rps": statistics.median(len(lat) / secs for lat, secs in runs),
        "n": statistics.median(len(lat) for lat, _ in runs),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--write", type=Path, help="write the markdown table to this file")
    args = parser.parse_args()

    results: dict[str, dict[str, float]] = {}
    errors = 0
    with tempfile.TemporaryDirectory() as tmp:
        process, url = start_server(Path(tmp) / "var", args.workers)
        try:
            httpx.post(url + "/v1/series", json=STORED, timeout=120).raise_for_status()
            for body in FRESH:  # one computation each, so estimates are calibrated
                httpx.post(url + "/v1/series", json=body, timeout=120).raise_for_status()
            for clients in (args.clients, 1):
                for name, requests, headers in (
                    ("stored", [STORED], {}),
                    ("fresh", FRESH, {"Cache-Control": "no-cache"}),
                ):
                    runs = []
                    for _ in range(args.repeats):
                        lat, err = asyncio.run(
                            run_clients(url, clients, args.seconds, requests, headers)
                        )
                        errors += err
                        runs.append((lat, args.seconds))
                    suffix = "" if clients == args.clients else f", {clients} client"
                    results[f"service {name}{suffix}"] = summarise(runs)
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(30)
    for name, requests in (("stored", [STORED]), ("fresh", FRESH)):
        runs = [
            (engine_latencies(requests, args.seconds), args.seconds) for _ in range(args.repeats)
        ]
        results[f"engine {name}"] = summarise(runs)

    load = os.getloadavg()
    lines = [
        "# Service latency under load",
        "",
        f"Command: `.venv/bin/python benchmarks/load.py --clients {args.clients} "
        f"--seconds {args.seconds:g} --repeats {args.repeats}`",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, {args.workers} worker processes; load average at the "
        f"end {load[0]:.1f} (the machine is shared; the load generator runs on the same cores).",
        "",
        f"`stored`: `POST /v1/series` {STORED} (result in the store). `fresh`: `s_max = 1` for "
        f"{len(FRESH)} models (ν 2..9 × sym/asym × identity/zero) with `Cache-Control: "
        "no-cache`, so each request is computed in a worker. Service: "
        f"{args.clients} concurrent loopback clients (and, for the overhead without queueing, "
        f"one client) for {args.seconds:g} s; engine: the bare call `series(...).to_dict()` "
        "in one process, sequentially. Medians over repeats. A stored answer skips the "
        "computation, so its ratio to the engine call can be below 1.",
        "",
        "| case | p50 (ms) | p99 (ms) | throughput (req/s) | requests per run |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, r in results.items():
        lines.append(
            f"| {name} | {r['p50']:.2f} | {r['p99']:.2f} | {r['rps']:.0f} | {r['n']:.0f} |"
        )
    lines += ["", "| ratio service / engine | p50 | p99 | throughput |", "|---|---:|---:|---:|"]
    for name in ("stored", "fresh"):
        for suffix in ("", ", 1 client"):
            s, e = results[f"service {name}{suffix}"], results[f"engine {name}"]
            label = f"{name} ({args.clients} clients)" if not suffix else f"{name}{suffix}"
            lines.append(
                f"| {label} | {s['p50'] / e['p50']:.2f}× | {s['p99'] / e['p99']:.2f}× "
                f"| {s['rps'] / e['rps']:.2f}× |"
            )
    lines += ["", f"Failed requests: {errors}.", ""]
    text = "\n".join(lines)
    print(text)
    if args.write:
        args.write.parent.mkdir(parents=True, exist_ok=True)
        args.write.write_text(text, encoding="utf-8")
    return 0 if errors == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
