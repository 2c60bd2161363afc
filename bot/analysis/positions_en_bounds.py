"""Where the right content of an English frame must stop: at the start of a later, coordinated
frame in the same sentence (", adding ...", "and X said", "; Y argued")."""

from __future__ import annotations

from bot.analysis.positions_en_frames import Scope
from bot.language.tokens import Token

_SEPARATORS = frozenset({",", ";", "and", "but", "while", "or", "--", "—", "–"})
_AUX_OR_ADVERB = frozenset({"AV0", "VM0", "XX0", "VHZ", "VHD", "VHB", "VBZ", "VBD", "VBB"})
_RELATIVES = frozenset({"which", "who", "whom", "that", "where", "what"})
_MAX_SUBJECT_WORDS = 7


def next_boundary(
    scope: Scope, last: int, later_starts: list[int], later_verbs: set[int], verb_starts: set[int]
) -> int:
    """Right content stops where a later, coordinated frame begins (", adding ...", "and X said",
    "and asked whether ...")."""
    toks = scope.tokens
    for start in later_starts:
        k = start - 1
        while k > last and toks[k].tag in _AUX_OR_ADVERB:
            k -= 1
        if k <= last + 1:
            continue  # the comma that closes "..., he said, ..." is no boundary
        low = toks[k].text.lower()
        if low in {"and", "or"} and toks[k - 1].text != "," and start not in later_verbs:
            continue  # "Tennessee and Virginia want": one phrase, not two clauses
        if low in _SEPARATORS or (scope.quote_of[k] >= 0 and _after_comma(toks, k)):
            return k
        if low in _RELATIVES and k - 1 > last + 1 and toks[k - 1].text == ",":
            return k - 1  # "..., which the probe said were covered up": a relative clause of its own
        if start in verb_starts:
            coordinator = _coordinator_before_subject(scope, last, k)
            if coordinator is not None:
                return coordinator
    return scope.hi + 1


def _after_comma(toks: list[Token], k: int) -> bool:
    """The closing mark at k follows a comma, across a doubled mark ('' ... ,'')."""
    m = k - 1
    if toks[m].text in {"'", "`"} and toks[m].end == toks[k].start:
        m -= 1
    return toks[m].text == ","


def _coordinator_before_subject(scope: Scope, last: int, k: int) -> int | None:
    """ "..., and more than 4 in 10 said ...": a clause coordinated after a comma (or a semicolon)
    whose subject the speaker search did not reach; the clause begins at the coordinator."""
    toks = scope.tokens
    for m in range(k, max(last + 1, k - _MAX_SUBJECT_WORDS), -1):
        tok = toks[m]
        if scope.quote_of[m] >= 0 or tok.tag.startswith("V"):
            return None
        if tok.text == ";" or (tok.text.lower() in {"and", "but"} and toks[m - 1].text == ","):
            return m
    return None
