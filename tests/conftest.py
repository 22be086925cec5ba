"""Shared fixtures. Keep this file small and generic; add fixtures others can reuse.

Service fixtures
----------------
``service_settings``  settings of a fresh service on its own temporary data directory.
``make_app``          builds an app from settings (``create_app``).
``api``               a ``TestClient`` on a fresh app, with its lifespan (workers) running.
``module_api``        the same, shared by the tests of one module (saves worker start-ups).
``start_server``      starts ``uvicorn service.app:app`` on a free loopback port in a
                      subprocess and returns a :class:`LiveServer` (stopped at teardown).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def service_settings(tmp_path: Path):
    """Settings for a test service: own data dir, one worker, default budgets."""
    from service.settings import Settings

    return Settings(data_dir=tmp_path / "var", workers=1)


@pytest.fixture
def make_app():
    from service.app import create_app

    return create_app


@pytest.fixture
def api(service_settings, make_app) -> Iterator:
    """A TestClient on a fresh app (lifespan entered, so the worker pool runs)."""
    from fastapi.testclient import TestClient

    with TestClient(make_app(service_settings)) as client:
        yield client


@pytest.fixture(scope="module")
def module_api(tmp_path_factory) -> Iterator:
    """A TestClient on one app shared by a test module (own data dir, one worker)."""
    from fastapi.testclient import TestClient

    from service.app import create_app
    from service.settings import Settings

    settings = Settings(data_dir=tmp_path_factory.mktemp("service") / "var", workers=1)
    with TestClient(create_app(settings)) as client:
        yield client


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class LiveServer:
    """A uvicorn subprocess serving ``service.app:app`` on loopback."""

    url: str
    process: subprocess.Popen
    data_dir: Path
    log_path: Path

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 15.0) -> None:
        if self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


def launch_server(data_dir: Path, env: dict[str, str] | None = None, timeout: float = 60.0):
    """Start uvicorn on a free port and wait until ``GET /v1/info`` answers."""
    port = free_port()
    data_dir.mkdir(parents=True, exist_ok=True)
    log_path = data_dir.parent / f"uvicorn-{port}.log"
    full_env = {**os.environ, "GFD_DATA_DIR": str(data_dir), "GFD_WORKERS": "1", **(env or {})}
    cmd = [sys.executable, "-m", "uvicorn", "service.app:app", "--host", "127.0.0.1"]
    cmd += ["--port", str(port), "--log-level", "warning"]
    with open(log_path, "ab") as log:
        process = subprocess.Popen(cmd, cwd=ROOT, env=full_env, stdout=log, stderr=log)
    server = LiveServer(f"http://127.0.0.1:{port}", process, data_dir, log_path)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"uvicorn exited with {process.returncode}:\n{server.log()}")
        try:
            if httpx.get(server.url + "/v1/info", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    server.stop(signal.SIGKILL)
    raise RuntimeError(f"uvicorn did not answer within {timeout} s:\n{server.log()}")


@pytest.fixture
def start_server(tmp_path: Path) -> Iterator[Callable[..., LiveServer]]:
    """Factory: ``start_server(data_dir=None, env=None) -> LiveServer``; all stopped at teardown."""
    servers: list[LiveServer] = []

    def start(data_dir: Path | None = None, env: dict[str, str] | None = None) -> LiveServer:
        server = launch_server(data_dir or tmp_path / "var", env)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()
