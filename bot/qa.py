"""Question answering over an analysed article, offline, in German and English.

answer_question() reads the question (qa_parse, qa_chunks), finds the actors it names
(qa_resolve, qa_match, qa_presence over the profiles of qa_actors and qa_attribution), ranks the
article's sentences (qa_retrieve) and words the answer in the question's language around
verbatim, cited quotes (qa_answer, qa_compose). The per-article index (qa_index) is built on the
first question and cached; words are matched across languages through qa_text and the data files
qa_concepts.txt, qa_places.txt, qa_intents.json and qa_templates.json (qa_lexicon).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from bot.models import Answer, Briefing
from bot.qa_actors import ActorProfile
from bot.qa_answer import compare, generic, list_actors, statement, summary, who_does, who_is, yes_no
from bot.qa_compose import Composer, safe_echo
from bot.qa_index import ArticleIndex, article_index
from bot.qa_lexicon import lexicon
from bot.qa_parse import ParsedQuestion, detect_language, parse_question
from bot.qa_resolve import Resolution, resolve
from bot.qa_text import fold, words

log = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 500
_HISTORY_TURNS = 4
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass
class Turn:
    """What a question was about, for the follow-up that comes next."""

    parsed: ParsedQuestion
    resolution: Resolution

    @property
    def focus(self) -> ActorProfile | None:
        return self.resolution.holder or (self.resolution.others[0] if self.resolution.others else None)


def answer_question(
    briefing: Briefing, text: str, question: str, *, history: list[str] | None = None
) -> Answer:
    """Answer one question about an analysed article; history holds the earlier questions, oldest first."""
    try:
        return _answer(briefing, text, question, history or [])
    except Exception:  # a question must never break a conversation
        log.exception("question answering failed for %r", question[:200])
        fallback = "Dazu kann ich nichts sagen." if briefing.language == "de" else "I cannot answer that."
        return Answer(question=question, answered=False, answer=fallback)


def _answer(briefing: Briefing, text: str, question: str, history: list[str]) -> Answer:
    lex = lexicon()
    cleaned = _CONTROL.sub(" ", question).strip()
    language = detect_language(words(cleaned[:MAX_QUESTION_CHARS]), lex, briefing.language)
    if not cleaned:
        return _refusal(question, language, "empty", lex.templates)
    if len(cleaned) > MAX_QUESTION_CHARS:
        return _refusal(question, language, "too_long", lex.templates)
    if not any(ch.isalpha() for ch in cleaned):
        return _refusal(question, language, "no_words", lex.templates)
    if any(p.search(fold(cleaned)) for p in lex.patterns["injection"]["any"]):
        return _refusal(question, language, "injection", lex.templates)
    index = article_index(briefing, text)
    previous = _previous_turn(index, history)
    turn = _understand(index, cleaned, previous)
    c = Composer(index, turn.parsed.language, question)
    return _dispatch(c, turn, previous)


def _refusal(question: str, language: str, reason: str, templates: dict[str, dict[str, object]]) -> Answer:
    reply = str(templates[language][reason]).format(limit=MAX_QUESTION_CHARS)
    return Answer(question=question, answered=False, answer=reply)


def _understand(index: ArticleIndex, question: str, previous: Turn | None) -> Turn:
    cache = index.extras.setdefault("turns", {})
    assert isinstance(cache, dict)
    key = (question, previous.focus.key if previous and previous.focus else None)
    found = cache.get(key)
    if isinstance(found, Turn):
        return found
    parsed = parse_question(question, index.lex, index.language)
    if parsed.intent == "ellipsis" and previous is not None:
        parsed.intent = previous.parsed.intent if previous.parsed.intent != "ellipsis" else "statement"
        if parsed.intent in ("who_does", "generic", "summary", "list_actors", "compare"):
            parsed.intent = "statement"
        parsed.verbs = previous.parsed.verbs
    resolution = resolve(index, parsed, previous.focus if previous else None)
    if previous is not None and parsed.verbs == previous.parsed.verbs and not resolution.topic:
        resolution.topic = previous.resolution.topic
    turn = Turn(parsed, resolution)
    if len(cache) > 256:
        cache.clear()
    cache[key] = turn
    return turn


def _previous_turn(index: ArticleIndex, history: list[str]) -> Turn | None:
    previous: Turn | None = None
    for question in history[-_HISTORY_TURNS:]:
        cleaned = _CONTROL.sub(" ", question).strip()
        if not cleaned or len(cleaned) > MAX_QUESTION_CHARS or not any(ch.isalpha() for ch in cleaned):
            continue
        turn = _understand(index, cleaned, previous)
        if turn.focus is not None or previous is None:
            previous = turn
    return previous


def _dispatch(c: Composer, turn: Turn, previous: Turn | None) -> Answer:
    parsed, res = turn.parsed, turn.resolution
    if res.missing:
        full = res.missing_full or res.missing
        with_article = full.split()[0].casefold() in c.index.lex.determiners if full.split() else False
        if with_article:
            return c.declined(c.say("not_mentioned_phrase", name=safe_echo(full)))
        return c.declined(c.say("not_mentioned", name=safe_echo(res.missing)))
    intent = parsed.intent
    if intent == "summary":
        return summary(c)
    if intent == "list_actors":
        return list_actors(c, parsed)
    if res.pronoun and res.holder is None and not res.others:
        return c.declined(c.say("no_followup"))
    if intent == "compare":
        if len(res.actors) >= 2:
            return compare(c, parsed, res)
        return generic(c, parsed, res) if not res.actors else statement(c, res.actors[0], parsed, res)
    if intent == "who_is" and res.holder is not None:
        return who_is(c, res.holder, parsed)
    if intent == "who_does":
        return who_does(c, parsed, res)
    if intent == "yes_no":
        return yes_no(c, res.holder, parsed, res)
    if intent == "ellipsis" and res.holder is None:
        return c.declined(c.say("no_followup"))
    if res.holder is not None:
        return statement(c, res.holder, parsed, res)
    return generic(c, parsed, res)
