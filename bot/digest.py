"""Composing a digest from stored briefings: stories (grouped across feeds) and who said what.

Several feeds carrying the same news become one story: same canonical URL, or titles sharing at
least half of their content words. Each story keeps its title, link, the first two sentences of
its summary and its key actors with their positions; "who said what" then lists, per actor, what
they said across all stories.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from bot.models import Article, Briefing
from bot.sources.identity import canonical_url

SUMMARY_SENTENCES = 2
KEY_ACTORS = 3
QUOTE_CHARS = 220
WHO_SAID_ACTORS = 12
WHO_SAID_QUOTES = 3
SAME_STORY = 0.5  # share of title words two items must have in common to be one story

_TITLE_WORD = re.compile(r"\w{4,}")


@dataclass(frozen=True)
class DigestEntry:
    """One stored item that goes into a digest."""

    article_id: int
    article: Article
    briefing: Briefing
    feed_titles: tuple[str, ...] = ()


@dataclass(frozen=True)
class KeyActor:
    name: str
    kind: str
    roles: list[str]
    positions: list[str]


@dataclass(frozen=True)
class Story:
    key: str
    title: str
    link: str | None
    sources: list[str]
    summary: list[str]
    actors: list[KeyActor]
    article_ids: list[int]
    language: str


@dataclass(frozen=True)
class Said:
    story: int  # 1-based number of the story
    kind: str
    quote: str


@dataclass(frozen=True)
class DigestContent:
    stories: list[Story]
    who_said: list[tuple[str, list[Said]]] = field(default_factory=list)

    @property
    def language(self) -> str:
        german = sum(1 for s in self.stories if s.language == "de")
        return "de" if german > len(self.stories) / 2 else "en"


_QUOTES = "\"'„“”‚‘’»«›‹"


def clip(text: str, limit: int = QUOTE_CHARS) -> str:
    """One line of at most `limit` characters, without the quotation marks around it."""
    text = " ".join(text.split())
    if len(text) > 2 and text[0] in _QUOTES and text[-1] in _QUOTES:
        text = text[1:-1].strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _title_words(title: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in _TITLE_WORD.findall(title))


def _similar(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b:
        return False
    return len(a & b) / min(len(a), len(b)) >= SAME_STORY and len(a & b) >= 2


def group_stories(entries: list[DigestEntry]) -> list[list[DigestEntry]]:
    """Entries grouped into stories, in order of each story's first entry."""
    groups: list[list[DigestEntry]] = []
    signatures: list[tuple[set[str], list[frozenset[str]]]] = []
    for entry in entries:
        url = canonical_url(entry.article.url) if entry.article.url else ""
        words = _title_words(entry.article.title or entry.briefing.title)
        for index, (urls, titles) in enumerate(signatures):
            if (url and url in urls) or any(_similar(words, other) for other in titles):
                groups[index].append(entry)
                if url:
                    urls.add(url)
                titles.append(words)
                break
        else:
            groups.append([entry])
            signatures.append(({url} if url else set(), [words]))
    return groups


def _key_actors(briefing: Briefing) -> list[KeyActor]:
    by_actor: dict[str, list[str]] = defaultdict(list)
    for position in briefing.positions:
        if position.actor:
            by_actor[position.actor].append(position.text)
    ranked = sorted(briefing.actors, key=lambda a: (-len(by_actor.get(a.id, [])), -len(a.mentions)))
    return [
        KeyActor(a.name, a.kind, list(a.roles[:2]), [clip(q, 160) for q in by_actor.get(a.id, [])[:1]])
        for a in ranked[:KEY_ACTORS]
        if by_actor.get(a.id) or a.mentions
    ]


def _story(group: list[DigestEntry]) -> Story:
    lead = max(group, key=lambda e: (len(e.briefing.positions), len(e.article.text)))
    sources = list(dict.fromkeys(title for e in group for title in e.feed_titles))
    return Story(
        key=f"story-{min(e.article_id for e in group)}",
        title=lead.article.title or lead.briefing.title or "(untitled)",
        link=lead.article.url,
        sources=sources,
        summary=[clip(s.text, 400) for s in lead.briefing.summary[:SUMMARY_SENTENCES]],
        actors=_key_actors(lead.briefing),
        article_ids=sorted(e.article_id for e in group),
        language=lead.briefing.language,
    )


def _who_said(groups: list[list[DigestEntry]]) -> list[tuple[str, list[Said]]]:
    said: dict[str, list[Said]] = defaultdict(list)
    names: dict[str, str] = {}
    for number, group in enumerate(groups, 1):
        seen: set[tuple[str, str]] = set()
        for entry in group:
            for position in entry.briefing.positions:
                actor = entry.briefing.actor(position.actor)
                if actor is None or actor.kind not in ("person", "organisation", "state", "group"):
                    continue
                name = actor.english_name or actor.name
                key = name.casefold()
                quote = clip(position.text)
                if (key, quote) in seen:
                    continue
                seen.add((key, quote))
                names.setdefault(key, actor.name)
                said[key].append(Said(number, position.kind, quote))
    ranked = sorted(said, key=lambda k: (-len({s.story for s in said[k]}), -len(said[k]), names[k]))
    return [(names[k], said[k][:WHO_SAID_QUOTES]) for k in ranked[:WHO_SAID_ACTORS]]


def compose(entries: list[DigestEntry]) -> DigestContent:
    groups = group_stories(entries)
    return DigestContent(stories=[_story(g) for g in groups], who_said=_who_said(groups))
