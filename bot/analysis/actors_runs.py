"""Proper-name runs in a sentence: which capitalised words start a name, where a run ends, title-case
headlines, names of organisations that take a common noun in front ("der Chaos Computer Club")."""

from __future__ import annotations

import re

from bot.analysis.actors_context import NOUN_TAGS
from bot.analysis.actors_lexicon import ActorLexicon
from bot.language.tokens import Token

_ROMAN = frozenset({"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "Jr", "Sr", "Jr.", "Sr."})


_QUOTES = frozenset({'"', "„", "“", "”", "»", "«", "'", "‚", "‘", "’", "(", "-", "–", "—", ":"})


_NAME_TAGS = frozenset({"NE", "FM", "NP0"})


_FUNCTION_TAG_PREFIXES = ("VV", "VB", "VH", "VD", "VM", "PRP", "PRF", "CJ", "AT0", "TO0", "AV")


def is_title_case(sent: list[Token]) -> bool:
    """An English headline in title case: verbs and function words capitalised too."""
    caps = sum(1 for t in sent[1:] if t.text[:1].isupper() and t.tag.startswith(_FUNCTION_TAG_PREFIXES))
    return caps >= 2


def sentence_initial(sent: list[Token], k: int) -> bool:
    j = k - 1
    while j >= 0 and sent[j].text in _QUOTES:
        j -= 1
    return j < 0


def namey(sent: list[Token], k: int, lex: ActorLexicon) -> bool:
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
        if text == "I" or sentence_initial(sent, k):
            return False
        return tok.tag in NOUN_TAGS or (tok.tag in {"AJ0", "ZZ0"} and len(text) > 1)
    # German: a capitalised adjective inside the sentence starts a name ("Nationaler Sicherheitsrat")
    return (
        tok.tag == "ADJ(A)"
        and not sentence_initial(sent, k)
        and k + 1 < len(sent)
        and sent[k + 1].text[:1].isupper()
        and sent[k + 1].tag in {"NN", "NE", "FM"}
    )


def inner_title(words: list[str], lex: ActorLexicon) -> int:
    """Index of a given name right after a title inside a run, or 0."""
    for k in range(1, len(words) - 1):
        cls = lex.name_words.get(words[k], ("", ""))[0]
        nxt = k + 2 if words[k + 1] == "." and k + 2 < len(words) else k + 1
        if cls in {"title", "honorific"} and nxt < len(words) - 1 and words[nxt] not in lex.name_words:
            return nxt
    return 0


def organisation_follows(sent: list[Token], k: int, lex: ActorLexicon) -> bool:
    """Do the next few name words end in an organisation keyword?"""
    for j in range(k, min(len(sent), k + 4)):
        tok = sent[j]
        cls = lex.name_words.get(tok.text, ("", ""))[0]
        if cls == "org":
            return j > k or tok.tag in _NAME_TAGS or lex.language == "en"
        if not tok.text[:1].isupper() and cls != "connector":
            return False
    return False


_CONTRACTION = re.compile(r"[’'](?:t|ll|s|re|ve|d|m)$")


def title_case_stop(tok: Token) -> bool:
    """In a title-case headline only proper nouns continue a name ("Hillary Clinton Visit To ...",
    "Hillary Can’t Hide")."""
    return tok.tag != "NP0" or _CONTRACTION.search(tok.text) is not None


def run_end(sent: list[Token], i: int, lex: ActorLexicon, title_case: bool = False) -> int:
    """Index of the last token of the name run starting at i."""
    j = i
    n = len(sent)
    firsts_only = sent[i].text in lex.first_names or sent[i].text in lex.name_words or sent[i].tag == "ADJ(A)"
    adjective = sent[i].tag == "ADJ(A)"
    while j + 1 < n:
        nxt = sent[j + 1]
        text = nxt.text
        if title_case and title_case_stop(nxt) and text not in lex.first_names:
            break
        if (
            text == "."
            and nxt.start == sent[j].end
            and (len(sent[j].text) == 1 or sent[j].text in lex.name_words)
        ):
            if j + 2 < n and namey(sent, j + 2, lex):
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
            and namey(sent, j + 3, lex)
        ):
            j += 1  # an initial: "George W. Bush"
            continue
        after_given = firsts_only or sent[j].text in lex.first_names
        if sent[j].tag == "ADJ(A)" and sent[j].text[:1].isupper() and nxt.tag == "NN" and text[:1].isupper():
            j += 1  # the noun of a capitalised adjective: "Fidesz Ungarischer Bürgerbund"
            continue
        if namey(sent, j + 1, lex) or (
            after_given
            and text[:1].isupper()
            and text.replace("-", "").isalpha()
            and (nxt.tag in NOUN_TAGS or sent[j].text in lex.first_names)
            and (text not in lex.name_words or (adjective and lex.name_words[text][0] == "org"))
            and not lex.role(text)
        ):
            firsts_only = firsts_only and text in lex.first_names
            j += 1
            continue
        cls = lex.name_words.get(text, ("", ""))[0]
        if cls == "connector" and j + 2 < n and namey(sent, j + 2, lex):
            if text in {"of", "for", "and", "&"}:
                before = lex.name_words.get(sent[j].text, ("", ""))[0]
                if before not in {"org", "title"}:
                    break
            j += 2
            continue
        break
    return j


def noun_prefix(sent: list[Token], i: int, lex: ActorLexicon) -> bool:
    """German: a capitalised common noun between an article (or a preposition) and an organisation's
    name belongs to it."""
    if lex.language != "de" or i < 2 or sent[i - 2].tag not in {"ART", "APPR", "APPRART"}:
        return False
    prev = sent[i - 1]
    return (
        prev.tag == "NN"
        and prev.text.isalpha()
        and lex.role(prev.text) is None
        and not lex.orgnoun(prev.text)
    )
