"""Speakers taken from the context, for positions whose own clause names none.

Reported speech in Konjunktiv I needs no frame: "Die Regierung warnte vor Überschwemmungen. Die
Dämme seien überlastet." The holder is then the narrated subject: of the sentence itself when the
reported part is a subordinate clause ("X erhob Einspruch, weil Berlin einen Sonderstatus habe"),
otherwise of the sentence before it in the same paragraph.
"""

from __future__ import annotations

from bot.analysis.positions_de_clauses import main_verb
from bot.analysis.positions_de_context import Context
from bot.analysis.positions_de_lexicon import OPENING_QUOTES, is_holder_noun, is_source_noun, is_subjunctive
from bot.analysis.positions_de_phrases import is_time_noun, np_end, subject_after, subject_before
from bot.language.tokens import Sentence, Token

Span = tuple[int, int]
_HOLDER_PRONOUNS = frozenset({"er", "sie"})
_EXISTENTIAL_VERBS = frozenset({"geben", "bestehen", "herrschen", "existieren"})
_AUXILIARIES = frozenset({"sein", "werden"})
_ATTACHMENT_TAGS = frozenset({"ART", "APPR", "APPRART", "PPOSAT", "KOUS", "PRELS"})
_NOUN_TAGS = frozenset({"NN", "NE", "NNA", "FM"})
_SEGMENT_ENDS = frozenset({":", ";"})
_CLAUSE_ENDS = frozenset({":", ";", ","})
_CLAUSE_OPENERS = frozenset({"KON", "KOUS"})


def first_person(toks: list[Token], tok: Token) -> bool:
    """'ich habe', 'habe ich': an indicative form that looks like Konjunktiv I."""
    k = tok.index
    return (k > 0 and toks[k - 1].lower == "ich") or (k + 1 < len(toks) and toks[k + 1].lower == "ich")


def holder_like(toks: list[Token], span: Span | None) -> bool:
    """A noun phrase that can hold a position: a name, a role, an institution or a group ("der
    Sprecher", "die Polizei"), or "er"/"sie"; not "Alle Opfer", "ein Streik", "es" or "man"."""
    if span is None:
        return False
    words = toks[span[0] : span[1]]
    if len(words) == 1 and words[0].tag == "PPER":
        return words[0].lower in _HOLDER_PRONOUNS
    if is_time_noun(words[-1]):
        return False
    words = _head_words(words)
    return any(
        t.text[:1].isupper() and (t.tag == "NE" or (t.tag in {"NN", "NNA", "FM"} and is_holder_noun(t.text)))
        for t in words
    )


def _head_words(words: list[Token]) -> list[Token]:
    """The noun phrase up to its first attachment: "Die Konflikte" of "Die Konflikte im Staat
    Afrikas", "Der Verkauf" of "Der Verkauf der Woba" (a name in an attachment holds nothing)."""
    seen_noun = False
    for n, t in enumerate(words):
        if seen_noun and (t.tag in _ATTACHMENT_TAGS or t.text == ","):
            return words[:n]
        seen_noun = seen_noun or t.tag in _NOUN_TAGS
    return words


def narrated_subject(ctx: Context, sent: Sentence) -> Span | None:
    """The subject of the sentence's main clause when that clause is narration (indicative)."""
    toks = ctx.toks
    lo, hi = sent.first, sent.last + 1
    main = main_verb(ctx, lo, hi)
    if main < 0 or is_subjunctive(toks[main]):
        return None
    return (subject_before(toks, lo, main) if main > lo else None) or subject_after(toks, main, hi)


def acting_subject(ctx: Context, sent: Sentence) -> Span | None:
    """A named holder acting in the sentence's own indicative main clause ("Der Sprecher lehnt einen
    Verkauf ab, ein Verkauf werde aber geprüft"): the reported part is then that holder's. Not a
    pronoun (it mostly picks up the topic of the passage) nor the subject of "sein"/"werden"
    (a state or a passive: "Zwölf Touristen wurden verletzt, die Verletzten seien ...")."""
    toks = ctx.toks
    lo, hi = sent.first, sent.last + 1
    main = main_verb(ctx, lo, hi)
    if main < 0 or is_subjunctive(toks[main]) or toks[main].lemma.lower() in _AUXILIARIES:
        return None
    subject = (subject_before(toks, lo, main) if main > lo else None) or subject_after(toks, main, hi)
    if subject is None or toks[subject[0]].tag == "PPER" or not holder_like(toks, subject):
        return None
    return subject


def guess_speaker(ctx: Context, sent: Sentence) -> Span | None:
    """Holder of reported speech that has no frame and no earlier speaker nearby: the narrated
    subject of the sentence or of the one before it in the same paragraph, if it names a holder."""
    toks = ctx.toks
    candidates = [narrated_subject(ctx, sent)]
    if sent.index > 0:
        prev = ctx.doc.sentences[sent.index - 1]
        if "\n" not in ctx.doc.text[prev.end : sent.start]:
            candidates.append(narrated_subject(ctx, prev))
    return next((c for c in candidates if holder_like(toks, c)), None)


def existential(ctx: Context, sent: Sentence) -> bool:
    """The main clause asserts that something exists: "Es gibt Zweifel, ob ...", "Einigkeit besteht
    darüber, dass ...". What follows is the writer's statement, not somebody's speech."""
    verb = main_verb(ctx, sent.first, sent.last + 1)
    return verb >= 0 and ctx.toks[verb].lemma.lower() in _EXISTENTIAL_VERBS


def clause_start(
    toks: list[Token], lo: int, k: int, ends: frozenset[str], openers: frozenset[str] = frozenset()
) -> int:
    """Index after the last token in [lo, k) whose text is in `ends` or whose tag is in `openers`."""
    for j in range(k - 1, lo - 1, -1):
        if toks[j].text in ends or toks[j].tag in openers:
            return j + 1
    return lo


def verb_subject(ctx: Context, verb: Token) -> Span | None:
    """The subject of a speech verb: in the prefield of its sentence segment ("Die Kanadier hingegen
    sagen, ..."), of its own clause ("..., und das FBI versprach, ...", "Während Shakira erklärte,
    ...") or after it ("Dem widersprach der Minister"); a noun phrase or "er"/"sie"."""
    if not verb.tag.startswith("V"):
        return None
    toks = ctx.toks
    sent = ctx.doc.sentences[verb.sentence]
    k = verb.index
    lo = clause_start(toks, sent.first, k, _SEGMENT_ENDS)
    clause = clause_start(toks, lo, k, _CLAUSE_ENDS, _CLAUSE_OPENERS)
    for subject in (
        subject_before(toks, lo, k) if k > lo else None,
        subject_before(toks, clause, k) if lo < clause < k else None,
        subject_after(toks, k, sent.last + 1),
    ):
        if subject is not None and (
            holder_like(toks, subject) or any(toks[j].tag in _NOUN_TAGS for j in range(*subject))
        ):
            return subject
    return None


def prefield_object(toks: list[Token], span: tuple[int, int]) -> bool:
    """A prefield noun phrase that names no holder ("Die Zahl der Toten bezifferte X mit 13")."""
    words = toks[span[0] : span[1]]
    if words[0].tag not in {"ART", "PDAT", "PIAT"} and words[0].text not in OPENING_QUOTES:
        return False  # (a bare noun or a pronoun may be a holder the lexicon misses: "Datenschützer")
    if any(t.tag == "NE" or is_source_noun(t.text) for t in words):
        return False  # a name or a source: "Eine aktuelle Schätzung beziffert ..."
    return not holder_like(toks, span)


def source_phrase(ctx: Context, lo: int, k: int) -> tuple[int, int] | None:
    """A prefield naming where a statement came from, when the clause has no subject:
    "Aus EU-Kreisen verlautete, ...", "In der Erklärung hieß es, ..."."""
    toks = ctx.toks
    if lo >= k or toks[lo].lower not in {"aus", "in", "im", "bei", "beim", "von", "vom"}:
        return None
    end = np_end(toks, lo + 1, k)
    return (lo, end) if end == k else None
