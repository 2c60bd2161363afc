"""Reading what users type in chat: help, brief, ask, a link, or something we do not understand."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import islice
from typing import Literal

from bot.chat import Intent

Decision = Literal["help", "brief", "ask", "link", "fallback", "manage"]

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


_MANAGE = re.compile(
    r"^/?(?P<area>feeds?|schedule|digest)(?:\s+(?P<action>add|subscribe|remove|unsubscribe|delete|list|set|show"
    r"|clear|now))?(?:\s+(?P<rest>.*))?$",
    re.DOTALL,
)
_FILTER = re.compile(r"(?i)\b(keywords?|stichw(?:ö|oe)rter|words|actors?|akteure?)\s*[:=]\s*")
_ACTIONS = {"subscribe": "add", "unsubscribe": "remove", "delete": "remove"}
_DEFAULT_ACTION = {"feeds": "list", "schedule": "show", "digest": "now"}


@dataclass(frozen=True)
class Manage:
    """A command that manages feeds, the schedule or digests: `feeds add URL keywords: a, b`."""

    area: Literal["feeds", "schedule", "digest"]
    action: str
    argument: str = ""
    keywords: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)

    @property
    def changes_something(self) -> bool:
        return (self.area, self.action) in {
            ("feeds", "add"),
            ("feeds", "remove"),
            ("schedule", "set"),
            ("schedule", "clear"),
        }


def parse_manage(text: str) -> Manage | None:
    """`feeds add|remove|list`, `schedule set|show|clear`, `digest now`; lower case only, like the others."""
    match = _MANAGE.match(text.strip())
    if match is None:
        return None
    area = "feeds" if match.group("area").startswith("feed") else match.group("area")
    action = match.group("action") or _DEFAULT_ACTION[area]
    action = _ACTIONS.get(action, action)
    rest = (match.group("rest") or "").strip()
    if rest and (match.group("action") is None or action in ("list", "show", "clear", "now")):
        return None  # "schedule a meeting...", "digest now please read...": not a command
    keywords: list[str] = []
    actors: list[str] = []
    parts = _FILTER.split(rest)
    argument = parts[0].strip()
    for label, values in zip(parts[1::2], parts[2::2], strict=False):
        names = [v.strip() for v in re.split(r"[,;]", values) if v.strip()]
        (actors if label.lower().startswith(("actor", "akteur")) else keywords).extend(names)
    return Manage(area, action, argument, keywords, actors)  # type: ignore[arg-type]


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
    if "://" not in text and "www." not in text.lower():  # cheaper than the search, on long articles
        return False
    if not _URL.search(text):
        return False
    return not has_words(_URL.sub(" ", text), MIN_ARTICLE_WORDS)


def first_url(text: str) -> str | None:
    """The first link in the text, with a scheme (www.example.org -> https://www.example.org)."""
    match = _URL.search(text)
    if match is None:
        return None
    url = match.group(0).rstrip(".,;:!?)>]}»“”\"'")
    return url if "://" in url else f"https://{url}"


def has_words(text: str, count: int) -> bool:
    """Whether the text has at least `count` words; stops counting there (articles are long, and this
    runs on the event loop for every message)."""
    return count <= 0 or any(True for _ in islice(_WORD.finditer(text), count - 1, count))


def looks_like_question(text: str) -> bool:
    stripped = text.strip()
    return stripped.endswith("?") or bool(_QUESTION_START.match(stripped))


def decide(text: str, intent: Intent, *, in_article_thread: bool) -> tuple[Decision, str]:
    """What to do with a message, and the text to do it with."""
    intent, body = split_command_word(text, intent)
    if intent in ("auto", "brief") and parse_manage(body) is not None:
        return "manage", body
    if intent == "help" or (intent == "auto" and (not body or body.lower() in _HELP_WORDS)):
        return "help", ""
    if intent == "ask":
        return "ask", body
    if is_link_only(body):
        return "link", body
    if intent == "brief" or has_words(body, MIN_ARTICLE_WORDS):
        return "brief", body
    if in_article_thread or looks_like_question(body):
        return "ask", body
    return "fallback", body
