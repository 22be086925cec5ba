"""Splitting one engine stage over the machine's cores (fork-based worker processes).

Workers inherit the parent's caches (expansion levels, Wick memo) at fork time, each handles a
strided share of the items and returns a partial dict that the parent sums. With one worker, or
few items, everything runs in-process. Results do not depend on the number of workers.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from diagrams.errors import Cancelled

K = TypeVar("K")
Progress = Callable[[float, str], None] | None

_TASK: tuple[Callable[[Sequence[Any]], dict[Any, Any]], Sequence[Any]] | None = None


_SINGLE_PROCESS: ContextVar[bool] = ContextVar("gfd_single_process", default=False)


@contextmanager
def single_process() -> Iterator[None]:
    """Within this context :func:`engine_workers` is 1: for pricing work that will run in a
    process that cannot fork (a service's pool worker) from a process that could."""
    token = _SINGLE_PROCESS.set(True)
    try:
        yield
    finally:
        _SINGLE_PROCESS.reset(token)


def engine_workers() -> int:
    """Worker count: ``GFD_ENGINE_WORKERS`` if set, else the number of usable cores; 1 in a
    daemonic process and inside :func:`single_process`."""
    if _SINGLE_PROCESS.get() or multiprocessing.current_process().daemon:
        return 1  # daemonic processes (e.g. a service's pool workers) may not fork children
    env = os.environ.get("GFD_ENGINE_WORKERS", "").strip()
    if env.isdigit() and int(env) > 0:
        return int(env)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - non-Linux
        return max(1, os.cpu_count() or 1)


def planned_workers(n_items: int, min_items_per_worker: int, max_workers: int | None = None) -> int:
    """How many worker processes :func:`sum_over_items` uses for ``n_items`` items (1: it runs
    in-process)."""
    workers = min(engine_workers(), max(1, n_items // min_items_per_worker))
    if max_workers is not None:
        workers = min(workers, max_workers)
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return workers


def _run_share(args: tuple[int, int]) -> dict[Any, Any]:
    assert _TASK is not None
    func, items = _TASK
    start, step = args
    return func(items[start::step])


def add_into(total: dict[K, Any], part: dict[K, Any]) -> None:
    for key, value in part.items():
        total[key] = total.get(key, 0) + value


def sum_over_items(
    func: Callable[[Sequence[Any]], dict[K, Any]],
    items: Sequence[Any],
    progress: Progress = None,
    message: str = "",
    min_items_per_worker: int = 2000,
    chunks_per_worker: int = 8,
    max_workers: int | None = None,
) -> dict[K, Any]:
    """``Σ func(share)`` over shares of ``items``, as a dict of summed values.

    ``func`` maps a list of items to ``{key: number}``; the shares (``chunks_per_worker`` per
    worker) are computed in parallel when there are enough items. ``progress`` is called
    between chunks and may raise :class:`Cancelled`, which terminates the workers.
    ``max_workers=1`` keeps everything in-process (for callers that must not fork, such as a
    cost estimate answered inside a threaded web server).
    """
    workers = planned_workers(len(items), min_items_per_worker, max_workers)
    chunks = max(workers * chunks_per_worker, 1)
    total: dict[K, Any] = {}
    if workers <= 1:
        step = max(1, len(items) // chunks)
        for i in range(0, len(items), step):
            if progress is not None:
                progress(i / max(len(items), 1), message)
            add_into(total, func(items[i : i + step]))
        return total
    global _TASK
    _TASK = (func, items)
    ctx = multiprocessing.get_context("fork")
    try:
        with ctx.Pool(workers) as pool:
            shares = [(start, chunks) for start in range(chunks)]
            for done, part in enumerate(pool.imap_unordered(_run_share, shares), start=1):
                add_into(total, part)
                if progress is not None:
                    progress(done / chunks, message)
    except Cancelled:
        raise
    finally:
        _TASK = None
    return total
