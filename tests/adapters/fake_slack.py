"""A stand-in for Slack on 127.0.0.1: the Web API (recording every call) and a Socket Mode WebSocket."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import itertools
import json
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import aiohttp
from aiohttp import web

BOT_USER = "UBRIEFBOT"
TEAM = "T0001"
SIGNING_SECRET = "test-signing-secret"
BOT_TOKEN = "xoxb-fake-tok"
APP_TOKEN = "xapp-test-token"
WAIT = 10.0  # seconds any single wait may take before the test fails


@dataclass
class ApiCall:
    method: str
    params: dict[str, Any]
    token: str
    peer: object = None  # the client's (host, port): one per connection


@dataclass
class FakeSlack:
    calls: list[ApiCall] = field(default_factory=list)
    rate_limit: dict[str, int] = field(default_factory=dict)  # method -> how many 429s to answer first
    acks: dict[str, dict[str, Any]] = field(default_factory=dict)
    port: int = 0
    _ts: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _changed: asyncio.Event = field(default_factory=asyncio.Event)
    _sockets: list[web.WebSocketResponse] = field(default_factory=list)
    _runner: web.AppRunner | None = None

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/api/{method}", self._api)
        app.router.add_get("/socket", self._socket)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = int(self._runner.addresses[0][1])

    async def stop(self) -> None:
        for ws in list(self._sockets):
            await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    # --- the Web API -------------------------------------------------------------------------------

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params: dict[str, Any] = dict(request.query)
        if request.content_type == "application/json":
            params.update(await request.json())
        else:
            params.update((await request.post()).items())
        token = request.headers.get("Authorization", "").removeprefix("Bearer ") or str(
            params.pop("token", "")
        )
        peer = request.transport.get_extra_info("peername") if request.transport is not None else None
        self.calls.append(ApiCall(method, params, token, peer))
        self._changed.set()
        if self.rate_limit.get(method, 0) > 0:
            self.rate_limit[method] -= 1
            return web.json_response(
                {"ok": False, "error": "ratelimited"}, status=429, headers={"Retry-After": "1"}
            )
        return web.json_response(self._answer(method, params))

    def _answer(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        if method == "auth.test":
            return {
                "ok": True,
                "url": "https://fake.slack/",
                "team": "Fake",
                "user": "briefbot",
                "team_id": TEAM,
                "user_id": BOT_USER,
                "bot_id": "BBRIEFBOT",
                "is_enterprise_install": False,
            }
        if method == "apps.connections.open":
            return {"ok": True, "url": f"ws://127.0.0.1:{self.port}/socket"}
        if method in ("chat.postMessage", "chat.update"):
            ts = params.get("ts") or f"{1700000000 + next(self._ts)}.000100"
            return {
                "ok": True,
                "channel": params.get("channel"),
                "ts": ts,
                "message": {"text": params.get("text", ""), "ts": ts, "bot_id": "BBRIEFBOT"},
            }
        if method == "conversations.replies":
            return {"ok": True, "messages": [], "has_more": False}
        if method == "views.open":
            return {"ok": True, "view": {"id": "V1"}}
        return {"ok": False, "error": "unknown_method"}

    def posted(self, method: str = "chat.postMessage") -> list[ApiCall]:
        return [call for call in self.calls if call.method == method]

    async def wait_for(self, condition: Callable[[], bool], timeout: float = WAIT) -> None:
        async def loop() -> None:
            while not condition():
                self._changed.clear()
                await self._changed.wait()

        await asyncio.wait_for(loop(), timeout)

    async def wait_for_posts(self, count: int, timeout: float = WAIT) -> list[ApiCall]:
        await self.wait_for(lambda: len(self.posted()) >= count, timeout)
        return self.posted()

    # --- Socket Mode ---------------------------------------------------------------------------------

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        self._sockets.append(ws)
        self._changed.set()
        await ws.send_str(json.dumps({"type": "hello", "num_connections": 1, "debug_info": {}}))
        async for message in ws:
            if message.type == aiohttp.WSMsgType.TEXT:
                data = json.loads(message.data)
                if "envelope_id" in data:
                    self.acks[data["envelope_id"]] = data
                    self._changed.set()
        self._sockets.remove(ws)
        return ws

    async def wait_connected(self) -> None:
        await self.wait_for(lambda: bool(self._sockets))

    async def push(self, kind: str, payload: dict[str, Any], *, retry_attempt: int = 0) -> str:
        """Send one Socket Mode envelope; returns once the app acked it."""
        envelope_id = str(uuid.uuid4())
        envelope = {
            "envelope_id": envelope_id,
            "type": kind,
            "payload": payload,
            "accepts_response_payload": kind != "events_api",
            "retry_attempt": retry_attempt,
            "retry_reason": "timeout" if retry_attempt else "",
        }
        await self._sockets[-1].send_str(json.dumps(envelope))
        await self.wait_for(lambda: envelope_id in self.acks)
        return envelope_id


# --- building and signing requests the way Slack sends them ----------------------------------------------


def event_body(event: dict[str, Any], *, event_id: str | None = None) -> dict[str, Any]:
    return {
        "token": "legacy",
        "team_id": TEAM,
        "api_app_id": "A0001",
        "type": "event_callback",
        "event": event,
        "event_id": event_id or f"Ev{uuid.uuid4().hex[:10]}",
        "event_time": int(time.time()),
        "authorizations": [
            {
                "team_id": TEAM,
                "user_id": BOT_USER,
                "is_bot": True,
                "enterprise_id": None,
                "is_enterprise_install": False,
            }
        ],
    }


def slash_command(text: str, *, channel: str = "C1", trigger_id: str = "1.2") -> dict[str, str]:
    """The fields Slack sends for `/brief <text>` (form-encoded over HTTP, a payload in Socket Mode)."""
    return {
        "command": "/brief",
        "text": text,
        "channel_id": channel,
        "user_id": "U1",
        "team_id": "T0001",
        "response_url": "http://127.0.0.1:9/unused",
        "trigger_id": trigger_id,
    }


def mention(text: str, *, channel: str, ts: str, thread_ts: str | None = None) -> dict[str, Any]:
    event = {
        "type": "app_mention",
        "user": "UALICE",
        "text": f"<@{BOT_USER}> {text}",
        "ts": ts,
        "channel": channel,
        "event_ts": ts,
    }
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def sign(body: bytes, *, secret: str = SIGNING_SECRET, timestamp: int | None = None) -> dict[str, str]:
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    base = b"v0:" + stamp.encode() + b":" + body
    digest = hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": f"v0={digest}"}


async def post_signed(
    url: str,
    payload: dict[str, Any],
    *,
    form: bool = False,
    headers: dict[str, str] | None = None,
    secret: str = SIGNING_SECRET,
    timestamp: int | None = None,
) -> tuple[int, str]:
    """POST like Slack does: JSON for events, form encoding for commands and interactivity."""
    if form:
        body = urlencode(payload).encode()
        content_type = "application/x-www-form-urlencoded"
    else:
        body = json.dumps(payload).encode()
        content_type = "application/json"
    all_headers = {
        "Content-Type": content_type,
        **sign(body, secret=secret, timestamp=timestamp),
        **(headers or {}),
    }
    timeout = aiohttp.ClientTimeout(total=WAIT)
    async with (
        aiohttp.ClientSession(timeout=timeout) as session,
        session.post(url, data=body, headers=all_headers) as response,
    ):
        return response.status, await response.text()


def events_url(adapter: Any) -> str:
    """The bot's Events API endpoint (an adapters.slack_adapters.SlackHttpAdapter that was started)."""
    return f"http://127.0.0.1:{adapter.port}/slack/events"
