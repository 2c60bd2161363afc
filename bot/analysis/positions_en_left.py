"""Tests on a clause left of a cue: whether it holds the speaker, whether it says anything."""

from __future__ import annotations

from bot.analysis.positions_en_frames import Scope, TokenSpan


def span_holds(scope: Scope, span: tuple[int, int], tokens: TokenSpan) -> bool:
    return span[0] <= scope.tokens[tokens[0]].start and scope.tokens[tokens[1]].end <= span[1]


def span_has_verb(scope: Scope, span: tuple[int, int]) -> bool:
    """Whether a left clause says something ("Taxes will rise, he said"), not only sets the scene
    ("In a later vote, he warned ...")."""
    toks = scope.tokens
    k = scope.lo
    while k <= scope.hi and toks[k].start < span[1]:
        if toks[k].start >= span[0] and (toks[k].tag.startswith("V") or scope.quote_of[k] >= 0):
            return True
        k += 1
    return False
