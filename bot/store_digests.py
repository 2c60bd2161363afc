"""Digests (which items each one covers), the delivery log, and per-channel schedules."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select, text, update
from sqlalchemy.exc import IntegrityError

from bot import models
from bot.store_articles import to_model
from bot.store_base import StoreBase
from bot.store_schema import Article, ChannelItem, Delivery, Digest, Feed, FeedItem, Schedule, utcnow


@dataclass(frozen=True)
class DigestItem:
    article_id: int
    article: models.Article
    feed_titles: list[str]
    arrived_at: datetime


@dataclass(frozen=True)
class ScheduleInfo:
    channel: str
    spec: str
    timezone: str
    created_by: str
    updated_at: datetime


@dataclass(frozen=True)
class DeliveryInfo:
    key: str
    state: str  # planned | sending | sent
    body: str
    platform_ref: str | None
    updated_at: datetime
    digest_id: int | None


def _delivery(row: Delivery) -> DeliveryInfo:
    return DeliveryInfo(
        row.key, row.state, row.body, row.platform_ref, row.sent_at or row.created_at, row.digest_id
    )


CHANNEL_LOCK_CLASS = 0x6469  # advisory locks (this class, hashtext(channel)): one digest run per channel


class DigestStore(StoreBase):
    def lock_channel(self, channel: str) -> Callable[[], None]:
        """Wait until no other process runs a digest of the channel; returns the function releasing it.

        PostgreSQL: a session advisory lock, so replicas (a manual `digest now` on one, the schedule on
        another) never deliver the same digest twice. SQLite needs none: one process owns the file.
        """
        if self.engine.dialect.name != "postgresql":
            return lambda: None
        connection = self.engine.connect()
        key = {"cls": CHANNEL_LOCK_CLASS, "channel": channel}
        try:
            connection.execute(text("SELECT pg_advisory_lock(:cls, hashtext(:channel))"), key)
            connection.commit()
        except BaseException:
            connection.close()
            raise

        def release() -> None:
            try:
                connection.execute(text("SELECT pg_advisory_unlock(:cls, hashtext(:channel))"), key)
                connection.commit()
            except Exception:
                connection.invalidate()  # a broken session took its lock with it
            finally:
                connection.close()

        return release

    def claim_digest(self, channel: str, *, reason: str = "manual") -> int | None:
        """The channel's unfinished digest (to resume), else a new one claiming every pending feed item.

        None when there is nothing to digest. Claiming is one UPDATE in one transaction: an item
        belongs to exactly one digest.
        """
        with self.session() as session:
            self.ensure_channel(session, channel)
            open_id = session.scalar(
                select(Digest.id)
                .where(Digest.channel_id == channel, Digest.status == "open")
                .order_by(Digest.id)
            )
            if open_id is not None:
                return open_id
            digest = Digest(channel_id=channel, reason=reason)
            session.add(digest)
            session.flush()
            claimed = session.execute(
                update(ChannelItem)
                .where(
                    ChannelItem.channel_id == channel,
                    ChannelItem.digest_id.is_(None),
                    ChannelItem.origin == "feed",
                )
                .values(digest_id=digest.id)
            )
            if not getattr(claimed, "rowcount", 0):
                session.delete(digest)
                return None
            return digest.id

    def open_digests(self) -> list[tuple[int, str]]:
        with self.session() as session:
            rows = session.execute(select(Digest.id, Digest.channel_id).where(Digest.status == "open"))
            return [(int(i), str(c)) for i, c in rows]

    def digest_items(self, digest_id: int) -> list[DigestItem]:
        """The digest's articles in order of arrival, each with the titles of every feed that carried it."""
        with self.session() as session:
            rows = session.execute(
                select(ChannelItem, Article)
                .join(Article, Article.id == ChannelItem.article_id)
                .where(ChannelItem.digest_id == digest_id)
                .order_by(ChannelItem.arrived_at, ChannelItem.id)
            ).all()
            ids = [article.id for _, article in rows]
            carried: dict[int, list[str]] = {}
            sources = session.execute(
                select(FeedItem.article_id, Feed.title)
                .join(Feed, Feed.id == FeedItem.feed_id)
                .where(FeedItem.article_id.in_(ids))
                .order_by(FeedItem.id)
            )
            for article_id, title in sources:
                if article_id is not None and title and title not in carried.setdefault(article_id, []):
                    carried[article_id].append(title)
            return [DigestItem(a.id, to_model(a), carried.get(a.id, []), item.arrived_at) for item, a in rows]

    def finish_digest(self, digest_id: int) -> None:
        with self.session() as session:
            digest = session.get(Digest, digest_id)
            if digest is not None:
                digest.status, digest.finished_at = "done", utcnow()

    def last_digest_at(self, channel: str) -> datetime | None:
        with self.session() as session:
            return session.scalar(
                select(Digest.finished_at)
                .where(Digest.channel_id == channel, Digest.status == "done")
                .order_by(Digest.finished_at.desc())
                .limit(1)
            )

    # --- the delivery log ---------------------------------------------------------------------------

    def plan_deliveries(
        self, channel: str, messages: list[tuple[str, str]], *, digest_id: int | None = None
    ) -> bool:
        """Log the messages (key, text) to post, in order, in one transaction; False if already planned."""
        try:
            with self.session() as session:
                for key, body in messages:
                    session.add(Delivery(channel_id=channel, key=key, body=body, digest_id=digest_id))
            return True
        except IntegrityError:
            return False

    def planned(
        self, channel: str, *, digest_id: int | None = None, keys: list[str] | None = None
    ) -> list[DeliveryInfo]:
        """The logged messages of a digest (or with the given keys), in the order they were planned."""
        with self.session() as session:
            query = select(Delivery).where(Delivery.channel_id == channel).order_by(Delivery.id)
            if digest_id is not None:
                query = query.where(Delivery.digest_id == digest_id)
            if keys is not None:
                query = query.where(Delivery.key.in_(keys))
            return [_delivery(row) for row in session.scalars(query)]

    def mark_sending(self, channel: str, key: str) -> None:
        self._set_state(channel, key, state="sending")

    def mark_sent(self, channel: str, key: str, *, platform_ref: str | None = None) -> None:
        self._set_state(channel, key, state="sent", platform_ref=platform_ref, sent_at=utcnow())

    def _set_state(self, channel: str, key: str, **values: object) -> None:
        with self.session() as session:
            session.execute(
                update(Delivery).where(Delivery.channel_id == channel, Delivery.key == key).values(**values)
            )

    def deliveries(self, channel: str) -> list[DeliveryInfo]:
        return self.planned(channel)

    # --- schedules ----------------------------------------------------------------------------------

    def set_schedule(self, channel: str, spec: str, timezone: str, *, user: str = "") -> ScheduleInfo:
        with self.session() as session:
            self.ensure_channel(session, channel)
            row = session.get(Schedule, channel)
            if row is None:
                row = Schedule(channel_id=channel, spec=spec, timezone=timezone, created_by=user)
                session.add(row)
            else:
                row.spec, row.timezone, row.created_by, row.updated_at = spec, timezone, user, utcnow()
            session.flush()
            return ScheduleInfo(channel, row.spec, row.timezone, row.created_by, row.updated_at)

    def schedule(self, channel: str) -> ScheduleInfo | None:
        with self.session() as session:
            row = session.get(Schedule, channel)
            return (
                ScheduleInfo(channel, row.spec, row.timezone, row.created_by, row.updated_at) if row else None
            )

    def schedules(self) -> list[ScheduleInfo]:
        with self.session() as session:
            rows = session.scalars(select(Schedule).order_by(Schedule.channel_id))
            return [ScheduleInfo(r.channel_id, r.spec, r.timezone, r.created_by, r.updated_at) for r in rows]

    def clear_schedule(self, channel: str) -> bool:
        with self.session() as session:
            result = session.execute(delete(Schedule).where(Schedule.channel_id == channel))
            return bool(getattr(result, "rowcount", 0))
