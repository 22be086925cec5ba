"""Write the app's OpenAPI document: ``python -m service.export_openapi openapi/openapi.json``.

The committed ``openapi/openapi.json`` is the contract the generated client is built from;
``tests/test_service_openapi.py`` fails when it drifts from ``app.openapi()``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def openapi_document() -> dict[str, Any]:
    from service.app import create_app
    from service.settings import Settings

    # The document does not depend on runtime settings; fixed ones keep it reproducible.
    return create_app(Settings(data_dir=Path("var"), workers=1)).openapi()


def render(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, sort_keys=False, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else Path("openapi/openapi.json")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(openapi_document()), encoding="utf-8")
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
