"""Tokens and sentences with character offsets into the original text.

A regular-expression tokenizer and a rule-based sentence splitter: several times faster than
general-purpose tokenizers, and enough for news prose in German and English.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.language.lexicons import abbreviations

_TOKEN = re.compile(
    r"""
    https?://\S+[^\s.,;:!?)\]"'»«“”„]            # URLs
    | [\w.+-]+@[\w-]+\.[\w.-]+                     # e-mail addresses
    | \d+(?:[.,:/]\d+)+(?:[^\W\d_]+)?              # 17.000  1,5  12:30  3/4  1.13bn
    | (?:[^\W\d_]\.){2,}                           # z.B.  U.S.  u.a.
    | (?:\w+(?:[-‐/]\w+)*-(?=\s+(?:und|oder|bzw\.|and|or)\b))   # Ein- und Ausfuhr
    | \w+(?:[-‐]\w+)*(?:'\w+)?(?=n't\b)            # English do|n't: stop before n't
    | n't\b
    | ['’](?:s|re|ve|ll|d|m|S|RE|VE|LL|D|M)\b       # English clitics
    | \w+(?:[-‐]\w+)*(?:['’](?!(?:s|re|ve|ll|d|m|S|RE|VE|LL|D|M)\b)\w+)*  # words: US-Truppen, O'Brien
    | \.{2,}|…
    | --+|[–—]
    | \S                                           # any other single character
    """,
    re.VERBOSE,
)
_SENTENCE_END = frozenset(".!?…")
_CLOSING = frozenset("\"'“”»«’)]")
_OPENING_QUOTES = frozenset("\"„“«»‚‘'")


Lemmatiser = Callable[[str, int], str]  # (word, tag id) -> lemma


class Token:
    """A token with its offsets. The tagger may leave the lemma pending: it is computed on first use."""

    __slots__ = ("_lemma", "_lemmatiser", "_tag_id", "end", "index", "sentence", "start", "tag", "text")

    def __init__(
        self,
        text: str,
        start: int,
        end: int,
        index: int = 0,
        sentence: int = 0,
        tag: str = "",
        lemma: str = "",
    ) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.index = index  # position in the document's token list
        self.sentence = sentence
        self.tag = tag
        self._lemma = lemma
        self._lemmatiser: Lemmatiser | None = None
        self._tag_id = 0

    @property
    def lemma(self) -> str:
        lemmatiser = self._lemmatiser
        if lemmatiser is not None:
            self._lemmatiser = None
            self._lemma = lemmatiser(self.text, self._tag_id)
        return self._lemma

    @lemma.setter
    def lemma(self, value: str) -> None:
        self._lemmatiser = None
        self._lemma = value

    def defer_lemma(self, lemmatiser: Lemmatiser, tag_id: int) -> None:
        """Compute the lemma with lemmatiser(text, tag_id) when it is first read."""
        self._lemmatiser = lemmatiser
        self._tag_id = tag_id

    @property
    def lower(self) -> str:
        return self.text.lower()

    def _fields(self) -> tuple[str, int, int, int, int, str, str]:
        return (self.text, self.start, self.end, self.index, self.sentence, self.tag, self.lemma)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._fields() == other._fields()  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]  # mutable, like the dataclass it replaces

    def __repr__(self) -> str:
        text, start, end, index, sentence, tag, lemma = self._fields()
        return (
            f"Token(text={text!r}, start={start!r}, end={end!r}, index={index!r}, "
            f"sentence={sentence!r}, tag={tag!r}, lemma={lemma!r})"
        )


@dataclass(slots=True)
class Sentence:
    index: int
    start: int
    end: int
    tokens: list[Token] = field(default_factory=list)

    @property
    def first(self) -> int:
        return self.tokens[0].index

    @property
    def last(self) -> int:
        return self.tokens[-1].index


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    stop = len(text) if end is None else end
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, stop)]


def split_sentences(text: str, tokens: list[Token], language: str) -> list[Sentence]:
    """Group tokens into sentences; assigns Token.index and Token.sentence."""
    abbrevs = abbreviations(language)
    bounds: list[int] = []  # token indices where a new sentence starts
    n = len(tokens)
    i = 0
    while i < n:
        tok = tokens[i]
        if i and _newline_boundary(text, tokens[i - 1], tok) and (not bounds or bounds[-1] != i):
            bounds.append(i)
        if tok.text[-1] in _SENTENCE_END and i + 1 < n:
            # closing quotes and brackets right after the full stop belong to this sentence
            j = i + 1
            while j < n and tokens[j].text in _CLOSING and tokens[j].start == tokens[j - 1].end:
                j += 1
            if j < n and _is_boundary(text, tokens, i, j, abbrevs):
                bounds.append(j)
                i = j
                continue
        i += 1
    sentences: list[Sentence] = []
    starts = [0, *bounds]
    for k, first in enumerate(starts):
        last = starts[k + 1] if k + 1 < len(starts) else n
        if first >= last:
            continue
        toks = tokens[first:last]
        sentences.append(Sentence(len(sentences), toks[0].start, toks[-1].end, toks))
    for idx, t in enumerate(tokens):
        t.index = idx
    for sent in sentences:
        for t in sent.tokens:
            t.sentence = sent.index
    return sentences


def _newline_boundary(text: str, prev: Token, tok: Token) -> bool:
    gap = text[prev.end : tok.start]
    if "\n" not in gap:
        return False
    if gap.count("\n") >= 2 or prev.text[-1] in _SENTENCE_END or prev.text in _CLOSING:
        return True
    line_start = text.rfind("\n", 0, prev.start) + 1
    line = text[line_start : prev.end]
    # a short line without final punctuation is a heading; a long one is a wrapped line
    return len(line) < 60 or (tok.text[:1].isupper() and prev.text[-1:].isalnum() and len(line) < 90)


def _is_boundary(text: str, tokens: list[Token], i: int, j: int, abbrevs: frozenset[str]) -> bool:
    tok, nxt = tokens[i], tokens[j]
    gap = text[tokens[j - 1].end : nxt.start]
    if gap.strip() != "" or (gap == "" and nxt.text not in _OPENING_QUOTES):
        return False
    if tok.text in {"!", "?", "…"} or tok.text.endswith(("!", "?")):
        return nxt.text[:1].isupper() or nxt.text[:1].isdigit() or nxt.text in _OPENING_QUOTES or "\n" in gap
    if tok.text != ".":
        # the token carries its own dot: an abbreviation such as "z.B." or "U.S."
        return tok.text[:-1] not in abbrevs and nxt.text[:1].isupper() and len(tok.text) > 4
    if i == 0:
        return False
    prev = tokens[i - 1]
    if prev.end == tok.start:
        if prev.text in abbrevs:
            return False
        if len(prev.text) == 1 and prev.text.isupper():
            return False  # an initial: "George W. Bush"
        if prev.text.isdigit() and len(prev.text) <= 2 and not nxt.text[:1].isupper():
            return False
        if prev.text.isdigit() and len(prev.text) <= 2 and nxt.text.lower() in _MONTHS:
            return False  # German ordinal date: "am 5. August"
    first = nxt.text[:1]
    return (
        first.isupper()
        or first.isdigit()
        or nxt.text in _OPENING_QUOTES
        or "\n" in gap
        or not first.isalpha()
    )


_MONTHS = frozenset(
    "januar februar märz april mai juni juli august september oktober november dezember "
    "jänner jan feb mär apr jun jul aug sep sept okt nov dez".split()
)
