"""Coreference for speaker spans: pronouns, first person inside quotes, relative pronouns.

Antecedents are scored by sentence distance, subjecthood, gender/number agreement (natural gender for
people, grammatical gender for German organisations and states) and recency.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from bot.analysis.actors_build import ActorRecord
from bot.analysis.actors_context import plural_verb_near
from bot.analysis.document import Document

# pronoun -> feature: m f n pl fpl (German "sie": feminine or plural), 1 (first person), rel
PRONOUNS = {
    "de": {
        **dict.fromkeys("er ihm ihn sein seine seiner seinem seinen seines ihn".split(), "m"),
        **dict.fromkeys("sie ihr ihre ihrer ihrem ihren ihres".split(), "fpl"),
        **dict.fromkeys("ihnen".split(), "pl"),
        **dict.fromkeys("es".split(), "n"),
        **dict.fromkeys(
            "ich mir mich mein meine meiner meinem meinen wir uns unser unsere unserer".split(), "1"
        ),
        **dict.fromkeys("der die das welcher welche welches".split(), "rel"),
    },
    "en": {
        **dict.fromkeys("he him his himself".split(), "m"),
        **dict.fromkeys("she her hers herself".split(), "f"),
        **dict.fromkeys("it its itself".split(), "n"),
        **dict.fromkeys("they them their theirs themselves".split(), "pl"),
        **dict.fromkeys("i me my mine myself we us our ours ourselves".split(), "1"),
        **dict.fromkeys("who whom whose which that".split(), "rel"),
    },
}
_OPENING = {"„": "“", "“": "”", "«": "»", "»": "«", '"': '"', "‚": "‘"}
# closers accepted in quote_spans: news text mixes typographic and straight quotes ("...,” he said)
_CLOSERS = {"„": '“”"', "“": '”"', "«": "»", "»": "«", '"': '"”', "‚": "‘’"}


@dataclass(slots=True)
class Ref:
    start: int
    end: int
    sent: int
    record: ActorRecord
    subject: bool
    quoted: bool = False  # inside a quotation: no antecedent for a pronoun outside it
    speaker: bool = False  # the holder of a position: speakers tend to go on speaking


def _compatible(
    rec: ActorRecord, feature: str, plural: bool | None, english: bool = False
) -> tuple[bool, float]:
    """(agrees, bonus) for a record and a pronoun feature."""
    kind, gender = rec.kind, rec.gender
    if english and kind != "person":
        return feature in {"n", "pl"}, 0.5
    if feature in {"m", "f"}:
        if kind == "person":
            if gender in {"m", "f"}:
                return gender == feature, 1.5
            return True, 0.0
        if kind == "group" and gender == "pl":
            return False, 0.0
        return gender == feature, 0.5
    if feature == "fpl":
        if plural is True:
            return _compatible(rec, "pl", None)
        if plural is False:
            return _compatible(rec, "f", None)
        agrees_f, bonus_f = _compatible(rec, "f", None)
        agrees_p, bonus_p = _compatible(rec, "pl", None)
        return agrees_f or agrees_p, max(bonus_f if agrees_f else 0.0, bonus_p if agrees_p else 0.0)
    if feature == "n":
        if kind == "person":
            return False, 0.0
        return (gender in {"n", ""} or not gender) if gender != "pl" else False, 0.5
    if feature == "pl":
        if kind == "person":
            return False, 0.0
        return gender == "pl" or kind == "group" or (kind == "organisation" and gender == ""), 0.5
    return True, 0.0


_MAX_DISTANCE = 3  # sentences back to look for an antecedent
_SPEAKER_BONUS = 1.0
_LISTED_BONUS = 1.5  # a mention that made its actor part of the story, not a passing one
_SUBJECT_BONUS = 2.0


def _personal(
    refs: list[Ref], doc: Document, start: int, sent: int, feature: str, quoted: bool
) -> ActorRecord | None:
    plural = None
    tok = doc.token_at(start)
    if feature == "fpl" and tok is not None and doc.language == "de":
        sentence = doc.sentences[tok.sentence].tokens
        plural = plural_verb_near(sentence, tok.index - sentence[0].index)
    best: tuple[float, ActorRecord] | None = None
    i = bisect_left(refs, start, key=_start) - 1
    while i >= 0:
        ref = refs[i]
        i -= 1
        distance = sent - ref.sent
        if distance > _MAX_DISTANCE:
            break
        if ref.end > start or (ref.quoted and not quoted):
            continue
        agrees, bonus = _compatible(ref.record, feature, plural, doc.language == "en")
        if not agrees:
            continue
        score = -3.0 * distance + (_SUBJECT_BONUS if ref.subject else 0.0) + bonus
        score += (_LISTED_BONUS if ref.record.listed else 0.0) + (_SPEAKER_BONUS if ref.speaker else 0.0)
        score += ref.start / 1e7
        if best is None or score > best[0]:
            best = (score, ref.record)
    return best[1] if best else None


def _start(ref: Ref) -> int:
    return ref.start


_RELATIVE_REACH = 40  # characters between a name and its relative pronoun ("X, 24, from Y, who said")


def _relative(refs: list[Ref], doc: Document, start: int, sent: int) -> ActorRecord | None:
    i = bisect_left(refs, start, key=_start) - 1
    if i < 0 or refs[i].sent != sent:
        return None
    ref = refs[i]
    gap = doc.text[ref.end : start]
    if start - ref.end <= 3 or (len(gap) <= _RELATIVE_REACH and gap.rstrip().endswith(",")):
        return ref.record
    return None


_QUOTE_EVENTS = re.compile("\n\n|[" + re.escape("".join(_OPENING) + "".join(_CLOSERS.values())) + "]")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """All quotations (start, end) of a text, paired within paragraphs; an unclosed one runs to the
    paragraph's end."""
    spans: list[tuple[int, int]] = []
    open_at = -1
    closers = ""
    for match in _QUOTE_EVENTS.finditer(text):
        i = match.start()
        ch = match.group()
        if ch == "\n\n":
            if open_at >= 0:
                spans.append((open_at, i))
            open_at = -1
        elif open_at >= 0 and ch in closers:
            spans.append((open_at, i + 1))
            open_at = -1
        elif open_at < 0 and ch in _OPENING and (i == 0 or not text[i - 1].isalnum()):
            open_at, closers = i, _CLOSERS[ch]
    if open_at >= 0:
        spans.append((open_at, len(text)))
    return spans


def inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """Is offset inside one of the sorted, disjoint spans?"""
    k = bisect_left(spans, (offset + 1,)) - 1
    return k >= 0 and spans[k][0] < offset < spans[k][1]


def quote_region(text: str, offset: int) -> tuple[int, int] | None:
    """The quotation (start, end) that contains offset, looking within its paragraph."""
    para_start = text.rfind("\n\n", 0, offset) + 1
    para_end = text.find("\n\n", offset)
    para_end = len(text) if para_end < 0 else para_end
    open_at = -1
    closer = ""
    i = para_start
    while i < para_end:
        ch = text[i]
        if open_at < 0 and ch in _OPENING and (i == 0 or not text[i - 1].isalnum()):
            open_at, closer = i, _OPENING[ch]
        elif open_at >= 0 and ch == closer:
            if open_at < offset < i:
                return open_at, i + 1
            open_at = -1
        i += 1
    if open_at >= 0 and open_at < offset:
        return open_at, para_end
    return None


def _first_person(refs: list[Ref], doc: Document, start: int) -> ActorRecord | None:
    region = quote_region(doc.text, start)
    if region is None:
        return None
    q_start, q_end = region
    lo = bisect_left(refs, q_start - 200, key=_start)
    hi = bisect_left(refs, q_end + 81, key=_start)
    speakers = refs[lo:hi]
    after = [r for r in speakers if q_end <= r.start <= q_end + 80]
    if after:
        return min(after, key=lambda r: (not r.subject and r.record.kind != "person", r.start)).record
    before = [
        r for r in speakers if q_start - 200 <= r.end <= q_start and quote_region(doc.text, r.start) is None
    ]
    if before:
        return max(before, key=lambda r: (r.record.kind == "person", r.subject, r.end)).record
    return None


def resolve_pronoun(
    refs: list[Ref], doc: Document, start: int, word: str, quoted: bool = False
) -> ActorRecord | None:
    """The antecedent of a pronoun at start; quoted says whether the pronoun stands in a quotation."""
    feature = PRONOUNS.get(doc.language, {}).get(word.lower())
    tok = doc.token_at(start)
    if feature is None or tok is None:
        return None
    if feature == "rel":
        return _relative(refs, doc, start, tok.sentence)
    if feature == "1":
        return _first_person(refs, doc, start)
    return _personal(refs, doc, start, tok.sentence, feature, quoted)


def pronoun_gender(word: str, language: str) -> str:
    """ "m" or "f" when the pronoun tells a person's gender ("he", "er", "she"), else ""."""
    feature = PRONOUNS.get(language, {}).get(word.lower(), "")
    return feature if feature in {"m", "f"} else ""


def is_pronoun(word: str, language: str) -> bool:
    return word.lower() in PRONOUNS.get(language, {})
