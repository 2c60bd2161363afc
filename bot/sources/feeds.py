"""RSS and Atom feeds through feedparser, always fed the bytes we fetched (never a URL or a path)."""

from __future__ import annotations

import calendar
import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

from bot.errors import UserFacingError
from bot.sources.identity import canonical_url

log = logging.getLogger(__name__)


FEED_PARSE_LIMIT = 5_000_000


class FeedError(UserFacingError):
    """The bytes are not a feed we can read."""


@dataclass(frozen=True)
class FeedItem:
    guid: str
    link: str
    canonical: str
    title: str
    summary: str
    published: datetime | None
    content_html: str | None


@dataclass(frozen=True)
class ParsedFeed:
    title: str
    items: list[FeedItem]


def _published(entry: Any) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        stamp = entry.get(key)
        if stamp:
            return datetime.fromtimestamp(calendar.timegm(stamp), tz=UTC)
    return None


def _content(entry: Any) -> str | None:
    for content in entry.get("content") or []:
        value = content.get("value")
        if value and len(value) > 200:
            return str(value)
    return None


def parse_feed(data: bytes, *, url: str) -> ParsedFeed:
    """Parse RSS/Atom bytes; raise FeedError when there is no feed in them."""
    import feedparser

    if not isinstance(data, bytes):  # feedparser opens any other string as a URL or a local file
        raise TypeError("parse_feed takes the fetched bytes")
    parsed = feedparser.parse(data, sanitize_html=True)
    entries = parsed.get("entries") or []
    if not entries and (parsed.get("bozo") or not parsed.get("version")):
        problem = parsed.get("bozo_exception")
        log.info("not a feed at %s: %s", url, problem)
        raise FeedError("That link is not an RSS or Atom feed I can read.")
    items: list[FeedItem] = []
    for entry in entries:
        link = str(entry.get("link") or "").strip()
        link = urljoin(url, link) if link else ""
        guid = str(entry.get("id") or link).strip()
        if not guid:
            continue
        items.append(
            FeedItem(
                guid=guid,
                link=link,
                canonical=canonical_url(link) if link else "",
                title=" ".join(str(entry.get("title") or "").split()),
                summary=str(entry.get("summary") or ""),
                published=_published(entry),
                content_html=_content(entry),
            )
        )
    title = " ".join(str(parsed.get("feed", {}).get("title") or "").split())
    return ParsedFeed(title=title or url, items=items)
