from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import pytest_asyncio
from contract import ANSWERERS
from discord.gateway import DiscordWebSocket
from discord.http import Route
from discord_payloads import BOT_TOKEN as DISCORD_TOKEN
from fake_discord import FakeDiscord
from fake_slack import APP_TOKEN, BOT_TOKEN, SIGNING_SECRET, WAIT, FakeSlack

from adapters.discord_adapter import DiscordAdapter
from adapters.slack_adapters import SlackHttpAdapter, SlackSocketModeAdapter
from bot.service import ChatService

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def article_en() -> str:
    return (EXAMPLES / "example-en.txt").read_text(encoding="utf-8")


@pytest.fixture
def article_de() -> str:
    return (EXAMPLES / "beispiel-de.txt").read_text(encoding="utf-8")


@pytest.fixture
def service(request: pytest.FixtureRequest) -> Iterator[ChatService]:
    """The real service; parametrize indirectly with "echo" to answer with contract.echo_answer."""
    answerer = getattr(request, "param", "engine")
    chat = ChatService(answer_question=ANSWERERS[answerer])
    chat.answerer_name = answerer  # type: ignore[attr-defined]
    yield chat
    chat.close()


@pytest_asyncio.fixture
async def slack_fake() -> AsyncIterator[FakeSlack]:
    fake = FakeSlack()
    await fake.start()
    yield fake
    await fake.stop()


@pytest_asyncio.fixture
async def slack_http(slack_fake: FakeSlack, service: ChatService) -> AsyncIterator[SlackHttpAdapter]:
    adapter = SlackHttpAdapter(
        service,
        bot_token=BOT_TOKEN,
        signing_secret=SIGNING_SECRET,
        api_url=slack_fake.api_url,
        host="127.0.0.1",
        port=0,
    )
    await adapter.start()
    yield adapter
    await adapter.stop()


@pytest_asyncio.fixture
async def slack_socket(slack_fake: FakeSlack, service: ChatService) -> AsyncIterator[SlackSocketModeAdapter]:
    adapter = SlackSocketModeAdapter(
        service, bot_token=BOT_TOKEN, app_token=APP_TOKEN, api_url=slack_fake.api_url, ping_interval=1.0
    )
    await asyncio.wait_for(adapter.start(), WAIT)
    await slack_fake.wait_connected()
    yield adapter
    await asyncio.wait_for(adapter.stop(), WAIT)


@pytest_asyncio.fixture
async def discord_fake() -> AsyncIterator[FakeDiscord]:
    fake = FakeDiscord()
    await fake.start()
    yield fake
    await fake.stop()


@pytest_asyncio.fixture
async def discord_bot(discord_fake: FakeDiscord, service: ChatService) -> AsyncIterator[DiscordAdapter]:
    saved = Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
    adapter = DiscordAdapter(
        service,
        token=DISCORD_TOKEN,
        api_url=discord_fake.api_url,
        gateway_url=discord_fake.gateway_url,
        ready_timeout=WAIT,
        guild_ready_timeout=0.05,
    )
    try:
        await adapter.start()
        yield adapter
    finally:
        await asyncio.wait_for(adapter.stop(), WAIT)
        Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = saved
