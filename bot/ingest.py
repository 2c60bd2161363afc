"""From raw bytes to an Article: decoding, validation, metadata marker and title."""

from __future__ import annotations

import re

from bot.errors import UserFacingError
from bot.language.detect import detect_language
from bot.models import Article

DEFAULT_MAX_BYTES = 1_000_000

_BINARY_MAGIC = {
    b"%PDF": "a PDF file",
    b"PK\x03\x04": "a ZIP archive (or Office document)",
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "a program",
}
_DATE_MARKER = re.compile(r"\A\s*(?:date|datum)[:\s]\s*(\d{4}(?:-\d{2}){0,2})\b[ \t]*\n?", re.IGNORECASE)
_MAX_TITLE_CHARS = 160


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM); otherwise Windows-1252, which also covers Latin-1 text."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def check_bytes(data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
    if len(data) > max_bytes:
        raise UserFacingError(
            f"The article is too large ({len(data):,} bytes; the limit is {max_bytes:,} bytes)."
        )
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise UserFacingError(f"This looks like {what}, not article text. Please send plain text.")
    if b"\x00" in data[:65536]:
        raise UserFacingError("This looks like a binary file (it contains NUL bytes), not article text.")


def _control_share(text: str) -> float:
    sample = text[:20_000]
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return bad / max(1, len(sample))


def read_article(data: bytes, *, source: str = "", max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Validate and decode raw bytes into an Article, or raise UserFacingError."""
    check_bytes(data, max_bytes=max_bytes)
    return article_from_text(decode(data), source=source)


def article_from_text(text: str, *, source: str = "", url: str | None = None) -> Article:
    if not text.strip():
        raise UserFacingError("The article is empty: there is no text to brief.")
    if _control_share(text) > 0.01:
        raise UserFacingError("This looks like binary data, not article text. Please send plain text.")
    body_start = 0
    date = None
    marker = _DATE_MARKER.match(text)
    if marker and text[marker.end() :].strip():
        date = marker.group(1)
        body_start = marker.end()
    text_start = body_start
    title, body_start = _title(text, body_start)
    language = detect_language(text[text_start:])
    if language is None:
        raise UserFacingError(
            "The article does not seem to be in German or English; only those two languages are supported."
        )
    return Article(
        text=text,
        language=language,
        title=title,
        date=date,
        source=source,
        url=url,
        text_start=text_start,
        body_start=body_start,
    )


def _title(text: str, start: int) -> tuple[str, int]:
    """A short first line followed by more text is the title."""
    rest = text[start:]
    stripped = rest.lstrip()
    offset = start + len(rest) - len(stripped)
    newline = stripped.find("\n")
    if newline <= 0:
        return "", start
    first = stripped[:newline].strip()
    remainder = stripped[newline:].strip()
    if not first or len(first) > _MAX_TITLE_CHARS or not remainder:
        return "", start
    if first.endswith((",", ":", ";")) or (first.endswith(".") and len(first.split()) > 20):
        return "", start
    return first, offset + newline
