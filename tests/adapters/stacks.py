"""Starting the real adapters against the local fake Slack and Discord servers (shared by test suites)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Iterator

import pytest_asyncio
from discord.gateway import DiscordWebSocket
from discord.http import Route
from discord_payloads import BOT_TOKEN as DISCORD_TOKEN
from fake_discord import FakeDiscord
from fake_slack import BOT_TOKEN, SIGNING_SECRET, WAIT, FakeSlack

from adapters.discord_adapter import DiscordAdapter
from adapters.slack_adapters import SlackHttpAdapter
from bot.service import ChatService


async def start_slack_http(service: ChatService, fake: FakeSlack) -> SlackHttpAdapter:
    """The Events API endpoint on an OS-chosen port of 127.0.0.1, posting to the fake Web API."""
    adapter = SlackHttpAdapter(
        service,
        bot_token=BOT_TOKEN,
        signing_secret=SIGNING_SECRET,
        api_url=fake.api_url,
        host="127.0.0.1",
        port=0,
    )
    await adapter.start()
    return adapter


def discord_adapter(service: ChatService, fake: FakeDiscord) -> DiscordAdapter:
    """The discord.py client aimed at the fake REST API and gateway; start it in restored_discord_routes()."""
    return DiscordAdapter(
        service,
        token=DISCORD_TOKEN,
        api_url=fake.api_url,
        gateway_url=fake.gateway_url,
        ready_timeout=WAIT,
        guild_ready_timeout=0.05,
    )


@contextlib.contextmanager
def restored_discord_routes() -> Iterator[None]:
    """discord.py's REST base and gateway URL are class-wide; the adapter points them at the fake."""
    saved = Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
    try:
        yield
    finally:
        Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = saved


@contextlib.asynccontextmanager
async def running_discord(service: ChatService, fake: FakeDiscord) -> AsyncIterator[DiscordAdapter]:
    """The discord.py adapter started against the fake, stopped (and discord.py's URLs restored) after."""
    adapter = discord_adapter(service, fake)
    with restored_discord_routes():
        try:
            await adapter.start()
            yield adapter
        finally:
            await asyncio.wait_for(adapter.stop(), WAIT)


# fixtures shared by the suites that run the adapters (imported into their conftest modules)


@pytest_asyncio.fixture
async def slack_fake() -> AsyncIterator[FakeSlack]:
    fake = FakeSlack()
    await fake.start()
    yield fake
    await fake.stop()


@pytest_asyncio.fixture
async def discord_fake() -> AsyncIterator[FakeDiscord]:
    fake = FakeDiscord()
    await fake.start()
    yield fake
    await fake.stop()
