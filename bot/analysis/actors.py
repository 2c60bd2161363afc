"""Actors: people, organisations, states and groups, with roles, aliases and mentions.

Public interface used by the pipeline:
  find_actors(doc) -> ActorIndex
  ActorIndex.resolve(doc, start, end) -> actor id for a speaker span (or None)
  ActorIndex.to_models() -> list[Actor]

Recognition: gazetteers and name runs (actors_scan, actors_runs, actors_names, actors_keywords),
descriptive phrases (actors_phrases), roles (actors_roles), context rules (actors_mentions,
actors_kinds), merging into actors (actors_persons, actors_orgs, actors_build). Speaker spans are
resolved through mentions, pronouns (coref), role nouns (actors_roleref), groups (actors_groups) and
other descriptions (actors_describe); every resolved holder is remembered as a speaker, so later
pronouns continue with it. Data: bot/language/data/actor_*.
"""

from __future__ import annotations

import logging
from bisect import bisect_left
from dataclasses import dataclass, field

from bot.analysis.actors_build import ActorRecord, Registry, decide_listing
from bot.analysis.actors_context import is_subject, plural_verb_near
from bot.analysis.actors_describe import resolve_description
from bot.analysis.actors_lexicon import ActorLexicon, actor_lexicon
from bot.analysis.actors_mentions import collect_mentions
from bot.analysis.actors_orgs import link_acronyms, merge_others
from bot.analysis.actors_persons import alias_lookup, merge_persons
from bot.analysis.actors_scan import Mention, after_locative
from bot.analysis.coref import Ref, inside, is_pronoun, pronoun_gender, quote_spans, resolve_pronoun
from bot.analysis.document import Document
from bot.language.tokens import Token
from bot.models import Actor, ActorKind, Span

__all__ = ["ActorIndex", "ActorRecord", "find_actors"]

log = logging.getLogger(__name__)
_PUNCT = frozenset(",.;:!?\"'„“”«»[]-–—")


@dataclass
class ActorIndex:
    lex: ActorLexicon
    registry: Registry | None = None
    refs: list[Ref] = field(default_factory=list)
    quotes: list[tuple[int, int]] = field(default_factory=list)  # quotation spans of the text
    _order: list[ActorRecord] = field(default_factory=list)
    _next_id: int = 1

    @property
    def actors(self) -> list[ActorRecord]:
        """The listed actors, in order of first mention."""
        return [rec for rec in self._order if rec.listed]

    def records(self) -> list[ActorRecord]:
        return list(self._order)

    def resolve(self, doc: Document, start: int, end: int) -> str | None:
        """The actor a speaker span refers to (name, pronoun or description), or None."""
        tokens = [t for t in _tokens_in(doc, start, end) if t.text not in _PUNCT]
        if not tokens:
            return None
        sent = tokens[0].sentence
        rec: ActorRecord | None
        first = tokens[0]
        if len(tokens) == 1 and is_pronoun(first.text, doc.language):
            quoted = inside(self.quotes, first.start)
            rec = resolve_pronoun(self.refs, doc, first.start, first.text, quoted)
            if rec is not None and rec.kind == "person" and not rec.gender and not quoted:
                rec.gender = pronoun_gender(first.text, doc.language)  # "he" after "Rush Limbaugh"
        else:
            rec = resolve_description(
                self,
                tokens,
                sent,
                after=self._apposition_after(end),
                plural_verb=_plural_verb(doc, tokens[-1]),
            )
        if rec is None:
            return None
        self._promote(rec)
        if not any(s < end and start < e for s, e in rec.mentions) and len(tokens) <= 8:
            rec.mentions.append((first.start, tokens[-1].end))
        self._mark_speaker(rec, first.start, tokens[-1].end, sent)
        return rec.id

    @property
    def text(self) -> str:
        return self.registry.doc.text if self.registry is not None else ""

    def _apposition_after(self, end: int) -> Ref | None:
        """A person named right after the span, set off by a comma: "..., Armstrong Williams, said"."""
        i = bisect_left(self.refs, end, key=_ref_start)
        if i >= len(self.refs):
            return None
        ref = self.refs[i]
        gap = self.text[end : ref.start]
        return ref if ref.record.kind == "person" and gap.strip() == "," and len(gap) <= 3 else None

    def _mark_speaker(self, rec: ActorRecord, start: int, end: int, sent: int) -> None:
        """Remember the holder's mention as a speaker: a later pronoun most likely goes on with it."""
        i = bisect_left(self.refs, start, key=_ref_start)
        while i > 0 and self.refs[i - 1].end > start:
            i -= 1
        marked = False
        while i < len(self.refs) and self.refs[i].start < end:
            ref = self.refs[i]
            if ref.record is rec and ref.end > start:
                ref.speaker = marked = True
            i += 1
        if not marked:
            self._add_ref(Ref(start, end, sent, rec, True, inside(self.quotes, start), True))

    def create(self, kind: ActorKind, key: str, name: str, span: tuple[int, int], sent: int) -> ActorRecord:
        """A new actor for a descriptive holder found by resolve ("one of Carson's advisers")."""
        assert self.registry is not None
        rec = self.registry.records.get(key)
        if rec is None:
            rec = ActorRecord(id="", name=name, kind=kind, key=key, first_sentence=sent, listed=False)
            self.registry.records[key] = rec
            self._order.append(rec)
        if span not in rec.mentions:
            rec.mentions.append(span)
            self._add_ref(Ref(span[0], span[1], sent, rec, False, inside(self.quotes, span[0])))
        return rec

    def _promote(self, rec: ActorRecord) -> None:
        rec.listed = True
        if not rec.id:
            rec.id = f"a{self._next_id}"
            self._next_id += 1

    def _add_ref(self, ref: Ref) -> None:
        self.refs.insert(bisect_left(self.refs, ref.start, key=_ref_start), ref)

    def to_models(self) -> list[Actor]:
        return [
            Actor(
                id=a.id,
                name=a.name,
                kind=a.kind,
                english_name=a.english_name,
                aliases=[x for x in a.aliases if x != a.name],
                roles=a.roles,
                mentions=[Span(start=s, end=e) for s, e in sorted(set(a.mentions))],
            )
            for a in self.actors
        ]


def _plural_verb(doc: Document, last: Token) -> bool | None:
    if doc.language != "de":
        return None
    sentence = doc.sentences[last.sentence].tokens
    return plural_verb_near(sentence, last.index - sentence[0].index)


def _ref_start(ref: Ref) -> int:
    return ref.start


def _tokens_in(doc: Document, start: int, end: int) -> list[Token]:
    first = doc.token_at(start)
    if first is None:
        return []
    out = []
    for tok in doc.tokens[first.index :]:
        if tok.start >= end:
            break
        out.append(tok)
    return out


def find_actors(doc: Document) -> ActorIndex:
    lex = actor_lexicon(doc.language)
    index = ActorIndex(lex)
    reg = Registry(doc, lex)
    index.registry = reg
    mentions = collect_mentions(doc, lex)
    mentions = merge_persons(reg, mentions)
    mentions = _surname_mentions(doc, reg, mentions)
    merge_others(reg, mentions)
    link_acronyms(reg)
    decide_listing(reg, mentions)
    unique: dict[int, ActorRecord] = {}
    for rec in reg.records.values():
        unique.setdefault(id(rec), rec)
    ordered = sorted(unique.values(), key=lambda r: min(r.mentions) if r.mentions else (1 << 30, 0))
    index._order = ordered
    for rec in ordered:
        if rec.listed:
            index._promote(rec)
    by_key = reg.records
    index.quotes = quote_spans(doc.text)
    quotes = index.quotes
    refs = [
        Ref(m.start, m.end, m.sent, by_key[m.actor], m.subject, inside(quotes, m.start))
        for m in mentions
        if m.actor in by_key
    ]
    refs.sort(key=_ref_start)
    index.refs = refs
    log.debug("actors: %d listed of %d candidates", len(index.actors), len(ordered))
    return index


def _surname_not_place(reg: Registry, m: Mention) -> None:
    text = reg.doc.text[m.start : m.end]
    sent = reg.doc.sentences[m.sent].tokens
    if text not in reg.surnames or after_locative(sent, m.first, reg.lex):
        return
    rec = alias_lookup(reg, text, m.sent, m.start)
    if rec is not None:
        m.kind = "person"
        m.subject = is_subject(sent, m.first, m.last, reg.lex)
        reg.attach(rec, m)


def _surname_mentions(doc: Document, reg: Registry, mentions: list[Mention]) -> list[Mention]:
    """Known surnames outside name runs ("Maas sagte", "Johnsons Partei") are mentions too."""
    if not reg.surnames:
        return mentions
    covered: set[int] = set()
    for m in mentions:
        if m.kind in {"place", "capital"} and m.first == m.last and m.actor == "":
            _surname_not_place(reg, m)  # "Bago soll ..." after "Ferenc Bago", though Bago is a town
        covered.update(range(m.start, m.end))
    extra: list[Mention] = []
    nonactor = {w for w, (cls, _) in reg.lex.name_words.items() if cls == "nonactor"}
    for sentence in doc.sentences:
        sent = sentence.tokens
        for k, tok in enumerate(sent):
            if not tok.text[:1].isupper() or tok.start in covered:
                continue
            if (
                tok.text in nonactor
                and k > 0
                and sent[k - 1].tag in {"APPR", "APPRART", "PRP", "CRD", "CARD"}
            ):
                continue
            rec = alias_lookup(reg, tok.text, sentence.index, tok.start)
            if rec is None:
                continue
            m = Mention(sentence.index, k, k, tok.start, tok.end, "person", rec.key, name=tok.text)
            m.subject = is_subject(sent, k, k, reg.lex)
            reg.attach(rec, m)
            extra.append(m)
    if not extra:
        return mentions
    return sorted([*mentions, *extra], key=lambda m: (m.start, -m.end))
