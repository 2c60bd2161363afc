"""Morpheme scores for HanTa's word analysis: lp_m_t(segment, tag) for every tag at once.

HanTa scores a segment of a word under a tag by the morpheme's probability when the model knows
it, otherwise (open classes only, outside strict mode) by a guess from the segment's length and
longest known suffix. This module computes the same numbers, in the same order of floating-point
operations, for all tags of a segment in one go, and shares the guessed scores between segments.
"""

from __future__ import annotations

import math
from typing import Any

_WHOLE_WORD_PENALTY = 4.6  # HanTa penalises reading the whole word as one unknown morpheme
_MAX_LENGTH = 24  # HanTa's length distributions stop here
_MAX_GUESSES = 20_000  # cached (suffix, length) guesses; a full cache is emptied and refilled

SegmentScores = dict[int, float]
# A segment's scores, whether they are exactly the guesses for every open-class tag, the best score
Segment = tuple[SegmentScores, bool, float]
NO_SCORES: SegmentScores = {}
_EMPTY_SEGMENT: Segment = (NO_SCORES, False, -math.inf)


class SegmentScorer:
    def __init__(self, hanta: Any) -> None:
        self._hanta = hanta
        known: dict[str, Segment] = {}
        for tag, morphemes in hanta.LP_m_t.items():
            for morpheme, lp in morphemes.items():
                entry = known.get(morpheme)
                if entry is None:
                    known[morpheme] = ({tag: lp}, False, lp)
                else:
                    entry[0][tag] = lp
                    if lp > entry[2]:
                        known[morpheme] = (entry[0], False, lp)
        self._known = known
        self.open_tags = frozenset(t for t in hanta.LP_m_t if t in hanta.LP_hapax_t and t in hanta.LP_s_t)
        self._suffixes = (
            frozenset(hanta.LP_s_t[next(iter(self.open_tags))]) if self.open_tags else frozenset()
        )
        # HanTa's guess is ((Int + hapax) + length) + suffix; the first two additions, in that order
        self._guess_base = {
            t: [hanta.Int_t + hanta.LP_hapax_t[t] + lp_len for lp_len in hanta.LP_len_t[t]]
            for t in self.open_tags
        }
        self._guesses: dict[tuple[str, int, bool], Segment] = {}
        # the best guess any segment of each length can get: segments below it can be skipped unseen
        self.guess_ceiling = [
            max(
                (base[length] + max(hanta.LP_s_t[t].values()) for t, base in self._guess_base.items()),
                default=-math.inf,
            )
            for length in range(_MAX_LENGTH + 1)
        ]

    def known(self, segment: str) -> Segment | None:
        return self._known.get(segment)

    def scores(self, segment: str, whole_word: bool, suffix_key: str, known: Segment | None) -> Segment:
        """The scores of a segment long enough to be guessed (given its known scores, if any)."""
        key = (suffix_key, min(len(segment), _MAX_LENGTH), whole_word)
        guessed = self._guesses.get(key)
        if guessed is None:
            guessed = self._guess(*key)
            if not whole_word:  # a whole-word guess comes once per word: not worth keeping
                if len(self._guesses) >= _MAX_GUESSES:
                    self._guesses.clear()
                self._guesses[key] = guessed
        if known is None:
            return guessed
        scores = {**guessed[0], **known[0]}  # a known morpheme keeps its own score
        return scores, False, max(scores.values())

    def suffix_keys(self, word: str) -> list[tuple[str, ...]]:
        """suffix_keys_at(word, end) for every end position (index 0 unused)."""
        return [()] + [self.suffix_keys_at(word, end) for end in range(1, len(word) + 1)]

    def suffix_keys_at(self, word: str, end: int) -> tuple[str, ...]:
        """The suffix HanTa's guess uses for a segment ending at `end` of length 1, 2, 3, 4, 5+.

        HanTa takes the longest of the last 4, 3, 2, 1 characters that is a known suffix, using
        only suffixes shorter than the segment, and "" when there is none.
        """
        suffixes = self._suffixes
        key = ""
        by_length = [key]
        for size in (1, 2, 3, 4):
            if size < end:
                candidate = word[end - size : end]
                if candidate in suffixes:
                    key = candidate
            by_length.append(key)
        return tuple(by_length)

    def _guess(self, suffix: str, length: int, whole_word: bool) -> Segment:
        scores: SegmentScores = {}
        suffix_lps = self._hanta.LP_s_t
        for tag in self.open_tags:
            lp = self._guess_base[tag][length] + suffix_lps[tag][suffix]
            if whole_word:
                lp -= _WHOLE_WORD_PENALTY
            if lp != -math.inf:
                scores[tag] = lp
        return scores, len(scores) == len(self.open_tags), max(scores.values(), default=-math.inf)
