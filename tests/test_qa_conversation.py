"""Follow-up questions and questions across languages."""

from __future__ import annotations

import pytest
from test_qa_fixtures import ENGLISH_TEXT, GERMAN_TEXT, english_briefing, german_briefing

from bot.models import Briefing
from bot.qa import answer_question


@pytest.fixture(scope="module")
def de() -> Briefing:
    return german_briefing()


@pytest.fixture(scope="module")
def en() -> Briefing:
    return english_briefing()


def test_elliptical_follow_up_takes_the_previous_question(de: Briefing) -> None:
    history = ["Was sagt Karen Holm?"]
    answer = answer_question(de, GERMAN_TEXT, "Und Erik Lund?", history=history)
    assert answer.answered
    assert "keinen Nutzen" in answer.answer
    assert "unverzichtbar" not in answer.answer


def test_pronoun_follow_up_resolves_to_the_previous_actor(en: Briefing) -> None:
    history = ["What does Tom Reyes say?"]
    answer = answer_question(en, ENGLISH_TEXT, "And what does he want?", history=history)
    assert answer.answered
    assert "June" in answer.answer


def test_follow_up_chain_keeps_the_latest_actor(en: Briefing) -> None:
    history = ["What does Linda Carver say?", "And Tom Reyes?"]
    answer = answer_question(en, ENGLISH_TEXT, "What does he urge?", history=history)
    assert "approve the project by June" in answer.answer


def test_what_about_follow_up_in_english(de: Briefing) -> None:
    answer = answer_question(de, GERMAN_TEXT, "What about Sweden?", history=["Who is Karen Holm?"])
    assert answer.answered
    assert "Schweden" in answer.answer


def test_pronoun_without_history_asks_for_a_name(en: Briefing) -> None:
    answer = answer_question(en, ENGLISH_TEXT, "What does she want?")
    assert not answer.answered
    assert "name" in answer.answer


def test_english_question_on_german_article(de: Briefing) -> None:
    answer = answer_question(de, GERMAN_TEXT, "What does Sweden say?")
    assert answer.answered
    assert answer.answer.startswith("According to the article, Sweden")  # frame in English, name too
    assert "keinen Nutzen" in answer.answer  # evidence verbatim in German


def test_english_question_with_a_demonym_on_german_article(de: Briefing) -> None:
    answer = answer_question(de, GERMAN_TEXT, "What did the Danish parliament decide?")
    assert answer.answered
    assert "zu prüfen" in answer.answer


def test_english_who_is_on_german_article(de: Briefing) -> None:
    answer = answer_question(de, GERMAN_TEXT, "Who is Erik Lund?")
    assert answer.answer.startswith("Erik Lund: schwedischer Handelsminister")
    assert "In the article:" in answer.answer


def test_german_question_on_english_article(en: Briefing) -> None:
    answer = answer_question(en, ENGLISH_TEXT, "Was sagt Kanada?")
    assert answer.answered
    assert answer.answer.startswith("Laut Artikel")
    assert "technical advice" in answer.answer


def test_german_who_is_on_english_article(en: Briefing) -> None:
    answer = answer_question(en, ENGLISH_TEXT, "Wer ist Tom Reyes?")
    assert answer.answer.startswith("Tom Reyes – union leader")


def test_cross_language_topic_words(de: Briefing) -> None:
    answer = answer_question(de, GERMAN_TEXT, "Who warned about the destruction of the breeding ground?")
    assert "Jonas Berg" in answer.answer
