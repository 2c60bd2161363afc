"""The real slack-bolt Socket Mode handler against a local WebSocket that apps.connections.open points to."""

from __future__ import annotations

import asyncio
import json

import pytest
from fake_slack import APP_TOKEN, BOT_TOKEN, FakeSlack, event_body, mention, slash_command

from adapters.slack_adapters import SlackSocketModeAdapter

pytestmark = pytest.mark.asyncio


async def test_connects_with_the_app_token(
    slack_fake: FakeSlack, slack_socket: SlackSocketModeAdapter
) -> None:
    opened = slack_fake.posted("apps.connections.open")
    assert len(opened) == 1 and opened[0].token == APP_TOKEN


async def test_events_are_acked_and_answered_once_even_when_retried(
    slack_fake: FakeSlack, slack_socket: SlackSocketModeAdapter, article_en: str
) -> None:
    body = event_body(mention(article_en, channel="C1", ts="1.1"), event_id="EvSOCKET1")
    envelope = await slack_fake.push("events_api", body)
    assert slack_fake.acks[envelope] == {"envelope_id": envelope}
    await slack_fake.push("events_api", body, retry_attempt=1)
    posts = await slack_fake.wait_for_posts(1)
    await asyncio.sleep(0.2)
    assert len(slack_fake.posted()) == len(posts)
    assert all(call.params["thread_ts"] == "1.1" and call.token == BOT_TOKEN for call in posts)
    assert posts[0].params["blocks"][0]["type"] == "header"


async def test_slash_command_help_is_answered_in_the_ack(
    slack_fake: FakeSlack, slack_socket: SlackSocketModeAdapter
) -> None:
    envelope = await slack_fake.push("slash_commands", slash_command("help"))
    assert "I brief German and English" in json.dumps(slack_fake.acks[envelope]["payload"])
    assert slack_fake.posted() == []


async def test_message_shortcut_over_socket_mode(
    slack_fake: FakeSlack, slack_socket: SlackSocketModeAdapter, article_en: str
) -> None:
    payload = {
        "type": "message_action",
        "callback_id": "brief_message",
        "trigger_id": "1.2",
        "team": {"id": "T0001"},
        "user": {"id": "U1"},
        "channel": {"id": "C9"},
        "message": {"type": "message", "user": "U2", "ts": "4.4", "thread_ts": "4.0", "text": article_en},
        "response_url": "http://127.0.0.1:9/unused",
        "token": "legacy",
    }
    await slack_fake.push("interactive", payload)
    posts = await slack_fake.wait_for_posts(1)
    assert posts[0].params["channel"] == "C9" and posts[0].params["thread_ts"] == "4.0"
