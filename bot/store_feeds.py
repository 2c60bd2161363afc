"""Feeds, subscriptions with their filters, the items seen in each feed, and polling state."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError

from bot import models
from bot.store_articles import ArticleStore
from bot.store_schema import ChannelItem, Feed, FeedItem, Subscription, utcnow


@dataclass(frozen=True)
class FeedInfo:
    id: int
    url: str
    title: str
    status: str
    etag: str | None
    last_modified: str | None
    failures: int
    first_failure_at: datetime | None
    last_error: str | None
    next_poll_at: datetime


@dataclass(frozen=True)
class SubscriptionInfo:
    channel: str
    feed: FeedInfo
    keywords: list[str]
    actors: list[str]


def _info(feed: Feed) -> FeedInfo:
    return FeedInfo(
        id=feed.id,
        url=feed.url,
        title=feed.title,
        status=feed.status,
        etag=feed.etag,
        last_modified=feed.last_modified,
        failures=feed.failures,
        first_failure_at=feed.first_failure_at,
        last_error=feed.last_error,
        next_poll_at=feed.next_poll_at,
    )


def _clean(words: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(" ".join(w.split()) for w in words if w.strip()))


def _contains(haystack: str, needle: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(needle.casefold())}(?!\w)", haystack) is not None


def passes_filters(
    keywords: list[str], actors: list[str], article: models.Article, briefing: models.Briefing | None
) -> bool:
    """Keyword filter: some keyword in title or text. Actor filter: some actor of the briefing matches.

    Both must pass when both are set; an empty filter passes everything.
    """
    if keywords:
        text = f"{article.title}\n{article.text}".casefold()
        if not any(_contains(text, k) for k in keywords):
            return False
    if actors:
        names = []
        if briefing is not None:
            for actor in briefing.actors:
                names += [actor.name, *actor.aliases, *([actor.english_name] if actor.english_name else [])]
        joined = "\n".join(names).casefold()
        if not any(_contains(joined, a) for a in actors):
            return False
    return True


class FeedStore(ArticleStore):
    def subscribe(
        self,
        channel: str,
        url: str,
        *,
        keywords: Iterable[str] = (),
        actors: Iterable[str] = (),
        user: str = "",
    ) -> tuple[SubscriptionInfo, bool]:
        """Subscribe the channel to the feed (updating its filters); (subscription, newly subscribed)."""
        with self.session() as session:
            self.ensure_channel(session, channel)
            feed = session.scalar(select(Feed).where(Feed.url == url))
            if feed is None:
                feed = Feed(url=url)
                session.add(feed)
                session.flush()
            elif feed.status == "paused":
                feed.status, feed.failures, feed.first_failure_at = "active", 0, None
                feed.next_poll_at = utcnow()
            sub = session.scalar(
                select(Subscription).where(
                    Subscription.channel_id == channel, Subscription.feed_id == feed.id
                )
            )
            created = sub is None
            if sub is None:
                sub = Subscription(channel_id=channel, feed_id=feed.id, created_by=user)
                session.add(sub)
            sub.keywords, sub.actors = _clean(keywords), _clean(actors)
            session.flush()
            return SubscriptionInfo(channel, _info(feed), list(sub.keywords), list(sub.actors)), created

    def unsubscribe(self, channel: str, url: str) -> bool:
        with self.session() as session:
            feed_id = session.scalar(select(Feed.id).where(Feed.url == url))
            if feed_id is None:
                return False
            result = session.execute(
                delete(Subscription).where(
                    Subscription.channel_id == channel, Subscription.feed_id == feed_id
                )
            )
            return bool(getattr(result, "rowcount", 0))

    def subscriptions(
        self, channel: str | None = None, *, feed_id: int | None = None
    ) -> list[SubscriptionInfo]:
        with self.session() as session:
            query = select(Subscription, Feed).join(Feed, Feed.id == Subscription.feed_id)
            if channel is not None:
                query = query.where(Subscription.channel_id == channel)
            if feed_id is not None:
                query = query.where(Subscription.feed_id == feed_id)
            rows = session.execute(query.order_by(Subscription.channel_id, Feed.url)).all()
            return [
                SubscriptionInfo(s.channel_id, _info(f), list(s.keywords), list(s.actors)) for s, f in rows
            ]

    def feed(self, feed_id: int) -> FeedInfo | None:
        with self.session() as session:
            feed = session.get(Feed, feed_id)
            return _info(feed) if feed is not None else None

    def due_feeds(self, now: datetime) -> list[FeedInfo]:
        """Active feeds with at least one subscriber whose next poll is due."""
        with self.session() as session:
            subscribed = select(Subscription.feed_id).distinct()
            query = (
                select(Feed)
                .where(Feed.status == "active", Feed.next_poll_at <= now, Feed.id.in_(subscribed))
                .order_by(Feed.next_poll_at)
            )
            return [_info(feed) for feed in session.scalars(query)]

    def item_seen(self, feed_id: int, guid: str) -> bool:
        with self.session() as session:
            found = session.scalar(
                select(FeedItem.id).where(FeedItem.feed_id == feed_id, FeedItem.guid == guid)
            )
            return found is not None

    def record_item(
        self, feed_id: int, guid: str, *, canonical: str, article_id: int | None, error: str | None = None
    ) -> None:
        try:
            with self.session() as session:
                session.add(
                    FeedItem(
                        feed_id=feed_id,
                        guid=guid,
                        canonical_url=canonical,
                        article_id=article_id,
                        error=error,
                    )
                )
        except IntegrityError:
            pass  # recorded by a concurrent poll

    def route_article(
        self, feed_id: int, article_id: int, article: models.Article, briefing: models.Briefing | None
    ) -> list[str]:
        """Add the article to every subscribed channel whose filters it passes; the channels it reached."""
        reached = []
        for sub in self.subscriptions(feed_id=feed_id):
            if passes_filters(sub.keywords, sub.actors, article, briefing) and self.add_to_channel(
                sub.channel, article_id, origin="feed", feed_id=feed_id
            ):
                reached.append(sub.channel)
        return reached

    def poll_succeeded(
        self,
        feed_id: int,
        *,
        now: datetime,
        next_at: datetime,
        title: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> None:
        with self.session() as session:
            feed = session.get(Feed, feed_id)
            if feed is None:
                return
            feed.failures, feed.first_failure_at, feed.last_error = 0, None, None
            feed.last_polled_at, feed.next_poll_at = now, next_at
            feed.title = title or feed.title
            feed.etag, feed.last_modified = etag or feed.etag, last_modified or feed.last_modified

    def poll_failed(
        self, feed_id: int, error: str, *, now: datetime, next_at: datetime, pause_after: timedelta
    ) -> list[str]:
        """Record a failure; when the feed has failed for `pause_after`, pause it and return its channels."""
        with self.session() as session:
            feed = session.get(Feed, feed_id)
            if feed is None:
                return []
            feed.failures += 1
            feed.first_failure_at = feed.first_failure_at or now
            feed.last_error, feed.last_polled_at, feed.next_poll_at = error[:2000], now, next_at
            if now - feed.first_failure_at < pause_after:
                return []
            feed.status = "paused"
            channels = session.scalars(select(Subscription.channel_id).where(Subscription.feed_id == feed_id))
            return sorted(channels)

    def pending_count(self, channel: str) -> int:
        with self.session() as session:
            return int(
                session.scalar(
                    select(func.count(ChannelItem.id)).where(
                        ChannelItem.channel_id == channel,
                        ChannelItem.digest_id.is_(None),
                        ChannelItem.origin == "feed",
                    )
                )
                or 0
            )
