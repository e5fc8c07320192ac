"""Who may use the desk, and what a request may carry.

- A token (``FACTCHECK_TOKEN``) is required on any address but loopback: API clients send
  ``Authorization: Bearer TOKEN``; a browser logs in once with it and gets a session cookie.
- Every state-changing form carries a CSRF token tied to a per-browser cookie (HMAC of it
  with a per-process secret); any unsafe request whose ``Origin`` is another site is refused.
- Every response carries a strict Content-Security-Policy: scripts and styles only from the
  desk itself (no inline script at all), no frames, forms posting only to the desk.
- Request bodies are read up to ``max_bytes``; one byte more is a 413 with a one-line reason.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import secrets
import threading
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

SESSION_COOKIE = "fc_session"
BROWSER_COOKIE = "fc_browser"
CSRF_FIELD = "csrf"
CSRF_HEADER = "x-csrf-token"
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
OPEN_PATHS = ("/login", "/static/")  # reachable before logging in

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),  # "no-referrer" would make browsers send Origin: null
    (b"cross-origin-opener-policy", b"same-origin"),
]


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and localhost: only this machine can connect."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(slots=True)
class Guard:
    """The desk's keys: the token (None: open on loopback), the process secret CSRF tokens are
    derived from, and the sessions opened by a token login (lost on restart: log in again)."""

    token: str | None
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32))
    _sessions: set[str] = field(default_factory=set)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def token_ok(self, given: str) -> bool:
        return self.token is not None and hmac.compare_digest(given.encode(), self.token.encode())

    def open_session(self) -> str:
        sid = secrets.token_urlsafe(32)
        with self._lock:
            self._sessions.add(sid)
        return sid

    def session_ok(self, sid: str | None) -> bool:
        with self._lock:
            return bool(sid) and sid in self._sessions

    def authorised(self, scope: Scope) -> bool:
        if self.token is None:
            return True
        headers = _headers(scope)
        auth = headers.get("authorization", "")
        if auth.lower().startswith("bearer ") and self.token_ok(auth[7:].strip()):
            return True
        return self.session_ok(_cookies(headers).get(SESSION_COOKIE))

    def csrf_token(self, browser: str) -> str:
        """The form token for a browser cookie."""
        return hmac.new(self.secret, b"csrf:" + browser.encode(), hashlib.sha256).hexdigest()

    def csrf_ok(self, browser: str | None, given: str | None) -> bool:
        return bool(browser) and bool(given) and hmac.compare_digest(self.csrf_token(browser), given)


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}


def _cookies(headers: dict[str, str]) -> dict[str, str]:
    out = {}
    for part in headers.get("cookie", "").split(";"):
        name, sep, value = part.strip().partition("=")
        if sep:
            out[name] = value
    return out


def new_browser_id() -> str:
    return secrets.token_urlsafe(24)


async def _send_simple(send: Send, status: int, body: dict, extra: list[tuple[bytes, bytes]] = ()) -> None:
    data = json.dumps(body).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode()),
                            *HEADERS, *extra]})
    await send({"type": "http.response.body", "body": data})


class SecurityMiddleware:
    """The checks every request goes through before a route sees it (pure ASGI, so the body
    limit holds for streamed uploads too)."""

    def __init__(self, app: ASGIApp, guard: Guard, max_bytes: int) -> None:
        self.app = app
        self.guard = guard
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = _headers(scope)
        method, path = scope["method"], scope["path"]

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *HEADERS]}
            await send(message)

        if method in UNSAFE and not _same_origin(headers):
            await _send_simple(send, 403, {"error": "cross-site request refused (its Origin is another site)"})
            return
        if not path.startswith(OPEN_PATHS) and not self.guard.authorised(scope):
            if path.startswith("/api/"):
                await _send_simple(send, 401, {"error": "a token is required: send Authorization: Bearer "
                                                        "$FACTCHECK_TOKEN"},
                                   [(b"www-authenticate", b"Bearer")])
            else:
                target = "/login?next=" + quote(path, safe="/")
                await send_with_headers({"type": "http.response.start", "status": 303,
                                         "headers": [(b"location", target.encode()), (b"content-length", b"0")]})
                await send({"type": "http.response.body", "body": b""})
            return
        declared = headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await _send_simple(send, 413, _too_large(self.max_bytes))
            return
        if method in UNSAFE:
            body, too_large = await _read_body(receive, self.max_bytes)
            if too_large:
                await _send_simple(send, 413, _too_large(self.max_bytes))
                return
            receive = _replay(body)
        await self.app(scope, receive, send_with_headers)


def _too_large(limit: int) -> dict:
    return {"error": f"request too large: the desk accepts at most {limit:,} bytes (serve --max-bytes)"}


def _same_origin(headers: dict[str, str]) -> bool:
    """True when the request names no Origin (a CLI, curl) or the desk's own."""
    origin = headers.get("origin")
    if origin is None:
        return True
    return urlsplit(origin).netloc.lower() == headers.get("host", "").lower()


async def _read_body(receive: Receive, limit: int) -> tuple[bytes, bool]:
    chunks, size = [], 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return b"", True
        chunks.append(chunk)
        if not message.get("more_body"):
            break
    return b"".join(chunks), False


def _replay(body: bytes) -> Receive:
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return {"type": "http.disconnect"}

    return receive


def safe_next(target: str | None) -> str:
    """Where a login may send the browser: a path of this site only."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target
