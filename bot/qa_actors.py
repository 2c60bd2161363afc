"""Actor profiles for question answering: what names an actor goes by and where it appears.

A profile joins what the briefing says about an actor (name, aliases, roles, mentions,
positions) with what the text shows (surface matches, places across languages, pronouns that
continue a sentence about the actor), so that answers stay useful when the briefing is thin.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.models import Actor, Position
from bot.qa_attribution import carry_pronouns, mark_speakers, merge_fragments
from bot.qa_index import ArticleIndex, near_each_other
from bot.qa_lexicon import Lexicon
from bot.qa_text import Word, words

Surface = tuple[frozenset[str], ...]

_POSITION_WEIGHT = 1.2


@dataclass
class ActorProfile:
    key: str
    name: str
    kind: str | None
    roles: list[str]
    actor_id: str | None = None
    english_name: str | None = None
    german_name: str | None = None
    sentences: dict[int, float] = field(default_factory=dict)  # sentence -> how surely it is about the actor
    positions: list[Position] = field(default_factory=list)
    surfaces: list[Surface] = field(default_factory=list)  # for matching questions
    cap_only: set[Surface] = field(default_factory=set)  # surfaces that must be capitalised in text
    first_mention: int | None = None

    def display(self, language: str) -> str:
        if language == "en" and self.english_name:
            return self.english_name
        if language == "de" and self.german_name:
            return self.german_name
        return self.name

    def name_keys(self) -> frozenset[str]:
        return frozenset(k for surface in self.surfaces for alt in surface for k in alt)


def content_words(text: str, lex: Lexicon) -> list[Word]:
    return [w for w in words(text, split_compounds=False) if w.folded not in lex.determiners]


def _place_surfaces(keys: tuple[str, ...], lex: Lexicon) -> list[Surface]:
    joined = " ".join(keys)
    places = lex.places_of(joined) if len(keys) > 1 else lex.places_of(keys[0]) if keys else []
    out: list[Surface] = []
    for place in places:
        out.extend((frozenset({k}),) for k in place.keys)
        out.extend(tuple(frozenset({k}) for k in phrase) for phrase in place.phrases)
    return out


def _concept_surfaces(keys: tuple[str, ...], lex: Lexicon) -> list[Surface]:
    """Names that are concept forms ('UN', 'Vereinte Nationen') also go by the concept's other forms."""
    joined = " ".join(keys)
    out: list[Surface] = []
    for concept in lex.concepts_of(joined):
        if len(concept.keys) + len(concept.phrases) > 12:
            continue  # a broad concept: its forms are not names
        out.extend((frozenset({k}),) for k in concept.keys if k.isupper() or len(keys) > 1)
        out.extend(tuple(frozenset({k}) for k in phrase) for phrase in concept.phrases)
    return out


def _actor_surfaces(actor: Actor, lex: Lexicon) -> tuple[list[Surface], set[Surface]]:
    forms = [actor.name, *actor.aliases]
    if actor.english_name:
        forms.append(actor.english_name)
    surfaces: list[Surface] = []
    cap_only: set[Surface] = set()
    for form in forms:
        toks = [w for w in content_words(form, lex) if not lex.is_stopword(w.folded) or w.key.isupper()]
        if not toks:
            continue
        keys = tuple(w.key for w in toks)
        surface = tuple(frozenset({k}) for k in keys)
        surfaces.append(surface)
        if len(toks) == 1 and actor.kind == "person":
            cap_only.add(surface)
        surfaces.extend(_place_surfaces(keys, lex))
        surfaces.extend(_concept_surfaces(keys, lex))
        last = toks[-1].key if toks else ""
        common = bool(lex.concepts_of(last)) or last in lex.title_keys or bool(lex.places_of(last))
        if actor.kind == "person" and len(toks) >= 2 and toks[-1].capitalised and not common:
            surname = (frozenset({toks[-1].key}),)
            surfaces.append(surname)
            cap_only.add(surname)
        if len(keys) > 1:  # 'irakisches Parlament' ~ 'Iraqi parliament': translate word by word
            alts = []
            for k in keys:
                alt = {k}
                for place in lex.places_of(k):
                    alt.update(place.keys)
                for concept in lex.concepts_of(k):
                    if len(concept.keys) <= 12:
                        alt.update(concept.keys)
                alts.append(frozenset(alt))
            surfaces.append(tuple(alts))
    unique = list(dict.fromkeys(surfaces))
    return unique, cap_only


def _find_surface(index: ArticleIndex, surface: Surface, cap_only: bool) -> list[int]:
    """Sentences where a surface occurs (single words anywhere, longer ones in sequence)."""
    first = surface[0]
    candidates: set[int] = set()
    for key in first:
        candidates.update(index.postings.get(key, ()))
    found = []
    for sid in sorted(candidates):
        sent = index.sentences[sid]
        if len(surface) == 1:
            if not cap_only or first & sent.cap_keys:
                found.append(sid)
            continue
        ws = sent.words
        for i in range(len(ws) - len(surface) + 1):
            if all(ws[i + j].key in surface[j] for j in range(len(surface))):
                found.append(sid)
                break
    return found


def _mentions_in_text(index: ArticleIndex, surfaces: list[Surface], cap_only: set[Surface]) -> set[int]:
    out: set[int] = set()
    for surface in surfaces:
        if any(len(alt) > 1 for alt in surface):
            continue  # word-by-word translations match questions, not text
        out.update(_find_surface(index, surface, surface in cap_only))
    return out


def _briefing_profile(index: ArticleIndex, actor: Actor) -> ActorProfile:
    lex = index.lex
    surfaces, cap_only = _actor_surfaces(actor, lex)
    profile = ActorProfile(
        key=actor.id,
        name=actor.name,
        kind=actor.kind,
        roles=list(actor.roles),
        actor_id=actor.id,
        english_name=actor.english_name,
        surfaces=surfaces,
        cap_only=cap_only,
    )
    for span in actor.mentions:
        profile.sentences[index.sentence_at(span.start)] = 1.0
    for sid in _mentions_in_text(index, surfaces, cap_only):
        profile.sentences[sid] = 1.0
    for position in index.briefing.positions:
        if position.actor == actor.id:
            profile.positions.append(position)
            for sid in range(
                index.sentence_at(position.content.start), index.sentence_at(position.content.end - 1) + 1
            ):
                profile.sentences[sid] = max(profile.sentences.get(sid, 0.0), _POSITION_WEIGHT)
    mark_speakers(index, profile)
    if profile.sentences:
        profile.first_mention = min(profile.sentences)
    keys = tuple(w.key for w in content_words(actor.name, lex))
    places = lex.places_of(" ".join(keys)) if len(keys) > 1 else lex.places_of(keys[0]) if keys else []
    if len(places) == 1:
        profile.english_name = profile.english_name or places[0].english
        profile.german_name = places[0].german
    return profile


def text_profile(
    index: ArticleIndex,
    phrase: str,
    keys: list[frozenset[str]],
    *,
    sentences: set[int] | None = None,
    person: bool = False,
) -> ActorProfile | None:
    """A profile for something the briefing does not list, found by its words in the text.

    keys: alternatives per word of the phrase; or sentences, when the caller found them already.
    person: a name, so that 'he'/'sie' in the following sentences refers to it.
    """
    surface = tuple(keys)
    hits = set(sentences or ())
    if keys:
        hits = set(_find_surface(index, surface, False))
        if not hits and len(keys) > 1:  # the words close together, not necessarily adjacent
            hits = near_each_other(index, [set(alt) for alt in keys])
    if not hits:
        return None
    name = (_surface_text(index, surface, min(hits)) if keys else None) or phrase
    profile = ActorProfile(
        key="text:" + phrase, name=name, kind=None, roles=[], surfaces=[surface] if keys else []
    )
    profile.sentences = dict.fromkeys(hits, 1.0)
    profile.first_mention = min(hits)
    _attach_positions(index, profile)
    mark_speakers(index, profile)
    if person:
        profile.kind = "person"
        carry_pronouns(index, [profile])
    return profile


def _surface_text(index: ArticleIndex, surface: Surface, sid: int) -> str | None:
    """The words of a surface as the text writes them ('irakische Parlament')."""
    ws = index.sentences[sid].words
    for i in range(len(ws) - len(surface) + 1):
        if all(ws[i + j].key in surface[j] for j in range(len(surface))):
            return index.text[ws[i].start : ws[i + len(surface) - 1].end]
    return None


def _attach_positions(index: ArticleIndex, profile: ActorProfile) -> None:
    for position in index.briefing.positions:
        if position.speaker is not None and index.sentence_at(position.speaker.start) in profile.sentences:
            speaker = index.text[position.speaker.start : position.speaker.end]
            if any(
                k in {w.key for w in words(speaker)}
                for surface in profile.surfaces
                for alt in surface
                for k in alt
            ):
                profile.positions.append(position)


def profiles(index: ArticleIndex) -> list[ActorProfile]:
    cached = index.extras.get("profiles")
    if isinstance(cached, list):
        return cached
    built = [_briefing_profile(index, actor) for actor in index.briefing.actors]
    merge_fragments(built)
    carry_pronouns(index, built)
    index.extras["profiles"] = built
    return built
