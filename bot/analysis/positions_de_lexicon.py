"""Word lists and word-level tests for the German position extractor.

The lists live in bot/language/data (speech verbs, reporting verbs, intention and decision verbs,
source nouns); this module turns them into sets and adds the tests that need more than a lookup:
Konjunktiv I (HanTa gives no mood), separable verb particles, compound source nouns.
"""

from __future__ import annotations

from functools import cache

from bot.language.lexicons import lower_word_list, word_list
from bot.language.tokens import Token

FINITE_TAGS = frozenset({"VV(FIN)", "VA(FIN)", "VM(FIN)"})
NONFINITE_TAGS = frozenset({"VV(PP)", "VV(INF)", "VV(IZU)", "VA(PP)", "VA(INF)", "VM(INF)"})
# Konjunktiv II forms that mark reported speech when they continue it ("Er hätte ... gewusst").
_KONJUNKTIV2 = frozenset(
    "hätte hätten wäre wären würde würden könnte könnten müsste müssten dürfte dürften "
    "möge mögen bräuchte gäbe käme".split()
)
_KONJUNKTIV1_SEIN = frozenset({"sei", "seien", "seiest", "seiet"})
OPENING_QUOTES = frozenset('„»«“"‚')
CLOSING_QUOTES = frozenset('“”"«»‘')


@cache
def speech_verbs() -> frozenset[str]:
    return lower_word_list("speech_verbs_de")


@cache
def reporting_verbs() -> frozenset[str]:
    return lower_word_list("reporting_verbs_de")


@cache
def intention_verbs() -> frozenset[str]:
    return lower_word_list("intention_verbs_de")


@cache
def decision_verbs() -> frozenset[str]:
    return lower_word_list("decision_verbs_de")


@cache
def speech_nouns() -> frozenset[str]:
    """Nouns whose complement clause is reported content: "die Forderung, ... zu tun"."""
    return word_list("speech_nouns_de")


@cache
def _source_nouns() -> tuple[frozenset[str], tuple[str, ...]]:
    words = word_list("source_nouns_de")
    suffixes = tuple(sorted({w.lower() for w in words if len(w) >= 6}, key=len, reverse=True))
    return frozenset(words), suffixes


def is_source_noun(text: str) -> bool:
    """'Angaben', 'Polizeiangaben', 'Medienberichten': a noun naming where information comes from."""
    exact, suffixes = _source_nouns()
    if text in exact:
        return True
    return text[:1].isupper() and len(text) > 8 and text.lower().endswith(suffixes)


@cache
def source_event_nouns() -> frozenset[str]:
    """Source nouns that also name an event ("nach der Veröffentlichung")."""
    return word_list("source_event_nouns_de")


@cache
def _holder_nouns() -> tuple[frozenset[str], tuple[str, ...]]:
    roles = {line.split("\t", 1)[0].strip().lower() for line in word_list("actor_roles_de")}
    words = roles | lower_word_list("holder_nouns_de") | lower_word_list("actor_groups")
    return frozenset(words), tuple(sorted((w for w in words if len(w) >= 4), key=len, reverse=True))


@cache
def _non_holder_endings() -> tuple[str, ...]:
    stems = lower_word_list("non_holder_nouns_de")
    return tuple(stem + ending for stem in stems for ending in ("", "e", "en", "s", "es"))


def is_holder_noun(text: str) -> bool:
    """A noun naming a person by role, an institution or a group: 'Sprecher', 'Außenministerium'
    (not a thing whose ending looks like one: 'Fahrzeuge' is no 'Zeuge')."""
    exact, suffixes = _holder_nouns()
    low = text.lower()
    if low in exact:
        return True
    if low.endswith(suffixes) and not low.endswith(_non_holder_endings()):
        return True
    stem = low[:-5] if low.endswith("innen") else low[:-2] if low.endswith("in") else ""
    return len(stem) >= 4 and (stem in exact or stem.endswith(suffixes))  # "Ministerin", "Sprecherinnen"


def verb_key(lemma: str, particle: str | None) -> str:
    """The lemma with a separated particle fused to it: ("teilen", "mit") -> "mitteilen"."""
    lemma = lemma.lower()
    if particle:
        return particle.lower() + lemma
    return lemma


def is_konjunktiv1(tok: Token) -> bool:
    """Konjunktiv I of the 3rd person: sei/seien, or the lemma stem + e (habe, könne, gelte)."""
    if tok.tag not in FINITE_TAGS:
        return False
    form = tok.text.lower()
    if form in _KONJUNKTIV1_SEIN:
        return True
    if not form.endswith("e") or len(form) < 3:
        return False
    lemma = tok.lemma.lower()
    if lemma.endswith(("eln", "ern")):
        stem = lemma[:-1]  # handeln -> handel(e)
    elif lemma.endswith("en"):
        stem = lemma[:-2]
    elif lemma.endswith("n"):
        stem = lemma[:-1]  # tun -> tu(e)
    else:
        return False
    if form == stem + "e" or (lemma.endswith("eln") and form == lemma[:-3] + "le"):
        return True  # (handele, handle)
    # separable verbs lemmatised with their particle: "gebe" of "angeben"
    return len(form) >= 4 and lemma.endswith(form[:-1] + "en") and lemma != form[:-1] + "en"


def is_konjunktiv2(tok: Token) -> bool:
    if tok.tag not in FINITE_TAGS:
        return False
    form = tok.text.lower()
    return form in _KONJUNKTIV2 or _strong_konjunktiv2(form, tok.lemma.lower())


def _strong_konjunktiv2(form: str, lemma: str) -> bool:
    """Konjunktiv II of a strong verb: the preterite stem with umlaut + e/en ("befände", "stünden",
    "ließe" is not: no umlaut). The lemma has no umlaut, so indicative forms ("fährt") end in -t."""
    if not form.endswith(("e", "en")) or len(form) < 4:
        return False
    umlauts = [ch for ch in form if ch in "äöü"]
    return bool(umlauts) and not any(ch in lemma for ch in "äöü") and form[:1] == lemma[:1]


def is_subjunctive(tok: Token) -> bool:
    return is_konjunktiv1(tok) or is_konjunktiv2(tok)
