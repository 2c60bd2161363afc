"""German speaker spans resolved to actors (ActorIndex.resolve): role nouns, groups, reports, pronouns
(sentences written for these tests)."""

from __future__ import annotations

import pytest

from bot.analysis.actors import ActorIndex, find_actors
from bot.analysis.document import Document, build_document
from bot.models import Article


def analyse(text: str) -> tuple[Document, ActorIndex]:
    doc = build_document(Article(text=text, language="de"))
    return doc, find_actors(doc)


def holder(doc: Document, index: ActorIndex, text: str, span: str, nth: int = 0) -> str | None:
    start = -1
    for _ in range(nth + 1):
        start = text.index(span, start + 1)
    actor_id = index.resolve(doc, start, start + len(span))
    return {a.id: a.name for a in index.to_models()}.get(actor_id or "")


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        (  # a feminine role noun refers to the holder of the feminine role
            "Bundesjustizministerin Petra Wolf verteidigte das Gesetz. Die Ministerin sagte, es sei nötig.",
            "Die Ministerin",
            "Petra Wolf",
        ),
        (  # a name inside the phrase beats an earlier holder of the same role
            "Der Vereinsvorsitzende Karl Huber sprach zuerst. Der Vorsitzende der Selbsthilfe Istvan "
            "Kovacs hob hervor, der Schutz sei wichtig.",
            "Der Vorsitzende der Selbsthilfe Istvan Kovacs",
            "Istvan Kovacs",
        ),
        (  # plural agent nouns as holders
            "Die Veranstalter zeigten sich zufrieden.",
            "Die Veranstalter",
            "Veranstalter",
        ),
        (
            "Die Aktion wurde von den Veranstaltern als Erfolg gewertet.",
            "den Veranstaltern",
            "Veranstalter",
        ),
        (
            "Schröder-Kenner glaubten damals, dass der Streik ihm schadete.",
            "Schröder-Kenner",
            "Schröder-Kenner",
        ),
        (  # a spokesperson for an institution named before by its full name
            "Die Europäische Kommission bot an zu vermitteln. Laut einer Sprecherin der Kommission soll "
            "im April verhandelt werden.",
            "einer Sprecherin der Kommission",
            "Europäische Kommission",
        ),
        (  # the genitive -s
            "Das Bayerische Innenministerium prüft den Fall. Ein Sprecher des Innenministeriums sagte, man "
            "warte ab.",
            "Ein Sprecher des Innenministeriums",
            "Bayerisches Innenministerium",
        ),
        (  # a report named after its author
            "Der Deutsche Mieterbund (DMB) klagt. In dem DMB-Schreiben heißt es, man sei empört.",
            "dem DMB-Schreiben",
            "Deutscher Mieterbund",
        ),
    ],
)
def test_resolve_descriptions(text: str, span: str, expected: str) -> None:
    doc, index = analyse(text)
    assert holder(doc, index, text, span) == expected


def test_singular_noun_with_an_agent_ending_is_no_group() -> None:
    doc, index = analyse("Die Mutter sagte, sie sei froh.")
    assert holder(doc, index, "Die Mutter sagte, sie sei froh.", "Die Mutter") is None


def test_pronoun_prefers_the_person_of_the_story_over_a_passing_mention() -> None:
    text = (
        "Die Vorsitzende der Partei Gesa Lorenz hat die Kritik zurückgewiesen. Lorenz, die das Amt seit "
        "Jahren führt, hat nun reagiert. Sie nannte den Einsatz der Bundeswehr für solche Ziele falsch. "
        "Sie schlug vor, die Pläne zurückzustellen."
    )
    doc, index = analyse(text)
    assert holder(doc, index, text, "Sie", nth=1) == "Gesa Lorenz"


def test_subject_with_a_relative_clause_is_still_the_subject() -> None:
    text = "Lorenz, die das Amt seit Jahren führt, hat nun reagiert. Die Bundeswehr schwieg."
    _, index = analyse(text)
    lorenz = next(ref for ref in index.refs if text[ref.start : ref.end] == "Lorenz")
    assert lorenz.subject
