"""Building blocks of speech frames: clause ends, complements (a dass-clause, a clause in
Konjunktiv, a quotation) and frames without one ("X sprach von einem Unfall")."""

from __future__ import annotations

from bot.analysis.positions import Offsets
from bot.analysis.positions_de_clauses import plural_speech_verb
from bot.analysis.positions_de_context import Context
from bot.analysis.positions_de_lexicon import FINITE_TAGS, is_subjunctive, reporting_verbs
from bot.analysis.positions_de_phrases import np_end
from bot.language.tokens import Sentence, Token

Span = tuple[int, int]
_CLAUSE_BREAKS = frozenset({",", ":", ";", "–", "—", "-"})
_COMPLEMENT_STARTS = frozenset({"dass", "daß", "ob", "wie", "warum", "weshalb", "wer", "was", "wo"})
_NOT_HOLDER_VERBS = frozenset({"drohen", "finden", "rufen", "melden"})  # "Jetzt droht ein Streik."
_TITLE_NOUNS = frozenset(
    {
        "Motto",
        "Titel",
        "Arbeitstitel",
        "Lied",
        "Song",
        "Namen",
        "Beinamen",
        "Spitznamen",
        "Codenamen",
        "Slogan",
    }
)
_PREDICATE_MARKERS = frozenset({"als", "von", "vor", "zu", "wie"})
_STANCE_PREPOSITIONS = {
    "sprechen": frozenset({"von", "vom", "über"}),
    "sehen": frozenset({"in", "im", "als"}),
    "rechnen": frozenset({"mit"}),
    "ausgehen": frozenset({"von", "vom"}),  # "geht von einem Unfall aus", not "die Lichter gingen aus"
}
_CASUALTIES = frozenset({"Todesopfer", "Opfer", "Tote", "Toten", "Menschenleben", "Leben", "Verletzte"})
_CONTRASTIVE = frozenset({"doch", "aber", "jedoch", "sondern"})


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
        if tok.text in _CLAUSE_BREAKS or (
            stop_at_verbs and (tok.tag in FINITE_TAGS or plural_speech_verb(toks, j, hi)) and qi < 0
        ):
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
    """The complement ends where the narration goes on in the indicative: "X erklärte, A und
    kündigte an, B", "X räumte ein, A, sprach aber von B", "X sagte, A, doch Y erklärte, B"."""
    toks = ctx.toks
    for j in range(start + 2, hi - 1):
        if ctx.in_quote(j):
            continue
        nxt = toks[j + 1]
        if toks[j].tag == "KON" and nxt.tag in FINITE_TAGS and not _may_be_subjunctive(nxt):
            return j
        if toks[j].text != ",":
            continue
        if nxt.tag in FINITE_TAGS and not _may_be_subjunctive(nxt):
            return j
        if nxt.lower in _CONTRASTIVE:
            verb = next((m for m in range(j + 2, min(hi, j + 10)) if toks[m].tag in FINITE_TAGS), -1)
            if verb > 0 and toks[verb - 1].text != "," and not _may_be_subjunctive(toks[verb]):
                return j
    return hi


def _may_be_subjunctive(tok: Token) -> bool:
    """Konjunktiv, or a plural form that Konjunktiv I shares with the indicative ("sollen")."""
    return is_subjunctive(tok) or tok.tag == "VM(FIN)" or tok.lower.endswith("en")


def name_like(ctx: Context, first: int, last: int) -> bool:
    """A quoted title or name ("die „Ruhr Nachrichten“", "Zeitung „Die Welt“"), not quoted words
    of a speaker ("nannte es eine „Zeitungsente“", "sprach von „Erpressung“")."""
    toks = ctx.toks
    if first > 0 and toks[first - 1].text in _TITLE_NOUNS:
        return True  # "unter dem Motto „…“", "mit dem Titel „…“", "mit dem Lied „…“"
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
    """A reported stance has a holder other than "man", and some verbs report a stance only with
    their preposition ("sprach von einem Unfall", not "hat mit der Freundin gesprochen"; "sieht
    in X eine Gefahr"; "rechnet mit Verlusten")."""
    toks = ctx.toks
    if toks[speaker[0]].tag == "PIS":
        return False
    if key == "fordern" and any(t.text in _CASUALTIES for t in toks[k + 1 : hi]):
        return False  # "Das Unglück forderte 92 Todesopfer"
    needed = _STANCE_PREPOSITIONS.get(key)
    return needed is None or any(t.lower in needed for t in toks[k + 1 : hi])


def no_complement(
    ctx: Context,
    sent: Sentence,
    key: str,
    kind: str,
    speaker: Span,
    cue: Span,
    k: int,
    *,
    narration: str = "",
) -> None:
    """A frame without a complement clause: a quoted word in it is a direct quotation ("nannte den
    Bericht eine „Zeitungsente“"); otherwise the sentence is reported, intended or decided.
    narration: "pluperfect" (backstory: "X hatte ... angekündigt") or "passive" (no holder: "Der
    Schaden wird auf ... geschätzt"): the sentence is narration, not a reported stance."""
    lo, hi = sent.first, sent.last + 1
    if kind == "indirect":
        judged = [j for j in range(k + 1, hi) if _judgement_quote(ctx, j, hi, key)]
        if judged:
            # "nannte den Bericht eine „Zeitungsente“": the quoted judgement and the clause that
            # frames it are one position
            end = _clause_end_after(ctx, ctx.quotes[ctx.quote_of[judged[-1]]].last + 1, hi)
            ctx.add("reported", ctx.content(_clause_start(ctx, lo, k), end), sent.index, speaker, cue)
            return
        if narration == "passive":
            return
        if not narration and key in reporting_verbs() and _stance(ctx, key, speaker, k, hi):
            end = _coordination(ctx, k + 1, hi)
            ctx.add("reported", ctx.content(_clause_start(ctx, lo, k), end), sent.index, speaker, cue)
        elif key not in _NOT_HOLDER_VERBS:
            ctx.remember_speaker(sent, speaker)  # "X kritisierte die Pläne. Sie seien ..."
        return
    ctx.add(kind, ctx.content(lo, hi), sent.index, speaker, cue)


def _judgement_quote(ctx: Context, j: int, hi: int, key: str) -> bool:
    qi = ctx.quote_of[j]
    if qi < 0 or ctx.quotes[qi].first != j or ctx.quotes[qi].last >= hi:
        return False
    q = ctx.quotes[qi]
    return not name_like(ctx, q.first, q.last) and _quoted_predicate(ctx, q.first, key)


def _clause_end_after(ctx: Context, j: int, hi: int) -> int:
    """End of the clause going on at token j: a comma, or a coordinated verb ("und erklärte")."""
    toks = ctx.toks
    for m in range(j, hi):
        if ctx.in_quote(m):
            continue
        if toks[m].text in {",", ";", ":"}:
            return m
        if toks[m].tag == "KON" and m + 1 < hi and toks[m + 1].tag in FINITE_TAGS:
            return m
    return hi


def _coordination(ctx: Context, j: int, hi: int) -> int:
    """Where a second main clause is coordinated to the one going on at token j ("und forderte")."""
    toks = ctx.toks
    for m in range(j, hi - 1):
        if toks[m].tag != "KON" or ctx.in_quote(m):
            continue
        if toks[m + 1].tag in FINITE_TAGS:
            return m
        end = np_end(toks, m + 1, hi) if toks[m + 1].tag in {"ART", "PPOSAT", "NE"} else None
        if end is not None and end < hi and toks[end].tag in FINITE_TAGS:
            return m  # "..., und die Fraktion der Grünen forderte ...": a new main clause
    return hi


def _clause_start(ctx: Context, lo: int, k: int) -> int:
    """Start of the main clause of verb k when a full clause precedes it after a comma: "X sagte,
    A, sprach aber von B", "Nach Angaben X kamen 7.000, die Polizei spricht von 4.000"."""
    toks = ctx.toks
    for j in range(k - 1, lo, -1):
        if toks[j].tag in FINITE_TAGS and not ctx.in_quote(j):
            return lo
        if toks[j].text == "," and not ctx.in_quote(j):
            before = [t for t in toks[lo:j] if t.tag in FINITE_TAGS and not ctx.in_quote(t.index)]
            opener = toks[lo].tag in {"KOUS", "PWAV"}  # "Während X von A sprach, sprach Y von B"
            return j + 1 if before and not opener else lo
    return lo
