"""Part-of-speech tags and lemmas from HanTa (German: STTS-like, English: CLAWS-like tags).

Stock HanTa tags about 5,500 tokens/s here. The same model runs several times faster with:
- word analyses cached per (word, case-sensitivity): news vocabulary is Zipfian;
- HanTa's morpheme searches computed once per segment (bot.language.hanta_fast);
- the sentence decoder over packed states and precomputed tables (bot.language.viterbi);
- lemmas cached per (lower-cased word, tag), and computed only when a stage reads them.
The tags and lemmas are those stock HanTa gives (tests compare them).
"""

from __future__ import annotations

import threading
from functools import cache
from typing import TypeVar

from bot.language.hanta_fast import FastHanoverTagger
from bot.language.tokens import Token
from bot.language.viterbi import Candidates, SentenceDecoder

_MODELS = {"de": "morphmodel_ger.pgz", "en": "morphmodel_en.pgz"}
_MAX_SENTENCE_TOKENS = 150  # longer runs are tagged in windows to bound Viterbi cost
_MAX_CACHE_ENTRIES = 50_000  # per cache; a full cache is emptied and refilled
_UNKNOWN = 3  # HanTa's id for "no analysis"
_lock = threading.Lock()
K = TypeVar("K")
V = TypeVar("V")


class Tagger:
    def __init__(self, language: str) -> None:
        self.language = language
        self._hanta = FastHanoverTagger(_MODELS[language])
        self._decoder = SentenceDecoder(self._hanta)
        self._tag_names: dict[int, str] = self._hanta.int2tag
        self._candidates: dict[tuple[str, bool], Candidates] = {}
        self._lemmas: dict[tuple[str, int], str] = {}

    def tag(self, tokens: list[Token]) -> None:
        """Fill in Token.tag and Token.lemma (computed when first read) for one sentence's tokens."""
        for first in range(0, len(tokens), _MAX_SENTENCE_TOKENS):
            window = tokens[first : first + _MAX_SENTENCE_TOKENS]
            words = [t.text for t in window]
            tag_names, lemmas, lemmatise = self._tag_names, self._lemmas, self.lemma
            for tok, tag_id in zip(window, self.tag_ids(words), strict=True):
                tok.tag = tag_names[tag_id]
                lemma = lemmas.get((tok.text.lower(), tag_id))
                if lemma is None:
                    tok.defer_lemma(lemmatise, tag_id)  # most lemmas are never read
                else:
                    tok.lemma = lemma

    def tag_ids(self, words: list[str]) -> list[int]:
        """HanTa tag ids for one sentence (as HanoverTagger.tag_sent_viterbi(words, True))."""
        if not words:
            return []
        cands = [self._word_candidates(w, i > 0) for i, w in enumerate(words)]
        return self._decoder.decode(cands)

    def lemma(self, word: str, tag_id: int) -> str:
        key = (word.lower(), tag_id)
        lemma = self._lemmas.get(key)
        if lemma is None:
            lemma = str(self._hanta._analyze(word, tag_id, taglevel=1)[0])
            _remember(self._lemmas, key, lemma)
        return lemma

    def _word_candidates(self, word: str, case_sensitive: bool) -> Candidates:
        key = (word, case_sensitive)
        try:
            return self._candidates[key]
        except KeyError:
            pass
        probs = self._hanta._tag_word(word, cutoff=5, casesensitive=case_sensitive, conditional=True)
        cands = self._decoder.candidates(probs, _UNKNOWN)
        _remember(self._candidates, key, cands)
        return cands


def _remember(store: dict[K, V], key: K, value: V) -> None:
    if len(store) >= _MAX_CACHE_ENTRIES:
        store.clear()
    store[key] = value


@cache
def _tagger(language: str) -> Tagger:
    return Tagger(language)


def get_tagger(language: str) -> Tagger:
    with _lock:
        return _tagger(language)
