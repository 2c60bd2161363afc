"""Platform-neutral pieces for rendering replies in chat, and splitting text within size limits.

Adapters take these pieces, escape them for their platform (so article text can neither ping nor
form links) and pack them into messages that respect the platform's limits.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from bot.chat import Reply
from bot.models import Briefing

LABELS: dict[str, dict[str, str]] = {
    "de": {
        "summary": "Zusammenfassung",
        "actors": "Akteure",
        "positions": "Positionen",
        "no_actors": "Keine Akteure gefunden.",
        "no_positions": "Keine Positionen gefunden.",
        "unknown": "unbekannt",
        "evidence": "Beleg",
    },
    "en": {
        "summary": "Summary",
        "actors": "Actors",
        "positions": "Positions",
        "no_actors": "No actors found.",
        "no_positions": "No positions found.",
        "unknown": "unknown",
        "evidence": "Evidence",
    },
}
KIND_LABELS = {
    "de": {"person": "Person", "organisation": "Organisation", "state": "Staat", "group": "Gruppe"},
    "en": {"person": "person", "organisation": "organisation", "state": "state", "group": "group"},
}


ZERO_WIDTH_SPACE = "\u200b"
_SCHEME = re.compile(r"(?i)\b(https?|ftp|mailto|slack|discord|file)(:)")
_WWW = re.compile(r"(?i)\b(www)(\.)")
# a dot between a host-name label and something shaped like a top-level domain (two letters or more):
# chat clients link bare domains for any TLD, so no list of TLDs can be complete
_DOMAIN_DOT = re.compile(r"(?i)(?<=[a-z0-9-])\.(?=[a-z]{2,63}\b)")
_AT = re.compile(r"@(?=[\w!&#])")
# C0 and C1 control characters except tab and newline: in a terminal they can move the cursor,
# rewrite what was shown or open hyperlinks (OSC 8)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


_OPENING_QUOTES = "\"„“”«»‚‘'"
_CLOSING_QUOTES = "\"“”«»‘’'"


def quoted(text: str) -> str:
    """The text in quotation marks, unless it is already a quotation (a direct quote carries its own)."""
    stripped = text.strip()
    if len(stripped) > 1 and stripped[0] in _OPENING_QUOTES and stripped[-1] in _CLOSING_QUOTES:
        return stripped
    return f"“{text}”"


def defang(text: str) -> str:
    """Text that chat clients will neither turn into links nor into mentions (@everyone, @here, @user).

    A zero-width space after a URL scheme, in `www.`, before anything shaped like a top-level domain,
    and after every `@` that starts a word; readers see the same text.
    """
    z = ZERO_WIDTH_SPACE
    if ":" in text:  # each pattern needs its character: most sentences skip most of them
        text = _SCHEME.sub(rf"\1{z}\2", text)
    if "." in text:
        text = _WWW.sub(rf"\1{z}\2", text)
        text = _DOMAIN_DOT.sub(f"{z}.", text)
    return _AT.sub(f"@{z}", text) if "@" in text else text


@dataclass(frozen=True)
class ActorLine:
    name: str
    kind: str
    roles: str


@dataclass(frozen=True)
class PositionLine:
    who: str
    kind: str
    quote: str


@dataclass(frozen=True)
class BriefingParts:
    heading: str
    meta: str
    summary: list[str]
    actors: list[ActorLine]
    positions: list[PositionLine]
    labels: dict[str, str]


def briefing_parts(briefing: Briefing) -> BriefingParts:
    labels = LABELS.get(briefing.language, LABELS["en"])
    kinds = KIND_LABELS.get(briefing.language, KIND_LABELS["en"])
    actors = [
        ActorLine(
            name=a.name if not a.english_name else f"{a.name} ({a.english_name})",
            kind=kinds.get(a.kind, a.kind),
            roles=", ".join(a.roles),
        )
        for a in briefing.actors
    ]
    positions = []
    for position in briefing.positions:
        actor = briefing.actor(position.actor)
        who = actor.name if actor else labels["unknown"]
        positions.append(PositionLine(who=who, kind=position.kind, quote=" ".join(position.text.split())))
    meta = " · ".join(x for x in (briefing.date, briefing.language.upper(), briefing.source) if x)
    return BriefingParts(
        heading=briefing.title or briefing.source or "Briefing",
        meta=meta,
        summary=[" ".join(s.text.split()) for s in briefing.summary],
        actors=actors,
        positions=positions,
        labels=labels,
    )


def truncate(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[: max(0, limit - 1)].rstrip() + "…"


def split_text(text: str, limit: int) -> list[str]:
    """Pieces of at most `limit` chars, cut at a line break, else a space, else anywhere."""
    if limit < 1:
        raise ValueError("limit must be positive")
    pieces: list[str] = []
    rest = text
    while len(rest) > limit:
        window = rest[: limit + 1]
        cut = window.rfind("\n")
        if cut < limit // 2:
            cut = window.rfind(" ")
        if cut < limit // 2:
            cut = limit
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest or not pieces:
        pieces.append(rest)
    return pieces


def pack(lines: Iterable[str], limit: int, *, sep: str = "\n") -> list[str]:
    """Join lines into as few chunks of at most `limit` chars as possible; long lines are split."""
    chunks: list[str] = []
    current = ""
    for line in lines:
        for piece in split_text(line, limit):
            if current and len(current) + len(sep) + len(piece) <= limit:
                current = current + sep + piece
            else:
                if current:
                    chunks.append(current)
                current = piece
    if current:
        chunks.append(current)
    return chunks


def group(sizes: list[int], *, max_items: int, max_total: int) -> list[tuple[int, int]]:
    """Split items of the given sizes into consecutive runs [start, end) within both limits."""
    runs: list[tuple[int, int]] = []
    start, total = 0, 0
    for index, size in enumerate(sizes):
        if index > start and (index - start >= max_items or total + size > max_total):
            runs.append((start, index))
            start, total = index, 0
        total += size
    if start < len(sizes):
        runs.append((start, len(sizes)))
    return runs


def briefing_lines(parts: BriefingParts, bullet: Callable[[str], str] = lambda s: f"• {s}") -> list[str]:
    """The whole briefing as plain lines (console, and a text fallback)."""
    labels = parts.labels
    lines = [parts.heading, parts.meta, "", labels["summary"], *parts.summary, "", labels["actors"]]
    lines += [bullet(actor_plain(a)) for a in parts.actors] or [labels["no_actors"]]
    lines += ["", labels["positions"]]
    lines += [bullet(position_plain(p)) for p in parts.positions] or [labels["no_positions"]]
    return lines


def actor_plain(actor: ActorLine) -> str:
    return f"{actor.name} ({actor.kind})" + (f": {actor.roles}" if actor.roles else "")


def position_plain(position: PositionLine) -> str:
    return f"{position.who} ({position.kind}): {quoted(position.quote)}"


def without_controls(text: str) -> str:
    """Text safe to print to a terminal: control characters (escape sequences) removed."""
    return _CONTROL.sub("", text)


def reply_plain(reply: Reply) -> str:
    """Any reply as plain text, safe to print to a terminal."""
    if reply.briefing is not None:
        return without_controls("\n".join(briefing_lines(briefing_parts(reply.briefing))))
    lines = [reply.text]
    lines += [f"> {quote}" for quote in reply.evidence]
    return without_controls("\n".join(lines))
