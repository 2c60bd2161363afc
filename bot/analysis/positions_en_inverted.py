"""A speaker named after its verb ('“...,” said Virginia delegate Beau Correll, ...') read loosely:
the tagger often takes a title noun for a verb ("delegate") or splits a possessive ("Florida ’s")."""

from __future__ import annotations

from bot.analysis.positions_en_phrases import MODIFIER_TAGS, NOUN_TAGS, NP_LINKS, is_quote_mark
from bot.language.tokens import Token

_MAX_TOKENS = 12
_POSSESSIVE_CLITICS = frozenset({"'s", "’s", "'", "’"})
_ENDS = frozenset({",", ".", ";", ":", "!", "?", "(", "--", "—", "–"})
_END_TAGS = frozenset({"CJS", "AVQ", "PNQ", "VVG", "VVD", "VVZ", "VVN", "VM0", "CJC"})
_END_WORDS = frozenset({"who", "when", "as", "after", "in", "on", "at"})
_BASE_VERB_TAGS = frozenset({"VVB", "VVI"})  # often a mis-tagged noun: "delegate", "top"
_INNER_TAGS = MODIFIER_TAGS | NOUN_TAGS


def _role(tokens: list[Token], k: int, first: bool, hi: int) -> str:
    """What token k is to a loosely read name: head, inner (may stand inside), end, or bad."""
    tok = tokens[k]
    text, low = tok.text, tok.text.lower()
    if text in _ENDS:
        initial = text == "." and k < hi and tokens[k - 1].text[:1].isupper() and len(tokens[k - 1].text) <= 4
        return "inner" if initial else "end"  # "George W. Bush"
    if (text[:1].isupper() and text[:1].isalpha()) or (tok.tag in NOUN_TAGS and text[:1].isalnum()):
        return "head"
    if low in _POSSESSIVE_CLITICS or text in {"-", "&"} or tok.tag in MODIFIER_TAGS:
        return "inner"
    following = tokens[k + 1] if k + 1 <= hi else None
    if not first and following is not None:
        if (low in NP_LINKS or tok.tag in _BASE_VERB_TAGS) and following.text[:1].isupper():
            return "inner"  # "the top aide to President ...", "delegate Beau Correll"
        if tok.tag == "AV0" and following.tag in _INNER_TAGS:
            return "inner"  # "the former top aide"
    if tok.tag in _END_TAGS or low in _END_WORDS:
        return "end"
    return "bad"


def loose_name_right(tokens: list[Token], i: int, hi: int) -> tuple[int, int] | None:
    """The phrase naming a speaker from token i up to the clause end, or None."""
    if i > hi or is_quote_mark(tokens[i]):
        return None
    last_head = -1
    for k in range(i, min(hi, i + _MAX_TOKENS - 1) + 1):
        role = _role(tokens, k, k == i, hi)
        if role == "bad":
            return None
        if role == "end":
            return (i, last_head) if last_head == k - 1 else None
        if role == "head":
            last_head = k
    end = min(hi, i + _MAX_TOKENS - 1)
    return (i, last_head) if end == hi and last_head == hi else None
