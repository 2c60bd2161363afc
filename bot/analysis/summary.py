"""Extractive summary: the sentences a reader of the briefing needs."""

from __future__ import annotations

from bot.analysis.actors import ActorIndex
from bot.analysis.document import Document
from bot.analysis.positions import RawPosition
from bot.models import SummarySentence


def summarise(
    doc: Document, *, actors: ActorIndex, positions: list[RawPosition], max_sentences: int = 4
) -> list[SummarySentence]:
    """Placeholder: the first body sentences."""
    body = [s for s in doc.sentences if s.start >= doc.article.body_start]
    return [
        SummarySentence(text=doc.text[s.start : s.end], start=s.start, end=s.end)
        for s in body[:max_sentences]
    ]
