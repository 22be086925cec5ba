"""The committed OpenAPI document and client match the app; schemathesis finds no faults."""

from __future__ import annotations

import filecmp
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from service.export_openapi import openapi_document, render

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "openapi" / "openapi.json"
CLIENT = ROOT / "openapi" / "client"
BIN = Path(sys.executable).parent


def test_committed_openapi_matches_the_app():
    committed = json.loads(SPEC.read_text(encoding="utf-8"))
    assert committed == openapi_document(), "openapi/openapi.json is stale: run `make openapi`"
    assert SPEC.read_text(encoding="utf-8") == render(openapi_document())


def test_every_error_response_is_a_problem():
    document = openapi_document()
    for path, item in document["paths"].items():
        for method, operation in item.items():
            responses = operation["responses"]
            assert "500" in responses, (method, path)
            for status, response in responses.items():
                if status[0] in "45":
                    assert list(response["content"]) == ["application/problem+json"], (path, status)
    assert "HTTPValidationError" not in document["components"]["schemas"]


def _tree(root: Path) -> list[str]:
    return sorted(
        str(p.relative_to(root))
        for p in root.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    )


@pytest.mark.slow
def test_committed_client_is_generated_from_the_committed_spec(tmp_path):
    """Regenerating the client (pinned generator, same config) reproduces openapi/client/."""
    generator = BIN / "openapi-python-client"
    if not generator.exists():
        pytest.skip("openapi-python-client is not installed (test extra)")
    out = tmp_path / "client"
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    cmd = [str(generator), "generate", "--path", str(SPEC), "--output-path", str(out)]
    cmd += ["--meta", "uv", "--config", str(ROOT / "openapi" / "client-config.yaml")]
    subprocess.run(cmd, check=True, env=env, capture_output=True, timeout=120)
    shutil.copy(ROOT / "openapi" / "client-README.md", out / "README.md")  # as `make client`
    assert _tree(out) == _tree(CLIENT), "openapi/client is stale: run `make client`"
    for name in _tree(out):
        assert filecmp.cmp(out / name, CLIENT / name, shallow=False), f"{name} differs"


@pytest.mark.integration
@pytest.mark.slow
def test_schemathesis_finds_no_server_errors_or_schema_violations(start_server, tmp_path):
    """A bounded property-based run of every operation against a live server."""
    st = shutil.which("st", path=str(BIN)) or shutil.which("schemathesis", path=str(BIN))
    if st is None:
        pytest.skip("schemathesis is not installed (test extra)")
    # A small budget keeps generated requests cheap: costlier ones are refused with 422.
    server = start_server(env={"GFD_BUDGET_SECONDS": "0.5", "GFD_MAX_BODY_BYTES": "16384"})
    checks = [
        "not_a_server_error",
        "status_code_conformance",
        "content_type_conformance",
        "response_headers_conformance",
        "response_schema_conformance",
        "negative_data_rejection",
    ]
    cmd = [st, "run", str(SPEC), "--url", server.url, "--checks", ",".join(checks)]
    cmd += ["--max-examples", "25", "--seed", "20240601"]
    cmd += ["--phases", "examples,coverage,fuzzing,stateful"]
    cmd += ["--workers", "1", "--request-timeout", "60", "--no-color", "--warnings", "off"]
    cmd += ["--generation-database", "none", "--report-dir", str(tmp_path / "reports")]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=240, cwd=tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-6000:] + "\n--- server log ---\n" + server.log()[-3000:]
