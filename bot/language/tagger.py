"""Part-of-speech tags and lemmas from HanTa (German: STTS-like, English: CLAWS-like tags).

HanTa's own Viterbi and word analysis are pure Python; this wrapper caches the per-word
analyses (news vocabulary is Zipfian) and the lemmas, which is where most time goes.
"""

from __future__ import annotations

import threading
from functools import cache
from typing import Any

from bot.language.tokens import Token

_MODELS = {"de": "morphmodel_ger.pgz", "en": "morphmodel_en.pgz"}
_MAX_SENTENCE_TOKENS = 150  # longer runs are tagged in windows to bound Viterbi cost
_lock = threading.Lock()


class Tagger:
    def __init__(self, language: str) -> None:
        from HanTa import HanoverTagger as hanta

        self.language = language
        self._tagger: Any = hanta.HanoverTagger(_MODELS[language])
        self._lemma_cache: dict[tuple[str, int], str] = {}

    def tag(self, tokens: list[Token]) -> None:
        """Fill in Token.tag and Token.lemma for the tokens of one sentence."""
        for first in range(0, len(tokens), _MAX_SENTENCE_TOKENS):
            window = tokens[first : first + _MAX_SENTENCE_TOKENS]
            words = [t.text for t in window]
            tagger = self._tagger
            tag_ids = tagger.tag_sent_viterbi(words, True)
            for tok, tag_id in zip(window, tag_ids, strict=True):
                tok.tag = tagger.int2tag[tag_id]
                key = (tok.text, tag_id)
                lemma = self._lemma_cache.get(key)
                if lemma is None:
                    lemma = tagger._analyze(tok.text, tag_id, taglevel=1)[0]
                    if len(self._lemma_cache) < 500_000:
                        self._lemma_cache[key] = lemma
                tok.lemma = lemma


@cache
def _tagger(language: str) -> Tagger:
    return Tagger(language)


def get_tagger(language: str) -> Tagger:
    with _lock:
        return _tagger(language)
