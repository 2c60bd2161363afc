"""Positions that depend on the sentences around them.

Quotations without a frame of their own take the speaker introduced before them (a colon
introduction, or the last speaker nearby). Sentences in Konjunktiv I with no cue continue the
reported speech before them ("Er sagte, ... . Die Lage sei ernst."): they go to its speaker.
"""

from __future__ import annotations

from bot.analysis.positions_de_clauses import main_verb
from bot.analysis.positions_de_context import Context, Found
from bot.analysis.positions_de_frames import name_like
from bot.analysis.positions_de_lexicon import FINITE_TAGS, is_konjunktiv1, is_konjunktiv2
from bot.analysis.positions_de_phrases import np_end, subject_after, subject_before
from bot.analysis.positions_de_speakers import (
    acting_subject,
    clause_start,
    existential,
    first_person,
    guess_speaker,
    holder_like,
    verb_subject,
)
from bot.language.tokens import Token

_MAX_GAP = 3  # sentences between a speaker's position and a continuation
_FIRST_PERSON = frozenset({"ich", "wir"})
_SPECULATIVE = frozenset({"müsste", "müssten", "dürfte", "dürften"})  # the writer's own estimate
_COLON = frozenset({":"})
_QUESTION_WORDS = frozenset({"ob", "wer", "was", "warum", "wie", "wann", "wo", "weshalb"})


def attribute_quotes(ctx: Context) -> None:
    toks = ctx.toks
    for q in ctx.quotes:
        if ctx.overlaps(q.start, q.end):
            continue
        fragment = q.words >= 5 and toks[q.first + 1].text[:1].islower()
        if not (q.sentence_like or fragment) or name_like(ctx, q.first, q.last):
            continue  # names, titles and scare quotes
        sent = toks[q.first].sentence
        if toks[q.first + 1].text[:1].islower() and _reported_around(ctx, sent, q.first, q.last):
            continue  # "Damit seien „der Kurs ... nicht mehr klar“": the sentence is the position
        speaker = None
        if q.first > 0 and toks[q.first - 1].text == ":":
            speaker = _colon_speaker(ctx, q.first - 1)
        cue = None
        after = q.last + 1
        if (
            speaker is None
            and after + 1 < len(toks)
            and toks[after].text == ","
            and toks[after + 1].tag in FINITE_TAGS
        ):
            speaker = subject_after(toks, after + 1, ctx.doc.sentences[toks[after + 1].sentence].last + 1)
            cue = (after + 1, after + 2) if speaker is not None else None  # „…“, strich Romney heraus
        if speaker is None:
            anchor = _anchor(ctx, sent, q.start)
            speaker = anchor.speaker_tokens if anchor is not None else None
        ctx.add("direct", (q.start, q.end), sent, speaker, cue, is_quote=True)


def _reported_around(ctx: Context, sent: int, first: int, last: int) -> bool:
    """The sentence around a quoted fragment is itself reported speech (Konjunktiv outside it)."""
    return any(
        (is_konjunktiv1(t) or is_konjunktiv2(t)) and not first <= t.index <= last
        for t in ctx.doc.sentences[sent].tokens
        if t.tag in FINITE_TAGS
    )


def _colon_speaker(ctx: Context, colon: int) -> tuple[int, int] | None:
    """Speaker of the clause before a colon: 'Er meldete sich mit den Worten:', 'Ein Beamter der
    Polizei:'. A clause in Konjunktiv is itself reported: the quotation goes to that speaker."""
    toks = ctx.toks
    sent = ctx.doc.sentences[toks[colon].sentence]
    lo = clause_start(toks, sent.first, colon, _COLON)
    verb = main_verb(ctx, lo, colon)
    if verb >= 0:
        if is_konjunktiv1(toks[verb]):
            return None
        if verb + 1 < colon and toks[verb + 1].lower in {"er", "sie", "ich", "wir"}:
            return (verb + 1, verb + 2)  # "Das Angebot lehnt er ab: „…“"
        before = subject_before(toks, lo, verb)
        if before is not None and holder_like(toks, before):
            return before
        after = subject_after(toks, verb, colon)  # an object in the prefield: "Die Kritik weist X zurück:"
        return after if after is not None and holder_like(toks, after) else before or after
    start = next((j for j in range(lo, colon) if toks[j].tag in {"ART", "PPOSAT", "NN", "NE", "PDAT"}), -1)
    if start < 0:
        return None
    end = np_end(toks, start, colon)
    return (start, end) if end is not None else None


def _anchor(ctx: Context, sent: int, before: int) -> Found | None:
    """The latest position with a speaker that ends before offset `before`, at most _MAX_GAP back."""
    best: Found | None = None
    for f in ctx.near(sent - _MAX_GAP, sent):
        if f.speaker_tokens is None or f.raw.content[1] > before or f.sentence < sent - _MAX_GAP:
            continue
        if best is None or f.raw.content[1] > best.raw.content[1]:
            best = f
    return best


def continue_reported(ctx: Context) -> None:
    toks = ctx.toks
    covered: set[int] = set()
    for f in ctx.found:
        first = ctx.doc.token_at(f.raw.content[0])
        last = ctx.doc.token_at(max(f.raw.content[0], f.raw.content[1] - 1))
        if first is not None and last is not None:
            covered.update(range(first.sentence, last.sentence + 1))
    for sent in ctx.doc.sentences:
        if sent.index in covered or len(sent.tokens) < 4:
            continue
        if toks[sent.first].lower in _QUESTION_WORDS or toks[sent.last].text == "?":
            continue
        if any(t.lower in _FIRST_PERSON and not ctx.in_quote(t.index) for t in sent.tokens):
            continue  # an interview answer, not reported speech
        verbs = [t for t in sent.tokens if t.tag in FINITE_TAGS and not ctx.in_quote(t.index)]
        if not verbs:
            continue
        hearsay = _hearsay(sent.tokens)
        konjunktiv1 = any(is_konjunktiv1(t) and not first_person(toks, t) for t in verbs)
        mood1 = hearsay == 2 or konjunktiv1
        if (
            not mood1
            and not hearsay
            and not any(is_konjunktiv2(t) and t.lower not in _SPECULATIVE for t in verbs)
        ):
            continue
        own = [f for f in ctx.by_sentence.get(sent.index, ()) if f.silent and f.speaker_tokens is not None]
        anchor = own[0] if own else _anchor(ctx, sent.index, sent.start)  # "X kritisierte Y, das ... sei"
        if anchor is not None and _paragraphs_between(ctx, anchor.raw.content[1], sent.start) > 1:
            anchor = None
        content = ctx.content(sent.first, sent.last + 1)
        if content is None:
            continue
        if anchor is None:
            passage = _open_passage(ctx, sent.index, content[0]) if konjunktiv1 else None
            if passage is not None:
                _extend(ctx, passage, sent.index, content)  # a passage whose holder is unnamed
                covered.add(sent.index)
                continue
            if konjunktiv1 and not existential(ctx, sent):  # reported speech with no speaker before it
                ctx.add("indirect", content, sent.index, guess_speaker(ctx, sent), None)
                covered.add(sent.index)
            continue
        if not mood1 and anchor.sentence < sent.index - 1:
            continue
        if anchor.sentence < sent.index - 1 and not own:
            local = guess_speaker(ctx, sent)  # a holder named since the last speaker is likelier
            if local is not None:
                ctx.add("indirect", content, sent.index, local, None)
                covered.add(sent.index)
                continue
        subject = acting_subject(ctx, sent) if not own and not hearsay else None
        if subject is not None:
            ctx.add("indirect", content, sent.index, subject, None)  # "X lehnt ab, ... werde geprüft"
        elif anchor.sentence == sent.index - 1 and _continues(ctx, anchor):
            _extend(ctx, anchor, sent.index, content)  # one passage of reported speech
        else:
            ctx.add("indirect", content, sent.index, anchor.speaker_tokens, None)
        covered.add(sent.index)


def _continues(ctx: Context, anchor: Found) -> bool:
    """Reported speech after `anchor` joins it into one passage when the anchor is itself a
    passage: a continuation, or the clause after a colon ("X kritisierte: Es sei ...")."""
    if anchor.is_quote or anchor.silent:
        return False
    if anchor.raw.cue is None:
        return True
    first = ctx.doc.token_at(anchor.raw.content[0])
    return first is not None and first.index > 0 and ctx.toks[first.index - 1].text == ":"


def _open_passage(ctx: Context, sent: int, start: int) -> Found | None:
    """A holderless passage of reported speech ending in the sentence just before `start`."""
    for f in ctx.by_sentence.get(sent - 1, ()):
        if (
            f.speaker_tokens is None
            and f.raw.cue is None
            and f.sentence == sent - 1
            and not f.is_quote
            and not f.silent
            and f.raw.kind == "indirect"
            and f.raw.content[1] <= start
            and _paragraphs_between(ctx, f.raw.content[1], start) == 0
        ):
            return f
    return None


def _extend(ctx: Context, found: Found, sent: int, content: tuple[int, int]) -> None:
    found.raw.content = (found.raw.content[0], content[1])
    found.sentence = sent
    ctx.index(found)


def _hearsay(tokens: list[Token]) -> int:
    """2: "soll ... getan haben" (reported hearsay); 1: "soll/sollen" (reported plan or hearsay); 0."""
    modal = next((t for t in tokens if t.tag == "VM(FIN)" and t.lower in {"soll", "sollen"}), None)
    if modal is None:
        return 0
    tail = [t for t in tokens[modal.index - tokens[0].index :] if t.tag in {"VA(INF)", "VA(PP)"}]
    return 2 if tail and tail[-1].lower in {"haben", "sein"} else 1


def _paragraphs_between(ctx: Context, start: int, end: int) -> int:
    return ctx.doc.text.count("\n\n", start, end)


def fill_speakers(ctx: Context) -> None:
    """Frames that name no holder ("Als Begründung heißt es, ...", "Es wird angenommen, dass ...")
    take the speaker of the position just before them, or the holder named in the sentence before."""
    for f in ctx.found:
        if f.speaker_tokens is not None or f.silent or f.raw.kind not in {"indirect", "direct", "reported"}:
            continue
        sent = ctx.doc.sentences[f.sentence]
        start = f.raw.content[0]
        anchor = _anchor(ctx, f.sentence, start)
        if anchor is not None and (
            anchor.sentence < f.sentence - 1 or _paragraphs_between(ctx, anchor.raw.content[1], start)
        ):
            anchor = None
        cue = ctx.doc.token_at(f.raw.cue[0]) if f.raw.cue is not None else None
        speaker = verb_subject(ctx, cue) if cue is not None else None  # which the frame missed
        if speaker is None:
            speaker = anchor.speaker_tokens if anchor is not None else guess_speaker(ctx, sent)
        if speaker is not None:
            f.speaker_tokens = speaker
            f.raw.speaker = ctx.chars(*speaker)
