"""Where digests and notices go: the console, a Slack channel, a Discord channel.

Each sink gives the digest its platform's Markup (escaping, bold, links, message size) and posts one
message per call. To keep delivery exactly once across crashes, a sink tells whether a message
with a given key already arrived: Slack messages carry the key as message metadata (searched with
conversations.history); Discord messages carry a nonce derived from the key with `enforce_nonce`,
so Discord itself drops a repeat sent within its dedup window.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import sys
from datetime import datetime
from typing import Any, TextIO
from urllib.parse import quote

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters import discord_render, slack_render
from bot.digest_render import PLAIN, Markup
from bot.digest_run import Sinks
from bot.render_chat import without_controls
from bot.settings import Settings

log = logging.getLogger(__name__)

METADATA_EVENT = "briefbot_delivery"
SUPPRESS_EMBEDS = 1 << 2


def safe_url(url: str) -> str:
    """A URL that cannot break out of the link syntax around it (no spaces, brackets, pipes)."""
    return quote(url, safe=":/?#[]@!$&'*+,;=%~-._")


class ConsoleSink:
    markup = PLAIN

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream

    async def post(self, channel: str, text: str, *, key: str) -> str | None:
        stream = self.stream or sys.stdout
        stream.write(without_controls(text).rstrip("\n") + "\n\n")  # feed text: no escape sequences
        stream.flush()
        return None

    async def was_posted(self, channel: str, key: str, *, since: datetime) -> bool | None:
        return None  # a terminal cannot be asked


def _slack_markup() -> Markup:
    esc = slack_render.escape
    return Markup(
        escape=esc,
        bold=lambda t: f"*{t}*",
        italic=lambda t: f"_{t}_",
        link=lambda url, label: f"<{safe_url(url)}|{esc(label).replace('|', '¦')}>",
        limit=slack_render.TEXT_CHARS,
    )


class SlackSink:
    markup = _slack_markup()

    def __init__(self, client: AsyncWebClient) -> None:
        self.client = client

    async def post(self, channel: str, text: str, *, key: str) -> str | None:
        response = await self.client.chat_postMessage(
            channel=channel.removeprefix("slack:"),
            text=text,
            unfurl_links=False,
            unfurl_media=False,
            metadata={"event_type": METADATA_EVENT, "event_payload": {"key": key}},
        )
        return str(response.get("ts") or "") or None

    async def was_posted(self, channel: str, key: str, *, since: datetime) -> bool | None:
        try:
            response = await self.client.conversations_history(
                channel=channel.removeprefix("slack:"),
                oldest=f"{since.timestamp() - 120:.6f}",
                include_all_metadata=True,
                limit=200,
            )
        except SlackApiError as err:
            data = err.response.data
            log.warning(
                "cannot check %s for %s: %s",
                channel,
                key,
                data.get("error") if isinstance(data, dict) else data,
            )
            return None
        messages: list[dict[str, Any]] = response.get("messages") or []
        return any((m.get("metadata") or {}).get("event_payload", {}).get("key") == key for m in messages)


def _discord_markup() -> Markup:
    esc = discord_render.escape
    return Markup(
        escape=esc,
        bold=lambda t: f"**{t}**",
        italic=lambda t: f"*{t}*",
        link=lambda url, label: f"[{esc(label).replace(']', ')')}](<{safe_url(url).replace('>', '%3E')}>)",
        limit=discord_render.CONTENT_CHARS,
    )


def discord_nonce(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()[:25]


class DiscordSink:
    """Posts through Discord's REST API (no gateway needed, so `briefbot digest now` can use it)."""

    markup = _discord_markup()

    def __init__(self, *, token: str, api_url: str, attempts: int = 3) -> None:
        self._token = token
        self.api_url = api_url.rstrip("/")
        self.attempts = attempts

    async def post(self, channel: str, text: str, *, key: str) -> str | None:
        channel_id = channel.removeprefix("discord:")
        body = {
            "content": text,
            "nonce": discord_nonce(key),
            "enforce_nonce": True,
            "allowed_mentions": {"parse": []},
            "flags": SUPPRESS_EMBEDS,
        }
        headers = {"Authorization": f"Bot {self._token}", "User-Agent": "DiscordBot (briefbot, 0.1)"}
        timeout = aiohttp.ClientTimeout(total=30)
        async with aiohttp.ClientSession(timeout=timeout) as session:
            for _ in range(self.attempts):
                url = f"{self.api_url}/channels/{channel_id}/messages"
                async with session.post(url, json=body, headers=headers) as response:
                    if response.status == 429:
                        wait = float((await response.json()).get("retry_after", 1.0))
                        await asyncio.sleep(min(wait, 30.0))
                        continue
                    if response.status >= 400:
                        raise RuntimeError(f"Discord answered {response.status} posting to {channel}")
                    return str((await response.json()).get("id", "")) or None
        raise RuntimeError(f"Discord kept rate-limiting posts to {channel}")

    async def was_posted(self, channel: str, key: str, *, since: datetime) -> bool | None:
        return None  # the nonce makes a repeat within Discord's dedup window a no-op


def build_sinks(settings: Settings, *, console: TextIO | None = None) -> Sinks:
    """A sink for every platform with credentials, and the console."""
    sinks = Sinks()
    sinks.register("console", ConsoleSink(console))
    if settings.slack_bot_token is not None:
        client = AsyncWebClient(
            token=settings.slack_bot_token.get_secret_value(), base_url=settings.slack_api_url, timeout=30
        )
        from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler

        client.retry_handlers.append(AsyncRateLimitErrorRetryHandler(max_retry_count=3))
        sinks.register("slack", SlackSink(client))
    if settings.discord_token is not None:
        sinks.register(
            "discord",
            DiscordSink(token=settings.discord_token.get_secret_value(), api_url=settings.discord_api_url),
        )
    return sinks
