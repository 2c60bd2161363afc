"""Content introduced by a noun of speech: "die Forderung des Vorsitzenden, auf die SPD
zuzugehen", "Wissenschaftler stellten die Theorie auf, dass ...", "der Vorwurf, das Gericht sei
nicht legitim". The complement after the comma is a dass/ob clause, an infinitive with "zu" or a
clause in Konjunktiv; the holder is a genitive or "von" phrase after the noun, otherwise the
subject of the clause when the noun is its object.
"""

from __future__ import annotations

from bot.analysis.positions_de_clauses import main_verb
from bot.analysis.positions_de_context import Context
from bot.analysis.positions_de_lexicon import FINITE_TAGS, is_subjunctive, speech_nouns
from bot.analysis.positions_de_phrases import np_end, subject_after, subject_before
from bot.analysis.positions_de_speakers import existential
from bot.language.tokens import Sentence, Token

Span = tuple[int, int]
_ATTRIBUTE_STARTS = frozenset(
    {"des", "der", "eines", "einer", "seines", "seiner", "ihres", "ihrer", "von", "vom"}
)
_COMPLEMENT_ENDS = frozenset({".", "!", "?", ";", ":"})
_NOT_COMPLEMENT = frozenset({"KOUI", "KOUS", "PRELS", "PRELAT", "PWAV", "PWS"})
_SUBJECT_REACH = 7  # tokens of the first constituent of a verb-second complement, plus one
_REACH = 10  # tokens between the noun and the comma before its complement


def noun_frames(ctx: Context, sent: Sentence) -> None:
    toks = ctx.toks
    lo, hi = sent.first, sent.last + 1
    for j in range(lo, hi - 2):
        if toks[j].text not in speech_nouns() or toks[j].tag not in {"NN", "NE"} or ctx.in_quote(j):
            continue
        attribute = _attribute(toks, j, hi)
        comma = attribute[1] if attribute else j + 1
        while comma < min(hi, j + _REACH) and toks[comma].text != "," and toks[comma].tag not in FINITE_TAGS:
            comma += 1  # "die Theorie auf,", "Zweifel daran,"
        if comma + 1 >= hi or toks[comma].text != ",":
            continue
        end = _complement_end(ctx, comma + 1, hi)
        if end is None:
            continue
        content = ctx.content(comma + 1, end)
        if content is None or ctx.overlaps(*content):
            continue
        speaker = attribute or _clause_subject(ctx, sent, j)
        if speaker is None and existential(ctx, sent):
            continue  # "Es besteht wenig Zweifel, dass ...": the writer's own statement
        ctx.add("indirect", content, sent.index, speaker, (j, j + 1))


def _attribute(toks: list[Token], j: int, hi: int) -> Span | None:
    """A genitive or "von" phrase naming the holder: "der Forderung des Vorsitzenden X"."""
    if j + 1 >= hi or toks[j + 1].lower not in _ATTRIBUTE_STARTS:
        return None
    start = j + 2 if toks[j + 1].lower in {"von", "vom"} else j + 1
    end = np_end(toks, start, hi)
    if end is None or not any(t.tag in {"NE", "NN", "FM"} for t in toks[start:end]):
        return None
    return (start, end)


def _complement_end(ctx: Context, start: int, hi: int) -> int | None:
    """End of a complement clause starting at `start`, or None when none starts there. It ends at
    a comma before the main clause's verb or at the end of the sentence."""
    toks = ctx.toks
    first = toks[start]
    if first.tag in _NOT_COMPLEMENT and first.lower not in {"dass", "daß", "ob"}:
        return None
    end = start
    while end < hi and toks[end].text not in _COMPLEMENT_ENDS:
        if toks[end].text == "," and end + 1 < hi and toks[end + 1].tag in FINITE_TAGS:
            break
        end += 1
    words = toks[start:end]
    if len(words) < 3:
        return None
    if first.lower in {"dass", "daß", "ob"}:
        return end
    finite = [t for t in words if t.tag in FINITE_TAGS and not ctx.in_quote(t.index)]
    if any(t.tag in {"VV(IZU)", "PTKZU"} for t in words) and not finite:
        return end  # an infinitive with "zu"
    verb_second = _verb_second(words)  # "der Vorwurf, das Gericht sei nicht legitim, ..."
    if verb_second is not None and is_subjunctive(verb_second):
        return next((m for m in range(verb_second.index + 1, end) if toks[m].text == ","), end)
    return None


def _verb_second(words: list[Token]) -> Token | None:
    """The finite verb after a first constituent: "das Gericht sei", "die neue Sorte werde"."""
    for t in words[1:_SUBJECT_REACH]:
        if t.tag in FINITE_TAGS:
            return t
        if t.text == "," or t.tag in _NOT_COMPLEMENT:
            return None
    return None


def _clause_subject(ctx: Context, sent: Sentence, noun: int) -> Span | None:
    """The subject of the main clause, when the noun is not part of it: "Wissenschaftler stellten
    die Theorie auf", "Die Experten kamen zu dem Ergebnis"."""
    toks = ctx.toks
    lo, hi = sent.first, sent.last + 1
    verb = main_verb(ctx, lo, hi)
    if verb < 0 or verb > noun:
        return None
    subject = (subject_before(toks, lo, verb) if verb > lo else None) or subject_after(toks, verb, hi)
    if subject is None or subject[0] <= noun < subject[1] or toks[subject[0]].tag in {"PIS", "PDS"}:
        return None
    return subject
