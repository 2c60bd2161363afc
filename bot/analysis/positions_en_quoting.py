"""Verbs outside the lexicon that still introduce speech because a quotation stands next to them:
'Mr. Christie gloated: “...”', '“...,” reacted Trump', '“...,” she quipped'."""

from __future__ import annotations

from bot.analysis.positions_en_cues import CueSpec, Lexicon
from bot.analysis.positions_en_frames import Scope
from bot.analysis.positions_en_phrases import left_np, right_np
from bot.language.tokens import Token

QUOTING = CueSpec("indirect", "speech")
_VERB_TAGS = frozenset({"VVD", "VVZ"})
_NOUN_TAGS = frozenset({"NN2", "NN1", "NP0"})
_QUOTE_ENDINGS = frozenset(",?!")
_CLAUSE_ENDS = frozenset({".", ",", "!", "?", ";"})
_PLURAL_ENDINGS = frozenset({"NN2", "CRD", "NN0"})
_POLLED = frozenset({"polled", "surveyed", "questioned", "interviewed"})
_BEFORE_COLON_TAGS = frozenset({"AV0", "AVP", "AJC"})
_MAX_BEFORE_COLON = 3
_OBJECT_OPENINGS = frozenset({"AT0", "PNP", "CJT", "DPS", "DT0"})


def quoting_verb(scope: Scope, i: int) -> bool:
    """Whether the verb at token i introduces the quotation next to it."""
    toks = scope.tokens
    if toks[i].tag not in _VERB_TAGS and not _past_read_as_adjective(scope, i):
        return False
    colon = i + 1
    while colon <= min(scope.hi, i + _MAX_BEFORE_COLON) and (
        toks[colon].tag in _BEFORE_COLON_TAGS or toks[colon].text.lower() == "it"
    ):
        colon += 1  # "went even further: “...”", "put it: “...”"
    if colon < len(toks) and toks[colon].text == ":" and _opens_quote(scope, colon + 1):
        return colon <= scope.hi
    if _closes_open_quote(scope, i - 1):  # '“...,” reacted Trump.'
        after = right_np(toks, i + 1, scope.hi)
        return after is not None and (
            after[1] == scope.hi
            or toks[after[1] + 1].text in _CLAUSE_ENDS
            or toks[after[1] + 1].tag in {"PRF", "PRP"}  # "beamed Donald Hartley of Madison"
        )
    subject = left_np(toks, i - 1, scope.lo) if i - 1 >= scope.lo else None
    if subject is not None and _closes_open_quote(scope, subject[0] - 1):  # '“...,” she quipped.'
        return i == scope.hi or toks[i + 1].text in _CLAUSE_ENDS or toks[i + 1].tag in {"PRP", "AV0", "AVP"}
    return False


def _past_read_as_adjective(scope: Scope, i: int) -> bool:
    """'“...!” beamed Donald Hartley': a past tense right after a quotation, tagged as an adjective."""
    tok = scope.tokens[i]
    return tok.tag == "AJ0" and tok.text.endswith("ed") and _closes_open_quote(scope, i - 1)


def mistagged_cue(scope: Scope, i: int, lex: Lexicon) -> CueSpec | None:
    """A verb of saying the tagger read as a noun, between a quotation's speaker and the clause end:
    '“...,” Smith notes.'"""
    toks = scope.tokens
    tok = toks[i]
    low = tok.text.lower()
    if tok.tag == "NN1" and i < scope.hi and _plural_subject_verb(toks[i - 1], toks[i + 1]):
        spec = lex.verbs.get(low)
        if spec is not None and spec.frame in {"speech", "clause"}:
            return spec  # "Nearly nine out of 10 say they ...", "students polled think ..."
    if tok.tag not in _NOUN_TAGS or not low.endswith("s"):
        return None
    spec = lex.verbs.get(low[:-1]) or lex.verbs.get(low[:-2])
    if spec is None or spec.frame not in {"speech", "quote"}:
        return None
    subject = left_np(toks, i - 1, scope.lo) if i - 1 >= scope.lo else None
    if subject is None or not _closes_open_quote(scope, subject[0] - 1):
        return None
    if i == scope.hi or toks[i + 1].text in _CLAUSE_ENDS or toks[i + 1].tag in {"PRP", "AV0"}:
        return spec
    return None


def _plural_subject_verb(prev: Token, nxt: Token) -> bool:
    """A base-form verb the tagger read as a noun: it follows a plural or counted subject
    ("10 say", "students polled support") and an object or clause follows it."""
    plural = prev.tag in _PLURAL_ENDINGS or prev.text.lower() in _POLLED
    return plural and nxt.tag in _OBJECT_OPENINGS


def _opens_quote(scope: Scope, k: int) -> bool:
    if k >= len(scope.tokens) or scope.quote_of[k] < 0:
        return False
    return scope.quotes[scope.quote_of[k]].start == scope.tokens[k].start


def _closes_open_quote(scope: Scope, k: int) -> bool:
    """Token k ends a quotation whose last words end in a comma, question or exclamation mark."""
    if k < scope.lo or scope.quote_of[k] < 0:
        return False
    quote = scope.quotes[scope.quote_of[k]]
    if quote.end != scope.tokens[k].end:
        return False
    inner = scope.text[quote.start : quote.end].rstrip("\"”'’» ")
    return inner[-1:] in _QUOTE_ENDINGS
