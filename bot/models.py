"""Value models shared by the engine, the question answering and the adapters."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

ActorKind = Literal["person", "organisation", "state", "group"]
PositionKind = Literal["direct", "indirect", "reported", "intention", "decision", "action"]
Language = Literal["de", "en"]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class Span(Frozen):
    """Character offsets into the article text as read: text[start:end]."""

    start: int
    end: int


class Article(Frozen):
    text: str
    language: Language
    title: str = ""
    date: str | None = None
    source: str = ""
    url: str | None = None
    text_start: int = 0  # where the text starts, after a leading metadata marker ("date 2020-01")
    body_start: int = 0  # where the body starts, after the title


class Actor(Frozen):
    id: str
    name: str
    kind: ActorKind
    english_name: str | None = None
    aliases: list[str] = Field(default_factory=list)
    roles: list[str] = Field(default_factory=list)
    mentions: list[Span] = Field(default_factory=list)


class Position(Frozen):
    actor: str | None
    kind: PositionKind
    text: str
    content: Span
    speaker: Span | None = None
    cue: Span | None = None
    sentence: int = 0  # index of the sentence the content starts in


class SummarySentence(Frozen):
    text: str
    start: int
    end: int


class Briefing(Frozen):
    source: str
    language: Language
    title: str
    date: str | None
    summary: list[SummarySentence]
    actors: list[Actor]
    positions: list[Position]

    def actor(self, actor_id: str | None) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)


class Citation(Frozen):
    start: int
    end: int
    source: str = ""


class Answer(Frozen):
    question: str
    answered: bool
    answer: str
    citations: list[Citation] = Field(default_factory=list)
