"""The actors a question names: briefing actors by name, role or language, else found in the text."""

from __future__ import annotations

from dataclasses import dataclass

from bot.qa_actors import ActorProfile, profiles, text_profile
from bot.qa_chunks import Phrase
from bot.qa_index import ArticleIndex
from bot.qa_parse import ParsedQuestion
from bot.qa_text import Word, match_strength, words

SELF_WORDS = frozenset({"himself", "herself", "themselves", "itself", "selbst", "selber"})


@dataclass
class Match:
    start: int
    end: int
    profile: ActorProfile


def _surface_index(index: ArticleIndex) -> dict[str, list[tuple[tuple[frozenset[str], ...], ActorProfile]]]:
    cached = index.extras.get("surface_index")
    if isinstance(cached, dict):
        return cached
    table: dict[str, list[tuple[tuple[frozenset[str], ...], ActorProfile]]] = {}
    for profile in profiles(index):
        for surface in profile.surfaces:
            for key in surface[0]:
                table.setdefault(key, []).append((surface, profile))
    index.extras["surface_index"] = table
    return table


def _weight(profile: ActorProfile) -> float:
    return len(profile.sentences) + 2 * len(profile.positions)


def match_actors(index: ArticleIndex, ws: list[Word]) -> list[Match]:
    """Briefing actors named in the question, longest names first, no overlaps."""
    table = _surface_index(index)
    keys = [w.key for w in ws]
    lex = index.lex
    found: list[Match] = []
    i = 0
    while i < len(ws):
        if lex.is_stopword(ws[i].folded) and not ws[i].key.isupper():
            i += 1
            continue
        best: Match | None = None
        for probe in _probes(ws[i]):
            for surface, profile in table.get(probe, ()):
                n = len(surface)
                if n > 1 and not all(i + j < len(ws) and keys[i + j] in surface[j] for j in range(1, n)):
                    continue
                cand = Match(i, i + n, profile)
                if best is None or (n, _weight(profile)) > (best.end - best.start, _weight(best.profile)):
                    best = cand
        if best:
            found.append(best)
            i = best.end
        else:
            i += 1
    return found


def _probes(word: Word) -> list[str]:
    out = [word.key]
    if "-" in word.text:
        out.extend(w.key for w in words(word.text)[1:])
    return out


def phrase_profile(
    index: ArticleIndex, parsed: ParsedQuestion, phrase: Phrase, matches: list[Match], *, text_ok: bool
) -> ActorProfile | None:
    lex = index.lex
    ws = parsed.words[phrase.start : phrase.end]
    content = [w for w in ws if not lex.is_stopword(w.folded) and w.folded not in SELF_WORDS]
    inside = [m for m in matches if phrase.start <= m.start < phrase.end]
    if inside:
        m = inside[0]
        tail = [w for w in parsed.words[m.end : phrase.end] if w in content]
        if not tail:
            return m.profile
        # the actor only qualifies the head: 'Carson's adviser', 'das irakische Parlament'
        found = _role_holder(index, content, parsed.language != index.language)
        if found is None and text_ok:
            found = _text_phrase(index, parsed, content)
        return found or m.profile
    if not content:
        return None
    by_role = _role_holder(index, content, parsed.language != index.language)
    if by_role is not None or not text_ok:
        return by_role
    return _text_phrase(index, parsed, content)


def _text_phrase(index: ArticleIndex, parsed: ParsedQuestion, content: list[Word]) -> ActorProfile | None:
    """Something the briefing does not list, found in the text by the question's words."""
    lex = index.lex
    cross = parsed.language != index.language
    name = " ".join(w.text for w in content)
    joined = " ".join(w.key for w in content)
    if len(content) > 1 and (lex.concepts_of(joined) or lex.places_of(joined)):
        # 'United Nations' ~ 'Vereinte Nationen': a multi-word name in any of its forms
        return text_profile(index, name, [], sentences=set(index.term_hits(joined, cross)), person=False)
    keys = []
    places = set()
    for w in content:
        alt = {w.key}
        for place in lex.places_of(w.key):
            alt.update(k for k in place.keys if k in index.postings)
            places.add((place.english, place.german))
        alt.update(k for k, s in index.expand(w.key, cross) if s >= 0.7)
        keys.append(frozenset(alt))
    person = all(w.capitalised for w in content) and not places
    profile = text_profile(index, name, keys, person=person)
    if profile is None and "-" in content[-1].text:  # 'EU-Verteidigungsminister': its head will do
        head = content[-1].text.split("-")[-1]
        head_keys = {k for k, s in index.expand(words(head)[0].key, cross) if s >= 0.7} if head else set()
        if head_keys:
            profile = text_profile(index, name, [frozenset(head_keys)], person=False)
    if profile is not None and len(places) == 1 and len(content) == 1:
        english, german = places.pop()  # 'die Deutschen' -> Deutschland / Germany
        profile.name = german if index.language == "de" else english
        profile.english_name, profile.german_name = english, german
        profile.kind = "state"
    return profile


def _role_units(index: ArticleIndex, content: list[Word]) -> list[frozenset[str]]:
    """The phrase as units of alternative keys: 'Hungarian' + 'foreign minister' (a two-word concept)."""
    lex = index.lex
    units: list[frozenset[str]] = []
    i = 0
    while i < len(content):
        if i + 1 < len(content):
            joined = f"{content[i].key} {content[i + 1].key}"
            groups = lex.concepts_of(joined)
            if groups:
                units.append(frozenset(k for g in groups for k in g.keys))
                i += 2
                continue
        w = content[i]
        units.append(frozenset({w.key, *(k for place in lex.places_of(w.key) for k in place.keys)}))
        i += 1
    return units


def _role_holder(index: ArticleIndex, content: list[Word], cross: bool) -> ActorProfile | None:
    """'der deutsche Außenminister', 'the Hungarian foreign minister' -> the actor whose role says so."""
    units = _role_units(index, content)
    best: tuple[float, ActorProfile] | None = None
    for profile in profiles(index):
        for role in profile.roles:
            role_keys = [w.key for w in words(role)]
            ok = bool(role_keys) and all(
                any(match_strength(k, rk, cross_language=cross) >= 0.8 for k in unit for rk in role_keys)
                for unit in units
            )
            if ok:
                weight = len(profile.sentences) + 2 * len(profile.positions)
                if best is None or weight > best[0]:
                    best = (weight, profile)
    return best[1] if best else None
