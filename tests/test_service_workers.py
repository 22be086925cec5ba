"""The worker pool on its own: results, progress, errors, crashes and both kinds of cancellation.

The task functions below run inside real worker processes (the pool imports them by name);
they stand for library computations that report progress often, never, or crash.
"""

from __future__ import annotations

import os
import threading
import time

import pytest

from service.workers import WorkerPool, WorkItem

MODULE = __name__


def add(params, progress):
    for i in range(5):
        progress(i / 5, f"step {i}")
        time.sleep(0.05)
    return {"sum": params["a"] + params["b"], "pid": os.getpid()}


def spin_with_progress(params, progress):
    while True:  # stops only through cancellation
        progress(0.5, "spinning")
        time.sleep(0.01)


def spin_silently(params, progress):
    while True:  # never reports progress: only killing the process stops it
        time.sleep(0.01)


def crash(params, progress):
    os._exit(3)


def invalid(params, progress):
    from diagrams.errors import SpecError

    raise SpecError("model.nu", "must be an integer in 2..12")


class Recorder:
    """A pool handler that records every event."""

    def __init__(self):
        self.events = []
        self.done = {}
        self.cond = threading.Condition()

    def _final(self, item, what, payload):
        with self.cond:
            self.done[item.job_id] = (what, payload)
            self.cond.notify_all()

    def on_start(self, item):
        self.events.append(("start", item.job_id))
        return True

    def on_progress(self, item, fraction, message):
        self.events.append(("progress", item.job_id, fraction, message))

    def on_success(self, item, body, seconds):
        self._final(item, "success", body)

    def on_failure(self, item, error):
        self._final(item, "failure", error)

    def on_cancelled(self, item, message):
        self._final(item, "cancelled", message)

    def on_abandoned(self, item):
        self._final(item, "abandoned", None)

    def wait(self, job_id, timeout=60):
        with self.cond:
            assert self.cond.wait_for(lambda: job_id in self.done, timeout), job_id
            return self.done[job_id]


@pytest.fixture(scope="module")
def pool():
    recorder = Recorder()
    pool = WorkerPool(1, recorder, cancel_grace=0.5)
    pool.start()
    assert pool.ready.wait(120)
    yield pool, recorder
    pool.stop()


def item(job_id, fn, params=None, seq=[0]):  # noqa: B006 - a counter for unique sequence numbers
    seq[0] += 1
    return WorkItem(job_id, seq[0], f"{MODULE}:{fn.__name__}", params or {})


def test_result_and_progress(pool):
    pool_, rec = pool
    pool_.submit(item("ok", add, {"a": 2, "b": 3}))
    what, body = rec.wait("ok")
    assert what == "success" and b'"sum":5' in body
    fractions = [e[2] for e in rec.events if e[0] == "progress" and e[1] == "ok"]
    assert fractions and fractions == sorted(fractions) and all(0 <= f < 1 for f in fractions)


def test_library_error_is_reported_with_its_field(pool):
    pool_, rec = pool
    pool_.submit(item("bad", invalid))
    what, error = rec.wait("bad")
    assert what == "failure" and error["class"] == "SpecError" and error["field"] == "model.nu"


def test_cooperative_cancellation_keeps_the_worker(pool):
    pool_, rec = pool
    pids = pool_.worker_pids()
    work = item("coop", spin_with_progress)
    pool_.submit(work)
    while ("start", "coop") not in rec.events:
        time.sleep(0.01)
    work.cancel.set()
    assert rec.wait("coop") == ("cancelled", "cancelled")
    assert pool_.worker_pids() == pids  # stopped by Cancelled, the process lives on


def test_silent_computation_is_killed_and_the_worker_replaced(pool):
    pool_, rec = pool
    pids = pool_.worker_pids()
    work = item("silent", spin_silently)
    pool_.submit(work)
    while ("start", "silent") not in rec.events:
        time.sleep(0.01)
    started = time.monotonic()
    work.cancel.set()
    what, message = rec.wait("silent")
    assert what == "cancelled" and "stopped" in message
    assert time.monotonic() - started < 5
    pool_.submit(item("after-kill", add, {"a": 1, "b": 1}))
    what, body = rec.wait("after-kill")
    assert what == "success" and b'"sum":2' in body
    assert pool_.worker_pids() != pids  # a fresh process serves new work


def test_crashing_worker_fails_its_job_and_is_replaced(pool):
    pool_, rec = pool
    pool_.submit(item("crash", crash))
    what, error = rec.wait("crash")
    assert (
        what == "failure" and error["class"] == "WorkerDied" and "exit code 3" in error["message"]
    )
    pool_.submit(item("after-crash", add, {"a": 4, "b": 4}))
    assert rec.wait("after-crash")[0] == "success"


def test_cancel_before_start_never_runs(pool):
    pool_, rec = pool
    blocker = item("blocker", spin_with_progress)
    queued = item("queued", add, {"a": 0, "b": 0})
    pool_.submit(blocker)
    pool_.submit(queued)
    queued.cancel.set()
    blocker.cancel.set()
    assert rec.wait("queued")[0] == "cancelled"
    assert ("start", "queued") not in rec.events
