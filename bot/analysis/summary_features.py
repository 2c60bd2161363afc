"""What the summary knows about each body sentence: content words, centrality, and a few signals.

Centrality is the degree of a sentence in TextRank's similarity graph (Mihalcea & Tarau 2004):
the summed word overlap with every other sentence, each normalised by the log lengths of both.
A sentence that shares many content words with many others states what the article is about.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from bot.analysis.document import Document
from bot.language.lexicons import lower_word_list
from bot.language.tokens import Sentence, Token

# Tags (by prefix) of content words: nouns, names, full verbs, adjectives, numbers, foreign words
_CONTENT_TAGS = {
    "de": ("NN", "NE", "FM", "VV", "ADJ", "CARD", "TRUNC"),
    "en": ("NN", "NP", "VV", "AJ", "CRD", "UNC"),
}
# Inflectional endings stripped so that word forms of one lemma meet (longest first)
_ENDINGS = {
    "de": ("ern", "en", "er", "es", "em", "e", "n", "s"),
    "en": ("ies", "es", "s", "'s"),
}
_MIN_STEM = 4
_STEMS: dict[tuple[str, str], str] = {}
_MAX_STEMS = 50_000
_MAX_PAIRWISE = 200  # sentences; beyond, centrality is computed in linear time
_SENTENCE_FINAL = frozenset(".!?…\"'“”»«’)")


@dataclass(slots=True)
class Candidate:
    sentence: Sentence
    tokens: list[Token]  # the sentence's tokens after the title (when the two were not split)
    position: int  # index among the candidates
    words: frozenset[str]
    word_tokens: int  # tokens that are words (not punctuation)
    centrality: float = 0.0

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end


def stem(word: str, language: str) -> str:
    """A word lower-cased and stripped of one inflectional ending (memoised)."""
    key = (word, language)
    found = _STEMS.get(key)
    if found is None:
        found = word.lower()
        for ending in _ENDINGS[language]:
            if found.endswith(ending) and len(found) - len(ending) >= _MIN_STEM:
                found = found[: -len(ending)]
                break
        if len(_STEMS) >= _MAX_STEMS:
            _STEMS.clear()
        _STEMS[key] = found
    return found


def content_words(tokens: list[Token], language: str) -> frozenset[str]:
    """The stems of the content words (by part of speech) among the tokens."""
    tags = _CONTENT_TAGS[language]
    return frozenset(
        stem(t.text, language) for t in tokens if t.tag.startswith(tags) and t.text[:1].isalnum()
    )


def body_candidates(doc: Document) -> list[Candidate]:
    """Body sentences (never the title) that could stand in a summary on their own.

    When no sentence qualifies (a text of fragments), every body sentence with words does.
    """
    body_start = doc.article.body_start
    statements: list[Candidate] = []
    fragments: list[Candidate] = []
    for sentence in doc.sentences:
        if sentence.end <= body_start:
            continue
        tokens = [t for t in sentence.tokens if t.start >= body_start]
        words = sum(1 for t in tokens if t.text[:1].isalnum())
        if not words:
            continue
        candidate = Candidate(sentence, tokens, 0, content_words(tokens, doc.language), words)
        (statements if _is_statement(candidate) else fragments).append(candidate)
    out = statements or fragments
    for position, candidate in enumerate(out):
        candidate.position = position
    return out


def _is_statement(candidate: Candidate) -> bool:
    """Not a heading, caption, byline or fragment: enough words, and long or properly ended."""
    if candidate.word_tokens < 6 or len(candidate.words) < 3:
        return False
    return candidate.tokens[-1].text[-1:] in _SENTENCE_FINAL or candidate.word_tokens >= 15


def score_centrality(candidates: list[Candidate]) -> None:
    """TextRank degree of each candidate, scaled so that the most central one has 1."""
    log_sizes = [math.log(max(2, len(c.words))) for c in candidates]
    if len(candidates) <= _MAX_PAIRWISE:
        degrees = _pairwise_degrees(candidates, log_sizes)
    else:  # a very long text: the other sentence's length taken as the mean, in linear time
        frequency: dict[str, int] = defaultdict(int)
        for cand in candidates:
            for word in cand.words:
                frequency[word] += 1
        mean_log = sum(log_sizes) / len(log_sizes)
        degrees = [
            sum(frequency[w] - 1 for w in cand.words) / (own + mean_log)
            for cand, own in zip(candidates, log_sizes, strict=True)
        ]
    best = max(degrees, default=0.0)
    for cand, degree in zip(candidates, degrees, strict=True):
        cand.centrality = degree / best if best > 0 else 0.0


def _pairwise_degrees(candidates: list[Candidate], log_sizes: list[float]) -> list[float]:
    postings: dict[str, list[int]] = defaultdict(list)
    for index, cand in enumerate(candidates):
        for word in cand.words:
            postings[word].append(index)
    overlaps: list[dict[int, int]] = [defaultdict(int) for _ in candidates]
    for sentences in postings.values():
        if len(sentences) < 2:
            continue
        for a in sentences:
            row = overlaps[a]
            for b in sentences:
                if a != b:
                    row[b] += 1
    return [
        sum(shared / (log_sizes[index] + log_sizes[other]) for other, shared in overlaps[index].items())
        for index in range(len(candidates))
    ]


def title_words(doc: Document) -> frozenset[str]:
    body_start = doc.article.body_start
    tokens = [t for s in doc.sentences if s.start < body_start for t in s.tokens if t.end <= body_start]
    return content_words(tokens, doc.language)


def leans_on_context(tokens: list[Token], language: str) -> bool:
    """Does the sentence open with a word pointing back ("He said", "Dies", "However")?"""
    first = next((t for t in tokens if t.text[:1].isalnum()), None)
    return first is not None and first.text.lower() in lower_word_list(f"summary_context_openers_{language}")


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Cosine of two word sets."""
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))
