"""What the model may say: JSON of a fixed shape, every claim cited, quotes verbatim, no new links.

`parse_reply` validates the model's text with pydantic; `Grounding.check` rejects (raises
`Ungrounded`) any text that cites no sentence or a sentence that does not exist, puts words in
quotation marks that the article does not contain, names a web address the article does not name,
or echoes the system prompt, its canary or the prompt's markers.
"""

from __future__ import annotations

import json
import re
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bot.llm_prompt import CANARY, SYSTEM_PROMPT

MAX_CLAIM_CHARS = 600
_SHINGLE = 7  # this many words in a row from the system prompt count as an echo

T = TypeVar("T", bound=BaseModel)


class Ungrounded(Exception):
    """The reply breaks a grounding or safety rule; `reason` names which (never the reply itself)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Malformed(Ungrounded):
    """The reply is not JSON of the expected shape."""


class _Reply(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class Claim(_Reply):
    text: str = Field(min_length=1, max_length=MAX_CLAIM_CHARS)
    sentences: list[int] = Field(default_factory=list, max_length=20)


class SummaryReply(_Reply):
    summary: list[Claim] = Field(min_length=1, max_length=5)


class AnswerReply(_Reply):
    answered: bool
    claims: list[Claim] = Field(default_factory=list, max_length=8)
    reason: str = Field(default="", max_length=MAX_CLAIM_CHARS)


_FENCE = re.compile(r"\A\s*```(?:json)?\s*(.*?)\s*```\s*\Z", re.DOTALL)


def parse_reply(raw: str, shape: type[T]) -> T:
    """The model's JSON as `shape` (a ```json fence around it is tolerated)."""
    fenced = _FENCE.match(raw)
    try:
        return shape.model_validate(json.loads(fenced.group(1) if fenced else raw))
    except (ValueError, ValidationError):
        raise Malformed("malformed JSON") from None


# Quotation pairs in German and English typography; the inner text must be in the article.
_QUOTE = re.compile(
    r"„([^“”\"„]+)[“”\"]|“([^”“]+)”|\"([^\"]+)\"|»([^»«]+)«|«([^«»]+)»|‚([^‘’‚]+)[‘’]|(?<!\w)‘([^’‘]+)’(?!\w)"
)
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…|\[\s*(?:\.\.\.|…)\s*\])\s*")
_EDGE_PUNCT = ".,;:!?-–— "
_TYPOGRAPHY = str.maketrans({"’": "'", "‘": "'", "‚": "'", "–": "-", "—": "-", "\u00a0": " "})
_SPACE = re.compile(r"\s+")
_URL = re.compile(
    r"(?i:\b(?:https?|ftp)://|\bwww\.|\bmailto:)[^\s<>\"”“»«)\]]+"
    r"|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\b[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)*\.[a-z]{2,24}\b(?:/[^\s<>\"”“»«)\]]*)?"
)
_WORD = re.compile(r"\w+")
_MARKER = re.compile(r"<<<|>>>")
_PROMPT_WORDS = [w.casefold() for w in _WORD.findall(SYSTEM_PROMPT)]
_PROMPT_SHINGLES = {tuple(_PROMPT_WORDS[i : i + _SHINGLE]) for i in range(len(_PROMPT_WORDS) - _SHINGLE + 1)}


def _normal(text: str) -> str:
    return _SPACE.sub(" ", text.translate(_TYPOGRAPHY)).strip()


def _url_key(url: str) -> str:
    url = url.rstrip(".,;:!?'").casefold()
    url = re.sub(r"\A(?:https?|ftp)://|\Amailto:", "", url)
    return url.removeprefix("www.").rstrip("/")


class Grounding:
    """The rules for one article: `check` passes a grounded text and raises Ungrounded otherwise."""

    def __init__(self, article_text: str, sentence_count: int, *, nonce: str) -> None:
        self.sentence_count = sentence_count
        self.nonce = nonce
        self._article = _normal(article_text)
        self._article_folded = self._article.casefold()

    def check_claim(self, claim: Claim) -> None:
        if not claim.sentences:
            raise Ungrounded("a claim cites no sentence")
        if any(not 1 <= n <= self.sentence_count for n in claim.sentences):
            raise Ungrounded("a claim cites a sentence that does not exist")
        self.check_text(claim.text)

    def check_text(self, text: str) -> None:
        """Rules for any text shown to users, cited or not."""
        self._check_leaks(text)
        self._check_quotes(text)
        self._check_urls(text)

    def check_rendering(self, text: str) -> None:
        """Rules for a translation shown beside its original: no prompt echo and no new web address."""
        self._check_leaks(text)
        self._check_urls(text)

    def check_verbatim(self, text: str) -> None:
        """The text must occur in the article word for word (typography and spacing aside)."""
        piece = _normal(text).strip(_EDGE_PUNCT)
        if not piece or piece not in self._article:
            raise Ungrounded("an original is not in the article")

    def _check_leaks(self, text: str) -> None:
        if CANARY in text or self.nonce in text or _MARKER.search(text):
            raise Ungrounded("the reply echoes the prompt")
        words = [w.casefold() for w in _WORD.findall(text)]
        for i in range(len(words) - _SHINGLE + 1):
            if tuple(words[i : i + _SHINGLE]) in _PROMPT_SHINGLES:
                raise Ungrounded("the reply echoes the system prompt")

    def _check_quotes(self, text: str) -> None:
        for match in _QUOTE.finditer(text):
            inner = next(group for group in match.groups() if group is not None)
            for piece in _ELLIPSIS.split(inner):
                piece = _normal(piece).strip(_EDGE_PUNCT)
                if piece and piece not in self._article:
                    raise Ungrounded("a quotation is not in the article")

    def _check_urls(self, text: str) -> None:
        for match in _URL.finditer(text):
            key = _url_key(match.group())
            if key and key not in self._article_folded:
                raise Ungrounded("the reply names a web address the article does not")
