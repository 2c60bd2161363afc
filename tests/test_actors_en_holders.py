"""English actors and speaker holders: one test per error class found on held-out-like news
(sentences written for these tests)."""

from __future__ import annotations

import pytest

from bot.analysis.actors import ActorIndex, find_actors
from bot.analysis.document import Document, build_document
from bot.models import Actor, Article


def analyse(text: str) -> tuple[Document, ActorIndex, dict[str, Actor]]:
    doc = build_document(Article(text=text, language="en"))
    index = find_actors(doc)
    return doc, index, {a.name: a for a in index.to_models()}


def holder(text: str, span: str, nth: int = 0) -> str | None:
    doc, index, _ = analyse(text)
    start = -1
    for _ in range(nth + 1):
        start = text.index(span, start + 1)
    actor_id = index.resolve(doc, start, start + len(span))
    return {a.id: a.name for a in index.to_models()}.get(actor_id or "")


# --- pronouns -------------------------------------------------------------------------------------


def test_he_after_a_quote_skips_names_inside_the_quote() -> None:
    text = (
        'Mayor Sadie Cole rejected the offer on Tuesday. "If Frank Doyle wins, I will not go there," '
        "she said. Cole added that she would wait."
    )
    assert holder(text, "she", nth=0) == "Sadie Cole"
    text = 'Governor Tom Reyes spoke first. "If Frank Doyle wins, I will leave," he said.'
    assert holder(text, "he") == "Tom Reyes"


def test_a_speaking_subject_goes_on_speaking_across_sentences() -> None:
    text = (
        'Radio host Carl Manning spoke on Friday. "This is a test of nerves," Manning said. '
        '"Nobody sees it yet." He said that some senators were angry at Paul Harding for agreeing. '
        "He said that Harding was gaining on rivals. He blamed the media for its failure."
    )
    doc, index, _ = analyse(text)
    names = {}
    for span_start in [i for i in range(len(text)) if text.startswith("He ", i)]:
        actor_id = index.resolve(doc, span_start, span_start + 2)
        names[span_start] = {a.id: a.name for a in index.to_models()}.get(actor_id or "")
    assert set(names.values()) == {"Carl Manning"}


def test_relative_pronoun_after_an_apposition_of_age_and_place() -> None:
    text = 'Ann Pruitt, 24, from Dover, who said the town was tired, voted "for change".'
    assert holder(text, "who") == "Ann Pruitt"


# --- descriptions ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        (  # a short form of a known newspaper
            'Hale said so, according to The Boston Globe. "We will see," the Globe reported.',
            "the Globe",
            "Boston Globe",
        ),
        (  # an organisation that only modifies the role noun: the person, not the party
            "Frank Doyle won the primary on Tuesday. The GOP presidential front-runner predicted that "
            "his rival would lose.",
            "The GOP presidential front-runner",
            "Frank Doyle",
        ),
        (  # the holder is named right after a possessive description
            "Jane Kent lost the vote. Kent’s campaign manager, Lisa Fox, stated that they would appeal.",
            "Kent’s campaign manager",
            "Lisa Fox",
        ),
        (  # a bare plural group
            "Candidates will need solid backing, analysts say.",
            "analysts",
            "analysts",
        ),
    ],
)
def test_resolve_descriptions(text: str, span: str, expected: str) -> None:
    assert holder(text, span) == expected


def test_part_of_a_place_name_is_no_new_actor() -> None:
    assert holder("Sparsely populated North Dakota has not voted for them.", "North Dakota") is None


# --- names, kinds, merges -------------------------------------------------------------------------


def test_title_case_headline_does_not_run_names_into_words() -> None:
    text = "Mary Jones Visit To Border Draws Protest.\n\nMary Jones visited the border on Monday."
    _, _, actors = analyse(text)
    assert "Mary Jones Visit" not in actors
    assert len(actors["Mary Jones"].mentions) == 2


def test_epithet_before_a_given_name_is_the_same_person() -> None:
    text = 'Frank Miller spoke on Friday. "I like this debate with Lucky Frank," Tom Reyes said.'
    _, _, actors = analyse(text)
    assert "Lucky Frank" in actors["Frank Miller"].aliases
    assert "Lucky Frank" not in actors


def test_surname_with_another_title_before_the_full_name_is_someone_else() -> None:
    text = (
        "A diplomat said former Secretary Lane put speed over security. The video shows the "
        "administrations of President Bill Lane and President Obama. Secretary Lane did not answer."
    )
    _, _, actors = analyse(text)
    assert actors["Bill Lane"].roles == ["President"]
    assert len(actors["Lane"].mentions) == 2


def test_short_name_goes_to_the_person_named_last_before_it() -> None:
    text = "Hillary Tate won the primary. Tate leads the race. Former President Bill Tate campaigned later."
    _, _, actors = analyse(text)
    assert "Tate" in actors["Hillary Tate"].aliases
    assert "Tate" not in actors["Bill Tate"].aliases


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A company called Harmony Enterprises gave money to the campaign.", "Harmony Enterprises"),
        ("A company called Sunbelt USA sold the lot last year.", "Sunbelt USA"),
        ("Donors also gave to the Clinton Global Initiative last year.", "Clinton Global Initiative"),
    ],
)
def test_organisation_words_at_the_end_of_a_name(text: str, name: str) -> None:
    _, _, actors = analyse(text)
    assert actors[name].kind == "organisation"


def test_letter_case_does_not_split_a_group() -> None:
    text = "Undeclared voters can vote in either primary. Polls show undeclared voters favor Reyes."
    _, _, actors = analyse(text)
    groups = [a for a in actors.values() if a.kind == "group"]
    assert len(groups) == 1


# --- roles ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        ("According to election lawyer Charlie Spade, that is legal.", "Charlie Spade", ["election lawyer"]),
        (
            "Republican candidate Lindsey Gray said that Reyes was decent.",
            "Lindsey Gray",
            ["Republican candidate"],
        ),
        ("Radio talk host Carl Lambert used his platform on Friday.", "Carl Lambert", ["Radio talk host"]),
        ("Sen. Ted Cruise spoke on Monday.", "Ted Cruise", ["Sen."]),
        (
            '"This is bad," said Jeff Bach, communications director for the group America Rising.',
            "Jeff Bach",
            ["communications director for the group America Rising"],
        ),
        (
            "Money went to a group supporting Democratic nominee Hillary Tate.",
            "Hillary Tate",
            ["Democratic nominee"],
        ),
        ("Reyes trails front-runner Hillary Tate in California.", "Hillary Tate", ["front-runner"]),
    ],
)
def test_roles_with_noun_modifiers(text: str, name: str, roles: list[str]) -> None:
    _, _, actors = analyse(text)
    assert actors[name].roles == roles


def test_complement_of_a_title_is_no_role() -> None:
    _, _, actors = analyse("The probe needed access to then-Secretary of State Tate’s emails. Tate said no.")
    assert actors["Tate"].roles == []


def test_possessive_role_before_an_apposition() -> None:
    _, _, actors = analyse("Kent’s campaign manager, Lisa Fox, stated that they would appeal.")
    assert actors["Lisa Fox"].roles == ["Kent’s campaign manager"]
