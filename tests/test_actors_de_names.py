"""German actor names, kinds, merges and roles: one test per error class found on held-out-like news
(sentences written for these tests)."""

from __future__ import annotations

from bot.analysis.actors import ActorIndex, find_actors
from bot.analysis.document import Document, build_document
from bot.models import Actor, Article


def analyse(text: str) -> tuple[Document, ActorIndex, dict[str, Actor]]:
    doc = build_document(Article(text=text, language="de"))
    index = find_actors(doc)
    return doc, index, {a.name: a for a in index.to_models()}


# --- missed organisations -------------------------------------------------------------------------


def test_keyword_noun_and_name_noun_form_an_organisation() -> None:
    text = (
        "Die Stiftung Bürgerschutz feiert ihr Jubiläum. Unter der Führung des Arbeitskreises "
        "Mietrecht demonstrierten viele, darunter die Tierschutzpartei Österreich, gegen das Gesetz."
    )
    _, _, actors = analyse(text)
    assert actors["Stiftung Bürgerschutz"].kind == "organisation"
    assert actors["Arbeitskreis Mietrecht"].kind == "organisation"
    assert actors["Tierschutzpartei Österreich"].kind == "organisation"


def test_object_noun_before_a_participle_is_no_name() -> None:
    _, _, actors = analyse("Gestern hat der Verband Klage eingereicht.")
    assert not any(name.startswith("Verband") for name in actors)


def test_capitalised_adjective_with_organisation_keyword() -> None:
    text = (
        "Unter den Rednern war Lea Sommer von der Humanistischen Jugend und Tom Kranz von der Freien Union."
    )
    _, _, actors = analyse(text)
    assert actors["Humanistische Jugend"].kind == "organisation"
    assert actors["Freie Union"].kind == "organisation"


def test_acronym_in_brackets_joins_the_organisation_before_it() -> None:
    text = (
        "Dazu riefen der Chaos Schachclub (CSC) und der Tier- und Naturschutzbund Bayern (TNB) auf. "
        "Der TNB kritisierte die Stadt."
    )
    _, _, actors = analyse(text)
    assert "CSC" in actors["Chaos Schachclub"].aliases
    club = actors["Tier- und Naturschutzbund Bayern"]
    assert "TNB" in club.aliases
    assert len(club.mentions) == 3


def test_legal_form_suffix_makes_an_organisation() -> None:
    text = "Die Studie der Bildungs-Analyse-System GmbH (BAS) liegt vor. Die BAS arbeitet für Länder."
    _, _, actors = analyse(text)
    assert "BAS" in actors["Bildungs-Analyse-System GmbH"].aliases


# --- wrong kinds and wrong splits -------------------------------------------------------------------


def test_person_after_an_organisation_noun_stays_a_person() -> None:
    text = "Der Sprecher der grünen Landtagsfraktion Jonas Keller kritisierte das. Jonas Keller blieb."
    _, _, actors = analyse(text)
    keller = actors["Jonas Keller"]
    assert keller.kind == "person"
    assert keller.roles == ["Sprecher der grünen Landtagsfraktion"]
    assert len([a for a in actors.values() if a.name == "Jonas Keller"]) == 1


def test_bare_company_name_joins_the_company_named_later() -> None:
    text = (
        "Im Ergebnis wird Solvia in den Konzern integriert. Der Kredit ging an die Firma Solvia. "
        "Solvia hatte die Übernahme angestrebt."
    )
    _, _, actors = analyse(text)
    kranich = [a for a in actors.values() if a.name == "Solvia"]
    assert len(kranich) == 1
    assert kranich[0].kind == "organisation"
    assert len(kranich[0].mentions) == 3


def test_legal_form_and_letter_case_do_not_split_a_company() -> None:
    text = (
        "Nach Angaben des Unternehmens Lumio Inc wurde die App oft genutzt. LuMio ist beliebt. LuMio wächst."
    )
    _, _, actors = analyse(text)
    companies = [a for a in actors.values() if a.kind == "organisation"]
    assert len(companies) == 1
    assert "LuMio" in companies[0].aliases


def test_party_named_by_the_first_word_of_its_full_name() -> None:
    text = (
        "In der Partei Fidesz Ungarischer Bürgerbund haben die Konservativen ihre Heimat. "
        "Seit 2010 regiert Fidesz das Land."
    )
    _, _, actors = analyse(text)
    party = actors["Fidesz Ungarischer Bürgerbund"]
    assert party.kind == "organisation"
    assert "Fidesz" in party.aliases
    assert "Fidesz" not in actors


def test_online_medium_is_an_organisation() -> None:
    _, _, actors = analyse("Die Technik wurde von Golem Online untersucht und für sicher befunden.")
    assert actors["Golem Online"].kind == "organisation"


# --- junk: things named like persons ---------------------------------------------------------------


def test_a_name_with_an_article_is_no_person() -> None:
    _, _, actors = analyse(
        "Der Jupiter zieht seine Bahn. Der Jupiter wurde von Sonden besucht. Wie beim Jupiter."
    )
    assert "Jupiter" not in actors


def test_index_followed_by_a_number_is_no_person() -> None:
    _, _, actors = analyse("Der STOXX Europe 600 schloss im Plus. Der STOXX Europe 600 stieg weiter.")
    assert not any(a.kind == "person" for a in actors.values())


def test_quoted_name_after_a_common_noun_is_no_person() -> None:
    text = "Die Gäste hatten im Café „Da Marco“ gefeiert. Obama stellte sein „Dream Team“ am Samstag vor."
    _, _, actors = analyse(text)
    assert "Marco" not in actors
    assert "Dream Team" not in actors


def test_name_after_a_place_word_is_part_of_the_place() -> None:
    _, _, actors = analyse("Die Männer stammen aus San Pietro. Der Streit in San Pietro dauert an.")
    assert "Pietro" not in actors


# --- roles ----------------------------------------------------------------------------------------


def test_role_with_genitive_complement_before_the_name() -> None:
    text = "Die Vorsitzende der Grünen Jugend Lea Sommer hat die Kritik zurückgewiesen."
    _, _, actors = analyse(text)
    assert actors["Lea Sommer"].roles == ["Vorsitzende der Grünen Jugend"]


def test_comma_apposition_inside_a_clause_gives_the_role() -> None:
    text = (
        "Eine Folge ist der Rücktritt des langjährigen Vorstandsvorsitzenden, Peter Brandl, der ein "
        "anderes Konzept verfolgte. Sie kritisierte den Fraktionsvorsitzenden der Partei im Landtag, "
        "Uwe Kern, scharf."
    )
    _, _, actors = analyse(text)
    assert actors["Peter Brandl"].roles[0] == "langjähriger Vorstandsvorsitzender"
    assert actors["Uwe Kern"].roles == ["Fraktionsvorsitzender der Partei im Landtag"]


def test_list_of_ministers_keeps_each_role_with_its_name() -> None:
    text = "Zurück traten Bildungsminister Karl Heine, Kulturminister Paul Ross und andere."
    _, _, actors = analyse(text)
    assert actors["Paul Ross"].roles == ["Kulturminister"]


def test_nominalised_adjective_role_in_the_nominative() -> None:
    text = "Der Vereinsvorsitzende Karl Huber sprach. Mit den ehemaligen Parteivorsitzenden Max Ott ging es."
    _, _, actors = analyse(text)
    assert actors["Karl Huber"].roles == ["Vereinsvorsitzender"]
    assert actors["Max Ott"].roles == ["ehemaliger Parteivorsitzender"]


def test_surname_that_is_also_a_town() -> None:
    text = "Der Politiker Thomas Essen ist neu im Amt. Essen sagte am Montag, er bleibe. Er wohnt in Essen."
    _, _, actors = analyse(text)
    essen = actors["Thomas Essen"]
    assert len(essen.mentions) == 2
