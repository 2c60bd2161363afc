"""Resolve a speaker noun phrase to an actor: its head, role nouns ("der Minister" -> the last minister),
descriptions of groups ("one of Carson's advisers"), institutions ("the committee")."""

from __future__ import annotations

from bisect import bisect_left

from bot.analysis.actors_build import ActorRecord
from bot.analysis.actors_context import DET_TAGS, NOUN_TAGS
from bot.analysis.actors_groups import PARTITIVE, agent_plural_de, group_holder, plural_head
from bot.analysis.actors_lexicon import ActorLexicon
from bot.analysis.actors_phrases import institution
from bot.analysis.actors_roleref import Index, best_ref, compound_institution, recent, role_holder
from bot.analysis.actors_roles import role_at
from bot.analysis.actors_scan import gazetteer_match, surface
from bot.analysis.coref import Ref
from bot.language.tokens import Token
from bot.models import ActorKind

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
        if i + 1 < n and toks[i].text.lower() in PARTITIVE and toks[i + 1].text.lower() == "of":
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


def resolve_description(
    index: Index,
    toks: list[Token],
    sent: int,
    depth: int = 0,
    after: Ref | None = None,
    plural_verb: bool | None = None,
) -> ActorRecord | None:
    """The actor a speaker phrase describes. after: a person named in apposition right after the phrase
    ("Carson's business manager, Armstrong Williams"); plural_verb: does the phrase's verb agree in
    the plural (German, None when unknown)."""
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
    if role is not None and after is not None and not plural_head(toks, h, lex):
        return after.record
    if role is not None and (named := _unknown_name(index, toks, h, refs, sent)) is not None:
        return named  # a name the recogniser missed beats any other holder of the same role
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
    if (
        head.text.lower() in lex.groups
        or (role is not None and plural_head(toks, h, lex))
        or (lex.language == "de" and not refs and agent_plural_de(toks, h, plural_verb))
    ):
        return group_holder(index, toks, h, sent)
    if role is not None:
        return role_holder(index, toks, h, role, refs, definite, sent, _described(toks, h, refs))
    inst = institution(toks, h, lex)
    if inst is not None and not refs:
        return _institution(index, toks, h, inst, sent)
    if _non_holder(head, lex):
        if refs:
            return best_ref(refs)
        rest = _complement(toks, h)
        if rest and depth < 2:
            return resolve_description(index, rest, sent, depth + 1)  # "Angaben der Polizei"
        return _prefix_actor(index, head, sent) or compound_institution(index, head, sent, _NON_HOLDER_TAILS)
    if refs:
        return best_ref(refs)
    short = _short_form(index, head)
    if short is not None:
        return short  # "the Times" after "The New York Times"
    if definite and lex.orgnoun(head.text) and not _plural_noun(toks, h, plural_verb):
        return recent(index, start, sent, {"organisation"})  # "die Firma", "the newspaper"
    if head.text[:1].isupper() and (lex.language == "en" or head.tag in {"NE", "FM"}) and len(head.text) > 1:
        if _in_gazetteer(toks, h, lex) or lex.name_words.get(head.text, ("", ""))[0]:
            return None  # a place, a date or a title word is no new actor
        run = [t for t in toks[h:] if t.text[:1].isupper()] or [head]
        name = surface(run)
        kind: ActorKind = "organisation" if name.isupper() else "person"
        return index.create(kind, f"{kind}:{name.lower()}", name, (run[0].start, run[-1].end), sent)
    return None


_NAME_TAGS = frozenset({"NE", "NP0", "FM"})


def _in_gazetteer(toks: list[Token], h: int, lex: ActorLexicon) -> bool:
    """Is the head part of a gazetteer name ("Dakota" in "South Dakota")?"""
    for i in range(max(0, h - 3), h + 1):
        pattern = gazetteer_match(toks, i, lex)
        if pattern is not None and i + len(pattern.words) > h:
            return True
    return False


def _plural_noun(toks: list[Token], h: int, plural_verb: bool | None) -> bool:
    """ "die Organisationen", "the newspapers": several, so no single organisation."""
    head = toks[h]
    german_plural = h > 0 and toks[h - 1].text.lower() == "die" and head.text.endswith("en")
    return bool(plural_verb) or head.tag == "NN2" or german_plural


def _unknown_name(index: Index, toks: list[Token], h: int, refs: list[Ref], sent: int) -> ActorRecord | None:
    """A person's name closing the phrase that no mention covers: "Der Vorsitzende der Selbstverwaltung
    Istvan Kovacs" -> Istvan Kovacs."""
    k = len(toks)
    while k - 1 > h and toks[k - 1].tag in _NAME_TAGS and toks[k - 1].text[:1].isupper():
        k -= 1
    run = toks[k:]
    if len(run) < 2 or any(r.start < run[-1].end and run[0].start < r.end for r in refs):
        return None
    if any(index.lex.name_words.get(t.text, ("", ""))[0] in {"org", "place", "event"} for t in run):
        return None
    name = surface(run)
    return index.create("person", "person:" + name.lower(), name, (run[0].start, run[-1].end), sent)


def _described(toks: list[Token], h: int, refs: list[Ref]) -> bool:
    """Are all actors in the phrase modifiers of the role noun ("The GOP presidential front-runner",
    "the Vermont senator"), none of them its owner ("Carson's adviser") or complement?"""
    return bool(refs) and all(r.end <= toks[h].start and not _possessor(toks, r) for r in refs)


def _short_form(index: Index, head: Token) -> ActorRecord | None:
    """A known organisation named by the last word of its name: "the Times", "die Post"."""
    if not head.text[:1].isupper() or len(head.text) < 3:
        return None
    for rec in index.records():
        words = rec.name.split()
        if rec.kind == "organisation" and len(words) >= 2 and words[-1] == head.text:
            return rec
    return None


def _prefix_actor(index: Index, head: Token, sent: int) -> ActorRecord | None:
    """A known actor in front of a hyphenated report noun: "LSVD-Schreiben", "dpa-Meldung"."""
    prefix, _, tail = head.text.rpartition("-")
    if not prefix or not tail:
        return None
    for rec in index.records():
        if rec.name == prefix or prefix in rec.aliases:
            return rec
    pattern = gazetteer_match([Token(prefix, head.start, head.start + len(prefix), tag="NE")], 0, index.lex)
    if pattern is None or pattern.entry.kind not in {"organisation", "group"} or len(pattern.words) != 1:
        return None
    entry = pattern.entry
    name = entry.english if index.lex.language == "en" and entry.english else entry.key
    kind: ActorKind = "group" if entry.kind == "group" else "organisation"
    return index.create(kind, f"{kind}:{entry.key}", name, (head.start, head.start + len(prefix)), sent)


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
    tail = low.rpartition("-")[2]
    return (
        low in _NON_HOLDERS
        or tail in _NON_HOLDERS
        or (lex.language == "de" and low.endswith(_NON_HOLDER_TAILS))
    )


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
