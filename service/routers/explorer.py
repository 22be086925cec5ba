"""``GET /``: the explorer page, and ``/static``: its files (``service/static/``).

Plain HTML, CSS and JavaScript modules, no build step; KaTeX is vendored under
``static/vendor/katex`` (MIT, see its LICENSE) because the page must work without internet.
The page talks to the public API only (the same endpoints as the generated client). Neither
route is part of the OpenAPI contract.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

STATIC_DIR = Path(__file__).resolve().parents[1] / "static"

router = APIRouter(tags=["explorer"], include_in_schema=False)


@router.get("/", include_in_schema=False, response_class=FileResponse)
async def explorer_page() -> FileResponse:
    """The explorer (``service/static/index.html``)."""
    return FileResponse(STATIC_DIR / "index.html", media_type="text/html; charset=utf-8")


router.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
