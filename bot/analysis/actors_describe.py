"""Resolve a speaker noun phrase to an actor: its head, role nouns ("der Minister" -> the last minister),
descriptions of groups ("one of Carson's advisers"), institutions ("the committee")."""

from __future__ import annotations

from bisect import bisect_left

from bot.analysis.actors_build import ActorRecord
from bot.analysis.actors_context import ADJ_TAGS, DET_TAGS, NOUN_TAGS
from bot.analysis.actors_lexicon import ActorLexicon
from bot.analysis.actors_phrases import institution
from bot.analysis.actors_roleref import Index, best_ref, compound_institution, recent, role_holder
from bot.analysis.actors_roles import role_at
from bot.analysis.actors_scan import gazetteer_match, surface
from bot.analysis.coref import Ref
from bot.language.tokens import Token
from bot.models import ActorKind

_PARTITIVE = frozenset("one some many most several each all both two three few none any".split())


_QUANT_DE = frozenset("einer eine eines einige viele mehrere manche alle beide zwei drei".split())


_DEFINITE = frozenset({"der", "die", "das", "den", "dem", "des", "the"})


_NON_HOLDERS = frozenset(
    "angaben angabe bericht berichten berichte informationen information schätzungen aussagen aussage "
    "mitteilung erklärung meldung meldungen darstellung ansicht meinung sicht umfrage umfragen studie "
    "ermittlungen untersuchung analyse befunde befund erkenntnissen erkenntnisse daten zahlen dokument "
    "papier artikel brief schreiben interview auffassung einschätzung pressemitteilung stellungnahme "
    "report reports statement statements data estimates survey study poll polls according analysis "
    "document documents memo letter release interview findings figures records filing".split()
)


def head_index(toks: list[Token], language: str) -> int:
    """Index (into toks) of the head noun of a speaker phrase."""
    i = 0
    n = len(toks)
    while i < n and toks[i].tag in {"APPR", "APPRART", "PRP", "PRF"}:
        i += 1  # a span that starts with its preposition: "In Philadelphia", "nach Angaben"
    if language == "en":
        if i + 1 < n and toks[i].text.lower() in _PARTITIVE and toks[i + 1].text.lower() == "of":
            i += 2
        head = -1
        while i < n:
            tok = toks[i]
            low = tok.text.lower()
            if tok.tag in NOUN_TAGS or (tok.text[:1].isupper() and tok.tag not in DET_TAGS):
                head = i
            elif low in {"of", ",", "who", "that", "which", "(", "for", "at", "from", "in"}:
                break
            i += 1
        return head
    while i < n:
        tok = toks[i]
        if tok.tag in NOUN_TAGS or tok.tag == "NNA":
            return i
        i += 1
    return -1


def _overlapping(index: Index, start: int, end: int) -> list[Ref]:
    refs = index.refs
    hi = bisect_left(refs, end, key=_ref_start)
    lo = bisect_left(refs, start - 300, key=_ref_start)
    return [r for r in refs[lo:hi] if start < r.end]


def _ref_start(ref: Ref) -> int:
    return ref.start


def resolve_description(index: Index, toks: list[Token], sent: int, depth: int = 0) -> ActorRecord | None:
    lex = index.lex
    start, end = toks[0].start, toks[-1].end
    refs = _overlapping(index, start, end)
    h = head_index(toks, lex.language)
    if h < 0:
        return best_ref(refs)
    head = toks[h]
    role = role_at(toks, h, lex)
    people = [r for r in refs if r.record.kind == "person" and not _possessor(toks, r)]
    if role is not None and people:
        return people[0].record  # "der EU-Außenbeauftragte Javier Solana", "Secretary of State Mike Pompeo"
    for ref in refs:
        if ref.start <= head.start < ref.end:
            return ref.record
    acronym = _parenthesised_acronym(toks)
    if acronym is not None:
        return index.create(
            "organisation",
            "organisation:" + acronym.text.lower(),
            acronym.text,
            (acronym.start, acronym.end),
            sent,
        )
    definite = any(t.text.lower() in _DEFINITE for t in toks[:h])
    if head.text.lower() in lex.groups or (role is not None and _plural(toks, h, lex)):
        return _group(index, toks, h, refs, definite, sent)
    if role is not None:
        return role_holder(index, toks, h, role, refs, definite, sent)
    inst = institution(toks, h, lex)
    if inst is not None and not refs:
        return _institution(index, toks, h, inst, sent)
    if _non_holder(head, lex):
        if refs:
            return best_ref(refs)
        rest = _complement(toks, h)
        if rest and depth < 2:
            return resolve_description(index, rest, sent, depth + 1)  # "Angaben der Polizei"
        return compound_institution(index, head, sent, _NON_HOLDER_TAILS)  # "Polizeiangaben"
    if refs:
        return best_ref(refs)
    if definite and lex.orgnoun(head.text):
        return recent(index, start, sent, {"organisation"})  # "die Firma", "the newspaper"
    if head.text[:1].isupper() and (lex.language == "en" or head.tag in {"NE", "FM"}) and len(head.text) > 1:
        if gazetteer_match(toks, h, lex) is not None or lex.name_words.get(head.text, ("", ""))[0]:
            return None  # a place, a date or a title word is no new actor
        run = [t for t in toks[h:] if t.text[:1].isupper()] or [head]
        name = surface(run)
        kind: ActorKind = "organisation" if name.isupper() else "person"
        return index.create(kind, f"{kind}:{name.lower()}", name, (run[0].start, run[-1].end), sent)
    return None


_NON_HOLDER_TAILS = (
    "angaben",
    "angabe",
    "berichten",
    "bericht",
    "informationen",
    "mitteilung",
    "erklärung",
    "ermittlungen",
)


def _non_holder(tok: Token, lex: ActorLexicon) -> bool:
    low = tok.text.lower()
    return low in _NON_HOLDERS or (lex.language == "de" and low.endswith(_NON_HOLDER_TAILS))


def _complement(toks: list[Token], h: int) -> list[Token]:
    k = h + 1
    while k < len(toks) and (toks[k].tag in DET_TAGS or toks[k].tag in {"APPR", "APPRART", "PRP", "PRF"}):
        k += 1
    return toks[k:]


def _parenthesised_acronym(toks: list[Token]) -> Token | None:
    for k in range(1, len(toks) - 1):
        tok = toks[k]
        if toks[k - 1].text == "(" and toks[k + 1].text == ")" and tok.text.isupper() and len(tok.text) >= 2:
            return tok
    return None


def _possessor(toks: list[Token], ref: Ref) -> bool:
    """ "Hollis's advisers", "ein Berater Merkels": the person owns the holder, it is not the holder."""
    after = next((t for t in toks if t.start >= ref.end), None)
    if after is not None and after.text in {"'s", "’s", "'", "’"}:
        return True
    inside = [t for t in toks if ref.start <= t.start < ref.end]
    last = inside[-1].text if inside else ""
    name = ref.record.name.split()
    return last.endswith("s") and bool(name) and last != name[-1] and last[:-1] == name[-1]


def _plural(toks: list[Token], h: int, lex: ActorLexicon) -> bool:
    tok = toks[h]
    if lex.language == "en":
        return tok.tag == "NN2"
    if tok.text.lower().endswith("innen"):
        return True
    articles = [t.text.lower() for t in toks[:h] if t.tag == "ART"]
    feminine = tok.text.lower().endswith("in")
    return bool(articles) and articles[0] in {"die", "den"} and not feminine and h + 1 == len(toks)


def _group(
    index: Index, toks: list[Token], h: int, refs: list[Ref], definite: bool, sent: int
) -> ActorRecord | None:
    lex = index.lex
    first = 0
    if lex.language == "en" and len(toks) > 2 and toks[0].text.lower() in _PARTITIVE and toks[1].text == "of":
        first = 2
    while first < h and (toks[first].tag in DET_TAGS or toks[first].text.lower() in _QUANT_DE | _PARTITIVE):
        first += 1
    modifiers = toks[first:h]
    end = h
    if lex.language == "de":
        while end + 1 < len(toks) and (
            toks[end + 1].tag in DET_TAGS | ADJ_TAGS or toks[end + 1].tag in NOUN_TAGS
        ):
            end += 1
    elif end + 2 < len(toks) and toks[end + 1].text == "of" and toks[end + 2].text[:1].isupper():
        end += 2  # "Supporters of Sanders"
        while end + 1 < len(toks) and toks[end + 1].text[:1].isupper():
            end += 1
    proper = toks[h].text[:1].isupper() and lex.language == "en" and h > 0
    if not modifiers and end == h and not definite and not proper and not toks[h].text[:1].isupper():
        return None
    name = surface(toks[first : end + 1])
    for rec in index.records():
        if rec.kind == "group" and any(
            rec_start < toks[-1].end and toks[0].start < rec_end for rec_start, rec_end in rec.mentions
        ):
            return rec
    for rec in index.records():
        if rec.kind == "group" and rec.name.lower() == name.lower():
            return rec
    del refs
    return index.create("group", "group:" + name.lower(), name, (toks[first].start, toks[end].end), sent)


def _institution(
    index: Index, toks: list[Token], h: int, inst: tuple[str, str, str, int], sent: int
) -> ActorRecord | None:
    noun, _, kind, last = inst
    head = toks[h]
    for rec in reversed(index.records()):
        words = rec.name.lower().replace("-", " ").split()
        if rec.kind in {"organisation", "group"} and words and words[-1].startswith(noun.split()[-1][:6]):
            return rec
    if kind == "state":
        states = [r for r in index.records() if r.kind == "state" and r.listed]
        if states:
            return max(states, key=lambda r: len(r.mentions))
        return None
    if index.lex.language == "de":
        name = head.text[: len(noun)] if head.text.lower().startswith(noun) else head.text
    else:
        name = surface(toks[h : last + 1])
    return index.create(
        "organisation", "organisation:" + name.lower(), name, (head.start, toks[last].end), sent
    )
