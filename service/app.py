"""The FastAPI application: ``uvicorn service.app:app --host 127.0.0.1 --port 8000``.

``create_app(settings)`` builds an app (tests build several, each on its own data directory);
``app`` is the one built from the environment (``GFD_*`` variables, see ``settings.py``).
On start the app opens the SQLite store in ``GFD_DATA_DIR``, marks jobs that were running
when the previous process stopped as ``interrupted``, schedules the still-queued ones again
and starts the worker processes; on shutdown it stops the workers.
"""

from __future__ import annotations

import fcntl
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import IO, Any

from fastapi import APIRouter, FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute

from service.jobs import JobManager
from service.middleware import BodySizeLimit, HeadAsGet
from service.problems import install_problem_handlers, use_problem_media_type
from service.routers import (
    diagrams,
    explorer,
    info,
    jobs,
    limits,
    pareto,
    regimes,
    series,
    theory,
    validations,
)
from service.settings import Settings, get_settings
from service.storage import Store
from service.tasks import ENGINE_VERSION

# One line per router; a new endpoint module adds itself here (see service/README.md).
ROUTERS: list[APIRouter] = [
    series.router,
    diagrams.router,
    pareto.router,
    regimes.router,
    limits.router,
    theory.router,
    validations.router,
    jobs.router,
    info.router,
    explorer.router,
]

DESCRIPTION = """\
Exact diagram calculus of gradient flow (see the paper in `shared/paper/`).

* Compute endpoints answer **200** with the body when the engine's cost estimate is small,
  **202** with a job reference otherwise, and always 202 for `Prefer: respond-async`.
* Results are stored by a hash of the normalised request and served from the store.
* Every error is an RFC 9457 problem (`application/problem+json`) naming the offending field.
"""

log = logging.getLogger("service")


def operation_id(route: APIRoute) -> str:
    """OpenAPI operation ids are the endpoint function names (so the client reads well)."""
    return route.name


def claim_data_dir(data_dir: Path) -> IO[bytes]:
    """Hold an exclusive lock on the data directory for the life of the process.

    One service process owns a data directory: at start it declares the previous owner's
    running jobs interrupted, which would be wrong if that owner were still alive (e.g.
    ``uvicorn --workers 4``). The kernel releases the lock when the process dies.
    """
    handle = open(data_dir / "service.lock", "wb")  # noqa: SIM115 - held until shutdown
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        raise RuntimeError(
            f"another gfdiagrams service process is using {data_dir}; run one process per "
            "data directory (scale with GFD_WORKERS, not uvicorn --workers)"
        ) from None
    return handle


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the application for ``settings`` (default: from the environment)."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        lock = claim_data_dir(settings.data_dir)
        store = Store(settings.database_path)
        manager = JobManager(store, settings)
        app.state.store, app.state.jobs = store, manager
        manager.start()
        log.info("gfdiagrams service: data in %s, %d workers", settings.data_dir, settings.workers)
        try:
            yield
        finally:
            manager.stop()
            store.close()
            lock.close()

    app = FastAPI(
        title="gfdiagrams",
        version=ENGINE_VERSION,
        description=DESCRIPTION,
        lifespan=lifespan,
        generate_unique_id_function=operation_id,
    )
    app.state.settings = settings
    install_problem_handlers(app)
    for router in ROUTERS:
        app.include_router(router)
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(HeadAsGet)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
            )
            app.openapi_schema = use_problem_media_type(schema)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app


app = create_app()
