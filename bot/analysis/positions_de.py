"""Positions in de articles (placeholder: quoted passages without a speaker)."""

from __future__ import annotations

import re

from bot.analysis.document import Document
from bot.analysis.positions import RawPosition

_QUOTE = re.compile(r"[\"„“”«»]([^\"„“”«»\n]{3,}?)[\"“”«»]")


def find_positions_de(doc: Document) -> list[RawPosition]:
    return [RawPosition("direct", (m.start(1), m.end(1))) for m in _QUOTE.finditer(doc.text)]
