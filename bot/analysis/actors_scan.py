"""Proper names in a sentence: gazetteer matches (states, organisations, places) and name runs.

Each hit becomes a Mention with a first guess at its kind; context (roles, prepositions, subjects)
refines it later in actors_build.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.analysis.actors_context import NOUN_TAGS, is_preposition
from bot.analysis.actors_lexicon import ActorLexicon, GazPattern, word_matches
from bot.analysis.actors_names import classify_run, english_run_ok, junk_name, name_gender, title_role
from bot.language.tokens import Token

_ROMAN = frozenset({"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "Jr", "Sr", "Jr.", "Sr."})


_QUOTES = frozenset({'"', "„", "“", "”", "»", "«", "'", "‚", "‘", "’", "(", "-", "–", "—", ":"})


_NAME_TAGS = frozenset({"NE", "FM", "NP0"})


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


_FUNCTION_TAG_PREFIXES = ("VV", "VB", "VH", "VD", "VM", "PRP", "PRF", "CJ", "AT0", "TO0", "AV")


def _is_title_case(sent: list[Token]) -> bool:
    """An English headline in title case: verbs and function words capitalised too."""
    caps = sum(1 for t in sent[1:] if t.text[:1].isupper() and t.tag.startswith(_FUNCTION_TAG_PREFIXES))
    return caps >= 2


def _sentence_initial(sent: list[Token], k: int) -> bool:
    j = k - 1
    while j >= 0 and sent[j].text in _QUOTES:
        j -= 1
    return j < 0


def _namey(sent: list[Token], k: int, lex: ActorLexicon) -> bool:
    tok = sent[k]
    text = tok.text
    if not text[:1].isupper():
        return False
    cls = lex.name_words.get(text, ("", ""))[0]
    if (cls == "function" and lex.language == "en") or len(text) == 1:
        return False  # single letters are initials: they continue names but start none
    if tok.tag in _NAME_TAGS or text in lex.first_names:
        return True
    if cls in {"title", "honorific", "nametitle"} and k + 1 < len(sent):
        if k > 0 and sent[k - 1].tag in {"ART", "ADJ(A)", "PPOSAT", "AT0", "AJ0", "DPS"}:
            return False  # "die älteste Frau Deutschlands" is no honorific
        nxt = sent[k + 2] if sent[k + 1].text == "." and k + 2 < len(sent) else sent[k + 1]
        return nxt.text[:1].isupper() and (
            nxt.tag in _NAME_TAGS or nxt.text in lex.first_names or nxt.text in lex.name_words
        )
    if len(text) >= 2 and text.replace(".", "").replace("-", "").isalpha() and text.isupper():
        return True
    if lex.language == "en":
        if text == "I" or _sentence_initial(sent, k):
            return False
        return tok.tag in NOUN_TAGS or (tok.tag in {"AJ0", "ZZ0"} and len(text) > 1)
    # German: a capitalised adjective inside the sentence starts a name ("Nationaler Sicherheitsrat")
    return (
        tok.tag == "ADJ(A)"
        and not _sentence_initial(sent, k)
        and k + 1 < len(sent)
        and sent[k + 1].text[:1].isupper()
        and sent[k + 1].tag in {"NN", "NE", "FM"}
    )


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


def _inner_title(words: list[str], lex: ActorLexicon) -> int:
    """Index of a given name right after a title inside a run, or 0."""
    for k in range(1, len(words) - 1):
        cls = lex.name_words.get(words[k], ("", ""))[0]
        nxt = k + 2 if words[k + 1] == "." and k + 2 < len(words) else k + 1
        if cls in {"title", "honorific"} and nxt < len(words) - 1 and words[nxt] not in lex.name_words:
            return nxt
    return 0


def _organisation_follows(sent: list[Token], k: int, lex: ActorLexicon) -> bool:
    """Do the next few name words end in an organisation keyword?"""
    for j in range(k, min(len(sent), k + 4)):
        tok = sent[j]
        cls = lex.name_words.get(tok.text, ("", ""))[0]
        if cls == "org":
            return j > k or tok.tag in _NAME_TAGS or lex.language == "en"
        if not tok.text[:1].isupper() and cls != "connector":
            return False
    return False


def _run_end(sent: list[Token], i: int, lex: ActorLexicon) -> int:
    """Index of the last token of the name run starting at i."""
    j = i
    n = len(sent)
    firsts_only = sent[i].text in lex.first_names or sent[i].text in lex.name_words or sent[i].tag == "ADJ(A)"
    while j + 1 < n:
        nxt = sent[j + 1]
        text = nxt.text
        if (
            text == "."
            and nxt.start == sent[j].end
            and (len(sent[j].text) == 1 or sent[j].text in lex.name_words)
        ):
            if j + 2 < n and _namey(sent, j + 2, lex):
                j += 1  # initials and abbreviated titles: "George W. Bush", "Mr. Trump"
                continue
            break
        if text in _ROMAN and j > i:
            j += 1
            continue
        if (
            len(text) == 1
            and text.isupper()
            and j + 3 < n
            and sent[j + 2].text == "."
            and _namey(sent, j + 3, lex)
        ):
            j += 1  # an initial: "George W. Bush"
            continue
        after_given = firsts_only or sent[j].text in lex.first_names
        if _namey(sent, j + 1, lex) or (
            after_given
            and text[:1].isupper()
            and text.replace("-", "").isalpha()
            and (nxt.tag in NOUN_TAGS or sent[j].text in lex.first_names)
            and text not in lex.name_words
            and not lex.role(text)
        ):
            firsts_only = firsts_only and text in lex.first_names
            j += 1
            continue
        cls = lex.name_words.get(text, ("", ""))[0]
        if cls == "connector" and j + 2 < n and _namey(sent, j + 2, lex):
            if text in {"of", "for", "and", "&"}:
                before = lex.name_words.get(sent[j].text, ("", ""))[0]
                if before not in {"org", "title"}:
                    break
            j += 2
            continue
        break
    return j


def scan_names(sent: list[Token], sent_index: int, lex: ActorLexicon) -> list[Mention]:
    """Gazetteer entries and proper-name runs of one sentence, left to right, not overlapping."""
    out: list[Mention] = []
    title_case = lex.language == "en" and _is_title_case(sent)
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
            i > 0 and i - 1 > consumed and _namey(sent, i - 1, lex) and not _sentence_initial(sent, i - 1)
        )
        located = pattern is not None and pattern.entry.kind in {"place", "state", "capital"}
        if located and _organisation_follows(sent, i + len(pattern.words), lex):  # type: ignore[union-attr]
            pattern = None  # "Massachusetts Institute of Technology", "Japan Meteorological Agency"
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
        if not text[:1].isupper() or (title_case and text not in lex.first_names) or not _namey(sent, i, lex):
            i += 1
            continue
        if (
            lex.language == "en"
            and _sentence_initial(sent, i)
            and tok.tag != "NP0"
            and text not in lex.first_names
            and not (text.isupper() and len(text) >= 2)
        ):
            i += 1
            continue
        j = _run_end(sent, i, lex)
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
            inner = _inner_title(words, lex)
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
        if sent[i].tag == "ADJ(A)" and kind not in {"organisation", "place"}:
            i = j + 1
            continue  # a capitalised adjective starts no person name ("der Hohe Vertreter")
        name = surface(sent[first : j + 1])
        mention = Mention(
            sent_index, first, j, sent[first].start, sent[j].end, kind, "", name=name, gender=gender
        )
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
