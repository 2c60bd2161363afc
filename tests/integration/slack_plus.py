"""The adapters' fake Slack, plus what digests need: users.info, conversations.history with metadata,
and a switch that holds a chat.postMessage without answering (to kill the poster mid-flight)."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from fake_slack import FakeSlack


@dataclass
class DigestSlack(FakeSlack):
    admins: set[str] = field(default_factory=set)
    hold_post_number: int | None = None  # the n-th chat.postMessage is recorded but never answered
    held: asyncio.Event = field(default_factory=asyncio.Event)
    answer_then_hold: bool = False  # answer the held post, and only then signal
    release: asyncio.Event = field(default_factory=asyncio.Event)

    async def stop(self) -> None:
        self.release.set()
        await super().stop()

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/api/{method}", self._api)
        app.router.add_get("/api/{method}", self._api)  # slack_sdk GETs users.info and conversations.history
        app.router.add_get("/socket", self._socket)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = int(self._runner.addresses[0][1])

    def _answer(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        if method == "users.info":
            user = params.get("user", "")
            return {"ok": True, "user": {"id": user, "is_admin": user in self.admins, "is_owner": False}}
        if method == "conversations.history":
            channel = params.get("channel")
            messages = [
                {"ts": str(n), "text": call.params.get("text", ""), "metadata": _metadata(call.params)}
                for n, call in enumerate(self.posted(), 1)
                if call.params.get("channel") == channel
            ]
            return {"ok": True, "messages": list(reversed(messages)), "has_more": False}
        return super()._answer(method, params)

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        held = self.hold_post_number is not None and len(self.posted()) + 1 == self.hold_post_number
        if method == "chat.postMessage" and held:
            response = await super()._api(request)  # recorded (it reached Slack)
            self.held.set()
            if self.answer_then_hold:
                return response
            await self.release.wait()  # the poster is killed before it hears back
            return web.Response(status=500)
        return await super()._api(request)

    def digest_posts(self, channel: str) -> list[dict[str, Any]]:
        return [c.params for c in self.posted() if c.params.get("channel") == channel]


def _metadata(params: dict[str, Any]) -> dict[str, Any]:
    raw = params.get("metadata") or {}
    return json.loads(raw) if isinstance(raw, str) else dict(raw)


def delivery_key(params: dict[str, Any]) -> str:
    return str(_metadata(params).get("event_payload", {}).get("key", ""))
