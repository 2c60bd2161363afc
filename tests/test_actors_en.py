"""Actor recognition on English sentences written for these tests."""

from __future__ import annotations

import pytest

from bot.analysis.actors import ActorIndex, find_actors
from bot.analysis.document import Document, build_document
from bot.models import Actor, Article


def analyse(text: str) -> tuple[Document, ActorIndex, dict[str, Actor]]:
    doc = build_document(Article(text=text, language="en"))
    index = find_actors(doc)
    return doc, index, {a.name: a for a in index.to_models()}


def test_title_before_the_name_is_a_role_not_part_of_the_name() -> None:
    _, _, actors = analyse("Secretary of State John Miller said on Tuesday that the talks would go on.")
    miller = actors["John Miller"]
    assert miller.kind == "person"
    assert "Secretary of State" in miller.roles


def test_apposition_after_the_name() -> None:
    text = "Carla Diaz, the retired engineer, said the bridge was unsafe. Diaz added that nobody listened."
    _, _, actors = analyse(text)
    diaz = actors["Carla Diaz"]
    assert diaz.roles == ["retired engineer"]
    assert "Diaz" in diaz.aliases


def test_modifier_roles_before_a_name() -> None:
    text = "Democratic nominee Laura Finch and Green Party candidate Tom Reyes met voters in Denver."
    _, _, actors = analyse(text)
    assert actors["Laura Finch"].roles == ["Democratic nominee"]
    assert actors["Tom Reyes"].roles == ["Green Party candidate"]
    assert actors["Green Party"].kind == "organisation"
    assert "Denver" not in actors


def test_demonym_government_names_the_state() -> None:
    _, _, actors = analyse("The French government rejected the plan on Monday.")
    france = actors["France"]
    assert france.kind == "state"
    assert france.english_name is None


def test_acronym_joins_the_organisation_it_abbreviates() -> None:
    text = "The Democratic National Committee apologized. The DNC said the emails were private."
    _, _, actors = analyse(text)
    assert "DNC" in actors["Democratic National Committee"].aliases


def test_places_dates_and_events_are_not_actors() -> None:
    text = (
        "The rally took place in Denver on Saturday and later in Ohio, near the Franklin Convention "
        "Center, before the Republican National Convention in July."
    )
    _, _, actors = analyse(text)
    assert actors == {}


def test_supporters_of_a_person_form_one_group() -> None:
    text = (
        "Some angry Harper supporters threatened to stay home. Hundreds of pro-Harper demonstrators "
        "marched downtown."
    )
    _, _, actors = analyse(text)
    group = actors["Harper supporters"]
    assert group.kind == "group"
    assert "pro-Harper demonstrators" in group.aliases


def test_country_in_a_location_phrase_is_not_an_actor_but_as_subject_it_is() -> None:
    text = "Fighting continued in parts of Syria. Canada should send more aid, the minister said."
    _, _, actors = analyse(text)
    assert "Syria" not in actors
    assert actors["Canada"].kind == "state"


@pytest.mark.parametrize(
    ("text", "speaker", "expected"),
    [
        (
            "Senator Mark Hollis met Governor Jane Porter. She said the budget was fine.",
            "She",
            "Jane Porter",
        ),
        (
            "Jane Porter greeted Mark Hollis in the hall. He said the budget was a disaster.",
            "He",
            "Mark Hollis",
        ),
        (
            "Vermont Senator Mark Hollis spoke first. Later the senator told reporters he would run.",
            "the senator",
            "Mark Hollis",
        ),
        (
            "Mark Hollis is struggling with foreign policy, one of Hollis's advisers told reporters.",
            "one of Hollis's advisers",
            "Hollis's advisers",
        ),
    ],
)
def test_resolve_speaker_spans(text: str, speaker: str, expected: str) -> None:
    doc, index, _ = analyse(text)
    start = text.index(speaker)
    actor_id = index.resolve(doc, start, start + len(speaker))
    names = {a.id: a.name for a in index.to_models()}
    assert names.get(actor_id or "") == expected


def test_first_person_inside_a_quote_is_its_speaker() -> None:
    text = 'Mark Hollis spoke to the crowd. "I will not give up," Hollis said.'
    doc, index, _ = analyse(text)
    start = text.index("I will")
    names = {a.id: a.name for a in index.to_models()}
    assert names[index.resolve(doc, start, start + 1) or ""] == "Mark Hollis"


def test_title_case_headline_adds_no_junk_and_body_names_count() -> None:
    text = "Carson Says He Will Cut Regulations To Reduce Poverty\n\nBen Carson spoke in Ohio on Friday."
    _, _, actors = analyse(text)
    assert set(actors) == {"Ben Carson"}


def test_organisation_title_before_a_name_in_one_run() -> None:
    text = (
        "The American Federation of Teachers backed the plan. AFT President Randi Weingarten said the "
        "AFT would campaign for it."
    )
    _, _, actors = analyse(text)
    assert actors["Randi Weingarten"].roles == ["AFT President"]
    assert "AFT" in actors["American Federation of Teachers"].aliases


def test_capital_as_subject_stands_for_its_state() -> None:
    _, _, actors = analyse("Washington warned Tehran against new missile tests.")
    assert actors["United States"].kind == "state"
    assert "Iran" not in actors
