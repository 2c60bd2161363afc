"""Hostile articles through every adapter: nothing the bot sends can ping anyone or form a link.

The article carries Slack's special mentions and links (`<!channel>`, `<!here>`, `<@U123>`, `<#C1>`,
`<https://x|y>`), Discord's (`@everyone`, `@here`, `<@&role>`, `<@123>`, `<#1>`, masked links), bare
URLs and domains, and (for the terminal) escape sequences, in its title, its quotes and its summary.
The answers come from an answerer that also tries to ping. Everything the fake servers recorded, or
the console printed, is then checked.
"""

from __future__ import annotations

import asyncio
import io
import json
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from contract import echo_answer
from discord_payloads import CHANNEL_ID
from fake_discord import FakeDiscord
from fake_slack import FakeSlack, event_body, events_url, mention, post_signed
from hardening_harness import RecordingService

from adapters.console import ConsoleAdapter
from adapters.discord_adapter import DiscordAdapter
from adapters.slack_adapters import SlackHttpAdapter
from bot.render_chat import ZERO_WIDTH_SPACE

pytestmark = pytest.mark.asyncio

HOSTILE = (
    "<!channel> @everyone Port strike: read <https://evil.example.com|this> and [this](https://evil.example.com)\n"
    "Mayor Jane Doe said on Monday that @here and <!here> must read https://phish.example.com/login and "
    'evil.xyz/p before the vote. "Everyone at <@U123> and <#C1> and <@&555> and <@123> and <#4242> '
    'should see [the plan](https://evil.example.com/plan)," Doe said.\n'
    "The union leader John Smith said the strike would continue until @everyone at www.example.org agreed. "
    '"We will not give in to <!channel> or to [anyone](http://a.example.net) or to '
    '<https://x.example.com|y> or to <mailto:boss@example.com|the boss>," Smith told reporters on Tuesday.\n'
    "The port authority said it wanted talks with the union and the city council as soon as possible, "
    "and it said that the ships would wait outside the harbour.\n"
)
TERMINAL_TRICKS = "\x1b]8;;https://evil.example.com\x1b\\click here\x1b]8;;\x1b\\ and \x1b[2J"
HOSTILE_QUESTION = "Who is Jane Doe? <!here> <@U123> @everyone <@&555> [x](evil)"

# what would ping or link if it reached a client unchanged
OPEN_ANGLE = re.compile(f"<(?!{ZERO_WIDTH_SPACE})")  # Slack <!channel> <@U1> <#C1> <url|x>; Discord <@1> <#1>
LIVE_AT = re.compile(r"@(?=[\w!&#])")  # @everyone @here @channel, and <@... after escaping
SCHEME = re.compile(r"(?i)\b(?:https?|ftp|mailto):")
BARE_DOMAIN = re.compile(r"(?i)[a-z0-9-]\.[a-z]{2,63}\b|\bwww\.")
MASKED_LINK = re.compile(r"\]\(")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@pytest.fixture
def recording_service() -> Iterator[RecordingService]:
    service = RecordingService(answer_question=echo_answer)
    yield service
    service.close()


def _strings(value: Any) -> list[str]:
    """Every string inside a recorded payload (JSON text inside it is opened too)."""
    if isinstance(value, str):
        if value[:1] in "[{":
            try:
                return _strings(json.loads(value))
            except ValueError:
                pass
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _strings(v)]
    return []


def _dangers(text: str, patterns: dict[str, re.Pattern[str]]) -> list[str]:
    return [
        f"{name}: …{text[max(0, m.start() - 20) : m.end() + 20]!r}…"
        for name, p in patterns.items()
        for m in p.finditer(text)
    ]


async def _until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    async def poll() -> None:
        while not condition():
            await asyncio.sleep(0.02)

    await asyncio.wait_for(poll(), timeout)


async def _settled(count: Callable[[], int]) -> None:
    """Wait until nothing new was recorded for a moment."""
    while True:
        before = count()
        await asyncio.sleep(0.2)
        if count() == before:
            return


def slack_typed(text: str) -> str:
    """How Slack delivers text a user typed: &, < and > as entities."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


SLACK_DANGERS = {
    "open <": OPEN_ANGLE,
    "live @": LIVE_AT,
    "scheme": SCHEME,
    "bare domain": BARE_DOMAIN,
}


async def test_slack_sends_nothing_that_pings_or_links(
    slack_fake: FakeSlack, slack_http: SlackHttpAdapter, recording_service: RecordingService
) -> None:
    url = events_url(slack_http)
    service = recording_service
    # the article as Slack markup (real mentions and links) and as text a user typed
    for channel, text in (("C1", HOSTILE), ("C2", slack_typed(HOSTILE))):
        handled = len(service.replies)
        await post_signed(url, event_body(mention(text, channel=channel, ts=f"{channel[1]}.1")))
        await _until(lambda handled=handled: len(service.replies) > handled)
        question = mention(
            HOSTILE_QUESTION, channel=channel, ts=f"{channel[1]}.2", thread_ts=f"{channel[1]}.1"
        )
        await post_signed(url, event_body(question))
        await _until(lambda handled=handled: len(service.replies) > handled + 1)
    form = {
        "command": "/brief",
        "channel_id": "C3",
        "user_id": "U1",
        "team_id": "T0001",
        "response_url": "http://127.0.0.1:9/unused",
        "trigger_id": "1.2",
    }
    await post_signed(url, {**form, "text": slack_typed(HOSTILE)}, form=True)
    await post_signed(url, {**form, "text": "ask " + slack_typed(HOSTILE_QUESTION)}, form=True)
    await _until(lambda: len(service.replies) >= 6)
    await _settled(lambda: len(slack_fake.calls))

    assert [r.kind for r in service.replies].count("briefing") == 3
    sent = [c for c in slack_fake.calls if c.method in ("chat.postMessage", "chat.update")]
    shown = [s for call in sent for s in _strings(call.params)]
    assert not [d for s in shown for d in _dangers(s, SLACK_DANGERS)]
    assert all(not c.params.get("link_names") and c.params.get("parse") != "full" for c in sent)
    everything = "\n".join(shown)
    # the hostile parts were shown, made inert, in the title, the quotes and the answers
    assert "Jane Doe" in everything and "John Smith" in everything
    assert f"@{ZERO_WIDTH_SPACE}everyone" in everything and "&lt;!channel&gt;" in everything
    headers = [b["text"]["text"] for c in sent for b in c.params.get("blocks") or [] if b["type"] == "header"]
    assert headers and all("everyone" in h and "channel" in h for h in headers)


DISCORD_DANGERS = {
    "open <": OPEN_ANGLE,
    "live @": LIVE_AT,
    "scheme": SCHEME,
    "masked link": MASKED_LINK,
}


async def test_discord_sends_nothing_that_pings_or_links(
    discord_fake: FakeDiscord, discord_bot: DiscordAdapter, recording_service: RecordingService
) -> None:
    service = recording_service
    await discord_fake.user_message(HOSTILE)
    await _until(lambda: any(c.path.endswith("/threads") for c in discord_fake.calls))
    await _settled(lambda: len(discord_fake.calls))
    in_thread = [c for c in discord_fake.sent() if c.path.startswith("/channels/")]
    thread_id = int(in_thread[0].path.split("/")[2])
    assert thread_id != CHANNEL_ID
    await discord_fake.user_message(HOSTILE_QUESTION, channel_id=thread_id)
    await discord_fake.slash_command("brief", {"text": HOSTILE})
    await _until(lambda: len(service.replies) >= 3)
    await discord_fake.slash_command("ask", {"question": HOSTILE_QUESTION})
    await _until(lambda: len(service.replies) >= 4)
    await _settled(lambda: len(discord_fake.calls))

    assert [r.kind for r in service.replies] == ["briefing", "answer", "briefing", "answer"]
    messages = discord_fake.sent()
    assert all(m.body.get("allowed_mentions") == {"parse": []} for m in messages)
    shown = [s for m in messages for s in _strings(m.body.get("content"))]
    shown += [s for m in messages for s in _strings(m.body.get("embeds"))]
    shown += [c.body["name"] for c in discord_fake.calls if c.path.endswith("/threads")]
    assert not [d for s in shown for d in _dangers(s, DISCORD_DANGERS)]
    everything = "\n".join(shown)
    assert "Jane Doe" in everything and f"@{ZERO_WIDTH_SPACE}everyone" in everything
    assert f"<{ZERO_WIDTH_SPACE}@{ZERO_WIDTH_SPACE}&555>" in everything


async def test_the_console_prints_no_terminal_escape_sequences(recording_service: RecordingService) -> None:
    article = HOSTILE.replace("before the vote.", f"before the vote {TERMINAL_TRICKS}.")
    question = f"{HOSTILE_QUESTION} \x1b[2J\x1b[31mred"
    stdin = io.StringIO(f"brief\n{article}\n.\n{question}\nquit\n")
    stdout = io.StringIO()
    await ConsoleAdapter(recording_service, stdin=stdin, stdout=stdout).run()
    printed = stdout.getvalue()
    assert [r.kind for r in recording_service.replies] == ["briefing", "answer"]
    assert "\x1b" in "".join(c.text for c in recording_service.commands), "the tricks reached the bot"
    assert not CONTROL.findall(printed)
    assert "click here" in printed and "Jane Doe" in printed
