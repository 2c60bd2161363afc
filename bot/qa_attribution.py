"""Which sentences are an actor's: speech verbs next to its name, pronouns, split name variants."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.qa_index import ArticleIndex

if TYPE_CHECKING:
    from bot.qa_actors import ActorProfile


_PRONOUN_WEIGHT = 0.7
_SPEAKER_WEIGHT = 1.1


def _pronoun_speaker(index: ArticleIndex, sid: int) -> bool:
    """'He said', 'sagte er', or a sentence that opens with a subject pronoun."""
    lex = index.lex
    ws = index.sentences[sid].words
    if any(w.folded in lex.subject_pronouns for w in ws[:4]):
        return True
    for i, w in enumerate(ws):
        if w.folded in lex.subject_pronouns:
            near = ws[max(0, i - 1) : i + 2]
            if any(x.key in lex.cue_keys for x in near):
                return True
    return False


def carry_pronouns(index: ArticleIndex, profiles: list[ActorProfile]) -> None:
    """A sentence with he/she/er/sie as subject, or a German subjunctive and no actor, continues the last."""
    by_sentence: dict[int, list[ActorProfile]] = {}
    for profile in profiles:
        for sid in profile.sentences:
            by_sentence.setdefault(sid, []).append(profile)
    for sent in index.sentences[1:]:
        sid = sent.index
        previous = by_sentence.get(sid - 1) or by_sentence.get(sid - 2)
        if not previous:
            continue
        continues_speech = sent.has_cue and sid not in by_sentence and index.language == "de"
        if not (continues_speech or _pronoun_speaker(index, sid)):
            continue
        people = [p for p in previous if p.kind in (None, "person")] or previous
        target = max(people, key=lambda p: len(p.sentences))  # the protagonist takes the pronouns
        if sid not in target.sentences:
            target.sentences[sid] = _PRONOUN_WEIGHT
            by_sentence.setdefault(sid, []).append(target)


def mark_speakers(index: ArticleIndex, profile: ActorProfile) -> None:
    """A mention next to a speech verb ('Malley erklärte', 'said Sanders') makes the actor the speaker."""
    cues = index.lex.cue_keys
    first_keys = {k for surface in profile.surfaces for k in surface[0]}
    for sid, weight in list(profile.sentences.items()):
        if weight != 1.0:
            continue
        ws = index.sentences[sid].words
        for i, w in enumerate(ws):
            if w.key in first_keys or any(w.key in surface[-1] for surface in profile.surfaces):
                near = ws[max(0, i - 2) : i + 3]
                if any(x.key in cues for x in near):
                    profile.sentences[sid] = _SPEAKER_WEIGHT
                    break


def merge_fragments(built: list[ActorProfile]) -> None:
    """'Johnson', 'Johnsons' and 'Boris Johnson' listed apart: let the full name see all their sentences."""
    singles: dict[str, list[ActorProfile]] = {}
    for profile in built:
        if profile.kind == "person" and profile.surfaces and len(profile.surfaces[0]) == 1:
            singles.setdefault(next(iter(profile.surfaces[0][0])), []).append(profile)
    for profile in built:
        if profile.kind != "person" or not profile.surfaces or len(profile.surfaces[0]) < 2:
            continue
        surname = next(iter(profile.surfaces[0][-1]))
        owners = [
            p
            for p in built
            if p.kind == "person" and p.surfaces and len(p.surfaces[0]) > 1 and surname in p.surfaces[0][-1]
        ]
        if len(owners) != 1:
            continue  # two people share the surname: keep them apart
        for fragment in singles.get(surname, []) + singles.get(surname + "s", []):
            for sid, weight in fragment.sentences.items():
                profile.sentences[sid] = max(weight, profile.sentences.get(sid, 0.0))
            profile.positions.extend(p for p in fragment.positions if p not in profile.positions)
            if profile.first_mention is None or (fragment.first_mention or 0) < profile.first_mention:
                profile.first_mention = fragment.first_mention
