"""The pieces of HanTa's morpheme lattice shared by its searches (see bot.language.hanta_fast).

A state is a pair (previous morpheme tag, morpheme tag) with a log probability. From a complete
row, HanTa expands only the states within one unit of the fourth best ("active" states).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from bot.language.hanta_segments import SegmentScores

LOWER_BOUND = -1e6
MORPHEME_BEAM = 3  # HanTa expands the states within one unit of the fourth best

State = tuple[int, int]
Row = dict[State, float]
Back = dict[State, tuple[State, int]]
# the states HanTa expands from a complete row, and the best value they can pass on
Active = tuple[list[tuple[State, float, "Followup"]], float]


class Followup:
    """The morpheme tags that may follow a state: tag -> transition log p, in HanTa's order."""

    __slots__ = ("best", "lps", "open_pairs", "rank")

    def __init__(self, pairs: list[tuple[int, float]], open_tags: frozenset[int]) -> None:
        self.lps = dict(pairs)
        self.best = max(self.lps.values())
        self.rank = {tag: index for index, tag in enumerate(self.lps)}
        self.open_pairs = [(tag, lp) for tag, lp in self.lps.items() if tag in open_tags]

    def rank_of_pair(self, pair: tuple[int, float]) -> int:
        return self.rank[pair[0]]


def followup_table(
    hanta: Any, open_tags: frozenset[int], allowed: Callable[[int], bool]
) -> dict[State, Followup]:
    """The non-final followups of each state, restricted to the allowed tags."""
    table = {}
    for state, pairs in hanta.LP_trans_nonfinal.items():
        kept = [(t, p) for t, p in pairs if allowed(t)]
        if kept:
            table[state] = Followup(kept, open_tags)
    return table


def beam_bound(row: Row) -> float:
    """HanTa's pruning threshold for a row: one below its fourth best value."""
    if len(row) > MORPHEME_BEAM:
        return sorted(row.values(), reverse=True)[MORPHEME_BEAM] - 1
    return LOWER_BOUND


def activate(row: Row, followups: dict[State, Followup]) -> Active | None:
    """The states of a complete row that HanTa expands (None when there are none)."""
    rowbound = beam_bound(row)
    active = []
    best_lp = best_lpt = -math.inf
    for state, lp in row.items():
        if lp >= rowbound:
            followup = followups.get(state)
            if followup is not None:
                active.append((state, lp, followup))
                best_lp = max(best_lp, lp)
                best_lpt = max(best_lpt, followup.best)
    return (active, best_lp + best_lpt) if active else None


def relax(
    target: Row,
    scores: SegmentScores,
    all_open: bool,
    best_score: float,
    active: list[tuple[State, float, Followup]],
    back: Back | None,
    i: int,
    bound: float,
) -> None:
    """Relax the transitions from the active states at position i over one segment word[i:j].

    Tags are visited in each followup's order, as HanTa does, so equal scores resolve alike.
    Values below `bound` (a lower bound of the target row's beam) are not recorded: HanTa
    would keep such a state but never expand it.
    """
    for state, lp, followup in active:
        if lp + followup.best + best_score < bound:
            continue
        if all_open:
            pairs = followup.open_pairs
        else:
            lps = followup.lps
            if len(scores) < len(lps):
                pairs = [(t, lps[t]) for t in scores if t in lps]
                if len(pairs) > 1:
                    pairs.sort(key=followup.rank_of_pair)
            else:
                pairs = [(t, lpt) for t, lpt in lps.items() if t in scores]
        previous_tag = state[1]
        for tag1, lpt in pairs:
            lp1 = lp + lpt + scores[tag1]
            if lp1 > LOWER_BOUND and lp1 >= bound:
                newstate = (previous_tag, tag1)
                old = target.get(newstate)
                if old is None or lp1 > old:
                    target[newstate] = lp1
                    if back is not None:
                        back[newstate] = (state, i)
