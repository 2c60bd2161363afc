"""English tag repairs around quotations, fronted perspectives, holderless noun cues, and the
sentence scopes after abbreviations: sentences written for these tests."""

from __future__ import annotations

from english_positions import positions

from bot.analysis.document import build_document
from bot.analysis.positions_en_cues import lexicon
from bot.analysis.positions_en_joins import quotes_of_tokens
from bot.analysis.positions_en_quotes import find_quotes
from bot.analysis.positions_en_tags import repaired_tags
from bot.models import Article


def test_tags_are_repaired_inside_the_block_and_restored_after() -> None:
    text = "“We will win the state,” Okonkwo said on Monday."
    doc = build_document(Article(text=text, language="en"))
    quotes = find_quotes(doc.text, doc.article.text_start)
    stock = [(tok.tag, tok.lemma) for tok in doc.tokens]
    with repaired_tags(doc.tokens, quotes_of_tokens(doc.tokens, quotes), quotes, lexicon()):
        tags = {tok.text: tok.tag for tok in doc.tokens}
        assert tags["“"] == tags["”"] == "PUQ"
        assert tags["Okonkwo"] == "NP0"
        assert tags["said"] in {"VVD", "VVZ"}
    assert [(tok.tag, tok.lemma) for tok in doc.tokens] == stock


def test_participle_after_a_closing_quote_opens_its_own_frame() -> None:
    text = (
        "After the debate, Lindqvist said that there is “only one candidate who can win the state,” "
        "adding that it is why the governor “keeps attacking us and ignores the others.”"
    )
    found = positions(text)
    assert len(found) == 2, found
    assert found[0][0].endswith("win the state,”")
    assert found[1][0].startswith("that it is why the governor")
    assert found[0][1] == found[1][1] == "Lindqvist"


def test_fronted_perspective_attributes_the_clause() -> None:
    found = positions("For most voters, the new water rules are a disaster.")
    assert found == [("the new water rules are a disaster", "most voters")]


def test_fronted_perspective_skips_an_apposition() -> None:
    found = positions("For Halvorsen, a former mayor of the city, the tax plan would ruin small shops.")
    assert found == [("the tax plan would ruin small shops", "Halvorsen")]


def test_fronted_time_phrase_is_no_perspective() -> None:
    assert positions("For the first time in years, the river froze over in March.") == []


def test_holderless_noun_cue_is_kept_without_speaker() -> None:
    found = positions("Opposition to the new pipeline through the northern forests has grown.")
    assert found == [("the new pipeline through the northern forests", None)]


def test_second_that_clause_after_but_stays_in_the_content() -> None:
    found = positions("The governor said the state needs more teachers, but that he would not raise taxes.")
    assert found == [("the state needs more teachers, but that he would not raise taxes", "The governor")]


def test_sentence_opener_after_an_abbreviation_starts_a_new_scope() -> None:
    found = positions(
        "Moreau says the president wants to build more roads in the U.S. He says the plan will fail."
    )
    assert found == [
        ("the president wants to build more roads in the U.S.", "Moreau"),
        ("the plan will fail", "He"),
    ]


def test_quoted_show_title_before_the_speaker_is_no_content() -> None:
    found = positions("Sunday on the network’s “Weekend Report,” Senator Moss said the budget was unfair.")
    assert found == [("the budget was unfair", "Senator Moss")]


def test_speaker_before_a_negated_auxiliary_in_one_token() -> None:
    found = positions("The voters didn’t want to hear about the budget again.")
    assert [speaker for _, speaker in found] == ["The voters"]


def test_a_think_tank_is_no_cue() -> None:
    assert positions("She worked for a think tank in the capital for ten years.") == []


def test_a_label_before_a_colon_is_no_source() -> None:
    assert positions("Editor’s Note: The following text was first published on our website last year.") == []


def test_participle_after_a_noun_takes_the_noun_as_holder() -> None:
    found = positions("The largest committee backing the senator raised more money this year.")
    assert [speaker for _, speaker in found] == ["The largest committee"]
    assert found[0][0].startswith("the senator")


def test_appearing_somewhere_is_no_view_but_appearing_to_is() -> None:
    assert positions("The senator appeared with the governor at a rally in the capital.") == []
    assert positions("The senator appeared to doubt the governor’s plan.") != []


def test_gerund_after_an_article_is_a_noun() -> None:
    assert positions("The union acted at the urging of its members in the south.") == []


def test_participle_between_an_adverb_and_a_noun_is_an_adjective() -> None:
    assert positions("He gave a racially charged speech in the capital.") == []
