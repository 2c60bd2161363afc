from __future__ import annotations

from bot.language.tokens import split_sentences, tokenize


def sentences(text: str, language: str) -> list[str]:
    tokens = tokenize(text)
    return [text[s.start : s.end] for s in split_sentences(text, tokens, language)]


def test_offsets_index_the_original_text() -> None:
    text = "Der US-Präsident sagte: „Wir bleiben.“ Dann ging er."
    for tok in tokenize(text):
        assert text[tok.start : tok.end] == tok.text


def test_german_abbreviations_and_ordinals_do_not_split() -> None:
    text = "Am 5. August sprach Dr. Müller u.a. über Steuern. Danach kam z.B. die Rente."
    assert sentences(text, "de") == [
        "Am 5. August sprach Dr. Müller u.a. über Steuern.",
        "Danach kam z.B. die Rente.",
    ]


def test_closing_quote_stays_with_its_sentence() -> None:
    text = 'He said: "We will stay." Then he left. Mr. Smith and George W. Bush agreed.'
    assert sentences(text, "en") == [
        'He said: "We will stay."',
        "Then he left.",
        "Mr. Smith and George W. Bush agreed.",
    ]


def test_english_clitics() -> None:
    assert [t.text for t in tokenize("They don't know Carson's plan.")] == [
        "They",
        "do",
        "n't",
        "know",
        "Carson",
        "'s",
        "plan",
        ".",
    ]


def test_paragraphs_and_headings_are_boundaries() -> None:
    text = "Ein Titel ohne Punkt\n\nDer erste Satz. Der zweite Satz"
    assert sentences(text, "de") == ["Ein Titel ohne Punkt", "Der erste Satz.", "Der zweite Satz"]
