"""The English extractor's positions as (content, speaker) text pairs, for the English position tests."""

from __future__ import annotations

from bot.analysis.document import build_document
from bot.analysis.positions_en import find_positions_en
from bot.models import Article

Found = tuple[str, str | None]


def positions(text: str) -> list[Found]:
    """(content, speaker) for each position found in the text."""
    found = find_positions_en(build_document(Article(text=text, language="en")))
    return [
        (text[p.content[0] : p.content[1]], text[p.speaker[0] : p.speaker[1]] if p.speaker else None)
        for p in found
    ]
