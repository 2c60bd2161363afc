"""Positions in English articles: attributions of speech, belief, intention, decision and action.

Follows the conventions of attribution corpora such as PolNeAR: every attribution counts
(quotes, paraphrases, beliefs, intentions, "sources said", "according to"), the speaker is the
local mention (a name, a pronoun, a noun phrase, a relative pronoun), and a quotation that goes
on after its attribution belongs to it.

One pass over each sentence finds cue verbs and source markers outside quotations; for each cue
the frame builder finds the speaker and the content; then frames nested in another frame's
content are dropped and following quotations are joined to the frame they continue.
"""

from __future__ import annotations

import logging
import re

from bot.analysis.document import Document
from bot.analysis.positions import RawPosition
from bot.analysis.positions_en_adjectives import adjective_cue
from bot.analysis.positions_en_bounds import next_boundary
from bot.analysis.positions_en_content import build_content, source_content
from bot.analysis.positions_en_cues import CueSpec, Lexicon, lexicon, marker_at, topic_cue, verb_cue
from bot.analysis.positions_en_filters import only_agent_or_setting, only_time
from bot.analysis.positions_en_frames import Frame, Scope, TokenSpan
from bot.analysis.positions_en_joins import drop_nested, join_continuations, quotes_of_tokens
from bot.analysis.positions_en_light import light_verb_cue
from bot.analysis.positions_en_merge import sentence_scopes
from bot.analysis.positions_en_phrases import (
    FINITE_TAGS,
    RELATIVE_PRONOUNS,
    is_quote_mark,
    skip_left_adverbials,
)
from bot.analysis.positions_en_plausible import appearance_not_view, plausible_cue
from bot.analysis.positions_en_quotes import find_quotes
from bot.analysis.positions_en_quoting import QUOTING, mistagged_cue, quoting_verb
from bot.analysis.positions_en_sources import cueless_frames
from bot.analysis.positions_en_speakers import find_speaker, source_speaker, subject_left
from bot.analysis.positions_en_tags import repaired_tags

log = logging.getLogger(__name__)
_ANY_WORD = re.compile(r"\w+")
_MIN_WORDS_WITHOUT_SPEAKER = 3
_PARTICLES = frozenset({"out", "for", "on", "to", "about"})
_MAX_WORDS_TO_MARKER = 6
_FRONTED_SUBORDINATORS = frozenset(
    {
        "when",
        "while",
        "if",
        "although",
        "though",
        "because",
        "since",
        "after",
        "before",
        "once",
        "unless",
        "as",
    }
)


def find_positions_en(doc: Document) -> list[RawPosition]:
    text, tokens = doc.text, doc.tokens
    quotes = find_quotes(text, doc.article.text_start)
    quote_of = quotes_of_tokens(tokens, quotes)
    lex = lexicon()
    frames: list[Frame] = []
    with repaired_tags(tokens, quote_of, quotes, lex):
        for lo, hi in sentence_scopes(doc.sentences, tokens, quotes, quote_of, lex):
            scope = Scope(text, tokens, quotes, quote_of, lo, hi, hi + 1)
            frames.extend(_sentence_frames(scope, lex))
        frames = drop_nested(frames, tokens)
        frames = join_continuations(frames, quotes, doc.sentences, text, tokens)
    positions = []
    for frame in frames:
        if (
            frame.speaker is None
            and len(_ANY_WORD.findall(text[frame.content[0] : frame.content[1]])) < _MIN_WORDS_WITHOUT_SPEAKER
        ):
            continue  # a fragment without a source: "asked about it", "reported earlier"
        speaker = (tokens[frame.speaker[0]].start, tokens[frame.speaker[1]].end) if frame.speaker else None
        cue = (tokens[frame.cue[0]].start, tokens[frame.cue[1]].end)
        kind = "direct" if frame.quoted and frame.kind == "indirect" else frame.kind
        positions.append(RawPosition(kind, frame.content, speaker, cue))
    log.debug("%d English positions", len(positions))
    return positions


def _sentence_cues(scope: Scope, lex: Lexicon) -> list[tuple[int, int, CueSpec]]:
    """(first token, last token, spec) of each cue in the sentence, outside quotations."""
    toks = scope.tokens
    cues: list[tuple[int, int, CueSpec]] = []
    i = scope.lo
    while i <= scope.hi:
        if scope.quote_of[i] >= 0:
            i += 1
            continue
        marker = marker_at(toks, i, scope.hi, lex)
        if marker is not None:
            cues.append((i, marker[0], marker[1]))
            i = marker[0] + 1
            continue
        adjective = adjective_cue(toks, i, scope.lo, scope.hi)
        if adjective is not None:
            cues.append((i, adjective[0], adjective[1]))
            i = adjective[0] + 1
            continue
        light = light_verb_cue(toks, i, scope.hi)
        if light is not None:
            cues.append((i, light[0], light[1]))
            i = light[0] + 1
            continue
        spec = verb_cue(toks[i], lex)
        if spec is None and quoting_verb(scope, i):
            spec = QUOTING
        if spec is None and i > scope.lo:
            spec = mistagged_cue(scope, i, lex)
        if spec is not None and spec.frame == "raising" and appearance_not_view(scope, i):
            spec = None
        if spec is not None and spec.frame == "topic":
            topic = topic_cue(toks, i, scope.hi, spec)
            if topic is not None and plausible_cue(scope, i):
                cues.append((i, topic[0], topic[1]))
                i = topic[0] + 1
                continue
            spec = None
        if spec is not None and plausible_cue(scope, i):
            last = i
            if i + 1 <= scope.hi and toks[i + 1].tag == "AVP" and toks[i + 1].text.lower() in _PARTICLES:
                last = i + 1
            cues.append((i, last, spec))
            i = last + 1
            continue
        i += 1
    return cues


def _sentence_frames(scope: Scope, lex: Lexicon) -> list[Frame]:
    cues = _sentence_cues(scope, lex)
    toks = scope.tokens
    frames = cueless_frames(scope, lex)
    found: list[tuple[int, int, CueSpec, TokenSpan | None, bool, bool]] = []
    for first, last, spec in cues:
        if spec.frame == "source":
            found.append((first, last, spec, source_speaker(scope, last), True, False))
        else:
            can_invert = spec.frame in {"speech", "quote"} or (
                first > scope.lo and is_quote_mark(toks[first - 1])
            )
            found.append((first, last, spec, *find_speaker(scope, first, last, can_invert)))
    starts = [_frame_start(scope, f[0], f[3], f[4]) for f in found]
    ends = [max(f[1], f[3][1]) if f[3] is not None and f[4] else f[1] for f in found]
    for n, (first, last, spec, speaker, inverted, passive) in enumerate(found):
        later_verbs = {f[0] for f in found[n + 1 :] if f[2].frame != "source"}
        verb_starts = {
            start
            for start, f in zip(starts[n + 1 :], found[n + 1 :], strict=True)
            if toks[f[0]].tag in FINITE_TAGS
        }
        scope.stop = next_boundary(scope, ends[n], starts[n + 1 :], later_verbs, verb_starts)
        if (
            speaker is not None
            and toks[speaker[0]].text.lower() in RELATIVE_PRONOUNS
            and speaker[0] > scope.lo
            and toks[speaker[0] - 1].text == ","
        ):
            scope.stop = min(scope.stop, _next_comma(scope, ends[n] + 1))  # ", who said ..., "
        elif _in_fronted_clause(scope, first):
            scope.stop = min(scope.stop, _next_comma(scope, ends[n] + 1))  # "When X said ..., Y did"
        if spec.frame == "source":
            if _speech_before(scope, found, n):
                continue  # '"Q," X said, according to Y': the verb's subject holds the quote
            content = source_content(scope, first, speaker) if speaker is not None else None
            if content is not None:
                frames.append(Frame(spec.kind, (first, last), speaker, content))
            continue
        subject_first: int | None = None
        if spec.frame == "raising" or passive:
            subject = subject_left(scope, skip_left_adverbials(toks, first - 1, scope.lo))
            subject_first = subject[0] if subject else first
            if spec.frame == "raising":
                # "Voters seem to care more about ...": the subject holds the view
                speaker = subject
        frame_first = starts[n]
        right_start = speaker[1] + 1 if inverted and speaker else last + 1
        main_clause = _as_clause_end(scope, first, last)
        if main_clause is not None:
            # "As the paper noted, the mayor raised ...": the main clause is what was noted
            scope.stop = scope.hi + 1
            frame_first = right_start = main_clause
        built = build_content(scope, spec, frame_first, right_start, subject_first, inverted, speaker)
        if built is None or built[0][1] <= built[0][0] or only_time(scope.text[built[0][0] : built[0][1]]):
            continue
        if only_agent_or_setting(scope, last, built[0]):
            continue
        frames.append(Frame(spec.kind, (first, last), speaker, built[0], built[1]))
    return frames


def _speech_before(
    scope: Scope, found: list[tuple[int, int, CueSpec, TokenSpan | None, bool, bool]], n: int
) -> bool:
    """'"Q," X said, according to Y': a verb of saying with its speaker frames the quotation before
    the source marker found[n], and only a few words stand between the verb and the marker."""
    marker = found[n][0]
    for first, last, spec, speaker, inverted, passive in found[:n]:
        if spec.frame not in {"speech", "quote"} or speaker is None or passive:
            continue
        end = max(last, speaker[1]) if inverted else last
        between = range(end + 1, marker)
        if len(between) > _MAX_WORDS_TO_MARKER or any(
            scope.quote_of[k] >= 0 or scope.tokens[k].tag in FINITE_TAGS for k in between
        ):
            continue
        if any(scope.quote_of[k] >= 0 for k in range(scope.lo, first)):
            return True
    return False


def _in_fronted_clause(scope: Scope, first: int) -> bool:
    """The cue stands in a subordinate clause that opens the sentence: "When Lopez said ..., ..."."""
    toks = scope.tokens
    if toks[scope.lo].text.lower() not in _FRONTED_SUBORDINATORS:
        return False
    return not any(toks[m].text == "," and scope.quote_of[m] < 0 for m in range(scope.lo, first))


def _as_clause_end(scope: Scope, first: int, last: int) -> int | None:
    """The token after the comma closing a sentence-opening "As X noted," / "As X put it,"."""
    toks = scope.tokens
    if toks[scope.lo].text.lower() != "as" or not _in_fronted_clause(scope, first):
        return None
    k = last + 1
    if k <= scope.hi and toks[k].text.lower() == "it":
        k += 1
    if k < scope.hi and toks[k].text in {",", ":"} and scope.quote_of[k] < 0:
        return k + 1  # "As X put it, ..." / "As X put it: “...”"
    return None


def _next_comma(scope: Scope, k: int) -> int:
    toks = scope.tokens
    for m in range(k, scope.hi + 1):
        if toks[m].text == "," and scope.quote_of[m] < 0:
            return m
    return scope.hi + 1


def _frame_start(scope: Scope, first: int, speaker: TokenSpan | None, inverted: bool) -> int:
    """Where a frame starts: its speaker when that stands right before the cue, else the cue."""
    if speaker is None or inverted or speaker[0] > first:
        return first
    if skip_left_adverbials(scope.tokens, first - 1, scope.lo) > speaker[1]:
        return first  # a participle far from its subject: "X said, noting that ..."
    return speaker[0]
