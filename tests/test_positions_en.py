"""The English position extractor on sentences written for these tests, one construction each."""

from __future__ import annotations

import pytest

from bot.analysis.document import build_document
from bot.analysis.positions import RawPosition
from bot.analysis.positions_en import find_positions_en
from bot.analysis.positions_en_quotes import find_quotes
from bot.models import Article

Found = tuple[str, str, str | None]


def found_in(text: str) -> list[RawPosition]:
    return find_positions_en(build_document(Article(text=text, language="en")))


def positions(text: str) -> list[Found]:
    """(kind, content, speaker) for each position found in the text."""
    return [
        (p.kind, text[p.content[0] : p.content[1]], text[p.speaker[0] : p.speaker[1]] if p.speaker else None)
        for p in found_in(text)
    ]


def only(text: str) -> Found:
    found = positions(text)
    assert len(found) == 1, found
    return found[0]


def test_quote_with_the_speaker_after_it() -> None:
    assert only('"We will win this race," Smith said.') == ("direct", '"We will win this race,"', "Smith")


def test_quote_with_an_inverted_speaker_and_an_apposition() -> None:
    kind, content, speaker = only('"We will win this race," said Jane Smith, the mayor of Springfield.')
    assert (kind, content, speaker) == ("direct", '"We will win this race,"', "Jane Smith")


def test_quote_after_a_colon() -> None:
    assert only('The mayor said: "We will rebuild the bridge."') == (
        "direct",
        '"We will rebuild the bridge."',
        "The mayor",
    )


def test_quote_in_two_pieces_is_one_position() -> None:
    text = '"We will win," Smith said. "And then we will govern."'
    kind, content, speaker = only(text)
    assert (kind, speaker) == ("direct", "Smith")
    assert content.startswith('"We will win,"') and content.endswith('"And then we will govern."')


def test_quote_over_several_paragraphs_stays_with_its_speaker() -> None:
    text = (
        'The senator spoke at length. "First, we cut the waste," she said.\n\n'
        '"Second, we invest in roads.\n\n'
        '"Third, we balance the budget."\n\nThe audience applauded.'
    )
    kind, content, speaker = only(text)
    assert (kind, speaker) == ("direct", "she")
    assert content.startswith('"First') and content.endswith('balance the budget."')


def test_doubled_apostrophes_are_quotation_marks() -> None:
    assert only("''The economy is strong,'' Mr. Brown told reporters.") == (
        "direct",
        "''The economy is strong,''",
        "Mr. Brown",
    )


def test_indirect_speech_with_that() -> None:
    assert only("The governor said that taxes would rise next year.") == (
        "indirect",
        "that taxes would rise next year",
        "The governor",
    )


def test_told_reporters_skips_the_addressee_and_the_time() -> None:
    kind, content, speaker = only("Jones told reporters on Monday that the plan had failed.")
    assert (kind, content, speaker) == ("indirect", "that the plan had failed", "Jones")


def test_paraphrase_with_the_speaker_after_it() -> None:
    kind, content, speaker = only("The strike will end soon, said Anna Berg, a spokeswoman for the union.")
    assert (kind, content, speaker) == ("indirect", "The strike will end soon", "Anna Berg")


def test_paraphrase_before_the_frame() -> None:
    assert only("Sales were great this year, he said.") == ("indirect", "Sales were great this year", "he")


def test_apposition_between_speaker_and_verb() -> None:
    _, content, speaker = only("Anna Berg, a spokeswoman for the union, said the strike would end on Friday.")
    assert (content, speaker) == ("the strike would end on Friday", "Anna Berg")


def test_parenthetical_frame_covers_both_sides() -> None:
    _, content, speaker = only("The plan, he said, is sound.")
    assert speaker == "he"
    assert content.startswith("The plan") and content.endswith("is sound")


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "According to the ministry, exports fell by four percent.",
            "exports fell by four percent",
            "the ministry",
        ),
        (
            "Exports fell sharply last year, according to officials in the ministry.",
            "Exports fell sharply last year",
            "officials in the ministry",
        ),
    ],
)
def test_according_to(text: str, content: str, speaker: str) -> None:
    assert only(text) == ("reported", content, speaker)


def test_belief() -> None:
    assert only("Many economists believe the recession is over.") == (
        "indirect",
        "the recession is over",
        "Many economists",
    )


def test_intention() -> None:
    assert only("The company plans to close two factories in Ohio.") == (
        "intention",
        "to close two factories in Ohio",
        "The company",
    )


def test_decision() -> None:
    assert only("The council decided to postpone the vote until March.") == (
        "decision",
        "to postpone the vote until March",
        "The council",
    )


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The senator accused the agency of hiding the data.",
            "the agency of hiding the data",
            "The senator",
        ),
        ("She blamed the storm for the delays.", "the storm for the delays", "She"),
        ("Sanders has repeatedly called for a higher minimum wage.", "for a higher minimum wage", "Sanders"),
    ],
)
def test_accusations_and_demands(text: str, content: str, speaker: str) -> None:
    assert only(text) == ("action", content, speaker)


def test_nested_attribution_is_one_position() -> None:
    assert only("Smith said the minister wants to resign.") == (
        "indirect",
        "the minister wants to resign",
        "Smith",
    )


def test_cue_inside_a_quotation_is_not_a_position() -> None:
    assert only('"I think we will win," she said.') == ("direct", '"I think we will win,"', "she")


def test_relative_pronoun_is_the_local_speaker_and_the_clause_ends_at_the_comma() -> None:
    _, content, speaker = only("The mayor, who said the budget was balanced, left the meeting early.")
    assert (content, speaker) == ("the budget was balanced", "who")


def test_participle_takes_the_subject_of_its_clause() -> None:
    found = positions("The minister defended the plan, saying it would create jobs.")
    assert ("indirect", "it would create jobs", "The minister") in found
    assert ("action", "the plan", "The minister") in found


def test_coordinated_verbs_share_the_subject() -> None:
    found = positions("The union endorsed Clinton and urged its members to vote.")
    assert [speaker for _, _, speaker in found] == ["The union", "The union"]


def test_contrast_ends_the_content() -> None:
    found = only("The senator argued that the bill would hurt farmers, but critics disagreed.")
    assert found[1] == "that the bill would hurt farmers"


def test_passive_with_an_agent() -> None:
    _, content, speaker = only("The proposal was criticized by the opposition.")
    assert speaker == "the opposition"
    assert content.startswith("The proposal")


def test_seem_to_has_the_subject_as_holder() -> None:
    _, content, speaker = only("Voters seem to favor the incumbent.")
    assert speaker == "Voters"
    assert "to favor the incumbent" in content


def test_possessive_noun_cue() -> None:
    assert only("Trump's claim that the election was rigged drew criticism.") == (
        "indirect",
        "that the election was rigged",
        "Trump",
    )


def test_headline_with_a_colon() -> None:
    assert only("Merkel: Europe must act now") == ("indirect", "Europe must act now", "Merkel")


@pytest.mark.parametrize(
    "text",
    [
        "The weather was warm and the streets were full.",
        'The so-called "reform" failed in the Senate.',
        '<tweet author="someone">A short message</tweet>',
        "Superdelegates: 121",
        "Clinton leads by 271 pledged delegates.",
    ],
)
def test_no_attribution(text: str) -> None:
    assert positions(text) == []


def test_spans_are_offsets_into_the_text() -> None:
    text = 'Intro line.\n\n"It works," the engineer said. She added that tests pass, according to the log.'
    for position in found_in(text):
        for span in (position.content, position.speaker, position.cue):
            assert span is None or 0 <= span[0] < span[1] <= len(text)
        assert position.cue is not None and text[position.cue[0] : position.cue[1]].strip()


@pytest.mark.parametrize("text", ["", '"', '""', "said", '"Yes," said', "according to", ": :", "\n\n“\n”"])
def test_degenerate_input_does_not_fail(text: str) -> None:
    found_in(text or " ")


def test_quotes_pair_per_paragraph_and_continue_over_paragraphs() -> None:
    text = 'He said "yes" twice.\n“Part one.\n\n“Part two,” she said. A "scare" word.'
    quotes = [text[q.start : q.end] for q in find_quotes(text)]
    assert quotes == ['"yes"', "“Part one.", "“Part two,”", '"scare"']
    chains = [q.chain for q in find_quotes(text)]
    assert chains[1] == chains[2] != chains[0]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('The governor gloated: "I told you so."', "The governor"),
        ('"Who could have known?" countered Mr. Lee.', "Mr. Lee"),
        ('"It is late," she sighed.', "she"),
    ],
)
def test_any_verb_next_to_a_quotation_introduces_it(text: str, speaker: str) -> None:
    kind, _, found_speaker = only(text)
    assert (kind, found_speaker) == ("direct", speaker)


def test_reportedly_attributes_the_sentence_to_unnamed_sources() -> None:
    assert only("The company reportedly cut its staff by half.") == (
        "reported",
        "The company reportedly cut its staff by half",
        None,
    )


def test_quotation_paragraph_before_its_attribution_joins_it() -> None:
    text = '"The first point is simple."\n\n"The second one is not," the judge wrote.'
    kind, content, speaker = only(text)
    assert (kind, speaker) == ("direct", "the judge")
    assert content.startswith('"The first') and content.endswith('is not,"')


def test_document_as_the_source_after_in() -> None:
    assert only("In the latest survey, the senator led her rival by eight points.") == (
        "reported",
        "the senator led her rival by eight points",
        "the latest survey",
    )


def test_a_name_in_quotes_inside_the_subject_is_not_the_content() -> None:
    kind, content, _ = only('Some in the "Never Again" camp argue the plan is too costly.')
    assert (kind, content) == ("indirect", "the plan is too costly")


def test_speech_verb_takes_precedence_over_according_to() -> None:
    _, content, speaker = only('"We will not resign," the minister said, according to a transcript.')
    assert (content, speaker) == ('"We will not resign,"', "the minister")


def test_according_to_alone_still_names_the_source() -> None:
    assert only("The plan failed last year, according to the audit.")[1:] == (
        "The plan failed last year",
        "the audit",
    )


def test_adjective_stance_after_a_linking_verb() -> None:
    assert only("The senator was sharply critical of the new budget.") == (
        "action",
        "the new budget",
        "The senator",
    )


def test_adjective_without_linking_verb_is_no_stance() -> None:
    text = "Voters critical of the plan gathered outside."
    assert all(text[p.cue[0] : p.cue[1]] != "critical of" for p in found_in(text))


def test_topic_verb_needs_its_preposition() -> None:
    assert only("The actress spoke openly about her childhood.")[1:] == ("her childhood", "The actress")
    assert positions("The actress spoke at the gala.") == []


def test_saying_verb_tagged_as_a_noun_after_a_quote() -> None:
    found = positions("“Taxes are too high,” Miller notes. “We can cut them,” Baker notes.")
    assert [(content, speaker) for _, content, speaker in found] == [
        ("“Taxes are too high,”", "Miller"),
        ("“We can cut them,”", "Baker"),
    ]


def test_participle_after_a_clause_takes_only_its_quote() -> None:
    found = positions("Green urged voters to back the levy, saying, “Schools need it.”")
    assert ("direct", "“Schools need it.”", "Green") in found


def test_quotation_opened_in_content_runs_to_its_close() -> None:
    text = "Lee said that farmers “do a great job. And it matters.”"
    assert only(text)[1] == "that farmers “do a great job. And it matters.”"


def test_loose_inverted_speaker_with_a_title_noun() -> None:
    text = "“The vote was rigged,” said Ohio delegate Mary Stone, angered by the result."
    assert only(text)[2] == "Ohio delegate Mary Stone"


def test_percentages_and_polled_groups_as_speakers() -> None:
    assert only("On taxes, 42% say they want cuts.")[2] == "42%"
    assert only("Those surveyed said the plan should stay.")[2] == "Those surveyed"


def test_coordinated_verb_inside_a_subordinate_clause_keeps_its_subject() -> None:
    found = positions("When Lopez thanked the crowd and said the race was close, people cheered.")
    assert any(content == "the race was close" and speaker == "Lopez" for _, content, speaker in found)


def test_coordinated_cue_verb_ends_the_first_content() -> None:
    found = positions("She noted that exports fell and asked whether the plan could work.")
    assert ("indirect", "that exports fell", "She") in found
    assert ("indirect", "whether the plan could work", "She") in found


def test_bare_noun_cue_with_a_named_modifier_source() -> None:
    found = positions("The report renewed Democratic demands for an inquiry.")
    assert any(content == "an inquiry" and speaker == "Democratic" for _, content, speaker in found)


def test_light_verb_with_a_stance_noun() -> None:
    assert only("The governor took a sharp swipe at her rival.") == ("action", "her rival", "The governor")
    assert only("He made no mention of the scandal.")[1:] == ("the scandal", "He")


def test_topic_verb_with_its_own_prepositions() -> None:
    assert only("The mayor is looking forward to the debate.")[1:] == ("the debate", "The mayor")
    assert positions("The mayor looked at the map.") == []


def test_belief_verb_with_an_as_predicate() -> None:
    assert only("Developers see the old courses as wasted space.")[1:] == (
        "the old courses as wasted space",
        "Developers",
    )
    assert positions("They found the keys in the garden.") == []


def test_sentence_opening_as_clause_frames_the_main_clause() -> None:
    text = "As the local newspaper noted, the mayor raised more than $1 million from banks."
    assert only(text) == (
        "indirect",
        "the mayor raised more than $1 million from banks",
        "the local newspaper",
    )


def test_participle_with_only_its_agent_is_no_position() -> None:
    assert positions("The mayor read from a statement released by the city council.") == []
    assert positions("(Reporting by Jane Miller; Editing by Tom Brown)") == []


def test_verb_with_only_its_setting_is_no_position() -> None:
    assert positions("Thousands of residents voted in the county primary.") == []
    contents = [content for _, content, _ in positions("She argued in favor of the new tax plan.")]
    assert contents == ["in favor of the new tax plan"]


def test_short_fragment_without_a_source_is_dropped() -> None:
    assert positions("Asked about it.") == []
