"""Serving the Slack app: Socket Mode (app-level token) or the HTTP Events API (signing secret)."""

from __future__ import annotations

import asyncio
import logging

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.signature import SignatureVerifier

from adapters.base import ChatAdapter
from adapters.ops_http import add_ops_routes
from adapters.slack_app import SlackBot
from bot.service import ChatService
from bot.settings import SLACK_API_URL

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
TIMESTAMP_HEADER = "x-slack-request-timestamp"
SIGNATURE_HEADER = "x-slack-signature"


class SlackSocketModeAdapter(ChatAdapter):
    """Connects out to Slack over a WebSocket; no public endpoint needed."""

    name = "slack-socket-mode"

    def __init__(
        self,
        service: ChatService,
        *,
        bot_token: str,
        app_token: str,
        api_url: str = SLACK_API_URL,
        ping_interval: float = 10.0,
    ) -> None:
        super().__init__(service)
        self.bot = SlackBot(service, bot_token=bot_token, api_url=api_url)
        self._app_token = app_token
        self.ping_interval = ping_interval
        self._handler: AsyncSocketModeHandler | None = None

    async def start(self) -> None:
        await self.bot.open()
        # created here: the Socket Mode client opens an aiohttp session, which needs the running loop
        self._handler = AsyncSocketModeHandler(
            self.bot.app, self._app_token, ping_interval=self.ping_interval
        )
        await self._handler.connect_async()  # type: ignore[no-untyped-call]
        log.info("Slack Socket Mode connected")

    async def stop(self) -> None:
        if self._handler is not None:
            handler, self._handler = self._handler, None
            await handler.close_async()  # type: ignore[no-untyped-call]
        await self.bot.close()


class SlackHttpAdapter(ChatAdapter):
    """Serves the Events API, interactivity and slash commands at /slack/events (and /healthz, /metrics)."""

    name = "slack-http"

    def __init__(
        self,
        service: ChatService,
        *,
        bot_token: str,
        signing_secret: str,
        api_url: str = SLACK_API_URL,
        host: str = "0.0.0.0",
        port: int = 3000,
    ) -> None:
        super().__init__(service)
        self.bot = SlackBot(service, bot_token=bot_token, signing_secret=signing_secret, api_url=api_url)
        self.host = host
        self.port = port
        self._runner: web.AppRunner | None = None
        self._verifier = SignatureVerifier(signing_secret)
        self._dispatching: set[asyncio.Task[None]] = set()

    def web_app(self) -> web.Application:
        app = web.Application(client_max_size=2 * 1024 * 1024)
        app.router.add_post(EVENTS_PATH, self._events)
        add_ops_routes(app)
        return app

    async def start(self) -> None:
        await self.bot.open()
        self._runner = web.AppRunner(self.web_app(), access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        addresses = self._runner.addresses
        if addresses:
            self.port = int(addresses[0][1])  # the real one when port 0 was asked for
        log.info("Slack Events API listening on %s:%d%s", self.host, self.port, EVENTS_PATH)

    async def stop(self) -> None:
        if self._runner is not None:
            runner, self._runner = self._runner, None
            await runner.cleanup()
        await self.bot.close()

    async def _events(self, request: web.Request) -> web.Response:
        # Both checks come before the signature check and would otherwise be a 500 and a logged traceback
        # for any unauthenticated client.
        if not _plausible_timestamp(request.headers.get(TIMESTAMP_HEADER, "0")):
            # slack_sdk's verifier calls int() on it
            return web.json_response({"error": "invalid request"}, status=401)
        try:
            bolt_request = await to_bolt_request(request)
        except (UnicodeDecodeError, LookupError):  # undecodable body or unknown charset
            return web.json_response({"error": "undecodable body"}, status=400)
        if _acked_at_once(request, bolt_request.raw_body):
            if not self._verifier.is_valid(
                body=bolt_request.raw_body,
                timestamp=request.headers.get(TIMESTAMP_HEADER),
                signature=request.headers.get(SIGNATURE_HEADER),
            ):
                return web.json_response({"error": "invalid request"}, status=401)
            task = asyncio.create_task(self._dispatch_after_ack(bolt_request))
            self._dispatching.add(task)  # the loop keeps only weak references to tasks
            task.add_done_callback(self._dispatching.discard)
            return web.Response(status=200)
        bolt_response = await self.bot.app.async_dispatch(bolt_request)
        return await to_aiohttp_response(bolt_response)

    async def _dispatch_after_ack(self, bolt_request: AsyncBoltRequest) -> None:
        """An Events API delivery, already acked: slack-bolt runs its middleware and listeners now (and
        checks the signature again)."""
        response = await self.bot.app.async_dispatch(bolt_request)
        if response.status >= 400:
            log.warning("an acknowledged event was refused by slack-bolt (HTTP %d)", response.status)


def _acked_at_once(request: web.Request, body: str) -> bool:
    """Events API deliveries (JSON) are acked as soon as their signature is checked, before slack-bolt
    dispatches them: their ack carries nothing, and Slack waits for it. Slash commands and
    interactivity (form-encoded) can answer in their ack, and the URL verification must echo its
    challenge: those go through slack-bolt first."""
    return request.content_type == "application/json" and "url_verification" not in body


def _plausible_timestamp(value: str) -> bool:
    """Whether the request's timestamp header is an integer, as the signature check needs it to be."""
    try:
        int(value)
    except ValueError:
        return False
    return True
