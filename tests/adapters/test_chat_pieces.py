"""Reading chat text, splitting within limits, and rendering within each platform's limits."""

from __future__ import annotations

import pytest

from adapters import discord_render, slack_render
from bot.chat import Reply
from bot.chat_text import decide, has_words, is_link_only, split_command_word
from bot.models import Actor, Briefing, Position, Span, SummarySentence
from bot.render_chat import defang, group, pack, quoted, split_text

ARTICLE_WORDS = " ".join(["The minister said the talks would continue."] * 8)


@pytest.mark.parametrize(
    ("text", "intent", "in_thread", "expected"),
    [
        ("help", "auto", False, "help"),
        ("", "auto", True, "help"),
        ("brief " + ARTICLE_WORDS, "auto", False, "brief"),
        (ARTICLE_WORDS, "auto", False, "brief"),
        ("Brief talks collapsed " + ARTICLE_WORDS, "auto", False, "brief"),
        ("ask who is she", "auto", False, "ask"),
        ("Who said that?", "auto", False, "ask"),
        ("Wer hat das gesagt", "auto", False, "ask"),
        ("and the mayor", "auto", True, "ask"),
        ("and the mayor", "auto", False, "fallback"),
        ("https://example.com/story", "auto", False, "link"),
        ("please brief www.example.org/a", "brief", False, "link"),
        ("help", "brief", False, "help"),
        ("ask who is she", "brief", False, "ask"),
        ("short text", "brief", False, "brief"),
    ],
)
def test_decide(text: str, intent: str, in_thread: bool, expected: str) -> None:
    assert decide(text, intent, in_article_thread=in_thread)[0] == expected  # type: ignore[arg-type]


def test_command_words_are_lower_case_only() -> None:
    assert split_command_word("Ask the minister", "auto") == ("auto", "Ask the minister")
    assert split_command_word("ask: the minister", "auto") == ("ask", "the minister")


def test_an_article_with_a_link_inside_is_still_an_article() -> None:
    assert not is_link_only(ARTICLE_WORDS + " Read more at https://example.com/x.")


def test_a_long_article_with_links_is_an_article_and_a_link_with_a_few_words_a_link() -> None:
    long_article = (ARTICLE_WORDS + " https://example.com/x ") * 50
    assert decide(long_article, "auto", in_article_thread=False)[0] == "brief"
    assert (
        decide("Read this: WWW.Example.org/story-of-the-day today", "auto", in_article_thread=False)[0]
        == "link"
    )


@pytest.mark.parametrize(
    ("text", "count", "expected"),
    [
        ("", 0, True),
        ("", 1, False),
        ("one two, three!", 3, True),
        ("one two", 3, False),
        ("x " * 10_000, 40, True),
    ],
)
def test_has_words_counts_words_up_to_the_count(text: str, count: int, expected: bool) -> None:
    assert has_words(text, count) is expected


@pytest.mark.parametrize("limit", [5, 17, 80])
def test_split_and_pack_respect_the_limit_and_lose_no_words(limit: int) -> None:
    text = "Grain ships wait outside the harbour while unions and the authority argue.\n" * 5 + "x" * 200
    pieces = split_text(text, limit)
    assert all(len(piece) <= limit for piece in pieces)
    assert "".join(pieces).replace(" ", "").replace("\n", "") == text.replace(" ", "").replace("\n", "")
    chunks = pack(text.splitlines(), limit)
    assert all(len(chunk) <= limit for chunk in chunks)


def test_group_keeps_runs_within_count_and_total() -> None:
    assert group([3, 3, 3, 3], max_items=3, max_total=100) == [(0, 3), (3, 4)]
    assert group([60, 50, 10], max_items=10, max_total=100) == [(0, 1), (1, 3)]


def test_defang_breaks_links_and_mentions_but_keeps_the_text() -> None:
    defanged = defang("@everyone see https://a.example.com and www.b.de, mail x@y")
    assert "@everyone" not in defanged and "https://" not in defanged and "www." not in defanged
    assert defanged.replace("\u200b", "") == "@everyone see https://a.example.com and www.b.de, mail x@y"


def _big_briefing() -> Briefing:
    long_quote = "They will not give in, the union said again and again. " * 40
    actors = [
        Actor(id=f"a{i}", name=f"Person Number {i}", kind="person", roles=["spokesperson"])
        for i in range(120)
    ]
    positions = [
        Position(actor=f"a{i % 120}", kind="direct", text=long_quote, content=Span(start=0, end=10))
        for i in range(60)
    ]
    summary = [SummarySentence(text="A sentence of the summary. " * 30, start=0, end=10) for _ in range(10)]
    return Briefing(
        source="s",
        language="en",
        title="T" * 400,
        date="2026-04",
        summary=summary,
        actors=actors,
        positions=positions,
    )


def test_slack_messages_stay_within_block_kit_limits() -> None:
    reply = Reply(kind="briefing", text="Briefing: T", briefing=_big_briefing())
    messages = slack_render.reply_messages(reply)
    assert len(messages) > 1
    for message in messages:
        assert len(message["blocks"]) <= slack_render.BLOCKS_PER_MESSAGE
        for block in message["blocks"]:
            text = block.get("text", {}).get("text", "")
            limit = slack_render.HEADER_CHARS if block["type"] == "header" else slack_render.SECTION_CHARS
            assert len(text) <= limit


def test_discord_messages_stay_within_embed_limits() -> None:
    reply = Reply(kind="briefing", text="Briefing: T", briefing=_big_briefing())
    messages = discord_render.reply_messages(reply)
    assert len(messages) > 1
    for message in messages:
        assert len(message.embeds) <= 10
        assert sum(len(embed) for embed in message.embeds) <= 6000
        for embed in message.embeds:
            assert len(embed.description or "") <= 4096 and len(embed.title or "") <= 256
    long_answer = Reply(kind="answer", text="word " * 1000, evidence=["quote " * 60] * 3)
    assert all(len(m.content or "") <= 2000 for m in discord_render.reply_messages(long_answer))


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ('"Wir sind am Ziel."', '"Wir sind am Ziel."'),
        ("„Wir sind am Ziel“", "„Wir sind am Ziel“"),
        ("dass Österreich den Damm nicht baut", "“dass Österreich den Damm nicht baut”"),
        ('"Yes," he said, "we will."', '"Yes," he said, "we will."'),
        ('the "so-called" deal', '“the "so-called" deal”'),
    ],
)
def test_a_position_is_quoted_once(text: str, shown: str) -> None:
    assert quoted(text) == shown
