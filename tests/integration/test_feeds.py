"""RSS and Atom from bytes; polling finds new items by GUID, canonical URL and content hash; back-off."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
import pytest_asyncio
from articles import STORIES
from news_site import NewsSite, atom, rss
from newsroom import FixedClock, fake_analyse

from bot.sources.feeds import FeedError, parse_feed
from bot.sources.fetch import Fetcher, FetchLimits
from bot.sources.identity import canonical_url
from bot.sources.poll import FeedPoller, PollSettings
from bot.store import Store
from bot.store_briefs import BriefingCache


def test_rss_and_atom_items_with_guid_link_and_date() -> None:
    items = [("g-1", STORIES[0], "/a/1.html"), ("g-2", STORIES[4], "/a/2.html?utm_source=x&id=7")]
    for document in (rss("R", "https://news.example", items), atom("A", "https://news.example", items)):
        parsed = parse_feed(document.encode(), url="https://news.example/feed")
        assert [i.guid for i in parsed.items] == ["g-1", "g-2"]
        assert parsed.items[1].canonical == "https://news.example/a/2.html?id=7"
        assert parsed.items[0].published is not None and parsed.items[0].published.year == 2024


def test_feedparser_never_gets_a_string_or_a_path() -> None:
    with pytest.raises(TypeError):
        parse_feed("/etc/passwd", url="x")  # type: ignore[arg-type]
    with pytest.raises(FeedError):
        parse_feed(b"/etc/passwd", url="x")


def test_canonical_urls_ignore_tracking_case_fragments_and_default_ports() -> None:
    same = [
        "https://WWW.News.example:443/a/b?utm_campaign=x&id=3#top",
        "https://news.example/a/b?id=3&fbclid=abc",
        "https://news.example/a/b?id=3",
    ]
    assert len({canonical_url(u) for u in same}) == 1
    assert canonical_url("https://news.example/a/b?id=4") != canonical_url(same[0])


@pytest_asyncio.fixture
async def poller(
    store: Store,
) -> AsyncIterator[tuple[FeedPoller, BriefingCache, FixedClock, list[tuple[str, str]]]]:
    fetcher = Fetcher(FetchLimits(allow_private=True, timeout=2.0))
    briefings = BriefingCache(store, fake_analyse)
    clock = FixedClock()
    told: list[tuple[str, str]] = []

    async def notify(channel: str, key: str, text: str) -> None:
        told.append((channel, text))

    yield (
        FeedPoller(store, fetcher, briefings, clock=clock, notify=notify, settings=PollSettings()),
        briefings,
        clock,
        told,
    )
    await fetcher.aclose()


@pytest.mark.asyncio
async def test_polling_stores_new_items_once(site: NewsSite, store: Store, poller: tuple) -> None:  # type: ignore[type-arg]
    feeds, briefings, _, _ = poller
    sub, _ = store.subscribe("console", site.url("/feeds/en.atom"))
    first = await feeds.poll(sub.feed)
    assert first.new_items == 4 and first.failed_items == 0
    assert store.pending_count("console") == 4
    again = await feeds.poll(store.feed(sub.feed.id))  # type: ignore[arg-type]
    assert again.new_items == 0  # same GUIDs
    assert briefings.analysed == 4


@pytest.mark.asyncio
async def test_the_same_article_through_another_feed_is_not_stored_twice(
    site: NewsSite,
    store: Store,
    poller: tuple,  # type: ignore[type-arg]
) -> None:
    feeds, briefings, _, _ = poller
    german, _ = store.subscribe("slack:C1", site.url("/feeds/de.rss"))
    mirror, _ = store.subscribe("slack:C1", site.url("/feeds/mirror.rss"))
    await feeds.poll(german.feed)
    report = await feeds.poll(mirror.feed)  # another URL, the same text: found by content hash
    assert report.new_items == 1
    assert briefings.analysed == 4 and store.pending_count("slack:C1") == 4
    digest = store.claim_digest("slack:C1")
    assert digest is not None
    carried = {i.article.title: i.feed_titles for i in store.digest_items(digest)}
    assert carried["Streik legt den Hamburger Hafen lahm"] == ["Deutsche Testnachrichten", "Spiegelblatt"]


@pytest.mark.asyncio
async def test_filters_by_keyword_and_actor(site: NewsSite, store: Store, poller: tuple) -> None:  # type: ignore[type-arg]
    feeds, _, _, _ = poller
    store.subscribe("slack:K", site.url("/feeds/de.rss"), keywords=["Rente"])
    store.subscribe("slack:A", site.url("/feeds/de.rss"), actors=["Ulrike Hahn"])
    sub, _ = store.subscribe("slack:ALL", site.url("/feeds/de.rss"))
    await feeds.poll(sub.feed)
    titles = {
        ch: [a.article.title for a in store.channel_articles(ch)]
        for ch in ("slack:K", "slack:A", "slack:ALL")
    }
    assert titles["slack:K"] == ["Regierung plant Reform der Rente"]
    assert titles["slack:A"] == ["Bahn und Lokführer einigen sich auf Tarifvertrag"]
    assert len(titles["slack:ALL"]) == 4


@pytest.mark.asyncio
async def test_broken_feed_backs_off_and_is_paused_after_a_day(
    site: NewsSite,
    store: Store,
    poller: tuple,  # type: ignore[type-arg]
) -> None:
    feeds, _, clock, told = poller
    sub, _ = store.subscribe("discord:9", site.url("/feeds/broken.rss"))
    start = clock.now
    first = await feeds.poll(sub.feed)
    assert first.error is not None and "not an RSS or Atom feed" in first.error
    feed = store.feed(sub.feed.id)
    assert feed is not None and feed.failures == 1 and feed.next_poll_at == start + timedelta(minutes=30)
    assert store.due_feeds(start + timedelta(minutes=20)) == []  # backing off
    clock.now = start + timedelta(hours=23)
    await feeds.poll(store.feed(sub.feed.id))  # type: ignore[arg-type]
    assert told == [] and store.feed(sub.feed.id).status == "active"  # type: ignore[union-attr]
    clock.now = start + timedelta(hours=24, minutes=1)
    report = await feeds.poll(store.feed(sub.feed.id))  # type: ignore[arg-type]
    assert report.paused_channels == ["discord:9"]
    assert store.feed(sub.feed.id).status == "paused"  # type: ignore[union-attr]
    assert len(told) == 1 and told[0][0] == "discord:9" and "paused" in told[0][1]
    assert store.due_feeds(clock.now + timedelta(days=3)) == []
    store.subscribe("discord:9", site.url("/feeds/broken.rss"))  # subscribing again resumes it
    assert store.feed(sub.feed.id).status == "active"  # type: ignore[union-attr]


@pytest.mark.asyncio
async def test_a_feed_that_recovers_is_polled_on_the_normal_interval(
    site: NewsSite,
    store: Store,
    poller: tuple,  # type: ignore[type-arg]
) -> None:
    feeds, _, clock, _ = poller
    sub, _ = store.subscribe("console", site.url("/feeds/en.atom"))
    site.failing.add("/feeds/en.atom")
    try:
        assert (await feeds.poll(sub.feed)).error == "The site answered 500 Internal Server Error."
    finally:
        site.failing.discard("/feeds/en.atom")
    report = await feeds.poll(store.feed(sub.feed.id))  # type: ignore[arg-type]
    feed = store.feed(sub.feed.id)
    assert report.error is None and feed is not None and feed.failures == 0
    assert feed.next_poll_at == clock.now + timedelta(minutes=15)
