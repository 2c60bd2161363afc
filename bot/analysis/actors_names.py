"""Name runs: what a run of capitalised words names (person, organisation, place, nothing), its titles."""

from __future__ import annotations

import re

from bot.analysis.actors_lexicon import ActorLexicon
from bot.language.tokens import Token

_ROMAN_RE = re.compile(r"^(?:[IVX]+\.?|Jr\.?|Sr\.?)$")


def _strip_titles(words: list[str], lex: ActorLexicon) -> tuple[int, list[str], str]:
    """Leading titles of a person's name: (how many words, the titles, gender from an honorific)."""
    last_cls = lex.name_words.get(words[-1], ("", ""))[0]
    if last_cls in {"org", "place", "event"}:
        return 0, [], ""
    k = 0
    titles: list[str] = []
    gender = ""
    while k < len(words) - 1:
        cls, g = lex.name_words.get(words[k], ("", ""))
        if cls == "honorific":
            gender = g or gender
        elif (
            cls == "title"
            or (cls == "connector" and titles and words[k] in {"of", "for"})
            or (lex.language == "de" and words[k + 1] in lex.first_names and lex.role(words[k]) is not None)
            or (
                words[k].lower() in lex.demonym_adjectives
                and lex.name_words.get(words[k + 1], ("", ""))[0] == "title"
            )
        ):
            titles.append(words[k])
        elif words[k] == ".":
            if titles and words[k - 1] == titles[-1]:
                titles[-1] += "."  # "Sen.", "Gov."
        else:
            break
        k += 1
    return k, titles, gender


def classify_run(words: list[str], lex: ActorLexicon) -> tuple[str, int, list[str], str]:
    """(kind, number of leading title words, titles, gender) for the words of a name run."""
    skip, titles, gender = _strip_titles(words, lex)
    rest = [w for w in words[skip:] if w != "."]
    while len(rest) > 1 and _ROMAN_RE.match(rest[-1]):
        rest = rest[:-1]  # "World War II"
    if not rest:
        return "nonactor", skip, titles, gender
    if all(
        lex.name_words.get(w, ("", ""))[0] == "nonactor"
        or w.lower() in lex.demonym_adjectives
        or w.lower() in lex.demonym_people
        for w in rest
    ):
        return "nonactor", skip, titles, gender  # "African American"
    last_cls = lex.name_words.get(rest[-1], ("", ""))[0]
    if len(rest) == 1 and last_cls == "org":
        return "nonactor", skip, titles, gender  # "die AG", "the Group" alone
    if last_cls == "org" or (lex.language == "de" and len(rest) > 1 and _org_compound(rest[-1], lex)):
        return "organisation", skip, titles, gender
    if len(rest) > 1 and any(lex.name_words.get(w, ("", ""))[0] == "org" for w in rest[:-1]):
        return "organisation", skip, titles, gender  # "Radio Vatikan", "Bank Austria"
    if last_cls in {"place", "event", "territory"}:
        return ("nonactor" if last_cls == "event" else "place"), skip, titles, gender
    if last_cls == "title" and rest[0] not in lex.first_names:
        return "nonactor", skip, titles, gender  # a title without a name: "First Secretary of State"
    if lex.language == "en" and len(rest) == 1:
        low = rest[0].lower()
        if lex.role(low) or low in lex.demonym_adjectives or low in lex.demonym_people:
            return "nonactor", skip, titles, gender  # "the Republican said", "Americans"
    first_cls, first_gender = lex.name_words.get(rest[0], ("", ""))
    if first_cls == "territory" and len(rest) >= 2:
        return "place", skip, titles, gender  # "Kanton Solothurn"
    if len(rest) == 1 and first_cls == "nonactor":
        return "nonactor", skip, titles, gender
    if first_cls == "nametitle" and len(rest) >= 2:
        return "person", skip, titles, first_gender
    if len(rest) >= 2 and rest[0] in lex.first_names:
        return "person", skip, titles, gender or name_gender(rest[0], lex)
    if gender or titles:
        return "person", skip, titles, gender
    if first_cls == "article" and len(rest) >= 2:
        return "titled", skip, titles, gender  # "El Mundo" in quotes, but "La Roche-sur-Yon" is a town
    if len(rest) == 1 and rest[0].replace(".", "").isupper() and len(rest[0]) >= 2:
        if "." in rest[0] and len(rest[0].replace(".", "")) <= 2:
            return "nonactor", skip, titles, gender  # "S.C.", "D.C.": state abbreviations
        return "acronym", skip, titles, gender
    return "unknown", skip, titles, gender


def _org_compound(word: str, lex: ActorLexicon) -> bool:
    return word.lower().endswith(lex.org_suffixes)


def name_gender(first: str, lex: ActorLexicon) -> str:
    gender = lex.first_names.get(first, "")
    return gender if gender in {"m", "f"} else ""


def junk_name(run: list[Token], lex: ActorLexicon) -> bool:
    """Wiki debris ("Arnold25px"), and single foreign words in German text ("However")."""
    if any(any(c.isdigit() for c in t.text) for t in run):
        return True
    single = run[0].text if len(run) == 1 else ""
    return lex.language == "de" and run[0].tag == "FM" and bool(single) and not single.isupper()


def title_role(titles: list[str]) -> list[str]:
    return [" ".join(titles)] if titles and titles[0] not in {"Former"} else []


def english_run_ok(run: list[Token], lex: ActorLexicon) -> bool:
    for tok in run:
        text = tok.text
        if tok.tag == "NP0" or text in lex.first_names or (text.isupper() and len(text) >= 2):
            return True
        if lex.name_words.get(text, ("", ""))[0] in {"org", "place", "event", "honorific", "nametitle"}:
            return True
    return False
