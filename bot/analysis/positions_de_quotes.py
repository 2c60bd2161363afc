"""Quotation marks in German text: pair them into quoted passages with token ranges.

German news writes „…“, »…«, «…» or "…"; English-style “…” also occurs. A passage may span several
sentences but never a blank line. Single quotes (‚…‘) are nested quotes and are not paired here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.analysis.document import Document

_QUOTE_CHARS = re.compile(r"[„“”\"»«]|\n\s*\n")
_CLOSERS = {"„": '“”"', "»": "«", "«": "»", '"': '"', "“": "”“"}
_MAX_CHARS = 4000


@dataclass(slots=True)
class Quote:
    start: int  # character offsets, the marks included
    end: int
    first: int  # token indices of the opening and closing marks
    last: int
    words: int  # tokens between the marks
    has_verb: bool
    sentence_like: bool  # ends with . ! ? before the closing mark, or holds a finite verb


def find_quotes(doc: Document) -> list[Quote]:
    text = doc.text
    spans: list[tuple[int, int]] = []
    opener: str | None = None
    open_at = 0
    for m in _QUOTE_CHARS.finditer(text, doc.article.text_start):
        ch = m.group()
        if ch[0] in "\n \t\r":
            opener = None  # a blank line ends any open passage
            continue
        if opener is not None and ch in _CLOSERS[opener] and m.start() - open_at <= _MAX_CHARS:
            if m.start() > open_at + 1:
                spans.append((open_at, m.end()))
            opener = None
        elif ch in _CLOSERS and (opener is None or ch == opener) and _opens(text, m.end()):
            opener, open_at = ch, m.start()  # (a second opener of the same kind restarts the passage)
    return [q for q in (_to_quote(doc, s, e) for s, e in spans) if q is not None]


def _opens(text: str, after: int) -> bool:
    """An opening mark is followed by the quoted text, not by a space."""
    return after < len(text) and not text[after].isspace()


def _to_quote(doc: Document, start: int, end: int) -> Quote | None:
    first_tok = doc.token_at(start)
    last_tok = doc.token_at(end - 1)
    if first_tok is None or last_tok is None or last_tok.index <= first_tok.index:
        return None
    inner = doc.tokens[first_tok.index + 1 : last_tok.index]
    has_verb = any(t.tag in {"VV(FIN)", "VA(FIN)", "VM(FIN)"} for t in inner)
    ends_sentence = bool(inner) and inner[-1].text in {".", "!", "?", "…"}
    return Quote(
        start=start,
        end=end,
        first=first_tok.index,
        last=last_tok.index,
        words=len(inner),
        has_verb=has_verb,
        sentence_like=ends_sentence or (has_verb and len(inner) >= 4),
    )
