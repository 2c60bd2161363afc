"""Stances carried by an adjective after a linking verb: "She was critical of the deal", "They are
wary of Trump", "He is eager to run". The subject holds the stance; the content follows the preposition."""

from __future__ import annotations

from functools import cache
from typing import cast

from bot.analysis.positions_en_cues import CueSpec
from bot.language.lexicons import table
from bot.language.tokens import Token
from bot.models import PositionKind

_LINKING_LEMMAS = frozenset({"be", "seem", "remain", "sound", "appear", "become", "look", "stay", "grow"})
_SKIPPED_TAGS = frozenset({"AV0", "XX0"})


@cache
def attitude_adjectives() -> dict[str, tuple[CueSpec, frozenset[str]]]:
    """Adjective -> (cue spec, the prepositions that introduce its content)."""
    out: dict[str, tuple[CueSpec, frozenset[str]]] = {}
    for adjective, values in table("attitude_adjectives_en").items():
        kind, preps = [*values, *["indirect", ""][len(values) :]][:2]
        spec = CueSpec(cast(PositionKind, kind), "object")
        out[adjective.lower()] = (spec, frozenset(p.strip() for p in preps.split(",") if p.strip()))
    return out


def adjective_cue(tokens: list[Token], i: int, lo: int, hi: int) -> tuple[int, CueSpec] | None:
    """(index of the preposition, spec) when the adjective at token i states a stance."""
    entry = attitude_adjectives().get(tokens[i].text.lower())
    if entry is None or i + 1 > hi or tokens[i + 1].text.lower() not in entry[1]:
        return None
    j = i - 1
    while j >= lo and (tokens[j].tag in _SKIPPED_TAGS or tokens[j].text.lower() in {"so", "very", "too"}):
        j -= 1
    if j < lo:
        return None
    linking = tokens[j]
    if linking.tag.startswith("VB") or linking.lemma.lower() in _LINKING_LEMMAS:
        return i + 1, entry[0]
    if linking.text.lower().replace("’", "'") in {"'s", "'re", "'m"}:
        return i + 1, entry[0]
    return None
