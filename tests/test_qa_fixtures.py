"""Hand-made articles and briefings for the question-answering tests (written for this project).

The briefings are built by hand, so the tests do not depend on the evolving analysis engine.
"""

from __future__ import annotations

import re

from bot.models import Actor, Briefing, Position, Span, SummarySentence

GERMAN_TEXT = """Streit um den Hafenausbau in Nordstadt

Die Regierung von Dänemark will den Hafen von Nordstadt bis 2030 ausbauen. Verkehrsministerin Karen Holm \
sagte am Montag, der Ausbau sei für die Wirtschaft des Landes unverzichtbar. Sie kündigte an, dass die \
Bauarbeiten im Frühjahr beginnen sollen.

Die Umweltorganisation Grüne Küste lehnt das Projekt ab. Ihr Sprecher Jonas Berg warnte: „Der Ausbau \
zerstört das letzte Brutgebiet der Seeschwalben an dieser Küste.“ Die Organisation fordert ein \
unabhängiges Gutachten.

Schweden hat angekündigt, sich an den Kosten nicht zu beteiligen. Der schwedische Handelsminister Erik Lund \
erklärte, sein Land sehe keinen Nutzen für die eigenen Häfen.

Das dänische Parlament hat am Mittwoch beschlossen, die Finanzierung bis Ende des Jahres zu prüfen. \
Umfragen zeigen, dass eine Mehrheit der Anwohner den Ausbau unterstützt.
"""

ENGLISH_TEXT = """Council delays vote on river bridge

The city council of Millbrook postponed a vote on the new river bridge on Tuesday. Mayor Linda Carver \
said the delay was necessary because the cost estimate had risen by 40 percent. She wants an independent \
review before any money is spent.

The Builders Union criticised the decision. "Every week of delay costs our members jobs," said union \
leader Tom Reyes. He urged the council to approve the project by June.

Canada has offered technical advice but no funding, according to the Canadian embassy. Residents of the \
east bank fear that traffic will double once the bridge opens.

A poll published on Monday showed that 58 percent of voters support the bridge.
"""

ActorSpec = tuple[str, str, list[str], list[str]]  # name, kind, aliases, roles
PositionSpec = tuple[str, str, str]  # actor name, kind, content (a substring of the text)

GERMAN_ACTORS: list[ActorSpec] = [
    ("Karen Holm", "person", ["Holm"], ["Verkehrsministerin"]),
    ("Jonas Berg", "person", ["Berg"], ["Sprecher der Grünen Küste", "Sprecher"]),
    ("Grüne Küste", "organisation", ["Umweltorganisation Grüne Küste"], ["Umweltorganisation"]),
    ("Erik Lund", "person", ["Lund"], ["schwedischer Handelsminister", "Handelsminister"]),
    ("Dänemark", "state", ["Regierung von Dänemark"], []),
    ("Schweden", "state", [], []),
    ("Dänisches Parlament", "organisation", ["dänische Parlament"], []),
]
GERMAN_POSITIONS: list[PositionSpec] = [
    ("Karen Holm", "indirect", "der Ausbau sei für die Wirtschaft des Landes unverzichtbar"),
    ("Jonas Berg", "direct", "Der Ausbau zerstört das letzte Brutgebiet der Seeschwalben an dieser Küste."),
    ("Grüne Küste", "reported", "fordert ein unabhängiges Gutachten"),
    ("Erik Lund", "indirect", "sein Land sehe keinen Nutzen für die eigenen Häfen"),
    ("Dänisches Parlament", "decision", "die Finanzierung bis Ende des Jahres zu prüfen"),
]

ENGLISH_ACTORS: list[ActorSpec] = [
    ("Linda Carver", "person", ["Carver"], ["Mayor"]),
    ("Tom Reyes", "person", ["Reyes"], ["union leader"]),
    ("Builders Union", "organisation", [], []),
    ("Millbrook city council", "organisation", ["city council", "council"], []),
    ("Canada", "state", ["Canadian embassy"], []),
    ("Residents of the east bank", "group", ["Residents"], []),
]
ENGLISH_POSITIONS: list[PositionSpec] = [
    ("Linda Carver", "indirect", "the delay was necessary because the cost estimate had risen by 40 percent"),
    ("Tom Reyes", "direct", '"Every week of delay costs our members jobs,"'),
    ("Tom Reyes", "intention", "the council to approve the project by June"),
    ("Residents of the east bank", "reported", "traffic will double once the bridge opens"),
]


def _mentions(text: str, names: list[str]) -> list[Span]:
    spans: set[tuple[int, int]] = set()
    for name in sorted(names, key=len, reverse=True):
        for match in re.finditer(rf"\b{re.escape(name)}\b", text):
            if not any(s <= match.start() < e for s, e in spans):
                spans.add((match.start(), match.end()))
    return [Span(start=s, end=e) for s, e in sorted(spans)]


def build_briefing(
    text: str,
    language: str,
    actors: list[ActorSpec],
    positions: list[PositionSpec],
    *,
    summary_sentences: int = 2,
) -> Briefing:
    models = []
    ids: dict[str, str] = {}
    for i, (name, kind, aliases, roles) in enumerate(actors, start=1):
        ids[name] = f"a{i}"
        models.append(
            Actor(
                id=f"a{i}",
                name=name,
                kind=kind,
                aliases=aliases,
                roles=roles,
                mentions=_mentions(text, [name, *aliases]),
            )
        )
    pos_models = []
    for actor_name, kind, content in positions:
        start = text.index(content)
        pos_models.append(
            Position(
                actor=ids[actor_name],
                kind=kind,
                text=content,
                content=Span(start=start, end=start + len(content)),
            )
        )
    body = [m for m in re.finditer(r"[^\n.!?]+[.!?](?:[“\"])?", text.split("\n\n", 1)[1])]
    offset = text.index("\n\n") + 2
    summary = [
        SummarySentence(text=m.group().strip(), start=offset + m.start(), end=offset + m.end())
        for m in body[:summary_sentences]
    ]
    return Briefing(
        source="fixture",
        language=language,
        title=text.splitlines()[0],
        date=None,
        summary=summary,
        actors=models,
        positions=pos_models,
    )


def german_briefing() -> Briefing:
    return build_briefing(GERMAN_TEXT, "de", GERMAN_ACTORS, GERMAN_POSITIONS)


def english_briefing() -> Briefing:
    return build_briefing(ENGLISH_TEXT, "en", ENGLISH_ACTORS, ENGLISH_POSITIONS)


def bare_briefing(text: str, language: str) -> Briefing:
    """A briefing that knows nothing: QA must still work from the text alone."""
    return Briefing(
        source="bare", language=language, title="", date=None, summary=[], actors=[], positions=[]
    )


def test_fixture_mentions_point_at_names() -> None:
    briefing = german_briefing()
    for actor in briefing.actors:
        assert actor.mentions, actor.name
        for span in actor.mentions:
            assert GERMAN_TEXT[span.start : span.end] in [actor.name, *actor.aliases]


def test_fixture_positions_point_at_content() -> None:
    briefing = english_briefing()
    for position in briefing.positions:
        assert ENGLISH_TEXT[position.content.start : position.content.end] == position.text
