"""Embedded storage: one SQLite file holding jobs and content-addressed results.

``results`` maps a request hash (see :meth:`service.tasks.TaskKind.request_hash`) to the JSON
bytes the computation produced; ``jobs`` records every scheduled computation with its status,
progress and error. SQLite runs in WAL mode so readers never wait for the writer; each thread
gets its own connection.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS results (
    request_hash    TEXT PRIMARY KEY,
    kind            TEXT NOT NULL,
    body            BLOB NOT NULL,          -- zlib-compressed JSON
    size            INTEGER NOT NULL,       -- uncompressed bytes
    compute_seconds REAL NOT NULL,
    created_at      REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS jobs (
    job_id          TEXT PRIMARY KEY,
    kind            TEXT NOT NULL,
    request_hash    TEXT NOT NULL,
    params          TEXT NOT NULL,          -- canonical JSON of the computation's inputs
    view            TEXT NOT NULL,          -- JSON of presentation parameters (page, format)
    status          TEXT NOT NULL,
    progress        REAL NOT NULL DEFAULT 0,
    message         TEXT NOT NULL DEFAULT '',
    error           TEXT,                   -- JSON problem details when failed
    estimate_seconds REAL,
    created_at      REAL NOT NULL,
    started_at      REAL,
    finished_at     REAL
);
CREATE INDEX IF NOT EXISTS jobs_created ON jobs (created_at DESC);
CREATE INDEX IF NOT EXISTS jobs_hash ON jobs (request_hash);
"""

FINAL_STATUSES = frozenset({"succeeded", "failed", "cancelled", "interrupted"})
LIVE_STATUSES = frozenset({"queued", "running"})
STATUSES = ("queued", "running", "succeeded", "failed", "cancelled", "interrupted")


@dataclass(frozen=True)
class JobRecord:
    job_id: str
    kind: str
    request_hash: str
    params: dict[str, Any]
    view: dict[str, Any]
    status: str
    progress: float
    message: str
    error: dict[str, Any] | None
    estimate_seconds: float | None
    created_at: float
    started_at: float | None
    finished_at: float | None

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> JobRecord:
        return cls(
            job_id=row["job_id"],
            kind=row["kind"],
            request_hash=row["request_hash"],
            params=json.loads(row["params"]),
            view=json.loads(row["view"]),
            status=row["status"],
            progress=row["progress"],
            message=row["message"],
            error=json.loads(row["error"]) if row["error"] else None,
            estimate_seconds=row["estimate_seconds"],
            created_at=row["created_at"],
            started_at=row["started_at"],
            finished_at=row["finished_at"],
        )


class Store:
    """Thread-safe access to the SQLite database at ``path`` (created if missing)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._write_lock = threading.RLock()
        self._all: list[sqlite3.Connection] = []
        with self._write_lock:
            conn = self._conn()
            conn.executescript(SCHEMA)

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(
                self.path, timeout=30, isolation_level=None, check_same_thread=False
            )
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA busy_timeout=30000")
            self._local.conn = conn
            with self._write_lock:
                self._all.append(conn)
        return conn

    def _write(self, sql: str, args: tuple[Any, ...]) -> int:
        with self._write_lock:
            return self._conn().execute(sql, args).rowcount

    # ----------------------------------------------------------------------------- results
    def put_result(self, request_hash: str, kind: str, body: bytes, seconds: float) -> None:
        self._write(
            "INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?, ?, ?)",
            (request_hash, kind, zlib.compress(body, 1), len(body), seconds, time.time()),
        )

    def get_result(self, request_hash: str) -> bytes | None:
        row = (
            self._conn()
            .execute("SELECT body FROM results WHERE request_hash = ?", (request_hash,))
            .fetchone()
        )
        return None if row is None else zlib.decompress(row["body"])

    def has_result(self, request_hash: str) -> bool:
        row = (
            self._conn()
            .execute("SELECT 1 FROM results WHERE request_hash = ?", (request_hash,))
            .fetchone()
        )
        return row is not None

    def count_results(self) -> int:
        return self._conn().execute("SELECT COUNT(*) FROM results").fetchone()[0]

    # -------------------------------------------------------------------------------- jobs
    def create_job(
        self,
        job_id: str,
        kind: str,
        request_hash: str,
        params_json: str,
        view: dict[str, Any],
        status: str,
        estimate_seconds: float | None,
    ) -> None:
        now = time.time()
        finished = now if status in FINAL_STATUSES else None
        progress = 1.0 if status == "succeeded" else 0.0
        message = "served from the result store" if status == "succeeded" else ""
        self._write(
            "INSERT INTO jobs (job_id, kind, request_hash, params, view, status, progress,"
            " message, estimate_seconds, created_at, started_at, finished_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                job_id,
                kind,
                request_hash,
                params_json,
                json.dumps(view, sort_keys=True),
                status,
                progress,
                message,
                estimate_seconds,
                now,
                finished,
                finished,
            ),
        )

    def mark_running(self, job_id: str) -> None:
        self._write(
            "UPDATE jobs SET status = 'running', started_at = ?, message = 'started'"
            " WHERE job_id = ? AND status = 'queued'",
            (time.time(), job_id),
        )

    def set_progress(self, job_id: str, progress: float, message: str) -> None:
        self._write(
            "UPDATE jobs SET progress = ?, message = ? WHERE job_id = ? AND status = 'running'",
            (progress, message, job_id),
        )

    def finish_job(
        self,
        job_id: str,
        status: str,
        message: str,
        error: dict[str, Any] | None = None,
    ) -> bool:
        """Move a live job to a final status; False if it was no longer live."""
        assert status in FINAL_STATUSES
        progress_sql = "1.0" if status == "succeeded" else "progress"
        return (
            self._write(
                f"UPDATE jobs SET status = ?, message = ?, error = ?, finished_at = ?,"
                f" progress = {progress_sql} WHERE job_id = ? AND status IN ('queued', 'running')",
                (
                    status,
                    message,
                    json.dumps(error) if error is not None else None,
                    time.time(),
                    job_id,
                ),
            )
            > 0
        )

    def get_job(self, job_id: str) -> JobRecord | None:
        row = self._conn().execute("SELECT * FROM jobs WHERE job_id = ?", (job_id,)).fetchone()
        return None if row is None else JobRecord.from_row(row)

    def list_jobs(
        self, limit: int, offset: int, status: str | None = None, kind: str | None = None
    ) -> tuple[list[JobRecord], int]:
        where, args = [], []
        if status is not None:
            where.append("status = ?")
            args.append(status)
        if kind is not None:
            where.append("kind = ?")
            args.append(kind)
        clause = (" WHERE " + " AND ".join(where)) if where else ""
        conn = self._conn()
        total = conn.execute(f"SELECT COUNT(*) FROM jobs{clause}", args).fetchone()[0]
        rows = conn.execute(
            f"SELECT * FROM jobs{clause} ORDER BY created_at DESC, job_id LIMIT ? OFFSET ?",
            (*args, limit, offset),
        ).fetchall()
        return [JobRecord.from_row(r) for r in rows], total

    def live_jobs(self) -> list[JobRecord]:
        rows = (
            self._conn()
            .execute("SELECT * FROM jobs WHERE status IN ('queued', 'running') ORDER BY created_at")
            .fetchall()
        )
        return [JobRecord.from_row(r) for r in rows]

    def interrupt_running(self, message: str) -> int:
        """Mark every ``running`` job ``interrupted`` (after a crash or shutdown)."""
        return self._write(
            "UPDATE jobs SET status = 'interrupted', message = ?, finished_at = ?"
            " WHERE status = 'running'",
            (message, time.time()),
        )

    def close(self) -> None:
        """Close every connection this store opened (call once, at shutdown)."""
        with self._write_lock:
            for conn in self._all:
                conn.close()
            self._all.clear()
        self._local = threading.local()
