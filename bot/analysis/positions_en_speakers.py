"""Who holds an English attribution: the subject before the cue (across appositions and
relative clauses), an inverted speaker after it ("..., said Smith"), the subject of the main
clause for participles and coordinated verbs, the agent of a passive, the source of a marker.
"""

from __future__ import annotations

from bot.analysis.positions_en_frames import Scope, TokenSpan
from bot.analysis.positions_en_inverted import loose_name_right
from bot.analysis.positions_en_phrases import (
    FINITE_TAGS,
    RELATIVE_PRONOUNS,
    TIME_WORDS,
    is_quote_mark,
    left_np,
    right_np,
    skip_left_adverbials,
)
from bot.language.lexicons import lower_word_list
from bot.language.tokens import Token

_CLAUSE_BREAKS = frozenset({";", "--", "—", "–"})
_COMMA_LIKE = frozenset({",", "(", "—", "–", "--"})
_COORDINATORS = frozenset({"and", "but", "or", "then", "while"})
_SUBORDINATORS = frozenset(
    {"that", "if", "whether", "because", "when", "as", "after", "before", "since", "while"}
)
_MAX_APPOSITION_STEPS = 4
_RELATIVE_OPENERS = frozenset(
    {"who", "whose", "which", "whom", "where", "when", "though", "although", "as", "if"}
)
_MAX_RELATIVE_TOKENS = 15
_MAX_APPOSITION_QUOTE = 60  # a longer quotation before the verb is content, not an apposition
_PARTICIPLE_LINKS = frozenset({",", "before", "after", "while", "by", "in", "—", "–", "--"})


def stative_participles() -> frozenset[str]:
    """Participles after "be" that describe the subject's own view: "is convinced that ..."."""
    return lower_word_list("stative_participles_en")


def _is_be(tok: Token) -> bool:
    return tok.tag.startswith("VB")


def subject_left(scope: Scope, j: int, clauses_end: bool = False) -> TokenSpan | None:
    """The subject ending at token j (after adverbials were skipped), crossing appositions.

    "Samantha Phillips, the city's director, said" and "Cory James, 22, of Flint, said" give the
    name at the front; when no such name is found the nearest phrase before the comma serves.
    With `clauses_end`, a comma group that reads as a clause ends the search ("Clinton has a lead,
    said X"), for verbs that could have their speaker after them.
    """
    toks, lo = scope.tokens, scope.lo
    if j < lo:
        return None
    if toks[j].text not in _COMMA_LIKE:
        return left_np(toks, j, lo)
    nearest: TokenSpan | None = None
    candidate: TokenSpan | None = None  # a phrase between commas: "In her speech, Stein, a doctor, said"
    k = j
    for _ in range(_MAX_APPOSITION_STEPS):
        # the comma-delimited group ends before k; find the comma that opens it
        m = k - 1
        clause = False  # a finite verb with no relative pronoun before it: a clause
        while m >= lo and toks[m].text not in _COMMA_LIKE:
            if toks[m].text in _CLAUSE_BREAKS or (
                scope.quote_of[m] >= 0 and scope.quotes[scope.quote_of[m]].length > _MAX_APPOSITION_QUOTE
            ):
                return nearest
            if toks[m].tag in FINITE_TAGS:
                clause = True
            elif toks[m].text.lower() in _RELATIVE_OPENERS:
                clause = False
            m -= 1
        if clause and clauses_end:
            return nearest  # "Clinton has a lead, said X": the group is a clause, not an apposition
        if nearest is None:
            nearest = left_np(toks, k - 1, lo) if k - 1 > m else None
        if m < lo:
            return candidate or nearest
        np = left_np(toks, m - 1, lo)
        if np is None:
            k = m
            continue
        before = np[0] - 1
        if before < lo or (toks[before].text not in _COMMA_LIKE and toks[before].tag not in {"PRP", "PRF"}):
            return np
        if toks[before].tag in {"PRP", "PRF"}:
            comma = _previous_comma(scope, before)
            if comma is None:
                return candidate or nearest or np
            k = comma
            continue
        candidate = np
        k = before
    return candidate or nearest


def _previous_comma(scope: Scope, j: int) -> int | None:
    for m in range(j, scope.lo - 1, -1):
        if scope.tokens[m].text in _COMMA_LIKE:
            return m
    return None


def clause_subject(scope: Scope, i: int, nearest: bool = False) -> TokenSpan | None:
    """The subject of the main clause that a coordinated verb at token i belongs to.

    The first finite verb of the sentence (or of its part after a semicolon) whose subject is not
    a relative pronoun and not inside a subordinate clause ("When he arrived, Trump ...");
    with `nearest`, the closest such verb before i (for participles: "..., saying").
    """
    toks = scope.tokens
    start = scope.lo
    for k in range(i - 1, scope.lo - 1, -1):
        if toks[k].text == ";" and scope.quote_of[k] < 0:
            start = k + 1
            break
    candidates = range(i - 1, start - 1, -1) if nearest else range(start, i)
    for k in candidates:
        if scope.quote_of[k] >= 0 or (toks[k].tag not in FINITE_TAGS and toks[k].tag != "VVN"):
            continue  # VVN too: the tagger reads some simple pasts as participles
        j = skip_left_adverbials(toks, k - 1, start)
        if j >= start and toks[j].text.lower() in _COORDINATORS:
            continue
        subject = subject_left(scope, j) if j >= start else None
        if subject is None or toks[subject[0]].text.lower() in RELATIVE_PRONOUNS:
            continue
        before = subject[0] - 1
        if (
            before >= start
            and (toks[before].tag in {"CJS", "CJT"} or toks[before].text.lower() in _SUBORDINATORS)
            and any(toks[m].text == "," and scope.quote_of[m] < 0 for m in range(k, i))
        ):
            continue  # "When he arrived, Trump said": not within the subordinate clause itself
        return subject
    return None


def find_speaker(
    scope: Scope, i: int, last: int, can_invert: bool = True
) -> tuple[TokenSpan | None, bool, bool]:
    """(speaker, inverted, passive) for the verb cue at token i (particles up to `last`).

    `can_invert` allows a speaker after the verb ("..., said Smith"), for verbs of saying.
    """
    toks = scope.tokens
    j = skip_left_adverbials(toks, i - 1, scope.lo)
    passive = (
        toks[i].tag in {"VVN", "VVD"}
        and any(_is_be(toks[k]) for k in range(j + 1, i))
        and toks[i].text.lower() not in stative_participles()
    )
    if passive:
        return _by_agent(scope, last), False, True
    if j < scope.lo:
        inverted = _inverted(scope, last) if can_invert else None
        if inverted is not None:
            return inverted, True, False
        return None, False, False
    prev = toks[j]
    low = prev.text.lower()
    if low == "to" and toks[j].tag in {"TO0", "PRP"}:
        return _controller(scope, j), False, False
    if low in _COORDINATORS:
        return clause_subject(scope, j + 1), False, False
    if toks[i].tag == "VVG" and i - 1 == j and (low in _PARTICIPLE_LINKS or _after_quoted_comma(scope, j)):
        # after a quotation inside a that-clause, the main clause's subject: "X insisted that “...,” claiming"
        subject = clause_subject(scope, j + 1, nearest=low in _PARTICIPLE_LINKS)
        if subject is None and low == ",":
            subject = left_np(toks, j - 1, scope.lo)  # "The Journal, citing documents, reported ..."
        return subject, False, False
    inverted = (
        _inverted(scope, last, is_quote_mark(prev))
        if can_invert and (is_quote_mark(prev) or (prev.text == "," and _clause_before(scope, j)))
        else None
    )
    if inverted is not None and is_quote_mark(prev):
        return inverted, True, False
    speaker = subject_left(scope, j, clauses_end=inverted is not None)
    if speaker is not None:
        if toks[i].tag in FINITE_TAGS:
            speaker = _head_of_relative(scope, speaker)
        return speaker, False, False
    if inverted is not None:
        return inverted, True, False
    if prev.text == "," and toks[i].tag in {"VVD", "VVZ"}:
        return clause_subject(scope, j), False, False  # "Biden complained ..., mocked ..."
    return None, False, False


def _after_quoted_comma(scope: Scope, j: int) -> bool:
    """Token j closes a quotation that ends in a comma: 'defended “New York values,” saying ...'."""
    if scope.quote_of[j] < 0 or not is_quote_mark(scope.tokens[j]):
        return False
    quote = scope.quotes[scope.quote_of[j]]
    return scope.text[quote.start : quote.end].rstrip("\"”'’» ").endswith(",")


def _clause_before(scope: Scope, j: int) -> bool:
    """ "Taxes will rise, said Smith": a finite verb or a quotation stands before the comma at j;
    not "Jack Dorsey, Twitter's chief, posted a photo", where the comma closes an apposition."""
    toks = scope.tokens
    return any(toks[k].tag in FINITE_TAGS or scope.quote_of[k] >= 0 for k in range(scope.lo, j))


def _head_of_relative(scope: Scope, speaker: TokenSpan) -> TokenSpan:
    """ "Supporters who came to Philadelphia to protest the convention say ...": the phrase found
    before the verb ends a relative clause; the subject is the phrase the clause hangs on."""
    toks = scope.tokens
    if toks[speaker[0]].tag in {"PNP", "PNQ"} or toks[speaker[0]].text.lower() in RELATIVE_PRONOUNS:
        return speaker
    for k in range(speaker[0] - 1, max(scope.lo, speaker[0] - _MAX_RELATIVE_TOKENS) - 1, -1):
        tok = toks[k]
        if (
            tok.tag in {"PUN", "CJC", "CJS", "AVQ"}
            or scope.quote_of[k] >= 0
            or (k == speaker[0] - 1 and tok.tag == "CJT")
        ):
            break  # a new clause begins: "when he ...", "and researchers ...", "... that economists ..."
        if tok.text.lower() in {"who", "that", "which"} and tok.tag in {"PNQ", "CJT", "DTQ", "DT0"}:
            verb = k + 1
            while verb < speaker[0] and toks[verb].tag in {"AV0", "XX0"}:
                verb += 1
            if not toks[verb].tag.startswith("V"):
                return speaker  # "the limit that economists consider": the phrase is the subject
            head = left_np(toks, k - 1, scope.lo) if k - 1 >= scope.lo else None
            return head if head is not None and toks[head[1]].tag in {"NN1", "NN2", "NP0"} else speaker
    return speaker


def _controller(scope: Scope, to: int) -> TokenSpan | None:
    """Who does the infinitive at to+1: "for news accounts to portray", "pressure on her to say" and
    "urged voters to reject" name it before "to"; "Ramos used his speech to call for" means the subject."""
    toks = scope.tokens
    before = left_np(toks, to - 1, scope.lo) if to - 1 >= scope.lo else None
    if before is not None and toks[before[1]].text.lower() not in TIME_WORDS:
        governor = before[0] - 1
        if governor >= scope.lo and (
            toks[governor].text.lower() in {"for", "on", "upon"}
            or toks[governor].lemma.lower() in object_control_verbs()
        ):
            return before
    return clause_subject(scope, to, nearest=True)


def object_control_verbs() -> frozenset[str]:
    """Verbs whose object does what the infinitive says: "urged voters to reject"."""
    return lower_word_list("object_control_verbs_en")


def _inverted(scope: Scope, last: int, after_quote: bool = False) -> TokenSpan | None:
    """The speaker right after the verb ("..., said Smith."), when the clause ends after it.
    Right after a quotation the name is read loosely ('“...,” said Virginia delegate Beau Correll')."""
    found = right_np(scope.tokens, last + 1, scope.hi)
    if found is not None and scope.tokens[found[1]].text.lower() in TIME_WORDS:
        return None
    if found is not None and _ends_clause(scope, found[1] + 1):
        return found
    return loose_name_right(scope.tokens, last + 1, scope.hi) if after_quote else None


def _ends_clause(scope: Scope, k: int) -> bool:
    """After an inverted speaker ("..., said Smith"): the sentence ends, or a comma or PP follows."""
    if k > scope.hi:
        return True
    tok = scope.tokens[k]
    return (
        tok.text in {",", ".", ":", ";", "!", "?", "--", "—", "–", "("}
        or tok.tag in {"PRP", "PRF", "VVG"}
        or tok.text.lower() in {"who", "whose"}
    )


def _by_agent(scope: Scope, last: int) -> TokenSpan | None:
    for k in range(last + 1, min(scope.hi, last + 4) + 1):
        if scope.tokens[k].text.lower() == "by":
            return right_np(scope.tokens, k + 1, scope.hi)
        if scope.tokens[k].text in {",", ".", ";"}:
            break
    return None


def source_speaker(scope: Scope, last: int) -> TokenSpan | None:
    """The source after a marker: "according to [a count by The Associated Press],"."""
    toks = scope.tokens
    speaker = right_np(toks, last + 1, scope.hi)
    if speaker is None:
        return None
    after = speaker[1] + 1
    while after <= scope.hi and toks[after].text not in {",", ".", ";"} and scope.quote_of[after] < 0:
        after += 1  # the source phrase runs to the comma
    return (speaker[0], after - 1) if after - 1 >= speaker[0] else speaker
