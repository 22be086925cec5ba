"""Service configuration, read from environment variables (prefix ``GFD_``).

Every setting has a default that works on a developer machine; ``service/README.md`` lists them.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_workers() -> int:
    return max(1, os.cpu_count() or 1)


class Settings(BaseSettings):
    """Runtime settings of the REST service.

    Each field is read from the environment variable ``GFD_<FIELD NAME IN CAPITALS>``,
    e.g. ``GFD_DATA_DIR=/srv/gfd`` or ``GFD_WORKERS=4``.
    """

    model_config = SettingsConfigDict(
        env_prefix="GFD_", extra="ignore", frozen=True, allow_inf_nan=False
    )

    data_dir: Path = Field(
        Path("./var"), description="Directory holding the SQLite store; created on start."
    )
    workers: int = Field(
        default_factory=_default_workers,
        ge=1,
        le=256,
        description="Number of worker processes that run computations (default: CPU cores).",
    )
    sync_seconds: float = Field(
        2.0,
        ge=0,
        description="Requests whose estimated cost is at most this many seconds are answered "
        "directly (200); costlier ones become jobs (202).",
    )
    sync_wait_seconds: float = Field(
        30.0,
        gt=0,
        description="A direct answer that is still computing after this long is turned into a "
        "202 job reference instead (the estimate was too optimistic).",
    )
    budget_seconds: float = Field(
        600.0,
        gt=0,
        description="Requests whose estimated cost exceeds this many seconds are refused (422) "
        "before any work starts.",
    )
    budget_bytes: int = Field(
        4 * 2**30,
        gt=0,
        description="Requests whose estimated peak memory exceeds this many bytes are refused.",
    )
    max_body_bytes: int = Field(
        64 * 1024, gt=0, description="Request bodies larger than this are refused (413)."
    )
    cancel_grace_seconds: float = Field(
        1.0,
        ge=0,
        description="After a cancellation request, a computation that has not stopped at its "
        "next progress report within this time is stopped by terminating its worker process.",
    )
    jobs_page_limit: int = Field(
        100, ge=1, le=1000, description="Default number of jobs listed by GET /v1/jobs."
    )

    @property
    def database_path(self) -> Path:
        return self.data_dir / "gfdiagrams.sqlite3"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once from the environment."""
    return Settings()
