"""A stand-in for Discord on 127.0.0.1: the REST API (recording every call) and the gateway WebSocket."""

from __future__ import annotations

import asyncio
import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohttp import web
from discord_payloads import (
    ALICE,
    APP_ID,
    BOT_ID,
    BOT_USER,
    CHANNEL_ID,
    GUILD_ID,
    MEMBER,
    TEXT_CHANNEL,
    WAIT,
    guild_payload,
    message_payload,
    thread_payload,
)


@dataclass
class RestCall:
    method: str
    path: str
    body: Any


@dataclass
class FakeDiscord:
    calls: list[RestCall] = field(default_factory=list)
    identified: list[dict[str, Any]] = field(default_factory=list)
    port: int = 0
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(910000000000000000))
    _seq: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _changed: asyncio.Event = field(default_factory=asyncio.Event)
    _sockets: list[web.WebSocketResponse] = field(default_factory=list)
    _threads: dict[int, dict[str, Any]] = field(default_factory=dict)
    attachments: dict[str, bytes] = field(default_factory=dict)
    _interaction_channels: dict[str, int] = field(default_factory=dict)
    _runner: web.AppRunner | None = None

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway/"

    def new_id(self) -> int:
        return next(self._ids)

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/gateway/", self._gateway)
        app.router.add_get("/attachments/{name}", self._attachment)
        app.router.add_route("*", "/api/v10/{path:.*}", self._rest)
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

    # --- REST --------------------------------------------------------------------------------------------

    async def _rest(self, request: web.Request) -> web.Response:
        path = "/" + request.match_info["path"]
        body: Any = None
        if request.can_read_body:
            if request.content_type == "multipart/form-data":
                form = await request.post()
                body = json.loads(str(form.get("payload_json", "{}")))
            else:
                body = await request.json()
        self.calls.append(RestCall(request.method, path, body))
        self._changed.set()
        status, answer = await self._answer(request.method, path, body or {})
        # exactly this content type: discord.py parses JSON only when the header is exactly it
        return web.Response(body=json.dumps(answer).encode(), status=status, content_type="application/json")

    async def _answer(self, method: str, path: str, body: dict[str, Any]) -> tuple[int, Any]:
        parts = path.strip("/").split("/")
        if path == "/users/@me":
            return 200, BOT_USER
        if path == "/oauth2/applications/@me":
            return 200, {
                "id": str(APP_ID),
                "name": "briefbot",
                "description": "",
                "icon": None,
                "bot_public": True,
                "bot_require_code_grant": False,
                "owner": ALICE,
                "verify_key": "00",
                "flags": 0,
            }
        if method == "PUT" and parts[0] == "applications" and parts[-1] == "commands":
            return 200, [
                {
                    "description": "",
                    "options": [],
                    **command,
                    "id": str(self.new_id()),
                    "application_id": str(APP_ID),
                    "version": "1",
                }
                for command in body
            ]
        if method == "POST" and parts[0] == "interactions":
            kind = body.get("type")
            return 200, {
                "interaction": {"id": parts[1], "type": 2, "response_message_loading": kind == 5},
                "resource": {"type": kind},
            }
        if method == "POST" and parts[0] == "webhooks":
            channel_id = self._interaction_channels.get(parts[2], CHANNEL_ID)
            return 200, self._message(channel_id, body, author=BOT_USER)
        if method == "POST" and parts[0] == "channels" and parts[-1] == "threads":
            return 200, await self._open_thread(int(parts[1]), body)
        if method == "POST" and parts[0] == "channels" and parts[-1] == "messages":
            return 200, self._message(int(parts[1]), body, author=BOT_USER)
        return 404, {"message": "Unknown route", "code": 0}

    def _message(self, channel_id: int, body: dict[str, Any], *, author: dict[str, Any]) -> dict[str, Any]:
        return message_payload(
            self.new_id(),
            channel_id,
            body.get("content") or "",
            author=author,
            embeds=body.get("embeds") or [],
        )

    async def _open_thread(self, channel_id: int, body: dict[str, Any]) -> dict[str, Any]:
        thread = thread_payload(self.new_id(), channel_id, body.get("name", ""))
        self._threads[int(thread["id"])] = thread
        await self.dispatch("THREAD_CREATE", {**thread, "newly_created": True})
        return thread

    def thread(self, thread_id: int) -> dict[str, Any]:
        return self._threads[thread_id]

    async def _attachment(self, request: web.Request) -> web.Response:
        return web.Response(body=self.attachments[request.match_info["name"]], content_type="text/plain")

    def sent(self) -> list[RestCall]:
        """Every message the bot sent: channel messages and interaction follow-ups, in order."""
        return [call for call in self.calls if is_message(call)]

    async def wait_for(self, condition: Callable[[], bool], timeout: float = WAIT) -> None:
        async def loop() -> None:
            while not condition():
                self._changed.clear()
                await self._changed.wait()

        await asyncio.wait_for(loop(), timeout)

    async def wait_for_sent(self, count: int) -> list[RestCall]:
        await self.wait_for(lambda: len(self.sent()) >= count)
        return self.sent()

    # --- the gateway -------------------------------------------------------------------------------------

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self._sockets.append(ws)
        await ws.send_json({"op": 10, "d": {"heartbeat_interval": 41250}})
        async for message in ws:
            if message.type != aiohttp.WSMsgType.TEXT:
                continue
            data = json.loads(message.data)
            if data["op"] == 1:
                await ws.send_json({"op": 11})
            elif data["op"] == 2:
                self.identified.append(data["d"])
                await self._send(
                    ws,
                    "READY",
                    {
                        "v": 10,
                        "user": BOT_USER,
                        "session_id": "fake-session",
                        "resume_gateway_url": self.gateway_url,
                        "guilds": [{"id": str(GUILD_ID), "unavailable": True}],
                        "application": {"id": str(APP_ID), "flags": 0},
                        "private_channels": [],
                    },
                )
                await self._send(ws, "GUILD_CREATE", guild_payload())
                self._changed.set()
        self._sockets.remove(ws)
        return ws

    async def _send(self, ws: web.WebSocketResponse, event: str, data: dict[str, Any]) -> None:
        await ws.send_json({"op": 0, "t": event, "s": next(self._seq), "d": data})

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        for ws in list(self._sockets):
            await self._send(ws, event, data)

    async def wait_identified(self) -> None:
        await self.wait_for(lambda: bool(self.identified))

    # --- events a user causes ------------------------------------------------------------------------------

    async def user_message(
        self,
        text: str,
        *,
        channel_id: int = CHANNEL_ID,
        mention_bot: bool = True,
        attachments: list[dict[str, Any]] | None = None,
    ) -> int:
        message_id = self.new_id()
        content = f"<@{BOT_ID}> {text}" if mention_bot else text
        payload = message_payload(
            message_id,
            channel_id,
            content,
            mentions=[BOT_USER] if mention_bot else [],
            attachments=attachments or [],
            guild_id=str(GUILD_ID),
            member=MEMBER,
        )
        await self.dispatch("MESSAGE_CREATE", payload)
        return message_id

    async def slash_command(
        self,
        name: str,
        options: dict[str, Any],
        *,
        channel: dict[str, Any] | None = None,
        command_type: int = 1,
        target: dict[str, Any] | None = None,
    ) -> int:
        interaction_id = self.new_id()
        channel = channel or TEXT_CHANNEL
        data: dict[str, Any] = {"id": str(self.new_id()), "name": name, "type": command_type}
        if options:
            data["options"] = [{"name": key, "type": 3, "value": value} for key, value in options.items()]
        if target is not None:
            data["target_id"] = target["id"]
            data["resolved"] = {"messages": {target["id"]: target}}
        self._interaction_channels[f"itoken{interaction_id}"] = int(channel["id"])
        await self.dispatch(
            "INTERACTION_CREATE",
            {
                "id": str(interaction_id),
                "application_id": str(APP_ID),
                "type": 2,
                "token": f"itoken{interaction_id}",
                "version": 1,
                "guild_id": str(GUILD_ID),
                "channel_id": channel["id"],
                "channel": channel,
                "member": MEMBER,
                "data": data,
                "app_permissions": "2147483647",
                "locale": "en-US",
                "guild_locale": "en-US",
                "entitlements": [],
                "authorizing_integration_owners": {"0": str(GUILD_ID)},
                "context": 0,
                "attachment_size_limit": 10485760,
            },
        )
        return interaction_id

    def user_message_payload(self, text: str) -> dict[str, Any]:
        return message_payload(self.new_id(), CHANNEL_ID, text)


def is_message(call: RestCall) -> bool:
    if call.method != "POST":
        return False
    return (call.path.startswith("/channels/") and call.path.endswith("/messages")) or call.path.startswith(
        "/webhooks/"
    )
