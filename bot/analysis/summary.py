"""Extractive summary: the sentences a reader of the briefing needs, in document order.

Each body sentence (never the title) is scored by
- centrality: its TextRank degree, the share of the article's vocabulary it carries;
- the lede: news puts the gist first, so the first body sentence gets a bonus;
- the title: content words shared with the headline;
- actors and positions: it names a main actor or carries what an actor says or wants;
less when it opens with a word pointing back ("He", "Dies", "However") or runs very long.
The best ones are taken greedily, skipping any that repeat a chosen sentence; 3 to 5 of them
depending on the article's length.
"""

from __future__ import annotations

from collections import Counter

from bot.analysis.actors import ActorIndex
from bot.analysis.document import Document
from bot.analysis.positions import RawPosition
from bot.analysis.summary_features import (
    Candidate,
    body_candidates,
    leans_on_context,
    score_centrality,
    similarity,
    title_words,
)
from bot.models import SummarySentence

_LEDE_BONUS = 0.2
_SECOND_BONUS = 0.05
_TITLE_WEIGHT = 0.2
_ACTOR_BONUS = 0.05
_POSITION_BONUS = 0.05
_CONTEXT_PENALTY = 0.15
_LONG_PENALTY = 0.1
_LONG_SENTENCE = 60  # words
_REDUNDANT = 0.45  # cosine of content words above which a sentence repeats a chosen one
_MAIN_ACTORS = 3


def summarise(
    doc: Document, *, actors: ActorIndex, positions: list[RawPosition], max_sentences: int = 5
) -> list[SummarySentence]:
    """3 to 5 body sentences (fewer only when the article has fewer), in document order."""
    candidates = body_candidates(doc)
    if not candidates:
        return []
    wanted = min(max_sentences, summary_length(len(candidates)))
    scores = _scores(doc, candidates, actors, positions)
    chosen = _select(candidates, scores, wanted)
    return [
        SummarySentence(text=doc.text[c.start : c.end], start=c.start, end=c.end)
        for c in sorted(chosen, key=lambda c: c.start)
    ]


def summary_length(sentences: int) -> int:
    """3 sentences for a short article, 4 for a usual one, 5 for a long one."""
    if sentences <= 10:
        return 3
    return 4 if sentences <= 25 else 5


def _scores(
    doc: Document, candidates: list[Candidate], actors: ActorIndex, positions: list[RawPosition]
) -> list[float]:
    score_centrality(candidates)
    title = title_words(doc)
    main_mentions = _main_actor_mentions(actors)
    position_starts = sorted(p.content[0] for p in positions)
    scores = []
    for cand in candidates:
        score = cand.centrality
        if cand.position == 0:
            score += _LEDE_BONUS
        elif cand.position == 1:
            score += _SECOND_BONUS
        if title:
            score += _TITLE_WEIGHT * len(cand.words & title) / len(title)
        if any(cand.start <= start < cand.end for start in main_mentions):
            score += _ACTOR_BONUS
        if any(cand.start <= start < cand.end for start in position_starts):
            score += _POSITION_BONUS
        if leans_on_context(cand.tokens, doc.language):
            score -= _CONTEXT_PENALTY
        if cand.word_tokens > _LONG_SENTENCE:
            score -= _LONG_PENALTY
        scores.append(score)
    return scores


def _main_actor_mentions(actors: ActorIndex) -> list[int]:
    """Where the most often mentioned actors are mentioned."""
    records = sorted(actors.actors, key=lambda a: len(a.mentions), reverse=True)[:_MAIN_ACTORS]
    counts = Counter(start for rec in records if len(rec.mentions) > 1 for start, _ in rec.mentions)
    return sorted(counts)


def _select(candidates: list[Candidate], scores: list[float], wanted: int) -> list[Candidate]:
    """The best candidates, skipping repetitions unless there is nothing else."""
    ranked = sorted(range(len(candidates)), key=lambda i: (-scores[i], i))
    chosen: list[Candidate] = []
    repeated: list[Candidate] = []
    for index in ranked:
        cand = candidates[index]
        if any(similarity(cand.words, other.words) > _REDUNDANT for other in chosen):
            repeated.append(cand)
        else:
            chosen.append(cand)
        if len(chosen) == wanted:
            return chosen
    return chosen + repeated[: wanted - len(chosen)]
