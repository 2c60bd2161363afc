"""English positions: constructions added for recall (quotations ending a sentence before their tag,
speakers the tagger misreads after a quotation, left content of "found" and "as X noted", adverbial
clauses with attributions of their own, answers, coordinated poll figures)."""

from __future__ import annotations

from english_positions import positions


def test_question_quote_before_a_verb_only_sentence() -> None:
    text = "The polls were close. “Can we win Illinois?” Mr. Manafort asked."
    assert positions(text) == [("“Can we win Illinois?”", "Mr. Manafort")]


def test_question_quote_joins_the_quote_after_its_tag() -> None:
    text = "The polls were close. “Can we win Illinois?” Mr. Manafort asked. “I don’t know. But we can try.”"
    assert positions(text) == [(text[text.index("“Can") :], "Mr. Manafort")]


def test_a_sentence_after_a_question_quote_keeps_its_own_content() -> None:
    text = "“Can we win Illinois?” Smith said the crowd roared."
    assert positions(text) == [("the crowd roared", "Smith")]


def test_findings_left_of_the_source() -> None:
    assert positions("Clinton has kept her support among black voters, the survey found.") == [
        ("Clinton has kept her support among black voters", "the survey")
    ]


def test_findings_of_a_document_as_a_noun_phrase() -> None:
    assert positions("A recent CNN survey found 90 percent support for background checks.") == [
        ("90 percent support for background checks", "A recent CNN survey")
    ]


def test_found_with_a_plain_object_is_no_attribution() -> None:
    assert positions("He found them in the garage.") == []


def test_clause_before_as_x_noted() -> None:
    assert positions("The plan is a classic scare tactic, as David Dayen noted.") == [
        ("The plan is a classic scare tactic", "David Dayen")
    ]


def test_passive_with_first_between_auxiliary_and_verb() -> None:
    assert positions("The meeting was first reported by Politico.") == [
        ("The meeting was first reported by Politico", "Politico")
    ]


def test_name_after_a_quotation_whatever_its_tag() -> None:
    text = "The polls were close. “It’s unanimous,” Levine said."
    assert positions(text) == [("“It’s unanimous,”", "Levine")]


def test_speaker_with_an_apposition_after_a_quotation() -> None:
    text = "He was calm. “Very good reporter, this guy,” Trump, the nominee, said."
    assert positions(text) == [("“Very good reporter, this guy,”", "Trump")]


def test_answer_word_is_the_content() -> None:
    found = positions("Asked if he is fit to serve, 72 percent of Democrats said yes.")
    assert ("yes", "72 percent of Democrats") in found


def test_adverbial_clause_with_its_own_attribution() -> None:
    text = "The state admitted it made a mistake when a local pediatrician reported high lead levels."
    assert positions(text) == [
        ("it made a mistake", "The state"),
        ("high lead levels", "a local pediatrician"),
    ]


def test_coordinated_poll_figures_are_two_positions() -> None:
    text = "Most voters said the party does not care about them, and more than 4 in 10 said it was hostile."
    assert [content for content, _ in positions(text)] == [
        "the party does not care about them",
        "it was hostile",
    ]


def test_source_marker_with_coordinated_adjectives() -> None:
    text = "She was leading in Kentucky, according to complete but unofficial returns."
    assert positions(text) == [("She was leading in Kentucky", "complete but unofficial returns")]


def test_quotation_tag_of_an_action_verb_takes_the_quotation() -> None:
    assert positions('He was calm. "Quiet," he demanded, as Bush continued.') == [('"Quiet,"', "he")]


def test_scene_setting_opening_is_not_content() -> None:
    text = "Speaking to reporters on Monday, Beck said, “It is a disaster.”"
    assert positions(text) == [("“It is a disaster.”", "Beck")]


def test_parenthetical_speaker_keeps_the_subject() -> None:
    assert positions("The plan, Beck said, is a disaster.") == [
        ("The plan, Beck said, is a disaster", "Beck")
    ]


def test_participle_after_a_quotation_has_its_own_content() -> None:
    text = (
        "Trump insisted that he has “expanded the party,” claiming that he is responsible for higher turnout."
    )
    assert positions(text) == [
        ("that he has “expanded the party,”", "Trump"),
        ("that he is responsible for higher turnout", "Trump"),
    ]


def test_question_quote_before_a_tag_with_a_subordinate_clause() -> None:
    text = "“Who can remember how many states I lost? Is it two?” Clinton asks as a guard walks by."
    assert positions(text) == [("“Who can remember how many states I lost? Is it two?”", "Clinton")]


def test_multi_sentence_quotation_before_a_tag_with_a_setting() -> None:
    text = 'It was over. "He is a gifted politician. He has remarkable gifts," Starr said during a panel.'
    assert positions(text) == [('"He is a gifted politician. He has remarkable gifts,"', "Starr")]
