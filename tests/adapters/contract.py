"""The conversation every adapter must hold the same way, and how to compare what the platforms recorded."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Protocol

from bot.analysis.pipeline import analyse
from bot.ingest import read_article
from bot.models import Answer, Briefing, Citation
from bot.qa import answer_question

FOLLOW_UPS = ["Who is Maria Okafor?", "What did she say about the strike?"]
UNANSWERABLE = "What is the capital of Australia?"
QUESTIONS = [*FOLLOW_UPS, UNANSWERABLE]

_ESCAPED = re.compile(r"\\([\\`*_~|>\[\]()#-])")
_FORMATTING = re.compile(r"[*_`>\u200b\s]+")


class Driver(Protocol):
    name: str
    transcript: list[str]

    async def brief(self, article: str) -> list[str]:
        """Send the article; the bot's replies as plain text."""

    async def ask(self, question: str) -> list[str]:
        """Ask in the briefing's thread; the bot's replies as plain text."""


def squash(text: str) -> str:
    """Text without markup, escapes, zero-width spaces and whitespace: comparable across platforms."""
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return _FORMATTING.sub("", _ESCAPED.sub(r"\1", text))


def echo_answer(briefing: Briefing, text: str, question: str, *, history: list[str] | None = None) -> Answer:
    """A stand-in for the question answering whose answers show what the adapters passed on: the
    question, how many came before it in the thread, a cited sentence, and text that tries to ping."""
    earlier = len(history or [])
    if question == UNANSWERABLE:
        return Answer(question=question, answered=False, answer="The article does not say.")
    sentence = briefing.summary[earlier % len(briefing.summary)]
    reply = f"After {earlier} earlier question(s), about “{question}”: <!channel> @here see www.example.com"
    return Answer(
        question=question,
        answered=True,
        answer=reply,
        citations=[Citation(start=sentence.start, end=sentence.end)],
    )


ANSWERERS = {"engine": answer_question, "echo": echo_answer}


@dataclass
class Expected:
    text: str
    briefing: Briefing
    answers: list[Answer] = field(default_factory=list)


def expected_for(article: str, answerer: str = "engine") -> Expected:
    """What the engine and the question answering say, called directly."""
    parsed = read_article(article.encode("utf-8"), source="contract")
    briefing = analyse(parsed)
    history: list[str] = []
    answers = []
    for question in QUESTIONS:
        answers.append(ANSWERERS[answerer](briefing, parsed.text, question, history=list(history)))
        history.append(question)
    return Expected(text=parsed.text, briefing=briefing, answers=answers)


def briefing_facts(replies: list[str], briefing: Briefing) -> dict[str, Any]:
    """Which parts of the briefing the replies show (all of them, for a correct adapter)."""
    shown = squash("".join(replies))
    return {
        "title": squash(briefing.title) in shown,
        "summary": [squash(s.text) in shown for s in briefing.summary],
        "actors": [squash(a.name) in shown for a in briefing.actors],
        "positions": [squash(p.text) in shown for p in briefing.positions],
    }


def answer_facts(replies: list[str], answer: Answer, text: str) -> dict[str, Any]:
    shown = squash("".join(replies))
    evidence = [squash(text[c.start : c.end]) in shown for c in answer.citations]
    return {
        "count": len(replies),
        "answer": squash(answer.answer) in shown,
        "evidence": evidence,
        "text": shown,
    }


def complete(facts: dict[str, Any]) -> bool:
    return all(all(v) if isinstance(v, list) else bool(v) for k, v in facts.items() if k != "text")
