"""One answer per kind of question, each built from ranked, cited sentences of the article."""

from __future__ import annotations

from bot.models import Answer
from bot.qa_actors import ActorProfile, profiles
from bot.qa_compose import Composer, safe_echo
from bot.qa_index import ArticleIndex
from bot.qa_parse import ParsedQuestion
from bot.qa_resolve import Resolution
from bot.qa_retrieve import Query, pick, rank_sentences, topic_scores
from bot.qa_text import Word

_GENERIC_THRESHOLD = 0.3
_SHARED = 0.8  # comparing: a sentence that names the other side too says less about this one
_SPEECH = frozenset({"say", "think", "want", "plan", "demand", "fear"})
_ABOUT = frozenset({"about", "regarding", "concerning", "uber", "zum", "zur", "bezuglich", "hinsichtlich"})
_KIND_ORDER = ("person", "organisation", "state", "group")


def _with_continuations(
    index: ArticleIndex, profile: ActorProfile, chosen: list[int], limit: int
) -> list[int]:
    """Add the sentence after a chosen one when it goes on with the same actor's speech."""
    out = list(chosen)
    for sid in chosen:
        nxt = sid + 1
        if len(out) >= limit:
            break
        if (
            nxt < len(index.sentences)
            and nxt not in out
            and nxt in profile.sentences
            and index.sentences[nxt].has_cue
        ):
            out.append(nxt)
    return sorted(out)


def query_of(c: Composer, parsed: ParsedQuestion, res: Resolution, *, with_actors: bool = True) -> Query:
    others = [p for p in res.others if p is not res.holder] if with_actors else []
    cross = parsed.language != c.index.language
    return Query(words=res.topic, actors=others, actor_words=res.actor_keys, cross=cross, verbs=parsed.verbs)


def who_is(c: Composer, profile: ActorProfile, parsed: ParsedQuestion) -> Answer:
    index = c.index
    roles = c.roles(profile)
    head = c.say("who_is", name=safe_echo(profile.display(c.language)), roles_part="")
    if roles:
        head = c.say(
            "who_is", name=safe_echo(profile.display(c.language)), roles_part=c.say("roles_part", roles=roles)
        )
    kind = c.kind(profile)
    if kind:
        head = head[:-1] + c.say("kind_part", kind=kind) + "."
    mentions = sorted(
        sid for sid, w in profile.sentences.items() if w >= 1.0 and not index.sentences[sid].is_question
    )
    first = mentions[:1] or sorted(profile.sentences)[:1]
    ranked = rank_sentences(index, Query(verbs=["say"]), actor=profile)
    more = [sid for sid, _ in ranked if sid not in first][:1]
    parts = [head]
    if first:
        parts.append(c.say("who_is_evidence", quotes=c.quotes(first)))
    if more:
        parts.append(c.say("who_is_more", quotes=c.quotes(more)))
    return c.answered(" ".join(parts), first + more)


def statement(c: Composer, profile: ActorProfile, parsed: ParsedQuestion, res: Resolution) -> Answer:
    index = c.index
    verbs = parsed.verbs
    silent = not any(index.sentences[sid].has_cue for sid in profile.sentences)
    if verbs and set(verbs) <= {"say"} and not profile.positions and silent:
        name = safe_echo(profile.display(c.language))
        return c.declined(c.say("no_statement", name=name), sorted(profile.sentences)[:1])
    topic = _about(c, parsed)
    if topic and not any(index.term_hits(w.key, parsed.language != index.language) for w in topic):
        name, about = safe_echo(profile.display(c.language)), safe_echo(" ".join(w.text for w in topic))
        return c.declined(c.say("no_statement_topic", name=name, topic=about))
    ranked = rank_sentences(index, query_of(c, parsed, res), actor=profile)
    if any(not index.sentences[sid].is_question for sid, _ in ranked):
        ranked = [(sid, score) for sid, score in ranked if not index.sentences[sid].is_question]
    chosen = pick(ranked, limit=4, ratio=0.55)
    chosen = _with_continuations(index, profile, chosen, limit=5)
    if not chosen:
        return c.declined(c.say("not_said"))
    intent = next((v for v in verbs if v in c.t["statement_intro"]), "default")
    intro = c.t["statement_intro"][intent].format(holder=c.label(profile))
    return c.answered(f"{intro} {c.quotes(chosen)}", chosen)


def _about(c: Composer, parsed: ParsedQuestion) -> list[Word]:
    """The content words after 'about' / 'über' / 'zu': what the question wants the actor's view on."""
    lex = c.index.lex
    for i, w in enumerate(parsed.words):
        if w.folded in _ABOUT and i > 0:
            rest = parsed.words[i + 1 :]
            return [x for x in rest if not lex.is_stopword(x.folded) and x.folded not in lex.determiners]
    return []


def yes_no(c: Composer, profile: ActorProfile | None, parsed: ParsedQuestion, res: Resolution) -> Answer:
    index = c.index
    query = query_of(c, parsed, res)
    ranked = rank_sentences(index, query, actor=profile)
    chosen = pick(ranked, limit=2, ratio=0.7)
    if not chosen:
        return c.declined(c.say("not_said"))
    best = ranked[0][0]
    match = topic_scores(index, query).get(best, 0.0)
    if profile is None and match < _GENERIC_THRESHOLD:
        return c.declined(c.say("not_said"))
    lead = c.say("unclear")
    if match >= 0.34:
        negated = any(w.folded in index.lex.negations for w in index.sentences[best].words)
        lead = c.say("no") if negated != parsed.negated else c.say("yes")
        lead += " " + c.say("evidence")
    return c.answered(f"{lead} {c.quotes(chosen)}", chosen)


def who_does(c: Composer, parsed: ParsedQuestion, res: Resolution) -> Answer:
    index = c.index
    ranked = rank_sentences(index, query_of(c, parsed, res))
    chosen = pick(ranked, limit=2, ratio=0.75)
    if not chosen or ranked[0][1] < _GENERIC_THRESHOLD:
        return c.declined(c.say("not_said"))
    named = {p.key for p in res.others}
    found: list[ActorProfile] = []
    for sid in chosen:
        for profile in _actors_in(index, sid):
            if profile.key not in named and profile not in found:
                found.append(profile)
    if found:
        names = ", ".join(c.label(p) for p in found[:4])
        return c.answered(f"{c.say('who_does', names=names)} {c.quotes(chosen)}", chosen)
    return c.answered(f"{c.say('who_does_unknown')} {c.quotes(chosen)}", chosen)


def _actors_in(index: ArticleIndex, sid: int) -> list[ActorProfile]:
    """Who holds a sentence: its positions' speakers, else actors next to a speech verb, else those named."""
    sent = index.sentences[sid]
    all_profiles = profiles(index)
    by_id = {p.actor_id: p for p in all_profiles}
    speakers: list[ActorProfile] = []
    for position in index.briefing.positions:
        if position.actor and sent.start <= position.content.start < sent.end:
            profile = by_id.get(position.actor)
            if profile is not None and profile not in speakers:
                speakers.append(profile)
    if not speakers:
        speakers = [p for p in all_profiles if p.sentences.get(sid, 0.0) > 1.0]
    if speakers:
        return _distinct(speakers)
    named = [p for p in all_profiles if p.sentences.get(sid, 0.0) >= 1.0]
    named.sort(key=lambda p: (p.kind not in ("person", "organisation", None), _offset_in(index, p, sid)))
    carried = [p for p in all_profiles if 0 < p.sentences.get(sid, 0.0) < 1.0]
    return _distinct(named + carried)


def _distinct(found: list[ActorProfile]) -> list[ActorProfile]:
    """Drop 'Malley' when 'Rob Malley' is there."""
    names = [p.name.casefold() for p in found]
    return [
        p for p, n in zip(found, names, strict=True) if not any(n != o and o.endswith(" " + n) for o in names)
    ]


def _offset_in(index: ArticleIndex, profile: ActorProfile, sid: int) -> int:
    sent = index.sentences[sid]
    for w in sent.words:
        if any(w.key in alt for surface in profile.surfaces for alt in surface[:1]):
            return w.start
    return sent.end


def compare(c: Composer, parsed: ParsedQuestion, res: Resolution) -> Answer:
    index = c.index
    query = query_of(c, parsed, res, with_actors=False)
    if not query.verbs:
        query.verbs = ["say"]
    compared = res.actors[:3]
    rankings = []
    for profile in compared:
        theirs = frozenset(
            s for p in compared if p is not profile for s, w in p.sentences.items() if w >= 1.0
        )
        ranked = rank_sentences(index, query, actor=profile, exclude=theirs)
        ranked = [(sid, score * (_SHARED if sid in theirs else 1.0)) for sid, score in ranked]
        ranked.sort(key=lambda item: (-item[1], item[0]))
        rankings.append(ranked)
    chosen_by: list[list[int]] = []
    used: set[int] = set()
    for ranked in rankings:
        own = [(sid, score) for sid, score in ranked if sid not in used]
        chosen = pick(own, limit=2, ratio=0.6)
        chosen_by.append(chosen)
        used.update(chosen)
    scores = topic_scores(index, query)
    for i, ranked in enumerate(rankings):  # weak on the topic: prefer what stands next to the other's view
        if not chosen_by[i] or not query.words or max(scores.get(s, 0.0) for s in chosen_by[i]) >= 0.3:
            continue
        anchors = [s for j, group in enumerate(chosen_by) if j != i for s in group]
        near = [
            (sid, score + (0.2 if any(0 < sid - a <= 2 for a in anchors) else 0.0)) for sid, score in ranked
        ]
        near = [(sid, score) for sid, score in near if sid not in anchors]
        near.sort(key=lambda item: (-item[1], item[0]))
        chosen_by[i] = pick(near, limit=2, ratio=0.6)
    parts, cited = [], []
    for profile, chosen in zip(compared, chosen_by, strict=True):
        if chosen:
            parts.append(f"{c.label(profile)}: {c.quotes(chosen)}")
            cited.extend(chosen)
        else:
            parts.append(c.say("compare_missing", name=safe_echo(profile.display(c.language))))
    return c.answered(c.say("compare_intro") + " " + " — ".join(parts), cited)


def list_actors(c: Composer, parsed: ParsedQuestion) -> Answer:
    index = c.index
    known = [p for p in profiles(index) if p.sentences]
    if parsed.kind_filter:
        known = [p for p in known if p.kind == parsed.kind_filter]
        if not known:
            kinds = c.t["kinds_plural"][parsed.kind_filter]
            return c.declined(c.say("no_actors_kind", kinds=kinds))
    if not known:
        return c.declined(c.say("no_actors"))
    groups = []
    for kind in _KIND_ORDER:
        members = sorted((p for p in known if p.kind == kind), key=lambda p: p.first_mention or 0)
        if members:
            groups.append(f"{c.t['kinds_plural'][kind]}: " + ", ".join(c.label(p) for p in members))
    intro = c.say("list_intro")
    if parsed.kind_filter:
        intro = c.say("list_intro_kind", kinds=c.t["kinds_plural"][parsed.kind_filter])
        groups = [g.split(": ", 1)[1] for g in groups]
    cited = sorted({p.first_mention for p in known if p.first_mention is not None})
    return c.answered(f"{intro} " + "; ".join(groups) + ".", cited)


def summary(c: Composer) -> Answer:
    index = c.index
    sids = [index.sentence_at(s.start) for s in index.briefing.summary]
    if not sids:
        sids = [s.index for s in index.sentences if not s.is_question][:3]
    sids = sorted(dict.fromkeys(sids))
    if not sids:
        return c.declined(c.say("not_said"))
    return c.answered(f"{c.say('summary_intro')} {c.quotes(sids)}", sids)


def generic(c: Composer, parsed: ParsedQuestion, res: Resolution) -> Answer:
    index = c.index
    ranked = rank_sentences(index, query_of(c, parsed, res))
    if not ranked or ranked[0][1] < _GENERIC_THRESHOLD:
        return c.declined(c.say("not_said"))
    chosen = pick(ranked, limit=2, ratio=0.75)
    return c.answered(f"{c.say('evidence')} {c.quotes(chosen)}", chosen)
