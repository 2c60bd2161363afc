"""German/English language identification by function-word counts.

Only German and English are supported, so a small, fast detector that also knows the
function words of the neighbouring languages (to refuse them) serves better than a large
general model.
"""

from __future__ import annotations

import re

from bot.models import Language

_WORD = re.compile(r"[^\W\d_]+")
_GERMAN_LETTERS = re.compile("[äöüÄÖÜß]")

_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "de": frozenset(
        "der die das den dem des ein eine einen einem einer eines und oder aber nicht ist sind war "
        "waren wird werden wurde wurden hat haben hatte hatten sich mit von zu zum zur auf für bei "
        "aus nach über unter auch noch nur schon wie wenn dass daß ich er sie es wir ihr man sein "
        "seine ihre diese dieser dieses kein keine im ins am vom beim durch gegen ohne um doch "
        "sagte sei seien habe wurde".split()
    ),
    "en": frozenset(
        "the a an and or but not is are was were be been being has have had will would shall "
        "should can could may might must of to in on at for with from by about as into than that "
        "this these those it its he she they we you i his her their our which who whom what when "
        "where said says there also".split()
    ),
    "other": frozenset(
        # French, Spanish, Italian, Dutch, Portuguese function words that are not German/English
        "le la les des du un une et est sont avec pour dans sur pas que qui ce cette nous vous "
        "el los las del y es con por para una como pero más su sus lo al se "
        "il lo gli della delle che non per con sono anche più nel alla "
        "de het een en van is niet dat op te zijn met voor ook aan bij werd "
        "os as do da dos das em não uma com mais seu sua ao pelo pela".split()
    )
    - frozenset("die in an was war will also man so um mit".split()),
}


def detect_language(text: str, *, sample_chars: int = 20_000) -> Language | None:
    """Return "de" or "en", or None when the text is in neither (or too short to tell)."""
    counts = {key: 0 for key in _FUNCTION_WORDS}
    for match in _WORD.finditer(text[:sample_chars]):
        word = match.group().lower()
        for key, words in _FUNCTION_WORDS.items():
            if word in words:
                counts[key] += 1
    de, en, other = counts["de"], counts["en"], counts["other"]
    hits = max(de, en)
    if other > 1.5 * hits:
        return None
    if hits == 0:
        # no function words at all (a table, a list of names): guess from the letters, if any
        if not _WORD.search(text[:sample_chars]):
            return None
        return "de" if _GERMAN_LETTERS.search(text[:sample_chars]) else "en"
    return "de" if de >= en else "en"
