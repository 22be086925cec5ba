"""A pool of worker processes that run library computations with progress and cancellation.

Each slot of the pool owns one long-lived worker process (started with ``spawn``, so it never
inherits the event loop or open sockets) and one supervisor thread in the service process.
The supervisor sends a job to its worker over a pipe, relays progress reports, and returns
the result (JSON bytes) or the error. Cancellation is two-staged: a shared flag makes the
library's progress callback raise :class:`diagrams.errors.Cancelled` at its next report; a
worker that does not stop within the grace period is killed and replaced. A worker that dies
(e.g. out of memory) fails its job instead of hanging it.

This module imports no web framework: worker processes start quickly and stay lean.
"""

from __future__ import annotations

import json
import logging
import multiprocessing as mp
import os
import queue
import signal
import threading
import time
import traceback
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any, Protocol

log = logging.getLogger("service.workers")

PRELOAD = ("diagrams",)
PROGRESS_INTERVAL = 0.1  # seconds between progress messages sent by a worker
POLL_INTERVAL = 0.05  # seconds between cancellation checks of a supervisor


@dataclass
class WorkItem:
    """One computation handed to the pool."""

    job_id: str
    seq: int
    target: str
    params: dict[str, Any]
    cancel: threading.Event = field(default_factory=threading.Event)


class PoolHandler(Protocol):
    """Receives the life events of work items; called from supervisor threads."""

    def on_start(self, item: WorkItem) -> bool: ...
    def on_progress(self, item: WorkItem, fraction: float, message: str) -> None: ...
    def on_success(self, item: WorkItem, body: bytes, seconds: float) -> None: ...
    def on_failure(self, item: WorkItem, error: dict[str, Any]) -> None: ...
    def on_cancelled(self, item: WorkItem, message: str) -> None: ...
    def on_abandoned(self, item: WorkItem) -> None: ...


# ----------------------------------------------------------------------------- worker side
def _die_with_parent() -> None:
    """Ask Linux to kill this process when the service process dies (best effort)."""
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        pass


def _error_dict(err: BaseException) -> dict[str, Any]:
    return {
        "class": type(err).__name__,
        "message": str(err),
        "field": getattr(err, "field", None),
        "reason": getattr(err, "reason", None),
        "estimate": _estimate_dict(getattr(err, "estimate", None)),
        "budget_seconds": getattr(err, "budget_seconds", None),
    }


def _estimate_dict(estimate: Any) -> dict[str, Any] | None:
    if estimate is None:
        return None
    return {
        "seconds": getattr(estimate, "seconds", None),
        "peak_bytes": getattr(estimate, "peak_bytes", None),
        "classes": getattr(estimate, "classes", None),
    }


def worker_main(conn: Connection, cancel_flag: Any, parent_pid: int) -> None:
    """Entry point of a worker process: run computations until told to stop."""
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the service decides when workers stop
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        return
    from importlib import import_module

    for name in PRELOAD:
        import_module(name)
    from diagrams.errors import Cancelled
    from service.tasks import resolve_target

    conn.send(("ready", os.getpid()))
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        _, seq, target, params = msg
        last_sent = 0.0

        def progress(fraction: float, message: str = "", _seq: int = seq) -> None:
            nonlocal last_sent
            if cancel_flag.value == _seq:
                raise Cancelled("cancelled on request")
            now = time.monotonic()
            if now - last_sent >= PROGRESS_INTERVAL:
                last_sent = now
                conn.send(("progress", _seq, min(max(float(fraction), 0.0), 1.0), str(message)))

        started = time.perf_counter()
        try:
            result = resolve_target(target)(params, progress)
            body = json.dumps(result, separators=(",", ":"), allow_nan=False).encode()
            conn.send(("done", seq, body, time.perf_counter() - started))
        except Cancelled:
            conn.send(("cancelled", seq))
        except Exception as err:
            if not hasattr(err, "field"):
                traceback.print_exc()
            conn.send(("error", seq, _error_dict(err)))


# ----------------------------------------------------------------------------- service side
class WorkerStartError(RuntimeError):
    pass


class _Slot:
    """One worker process and the state needed to drive it."""

    def __init__(self, ctx: Any, index: int, start_timeout: float) -> None:
        self.ctx = ctx
        self.index = index
        self.start_timeout = start_timeout
        self.process: Any = None
        self.conn: Connection | None = None
        self.cancel_flag = ctx.RawValue("q", 0)
        self.busy_job: str | None = None

    def alive(self) -> bool:
        return self.process is not None and self.process.is_alive()

    def ensure_worker(self, stopping: threading.Event) -> None:
        if self.alive():
            return
        self.discard()
        parent_conn, child_conn = self.ctx.Pipe(duplex=True)
        process = self.ctx.Process(
            target=worker_main,
            args=(child_conn, self.cancel_flag, os.getpid()),
            name=f"gfd-worker-{self.index}",
            daemon=True,
        )
        process.start()
        child_conn.close()
        self.process, self.conn = process, parent_conn
        deadline = time.monotonic() + self.start_timeout
        while not parent_conn.poll(POLL_INTERVAL):
            if stopping.is_set() or time.monotonic() > deadline:
                self.discard()
                reason = "the pool is stopping" if stopping.is_set() else "timed out"
                raise WorkerStartError(f"worker process did not start ({reason})")
        try:
            msg = parent_conn.recv()
        except (EOFError, OSError) as err:
            code = process.exitcode
            self.discard()
            raise WorkerStartError(f"worker process failed to start (exit code {code})") from err
        if msg[0] != "ready":  # pragma: no cover - protocol error
            self.discard()
            raise WorkerStartError(f"unexpected message from worker: {msg[0]!r}")

    def discard(self, kill: bool = True) -> None:
        """Stop the worker process (if any) and forget it."""
        process, conn = self.process, self.conn
        self.process = self.conn = None
        if process is not None and process.is_alive() and kill:
            process.kill()
        if process is not None:
            process.join(timeout=5)
        if conn is not None:
            conn.close()

    def stop_gracefully(self, timeout: float = 2.0) -> None:
        if self.conn is not None and self.alive():
            try:
                self.conn.send(None)
            except OSError:
                pass
            self.process.join(timeout)
        self.discard()


class WorkerPool:
    """``size`` worker processes fed from one FIFO queue; see the module docstring."""

    def __init__(
        self,
        size: int,
        handler: PoolHandler,
        cancel_grace: float = 1.0,
        start_timeout: float = 120.0,
    ) -> None:
        self.size = size
        self.handler = handler
        self.cancel_grace = cancel_grace
        self._ctx = mp.get_context("spawn")
        self._queue: queue.Queue[WorkItem | None] = queue.Queue()
        self._slots = [_Slot(self._ctx, i, start_timeout) for i in range(size)]
        self._threads: list[threading.Thread] = []
        self._stopping = threading.Event()
        self.ready = threading.Event()
        self._started_workers = 0
        self._lock = threading.Lock()

    # public API --------------------------------------------------------------------------
    def start(self) -> None:
        for slot in self._slots:
            thread = threading.Thread(
                target=self._supervise, args=(slot,), name=f"gfd-supervisor-{slot.index}"
            )
            thread.daemon = True
            thread.start()
            self._threads.append(thread)

    def submit(self, item: WorkItem) -> None:
        self._queue.put(item)

    def queued(self) -> int:
        return self._queue.qsize()

    def busy(self) -> int:
        return sum(slot.busy_job is not None for slot in self._slots)

    def worker_pids(self) -> list[int]:
        return [s.process.pid for s in self._slots if s.process is not None and s.alive()]

    def stop(self, timeout: float = 10.0) -> None:
        """Stop accepting work, kill running computations and end the workers."""
        self._stopping.set()
        while True:  # drop what is still queued; the caller records it
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                break
            if item is not None:
                self.handler.on_abandoned(item)
        for _ in self._slots:
            self._queue.put(None)
        deadline = time.monotonic() + timeout
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        for slot in self._slots:
            slot.discard()

    # supervisor threads ---------------------------------------------------------------------
    def _supervise(self, slot: _Slot) -> None:
        try:
            slot.ensure_worker(self._stopping)
        except WorkerStartError:
            if not self._stopping.is_set():
                log.exception("worker %d failed to start", slot.index)
        with self._lock:
            self._started_workers += 1
            if self._started_workers == self.size:
                self.ready.set()
        while True:
            item = self._queue.get()
            if item is None or self._stopping.is_set():
                if item is not None:
                    self.handler.on_abandoned(item)
                slot.stop_gracefully()
                return
            if item.cancel.is_set():
                self.handler.on_cancelled(item, "cancelled before it started")
                continue
            try:
                slot.ensure_worker(self._stopping)
            except WorkerStartError as err:
                self.handler.on_failure(item, {"class": "WorkerStartError", "message": str(err)})
                continue
            if not self.handler.on_start(item):
                continue
            slot.busy_job = item.job_id
            try:
                self._execute(slot, item)
            except Exception as err:  # pragma: no cover - defensive: never lose a job
                log.exception("supervisor %d failed on job %s", slot.index, item.job_id)
                slot.discard()
                self.handler.on_failure(item, {"class": type(err).__name__, "message": str(err)})
            finally:
                slot.busy_job = None

    def _execute(self, slot: _Slot, item: WorkItem) -> None:
        assert slot.conn is not None
        slot.cancel_flag.value = 0
        slot.conn.send(("run", item.seq, item.target, item.params))
        kill_at: float | None = None
        while True:
            if self._stopping.is_set():
                slot.discard()
                self.handler.on_abandoned(item)
                return
            if item.cancel.is_set() and kill_at is None:
                slot.cancel_flag.value = item.seq
                kill_at = time.monotonic() + self.cancel_grace
            if kill_at is not None and time.monotonic() >= kill_at:
                slot.discard()
                self.handler.on_cancelled(item, "cancelled; the worker process was stopped")
                return
            try:
                ready = slot.conn.poll(POLL_INTERVAL)
                msg = slot.conn.recv() if ready else None
            except (EOFError, OSError):
                msg, ready = None, True
            if msg is None:
                if ready or not slot.alive():
                    self._worker_died(slot, item)
                    return
                continue
            tag = msg[0]
            if msg[1] != item.seq:  # pragma: no cover - stale message
                continue
            if tag == "progress":
                self.handler.on_progress(item, msg[2], msg[3])
            elif tag == "done":
                self.handler.on_success(item, msg[2], msg[3])
                return
            elif tag == "error":
                self.handler.on_failure(item, msg[2])
                return
            elif tag == "cancelled":
                self.handler.on_cancelled(item, "cancelled")
                return

    def _worker_died(self, slot: _Slot, item: WorkItem) -> None:
        process = slot.process
        slot.discard(kill=True)
        code = process.exitcode if process is not None else None
        if item.cancel.is_set():
            self.handler.on_cancelled(item, "cancelled; the worker process was stopped")
            return
        reason = f"exit code {code}"
        if code is not None and code < 0:
            reason = f"killed by signal {-code}" + (
                " (possibly out of memory)" if -code == signal.SIGKILL else ""
            )
        self.handler.on_failure(
            item, {"class": "WorkerDied", "message": f"the worker process died ({reason})"}
        )
