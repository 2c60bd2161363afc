"""Descriptive actor mentions: demonyms ("die Deutschen", "deutsche Soldaten", "the French government"),
national institutions ("das irakische Parlament"), compounds ("US-Truppen", "IS-Kampf") and groups
("pro-iranische Milizen", "Sanders supporters").
"""

from __future__ import annotations

from bot.analysis.actors_context import ADJ_TAGS, DET_TAGS, NOUN_TAGS
from bot.analysis.actors_lexicon import ActorLexicon, adj_stem
from bot.analysis.actors_scan import Mention, gazetteer_match, surface
from bot.language.tokens import Token

_STRONG_ENDING = {"m": "er", "f": "e", "n": "es", "pl": "e"}
_QUANTIFIERS = frozenset(
    "some many most several few hundreds thousands dozens all both other einige viele mehrere "
    "zahlreiche manche alle beide hunderte tausende dutzende andere weitere".split()
)


def demonym_code(tok: Token, lex: ActorLexicon) -> str | None:
    """Country code of a demonym adjective ("französischen", "French"), else None."""
    low = tok.text.lower()
    if lex.language == "de":
        if tok.tag not in ADJ_TAGS and tok.tag not in {"ADJ(D)"}:
            return None
        return lex.demonym_adjectives.get(adj_stem(low)) or lex.demonym_adjectives.get(low)
    if not tok.text[:1].isupper():
        return None
    return lex.demonym_adjectives.get(low)


def institution(sent: list[Token], k: int, lex: ActorLexicon) -> tuple[str, str, str, int] | None:
    """(noun, gender, kind, last index) when an institution noun starts at sent[k]."""
    if k >= len(sent):
        return None
    tok = sent[k]
    if lex.language == "en" and k + 1 < len(sent):
        pair = f"{tok.text.lower()} {sent[k + 1].text.lower()}"
        if pair in lex.institutions:
            gender, kind = lex.institutions[pair]
            return pair, gender, kind, k + 1
    for key in lex.noun_forms(tok.text):
        if key in lex.institutions:
            gender, kind = lex.institutions[key]
            return key, gender, kind, k
    return None


def _head_after(sent: list[Token], k: int) -> int:
    j = k + 1
    while j < len(sent) and sent[j].tag in ADJ_TAGS and sent[j].text.lower() not in {"and", "und"}:
        j += 1
    return j


def _group_head(tok: Token, lex: ActorLexicon) -> bool:
    return tok.text.lower() in lex.groups and tok.tag in NOUN_TAGS | {"NNA"}


def _strong_plural(words: list[Token], lex: ActorLexicon) -> str:
    """German group names in the nominative: "pro-iranischen Milizen" -> "pro-iranische Milizen"."""
    if lex.language != "de":
        return surface(words)
    parts = []
    for tok in words:
        if tok.tag == "ADJ(A)":
            parts.append(adj_stem(tok.text.lower()) + "e" if not tok.text[:1].isupper() else tok.text)
        else:
            parts.append(tok.text)
    return " ".join(parts)


def national_org_name(adj: Token, noun: str, gender: str, lex: ActorLexicon, head: Token) -> str:
    if lex.language == "en":
        return f"{adj.text} {head.text if ' ' not in noun else noun}"
    stem = adj_stem(adj.text.lower())
    ending = _STRONG_ENDING.get(gender, "e")
    noun_text = head.text[: len(noun)] if head.text.lower().startswith(noun) else head.text
    return f"{stem.capitalize()}{ending} {noun_text}"


def scan_phrases(sent: list[Token], sent_index: int, lex: ActorLexicon, taken: set[int]) -> list[Mention]:
    out: list[Mention] = []
    n = len(sent)
    k = 0
    while k < n:
        if k in taken:
            k += 1
            continue
        tok = sent[k]
        upper = tok.text[:1].isupper()
        found = (
            (_demonym_phrase(sent, sent_index, k, lex) if tok.tag in ADJ_TAGS or upper else None)
            or (_people_noun(sent, sent_index, k, lex) if upper else None)
            or (_compound(sent, sent_index, k, lex) if upper and "-" in tok.text else None)
            or (_group_phrase(sent, sent_index, k, lex, taken) if tok.text.lower() in lex.groups else None)
        )
        if found is not None and found.last not in taken:
            out.append(found)
            k = found.last + 1
            continue
        k += 1
    return out


def _demonym_phrase(sent: list[Token], si: int, k: int, lex: ActorLexicon) -> Mention | None:
    tok = sent[k]
    low = tok.text.lower()
    pro = lex.language == "de" and (low.startswith("pro-") or low.startswith("anti-"))
    code = None if pro else demonym_code(tok, lex)
    if code is None:
        return None
    h = _head_after(sent, k)
    inst = institution(sent, h, lex)
    if inst is not None:
        noun, gender, kind, last = inst
        if kind == "state":
            return Mention(
                si, k, last, tok.start, sent[last].end, "state", code, descriptive=True, agentive=True
            )
        name = national_org_name(tok, noun, gender, lex, sent[h])
        return Mention(
            si, k, last, tok.start, sent[last].end, "organisation", f"{code}:{noun}", name=name, gender=gender
        )
    if h < len(sent) and _group_head(sent[h], lex):
        start = k
        name = _strong_plural(sent[start : h + 1], lex)
        key = f"group:{sent[h].text.lower()}:{code}"
        return Mention(
            si, start, h, tok.start, sent[h].end, "group", key, name=name, gender="pl", descriptive=True
        )
    return None


def _people_noun(sent: list[Token], si: int, k: int, lex: ActorLexicon) -> Mention | None:
    """ "die Deutschen", "die Franzosen", "the French", "Americans": the people of a state."""
    tok = sent[k]
    if not tok.text[:1].isupper():
        return None
    low = tok.text.lower()
    prev = sent[k - 1].text.lower() if k > 0 else ""
    nxt = sent[k + 1] if k + 1 < len(sent) else None
    if nxt is not None and nxt.tag in NOUN_TAGS and nxt.text[:1].isupper() == (lex.language == "de"):
        return None  # an adjective before a noun, not the people
    code = lex.demonym_people.get(low)
    if code is None and lex.language == "en" and prev == "the":
        code = lex.collective_adjectives.get(low)
    if code is None:
        return None
    if lex.language == "de" and (tok.tag not in {"NN", "NNA", "NE"} or prev not in {"die", "den", "der"}):
        return None
    if lex.language == "en" and prev != "the" and not low.endswith("s"):
        return None
    return Mention(si, k, k, tok.start, tok.end, "state", code, descriptive=True)


def _compound(sent: list[Token], si: int, k: int, lex: ActorLexicon) -> Mention | None:
    """ "US-Truppen" (a state's military), "IS-Kämpfer", "EU-Ratspräsidentschaft" (an organisation)."""
    tok = sent[k]
    text = tok.text
    if "-" not in text[1:] or not text[:1].isupper():
        return None
    prefix, rest = text.split("-", 1)
    if not prefix or not rest:
        return None
    fake = Token(prefix, tok.start, tok.start + len(prefix), tag="NE")
    pattern = gazetteer_match([fake], 0, lex)
    if pattern is None or len(pattern.words) != 1:
        return None
    entry = pattern.entry
    end = tok.start + len(prefix)
    if entry.kind in {"state", "capital"} and lex.language == "de":
        head = Token(rest, 0, 0)
        inst = institution([head], 0, lex)
        people = rest.lower() in lex.demonym_people
        if (inst is None or inst[2] != "state") and not people:
            return None
        return Mention(
            si, k, k, tok.start, tok.end, "state", entry.key, descriptive=True, agentive=not people
        )
    if entry.kind in {"organisation", "group"}:
        return Mention(
            si, k, k, tok.start, end, entry.kind, entry.key, gender=entry.gender, english=entry.english
        )
    return None


def _group_phrase(sent: list[Token], si: int, k: int, lex: ActorLexicon, taken: set[int]) -> Mention | None:
    """A modified plural group noun: "pro-iranische Milizen", "Sanders supporters", "die Rebellen"."""
    tok = sent[k]
    if not _group_head(tok, lex):
        return None
    start = k
    while start > 0:
        prev = sent[start - 1]
        proper = (
            start - 1 in taken
            or prev.tag in {"NE", "NP0"}
            or (lex.language == "en" and prev.tag in NOUN_TAGS)
        )
        if prev.tag in ADJ_TAGS or (prev.text[:1].isupper() and proper):
            start -= 1
            continue
        if prev.text.lower().startswith(("pro-", "anti-")):
            start -= 1
            continue
        break
    # a name right before the noun belongs to the group's name ("Sanders supporters")
    modifiers = sent[start:k]
    words = [t for t in modifiers if t.text.lower() not in _QUANTIFIERS]
    initial = sent[0] if lex.language == "en" else None  # "Undeclared voters" opening a sentence

    def marks(t: Token) -> bool:
        return (t.text[:1].isupper() and (t is not initial or t.tag == "NP0")) or "-" in t.text

    marked = [i for i, t in enumerate(words) if t.text[:1].isupper() or "-" in t.text]
    if marked:
        words = words[marked[0] :]  # "miffed Sanders supporters" -> "Sanders supporters"
    definite = (
        start > 0 and sent[start - 1].tag in DET_TAGS and sent[start - 1].text.lower() in {"die", "the"}
    )
    if not words and not definite:
        return None
    name = _strong_plural([*words, tok], lex)
    marker = " ".join(t.text.lower() for t in words if marks(t))
    marker = marker[4:] if marker.startswith("pro-") else marker
    prefix = "group" if words else "bare-group"
    # followers of a named actor are one group ("Sanders supporters", "pro-Sanders demonstrators")
    key = f"{prefix}:{marker}" if marker else f"{prefix}:{tok.text.lower()}:{name.lower()}"
    first = next(i for i in range(start, k + 1) if sent[i] is (words[0] if words else tok))
    return Mention(
        si, first, k, sent[first].start, tok.end, "group", key, name=name, gender="pl", descriptive=True
    )
