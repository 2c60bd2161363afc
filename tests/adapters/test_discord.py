"""The real discord.py client against a local REST API and gateway."""

from __future__ import annotations

import asyncio
import json
import re

import pytest
from discord_payloads import BOT_ID, CHANNEL_ID, message_payload
from drivers import discord_text
from fake_discord import FakeDiscord

from adapters.discord_adapter import DiscordAdapter

pytestmark = pytest.mark.asyncio

MESSAGE_CONTENT_INTENT = 1 << 15
MASKED_LINK = re.compile(r"(?<!\\)\[[^\]]*\]\(")


async def test_logs_in_identifies_without_the_message_content_intent_and_syncs_commands(
    discord_fake: FakeDiscord, discord_bot: DiscordAdapter
) -> None:
    identify = discord_fake.identified[0]
    assert identify["intents"] & MESSAGE_CONTENT_INTENT == 0
    synced = next(c for c in discord_fake.calls if c.method == "PUT" and c.path.endswith("/commands"))
    assert {(command["name"], command["type"]) for command in synced.body} == {
        ("brief", 1),
        ("ask", 1),
        ("Brief this message", 3),
        ("feeds", 1),
        ("schedule", 1),
        ("digest", 1),
    }


async def test_mention_with_an_article_opens_a_thread_with_the_briefing(
    discord_fake: FakeDiscord, discord_bot: DiscordAdapter, article_en: str
) -> None:
    message_id = await discord_fake.user_message(article_en)
    sent = await discord_fake.wait_for_sent(1)
    opened = next(c for c in discord_fake.calls if c.path.endswith("/threads"))
    assert opened.path == f"/channels/{CHANNEL_ID}/messages/{message_id}/threads"
    assert opened.body["name"] == "Port strike halts grain exports as talks collapse"
    thread_id = int(sent[0].path.split("/")[2])
    assert discord_fake.thread(thread_id)["parent_id"] == str(CHANNEL_ID)
    assert sent[0].body["embeds"][0]["title"] == "Port strike halts grain exports as talks collapse"
    assert sent[0].body["allowed_mentions"] == {"parse": []}

    count = len(discord_fake.sent())
    await discord_fake.user_message("Who is Maria Okafor?", channel_id=thread_id)
    answer = (await discord_fake.wait_for_sent(count + 1))[-1]
    assert answer.path == f"/channels/{thread_id}/messages" and "About" not in discord_text(answer)


async def test_slash_brief_is_deferred_before_the_analysis_and_followed_up(
    discord_fake: FakeDiscord, discord_bot: DiscordAdapter, article_en: str
) -> None:
    await discord_fake.slash_command("brief", {"text": article_en})
    await discord_fake.wait_for_sent(2)
    paths = [c.path for c in discord_fake.calls if c.method == "POST"]
    assert paths[0].endswith("/callback") and paths[1].startswith("/webhooks/")
    callback = next(c for c in discord_fake.calls if c.path.endswith("/callback"))
    assert callback.body["type"] == 5  # deferred "thinking" response
    assert all(c.body.get("allowed_mentions") == {"parse": []} for c in discord_fake.sent())


async def test_ask_outside_a_thread_says_which_article(
    discord_fake: FakeDiscord, discord_bot: DiscordAdapter, article_en: str
) -> None:
    await discord_fake.slash_command("ask", {"question": "Who is Daniel Reeve?"})
    nothing_yet = (await discord_fake.wait_for_sent(1))[-1]
    assert "no article here yet" in discord_text(nothing_yet)
    await discord_fake.user_message(article_en)
    await discord_fake.wait_for(lambda: any(c.path.endswith("/threads") for c in discord_fake.calls))
    await discord_fake.wait_for_sent(2)
    count = len(discord_fake.sent())
    await discord_fake.slash_command("ask", {"question": "Who is Daniel Reeve?"})
    answer = (await discord_fake.wait_for_sent(count + 1))[-1]
    assert "About “Port strike halts grain exports as talks collapse”" in discord_text(answer)


async def test_message_context_menu_briefs_the_target_message(
    discord_fake: FakeDiscord, discord_bot: DiscordAdapter, article_en: str
) -> None:
    target = discord_fake.user_message_payload(article_en)
    await discord_fake.slash_command("Brief this message", {}, command_type=3, target=target)
    sent = await discord_fake.wait_for_sent(2)
    assert "Briefing: Port strike" in discord_text(sent[0])
    assert sent[1].body["embeds"][0]["title"].startswith("Port strike")


async def test_attached_text_file_is_briefed(
    discord_fake: FakeDiscord, discord_bot: DiscordAdapter, article_en: str
) -> None:
    discord_fake.attachments["article.txt"] = article_en.encode("utf-8")
    attachment = {
        "id": "1",
        "filename": "article.txt",
        "size": len(article_en.encode()),
        "content_type": "text/plain",
        "url": f"http://127.0.0.1:{discord_fake.port}/attachments/article.txt",
        "proxy_url": f"http://127.0.0.1:{discord_fake.port}/attachments/article.txt",
    }
    await discord_fake.user_message("", attachments=[attachment])
    sent = await discord_fake.wait_for_sent(1)
    assert sent[0].body["embeds"][0]["title"].startswith("Port strike")


async def test_hostile_text_neither_pings_nor_links(
    discord_fake: FakeDiscord, discord_bot: DiscordAdapter
) -> None:
    hostile = (
        "Mayor Jane Doe said on Monday that @everyone and @here must read https://evil.example.com now, "
        "and that [this](https://phish.example.com) was a lie. "
    ) * 4
    await discord_fake.user_message(hostile)
    await discord_fake.wait_for_sent(1)
    await asyncio.sleep(0.2)
    shown = json.dumps([c.body for c in discord_fake.sent()], ensure_ascii=False)
    assert "@everyone" not in shown and "@here" not in shown and "https://" not in shown
    texts = "\n".join(discord_text(c) for c in discord_fake.sent())
    assert not MASKED_LINK.search(texts) and "\\[this]" in texts
    assert all(c.body["allowed_mentions"] == {"parse": []} for c in discord_fake.sent())


async def test_direct_message_is_one_conversation(
    discord_fake: FakeDiscord, discord_bot: DiscordAdapter, article_en: str
) -> None:
    dm_channel = discord_fake.new_id()
    await discord_fake.dispatch("MESSAGE_CREATE", _dm(discord_fake, dm_channel, article_en))
    await discord_fake.wait_for_sent(1)
    count = len(discord_fake.sent())
    await discord_fake.dispatch("MESSAGE_CREATE", _dm(discord_fake, dm_channel, "Who is Lena Sørvik?"))
    answer = (await discord_fake.wait_for_sent(count + 1))[-1]
    assert answer.path == f"/channels/{dm_channel}/messages" and "About" not in discord_text(answer)
    assert not any(c.path.endswith("/threads") for c in discord_fake.calls)


def _dm(fake: FakeDiscord, channel_id: int, text: str) -> dict[str, object]:
    return message_payload(fake.new_id(), channel_id, text)


assert BOT_ID  # the fake's bot user is who the mentions name
