"""Attributions carried by a noun after a possessive: "his support for the bill", "Trump's claim
that ...", "their criticism of the plan". The possessor is the source."""

from __future__ import annotations

from functools import cache
from typing import cast

from bot.analysis.positions_en_frames import Frame, Scope
from bot.analysis.positions_en_phrases import FINITE_TAGS, left_np
from bot.language.lexicons import lower_word_list, table
from bot.models import PositionKind

_POSSESSIVE_TAGS = frozenset({"DPS", "POS"})
_COMPLEMENT_STARTS = frozenset({"for", "of", "to", "on", "about", "against", "over", "that", "in"})
_PERSONAL_POSSESSIVES = frozenset({"his", "her", "their", "its", "my", "our", "your"})
_STOPS = frozenset({",", ";", ".", ":", "--", "—", "–", ")"})
_MAX_TOKENS = 40
_LINK_TAGS = frozenset({"CJC", "CJS", "CJT", "PNQ", "DTQ", "AVQ"})


@cache
def noun_cues() -> dict[str, tuple[PositionKind, frozenset[str]]]:
    """Noun cues by surface form, singular and plural ("claim", "claims"): no lemma needed.
    Each with the prepositions that carry it without a possessive."""
    out: dict[str, tuple[PositionKind, frozenset[str]]] = {}
    for lemma, values in table("attribution_nouns_en").items():
        kind, bare = [*values, *["indirect", ""][len(values) :]][:2]
        entry = (cast(PositionKind, kind), frozenset(p.strip() for p in bare.split(",") if p.strip()))
        for form in _forms(lemma.lower()):
            out[form] = entry
    return out


def _forms(noun: str) -> tuple[str, str]:
    if noun.endswith(("s", "sh", "ch", "x")):
        return noun, noun + "es"
    return noun, noun + "s"


def noun_frame(scope: Scope, i: int) -> Frame | None:
    """A frame for the noun at token i, when a possessive precedes it and a complement follows."""
    toks = scope.tokens
    tok = toks[i]
    if tok.tag not in {"NN1", "NN2"} or i + 1 > scope.hi:
        return None
    if toks[i + 1].text.lower() not in _COMPLEMENT_STARTS:
        return None
    entry = noun_cues().get(tok.text.lower())
    if entry is None:
        return None
    kind, bare = entry
    k = i - 1
    while k >= scope.lo and toks[k].tag in {"AJ0", "AJC", "AV0"}:
        k -= 1  # "his long support for"
    speaker: tuple[int, int] | None
    start = i + 1
    if k < scope.lo or (
        toks[k].tag not in _POSSESSIVE_TAGS and toks[k].text.lower() not in _PERSONAL_POSSESSIVES
    ):
        if toks[i + 1].text.lower() not in bare or i + 2 > scope.hi:
            return None
        speaker = _modifier_source(scope, i)  # "Republican calls for a special prosecutor"
        if speaker is None and not _holderless(tok.text.lower()):
            return None
        start = i + 2
    elif toks[k].tag == "POS":
        speaker = left_np(toks, k - 1, scope.lo)
        if speaker is None:
            return None
    else:
        speaker = (k, k)
    end = start
    limit = min(scope.hi, start + _MAX_TOKENS)
    clause = toks[start].text.lower() == "that"
    finite_seen = linked = False  # in a that-clause: a second finite verb with no link ends it
    while (end + 1 <= limit and toks[end + 1].text not in _STOPS and scope.quote_of[end + 1] < 0) or (
        end + 1 <= limit and scope.quote_of[end + 1] >= 0
    ):
        nxt = toks[end + 1]
        if nxt.tag in FINITE_TAGS and (not clause or (finite_seen and not linked)):
            break  # "His support for the bill angered ...": the complement ends at the main verb
        if nxt.tag in FINITE_TAGS:
            finite_seen, linked = True, False
        elif nxt.tag in _LINK_TAGS:
            linked = True
        end += 1
    return Frame(kind, (i, i), speaker, (toks[start].start, toks[end].end))


def _modifier_source(scope: Scope, i: int) -> tuple[int, int] | None:
    """A capitalised modifier right before the noun names its source: "Republican calls for"."""
    prev = i - 1
    if prev >= scope.lo and prev > scope.lo and scope.tokens[prev].text[:1].isupper():
        return left_np(scope.tokens, prev, scope.lo) or (prev, prev)
    return None


def _holderless(noun: str) -> bool:
    """ "opposition to trade deals", "questions about the emails": a cue without a visible holder."""
    words = lower_word_list("holderless_nouns_en")
    return noun in words or (noun.endswith("s") and noun[:-1] in words)
