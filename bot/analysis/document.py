"""The analysed document every engine stage reads: text, tokens, sentences, tags."""

from __future__ import annotations

from dataclasses import dataclass

from bot.language.tagger import get_tagger
from bot.language.tokens import Sentence, Token, split_sentences, tokenize
from bot.models import Article


@dataclass(slots=True)
class Document:
    article: Article
    tokens: list[Token]
    sentences: list[Sentence]

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def language(self) -> str:
        return self.article.language

    def span_text(self, start: int, end: int) -> str:
        return self.article.text[start:end]

    def token_at(self, offset: int) -> Token | None:
        """The token that covers (or starts after) a character offset."""
        lo, hi = 0, len(self.tokens)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.tokens[mid].end <= offset:
                lo = mid + 1
            else:
                hi = mid
        return self.tokens[lo] if lo < len(self.tokens) else None


def build_document(article: Article, *, tag: bool = True) -> Document:
    tokens = tokenize(article.text, article.text_start)
    sentences = split_sentences(article.text, tokens, article.language)
    if tag:
        tagger = get_tagger(article.language)
        for sentence in sentences:
            tagger.tag(sentence.tokens)
    return Document(article, tokens, sentences)
