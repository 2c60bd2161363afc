"""Clause structure for the German speech frames: the main verb, clause segments, and the cue
verb of a clause (with its separated particle or governed participle)."""

from __future__ import annotations

from bot.analysis.positions_de_context import SUBORDINATE_TAGS, Context
from bot.analysis.positions_de_lexicon import (
    FINITE_TAGS,
    NONFINITE_TAGS,
    decision_verbs,
    intention_verbs,
    speech_verbs,
    verb_key,
)
from bot.analysis.positions_de_participles import participle_for_finite
from bot.analysis.positions_de_phrases import np_before
from bot.language.tokens import Token

Cue = tuple[str, int, int]  # verb key, first and last+1 token of the cue
AUXILIARIES = frozenset({"haben", "sein", "werden"})
_PARTICLE_WORDS = frozenset({"bekannt", "klar", "deutlich", "fest", "hin", "vor", "zu", "ab"})
_OPINION_NOUNS = frozenset(
    {"Meinung", "Ansicht", "Auffassung", "Überzeugung", "Einschätzung", "These", "Standpunkt", "Position"}
)
_CONFIDENCE_WORDS = frozenset({"überzeugt", "zuversichtlich", "sicher", "optimistisch", "besorgt"})
_CLAUSE_FINAL_PARTICLES = frozenset({"zu", "an", "vor", "ab", "aus", "auf", "ein", "mit", "hin", "fest"})
_OPINION_VERBS = frozenset({"zeigen", "halten", "vertreten", "teilen"})
_SEGMENT_BREAKS = frozenset({",", ":", ";", "–", "—", "-", "(", ")"})
_RELATIVE_FORMS = frozenset({"der", "die", "das", "dem", "den", "denen", "dessen", "deren"})
_NOMINAL_TAGS = frozenset({"NN", "NE", "NNA", "ADJ(A)", "CARD", "FM", "PIAT", "XY", "TRUNC"})
_DETERMINERS = frozenset({"ART", "PIAT", "PDAT", "PPOSAT", "ADJ(A)"})
_PARTICLE_REACH = 30  # tokens between a finite verb and its separated particle


def subordinate(tok: Token) -> bool:
    return tok.tag in SUBORDINATE_TAGS and (tok.tag != "KOKOM" or tok.lower == "wie")


def opens_clause(toks: list[Token], j: int) -> bool:
    """Token j starts a subordinate clause: a conjunction, a relative pronoun, "wie", or an article
    form after a comma that the tagger missed as a relative pronoun (", der sich ... äußerte")."""
    tok = toks[j]
    if subordinate(tok):
        return True
    return (
        tok.tag == "ART"
        and tok.lower in _RELATIVE_FORMS
        and j > 0
        and toks[j - 1].text == ","
        and j + 1 < len(toks)
        and toks[j + 1].tag not in _NOMINAL_TAGS
    )


def misread_article(toks: list[Token], j: int, hi: int) -> bool:
    """An article after a comma that the tagger read as a relative pronoun, opening a verb-second
    clause: ", die neue Verfassung werde ...". A relative clause ends with its finite verb."""
    if toks[j].tag != "PRELS" or toks[j].lower not in _RELATIVE_FORMS:
        return False
    nouns = 0
    for m in range(j + 1, min(hi, j + 12)):
        tok = toks[m]
        if tok.tag in FINITE_TAGS:
            return nouns > 0 and m + 1 < hi and toks[m + 1].text not in _SEGMENT_BREAKS | {".", "!", "?"}
        if tok.tag in {"NN", "NE"}:
            nouns += 1
        elif tok.tag not in _NOMINAL_TAGS and tok.tag not in {
            "ADV",
            "ADJ(D)",
            "APPR",
            "APPRART",
            "ART",
            "PTKZU",
        }:
            return False
    return False


def main_verb(ctx: Context, lo: int, hi: int) -> int:
    """The finite verb of the main clause: the first one outside subordinate clauses, brackets and
    quotations (its prefield may hold appositions and relative clauses)."""
    toks = ctx.toks
    in_subordinate: bool | None = None
    j = lo
    while j < hi:
        tok = toks[j]
        if ctx.in_quote(j):
            j += 1
            continue
        if tok.text == "(":
            close = next((m for m in range(j + 1, min(hi, j + 20)) if toks[m].text == ")"), -1)
            j = close + 1 if close > 0 else j + 1
            continue
        if tok.text in _SEGMENT_BREAKS:
            in_subordinate = None
        else:
            if in_subordinate is None:
                in_subordinate = opens_clause(toks, j) or (
                    tok.tag in {"APPR", "APPRART"}
                    and j + 1 < hi
                    and toks[j + 1].tag in {"PRELS", "PRELAT", "PWS"}
                )
            if not in_subordinate and (
                tok.tag in FINITE_TAGS
                or infinitive_for_finite(toks, j, hi)
                or participle_for_finite(toks, lo, j)
            ):
                return j
        j += 1
    return -1


def infinitive_for_finite(toks: list[Token], j: int, hi: int) -> bool:
    """A speech verb the tagger read as an infinitive in second position: "Die Kanadier sagen, ..."."""
    tok = toks[j]
    return (
        tok.tag == "VV(INF)"
        and tok.lemma.lower() in speech_verbs()
        and j + 1 < hi
        and toks[j + 1].text in {",", ":"}
        and j > 0
        and toks[j - 1].tag not in {"PTKZU", "VM(FIN)", "VA(FIN)", "VM(INF)"}
    )


def plural_speech_verb(toks: list[Token], k: int, hi: int) -> bool:
    """A plural speech verb after its subject that the tagger read as an infinitive, in a later
    main clause: "..., und die Anwohner befürchten, dass ...", "..., andere Quellen berichten, ..."."""
    if k == 0 or toks[k - 1].tag not in {"NN", "NE"} or not infinitive_for_finite(toks, k, hi):
        return False
    j = k - 1
    while j > 0 and (toks[j].tag in _NOMINAL_TAGS or toks[j].tag in {"ART", "PDAT", "PPOSAT"}):
        j -= 1
    return toks[j].tag == "KON" or toks[j].text == ","  # its subject opens a new main clause


def plural_verb(toks: list[Token], k: int, hi: int) -> bool:
    """A plural speech verb after a noun, read as an infinitive: "..., die dem Rat vorwerfen, ..."."""
    return k > 0 and toks[k - 1].tag in {"NN", "NE"} and infinitive_for_finite(toks, k, hi)


def subject_right_before(toks: list[Token], lo: int, k: int) -> tuple[int, int] | None:
    """The noun phrase with its determiners right before verb k: "..., und die Pendler befürchten"."""
    subject = np_before(toks, k, lo)
    if subject is None:
        return None
    start = subject[0]
    while start > lo and toks[start - 1].tag in _DETERMINERS:
        start -= 1
    return (start, subject[1])


def segment_start(ctx: Context, lo: int, k: int) -> int:
    """First token of the clause segment holding finite verb k (a subordinator if it starts one)."""
    toks = ctx.toks
    j = k
    while j > lo:
        prev = toks[j - 1]
        qi = ctx.quote_of[j - 1]
        if qi >= 0:
            q = ctx.quotes[qi]
            if q.sentence_like or q.first < lo:
                return j
            j = q.first  # a quoted name inside the clause: die „Süddeutsche Zeitung“
            continue
        if prev.text == ")":
            opening = next((m for m in range(j - 2, max(lo, j - 20) - 1, -1) if toks[m].text == "("), -1)
            if opening >= 0:
                j = opening  # a bracket inside the clause: "ein Sprecher der Armee (SPLA) der Presse"
                continue
        if prev.text in _SEGMENT_BREAKS:
            return j
        if subordinate(prev):
            return j - 1
        j -= 1
    return lo


def apposition_opener(ctx: Context, lo: int, seg_lo: int, k: int) -> int:
    """The clause opener before an apposition that separates it from its verb: "wie Burt Rutan,
    Chef der Firma, mitteilte", "Wie X, ein Sprecher der Armee der Presse mitteilte". Returns the
    opener's index or -1."""
    toks = ctx.toks
    if seg_lo < k:
        app_lo, app_hi = seg_lo, k
    elif k - 1 > lo and toks[k - 1].text == ",":
        app_hi = k - 1
        app_lo = segment_start(ctx, lo, app_hi)
    else:
        return -1
    if app_lo <= lo or app_lo >= app_hi or toks[app_lo - 1].text != ",":
        return -1
    if toks[app_lo].tag not in _NOMINAL_TAGS | {"ART", "PPOSAT"}:
        return -1
    if any(t.tag in FINITE_TAGS or subordinate(t) for t in toks[app_lo:app_hi]):
        return -1
    opener = segment_start(ctx, lo, app_lo - 1)
    if opener + 1 >= app_lo - 1 or not opens_clause(toks, opener):
        return -1
    if any(t.tag in FINITE_TAGS for t in toks[opener + 1 : app_lo - 1]):
        return -1
    return opener


def cue_of(ctx: Context, k: int, clause_hi: int, hi: int) -> Cue | None:
    """The speech, intention or decision verb of the clause of finite verb k, with a particle or
    a participle it governs ("teilte ... mit", "hat ... angekündigt", "ist der Meinung")."""
    toks = ctx.toks
    particle = -1
    nonfinite: list[int] = []
    while clause_hi > k + 1 and toks[clause_hi - 1].text in {".", "!", "?"}:
        clause_hi -= 1  # the sentence's final stop is no part of the clause
    for j in range(k + 1, clause_hi):
        tok = toks[j]
        if (
            tok.tag == "PTKVZ"
            or (
                tok.tag == "ADJ(D)"
                and tok.lower in _PARTICLE_WORDS
                and (j == clause_hi - 1 or toks[j + 1].tag in NONFINITE_TAGS)  # "will ... bekannt geben"
            )
            or (j == clause_hi - 1 and tok.lower in _CLAUSE_FINAL_PARTICLES and tok.tag in {"ADV", "APPR"})
        ):  # (a particle at the clause end the tagger missed: "sicherte ihr Unterstützung zu/ADV")
            particle = j
        elif (tok.tag in NONFINITE_TAGS or tok.tag == "VV(FIN)") and not ctx.in_quote(j):
            nonfinite.append(j)  # (VV(FIN): a participle the tagger took for a finite verb)
    if particle >= 0 and toks[particle].lower == "weiter":
        particle = -1  # "sagte weiter": an adverb, not a verb particle
    if particle < 0 and not nonfinite:
        far = _far_verb_part(ctx, clause_hi, min(hi, k + _PARTICLE_REACH))
        if far >= 0 and toks[far].tag in {"PTKVZ", "ADJ(D)"}:
            particle = far
        elif far >= 0:
            nonfinite.append(far)
    verb = toks[k]
    candidates: list[tuple[str, int]] = []  # (verb key, last token of the cue)
    for n in nonfinite:
        lemma = toks[n].lemma.lower()
        if particle >= 0 and not lemma.startswith(toks[particle].lower):
            candidates.append((verb_key(lemma, toks[particle].lower), max(n, particle)))
        candidates.append((lemma, n))
        form = toks[n].lower
        if toks[n].tag == "VV(PP)" and form.startswith("ge") and lemma == form:
            candidates.append((form[2:], n))  # "wurde geraten": raten, not geraten
    if particle >= 0:
        candidates.append((verb_key(verb.lemma, toks[particle].lower), particle))
    if particle < 0 or nonfinite or toks[particle].tag != "PTKVZ":
        candidates.append((verb.lemma.lower(), k))  # "fand ... statt" is not "finden"
    for key, last in candidates:
        if key in speech_verbs() or key in intention_verbs() or key in decision_verbs():
            return key, k, last + 1
        if key in AUXILIARIES or key in _OPINION_VERBS:
            for j in range(k + 1, clause_hi):
                tok = toks[j]
                if (
                    tok.text in _OPINION_NOUNS
                    or (tok.lower in _CONFIDENCE_WORDS and j == clause_hi - 1)
                    or (key == "halten" and tok.lower == "für")
                ):
                    return "meinen", k, j + 1  # "ist der Meinung", "zeigte sich überzeugt", "hält es für"
    return None


def _far_verb_part(ctx: Context, start: int, stop: int) -> int:
    """A separated particle or a participle past commas inside the clause: "schlägt ... Verkehr,
    Bau und X vor, ...", "hatte der Investor, Larry Silverstein, zugesagt, ..."."""
    toks = ctx.toks
    for j in range(start, stop):
        tok = toks[j]
        if tok.tag in FINITE_TAGS or tok.tag in {"KOUS", "PRELS"} or tok.text in {":", ";"}:
            return -1
        if (tok.tag in {"PTKVZ", "VV(PP)"} or (tok.tag == "ADJ(D)" and tok.lower in _PARTICLE_WORDS)) and (
            j + 1 >= stop or toks[j + 1].text in {",", ":", "."}
        ):
            return j
    return -1


def negated_clause(toks: list[Token], k: int, end: int) -> bool:
    """The clause of verb k is negated before token `end` ("wollte nicht bestätigen"); a negated
    attribute ("nicht ausgezahlte Prämien") or a coordinated clause ("und beklagen nicht ...")
    does not count."""
    for j in range(k + 1, end):
        tok = toks[j]
        if tok.tag == "KON" and j + 1 < end and toks[j + 1].tag in FINITE_TAGS:
            return False
        if tok.tag == "PTKNEG" and not (j + 1 < end and toks[j + 1].tag == "ADJ(A)"):
            return True
    return False
