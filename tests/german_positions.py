"""The German extractor's positions as (kind, content, speaker) text triples, for the position tests."""

from __future__ import annotations

from bot.analysis.document import build_document
from bot.analysis.positions_de import find_positions_de
from bot.models import Article

Found = tuple[str, str, str | None]


def positions(text: str) -> list[Found]:
    """(kind, content, speaker) for each position found in the text."""
    found = find_positions_de(build_document(Article(text=text, language="de")))
    return [
        (p.kind, text[p.content[0] : p.content[1]], text[p.speaker[0] : p.speaker[1]] if p.speaker else None)
        for p in found
    ]


def only(text: str) -> Found:
    """The one position found in the text (fails when there are none or several)."""
    found = positions(text)
    assert len(found) == 1, found
    return found[0]
