"""Running a digest exactly once: claim the items, plan the messages, post each one logged.

The plan (every message's key and text) is written to the delivery log in one transaction before
anything is posted. Each message then goes planned -> sending -> sent. A run that resumes after a
crash or restart skips what is `sent`; for a message left `sending` (the crash hit while it was in
flight) it asks the platform whether it arrived (`was_posted`: Slack searches the channel for the
message's metadata key; Discord's nonce makes a repeat a no-op) and posts it only when it did not.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from bot import metrics
from bot.digest import DigestEntry, compose
from bot.digest_render import Markup, labels, render_digest
from bot.errors import UserFacingError
from bot.models import Article, Briefing
from bot.store import Store

log = logging.getLogger(__name__)

BriefingFor = Callable[[int, Article], Briefing]


class DigestSink(Protocol):
    """Where messages for channels of one platform go."""

    markup: Markup

    async def post(self, channel: str, text: str, *, key: str) -> str | None:
        """Post one message; returns the platform's id for it (if any)."""
        ...

    async def was_posted(self, channel: str, key: str, *, since: datetime) -> bool | None:
        """Whether a message with this key reached the channel; None when the platform cannot tell."""
        ...


class Sinks:
    """The sink for each platform prefix of a channel id ("slack:C1" -> "slack", "console")."""

    def __init__(self) -> None:
        self._sinks: dict[str, DigestSink] = {}

    def register(self, platform: str, sink: DigestSink) -> None:
        self._sinks[platform] = sink

    def platforms(self) -> list[str]:
        return sorted(self._sinks)

    def for_channel(self, channel: str) -> DigestSink:
        platform = channel.split(":", 1)[0]
        sink = self._sinks.get(platform)
        if sink is None:
            raise UserFacingError(f"I cannot post to {channel}: no {platform} connection is configured.")
        return sink


@dataclass(frozen=True)
class DigestOutcome:
    channel: str
    digest_id: int | None
    items: int = 0
    messages: int = 0
    posted: int = 0
    already_sent: int = 0

    @property
    def nothing_new(self) -> bool:
        return self.digest_id is None


class DigestRunner:
    def __init__(self, store: Store, sinks: Sinks, briefing_for: BriefingFor) -> None:
        self.store = store
        self.sinks = sinks
        self._briefing_for = briefing_for
        self._locks: dict[str, asyncio.Lock] = {}

    def _lock(self, channel: str) -> asyncio.Lock:
        return self._locks.setdefault(channel, asyncio.Lock())

    async def run(self, channel: str, *, reason: str = "manual") -> DigestOutcome:
        """Post the channel's digest (resuming an unfinished one first)."""
        sink = self.sinks.for_channel(channel)
        async with self._lock(channel):
            release = await asyncio.to_thread(self.store.lock_channel, channel)  # across replicas
            try:
                return await self._run(channel, sink, reason)
            finally:
                await asyncio.to_thread(release)

    async def _run(self, channel: str, sink: DigestSink, reason: str) -> DigestOutcome:
        digest_id = await asyncio.to_thread(self.store.claim_digest, channel, reason=reason)
        if digest_id is None:
            return DigestOutcome(channel, None)
        plan = await asyncio.to_thread(self.store.planned, channel, digest_id=digest_id)
        items = 0
        if not plan:
            messages, items = await asyncio.to_thread(self._plan, channel, digest_id, sink.markup)
            await asyncio.to_thread(self.store.plan_deliveries, channel, messages, digest_id=digest_id)
            plan = await asyncio.to_thread(self.store.planned, channel, digest_id=digest_id)
        posted, skipped = await self._deliver(channel, sink, [p.key for p in plan])
        await asyncio.to_thread(self.store.finish_digest, digest_id)
        metrics.DIGESTS_POSTED.labels(metrics.platform_of(channel)).inc()
        metrics.DIGEST_MESSAGES.labels(metrics.platform_of(channel)).inc(posted)
        log.info("digest %d for %s: %d messages posted, %d already sent", digest_id, channel, posted, skipped)
        return DigestOutcome(channel, digest_id, items, len(plan), posted, skipped)

    async def resume_unfinished(self) -> list[DigestOutcome]:
        """Finish every digest a crash or restart left open (for channels with a sink)."""
        outcomes = []
        for _digest_id, channel in await asyncio.to_thread(self.store.open_digests):
            try:
                outcomes.append(await self.run(channel, reason="resumed"))
            except UserFacingError as err:
                log.warning("cannot resume the digest of %s: %s", channel, err.reason)
        return outcomes

    async def notify_once(self, channel: str, key: str, text: str) -> bool:
        """Post a notice once ever per key (e.g. a paused feed); False when it went out before."""
        sink = self.sinks.for_channel(channel)
        async with self._lock(channel):
            await asyncio.to_thread(self.store.plan_deliveries, channel, [(key, text)])
            posted, _ = await self._deliver(channel, sink, [key])
            return posted > 0

    def _plan(self, channel: str, digest_id: int, markup: Markup) -> tuple[list[tuple[str, str]], int]:
        entries = []
        for item in self.store.digest_items(digest_id):
            briefing = self._briefing_for(item.article_id, item.article)
            entries.append(DigestEntry(item.article_id, item.article, briefing, tuple(item.feed_titles)))
        content = compose(entries)
        texts = render_digest(content, markup) if content.stories else [labels("en")["nothing"]]
        return [(f"digest-{digest_id}-{n}", text) for n, text in enumerate(texts, 1)], len(entries)

    async def _deliver(self, channel: str, sink: DigestSink, keys: list[str]) -> tuple[int, int]:
        posted = skipped = 0
        for delivery in await asyncio.to_thread(self.store.planned, channel, keys=keys):
            if delivery.state == "sent":
                skipped += 1
                continue
            if delivery.state == "sending":
                arrived = await sink.was_posted(channel, delivery.key, since=delivery.updated_at)
                if arrived:
                    await asyncio.to_thread(self.store.mark_sent, channel, delivery.key)
                    skipped += 1
                    continue
                if arrived is None:
                    log.warning(
                        "%s: cannot tell whether %s arrived before the restart; posting it",
                        channel,
                        delivery.key,
                    )
            await asyncio.to_thread(self.store.mark_sending, channel, delivery.key)
            ref = await sink.post(channel, delivery.body, key=delivery.key)
            await asyncio.to_thread(self.store.mark_sent, channel, delivery.key, platform_ref=ref)
            posted += 1
        return posted, skipped
