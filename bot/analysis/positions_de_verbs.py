"""Speech verb frames in German sentences.

Der Minister sagte, dass ... / sagte: „…“      speaker before the verb, content after
Am Montag erklärte die Polizei, ...            speaker after the verb, content after
„…“, sagte er.  / Die Lage sei ernst, so X     content before, speaker after
Wie die Polizei mitteilte, ...                 a "wie" clause: content is the rest
Dies bestätigte X.                             content is the sentence before
X sprach von einem Unfall.                     no complement: the sentence is reported
"""

from __future__ import annotations

from bot.analysis.positions_de_clauses import (
    AUXILIARIES,
    Cue,
    apposition_opener,
    cue_of,
    main_verb,
    misread_article,
    negated_clause,
    opens_clause,
    plural_verb,
    segment_start,
    subject_right_before,
)
from bot.analysis.positions_de_context import Context
from bot.analysis.positions_de_fixed import demonstrative, heisst_es, subordinate_frame, wie_clause
from bot.analysis.positions_de_frames import add_complement, clause_end, content_before, no_complement
from bot.analysis.positions_de_lexicon import (
    FINITE_TAGS,
    decision_verbs,
    intention_verbs,
    is_konjunktiv1,
    is_subjunctive,
    reporting_verbs,
    speech_nouns,
)
from bot.analysis.positions_de_phrases import np_end, source_in, subject_after, subject_before
from bot.analysis.positions_de_speakers import holder_like, prefield_object, source_phrase
from bot.language.tokens import Sentence, Token

_NO_CONTENT_STARTS = frozenset({"und", "aber", "sondern", "oder", "so", "damit", "wobei", "womit", "wodurch"})
_CONTENT_CONJUNCTIONS = frozenset({"dass", "daß", "ob"})  # their clause is content, not a frame
_FIRST_PERSON = frozenset({"ich", "wir"})
_PLUPERFECT = frozenset({"hatte", "hatten", "war", "waren"})
_DEMONSTRATIVES = frozenset({"dies", "das", "dieses"})
_CHOICE_VERBS = frozenset({"entscheiden", "entschließen"})
_STATIVE_PASSIVES = (
    intention_verbs() | decision_verbs() | reporting_verbs()
)  # "ist geplant", "sind angekündigt"


def verb_frames(ctx: Context, sent: Sentence) -> None:
    toks = ctx.toks
    lo, hi = sent.first, sent.last + 1
    frames: list[tuple[int, int, Cue]] = []
    main = main_verb(ctx, lo, hi)
    k = lo
    while k < hi:
        tok = toks[k]
        if ctx.in_quote(k) or not (tok.tag in FINITE_TAGS or k == main or plural_verb(toks, k, hi)):
            k += 1
            continue
        seg_lo = segment_start(ctx, lo, k)
        opener = -1 if opens_clause(toks, seg_lo) else apposition_opener(ctx, lo, seg_lo, k)
        if opener >= 0:
            seg_lo = opener  # "wie X, Sprecher der Y, mitteilte"
        elif k == main:
            seg_lo = lo
        clause_hi = clause_end(ctx, k, hi)
        if clause_hi < hi and toks[clause_hi].tag == "VV(FIN)" and tok.lemma in AUXILIARIES:
            clause_hi = clause_end(ctx, clause_hi, hi)  # "hatte ... betont/VV(FIN):" a mistagged participle
        if (k != main or opener >= 0) and seg_lo < k and opens_clause(toks, seg_lo):
            if toks[seg_lo].lower == "wie":
                wie_clause(ctx, sent, seg_lo, k)
            elif toks[seg_lo].lower not in _CONTENT_CONJUNCTIONS:
                subordinate_frame(ctx, sent, seg_lo, k)
            k += 1
            continue
        if k == lo or (seg_lo > lo and toks[seg_lo - 1].text == "("):
            k += 1  # a verb-first clause (question, condition) or a parenthesis: "(Wikinews berichtete)"
            continue
        if tok.lemma == "heißen" and heisst_es(ctx, sent, k, clause_hi):
            k = clause_hi
            continue
        cue = cue_of(ctx, k, clause_hi, hi)
        if cue is not None:
            frames.append((k, seg_lo, cue))
            k = max(clause_hi, cue[2])
        else:
            k += 1
    inverted = {k for k, _, cue in frames if _inverted(ctx, sent, k, cue)}
    for k, seg_lo, cue in frames:
        if k not in inverted and not ctx.claimed(toks[k].start, toks[k].end):
            _main_clause(ctx, sent, k, seg_lo, cue)


def _kind(key: str) -> str:
    return "intention" if key in intention_verbs() else "decision" if key in decision_verbs() else "indirect"


def _inverted(ctx: Context, sent: Sentence, k: int, cue: Cue) -> bool:
    """„…“, sagte X.  /  Die Lage sei ernst, so schätzen die Forscher, ...  /  ..., das teilte X mit."""
    toks = ctx.toks
    lo, hi = sent.first, sent.last + 1
    if k <= lo or _kind(cue[0]) != "indirect" or is_subjunctive(toks[k]):
        return False  # (a verb in Konjunktiv is part of reported content, not its frame)
    parenthetical = k - 2 >= lo and toks[k - 2].text == "," and toks[k - 1].lower == "so"
    qi = ctx.quote_of[k - 1]
    if toks[k - 1].text == ",":
        end = k - 1
    elif qi >= 0 and ctx.quotes[qi].last == k - 1 and ctx.quotes[qi].sentence_like:
        end = k  # „…“ sagte er
    elif k - 2 >= lo and toks[k - 2].text == "," and toks[k - 1].lower in {"so", "das", "dies"}:
        end = k - 2
    else:
        return False
    content, is_quote = content_before(ctx, sent, end)
    if content is None or (not is_quote and toks[lo].tag in {"KOUS", "KOUI"}):
        return False  # "Als er ankam, sagte er, ..." has an adverbial clause before the verb
    if parenthetical and not is_quote:
        content = ctx.content(lo, hi)  # "In zehn Jahren, so schätzen die Forscher, soll ..."
    elif not is_quote and main_verb(ctx, lo, end) < 0:
        return False  # no clause before the verb: "Claudia Pfeiffer, Geschäftsführerin, erklärte",
        # "In der Debatte, die ... geführt wird, hat X gefordert", "X, der ... war, sagte" (but
        # "X, der ... war, sei krank, sagte Y" has one)
    speaker = subject_after(toks, k, hi)
    if speaker is None and not is_quote:
        return False  # coordination: "X kritisierte Y, sprach aber davon, dass ..."
    kind = "direct" if is_quote else "indirect"
    return ctx.add(kind, content, sent.index, speaker, (k, k + 1), is_quote=is_quote) is not None


def _main_clause(ctx: Context, sent: Sentence, k: int, seg_lo: int, cue: Cue) -> None:
    toks = ctx.toks
    lo, hi = sent.first, sent.last + 1
    key, cue_lo, cue_hi = cue
    kind = _kind(key)
    cue_span = (cue_lo, cue_hi) if cue_hi - cue_lo <= 1 else (k, k + 1)
    sent_lo = ctx.doc.sentences[toks[k].sentence].first
    unnamed = (
        kind != "indirect"
        and (toks[k].lemma == "werden" or kind == "intention")  # not a state: "ist verboten"
        and _passive(toks, k, cue_hi)
        and _agent(ctx, sent_lo, cue_hi) is None
    )
    if kind != "indirect" and not unnamed and not _agentive(ctx, k, key, cue_hi):
        return  # ("wurde beschlossen, ... zu tun" is kept below when its content follows)
    if is_konjunktiv1(toks[k]):
        return  # a frame in Konjunktiv I is itself reported ("Man gehe davon aus, dass ..."): nested

    speaker = _speaker(ctx, lo, seg_lo, k, cue_hi)
    after_from = max(k + 1, cue_hi)
    if (
        kind == "indirect"
        and speaker is not None
        and prefield_object(toks, speaker)
        and not _passive(toks, k, cue_hi)
    ):
        later = subject_after(toks, k, hi)
        if later is not None and holder_like(toks, later):
            speaker = None  # "Eine Verschiebung bezeichnete Conze als fatal": the prefield is the object
    if speaker is None and not _passive(toks, k, cue_hi):
        speaker = subject_after(toks, k, hi) or source_phrase(ctx, seg_lo, k)
        if speaker is not None and speaker[1] >= after_from:
            after_from = speaker[1]
            if (
                after_from < hi
                and toks[after_from].text == ","
                and any(t.text == "," for t in toks[speaker[0] : speaker[1]])
            ):
                after_from += 1  # the comma closing an apposition: "sagte X, Sprecher der Y, am Montag"
    elif seg_lo == k - 1 and toks[seg_lo].lower in _DEMONSTRATIVES and toks[seg_lo].tag in {"PDS", "ART"}:
        speaker = subject_after(toks, k, hi)
        if speaker is not None or key == "hervorgehen":
            demonstrative(ctx, sent, seg_lo, speaker, cue_span)
        return
    boundary = clause_end(ctx, after_from - 1, hi, stop_at_verbs=False)
    if any(
        toks[j].tag in FINITE_TAGS and toks[j - 1].tag == "KON" and not ctx.in_quote(j)
        for j in range(after_from, boundary)
    ):
        boundary = hi  # "bezeichnete X als Y und erklärte, ...": the complement is the next verb's
    start = boundary + 1 if boundary < hi and toks[boundary].text in {",", ":", "–", "—", "-"} else boundary
    if speaker is not None and toks[speaker[0]].lower in _FIRST_PERSON and speaker[1] - speaker[0] == 1:
        return  # an interview transcript, not reported speech
    if key == "meinen" and speaker is not None and toks[speaker[0]].lower == "es":
        return  # "Jetzt ist es sicher: ..."
    if unnamed:
        speaker = None  # "Es wurde beschlossen, ...": the subject is what was decided, not who
    elif kind != "indirect" and not holder_like(toks, speaker):
        return  # an intention or decision needs its holder: not "dies", "man", "Der letzte Spieltag"
    negated = negated_clause(toks, k, min(start, hi))
    if kind == "indirect" and negated and key != "ausschließen":
        return  # "wollte nicht bestätigen, dass ...": the holder did not say it
    owned = any(t.text in speech_nouns() for t in toks[after_from:boundary])  # "nannte die Forderung, ..."
    if (
        start < hi
        and not owned
        and _may_start_content(toks, start)
        and add_complement(ctx, sent, start, kind, speaker, cue_span)
    ):
        return
    if key in _CHOICE_VERBS and any(t.tag == "PRF" for t in toks[k + 1 : min(start, hi)]):
        return  # "entschied sich für eine Notlandung": a choice narrated, no position without a clause
    if speaker is not None and not unnamed:
        no_complement(ctx, sent, key, kind, speaker, cue_span, k, narration=_narration(ctx, k, cue_hi))


def _narration(ctx: Context, k: int, cue_hi: int) -> str:
    """'pluperfect' for "hatte ... angekündigt", 'passive' for a passive without an agent, or ''."""
    toks = ctx.toks
    if toks[cue_hi - 1].tag != "VV(PP)" or cue_hi - 1 == k:
        return ""
    if toks[k].lower in _PLUPERFECT:
        return "pluperfect"
    if _passive(toks, k, cue_hi) and _agent(ctx, ctx.doc.sentences[toks[k].sentence].first, cue_hi) is None:
        return "passive"
    return ""


def _agentive(ctx: Context, k: int, key: str, cue_hi: int) -> bool:
    """An intention or decision of the clause's subject: not reported in Konjunktiv I ("Die
    Regierung plane ..., sagte X"), not a past wish ("wollten ... beruhigen"), not passive without
    an agent ("ist geplant"), not reflexive ("hat sich verabschiedet")."""
    toks = ctx.toks
    verb = toks[k]
    if is_konjunktiv1(verb):
        return False
    if _passive(toks, k, cue_hi) and _agent(ctx, ctx.doc.sentences[verb.sentence].first, cue_hi) is None:
        return False
    if key == "wollen" and verb.lower not in {"will", "wollen", "willst"}:
        return False
    if key in intention_verbs() and _past(verb):
        return False  # "plante", "hatte angestrebt": a past plan, not a position now
    last = cue_hi - 1
    if last > k and toks[last - 1].lower in {"wie", "als", "ursprünglich"}:
        return False  # "begann wie geplant", "länger als ursprünglich geplant"
    reflexive = any(t.tag == "PRF" for t in toks[k + 1 : cue_hi])
    if key == "entscheiden" and reflexive and any(t.lower == "für" for t in toks[k + 1 : cue_hi]):
        return False  # "konnten das Spiel für sich entscheiden"
    return not (key == "verabschieden" and reflexive)


def _past(verb: Token) -> bool:
    """A finite verb in the preterite or a pluperfect auxiliary ("plante", "strebten", "hatte")."""
    form = verb.lower
    if form in _PLUPERFECT:
        return True
    return verb.tag == "VV(FIN)" and form.endswith(("te", "ten")) and not form.endswith(("tete", "teten"))


def _speaker(ctx: Context, lo: int, seg_lo: int, k: int, cue_hi: int) -> tuple[int, int] | None:
    """The holder of a main-clause frame found before the verb (or None)."""
    toks = ctx.toks
    if _passive(toks, k, cue_hi):
        # "Von der Opposition wurde ... kritisiert"; without an agent the text's own holder is the
        # subject: "Die beiden werden beschuldigt, ..."
        return _agent(ctx, lo, cue_hi) or source_in(
            toks, seg_lo, cue_hi
        )  # "In einem Bericht der X wurde ..."
    if toks[k].tag not in FINITE_TAGS and k != main_verb(ctx, lo, k + 1):
        return subject_right_before(toks, lo, k)  # "..., und die Pendler befürchten, ..."
    if k + 1 < len(toks) and toks[k + 1].lower in {"er", "ich", "wir", "man"}:
        return (k + 1, k + 2)  # "Die Bürger forderte er auf, ...", "Neue Märkte will man erschließen"
    if k > lo and toks[k - 1].tag == "KON":
        # "X biss den Fluggast und rief: ...", "X erklärte, ... und kündigte an"
        main = main_verb(ctx, lo, k - 1)
        if main < 0:
            return None
        return (subject_before(toks, lo, main) if main > lo else None) or subject_after(toks, main, k - 1)
    if seg_lo < k:
        return subject_before(toks, seg_lo, k)
    if k > lo and toks[k - 1].text == ",":
        return _first_subject(ctx, lo, k)  # "X kritisierte Y, sprach aber davon, dass ..."
    return None


def _agent(ctx: Context, lo: int, hi: int) -> tuple[int, int] | None:
    toks = ctx.toks
    for j in range(lo, hi):
        if (
            toks[j].lower in {"von", "vom", "durch"}
            and toks[j].tag in {"APPR", "APPRART"}
            and j + 1 < hi
            and toks[j + 1].tag != "CARD"  # not "im Umfang von 222 Milliarden Euro"
        ):
            end = np_end(toks, j + 1, hi)
            if end is not None and any(toks[m].tag in {"NN", "NE", "NNA", "FM"} for m in range(j + 1, end)):
                if toks[j].lower == "durch" and not holder_like(toks, (j + 1, end)):
                    continue  # "durch den Sturm": a cause, not an agent who speaks
                return (j + 1, end)
    return None


def _may_start_content(toks: list[Token], start: int) -> bool:
    """A complement clause starts with dass/ob/a question word, a verb-second clause or a quote,
    not with an adverbial clause ("so dass", "weil", "um ... zu") or a relative clause."""
    tok = toks[start]
    verb_second = start + 1 < len(toks) and toks[start + 1].tag in FINITE_TAGS
    if tok.lower in _NO_CONTENT_STARTS and not (tok.tag in {"PROAV", "ADV"} and verb_second):
        return False  # (but "..., damit solle ...": an adverb before the verb)
    if tok.tag in {"PRELAT", "KOUI"} or tok.tag in FINITE_TAGS:
        return False
    if tok.tag == "PRELS" and not misread_article(toks, start, len(toks)):
        return False
    if tok.tag in {"APPR", "APPRART"} and start + 1 < len(toks) and toks[start + 1].tag in {"PRELS", "PWS"}:
        return False  # "..., bei dem ..."
    return tok.tag != "KOUS" or tok.lower in {"dass", "daß", "ob"}


def _first_subject(ctx: Context, lo: int, hi: int) -> tuple[int, int] | None:
    verb = main_verb(ctx, lo, hi)
    return subject_before(ctx.toks, lo, verb) if verb > lo else None


def _passive(toks: list[Token], k: int, cue_hi: int) -> bool:
    """'wurde beschlossen', 'sind vorgesehen': the holder is an agent phrase, if any."""
    lemma = toks[k].lemma
    if toks[cue_hi - 1].tag != "VV(PP)":
        return False
    if toks[k].tag == "VM(FIN)" and cue_hi < len(toks) and toks[cue_hi].lower in {"werden", "worden"}:
        return True  # "kann ... nachgewiesen werden"
    if lemma == "sein" and cue_hi < len(toks) and toks[cue_hi].lower == "worden":
        return True  # "ist ... angekündigt worden"
    return lemma == "werden" or (lemma == "sein" and toks[cue_hi - 1].lemma.lower() in _STATIVE_PASSIVES)
