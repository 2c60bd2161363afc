from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import pytest_asyncio
from contract import ANSWERERS
from fake_discord import FakeDiscord
from fake_slack import APP_TOKEN, BOT_TOKEN, WAIT, FakeSlack
from stacks import discord_fake, running_discord, slack_fake, start_slack_http

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
async def slack_http(slack_fake: FakeSlack, service: ChatService) -> AsyncIterator[SlackHttpAdapter]:
    adapter = await start_slack_http(service, slack_fake)
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
async def discord_bot(discord_fake: FakeDiscord, service: ChatService) -> AsyncIterator[DiscordAdapter]:
    async with running_discord(service, discord_fake) as adapter:
        yield adapter


__all__ = ["discord_fake", "slack_fake"]  # fixtures from stacks
