"""What an English attribution says: the content span around a cue.

Quotations right or left of the frame, "<clause>, X said", "X said (that) <clause>", the
parenthetical "The plan, he said, is sound", content ends at contrasts, semicolons and the
next coordinated frame.
"""

from __future__ import annotations

from bot.analysis.positions_en_cues import CueSpec
from bot.analysis.positions_en_frames import Scope, TokenSpan
from bot.analysis.positions_en_left import span_has_verb, span_holds
from bot.analysis.positions_en_phrases import FINITE_TAGS, is_quote_mark
from bot.analysis.positions_en_quotes import Quote
from bot.language.tokens import Token

_CLAUSE_BREAKS = frozenset({";", "--", "—", "–"})
_CONTRASTS = frozenset({"but", "while", "although", "though", "whereas", "yet"})
_VERB_PREFIX = "V"
_LOOKAHEAD = 12
_QUOTE_END_PUNCTUATION = frozenset(",.?!:;…-—–")
_MAX_PARENTHETICAL = 25
_MAX_SUBJECT = 8
_LINK_TAGS = frozenset({"CJT", "CJS", "CJC", "PNQ", "DTQ", "AVQ"})


def _has_finite(toks: list[Token], first: int, last: int) -> bool:
    return any(toks[k].tag in FINITE_TAGS or toks[k].tag == "VVG" for k in range(first, last + 1))


def _as_predicate(toks: list[Token], first: int, last: int) -> bool:
    """ "sees [golf courses as wasted space]": an object and its "as" predicate."""
    return any(toks[m].text.lower() == "as" for m in range(first + 1, min(last, first + _MAX_SUBJECT) + 1))


def _has_verb(toks: list[Token], first: int, last: int) -> bool:
    return any(toks[k].tag.startswith(_VERB_PREFIX) for k in range(first, last + 1))


def _right_end(scope: Scope, start: int) -> int:
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
            if (nxt in _CONTRASTS and _clause_follows(toks, k + 2, end)) or (
                nxt == "according" and k + 2 <= end
            ):
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


def _quote_starting(scope: Scope, k: int) -> Quote | None:
    """A quotation opening at token k; after a colon that ends the sentence, also in the next one."""
    in_reach = k <= scope.hi or (
        k < len(scope.tokens) and scope.tokens[k - 1].text == ":" and scope.quote_of[k - 1] < 0
    )
    if in_reach and scope.quote_of[k] >= 0:
        quote = scope.quotes[scope.quote_of[k]]
        if quote.start == scope.tokens[k].start:
            return quote
    return None


def _quote_ending_before(scope: Scope, k: int) -> Quote | None:
    """A quotation that closes right before token k (allowing a comma between)."""
    toks = scope.tokens
    m = k - 1
    while m >= scope.lo and scope.quote_of[m] < 0 and (toks[m].text == "," or is_quote_mark(toks[m])):
        m -= 1  # the comma, and stray marks such as a third apostrophe after a doubled one
    if m < scope.lo or scope.quote_of[m] < 0 or m < k - 3:
        return None
    quote = scope.quotes[scope.quote_of[m]]
    if quote.end != toks[m].end:
        return None
    # '"We won," she said' or '"We won", she said', not a name in quotes: 'the "Never Trump" camp said'
    punctuated = scope.text[quote.start : quote.end].rstrip("\"”'’» ")[-1:] in _QUOTE_END_PUNCTUATION
    return quote if punctuated or m < k - 1 else None


def _marked_start(scope: Scope, k: int, end: int) -> int | None:
    """Where marked content begins after a few circumstantial words: "said on Tuesday that ...",
    "said of the request: “...”", "told reporters, “...”". None when a verb comes first."""
    toks = scope.tokens
    for m in range(k, min(end, k + _LOOKAHEAD) + 1):
        tok = toks[m]
        if _quote_starting(scope, m) is not None and m > k and toks[m - 1].text in {",", ":"}:
            return m
        if tok.text == ":" and scope.quote_of[m] < 0:
            return m + 1
        if tok.tag == "CJT" and tok.text.lower() == "that":
            return m
        if tok.tag.startswith(_VERB_PREFIX) or scope.quote_of[m] >= 0 or tok.text in {";", "."}:
            return None
    return None


def build_content(
    scope: Scope,
    spec: CueSpec,
    frame_first: int,
    right_start: int,
    subject_first: int | None,
    inverted: bool = False,
    speaker: TokenSpan | None = None,
) -> tuple[tuple[int, int], bool] | None:
    """Content offsets and whether they are quoted, for a frame spanning frame_first..right_start-1.

    `subject_first` is where the grammatical subject starts when it is not the source (passives,
    "X seems to ...").
    """
    toks = scope.tokens
    k = right_start
    while k <= scope.hi and toks[k].text in {",", ":"} and scope.quote_of[k] < 0:
        k += 1
    end = _right_end(scope, k) if k <= scope.hi else k - 1
    marked = _marked_start(scope, k, end) if end >= k and _quote_starting(scope, k) is None else None
    if marked is not None:
        k = marked
    left_quote = _quote_ending_before(scope, frame_first)
    left_start = left_quote.start if left_quote is not None else 0
    if left_quote is not None and scope.quote_of[scope.lo] < 0 and toks[scope.lo].start < left_start:
        left_start = toks[scope.lo].start  # 'Gore tried to, and he "made a mistake," Lichtman said'
    if spec.frame == "quote" and left_quote is None and _quote_starting(scope, k) is None:
        return None  # "continued to ..." is no attribution; "he continued: “...”" is
    if (
        spec.frame == "clause"
        and marked is None
        and not _has_finite(toks, k, end)
        and not _as_predicate(toks, k, end)
    ):
        return None  # "found them", "feel terrible"; but "sees them as a threat"
    # "The plan, he said, is sound"; not a participle: "X urged ..., saying, “...”"
    parenthetical = (
        not inverted
        and right_start <= scope.hi
        and toks[right_start].text == ","
        and toks[right_start - 1].tag != "VVG"
    )
    left_clause = _left_clause(scope, frame_first)
    if (
        left_clause is not None
        and speaker is not None
        and toks[frame_first].tag == "VVG"
        and span_holds(scope, left_clause, speaker)
    ):
        left_clause = None  # "Clinton celebrated ..., declaring ...": the speaker's own clause
    right_quote = _quote_starting(scope, k)
    if inverted and right_quote is None:
        # "The strike will end, said Anna Berg, a spokeswoman": what follows the speaker is apposition
        if left_quote is not None:
            return (left_start, left_quote.end), True
        if left_clause is not None:
            return left_clause, False
    if right_quote is not None:
        if left_quote is not None:
            start = left_start
        elif left_clause is not None and parenthetical:
            start = left_clause[0]
        else:
            start = right_quote.start
        stop = right_quote.end
        if (
            end >= k
            and toks[end].end > stop
            and any(toks[m].text[:1].isalnum() for m in range(k, end + 1) if toks[m].start >= stop)
        ):
            stop = toks[end].end  # the sentence goes on after the quotation
        return (start, stop), True
    if subject_first is not None:
        first = subject_first
        return (toks[first].start, _content_end(scope, max(end, first))), False
    right_clause = end >= k and (
        marked is not None
        or spec.frame == "object"
        or right_start < k
        or (_has_verb(toks, k, end) and toks[k].tag not in {"PRP", "PRF"})
    )
    if left_quote is not None and not (right_clause and spec.frame == "object"):
        return (left_start, left_quote.end), True
    if right_clause:
        if left_clause is not None and parenthetical:
            return (left_clause[0], _content_end(scope, end)), False  # "The plan, he said, is sound."
        return (toks[k].start, _content_end(scope, end)), False
    if spec.frame == "quote":
        return None
    if left_clause is not None and (end < k or span_has_verb(scope, left_clause)):
        return left_clause, False
    if end >= k:
        return (toks[k].start, toks[end].end), False
    return None


def _content_end(scope: Scope, end: int) -> int:
    """The end offset of content whose last token is `end`: a quotation it opened runs to its close
    ('said that “ethanol people” “do a fantastic job. And it’s so important.”')."""
    index = scope.quote_of[end]
    if index >= 0 and scope.quotes[index].closed:
        return max(scope.quotes[index].end, scope.tokens[end].end)
    return scope.tokens[end].end


def _left_clause(scope: Scope, frame_first: int) -> tuple[int, int] | None:
    """'<clause>, X said': the clause before the comma that precedes the frame."""
    toks = scope.tokens
    comma = frame_first - 1
    if comma <= scope.lo or toks[comma].text != ",":
        return None
    first = scope.lo
    for k in range(comma - 1, scope.lo - 1, -1):
        if toks[k].text in _CLAUSE_BREAKS or toks[k].text == ":":
            first = k + 1
            break
    if first >= comma:
        return None
    return _quote_aware_start(scope, first), toks[comma - 1].end


def _quote_aware_start(scope: Scope, first: int) -> int:
    """The offset where content opening at token `first` starts, back to the quotation it is in."""
    index = scope.quote_of[first]
    return scope.quotes[index].start if index >= 0 else scope.tokens[first].start


def source_content(scope: Scope, i: int, speaker: TokenSpan) -> tuple[int, int] | None:
    """Content of "according to X, ..." (after the source) or "..., according to X" (before it)."""
    toks = scope.tokens
    first = i
    while first > scope.lo and toks[first - 1].text in {",", "(", "—", "–"}:
        first -= 1
    k = speaker[1] + 1
    parenthetical = k <= scope.hi and toks[k].text == ","  # "Now, according to the poll, some are ..."
    while k <= scope.hi and toks[k].text == ",":
        k += 1
    end = _right_end(scope, k) if k <= scope.hi else k - 1
    if first > scope.lo:
        start = _quote_aware_start(scope, scope.lo)
        return start, toks[end].end if parenthetical and end >= k else toks[first - 1].end
    if end < k:
        return None
    quote = _quote_starting(scope, k)
    stop = toks[end].end
    if quote is not None and quote.end > stop:
        stop = quote.end  # a quotation that runs on past the sentence
    return toks[k].start, stop
