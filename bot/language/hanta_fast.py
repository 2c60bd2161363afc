"""HanTa's word analysis, computed faster with the same results.

HanTa (LGPL-3.0, Christian Wartena) analyses a word missing from its cache with a Viterbi search
over morpheme segmentations: `analyze_forward` for the tag distribution, `analyze_viterbi` for
the segmentation behind a lemma. Both call `lp_m_t(segment, tag)` tens of millions of times.
This subclass keeps the searches, their pruning and their iteration order (so equal scores
resolve the same way) but scores each segment once for all tags (bot.language.hanta_segments),
visits only the tags a segment can take, and skips what cannot enter a row's beam
(bot.language.hanta_lattice).
"""

from __future__ import annotations

import math
from typing import Any

from HanTa.HanoverTagger import EMPTY, END_UNKNOWN, START, UNKNOWN, HanoverTagger
from numpy import logaddexp

from bot.language.hanta_lattice import (
    LOWER_BOUND,
    MORPHEME_BEAM,
    Back,
    Followup,
    Row,
    State,
    activate,
    followup_table,
    relax,
)
from bot.language.hanta_segments import SegmentScorer

_MEMO_ENTRIES = 5_000  # recent words: the case variants of a word come close together
Backpointers = list[Back]


class FastHanoverTagger(HanoverTagger):  # type: ignore[misc]
    """HanoverTagger with the morpheme-level searches rewritten for speed."""

    def __init__(self, filename: str) -> None:
        super().__init__(filename)
        self._scorer = SegmentScorer(self)
        self._forward_memo: dict[str, list[tuple[int, Any]]] = {}
        self._followups = followup_table(self, self._scorer.open_tags, lambda tag: True)
        self._reachable_followups: dict[int, dict[State, Followup]] = {}

    def analyze_forward(self, word: str) -> list[tuple[int, Any]]:
        """The tag distribution of a word missing from HanTa's cache (memoised)."""
        result = self._forward_memo.get(word)
        if result is None:
            result = self._analyze_forward(word)
            if len(self._forward_memo) >= _MEMO_ENTRIES:
                self._forward_memo.clear()
            self._forward_memo[word] = result
        return result

    def _analyze_forward(self, word: str) -> list[tuple[int, Any]]:
        last_row = self._search(word, self._followups, self.strict, None)[-2]
        final_row: Row = {}
        for state, lp in last_row.items():
            for tag1, lpt in self.LP_trans_final.get(state, ()):
                lp1 = lp + lpt
                if lp1 > LOWER_BOUND:
                    newstate = (state[1], tag1)
                    if newstate not in final_row or lp1 > final_row[newstate]:
                        final_row[newstate] = lp1
        results: dict[int, Any] = {}
        for state, lp in final_row.items():
            if lp == -math.inf:
                continue
            pos = -state[1]
            results[pos] = logaddexp(results[pos], lp) if pos in results else lp
        result_list = sorted(results.items(), key=lambda item: item[1], reverse=True)
        return result_list or [(UNKNOWN, 0)]

    def analyze_viterbi(self, word: str, targetpos: int) -> list[tuple[int, int]]:
        wlen = len(word)
        followups = self._reachable_followups.get(targetpos)
        if followups is None:
            reachable = self.reachability.get(targetpos, frozenset())
            followups = followup_table(self, self._scorer.open_tags, reachable.__contains__)
            self._reachable_followups[targetpos] = followups
        table: list[Row] = []
        backpointer: Backpointers = []
        for strict in (True, False):
            backpointer = [{} for _ in range(wlen + 2)]
            table = self._search(word, followups, strict, backpointer)
            final_row, final_back = table[-1], backpointer[-1]
            for state, lp in table[-2].items():
                for tag1, lpt in self.LP_trans_final.get(state, ()):
                    if tag1 == targetpos:
                        lp1 = lp + lpt
                        if lp1 > LOWER_BOUND:
                            newstate = (state[1], tag1)
                            if newstate not in final_row or lp1 > final_row[newstate]:
                                final_row[newstate] = lp1
                                final_back[newstate] = (state, wlen)
                        break
            if final_row:
                break
        return _best_path(table[-1], backpointer)

    def _search(
        self, word: str, followups: dict[State, Followup], strict: bool, backpointer: Backpointers | None
    ) -> list[Row]:
        """Rows 0..len(word) of HanTa's morpheme lattice (plus an empty final row).

        HanTa loops state by state, then segment by segment; looping segment by segment first
        relaxes each target row in the same order. What cannot reach the beam of its target row
        (the states HanTa keeps but never expands) is not computed.
        """
        scorer = self._scorer
        known_segments = scorer._known
        ceiling = scorer.guess_ceiling
        wlen = len(word)
        guessing = not strict
        short = 2 if wlen >= 4 else 0  # HanTa guesses a segment when wlen < 4 or mlen > 2
        table: list[Row] = [{(EMPTY, START): 0.0}] + [{} for _ in range(wlen + 1)]
        suffix_keys = scorer.suffix_keys(word) if guessing else []
        # a lower bound of each row's beam: the fourth best value only grows, so a bound
        # computed earlier stays valid; it is recomputed when the row has gained states
        bounds = [LOWER_BOUND] * (wlen + 1)
        bound_sizes = [0] * (wlen + 1)
        for i in range(wlen):  # from position wlen no segment starts
            row = table[i]
            if not row:
                continue
            entry = activate(row, followups)
            if entry is None:
                continue
            active, reach = entry
            for j in range(i + 1, wlen + 1):
                target = table[j]
                bound = LOWER_BOUND
                if j < wlen and len(target) > MORPHEME_BEAM:  # row wlen feeds the final step unpruned
                    if bound_sizes[j] != len(target):
                        bound_sizes[j] = len(target)
                        bounds[j] = sorted(target.values(), reverse=True)[MORPHEME_BEAM] - 1
                    bound = bounds[j]
                segment = word[i:j]
                known = known_segments.get(segment)
                mlen = j - i
                if guessing and mlen > short:
                    if known is None and reach + ceiling[min(mlen, 24)] < bound:
                        continue
                    scores, all_open, best_score = scorer.scores(
                        segment, mlen == wlen, suffix_keys[j][min(mlen, 5) - 1], known
                    )
                elif known is None:
                    continue
                else:
                    scores, all_open, best_score = known
                if not scores or reach + best_score < bound:
                    continue
                relax(
                    target,
                    scores,
                    all_open,
                    best_score,
                    active,
                    None if backpointer is None else backpointer[j],
                    i,
                    bound,
                )
        return table


def _best_path(final_row: Row, backpointer: Backpointers) -> list[tuple[int, int]]:
    """HanTa's backtracking: the (tag, end) pairs of the best segmentation."""
    pmax = -math.inf
    beststate: State = (EMPTY, EMPTY)
    for state, lp in final_row.items():
        if lp > pmax:
            pmax = lp
            beststate = state
    i = len(backpointer) - 1
    if beststate == (EMPTY, EMPTY):
        states = [((UNKNOWN, END_UNKNOWN), i), ((START, UNKNOWN), i - 1)]
    else:
        states = [(beststate, i)]
        state = beststate
        while i > 0:
            state, i = backpointer[i][state]
            states.append((state, i))
        states = states[:-1]
    return [(s[1], i) for (s, i) in states[::-1]]
