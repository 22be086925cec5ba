"""``GET /v1/info``: version, engine limits, array backends, storage and worker state."""

from __future__ import annotations

import platform
from functools import cache
from typing import Any

import numpy as np
from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from diagrams.model import NU_MAX, NU_MIN, SYMMETRIES, TARGETS
from service.problems import problem_responses
from service.routers.diagrams import PAGE_LIMIT, svg_available
from service.schemas import ORDER_LIMIT
from service.tasks import ENGINE_VERSION, registered_kinds

router = APIRouter(tags=["info"])


class Limits(BaseModel):
    nu_min: int
    nu_max: int
    symmetries: list[str]
    targets: list[str]
    order_max: int = Field(description="largest s / s_max the schema accepts")
    page_limit_max: int = Field(description="largest limit of POST /v1/diagrams")
    budget_seconds: float = Field(description="estimated cost above which work is refused")
    budget_bytes: int = Field(description="estimated peak memory above which work is refused")
    sync_seconds: float = Field(description="estimated cost up to which answers are direct")
    max_body_bytes: int


class ArrayBackend(BaseModel):
    name: str
    version: str | None
    device: str


class Storage(BaseModel):
    kind: str
    data_dir: str
    database: str
    results: int = Field(ge=0)


class Workers(BaseModel):
    processes: int
    busy: int
    queued: int
    running_computations: int


class Info(BaseModel):
    service: str
    version: str
    python: str
    limits: Limits
    formats: list[str]
    array_backends: list[ArrayBackend]
    storage: Storage
    workers: Workers
    task_kinds: list[str]
    stats: dict[str, int] = Field(description="counters since start: computations, store_hits…")


@cache
def array_backends() -> tuple[dict[str, Any], ...]:
    """numpy always; cupy with its device name when importable and a device is present."""
    backends: list[dict[str, Any]] = [{"name": "numpy", "version": np.__version__, "device": "cpu"}]
    try:
        from diagrams.flow.backend import cupy_available, resolve_backend
    except ImportError:
        return tuple(backends)
    if cupy_available():
        backend = resolve_backend("cupy")
        version = getattr(backend.xp, "__version__", None)
        backends.append({"name": "cupy", "version": version, "device": backend.device})
    return tuple(backends)


@router.get("/v1/info", response_model=Info, responses=problem_responses(500))
async def get_info(request: Request) -> dict[str, Any]:
    settings = request.app.state.settings
    manager = request.app.state.jobs
    live = manager.live_counts()
    formats = ["json", "graphml", "dot"] + (["svg"] if svg_available() else [])
    return {
        "service": "gfdiagrams",
        "version": ENGINE_VERSION,
        "python": platform.python_version(),
        "limits": {
            "nu_min": NU_MIN,
            "nu_max": NU_MAX,
            "symmetries": list(SYMMETRIES),
            "targets": list(TARGETS),
            "order_max": ORDER_LIMIT,
            "page_limit_max": PAGE_LIMIT,
            "budget_seconds": settings.budget_seconds,
            "budget_bytes": settings.budget_bytes,
            "sync_seconds": settings.sync_seconds,
            "max_body_bytes": settings.max_body_bytes,
        },
        "formats": formats,
        "array_backends": list(array_backends()),
        "storage": {
            "kind": "sqlite",
            "data_dir": str(settings.data_dir.resolve()),
            "database": str(settings.database_path.resolve()),
            "results": manager.store.count_results(),
        },
        "workers": {
            "processes": settings.workers,
            "busy": manager.pool.busy(),
            "queued": live["queued"],
            "running_computations": live["running"],
        },
        "task_kinds": registered_kinds(),
        "stats": dict(manager.stats),
    }
