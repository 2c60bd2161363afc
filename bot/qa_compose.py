"""Answer wording: frames in the question's language around verbatim quotes from the article."""

from __future__ import annotations

import re
from typing import Any

from bot.models import Answer, Citation
from bot.qa_actors import ActorProfile
from bot.qa_index import ArticleIndex

_UNSAFE = re.compile(r"[<>@`*_~|\[\]{}\\#]")
_MAX_ECHO = 80


def safe_echo(text: str) -> str:
    """User text repeated in a reply: no markup or mention characters, bounded length."""
    cleaned = " ".join(_UNSAFE.sub("", text).split())
    return cleaned if len(cleaned) <= _MAX_ECHO else cleaned[: _MAX_ECHO - 1] + "…"


class Composer:
    def __init__(self, index: ArticleIndex, language: str, question: str) -> None:
        self.index = index
        self.language = language
        self.question = question
        self.t: dict[str, Any] = index.lex.templates[language]

    def say(self, template: str, /, **values: str) -> str:
        return str(self.t[template]).format(**values)

    def quote(self, sid: int) -> str:
        text = " ".join(self.index.sentences[sid].text.split())
        return f"{self.t['quote_open']}{text}{self.t['quote_close']}"

    def quotes(self, sids: list[int]) -> str:
        return " ".join(self.quote(sid) for sid in sids)

    def roles(self, profile: ActorProfile, limit: int = 3) -> str:
        seen: list[str] = []
        for role in profile.roles:
            if role and role.casefold() not in {r.casefold() for r in seen}:
                seen.append(role)
        return ", ".join(seen[:limit])

    def label(self, profile: ActorProfile) -> str:
        """'Rob Malley (Krisenforscher, Präsident der International Crisis Group)'."""
        name = safe_echo(profile.display(self.language))
        roles = self.roles(profile)
        return f"{name} ({roles})" if roles else name

    def kind(self, profile: ActorProfile) -> str:
        return str(self.t["kinds"].get(profile.kind or "", ""))

    def answered(self, text: str, sids: list[int]) -> Answer:
        return Answer(question=self.question, answered=True, answer=text, citations=self.citations(sids))

    def declined(self, text: str, sids: list[int] | None = None) -> Answer:
        return Answer(
            question=self.question, answered=False, answer=text, citations=self.citations(sids or [])
        )

    def citations(self, sids: list[int]) -> list[Citation]:
        source = self.index.briefing.source
        out = []
        for sid in dict.fromkeys(sids):
            sent = self.index.sentences[sid]
            out.append(Citation(start=sent.start, end=sent.end, source=source))
        return out
