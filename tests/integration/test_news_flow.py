"""The vertical slice: brief a link; subscribe, poll, store, post a digest; permissions; over chat."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
from fake_slack import BOT_TOKEN, events_url, post_signed
from news_site import NewsSite
from newsroom import desk_for
from slack_plus import DigestSlack, delivery_key
from stacks import start_slack_http

from adapters.console import ConsoleAdapter
from adapters.sinks import ConsoleSink, SlackSink
from bot.chat import Command
from bot.digest_run import Sinks
from bot.service import ChatService
from bot.service_news import NO_PERMISSION

pytestmark = pytest.mark.asyncio


@pytest_asyncio.fixture
async def console_bot(tmp_path: Path) -> AsyncIterator[tuple[ChatService, io.StringIO]]:
    out = io.StringIO()
    sinks = Sinks()
    sinks.register("console", ConsoleSink(out))
    desk = desk_for(tmp_path / "bot.db", sinks, analyse=None)  # the real engine
    service = ChatService(news=desk)
    yield service, out
    await desk.close()
    service.close()


async def test_console_link_brief_subscribe_and_digest_with_the_real_engine(
    site: NewsSite, console_bot: tuple[ChatService, io.StringIO]
) -> None:
    service, out = console_bot
    console = ConsoleAdapter(service, stdin=io.StringIO(), stdout=io.StringIO())
    link = site.url("/articles/central-bank.html")
    fetched_before = site.hits["/articles/central-bank.html"]
    replies = await console.submit(f"{link}")
    assert "Central bank holds interest rates steady" in replies[0] and "Helena Marquez" in replies[0]
    again = await console.submit(f"brief {link}")
    assert again == replies
    assert (
        site.hits["/articles/central-bank.html"] == fetched_before + 1
    )  # asked twice: fetched and analysed once
    assert service.news is not None and service.news.briefings.analysed == 1

    added = await console.submit(f"feeds add {site.url('/feeds/de.rss')} keywords: Streik, Rente")
    assert (
        "Subscribed to Deutsche Testnachrichten" in added[0] and "2 new items for the next digest" in added[0]
    )
    listed = await console.submit("feeds list")
    assert "Deutsche Testnachrichten" in listed[0] and "keywords: Streik, Rente" in listed[0]
    assert (
        "Digest scheduled: weekdays 07:30 (Europe/Berlin)"
        in (await console.submit("schedule set weekdays 07:30"))[0]
    )
    posted = await console.submit("digest now")
    assert posted == ["Digest posted: 2 items in 1 messages."]
    digest = out.getvalue()
    assert "Nachrichtenüberblick · 2 Meldungen" in digest
    assert "Streik legt den Hamburger Hafen lahm" in digest and "Regierung plant Reform der Rente" in digest
    assert "Klimagipfel" not in digest  # filtered out by the keywords
    assert "Wer hat was gesagt" in digest
    assert await console.submit("digest now") == ["Nothing new since the last digest."]
    assert await console.submit(f"feeds remove {site.url('/feeds/de.rss')}") == [
        f"Unsubscribed from {site.url('/feeds/de.rss')}."
    ]


async def test_a_failed_link_is_explained_not_briefed(
    site: NewsSite, console_bot: tuple[ChatService, io.StringIO]
) -> None:
    service, _ = console_bot
    replies = await service.handle(Command(text=site.url("/paywall.html"), channel="console"))
    assert replies[0].kind == "error" and "paywall" in replies[0].text


async def test_only_admins_change_feeds_and_schedules(tmp_path: Path, site: NewsSite) -> None:
    sinks = Sinks()
    sinks.register("slack", ConsoleSink(io.StringIO()))
    desk = desk_for(tmp_path / "p.db", sinks, admins=["slack:UBOSS"])
    service = ChatService(news=desk)
    try:
        feed = site.url("/feeds/en.atom")

        async def say(text: str, user: str, *, admin: bool = False) -> str:
            replies = await service.handle(
                Command(text=text, channel="slack:C9", user=user, user_is_admin=admin)
            )
            return replies[0].text

        assert await say(f"feeds add {feed}", "UNOBODY") == NO_PERMISSION
        assert await say("schedule set daily 08:00", "UNOBODY") == NO_PERMISSION
        assert await say("schedule clear", "UNOBODY") == NO_PERMISSION
        assert (await say("feeds list", "UNOBODY")).startswith("This channel has no feeds")
        assert (await say(f"feeds add {feed}", "UBOSS")).startswith("Subscribed")  # configured admin
        assert (await say("schedule set daily 08:00", "UWS", admin=True)).startswith("Digest scheduled")
        assert await say(f"feeds remove {feed}", "UNOBODY") == NO_PERMISSION
    finally:
        await desk.close()
        service.close()


@pytest_asyncio.fixture
async def slack() -> AsyncIterator[DigestSlack]:
    fake = DigestSlack(admins={"UADMIN"})
    await fake.start()
    yield fake
    await fake.stop()


async def test_slack_slash_commands_subscribe_and_post_a_digest(
    tmp_path: Path, site: NewsSite, slack: DigestSlack
) -> None:
    from slack_sdk.web.async_client import AsyncWebClient

    sinks = Sinks()
    sinks.register("slack", SlackSink(AsyncWebClient(token=BOT_TOKEN, base_url=slack.api_url)))
    desk = desk_for(tmp_path / "s.db", sinks)
    service = ChatService(news=desk)
    adapter = await start_slack_http(service, slack)
    form = {"command": "/brief", "channel_id": "CNEWS", "team_id": "T0001", "trigger_id": "1.2"}
    try:

        async def slash(text: str, user: str, replies: int) -> str:
            status, _ = await post_signed(
                events_url(adapter), {**form, "user_id": user, "text": text}, form=True
            )
            assert status == 200
            posts = await slack.wait_for_posts(replies)
            return str(posts[replies - 1].params["text"])

        assert await slash(f"feeds add {site.url('/feeds/en.atom')}", "UGUEST", 1) == NO_PERMISSION
        assert (await slash(f"feeds add {site.url('/feeds/en.atom')}", "UADMIN", 2)).startswith("Subscribed")
        assert [c.params["user"] for c in slack.calls if c.method == "users.info"] == ["UGUEST", "UADMIN"]
        done = await slash("digest now", "UGUEST", 4)  # anyone may ask for the digest
        assert done == "Digest posted: 4 items in 1 messages."
        digest = slack.posted()[2].params
        assert digest["channel"] == "CNEWS" and delivery_key(digest) == "digest-1-1"
        assert "News digest · 4 stories" in digest["text"] and "Helena Marquez" in digest["text"]
        assert "<http://127.0.0.1" in digest["text"]  # story titles link to the articles
    finally:
        await adapter.stop()
        await desk.close()
        service.close()


async def test_questions_range_over_the_channels_stored_articles(tmp_path: Path, site: NewsSite) -> None:
    sinks = Sinks()
    sinks.register("console", ConsoleSink(io.StringIO()))
    desk = desk_for(tmp_path / "q.db", sinks)
    service = ChatService(news=desk)
    try:
        await service.handle(Command(text=f"feeds add {site.url('/feeds/de.rss')}", channel="console"))
        await service.handle(Command(text=f"feeds add {site.url('/feeds/en.atom')}", channel="console"))
        [reply] = await service.handle(
            Command(text="Was hat Brinkmann diese Woche gesagt?", channel="console")
        )
        assert reply.kind == "answer"
        assert reply.text.startswith("Klaus Brinkmann in 2 gespeicherten Artikeln:")
        assert "Streik legt den Hamburger Hafen lahm" in reply.text and "Dock workers strike" in reply.text
        assert site.url("/artikel/hafen-streik.html") in reply.text  # each cited with its article
        [english] = await service.handle(Command(text="What did Marquez say today?", channel="console"))
        assert english.text.startswith("Helena Marquez in 1 stored article:")
        [unknown] = await service.handle(Command(text="Was hat Merkel heute gesagt?", channel="console"))
        assert unknown.kind == "notice" and unknown.text.startswith("There is no article here yet")
    finally:
        await desk.close()
        service.close()


async def test_a_scheduled_digest_is_posted_by_the_running_bot(tmp_path: Path, site: NewsSite) -> None:
    import asyncio
    from datetime import UTC, datetime, timedelta

    out = io.StringIO()
    sinks = Sinks()
    sinks.register("console", ConsoleSink(out))
    desk = desk_for(tmp_path / "run.db", sinks, use_scheduler=True)
    service = ChatService(news=desk)
    try:
        await service.handle(Command(text=f"feeds add {site.url('/feeds/en.atom')}", channel="console"))
        [reply] = await service.handle(Command(text="schedule set daily 08:00 UTC", channel="console"))
        assert reply.text.startswith("Digest scheduled: daily 08:00 (UTC)")
        scheduler = desk._scheduler
        assert scheduler is not None and scheduler.scheduler is not None
        soon = datetime.now(UTC) + timedelta(seconds=0.2)
        scheduler.scheduler.modify_job("digest:console", next_run_time=soon)  # 08:00 has come
        for _ in range(100):
            if "News digest · 4 stories" in out.getvalue():
                break
            await asyncio.sleep(0.05)
        assert out.getvalue().count("News digest · 4 stories") == 1
        assert desk.store.claim_digest("console") is None  # everything went out with it
    finally:
        await desk.close()
        service.close()
