"""`/feeds`, `/schedule` and `/digest` end to end: the real discord.py client, the fake Discord REST API
and gateway, a news desk on a SQLite file and feeds served on 127.0.0.1."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import fake_discord
import pytest
import pytest_asyncio
from discord_payloads import ALICE, CHANNEL_ID, MEMBER
from drivers import discord_text
from fake_discord import FakeDiscord, RestCall

from adapters.discord_adapter import DiscordAdapter
from adapters.discord_render import CONTENT_CHARS
from adapters.sinks import DiscordSink
from bot.digest_run import Sinks
from bot.service import ChatService
from bot.service_news import NO_PERMISSION, NewsDesk
from bot.sources.fetch import FetchLimits
from bot.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "integration"))  # the local news site
from news_site import NewsSite
from newsroom import fake_analyse

pytestmark = pytest.mark.asyncio

CHANNEL = f"discord:{CHANNEL_ID}"
ZERO_WIDTH_SPACE = "\u200b"
VIEW_CHANNEL, SEND_MESSAGES, MANAGE_GUILD = 1 << 10, 1 << 11, 1 << 5
EPHEMERAL = 1 << 6
EDITOR = {**MEMBER, "permissions": str(VIEW_CHANNEL | SEND_MESSAGES | MANAGE_GUILD)}
BOB = {**ALICE, "id": "900000000000000006", "username": "bob", "global_name": "Bob"}
READER = {**MEMBER, "user": BOB, "permissions": str(VIEW_CHANNEL | SEND_MESSAGES)}


@pytest.fixture(scope="module")
def site() -> Iterator[NewsSite]:
    server = NewsSite().start()
    yield server
    server.stop()


@pytest_asyncio.fixture
async def desk(tmp_path: Path, discord_fake: FakeDiscord) -> AsyncIterator[NewsDesk]:
    sinks = Sinks()
    sinks.register("discord", DiscordSink(token="discord-test-token", api_url=discord_fake.api_url))
    news = NewsDesk(
        store_factory=lambda: Store.open(f"sqlite:///{tmp_path / 'discord.db'}"),
        sinks=sinks,
        analyse=fake_analyse,  # deterministic and fast; the engine has its own tests
        fetch_limits=FetchLimits(timeout=5.0, allow_private=True),  # allow_private_urls: the site is local
        use_scheduler=False,
    )
    yield news
    await news.close()


@pytest.fixture
def service(desk: NewsDesk) -> Iterator[ChatService]:
    """Overrides the adapters' plain service: this one has the news desk (discord_bot uses it)."""
    chat = ChatService(news=desk)
    yield chat
    chat.close()


async def command(
    fake: FakeDiscord, monkeypatch: pytest.MonkeyPatch, member: dict[str, Any], name: str, **options: str
) -> tuple[RestCall, str]:
    """INTERACTION_CREATE for `/name options...` from `member`: the deferral and the follow-up's text."""
    before = len(fake.calls)
    monkeypatch.setattr(
        fake_discord, "MEMBER", member
    )  # the member (and permissions) the interaction carries
    await fake.slash_command(name, options)
    await fake.wait_for(lambda: any(c.path.startswith("/webhooks/") for c in fake.calls[before:]))
    calls = fake.calls[before:]
    [callback] = [c for c in calls if c.path.endswith("/callback")]
    assert callback.body["type"] == 5  # deferred before the work is done
    followups = [c for c in calls if c.path.startswith("/webhooks/")]
    assert len(followups) == 1 and followups[0].body["allowed_mentions"] == {"parse": []}
    return followups[0], discord_text(followups[0]).replace(ZERO_WIDTH_SPACE, "")  # it unlinks URLs


def channel_posts(fake: FakeDiscord) -> list[RestCall]:
    return [c for c in fake.sent() if c.path == f"/channels/{CHANNEL_ID}/messages"]


async def test_admin_subscribes_schedules_and_posts_a_digest(
    discord_fake: FakeDiscord,
    discord_bot: DiscordAdapter,
    desk: NewsDesk,
    site: NewsSite,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    feed = site.url("/feeds/en.atom")
    _, added = await command(discord_fake, monkeypatch, EDITOR, "feeds", action="add", url=feed)
    assert added == f"Subscribed to English Test News ({feed}): 4 new items for the next digest."
    assert [s.feed.url for s in desk.store.subscriptions(CHANNEL)] == [feed]

    _, listed = await command(discord_fake, monkeypatch, EDITOR, "feeds", action="list")
    assert listed.startswith("Feeds of this channel (1):") and "English Test News" in listed

    _, scheduled = await command(
        discord_fake, monkeypatch, EDITOR, "schedule", action="set", when="daily 08:00 Europe/Berlin"
    )
    assert scheduled.startswith("Digest scheduled: daily 08:00 (Europe/Berlin); next at ")
    stored = desk.store.schedule(CHANNEL)
    assert stored is not None and stored.timezone == "Europe/Berlin" and stored.created_by == ALICE["id"]
    _, shown = await command(discord_fake, monkeypatch, EDITOR, "schedule", action="show")
    assert shown.startswith("Digest schedule: daily 08:00 (Europe/Berlin); next at ")
    assert shown.endswith(("CET.", "CEST."))

    assert channel_posts(discord_fake) == []
    _, done = await command(discord_fake, monkeypatch, EDITOR, "digest")
    posts = channel_posts(discord_fake)
    assert done == f"Digest posted: 4 items in {len(posts)} messages."
    assert len(posts) >= 2 and posts[0].body["content"].startswith("**News digest · 4 stories**")
    digest = "\n".join(p.body["content"] for p in posts)
    assert "Helena Marquez" in digest and "**Who said what**" in digest
    assert f"(<{site.base}/articles/" in digest  # titles link to the articles, without embeds
    for post in posts:
        assert 0 < len(post.body["content"]) <= CONTENT_CHARS
        assert post.body["allowed_mentions"] == {"parse": []}
        assert post.body["flags"] & 4  # SUPPRESS_EMBEDS
        assert post.body["enforce_nonce"] is True
    assert len({p.body["nonce"] for p in posts}) == len(posts)  # one delivery key per message

    _, again = await command(discord_fake, monkeypatch, EDITOR, "digest")
    assert again == "Nothing new since the last digest." and channel_posts(discord_fake) == posts


async def test_a_member_without_manage_server_is_refused_and_nothing_changes(
    discord_fake: FakeDiscord,
    discord_bot: DiscordAdapter,
    desk: NewsDesk,
    site: NewsSite,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    feed = site.url("/feeds/de.rss")
    await command(discord_fake, monkeypatch, EDITOR, "feeds", action="add", url=feed)
    await command(discord_fake, monkeypatch, EDITOR, "schedule", action="set", when="weekdays 07:30")
    subscriptions, schedule = desk.store.subscriptions(CHANNEL), desk.store.schedule(CHANNEL)
    other = "/feeds/en.atom"
    hits = site.hits[other]

    refused = [
        ("feeds", {"action": "add", "url": site.url(other)}),
        ("feeds", {"action": "remove", "url": feed}),
        ("schedule", {"action": "set", "when": "daily 06:00 UTC"}),
        ("schedule", {"action": "clear"}),
    ]
    for name, options in refused:
        before = len(discord_fake.calls)
        followup, answer = await command(discord_fake, monkeypatch, READER, name, **options)
        assert answer == NO_PERMISSION, (name, options)
        [callback] = [c for c in discord_fake.calls[before:] if c.path.endswith("/callback")]
        assert callback.body["data"]["flags"] & EPHEMERAL and followup.body["flags"] & EPHEMERAL  # not public
    assert desk.store.subscriptions(CHANNEL) == subscriptions and desk.store.schedule(CHANNEL) == schedule
    assert site.hits[other] == hits  # refused before anything was fetched

    _, listed = await command(discord_fake, monkeypatch, READER, "feeds", action="list")
    assert "Deutsche Testnachrichten" in listed  # reading is for everyone
    _, shown = await command(discord_fake, monkeypatch, READER, "schedule", action="show")
    assert shown.startswith("Digest schedule: weekdays 07:30 (Europe/Berlin)")
