"""Actor records and the registry that merges mentions into them; the kind of a name that nothing
else explains; which candidates are actors of the story.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from bot.analysis.actors_lexicon import ActorLexicon
from bot.analysis.actors_roles import role_at
from bot.analysis.actors_scan import Mention
from bot.analysis.document import Document
from bot.models import ActorKind

_QUOTES = frozenset({'"', "„", "“", "”", "»", "«", "(", "'"})


def unknown_kind(reg: Registry, m: Mention, counts: Counter[str]) -> ActorKind | None:
    """Names without a given name, title or gazetteer entry: a person, an organisation, or nothing."""
    sent = reg.doc.sentences[m.sent].tokens
    lex = reg.lex
    j = m.first - 1
    while j >= 0 and sent[j].text in _QUOTES:
        j -= 1
    prev = sent[j] if j >= 0 else None
    if prev is not None and prev.tag in {"NN", "NN1", "NN2"} and role_at(sent, j, lex) is None:
        # a name after a common noun names that thing: "die Drogenbande Comando Vermelho"
        return "organisation" if lex.orgnoun(prev.text) else None
    nxt = sent[m.last + 1] if m.last + 1 < len(sent) else None
    spoke = (nxt is not None and nxt.text.lower() in lex.speech) or (
        prev is not None and prev.text.lower() in lex.speech
    )
    last = m.name.split()[-1]
    evidence = m.subject or spoke or counts[m.name] >= 2 or (last != m.name and counts[last] >= 1)
    if m.kind == "acronym":
        return "organisation" if evidence else None
    words = m.name.split()
    placed = any(_place_word(w, lex) for w in (words if lex.language == "de" else (words[0], words[-1])))
    if len(words) >= 2 and words[0] not in lex.first_names and placed:
        return "organisation"  # "Red Bull Salzburg", "Eintracht Frankfurt", "Sansun USA"
    numbered = nxt is not None and nxt.tag in {"CARD", "CRD"}  # "EURO STOXX 50", "Airbus A380"
    article = lex.language == "de" and prev is not None and prev.tag in {"ART", "APPRART"}
    if numbered or (article and words[0] not in lex.first_names):
        # no person: persons go without article in German ("Der Merkur wurde getroffen", "beim Merkur")
        return "organisation" if evidence and any(c.isupper() for c in m.name[1:]) else None
    if len(m.name.split()) >= 2 and (lex.language == "de" or evidence or m.roles):
        return "person"
    if not evidence:
        return None
    return "organisation" if any(c.isupper() for c in m.name[1:]) else "person"


def _place_word(word: str, lex: ActorLexicon) -> bool:
    return any(
        p.entry.kind in {"place", "state", "capital"} and len(p.words) == 1 and p.words[0] == word
        for p in lex.gazetteer.get(word.lower(), ())
    )


def modifier_only(reg: Registry, m: Mention) -> bool:
    """English: a name used as a modifier ("the Vermont senator", "Obama administration")."""
    if reg.lex.language != "en":
        return False
    sent = reg.doc.sentences[m.sent].tokens
    nxt = sent[m.last + 1] if m.last + 1 < len(sent) else None
    return nxt is not None and nxt.text[:1].islower() and nxt.tag in {"NN1", "NN2", "NN0"}


_LISTED_ALWAYS = frozenset({"person", "organisation"})


@dataclass
class ActorRecord:
    id: str
    name: str
    kind: ActorKind
    english_name: str | None = None
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    gender: str = ""  # m f n pl, "" when unknown
    listed: bool = True
    key: str = ""
    first_sentence: int = 0


@dataclass
class Registry:
    doc: Document
    lex: ActorLexicon
    records: dict[str, ActorRecord] = field(default_factory=dict)  # key -> record
    surnames: dict[str, list[ActorRecord]] = field(default_factory=dict)
    given: dict[str, list[ActorRecord]] = field(default_factory=dict)
    last_seen: dict[str, int] = field(default_factory=dict)  # record key -> last sentence

    def record(self, key: str, name: str, kind: ActorKind, m: Mention) -> ActorRecord:
        rec = self.records.get(key)
        if rec is None:
            rec = ActorRecord(id="", name=name, kind=kind, key=key, first_sentence=m.sent)
            self.records[key] = rec
        self.attach(rec, m)
        return rec

    def attach(self, rec: ActorRecord, m: Mention) -> None:
        m.actor = rec.key
        rec.mentions.append((m.start, m.end))
        self.last_seen[rec.key] = m.sent
        for role in m.roles:
            add_role(rec, role)
        if m.gender and not rec.gender:
            rec.gender = m.gender
        surface = self.doc.text[m.start : m.end]
        if surface != rec.name and surface not in rec.aliases and len(rec.aliases) < 8:
            rec.aliases.append(surface)


def add_role(rec: ActorRecord, role: str) -> None:
    """Add a role unless a fuller form is known ("President" after "AFT President"); a fuller form
    replaces a shorter one."""
    low = role.lower()
    for k, known in enumerate(rec.roles):
        other = known.lower()
        if other == low or other.endswith(" " + low):
            return
        if low.endswith(" " + other):
            rec.roles[k] = role
            return
    rec.roles.append(role)


def decide_listing(reg: Registry, mentions: list[Mention]) -> None:
    agentive: set[str] = set()
    for m in mentions:
        if m.actor and (m.agentive or m.subject or (m.kind == "group" and not m.descriptive)):
            agentive.add(m.actor)
    for rec in reg.records.values():
        if rec.kind in _LISTED_ALWAYS:
            rec.listed = True
        elif rec.key.startswith("group:bare-group"):
            rec.listed = False
        else:
            rec.listed = rec.key in agentive
