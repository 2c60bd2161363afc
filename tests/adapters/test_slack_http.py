"""The real slack-bolt AsyncApp behind the bot's HTTP endpoint, signed requests in, a fake Web API out."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable

import pytest
import pytest_asyncio
from drivers import slack_text
from fake_slack import (
    BOT_TOKEN,
    BOT_USER,
    FakeSlack,
    event_body,
    events_url,
    mention,
    post_signed,
    slash_command,
)
from stacks import start_slack_http

from adapters import slack_app, slack_render
from adapters.slack_adapters import SlackHttpAdapter
from bot.chat import Reply
from bot.models import Article, Briefing
from bot.service import LINK_TEXT, ChatService

pytestmark = pytest.mark.asyncio

HOSTILE = (
    "<!channel> Mayor Jane Doe said on Monday: <@U999> must resign, see https://evil.example.com/x and "
    "<https://phish.example.com|click here>. @everyone should read it. "
) * 4


async def test_mention_with_article_is_acked_at_once_and_briefed_in_its_thread(
    slack_fake: FakeSlack, slack_http: SlackHttpAdapter, article_en: str
) -> None:
    started = time.monotonic()
    status, _ = await post_signed(
        events_url(slack_http), event_body(mention(article_en, channel="C1", ts="5.1"))
    )
    assert status == 200 and time.monotonic() - started < 3
    posts = await slack_fake.wait_for_posts(1)
    first = posts[0]
    assert first.params["channel"] == "C1" and first.params["thread_ts"] == "5.1"
    assert first.token == BOT_TOKEN and first.params["unfurl_links"] is False
    blocks = first.params["blocks"]
    assert blocks[0]["type"] == "header" and "Port strike" in blocks[0]["text"]["text"]
    assert slack_fake.calls[0].method == "auth.test"


async def test_a_briefing_is_rendered_off_the_event_loop(
    slack_fake: FakeSlack, slack_http: SlackHttpAdapter, article_en: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    rendered_in: list[str] = []

    def recording_render(reply: Reply) -> list[dict[str, object]]:
        rendered_in.append(threading.current_thread().name)
        return slack_render.reply_messages(reply)

    monkeypatch.setattr(slack_app, "reply_messages", recording_render)
    await post_signed(events_url(slack_http), event_body(mention(article_en, channel="C1", ts="6.1")))
    await post_signed(events_url(slack_http), event_body(mention("help", channel="C1", ts="6.2")))
    await slack_fake.wait_for_posts(2)
    loop_thread = threading.current_thread().name
    assert len(rendered_in) == 2 and rendered_in.count(loop_thread) == 1, rendered_in  # only the help


async def test_events_are_acked_before_slack_bolt_dispatches_them_commands_after(
    slack_fake: FakeSlack, slack_http: SlackHttpAdapter
) -> None:
    async def slow_middleware(next_: Callable[[], Awaitable[None]]) -> None:
        await asyncio.sleep(0.6)
        await next_()

    slack_http.bot.app.middleware(slow_middleware)
    started = time.monotonic()
    status, _ = await post_signed(events_url(slack_http), event_body(mention("help", channel="C1", ts="8.1")))
    acked_in = time.monotonic() - started
    assert status == 200 and acked_in < 0.4, acked_in
    await slack_fake.wait_for_posts(1)  # the listener still ran, after the middleware
    assert time.monotonic() - started >= 0.6
    started = time.monotonic()
    status, text = await post_signed(events_url(slack_http), slash_command("help"), form=True)
    assert status == 200 and time.monotonic() - started >= 0.6  # through slack-bolt before its ack...
    assert "I brief German and English news articles" in text  # ...which carries the answer


async def test_slow_analysis_still_acks_within_three_seconds(slack_fake: FakeSlack, article_en: str) -> None:
    def slow_analyse(article: Article) -> Briefing:
        time.sleep(1.5)  # in the worker thread: the event loop must keep serving
        return Briefing(
            source="", language="en", title="Slow", date=None, summary=[], actors=[], positions=[]
        )

    service = ChatService(analyse=slow_analyse)
    adapter = await start_slack_http(service, slack_fake)
    try:
        url = events_url(adapter)
        first = asyncio.create_task(post_signed(url, event_body(mention(article_en, channel="C1", ts="1.1"))))
        await asyncio.sleep(0.2)
        started = time.monotonic()
        status, _ = await post_signed(url, event_body(mention("help", channel="C1", ts="1.2")))
        assert status == 200 and time.monotonic() - started < 1.0, "the loop was blocked by the analysis"
        assert (await first)[0] == 200
        await slack_fake.wait_for_posts(2)
    finally:
        await adapter.stop()
        service.close()


async def test_unsigned_stale_or_forged_requests_are_refused(
    slack_fake: FakeSlack, slack_http: SlackHttpAdapter
) -> None:
    body = event_body(mention("help", channel="C1", ts="2.1"))
    url = events_url(slack_http)
    assert (await post_signed(url, body, secret="wrong-secret"))[0] == 401
    assert (await post_signed(url, body, timestamp=int(time.time()) - 600))[0] == 401
    await asyncio.sleep(0.1)
    assert slack_fake.posted() == []


async def test_retried_event_is_handled_once(slack_fake: FakeSlack, slack_http: SlackHttpAdapter) -> None:
    body = event_body(mention("help", channel="C1", ts="3.1"), event_id="EvRETRY1")
    url = events_url(slack_http)
    assert (await post_signed(url, body))[0] == 200
    retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    assert (await post_signed(url, body, headers=retry))[0] == 200
    await slack_fake.wait_for_posts(1)
    await asyncio.sleep(0.2)
    assert len(slack_fake.posted()) == 1


async def test_events_nobody_handles_are_acked_so_slack_does_not_retry(
    slack_fake: FakeSlack, slack_http: SlackHttpAdapter
) -> None:
    event = {
        "type": "reaction_added",
        "user": "U1",
        "reaction": "thumbsup",
        "event_ts": "4.1",
        "item": {"type": "message", "channel": "C1", "ts": "4.0"},
    }
    assert (await post_signed(events_url(slack_http), event_body(event)))[0] == 200
    channel_chatter = {
        "type": "message",
        "channel": "C1",
        "channel_type": "channel",
        "user": "U1",
        "text": "lunch?",
        "ts": "4.2",
    }
    assert (await post_signed(events_url(slack_http), event_body(channel_chatter)))[0] == 200
    await asyncio.sleep(0.2)
    assert slack_fake.posted() == []


async def test_url_verification_challenge(slack_http: SlackHttpAdapter) -> None:
    payload = {"token": "legacy", "challenge": "c-123", "type": "url_verification"}
    status, text = await post_signed(events_url(slack_http), payload)
    assert status == 200 and "c-123" in text


async def test_article_text_cannot_ping_or_form_links(
    slack_fake: FakeSlack, slack_http: SlackHttpAdapter
) -> None:
    await post_signed(events_url(slack_http), event_body(mention(HOSTILE, channel="C1", ts="6.1")))
    posts = await slack_fake.wait_for_posts(1)
    await asyncio.sleep(0.2)
    shown = json.dumps([call.params for call in slack_fake.posted()], ensure_ascii=False)
    assert "<!channel>" not in shown and "<@U999>" not in shown and "<https://" not in shown
    assert "https://" not in shown and "@everyone" not in shown
    assert "Jane Doe" in slack_text(posts[0])


async def test_a_link_gets_links_are_not_supported_yet(
    slack_fake: FakeSlack, slack_http: SlackHttpAdapter
) -> None:
    text = "<https://news.example.com/story|news.example.com/story>"
    await post_signed(events_url(slack_http), event_body(mention(text, channel="C1", ts="7.1")))
    posts = await slack_fake.wait_for_posts(1)
    assert "Links are not supported yet" in posts[0].params["text"]
    assert LINK_TEXT.split(":")[0] in posts[0].params["text"]


async def test_slash_command_brief_help_and_ask(
    slack_fake: FakeSlack, slack_http: SlackHttpAdapter, article_en: str
) -> None:
    url = events_url(slack_http)
    form = {
        "command": "/brief",
        "channel_id": "C2",
        "user_id": "U1",
        "team_id": "T0001",
        "response_url": "http://127.0.0.1:9/unused",
        "trigger_id": "1.2",
    }
    status, text = await post_signed(url, {**form, "text": "help"}, form=True)
    assert status == 200 and "I brief German and English news articles" in text  # ephemeral, to the user only

    status, _ = await post_signed(url, {**form, "text": article_en}, form=True)
    assert status == 200
    await slack_fake.wait_for(lambda: bool(slack_fake.posted("chat.update")))
    update = slack_fake.posted("chat.update")[0]
    assert update.params["text"].startswith("Briefing: Port strike")
    opener = slack_fake.posted()[0]
    assert opener.params["channel"] == "C2" and "thread_ts" not in opener.params
    await slack_fake.wait_for(
        lambda: any(c.params.get("thread_ts") == update.params["ts"] for c in slack_fake.posted())
    )

    before = len(slack_fake.posted())
    status, _ = await post_signed(url, {**form, "text": "ask Who is Daniel Reeve?"}, form=True)
    answer = (await slack_fake.wait_for_posts(before + 1))[-1]
    assert answer.params["channel"] == "C2" and "thread_ts" not in answer.params
    assert "About “Port strike halts grain exports as talks collapse”" in answer.params["text"]
    assert "Who is Daniel Reeve?" in answer.params["text"]


async def test_message_shortcut_briefs_the_message_in_its_thread(
    slack_fake: FakeSlack, slack_http: SlackHttpAdapter, article_en: str
) -> None:
    payload = {
        "type": "message_action",
        "callback_id": "brief_message",
        "trigger_id": "1.2",
        "team": {"id": "T0001"},
        "user": {"id": "U1"},
        "channel": {"id": "C3"},
        "message": {"type": "message", "user": "U2", "ts": "8.1", "text": article_en},
        "response_url": "http://127.0.0.1:9/unused",
        "token": "legacy",
    }
    status, _ = await post_signed(events_url(slack_http), {"payload": json.dumps(payload)}, form=True)
    assert status == 200
    posts = await slack_fake.wait_for_posts(1)
    assert posts[0].params["thread_ts"] == "8.1" and posts[0].params["blocks"][0]["type"] == "header"


async def test_direct_messages_and_thread_replies_without_mention(
    slack_fake: FakeSlack, slack_http: SlackHttpAdapter, article_en: str
) -> None:
    url = events_url(slack_http)
    dm = {
        "type": "message",
        "channel": "D1",
        "channel_type": "im",
        "user": "U1",
        "text": article_en,
        "ts": "9.1",
    }
    await post_signed(url, event_body(dm))
    await slack_fake.wait_for_posts(1)
    follow_up = {
        "type": "message",
        "channel": "D1",
        "channel_type": "im",
        "user": "U1",
        "text": "Who is Lena Sørvik?",
        "ts": "9.2",
        "thread_ts": "9.1",
    }
    count = len(slack_fake.posted())
    await post_signed(url, event_body(follow_up))
    answer = (await slack_fake.wait_for_posts(count + 1))[-1]
    assert answer.params["thread_ts"] == "9.1" and "About" not in answer.params["text"]

    await post_signed(url, event_body(mention(article_en, channel="C4", ts="10.1")))
    await slack_fake.wait_for(lambda: any(c.params.get("channel") == "C4" for c in slack_fake.posted()))
    count = len(slack_fake.posted())
    reply = {
        "type": "message",
        "channel": "C4",
        "channel_type": "channel",
        "user": "U1",
        "text": "And Egypt?",
        "ts": "10.2",
        "thread_ts": "10.1",
    }
    await post_signed(url, event_body(reply))
    answer = (await slack_fake.wait_for_posts(count + 1))[-1]
    assert answer.params["thread_ts"] == "10.1"
    # a reply that mentions the bot comes as app_mention too: answered once, not twice
    count = len(slack_fake.posted())
    both = {**reply, "text": f"<@{BOT_USER}> And Reeve?", "ts": "10.3"}
    await post_signed(url, event_body(both))
    await post_signed(url, event_body(mention("And Reeve?", channel="C4", ts="10.3", thread_ts="10.1")))
    await slack_fake.wait_for_posts(count + 1)
    await asyncio.sleep(0.2)
    assert len(slack_fake.posted()) == count + 1


@pytest_asyncio.fixture
async def rate_limited(slack_fake: FakeSlack) -> AsyncIterator[FakeSlack]:
    slack_fake.rate_limit["chat.postMessage"] = 1
    yield slack_fake


async def test_rate_limited_post_is_retried_after_retry_after(
    rate_limited: FakeSlack, slack_http: SlackHttpAdapter
) -> None:
    started = time.monotonic()
    await post_signed(events_url(slack_http), event_body(mention("help", channel="C5", ts="11.1")))
    await rate_limited.wait_for(lambda: len(rate_limited.posted()) >= 2)
    assert time.monotonic() - started >= 1.0  # Retry-After: 1 was honoured
    assert [c.params["thread_ts"] for c in rate_limited.posted()] == ["11.1", "11.1"]


async def test_web_api_calls_share_one_connection_and_it_closes_with_the_adapter(
    slack_fake: FakeSlack, service: ChatService
) -> None:
    adapter = await start_slack_http(service, slack_fake)
    try:
        for number in range(4):  # one after the other: calls at the same time need connections of their own
            event = mention("help", channel="C1", ts=f"7.{number}")
            await post_signed(events_url(adapter), event_body(event))
            await slack_fake.wait_for_posts(number + 1)
    finally:
        session = adapter.bot.app.client.session
        await adapter.stop()
    assert len({call.peer for call in slack_fake.calls}) == 1  # slack_sdk alone opens one per call
    assert session is not None and session.closed
