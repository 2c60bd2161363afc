"""Quotations in English text: paired double quotes, per paragraph, with multi-paragraph chains.

Handles curly quotes (“ ”), straight quotes ("), and the doubled apostrophes some news wires use
(''...''). A quote left open at the end of a paragraph continues when the next paragraph opens
with a quote mark (the usual convention for quotes over several paragraphs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARK = re.compile(r"''|``|[\"“”„«»]")
_OPENERS = frozenset("“„«`")
_CLOSERS = frozenset("”»")
_MAX_QUOTE_CHARS = 6000


@dataclass(slots=True)
class Quote:
    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark (or the paragraph end when left open)
    chain: int  # quotes of one multi-paragraph quotation share a chain id
    closed: bool = True

    @property
    def length(self) -> int:
        return self.end - self.start


def _is_opening(text: str, start: int, end: int, mark: str, is_open: bool) -> bool:
    """Decide whether a quote mark opens a quotation; `is_open` says whether one is open now."""
    if mark[0] in _OPENERS:
        return True
    if mark[0] in _CLOSERS:
        return False
    before = text[start - 1] if start > 0 else "\n"
    after = text[end] if end < len(text) else "\n"
    space_before = before.isspace() or before in "([{—–-/"
    space_after = after.isspace() or after in ".,;:!?)]—–-"
    if space_before and not space_after:
        return True
    if space_after and not space_before:
        return False
    return not is_open


def find_quotes(text: str, start: int = 0) -> list[Quote]:
    """All double-quoted passages of the text (from `start`), in order of appearance."""
    quotes: list[Quote] = []
    chain = 0
    pos = start
    length = len(text)
    previous_open: Quote | None = None  # a quote left open at the end of the previous paragraph
    while pos < length:
        para_end = text.find("\n", pos)
        if para_end < 0:
            para_end = length
        open_at = -1
        first_mark = True
        for m in _MARK.finditer(text, pos, para_end):
            mark = m.group()
            opening = _is_opening(text, m.start(), m.end(), mark, open_at >= 0)
            if opening and open_at < 0:
                open_at = m.start()
                if not (first_mark and previous_open is not None and _only_space(text, pos, m.start())):
                    chain += 1
            elif not opening and open_at >= 0:
                quotes.append(Quote(open_at, m.end(), chain))
                open_at = -1
            first_mark = False
        previous_open = None
        if open_at >= 0 and para_end - open_at <= _MAX_QUOTE_CHARS:
            end = len(text[open_at:para_end].rstrip()) + open_at
            previous_open = Quote(open_at, end, chain, closed=False)
            quotes.append(previous_open)
        pos = para_end + 1
        # blank lines between paragraphs do not break a chain
        while pos < length and text[pos] == "\n":
            pos += 1
    return quotes


def _only_space(text: str, start: int, end: int) -> bool:
    return not text[start:end].strip()
