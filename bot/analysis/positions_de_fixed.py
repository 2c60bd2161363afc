"""Frames of subordinate clauses and fixed frames: "wie X mitteilte", "..., der sagte, dass ...",
"heißt es", "Dies bestätigte X"."""

from __future__ import annotations

from bot.analysis.positions_de_context import Context
from bot.analysis.positions_de_frames import add_complement, clause_end, content_before
from bot.analysis.positions_de_lexicon import FINITE_TAGS, is_subjunctive, speech_verbs
from bot.analysis.positions_de_phrases import np_before, np_end, source_in
from bot.language.tokens import Sentence, Token

Span = tuple[int, int]
_NAMING_VERBS = frozenset({"nennen", "bezeichnen", "beschreiben"})
_CONDITIONALS = frozenset({"wenn", "falls", "sofern", "ob"})
_OBJECT_PRONOUNS = frozenset({"ihm", "ihn", "ihr", "ihnen", "uns", "mir", "mich", "sich"})
# Determiners that cannot open a subject: after "die dem Minister vorwerfen" the relative pronoun is it.
_OBJECT_DETERMINERS = frozenset(
    {
        "dem",
        "den",
        "einem",
        "einen",
        "diesem",
        "diesen",
        "seinem",
        "seinen",
        "ihrem",
        "ihren",
        "jedem",
        "jeden",
    }
)
_IMPERSONAL_VERBS = frozenset({"heißen", "ergeben", "hervorgehen", "zeigen"})
_SOURCE_PREPOSITIONS = frozenset({"in", "im", "aus", "bei", "beim", "von", "vom"})


def verb_final_key(ctx: Context, verb: int, lo: int) -> tuple[str, int]:
    """Lemma key and cue start of a clause-final verb group: "mitteilte", "bekannt gab",
    "angekündigt hatte"."""
    toks = ctx.toks
    lemma = toks[verb].lemma.lower()
    prev = verb - 1
    if prev > lo and toks[prev].tag in {"VV(PP)", "VV(INF)"} and toks[verb].tag in {"VA(FIN)", "VM(FIN)"}:
        lemma, verb = toks[prev].lemma.lower(), prev
        prev -= 1
    if prev > lo and (
        toks[prev].tag == "PTKVZ" or toks[prev].lower in {"bekannt", "klar", "deutlich", "fest"}
    ):
        fused = toks[prev].lower + lemma
        if fused in speech_verbs():
            return fused, prev
    return lemma, verb


def wie_clause(ctx: Context, sent: Sentence, wie: int, verb: int) -> None:
    """Wie die Polizei mitteilte, ...  /  ..., wie die Zeitung berichtet."""
    toks = ctx.toks
    lo, hi = sent.first, sent.last + 1
    key, _ = verb_final_key(ctx, verb, wie)
    impersonal = toks[wie + 1].lower in {"es", "sich"}  # "wie es in X hieß", "wie sich aus X ergab"
    if (key not in speech_verbs() and not (impersonal and key in _IMPERSONAL_VERBS)) or key in _NAMING_VERBS:
        return
    first = wie + 1
    while first < verb and toks[first].tag == "ADV":
        first += 1  # "Wie schon die WHO sagte"
    end = np_end(toks, first, verb)
    speaker = (first, end) if end is not None and not impersonal else None
    if speaker is not None and toks[first].lower in {"man", "ich", "wir"}:
        return  # "wie man sagt": a figure of speech
    if speaker is None:
        speaker = source_in(toks, wie + 1, verb) or (
            _first_object(toks, wie + 1, verb) if impersonal else None
        )
    after = verb + 1
    while after < hi and toks[after].tag in {"PTKVZ", "VV(PP)", "VA(FIN)", "VA(INF)"}:
        after += 1  # "wie X mitgeteilt hat, ..."
    if after < hi and toks[after].text == ",":
        after += 1
    if wie == lo or (wie == lo + 1 and toks[lo].tag == "KON"):
        content = ctx.content(after, hi)
    elif after >= hi - 1:
        content = ctx.content(lo, wie)
    else:
        content = ctx.content(lo, hi)
    ctx.add("indirect", content, sent.index, speaker, (wie, verb + 1))


def _first_object(toks: list[Token], lo: int, hi: int) -> Span | None:
    """The noun phrase of the first prepositional phrase in [lo, hi): "wie es auf einer
    Pressekonferenz hieß", "wie sich aus der Auswertung der Daten ergab"."""
    for j in range(lo, hi - 1):
        if toks[j].tag in {"APPR", "APPRART"}:
            end = np_end(toks, j + 1, hi)
            if end is not None:
                return (j + 1, end)
    return None


def subordinate_frame(ctx: Context, sent: Sentence, sub: int, verb: int) -> None:
    """A speech verb closing a relative or adverbial clause, its complement after the comma:
    "..., der sagte, dass ...", "Nachdem X angekündigt hatte, er werde ...". The speaker is the
    relative pronoun (as the text has it) or the subject after the conjunction."""
    toks = ctx.toks
    hi = sent.last + 1
    if verb + 2 >= hi or toks[verb + 1].text not in {",", ":"} or ctx.in_quote(sub):
        return
    key, cue_lo = verb_final_key(ctx, verb, sub)
    if key not in speech_verbs() or key in _NAMING_VERBS or toks[sub].lower in _CONDITIONALS:
        return
    end = np_end(toks, sub + 1, verb)
    speaker: Span | None = (sub + 1, end) if end is not None else None
    relative = toks[sub].tag in {"PRELS", "PRELAT", "ART"}
    if relative and (speaker is None or toks[sub + 1].lower in _OBJECT_PRONOUNS | _OBJECT_DETERMINERS):
        speaker = _with_antecedent(toks, sent.first, sub)  # "..., der sagte", not "..., die X erklärt hatte"
    start = verb + 2
    first = toks[start]
    if first.tag in {"KOUS", "KOUI", "PRELS"} and first.lower not in {"dass", "daß", "ob"}:
        return
    if first.tag in FINITE_TAGS and not is_subjunctive(first):
        return  # the main clause goes on: "Ein Bescheid, der X einräumt, soll ..."
    add_complement(ctx, sent, start, "indirect", speaker, (cue_lo, verb + 1))


def _with_antecedent(toks: list[Token], lo: int, sub: int) -> Span:
    """A relative pronoun as speaker, with the noun phrase it refers to: "Stimmen, die"."""
    antecedent = np_before(toks, sub - 1, lo) if sub - 1 > lo and toks[sub - 1].text == "," else None
    return (antecedent[0], sub + 1) if antecedent is not None else (sub, sub + 1)


def heisst_es(ctx: Context, sent: Sentence, k: int, clause_hi: int) -> bool:
    """In der Erklärung heißt es, ... / „…“, hieß es aus Regierungskreisen."""
    toks = ctx.toks
    lo, hi = sent.first, sent.last + 1
    if k + 1 < hi and toks[k + 1].lower == "es":
        es = k + 1
    elif k > lo and toks[k - 1].lower == "es":
        es = k - 1
    else:
        return False
    speaker = None
    content_first = (
        k > lo
        and (toks[k - 1].text == "," or ctx.quote_of[k - 1] >= 0)
        and toks[lo].tag not in {"APPR", "APPRART"}
    )  # not "In der Mitteilung, die ..., heißt es"
    for j in [*range(lo if not content_first else k, k), *range(k + 1, clause_hi)]:
        if toks[j].tag in {"APPR", "APPRART"} and toks[j].lower in _SOURCE_PREPOSITIONS:
            end = np_end(toks, j + 1, hi)
            if end is not None:
                speaker = (j + 1, end)
                break
    cue = (min(k, es), max(k, es) + 1)
    if content_first:
        end = k - 1 if toks[k - 1].text == "," else k
        content, is_quote = content_before(ctx, sent, end)
        ctx.add("direct" if is_quote else "indirect", content, sent.index, speaker, cue, is_quote=is_quote)
    else:
        start = clause_end(ctx, max(k, es), hi)
        if start < hi and toks[start].text in {",", ":"}:
            start += 1
        add_complement(ctx, sent, start, "indirect", speaker, cue)
    return True


def demonstrative(ctx: Context, sent: Sentence, dem: int, speaker: Span | None, cue: Span) -> None:
    """Dies bestätigte X / Das geht aus einem Bericht hervor: the content is the sentence before."""
    toks = ctx.toks
    if sent.index == 0:
        return
    prev = ctx.doc.sentences[sent.index - 1]
    if speaker is None:
        for j in range(dem + 1, sent.last + 1):
            if toks[j].lower == "aus":
                end = np_end(toks, j + 1, sent.last + 1)
                speaker = (j + 1, end) if end is not None else None
                break
    ctx.add("indirect", ctx.content(prev.first, dem + 1), sent.index, speaker, cue)
