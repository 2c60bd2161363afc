"""The fast tagger gives the tags and lemmas stock HanTa gives, and lemmas are computed lazily."""

from __future__ import annotations

import pytest
from HanTa import HanoverTagger as hanta

from bot.language.tagger import _MODELS, Tagger
from bot.language.tokens import Token, split_sentences, tokenize

GERMAN = [
    "Die Bundesregierung will die Grundsteuerreform noch vor der Sommerpause durch den Bundestag bringen.",
    "Finanzstaatssekretärin Ulrike Bernhardtsen sagte am Dienstag in Berlin, man sei zuversichtlich.",
    "Laut Angaben des Verkehrsministeriums wurden 17.000 Ladesäulen an Autobahnraststätten gebaut.",
    "Der Gewerkschaftsvorsitzende kritisierte die Lohnnebenkostensenkung als Wahlkampfgeschenk.",
    "Kommende Woche wollen die Unterhändler im Tarifstreit der Kindergartenpädagoginnen erneut verhandeln.",
    "Er habe nie behauptet, dass die Windkraftausbaupläne scheitern würden, erklärte Quandtbeck.",
    "US-Truppen verließen die Provinzhauptstadt nach dreiwöchigen Gefechten mit Aufständischen.",
    "Überraschend trat der Aufsichtsratsvorsitzende der Wohnbaugenossenschaft Gmundenhof zurück.",
]
ENGLISH = [
    "The finance minister said on Tuesday that the budget shortfall would be covered by bond sales.",
    "Dockworkers at the port of Halden walked off the job after talks with the authority collapsed.",
    "Analysts at Brightwater Capital expect quarterly revenues of $1.13bn, up 4.3% year-on-year.",
    "She didn't rule out further sanctions against the consortium's unregistered subsidiaries.",
    "Protesters gathered outside parliament, chanting slogans against the proposed pension overhaul.",
]
RARE_WORDS = {
    "de": [
        "Grenzschutzagenturchefin",
        "Batteriezellfertigung",
        "zurückgerudert",
        "Quandtbecks",
        "entbürokratisieren",
    ],
    "en": ["overcapitalisation", "decarbonising", "microtransactions", "unfreezable", "Snowdenesque"],
}


@pytest.fixture(scope="module", params=["de", "en"])
def taggers(request: pytest.FixtureRequest) -> tuple[str, Tagger, hanta.HanoverTagger]:
    language = str(request.param)
    return language, Tagger(language), hanta.HanoverTagger(_MODELS[language])


def _sentences(language: str) -> list[list[str]]:
    texts = GERMAN if language == "de" else ENGLISH
    out = []
    for text in texts:
        tokens = tokenize(text)
        out.extend([t.text for t in s.tokens] for s in split_sentences(text, tokens, language))
    return out


def test_tags_equal_stock_hanta(taggers: tuple[str, Tagger, hanta.HanoverTagger]) -> None:
    language, fast, stock = taggers
    for words in _sentences(language):
        assert fast.tag_ids(words) == stock.tag_sent_viterbi(words, True), words


def test_lemmas_equal_stock_hanta(taggers: tuple[str, Tagger, hanta.HanoverTagger]) -> None:
    language, fast, stock = taggers
    for words in _sentences(language):
        for word, tag_id in zip(words, stock.tag_sent_viterbi(words, True), strict=True):
            assert fast.lemma(word, tag_id) == stock._analyze(word, tag_id, taglevel=1)[0], word


def test_unknown_word_analyses_are_identical(taggers: tuple[str, Tagger, hanta.HanoverTagger]) -> None:
    language, fast, stock = taggers
    words = {w.lower() for sentence in _sentences(language) for w in sentence} | {
        w.lower() for w in RARE_WORDS[language]
    }
    words -= set(stock.cache)
    assert len(words) > 10  # words HanTa has to analyse
    for word in sorted(words):
        assert fast._hanta._analyze_forward(word) == stock.analyze_forward(word), word


def test_tag_fills_tags_and_lazy_lemmas() -> None:
    tagger = Tagger("de")
    text = "Die Ministerin erklärte, die Reform komme."
    tokens = tokenize(text)
    tagger.tag(tokens)
    assert [t.tag for t in tokens][:3] == ["ART", "NN", "VV(FIN)"]
    verb = tokens[2]
    assert verb.lemma == "erklären"
    verb.lemma = "override"
    assert verb.lemma == "override"


def test_token_lemma_is_computed_once_on_first_read() -> None:
    calls: list[tuple[str, int]] = []

    def lemmatise(word: str, tag_id: int) -> str:
        calls.append((word, tag_id))
        return word.lower()

    token = Token("Häuser", 0, 6)
    token.defer_lemma(lemmatise, 7)
    assert calls == []
    assert token.lemma == "häuser"
    assert token.lemma == "häuser"
    assert calls == [("Häuser", 7)]
    assert token == Token("Häuser", 0, 6, lemma="häuser")
    assert "lemma='häuser'" in repr(token)


def test_empty_and_very_long_sentences() -> None:
    tagger = Tagger("en")
    assert tagger.tag_ids([]) == []
    tokens = tokenize(" ".join(["the talks collapsed and"] * 60))
    tagger.tag(tokens)  # tagged in windows
    assert all(t.tag for t in tokens)


def test_decoder_survives_words_without_usable_tags() -> None:
    tagger = Tagger("en")
    decoder = tagger._decoder
    any_tag = decoder.candidates([], unknown_tag=3)
    assert any_tag is None
    impossible = ((11, -2e6),)  # below the lower bound: no state is reachable
    tags = decoder.decode([decoder.candidates([(int(t), 0.0)], 3) for t in (11, 13)] + [impossible])
    assert len(tags) == 3
