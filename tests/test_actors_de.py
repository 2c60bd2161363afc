"""Actor recognition on German sentences written for these tests."""

from __future__ import annotations

import pytest

from bot.analysis.actors import ActorIndex, find_actors
from bot.analysis.document import Document, build_document
from bot.models import Actor, Article


def analyse(text: str) -> tuple[Document, ActorIndex, dict[str, Actor]]:
    doc = build_document(Article(text=text, language="de"))
    index = find_actors(doc)
    return doc, index, {a.name: a for a in index.to_models()}


def test_apposition_before_the_name_gives_roles() -> None:
    text = (
        "Der Politikwissenschaftler und Direktor des Instituts für Friedensforschung, Thomas Berger, "
        "sagte am Montag, die Lage sei ernst."
    )
    _, _, actors = analyse(text)
    berger = actors["Thomas Berger"]
    assert berger.kind == "person"
    assert "Politikwissenschaftler" in berger.roles
    assert "Direktor des Instituts für Friedensforschung" in berger.roles


def test_title_with_adjective_and_surname_alias() -> None:
    text = (
        "Die österreichische Außenministerin Karin Weber traf am Dienstag in Wien ihre Amtskollegen. "
        "Weber sagte danach, man sei sich einig."
    )
    _, _, actors = analyse(text)
    weber = actors["Karin Weber"]
    assert weber.roles == ["österreichische Außenministerin"]
    assert "Weber" in weber.aliases
    assert len(weber.mentions) == 2
    assert "Wien" not in actors


def test_apposition_after_the_name_with_country_genitive() -> None:
    text = "Markus Feld, der Verteidigungsminister Belgiens, sagte, die Truppen blieben im Land."
    _, _, actors = analyse(text)
    assert actors["Markus Feld"].roles == ["Verteidigungsminister Belgiens"]
    assert actors["Belgien"].kind == "state"
    assert actors["Belgien"].english_name == "Belgium"


def test_demonyms_name_states() -> None:
    text = "Die Italiener lehnen den Plan ab. Auch spanische Soldaten bleiben vorerst im Einsatz."
    _, _, actors = analyse(text)
    assert actors["Italien"].kind == "state"
    assert actors["Italien"].english_name == "Italy"
    assert "Italiener" in actors["Italien"].aliases
    assert "spanische Soldaten" in actors["Spanien"].aliases


def test_places_that_only_locate_are_not_actors() -> None:
    text = (
        "Das Treffen fand im Oktober in Lissabon statt. Danach reisten die Gäste nach Marokko und "
        "Tunesien weiter, um im Nahen Osten Gespräche zu führen."
    )
    _, _, actors = analyse(text)
    for place in ("Lissabon", "Marokko", "Tunesien", "Naher Osten", "Nahen Osten", "Oktober"):
        assert place not in actors


def test_a_country_as_subject_is_an_actor() -> None:
    _, _, actors = analyse("Nach langen Gesprächen will Schweden seine Botschaft wieder öffnen.")
    assert actors["Schweden"].kind == "state"


def test_capital_stands_for_government_only_as_subject() -> None:
    _, _, acting = analyse("Moskau warnte die Nachbarländer vor weiteren Schritten.")
    assert acting["Russland"].kind == "state"
    assert "Moskau" in acting["Russland"].aliases
    _, _, locating = analyse("In Moskau regnete es am Wochenende ununterbrochen.")
    assert "Russland" not in locating


def test_national_institution_is_an_organisation() -> None:
    _, _, actors = analyse("Das polnische Parlament hat das Gesetz am Freitag beschlossen.")
    parliament = actors["Polnisches Parlament"]
    assert parliament.kind == "organisation"


def test_government_adjective_names_the_state() -> None:
    _, _, actors = analyse("Die griechische Regierung kündigte neue Sparmaßnahmen an.")
    assert actors["Griechenland"].kind == "state"
    assert "griechische Regierung" in actors["Griechenland"].aliases


def test_inflected_organisation_and_its_acronym_are_one_actor() -> None:
    text = "Die Europäische Union will helfen. Ein Sprecher der Europäischen Union sagte, die EU zahle."
    _, _, actors = analyse(text)
    union = actors["Europäische Union"]
    assert union.english_name == "European Union"
    assert {"EU", "Europäischen Union"} <= set(union.aliases)
    assert len(union.mentions) == 3


def test_armed_group_from_gazetteer_and_modified_group_as_subject() -> None:
    text = (
        "Der Islamische Staat hat sich zu dem Anschlag bekannt. Im Osten haben pro-russische "
        "Separatisten die Stadt besetzt."
    )
    _, _, actors = analyse(text)
    assert actors["Islamischer Staat"].kind == "group"
    assert actors["pro-russische Separatisten"].kind == "group"


def test_dates_and_weekdays_are_not_actors() -> None:
    _, _, actors = analyse("Am Montag, dem 3. März, und im Mai wurde darüber gesprochen.")
    assert actors == {}


@pytest.mark.parametrize(
    ("text", "speaker", "expected"),
    [
        (
            "Die Ministerin Anna Schulz besuchte das Lager. Sie sagte, die Lage sei dramatisch.",
            "Sie",
            "Anna Schulz",
        ),
        (
            "Der Botschafter Peter Lang traf die Ärztin Maria Roth. Er sagte, man müsse handeln.",
            "Er",
            "Peter Lang",
        ),
        (
            "Der deutsche Finanzminister Olaf Brandt kam spät. Dann traf die Bürgermeisterin Eva Kern "
            "ein. Der Minister erklärte, der Haushalt stehe.",
            "Der Minister",
            "Olaf Brandt",
        ),
        (
            "Polen und Ungarn streiten seit Wochen. Eine Sprecherin der polnischen Regierung sagte, "
            "man bleibe hart.",
            "Eine Sprecherin der polnischen Regierung",
            "Polen",
        ),
    ],
)
def test_resolve_speaker_spans(text: str, speaker: str, expected: str) -> None:
    doc, index, _ = analyse(text)
    start = text.rindex(speaker)
    actor_id = index.resolve(doc, start, start + len(speaker))
    names = {a.id: a.name for a in index.to_models()}
    assert names.get(actor_id or "") == expected


def test_resolve_a_company_spokesperson_and_unknown_words() -> None:
    text = "Nach Angaben der Polizei wurde niemand verletzt. Das Wetter blieb ruhig."
    doc, index, _ = analyse(text)
    start = text.index("der Polizei")
    police = index.resolve(doc, start, start + len("der Polizei"))
    assert {a.id: a.name for a in index.to_models()}[police or ""] == "Polizei"
    weather = text.index("Das Wetter")
    assert index.resolve(doc, weather, weather + len("Das Wetter")) is None


def test_definite_institution_as_subject_is_an_organisation() -> None:
    _, _, actors = analyse("Die Polizei geht von einem Unfall aus. Zeugen werden gesucht.")
    assert actors["Polizei"].kind == "organisation"


def test_genitive_full_name_before_a_noun_is_the_same_person() -> None:
    text = "Der Sender zeigt David Kaminskis neue Serie. David Kaminski hat sie selbst geschrieben."
    _, _, actors = analyse(text)
    assert [a.name for a in actors.values() if a.kind == "person"] == ["David Kaminski"]
