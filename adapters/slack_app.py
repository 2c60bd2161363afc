"""The slack-bolt app: Slack events, slash commands and shortcuts in; Commands to the service; replies out.

Listeners only translate. Bolt acks events before the listener runs (process_before_response is off),
slash commands and shortcuts ack first thing, and the analysis runs in the service's worker thread,
so Slack always gets its ack within 3 seconds. Retried events (same event_id, `X-Slack-Retry-Num`)
are acked and dropped; events nobody listens to are acked too, so Slack does not keep retrying them.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
from slack_bolt.async_app import AsyncApp
from slack_bolt.response import BoltResponse
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.web.async_client import AsyncWebClient

from adapters.base import Command, Reply, SeenIds
from adapters.slack_render import escape, plain_from_slack, reply_messages
from bot.chat_text import parse_manage, split_command_word
from bot.service import ChatService
from bot.settings import SLACK_API_URL

log = logging.getLogger(__name__)

SLASH_COMMAND = "/brief"
SHORTCUT_CALLBACK_ID = "brief_message"
SOURCE = "Slack message"
WORKING_TEXT = "Briefing the article…"
ADMIN_CACHE_SECONDS = 600
REQUEST_VERIFICATION_LOGGER = "slack_bolt.RequestVerification"
WEB_CLIENT_LOGGER = "slack_sdk.web.async_client"
WEB_API_TIMEOUT = 30


def _channel_key(channel: str) -> str:
    return f"slack:{channel}"


def _thread_key(channel: str, thread_ts: str) -> str:
    return f"slack:{channel}:{thread_ts}"


class SlackBot:
    """Owns the AsyncApp; `app` is what the Socket Mode and HTTP adapters serve."""

    def __init__(
        self,
        service: ChatService,
        *,
        bot_token: str,
        signing_secret: str | None = None,
        api_url: str = SLACK_API_URL,
        retry_on_rate_limit: int = 2,
    ) -> None:
        self.service = service
        client = AsyncWebClient(
            token=bot_token, base_url=api_url, timeout=WEB_API_TIMEOUT, logger=_leveled(WEB_CLIENT_LOGGER)
        )
        client.retry_handlers.append(AsyncRateLimitErrorRetryHandler(max_retry_count=retry_on_rate_limit))
        self.app = AsyncApp(
            name="briefbot",
            logger=_bolt_logger(),
            client=client,
            signing_secret=signing_secret or "",
            request_verification_enabled=bool(signing_secret),
        )
        _quiet_request_verification()
        self._seen = SeenIds()
        self._admins: dict[str, tuple[bool, float]] = {}  # user -> (workspace admin?, checked at)
        self.app.middleware(self._drop_retried_events)
        self.app.event("app_mention")(self._on_mention)
        self.app.event("message")(self._on_message)
        self.app.command(SLASH_COMMAND)(self._on_slash_command)
        self.app.shortcut(SHORTCUT_CALLBACK_ID)(self._on_message_shortcut)
        self.app.event(re.compile(".*"))(self._on_other_event)
        self.app.error(self._on_error)

    async def open(self) -> None:
        """One HTTP session for every Web API call (slack_sdk otherwise opens a new one, with a new
        connection, for each call). Needs the running loop."""
        if self.app.client.session is None or self.app.client.session.closed:
            timeout = aiohttp.ClientTimeout(total=WEB_API_TIMEOUT)
            self.app.client.session = aiohttp.ClientSession(timeout=timeout)

    async def close(self) -> None:
        session, self.app.client.session = self.app.client.session, None
        if session is not None:
            await session.close()

    async def _drop_retried_events(
        self, body: dict[str, Any], next_: Callable[[], Awaitable[None]]
    ) -> BoltResponse | None:
        event_id = body.get("event_id") if isinstance(body, dict) else None
        if not self._seen.first_time(event_id):
            log.info("dropping a retried delivery of event %s", event_id)
            return BoltResponse(status=200, body="")
        await next_()
        return None

    async def _on_mention(
        self, event: dict[str, Any], context: dict[str, Any], client: AsyncWebClient
    ) -> None:
        channel, ts = event["channel"], event["ts"]
        thread_ts = event.get("thread_ts") or ts
        text = _without_mention(event.get("text", ""), context.get("bot_user_id"))
        await self._converse(client, channel, thread_ts, text, user=event.get("user", ""))

    async def _on_message(
        self, event: dict[str, Any], context: dict[str, Any], client: AsyncWebClient
    ) -> None:
        if event.get("subtype") or event.get("bot_id"):
            return
        channel, ts = event.get("channel", ""), event.get("ts", "")
        thread_ts = event.get("thread_ts")
        raw = event.get("text", "")
        bot_user = context.get("bot_user_id")
        if event.get("channel_type") == "im":
            text = _without_mention(raw, bot_user)
            await self._converse(client, channel, thread_ts or ts, text, user=event.get("user", ""))
            return
        mentioned = bool(bot_user) and f"<@{bot_user}>" in raw  # app_mention handles those
        if thread_ts and not mentioned and self.service.knows(_thread_key(channel, thread_ts)):
            await self._converse(
                client, channel, thread_ts, plain_from_slack(raw), user=event.get("user", "")
            )

    async def _on_other_event(self) -> None:
        """Acked by bolt and otherwise ignored, so Slack does not retry it."""

    async def _on_slash_command(
        self, ack: Callable[..., Awaitable[None]], command: dict[str, Any], client: AsyncWebClient
    ) -> None:
        text = plain_from_slack(command.get("text", ""))
        intent, body = split_command_word(text, "brief")
        if intent == "help" or not body:
            await ack(text=self.service.help().text)
            return
        await ack()
        channel = command["channel_id"]
        user = command.get("user_id", "")
        if parse_manage(body) is not None:
            manage = Command(
                text=body,
                channel=_channel_key(channel),
                intent="brief",
                user=user,
                user_is_admin=await self._is_admin(client, user, body),
            )
            await self._post(client, channel, None, await self.service.handle(manage))
            return
        if intent == "ask":
            replies = await self.service.handle(
                Command(text=body, channel=_channel_key(channel), intent="ask", user=user)
            )
            for reply in replies:
                first_ts = await self._post(client, channel, None, [reply], heading=f"“{escape(body)}”")
                if first_ts and reply.topic:
                    self.service.attach(conversation=_thread_key(channel, first_ts), topic=reply.topic)
            return
        posted = await client.chat_postMessage(channel=channel, text=WORKING_TEXT)
        ts = str(posted["ts"])
        command_ = Command(
            text=body,
            channel=_channel_key(channel),
            conversation=_thread_key(channel, ts),
            intent="brief",
            user=user,
            source=SOURCE,
        )
        replies = await self.service.handle(command_)
        headline = replies[0].text if replies else WORKING_TEXT
        await client.chat_update(channel=channel, ts=ts, text=escape(headline))
        if any(reply.kind == "briefing" for reply in replies):
            await self._post(client, channel, ts, replies)

    async def _on_message_shortcut(
        self, ack: Callable[..., Awaitable[None]], shortcut: dict[str, Any], client: AsyncWebClient
    ) -> None:
        await ack()
        message = shortcut.get("message", {})
        channel = shortcut.get("channel", {}).get("id", "")
        thread_ts = message.get("thread_ts") or message.get("ts", "")
        command = Command(
            text=plain_from_slack(message.get("text", "")),
            channel=_channel_key(channel),
            conversation=_thread_key(channel, thread_ts),
            intent="brief",
            user=shortcut.get("user", {}).get("id", ""),
            source=SOURCE,
        )
        await self._post(client, channel, thread_ts, await self.service.handle(command))

    async def _converse(
        self, client: AsyncWebClient, channel: str, thread_ts: str, text: str, *, user: str
    ) -> None:
        command = Command(
            text=text,
            channel=_channel_key(channel),
            conversation=_thread_key(channel, thread_ts),
            user=user,
            source=SOURCE,
            user_is_admin=await self._is_admin(client, user, text),
        )
        await self._post(client, channel, thread_ts, await self.service.handle(command))

    async def _is_admin(self, client: AsyncWebClient, user: str, text: str) -> bool:
        """Whether the user is a workspace admin or owner; asked (users.info) only for changing commands."""
        manage = parse_manage(text)
        if manage is None or not manage.changes_something or not user:
            return False
        known = self._admins.get(user)
        if known is not None and time.monotonic() - known[1] < ADMIN_CACHE_SECONDS:
            return known[0]
        try:
            info = (await client.users_info(user=user)).get("user") or {}
        except SlackApiError as err:
            data = err.response.data
            log.warning("users.info failed: %s", data.get("error") if isinstance(data, dict) else data)
            return False
        admin = bool(info.get("is_admin") or info.get("is_owner") or info.get("is_primary_owner"))
        self._admins[user] = (admin, time.monotonic())
        return admin

    async def _post(
        self,
        client: AsyncWebClient,
        channel: str,
        thread_ts: str | None,
        replies: list[Reply],
        *,
        heading: str | None = None,
    ) -> str | None:
        """Post the replies in order; returns the ts of the first message posted."""
        first_ts = None
        for reply in replies:
            if reply.briefing:  # takes a while to render: off the loop, so acks arriving meanwhile go first
                messages = await asyncio.to_thread(reply_messages, reply)
            else:
                messages = reply_messages(reply)
            for message in messages:
                if heading and first_ts is None and "blocks" not in message:
                    message = {**message, "text": f"{heading}\n{message['text']}"}
                try:
                    posted = await client.chat_postMessage(
                        channel=channel,
                        thread_ts=thread_ts,
                        unfurl_links=False,
                        unfurl_media=False,
                        **message,
                    )
                except SlackApiError as err:
                    log.warning("chat.postMessage failed in %s: %s", channel, err.response.get("error"))
                    return first_ts
                first_ts = first_ts or str(posted.get("ts", ""))
        return first_ts

    async def _on_error(self, error: Exception, body: dict[str, Any]) -> None:
        log.error("Slack listener failed (%s): %s", type(error).__name__, error, exc_info=error)


class _DropTokenNotice(logging.Filter):
    """Bolt warns that SLACK_BOT_TOKEN is unused when a client is given; the client does carry it."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("As you gave `client` as well")


def _bolt_logger() -> logging.Logger:
    logger = _leveled("slack_bolt.briefbot")
    if not any(isinstance(f, _DropTokenNotice) for f in logger.filters):
        logger.addFilter(_DropTokenNotice())
    return logger


def _leveled(name: str) -> logging.Logger:
    """The logger with an explicit level: slack-bolt and slack_sdk test `logger.level <= DEBUG`, which
    holds for an unset level, and then format debug lines with whole request bodies on every call."""
    logger = logging.getLogger(name)
    debug = logging.getLogger().isEnabledFor(logging.DEBUG)
    logger.setLevel(logging.DEBUG if debug else logging.INFO)
    return logger


def _quiet_request_verification() -> None:
    """bolt logs the whole body of every badly signed request at INFO: any client could flood the log.

    Set after the AsyncApp is built, since bolt copies our base logger's level onto it then.
    """
    logging.getLogger(REQUEST_VERIFICATION_LOGGER).setLevel(logging.WARNING)


def _without_mention(text: str, bot_user_id: str | None) -> str:
    if bot_user_id:
        text = text.replace(f"<@{bot_user_id}>", " ")
    return plain_from_slack(text).strip()
