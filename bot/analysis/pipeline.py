"""analyse(article) -> Briefing: the engine's one entry point."""

from __future__ import annotations

from bot.analysis.actors import find_actors
from bot.analysis.document import build_document
from bot.analysis.positions import find_positions
from bot.analysis.summary import summarise
from bot.models import Article, Briefing, Position, Span


def analyse(article: Article) -> Briefing:
    doc = build_document(article)
    actors = find_actors(doc)
    raw_positions = find_positions(doc)
    positions = []
    for raw in raw_positions:
        actor_id = actors.resolve(doc, *raw.speaker) if raw.speaker else None
        start, end = raw.content
        first_token = doc.token_at(start)
        positions.append(
            Position(
                actor=actor_id,
                kind=raw.kind,
                text=article.text[start:end],
                content=Span(start=start, end=end),
                speaker=Span(start=raw.speaker[0], end=raw.speaker[1]) if raw.speaker else None,
                cue=Span(start=raw.cue[0], end=raw.cue[1]) if raw.cue else None,
                sentence=first_token.sentence if first_token else 0,
            )
        )
    summary = summarise(doc, actors=actors, positions=raw_positions)
    return Briefing(
        source=article.source,
        language=article.language,
        title=article.title,
        date=article.date,
        summary=summary,
        actors=actors.to_models(),
        positions=positions,
    )
