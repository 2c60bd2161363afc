"""Speakers the German extractor takes from context: continuations, frames that name none, colons."""

from __future__ import annotations

from bot.analysis.document import build_document
from bot.analysis.positions_de import find_positions_de
from bot.analysis.positions_de_context import Context
from bot.analysis.positions_de_speakers import holder_like
from bot.models import Article


def speakers(text: str) -> dict[str, str | None]:
    """Content -> speaker for each position found in the text."""
    doc = build_document(Article(text=text, language="de"))
    return {
        text[p.content[0] : p.content[1]]: text[p.speaker[0] : p.speaker[1]] if p.speaker else None
        for p in find_positions_de(doc)
    }


def speaker_of(text: str, content_start: str) -> str | None:
    found = speakers(text)
    matches = [s for c, s in found.items() if c.startswith(content_start)]
    assert len(matches) == 1, found
    return matches[0]


def test_continuation_with_its_own_acting_holder_goes_to_that_holder() -> None:
    text = (
        "Die Ministerin Petra Lang sagte, der Haushalt sei solide. "
        "Der Fraktionschef Karl Brandt lehnt den Verkauf der Stadtwerke ab, "
        "ein Verkauf von Anteilen werde geprüft."
    )
    assert speaker_of(text, "Der Fraktionschef") == "Der Fraktionschef Karl Brandt"


def test_hearsay_subject_is_not_the_speaker_of_a_continuation() -> None:
    text = (
        "Nach Angaben der Staatsanwaltschaft ist der Mann geflohen. "
        "Der Händler Paul Wendt soll das Geld veruntreut haben."
    )
    assert speaker_of(text, "Der Händler") == "der Staatsanwaltschaft"


def test_passive_subject_is_not_the_speaker_of_a_continuation() -> None:
    text = (
        "Die Feuerwehr sagte, der Brand sei gelöscht. "
        "Zwölf Bewohner wurden verletzt, die Verletzten seien aber nicht in Lebensgefahr."
    )
    assert speaker_of(text, "Zwölf Bewohner") == "Die Feuerwehr"


def test_a_name_in_an_attachment_does_not_make_a_holder() -> None:
    doc = build_document(Article(text="Der Streit mit Siemens wurde beigelegt.", language="de"))
    ctx = Context.build(doc)
    assert [t.tag for t in ctx.toks[:4]] == ["ART", "NN", "APPR", "NE"]
    assert not holder_like(ctx.toks, (0, 4))  # "Der Streit mit Siemens"
    assert holder_like(ctx.toks, (3, 4))  # "Siemens"


def test_a_role_with_an_attachment_is_a_holder() -> None:
    doc = build_document(Article(text="Der Sprecher der Polizei sagte nichts.", language="de"))
    ctx = Context.build(doc)
    assert holder_like(ctx.toks, (0, 4))


def test_frame_without_speaker_takes_the_subject_of_its_own_verb() -> None:
    text = (
        "Der Chef der Fluglinie weist die Vorwürfe zurück. "
        "Seiner Meinung nach hätte die Aufsicht abraten müssen. "
        "Die Kanadier hingegen sagen, der Pilot trage die volle Verantwortung."
    )
    assert speaker_of(text, "der Pilot") == "Die Kanadier"


def test_colon_quote_after_an_object_in_the_prefield_goes_to_the_subject() -> None:
    text = "Jede Schuld an der Affäre weist die Kassiererin Eva Roth von sich: „Ich habe nichts gewusst.“"
    assert speaker_of(text, "„Ich habe") == "die Kassiererin Eva Roth"


def test_colon_quote_takes_the_clause_after_an_earlier_colon() -> None:
    text = (
        "Auch die Kommission kritisierte das Gesetz scharf: "
        "So sagte Olaf Berg, Kommissar für Recht: „Man kann kein Gesetz ohne Debatte verabschieden.“"
    )
    assert speaker_of(text, "„Man kann") == "Olaf Berg"
