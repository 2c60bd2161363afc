"""Running the Discord client as a ChatAdapter, against Discord or a local stand-in."""

from __future__ import annotations

import asyncio
import contextlib
import logging

import yarl
from discord.gateway import DiscordWebSocket
from discord.http import Route

from adapters.base import ChatAdapter
from adapters.discord_bot import AutoShardedBriefBotClient, BriefBotClient
from bot.service import ChatService
from bot.settings import DISCORD_API_URL, DISCORD_GATEWAY_URL

log = logging.getLogger(__name__)


def point_discord_at(api_url: str, gateway_url: str) -> None:
    """discord.py reads the REST base from Route.BASE and the gateway from DEFAULT_GATEWAY (class-wide)."""
    Route.BASE = api_url.rstrip("/")
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url)


class DiscordAdapter(ChatAdapter):
    name = "discord"

    def __init__(
        self,
        service: ChatService,
        *,
        token: str,
        api_url: str = DISCORD_API_URL,
        gateway_url: str = DISCORD_GATEWAY_URL,
        guild_ids: list[int] | None = None,
        sync_commands: bool = True,
        ready_timeout: float = 60.0,
        guild_ready_timeout: float = 2.0,
        auto_shard: bool = False,
    ) -> None:
        super().__init__(service)
        self._token = token
        self.api_url = api_url
        self.gateway_url = gateway_url
        self.ready_timeout = ready_timeout
        client_class = AutoShardedBriefBotClient if auto_shard else BriefBotClient
        self.client = client_class(
            service, guild_ids=guild_ids, sync_commands=sync_commands, guild_ready_timeout=guild_ready_timeout
        )
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        try:
            await self._connect()
        except BaseException:
            await self.stop()
            raise

    async def _connect(self) -> None:
        point_discord_at(self.api_url, self.gateway_url)
        await self.client.login(self._token)
        self._task = asyncio.create_task(self.client.connect(reconnect=True), name="discord-gateway")
        ready = asyncio.create_task(self.client.wait_until_ready())
        done, _ = await asyncio.wait(
            {ready, self._task}, timeout=self.ready_timeout, return_when="FIRST_COMPLETED"
        )
        if ready not in done:
            ready.cancel()
            if self._task in done:
                self._task.result()  # raises what stopped the connection
            raise TimeoutError(f"Discord did not become ready within {self.ready_timeout:.0f} s")
        log.info("Discord connected as %s", self.client.user)

    async def stop(self) -> None:
        await self.client.close()
        if self._task is not None:
            task, self._task = self._task, None
            with contextlib.suppress(Exception, asyncio.CancelledError):
                await asyncio.wait_for(task, timeout=10)

    async def wait_closed(self) -> None:
        if self._task is not None:
            await self._task
