"""English positions: counted subjects, participle clauses, scene-setting openers, headline colons."""

from __future__ import annotations

from english_positions import positions


def test_a_quantifier_is_the_subject_of_a_verb_of_saying() -> None:
    assert positions("Many said they would vote for the governor again.") == [
        ("they would vote for the governor again", "Many")
    ]


def test_a_quantifier_before_a_participle_is_still_adjectival() -> None:
    assert positions("The 40 pledged delegates went home early.") == []


def test_a_verb_of_saying_read_as_a_noun_after_a_number() -> None:
    contents = [content for content, _ in positions("Nearly nine out of 10 say they will need new skills.")]
    assert contents == ["they will need new skills"]


def test_a_participle_clause_reports_what_follows_it() -> None:
    found = positions("Garcia thanked her volunteers in Denver, calling the result a turning point.")
    assert ("the result a turning point", "Garcia") in found
    assert all(content != "Garcia thanked her volunteers in Denver" for content, _ in found)


def test_a_scene_setting_opener_is_no_content() -> None:
    found = positions("At one point, the mayor mentioned the harbour project.")
    assert [content for content, _ in found] == ["the harbour project"]


def test_a_clause_before_the_comma_is_still_content() -> None:
    assert positions("Taxes will rise next year, the minister said.") == [
        ("Taxes will rise next year", "the minister")
    ]


def test_an_apposition_is_no_inverted_speaker() -> None:
    found = positions("John Miller, the club's chairman, posted a photo of the new stand.")
    assert found == [("a photo of the new stand", "John Miller")]


def test_a_headline_source_keeps_a_cue_inside_its_content() -> None:
    text = "Report: Half the council meetings were with donors, mayor says\n\nThe council met again."
    found = positions(text)
    assert ("Half the council meetings were with donors, mayor says", "Report") in found


def test_a_title_cased_headline_without_a_verb_the_tagger_knows() -> None:
    text = "Poll: Garcia Ties Miller in a Tight Three-Way Contest\n\nThe poll was taken in May."
    assert ("Garcia Ties Miller in a Tight Three-Way Contest", "Poll") in positions(text)


def test_a_list_of_names_after_a_colon_is_no_headline() -> None:
    text = "Delegates: Anna Berg, Carl Dunn, Eva Fox, Gil Hart\n\nThey met in May."
    assert positions(text) == []
