"""Building blocks of speech frames: clause ends, complements, and the fixed frames
("wie X mitteilte", "heißt es", "Dies bestätigte X")."""

from __future__ import annotations

from bot.analysis.positions import Offsets
from bot.analysis.positions_de_context import Context, Found
from bot.analysis.positions_de_lexicon import FINITE_TAGS, is_subjunctive, reporting_verbs, speech_verbs
from bot.analysis.positions_de_phrases import np_end
from bot.language.tokens import Sentence, Token

Span = tuple[int, int]
_CLAUSE_BREAKS = frozenset({",", ":", ";", "–", "—", "-"})
_COMPLEMENT_STARTS = frozenset({"dass", "daß", "ob", "wie", "warum", "weshalb", "wer", "was", "wo"})
_NAMING_VERBS = frozenset({"nennen", "bezeichnen", "beschreiben"})
_NOT_HOLDER_VERBS = frozenset({"drohen", "finden", "rufen", "melden"})  # "Jetzt droht ein Streik."
_PREDICATE_MARKERS = frozenset({"als", "von", "vor", "zu", "wie"})
_CONDITIONALS = frozenset({"wenn", "falls", "sofern", "ob"})
_OBJECT_PRONOUNS = frozenset({"ihm", "ihn", "ihr", "ihnen", "uns", "mir", "mich", "sich"})
_SOURCE_PREPOSITIONS = frozenset({"in", "im", "aus", "bei", "beim", "von", "vom"})


def clause_end(ctx: Context, k: int, hi: int, *, stop_at_verbs: bool = True) -> int:
    """Index of the first clause break after token k: a comma, colon, dash, a quotation that is
    speech (quoted names are skipped), or another finite verb. Brackets are skipped."""
    toks = ctx.toks
    j = k + 1
    while j < hi:
        tok = toks[j]
        qi = ctx.quote_of[j]
        if qi >= 0 and ctx.quotes[qi].first == j:
            q = ctx.quotes[qi]
            if q.sentence_like:
                return j
            j = q.last + 1
            continue
        if tok.text == "(":
            close = next((m for m in range(j + 1, min(hi, j + 20)) if toks[m].text == ")"), -1)
            if close > 0:
                j = close + 1
                continue
        if tok.text in _CLAUSE_BREAKS or (stop_at_verbs and tok.tag in FINITE_TAGS and qi < 0):
            return j
        j += 1
    return hi


def content_before(ctx: Context, sent: Sentence, end: int) -> tuple[Offsets | None, bool]:
    """Content ending before token `end`: the quotation closing there (it may have opened sentences
    before), or the clause from the sentence start. The flag tells whether it is a quotation."""
    qi = ctx.quote_of[end - 1] if end > 0 else -1
    if qi >= 0 and ctx.quotes[qi].last == end - 1:
        q = ctx.quotes[qi]
        return (q.start, q.end), True
    return ctx.content(sent.first, end), False


def add_complement(
    ctx: Context, sent: Sentence, start: int, kind: str, speaker: Span | None, cue: Span
) -> bool:
    """The complement from token `start` to the end of the sentence (or the quotation there)."""
    toks = ctx.toks
    hi = sent.last + 1
    if start >= hi:
        return False
    qi = ctx.quote_of[start]
    if qi >= 0 and ctx.quotes[qi].first == start:
        q = ctx.quotes[qi]
        if ctx.claimed(q.start, q.end):
            return True  # "X äußerte sich: „…“, sagte er": the quotation has its own frame
        if q.last >= hi - 2 or ctx.content(q.last + 1, hi) is None or q.sentence_like:
            return ctx.add("direct", (q.start, q.end), sent.index, speaker, cue, is_quote=True) is not None
    hi = _coordination_end(ctx, start, hi)
    looks_like_content = (
        toks[start].lower in _COMPLEMENT_STARTS
        or qi >= 0
        or any(t.tag in FINITE_TAGS or t.tag == "VV(IZU)" or t.tag == "PTKZU" for t in toks[start:hi])
    )
    if not looks_like_content:
        return False
    if (
        toks[start].lower not in _COMPLEMENT_STARTS
        and qi < 0
        and not any(t.tag == "VV(IZU)" or t.tag == "PTKZU" for t in toks[start:hi])
    ):
        first_verb = next(
            (t for t in toks[start:hi] if t.tag in FINITE_TAGS and not ctx.in_quote(t.index)), None
        )
        if first_verb is not None and not _may_be_subjunctive(first_verb):
            return False  # a verb-second complement is in Konjunktiv: "..., später brach er zusammen" is not
    return ctx.add(kind, ctx.content(start, hi), sent.index, speaker, cue) is not None


def _coordination_end(ctx: Context, start: int, hi: int) -> int:
    """The complement ends where the main clause goes on: "X erklärte, A und kündigte an, B"."""
    toks = ctx.toks
    for j in range(start + 2, hi - 1):
        if toks[j].tag == "KON" and toks[j + 1].tag in FINITE_TAGS and not ctx.in_quote(j):
            return j
    return hi


def _may_be_subjunctive(tok: Token) -> bool:
    """Konjunktiv, or a plural form that Konjunktiv I shares with the indicative ("sollen")."""
    return is_subjunctive(tok) or tok.tag == "VM(FIN)" or tok.lower.endswith("en")


def name_like(ctx: Context, first: int, last: int) -> bool:
    """A quoted title or name ("die „Ruhr Nachrichten“", "Zeitung „Die Welt“"), not quoted words
    of a speaker ("nannte es eine „Zeitungsente“", "sprach von „Erpressung“")."""
    toks = ctx.toks
    if last - first > 6 or any(t.tag in FINITE_TAGS for t in toks[first + 1 : last]):
        return False
    words = [t for t in toks[first + 1 : last] if t.text[:1].isalpha()]
    capitalised = all(t.text[:1].isupper() or t.tag in {"ART", "APPR", "APPRART", "KON"} for t in words)
    before = toks[first - 1] if first > 0 else None
    if before is not None and (before.lower in _PREDICATE_MARKERS or before.lower.startswith("ein")):
        return False
    if capitalised and len(words) >= 2:
        return True  # "die liberale „El Mundo“"
    return capitalised and (before is None or before.tag in {"NN", "NE", "ART", "APPR", "APPRART", "ADJ(A)"})


def _quoted_predicate(ctx: Context, first: int, key: str) -> bool:
    """Quoted words that carry the speaker's judgement: "nannte X „...“", "bezeichnete X als
    „...“", "sprach von einem „...“", "warnte vor „...“"."""
    if key == "nennen":
        return True
    toks = ctx.toks
    j = first - 1
    while j > first - 4 and j > 0 and toks[j].tag in {"ART", "ADJ(A)", "PIAT", "PPOSAT", "ADV"}:
        j -= 1
    return toks[j].lower in _PREDICATE_MARKERS


def _stance(ctx: Context, key: str, speaker: Span, k: int, hi: int) -> bool:
    """A reported stance has a holder other than "man", and "sprechen" reports only "von"/"über"
    something ("sprach von einem Unfall", not "hat mit der Freundin gesprochen")."""
    toks = ctx.toks
    if toks[speaker[0]].tag == "PIS":
        return False
    return key != "sprechen" or any(t.lower in {"von", "vom", "über"} for t in toks[k + 1 : hi])


def no_complement(
    ctx: Context, sent: Sentence, key: str, kind: str, speaker: Span, cue: Span, k: int
) -> None:
    """A frame without a complement clause: a quoted word in it is a direct quotation ("nannte den
    Bericht eine „Zeitungsente“"); otherwise the sentence is reported, intended or decided."""
    lo, hi = sent.first, sent.last + 1
    if kind == "indirect":
        quoted: Found | None = None
        for j in range(k + 1, hi):
            qi = ctx.quote_of[j]
            if qi >= 0 and ctx.quotes[qi].first == j and ctx.quotes[qi].last < hi:
                q = ctx.quotes[qi]
                if name_like(ctx, q.first, q.last) or not _quoted_predicate(ctx, q.first, key):
                    continue
                quoted = (
                    ctx.add("direct", (q.start, q.end), sent.index, speaker, cue, is_quote=True) or quoted
                )
        if quoted:
            return  # "skandierten Parolen wie „A“ oder „B“": each quotation is a position
        if key in reporting_verbs() and _stance(ctx, key, speaker, k, hi):
            ctx.add("reported", ctx.content(lo, hi), sent.index, speaker, cue)
        elif key not in _NOT_HOLDER_VERBS:
            ctx.remember_speaker(sent, speaker)  # "X kritisierte die Pläne. Sie seien ..."
        return
    ctx.add(kind, ctx.content(lo, hi), sent.index, speaker, cue)


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
    if key not in speech_verbs() or key in _NAMING_VERBS:
        return
    first = wie + 1
    while first < verb and toks[first].tag == "ADV":
        first += 1  # "Wie schon die WHO sagte"
    end = np_end(toks, first, verb)
    speaker = (first, end) if end is not None else None
    if speaker is not None and toks[first].lower in {"man", "ich", "wir"}:
        return  # "wie man sagt": a figure of speech
    after = verb + 1
    while after < hi and toks[after].tag in {"PTKVZ", "VV(PP)", "VA(FIN)", "VA(INF)", "$,"}:
        after += 1  # "wie X mitgeteilt hat, ..."
    if wie == lo or (wie == lo + 1 and toks[lo].tag == "KON"):
        content = ctx.content(after, hi)
    elif after >= hi - 1:
        content = ctx.content(lo, wie)
    else:
        content = ctx.content(lo, hi)
    ctx.add("indirect", content, sent.index, speaker, (wie, verb + 1))


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
    if relative and (speaker is None or toks[sub + 1].lower in _OBJECT_PRONOUNS):
        speaker = (sub, sub + 1)  # "..., der sagte", but "..., die Schröder erklärt hatte"
    start = verb + 2
    first = toks[start]
    if first.tag in {"KOUS", "KOUI", "PRELS"} and first.lower not in {"dass", "daß", "ob"}:
        return
    add_complement(ctx, sent, start, "indirect", speaker, (cue_lo, verb + 1))


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
