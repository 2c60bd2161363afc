"""Word normalisation for question answering: folding, light stemming, fuzzy term matching.

The same functions run over questions and article text in both languages, so matching only
needs to be consistent, not linguistically exact: "Soldaten" and "Soldat" share the key "soldat",
"Pompeos" and "Pompeo" share "pompeo", "decided" and "decide" share "decid".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

WORD = re.compile(r"[^\W_]+(?:[-‐'’][^\W_]+)*")
_SUFFIXES = ("ungen", "innen", "ern", "ing", "ed", "en", "em", "er", "es", "e", "s", "n")
_GERMAN_PARTICLES = (
    "zuruck",
    "zusammen",
    "heraus",
    "herein",
    "voran",
    "weiter",
    "fort",
    "ab",
    "an",
    "auf",
    "aus",
    "ein",
    "mit",
    "nach",
    "vor",
    "weg",
    "zu",
)


@dataclass(frozen=True, slots=True)
class Word:
    """One word of a question or sentence: surface offsets, folded form and matching key."""

    text: str
    start: int
    end: int
    folded: str
    key: str
    capitalised: bool


def is_acronym(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    return 2 <= len(letters) <= 6 and all(c.isupper() for c in letters)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case-fold and strip diacritics: 'Dâmaso' -> 'damaso', 'Größe' -> 'grosse'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def stem(folded: str) -> str:
    """A light, language-neutral suffix stripper (two passes, stems of at least four letters)."""
    word = folded
    for _ in range(2):
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)]
                break
        else:
            break
    return word


@lru_cache(maxsize=65536)
def word_key(token: str) -> str:
    """The matching key of a token: acronyms keep their case ('US' is not 'us'), the rest is stemmed."""
    bare = token
    for clitic in ("'s", "’s"):
        if bare.endswith(clitic):
            bare = bare[: -len(clitic)]
    if bare.endswith(("'", "’")):
        bare = bare[:-1]
    if is_acronym(bare):
        return bare.upper()
    return stem(fold(bare))


@lru_cache(maxsize=65536)
def verb_core(key: str) -> str | None:
    """German particle verbs without particle and zu-infix: 'zuruckzuzieh' -> 'zieh' (None if not one)."""
    for particle in _GERMAN_PARTICLES:
        if key.startswith(particle) and len(key) - len(particle) >= 4:
            rest = key[len(particle) :]
            if rest.startswith("zu") and len(rest) >= 6:
                rest = rest[2:]
            return rest
    return None


@lru_cache(maxsize=65536)
def skeleton(key: str) -> str:
    """A spelling skeleton for cognates across German and English: 'october' ~ 'oktober'."""
    s = key.replace("dsch", "j").replace("tsch", "ch").replace("sch", "§").replace("ch", "¢")
    s = s.replace("ph", "f").replace("th", "t").replace("ck", "k").replace("w", "v")
    s = s.replace("c", "k").replace("y", "i").replace("z", "c").replace("§", "sh").replace("¢", "ch")
    out: list[str] = []
    for char in s:
        if not out or out[-1] != char:
            out.append(char)
    return "".join(out)


def words(text: str, offset: int = 0, *, split_compounds: bool = True) -> list[Word]:
    """Words of a text with keys; hyphenated compounds also yield their parts ('US-Truppen': US, truppen)."""
    out: list[Word] = []
    for match in WORD.finditer(text):
        surface = match.group()
        start = match.start() + offset
        out.append(_word(surface, start))
        if split_compounds and ("-" in surface or "‐" in surface):
            pos = start
            for part in re.split(r"[-‐]", surface):
                if part:
                    out.append(_word(part, pos))
                pos += len(part) + 1
    return out


def _word(surface: str, start: int) -> Word:
    return Word(
        text=surface,
        start=start,
        end=start + len(surface),
        folded=fold(surface),
        key=word_key(surface),
        capitalised=surface[:1].isupper(),
    )


def match_strength(query: str, candidate: str, *, cross_language: bool) -> float:
    """How well a candidate key matches a query key: 1 exact, less for prefixes, compounds, cognates."""
    if query == candidate:
        return 1.0
    if query.isupper() or candidate.isupper():
        return 0.0
    shorter, longer = (query, candidate) if len(query) <= len(candidate) else (candidate, query)
    if len(shorter) >= 5 and longer.startswith(shorter):
        return 0.8
    if len(shorter) >= 6 and longer.endswith(shorter):
        return 0.6  # a compound and its head: 'verteidigungsminist' ~ 'minist'
    common = _common_prefix(query, candidate)
    if common >= 7 and common >= 0.75 * len(shorter):
        return 0.7
    if cross_language:
        a, b = skeleton(query), skeleton(candidate)
        if a == b:
            return 0.9
        common = _common_prefix(a, b)
        if common >= 5 and common >= 0.8 * min(len(a), len(b)):
            return 0.7
    return 0.0


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n
