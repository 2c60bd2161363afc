"""Reading what users type in chat: help, brief, ask, a link, or something we do not understand."""

from __future__ import annotations

import re
from typing import Literal

from bot.chat import Intent

Decision = Literal["help", "brief", "ask", "link", "fallback"]

MIN_ARTICLE_WORDS = 40  # free text at least this long is taken as an article to brief

_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_WORD = re.compile(r"\w+")
_HELP_WORDS = frozenset({"help", "hilfe", "commands", "usage", "?"})
_LEADING_WORD = re.compile(r"/?([a-z]+):?(?:\s+|$)")
_COMMAND_WORDS: dict[str, Intent] = {"brief": "brief", "ask": "ask", "frage": "ask", "help": "help"}
_QUESTION_START = re.compile(
    r"^(?:who|whom|whose|what|when|where|why|how|which|is|are|was|were|does|do|did|can|could|will|"
    r"would|should|has|have|had|wer|wem|wen|wessen|was|wann|wo|woher|wohin|warum|wieso|weshalb|wie|"
    r"welche[rsmn]?|ist|sind|war|waren|hat|haben|hatte|gibt|kann|können|will|wollen|soll|sollen|wird|"
    r"werden)\b",
    re.IGNORECASE,
)


def split_command_word(text: str, intent: Intent) -> tuple[Intent, str]:
    """A lower-case `brief ...`, `ask ...` or `help` at the start of free text selects that intent.

    Only lower case counts, so an article whose title starts with "Brief" or "Ask" stays an article.
    """
    stripped = text.strip()
    if intent in ("ask", "help"):
        return intent, stripped
    match = _LEADING_WORD.match(stripped)
    chosen = _COMMAND_WORDS.get(match.group(1)) if match else None
    if match is None or chosen is None:
        return intent, stripped
    return chosen, stripped[match.end() :].strip()


def is_link_only(text: str) -> bool:
    """A URL with little else around it: a request to fetch an article, which is not supported yet."""
    if not _URL.search(text):
        return False
    return word_count(_URL.sub(" ", text)) < MIN_ARTICLE_WORDS


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def looks_like_question(text: str) -> bool:
    stripped = text.strip()
    return stripped.endswith("?") or bool(_QUESTION_START.match(stripped))


def decide(text: str, intent: Intent, *, in_article_thread: bool) -> tuple[Decision, str]:
    """What to do with a message, and the text to do it with."""
    intent, body = split_command_word(text, intent)
    if intent == "help" or (intent == "auto" and (not body or body.lower() in _HELP_WORDS)):
        return "help", ""
    if intent == "ask":
        return "ask", body
    if is_link_only(body):
        return "link", body
    if intent == "brief" or word_count(body) >= MIN_ARTICLE_WORDS:
        return "brief", body
    if in_article_thread or looks_like_question(body):
        return "ask", body
    return "fallback", body
