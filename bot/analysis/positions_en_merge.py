"""Sentence scopes for the English frame pass.

A quotation that ends in a question or exclamation mark ends the sentence for the splitter, so
'“Can we win?” Smith asked.' comes out as two sentences and the verb of saying is left without its
content. Such a verb-only sentence is read together with the quotation before it.
"""

from __future__ import annotations

from collections.abc import Iterator

from bot.analysis.positions_en_cues import Lexicon, verb_cue
from bot.analysis.positions_en_phrases import FINITE_TAGS
from bot.analysis.positions_en_quotes import Quote
from bot.language.tokens import Sentence, Token

_MAX_SPEAKER_TOKENS = 8
_QUOTE_MARKS = "\"“”'’` "
_CLAUSE_OPENERS = frozenset({"that", "whether", "if", ":"})
_SENTENCE_OPENERS = frozenset({"He", "She", "They", "We", "I", "It", "The", "This", "But"})


def sentence_scopes(
    sentences: list[Sentence], tokens: list[Token], quotes: list[Quote], quote_of: list[int], lex: Lexicon
) -> list[tuple[int, int]]:
    """(first, last) token of each scope: the sentences, with a verb-only sentence joined to the
    quotation ending in "?" or "!" that stands before it."""
    scopes: list[tuple[int, int]] = []
    for lo, hi in _split_after_abbreviations(sentences, tokens, quote_of):
        if (
            scopes
            and _closes_question(scopes[-1], tokens, quotes, quote_of)
            and _verb_only(lo, hi, tokens, quote_of, lex)
        ):
            quote = quote_of[scopes[-1][1]]
            first = scopes[-1][0]
            scopes.pop()
            while scopes and quote_of[scopes[-1][0]] == quote:
                first = scopes.pop()[0]  # a quotation of several sentences
            scopes.append((first, hi))
            continue
        scopes.append((lo, hi))
    return scopes


def _split_after_abbreviations(
    sentences: list[Sentence], tokens: list[Token], quote_of: list[int]
) -> Iterator[tuple[int, int]]:
    """The splitter keeps "U.S." or "p.m." inside a sentence; a sentence-opening word right after
    one ("... in the U.S. He says ...") starts a new sentence all the same."""
    for sentence in sentences:
        if not sentence.tokens:
            continue
        lo = sentence.first
        for k in range(sentence.first + 1, sentence.last):
            tok = tokens[k]
            if (
                tok.text.endswith(".")
                and tok.text.count(".") >= 2
                and quote_of[k] < 0
                and tokens[k + 1].text in _SENTENCE_OPENERS
                and tokens[k + 1].start > tok.end
            ):
                yield lo, k
                lo = k + 1
        yield lo, sentence.last


def _closes_question(
    scope: tuple[int, int], tokens: list[Token], quotes: list[Quote], quote_of: list[int]
) -> bool:
    """The scope is one quotation that ends in "?" or "!"."""
    lo, hi = scope
    index = quote_of[hi]
    if index < 0 or quote_of[lo] != index:
        return False
    quote = quotes[index]
    if not quote.closed or quote.end != tokens[hi].end:
        return False
    return tokens[hi].end - tokens[lo].start > 2 and _ends_in_question(tokens, lo, hi)


def _ends_in_question(tokens: list[Token], lo: int, hi: int) -> bool:
    k = hi
    while k > lo and all(ch in _QUOTE_MARKS for ch in tokens[k].text):
        k -= 1
    return tokens[k].text in {"?", "!"}


def _verb_only(lo: int, hi: int, tokens: list[Token], quote_of: list[int], lex: Lexicon) -> bool:
    """ "Smith asked." / "said Smith, the party's chair.": a verb of saying near the start, no
    finite verb before it and no clause of its own after it."""
    if quote_of[lo] >= 0:
        return False
    for k in range(lo, min(hi, lo + _MAX_SPEAKER_TOKENS) + 1):
        tok = tokens[k]
        spec = verb_cue(tok, lex)
        if spec is not None and spec.frame in {"speech", "quote"}:
            return _no_clause_after(k, hi, tokens, quote_of)
        if tok.tag in FINITE_TAGS or quote_of[k] >= 0:
            return False
    return False


def _no_clause_after(k: int, hi: int, tokens: list[Token], quote_of: list[int]) -> bool:
    """No content of its own after the verb at k; a comma or a subordinate clause ends the check
    ("Clinton asks as a guard walks by")."""
    for m in range(k + 1, hi + 1):
        tok = tokens[m]
        if tok.text == "," or (tok.tag == "CJS" and tok.text.lower() not in _CLAUSE_OPENERS):
            return True
        if tok.tag in FINITE_TAGS or tok.text.lower() in _CLAUSE_OPENERS or quote_of[m] >= 0:
            return False
    return True
