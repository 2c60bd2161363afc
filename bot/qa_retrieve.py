"""Ranking the article's sentences against a question's words and an actor's sentences."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from bot.qa_actors import ActorProfile, profiles
from bot.qa_index import ArticleIndex
from bot.qa_text import words

_SPEECH_INTENTS = frozenset({"say", "think", "want", "plan", "demand", "fear"})
_QUESTION_PENALTY = 0.3
_BASE = 0.35  # what an actor's sentence is worth before any topic match
_CUE_BONUS = 0.15
_UNATTRIBUTED = 0.45  # a sentence that matches the topic but names the actor nowhere
_UNATTRIBUTED_PRONOUN = 0.55  # ... and has a 'he'/'sie' that may well be the actor
_UNATTRIBUTED_MIN_TOPIC = 0.5
_OTHER_SPEAKER = 0.6
_NO_CUE = 0.75  # asked what someone says: a sentence without a speech verb or quote
_VERB_SHARE = 0.3  # how much matching the question's verb counts beside its content words


@dataclass
class Query:
    words: list[tuple[str, float]] = field(default_factory=list)  # (key, weight)
    actors: list[ActorProfile] = field(default_factory=list)  # actors the question asks about
    actor_words: dict[str, list[str]] = field(default_factory=dict)  # actor key -> question words naming it
    cross: bool = False
    verbs: list[str] = field(default_factory=list)


def topic_scores(index: ArticleIndex, query: Query) -> dict[int, float]:
    """Sentence -> how much of the question it matches: content words and actors (0..1), verbs (0..0.3)."""
    content: dict[int, float] = {}
    verbs: dict[int, float] = {}
    totals = {True: 0.0, False: 0.0}
    n = max(1, len(index.sentences))
    for key, weight in query.words:
        hits = index.term_hits(key, query.cross)
        if not hits:
            continue
        is_verb = weight < 1.0
        target = verbs if is_verb else content
        term_idf = math.log(1.0 + n / len(hits))  # rare in this article: worth more
        totals[is_verb] += term_idf
        for sid, (strength, _) in hits.items():
            target[sid] = target.get(sid, 0.0) + strength * term_idf
    for actor in query.actors:
        if not actor.sentences:
            continue
        idf = math.log(1.0 + n / len(actor.sentences))
        totals[False] += idf
        share = dict.fromkeys(actor.sentences, 0.0)
        for sid, attribution in actor.sentences.items():
            share[sid] = min(1.0, attribution)
        names = query.actor_words.get(actor.key, [])
        for key in names:  # 'the pope' where the briefing only knows 'Pope Francis'
            for sid, (strength, _) in index.term_hits(key, query.cross).items():
                share[sid] = max(share.get(sid, 0.0), strength / len(names))
        for sid, value in share.items():
            content[sid] = content.get(sid, 0.0) + idf * value
    out: dict[int, float] = {}
    if totals[False] > 0:
        for sid, value in content.items():
            out[sid] = value / totals[False]
    if totals[True] > 0:
        for sid, value in verbs.items():
            out[sid] = out.get(sid, 0.0) + _VERB_SHARE * value / totals[True]
    return out


def rank_sentences(
    index: ArticleIndex,
    query: Query,
    *,
    actor: ActorProfile | None = None,
    exclude: frozenset[int] = frozenset(),
) -> list[tuple[int, float]]:
    """Sentences ordered by relevance: the actor's own sentences first, weighted by topic match."""
    scores = topic_scores(index, query)
    speech = bool(_SPEECH_INTENTS.intersection(query.verbs))
    candidates: dict[int, float]
    if actor is None:
        candidates = dict.fromkeys(scores, 1.0)
    else:
        candidates = dict(actor.sentences)
        for sid, score in scores.items():
            if sid not in candidates and sid not in exclude and score >= _UNATTRIBUTED_MIN_TOPIC:
                pronoun = any(w.folded in index.lex.subject_pronouns for w in index.sentences[sid].words)
                candidates[sid] = _UNATTRIBUTED_PRONOUN if pronoun else _UNATTRIBUTED
    speakers = sentence_speakers(index)
    voices = _voices(index, actor) if actor is not None else set()
    out: list[tuple[int, float]] = []
    for sid, attribution in candidates.items():
        sent = index.sentences[sid]
        others = speakers.get(sid)
        if actor is not None and others and actor.actor_id not in others and attribution <= 1.0:
            # someone else speaks here; the actor is only mentioned, unless the speaker speaks for it
            attribution *= 1.0 if others & voices else _OTHER_SPEAKER
        score = attribution * (_BASE + scores.get(sid, 0.0)) if actor is not None else scores.get(sid, 0.0)
        if speech:
            score = score + _CUE_BONUS if sent.has_cue else score * _NO_CUE
        if sent.is_question:
            score *= _QUESTION_PENALTY
        if score > 0:
            out.append((sid, score))
    out.sort(key=lambda item: (-item[1], item[0]))
    return out


def _voices(index: ArticleIndex, actor: ActorProfile) -> set[str]:
    """Actors who speak for this one: 'union leader Maria Okafor', 'der deutsche Außenminister Heiko Maas'."""
    cached = index.extras.setdefault("voices", {})
    assert isinstance(cached, dict)
    found = cached.get(actor.key)
    if isinstance(found, set):
        return found
    keys = actor.name_keys()
    voices = set()
    for other in profiles(index):
        if other.actor_id and other is not actor:
            role_keys = {w.key for role in other.roles for w in words(role)}
            if role_keys & keys:
                voices.add(other.actor_id)
    cached[actor.key] = voices
    return voices


def sentence_speakers(index: ArticleIndex) -> dict[int, set[str]]:
    """Sentence -> the actors the briefing names as speakers of positions in it."""
    cached = index.extras.get("speakers")
    if isinstance(cached, dict):
        return cached
    out: dict[int, set[str]] = {}
    for position in index.briefing.positions:
        if position.actor:
            first = index.sentence_at(position.content.start)
            last = index.sentence_at(max(position.content.start, position.content.end - 1))
            for sid in range(first, last + 1):
                out.setdefault(sid, set()).add(position.actor)
    index.extras["speakers"] = out
    return out


def pick(ranked: list[tuple[int, float]], *, limit: int, ratio: float = 0.6) -> list[int]:
    """The best sentences: the top one and those close to it, in text order."""
    if not ranked:
        return []
    top = ranked[0][1]
    chosen = [sid for sid, score in ranked[:limit] if score >= ratio * top]
    return sorted(chosen)
