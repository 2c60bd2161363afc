"""`discord_auto_shard`: the adapter runs discord.py's AutoShardedClient, which asks Discord how many
shards to open (GET /gateway/bot) and identifies each; tested against the local fake Discord."""

from __future__ import annotations

import asyncio
from typing import Any

import discord
import pytest
from discord.gateway import DiscordWebSocket
from discord.http import Route
from discord_payloads import BOT_TOKEN
from fake_discord import FakeDiscord

from adapters.discord_adapter import DiscordAdapter
from bot.service import ChatService


class ShardedDiscord(FakeDiscord):
    shards = 2

    async def _answer(self, method: str, path: str, body: dict[str, Any]) -> tuple[int, Any]:
        if path == "/gateway/bot":
            limit = {"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1}
            return 200, {"url": self.gateway_url, "shards": self.shards, "session_start_limit": limit}
        return await super()._answer(method, path, body)

    async def _send(self, ws: Any, event: str, data: dict[str, Any]) -> None:
        if event == "READY" and "shard" in self.identified[-1]:  # Discord names the shard it readied
            data = {**data, "shard": self.identified[-1]["shard"]}
        await super()._send(ws, event, data)


@pytest.mark.asyncio
@pytest.mark.parametrize("auto_shard", [False, True])
async def test_auto_sharding_opens_the_shards_discord_recommends(auto_shard: bool) -> None:
    fake = ShardedDiscord()
    await fake.start()
    saved = Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
    service = ChatService()
    adapter = DiscordAdapter(
        service,
        token=BOT_TOKEN,
        api_url=fake.api_url,
        gateway_url=fake.gateway_url,
        sync_commands=False,
        ready_timeout=20,
        guild_ready_timeout=0.05,
        auto_shard=auto_shard,
    )
    try:
        await adapter.start()
        assert isinstance(adapter.client, discord.AutoShardedClient) is auto_shard
        if auto_shard:
            assert sorted(tuple(i["shard"]) for i in fake.identified) == [(0, 2), (1, 2)]
            assert adapter.client.shard_count == 2
        else:
            assert [i.get("shard", [0, 1]) for i in fake.identified] == [[0, 1]]
    finally:
        await asyncio.wait_for(adapter.stop(), 20)
        Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = saved
        await fake.stop()
        service.close()
