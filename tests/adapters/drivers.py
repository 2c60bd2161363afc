"""Drivers that hold the contract conversation on each platform, through its real stack and fake network."""

from __future__ import annotations

import io
import itertools
import json
from typing import Any

from discord_payloads import CHANNEL_ID, TEXT_CHANNEL
from fake_discord import FakeDiscord, RestCall, is_message
from fake_slack import ApiCall, FakeSlack, event_body, mention, post_signed

from adapters.console import ConsoleAdapter

SLACK_CHANNEL = "CNEWS"


def _short(text: str, limit: int = 90) -> str:
    flat = " ".join(text.replace("\u200b", "").split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def slack_text(call: ApiCall) -> str:
    blocks = call.params.get("blocks")
    if isinstance(blocks, str):
        blocks = json.loads(blocks)
    if not blocks:
        return str(call.params.get("text", ""))
    texts = []
    for block in blocks:
        if isinstance(block.get("text"), dict):
            texts.append(block["text"]["text"])
        texts += [element.get("text", "") for element in block.get("elements", [])]
    return "\n".join(texts)


def discord_text(call: RestCall) -> str:
    body = call.body or {}
    texts = [body.get("content") or ""]
    for embed in body.get("embeds") or []:
        texts += [
            embed.get("title") or "",
            embed.get("description") or "",
            (embed.get("footer") or {}).get("text", ""),
        ]
    return "\n".join(t for t in texts if t)


class ConsoleDriver:
    """The console adapter, fed one message at a time; its output is the record."""

    name = "console"

    def __init__(self, adapter: ConsoleAdapter) -> None:
        self.adapter = adapter
        self.transcript: list[str] = []

    async def brief(self, article: str, *, messages: int) -> list[str]:
        self.adapter.stdin = io.StringIO(article + "\n.\n")
        self.transcript.append(f"user> brief + {len(article)} chars pasted")
        return self._record(await self.adapter.submit("brief"))

    async def ask(self, question: str) -> list[str]:
        self.transcript.append(f"user> {question}")
        return self._record(await self.adapter.submit(question))

    def _record(self, replies: list[str]) -> list[str]:
        self.transcript += [f"bot> {_short(reply)}" for reply in replies]
        return replies


class SlackEventsDriver:
    """Signed Events API requests to the bot's HTTP endpoint: the article, then questions in its thread."""

    name = "slack-http"

    def __init__(self, fake: FakeSlack, events_url: str) -> None:
        self.fake = fake
        self.url = events_url
        self.thread_ts = ""
        self.transcript: list[str] = []
        self._ts = itertools.count(1)

    async def brief(self, article: str, *, messages: int) -> list[str]:
        self.thread_ts = ts = f"1800000000.{next(self._ts):06d}"
        return await self._send(
            mention(article, channel=SLACK_CHANNEL, ts=ts),
            messages,
            f"@briefbot <article, {len(article)} chars>",
        )

    async def ask(self, question: str) -> list[str]:
        ts = f"1800000000.{next(self._ts):06d}"
        event = mention(question, channel=SLACK_CHANNEL, ts=ts, thread_ts=self.thread_ts)
        return await self._send(event, 1, f"@briefbot {question} (in thread)")

    async def _send(self, event: dict[str, Any], messages: int, label: str) -> list[str]:
        before = len(self.fake.posted())
        status, _ = await post_signed(self.url, event_body(event))
        assert status == 200
        self.transcript.append(f"event app_mention: {label}")
        posted = (await self.fake.wait_for_posts(before + messages))[before:]
        for call in posted:
            self.transcript.append(
                f"chat.postMessage thread_ts={call.params.get('thread_ts')}: {_short(slack_text(call))}"
            )
        return [slack_text(call) for call in posted]


class SlackSocketDriver:
    """Socket Mode envelopes: `/brief <article>` as a slash command, then plain replies in its thread."""

    name = "slack-socket-mode"

    def __init__(self, fake: FakeSlack) -> None:
        self.fake = fake
        self.thread_ts = ""
        self.transcript: list[str] = []
        self._ts = itertools.count(1)

    async def brief(self, article: str, *, messages: int) -> list[str]:
        before = len(self.fake.posted())
        payload = {
            "command": "/brief",
            "text": article,
            "channel_id": SLACK_CHANNEL,
            "user_id": "UALICE",
            "team_id": "T0001",
            "response_url": "http://127.0.0.1:9/unused",
            "trigger_id": "1.2.3",
        }
        await self.fake.push("slash_commands", payload)
        self.transcript.append(f"slash_commands /brief <article, {len(article)} chars>")
        posted = (await self.fake.wait_for_posts(before + 1 + messages))[before:]
        await self.fake.wait_for(lambda: bool(self.fake.posted("chat.update")))
        opener, thread = posted[0], posted[1:]
        self.thread_ts = str(thread[0].params["thread_ts"])
        update = self.fake.posted("chat.update")[-1]
        self.transcript.append(f"chat.postMessage: {_short(slack_text(opener))}")
        self.transcript.append(f"chat.update ts={update.params['ts']}: {_short(slack_text(update))}")
        for call in thread:
            self.transcript.append(
                f"chat.postMessage thread_ts={call.params.get('thread_ts')}: {_short(slack_text(call))}"
            )
        return [slack_text(call) for call in thread]

    async def ask(self, question: str) -> list[str]:
        before = len(self.fake.posted())
        ts = f"1800000001.{next(self._ts):06d}"
        event = {
            "type": "message",
            "channel": SLACK_CHANNEL,
            "channel_type": "channel",
            "user": "UALICE",
            "text": question,
            "ts": ts,
            "thread_ts": self.thread_ts,
            "event_ts": ts,
        }
        await self.fake.push("events_api", event_body(event))
        self.transcript.append(f"events_api message in thread: {question}")
        posted = (await self.fake.wait_for_posts(before + 1))[before:]
        for call in posted:
            self.transcript.append(
                f"chat.postMessage thread_ts={call.params.get('thread_ts')}: {_short(slack_text(call))}"
            )
        return [slack_text(call) for call in posted]


class DiscordSlashDriver:
    """INTERACTION_CREATE: `/brief text:<article>` in a channel, then `/ask` in the thread it opened."""

    name = "discord"

    def __init__(self, fake: FakeDiscord) -> None:
        self.fake = fake
        self.thread: dict[str, Any] = {}
        self.transcript: list[str] = []

    async def brief(self, article: str, *, messages: int) -> list[str]:
        before = len(self.fake.calls)
        await self.fake.slash_command("brief", {"text": article})
        self.transcript.append(f"INTERACTION_CREATE /brief text:<article, {len(article)} chars>")
        await self.fake.wait_for(lambda: len(self._sent_since(before)) >= 1 + messages)
        _opener, *in_thread = self._sent_since(before)
        thread_id = int(in_thread[0].path.split("/")[2])
        self.thread = self.fake.thread(thread_id)
        self._log(before)
        return [discord_text(call) for call in in_thread]

    async def ask(self, question: str) -> list[str]:
        before = len(self.fake.calls)
        await self.fake.slash_command("ask", {"question": question}, channel=self.thread)
        self.transcript.append(f"INTERACTION_CREATE /ask question:{question} (in thread)")
        await self.fake.wait_for(lambda: len(self._sent_since(before)) >= 1)
        self._log(before)
        return [discord_text(call) for call in self._sent_since(before)]

    def _sent_since(self, before: int) -> list[RestCall]:
        return [call for call in self.fake.calls[before:] if is_message(call)]

    def _log(self, before: int) -> None:
        for call in self.fake.calls[before:]:
            if call.path.endswith("/callback"):
                self.transcript.append(f"{call.method} {_route(call.path)} type={call.body.get('type')}")
            elif call.path.endswith("/threads"):
                self.transcript.append(f"{call.method} {_route(call.path)} name={call.body.get('name')!r}")
            else:
                self.transcript.append(f"{call.method} {_route(call.path)}: {_short(discord_text(call))}")


def _route(path: str) -> str:
    """Paths with the ids abbreviated, for a readable transcript."""
    parts = path.strip("/").split("/")
    named = {str(CHANNEL_ID): "{channel}"}
    return "/" + "/".join(
        named.get(p, "{id}" if p.isdigit() else ("{token}" if p.startswith("itoken") else p)) for p in parts
    )


__all__ = ["TEXT_CHANNEL", "ConsoleDriver", "DiscordSlashDriver", "SlackEventsDriver", "SlackSocketDriver"]
