"""Attributions without a verb of saying: "Merkel: Europe must act" (colon), "his support for the
bill" (possessive noun), "In the latest poll, ..." (a document as source), "He reportedly met
the donors" (source adverb)."""

from __future__ import annotations

from bot.analysis.positions_en_colon import colon_frame
from bot.analysis.positions_en_cues import Lexicon, verb_cue
from bot.analysis.positions_en_frames import Frame, Scope
from bot.analysis.positions_en_nouns import noun_frame
from bot.analysis.positions_en_perspective import perspective_frame
from bot.analysis.positions_en_phrases import right_np
from bot.language.lexicons import lower_word_list

_AUX_OR_ADVERB = frozenset({"AV0", "VM0", "XX0", "VHZ", "VHD", "VHB", "VBZ", "VBD", "VBB"})
_MAX_SOURCE_TAIL = 6
_TAIL_STOPS = frozenset(
    {"PUN", "VVZ", "VVB", "VBZ", "VBD", "VBB", "VHZ", "VHD", "VHB", "VM0", "VDZ", "VDD", "VDB"}
)


def cueless_frames(scope: Scope, lex: Lexicon) -> list[Frame]:
    """The frames of one sentence that no cue verb opens."""
    toks = scope.tokens
    frames: list[Frame] = []
    for i in range(scope.lo, scope.hi + 1):
        if scope.quote_of[i] >= 0:
            continue
        if toks[i].text == ":":
            colon = colon_frame(scope, i)
            if colon is not None:
                frames.append(colon)
        elif toks[i].tag in {"NN1", "NN2"}:
            noun = noun_frame(scope, i)
            if noun is not None:
                frames.append(noun)
        elif toks[i].text.lower() in {"for", "to"} and i <= scope.lo + 1:
            perspective = perspective_frame(scope, i)
            if perspective is not None:
                frames.append(perspective)
        elif toks[i].text.lower() == "in" and i <= scope.lo + 1:
            source = in_source_frame(scope, i)
            if source is not None:
                frames.append(source)
        elif toks[i].tag == "AV0" and toks[i].text.lower() in lower_word_list("source_adverbs_en"):
            adverb = adverb_frame(scope, i, lex)
            if adverb is not None:
                frames.append(adverb)
    return frames


def in_source_frame(scope: Scope, i: int) -> Frame | None:
    """ "In the latest poll, Clinton led Trump by eight points": the poll is the source."""
    toks = scope.tokens
    source = right_np(toks, i + 1, scope.hi)
    if source is None or toks[source[1]].text.lower() not in lower_word_list("source_nouns_en"):
        return None
    after = source[1] + 1
    # "In a CBS News poll last month, ...", "In the survey released Monday, ...": up to the comma
    while after <= min(scope.hi, source[1] + _MAX_SOURCE_TAIL) and toks[after].tag not in _TAIL_STOPS:
        after += 1
    if after > scope.hi or toks[after].text != "," or after + 1 > scope.hi:
        return None
    end = scope.hi
    while end > after and toks[end].text in {".", "!", "?"} and scope.quote_of[end] < 0:
        end -= 1
    if end <= after:
        return None
    return Frame("reported", (i, i), source, (toks[after + 1].start, toks[end].end))


def adverb_frame(scope: Scope, i: int, lex: Lexicon) -> Frame | None:
    """ "Google reportedly looked at Twitter": the sentence is attributed to unnamed sources, unless
    a verb of saying follows and carries the attribution itself ("reportedly said")."""
    toks = scope.tokens
    k = i + 1
    while k <= scope.hi and toks[k].tag in _AUX_OR_ADVERB:
        k += 1
    if k <= scope.hi and verb_cue(toks[k], lex) is not None:
        return None
    end = scope.hi
    while end > scope.lo and toks[end].text in {".", "!", "?"} and scope.quote_of[end] < 0:
        end -= 1
    start = (
        scope.quotes[scope.quote_of[scope.lo]].start
        if scope.quote_of[scope.lo] >= 0
        else toks[scope.lo].start
    )
    return Frame("reported", (i, i), None, (start, toks[end].end), weak=True)
