"""HanTa's sentence-level Viterbi decoder over precomputed transition tables.

HanTa's `tag_sent_viterbi` is a trigram HMM decoder: a state is the pair (previous tag, tag), each
step keeps the states scoring within one unit of the sixth best, and it loops over every tag of
the transition table for each state. This decoder does the same search with the same arithmetic
and the same iteration order (ties resolve alike), but states are packed into ints and each word
only visits the tags it can have.
"""

from __future__ import annotations

import math
from typing import Any

from HanTa.HanoverTagger import EMPTY, END, START

_LOWER_BOUND = -1e6
_BEAM = 5
_SHIFT = 10  # states are packed as (previous tag << _SHIFT) | tag

# The tags a word may take with their conditional log probabilities, in the decoder's tag order;
# None when the word analysis gave nothing, so that any tag may follow (as in HanTa).
Candidates = tuple[tuple[int, float], ...] | None


class SentenceDecoder:
    def __init__(self, hanta: Any) -> None:
        table: dict[tuple[int, int], dict[int, float]] = hanta.LP_trans_word
        # HanTa iterates the tags of each transition row; every row lists them in the same order
        order = [tag for tag in next(iter(table.values())) if tag != END]
        if max(max(pair) for pair in table) >= 1 << _SHIFT:
            raise ValueError("tag ids too large for the packed decoder states")
        self.tag_rank = {tag: rank for rank, tag in enumerate(order)}
        self._any_tag = tuple((tag, 0.0) for tag in order)
        self._transitions: dict[int, dict[int, float]] = {}
        self._to_end: dict[int, float] = {}
        for (previous, tag), row in table.items():
            state = (previous << _SHIFT) | tag
            self._transitions[state] = {t: lp for t, lp in row.items() if t != END}
            self._to_end[state] = row.get(END, -math.inf)

    def candidates(self, word_probs: list[tuple[int, float]], unknown_tag: int) -> Candidates:
        """Order a word's (tag, log p) list for decoding, as HanTa's decoder filters it."""
        probs = dict(word_probs)
        if not probs or (len(probs) == 1 and unknown_tag in probs):
            return None
        rank = self.tag_rank
        usable = sorted((tag for tag in probs if tag in rank), key=rank.__getitem__)
        return tuple((tag, probs[tag]) for tag in usable)

    def decode(self, words: list[Candidates]) -> list[int]:
        """The best tag sequence for a sentence given each word's candidates."""
        mask = (1 << _SHIFT) - 1
        transitions = self._transitions
        prevrow: dict[int, float] = {(EMPTY << _SHIFT) | START: 0.0}
        backpointers: list[dict[int, int]] = []
        for cands in words:
            if len(prevrow) > _BEAM:
                rowbound = sorted(prevrow.values(), reverse=True)[_BEAM] - 1
            else:
                rowbound = _LOWER_BOUND
            row: dict[int, float] = {}
            back: dict[int, int] = {}
            options = self._any_tag if cands is None else cands
            for state, lp0 in prevrow.items():
                if lp0 < rowbound:
                    continue
                trans = transitions[state]
                base = (state & mask) << _SHIFT
                for tag, lpwc in options:
                    lp = lp0 + trans[tag] + lpwc
                    if lp > _LOWER_BOUND:
                        newstate = base | tag
                        old = row.get(newstate)
                        if old is None or lp > old:
                            row[newstate] = lp
                            back[newstate] = state
            if not row and cands is not None:
                # nothing reachable (HanTa itself would fail here): let any tag follow
                return self.decode([*words[: len(backpointers)], None, *words[len(backpointers) + 1 :]])
            backpointers.append(back)
            prevrow = row
        return self._backtrack(prevrow, backpointers, mask)

    def _backtrack(
        self, lastrow: dict[int, float], backpointers: list[dict[int, int]], mask: int
    ) -> list[int]:
        best_lp = -math.inf
        best_state: int | None = None
        to_end = self._to_end
        for state, lp0 in lastrow.items():
            lp = lp0 + to_end[state]
            if lp > best_lp:
                best_lp, best_state = lp, state
        if best_state is None:  # no state may end the sentence: take the best one anyway
            best_state = max(lastrow, key=lastrow.__getitem__)
        tags = [best_state & mask]
        state = best_state
        for back in reversed(backpointers[1:]):
            state = back[state]
            tags.append(state & mask)
        tags.reverse()
        return tags
