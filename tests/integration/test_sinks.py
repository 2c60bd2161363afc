"""Digest messages reach Discord through its REST API: no pings, no embeds, a nonce per delivery key."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from discord_payloads import BOT_TOKEN
from fake_discord import FakeDiscord

from adapters.sinks import DiscordSink, discord_nonce

pytestmark = pytest.mark.asyncio


async def test_discord_sink_posts_with_a_nonce_and_no_mentions(discord_fake: FakeDiscord) -> None:
    sink = DiscordSink(token=BOT_TOKEN, api_url=discord_fake.api_url)
    ref = await sink.post("discord:4242", "**News digest** @everyone", key="digest-7-1")
    [call] = [c for c in discord_fake.calls if c.method == "POST" and c.path == "/channels/4242/messages"]
    assert ref is not None and call.body["content"] == "**News digest** @everyone"
    assert call.body["nonce"] == discord_nonce("digest-7-1") and call.body["enforce_nonce"] is True
    assert call.body["allowed_mentions"] == {"parse": []} and call.body["flags"] == 4
    assert len(discord_nonce("digest-7-1")) <= 25 and discord_nonce("digest-7-2") != discord_nonce(
        "digest-7-1"
    )
    assert await sink.was_posted("discord:4242", "digest-7-1", since=datetime.now(UTC)) is None
