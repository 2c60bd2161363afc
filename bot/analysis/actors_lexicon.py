"""Gazetteers and word classes for actor recognition, loaded once per language from data files.

Data files (bot/language/data): actor_countries.tsv, actor_organisations.tsv, actor_places.txt,
actor_first_names.tsv, actor_roles_{de,en}.txt, actor_institutions.tsv, actor_groups.txt,
actor_name_words.tsv, actor_context_words.tsv.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from bot.language.lexicons import table, word_list
from bot.language.tokens import tokenize

NOUN_ENDINGS = frozenset({"s", "es", "n", "en"})
ADJ_ENDINGS = frozenset({"", "e", "en", "er", "es", "em"})
_ADJ_SUFFIXES = ("en", "er", "es", "em", "e")


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name: str  # canonical name in the document's language
    english: str
    gender: str  # German grammatical gender: m f n pl


@dataclass(frozen=True, slots=True)
class GazEntry:
    kind: str  # state | capital | organisation | group | place
    key: str  # country code or canonical organisation name
    gender: str = ""
    english: str = ""


@dataclass(frozen=True, slots=True)
class GazPattern:
    words: tuple[str, ...]  # as written: case decides how strictly a text word must match
    adjective: tuple[bool, ...]  # German: word inflects like an adjective
    entry: GazEntry


@dataclass
class ActorLexicon:
    language: str
    countries: dict[str, Country] = field(default_factory=dict)
    gazetteer: dict[str, list[GazPattern]] = field(default_factory=dict)
    demonym_adjectives: dict[str, str] = field(default_factory=dict)  # adjective stem -> code
    demonym_people: dict[str, str] = field(default_factory=dict)  # inflected noun -> code
    collective_adjectives: dict[str, str] = field(default_factory=dict)  # "french" -> FR ("the French")
    first_names: dict[str, str] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)  # role word -> gender ("" if unknown)
    institutions: dict[str, tuple[str, str]] = field(default_factory=dict)  # noun -> (gender, kind)
    groups: frozenset[str] = frozenset()
    name_words: dict[str, tuple[str, str]] = field(default_factory=dict)  # word -> (class, gender)
    locatives: frozenset[str] = frozenset()
    subordinators: frozenset[str] = frozenset()
    speech: frozenset[str] = frozenset()
    _role_cache: dict[str, tuple[str, str] | None] = field(default_factory=dict)
    _orgnoun_suffixes: tuple[str, ...] = ()
    _candidates: dict[str, list[GazPattern]] = field(default_factory=dict)
    org_suffixes: tuple[str, ...] = ()  # lower-case org keywords, for German compounds ("Sicherheitsrat")

    # ------------------------------------------------------------------ gazetteer

    def add_pattern(self, surface: str, entry: GazEntry) -> None:
        words = tuple(t.text for t in tokenize(surface))
        if not words:
            return
        lower = tuple(w.lower() for w in words)
        if self.language == "de":
            adjective = tuple(
                i + 1 < len(words) and words[i][:1].isupper() and len(words[i]) >= 5 and _adj_like(lower[i])
                for i in range(len(words))
            )
        else:
            adjective = tuple(False for _ in words)
        first = adj_stem(lower[0]) if adjective[0] else lower[0]
        pattern = GazPattern(words, adjective, entry)
        bucket = self.gazetteer.setdefault(first, [])
        if all(p.words != pattern.words for p in bucket):
            bucket.append(pattern)
            bucket.sort(key=lambda p: -len(p.words))

    def candidates(self, word: str) -> list[GazPattern]:
        """Gazetteer patterns whose first word may be this text word (cached per word)."""
        found = self._candidates.get(word)
        if found is None:
            keys = self.lookup_keys(word) if word[:1].isupper() else [word]
            found = [p for key in keys for p in self.gazetteer.get(key, ())]
            if len(self._candidates) > 200_000:
                self._candidates.clear()
            self._candidates[word] = found
        return found

    def lookup_keys(self, word: str) -> list[str]:
        """Gazetteer keys a text word may start: itself or itself without an inflection ending."""
        low = word.lower()
        keys = [low]
        if self.language == "de":
            for ending in ("s", "es", "n", "en", "e", "er", "em"):
                if low.endswith(ending) and len(low) - len(ending) >= 2:
                    keys.append(low[: -len(ending)])
        return keys

    def orgnoun(self, word: str) -> bool:
        """ "Zeitung", "Betreiberfirma", "newspapers": a noun for an organisation."""
        for form in (word, word[:-1], word[:-2]):
            if self.name_words.get(form, ("", ""))[0] in {"orgnoun", "org"}:
                return True  # "die Zeitung X", "die Partei X"
        if self.language != "de":
            return False
        if not self._orgnoun_suffixes:
            self._orgnoun_suffixes = tuple(
                w.lower() for w, (cls, _) in self.name_words.items() if cls == "orgnoun" and len(w) >= 4
            )
        low = word.lower()
        return low.endswith(self._orgnoun_suffixes)

    # ------------------------------------------------------------------ roles

    def noun_forms(self, word: str) -> list[str]:
        """The lower-cased word and its possible base forms ("Präsidenten" -> "präsident")."""
        low = word.lower()
        forms = [low]
        if self.language == "de":
            for ending in ("innen", "en", "es", "n", "s", "e"):
                if low.endswith(ending) and len(low) - len(ending) >= 3:
                    forms.append(low[: -len(ending)] + ("in" if ending == "innen" else ""))
        else:
            if low.endswith("ies"):
                forms.append(low[:-3] + "y")
            if low.endswith("men"):
                forms.append(low[:-3] + "man")
            if low.endswith("s"):
                forms.append(low[:-1])
        return forms

    def role(self, word: str) -> tuple[str, str] | None:
        """(base form, gender) when the word is a role noun ("Außenministerinnen" -> f), else None."""
        cached = self._role_cache.get(word, False)
        if cached is not False:
            return cached  # type: ignore[return-value]
        result = None
        for form in self.noun_forms(word) if " " not in word else [word.lower()]:
            hit = self._role(form)
            if hit is not None:
                result = (form, hit[1])
                break
        if len(self._role_cache) < 50_000:
            self._role_cache[word] = result
        return result

    def _role(self, low: str) -> tuple[str, str] | None:
        if self.language == "en":
            gender = self.roles.get(low)
            return (low, gender) if gender is not None else None
        hit = _suffix_hit(low, self.roles)
        if hit is not None:
            return low, self.roles[hit]
        for fem, stem in ((low.endswith("innen"), low[:-5]), (low.endswith("in"), low[:-2])):
            known = (
                _suffix_hit(stem, self.roles) is not None or _suffix_hit(stem + "e", self.roles) is not None
            )
            if fem and len(stem) >= 3 and known:
                return low[: len(stem) + 2], "f"
        return None


def _suffix_hit(word: str, suffixes: dict[str, str]) -> str | None:
    for k in range(min(len(word), 24), 2, -1):
        tail = word[-k:]
        if tail in suffixes and (k == len(word) or k >= 4):
            return tail
    return None


def _adj_like(low: str) -> bool:
    return low.endswith(_ADJ_SUFFIXES) and not low.endswith(("ee", "ie"))


def adj_stem(low: str) -> str:
    for suffix in _ADJ_SUFFIXES:
        if low.endswith(suffix) and len(low) - len(suffix) >= 3:
            return low[: -len(suffix)]
    return low


def word_matches(text: str, pattern_word: str, adjective: bool, language: str) -> bool:
    """Does a text word match a gazetteer word, allowing German inflection endings?"""
    if pattern_word.isupper() and len(pattern_word) > 1:
        return text == pattern_word or text == pattern_word + "s"
    if not pattern_word[:1].isupper():
        return text == pattern_word  # lower-case words ("dpa", "von") match exactly
    if not text[:1].isupper():
        return False
    low = text.lower()
    if low == pattern_word.lower():
        return True
    if language != "de":
        return False
    if adjective:
        stem = adj_stem(pattern_word.lower())
        return low.startswith(stem) and low[len(stem) :] in ADJ_ENDINGS
    base = pattern_word.lower()
    return low.startswith(base) and low[len(base) :] in NOUN_ENDINGS


def _split(value: str) -> list[str]:
    return [] if value in {"", "-"} else [v.strip() for v in value.split(",") if v.strip()]


def _german_people_forms(masc: str, fem: str | None) -> list[str]:
    forms = [masc]
    if masc.endswith("er") or masc.endswith("i"):
        forms += [masc + "n", masc + "s"] if masc.endswith("er") else [masc + "s"]
    elif masc.endswith("e"):
        forms.append(masc + "n")
    else:
        forms += [masc + "en", masc + "s"]
    if fem:
        forms += [fem, fem + "nen"]
    return forms


def _english_plural(word: str) -> str:
    if word.endswith(("ese", "ch", "sh", "ss", "Swiss")):
        return word
    if word.endswith("man"):
        return word[:-3] + "men"
    return word + "s"


@cache
def actor_lexicon(language: str) -> ActorLexicon:
    lex = ActorLexicon(language)
    de = language == "de"
    for code, cols in table("actor_countries").items():
        names_de, names_en, adj_de, people_de, adj_en, people_en, gender, capitals = (cols + [""] * 8)[:8]
        names = _split(names_de if de else names_en)
        english = _split(names_en)[0]
        lex.countries[code] = Country(code, names[0], english, gender)
        entry = GazEntry("state", code, gender, english)
        for name in names:
            lex.add_pattern(name, entry)
        for capital in _split(capitals):
            lex.add_pattern(capital, GazEntry("capital", code, "n", english))
        if de:
            for adj in _split(adj_de):
                lex.demonym_adjectives[adj.lower()] = code
            people = _split(people_de)
            if people and people[0].startswith("="):
                stem = people[0][1:]
                for form in (stem, stem + "n", stem + "r"):
                    lex.demonym_people[form.lower()] = code
            else:
                pairs = [
                    (people[i], people[i + 1] if i + 1 < len(people) else None)
                    for i in range(0, len(people), 2)
                ]
                for masc, fem in pairs:
                    for form in _german_people_forms(masc, fem):
                        lex.demonym_people[form.lower()] = code
        else:
            for adj in _split(adj_en):
                lex.demonym_adjectives[adj.lower()] = code
                if adj.endswith(("ch", "sh", "ese", "ss")):
                    lex.collective_adjectives[adj.lower()] = code
            for person in _split(people_en):
                lex.demonym_people[person.lower()] = code
                lex.demonym_people[_english_plural(person).lower()] = code
    for name, cols in table("actor_organisations").items():
        kind, gender, english, aliases = (cols + [""] * 4)[:4]
        if kind.startswith("state:"):
            entry = GazEntry("state", kind.split(":", 1)[1], gender, english)
        else:
            entry = GazEntry(kind, name, gender, english if english not in {"", "-"} else name)
        for surface in [name, english, *_split(aliases)]:
            if surface and surface != "-":
                lex.add_pattern(surface, entry)
    for name in word_list("actor_places"):
        first = name.split()[0].lower()
        if any(" ".join(p.words).lower() == name.lower() for p in lex.gazetteer.get(first, [])):
            continue  # a state, capital or organisation of the same name wins
        lex.add_pattern(name, GazEntry("place", name))
    lex.first_names = {name: cols[0] if cols else "u" for name, cols in table("actor_first_names").items()}
    for line in word_list(f"actor_roles_{language}"):
        word, _, gender = line.partition("\t")
        lex.roles[word.strip().lower()] = gender.strip()
    for word, cols in table("actor_institutions").items():
        if language in cols[0].split(","):
            lex.institutions[word] = (cols[1], cols[2])
    lex.groups = frozenset(w.lower() for w in word_list("actor_groups"))
    lex.name_words = {
        w: (cols[0], cols[1] if len(cols) > 1 else "") for w, cols in table("actor_name_words").items()
    }
    context = [
        (w, cols[1]) for w, cols in table("actor_context_words").items() if language in cols[0].split(",")
    ]
    lex.org_suffixes = tuple(
        w.lower()
        for w, (cls, _) in lex.name_words.items()
        if cls == "org" and len(w) >= 3 and w[:1].isupper()
    )
    lex.locatives = frozenset(w for w, c in context if c == "locative")
    lex.subordinators = frozenset(w for w, c in context if c == "subordinator")
    lex.speech = frozenset(w for w, c in context if c == "speech")
    return lex
