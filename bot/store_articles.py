"""Articles, their briefings (cached per engine version) and the articles each channel has seen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot import models
from bot.sources.identity import canonical_url, content_hash
from bot.store_base import StoreBase
from bot.store_schema import Article, Briefing, ChannelItem


@dataclass(frozen=True)
class StoredArticle:
    id: int
    article: models.Article
    url: str | None
    author: str | None
    fetched_at: datetime


def to_model(row: Article) -> models.Article:
    return models.Article(
        text=row.text,
        language="de" if row.language == "de" else "en",
        title=row.title,
        date=row.date,
        source=row.source,
        url=row.url,
    )


def _stored(row: Article) -> StoredArticle:
    return StoredArticle(
        id=row.id, article=to_model(row), url=row.url, author=row.author, fetched_at=row.fetched_at
    )


class ArticleStore(StoreBase):
    def save_article(self, article: models.Article, *, author: str | None = None) -> tuple[int, bool]:
        """Store the article unless the same text (or the same canonical URL) is stored; (id, is new)."""
        digest = content_hash(article.text)
        canonical = canonical_url(article.url) if article.url else None
        with self.session() as session:
            found = self._find(session, digest, canonical)
            if found is not None:
                return found, False
        try:
            with self.session() as session:
                row = Article(
                    content_hash=digest,
                    url=article.url,
                    canonical_url=canonical,
                    title=article.title,
                    text=article.text,
                    language=article.language,
                    date=article.date,
                    author=author,
                    source=article.source,
                )
                session.add(row)
                session.flush()
                return row.id, True
        except IntegrityError:  # stored at the same moment by another worker
            with self.session() as session:
                found = self._find(session, digest, canonical)
                assert found is not None
                return found, False

    @staticmethod
    def _find(session: Session, digest: str, canonical: str | None) -> int | None:
        found = session.scalar(select(Article.id).where(Article.content_hash == digest))
        if found is None and canonical:
            found = session.scalar(select(Article.id).where(Article.canonical_url == canonical).limit(1))
        return found

    def article_by_url(self, url: str) -> int | None:
        with self.session() as session:
            return session.scalar(
                select(Article.id).where(Article.canonical_url == canonical_url(url)).limit(1)
            )

    def article(self, article_id: int) -> StoredArticle | None:
        with self.session() as session:
            row = session.get(Article, article_id)
            return _stored(row) if row is not None else None

    def briefing(self, article_id: int, engine_version: str) -> models.Briefing | None:
        with self.session() as session:
            data = session.scalar(
                select(Briefing.data).where(
                    Briefing.article_id == article_id, Briefing.engine_version == engine_version
                )
            )
        return models.Briefing.model_validate_json(data) if data else None

    def save_briefing(self, article_id: int, engine_version: str, briefing: models.Briefing) -> None:
        try:
            with self.session() as session:
                session.add(
                    Briefing(
                        article_id=article_id, engine_version=engine_version, data=briefing.model_dump_json()
                    )
                )
        except IntegrityError:
            pass  # another worker cached the same briefing first

    def add_to_channel(
        self, channel: str, article_id: int, *, origin: str = "chat", feed_id: int | None = None
    ) -> bool:
        """Record that the article reached the channel; False when it had already."""
        try:
            with self.session() as session:
                self.ensure_channel(session, channel)
                exists = session.scalar(
                    select(ChannelItem.id).where(
                        ChannelItem.channel_id == channel, ChannelItem.article_id == article_id
                    )
                )
                if exists is not None:
                    return False
                session.add(
                    ChannelItem(channel_id=channel, article_id=article_id, origin=origin, feed_id=feed_id)
                )
            return True
        except IntegrityError:
            return False

    def channel_articles(
        self, channel: str, *, since: datetime | None = None, limit: int = 200
    ) -> list[StoredArticle]:
        """The channel's articles, newest first (arrival time), optionally only those since a moment."""
        with self.session() as session:
            query = (
                select(Article)
                .join(ChannelItem, ChannelItem.article_id == Article.id)
                .where(ChannelItem.channel_id == channel)
                .order_by(ChannelItem.arrived_at.desc(), Article.id.desc())
                .limit(limit)
            )
            if since is not None:
                query = query.where(ChannelItem.arrived_at >= since)
            return [_stored(row) for row in session.scalars(query)]
