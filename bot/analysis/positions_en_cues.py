"""Attribution cues in English: verbs of saying, believing, wanting, deciding, supporting; source markers.

The lexicon lives in bot/language/data/attribution_cues_en.tsv (lemma, kind, frame) and
source_markers_en.txt ("according to", ...).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import cast

from bot.language.lexicons import lower_word_list, table
from bot.language.tokens import Token
from bot.models import PositionKind

_KINDS = frozenset({"direct", "indirect", "reported", "intention", "decision", "action"})
_FRAMES = frozenset({"speech", "object", "raising", "quote", "source", "clause", "topic"})
_TOPIC_PREPOSITIONS = frozenset({"about", "of", "on", "out", "up"})
_VERB_TAGS = frozenset({"VVD", "VVZ", "VVB", "VVI", "VVG", "VVN"})
# forms that are verbs of saying whatever tag the tagger gives them
_SURE_FORMS = {
    "said": "say",
    "says": "say",
    "told": "tell",
    "tells": "tell",
    "added": "add",
    "adds": "add",
    "wrote": "write",
    "writes": "write",
    "tweeted": "tweet",
    "argued": "argue",
    "noted": "note",
    "asked": "ask",
}


@dataclass(frozen=True, slots=True)
class CueSpec:
    kind: PositionKind
    frame: str  # speech | object | raising | quote | source | clause | topic
    prepositions: frozenset[str] = frozenset()  # topic frames: what must follow ("rooted for")


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, CueSpec]
    markers: dict[tuple[str, ...], CueSpec]  # multi-word source markers, by lower-case words
    marker_starts: frozenset[str]


@cache
def lexicon() -> Lexicon:
    verbs: dict[str, CueSpec] = {}
    for lemma, values in table("attribution_cues_en").items():
        kind, frame, preps = [*values, *["indirect", "speech", ""][len(values) :]][:3]
        if kind not in _KINDS or frame not in _FRAMES:
            raise ValueError(f"attribution_cues_en: bad entry for {lemma!r}: {values}")
        prepositions = frozenset(p for p in preps.split(",") if p) or _TOPIC_PREPOSITIONS
        verbs[lemma.lower()] = CueSpec(cast(PositionKind, kind), frame, prepositions)
    markers = {
        tuple(entry.split()): CueSpec("reported", "source") for entry in lower_word_list("source_markers_en")
    }
    return Lexicon(verbs, markers, frozenset(words[0] for words in markers))


def verb_cue(tok: Token, lex: Lexicon) -> CueSpec | None:
    """The cue a token stands for as a verb, if any."""
    low = tok.text.lower()
    sure = _SURE_FORMS.get(low)
    if sure is not None:
        return lex.verbs.get(sure)
    if tok.tag not in _VERB_TAGS:
        return None
    spec = lex.verbs.get(tok.lemma.lower()) or lex.verbs.get(low)
    if spec is not None and spec.frame == "raising" and tok.tag in {"VVG", "VVN"}:
        return None  # "seeming", "appearing on CNN"
    return spec


def topic_cue(tokens: list[Token], i: int, hi: int, spec: CueSpec) -> tuple[int, CueSpec] | None:
    """A verb that attributes only with its topic: "spoke about the war", "touched on taxes".
    (index of the preposition, an object spec) or None."""
    preps = spec.prepositions
    k = i + 1
    while k <= min(hi, i + 2) and tokens[k].tag == "AV0" and tokens[k].text.lower() not in preps:
        k += 1
    if k <= hi and tokens[k].text.lower() in preps:
        if tokens[k].text.lower() == "forward" and k + 1 <= hi and tokens[k + 1].text.lower() == "to":
            k += 1  # "looking forward to"
        return k, CueSpec(spec.kind, "object")
    return None


def marker_at(tokens: list[Token], i: int, hi: int, lex: Lexicon) -> tuple[int, CueSpec] | None:
    """A multi-word source marker starting at token i: (index of its last token, spec)."""
    first = tokens[i].text.lower()
    if first not in lex.marker_starts:
        return None
    for words, spec in lex.markers.items():
        end = i + len(words) - 1
        if end <= hi and all(tokens[i + k].text.lower() == w for k, w in enumerate(words)):
            return end, spec
    return None
