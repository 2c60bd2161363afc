"""Cheap syntactic context for actor recognition: tag classes, subjects, prepositions, heads.

Works on one sentence's token list with HanTa tags (German STTS-like, English CLAWS-like).
"""

from __future__ import annotations

from bot.analysis.actors_lexicon import ActorLexicon
from bot.language.tokens import Token

FINITE_TAGS = frozenset(
    {"VV(FIN)", "VA(FIN)", "VM(FIN)", "VVD", "VVZ", "VBD", "VBZ", "VBB", "VHD", "VHZ", "VHB", "VDD", "VDZ"}
    | {"VDB", "VM0", "VVB"}
)
PREPOSITION_TAGS = frozenset({"APPR", "APPRART", "APPO", "APZR", "PRP", "PRF"})
NOUN_TAGS = frozenset({"NN", "NE", "NNA", "FM", "NN0", "NN1", "NN2", "NP0"})
ADJ_TAGS = frozenset({"ADJ(A)", "AJ0", "AJC", "AJS", "ORD"})
DET_TAGS = frozenset({"ART", "PPOSAT", "PIAT", "PDAT", "PWAT", "AT0", "DT0", "DPS", "CRD", "CARD"})
SKIPPABLE_TAGS = frozenset({"ADV", "AV0", "PTKNEG", "XX0", "PROAV", "ADJ(D)", "VV(INF)"})
COORDINATORS = frozenset({"und", "oder", "sowie", "and", "or", ","})
PLURAL_SINGULAR_EXCEPTIONS = frozenset({"kann", "wann", "kenn"})


def is_finite(tok: Token) -> bool:
    return tok.tag in FINITE_TAGS


def is_preposition(tok: Token) -> bool:
    return tok.tag in PREPOSITION_TAGS


def is_capitalised(text: str) -> bool:
    return text[:1].isupper()


def np_start(sent: list[Token], first: int) -> int:
    """Extend a name or noun to the left over articles, determiners and adjectives."""
    i = first
    while i > 0:
        tag = sent[i - 1].tag
        if tag in DET_TAGS or tag in ADJ_TAGS:
            i -= 1
            continue
        break
    return i


def preceded_by_preposition(sent: list[Token], first: int) -> bool:
    start = np_start(sent, first)
    return start > 0 and is_preposition(sent[start - 1])


def preceding_word(sent: list[Token], first: int) -> str:
    start = np_start(sent, first)
    return sent[start - 1].text.lower() if start > 0 else ""


_QUANTITY_WORDS = frozenset(
    "hundreds thousands dozens millions some many most one two three several all".split()
)


def _quantity(tok: Token) -> bool:
    return tok.tag in {"CRD", "CARD"} or tok.text.lower() in _QUANTITY_WORDS


_RELATIVE_TAGS = frozenset({"PRELS", "PNQ"})


def _skip_relative(sent: list[Token], j: int) -> int:
    """From a comma before a relative clause (", die ... bildet,", ", who ... left,"), the index after
    the comma that closes it when a finite verb follows that comma; else j."""
    limit = min(len(sent) - 1, j + 30)
    for k in range(j + 2, limit):
        if sent[k].text in {".", ":", ";"}:
            return j
        if sent[k].text == "," and is_finite(sent[k + 1]):
            return k + 1
    return j


def _skip_apposition(sent: list[Token], j: int) -> int:
    """From a comma after a noun phrase, skip ", der Minister," style appositions (no verb inside)
    and relative clauses."""
    k = j + 1
    if k < len(sent) and sent[k].tag in _RELATIVE_TAGS:
        return _skip_relative(sent, j)
    limit = min(len(sent), j + 14)
    while k < limit:
        tok = sent[k]
        if tok.text in {",", "–", "-", "—"}:
            return k + 1
        if is_finite(tok) or tok.tag in {"PRELS", "PNQ", "KOUS", "CJS"} or tok.text in {".", ":", ";", '"'}:
            return j
        k += 1
    return j


def is_subject(sent: list[Token], first: int, last: int, lex: ActorLexicon) -> bool:
    """Heuristic: is the noun phrase sent[first..last] the subject of its clause?"""
    start = np_start(sent, first)
    prev = sent[start - 1] if start > 0 else None
    if prev is not None and prev.text.lower() in {"of", "von"} and start >= 2 and _quantity(sent[start - 2]):
        start -= 2  # "Hundreds of pro-Sanders demonstrators marched"
        prev = sent[start - 1] if start > 0 else None
    if prev is not None and is_preposition(prev) and prev.text.lower() not in {"laut", "zufolge"}:
        return False
    if prev is not None and prev.tag in {"POS"}:
        return False
    if prev is not None and lex.language == "de" and prev.tag in {"NN", "NE"} and lex.role(prev.text) is None:
        return False  # a genitive or apposition after a noun: "vor den Toren Berlins"
    j = last + 1
    n = len(sent)
    if j < n and sent[j].text in {"'s", "’s", "'", "’"}:
        return False  # a possessor: "said Trump's adviser"
    # coordinated subjects: "Deutschland und Frankreich wollen"
    steps = 0
    while j < n and steps < 8:
        tok = sent[j]
        if tok.text == "," and j + 1 < n and not is_finite(sent[j + 1]):
            k = _skip_apposition(sent, j)
            if k != j:
                j = k
                steps += 1
                continue
        if (
            tok.text.lower() in COORDINATORS
            and j + 1 < n
            and (sent[j + 1].tag in NOUN_TAGS or sent[j + 1].tag in DET_TAGS or sent[j + 1].tag in ADJ_TAGS)
        ):
            j += 2
            while j < n and (sent[j].tag in NOUN_TAGS or sent[j].tag in ADJ_TAGS):
                j += 1
            steps += 1
            continue
        if tok.tag in SKIPPABLE_TAGS and steps < 6:
            j += 1
            steps += 1
            continue
        break
    if j < n and is_finite(sent[j]):
        return True
    if prev is None:
        return False
    low = prev.text.lower()
    if prev.tag in {"KOUS", "CJS", "CJT"} or low in lex.subordinators:
        return True
    if is_finite(prev):
        # inverted subject: "Vor kurzem hatten die USA ...", "..., said Sanders"
        if lex.language == "de":
            return _inverted_subject_de(sent, start)
        return low in lex.speech
    if (
        prev.text in {",", "“", '"', "»", "«"}
        and start >= 2
        and sent[start - 2].text in {'"', "“", "”", "«", "»"}
    ):
        return False
    return False


_OBLIQUE_ARTICLES = frozenset({"den", "dem", "des", "einen", "einem", "eines", "einer"})
_NOMINATIVE_START = frozenset({"der", "die", "das", "ein", "eine"})


def _inverted_subject_de(sent: list[Token], start: int) -> bool:
    """A noun phrase right after the finite verb is the subject unless it is oblique or the
    field before the verb already holds a subject ("Die Truppen sollen den Irak verlassen")."""
    if sent[start].text.lower() in _OBLIQUE_ARTICLES:
        return False
    verb = start - 1
    k = verb - 1
    while k >= 0 and sent[k].text not in {",", ":", ";", '"', "„", "“"}:
        k -= 1
    field = sent[k + 1 : verb]
    if not field:
        return k < 0  # verb first (a question) - but after a relative clause the subject came before
    head = field[0]
    if head.tag in {"PPER", "PDS", "PIS"} or (
        head.tag in {"NE", "NN"} and len(field) <= 3 and all(t.tag in NOUN_TAGS for t in field)
    ):
        return False
    return not (head.text.lower() in _NOMINATIVE_START and head.tag == "ART")


def plural_verb_near(sent: list[Token], index: int) -> bool | None:
    """German: is the finite verb agreeing with the word at index plural? None when unknown."""
    for k in list(range(index + 1, min(len(sent), index + 6))) + list(
        range(index - 1, max(-1, index - 3), -1)
    ):
        tok = sent[k]
        if is_finite(tok):
            low = tok.text.lower()
            if low in PLURAL_SINGULAR_EXCEPTIONS:
                return False
            return low.endswith("n")
        if tok.text in {",", ".", ":", ";"}:
            continue
    return None
