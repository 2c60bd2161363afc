"""The data question answering reads: intents, concepts, places, answer templates (all cached)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from bot.language.lexicons import json_data, word_list
from bot.qa_text import fold, word_key, words

INTENT_VERBS = ("say", "think", "want", "plan", "demand", "decide", "fear", "react", "do")


@dataclass(frozen=True)
class Concept:
    """Words that count as the same thing across German and English ('withdraw' ~ 'abziehen')."""

    label: str
    keys: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]  # multi-word forms as key sequences


@dataclass(frozen=True)
class Place:
    """A country with its English and German names and demonyms."""

    english: str
    german: str
    keys: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]


@dataclass
class Lexicon:
    question_words: dict[str, frozenset[str]]
    auxiliaries: dict[str, frozenset[str]]
    stopwords: dict[str, frozenset[str]]
    determiners: frozenset[str]
    pronouns: dict[str, frozenset[str]]
    subject_pronouns: frozenset[str]
    negations: frozenset[str]
    title_keys: frozenset[str]
    cue_keys: frozenset[str]
    kind_words: dict[str, str]  # folded word -> actor kind
    patterns: dict[str, dict[str, list[re.Pattern[str]]]]
    templates: dict[str, dict[str, Any]]
    concepts: dict[str, Concept]
    ellipsis_prefixes: list[tuple[str, ...]] = field(default_factory=list)  # longest first
    contractions: dict[str, str] = field(default_factory=dict)
    modal_verbs: frozenset[str] = frozenset()
    language_markers: dict[str, frozenset[str]] = field(default_factory=dict)  # words of one language only
    concepts_by_key: dict[str, list[Concept]] = field(default_factory=dict)
    places: list[Place] = field(default_factory=list)
    places_by_key: dict[str, list[Place]] = field(default_factory=dict)

    def concepts_of(self, key: str) -> list[Concept]:
        return self.concepts_by_key.get(key, [])

    def places_of(self, key: str) -> list[Place]:
        return self.places_by_key.get(key, [])

    def is_stopword(self, folded: str) -> bool:
        return folded in self.stopwords["de"] or folded in self.stopwords["en"]


def _form_keys(form: str) -> tuple[str, ...]:
    return tuple(w.key for w in words(form, split_compounds=False))


def _load_concepts() -> list[Concept]:
    out = []
    for line in word_list("qa_concepts"):
        if ":" not in line:
            continue
        label, _, rest = line.partition(":")
        keys: set[str] = set()
        phrases: list[tuple[str, ...]] = []
        for form in rest.split(","):
            seq = _form_keys(form.strip())
            if len(seq) == 1:
                keys.add(seq[0])
            elif seq:
                phrases.append(seq)
        out.append(Concept(label.strip(), frozenset(keys), tuple(phrases)))
    return out


def _load_places() -> list[Place]:
    out = []
    for line in word_list("qa_places"):
        names, _, extra = line.partition(" : ")
        english, _, german = names.partition(" = ")
        forms = [english, german, *(x.strip() for x in extra.split(",") if x.strip())]
        keys: set[str] = set()
        phrases: list[tuple[str, ...]] = []
        for form in forms:
            seq = _form_keys(form)
            if len(seq) == 1:
                keys.add(seq[0])
                if "-" in form:  # 'US-Amerikaner' also as its head
                    keys.add(word_key(form.split("-")[-1]))
            elif seq:
                phrases.append(seq)
        out.append(Place(english.strip(), german.strip(), frozenset(keys), tuple(phrases)))
    return out


def _exclusive(markers: dict[str, set[str]]) -> dict[str, frozenset[str]]:
    """Drop words both languages share ('was', 'will', 'die')."""
    shared = markers["de"] & markers["en"]
    return {lang: frozenset(words - shared) for lang, words in markers.items()}


@cache
def lexicon() -> Lexicon:
    data = json_data("qa_intents")
    patterns: dict[str, dict[str, list[re.Pattern[str]]]] = {}
    for intent, by_lang in data["intent_patterns"].items():
        patterns[intent] = {lang: [re.compile(p) for p in pats] for lang, pats in by_lang.items()}
    kind_words = {fold(w): kind for kind, ws in data["kind_words"].items() for w in ws}
    lex = Lexicon(
        question_words={k: frozenset(v) for k, v in data["question_words"].items()},
        auxiliaries={k: frozenset(v) for k, v in data["auxiliaries"].items()},
        stopwords={k: frozenset(v) for k, v in data["stopwords"].items()},
        determiners=frozenset(data["determiners"]),
        pronouns={k: frozenset(v) for k, v in data["pronouns"].items()},
        subject_pronouns=frozenset(data["subject_pronouns"]),
        negations=frozenset(data["negations"]),
        title_keys=frozenset(word_key(w) for w in data["title_words"]),
        cue_keys=frozenset(word_key(w) for w in data["cue_words"]),
        kind_words=kind_words,
        patterns=patterns,
        templates=json_data("qa_templates"),
        concepts={},
        ellipsis_prefixes=sorted(
            (tuple(p.split()) for p in data["ellipsis_prefixes"]), key=len, reverse=True
        ),
        contractions=data["contractions"],
        modal_verbs=frozenset(fold(w) for w in data["modal_verbs"]),
        language_markers=_exclusive({k: {fold(w) for w in v} for k, v in data["language_markers"].items()}),
    )
    for concept in _load_concepts():
        lex.concepts[concept.label] = concept
        for key in concept.keys:
            lex.concepts_by_key.setdefault(key, []).append(concept)
        for phrase in concept.phrases:
            lex.concepts_by_key.setdefault(" ".join(phrase), []).append(concept)
    for place in _load_places():
        lex.places.append(place)
        for key in place.keys:
            lex.places_by_key.setdefault(key, []).append(place)
        for phrase in place.phrases:
            lex.places_by_key.setdefault(" ".join(phrase), []).append(place)
    return lex
