"""Shared pieces of the hardening tests: a service that records what reached it, the fakes, the adapters."""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
import pytest_asyncio
from fake_discord import FakeDiscord
from fake_slack import WAIT, FakeSlack
from stacks import running_discord, start_slack_http

from adapters.discord_adapter import DiscordAdapter
from adapters.slack_adapters import SlackHttpAdapter
from bot.chat import Command, Reply
from bot.service import ChatService

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TRACEBACK = re.compile(r"Traceback \(most recent call last\)")


class RecordingService(ChatService):
    """The real service, remembering every command that reached it and every reply it gave."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.commands: list[Command] = []
        self.replies: list[Reply] = []

    async def handle(self, command: Command) -> list[Reply]:
        self.commands.append(command)
        replies = await super().handle(command)
        self.replies += replies
        return replies


@pytest.fixture
def article_en() -> str:
    return (EXAMPLES / "example-en.txt").read_text(encoding="utf-8")


@pytest.fixture
def recording_service() -> Iterator[RecordingService]:
    service = RecordingService()
    yield service
    service.close()


@pytest_asyncio.fixture
async def slack_http(
    slack_fake: FakeSlack, recording_service: RecordingService
) -> AsyncIterator[SlackHttpAdapter]:
    adapter = await start_slack_http(recording_service, slack_fake)
    yield adapter
    await adapter.stop()


@pytest_asyncio.fixture
async def discord_bot(
    discord_fake: FakeDiscord, recording_service: RecordingService
) -> AsyncIterator[DiscordAdapter]:
    async with running_discord(recording_service, discord_fake) as adapter:
        yield adapter


async def post_raw(url: str, body: bytes, headers: dict[str, str]) -> tuple[int, str]:
    """POST exactly these bytes with exactly these headers."""
    timeout = aiohttp.ClientTimeout(total=WAIT)
    async with (
        aiohttp.ClientSession(timeout=timeout) as session,
        session.post(url, data=body, headers=headers) as response,
    ):
        return response.status, await response.text()


def tracebacks(records: list[logging.LogRecord]) -> list[str]:
    """Log records that carry a stack trace, as text."""
    found = []
    for record in records:
        text = record.getMessage()
        if record.exc_info or record.exc_text or record.stack_info or TRACEBACK.search(text):
            found.append(f"{record.name}: {text}")
    return found
