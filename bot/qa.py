"""Question answering over a briefing (placeholder until the QA issue lands)."""

from __future__ import annotations

from bot.models import Answer, Briefing


def answer_question(
    briefing: Briefing, text: str, question: str, *, history: list[str] | None = None
) -> Answer:
    reply = "Der Artikel sagt dazu nichts." if briefing.language == "de" else "The article does not say."
    return Answer(question=question, answered=False, answer=reply)
