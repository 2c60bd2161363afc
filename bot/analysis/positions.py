"""Positions: what actors say, want, decide or do, tied to spans of the text.

Public interface used by the pipeline:
  find_positions(doc) -> list[RawPosition]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.analysis.document import Document
from bot.models import PositionKind

Offsets = tuple[int, int]


@dataclass(slots=True)
class RawPosition:
    kind: PositionKind
    content: Offsets
    speaker: Offsets | None = None
    cue: Offsets | None = None


_QUOTE = re.compile(r"[\"„“”«»]([^\"„“”«»\n]{3,}?)[\"“”«»]")


def find_positions(doc: Document) -> list[RawPosition]:
    """Placeholder: quoted passages become direct positions without a speaker."""
    return [RawPosition("direct", (m.start(1), m.end(1))) for m in _QUOTE.finditer(doc.text)]
