"""Stances told by a light verb and a noun: "Trump took a swipe at Bush", "She made the case for
the bill", "He made no mention of the deal". The verb's subject holds the stance; the content is
what follows the noun's preposition."""

from __future__ import annotations

from functools import cache
from typing import cast

from bot.analysis.positions_en_cues import CueSpec
from bot.language.lexicons import lower_word_list, table
from bot.language.tokens import Token
from bot.models import PositionKind

_VERB_TAGS = frozenset({"VVD", "VVZ", "VVB", "VVI", "VVG", "VVN", "VHD", "VHZ", "VHB", "VHI", "VHG", "VHN"})
_NOUN_PHRASE_TAGS = frozenset({"AT0", "AJ0", "AJC", "AJS", "CRD", "DT0", "AV0", "ORD", "DPS"})
_MAX_GAP = 4


@cache
def stance_nouns() -> dict[str, tuple[CueSpec, frozenset[str]]]:
    """Noun (singular and plural) -> (spec, prepositions that introduce the content)."""
    out: dict[str, tuple[CueSpec, frozenset[str]]] = {}
    for noun, values in table("light_verb_nouns_en").items():
        kind, preps = [*values, *["indirect", ""][len(values) :]][:2]
        entry = (CueSpec(cast(PositionKind, kind), "object"), frozenset(p for p in preps.split(",") if p))
        low = noun.lower()
        for form in (low, low + "s", low + "es"):
            out.setdefault(form, entry)
    return out


def light_verb_cue(tokens: list[Token], i: int, hi: int) -> tuple[int, CueSpec] | None:
    """(index of the preposition, spec) when the verb at token i carries a stance noun."""
    tok = tokens[i]
    if tok.tag not in _VERB_TAGS or tok.lemma.lower() not in lower_word_list("light_verbs_en"):
        return None
    k = i + 1
    while (
        k <= hi
        and k <= i + _MAX_GAP
        and (tokens[k].tag in _NOUN_PHRASE_TAGS or tokens[k].text.lower() == "no")
    ):
        k += 1
    if k + 1 > hi:
        return None
    entry = stance_nouns().get(tokens[k].text.lower())
    if entry is None or not tokens[k].tag.startswith("N") or tokens[k + 1].text.lower() not in entry[1]:
        return None
    return k + 1, entry[0]
