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
from bot.analysis.positions_en_right import right_end
from bot.language.lexicons import lower_word_list
from bot.language.tokens import Token

_MAX_TITLE_WORDS = 4  # a quoted title: "Meet the Press", "Scandal"
_CLAUSE_BREAKS = frozenset({";", "--", "—", "–"})
_VERB_PREFIX = "V"
_LOOKAHEAD = 12
_QUOTE_END_PUNCTUATION = frozenset(",.?!:;…-—–")
_MAX_SUBJECT = 8
_ANSWER_WORDS = frozenset({"yes", "no", "so"})
_ADVERBIAL_TAGS = frozenset({"PRP", "PRF", "CJS", "AVQ", "VVG", "VVN"})


def _has_finite(toks: list[Token], first: int, last: int) -> bool:
    return any(toks[k].tag in FINITE_TAGS or toks[k].tag == "VVG" for k in range(first, last + 1))


def _as_predicate(toks: list[Token], first: int, last: int) -> bool:
    """ "sees [golf courses as wasted space]": an object and its "as" predicate."""
    return any(toks[m].text.lower() == "as" for m in range(first + 1, min(last, first + _MAX_SUBJECT) + 1))


def _has_verb(toks: list[Token], first: int, last: int) -> bool:
    return any(toks[k].tag.startswith(_VERB_PREFIX) for k in range(first, last + 1))


def _titled(scope: Scope, quote: Quote) -> bool:
    """'on Fox News’s “Weekend Report,” Moss said': a title after a possessive, article or
    preposition, not a quotation."""
    toks = scope.tokens
    first = next((k for k in range(scope.lo, scope.hi + 1) if toks[k].start >= quote.start), None)
    if first is None or first - 1 < scope.lo:
        return False
    before = toks[first - 1]
    if before.text.lower() not in {"’s", "'s", "the", "on", "in", "of"} and before.tag != "POS":
        return False
    if len(scope.text[quote.start : quote.end].split()) > _MAX_TITLE_WORDS:
        return False
    return not any(toks[k].tag in FINITE_TAGS for k in range(scope.lo, first))


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
    if quote.end != toks[m].end or _titled(scope, quote):
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
    end = right_end(scope, k) if k <= scope.hi else k - 1
    marked = _marked_start(scope, k, end) if end >= k and _quote_starting(scope, k) is None else None
    if marked is not None:
        k = marked
    left_quote = _quote_ending_before(scope, frame_first)
    participle = toks[frame_first].tag == "VVG" and (speaker is None or speaker[0] != frame_first)
    if left_quote is not None and participle and end >= k:
        left_quote = None  # '..., “...,” saying that ...': the participle has content of its own
    if left_quote is None and frame_first - 1 > scope.lo and toks[frame_first - 1].text.lower() == "as":
        left_quote = _quote_ending_before(scope, frame_first - 1)  # '“...,” as Cruz said'
    if (
        left_quote is None
        and speaker is not None
        and not inverted
        and speaker[0] < frame_first
        and toks[frame_first].tag in {"VVD", "VVZ"}
        and toks[speaker[1] + 1].text == ","
    ):
        left_quote = _quote_ending_before(scope, speaker[0])  # '“...,” Trump, the nominee, said'
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
        and not (end < k and _left_clause(scope, frame_first) is not None)  # "..., the poll found."
        and not (end >= k and _document_source(scope, speaker))  # "The survey found 90 percent support"
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
    if parenthetical and left_clause is not None and _adverbial_opening(scope, left_clause[0]):
        parenthetical = False  # "After reciting the passage, Beck said, “...”": the opening sets the scene
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
    if end == k and toks[k].text.lower() in _ANSWER_WORDS:
        return (toks[k].start, toks[k].end), False  # '“Is he fit?” 72 percent said yes'
    comma_after = right_start <= scope.hi and toks[right_start].text == ","
    if left_quote is not None and not (right_clause and spec.frame == "object" and not comma_after):
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


def _adverbial_opening(scope: Scope, start: int) -> bool:
    """The clause starting at offset `start` opens with a preposition, a subordinator or a participle."""
    k = scope.lo
    while k < scope.hi and scope.tokens[k].start < start:
        k += 1
    return scope.tokens[k].tag in _ADVERBIAL_TAGS


def _document_source(scope: Scope, speaker: TokenSpan | None) -> bool:
    """The speaker is a poll, a study, a report: its findings may be a bare noun phrase."""
    return speaker is not None and scope.tokens[speaker[1]].text.lower() in lower_word_list("source_nouns_en")


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
    if comma - 1 > scope.lo and toks[comma].text.lower() == "as" and toks[comma - 1].text == ",":
        comma -= 1  # "<clause>, as X noted"
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
    end = right_end(scope, k) if k <= scope.hi else k - 1
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
