"""Local repairs of HanTa's tags around English quotations, for the attribution rules only.

The stock tagger has seen few quote marks: it tags them as nouns or unknown words, and the word
after a closing quote then gets odd tags too ('“...,” Sanders/NN2 said/VVN'). The repairs are made
on the shared tokens while the English position rules run and undone afterwards, so every other
stage (and German) keeps the stock tags.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from bot.analysis.positions_en_cues import Lexicon
from bot.analysis.positions_en_phrases import PRONOUNS, QUOTE_CHARS
from bot.analysis.positions_en_quotes import Quote
from bot.language.lexicons import lower_word_list
from bot.language.tokens import Token

_QUOTE_TAG = "PUQ"
_NAME_TAG = "NP0"
_MAX_NAME_WORDS = 4
_NOT_NAMES = PRONOUNS | frozenset({"this", "that", "these", "those", "there", "but", "and", "so", "then"})
_SPEECH_FRAMES = frozenset({"speech", "quote"})
_OBJECT_FRAMES = frozenset({"object"})
_ACRONYM_PLURAL = re.compile(r"[A-Z]{2,}s")
_ENDINGS = (("ing", "VVG"), ("ed", "VVD"))
Retag = Callable[[Token, str, str], None]


@contextmanager
def repaired_tags(
    tokens: list[Token], quote_of: list[int], quotes: list[Quote], lex: Lexicon
) -> Iterator[None]:
    """Repair the tags for the duration of the block, then restore the stock ones."""
    changed: list[tuple[Token, str, str]] = []

    def retag(tok: Token, tag: str, lemma: str = "") -> None:
        if tok.tag != tag or (lemma and tok.lemma != lemma):
            changed.append((tok, tok.tag, tok.lemma))
            tok.tag = tag
            if lemma:
                tok.lemma = lemma

    try:
        for i, tok in enumerate(tokens):
            if tok.tag == "UNC" and _unknown_name(tok):
                retag(tok, _NAME_TAG, "")
                continue
            if tok.tag == "VVZ" and _ACRONYM_PLURAL.fullmatch(tok.text):
                retag(tok, "NN2", "")  # "super PACs", "CEOs"
                continue
            if tok.tag == "NN1" and 0 < i < len(tokens) - 1 and _postmodifier(tokens, i):
                _repair_participle(tokens, i, lex, retag, _OBJECT_FRAMES)  # "a group backing the mayor"
                continue
            if tok.text not in QUOTE_CHARS and tok.text != "''":
                continue
            retag(tok, _QUOTE_TAG)
            q = quote_of[i]
            if q >= 0 and quotes[q].end == tok.end:
                k = i + 2 if i + 1 < len(tokens) and tokens[i + 1].text == "," else i + 1
                _repair_after_quote(tokens, k, lex, retag)
                _repair_participle(tokens, k, lex, retag)
        yield
    finally:
        for tok, tag, lemma in reversed(changed):
            tok.tag = tag
            tok.lemma = lemma


def _repair_after_quote(tokens: list[Token], k: int, lex: Lexicon, retag: Retag) -> None:
    """'“...,” Sanders said': capitalised words right after a closing quote and before a verb of
    saying are a name, and the verb is finite."""
    j = k
    while (
        j < len(tokens)
        and j - k < _MAX_NAME_WORDS
        and tokens[j].text[:1].isupper()
        and tokens[j].text.isalpha()
        and tokens[j].text.lower() not in _NOT_NAMES
    ):
        j += 1
    if j == k or j >= len(tokens):
        return
    verb = tokens[j]
    spec = lex.verbs.get(verb.lemma.lower()) or lex.verbs.get(verb.text.lower())
    if spec is None or spec.frame not in _SPEECH_FRAMES or verb.text.lower().endswith("ing"):
        return
    for m in range(k, j):
        retag(tokens[m], _NAME_TAG, "")
    if verb.tag[:1] != "V" or verb.tag == "VVN":
        retag(verb, "VVZ" if verb.text.endswith("s") else "VVD", "")


def _postmodifier(tokens: list[Token], i: int) -> bool:
    """An -ing word between a noun and the start of a noun phrase: "a group backing the mayor"."""
    return (
        tokens[i].text.endswith("ing")
        and tokens[i - 1].tag in {"NN1", "NN2", "NP0"}
        and tokens[i + 1].tag in {"AT0", "DPS", "NP0"}
    )


def _repair_participle(
    tokens: list[Token], k: int, lex: Lexicon, retag: Retag, frames: frozenset[str] = _SPEECH_FRAMES
) -> None:
    """'“...,” adding that ...': a verb of saying right after a closing quote, tagged as a noun."""
    if k >= len(tokens) or tokens[k].tag[:1] == "V" or not tokens[k].text.islower():
        return
    word = tokens[k].text
    for ending, tag in _ENDINGS:
        if not word.endswith(ending):
            continue
        stem = word[: -len(ending)]
        for lemma in (stem, stem + "e", stem[:-1]):
            spec = lex.verbs.get(lemma)
            if spec is not None and spec.frame in frames:
                retag(tokens[k], tag, lemma)
                return


def _unknown_name(tok: Token) -> bool:
    """A capitalised word the tagger does not know ("Rubio/UNC") is a name; a function word that
    lost its tag after a quote mark ("The/UNC") is not."""
    return (
        tok.text[:1].isupper()
        and tok.text.isalpha()
        and tok.text.lower() not in _NOT_NAMES
        and tok.text.lower() not in lower_word_list("function_words_en")
    )
