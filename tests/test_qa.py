"""Question answering on hand-built briefings: every question type, in German and English."""

from __future__ import annotations

import pytest
from test_qa_fixtures import ENGLISH_TEXT, GERMAN_TEXT, english_briefing, german_briefing

from bot.models import Answer, Briefing
from bot.qa import answer_question


@pytest.fixture(scope="module")
def de() -> Briefing:
    return german_briefing()


@pytest.fixture(scope="module")
def en() -> Briefing:
    return english_briefing()


def ask_de(briefing: Briefing, question: str, history: list[str] | None = None) -> Answer:
    return answer_question(briefing, GERMAN_TEXT, question, history=history)


def ask_en(briefing: Briefing, question: str, history: list[str] | None = None) -> Answer:
    return answer_question(briefing, ENGLISH_TEXT, question, history=history)


def assert_cited(answer: Answer, text: str) -> None:
    """Every quoted sentence is verbatim in the article and cited."""
    assert answer.citations
    for citation in answer.citations:
        quoted = " ".join(text[citation.start : citation.end].split())
        assert quoted in answer.answer


# --- who is X?


def test_who_is_gives_roles_and_evidence_de(de: Briefing) -> None:
    answer = ask_de(de, "Wer ist Karen Holm?")
    assert answer.answered
    assert answer.answer.startswith("Karen Holm – Verkehrsministerin")
    assert "unverzichtbar" in answer.answer
    assert_cited(answer, GERMAN_TEXT)


def test_who_is_en(en: Briefing) -> None:
    answer = ask_en(en, "Who is Tom Reyes?")
    assert answer.answered
    assert "union leader" in answer.answer
    assert_cited(answer, ENGLISH_TEXT)


def test_who_is_by_surname_and_genitive(de: Briefing) -> None:
    assert "Handelsminister" in ask_de(de, "Wer ist Lund?").answer
    assert "unverzichtbar" in ask_de(de, "What is Holm's position?").answer


# --- what does X say / want / decide?


def test_what_does_x_say_de(de: Briefing) -> None:
    answer = ask_de(de, "Was sagt Jonas Berg?")
    assert answer.answered
    assert "Brutgebiet der Seeschwalben" in answer.answer
    assert "Sprecher" in answer.answer  # the holder comes with a role
    assert_cited(answer, GERMAN_TEXT)


def test_what_does_x_want_en(en: Briefing) -> None:
    answer = ask_en(en, "What does Carver want?")
    assert answer.answered
    assert "independent review" in answer.answer


def test_what_did_x_decide_finds_the_decision(de: Briefing) -> None:
    answer = ask_de(de, "Was hat das dänische Parlament beschlossen?")
    assert answer.answered
    assert "Finanzierung bis Ende des Jahres zu prüfen" in answer.answer


def test_what_does_an_organisation_demand(de: Briefing) -> None:
    answer = ask_de(de, "Was fordert Grüne Küste?")
    assert "Gutachten" in answer.answer


def test_statement_about_a_topic_prefers_matching_sentences(en: Briefing) -> None:
    answer = ask_en(en, "What does Carver say about the cost estimate?")
    assert "40 percent" in answer.answer
    assert "Every week of delay" not in answer.answer


# --- yes/no questions


def test_yes_no_question_answered_no_with_evidence_de(de: Briefing) -> None:
    answer = ask_de(de, "Beteiligt sich Schweden an den Kosten?")
    assert answer.answered
    assert answer.answer.startswith("Nein.")
    assert "nicht zu beteiligen" in answer.answer


def test_yes_no_question_en(en: Briefing) -> None:
    answer = ask_en(en, "Does Canada offer funding for the bridge?")
    assert answer.answer.startswith("No.")
    assert "no funding" in answer.answer


def test_yes_no_question_answered_yes(en: Briefing) -> None:
    answer = ask_en(en, "Did the council postpone the vote?")
    assert answer.answer.startswith("Yes.")


# --- who says / wants / fears Y?


def test_who_fears_names_the_holder(en: Briefing) -> None:
    answer = ask_en(en, "Who fears that traffic will double?")
    assert answer.answered
    assert "Residents" in answer.answer


def test_who_warns_de(de: Briefing) -> None:
    answer = ask_de(de, "Wer warnt, dass der Ausbau das Brutgebiet zerstört?")
    assert "Jonas Berg" in answer.answer


# --- which actors appear?


def test_list_actors_groups_by_kind(de: Briefing) -> None:
    answer = ask_de(de, "Welche Akteure kommen im Artikel vor?")
    assert answer.answered
    for name in ("Karen Holm", "Jonas Berg", "Grüne Küste", "Schweden"):
        assert name in answer.answer
    assert "Personen:" in answer.answer and "Staaten:" in answer.answer


def test_list_only_states_or_people(en: Briefing, de: Briefing) -> None:
    people = ask_en(en, "Which people appear in the article?")
    assert "Linda Carver" in people.answer and "Canada" not in people.answer
    states = ask_de(de, "Welche Staaten kommen vor?")
    assert "Schweden" in states.answer and "Karen Holm" not in states.answer


# --- compare


def test_compare_two_actors_side_by_side_de(de: Briefing) -> None:
    answer = ask_de(de, "Vergleiche die Positionen von Karen Holm und Jonas Berg.")
    assert answer.answered
    holm, berg = answer.answer.index("Karen Holm"), answer.answer.index("Jonas Berg")
    assert holm < berg
    assert "unverzichtbar" in answer.answer and "Brutgebiet" in answer.answer


def test_compare_en(en: Briefing) -> None:
    answer = ask_en(en, "Compare the positions of Linda Carver and Tom Reyes.")
    assert "necessary" in answer.answer and "jobs" in answer.answer


# --- summary and things no position covers


def test_summary_uses_the_briefing_summary(de: Briefing) -> None:
    answer = ask_de(de, "Fasse den Artikel zusammen.")
    assert answer.answered
    assert answer.answer.startswith("Zusammenfassung:")
    assert "Hafen von Nordstadt" in answer.answer


def test_what_happened_en(en: Briefing) -> None:
    answer = ask_en(en, "What happened?")
    assert "postponed a vote" in answer.answer


def test_sentence_retrieval_for_questions_no_position_covers(en: Briefing, de: Briefing) -> None:
    assert "58 percent" in ask_en(en, "What did the poll show?").answer
    assert "Mehrheit der Anwohner" in ask_de(de, "Was zeigen die Umfragen?").answer


# --- unanswerable questions


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("Was sagt Angela Merkel?", "Der Artikel erwähnt Angela Merkel nicht."),
        ("Wie reagiert Norwegen?", "Der Artikel erwähnt Norwegen nicht."),
        (
            "Was sagt der norwegische Außenminister?",
            "Im Artikel kommt der norwegische Außenminister nicht vor.",
        ),
        ("What does the Finnish government say?", "The article does not mention the Finnish government."),
    ],
)
def test_unmentioned_actors_are_declined(de: Briefing, question: str, reply: str) -> None:
    answer = ask_de(de, question)
    assert not answer.answered
    assert answer.answer == reply


def test_unmentioned_in_english_article(en: Briefing) -> None:
    answer = ask_en(en, "What does Senator John Miller say about the bridge?")
    assert not answer.answered
    assert answer.answer == "The article does not mention Senator John Miller."


def test_a_qualifier_must_match(de: Briefing) -> None:
    """A Swedish minister is in the article, a Danish trade minister is not."""
    assert ask_de(de, "Was sagt der schwedische Handelsminister?").answered
    assert not ask_de(de, "Was sagt der dänische Handelsminister?").answered


def test_topics_the_article_does_not_cover_are_declined(en: Briefing) -> None:
    answer = ask_en(en, "What is the capital of Australia?")
    assert not answer.answered


def test_a_topic_the_article_never_mentions_is_declined(en: Briefing) -> None:
    answer = ask_en(en, "What does Carver say about taxes?")
    assert not answer.answered
    assert answer.answer == "The article does not report what Linda Carver says about taxes."


def test_question_word_after_a_preposition(de: Briefing) -> None:
    answer = ask_de(de, "Bis wann will Dänemark den Hafen ausbauen?")
    assert answer.answered
    assert "bis 2030" in answer.answer
    assert not answer.answer.startswith(("Ja", "Nein"))
