"""The console sink prints digests from feed text: no terminal escape sequences get through."""

from __future__ import annotations

import io

import pytest

from adapters.sinks import ConsoleSink

pytestmark = pytest.mark.asyncio


async def test_control_characters_in_a_digest_are_not_printed() -> None:
    out = io.StringIO()
    text = "Digest\n\x1b[2J\x1b]0;owned\x07Headline\rover\x9bwritten\tkept\n"
    assert await ConsoleSink(out).post("console", text, key="k") is None
    printed = out.getvalue()
    assert not [c for c in printed if (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F]
    assert printed == "Digest\n[2J]0;ownedHeadlineoverwritten\tkept\n\n"
