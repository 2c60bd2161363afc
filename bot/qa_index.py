"""Per-article index for question answering: sentences, word postings and fuzzy term expansion.

Built lazily once per (briefing, text) and cached, so that each question costs only lookups.
"""

from __future__ import annotations

import math
import re
import threading
from bisect import bisect_right
from collections import OrderedDict
from dataclasses import dataclass, field

from bot.language.tokens import split_sentences, tokenize
from bot.models import Briefing
from bot.qa_lexicon import Concept, Lexicon, Place, lexicon
from bot.qa_text import Word, match_strength, skeleton, verb_core, words

_DATE_MARKER = re.compile(r"\A\s*(?:date|datum)[:\s]\s*\d{4}(?:-\d{2}){0,2}\b[ \t]*\n?", re.IGNORECASE)
_QUOTES = frozenset('"„“”«»')
_KONJUNKTIV = frozenset(
    "sei seien habe wolle wollen werde könne müsse solle dürfe gebe liege stehe gehe komme wisse "
    "brauche bleibe sehe wäre wären hätte hätten würde würden".split()
)
_CACHE_SIZE = 32
_CONCEPT = 0.75  # a word of the same concept ('withdraw' ~ 'abziehen')
_PLACE = 0.9  # a name or demonym of the same country ('France' ~ 'französisch')
_NEAR_NAME = 0.75
_COMPOUND_PART = 0.7


def _one_edit(a: str, b: str) -> bool:
    """a and b differ by one substitution, insertion or deletion."""
    if a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


@dataclass
class SentenceInfo:
    index: int
    start: int
    end: int
    text: str
    words: list[Word]  # plain words in order (compounds unsplit)
    keys: frozenset[str]  # every key: words, compound parts, German verb cores
    cap_keys: frozenset[str]  # keys of capitalised words
    is_question: bool
    has_cue: bool  # a speech verb, a quotation mark or a German subjunctive


@dataclass
class ArticleIndex:
    briefing: Briefing
    text: str
    lex: Lexicon
    sentences: list[SentenceInfo]
    postings: dict[str, list[int]]
    idf: dict[str, float]
    by_prefix: dict[str, list[str]]
    starts: list[int]
    _expansions: dict[tuple[str, bool], list[tuple[str, float]]] = field(default_factory=dict)
    _term_hits: dict[tuple[str, bool], dict[int, tuple[float, float]]] = field(default_factory=dict)
    extras: dict[str, object] = field(default_factory=dict)  # caches of other qa modules

    @property
    def language(self) -> str:
        return self.briefing.language

    def sentence_at(self, offset: int) -> int:
        return max(0, bisect_right(self.starts, offset) - 1)

    def expand(self, key: str, cross_language: bool) -> list[tuple[str, float]]:
        """Article words that match a question key: the key itself, inflections, compounds, cognates."""
        cached = self._expansions.get((key, cross_language))
        if cached is not None:
            return cached
        out: dict[str, float] = {}
        self._fuzzy(key, cross_language, 1.0, out)
        if not out and len(key) >= 6 and not key.isupper():
            self._near_names(key, out)
        for concept in self.lex.concepts_of(key):
            for other in concept.keys:
                self._fuzzy(other, False, _CONCEPT, out)
        for place in self.lex.places_of(key):
            for other in place.keys:
                if other in self.postings and out.get(other, 0.0) < _PLACE:
                    out[other] = _PLACE
        if not out and len(key) >= 8 and not key.isupper():
            self._compound_parts(key, cross_language, out)
        result = sorted(out.items(), key=lambda kv: -kv[1])
        self._expansions[(key, cross_language)] = result
        return result

    def _fuzzy(self, key: str, cross_language: bool, factor: float, out: dict[str, float]) -> None:
        """The key, its inflections and compounds in the article (prefix and suffix matches)."""
        if key in self.postings and out.get(key, 0.0) < factor:
            out[key] = factor
        if key.isupper() or len(key) < 4:
            return
        probes = {key[:4], skeleton(key)[:4]} if cross_language else {key[:4]}
        if len(key) >= 5:
            probes.add("$" + key[-4:])  # compound heads: 'minist' in 'verteidigungsminist'
        for probe in probes:
            for cand in self.by_prefix.get(probe, ()):
                strength = factor * match_strength(key, cand, cross_language=cross_language)
                if strength > out.get(cand, 0.0):
                    out[cand] = strength

    def _near_names(self, key: str, out: dict[str, float]) -> None:
        """Spellings one letter apart: 'Karzai' ~ 'Karsai', 'Gaddafi' ~ 'Gadaffi'."""
        for cand in self.by_prefix.get("^" + key[:2], ()):
            if abs(len(cand) - len(key)) <= 1 and _one_edit(key, cand):
                out[cand] = max(out.get(cand, 0.0), _NEAR_NAME)

    def _compound_parts(self, key: str, cross_language: bool, out: dict[str, float]) -> None:
        """An unknown German compound by its known parts: 'wahlkampfteam' -> 'wahlkampf' (campaign)."""
        best = 0
        for i in range(4, len(key) - 3):
            parts = [key[:i], key[i:]]
            if key[i - 1] == "s":  # a linking s: 'verteidigung-s-minister'
                parts.append(key[: i - 1])
            for part in parts:
                if len(part) <= best or not (self.lex.concepts_of(part) or part in self.postings):
                    continue
                best = len(part)
                found: dict[str, float] = {}
                self._fuzzy(part, cross_language, _COMPOUND_PART, found)
                for concept in self.lex.concepts_of(part):
                    for other in concept.keys:
                        self._fuzzy(other, False, _COMPOUND_PART * _CONCEPT, found)
                for cand, strength in found.items():
                    out[cand] = max(out.get(cand, 0.0), strength)

    def term_hits(self, key: str, cross_language: bool) -> dict[int, tuple[float, float]]:
        """Sentences matching a question key: sentence -> (strength, idf of the matched word)."""
        cached = self._term_hits.get((key, cross_language))
        if cached is not None:
            return cached
        if " " in key:
            found = self._phrase_hits(key, cross_language)
            self._term_hits[(key, cross_language)] = found
            return found
        hits: dict[int, tuple[float, float]] = {}
        for cand, strength in self.expand(key, cross_language):
            weight = self.idf[cand]
            for sid in self.postings[cand]:
                old = hits.get(sid)
                if old is None or strength * weight > old[0] * old[1]:
                    hits[sid] = (strength, weight)
        self._term_hits[(key, cross_language)] = hits
        return hits

    def _phrase_hits(self, phrase: str, cross_language: bool) -> dict[int, tuple[float, float]]:
        """A multi-word term ('foreign policy'): all its words in one sentence, or another form of it."""
        hits: dict[int, tuple[float, float]] = {}

        def add(parts: list[str], strength: float) -> None:
            common: dict[int, float] | None = None
            for part in parts:
                found = {sid: s for sid, (s, _) in self.term_hits(part, cross_language).items() if s >= 0.7}
                common = (
                    found
                    if common is None
                    else {k: min(v, found[k]) for k, v in common.items() if k in found}
                )
                if not common:
                    return
            weight = max((self.idf.get(p, 1.0) for p in parts), default=1.0)
            for sid, s in (common or {}).items():
                if sid not in hits or hits[sid][0] < s * strength:
                    hits[sid] = (s * strength, weight)

        add(phrase.split(), 1.0)
        groups: list[Concept | Place] = [*self.lex.concepts_of(phrase), *self.lex.places_of(phrase)]
        for group in groups:
            for key in group.keys:
                for sid in self.postings.get(key, ()):
                    if sid not in hits:
                        hits[sid] = (0.75, self.idf[key])
            for other in group.phrases:
                add(list(other), 0.75)
        return hits

    def quote(self, sid: int) -> str:
        return self.sentences[sid].text


def _sentence_info(index: int, start: int, end: int, text: str, lex: Lexicon) -> SentenceInfo:
    body = text[start:end]
    plain = words(body, start, split_compounds=False)
    every = words(body, start)
    keys = {w.key for w in every}
    keys.update(core for w in every if (core := verb_core(w.key)))
    cap_keys = frozenset(w.key for w in every if w.capitalised)
    has_cue = (
        any(c in _QUOTES for c in body)
        or any(w.key in lex.cue_keys for w in plain)
        or any(w.text in _KONJUNKTIV for w in plain)
    )
    stripped = body.rstrip(" \"'“”»«)")
    return SentenceInfo(
        index=index,
        start=start,
        end=end,
        text=body,
        words=plain,
        keys=frozenset(keys),
        cap_keys=cap_keys,
        is_question=stripped.endswith("?") and not any(c in _QUOTES for c in body),
        has_cue=has_cue,
    )


def build_index(briefing: Briefing, text: str) -> ArticleIndex:
    lex = lexicon()
    marker = _DATE_MARKER.match(text)
    tokens = tokenize(text, marker.end() if marker else 0)
    raw = split_sentences(text, tokens, briefing.language)
    sentences = [_sentence_info(i, s.start, s.end, text, lex) for i, s in enumerate(raw)]
    postings: dict[str, list[int]] = {}
    for sent in sentences:
        for key in sent.keys:
            postings.setdefault(key, []).append(sent.index)
    n = max(1, len(sentences))
    idf = {key: math.log(1.0 + n / len(ids)) for key, ids in postings.items()}
    by_prefix: dict[str, list[str]] = {}
    for key in postings:
        if key.isupper() or len(key) < 4:
            continue
        for probe in {key[:4], skeleton(key)[:4], "$" + key[-4:], "^" + key[:2]}:
            by_prefix.setdefault(probe, []).append(key)
    return ArticleIndex(
        briefing=briefing,
        text=text,
        lex=lex,
        sentences=sentences,
        postings=postings,
        idf=idf,
        by_prefix=by_prefix,
        starts=[s.start for s in sentences],
    )


def near_each_other(index: ArticleIndex, alternatives: list[set[str]], window: int = 4) -> set[int]:
    """Sentences where a word of every alternative set occurs, all within a few words."""
    common: set[int] | None = None
    for alt in alternatives:
        ids = {sid for k in alt for sid in index.postings.get(k, ())}
        common = ids if common is None else common & ids
    found = set()
    for sid in common or ():
        positions = [
            [i for i, w in enumerate(index.sentences[sid].words) if w.key in alt] for alt in alternatives
        ]
        if all(positions) and _within(positions, window):
            found.add(sid)
    return found


def _within(positions: list[list[int]], window: int) -> bool:
    """One position from each list, all within `window` words of each other."""
    first, rest = positions[0], positions[1:]
    return any(all(any(abs(p - anchor) <= window for p in other) for other in rest) for anchor in first)


_cache: OrderedDict[int, ArticleIndex] = OrderedDict()
_lock = threading.Lock()


def article_index(briefing: Briefing, text: str) -> ArticleIndex:
    """The cached index of a briefing and its text (identity of both objects is checked)."""
    key = id(briefing)
    with _lock:
        found = _cache.get(key)
        if found is not None and found.briefing is briefing and found.text == text:
            _cache.move_to_end(key)
            return found
    index = build_index(briefing, text)
    with _lock:
        _cache[key] = index
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return index
