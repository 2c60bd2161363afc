"""Frames whose content says nothing the source said: a participle with only its agent
("a statement released by the campaign", "(Reporting by X)") or a verb with only its setting
("said in a statement", "voted in the primary")."""

from __future__ import annotations

import re

from bot.analysis.positions_en_frames import Scope
from bot.analysis.positions_en_phrases import FINITE_TAGS, TIME_LINKS, TIME_WORDS

_WORD = re.compile(r"[a-z]+")
_CLAUSE_WORDS = frozenset({"if", "whether", "about", "to", "that", "on", "for"})
_SETTING_OPENINGS = frozenset({"in", "on", "from", "since", "under", "after", "over"})
_PREPOSITION_VERBS = frozenset({"believe", "insist", "comment", "agree", "rely", "depend"})
_STANCE_NOUNS = frozenset({"favor", "favour", "support", "defense", "defence", "opposition"})


def only_agent_or_setting(scope: Scope, last: int, content: tuple[int, int]) -> bool:
    """Whether the content right of the cue ending at token `last` is a bare agent or setting phrase."""
    toks = scope.tokens
    cue = toks[last]
    k = last + 1
    while k <= scope.hi and toks[k].start < content[0]:
        k += 1
    if k > scope.hi or toks[k].start != content[0]:
        return False
    opening = toks[k].text.lower()
    if opening in _SETTING_OPENINGS and cue.tag.startswith("V") and cue.lemma not in _PREPOSITION_VERBS:
        if k + 1 <= scope.hi and toks[k + 1].text.lower() in _STANCE_NOUNS:
            return False  # "argued in favor of ..."
        return not _has_clause(scope, k + 1, content[1], verbs=True)
    if opening != "by" or cue.tag not in {"VVN", "VVG"}:
        return False
    if cue.tag == "VVG" and not cue.text[:1].isupper():
        return False  # "responded by saying" keeps; "(Reporting by X)" goes
    return not _has_clause(scope, k + 1, content[1], verbs=False)


def _has_clause(scope: Scope, k: int, end: int, verbs: bool) -> bool:
    toks = scope.tokens
    while k <= scope.hi and toks[k].end <= end:
        tok = toks[k]
        if tok.text.lower() in _CLAUSE_WORDS or tok.tag == "VVG" or tok.tag in FINITE_TAGS:
            return True
        if scope.quote_of[k] >= 0 or (verbs and tok.tag.startswith("V")):
            return True
        k += 1
    return False


def only_time(content: str) -> bool:
    """Content such as "on Thursday" ("a poll released on Thursday") says nothing."""
    words = _WORD.findall(content.lower())
    return all(word in TIME_WORDS or word in TIME_LINKS for word in words)
