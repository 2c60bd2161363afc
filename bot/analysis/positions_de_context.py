"""Shared state for the German position extractor: tokens, quotes, sentence bounds, span helpers."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.analysis.document import Document
from bot.analysis.positions import Offsets, RawPosition
from bot.analysis.positions_de_quotes import Quote, find_quotes
from bot.language.tokens import Sentence, Token

BOUNDARY_TEXTS = frozenset({",", ":", ";", "–", "—", "-", "(", ")"})
SENTENCE_END_TEXTS = frozenset({".", "!", "?", ":", ";", "…"})
SUBORDINATE_TAGS = frozenset({"KOUS", "PRELS", "PWAV", "PWS", "KOKOM", "PRELAT", "KOUI"})


@dataclass(slots=True)
class Found:
    """A position being built, with the token facts later stages need."""

    raw: RawPosition
    sentence: int
    speaker_tokens: tuple[int, int] | None = None
    is_quote: bool = False
    silent: bool = False  # a remembered speaker, not a position


@dataclass(slots=True)
class Context:
    doc: Document
    toks: list[Token]
    quotes: list[Quote]
    quote_of: list[int]  # per token: index of the enclosing quote (marks included), or -1
    found: list[Found] = field(default_factory=list)
    silent: list[Found] = field(default_factory=list)  # speakers of frames that gave no position
    by_sentence: dict[int, list[Found]] = field(default_factory=dict)  # found and silent, per sentence

    @classmethod
    def build(cls, doc: Document) -> Context:
        quotes = find_quotes(doc)
        quote_of = [-1] * len(doc.tokens)
        for qi, q in enumerate(quotes):
            for k in range(q.first, q.last + 1):
                quote_of[k] = qi
        return cls(doc, doc.tokens, quotes, quote_of)

    def chars(self, i: int, j: int) -> Offsets:
        """Character span of tokens [i, j)."""
        return (self.toks[i].start, self.toks[j - 1].end)

    def content(self, i: int, j: int) -> Offsets | None:
        """Character span of tokens [i, j) without edge punctuation and commas. It stops at a colon
        that introduces a quotation ("..., sei: „…“"): the quotation is a position of its own."""
        toks = self.toks
        for m in range(i + 1, j - 1):
            qi = self.quote_of[m + 1]
            if toks[m].text == ":" and self.quote_of[m] < 0 and qi >= 0 and self.quotes[qi].first == m + 1:
                j = m
                break
        while j > i and (toks[j - 1].text in SENTENCE_END_TEXTS or toks[j - 1].text in BOUNDARY_TEXTS):
            j -= 1
        while i < j and toks[i].text in BOUNDARY_TEXTS:
            i += 1
        if j <= i:
            return None
        return (toks[i].start, toks[j - 1].end)

    def in_quote(self, k: int) -> bool:
        return self.quote_of[k] >= 0

    def add(
        self,
        kind: str,
        content: Offsets | None,
        sentence: int,
        speaker: tuple[int, int] | None,
        cue: tuple[int, int] | None,
        *,
        is_quote: bool = False,
    ) -> Found | None:
        if content is None or content[1] <= content[0]:
            return None
        raw = RawPosition(
            kind,  # type: ignore[arg-type]
            content,
            self.chars(*speaker) if speaker else None,
            self.chars(*cue) if cue else None,
        )
        found = Found(raw, sentence, speaker, is_quote)
        self.found.append(found)
        self.index(found)
        return found

    def remember_speaker(self, sent: Sentence, speaker: tuple[int, int]) -> None:
        """A holder introduced by a speech verb without content: later Konjunktiv I sentences may
        continue what it said."""
        raw = RawPosition("reported", (sent.start, sent.end), self.chars(*speaker), None)
        found = Found(raw, sent.index, speaker, silent=True)
        self.silent.append(found)
        self.index(found)

    def index(self, found: Found) -> None:
        """File a position under every sentence its content touches (call again when it grows)."""
        first = self.doc.token_at(found.raw.content[0])
        last = self.doc.token_at(max(found.raw.content[0], found.raw.content[1] - 1))
        if first is None or last is None:
            return
        for s in range(first.sentence, last.sentence + 1):
            bucket = self.by_sentence.setdefault(s, [])
            if found not in bucket:
                bucket.append(found)

    def near(self, first_sentence: int, last_sentence: int) -> list[Found]:
        """Positions (found and silent) touching sentences first_sentence..last_sentence."""
        out: list[Found] = []
        for s in range(max(0, first_sentence), last_sentence + 1):
            for f in self.by_sentence.get(s, ()):
                if f not in out:
                    out.append(f)
        return out

    def _sentence_of(self, offset: int) -> int:
        tok = self.doc.token_at(offset)
        return tok.sentence if tok is not None else 0

    def claimed(self, start: int, end: int) -> bool:
        """True when [start, end) lies inside the content of a position already found."""
        s = self._sentence_of(start)
        return any(
            not f.silent and f.raw.content[0] <= start and end <= f.raw.content[1]
            for f in self.by_sentence.get(s, ())
        )

    def overlaps(self, start: int, end: int) -> bool:
        """True when [start, end) overlaps the content of a position already found."""
        first, last = self._sentence_of(start), self._sentence_of(max(start, end - 1))
        return any(
            not f.silent and f.raw.content[0] < end and start < f.raw.content[1]
            for f in self.near(first, last)
        )
