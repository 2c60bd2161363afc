"""Polling feeds: new items (by GUID, canonical URL and content hash) fetched, extracted, briefed, stored.

Each feed is polled every `interval`; after an error the next poll backs off (doubling, up to
`max_backoff`), and a feed that has failed for `pause_after` is paused and its channels are told.
An item is recorded as seen only after its article reached every subscribed channel, so a crash in
between repeats the work, never loses the item (routing is idempotent).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.errors import UserFacingError
from bot.models import Article, Briefing
from bot.sources.extract import article_from_page, extract
from bot.sources.feeds import FEED_PARSE_LIMIT, FeedItem, ParsedFeed, parse_feed
from bot.sources.fetch import FEED_TYPES, HTML_TYPES, Fetcher
from bot.store import Store
from bot.store_briefs import BriefingCache
from bot.store_feeds import FeedInfo
from bot.store_schema import utcnow

log = logging.getLogger(__name__)

Notify = Callable[[str, str, str], Awaitable[object]]  # (channel, once-only key, text)


@dataclass(frozen=True)
class PollSettings:
    interval: timedelta = timedelta(minutes=15)
    max_backoff: timedelta = timedelta(hours=6)
    pause_after: timedelta = timedelta(days=1)
    max_items: int = 30  # newest items taken from one poll of one feed
    concurrency: int = 4  # items fetched at the same time


@dataclass
class FeedReport:
    feed_id: int
    url: str
    new_items: int = 0
    failed_items: int = 0
    error: str | None = None
    paused_channels: list[str] = field(default_factory=list)


class FeedPoller:
    def __init__(
        self,
        store: Store,
        fetcher: Fetcher,
        briefings: BriefingCache,
        *,
        settings: PollSettings | None = None,
        clock: Callable[[], datetime] = utcnow,
        notify: Notify | None = None,
    ) -> None:
        self.store = store
        self.fetcher = fetcher
        self.briefings = briefings
        self.settings = settings or PollSettings()
        self.clock = clock
        self.notify = notify
        self._poll_lock = asyncio.Lock()

    async def check(self, url: str) -> ParsedFeed:
        """Fetch and parse a feed (to validate it before subscribing)."""
        fetched = await self.fetcher.fetch(url, accept=FEED_TYPES)
        return await asyncio.to_thread(parse_feed, fetched.body, url=fetched.final_url)

    async def poll_due(self) -> list[FeedReport]:
        """Poll every feed that is due; one run at a time."""
        async with self._poll_lock:
            now = self.clock()
            feeds = await asyncio.to_thread(self.store.due_feeds, now)
            return [await self.poll(feed) for feed in feeds]

    async def poll(self, feed: FeedInfo) -> FeedReport:
        report = FeedReport(feed.id, feed.url)
        now = self.clock()
        headers = {}
        if feed.etag:
            headers["If-None-Match"] = feed.etag
        if feed.last_modified:
            headers["If-Modified-Since"] = feed.last_modified
        try:
            fetched = await self.fetcher.fetch(feed.url, accept=FEED_TYPES, headers=headers)
            parsed = None
            if not fetched.not_modified:
                parsed = await asyncio.to_thread(parse_feed, fetched.body[:FEED_PARSE_LIMIT], url=feed.url)
        except UserFacingError as err:
            return await self._failed(feed, report, now, err.reason)
        if parsed is not None:
            await self._items(feed, parsed, report)
        await asyncio.to_thread(
            self.store.poll_succeeded,
            feed.id,
            now=now,
            next_at=now + self.settings.interval,
            title=parsed.title if parsed else None,
            etag=fetched.etag,
            last_modified=fetched.last_modified,
        )
        return report

    async def _failed(self, feed: FeedInfo, report: FeedReport, now: datetime, reason: str) -> FeedReport:
        report.error = reason
        backoff = min(self.settings.interval * (2 ** min(feed.failures + 1, 16)), self.settings.max_backoff)
        log.info("feed %s failed (%d in a row): %s", feed.url, feed.failures + 1, reason)
        report.paused_channels = await asyncio.to_thread(
            self.store.poll_failed,
            feed.id,
            reason,
            now=now,
            next_at=now + backoff,
            pause_after=self.settings.pause_after,
        )
        if report.paused_channels and self.notify is not None:
            since = (feed.first_failure_at or now).strftime("%Y-%m-%d %H:%M UTC")
            text = (
                f"The feed {feed.title or feed.url} has failed since {since} ({reason}); I paused it. "
                "Subscribe to it again to resume it."
            )
            for channel in report.paused_channels:
                try:
                    await self.notify(channel, f"feed-paused-{feed.id}-{now:%Y%m%d%H%M}", text)
                except Exception:
                    log.exception("telling %s about the paused feed %s failed", channel, feed.url)
        return report

    async def _items(self, feed: FeedInfo, parsed: ParsedFeed, report: FeedReport) -> None:
        fresh = []
        for item in parsed.items[: self.settings.max_items]:
            if not await asyncio.to_thread(self.store.item_seen, feed.id, item.guid):
                fresh.append(item)
        gate = asyncio.Semaphore(self.settings.concurrency)

        async def one(item: FeedItem) -> None:
            async with gate:
                await self._item(feed, parsed.title, item, report)

        await asyncio.gather(*(one(item) for item in reversed(fresh)))  # oldest first

    async def _item(self, feed: FeedInfo, feed_title: str, item: FeedItem, report: FeedReport) -> None:
        try:
            article_id, article, briefing = await self._briefed(item)
        except UserFacingError as err:
            report.failed_items += 1
            await asyncio.to_thread(
                self.store.record_item,
                feed.id,
                item.guid,
                canonical=item.canonical,
                article_id=None,
                error=err.reason,
            )
            return
        await asyncio.to_thread(self.store.route_article, feed.id, article_id, article, briefing)
        await asyncio.to_thread(
            self.store.record_item, feed.id, item.guid, canonical=item.canonical, article_id=article_id
        )
        report.new_items += 1

    async def _briefed(self, item: FeedItem) -> tuple[int, Article, Briefing]:
        """The item's stored article (known canonical URL: no fetch) or a new one; briefed."""
        known = await asyncio.to_thread(self.store.article_by_url, item.canonical) if item.canonical else None
        stored = await asyncio.to_thread(self.store.article, known) if known is not None else None
        if stored is None:
            article, author = await self._article(item)
            return await asyncio.to_thread(self.briefings.store_and_brief, article, author=author)
        briefing = await asyncio.to_thread(self.briefings.briefing_for, stored.id, stored.article)
        return stored.id, stored.article, briefing

    async def _article(self, item: FeedItem) -> tuple[Article, str | None]:
        """The item's page, else the full text the feed carries."""
        problem: UserFacingError | None = None
        if item.link:
            try:
                page = await self.fetcher.fetch(item.link, accept=HTML_TYPES)
                extracted = await asyncio.to_thread(
                    extract, page.body, url=page.final_url, charset=page.charset
                )
                return await asyncio.to_thread(article_from_page, extracted), extracted.author
            except UserFacingError as err:
                problem = err
        if item.content_html:
            extracted = await asyncio.to_thread(
                extract, item.content_html.encode("utf-8"), url=item.link or item.guid, charset="utf-8"
            )
            return await asyncio.to_thread(article_from_page, extracted), extracted.author
        raise problem or UserFacingError("The feed item has neither a link nor its text.")
