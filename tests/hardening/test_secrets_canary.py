"""Secrets canary: tokens, the signing secret and the LLM key never show up in a log line or a payload.

Canary values are planted in the environment, the bot is composed from them the way `briefbot run`
does it (settings -> adapters), and a conversation runs on Slack (HTTP and Socket Mode) and Discord
with the LLM engine, with every logger at DEBUG. Then every log line and everything the fake servers
recorded is searched. The only places a secret may appear are where it is the credential itself:
the Authorization header each fake server receives and the token field of Discord's IDENTIFY
payload; those are taken out explicitly (and checked to be the canary, so the test can fail).
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import secrets
from collections.abc import Iterator
from pathlib import Path

import drivers
import pytest
from drivers import DiscordSlashDriver, SlackEventsDriver, SlackSocketDriver
from fake_discord import FakeDiscord
from fake_slack import WAIT, FakeSlack, events_url, post_signed
from llm_fake_server import FakeLlm
from stacks import restored_discord_routes

from adapters import discord_render, slack_render
from adapters.discord_adapter import DiscordAdapter
from adapters.runner import build_adapters
from adapters.slack_adapters import SlackHttpAdapter, SlackSocketModeAdapter
from bot.chat import Reply
from bot.ingest import read_article
from bot.llm import engine_from_settings
from bot.service import ChatService
from bot.settings import load_settings

pytestmark = pytest.mark.asyncio


def _canary(prefix: str) -> str:
    return f"{prefix}CANARY{secrets.token_hex(10)}"


CANARIES = {
    "SLACK_BOT_TOKEN": _canary("xoxb-"),
    "SLACK_SIGNING_SECRET": _canary(""),
    "SLACK_APP_TOKEN": _canary("xapp-"),
    "DISCORD_TOKEN": _canary("MTA."),
    "BRIEFBOT_LLM_API_KEY": _canary("sk-"),
}


def _fragments(value: str) -> list[str]:
    """The whole value and its random tail: a log that shows part of a secret counts as a leak too."""
    return [value, value[-12:]]


def leaks(text: str) -> list[str]:
    return [name for name, value in CANARIES.items() if any(f in text for f in _fragments(value))]


@pytest.fixture
def fake_llm() -> Iterator[FakeLlm]:
    server = FakeLlm().start()
    yield server
    server.stop()


@pytest.fixture
def debug_logs(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    caplog.set_level(logging.DEBUG)
    for name in ("discord", "slack_bolt", "slack_sdk", "aiohttp", "asyncio", "urllib3", "adapters", "bot"):
        logging.getLogger(name).setLevel(logging.DEBUG)
    yield caplog


def _log_text(caplog: pytest.LogCaptureFixture) -> str:
    lines = [caplog.text]
    for record in caplog.records:
        lines.append(record.getMessage())
        lines.append(repr(record.args))
        lines.append(record.exc_text or "")
        lines.append(json.dumps({k: repr(v) for k, v in vars(record).items()}))
    return "\n".join(lines)


async def test_no_secret_in_any_log_line_or_recorded_payload(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    debug_logs: pytest.LogCaptureFixture,
    fake_llm: FakeLlm,
    slack_fake: FakeSlack,
    discord_fake: FakeDiscord,
    article_en: str,
) -> None:
    monkeypatch.chdir(tmp_path)  # no briefbot.toml from the working tree
    signed = functools.partial(post_signed, secret=CANARIES["SLACK_SIGNING_SECRET"])
    monkeypatch.setattr(drivers, "post_signed", signed)  # what Slack signs with is the canary too
    for name, value in CANARIES.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("BRIEFBOT_LOG_LEVEL", "DEBUG")
    monkeypatch.setenv("BRIEFBOT_SLACK_API_URL", slack_fake.api_url)
    monkeypatch.setenv("BRIEFBOT_SLACK_HTTP_HOST", "127.0.0.1")
    monkeypatch.setenv("BRIEFBOT_DISCORD_API_URL", discord_fake.api_url)
    monkeypatch.setenv("BRIEFBOT_DISCORD_GATEWAY_URL", discord_fake.gateway_url)
    monkeypatch.setenv("BRIEFBOT_LLM_BASE_URL", fake_llm.base_url)
    monkeypatch.setenv("BRIEFBOT_LLM_MODEL", "fake")

    settings = load_settings()
    shown = [repr(settings), str(settings), settings.model_dump_json(), repr(settings.model_dump())]
    logging.getLogger("tests.canary").debug("settings: %s %r", settings, settings)
    engine = engine_from_settings(settings)
    service = ChatService(analyse=engine.analyse, answer_question=engine.answer)
    http_adapter, discord_adapter = build_adapters(settings, service, slack_http=True, port=0)
    socket_adapter = build_adapters(load_settings(slack_mode="socket"), service)[0]
    assert isinstance(http_adapter, SlackHttpAdapter) and isinstance(discord_adapter, DiscordAdapter)
    assert isinstance(socket_adapter, SlackSocketModeAdapter)
    discord_adapter.client._connection.guild_ready_timeout = 0.05  # the fake sends its one guild at once

    briefing = engine.analyse(read_article(article_en.encode(), source="canary"))
    reply = Reply(kind="briefing", text=f"Briefing: {briefing.title}", briefing=briefing)
    with restored_discord_routes():
        await http_adapter.start()
        await asyncio.wait_for(socket_adapter.start(), WAIT)
        await slack_fake.wait_connected()
        await discord_adapter.start()
        try:
            slack_messages = len(slack_render.reply_messages(reply))
            for driver in (
                SlackEventsDriver(slack_fake, events_url(http_adapter)),
                SlackSocketDriver(slack_fake),
            ):
                await driver.brief(article_en, messages=slack_messages)
                await driver.ask("Who is Maria Okafor?")
            discord = DiscordSlashDriver(discord_fake)
            await discord.brief(article_en, messages=len(discord_render.reply_messages(reply)))
            await discord.ask("What did she say about the strike?")
        finally:
            await asyncio.wait_for(discord_adapter.stop(), WAIT)
            await asyncio.wait_for(socket_adapter.stop(), WAIT)
            await http_adapter.stop()
            service.close()

    # the credentials went where they belong (else this test could not fail) ...
    slack_tokens = {call.token for call in slack_fake.calls}
    assert slack_tokens == {CANARIES["SLACK_BOT_TOKEN"], CANARIES["SLACK_APP_TOKEN"]}
    assert [identify["token"] for identify in discord_fake.identified] == [CANARIES["DISCORD_TOKEN"]]
    llm_auth = {request["_headers"]["Authorization"] for request in fake_llm.requests}
    assert llm_auth == {f"Bearer {CANARIES['BRIEFBOT_LLM_API_KEY']}"}
    assert len(fake_llm.requests) >= 4  # two briefings and two answers per platform went to the model

    # ... and nowhere else
    recorded = {
        "Slack Web API calls": [call.params for call in slack_fake.calls],
        "Slack Socket Mode acks": slack_fake.acks,
        "Discord REST calls": [(call.method, call.path, call.body) for call in discord_fake.calls],
        "Discord IDENTIFY": [{k: v for k, v in i.items() if k != "token"} for i in discord_fake.identified],
        "LLM requests": [
            {
                **{k: v for k, v in request.items() if k != "_headers"},
                "_headers": {k: v for k, v in request["_headers"].items() if k != "Authorization"},
            }
            for request in fake_llm.requests
        ],
        "settings as shown": shown,
    }
    for what, payload in recorded.items():
        assert leaks(json.dumps(payload, ensure_ascii=False, default=repr)) == [], what
    log_text = _log_text(debug_logs)
    assert len(debug_logs.records) > 50, "DEBUG logging was not captured"
    assert leaks(log_text) == [], [line for line in log_text.splitlines() if leaks(line)][:5]
