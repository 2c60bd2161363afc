"""Present-tense speech verbs that the tagger reads as participles.

HanTa tags the 3rd person present of many verbs in -ieren/-t like their participle ("kritisiert",
"erklärt", "begründet" as VV(PP)). In a main clause without an auxiliary such a "participle" with a
subject before it and a complement after it is the finite verb: "X kritisiert, dass ...",
"X erklärt: ...", "X betont, die Lage sei ernst".
"""

from __future__ import annotations

from bot.analysis.positions_de_lexicon import is_subjunctive, speech_verbs
from bot.analysis.positions_de_phrases import subject_before
from bot.language.tokens import Token

_CONTENT_CONJUNCTIONS = frozenset({"dass", "daß"})
_CLAUSE_ENDS = frozenset({",", ";", ":", ".", "!", "?"})
_COMPLEMENT_REACH = 15  # tokens to the finite verb of a verb-second complement


def participle_for_finite(toks: list[Token], lo: int, j: int) -> bool:
    """Token j, tagged VV(PP), is the finite speech verb of the main clause starting at lo."""
    tok = toks[j]
    if tok.tag != "VV(PP)" or j <= lo or j + 2 >= len(toks) or tok.lemma.lower() not in speech_verbs():
        return False
    if any(t.tag.startswith(("VA", "VM")) for t in toks[lo:j]):
        return False  # "hat ... kritisiert", "soll ... erklärt werden"
    if not _complement_follows(toks, j):
        return False
    return subject_before(toks, lo, j) is not None


def _complement_follows(toks: list[Token], j: int) -> bool:
    """A colon, ", dass" or a comma and a verb-second clause in Konjunktiv after token j."""
    nxt = toks[j + 1]
    if nxt.sentence != toks[j].sentence:
        return False
    if nxt.text == ":":
        return True
    if nxt.text != ",":
        return False
    if toks[j + 2].lower in _CONTENT_CONJUNCTIONS:
        return True
    for m in range(j + 2, min(len(toks), j + 2 + _COMPLEMENT_REACH)):
        if toks[m].text in _CLAUSE_ENDS or toks[m].sentence != toks[j].sentence:
            return False
        if toks[m].tag.endswith("(FIN)"):
            return m > j + 2 and is_subjunctive(toks[m])
    return False
