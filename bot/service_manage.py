"""The management commands of the news desk: feeds add|remove|list, schedule set|show|clear, digest now."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.chat_text import Manage
from bot.digest_run import DigestOutcome
from bot.errors import UserFacingError
from bot.schedule_spec import ScheduleSpec, parse_schedule
from bot.sources.poll import FeedPoller
from bot.sources.safety import check_url
from bot.store import Store

if TYPE_CHECKING:
    from bot.scheduling import Scheduler


class ManageCommands:
    """Mixed into NewsDesk, which provides these attributes."""

    timezone: str
    clock: Callable[[], datetime]
    _scheduler: Scheduler | None
    _resumed: list[DigestOutcome]

    @property
    def store(self) -> Store:
        raise NotImplementedError

    @property
    def poller(self) -> FeedPoller:
        raise NotImplementedError

    async def digest(self, channel: str, *, reason: str = "manual") -> DigestOutcome:
        raise NotImplementedError

    def _handler(self, command: Manage) -> Callable[[Manage, str, str], Awaitable[str]]:
        handler = {
            ("feeds", "add"): self._feeds_add,
            ("feeds", "remove"): self._feeds_remove,
            ("feeds", "list"): self._feeds_list,
            ("schedule", "set"): self._schedule_set,
            ("schedule", "show"): self._schedule_show,
            ("schedule", "clear"): self._schedule_clear,
            ("digest", "now"): self._digest_now,
        }.get((command.area, command.action))
        if handler is None:
            raise UserFacingError(
                f"I do not know `{command.area} {command.action}`. Say `help` for the commands."
            )
        return handler

    async def _feeds_add(self, command: Manage, channel: str, user: str) -> str:
        url = check_url(command.argument.split()[0] if command.argument else "")
        parsed = await self.poller.check(url)
        sub, created = await asyncio.to_thread(
            self.store.subscribe, channel, url, keywords=command.keywords, actors=command.actors, user=user
        )
        filters = _filters(sub.keywords, sub.actors)
        verb = "Subscribed to" if created else "Updated"
        before = await asyncio.to_thread(self.store.pending_count, channel)
        await self.poller.poll(sub.feed)  # the first poll right away
        arrived = await asyncio.to_thread(self.store.pending_count, channel) - before
        return f"{verb} {parsed.title} ({url}){filters}: {arrived} new items for the next digest."

    async def _feeds_remove(self, command: Manage, channel: str, user: str) -> str:
        url = command.argument.split()[0] if command.argument else ""
        if not url:
            raise UserFacingError("Which feed? Write `feeds remove URL`.")
        removed = await asyncio.to_thread(self.store.unsubscribe, channel, url)
        return f"Unsubscribed from {url}." if removed else f"This channel is not subscribed to {url}."

    async def _feeds_list(self, command: Manage, channel: str, user: str) -> str:
        subs = await asyncio.to_thread(self.store.subscriptions, channel)
        if not subs:
            return "This channel has no feeds. Add one with `feeds add URL`."
        lines = [f"Feeds of this channel ({len(subs)}):"]
        for sub in subs:
            state = "" if sub.feed.status == "active" else f" [paused: {sub.feed.last_error or 'failing'}]"
            name = sub.feed.title or sub.feed.url
            lines.append(f"• {name} — {sub.feed.url}{_filters(sub.keywords, sub.actors)}{state}")
        return "\n".join(lines)

    async def _schedule_set(self, command: Manage, channel: str, user: str) -> str:
        spec = parse_schedule(command.argument, default_timezone=self.timezone)
        await asyncio.to_thread(self.store.set_schedule, channel, spec.spec, spec.timezone, user=user)
        if self._scheduler is not None:
            self._scheduler.set_digest(channel, spec)
        return f"Digest scheduled: {spec.description}; next at {self._next(spec)}."

    async def _schedule_show(self, command: Manage, channel: str, user: str) -> str:
        info = await asyncio.to_thread(self.store.schedule, channel)
        if info is None:
            return "This channel has no digest schedule. Set one with `schedule set daily 08:00`."
        spec = parse_schedule(info.spec, default_timezone=info.timezone)
        return f"Digest schedule: {spec.description}; next at {self._next(spec)}."

    async def _schedule_clear(self, command: Manage, channel: str, user: str) -> str:
        cleared = await asyncio.to_thread(self.store.clear_schedule, channel)
        if self._scheduler is not None:
            self._scheduler.clear_digest(channel)
        return "Digest schedule cleared." if cleared else "This channel had no digest schedule."

    async def _digest_now(self, command: Manage, channel: str, user: str) -> str:
        resumed = [o for o in self._resumed if o.channel == channel]
        self._resumed = [o for o in self._resumed if o.channel != channel]
        notes = [
            f"Finished an interrupted digest: {o.posted} more of its {o.messages} messages posted."
            for o in resumed
        ]
        outcome = await self.digest(channel)
        if outcome.nothing_new:
            notes.append("Nothing new since the last digest.")
        else:
            notes.append(f"Digest posted: {outcome.items} items in {outcome.messages} messages.")
        return "\n".join(notes)

    def _next(self, spec: ScheduleSpec) -> str:
        from bot.scheduling import next_fire

        fire = next_fire(spec, now=self.clock())
        if fire is None:
            return "never"
        return fire.astimezone(ZoneInfo(spec.timezone)).strftime("%a %Y-%m-%d %H:%M %Z")


def _filters(keywords: list[str], actors: list[str]) -> str:
    parts = []
    if keywords:
        parts.append("keywords: " + ", ".join(keywords))
    if actors:
        parts.append("actors: " + ", ".join(actors))
    return f" ({'; '.join(parts)})" if parts else ""
