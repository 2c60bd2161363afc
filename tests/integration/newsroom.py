"""Helpers shared by the integration tests: a fast stand-in for the engine, desks wired to fakes."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from articles import PEOPLE

from bot.digest_run import Sinks
from bot.models import Actor, Article, Briefing, Position, Span, SummarySentence
from bot.service_news import NewsDesk
from bot.sources.fetch import FetchLimits
from bot.store import Store

LOOPBACK = frozenset({"127.0.0.1"})
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]")
_NAME = re.compile("|".join(re.escape(name) for name in PEOPLE))


def fake_analyse(article: Article) -> Briefing:
    """A deterministic briefing: the first two body sentences as the summary, the people of the test
    articles as actors, each with the sentence it first appears in as its position. Fast, and
    independent of the real engine (which other tests cover)."""
    body_start = article.body_start
    sentences = [
        (m.start() + body_start, m.end() + body_start) for m in _SENTENCE.finditer(article.text[body_start:])
    ]
    summary = [SummarySentence(text=article.text[s:e].strip(), start=s, end=e) for s, e in sentences[:2]]
    actors: list[Actor] = []
    positions: list[Position] = []
    seen: dict[str, str] = {}
    for start, end in sentences:
        for match in _NAME.finditer(article.text, start, end):
            name = match.group(0)
            if name not in seen:
                seen[name] = f"a{len(seen) + 1}"
                actors.append(
                    Actor(
                        id=seen[name],
                        name=name,
                        kind="person",
                        aliases=[name.split()[-1]],
                        mentions=[Span(start=match.start(), end=match.end())],
                    )
                )
                positions.append(
                    Position(
                        actor=seen[name],
                        kind="reported",
                        text=article.text[start:end].strip(),
                        content=Span(start=start, end=end),
                        speaker=Span(start=match.start(), end=match.end()),
                    )
                )
    return Briefing(
        source=article.source,
        language=article.language,
        title=article.title,
        date=article.date,
        summary=summary,
        actors=actors,
        positions=positions,
    )


class FixedClock:
    def __init__(self, now: datetime | None = None) -> None:
        self.now = now or datetime(2024, 3, 4, 6, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def desk_for(
    db: Path | str,
    sinks: Sinks,
    *,
    analyse: object = fake_analyse,
    admins: list[str] | None = None,
    use_scheduler: bool = False,
    timeout: float = 5.0,
) -> NewsDesk:
    url = db if isinstance(db, str) else f"sqlite:///{db}"
    desk = NewsDesk(
        store_factory=lambda: Store.open(url),
        sinks=sinks,
        analyse=analyse,  # type: ignore[arg-type]
        fetch_limits=FetchLimits(timeout=timeout, allow_private=True),  # the news site is on 127.0.0.1
        admins=admins,
        use_scheduler=use_scheduler,
    )
    return desk
