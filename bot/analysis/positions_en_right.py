"""Where English content right of a cue ends: at contrasts, semicolons and dashes, a second
predicate of the main subject, the main verb after an infinitive's object, and the next frame."""

from __future__ import annotations

from bot.analysis.positions_en_frames import Scope
from bot.analysis.positions_en_phrases import FINITE_TAGS
from bot.language.tokens import Token

_CLAUSE_BREAKS = frozenset({";", "--", "—", "–"})
_CONTRASTS = frozenset({"but", "while", "although", "though", "whereas", "yet"})
_MAX_PARENTHETICAL = 25
_MAX_SUBJECT = 8
_LINK_TAGS = frozenset({"CJT", "CJS", "CJC", "PNQ", "DTQ", "AVQ"})


def right_end(scope: Scope, start: int) -> int:
    """The last token of content that starts at token `start` (inclusive)."""
    toks = scope.tokens
    end = min(scope.hi, scope.stop - 1)
    participle = start - 2 >= scope.lo and toks[start - 1].tag == "VVG" and toks[start - 2].text == ","
    # "supporters who came to protest the convention say ...": an infinitive's object ends where the
    # main verb comes, unless a complementizer or relative pronoun opened a clause of its own
    infinitive = start - 2 >= scope.lo and toks[start - 1].tag == "VVI" and toks[start - 2].tag == "TO0"
    linked = False
    skip_to = -1  # the closing dash of a parenthetical "-- Mitt Romney, John McCain --"
    for k in range(start, end + 1):
        if k <= skip_to:
            continue
        tok = toks[k]
        if infinitive:
            if tok.tag in _LINK_TAGS:
                linked = True
            elif (
                not linked
                and tok.tag in {"VVB", "VVZ", "VVD"}
                and toks[k - 1].tag in {"NN1", "NN2", "NP0"}
                and scope.quote_of[k] < 0
            ):
                end = k - 1
                break
        if participle and tok.text == "," and k < end and toks[k + 1].tag in FINITE_TAGS:
            end = k - 1  # ", citing documents, reported ...": the main clause resumes
            break
        if tok.text in _CLAUSE_BREAKS and scope.quote_of[k] < 0:
            closing = _closing_dash(toks, k, end) if tok.text != ";" else None
            if closing is not None:
                skip_to = closing
                continue
            end = k - 1
            break
        if tok.text == "," and k + 1 <= end and scope.quote_of[k] < 0:
            nxt = toks[k + 1].text.lower()
            if (
                nxt in _CONTRASTS
                and _clause_follows(toks, k + 2, end)
                and not _second_complement(toks, k + 2)
            ) or (nxt == "according" and k + 2 <= end):
                end = k - 1
                break
        if (
            tok.text.lower() in {"and", "but"}
            and k > start
            and _starts_predicate(toks, k + 1, end)
            and (
                toks[k - 1].text == ","
                or tok.text.lower() == "but"
                or not any(toks[m].tag in FINITE_TAGS for m in range(start, k))
            )
        ):
            end = k - 1  # "..., and has championed": a second predicate of the main subject
            break
    while end >= start and toks[end].text in {".", ",", ":", "!"} and scope.quote_of[end] < 0:
        end -= 1
    return end


def _closing_dash(toks: list[Token], k: int, end: int) -> int | None:
    """The dash that closes a parenthetical opened by the dash at k, within the next few tokens."""
    for m in range(k + 1, min(end, k + _MAX_PARENTHETICAL) + 1):
        if toks[m].text == toks[k].text:
            return m if m < end else None
        if toks[m].text in {";", "."}:
            return None
    return None


def _clause_follows(toks: list[Token], k: int, end: int) -> bool:
    """A subject and its verb follow (", but critics disagreed"), not a bare predicate (", but required")."""
    if k > end or toks[k].tag.startswith("V") or toks[k].tag in {"AJ0", "AV0"}:
        return False
    return any(toks[m].tag in FINITE_TAGS for m in range(k + 1, min(end, k + _MAX_SUBJECT) + 1))


def _starts_predicate(toks: list[Token], k: int, end: int) -> bool:
    while k <= end and toks[k].tag in {"AV0", "XX0"}:
        k += 1
    return k <= end and (toks[k].tag in FINITE_TAGS and toks[k].tag != "VVB")


def _second_complement(toks: list[Token], k: int) -> bool:
    """ ", but that he would not ...": a second that-clause of the same cue, not a new sentence part."""
    return k < len(toks) and toks[k].text.lower() == "that" and toks[k].tag == "CJT"
