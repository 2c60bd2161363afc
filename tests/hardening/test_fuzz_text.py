"""Property-based fuzzing (Hypothesis, bounded) of text normalisation, sentence and message splitting.

- bot.ingest: any bytes give an Article or a UserFacingError, nothing else; the Article's offsets hold.
- bot.language.tokens: token offsets index the text, tokens cover every non-space character, and the
  sentences partition the tokens in order.
- bot.render_chat and the Slack and Discord renderers: every chunk, block and embed is within the
  platform's limit, and no character of the text is lost (only whitespace at the cuts).
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adapters import discord_render, slack_render
from bot import render_chat
from bot.chat import Reply
from bot.errors import UserFacingError
from bot.ingest import article_from_text, decode, read_article
from bot.language.tokens import split_sentences, tokenize
from bot.models import Actor, Briefing, Position, Span, SummarySentence
from bot.render_chat import ZERO_WIDTH_SPACE, defang, pack, split_text

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# characters that matter to the tokenizer, the splitter and the escapers, so they come up often
TRICKY = (
    "aAbBzZäöüßÄÖÜéñ0123456789 .!?…,;:\"'„“”»«‚‘’()[]{}<>-–—/\\@#&*_~`|>\n\t\r\f\x0b\x00\x1b\u200b\u00a0"
    "\u2028\u3000😀"
)
texts = st.one_of(st.text(max_size=400), st.text(alphabet=TRICKY, max_size=400))
words = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "Der",
                "Minister",
                "sagte",
                "am",
                "5.",
                "Mai",
                "z.B.",
                "U.S.",
                "Dr.",
                "said",
                "n't",
                "„Nein“",
                '"Yes."',
                "(dpa)",
                "...",
                "!",
                "?",
                "e-mail",
                "https://ex.am/ple",
                "1.000,5",
                "12:30",
                "\n",
                "\n\n",
            ]
        ),
        st.text(alphabet=TRICKY, min_size=1, max_size=8),
    ),
    max_size=80,
).map(" ".join)
prose = st.one_of(texts, words)
MAGIC = [
    b"%PDF-1.7",
    b"PK\x03\x04",
    b"\x89PNG",
    b"GIF89a",
    b"\xff\xd8\xff",
    b"\x1f\x8b",
    b"\x7fELF",
    b"\xef\xbb\xbf",
]
raw_bytes = st.one_of(
    st.binary(max_size=2000),
    st.tuples(st.sampled_from(MAGIC), st.binary(max_size=200)).map(b"".join),
    prose.map(lambda t: t.encode("utf-8")),
    prose.map(lambda t: t.encode("cp1252", errors="replace")),
    st.tuples(st.sampled_from([b"date 2020-01\n", b"Datum: 2021-02-03\n", b""]), prose).map(
        lambda p: p[0] + p[1].encode("utf-8")
    ),
)


def squash(text: str) -> str:
    return "".join(text.split())


# --- ingest --------------------------------------------------------------------------------------------


@FUZZ
@given(raw_bytes)
def test_decode_never_fails(data: bytes) -> None:
    assert isinstance(decode(data), str)


@FUZZ
@given(raw_bytes, st.sampled_from([50, 500, 1_000_000]))
def test_read_article_gives_an_article_or_a_user_facing_error(data: bytes, max_bytes: int) -> None:
    try:
        article = read_article(data, source="fuzz", max_bytes=max_bytes)
    except UserFacingError as err:
        assert err.reason and "\n" not in err.reason
        return
    assert len(data) <= max_bytes
    assert article.language in ("de", "en")
    assert 0 <= article.text_start <= article.body_start <= len(article.text)
    assert "\n" not in article.title and article.title == article.title.strip()


@FUZZ
@given(prose)
def test_article_from_text_gives_an_article_or_a_user_facing_error(text: str) -> None:
    try:
        article = article_from_text(text)
    except UserFacingError:
        return
    assert article.text == text and 0 <= article.text_start <= article.body_start <= len(text)


# --- tokens and sentences ------------------------------------------------------------------------------


@FUZZ
@given(prose, st.sampled_from(["de", "en"]))
def test_tokens_index_the_text_and_sentences_cover_them_in_order(text: str, language: str) -> None:
    tokens = tokenize(text)
    position = 0
    for token in tokens:
        assert position <= token.start < token.end <= len(text)
        assert text[token.start : token.end] == token.text
        assert text[position : token.start].isspace() or position == token.start  # only spaces skipped
        position = token.end
    assert text[position:].isspace() or position == len(text)

    sentences = split_sentences(text, tokens, language)
    assert [t for s in sentences for t in s.tokens] == tokens
    assert [s.index for s in sentences] == list(range(len(sentences)))
    for sentence in sentences:
        assert sentence.tokens, "an empty sentence"
        assert sentence.start == sentence.tokens[0].start and sentence.end == sentence.tokens[-1].end
        assert all(t.sentence == sentence.index for t in sentence.tokens)
    assert [t.index for t in tokens] == list(range(len(tokens)))
    assert all(a.end <= b.start for a, b in itertools.pairwise(sentences))


# --- splitting within limits ----------------------------------------------------------------------------


@FUZZ
@given(texts, st.integers(min_value=1, max_value=120))
def test_split_text_keeps_every_piece_within_the_limit_and_loses_nothing(text: str, limit: int) -> None:
    pieces = split_text(text, limit)
    assert all(len(piece) <= limit for piece in pieces)
    assert squash("".join(pieces)) == squash(text)


@FUZZ
@given(st.lists(texts, max_size=12), st.integers(min_value=1, max_value=300))
def test_pack_keeps_every_chunk_within_the_limit_and_loses_nothing(lines: list[str], limit: int) -> None:
    chunks = pack(lines, limit)
    assert all(0 < len(chunk) <= limit for chunk in chunks)
    assert squash("".join(chunks)) == squash("".join(lines))


@FUZZ
@given(texts)
def test_defang_only_adds_zero_width_spaces(text: str) -> None:
    defanged = defang(text)
    assert defanged.replace(ZERO_WIDTH_SPACE, "") == text.replace(ZERO_WIDTH_SPACE, "")


LINK_PIECES = ["http", "https", "ftp", "mailto", "www", "example", "com", "de", ":", "//", ".", "@", " "]
links = st.lists(st.sampled_from(LINK_PIECES), max_size=40).map("".join)


@FUZZ
@given(st.one_of(texts, links))
def test_defang_skips_no_pattern_it_needs(text: str) -> None:
    """defang() skips a pattern when the character it needs is absent: the same as running them all."""
    z = ZERO_WIDTH_SPACE
    every_pattern = render_chat._SCHEME.sub(rf"\1{z}\2", text)
    every_pattern = render_chat._WWW.sub(rf"\1{z}\2", every_pattern)
    every_pattern = render_chat._DOMAIN_DOT.sub(f"{z}.", every_pattern)
    assert defang(text) == render_chat._AT.sub(f"@{z}", every_pattern)


long_texts = st.one_of(texts, st.tuples(texts, st.integers(1, 40)).map(lambda p: p[0] * p[1]))


@FUZZ
@given(long_texts, st.lists(long_texts, max_size=4))
def test_slack_text_replies_fit_and_lose_nothing(text: str, evidence: list[str]) -> None:
    messages = slack_render.reply_messages(Reply(kind="answer", text=text, evidence=evidence))
    assert all(0 < len(m["text"]) <= slack_render.TEXT_CHARS for m in messages)
    expected = [slack_render.escape(text)] + [f"> {slack_render.escape(q)}" for q in evidence]
    assert squash("".join(m["text"] for m in messages)) == squash("".join(expected))


@FUZZ
@given(long_texts, st.lists(long_texts, max_size=4))
def test_discord_text_replies_fit_and_lose_nothing(text: str, evidence: list[str]) -> None:
    messages = discord_render.reply_messages(Reply(kind="answer", text=text, evidence=evidence))
    assert all(m.content and len(m.content) <= discord_render.CONTENT_CHARS for m in messages)
    assert all(m.kwargs()["allowed_mentions"] is discord_render.NO_MENTIONS for m in messages)
    expected = [discord_render.escape(text)] + [f"> {discord_render.escape(q)}" for q in evidence]
    assert squash("".join(m.content or "" for m in messages)) == squash("".join(expected))


names = st.text(min_size=1, max_size=60)


@st.composite
def briefings(draw: st.DrawFn) -> Briefing:
    actors = [
        Actor(
            id=f"a{i}",
            name=draw(names),
            kind=draw(st.sampled_from(["person", "organisation", "state", "group"])),
            roles=draw(st.lists(names, max_size=3)),
        )
        for i in range(draw(st.integers(0, 40)))
    ]
    positions = [
        Position(
            actor=draw(st.sampled_from([a.id for a in actors] + ["nobody"])),
            kind=draw(st.sampled_from(["direct", "indirect", "intention"])),
            text=draw(long_texts),
            content=Span(start=0, end=1),
        )
        for _ in range(draw(st.integers(0, 30 if actors else 0)))
    ]
    summary = [SummarySentence(text=draw(long_texts), start=0, end=1) for _ in range(draw(st.integers(0, 8)))]
    return Briefing(
        source=draw(st.text(max_size=40)),
        language=draw(st.sampled_from(["de", "en"])),
        title=draw(st.text(max_size=300)),
        date=draw(st.sampled_from([None, "2026-04"])),
        summary=summary,
        actors=actors,
        positions=positions,
    )


def _briefing_lines(briefing: Briefing, escape: object) -> list[str]:
    """The article-derived texts every renderer must show in full (escaped for its platform)."""
    esc = escape  # type: ignore[assignment]
    lines = [esc(" ".join(s.text.split())) for s in briefing.summary]  # type: ignore[operator]
    lines += [esc(a.name) for a in briefing.actors]  # type: ignore[operator]
    lines += [esc(" ".join(p.text.split())) for p in briefing.positions]  # type: ignore[operator]
    return lines


@FUZZ
@given(briefings())
def test_slack_briefings_fit_block_kit_and_lose_nothing(briefing: Briefing) -> None:
    messages = slack_render.reply_messages(
        Reply(kind="briefing", text=f"Briefing: {briefing.title}", briefing=briefing)
    )
    limits = {"header": slack_render.HEADER_CHARS, "section": slack_render.SECTION_CHARS}
    sections = []
    for message in messages:
        assert 0 < len(message["blocks"]) <= slack_render.BLOCKS_PER_MESSAGE
        assert len(message["text"]) <= 3000
        for block in message["blocks"]:
            if block["type"] in limits:
                assert 0 < len(block["text"]["text"]) <= limits[block["type"]]
            if block["type"] == "context":
                assert all(len(e["text"]) <= slack_render.CONTEXT_CHARS for e in block["elements"])
            if block["type"] == "section":
                sections.append(block["text"]["text"])
    shown = squash("".join(sections))
    for line in _briefing_lines(briefing, slack_render.escape):
        assert squash(line) in shown


@FUZZ
@given(briefings())
def test_discord_briefings_fit_embed_limits_and_lose_nothing(briefing: Briefing) -> None:
    reply = Reply(kind="briefing", text=f"Briefing: {briefing.title}", briefing=briefing)
    messages = discord_render.reply_messages(reply)
    descriptions = []
    for message in messages:
        assert 0 < len(message.embeds) <= discord_render.EMBEDS_PER_MESSAGE
        assert sum(len(embed) for embed in message.embeds) <= discord_render.EMBED_TOTAL_CHARS
        for embed in message.embeds:
            assert 0 < len(embed.description or "") <= discord_render.EMBED_DESCRIPTION_CHARS
            assert len(embed.title or "") <= discord_render.EMBED_TITLE_CHARS
            assert len(embed.footer.text or "") <= 2048
            descriptions.append(embed.description or "")
    assert len(discord_render.thread_name(reply)) <= discord_render.THREAD_NAME_CHARS
    shown = squash("".join(descriptions))
    for line in _briefing_lines(briefing, discord_render.escape):
        assert squash(line) in shown


@pytest.mark.parametrize("limit", [0, -3])
def test_split_text_refuses_a_limit_below_one(limit: int) -> None:
    with pytest.raises(ValueError):
        split_text("text", limit)
