"""Job manager: result store look-up, budget check, de-duplication, scheduling, cancellation.

A *computation* is identified by the content address of its inputs (the request hash). A
*job* is what a client sees: a record with an id, status and progress, attached to one
computation, plus view parameters (page, format) of its own. Identical requests arriving
while a computation runs attach new or existing jobs to it, so the work is done once;
a finished computation's result is stored and served to every later identical request.

Life of a job: ``queued`` → ``running`` → ``succeeded`` | ``failed`` | ``cancelled``; a job
that was running when the service stopped becomes ``interrupted``, and a job still queued
is scheduled again when the service starts on the same data directory.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import math
import threading
import time
import uuid
from collections import Counter, OrderedDict
from dataclasses import dataclass, field, replace
from typing import Any

from diagrams.parallel import single_process
from service.problems import ProblemError, budget_problem, problem_dict
from service.settings import Settings
from service.storage import FINAL_STATUSES, JobRecord, Store
from service.tasks import Estimate, TaskKind, canonical_json, get_kind
from service.workers import WorkerPool, WorkItem

log = logging.getLogger("service.jobs")

PROGRESS_WRITE_INTERVAL = 0.2  # seconds between progress writes to the store
PARSED_CACHE_SIZE = 16  # parsed results kept in memory for paginated views
ESTIMATE_CACHE_SIZE = 4096  # cost estimates kept in memory, by request hash
BYTES_CACHE_LIMIT = 64 * 2**20  # bytes of served result bodies kept in memory


@dataclass
class _Computation:
    item: WorkItem
    kind: TaskKind
    request_hash: str
    estimate: Estimate
    jobs: dict[str, dict[str, Any]] = field(default_factory=dict)  # live job id -> view
    status: str = "queued"
    progress: float = 0.0
    message: str = ""
    last_write: float = 0.0


@dataclass(frozen=True)
class Submission:
    """What :meth:`JobManager.submit` decided."""

    request_hash: str
    source: str  # "store" (already computed), "computed" (new computation), "joined"
    job_id: str | None = None
    estimate: Estimate | None = None


class JobManager:
    """Owns the worker pool and every live computation; see the module docstring."""

    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.settings = settings
        self.pool = WorkerPool(settings.workers, self, cancel_grace=settings.cancel_grace_seconds)
        self.stats: Counter[str] = Counter()
        self._lock = threading.Lock()
        self._by_hash: dict[str, _Computation] = {}
        self._by_job: dict[str, _Computation] = {}
        self._by_seq: dict[int, _Computation] = {}
        self._futures: dict[str, asyncio.Future[str]] = {}
        self._seq = itertools.count(1)
        self._parsed: OrderedDict[str, Any] = OrderedDict()
        self._estimates: OrderedDict[str, Estimate] = OrderedDict()
        self._bytes: OrderedDict[str, bytes] = OrderedDict()  # served result bodies (LRU)
        self._bytes_total = 0
        self._estimate_lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self.started_at = time.time()

    # ------------------------------------------------------------------------- life cycle
    def start(self) -> None:
        """Recover after a stop or crash, then start the workers (call inside the loop)."""
        self._loop = asyncio.get_running_loop()
        interrupted = self.store.interrupt_running(
            "interrupted: the service stopped while this job was running; submit it again"
        )
        if interrupted:
            log.warning("%d job(s) were running when the service stopped: interrupted", interrupted)
        for record in self.store.live_jobs():  # only 'queued' ones remain
            try:
                kind = get_kind(record.kind)
            except KeyError:
                self.store.finish_job(
                    record.job_id, "failed", "unknown task kind", self._unknown_kind(record)
                )
                continue
            if self.store.has_result(record.request_hash):
                self.store.finish_job(record.job_id, "succeeded", "served from the result store")
                continue
            comp = self._by_hash.get(record.request_hash)
            if comp is not None:  # it shared a computation before the stop: share it again
                with self._lock:
                    comp.jobs[record.job_id] = record.view
                    self._by_job[record.job_id] = comp
                self.stats["requeued_joined"] += 1
                continue
            self._schedule(kind, record.params, record.view, record.request_hash, record.job_id)
            self.stats["requeued"] += 1
        self.pool.start()

    def stop(self) -> None:
        """Stop the workers; running jobs become ``interrupted``, queued ones stay queued."""
        self.pool.stop()
        self.store.interrupt_running(
            "interrupted: the service shut down while this job was running; submit it again"
        )

    @staticmethod
    def _unknown_kind(record: JobRecord) -> dict[str, Any]:
        return problem_dict(
            500, "unknown-kind", f"this server does not know task kind {record.kind!r}", None
        )

    # ------------------------------------------------------------------------- submission
    async def submit(
        self,
        kind: TaskKind,
        params: dict[str, Any],
        view: dict[str, Any],
        want_job: bool,
        use_store: bool = True,
    ) -> Submission:
        """Answer from the store, join a running computation, or schedule a new one.

        Raises :class:`ProblemError` (422) when the estimate exceeds the budget and
        :class:`diagrams.errors.SpecError` when the estimator rejects the parameters.
        Runs in the event loop; only the estimate is computed in a thread, so de-duplication
        needs no further locking against other submissions.
        """
        request_hash = kind.request_hash(params)
        found = self._existing(kind, params, view, request_hash, want_job, use_store)
        if found is not None:
            return found
        estimate = await self.estimate(kind, params, request_hash)
        found = self._existing(kind, params, view, request_hash, want_job, use_store)
        if found is not None:  # an identical request got here while we estimated
            return found
        try:
            self.check_budget(kind, estimate)
        except ProblemError as refusal:
            refusal.offer_alternatives(await self.alternatives(kind, params))
            raise
        job_id = uuid.uuid4().hex
        self.store.create_job(
            job_id,
            kind.name,
            request_hash,
            canonical_json(params),
            view,
            "queued",
            estimate.seconds if math.isfinite(estimate.seconds) else None,
        )
        self._schedule(kind, params, view, request_hash, job_id, estimate)
        return Submission(request_hash, "computed", job_id, estimate)

    def _existing(
        self,
        kind: TaskKind,
        params: dict[str, Any],
        view: dict[str, Any],
        request_hash: str,
        want_job: bool,
        use_store: bool,
    ) -> Submission | None:
        """A stored result or a live identical computation, if there is one."""
        if use_store and self.has_result(request_hash):
            with self._lock:
                self.stats["store_hits"] += 1
            if not want_job:
                return Submission(request_hash, "store")
            job_id = uuid.uuid4().hex
            self.store.create_job(
                job_id, kind.name, request_hash, canonical_json(params), view, "succeeded", None
            )
            return Submission(request_hash, "store", job_id, Estimate(0.0))
        with self._lock:
            comp = self._by_hash.get(request_hash)
            joinable = comp is not None and comp.status in ("queued", "running")
            if not joinable or comp.item.cancel.is_set():
                return None
            self.stats["joined"] += 1
            job_id = next((j for j, v in comp.jobs.items() if v == view), None)
            if job_id is None:
                job_id = uuid.uuid4().hex
                self.store.create_job(
                    job_id,
                    kind.name,
                    request_hash,
                    canonical_json(params),
                    view,
                    "queued",
                    comp.estimate.seconds,
                )
                if comp.status == "running":
                    self.store.mark_running(job_id)
                comp.jobs[job_id] = view
                self._by_job[job_id] = comp
            return Submission(request_hash, "joined", job_id, comp.estimate)

    async def estimate(self, kind: TaskKind, params: dict[str, Any], request_hash: str) -> Estimate:
        """The kind's cost estimate, memoised; computed in a thread (it may calibrate)."""
        cached = self._estimates.get(request_hash)
        if cached is not None:
            return cached

        def run() -> Estimate:
            # estimators may fill caches that are not thread-safe; the job will run in one
            # pool worker, which cannot fork, so it is priced as one process
            with self._estimate_lock, single_process():
                try:
                    return kind.estimate_cost(params)
                except OverflowError:
                    return Estimate(float("inf"))

        estimate = await asyncio.to_thread(run)
        self._estimates[request_hash] = estimate
        while len(self._estimates) > ESTIMATE_CACHE_SIZE:
            self._estimates.popitem(last=False)
        return estimate

    async def alternatives(self, kind: TaskKind, params: dict[str, Any]) -> list[dict[str, Any]]:
        """Nearby requests within the budget, for a refusal (computed in a thread, like the
        estimate; an estimator failure only loses the offer)."""

        def run() -> list[dict[str, Any]]:
            with self._estimate_lock, single_process():
                return kind.affordable_alternatives(
                    params, self.settings.budget_seconds, self.settings.budget_bytes
                )

        try:
            return await asyncio.to_thread(run)
        except Exception:  # noqa: BLE001 - the refusal stands without the offer
            log.exception("alternatives for a refused %s request failed", kind.name)
            return []

    def check_budget(self, kind: TaskKind, estimate: Estimate) -> None:
        """Refuse (422, naming the kind's cost field) an estimate over the budget."""
        if not estimate.seconds <= self.settings.budget_seconds:
            raise budget_problem(kind.cost_field, estimate, self.settings.budget_seconds)
        if estimate.peak_bytes is not None and estimate.peak_bytes > self.settings.budget_bytes:
            raise ProblemError(
                422,
                "budget-exceeded",
                f"{kind.cost_field}: the estimated peak memory ({estimate.peak_bytes} bytes) "
                f"exceeds this server's budget of {self.settings.budget_bytes} bytes",
                kind.cost_field,
                estimate=estimate.to_dict(),
                budget_bytes=self.settings.budget_bytes,
            )

    def _schedule(
        self,
        kind: TaskKind,
        params: dict[str, Any],
        view: dict[str, Any],
        request_hash: str,
        job_id: str,
        estimate: Estimate | None = None,
    ) -> None:
        seq = next(self._seq)
        comp = _Computation(
            WorkItem(job_id, seq, kind.target, params),
            kind,
            request_hash,
            estimate or Estimate(0.0),
            {job_id: view},
        )
        with self._lock:
            self._by_hash[request_hash] = comp
            self._by_job[job_id] = comp
            self._by_seq[seq] = comp
        self.pool.submit(comp.item)

    # ------------------------------------------------------------------------ observation
    async def wait(self, job_id: str, timeout: float) -> str | None:
        """Wait until the job reaches a final status; None on timeout."""
        with self._lock:
            live = job_id in self._by_job
            if live:
                assert self._loop is not None
                future = self._futures.get(job_id)
                if future is None:
                    future = self._futures[job_id] = self._loop.create_future()
        if not live:
            record = self.store.get_job(job_id)
            return None if record is None else record.status
        try:
            return await asyncio.wait_for(asyncio.shield(future), timeout)
        except TimeoutError:
            return None

    def get_job(self, job_id: str) -> JobRecord | None:
        """The job's record, with the freshest progress of a live computation."""
        record = self.store.get_job(job_id)
        if record is None:
            return None
        with self._lock:
            comp = self._by_job.get(job_id)
            if comp is not None and record.status not in FINAL_STATUSES:
                return _with(record, status=comp.status, progress=comp.progress, msg=comp.message)
        return record

    def load_result(self, request_hash: str) -> Any:
        """The stored result of a computation, parsed (small in-memory LRU)."""
        with self._lock:
            if request_hash in self._parsed:
                self._parsed.move_to_end(request_hash)
                return self._parsed[request_hash]
        body = self.store.get_result(request_hash)
        if body is None:
            raise KeyError(request_hash)
        parsed = json.loads(body)
        with self._lock:
            self._parsed[request_hash] = parsed
            while len(self._parsed) > PARSED_CACHE_SIZE:
                self._parsed.popitem(last=False)
        return parsed

    def has_result(self, request_hash: str) -> bool:
        with self._lock:
            if request_hash in self._bytes:
                return True
        return self.store.has_result(request_hash)

    def load_result_bytes(self, request_hash: str) -> bytes | None:
        """A stored result's JSON bytes; recently served ones come from memory."""
        with self._lock:
            body = self._bytes.get(request_hash)
            if body is not None:
                self._bytes.move_to_end(request_hash)
                return body
        body = self.store.get_result(request_hash)
        if body is not None and len(body) <= BYTES_CACHE_LIMIT // 8:
            with self._lock:
                self._bytes[request_hash] = body
                self._bytes_total += len(body)
                while self._bytes_total > BYTES_CACHE_LIMIT:
                    _, dropped = self._bytes.popitem(last=False)
                    self._bytes_total -= len(dropped)
        return body

    def live_counts(self) -> dict[str, int]:
        with self._lock:
            statuses = Counter(c.status for c in self._by_hash.values())
        return {"queued": statuses["queued"], "running": statuses["running"]}

    # ----------------------------------------------------------------------- cancellation
    async def cancel(self, job_id: str) -> JobRecord | None:
        """Cancel a job; the computation stops when no other live job is attached to it."""
        with self._lock:
            comp = self._by_job.get(job_id)
            if comp is not None:
                comp.jobs.pop(job_id, None)
                del self._by_job[job_id]
                orphaned = not comp.jobs
        if comp is None:
            return self.store.get_job(job_id)
        self.store.finish_job(job_id, "cancelled", "cancelled on request")
        self._resolve_soon(job_id, "cancelled")
        if orphaned:
            comp.item.cancel.set()
            with self._lock:
                if self._by_hash.get(comp.request_hash) is comp:
                    del self._by_hash[comp.request_hash]
            self.stats["cancelled"] += 1
        return self.store.get_job(job_id)

    # -------------------------------------------------------------- pool handler (threads)
    def _comp(self, item: WorkItem) -> _Computation | None:
        with self._lock:
            return self._by_seq.get(item.seq)

    def on_start(self, item: WorkItem) -> bool:
        comp = self._comp(item)
        if comp is None:
            return False
        with self._lock:
            if not comp.jobs or item.cancel.is_set():
                self._forget(comp)
                return False
            comp.status, comp.message = "running", "started"
            job_ids = list(comp.jobs)
            self.stats["computations"] += 1
        for job_id in job_ids:
            self.store.mark_running(job_id)
        return True

    def on_progress(self, item: WorkItem, fraction: float, message: str) -> None:
        comp = self._comp(item)
        if comp is None:
            return
        now = time.monotonic()
        with self._lock:
            comp.progress, comp.message = fraction, message
            write = now - comp.last_write >= PROGRESS_WRITE_INTERVAL
            if write:
                comp.last_write = now
            job_ids = list(comp.jobs)
        if write:
            for job_id in job_ids:
                self.store.set_progress(job_id, fraction, message)

    def on_success(self, item: WorkItem, body: bytes, seconds: float) -> None:
        comp = self._comp(item)
        if comp is None:
            return
        self.store.put_result(comp.request_hash, comp.kind.name, body, seconds)
        with self._lock:  # a recomputation (Cache-Control: no-cache) replaces what was served
            self._parsed.pop(comp.request_hash, None)
            old = self._bytes.pop(comp.request_hash, None)
            self._bytes_total -= len(old) if old is not None else 0
        self._finish(comp, "succeeded", f"computed in {seconds:.3g} s")

    def on_failure(self, item: WorkItem, error: dict[str, Any]) -> None:
        comp = self._comp(item)
        if comp is None:
            return
        with self._lock:
            self.stats["failures"] += 1
        self._finish(comp, "failed", error.get("message", "failed"), self._problem(comp, error))

    def on_cancelled(self, item: WorkItem, message: str) -> None:
        comp = self._comp(item)
        if comp is not None:
            self._finish(comp, "cancelled", message)

    def on_abandoned(self, item: WorkItem) -> None:
        comp = self._comp(item)
        if comp is None:
            return
        if comp.status == "running":
            self._finish(comp, "interrupted", "interrupted: the service shut down")
        else:  # stays queued in the store and is scheduled again on the next start
            with self._lock:
                job_ids = list(comp.jobs)
                self._forget(comp)
            for job_id in job_ids:
                self._resolve_soon(job_id, "queued")

    def _finish(
        self,
        comp: _Computation,
        status: str,
        message: str,
        error: dict[str, Any] | None = None,
    ) -> None:
        with self._lock:  # from here on no request joins this computation
            comp.status = status
            job_ids = list(comp.jobs)
        for job_id in job_ids:
            self.store.finish_job(job_id, status, message, error)
        with self._lock:  # the store is final before the job stops counting as live
            self._forget(comp)
        for job_id in job_ids:
            self._resolve_soon(job_id, status)

    def _forget(self, comp: _Computation) -> None:  # caller holds the lock
        self._by_seq.pop(comp.item.seq, None)
        if self._by_hash.get(comp.request_hash) is comp:
            del self._by_hash[comp.request_hash]
        for job_id in comp.jobs:
            if self._by_job.get(job_id) is comp:
                del self._by_job[job_id]

    def _resolve_soon(self, job_id: str, status: str) -> None:
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        try:
            loop.call_soon_threadsafe(self._resolve, job_id, status)
        except RuntimeError:  # the loop closed meanwhile (shutdown)
            pass

    def _resolve(self, job_id: str, status: str) -> None:
        with self._lock:
            future = self._futures.pop(job_id, None)
        if future is not None and not future.done():
            future.set_result(status)

    @staticmethod
    def _problem(comp: _Computation, error: dict[str, Any]) -> dict[str, Any]:
        """Problem details for an error reported by a worker."""
        cls = error.get("class")
        if cls in ("SpecError", "NotApplicable") and error.get("field"):
            slug = "invalid-field" if cls == "SpecError" else "not-applicable"
            detail = f"{error['field']}: {error.get('reason') or error.get('message')}"
            return problem_dict(422, slug, detail, error["field"])
        if cls == "BudgetExceeded":
            estimate = error.get("estimate") or {}
            field_ = error.get("field") or comp.kind.cost_field
            return budget_problem(
                field_, Estimate.coerce(estimate.get("seconds") or 0.0), error["budget_seconds"]
            ).to_dict()
        if cls in ("WorkerDied", "WorkerStartError"):
            return problem_dict(500, "worker-died", error.get("message", ""), None)
        return problem_dict(
            500,
            "computation-failed",
            f"the computation failed ({cls}: {error.get('message', '')})",
            None,
        )


def _with(record: JobRecord, status: str, progress: float, msg: str) -> JobRecord:
    return replace(record, status=status, progress=progress, message=msg or record.message)
