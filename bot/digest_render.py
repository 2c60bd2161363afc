"""A digest as chat messages: each platform gives its Markup (escaping, bold, links, size limit)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.digest import DigestContent, Story
from bot.render_chat import KIND_LABELS, pack

LABELS = {
    "de": {
        "digest": "Nachrichtenüberblick",
        "stories": "{n} Meldungen",
        "one_story": "1 Meldung",
        "story": "Meldung",
        "sources": "Quellen",
        "actors": "Akteure",
        "who_said": "Wer hat was gesagt",
        "nothing": "Seit dem letzten Überblick ist nichts Neues eingegangen.",
    },
    "en": {
        "digest": "News digest",
        "stories": "{n} stories",
        "one_story": "1 story",
        "story": "Story",
        "sources": "Sources",
        "actors": "Key actors",
        "who_said": "Who said what",
        "nothing": "Nothing new has arrived since the last digest.",
    },
}


@dataclass(frozen=True)
class Markup:
    """How one platform writes text: `escape` makes article text inert, `link` makes a link."""

    escape: Callable[[str], str]
    bold: Callable[[str], str]
    italic: Callable[[str], str]
    link: Callable[[str, str], str]  # (url, label)
    limit: int


def _same(text: str) -> str:
    return text


PLAIN = Markup(
    escape=_same,
    bold=_same,
    italic=_same,
    link=lambda url, label: f"{label} <{url}>",
    limit=100_000,
)


def labels(language: str) -> dict[str, str]:
    return LABELS.get(language, LABELS["en"])


def _story_block(number: int, story: Story, markup: Markup, words: dict[str, str]) -> str:
    title = markup.escape(story.title)
    heading = f"{number}. " + (markup.link(story.link, story.title) if story.link else title)
    lines = [markup.bold(heading) if not story.link else heading]
    if story.sources:
        lines.append(markup.italic(f"{words['sources']}: " + markup.escape(", ".join(story.sources))))
    lines += [markup.escape(sentence) for sentence in story.summary]
    kinds = KIND_LABELS.get(story.language, KIND_LABELS["en"])
    for actor in story.actors:
        about = ", ".join([kinds.get(actor.kind, actor.kind), *actor.roles])
        line = f"• {markup.bold(markup.escape(actor.name))} ({markup.escape(about)})"
        if actor.positions:
            line += ": “" + markup.escape(actor.positions[0]) + "”"
        lines.append(line)
    return "\n".join(lines)


def render_digest(content: DigestContent, markup: Markup, *, heading: str = "") -> list[str]:
    """The digest as message texts, each within `markup.limit` characters."""
    words = labels(content.language)
    title = heading or words["digest"]
    number = len(content.stories)
    count = words["one_story"] if number == 1 else words["stories"].format(n=number)
    blocks = [markup.bold(markup.escape(f"{title} · {count}"))]
    blocks += [_story_block(n, story, markup, words) for n, story in enumerate(content.stories, 1)]
    if content.who_said:
        lines = [markup.bold(markup.escape(words["who_said"]))]
        for name, said in content.who_said:
            quotes = "; ".join(f"“{markup.escape(s.quote)}” ({s.story})" for s in said)
            lines.append(f"• {markup.bold(markup.escape(name))}: {quotes}")
        blocks.append("\n".join(lines))
    return pack(blocks, markup.limit, sep="\n\n")
