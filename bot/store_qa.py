"""Questions across a channel's stored articles: "Was hat Maas diese Woche gesagt?".

When a question names a time window (today, this week, ...) and an actor, every stored article of
the channel from that window in which the actor has a position answers it, each cited with its
article. The window is read in the channel's time zone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.models import Actor, Briefing, Position
from bot.store_articles import StoredArticle

MAX_ARTICLES = 8
MAX_QUOTES = 2
QUOTE_CHARS = 300

_WINDOWS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(?:heute|today)\b", re.I), "today"),
    (re.compile(r"\b(?:gestern|yesterday)\b", re.I), "yesterday"),
    (re.compile(r"\b(?:diese[rnm]?|this)\s+(?:woche|week)\b", re.I), "week"),
    (
        re.compile(
            r"\b(?:letzte[nr]?|vergangene[nr]?|last|past)\s+(?:woche|week|sieben tage|seven days)\b", re.I
        ),
        "7d",
    ),
    (re.compile(r"\b(?:diese[nrm]?|this)\s+(?:monat|month)\b", re.I), "month"),
    (re.compile(r"\b(?:zuletzt|kürzlich|neulich|recently|lately)\b", re.I), "7d"),
]
_GERMAN = re.compile(r"\b(?:was|wer|hat|haben|gesagt|diese|woche|heute|gestern|über|zu|der|die|das)\b", re.I)
_CAPITAL_WORD = re.compile(r"\b[A-ZÄÖÜ][\w'’\-]+")
_NOT_NAMES = frozenset(
    "was wer wie wo wann warum welche welcher what who whom how when where why which did does has have "
    "said say says sagte gesagt woche week heute today gestern yesterday monat month diese dieser this "
    "last letzte the der die das".split()
)


@dataclass(frozen=True)
class CrossAnswer:
    text: str
    evidence: list[str]


def window_start(question: str, *, now: datetime, timezone: str) -> datetime | None:
    """The start of the time window the question names, or None when it names none."""
    local = now.astimezone(ZoneInfo(timezone))
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
    for pattern, window in _WINDOWS:
        if pattern.search(question):
            if window == "today":
                return midnight
            if window == "yesterday":
                return midnight - timedelta(days=1)
            if window == "week":
                return midnight - timedelta(days=local.weekday())
            if window == "month":
                return midnight.replace(day=1)
            return local - timedelta(days=7)
    return None


def asked_names(question: str) -> list[str]:
    return [w for w in _CAPITAL_WORD.findall(question) if w.casefold() not in _NOT_NAMES]


def _matches(actor: Actor, names: list[str]) -> bool:
    tokens = {t.casefold() for n in [actor.name, *actor.aliases, actor.english_name or ""] for t in n.split()}
    return any(name.casefold() in tokens for name in names)


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1].rstrip() + "…"


def answer_across(question: str, articles: list[tuple[StoredArticle, Briefing]]) -> CrossAnswer | None:
    """Positions of the actor the question names, from every article (newest first); None if none."""
    names = asked_names(question)
    if not names:
        return None
    found: list[tuple[StoredArticle, Actor, list[Position]]] = []
    for stored, briefing in articles:
        for actor in briefing.actors:
            positions = [p for p in briefing.positions if p.actor == actor.id]
            if positions and _matches(actor, names):
                found.append((stored, actor, positions))
                break
    if not found:
        return None
    german = bool(_GERMAN.search(question))
    who = found[0][1].name
    count = len(found)
    if german:
        lines = [f"{who} in {count} gespeicherten Artikel{'n' if count > 1 else ''}:"]
    else:
        lines = [f"{who} in {count} stored article{'s' if count > 1 else ''}:"]
    evidence = []
    for stored, _actor, positions in found[:MAX_ARTICLES]:
        title = stored.article.title or stored.article.source or f"#{stored.id}"
        where = f"{title} ({stored.url})" if stored.url else title
        quotes = "; ".join(f"“{_clip(p.text)}”" for p in positions[:MAX_QUOTES])
        lines.append(f"• {where}: {quotes}")
        evidence.append(f"{title}: {_clip(positions[0].text)}")
    return CrossAnswer(text="\n".join(lines), evidence=evidence)
