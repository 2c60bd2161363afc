"""Fronted perspective phrases: "For most voters, the economy matters more" and "To critics, the
plan is a giveaway" attribute the clause after the comma to the people named before it."""

from __future__ import annotations

from bot.analysis.positions_en_frames import Frame, Scope
from bot.analysis.positions_en_phrases import FINITE_TAGS, right_np
from bot.language.lexicons import lower_word_list

_OPENERS = frozenset({"for", "to"})
_LEADERS = frozenset({"but", "and", "yet", "still"})
_MAX_TAIL = 8
_APPOSITION_OPENERS = frozenset({"AT0"})
_CLAUSE_LINKS = frozenset({"who", "which", "it", "there"})


def perspective_frame(scope: Scope, i: int) -> Frame | None:
    """A frame for "For/To X, clause" opening the sentence (after at most a conjunction) at token i."""
    toks = scope.tokens
    if toks[i].text.lower() not in _OPENERS:
        return None
    if i != scope.lo and not (i == scope.lo + 1 and toks[scope.lo].text.lower() in _LEADERS):
        return None
    holder = right_np(toks, i + 1, scope.hi)
    if holder is None or not _is_holder(scope, holder):
        return None
    comma = holder[1] + 1
    if comma > scope.hi or toks[comma].text != "," or scope.quote_of[comma] >= 0:
        return None
    comma = _after_apposition(scope, comma)
    end = scope.hi
    while end > comma and toks[end].text in {".", "!", "?"} and scope.quote_of[end] < 0:
        end -= 1
    clause = range(comma + 1, end + 1)
    if len(clause) < 3 or not any(toks[k].tag in FINITE_TAGS and scope.quote_of[k] < 0 for k in clause):
        return None
    if toks[comma + 1].text.lower() in _CLAUSE_LINKS:
        return None
    return Frame("indirect", (i, i), holder, (toks[comma + 1].start, toks[end].end))


def _after_apposition(scope: Scope, comma: int) -> int:
    """ "For Clinton, a former secretary of State, 33% would ...": skip an apposition to the holder."""
    toks = scope.tokens
    if comma + 1 > scope.hi or toks[comma + 1].tag not in _APPOSITION_OPENERS:
        return comma
    for k in range(comma + 2, min(scope.hi, comma + _MAX_TAIL + 4) + 1):
        if scope.quote_of[k] >= 0 or toks[k].tag in FINITE_TAGS:
            return comma
        if toks[k].text == ",":
            return k
    return comma


def _is_holder(scope: Scope, holder: tuple[int, int]) -> bool:
    toks = scope.tokens
    head = toks[holder[1]]
    if head.text.lower() in lower_word_list("perspective_holders_en"):
        return True
    return head.tag == "NP0" or (head.text[:1].isupper() and head.tag in {"NN2", "NN1"})
