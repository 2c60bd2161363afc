"""Speaker phrases headed by a role noun: "der Minister" -> the last minister, "ein Sprecher der
Regierung" -> the government, "Polizeisprecher" -> the police, "the Republican" -> the person just
spoken of."""

from __future__ import annotations

from typing import Protocol

from bot.analysis.actors_build import ActorRecord, add_role
from bot.analysis.actors_lexicon import ActorLexicon, adj_stem
from bot.analysis.actors_phrases import demonym_code
from bot.analysis.actors_roles import modifiers_start
from bot.analysis.actors_scan import surface
from bot.analysis.coref import Ref
from bot.language.tokens import Token
from bot.models import ActorKind

_KIND_RANK = {"person": 0, "organisation": 1, "group": 2, "state": 3}


def best_ref(refs: list[Ref]) -> ActorRecord | None:
    if not refs:
        return None
    return min(refs, key=lambda r: (_KIND_RANK.get(r.record.kind, 9), r.start)).record


class Index(Protocol):
    lex: ActorLexicon
    refs: list[Ref]

    @property
    def text(self) -> str: ...

    def records(self) -> list[ActorRecord]: ...

    def create(
        self, kind: ActorKind, key: str, name: str, span: tuple[int, int], sent: int
    ) -> ActorRecord: ...


def _role_matches(rec: ActorRecord, lemma: str, adjective: str) -> bool:
    feminine = lemma + "in"  # "die Ministerin" and the role "Bundesbildungsministerin"
    for role in rec.roles:
        words = role.lower().split()
        if any(w.endswith((lemma, feminine)) for w in words[:4]) and (
            not adjective or adjective in role.lower()
        ):
            return True
    return False


def _by_role(index: Index, lemma: str, gender: str, adjective: str, before: int) -> ActorRecord | None:
    best: tuple[int, ActorRecord] | None = None
    for ref in index.refs:
        if ref.start >= before:
            break
        rec = ref.record
        if rec.kind != "person" or not _role_matches(rec, lemma, adjective):
            continue
        if gender in {"m", "f"} and rec.gender in {"m", "f"} and rec.gender != gender:
            continue
        best = (ref.start, rec)
    return best[1] if best else None


def _recent_subject_person(index: Index, gender: str, before: int, sent: int) -> ActorRecord | None:
    chosen: ActorRecord | None = None
    for ref in index.refs:
        if ref.start >= before:
            break
        rec = ref.record
        if rec.kind == "person" and sent - ref.sent <= 2 and ref.subject:
            if gender in {"m", "f"} and rec.gender in {"m", "f"} and rec.gender != gender:
                continue
            chosen = rec
    return chosen


def _recent_person(index: Index, gender: str, before: int, sent: int) -> ActorRecord | None:
    """The person last named in this or the previous sentence, not as an owner ("Rubio's days")."""
    chosen: ActorRecord | None = None
    text = index.text
    for ref in index.refs:
        if ref.start >= before:
            break
        rec = ref.record
        if rec.kind != "person" or sent - ref.sent > 1 or text.startswith(("'s", "’s"), ref.end):
            continue
        if gender in {"m", "f"} and rec.gender in {"m", "f"} and rec.gender != gender:
            continue
        chosen = rec
    return chosen


def role_holder(
    index: Index,
    toks: list[Token],
    h: int,
    role: tuple[int, str],
    refs: list[Ref],
    definite: bool,
    sent: int,
    described: bool = False,
) -> ActorRecord | None:
    """ "der Minister" -> the last minister; "ein Sprecher der Regierung" -> the government;
    "Polizeisprecher" -> the police; "the Republican" -> the person just spoken of. described: the
    actors in the phrase only modify the role noun ("The GOP presidential front-runner"): a person."""
    lex = index.lex
    head = toks[h]
    hit = lex.role(head.text)
    lemma = hit[0] if hit else head.text.lower()
    lemma = lemma[:-2] if lex.language == "de" and role[1] == "f" and lemma.endswith("in") else lemma
    adjective = next((adj_stem(t.text.lower()) for t in toks[:h] if demonym_code(t, lex)), "")
    if not _spokesperson(lemma):
        found = _by_role(index, lemma, role[1], adjective, toks[0].start)
        if found is not None:
            return found
    if refs and not (definite and described):
        return best_ref(refs)
    if _spokesperson(lemma):
        found = compound_institution(index, head, sent, _SPOKESPERSON_TAILS) or _named_by_head_noun(
            index, toks[h + 1 :], toks[0].start
        )
        if found is not None:
            return found
    if not definite and lemma in _AGENTS and h + 1 == len(toks):
        # "One official suggested ...", "ein Sprecher sagte": speaks for the institution just named
        return recent(index, toks[0].start, sent, {"organisation"}, 1) or recent(
            index, toks[0].start, sent, {"state"}, 1
        )
    if definite and not _spokesperson(lemma):
        found = _recent_subject_person(index, role[1], toks[0].start, sent)
        if found is None and described:
            found = _recent_person(index, role[1], toks[0].start, sent)
        if found is not None and head.text not in found.roles and len(found.roles) < 8:
            add_role(found, surface(toks[modifiers_start(toks, h, lex) : h + 1]))  # "minority leader"
        return found or best_ref(refs)
    return best_ref(refs)


_SPOKESPERSON_TAILS = ("sprecherin", "sprecher", "spokesman", "spokeswoman", "spokesperson")
_AGENTS = frozenset(
    "official spokesman spokeswoman spokesperson aide sprecher sprecherin beamte beamter vertreter "
    "vertreterin mitarbeiter mitarbeiterin".split()
)


def _spokesperson(lemma: str) -> bool:
    return lemma.endswith(_SPOKESPERSON_TAILS)


def compound_institution(index: Index, head: Token, sent: int, tails: tuple[str, ...]) -> ActorRecord | None:
    """The institution in front of a compound: "Polizeisprecher", "Polizeiangaben" -> Polizei."""
    low = head.text.lower()
    tail = next((t for t in tails if low.endswith(t)), "")
    prefix = head.text[: len(head.text) - len(tail)].rstrip("-")
    if len(prefix) < 3:
        return None
    for rec in reversed(index.records()):
        if rec.kind == "organisation" and rec.name.lower() == prefix.lower():
            return rec  # "Porschesprecher" after "Porsche"
    for candidate in (prefix, prefix[:-1] if prefix.endswith("s") else ""):
        inst = index.lex.institutions.get(candidate.lower()) if candidate else None
        if inst is None:
            continue
        for rec in reversed(index.records()):
            if rec.kind == "organisation" and rec.name.lower().split()[-1].endswith(candidate.lower()):
                return rec
        if inst[1] == "organisation":
            name = candidate[:1].upper() + candidate[1:]
            return index.create(
                "organisation", "institution:" + name.lower(), name, (head.start, head.end), sent
            )
    return None


def recent(index: Index, before: int, sent: int, kinds: set[str], window: int = 3) -> ActorRecord | None:
    chosen: ActorRecord | None = None
    for ref in index.refs:
        if ref.start >= before:
            break
        if ref.record.kind in kinds and sent - ref.sent <= window:
            chosen = ref.record
    return chosen


_NOUN_TAGS = frozenset({"NN", "NN1", "NN2"})


def _named_by_head_noun(index: Index, after: list[Token], before: int) -> ActorRecord | None:
    """ "eine Sprecherin der Kommission" -> the "Europäische Kommission" named before: the last organisation
    whose name ends in the noun the spokesperson speaks for (genitive -s/-es allowed)."""
    nouns = [t.text.lower() for t in after if t.tag in _NOUN_TAGS]
    if not nouns:
        return None
    noun = nouns[-1]
    forms = {noun, noun.removesuffix("s"), noun.removesuffix("es")}
    chosen: ActorRecord | None = None
    for ref in index.refs:
        if ref.start >= before:
            break
        words = ref.record.name.lower().split()
        if ref.record.kind == "organisation" and len(words) > 1 and words[-1] in forms:
            chosen = ref.record
    return chosen
