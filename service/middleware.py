"""ASGI middleware that refuses request bodies over a size cap with a 413 problem.

The declared ``Content-Length`` is checked before the application runs; a body sent without
one (chunked) is counted as it streams and refused as soon as it passes the cap.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.exceptions import HTTPException

from service.problems import PROBLEM_MEDIA_TYPE, problem_dict

Scope = dict[str, Any]


class BodyTooLarge(HTTPException):
    """Raised while the body streams in; rendered as a 413 problem by the app's handlers."""

    def __init__(self, max_bytes: int) -> None:
        super().__init__(
            413, f"body: the request body exceeds this server's limit of {max_bytes} bytes"
        )


class BodySizeLimit:
    def __init__(self, app: Any, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = None
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = None
        if declared is not None and declared > self.max_bytes:
            await self._refuse(scope, send)
            return
        received = 0
        started = False

        async def counting_receive() -> dict[str, Any]:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        async def tracking_send(message: dict[str, Any]) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await self._refuse(scope, send)

    async def _refuse(self, scope: Scope, send: Any) -> None:
        body = problem_dict(
            413,
            "body-too-large",
            f"body: the request body exceeds this server's limit of {self.max_bytes} bytes",
            "body",
            instance=scope.get("path"),
            max_body_bytes=self.max_bytes,
        )
        payload = json.dumps(body).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", PROBLEM_MEDIA_TYPE.encode()),
                    (b"content-length", str(len(payload)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": payload})


class HeadAsGet:
    """Answer ``HEAD`` like ``GET`` without the body (RFC 9110 §9.3.2: a server that supports
    GET must support HEAD; FastAPI routes declare GET only). Health probes use it."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def bodiless_send(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, bodiless_send)
