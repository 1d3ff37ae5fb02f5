"""What keeps the server safe under hostile or careless requests: limits, a token, JSON errors.

- ``ServeOptions``: body size, page size, article length and time budget, token, ingest switch.
- ``BodyLimit``: an ASGI middleware that answers 413 as soon as a body passes the limit, read
  or announced, before any of it is parsed.
- ``require_token``: the check of ``Authorization: Bearer TOKEN`` on write endpoints.
- ``add_error_handlers``: store errors become JSON 422 / 404 bodies, never a traceback page.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse

from eventwire.errors import ConfigError, NotFoundError, StoreError

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class ServeOptions:
    """Limits and switches of one server; the defaults suit a laptop serving its owner."""

    max_body_bytes: int = 2_000_000
    max_page: int = 500  # events, actors or edges in one answer
    max_article_chars: int = 100_000  # longer articles get an error line, not hours of parsing
    extract_seconds: float = 60.0  # articles not started by then get an error line
    token: str | None = None  # when set, every POST needs it
    allow_ingest: bool = False  # POST /articles stores articles (needs a token too)

    def __post_init__(self) -> None:
        if self.allow_ingest and not self.token:
            raise ConfigError("storing articles over HTTP (--allow-ingest) needs a token (--token)")
        for name in ("max_body_bytes", "max_page", "max_article_chars"):
            if getattr(self, name) < 1:
                raise ConfigError(f"{name} must be at least 1, not {getattr(self, name)}")
        if self.extract_seconds < 0:
            raise ConfigError(f"extract_seconds cannot be negative ({self.extract_seconds})")


class BodyLimit:
    """Refuse request bodies above ``limit`` bytes with a JSON 413, counting what is really sent."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        announced = dict(scope.get("headers") or []).get(b"content-length", b"0")
        if announced.isdigit() and int(announced) > self.limit:
            await self._refuse(send)
            return
        await self._guarded(scope, receive, send)

    async def _guarded(self, scope: Scope, receive: Receive, send: Send) -> None:
        # A body sent in chunks without a length (or with a false one) is counted as it arrives;
        # an HTTPException passes FastAPI's body parsing untouched and is rendered as JSON.
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.limit:
                raise HTTPException(status_code=413, detail=self._message())
            return message

        await self.app(scope, counting_receive, send)

    async def _refuse(self, send: Send) -> None:
        body = json.dumps({"detail": self._message()}).encode()
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": 413, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    def _message(self) -> str:
        return f"request body larger than this server's limit of {self.limit:,} bytes"


def require_token(request: Request, expected: str | None) -> None:
    """401 unless the request carries ``Authorization: Bearer <expected>`` (no check when None)."""
    if expected is None:
        return
    given = request.headers.get("authorization", "")
    scheme, _, token = given.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(token.encode(), expected.encode()):
        raise HTTPException(
            status_code=401,
            detail="this endpoint needs the server's token: Authorization: Bearer TOKEN",
            headers={"WWW-Authenticate": "Bearer"},
        )


def add_error_handlers(app: FastAPI) -> None:
    """A store error is the request's fault (bad filter, unknown id): JSON 404 or 422 with the message."""

    async def not_found(request: Request, exc: Exception) -> JSONResponse:
        return JSONResponse(status_code=404, content={"detail": str(exc)})

    async def bad_request(request: Request, exc: Exception) -> JSONResponse:
        return JSONResponse(status_code=422, content={"detail": str(exc)})

    app.add_exception_handler(NotFoundError, not_found)
    app.add_exception_handler(StoreError, bad_request)
