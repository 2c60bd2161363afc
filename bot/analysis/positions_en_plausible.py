"""Whether an English verb form can carry an attribution where it stands: not "the proposed plan",
"271 pledged delegates", "also known as", "for not condemning"."""

from __future__ import annotations

from bot.analysis.positions_en_frames import Scope
from bot.language.lexicons import lower_word_list
from bot.language.tokens import Token

_ADJECTIVAL_BEFORE = frozenset({"AT0", "DPS", "CRD", "DT0", "AJ0", "ORD"})
_QUANTITY_TAGS = frozenset({"CRD", "DT0"})
_NOMINAL_AFTER = frozenset({"NN0", "NN1", "NN2", "NP0", "AJ0", "AJC", "AJS", "CRD", "VVG", "PRP", "PRF"})
_PRESENCE_WORDS = frozenset({"on", "at", "with", "in", "before", "together", "alongside", "onstage", "for"})
_GERUND_OK = frozenset({"before", "after", "while", "by", "in", "without"})


def plausible_cue(scope: Scope, i: int) -> bool:
    """Rule out verb forms that cannot carry an attribution here."""
    toks = scope.tokens
    tok = toks[i]
    prev = toks[i - 1] if i > scope.lo else None
    if prev is not None and prev.text in {"<", "/"} and prev.end == tok.start:
        return False  # markup such as <tweet ...>
    nxt = toks[i + 1] if i < scope.hi else None
    if (
        tok.tag in {"VVN", "VVD"}
        and prev is not None
        and not _after_auxiliary(toks, i, scope.lo)
        and (
            (prev.tag in _ADJECTIVAL_BEFORE and not _quantity_subject(prev, nxt) and not _name_before(prev))
            or (
                (prev.tag in {"PRP", "PRF"} or prev.text.lower() == "more")
                and nxt is not None
                and nxt.tag in {"NN1", "NN2"}
            )
        )
    ):
        return False  # "the proposed plan", "271 pledged delegates", "a lead in pledged delegates"
    if nxt is not None and f"{tok.lemma.lower()} {nxt.text.lower()}" in lower_word_list("non_cue_pairs_en"):
        return False  # "a think tank", "show up"
    if tok.tag in {"VVN", "VVD"} and _adverb_modified_adjective(toks, i, scope.lo, nxt):
        return False  # "a racially charged dismissal", "the widely shared view"
    if tok.tag == "VVG" and prev is not None and prev.tag == "AT0":
        return False  # "at the urging of", "the backing of": a noun
    if tok.tag == "VVN" and nxt is not None and nxt.text.lower() == "as" and tok.lemma == "know":
        return False  # "also known as"
    # "for not condemning", "instead of calling": a gerund after a preposition is no attribution
    return not (
        tok.tag == "VVG"
        and prev is not None
        and prev.tag in {"PRF", "PRP"}
        and prev.text.lower() not in _GERUND_OK
    )


def _name_before(prev: Token) -> bool:
    """ "“...,” Levine said": a capitalised word the tagger read as an adjective or number is a name."""
    return prev.tag in {"AJ0", "CRD"} and prev.text[:1].isupper() and prev.text.isalpha()


def _after_auxiliary(toks: list[Token], i: int, lo: int) -> bool:
    """ "was first reported", "has last said": an ordinal adverb between an auxiliary and its verb."""
    return (
        i - 2 >= lo and toks[i - 1].text.lower() in {"first", "last"} and toks[i - 2].tag[:2] in {"VB", "VH"}
    )


def _quantity_subject(prev: Token, nxt: Token | None) -> bool:
    """ "One in three said the party ...", "Several said they ...": a number or quantifier is the
    subject when no noun follows the verb it stands before."""
    return prev.tag in _QUANTITY_TAGS and (nxt is None or nxt.tag not in _NOMINAL_AFTER)


def appearance_not_view(scope: Scope, i: int) -> bool:
    """ "appeared on Fox News", "appeared together at a rally": "appear" of a presence, not of a view."""
    toks = scope.tokens
    k = i + 1
    while k <= scope.hi and toks[k].tag in {"AV0", "XX0"} and toks[k].text.lower() not in _PRESENCE_WORDS:
        k += 1
    return k > scope.hi or toks[k].text.lower() in _PRESENCE_WORDS or toks[k].tag == "PUN"


def _adverb_modified_adjective(toks: list[Token], i: int, lo: int, nxt: Token | None) -> bool:
    """A participle between an -ly adverb (itself after a determiner, adjective, conjunction or
    preposition) and a noun is an adjective: "his rough and racially charged dismissal"."""
    if i - 2 < lo or nxt is None or nxt.tag not in {"NN1", "NN2"}:
        return False
    adverb, before = toks[i - 1], toks[i - 2]
    return (
        adverb.tag == "AV0"
        and adverb.text.endswith("ly")
        and (before.tag in _ADJECTIVAL_BEFORE or before.tag in {"CJC", "PRP", "PRF"})
    )
