"""Frames after the sentence pass: nested frames dropped, following quotations joined on."""

from __future__ import annotations

import bisect

from bot.analysis.positions_en_frames import Frame
from bot.analysis.positions_en_quotes import Quote
from bot.language.tokens import Sentence, Token

_GAP_CHARS = frozenset(" \t\r\n\xa0.,;:!?")
_QUOTE_OPENERS = frozenset("\"“„«'`")
_ADVERBIAL_LINKS = frozenset({"when", "after"})
_CLOSING_MARKS = "\"”»'’ "


def quotes_of_tokens(tokens: list[Token], quotes: list[Quote]) -> list[int]:
    """For each token, the index of the quotation it lies in (marks included), or -1."""
    out = [-1] * len(tokens)
    q = 0
    for i, tok in enumerate(tokens):
        while q < len(quotes) and quotes[q].end <= tok.start:
            q += 1
        if q < len(quotes) and quotes[q].start <= tok.start < quotes[q].end:
            out[i] = q
    return out


def drop_nested(frames: list[Frame], tokens: list[Token]) -> list[Frame]:
    """Drop a frame whose cue lies inside the content of a wider frame ("X said Y wants Z")."""
    if len(frames) < 2:
        return frames
    cue_starts = [tokens[f.cue[0]].start for f in frames]
    weak_dropped = {
        n
        for n, frame in enumerate(frames)
        if frame.weak
        and any(frame.content[0] <= c < frame.content[1] for m, c in enumerate(cue_starts) if m != n)
    }
    order = sorted(
        (n for n in range(len(frames)) if n not in weak_dropped),
        key=lambda n: frames[n].content[0] - frames[n].content[1],
    )
    kept: list[int] = []
    for n in order:
        cue_start = tokens[frames[n].cue[0]].start
        outer = [m for m in kept if frames[m].content[0] <= cue_start < frames[m].content[1]]
        if outer and not _trim_before_adverbial(frames[n], [frames[m] for m in outer], tokens):
            continue
        kept.append(n)
    return [frames[n] for n in sorted(kept)]


def _trim_before_adverbial(inner: Frame, outers: list[Frame], tokens: list[Token]) -> bool:
    """ "She admitted it made a mistake when a doctor reported high lead levels": an adverbial clause
    with its own finite verb of attribution ends the content it stands in; both frames stay."""
    cue = tokens[inner.cue[0]]
    if cue.tag not in {"VVD", "VVZ"} and cue.text.lower() != "asked":
        return False
    first = (
        inner.speaker[0] if inner.speaker is not None and inner.speaker[0] < inner.cue[0] else inner.cue[0]
    )
    link = first - 1
    if link < 1 or tokens[link].text.lower() not in _ADVERBIAL_LINKS:
        return False
    end = link - 1
    while end > 0 and tokens[end].text in {",", "—", "–", "--"}:
        end -= 1
    if any(tokens[end].end <= outer.content[0] or outer.cue[1] >= link for outer in outers):
        return False  # "Later, when I emailed him, he replied": the clause opens the outer frame
    for outer in outers:
        outer.content = (outer.content[0], tokens[end].end)
    return True


def join_continuations(
    frames: list[Frame], quotes: list[Quote], sentences: list[Sentence], text: str, tokens: list[Token]
) -> list[Frame]:
    """Extend a frame over the quotations that directly follow its sentence and have no cue of their own."""
    if not frames or not quotes:
        return frames
    starts = [s.start for s in sentences]

    def sentence_end(offset: int) -> int:
        k = bisect.bisect_right(starts, offset) - 1
        return sentences[k].end if k >= 0 else offset

    frames = sorted(frames, key=lambda f: f.content[0])
    content_starts = [f.content[0] for f in frames]
    covered = _covered(frames)
    for quote in quotes:
        if _inside(covered, quote.start):
            continue
        k = bisect.bisect_right(content_starts, quote.start) - 1
        if k < 0:
            continue
        frame = frames[k]
        if frame.content[1] > quote.start:
            continue
        frame_end = max(frame.content[1], tokens[frame.cue[1]].end)
        if frame.speaker is not None:
            frame_end = max(frame_end, tokens[frame.speaker[1]].end)
        reach = max(frame_end, sentence_end(frame_end - 1))
        if reach > quote.start:
            reach = frame.content[1]
        if quote.start - reach > 400 or any(ch not in _GAP_CHARS for ch in text[reach : quote.start]):
            continue
        if _tagged(text, quote):
            continue
        frame.content = (frame.content[0], quote.end)
        frame.quoted = True
        covered = _covered(frames)
    _join_backwards(frames, quotes, text, covered)
    return frames


def _join_backwards(
    frames: list[Frame], quotes: list[Quote], text: str, covered: list[tuple[int, int]]
) -> None:
    """A quotation paragraph right before a frame whose content opens with a quotation belongs to it:
    "“A.” / “B,” she said." gives one position from A to B."""
    content_starts = [f.content[0] for f in frames]
    for quote in reversed(quotes):
        if _inside(covered, quote.start):
            continue
        k = bisect.bisect_left(content_starts, quote.end)
        if k >= len(frames):
            continue
        frame = frames[k]
        start = frame.content[0]
        if not frame.quoted or text[start : start + 1] not in _QUOTE_OPENERS:
            continue
        if start - quote.end > 400 or any(ch not in _GAP_CHARS for ch in text[quote.end : start]):
            continue
        frame.content = (quote.start, frame.content[1])
        content_starts[k] = quote.start
        covered.append(frame.content)


def _tagged(text: str, quote: Quote) -> bool:
    """A quotation followed by a speech tag of its own ('“Quiet,” Trump demanded.', '“Why?” he asked')
    continues no earlier frame, even when its own verb was not recognised."""
    inner = text[quote.start : quote.end].rstrip(_CLOSING_MARKS)
    after = text[quote.end : quote.end + 3].lstrip(" \t,")
    if not after or after[0] == "\n":
        return False
    return inner.endswith((",", "—", "–")) or (inner.endswith(("?", "!")) and after[0].islower())


def _covered(frames: list[Frame]) -> list[tuple[int, int]]:
    return sorted(f.content for f in frames)


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    return any(s <= offset < e for s, e in spans)
