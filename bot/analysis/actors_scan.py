"""Proper names in a sentence: gazetteer matches (states, organisations, places) and name runs.

Each hit becomes a Mention with a first guess at its kind; context (roles, prepositions, subjects)
refines it later in actors_build.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.analysis.actors_context import is_preposition
from bot.analysis.actors_keywords import bracket_name_end, keyword_name, keyword_name_end, keyword_start
from bot.analysis.actors_lexicon import ActorLexicon, GazPattern, word_matches
from bot.analysis.actors_names import classify_run, english_run_ok, junk_name, name_gender, title_role
from bot.analysis.actors_runs import (
    inner_title,
    is_title_case,
    namey,
    noun_prefix,
    organisation_follows,
    run_end,
    sentence_initial,
)
from bot.language.tokens import Token


@dataclass(slots=True)
class Mention:
    sent: int  # sentence index
    first: int  # index of the first token within the sentence
    last: int  # index of the last token within the sentence (inclusive)
    start: int  # character offsets
    end: int
    kind: str  # person organisation state group place capital nonactor unknown
    key: str = ""
    name: str = ""
    gender: str = ""
    english: str = ""
    agentive: bool = False
    subject: bool = False
    descriptive: bool = False
    roles: list[str] = field(default_factory=list)
    actor: str = ""  # actor key once merged
    tag: str = ""  # tag of the first token, where needed


def gazetteer_match(sent: list[Token], i: int, lex: ActorLexicon) -> GazPattern | None:
    tok = sent[i]
    best: GazPattern | None = None
    for pattern in lex.candidates(tok.text):
        size = len(pattern.words)
        if (best is not None and size <= len(best.words)) or i + size > len(sent):
            continue
        if all(
            word_matches(sent[i + m].text, pattern.words[m], pattern.adjective[m], lex.language)
            for m in range(size)
        ):
            best = pattern
    return best


def scan_names(sent: list[Token], sent_index: int, lex: ActorLexicon) -> list[Mention]:
    """Gazetteer entries and proper-name runs of one sentence, left to right, not overlapping."""
    out: list[Mention] = []
    title_case = lex.language == "en" and is_title_case(sent)
    n = len(sent)
    i = 0
    consumed = -1  # last token index inside an emitted mention
    while i < n:
        tok = sent[i]
        text = tok.text
        if not (text[:1].isupper() or text[:1].isalpha()):
            i += 1
            continue
        pattern = gazetteer_match(sent, i, lex)
        inside_name = (
            i > 0 and i - 1 > consumed and namey(sent, i - 1, lex) and not sentence_initial(sent, i - 1)
        )
        located = pattern is not None and pattern.entry.kind in {"place", "state", "capital"}
        if located and organisation_follows(sent, i + len(pattern.words), lex):  # type: ignore[union-attr]
            pattern = None  # "Massachusetts Institute of Technology", "Japan Meteorological Agency"
        inflected = pattern is not None and len(pattern.words) == 1 and text != pattern.words[0]
        if located and inflected and text in lex.first_names and i + 1 < n and namey(sent, i + 1, lex):
            pattern = None  # "Jonas Keller", though "Jona" is a town
        bracketed = bracket_name_end(sent, i, lex) if (pattern is None or located) and not inside_name else -1
        if bracketed > 0:
            name = surface(sent[i : bracketed + 1])
            out.append(
                Mention(sent_index, i, bracketed, tok.start, sent[bracketed].end, "organisation", name=name)
            )
            consumed = bracketed
            i = bracketed + 1
            continue
        if pattern is not None and not inside_name:
            last = i + len(pattern.words) - 1
            entry = pattern.entry
            out.append(
                Mention(
                    sent_index,
                    i,
                    last,
                    tok.start,
                    sent[last].end,
                    entry.kind,
                    entry.key,
                    gender=entry.gender,
                    english=entry.english,
                )
            )
            consumed = last
            i = last + 1
            continue
        named = keyword_name_end(sent, i, lex) if pattern is None else -1
        if named > 0:
            first = keyword_start(sent, i) if i - 2 > consumed else i
            name = keyword_name(sent, first, i, lex)
            start = sent[first].start
            out.append(Mention(sent_index, first, named, start, sent[named].end, "organisation", name=name))
            consumed = named
            i = named + 1
            continue
        if not text[:1].isupper() or (title_case and text not in lex.first_names) or not namey(sent, i, lex):
            i += 1
            continue
        if (
            lex.language == "en"
            and sentence_initial(sent, i)
            and tok.tag != "NP0"
            and text not in lex.first_names
            and not (text.isupper() and len(text) >= 2)
        ):
            i += 1
            continue
        j = run_end(sent, i, lex, title_case)
        words = [t.text for t in sent[i : j + 1]]
        if lex.language == "en" and not english_run_ok(sent[i : j + 1], lex):
            i = j + 1
            continue
        kind, skip, titles, gender = classify_run(words, lex)
        if kind == "person" and lex.language == "en" and skip < len(words):
            given = next((k for k in range(skip, len(words)) if words[k] in lex.first_names), -1)
            if given > skip and all(sent[i + k].tag != "NP0" for k in range(skip, given)):
                skip = given
        if kind in {"unknown", "organisation"} and skip == 0:
            inner = inner_title(words, lex)
            if inner > 0:  # "AFT President Randi Weingarten": a title inside the run starts the name
                titles, skip, kind = [" ".join(w for w in words[:inner] if w != ".")], inner, "person"
                gender = gender or name_gender(words[inner], lex)
        if kind == "unknown":
            given = next((k for k, w in enumerate(words) if w in lex.first_names), -1)
            if given > 0 and all(w.endswith("er") and w not in lex.name_words for w in words[:given]):
                skip, kind = given, "person"
                gender = gender or name_gender(words[given], lex)
        first = i + skip
        while first <= j and sent[first].text == ".":
            first += 1
        keyword_only = kind == "nonactor" and j == i and lex.name_words.get(text, ("", ""))[0] == "org"
        if (
            (kind == "organisation" or keyword_only)
            and first == i
            and i - 1 > consumed
            and noun_prefix(sent, i, lex)
        ):
            first, kind = i - 1, "organisation"  # "der Chaos Computer Club", "von Golem Online"
        if sent[i].tag == "ADJ(A)" and kind not in {"organisation", "place"}:
            i = j + 1
            continue  # a capitalised adjective starts no person name ("der Hohe Vertreter")
        name = surface(sent[first : j + 1])
        mention = Mention(
            sent_index, first, j, sent[first].start, sent[j].end, kind, "", name=name, gender=gender
        )
        if i == 0 or sent[i - 1].text != "of":  # "then-Secretary of State Clinton": no role "State"
            mention.roles.extend(title_role(titles))
        if junk_name(sent[first : j + 1], lex):
            mention.kind = "nonactor"
        out.append(mention)
        consumed = j
        i = j + 1
    return out


def surface(tokens: list[Token]) -> str:
    """The tokens' text with single spaces where the original had any gap."""
    parts: list[str] = []
    prev_end = -1
    for tok in tokens:
        if parts and tok.start > prev_end:
            parts.append(" ")
        parts.append(tok.text)
        prev_end = tok.end
    return "".join(parts)


def after_locative(sent: list[Token], first: int, lex: ActorLexicon) -> bool:
    """Directly after a locative preposition ("in Bagdad", "nach Jordanien und Kuwait")."""
    j = first - 1
    while j >= 0 and (sent[j].tag in {"ART", "AT0"} or sent[j].text in {'"', "„", "“"}):
        j -= 1
    if j < 0:
        return False
    return sent[j].text.lower() in lex.locatives and is_preposition(sent[j])
