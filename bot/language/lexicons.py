"""Word lists and gazetteers shipped as data files in bot/language/data.

Plain text files: one entry per line, `#` starts a comment. Tab-separated files map a key to
values. Everything is loaded once and cached.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

_DATA = resources.files("bot.language") / "data"


def _lines(name: str) -> list[str]:
    text = (_DATA / name).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].rstrip() if not line.startswith("#") else ""
        if line.strip():
            out.append(line.strip())
    return out


@cache
def word_list(name: str) -> frozenset[str]:
    """The entries of data/NAME.txt, as given (case preserved)."""
    return frozenset(_lines(f"{name}.txt"))


@cache
def lower_word_list(name: str) -> frozenset[str]:
    return frozenset(w.lower() for w in word_list(name))


@cache
def table(name: str) -> dict[str, list[str]]:
    """data/NAME.tsv: key<TAB>value<TAB>value..."""
    out: dict[str, list[str]] = {}
    for line in _lines(f"{name}.tsv"):
        key, *values = [part.strip() for part in line.split("\t")]
        out[key] = values
    return out


@cache
def json_data(name: str) -> Any:
    return json.loads((_DATA / f"{name}.json").read_text(encoding="utf-8"))


@cache
def abbreviations(language: str) -> frozenset[str]:
    """Abbreviations (without the final dot) after which a dot ends no sentence.

    Capitalised entries match as written ("Ill" for Illinois, not "ill"); lower-case entries
    also match capitalised at the start of a sentence ("Vgl").
    """
    out: set[str] = set()
    for entry in word_list(f"abbreviations_{language}"):
        out.add(entry)
        if entry.islower():
            out.add(entry[:1].upper() + entry[1:])
    return frozenset(out)
