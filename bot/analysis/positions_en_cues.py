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
_FRAMES = frozenset({"speech", "object", "raising", "quote", "source", "clause"})
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
    frame: str  # speech | object | raising | quote | source


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, CueSpec]
    markers: dict[tuple[str, ...], CueSpec]  # multi-word source markers, by lower-case words
    marker_starts: frozenset[str]


@cache
def lexicon() -> Lexicon:
    verbs: dict[str, CueSpec] = {}
    for lemma, values in table("attribution_cues_en").items():
        kind, frame = [*values, "indirect", "speech"][:2]
        if kind not in _KINDS or frame not in _FRAMES:
            raise ValueError(f"attribution_cues_en: bad entry for {lemma!r}: {values}")
        verbs[lemma.lower()] = CueSpec(cast(PositionKind, kind), frame)
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
