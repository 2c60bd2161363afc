"""Shared shapes of the English attribution extractor: a frame (cue, speaker, content) and the
scope a frame is built in (tokens, quotations, sentence bounds).

Token spans are inclusive (first, last) token indices; content is character offsets.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.analysis.positions_en_quotes import Quote
from bot.language.tokens import Token
from bot.models import PositionKind

TokenSpan = tuple[int, int]


@dataclass(slots=True)
class Frame:
    kind: PositionKind
    cue: TokenSpan
    speaker: TokenSpan | None
    content: tuple[int, int]  # character offsets
    quoted: bool = False  # the content is (or ends in) a quotation
    weak: bool = False  # gives way to any frame whose cue lies in its content (colon frames)


@dataclass(slots=True)
class Scope:
    """What a frame builder needs: the tokens, the quotes, and the sentence bounds."""

    text: str
    tokens: list[Token]
    quotes: list[Quote]
    quote_of: list[int]  # per token: index of the quote it lies in, or -1
    lo: int  # first token of the sentence
    hi: int  # last token of the sentence
    stop: int  # right content may not reach this token (next coordinated frame)
