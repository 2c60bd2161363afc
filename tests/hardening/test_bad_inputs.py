"""The engine's bad inputs, sent through every adapter: a clear reply, an ack within a second, no traceback.

Empty and blank text, binary text with NUL bytes, PDF and ZIP files, an article over the size limit
and a French article go through Slack (Events API mention and `/brief`), Discord (mention and
`/brief`) and the console (a paste and a file). Each must get a reply that says what is wrong, the
platform's ack (HTTP response, interaction callback) must come within a second, and nothing may be
logged with a stack trace or at ERROR.
"""

from __future__ import annotations

import asyncio
import io
import json
import logging
import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fake_discord import FakeDiscord
from fake_slack import FakeSlack, event_body, events_url, mention, post_signed
from hardening_harness import RecordingService, tracebacks

from adapters.console import ConsoleAdapter
from adapters.discord_adapter import DiscordAdapter
from adapters.slack_adapters import SlackHttpAdapter

pytestmark = pytest.mark.asyncio

SIZE_LIMIT = 4_000
ACK_SECONDS = 1.0
REPLY_SECONDS = 5.0
ENGLISH = "The minister said on Monday that the talks with the union would continue next week. "
FRENCH = (
    "Le ministre a déclaré lundi que les négociations avec le syndicat se poursuivraient la semaine "
    "prochaine. Les dockers du port sont en grève depuis mardi et les navires attendent devant le port. "
    "Le syndicat demande une hausse des salaires et la direction refuse pour le moment de céder. "
) * 2
EMPTY_OR_HELP = ("There is no text to brief", "I brief German and English news articles")

# name -> (what the user sends, what the reply must say: any one of these)
BAD_INPUTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "empty": ("", EMPTY_OR_HELP),
    "whitespace": ("   \n\t  \n ", EMPTY_OR_HELP),
    "binary with NUL": ("GIF text\x00\x00\x01\x02 " + ENGLISH * 3, ("binary",)),
    "PDF": ("%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj " + ENGLISH * 3, ("PDF",)),
    "ZIP": ("PK\x03\x04\x14\x00\x06\x00 word/document.xml " + ENGLISH * 3, ("ZIP",)),
    "over the size limit": (ENGLISH * (SIZE_LIMIT // len(ENGLISH) + 5), ("too large",)),
    "French": (FRENCH, ("German or English",)),
}


@pytest.fixture
def recording_service() -> Iterator[RecordingService]:
    service = RecordingService(max_article_bytes=SIZE_LIMIT)
    yield service
    service.close()


@pytest.fixture
def logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.INFO)
    return caplog


Send = Callable[[str], Awaitable[tuple[float, list[str]]]]


async def _until(condition: Callable[[], bool], timeout: float = REPLY_SECONDS) -> None:
    async def poll() -> None:
        while not condition():
            await asyncio.sleep(0.01)

    await asyncio.wait_for(poll(), timeout)


def _slack_texts(calls: list[Any]) -> list[str]:
    return [json.dumps(call.params, ensure_ascii=False) for call in calls]


async def _check_every_bad_input(send: Send, logs: pytest.LogCaptureFixture) -> None:
    problems = {}
    for name, (payload, expected) in BAD_INPUTS.items():
        try:
            ack_seconds, replies = await send(payload)
        except TimeoutError:
            problems[name] = "no reply"
            continue
        if ack_seconds >= ACK_SECONDS:
            problems[name] = f"acked after {ack_seconds:.2f} s"
        elif not any(e in reply for reply in replies for e in expected):
            problems[name] = f"unclear reply: {replies!r:.300}"
    assert problems == {}
    assert tracebacks(logs.records) == []
    assert [r.getMessage() for r in logs.records if r.levelno >= logging.ERROR] == []


async def test_slack_mentions(
    slack_fake: FakeSlack, slack_http: SlackHttpAdapter, logs: pytest.LogCaptureFixture
) -> None:
    counter = iter(range(1, 1000))

    async def send(payload: str) -> tuple[float, list[str]]:
        before = len(slack_fake.posted())
        started = time.monotonic()
        ts = f"7.{next(counter)}"
        status, _ = await post_signed(
            events_url(slack_http), event_body(mention(f"brief {payload}", channel="C1", ts=ts))
        )
        acked = time.monotonic() - started
        assert status == 200
        posts = (await slack_fake.wait_for_posts(before + 1, timeout=REPLY_SECONDS))[before:]
        assert all(p.params["thread_ts"] == ts for p in posts)
        return acked, _slack_texts(posts)

    await _check_every_bad_input(send, logs)


async def test_slack_slash_command(
    slack_fake: FakeSlack, slack_http: SlackHttpAdapter, logs: pytest.LogCaptureFixture
) -> None:
    form = {
        "command": "/brief",
        "channel_id": "C2",
        "user_id": "U1",
        "team_id": "T0001",
        "response_url": "http://127.0.0.1:9/unused",
        "trigger_id": "1.2",
    }

    async def send(payload: str) -> tuple[float, list[str]]:
        before = len(slack_fake.posted("chat.update"))
        started = time.monotonic()
        status, body = await post_signed(events_url(slack_http), {**form, "text": payload}, form=True)
        acked = time.monotonic() - started
        assert status == 200
        if body:  # answered in the ack itself (help, shown to the user only)
            return acked, [body]
        await _until(lambda: len(slack_fake.posted("chat.update")) > before)
        return acked, _slack_texts(slack_fake.posted("chat.update")[before:])

    await _check_every_bad_input(send, logs)


async def test_discord_slash_command(
    discord_fake: FakeDiscord, discord_bot: DiscordAdapter, logs: pytest.LogCaptureFixture
) -> None:
    async def send(payload: str) -> tuple[float, list[str]]:
        before = len(discord_fake.calls)
        started = time.monotonic()
        await discord_fake.slash_command("brief", {"text": payload})
        await _until(lambda: any(c.path.endswith("/callback") for c in discord_fake.calls[before:]))
        acked = time.monotonic() - started
        await _until(lambda: any(c.path.startswith("/webhooks/") for c in discord_fake.calls[before:]))
        sent = [c for c in discord_fake.calls[before:] if c.path.startswith("/webhooks/")]
        return acked, [json.dumps(c.body, ensure_ascii=False) for c in sent]

    await _check_every_bad_input(send, logs)


async def test_discord_mention(
    discord_fake: FakeDiscord, discord_bot: DiscordAdapter, logs: pytest.LogCaptureFixture
) -> None:
    async def send(payload: str) -> tuple[float, list[str]]:
        before = len(discord_fake.sent())
        started = time.monotonic()
        await discord_fake.user_message(f"brief {payload}")
        await _until(lambda: len(discord_fake.sent()) > before)
        return time.monotonic() - started, [json.dumps(c.body) for c in discord_fake.sent()[before:]]

    await _check_every_bad_input(send, logs)


async def test_console_paste(recording_service: RecordingService, logs: pytest.LogCaptureFixture) -> None:
    console = ConsoleAdapter(recording_service, stdout=io.StringIO())

    async def send(payload: str) -> tuple[float, list[str]]:
        console.stdin = io.StringIO(f"{payload}\n.\n")
        started = time.monotonic()
        replies = await asyncio.wait_for(console.submit("brief"), REPLY_SECONDS)
        return time.monotonic() - started, replies

    await _check_every_bad_input(send, logs)


async def test_console_file(
    recording_service: RecordingService, logs: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    console = ConsoleAdapter(recording_service, stdin=io.StringIO(), stdout=io.StringIO())
    files = iter(range(1000))

    async def send(payload: str) -> tuple[float, list[str]]:
        path = tmp_path / f"article-{next(files)}.txt"
        path.write_bytes(payload.encode("utf-8"))
        started = time.monotonic()
        replies = await asyncio.wait_for(console.submit(str(path)), REPLY_SECONDS)
        return time.monotonic() - started, replies

    await _check_every_bad_input(send, logs)


def _attachment(fake: FakeDiscord, name: str, data: bytes, content_type: str) -> dict[str, Any]:
    fake.attachments[name] = data
    url = f"http://127.0.0.1:{fake.port}/attachments/{name}"
    return {
        "id": str(fake.new_id()),
        "filename": name,
        "size": len(data),
        "content_type": content_type,
        "url": url,
        "proxy_url": url,
    }


# An attachment the bot will not read (not text, or over the limit), alone in a mention, is answered
# with why and what to send instead, not with the help text.
@pytest.mark.parametrize(
    ("name", "data", "content_type", "expected"),
    [
        ("report.pdf", b"%PDF-1.7\n" + ENGLISH.encode() * 3, "application/pdf", "PDF"),
        ("long.txt", ENGLISH.encode() * (SIZE_LIMIT // len(ENGLISH) + 5), "text/plain", "too large"),
    ],
)
async def test_discord_attachment_that_cannot_be_briefed_says_why(
    discord_fake: FakeDiscord,
    discord_bot: DiscordAdapter,
    logs: pytest.LogCaptureFixture,
    name: str,
    data: bytes,
    content_type: str,
    expected: str,
) -> None:
    await discord_fake.user_message("", attachments=[_attachment(discord_fake, name, data, content_type)])
    sent = await discord_fake.wait_for_sent(1)
    assert expected in json.dumps(sent[0].body)
    assert ".txt" in json.dumps(sent[0].body)  # what to send instead
