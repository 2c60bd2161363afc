"""Actors: people, organisations, states and groups, with roles, aliases and mentions.

Public interface used by the pipeline:
  find_actors(doc) -> ActorIndex
  ActorIndex.resolve(doc, start, end) -> actor id for a speaker span (or None)
  ActorIndex.to_models() -> list[Actor]
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.analysis.document import Document
from bot.models import Actor, ActorKind, Span


@dataclass
class ActorRecord:
    id: str
    name: str
    kind: ActorKind
    english_name: str | None = None
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class ActorIndex:
    actors: list[ActorRecord] = field(default_factory=list)

    def resolve(self, doc: Document, start: int, end: int) -> str | None:
        for actor in self.actors:
            if any(s < end and start < e for s, e in actor.mentions):
                return actor.id
        return None

    def to_models(self) -> list[Actor]:
        return [
            Actor(
                id=a.id,
                name=a.name,
                kind=a.kind,
                english_name=a.english_name,
                aliases=a.aliases,
                roles=a.roles,
                mentions=[Span(start=s, end=e) for s, e in sorted(set(a.mentions))],
            )
            for a in self.actors
        ]


def find_actors(doc: Document) -> ActorIndex:
    """Placeholder: runs of proper-noun tokens become person actors."""
    index = ActorIndex()
    by_name: dict[str, ActorRecord] = {}
    for sentence in doc.sentences:
        run: list[int] = []
        for tok in [*sentence.tokens, None]:
            if tok is not None and tok.tag in {"NE", "NP0"}:
                run.append(tok.index)
                continue
            if run:
                first, last = doc.tokens[run[0]], doc.tokens[run[-1]]
                name = doc.text[first.start : last.end]
                rec = by_name.get(name)
                if rec is None:
                    rec = ActorRecord(id=f"a{len(by_name) + 1}", name=name, kind="person")
                    by_name[name] = rec
                    index.actors.append(rec)
                rec.mentions.append((first.start, last.end))
                run = []
    return index
