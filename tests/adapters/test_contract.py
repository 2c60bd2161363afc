"""One conversation, every adapter: brief the example article, two follow-ups, one unanswerable question.

Each platform runs through its real stack against its fake network; the replies as the fake servers
recorded them must show the whole briefing and the same answers everywhere.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from contract import (
    QUESTIONS,
    Expected,
    answer_facts,
    briefing_facts,
    complete,
    expected_for,
)
from drivers import ConsoleDriver, DiscordSlashDriver, SlackEventsDriver, SlackSocketDriver
from fake_discord import FakeDiscord
from fake_slack import FakeSlack, events_url

from adapters import discord_render, slack_render
from adapters.console import ConsoleAdapter
from adapters.discord_adapter import DiscordAdapter
from adapters.slack_adapters import SlackHttpAdapter, SlackSocketModeAdapter
from bot.chat import Reply
from bot.service import ChatService

pytestmark = pytest.mark.asyncio


def _message_count(platform: str, reply: Reply) -> int:
    if platform.startswith("slack"):
        return len(slack_render.reply_messages(reply))
    if platform == "discord":
        return len(discord_render.reply_messages(reply))
    return 1


async def _converse(
    driver: Any, article: str, expected: Expected
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    reply = Reply(kind="briefing", text=f"Briefing: {expected.briefing.title}", briefing=expected.briefing)
    shown = await driver.brief(article, messages=_message_count(driver.name, reply))
    briefing = briefing_facts(shown, expected.briefing)
    answers = []
    for question, answer in zip(QUESTIONS, expected.answers, strict=True):
        answers.append(answer_facts(await driver.ask(question), answer, expected.text))
    return briefing, answers


@pytest.mark.parametrize("service", ["engine", "echo"], indirect=True)
async def test_every_adapter_holds_the_same_conversation(
    article_en: str,
    service: ChatService,
    slack_fake: FakeSlack,
    slack_http: SlackHttpAdapter,
    slack_socket: SlackSocketModeAdapter,
    discord_fake: FakeDiscord,
    discord_bot: DiscordAdapter,
) -> None:

    expected = expected_for(article_en, service.answerer_name)  # type: ignore[attr-defined]
    assert not expected.answers[-1].answered, "the unanswerable question must stay unanswered"

    drivers = [
        ConsoleDriver(ConsoleAdapter(service)),
        SlackEventsDriver(slack_fake, events_url(slack_http)),
        SlackSocketDriver(slack_fake),
        DiscordSlashDriver(discord_fake),
    ]
    results = {}
    for driver in drivers:
        briefing, answers = await _converse(driver, article_en, expected)
        assert complete(briefing), (driver.name, briefing)
        for facts in answers:
            assert facts["count"] == 1 and facts["answer"], (driver.name, facts)
        results[driver.name] = (briefing, [facts["text"] for facts in answers])

    reference = results["console"]
    for name, result in results.items():
        assert result == reference, f"{name} differs from the console"

    transcript_file = os.environ.get("BRIEFBOT_CONTRACT_TRANSCRIPT")
    if transcript_file:  # what each fake server recorded, for people to read
        with open(transcript_file, "a", encoding="utf-8") as out:
            for driver in drivers:
                out.write(
                    f"--- {driver.name} ({service.answerer_name}) ---\n"
                    + "\n".join(driver.transcript)
                    + "\n\n"
                )
