"""Attributions by colon: headlines ("Sanders: Brexit's message could help Trump"), transcripts
("TAPPER: ..."), and lead-ins ("More from the report: “...”")."""

from __future__ import annotations

from bot.analysis.positions_en_frames import Frame, Scope
from bot.analysis.positions_en_phrases import left_np
from bot.language.lexicons import lower_word_list
from bot.language.tokens import Token

_LEAD_INS = frozenset({"-", "–", "—", "from", "--"})
_MAX_SOURCE_TOKENS = 7
_MIN_TITLE_WORDS = 4
_TITLE_SHARE = 0.7


def colon_frame(scope: Scope, i: int) -> Frame | None:
    """A frame for the colon at token i when a short source phrase opens the line before it."""
    toks = scope.tokens
    if i <= scope.lo or toks[i - 1].end != toks[i].start:
        return None
    source = left_np(toks, i - 1, scope.lo)
    if source is None or source[1] - source[0] >= _MAX_SOURCE_TOKENS:
        return None
    before = source[0] - 1
    if before >= scope.lo and toks[before].text.lower() not in _LEAD_INS:
        return None
    if not _looks_like_source(toks[source[1]]):
        return None
    k = i + 1
    quote_index = scope.quote_of[k] if k < len(toks) else -1
    if (
        quote_index >= 0
        and scope.quotes[quote_index].start == toks[k].start
        and (k <= scope.hi or toks[k].start - toks[i].end < 4)
    ):
        quote = scope.quotes[quote_index]
        return Frame("direct", (i, i), source, (quote.start, quote.end), quoted=True, weak=True)
    if k > scope.hi:
        return None
    end = scope.hi
    while end > k and toks[end].text in {".", ",", ";"}:
        end -= 1
    # a headline "Poll: Trump ties Clinton, campaign says ...": the line's source holds it all
    headline = source[0] == scope.lo
    if not any(toks[m].tag.startswith("V") for m in range(k, end + 1)) and not (
        headline and _title_cased(toks[k : end + 1])
    ):
        return None
    return Frame("indirect", (i, i), source, (toks[k].start, toks[end].end), weak=not headline)


def _looks_like_source(tok: Token) -> bool:
    """A name or a noun for a speaker; not a label such as "Note" or a number."""
    if tok.text.lower() in lower_word_list("colon_labels_en"):
        return False  # "Editor's Note:", "The Latest:"
    return (tok.text[:1].isupper() and tok.text.isalpha()) or tok.tag == "PNP"


def _title_cased(tokens: list[Token]) -> bool:
    """A headline in title case ("Trump Ties Clinton in Three-Way Contest"), whose verbs the tagger
    often reads as nouns."""
    words = [tok.text for tok in tokens if tok.text[:1].isalpha()]
    if len(words) < _MIN_TITLE_WORDS or sum(tok.text == "," for tok in tokens) > 1:
        return False  # too short, or a list of names
    return sum(word[0].isupper() for word in words) >= _TITLE_SHARE * len(words)
