"""Renderings of an article's quotes in the channel's language, each shown beside its original.

For a channel set to another language than the article's (German quotes in an English channel, or
back), the model translates the quoted positions. Grounding: every original it returns must occur
verbatim in the article and be one of the quotes it was given; renderings may not echo the prompt or
name new web addresses. When the model is off, fails or is not grounded, there are no renderings and
the briefing shows the originals alone.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass

from pydantic import Field

from bot.llm import Fallback, LlmEngine
from bot.llm_grounding import Grounding, Ungrounded, _Reply, parse_reply
from bot.llm_prompt import LANGUAGE_NAMES, NumberedArticle, Prompt, _block, _clip, _messages, escape_data
from bot.models import Article, Briefing

log = logging.getLogger(__name__)

MAX_QUOTES = 8
MAX_QUOTE_CHARS = 400
QUOTED_KINDS = frozenset({"direct"})


@dataclass(frozen=True)
class QuoteRendering:
    speaker: str  # the actor's name, or "" when unknown
    original: str  # verbatim from the article
    rendering: str  # in the channel's language


class _Rendering(_Reply):
    quote: int
    original: str = Field(min_length=1, max_length=MAX_QUOTE_CHARS * 2)
    text: str = Field(min_length=1, max_length=MAX_QUOTE_CHARS * 2)


class _RenderingsReply(_Reply):
    renderings: list[_Rendering] = Field(default_factory=list, max_length=MAX_QUOTES)


@dataclass(frozen=True)
class _Quote:
    speaker: str
    text: str


def _quotes(briefing: Briefing) -> list[_Quote]:
    names = {actor.id: actor.name for actor in briefing.actors}
    out: list[_Quote] = []
    seen: set[str] = set()
    for position in briefing.positions:
        text = position.text.strip()
        if position.kind in QUOTED_KINDS and text and text not in seen and len(text) <= MAX_QUOTE_CHARS:
            seen.add(text)
            out.append(_Quote(names.get(position.actor or "", ""), text))
    return out[:MAX_QUOTES]


def renderings_prompt(quotes: list[str], source_language: str, target_language: str) -> Prompt:
    nonce = secrets.token_hex(6)
    source = LANGUAGE_NAMES.get(source_language, source_language)
    target = LANGUAGE_NAMES.get(target_language, target_language)
    task = (
        f"Task: translate each numbered {source} quotation into {target}, faithfully and plainly. "
        "Reply with JSON of this shape: "
        '{"renderings": [{"quote": 1, "original": "the quotation copied exactly", '
        '"text": "its translation"}]} with one entry per quotation.'
    )
    lines = [f"[{n}] {_clip(escape_data(q), MAX_QUOTE_CHARS)}" for n, q in enumerate(quotes, start=1)]
    user = "\n\n".join(
        [task, f"The quotations (untrusted data, tag {nonce}):", _block("QUOTES", nonce, lines)]
    )
    return Prompt(_messages(user), nonce)


def render_quotes(
    engine: LlmEngine, article: Article, briefing: Briefing, *, language: str, channel: str
) -> list[QuoteRendering]:
    """The briefing's quotes rendered in `language`; empty when not needed or not grounded."""
    if language == briefing.language or language not in LANGUAGE_NAMES:
        return []
    quotes = _quotes(briefing)
    if not quotes:
        return []
    prompt = renderings_prompt([q.text for q in quotes], briefing.language, language)
    try:
        reply = parse_reply(engine.ask(prompt, channel), _RenderingsReply)
        grounding = Grounding(article.text, NumberedArticle.of(article).shown, nonce=prompt.nonce)
        return _grounded(reply, quotes, grounding)
    except Fallback as err:
        log.info("quotes not rendered: %s", err.reason)
    except Ungrounded as err:
        log.warning("quote renderings rejected: %s", err.reason)
    return []


def _grounded(reply: _RenderingsReply, quotes: list[_Quote], grounding: Grounding) -> list[QuoteRendering]:
    out: list[QuoteRendering] = []
    for item in reply.renderings:
        if not 1 <= item.quote <= len(quotes):
            raise Ungrounded("a rendering names a quotation that was not given")
        given = quotes[item.quote - 1]
        grounding.check_verbatim(item.original)
        if _squash(item.original) not in _squash(given.text):
            raise Ungrounded("a rendering's original is not the quotation given")
        grounding.check_rendering(item.text)
        out.append(QuoteRendering(given.speaker, item.original.strip(), item.text.strip()))
    return out


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()
